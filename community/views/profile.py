"""The member's account overview and profile form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from community.forms.profiles import ProfileForm
from community.links import profile_url
from community.models import Profile


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
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=profile)
        if form.is_valid():
            with transaction.atomic():
                form.save()
            messages.success(request, _("Your profile has been saved."))
            return redirect("community:account")
        messages.error(request, _("Please correct the errors below."))
    else:
        form = ProfileForm(instance=profile)
    return render(
        request,
        "community/profile_form.html",
        {"form": form, "profile": profile, "profile_url": profile_url(request, profile)},
    )
