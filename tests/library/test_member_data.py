"""A member's comments are part of their data export, and erasing the
member keeps the comments readable but anonymous."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django_comments_xtd.models import XtdComment

from home.member_data import erase_member_data, export_member_data


def comment(page, user, text, parent=None, followup=False):
    item = XtdComment(
        content_type=ContentType.objects.get_for_model(page),
        object_pk=str(page.pk),
        site_id=1,
        user=user,
        user_name=user.get_full_name(),
        user_email=user.email,
        user_url="https://me.example",
        ip_address="192.0.2.10",
        comment=text,
        followup=followup,
        parent_id=parent.pk if parent else 0,
    )
    item.save()
    return item


@pytest.fixture
def thread(library_ru, make_item, member, other_member):
    page = make_item(library_ru, title="Кейс для обсуждения")
    first = comment(page, member, "Мой опыт такой.", followup=True)
    reply = comment(page, other_member, "А у нас иначе.", parent=first)
    return page, first, reply


@pytest.mark.django_db
def test_the_export_holds_the_members_comments(thread, member):
    page, first, _reply = thread

    exported = export_member_data(member)["library_comments"]

    assert exported == [
        {
            "page": "Кейс для обсуждения",
            "page_id": str(page.pk),
            "submitted": first.submit_date.isoformat(),
            "text": "Мой опыт такой.",
            "shown": True,
            "follow_up_e_mails": True,
        }
    ]


@pytest.mark.django_db
def test_erasure_keeps_the_text_and_removes_the_person(client, thread, member):
    page, first, reply = thread

    erase_member_data(member)
    member.delete()

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
    assert reply.user_name == "Олег Носов"  # other members are untouched
    html = client.get(page.url).text
    assert "Мой опыт такой." in html
    assert "удалённый участник" in html
    assert "Ирина Волкова" not in html
    assert "А у нас иначе." in html
