"""The demo site, built once for all the tests in this folder.

`load_demo_content` takes many seconds, and these tests only read what it
builds (or check that loading it again changes nothing). So the demo is
loaded once inside a transaction that stays open while this folder's
tests run, and is rolled back after the last one: each test still runs in
its own savepoint, and no other folder ever sees the demo. The tests are
in one module, which `--dist loadfile` keeps on one test process, so the
demo is built once per run.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    output = io.StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_site, db):
    """What `load_demo_content` printed; the demo site is in the database."""
    return demo_site
