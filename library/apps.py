from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    label = "library"
    verbose_name = _("Library")

    def ready(self):
        from django_comments_xtd import views as xtd_views
        from django_comments_xtd.models import XtdComment

        from library import comment_notices, signals
        from library.commentable import register_commentable
        from library.comments import present_comments
        from library.models import LibraryItemPage
        from notifications.followed import announce_when_published
        from notifications.targets import register_target

        signals.connect()
        # Comments go to the library items visitors may see (the same
        # page's comments in every content type: CaseStudyPage, ArticlePage).
        register_commentable(LibraryItemPage, lambda model: model.objects.visible())
        register_target(XtdComment, present_comments, same_for_every_member=True)
        announce_when_published(LibraryItemPage)
        # django-comments-xtd calls its follow-up function by name once a
        # comment is stored: ours leaves out the author of the comment
        # replied to, who gets the "reply" notification instead (see
        # library/comment_notices.py).
        xtd_views.notify_comment_followers = comment_notices.notify_comment_followers
