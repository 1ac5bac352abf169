"""Mailbox credentials encrypted at rest (Fernet): the key is PARCELTRAIL_MAIL_KEY, or a key file made
once in the data directory (readable by its owner only), like the session secret."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from parceltrail.domain.mailin import MailInError
from parceltrail.settings import Settings

KEY_FILE = "mail.key"


class Cipher:
    def __init__(self, key: bytes) -> None:
        try:
            self._fernet = Fernet(key)
        except ValueError:
            raise MailInError(
                "PARCELTRAIL_MAIL_KEY is not a Fernet key (32 url-safe base64-encoded bytes)",
                code="invalid_mail_key",
            ) from None

    def encrypt(self, plain: str) -> str:
        return self._fernet.encrypt(plain.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise MailInError(
                "the mailbox credentials were encrypted with another key; connect the mailbox again",
                code="credentials_unreadable",
            ) from None


def cipher_for(settings: Settings) -> Cipher:
    if settings.mail_key is not None:
        return Cipher(settings.mail_key.get_secret_value().encode("ascii", "replace"))
    path = Path(settings.data_dir) / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(Fernet.generate_key())
    return Cipher(path.read_bytes().strip())
