"""How often each library item (or other page that counts its reads, such
as regional news) has been read.

The counter lives in its own table, not on the page: publishing a revision
saves every field of the page, and would put back the count the revision
was made with. Views are counted in the cache first and added here in
batches (see home/reads.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReadCount(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="read_count",
    )
    total = models.PositiveIntegerField(_("reads"), default=0)

    class Meta:
        verbose_name = _("read count")
        verbose_name_plural = _("read counts")

    def __str__(self):
        return f"{self.page_id}: {self.total}"
