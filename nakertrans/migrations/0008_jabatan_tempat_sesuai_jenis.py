"""Posts of the Pemerintah Daerah and posts of a unit, each in its one place (0007 filled the field)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("nakertrans", "0007_jabatan_pemerintah_daerah")]

    operations = [
        migrations.AddConstraint(
            model_name='jabatan',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('jenis__in', ['kepala_daerah', 'wakil_kepala_daerah']), ('pemerintah_daerah__isnull', False), ('unit_kerja__isnull', True)), models.Q(models.Q(('jenis__in', ['kepala_daerah', 'wakil_kepala_daerah']), _negated=True), ('pemerintah_daerah__isnull', True), ('unit_kerja__isnull', False)), _connector='OR'), name='jabatan_tempat_sesuai_jenis', violation_error_message='Jabatan kepala daerah dan wakilnya berada di pemerintah daerah, jabatan lain di unit kerja.'),
        ),
    ]
