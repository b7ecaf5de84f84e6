import pytest

from capaian.demo import muat_realisasi, muat_skala


@pytest.fixture
def realisasi_2024(perencanaan):
    """The demo year with its 2024 realisasi and the predikat scales."""
    muat_skala()
    muat_realisasi()
