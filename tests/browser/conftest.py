"""Browser tests drive Debian's Chromium (/usr/bin/chromium) through
Playwright for Python; no browser is ever downloaded. `make test` installs
the Debian package when it is missing."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API runs an event loop in this thread; the
    # test itself only touches the database between browser calls. Set for
    # this module only: Django's deploy check rightly refuses it elsewhere.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def new_context(browser, **options):
    """A fresh browser (no cookies) that prefers Russian; `options` are
    Playwright's, e.g. timezone_id="America/New_York"."""
    context = browser.new_context(
        **{"locale": "ru-RU", "viewport": {"width": 1280, "height": 900}, **options}
    )
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def page(browser):
    context = new_context(browser)
    page = context.new_page()
    yield page
    context.close()
