"""A member edits their own profile, and nobody else's; photos are
checked to be real pictures of at most 5 MB."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from community.models import Profile
from community.uploads import MAX_UPLOAD_BYTES
from tests.factories import MemberFactory
from tests.helpers import csrf_client, csrf_token, picture

URL = "/ru/accounts/profile/edit/"


def form_data(**overrides):
    data = {"display_name": "Анна Соколова", "visibility": "public", "position": ""}
    data.update(overrides)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("ru", ["Кто видит мой профиль", "Только участники", "Немецкий", "Москва"]),
        ("en", ["Who can see my profile", "Members only", "German", "Moscow"]),
    ],
)
def test_profile_form_in_both_languages(anna_client, people_en, language, labels):
    response = anna_client.get(f"/{language}/accounts/profile/edit/")

    assert response.status_code == 200
    for label in labels:
        assert label in response.text


@pytest.mark.django_db
def test_member_saves_their_profile_with_region_themes_and_languages(
    anna, anna_client, people_en, regions, topics, locale_en
):
    # Picked in English: stored as chosen, shown in each language.
    region_en = regions["ekaterinburg"].get_translation(locale_en)
    topic_en = topics["ipr"].get_translation(locale_en)

    response = anna_client.post(
        "/en/accounts/profile/edit/",
        form_data(
            position="Директор",
            region=region_en.pk,
            themes=[topic_en.pk],
            languages=["ru", "de"],
            about="Строка 1\nСтрока 2",
            contact_note="По почте",
            show_email="on",
        ),
    )

    assert response.status_code == 302
    profile = Profile.objects.get(user=anna)
    assert profile.region.slug == "ekaterinburg"
    assert [t.slug for t in profile.themes.all()] == ["ipr"]
    assert profile.languages == ["ru", "de"]
    page_ru = anna_client.get(f"/ru/people/member/{profile.pk}/").text
    page_en = anna_client.get(f"/en/people/member/{profile.pk}/").text
    assert "Екатеринбург" in page_ru and "Права интеллектуальной собственности" in page_ru
    assert "Немецкий" in page_ru
    assert "Ekaterinburg" in page_en and "Intellectual property rights" in page_en
    assert "German" in page_en
    assert "Строка 1<br>Строка 2" in page_ru
    # The form shows the English choices ticked when opened in Russian.
    form_ru = anna_client.get(URL).text
    assert f'value="{regions["ekaterinburg"].pk}" selected' in form_ru


@pytest.mark.django_db
def test_account_name_follows_the_profile(anna, anna_client, people_ru):
    anna_client.post(URL, form_data(display_name="  Анна   Петровна  "))

    anna.refresh_from_db()
    assert anna.get_full_name() == "Анна Петровна"
    assert Profile.objects.get(user=anna).display_name == "Анна Петровна"


@pytest.mark.django_db
def test_extra_posted_fields_are_ignored(anna, boris, anna_client, people_ru):
    boris_profile = Profile.objects.get(user=boris)

    anna_client.post(
        URL,
        form_data(
            user=boris.pk,
            is_staff="on",
            is_superuser="on",
            last_seen="2000-01-01T00:00:00Z",
            search_name="hacked",
            **{"profile-visibility": "private", "boris-visibility": "private"},
        ),
    )

    anna.refresh_from_db()
    boris_profile.refresh_from_db()
    assert not anna.is_staff and not anna.is_superuser
    assert Profile.objects.get(user=anna).search_name == "анна соколова"
    assert boris_profile.user == boris and boris_profile.visibility == "members"
    assert Profile.objects.filter(user=anna).count() == 1


@pytest.mark.django_db
def test_bad_input_gets_clear_messages_and_writes_nothing(anna, anna_client, people_ru):
    before = Profile.objects.get(user=anna)

    response = anna_client.post(
        URL,
        form_data(display_name="   ", visibility="everyone-and-their-dog", about="x" * 2001),
    )

    assert response.status_code == 200
    assert "Требуется заполнить это поле." in response.text
    assert "Выберите корректный вариант" in response.text
    assert "не более 2000 символов" in response.text
    after = Profile.objects.get(user=anna)
    assert (after.display_name, after.visibility, after.about) == (
        before.display_name,
        before.visibility,
        before.about,
    )


@pytest.mark.django_db
def test_profile_form_needs_csrf(anna, people_ru):
    client = csrf_client(anna)

    refused = client.post(URL, form_data(display_name="Без токена"))
    token = csrf_token(client, URL)
    accepted = client.post(URL, form_data(display_name="С токеном", csrfmiddlewaretoken=token))

    assert refused.status_code == 403
    assert accepted.status_code == 302
    assert Profile.objects.get(user=anna).display_name == "С токеном"


@pytest.mark.django_db
def test_a_member_without_a_profile_gets_one_from_their_account(people_ru):
    user = MemberFactory(username="vera", name="Вера", profile=None)
    client = csrf_client(user)

    assert client.get("/ru/accounts/profile/").status_code == 200

    assert Profile.objects.get(user=user).display_name == "Вера"


# Photos ---------------------------------------------------------------------


@pytest.mark.django_db
def test_a_real_photo_is_stored_redrawn_and_without_its_original_name(anna, anna_client, people_ru):
    response = anna_client.post(
        URL, form_data(photo=picture("Anna Sokolova passport.jpg", size=(2000, 1000)))
    )

    assert response.status_code == 302
    profile = Profile.objects.get(user=anna)
    assert profile.photo.name.startswith("members/photos/")
    assert "passport" not in profile.photo.name
    assert max(profile.photo_width, profile.photo_height) == 480
    with default_storage.open(profile.photo.name) as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert image.size == (480, 240)


@pytest.mark.django_db
def test_replacing_or_clearing_a_photo_removes_the_old_file(
    anna, anna_client, people_ru, django_capture_on_commit_callbacks
):
    anna_client.post(URL, form_data(photo=picture()))
    first = Profile.objects.get(user=anna).photo.name

    with django_capture_on_commit_callbacks(execute=True):
        anna_client.post(URL, form_data(photo=picture("second.png", image_format="PNG")))
    second = Profile.objects.get(user=anna).photo.name
    assert second.endswith(".png") and second != first
    assert default_storage.exists(second)
    assert not default_storage.exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        anna_client.post(URL, form_data(**{"photo-clear": "on"}))
    assert Profile.objects.get(user=anna).photo.name == ""
    assert not default_storage.exists(second)


def svg_file():
    return SimpleUploadedFile(
        "photo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        content_type="image/svg+xml",
    )


def script_renamed_jpg():
    return SimpleUploadedFile(
        "photo.jpg", b"#!/bin/sh\nrm -rf /\n<?php system($_GET['c']); ?>", content_type="image/jpeg"
    )


def oversized_file():
    # A real JPEG header followed by padding: over the limit before decoding.
    data = picture().read()
    return SimpleUploadedFile(
        "big.jpg", data + b"\0" * (MAX_UPLOAD_BYTES + 1 - len(data)), content_type="image/jpeg"
    )


def pdf_file():
    return SimpleUploadedFile("photo.jpg", b"%PDF-1.4\n%...", content_type="application/pdf")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (svg_file, "Этот файл не подходит: загрузите изображение в формате JPEG"),
        (script_renamed_jpg, "Этот файл не подходит: загрузите изображение в формате JPEG"),
        (pdf_file, "Этот файл не подходит"),
        (
            oversized_file,
            "Файл слишком большой (5,0\xa0МБ). Можно загрузить изображение не больше 5 МБ.",
        ),
    ],
)
def test_bad_uploads_get_a_clear_error_and_store_nothing(
    anna, anna_client, people_ru, make_file, message
):
    response = anna_client.post(URL, form_data(display_name="Новое имя", photo=make_file()))

    assert response.status_code == 200
    assert message in response.text
    profile = Profile.objects.get(user=anna)
    assert profile.photo.name == ""
    assert profile.display_name == "Анна Соколова"  # nothing half-saved


@pytest.mark.django_db
@pytest.mark.parametrize("side", [7000, 20000])  # above our limit; above Pillow's own guard
def test_pictures_with_too_many_pixels_are_refused(anna, anna_client, people_ru, side):
    # A small file that unpacks to side × side pixels.
    output = io.BytesIO()
    Image.new("1", (side, side)).save(output, format="PNG")
    bomb = SimpleUploadedFile("bomb.png", output.getvalue(), content_type="image/png")

    response = anna_client.post(URL, form_data(photo=bomb))

    assert response.status_code == 200
    assert "Изображение слишком большое: можно загрузить не больше 40 мегапикселей." in (
        response.text
    )
    assert Profile.objects.get(user=anna).photo.name == ""
