"""What every section of the dashboard is made of, and the one query shape
they share.

Each section answers for all the user's regions at once: a window function
numbers the rows within each region and counts them, so one query returns
every region's total and its first few rows, however much content there
is and however many regions the user coordinates.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils.translation import ngettext

# Rows listed per region and section; the count covers the rest.
ROWS_PER_REGION = 5


@dataclass(frozen=True)
class Row:
    title: str
    url: str
    note: str = ""
    action_label: str = ""
    action_url: str = ""


@dataclass
class Entry:
    """One section's content for one region."""

    count: int = 0
    rows: list[Row] = field(default_factory=list)

    @property
    def more(self):
        """The line under the rows listed ("and 7 more"), or ""."""
        hidden = self.count - len(self.rows)
        if not self.rows or hidden <= 0:
            return ""
        return ngettext("and %(count)s more", "and %(count)s more", hidden) % {"count": hidden}


@dataclass
class Section:
    """One kind of work (reviews, translations …) across the regions."""

    key: str
    title: str
    empty: str
    entries: dict[str, Entry] = field(default_factory=dict)
    link_label: str = ""
    link_url: str = ""

    def entry(self, region_slug):
        return self.entries.get(region_slug) or Entry()

    def add(self, region_slug, total, row=None):
        entry = self.entries.setdefault(region_slug, Entry(count=total))
        if row is not None:
            entry.rows.append(row)


def first_rows(queryset, region, order_by, limit=ROWS_PER_REGION):
    """The first `limit` rows of each region of `queryset` in the order
    `order_by`, each annotated with `total`, its region's number of rows.

    `region` names the field or annotation that holds the region slug."""
    partition = F(region)
    return (
        queryset.annotate(
            total=Window(Count("pk"), partition_by=partition),
            position=Window(RowNumber(), partition_by=partition, order_by=order_by),
        )
        .filter(position__lte=limit)
        .order_by(region, "position")
    )
