from django.dispatch import Signal

# Sent before a row that carries a unit (a post, a DPA line) moves to another unit: (obj, unit_lama).
# Apps whose locks follow that unit (its submitted or approved periods hold what the row carries)
# raise ValidationError to refuse. See periksa_pindah_unit.
unit_akan_pindah = Signal()


def periksa_pindah_unit(obj):
    """Refuse moving ``obj`` (a saved row with ``unit_kerja``) to another unit while its old unit's
    submitted or approved periods hold its data: the lock belongs to the unit, so the move would reopen
    approved figures. The models call it from clean() (a form shows the message at the field) and from
    save() (every other path: imports, services, the shell)."""
    if obj.pk is None or obj.unit_kerja_id is None:
        return
    lama = type(obj)._base_manager.filter(pk=obj.pk).values_list("unit_kerja_id", flat=True).first()
    if lama is not None and lama != obj.unit_kerja_id:
        unit_akan_pindah.send(sender=type(obj), obj=obj, unit_lama=lama)
