"""The perangkat daerah (OPD) of a request.

An address may carry the office: ``/opd/<kode>/...`` is the page ``/...`` of that office, so that a
link one Inspektorat auditor sends opens the same page for another. The middleware takes the prefix
off before the URL is resolved and adds it to the script prefix, so every ``reverse`` and ``{% url %}``
of the request stays within the office. Without the prefix a user works on their own office, and a
kabupaten user (no office of their own) on the one office of a single-office installation; with
several offices such a user is shown the choice of office instead of a page that needs one.

An office's own user never reaches another office: its prefix is a 404 for them. In an installation
of several offices their unprefixed addresses (bookmarks, links in old mails) are redirected to the
same page of their office; in an installation of one office nothing carries a prefix.
"""

import re
from functools import wraps

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import get_script_prefix, set_script_prefix

from nakertrans.access import opd_pengguna
from nakertrans.models import Instansi

_AWALAN = re.compile(r"^/opd/(?P<kode>[-a-zA-Z0-9_]+)(?P<sisa>/.*)$")


def tanpa_opd(view):
    """Mark a view that needs no office (sign-in, the kabupaten's own pages, the admin)."""

    @wraps(view)
    def dibungkus(*args, **kwargs):
        return view(*args, **kwargs)

    dibungkus.tanpa_opd = True
    return dibungkus


def alamat_opd(opd, path):
    """``path`` (an unprefixed address of this installation) as the page of ``opd``."""
    return f"{get_script_prefix()}opd/{opd.kode}/{path.lstrip('/')}"


class OPDMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        cocok = _AWALAN.match(request.path_info)
        if cocok:
            opd = Instansi.objects.filter(kode=cocok["kode"]).first()
            if opd is None or (user.is_authenticated and user.instansi_id not in (None, opd.pk)):
                raise Http404("Perangkat daerah tidak ditemukan.")
            user._opd = opd
            request.opd = opd
            request.path_info = cocok["sisa"]
            awalan = get_script_prefix()
            set_script_prefix(f"{awalan}opd/{opd.kode}/")
            try:
                return self.get_response(request)
            finally:
                set_script_prefix(awalan)  # the thread's next request starts from the server's own
        request.opd = opd_pengguna(user)
        if (
            request.method in ("GET", "HEAD")
            and user.is_authenticated
            and user.instansi_id
            and Instansi.objects.exclude(pk=user.instansi_id).exists()
        ):
            request._alihkan_opd = True
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "tanpa_opd", False) or not request.user.is_authenticated:
            return None
        if request.resolver_match.namespace == "admin":
            return None  # the admin scopes its lists by the user's office itself
        if getattr(request, "_alihkan_opd", False):
            return HttpResponseRedirect(alamat_opd(request.opd, request.get_full_path_info()))
        if request.opd is None:
            return halaman_pilih_opd(request)
        return None


def halaman_pilih_opd(request):
    """The choice of office for the page asked for, each office linking to that page of its own."""
    daftar = [(o, alamat_opd(o, request.get_full_path_info())) for o in Instansi.objects.order_by("nama")]
    return render(request, "nakertrans/pilih_opd.html", {"daftar_opd": daftar})
