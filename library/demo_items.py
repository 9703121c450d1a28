"""The texts of the library's demo items (library/demo_content.py loads
them): fourteen case studies, articles, pieces of expert advice and
reports, nine of them with English translations.

An item's story is a list of blocks, each with its Russian text and its
English translation (None for an item that is only in Russian): P a
paragraph, H a heading, Q a quotation with its author, CHART a chart drawn
at load time from CHARTS. Companies and people are invented.
"""

import datetime

from library.choices import ItemType


def P(ru, en=None):
    return ("paragraph", ru, en)


def H(ru, en=None):
    return ("heading", ru, en)


def Q(ru, en, who_ru, who_en):
    return ("quote", ru, en, who_ru, who_en)


def CHART(key):
    return ("chart", key)


# Bar charts: the values, and the caption and the alternative text in both
# languages (None: the item is only in Russian).
CHARTS = {
    "zelenograd-sales": {
        "values": [120, 140, 210, 260, 310, 380],
        "caption": (
            "Продажи датчика по кварталам до и после выдачи патента, штук",
            "Sensor sales by quarter before and after the patent was granted, units",
        ),
        "alt": (
            "Столбчатая диаграмма: продажи растут со 120 до 380 датчиков за квартал за шесть "
            "кварталов.",
            "Bar chart: sales grow from 120 to 380 sensors a quarter over six quarters.",
        ),
    },
    "ural-register": {
        "values": [4, 11, 19, 23],
        "caption": (
            "Разработки в реестре интеллектуальной собственности по годам",
            "Developments in the intellectual property register, by year",
        ),
        "alt": (
            "Столбчатая диаграмма: реестр растёт с 4 до 23 разработок за четыре года.",
            "Bar chart: the register grows from 4 to 23 developments in four years.",
        ),
    },
    "nevasoft-revenue": {
        "values": [100, 102, 98, 118, 127, 134],
        "caption": (
            "Выручка по кварталам, первый квартал — 100",
            "Revenue by quarter, the first quarter = 100",
        ),
        "alt": (
            "Столбчатая диаграмма: после контракта выручка растёт со 100 до 134.",
            "Bar chart: after the contract revenue grows from 100 to 134.",
        ),
    },
    "technocom-defects": {
        "values": [10, 8, 6, 5, 4, 3],
        "caption": ("Доля брака по месяцам, процентов", None),
        "alt": ("Столбчатая диаграмма: брак снижается с 10 до 3 процентов за полгода.", None),
    },
    "research-obstacles": {
        "values": [62, 41, 35, 20],
        "caption": (
            "Препятствия к сотрудничеству, % ответивших: недостаток доверия, нехватка "
            "времени, страх утечки знаний, нет подходящих партнёров",
            "Obstacles to collaboration, % of respondents: lack of trust, lack of time, fear "
            "of losing knowledge, no suitable partners",
        ),
        "alt": (
            "Столбчатая диаграмма: недостаток доверия назвали 62 %, нехватку времени 41 %, "
            "страх утечки знаний 35 %, отсутствие партнёров 20 %.",
            "Bar chart: 62 % named a lack of trust, 41 % a lack of time, 35 % fear of losing "
            "knowledge, 20 % no suitable partners.",
        ),
    },
}

# Each item: kind, slug, themes, region, date, lead image, read count, the
# Russian fields, the English strings of its fields (None: Russian only),
# its story (see above) and comments as (commenter, text, reply-to index).
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
        },
        "situation": [
            P(
                "Компания разработала датчик давления и боялась, что его скопируют.",
                "The company had developed a pressure sensor and feared it would be copied.",
            ),
            P(
                "Датчик предстояло показать на отраслевой выставке через четыре месяца, а "
                "крупный конкурент уже расспрашивал о его характеристиках.",
                "The sensor was to be shown at an industry fair four months later, and a large "
                "competitor had already asked about its specifications.",
            ),
        ],
        "actions": [
            H("Шаг за шагом", "Step by step"),
            P(
                "Она заказала патентный поиск и подала заявку ещё до первой выставки.",
                "It commissioned a patent search and filed an application before its first "
                "trade fair.",
            ),
            P(
                "Патентный поверенный из сообщества помог описать изобретение так, чтобы "
                "формула охватывала и будущие версии датчика.",
                "A patent attorney from the community helped to describe the invention so that "
                "the claims covered future versions of the sensor too.",
            ),
            P(
                "На выставке компания показывала прибор с номером заявки в буклете.",
                "At the fair the company showed the device with the application number in its "
                "brochure.",
            ),
        ],
        "results": [
            P(
                "Патент выдан через одиннадцать месяцев; копия конкурента снята с продажи.",
                "The patent was granted after eleven months; a competitor's copy was withdrawn.",
            ),
            CHART("zelenograd-sales"),
            P(
                "За следующий год продажи датчика выросли втрое, а патент стал доводом в "
                "переговорах с дистрибьюторами.",
                "In the following year sales of the sensor tripled, and the patent became an "
                "argument in talks with distributors.",
            ),
        ],
        "lessons": [
            P(
                "Защищайте изобретение до того, как показывать его рынку.",
                "Protect an invention before you show it to the market.",
            ),
            Q(
                "Патент стоил нам двух месячных зарплат инженера, а сберёг весь рынок.",
                "The patent cost us two months of an engineer's salary and saved us the whole "
                "market.",
                "Андрей Белов, директор ООО «Микросенсор»",
                "Andrei Belov, managing director of Microsensor Ltd",
            ),
        ],
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
        },
        "situation": [
            P(
                "О многих разработках знали только их авторы.",
                "Many developments were known only to their authors.",
            ),
            P(
                "Инженеры уходили на пенсию или к конкурентам и уносили с собой ноу-хау, а "
                "юрист компании занимался договорами, а не изобретениями.",
                "Engineers retired or left for competitors, taking know-how with them, and the "
                "company's lawyer dealt with contracts, not inventions.",
            ),
        ],
        "actions": [
            H("Реестр и ответственный", "A register and an owner"),
            P(
                "Компания составила реестр изобретений и назначила ответственного.",
                "The company drew up a register of inventions and named someone responsible.",
            ),
            P(
                "Раз в квартал технический совет решает, что патентовать, что хранить как "
                "ноу-хау, а что можно лицензировать партнёрам.",
                "Once a quarter the technical council decides what to patent, what to keep as "
                "know-how and what may be licensed to partners.",
            ),
        ],
        "results": [
            P(
                "Две лицензии проданы партнёрам за первый год.",
                "Two licences were sold to partners in the first year.",
            ),
            CHART("ural-register"),
            P(
                "На переговорах с инвестором реестр занял одну страницу и избавил от недели "
                "вопросов.",
                "In talks with an investor the register took one page and saved a week of "
                "questions.",
            ),
        ],
        "lessons": [
            P(
                "Интеллектуальная собственность — актив, если о ней кто-то помнит.",
                "Intellectual property is an asset when someone keeps track of it.",
            ),
            Q(
                "Мы думали, что у нас нет интеллектуальной собственности. Оказалось, её просто "
                "никто не считал.",
                "We thought we had no intellectual property. It turned out that nobody had "
                "counted it.",
                "Елена Гришина, технический директор ЗАО «Уралприбор»",
                "Elena Grishina, technical director of Uralpribor",
            ),
        ],
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
        "image": 2,
        "reads": 22,
        "ru": {
            "title": "Пять вопросов патентному поверенному",
            "summary": "Что спросить до того, как поручать заявку, чтобы не переплатить.",
            "authors": "Патентный поверенный, участник сообщества",
        },
        "en": None,
        "body": [
            P(
                "Хороший патентный поверенный экономит деньги, плохой — время и шансы на "
                "патент. Вот вопросы, которые участники сообщества советуют задать на первой "
                "встрече."
            ),
            H("Вопросы об опыте"),
            P("Спросите, сколько заявок в вашей отрасли поверенный подал за последний год."),
            P(
                "Попросите пример формулы изобретения для похожей технологии и спросите, "
                "выдержала ли она спор."
            ),
            H("Вопросы о деньгах и сроках"),
            P("Уточните, кто будет отвечать на запросы экспертизы и сколько это стоит."),
            P(
                "Договоритесь, кто и когда напомнит вам о пошлинах: пропущенная пошлина стоит "
                "патента."
            ),
            Q("Дешёвая заявка часто оказывается самой дорогой.", None, "Ирина Соколова", None),
        ],
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
        },
        "body": [
            P(
                "Начните с десяти клиентов, для которых ваша разработка решает боль.",
                "Start with ten customers whose problem your product solves.",
            ),
            H("Кто купит первым", "Who buys first"),
            P(
                "Первые покупатели — это те, у кого проблема болит сильнее всего и кто готов "
                "мириться с недоработками ради решения.",
                "The first buyers are those whose problem hurts most and who will put up with "
                "rough edges to get it solved.",
            ),
            P(
                "Поговорите с каждым лично: как они справляются сейчас, сколько это стоит и кто "
                "решает о покупке.",
                "Talk to each of them in person: how they cope now, what it costs and who "
                "decides on the purchase.",
            ),
            H("От десяти клиентов к рынку", "From ten customers to a market"),
            P(
                "Когда десять клиентов довольны, их истории становятся вашим маркетингом: "
                "попросите разрешения о них рассказать.",
                "Once ten customers are happy, their stories become your marketing: ask for "
                "permission to tell them.",
            ),
            Q(
                "Первые двадцать систем мы продали без единого рекламного объявления.",
                "We sold our first twenty systems without a single advertisement.",
                "Ольга Васильева, участница петербургского центра",
                "Olga Vasilyeva, member of the St Petersburg centre",
            ),
        ],
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
        },
        "situation": [
            P(
                "Все заказчики были в Петербурге, и рост остановился.",
                "All its customers were in St Petersburg, and growth had stalled.",
            ),
            P(
                "Рекомендаций за рубежом у компании не было, а письма незнакомым заказчикам "
                "оставались без ответа.",
                "The company had no references abroad, and e-mails to unknown customers went "
                "unanswered.",
            ),
        ],
        "actions": [
            H("Рекомендация вместо рекламы", "A recommendation instead of advertising"),
            P(
                "Компания попросила партнёра по сообществу представить её клиенту.",
                "The company asked a partner from the community to introduce it to a client.",
            ),
            P(
                "К встрече команда перевела описания проектов на английский и предложила "
                "пилотный проект на месяц по фиксированной цене.",
                "For the meeting the team translated its project descriptions into English and "
                "offered a one-month pilot at a fixed price.",
            ),
        ],
        "results": [
            P(
                "Подписан контракт на год; выручка выросла на треть.",
                "A one-year contract was signed; revenue grew by a third.",
            ),
            CHART("nevasoft-revenue"),
            P(
                "Через год финский заказчик порекомендовал компанию двум своим партнёрам.",
                "A year later the Finnish customer recommended the company to two of its partners.",
            ),
        ],
        "lessons": [
            P(
                "Личные рекомендации открывают двери быстрее любой рекламы.",
                "Personal recommendations open doors faster than any advertising.",
            ),
            Q(
                "Пилот на месяц снял главный страх заказчика — ошибиться с незнакомым подрядчиком.",
                "A one-month pilot removed the customer's main fear: getting it wrong with an "
                "unknown supplier.",
                "Олег Морозов, директор ООО «Невасофт»",
                "Oleg Morozov, managing director of Nevasoft Ltd",
            ),
        ],
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
        "image": 4,
        "reads": 18,
        "ru": {
            "title": "Система качества без бюрократии",
            "summary": "Небольшой производитель сократил брак втрое, не заводя лишних документов.",
            "authors": "Координатор RUSMECO в Екатеринбурге",
            "company_name": "ООО «Техноком»",
            "company_sector": "Машиностроение",
            "company_size": "small",
        },
        "en": None,
        "situation": [
            P("Брак доходил до десяти процентов, а инструкций никто не читал."),
            P(
                "Толстое руководство по качеству лежало в шкафу у директора, а на участках "
                "работали по памяти."
            ),
        ],
        "actions": [
            H("Одна страница на участок"),
            P("Мастера сами описали на одной странице, что проверять на участке."),
            P(
                "Листы повесили у станков, а раз в неделю мастера вместе разбирают каждый "
                "случай брака."
            ),
        ],
        "results": [
            P("Брак снизился до трёх процентов за полгода."),
            CHART("technocom-defects"),
            P("За эти полгода от заказчиков не пришло ни одной рекламации."),
        ],
        "lessons": [
            P("Правила, написанные теми, кто работает, соблюдают."),
            Q(
                "Инструкцию, которую написал сам, не нужно заставлять читать.",
                None,
                "Сергей Ткаченко, мастер участка ООО «Техноком»",
                None,
            ),
        ],
        "comments": [],
    },
    {
        "kind": "article",
        "type": ItemType.EXPERT_ADVICE,
        "slug": "iso-9001-for-twenty",
        "topics": ["quality-management"],
        "region": "moscow",
        "date": datetime.date(2007, 4, 2),
        "image": 0,
        "reads": 26,
        "ru": {
            "title": "ISO 9001 для компании из двадцати человек",
            "summary": "Когда сертификат нужен, а когда достаточно порядка в процессах.",
            "authors": "Эксперт по качеству, участник сообщества",
        },
        "en": {
            "ISO 9001 для компании из двадцати человек": "ISO 9001 for a company of twenty",
            "Когда сертификат нужен, а когда достаточно порядка в процессах.": (
                "When you need the certificate, and when orderly processes are enough."
            ),
            "Эксперт по качеству, участник сообщества": "A quality expert from the community",
        },
        "body": [
            P(
                "Малые компании часто спрашивают, нужен ли им сертификат ISO 9001. Ответ "
                "зависит не от размера компании, а от её заказчиков.",
                "Small companies often ask whether they need an ISO 9001 certificate. The "
                "answer depends not on the company's size but on its customers.",
            ),
            H("Когда сертификат нужен", "When you need the certificate"),
            P(
                "Сертификат нужен, если его требуют заказчики; иначе начните с процессов.",
                "Get the certificate if customers ask for it; otherwise start with your processes.",
            ),
            P(
                "Крупные промышленные заказчики часто требуют сертификат в тендерной "
                "документации: проверьте это, прежде чем тратить деньги.",
                "Large industrial customers often require the certificate in their tender "
                "documents: check this before you spend money.",
            ),
            H("С чего начать без сертификата", "Where to start without a certificate"),
            P(
                "Опишите три–пять ключевых процессов, назначьте владельца каждого и "
                "договоритесь, как вы узнаёте о проблемах клиентов.",
                "Describe three to five key processes, name an owner for each and agree how "
                "you learn about customers' problems.",
            ),
            Q(
                "Сертификат подтверждает порядок, но не создаёт его.",
                "A certificate confirms order; it does not create it.",
                "Эксперт по качеству, участник сообщества",
                "A quality expert from the community",
            ),
        ],
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
        },
        "body": [
            P(
                "Делиться знаниями с конкурентами кажется странным, пока не выясняется, что у "
                "всех одни и те же заботы: кадры, сертификация, новые рынки.",
                "Sharing knowledge with competitors seems odd until it turns out that everyone "
                "has the same worries: staff, certification, new markets.",
            ),
            H("Что показало исследование", "What the research showed"),
            P(
                "Исследование показало: личные отношения — основа доверия.",
                "The research showed that personal relationships are the basis of trust.",
            ),
            P(
                "Компании охотно делятся опытом с теми, с кем встречались лично, и почти "
                "никогда — с незнакомыми.",
                "Companies readily share experience with people they have met in person, and "
                "hardly ever with strangers.",
            ),
            H("Как строится доверие", "How trust is built"),
            P(
                "Регулярные встречи, общий ужин и небольшие совместные задачи надёжнее любых "
                "соглашений о конфиденциальности.",
                "Regular meetings, a shared dinner and small joint tasks work better than any "
                "confidentiality agreement.",
            ),
            Q(
                "Личные отношения — основа доверия и сотрудничества.",
                "Personal relationships are the basis of trust and collaboration.",
                "Из исследования RUSMECO, 53 интервью",
                "From the RUSMECO research, 53 interviews",
            ),
        ],
        "comments": [],
    },
    {
        "kind": "case_study",
        "slug": "engineering-knowledge-base",
        "topics": ["knowledge-management", "innovation-management"],
        "region": "moscow",
        "date": datetime.date(2007, 5, 10),
        "image": 1,
        "reads": 12,
        "ru": {
            "title": "База знаний инженерного бюро",
            "summary": "Как бюро перестало терять опыт, когда уходят ведущие инженеры.",
            "authors": "Редакция RUSMECO",
            "company_name": "ООО «Проектное бюро „Вектор“»",
            "company_sector": "Инженерные услуги",
            "company_size": "micro",
        },
        "en": None,
        "situation": [
            P("С уходом ведущего инженера бюро теряло годы опыта."),
            P(
                "Проекты повторялись, но решения каждый раз искали заново: записи оставались "
                "в личных папках."
            ),
        ],
        "actions": [
            H("Разбор после проекта"),
            P("После каждого проекта команда записывает, что сработало."),
            P(
                "Разбор занимает час: что получилось, что нет и что сделать иначе. Записи "
                "лежат в общей базе с поиском."
            ),
        ],
        "results": [
            P("Новые сотрудники входят в работу вдвое быстрее."),
            P(
                "За два года в базе накопилось больше ста разборов; в неё заглядывают перед "
                "каждым новым проектом."
            ),
        ],
        "lessons": [
            P("Короткий разбор после проекта ценнее толстого регламента."),
            Q(
                "Мы перестали наступать на одни и те же грабли.",
                None,
                "Наталья Зуева, руководитель бюро «Вектор»",
                None,
            ),
        ],
        "comments": [],
    },
    {
        "kind": "article",
        "type": ItemType.EXPERT_ADVICE,
        "slug": "talking-to-investors",
        "topics": ["financial-management"],
        "region": "moscow",
        "date": datetime.date(2007, 6, 4),
        "image": 3,
        "reads": 29,
        "ru": {
            "title": "Как подготовить инновационный проект к разговору с инвестором",
            "summary": "Инвестор спрашивает не о технологии, а о деньгах: кто заплатит и когда.",
            "authors": "Финансовый консультант, участник сообщества",
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
        },
        "body": [
            P(
                "Инвестор слышит десятки рассказов о технологиях. Запоминаются те, в которых "
                "ясно, кто и почему заплатит.",
                "An investor hears dozens of pitches about technology. The ones remembered make "
                "clear who will pay and why.",
            ),
            H("Что подготовить", "What to prepare"),
            P(
                "Подготовьте расчёт на три года и назовите первых покупателей.",
                "Prepare a three-year forecast and name your first buyers.",
            ),
            P(
                "Покажите, сколько денег нужно до первой выручки и на что они пойдут. Расчёт "
                "должен выдержать вопрос: «А если продажи начнутся на полгода позже?»",
                "Show how much money you need until the first revenue and what it is for. The "
                "forecast must survive the question: “And if sales start six months later?”",
            ),
            H("Чего избегать", "What to avoid"),
            P(
                "Не прячьте риски: инвестор всё равно их найдёт, а доверие будет потеряно.",
                "Do not hide the risks: the investor will find them anyway, and trust will be "
                "lost.",
            ),
            Q(
                "Я вкладываю в команду, которая знает своих клиентов по именам.",
                "I invest in a team that knows its customers by name.",
                "Частный инвестор на встрече сообщества",
                "A private investor at a community meeting",
            ),
        ],
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
        },
        "situation": [
            P(
                "Компании не хватало денег на опытную партию.",
                "The company lacked the money for a pilot batch.",
            ),
            P(
                "Банк не давал кредит: продаж ещё не было, а залога не хватало.",
                "The bank would not lend: there were no sales yet and not enough collateral.",
            ),
        ],
        "actions": [
            H("Заявка за шесть недель", "An application in six weeks"),
            P(
                "Она подала заявку в региональную программу поддержки.",
                "It applied to a regional support programme.",
            ),
            P(
                "Координатор центра познакомил компанию с участником сообщества, который уже "
                "получал такой грант, и тот прочитал черновик заявки.",
                "The centre's coordinator introduced the company to a member who had won such "
                "a grant before, and he read the draft application.",
            ),
        ],
        "results": [
            P(
                "Грант покрыл половину затрат на опытную партию.",
                "The grant covered half the cost of the pilot batch.",
            ),
            P(
                "Партия вышла в срок, а данные испытаний помогли договориться с первым "
                "дистрибьютором.",
                "The batch came out on time, and the test data helped to win a first distributor.",
            ),
        ],
        "lessons": [
            P(
                "Отчётность по гранту планируйте с первого дня.",
                "Plan the grant's reporting from the first day.",
            ),
            Q(
                "Труднее заявки оказались ежеквартальные отчёты: заведите папку для каждого "
                "документа с первого дня.",
                "The quarterly reports were harder than the application: keep a folder for "
                "every document from day one.",
                "Мария Лебедева, ООО «Биотех-Урал»",
                "Maria Lebedeva, Biotech-Ural Ltd",
            ),
        ],
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
        # The research group worked from Moscow; the findings cover all regions.
        "region": "moscow",
        "date": datetime.date(2007, 5, 30),
        "image": 2,
        "reads": 64,
        "ru": {
            "title": "Итоги исследования RUSMECO: 53 интервью и 81 анкета",
            "summary": "Сообщества практики оказались новинкой для российских инновационных "
            "компаний; главное препятствие — недостаток доверия.",
            "authors": "Исследовательская группа RUSMECO",
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
        },
        "body": [
            P(
                "В 2005–2006 годах исследовательская группа RUSMECO провела 53 интервью с "
                "руководителями инновационных компаний и собрала 81 анкету в Москве, "
                "Санкт-Петербурге и Екатеринбурге.",
                "In 2005–2006 the RUSMECO research team held 53 interviews with managers of "
                "innovative companies and collected 81 questionnaires in Moscow, St Petersburg "
                "and Ekaterinburg.",
            ),
            H("Главные выводы", "Main findings"),
            P(
                "Компании предпочитают партнёров из своего региона.",
                "Companies prefer partners from their own region.",
            ),
            P(
                "Сообщества практики оказались для компаний новинкой: большинство делилось "
                "опытом только с давними знакомыми.",
                "Communities of practice were new to the companies: most shared experience "
                "only with long-standing acquaintances.",
            ),
            CHART("research-obstacles"),
            H("Что из этого следует", "What follows"),
            P(
                "Сообщество строится вокруг регулярных личных встреч в регионах, а "
                "онлайн-инструменты их дополняют.",
                "The community is built around regular meetings in person in the regions, with "
                "online tools to support them.",
            ),
            Q(
                "Личные отношения — основа доверия и сотрудничества.",
                "Personal relationships are the basis of trust and collaboration.",
                "Из исследования RUSMECO, 53 интервью",
                "From the RUSMECO research, 53 interviews",
            ),
        ],
        "comments": [],
    },
    {
        "kind": "article",
        "type": ItemType.REPORT,
        "slug": "ekaterinburg-kick-off",
        "topics": ["ipr"],
        "region": "ekaterinburg",
        "date": datetime.date(2006, 12, 7),
        "image": 3,
        "reads": 19,
        "ru": {
            "title": "Встреча в Екатеринбурге: управление ИС в инновационных компаниях",
            "summary": "Первая встреча уральского центра прошла в старинном особняке.",
            "authors": "Координатор RUSMECO в Екатеринбурге",
        },
        "en": None,
        "body": [
            P(
                "7 декабря 2006 года уральский региональный центр провёл первую встречу — в "
                "старинном особняке в центре Екатеринбурга."
            ),
            H("О чём говорили"),
            P("Участники обсудили, как оценивать и защищать разработки."),
            P(
                "Патентный поверенный Ирина Соколова рассказала, чем патент отличается от "
                "ноу-хау и когда выгоднее хранить секрет."
            ),
            P("Олег Мартынов поделился опытом лицензирования разработок партнёрам."),
            Q(
                "Интеллектуальная собственность — это не бумаги, а деньги, которые вы можете "
                "не получить.",
                None,
                "Олег Мартынов, директор технологической компании",
                None,
            ),
        ],
        "comments": [],
    },
    {
        "kind": "article",
        "type": ItemType.ARTICLE,
        "slug": "support-programmes-guide",
        "topics": ["support-programmes"],
        "region": "moscow",
        "date": datetime.date(2007, 7, 2),
        "image": 4,
        "reads": 15,
        "ru": {
            "title": "Программы поддержки инноваций: путеводитель для малых компаний",
            "summary": "Какие бывают программы, чего они ждут от заявителя и с чего начать.",
            "authors": "Редакция RUSMECO",
        },
        "en": None,
        "body": [
            P(
                "Программы поддержки помогают малым инновационным компаниям пройти самый "
                "трудный путь — от идеи до первых продаж."
            ),
            H("Какие бывают программы"),
            P(
                "Гранты на исследования, субсидии на патентование и выставки, льготные займы "
                "и акселераторы: у каждой программы свои требования и сроки."
            ),
            H("С чего начать"),
            P("Начните с региональных программ: там меньше конкурентов."),
            P(
                "Прочитайте отчёты прошлых победителей и спросите в сообществе, кто уже "
                "получал поддержку: опыт коллег сэкономит недели."
            ),
            Q("Первая заявка учит больше любого семинара.", None, "Координатор RUSMECO", None),
        ],
        "comments": [],
    },
]
