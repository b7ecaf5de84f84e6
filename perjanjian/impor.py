"""Import of indicators, PK lines and rencana aksi from xlsx or csv (see nakertrans.impor)."""

import datetime

from django.core.exceptions import ValidationError
from import_export import fields, widgets

from nakertrans.impor import AngkaWidget, ResourceSakip, TahunWidget, TeksWidget
from nakertrans.models import Instansi, Jabatan
from perjanjian.models import PREDIKAT_SAKIP, BarisPK, Indikator, PerjanjianKinerja


class PilihanWidget(widgets.Widget):
    """A choice written by its code or by its label, in any case."""

    def __init__(self, pilihan, label):
        self.pilihan, self.label = pilihan, label

    def clean(self, value, row=None, **kwargs):
        teks = "" if value is None else str(value).strip().lower()
        if not teks:
            return ""
        for kode, nama in self.pilihan:
            if teks in {str(kode).lower(), str(nama).lower()}:
                return kode
        sah = ", ".join(str(kode) for kode, _ in self.pilihan)
        raise ValueError(f"{self.label} «{value}» tidak dikenal; pilih salah satu dari {sah}.")

    def render(self, value, obj=None, **kwargs):
        return value


class IndikatorResource(ResourceSakip):
    nama = fields.Field("nama", "nama", widget=TeksWidget())
    satuan = fields.Field("satuan", "satuan", widget=TeksWidget())
    jenis_nilai = fields.Field(
        "jenis_nilai", "jenis_nilai", widget=PilihanWidget(Indikator.JenisNilai.choices, "Jenis nilai")
    )
    polaritas = fields.Field(
        "polaritas", "polaritas", widget=PilihanWidget(Indikator.Polaritas.choices, "Polaritas")
    )
    metode_capaian = fields.Field(
        "metode_capaian",
        "metode_capaian",
        widget=PilihanWidget(Indikator.MetodeCapaian.choices, "Metode capaian"),
    )
    aturan_tahunan = fields.Field(
        "aturan_tahunan",
        "aturan_tahunan",
        widget=PilihanWidget(Indikator.AturanTahunan.choices, "Aturan tahunan"),
    )
    desimal = fields.Field("desimal", "desimal", widget=widgets.IntegerWidget())
    rumus = fields.Field("rumus", "rumus", widget=TeksWidget())

    kolom_wajib = ("nama", "satuan")

    class Meta:
        model = Indikator
        import_id_fields = ("nama",)
        fields = (
            "nama",
            "satuan",
            "jenis_nilai",
            "polaritas",
            "metode_capaian",
            "aturan_tahunan",
            "desimal",
            "rumus",
        )
        clean_model_instances = True
        skip_unchanged = False

    def before_import_row(self, row, row_number=None, **kwargs):
        nama = str(row.get("nama") or "").strip()
        if not nama:
            raise ValueError("Kolom nama kosong.")
        self._cegah_ganda(nama.lower(), row_number, f"indikator «{nama}»")


class JabatanWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Jabatan, "nama")

    def clean(self, value, row=None, **kwargs):
        nama = "" if value is None else str(value).strip()
        jabatan = Jabatan.objects.filter(nama__iexact=nama).first()
        if jabatan is None:
            raise ValueError(f"Jabatan «{nama}» tidak dikenal.")
        return jabatan


class IndikatorWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Indikator, "nama")

    def clean(self, value, row=None, **kwargs):
        nama = "" if value is None else str(value).strip()
        indikator = Indikator.objects.filter(nama__iexact=nama).first()
        if indikator is None:
            raise ValueError(f"Indikator «{nama}» tidak dikenal; impor indikatornya lebih dulu.")
        return indikator


def pk_draf_untuk(tahun, jabatan):
    """The draft PK of a post and year that imported lines go into (created if there is none)."""
    pk = PerjanjianKinerja.objects.filter(tahun=tahun, jabatan=jabatan, status="draft").first()
    if pk is not None:
        return pk
    if PerjanjianKinerja.objects.filter(tahun=tahun, jabatan=jabatan, status="final").exists():
        raise ValueError(
            f"PK {tahun} {jabatan} sudah final dan tidak dapat diubah; "
            "buat revisinya lebih dulu, lalu impor ulang."
        )
    instansi = Instansi.objects.first()
    return PerjanjianKinerja.objects.create(
        tahun=tahun,
        jabatan=jabatan,
        tanggal=datetime.date(tahun, 1, 2),
        tempat=(instansi.kota if instansi else "") or "-",
    )


class BarisPKResource(ResourceSakip):
    """PK lines with their rencana aksi. A sheet with only tahun, jabatan, nomor and tw columns updates
    the rencana aksi of existing lines."""

    tahun = fields.Field("perjanjian__tahun", "tahun", readonly=True)
    jabatan = fields.Field("perjanjian__jabatan__nama", "jabatan", readonly=True)
    perjanjian = fields.Field("perjanjian", "perjanjian", widget=widgets.ForeignKeyWidget(PerjanjianKinerja))
    nomor = fields.Field("urutan", "nomor", widget=widgets.IntegerWidget())
    sasaran = fields.Field("sasaran", "sasaran", widget=TeksWidget())
    indikator = fields.Field("indikator", "indikator", widget=IndikatorWidget())
    target = fields.Field("target", "target", readonly=True)
    satuan = fields.Field("satuan", "satuan", widget=TeksWidget())
    rencana_tw1 = fields.Field("rencana_tw1", "rencana_tw1", widget=AngkaWidget(persen=True))
    rencana_tw2 = fields.Field("rencana_tw2", "rencana_tw2", widget=AngkaWidget(persen=True))
    rencana_tw3 = fields.Field("rencana_tw3", "rencana_tw3", widget=AngkaWidget(persen=True))
    rencana_tw4 = fields.Field("rencana_tw4", "rencana_tw4", widget=AngkaWidget(persen=True))

    kolom_wajib = ("tahun", "jabatan", "nomor")

    class Meta:
        model = BarisPK
        import_id_fields = ("perjanjian", "nomor")
        fields = (
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
            "perjanjian",
        )
        clean_model_instances = True
        skip_unchanged = False

    def get_export_fields(self, selected_fields=None):
        return [f for f in super().get_export_fields(selected_fields) if f.column_name != "perjanjian"]

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        if "perjanjian" not in dataset.headers:
            dataset.append_col([None] * len(dataset), header="perjanjian")

    def before_import_row(self, row, row_number=None, **kwargs):
        tahun = TahunWidget().clean(row.get("tahun"))
        jabatan = JabatanWidget().clean(row.get("jabatan"))
        try:
            nomor = int(str(row.get("nomor")).strip())
        except ValueError:
            raise ValueError(f"Nomor baris «{row.get('nomor')}» harus bilangan bulat.") from None
        self._cegah_ganda((tahun, jabatan.pk, nomor), row_number, f"{jabatan} tahun {tahun} nomor {nomor}")
        row["perjanjian"] = pk_draf_untuk(tahun, jabatan).pk
        row["nomor"] = nomor

    def import_instance(self, instance, row, **kwargs):
        galat = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as e:
            galat = e.update_error_dict(galat)
        if "target" in row:
            try:
                self._isi_target(instance, row["target"])
            except ValueError as e:
                galat["target"] = [str(e)]
        if galat:
            raise ValidationError(galat)

    @staticmethod
    def _isi_target(baris, nilai):
        teks = "" if nilai is None else str(nilai).strip()
        if teks.upper() in PREDIKAT_SAKIP:
            baris.target_huruf, baris.target_angka = teks.upper(), None
        elif teks and teks[0].isalpha():
            raise ValueError(f"Target «{teks}» bukan angka dan bukan predikat AA, A, BB, B, CC, C atau D.")
        else:
            baris.target_angka = AngkaWidget(persen=True).clean(teks)
            baris.target_huruf = ""

    def dehydrate_target(self, baris):
        return baris.target_huruf or baris.target_angka
