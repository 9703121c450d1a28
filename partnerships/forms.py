"""The forms of the partnerships: a listing as a company's manager writes
it on the site (partnerships/writing.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.choices import Sector
from home.models import Region, Topic
from partnerships.choices import ListingType, Stage

TITLE_MAX = 150
SUMMARY_MAX = 400
DESCRIPTION_MAX = 5000
SOUGHT_MAX = 1000


class ListingForm(forms.Form):
    """A listing: the company (only those the member manages; chosen when
    it is written and kept afterwards), its type, texts, themes, sector,
    region and stage. Themes and regions are offered in the language of
    the partnerships page the form is opened from."""

    company = forms.ModelChoiceField(
        label=_("Company"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of the companies you manage.")},
        # The companies' names, as their members wrote them (content).
        widget=forms.Select(attrs={"data-content": True}),
    )
    listing_type = forms.ChoiceField(label=_("Type"), choices=ListingType.choices)
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences shown in the list of partnerships."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    sought = forms.CharField(
        label=_("What is sought"), max_length=SOUGHT_MAX, widget=forms.Textarea(attrs={"rows": 4})
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose themes from the list."),
            "invalid_pk_value": _("Choose themes from the list."),
        },
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices)
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        empty_label=None,
        help_text=_("The coordinators of this region review the listing before it is public."),
        error_messages={"invalid_choice": _("Choose a region from the list.")},
    )
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)

    def __init__(self, *args, companies, locale_id, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies
        self.fields["topics"].queryset = Topic.objects.filter(locale_id=locale_id)
        self.fields["region"].queryset = Region.objects.filter(locale_id=locale_id)
        if editing:
            # A listing stays with the company it was written for.
            del self.fields["company"]
        messages = {
            "title": _("Give your listing a title."),
            "summary": _("Write a short summary."),
            "description": _("Describe what you offer or look for."),
            "sought": _("Say what kind of partner you are looking for."),
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message
        # The choices are read once (iterated, not counted first): rendering
        # them costs no more queries.
        for name in ("company", "topics", "region"):
            if name in self.fields:
                self.fields[name].widget.choices = list(iter(self.fields[name].choices))
        for name in ("listing_type", "sector", "stage"):
            self.fields[name].error_messages["invalid_choice"] = _("Choose one from the list.")


def initial_of(listing, locale_id):
    """The form's values for a listing (its latest revision): themes and
    region in the form's language where translated."""
    region = listing.region
    if region is not None and region.locale_id != locale_id:
        region = region.get_translation_or_none(locale_id) or region
    topics = []
    for topic in listing.topics.all():
        if topic.locale_id != locale_id:
            topic = (
                Topic.objects.filter(
                    translation_key=topic.translation_key, locale_id=locale_id
                ).first()
                or topic
            )
        topics.append(topic.pk)
    return {
        "listing_type": listing.listing_type,
        "title": listing.title,
        "summary": listing.summary,
        "description": listing.description,
        "sought": listing.sought,
        "topics": topics,
        "sector": listing.sector,
        "region": region.pk if region else None,
        "stage": listing.stage,
    }
