from django.http import Http404

from nakertrans.access import pemda_pengguna, unit_terlihat
from perjanjian.models import PerjanjianKinerja
from perjanjian.queries import pk_lengkap


def get_pk_for_user(user, pk):
    """A PK whose post belongs to a unit the user may see; 404 otherwise. The Kepala Daerah's own PK
    (no office) is read by every user of its Pemerintah Daerah."""
    try:
        perjanjian = pk_lengkap(pk)
    except PerjanjianKinerja.DoesNotExist:
        raise Http404("Perjanjian Kinerja tidak ditemukan.") from None
    if perjanjian.instansi_id is None:
        pemda = pemda_pengguna(user)
        if pemda is None or perjanjian.jabatan.pemerintah_daerah_id != pemda.pk:
            raise Http404("Perjanjian Kinerja tidak ditemukan.")
        return perjanjian
    if not unit_terlihat(user).filter(pk=perjanjian.jabatan.unit_kerja_id).exists():
        raise Http404("Perjanjian Kinerja tidak ditemukan.")
    return perjanjian
