"""The admin of an office's administrator shows and offers the rows of that office only.

Each ModelAdmin (and inline) of an office's rows names the path from its model to the office
(``jalur_opd``); a model without an admin of its own (a Renstra's sasaran) is named with
``daftarkan_jalur``. For a user who belongs to an office (``Pengguna.instansi``) the lists, the objects
reachable by id and every choice of a related row are narrowed to that office; the choice of a
related model follows the path of that model, so a new admin that declares its path narrows every
form that points to it. A user of no office (a superuser, the kabupaten roles) sees every office, as
their permissions allow.

A kabupaten user who is not a superuser writes the kabupaten's own rows only (the Bupati's posts and
their assignments, the PK Kepala Daerah), never a row of an office, and is offered only such rows in
the forms' choices; an admin that the kabupaten maintains across the offices (the accounts: Bagian
Organisasi creates each office's first administrator) says so with ``kabupaten_menulis_opd``, and a
field of a kabupaten row that points to an office's row by design (an IKU daerah measured by an
office's indicator) is named in ``pilihan_lintas_opd``.
"""

_JALUR_TAMBAHAN = {}


def daftarkan_jalur(model, jalur):
    """The path from ``model`` (one without an admin of its own) to its office."""
    _JALUR_TAMBAHAN[model] = jalur


def opd_admin(request):
    """The office the admin is narrowed to for this user, or None for a kabupaten-wide user."""
    return request.user.instansi if request.user.instansi_id else None


def penulis_kabupaten(request):
    """A user of no office who is not a superuser: writes the kabupaten's own rows only."""
    return not request.user.is_superuser and not request.user.instansi_id


def _saring(site, queryset, opd):
    """The rows of ``queryset`` of ``opd``; of no office when ``opd`` is None."""
    lain = site._registry.get(queryset.model)
    if lain is not None and hasattr(lain, "saring_opd"):
        return lain.saring_opd(queryset, opd)
    jalur = _JALUR_TAMBAHAN.get(queryset.model)
    return queryset.filter(**{jalur: opd}) if jalur else queryset


class _PilihanOPD:
    jalur_opd: str | None = None
    kabupaten_menulis_opd = False
    pilihan_lintas_opd = ()

    def _persempit(self, request, db_field, bidang):
        if bidang is None or not hasattr(bidang, "queryset"):
            return bidang
        opd = opd_admin(request)
        if opd is not None:
            bidang.queryset = _saring(self.admin_site, bidang.queryset, opd)
        elif (
            penulis_kabupaten(request)
            and not self.kabupaten_menulis_opd
            and db_field.name not in self.pilihan_lintas_opd
        ):
            bidang.queryset = _saring(self.admin_site, bidang.queryset, None)
        return bidang

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        bidang = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return self._persempit(request, db_field, bidang)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        bidang = super().formfield_for_manytomany(db_field, request, **kwargs)
        return self._persempit(request, db_field, bidang)


class AdminOPD(_PilihanOPD):
    """ModelAdmin mixin (first among the bases) for a model whose rows belong to an office."""

    def saring_opd(self, queryset, opd):
        """The rows of ``queryset`` that belong to ``opd`` (None: to no office)."""
        return queryset.filter(**{self.jalur_opd: opd}) if self.jalur_opd else queryset

    def _milik_opd(self, obj):
        """Whether ``obj`` belongs to an office (one query)."""
        if not self.jalur_opd:
            return False
        semua = type(obj)._default_manager.filter(pk=obj.pk)
        return not self.saring_opd(semua, None).exists()

    def _kabupaten_menulis(self, request, obj):
        return (
            obj is None
            or not penulis_kabupaten(request)
            or self.kabupaten_menulis_opd
            or not self._milik_opd(obj)
        )

    def has_change_permission(self, request, obj=None):
        return self._kabupaten_menulis(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._kabupaten_menulis(request, obj) and super().has_delete_permission(request, obj)

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
    """Inline mixin: the related rows it offers, and the rows it lists (and so may change or delete),
    are those of the user's office; for a kabupaten user who may change them, those of no office."""

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        opd = opd_admin(request)
        if opd is not None:
            return _saring(self.admin_site, qs, opd)
        if (
            penulis_kabupaten(request)
            and not self.kabupaten_menulis_opd
            and self.has_change_permission(request)
        ):
            return _saring(self.admin_site, qs, None)
        return qs
