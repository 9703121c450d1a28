"""What the routes of the library index do: the list of items and a
theme's page. (The RSS feeds are in library/feeds.py, the comment actions
in library/comment_views.py.)"""

from library.listing import listing_context, topic_or_404


def index(library, request):
    return library.render(request, context_overrides=listing_context(request, library, topic=None))


def topic(library, request, slug):
    theme = topic_or_404(library, slug)
    return library.render(request, context_overrides=listing_context(request, library, topic=theme))
