"""Demo content of the community: the people directory page (Russian with an
English translation), about twenty members across the three regions with
varied visibility, and several companies.

Every person and company here is invented; addresses use the reserved
.example domain. All demo members share one password, DEMO_MEMBER_PASSWORD
("rusmeco-member" unless the environment says otherwise), so anyone trying
the demo can log in as a member, e.g. anna.sokolova@members.example.
"""

import os
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Site

from community.models import Company, CompanyMembership, PeopleIndexPage, Profile, Role
from community.models import Visibility as V
from home.demo import child_page, demo_loader, translate
from home.models import Region, Topic

MEMBER_PASSWORD = os.environ.get("DEMO_MEMBER_PASSWORD", "rusmeco-member")
DOMAIN = "members.example"

PEOPLE_RU = {
    "title": "Люди",
    "intro": (
        "Участники сообщества и их компании: найдите коллег по региону, теме "
        "или отрасли и познакомьтесь."
    ),
}
PEOPLE_EN = {
    "Люди": "People",
    PEOPLE_RU["intro"]: (
        "Members of the community and their companies: find peers by region, theme "
        "or sector and get in touch."
    ),
}

# (slug, name, region, sector, size, description, website)
COMPANIES = [
    (
        "zelenograd-sensors",
        "Зеленоградские сенсоры",
        "moscow",
        "electronics",
        "small",
        "Разрабатываем датчики давления и влажности для промышленности и ищем "
        "партнёров для выхода на рынки Европы.",
        "https://sensors.example",
    ),
    (
        "kod-i-smysl",
        "Код и смысл",
        "moscow",
        "software",
        "micro",
        "Небольшая студия: системы управления знаниями для инженерных компаний.",
        "",
    ),
    (
        "nevsky-photonics",
        "Невский фотонный цех",
        "st-petersburg",
        "electronics",
        "micro",
        "Лазерные модули для научных приборов; патентуем собственную схему охлаждения.",
        "https://photonics.example",
    ),
    (
        "baltic-biosystems",
        "Балтийские биосистемы",
        "st-petersburg",
        "biotech",
        "small",
        "Диагностические наборы для ветеринарии. Открыты к совместным проектам с вузами.",
        "",
    ),
    (
        "ural-coatings-lab",
        "Уральская лаборатория покрытий",
        "ekaterinburg",
        "materials",
        "small",
        "Износостойкие покрытия для горного оборудования; испытательный стенд на месте.",
        "https://coatings.example",
    ),
    (
        "iset-engineering",
        "Исетский инжиниринг",
        "ekaterinburg",
        "engineering",
        "medium",
        "Проектирование и модернизация оборудования для металлургии.",
        "",
    ),
]

# (login, name, position, region, themes, languages, visibility, show e-mail,
#  company slug, role, about)
MEMBERS = [
    ("anna.sokolova", "Анна Соколова", "Генеральный директор", "moscow",
     ["innovation-management", "international-business"], ["ru", "en"], V.PUBLIC, True,
     "zelenograd-sensors", Role.MANAGER,
     "Пятнадцать лет в микроэлектронике. Интересуюсь экспортом и совместными разработками."),
    ("pavel.orlov", "Павел Орлов", "Главный инженер", "moscow",
     ["quality-management"], ["ru"], V.PUBLIC, False, "zelenograd-sensors", Role.MEMBER,
     "Отвечаю за испытания и сертификацию продукции."),
    ("irina.belova", "Ирина Белова", "Менеджер по маркетингу", "moscow",
     ["innovation-marketing"], ["ru", "en", "de"], V.MEMBERS, False,
     "zelenograd-sensors", Role.MEMBER, ""),
    ("dmitry.kuznetsov", "Дмитрий Кузнецов", "Основатель", "moscow",
     ["knowledge-management", "innovation-management"], ["ru", "en"], V.PUBLIC, True,
     "kod-i-smysl", Role.MANAGER,
     "Помогаю инженерным компаниям не терять знания, когда уходят опытные сотрудники."),
    ("olga.smirnova", "Ольга Смирнова", "Консультант по финансам", "moscow",
     ["financial-management", "support-programmes"], ["ru"], V.PUBLIC, False, None, None,
     "Готовлю заявки на гранты и помогаю с финансовыми моделями стартапов."),
    ("sergey.volkov", "Сергей Волков", "Патентный поверенный", "moscow",
     ["ipr"], ["ru", "en"], V.MEMBERS, True, None, None,
     "Консультирую по защите изобретений в России и за рубежом."),
    ("maria.lebedeva", "Мария Лебедева", "Аналитик", "moscow",
     ["knowledge-management"], ["ru", "fr"], V.PRIVATE, False, "kod-i-smysl", Role.MEMBER, ""),
    ("alexei.morozov", "Алексей Морозов", "Директор", "st-petersburg",
     ["ipr", "innovation-management"], ["ru", "en"], V.PUBLIC, True,
     "nevsky-photonics", Role.MANAGER,
     "Физик по образованию. Ищем партнёров для производства малых серий."),
    ("ekaterina.pavlova", "Екатерина Павлова", "Руководитель проектов", "st-petersburg",
     ["quality-management", "international-business"], ["ru", "en", "fi"], V.PUBLIC, False,
     "nevsky-photonics", Role.MEMBER, "Веду совместные проекты с финскими коллегами."),
    ("nikolai.fedorov", "Николай Фёдоров", "Научный директор", "st-petersburg",
     ["support-programmes"], ["ru", "de"], V.MEMBERS, False,
     "baltic-biosystems", Role.MANAGER, ""),
    ("tatiana.mikhailova", "Татьяна Михайлова", "Специалист по качеству", "st-petersburg",
     ["quality-management"], ["ru"], V.PUBLIC, False, "baltic-biosystems", Role.MEMBER,
     "Внедряю систему менеджмента качества для медицинских изделий."),
    ("andrei.novikov", "Андрей Новиков", "Предприниматель", "st-petersburg",
     ["innovation-marketing", "financial-management"], ["ru", "en"], V.PUBLIC, False,
     None, None, "Запускаю третий технологический проект, интересуюсь венчурным финансированием."),
    ("yulia.egorova", "Юлия Егорова", "Юрист", "st-petersburg",
     ["ipr"], ["ru", "en"], V.PRIVATE, False, None, None, ""),
    ("vladimir.popov", "Владимир Попов", "Технический директор", "ekaterinburg",
     ["innovation-management", "quality-management"], ["ru"], V.PUBLIC, True,
     "ural-coatings-lab", Role.MANAGER,
     "Материаловед. Открыт к испытаниям покрытий для новых заказчиков."),
    ("natalia.kozlova", "Наталья Козлова", "Экономист", "ekaterinburg",
     ["financial-management"], ["ru", "en"], V.PUBLIC, False,
     "ural-coatings-lab", Role.MEMBER, ""),
    ("mikhail.sorokin", "Михаил Сорокин", "Главный конструктор", "ekaterinburg",
     ["knowledge-management"], ["ru"], V.MEMBERS, False, "iset-engineering", Role.MANAGER,
     "Тридцать лет в машиностроении, наставляю молодых инженеров."),
    ("svetlana.vasilieva", "Светлана Васильева", "Менеджер по развитию", "ekaterinburg",
     ["international-business", "innovation-marketing"], ["ru", "en", "zh-hans"], V.PUBLIC,
     True, "iset-engineering", Role.MEMBER,
     "Развиваю экспорт в страны Азии. Рада обмену опытом."),
    ("igor.zakharov", "Игорь Захаров", "Инженер-исследователь", "ekaterinburg",
     ["ipr", "support-programmes"], ["ru"], V.PUBLIC, False, None, None,
     "Готовлю первую заявку на патент и ищу наставника."),
    ("elena.romanova", "Елена Романова", "Координатор программ поддержки", "ekaterinburg",
     ["support-programmes"], ["ru", "en"], V.MEMBERS, False, None, None, ""),
    ("kirill.gusev", "Кирилл Гусев", "Студент магистратуры", "ekaterinburg",
     ["innovation-management"], ["ru", "en"], V.PRIVATE, False, None, None, ""),
]  # fmt: skip

# Members shown as "online" right after the demo is loaded.
ONLINE_AT_LOAD = {"anna.sokolova", "alexei.morozov", "vladimir.popov", "sergey.volkov"}


@demo_loader(order=30)
def load_people(stdout):
    ru = Locale.objects.get(language_code="ru")
    regions = {region.slug: region for region in Region.objects.filter(locale=ru)}
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=ru)}

    people_page = load_directory_page()
    companies = load_companies(regions)
    created = load_members(regions, topics, companies)
    verify_admin_address()
    stdout.write(
        f"People: {people_page.url} with {len(MEMBERS)} members and "
        f"{len(COMPANIES)} companies ({created} new). Demo members log in with their "
        f"e-mail, e.g. “{MEMBERS[0][0]}@{DOMAIN}”, and the password “{MEMBER_PASSWORD}” "
        "(set DEMO_MEMBER_PASSWORD to choose another)."
    )


def load_directory_page():
    home = Site.objects.get(is_default_site=True).root_page.specific
    page = child_page(home, PeopleIndexPage, "people", show_in_menus=True, **PEOPLE_RU)
    translate(page, "en", PEOPLE_EN)
    return page


def load_companies(regions):
    companies = {}
    for slug, name, region, sector, size, description, website in COMPANIES:
        company = Company.objects.filter(slug=slug).first()
        if company is None:
            company = Company(slug=slug, name=name, region=regions[region], sector=sector,
                              size=size, description=description, website=website)  # fmt: skip
            company.save()
        companies[slug] = company
    return companies


def load_members(regions, topics, companies):
    User = get_user_model()
    now = timezone.now()
    created = 0
    for number, row in enumerate(MEMBERS):
        (login, name, position, region, themes, languages, visibility, show_email,
         company, role, about) = row  # fmt: skip
        email = f"{login}@{DOMAIN}"
        if User.objects.filter(username=login).exists():
            continue
        user = User.objects.create_user(login, email, MEMBER_PASSWORD, first_name=name)
        # Spread the sign-up dates, so "who's new" has an order.
        User.objects.filter(pk=user.pk).update(date_joined=now - timedelta(days=60 - 3 * number))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        profile = Profile.objects.create(
            user=user,
            display_name=name,
            position=position,
            region=regions[region],
            languages=languages,
            about=about,
            visibility=visibility,
            show_email=show_email,
            last_seen=now if login in ONLINE_AT_LOAD else None,
        )
        Profile.objects.filter(pk=profile.pk).update(
            created_at=now - timedelta(days=60 - 3 * number)
        )
        profile.themes.set([topics[slug] for slug in themes])
        if company:
            CompanyMembership.objects.create(
                company=companies[company], user=user, role=role, accepted=True
            )
        created += 1
    return created


def verify_admin_address():
    """The demo administrator may log in on the site by e-mail too."""
    admin = get_user_model().objects.filter(username="admin").first()
    if admin is not None and admin.email:
        EmailAddress.objects.get_or_create(
            user=admin, email=admin.email, defaults={"verified": True, "primary": True}
        )


# The regions page, the regional centres and their news (a loader of its own).
from community import demo_regions  # noqa: E402, F401
