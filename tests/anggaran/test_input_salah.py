from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from anggaran.demo import muat_anggaran
from anggaran.models import AnggaranSubKegiatan, Nomenklatur


def test_admin_refuses_a_malformed_code_and_saves_nothing(masuk_sebagai, admin_kabupaten):
    jumlah = Nomenklatur.objects.count()
    respons = masuk_sebagai(admin_kabupaten).post(
        reverse("admin:anggaran_nomenklatur_add"), {"kode": "2.07.01.2", "nama": "X"}
    )
    assert respons.status_code == 200
    assert "jumlah bagian harus 1, 2, 3, 5 atau 6" in respons.content.decode()
    assert Nomenklatur.objects.count() == jumlah


def test_admin_normalises_a_code_and_refuses_an_unknown_parent(masuk_sebagai, admin_kabupaten):
    client = masuk_sebagai(admin_kabupaten)
    respons = client.post(
        reverse("admin:anggaran_nomenklatur_add"), {"kode": "9.99.01", "nama": "Program lain"}
    )
    assert "Induk kode ini (9.99) belum terdaftar" in respons.content.decode()
    client.post(reverse("admin:anggaran_nomenklatur_add"), {"kode": "9", "nama": "Urusan uji"})
    client.post(reverse("admin:anggaran_nomenklatur_add"), {"kode": "9.9", "nama": "Bidang uji"})
    assert Nomenklatur.objects.get(kode="9.09").induk.kode == "9"


def test_negative_pagu_is_refused(organisasi):
    muat_anggaran()
    anggaran = AnggaranSubKegiatan.objects.first()
    anggaran.pagu_perubahan = Decimal(-1)
    with pytest.raises(ValidationError) as galat:
        anggaran.full_clean()
    assert "Nilai tidak boleh negatif." in galat.value.message_dict["pagu_perubahan"]
