"""What a notification can be about, and how it is shown.

Each model a notification may point at registers a function that takes
the targets of one page of notifications and the member reading them, and
returns, for the ones the member may still see, their title and links in
the active language: one or two queries for all of them, whatever their
number. A target the member may no longer see (a page unpublished or
restricted, a comment hidden) is left out, so a notification never names
it.

Apps register their own models in their `apps.py` ready():

    register_target(XtdComment, present_comments)
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail.models import Page

from home.querysets import every_page
from portal.links import absolute_url


@dataclass(frozen=True)
class Shown:
    title: str
    # The address on the site ("/ru/library/…"); e-mails use `full_url`.
    url: str

    @property
    def full_url(self):
        return absolute_url(self.url)


_PRESENTERS = {}
# Presenters whose answer does not depend on the member (pages: visible to
# anyone or to no one): the digests present their targets once for many
# members.
_SAME_FOR_EVERY_MEMBER = set()


def register_target(model, present, *, same_for_every_member=False):
    """`present(objects, user)` returns {object pk: Shown} for the objects
    `user` may see. `same_for_every_member` says that the answer is the
    same for every signed-in member (public things)."""
    _PRESENTERS[model] = present
    if same_for_every_member:
        _SAME_FOR_EVERY_MEMBER.add(present)


def same_for_every_member(model):
    """Whether what a notification about a `model` shows is the same for
    every signed-in member."""
    return presenter_for(model) in _SAME_FOR_EVERY_MEMBER


def presenter_for(model):
    for klass in model.__mro__:
        if klass in _PRESENTERS:
            return _PRESENTERS[klass]
    return None


def present(objects, user):
    """{(model, pk): Shown} for the targets in `objects` that `user` may see."""
    by_presenter = {}
    for obj in objects:
        presenter = presenter_for(type(obj))
        if presenter is not None:
            by_presenter.setdefault(presenter, []).append(obj)
    shown = {}
    for presenter, group in by_presenter.items():
        for pk, item in presenter(group, user).items():
            shown[(presenter, pk)] = item
    return {
        (type(obj), obj.pk): shown[(presenter_for(type(obj)), obj.pk)]
        for obj in objects
        if (presenter_for(type(obj)), obj.pk) in shown
    }


def visible_pages_in_language(pages):
    """{page pk: the page to show}: the pages among `pages` that anyone may
    see, each replaced by its live translation in the active language
    where there is one. Two queries."""
    ids = [page.pk for page in pages]
    visible = {
        row["pk"]: row["translation_key"]
        for row in every_page().visible().filter(pk__in=ids).values("pk", "translation_key")
    }
    translations = {
        page.translation_key: page
        for page in every_page()
        .visible(get_language())
        .filter(translation_key__in=set(visible.values()))
        .specific(defer=True)
    }
    return {
        page.pk: translations.get(page.translation_key, page)
        for page in pages
        if page.pk in visible
    }


def present_pages(pages, user):
    return {
        pk: Shown(page.title, page.get_url() or "")
        for pk, page in visible_pages_in_language(pages).items()
    }


register_target(Page, present_pages, same_for_every_member=True)
