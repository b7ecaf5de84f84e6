"""The Pemerintah Daerah above the Instansi. An existing Instansi's free-text «kabupaten/kota» becomes
its Pemerintah Daerah («Kabupaten Bungo» -> jenis kabupaten, nama Bungo); the field goes in 0006."""

import django.db.models.deletion
from django.db import migrations, models

JENIS = {"kabupaten": "kabupaten", "kab.": "kabupaten", "kab": "kabupaten", "kota": "kota"}


def urai(teks):
    """(jenis, nama) from «Kabupaten Bungo», «Kab. Bungo», «Kota Jambi» or a bare «Bungo»."""
    teks = " ".join((teks or "").split())
    awal, _, sisa = teks.partition(" ")
    jenis = JENIS.get(awal.lower())
    if jenis and sisa:
        return jenis, sisa
    return "kabupaten", teks or "(belum diisi)"


def isi_pemda(apps, schema_editor):
    PemerintahDaerah = apps.get_model("nakertrans", "PemerintahDaerah")
    Instansi = apps.get_model("nakertrans", "Instansi")
    for instansi in Instansi.objects.all():
        jenis, nama = urai(instansi.kabupaten)
        pemda, _ = PemerintahDaerah.objects.get_or_create(
            jenis=jenis, nama=nama, defaults={"ibu_kota": instansi.kota}
        )
        instansi.pemerintah_daerah = pemda
        instansi.save(update_fields=["pemerintah_daerah"])


def isi_kabupaten(apps, schema_editor):
    Instansi = apps.get_model("nakertrans", "Instansi")
    for instansi in Instansi.objects.select_related("pemerintah_daerah"):
        pemda = instansi.pemerintah_daerah
        instansi.kabupaten = f"{pemda.get_jenis_display()} {pemda.nama}" if pemda else ""
        instansi.save(update_fields=["kabupaten"])


class Migration(migrations.Migration):
    dependencies = [("nakertrans", "0004_catatan_audit")]

    operations = [
        migrations.CreateModel(
            name="PemerintahDaerah",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "jenis",
                    models.CharField(
                        choices=[("kabupaten", "Kabupaten"), ("kota", "Kota")],
                        default="kabupaten",
                        max_length=10,
                        verbose_name="jenis",
                    ),
                ),
                (
                    "nama",
                    models.CharField(
                        help_text="Tanpa «Kabupaten»/«Kota», misalnya: Bungo.", max_length=100, verbose_name="nama"
                    ),
                ),
                (
                    "ibu_kota",
                    models.CharField(
                        blank=True, help_text="Misalnya: Muara Bungo.", max_length=100, verbose_name="ibu kota"
                    ),
                ),
            ],
            options={"verbose_name": "pemerintah daerah", "verbose_name_plural": "pemerintah daerah"},
        ),
        migrations.AddConstraint(
            model_name="pemerintahdaerah",
            constraint=models.UniqueConstraint(fields=("jenis", "nama"), name="pemda_unik"),
        ),
        migrations.AddField(
            model_name="instansi",
            name="pemerintah_daerah",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="instansi",
                to="nakertrans.pemerintahdaerah",
                verbose_name="pemerintah daerah",
            ),
        ),
        migrations.RunPython(isi_pemda, isi_kabupaten),
    ]
