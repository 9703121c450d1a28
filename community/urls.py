"""The member's own pages, under /<language>/accounts/ next to allauth's
(log-in, sign-up, password, e-mail)."""

from django.urls import path

from community.views import companies, data, profile

app_name = "community"

urlpatterns = [
    path("profile/", profile.account, name="account"),
    path("profile/edit/", profile.edit_profile, name="edit_profile"),
    path("companies/", companies.my_companies, name="my_companies"),
    path("companies/new/", companies.create_company, name="create_company"),
    path("companies/<slug:slug>/edit/", companies.edit_company, name="edit_company"),
    path("companies/<slug:slug>/members/", companies.company_members, name="company_members"),
    path(
        "companies/<slug:slug>/members/<int:pk>/remove/",
        companies.remove_member,
        name="remove_member",
    ),
    path("companies/<slug:slug>/delete/", companies.delete_company, name="delete_company"),
    path("invitations/<int:pk>/accept/", companies.accept_invitation, name="accept_invitation"),
    path("invitations/<int:pk>/decline/", companies.decline_invitation, name="decline_invitation"),
    path("memberships/<int:pk>/leave/", companies.leave_company, name="leave_company"),
    path("data/", data.my_data, name="my_data"),
    path("data/export/", data.export_data, name="export_data"),
    path("data/delete/", data.delete_account, name="delete_account"),
]
