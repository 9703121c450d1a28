"""A member's part of the forums in "My data" (home/member_data.py).

The export holds the topics they started, the posts they wrote (with
their topic and board), their likes and how far they have read each
topic. When the account is deleted, topics and posts stay for the
discussions' sake, shown as by a "deleted member" (author SET_NULL);
likes and reading state go with the account (on_delete=CASCADE), so
nothing here needs to erase them.
"""

from forums.models import BoardPage, Like, Post, Topic, TopicRead


def _board_titles(board_keys):
    """{translation key: title} of the boards, one title per board
    (the first locale's): one query."""
    titles = {}
    for board in BoardPage.objects.filter(translation_key__in=board_keys).order_by("-locale_id"):
        titles[board.translation_key] = board.title
    return titles


def export_forums(user):
    topics = list(Topic.objects.filter(author=user).order_by("pk"))
    posts = list(Post.objects.filter(author=user).select_related("topic").order_by("pk"))
    likes = list(Like.objects.filter(member=user).select_related("post__topic").order_by("pk"))
    reads = list(TopicRead.objects.filter(member=user).select_related("topic").order_by("pk"))
    boards = _board_titles(
        {topic.board_key for topic in topics}
        | {post.topic.board_key for post in posts}
        | {like.post.topic.board_key for like in likes}
        | {read.topic.board_key for read in reads}
    )
    return "forums", {
        "topics": [
            {
                "title": topic.title,
                "board": boards.get(topic.board_key),
                "language": topic.language,
                "created_at": topic.created_at.isoformat(),
            }
            for topic in topics
        ],
        "posts": [
            {
                "topic": post.topic.title,
                "board": boards.get(post.topic.board_key),
                "text": post.body,
                "created_at": post.created_at.isoformat(),
                "edited_at": post.edited_at.isoformat() if post.edited_at else None,
                "deleted": post.is_deleted,
            }
            for post in posts
        ],
        "likes": [
            {
                "topic": like.post.topic.title,
                "post": like.post.pk,
                "liked_at": like.created_at.isoformat(),
            }
            for like in likes
        ],
        "reading": [
            {
                "topic": read.topic.title,
                "last_read_post": read.last_read_post_id,
                "read_at": read.read_at.isoformat(),
            }
            for read in reads
        ],
    }
