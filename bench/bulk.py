"""Writing generated content in bulk, shared by the bench scripts.

Pages are written straight into the page tree, as a fixture would: their
treebeard path, depth and URL path computed here, one multi-row INSERT per
table of a page type (wagtailcore_page, then each table below it), the
parent's `numchild` updated once at the end. No revisions, signals or
search indexing per page: a script builds the search index once, after
everything is written (`build_index`).

Text comes from a fixed vocabulary of inflected Russian and English word
forms, a few words in nearly every text and a few in very few, so that
searches find many, some or few results.
"""

import sys
import time

VOCABULARY = {
    "ru": {
        "common": [
            "компания компании компанию компаний компаниям компаниях",
            "инновации инновация инновационное инновационного инновационных",
            "развитие развития развитию развитии",
            "управление управления управлению",
        ],
        "medium": [
            "знания знаний знаниями",
            "сообщество сообщества сообществе",
            "рынок рынка рынки рынках",
            "обмен обмена опытом",
            "малые малых средних предприятий",
        ],
        "rare": [
            "патентный патентного поверенный поверенного",
            "венчурный венчурного фонд фонда фондам",
        ],
        "filler": (
            "и в на с по для о от к при как что это также было были будет "
            "проект проекта регион региона встреча встречи семинар работа "
            "участники практика практики опыт качество качества маркетинг "
            "собственность интеллектуальная программа поддержки бизнес"
        ),
    },
    "en": {
        "common": [
            "company companies company's",
            "innovation innovations innovative",
            "managing management manage managed",
            "development developing develop",
        ],
        "medium": [
            "knowledge sharing shared",
            "community communities",
            "market markets marketing",
            "small medium enterprises",
        ],
        "rare": [
            "patent patents attorney attorneys",
            "venture fund funds funding",
        ],
        "filler": (
            "the a of and in to for on with by from as is was were be this that "
            "project region meeting seminar work participants practice experience "
            "quality intellectual property programme support business training"
        ),
    },
}


def sentence(rng, language, words):
    """A run of `words` words in `language`: mostly filler, common words in
    nearly every text, medium ones now and then, rare ones seldom."""
    vocabulary = _WORDS[language]
    filler = vocabulary["filler"]
    out = []
    for _ in range(words):
        roll = rng.random()
        if roll < 0.06:
            group = rng.choice(vocabulary["common"])
        elif roll < 0.075:
            group = rng.choice(vocabulary["medium"])
        elif roll < 0.0755:
            group = rng.choice(vocabulary["rare"])
        else:
            out.append(rng.choice(filler))
            continue
        out.append(rng.choice(group))
    return " ".join(out)


# VOCABULARY's words split once: a large run draws millions of them.
_WORDS = {
    language: {
        "filler": groups["filler"].split(),
        "common": [group.split() for group in groups["common"]],
        "medium": [group.split() for group in groups["medium"]],
        "rare": [group.split() for group in groups["rare"]],
    }
    for language, groups in VOCABULARY.items()
}


class Progress:
    """A progress bar on stderr: `advance(n)` as work gets done, `close()`
    at the end (prints the phase's time)."""

    WIDTH = 30

    def __init__(self, label, total):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.began = self.shown = time.perf_counter()
        self._draw()

    def advance(self, count=1):
        self.done += count
        now = time.perf_counter()
        if now - self.shown >= 0.5 or self.done >= self.total:
            self.shown = now
            self._draw()

    def _draw(self):
        share = min(self.done / self.total, 1.0)
        bar = "#" * int(share * self.WIDTH)
        elapsed = time.perf_counter() - self.began
        sys.stderr.write(
            f"\r{self.label:24} [{bar:{self.WIDTH}}] "
            f"{self.done:>9,}/{self.total:,} {elapsed:6.0f} s"
        )
        sys.stderr.flush()

    def close(self):
        self._draw()
        sys.stderr.write("\n")
        return time.perf_counter() - self.began


def chunked(iterable, size):
    """Lists of up to `size` items from `iterable`, read lazily."""
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def insert(objects):
    """INSERT `objects` (unsaved instances of one model) in as few
    statements as the database allows, table by table for a model with
    parents (a page type, XtdComment), and set their primary keys. Values
    are written as they are: no `save()`, signals or `pre_save`."""
    from django.db import connection

    if not objects:
        return objects
    model = type(objects[0])
    parents = model._meta.get_parent_list()
    chain = sorted([*parents, model], key=lambda m: len(m._meta.get_parent_list()))
    root = chain[0]
    fields = [field for field in root._meta.local_concrete_fields if not field.primary_key]
    size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
    for start in range(0, len(objects), size):
        batch = objects[start : start + size]
        rows = root._base_manager._insert(
            batch, fields=fields, returning_fields=[root._meta.pk], raw=True
        )
        for obj, row in zip(batch, rows, strict=True):
            for table in chain:
                setattr(obj, table._meta.pk.attname, row[0])
    for table in chain[1:]:
        fields = table._meta.local_concrete_fields
        size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
        for start in range(0, len(objects), size):
            table._base_manager._insert(objects[start : start + size], fields=fields, raw=True)
    return objects


class Children:
    """Appends pages below one parent page: `add(pages)` with unsaved
    pages of one type, then `finish()` to count them in the parent."""

    def __init__(self, parent):
        from wagtail.models import Page

        self.parent = parent
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.position = Page._str2int(last[-Page.steplen :]) if last else 0
        self.added = 0

    def add(self, pages):
        from wagtail.models import Page

        parent = self.parent
        for page in pages:
            self.position += 1
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, self.position)
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.draft_title = page.title
        insert(pages)
        self.added += len(pages)
        return pages

    def finish(self):
        from django.db.models import F
        from wagtail.models import Page

        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + self.added)
        self.parent.numchild += self.added
        self.added = 0


def build_index(backend_path="default", progress=True):
    """Rebuild the search index with one backend, as `update_index` does,
    model by model in chunks of a thousand objects."""
    from modelsearch.backends import get_search_backend
    from modelsearch.index import get_indexed_models

    backend = get_search_backend(backend_path)
    index = backend.get_index_for_model(get_indexed_models()[0])
    rebuilder = backend.rebuilder_class(index)
    index = rebuilder.start()
    index.reset()
    models = get_indexed_models()
    bar = None
    if progress:
        total = sum(model.get_indexed_objects().count() for model in models)
        bar = Progress("search index", total)
    for model in models:
        objects = model.get_indexed_objects().order_by("pk")
        for chunk in chunked(objects.iterator(chunk_size=1000), 1000):
            index.add_items(model, chunk)
            if bar:
                bar.advance(len(chunk))
    rebuilder.finish()
    if bar:
        bar.close()


def tidy_up():
    """What autovacuum (PostgreSQL) does after a bulk load: drop dead rows,
    refresh the planner's statistics."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
