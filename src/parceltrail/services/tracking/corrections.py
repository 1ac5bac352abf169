"""Corrections of a mistyped number, ranked with what this installation knows about who typed it.

The numbers a person already tracks and the labels a shop already shipped name the senders and serial
ranges a new number most likely comes from (``parceltrail.numbers.ranges``). Reading them costs one
bounded, indexed query, made only when the typed number fails its check.
"""

from __future__ import annotations

from parceltrail.domain.orders import Role
from parceltrail.numbers import IssueError, issue_s10, passes_check, suggest
from parceltrail.numbers.suggest import Suggestion
from parceltrail.services.ports import UnitOfWork

# Known numbers read per person or shop: the most recent ones; older labels rarely share a running range.
KNOWN_LIMIT = 300
MAX_SHOWN = 5


def known_numbers(repo: UnitOfWork, *, account_id: int | None = None, seller_id: int | None = None,
                  installation: bool = False, limit: int = KNOWN_LIMIT) -> list[str]:
    """The numbers an account tracks and a seller has shipped or issued (or, with ``installation``, the
    newest this installation tracks for anyone), most recent first, no repeats."""
    found: list[str] = []
    if seller_id is not None:
        found += repo.orders.recent_label_numbers(seller_id, limit)
        for number_range in repo.orders.ranges(seller_id):
            # the serials issued so far bound where the shop's own S10 labels come from
            for serial in {number_range.first_serial, number_range.next_serial - 1}:
                if number_range.first_serial <= serial < number_range.next_serial:
                    try:
                        found.append(issue_s10(number_range.country, number_range.service_indicator, serial))
                    except IssueError:
                        continue
    if account_id is not None:
        found += repo.accounts.recent_numbers(account_id, limit)
    if installation:
        found += repo.shipments.recent_numbers(limit)
    return list(dict.fromkeys(found))


def corrections(repo: UnitOfWork | None, number: str, *, account_id: int | None = None,
                seller_id: int | None = None, installation: bool = False, carrier: str | None = None,
                country: str | None = None, limit: int | None = MAX_SHOWN) -> list[Suggestion]:
    """suggest() for ``number`` with the account's and the seller's known numbers as ranges (none when the
    number passes its check). ``repo`` may be None when nothing is known. An account that belongs to a
    seller brings the shop's labels too, and a stored address its country when none is given."""
    if passes_check(number, carrier):
        return []
    if repo is not None and account_id is not None:
        user = repo.orders.user_by_account(account_id)
        if user is not None:
            if seller_id is None and user.role is Role.SELLER:
                seller_id = user.id
            if country is None and user.address is not None:
                country = user.address.country
    known = known_numbers(repo, account_id=account_id, seller_id=seller_id,
                          installation=installation) if repo is not None else []
    return suggest(number, carrier=carrier, country=country, known=known, limit=limit)
