"""Mail intake running in the background: the mail-in SMTP server and a thread that polls every
connected IMAP mailbox each `imap_poll_seconds`. `serve` starts it when PARCELTRAIL_MAILIN_ENABLED is
set; `parceltrail mailin` runs it in the foreground."""

from __future__ import annotations

import logging
import threading

from parceltrail.adapters.mailin.cipher import cipher_for
from parceltrail.adapters.mailin.imap import poll_all
from parceltrail.adapters.mailin.smtp import MailInServer
from parceltrail.clock import Clock
from parceltrail.services.ports import Store
from parceltrail.settings import Settings

log = logging.getLogger(__name__)


class MailIntake:
    def __init__(
        self, settings: Settings, store: Store, clock: Clock, *, smtp: bool = True, imap: bool = True
    ) -> None:
        self.settings = settings
        self.store = store
        self.clock = clock
        self.server = (
            MailInServer(
                store,
                clock,
                host=settings.mailin_host,
                port=settings.mailin_port,
                domain=settings.mailin_domain,
                max_bytes=settings.mailin_max_bytes,
            )
            if smtp
            else None
        )
        self.imap = imap
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.server is not None:
            self.server.start()
        if self.imap:
            self._thread = threading.Thread(target=self._poll_loop, name="imap-poller", daemon=True)
            self._thread.start()

    def _poll_loop(self) -> None:
        cipher = cipher_for(self.settings)
        while not self._stop.is_set():
            try:
                for result in poll_all(
                    self.store, cipher, self.clock, max_bytes=self.settings.mailin_max_bytes
                ):
                    if result.added or result.error:
                        log.info(
                            "mailbox %s: added %s%s",
                            result.mailbox_id,
                            result.added,
                            f", error: {result.error}" if result.error else "",
                        )
            except Exception:  # the poller outlives one bad round; the next one retries
                log.exception("IMAP polling round failed")
            self._stop.wait(self.settings.imap_poll_seconds)

    def stop(self) -> None:
        self._stop.set()
        if self.server is not None:
            self.server.stop()
        if self._thread is not None:
            self._thread.join(timeout=5)
