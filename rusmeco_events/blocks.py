"""StreamField blocks of event pages: speakers, and the photo gallery and
documents of an event's report (the gallery and documents reuse the site's
shared image and document blocks)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import DocumentLinkBlock, ImageWithCaptionBlock


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Position and organisation"), max_length=200, required=False)
    about = blocks.TextBlock(label=_("About the speaker"), required=False, max_length=1000)

    class Meta:
        icon = "user"
        label = _("Speaker")
        template = "events/blocks/speaker_block.html"
        preview_value = {
            "name": "Irina Sokolova",
            "role": "Patent attorney, Ural innovation centre",
            "about": "Advises young technology companies on protecting their inventions.",
        }
        description = _("A person who speaks or teaches at the event.")


class SpeakersBlock(blocks.StreamBlock):
    speaker = SpeakerBlock()


class GalleryBlock(blocks.StreamBlock):
    photo = ImageWithCaptionBlock(label=_("Photo"))


class ReportDocumentsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock(label=_("Slides or document"))
