import io
from decimal import Decimal
from pathlib import Path

from django.core.management import call_command

from nakertrans.demo import KEPALA_DINAS_JABATAN, dinas
from nakertrans.rumus import hitung
from perjanjian.models import BarisPK, IKUDaerah, Indikator, NilaiKomponenTahunan, PerjanjianKinerja
from tests.pdf_teks import teks_pdf


def nilai_komponen_tahunan(indikator, tahun):
    """{component code: value} of a composite indicator for a year from the yearly history."""
    return dict(
        NilaiKomponenTahunan.objects.filter(komponen__indikator=indikator, tahun=tahun).values_list(
            "komponen__kode", "nilai"
        )
    )


def test_twelve_pks_with_twenty_four_lines(perencanaan):
    assert PerjanjianKinerja.objects.filter(instansi=dinas(), tahun=2024, status="final").count() == 12
    assert BarisPK.objects.filter(perjanjian__instansi=dinas(), perjanjian__tahun=2024).count() == 24


def test_the_bupatis_own_pk_holds_the_rpjmd_lines_and_the_kepala_dinas_lines_support_them(perencanaan):
    """The PK Kepala Daerah 2024: the two sasaran and IKU daerah of the RPJMD with their 2024 targets,
    signed by the Bupati alone; each line of the Kepala Dinas's PK supports the Bupati's line of the
    same indicator, so the pohon kinerja runs from the RPJMD down."""
    pk = PerjanjianKinerja.objects.get(tahun=2024, jabatan__jenis="kepala_daerah")
    assert pk.instansi is None and pk.status == "final" and pk.adalah_kepala_daerah
    kesatu, kedua = pk.penandatangan()
    assert kesatu.jabatan.nama == "Bupati Bungo" and kedua is None
    baris = list(pk.baris.order_by("urutan"))
    assert [(b.indikator.nama, b.target_angka, b.iku_daerah.sasaran.teks == b.sasaran) for b in baris] == [
        (i.indikator.nama, i.target_tahunan.get(tahun=2024).target_angka, True)
        for i in IKUDaerah.objects.order_by("urutan")
    ]
    kadis = BarisPK.objects.filter(perjanjian__jabatan__nama=KEPALA_DINAS_JABATAN, perjanjian__tahun=2024)
    assert {(b.induk_id, b.indikator_id) for b in kadis} == {(b.pk, b.indikator_id) for b in baris}


def test_kepala_dinas_pk_names_the_bupati_and_zamroni(perencanaan):
    pk = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=KEPALA_DINAS_JABATAN)
    kesatu, kedua = pk.penandatangan()
    assert (
        kesatu.pegawai.nama_lengkap == "ZAMRONI, S.Ag."
        and kesatu.pegawai.nip_tampil == "19700914 199203 1 003"
    )
    assert kedua.jabatan.nama == "Bupati Bungo"
    assert [b.target for b in pk.baris.order_by("urutan")] == [Decimal("72"), Decimal("5.88")]


def test_formulas_on_the_demo_components_give_the_seed_figures_computed_right(perencanaan):
    kawasan = Indikator.objects.get(nama="Persentase pengembangan kawasan transmigrasi")
    tpt = Indikator.objects.get(nama="Tingkat pengangguran terbuka")
    hasil = hitung(kawasan.rumus_terurai(), nilai_komponen_tahunan(kawasan, 2024), kawasan.desimal)
    assert list(hasil.langkah.values()) == [
        Decimal("24.26"),
        Decimal("5.04"),
        Decimal("100.00"),
        Decimal("43.10"),
    ]
    assert hitung(tpt.rumus_terurai(), nilai_komponen_tahunan(tpt, 2024), 2).nilai == Decimal("5.39")
    # History: 2023's components give 9,75 (the seed printed 25); TPT 2023 gives 5,34 as printed.
    assert hitung(kawasan.rumus_terurai(), nilai_komponen_tahunan(kawasan, 2023), 2).nilai == Decimal("9.75")
    assert hitung(tpt.rumus_terurai(), nilai_komponen_tahunan(tpt, 2023), 2).nilai == Decimal("5.34")


def test_cetak_pk_writes_the_twelve_documents(perencanaan, tmp_path):
    keluaran = io.StringIO()
    call_command("cetak_pk", "2024", str(tmp_path), stdout=keluaran)
    berkas = sorted(Path(tmp_path).glob("*.pdf"))
    assert len(berkas) == 12
    teks = teks_pdf(berkas[0])
    for potongan in [
        "PERJANJIAN KINERJA TAHUN 2024",
        "PIHAK KESATU",
        "PIHAK KEDUA",
        "ZAMRONI, S.Ag.",
        "19700914 199203 1 003",
        "Bupati Bungo",
        "72 %",
        "5,88 %",
        "Muara Bungo, 2 Januari 2024",
        "Tingkat pengangguran terbuka",
    ]:
        assert potongan in teks, potongan
    assert "12 dokumen PK tahun 2024" in keluaran.getvalue()


def test_muat_demo_twice_changes_no_planning_row(perencanaan):
    from perjanjian.demo import muat_perencanaan

    sebelum = list(BarisPK.objects.order_by("pk").values())
    muat_perencanaan()
    assert list(BarisPK.objects.order_by("pk").values()) == sebelum
