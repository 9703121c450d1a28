"""Checking and storing the pictures members upload (photos, logos); their
model fields come from community/models/pictures.py.

A file is accepted only if Pillow reads it as a JPEG, PNG, GIF or WebP
picture of at most 5 MB and a sensible number of pixels. It is then drawn
again at a modest size: what is stored is a fresh image made by the
portal, without the original's metadata (camera, GPS position) or
anything hidden after the picture data. SVG is never accepted: it can carry
scripts.
"""

import io
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/gif,image/webp"

TOO_MANY_PIXELS = _("The picture is too large: at most 40 megapixels are accepted.")
PICTURE_HELP_TEXT = _("A JPEG, PNG, GIF or WebP picture of at most 5 MB.")
NOT_AN_IMAGE = _(
    "This file is not a picture we can accept. Upload a JPEG, PNG, GIF or WebP image "
    "(SVG and other files are not accepted)."
)


def checked_image(upload, max_side):
    """A ContentFile holding `upload` redrawn to fit max_side × max_side,
    or a ValidationError with a message for the member."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s). The largest picture accepted is 5 MB."),
            code="too_large",
            params={"size": filesizeformat(upload.size)},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ACCEPTED_FORMATS:
            raise ValidationError(NOT_AN_IMAGE, code="format")
        if width * height > MAX_PIXELS:
            raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            picture = ImageOps.exif_transpose(image)
            picture.thumbnail((max_side, max_side))
            return _redrawn(picture)
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        # Pillow's own guard, for pictures far above MAX_PIXELS.
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None


def _redrawn(picture):
    """PNG for pictures with transparency (logos), JPEG for the rest."""
    has_alpha = picture.mode in ("RGBA", "LA") or (
        picture.mode == "P" and "transparency" in picture.info
    )
    output = io.BytesIO()
    if has_alpha:
        picture.convert("RGBA").save(output, format="PNG", optimize=True)
        extension = "png"
    else:
        picture.convert("RGB").save(output, format="JPEG", quality=85, optimize=True)
        extension = "jpg"
    return ContentFile(output.getvalue(), name=f"picture.{extension}")


class PictureField(forms.FileField):
    """The form field of every picture a member uploads: optional, checked
    and redrawn to fit max_side × max_side on clean."""

    widget = forms.ClearableFileInput

    def __init__(self, *, max_side, **kwargs):
        self.max_side = max_side
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", PICTURE_HELP_TEXT)
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ACCEPT_ATTRIBUTE

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value and value is not initial and hasattr(value, "read"):
            return checked_image(value, self.max_side)
        return value


class PictureFormMixin:
    """For every ModelForm with PictureFields: when a saved picture is
    replaced or cleared, the old file is deleted from storage once the save
    is committed (so a failed save keeps it). Save such forms in a
    transaction, as community/views/saving.py does."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._stored_pictures = {
            name: getattr(self.instance, name).name
            for name, field in self.fields.items()
            if isinstance(field, PictureField)
        }

    def save(self, commit=True):
        saved = super().save(commit=commit)
        if commit:
            for name, old in self._stored_pictures.items():
                picture = getattr(saved, name)
                if old and old != picture.name:
                    transaction.on_commit(partial(picture.storage.delete, old))
        return saved

    def discard_new_pictures(self):
        """After a save that failed: delete the pictures it had already
        stored, which no committed row points to."""
        for name, old in self._stored_pictures.items():
            picture = getattr(self.instance, name)
            if picture and picture._committed and picture.name != old:
                picture.storage.delete(picture.name)
