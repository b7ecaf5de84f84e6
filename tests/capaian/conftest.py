import pytest

from tests.conftest import tersedia


@pytest.fixture
def realisasi_2024(perencanaan):
    """The demo year with its 2024 realisasi and the predikat scales (committed once: tests/conftest.py)."""
    tersedia("realisasi_2024")


@pytest.fixture
def siap_terbit(realisasi_2024, kadis):
    """The demo year made publishable (tests/capaian/siap_terbit.py; committed once: tests/conftest.py)."""
    tersedia("siap_terbit")
