"""The editorial roles on the regions' pages, driven through the Wagtail
admin with CSRF enforced.

A region's coordinators edit and publish under their own region's page
(community/permissions.py) and approve their region's submissions (the
"Regional review", home/workflows.py); they can do nothing to another
region's pages. Editors create and submit but do not publish; translators
translate but do not publish, and a translation's draft stays invisible to
visitors until the coordinators of its region approve it.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib import messages
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, Revision, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation, TranslationSource

from community.models import NewsPage, RegionIndexPage, RegionPage
from home.demo import child_page, translate
from home.models import Region
from tests.factories import RegionFactory, StaffFactory
from tests.factories import translate as translate_term
from tests.helpers import AdminClient

MOSCOW_NEWS_TITLE = "Форум TechnoSpring в Москве"
EKB_NEWS_TITLE = "Выставка UralExpo в Екатеринбурге"
PUBLISH = {"action-publish": "action-publish"}
SUBMIT = {"action-submit": "action-submit"}


# --- set-up ----------------------------------------------------------------


@pytest.fixture
def tree(home_ru, home_en, regions, translator):
    """Regions page, Moscow and Ekaterinburg pages with one live news item
    each, in Russian; the regions page and both region pages in English."""
    index_ru = child_page(home_ru, RegionIndexPage, "regions", title="Регионы")
    moscow_ru = child_page(index_ru, RegionPage, "moscow", title="Москва", region=regions["moscow"])
    ekb_ru = child_page(
        index_ru, RegionPage, "ekaterinburg", title="Екатеринбург", region=regions["ekaterinburg"]
    )
    moscow_news = child_page(
        moscow_ru,
        NewsPage,
        "moscow-forum",
        title=MOSCOW_NEWS_TITLE,
        date=datetime.date(2025, 3, 1),
        summary="Итоги форума.",
    )
    ekb_news = child_page(
        ekb_ru,
        NewsPage,
        "ekb-expo",
        title=EKB_NEWS_TITLE,
        date=datetime.date(2025, 3, 2),
        summary="Итоги выставки.",
    )
    index_en = translator(index_ru, title="Regions")
    moscow_en = translator(moscow_ru, title="Moscow")
    ekb_en = translator(ekb_ru, title="Ekaterinburg")
    return SimpleNamespace(
        index_ru=index_ru,
        moscow_ru=moscow_ru,
        ekb_ru=ekb_ru,
        moscow_news=moscow_news,
        ekb_news=ekb_news,
        index_en=index_en,
        moscow_en=moscow_en,
        ekb_en=ekb_en,
    )


def news_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2025-04-01",
            "author": "Пресс-служба",
            "summary": "Коротко.",
            "lead_image": "",
            "body": streamfield([("paragraph", rich_text("<p>Текст новости.</p>"))]),
            "gallery": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def region_form(title, slug, region):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "region": region.pk,
            "intro": rich_text("<p>Региональный центр.</p>"),
            "centre_name": "Региональный центр",
            "centre_address": "",
            "centre_phone": "",
            "centre_email": "",
            "centre_website": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def page_form(page, title):
    """The admin edit form of `page` (a news item or a region page), valid,
    with a new title."""
    page = page.specific
    if isinstance(page, NewsPage):
        return news_form(title, page.slug)
    return region_form(title, page.slug, page.region)


def state():
    """What the refused requests must leave as it was."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "title",
                "slug",
                "live",
                "path",
                "url_path",
                "latest_revision_id",
                "live_revision_id",
                "has_unpublished_changes",
                "locked",
            )
        ),
        "revisions": Revision.objects.count(),
        "translations": list(
            Translation.objects.order_by("pk").values_list("pk", "target_locale_id", "enabled")
        ),
        "task_states": list(TaskState.objects.order_by("pk").values_list("pk", "status")),
        "workflow_states": list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
    }


def assert_refused(client, response, url):
    """A 403, or a redirect elsewhere with an error message (Wagtail sends
    a refused admin user to the dashboard so). The redirect is followed, so
    the message is shown and the next request starts without it."""
    if response.status_code == 403:
        return
    assert response.status_code == 302, (url, response.status_code)
    assert response["Location"] != url
    errors = [str(m) for m in get_messages(response.wsgi_request) if m.level == messages.ERROR]
    assert errors, (url, response["Location"])
    landing = client.get(response["Location"])
    assert landing.status_code == 200
    assert errors[0].strip() in landing.text


def live_title(page):
    fresh = Page.objects.get(pk=page.pk)
    return fresh.title, fresh.live


# --- a coordinator in their own region ---------------------------------------


@pytest.mark.django_db
def test_moscow_coordinator_edits_and_publishes_moscow_news(tree, staff):
    news = tree.moscow_news
    url = reverse("wagtailadmin_pages:edit", args=[news.pk])
    coordinator = AdminClient(staff["moscow"])
    assert coordinator.get(url).status_code == 200

    # Without the token, CSRF protection refuses the same form.
    before = state()
    tokenless = Client(enforce_csrf_checks=True)
    tokenless.force_login(staff["moscow"])
    assert tokenless.post(url, page_form(news, "Без токена") | PUBLISH).status_code == 403
    assert state() == before

    response = coordinator.send("post", url, page_form(news, "Итоги форума TechnoSpring") | PUBLISH)

    assert response.status_code == 302, response.content[:2000]
    news.refresh_from_db()
    assert news.title == "Итоги форума TechnoSpring"
    assert news.live
    assert not news.has_unpublished_changes
    assert news.live_revision_id == news.latest_revision_id
    assert news.live_revision.user == staff["moscow"]
    assert news.get_parent().pk == tree.moscow_ru.pk
    page = Client().get(news.url)
    assert page.status_code == 200
    assert "Итоги форума TechnoSpring" in page.text


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["news", "region"])
def test_ekaterinburg_coordinator_publishes_the_forms_refused_to_moscow(tree, staff, target):
    """The control of the refusals below: the same form, from the
    Ekaterinburg coordinator, publishes."""
    page = tree.ekb_news if target == "news" else tree.ekb_ru
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    response = AdminClient(staff["ekaterinburg"]).send(
        "post", url, page_form(page, "Изменено в Екатеринбурге") | PUBLISH
    )

    assert response.status_code == 302, response.content[:2000]
    assert live_title(page) == ("Изменено в Екатеринбурге", True)


# --- a coordinator in another region: refused everywhere -------------------
#
# Each view returns the requests to make, [(method, url, data)], after any
# preparation of its own (a workflow started, an English translation made).


def edit_view(tree, staff, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return [
        ("get", url, None),
        ("post", url, page_form(page, "Захвачено")),
        ("post", url, page_form(page, "Захвачено") | PUBLISH),
    ]


def delete_view(tree, staff, page):
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    return [("get", url, None), ("post", url, {})]


def destination(tree, page):
    # A news item to the Moscow page (where the Moscow coordinator may add
    # pages); a region page to its own parent, the only type-valid place.
    return tree.moscow_ru if isinstance(page.specific, NewsPage) else tree.index_ru


def move_view(tree, staff, page):
    confirm = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination(tree, page).pk])
    return [
        ("get", reverse("wagtailadmin_pages:move", args=[page.pk]), None),
        ("post", confirm, {}),
    ]


def copy_view(tree, staff, page):
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    data = {
        "new_title": "Копия",
        "new_slug": "copied-page",
        "new_parent_page": destination(tree, page).pk,
        "copy_subpages": "on",
        "publish_copies": "on",
    }
    return [("get", url, None), ("post", url, data)]


def unpublish_view(tree, staff, page):
    url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    return [("get", url, None), ("post", url, {"include_descendants": "on"})]


def history_view(tree, staff, page):
    return [
        ("get", reverse("wagtailadmin_pages:history", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_pages:history_results", args=[page.pk]), None),
        ("get", reverse("wagtailadmin_pages:workflow_history", args=[page.pk]), None),
    ]


def revisions_views(tree, staff, page):
    revision = page.latest_revision
    revert = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])
    return [
        ("get", reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]), None),
        ("get", revert, None),
        ("post", revert, page_form(page, "Откат") | PUBLISH),
        (
            "get",
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"]),
            None,
        ),
        (
            "get",
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, revision.pk, "live"]),
            None,
        ),
    ]


def preview_view(tree, staff, page):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    return [("post", url, page_form(page, "Просмотр")), ("get", url, None)]


def lock_view(tree, staff, page):
    return [("post", reverse("wagtailadmin_pages:lock", args=[page.pk]), {})]


def workflow_approve(tree, staff, page):
    # The editor has submitted the page to the Regional review.
    workflow = page.get_workflow()
    assert workflow.name == "Regional review"
    page.save_revision(user=staff["editor"])
    workflow.start(page, staff["editor"])
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return [("post", url, {"comment": ""})]


def submit_translation(tree, staff, page):
    english = Locale.objects.get(language_code="en")
    assert page.get_translation_or_none(english) is None
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return [("post", url, {"locales": [english.pk]})]


def translation_editor(tree, staff, page):
    english = translate(page, "en", {page.title: "Translated"})
    assert Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=english.locale, enabled=True
    ).exists()
    url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    return [("get", url, None), ("post", url, {"action": "publish"})]


def sync_translations(tree, staff, page):
    """wagtail-localize's "Sync translated pages" of a translated page."""
    translate(page, "en", {page.title: "Translated"})
    source = TranslationSource.objects.get_for_instance(page)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    return [("get", url, None), ("post", url, {"publish_translations": "on"})]


VIEWS = [
    sync_translations,
    edit_view,
    delete_view,
    move_view,
    copy_view,
    unpublish_view,
    history_view,
    revisions_views,
    preview_view,
    lock_view,
    workflow_approve,
    translation_editor,
]
REFUSALS = [
    pytest.param(
        target,
        view,
        id=f"{target}-{view.__name__}",
        marks=pytest.mark.localize if view in (sync_translations, translation_editor) else (),
    )
    for target in ("news", "region")
    for view in VIEWS
] + [
    # The region page is translated already (its news needs an English
    # parent), so only the news item can be submitted for translation.
    pytest.param("news", submit_translation, id="news-submit_translation"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("target", "view"), REFUSALS)
def test_moscow_coordinator_is_refused_for_ekaterinburg_pages(tree, staff, target, view):
    page = tree.ekb_news if target == "news" else tree.ekb_ru
    client = AdminClient(staff["moscow"])
    requests = view(tree, staff, page)
    before = state()

    for method, url, data in requests:
        assert_refused(client, client.send(method, url, data), url)

    assert state() == before
    assert live_title(page) == (page.title, True)


@pytest.mark.django_db
def test_revisions_index_leads_to_the_refused_history(tree, staff):
    client = AdminClient(staff["moscow"])
    history = reverse("wagtailadmin_pages:history", args=[tree.ekb_news.pk])
    before = state()

    response = client.get(reverse("wagtailadmin_pages:revisions_index", args=[tree.ekb_news.pk]))
    assert response.status_code == 302
    assert response["Location"] == history
    assert_refused(client, client.get(history), history)

    assert state() == before


# --- the regional review -------------------------------------------------------

REVIEW_TITLE = "Ярмарка инноваций на Урале"


def submit_news(editor, parent, title, slug, action=SUBMIT):
    url = reverse("wagtailadmin_pages:add", args=["community", "newspage", parent.pk])
    assert editor.get(url).status_code == 200
    response = editor.send("post", url, news_form(title, slug) | action)
    assert response.status_code == 302, response.content[:2000]
    return NewsPage.objects.get(slug=slug, locale=parent.locale)


@pytest.mark.django_db
def test_editors_news_goes_to_the_regions_coordinators(tree, staff, regions):
    page = submit_news(AdminClient(staff["editor"]), tree.ekb_ru, REVIEW_TITLE, "ural-fair")
    assert not page.live
    assert page.region == regions["ekaterinburg"]
    task_state = page.current_workflow_task_state
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert task_state.workflow_state.workflow.name == "Regional review"
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )

    moscow = AdminClient(staff["moscow"])
    assert REVIEW_TITLE not in moscow.dashboard.text
    before = state()
    assert_refused(moscow, moscow.send("post", approve, {"comment": ""}), approve)
    assert state() == before
    assert live_title(page) == (REVIEW_TITLE, False)

    ekaterinburg = AdminClient(staff["ekaterinburg"])
    assert REVIEW_TITLE in ekaterinburg.dashboard.text
    response = ekaterinburg.send("post", approve, {"comment": ""})

    assert response.status_code == 302
    assert live_title(page) == (REVIEW_TITLE, True)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.finished_by == staff["ekaterinburg"]
    assert Client().get(Page.objects.get(pk=page.pk).url).status_code == 200


@pytest.mark.django_db
def test_an_approval_for_a_moscow_page_cannot_carry_an_ekaterinburg_task(tree, staff):
    """The workflow action URL names a page and a task state: approving
    through a Moscow page the Moscow coordinator may review must not approve
    the Ekaterinburg submission named by the task state."""
    editor = AdminClient(staff["editor"])
    ekb = submit_news(editor, tree.ekb_ru, REVIEW_TITLE, "ural-fair")
    moscow_page = submit_news(editor, tree.moscow_ru, "Неделя инноваций в Москве", "moscow-week")
    ekb_task = ekb.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[moscow_page.pk, "approve", ekb_task.pk]
    )
    assert live_title(ekb) == (REVIEW_TITLE, False)
    assert ekb_task.status == TaskState.STATUS_IN_PROGRESS
    before = state()

    AdminClient(staff["moscow"]).send("post", url, {"comment": ""})

    assert live_title(ekb) == (REVIEW_TITLE, False)
    ekb_task.refresh_from_db()
    assert ekb_task.status == TaskState.STATUS_IN_PROGRESS
    assert state() == before


@pytest.mark.django_db
def test_editor_cannot_publish_directly(tree, staff):
    editor = AdminClient(staff["editor"])

    new = submit_news(editor, tree.ekb_ru, "Новость без проверки", "unreviewed", action=PUBLISH)
    assert not new.live
    assert new.live_revision is None
    assert Client().get(new.url).status_code == 404

    news = tree.ekb_news
    url = reverse("wagtailadmin_pages:edit", args=[news.pk])
    response = editor.send("post", url, page_form(news, "Правка редактора") | PUBLISH)
    assert response.status_code in (200, 302)
    news.refresh_from_db()
    assert (news.title, news.live) == (EKB_NEWS_TITLE, True)
    assert news.latest_revision.as_object().title == "Правка редактора"  # a draft only
    assert news.live_revision_id != news.latest_revision_id
    assert EKB_NEWS_TITLE in Client().get(news.url).text


# --- translators ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.localize
def test_translator_translates_but_cannot_publish(
    tree, staff, locale_en, django_capture_on_commit_callbacks
):
    translator = AdminClient(staff["translator"])
    submit = reverse("wagtail_localize:submit_page_translation", args=[tree.moscow_news.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.send("post", submit, {"locales": [locale_en.pk]})
    assert response.status_code == 302

    english = tree.moscow_news.get_translation(locale_en).specific
    assert english.get_parent().pk == tree.moscow_en.pk
    assert not english.live
    assert english.latest_revision is not None  # the draft
    editor_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    opened = translator.get(editor_url)
    assert opened.status_code == 200
    assert "js-translation-editor" in opened.text

    before = state()
    with django_capture_on_commit_callbacks(execute=True):
        refused = translator.send("post", editor_url, {"action": "publish"})
        assert_refused(translator, refused, editor_url)
        translator.send("post", editor_url, page_form(english, "Forum TechnoSpring") | PUBLISH)
    assert state() == before
    english.refresh_from_db()
    assert not english.live

    visitor = Client()
    assert visitor.get(english.url).status_code == 404
    region_page = visitor.get(tree.moscow_en.url)
    assert region_page.status_code == 200
    assert english.url not in region_page.text
    search = visitor.get("/en/search/", {"q": "TechnoSpring"})
    assert search.status_code == 200
    assert english.url not in search.text

    # The control: once the Moscow coordinator publishes the translation,
    # visitors reach it, the region page lists it and the search finds it.
    with django_capture_on_commit_callbacks(execute=True):
        response = AdminClient(staff["moscow"]).send("post", editor_url, {"action": "publish"})
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live
    assert visitor.get(english.url).status_code == 200
    assert english.url in visitor.get(tree.moscow_en.url).text
    assert english.url in visitor.get("/en/search/", {"q": "TechnoSpring"}).text


# --- a translation through the review ------------------------------------
# wagtail-localize's editor cannot submit for review; the translator uses
# the "Submit translation for review" button (home/translation_review.py).


def english_draft(tree, staff):
    """The translator's English draft of the Moscow news item."""
    translator = AdminClient(staff["translator"])
    english = Locale.objects.get(language_code="en")
    translator.send(
        "post",
        reverse("wagtail_localize:submit_page_translation", args=[tree.moscow_news.pk]),
        {"locales": [english.pk]},
    )
    draft = tree.moscow_news.get_translation(english).specific
    assert not draft.live
    return translator, draft


def submit_url(page):
    return reverse("home_submit_translation_for_review", args=[page.pk])


def in_review(page):
    return WorkflowState.objects.filter(
        base_content_type__isnull=False,
        object_id=str(page.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )


@pytest.mark.django_db
@pytest.mark.localize
def test_a_translation_is_reviewed_by_the_regions_coordinators_then_live(client, tree, staff):
    translator, draft = english_draft(tree, staff)
    explore = translator.get(reverse("wagtailadmin_explore", args=[draft.pk]))
    assert "Отправить перевод на проверку" in explore.text  # the admin speaks Russian
    mail.outbox.clear()

    response = translator.send("post", submit_url(draft))

    assert response.status_code == 302
    assert in_review(draft).count() == 1
    # Told: Moscow's coordinators (a "review_waiting" notification) and,
    # once, the superuser (Wagtail's e-mail of the workflow); never
    # Ekaterinburg's coordinators.
    assert sorted(m.to for m in mail.outbox) == [
        ["admin@rusmeco.example"],
        ["moscow-coordinator@rusmeco.example"],
    ]
    assert client.get(f"/en/regions/moscow/{draft.slug}/").status_code == 404

    ekb = AdminClient(staff["ekaterinburg"])
    task_state = in_review(draft).get().current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk])
    ekb.send("post", url, {})
    assert not Page.objects.get(pk=draft.pk).live

    AdminClient(staff["moscow"]).send("post", url, {})

    assert Page.objects.get(pk=draft.pk).live
    assert client.get(f"/en/regions/moscow/{draft.slug}/").status_code == 200


@pytest.mark.django_db
@pytest.mark.localize
@pytest.mark.parametrize("who", ["ekaterinburg", "editor-of-nothing"])
def test_others_cannot_submit_the_translation(tree, staff, who):
    _translator, draft = english_draft(tree, staff)
    user = (
        staff["ekaterinburg"]
        if who == "ekaterinburg"
        else StaffFactory(username="moderator", groups=["Moderators"])
    )

    response = AdminClient(user).send("post", submit_url(draft))

    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not in_review(draft).exists()


@pytest.mark.django_db
@pytest.mark.localize
def test_submitting_needs_the_form_token_and_a_post(tree, staff):
    translator, draft = english_draft(tree, staff)
    unprotected = Client(enforce_csrf_checks=True)
    unprotected.force_login(staff["translator"])

    assert unprotected.post(submit_url(draft)).status_code == 403
    assert translator.get(submit_url(draft)).status_code == 405
    assert not in_review(draft).exists()


@pytest.mark.django_db
@pytest.mark.localize
def test_an_untranslated_page_has_no_such_button(tree, staff):
    translator = AdminClient(staff["translator"])
    draft = tree.moscow_ru.add_child(
        instance=type(tree.moscow_news)(title="Черновик", slug="draft", live=False)
    )
    draft.save_revision()

    assert (
        "Submit translation for review"
        not in translator.get(reverse("wagtailadmin_explore", args=[draft.pk])).text
    )
    translator.send("post", submit_url(draft))
    assert not in_review(draft).exists()


@pytest.mark.django_db
@pytest.mark.localize
def test_a_translation_never_goes_live_by_itself(client, tree, staff):
    """Neither while its source is a draft nor when the source is published:
    only its own review publishes it."""
    draft_ru = tree.moscow_ru.add_child(
        instance=NewsPage(title="Черновик новости", slug="draft-news", live=False)
    )
    draft_ru.save_revision()
    coordinator = AdminClient(staff["moscow"])
    english = Locale.objects.get(language_code="en")
    coordinator.send(
        "post",
        reverse("wagtail_localize:submit_page_translation", args=[draft_ru.pk]),
        {"locales": [english.pk]},
    )
    translation = draft_ru.get_translation(english)
    assert not Page.objects.get(pk=translation.pk).live

    draft_ru.save_revision().publish()

    assert not Page.objects.get(pk=translation.pk).live
    assert client.get("/en/regions/moscow/draft-news/").status_code == 404


# --- a region's rights belong to the region, not to its slug -----------------


def region_snippet_form(region, slug):
    """The admin form of a Region snippet with a new slug."""
    return {
        "name": region.name,
        "slug": slug,
        "time_zone": region.time_zone,
        "sort_order": region.sort_order,
    }


def region_slugs():
    return dict(Region.objects.order_by("pk").values_list("pk", "slug"))


def change_slug(client, region, slug):
    url = reverse("wagtailsnippets_home_region:edit", args=[region.pk])
    return url, client.send("post", url, region_snippet_form(region, slug))


@pytest.mark.django_db
def test_a_coordinator_cannot_give_another_regions_slug_to_take_it_over(tree, regions, staff):
    """The attack: rename `moscow`, then call Ekaterinburg `moscow`, so that
    "Moscow's" rights reach Ekaterinburg's pages."""
    client = AdminClient(staff["moscow"])
    before, slugs = state(), region_slugs()

    for region, slug in ((regions["moscow"], "moscow-old"), (regions["ekaterinburg"], "moscow")):
        edit = reverse("wagtailsnippets_home_region:edit", args=[region.pk])
        assert_refused(client, client.get(edit), edit)
        url, response = change_slug(client, region, slug)
        assert_refused(client, response, url)

    assert region_slugs() == slugs
    assert state() == before


@pytest.mark.django_db
def test_slugs_changed_by_the_head_office_move_no_rights(tree, regions, staff):
    head_office = AdminClient(staff["coordinator"])
    for region, slug in ((regions["moscow"], "moscow-old"), (regions["ekaterinburg"], "moscow")):
        _url, response = change_slug(head_office, region, slug)
        assert response.status_code == 302, response.content[:2000]
    assert Region.objects.get(pk=regions["ekaterinburg"].pk).slug == "moscow"

    # The Moscow coordinator can neither edit nor approve Ekaterinburg's pages …
    moscow = AdminClient(staff["moscow"])
    edit = reverse("wagtailadmin_pages:edit", args=[tree.ekb_news.pk])
    before = state()
    assert_refused(moscow, moscow.get(edit), edit)
    assert_refused(moscow, moscow.send("post", edit, page_form(tree.ekb_news, "Захвачено")), edit)
    page = submit_news(AdminClient(staff["editor"]), tree.ekb_ru, REVIEW_TITLE, "ural-fair")
    task_state = page.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    after_submission = state()
    assert_refused(moscow, moscow.send("post", approve, {"comment": ""}), approve)
    assert state() == after_submission
    assert live_title(tree.ekb_news) == (EKB_NEWS_TITLE, True)
    assert [row for row in before["pages"] if row[0] == tree.ekb_news.pk] == [
        row for row in state()["pages"] if row[0] == tree.ekb_news.pk
    ]

    # … and Ekaterinburg's coordinators keep theirs; Moscow's keep Moscow.
    ekaterinburg = AdminClient(staff["ekaterinburg"])
    assert ekaterinburg.send("post", approve, {"comment": ""}).status_code == 302
    assert live_title(page) == (REVIEW_TITLE, True)
    response = ekaterinburg.send(
        "post", edit, page_form(tree.ekb_news, "Уральская выставка") | PUBLISH
    )
    assert response.status_code == 302, response.content[:2000]
    assert live_title(tree.ekb_news) == ("Уральская выставка", True)
    moscow_edit = reverse("wagtailadmin_pages:edit", args=[tree.moscow_news.pk])
    assert moscow.get(moscow_edit).status_code == 200


@pytest.mark.django_db
def test_renaming_a_group_moves_no_rights(tree, regions, staff):
    Group.objects.filter(name="Region coordinators: moscow").update(name="Москва: координаторы")
    Group.objects.filter(name="Region coordinators: ekaterinburg").update(
        name="Region coordinators: moscow"
    )
    page = submit_news(AdminClient(staff["editor"]), tree.moscow_ru, REVIEW_TITLE, "moscow-fair")
    task_state = page.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )

    ekaterinburg = AdminClient(staff["ekaterinburg"])
    before = state()
    assert_refused(ekaterinburg, ekaterinburg.send("post", approve, {"comment": ""}), approve)
    assert state() == before
    assert live_title(page) == (REVIEW_TITLE, False)

    moscow = AdminClient(staff["moscow"])
    assert moscow.send("post", approve, {"comment": ""}).status_code == 302
    assert live_title(page) == (REVIEW_TITLE, True)


@pytest.mark.django_db
def test_a_new_region_gets_a_group_and_collection_of_its_own(regions, locale_en):
    kazan = RegionFactory(slug="kazan", name="Казань")
    english = translate_term(kazan, name="Kazan")

    assert kazan.coordinators.name == "Region coordinators: kazan"
    assert kazan.collection.name == "Казань"
    assert (english.coordinators_id, english.collection_id) == (
        kazan.coordinators_id,
        kazan.collection_id,
    )
    others = {region.coordinators_id for region in regions.values()}
    assert kazan.coordinators_id not in others and len(others) == 3
    # The group's name is only a label: a later region of the same slug
    # gets a fresh group, not Kazan's.
    kazan.slug = "kazan-old"
    kazan.save()
    again = RegionFactory(slug="kazan", name="Казань-2")
    assert again.coordinators_id != kazan.coordinators_id
