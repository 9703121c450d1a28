"""Self-assessment in the admin and in "My data": the coordinators'
aggregated report (assessments/report.py) and a member's results in the
export and the account's deletion (assessments/member_data.py)."""

from wagtail import hooks

from assessments import member_data, report

hooks.register("register_admin_urls", report.admin_urls)
hooks.register("register_reports_menu_item", report.menu_item)
hooks.register("register_member_data_export", member_data.export_results)
hooks.register("register_member_data_erasure", member_data.erase_results)
