import pytest

from tests.conftest import tersedia


@pytest.fixture
def anggaran_2024(organisasi):
    """The seed's 2024 budget on top of the demo organisation (committed once: tests/conftest.py)."""
    tersedia("anggaran_2024")
