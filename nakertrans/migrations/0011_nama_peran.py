"""The roles named for any office and the kabupaten: the group «Admin» is now «Admin OPD» and «Kepala
Dinas» is «Kepala OPD», with their members (the kabupaten's new roles are created by pasang_peran
after the migration). The audit log keeps the names it was written with."""

from django.db import migrations

NAMA_LAMA = {"Admin": "Admin OPD", "Kepala Dinas": "Kepala OPD"}


def ganti_nama(apps, schema_editor, pasangan):
    Group = apps.get_model("auth", "Group")
    for lama, baru in pasangan.items():
        if not Group.objects.filter(name=baru).exists():
            Group.objects.filter(name=lama).update(name=baru)


def maju(apps, schema_editor):
    ganti_nama(apps, schema_editor, NAMA_LAMA)


def mundur(apps, schema_editor):
    ganti_nama(apps, schema_editor, {baru: lama for lama, baru in NAMA_LAMA.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("nakertrans", "0010_opd"),
    ]

    operations = [migrations.RunPython(maju, mundur)]
