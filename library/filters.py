"""The filters of the library listing: theme, type, region and year.

They live in the query string (?theme=ipr&type=case_study&region=moscow&year=2007),
so a filtered listing can be bookmarked and its pages keep the filters. A
value that is not one of the choices is ignored rather than refused.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from library.choices import ItemType


class LibraryFilterForm(forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, topics, regions, years):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["theme"].choices = everything + [(topic.slug, topic.name) for topic in topics]
        self.fields["type"].choices = everything + list(ItemType.choices)
        self.fields["region"].choices = everything + [
            (region.slug, region.name) for region in regions
        ]
        self.fields["year"].choices = everything + [(year, year) for year in years]

    def values(self):
        """The valid, chosen filters: {name: value}."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in ("", None)}

    def apply(self, items, topics_by_slug):
        values = self.values()
        if "theme" in values:
            items = items.filter(
                topics__translation_key=topics_by_slug[values["theme"]].translation_key
            )
        if "type" in values:
            items = items.filter(item_type=values["type"])
        if "region" in values:
            items = items.filter(region__slug=values["region"])
        if "year" in values:
            items = items.filter(publication_date__year=values["year"])
        return items
