# Fixtures shared with the search and the machine translation tests.
from tests.home.test_machine_translation import english_draft, superuser  # noqa: F401
from tests.search.conftest import make_page  # noqa: F401
