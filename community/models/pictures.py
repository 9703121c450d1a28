"""The pictures members upload (profile photos, company logos), as model
fields. The files are checked and redrawn by the forms (community/uploads.py)."""

import uuid

from django.db import models


def random_file_name(folder, filename):
    """A random name in `folder`, with the extension of `filename`: pictures
    cannot be guessed or overwrite each other, and the original file name
    (which may hold a member's name) is dropped. Use it in the `upload_to`
    function of a picture field."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"{folder}/{uuid.uuid4().hex}.{extension}"


def picture_fields(name, verbose_name, upload_to):
    """An optional picture and the two fields its size is kept in, named
    `<name>_width` and `<name>_height`. Use it for every picture a member
    uploads:

        photo, photo_width, photo_height = picture_fields("photo", _("photo"), photo_path)
    """
    picture = models.ImageField(
        verbose_name,
        upload_to=upload_to,
        blank=True,
        width_field=f"{name}_width",
        height_field=f"{name}_height",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    return picture, width, height
