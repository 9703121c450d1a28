"""What members may comment on with the portal's comments
(django-comments-xtd): library items, and whatever other apps register.

The comments were made for library items; member blog posts use the same
form, views, moderation, notifications and limits. An app makes a model
commentable in its AppConfig.ready():

    register_commentable(
        BlogPost, lambda model: model.objects.published(), author=lambda post: post.author
    )

`open_objects(model)` returns the objects of `model` (the registered model
or a concrete subclass, the type a comment names) that visitors may see:
comments are posted on these, and deleted, flagged, hidden and shown only
on these. `author(obj)`, when given, is the member told of each comment on
their object ("reply", library/comment_notices.py). The object needs
`title`, `get_url()` and, for the coordinators of its region to moderate
it, a `region` (home/region_roles.py).
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, CharField, OuterRef, Subquery, Value, When
from django.db.models.functions import Cast


@dataclass(frozen=True)
class Commentable:
    model: type
    open_objects: object
    author: object = None

    def concrete_models(self):
        """The concrete models whose objects comments name: the registered
        model's subclasses for page types (comments name the specific page
        type), or the model itself."""
        return [
            model
            for model in apps.get_models()
            if issubclass(model, self.model) and not model._meta.proxy
        ]

    def content_types(self):
        return list(ContentType.objects.get_for_models(*self.concrete_models()).values())


_COMMENTABLE = []


def register_commentable(model, open_objects, author=None):
    if not any(entry.model is model for entry in _COMMENTABLE):
        _COMMENTABLE.append(Commentable(model, open_objects, author))


def commentables():
    return list(_COMMENTABLE)


def commentable_for(model):
    """The registration a model (or a subclass of a registered one) falls
    under, or None."""
    if model is None:
        return None
    for entry in _COMMENTABLE:
        if issubclass(model, entry.model):
            return entry
    return None


def open_object(model, object_pk):
    """The object of `model` with `object_pk` that takes comments, or None.
    One query."""
    entry = commentable_for(model)
    if entry is None or not str(object_pk).isdigit():
        return None
    found = entry.open_objects(model).filter(pk=object_pk).first()
    # A parent page type's manager finds its subtypes' rows too; a comment
    # names exactly the (specific) type of its object.
    return found if getattr(found, "specific_class", type(found)) is model else None


def object_posted_to(post_data):
    """The object a comment form was sent for ("library.casestudypage",
    "blogs.blogpost" and its id), if it takes comments."""
    try:
        model = apps.get_model(post_data.get("content_type", ""))
    except (LookupError, ValueError):
        return None
    return open_object(model, post_data.get("object_pk", ""))


def author_of(commented):
    """The member who wrote `commented` (a blog post's author), or None."""
    entry = commentable_for(type(commented))
    if entry is None or entry.author is None:
        return None
    return entry.author(commented)


def object_of(comment):
    """The object a stored comment belongs to, if it still takes comments."""
    model = ContentType.objects.get_for_id(comment.content_type_id).model_class()
    return open_object(model, comment.object_pk)


def _entry_of(comment):
    model = ContentType.objects.get_for_id(comment.content_type_id).model_class()
    entry = commentable_for(model)
    if entry is None or not str(comment.object_pk).isdigit():
        return None
    return entry


def objects_of(comments):
    """{comment pk: object} for the objects, in any state, that `comments`
    name: one query per kind of commented thing (library items, blog
    posts), whatever the number of comments. (Page ids are unique across
    page types, so the registered model finds them all.)"""
    wanted = {}
    for comment in comments:
        entry = _entry_of(comment)
        if entry is not None:
            wanted.setdefault(entry, []).append(comment)
    found = {}
    for entry, group in wanted.items():
        objects = entry.model._base_manager.in_bulk({int(c.object_pk) for c in group})
        for comment in group:
            if int(comment.object_pk) in objects:
                found[comment.pk] = objects[int(comment.object_pk)]
    return found


def title_annotation():
    """An annotation of a comment queryset: the title of what each comment
    is on (a library item's, a blog post's), in the same query. Page and
    post ids may be equal: the comment's content type says which."""
    whens = []
    for entry in _COMMENTABLE:
        titles = (
            entry.model._base_manager.annotate(pk_text=Cast("pk", output_field=CharField()))
            .filter(pk_text=OuterRef("object_pk"))
            .values("title")[:1]
        )
        whens.append(When(content_type__in=entry.content_types(), then=Subquery(titles)))
    return Case(*whens, default=Value(""), output_field=CharField())
