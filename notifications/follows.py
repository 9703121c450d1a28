"""What members can follow, and following it.

A follow kind knows how to name a thing in a key that is the same in every
language (the translation key of a theme, a region or a page; the primary
key of a member) and how to find the thing again from that key, in the
active language. The notifications app registers themes, regions and
members; the discussion apps register boards, topics and blogs the same
way:

    register_follow_kind(FollowKind("board", _("Board"), key_of=..., find=...))

Pages show the button with `{% follow_button "board" board %}`
(notifications/templatetags/notification_tags.py); the settings page lists
every kind's follows by `str()` of what `find` returns.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from home.caching import Generation, cached
from home.models import Region, Topic
from home.terms import terms_of_language
from notifications.models import Follow


@dataclass(frozen=True)
class FollowKind:
    name: str
    label: str
    # The key of an object of this kind.
    key_of: Callable
    # {key: object} for the keys that name something the user may follow
    # and see, in the active language; one query for all of them.
    find: Callable


_KINDS = {}


def register_follow_kind(kind):
    _KINDS[kind.name] = kind


def follow_kind(name):
    """The kind called `name`, or None when there is none (bad input)."""
    return _KINDS.get(name)


def follow_kinds():
    return list(_KINDS.values())


def find(kind_name, key, user):
    """The thing a follow names, or None when it does not exist or `user`
    may not see it."""
    kind = follow_kind(kind_name)
    if kind is None:
        return None
    return kind.find([key], user).get(key)


# A member's follows, as the follow buttons show them, come from the cache
# until they follow or unfollow anything (forget_follows advances their
# generation): a member's page pays no query per button once warm.
FOLLOWING_SECONDS = 24 * 60 * 60


def _follows_of(user_id):
    return Generation(f"follows:{user_id}", listed=False)


def is_following(user, kind_name, key):
    return cached(
        f"following:{user.pk}:{kind_name}:{key}",
        lambda: Follow.objects.filter(user=user, kind=kind_name, key=key).exists(),
        _follows_of(user.pk),
        timeout=FOLLOWING_SECONDS,
    )


def forget_follows(sender, instance, **kwargs):
    """A receiver of Follow's post_save and post_delete."""
    _follows_of(instance.user_id).advance()


def follow(user, kind_name, key):
    """Follow the thing; False (nothing written) when there is no such
    thing for `user`."""
    if find(kind_name, key, user) is None:
        return False
    Follow.objects.get_or_create(user=user, kind=kind_name, key=key)
    return True


def unfollow(user, kind_name, key):
    Follow.objects.filter(user=user, kind=kind_name, key=key).delete()


def followers(kind_name, keys):
    """The ids of the members who follow any of `keys` of that kind."""
    return set(
        Follow.objects.filter(kind=kind_name, key__in=[str(key) for key in keys]).values_list(
            "user_id", flat=True
        )
    )


def _terms(model):
    def find(keys, user):
        valid = [key for key in keys if _is_uuid(key)]
        terms = model.objects.filter(translation_key__in=valid).order_by("locale_id")
        local = terms_of_language()
        return {str(term.translation_key): local.localized(term) for term in terms}

    return find


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _members(keys, user):
    from community.models import Profile

    ids = [int(key) for key in keys if str(key).isdigit()]
    profiles = Profile.objects.visible_to(user).filter(user_id__in=ids).select_related("user")
    return {str(profile.user_id): profile for profile in profiles}


register_follow_kind(
    FollowKind(
        "theme", _("Theme"), key_of=lambda topic: str(topic.translation_key), find=_terms(Topic)
    )
)
register_follow_kind(
    FollowKind(
        "region",
        _("Region"),
        key_of=lambda region: str(region.translation_key),
        find=_terms(Region),
    )
)
register_follow_kind(
    FollowKind("member", _("Member"), key_of=lambda user: str(user.pk), find=_members)
)
