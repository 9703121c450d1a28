"""Demo content for the self-assessment: one assessment in both languages
(English through wagtail-localize) with seven dimensions of two or three
questions on four described levels, shown in the menu; and a saved result
of each of the twenty demo members (community/demo_content.py), Anna
Sokolova's with an older one before it, so that her result shows her
progress and the benchmark of the six other Moscow members. Runs after the
members, the events and the library."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site

from assessments.models import AssessmentPage, AssessmentResult
from community.demo_content import MEMBERS
from home.demo import child_page, demo_loader, translate
from home.models import HomePage, Topic

PAGE_RU = {
    "title": "Самооценка",
    "intro": "Двадцать вопросов о том, как устроена ваша компания. Ответы займут "
    "десять минут; в конце — диаграмма по семи направлениям, советы и "
    "материалы портала по самым слабым из них.",
}
PAGE_EN = {
    "Самооценка": "Self-assessment",
    PAGE_RU["intro"]: "Twenty questions about how your company works. Answering takes ten "
    "minutes; at the end you get a chart of seven dimensions, advice, and the portal's "
    "material on the weakest of them.",
}

# The same four levels for every question, from the lowest.
LEVELS = [
    ("Нет, этим никто не занимается", "No, nobody deals with this"),
    ("Время от времени, по случаю", "Now and then, as it comes"),
    ("Да, по заведённому порядку", "Yes, in an agreed way"),
    ("Да, и мы регулярно это улучшаем", "Yes, and we improve it regularly"),
]

# (title, description, themes, advice low / medium / high, questions): each
# text as (Russian, English).
DIMENSIONS = [
    (
        ("Управление инновациями", "Innovation management"),
        ("Как компания находит, отбирает и ведёт новые проекты.",
         "How the company finds, selects and runs new projects."),
        ["innovation-management"],
        (("Начните со списка идей и одного ответственного за него.",
          "Start with a list of ideas and one person responsible for it."),
         ("Отбирайте проекты по понятным критериям раз в квартал.",
          "Select projects against clear criteria once a quarter."),
         ("Поделитесь своим опытом с коллегами по сообществу.",
          "Share your experience with your peers in the community.")),
        [("Собираете ли вы идеи новых продуктов?", "Do you collect ideas for new products?"),
         ("Есть ли порядок отбора проектов?", "Is there a way projects are selected?"),
         ("Оцениваете ли вы завершённые проекты?", "Do you review finished projects?")],
    ),
    (
        ("Интеллектуальная собственность", "Intellectual property"),
        ("Как компания защищает и использует свои разработки.",
         "How the company protects and uses what it develops."),
        ["ipr"],
        (("Составьте перечень своих разработок и поговорите с патентным поверенным.",
          "List what you have developed and talk to a patent attorney."),
         ("Проверяйте патентную чистоту до выхода на новые рынки.",
          "Check freedom to operate before entering new markets."),
         ("Подумайте о лицензировании технологий партнёрам.",
          "Consider licensing your technology to partners.")),
        [("Знаете ли вы, какие разработки стоит защитить?",
          "Do you know which of your developments are worth protecting?"),
         ("Проверяете ли вы чужие патенты до запуска продукта?",
          "Do you check others' patents before launching a product?")],
    ),
    (
        ("Маркетинг инноваций", "Marketing of innovations"),
        ("Как компания узнаёт, что нужно заказчикам, и выводит новинки на рынок.",
         "How the company learns what customers need and takes new products to market."),
        ["innovation-marketing"],
        (("Поговорите с пятью заказчиками о том, что им мешает.",
          "Talk to five customers about what gets in their way."),
         ("Проверяйте спрос до разработки, а не после.",
          "Test demand before developing, not after."),
         ("Выходите с партнёрами на соседние рынки.", "Enter neighbouring markets with partners.")),
        [("Изучаете ли вы потребности заказчиков?", "Do you study what customers need?"),
         ("Есть ли план вывода новинки на рынок?",
          "Is there a plan for taking a new product to market?")],
    ),
    (
        ("Финансы", "Finance"),
        ("Как компания планирует деньги и находит средства на развитие.",
         "How the company plans its money and finds funds for growth."),
        ["financial-management", "support-programmes"],
        (("Начните с помесячного плана движения денег.", "Start with a monthly cash-flow plan."),
         ("Изучите программы поддержки для инновационных компаний.",
          "Look into the support programmes for innovative companies."),
         ("Готовьтесь к разговору с инвесторами заранее.",
          "Prepare for talks with investors well ahead.")),
        [("Планируете ли вы движение денег?", "Do you plan your cash flow?"),
         ("Знаете ли вы, сколько стоит каждый проект?", "Do you know what each project costs?"),
         ("Пользуетесь ли вы грантами и программами поддержки?",
          "Do you use grants and support programmes?")],
    ),
    (
        ("Качество", "Quality"),
        ("Как компания добивается, чтобы продукт был надёжным.",
         "How the company makes sure its product is reliable."),
        ["quality-management"],
        (("Запишите, как вы проверяете продукт перед отгрузкой.",
          "Write down how you check a product before it ships."),
         ("Разбирайте каждую рекламацию до причины.",
          "Trace every complaint back to its cause."),
         ("Подумайте о сертификации по ISO 9001.", "Consider ISO 9001 certification.")),
        [("Проверяете ли вы продукт по записанным правилам?",
          "Do you check the product by written rules?"),
         ("Разбираете ли вы жалобы заказчиков?", "Do you follow up customers' complaints?")],
    ),
    (
        ("Управление знаниями", "Knowledge management"),
        ("Как компания сохраняет и передаёт опыт сотрудников.",
         "How the company keeps and passes on its people's experience."),
        ["knowledge-management"],
        (("Заведите короткие записи после каждого проекта.",
          "Keep short notes after every project."),
         ("Назначьте наставников для новых сотрудников.", "Give new staff a mentor."),
         ("Откройте часть своего опыта сообществу: это окупается.",
          "Open some of your experience to the community: it pays back.")),
        [("Записываете ли вы уроки завершённых проектов?",
          "Do you write down the lessons of finished projects?"),
         ("Передают ли опытные сотрудники знания новичкам?",
          "Do experienced staff pass their knowledge on to newcomers?")],
    ),
    (
        ("Международный бизнес", "International business"),
        ("Как компания работает с зарубежными партнёрами и рынками.",
         "How the company works with partners and markets abroad."),
        ["international-business"],
        (("Начните с выставки или миссии вместе с региональным центром.",
          "Start with a fair or a mission together with your regional centre."),
         ("Найдите партнёра на рынке, куда хотите выйти.",
          "Find a partner in the market you want to enter."),
         ("Помогите коллегам по сообществу сделать первый шаг.",
          "Help peers in the community take their first step.")),
        [("Продаёте ли вы за рубеж?", "Do you sell abroad?"),
         ("Есть ли у вас зарубежные партнёры по разработке?",
          "Do you have development partners abroad?")],
    ),
]  # fmt: skip


def dimension_stream(topics):
    stream, english = [], {}
    for title, description, themes, advice, questions in DIMENSIONS:
        stream.append(
            (
                "dimension",
                {
                    "title": title[0],
                    "description": description[0],
                    "themes": [topics[slug] for slug in themes if slug in topics],
                    "advice_low": advice[0][0],
                    "advice_medium": advice[1][0],
                    "advice_high": advice[2][0],
                    "questions": [
                        {"text": text[0], "levels": [level[0] for level in LEVELS]}
                        for text in questions
                    ],
                },
            )
        )
        for ru, en in [title, description, *advice, *questions, *LEVELS]:
            english[ru] = en
    return stream, english


def scores_of(number, dimension_ids):
    """Demo scores of the member `number`: spread, never the same twice."""
    return {
        dimension_id: 15 + (number * 37 + index * 23) % 76
        for index, dimension_id in enumerate(dimension_ids)
    }


@demo_loader(order=75)
def load_assessment(stdout):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not the portal's home page.")
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=home.locale)}
    stream, english = dimension_stream(topics)
    page = home.get_children().filter(slug="self-assessment").first()
    if page is None:
        page = child_page(
            home,
            AssessmentPage,
            "self-assessment",
            show_in_menus=True,
            dimensions=stream,
            **PAGE_RU,
        )
    page = page.specific
    translate(page, "en", PAGE_EN | english)

    ids = [dimension.id for dimension in page.dimension_list()]
    users = {user.username: user for user in get_user_model().objects.all()}
    now = timezone.now().replace(second=0, microsecond=0)
    made = 0
    for number, row in enumerate(MEMBERS):
        user = users.get(row[0])
        if (
            user is None
            or AssessmentResult.objects.filter(
                member=user, assessment_key=page.translation_key
            ).exists()
        ):
            continue
        if row[0] == "anna.sokolova":
            # An older result first: her latest shows the progress.
            before = {key: max(0, value - 25) for key, value in scores_of(0, ids).items()}
            older = AssessmentResult.objects.create_for(user, page.translation_key, before)
            older.created_at = now - datetime.timedelta(days=120)
            older.save(update_fields=["created_at"])
        result = AssessmentResult.objects.create_for(
            user, page.translation_key, scores_of(number, ids)
        )
        result.created_at = now - datetime.timedelta(days=number % 10, hours=number)
        result.save(update_fields=["created_at"])
        made += 1
    stdout.write(
        f"Self-assessment: {len(ids)} dimensions in Russian and English; "
        f"saved results of {len(MEMBERS)} members ({made} new)."
    )
