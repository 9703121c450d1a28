"""The RSS feed of a member's blog: their published posts, newest first."""

from django.utils.translation import gettext as _

from blogs.views import _member
from home.feeds import FEED_ITEMS, PageFeed


class MemberBlogFeed(PageFeed):
    date_field = "published_at"

    def feed_page(self, obj):
        return obj["index"]

    def page_path(self, obj):
        return obj["index"].url + obj["index"].reverse_subpage("member", args=[obj["member"].pk])

    def feed_path(self, obj):
        return obj["index"].url + obj["index"].reverse_subpage(
            "member_feed", args=[obj["member"].pk]
        )

    def title(self, obj):
        return _("%(name)s's blog · RUSMECO") % {"name": self._name(obj["member"])}

    def description(self, obj):
        return _("Posts of %(name)s on the RUSMECO portal.") % {"name": self._name(obj["member"])}

    def _name(self, member):
        profile = getattr(member, "profile", None)
        return profile.display_name if profile else member.get_username()

    def items(self, obj):
        self.index = obj["index"]
        return list(obj["index"].posts().filter(author=obj["member"]).newest()[:FEED_ITEMS])

    def item_description(self, item):
        return item.html

    def item_link(self, item):
        return (
            self.root_url
            + self.index.url
            + self.index.reverse_subpage("post", args=[item.author_id, item.slug])
        )

    def item_author_name(self, item):
        return self._name(item.author)

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [topic.name for topic in item.themes.all()]


def member_posts(blog_index, request, member_id):
    member = _member(member_id)
    return MemberBlogFeed()(request, index=blog_index, member=member)
