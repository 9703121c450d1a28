"""Demo content of the events app: the event calendar and the learning page
in the main menu, the community's three kick-off events of 2006 with their
reports, and a programme of upcoming events and trainings dated from the
day the demo is loaded, in Russian with English translations.

The photos of the reports are drawn at load time (small abstract pictures
in the portal's colours, labelled as illustrations) and the programme of a
kick-off event is a short text document. Speakers are invented; links use
the reserved .example domain.
"""

import datetime
import io
import zoneinfo

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from home.demo import child_page, demo_loader, translate
from home.models import HomePage, Region, Topic
from home.region_roles import shared_collection
from rusmeco_events.models import EventIndexPage, EventPage, LearningPage

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
EKATERINBURG = zoneinfo.ZoneInfo("Asia/Yekaterinburg")

CALENDAR = {
    "title": ("Мероприятия", "Events"),
    "intro": (
        "Встречи в Москве, Санкт-Петербурге и Екатеринбурге, онлайн-события и тренинги "
        "для инновационных компаний.",
        "Meetings in Moscow, St Petersburg and Ekaterinburg, online events and trainings "
        "for innovative companies.",
    ),
}

LEARNING = {
    "title": ("Обучение", "Learning"),
    "intro": (
        "Бесплатные тренинги для малых и средних инновационных компаний: онлайн и в "
        "смешанном формате, когда онлайн-занятия сочетаются со встречами в регионах.",
        "Free training for small and medium-sized innovative companies: online, and "
        "blended, where online sessions go with meetings in the regions.",
    ),
    "body": [
        (
            "Как мы учимся",
            "How we learn",
        ),
        (
            "Участники ценят обмен практическими идеями больше, чем теорию, поэтому каждое "
            "занятие строится вокруг задач самих компаний.",
            "Participants value practical ideas from peers more than theory, so every "
            "session is built around the companies' own problems.",
        ),
        (
            "Доверие складывается при личном общении: смешанные тренинги начинаются и "
            "заканчиваются встречей в регионе.",
            "Trust grows when people meet: blended trainings begin and end with a meeting "
            "in the region.",
        ),
    ],
}

# The kick-off events of the community (autumn 2006), with their reports.
KICK_OFFS = [
    {
        "slug": "kick-off-zelenograd",
        "region": "moscow",
        "zone": MOSCOW,
        "start": (2006, 11, 16, 14, 0),
        "hours": 4,
        "topics": ["knowledge-management", "innovation-management"],
        "title": (
            "Стартовая встреча сообщества в Зеленограде",
            "Community kick-off in Zelenograd",
        ),
        "summary": (
            "Первая встреча московского регионального центра: что такое сообщество "
            "практики и чем оно полезно инновационной компании.",
            "The first meeting of the Moscow regional centre: what a community of practice "
            "is and what it offers an innovative company.",
        ),
        "venue": ("Инновационный центр", "Innovation centre"),
        "address": ("Зеленоград, Москва", "Zelenograd, Moscow"),
        "report": [
            (
                "16 ноября 2006 года в Зеленограде прошла первая встреча московского "
                "регионального центра RUSMECO. Руководители инновационных компаний "
                "познакомились с идеей сообщества практики.",
                "On 16 November 2006 the Moscow regional centre of RUSMECO held its first "
                "meeting in Zelenograd. Managers of innovative companies were introduced to "
                "the idea of a community of practice.",
            ),
            (
                "Участники обсудили итоги исследования проекта: личные отношения — основа "
                "доверия, а партнёров компании охотнее всего ищут рядом, в своём регионе.",
                "Participants discussed the findings of the project's research: personal "
                "relationships are the basis of trust, and companies prefer to look for "
                "partners close by, in their own region.",
            ),
            (
                "Договорились о следующих шагах: вечерние встречи, онлайн-события и "
                "тренинги по темам, которые участники выбрали сами.",
                "The next steps were agreed: evening meetings, online events and trainings on "
                "themes the participants chose themselves.",
            ),
        ],
        "programme": (
            "14:00 Знакомство участников\n"
            "14:30 Что такое сообщество практики\n"
            "15:30 Итоги исследования: 53 интервью и 81 анкета\n"
            "16:30 Обсуждение: какие темы нужны компаниям\n"
            "17:30 Ужин и общение\n"
        ),
    },
    {
        "slug": "kick-off-st-petersburg",
        "region": "st-petersburg",
        "zone": MOSCOW,
        "start": (2006, 11, 24, 15, 0),
        "hours": 4,
        "topics": ["knowledge-management", "quality-management"],
        "title": (
            "Стартовая встреча сообщества в Санкт-Петербурге",
            "Community kick-off in St Petersburg",
        ),
        "summary": (
            "Петербургский региональный центр открыл работу сообщества: обмен опытом "
            "и первые темы встреч.",
            "The St Petersburg regional centre opened the community's work: sharing "
            "experience and the first themes for meetings.",
        ),
        "venue": ("Региональный центр RUSMECO", "RUSMECO regional centre"),
        "address": ("Санкт-Петербург", "St Petersburg"),
        "report": [
            (
                "24 ноября 2006 года сообщество собралось в Санкт-Петербурге. Компании "
                "рассказали, с какими задачами они сталкиваются при выводе новых продуктов "
                "на рынок.",
                "On 24 November 2006 the community met in St Petersburg. Companies told "
                "each other about the problems they face when bringing new products to "
                "market.",
            ),
            (
                "Больше всего участников заинтересовали управление качеством и совместная "
                "работа над знаниями: эти темы вошли в программу ближайших месяцев.",
                "Quality management and working together on knowledge interested the "
                "participants most: both themes went into the programme of the coming "
                "months.",
            ),
        ],
        "programme": (
            "15:00 Открытие встречи\n"
            "15:30 Опыт компаний: новые продукты и новые рынки\n"
            "17:00 Работа в группах\n"
            "18:30 Итоги и общение\n"
        ),
    },
    {
        "slug": "kick-off-ekaterinburg",
        "region": "ekaterinburg",
        "zone": EKATERINBURG,
        "start": (2006, 12, 7, 15, 0),
        "hours": 4,
        "topics": ["ipr"],
        "title": (
            "Эффективное управление интеллектуальной собственностью в инновационных компаниях",
            "Effective management of intellectual property in innovative companies",
        ),
        "summary": (
            "Стартовая встреча уральского регионального центра в историческом особняке "
            "Екатеринбурга.",
            "The kick-off of the Ural regional centre, in a historic mansion in Ekaterinburg.",
        ),
        "venue": ("Исторический особняк", "A historic mansion"),
        "address": ("Екатеринбург", "Ekaterinburg"),
        "speakers": [
            (
                ("Ирина Соколова", "Irina Sokolova"),
                ("Патентный поверенный", "Patent attorney"),
            ),
            (
                ("Олег Мартынов", "Oleg Martynov"),
                (
                    "Директор технологической компании",
                    "Managing director of a technology company",
                ),
            ),
        ],
        "report": [
            (
                "7 декабря 2006 года в историческом особняке в центре Екатеринбурга прошла "
                "встреча, посвящённая эффективному управлению интеллектуальной "
                "собственностью в инновационных компаниях.",
                "On 7 December 2006 a meeting on effective management of intellectual "
                "property in innovative companies took place in a historic mansion in the "
                "centre of Ekaterinburg.",
            ),
            (
                "Участники разобрали, когда изобретение стоит патентовать, как оформлять "
                "лицензии и как защищать ноу-хау при работе с партнёрами.",
                "Participants worked through when an invention is worth patenting, how to "
                "draw up licences and how to protect know-how when working with partners.",
            ),
        ],
        "programme": (
            "15:00 Приветствие\n"
            "15:15 Патент, лицензия или ноу-хау: что выбрать\n"
            "16:15 Опыт компании: защита изобретений при работе с партнёрами\n"
            "17:15 Вопросы и обсуждение\n"
            "18:00 Ужин и общение\n"
        ),
    },
]

# What each report tells after its first paragraph, besides its paragraphs:
# a heading, one more paragraph where there were only two, and a quotation
# from a participant, each (Russian, English).
REPORT_EXTRAS = {
    "kick-off-zelenograd": {
        "heading": ("Итоги исследования и следующие шаги", "Research findings and next steps"),
        "quote": (
            "Мы пришли за контактами, а ушли с планом на полгода.",
            "We came for contacts and left with a plan for six months.",
            "Участник встречи, директор компании-разработчика датчиков",
            "A participant, managing director of a sensor developer",
        ),
    },
    "kick-off-st-petersburg": {
        "heading": ("Темы на ближайшие месяцы", "Themes for the coming months"),
        "paragraph": (
            "Встреча закончилась ужином, за которым участники договорились о первых "
            "совместных визитах на предприятия друг друга.",
            "The meeting ended with a dinner at which participants agreed on their first "
            "visits to each other's companies.",
        ),
        "quote": (
            "Оказалось, что у конкурентов те же трудности, и решать их вместе проще.",
            "It turned out that competitors have the same difficulties, and they are easier "
            "to solve together.",
            "Участница встречи, руководитель IT-компании",
            "A participant, head of an IT company",
        ),
    },
    "kick-off-ekaterinburg": {
        "heading": ("Что обсуждали", "What was discussed"),
        "paragraph": (
            "Ирина Соколова показала, как читать формулу изобретения, а Олег Мартынов "
            "рассказал, как его компания лицензирует разработки партнёрам.",
            "Irina Sokolova showed how to read patent claims, and Oleg Martynov told how "
            "his company licenses its developments to partners.",
        ),
        "quote": (
            "Интеллектуальная собственность — это не бумаги, а деньги, которые вы можете не "
            "получить.",
            "Intellectual property is not paperwork; it is money you may fail to earn.",
            "Олег Мартынов",
            "Oleg Martynov",
        ),
    },
}


def report_body(event):
    """The report's blocks in Russian, and {Russian: English} of its texts."""
    extras = REPORT_EXTRAS.get(event["slug"], {})
    paragraphs = list(event["report"])
    if "paragraph" in extras:
        paragraphs.append(extras["paragraph"])
    blocks = [("paragraph", f"<p>{paragraphs[0][0]}</p>")]
    strings = dict(paragraphs)
    if "heading" in extras:
        blocks.append(("heading", {"text": extras["heading"][0], "level": "h3"}))
        strings[extras["heading"][0]] = extras["heading"][1]
    blocks += [("paragraph", f"<p>{ru}</p>") for ru, _ in paragraphs[1:]]
    if "quote" in extras:
        text_ru, text_en, who_ru, who_en = extras["quote"]
        blocks.append(("quote", {"text": text_ru, "attribution": who_ru}))
        strings.update({text_ru: text_en, who_ru: who_en})
    return blocks, strings


# The programme of the coming months (days from today, local start hour).
UPCOMING = [
    {
        "slug": "online-knowledge-sharing",
        "kind": "online",
        "days": 9,
        "hour": 11,
        "hours": 1.5,
        "topics": ["knowledge-management"],
        "title": (
            "Онлайн-встреча: как компании делятся знаниями",
            "Online meeting: how companies share knowledge",
        ),
        "summary": (
            "Практики обмена знаниями внутри компании и с партнёрами: короткие доклады "
            "участников и обсуждение.",
            "Ways of sharing knowledge inside a company and with partners: short talks by "
            "members and a discussion.",
        ),
    },
    {
        "slug": "evening-ipr-moscow",
        "kind": "meeting",
        "region": "moscow",
        "days": 16,
        "hour": 18,
        "minute": 30,
        "hours": 3,
        "capacity": 30,
        "deadline_days": 1,
        "topics": ["ipr"],
        "title": (
            "Вечерняя встреча: патенты и лицензии для малых компаний",
            "Evening meeting: patents and licences for small companies",
        ),
        "summary": (
            "Как небольшой компании защитить изобретение и заработать на лицензии. "
            "Доклад, разбор случаев участников и ужин.",
            "How a small company protects an invention and earns from a licence. A talk, "
            "members' cases and dinner.",
        ),
        "venue": ("Технопарк, конференц-зал", "Technology park, conference hall"),
        "address": ("Москва", "Moscow"),
    },
    {
        "slug": "online-support-programmes",
        "kind": "online",
        "days": 23,
        "hour": 11,
        "hours": 1.5,
        "topics": ["support-programmes"],
        "title": (
            "Онлайн-событие: программы поддержки инноваций",
            "Online event: innovation support programmes",
        ),
        "summary": (
            "Какие программы поддерживают инновационные компании и как подготовить заявку.",
            "Which programmes support innovative companies and how to prepare an application.",
        ),
    },
    {
        "slug": "quality-meeting-st-petersburg",
        "kind": "meeting",
        "region": "st-petersburg",
        "days": 30,
        "hour": 18,
        "hours": 3,
        "capacity": 25,
        "topics": ["quality-management"],
        "title": (
            "Встреча в Санкт-Петербурге: управление качеством",
            "Meeting in St Petersburg: quality management",
        ),
        "summary": (
            "Системы качества в небольшой инновационной компании: что действительно работает.",
            "Quality systems in a small innovative company: what really works.",
        ),
        "venue": ("Региональный центр RUSMECO", "RUSMECO regional centre"),
        "address": ("Санкт-Петербург", "St Petersburg"),
    },
    {
        "slug": "online-innovation-marketing",
        "kind": "online",
        "days": 37,
        "hour": 10,
        "hours": 1.5,
        "topics": ["innovation-marketing"],
        "title": (
            "Онлайн-событие: маркетинг инноваций",
            "Online event: marketing of innovation",
        ),
        "summary": (
            "Как найти первых клиентов для нового продукта.",
            "How to find the first customers for a new product.",
        ),
    },
    {
        "slug": "international-business-ekaterinburg",
        "kind": "meeting",
        "region": "ekaterinburg",
        "days": 44,
        "hour": 18,
        "hours": 3,
        "capacity": 25,
        "topics": ["international-business"],
        "title": (
            "Встреча в Екатеринбурге: выход на международные рынки",
            "Meeting in Ekaterinburg: going international",
        ),
        "summary": (
            "Компании, которые уже работают с зарубежными партнёрами, делятся опытом.",
            "Companies that already work with partners abroad share their experience.",
        ),
        "venue": ("Исторический особняк", "A historic mansion"),
        "address": ("Екатеринбург", "Ekaterinburg"),
    },
    {
        "slug": "training-knowledge-management",
        "kind": "training",
        "training_format": "online",
        "days": 51,
        "hour": 10,
        "hours": 31,  # two days, 10:00 to 17:00 the next day
        "capacity": 40,
        "topics": ["knowledge-management"],
        "title": (
            "Тренинг: управление знаниями и сотрудничество",
            "Training: knowledge management and collaboration",
        ),
        "summary": (
            "Два дня онлайн-занятий: как удержать знания в компании и работать с партнёрами.",
            "Two days of online sessions: keeping knowledge in the company and working "
            "with partners.",
        ),
    },
    {
        "slug": "training-quality-management",
        "kind": "training",
        "training_format": "blended",
        "region": "st-petersburg",
        "days": 58,
        "hour": 10,
        "hours": 31,
        "capacity": 20,
        "topics": ["quality-management"],
        "title": (
            "Тренинг: системы менеджмента качества",
            "Training: quality management systems",
        ),
        "summary": (
            "Смешанный тренинг: онлайн-занятия и встреча в Санкт-Петербурге.",
            "A blended training: online sessions and a meeting in St Petersburg.",
        ),
        "venue": ("Региональный центр RUSMECO", "RUSMECO regional centre"),
        "address": ("Санкт-Петербург", "St Petersburg"),
    },
    {
        "slug": "training-support-programmes",
        "kind": "training",
        "training_format": "online",
        "days": 72,
        "hour": 10,
        "hours": 4,
        "capacity": 40,
        "topics": ["support-programmes"],
        "title": (
            "Тренинг: проект для программы поддержки",
            "Training: a project for a support programme",
        ),
        "summary": (
            "Онлайн-тренинг: от идеи до заявки в программу поддержки инноваций.",
            "An online training: from an idea to an application to an innovation support "
            "programme.",
        ),
    },
    {
        "slug": "training-innovation-marketing",
        "kind": "training",
        "training_format": "blended",
        "region": "ekaterinburg",
        "days": 86,
        "hour": 10,
        "hours": 31,
        "capacity": 16,
        "topics": ["innovation-marketing"],
        "title": (
            "Тренинг: маркетинг инноваций",
            "Training: marketing of innovation",
        ),
        "summary": (
            "Смешанный тренинг: онлайн-занятия и практикум в Екатеринбурге.",
            "A blended training: online sessions and a workshop in Ekaterinburg.",
        ),
        "venue": ("Исторический особняк", "A historic mansion"),
        "address": ("Екатеринбург", "Ekaterinburg"),
    },
    {
        "slug": "training-international-business",
        "kind": "training",
        "training_format": "blended",
        "region": "moscow",
        "days": 100,
        "hour": 10,
        "hours": 31,
        "capacity": 20,
        "topics": ["international-business"],
        "title": (
            "Тренинг: международное партнёрство",
            "Training: international partnership",
        ),
        "summary": (
            "Смешанный тренинг о поиске зарубежных партнёров: онлайн-занятия и встреча в Москве.",
            "A blended training on finding partners abroad: online sessions and a meeting "
            "in Moscow.",
        ),
        "venue": ("Технопарк, конференц-зал", "Technology park, conference hall"),
        "address": ("Москва", "Moscow"),
    },
]

COLOURS = [(29, 78, 137), (242, 182, 50), (127, 200, 169), (20, 58, 104)]


@demo_loader(order=40)
def load_events(stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not the portal's home page.")
    calendar = child_page(
        home,
        EventIndexPage,
        "events",
        title=CALENDAR["title"][0],
        intro=CALENDAR["intro"][0],
        show_in_menus=True,
    )
    learning = child_page(
        home,
        LearningPage,
        "learning",
        title=LEARNING["title"][0],
        intro=LEARNING["intro"][0],
        body=[
            ("heading", {"text": LEARNING["body"][0][0], "level": "h2"}),
            *(("paragraph", f"<p>{ru}</p>") for ru, _ in LEARNING["body"][1:]),
        ],
        show_in_menus=True,
    )
    translate(calendar, "en", english(CALENDAR))
    translate(learning, "en", {**english(LEARNING), **dict(LEARNING["body"])})

    for event in KICK_OFFS:
        load_kick_off(calendar, event)
    today = timezone.now().astimezone(MOSCOW).date()
    for event in UPCOMING:
        load_upcoming(calendar, event, today)
    stdout.write(
        f"Events: the calendar and the learning page, {len(KICK_OFFS)} kick-off events "
        f"with reports and {len(UPCOMING)} upcoming events, in Russian and English."
    )


def english(texts):
    """{russian: english} for the (ru, en) text pairs of a content dict."""
    return {
        value[0]: value[1]
        for value in texts.values()
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str)
    }


def terms(locale, region_slug, topic_slugs):
    region = Region.objects.get(locale=locale, slug=region_slug) if region_slug else None
    return region, list(Topic.objects.filter(locale=locale, slug__in=topic_slugs))


def load_kick_off(calendar, event):
    region, topics = terms(calendar.locale, event["region"], event["topics"])
    start = datetime.datetime(*event["start"], tzinfo=event["zone"])
    end = start + datetime.timedelta(hours=event["hours"])
    title_ru = event["title"][0]
    # An event's pictures and programme are its region's to look after.
    collection = region.collection if region else shared_collection()
    photos = [
        drawn_image(f"{title_ru} — иллюстрация {number}", len(event["slug"]) + number, collection)
        for number in (1, 2)
    ]
    programme = text_document(
        f"Программа: {title_ru}", event["slug"], event["programme"], collection
    )
    report, report_strings = report_body(event)
    page = child_page(
        calendar,
        EventPage,
        event["slug"],
        title=title_ru,
        kind="meeting",
        region=region,
        topics=topics,
        start=start,
        end=end,
        venue=event["venue"][0],
        address=event["address"][0],
        summary=event["summary"][0],
        capacity=40,
        speakers=[
            ("speaker", {"name": name[0], "role": role[0], "about": ""})
            for name, role in event.get("speakers", [])
        ],
        report_body=report,
        report_gallery=[
            (
                "photo",
                {
                    "image": photo,
                    "caption": "Иллюстрация к отчёту о встрече",
                    "alt_text": "Абстрактная иллюстрация в цветах RUSMECO",
                },
            )
            for photo in photos
        ],
        report_documents=[("document", {"document": programme, "title": "Программа встречи"})],
        # The report went up a few days after the meeting.
        report_published_at=end + datetime.timedelta(days=3),
    )
    strings = {
        **english(event),
        **report_strings,
        "Иллюстрация к отчёту о встрече": "Illustration for the meeting report",
        "Абстрактная иллюстрация в цветах RUSMECO": "An abstract illustration in RUSMECO colours",
        "Программа встречи": "Programme of the meeting (in Russian)",
    }
    for name, role in event.get("speakers", []):
        strings.update([name, role])
    translate(page, "en", strings)


def load_upcoming(calendar, event, today):
    region, topics = terms(calendar.locale, event.get("region"), event["topics"])
    zone = region.tzinfo if region else MOSCOW
    day = today + datetime.timedelta(days=event["days"])
    start = datetime.datetime.combine(
        day, datetime.time(event["hour"], event.get("minute", 0)), zone
    )
    deadline = None
    if "deadline_days" in event:
        deadline = start - datetime.timedelta(days=event["deadline_days"])
    online = event["kind"] in ("online", "training")
    page = child_page(
        calendar,
        EventPage,
        event["slug"],
        title=event["title"][0],
        kind=event["kind"],
        training_format=event.get("training_format", ""),
        region=region,
        topics=topics,
        start=start,
        end=start + datetime.timedelta(hours=event["hours"]),
        venue=event.get("venue", ("", ""))[0],
        address=event.get("address", ("", ""))[0],
        joining_link=f"https://meet.rusmeco.example/{event['slug']}" if online else "",
        summary=event["summary"][0],
        capacity=event.get("capacity"),
        registration_deadline=deadline,
    )
    translate(page, "en", english(event))


def drawn_image(title, seed, collection):
    """A small picture in the portal's colours, drawn once and kept."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    width, height = 640, 420
    picture = PillowImage.new("RGB", (width, height), COLOURS[seed % 2 * 3])
    draw = ImageDraw.Draw(picture)
    for ring in range(6):
        colour = COLOURS[(seed + ring) % len(COLOURS)]
        x = (seed * 97 + ring * 131) % width
        y = (seed * 53 + ring * 89) % height
        radius = 40 + (seed * 17 + ring * 29) % 110
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=colour, width=14)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"event-illustration-{seed}.jpg"),
        collection=collection,
    )


def text_document(title, slug, text, collection):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    upload = SimpleUploadedFile(
        f"{slug}-programme.txt", text.encode("utf-8"), content_type="text/plain"
    )
    return Document.objects.create(title=title, file=upload, collection=collection)
