"""The confirmation step of the import page (nakertrans.forms.FormKonfirmasiImporData): a NUL character,
an over-long or a missing preview token is the preview's message and nothing is imported; an unknown kind
is not found."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from perjanjian.models import Indikator

PESAN = "Pratinjau tidak dikenal atau sudah kedaluwarsa; unggah ulang berkasnya."


@pytest.fixture
def pratinjau(masuk_sebagai, admin):
    """The Admin's client and the token of a preview of one new indicator."""
    client = masuk_sebagai(admin)
    respons = client.post(
        reverse("impor"),
        {"jenis": "indikator", "berkas": SimpleUploadedFile("data.csv", b"nama,satuan\nIndeks Uji,indeks\n")},
    )
    return client, respons.context["token"]


def _simpan(client, **data):
    return client.post(reverse("impor_simpan"), data)


@pytest.mark.parametrize("rusak", ["{}\x00", "{}" + "0" * 300, ""])
def test_an_unreadable_token_is_the_previews_message_and_nothing_is_imported(pratinjau, rusak):
    client, token = pratinjau
    respons = _simpan(client, jenis="indikator", token=rusak.format(token))
    assert respons.status_code == 302 and respons.url == f"{reverse('impor')}?jenis=indikator"
    assert [str(m) for m in get_messages(respons.wsgi_request)] == [PESAN]
    assert not Indikator.objects.filter(nama="Indeks Uji").exists()
    # The preview was not consumed: confirmed as sent by the page, it imports.
    _simpan(client, jenis="indikator", token=token)
    assert Indikator.objects.filter(nama="Indeks Uji").exists()


def test_a_missing_token_is_the_previews_message(pratinjau):
    client, _ = pratinjau
    respons = _simpan(client, jenis="indikator")
    assert [str(m) for m in get_messages(respons.wsgi_request)] == [PESAN]


@pytest.mark.parametrize("jenis", ["indikator\x00", "tidak_ada", ""])
def test_an_unknown_kind_is_not_found_and_nothing_is_imported(pratinjau, jenis):
    client, token = pratinjau
    assert _simpan(client, jenis=jenis, token=token).status_code == 404
    assert not Indikator.objects.filter(nama="Indeks Uji").exists()


def test_a_kind_the_user_may_not_import_is_refused(masuk_sebagai, operator_naker):
    respons = _simpan(masuk_sebagai(operator_naker), jenis="indikator", token="x\x00")
    assert respons.status_code == 403
