"""The kabupaten's readers (Bappeda, Inspektorat, Pimpinan) read an office's entry pages and change
nothing in them."""

import pytest
from django.urls import reverse

from nakertrans import workflow
from nakertrans.demo import dinas
from nakertrans.models import Pengajuan, Pengguna


@pytest.mark.parametrize("username", ["bappeda", "inspektorat", "bupati"])
def test_the_kabupatens_readers_are_refused_an_offices_approval(client, realisasi_2024, username):
    """Bappeda, the Inspektorat and the Pimpinan read an office's pages and reopen nothing in them."""
    client.force_login(Pengguna.objects.get(username=username))
    pengajuan = Pengajuan.objects.filter(unit_kerja__instansi=dinas(), jenis="kinerja").order_by("pk").first()
    args = [pengajuan.tahun, pengajuan.periode, pengajuan.unit_kerja_id]
    halaman = reverse("capaian:isian_triwulan", args=args)
    assert client.get(halaman).status_code == 200
    respons = client.post(reverse("capaian:ubah_status", args=[*args, workflow.BUKA]), {"catatan": "uji"})
    assert respons.status_code == 302
    assert "Hanya Kepala OPD yang dapat membuka kembali" in client.get(halaman).content.decode()
    pengajuan.refresh_from_db()
    assert pengajuan.status == Pengajuan.Status.DISETUJUI
