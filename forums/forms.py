"""The forms members write topics and posts with, flag posts with, and
moderators' actions on the site."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forums.choices import POST_ACTIONS, TOPIC_ACTIONS, FlagReason, ModerationAction

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


# --- moderation ----------------------------------------------------------------


class FlagForm(forms.Form):
    """A member tells the moderators that a post needs them."""

    reason = forms.ChoiceField(
        label=_("Why does this post need a moderator?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose why the post needs a moderator."),
            "invalid_choice": _("Choose why the post needs a moderator."),
        },
    )
    note = forms.CharField(
        label=_("Anything moderators should know (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


UNKNOWN_ACTION = _("This moderation action is unknown.")


class PostModerationForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(action.value, action.label) for action in POST_ACTIONS],
        error_messages={"required": UNKNOWN_ACTION, "invalid_choice": UNKNOWN_ACTION},
    )
    note = forms.CharField(required=False, max_length=1000)


class TopicModerationForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(action.value, action.label) for action in TOPIC_ACTIONS],
        error_messages={"required": UNKNOWN_ACTION, "invalid_choice": UNKNOWN_ACTION},
    )
    # Where to move the topic: a board's page id.
    board = forms.IntegerField(
        label=_("Move to the board"),
        required=False,
        error_messages={"invalid": _("Choose a board to move the topic to.")},
    )
    # Which topic to merge it into: its number on this board.
    into = forms.IntegerField(
        label=_("Merge into the topic number"),
        required=False,
        min_value=1,
        error_messages={
            "invalid": _("Give the number of the topic to merge into."),
            "min_value": _("Give the number of the topic to merge into."),
        },
    )
    note = forms.CharField(required=False, max_length=1000)

    def clean(self):
        data = super().clean()
        if data.get("action") == ModerationAction.MOVE and not data.get("board"):
            self.add_error("board", _("Choose a board to move the topic to."))
        if data.get("action") == ModerationAction.MERGE and not data.get("into"):
            self.add_error("into", _("Give the number of the topic to merge into."))
        return data
