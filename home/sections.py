"""Sections the content apps add to the home page.

`home` imports none of the content apps. An app shows its part of the home
page ("What's new", upcoming events, who's new ...) by registering a function
with the `register_home_section` Wagtail hook in its own wagtail_hooks.py:

    @hooks.register("register_home_section")
    def upcoming_events(request, page):
        return HomeSection(order=20, template="events/includes/home_upcoming.html",
                           context={"events": ...})

The template sees the section as `section` (its data in `section.context`)
and the home page as `page`.

A function may return None to show nothing.
"""

from dataclasses import dataclass, field
from operator import attrgetter

from home.hooks import hook_results


@dataclass
class HomeSection:
    order: int
    template: str
    context: dict = field(default_factory=dict)


def home_sections(request, page):
    return hook_results("register_home_section", request, page, key=attrgetter("order"))
