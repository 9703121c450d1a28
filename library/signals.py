"""Signal handlers of the library, connected in LibraryConfig.ready()."""

from django.db.models.signals import post_delete, post_save

from home.workflows import assign_regional_review


def connect():
    from home.models import Region, Topic
    from library.caching import forget_taxonomies
    from library.models import LibraryIndexPage

    post_save.connect(
        assign_regional_review, sender=LibraryIndexPage, dispatch_uid="library-regional-review"
    )
    for model in (Topic, Region):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_taxonomies,
                sender=model,
                dispatch_uid=f"library-taxonomy-{signal is post_save}-{model.__name__}",
            )
