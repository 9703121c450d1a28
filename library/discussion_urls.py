"""From discussion to library (under /<language>/to-library/): the buttons
of the topic and blog post pages post here (library/from_discussion.py)."""

from django.urls import path

from library import from_discussion

urlpatterns = [
    path(
        "topic/<int:topic_id>/",
        from_discussion.topic_to_library,
        name="library_from_topic",
    ),
    path(
        "blog-post/<int:post_id>/",
        from_discussion.blog_post_to_library,
        name="library_from_blog_post",
    ),
]
