"""Writes that leave no needless trace."""


def simpan_bila_berubah(model, kunci, **nilai):
    """update_or_create that writes only what differs: loading the same data again (the demo, an import of
    the same sheet) adds no history row."""
    obj = model.objects.filter(**kunci).first()
    if obj is None:
        return model.objects.create(**kunci, **nilai)
    berubah = [nama for nama, isi in nilai.items() if getattr(obj, nama) != isi]
    if berubah:
        for nama in berubah:
            setattr(obj, nama, nilai[nama])
        obj.save(update_fields=berubah)
    return obj
