"""The comment form of library items: django-comments-xtd's form, with
clear messages and the rules of the library (who may reply to what)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.forms import XtdCommentForm
from django_comments_xtd.models import XtdComment


class LibraryCommentForm(XtdCommentForm):
    """Members post under their account's name and e-mail, which the view
    fills in; the form asks only for the comment, the follow-up choice and
    (for a reply) the comment replied to."""

    def __init__(self, target_object, *args, **kwargs):
        super().__init__(target_object, *args, **kwargs)
        comment = self.fields["comment"]
        comment.label = _("Your comment")
        comment.error_messages["required"] = _("Write a comment before sending it.")
        comment.widget.attrs.update(
            {"maxlength": comment.max_length, "rows": 5, "placeholder": _("Your comment")}
        )
        self.fields["followup"].label = _("E-mail me when someone replies")
        self.fields["followup"].widget.attrs.pop("class", None)
        self.fields["comment"].widget.attrs.pop("class", None)

    def clean_reply_to(self):
        parent_id = self.cleaned_data.get("reply_to") or 0
        if not parent_id:
            return 0
        parent = (
            XtdComment.objects.filter(
                pk=parent_id,
                content_type__app_label=self.target_object._meta.app_label,
                content_type__model=self.target_object._meta.model_name,
                object_pk=str(self.target_object.pk),
                is_public=True,
                is_removed=False,
            )
            .select_related("content_type")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(_("The comment you are replying to is no longer here."))
        if not parent.allow_thread():
            raise forms.ValidationError(_("Replies can go no deeper here: reply further up."))
        return parent_id
