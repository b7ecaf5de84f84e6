"""Import of indicators, PK lines and rencana aksi: preview, row errors in Indonesian, all or nothing."""

from decimal import Decimal

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nakertrans.demo import KABID_TRANS, PENGANTAR_KERJA
from perjanjian import services
from perjanjian.models import BarisPK, Indikator, PerjanjianKinerja


def _xlsx(judul, baris):
    data = tablib.Dataset(headers=judul)
    for b in baris:
        data.append(b)
    return data.export("xlsx")


def _impor(client, jenis, isi, simpan=True):
    pratinjau = client.post(reverse("impor"), {"jenis": jenis, "berkas": SimpleUploadedFile("x.xlsx", isi)})
    if simpan and "token" in pratinjau.context:
        client.post(reverse("impor_simpan"), {"jenis": jenis, "token": pratinjau.context["token"]})
    return pratinjau


def _semua():
    return list(Indikator.objects.order_by("pk").values()), list(BarisPK.objects.order_by("pk").values())


def test_indicators_import_with_formula_and_polarity(masuk_sebagai, admin, perencanaan):
    isi = _xlsx(
        [
            "nama",
            "satuan",
            "jenis_nilai",
            "polaritas",
            "metode_capaian",
            "aturan_tahunan",
            "desimal",
            "rumus",
        ],
        [["Rasio uji", "persen", "persen", "turun", "", "terakhir", 2, "hasil = a / b * 100"]],
    )
    pratinjau = _impor(masuk_sebagai(admin), "indikator", isi)
    assert not pratinjau.context["hasil"].ada_galat
    baru = Indikator.objects.get(nama="Rasio uji")
    assert (baru.polaritas, baru.metode, baru.rumus_terurai().komponen) == ("turun", "(2t-r)/t", {"a", "b"})


@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        (
            ["Uji", "persen", "persen", "naik", "", "terakhir", 2, "hasil = (a"],
            "Kurung buka tanpa kurung tutup",
        ),
        (["Uji", "persen", "persen", "naik", "", "terakhir", 2, "x = y\ny = x"], "Rumus berputar"),
        (["Uji", "persen", "persen", "miring", "", "terakhir", 2, ""], "Polaritas «miring» tidak dikenal"),
        (["", "persen", "persen", "naik", "", "terakhir", 2, ""], "kolom nama: kosong"),
    ],
)
def test_bad_indicator_rows_save_nothing(masuk_sebagai, admin, perencanaan, baris, pesan):
    sebelum = _semua()
    judul = [
        "nama",
        "satuan",
        "jenis_nilai",
        "polaritas",
        "metode_capaian",
        "aturan_tahunan",
        "desimal",
        "rumus",
    ]
    respons = _impor(
        masuk_sebagai(admin),
        "indikator",
        _xlsx(judul, [["Baik", "orang", "angka", "naik", "", "jumlah", 0, ""], baris]),
    )
    assert pesan in respons.content.decode() and "Baris 3:" in respons.content.decode()
    assert _semua() == sebelum


JUDUL_BARIS = [
    "tahun",
    "jabatan",
    "nomor",
    "sasaran",
    "indikator",
    "target",
    "satuan",
    "rencana_tw1",
    "rencana_tw2",
    "rencana_tw3",
    "rencana_tw4",
]


def test_pk_lines_go_into_a_new_draft_pk(masuk_sebagai, admin, perencanaan):
    isi = _xlsx(
        JUDUL_BARIS,
        [
            [
                2025,
                PENGANTAR_KERJA,
                1,
                "Terlaksananya Pelayanan Antar Kerja",
                "Jumlah Pelayanan Antar Kerja di Kabupaten Bungo",
                700,
                "orang",
                175,
                175,
                175,
                175,
            ]
        ],
    )
    assert not _impor(masuk_sebagai(admin), "baris_pk", isi).context["hasil"].ada_galat
    pk = PerjanjianKinerja.objects.get(tahun=2025, jabatan__nama=PENGANTAR_KERJA)
    assert pk.status == "draft" and pk.baris.get().target_angka == Decimal(700)


@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        (
            [
                2025,
                PENGANTAR_KERJA,
                1,
                "S",
                "Jumlah Pelayanan Antar Kerja di Kabupaten Bungo",
                700,
                "orang",
                100,
                100,
                100,
                100,
            ],
            "hasilnya 400, sedangkan targetnya 700",
        ),
        (
            [2025, PENGANTAR_KERJA, 1, "S", "Tidak ada", 700, "orang", "", "", "", ""],
            "Indikator «Tidak ada» tidak dikenal",
        ),
        (
            [2025, "Jabatan fiktif", 1, "S", "Jumlah LPKS", 1, "", "", "", "", ""],
            "Jabatan «Jabatan fiktif» tidak dikenal",
        ),
        (
            [2025, PENGANTAR_KERJA, 1, "S", "Jumlah LPKS", "banyak", "", "", "", "", ""],
            "bukan angka dan bukan predikat",
        ),
        (
            [2025, PENGANTAR_KERJA, 1, "S", "Jumlah LPKS", "E", "", "", "", "", ""],
            "bukan angka dan bukan predikat",
        ),
        (
            [2024, KABID_TRANS, 1, "S", "Jumlah LPKS", 1, "", "", "", "", ""],
            "sudah final dan tidak dapat diubah",
        ),
    ],
)
def test_bad_pk_line_rows_save_nothing(masuk_sebagai, admin, perencanaan, baris, pesan):
    sebelum = _semua(), PerjanjianKinerja.objects.count()
    respons = _impor(masuk_sebagai(admin), "baris_pk", _xlsx(JUDUL_BARIS, [baris]))
    assert pesan in respons.content.decode()
    assert (_semua(), PerjanjianKinerja.objects.count()) == sebelum


def test_rencana_aksi_sheet_updates_a_revision_draft(masuk_sebagai, admin, perencanaan):
    lama = PerjanjianKinerja.objects.get(tahun=2024, jabatan__nama=KABID_TRANS)
    draf = services.revisi_pk(perjanjian=lama, user=admin, alasan="Rencana aksi baru")
    judul = ["tahun", "jabatan", "nomor", "rencana_tw1", "rencana_tw2", "rencana_tw3", "rencana_tw4"]
    isi = _xlsx(judul, [[2024, KABID_TRANS, 1, "70,5", "72", "75", "76,81"]])
    assert not _impor(masuk_sebagai(admin), "rencana_aksi", isi).context["hasil"].ada_galat
    baris = draf.baris.get(urutan=1)
    assert baris.rencana_aksi == [Decimal("70.5"), Decimal(72), Decimal(75), Decimal("76.81")]
    assert lama.baris.get(urutan=1).rencana_tw1 == Decimal("76.81")


@pytest.mark.parametrize("username", ["operator_naker", "kadis", "inspektorat"])
def test_only_admin_imports_planning(organisasi, client, username):
    from nakertrans.models import Pengguna

    client.force_login(Pengguna.objects.get(username=username))
    respons = client.post(
        reverse("impor"), {"jenis": "indikator", "berkas": SimpleUploadedFile("x.xlsx", b"x")}
    )
    assert respons.status_code == 403
