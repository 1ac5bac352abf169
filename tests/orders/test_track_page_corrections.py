"""The track page ranks a mistyped number's corrections with the signed-in user's own numbers."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.ups_labels import ambiguous_dropped_digit, ups_label

from .conftest import PASSWORD, Person

SUGGESTED = re.compile(r'<ul class="suggestions">(.*?)</ul>', re.S)


def _shown(page: str) -> list[str]:
    found = SUGGESTED.search(page)
    return re.findall(r"<code>([0-9A-Z]+)</code>", found.group(1)) if found else []


def test_the_track_page_ranks_the_signed_in_users_shipper_first(client: TestClient, buyer: Person,
                                                                 buyer2: Person) -> None:
    number, typo, package = ambiguous_dropped_digit("2W8K44", "03", range(1_414_200, 1_415_000, 17), 12)
    label = ups_label("2W8K44", "03", package + 5)
    created = client.post("/api/v1/trackings", json={"tracking_number": label}, headers=buyer.headers)
    assert created.status_code in (200, 201), created.text

    anonymous = _shown(client.get(f"/track/{typo}").text)
    assert anonymous and anonymous[0] != number and len(anonymous) <= 5

    for person, first in ((buyer, True), (buyer2, False)):
        client.cookies.clear()
        signed = client.post("/login", data={"email": person.email, "password": PASSWORD},
                             follow_redirects=False)
        assert signed.status_code == 303, signed.text
        shown = _shown(client.get(f"/track/{typo}").text)
        assert shown and len(shown) <= 5
        assert (shown[0] == number) is first  # only the user who tracks that shipper's parcel
