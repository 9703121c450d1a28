"""The community's glossary: one row per pair of terms, Russian and English.

Coordinators and editors keep it in the Wagtail admin (a snippet). It is
read by the search ("search all languages" also finds what is written with
the other language's term, search/expansion.py), by the pages that mark
terms for their readers (`MarkedTerms`, glossary/marking.py), by the
translation editor's "Glossary terms on this page" panel and by machine
translation (glossary/machine.py).

A term matches in any inflected form: matching compares Snowball stems
(search/text.py), so "интеллектуальной собственности" is the term
"интеллектуальная собственность". Other forms (abbreviations, synonyms)
are listed one per line.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from search import text

MAX_TERM_LENGTH = 120
MAX_TERM_WORDS = 6
MAX_DEFINITION_LENGTH = 500
MAX_FORMS = 10


def term_key(value):
    """What two spellings of one term have in common: their stems."""
    return " ".join(text.stems(value))


def form_lines(value):
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class GlossaryTerm(models.Model):
    term_ru = models.CharField(_("Russian term"), max_length=MAX_TERM_LENGTH, unique=True)
    term_en = models.CharField(_("English term"), max_length=MAX_TERM_LENGTH, unique=True)
    definition_ru = models.TextField(
        _("Definition in Russian"), max_length=MAX_DEFINITION_LENGTH, blank=True
    )
    definition_en = models.TextField(
        _("Definition in English"), max_length=MAX_DEFINITION_LENGTH, blank=True
    )
    forms_ru = models.TextField(
        _("Other Russian forms"),
        max_length=MAX_DEFINITION_LENGTH,
        blank=True,
        help_text=_(
            "Abbreviations and synonyms, one per line. Inflected forms match by themselves."
        ),
    )
    forms_en = models.TextField(
        _("Other English forms"),
        max_length=MAX_DEFINITION_LENGTH,
        blank=True,
        help_text=_("Abbreviations and synonyms, one per line. Plurals match by themselves."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("term_ru"), FieldPanel("definition_ru"), FieldPanel("forms_ru")],
            heading=_("Russian"),
        ),
        MultiFieldPanel(
            [FieldPanel("term_en"), FieldPanel("definition_en"), FieldPanel("forms_en")],
            heading=_("English"),
        ),
    ]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term_ru"]

    def __str__(self):
        return f"{self.term_ru} — {self.term_en}"

    def term(self, language):
        return self.term_en if language == "en" else self.term_ru

    def definition(self, language):
        return self.definition_en if language == "en" else self.definition_ru

    def forms(self, language):
        """The term and its other forms in `language`."""
        extra = self.forms_en if language == "en" else self.forms_ru
        return [self.term(language), *form_lines(extra)]

    def clean(self):
        errors = {}
        for language, field, forms_field in (
            ("ru", "term_ru", "forms_ru"),
            ("en", "term_en", "forms_en"),
        ):
            value = " ".join((getattr(self, field) or "").split())
            setattr(self, field, value)
            if value and not text.words(value):
                errors[field] = _("A term needs at least one word.")
            elif len(text.words(value)) > MAX_TERM_WORDS:
                errors[field] = _("A term has at most %(count)d words.") % {"count": MAX_TERM_WORDS}
            elif value and self._taken(field, language, value):
                errors[field] = _("This term is already in the glossary.")
            forms = form_lines(getattr(self, forms_field))
            if len(forms) > MAX_FORMS:
                errors[forms_field] = _("At most %(count)d other forms.") % {"count": MAX_FORMS}
            elif any(len(form) > MAX_TERM_LENGTH or not text.words(form) for form in forms):
                errors[forms_field] = _(
                    "Each other form is one line of words, at most %(count)d characters."
                ) % {"count": MAX_TERM_LENGTH}
            else:
                setattr(self, forms_field, "\n".join(forms))
        if errors:
            raise ValidationError(errors)

    def _taken(self, field, language, value):
        """Whether another row has this term, in any case or inflection."""
        key = term_key(value)
        others = GlossaryTerm.objects.exclude(pk=self.pk).values_list(field, flat=True)
        return any(term_key(other) == key for other in others)


class MarkedTermsForm(WagtailAdminModelForm):
    """Marks are part of how a page reads: only someone who may edit the
    page (a region's coordinators, their region's pages) chooses them."""

    def clean_page(self):
        page = self.cleaned_data.get("page")
        user = getattr(self, "for_user", None)
        if page is not None and not may_mark(user, page):
            raise ValidationError(_("You may mark terms only on pages you may edit."))
        return page


def may_mark(user, page):
    return user is not None and page.permissions_for_user(user).can_edit()


class MarkedTerms(ClusterableModel):
    """The glossary terms a page marks for its readers: the first place its
    body uses each of them shows the term's translation on hover and focus.
    Chosen once for a page and all its translations (the Russian page marks
    the Russian term, the English page the English one)."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    terms = ParentalManyToManyField(GlossaryTerm, verbose_name=_("terms"), related_name="+")

    panels = [FieldPanel("page"), FieldPanel("terms")]
    base_form_class = MarkedTermsForm

    class Meta:
        verbose_name = _("terms marked on a page")
        verbose_name_plural = _("terms marked on pages")

    def __str__(self):
        return str(self.page)
