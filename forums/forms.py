"""The forms members write topics and posts with."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_POST_LENGTH = 20_000


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your post"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=MAX_POST_LENGTH,
        help_text=_("Markdown: **bold**, *italic*, > quote, `code`, [link](https://…), @name."),
        error_messages={
            "required": _("Write something before posting."),
            "max_length": _(
                "A post may be at most %(limit_value)d characters long (it has %(show_value)d)."
            ),
        },
    )


class TopicForm(PostForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Give the topic a title.")},
    )

    field_order = ["title", "body"]
