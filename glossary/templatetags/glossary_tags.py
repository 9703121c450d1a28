from django import template

from glossary import lookup, marking

register = template.Library()


class GlossaryMarksNode(template.Node):
    def __init__(self, nodelist, page):
        self.nodelist = nodelist
        self.page = page

    def render(self, context):
        html = self.nodelist.render(context)
        page = self.page.resolve(context)
        if page is None or not getattr(page, "translation_key", None):
            return html
        # Shared by every {% glossary_marks %} of the page's template.
        already_marked = context.render_context.setdefault("glossary_marked_terms", set())
        return marking.mark(
            html, lookup.marked_for(page), page.locale.language_code, already_marked
        )


@register.tag
def glossary_marks(parser, token):
    """{% glossary_marks page %}…body…{% endglossary_marks %}: the body with
    the first use of each glossary term the page marks made to show its
    translation (glossary/marking.py)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("glossary_marks takes the page")
    nodelist = parser.parse(("endglossary_marks",))
    parser.delete_first_token()
    return GlossaryMarksNode(nodelist, parser.compile_filter(bits[1]))


@register.simple_tag
def glossary_hints(translation):
    """[Hint] of the glossary terms in what `translation` translates."""
    from glossary import hints

    if translation is None:
        return []
    return hints.for_translation(translation)
