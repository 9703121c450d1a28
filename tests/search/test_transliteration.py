"""Names written in the other script, as English texts spell Russian names
and back (search/transliteration.py)."""

import pytest

from search.expansion import names_in
from search.transliteration import other_script

pytestmark = pytest.mark.database_independent


@pytest.mark.parametrize(
    ("typed", "spelled"),
    [
        ("иванов", "ivanov"),
        ("жуков", "zhukov"),
        ("цветаева", "tsvetaeva"),
        ("ivanov", "иванов"),
        ("petrova", "петрова"),
        ("shchukin", "щукин"),
        ("dostoevsky", "достоевский"),
        ("sergei", "сергей"),
        ("nikolai", "николай"),
        ("maria", "мария"),
        ("schmidt", "шмидт"),
    ],
)
def test_names_are_spelled_in_the_other_script(typed, spelled):
    assert other_script(typed) == spelled


@pytest.mark.parametrize("word", ["ab", "r2d2", "ivanovа", "123"])
def test_short_mixed_or_non_letter_words_are_left_alone(word):
    assert other_script(word) is None


def test_names_are_the_capitalised_words_folded():
    assert names_in("Пётр и Ivanov, патент") == {"петр", "ivanov"}
