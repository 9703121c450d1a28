"""The forms of the member blogs: writing a post, and the listing's
filters."""

from anyascii import anyascii
from django import forms
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from blogs.choices import PostStatus
from community.uploads import PictureField, PictureFormMixin
from home.markdown import render_markdown
from home.models import Region, Topic

LEAD_PICTURE_SIDE = 1600


class BlogPostForm(PictureFormMixin, forms.ModelForm):
    """A member's post. Themes and regions are offered in the blog index's
    language; the slug is made from the title when the post is first saved
    and then kept, so links to the post keep working."""

    lead_picture = PictureField(max_side=LEAD_PICTURE_SIDE, label=_("Lead picture"))

    class Meta:
        # The model comes from the blog index (post_form_class): the views
        # import no model of their app.
        fields = ["title", "body", "lead_picture", "themes", "region", "language", "status"]
        labels = {"body": _("Text (Markdown)")}
        widgets = {"themes": forms.CheckboxSelectMultiple, "status": forms.RadioSelect}

    def __init__(self, *args, author, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.author = author
        self.fields["themes"].queryset = Topic.objects.filter(locale=locale)
        self.fields["region"].queryset = Region.objects.filter(locale=locale)
        self.fields["body"].widget.attrs["rows"] = 16
        # Blank or only spaces (the fields strip them).
        self.fields["title"].error_messages["required"] = _("Give your post a title.")
        self.fields["body"].error_messages["required"] = _("Write something in your post.")

    def save(self, commit=True):
        post = self.instance
        post.html, self.mentions = render_markdown(post.body, post.author)
        if not post.slug:
            post.slug = self._free_slug(post)
        if post.status == PostStatus.PUBLISHED and post.published_at is None:
            post.published_at = timezone.now()
        return super().save(commit=commit)

    def _free_slug(self, post):
        base = slugify(anyascii(post.title))[:70].strip("-") or "post"
        taken = set(
            type(post)
            .objects.filter(author=post.author, slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken or slug in ("feed", "write"):
            slug, number = f"{base}-{number}", number + 1
        return slug


def post_form_class(model):
    return forms.modelform_factory(model, form=BlogPostForm)


class BlogFilterForm(forms.Form):
    """Theme and region filters of the blog listing, keyed by slug so that a
    filtered address works in both languages."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, data, terms):
        super().__init__(data)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (topic.slug, topic.name) for topic in terms.topics
        ]
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region.slug, region.name) for region in terms.regions
        ]
        self.is_valid()  # fills cleaned_data with the values that are valid

    @property
    def active(self):
        return {name: value for name, value in self.cleaned_data.items() if value}
