"""Site-wide settings editors change in the admin: contact details, social
links and the pages the footer links to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("contact e-mail"),
        help_text=_("Messages sent through the contact form go to this address."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("“About” page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("“Contact” page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    vk_url = models.URLField(_("VK"), blank=True)
    telegram_url = models.URLField(_("Telegram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], _("Contact details")),
        MultiFieldPanel([FieldPanel("about_page"), FieldPanel("contact_page")], _("Footer")),
        MultiFieldPanel(
            [
                FieldPanel("vk_url"),
                FieldPanel("telegram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
            ],
            _("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        links = [
            ("VK", self.vk_url),
            ("Telegram", self.telegram_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in links if url]
