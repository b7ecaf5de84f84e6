"""What the migrations to one installation for every perangkat daerah share: an existing database
served one office, so every row of an office's belongs to that office afterwards.

Used by historical migrations: it takes the migration's ``apps`` and never the current models."""

from django.utils.text import slugify


def kode_dari_nama(nama, terpakai):
    """A URL code from an office's name, cut at a word to 30 characters («Dinas Tenaga Kerja dan
    Transmigrasi» -> «dinas-tenaga-kerja-dan»), not one of ``terpakai``."""
    dasar = slugify(nama) or "opd"
    if len(dasar) > 30:
        dasar = dasar[:31].rsplit("-", 1)[0] if "-" in dasar[:31] else dasar[:30]
    kode, nomor = dasar, 2
    while kode in terpakai:
        akhiran = f"-{nomor}"
        kode, nomor = dasar[: 30 - len(akhiran)] + akhiran, nomor + 1
    return kode


def instansi_tunggal(apps):
    """The id of the one office an existing database served (the first, as the previous version read
    ``Instansi.objects.first()``); created as «(belum diisi)» when rows exist without any office."""
    Instansi = apps.get_model("nakertrans", "Instansi")
    pertama = Instansi.objects.order_by("pk").values_list("pk", flat=True).first()
    if pertama is not None:
        return pertama
    PemerintahDaerah = apps.get_model("nakertrans", "PemerintahDaerah")
    pemda = PemerintahDaerah.objects.order_by("pk").first()
    if pemda is None:
        pemda = PemerintahDaerah.objects.create(nama="(belum diisi)")
    terpakai = set(Instansi.objects.values_list("kode", flat=True))
    return Instansi.objects.create(
        pemerintah_daerah=pemda, nama="(belum diisi)", kode=kode_dari_nama("opd", terpakai)
    ).pk


def isi_instansi(apps, *nama_model):
    """Give every row of the models ``nama_model`` («app.Model») that has no office the one office."""
    instansi = None
    for nama in nama_model:
        model = apps.get_model(*nama.split("."))
        kosong = model.objects.filter(instansi__isnull=True)
        if kosong.exists():
            instansi = instansi or instansi_tunggal(apps)
            kosong.update(instansi=instansi)
