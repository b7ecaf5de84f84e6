"""The RPJMD of the Pemerintah Daerah at the top of the cascade RPJMD -> Renstra -> PK."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from nakertrans.models import PemerintahDaerah
from perjanjian.models import IKU, RPJMD, IKUDaerah, SasaranRPJMD, TargetIKUDaerah


def test_demo_rpjmd_holds_the_anchors_of_the_kepala_dinas_pk(perencanaan):
    rpjmd = RPJMD.objects.get()
    assert str(rpjmd) == "RPJMD Kabupaten Bungo 2021-2026"
    assert rpjmd.visi == "Bungo yang Mandiri, Aman dan Sejahtera"
    assert [s.teks for s in rpjmd.sasaran.all()] == ["Mengembangkan kawasan Transmigrasi", "Menurunnya TPT"]
    tpt = IKUDaerah.objects.get(indikator__nama__iexact="Tingkat pengangguran terbuka")
    iku_dinas = IKU.objects.get(indikator=tpt.indikator)
    assert {t.tahun: t.target_angka for t in tpt.target_tahunan.all()} == {
        t.tahun: t.target_angka for t in iku_dinas.target_tahunan.all()
    }
    # The Renstra sasaran of each IKU of the Dinas supports the sasaran daerah of the same indicator.
    for iku in IKU.objects.select_related("sasaran__sasaran_rpjmd"):
        assert iku.sasaran.sasaran_rpjmd == IKUDaerah.objects.get(indikator=iku.indikator).sasaran


def test_loading_the_demo_again_changes_nothing(perencanaan):
    from perjanjian.demo import muat_rpjmd

    sebelum = [
        (m.__name__, sorted(m.objects.values_list(flat=False)))
        for m in (RPJMD, SasaranRPJMD, IKUDaerah, TargetIKUDaerah)
    ]
    muat_rpjmd(list(IKU.objects.order_by("urutan")))
    sesudah = [
        (m.__name__, sorted(m.objects.values_list(flat=False)))
        for m in (RPJMD, SasaranRPJMD, IKUDaerah, TargetIKUDaerah)
    ]
    assert sesudah == sebelum
    assert TargetIKUDaerah.history.count() == TargetIKUDaerah.objects.count()


def test_a_target_outside_the_rpjmd_period_is_refused(perencanaan):
    iku = IKUDaerah.objects.first()
    target = TargetIKUDaerah(iku=iku, tahun=2027, target_angka=Decimal("5"))
    with pytest.raises(ValidationError) as galat:
        target.full_clean()
    assert galat.value.message_dict == {"tahun": ["Tahun 2027 di luar masa RPJMD Kabupaten Bungo 2021-2026."]}


def test_a_letter_target_for_a_percentage_indicator_is_refused(perencanaan):
    iku = IKUDaerah.objects.first()
    with pytest.raises(ValidationError) as galat:
        TargetIKUDaerah(iku=iku, tahun=2026, target_huruf="A").full_clean()
    assert galat.value.message_dict["target_huruf"] == [
        "Indikator ini bertarget angka, bukan predikat huruf."
    ]


def test_an_iku_daerah_takes_a_sasaran_of_its_own_rpjmd(perencanaan):
    lain = RPJMD.objects.create(
        pemerintah_daerah=PemerintahDaerah.objects.get(), tahun_awal=2027, tahun_akhir=2031, visi="Uji"
    )
    iku = IKUDaerah.objects.first()
    iku.rpjmd = lain
    with pytest.raises(ValidationError) as galat:
        iku.full_clean()
    assert galat.value.message_dict == {"sasaran": ["Sasaran ini milik RPJMD lain."]}


def test_one_rpjmd_per_kabupaten_and_start_year_and_years_in_order(perencanaan):
    pemda = PemerintahDaerah.objects.get()
    with pytest.raises(ValidationError) as galat:
        RPJMD(pemerintah_daerah=pemda, tahun_awal=2030, tahun_akhir=2026, visi="x").full_clean()
    assert galat.value.message_dict["tahun_akhir"] == ["Tahun akhir tidak boleh sebelum tahun awal."]
    with pytest.raises(IntegrityError), transaction.atomic():
        RPJMD.objects.create(pemerintah_daerah=pemda, tahun_awal=2021, tahun_akhir=2026, visi="kedua")


def test_a_sasaran_daerah_supported_by_an_office_cannot_be_deleted(perencanaan):
    from django.db.models import ProtectedError

    sasaran = SasaranRPJMD.objects.filter(sasaran_renstra__isnull=False).first()
    IKUDaerah.objects.filter(sasaran=sasaran).delete()
    with pytest.raises(ProtectedError):
        sasaran.delete()


def test_a_renstra_iku_target_outside_the_renstra_period_is_refused_too(perencanaan):
    from perjanjian.models import TargetIKU

    target = TargetIKU(iku=IKU.objects.first(), tahun=2030, target_angka=Decimal("5"))
    with pytest.raises(ValidationError) as galat:
        target.full_clean()
    assert galat.value.message_dict == {"tahun": ["Tahun 2030 di luar masa Renstra 2021-2026."]}
