"""Search and filters of the people directory (GET forms)."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from community.choices import Sector


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100, strip=True)
    region = forms.ChoiceField(label=_("Region"), required=False)
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("All sectors")), *Sector.choices],
    )

    def __init__(self, data, *, terms):
        # Only the filter's own keys: a page number or anything else in the
        # query string is none of this form's business.
        super().__init__({key: data.get(key, "") for key in self.base_fields})
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region.slug, region.name) for region in terms.regions
        ]

    @property
    def query_string(self):
        """The active filters as a query string; empty when none is set."""
        if not self.is_valid():
            return ""
        return urlencode({key: value for key, value in self.cleaned_data.items() if value})


class MemberFilterForm(DirectoryFilterForm):
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    field_order = ["q", "region", "theme", "sector"]

    def __init__(self, data, *, terms):
        super().__init__(data, terms=terms)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (topic.slug, topic.name) for topic in terms.topics
        ]


class CompanyFilterForm(DirectoryFilterForm):
    pass
