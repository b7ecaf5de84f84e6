"""Import of indicators, PK lines and rencana aksi from xlsx or csv (see nakertrans.impor)."""

import datetime

from django.core.exceptions import ValidationError
from import_export import fields, widgets

from nakertrans.format_id import bacaan_meragukan, format_angka
from nakertrans.impor import (
    AngkaWidget,
    BulatWidget,
    GalatKolom,
    ResourceSakip,
    TahunWidget,
    TanggalWidget,
    TeksWidget,
    UnitKerjaWidget,
    cari_satu,
    kunci_nama,
    opd_impor,
)
from nakertrans.models import Jabatan
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
    desimal = fields.Field("desimal", "desimal", widget=BulatWidget())
    rumus = fields.Field("rumus", "rumus", widget=TeksWidget())

    kolom_wajib = ("nama", "satuan")
    jalur_opd = "instansi"

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
        super().before_import_row(row, row_number=row_number, **kwargs)
        nama = " ".join(str(row.get("nama") or "").split())
        if not nama:
            raise GalatKolom("nama", "kosong.")
        batas = Indikator._meta.get_field("nama").max_length
        if len(nama) > batas:
            raise GalatKolom("nama", f"paling banyak {batas} karakter (tertulis {format_angka(len(nama))}).")
        # The same name ignoring case and spaces is the same indicator (and the database says so too);
        # the stored spelling is kept.
        ada = IndikatorWidget().clean(nama) if _indikator_opd().filter(nama__iexact=nama).exists() else None
        row["nama"] = ada.nama if ada else nama
        self._cegah_ganda(kunci_nama(nama), row_number, f"indikator «{nama}»")

    def get_instance(self, instance_loader, row):
        return _indikator_opd().filter(nama=row["nama"]).first()

    def init_instance(self, row=None):
        return Indikator(instansi=opd_impor())


def _indikator_opd():
    """The indicators of the office the import runs for."""
    return Indikator.objects.filter(instansi=opd_impor())


class JabatanWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Jabatan, "nama")

    def clean(self, value, row=None, **kwargs):
        nama = "" if value is None else str(value).strip()
        jabatan = cari_satu(
            Jabatan.objects.filter(unit_kerja__instansi=opd_impor()).select_related("unit_kerja"),
            nama,
            label="Jabatan",
            nama=lambda j: (j.nama,),
        )
        if jabatan is None:
            raise GalatKolom("jabatan", f"Jabatan «{nama}» tidak dikenal.")
        return jabatan


class IndikatorWidget(widgets.ForeignKeyWidget):
    """Found the way the indicator import names them: case and spaces ignored, one match or refused."""

    def __init__(self):
        super().__init__(Indikator, "nama")

    def clean(self, value, row=None, **kwargs):
        nama = "" if value is None else str(value).strip()
        if not nama:
            raise ValueError("Indikator kosong.")
        if len(nama) > Indikator._meta.get_field("nama").max_length:
            raise ValueError("Nama indikator terlalu panjang; tidak ada indikator bernama demikian.")
        indikator = cari_satu(
            _indikator_opd().filter(nama__iexact=" ".join(nama.split())).only("nama"),
            nama,
            label="Indikator",
            nama=lambda i: (i.nama,),
        )
        if indikator is None:
            raise ValueError(f"Indikator «{nama}» tidak dikenal; impor indikatornya lebih dulu.")
        return indikator


def pk_draf_untuk(tahun, jabatan, *, tanggal=None, unit_pengisi=None):
    """The draft PK of a post and year that imported lines go into (created if there is none); a
    given signing date or filling unit is set on the draft."""
    pk = PerjanjianKinerja.objects.filter(tahun=tahun, jabatan=jabatan, status="draft").first()
    if pk is None:
        if PerjanjianKinerja.objects.filter(tahun=tahun, jabatan=jabatan, status="final").exists():
            raise ValueError(
                f"PK {tahun} {jabatan} sudah final dan tidak dapat diubah; "
                "buat revisinya lebih dulu, lalu impor ulang."
            )
        instansi = jabatan.unit_kerja.instansi if jabatan.unit_kerja_id else None
        pk = PerjanjianKinerja(
            tahun=tahun,
            jabatan=jabatan,
            tanggal=tanggal or datetime.date(tahun, 1, 2),
            tempat=(instansi.kota if instansi else "") or "-",
        )
    berubah = pk.pk is None
    if tanggal is not None and pk.tanggal != tanggal:
        pk.tanggal, berubah = tanggal, True
    if unit_pengisi is not None and pk.unit_pengisi_id != unit_pengisi.pk:
        pk.unit_pengisi, berubah = unit_pengisi, True
    if berubah:
        pk.save()
    return pk


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
    jalur_opd = "perjanjian__instansi"
    # Optional, for the draft PK the lines go into: its signing date and the unit that fills it.
    kolom_tambahan = ("tanggal_pk", "unit_pengisi")

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

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._pk_ditetapkan = {}  # (tahun, jabatan) -> (row, tanggal, unit) given by an earlier row

    def before_import_row(self, row, row_number=None, **kwargs):
        super().before_import_row(row, row_number=row_number, **kwargs)
        try:
            tahun = TahunWidget().clean(row.get("tahun"))
        except ValueError as galat:
            raise GalatKolom("tahun", str(galat)) from None
        jabatan = JabatanWidget().clean(row.get("jabatan"))
        try:
            nomor = BulatWidget().clean(row.get("nomor"))
        except ValueError:
            nomor = None
        if nomor is None or nomor < 1:
            raise GalatKolom("nomor", f"«{row.get('nomor') or ''}» harus bilangan bulat 1 atau lebih.")
        self._cegah_ganda((tahun, jabatan.pk, nomor), row_number, f"{jabatan} tahun {tahun} nomor {nomor}")
        tanggal, unit = self._tanggal_dan_unit(row, tahun, jabatan, row_number)
        row["perjanjian"] = pk_draf_untuk(tahun, jabatan, tanggal=tanggal, unit_pengisi=unit).pk
        row["nomor"] = nomor

    def _tanggal_dan_unit(self, row, tahun, jabatan, row_number):
        try:
            tanggal = TanggalWidget().clean(row.get("tanggal_pk"))
        except ValueError as galat:
            raise GalatKolom("tanggal_pk", str(galat)) from None
        if tanggal is not None and tanggal.year != tahun:
            raise GalatKolom("tanggal_pk", f"tanggal {tanggal:%d-%m-%Y} bukan di tahun {tahun}.")
        try:
            unit = UnitKerjaWidget().clean(row.get("unit_pengisi"))
        except ValueError as galat:
            raise GalatKolom("unit_pengisi", str(galat)) from None
        kunci = (tahun, jabatan.pk)
        if kunci in self._pk_ditetapkan:
            baris_lain, tanggal_lain, unit_lain = self._pk_ditetapkan[kunci]
            if (tanggal and tanggal_lain and tanggal != tanggal_lain) or (
                unit and unit_lain and unit != unit_lain
            ):
                raise ValueError(
                    f"Tanggal PK atau unit pengisi berbeda dengan baris {self.baris_lembar(baris_lain)} "
                    f"untuk PK {jabatan} tahun {tahun}; satu PK hanya punya satu."
                )
            tanggal, unit = tanggal or tanggal_lain, unit or unit_lain
        self._pk_ditetapkan[kunci] = (row_number, tanggal, unit)
        return tanggal, unit

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
        self._periksa_kewajaran(instance, row)

    def _periksa_kewajaran(self, baris, row):
        """A quarter's plan written «1.234» for an indicator with decimals, implausible against the
        year's target: imported only once the person has seen it read as one thousand and more."""
        indikator = baris.indikator if baris.indikator_id else None
        if indikator is None:
            return
        persen = indikator.jenis_nilai == Indikator.JenisNilai.PERSEN
        for tw in range(1, 5):
            kolom = f"rencana_tw{tw}"
            nilai = getattr(baris, kolom)
            if kolom in row and bacaan_meragukan(
                row[kolom], nilai, target=baris.target_angka, desimal=indikator.desimal, persen=persen
            ):
                self.tambah_peringatan(
                    kolom,
                    f"«{str(row[kolom]).strip()}» dibaca sebagai {format_angka(nilai)} "
                    f"(target tahunan {format_angka(baris.target_angka, indikator.desimal)} "
                    f"{baris.satuan_tampil}); "
                    f"bila maksudnya {format_angka(nilai / 1000, 3)}, tulis dengan koma.",
                )

    def _isi_target(self, baris, nilai):
        teks = "" if nilai is None else str(nilai).strip()
        if teks.upper() in PREDIKAT_SAKIP:
            baris.target_huruf, baris.target_angka = teks.upper(), None
        elif teks and teks[0].isalpha():
            raise ValueError(f"Target «{teks}» bukan angka dan bukan predikat AA, A, BB, B, CC, C atau D.")
        else:
            baris.target_angka = AngkaWidget(persen=True).clean(teks)
            baris.target_huruf = ""
            self.catat_bacaan("target", nilai, baris.target_angka)

    def dehydrate_target(self, baris):
        return baris.target_huruf or baris.target_angka
