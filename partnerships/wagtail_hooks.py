"""Partnerships in the admin and in "My data".

The coordinators' introductions (a dashboard panel, a list and the page
that records one) and the outcomes report with its CSV file
(partnerships/admin_views.py); a member's expressions of interest and
their messages in "My data" (partnerships/contact_data.py).
"""

from wagtail import hooks

from partnerships import admin_views, contact_data

hooks.register("construct_homepage_panels", admin_views.dashboard_panel)
hooks.register("register_admin_urls", admin_views.admin_urls)
hooks.register("register_admin_menu_item", admin_views.introductions_menu_item)
hooks.register("register_reports_menu_item", admin_views.outcomes_menu_item)
hooks.register("register_member_data_export", contact_data.export_interests)
