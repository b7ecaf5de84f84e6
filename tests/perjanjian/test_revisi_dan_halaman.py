"""Revisions keep the old version; pages show PKs and the pohon kinerja to those allowed to see them."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nakertrans.demo import KABID_NAKER, KABID_TRANS, PENGANTAR_KERJA, PERENCANA, dinas
from perjanjian import services
from perjanjian.models import BarisPK, PerjanjianKinerja


def _pk(jabatan, **filter):
    return PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=jabatan, **filter)


def test_revised_pk_keeps_its_previous_version_and_moves_the_cascade(perencanaan, admin):
    lama = _pk(KABID_NAKER)
    baru = services.revisi_pk(perjanjian=lama, user=admin, alasan="Pergantian pejabat")
    assert (baru.versi, baru.status, baru.baris.count()) == (2, "draft", 3)
    baris_baru = baru.baris.get(urutan=2)
    baris_baru.target_angka = 92
    baris_baru.rencana_tw1 = baris_baru.rencana_tw2 = baris_baru.rencana_tw3 = baris_baru.rencana_tw4 = 92
    baris_baru.save()
    services.finalkan_pk(perjanjian=baru, user=admin)
    lama.refresh_from_db()
    assert lama.status == "diganti" and lama.baris.get(urutan=2).target_angka == Decimal("90.53")
    pengantar = _pk(PENGANTAR_KERJA).baris.get()
    assert pengantar.induk == baris_baru
    assert _pk(KABID_NAKER, status="final").versi == 2


def test_a_final_pk_cannot_be_edited_in_the_admin(masuk_sebagai, admin, perencanaan):
    pk = _pk(KABID_TRANS)
    respons = masuk_sebagai(admin).post(
        reverse("admin:perjanjian_perjanjiankinerja_change", args=[pk.pk]), {}
    )
    assert respons.status_code == 403


def test_revision_needs_a_reason_and_admin_rights(perencanaan, admin, kadis):
    with pytest.raises(ValidationError, match="Alasan revisi wajib"):
        services.revisi_pk(perjanjian=_pk(KABID_TRANS), user=admin, alasan=" ")
    with pytest.raises(PermissionDenied):
        services.revisi_pk(perjanjian=_pk(KABID_TRANS), user=kadis, alasan="x")


def test_finalising_refuses_lines_without_target(perencanaan, admin):
    baru = services.revisi_pk(perjanjian=_pk(PERENCANA), user=admin, alasan="Koreksi")
    with pytest.raises(ValidationError, match="Baris 3 belum memiliki target"):
        services.finalkan_pk(perjanjian=baru, user=admin)
    baru.refresh_from_db()
    assert baru.status == "draft"


def test_operator_sees_own_units_pks_only(masuk_sebagai, operator_trans, perencanaan):
    client = masuk_sebagai(operator_trans)
    halaman = client.get(reverse("perjanjian:daftar_tahun", args=[2024])).content.decode()
    assert KABID_TRANS in halaman and KABID_NAKER not in halaman
    assert client.get(reverse("perjanjian:detail", args=[_pk(KABID_NAKER).pk])).status_code == 404
    assert client.get(reverse("perjanjian:cetak", args=[_pk(KABID_NAKER).pk])).status_code == 404
    assert client.get(reverse("perjanjian:detail", args=[_pk(KABID_TRANS).pk])).status_code == 200


def test_pohon_kinerja_shows_every_line_under_its_parent(masuk_sebagai, kadis, perencanaan):
    respons = masuk_sebagai(kadis).get(reverse("perjanjian:pohon_tahun", args=[2024]))
    akar, anak = respons.context["akar"], respons.context["anak"]
    terlihat = [b for _, daftar in akar for b in daftar] + [b for daftar in anak.values() for b in daftar]
    assert sorted(b.pk for b in terlihat) == sorted(
        BarisPK.objects.filter(perjanjian__instansi=dinas(), perjanjian__tahun=2024).values_list(
            "pk", flat=True
        )
    )
    for b in terlihat:
        if b.jalur_atas:  # the office's top lines, under the Bupati's own PK (read-only above them)
            assert [a.perjanjian.jabatan.jenis for a in b.jalur_atas] == ["kepala_daerah"]
        elif b.induk_id:
            assert b in anak[b.induk_id]
    halaman = respons.content.decode()
    assert "IKU: Tingkat pengangguran terbuka" in halaman and "Pengantar Kerja Ahli Muda" in halaman


def test_pk_pages_query_count_does_not_grow_with_lines(masuk_sebagai, kadis, perencanaan):
    client = masuk_sebagai(kadis)

    def hitung(url):
        with CaptureQueriesContext(connection) as q:
            client.get(url)
        return len(q)

    daftar, pohon = hitung("/perjanjian/2024/"), hitung("/perjanjian/pohon/2024/")
    pk = _pk(KABID_TRANS)
    for i in range(5):
        BarisPK.objects.create(
            perjanjian=pk, urutan=10 + i, sasaran="x", indikator=pk.baris.first().indikator, target_angka=1
        )
    assert hitung("/perjanjian/2024/") == daftar
    assert hitung("/perjanjian/pohon/2024/") == pohon


def test_renstra_page_shows_visi_misi_and_the_iku_targets(masuk_sebagai, inspektorat, perencanaan):
    respons = masuk_sebagai(inspektorat).get(reverse("perjanjian:renstra"))
    halaman = respons.content.decode()
    assert (
        "Terwujudnya Tenaga Kerja dan Masyarakat Transmigrasi yang Berkualitas, Maju dan Sejahtera" in halaman
    )
    assert len(respons.context["iku"]) == 2
    kawasan, tpt = respons.context["iku"]
    tahun = respons.context["tahun"]
    assert tahun == [2021, 2022, 2023, 2024, 2025, 2026]
    assert [t.target_angka if t else None for t in tpt[1]][2:4] == [Decimal("5.89"), Decimal("5.88")]
    assert "makin rendah makin baik" in halaman
