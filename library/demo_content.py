"""Demo content of the library: fourteen case studies, articles, pieces of
expert advice and reports across the eight themes and the three regions,
nine of them translated into English and five still only in Russian, with
read counts and comments with replies.

Each item tells its story in several paragraphs under headings, with a
quotation, a lead picture, a chart where figures help, and a document to
download (a short bilingual digest of the item). The texts are in
library/demo_items.py; pictures, charts and documents are made here at load
time with Pillow (small, and the same on every run).

Companies, authors and commenters are invented; commenters' addresses use
the reserved .example domain. Everything is created only when missing, so
the loader can run again.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from home.demo import child_page, demo_loader, translate
from home.models import HomePage, Region, Topic
from home.region_roles import shared_collection
from library.demo_items import CHARTS, ITEMS
from library.models import ArticlePage, CaseStudyPage, LibraryIndexPage, ReadCount

LIBRARY_RU = {
    "title": "Библиотека",
    "intro": (
        "Практические знания от таких же компаний, как ваша: кейсы, статьи, советы "
        "экспертов и отчёты о встречах сообщества."
    ),
}
LIBRARY_EN = {
    "Библиотека": "Library",
    LIBRARY_RU["intro"]: (
        "Practical knowledge from companies like yours: case studies, articles, expert "
        "advice and reports from the community's meetings."
    ),
}

COMMENTERS = [
    ("demo-reader-anna", "Анна", "Кузнецова", "anna@sensor-lab.example"),
    ("demo-reader-oleg", "Олег", "Морозов", "oleg@nevasoft.example"),
    ("demo-reader-maria", "Мария", "Лебедева", "maria@uralbio.example"),
]

# Colours of the logo, for the generated lead images.
PALETTE = [(29, 78, 137), (242, 182, 50), (127, 200, 169), (15, 44, 80), (34, 105, 77)]


MEDIA_PREFIX = "Библиотека:"


def demo_image(index):
    """A generated lead image in the logo's colours (no files to ship)."""
    Image = get_image_model()
    title = f"Библиотека: иллюстрация {index + 1}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    width, height = 1600, 900
    canvas = PillowImage.new("RGB", (width, height), PALETTE[index % len(PALETTE)])
    draw = ImageDraw.Draw(canvas)
    accent = PALETTE[(index + 1) % len(PALETTE)]
    for ring in range(6):
        radius = 160 + ring * 90
        draw.ellipse(
            (width - radius, -radius // 2, width + radius, radius * 3 // 2),
            outline=accent,
            width=18,
        )
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    # Items of several regions share these pictures.
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"library-demo-{index + 1}.png"),
        collection=shared_collection(),
    )


def commenters():
    User = get_user_model()
    users = {}
    for username, first_name, last_name, email in COMMENTERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name, "email": email},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        users[username] = user
    return users


def add_comments(page, comments, users, days_ago=30):
    """(username, text, index of the comment replied to or None) on `page`
    (a library item, or a blog post: blogs/demo_content.py), a day apart
    from `days_ago` days ago; those already there are left alone."""
    from django_comments_xtd.models import XtdComment

    content_type = ContentType.objects.get_for_model(page)
    posted = []
    for number, (username, text, reply_to) in enumerate(comments):
        user = users[username]
        comment = XtdComment.objects.filter(
            content_type=content_type, object_pk=str(page.pk), user=user, comment=text
        ).first()
        if comment is None:
            comment = XtdComment(
                content_type=content_type,
                object_pk=str(page.pk),
                site_id=1,
                user=user,
                user_name=user.get_full_name(),
                user_email=user.email,
                comment=text,
                parent_id=posted[reply_to].pk if reply_to is not None else 0,
                submit_date=datetime.datetime.now(datetime.UTC)
                - datetime.timedelta(days=days_ago - number),
            )
            comment.save()
        posted.append(comment)


def demo_chart(key):
    """A bar chart of CHARTS[key] in the logo's colours, drawn without text:
    its caption and alternative text say what it shows."""
    Image = get_image_model()
    title = f"{MEDIA_PREFIX} диаграмма «{CHARTS[key]['caption'][0]}»"[:255]
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    values = CHARTS[key]["values"]
    width, height, margin = 960, 540, 60
    canvas = PillowImage.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    top = max(values)
    for step in range(1, 5):  # light grid lines
        y = height - margin - (height - 2 * margin) * step // 4
        draw.line((margin, y, width - margin, y), fill=(225, 230, 238), width=2)
    slot = (width - 2 * margin) // len(values)
    for number, value in enumerate(values):
        left = margin + number * slot + slot // 6
        bar_top = height - margin - (height - 2 * margin) * value // top
        draw.rectangle(
            (left, bar_top, left + slot * 2 // 3, height - margin),
            fill=PALETTE[0] if number < len(values) - 1 else PALETTE[1],
        )
    draw.line((margin, height - margin, width - margin, height - margin), fill=PALETTE[3], width=4)
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    return Image.objects.create(
        title=title,
        file=ImageFile(buffer, name=f"library-chart-{key}.png"),
        collection=shared_collection(),
    )


DIGEST_LINK = ("Конспект материала (текст)", "Digest of the item (text, in Russian and English)")


def story_parts(item):
    """The item's stories: {field: blocks} (the four parts of a case study,
    or an article's body)."""
    if item["kind"] == "case_study":
        return {name: item[name] for name in ("situation", "actions", "results", "lessons")}
    return {"body": item["body"]}


def stream(blocks, heading_level):
    """The StreamField value (Russian) of a story's blocks."""
    value = []
    for block in blocks:
        kind = block[0]
        if kind == "paragraph":
            value.append(("paragraph", f"<p>{block[1]}</p>"))
        elif kind == "heading":
            value.append(("heading", {"text": block[1], "level": heading_level}))
        elif kind == "quote":
            value.append(("quote", {"text": block[1], "attribution": block[3]}))
        elif kind == "chart":
            chart = CHARTS[block[1]]
            value.append(
                (
                    "image",
                    {
                        "image": demo_chart(block[1]),
                        "caption": chart["caption"][0],
                        "alt_text": chart["alt"][0],
                    },
                )
            )
    return value


def english_strings(item):
    """{Russian: English} of everything the item's English version shows."""
    strings = dict(item["en"])
    pairs = [DIGEST_LINK]
    for blocks in story_parts(item).values():
        for block in blocks:
            if block[0] == "chart":
                pairs += [CHARTS[block[1]]["caption"], CHARTS[block[1]]["alt"]]
            elif block[0] == "quote":
                pairs += [(block[1], block[2]), (block[3], block[4])]
            else:
                pairs.append((block[1], block[2]))
    strings.update((ru, en) for ru, en in pairs if en)
    return strings


def digest_document(item):
    """A short text document of the item: its summary and its story, in
    Russian and, where the item is translated, in English."""
    Document = get_document_model()
    title = f"{MEDIA_PREFIX} конспект «{item['ru']['title']}»"[:255]
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    languages = [(0, item["ru"]["title"], item["ru"]["summary"])]
    if item["en"] is not None:
        languages.append((1, item["en"][item["ru"]["title"]], item["en"][item["ru"]["summary"]]))
    lines = []
    for index, title_text, summary in languages:
        lines += [title_text, "=" * len(title_text), "", summary, ""]
        for blocks in story_parts(item).values():
            for block in blocks:
                if block[0] == "heading":
                    lines += [block[1 + index], "-" * len(block[1 + index]), ""]
                elif block[0] == "paragraph":
                    lines += [block[1 + index], ""]
        lines.append("")
    upload = SimpleUploadedFile(
        f"library-{item['slug']}.txt",
        "\n".join(lines).encode("utf-8"),
        content_type="text/plain",
    )
    return Document.objects.create(title=title, file=upload, collection=shared_collection())


def make_item(library, item, topics, regions, users):
    fields = dict(item["ru"])
    fields.update(
        {
            "publication_date": item["date"],
            "region": regions.get(item["region"]),
            "topics": [topics[slug] for slug in item["topics"]],
        }
    )
    if library.get_children().filter(slug=item["slug"]).exists():
        page = library.get_children().get(slug=item["slug"]).specific
    else:
        fields["lead_image"] = demo_image(item["image"])
        digest = ("document", {"document": digest_document(item), "title": DIGEST_LINK[0]})
        if item["kind"] == "case_study":
            for name, blocks in story_parts(item).items():
                fields[name] = stream(blocks, "h3")
            fields["documents"] = [digest]
            page = child_page(library, CaseStudyPage, item["slug"], **fields)
        else:
            fields["body"] = [*stream(item["body"], "h2"), digest]
            page = child_page(library, ArticlePage, item["slug"], item_type=item["type"], **fields)
    ReadCount.objects.get_or_create(page=page, defaults={"total": item["reads"]})
    add_comments(page, item["comments"], users)
    if item["en"] is not None:
        english = translate(page, "en", english_strings(item))
        ReadCount.objects.get_or_create(page=english, defaults={"total": item["reads"] // 3})
    return page


@demo_loader(order=50)
def load_library(stdout):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not the portal's home page.")

    library = child_page(home, LibraryIndexPage, "library", show_in_menus=True, **LIBRARY_RU)
    translate(library, "en", LIBRARY_EN)
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=home.locale)}
    regions = {region.slug: region for region in Region.objects.filter(locale=home.locale)}
    users = commenters()
    for item in ITEMS:
        make_item(library, item, topics, regions, users)

    translated = sum(1 for item in ITEMS if item["en"] is not None)
    stdout.write(
        f"Library: {len(ITEMS)} items ({translated} also in English), "
        f"{sum(len(item['comments']) for item in ITEMS)} comments."
    )
