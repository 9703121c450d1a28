"""What the routes of the blog index do: the listing of every member's
posts, a member's blog, a post, and writing, editing and deleting one's own
posts. (The RSS feed is in blogs/feeds.py.)

The views import no model of this app: they take their data from the blog
index (`index.posts()`, `index.own_posts(user)`)."""

import logging

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from blogs import notices
from blogs.forms import BlogFilterForm, post_form_class
from home.markdown import render_markdown
from home.pagination import page_of
from home.terms import terms_of_locale
from library.comments import comments_context

PER_PAGE = 20
logger = logging.getLogger(__name__)


def _dress(posts, terms):
    """Each post's themes and region in the index's language, from the
    cached terms (no query)."""
    for post in posts:
        post.local_themes = terms.localized_all(post.themes.all())
        post.local_region = terms.region_of(post)
    return posts


def index(blog_index, request):
    terms = terms_of_locale(blog_index.locale_id)
    form = BlogFilterForm(request.GET, terms)
    posts = blog_index.posts().filtered(**form.active)
    page = page_of(request, posts, PER_PAGE)
    _dress(page.object_list, terms)
    query = QueryDict(mutable=True)
    query.update(form.active)
    return blog_index.render(
        request,
        template="blogs/blog_index_page.html",
        context_overrides={
            "posts": page,
            "filter_form": form,
            "filter_query": query.urlencode(),
        },
    )


def _member(member_id):
    member = (
        get_user_model()
        .objects.filter(pk=member_id, is_active=True)
        .select_related("profile")
        .first()
    )
    if member is None:
        raise Http404("No such member.")
    return member


def member_blog(blog_index, request, member_id):
    member = _member(member_id)
    own = request.user.is_authenticated and request.user.pk == member.pk
    posts = blog_index.own_posts(member) if own else blog_index.posts().filter(author=member)
    page = page_of(request, posts, PER_PAGE)
    _dress(page.object_list, terms_of_locale(blog_index.locale_id))
    return blog_index.render(
        request,
        template="blogs/member_blog.html",
        context_overrides={"member": member, "posts": page, "own_blog": own},
    )


def _post_of(blog_index, request, member_id, slug):
    """The post, if the visitor may see it: a draft only by its author."""
    posts = blog_index.posts()
    if request.user.is_authenticated and request.user.pk == member_id:
        posts = blog_index.own_posts(request.user)
    post = posts.filter(author_id=member_id, slug=slug).first()
    if post is None:
        raise Http404("No such post.")
    return post


def post(blog_index, request, member_id, slug):
    post = _post_of(blog_index, request, member_id, slug)
    _dress([post], terms_of_locale(blog_index.locale_id))
    context = {
        "post": post,
        "own_post": request.user.is_authenticated and request.user.pk == post.author_id,
        "login_url": redirect_to_login(request.get_full_path())["Location"],
    }
    if post.is_published:
        # The library's comments (library/comments.py); a draft has none.
        context.update(comments_context(post, request, request.path))
    return blog_index.render(request, template="blogs/post.html", context_overrides=context)


def _own_post(blog_index, request, member_id, slug):
    """The member's own post to change; another member's is refused."""
    if request.user.pk != member_id:
        raise PermissionDenied
    return _post_of(blog_index, request, member_id, slug)


def write(blog_index, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return _edit_form(blog_index, request, None)


def edit(blog_index, request, member_id, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return _edit_form(blog_index, request, _own_post(blog_index, request, member_id, slug))


def _edit_form(blog_index, request, post):
    form_class = post_form_class(blog_index.posts().model)
    options = {"author": request.user, "locale": blog_index.locale_id, "instance": post}
    if request.method != "POST":
        if post is None:
            options["initial"] = {"language": blog_index.locale.language_code}
        return _form_page(blog_index, request, form_class(**options), post)
    form = form_class(request.POST, request.FILES, **options)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _form_page(blog_index, request, form, post)
    if "preview" in request.POST:
        preview, _mentions = _rendered(form)
        return _form_page(blog_index, request, form, post, preview=preview)
    was_published = post is not None and post.published_at is not None
    try:
        with transaction.atomic():
            saved = form.save()
    except OSError:
        form.discard_new_pictures()
        logger.exception("Could not store the lead picture of a blog post")
        # The same message as the profile forms (community/views/saving.py).
        message = _(
            "Your picture could not be stored: our file storage is full or unavailable. "
            "Nothing was changed; please try again later."
        )
        form.add_error(None, message)
        return _form_page(blog_index, request, form, post)
    except BaseException:
        form.discard_new_pictures()
        raise
    if saved.published_at is not None and not was_published:
        notices.first_published(saved, form.mentions)
        messages.success(request, _("Your post is published."))
    else:
        messages.success(request, _("Your post is saved."))
    return redirect(blog_index.post_url(saved, request))


def _rendered(form):
    return render_markdown(form.cleaned_data["body"], form.instance.author)


def _form_page(blog_index, request, form, post, preview=None):
    return blog_index.render(
        request,
        template="blogs/post_form.html",
        context_overrides={"form": form, "post": post, "preview": preview},
    )


def delete(blog_index, request, member_id, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    post = _own_post(blog_index, request, member_id, slug)
    if request.method == "POST":
        post.delete()
        messages.success(request, _("Your post is deleted."))
        return redirect(blog_index.url_of("member", member_id, request=request))
    return blog_index.render(
        request, template="blogs/post_delete.html", context_overrides={"post": post}
    )
