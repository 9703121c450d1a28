"""Every model that belongs to a region takes its `region` from one mixin."""

from django.apps import apps

from home.models import Region
from home.models.regional import RegionalEditMixin, RegionMixin


def region_models():
    return [
        model
        for model in apps.get_models()
        if any(
            field.many_to_one and field.related_model is Region
            for field in model._meta.get_fields()
        )
    ]


def test_every_foreign_key_to_a_region_comes_from_the_region_mixin():
    models = region_models()
    assert {model._meta.label for model in models} >= {
        "community.Profile",
        "community.Company",
        "community.RegionPage",
        "community.NewsPage",
        "library.LibraryItemPage",
        "events.EventPage",
        "home.StandardPage",
    }
    for model in models:
        assert issubclass(model, RegionMixin), model
        assert model._meta.get_field("region").related_model is Region


def test_only_library_items_events_and_listings_let_coordinators_edit_outside_their_region():
    editable = {
        model._meta.label for model in region_models() if issubclass(model, RegionalEditMixin)
    }
    assert editable == {
        "library.LibraryItemPage",
        "library.CaseStudyPage",
        "library.ArticlePage",
        "events.EventPage",
        # Listings live under the partnerships page, not under a region's page.
        "partnerships.ListingPage",
    }
