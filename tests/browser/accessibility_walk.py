"""The accessibility walk: every page type of the portal, run through
axe-core (the copy that the axe-playwright-python package bundles) with the
WCAG 2.0, 2.1 and 2.2 A and AA rules.

`visits(language)` lists what to open, found in the database as the demo
content (`manage.py load_demo_content`) leaves it plus what the test adds;
`Walker` opens each in one browser page and collects the serious and
critical violations. Used by tests/browser/test_accessibility_walk.py; it
can also be pointed at a running development server.
"""

from dataclasses import dataclass, field
from pathlib import Path

import axe_playwright_python
from django.contrib.auth import get_user_model
from django_comments_xtd.models import XtdComment

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text()
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
BLOCKING = ("serious", "critical")
ANSWER_TEXT = {"ru": "Показать мой результат", "en": "Show my result"}


@dataclass
class Visit:
    """One page to check. `who` is "guest" or "member"; `action` is done on
    the page before the check ("submit" sends its main form as it is, "answer"
    fills in the self-assessment and shows the result); `status` is the
    HTTP status the page must answer with."""

    label: str
    path: str
    who: str = "guest"
    action: str = ""
    status: int = 200
    fields: dict = field(default_factory=dict)


@dataclass
class Finding:
    rule: str
    impact: str
    target: str
    url: str
    width: int
    help: str

    def __str__(self):
        return (
            f"{self.rule} ({self.impact}) at {self.target} on {self.url} "
            f"[{self.width}px]: {self.help}"
        )


def _live(model, language, **filters):
    return (
        model.objects.live()
        .filter(locale__language_code=language, **filters)
        .order_by("path")
        .specific()
        .first()
    )


def visits(language, *, member, registered_event):
    """The page types, in `language`. `member` is the member the walk logs in
    as, `registered_event` an event that member has a seat at."""
    from assessments.models import AssessmentPage
    from blogs.models import BlogIndexPage, BlogPost
    from community.models import (
        Company,
        NewsPage,
        PeopleIndexPage,
        RegionIndexPage,
        RegionPage,
    )
    from forums.models import BoardPage, ForumIndexPage
    from forums.models import Topic as ForumTopic
    from home.models import HomePage, Topic
    from library.models import ArticlePage, CaseStudyPage, LibraryIndexPage
    from partnerships.models import ListingPage, PartnershipsIndexPage
    from rusmeco_events.models import EventIndexPage, EventPage, LearningPage

    home = _live(HomePage, language)
    library = _live(LibraryIndexPage, language)
    commented_ids = XtdComment.objects.filter(is_public=True, is_removed=False).values_list(
        "object_pk", flat=True
    )
    case_study = _live(CaseStudyPage, language, translation_key__in=_keys(commented_ids))
    case_study = case_study or _live(CaseStudyPage, language)
    theme = Topic.objects.filter(locale__language_code=language).order_by("pk").first()
    events = _live(EventIndexPage, language)
    event = _live(EventPage, language)
    mine = registered_event.get_translation(events.locale)
    month = event.start.date().replace(day=1)
    regions = _live(RegionIndexPage, language)
    people = _live(PeopleIndexPage, language)
    company = Company.objects.order_by("pk").first()
    forums = _live(ForumIndexPage, language)
    board = _live(BoardPage, language)
    topic = ForumTopic.objects.filter(board_key=board.translation_key).order_by("pk").first()
    blogs = _live(BlogIndexPage, language)
    post = BlogPost.objects.published().order_by("pk").first()
    partners = _live(PartnershipsIndexPage, language)
    assessment = _live(AssessmentPage, language)
    prefix = f"/{language}"
    return [
        Visit("home", home.url),
        Visit("library, filtered", library.url + "?type=case_study&region=moscow"),
        Visit("library, theme page", library.url + f"topic/{theme.slug}/"),
        Visit("case study with comments", case_study.url),
        Visit("article", _live(ArticlePage, language).url),
        Visit("events", events.url),
        Visit("calendar month", events.url + f"calendar/{month:%Y-%m}/"),
        Visit("event, not registered", event.url),
        Visit("event, registered", mine.url, who="member"),
        Visit("learning", _live(LearningPage, language).url),
        Visit("regions", regions.url),
        Visit("region", _live(RegionPage, language).url),
        Visit("news item", _live(NewsPage, language).url),
        Visit("people", people.url, who="member"),
        Visit("member profile", people.url + f"member/{member.pk}/", who="member"),
        Visit("company profile", people.url + f"company/{company.slug}/", who="member"),
        Visit("sign-up with errors", f"{prefix}/accounts/signup/", action="submit"),
        Visit(
            "log-in with errors",
            f"{prefix}/accounts/login/",
            action="submit",
            fields={"login": "nobody@example.com", "password": "wrong-password"},
        ),
        Visit("my profile form", f"{prefix}/accounts/profile/edit/", who="member"),
        Visit("my data", f"{prefix}/accounts/data/", who="member"),
        Visit(
            "search with facets",
            f"{prefix}/search/?q=" + ("патент" if language == "ru" else "patent"),
        ),
        Visit("search, no results", f"{prefix}/search/?q=zzqxjv"),
        Visit("404", f"{prefix}/no-such-page/", status=404),
        Visit("forums", forums.url),
        Visit("board", board.url),
        Visit("forum topic", board.topic_url(topic.pk)),
        Visit("blogs", blogs.url),
        Visit("blog post", blogs.url + f"{post.author_id}/{post.slug}/"),
        Visit("partnerships", partners.url),
        Visit("listing", _live(ListingPage, language).url),
        Visit("self-assessment, questions with errors", assessment.url, action="submit"),
        Visit("self-assessment, result", assessment.url, action="answer"),
        Visit("notifications", f"{prefix}/notifications/", who="member"),
    ]


def _keys(object_pks):
    from wagtail.models import Page

    ids = [int(pk) for pk in object_pks if str(pk).isdigit()]
    return Page.objects.filter(pk__in=ids).values_list("translation_key", flat=True)


class Walker:
    """One browser page at one width: `open` a visit and start axe on it,
    then `collect` what axe found. Two walkers (phone, desktop) take turns,
    so that one page is served while axe works in the other browser tab."""

    def __init__(self, context, base_url, width):
        self.base_url = base_url
        self.width = width
        self.page = context.new_page()
        self.findings = []
        self.minor = []  # moderate and minor: reported, not failed on
        self.structure = []
        self.checked = 0

    def open(self, visit):
        page = self.page
        response = page.goto(self.base_url + visit.path)
        assert response.status == visit.status, (visit.label, visit.path, response.status)
        if visit.action == "submit":
            # Sent as it is, past the browser's own checks of required
            # fields, so that the portal's error messages are what is checked.
            form = page.locator("main form[method=post]").last
            form.evaluate("form => { form.noValidate = true; }")
            for name, value in visit.fields.items():
                form.locator(f"[name={name}]").fill(value)
            with page.expect_navigation():
                form.locator("[type=submit]").last.click()
            assert page.locator("[aria-invalid=true], .form-errors").count(), visit.label
        elif visit.action == "answer":
            for question in page.locator("fieldset.assessment-question").all():
                question.locator("input[type=radio]").first.check()
            with page.expect_navigation():
                page.locator("main form[method=post] [type=submit]").last.click()
        self.structure_problems(visit)
        # axe is injected through the debugging protocol, which the page's
        # Content-Security-Policy does not govern, and left running.
        page.evaluate(AXE_SCRIPT)
        page.evaluate("options => { window.axeRun = axe.run(document, options); }", AXE_OPTIONS)

    def collect(self, visit):
        results = self.page.evaluate("() => window.axeRun")
        self.checked += 1
        url = self.page.url.removeprefix(self.base_url) + f" ({visit.label})"
        for violation in results["violations"]:
            found = self.findings if violation["impact"] in BLOCKING else self.minor
            for node in violation["nodes"]:
                found.append(
                    Finding(
                        rule=violation["id"],
                        impact=violation["impact"],
                        target=" ".join(map(str, node["target"])),
                        url=url,
                        width=self.width,
                        help=violation["help"],
                    )
                )

    def structure_problems(self, visit):
        """What axe does not check: one h1, headings that skip no level,
        the skip link to #main, the landmarks, labelled navigation."""
        problems = self.page.evaluate(STRUCTURE_SCRIPT, visit.status != 500)
        url = self.page.url.removeprefix(self.base_url)
        self.structure.extend(f"{problem} on {url} ({visit.label})" for problem in problems)


STRUCTURE_SCRIPT = """framed => {
    const problems = [];
    const h1 = document.querySelectorAll("h1").length;
    if (h1 !== 1) problems.push(`${h1} h1 elements`);
    let level = 0;
    for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
        const next = Number(heading.tagName[1]);
        if (next > level + 1) {
            problems.push(`h${next} after h${level}: ${heading.textContent.trim()}`);
        }
        level = next;
    }
    const skip = document.querySelector("body a.skip-link");
    if (!skip || skip.getAttribute("href") !== "#main") problems.push("no skip link to #main");
    if (!document.querySelector("main#main")) problems.push("no main#main");
    if (framed) {
        if (!document.querySelector("body > header")) problems.push("no header landmark");
        if (!document.querySelector("body > footer")) problems.push("no footer landmark");
    }
    for (const nav of document.querySelectorAll("nav")) {
        if (!nav.getAttribute("aria-label") && !nav.getAttribute("aria-labelledby")) {
            problems.push(`nav without a label: ${nav.className}`);
        }
    }
    return problems;
}"""


def member_for_walk():
    """A demo member with a profile and a company."""
    return get_user_model().objects.filter(is_superuser=False).order_by("pk").first()
