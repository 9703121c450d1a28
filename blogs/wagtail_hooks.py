"""The blogs' registrations: the home page's "Recent blog posts" and
"What's new", the admin's list of posts (featuring), and "My data"."""

from wagtail import hooks

from blogs import home_sections
from blogs.models import BlogPost
from blogs.viewsets import blog_post_viewset

hooks.register("register_home_section", home_sections.recent_posts)
hooks.register("register_whats_new", home_sections.newest_posts)


@hooks.register("register_admin_viewset")
def register_blog_post_viewset():
    return blog_post_viewset


@hooks.register("register_member_data_export")
def export_blog_posts(user):
    """The member's posts, drafts too; they go with the account
    (on_delete=CASCADE)."""
    posts = BlogPost.objects.filter(author=user).prefetch_related("themes").order_by("created_at")
    return "blog_posts", [
        {
            "title": post.title,
            "slug": post.slug,
            "text": post.body,
            "status": post.status,
            "language": post.language,
            "themes": [topic.slug for topic in post.themes.all()],
            "region": post.region.slug if post.region_id else None,
            "lead_picture": post.lead_picture.name or None,
            "created_at": post.created_at,
            "updated_at": post.updated_at,
            "published_at": post.published_at,
        }
        for post in posts.select_related("region")
    ]
