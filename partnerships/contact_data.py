"""A member's expressions of interest in "My data" (home/member_data.py).

The export holds the expressions the member sent, each with its whole
conversation (their messages and the company's replies, so that the
export makes sense), and the messages they wrote as a company's manager
in others' conversations. When the account is deleted, the expressions
they sent go with every message in them (on_delete=CASCADE, nothing to
erase here); the messages they wrote as a company's manager stay in the
other member's conversation, shown as by a deleted member (SET_NULL).
"""

from partnerships.models import Interest, InterestMessage


def _message(message, user):
    return {
        "by_me": message.author_id == user.pk,
        "from_company": message.from_company,
        "text": message.body,
        "sent_at": message.created_at.isoformat(),
    }


def export_interests(user):
    interests = list(
        Interest.objects.filter(member=user)
        .select_related("company")
        .prefetch_related("messages")
        .order_by("pk")
    )
    written = list(
        InterestMessage.objects.filter(author=user)
        .exclude(interest__member=user)
        .select_related("interest")
        .order_by("pk")
    )
    return "partnership_interests", {
        "sent": [
            {
                "listing": interest.listing_title,
                "company": interest.company.name if interest.company else None,
                "status": interest.status,
                "sent_at": interest.created_at.isoformat(),
                "closed_at": interest.closed_at.isoformat() if interest.closed_at else None,
                "email_shared": interest.member_email_shared_at is not None,
                "introduction_requested": interest.introduction_requested_at is not None,
                "introduction_note": interest.introduction_request_note,
                "messages": [_message(message, user) for message in interest.messages.all()],
            }
            for interest in interests
        ],
        "written_for_companies": [
            {"listing": message.interest.listing_title, **_message(message, user)}
            for message in written
        ],
    }
