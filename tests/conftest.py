"""Shared fixtures: the bilingual page tree a test needs, built small, the
regions and themes, and the people who use the site.

The migrations already give the Russian home page (the default site's root)
and the English locale. English versions are Wagtail copies made by
tests.factories.translate; tests about translation itself are marked
`localize`, and their fixtures translate with wagtail-localize instead, as
a coordinator would.
"""

import json

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from django.utils import translation
from wagtail.models import Locale, Page, Site

from community import presence
from community.models import PeopleIndexPage, RegionIndexPage, RegionPage
from forums.models import ForumIndexPage
from home.demo import child_page
from home.models import FormField, FormPage, HomePage, SiteSettings, StandardPage
from home.region_roles import region_group_name
from library.models import LibraryIndexPage
from rusmeco_events.models import EventIndexPage
from tests.factories import (
    BoardPageFactory,
    MemberFactory,
    RegionFactory,
    StaffFactory,
    TopicFactory,
    translate,
    translate_with_localize,
)
from tests.helpers import logged_in


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "localize: the fixtures translate with wagtail-localize (tests about translation)",
    )


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` are left out when the suite runs on SQLite
    (CI's PostgreSQL pass runs them), and reported as deselected."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    needs_postgresql = [item for item in items if item.get_closest_marker("postgresql")]
    if needs_postgresql:
        config.hook.pytest_deselected(items=needs_postgresql)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as the migrations leave it (site, locales, home
    page, groups, workflow, collections), kept so it can be put back after
    a test with real transactions has emptied the database."""
    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            if not hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def _runs_real_transactions(item):
    marker = item.get_closest_marker("django_db")
    transaction = bool(
        marker and (marker.kwargs.get("transaction") or (marker.args[:1] == (True,)))
    )
    fixtures = getattr(item, "fixturenames", ())
    return transaction or "transactional_db" in fixtures or "live_server" in fixtures


def _content_types_first(contents):
    """The serialized database in two parts: the content types, then the rest."""
    rows = json.loads(contents)
    first = [row for row in rows if row["model"] == "contenttypes.contenttype"]
    rest = [row for row in rows if row["model"] != "contenttypes.contenttype"]
    return [json.dumps(first), json.dumps(rest)]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A test with real transactions ends by emptying the database; the
    tests after it in the same process expect what the migrations made, so
    it is put back (one flush and one load, only after such tests)."""
    result = yield
    # After the last test the test database is already gone.
    if nextitem is not None and _runs_real_transactions(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all(initialized_only=True):
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents is None:
                    continue
                call_command(
                    "flush",
                    database=connection.alias,
                    interactive=False,
                    inhibit_post_migrate=True,
                    verbosity=0,
                )
                # Content types first: Wagtail's Page and Task look up
                # their content type when built, and one missing from the
                # cache would be created anew and clash with the restored row.
                for part in _content_types_first(contents):
                    connection.creation.deserialize_db_from_string(part)
                ContentType.objects.clear_cache()
                # The rows come back with their ids; PostgreSQL's sequences,
                # reset by the flush, must continue after them.
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(
                        no_style(), apps.get_models(include_auto_created=True)
                    ):
                        cursor.execute(sql)
    return result


@pytest.fixture(autouse=True, scope="session")
def _mail_through_the_queue(django_test_environment):
    """Django's test set-up points EMAIL_BACKEND straight at locmem; the
    portal sends every message through its queue (home/mail.py), so the
    tests do too: what lands in mail.outbox has made the round trip through
    the task's arguments (the immediate backend runs it at once)."""
    from django.conf import settings

    settings.EMAIL_BACKEND = "home.mail.QueueBackend"


@pytest.fixture(autouse=True)
def _clean_state():
    cache.clear()
    presence.forget_counted_guests()
    yield
    translation.activate("ru")


@pytest.fixture
def migrated_site(transactional_db):
    """For tests with real transactions (threads, outages): what the
    migrations made and they need: both locales, the Russian home page and
    the default site. A live-server test that ran
    earlier may have emptied the database when it ended; then they are made
    again here."""
    russian, _ = Locale.objects.get_or_create(language_code="ru")
    Locale.objects.get_or_create(language_code="en")
    if not Site.objects.filter(is_default_site=True).exists():
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=russian)
        )
        home = root.add_child(instance=HomePage(title="RUSMECO", slug="home", locale=russian))
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)


@pytest.fixture
def translator(request):
    """How the fixtures make English versions: `translate`, or in a test
    marked `localize`, `translate_with_localize`."""
    if request.node.get_closest_marker("localize"):
        return translate_with_localize
    return translate


@pytest.fixture
def locale_ru(db):
    return Locale.objects.get(language_code="ru")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


# --- pages ---------------------------------------------------------------------


@pytest.fixture
def home_ru(site):
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    home.intro = "Сообщество инновационных компаний."
    home.save_revision().publish()
    return home


@pytest.fixture
def home_en(home_ru, locale_en, translator):
    return translator(home_ru, title="RUSMECO home", intro="A community of innovative companies.")


def section(home, page_class, slug, title, intro):
    """A live page of the menu under `home`, made once per test."""
    return child_page(home, page_class, slug, title=title, intro=intro, show_in_menus=True)


@pytest.fixture
def about_ru(home_ru):
    return section(home_ru, StandardPage, "about", "О проекте", "Сообщество практики.")


@pytest.fixture
def about_en(about_ru, home_en, translator):
    return translator(about_ru, title="About the project", intro="A CoP.")


@pytest.fixture
def contact_ru(home_ru, site):
    page = child_page(
        home_ru,
        FormPage,
        "contact",
        title="Контакты",
        subject="Сообщение с портала",
        form_fields=[
            FormField(label="Имя", field_type="singleline", required=True, sort_order=0),
            FormField(label="Почта", field_type="email", required=True, sort_order=1),
            FormField(label="Сообщение", field_type="multiline", required=True, sort_order=2),
        ],
    )
    settings = SiteSettings.for_site(site)
    settings.contact_email = "office@rusmeco.example"
    settings.contact_page = page
    settings.save()
    return page


@pytest.fixture
def contact_en(contact_ru, home_en, translator):
    english = translator(contact_ru, title="Contact")
    labels = {"Имя": "Name", "Почта": "E-mail", "Сообщение": "Message"}
    form_fields = list(english.form_fields.all())
    for field in form_fields:
        field.label = labels[field.label]
    english.form_fields = form_fields
    english.save_revision().publish()
    return english


@pytest.fixture
def library_ru(home_ru):
    return section(
        home_ru, LibraryIndexPage, "library", "Библиотека", "Кейсы, статьи и советы экспертов."
    )


@pytest.fixture
def library_en(library_ru, home_en, translator):
    return translator(library_ru, title="Library", intro="Case studies and articles.")


@pytest.fixture
def moscow_page(home_ru, regions):
    """Moscow's region page (its coordinators may edit it and its news),
    under the Russian regions index."""
    index = child_page(home_ru, RegionIndexPage, "regions", title="Регионы")
    return child_page(index, RegionPage, "moscow", title="Москва", region=regions["moscow"])


@pytest.fixture
def calendar_ru(home_ru, regions, topics):
    """The event calendar, on a site with its regions and themes."""
    return section(
        home_ru, EventIndexPage, "events", "Мероприятия", "Встречи, онлайн-события и тренинги."
    )


@pytest.fixture
def calendar_en(calendar_ru, home_en, translator):
    return translator(calendar_ru, title="Events", intro="Meetings and more.")


@pytest.fixture
def people_ru(home_ru, regions, topics):
    """The people directory, on a site with its regions and themes."""
    return section(home_ru, PeopleIndexPage, "people", "Люди", "Участники сообщества.")


@pytest.fixture
def people_en(people_ru, home_en, translator):
    return translator(people_ru, title="People", intro="Community members.")


# --- regions and themes --------------------------------------------------------

REGIONS = [
    ("moscow", "Москва", "Moscow", "Europe/Moscow"),
    ("st-petersburg", "Санкт-Петербург", "St Petersburg", "Europe/Moscow"),
    ("ekaterinburg", "Екатеринбург", "Ekaterinburg", "Asia/Yekaterinburg"),
]
THEMES = [
    ("ipr", "Права интеллектуальной собственности", "ПИС", "Intellectual property rights", "IPR"),
    ("innovation-marketing", "Маркетинг инноваций", "", "Innovation marketing", ""),
    ("quality-management", "Управление качеством", "", "Quality management", ""),
    ("knowledge-management", "Управление знаниями", "", "Knowledge management", ""),
]


@pytest.fixture
def regions(locale_ru, locale_en, translator):
    """The three founding regions, {slug: Russian region}, each translated
    into English."""
    found = {}
    for order, (slug, name_ru, name_en, zone) in enumerate(REGIONS):
        region = RegionFactory(slug=slug, name=name_ru, time_zone=zone, sort_order=order)
        translator(region, name=name_en)
        found[slug] = region
    return found


@pytest.fixture
def topics(locale_ru, locale_en, translator):
    """Four themes, {slug: Russian topic}, each with a description and
    translated into English; intellectual property rights also has a short
    name."""
    found = {}
    for order, (slug, name_ru, short_ru, name_en, short_en) in enumerate(THEMES):
        topic = TopicFactory(
            slug=slug,
            name=name_ru,
            short_name=short_ru,
            description=f"Всё о теме «{name_ru}».",
            sort_order=order,
        )
        translator(topic, name=name_en, short_name=short_en, description=f"All about {name_en}.")
        found[slug] = topic
    return found


# --- people --------------------------------------------------------------------


@pytest.fixture
def anna(db):
    """A member with a public profile."""
    return MemberFactory(username="anna", name="Анна Соколова", profile__visibility="public")


@pytest.fixture
def boris(db):
    """A member whose profile only members see."""
    return MemberFactory(username="boris", name="Борис Орлов", profile__visibility="members")


@pytest.fixture
def anna_client(anna):
    return logged_in(anna)


@pytest.fixture
def boris_client(boris):
    return logged_in(boris)


@pytest.fixture
def coordinator(db):
    """A coordinator of every region."""
    return StaffFactory(username="coordinator", groups=["Coordinators"])


@pytest.fixture
def moderator(db):
    return StaffFactory(username="moderator", groups=["Moderators"])


@pytest.fixture
def staff(coordinator):
    """The people of the admin by role: an editor, the coordinators of
    Moscow (whose admin is in English) and of Ekaterinburg (in Russian), a
    coordinator of every region, a translator and a superuser (in English)."""
    return {
        "editor": StaffFactory(username="editor", groups=["Editors"]),
        "moscow": StaffFactory(
            username="moscow-coordinator", groups=[region_group_name("moscow")], language="en"
        ),
        "ekaterinburg": StaffFactory(
            username="ekb-coordinator", groups=[region_group_name("ekaterinburg")], language="ru"
        ),
        "coordinator": coordinator,
        "translator": StaffFactory(username="translator", groups=["Translators"]),
        "admin": StaffFactory(username="admin", is_superuser=True, language="en"),
    }


# --- forums --------------------------------------------------------------------


@pytest.fixture
def forums_ru(home_ru):
    return section(home_ru, ForumIndexPage, "forums", "Форумы", "Участники обсуждают вопросы.")


@pytest.fixture
def forums_en(forums_ru, home_en, translator):
    return translator(forums_ru, title="Forums", intro="Members discuss.")


@pytest.fixture
def board_ru(forums_ru, regions):
    """A Moscow board of the Russian forums."""
    return BoardPageFactory(
        parent=forums_ru, slug="questions", title="Вопросы", region=regions["moscow"]
    )


@pytest.fixture
def board_en(board_ru, forums_en, translator):
    return translator(board_ru, title="Questions", description="Members' questions.")


# --- member blogs ----------------------------------------------------------------


@pytest.fixture
def blogs_ru(home_ru, regions, topics):
    """The member blogs, on a site with its regions and themes."""
    from blogs.models import BlogIndexPage

    return section(home_ru, BlogIndexPage, "blogs", "Блоги", "Блоги участников сообщества.")


@pytest.fixture
def blogs_en(blogs_ru, home_en, translator):
    return translator(blogs_ru, title="Blogs", intro="Members' blogs.")


# --- partnerships ----------------------------------------------------------------


@pytest.fixture
def partners_ru(home_ru, regions, topics):
    """The partnerships page, on a site with its regions and themes."""
    from partnerships.models import PartnershipsIndexPage

    return section(
        home_ru, PartnershipsIndexPage, "partners", "Партнёрства", "Предложения и запросы компаний."
    )


@pytest.fixture
def partners_en(partners_ru, home_en, translator):
    return translator(partners_ru, title="Partnerships", intro="Companies' offers and requests.")


# --- partnerships: expressions of interest --------------------------------------


@pytest.fixture
def vera(db):
    """A plain (not managing) member of the contact company."""
    return MemberFactory(username="vera", name="Вера Лебедева")


@pytest.fixture
def contact_company(boris, vera):
    """A Moscow company with Boris as its manager and Vera as a member."""
    from tests.factories import CompanyFactory

    return CompanyFactory(name="Зеленоградские сенсоры", manager=boris, members=[vera])


@pytest.fixture
def contact_listing(partners_ru, contact_company):
    """The contact company's open Moscow listing on the Russian page."""
    from tests.factories import ListingPageFactory

    return ListingPageFactory(
        parent=partners_ru, company=contact_company, slug="sensors", title="Датчики давления"
    )


@pytest.fixture
def gleb(db):
    """The manager of another company."""
    from tests.factories import CompanyFactory

    manager = MemberFactory(username="gleb", name="Глеб Новиков")
    CompanyFactory(name="Уральские покрытия", manager=manager)
    return manager


@pytest.fixture
def contact_interest(contact_listing, anna):
    """Anna's open expression of interest in the contact listing."""
    from tests.partnerships.contact_fixtures import make_interest

    return make_interest(contact_listing, anna)
