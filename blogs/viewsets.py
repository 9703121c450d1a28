"""Blog posts in the Wagtail admin: editors see members' posts and feature
some on the home page. Members write and change their posts on the site
only, so the admin changes nothing but `featured` and adds no post."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet

from blogs.models import BlogPost


class BlogPostViewSet(ModelViewSet):
    model = BlogPost
    icon = "doc-full"
    menu_label = _("Blog posts")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "author", "status", "published_at", BooleanColumn("featured")]
    list_filter = ["status", "featured", "language"]
    search_fields = ["title"]
    form_fields = ["featured"]
    inspect_view_enabled = False

    def get_queryset(self, request):
        return BlogPost.objects.select_related("author")


blog_post_viewset = BlogPostViewSet("blog_posts")
