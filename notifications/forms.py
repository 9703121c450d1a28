"""The member's notification settings: the language of their e-mails, a
channel for each event type they may receive, and the themes and regions
they follow."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from notifications import follows, preferences
from notifications.channels import Channel
from notifications.events import EVENT_TYPES
from notifications.models import Follow

EVENT_PREFIX = "event_"


def may_review(user):
    """Whether `user` may receive the coordinators' event types (items
    waiting for review): staff and whoever may open the admin."""
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


def events_for(user):
    """The event types `user` chooses channels for, in the registry's order."""
    staff = may_review(user)
    return [event for event in EVENT_TYPES.values() if staff or not event.for_staff]


class NotificationSettingsForm(forms.Form):
    """Everything on the settings page, saved at once: a bad value anywhere
    saves nothing."""

    language = forms.ChoiceField(label=_("Language of my e-mails"), choices=settings.LANGUAGES)
    themes = forms.MultipleChoiceField(
        label=_("Themes I follow"), required=False, widget=forms.CheckboxSelectMultiple
    )
    regions = forms.MultipleChoiceField(
        label=_("Regions I follow"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, user, terms, followed, **kwargs):
        """`followed`: the (kind, key) pairs of everything `user` follows."""
        self.user = user
        self.events = events_for(user)
        channels = preferences.all_channels_for(user)
        initial = {
            "language": preferences.language_of(user),
            "themes": [key for kind, key in followed if kind == "theme"],
            "regions": [key for kind, key in followed if kind == "region"],
        }
        initial.update({EVENT_PREFIX + event.name: channels[event.name] for event in self.events})
        super().__init__(*args, initial=initial, **kwargs)
        self.channels = channels
        self.followed = set(followed)
        self.fields["themes"].choices = [(str(t.translation_key), t.name) for t in terms.topics]
        self.fields["regions"].choices = [(str(r.translation_key), r.name) for r in terms.regions]
        for event in self.events:
            self.fields[EVENT_PREFIX + event.name] = forms.ChoiceField(
                label=event.label,
                choices=[(channel, Channel(channel).label) for channel in event.channels],
                widget=forms.RadioSelect,
            )

    def event_fields(self):
        return [self[EVENT_PREFIX + event.name] for event in self.events]

    def save(self):
        data = self.cleaned_data
        with transaction.atomic():
            if data["language"] != self.initial["language"]:
                preferences.set_language(self.user, data["language"])
            for event in self.events:
                chosen = data[EVENT_PREFIX + event.name]
                if chosen != self.channels[event.name]:
                    preferences.set_channel(self.user, event.name, chosen)
            for kind in ("theme", "region"):
                wanted = set(data[f"{kind}s"])
                # Only the terms offered here: a follow of a term this
                # language does not have yet stays as it is.
                offered = {key for key, _label in self.fields[f"{kind}s"].choices}
                had = {key for k, key in self.followed if k == kind and key in offered}
                for key in wanted - had:
                    follows.follow(self.user, kind, key)
                Follow.objects.filter(user=self.user, kind=kind, key__in=had - wanted).delete()
