"""Models of the forums: the index and board pages (models/pages.py) and
what members write on the site (models/discussions.py)."""

from .discussions import Like, Post, PostRevision, Topic, TopicRead
from .pages import BoardPage, ForumIndexPage

__all__ = [
    "BoardPage",
    "ForumIndexPage",
    "Like",
    "Post",
    "PostRevision",
    "Topic",
    "TopicRead",
]
