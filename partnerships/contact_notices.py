"""The conversations of partnerships in the notification centre
(notifications/notify.py), registered in apps.py:

- a new expression of interest tells the company's managers
  ("partnership_interest");
- a message tells the other side: the member, or the company's managers
  ("partnership_message");
- an introduction made by a coordinator tells the member and the
  company's managers ("partnership_introduction").

An expression of interest is shown in a notification only to those who
may read it (the member, the company's managers and the coordinator who
introduced), linked to its conversation under the partnerships page of
the reader's language. Everyone is told after the commit, so a refused
or rolled-back write tells nobody.
"""

from django.db import transaction
from django.utils.translation import get_language

from notifications.notify import notify
from notifications.targets import Shown, register_target
from partnerships.contact_rights import manager_ids


def partnerships_page():
    """The visible partnerships page of the active language, else any."""
    from partnerships.models import PartnershipsIndexPage

    pages = PartnershipsIndexPage.objects.visible()
    return pages.filter(locale__language_code=get_language()).first() or pages.first()


def present_interests(interests, user):
    """{pk: Shown} for the expressions `user` may read: two queries."""
    from partnerships.models import Interest

    found = Interest.objects.seen_by(user).filter(pk__in=[interest.pk for interest in interests])
    found = list(found.only("pk", "listing_title"))
    if not found:
        return {}
    index = partnerships_page()
    if index is None:
        return {}
    return {
        interest.pk: Shown(interest.listing_title, index.url_of("contact", interest.pk))
        for interest in found
    }


def register():
    from partnerships.models import Interest

    register_target(Interest, present_interests)


def _managers(interest):
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(pk__in=manager_ids(interest.company_id)))


def _later(tell):
    transaction.on_commit(tell)


def interest_sent(interest):
    def tell():
        for manager in _managers(interest):
            notify(manager, "partnership_interest", target=interest, actor=interest.member)

    _later(tell)


def message_sent(interest, message):
    def tell():
        if message.from_company:
            notify(interest.member, "partnership_message", target=interest, actor=message.author)
        else:
            for manager in _managers(interest):
                notify(manager, "partnership_message", target=interest, actor=message.author)

    _later(tell)


def introduced(interest, coordinator):
    def tell():
        for person in [interest.member, *_managers(interest)]:
            notify(person, "partnership_introduction", target=interest, actor=coordinator)

    _later(tell)
