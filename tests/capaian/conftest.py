import pytest

from capaian.demo import muat_realisasi, muat_skala


@pytest.fixture
def realisasi_2024(perencanaan):
    """The demo year with its 2024 realisasi and the predikat scales."""
    muat_skala()
    muat_realisasi()


@pytest.fixture
def _latar_sinkron(settings):
    # The PDF job runs in the request's own thread and transaction, so the test sees its result.
    settings.SAKIP_LATAR_SINKRON = True


@pytest.fixture
def siap_terbit(realisasi_2024, kadis, _latar_sinkron):
    """The demo year made publishable: budget months approved, the one missing target set (the seed
    gives the Perencana's third line none) and every warning answered by the Kepala Dinas."""
    from anggaran.demo import setujui_semua_bulan
    from capaian.pemeriksaan import periksa_lkjip
    from capaian.terbitan import tanggapi_peringatan
    from perjanjian.models import BarisPK

    setujui_semua_bulan()
    BarisPK.objects.filter(perjanjian__tahun=2024, target_angka=None, target_huruf="").update(target_angka=1)
    hasil = periksa_lkjip(2024)
    assert not hasil.galat, [t.pesan for t in hasil.galat]
    tanggapi_peringatan(
        tahun=2024,
        kode=[t.kode for t in hasil.peringatan],
        catatan="Diketahui; dijelaskan dalam BAB III.",
        user=kadis,
    )
