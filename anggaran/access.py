from django.http import Http404

from anggaran.models import AnggaranSubKegiatan
from nakertrans.access import unit_terlihat, unit_yang_boleh_diisi


def get_anggaran_for_user(user, pk, *, untuk_isi=False):
    """A DPA line the user may see (or, with ``untuk_isi``, enter realisasi for); 404 otherwise."""
    unit = unit_yang_boleh_diisi(user) if untuk_isi else unit_terlihat(user)
    try:
        return AnggaranSubKegiatan.objects.select_related("sub_kegiatan", "unit_kerja").get(
            pk=pk, unit_kerja__in=unit
        )
    except AnggaranSubKegiatan.DoesNotExist:
        raise Http404("Sub kegiatan tidak ditemukan.") from None
