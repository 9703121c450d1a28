"""Company pages of the member's account: their companies and
invitations, and the manager's forms.

Every view finds the company through the signed-in member's own
memberships: a member who does not manage the company (or an invitation
that is not theirs) gets 404, whatever id or slug is in the URL.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from community import memberships as rules
from community.forms.companies import CompanyForm, InviteForm
from community.links import company_url
from community.models import Company, CompanyMembership, Role
from community.views.saving import save_posted_form


def managed_company(request, slug):
    return get_object_or_404(
        Company,
        slug=slug,
        memberships__user=request.user,
        memberships__role=Role.MANAGER,
        memberships__accepted=True,
    )


@never_cache
@login_required
def my_companies(request):
    memberships = request.user.company_memberships.select_related("company").order_by(
        "accepted", "company__search_name"
    )
    return render(request, "community/my_companies.html", {"memberships": list(memberships)})


@never_cache
@login_required
def create_company(request):
    def make_manager(company):
        CompanyMembership.objects.create(
            company=company, user=request.user, role=Role.MANAGER, accepted=True
        )

    form, company = save_posted_form(
        request,
        CompanyForm,
        _("The company has been created. You are its manager."),
        after_save=make_manager,
    )
    if company is not None:
        return redirect("community:company_members", slug=company.slug)
    return render(request, "community/company_form.html", {"form": form, "company": None})


@never_cache
@login_required
def edit_company(request, slug):
    company = managed_company(request, slug)
    form, saved = save_posted_form(
        request, CompanyForm, _("The company profile has been saved."), instance=company
    )
    if saved is not None:
        return redirect("community:my_companies")
    return render(
        request,
        "community/company_form.html",
        {"form": form, "company": company, "company_url": company_url(request, company)},
    )


@never_cache
@login_required
def company_members(request, slug):
    company = managed_company(request, slug)
    if request.method == "POST":
        form = InviteForm(request.POST)
        if form.is_valid():
            rules.invite(
                company,
                form.cleaned_data["email"],
                form.cleaned_data["role"],
                invited_by=request.user,
            )
            messages.success(
                request,
                _(
                    "If a member of the portal has this e-mail address, they have been "
                    "invited and will join once they accept."
                ),
            )
            return redirect("community:company_members", slug=company.slug)
    else:
        form = InviteForm()
    memberships = company.memberships.select_related("user", "user__profile").order_by(
        "-accepted", "role", "created_at"
    )
    return render(
        request,
        "community/company_members.html",
        {
            "company": company,
            "memberships": list(memberships),
            "form": form,
            "company_url": company_url(request, company),
        },
    )


@require_POST
@login_required
def remove_member(request, slug, pk):
    company = managed_company(request, slug)
    membership = get_object_or_404(CompanyMembership, pk=pk, company=company)
    try:
        rules.remove(membership)
    except rules.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The member has been removed from the company."))
    if membership.user_id == request.user.pk and not company.is_managed_by(request.user):
        return redirect("community:my_companies")
    return redirect("community:company_members", slug=company.slug)


@never_cache
@login_required
def delete_company(request, slug):
    company = managed_company(request, slug)
    if request.method == "POST":
        company.delete()
        messages.success(request, _("The company has been deleted."))
        return redirect("community:my_companies")
    return render(request, "community/company_delete.html", {"company": company})


def own_membership(request, pk, accepted):
    membership = (
        CompanyMembership.objects.filter(pk=pk, user=request.user, accepted=accepted)
        .select_related("company")
        .first()
    )
    if membership is None:
        raise Http404
    return membership


@require_POST
@login_required
def accept_invitation(request, pk):
    membership = own_membership(request, pk, accepted=False)
    rules.accept(membership)
    messages.success(
        request, _("You have joined %(company)s.") % {"company": membership.company.name}
    )
    return redirect("community:my_companies")


@require_POST
@login_required
def decline_invitation(request, pk):
    membership = own_membership(request, pk, accepted=False)
    membership.delete()
    messages.success(request, _("The invitation has been declined."))
    return redirect("community:my_companies")


@require_POST
@login_required
def leave_company(request, pk):
    membership = own_membership(request, pk, accepted=True)
    try:
        rules.leave(membership)
    except rules.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("You have left %(company)s.") % {"company": membership.company.name}
        )
    return redirect("community:my_companies")
