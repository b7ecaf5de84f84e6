"""Each period's first submission, from its history (the periods submitted before the field existed)."""

from django.db import migrations
from django.db.models import Min, OuterRef, Subquery


def isi(apps, schema_editor):
    Pengajuan = apps.get_model("nakertrans", "Pengajuan")
    RiwayatPengajuan = apps.get_model("nakertrans", "RiwayatPengajuan")
    pertama = (
        RiwayatPengajuan.objects.filter(pengajuan=OuterRef("pk"), ke_status="diajukan")
        .values("pengajuan")
        .annotate(waktu=Min("waktu"))
        .values("waktu")
    )
    Pengajuan.objects.filter(diajukan_pertama=None).update(diajukan_pertama=Subquery(pertama))


class Migration(migrations.Migration):
    dependencies = [("nakertrans", "0013_diajukan_pertama")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
