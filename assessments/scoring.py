"""An assessment's structure as plain data, and the scores of answers.

    dimensions = dimensions_of(page.dimensions)
    scores = score(dimensions, {question_id: level_index, ...})

A question's answer is the index of the chosen level (0 the lowest); each
answer counts as its share of the scale (0–100) and a dimension's score is
the mean of its answers, rounded to a whole number. Scores are kept by the
dimension's block id, the same in every language (assessments/blocks.py).
"""

from dataclasses import dataclass, field

# Groups smaller than this are never shown: not to members (benchmark) nor
# to coordinators (report).
MIN_GROUP = 5
LOW_BELOW = 40
HIGH_FROM = 70


@dataclass
class Question:
    id: str
    text: str
    levels: list

    @property
    def field_name(self):
        return f"q-{self.id}"


@dataclass
class Dimension:
    id: str
    title: str
    description: str
    theme_slugs: list
    advice: dict
    questions: list = field(default_factory=list)


def _item_ids(list_value):
    """(id, value) of each item of a ListBlock's value; an item without an
    id (never saved) is known by its place."""
    bound = getattr(list_value, "bound_blocks", None)
    if bound is None:
        return [(str(number), value) for number, value in enumerate(list_value)]
    return [(item.id or str(number), item.value) for number, item in enumerate(bound)]


def dimensions_of(stream):
    """The dimensions of an assessment's StreamField value."""
    dimensions = []
    for child in stream:
        if child.block_type != "dimension":
            continue
        value = child.value
        dimension = Dimension(
            id=child.id,
            title=value["title"],
            description=value.get("description") or "",
            theme_slugs=[topic.slug for topic in value.get("themes") or [] if topic is not None],
            advice={
                "low": value.get("advice_low") or "",
                "medium": value.get("advice_medium") or "",
                "high": value.get("advice_high") or "",
            },
        )
        for question_id, question in _item_ids(value["questions"]):
            dimension.questions.append(
                Question(
                    id=f"{child.id}-{question_id}",
                    text=question["text"],
                    levels=list(question["levels"]),
                )
            )
        dimensions.append(dimension)
    return dimensions


def scaled(level, level_count):
    """A level's share of its scale, 0–100."""
    return 100 * level / (level_count - 1) if level_count > 1 else 0


def score(dimensions, answers):
    """{dimension id: 0–100} from {question id: level index}. Every
    question must be answered (the form sees to it)."""
    scores = {}
    for dimension in dimensions:
        if not dimension.questions:
            continue
        values = [
            scaled(answers[question.id], len(question.levels)) for question in dimension.questions
        ]
        scores[dimension.id] = round(sum(values) / len(values))
    return scores


def band(value):
    """ "low", "medium" or "high" for a score."""
    if value < LOW_BELOW:
        return "low"
    if value < HIGH_FROM:
        return "medium"
    return "high"


def weakest(dimensions, scores, count=2):
    """The `count` dimensions with the lowest scores (the first in the
    assessment's order on a tie)."""
    scored = [dimension for dimension in dimensions if dimension.id in scores]
    return sorted(scored, key=lambda dimension: scores[dimension.id])[:count]


def averages(score_dicts, dimension_ids):
    """{dimension id: mean score rounded} over several results' scores;
    a dimension no result has is left out."""
    found = {}
    for dimension_id in dimension_ids:
        values = [
            scores[dimension_id]
            for scores in score_dicts
            if isinstance(scores.get(dimension_id), int | float)
        ]
        if values:
            found[dimension_id] = round(sum(values) / len(values))
    return found
