"""The editing form of library items in the admin."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm

from home.models import Region, Topic


class LibraryItemForm(WagtailAdminPageForm):
    """Offers the themes and regions of the page's own language (and any
    already chosen), not those of every language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if locale_id is None:
            return
        if "topics" in self.fields:
            chosen = [topic.pk for topic in self.instance.topics.all()]
            self.fields["topics"].queryset = Topic.objects.filter(
                Q(locale_id=locale_id) | Q(pk__in=chosen)
            )
        if "region" in self.fields:
            self.fields["region"].queryset = Region.objects.filter(
                Q(locale_id=locale_id) | Q(pk=self.instance.region_id)
            )
