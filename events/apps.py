from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    label = "events"
    verbose_name = _("Events and learning")

    def ready(self):
        from events.signals import connect_signals

        connect_signals()
