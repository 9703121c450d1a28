"""Each member chooses who sees their profile; the directory, profile pages,
company pages and home sections respect it, as seen by a visitor, a
member and the owner. E-mail is shown only when the member chooses."""

import pytest
from django.test import Client

from community.models import Profile
from tests.factories import CompanyFactory, MemberFactory
from tests.helpers import logged_in, member_cards


@pytest.fixture
def people(db):
    return {
        "public": MemberFactory(username="pia", name="Пия Открытая", profile__visibility="public"),
        "members": MemberFactory(
            username="mila", name="Мила Для-своих", profile__visibility="members"
        ),
        "private": MemberFactory(
            username="pavel", name="Павел Скрытный", profile__visibility="private"
        ),
    }


def profile_url(user, language="ru"):
    return f"/{language}/people/member/{Profile.objects.get(user=user).pk}/"


@pytest.fixture
def viewers(people):
    return {
        "visitor": Client(),
        "member": logged_in(MemberFactory(username="viktor", name="Виктор Участник")),
    }


EXPECTED = {
    # viewer: which profiles they may open
    "visitor": {"public"},
    "member": {"public", "members"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["visitor", "member"])
def test_profile_pages_follow_visibility(people_en, people, viewers, viewer):
    client = viewers[viewer]
    for visibility, user in people.items():
        for language in ("ru", "en"):
            response = client.get(profile_url(user, language))
            expected = 200 if visibility in EXPECTED[viewer] else 404
            assert response.status_code == expected, (viewer, visibility, language)


@pytest.mark.django_db
def test_owner_always_sees_their_own_profile(people_ru, people):
    for user in people.values():
        response = logged_in(user).get(profile_url(user))
        assert response.status_code == 200
        assert "Это ваш профиль." in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["visitor", "member"])
def test_directory_lists_what_the_viewer_may_see(people_ru, people, viewers, viewer):
    html = viewers[viewer].get("/ru/people/").text

    assert ("Пия Открытая" in html) is True
    assert ("Мила Для-своих" in html) is (viewer == "member")
    assert "Павел Скрытный" not in html


@pytest.mark.django_db
def test_private_profiles_stay_out_of_lists_even_for_their_owner(people_ru, people):
    html = logged_in(people["private"]).get("/ru/people/").text

    # The owner's name is on the page (their account link), not in the list.
    assert set(member_cards(html)) == {"Пия Открытая", "Мила Для-своих"}


@pytest.mark.django_db
def test_members_only_profiles_are_not_indexed_by_search_engines(people_ru, people, viewers):
    public = viewers["member"].get(profile_url(people["public"])).text
    members = viewers["member"].get(profile_url(people["members"])).text

    assert 'name="robots"' not in public
    assert '<meta name="robots" content="noindex">' in members


@pytest.mark.django_db
def test_e_mail_is_shown_only_when_the_member_chooses(people_ru, people, viewers):
    shy = Profile.objects.get(user=people["public"])
    page = viewers["member"].get(profile_url(people["public"])).text
    assert "pia@members.example" not in page

    shy.show_email = True
    shy.save()
    page = viewers["visitor"].get(profile_url(people["public"])).text
    assert 'href="mailto:pia@members.example"' in page


@pytest.mark.django_db
def test_e_mail_appears_nowhere_else(people_ru, people, viewers, regions):
    Profile.objects.filter(user=people["members"]).update(show_email=True)
    CompanyFactory(name="Ромашка", manager=people["public"], members=[people["members"]])

    for url in ("/ru/people/", "/ru/people/companies/", "/ru/people/company/romashka/", "/ru/"):
        html = viewers["member"].get(url).text
        assert "@members.example" not in html, url


@pytest.mark.django_db
def test_deactivated_members_disappear(people_ru, people, viewers):
    people["public"].is_active = False
    people["public"].save()

    assert viewers["visitor"].get(profile_url(people["public"])).status_code == 404
    assert "Пия Открытая" not in viewers["visitor"].get("/ru/people/").text


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["visitor", "member"])
def test_company_page_lists_only_members_the_viewer_may_see(
    people_ru, people, viewers, regions, viewer
):
    CompanyFactory(
        name="Ромашка", manager=people["public"], members=[people["members"], people["private"]]
    )

    html = viewers[viewer].get("/ru/people/company/romashka/").text

    assert "Пия Открытая" in html
    assert ("Мила Для-своих" in html) is (viewer == "member")
    assert "Павел Скрытный" not in html
    hidden = 1 if viewer == "member" else 2
    assert f"И ещё {hidden} участник" in html


@pytest.mark.django_db
def test_a_hidden_profile_looks_like_a_missing_one(people_ru, people):
    hidden = Client().get(profile_url(people["private"]))
    missing = Client().get("/ru/people/member/999999/")

    assert hidden.status_code == missing.status_code == 404
