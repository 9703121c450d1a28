"""The demo's glossary: the community's terms in Russian and English, and
the terms the case study "ural-ip-management" (library/demo_content.py)
marks for its readers."""

from wagtail.models import Locale, Page

from glossary.models import GlossaryTerm, MarkedTerms
from home.demo import demo_loader

# (Russian, English, Russian definition, English definition, other Russian
# forms, other English forms)
TERMS = [
    (
        "интеллектуальная собственность",
        "intellectual property",
        "Права на изобретения, товарные знаки, программы и другие результаты "
        "творческой деятельности.",
        "Rights to inventions, trade marks, software and other results of creative work.",
        "ИС",
        "IP",
    ),
    (
        "малые и средние предприятия",
        "SMEs",
        "Компании до 250 работников, основа сообщества RUSMECO.",
        "Companies of up to 250 employees, the backbone of the RUSMECO community.",
        "МСП\nмалый и средний бизнес",
        "small and medium-sized enterprises\nsmall businesses",
    ),
    ("изобретение", "invention", "", "", "", ""),
    ("лицензия", "licence", "", "", "", "license"),
    ("патентный поиск", "patent search", "", "", "", "prior art search"),
    ("ноу-хау", "know-how", "", "", "", ""),
    ("трансфер технологий", "technology transfer", "", "", "", ""),
    ("опытная партия", "pilot batch", "", "", "", "pilot run"),
    ("бизнес-инкубатор", "business incubator", "", "", "", ""),
    ("технопарк", "technology park", "", "", "", "science park"),
    ("венчурный фонд", "venture fund", "", "", "", "venture capital fund"),
    ("программа поддержки", "support programme", "", "", "", "support program"),
    ("грант", "grant", "", "", "", ""),
    ("управление качеством", "quality management", "", "", "", ""),
    ("выход на внешние рынки", "going international", "", "", "экспорт", "export"),
]
CASE_STUDY = "ural-ip-management"
MARKED = ["интеллектуальная собственность", "изобретение", "лицензия"]


@demo_loader(order=80)
def load_glossary(stdout):
    for term_ru, term_en, definition_ru, definition_en, forms_ru, forms_en in TERMS:
        GlossaryTerm.objects.get_or_create(
            term_ru=term_ru,
            defaults={
                "term_en": term_en,
                "definition_ru": definition_ru,
                "definition_en": definition_en,
                "forms_ru": forms_ru,
                "forms_en": forms_en,
            },
        )
    page = (
        Page.objects.filter(slug=CASE_STUDY, locale=Locale.objects.get(language_code="ru"))
        .order_by("pk")
        .first()
    )
    if page is not None and not MarkedTerms.objects.filter(page=page).exists():
        marked = MarkedTerms(page=page)
        marked.save()
        marked.terms.set(GlossaryTerm.objects.filter(term_ru__in=MARKED))
        marked.save()
    stdout.write(f"Glossary: {GlossaryTerm.objects.count()} terms.\n")
