"""What the budget tells higher apps, so that they follow without the budget knowing them."""

from dataclasses import dataclass

from django.dispatch import Signal

# Sent once a DPA import is saved, in its transaction: ``instansi`` and ``daftar``, a list of
# IndikatorTertulis, one per row of a sub kegiatan, kegiatan or program that names an indicator.
dpa_diimpor = Signal()


@dataclass(frozen=True)
class IndikatorTertulis:
    """A row's indicator and its target as the sheet writes it, read (anggaran.target_tertulis)."""

    tahun: int
    kode: str
    indikator: str
    bacaan: object  # BacaanTarget
