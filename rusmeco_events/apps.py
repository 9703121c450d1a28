from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "rusmeco_events"
    label = "events"
    verbose_name = _("Events and learning")

    def ready(self):
        from notifications.followed import announce_when_published
        from notifications.targets import register_target
        from rusmeco_events.models import EventPage, Registration
        from rusmeco_events.notices import present_registrations
        from rusmeco_events.signals import connect_signals

        connect_signals()
        register_target(Registration, present_registrations)
        announce_when_published(EventPage)
