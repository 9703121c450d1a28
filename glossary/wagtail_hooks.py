from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from glossary.models import GlossaryTerm, MarkedTerms, may_mark


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_label = _("Terms")
    list_display = ["term_ru", "term_en"]
    search_fields = ["term_ru", "term_en"]
    ordering = ["term_ru"]


class MarkedTermsViewSet(SnippetViewSet):
    model = MarkedTerms
    icon = "doc-full"
    menu_label = _("Terms marked on pages")
    list_display = ["page"]


class GlossaryViewSetGroup(SnippetViewSetGroup):
    items = (GlossaryTermViewSet, MarkedTermsViewSet)
    menu_icon = "doc-full"
    menu_label = _("Glossary")
    menu_name = "glossary"


register_snippet(GlossaryViewSetGroup)


@hooks.register("before_delete_snippet")
def only_the_page_s_editors_remove_its_marks(request, instances):
    """Removing a page's marks changes how it reads, like choosing them
    (MarkedTermsForm): only for someone who may edit the page."""
    for instance in instances:
        if isinstance(instance, MarkedTerms) and not may_mark(request.user, instance.page):
            raise PermissionDenied
