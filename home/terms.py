"""Themes and regions: what is cached from them is kept until a theme or
region is saved or deleted (the taxonomy generation, home/caching.py)."""

from django.db.models.signals import post_delete, post_save

from home.caching import TAXONOMY
from home.models import Region, Topic


def connect_signals():
    """A theme or region saved or deleted advances the taxonomy generation."""
    for model in (Region, Topic):
        post_save.connect(TAXONOMY.advance, sender=model, dispatch_uid=f"taxonomy-save-{model}")
        post_delete.connect(TAXONOMY.advance, sender=model, dispatch_uid=f"taxonomy-del-{model}")
