"""In a real browser, under the portal's Content-Security-Policy: a public
page (an online event, whose script shows the visitor's own time) works
with nothing refused, and a script injected into it does not run; an
editor logs into the admin, opens the page in the editor and its preview,
and nothing is refused there either; the public page, seen by the editor
with Wagtail's userbar, is clean too.

A walk, not a test: a second live-server test in one run finds the
database emptied by the first, so test_language_switch.py's one test walks
this too, at its end.
"""

from tests.browser.conftest import new_context
from tests.factories import PASSWORD, EventPageFactory, StaffFactory

# Every frame of the page reports each refusal of the policy to the test.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    const blocked = event.blockedURI || "inline";
    const where = location.pathname;
    window.reportViolation(`${event.effectiveDirective} refused ${blocked} on ${where}`);
});
"""
# What Chromium writes to the console when a policy refuses something or
# cannot be read.
POLICY_MESSAGES = ("Content Security Policy", "Content-Security-Policy", "Permissions-Policy")


class PolicyWatch:
    """Collects the policy violations and policy console messages of a
    browser context, from every frame (the preview is a frame)."""

    def __init__(self, context):
        self.refused = []
        context.expose_binding("reportViolation", lambda source, text: self.refused.append(text))
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", self._console)

    def _console(self, message):
        if any(words in message.text for words in POLICY_MESSAGES):
            self.refused.append(f"console: {message.text}")

    def take(self):
        refused, self.refused = self.refused, []
        return refused

    def wait_for_refusal(self, page, words, tries=50):
        """The browser reports a violation a moment after it refuses: wait,
        at most five seconds, for a report with `words` in it."""
        for _ in range(tries):
            if any(words in text for text in self.refused):
                break
            page.wait_for_timeout(100)
        return self.take()


def visitor_time_is_shown(page):
    """The events' local-time script ran: the visitor (in New York) sees the
    event's time in their own zone."""
    visitor_time = page.locator(".event-visitor-time")
    visitor_time.wait_for(state="visible")
    return visitor_time.inner_text()


INJECT_INLINE_SCRIPT = """
() => {
    const script = document.createElement("script");
    script.textContent = "window.injectedScriptRan = true;";
    document.body.appendChild(script);
    return window.injectedScriptRan === true;
}
"""


def walk_under_the_policy(browser, live_server, calendar_ru):
    webinar = EventPageFactory(parent=calendar_ru, slug="webinar", kind="online", title="Вебинар")
    editor = StaffFactory(username="csp-editor", is_superuser=True, language="en")
    context = new_context(browser, timezone_id="America/New_York")
    watch = PolicyWatch(context)
    page = context.new_page()

    # A visitor: the page and its local-time script work, nothing is refused.
    page.goto(live_server.url + webinar.url)
    assert visitor_time_is_shown(page)
    page.wait_for_load_state("networkidle")
    assert watch.take() == []

    # An injected inline script does not run, and the browser says why.
    assert page.evaluate(INJECT_INLINE_SCRIPT) is False
    refused = watch.wait_for_refusal(page, "script-src-elem refused inline")
    assert any("script-src-elem refused inline" in text for text in refused), refused

    # The editor logs into the admin.
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill(editor.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
    page.wait_for_load_state("networkidle")

    # … opens the event in the editor and its preview panel.
    page.goto(live_server.url + f"/admin/pages/{webinar.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1").filter(has_text="Вебинар").wait_for()
    assert preview.locator(".event-visitor-time").inner_text()
    page.wait_for_load_state("networkidle")
    assert watch.take() == []

    # … and sees the public page with Wagtail's userbar.
    page.goto(live_server.url + webinar.url)
    page.locator("wagtail-userbar").wait_for(state="attached")
    assert visitor_time_is_shown(page)
    page.wait_for_load_state("networkidle")
    assert watch.take() == []
    context.close()
