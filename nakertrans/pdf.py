"""PDF rendering with WeasyPrint. Stylesheets and images are read from disk, never over HTTP."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

LEMBAR_GAYA_CETAK = "nakertrans/cetak.css"


def _pengambil_lokal(url, *args, **kwargs):
    # Anything not on disk (an http URL in a narrative, say) is refused rather than fetched.
    if url.startswith("file://"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url, *args, **kwargs)
    raise ValueError(f"Sumber luar tidak diambil saat mencetak: {url}")


def html_ke_pdf(html):
    from weasyprint import CSS, HTML

    gaya = CSS(filename=finders.find(LEMBAR_GAYA_CETAK))
    return HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_pengambil_lokal).write_pdf(
        stylesheets=[gaya]
    )


def render_pdf(template, konteks):
    return html_ke_pdf(render_to_string(template, konteks))


def respons_pdf(isi, nama_berkas, unduh=True):
    """A PDF as a download (or shown in the browser with ``unduh=False``)."""
    respons = HttpResponse(isi, content_type="application/pdf")
    respons["Content-Disposition"] = f'{"attachment" if unduh else "inline"}; filename="{nama_berkas}"'
    respons["Content-Length"] = str(len(isi))
    return respons
