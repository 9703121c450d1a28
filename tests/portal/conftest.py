"""Fixtures of the portal-wide tests (outages, the queue, production)."""

import logging

import pytest

from tests.portal.layout import SharedLayout
from tests.services import free_port


@pytest.fixture
def mail_server_down(settings, caplog):
    """Deliveries go to SMTP on a closed port on 127.0.0.1; returns the log
    (warnings and up), where failed sends and retries are written."""
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    caplog.set_level(logging.WARNING)
    return caplog


@pytest.fixture(scope="session")
def shared_production_layout(tmp_path_factory):
    shared = SharedLayout(tmp_path_factory)
    try:
        yield shared
    finally:
        shared.close()


@pytest.fixture
def production_layout(shared_production_layout):
    """The production layout (tests/portal/layout.py), started by the first
    test of the session that asks for it, with empty caches for this test."""
    layout = shared_production_layout.running()
    layout.begin_test()
    return layout


@pytest.fixture
def production_layout_to_stop(production_layout):
    """The layout, for a test that stops it: such tests run after every
    other test of the layout (see below); a test after them would get a
    new one."""
    return production_layout


def pytest_collection_modifyitems(config, items):
    """The tests of the layout run one after another, where the first of
    them was collected, so that it is started once and runs no longer than
    they need; those that stop it come last."""
    uses = [item for item in items if "production_layout" in getattr(item, "fixturenames", ())]
    if not uses:
        return
    first = items.index(uses[0])
    stopping = [item for item in uses if "production_layout_to_stop" in item.fixturenames]
    block = [item for item in uses if item not in stopping] + stopping
    rest = [item for item in items if item not in block]
    items[:] = rest[:first] + block + rest[first:]
