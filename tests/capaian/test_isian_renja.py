"""Entry of the Renja's kinerja by the responsible unit: the workflow's locks, conflicts, evidence and
history as for PK lines, and bad input refused with an Indonesian message and nothing changed."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from anggaran.models import AnggaranSubKegiatan
from capaian import services_renja
from capaian.models_renja import BuktiRenja, CatatanEvaluasiRenja, IndikatorRenja, RealisasiRenja, TargetRenja
from capaian.renja import evaluasi_renja
from nakertrans import workflow
from nakertrans.models import Pengajuan, UnitKerja
from nakertrans.opd import alamat_opd
from nakertrans.peran import OPERATOR
from perjanjian.models import Indikator
from tests.opd_kedua import buat_pengguna
from tests.pdf_teks import BerkasPdf

D = Decimal
PDF_KECIL = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def terbuka(kantor):
    """The office's 2024 TW IV reopened (draft) for its operator."""
    Pengajuan.objects.filter(jenis="renja", tahun=2024, periode=4).delete()
    return kantor


def _simpan(kantor, ir, realisasi, **kwargs):
    return services_renja.simpan_realisasi_renja(
        user=kantor["operator"], indikator_renja=ir, tahun=2024, triwulan=4, realisasi=realisasi, **kwargs
    )


def _url(opd, nama, *args):
    return alamat_opd(opd, reverse(nama, args=args))


def _nilai(ir, triwulan=4):
    return RealisasiRenja.objects.get(indikator_renja=ir, tahun=2024, triwulan=triwulan).realisasi


def test_the_unit_saves_a_quarter_and_the_change_is_in_the_history(terbuka):
    ir = terbuka["naik"]
    _simpan(terbuka, ir, "3", catatan="dua dokumen terlambat")
    assert _nilai(ir) == D(3)
    r = RealisasiRenja.objects.get(indikator_renja=ir, tahun=2024, triwulan=4)
    terakhir = r.history.first()
    assert terakhir.history_user == terbuka["operator"] and terakhir.realisasi_angka == D(3)
    assert terakhir.catatan == "dua dokumen terlambat"
    b = next(b for b in evaluasi_renja(terbuka["opd"], 2024, 4).baris if b.indikator_renja == ir)
    assert b.tw[3] is None and b.belum_disetujui  # saved, not yet approved: not read as a figure


def test_a_letter_indicator_takes_a_predikat_and_refuses_anything_else(terbuka):
    ir = terbuka["huruf"]
    _simpan(terbuka, ir, "a")
    assert _nilai(ir) == "A"
    with pytest.raises(ValidationError, match="predikat: AA, A, BB, B, CC, C atau D"):
        _simpan(terbuka, ir, "Baik")
    assert _nilai(ir) == "A"


@pytest.mark.parametrize(
    ("ketik", "pesan"),
    [
        ("12a", "harus berupa angka"),
        ("-2", "tidak boleh negatif"),
        ("Rp 5", "Realisasi"),
        ("1.000.000.000.000.000", "terlalu besar"),
    ],
)
def test_a_figure_that_is_not_a_number_is_refused_and_nothing_changes(terbuka, ketik, pesan):
    ir = terbuka["naik"]
    with pytest.raises(ValidationError, match=pesan):
        _simpan(terbuka, ir, ketik)
    assert _nilai(ir) == D(1)


def test_another_units_indicator_is_refused(terbuka):
    sekretariat = UnitKerja.objects.create(
        instansi=terbuka["opd"], nama="Sekretariat Uji", jenis="sekretariat"
    )
    lain = buat_pengguna("operator_sekretariat_uji", OPERATOR, terbuka["opd"], [sekretariat])
    with pytest.raises(PermissionDenied, match="bukan tanggung jawab unit kerja Anda"):
        services_renja.simpan_realisasi_renja(
            user=lain, indikator_renja=terbuka["naik"], tahun=2024, triwulan=4, realisasi="9"
        )
    assert _nilai(terbuka["naik"]) == D(1)


def test_an_approved_quarter_is_locked(kantor):
    with pytest.raises(ValidationError, match="terkunci"):
        _simpan(kantor, kantor["naik"], "9")
    assert _nilai(kantor["naik"]) == D(1)


def test_an_indicator_without_this_years_target_takes_no_realisasi(terbuka):
    ir = IndikatorRenja.objects.create(
        instansi=terbuka["opd"],
        nomenklatur=terbuka["sub"],
        indikator=Indikator.objects.create(instansi=terbuka["opd"], nama="Tanpa target", satuan="unit"),
    )
    with pytest.raises(ValidationError, match="belum punya target tahun 2024"):
        _simpan(terbuka, ir, "1")
    assert not RealisasiRenja.objects.filter(indikator_renja=ir).exists()
    # Nor does it keep the quarter from being submitted: it has nothing to fill.
    assert services_renja.masalah_isian(terbuka["bidang"], 2024, 4) == []


def test_a_stale_page_gets_the_stored_values_instead_of_overwriting(terbuka):
    ir = terbuka["naik"]
    versi = RealisasiRenja.objects.get(indikator_renja=ir, tahun=2024, triwulan=4).versi
    _simpan(terbuka, ir, "2", versi_dimuat=versi)
    with pytest.raises(workflow.Konflik, match="sudah diubah orang lain.*realisasi 2"):
        _simpan(terbuka, ir, "7", versi_dimuat=versi)
    assert _nilai(ir) == D(2)


def test_evidence_is_kept_and_a_refused_file_keeps_the_figure_from_being_saved(terbuka):
    ir = terbuka["naik"]
    _simpan(terbuka, ir, "2", bukti=SimpleUploadedFile("notulen.pdf", PDF_KECIL))
    assert BuktiRenja.objects.get(realisasi__indikator_renja=ir).nama_asli == "notulen.pdf"
    with pytest.raises(ValidationError):
        _simpan(terbuka, ir, "5", bukti=SimpleUploadedFile("virus.exe", b"MZ\x90\x00"))
    assert _nilai(ir) == D(2) and BuktiRenja.objects.filter(realisasi__indikator_renja=ir).count() == 1


def test_a_quarter_with_an_empty_indicator_is_not_submitted(terbuka, client):
    RealisasiRenja.objects.filter(indikator_renja=terbuka["turun"], tahun=2024, triwulan=4).delete()
    pengajuan = services_renja.pengajuan_renja(terbuka["bidang"], 2024, 4)
    with pytest.raises(ValidationError, match="belum diisi untuk"):
        workflow.ajukan(
            pengajuan=pengajuan,
            user=terbuka["operator"],
            jumlah_isian=services_renja.jumlah_isian(terbuka["bidang"], 2024, 4),
            periksa=lambda: services_renja.masalah_isian(terbuka["bidang"], 2024, 4),
        )
    assert not Pengajuan.objects.filter(jenis="renja", tahun=2024, periode=4).exists()


def test_the_entry_page_saves_a_row_and_answers_a_refusal_in_the_row(terbuka, client):
    client.force_login(terbuka["operator"])
    url_halaman = _url(terbuka["opd"], "capaian:isian_renja", 2024, 4, terbuka["bidang"].pk)
    halaman = client.get(url_halaman)
    assert halaman.status_code == 200
    assert "Jumlah dokumen uji" in halaman.content.decode()
    url = _url(terbuka["opd"], "capaian:simpan_renja", 2024, 4, terbuka["naik"].pk)
    versi = RealisasiRenja.objects.get(indikator_renja=terbuka["naik"], tahun=2024, triwulan=4).versi
    jawab = client.post(url, {"realisasi": "3", "versi": versi}, HTTP_HX_REQUEST="true")
    assert jawab.status_code == 200 and "Tersimpan." in jawab.content.decode()
    assert _nilai(terbuka["naik"]) == D(3)
    jawab = client.post(url, {"realisasi": "tiga", "versi": versi + 1}, HTTP_HX_REQUEST="true")
    assert jawab.status_code == 200
    assert "harus berupa angka" in jawab.content.decode() and 'value="tiga"' in jawab.content.decode()
    assert _nilai(terbuka["naik"]) == D(3)


def test_another_offices_operator_cannot_reach_the_indicator(terbuka, client, operator_naker):
    client.force_login(operator_naker)
    url = reverse("capaian:simpan_renja", args=[2024, 4, terbuka["naik"].pk])
    assert client.post(url, {"realisasi": "9"}).status_code == 404
    assert _nilai(terbuka["naik"]) == D(1)


def _tambah_sub_kegiatan(opd, unit, jumlah):
    """``jumlah`` more sub kegiatan in the office's 2024 DPA under one kegiatan, each with an output
    entered and approved in every quarter."""
    from anggaran.models import AnggaranSubKegiatan, Nomenklatur

    induk = Nomenklatur.objects.get(kode="2.07.01.2.06")
    sub = Nomenklatur.objects.bulk_create(
        [
            Nomenklatur(kode=f"{induk.kode}.{5000 + i}", nama=f"Sub uji {i}", tingkat=5, induk=induk)
            for i in range(jumlah)
        ]
    )
    AnggaranSubKegiatan.objects.bulk_create(
        [
            AnggaranSubKegiatan(
                instansi=opd,
                tahun=2024,
                sub_kegiatan=s,
                unit_kerja=unit,
                indikator="-",
                target=1,
                satuan="-",
                pagu_murni=D(1000),
            )  # fmt: skip
            for s in sub
        ]
    )
    indikator = Indikator.objects.bulk_create(
        [Indikator(instansi=opd, nama=f"Keluaran uji {i}", satuan="unit") for i in range(jumlah)]
    )
    ir = IndikatorRenja.objects.bulk_create(
        [
            IndikatorRenja(instansi=opd, nomenklatur=s, indikator=i)
            for s, i in zip(sub, indikator, strict=True)
        ]
    )
    TargetRenja.objects.bulk_create(
        [TargetRenja(indikator_renja=r, jenis="renja", tahun=2024, target_angka=D(4)) for r in ir]
    )
    RealisasiRenja.objects.bulk_create(
        [
            RealisasiRenja(indikator_renja=r, tahun=2024, triwulan=tw, realisasi_angka=D(1))
            for r in ir
            for tw in range(1, 5)
        ]
    )


def _kueri(client, url):
    with CaptureQueriesContext(connection) as kueri:
        assert client.get(url).status_code == 200
    return len(kueri)


def test_the_form_page_and_pdf_query_count_does_not_grow_with_the_sub_kegiatan(
    renja_2024, client, kadis, monkeypatch
):
    """The demo's 36 sub kegiatan, then ten times as many (the PDF's HTML: WeasyPrint makes no query)."""
    monkeypatch.setattr("nakertrans.pdf.html_ke_pdf", lambda isi: isi.encode())
    client.force_login(kadis)
    halaman = reverse("capaian:evaluasi_renja", args=[2024, 4])
    pdf = reverse("capaian:evaluasi_renja_berkas", args=[2024, 4, "pdf"])
    demo = (_kueri(client, halaman), _kueri(client, pdf))
    unit = UnitKerja.objects.get(instansi=kadis.instansi, nama="Subbagian Umum dan Kepegawaian")
    _tambah_sub_kegiatan(kadis.instansi, unit, 324)
    assert AnggaranSubKegiatan.objects.filter(tahun=2024, instansi=kadis.instansi).count() == 360
    assert (_kueri(client, halaman), _kueri(client, pdf)) == demo


def test_the_page_the_xlsx_and_the_pdf_carry_the_same_figures(renja_2024, client, kadis):
    client.force_login(kadis)
    halaman = client.get(reverse("capaian:evaluasi_renja", args=[2024, 4])).content.decode()
    xlsx = load_workbook(
        io.BytesIO(client.get(reverse("capaian:evaluasi_renja_berkas", args=[2024, 4, "xlsx"])).content)
    )
    pdf = BerkasPdf(
        client.get(reverse("capaian:evaluasi_renja_berkas", args=[2024, 4, "pdf"])).content
    ).teks()
    lembar = xlsx.active
    baris = {r[2]: r for r in lembar.iter_rows(min_row=5, values_only=True) if r[2]}
    pertama = baris["2.07.01.2.01.0001"]
    # Columns 7 (target), 12 (realisasi) and 13 (capaian) as K and Rp: after the six heading columns.
    assert (pertama[10], pertama[11]) == (2, 2285000)
    assert (pertama[20], pertama[21]) == (1, 2090800)
    assert (pertama[22], pertama[23]) == (50, 91.5)
    jumlah = baris["JUMLAH"]
    assert (jumlah[11], jumlah[21], jumlah[23]) == (4635301681, 4344631646, 93.73)
    for teks in ("2.090.800", "50,00", "91,50", "4.635.301.681", "4.344.631.646", "93,73"):
        assert teks in halaman and teks in pdf, teks


def test_the_pdf_keeps_every_column_inside_the_page(renja_2024, kadis, rf):
    from django.template.loader import render_to_string

    from capaian.views_renja import _konteks_evaluasi
    from tests.tata_letak import luapan

    permintaan = rf.get("/")
    permintaan.user, permintaan.opd = kadis, kadis.instansi
    for triwulan in (2, 4):
        html = render_to_string("pdf/evaluasi_renja.html", _konteks_evaluasi(permintaan, 2024, triwulan))
        assert luapan(html) == []


def test_notes_are_written_approved_locked_and_reopened_with_a_reason(renja_2024, client, kadis):
    from nakertrans.models import Pengguna

    sekretariat = Pengguna.objects.get(username="operator_sekretariat")
    kunci = {"instansi": kadis.instansi, "tahun": 2024, "triwulan": 4}
    services_renja.simpan_catatan(user=sekretariat, **kunci, isi={"faktor_pendorong": "Dukungan pimpinan"})
    services_renja.setujui_catatan(user=kadis, **kunci)
    with pytest.raises(ValidationError, match="terkunci"):
        services_renja.simpan_catatan(user=sekretariat, **kunci, isi={"faktor_pendorong": "Lain"})
    with pytest.raises(PermissionDenied):
        services_renja.setujui_catatan(user=sekretariat, **kunci)
    with pytest.raises(ValidationError, match="Alasan"):
        services_renja.buka_catatan(user=kadis, **kunci, alasan=" ")
    services_renja.buka_catatan(user=kadis, **kunci, alasan="Salah ketik")
    catatan = CatatanEvaluasiRenja.objects.get(**kunci)
    assert not catatan.disetujui and catatan.faktor_pendorong == "Dukungan pimpinan"
    assert catatan.history.first().history_change_reason == "Salah ketik"


def test_an_indicator_with_approved_quarters_does_not_move_to_another_unit(kantor):
    ir = kantor["naik"]
    lain = UnitKerja.objects.create(instansi=kantor["opd"], nama="Unit Baru", jenis="bidang")
    ir.unit_kerja = lain
    with pytest.raises(ValidationError, match="sudah diajukan atau disetujui"):
        ir.full_clean()
    with pytest.raises(ValidationError, match="sudah diajukan atau disetujui"):
        ir.save()
    # Nor does its DPA line move the quarters to another unit (its months reopened: the budget's own
    # lock is the budget's test).
    Pengajuan.objects.filter(jenis="anggaran").update(status="draft")
    dpa = kantor["dpa"]
    dpa.unit_kerja = lain
    with pytest.raises(ValidationError, match="keluaran sub kegiatan ini"):
        dpa.save()
    assert IndikatorRenja.objects.get(pk=ir.pk).unit_kerja is None
    # Once the quarters are reopened, it may move.
    Pengajuan.objects.filter(jenis="renja", unit_kerja=kantor["bidang"]).update(status="dikembalikan")
    ir.full_clean()
    ir.save()


def test_a_refused_save_of_another_units_indicator_shows_nothing_of_it(terbuka, client):
    sekretariat = UnitKerja.objects.create(
        instansi=terbuka["opd"], nama="Sekretariat Uji", jenis="sekretariat"
    )
    lain = buat_pengguna("operator_lain_uji", OPERATOR, terbuka["opd"], [sekretariat])
    client.force_login(lain)
    url = _url(terbuka["opd"], "capaian:simpan_renja", 2024, 4, terbuka["naik"].pk)
    jawab = client.post(url, {"realisasi": "9"}, HTTP_HX_REQUEST="true")
    assert jawab.status_code == 404 and "Jumlah dokumen uji" not in jawab.content.decode()
    assert _nilai(terbuka["naik"]) == D(1)
