"""A private Dovecot IMAP server for one test: config, users and maildirs under tmp_path, listening on
a free loopback port. Debian's dovecot-imapd (`make imap`); without it the test fails in CI
(CI=true) and is skipped elsewhere."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

DOVECOT = "/usr/sbin/dovecot"


@dataclass
class Dovecot:
    host: str
    port: int
    root: Path
    users: dict[str, str]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def dovecot(
    tmp_path: Path, users: dict[str, str], *, oauth2_tokeninfo: str | None = None
) -> Iterator[Dovecot]:
    binary = shutil.which("dovecot") or (DOVECOT if os.path.exists(DOVECOT) else None)
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("dovecot is required in CI (make imap installs dovecot-imapd)")
        pytest.skip("dovecot not installed (make imap)")
    import tempfile

    root = tmp_path / "dovecot"
    for sub in ("state", "mail", "home"):
        (root / sub).mkdir(parents=True)
    # Unix socket paths are limited to ~108 bytes: the run directory lives at a short path.
    run_dir = Path(tempfile.mkdtemp(prefix="pt-dc-"))
    port = _free_port()
    (root / "passwd").write_text("".join(f"{u}:{{PLAIN}}{p}::::::\n" for u, p in users.items()))
    uid, gid = os.getuid(), os.getgid()
    is_root = uid == 0
    service_user = "root" if is_root else os.environ.get("USER", "nobody")
    mail_root = root / "mail"
    if is_root:
        # Dovecot never runs a mailbox as root: the maildirs belong to its own user, in a directory
        # that user can reach (tmp_path's parents are private to root).
        import pwd

        owner = pwd.getpwnam("dovecot")
        uid, gid = owner.pw_uid, owner.pw_gid
        mail_root = Path(tempfile.mkdtemp(prefix="parceltrail-imap-"))
        os.chmod(mail_root, 0o755)
        os.chown(mail_root, uid, gid)
    oauth2_passdb = ""
    if oauth2_tokeninfo:
        # OAuth2 bearer tokens are checked against a token-info endpoint the test serves.
        (root / "oauth2.conf.ext").write_text(
            f"tokeninfo_url = {oauth2_tokeninfo}?access_token=\n"
            "username_attribute = username\n"
        )
        oauth2_passdb = (
            "passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n"
            f"  args = {root}/oauth2.conf.ext\n}}\n"
        )
    (root / "dovecot.conf").write_text(f"""
base_dir = {run_dir}
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login{" xoauth2 oauthbearer" if oauth2_tokeninfo else ""}
{oauth2_passdb}mail_location = maildir:{mail_root}/%u
first_valid_uid = {uid}
first_valid_gid = {gid}
default_internal_user = {"dovecot" if is_root else service_user}
default_login_user = {"dovenull" if is_root else service_user}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={mail_root}/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service auth {{
  user = {service_user}
}}
service auth-worker {{
  user = {service_user}
}}
service imap-login {{
  chroot =
}}
""")
    try:
        # The daemon keeps its inherited descriptors: give it a file, not a pipe we would wait on.
        with open(root / "start.log", "wb") as errors:
            started = subprocess.run(
                [binary, "-c", str(root / "dovecot.conf")],
                stdin=subprocess.DEVNULL,
                stdout=errors,
                stderr=errors,
            )
        if started.returncode != 0:
            pytest.fail(f"dovecot did not start: {(root / 'start.log').read_text().strip()}")
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as probe:
                    if probe.recv(100).startswith(b"* OK"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
                pytest.fail(f"dovecot did not answer on port {port}: {log[-2000:]}")
            time.sleep(0.1)
        yield Dovecot("127.0.0.1", port, root, users)
    finally:
        subprocess.run(
            [binary, "-c", str(root / "dovecot.conf"), "stop"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if mail_root != root / "mail":
            shutil.rmtree(mail_root, ignore_errors=True)
        shutil.rmtree(run_dir, ignore_errors=True)
