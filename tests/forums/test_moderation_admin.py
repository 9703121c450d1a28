"""The forums' moderation queue and log in the admin: the Moderators group
and superusers see every board's held and flagged posts, a region's
coordinators only their region's boards, others nothing; approving,
hiding, restoring and dismissing from the queue are logged, refused for
another region's posts, and need the CSRF token. The queue costs the same
few queries however many posts wait."""

import pytest
from django.test import Client

from forums.models import Flag, ModerationLogEntry, Post
from tests.factories import BoardPageFactory, ForumPostFactory, ForumTopicFactory, MemberFactory
from tests.helpers import AdminClient, warm_queries

pytestmark = pytest.mark.django_db

QUEUE = "/admin/forums/moderation/"
LOG = "/admin/forums/moderation/log/"
# The admin's frame (session, user, groups, menu, sidebar) and the queue:
# its count, its posts with topics and authors, their open flags and their
# boards: within the portal's 15 for a moderator; a region's coordinator
# costs one more (which regions they coordinate).
QUEUE_BUDGET = {"moderator": 15, "moscow": 16}


@pytest.fixture
def ural_board(forums_ru, regions):
    return BoardPageFactory(
        parent=forums_ru, slug="ural", title="Урал", region=regions["ekaterinburg"]
    )


def held_post(board, body):
    topic = ForumTopicFactory(board=board)
    return ForumPostFactory(topic=topic, body=body, visibility="held")


def flagged_post(board, body, member):
    topic = ForumTopicFactory(board=board)
    post = ForumPostFactory(topic=topic, body=body)
    Flag.objects.create(post=post, member=member, reason="spam", note="Похоже на спам")
    return post


@pytest.fixture
def queue(board_ru, ural_board, anna):
    return {
        "moscow_held": held_post(board_ru, "Московский новичок"),
        "moscow_flagged": flagged_post(board_ru, "Московская реклама", anna),
        "ural_held": held_post(ural_board, "Уральский новичок"),
    }


def test_moderators_see_every_boards_queue(queue, moderator):
    page = AdminClient(moderator).get(QUEUE).text
    for body in ("Московский новичок", "Московская реклама", "Уральский новичок"):
        assert body in page
    assert "Похоже на спам" in page


def test_a_region_coordinator_sees_only_their_regions_boards(queue, staff):
    moscow = AdminClient(staff["moscow"]).get(QUEUE).text
    assert "Московский новичок" in moscow and "Московская реклама" in moscow
    assert "Уральский новичок" not in moscow
    ural = AdminClient(staff["ekaterinburg"]).get(QUEUE).text
    assert "Уральский новичок" in ural and "Московский новичок" not in ural


def test_others_have_no_queue_nor_log(queue, staff, anna):
    editor = AdminClient(staff["editor"])
    for url in (QUEUE, LOG):
        response = editor.get(url)
        assert response.status_code == 302 and "Московский новичок" not in response.text
    assert "Модерация форумов" not in editor.dashboard.text
    assert "Forum moderation" not in editor.dashboard.text
    member = Client()
    member.force_login(anna)
    assert member.get(QUEUE).status_code == 302
    assert Client().get(QUEUE).status_code == 302


def test_the_menu_offers_the_queue_to_moderators_and_coordinators(queue, moderator, staff):
    assert QUEUE in AdminClient(moderator).dashboard.text
    assert QUEUE in AdminClient(staff["moscow"]).dashboard.text


def test_approving_and_dismissing_from_the_queue(queue, staff):
    client = AdminClient(staff["moscow"])
    held, flagged = queue["moscow_held"], queue["moscow_flagged"]

    client.send("post", f"{QUEUE}{held.pk}/", {"action": "approve"})
    client.send("post", f"{QUEUE}{flagged.pk}/", {"action": "dismiss"})

    held.refresh_from_db()
    assert held.visibility == "published"
    assert held.topic.last_post_id == held.pk
    assert not Flag.objects.filter(is_open=True).exists()
    page = client.get(QUEUE).text
    assert "Московский новичок" not in page and "Московская реклама" not in page
    entries = ModerationLogEntry.objects.order_by("pk")
    assert [(entry.action, entry.moderator) for entry in entries] == [
        ("approve", staff["moscow"]),
        ("dismiss", staff["moscow"]),
    ]
    log = client.get(LOG).text
    assert "approved a post" in log and "dismissed flags" in log


def test_hiding_from_the_queue(queue, moderator):
    client = AdminClient(moderator)
    flagged = queue["moscow_flagged"]
    client.send("post", f"{QUEUE}{flagged.pk}/", {"action": "hide"})
    assert Post.objects.get(pk=flagged.pk).visibility == "hidden"
    client.send("post", f"{QUEUE}{flagged.pk}/", {"action": "restore"})
    assert Post.objects.get(pk=flagged.pk).visibility == "published"
    assert list(ModerationLogEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "hide",
        "restore",
    ]


def test_another_regions_post_and_bad_input_are_refused(queue, staff):
    client = AdminClient(staff["moscow"])
    ural = queue["ural_held"]
    response = client.send("post", f"{QUEUE}{ural.pk}/", {"action": "approve"})
    assert response.status_code == 302
    assert Post.objects.get(pk=ural.pk).visibility == "held"
    # An unknown post: the admin's "not found".
    assert client.send("post", f"{QUEUE}999999/", {"action": "approve"}).status_code in (302, 404)
    bad = client.send("post", f"{QUEUE}{queue['moscow_held'].pk}/", {"action": "explode"})
    assert bad.status_code == 302
    assert "This moderation action is unknown." in client.get(QUEUE).text
    assert client.get(f"{QUEUE}{queue['moscow_held'].pk}/").status_code == 405
    assert not ModerationLogEntry.objects.exists()


def test_the_queue_needs_the_csrf_token(queue, moderator):
    client = AdminClient(moderator)
    response = client.post(f"{QUEUE}{queue['moscow_held'].pk}/", {"action": "approve"})
    assert response.status_code == 403
    assert Post.objects.get(pk=queue["moscow_held"].pk).visibility == "held"


def test_the_log_shows_each_coordinator_their_regions_entries(queue, staff, moderator):
    AdminClient(moderator).send("post", f"{QUEUE}{queue['ural_held'].pk}/", {"action": "approve"})
    entry = ModerationLogEntry.objects.get()
    assert entry.topic_title in AdminClient(staff["ekaterinburg"]).get(LOG).text
    assert entry.topic_title not in AdminClient(staff["moscow"]).get(LOG).text


@pytest.mark.parametrize("who", ["moderator", "moscow"])
def test_the_queue_stays_within_budget(board_ru, anna, staff, moderator, who):
    user = moderator if who == "moderator" else staff[who]
    client = AdminClient(user)
    members = [MemberFactory() for _ in range(3)]

    def add(number):
        for count in range(number):
            post = held_post(board_ru, f"Новичок {count}")
            for member in members:
                Flag.objects.create(post=post, member=member, reason="spam")

    add(3)
    small = len(warm_queries(client, QUEUE))
    add(20)
    large = len(warm_queries(client, QUEUE))

    assert small <= QUEUE_BUDGET[who]
    assert large == small


def test_the_queue_and_the_log_tell_members_apart_by_their_user_name(board_ru, moderator, staff):
    namesakes = [
        MemberFactory(username=username, first_name="Иван", last_name="Петров")
        for username in ("ivan-msk", "ivan-spb")
    ]
    for member in namesakes:
        ForumPostFactory(topic=ForumTopicFactory(board=board_ru), author=member, visibility="held")
    page = AdminClient(moderator).get(QUEUE).text
    assert "Иван Петров (ivan-msk)" in page and "Иван Петров (ivan-spb)" in page

    held = Post.objects.filter(author=namesakes[0]).get()
    AdminClient(moderator).send("post", f"{QUEUE}{held.pk}/", {"action": "approve"})
    moderator_name = moderator.get_full_name() or moderator.get_username()
    assert moderator.get_username() in AdminClient(moderator).get(LOG).text
    assert moderator_name in AdminClient(moderator).get(LOG).text
