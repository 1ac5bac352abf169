"""The calendar page: a signed-in user makes, replaces and revokes their feed link from a form (with the
session's CSRF token); the link is shown once."""

from __future__ import annotations

import re

from tests.calendar_feed.conftest import World
from tests.orders.conftest import PASSWORD


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF token in the form"
    return found.group(1)


def test_make_replace_and_revoke_a_feed_from_the_page(world: World) -> None:
    away = world.client.get("/calendar", follow_redirects=False)
    assert away.status_code == 303 and away.headers["location"].startswith("/login")
    signed = world.client.post("/api/v1/session", json={"email": "buyer@example.com", "password": PASSWORD})
    assert signed.status_code == 200
    page = world.client.get("/calendar")
    assert page.status_code == 200 and "You have no calendar link yet." in page.text
    assert world.client.post("/calendar", data={"csrf": "forged"}).status_code == 403
    made = world.client.post("/calendar", data={"csrf": csrf_of(page.text)})
    assert made.status_code == 200
    url = re.search(r'value="(https://parcels\.example\.org/calendar/[^"]+\.ics)"', made.text)
    assert url is not None
    path = url.group(1).removeprefix("https://parcels.example.org")
    assert world.client.get(path).status_code == 200
    again = world.client.get("/calendar")
    assert "A calendar link is active" in again.text and url.group(1) not in again.text  # shown once
    replaced = world.client.post("/calendar", data={"csrf": csrf_of(again.text)})
    assert replaced.status_code == 200 and world.client.get(path).status_code == 404
    new_path = re.search(r'value="https://parcels\.example\.org(/calendar/[^"]+\.ics)"', replaced.text)
    assert new_path is not None
    gone = world.client.post("/calendar/revoke", data={"csrf": csrf_of(replaced.text)},
                             follow_redirects=False)
    assert gone.status_code == 303
    assert world.client.get(new_path.group(1)).status_code == 404
    chinese = world.client.get("/calendar?revoked=1&lang=zh")
    assert "日历订阅" in chinese.text and "日历链接已撤销" in chinese.text
