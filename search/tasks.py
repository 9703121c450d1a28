"""Index work that may wait for the worker (see "Background jobs" in the
README): a request that writes a forum post does not wait on the engine."""

from django_tasks import task
from modelsearch import index

from forums.models import Topic


@task()
def reindex_topic(topic_id):
    """Index a topic again with the text of its public posts; nothing when
    the topic has gone since."""
    topic = Topic.objects.filter(pk=topic_id).first()
    if topic is not None:
        index.insert_or_update_object(topic)
