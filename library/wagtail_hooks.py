"""The library's part in the admin, the home page and members' data:

- the newest items in "What's new" on the home page (with author, date,
  read and comment counts; see home/whats_new.py);
- members' comments (with the address they were sent from) and the flags
  they put on comments in the data export; comments anonymised on account
  erasure (flags go with the account);
- the Comments screen of the admin, where coordinators and moderators hide
  or show comments.
"""

from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from home.sections import HomeSection
from home.whats_new import WhatsNewEntry, WhatsNewSource
from library.choices import ItemType
from library.comments import erase_commenter, export_comments, export_flags
from library.models import LibraryItemPage
from library.templatetags.library_tags import comments_label, reads_label


@hooks.register("register_whats_new")
def newest_library_items(locale_id, limit):
    """The newest items with their type, authors, read and comment counts:
    one query."""
    items = list(LibraryItemPage.objects.visible(locale_id).newest().with_counts()[:limit])
    if not items:
        return None
    return WhatsNewSource(
        entries=[
            WhatsNewEntry(
                date=item.publication_date,
                title=item.title,
                url=item.url,
                kind=item.get_item_type_display(),
                details=[
                    *([item.authors] if item.authors else []),
                    reads_label(item.reads),
                    comments_label(item.comments),
                ],
            )
            for item in items
        ],
        link_label=_("The whole library"),
        link_url=items[0].library_url,
    )


@hooks.register("register_member_data_export")
def export_library_comments(user):
    return "library_comments", export_comments(user)


@hooks.register("register_member_data_export")
def export_comment_flags(user):
    return "library_comment_flags", export_flags(user)


@hooks.register("register_member_data_erasure")
def erase_library_comments(user):
    erase_commenter(user)


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come from members on the public site: in the admin they are
    only hidden or shown, never created or deleted."""

    READ_ONLY_ACTIONS = {"add", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.READ_ONLY_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        allowed = set(actions) - self.READ_ONLY_ACTIONS
        return bool(allowed) and super().user_has_any_permission(user, allowed)


register_permission_policy(XtdComment, CommentPermissionPolicy(XtdComment))


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        page_title = Page.objects.annotate(pk_text=Cast("pk", output_field=CharField())).filter(
            pk_text=OuterRef("object_pk")
        )
        return (
            super()
            .get_base_queryset()
            .annotate(page_title=Subquery(page_title.values("title")[:1]))
        )


class CommentViewSet(ModelViewSet):
    model = XtdComment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 350
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = CommentIndexView
    list_display = [
        Column("comment", label=_("Comment")),
        Column("name", label=_("Member")),
        Column("page_title", label=_("Page")),
        DateColumn("submit_date", label=_("Posted")),
        BooleanColumn("is_public", label=_("Shown")),
        BooleanColumn("is_removed", label=_("Removed")),
    ]
    list_filter = ["is_public", "is_removed"]
    search_fields = ["comment", "user_name"]
    ordering = ["-submit_date"]
    panels = [
        FieldPanel("comment", read_only=True),
        FieldPanel("is_public"),
        FieldPanel("is_removed"),
    ]


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet("library_comments")


REGION_CASE_STUDIES = 4


@hooks.register("register_region_section")
def region_case_studies(request, region_page):
    """A region's page lists the region's newest case studies (one query)."""
    items = (
        LibraryItemPage.objects.visible(region_page.locale_id)
        .filter(region_id=region_page.region_id, item_type=ItemType.CASE_STUDY)
        .newest()
        .with_counts()
    )
    items = list(items[:REGION_CASE_STUDIES])
    if not items:
        return None
    return HomeSection(
        order=30,
        template="library/includes/region_case_studies.html",
        context={"items": items},
    )
