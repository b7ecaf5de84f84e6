"""The audit log of authority changes. On PostgreSQL its rows are refused any UPDATE or DELETE by the
database itself, so not even a raw query or a shell session rewrites what the Inspektorat reads.
(SQLite is the developer's database; there the model and its queryset refuse.)"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

BUAT = """
CREATE OR REPLACE FUNCTION nakertrans_catatan_audit_tetap() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Catatan audit tidak dapat diubah atau dihapus.';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER nakertrans_catatan_audit_tetap BEFORE UPDATE OR DELETE ON nakertrans_catatanaudit
    FOR EACH ROW EXECUTE FUNCTION nakertrans_catatan_audit_tetap();
"""
HAPUS = """
DROP TRIGGER IF EXISTS nakertrans_catatan_audit_tetap ON nakertrans_catatanaudit;
DROP FUNCTION IF EXISTS nakertrans_catatan_audit_tetap();
"""


def _jalankan(sql):
    def fungsi(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return fungsi


class Migration(migrations.Migration):

    dependencies = [
        ('nakertrans', '0003_berkas_impor'),
    ]

    operations = [
        migrations.CreateModel(
            name='CatatanAudit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('waktu', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='waktu')),
                ('tindakan', models.CharField(choices=[('beri_peran', 'Memberikan peran'), ('cabut_peran', 'Mencabut peran'), ('ganti_kata_sandi', 'Mengganti kata sandi'), ('ubah_superuser', 'Mengubah status superuser'), ('ubah_izin_pengguna', 'Mengubah izin langsung pengguna'), ('ubah_grup', 'Mengubah izin grup peran'), ('hapus_grup', 'Menghapus grup peran')], editable=False, max_length=20, verbose_name='tindakan')),
                ('peran', models.CharField(blank=True, editable=False, max_length=150, verbose_name='peran (grup)')),
                ('rincian', models.TextField(blank=True, editable=False, verbose_name='rincian')),
                ('pelaku', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='pelaku')),
                ('sasaran', models.ForeignKey(blank=True, editable=False, help_text='Kosong untuk perubahan sebuah grup peran.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='pengguna sasaran')),
            ],
            options={
                'verbose_name': 'catatan audit wewenang',
                'verbose_name_plural': 'catatan audit wewenang',
                'ordering': ['-waktu', '-pk'],
                'default_permissions': ('view',),
            },
        ),
        migrations.RunPython(_jalankan(BUAT), _jalankan(HAPUS)),
    ]
