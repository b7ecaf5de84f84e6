"""``manage.py impor JENIS BERKAS``: the import page's checks and all-or-nothing import, from a shell."""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from nakertrans.berkas_tabel import baca_berkas
from nakertrans.impor import impor, impor_berkas, jenis_impor, periksa
from nakertrans.management.opd import opd_dari_opsi, tambah_opsi_opd
from nakertrans.models import Pengguna


class Command(BaseCommand):
    help = (
        "Mengimpor berkas xlsx/csv dengan pemeriksaan yang sama seperti halaman Impor: satu baris salah, "
        "tidak ada yang disimpan. Dengan --periksa hanya memeriksa (status keluar 0 bila berkas dapat "
        "diimpor bersih, 1 bila ada galat)."
    )

    def add_arguments(self, parser):
        parser.add_argument("jenis", help="jenis data: " + ", ".join(jenis_impor()))
        parser.add_argument("berkas", help="jalur berkas .xlsx atau .csv")
        parser.add_argument(
            "--periksa",
            dest="hanya_periksa",
            action="store_true",
            help="pratinjau saja; tidak ada yang diubah",
        )
        parser.add_argument("--pengguna", help="nama pengguna yang mengimpor (wajib untuk impor sungguhan)")
        tambah_opsi_opd(parser)
        parser.add_argument(
            "--terima-peringatan",
            action="store_true",
            help="impor walaupun ada peringatan (setelah Anda memeriksanya dengan --periksa)",
        )

    def handle(self, *args, jenis, berkas, hanya_periksa, pengguna, terima_peringatan, opd, **options):
        semua = jenis_impor()
        if jenis not in semua:
            raise CommandError(
                f"Jenis impor «{jenis}» tidak dikenal; pilih salah satu dari {', '.join(semua)}."
            )
        jalur = Path(berkas)
        try:
            isi = jalur.read_bytes()
        except OSError as galat:
            raise CommandError(f"Berkas {berkas} tidak dapat dibuka: {galat.strerror}.") from None
        user = self._pengguna(pengguna, semua[jenis], wajib=not hanya_periksa)
        # The importing user's office, else --opd (or the one office of a single-office installation).
        opd = user.instansi if user is not None and user.instansi_id else opd_dari_opsi(opd)
        if user is not None:
            user._opd = opd  # what opd_pengguna answers for this user from now on
        try:
            if hanya_periksa:
                hasil = impor(jenis, baca_berkas(isi, jalur.name), user=user, dry_run=True, opd=opd)
            else:
                hasil, rekaman = periksa(jenis, isi, jalur.name, user=user)
        except ValidationError as galat:
            self.stderr.write(" ".join(galat.messages))
            sys.exit(1)
        self._cetak(hasil)
        if hasil.ada_galat:
            self.stderr.write("Berkas tidak diimpor: perbaiki kesalahan di atas. Tidak ada data yang diubah.")
            sys.exit(1)
        if hanya_periksa:
            self.stdout.write(f"Berkas dapat diimpor: {hasil.ringkasan}. (Pratinjau: tidak ada yang diubah.)")
            return
        if hasil.peringatan and not terima_peringatan:
            self.stderr.write(
                "Ada peringatan: periksa angkanya, lalu ulangi dengan --terima-peringatan. "
                "Tidak ada yang diubah."
            )
            sys.exit(1)
        try:
            hasil, _ = impor_berkas(
                rekaman.token, jenis=jenis, user=user, peringatan_diterima=terima_peringatan
            )
        except ValidationError as galat:
            self.stderr.write(" ".join(galat.messages))
            sys.exit(1)
        if hasil.ada_galat:
            self._cetak(hasil)
            self.stderr.write(
                "Berkas tidak diimpor: data berubah sejak pemeriksaan. Tidak ada data yang diubah."
            )
            sys.exit(1)
        self.stdout.write(f"Impor {jalur.name} selesai: {hasil.ringkasan}.")

    def _pengguna(self, nama, jenis, *, wajib):
        if not nama:
            if wajib:
                raise CommandError("Sebutkan --pengguna NAMA: setiap perubahan dicatat atas nama seseorang.")
            return None
        user = Pengguna.objects.filter(username=nama, is_active=True).first()
        if user is None:
            raise CommandError(f"Pengguna «{nama}» tidak ada atau tidak aktif.")
        if not user.has_perm(jenis.izin):
            raise CommandError(f"Pengguna «{nama}» tidak berwenang mengimpor {jenis.label.lower()}.")
        return user

    def _cetak(self, hasil):
        for pesan in hasil.semua_pesan():
            self.stderr.write(f"GALAT {pesan}")
        for nomor, kolom, pesan in hasil.peringatan:
            self.stdout.write(f"PERINGATAN Baris {nomor}, kolom {kolom}: {pesan}")
        for s in hasil.selisih:
            self.stdout.write(f"SELISIH {s}")
        for nomor, kolom, tertulis, terbaca in hasil.bacaan:
            tanda = "" if tertulis == terbaca else "  (berbeda dari tulisannya)"
            self.stdout.write(f"Baris {nomor}, kolom {kolom}: «{tertulis}» dibaca {terbaca}{tanda}")
