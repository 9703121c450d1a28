"""Models of the forums: the index and board pages (models/pages.py) and
what members write on the site (models/discussions.py), and flags and
the moderation log (models/moderation.py)."""

from .discussions import Like, Post, PostRevision, Topic, TopicRead
from .moderation import Flag, ModerationLogEntry
from .pages import BoardPage, ForumIndexPage

__all__ = [
    "BoardPage",
    "Flag",
    "ForumIndexPage",
    "Like",
    "ModerationLogEntry",
    "Post",
    "PostRevision",
    "Topic",
    "TopicRead",
]
