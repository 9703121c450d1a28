"""Coordinators and editors keep the glossary in the admin; members and
translators cannot change it; bad terms are refused with a clear message."""

import pytest

from glossary.models import GlossaryTerm, MarkedTerms
from tests.factories import GlossaryTermFactory, MemberFactory
from tests.helpers import AdminClient, csrf_client

ADD = "/admin/snippets/glossary/glossaryterm/add/"


def term_data(**changes):
    return {
        "term_ru": "интеллектуальная собственность",
        "term_en": "intellectual property",
        "definition_ru": "Права на результаты творческой деятельности.",
        "definition_en": "Rights to the results of creative work.",
        "forms_ru": "ИС",
        "forms_en": "IP",
        **changes,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["moscow", "coordinator", "editor"])
def test_coordinators_and_editors_add_terms(staff, role):
    client = AdminClient(staff[role])

    response = client.send("post", ADD, term_data())

    assert response.status_code == 302
    term = GlossaryTerm.objects.get()
    assert (term.term_ru, term.term_en, term.forms_en) == (
        "интеллектуальная собственность",
        "intellectual property",
        "IP",
    )


@pytest.mark.django_db
def test_a_coordinator_edits_and_deletes_a_term(staff):
    term = GlossaryTermFactory(term_ru="патент", term_en="patnet")
    client = AdminClient(staff["ekaterinburg"])

    edit = f"/admin/snippets/glossary/glossaryterm/edit/{term.pk}/"
    assert client.send("post", edit, {"term_ru": "патент", "term_en": "patent"}).status_code == 302
    assert GlossaryTerm.objects.get().term_en == "patent"

    delete = f"/admin/snippets/glossary/glossaryterm/delete/{term.pk}/"
    assert client.send("post", delete).status_code == 302
    assert not GlossaryTerm.objects.exists()


@pytest.mark.django_db
def test_a_translator_reads_no_glossary_admin_and_changes_nothing(staff):
    term = GlossaryTermFactory()
    client = AdminClient(staff["translator"])

    assert client.send("post", ADD, term_data()).status_code in (302, 403)
    edit = f"/admin/snippets/glossary/glossaryterm/edit/{term.pk}/"
    assert client.send("post", edit, term_data()).status_code in (302, 403)

    assert GlossaryTerm.objects.get().term_ru == term.term_ru


@pytest.mark.django_db
def test_a_member_cannot_reach_the_glossary_admin(db):
    client = csrf_client(MemberFactory())

    response = client.post(ADD, term_data())

    assert response.status_code in (302, 403)
    assert not GlossaryTerm.objects.exists()


@pytest.mark.django_db
def test_the_add_form_refuses_a_post_without_csrf_token(staff):
    client = AdminClient(staff["coordinator"])

    response = client.post(ADD, term_data())

    assert response.status_code == 403
    assert not GlossaryTerm.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"term_ru": ""}, "term_ru", "Требуется заполнить это поле."),
        ({"term_en": "   "}, "term_en", "Требуется заполнить это поле."),
        ({"term_ru": "—"}, "term_ru", "В термине должно быть хотя бы одно слово."),
        ({"term_en": "x" * 121}, "term_en", "не более 120 символов"),
        ({"term_en": "a b c d e f g"}, "term_en", "В термине не больше 6 слов."),
        ({"definition_en": "x" * 501}, "definition_en", "не более 500 символов"),
        ({"forms_ru": "\n".join(f"форма {n}" for n in range(11))}, "forms_ru", "Не больше 10"),
        ({"term_ru": "Интеллектуальной  Собственности"}, "term_ru", "уже есть в глоссарии"),
        ({"term_en": "Intellectual Properties"}, "term_en", "уже есть в глоссарии"),
    ],
)
def test_bad_terms_are_refused_with_a_message(staff, changes, field, message):
    GlossaryTermFactory(term_ru="интеллектуальная собственность", term_en="intellectual property")
    client = AdminClient(staff["ekaterinburg"])  # the admin in Russian

    data = term_data(term_ru="патент", term_en="patent")
    response = client.send("post", ADD, {**data, **changes})

    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert GlossaryTerm.objects.count() == 1


@pytest.mark.django_db
def test_a_coordinator_marks_terms_on_a_page(staff, library_ru):
    term = GlossaryTermFactory()
    client = AdminClient(staff["coordinator"])

    response = client.send(
        "post",
        "/admin/snippets/glossary/markedterms/add/",
        {"page": library_ru.pk, "terms": [term.pk]},
    )

    assert response.status_code == 302
    assert list(MarkedTerms.objects.get(page=library_ru).terms.all()) == [term]


@pytest.mark.django_db
def test_the_glossary_lists_and_searches_its_terms(staff):
    GlossaryTermFactory(term_ru="патент", term_en="patent")
    GlossaryTermFactory(term_ru="лизинг", term_en="leasing")
    client = AdminClient(staff["moscow"])

    listing = client.get("/admin/snippets/glossary/glossaryterm/")
    found = client.get("/admin/snippets/glossary/glossaryterm/", {"q": "лизинг"})

    assert listing.status_code == found.status_code == 200
    assert "патент" in listing.text and "leasing" in listing.text
    assert "leasing" in found.text and "патент" not in found.text


MARKED_ADD = "/admin/snippets/glossary/markedterms/add/"


@pytest.mark.django_db
def test_a_region_s_coordinator_marks_terms_on_its_pages_only(staff, library_ru, moscow_page):
    term = GlossaryTermFactory()
    client = AdminClient(staff["moscow"])

    refused = client.send("post", MARKED_ADD, {"page": library_ru.pk, "terms": [term.pk]})
    accepted = client.send("post", MARKED_ADD, {"page": moscow_page.pk, "terms": [term.pk]})

    assert refused.status_code == 200
    message = str(refused.context["form"].errors["page"])
    assert "страницах, которые вы можете редактировать" in message or "pages you may" in message
    assert accepted.status_code == 302
    assert list(MarkedTerms.objects.values_list("page", flat=True)) == [moscow_page.pk]


@pytest.mark.django_db
def test_nor_may_they_remove_the_marks_of_another_s_page(staff, library_ru):
    marked = MarkedTerms.objects.create(page=library_ru)
    marked.terms.set([GlossaryTermFactory()])
    marked.save()
    delete = f"/admin/snippets/glossary/markedterms/delete/{marked.pk}/"

    response = AdminClient(staff["moscow"]).send("post", delete, {})

    # The admin's way of saying no: back to the dashboard, nothing removed.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert MarkedTerms.objects.filter(pk=marked.pk).exists()
    allowed = AdminClient(staff["coordinator"]).send("post", delete, {})
    assert allowed["Location"] == "/admin/snippets/glossary/markedterms/"
    assert not MarkedTerms.objects.filter(pk=marked.pk).exists()
