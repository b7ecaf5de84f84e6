"""Request guards shared by every page."""

from django.http import HttpResponseBadRequest


class TolakKarakterNul:
    """Refuse a form carrying a NUL character before any view sees it.

    PostgreSQL cannot store NUL in text, so such a value would fail at save time with a server error
    (SQLite would store it); Django's form fields refuse it, but several pages read request.POST
    directly. Nothing is saved and the user gets a plain message. A view that refuses NUL itself and
    keeps the typed text in its form says so with ``view.karakter_nul_ditangani = True``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "karakter_nul_ditangani", False):
            return None
        if request.method == "POST" and not request.content_type.startswith("application/json"):
            for _, daftar in request.POST.lists():
                if any("\x00" in nilai for nilai in daftar):
                    return HttpResponseBadRequest(
                        "Isian berisi karakter yang tidak sah (NUL); tidak ada yang disimpan. "
                        "Ketik ulang teksnya tanpa menempelkan dari berkas biner.",
                        content_type="text/plain; charset=utf-8",
                    )
        return None
