import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from capaian.lkjip import html_lkjip
from nakertrans.management.opd import opd_dari_opsi, tambah_opsi_opd
from nakertrans.pdf import html_ke_pdf


class Command(BaseCommand):
    help = (
        "Menulis LKjIP suatu tahun sebagai PDF: draf (bertanda DRAF) yang sama dengan halaman LKjIP, "
        "atau dengan --terbitan N berkas versi terbitan N persis seperti tersimpan."
    )

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int)
        parser.add_argument("berkas", type=Path)
        parser.add_argument("--terbitan", type=int, metavar="N", help="nomor versi terbitan")
        tambah_opsi_opd(parser)

    def handle(self, *args, tahun, berkas, terbitan, opd, **options):
        from django.core.exceptions import ValidationError

        from capaian.models import TerbitanLKjIP
        from capaian.terbitan import isi_terbitan
        from perjanjian.models import PerjanjianKinerja

        opd = opd_dari_opsi(opd)
        if terbitan is not None:
            versi = TerbitanLKjIP.objects.filter(instansi=opd, tahun=tahun, nomor=terbitan).first()
            if versi is None:
                raise CommandError(f"Tidak ada terbitan versi {terbitan} LKjIP {tahun}.")
            try:
                isi = isi_terbitan(versi)
            except ValidationError as galat:
                raise CommandError(" ".join(galat.messages)) from None
        else:
            if not PerjanjianKinerja.objects.filter(instansi=opd, tahun=tahun).exists():
                raise CommandError(f"Tidak ada Perjanjian Kinerja tahun {tahun}; LKjIP tidak dapat disusun.")
            isi = html_ke_pdf(html_lkjip(opd, tahun, draf=True))
        try:
            berkas.write_bytes(isi)
        except OSError as galat:
            raise CommandError(f"Berkas {berkas} tidak dapat ditulis: {galat.strerror}.") from None
        jenis = f"versi terbitan {terbitan}" if terbitan is not None else "draf"
        self.stdout.write(
            self.style.SUCCESS(
                f"LKjIP {tahun} ({jenis}) ditulis ke {berkas} ({len(isi)} bita, "
                f"SHA-256 {hashlib.sha256(isi).hexdigest()})."
            )
        )
