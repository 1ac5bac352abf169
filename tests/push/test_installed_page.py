"""The installed page on a phone-sized Chromium: the manifest and service worker, push turned on for a
parcel from its card, a push when the parcel goes out for delivery (decrypted at a loopback push
service with the subscription's keys), and the last known state offline.

Headless Chromium has no push service to talk to here, so `pushManager.subscribe` cannot produce a real
subscription: the test first asks the browser for one (and notes that it is refused), then stands in for
the push service with a subscription whose keys it made itself, as a browser would; everything from the
click on the card's button to the decrypted message is the real flow.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from parceltrail.adapters.db import migrate
from parceltrail.adapters.db.database import make_engine
from parceltrail.adapters.db.uow import Store
from parceltrail.adapters.delivery.dispatcher import outbox_dispatcher
from parceltrail.adapters.delivery.webpush import generate_key
from parceltrail.adapters.observability.probes import outbox_snapshot
from parceltrail.adapters.sandbox import CARRIER_SLUG, SandboxConnector, serve_in_thread
from parceltrail.adapters.sandbox import create_app as create_sandbox
from parceltrail.adapters.sandbox.timeline import load_or_create
from parceltrail.bootstrap import Runtime
from parceltrail.clock import ManualClock
from parceltrail.domain.notifications import ChannelKind
from parceltrail.entrypoints.http.app import create_app
from parceltrail.services.outlook.predictor import ModelPredictor
from parceltrail.services.tracking.registry import ConnectorRegistry
from parceltrail.services.tracking.tracker import Tracker
from parceltrail.settings import Settings
from parceltrail.status import message
from tests.push.conftest import BrowserKeys, PushService
from tests.web.conftest import START, shot

DELIVERED = "PTS01000000016"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True,
         "has_touch": True,
         "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/126.0 Mobile Safari/537.36"}


@dataclass
class PushSite:
    url: str
    clock: ManualClock
    runtime: Runtime

    def runtime_key(self) -> str:
        from parceltrail.adapters.delivery.webpush import load_key

        key = load_key(self.runtime.settings.notify)
        assert key is not None
        return key.public_key

    def settle(self, timeout: float = 30.0) -> None:
        """Wait until the engine has polled everything due and the outbox has sent everything due."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            now = self.clock.now()
            with self.runtime.store.read() as repo:
                due = repo.shipments.next_due_at()
            if (due is None or due > now) and outbox_snapshot(self.runtime.store.engine, now).due == 0:
                return
            time.sleep(0.1)
        raise AssertionError("the engine or the outbox did not settle")


@pytest.fixture
def push_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PushSite]:
    monkeypatch.setenv("PARCELTRAIL_PUBLIC_URL", "https://parcels.example.org")
    clock = ManualClock(START)
    sandbox_url, stop_sandbox = serve_in_thread(create_sandbox(clock, epoch=START - timedelta(days=10)))
    database_url = f"sqlite:///{tmp_path / 'parceltrail.db'}"
    migrate.upgrade(database_url)
    store = Store(make_engine(database_url))
    tracker = Tracker(store, ConnectorRegistry({CARRIER_SLUG: SandboxConnector(sandbox_url)}), clock)
    generate_key(tmp_path / "vapid.pem")  # `parceltrail push keys`
    # The loopback push service of this test is a private address: the operator allows it here.
    settings = Settings(data_dir=tmp_path, database_url=database_url, sandbox_url=sandbox_url,
                        webhook_allow_private=True, public_url="https://parcels.example.org")
    runtime = Runtime(settings, load_or_create(tmp_path), clock, store, tracker, ModelPredictor(store, clock))
    url, stop_app = serve_in_thread(create_app(runtime, poll=False))
    stop = threading.Event()
    threads = [threading.Thread(target=tracker.run, args=(stop,), kwargs={"idle_seconds": 0.1}, daemon=True),
               threading.Thread(target=outbox_dispatcher(store, clock, settings.notify).run, args=(stop,),
                                kwargs={"idle_seconds": 0.1}, daemon=True)]
    for thread in threads:
        thread.start()
    try:
        yield PushSite(url, clock, runtime)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
        stop_app()
        stop_sandbox()
        store.engine.dispose()


STAND_IN = """
(() => {
  const sub = %s;
  const stand_in = {endpoint: sub.endpoint, expirationTime: null, options: {},
                    toJSON() { return sub; }, unsubscribe() { return Promise.resolve(true); }};
  let current = null;
  PushManager.prototype.subscribe = function (options) {
    window.pushOptions = {userVisibleOnly: options.userVisibleOnly,
                          key: Array.from(new Uint8Array(options.applicationServerKey))};
    current = stand_in;
    return Promise.resolve(stand_in);
  };
  PushManager.prototype.getSubscription = function () { return Promise.resolve(current); };
})();
"""


def test_a_phone_gets_a_push_when_its_parcel_goes_out_for_delivery(
        browser: Any, push_site: PushSite, push_service: PushService) -> None:
    context = browser.new_context(locale="es-ES", timezone_id="Europe/Madrid", **PHONE)
    context.set_default_timeout(20_000)
    context.grant_permissions(["notifications"], origin=push_site.url)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        assert httpx.post(f"{push_site.url}/track", data={"q": DELIVERED}, timeout=60).status_code == 303
        page.goto(f"{push_site.url}/track/{DELIVERED}?lang=es")
        manifest = page.locator("link[rel=manifest]").get_attribute("href")
        assert manifest == "/manifest.webmanifest"
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == f"{push_site.url}/"
        real = page.evaluate("""async (key) => {
            const r = await navigator.serviceWorker.ready;
            const b64 = key.replace(/-/g, '+').replace(/_/g, '/');
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            try {
              const s = await r.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: bytes});
              await s.unsubscribe(); return 'subscribed: ' + s.endpoint; }
            catch (e) { return 'refused: ' + e.name; } }""", push_site.runtime_key())
        print(f"Chromium's own push subscription: {real}")

        keys = BrowserKeys()
        endpoint = push_service.endpoint("phone")
        context.add_init_script(STAND_IN % json.dumps(keys.subscription(endpoint)))
        page.reload()
        button = page.locator(f"#push-{DELIVERED} button")
        expect(button).to_be_visible()
        expect(button).to_have_text("Notificaciones push en este dispositivo")
        button.click()
        expect(page.locator(f"#push-{DELIVERED}-status")).to_contain_text("activadas")
        expect(button).to_have_attribute("aria-pressed", "true")
        options = page.evaluate("window.pushOptions")
        assert options["userVisibleOnly"] is True
        assert bytes(options["key"]) == _unb64(push_site.runtime_key())
        with push_site.runtime.store.read() as repo:
            mine = [s for s in repo.notifications.subscriptions(all_accounts=True)
                    if s.channel is ChannelKind.WEBPUSH]
        assert [(s.target, s.language) for s in mine] == [(endpoint, "es")]
        shot(page, "push-on-phone")

        # The engine moves on; the parcel goes out for delivery and the phone gets a push.
        title = message("OutForDelivery_001", "es").title
        shown: list[dict[str, Any]] = []
        for _ in range(300):  # from one check the engine planned to the next, as time would pass
            with push_site.runtime.store.read() as repo:
                due = repo.shipments.next_due_at()
            if due is None:
                break
            push_site.clock.set(max(due, push_site.clock.now()))
            push_site.settle()
            shown = [keys.decrypt(item.body) for item in push_service.bodies()]
            if any(title in m["title"] for m in shown):
                break
        out = [m for m in shown if title in m["title"]]
        assert out, f"no out-for-delivery push among {[m['title'] for m in shown]}"
        assert out[0]["url"] == f"https://parcels.example.org/track/{DELIVERED}" and out[0]["lang"] == "es"

        # What the push service would hand the browser: our service worker shows it as a notification
        # that opens the card (delivered through DevTools, the one way into a headless service worker).
        devtools = context.new_cdp_session(page)
        registrations: list[dict[str, Any]] = []
        devtools.on("ServiceWorker.workerRegistrationUpdated",
                    lambda event: registrations.extend(event["registrations"]))
        devtools.send("ServiceWorker.enable")
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        for _ in range(200):  # the DevTools event, within the context's 20 s like the other waits
            if registrations:
                break
            page.wait_for_timeout(100)
        registration = next(r for r in registrations if r["scopeURL"] == f"{push_site.url}/")
        devtools.send("ServiceWorker.deliverPushMessage", {
            "origin": push_site.url, "registrationId": registration["registrationId"],
            "data": json.dumps(out[0])})
        # Waits inside the page, up to the 20 s every other step of this page gets: on a loaded machine the
        # worker may take seconds to wake and show it.
        shown_now: list[dict[str, Any]] = page.evaluate("""async () => {
            const r = await navigator.serviceWorker.ready;
            for (const end = Date.now() + 20000; Date.now() < end;) {
              const ns = await r.getNotifications();
              if (ns.length) return ns.map(
                  n => ({title: n.title, body: n.body, url: n.data.url, tag: n.tag}));
              await new Promise(done => setTimeout(done, 100));
            }
            return [];
        }""")
        assert shown_now, "the service worker showed no notification"
        devtools.detach()
        assert shown_now[0]["title"] == out[0]["title"] and shown_now[0]["tag"] == DELIVERED
        assert shown_now[0]["url"] == out[0]["url"] and shown_now[0]["body"] == out[0]["body"]

        # Offline: the page last seen is still there, marked as the last known state.
        page.reload()  # controlled by the service worker now: this copy is kept
        expect(page.locator(f"#card-{DELIVERED}")).to_be_visible()
        context.set_offline(True)
        page.reload()
        expect(page.locator(f"#card-{DELIVERED}")).to_be_visible()
        expect(page.locator("#offline-notice")).to_contain_text("sin conexión")
        shot(page, "push-offline")
        context.set_offline(False)
    finally:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _unb64(text: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
