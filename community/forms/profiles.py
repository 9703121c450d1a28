"""The member's own profile form, and the name asked for at sign-up."""

from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from community.models import Profile
from community.models.profiles import SPOKEN_LANGUAGES
from community.uploads import PictureField, PictureFormMixin
from home.bot_check import HoneypotFormMixin
from home.models import Region, Topic

PHOTO_SIZE = 480


def language_choices():
    """Language names in the visitor's language: a callable, so they are
    computed when the form is shown, not when the module is imported."""
    return [(code, get_language_info(code)["name_translated"]) for code in SPOKEN_LANGUAGES]


class ProfileForm(PictureFormMixin, forms.ModelForm):
    """Everything a member may change about their profile. The member it
    belongs to comes from the session, never from the form, and any other
    posted field (owner, staff flags ...) is ignored."""

    photo = PictureField(label=_("Photo"), max_side=PHOTO_SIZE)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes of expertise"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "photo",
            "position",
            "region",
            "themes",
            "languages",
            "about",
            "visibility",
            "show_email",
            "contact_note",
        ]
        widgets = {
            "visibility": forms.RadioSelect,
            "about": forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
        }
        help_texts = {
            "display_name": _("How other members see you, for example “Anna Petrova”."),
            "about": _("A few words about your work and interests (plain text)."),
            "contact_note": _("For example “by e-mail about partnership projects”."),
            "show_email": _("Your e-mail address is never shown unless you tick this."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = Locale.get_active()
        self.fields["region"].queryset = Region.objects.filter(locale=locale)
        self.fields["themes"].queryset = Topic.objects.filter(locale=locale)
        if self.instance.pk:
            # The member may have picked terms in the other language: show
            # them ticked in this one.
            self.initial["region"] = self._in_locale(Region, self.instance.region, locale)
            keys = [topic.translation_key for topic in self.instance.themes.all()]
            self.initial["themes"] = list(
                Topic.objects.filter(translation_key__in=keys, locale=locale).values_list(
                    "pk", flat=True
                )
            )

    @staticmethod
    def _in_locale(model, term, locale):
        if term is None:
            return None
        match = model.objects.filter(translation_key=term.translation_key, locale=locale).first()
        return (match or term).pk

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter your name."), code="required")
        return name

    def save(self, commit=True):
        profile = super().save(commit=commit)
        if commit:
            user = profile.user
            # The account's name follows the profile, so e-mails and other
            # parts of the portal (comments) greet the member by it.
            user.first_name, user.last_name = profile.display_name[:150], ""
            user.save(update_fields=["first_name", "last_name"])
        return profile


class SignupDetailsForm(HoneypotFormMixin, forms.Form):
    """Asked at sign-up besides e-mail and password (allauth's
    ACCOUNT_SIGNUP_FORM_CLASS): the name other members will see; and the
    bot trap of home/bot_check.py."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Shown on your profile; you can change it later."),
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter your name."), code="required")
        return name

    def signup(self, request, user):
        # The profile itself is made once the e-mail address is confirmed
        # (see community/signals.py); until then the name waits on the account.
        user.first_name = self.cleaned_data["name"]
        user.save(update_fields=["first_name"])
