"""Who is told what happens in the forums, through the notification
centre (notifications/notify.py):

- a reply: the topic's author ("reply") and the members it mentions
  ("mention");
- a new topic or reply: the followers of the topic and of its board
  ("watched_post"), by a task after the commit, since they may be many;
- a like: the post's author ("like", gathered into one a day);
- an accepted answer: its author ("accepted_answer").

notify() leaves out the member who caused the event and those who may not
see the post. A post that waits for a moderator tells nobody until it is
approved (forums/moderation.py calls new_topic or new_reply then). Follow
kinds and notification targets are registered in forums/targets.py.
"""

from django.apps import apps
from django.db import transaction
from django_tasks import task

from notifications.follows import followers
from notifications.notify import notify, notify_many


def _mentioned(post, mentions, already=()):
    """Tell the members the post mentions, in bulk and once per post: an
    edit that keeps a mention tells nobody again."""
    users = {mention.profile.user_id for mention in mentions} - set(already)
    notify_many(users, "mention", target=post, key=f"post:{post.pk}", actor=post.author)


def _watchers_later(post):
    post_id = post.pk
    transaction.on_commit(lambda: notify_watchers.enqueue(post_id))


def new_topic(board, topic, mentions):
    post = topic.last_post
    _mentioned(post, mentions)
    _watchers_later(post)


def new_reply(board, topic, post, mentions):
    if topic.author is not None:
        notify(topic.author, "reply", target=post, actor=post.author)
    _mentioned(post, mentions, already=[topic.author_id])
    _watchers_later(post)


def mentioned(board, post, mentions):
    """Mentions after an edit: only those added by it are told."""
    _mentioned(post, mentions)


def liked(post, member):
    if post.author is not None:
        notify(post.author, "like", target=post, actor=member)


def accepted(post, member):
    if post.author is not None:
        notify(post.author, "accepted_answer", target=post, actor=member)


@task()
def notify_watchers(post_id):
    """Tell the followers of the post's topic and board, except the
    post's author, who are told of the reply or mention already."""
    post = (
        apps.get_model("forums", "Post")
        .objects.public()
        .select_related("topic", "author")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        return
    topic = post.topic
    watching = followers("topic", [topic.pk]) | followers("board", [topic.board_key])
    # The topic's author is told of the reply itself.
    watching -= {topic.author_id}
    notify_many(watching, "watched_post", target=post, key=f"post:{post.pk}", actor=post.author)
