"""The native API: trackings, number tools, keys, errors and bounds."""

from __future__ import annotations

from fastapi.testclient import TestClient

from parceltrail.status import message
from tests.api.conftest import DELIVERED, UPS, Keys, auth
from tests.ups_labels import ambiguous_dropped_digit, ups_label


def _create(client: TestClient, key: str, number: str = DELIVERED, **extra: object) -> dict:
    answer = client.post("/api/v1/trackings", json={"tracking_number": number, **extra}, headers=auth(key))
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def test_create_is_idempotent_and_labels_are_kept(client: TestClient, alice: Keys) -> None:
    first = client.post("/api/v1/trackings", headers=auth(alice.write), json={
        "tracking_number": DELIVERED.lower(), "title": "Boots", "order_id": "A-1",
        "customer_emails": ["a@example.com"], "custom_fields": {"sku": "B1"}})
    assert first.status_code == 201
    body = first.json()
    assert body["created"] is True
    data = body["data"]
    assert data["tracking_number"] == DELIVERED and data["carrier"] == "parceltrail-sandbox"
    assert data["title"] == "Boots" and data["custom_fields"] == {"sku": "B1"}
    assert data["tag"] == "Pending" and data["events"] == []
    again = client.post("/api/v1/trackings", json={"tracking_number": DELIVERED}, headers=auth(alice.write))
    assert again.status_code == 200
    assert again.json()["created"] is False and again.json()["data"]["id"] == data["id"]


def test_get_by_id_and_number_retrack_events_delete(client: TestClient, alice: Keys) -> None:
    created = _create(client, alice.write)["data"]
    tid = created["id"]
    retracked = client.post(f"/api/v1/trackings/{tid}/retrack", headers=auth(alice.write))
    assert retracked.status_code == 200
    events = client.get(f"/api/v1/trackings/{tid}/events", headers=auth(alice.read)).json()["data"]
    assert events, "retrack fetches from the sandbox carrier at once"
    assert all(e["tracking_number"] for e in events)
    got = client.get(f"/api/v1/trackings/{tid}", headers=auth(alice.read)).json()["data"]
    assert got["id"] == tid and len(got["events"]) == len(events) and got["tag"] != "Pending"
    by_number = client.get(f"/api/v1/trackings/by-number/{DELIVERED[:5]} {DELIVERED[5:]}",
                           headers=auth(alice.read))
    assert by_number.status_code == 200 and by_number.json()["data"]["id"] == tid
    assert client.delete(f"/api/v1/trackings/{tid}", headers=auth(alice.write)).status_code == 204
    gone = client.get(f"/api/v1/trackings/{tid}", headers=auth(alice.read))
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "not_found"


def test_list_filters_and_cursor_pagination(client: TestClient, alice: Keys) -> None:
    from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS_BY_DESTINATION

    numbers = list(TEST_NUMBERS_BY_DESTINATION["delivered"].values())[:5]
    ids = [_create(client, alice.write, n)["data"]["id"] for n in numbers]
    _create(client, alice.write, UPS)
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, object] = {"limit": 2, "carrier": "parceltrail-sandbox"}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/v1/trackings", params=params, headers=auth(alice.read)).json()
        seen += [t["id"] for t in page["data"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(ids) and len(seen) == len(set(seen))
    ups = client.get("/api/v1/trackings", params={"carrier": "ups"}, headers=auth(alice.read)).json()["data"]
    assert [t["carrier"] for t in ups] == ["ups"]
    pending = client.get("/api/v1/trackings", params={"status": "Pending"}, headers=auth(alice.read)).json()
    assert len(pending["data"]) == 6
    none = client.get("/api/v1/trackings", params={"status": "Delivered"}, headers=auth(alice.read)).json()
    assert none["data"] == []
    later = client.get("/api/v1/trackings", params={"created_after": "2999-01-01T00:00:00Z"},
                       headers=auth(alice.read)).json()
    assert later["data"] == []


def test_number_tools_and_classify(client: TestClient, alice: Keys) -> None:
    detect = client.post("/api/v1/detect", json={"tracking_number": UPS}, headers=auth(alice.read)).json()
    assert detect["data"][0]["carrier"] == "ups"
    typo = UPS.replace("10", "1O", 1)  # a zero read as the letter O
    suggest = client.post("/api/v1/suggest", json={"tracking_number": typo}, headers=auth(alice.read))
    assert suggest.status_code == 200
    assert [s["number"] for s in suggest.json()["data"]][0] == UPS
    # A valid number gets no "did you mean"; a dropped digit (many candidates) gets at most five, ranked.
    valid = client.post("/api/v1/suggest", json={"tracking_number": UPS}, headers=auth(alice.read)).json()
    assert valid["data"] == []
    dropped = client.post("/api/v1/suggest", json={"tracking_number": UPS[:9] + UPS[10:]},
                          headers=auth(alice.read)).json()["data"]
    scores = [s["score"] for s in dropped]
    assert 0 < len(dropped) <= 5 and scores == sorted(scores, reverse=True)
    assert all(s["candidate"]["checksum"] == "passed" for s in dropped)
    extract = client.post("/api/v1/extract", json={"text": f"Your parcel {UPS} ships today."},
                          headers=auth(alice.read)).json()
    assert [e["number"] for e in extract["data"]] == [UPS]
    classified = client.post("/api/v1/classify", json={"text": "Delivered, signed by J. SMITH"},
                             headers=auth(alice.read)).json()["data"]
    assert classified["tag"] == "Delivered" and classified["classified"] is True
    assert classified["message"]["lang"] == "en" and classified["message"]["title"]


def test_classify_gives_the_meaning_in_the_readers_language(client: TestClient, alice: Keys) -> None:
    # A Czech scan read by a Japanese and by a Brazilian reader; the carrier's language is found alone.
    text = "Zásilka byla doručena adresátovi"
    for show_in, lang in (("ja", "ja"), ("pt-BR", "pt"), (None, "en")):
        body = {"text": text} | ({"show_in": show_in} if show_in else {})
        data = client.post("/api/v1/classify", json=body, headers=auth(alice.read)).json()["data"]
        assert data["tag"] == "Delivered" and data["message"]["lang"] == lang
        assert data["message"]["title"] == message(data["subtag"], lang).title
    batch = client.post("/api/v1/classify/batch", headers=auth(alice.read), json={"events": [
        {"text": "Przesyłka doręczona", "show_in": "uk"}, {"text": "???", "show_in": "uk"}]}).json()["data"]
    assert batch[0]["message"]["lang"] == "uk" and batch[1]["classified"] is False
    assert batch[1]["message"] is None
    refused = client.post("/api/v1/classify/batch", headers=auth(alice.read), json={"events": [
        {"text": "Delivered", "show_in": "en"}, {"text": "Delivered", "show_in": "xx"}]})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "unsupported_language"


def test_keys_of_the_calling_account(client: TestClient, alice: Keys) -> None:
    listed = client.get("/api/v1/keys", headers=auth(alice.read)).json()["data"]
    assert {k["scope"] for k in listed} == {"read", "write"}
    assert all("key" not in k for k in listed)
    created = client.post("/api/v1/keys", json={"scope": "read"}, headers=auth(alice.write))
    assert created.status_code == 201
    new_key, new_id = created.json()["key"], created.json()["data"]["id"]
    assert client.get("/api/v1/keys", headers=auth(new_key)).status_code == 200
    assert client.delete(f"/api/v1/keys/{new_id}", headers=auth(alice.write)).status_code == 200
    assert client.get("/api/v1/keys", headers=auth(new_key)).status_code == 401


def test_auth_errors(client: TestClient, alice: Keys) -> None:
    assert client.get("/api/v1/trackings").json()["error"]["code"] == "unauthorized"
    assert client.get("/api/v1/trackings", headers=auth("pt_wrong")).status_code == 401
    bearer = client.get("/api/v1/trackings", headers={"Authorization": f"Bearer {alice.read}"})
    assert bearer.status_code == 200
    denied = client.post("/api/v1/trackings", json={"tracking_number": UPS}, headers=auth(alice.read))
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "forbidden"


def test_bad_input_is_a_4xx_json_and_writes_nothing(client: TestClient, alice: Keys, runtime) -> None:
    cases = [
        ({"tracking_number": "12"}, "unrecognized_number"),
        ({"tracking_number": "<script>"}, "invalid_number"),
        ({"tracking_number": UPS, "carrier": "no-such-carrier"}, "unknown_carrier"),
        ({"tracking_number": ""}, "validation_error"),
        ({"tracking_number": UPS, "surprise": 1}, "validation_error"),
        ({"tracking_number": UPS, "customer_emails": "x"}, "validation_error"),
    ]
    for body, code in cases:
        answer = client.post("/api/v1/trackings", json=body, headers=auth(alice.write))
        assert 400 <= answer.status_code < 500, (body, answer.text)
        assert answer.json()["error"]["code"] == code, (body, answer.text)
    broken = client.post("/api/v1/trackings", content=b"{not json", headers={
        **auth(alice.write), "content-type": "application/json"})
    assert broken.status_code == 400 and broken.json()["error"]["code"] == "invalid_json"
    with runtime.store.read() as repo:
        assert repo.shipments.count() == 0
    bad_cursor = client.get("/api/v1/trackings", params={"cursor": "!!"}, headers=auth(alice.read))
    assert bad_cursor.status_code == 400 and bad_cursor.json()["error"]["code"] == "invalid_cursor"
    naive = client.get("/api/v1/trackings", params={"created_after": "2026-01-01T00:00:00"},
                       headers=auth(alice.read))
    assert naive.status_code == 422
    too_many = client.get("/api/v1/trackings", params={"limit": 1000}, headers=auth(alice.read))
    assert too_many.status_code == 422
    assert client.get("/api/v1/nope", headers=auth(alice.read)).json()["error"]["code"] == "not_found"


def test_body_size_is_bounded(client: TestClient, alice: Keys) -> None:
    big = b'{"text": "' + b"x" * (1024 * 1024 + 10) + b'"}'
    answer = client.post("/api/v1/extract", content=big, headers={**auth(alice.read),
                                                                  "content-type": "application/json"})
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "payload_too_large"

    def chunks():
        yield b'{"text": "'
        for _ in range(20):
            yield b"x" * 65536
        yield b'"}'

    chunked = client.post("/api/v1/extract", content=chunks(), headers={**auth(alice.read),
                                                                         "content-type": "application/json"})
    assert chunked.status_code == 413


def test_rate_limit_headers_and_429(client: TestClient, app, alice: Keys) -> None:
    from parceltrail.entrypoints.http.ratelimit import RateLimiter

    app.state.rate_limiter = RateLimiter(per_second=3)
    answers = [client.get("/api/v1/keys", headers=auth(alice.read)) for _ in range(6)]
    assert answers[0].headers["X-RateLimit-Limit"] == "3"
    assert answers[0].headers["X-RateLimit-Remaining"] == "2"
    assert int(answers[0].headers["X-RateLimit-Reset"]) > 0
    statuses = [a.status_code for a in answers]
    assert 429 in statuses  # unless the 1-second window rolled over twice, which 6 fast calls do not
    limited = next(a for a in answers if a.status_code == 429)
    assert limited.json()["error"]["code"] == "rate_limited" and limited.headers["Retry-After"] == "1"


def _mistyped_next_to(offset: int) -> tuple[str, str, str]:
    """(intended, typo, a label of the same shipper ``offset`` packages away) where the typo's right fix is
    not the first suggestion without knowing that label."""
    number, typo, package = ambiguous_dropped_digit("4A9E71", "03", range(3_141_500, 3_142_000, 7), 12)
    return number, typo, ups_label("4A9E71", "03", package + offset)


def test_suggest_ranks_the_callers_own_shippers_range_first(client: TestClient, alice: Keys,
                                                             bob: Keys) -> None:
    number, typo, label = _mistyped_next_to(6)
    _create(client, alice.write, label)  # alice already tracks a parcel of this shipper
    mine = client.post("/api/v1/suggest", json={"tracking_number": typo}, headers=auth(alice.read)).json()
    assert [s["number"] for s in mine["data"]][0] == number
    assert len(mine["data"]) <= 5
    # bob tracks nothing of that shipper: alice's numbers neither help nor show for him
    theirs = client.post("/api/v1/suggest", json={"tracking_number": typo}, headers=auth(bob.read)).json()
    assert theirs["data"] and theirs["data"][0]["number"] != number
    assert label not in [s["number"] for s in theirs["data"]]
    # the order's carrier can be named; a number passing its check still gets nothing
    named = client.post("/api/v1/suggest", json={"tracking_number": typo, "carrier": "ups"},
                        headers=auth(alice.read)).json()
    assert named["data"][0]["number"] == number
    valid = client.post("/api/v1/suggest", json={"tracking_number": number}, headers=auth(alice.read)).json()
    assert valid["data"] == []
