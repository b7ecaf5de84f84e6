from django.dispatch import Signal

# Sent when a revised PK is finalised, inside the same transaction: (lama, baru, pasangan) where
# pasangan maps each line of the old version to its copy. Apps that hang data on PK lines (realisasi)
# move it across.
revisi_difinalkan = Signal()
