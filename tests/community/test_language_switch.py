"""On a routable page (a member profile, a filtered directory) the language
switcher leads to the same view of the translated page."""

import re

import pytest


@pytest.mark.django_db
def test_switcher_keeps_the_profile_route_and_the_filters(client, people_en, anna):
    profile_url = f"/ru/people/member/{anna.pk}/"
    html = client.get(profile_url).text
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)

    assert f'href="/en/people/member/{anna.pk}/"' in switcher

    filtered = client.get("/en/people/?region=moscow").text
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', filtered, re.S).group(0)
    assert 'href="/ru/people/?region=moscow"' in switcher
