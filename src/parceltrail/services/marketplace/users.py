"""Marketplace users: create them with argon2-hashed passwords, and check a login."""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from parceltrail.domain.errors import InputError
from parceltrail.domain.orders import Address, Role, User, check_email
from parceltrail.services.ports import Store

MIN_PASSWORD = 8
MAX_PASSWORD = 1024
_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verified against when the e-mail is unknown, so a login takes as long whether or not the user exists.
_DUMMY_HASH = _HASHER.hash("parceltrail-no-such-user")


def hash_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InputError(f"a password must be {MIN_PASSWORD}-{MAX_PASSWORD} characters")
    return _HASHER.hash(password)


def create_user(store: Store, email: str, password: str, role: Role | str, now: datetime, *,
                display_name: str | None = None, address: Address | None = None) -> User:
    """A new user with an account of its own; input is checked before anything is written."""
    email = check_email(email)
    try:
        role = Role(role)
    except ValueError:
        raise InputError(f"role must be one of {', '.join(r.value for r in Role)}") from None
    name = (display_name or email).strip()
    if not 1 <= len(name) <= 200:
        raise InputError("display name must be 1-200 characters")
    digest = hash_password(password)
    with store.transaction() as repo:
        orders = repo.orders
        user = orders.create_user(email, digest, role, name, now)
        if address is not None:
            orders.set_address(user.id, address)
            user.address = address
    return user


def authenticate(store: Store, email: str, password: str) -> User | None:
    """The user with this e-mail and password, or None (same answer and cost for an unknown e-mail)."""
    if not email or len(email) > 254 or len(password) > MAX_PASSWORD:
        return None
    with store.read() as repo:
        orders = repo.orders
        user = orders.user_by_email(email.strip().lower())
        digest = orders.password_hash(user.id) if user else None
    try:
        _HASHER.verify(digest or _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if user is None or digest is None:
        return None
    if _HASHER.check_needs_rehash(digest):
        with store.transaction() as repo:
            repo.orders.set_password_hash(user.id, _HASHER.hash(password))
    return user


def set_password(store: Store, user_id: int, password: str) -> None:
    """Replace a user's password (checked like a new one); the caller ends the user's sessions."""
    digest = hash_password(password)
    with store.transaction() as repo:
        repo.orders.set_password_hash(user_id, digest)
