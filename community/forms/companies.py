"""Forms of company managers: the company profile and invitations."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from community.models import Company, Role
from community.uploads import PictureField
from home.models import Region

LOGO_SIZE = 400


class CompanyForm(forms.ModelForm):
    """The company profile. Who manages it is decided by memberships,
    never by the form."""

    logo = PictureField(
        label=_("Logo"),
        required=False,
        max_side=LOGO_SIZE,
        help_text=_("A JPEG, PNG, GIF or WebP picture of at most 5 MB."),
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = Company
        fields = ["name", "logo", "region", "sector", "size", "description", "website"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8, "maxlength": 3000}),
        }
        help_texts = {
            "description": _("What the company does and what it is looking for (plain text)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = Locale.get_active()
        self.fields["region"].queryset = Region.objects.filter(locale=locale)
        region = self.instance.region if self.instance.pk else None
        if region is not None:
            match = Region.objects.filter(
                translation_key=region.translation_key, locale=locale
            ).first()
            self.initial["region"] = (match or region).pk
        self._old_logo = self.instance.logo.name if self.instance.pk else ""

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter the company's name."), code="required")
        return name

    def save(self, commit=True):
        company = super().save(commit=commit)
        old = self._old_logo
        if commit and old and old != company.logo.name:
            storage = company.logo.storage
            transaction.on_commit(lambda: storage.delete(old))
        return company


class InviteForm(forms.Form):
    """A manager invites a member by e-mail address. The answer is the same
    whether or not the address belongs to a member, so the form cannot be
    used to find out who has an account."""

    email = forms.EmailField(label=_("Member's e-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
