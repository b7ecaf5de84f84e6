"""The LKjIP's background tasks (nakertrans.latar): the PDF, on the «pdf» queue, so that its workers (and
with them how many PDFs are made at once) are counted apart from the mail's."""

from django_tasks import task


@task(queue_name="pdf")
def buat_pdf_lkjip(pk):
    from capaian.terbitan import buat_pdf

    buat_pdf(pk)
