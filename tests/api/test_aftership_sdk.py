"""The official AfterShip Python SDK, unchanged, against a real parceltrail server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tracking import Client, Configuration, exceptions, models

from parceltrail.adapters.sandbox.server import serve_in_thread
from parceltrail.bootstrap import Runtime
from parceltrail.entrypoints.http.app import create_app
from parceltrail.entrypoints.http.ratelimit import RateLimiter
from tests.api.conftest import DELIVERED, UPS, Keys, make_keys


@pytest.fixture
def server(runtime: Runtime) -> Iterator[tuple[str, object]]:
    app = create_app(runtime, poll=False)
    base_url, stop = serve_in_thread(app)
    try:
        yield base_url, app
    finally:
        stop()


def sdk(base_url: str, key: str) -> Client:
    return Client(Configuration(domain=base_url, api_key=key, max_retry=0))


def test_sdk_scenario(server: tuple[str, object], runtime: Runtime) -> None:
    base_url, _ = server
    keys: Keys = make_keys(runtime, "shop")
    client = sdk(base_url, keys.write)

    created = client.tracking.create_tracking(models.CreateTrackingRequest(
        tracking_number=DELIVERED, title="Blue boots", order_id="ORD-1", order_number="#1001",
        custom_fields={"sku": "B-1"}, language="en", note="fragile",
        customers=[models.CreateTrackingRequestCustomers(role="buyer", name="Ana", email="ana@example.com")]))
    tracking = created.data
    assert tracking is not None and tracking.id and tracking.tracking_number == DELIVERED
    assert tracking.slug == "parceltrail-sandbox" and tracking.tag == models.Tag.PENDING
    assert tracking.title == "Blue boots" and tracking.subscribed_emails == ["ana@example.com"]
    assert created.response_header["x-ratelimit-limit"]

    got = client.tracking.get_tracking_by_id(tracking.id).data
    assert got is not None and got.id == tracking.id and got.order_number == "#1001"

    listed = client.tracking.get_trackings(limit=10, slug="parceltrail-sandbox").data
    assert listed is not None and listed.pagination is not None
    assert [t.id for t in listed.trackings or []] == [tracking.id] and listed.pagination.total == 1
    assert listed.pagination.has_next_page is False

    updated = client.tracking.update_tracking_by_id(tracking.id, models.UpdateTrackingByIdRequest(
        title="Red boots", note="leave at door")).data
    assert updated is not None and updated.title == "Red boots" and updated.order_id == "ORD-1"

    retracked = client.tracking.retrack_tracking_by_id(tracking.id).data
    assert retracked is not None and retracked.checkpoints, "retrack fetched the carrier's events"
    checkpoint = retracked.checkpoints[0]
    assert checkpoint.checkpoint_time and checkpoint.message and checkpoint.slug
    assert retracked.tag is not None and retracked.tag != models.Tag.PENDING

    detected = client.courier.detect_courier(models.DetectCourierRequest(tracking_number=UPS)).data
    assert detected is not None and [c.slug for c in detected.couriers or []] == ["ups"]
    couriers = client.courier.get_couriers(slug="ups,usps").data
    assert couriers is not None and {c.slug for c in couriers.couriers or []} == {"ups", "usps"}

    completed = client.tracking.mark_tracking_completed_by_id(
        tracking.id, models.MarkTrackingCompletedByIdRequest(
        reason=models.MarkTrackingCompletedByIdRequestReason.LOST)).data
    assert completed is not None and completed.active is False
    assert completed.tag == models.Tag.EXCEPTION and completed.subtag == "Exception_013"

    edd = client.estimated_delivery_date.predict(models.EstimatedDeliveryDateRequest(
        slug="ups", origin_address=models.EstimatedDeliveryDateRequestOriginAddress(country_region="USA"),
        destination_address=models.EstimatedDeliveryDateRequestDestinationAddress(country_region="DEU"),
        pickup_time="2026-11-02 10:00:00")).data
    assert edd is not None and edd.estimated_delivery_date and edd.estimated_delivery_date >= "2026-11-02"
    batch = client.estimated_delivery_date.predict_batch(models.PredictBatchRequest(estimated_delivery_dates=[
        models.EstimatedDeliveryDateRequest(
            slug="ups", origin_address=models.EstimatedDeliveryDateRequestOriginAddress(country_region="USA"),
            destination_address=models.EstimatedDeliveryDateRequestDestinationAddress(country_region="USA"))])).data
    assert batch is not None and len(batch.estimated_delivery_dates or []) == 1

    deleted = client.tracking.delete_tracking_by_id(tracking.id).data
    assert deleted is not None and deleted.id == tracking.id
    with pytest.raises(exceptions.BadRequestError) as missing:
        client.tracking.get_tracking_by_id(tracking.id)
    assert missing.value.meta_code == 4004 and missing.value.status_code == 404


def test_sdk_error_cases(server: tuple[str, object], runtime: Runtime) -> None:
    base_url, app = server
    keys = make_keys(runtime, "shop")
    client = sdk(base_url, keys.write)
    client.tracking.create_tracking(models.CreateTrackingRequest(tracking_number=DELIVERED))

    def meta_code(call: object, error: type[exceptions.ApiException]) -> int | None:
        with pytest.raises(error) as caught:
            call()  # type: ignore[operator]
        assert caught.value.status_code is not None and caught.value.status_code < 500
        return caught.value.meta_code

    create = client.tracking.create_tracking
    assert meta_code(lambda: create({"tracking_number": DELIVERED}), exceptions.BadRequestError) == 4003
    assert meta_code(lambda: create({"tracking_number": "!!!"}), exceptions.BadRequestError) == 4005
    assert meta_code(lambda: create({"tracking_number": "123"}), exceptions.BadRequestError) == 4012
    bad_slug = {"tracking_number": UPS, "slug": "nope"}
    assert meta_code(lambda: create(bad_slug), exceptions.BadRequestError) == 4010
    assert meta_code(lambda: create({"title": "no number"}), exceptions.BadRequestError) == 4007
    assert meta_code(lambda: client.tracking.get_tracking_by_id("0" * 32), exceptions.BadRequestError) == 4004
    assert meta_code(lambda: client.tracking.get_trackings(tag="Nope"), exceptions.BadRequestError) == 4008
    assert meta_code(lambda: client.tracking.get_trackings(cursor="%%%"), exceptions.BadRequestError) == 4008
    assert meta_code(lambda: client.courier.detect_courier({"tracking_number": "\x00"}),
                     exceptions.BadRequestError) == 4005

    bad_key = sdk(base_url, "pt_not-a-key")
    assert meta_code(lambda: bad_key.tracking.get_trackings(), exceptions.UnauthorizedError) == 401
    reader = sdk(base_url, keys.read)
    assert meta_code(lambda: reader.tracking.create_tracking({"tracking_number": UPS}),
                     exceptions.ForbiddenError) == 403

    app.state.rate_limiter = RateLimiter(per_second=2)  # type: ignore[attr-defined]
    with pytest.raises(exceptions.TooManyRequestsError) as limited:
        for _ in range(10):
            client.courier.get_couriers()
    assert limited.value.meta_code == 429
    headers = limited.value.response_header or {}
    assert headers["x-ratelimit-limit"] == ["2"] and headers["x-ratelimit-remaining"] == ["0"]
