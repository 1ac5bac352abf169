"""Web push end to end: a browser's subscription (keys made here as a browser makes them), the engine
moving a parcel, the outbox delivering through a loopback push service, and each message decrypted with
the subscription's keys (RFC 8291) and its VAPID signature checked (RFC 8292)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parceltrail.adapters.delivery.dispatcher import Deliverer, outbox_dispatcher
from parceltrail.adapters.delivery.webpush import generate_key, load_key, pack_keys, send_webpush
from parceltrail.adapters.sandbox.scenarios import TEST_NUMBERS
from parceltrail.bootstrap import Runtime
from parceltrail.domain.notifications import ChannelKind, EventKind, Notification, Status
from parceltrail.entrypoints.http.app import create_app
from parceltrail.services.notifications import push
from parceltrail.settings import NotifySettings
from parceltrail.status import message
from tests.engine.conftest import Rig
from tests.push.conftest import BrowserKeys, PushService, verify_vapid

PUBLIC_URL = "https://parcels.example.org"
DELIVERED = TEST_NUMBERS["delivered"]


@pytest.fixture(autouse=True)
def _public_url(monkeypatch: pytest.MonkeyPatch) -> None:
    # The links in messages are written when the change is recorded, from the installation's public URL.
    monkeypatch.setenv("PARCELTRAIL_PUBLIC_URL", PUBLIC_URL)


def notify_settings(tmp_path: Path, *, allow_private: bool = True) -> NotifySettings:
    key_file = tmp_path / "vapid.pem"
    if not key_file.exists():
        generate_key(key_file)
    return NotifySettings(public_url=PUBLIC_URL, allow_private=allow_private, vapid_file=key_file,
                          vapid_subject="mailto:ops@example.org")


def _follow(rig: Rig, push_service: PushService, keys: BrowserKeys, language: str) -> tuple[int, int]:
    shipment = rig.tracker.register(DELIVERED)
    rig.tracker.poll_due()
    assert shipment.id is not None
    with rig.store.transaction() as repo:
        subscription, created = push.subscribe(repo, shipment.id, push_service.endpoint(language),
                                               pack_keys(keys.p256dh, keys.subscription("")["keys"]["auth"]),
                                               language, rig.clock.now())
    assert created
    return shipment.id, subscription.id


def test_pushes_are_encrypted_signed_and_in_the_subscribers_language(
        make_rig: Callable[..., Rig], push_service: PushService, tmp_path: Path) -> None:
    rig = make_rig()
    settings = notify_settings(tmp_path)
    key = load_key(settings)
    assert key is not None
    keys = BrowserKeys()
    _follow(rig, push_service, keys, "es")
    dispatcher = outbox_dispatcher(rig.store, rig.clock, settings)
    rig.run_until_quiet(on_poll=dispatcher.run_once)
    dispatcher.run_once()
    pushed = push_service.bodies()
    assert pushed, "no push reached the push service"
    messages = []
    for item in pushed:
        assert item.headers["content-encoding"] == "aes128gcm"
        assert int(item.headers["ttl"]) > 0
        claims = verify_vapid(item.headers, push_service.url, key.public_key)
        assert claims["sub"] == "mailto:ops@example.org" and claims["exp"] > datetime.now().timestamp()
        messages.append(keys.decrypt(item.body))
    for shown in messages:
        assert shown["url"] == f"{PUBLIC_URL}/track/{DELIVERED}" and shown["tag"] == DELIVERED
        assert shown["lang"] == "es"
    kinds = [m["kind"] for m in messages]
    assert kinds[-1] == EventKind.DELIVERED.value
    assert message("Delivered_001", "es").title in messages[-1]["title"]
    out = [m for m in messages if message("OutForDelivery_001", "es").title in m["title"]]
    assert out, f"no out-for-delivery push among {[m['title'] for m in messages]}"
    assert messages[-1]["title"] != message("Delivered_001", "en").title


def test_expired_subscription_is_removed(make_rig: Callable[..., Rig], push_service: PushService,
                                         tmp_path: Path) -> None:
    rig = make_rig()
    push_service.status = 410  # the browser dropped the subscription
    _, subscription_id = _follow(rig, push_service, BrowserKeys(), "en")
    dispatcher = outbox_dispatcher(rig.store, rig.clock, notify_settings(tmp_path))
    rig.run_until_quiet(on_poll=dispatcher.run_once)
    assert len(push_service.bodies()) == 1  # tried once, then never again
    with rig.store.read() as repo:
        assert repo.notifications.subscription(subscription_id) is None
        assert repo.notifications.notifications(subscription_id=subscription_id) == []


def test_a_push_service_on_a_private_address_is_refused_at_send_time(
        make_rig: Callable[..., Rig], push_service: PushService, tmp_path: Path) -> None:
    rig = make_rig()
    settings = notify_settings(tmp_path, allow_private=False)
    _, subscription_id = _follow(rig, push_service, BrowserKeys(), "en")
    with rig.store.read() as repo:
        subscription = repo.notifications.subscription(subscription_id)
    assert subscription is not None
    note = Notification(id=1, event_id="e", subscription_id=subscription_id, stream="s",
                        kind=EventKind.STATUS_CHANGE, payload={"kind": "status_change"},
                        status=Status.PENDING, attempts=1, created_at=rig.clock.now(),
                        next_attempt_at=rig.clock.now(), expires_at=rig.clock.now())
    deliverer = Deliverer(settings)
    outcome = deliverer.deliver(subscription, note)
    deliverer.close()
    assert not outcome.ok and outcome.permanent and "private" in outcome.reason.lower()
    assert push_service.bodies() == []
    assert send_webpush(deliverer.client, subscription, note, settings, None).ok is False  # no key: no push


@pytest.fixture
def web(runtime: Runtime) -> TestClient:
    generate_key(runtime.settings.data_dir / "vapid.pem")
    return TestClient(create_app(runtime, poll=False))


def _body(keys: BrowserKeys, endpoint: str, shipment_id: int, number: str, **extra: object) -> dict:
    return {"subscription": keys.subscription(endpoint), "shipment_id": shipment_id, "number": number,
            **extra}


def test_subscribing_from_the_page(runtime: Runtime, web: TestClient, push_service: PushService) -> None:
    shipment = runtime.tracker.register(DELIVERED)
    assert shipment.id is not None
    keys = BrowserKeys()
    endpoint = push_service.endpoint("page")
    # The operator has not allowed private addresses: a loopback push endpoint is refused like a webhook.
    refused = web.post("/push/subscriptions", json=_body(keys, endpoint, shipment.id, DELIVERED),
                       headers={"Accept-Language": "es"})
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "unsafe_url"
    assert "servidor" in refused.json()["error"]["message"]  # in the visitor's language

    runtime.settings = runtime.settings.model_copy(update={"webhook_allow_private": True})
    web = TestClient(create_app(runtime, poll=False))
    made = web.post("/push/subscriptions?lang=pt", json=_body(keys, endpoint, shipment.id, DELIVERED))
    assert made.status_code == 201
    assert made.json()["language"] == "pt"
    again = web.post("/push/subscriptions?lang=pt", json=_body(keys, endpoint, shipment.id, DELIVERED))
    assert again.status_code == 200 and again.json()["id"] == made.json()["id"]
    with runtime.store.read() as repo:
        stored = repo.notifications.subscription(made.json()["id"])
    assert stored is not None and stored.channel is ChannelKind.WEBPUSH and stored.target == endpoint
    assert json.loads(stored.secret) == keys.subscription(endpoint)["keys"]

    bad_keys = _body(keys, endpoint, shipment.id, DELIVERED)
    bad_keys["subscription"]["keys"]["p256dh"] = "AAAA"
    answer = web.post("/push/subscriptions", json=bad_keys)
    assert answer.json()["error"]["code"] == "invalid_push_subscription"
    wrong = web.post("/push/subscriptions", json=_body(keys, endpoint, shipment.id, "PTS99999999999"))
    assert wrong.status_code == 404
    form = web.post("/push/subscriptions", data={"x": "1"})
    assert form.status_code == 400
    assert web.post("/push/subscriptions", content=b"[1]",
                    headers={"Content-Type": "application/json"}).status_code == 400

    gone = web.post("/push/unsubscribe", json={"endpoint": endpoint, "shipment_id": shipment.id})
    assert gone.json()["removed"] == 1
    with runtime.store.read() as repo:
        assert repo.notifications.subscription(made.json()["id"]) is None


def test_push_is_off_without_a_key(runtime: Runtime) -> None:
    client = TestClient(create_app(runtime, poll=False))
    assert client.get("/push/key").json()["error"]["code"] == "push_unavailable"
    answer = client.post("/push/subscriptions", json={})
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "push_unavailable"
    assert client.post("/track", data={"q": DELIVERED}, follow_redirects=False).status_code == 303
    page = client.get(f"/track/{DELIVERED}")
    assert f'id="card-{DELIVERED}"' in page.text
    assert "data-push-number" not in page.text  # no push button without a key
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page.text


def test_manifest_and_service_worker(web: TestClient) -> None:
    manifest = web.get("/manifest.webmanifest?lang=ru")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    body = manifest.json()
    assert body["display"] == "standalone" and body["start_url"].startswith("/track") and body["lang"] == "ru"
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in body["icons"]}
    assert any(icon["purpose"] == "maskable" for icon in body["icons"])
    for icon in body["icons"]:
        image = web.get(icon["src"])
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    worker = web.get("/sw.js")
    assert worker.headers["service-worker-allowed"] == "/"
    assert "javascript" in worker.headers["content-type"]
    assert "showNotification" in worker.text and "notificationclick" in worker.text
    assert web.get("/push/key").json()["public_key"]
