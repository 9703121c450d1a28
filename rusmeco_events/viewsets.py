"""The registrations in the Wagtail admin: coordinators see who registered
for which event, filter by event and status, and download the list as CSV.

The listing is read-only for everyone, superusers included: seats change
only through the members' own register and cancel buttons, which keep the
waiting list in order (events/registration.py).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from rusmeco_events.models import Registration

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Member-typed text is written so that a spreadsheet shows it rather
    than running it as a formula ("=HYPERLINK(...)" as a name)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in ("add", "change", "delete")]
        )


register_permission_policy(Registration, ReadOnlyPermissionPolicy(Registration), exact_class=True)


class RegistrationIndexView(IndexView):
    custom_field_preprocess = {
        "event": {"csv": spreadsheet_safe},
        "member_name": {"csv": spreadsheet_safe},
        "member_email": {"csv": spreadsheet_safe},
    }

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event", "event__region", "user")


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = RegistrationIndexView
    inspect_view_enabled = True
    form_fields = ["status"]  # required by ModelViewSet; editing is switched off above
    list_display = ["member_name", "member_email", "event", "status", "registered_at"]
    list_filter = ["status", "event"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    search_backend_name = None
    ordering = ["event", "registered_at", "pk"]
    list_export = [
        "event",
        "event_start",
        "member_name",
        "member_email",
        "status",
        "registered_at",
        "confirmed_at",
        "cancelled_at",
        "language",
    ]
    export_headings = {
        "event": _("Event"),
        "event_start": _("Event starts"),
        "member_name": _("Member"),
        "member_email": _("E-mail"),
        "status": _("Status"),
        "registered_at": _("Registered on"),
        "confirmed_at": _("Seat confirmed on"),
        "cancelled_at": _("Cancelled on"),
        "language": _("Language"),
    }
    export_filename = "registrations"


registration_viewset = RegistrationViewSet("registrations")
