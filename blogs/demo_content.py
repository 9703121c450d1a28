"""Demo content for the member blogs: the blog index in both languages and
five members' blogs with a few posts each, some written in English, one
featured on the home page and one left a draft, and members' comments (with
a reply) on some posts, made as the library's demo comments are. Runs after
the members (community) and the library, before the notifications' follows."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site

from blogs.choices import PostStatus
from blogs.models import BlogIndexPage, BlogPost
from home.demo import child_page, demo_loader, translate
from home.markdown import render_markdown
from home.models import HomePage, Region, Topic
from library.demo_content import add_comments

INDEX_RU = {"title": "Блоги", "intro": "Участники сообщества пишут о своём опыте."}
INDEX_EN = {
    "Блоги": "Blogs",
    "Участники сообщества пишут о своём опыте.": "Community members write about their experience.",
}

# (author, slug, language, days ago (None: a draft), featured, themes, region, title, body)
POSTS = [
    ("anna.sokolova", "eksport-v-kazakhstan", "ru", 12, True,
     ["international-business"], "moscow", "Как мы начали экспорт в Казахстан",
     "Первую поставку мы сделали через **выставку в Алматы**.\n\n"
     "- договоритесь о пробной партии;\n- заранее узнайте о сертификации.\n\n"
     "Спасибо @Сергей Волков за советы по патентам."),
    ("anna.sokolova", "joint-development", "en", 5, False,
     ["innovation-management"], "moscow", "Joint development with a university",
     "We signed our first joint development agreement last spring. "
     "Three things we would do *differently* next time."),
    ("anna.sokolova", "plany-na-god", "ru", None, False,
     [], None, "Планы на следующий год", "Черновик: пока только заметки для себя."),
    ("dmitry.kuznetsov", "kogda-ukhodyat-eksperty", "ru", 20, False,
     ["knowledge-management"], "moscow", "Когда уходят опытные сотрудники",
     "Знания уходят вместе с людьми. Мы начали с **простых записей** после каждого проекта."),
    ("dmitry.kuznetsov", "lessons-learned", "en", 3, False,
     ["knowledge-management"], None, "Lessons learned, kept",
     "A one-page template for lessons learned that engineers actually fill in."),
    ("alexei.morozov", "malye-serii", "ru", 9, False,
     ["innovation-management"], "st-petersburg", "Производство малых серий",
     "Ищем партнёров: оптика малыми сериями, от 50 штук."),
    ("sergey.volkov", "patent-za-rubezhom", "ru", 15, False,
     ["ipr"], "moscow", "Патент за рубежом: с чего начать",
     "Процедура PCT даёт 30 месяцев на выбор стран. Не тратьте их впустую."),
    ("sergey.volkov", "pct-in-brief", "en", 1, False,
     ["ipr"], None, "PCT in brief", "The international phase in five steps."),
    ("olga.smirnova", "granty-dlya-startapov", "ru", 7, False,
     ["support-programmes", "financial-management"], "moscow", "Гранты для стартапов",
     "Три программы поддержки, на которые стоит подать заявку в этом году."),
]  # fmt: skip

# (author, slug) of a post: [(commenter, text, index of the comment replied to or None)]
COMMENTS = {
    ("anna.sokolova", "eksport-v-kazakhstan"): [
        ("dmitry.kuznetsov", "А сертификат соответствия ЕАЭС вы получали заранее?", None),
        ("anna.sokolova", "Да, за два месяца до поставки: без него партию не примут.", 0),
        ("olga.smirnova", "Спасибо, очень вовремя: мы тоже смотрим на Казахстан.", None),
    ],
    ("dmitry.kuznetsov", "lessons-learned"): [
        ("sergey.volkov", "Could you share the template? Ours sits in a wiki nobody reads.", None),
    ],
    ("sergey.volkov", "patent-za-rubezhom"): [
        ("alexei.morozov", "А во сколько обходится национальная фаза в среднем?", None),
        ("sergey.volkov", "Зависит от страны: от 1500 до 5000 евро с переводом.", 0),
    ],
}  # fmt: skip


@demo_loader(order=60)
def load_blogs(stdout):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not the portal's home page.")
    index = child_page(home, BlogIndexPage, "blogs", show_in_menus=True, **INDEX_RU)
    translate(index, "en", INDEX_EN)

    users = {user.username: user for user in get_user_model().objects.all()}
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=home.locale)}
    regions = {region.slug: region for region in Region.objects.filter(locale=home.locale)}
    now = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    made = 0
    for author, slug, language, days, featured, themes, region, title, body in POSTS:
        if author not in users:
            continue
        if BlogPost.objects.filter(author=users[author], slug=slug).exists():
            continue
        html, _mentions = render_markdown(body, users[author])
        published_at = None if days is None else now - datetime.timedelta(days=days)
        post = BlogPost.objects.create(
            author=users[author],
            slug=slug,
            language=language,
            title=title,
            body=body,
            html=html,
            region=regions.get(region),
            status=PostStatus.DRAFT if days is None else PostStatus.PUBLISHED,
            published_at=published_at,
            created_at=published_at or now,
            featured=featured,
        )
        post.themes.set([topics[name] for name in themes if name in topics])
        made += 1
    commented = 0
    for (author, slug), comments in COMMENTS.items():
        post = BlogPost.objects.published().filter(author__username=author, slug=slug).first()
        if post is None or any(name not in users for name, _text, _reply in comments):
            continue
        days = (now - post.published_at).days
        add_comments(post, comments, users, days_ago=max(days - 1, len(comments)))
        commented += 1
    authors = len({post[0] for post in POSTS})
    stdout.write(
        f"Blogs: {len(POSTS)} posts in {authors} members' blogs ({made} new), "
        f"comments on {commented} of them."
    )
