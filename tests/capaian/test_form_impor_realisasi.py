"""The confirmation step of the kinerja spreadsheet import (nakertrans.forms.FormKonfirmasiImpor): a NUL
character, an over-long or a missing preview token is the preview's message and nothing is imported."""

import io

import pytest
import tablib
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from capaian.models import RealisasiTriwulan
from nakertrans.demo import PENGANTAR_KERJA
from nakertrans.models import UnitKerja
from perjanjian.models import BarisPK

PESAN = "Pratinjau tidak dikenal atau sudah kedaluwarsa; unggah ulang berkasnya."


@pytest.fixture
def pratinjau(masuk_sebagai, operator_naker, perencanaan):
    """The operator's client, the unit, a line and the token of a preview that fills its realisasi."""
    client = masuk_sebagai(operator_naker)
    unit = UnitKerja.objects.get(nama="Bidang Ketenagakerjaan")
    templat = client.get(reverse("capaian:templat_realisasi", args=[2024, 1, unit.pk]))
    lembar = [[sel.value for sel in b] for b in load_workbook(io.BytesIO(templat.content)).active.iter_rows()]
    judul, baris = lembar[0], lembar[1:]
    pengantar = BarisPK.objects.get(
        perjanjian__tahun=2024, perjanjian__jabatan__nama=PENGANTAR_KERJA, urutan=1
    )
    data = tablib.Dataset(headers=judul)
    for b in baris:
        if b[0] == pengantar.pk:
            b[judul.index("realisasi")] = "150"
        data.append(b)
    respons = client.post(
        reverse("capaian:impor_realisasi", args=[2024, 1, unit.pk]),
        {"berkas": SimpleUploadedFile("isian.xlsx", data.export("xlsx"))},
    )
    return client, unit, pengantar, respons.context["token"]


def _simpan(client, unit, **data):
    return client.post(reverse("capaian:simpan_impor_realisasi", args=[2024, 1, unit.pk]), data)


@pytest.mark.parametrize("rusak", ["{}\x00", "{}" + "0" * 300, None])
def test_an_unreadable_token_is_the_previews_message_and_nothing_is_imported(pratinjau, rusak):
    client, unit, pengantar, token = pratinjau
    respons = _simpan(client, unit, **({} if rusak is None else {"token": rusak.format(token)}))
    assert respons.status_code == 302
    assert respons.url == reverse("capaian:impor_realisasi", args=[2024, 1, unit.pk])
    assert [str(m) for m in get_messages(respons.wsgi_request)] == [PESAN]
    assert not RealisasiTriwulan.objects.filter(baris=pengantar).exists()
    # The preview was not consumed: confirmed as sent by the page, it imports.
    assert _simpan(client, unit, token=token).status_code == 302
    assert RealisasiTriwulan.objects.get(baris=pengantar, triwulan=1).realisasi_angka == 150
