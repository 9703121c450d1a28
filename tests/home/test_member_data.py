"""Apps contribute to a member's data export and erasure through hooks."""

import pytest
from wagtail import hooks

from home.member_data import erase_member_data, export_member_data


@pytest.mark.django_db
def test_every_registered_app_contributes_to_export_and_erasure(anna):
    erased = []

    def export_notes(member):
        return "notes", [f"note of {member.username}"]

    def erase_notes(member):
        erased.append(member.pk)

    with (
        hooks.register_temporarily("register_member_data_export", export_notes),
        hooks.register_temporarily("register_member_data_erasure", erase_notes),
    ):
        assert export_member_data(anna)["notes"] == ["note of anna"]
        erase_member_data(anna)

    assert erased == [anna.pk]
