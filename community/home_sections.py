"""The community's blocks on the home page: who's new and who's online
(registered with the `register_home_section` hook in wagtail_hooks.py).

Both are built together, in three queries (the people directory, the
newest members, the members online with their count), and kept in the
cache for a minute per language and audience (visitors see public
profiles, members also members-only ones); any profile change drops them
(it advances PROFILES, see signals.py).
A warm home page costs no query for them. The guest count comes from the
cache alone (see presence.py).
"""

from django.db.models import Case, Count, IntegerField, Q, Value, When, Window

from community import presence
from community.links import active_language, people_index
from community.models import Profile, Visibility
from home.caching import Generation, cached
from home.sections import HomeSection

CACHE_SECONDS = 60
PROFILES = Generation("community:profiles")
NEWEST_SHOWN = 6
ONLINE_SHOWN = 12
CARD_FIELDS = ("pk", "display_name", "position", "photo", "photo_width", "photo_height")


def community_data(request):
    """{"newest": [card], "online": [card], "online_count", "directory_url"}
    for the request's language and audience, from the cache if it can."""
    language = active_language()
    audience = "members" if request.user.is_authenticated else "public"
    return cached(
        f"community:home:{language}:{audience}",
        lambda: build(request, language),
        PROFILES,
        timeout=CACHE_SECONDS,
    )


def build(request, language):
    index = people_index(request, language)
    index_url = index.get_url(request) if index else ""

    def card(profile):
        url = index_url + index.reverse_subpage("member", args=[profile.pk]) if index else ""
        return {
            "name": profile.display_name,
            "position": profile.position,
            "url": url,
            "photo_url": profile.photo_url,
            "photo_width": profile.photo_width,
            "photo_height": profile.photo_height,
        }

    newest = (Profile.objects.listed_for(request.user).only(*CARD_FIELDS).order_by("-created_at"))[
        :NEWEST_SHOWN
    ]
    online, online_count = members_online(request.user)
    return {
        "newest": [card(profile) for profile in newest],
        "online": [card(profile) for profile in online],
        "online_count": online_count,
        "directory_url": index_url,
    }


def members_online(user):
    """The listed members seen in the online window (at most ONLINE_SHOWN),
    and how many members were seen in it, listed or not: one query, the
    total riding along on every row as a window count."""
    shown = [Visibility.PUBLIC]
    if user.is_authenticated:
        shown.append(Visibility.MEMBERS)
    rows = list(
        Profile.objects.filter(user__is_active=True, last_seen__gte=presence.online_since())
        .annotate(
            listed=Case(
                When(Q(visibility__in=shown), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            total=Window(Count("pk")),
        )
        .only(*CARD_FIELDS, "visibility")
        .order_by("-listed", "-last_seen")[:ONLINE_SHOWN]
    )
    total = rows[0].total if rows else 0
    return [row for row in rows if row.listed], total


def whos_new(request, page):
    data = community_data(request)
    if not data["newest"]:
        return None
    return HomeSection(
        order=60,
        template="community/includes/home_whos_new.html",
        context={"members": data["newest"], "directory_url": data["directory_url"]},
    )


def whos_online(request, page):
    data = community_data(request)
    return HomeSection(
        order=70,
        template="community/includes/home_whos_online.html",
        context={
            "members": data["online"],
            "member_count": data["online_count"],
            "others": data["online_count"] - len(data["online"]),
            "guest_count": presence.guests_online(),
        },
    )
