"""Login and permission checks: Django's ModelBackend, reading a user's permissions in one query."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class BackendModel(ModelBackend):
    """ModelBackend with the user's own permissions and those of their groups read in one query (a
    UNION) instead of two: every page asks for them, for its menu and its access checks. The result is
    ModelBackend's, kept on the user object as it keeps it (``_perm_cache``)."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            kolom = ("content_type__app_label", "codename")
            if user_obj.is_superuser:
                izin = Permission.objects.values_list(*kolom)
            else:
                # Without Permission's default order, which a part of a UNION may not have.
                sendiri = Permission.objects.filter(user=user_obj).order_by().values_list(*kolom)
                grup = Permission.objects.filter(group__user=user_obj).order_by().values_list(*kolom)
                izin = sendiri.union(grup)
            user_obj._perm_cache = {f"{app}.{kode}" for app, kode in izin}
        return user_obj._perm_cache
