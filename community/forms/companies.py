"""Forms of company managers: the company profile and invitations."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from community.models import Company, Role
from community.uploads import PictureField, PictureFormMixin
from home.models import Region

LOGO_SIZE = 400


class CompanyForm(PictureFormMixin, forms.ModelForm):
    """The company profile. Who manages it is decided by memberships,
    never by the form."""

    logo = PictureField(label=_("Logo"), max_side=LOGO_SIZE)
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

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter the company's name."), code="required")
        return name


class InviteForm(forms.Form):
    """A manager invites a member by e-mail address. The answer is the same
    whether or not the address belongs to a member, so the form cannot be
    used to find out who has an account."""

    email = forms.EmailField(label=_("Member's e-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)
