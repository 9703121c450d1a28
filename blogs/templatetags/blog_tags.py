"""Links to the member blogs from other apps' templates (the account
page), so those apps need not import the blogs."""

from django import template

from blogs.models import blog_index

register = template.Library()


@register.simple_tag(takes_context=True)
def my_blog_url(context):
    """The address of the signed-in member's blog in the active language,
    or "" when visitors may not see the blogs. One query."""
    request = context["request"]
    index = blog_index()
    if index is None or not request.user.is_authenticated:
        return ""
    return index.url_of("member", request.user.pk, request=request)
