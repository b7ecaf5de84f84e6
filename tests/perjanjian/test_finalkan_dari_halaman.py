"""«Finalkan» and «Buat revisi» on the PK page: Admin only, with the admin's checks, refusals as messages."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models.query import QuerySet
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nakertrans.demo import KABID_TRANS, PERENCANA
from nakertrans.models import Jabatan
from perjanjian import services
from perjanjian.models import PerjanjianKinerja

Status = PerjanjianKinerja.Status


def _pk(jabatan, **filter):
    return PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=jabatan, **filter)


def _pesan(respons):
    return [str(m) for m in respons.context["messages"]]


def _finalkan(client, pk):
    return client.post(reverse("perjanjian:finalkan", args=[pk.pk]), follow=True)


def _revisi(client, pk, alasan):
    return client.post(reverse("perjanjian:revisi", args=[pk.pk]), {"alasan": alasan}, follow=True)


@pytest.fixture
def draf_revisi(perencanaan, admin):
    """Version 2 of the Kepala Bidang Transmigrasi's PK, a draft copied from the final version 1."""
    return services.revisi_pk(perjanjian=_pk(KABID_TRANS), user=admin, alasan="Pergantian pejabat")


def test_admin_finalises_a_draft_from_its_page_and_the_old_version_stays_readable(
    masuk_sebagai, admin, draf_revisi
):
    client = masuk_sebagai(admin)
    halaman = client.get(reverse("perjanjian:detail", args=[draf_revisi.pk])).content.decode()
    assert (
        reverse("perjanjian:finalkan", args=[draf_revisi.pk]) in halaman and ">Finalkan</button>" in halaman
    )

    respons = _finalkan(client, draf_revisi)
    assert respons.redirect_chain == [(reverse("perjanjian:detail", args=[draf_revisi.pk]), 302)]
    assert _pesan(respons) == ["PK versi 2 difinalkan."]
    draf_revisi.refresh_from_db()
    lama = draf_revisi.revisi_dari
    assert (draf_revisi.status, lama.status) == (Status.FINAL, Status.DIGANTI)
    assert draf_revisi.pihak_kesatu is not None and draf_revisi.pihak_kedua is not None

    # The replaced version is still readable, with its own lines, and links to the one in force.
    respons = client.get(reverse("perjanjian:detail", args=[lama.pk]))
    halaman = respons.content.decode()
    assert respons.status_code == 200
    assert "Diganti revisi (versi 1)" in halaman
    assert [b.pk for b in respons.context["pk"].baris.all()] == list(
        lama.baris.order_by("urutan").values_list("pk", flat=True)
    )
    assert reverse("perjanjian:detail", args=[draf_revisi.pk]) in halaman
    # A replaced version offers neither action.
    assert "Finalkan</button>" not in halaman and "Buat revisi</button>" not in halaman


def test_admin_creates_a_revision_from_the_page_with_its_reason(masuk_sebagai, admin, perencanaan):
    client = masuk_sebagai(admin)
    final = _pk(KABID_TRANS)
    halaman = client.get(reverse("perjanjian:detail", args=[final.pk])).content.decode()
    assert 'name="alasan"' in halaman and "Buat revisi</button>" in halaman

    respons = _revisi(client, final, "  Pergantian program  ")
    baru = PerjanjianKinerja.objects.get(revisi_dari=final)
    assert respons.redirect_chain == [(reverse("perjanjian:detail", args=[baru.pk]), 302)]
    assert _pesan(respons) == [
        "Draf revisi versi 2 dibuat. Ubah barisnya, lalu finalkan; versi 1 tetap berlaku sampai revisi "
        "difinalkan."
    ]
    assert (baru.versi, baru.status, baru.alasan_revisi) == (2, Status.DRAFT, "Pergantian program")
    assert baru.baris.count() == final.baris.count()
    final.refresh_from_db()
    assert final.status == Status.FINAL

    # The final version's page now points at the draft instead of offering a second revision.
    halaman = client.get(reverse("perjanjian:detail", args=[final.pk])).content.decode()
    assert "Draf revisi" in halaman and reverse("perjanjian:detail", args=[baru.pk]) in halaman
    assert 'name="alasan"' not in halaman


@pytest.mark.parametrize("alasan", ["", "   "])
def test_a_revision_without_a_reason_is_a_message_and_creates_nothing(
    masuk_sebagai, admin, perencanaan, alasan
):
    final = _pk(KABID_TRANS)
    sebelum = PerjanjianKinerja.objects.count()
    respons = _revisi(masuk_sebagai(admin), final, alasan)
    assert respons.status_code == 200
    assert respons.redirect_chain == [(reverse("perjanjian:detail", args=[final.pk]), 302)]
    assert _pesan(respons) == [
        "Revisi tidak dibuat: Alasan revisi wajib diisi (misalnya pergantian pejabat, program atau anggaran)."
    ]
    assert PerjanjianKinerja.objects.count() == sebelum


@pytest.mark.parametrize("persona", ["operator_trans", "kadis", "inspektorat"])
def test_other_roles_see_no_buttons_and_are_refused_with_a_message(
    request, masuk_sebagai, draf_revisi, persona
):
    client = masuk_sebagai(request.getfixturevalue(persona))
    final = draf_revisi.revisi_dari
    for pk in (draf_revisi, final):
        halaman = client.get(reverse("perjanjian:detail", args=[pk.pk])).content.decode()
        assert "Finalkan</button>" not in halaman and "Buat revisi</button>" not in halaman

    respons = _finalkan(client, draf_revisi)
    assert respons.status_code == 200
    assert _pesan(respons) == [
        "PK tidak difinalkan: Hanya Admin (perencana) perangkat daerah ini yang mengelola Perjanjian Kinerja."
    ]
    respons = _revisi(client, final, "Mencoba")
    assert _pesan(respons) == [
        "Revisi tidak dibuat: Hanya Admin (perencana) perangkat daerah ini yang mengelola Perjanjian Kinerja."
    ]
    draf_revisi.refresh_from_db()
    final.refresh_from_db()
    assert (draf_revisi.status, final.status) == (Status.DRAFT, Status.FINAL)
    assert PerjanjianKinerja.objects.filter(jabatan=final.jabatan, tahun=2024).count() == 2


def test_an_operator_of_another_unit_gets_a_404(masuk_sebagai, operator_naker, draf_revisi):
    client = masuk_sebagai(operator_naker)
    assert client.post(reverse("perjanjian:finalkan", args=[draf_revisi.pk])).status_code == 404
    assert (
        client.post(
            reverse("perjanjian:revisi", args=[draf_revisi.revisi_dari_id]), {"alasan": "x"}
        ).status_code
        == 404
    )
    draf_revisi.refresh_from_db()
    assert draf_revisi.status == Status.DRAFT


def test_the_actions_accept_only_post_from_a_logged_in_user(client, masuk_sebagai, admin, draf_revisi):
    url = reverse("perjanjian:finalkan", args=[draf_revisi.pk])
    anonim = client.post(url)
    assert anonim.status_code == 302 and anonim["Location"].startswith(reverse("masuk"))
    assert masuk_sebagai(admin).get(url).status_code == 405
    draf_revisi.refresh_from_db()
    assert draf_revisi.status == Status.DRAFT


def test_a_draft_without_lines_is_refused_with_the_admins_message(masuk_sebagai, admin, perencanaan):
    kosong = PerjanjianKinerja.objects.create(
        tahun=2025, jabatan=Jabatan.objects.get(nama=KABID_TRANS), tanggal=date(2025, 1, 2)
    )
    respons = _finalkan(masuk_sebagai(admin), kosong)
    assert respons.status_code == 200
    assert _pesan(respons) == ["PK tidak difinalkan: PK belum memiliki baris sasaran dan indikator."]
    kosong.refresh_from_db()
    assert kosong.status == Status.DRAFT


def test_a_draft_with_a_line_without_target_is_refused(masuk_sebagai, admin, perencanaan):
    # The Perencana's line 3 has no target in the seed (as the admin action also refuses).
    draf = services.revisi_pk(perjanjian=_pk(PERENCANA), user=admin, alasan="Koreksi")
    respons = _finalkan(masuk_sebagai(admin), draf)
    assert _pesan(respons) == ["PK tidak difinalkan: Baris 3 belum memiliki target."]
    draf.refresh_from_db()
    assert draf.status == Status.DRAFT
    assert _pk(PERENCANA, versi=1).status == Status.FINAL


def test_a_draft_whose_date_has_no_official_is_refused(masuk_sebagai, admin, draf_revisi):
    PerjanjianKinerja.objects.filter(pk=draf_revisi.pk).update(tanggal=date(1990, 1, 2))
    respons = _finalkan(masuk_sebagai(admin), draf_revisi)
    (pesan,) = _pesan(respons)
    assert pesan.startswith("PK tidak difinalkan: Tidak ada pejabat") and "02-01-1990" in pesan
    draf_revisi.refresh_from_db()
    assert draf_revisi.status == Status.DRAFT


def test_a_second_finalkan_post_finalises_nothing_more(masuk_sebagai, admin, draf_revisi):
    client = masuk_sebagai(admin)
    _finalkan(client, draf_revisi)
    respons = _finalkan(client, draf_revisi)
    assert _pesan(respons) == ["PK tidak difinalkan: Hanya PK berstatus draf yang dapat difinalkan."]
    semua = PerjanjianKinerja.objects.filter(tahun=2024, jabatan=draf_revisi.jabatan)
    assert sorted(semua.values_list("versi", "status")) == [(1, Status.DIGANTI), (2, Status.FINAL)]
    # One historical record of the finalisation, not two.
    assert draf_revisi.history.filter(status=Status.FINAL).count() == 1


def test_a_second_revisi_post_makes_no_second_revision(masuk_sebagai, admin, perencanaan):
    client = masuk_sebagai(admin)
    final = _pk(KABID_TRANS)
    _revisi(client, final, "Pergantian pejabat")
    respons = _revisi(client, final, "Pergantian pejabat")
    assert _pesan(respons) == ["Revisi tidak dibuat: Sudah ada draf revisi PK ini."]
    assert PerjanjianKinerja.objects.filter(tahun=2024, jabatan=final.jabatan).count() == 2


def test_a_concurrent_revision_missed_by_the_check_is_refused_not_a_500(
    perencanaan, admin, draf_revisi, monkeypatch
):
    """Two «Buat revisi» at once both pass the «draft exists?» check when nothing serialises them (the
    row lock does on PostgreSQL; SQLite has none); the database's one-draft rule then refuses the
    second, and the service says so instead of failing with an IntegrityError."""
    final = draf_revisi.revisi_dari
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)
    with pytest.raises(ValidationError, match="Sudah ada draf revisi PK ini"):
        services.revisi_pk(perjanjian=final, user=admin, alasan="Serentak")
    monkeypatch.undo()
    assert PerjanjianKinerja.objects.filter(tahun=2024, jabatan=final.jabatan).count() == 2


@pytest.mark.postgresql  # SQLite has no SELECT … FOR UPDATE; deselected there, run on PostgreSQL
def test_finalising_and_revising_lock_the_pk_row(perencanaan, admin, draf_revisi):
    with CaptureQueriesContext(connection) as q:
        services.finalkan_pk(perjanjian=draf_revisi, user=admin)
    assert any("FOR UPDATE" in k["sql"] and "perjanjiankinerja" in k["sql"] for k in q.captured_queries)
    with CaptureQueriesContext(connection) as q:
        services.revisi_pk(perjanjian=draf_revisi, user=admin, alasan="Lagi")
    assert any("FOR UPDATE" in k["sql"] and "perjanjiankinerja" in k["sql"] for k in q.captured_queries)
