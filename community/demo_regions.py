"""Demo content of the regions: the regions page, a page per regional centre
and their news, in Russian, partly translated into English. One English
translation is left out of date (its Russian source changed afterwards)
and one news item waits for the coordinators' review.

The regional centres' contacts are those of organisations (invented, with
.example addresses), never of a private person.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site

from community.models import NewsPage, RegionIndexPage, RegionPage
from home.demo import child_page, demo_loader, translate
from home.models import Region
from library.demo_content import demo_image


def rich(text):
    return f"<p>{text}</p>"


def paragraph(text):
    return [("paragraph", rich(text))]


INDEX_INTRO = "Три региональных центра сообщества: Москва, Санкт-Петербург и Екатеринбург."
INDEX_RU = {"title": "Регионы", "intro": rich(INDEX_INTRO)}
INDEX_EN = {
    "Регионы": "Regions",
    # The translated segment is the paragraph's text, without its <p>.
    INDEX_INTRO: "The community's three regional centres: Moscow, St Petersburg and Ekaterinburg.",
}
# The regional centres that sign the news, in English.
AUTHORS_EN = {
    "Московский региональный центр": "Moscow regional centre",
    "Петербургский региональный центр": "St Petersburg regional centre",
    "Уральский региональный центр": "Ural regional centre",
}

REGIONS = [
    {
        "slug": "moscow",
        "title": "Москва",
        "intro": "Московский центр объединяет инновационные компании Москвы и Зеленограда.",
        "centre_name": "Московский региональный центр RUSMECO",
        "centre_address": "Москва, Зеленоград, технопарк, корпус 1",
        "centre_phone": "+7 495 000-00-01",
        "centre_email": "moscow@rusmeco.example",
        "en": {
            "Москва": "Moscow",
            "Московский центр объединяет инновационные компании Москвы и Зеленограда.": (
                "The Moscow centre brings together innovative companies of Moscow and Zelenograd."
            ),
            "Московский региональный центр RUSMECO": "RUSMECO Moscow regional centre",
            "Москва, Зеленоград, технопарк, корпус 1": "Zelenograd technopark, building 1, Moscow",
        },
        "news": [
            {
                "slug": "kick-off-zelenograd",
                "title": "Первая встреча в Зеленограде",
                "date": (2006, 11, 16),
                "author": "Московский региональный центр",
                "summary": "Компании обсудили управление интеллектуальной собственностью.",
                "body": "Встреча собрала двадцать компаний из Москвы и Зеленограда.",
                "en": {
                    "Первая встреча в Зеленограде": "First meeting in Zelenograd",
                    "Компании обсудили управление интеллектуальной собственностью.": (
                        "Companies discussed managing intellectual property."
                    ),
                    "Встреча собрала двадцать компаний из Москвы и Зеленограда.": (
                        "The meeting brought together twenty companies from Moscow and Zelenograd."
                    ),
                },
            },
            {
                "slug": "mentoring-programme",
                "title": "Открыт набор в программу наставничества",
                "days_ago": 12,
                "author": "Московский региональный центр",
                "summary": "Опытные предприниматели помогут молодым компаниям.",
                "body": "Заявки принимаются до конца месяца.",
                "en": None,
            },
        ],
    },
    {
        "slug": "st-petersburg",
        "title": "Санкт-Петербург",
        "intro": "Петербургский центр работает с компаниями Северо-Запада.",
        "centre_name": "Петербургский региональный центр RUSMECO",
        "centre_address": "Санкт-Петербург, Васильевский остров, бизнес-инкубатор",
        "centre_phone": "+7 812 000-00-02",
        "centre_email": "spb@rusmeco.example",
        "en": {
            "Санкт-Петербург": "St Petersburg",
            "Петербургский центр работает с компаниями Северо-Запада.": (
                "The St Petersburg centre works with the companies of the North-West."
            ),
            "Петербургский региональный центр RUSMECO": "RUSMECO St Petersburg regional centre",
            "Санкт-Петербург, Васильевский остров, бизнес-инкубатор": (
                "Business incubator, Vasilyevsky Island, St Petersburg"
            ),
        },
        "news": [
            {
                "slug": "kick-off-spb",
                "title": "Сообщество собралось в Петербурге",
                "date": (2006, 11, 24),
                "author": "Петербургский региональный центр",
                "summary": "Компании рассказали о своих кейсах.",
                "body": "Участники договорились встречаться раз в квартал.",
                "en": {
                    "Сообщество собралось в Петербурге": "The community met in St Petersburg",
                    "Компании рассказали о своих кейсах.": "Companies told their cases.",
                    "Участники договорились встречаться раз в квартал.": (
                        "The participants agreed to meet every quarter."
                    ),
                },
                # Edited in Russian after the translation: the English
                # version is out of date until a coordinator syncs it.
                "changed_after_translation": (
                    "Участники договорились встречаться раз в квартал; следующая встреча "
                    "пройдёт в марте."
                ),
            },
            {
                "slug": "export-seminar",
                "title": "Семинар по выходу на зарубежные рынки",
                "days_ago": 5,
                "author": "Петербургский региональный центр",
                "summary": "Как малой компании найти первого иностранного заказчика.",
                "body": "Семинар ведут предприниматели, уже работающие на экспорт.",
                "en": None,
            },
        ],
    },
    {
        "slug": "ekaterinburg",
        "title": "Екатеринбург",
        "intro": "Уральский центр объединяет компании Екатеринбурга и области.",
        "centre_name": "Уральский региональный центр RUSMECO",
        "centre_address": "Екатеринбург, улица Ленина, деловой центр",
        "centre_phone": "+7 343 000-00-03",
        "centre_email": "ural@rusmeco.example",
        "en": None,
        "news": [
            {
                "slug": "kick-off-ekaterinburg",
                "title": "Встреча об интеллектуальной собственности в Екатеринбурге",
                "date": (2006, 12, 7),
                "author": "Уральский региональный центр",
                "summary": "Эффективное управление интеллектуальной собственностью.",
                "body": "Встреча прошла в историческом особняке в центре города.",
                "en": None,
            },
        ],
        # Written by an editor and submitted: waits for the Ekaterinburg
        # coordinators' review.
        "submitted": {
            "slug": "ural-innovation-award",
            "title": "Уральская премия за инновации",
            "days_ago": 1,
            "author": "Уральский региональный центр",
            "summary": "Приём заявок на премию открыт.",
            "body": "Премию вручат лучшим инновационным компаниям Урала.",
        },
    },
]


# More of each news item's story, after its first paragraph: (kind, Russian,
# English or None[, attribution in Russian, in English]).
MORE_NEWS = {
    "kick-off-zelenograd": [
        ("heading", "Что обсуждали", "What was discussed"),
        (
            "paragraph",
            "Патентный поверенный рассказал, как защитить разработку до первой выставки, а "
            "две компании поделились своими историями.",
            "A patent attorney explained how to protect a development before its first trade "
            "fair, and two companies shared their stories.",
        ),
        (
            "quote",
            "Впервые мы говорили о своих трудностях с людьми, которые понимают их с полуслова.",
            "For the first time we talked about our difficulties with people who understood "
            "them at once.",
            "Участница встречи, директор приборостроительной компании",
            "A participant, managing director of an instrument maker",
        ),
        (
            "paragraph",
            "Следующая встреча московского центра будет посвящена маркетингу инноваций.",
            "The Moscow centre's next meeting will be about marketing innovation.",
        ),
    ],
    "mentoring-programme": [
        ("heading", "Как устроена программа", None),
        (
            "paragraph",
            "Наставник работает с одной-двумя компаниями полгода: встреча раз в месяц и "
            "переписка между встречами.",
            None,
        ),
        (
            "paragraph",
            "Наставники — участники сообщества, которые уже вывели продукт на рынок или "
            "привлекли инвестиции.",
            None,
        ),
    ],
    "kick-off-spb": [
        ("heading", "Кейсы участников", "The members' cases"),
        (
            "paragraph",
            "Три компании рассказали, как выводили новые продукты на рынок и что им мешало.",
            "Three companies told how they brought new products to market and what got in "
            "their way.",
        ),
        (
            "paragraph",
            "Больше всего вопросов вызвали управление качеством и совместная работа над знаниями.",
            "Quality management and working together on knowledge raised the most questions.",
        ),
    ],
    "export-seminar": [
        ("heading", "Программа семинара", None),
        (
            "paragraph",
            "Как найти первого заказчика за рубежом, подготовить договор и получать оплату в "
            "валюте.",
            None,
        ),
        ("paragraph", "Участие бесплатное для участников сообщества; мест немного.", None),
    ],
    "kick-off-ekaterinburg": [
        ("heading", "Главные темы", None),
        (
            "paragraph",
            "Патентный поверенный Ирина Соколова рассказала, чем патент отличается от ноу-хау.",
            None,
        ),
        (
            "paragraph",
            "Директор технологической компании Олег Мартынов поделился опытом лицензирования.",
            None,
        ),
    ],
    "ural-innovation-award": [
        ("heading", "Кто может участвовать", None),
        (
            "paragraph",
            "Малые и средние компании Урала, которые вывели новый продукт на рынок за последние "
            "два года.",
            None,
        ),
        ("paragraph", "Заявки принимает уральский региональный центр до конца квартала.", None),
    ],
}


def more_news(slug):
    blocks = []
    for kind, ru, *rest in MORE_NEWS.get(slug, []):
        if kind == "heading":
            blocks.append(("heading", {"text": ru, "level": "h2"}))
        elif kind == "quote":
            blocks.append(("quote", {"text": ru, "attribution": rest[1]}))
        else:
            blocks.append(("paragraph", rich(ru)))
    return blocks


def more_news_english(slug):
    strings = {}
    for _kind, ru, en, *attribution in MORE_NEWS.get(slug, []):
        if en:
            strings[ru] = en
        if attribution and attribution[1]:
            strings[attribution[0]] = attribution[1]
    return strings


def news_fields(item):
    if "date" in item:
        date = datetime.date(*item["date"])
    else:
        date = timezone.localdate() - datetime.timedelta(days=item["days_ago"])
    return {
        "title": item["title"],
        "date": date,
        "author": item["author"],
        "summary": item["summary"],
        "body": paragraph(item["body"]) + more_news(item["slug"]),
        "lead_image": demo_image(len(item["slug"]) % 5),
    }


def load_news(region_page, item):
    news = child_page(region_page, NewsPage, item["slug"], **news_fields(item))
    if item["en"] is None:
        return
    translate(news, "en", {**AUTHORS_EN, **item["en"], **more_news_english(item["slug"])})
    changed = item.get("changed_after_translation")
    if changed and news.body[0].value.source != rich(changed):
        news.body = paragraph(changed) + more_news(item["slug"])
        news.save_revision().publish()


def submit_for_review(region_page, item):
    if region_page.get_children().filter(slug=item["slug"]).exists():
        return
    news = NewsPage(slug=item["slug"], locale=region_page.locale, live=False, **news_fields(item))
    region_page.add_child(instance=news)
    editor = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    news.save_revision(user=editor)
    workflow = news.get_workflow()
    if workflow is not None:
        workflow.start(news, editor)


@demo_loader(order=60)
def load_regions(stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = child_page(home, RegionIndexPage, "regions", show_in_menus=True, **INDEX_RU)
    translate(index, "en", INDEX_EN)
    regions = {region.slug: region for region in Region.objects.filter(locale=home.locale)}
    for spec in REGIONS:
        region_page = child_page(
            index,
            RegionPage,
            spec["slug"],
            region=regions[spec["slug"]],
            title=spec["title"],
            intro=rich(spec["intro"]),
            **{key: value for key, value in spec.items() if key.startswith("centre_")},
        )
        if spec["en"] is not None:
            translate(region_page, "en", spec["en"])
        for item in spec["news"]:
            load_news(region_page, item)
        if "submitted" in spec:
            submit_for_review(region_page, spec["submitted"])
    stdout.write(f"Regions: {index.url} with news of {len(REGIONS)} regional centres.")
