"""Comment URLs (under /<language>/comments/): the library's own views, and
of django-comments-xtd only the link that stops follow-up e-mails.

django-comments-xtd's full URL set is not mounted: its stock posting view
accepts comments on any model and its JSON API duplicates what the pages
do; the views here post through its form and signals instead.
"""

from django.urls import path
from django_comments_xtd import views as xtd_views

from library import comment_views

urlpatterns = [
    path("post/", comment_views.post_comment, name="library_comment_post"),
    path("<int:comment_id>/delete/", comment_views.delete_comment, name="library_comment_delete"),
    path("<int:comment_id>/flag/", comment_views.flag_comment, name="library_comment_flag"),
    path(
        "<int:comment_id>/hide/",
        comment_views.moderate_comment,
        {"action": "hide"},
        name="library_comment_hide",
    ),
    path(
        "<int:comment_id>/approve/",
        comment_views.moderate_comment,
        {"action": "approve"},
        name="library_comment_approve",
    ),
    path("mute/<str:key>/", xtd_views.mute, name="comments-xtd-mute"),
]
