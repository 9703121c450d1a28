"""A member's self-assessment results in "My data" (home/member_data.py):
each saved result with its assessment, date, region and sector, and the
score of each dimension by its title. Deleting the account deletes the
results (member on_delete=CASCADE); the erasure hook deletes them first
all the same, so no result outlives the account in any order of deletion.
"""

from assessments.models import AssessmentPage, AssessmentResult


def export_results(user):
    results = list(
        AssessmentResult.objects.filter(member=user).select_related("region").order_by("pk")
    )
    pages = {}
    for page in AssessmentPage.objects.filter(
        translation_key__in={result.assessment_key for result in results}
    ).order_by("-locale_id"):
        pages[page.translation_key] = page
    exported = []
    for result in results:
        page = pages.get(result.assessment_key)
        titles = {d.id: d.title for d in page.dimension_list()} if page else {}
        exported.append(
            {
                "assessment": page.title if page else str(result.assessment_key),
                "taken_at": result.created_at.isoformat(),
                "region": result.region.name if result.region else None,
                "sector": result.sector or None,
                "scores": {titles.get(key, key): value for key, value in result.scores.items()},
            }
        )
    return "self_assessment_results", exported


def erase_results(user):
    AssessmentResult.objects.filter(member=user).delete()
