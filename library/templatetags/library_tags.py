"""Template helpers of the library: read and comment counts in words, in
both languages with the right Russian plural forms, and absolute links for
e-mails."""

from django import template
from django.utils.translation import ngettext
from wagtail.models import Page

register = template.Library()


@register.filter
def reads_label(count):
    count = count or 0
    return ngettext("%(count)s read", "%(count)s reads", count) % {"count": count}


@register.filter
def comments_label(count):
    count = count or 0
    return ngettext("%(count)s comment", "%(count)s comments", count) % {"count": count}


@register.simple_tag
def site_root_url(obj):
    """The root URL of the site an object (a page) belongs to, for links in
    e-mails; the admin's base URL for anything else."""
    from django.conf import settings

    if isinstance(obj, Page):
        site = obj.get_site()
        if site is not None:
            return site.root_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
