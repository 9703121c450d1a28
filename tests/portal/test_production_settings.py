"""What production adds to the settings: media on S3-compatible storage
when a bucket is named, the proxies whose headers are believed, and
shared-password privacy left off unless enabled.

Settings are read once per process: each case imports them in a fresh
interpreter (tests/helpers.run_python)."""

import json

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import StaffFactory
from tests.helpers import logged_in, run_python
from tests.portal.test_settings import PRODUCTION_ENV

# Placeholder keys: no request leaves this machine (see the S3 tests).
S3_ENV = {
    **PRODUCTION_ENV,
    "AWS_ACCESS_KEY_ID": "test-access-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret-key",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_STORAGE_BUCKET_NAME": "rusmeco-media",
}


def production_value(code, **env):
    result = run_python(
        "import django, json; django.setup(); from django.conf import settings; " + code,
        "portal.settings.production",
        **{**PRODUCTION_ENV, **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.database_independent
def test_without_a_bucket_media_stay_on_the_local_disk():
    backend = production_value("print(json.dumps(settings.STORAGES['default']['BACKEND']))")

    assert backend == "django.core.files.storage.FileSystemStorage"


@pytest.mark.database_independent
def test_a_bucket_puts_media_on_s3_compatible_storage_with_its_options():
    code = (
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(json.dumps([type(s).__module__ + '.' + type(s).__name__, s.bucket_name, "
        "s.endpoint_url, s.region_name, s.custom_domain, s.file_overwrite, s.querystring_auth]))"
    )
    values = production_value(
        code,
        **S3_ENV,
        AWS_S3_ENDPOINT_URL="https://storage.rusmeco.example",
        AWS_S3_REGION_NAME="ru-central1",
        AWS_S3_CUSTOM_DOMAIN="media.rusmeco.example",
    )

    assert values == [
        "storages.backends.s3.S3Storage",
        "rusmeco-media",
        "https://storage.rusmeco.example",
        "ru-central1",
        "media.rusmeco.example",
        False,
        True,
    ]


@pytest.mark.database_independent
def test_uploads_are_stored_in_the_bucket_and_never_replace_each_other():
    """moto stands in for the S3 server, inside the interpreter: boto3's
    requests never leave it (no endpoint is set, so they go to the AWS
    addresses moto intercepts). A local stand-in for the real service."""
    code = (
        "from moto import mock_aws\n"
        "with mock_aws():\n"
        "    import boto3\n"
        "    from django.core.files.base import ContentFile\n"
        "    from django.core.files.storage import default_storage as storage\n"
        "    s3 = boto3.client('s3', region_name='us-east-1')\n"
        "    s3.create_bucket(Bucket='rusmeco-media')\n"
        "    first = storage.save('images/photo.png', ContentFile(b'first picture'))\n"
        "    second = storage.save('images/photo.png', ContentFile(b'second picture'))\n"
        "    bodies = [s3.get_object(Bucket='rusmeco-media', Key=name)['Body'].read().decode()\n"
        "              for name in (first, second)]\n"
        "    print(json.dumps([first, second, bodies, storage.url(first)]))"
    )
    first, second, bodies, url = production_value(code, **S3_ENV)

    assert first == "images/photo.png"
    assert second != first and second.startswith("images/photo_")
    assert bodies == ["first picture", "second picture"]
    # Private objects: the link is signed and expires.
    assert url.startswith("https://rusmeco-media.s3.amazonaws.com/images/photo.png?")
    assert "Signature=" in url or "X-Amz-Signature=" in url


@pytest.mark.database_independent
def test_production_believes_forwarded_headers_from_this_machine_only_by_default():
    proxies = production_value("print(json.dumps(settings.TRUSTED_PROXIES))")
    listed = production_value(
        "print(json.dumps(settings.TRUSTED_PROXIES))", TRUSTED_PROXIES="10.0.0.0/24, 127.0.0.1"
    )

    assert proxies == ["127.0.0.1", "::1"]
    assert listed == ["10.0.0.0/24", "127.0.0.1"]


# --- privacy: members and groups, not a password passed around ------------------


@pytest.fixture
def superuser(db):
    return StaffFactory(is_superuser=True, is_staff=True)


def privacy_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.json()["html"]


@pytest.mark.django_db
def test_page_privacy_offers_no_shared_password(superuser, about_ru):
    client = logged_in(superuser)
    url = reverse("wagtailadmin_pages:set_privacy", args=[about_ru.pk])

    form = privacy_form(client, url)
    response = client.post(url, {"restriction_type": "password", "password": "letmein"})

    assert 'value="password"' not in form and 'name="password"' not in form
    assert 'value="login"' in form
    assert response.status_code == 200
    assert not PageViewRestriction.objects.exists()


@pytest.mark.django_db
def test_collection_privacy_offers_no_shared_password(superuser):
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    client = logged_in(superuser)
    url = reverse("wagtailadmin_collections:set_privacy", args=[collection.pk])

    form = privacy_form(client, url)
    response = client.post(url, {"restriction_type": "password", "password": "letmein"})

    assert 'value="password"' not in form and 'name="password"' not in form
    assert response.status_code == 200
    assert not CollectionViewRestriction.objects.exists()


@pytest.mark.django_db
@override_settings(WAGTAIL_PRIVATE_PAGE_OPTIONS={"SHARED_PASSWORD": True})
def test_shared_passwords_can_be_turned_on(superuser, about_ru):
    form = privacy_form(
        logged_in(superuser), reverse("wagtailadmin_pages:set_privacy", args=[about_ru.pk])
    )

    assert 'value="password"' in form and 'name="password"' in form


@pytest.mark.database_independent
def test_wagtail_shared_passwords_variable_turns_them_on():
    code = (
        "print(json.dumps([settings.WAGTAIL_PRIVATE_PAGE_OPTIONS, "
        "settings.WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS]))"
    )

    assert production_value(code) == [{"SHARED_PASSWORD": False}] * 2
    assert (
        production_value(code, WAGTAIL_SHARED_PASSWORDS="true") == [{"SHARED_PASSWORD": True}] * 2
    )
