"""Signal handlers of the library, connected in LibraryConfig.ready()."""

from django.db.models.signals import post_save

from home.workflows import assign_regional_review
from library import comments
from library.models import LibraryIndexPage


def connect():
    comments.connect_signals()
    post_save.connect(
        assign_regional_review, sender=LibraryIndexPage, dispatch_uid="library-regional-review"
    )
