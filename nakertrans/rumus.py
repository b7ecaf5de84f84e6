"""A small safe evaluator for indicator formulas: no eval, no exec.

A formula is one or more lines ``name = expression``; expressions use numbers, component names, the
four operations and parentheses::

    e1 = luas_dibangun / luas_pencadangan * 100
    e2 = jumlah_usaha / jumlah_kk * 100
    e3 = sarpras_dibangun / sarpras_seharusnya * 100
    indeks = (e1 + e2 + e3) / 3

The last line gives the indicator's value. Names used but never defined are the components the
operator enters. Every defined value is rounded half up to the indicator's decimals, so each printed
figure can be recomputed from the printed figures before it (the seed printed 43,08 because it
rounded E2 to 5 first; with 24,26 and 5,04 the index is 43,10).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext

from django.core.exceptions import ValidationError

from nakertrans.format_id import bulatkan

_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(.))")
_NAMA = re.compile(r"[a-z_][a-z0-9_]*")
_PRIORITAS = {"+": 1, "-": 1, "*": 2, "/": 2}


class GalatRumus(ValidationError):
    pass


@dataclass(frozen=True)
class Angka:
    nilai: Decimal


@dataclass(frozen=True)
class Nama:
    nama: str


@dataclass(frozen=True)
class Negatif:
    isi: object


@dataclass(frozen=True)
class Operasi:
    op: str
    kiri: object
    kanan: object


def _token(teks):
    hasil = []
    for angka, nama, lain in _TOKEN.findall(teks):
        if angka:
            hasil.append(("angka", Decimal(angka)))
        elif nama:
            hasil.append(("nama", nama.lower()))
        elif lain.strip():
            if lain not in "+-*/()":
                raise GalatRumus(f"Tanda «{lain}» tidak dikenal; gunakan angka, nama, + - * / dan kurung.")
            hasil.append((lain, lain))
    return hasil


class _Pengurai:
    def __init__(self, teks):
        self.token = _token(teks)
        self.posisi = 0

    def _lihat(self):
        return self.token[self.posisi][0] if self.posisi < len(self.token) else None

    def _ambil(self):
        token = self.token[self.posisi]
        self.posisi += 1
        return token

    def urai(self):
        if not self.token:
            raise GalatRumus("Ekspresi kosong.")
        node = self._ekspresi(0)
        if self.posisi != len(self.token):
            raise GalatRumus(f"Ada sisa yang tidak terbaca setelah «{self.token[self.posisi][1]}».")
        return node

    def _ekspresi(self, prioritas_min):
        kiri = self._satuan()
        # Precedence climbing: * and / bind tighter than + and -, all left-associative.
        while (op := self._lihat()) in _PRIORITAS and _PRIORITAS[op] >= prioritas_min:
            self._ambil()
            kanan = self._ekspresi(_PRIORITAS[op] + 1)
            kiri = Operasi(op, kiri, kanan)
        return kiri

    def _satuan(self):
        jenis = self._lihat()
        if jenis is None:
            raise GalatRumus("Ekspresi berakhir terlalu cepat.")
        jenis, isi = self._ambil()
        if jenis == "angka":
            return Angka(isi)
        if jenis == "nama":
            return Nama(isi)
        if jenis == "-":
            return Negatif(self._satuan())
        if jenis == "(":
            node = self._ekspresi(0)
            if self._lihat() != ")":
                raise GalatRumus("Kurung buka tanpa kurung tutup.")
            self._ambil()
            return node
        raise GalatRumus(f"«{isi}» tidak boleh di sini.")


def _nama_dalam(node):
    if isinstance(node, Nama):
        return {node.nama}
    if isinstance(node, Negatif):
        return _nama_dalam(node.isi)
    if isinstance(node, Operasi):
        return _nama_dalam(node.kiri) | _nama_dalam(node.kanan)
    return set()


@dataclass(frozen=True)
class Rumus:
    definisi: dict  # name -> node, in the order written
    urutan: tuple  # names in an order where each comes after what it uses
    komponen: frozenset  # names used but not defined: entered by the operator

    @property
    def hasil(self):
        return list(self.definisi)[-1]


def urai_rumus(teks, komponen_dikenal=None):
    """Parse and validate a formula; raise GalatRumus (Indonesian) for syntax, unknown names, cycles."""
    definisi = {}
    baris_ke = 0
    for baris in (teks or "").splitlines():
        baris = baris.split("#", 1)[0].strip()
        if not baris:
            continue
        baris_ke += 1
        if "=" in baris:
            nama, _, ekspresi = (bagian.strip() for bagian in baris.partition("="))
            nama = nama.lower()
            if not _NAMA.fullmatch(nama):
                raise GalatRumus(
                    f"Baris {baris_ke}: «{nama}» bukan nama yang sah (huruf kecil, angka, garis bawah)."
                )
        else:
            nama, ekspresi = "hasil", baris
        if nama in definisi:
            raise GalatRumus(f"Baris {baris_ke}: «{nama}» didefinisikan dua kali.")
        try:
            definisi[nama] = _Pengurai(ekspresi).urai()
        except GalatRumus as galat:
            raise GalatRumus(f"Baris {baris_ke} ({nama}): {galat.messages[0]}") from None
    if not definisi:
        raise GalatRumus("Rumus kosong.")
    dipakai = {nama: _nama_dalam(node) for nama, node in definisi.items()}
    komponen = frozenset(set().union(*dipakai.values()) - set(definisi))
    if komponen_dikenal is not None:
        asing = sorted(komponen - set(komponen_dikenal))
        if asing:
            raise GalatRumus(f"Komponen tidak dikenal: {', '.join(asing)}.")
    return Rumus(definisi, _urutan_tanpa_siklus(definisi, dipakai), komponen)


def _urutan_tanpa_siklus(definisi, dipakai):
    urutan, selesai, sedang = [], set(), []

    def kunjungi(nama):
        if nama in selesai or nama not in definisi:
            return
        if nama in sedang:
            siklus = sedang[sedang.index(nama) :] + [nama]
            raise GalatRumus(f"Rumus berputar: {' → '.join(siklus)}.")
        sedang.append(nama)
        for lain in sorted(dipakai[nama]):
            kunjungi(lain)
        sedang.pop()
        selesai.add(nama)
        urutan.append(nama)

    for nama in definisi:
        kunjungi(nama)
    return tuple(urutan)


@dataclass
class HasilHitung:
    nilai: Decimal | None
    langkah: dict = field(default_factory=dict)  # every defined name -> its rounded value
    alasan: str = ""  # why it cannot be computed yet

    @property
    def dapat_dihitung(self):
        return self.nilai is not None


class _BelumDapat(Exception):
    pass


def _nilai(node, nilai):
    if isinstance(node, Angka):
        return node.nilai
    if isinstance(node, Nama):
        isi = nilai.get(node.nama)
        if isi is None:
            raise _BelumDapat(f"komponen {node.nama} belum diisi")
        return Decimal(isi)
    if isinstance(node, Negatif):
        return -_nilai(node.isi, nilai)
    kiri, kanan = _nilai(node.kiri, nilai), _nilai(node.kanan, nilai)
    if node.op == "+":
        return kiri + kanan
    if node.op == "-":
        return kiri - kanan
    if node.op == "*":
        return kiri * kanan
    if kanan == 0:
        raise _BelumDapat("pembagian dengan nol")
    return kiri / kanan


# Significant digits of the evaluation: a product of two or three of the largest components (16
# digits each) is exact, where the default 28 would round it before the step is rounded half up.
PRESISI = 60


def hitung(rumus, nilai_komponen, desimal=2):
    """Evaluate with Decimal; a missing component or a zero divisor gives 'belum dapat dihitung'.

    Never raises for a number: any size of component gives a value or a reason.
    """
    nilai = {k: v for k, v in nilai_komponen.items()}
    langkah = {}
    try:
        with localcontext(prec=PRESISI):
            for nama in rumus.urutan:
                langkah[nama] = nilai[nama] = bulatkan(_nilai(rumus.definisi[nama], nilai), desimal)
    except _BelumDapat as sebab:
        return HasilHitung(None, langkah, f"Belum dapat dihitung: {sebab} ({nama}).")
    except (InvalidOperation, DivisionByZero, Overflow):
        return HasilHitung(None, langkah, f"Belum dapat dihitung: nilai tidak wajar ({nama}).")
    return HasilHitung(langkah[rumus.hasil], langkah)


_SIMBOL = {"+": "+", "-": "−", "*": "×", "/": "/"}
_PRIORITAS_CETAK = {"+": 1, "-": 1, "*": 2, "/": 2}


def _cetak(node, isi, prioritas_induk=0, kanan=False):
    """Text of an expression; ``isi`` maps a name to its printed value (None: print the name)."""
    if isinstance(node, Angka):
        return isi(None, node.nilai)
    if isinstance(node, Nama):
        return isi(node.nama, None)
    if isinstance(node, Negatif):
        return f"−{_cetak(node.isi, isi, 3)}"
    p = _PRIORITAS_CETAK[node.op]
    teks = f"{_cetak(node.kiri, isi, p)} {_SIMBOL[node.op]} {_cetak(node.kanan, isi, p, kanan=True)}"
    perlu_kurung = p < prioritas_induk or (kanan and p == prioritas_induk)
    return f"({teks})" if perlu_kurung else teks


def uraikan(rumus, nilai_komponen, langkah, format_nilai, label=None):
    """The workings of every step: [(name, with names, with numbers, result)], as a report prints them.

    ``format_nilai(value)`` prints a number; defined names show their rounded step value, so every
    printed result can be recomputed from the printed numbers. ``label`` ({name: words}) prints a
    component by what it is («Jumlah pengangguran (orang)») instead of its code.
    """
    label = label or {}
    hasil = []
    for nama in rumus.urutan:
        node = rumus.definisi[nama]

        def dengan_nama(n, angka):
            return label.get(n, n) if n is not None else format_nilai(angka)

        def dengan_angka(n, angka):
            if n is None:
                return format_nilai(angka)
            v = langkah.get(n, nilai_komponen.get(n))
            return format_nilai(v) if v is not None else n

        hasil.append((nama, _cetak(node, dengan_nama), _cetak(node, dengan_angka), langkah.get(nama)))
    return hasil
