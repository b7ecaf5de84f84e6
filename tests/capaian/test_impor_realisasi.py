"""A unit's quarter of realisasi kinerja from a spreadsheet: the template, the preview and the import go
through the entry page's service and checks, for the operator's own unit only, all or nothing, once."""

import io
from decimal import Decimal

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from capaian.models import RealisasiTriwulan
from nakertrans.demo import KEPALA_DINAS_JABATAN, PENGANTAR_KERJA
from nakertrans.models import UnitKerja
from perjanjian.models import BarisPK


def _unit(nama):
    return UnitKerja.objects.get(nama=nama)


def _templat(client, unit, triwulan=1):
    respons = client.get(reverse("capaian:templat_realisasi", args=[2024, triwulan, unit.pk]))
    assert respons.status_code == 200
    lembar = load_workbook(io.BytesIO(respons.content)).active
    baris = [[sel.value for sel in b] for b in lembar.iter_rows()]
    return baris[0], baris[1:]


def _xlsx(judul, baris):
    data = tablib.Dataset(headers=judul)
    for b in baris:
        data.append(b)
    return data.export("xlsx")


def _isi(judul, baris, per_id):
    """The template's rows with ``per_id[id] = {column: value}`` filled in."""
    hasil = []
    for b in baris:
        b = list(b)
        for kolom, nilai in per_id.get(b[0], {}).items():
            b[judul.index(kolom)] = nilai
        hasil.append(b)
    return _xlsx(judul, hasil)


def _pratinjau(client, unit, isi, triwulan=1):
    return client.post(
        reverse("capaian:impor_realisasi", args=[2024, triwulan, unit.pk]),
        {"berkas": SimpleUploadedFile("isian.xlsx", isi)},
    )


def _simpan(client, unit, token, triwulan=1, **lain):
    return client.post(
        reverse("capaian:simpan_impor_realisasi", args=[2024, triwulan, unit.pk]), {"token": token, **lain}
    )


@pytest.fixture
def naker(masuk_sebagai, operator_naker, perencanaan):
    return masuk_sebagai(operator_naker), _unit("Bidang Ketenagakerjaan")


def _baris(jabatan, nomor=1):
    return BarisPK.objects.get(perjanjian__tahun=2024, perjanjian__jabatan__nama=jabatan, urutan=nomor)


def test_template_holds_the_units_lines_with_targets(naker):
    client, unit = naker
    judul, baris = _templat(client, unit)
    assert judul[:8] == [
        "id_baris",
        "nomor",
        "jabatan",
        "sasaran",
        "indikator",
        "satuan",
        "target_tw",
        "realisasi",
    ]
    assert judul[-3:] == ["kendala", "upaya", "versi"]
    pengantar = _baris(PENGANTAR_KERJA)
    [pk] = [b for b in baris if b[0] == pengantar.pk]
    assert (pk[4], pk[6]) == (pengantar.indikator.nama, "162")  # 650 spread 162, 162, 163, 163
    assert {b[0] for b in baris} == set(
        BarisPK.objects.filter(perjanjian__tahun=2024, perjanjian__status="final")
        .filter(perjanjian__jabatan__unit_kerja=unit, perjanjian__unit_pengisi__isnull=True)
        .values_list("pk", flat=True)
    )


def test_filled_template_enters_the_same_figures_as_the_page(naker):
    client, unit = naker
    judul, baris = _templat(client, unit)
    pengantar = _baris(PENGANTAR_KERJA)
    isi = _isi(
        judul,
        baris,
        {pengantar.pk: {"realisasi": "160", "kendala": "Lowongan sedikit", "upaya": "Job fair"}},
    )
    pratinjau = _pratinjau(client, unit, isi)
    hasil = pratinjau.context["hasil"]
    assert not hasil.ada_galat, hasil.semua_pesan()
    assert not RealisasiTriwulan.objects.exists()  # a preview saves nothing
    respons = _simpan(client, unit, pratinjau.context["token"])
    assert respons.status_code == 302
    r = RealisasiTriwulan.objects.get(baris=pengantar, triwulan=1)
    assert (r.realisasi_angka, r.kendala, r.upaya) == (Decimal(160), "Lowongan sedikit", "Job fair")
    assert r.history.first().history_user.username == "operator_naker"


def test_decimal_comma_and_spreadsheet_numbers_are_read_as_meant(naker):
    client, unit = naker
    judul, baris = _templat(client, unit)
    persen = BarisPK.objects.get(
        perjanjian__tahun=2024, perjanjian__jabatan__nama="Kepala Bidang Ketenagakerjaan", urutan=1
    )
    pengantar = _baris(PENGANTAR_KERJA)
    isi = _isi(judul, baris, {persen.pk: {"realisasi": "2,500"}, pengantar.pk: {"realisasi": 1.234}})
    pratinjau = _pratinjau(client, unit, isi)
    hasil = pratinjau.context["hasil"]
    assert not hasil.ada_galat, hasil.semua_pesan()
    _simpan(client, unit, pratinjau.context["token"])
    assert RealisasiTriwulan.objects.get(baris=persen, triwulan=1).realisasi_angka == Decimal("2.5")
    # A spreadsheet number 1.234 is one point two three four, never one thousand two hundred ...
    assert RealisasiTriwulan.objects.get(baris=pengantar, triwulan=1).realisasi_angka != Decimal(1234)


def test_one_bad_row_saves_nothing_and_names_row_and_column(naker):
    client, unit = naker
    judul, baris = _templat(client, unit)
    pengantar = _baris(PENGANTAR_KERJA)
    lain = next(b[0] for b in baris if b[0] != pengantar.pk)
    isi = _isi(judul, baris, {pengantar.pk: {"realisasi": "160"}, lain: {"realisasi": "seratus"}})
    hasil = _pratinjau(client, unit, isi).context["hasil"]
    assert hasil.ada_galat
    assert any("Realisasi harus berupa angka" in p for _, p in hasil.galat_baris)
    assert "token" not in _pratinjau(client, unit, isi).context
    assert not RealisasiTriwulan.objects.exists()


def test_another_units_line_is_refused(naker):
    client, unit = naker
    judul, baris = _templat(client, unit)
    kadis = _baris(KEPALA_DINAS_JABATAN, 2)
    baris.append([kadis.pk, *([None] * (len(judul) - 1))])
    hasil = _pratinjau(client, unit, _isi(judul, baris, {kadis.pk: {"realisasi": "5"}})).context["hasil"]
    assert any(f"kolom id_baris: «{kadis.pk}» bukan baris PK unit ini" in p for _, p in hasil.galat_baris)
    assert not RealisasiTriwulan.objects.exists()


@pytest.mark.parametrize("username", ["operator_trans", "kadis", "inspektorat"])
def test_only_the_units_operator_uses_it(organisasi, perencanaan, client, username):
    from nakertrans.models import Pengguna

    client.force_login(Pengguna.objects.get(username=username))
    unit = _unit("Bidang Ketenagakerjaan")
    for nama in ("capaian:templat_realisasi", "capaian:impor_realisasi"):
        assert client.get(reverse(nama, args=[2024, 1, unit.pk])).status_code in {403, 404}


def test_an_ambiguous_thousands_dot_must_be_acknowledged_and_a_preview_imports_once(naker):
    client, unit = naker
    judul, baris = _templat(client, unit)
    persen = BarisPK.objects.get(
        perjanjian__tahun=2024, perjanjian__jabatan__nama="Kepala Bidang Ketenagakerjaan", urutan=1
    )
    pratinjau = _pratinjau(client, unit, _isi(judul, baris, {persen.pk: {"realisasi": "1.234"}}))
    hasil = pratinjau.context["hasil"]
    assert [n for n, _, _ in hasil.peringatan] == [
        next(i + 2 for i, b in enumerate(baris) if b[0] == persen.pk)
    ]
    token = pratinjau.context["token"]
    _simpan(client, unit, token)
    assert not RealisasiTriwulan.objects.filter(baris=persen).exists()
    _simpan(client, unit, token, peringatan_diterima="1")
    assert RealisasiTriwulan.objects.get(baris=persen, triwulan=1).realisasi_angka == Decimal(1234)
    lagi = _simpan(client, unit, token, peringatan_diterima="1")
    assert lagi.status_code == 302
    assert RealisasiTriwulan.objects.get(baris=persen, triwulan=1).versi == 1


def test_formula_lines_take_their_components(masuk_sebagai, perencanaan):
    from nakertrans.models import Pengguna

    client = masuk_sebagai(Pengguna.objects.get(username="operator_sekretariat"))
    tpt = _baris(KEPALA_DINAS_JABATAN, 2)
    unit = tpt.perjanjian.unit_isian
    judul, baris = _templat(client, unit, triwulan=4)
    komponen = [k for k in judul if k.startswith("komponen_")]
    kode = {k.kode for k in tpt.indikator.komponen.all()}
    assert {f"komponen_{k}" for k in kode} <= set(komponen)
    nilai = dict(zip(sorted(kode), ["131.065", "7.060"], strict=True))  # angkatan kerja, pengangguran
    isi = _isi(judul, baris, {tpt.pk: {f"komponen_{k}": v for k, v in nilai.items()}})
    pratinjau = _pratinjau(client, unit, isi, triwulan=4)
    assert not pratinjau.context["hasil"].ada_galat, pratinjau.context["hasil"].semua_pesan()
    _simpan(client, unit, pratinjau.context["token"], triwulan=4)
    r = RealisasiTriwulan.objects.get(baris=tpt, triwulan=4)
    assert {n.komponen.kode: n.nilai for n in r.komponen.all()} == {
        k: Decimal(v.replace(".", "")) for k, v in nilai.items()
    }
    # a realisasi typed for a formula line is refused: it is computed
    isi = _isi(judul, baris, {tpt.pk: {"realisasi": "5,39"}})
    hasil = _pratinjau(client, unit, isi, triwulan=4).context["hasil"]
    assert any("dihitung dari komponennya" in p for _, p in hasil.galat_baris)


def test_ids_and_spreadsheet_numbers_are_read_as_the_numbers_they_are():
    from capaian.impor_realisasi import _bulat, _sel_teks

    assert [_bulat(v) for v in (5006, 5006.0, "5006", " 12 ", 5006.5, "5.006", True, None)] == [
        5006, 5006, 5006, 12, None, None, None, None,
    ]  # fmt: skip
    assert [_sel_teks(v) for v in (1234, 1.234, 1234.0, 0.125, 2.5)] == [
        "1234",
        "1,234",
        "1234",
        "0,125",
        "2,5",
    ]


def test_a_file_without_the_realisasi_column_keeps_the_stored_realisasi(naker):
    from capaian import services

    client, unit = naker
    pengantar = _baris(PENGANTAR_KERJA)
    services.simpan_realisasi_kinerja(
        user=_operator(), baris=pengantar, triwulan=1, realisasi="160", kendala="lama"
    )
    isi = _xlsx(["id_baris", "kendala"], [[pengantar.pk, "Lowongan sedikit"]])
    pratinjau = _pratinjau(client, unit, isi)
    assert not pratinjau.context["hasil"].ada_galat, pratinjau.context["hasil"].semua_pesan()
    _simpan(client, unit, pratinjau.context["token"])
    r = RealisasiTriwulan.objects.get(baris=pengantar, triwulan=1)
    assert (r.realisasi_angka, r.kendala) == (Decimal(160), "Lowongan sedikit")


def _operator():
    from nakertrans.models import Pengguna

    return Pengguna.objects.get(username="operator_naker")


def test_the_untouched_template_imported_back_changes_no_figure(naker):
    from capaian import services

    client, unit = naker
    pengantar = _baris(PENGANTAR_KERJA)  # no decimals, yet a figure may carry up to four
    services.simpan_realisasi_kinerja(user=_operator(), baris=pengantar, triwulan=1, realisasi="160,4")
    judul, baris = _templat(client, unit)
    pratinjau = _pratinjau(client, unit, _xlsx(judul, baris))
    assert not pratinjau.context["hasil"].ada_galat, pratinjau.context["hasil"].semua_pesan()
    _simpan(client, unit, pratinjau.context["token"])
    assert RealisasiTriwulan.objects.get(baris=pengantar, triwulan=1).realisasi_angka == Decimal("160.4")


def test_a_row_changed_on_the_page_since_the_template_is_a_conflict(naker):
    from capaian import services

    client, unit = naker
    pengantar = _baris(PENGANTAR_KERJA)
    services.simpan_realisasi_kinerja(user=_operator(), baris=pengantar, triwulan=1, realisasi="150")
    judul, baris = _templat(client, unit)
    pratinjau = _pratinjau(client, unit, _isi(judul, baris, {pengantar.pk: {"realisasi": "155"}}))
    token = pratinjau.context["token"]
    r = RealisasiTriwulan.objects.get(baris=pengantar, triwulan=1)
    services.simpan_realisasi_kinerja(
        user=_operator(), baris=pengantar, triwulan=1, realisasi="170", versi_dimuat=r.versi
    )
    respons = _simpan(client, unit, token)
    assert respons.status_code == 200 and respons.context["hasil"].ada_galat
    assert RealisasiTriwulan.objects.get(baris=pengantar, triwulan=1).realisasi_angka == Decimal(170)


def test_a_stale_preview_is_refused(naker):
    from django.utils import timezone

    from nakertrans.models_impor import BerkasImpor

    client, unit = naker
    judul, baris = _templat(client, unit)
    pengantar = _baris(PENGANTAR_KERJA)
    token = _pratinjau(client, unit, _isi(judul, baris, {pengantar.pk: {"realisasi": "150"}})).context[
        "token"
    ]
    BerkasImpor.objects.filter(pk=token).update(diperiksa_pada=timezone.now() - timezone.timedelta(hours=3))
    halaman = client.get(_simpan(client, unit, token).url).content.decode()
    assert "lebih dari 2 jam yang lalu" in halaman
    assert not RealisasiTriwulan.objects.filter(baris=pengantar).exists()


def test_a_confirmation_needed_only_at_import_time_is_an_error_not_a_skipped_row(naker, monkeypatch):
    from capaian import services

    client, unit = naker
    judul, baris = _templat(client, unit)
    pengantar = _baris(PENGANTAR_KERJA)
    token = _pratinjau(client, unit, _isi(judul, baris, {pengantar.pk: {"realisasi": "150"}})).context[
        "token"
    ]
    asli = services.simpan_realisasi_kinerja

    def minta_konfirmasi(**kwargs):
        if kwargs["baris"].pk == pengantar.pk:
            raise services.PerluKonfirmasi("«150» perlu dikonfirmasi.", dibaca="150", tanda="x")
        return asli(**kwargs)

    monkeypatch.setattr(services, "simpan_realisasi_kinerja", minta_konfirmasi)
    respons = _simpan(client, unit, token)
    assert respons.status_code == 200 and respons.context["hasil"].ada_galat
    assert "perlu dikonfirmasi" in respons.content.decode()
