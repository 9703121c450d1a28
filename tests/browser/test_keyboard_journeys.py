"""In a real browser, with the keyboard alone (Tab, Enter, Space, the
arrows, typing; no mouse, no clicks): sign up and confirm the address; log
in after a wrong password; comment on a case study and reply; register for
an event and cancel; filter the library and open an item; choose a page
from the search box's suggestions; switch the language.

At every step the test asserts where the focus is and that it can be seen
(the focused element has an outline or a shadow), and after each action
that the focus lands on what the action produced (static/js/focus.js):
the error summary, the new comment, the page's messages, the filtered
count.

One test walks every journey, each in a fresh browser (no cookies) and
with its own data: a second live-server test in the module would find the
database emptied by the first (see tests/browser/policy_walk.py).
"""

import re
from contextlib import contextmanager

import pytest
from django.core import mail

from home.demo import child_page
from home.models import StandardPage
from library.models import ItemType
from rusmeco_events.models import Registration
from tests.browser.conftest import new_context
from tests.factories import (
    PASSWORD,
    ArticlePageFactory,
    CaseStudyPageFactory,
    EventPageFactory,
    MemberFactory,
)

# The same on every database: CI runs these in the SQLite pass only.
pytestmark = pytest.mark.database_independent

# How far Tab may go to reach an element before the test gives up: the
# header has about eight stops, a page's content a few dozen at most.
TAB_LIMIT = 40

# Where the focus is, and whether it shows: an outline or a box shadow.
FOCUS_STATE = """(wanted) => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    const text = (element.innerText || element.value || element.getAttribute("aria-label") || "");
    return {
        on_wanted: wanted === element,
        shown: Boolean(outline || shadow),
        what: `<${element.tagName.toLowerCase()} id="${element.id}" class="${element.className}"> `
            + text.trim().slice(0, 60),
    };
}"""


def assert_focus_on(locator):
    """The focus is on `locator`, and the visitor can see it."""
    locator.wait_for(state="attached")
    state = locator.evaluate(FOCUS_STATE)
    assert state["on_wanted"], f"the focus is on {state['what']}"
    assert state["shown"], f"the focus on {state['what']} cannot be seen"


def tab_to(page, locator, key="Tab"):
    """Press Tab (or Shift+Tab) until the focus reaches `locator`; every
    element the focus passes on the way must show it."""
    locator.wait_for(state="attached")
    for _ in range(TAB_LIMIT):
        page.keyboard.press(key)
        state = locator.evaluate(FOCUS_STATE)
        assert state["shown"], f"the focus on {state['what']} cannot be seen"
        if state["on_wanted"]:
            return
    raise AssertionError(f"{key} never reached {locator}; the focus is on {state['what']}")


def skip_to_main(page):
    """From the top of a freshly opened page: the first Tab stop is the skip
    link, and Enter takes the focus to the page's main content."""
    skip_link = page.locator("a.skip-link")
    page.keyboard.press("Tab")
    assert_focus_on(skip_link)
    page.keyboard.press("Enter")
    main = page.locator("main#main")
    # The ring around the whole content is left out on purpose (portal.css).
    assert main.evaluate("el => el === document.activeElement")


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)


def messages_have_focus(page, words):
    messages = page.locator("#messages")
    assert_focus_on(messages)
    assert messages.evaluate("el => el.closest('[role=status], [role=alert]') !== null")
    assert words in messages.inner_text()


def log_in(page, live_server, email, password=PASSWORD):
    """From the home page, by the header's "Log in" link."""
    page.goto(live_server.url + "/ru/")
    tab_to(page, page.locator(".account-links").get_by_role("link", name="Войти"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/accounts/login/**")
    type_into(page, page.locator("#id_login"), email)
    type_into(page, page.locator("#id_password"), password)
    page.keyboard.press("Enter")


# --- a) sign up and confirm the address --------------------------------------


def sign_up_and_confirm_the_address(page, live_server):
    page.goto(live_server.url + "/ru/")
    tab_to(page, page.locator(".account-links").get_by_role("link", name="Регистрация"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/accounts/signup/")

    # Passwords that differ: the form comes back with the focus on the
    # field in error; or, where a summary above the form lists the errors,
    # on the summary, whose link leads to the field.
    type_into(page, page.locator("#id_email"), "vera@members.example")
    type_into(page, page.locator("#id_name"), "Вера Новикова")
    type_into(page, page.locator("#id_password1"), PASSWORD)
    type_into(page, page.locator("#id_password2"), PASSWORD + "x")
    page.keyboard.press("Enter")
    page.locator(".field-error").wait_for()
    invalid = page.locator("#id_password2")
    assert invalid.get_attribute("aria-invalid") == "true"
    summary = page.locator(".form-errors")
    if summary.count():
        assert_focus_on(summary)
        assert summary.get_attribute("role") == "alert"
        tab_to(page, summary.locator("a[href='#id_password2']"))
        page.keyboard.press("Enter")
    assert_focus_on(invalid)

    # Back to the first password (its value is not sent back), both again.
    page.keyboard.press("Shift+Tab")
    assert_focus_on(page.locator("#id_password1"))
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert_focus_on(invalid)
    page.keyboard.type(PASSWORD)
    tab_to(page, page.get_by_role("button", name="Регистрация"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/accounts/confirm-email/")
    messages_have_focus(page, "vera@members.example")

    # The link of the e-mail, typed into the address bar.
    link = re.search(r"(/ru/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(live_server.url + link)
    tab_to(page, page.get_by_role("button", name="Подтвердить"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "confirm-email" not in url)
    messages_have_focus(page, "vera@members.example")
    assert "Вера Новикова" in page.locator(".account-links").inner_text()


# --- b) and c) log in after a wrong password; comment and reply --------------


def log_in_then_comment_and_reply(page, live_server, library_ru):
    case = CaseStudyPageFactory(parent=library_ru, slug="sensors", title="Датчики давления")
    MemberFactory(username="anna", name="Анна Соколова")

    # A wrong password: the error is announced and has the focus.
    log_in(page, live_server, "anna@members.example", password="wrong-password")
    summary = page.locator(".form-errors")
    summary.wait_for()
    assert_focus_on(summary)
    assert summary.get_attribute("role") == "alert"

    # The address stays; the right password this time.
    tab_to(page, page.locator("#id_login"))
    assert page.locator("#id_login").input_value() == "anna@members.example"
    type_into(page, page.locator("#id_password"), PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/ru/")
    assert "Анна Соколова" in page.locator(".account-links").inner_text()

    # A comment: after sending, the focus is on it, read with the message.
    page.goto(live_server.url + case.url)
    skip_to_main(page)
    type_into(page, page.locator("#comment-text-0"), "Мы тоже ставили такие датчики.")
    tab_to(page, page.get_by_role("button", name="Отправить комментарий"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*#c\d+$"))
    comment = page.locator(f"#{page.url.rsplit('#', 1)[1]}")
    assert_focus_on(comment)
    assert "Мы тоже ставили такие датчики." in comment.inner_text()
    assert comment.get_attribute("aria-describedby") == "messages"
    assert "опубликован" in page.locator("#messages").inner_text()

    # A reply: from the comment, Tab reaches "Reply"; Enter opens the form.
    reply = comment.locator("summary", has_text="Ответить")
    page.keyboard.press("Tab")
    assert_focus_on(reply)
    page.keyboard.press("Enter")
    reply_text = comment.locator("textarea")
    page.keyboard.press("Tab")
    assert_focus_on(reply_text)
    page.keyboard.type("А какой у них срок службы?")
    tab_to(page, comment.get_by_role("button", name="Отправить ответ"))
    page.keyboard.press("Enter")
    commented = page.url
    page.wait_for_url(lambda url: url != commented and re.search(r"#c\d+$", url))
    answer = page.locator(f"#{page.url.rsplit('#', 1)[1]}")
    assert_focus_on(answer)
    assert "А какой у них срок службы?" in answer.inner_text()
    assert page.locator(".comment-replies > li").count() == 1


# --- d) register for an event and cancel -------------------------------------


def register_for_an_event_and_cancel(page, live_server, calendar_ru):
    event = EventPageFactory(parent=calendar_ru, slug="meetup", title="Встреча в Москве")
    member = MemberFactory(username="boris", name="Борис Орлов")
    log_in(page, live_server, "boris@members.example")
    page.wait_for_url(live_server.url + "/ru/")

    page.goto(live_server.url + event.url)
    skip_to_main(page)
    tab_to(page, page.get_by_role("button", name="Зарегистрироваться"))
    page.keyboard.press("Enter")
    page.locator("#messages").wait_for()
    messages_have_focus(page, "зарегистрированы")
    assert Registration.objects.filter(event=event, user=member).exists()

    tab_to(page, page.get_by_role("button", name="Отменить регистрацию"))
    page.keyboard.press("Space")
    page.locator("#messages", has_text="отменена").wait_for()
    messages_have_focus(page, "отменена")
    assert page.get_by_role("button", name="Зарегистрироваться").count() == 1


# --- e) filter the library and open an item ----------------------------------


def filter_the_library_and_open_an_item(page, live_server, library_ru):
    CaseStudyPageFactory(parent=library_ru, slug="case", title="Кейс о датчиках")
    article = ArticlePageFactory(
        parent=library_ru, slug="article", title="Статья о патентах", item_type=ItemType.ARTICLE
    )

    page.goto(live_server.url + library_ru.url)
    skip_to_main(page)
    kind = page.locator("#id_type")
    tab_to(page, kind)
    # Down the closed list: "All", "Case study", then "Article".
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert kind.input_value() == "article"
    tab_to(page, page.get_by_role("button", name="Показать"))
    page.keyboard.press("Enter")
    page.wait_for_url("**type=article**")

    # The count of what the filter left has the focus.
    count = page.locator(".result-count")
    assert_focus_on(count)
    assert count.inner_text().startswith("1 ")
    page.keyboard.press("Tab")
    assert_focus_on(count.get_by_role("link", name="Сбросить фильтры"))
    page.keyboard.press("Tab")
    assert_focus_on(page.locator(".library-cards").get_by_role("link", name=article.title))
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + article.url)
    assert page.locator("h1").inner_text() == article.title


# --- f) the search box's suggestions -----------------------------------------


def choose_a_search_suggestion(page, live_server, home_ru):
    for slug, title in [("quality", "Управление качеством"), ("knowledge", "Управление знаниями")]:
        child_page(home_ru, StandardPage, slug, title=title)

    page.goto(live_server.url + "/ru/")
    box = page.locator("#header-search-input")
    tab_to(page, box)
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    assert listbox.get_attribute("role") == "listbox"

    page.keyboard.type("управ")
    listbox.wait_for(state="visible")
    options = listbox.get_by_role("option")
    assert options.count() == 2
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-activedescendant") is None
    # Screen readers hear how many suggestions appeared.
    status = page.locator(".header-search [role=status]")
    assert status.inner_text() == "Подсказок: 2. Выберите стрелками вверх и вниз."

    # Down and up through the suggestions; the focus stays in the box.
    def chosen():
        return page.locator("#" + box.get_attribute("aria-activedescendant"))

    page.keyboard.press("ArrowDown")
    assert chosen().get_attribute("aria-selected") == "true"
    assert chosen().evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    assert chosen().inner_text() == options.nth(0).inner_text()
    page.keyboard.press("ArrowDown")
    assert chosen().inner_text() == options.nth(1).inner_text()
    assert options.nth(0).get_attribute("aria-selected") == "false"
    page.keyboard.press("ArrowUp")
    assert chosen().inner_text() == options.nth(0).inner_text()
    assert_focus_on(box)

    # Escape closes the list; Down opens it again.
    page.keyboard.press("Escape")
    listbox.wait_for(state="hidden")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert status.inner_text() == ""
    assert_focus_on(box)
    page.keyboard.press("ArrowDown")
    listbox.wait_for(state="visible")

    # Enter opens the chosen suggestion.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    title = chosen().inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/search/" not in url and url != live_server.url + "/ru/")
    assert page.locator("h1").inner_text() == title


# --- g) switch the language ---------------------------------------------------


def switch_the_language(page, live_server):
    page.goto(live_server.url + "/ru/about/")
    tab_to(page, page.locator(".language-switcher a[data-language=en]"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/about/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "About the project"

    # The English page from its top: the skip link, then back to Russian.
    page.keyboard.press("Tab")
    assert_focus_on(page.get_by_role("link", name="Skip to main content"))
    tab_to(page, page.locator(".language-switcher a[data-language=ru]"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/about/")
    assert page.locator("html").get_attribute("lang") == "ru"


# --- the walk -------------------------------------------------------------------


@contextmanager
def fresh_page(browser):
    context = new_context(browser)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_journey_with_the_keyboard_alone(
    browser, live_server, home_ru, about_en, library_ru, calendar_ru
):
    journeys = [
        (sign_up_and_confirm_the_address, {}),
        (log_in_then_comment_and_reply, {"library_ru": library_ru}),
        (register_for_an_event_and_cancel, {"calendar_ru": calendar_ru}),
        (filter_the_library_and_open_an_item, {"library_ru": library_ru}),
        (choose_a_search_suggestion, {"home_ru": home_ru}),
        (switch_the_language, {}),
    ]
    for journey, data in journeys:
        with fresh_page(browser) as page:
            journey(page, live_server, **data)
