"""Signal receivers: a profile once the e-mail address is confirmed, the
time and session of each log-in (for reauthentication and for ending a
deleted member's sessions), uploaded pictures removed from storage with
the rows that use them, and a new region page's permissions for its
region's coordinators."""

from allauth.account.signals import email_confirmed
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from community import home_sections, permissions, reauthentication, sessions
from community.models import Company, Profile, RegionIndexPage, RegionPage
from home.workflows import assign_regional_review


def create_profile(request, email_address, **kwargs):
    Profile.objects.ensure_for(email_address.user)


def delete_file_on_commit(field_file):
    """Remove a stored file once the deletion that dropped it is committed
    (a rolled-back deletion keeps its file)."""
    name, storage = field_file.name, field_file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def profile_deleted(sender, instance, **kwargs):
    delete_file_on_commit(instance.photo)


def company_deleted(sender, instance, **kwargs):
    delete_file_on_commit(instance.logo)


def connect():
    email_confirmed.connect(create_profile, dispatch_uid="community-create-profile")
    user_logged_in.connect(reauthentication.record_log_in, dispatch_uid="community-log-in-time")
    user_logged_in.connect(sessions.remember_session, dispatch_uid="community-log-in-session")
    post_delete.connect(profile_deleted, sender=Profile, dispatch_uid="community-profile-file")
    post_delete.connect(company_deleted, sender=Company, dispatch_uid="community-company-file")
    # Home page sections are cached briefly; a change to who is listed
    # shows at once.
    forget = home_sections.PROFILES.advance
    post_save.connect(forget, sender=Profile, dispatch_uid="community-saved")
    post_delete.connect(forget, sender=Profile, dispatch_uid="community-deleted")
    post_save.connect(
        permissions.on_region_page_saved, sender=RegionPage, dispatch_uid="community-region-page"
    )
    post_save.connect(
        assign_regional_review, sender=RegionIndexPage, dispatch_uid="community-regional-review"
    )
