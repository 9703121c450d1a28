"""The test factories make objects as the portal makes them: a member as
signing up does, and an English version through Wagtail's copy for
translation that matches what wagtail-localize makes."""

import pytest
from allauth.account.models import EmailAddress
from wagtail_localize.models import TranslationSource

from community.models import Profile
from tests.factories import (
    PASSWORD,
    CaseStudyPageFactory,
    MemberFactory,
    translate,
    translate_with_localize,
)


@pytest.mark.django_db
def test_a_member_has_a_confirmed_address_and_a_profile_with_their_name():
    member = MemberFactory(username="vera", name="Вера Смирнова")

    assert member.check_password(PASSWORD)
    assert member.get_full_name() == "Вера Смирнова"
    address = EmailAddress.objects.get(user=member)
    assert (address.email, address.verified, address.primary) == (
        "vera@members.example",
        True,
        True,
    )
    profile = Profile.objects.get(user=member)
    assert (profile.display_name, profile.visibility) == ("Вера Смирнова", "members")


@pytest.mark.django_db
@pytest.mark.parametrize("how", [translate, translate_with_localize])
def test_an_english_version_is_live_with_its_region_in_english_and_its_themes_kept(
    library_ru, library_en, regions, topics, locale_en, how
):
    item = CaseStudyPageFactory(
        parent=library_ru,
        title="Патент за год",
        region=regions["ekaterinburg"],
        topics=[topics["ipr"], topics["quality-management"]],
    )

    english = how(item, title="A patent in a year")

    assert english.live and english.title == "A patent in a year"
    assert english.url == f"/en/library/{item.slug}/"
    assert english.region == regions["ekaterinburg"].get_translation(locale_en)
    # The portal shows the themes in the page's language.
    assert list(english.topics.all()) == [topics["ipr"], topics["quality-management"]]
    assert english.company_name == item.company_name  # untranslated fields are copied


@pytest.mark.django_db
def test_only_wagtail_localize_records_a_translation_source(library_ru, library_en):
    quick = CaseStudyPageFactory(parent=library_ru)
    localized = CaseStudyPageFactory(parent=library_ru)

    translate(quick, title="Quick")
    translate_with_localize(localized, title="Localized")

    assert not TranslationSource.objects.filter(object_id=quick.translation_key).exists()
    assert TranslationSource.objects.filter(object_id=localized.translation_key).exists()
