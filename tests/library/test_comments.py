"""Members comment on library items: threads up to three levels, follow-up
e-mails, deleting one's own comment, flags, and moderation by coordinators
and moderators. Bad input gets the form back with a clear message."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.shortcuts import resolve_url
from django.test import Client, override_settings
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from tests.factories import CaseStudyPageFactory, MemberFactory, translate
from tests.helpers import comment_form_data as form_data


def post(client, page, text, **kwargs):
    return client.post("/ru/comments/post/", form_data(page, text, **kwargs))


@pytest.fixture
def case_study(library_ru, regions, topics):
    return CaseStudyPageFactory(parent=library_ru, topics=[topics["ipr"]], region=regions["moscow"])


@pytest.mark.django_db
def test_member_posts_a_comment_that_shows_on_the_page(client, case_study, anna):
    client.force_login(anna)

    response = post(client, case_study, "Очень полезный кейс.")

    comment = XtdComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{case_study.url}#c{comment.pk}"
    assert comment.user == anna
    assert comment.user_name == "Анна Соколова"
    assert comment.user_email == "anna@members.example"
    page = client.get(case_study.url).text
    assert "Очень полезный кейс." in page
    assert "Анна Соколова" in page
    assert 'Комментарии <span class="library-count">(1)</span>' in page


@pytest.mark.django_db
def test_the_name_and_address_come_from_the_account_not_the_form(client, case_study, anna):
    client.force_login(anna)
    data = form_data(case_study, "Текст")
    data.update(
        {"name": "Администратор", "email": "boss@rusmeco.example", "url": "http://spam.example"}
    )

    client.post("/ru/comments/post/", data)

    comment = XtdComment.objects.get()
    assert (comment.user_name, comment.user_email, comment.user_url) == (
        "Анна Соколова",
        "anna@members.example",
        "",
    )


@pytest.mark.django_db
def test_visitors_are_sent_to_the_log_in_page(client, case_study):
    response = post(client, case_study, "Аноним")

    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert XtdComment.objects.count() == 0
    page = client.get(case_study.url).text
    assert f'href="{resolve_url(settings.LOGIN_URL)}?next=' in page
    assert 'name="comment"' not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Напишите комментарий, прежде чем отправлять его."),
        ("   \n  ", "Напишите комментарий, прежде чем отправлять его."),
        ("я" * 3001, "не более 3000"),
    ],
)
def test_empty_or_too_long_comments_get_the_form_back(client, case_study, anna, text, message):
    client.force_login(anna)

    response = post(client, case_study, text)

    assert response.status_code == 400
    assert message in response.text
    assert 'name="comment"' in response.text
    assert XtdComment.objects.count() == 0


@pytest.mark.django_db
def test_a_comment_of_exactly_3000_characters_is_accepted(client, case_study, anna):
    client.force_login(anna)

    assert post(client, case_study, "я" * 3000).status_code == 302
    assert len(XtdComment.objects.get().comment) == 3000


@pytest.mark.django_db
def test_without_a_valid_csrf_token_the_comment_is_refused_with_the_form(case_study, anna):
    client = Client(enforce_csrf_checks=True)
    client.force_login(anna)

    response = post(client, case_study, "Мой комментарий без токена")

    assert response.status_code == 403
    assert "Форма устарела или была отправлена с другого сайта" in response.text
    assert "Мой комментарий без токена" in response.text  # kept for the retry
    assert XtdComment.objects.count() == 0


@pytest.mark.django_db
def test_with_a_valid_csrf_token_the_comment_is_accepted(case_study, anna):
    client = Client(enforce_csrf_checks=True)
    client.force_login(anna)
    page = client.get(case_study.url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    data = form_data(case_study, "С токеном")
    data["csrfmiddlewaretoken"] = token

    response = client.post("/ru/comments/post/", data)

    assert response.status_code == 302
    assert XtdComment.objects.get().comment == "С токеном"


@pytest.mark.django_db
def test_a_tampered_form_is_refused(client, case_study, anna):
    client.force_login(anna)
    data = form_data(case_study, "Текст")
    data["security_hash"] = "0" * 40

    response = client.post("/ru/comments/post/", data)

    assert response.status_code == 400
    assert "Форма устарела" in response.text
    assert XtdComment.objects.count() == 0


@pytest.mark.django_db
def test_comments_only_go_to_live_library_items(client, case_study, about_ru, anna):
    client.force_login(anna)
    data = form_data(case_study, "Не туда")
    data["object_pk"] = str(about_ru.pk)
    assert client.post("/ru/comments/post/", data).status_code == 404

    case_study.unpublish()
    assert post(client, case_study, "В черновик").status_code == 404
    assert XtdComment.objects.count() == 0


@pytest.mark.django_db
def test_html_and_script_are_shown_as_text(client, case_study, anna):
    client.force_login(anna)
    post(client, case_study, '<script>alert("x")</script><b>жирный</b>')

    page = client.get(case_study.url).text

    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;жирный&lt;/b&gt;" in page


@pytest.mark.django_db
def test_replies_nest_three_levels_and_no_deeper(client, case_study, anna, boris):
    client.force_login(anna)
    post(client, case_study, "Уровень 1")
    first = XtdComment.objects.get(comment="Уровень 1")
    client.force_login(boris)
    post(client, case_study, "Уровень 2", reply_to=first.pk)
    second = XtdComment.objects.get(comment="Уровень 2")
    post(client, case_study, "Уровень 3", reply_to=second.pk)
    third = XtdComment.objects.get(comment="Уровень 3")

    response = post(client, case_study, "Уровень 4", reply_to=third.pk)

    assert [first.level, second.level, third.level] == [0, 1, 2]
    assert second.parent_id == first.pk and third.parent_id == second.pk
    assert response.status_code == 400
    assert "Глубже отвечать нельзя" in response.text
    assert not XtdComment.objects.filter(comment="Уровень 4").exists()
    page = client.get(case_study.url).text
    # The third level offers no reply form; the first two do.
    assert f'value="{second.pk}"' in page
    assert f'name="reply_to" value="{third.pk}"' not in page
    assert page.index("Уровень 1") < page.index("Уровень 2") < page.index("Уровень 3")


@pytest.mark.django_db
def test_a_reply_to_a_comment_of_another_page_is_refused(client, library_ru, regions, topics, anna):
    one = CaseStudyPageFactory(parent=library_ru)
    two = CaseStudyPageFactory(parent=library_ru)
    client.force_login(anna)
    post(client, one, "На первой странице")
    elsewhere = XtdComment.objects.get()

    response = post(client, two, "Ответ не туда", reply_to=elsewhere.pk)

    assert response.status_code == 400
    assert XtdComment.objects.count() == 1


@pytest.mark.django_db
def test_followers_get_an_e_mail_when_someone_replies(client, case_study, anna, boris):
    # Vera follows the page's comments; Anna, replied to, hears of the reply
    # once: through her "reply" notification, not the follow-up e-mail too.
    vera = MemberFactory(username="vera")
    client.force_login(vera)
    post(client, case_study, "Слежу за обсуждением", followup=True)
    client.force_login(anna)
    post(client, case_study, "Сообщите мне об ответах", followup=True)
    first = XtdComment.objects.get(user=anna)
    assert [message.to for message in mail.outbox] == [["vera@members.example"]]
    mail.outbox.clear()

    client.force_login(boris)
    post(client, case_study, "Вот ответ", reply_to=first.pk)

    reply = XtdComment.objects.get(user=boris)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["anna@members.example", "vera@members.example"]
    follow_up = by_address["vera@members.example"]
    assert "Вот ответ" in follow_up.body
    assert f"http://localhost{case_study.url}#c" in follow_up.body
    assert "/ru/comments/mute/" in follow_up.body
    notice = by_address["anna@members.example"]
    assert notice.subject == f"Борис Орлов ответил(а) вам: «{case_study.title}»"
    assert f"http://testserver{case_study.url}#c{reply.pk}" in notice.body
    assert "List-Unsubscribe" in notice.extra_headers


@pytest.mark.django_db
def test_no_e_mail_without_follow_up(client, case_study, anna, boris):
    client.force_login(anna)
    post(client, case_study, "Без уведомлений")
    client.force_login(boris)
    post(client, case_study, "Ответ", reply_to=XtdComment.objects.get().pk)

    # No follow-up e-mail; Anna is told of the reply to her comment by the
    # notification centre only (e-mail at once is that event's default).
    [notice] = mail.outbox
    assert notice.subject.startswith("Борис Орлов ответил(а) вам")
    assert "/ru/comments/mute/" not in notice.body


@pytest.mark.django_db
def test_the_mute_link_stops_follow_up_e_mails(client, case_study, anna, boris):
    client.force_login(anna)
    post(client, case_study, "Сообщайте", followup=True)
    client.force_login(boris)
    post(client, case_study, "Первый ответ")
    mute_url = re.search(r"http://localhost(/ru/comments/mute/\S+)", mail.outbox[0].body).group(1)

    response = client.get(mute_url)
    post(client, case_study, "Второй ответ")

    assert response.status_code == 200
    assert "Больше никаких писем" in response.text or "больше не будете" in response.text
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_author_deletes_their_comment_and_replies_stay(client, case_study, anna, boris):
    client.force_login(anna)
    post(client, case_study, "Передумал")
    mine = XtdComment.objects.get()
    client.force_login(boris)
    post(client, case_study, "Ответ остаётся", reply_to=mine.pk)

    client.force_login(anna)
    response = client.post(f"/ru/comments/{mine.pk}/delete/")

    mine.refresh_from_db()
    assert response.status_code == 302
    assert mine.is_removed and mine.comment == ""
    page = client.get(case_study.url).text
    assert "Передумал" not in page
    assert "Комментарий удалён автором." in page
    assert "Ответ остаётся" in page


@pytest.mark.django_db
def test_another_member_cannot_delete_a_comment(client, case_study, anna, boris):
    client.force_login(anna)
    post(client, case_study, "Мой")
    mine = XtdComment.objects.get()

    client.force_login(boris)
    response = client.post(f"/ru/comments/{mine.pk}/delete/")

    mine.refresh_from_db()
    assert response.status_code == 403
    assert "Удалять можно только свои комментарии." in response.text
    assert not mine.is_removed and mine.comment == "Мой"


@pytest.mark.django_db
def test_deleting_needs_post_and_csrf(case_study, anna):
    client = Client(enforce_csrf_checks=True)
    client.force_login(anna)
    post_client = Client()
    post_client.force_login(anna)
    post(post_client, case_study, "Мой")
    mine = XtdComment.objects.get()

    assert client.get(f"/ru/comments/{mine.pk}/delete/").status_code == 405
    assert client.post(f"/ru/comments/{mine.pk}/delete/").status_code == 403

    mine.refresh_from_db()
    assert not mine.is_removed


@pytest.mark.django_db
def test_members_flag_a_comment_for_the_moderators(client, case_study, anna, boris):
    client.force_login(anna)
    post(client, case_study, "Спорное мнение")
    comment = XtdComment.objects.get()
    client.force_login(boris)

    response = client.post(f"/ru/comments/{comment.pk}/flag/", follow=True)

    assert CommentFlag.objects.filter(
        comment=comment, user=boris, flag=CommentFlag.SUGGEST_REMOVAL
    ).exists()
    assert "Модераторы посмотрят этот комментарий." in response.text


@pytest.mark.django_db
def test_moderators_hide_and_approve_comments_on_the_site(
    client, case_study, anna, boris, moderator
):
    client.force_login(anna)
    post(client, case_study, "Грубость")
    rude = XtdComment.objects.get()
    client.force_login(boris)
    post(client, case_study, "Ответ на грубость", reply_to=rude.pk)
    client.post(f"/ru/comments/{rude.pk}/flag/")

    client.force_login(moderator)
    moderator_view = client.get(case_study.url).text
    assert "отмечен 1 раз" in moderator_view
    client.post(f"/ru/comments/{rude.pk}/hide/")

    client.logout()
    visitor_view = client.get(case_study.url).text
    assert "Грубость" not in visitor_view and "Ответ на грубость" not in visitor_view
    assert 'Комментарии <span class="library-count">(0)</span>' in visitor_view

    client.force_login(moderator)
    assert "Скрыт" in client.get(case_study.url).text
    client.post(f"/ru/comments/{rude.pk}/approve/")
    client.logout()
    visitor_view = client.get(case_study.url).text
    assert "Грубость" in visitor_view and "Ответ на грубость" in visitor_view


@pytest.mark.django_db
def test_members_cannot_moderate(client, case_study, anna, boris):
    client.force_login(anna)
    post(client, case_study, "Не трогать")
    comment = XtdComment.objects.get()
    client.force_login(boris)

    response = client.post(f"/ru/comments/{comment.pk}/hide/")

    comment.refresh_from_db()
    assert response.status_code == 403
    assert not comment.is_removed
    assert "/hide/" not in client.get(case_study.url).text


@pytest.mark.django_db
def test_a_member_posting_too_fast_is_slowed_down(client, case_study, anna):
    client.force_login(anna)
    for number in range(10):
        assert post(client, case_study, f"Комментарий {number}").status_code == 302

    response = post(client, case_study, "Одиннадцатый")

    assert response.status_code == 429
    assert "Подождите несколько минут" in response.text
    assert XtdComment.objects.count() == 10


@pytest.mark.django_db
def test_comment_counts_show_in_listings(client, library_ru, case_study, anna):
    client.force_login(anna)
    post(client, case_study, "Один")
    post(client, case_study, "Два")

    listing = client.get(library_ru.url).text

    assert "2 комментария" in listing


@pytest.mark.django_db
def test_the_english_page_speaks_english(client, library_en, case_study, anna):
    english = translate(case_study, title="An English case")
    client.force_login(anna)

    page = client.get(english.url).text
    response = client.post("/en/comments/post/", form_data(english, ""))

    assert "Add a comment" in page and "Send the comment" in page
    assert response.status_code == 400
    assert "Write a comment before sending it." in response.text


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_a_comment_records_the_address_of_the_visitor_behind_our_proxy(case_study, anna):
    """nginx passes on the visitor's address; someone reaching the app
    server directly cannot put another address in the record."""
    through_nginx = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    outsider = Client(REMOTE_ADDR="192.0.2.44", HTTP_X_FORWARDED_FOR="203.0.113.9")
    for client, text in ((through_nginx, "Через прокси."), (outsider, "Напрямую.")):
        client.force_login(anna)
        assert post(client, case_study, text).status_code == 302

    addresses = dict(XtdComment.objects.values_list("comment", "ip_address"))

    assert addresses == {"Через прокси.": "198.51.100.7", "Напрямую.": "192.0.2.44"}
