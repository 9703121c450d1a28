"""Who a signed-in member is to the portal's permissions, kept in the
cache: the groups they belong to and whether they may use the editors'
area. Every member page asked these of the database (the editing bar asks
for all of a member's permissions, two queries; the forums ask for their
groups, one); now a warm page asks nothing.

    may_use_admin(user)   # the editing bar ({% userbar %}, portal_tags)
    has_permission(user, "django_comments.can_moderate")   # any permission
    groups_of(user)       # {(group id, group name)}: forums/permissions.py

Both are read again after any change of group membership, of a group's or
a member's permissions, or of a group's name (the ACCESS generation).
Whether the account is active or a superuser comes from the account
itself, loaded with every request, so it is never stale.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save

from home.caching import Generation, cached

ACCESS = Generation("access")
# As long as a session lasts at most; the generation makes it exact.
TIMEOUT = 24 * 60 * 60


def groups_of(user):
    """The member's groups as a frozenset of (id, name); empty for
    visitors."""
    if not user.is_authenticated:
        return frozenset()
    # Remembered on the account for the request too: a thread asks once
    # per post, and each cache read is a round trip to Redis.
    if "_access_groups" not in user.__dict__:
        user._access_groups = cached(
            f"access:groups:{user.pk}",
            lambda: frozenset(user.groups.values_list("pk", "name")),
            ACCESS,
            timeout=TIMEOUT,
        )
    return user._access_groups


def has_permission(user, permission):
    """Whether the member has `permission` ("app_label.codename"), as
    `user.has_perm` answers it, without its two queries on a warm page."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return cached(
        f"access:perm:{user.pk}:{permission}",
        lambda: user.has_perm(permission),
        ACCESS,
        timeout=TIMEOUT,
    )


def may_use_admin(user):
    """Whether the member may open the editors' area (Wagtail's
    access_admin permission)."""
    return has_permission(user, "wagtailadmin.access_admin")


def connect_signals():
    forget = ACCESS.advance
    user_model = get_user_model()
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(forget, sender=through, dispatch_uid=f"access-m2m-{through}")
    for model in (Group, Permission):
        post_save.connect(forget, sender=model, dispatch_uid=f"access-save-{model}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"access-del-{model}")
