"""Evidence files: the type is read from the content, not trusted from the name."""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError

JENIS = {
    "pdf": "PDF",
    "png": "gambar PNG",
    "jpg": "gambar JPEG",
    "xlsx": "Excel (xlsx)",
    "docx": "Word (docx)",
}
AKHIRAN = {"pdf": "pdf", "png": "png", "jpg": "jpg", "jpeg": "jpg", "xlsx": "xlsx", "docx": "docx"}


def batas_ukuran():
    return getattr(settings, "SAKIP_BATAS_BUKTI_MB", 10) * 1024 * 1024


def jenis_dari_isi(isi):
    """'pdf', 'png', 'jpg', 'xlsx', 'docx', or None for anything else."""
    if isi.startswith(b"%PDF-"):
        return "pdf"
    if isi.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if isi.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if isi.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(isi)) as arsip:
                nama = set(arsip.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in nama and "xl/workbook.xml" in nama:
            return "xlsx"
        if "[Content_Types].xml" in nama and "word/document.xml" in nama:
            return "docx"
    return None


def periksa_bukti(nama_berkas, isi):
    """The file's kind, or ValidationError (Indonesian) when it is too large or not what its name says."""
    if not isi:
        raise ValidationError("Berkas bukti kosong.")
    if len(isi) > batas_ukuran():
        raise ValidationError(
            f"Berkas bukti terlalu besar (paling besar {batas_ukuran() // (1024 * 1024)} MB)."
        )
    akhiran = AKHIRAN.get(nama_berkas.rsplit(".", 1)[-1].lower() if "." in nama_berkas else "")
    if akhiran is None:
        raise ValidationError("Bukti harus berupa PDF, gambar (PNG/JPEG), xlsx atau docx.")
    sebenarnya = jenis_dari_isi(isi)
    if sebenarnya != akhiran:
        raise ValidationError(
            f"Isi berkas «{nama_berkas}» bukan {JENIS[akhiran]} seperti namanya; "
            "unggah berkas yang sebenarnya."
        )
    return sebenarnya


def unduhan(bukti):
    """The stored file of an evidence row as a download under its original name (404 when the file is
    gone from the storage). Who may download it is the caller's check."""
    from django.http import FileResponse, Http404

    try:
        berkas = bukti.berkas.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas bukti tidak ada lagi di penyimpanan; hubungi admin.") from None
    return FileResponse(berkas, as_attachment=True, filename=bukti.nama_asli)
