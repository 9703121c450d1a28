"""The people directory's list is shared by all members and by all
visitors (each its own) from the cache: a profile edit shows at once, a
profile for members only is never shown to a visitor, and each language
gets its own."""

import pytest

from tests.factories import MemberFactory


@pytest.mark.django_db
def test_a_profile_edit_shows_at_once(boris_client, anna, people_ru):
    assert "Анна Соколова" in boris_client.get(people_ru.url).text

    anna.profile.display_name = "Анна Петрова"
    anna.profile.save()

    page = boris_client.get(people_ru.url).text
    assert "Анна Петрова" in page
    assert "Анна Соколова" not in page


@pytest.mark.django_db
def test_a_new_member_shows_at_once(anna_client, anna, people_ru):
    anna_client.get(people_ru.url)

    MemberFactory(username="vera", name="Вера Лебедева", profile__visibility="public")

    assert "Вера Лебедева" in anna_client.get(people_ru.url).text


@pytest.mark.django_db
def test_visitors_never_get_the_members_list(client, anna_client, anna, boris, people_ru):
    member_page = anna_client.get(people_ru.url).text
    visitor_page = client.get(people_ru.url).text
    assert "Борис Орлов" in member_page
    assert "Борис Орлов" not in visitor_page
    assert "Анна Соколова" in visitor_page
    # The other way round, the visitor's list first.
    from django.core.cache import cache

    cache.clear()
    assert "Борис Орлов" not in client.get(people_ru.url).text
    assert "Борис Орлов" in anna_client.get(people_ru.url).text


@pytest.mark.django_db
def test_members_see_the_same_list_with_their_own_header(anna_client, boris_client, people_ru):
    anna_page = anna_client.get(people_ru.url).text
    boris_page = boris_client.get(people_ru.url).text

    assert "<span data-content>Анна Соколова</span>" in anna_page
    assert "<span data-content>Борис Орлов</span>" not in anna_page
    assert "<span data-content>Борис Орлов</span>" in boris_page
    assert "<span data-content>Анна Соколова</span>" not in boris_page
    assert "Борис Орлов" in anna_page and "Анна Соколова" in boris_page
    assert anna_page.count("person-card") == boris_page.count("person-card") == 2


@pytest.mark.django_db
def test_each_language_gets_its_own_list(anna_client, anna, people_ru, people_en, regions):
    anna.profile.region = regions["moscow"]
    anna.profile.save()

    russian = anna_client.get(people_ru.url).text
    english = anna_client.get(people_en.url).text

    assert "Москва" in russian and "Moscow" not in russian
    assert "Moscow" in english and "Москва" not in english


@pytest.mark.django_db
def test_a_deactivated_member_leaves_the_list_at_once(client, anna, boris_client, people_ru):
    assert "Анна Соколова" in client.get(people_ru.url).text
    assert "Анна Соколова" in boris_client.get(people_ru.url).text

    anna.is_active = False
    anna.save()

    assert "Анна Соколова" not in client.get(people_ru.url).text
    assert "Анна Соколова" not in boris_client.get(people_ru.url).text
