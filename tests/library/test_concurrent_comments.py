"""200 comments posted at the same moment on one library item, through the
comment view, by 40 members in 20 threads: every comment is stored once
and the threads stay well-formed (django-comments-xtd's thread_id, parent,
level and order): each comment sits right below its parent, no two share
a place in their thread, and the reply counts add up.

SQLite's in-memory test database refuses a table to a second connection
("database table is locked") instead of making it wait, so concurrent
posts through the view need PostgreSQL; CI runs this in its PostgreSQL
pass. SQLite's transactions take the write lock when they begin, which
serialises comments there anyway."""

from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client
from django_comments_xtd.models import XtdComment

from tests.factories import CaseStudyPageFactory, CommentFactory, MemberFactory
from tests.helpers import comment_form_data

POSTS = 200
MEMBERS = 40  # five comments each, within the limit of ten in ten minutes
THREADS = 20


def assert_well_formed(thread):
    """`thread`: the comments of one thread. Its order must list every
    comment right below its parent (depth first), each at its own place."""
    by_order = sorted(thread, key=lambda comment: comment.order)
    assert [comment.order for comment in by_order] == list(range(1, len(thread) + 1))
    root = by_order[0]
    assert root.parent_id == root.pk == root.thread_id and root.level == 0
    by_pk = {comment.pk: comment for comment in thread}
    above = [root]
    for comment in by_order[1:]:
        parent = by_pk[comment.parent_id]
        assert comment.level == parent.level + 1
        while above and above[-1] is not parent:
            above.pop()
        assert above, f"comment {comment.pk} is not below its parent {parent.pk}"
        above.append(comment)
    descendants = defaultdict(int)
    for comment in thread:
        ancestor = comment
        while ancestor.parent_id != ancestor.pk:
            ancestor = by_pk[ancestor.parent_id]
            descendants[ancestor.pk] += 1
    assert {c.pk: c.nested_count for c in thread} == {c.pk: descendants[c.pk] for c in thread}


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_200_comments_posted_at_once_are_all_kept_in_well_formed_threads(migrated_site, library_ru):
    item = CaseStudyPageFactory(parent=library_ru)
    question = CommentFactory(page=item)
    answer = CommentFactory(page=item, parent=question)
    browsers = []
    for number in range(MEMBERS):
        browser = Client()
        browser.force_login(MemberFactory(username=f"commenter{number}"))
        browsers.append(browser)

    def post(number):
        # A third start threads, a third answer the question, a third
        # reply to the answer.
        reply_to = (0, question.pk, answer.pk)[number % 3]
        try:
            return (
                browsers[number % MEMBERS]
                .post(
                    "/ru/comments/post/",
                    comment_form_data(item, f"Сообщение {number}", reply_to=reply_to),
                )
                .status_code
            )
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        answers = list(pool.map(post, range(POSTS), timeout=300))

    assert answers == [302] * POSTS
    comments = list(XtdComment.objects.filter(object_pk=str(item.pk)))
    assert len(comments) == POSTS + 2
    assert len({comment.comment for comment in comments}) == POSTS + 2
    threads = defaultdict(list)
    for comment in comments:
        threads[comment.thread_id].append(comment)
    assert len(threads) == 1 + len(range(0, POSTS, 3))
    for thread in threads.values():
        assert_well_formed(thread)
