"""The LKjIP benchmark (manage.py ukur_lkjip): what it prints, and that its tenfold data is rolled back.

The command takes only the year; its "small arguments" here are a small year: 2025 with one line of the
Kepala Dinas's PK and one sub kegiatan, beside the demo's 2024. WeasyPrint is replaced by a renderer that
records what it was given (a real run on the demo takes minutes: the tenfold report is 240 lines long);
the PDF path itself is tested in test_lkjip.py and test_terbitan_lkjip.py.
"""

import datetime
import re
import time
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anggaran.models import AnggaranSubKegiatan
from capaian.lkjip import html_lkjip
from capaian.management.commands import ukur_lkjip
from nakertrans.demo import dinas
from nakertrans.models import Jabatan
from perjanjian.models import BarisPK, PerjanjianKinerja

TAHUN = 2025
# perbesar() adds nine copies of a bidang: six posts, each with a final PK of four lines.
BARIS_TAMBAHAN = 9 * 6 * 4

BARIS_1X = re.compile(
    r"1x : total (?P<total>\d+\.\d{2}) s, WeasyPrint (?P<render>\d+\.\d{2}) s, "
    r"(?P<kueri>\d+) kueri, (?P<bita>\d+) bita"
)
BARIS_10X = re.compile(
    r"10x: total (?P<total>\d+\.\d{2}) s, WeasyPrint (?P<render>\d+\.\d{2}) s, "
    r"(?P<kueri>\d+) kueri, (?P<bita>\d+) bita "
    r"\((?P<baris>\d+) baris PK, (?P<sub>\d+) sub kegiatan; data uji dibatalkan\)"
)
BARIS_RASIO = re.compile(
    r"rasio=(?P<rasio>\d+\.\d{3}) kueri_1x=(?P<kueri_1x>\d+) kueri_10x=(?P<kueri_10x>\d+)"
)


@pytest.fixture
def tahun_kecil(perencanaan):
    """2025: the Kepala Dinas's PK with its first 2024 line, and the first sub kegiatan of 2024."""
    kepala = Jabatan.objects.get(tingkat_pk=1)
    pk = PerjanjianKinerja.objects.create(
        tahun=TAHUN, jabatan=kepala, status="final", tanggal=datetime.date(TAHUN, 1, 6)
    )
    asal = BarisPK.objects.filter(perjanjian__tahun=2024, perjanjian__jabatan=kepala).order_by("urutan")[0]
    BarisPK.objects.create(
        perjanjian=pk,
        urutan=1,
        sasaran=asal.sasaran,
        indikator=asal.indikator,
        target_angka=asal.target_angka,
    )
    sub = AnggaranSubKegiatan.objects.filter(tahun=2024).order_by("sub_kegiatan__kode")[0]
    sub.pk, sub.tahun = None, TAHUN
    sub.save()


@pytest.fixture
def pencetak(monkeypatch):
    """Stands in for WeasyPrint: a 'PDF' of the HTML's bytes, taking a measurable 20 ms."""
    dicetak = []

    def cetak(html):
        time.sleep(0.02)
        isi = html.encode()
        dicetak.append(isi)
        return isi

    monkeypatch.setattr(ukur_lkjip, "html_ke_pdf", cetak)
    return dicetak


def _isi_basis_data():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def _jalankan(tahun):
    keluaran = StringIO()
    call_command("ukur_lkjip", str(tahun), stdout=keluaran)
    return keluaran.getvalue().splitlines()


def test_prints_both_sizes_and_the_ratio_line_then_rolls_the_tenfold_data_back(tahun_kecil, pencetak):
    sebelum = _isi_basis_data()
    baris_1x = BarisPK.objects.filter(perjanjian__tahun=TAHUN).count()
    sub_1x = AnggaranSubKegiatan.objects.filter(tahun=TAHUN).count()
    opd = dinas()
    opd.pemerintah_daerah  # noqa: B018 -- loaded once, as the command's unmeasured first run does
    with CaptureQueriesContext(connection) as kueri_laporan:
        laporan = html_lkjip(opd, TAHUN).encode()

    keluaran = _jalankan(TAHUN)

    assert len(keluaran) == 3, keluaran
    satu, sepuluh, rasio = (
        BARIS_1X.fullmatch(keluaran[0]),
        BARIS_10X.fullmatch(keluaran[1]),
        BARIS_RASIO.fullmatch(keluaran[2]),
    )
    assert satu and sepuluh and rasio, keluaran
    # The tenfold year as it was measured: nine more bidang of PK lines, ten times the sub kegiatan.
    assert int(sepuluh["baris"]) == baris_1x + BARIS_TAMBAHAN
    assert int(sepuluh["sub"]) == 10 * sub_1x
    # Queries: those of assembling the report (the renderer makes none), the same on the last line.
    assert int(satu["kueri"]) == len(kueri_laporan)
    assert rasio["kueri_1x"] == satu["kueri"] and rasio["kueri_10x"] == sepuluh["kueri"]
    # At each size: a warm-up, the measured run and the renderer alone, all of the same report (at 1x
    # the year's report as the page makes it). The sizes printed are those of the measured runs'
    # documents, and the tenfold report is the larger one.
    assert len(pencetak) == 6
    assert pencetak[0] == pencetak[1] == pencetak[2] == laporan
    assert pencetak[3] == pencetak[4] == pencetak[5]
    assert int(satu["bita"]) == len(pencetak[1]) and int(sepuluh["bita"]) == len(pencetak[4])
    assert int(sepuluh["bita"]) > int(satu["bita"])
    # rasio is total / WeasyPrint of the 1x run: it agrees with the two printed (rounded) times.
    total, render = float(satu["total"]), float(satu["render"])
    assert render >= 0.02
    assert (total - 0.005) / (render + 0.005) - 0.0005 <= float(rasio["rasio"])
    assert float(rasio["rasio"]) <= (total + 0.005) / (render - 0.005) + 0.0005
    # Nothing of the tenfold data stays, in any table.
    assert _isi_basis_data() == sebelum
    assert not BarisPK.objects.filter(perjanjian__jabatan__nama__startswith="Jabatan Uji").exists()


def test_a_year_without_pk_is_refused_and_nothing_is_measured(tahun_kecil, pencetak):
    sebelum = _isi_basis_data()
    with pytest.raises(
        CommandError, match="Tidak ada Perjanjian Kinerja tahun 2030; muat data demo lebih dulu."
    ):
        _jalankan(2030)
    assert pencetak == []
    assert _isi_basis_data() == sebelum
