from tests.search.conftest import make_page  # noqa: F401 (a fixture)
