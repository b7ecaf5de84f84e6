from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nakertrans.rumus import GalatRumus, hitung, urai_rumus

INDEKS_KAWASAN = """
e1 = luas_dibangun / luas_pencadangan * 100
e2 = jumlah_usaha / jumlah_kk * 100
e3 = sarpras_dibangun / sarpras_seharusnya * 100
indeks = (e1 + e2 + e3) / 3
"""
KOMPONEN_2024 = {
    "luas_dibangun": Decimal(1682),
    "luas_pencadangan": Decimal(6934),
    "jumlah_usaha": Decimal(121),
    "jumlah_kk": Decimal(2399),
    "sarpras_dibangun": Decimal(1),
    "sarpras_seharusnya": Decimal(1),
}


def test_seed_index_gives_24_26_5_04_100_and_43_10():
    hasil = hitung(urai_rumus(INDEKS_KAWASAN), KOMPONEN_2024)
    assert hasil.langkah == {
        "e1": Decimal("24.26"),
        "e2": Decimal("5.04"),
        "e3": Decimal("100.00"),
        "indeks": Decimal("43.10"),
    }
    assert hasil.nilai == Decimal("43.10")


def test_seed_tpt_is_5_39():
    rumus = urai_rumus("tpt = jumlah_pengangguran / jumlah_angkatan_kerja * 100")
    assert rumus.komponen == {"jumlah_pengangguran", "jumlah_angkatan_kerja"}
    assert hitung(rumus, {"jumlah_pengangguran": 7060, "jumlah_angkatan_kerja": 131065}).nilai == Decimal(
        "5.39"
    )


def test_zero_divisor_and_missing_component_are_not_yet_computable():
    rumus = urai_rumus(INDEKS_KAWASAN)
    nol = hitung(rumus, {**KOMPONEN_2024, "luas_pencadangan": Decimal(0)})
    assert nol.nilai is None and "pembagian dengan nol" in nol.alasan
    kosong = hitung(rumus, {**KOMPONEN_2024, "jumlah_kk": None})
    assert kosong.nilai is None and "komponen jumlah_kk belum diisi" in kosong.alasan
    assert not kosong.dapat_dihitung


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("a = (b + c", "Kurung buka tanpa kurung tutup"),
        ("a = b +", "berakhir terlalu cepat"),
        ("a = b c", "sisa yang tidak terbaca"),
        ("a = b ** 2", "tidak boleh di sini"),
        ("a = __import__('os')", "Tanda «'» tidak dikenal"),
        ("a = b; c", "Tanda «;» tidak dikenal"),
        ("a = 1\na = 2", "didefinisikan dua kali"),
        ("A-B = 1", "bukan nama yang sah"),
        ("", "Rumus kosong"),
        ("a = b\nb = c + a", "Rumus berputar: a → b → a"),
        ("a = a + 1", "Rumus berputar: a → a"),
    ],
)
def test_invalid_formulas_are_refused_in_indonesian(teks, pesan):
    with pytest.raises(GalatRumus) as galat:
        urai_rumus(teks)
    assert pesan in galat.value.messages[0]


def test_unknown_component_is_refused_when_components_are_declared():
    with pytest.raises(GalatRumus, match="Komponen tidak dikenal: jumlah_kk"):
        urai_rumus(INDEKS_KAWASAN, komponen_dikenal=set(KOMPONEN_2024) - {"jumlah_kk"})


def test_precedence_and_left_associativity():
    nilai = {teks: hitung(urai_rumus(teks), {}).nilai for teks in ["2 - 3 - 4", "2 * 3 + 4 * 5", "8 / 4 / 2"]}
    assert nilai == {"2 - 3 - 4": Decimal(-5), "2 * 3 + 4 * 5": Decimal(26), "8 / 4 / 2": Decimal(1)}
    assert hitung(urai_rumus("-(2 + 3) * -2"), {}).nilai == Decimal(10)


def _ekspresi():
    daun = st.one_of(st.integers(0, 50).map(lambda n: (str(n), Fraction(n))), st.sampled_from([("x", None)]))
    return st.recursive(
        daun,
        lambda anak: st.tuples(anak, st.sampled_from("+-*/"), anak),
        max_leaves=8,
    )


def _render_dan_nilai(pohon, x):
    if isinstance(pohon[1], str) and len(pohon) == 3:
        kiri, op, kanan = pohon
        tk, nk = _render_dan_nilai(kiri, x)
        tn, nn = _render_dan_nilai(kanan, x)
        if nk is None or nn is None:
            nilai = None
        elif op == "/":
            nilai = None if nn == 0 else nk / nn
        else:
            nilai = {"+": nk + nn, "-": nk - nn, "*": nk * nn}[op]
        return f"({tk} {op} {tn})", nilai
    teks, nilai = pohon
    return teks, (Fraction(x) if nilai is None else nilai)


@given(_ekspresi(), st.integers(-20, 20))
def test_evaluator_agrees_with_exact_arithmetic(pohon, x):
    teks, tepat = _render_dan_nilai(pohon, x)
    hasil = hitung(urai_rumus(f"hasil = {teks}"), {"x": Decimal(x)}, desimal=2)
    if tepat is None:
        assert hasil.nilai is None and "pembagian dengan nol" in hasil.alasan
    else:
        assert abs(Fraction(hasil.nilai) - tepat) <= Fraction(1, 200) + Fraction(1, 10**15)


def test_workings_print_names_numbers_and_rounded_steps():
    from nakertrans.format_id import format_angka
    from nakertrans.rumus import uraikan

    rumus = urai_rumus(INDEKS_KAWASAN)
    hasil = hitung(rumus, KOMPONEN_2024)

    def cetak(v):
        return format_angka(v, 0 if v == v.to_integral_value() else 2)

    langkah = uraikan(rumus, KOMPONEN_2024, hasil.langkah, cetak)
    assert langkah[0] == (
        "e1",
        "luas_dibangun / luas_pencadangan × 100",
        "1.682 / 6.934 × 100",
        Decimal("24.26"),
    )
    assert langkah[3][2] == "(24,26 + 5,04 + 100) / 3" and langkah[3][3] == Decimal("43.10")
    assert uraikan(urai_rumus("a = 8 - (2 - 1)"), {}, {"a": Decimal(7)}, cetak)[0][1] == "8 − (2 − 1)"


TERBESAR = Decimal("999999999999.9999")  # the largest component a 16-digit, 4-decimal field stores


@pytest.mark.parametrize("desimal", [0, 2, 4])
def test_largest_components_compute_exactly(desimal):
    """A product of the largest components has 32 or 48 digits: more than Decimal's default 28, which
    rounded it (an error in the millions for three of them) and then refused to round it to the
    indicator's decimals («nilai tidak wajar»)."""
    from decimal import Context

    from nakertrans.format_id import bulatkan

    tepat = Context(prec=100)
    rumus = urai_rumus("luas = a * b\nvolume = a * b * c\nhasil = volume / luas * 100")
    hasil = hitung(rumus, dict.fromkeys("abc", TERBESAR), desimal)
    assert hasil.langkah["luas"] == bulatkan(tepat.multiply(TERBESAR, TERBESAR), desimal)
    volume = tepat.multiply(tepat.multiply(TERBESAR, TERBESAR), TERBESAR)
    assert hasil.langkah["volume"] == bulatkan(volume, desimal)
    per_luas = tepat.divide(hasil.langkah["volume"], hasil.langkah["luas"])
    assert hasil.nilai == bulatkan(tepat.multiply(per_luas, 100), desimal)


def test_smallest_and_largest_components_give_a_value_or_a_reason_never_an_error():
    rumus = urai_rumus(INDEKS_KAWASAN)
    for nilai in [TERBESAR, Decimal(0), Decimal("0.0001"), Decimal(10) ** 30]:
        hasil = hitung(rumus, dict.fromkeys(KOMPONEN_2024, nilai))
        assert hasil.nilai is not None or hasil.alasan.startswith("Belum dapat dihitung")
    kecil = hitung(urai_rumus("a / b * 100"), {"a": TERBESAR, "b": Decimal("0.0001")}, 2)
    assert kecil.nilai == Decimal("999999999999999900.00")
