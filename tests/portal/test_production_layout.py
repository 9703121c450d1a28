"""The production layout as `make production` runs it (deploy/production_trial.sh,
started once by tests/portal/layout.py for the tests that drive it): migrate
and collectstatic with production settings, then nginx (Debian's, as the
invoking user, with its pid, logs and temporary files in a folder of the
test) in front of Varnish and two gunicorns (gunicorn.conf.py), on 127.0.0.1
and free ports, with the worker that runs the queued background jobs beside
them.

nginx serves static and media files itself, refuses large bodies and tells
gunicorn the visitor's address and scheme; the portal believes those only
from nginx. Requests "from another machine" come from 127.0.0.3, an address
gunicorn does not trust. Every wait is bounded; Ctrl-C stops the servers
and the worker.

The settings are production's plus one test-only address, /__client__/
(tests/portal/production_echo_settings.py), that shows what the portal
believes about the visitor."""

import json
import os
import re
import signal
import socket
import time

import pytest

from tests.portal.layout import OUTSIDER, STOP_TIMEOUT

# The same on every database: CI runs these in the SQLite pass only.
pytestmark = pytest.mark.database_independent

FORGED = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}


@pytest.fixture
def layout(production_layout):
    return production_layout


def test_pages_come_from_gunicorn_through_nginx_with_debug_off(layout):
    status, headers, body = layout.fetch("/ru/")
    missing_status, _, missing = layout.fetch("/en/no-such-page/")

    assert status == 200
    assert b'<html lang="ru"' in body
    assert "public" in headers["Cache-Control"]
    assert layout.gunicorn_saw("/ru/")
    assert missing_status == 404
    assert b"Page not found" in missing
    assert b"Traceback" not in missing and b"URLconf" not in missing


def test_plain_http_leads_to_https(layout):
    status, headers, _ = layout.fetch("/ru/about/", port=layout.http_port, tls=False)

    assert status == 301
    assert headers["Location"] == f"https://127.0.0.1:{layout.https_port}/ru/about/"


def test_static_files_are_served_by_nginx_compressed_and_cached_for_good(layout):
    _, _, page = layout.fetch("/ru/")
    stylesheet = re.search(rb'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', page)
    assert stylesheet, "the page links the hash-named stylesheet"
    path = stylesheet.group(1).decode()

    status, headers, _ = layout.fetch(path, headers={"Accept-Encoding": "gzip"})

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert layout.nginx_saw(path)
    assert not layout.gunicorn_saw(path)


def test_image_renditions_are_served_by_nginx(layout):
    code = (
        "import io\n"
        "from PIL import Image as Picture\n"
        "from django.core.files.images import ImageFile\n"
        "from wagtail.images.models import Image\n"
        "data = io.BytesIO(); Picture.new('RGB', (120, 90), 'navy').save(data, 'PNG')\n"
        "image = Image.objects.create(title='Trial', file=ImageFile(data, name='trial.png'))\n"
        "print(image.get_rendition('fill-60x40').url)"
    )
    url = layout.manage_shell(code)
    assert url.startswith("/media/images/")

    status, headers, body = layout.fetch(url)

    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert body.startswith(b"\x89PNG")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert not layout.gunicorn_saw(url)


def test_documents_are_not_served_from_the_media_folder(layout):
    """/documents/ goes through the portal, which checks the collection's
    privacy; the file itself under /media/ is never handed out."""
    documents = layout.media / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    document = documents / "board-minutes.pdf"
    document.write_bytes(b"%PDF-1.4 private")
    try:
        status, _, body = layout.fetch("/media/documents/board-minutes.pdf")
    finally:
        document.unlink()

    assert status == 404
    assert b"private" not in body


def test_a_20_mb_body_is_refused_by_nginx(layout):
    connection = layout.connection(layout.https_port)
    try:
        connection.putrequest("POST", "/ru/accounts/login/")
        connection.putheader("Content-Length", str(20 * 1024 * 1024))
        connection.putheader("Content-Type", "application/octet-stream")
        connection.endheaders()
        connection.send(b"\0" * 65536)
        response = connection.getresponse()
        status = response.status
    finally:
        connection.close()

    assert status == 413
    assert not layout.gunicorn_saw("/ru/accounts/login/")


def test_the_visitor_address_and_https_come_from_nginx(layout):
    status, _, body = layout.fetch("/__client__/", source=OUTSIDER, headers=FORGED)

    assert status == 200
    # The address nginx saw, not nginx's own (127.0.0.1) nor the forged one.
    assert json.loads(body) == {"ip": OUTSIDER, "secure": True}


def test_forwarded_headers_sent_straight_to_gunicorn_are_not_believed(layout):
    _, _, body = layout.fetch(
        "/__client__/", port=layout.gunicorn_port, tls=False, source=OUTSIDER, headers=FORGED
    )
    page_status, page_headers, _ = layout.fetch(
        "/ru/", port=layout.gunicorn_port, tls=False, source=OUTSIDER, headers=FORGED
    )

    assert json.loads(body) == {"ip": OUTSIDER, "secure": False}
    # Not taken for HTTPS: the page is redirected there.
    assert page_status == 301
    assert page_headers["Location"] == "https://127.0.0.1/ru/"


def test_the_worker_delivers_queued_mail(layout):
    """Mail is queued by whoever sends it and delivered by the layout's
    worker: to the console, as no EMAIL_HOST is set."""
    queued = layout.manage_shell(
        "from django.core.mail import send_mail; "
        "print(send_mail('Layout worker check', 'Text', None, ['anna@members.example']))"
    )
    assert queued == "1"

    assert layout.wait_for(
        lambda: "Subject: Layout worker check" in layout.output_since_test_began()
    )


def test_ctrl_c_stops_nginx_varnish_both_gunicorns_and_the_worker(production_layout_to_stop):
    """Runs after the layout's other tests: stops it the way Ctrl-C in a
    terminal does."""
    layout = production_layout_to_stop
    returncode = layout.stop(signal.SIGINT)

    assert returncode == 130
    for port in layout.ports:
        with socket.socket() as sock, pytest.raises(ConnectionRefusedError):
            sock.connect(("127.0.0.1", port))
    # Nothing of the layout's process group is left, the worker included.
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline:
        try:
            os.killpg(layout.process.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.killpg(layout.process.pid, 0)
