"""Test-run configuration that must be seen before the tests are collected.

`make test` shares whole test files out between the test processes
(--dist loadfile), so that a module's set-up, the demo or a server, is built
once. Test files whose tests share a costlier set-up (a fixture named
below) go to one process together, so that it is built once too.
(pytest-xdist's own xdist_group marks do not reach its scheduler under
pytest 9.)"""

import pytest

# A fixture -> the test files that use it, sent to one process together.
SHARED_SET_UPS = {
    # The production layout (tests/portal/layout.py): nginx, Varnish, two
    # gunicorns and the worker, with a database migrated for it.
    "production_layout": (
        "tests/portal/test_app_servers.py",
        "tests/portal/test_front_cache.py",
        "tests/portal/test_production_layout.py",
    ),
}
GROUP_OF_FILE = {path: fixture for fixture, paths in SHARED_SET_UPS.items() for path in paths}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class FileOrSharedSetUpScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid):
            path = super()._split_scope(nodeid)
            return GROUP_OF_FILE.get(path, path)

    return FileOrSharedSetUpScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """A test file that uses a shared set-up and is not listed with it would
    build it a second time in another process: stop before running."""
    unlisted = sorted(
        {
            item.nodeid.split("::", 1)[0]
            for item in items
            for fixture, paths in SHARED_SET_UPS.items()
            if fixture in getattr(item, "fixturenames", ())
            and item.nodeid.split("::", 1)[0] not in paths
        }
    )
    if unlisted:
        raise pytest.UsageError(
            f"{', '.join(unlisted)}: list in SHARED_SET_UPS (conftest.py) with the others"
        )
