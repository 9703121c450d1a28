"""In a real browser, at a phone's width and a desktop's: a visitor answers
the self-assessment and sees the radar chart drawn on the server, inside the
viewport without horizontal scrolling, with the data table beside it, and
nothing refused by the Content-Security-Policy.

One test on purpose: a live-server test empties the database when it ends."""

import pytest

from tests.browser.conftest import new_context
from tests.factories import AssessmentPageFactory

pytestmark = pytest.mark.database_independent

WIDTHS = [(375, 740), (1280, 900)]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_radar_fits_phone_and_desktop(browser, live_server, home_ru):
    assessment = AssessmentPageFactory(parent=home_ru)
    for width, height in WIDTHS:
        context = new_context(browser, viewport={"width": width, "height": height})
        page = context.new_page()
        messages = []
        page.on("console", lambda message, seen=messages: seen.append(message.text))
        page.goto(live_server.url + assessment.url)
        questions = page.locator("fieldset.assessment-question")
        assert questions.count() == 6
        for number in range(questions.count()):
            questions.nth(number).locator("input[type=radio]").nth(number % 4).check()
        page.get_by_role("button", name="Показать мой результат").click()
        page.wait_for_url("**/self-assessment/result/")

        chart = page.locator("svg.radar")
        assert chart.is_visible()
        assert chart.get_attribute("role") == "img"
        box = chart.bounding_box()
        assert box["width"] > 200 and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert chart.locator("polygon.radar-series--current").count() == 1
        assert chart.locator("line.radar-axis").count() == 3
        # The chart's colours come from the stylesheet, not the browser's black.
        fill = chart.locator("polygon.radar-series--current").evaluate(
            "element => getComputedStyle(element).fill"
        )
        assert fill != "rgb(0, 0, 0)"
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, (width, scroll_width)
        table = page.locator("table.assessment-table")
        assert table.is_visible()
        assert table.locator("tbody tr").count() == 3
        refused = [text for text in messages if "Content Security Policy" in text]
        assert not refused, refused
        context.close()
