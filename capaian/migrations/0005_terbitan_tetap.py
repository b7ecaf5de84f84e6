"""On PostgreSQL, published LKjIP rows are refused any UPDATE or DELETE by the database itself, so not even
a raw query or a shell session changes a version the Inspektorat has downloaded. (SQLite is the
developer's database; there the model and its queryset refuse.)"""

from django.db import migrations

BUAT = """
CREATE OR REPLACE FUNCTION capaian_terbitan_tetap() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Terbitan LKjIP tidak dapat diubah atau dihapus.';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER capaian_terbitan_tetap BEFORE UPDATE OR DELETE ON capaian_terbitanlkjip
    FOR EACH ROW EXECUTE FUNCTION capaian_terbitan_tetap();
"""
HAPUS = """
DROP TRIGGER IF EXISTS capaian_terbitan_tetap ON capaian_terbitanlkjip;
DROP FUNCTION IF EXISTS capaian_terbitan_tetap();
"""


def _jalankan(sql):
    def fungsi(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return fungsi


class Migration(migrations.Migration):
    dependencies = [("capaian", "0004_nomor_pembuatan")]

    operations = [migrations.RunPython(_jalankan(BUAT), _jalankan(HAPUS))]
