"""The Bupati's and the Wakil Bupati's posts belong to the Pemerintah Daerah (a unit's posts follow
their unit). An existing kepala daerah post takes the Pemerintah Daerah of the offices whose heads it
is above, else the one Pemerintah Daerah there is; the constraint comes in 0008 (PostgreSQL refuses to
alter a table in the transaction that has just updated its rows)."""

import django.db.models.deletion
from django.db import migrations, models


def isi_pemda_jabatan(apps, schema_editor):
    Jabatan = apps.get_model("nakertrans", "Jabatan")
    PemerintahDaerah = apps.get_model("nakertrans", "PemerintahDaerah")
    for jabatan in Jabatan.objects.filter(jenis="kepala_daerah", pemerintah_daerah__isnull=True):
        bawahan = (
            Jabatan.objects.filter(atasan=jabatan, unit_kerja__isnull=False)
            .values_list("unit_kerja__instansi__pemerintah_daerah", flat=True)
            .first()
        )
        if bawahan is None:
            semua = list(PemerintahDaerah.objects.values_list("pk", flat=True)[:2])
            if len(semua) == 1:
                bawahan = semua[0]
            else:
                bawahan = PemerintahDaerah.objects.get_or_create(nama="(belum diisi)")[0].pk
        jabatan.pemerintah_daerah_id = bawahan
        jabatan.save(update_fields=["pemerintah_daerah"])


class Migration(migrations.Migration):

    dependencies = [
        ('nakertrans', '0006_instansi_tanpa_kabupaten'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='jabatan',
            name='jabatan_unit_kerja_sesuai_jenis',
        ),
        migrations.AddField(
            model_name='historicaljabatan',
            name='pemerintah_daerah',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Hanya untuk kepala daerah dan wakilnya; jabatan dinas mengikuti unit kerjanya.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='nakertrans.pemerintahdaerah', verbose_name='pemerintah daerah'),
        ),
        migrations.AddField(
            model_name='jabatan',
            name='pemerintah_daerah',
            field=models.ForeignKey(blank=True, help_text='Hanya untuk kepala daerah dan wakilnya; jabatan dinas mengikuti unit kerjanya.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='jabatan', to='nakertrans.pemerintahdaerah', verbose_name='pemerintah daerah'),
        ),
        migrations.AlterField(
            model_name='historicaljabatan',
            name='jenis',
            field=models.CharField(choices=[('kepala_daerah', 'Kepala Daerah'), ('wakil_kepala_daerah', 'Wakil Kepala Daerah'), ('struktural', 'Struktural'), ('fungsional', 'Fungsional')], max_length=20, verbose_name='jenis jabatan'),
        ),
        migrations.AlterField(
            model_name='historicaljabatan',
            name='unit_kerja',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Kosong hanya untuk kepala daerah dan wakilnya (Bupati, Wakil Bupati).', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='nakertrans.unitkerja', verbose_name='unit kerja'),
        ),
        migrations.AlterField(
            model_name='jabatan',
            name='jenis',
            field=models.CharField(choices=[('kepala_daerah', 'Kepala Daerah'), ('wakil_kepala_daerah', 'Wakil Kepala Daerah'), ('struktural', 'Struktural'), ('fungsional', 'Fungsional')], max_length=20, verbose_name='jenis jabatan'),
        ),
        migrations.AlterField(
            model_name='jabatan',
            name='unit_kerja',
            field=models.ForeignKey(blank=True, help_text='Kosong hanya untuk kepala daerah dan wakilnya (Bupati, Wakil Bupati).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='jabatan', to='nakertrans.unitkerja', verbose_name='unit kerja'),
        ),
        migrations.RunPython(isi_pemda_jabatan, migrations.RunPython.noop),
    ]
