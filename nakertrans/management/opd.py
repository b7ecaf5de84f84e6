"""The perangkat daerah a management command works on: ``--opd <kode>``, or the one office of a
single-office installation."""

from django.core.management.base import CommandError

from nakertrans.access import opd_tunggal
from nakertrans.models import Instansi


def tambah_opsi_opd(parser):
    parser.add_argument(
        "--opd", metavar="KODE", help="kode perangkat daerah (wajib bila ada lebih dari satu)"
    )


def opd_dari_opsi(kode):
    if kode:
        opd = Instansi.objects.filter(kode=kode).first()
        if opd is None:
            raise CommandError(f"Perangkat daerah dengan kode «{kode}» tidak ada. {_daftar()}")
        return opd
    satu = opd_tunggal()
    if satu is not None:
        return satu
    if not Instansi.objects.exists():
        raise CommandError("Belum ada perangkat daerah; jalankan muat_demo atau buat lewat admin.")
    raise CommandError(f"Ada lebih dari satu perangkat daerah: pilih dengan --opd. {_daftar()}")


def _daftar():
    kode = list(Instansi.objects.order_by("kode").values_list("kode", flat=True))
    return "Kode yang ada: " + (", ".join(kode) if kode else "(belum ada)") + "."
