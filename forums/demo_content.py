"""The demo forums: the forums index in Russian and English, three boards
translated with wagtail-localize, and topics in both languages with
replies, an accepted answer and likes, written by the demo members; and
for moderators, a new member's reply waiting for approval, a member's
flag and a few entries in the moderation log.

Loaders create what is missing and change nothing that exists: topics are
made only on a board that has none yet.
"""

from django.contrib.auth import get_user_model
from wagtail.models import Site

from community.demo_content import DOMAIN
from forums import moderation, posting
from forums.choices import FlagReason, ModerationAction
from forums.models import BoardPage, Flag, ForumIndexPage, ModerationLogEntry
from home.demo import child_page, demo_loader, translate
from home.models import Region, Topic

INDEX = {
    "title": ("Форумы", "Forums"),
    "intro": (
        "Задавайте вопросы и делитесь опытом с участниками сообщества — на русском или английском.",
        "Ask questions and share experience with the community, in Russian or English.",
    ),
}

# (slug, title, description, region slug, theme slugs)
BOARDS = [
    (
        "ipr",
        ("Патенты и интеллектуальная собственность", "Patents and intellectual property"),
        (
            "Патентование, лицензии, товарные знаки и защита ноу-хау.",
            "Patents, licences, trademarks and protecting know-how.",
        ),
        None,
        ["ipr"],
    ),
    (
        "export",
        ("Выход на зарубежные рынки", "Going international"),
        (
            "Экспорт, партнёры за рубежом, выставки и сертификация.",
            "Exports, partners abroad, trade fairs and certification.",
        ),
        None,
        ["innovation-marketing"],
    ),
    (
        "moscow",
        ("Московское сообщество", "Moscow community"),
        (
            "Встречи, площадки и новости участников из Москвы.",
            "Meetings, venues and news of members in Moscow.",
        ),
        "moscow",
        [],
    ),
]

# board slug: [(language, title, first post, [(author index, reply)], accepted reply index)]
TOPICS = {
    "ipr": [
        (
            "ru",
            "Патент или ноу-хау для алгоритма?",
            "Мы разработали алгоритм обработки сигналов датчиков. "
            "Стоит ли его патентовать или лучше оформить как **ноу-хау**?",
            [
                (1, "Алгоритм как таковой не патентуется, но способ обработки сигнала — да."),
                (2, "Мы оформили режим коммерческой тайны: дешевле и быстрее."),
            ],
            0,
        ),
        (
            "en",
            "PCT application: worth it for a small company?",
            "We plan to file abroad. Is a PCT application worth the cost for a team of ten?",
            [(3, "It buys you 30 months to decide on countries, which is often worth it.")],
            None,
        ),
    ],
    "export": [
        (
            "en",
            "Finding distributors in Kazakhstan",
            "Has anyone worked with distributors in Almaty? Any trade fairs to recommend?",
            [(0, "Try the industrial fair in Astana in spring; we met two partners there.")],
            None,
        ),
        (
            "ru",
            "Сертификация для ЕАЭС",
            "С чего начать сертификацию оборудования для рынка ЕАЭС?",
            [(2, "Начните с определения техрегламентов, под которые попадает продукция.")],
            0,
        ),
    ],
    "moscow": [
        (
            "ru",
            "Площадка для встречи в декабре",
            "Ищем зал на 40 человек в центре Москвы для встречи участников.",
            [(1, "Можем предложить наш конференц-зал в Зеленограде.")],
            None,
        ),
    ],
}


@demo_loader(order=65)
def load_forums(stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = child_page(
        home,
        ForumIndexPage,
        "forums",
        title=INDEX["title"][0],
        intro=INDEX["intro"][0],
        show_in_menus=True,
    )
    translate(index, "en", dict(INDEX.values()))
    members = list(get_user_model().objects.filter(email__endswith=f"@{DOMAIN}").order_by("pk")[:4])
    made = 0
    for order, (slug, title, description, region_slug, theme_slugs) in enumerate(BOARDS):
        new = not index.get_children().filter(slug=slug).exists()
        board = child_page(
            index,
            BoardPage,
            slug,
            title=title[0],
            description=description[0],
            sort_order=order,
            region=Region.objects.filter(locale=index.locale, slug=region_slug).first(),
        )
        if new and theme_slugs:
            board.themes.set(Topic.objects.filter(locale=index.locale, slug__in=theme_slugs))
            board.save_revision().publish()
        translate(board, "en", {title[0]: title[1], description[0]: description[1]})
        if len(members) == 4 and not board.topics().exists():
            made += load_topics(board, TOPICS[slug], members)
    stdout.write(f"Forums: {len(BOARDS)} boards in Russian and English, {made} topics.")


def load_topics(board, topics, members):
    for language, title, body, replies, accepted in topics:
        topic, _ = posting.start_topic(board, members[0], title, body, language, held=False)
        posts = []
        for author, text in replies:
            post, _, _ = posting.add_reply(
                board.topics().filter(pk=topic.pk), members[author], text, held=False
            )
            posts.append(post)
        if accepted is not None:
            topic.refresh_from_db()
            posting.accept(topic, posts[accepted])
        for post in posts:
            posting.toggle_like(post, members[0])
    return len(topics)


NEWCOMER_REPLY = (
    "Добрый день! Мы тоже ищем дистрибьюторов, подробности на https://newcomer.example "
    "— напишите нам."
)
FLAG_NOTE = "Похоже на рекламу, а не на ответ по теме."


@demo_loader(order=66)
def load_moderation(stdout):
    """A new member's reply waiting on the export board, a flag on a reply
    and a moderator's pinned and locked topics, once."""
    if Flag.objects.exists() or ModerationLogEntry.objects.exists():
        return
    members = list(get_user_model().objects.filter(email__endswith=f"@{DOMAIN}").order_by("pk"))
    moderator = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    export = BoardPage.objects.filter(slug="export", locale__language_code="ru").first()
    moscow = BoardPage.objects.filter(slug="moscow", locale__language_code="ru").first()
    if len(members) < 5 or moderator is None or export is None or moscow is None:
        return
    topics = list(export.topics().order_by("pk"))
    if not topics:
        return
    # The fifth demo member has written nothing yet: a new member.
    first = export.topics().filter(pk=topics[0].pk)
    posting.add_reply(first, members[4], NEWCOMER_REPLY, held=True)
    reply = topics[-1].posts.exclude(author=topics[-1].author).order_by("pk").first()
    if reply is not None:
        moderation.flag(members[3], reply, FlagReason.OFF_TOPIC, FLAG_NOTE)
    moderation.switch(moderator, export, topics[-1], ModerationAction.PIN)
    meeting = moscow.topics().order_by("pk").first()
    if meeting is not None:
        moderation.switch(
            moderator, moscow, meeting, ModerationAction.LOCK, "Встреча состоялась, спасибо всем."
        )
    stdout.write("Forum moderation: a reply waiting for a moderator, a flag, two log entries.")
