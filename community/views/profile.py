"""The member's account overview and profile form."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from community.forms.profiles import ProfileForm
from community.links import profile_url
from community.models import Profile
from community.views.saving import save_posted_form


@never_cache
@login_required
def account(request):
    profile = Profile.objects.ensure_for(request.user)
    invitations = request.user.company_memberships.pending().select_related("company")
    return render(
        request,
        "community/account.html",
        {
            "profile": profile,
            "profile_url": profile_url(request, profile),
            "invitations": list(invitations),
        },
    )


@never_cache
@login_required
def edit_profile(request):
    # Always the signed-in member's own profile: there is no profile id to
    # tamper with.
    profile = Profile.objects.ensure_for(request.user)
    form, saved = save_posted_form(
        request, ProfileForm, _("Your profile has been saved."), instance=profile
    )
    if saved is not None:
        return redirect("community:account")
    return render(
        request,
        "community/profile_form.html",
        {"form": form, "profile": profile, "profile_url": profile_url(request, profile)},
    )
