"""Work that must not hold a web worker (the LKjIP PDF takes seconds to minutes), run in a thread.

The job's state lives in the database, so any worker can answer the page that polls it. A thread, not
a task queue: the office runs one server without a broker, and a job lost to a restart is marked as
stopped by the page that polls it and simply started again.
"""

import logging
import threading

from django.conf import settings
from django.db import connections, transaction

log = logging.getLogger(__name__)


def jalankan_di_latar(fungsi, *args):
    """Run ``fungsi(*args)`` once the current transaction commits, in a daemon thread.

    With ``SAKIP_LATAR_SINKRON`` (tests) it runs at once in the caller's thread and transaction.
    """
    if getattr(settings, "SAKIP_LATAR_SINKRON", False):
        fungsi(*args)
        return
    transaction.on_commit(lambda: threading.Thread(target=_bungkus, args=(fungsi, args), daemon=True).start())


def _bungkus(fungsi, args):
    try:
        fungsi(*args)
    except Exception:
        log.exception("Pekerjaan latar %s gagal", getattr(fungsi, "__name__", fungsi))
    finally:
        connections.close_all()
