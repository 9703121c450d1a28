"""Keep the index in step with what it shows.

Pages: Wagtail indexes a page when its row is saved, which happens before
modelcluster commits the page's inline objects and ParentalManyToMany
values (its themes, say). Indexing again on `page_published` makes the
index, the search record and the facets see the page as published. With an
external engine, errors are logged by Wagtail and the page publishes all
the same; `update_index` catches up later.

Forum posts: a topic is found by the text of its public posts, so a post
written, edited, held, hidden, deleted or removed indexes its topic again,
in a task (search/tasks.py), as Wagtail indexes the topics themselves.
Topics and blog posts themselves are indexed on save and removed on delete
by Wagtail's own signal handlers.
"""

from django.db.models.signals import post_delete, post_save
from modelsearch import index
from wagtail.signals import page_published

from forums.models import Post
from search.tasks import reindex_topic


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance.specific)


def reindex_topic_of_post(sender, instance, raw=False, **kwargs):
    if raw:
        return
    reindex_topic.enqueue(instance.topic_id)


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="search-reindex-published")
    post_save.connect(reindex_topic_of_post, sender=Post, dispatch_uid="search-reindex-topic")
    post_delete.connect(reindex_topic_of_post, sender=Post, dispatch_uid="search-unindex-post")
