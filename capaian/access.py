from django.db.models import Q
from django.http import Http404

from nakertrans.access import unit_terlihat, unit_yang_boleh_diisi
from perjanjian.models import BarisPK, PerjanjianKinerja


def _di_unit(unit):
    return Q(pk__in=BarisPK.objects.diisi_oleh(unit).values("pk"))


def get_baris_for_user(user, pk, *, untuk_isi=False):
    """A PK line the user may see (or, with ``untuk_isi``, enter realisasi for); 404 otherwise."""
    if untuk_isi:
        # Realisasi is entered only on the lines of a final PK, by the unit that fills it in.
        boleh = _di_unit(unit_yang_boleh_diisi(user)) & Q(perjanjian__status=PerjanjianKinerja.Status.FINAL)
    else:
        # Readers see the lines their units fill in and the lines of their units' own posts.
        unit = unit_terlihat(user)
        boleh = _di_unit(unit) | Q(perjanjian__jabatan__unit_kerja__in=unit)
    baris = (
        BarisPK.objects.filter(pk=pk)
        .filter(boleh)
        .select_related("indikator", "perjanjian__jabatan__unit_kerja", "perjanjian__unit_pengisi")
        .first()
    )
    if baris is None:
        raise Http404("Baris PK tidak ditemukan.")
    return baris
