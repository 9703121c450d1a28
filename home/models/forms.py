"""The contact form page: visitors write to the community, and each
submission is stored and e-mailed to the site's contact address. A bot
trap (home/bot_check.py) and a limit per visitor and per e-mail address
(home/contact_limits.py) keep spam out."""

import logging
from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, EmailFormMixin
from wagtail.models import TranslatableMixin

from home.bot_check import HoneypotFormMixin
from home.contact_limits import TOO_MANY_MESSAGES, may_send, submitted_addresses
from home.models.site_settings import SiteSettings

logger = logging.getLogger(__name__)

LINE_BREAKS = ("\r", "\n")


def reject_line_breaks(value):
    """Single-line values may end up in e-mail headers: a line break there
    would let a visitor add headers of their own (header injection)."""
    if any(char in (value or "") for char in LINE_BREAKS):
        raise ValidationError(_("This field must fit on one line."), code="line_break")


class ContactFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("ContactForm", (HoneypotFormMixin, BaseForm), self.formfields)

    def create_singleline_field(self, field, options):
        form_field = super().create_singleline_field(field, options)
        form_field.validators.append(reject_line_breaks)
        return form_field

    def create_email_field(self, field, options):
        form_field = super().create_email_field(field, options)
        form_field.validators.append(reject_line_breaks)
        return form_field


class FormField(TranslatableMixin, AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    # A translation copies its source's clean_name (Wagtail sets it only
    # when it is empty), so both languages' submissions share their columns.

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class FormPage(AbstractEmailForm):
    """A contact form. With no address of its own, submissions go to the
    contact e-mail of the site settings."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(_("thank-you text"), blank=True)

    form_builder = ContactFormBuilder

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            _("E-mail"),
        ),
    ]

    template = "home/form_page.html"
    landing_page_template = "home/form_page_landing.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact form page")
        verbose_name_plural = _("contact form pages")

    def serve(self, request, *args, **kwargs):
        """Wagtail's own, but a valid message over the sending limits is
        refused (429) with the form still filled in, and nothing is stored
        or sent."""
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        status = HTTPStatus.OK
        if form.is_valid():
            if may_send(request, form):
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            form.add_error(None, TOO_MANY_MESSAGES)
            status = HTTPStatus.TOO_MANY_REQUESTS
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        # Always store and send; the stock mixin only sends when the page
        # has an address of its own.
        submission = super(EmailFormMixin, self).process_form_submission(form)
        self.send_mail(form)
        return submission

    def get_recipients(self):
        if self.to_address:
            return [address.strip() for address in self.to_address.split(",") if address.strip()]
        site = self.get_site()
        address = SiteSettings.for_site(site).contact_email if site else ""
        return [address] if address else []

    def send_mail(self, form):
        recipients = self.get_recipients()
        if not recipients:
            logger.warning(
                "Contact form %s has no recipient; the message was stored only.", self.pk
            )
            return
        reply_to = submitted_addresses(form)
        EmailMessage(
            subject=self.subject or str(_("Message from the RUSMECO portal")),
            body=self.render_email(form),
            from_email=self.from_address or None,
            to=recipients,
            reply_to=reply_to[:1],
        ).send()
