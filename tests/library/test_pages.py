"""Library pages can be created where they belong and nowhere else, and
render their parts in both languages."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.demo import child_page
from home.models import HomePage, StandardPage, Topic
from library.models import ArticlePage, CaseStudyPage, ItemType, LibraryIndexPage
from tests.factories import CaseStudyPageFactory, translate


class TestPageTree(WagtailPageTestCase):
    def test_library_only_under_a_home_page(self):
        self.assertAllowedParentPageTypes(LibraryIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, LibraryIndexPage)
        self.assertCanNotCreateAt(Page, LibraryIndexPage)

    def test_items_only_in_a_library_and_without_children(self):
        for item in (CaseStudyPage, ArticlePage):
            self.assertAllowedParentPageTypes(item, {LibraryIndexPage})
            self.assertAllowedSubpageTypes(item, set())
            self.assertCanNotCreateAt(HomePage, item)
            self.assertCanNotCreateAt(StandardPage, item)

    def test_library_holds_case_studies_and_articles(self):
        self.assertAllowedSubpageTypes(LibraryIndexPage, {CaseStudyPage, ArticlePage})


class TestCreateInAdmin(WagtailPageTestCase):
    """An editor creates the library and its items in the admin."""

    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(depth=2)
        ru = self.home.locale
        self.topic = Topic.objects.create(locale=ru, slug="ipr", name="ПИС")

    def make_library(self):
        return child_page(self.home, LibraryIndexPage, "library", title="Библиотека")

    def test_create_the_library_once_per_home_page(self):
        self.assertCanCreate(
            self.home,
            LibraryIndexPage,
            nested_form_data({"title": "Библиотека", "slug": "library"}),
        )
        self.home.refresh_from_db()
        assert not LibraryIndexPage.can_create_at(self.home)  # one library per home page

    def test_create_a_case_study(self):
        library = self.make_library()
        self.assertCanCreate(
            library,
            CaseStudyPage,
            nested_form_data(
                {
                    "title": "Как мы защитили изобретение",
                    "slug": "patent",
                    "company_name": "ООО «Датчик»",
                    "company_sector": "Приборостроение",
                    "company_size": "small",
                    "company_website": "https://sensor.example",
                    "summary": "Малая компания получила патент за год.",
                    "publication_date": "2007-03-01",
                    "authors": "Анна Смирнова",
                    "situation": streamfield([("paragraph", rich_text("<p>Ситуация.</p>"))]),
                    "actions": streamfield([("paragraph", rich_text("<p>Действия.</p>"))]),
                    "results": streamfield([]),
                    "lessons": streamfield(
                        [("quote", {"text": "Начинайте рано.", "attribution": ""})]
                    ),
                    "documents": streamfield([]),
                }
            )
            | {"topics": [self.topic.pk]},
        )
        page = CaseStudyPage.objects.get(slug="patent")
        assert page.item_type == ItemType.CASE_STUDY
        assert list(page.topics.all()) == [self.topic]

    def test_create_expert_advice(self):
        library = self.make_library()
        self.assertCanCreate(
            library,
            ArticlePage,
            nested_form_data(
                {
                    "title": "Пять вопросов инвестору",
                    "slug": "investor",
                    "item_type": "expert_advice",
                    "summary": "Что спросить до сделки.",
                    "publication_date": "2007-04-01",
                    "authors": "Эксперт",
                    "body": streamfield([("paragraph", rich_text("<p>Текст.</p>"))]),
                }
            ),
        )
        assert ArticlePage.objects.get(slug="investor").item_type == ItemType.EXPERT_ADVICE

    def test_an_article_cannot_pretend_to_be_a_case_study(self):
        library = self.make_library()
        response = self.client.post(
            f"/admin/pages/add/library/articlepage/{library.pk}/",
            nested_form_data(
                {
                    "title": "Не кейс",
                    "slug": "not-a-case",
                    "item_type": "case_study",
                    "summary": "Текст.",
                    "publication_date": "2007-04-01",
                    "body": streamfield([("paragraph", rich_text("<p>Текст.</p>"))]),
                }
            ),
        )
        assert response.status_code == 200  # the form again, with the error
        assert "Для кейсов есть свой тип страницы." in response.text
        assert not ArticlePage.objects.filter(slug="not-a-case").exists()

    def test_the_form_offers_the_themes_of_the_page_language_only(self):
        english = Topic.objects.create(
            locale=self.home.locale.__class__.objects.get(language_code="en"),
            slug="ipr",
            name="IPR",
            translation_key=self.topic.translation_key,
        )
        library = self.make_library()
        response = self.client.get(f"/admin/pages/add/library/casestudypage/{library.pk}/")
        assert "ПИС" in response.text
        assert f'value="{english.pk}"' not in response.text


@pytest.fixture
def full_case_study(library_ru, regions, topics):
    image = get_image_model().objects.create(
        title="Цех", file=get_test_image_file(size=(1600, 900))
    )
    document = get_document_model().objects.create(
        title="Слайды встречи", file=ContentFile(b"%PDF-1.4 slides", name="slides.pdf")
    )
    return CaseStudyPageFactory(
        parent=library_ru,
        title="Кейс о качестве",
        topics=[topics["quality-management"], topics["ipr"]],
        region=regions["ekaterinburg"],
        lead_image=image,
        company_sector="Машиностроение",
        company_size="medium",
        company_website="https://plant.example",
        situation=[("paragraph", "<p>Брак доходил до десяти процентов.</p>")],
        actions=[("paragraph", "<p>Внедрили контроль на каждом участке.</p>")],
        results=[("paragraph", "<p>Брак снизился втрое.</p>")],
        lessons=[("paragraph", "<p>Вовлекайте рабочих с первого дня.</p>")],
        documents=[("document", {"document": document, "title": ""})],
    )


@pytest.mark.django_db
def test_a_case_study_shows_the_company_its_story_and_documents(client, full_case_study):
    html = client.get(full_case_study.url).text

    for text in (
        "Кейс о качестве",
        "Машиностроение",
        "50–249 человек",
        "Екатеринбург",
        "https://plant.example",
        "Ситуация</h2>",
        "Брак доходил до десяти процентов.",
        "Что сделала компания</h2>",
        "Результаты</h2>",
        "Извлечённые уроки</h2>",
        "Слайды встречи",
        "Управление качеством",
        "Анна Смирнова",
        "0 прочтений",
        "0 комментариев",
    ):
        assert text in html, text


@pytest.mark.django_db
def test_lead_images_are_responsive_renditions_with_sizes(client, library_ru, full_case_study):
    page = client.get(full_case_study.url).text
    listing = client.get(library_ru.url).text

    assert 'srcset="' in page and 'width="640"' in page and 'height="360"' in page
    # An illustration: its title (in one language only) is not read out.
    lead = page[page.index('class="library-lead-image"') :]
    assert 'alt=""' in lead[: lead.index("</figure>")]
    card = listing[listing.index('class="library-card-image"') :]
    card = card[: card.index("</a>")]
    assert 'loading="lazy"' in card
    assert 'width="480"' in card and 'height="270"' in card
    assert "960w" in card


@pytest.mark.django_db
def test_more_on_this_theme_lists_items_sharing_a_theme(client, library_ru, regions, topics):
    item = CaseStudyPageFactory(parent=library_ru, title="Исходный", topics=[topics["ipr"]])
    sibling = CaseStudyPageFactory(
        parent=library_ru, title="Тоже о ПИС", topics=[topics["ipr"], topics["quality-management"]]
    )
    CaseStudyPageFactory(
        parent=library_ru, title="Про маркетинг", topics=[topics["innovation-marketing"]]
    )
    draft = CaseStudyPageFactory(parent=library_ru, title="Черновик о ПИС", topics=[topics["ipr"]])
    draft.unpublish()

    html = client.get(item.url).text
    related = html[html.index("Ещё по этой теме") :]

    assert sibling.title in related
    assert "Про маркетинг" not in related
    assert "Черновик о ПИС" not in related
    assert related.count("Исходный") == 0


@pytest.mark.django_db
def test_item_pages_render_in_english(client, library_ru, library_en, regions, topics):
    item = CaseStudyPageFactory(parent=library_ru, topics=[topics["ipr"]], region=regions["moscow"])
    english = translate(item, title="Protecting an invention")

    html = client.get(english.url).text

    assert '<html lang="en"' in html
    assert "Protecting an invention" in html
    assert "Intellectual property rights" in html
    assert "Moscow" in html
    assert "0 reads" in html and "The situation" in html


@pytest.mark.django_db
def test_a_preview_shows_the_drafts_themes_not_the_live_ones(client, library_ru, regions, topics):
    from django.test import RequestFactory

    item = CaseStudyPageFactory(parent=library_ru, topics=[topics["ipr"]])
    client.get(item.url)  # the live page's themes are now cached
    item.topics = [topics["innovation-marketing"]]
    request = RequestFactory().get(item.url)
    request.user = AnonymousUser()
    request.is_preview = True

    themes = [topic.slug for topic, _url in item.get_context(request)["themes"]]

    assert themes == ["innovation-marketing"]
    assert "Права интеллектуальной собственности" in client.get(item.url).text
