"""The quarter's realisasi kinerja of one unit from a spreadsheet: the template carries the unit's lines,
their targets and components; the import fills the same entries the page fills, through the same
service and checks, all or nothing, previewed first and applied once.

One row per PK line, keyed by ``id_baris``; the columns ``nomor`` to ``target_tw`` are for reading and
are not imported. A formula line takes its components (``komponen_<kode>``), any other line ``realisasi``.
"""

from decimal import Decimal

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction

from capaian import services
from capaian.queries import target_kumulatif
from nakertrans.berkas_tabel import baca_berkas, kosong, masalah_judul
from nakertrans.format_id import baca_angka, format_angka
from nakertrans.impor import HasilImpor, catat_pratinjau, impor_sekali

KOLOM_BACA = ["nomor", "jabatan", "sasaran", "indikator", "satuan", "target_tw"]
# The version of the stored entry when the template was made: a row changed on the page since then is
# a conflict, never silently overwritten.
KOLOM_VERSI = "versi"


def jenis_berkas(tahun, triwulan, unit):
    """The BerkasImpor kind that ties a preview to its unit and quarter."""
    return f"realisasi_kinerja/{tahun}/{triwulan}/{unit.pk}"


def _kode_komponen(baris_daftar):
    kode = []
    for b in baris_daftar:
        for k in b.indikator.komponen.all():
            if k.kode not in kode:
                kode.append(k.kode)
    return kode


def kolom(baris_daftar):
    return ["id_baris", *KOLOM_BACA, "realisasi", *(f"komponen_{k}" for k in _kode_komponen(baris_daftar)),
            "kendala", "upaya", KOLOM_VERSI]  # fmt: skip


def templat(baris_daftar, triwulan):
    """The unit's lines for the quarter as xlsx, prefilled with what is stored now."""
    kode = _kode_komponen(baris_daftar)
    data = tablib.Dataset(headers=kolom(baris_daftar))
    for b in baris_daftar:
        r = next((r for r in b.realisasi.all() if r.triwulan == triwulan), None)
        nilai_komponen = {n.komponen.kode: n.nilai for n in (r.nilai_komponen if r else [])}
        desimal = b.indikator.desimal
        target = target_kumulatif(b, triwulan)
        data.append(
            [
                b.pk,
                b.urutan,
                str(b.perjanjian.jabatan),
                b.sasaran,
                b.indikator.nama,
                b.satuan_tampil,
                b.target_huruf or (format_angka(target, desimal) if target is not None else ""),
                "" if b.indikator.komponen.all() else _teks(r),
                *(
                    format_angka(nilai_komponen[k], 4).rstrip("0").rstrip(",") if k in nilai_komponen else ""
                    for k in kode
                ),
                r.kendala if r else "",
                r.upaya if r else "",
                r.versi if r else "",
            ]
        )
    return data.export("xlsx")


def _teks(r):
    if r is None:
        return ""
    if r.realisasi_huruf:
        return r.realisasi_huruf
    if r.realisasi_angka is None:
        return ""
    # Exactly as stored (all four decimals, trailing zeros dropped): a template imported back
    # unchanged changes nothing.
    teks = format_angka(r.realisasi_angka, 4)
    return teks.rstrip("0").rstrip(",") if "," in teks else teks


def _sel_teks(nilai):
    """A cell as the text the entry form would receive. A spreadsheet number is written with a
    decimal comma and no grouping (a float 1.234 is «1,234», one point two three four; 1234 is
    «1234»), so it is read as the number it is and never doubted as a thousands dot."""
    if nilai is None:
        return ""
    if isinstance(nilai, int | float) and not isinstance(nilai, bool):
        teks = format(Decimal(str(nilai)), "f")
        if "." in teks:
            teks = teks.rstrip("0").rstrip(".")
        return teks.replace(".", ",")
    return str(nilai).strip()


def _bulat(nilai):
    """A whole number cell (an id or a version) as int, or None: never through Indonesian text, where
    5006 would become «5.006»."""
    if isinstance(nilai, bool):
        return None
    if isinstance(nilai, int):
        return nilai
    if isinstance(nilai, float):
        return int(nilai) if nilai.is_integer() else None
    teks = str(nilai or "").strip()
    return int(teks) if teks.isdigit() else None


def _catat_bacaan(hasil, nomor, kolom_isian, teks):
    try:
        angka = baca_angka(teks, persen=True)
    except ValueError:
        return
    if angka is not None:
        desimal = max(0, -angka.normalize().as_tuple().exponent)
        hasil.bacaan.append((nomor, kolom_isian, teks, format_angka(angka, desimal)))


def _jalankan(data, *, user, tahun, triwulan, baris_daftar, dikonfirmasi, pratinjau):
    """Every row through the entry service; returns HasilImpor (errors, warnings, readings)."""
    hasil = HasilImpor(dicoba=True)
    dikenal = {b.pk: b for b in baris_daftar}
    judul = set(data.headers)
    pesan = masalah_judul(list(data.headers), wajib=("id_baris",), dikenal=set(kolom(baris_daftar)))
    if pesan:
        hasil.galat_umum.append(" ".join(pesan) + " Unduh templat dari halaman isian untuk contoh.")
        return hasil
    terlihat = {}
    for i, row in enumerate(data.dict, start=1):
        nomor = data.baris_lembar(i)
        id_baris = _bulat(row.get("id_baris"))
        b = dikenal.get(id_baris)
        if b is None:
            hasil.galat_baris.append(
                (
                    nomor,
                    f"kolom id_baris: «{row.get('id_baris') or ''}» bukan baris PK unit ini "
                    "pada triwulan ini.",
                )
            )
            continue
        if id_baris in terlihat:
            hasil.galat_baris.append(
                (nomor, f"Baris ganda: baris PK yang sama sudah ada di baris {terlihat[id_baris]}.")
            )
            continue
        terlihat[id_baris] = nomor
        kode = {k.kode for k in b.indikator.komponen.all()}
        salah = [
            k for k in judul if k.startswith("komponen_") and k[9:] not in kode and _sel_teks(row.get(k))
        ]
        if salah:
            hasil.galat_baris.append(
                (nomor, f"kolom {salah[0]}: bukan komponen indikator baris ini; kosongkan.")
            )
            continue
        if kode and _sel_teks(row.get("realisasi")):
            hasil.galat_baris.append(
                (nomor, "kolom realisasi: indikator ini dihitung dari komponennya; isi kolom komponen_.")
            )
            continue
        r = next((r for r in b.realisasi.all() if r.triwulan == triwulan), None)
        if KOLOM_VERSI in judul and not kosong(row.get(KOLOM_VERSI)) and _bulat(row.get(KOLOM_VERSI)) is None:
            hasil.galat_baris.append(
                (nomor, f"kolom {KOLOM_VERSI}: «{row.get(KOLOM_VERSI)}» bukan bilangan bulat.")
            )
            continue
        isian = {
            # An absent column keeps what is stored, as for kendala and upaya.
            "realisasi": _sel_teks(row.get("realisasi")) if "realisasi" in judul else _teks(r),
            "komponen": {k: _sel_teks(row.get(f"komponen_{k}")) for k in kode if f"komponen_{k}" in judul},
            "kendala": _sel_teks(row.get("kendala")) if "kendala" in judul else None,
            "upaya": _sel_teks(row.get("upaya")) if "upaya" in judul else None,
        }
        isian["kendala"] = (r.kendala if r else "") if isian["kendala"] is None else isian["kendala"]
        isian["upaya"] = (r.upaya if r else "") if isian["upaya"] is None else isian["upaya"]
        for nama, teks in [
            ("realisasi", isian["realisasi"]),
            *((f"komponen_{k}", v) for k, v in isian["komponen"].items()),
        ]:
            _catat_bacaan(hasil, nomor, nama, teks)
        try:
            with transaction.atomic():
                services.simpan_realisasi_kinerja(
                    user=user,
                    baris=b,
                    triwulan=triwulan,
                    konfirmasi_nilai=dikonfirmasi,
                    versi_dimuat=_bulat(row.get(KOLOM_VERSI)) if KOLOM_VERSI in judul else None,
                    **isian,
                )
        except services.PerluKonfirmasi as galat:
            if pratinjau:
                hasil.peringatan.append((nomor, "realisasi", " ".join(galat.messages)))
            else:
                # Asked only now (the stored figures changed since the preview): never skipped silently.
                hasil.galat_baris.append(
                    (nomor, f"{' '.join(galat.messages)} Periksa ulang berkasnya (pratinjau baru).")
                )
        except ValidationError as galat:
            hasil.galat_baris.append(
                (nomor, f"baris PK {b.urutan} ({b.indikator.nama}): {' '.join(galat.messages)}")
            )
        except Exception as galat:  # PermissionDenied and Konflik come through as messages too
            pesan = " ".join(getattr(galat, "messages", [])) or str(galat) or "tidak dapat disimpan."
            hasil.galat_baris.append((nomor, f"baris PK {b.urutan}: {pesan}"))
    hasil.galat_baris.sort()
    hasil.jumlah = {"update": len(terlihat)} if terlihat else {}
    return hasil


class _Batal(Exception):
    pass


def periksa(isi, nama_berkas, *, user, tahun, triwulan, unit, baris_daftar):
    """The preview: every row through the service, then all of it rolled back."""
    data = baca_berkas(isi, nama_berkas)
    hasil = None
    try:
        with transaction.atomic():
            hasil = _jalankan(
                data, user=user, tahun=tahun, triwulan=triwulan, baris_daftar=baris_daftar,
                dikonfirmasi=False, pratinjau=True,
            )  # fmt: skip
            raise _Batal
    except _Batal:
        pass
    if hasil.ada_galat:
        return hasil, None
    return hasil, catat_pratinjau(
        jenis_berkas(tahun, triwulan, unit), isi, nama_berkas, user=user, hasil=hasil
    )


def impor(token, *, user, tahun, triwulan, unit, baris_daftar, peringatan_diterima=False):
    """The previewed file for real: exactly once, all or nothing (nakertrans.impor.impor_sekali)."""
    return impor_sekali(
        token,
        jenis=jenis_berkas(tahun, triwulan, unit),
        user=user,
        peringatan_diterima=peringatan_diterima,
        jalankan=lambda data: _jalankan(
            data,
            user=user,
            tahun=tahun,
            triwulan=triwulan,
            baris_daftar=baris_daftar,
            dikonfirmasi=peringatan_diterima,
            pratinjau=False,
        ),  # fmt: skip
    )
