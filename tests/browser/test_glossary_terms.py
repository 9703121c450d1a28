"""In a real browser: a glossary term marked on a case study shows its
translation when the pointer rests on it and when the keyboard reaches it,
hides again after or when Escape is pressed, under the site's Content-Security-Policy.

One test on purpose: a live-server test empties the database when it ends."""

import pytest

from glossary.models import MarkedTerms
from tests.factories import CaseStudyPageFactory, GlossaryTermFactory

pytestmark = pytest.mark.database_independent


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_marked_term_shows_its_translation_on_hover_and_focus(page, live_server, library_ru):
    term = GlossaryTermFactory(
        term_ru="интеллектуальная собственность",
        term_en="intellectual property",
        definition_ru="Права на результаты творческой деятельности.",
    )
    case_study = CaseStudyPageFactory(
        parent=library_ru,
        situation=[("paragraph", "<p>Мы берегли интеллектуальную собственность компании.</p>")],
    )
    marked = MarkedTerms.objects.create(page=case_study)
    marked.terms.set([term])
    marked.save()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    page.goto(live_server.url + case_study.url)

    marked_term = page.locator(".glossary-term")
    tip = page.get_by_role("tooltip")
    assert marked_term.inner_text().startswith("интеллектуальную собственность")
    assert not tip.is_visible()

    marked_term.hover()
    tip.wait_for(state="visible")
    assert "intellectual property" in tip.inner_text()

    # The pointer may move onto the tip without it vanishing, and Escape
    # hides it where the pointer rests.
    tip.hover()
    assert tip.is_visible()
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    page.mouse.move(0, 0)
    marked_term.hover()
    tip.wait_for(state="visible")
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")

    # From the keyboard: the term takes focus and describes itself by its tip.
    marked_term.focus()
    tip.wait_for(state="visible")
    assert page.evaluate(
        "document.activeElement.getAttribute('aria-describedby')"
    ) == tip.get_attribute("id")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.classList.contains('glossary-term')")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    tip.wait_for(state="visible")
    page.keyboard.press("Tab")
    tip.wait_for(state="hidden")
    assert errors == []
