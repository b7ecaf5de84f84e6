from django.dispatch import Signal

# Sent by Jabatan.clean when a post is about to move to another unit: (jabatan, unit_lama). Apps whose
# locks follow the post's unit (approved realisasi of its PK lines) raise ValidationError to refuse.
jabatan_akan_pindah_unit = Signal()
