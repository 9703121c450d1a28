"""Fixtures of the portal-wide tests (outages, the queue, production)."""

import logging

import pytest

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
