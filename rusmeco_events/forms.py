"""Forms of the events app: the admin form of an event page, and the
filters of the event calendar."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from home.models import Region, Topic
from rusmeco_events import times
from rusmeco_events.choices import EventKind

LOCAL_TIME_FIELDS = ("start", "end", "registration_deadline")


class EventPageForm(WagtailAdminPageForm):
    """Editors enter an event's times as the local time of its region (an
    organiser in Ekaterinburg writes 18:00 for a meeting at six in the
    evening there), whatever time zone their own admin account uses.
    Regions and themes are offered in the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id:
            if "region" in self.fields:
                self.fields["region"].queryset = Region.objects.filter(locale_id=locale_id)
            if "topics" in self.fields:
                self.fields["topics"].queryset = Topic.objects.filter(locale_id=locale_id)
        if not self.is_bound:
            zone = self.instance.zone
            for name in LOCAL_TIME_FIELDS:
                value = getattr(self.instance, name, None)
                if name in self.fields and value is not None:
                    self.initial[name] = timezone.make_naive(value, zone)

    def clean(self):
        cleaned_data = super().clean()
        region = cleaned_data.get("region")
        zone = region.tzinfo if region else times.default_zone()
        for name in LOCAL_TIME_FIELDS:
            value = cleaned_data.get(name)
            if value is not None:
                # The field read the wall-clock time in the admin user's
                # zone; read the same wall-clock time in the event's zone.
                cleaned_data[name] = timezone.make_aware(timezone.make_naive(value), zone)
        return cleaned_data


class EventFilterForm(forms.Form):
    """Region, kind and theme filters of the event calendar. The choices are
    the regions and themes of the page's language, keyed by slug so that a
    filtered address works in both languages."""

    region = forms.ChoiceField(label=_("Region"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, data, terms):
        super().__init__(data)
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region.slug, region.name) for region in terms.regions
        ]
        self.fields["kind"].choices = [("", _("All kinds"))] + list(EventKind.choices)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (topic.slug, topic.name) for topic in terms.topics
        ]
        self.is_valid()  # fills cleaned_data with the values that are valid

    @property
    def active(self):
        """The valid, non-empty filters; a bad value is reported next to its
        field and left out."""
        return {name: value for name, value in self.cleaned_data.items() if value}
