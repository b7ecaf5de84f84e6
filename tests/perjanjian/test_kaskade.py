"""The cascade check: where the pohon kinerja breaks between the RPJMD and an office's PKs, on the
office's page with a link to each fix, on the kabupaten's page as counts per office, and as warnings of
the office's LKjIP check; and Bappeda's comments on it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from nakertrans.demo import dinas
from perjanjian import kaskade
from perjanjian.models import (
    BarisPK,
    Indikator,
    KomentarKaskade,
    PerjanjianKinerja,
    SasaranRenstra,
    TargetIKU,
)

TAHUN = 2024


def _temuan(opd=None):
    return {j.kode: [j.pesan(t) for t in daftar] for j, daftar in kaskade.temuan_opd(opd or dinas(), TAHUN)}


def _baris_kadis(indikator_nama):
    return BarisPK.objects.get(
        perjanjian__in=PerjanjianKinerja.objects.filter(instansi=dinas()).berlaku(TAHUN),
        perjanjian__jabatan__tingkat_pk=1,
        indikator__nama=indikator_nama,
    )


def test_the_demos_breaks_as_the_seed_has_them(perencanaan):
    temuan = _temuan()
    # The seed's Renstra: two of its four sasaran support none of the RPJMD's two sasaran daerah.
    assert [p.split("«")[1].split("»")[0][:40] for p in temuan["sasaran-tanpa-rpjmd"]] == [
        "Meningkatnya Hubungan Industrial yang ha",
        "Meningkatnya Kinerja dan Akuntabilitas D",
    ]
    assert temuan["tanpa-induk"] == [
        "Baris PK Sekretaris «Nilai Akuntabilitas kinerja OPD (Sakip)» tidak mendukung baris PK atasan."
    ]
    assert temuan["bukan-iku"] == [] and temuan["target-rendah"] == []
    assert list(kaskade.sasaran_daerah_tanpa_dukungan(dinas().pemerintah_daerah, TAHUN)) == []


def test_each_break_is_found(perencanaan):
    tpt = _baris_kadis("Tingkat pengangguran terbuka")
    kawasan = _baris_kadis("Persentase pengembangan kawasan transmigrasi")
    renstra_tpt = TargetIKU.objects.get(iku__indikator=tpt.indikator, tahun=TAHUN).target_angka
    renstra_kawasan = TargetIKU.objects.get(iku__indikator=kawasan.indikator, tahun=TAHUN).target_angka
    # TPT: lower is better, so a higher target is the less ambitious one; the kawasan: higher is better.
    BarisPK.objects.filter(pk=tpt.pk).update(target_angka=renstra_tpt + Decimal("0.5"))
    BarisPK.objects.filter(pk=kawasan.pk).update(target_angka=renstra_kawasan - 1)
    lain = Indikator.objects.create(instansi=dinas(), nama="Indikator di luar IKU", satuan="%")
    BarisPK.objects.create(perjanjian=tpt.perjanjian, urutan=9, sasaran="X", indikator=lain, target_angka=1)
    # The RPJMD's sasaran of the TPT loses the one Renstra sasaran that supported it.
    sasaran_daerah = tpt.indikator.iku_daerah.get().sasaran
    SasaranRenstra.objects.filter(sasaran_rpjmd=sasaran_daerah).update(sasaran_rpjmd=None)

    temuan = _temuan()
    assert temuan["bukan-iku"] == [
        "Indikator «Indikator di luar IKU» pada PK Kepala Dinas Tenaga Kerja dan Transmigrasi bukan IKU "
        "Renstra perangkat daerah ini."
    ]
    [naik, turun] = sorted(temuan["target-rendah"], key=lambda p: "pengangguran" in p)
    assert naik.endswith("(71,00) lebih rendah dari target Renstra tahun 2024 (72,00).")
    assert "«Persentase pengembangan kawasan transmigrasi»" in naik
    assert "lebih tinggi dari target Renstra tahun 2024" in turun
    assert turun.endswith(", padahal indikator ini makin rendah makin baik.")
    assert len(temuan["sasaran-tanpa-rpjmd"]) == 3
    assert list(kaskade.sasaran_daerah_tanpa_dukungan(dinas().pemerintah_daerah, TAHUN)) == [sasaran_daerah]
    # One grouped count per kind for the kabupaten's page.
    assert kaskade.jumlah_temuan(dinas().pemerintah_daerah, TAHUN)[dinas().pk] == {
        "sasaran-tanpa-rpjmd": 3,
        "bukan-iku": 1,
        "tanpa-induk": 1,
        "target-rendah": 2,
    }


def test_the_findings_of_one_office_are_its_own(perencanaan, opd_kedua):
    kedua = _temuan(opd_kedua["opd"])
    # The second office's bidang line supports nothing; its head's indicator is no IKU (no IKU at all).
    assert len(kedua["tanpa-induk"]) == 1 and len(kedua["bukan-iku"]) == 1
    assert len(_temuan()["tanpa-induk"]) == 1  # the Dinas's own, unchanged


def test_the_page_lists_the_findings_with_their_fixes(client, admin, perencanaan):
    client.force_login(admin)
    halaman = client.get(reverse("perjanjian:kaskade")).content.decode()
    assert "Pemeriksaan kaskade 2024" in halaman and "3 temuan." in halaman
    sekretaris = BarisPK.objects.get(
        indikator__nama="Nilai Akuntabilitas kinerja OPD (Sakip)", perjanjian__tahun=TAHUN
    )
    assert f'href="{reverse("perjanjian:detail", args=[sekretaris.perjanjian_id])}">Buka PK' in halaman
    renstra = SasaranRenstra.objects.filter(sasaran_rpjmd=None).first().renstra_id
    assert f'href="{reverse("admin:perjanjian_renstra_change", args=[renstra])}">Ubah Renstra' in halaman


def test_an_operator_does_not_read_the_cascade(client, operator_naker, perencanaan):
    client.force_login(operator_naker)
    assert client.get(reverse("perjanjian:kaskade")).status_code == 403


def test_bappeda_comments_and_the_office_reads_it(client, bappeda, admin, perencanaan):
    client.force_login(bappeda)
    alamat = reverse("perjanjian:komentar_kaskade", args=[TAHUN])
    kosong = client.post(alamat, {"teks": "  "}, follow=True)
    assert "Komentar tidak disimpan: Komentar wajib diisi." in kosong.content.decode()
    assert not KomentarKaskade.objects.exists()
    client.post(alamat, {"teks": "Sasaran 2 dan 4 perlu dihubungkan ke RPJMD."})
    komentar = KomentarKaskade.objects.get()
    assert (komentar.instansi, komentar.tahun, komentar.oleh) == (dinas(), TAHUN, bappeda)
    client.force_login(admin)
    halaman = client.get(reverse("perjanjian:kaskade_tahun", args=[TAHUN])).content.decode()
    assert "Sasaran 2 dan 4 perlu dihubungkan ke RPJMD." in halaman
    assert 'action="/perjanjian/kaskade/2024/komentar/"' not in halaman  # no form for the office


@pytest.mark.parametrize("username", ["admin", "kadis", "inspektorat"])
def test_only_bappeda_comments(client, perencanaan, username):
    from nakertrans.models import Pengguna

    client.force_login(Pengguna.objects.get(username=username))
    respons = client.post(reverse("perjanjian:komentar_kaskade", args=[TAHUN]), {"teks": "Komentar"})
    assert respons.status_code == 403
    assert not KomentarKaskade.objects.exists()
