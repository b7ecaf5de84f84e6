from django.http import Http404

from nakertrans.access import unit_terlihat
from perjanjian.models import PerjanjianKinerja
from perjanjian.queries import pk_lengkap


def get_pk_for_user(user, pk):
    """A PK whose post belongs to a unit the user may see; 404 otherwise."""
    try:
        perjanjian = pk_lengkap(pk)
    except PerjanjianKinerja.DoesNotExist:
        raise Http404("Perjanjian Kinerja tidak ditemukan.") from None
    if not unit_terlihat(user).filter(pk=perjanjian.jabatan.unit_kerja_id).exists():
        raise Http404("Perjanjian Kinerja tidak ditemukan.")
    return perjanjian
