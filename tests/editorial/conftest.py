"""The coordinators' panel lists what a region's coordinators may act on:
here they may edit only the pages a test lets them (tests.factories.may_edit),
whichever page permissions the migrations gave their groups."""

import pytest
from wagtail.models import GroupPagePermission


@pytest.fixture(autouse=True)
def coordinators_edit_only_what_a_test_allows(db):
    GroupPagePermission.objects.filter(group__name__startswith="Region coordinators: ").delete()
