"""The form a visitor answers an assessment on: one radio group per
question, each level described. Every question must be answered with one
of its levels; a posted answer to a question the assessment does not have,
or a form of another assessment, is refused with a message of its own."""

from django import forms
from django.utils.translation import gettext_lazy as _

QUESTION_PREFIX = "q-"


class AnswersForm(forms.Form):
    assessment = forms.CharField(widget=forms.HiddenInput)

    error_messages = {
        "missing": _(
            "Please answer every question with one of its levels: %(count)s still need an answer."
        ),
        "unknown": _(
            "The answers do not belong to this assessment. Please answer the questions below."
        ),
        "choice": _("Please choose one of the levels."),
    }

    def __init__(self, *args, dimensions, assessment_key, **kwargs):
        super().__init__(*args, **kwargs)
        self.dimensions = dimensions
        self.assessment_key = str(assessment_key)
        self.fields["assessment"].initial = self.assessment_key
        for dimension in dimensions:
            for question in dimension.questions:
                self.fields[question.field_name] = forms.TypedChoiceField(
                    label=question.text,
                    choices=[(str(i), level) for i, level in enumerate(question.levels)],
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _("Please choose an answer."),
                        "invalid_choice": self.error_messages["choice"],
                    },
                )

    def groups(self):
        """[(dimension, [bound field, ...]), ...] for the template."""
        return [
            (dimension, [self[question.field_name] for question in dimension.questions])
            for dimension in self.dimensions
        ]

    def clean(self):
        cleaned = super().clean()
        known = set(self.fields)
        posted = {name for name in self.data if name.startswith(QUESTION_PREFIX)}
        # Answers without this assessment's id are another form's (an empty
        # post is only unanswered).
        forged = (posted or self.data.get("assessment")) and cleaned.get(
            "assessment"
        ) != self.assessment_key
        if posted - known or forged:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        missing = [
            name for name in known if name.startswith(QUESTION_PREFIX) and name in self.errors
        ]
        if missing:
            raise forms.ValidationError(
                self.error_messages["missing"], code="missing", params={"count": len(missing)}
            )
        return cleaned

    def answers(self):
        """{question id: level index} of a valid form."""
        return {
            question.id: self.cleaned_data[question.field_name]
            for dimension in self.dimensions
            for question in dimension.questions
        }
