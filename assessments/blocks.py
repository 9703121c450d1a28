"""The blocks an assessment is built from: dimensions, each with its
questions on a scale of described levels.

A dimension's block id is the dimension's identity in every language:
wagtail-localize keeps block ids in translations, so scores are kept by
that id and a result taken in Russian shows in English too. Questions are
ListBlock items, whose ids are kept the same way. The themes are home.Topic
snippets; the portal matches content by the theme's slug, the same in both
languages, so either language's version of a theme will do.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("question"), max_length=300)
    levels = blocks.ListBlock(
        blocks.CharBlock(label=_("level"), max_length=300),
        label=_("levels, lowest first"),
        min_num=2,
        max_num=7,
        help_text=_("Describe each level of the scale, from the lowest to the highest."),
    )

    class Meta:
        icon = "help"
        label = _("Question")


class DimensionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    description = blocks.TextBlock(label=_("short description"), max_length=600, required=False)
    themes = blocks.ListBlock(SnippetChooserBlock("home.Topic"), label=_("themes"), required=False)
    advice_low = blocks.TextBlock(label=_("advice for a low score (under 40)"), max_length=1200)
    advice_medium = blocks.TextBlock(
        label=_("advice for a medium score (40 to 69)"), max_length=1200
    )
    advice_high = blocks.TextBlock(
        label=_("advice for a high score (70 and more)"), max_length=1200
    )
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Dimension")
        preview_value = {
            "title": "Управление инновациями",
            "description": "Как компания выбирает и ведёт инновационные проекты.",
            "advice_low": "Начните с простого списка идей и ответственного за него.",
            "advice_medium": "Введите регулярный отбор проектов по понятным критериям.",
            "advice_high": "Поделитесь опытом с коллегами по сообществу.",
            "questions": [
                {
                    "text": "Есть ли у компании процесс отбора идей?",
                    "levels": ["Нет", "Время от времени", "Да, регулярно", "Да, с оценкой"],
                }
            ],
        }


class DimensionsBlock(blocks.StreamBlock):
    dimension = DimensionBlock()
