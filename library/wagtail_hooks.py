"""The library's part in the admin, the home page and members' data:

- the newest items in "What's new" on the home page (with author, date,
  read and comment counts; see home/whats_new.py);
- members' comments (with the address they were sent from) and the flags
  they put on comments in the data export; comments anonymised on account
  erasure (flags go with the account);
- the Comments screen of the admin, where moderators hide or show every
  comment and a region's coordinators those on their region's items
  (library/moderation.py);
- the most commented items, as the "most active discussions" of the
  weekly digest (notifications/digest.py).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import XtdComment
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from home.sections import HomeSection
from home.whats_new import WhatsNewEntry, WhatsNewSource
from library.choices import ItemType
from library.commentable import title_annotation
from library.comments import erase_commenter, export_comments, export_flags, visible_comments
from library.models import LibraryItemPage
from library.moderation import can_moderate_comment, comments_moderated_by, coordinates_a_region
from library.templatetags.library_tags import comments_label, reads_label
from notifications.digest import Discussion, page_versions


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
                authors=[item.authors] if item.authors else [],
                details=[
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
    only hidden or shown, never created or deleted. Region coordinators
    open the screen without the model permissions, and see and change only
    their region's comments."""

    READ_ONLY_ACTIONS = {"add", "delete"}
    MODERATING_ACTIONS = {"view", "change"}

    def user_has_permission(self, user, action):
        if action in self.READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action) or (
            action in self.MODERATING_ACTIONS and coordinates_a_region(user)
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_moderate_comment(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return comments_moderated_by(user, self.model._default_manager.all())


register_permission_policy(XtdComment, CommentPermissionPolicy(XtdComment))


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        allowed = comments_moderated_by(self.request.user, super().get_base_queryset())
        # What each comment is on: a library item or a blog post.
        return allowed.annotate(page_title=title_annotation())


class OwnRegionCommentMixin:
    """The screen is open to every region's coordinators: refuse the
    comments of other regions."""

    def get_object(self, *args, **kwargs):
        comment = super().get_object(*args, **kwargs)
        if not can_moderate_comment(self.request.user, comment):
            raise PermissionDenied
        return comment


class CommentEditView(OwnRegionCommentMixin, EditView):
    pass


class CommentHistoryView(OwnRegionCommentMixin, HistoryView):
    pass


class CommentViewSet(ModelViewSet):
    model = XtdComment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 350
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    history_view_class = CommentHistoryView
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


@hooks.register("register_digest_discussions")
def library_discussions(start, end, limit):
    """The library items with the most comments shown (public, not
    removed) posted in the period, the most commented first: three
    queries."""
    counted = (
        visible_comments()
        .filter(submit_date__gte=start, submit_date__lt=end)
        .values("object_pk")
        .annotate(count=Count("pk"))
        .order_by("-count", "object_pk")
    )
    # A few more than wanted: some may be on pages no longer visible.
    counts = {}
    for row in counted[: limit * 4]:
        if row["object_pk"].isdigit():
            counts[int(row["object_pk"])] = row["count"]
    by_key = {}
    for page in (
        LibraryItemPage.objects.visible().filter(pk__in=list(counts)).only("pk", "translation_key")
    ):
        key = str(page.translation_key)
        by_key[key] = by_key.get(key, 0) + counts[page.pk]
    versions = page_versions(by_key, LibraryItemPage)
    found = [
        Discussion(key, versions[key], count)
        for key, count in by_key.items()
        if versions[key].pages
    ]
    found.sort(key=lambda discussion: (-discussion.count, discussion.key))
    return found[:limit]
