import pytest

from tests.factories import AssessmentPageFactory, dimension_data


@pytest.fixture
def assessment_ru(home_ru, topics):
    """The Russian assessment: three dimensions (ids dim-1, dim-2, dim-3)
    of two questions (q1, q2) on four levels, each with one theme."""
    return AssessmentPageFactory(parent=home_ru, dimensions=dimensions(topics, RU_TITLES))


RU_TITLES = ["Маркетинг инноваций", "Интеллектуальная собственность", "Качество"]
EN_TITLES = ["Innovation marketing", "Intellectual property", "Quality"]
THEMES = ["innovation-marketing", "ipr", "quality-management"]


def dimensions(topics, titles, levels=None):
    options = {"levels": levels} if levels else {}
    return [
        dimension_data(number, title, [topics[theme]], **options)
        for number, (title, theme) in enumerate(zip(titles, THEMES, strict=True), start=1)
    ]


@pytest.fixture
def assessment_en(assessment_ru, home_en, topics, translator):
    """The English version: the same dimension and question ids, English titles."""
    return translator(
        assessment_ru,
        title="Self-assessment",
        dimensions=dimensions(topics, EN_TITLES, ["No", "Started", "Working", "A model"]),
    )
