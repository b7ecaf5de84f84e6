"""Every Instansi has its Pemerintah Daerah (0005): the free-text «kabupaten/kota» goes. A migration of
its own: PostgreSQL refuses to alter a table in the transaction that has just updated its rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("nakertrans", "0005_pemerintah_daerah")]

    operations = [
        migrations.AlterField(
            model_name="instansi",
            name="pemerintah_daerah",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="instansi",
                to="nakertrans.pemerintahdaerah",
                verbose_name="pemerintah daerah",
            ),
        ),
        # A default first, so that migrating back can add the column again to existing rows (0005 then
        # writes the text back from the Pemerintah Daerah).
        migrations.AlterField(
            model_name="instansi",
            name="kabupaten",
            field=models.CharField(default="", max_length=100, verbose_name="kabupaten/kota"),
        ),
        migrations.RemoveField(model_name="instansi", name="kabupaten"),
    ]
