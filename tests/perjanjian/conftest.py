import pytest

from anggaran.demo import muat_anggaran
from perjanjian.demo import muat_perencanaan


@pytest.fixture
def perencanaan(organisasi):
    """The seed's organisation, 2024 budget, Renstra, IKU and the twelve PKs of 2024."""
    muat_anggaran()
    return muat_perencanaan()
