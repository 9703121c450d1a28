"""The shared StreamField blocks render what editors expect."""

import io

import pytest
from django.core.files.images import ImageFile
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image

from home.blocks import BodyBlock, CallToActionBlock


def png_bytes(width=1600, height=900):
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#1d4e89").save(buffer, "PNG")
    return buffer.getvalue()


def render(blocks):
    stream = BodyBlock()
    return stream.render(stream.to_python(blocks))


def test_every_block_has_a_label_icon_template_and_preview():
    for name, block in BodyBlock().child_blocks.items():
        assert block.label, name
        assert block.meta.icon, name
        assert block.meta.template, name
        if name not in {"embed"}:
            assert block.meta.preview_value, name


def test_heading_quote_and_paragraph_render():
    html = render(
        [
            {"type": "heading", "value": {"text": "Итоги", "level": "h3"}},
            {"type": "paragraph", "value": "<p>Текст <b>важный</b></p>"},
            {"type": "quote", "value": {"text": "Доверие", "attribution": "Участник"}},
        ]
    )

    assert '<h3 class="block-heading" data-content>Итоги</h3>' in html
    assert "<b>важный</b>" in html
    assert "<blockquote><p>Доверие</p></blockquote>" in html
    assert "— Участник" in html


@pytest.mark.django_db
def test_image_block_renders_a_responsive_lazy_image_with_size_and_alt():
    image = Image.objects.create(
        title="Зеленоград", file=ImageFile(io.BytesIO(png_bytes()), name="zelenograd.png")
    )

    html = render(
        [
            {
                "type": "image",
                "value": {"image": image.pk, "caption": "Встреча", "alt_text": "Участники"},
            }
        ]
    )

    assert 'loading="lazy"' in html
    assert 'width="1200"' in html and 'height="675"' in html
    assert 'alt="Участники"' in html
    assert "srcset=" in html
    assert "<figcaption>Встреча</figcaption>" in html


@pytest.mark.django_db
def test_document_block_links_the_file_with_its_type():
    from django.core.files.base import ContentFile

    document = Document.objects.create(
        title="Программа", file=ContentFile(b"%PDF-1.4 demo", name="programme.pdf")
    )

    html = render([{"type": "document", "value": {"document": document.pk, "title": ""}}])

    assert f'href="{document.url}"' in html
    assert ">Программа</a>" in html
    assert "(PDF" in html


@pytest.mark.django_db
def test_embed_block_uses_the_stored_embed_without_network():
    url = "https://www.youtube.com/watch?v=rusmeco"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        type="video",
        html='<iframe src="https://example.org/e"></iframe>',
    )

    html = render([{"type": "embed", "value": url}])

    assert '<div class="block-embed" data-content>' in html
    assert '<iframe src="https://example.org/e"></iframe>' in html


def test_call_to_action_needs_a_page_or_an_address():
    block = CallToActionBlock()
    value = block.to_python({"title": "Вступайте", "button_text": "Вступить", "text": ""})

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "Выберите страницу или введите адрес." in str(error.value.block_errors["page"])


def test_call_to_action_with_an_address_renders_a_button():
    html = render(
        [
            {
                "type": "call_to_action",
                "value": {
                    "title": "Вступайте",
                    "text": "Бесплатно",
                    "button_text": "Вступить",
                    "url": "https://example.org/join",
                },
            }
        ]
    )

    assert '<a class="button" href="https://example.org/join">Вступить</a>' in html
