import pytest

from tests.conftest import tersedia


@pytest.fixture
def realisasi_2024(perencanaan):
    """The demo year with its 2024 realisasi and the predikat scales (committed once: tests/conftest.py)."""
    tersedia("realisasi_2024")


@pytest.fixture
def renja_2024(realisasi_2024):
    """The demo year with the Renja's indicators and Tabel 3.12's realisasi (tests/conftest.py)."""
    tersedia("renja_2024")


@pytest.fixture
def siap_terbit(renja_2024, kadis):
    """The demo year made publishable (tests/capaian/siap_terbit.py; committed once: tests/conftest.py)."""
    tersedia("siap_terbit")


@pytest.fixture
def kantor(renja_2024):
    """An office with three Renja outputs measured 2021-2024, every period approved
    (tests/capaian/renja_kantor.py)."""
    from tests.capaian.renja_kantor import buat_kantor

    return buat_kantor()
