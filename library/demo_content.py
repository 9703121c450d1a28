"""Demo content of the library: fourteen case studies, articles, pieces of
expert advice and reports across the eight themes and the three regions,
nine of them translated into English and five still only in Russian, with
read counts and comments with replies.

Companies, authors and commenters are invented; commenters' addresses use
the reserved .example domain. Everything is created only when missing, so
the loader can run again.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Site

from home.demo import child_page, demo_loader, translate
from home.models import HomePage, Region, Topic
from home.region_roles import shared_collection
from library.choices import ItemType
from library.models import ArticlePage, CaseStudyPage, LibraryIndexPage, ReadCount

LIBRARY_RU = {
    "title": "Библиотека",
    "intro": (
        "Практические знания от таких же компаний, как ваша: кейсы, статьи, советы "
        "экспертов и отчёты о встречах сообщества."
    ),
}
LIBRARY_EN = {
    "Библиотека": "Library",
    LIBRARY_RU["intro"]: (
        "Practical knowledge from companies like yours: case studies, articles, expert "
        "advice and reports from the community's meetings."
    ),
}

COMMENTERS = [
    ("demo-reader-anna", "Анна", "Кузнецова", "anna@sensor-lab.example"),
    ("demo-reader-oleg", "Олег", "Морозов", "oleg@nevasoft.example"),
    ("demo-reader-maria", "Мария", "Лебедева", "maria@uralbio.example"),
]

# Colours of the logo, for the generated lead images.
PALETTE = [(29, 78, 137), (242, 182, 50), (127, 200, 169), (15, 44, 80), (34, 105, 77)]


def p(text):
    return ("paragraph", f"<p>{text}</p>")


# Each item: kind, slug, Russian fields, English strings (None: Russian
# only), read count, and comments as (commenter, text, reply-to index).
ITEMS = [
    {
        "kind": "case_study",
        "slug": "zelenograd-patent",
        "topics": ["ipr"],
        "region": "moscow",
        "date": datetime.date(2006, 11, 20),
        "image": 0,
        "reads": 47,
        "ru": {
            "title": "Как малая компания из Зеленограда защитила своё изобретение",
            "summary": "Команда из двенадцати инженеров получила патент за год и отбила первую "
            "попытку копирования.",
            "authors": "Редакция RUSMECO",
            "company_name": "ООО «Микросенсор»",
            "company_sector": "Микроэлектроника",
            "company_size": "small",
            "situation": [p("Компания разработала датчик давления и боялась, что его скопируют.")],
            "actions": [p("Она заказала патентный поиск и подала заявку ещё до первой выставки.")],
            "results": [
                p("Патент выдан через одиннадцать месяцев; копия конкурента снята с продажи.")
            ],
            "lessons": [p("Защищайте изобретение до того, как показывать его рынку.")],
        },
        "en": {
            "Как малая компания из Зеленограда защитила своё изобретение": (
                "How a small Zelenograd company protected its invention"
            ),
            "Команда из двенадцати инженеров получила патент за год и отбила первую попытку "
            "копирования.": (
                "A team of twelve engineers obtained a patent within a year and fought off the "
                "first attempt to copy it."
            ),
            "Редакция RUSMECO": "RUSMECO editors",
            "ООО «Микросенсор»": "Microsensor Ltd",
            "Микроэлектроника": "Microelectronics",
            "Компания разработала датчик давления и боялась, что его скопируют.": (
                "The company had developed a pressure sensor and feared it would be copied."
            ),
            "Она заказала патентный поиск и подала заявку ещё до первой выставки.": (
                "It commissioned a patent search and filed an application before its first "
                "trade fair."
            ),
            "Патент выдан через одиннадцать месяцев; копия конкурента снята с продажи.": (
                "The patent was granted after eleven months; a competitor's copy was withdrawn."
            ),
            "Защищайте изобретение до того, как показывать его рынку.": (
                "Protect an invention before you show it to the market."
            ),
        },
        "comments": [
            ("demo-reader-anna", "Мы тоже подавали заявку до выставки — это окупилось.", None),
            ("demo-reader-oleg", "А сколько стоил патентный поиск?", 0),
            ("demo-reader-anna", "Около двух месячных зарплат инженера, но оно того стоило.", 1),
        ],
    },
    {
        "kind": "case_study",
        "slug": "ural-ip-management",
        "topics": ["ipr", "innovation-management"],
        "region": "ekaterinburg",
        "date": datetime.date(2006, 12, 8),
        "image": 1,
        "reads": 35,
        "ru": {
            "title": "Управление интеллектуальной собственностью на уральском заводе",
            "summary": "Приборостроительная компания завела реестр своих изобретений и "
            "начала зарабатывать на лицензиях.",
            "authors": "Координатор RUSMECO в Екатеринбурге",
            "company_name": "ЗАО «Уралприбор»",
            "company_sector": "Приборостроение",
            "company_size": "medium",
            "situation": [p("О многих разработках знали только их авторы.")],
            "actions": [p("Компания составила реестр изобретений и назначила ответственного.")],
            "results": [p("Две лицензии проданы партнёрам за первый год.")],
            "lessons": [p("Интеллектуальная собственность — актив, если о ней кто-то помнит.")],
        },
        "en": {
            "Управление интеллектуальной собственностью на уральском заводе": (
                "Managing intellectual property at a Urals manufacturer"
            ),
            "Приборостроительная компания завела реестр своих изобретений и начала "
            "зарабатывать на лицензиях.": (
                "An instrument maker started a register of its inventions and began to earn "
                "from licences."
            ),
            "Координатор RUSMECO в Екатеринбурге": "RUSMECO coordinator in Ekaterinburg",
            "ЗАО «Уралприбор»": "Uralpribor",
            "Приборостроение": "Instrument making",
            "О многих разработках знали только их авторы.": (
                "Many developments were known only to their authors."
            ),
            "Компания составила реестр изобретений и назначила ответственного.": (
                "The company drew up a register of inventions and named someone responsible."
            ),
            "Две лицензии проданы партнёрам за первый год.": (
                "Two licences were sold to partners in the first year."
            ),
            "Интеллектуальная собственность — актив, если о ней кто-то помнит.": (
                "Intellectual property is an asset when someone keeps track of it."
            ),
        },
        "comments": [
            ("demo-reader-maria", "Реестр изобретений мы ведём в обычной таблице — хватает.", None),
            ("demo-reader-oleg", "Как вы оценивали стоимость лицензии?", None),
        ],
    },
    {
        "kind": "article",
        "type": ItemType.EXPERT_ADVICE,
        "slug": "patent-attorney-questions",
        "topics": ["ipr"],
        "region": "moscow",
        "date": datetime.date(2007, 1, 15),
        "reads": 22,
        "ru": {
            "title": "Пять вопросов патентному поверенному",
            "summary": "Что спросить до того, как поручать заявку, чтобы не переплатить.",
            "authors": "Патентный поверенный, участник сообщества",
            "body": [
                p("Спросите, сколько заявок в вашей отрасли поверенный подал за последний год."),
                p("Уточните, кто будет отвечать на запросы экспертизы и сколько это стоит."),
            ],
        },
        "en": None,
        "comments": [],
    },
    {
        "kind": "article",
        "type": ItemType.ARTICLE,
        "slug": "marketing-the-new",
        "topics": ["innovation-marketing"],
        "region": "st-petersburg",
        "date": datetime.date(2007, 2, 5),
        "image": 2,
        "reads": 31,
        "ru": {
            "title": "Маркетинг инноваций: как продать то, чего ещё нет на рынке",
            "summary": "Первые покупатели новинки — не рынок, а несколько людей, которых "
            "можно назвать по именам.",
            "authors": "Редакция RUSMECO",
            "body": [p("Начните с десяти клиентов, для которых ваша разработка решает боль.")],
        },
        "en": {
            "Маркетинг инноваций: как продать то, чего ещё нет на рынке": (
                "Marketing innovation: selling what the market does not know yet"
            ),
            "Первые покупатели новинки — не рынок, а несколько людей, которых можно назвать "
            "по именам.": (
                "The first buyers of something new are not a market but a few people you can name."
            ),
            "Редакция RUSMECO": "RUSMECO editors",
            "Начните с десяти клиентов, для которых ваша разработка решает боль.": (
                "Start with ten customers whose problem your product solves."
            ),
        },
        "comments": [],
    },
    {
        "kind": "case_study",
        "slug": "first-contract-abroad",
        "topics": ["international-business", "innovation-marketing"],
        "region": "st-petersburg",
        "date": datetime.date(2007, 3, 1),
        "image": 3,
        "reads": 58,
        "ru": {
            "title": "Первый зарубежный контракт петербургской IT-компании",
            "summary": "Как компания из двадцати человек нашла заказчика в Финляндии через "
            "партнёра по сообществу.",
            "authors": "Редакция RUSMECO",
            "company_name": "ООО «Невасофт»",
            "company_sector": "Разработка программного обеспечения",
            "company_size": "small",
            "situation": [p("Все заказчики были в Петербурге, и рост остановился.")],
            "actions": [p("Компания попросила партнёра по сообществу представить её клиенту.")],
            "results": [p("Подписан контракт на год; выручка выросла на треть.")],
            "lessons": [p("Личные рекомендации открывают двери быстрее любой рекламы.")],
        },
        "en": {
            "Первый зарубежный контракт петербургской IT-компании": (
                "The first contract abroad of a St Petersburg IT company"
            ),
            "Как компания из двадцати человек нашла заказчика в Финляндии через партнёра по "
            "сообществу.": (
                "How a company of twenty people found a customer in Finland through a partner "
                "from the community."
            ),
            "Редакция RUSMECO": "RUSMECO editors",
            "ООО «Невасофт»": "Nevasoft Ltd",
            "Разработка программного обеспечения": "Software development",
            "Все заказчики были в Петербурге, и рост остановился.": (
                "All its customers were in St Petersburg, and growth had stalled."
            ),
            "Компания попросила партнёра по сообществу представить её клиенту.": (
                "The company asked a partner from the community to introduce it to a client."
            ),
            "Подписан контракт на год; выручка выросла на треть.": (
                "A one-year contract was signed; revenue grew by a third."
            ),
            "Личные рекомендации открывают двери быстрее любой рекламы.": (
                "Personal recommendations open doors faster than any advertising."
            ),
        },
        "comments": [
            ("demo-reader-oleg", "Подтверждаю: без рекомендации нас бы даже не выслушали.", None),
            ("demo-reader-maria", "Какие документы понадобились для контракта?", 0),
        ],
    },
    {
        "kind": "case_study",
        "slug": "quality-without-paperwork",
        "topics": ["quality-management"],
        "region": "ekaterinburg",
        "date": datetime.date(2007, 3, 20),
        "reads": 18,
        "ru": {
            "title": "Система качества без бюрократии",
            "summary": "Небольшой производитель сократил брак втрое, не заводя лишних документов.",
            "authors": "Координатор RUSMECO в Екатеринбурге",
            "company_name": "ООО «Техноком»",
            "company_sector": "Машиностроение",
            "company_size": "small",
            "situation": [p("Брак доходил до десяти процентов, а инструкций никто не читал.")],
            "actions": [p("Мастера сами описали на одной странице, что проверять на участке.")],
            "results": [p("Брак снизился до трёх процентов за полгода.")],
            "lessons": [p("Правила, написанные теми, кто работает, соблюдают.")],
        },
        "en": None,
        "comments": [],
    },
    {
        "kind": "article",
        "type": ItemType.EXPERT_ADVICE,
        "slug": "iso-9001-for-twenty",
        "topics": ["quality-management"],
        "region": "moscow",
        "date": datetime.date(2007, 4, 2),
        "reads": 26,
        "ru": {
            "title": "ISO 9001 для компании из двадцати человек",
            "summary": "Когда сертификат нужен, а когда достаточно порядка в процессах.",
            "authors": "Эксперт по качеству, участник сообщества",
            "body": [p("Сертификат нужен, если его требуют заказчики; иначе начните с процессов.")],
        },
        "en": {
            "ISO 9001 для компании из двадцати человек": "ISO 9001 for a company of twenty",
            "Когда сертификат нужен, а когда достаточно порядка в процессах.": (
                "When you need the certificate, and when orderly processes are enough."
            ),
            "Эксперт по качеству, участник сообщества": "A quality expert from the community",
            "Сертификат нужен, если его требуют заказчики; иначе начните с процессов.": (
                "Get the certificate if customers ask for it; otherwise start with your processes."
            ),
        },
        "comments": [],
    },
    {
        "kind": "article",
        "type": ItemType.ARTICLE,
        "slug": "sharing-with-competitors",
        "topics": ["knowledge-management"],
        "region": "st-petersburg",
        "date": datetime.date(2007, 4, 18),
        "image": 4,
        "reads": 40,
        "ru": {
            "title": "Сообщество практики: как делиться знаниями с конкурентами",
            "summary": "Компании одной отрасли делятся опытом, если доверяют друг другу; "
            "доверие строится на встречах.",
            "authors": "Редакция RUSMECO",
            "body": [p("Исследование показало: личные отношения — основа доверия.")],
        },
        "en": {
            "Сообщество практики: как делиться знаниями с конкурентами": (
                "A community of practice: sharing knowledge with competitors"
            ),
            "Компании одной отрасли делятся опытом, если доверяют друг другу; доверие строится "
            "на встречах.": (
                "Companies in one industry share experience when they trust each other, and "
                "trust is built at meetings."
            ),
            "Редакция RUSMECO": "RUSMECO editors",
            "Исследование показало: личные отношения — основа доверия.": (
                "The research showed that personal relationships are the basis of trust."
            ),
        },
        "comments": [],
    },
    {
        "kind": "case_study",
        "slug": "engineering-knowledge-base",
        "topics": ["knowledge-management", "innovation-management"],
        "region": "moscow",
        "date": datetime.date(2007, 5, 10),
        "reads": 12,
        "ru": {
            "title": "База знаний инженерного бюро",
            "summary": "Как бюро перестало терять опыт, когда уходят ведущие инженеры.",
            "authors": "Редакция RUSMECO",
            "company_name": "ООО «Проектное бюро „Вектор“»",
            "company_sector": "Инженерные услуги",
            "company_size": "micro",
            "situation": [p("С уходом ведущего инженера бюро теряло годы опыта.")],
            "actions": [p("После каждого проекта команда записывает, что сработало.")],
            "results": [p("Новые сотрудники входят в работу вдвое быстрее.")],
            "lessons": [p("Короткий разбор после проекта ценнее толстого регламента.")],
        },
        "en": None,
        "comments": [],
    },
    {
        "kind": "article",
        "type": ItemType.EXPERT_ADVICE,
        "slug": "talking-to-investors",
        "topics": ["financial-management"],
        "region": "moscow",
        "date": datetime.date(2007, 6, 4),
        "reads": 29,
        "ru": {
            "title": "Как подготовить инновационный проект к разговору с инвестором",
            "summary": "Инвестор спрашивает не о технологии, а о деньгах: кто заплатит и когда.",
            "authors": "Финансовый консультант, участник сообщества",
            "body": [p("Подготовьте расчёт на три года и назовите первых покупателей.")],
        },
        "en": {
            "Как подготовить инновационный проект к разговору с инвестором": (
                "Preparing an innovation project for a talk with an investor"
            ),
            "Инвестор спрашивает не о технологии, а о деньгах: кто заплатит и когда.": (
                "An investor asks not about technology but about money: who pays, and when."
            ),
            "Финансовый консультант, участник сообщества": (
                "A financial adviser from the community"
            ),
            "Подготовьте расчёт на три года и назовите первых покупателей.": (
                "Prepare a three-year forecast and name your first buyers."
            ),
        },
        "comments": [],
    },
    {
        "kind": "case_study",
        "slug": "grant-from-application-to-report",
        "topics": ["support-programmes", "financial-management"],
        "region": "ekaterinburg",
        "date": datetime.date(2007, 6, 25),
        "image": 0,
        "reads": 33,
        "ru": {
            "title": "Грант на развитие: от заявки до отчёта",
            "summary": "Биотехнологическая компания получила грант и рассказывает, что было "
            "труднее всего.",
            "authors": "Координатор RUSMECO в Екатеринбурге",
            "company_name": "ООО «Биотех-Урал»",
            "company_sector": "Биотехнологии",
            "company_size": "micro",
            "situation": [p("Компании не хватало денег на опытную партию.")],
            "actions": [p("Она подала заявку в региональную программу поддержки.")],
            "results": [p("Грант покрыл половину затрат на опытную партию.")],
            "lessons": [p("Отчётность по гранту планируйте с первого дня.")],
        },
        "en": {
            "Грант на развитие: от заявки до отчёта": (
                "A development grant: from application to report"
            ),
            "Биотехнологическая компания получила грант и рассказывает, что было труднее всего.": (
                "A biotech company won a grant and tells what was hardest."
            ),
            "Координатор RUSMECO в Екатеринбурге": "RUSMECO coordinator in Ekaterinburg",
            "ООО «Биотех-Урал»": "Biotech-Ural Ltd",
            "Биотехнологии": "Biotechnology",
            "Компании не хватало денег на опытную партию.": (
                "The company lacked the money for a pilot batch."
            ),
            "Она подала заявку в региональную программу поддержки.": (
                "It applied to a regional support programme."
            ),
            "Грант покрыл половину затрат на опытную партию.": (
                "The grant covered half the cost of the pilot batch."
            ),
            "Отчётность по гранту планируйте с первого дня.": (
                "Plan the grant's reporting from the first day."
            ),
        },
        "comments": [
            ("demo-reader-anna", "Сколько времени заняло рассмотрение заявки?", None),
            ("demo-reader-maria", "Около трёх месяцев, включая одну доработку.", 0),
        ],
    },
    {
        "kind": "article",
        "type": ItemType.REPORT,
        "slug": "research-findings",
        "topics": ["innovation-management", "knowledge-management"],
        "region": None,
        "date": datetime.date(2007, 5, 30),
        "reads": 64,
        "ru": {
            "title": "Итоги исследования RUSMECO: 53 интервью и 81 анкета",
            "summary": "Сообщества практики оказались новинкой для российских инновационных "
            "компаний; главное препятствие — недостаток доверия.",
            "authors": "Исследовательская группа RUSMECO",
            "body": [p("Компании предпочитают партнёров из своего региона.")],
        },
        "en": {
            "Итоги исследования RUSMECO: 53 интервью и 81 анкета": (
                "RUSMECO research findings: 53 interviews and 81 questionnaires"
            ),
            "Сообщества практики оказались новинкой для российских инновационных компаний; "
            "главное препятствие — недостаток доверия.": (
                "Communities of practice were new to Russian innovative companies; the main "
                "obstacle is a lack of trust."
            ),
            "Исследовательская группа RUSMECO": "RUSMECO research team",
            "Компании предпочитают партнёров из своего региона.": (
                "Companies prefer partners from their own region."
            ),
        },
        "comments": [],
    },
    {
        "kind": "article",
        "type": ItemType.REPORT,
        "slug": "ekaterinburg-kick-off",
        "topics": ["ipr"],
        "region": "ekaterinburg",
        "date": datetime.date(2006, 12, 7),
        "reads": 19,
        "ru": {
            "title": "Встреча в Екатеринбурге: управление ИС в инновационных компаниях",
            "summary": "Первая встреча уральского центра прошла в старинном особняке.",
            "authors": "Координатор RUSMECO в Екатеринбурге",
            "body": [p("Участники обсудили, как оценивать и защищать разработки.")],
        },
        "en": None,
        "comments": [],
    },
    {
        "kind": "article",
        "type": ItemType.ARTICLE,
        "slug": "support-programmes-guide",
        "topics": ["support-programmes"],
        "region": "moscow",
        "date": datetime.date(2007, 7, 2),
        "reads": 15,
        "ru": {
            "title": "Программы поддержки инноваций: путеводитель для малых компаний",
            "summary": "Какие бывают программы, чего они ждут от заявителя и с чего начать.",
            "authors": "Редакция RUSMECO",
            "body": [p("Начните с региональных программ: там меньше конкурентов.")],
        },
        "en": None,
        "comments": [],
    },
]


def demo_image(index):
    """A generated lead image in the logo's colours (no files to ship)."""
    Image = get_image_model()
    title = f"Библиотека: иллюстрация {index + 1}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    width, height = 1600, 900
    canvas = PillowImage.new("RGB", (width, height), PALETTE[index % len(PALETTE)])
    draw = ImageDraw.Draw(canvas)
    accent = PALETTE[(index + 1) % len(PALETTE)]
    for ring in range(6):
        radius = 160 + ring * 90
        draw.ellipse(
            (width - radius, -radius // 2, width + radius, radius * 3 // 2),
            outline=accent,
            width=18,
        )
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    # Items of several regions share these pictures.
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"library-demo-{index + 1}.png"),
        collection=shared_collection(),
    )


def commenters():
    User = get_user_model()
    users = {}
    for username, first_name, last_name, email in COMMENTERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name, "email": email},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        users[username] = user
    return users


def add_comments(page, comments, users, days_ago=30):
    """(username, text, index of the comment replied to or None) on `page`
    (a library item, or a blog post: blogs/demo_content.py), a day apart
    from `days_ago` days ago; those already there are left alone."""
    from django_comments_xtd.models import XtdComment

    content_type = ContentType.objects.get_for_model(page)
    posted = []
    for number, (username, text, reply_to) in enumerate(comments):
        user = users[username]
        comment = XtdComment.objects.filter(
            content_type=content_type, object_pk=str(page.pk), user=user, comment=text
        ).first()
        if comment is None:
            comment = XtdComment(
                content_type=content_type,
                object_pk=str(page.pk),
                site_id=1,
                user=user,
                user_name=user.get_full_name(),
                user_email=user.email,
                comment=text,
                parent_id=posted[reply_to].pk if reply_to is not None else 0,
                submit_date=datetime.datetime.now(datetime.UTC)
                - datetime.timedelta(days=days_ago - number),
            )
            comment.save()
        posted.append(comment)


def make_item(library, item, topics, regions, users):
    fields = dict(item["ru"])
    fields.update(
        {
            "publication_date": item["date"],
            "region": regions.get(item["region"]),
            "topics": [topics[slug] for slug in item["topics"]],
        }
    )
    if "image" in item:
        fields["lead_image"] = demo_image(item["image"])
    if item["kind"] == "case_study":
        page = child_page(library, CaseStudyPage, item["slug"], **fields)
    else:
        page = child_page(library, ArticlePage, item["slug"], item_type=item["type"], **fields)
    ReadCount.objects.get_or_create(page=page, defaults={"total": item["reads"]})
    add_comments(page, item["comments"], users)
    if item["en"] is not None:
        english = translate(page, "en", item["en"])
        ReadCount.objects.get_or_create(page=english, defaults={"total": item["reads"] // 3})
    return page


@demo_loader(order=50)
def load_library(stdout):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not the portal's home page.")

    library = child_page(home, LibraryIndexPage, "library", show_in_menus=True, **LIBRARY_RU)
    translate(library, "en", LIBRARY_EN)
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=home.locale)}
    regions = {region.slug: region for region in Region.objects.filter(locale=home.locale)}
    users = commenters()
    for item in ITEMS:
        make_item(library, item, topics, regions, users)

    translated = sum(1 for item in ITEMS if item["en"] is not None)
    stdout.write(
        f"Library: {len(ITEMS)} items ({translated} also in English), "
        f"{sum(len(item['comments']) for item in ITEMS)} comments."
    )
