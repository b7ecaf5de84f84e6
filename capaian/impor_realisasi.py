"""The quarter's realisasi kinerja of one unit from a spreadsheet: the template carries the unit's lines,
their targets and components; the import fills the same entries the page fills, through the same
service and checks, all or nothing, previewed first and applied once.

One row per PK line, keyed by ``id_baris``; the columns ``nomor`` to ``target_tw`` are for reading and
are not imported. A formula line takes its components (``komponen_<kode>``), any other line ``realisasi``.
"""

import hashlib

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from capaian import services
from capaian.queries import target_kumulatif
from nakertrans.berkas_tabel import baca_berkas
from nakertrans.format_id import baca_angka, format_angka
from nakertrans.impor import HasilImpor
from nakertrans.models_impor import BerkasImpor

KOLOM_BACA = ["nomor", "jabatan", "sasaran", "indikator", "satuan", "target_tw"]


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
            "kendala", "upaya"]  # fmt: skip


def templat(baris_daftar, triwulan):
    """The unit's lines for the quarter as xlsx, prefilled with what is stored now."""
    kode = _kode_komponen(baris_daftar)
    data = tablib.Dataset(headers=kolom(baris_daftar))
    for b in baris_daftar:
        r = next((r for r in b.realisasi.all() if r.triwulan == triwulan), None)
        nilai_komponen = {n.komponen.kode: n.nilai for n in (r.komponen.all() if r else [])}
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
                "" if b.indikator.komponen.all() else _teks(r, desimal),
                *(
                    format_angka(nilai_komponen[k], 4).rstrip("0").rstrip(",") if k in nilai_komponen else ""
                    for k in kode
                ),
                r.kendala if r else "",
                r.upaya if r else "",
            ]
        )
    return data.export("xlsx")


def _teks(r, desimal):
    if r is None:
        return ""
    if r.realisasi_huruf:
        return r.realisasi_huruf
    return format_angka(r.realisasi_angka, desimal) if r.realisasi_angka is not None else ""


def _sel_teks(nilai):
    """A cell as the text the entry form would receive: spreadsheet numbers written the Indonesian
    way (a float 1.234 is one point two three four, never one thousand two hundred thirty-four)."""
    if nilai is None:
        return ""
    if isinstance(nilai, int | float) and not isinstance(nilai, bool):
        teks = format_angka(nilai, 10)
        return teks.rstrip("0").rstrip(",") if "," in teks else teks
    return str(nilai).strip()


def _catat_bacaan(hasil, nomor, kolom_isian, teks):
    try:
        angka = baca_angka(teks, persen=True)
    except ValueError:
        return
    if angka is not None:
        desimal = max(0, -angka.normalize().as_tuple().exponent)
        hasil.bacaan.append((nomor, kolom_isian, teks, format_angka(angka, desimal)))


def _jalankan(data, *, user, tahun, triwulan, baris_daftar, dikonfirmasi):
    """Every row through the entry service; returns HasilImpor (errors, warnings, readings)."""
    hasil = HasilImpor(dicoba=True)
    dikenal = {b.pk: b for b in baris_daftar}
    judul = set(data.headers)
    kurang = [k for k in ("id_baris",) if k not in judul]
    asing = sorted(judul - set(kolom(baris_daftar)))
    if kurang or asing:
        pesan = []
        if kurang:
            pesan.append(f"Kolom wajib tidak ada: {', '.join(kurang)}.")
        if asing:
            pesan.append(f"Kolom tidak dikenal: {', '.join(asing)}.")
        hasil.galat_umum.append(" ".join(pesan) + " Unduh templat dari halaman isian untuk contoh.")
        return hasil
    terlihat = {}
    for i, row in enumerate(data.dict, start=1):
        nomor = data.baris_lembar(i)
        try:
            id_baris = int(_sel_teks(row.get("id_baris")) or 0)
        except ValueError:
            id_baris = 0
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
        isian = {
            "realisasi": _sel_teks(row.get("realisasi")),
            "komponen": {k: _sel_teks(row.get(f"komponen_{k}")) for k in kode if f"komponen_{k}" in judul},
            "kendala": _sel_teks(row.get("kendala")) if "kendala" in judul else None,
            "upaya": _sel_teks(row.get("upaya")) if "upaya" in judul else None,
        }
        r = next((r for r in b.realisasi.all() if r.triwulan == triwulan), None)
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
                    user=user, baris=b, triwulan=triwulan, konfirmasi_nilai=dikonfirmasi, **isian
                )
        except services.PerluKonfirmasi as galat:
            hasil.peringatan.append((nomor, "realisasi", " ".join(galat.messages)))
            if not dikonfirmasi:
                continue
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
                data, user=user, tahun=tahun, triwulan=triwulan, baris_daftar=baris_daftar, dikonfirmasi=False
            )
            raise _Batal
    except _Batal:
        pass
    if hasil.ada_galat:
        return hasil, None
    rekaman = BerkasImpor.objects.create(
        jenis=jenis_berkas(tahun, triwulan, unit),
        nama_berkas=(nama_berkas or "berkas")[-255:],
        isi=isi,
        sha256=hashlib.sha256(isi).hexdigest(),
        ukuran=len(isi),
        diperiksa_oleh=user,
        ada_peringatan=bool(hasil.peringatan),
    )
    return hasil, rekaman


def impor(token, *, user, tahun, triwulan, unit, baris_daftar, peringatan_diterima=False):
    """The previewed file for real: exactly once, all or nothing."""
    try:
        rekaman = BerkasImpor.objects.get(
            pk=token, jenis=jenis_berkas(tahun, triwulan, unit), diperiksa_oleh=user
        )
    except (BerkasImpor.DoesNotExist, ValidationError, ValueError):
        raise ValidationError(
            "Pratinjau tidak dikenal atau sudah kedaluwarsa; unggah ulang berkasnya."
        ) from None
    if rekaman.ada_peringatan and not peringatan_diterima:
        raise ValidationError(
            "Berkas ini berisi peringatan; centang bahwa Anda sudah memeriksanya, lalu impor."
        )
    data = baca_berkas(bytes(rekaman.isi), rekaman.nama_berkas)
    with transaction.atomic():
        if not BerkasImpor.objects.filter(pk=rekaman.pk, diimpor_pada__isnull=True).update(
            diimpor_pada=timezone.now()
        ):
            raise ValidationError(
                f"Berkas {rekaman.nama_berkas} dari pratinjau ini sudah diimpor; tidak diimpor lagi."
            )
        hasil = _jalankan(
            data, user=user, tahun=tahun, triwulan=triwulan, baris_daftar=baris_daftar,
            dikonfirmasi=peringatan_diterima,
        )  # fmt: skip
        if hasil.ada_galat:
            transaction.set_rollback(True)
        else:
            BerkasImpor.objects.filter(pk=rekaman.pk).update(ringkasan=hasil.ringkasan)
    return hasil, rekaman
