"""The demo partnerships: the partnerships page in Russian and English (in
the main menu) and a dozen listings of the demo companies, written by
their managers, of every type, theme, sector, region and stage, in the
states a manager meets: most published (some translated into English
with wagtail-localize), one waiting for the review of its region's
coordinators, one expired (unpublished as Wagtail's `publish_scheduled`
does) and one expiring within two weeks, whose managers
`remind_expiring_listings` reminds.

Listings are made once (slugs demo-listing-01 … demo-listing-12); the
loader changes nothing that exists.
"""

import datetime

from django.utils import timezone
from wagtail.models import Site

from community.models import Company, CompanyMembership, Role
from home.demo import child_page, demo_loader, translate
from home.models import Topic
from home.workflows import assign_regional_review
from partnerships.models import LISTING_LIFETIME, ListingPage, PartnershipsIndexPage

INDEX = {
    "title": ("Партнёрства", "Partnerships"),
    "intro": (
        "Технологические предложения и запросы компаний сообщества: найдите партнёра, "
        "а координатор вашего региона поможет познакомиться.",
        "Technology offers and requests of the community's companies: find a partner, "
        "and your region's coordinator will help you meet.",
    ),
}

PUBLISHED, WAITING, EXPIRED, EXPIRING = "published", "waiting", "expired", "expiring"

# (company slug, type, stage, sector, theme slugs, state,
#  (title, summary, description, sought) in Russian, the same in English or None)
LISTINGS = [
    (
        "zelenograd-sensors", "technology_offer", "market", "electronics",
        ["innovation-marketing", "international-business"], PUBLISHED,
        ("Датчики влажности для агропромышленности",
         "Готовые датчики влажности почвы с беспроводной передачей данных.",
         "Серийные датчики с автономной работой до трёх лет; интеграция с системами полива.",
         "Дистрибьюторы и интеграторы для агрохолдингов."),
        ("Humidity sensors for agriculture",
         "Ready-made wireless soil humidity sensors.",
         "Series-produced sensors running up to three years on one battery; they work "
         "with irrigation systems.",
         "Distributors and integrators serving agricultural holdings."),
    ),
    (
        "zelenograd-sensors", "research", "prototype", "electronics",
        ["ipr", "support-programmes"], PUBLISHED,
        ("Совместная разработка датчика давления для медицины",
         "Ищем партнёра для клинических испытаний прототипа.",
         "Прототип датчика давления для инфузионных насосов прошёл лабораторные испытания.",
         "Клиника или университет с опытом клинических испытаний."),
        None,
    ),
    (
        "kod-i-smysl", "commercial", "market", "software",
        ["knowledge-management"], PUBLISHED,
        ("База знаний для инженерных компаний",
         "Внедрим систему управления знаниями за три месяца.",
         "Система сохраняет опыт инженеров: решения, чертежи, уроки проектов.",
         "Инженерные компании, которые теряют знания при смене сотрудников."),
        ("A knowledge base for engineering companies",
         "We set up a knowledge management system in three months.",
         "The system keeps the engineers' experience: decisions, drawings, lessons of "
         "past projects.",
         "Engineering companies that lose knowledge when staff leave."),
    ),
    (
        "kod-i-smysl", "investment", "prototype", "software",
        ["financial-management", "innovation-management"], PUBLISHED,
        ("Инвестиции в платформу поиска экспертов",
         "Ищем посевные инвестиции для платформы поиска экспертов внутри компании.",
         "Прототип работает у двух заказчиков; нужны средства на доработку и продажи.",
         "Бизнес-ангел или фонд посевных инвестиций."),
        None,
    ),
    (
        "nevsky-photonics", "technology_offer", "prototype", "electronics",
        ["ipr", "innovation-management"], PUBLISHED,
        ("Лазерный модуль с новой схемой охлаждения",
         "Компактный лазерный модуль для научных приборов, патент подан.",
         "Схема охлаждения снижает габариты модуля вдвое при той же мощности.",
         "Производители научных приборов для лицензирования или совместного выпуска."),
        ("A laser module with a new cooling design",
         "A compact laser module for scientific instruments; patent filed.",
         "The cooling design halves the module's size at the same power.",
         "Makers of scientific instruments, for a licence or joint production."),
    ),
    (
        "nevsky-photonics", "technology_request", "idea", "electronics",
        ["quality-management"], PUBLISHED,
        ("Нужна малосерийная сборка оптики",
         "Ищем подрядчика для сборки партий по 50–100 модулей.",
         "Требуется чистое помещение и опыт юстировки оптических систем.",
         "Контрактный производитель в Санкт-Петербурге или области."),
        None,
    ),
    (
        "baltic-biosystems", "research", "idea", "biotech",
        ["support-programmes", "knowledge-management"], PUBLISHED,
        ("Совместный проект по экспресс-диагностике",
         "Предлагаем вузам совместную заявку на грант по экспресс-тестам.",
         "Идея теста для ветеринарии; нужна научная база и совместная заявка.",
         "Университетская лаборатория молекулярной биологии."),
        ("A joint project on rapid diagnostics",
         "We invite universities to a joint grant application on rapid tests.",
         "An idea for a veterinary test; we need a research base and a joint application.",
         "A university molecular biology laboratory."),
    ),
    (
        "baltic-biosystems", "commercial", "market", "biotech",
        ["international-business", "innovation-marketing"], PUBLISHED,
        ("Дистрибуция диагностических наборов в ЕАЭС",
         "Ищем дистрибьюторов ветеринарных наборов в Казахстане и Беларуси.",
         "Наборы зарегистрированы в России; готовы к регистрации в странах ЕАЭС.",
         "Дистрибьютор ветеринарной продукции."),
        None,
    ),
    (
        "ural-coatings-lab", "technology_offer", "market", "materials",
        ["quality-management", "innovation-marketing"], PUBLISHED,
        ("Износостойкие покрытия для горного оборудования",
         "Покрытия продлевают срок службы ковшей и зубьев в два раза.",
         "Наносим покрытия на месте; собственный испытательный стенд.",
         "Горнодобывающие компании и производители оборудования."),
        ("Wear-resistant coatings for mining equipment",
         "The coatings double the life of buckets and teeth.",
         "We apply the coatings on site and test them on our own rig.",
         "Mining companies and equipment makers."),
    ),
    (
        "ural-coatings-lab", "technology_request", "prototype", "materials",
        ["ipr"], WAITING,
        ("Ищем технологию напыления для сложных форм",
         "Нужна технология равномерного напыления на детали сложной формы.",
         "Текущий метод не даёт равномерного слоя на внутренних поверхностях.",
         "Разработчик технологии или оборудования для напыления."),
        None,
    ),
    (
        "iset-engineering", "commercial", "market", "engineering",
        ["innovation-management"], EXPIRED,
        ("Модернизация прокатных станов",
         "Проектируем модернизацию прокатных станов под ключ.",
         "Опыт модернизации двенадцати станов на Урале и в Сибири.",
         "Металлургические предприятия."),
        None,
    ),
    (
        "iset-engineering", "investment", "idea", "engineering",
        ["financial-management", "support-programmes"], EXPIRING,
        ("Инвестиции в цифрового двойника цеха",
         "Ищем соинвестора для пилотного цифрового двойника цеха.",
         "Идея проекта готова; ищем средства на пилот у одного заказчика.",
         "Инвестор или промышленный партнёр."),
        None,
    ),
]  # fmt: skip


@demo_loader(order=62)
def load_partnerships(stdout):
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = child_page(
        home,
        PartnershipsIndexPage,
        "partners",
        title=INDEX["title"][0],
        intro=INDEX["intro"][0],
        show_in_menus=True,
    )
    # Members' listings under it go to the regional review.
    assign_regional_review(PartnershipsIndexPage, index, created=True)
    translate(index, "en", dict(INDEX.values()))
    companies = Company.objects.in_bulk({row[0] for row in LISTINGS}, field_name="slug")
    managers = {
        membership.company_id: membership.user
        for membership in CompanyMembership.objects.filter(
            role=Role.MANAGER, accepted=True, company__in=companies.values()
        )
        .select_related("user")
        .order_by("-pk")
    }
    made = 0
    for number, row in enumerate(LISTINGS, start=1):
        slug = f"demo-listing-{number:02d}"
        company = companies.get(row[0])
        if company is None or company.pk not in managers:
            continue
        if index.get_children().filter(slug=slug).exists():
            continue
        load_listing(index, slug, company, managers[company.pk], row)
        made += 1
    stdout.write(
        f"Partnerships: {index.url} in Russian and English, {made} new listings of {len(LISTINGS)}."
    )


def load_listing(index, slug, company, manager, row):
    _, listing_type, stage, sector, themes, state, russian, english = row
    title, summary, description, sought = russian
    now = timezone.now()
    expire_at = {
        EXPIRED: now - datetime.timedelta(days=3),
        EXPIRING: now + datetime.timedelta(days=10),
    }.get(state, now + LISTING_LIFETIME)
    listing = ListingPage(
        slug=slug,
        locale=index.locale,
        title=title,
        summary=summary,
        description=description,
        sought=sought,
        listing_type=listing_type,
        stage=stage,
        sector=sector,
        company=company,
        region=company.region,
        owner=manager,
        author=manager,
        expire_at=expire_at,
        live=False,
    )
    listing.topics = list(Topic.objects.filter(locale=index.locale, slug__in=themes))
    index.add_child(instance=listing)
    revision = listing.save_revision(user=manager)
    if state == WAITING:
        listing.get_workflow().start(listing, manager)
        return listing
    revision.publish()
    listing.refresh_from_db()
    if state == EXPIRED:
        # As Wagtail's publish_scheduled does with a listing past its date.
        listing.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
        return listing
    if english is not None:
        translate(listing, "en", dict(zip(russian, english, strict=True)))
    return listing


# Expressions of interest, conversations, introductions and outcomes on
# these listings: their own module, discovered through this one.
from partnerships import demo_contacts  # noqa: E402, F401
