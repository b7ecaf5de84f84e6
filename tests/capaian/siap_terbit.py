"""The demo year made publishable, shared by the fixture and the browser test."""

from anggaran.demo import setujui_semua_bulan
from capaian.pemeriksaan import periksa_lkjip
from capaian.terbitan import tanggapi_peringatan
from nakertrans.demo import dinas
from perjanjian.models import BarisPK

CATATAN = "Diketahui; dijelaskan dalam BAB III."


def jadikan_siap_terbit(kadis, tahun=2024):
    """Budget months approved, the one missing target set (the seed gives the Perencana's third line
    none) and every warning answered by the Kepala Dinas."""
    setujui_semua_bulan()
    BarisPK.objects.filter(perjanjian__tahun=tahun, target_angka=None, target_huruf="").update(target_angka=1)
    hasil = periksa_lkjip(dinas(), tahun)
    assert not hasil.galat, [t.pesan for t in hasil.galat]
    tanggapi_peringatan(instansi=dinas(), tahun=tahun, kode=[], semua=True, catatan=CATATAN, user=kadis)
