"""Who holds a lease on a shipment being polled: an owner id unique across machines and processes."""

from __future__ import annotations

import os
import socket
import uuid


def new_owner(role: str = "poller") -> str:
    """A lease owner id: host, pid and a random part, so two pollers never share one."""
    return f"{role}:{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:10]}"
