"""The people directory: members and companies, searchable by name,
filterable by region, theme and sector, paginated, in both languages, and
in a number of queries that does not grow with the content."""

import pytest
from django.test import Client

from community.models import Profile
from tests.factories import CompanyFactory, MemberFactory
from tests.helpers import logged_in, member_cards, warm_queries

BUDGET = 15


@pytest.fixture
def crowd(regions, topics):
    """Members in three regions with themes, two of them in companies."""
    anna = MemberFactory(
        username="anna",
        name="Анна Соколова",
        profile__visibility="public",
        profile__region=regions["moscow"],
        profile__themes=[topics["ipr"]],
    )
    MemberFactory(
        username="boris",
        name="Борис Орлов",
        profile__visibility="public",
        profile__region=regions["st-petersburg"],
        profile__themes=[topics["quality-management"]],
    )
    vera = MemberFactory(
        username="vera",
        name="Vera Smith",
        profile__visibility="public",
        profile__region=regions["ekaterinburg"],
        profile__themes=[topics["ipr"], topics["quality-management"]],
    )
    CompanyFactory(name="Ромашка", manager=anna, sector="software", region=regions["moscow"])
    CompanyFactory(
        name="Уральские покрытия", manager=vera, sector="materials", region=regions["ekaterinburg"]
    )
    return anna


def names(html):
    return {name for name in ("Анна Соколова", "Борис Орлов", "Vera Smith") if name in html}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "анна"}, {"Анна Соколова"}),  # Cyrillic, any case
        ({"q": "ОРЛОВ"}, {"Борис Орлов"}),
        ({"q": "smith"}, {"Vera Smith"}),
        ({"region": "st-petersburg"}, {"Борис Орлов"}),
        ({"theme": "ipr"}, {"Анна Соколова", "Vera Smith"}),
        ({"theme": "ipr", "region": "moscow"}, {"Анна Соколова"}),
        ({"sector": "materials"}, {"Vera Smith"}),
        ({"q": "никто"}, set()),
    ],
)
def test_members_search_and_filters(client, people_ru, crowd, query, expected):
    html = client.get("/ru/people/", query).text

    assert names(html) == expected


@pytest.mark.django_db
def test_a_member_with_two_matching_themes_is_listed_once(client, people_ru, crowd):
    html = client.get("/ru/people/", {"theme": "ipr"}).text

    assert html.count(">Vera Smith</a>") == 1
    assert "2 участника" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Ромашка", "Уральские покрытия"}),
        ({"q": "ромаш"}, {"Ромашка"}),
        ({"region": "ekaterinburg"}, {"Уральские покрытия"}),
        ({"sector": "software"}, {"Ромашка"}),
    ],
)
def test_companies_search_and_filters(client, people_ru, crowd, query, expected):
    html = client.get("/ru/people/companies/", query).text

    found = {name for name in ("Ромашка", "Уральские покрытия") if f">{name}</a>" in html}
    assert found == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"region": "atlantis"},
        {"theme": "<script>"},
        {"sector": "x" * 5000},
        {"q": "x" * 5000},
        {"page": "-1"},
        {"page": "abc"},
        {"q": "%_'\"; DROP TABLE community_profile; --"},
    ],
)
def test_odd_queries_never_break_the_directory(client, people_en, crowd, query):
    for url in ("/ru/people/", "/en/people/companies/"):
        response = client.get(url, query)
        assert response.status_code == 200
        assert "<script>" not in response.text.split("</header>", 2)[-1]


@pytest.mark.django_db
def test_directory_in_english_shows_english_terms(client, people_en, crowd):
    html = client.get("/en/people/").text

    assert "<h1>People</h1>" in html
    # In the cards, not only in the filters: each member's region and
    # themes (by their short name where they have one) in English.
    assert member_cards(html) == {
        "Анна Соколова": (["Moscow"], ["IPR"]),
        "Борис Орлов": (["St Petersburg"], ["Quality management"]),
        "Vera Smith": (["Ekaterinburg"], ["IPR", "Quality management"]),
    }
    assert 'href="/en/people/member/' in html


@pytest.mark.django_db
def test_directory_is_paginated_and_keeps_the_filters(client, people_ru, regions):
    for number in range(45):
        MemberFactory(
            username=f"m{number:02}",
            name=f"Участник {number:02}",
            profile__visibility="public",
            profile__region=regions["moscow"],
        )

    first = client.get("/ru/people/", {"region": "moscow"}).text
    third = client.get("/ru/people/", {"region": "moscow", "page": 3}).text

    assert "45 участников" in first
    assert "Страница 1 из 3" in first
    assert 'href="?region=moscow&amp;page=2"' in first
    assert "Участник 00" in first and "Участник 20" not in first
    assert "Участник 44" in third


def grow(regions, topics, start, count):
    """Add `count` members, each in a company of their own, with themes."""
    region_list = list(regions.values())
    for number in range(start, start + count):
        user = MemberFactory(
            username=f"user{number}",
            name=f"Участник {number}",
            profile__visibility="public",
            profile__region=region_list[number % 3],
            profile__themes=list(topics.values()),
        )
        CompanyFactory(name=f"Компания {number}", manager=user, region=region_list[number % 3])


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["visitor", "member"])
def test_directory_pages_stay_within_budget_as_content_grows(people_en, regions, topics, viewer):
    grow(regions, topics, 0, 3)
    first = Profile.objects.order_by("pk").first()
    urls = [
        "/ru/people/",
        "/en/people/?theme=ipr&region=moscow",
        "/ru/people/companies/",
        f"/ru/people/member/{first.pk}/",
        f"/en/people/member/{first.pk}/",
        "/ru/people/company/kompaniya-0/",
    ]
    client = Client() if viewer == "visitor" else logged_in(MemberFactory(username="watcher"))
    small = {url: len(warm_queries(client, url, warm_ups=2)) for url in urls}

    grow(regions, topics, 3, 30)
    # The first company gains many members too.
    from community.models import Company, CompanyMembership

    company = Company.objects.get(slug="kompaniya-0")
    for profile in Profile.objects.exclude(pk=first.pk)[:25]:
        CompanyMembership.objects.get_or_create(company=company, user=profile.user, accepted=True)
    large = {url: len(warm_queries(client, url, warm_ups=2)) for url in urls}

    for url in urls:
        if viewer == "visitor":
            assert small[url] <= BUDGET, (url, small[url])
        assert large[url] == small[url], url


@pytest.mark.django_db
def test_directory_is_in_the_menu_in_both_languages(client, people_en):
    assert 'href="/ru/people/"' in client.get("/ru/").text
    assert 'href="/en/people/"' in client.get("/en/").text


@pytest.mark.django_db
def test_visitors_are_invited_to_join(client, people_ru, crowd):
    html = client.get("/ru/people/").text

    assert "Присоединяйтесь к сообществу" in html
    assert 'href="/ru/accounts/signup/"' in html
