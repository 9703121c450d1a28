"""When the Russian source of a translated item changes, a coordinator
syncs the translation ("Sync translated pages"): the changed text comes
through, and the human translations of the unchanged text survive."""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation, TranslationSource

from home.demo import translate
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.localize


@pytest.mark.django_db
def test_a_sync_keeps_human_edits_of_unchanged_text(
    client, library_ru, library_en, regions, topics, locale_en, staff
):
    item = CaseStudyPageFactory(parent=library_ru, title="Кейс")
    english = translate(item, "en", {"Кейс": "Case", item.summary: "A machine summary."})
    # A coordinator corrects the English summary by hand.
    StringTranslation.objects.filter(locale=locale_en, data="A machine summary.").update(
        data="A summary put right by hand."
    )
    source = TranslationSource.objects.get_for_instance(item)
    source.translations.get(target_locale=locale_en).save_target(publish=True)
    english.refresh_from_db()
    assert english.summary == "A summary put right by hand."

    # The Russian title changes; the summary does not.
    item.title = "Кейс, дополненный"
    item.save_revision().publish()
    client.force_login(staff["admin"])
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.summary == "A summary put right by hand."
    assert english.title == "Кейс, дополненный"  # not translated yet: the source shows
