from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from home import navigation, terms, workflows

        navigation.connect_signals()
        terms.connect_signals()
        workflows.connect_signals()
