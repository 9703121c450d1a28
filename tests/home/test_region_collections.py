"""Each region keeps its images and documents in a collection of its own
(`Region.collection`, home/region_roles.py): its coordinators add and
replace files there only, choose from it and from the "Shared" collection,
and cannot replace a file that another region's pages (or the head
office's, in the root collection) show. Driven through the admin with CSRF
enforced."""

import hashlib

import pytest
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.region_roles import shared_collection
from tests.helpers import AdminClient, picture


def refused(response):
    """A 403, or Wagtail's redirect of a refused admin user to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def fingerprint(item):
    item.refresh_from_db()
    with item.file.open("rb") as stored:
        return item.title, item.file.name, hashlib.sha256(stored.read()).hexdigest()


@pytest.fixture
def places(regions):
    """Where files live: {name: collection}."""
    return {
        "moscow": regions["moscow"].collection,
        "ekaterinburg": regions["ekaterinburg"].collection,
        "shared": shared_collection(),
        "root": Collection.get_first_root_node(),
    }


@pytest.fixture
def images(places):
    return {
        name: wagtail_factories.ImageFactory(title=f"{name}-photo", collection=collection)
        for name, collection in places.items()
    }


@pytest.fixture
def documents(places):
    return {
        name: wagtail_factories.DocumentFactory(title=f"{name}-file", collection=collection)
        for name, collection in places.items()
    }


def replace_image(client, image):
    url = reverse("wagtailimages:edit", args=[image.pk])
    data = {"title": "Заменено", "file": picture("new.jpg", colour="red")}
    return client.send("post", url, data | {"collection": image.collection_id})


def replace_document(client, document):
    url = reverse("wagtaildocs:edit", args=[document.pk])
    upload = SimpleUploadedFile("new.txt", b"replaced", content_type="text/plain")
    data = {"title": "Заменено", "file": upload, "collection": document.collection_id}
    return client.send("post", url, data)


@pytest.mark.django_db
@pytest.mark.parametrize("place", ["ekaterinburg", "root", "shared"])
def test_a_coordinator_cannot_replace_files_outside_their_region(staff, images, documents, place):
    client = AdminClient(staff["moscow"])
    image, document = images[place], documents[place]
    before = fingerprint(image), fingerprint(document)

    assert refused(client.get(reverse("wagtailimages:edit", args=[image.pk])))
    assert refused(replace_image(client, image))
    assert refused(replace_document(client, document))

    assert (fingerprint(image), fingerprint(document)) == before


@pytest.mark.django_db
def test_a_coordinator_replaces_files_in_their_region(staff, images, documents):
    client = AdminClient(staff["moscow"])
    image, document = images["moscow"], documents["moscow"]
    before = fingerprint(image), fingerprint(document)

    assert replace_image(client, image).status_code == 302
    assert replace_document(client, document).status_code == 302

    after = fingerprint(image), fingerprint(document)
    assert after[0][0] == after[1][0] == "Заменено"
    assert after[0][2] != before[0][2] and after[1][2] != before[1][2]


@pytest.mark.django_db
def test_the_head_office_replaces_files_anywhere(staff, images):
    client = AdminClient(staff["coordinator"])

    assert replace_image(client, images["ekaterinburg"]).status_code == 302
    assert fingerprint(images["ekaterinburg"])[0] == "Заменено"


@pytest.mark.django_db
def test_a_coordinators_uploads_go_to_their_regions_collection(staff, places):
    client = AdminClient(staff["moscow"])
    form = client.get(reverse("wagtailimages:add"))
    assert form.status_code == 200
    # Only one collection to add to: Wagtail leaves out the choice.
    assert 'name="collection"' not in form.text

    response = client.send(
        "post", reverse("wagtailimages:add"), {"title": "Форум", "file": picture("forum.jpg")}
    )
    assert response.status_code == 302
    many = client.send(
        "post", reverse("wagtailimages:add_multiple"), {"files[]": picture("many.jpg")}
    )
    assert many.status_code == 200 and many.json()["success"]
    upload = SimpleUploadedFile("plan.txt", b"plan", content_type="text/plain")
    response = client.send("post", reverse("wagtaildocs:add"), {"title": "План", "file": upload})
    assert response.status_code == 302

    Image, Document = get_image_model(), get_document_model()
    assert Image.objects.get(title="Форум").collection == places["moscow"]
    assert Image.objects.get(title="many.jpg").collection == places["moscow"]
    assert Document.objects.get(title="План").collection == places["moscow"]


@pytest.mark.django_db
def test_a_coordinator_cannot_upload_into_another_collection(staff, places):
    client = AdminClient(staff["moscow"])

    client.send(
        "post",
        reverse("wagtailimages:add"),
        {"title": "Чужое", "file": picture(), "collection": places["ekaterinburg"].pk},
    )

    assert not get_image_model().objects.filter(collection=places["ekaterinburg"]).exists()


@pytest.mark.django_db
def test_the_choosers_offer_the_regions_and_the_shared_files(staff, images, documents):
    client = AdminClient(staff["moscow"])

    image_chooser = client.get(reverse("wagtailimages_chooser:choose")).text
    document_chooser = client.get(reverse("wagtaildocs_chooser:choose")).text

    assert {name for name in images if f"{name}-photo" in image_chooser} == {"moscow", "shared"}
    assert {name for name in documents if f"{name}-file" in document_chooser} == {
        "moscow",
        "shared",
    }
