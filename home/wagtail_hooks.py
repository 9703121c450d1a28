from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import contact_submissions, task_reports, translation_review
from home.models import Region, Topic
from home.self_approval import SELF_APPROVAL_LOG_ACTION, SelfApprovalLogFormatter
from home.whats_new import whats_new


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "short_name", "slug"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "slug", "time_zone"]
    ordering = ["sort_order", "name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, RegionViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Taxonomies")
    menu_name = "taxonomies"


register_snippet(TaxonomyViewSetGroup)


hooks.register("register_home_section", whats_new)

# A member's contact form messages (see home/member_data.py).
hooks.register("register_member_data_export", contact_submissions.export_submissions)
hooks.register("register_member_data_erasure", contact_submissions.erase_submissions)


# Failed background tasks, for superusers (see home/task_reports.py).
hooks.register("register_admin_urls", task_reports.admin_urls)
hooks.register("register_reports_menu_item", task_reports.menu_item)


@hooks.register("register_admin_urls")
def translation_review_urls():
    return [
        path(
            "translations/<int:page_id>/submit-for-review/",
            translation_review.submit_for_review,
            name="home_submit_translation_for_review",
        )
    ]


@hooks.register("register_page_header_buttons")
def submit_translation_header_button(page, user, view_name, next_url=None):
    yield from translation_review.submit_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def submit_translation_listing_button(page, user, next_url=None):
    yield from translation_review.submit_button(page, user)


@hooks.register("register_log_actions")
def register_self_approval_log_action(actions):
    actions.register_action(SELF_APPROVAL_LOG_ACTION)(SelfApprovalLogFormatter)
