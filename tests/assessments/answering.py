"""Answers to the test assessment (tests/assessments/conftest.py): three
dimensions (dim-1, dim-2, dim-3) of two questions (q1, q2) on four levels."""

DIMENSIONS = ["dim-1", "dim-2", "dim-3"]


def answers(page, levels=None, **extra):
    """The form's data: `levels` maps a dimension id to its two answers
    (level indexes); unlisted dimensions answer (1, 2), a score of 50."""
    levels = levels or {}
    data = {"assessment": str(page.translation_key)}
    for dimension in DIMENSIONS:
        first, second = levels.get(dimension, (1, 2))
        data[f"q-{dimension}-q1"] = str(first)
        data[f"q-{dimension}-q2"] = str(second)
    data.update(extra)
    return data


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)
