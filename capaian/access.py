from django.db.models import Q
from django.http import Http404

from nakertrans.access import unit_terlihat, unit_yang_boleh_diisi
from perjanjian.models import BarisPK


def _di_unit(unit):
    return Q(perjanjian__unit_pengisi__in=unit) | Q(
        perjanjian__unit_pengisi__isnull=True, perjanjian__jabatan__unit_kerja__in=unit
    )


def get_baris_for_user(user, pk, *, untuk_isi=False):
    """A PK line the user may see (or, with ``untuk_isi``, enter realisasi for); 404 otherwise."""
    unit = unit_yang_boleh_diisi(user) if untuk_isi else unit_terlihat(user)
    baris = (
        BarisPK.objects.filter(pk=pk)
        .filter(
            _di_unit(unit) | Q(perjanjian__jabatan__unit_kerja__in=unit) if not untuk_isi else _di_unit(unit)
        )
        .select_related("indikator", "perjanjian__jabatan__unit_kerja", "perjanjian__unit_pengisi")
        .first()
    )
    if baris is None:
        raise Http404("Baris PK tidak ditemukan.")
    return baris
