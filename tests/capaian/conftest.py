import pytest

from tests.conftest import tersedia


@pytest.fixture
def realisasi_2024(perencanaan):
    """The demo year with its 2024 realisasi and the predikat scales (committed once: tests/conftest.py)."""
    tersedia("realisasi_2024")


@pytest.fixture
def _latar_sinkron(settings):
    # The PDF job runs in the request's own thread and transaction, so the test sees its result.
    settings.SAKIP_LATAR_SINKRON = True


@pytest.fixture
def siap_terbit(realisasi_2024, kadis, _latar_sinkron):
    """The demo year made publishable (tests/capaian/siap_terbit.py; committed once: tests/conftest.py)."""
    tersedia("siap_terbit")
