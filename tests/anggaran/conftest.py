import pytest

from anggaran.demo import muat_anggaran


@pytest.fixture
def anggaran_2024(organisasi):
    """The seed's 2024 budget on top of the demo organisation."""
    muat_anggaran()
