"""Mail as background tasks (nakertrans.latar): a page or a command never waits on the mail server."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django_tasks import task


@task()
def kirim_surel(pesan):
    """Send ``pesan``: [(subject, body, [recipients])] from DEFAULT_FROM_EMAIL. A failure fails the
    task (kept in the queue's table with its traceback) rather than passing silently."""
    send_mass_mail(
        [(judul, isi, settings.DEFAULT_FROM_EMAIL, list(penerima)) for judul, isi, penerima in pesan],
        fail_silently=False,
    )
