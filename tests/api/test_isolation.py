"""A key never sees another account's trackings, on any endpoint of either API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import DELIVERED, Keys, as_auth, auth


def test_every_endpoint_is_scoped_to_the_calling_account(client: TestClient, alice: Keys, bob: Keys,
                                                         runtime) -> None:
    created = client.post("/api/v1/trackings", json={"tracking_number": DELIVERED, "title": "alice's"},
                          headers=auth(alice.write)).json()["data"]
    tid = created["id"]
    native = [
        ("GET", f"/api/v1/trackings/{tid}", None),
        ("GET", f"/api/v1/trackings/{tid}/events", None),
        ("PATCH", f"/api/v1/trackings/{tid}", {"title": "bob's now"}),
        ("POST", f"/api/v1/trackings/{tid}/retrack", None),
        ("DELETE", f"/api/v1/trackings/{tid}", None),
        ("GET", f"/api/v1/trackings/by-number/{DELIVERED}", None),
    ]
    for method, path, body in native:
        answer = client.request(method, path, json=body, headers=auth(bob.write))
        assert answer.status_code == 404, (method, path, answer.text)
    aftership = [
        ("GET", f"/tracking/2026-07/trackings/{tid}", None),
        ("PUT", f"/tracking/2026-07/trackings/{tid}", {"title": "bob's now"}),
        ("POST", f"/tracking/2026-07/trackings/{tid}/retrack", None),
        ("POST", f"/tracking/2026-07/trackings/{tid}/mark-as-completed", {"reason": "LOST"}),
        ("DELETE", f"/tracking/2026-07/trackings/{tid}", None),
    ]
    for method, path, body in aftership:
        answer = client.request(method, path, json=body, headers=as_auth(bob.write))
        assert answer.status_code == 404, (method, path, answer.text)
        assert answer.json()["meta"]["code"] == 4004
    assert client.get("/api/v1/trackings", headers=auth(bob.read)).json()["data"] == []
    listed = client.get("/tracking/2026-07/trackings", params={"tracking_numbers": DELIVERED},
                        headers=as_auth(bob.read)).json()["data"]
    assert listed["trackings"] == [] and listed["pagination"]["total"] == 0
    alice_keys = client.get("/api/v1/keys", headers=auth(alice.read)).json()["data"]
    for key in alice_keys:
        assert client.delete(f"/api/v1/keys/{key['id']}", headers=auth(bob.write)).status_code == 404
    assert {k["id"] for k in client.get("/api/v1/keys", headers=auth(bob.read)).json()["data"]}.isdisjoint(
        {k["id"] for k in alice_keys})
    # alice's tracking is untouched
    mine = client.get(f"/api/v1/trackings/{tid}", headers=auth(alice.read)).json()["data"]
    assert mine["title"] == "alice's" and mine["active"] is True


def test_shipments_are_shared_trackings_are_not(client: TestClient, alice: Keys, bob: Keys, runtime) -> None:
    a = client.post("/api/v1/trackings", json={"tracking_number": DELIVERED, "title": "A"},
                    headers=auth(alice.write)).json()["data"]
    b = client.post("/tracking/2026-07/trackings", json={"tracking_number": DELIVERED, "title": "B"},
                    headers=as_auth(bob.write))
    assert b.status_code == 201, b.text
    b = b.json()["data"]
    assert a["id"] != b["id"] and a["shipment"]["id"] is not None
    with runtime.store.read() as repo:
        assert repo.shipments.count() == 1  # one shipment, polled once for everybody
    assert client.delete(f"/api/v1/trackings/{a['id']}", headers=auth(alice.write)).status_code == 204
    still = client.get(f"/tracking/2026-07/trackings/{b['id']}", headers=as_auth(bob.read))
    assert still.status_code == 200 and still.json()["data"]["title"] == "B"
    with runtime.store.read() as repo:
        assert repo.shipments.count() == 1
