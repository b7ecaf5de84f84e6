"""The reporting periods: a year of twelve months for the budget, of four quarters (triwulan) for
performance. Their Indonesian names are in nakertrans.format_id (months) and here (quarters)."""

# The quarters as the reports write them: «Triwulan III», «TW IV».
TRIWULAN = ("I", "II", "III", "IV")
