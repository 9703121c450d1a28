"""The comment thread of a library item or blog post comes from the cache for
those who do not moderate it (library/comments.py public_thread), and every
change to it shows on the next read: a comment posted, deleted by its
author, hidden or shown again by a moderator, a commenter renamed or
erased. What belongs to the reader (their own "Delete" buttons, the reply
forms with their CSRF token) is never shared; moderators keep seeing
hidden comments and flags. Each test reads the page first, so that the
thread is in the cache before the change."""

import re

import pytest
from django_comments_xtd.models import XtdComment

from library import comments
from library.comments import erase_commenter
from tests.factories import (
    BlogPostFactory,
    CaseStudyPageFactory,
    CommentFactory,
    CommentFlagFactory,
    MemberFactory,
)
from tests.helpers import comment_form_data, csrf_client, csrf_token, logged_in, warm_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_study(library_ru, regions, topics):
    return CaseStudyPageFactory(parent=library_ru, topics=[topics["ipr"]], region=regions["moscow"])


def count_heading(total):
    return f'Комментарии <span class="library-count">({total})</span>'


def read(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.text


def comment_block(html, comment):
    """The HTML of `comment` on a page, up to its first reply or the next
    comment."""
    start = html.index(f'id="c{comment.pk}"')
    end = html.find('<li class="comment', start)
    return html[start : end if end != -1 else len(html)]


def test_a_comment_posted_by_another_member_shows_on_the_next_read(case_study, anna, boris):
    reader = logged_in(anna)
    assert count_heading(0) in read(reader, case_study)

    sent = logged_in(boris).post(
        "/ru/comments/post/", comment_form_data(case_study, "Свежий опыт с патентом")
    )

    assert sent.status_code == 302
    page = read(reader, case_study)
    assert "Свежий опыт с патентом" in page and "Борис Орлов" in page
    assert count_heading(1) in page


def test_a_reply_shows_under_its_comment_on_the_next_read(case_study, anna, boris):
    first = CommentFactory(page=case_study, user=anna, comment="Вопрос о лицензии")
    reader = logged_in(anna)
    read(reader, case_study)

    logged_in(boris).post(
        "/ru/comments/post/", comment_form_data(case_study, "Ответ о лицензии", reply_to=first.pk)
    )

    page = read(reader, case_study)
    reply = XtdComment.objects.get(comment="Ответ о лицензии")
    assert page.index(f'id="c{first.pk}"') < page.index(f'id="c{reply.pk}"')
    assert count_heading(2) in page


def test_a_comment_deleted_by_its_author_shows_as_deleted_at_once(case_study, anna, boris):
    theirs = CommentFactory(page=case_study, user=boris, comment="Передумаю")
    CommentFactory(page=case_study, user=anna, comment="Ответ остаётся", parent=theirs)
    reader = logged_in(anna)
    assert "Передумаю" in read(reader, case_study)

    deleted = logged_in(boris).post(f"/ru/comments/{theirs.pk}/delete/")

    assert deleted.status_code == 302
    page = read(reader, case_study)
    assert "Передумаю" not in page
    assert "Комментарий удалён автором." in page and "Ответ остаётся" in page
    assert count_heading(1) in page


def moderate(moderator, page, comment, action):
    """The moderator's "Hide" or "Approve" button, with the page's CSRF token."""
    client = csrf_client(moderator)
    token = csrf_token(client, page.url)
    response = client.post(f"/ru/comments/{comment.pk}/{action}/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    return client


def test_hidden_by_a_moderator_it_leaves_members_pages_at_once_and_comes_back(
    case_study, anna, boris, moderator
):
    rude = CommentFactory(page=case_study, user=boris, comment="Грубость")
    CommentFactory(page=case_study, user=anna, comment="Ответ на грубость", parent=rude)
    CommentFlagFactory(comment=rude)
    reader = logged_in(anna)
    assert "Грубость" in read(reader, case_study)

    moderator_client = moderate(moderator, case_study, rude, "hide")

    page = read(reader, case_study)
    assert "Грубость" not in page and "Ответ на грубость" not in page
    assert count_heading(0) in page
    # The moderator still sees it, hidden, with its flag.
    moderator_page = read(moderator_client, case_study)
    assert "Грубость" in moderator_page and "Скрыт" in moderator_page
    assert "отмечен 1 раз" in moderator_page
    assert f"/ru/comments/{rude.pk}/approve/" in moderator_page

    moderate(moderator, case_study, rude, "approve")

    page = read(reader, case_study)
    assert "Грубость" in page and "Ответ на грубость" in page
    assert count_heading(2) in page


def test_members_see_no_flags_and_no_moderators_buttons(case_study, anna, boris, moderator):
    flagged = CommentFactory(page=case_study, user=boris, comment="Спорное мнение")
    CommentFlagFactory(comment=flagged)
    # The moderator reads first: nothing of theirs is kept for the others.
    assert "отмечен 1 раз" in read(logged_in(moderator), case_study)

    page = read(logged_in(anna), case_study)

    assert "Спорное мнение" in page
    assert "отмечен" not in page
    assert "/hide/" not in page and "/approve/" not in page


def test_an_erased_commenter_shows_as_a_deleted_member_at_once(case_study, anna, boris):
    CommentFactory(page=case_study, user=boris, comment="Мой опыт")
    reader = logged_in(anna)
    assert "Борис Орлов" in read(reader, case_study)

    erase_commenter(boris)

    page = read(reader, case_study)
    assert "Борис Орлов" not in page
    assert "удалённый участник" in page and "Мой опыт" in page


def test_a_renamed_member_shows_under_the_new_name_at_once(case_study, anna, boris):
    CommentFactory(page=case_study, user=boris, comment="Мой опыт")
    reader = logged_in(anna)
    assert "Борис Орлов" in read(reader, case_study)

    # As the profile form saves a new display name (community/forms/profiles.py).
    boris.first_name = "Борис Петров"
    boris.save(update_fields=["first_name"])

    page = read(reader, case_study)
    assert "Борис Петров" in page and "Борис Орлов" not in page


def test_a_comment_on_another_item_leaves_this_thread_alone(
    case_study, library_ru, regions, topics, anna, boris
):
    other = CaseStudyPageFactory(
        parent=library_ru, topics=[topics["ipr"]], region=regions["moscow"]
    )
    CommentFactory(page=case_study, user=boris, comment="Здесь")
    reader = logged_in(anna)
    read(reader, case_study)

    CommentFactory(page=other, user=boris, comment="Там")

    page = read(reader, case_study)
    assert "Здесь" in page and "Там" not in page
    assert "Там" in read(reader, other)


def test_each_member_gets_their_own_buttons_on_a_shared_thread(case_study, anna, boris):
    annas = CommentFactory(page=case_study, user=anna, comment="Комментарий Анны")
    boris_s = CommentFactory(page=case_study, user=boris, comment="Комментарий Бориса")
    # Anna's read puts the thread in the cache; Boris reads it from there.
    annas_page = read(logged_in(anna), case_study)
    boris_client = csrf_client(boris)
    boris_page = read(boris_client, case_study)

    for page, own, other in ((annas_page, annas, boris_s), (boris_page, boris_s, annas)):
        assert f"/ru/comments/{own.pk}/delete/" in comment_block(page, own)
        assert f"/ru/comments/{own.pk}/flag/" not in comment_block(page, own)
        assert f"/ru/comments/{other.pk}/flag/" in comment_block(page, other)
        assert f"/ru/comments/{other.pk}/delete/" not in comment_block(page, other)

    # The reply form under Anna's comment on Boris's page carries his own
    # CSRF token and a fresh form: sent as it is, the reply is accepted;
    # the same form from Anna's page is not his.
    def reply_form(page):
        block = comment_block(page, annas)
        form = block[block.index("<form") : block.index("</form>")]
        fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
        return {**fields, "comment": "Ответ Бориса", "reply_to": annas.pk}

    assert boris_client.post("/ru/comments/post/", reply_form(annas_page)).status_code == 403
    response = boris_client.post("/ru/comments/post/", reply_form(boris_page))
    assert response.status_code == 302
    reply = XtdComment.objects.get(comment="Ответ Бориса")
    assert (reply.user, reply.parent_id) == (boris, annas.pk)


def test_visitors_get_the_thread_without_any_button(client, case_study, anna, boris):
    CommentFactory(page=case_study, user=boris, comment="Для всех")
    read(logged_in(anna), case_study)

    page = read(client, case_study)

    assert "Для всех" in page
    assert "/delete/" not in page and "/flag/" not in page and 'name="comment"' not in page


def test_russian_and_english_pages_each_speak_their_language(blogs_en, regions, anna, boris):
    """A blog post is one object under both languages: each keeps its own
    thread, in its own words, and neither is served for the other."""
    post = BlogPostFactory(author=anna, title="Как мы защитили патент", region=regions["moscow"])
    CommentFactory(page=post, user=boris, comment="Полезно")
    erased = MemberFactory(username="erased")
    CommentFactory(page=post, user=erased, comment="Ушедший")
    erase_commenter(erased)
    reader = logged_in(anna)

    russian = reader.get(f"/ru/blogs/{post.author_id}/{post.slug}/").text
    english = reader.get(f"/en/blogs/{post.author_id}/{post.slug}/").text
    russian_again = reader.get(f"/ru/blogs/{post.author_id}/{post.slug}/").text

    for page in (russian, russian_again):
        assert "удалённый участник" in page and "Ответить" in page and "Пожаловаться" in page
        assert "deleted member" not in page and "Reply" not in page
    assert (
        "deleted member" in english and "Reply" in english and "Report to the moderators" in english
    )
    assert "удалённый участник" not in english and "Ответить" not in english
    assert "Полезно" in english and "Ушедший" in english


def test_a_comment_on_a_blog_post_shows_on_the_next_read(blogs_en, regions, anna, boris):
    post = BlogPostFactory(author=anna, title="Заметка", region=regions["moscow"])
    url = f"/ru/blogs/{post.author_id}/{post.slug}/"
    reader = logged_in(anna)
    assert count_heading(0) in reader.get(url).text

    logged_in(boris).post("/ru/comments/post/", comment_form_data(post, "Отклик на заметку"))

    page = reader.get(url).text
    assert "Отклик на заметку" in page and count_heading(1) in page


def add_thread(page, users, size):
    parent = None
    for number in range(size):
        comment = CommentFactory(
            page=page,
            user=users[number % len(users)],
            comment=f"Реплика {number}",
            parent=parent if number % 3 else None,
        )
        parent = comment if number % 3 == 0 else parent


def test_a_members_page_spends_no_query_on_a_cached_thread_however_long(
    case_study, anna, boris, moderator, monkeypatch
):
    users = [boris, MemberFactory(username="gleb-commenter")]
    add_thread(case_study, users, 3)
    member = logged_in(anna)

    def thread_queries(queries):
        # The thread's own query (the related items' counts of comments are
        # another, cached with the page's other parts).
        return [sql for sql in queries if sql.startswith('SELECT "django_comments"."id"')]

    # Before the thread was cached: read from the database on every request.
    with monkeypatch.context() as before:
        before.setattr(
            comments,
            "public_thread",
            lambda commented: comments.comments_of(commented, None, moderates=False),
        )
        # Two warm-ups: a new session's first request leaves more to build.
        uncached = warm_queries(member, case_study.url, warm_ups=2)
    cached_thread = warm_queries(member, case_study.url)
    add_thread(case_study, users, 30)
    longer = warm_queries(member, case_study.url)

    assert len(thread_queries(uncached)) == 1
    assert thread_queries(cached_thread) == thread_queries(longer) == []
    assert len(cached_thread) == len(uncached) - 1
    assert len(longer) == len(cached_thread)
    assert "Реплика 29" in read(member, case_study)
    # Moderators read it from the database, at the same cost whatever its length.
    moderating = logged_in(moderator)
    shorter = warm_queries(moderating, case_study.url)
    add_thread(case_study, users, 10)
    assert len(warm_queries(moderating, case_study.url)) == len(shorter)
