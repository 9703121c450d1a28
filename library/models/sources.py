"""Where a library draft came from, when it was made from a discussion (a
forum topic or a blog post, library/from_discussion.py): so that the same
discussion is turned into one draft, not one per click."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DiscussionSource(models.Model):
    class Kind(models.TextChoices):
        FORUM_TOPIC = "forum_topic", _("forum topic")
        BLOG_POST = "blog_post", _("blog post")

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    source_id = models.PositiveBigIntegerField(_("source"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("discussion made into a library draft")
        verbose_name_plural = _("discussions made into library drafts")
        constraints = [
            models.UniqueConstraint(fields=["kind", "source_id"], name="library_one_draft_each")
        ]
