"""One e-mail rule at input for users and subscriptions: what is accepted can be sent."""

from __future__ import annotations

import pytest

from parceltrail.domain.errors import InputError
from parceltrail.domain.orders import check_email
from parceltrail.services.notifications.subscriptions import SubscriptionRequest, validate
from parceltrail.services.notifications.urls import InvalidEmailError, check_address


@pytest.mark.parametrize("address", ["jörg@example.org", "a b@example.org", "a@b", "a@example..org",
                                     "<a@example.org>", "a@example.org\r\nBcc: x@evil.example",
                                     "a@localhost"])
def test_addresses_the_relay_cannot_take_are_refused_everywhere(address: str) -> None:
    with pytest.raises(InvalidEmailError):
        check_address(address)
    with pytest.raises(InputError):
        check_email(address)


def test_accepted_addresses_are_stored_as_they_will_be_sent() -> None:
    assert check_address("Marie@Bücher.example") == "Marie@xn--bcher-kva.example"
    assert check_email("Marie@Example.ORG") == "marie@example.org"
    request = SubscriptionRequest(channel="email", target=" Marie@Bücher.example ")
    validate(request)
    assert request.target == "Marie@xn--bcher-kva.example"
