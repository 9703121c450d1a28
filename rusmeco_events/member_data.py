"""A member's registrations in their data export, and their removal when
the member deletes their account (see home/member_data.py)."""

from rusmeco_events import registration
from rusmeco_events.models import Registration


def export_registrations(user):
    registrations = Registration.objects.filter(user=user).select_related("event")
    return "event_registrations", [
        {
            "event": item.event.title,
            "event_start": item.event.start.isoformat(),
            "status": item.status,
            "language": item.language,
            "registered_at": item.registered_at.isoformat(),
            "confirmed_at": item.confirmed_at.isoformat() if item.confirmed_at else None,
            "cancelled_at": item.cancelled_at.isoformat() if item.cancelled_at else None,
        }
        for item in registrations
    ]


def erase_registrations(user):
    # Seats the member held go to the next people waiting before the rows go.
    registration.cancel_all_for_member(user)
    Registration.objects.filter(user=user).delete()
