"""A member's groups and whether they may use the editors' area come from
the cache (home/access.py), and change at once when their groups or
permissions do: the editing bar and the forums' moderator actions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.access import groups_of, may_use_admin
from tests.factories import ForumTopicFactory, MemberFactory
from tests.helpers import logged_in

pytestmark = pytest.mark.django_db


def fresh(user):
    """The account as the next request loads it."""
    return type(user).objects.get(pk=user.pk)


def test_a_member_is_asked_once_then_answered_from_the_cache(anna):
    assert may_use_admin(fresh(anna)) is False
    assert groups_of(fresh(anna)) == frozenset()

    with CaptureQueriesContext(connection) as queries:
        assert may_use_admin(fresh(anna)) is False
        assert groups_of(anna) == frozenset()
    assert [sql for sql in queries if "auth_group" in sql or "permission" in sql] == []


def test_joining_or_leaving_a_group_counts_at_once(anna):
    editors = Group.objects.create(name="Site editors")
    assert may_use_admin(fresh(anna)) is False

    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    assert may_use_admin(fresh(anna)) is False
    anna.groups.add(editors)
    assert may_use_admin(fresh(anna)) is True
    assert groups_of(fresh(anna)) == {(editors.pk, "Site editors")}

    editors.user_set.remove(anna)
    assert may_use_admin(fresh(anna)) is False
    assert groups_of(fresh(anna)) == frozenset()


def test_the_editing_bar_shows_for_editors_only_and_at_once(anna, home_ru):
    member = logged_in(anna)
    assert "wagtail-userbar" not in member.get("/ru/").text

    anna.groups.add(Group.objects.get(name="Moderators"))
    anna.user_permissions.add(Permission.objects.get(codename="access_admin"))

    assert "wagtail-userbar" in member.get("/ru/").text
    assert "wagtail-userbar" in logged_in(MemberFactory(is_superuser=True)).get("/ru/").text


def test_a_new_moderator_may_edit_others_posts_at_once(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    thread = f"/ru/forums/questions/t/{topic.pk}/"
    member = logged_in(boris)
    edit = f"p/{topic.last_post_id}/edit/"
    assert edit not in member.get(thread).text

    boris.groups.add(Group.objects.get(name="Moderators"))

    assert edit in member.get(thread).text
