"""Demo content of the site's base app: taxonomies, the home page, About,
Contact and a regional information page, in Russian with English
translations (one page stays Russian-only, to show a missing translation).

Everything here is drawn from the community's own story; people and
addresses are invented (the e-mail domain is the reserved .example).
"""

import os

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Site

from home.demo import child_page, demo_loader, translate
from home.models import FormField, FormPage, HomePage, Region, SiteSettings, StandardPage, Topic

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", "rusmeco-demo")

TOPICS = [
    ("innovation-management", "Управление инновациями", "", "Management of innovation", ""),
    ("ipr", "Права интеллектуальной собственности", "ПИС", "Intellectual property rights", "IPR"),
    ("innovation-marketing", "Маркетинг инноваций", "", "Innovation marketing", ""),
    ("quality-management", "Управление качеством", "", "Quality management", ""),
    (
        "knowledge-management",
        "Управление знаниями и сотрудничество",
        "",
        "Knowledge management and collaboration",
        "",
    ),
    ("financial-management", "Финансовый менеджмент", "", "Financial management", ""),
    ("international-business", "Международный бизнес", "", "International business", ""),
    (
        "support-programmes",
        "Программы поддержки инноваций",
        "",
        "Innovation support programmes",
        "",
    ),
]

REGIONS = [
    ("moscow", "Москва", "Moscow", "Europe/Moscow"),
    ("st-petersburg", "Санкт-Петербург", "St Petersburg", "Europe/Moscow"),
    ("ekaterinburg", "Екатеринбург", "Ekaterinburg", "Asia/Yekaterinburg"),
]

HOME_RU = {
    "intro": (
        "RUSMECO объединяет инновационные малые и средние компании Москвы, "
        "Санкт-Петербурга и Екатеринбурга: мы делимся опытом, учимся друг у друга "
        "и находим партнёров."
    ),
    "join_title": "Присоединяйтесь к сообществу",
    "join_text": "Участие бесплатное: обучение, библиотека кейсов и встречи с коллегами.",
    "join_button_text": "Написать нам",
}
HOME_BODY_RU = [
    ("heading", {"text": "Что даёт участие", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Бесплатное обучение, созданное для малых и средних компаний.</li>"
        "<li>Богатая библиотека по инновациям: кейсы, статьи и советы экспертов.</li>"
        "<li>Вечерние встречи: презентации, мастер-классы и ужины для знакомства.</li></ul>",
    ),
    (
        "quote",
        {
            "text": "Личные отношения — основа доверия и сотрудничества.",
            "attribution": "Из исследования RUSMECO, 53 интервью",
        },
    ),
]
HOME_EN = {
    "RUSMECO — сообщество практики инновационных компаний": (
        "RUSMECO — the community of practice of innovative companies"
    ),
    HOME_RU["intro"]: (
        "RUSMECO brings together innovative small and medium-sized companies of Moscow, "
        "St Petersburg and Ekaterinburg: we share experience, learn from each other and "
        "find partners."
    ),
    HOME_RU["join_title"]: "Join the community",
    HOME_RU["join_text"]: (
        "Membership is free: training, a library of case studies and meetings with peers."
    ),
    HOME_RU["join_button_text"]: "Write to us",
    "Что даёт участие": "What members get",
    "Бесплатное обучение, созданное для малых и средних компаний.": (
        "Free training tailored to small and medium-sized companies."
    ),
    "Богатая библиотека по инновациям: кейсы, статьи и советы экспертов.": (
        "A rich library on innovation: case studies, articles and expert advice."
    ),
    "Вечерние встречи: презентации, мастер-классы и ужины для знакомства.": (
        "Evening events: presentations, workshops and networking dinners."
    ),
    "Личные отношения — основа доверия и сотрудничества.": (
        "Personal relationships are the basis of trust and collaboration."
    ),
    "Из исследования RUSMECO, 53 интервью": "From the RUSMECO research, 53 interviews",
}

ABOUT_RU = {
    "title": "О проекте",
    "intro": "RUSMECO — сообщество практики инновационных малых и средних компаний России.",
    "body": [
        ("heading", {"text": "Как всё началось", "level": "h2"}),
        (
            "paragraph",
            "<p>Проект начался в мае 2005 года как международное исследование о том, "
            "как сообщества практики помогают развитию инновационных компаний.</p>"
            "<p>Региональные центры работают в Москве, Санкт-Петербурге и Екатеринбурге.</p>",
        ),
        ("heading", {"text": "Наш девиз", "level": "h2"}),
        ("paragraph", "<p>Общаться, делиться, учиться.</p>"),
    ],
}
ABOUT_EN = {
    "О проекте": "About the project",
    ABOUT_RU["intro"]: (
        "RUSMECO is the community of practice of innovative small and medium-sized "
        "companies in Russia."
    ),
    "Как всё началось": "How it began",
    (
        "Проект начался в мае 2005 года как международное исследование о том, "
        "как сообщества практики помогают развитию инновационных компаний."
    ): (
        "The project began in May 2005 as an international study of how communities "
        "of practice help innovative companies grow."
    ),
    "Региональные центры работают в Москве, Санкт-Петербурге и Екатеринбурге.": (
        "Regional centres work in Moscow, St Petersburg and Ekaterinburg."
    ),
    "Наш девиз": "Our motto",
    "Общаться, делиться, учиться.": "Connect, share, learn.",
}

CONTACT_FIELDS = [
    ("Ваше имя", "Your name", "singleline", True),
    ("Электронная почта", "E-mail", "email", True),
    ("Сообщение", "Message", "multiline", True),
]
CONTACT_EN = {
    "Контакты": "Contact us",
    "Напишите нам: координаторы ответят в течение двух рабочих дней.": (
        "Write to us: the coordinators answer within two working days."
    ),
    "Спасибо! Мы ответим вам в ближайшее время.": "Thank you! We will answer soon.",
    "Сообщение с портала RUSMECO": "Message from the RUSMECO portal",
    **{ru: en for ru, en, _, _ in CONTACT_FIELDS},
}


@demo_loader(order=0)
def load_admin(stdout):
    User = get_user_model()
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create_superuser(ADMIN_USERNAME, "admin@rusmeco.example", ADMIN_PASSWORD)
    stdout.write(
        f"Admin: http://127.0.0.1:8000/admin/ — log in as “{ADMIN_USERNAME}” "
        f"with the password “{ADMIN_PASSWORD}” (set DEMO_ADMIN_PASSWORD to choose another)."
    )


@demo_loader(order=10)
def load_taxonomies(stdout):
    ru = Locale.objects.get(language_code="ru")
    for order, (slug, name_ru, short_ru, name_en, short_en) in enumerate(TOPICS):
        topic, _ = Topic.objects.get_or_create(
            locale=ru,
            slug=slug,
            defaults={"name": name_ru, "short_name": short_ru, "sort_order": order},
        )
        translate(topic, "en", {name_ru: name_en, short_ru: short_en})
    for order, (slug, name_ru, name_en, time_zone) in enumerate(REGIONS):
        region, _ = Region.objects.get_or_create(
            locale=ru,
            slug=slug,
            defaults={"name": name_ru, "time_zone": time_zone, "sort_order": order},
        )
        translate(region, "en", {name_ru: name_en})
    stdout.write(
        f"Taxonomies: {len(TOPICS)} topics, {len(REGIONS)} regions, in Russian and English."
    )


@demo_loader(order=20)
def load_site_pages(stdout):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not the portal's home page.")

    about = child_page(
        home,
        StandardPage,
        "about",
        title=ABOUT_RU["title"],
        intro=ABOUT_RU["intro"],
        body=ABOUT_RU["body"],
        show_in_menus=True,
    )
    contact = child_page(
        home,
        FormPage,
        "contact",
        title="Контакты",
        intro="Напишите нам: координаторы ответят в течение двух рабочих дней.",
        thank_you_text="Спасибо! Мы ответим вам в ближайшее время.",
        subject="Сообщение с портала RUSMECO",
        show_in_menus=True,
        form_fields=[
            FormField(label=label, field_type=field_type, required=required, sort_order=index)
            for index, (label, _, field_type, required) in enumerate(CONTACT_FIELDS)
        ],
    )
    ekaterinburg = Region.objects.get(slug="ekaterinburg", locale=home.locale)
    child_page(
        about,
        StandardPage,
        "ekaterinburg-centre",
        title="Региональный центр в Екатеринбурге",
        intro="Центр объединяет инновационные компании Урала.",
        region=ekaterinburg,
        body=[
            (
                "paragraph",
                "<p>Первая встреча сообщества на Урале прошла 7 декабря 2006 года "
                "и была посвящена управлению интеллектуальной собственностью.</p>",
            )
        ],
    )

    if not home.intro:
        for field, value in HOME_RU.items():
            setattr(home, field, value)
        home.body = HOME_BODY_RU
        home.join_page = contact
        home.save_revision().publish()
        home.refresh_from_db()

    translate(home, "en", HOME_EN)
    translate(about, "en", ABOUT_EN)
    translate(contact, "en", CONTACT_EN)
    # The Ekaterinburg page stays Russian-only: the language switcher shows
    # how a missing translation is handled.

    settings = SiteSettings.for_site(site)
    if not settings.contact_email:
        settings.contact_email = "info@rusmeco.example"
        settings.about_page = about
        settings.contact_page = contact
        settings.save()
    stdout.write("Site pages: home, About, Contact and a regional page, in Russian and English.")
