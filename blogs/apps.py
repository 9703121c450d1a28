from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogsConfig(AppConfig):
    name = "blogs"
    verbose_name = _("Member blogs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from blogs import home_sections, notices

        notices.register()
        home_sections.connect_signals()
