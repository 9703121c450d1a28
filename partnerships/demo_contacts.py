"""Demo expressions of interest: demo members write to the companies of
the demo listings (`demo-listing-01` … `-12`, made by the listings'
loader), with replies and each outcome: contact made, agreement signed,
no result, one open that asks the region's coordinators for an
introduction and one already introduced.

The loader runs at order 90, after the listings (around 60–70) and the
notifications (70). Listings or members that do not exist are skipped
quietly; an expression that exists already (the member and the listing)
is left alone, so loading again changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from community.models import CompanyMembership
from home.demo import demo_loader
from partnerships.contact_choices import Status
from partnerships.models import Interest, InterestMessage, ListingPage

DOMAIN = "members.example"

# (listing number, status, days ago, [(from the company?, text)], introduction)
# introduction: None, "asked" or "made".
CONTACTS = [
    (
        1,
        Status.CONTACT_MADE,
        40,
        [
            (False, "Здравствуйте! Мы ищем датчики для пилотной линии. Можно обсудить условия?"),
            (True, "Добрый день! Конечно, давайте созвонимся на следующей неделе."),
            (False, "Спасибо, созвонились — продолжаем по почте."),
        ],
        None,
    ),
    (
        2,
        Status.AGREEMENT_SIGNED,
        75,
        [
            (False, "Нам интересна совместная разработка. Есть опыт с похожими проектами."),
            (True, "Отлично, пришлите, пожалуйста, описание ваших проектов."),
            (False, "Отправили. Готовы подписать соглашение о сотрудничестве."),
            (True, "Соглашение подписано, спасибо!"),
        ],
        None,
    ),
    (
        3,
        Status.NO_RESULT,
        20,
        [
            (False, "Добрый день! Подойдёт ли ваша технология для пищевой промышленности?"),
            (True, "К сожалению, пока нет: нужны другие сертификаты."),
        ],
        None,
    ),
    (
        4,
        Status.OPEN,
        6,
        [(False, "Здравствуйте! Мы хотели бы стать вашим партнёром в нашем регионе.")],
        "asked",
    ),
    (
        5,
        Status.OPEN,
        12,
        [
            (False, "Ищем инвестора для масштабирования — ваше объявление очень кстати."),
            (True, "Интересно. Расскажите, пожалуйста, о вашей выручке."),
        ],
        "made",
    ),
    (
        6,
        Status.OPEN,
        2,
        [(False, "Добрый день! Можем предложить лабораторию для испытаний.")],
        None,
    ),
]
ASKED_NOTE = "Мы не знакомы с этой компанией — будем рады, если вы нас представите."
MADE_NOTE = "Познакомили на встрече клуба инноваторов; договорились о звонке."


def _listing(number):
    return (
        ListingPage.objects.filter(slug=f"demo-listing-{number:02d}", company__isnull=False)
        .select_related("company", "region")
        .order_by("locale_id", "pk")
        .first()
    )


def _someone_outside(company, members, used):
    """A demo member who does not belong to `company`, preferring one not
    used yet."""
    inside = set(
        CompanyMembership.objects.filter(company=company).values_list("user_id", flat=True)
    )
    outside = [member for member in members if member.pk not in inside]
    fresh = [member for member in outside if member.pk not in used]
    return (fresh or outside or [None])[0]


def _manager(company):
    membership = (
        CompanyMembership.objects.managers().filter(company=company).select_related("user").first()
    )
    return membership.user if membership else None


def _coordinator(region):
    User = get_user_model()
    found = None
    if region is not None and region.coordinators_id is not None:
        found = User.objects.filter(groups=region.coordinators_id).order_by("pk").first()
    return found or User.objects.filter(is_superuser=True).order_by("pk").first()


@demo_loader(order=90)
def load_contacts(stdout):
    User = get_user_model()
    members = list(User.objects.filter(email__endswith=f"@{DOMAIN}", is_active=True).order_by("pk"))
    if not members:
        return
    used, made = set(), 0
    now = timezone.now()
    for number, status, days_ago, thread, introduction in CONTACTS:
        listing = _listing(number)
        if listing is None:
            continue
        manager = _manager(listing.company)
        member = _someone_outside(listing.company, members, used)
        if manager is None or member is None:
            continue
        used.add(member.pk)
        if Interest.objects.filter(listing_key=listing.translation_key).exists():
            continue
        sent_at = now - datetime.timedelta(days=days_ago)
        interest = Interest.objects.create(
            listing=listing,
            listing_key=listing.translation_key,
            listing_title=listing.title,
            company=listing.company,
            region=listing.region,
            member=member,
            status=status,
            last_activity_at=sent_at + datetime.timedelta(hours=len(thread)),
            member_read_at=now,
            company_read_at=now if status != Status.OPEN else None,
        )
        InterestMessage.objects.bulk_create(
            InterestMessage(
                interest=interest,
                author=manager if from_company else member,
                from_company=from_company,
                body=text,
            )
            for from_company, text in thread
        )
        changes = {"created_at": sent_at}
        if status != Status.OPEN:
            changes.update(closed_at=sent_at + datetime.timedelta(days=3), closed_by=manager)
        if status in (Status.CONTACT_MADE, Status.AGREEMENT_SIGNED):
            changes.update(
                member_email_shared_at=sent_at + datetime.timedelta(days=1),
                company_email_shared_at=sent_at + datetime.timedelta(days=1),
                company_email_shared_by=manager,
            )
        if introduction is not None:
            changes.update(
                introduction_requested_at=sent_at + datetime.timedelta(hours=2),
                introduction_request_note=ASKED_NOTE,
            )
        if introduction == "made":
            changes.update(
                introduced_on=(sent_at + datetime.timedelta(days=4)).date(),
                introduced_by=_coordinator(listing.region),
                introduction_note=MADE_NOTE,
            )
        Interest.objects.filter(pk=interest.pk).update(**changes)
        made += 1
    if made:
        stdout.write(f"Partnerships: {made} expressions of interest with their conversations.")
