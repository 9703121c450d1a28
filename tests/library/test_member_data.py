"""A member's comments are part of their data export, and erasing the
member keeps the comments readable but anonymous."""

import pytest

from home.member_data import erase_member_data, export_member_data
from tests.factories import CaseStudyPageFactory, CommentFactory

# What the comment form records besides the text.
FROM_THE_FORM = {"user_url": "https://me.example", "ip_address": "192.0.2.10"}


@pytest.fixture
def thread(library_ru, regions, topics, anna, boris):
    page = CaseStudyPageFactory(parent=library_ru, title="Кейс для обсуждения")
    first = CommentFactory(
        page=page, user=anna, comment="Мой опыт такой.", followup=True, **FROM_THE_FORM
    )
    reply = CommentFactory(page=page, user=boris, comment="А у нас иначе.", parent=first)
    return page, first, reply


@pytest.mark.django_db
def test_the_export_holds_the_members_comments(thread, anna):
    page, first, _reply = thread

    exported = export_member_data(anna)["library_comments"]

    assert exported == [
        {
            "page": "Кейс для обсуждения",
            "page_id": str(page.pk),
            "submitted": first.submit_date.isoformat(),
            "text": "Мой опыт такой.",
            "shown": True,
            "follow_up_e_mails": True,
            "ip_address": first.ip_address,
        }
    ]


@pytest.mark.django_db
def test_erasure_keeps_the_text_and_removes_the_person(client, thread, anna):
    page, first, reply = thread

    erase_member_data(anna)
    anna.delete()

    first.refresh_from_db()
    reply.refresh_from_db()
    assert first.comment == "Мой опыт такой."
    assert (first.user_id, first.user_name, first.user_email, first.user_url, first.ip_address) == (
        None,
        "",
        "",
        "",
        None,
    )
    assert not first.followup
    assert reply.user_name == "Борис Орлов"  # other members are untouched
    html = client.get(page.url).text
    assert "Мой опыт такой." in html
    assert "удалённый участник" in html
    assert "Анна Соколова" not in html
    assert "А у нас иначе." in html
