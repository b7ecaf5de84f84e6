from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from anggaran.rollup import Ringkasan, jumlahkan

uang = st.integers(0, 10**11).map(Decimal)
persen = st.decimals(0, 100, places=2)


def test_seed_total_serapan_and_sisa():
    total = Ringkasan.dari_sub_kegiatan(4635301681, 4344631646, 0)
    assert total.serapan == Decimal("93.73")
    assert total.sisa == Decimal(290670035)
    assert total.sisa_persen == Decimal("6.27")


def test_fisik_of_a_parent_is_pagu_weighted():
    besar = Ringkasan.dari_sub_kegiatan(900, 0, Decimal(100))
    kecil = Ringkasan.dari_sub_kegiatan(100, 0, Decimal(0))
    assert jumlahkan([besar, kecil]).fisik == Decimal("90.00")


def test_zero_pagu_gives_no_percentage_instead_of_an_error():
    kosong = Ringkasan.dari_sub_kegiatan(0, 0, 0)
    assert kosong.serapan is None and kosong.fisik is None and kosong.sisa_persen is None


@given(st.lists(st.tuples(uang, uang, persen), min_size=1, max_size=30))
def test_rollup_is_the_sum_of_children_in_any_grouping(anak):
    ringkasan = [Ringkasan.dari_sub_kegiatan(*a) for a in anak]
    total = jumlahkan(ringkasan)
    assert total.pagu == sum(a[0] for a in anak)
    assert total.realisasi == sum(a[1] for a in anak)
    tengah = len(ringkasan) // 2
    assert jumlahkan([jumlahkan(ringkasan[:tengah]), jumlahkan(ringkasan[tengah:])]) == total
    if total.pagu:
        assert min(a[2] for a in anak if a[0]) - Decimal("0.01") <= total.fisik
        assert total.fisik <= max(a[2] for a in anak if a[0]) + Decimal("0.01")
