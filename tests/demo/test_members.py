"""The community's demo content: the people directory in both languages,
about twenty invented members across the three regions with varied
visibility, and several companies."""

import io

from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.test import Client

from community.demo_content import MEMBER_PASSWORD
from community.models import Company, CompanyMembership, PeopleIndexPage, Profile


def test_demo_builds_members_companies_and_the_directory(demo):
    profiles = Profile.objects.select_related("region", "user")

    assert 18 <= profiles.count() <= 25
    assert {p.region.slug for p in profiles} == {"moscow", "st-petersburg", "ekaterinburg"}
    assert {p.visibility for p in profiles} == {"public", "members", "private"}
    assert all(p.user.email.endswith(".example") for p in profiles)
    assert Company.objects.count() >= 4
    assert CompanyMembership.objects.filter(role="manager").count() == Company.objects.count()
    assert set(PeopleIndexPage.objects.values_list("locale__language_code", flat=True)) == {
        "ru",
        "en",
    }
    assert "rusmeco-member" in demo or MEMBER_PASSWORD in demo


def test_demo_members_can_log_in_with_the_documented_password(demo):
    profile = Profile.objects.filter(visibility="public").select_related("user").first()
    assert EmailAddress.objects.get(user=profile.user).verified

    response = Client().post(
        "/ru/accounts/login/", {"login": profile.user.email, "password": MEMBER_PASSWORD}
    )

    assert response.status_code == 302


def test_demo_directory_and_home_sections_are_served_in_both_languages(demo):
    client = Client()

    russian = client.get("/ru/people/")
    english = client.get("/en/people/")
    home = client.get("/en/").text

    assert russian.status_code == english.status_code == 200
    assert "<h1>Люди</h1>" in russian.text
    assert "<h1>People</h1>" in english.text
    assert 'href="/en/people/"' in home
    assert "Who's new" in home


def test_loading_the_demo_again_changes_nothing(demo):
    def snapshot():
        return (
            sorted(Profile.objects.values_list("user__username", "display_name", "visibility")),
            sorted(Company.objects.values_list("slug", "name")),
            CompanyMembership.objects.count(),
            EmailAddress.objects.count(),
        )

    first = snapshot()
    call_command("load_demo_content", stdout=io.StringIO())

    assert snapshot() == first
