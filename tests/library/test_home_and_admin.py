"""The home page shows "What's new" from the library, in each language;
coordinators and moderators hide and show comments in the admin."""

import datetime

import pytest
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from library.models import ReadCount
from tests.factories import CaseStudyPageFactory, CommentFactory, StaffFactory, translate


@pytest.mark.django_db
def test_whats_new_lists_the_newest_items_with_author_date_and_reads(
    client, library_ru, regions, topics
):
    old = CaseStudyPageFactory(
        parent=library_ru, title="Старый кейс", publication_date=datetime.date(2006, 1, 1)
    )
    new = CaseStudyPageFactory(
        parent=library_ru,
        title="Новый кейс",
        publication_date=datetime.date(2007, 6, 1),
        authors="Пётр Орлов",
    )
    ReadCount.objects.create(page=new, total=21)

    html = client.get("/ru/").text
    section = html[html.index("Что нового") :]

    assert section.index("Новый кейс") < section.index("Старый кейс")
    assert "Пётр Орлов" in section
    assert "1 июня 2007" in section
    assert "21 прочтение" in section
    assert 'href="/ru/library/"' in section
    assert old.url in section


@pytest.mark.django_db
def test_whats_new_in_english_lists_english_items(client, library_ru, library_en, regions, topics):
    CaseStudyPageFactory(parent=library_ru, title="Только по-русски")
    translated = CaseStudyPageFactory(parent=library_ru, title="Переведённый")
    translate(translated, title="Translated")

    html = client.get("/en/").text

    assert "What's new" in html
    assert "Translated" in html and "0 reads" in html
    assert "Только по-русски" not in html


@pytest.mark.django_db
def test_no_section_without_library_items(client, home_ru):
    assert "Что нового" not in client.get("/ru/").text


@pytest.fixture
def comment_on(library_ru, regions, topics, anna):
    return CommentFactory(
        page=CaseStudyPageFactory(parent=library_ru), user=anna, comment="Спам-ссылка"
    )


@pytest.mark.django_db
def test_a_coordinator_hides_a_comment_in_the_admin(client, comment_on, coordinator):
    client.force_login(coordinator)

    listing = client.get(reverse("library_comments:index"))
    response = client.post(
        reverse("library_comments:edit", args=[comment_on.pk]), {"is_public": "", "is_removed": ""}
    )

    comment_on.refresh_from_db()
    assert listing.status_code == 200 and "Спам-ссылка" in listing.text
    assert response.status_code == 302
    assert not comment_on.is_public
    assert comment_on.comment == "Спам-ссылка"  # the text cannot be edited here
    # Comments are never created or deleted in the admin.
    assert client.get(reverse("library_comments:add")).status_code == 302
    assert client.post(reverse("library_comments:delete", args=[comment_on.pk])).status_code == 302
    assert XtdComment.objects.filter(pk=comment_on.pk).exists()


@pytest.mark.django_db
def test_editors_do_not_see_the_comments_screen(client, comment_on):
    client.force_login(StaffFactory(username="editor", groups=["Editors"]))

    response = client.get(reverse("library_comments:index"))

    assert response.status_code == 302 and response["Location"] == "/admin/"
