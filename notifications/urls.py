"""The member's notification centre, under /<language>/notifications/."""

from django.urls import path

from notifications.views import centre, unsubscribe

app_name = "notifications"

urlpatterns = [
    path("", centre.notification_list, name="list"),
    path("read/", centre.mark_all_read, name="mark_all_read"),
    path("<int:pk>/open/", centre.open_notification, name="open"),
    path("follow/", centre.toggle_follow, name="follow"),
    path("settings/", centre.notification_settings, name="settings"),
    path("unsubscribe/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
