"""Fetch-and-authorize helpers: every view gets objects through these, never with a bare .get().

An object outside the user's reach is a 404, so another unit's data is not even confirmed to exist.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404

from nakertrans.models import Instansi, Jabatan, PemerintahDaerah, Pengguna, UnitKerja


def satu_satunya(qs):
    """The only row of ``qs``, or None when it has none or several (one query)."""
    satu = list(qs.order_by("pk")[:2])
    return satu[0] if len(satu) == 1 else None


def opd_tunggal():
    """The one perangkat daerah of an installation that has only one, else None."""
    return satu_satunya(Instansi.objects.all())


def opd_pengguna(user):
    """The perangkat daerah whose data the user works on now: their own; for a kabupaten user (no
    office of their own) the office in the page's address (set by ``nakertrans.opd.OPDMiddleware``), or
    the one office of a single-office installation; None when no office is chosen. Kept on the user
    object for the request, as the unit tree is."""
    if not hasattr(user, "_opd"):
        if not user.is_authenticated:
            user._opd = None
        elif user.instansi_id:
            user._opd = user.instansi
        else:
            user._opd = opd_tunggal()
    return user._opd


def pemda_pengguna(user):
    """The Pemerintah Daerah whose kabupaten pages the user reads: their office's, else the one an
    installation serves (None when it serves several and the user has no office)."""
    opd = opd_pengguna(user) if user.is_authenticated else None
    if opd is not None:
        return opd.pemerintah_daerah
    return satu_satunya(PemerintahDaerah.objects.all())


def pemda_wajib(user):
    """pemda_pengguna, or a 404 when the installation serves several and the user has no office."""
    pemda = pemda_pengguna(user)
    if pemda is None:
        raise Http404("Pemerintah daerah tidak ditemukan.")
    return pemda


def id_opd(user):
    opd = opd_pengguna(user)
    return opd.pk if opd else None


def _pohon_unit(user):
    """Every unit of the user's office by id (the tree is small) and the ids of the user's scope: their
    units and every unit below them. One query, kept on the user object as Django keeps a user's permissions
    (``_perm_cache``): a page asks several times, and a request's user is loaded anew for every
    request."""
    if not hasattr(user, "_pohon_unit"):
        milik = Pengguna.unit_kerja.through.objects.filter(pengguna=user, unitkerja=OuterRef("pk"))
        semua = {
            u.pk: u
            for u in UnitKerja.objects.filter(instansi=id_opd(user))
            .annotate(sendiri=Exists(milik))
            .order_by()
        }
        anak, lingkup, antrean = {}, set(), [u.pk for u in semua.values() if u.sendiri]
        for u in semua.values():
            anak.setdefault(u.induk_id, []).append(u.pk)
        while antrean:
            pk = antrean.pop()
            if pk not in lingkup:
                lingkup.add(pk)
                antrean.extend(anak.get(pk, []))
        user._pohon_unit = semua, frozenset(lingkup)
    return user._pohon_unit


def melihat_semua_unit(user):
    """Whether the user reads every unit of their office (``opd_pengguna``)."""
    return user.has_perm("nakertrans.lihat_semua_unit")


def id_unit_lingkup(user):
    """Ids of the units in the user's own scope (their units and the units below them)."""
    if not user.is_authenticated:
        return set()
    return set(_pohon_unit(user)[1])


def unit_terlihat(user):
    """The units whose data the user may read."""
    if not user.is_authenticated:
        return UnitKerja.objects.none()
    if melihat_semua_unit(user):
        return UnitKerja.objects.filter(instansi=id_opd(user))
    return UnitKerja.objects.filter(pk__in=id_unit_lingkup(user))


def ada_unit_terlihat(user):
    """Whether the user may read some unit (without a query once the scope is known)."""
    if not user.is_authenticated:
        return False
    if melihat_semua_unit(user):
        return bool(_pohon_unit(user)[0])
    return bool(id_unit_lingkup(user))


def unit_yang_boleh_diisi(user):
    """The units whose data the user may enter: an operator's own scope, nothing else."""
    if not user.has_perm("nakertrans.isi_data_unit"):
        return UnitKerja.objects.none()
    return UnitKerja.objects.filter(pk__in=id_unit_lingkup(user))


def get_unit_kerja_for_user(user, pk, *, untuk_isi=False):
    """The unit ``pk`` if the user may read it (``untuk_isi``: enter its data), from the tree the
    access checks load anyway (no query of its own)."""
    pk = angka_bulat(pk)
    if untuk_isi:
        boleh = user.has_perm("nakertrans.isi_data_unit") and pk in id_unit_lingkup(user)
    else:
        boleh = user.is_authenticated and (melihat_semua_unit(user) or pk in id_unit_lingkup(user))
    # The tree holds the user's office only: another office's unit is not found.
    unit = _pohon_unit(user)[0].get(pk) if boleh else None
    if unit is None:
        raise Http404("Unit kerja tidak ditemukan.")
    return unit


def get_jabatan_for_user(user, pk):
    try:
        jabatan = Jabatan.objects.select_related("unit_kerja", "atasan").get(pk=pk)
    except Jabatan.DoesNotExist:
        raise Http404("Jabatan tidak ditemukan.") from None
    if jabatan.unit_kerja_id is None:
        # The Bupati's and the Wakil Bupati's posts belong to the kabupaten, not to an office.
        boleh = melihat_semua_unit(user)
    elif melihat_semua_unit(user):
        boleh = jabatan.unit_kerja_id in _pohon_unit(user)[0]  # the units of the user's office
    else:
        boleh = jabatan.unit_kerja_id in id_unit_lingkup(user)
    if not boleh:
        raise Http404("Jabatan tidak ditemukan.")
    return jabatan


def wajib_izin(user, izin):
    if not user.has_perm(izin):
        raise PermissionDenied("Anda tidak memiliki hak untuk tindakan ini.")


def angka_bulat(teks, bawaan=None):
    """A small whole number from a form or URL value, or ``bawaan`` (never an exception)."""
    teks = str(teks or "").strip()
    if teks.isascii() and teks.isdecimal() and len(teks) <= 9:
        return int(teks)
    return bawaan


TAHUN_SAH = (2000, 2100)


def wajib_tahun_sah(tahun):
    """Years outside 2000-2100 are not pages of this application."""
    if not TAHUN_SAH[0] <= tahun <= TAHUN_SAH[1]:
        raise Http404("Tahun tidak dikenal.")
