"""The admin of an office's administrator shows and offers the rows of that office only.

Each ModelAdmin (and inline) of an office's rows names the path from its model to the office
(``jalur_opd``); a model without an admin of its own (a Renstra's sasaran) is named with
``daftarkan_jalur``. For a user who belongs to an office (``Pengguna.instansi``) the lists, the objects
reachable by id and every choice of a related row are narrowed to that office; the choice of a
related model follows the path of that model, so a new admin that declares its path narrows every
form that points to it. A user of no office (a superuser, the kabupaten roles) sees every office, as
their permissions allow.
"""

_JALUR_TAMBAHAN = {}


def daftarkan_jalur(model, jalur):
    """The path from ``model`` (one without an admin of its own) to its office."""
    _JALUR_TAMBAHAN[model] = jalur


def opd_admin(request):
    """The office the admin is narrowed to for this user, or None for a kabupaten-wide user."""
    return request.user.instansi if request.user.instansi_id else None


def _saring(site, queryset, opd):
    lain = site._registry.get(queryset.model)
    if lain is not None and hasattr(lain, "saring_opd"):
        return lain.saring_opd(queryset, opd)
    jalur = _JALUR_TAMBAHAN.get(queryset.model)
    return queryset.filter(**{jalur: opd}) if jalur else queryset


class _PilihanOPD:
    jalur_opd: str | None = None

    def _persempit(self, request, bidang):
        opd = opd_admin(request)
        if opd is not None and bidang is not None and hasattr(bidang, "queryset"):
            bidang.queryset = _saring(self.admin_site, bidang.queryset, opd)
        return bidang

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return self._persempit(request, super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return self._persempit(request, super().formfield_for_manytomany(db_field, request, **kwargs))


class AdminOPD(_PilihanOPD):
    """ModelAdmin mixin (first among the bases) for a model whose rows belong to an office."""

    def saring_opd(self, queryset, opd):
        """The rows of ``queryset`` that belong to ``opd``."""
        return queryset.filter(**{self.jalur_opd: opd}) if self.jalur_opd else queryset

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        opd = opd_admin(request)
        return self.saring_opd(qs, opd) if opd is not None else qs

    def get_changeform_initial_data(self, request):
        awal = super().get_changeform_initial_data(request)
        opd = opd_admin(request)
        if opd is not None and "instansi" in {f.name for f in self.model._meta.fields}:
            awal.setdefault("instansi", opd.pk)
        return awal


class InlineOPD(_PilihanOPD):
    """Inline mixin: the related rows it offers are those of the user's office."""
