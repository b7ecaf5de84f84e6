"""The reason of «Buat revisi» (perjanjian.forms), on the PK page and among the admin's actions: a NUL
character, a reason over 4.000 characters or a missing one is a message and no revision is made."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from nakertrans.demo import KABID_TRANS
from perjanjian.models import PerjanjianKinerja

ADMIN_PK = reverse("admin:perjanjian_perjanjiankinerja_changelist")


@pytest.fixture
def final(perencanaan):
    return PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=KABID_TRANS)


def _pesan(respons):
    return [str(m) for m in get_messages(respons.wsgi_request)]


def _revisi(client, pk, data):
    return client.post(reverse("perjanjian:revisi", args=[pk.pk]), data)


def _revisi_admin(client, pk, **data):
    return client.post(ADMIN_PK, {"action": "buat_revisi", "index": "0", "_selected_action": [pk.pk], **data})


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        (
            {"alasan": "Pergantian\x00 pejabat"},
            "Alasan revisi berisi 1 karakter NUL (biasanya terbawa saat menempel dari berkas biner); "
            "tidak ada yang disimpan.",
        ),
        ({"alasan": "x" * 4001}, "Alasan revisi terlalu panjang: 4.001 karakter, paling banyak 4.000."),
        ({}, "Alasan revisi wajib diisi (misalnya pergantian pejabat, program atau anggaran)."),
    ],
)
def test_a_reason_the_page_cannot_take_is_a_message_and_no_revision(masuk_sebagai, admin, final, data, pesan):
    respons = _revisi(masuk_sebagai(admin), final, data)
    assert respons.status_code == 302 and respons.url == reverse("perjanjian:detail", args=[final.pk])
    assert _pesan(respons) == [f"Revisi tidak dibuat: {pesan}"]
    assert not PerjanjianKinerja.objects.filter(revisi_dari=final).exists()


def test_a_reason_of_4000_characters_is_recorded(masuk_sebagai, admin, final):
    _revisi(masuk_sebagai(admin), final, {"alasan": "x" * 4000})
    assert PerjanjianKinerja.objects.get(revisi_dari=final).alasan_revisi == "x" * 4000


def test_the_admin_action_records_the_reason_typed_beside_it(masuk_sebagai, admin, final):
    client = masuk_sebagai(admin)
    assert 'name="alasan_revisi"' in client.get(ADMIN_PK).content.decode()
    respons = _revisi_admin(client, final, alasan_revisi="  Pergantian program  ")
    assert respons.status_code == 302
    assert PerjanjianKinerja.objects.get(revisi_dari=final).alasan_revisi == "Pergantian program"


def test_the_admin_action_without_a_reason_records_where_it_was_made(masuk_sebagai, admin, final):
    _revisi_admin(masuk_sebagai(admin), final)
    baru = PerjanjianKinerja.objects.get(revisi_dari=final)
    assert baru.alasan_revisi == "Revisi dibuat dari halaman administrasi."


@pytest.mark.parametrize(
    ("alasan", "pesan"),
    [
        ("Ganti\x00", "Alasan revisi berisi 1 karakter NUL"),
        ("x" * 4001, "Alasan revisi terlalu panjang: 4.001 karakter, paling banyak 4.000."),
    ],
)
@pytest.mark.parametrize("aksi", ["buat_revisi", "finalkan"])
def test_a_reason_the_admin_cannot_take_is_named_and_no_action_runs(
    masuk_sebagai, admin, final, alasan, pesan, aksi
):
    respons = masuk_sebagai(admin).post(
        ADMIN_PK, {"action": aksi, "index": "0", "_selected_action": [final.pk], "alasan_revisi": alasan}
    )
    assert respons.status_code == 302
    # One message, this one: the action did not run (it would have said what it did or refused).
    (teks,) = _pesan(respons)
    assert teks.startswith(f"Tidak ada yang diubah. {pesan}")
    assert not PerjanjianKinerja.objects.filter(revisi_dari=final).exists()
