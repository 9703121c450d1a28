"""What the routes of the people directory (PeopleIndexPage) do: the lists
of members and companies, and the page of a member and of a company."""

from django.http import Http404
from django.utils.functional import SimpleLazyObject

from community import directory
from community.forms.directory import CompanyFilterForm, MemberFilterForm
from home.pagination import page_of
from home.terms import terms_of_language

PER_PAGE = 20


def members(index, request):
    return _tab(
        index,
        request,
        index.member_profiles().listed_for(request.user).for_cards(),
        MemberFilterForm,
        directory.decorate_profiles,
        template="community/people_index_page.html",
        name="profiles",
        tab="members",
    )


def companies(index, request):
    return _tab(
        index,
        request,
        index.company_profiles().for_cards(),
        CompanyFilterForm,
        directory.decorate_companies,
        template="community/company_list.html",
        name="companies",
        tab="companies",
    )


def _tab(index, request, listed, form_class, decorate, *, template, name, tab):
    """A tab of the directory: the page of `listed` that the request asks
    for, narrowed down by the filter form and decorated for its cards,
    shown with `template` as `name`."""
    terms = terms_of_language()
    form = form_class(request.GET, terms=terms)
    filters = form.cleaned_data if form.is_valid() else {}

    def shown():
        page = page_of(request, listed.filtered(**filters), PER_PAGE)
        decorate(page, terms, index, index.get_url(request))
        return page

    return index.render(
        request,
        template=template,
        # Asked of the database only when the list's fragment is not in the
        # cache (templates/community/people_index_page.html).
        context_overrides={"form": form, name: SimpleLazyObject(shown), "tab": tab},
    )


def member(index, request, pk):
    profile = index.member_profiles().for_profile_page().filter(pk=pk).first()
    # A profile the visitor may not see is answered like one that does
    # not exist, so hidden members cannot be discovered by their number.
    if profile is None or not profile.is_visible_to(request.user):
        raise Http404
    index_url = index.get_url(request)
    directory.decorate_profiles([profile], terms_of_language(), index, index_url)
    memberships = profile.company_memberships()
    directory.link_companies([m.company for m in memberships], index, index_url)
    return index.render(
        request,
        template="community/member_profile.html",
        context_overrides={
            "profile": profile,
            "memberships": memberships,
            "languages_spoken": profile.language_names,
            "is_owner": request.user.is_authenticated and request.user.pk == profile.user_id,
        },
    )


def company(index, request, slug):
    company = index.company_profiles().for_cards().filter(slug=slug).first()
    if company is None:
        raise Http404
    memberships, hidden = company.members_shown_to(request.user)
    index_url = index.get_url(request)
    directory.decorate_companies([company], terms_of_language(), index, index_url)
    directory.link_profiles([m.user.profile for m in memberships], index, index_url)
    return index.render(
        request,
        template="community/company_profile.html",
        context_overrides={
            "company": company,
            "memberships": memberships,
            "hidden_members": hidden,
            "is_manager": company.is_managed_by(request.user),
        },
    )
