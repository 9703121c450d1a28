"""Region coordinators moderate only their region's comments.

library 0002 gave every region coordinators group django-comments' "can
moderate" permission and the admin's view and change permissions on
comments, which let a Moscow coordinator hide Ekaterinburg's comments.
Those permissions now mean "everywhere" and stay with Moderators and the
head office's Coordinators; a region's coordinators moderate the comments
on their region's items through their region (library/moderation.py).
"""

from django.db import migrations
from django.db.models import Q

PERMISSIONS = [
    ("django_comments", "can_moderate"),
    ("django_comments_xtd", "view_xtdcomment"),
    ("django_comments_xtd", "change_xtdcomment"),
]


def region_groups(apps):
    Group = apps.get_model("auth.Group")
    Region = apps.get_model("home.Region")
    bound = Region.objects.exclude(coordinators=None).values("coordinators")
    return Group.objects.filter(Q(name__startswith="Region coordinators: ") | Q(pk__in=bound))


def permissions(apps):
    Permission = apps.get_model("auth.Permission")
    found = Q()
    for app_label, codename in PERMISSIONS:
        found |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(found))


def revoke(apps, schema_editor):
    for group in region_groups(apps):
        group.permissions.remove(*permissions(apps))


def grant(apps, schema_editor):
    for group in region_groups(apps):
        group.permissions.add(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0004_shared_company_sizes"),
        ("library", "0002_comment_moderators"),
        ("home", "0008_region_coordinators_and_collections"),
    ]

    operations = [migrations.RunPython(revoke, grant)]
