from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "rusmeco_events"
    label = "events"
    verbose_name = _("Events and learning")

    def ready(self):
        from rusmeco_events.signals import connect_signals

        connect_signals()
