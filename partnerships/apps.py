from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save, pre_delete
        from wagtail import hooks

        from community.models import Company
        from home.workflows import assign_regional_review
        from partnerships import companies, contact_notices, member_data, reminders, review_notices
        from partnerships.models import PartnershipsIndexPage

        # What members write under a partnerships page goes to the
        # coordinators of the listing's region (home/workflows.py).
        post_save.connect(
            assign_regional_review,
            sender=PartnershipsIndexPage,
            dispatch_uid="partnerships-regional-review",
        )
        reminders.register()
        # A company's listings go with it (partnerships/companies.py).
        pre_delete.connect(
            companies.delete_listings_of_company,
            sender=Company,
            dispatch_uid="partnerships-company-listings",
        )
        # How a listing's review ended, told to its company's managers.
        review_notices.register()
        # Expressions of interest as what notifications point at.
        contact_notices.register()
        # "My data" (home/member_data.py).
        hooks.register("register_member_data_export", member_data.export_listings)
        hooks.register("register_member_data_erasure", member_data.erase_authorship)
