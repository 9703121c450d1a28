from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogsConfig(AppConfig):
    name = "blogs"
    verbose_name = _("Member blogs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from blogs import home_sections, notices
        from blogs.models import BlogPost
        from library.commentable import register_commentable

        notices.register()
        # Members comment on published posts with the library's comments
        # (library/commentable.py): same form, moderation and limits; the
        # author hears of each comment.
        register_commentable(
            BlogPost, lambda model: model.objects.published(), author=lambda post: post.author
        )
        home_sections.connect_signals()
