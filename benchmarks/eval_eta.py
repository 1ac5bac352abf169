"""ETA evaluation on real deliveries: the Olist sample (CC BY-NC-SA 4.0, evaluation only, not copied here).

Trains `parceltrail.predict.EtaModel` on orders bought before 2017-10-01 and, for every later delivered
order, predicts the delivery at the moment the seller hands the parcel to the carrier, from what is
known then: the lane (seller state -> customer state, Brazil's macro-regions as fallback), the purchase
time and the hand-off time. Prints MAE in days, the share of deliveries inside the 80% interval, and the
MAE of the date Olist promised the buyer (order_estimated_delivery_date) on the same orders.

    .venv/bin/python benchmarks/eval_eta.py
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from parceltrail.predict import DeliveredJourney, EtaModel, Lane, Stage

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "olist_sample"
SPLIT = datetime(2017, 10, 1, tzinfo=timezone(timedelta(hours=-3)))
BRT = timezone(timedelta(hours=-3))  # Brasília time; the data set's timestamps are local
# Correios and Olist's other carriers do not deliver at weekends (domain knowledge, not tuned).
REST_DAYS = (5, 6)
LEVEL = 0.8

# IBGE macro-regions.
_REGIONS = {
    "N": "AC AM AP PA RO RR TO",
    "NE": "AL BA CE MA PB PE PI RN SE",
    "CO": "DF GO MS MT",
    "SE": "ES MG RJ SP",
    "S": "PR RS SC",
}
REGION_OF = {state: region for region, states in _REGIONS.items() for state in states.split()}


@dataclass(frozen=True, slots=True)
class Order:
    lane: Lane
    purchased_at: datetime
    handed_off_at: datetime
    delivered_at: datetime
    promised_at: datetime


@dataclass(frozen=True, slots=True)
class Results:
    train_orders: int
    test_orders: int
    mae_days: float
    coverage: float
    promise_mae_days: float
    spread: float

    @property
    def ratio(self) -> float:
        return self.mae_days / self.promise_mae_days


def _time(text: str) -> datetime | None:
    return datetime.fromisoformat(text).replace(tzinfo=BRT) if text else None


def load_orders(data_dir: Path = DATA_DIR) -> list[Order]:
    """Delivered orders with a hand-off date, first seller of each order deciding the origin."""
    with open(data_dir / "customers.csv", newline="") as f:
        state_of_customer = {r["customer_id"]: r["customer_state"] for r in csv.DictReader(f)}
    with open(data_dir / "sellers.csv", newline="") as f:
        state_of_seller = {r["seller_id"]: r["seller_state"] for r in csv.DictReader(f)}
    seller_of: dict[str, str] = {}
    with open(data_dir / "order_items.csv", newline="") as f:
        for r in csv.DictReader(f):
            if r["order_item_id"] == "1":
                seller_of[r["order_id"]] = r["seller_id"]
    orders = []
    with open(data_dir / "orders.csv", newline="") as f:
        for r in csv.DictReader(f):
            bought = _time(r["order_purchase_timestamp"])
            handed = _time(r["order_delivered_carrier_date"])
            delivered = _time(r["order_delivered_customer_date"])
            promised = _time(r["order_estimated_delivery_date"])
            if not (bought and handed and delivered and promised) or r["order_id"] not in seller_of:
                continue
            origin = state_of_seller[seller_of[r["order_id"]]]
            dest = state_of_customer[r["customer_id"]]
            lane = Lane(origin=origin, destination=dest,
                        origin_region=REGION_OF[origin], destination_region=REGION_OF[dest])
            orders.append(Order(lane, bought, handed, delivered, promised))
    return orders


def journey(order: Order) -> DeliveredJourney:
    return DeliveredJourney(
        lane=order.lane,
        started_at=order.purchased_at,
        delivered_at=order.delivered_at,
        stages={Stage.info_received: order.purchased_at, Stage.accepted: order.handed_off_at},
    )


def _days(delta: timedelta) -> float:
    return abs(delta.total_seconds()) / 86400


def evaluate(data_dir: Path = DATA_DIR) -> Results:
    orders = load_orders(data_dir)
    train = [o for o in orders if o.purchased_at < SPLIT]
    test = [o for o in orders if o.purchased_at >= SPLIT]
    model = EtaModel.fit((journey(o) for o in train), rest_days=REST_DAYS)
    errors, inside, promise_errors = [], 0, []
    for o in test:
        eta = model.predict(o.lane, Stage.accepted, o.purchased_at, o.handed_off_at, LEVEL,
                            stage_entered_at=o.handed_off_at)
        assert eta is not None
        errors.append(_days(eta.date - o.delivered_at))
        inside += eta.earliest <= o.delivered_at <= eta.latest
        promise_errors.append(_days(o.promised_at - o.delivered_at))
    return Results(len(train), len(test), sum(errors) / len(errors), inside / len(test),
                   sum(promise_errors) / len(promise_errors), model.spread)


def main() -> int:
    if not DATA_DIR.is_dir():
        print(f"missing {DATA_DIR}", file=sys.stderr)
        return 1
    r = evaluate()
    print(f"train orders (bought before {SPLIT:%Y-%m-%d}): {r.train_orders}")
    print(f"test orders (predicted at hand-off):    {r.test_orders}")
    print(f"ETA MAE:            {r.mae_days:.2f} days")
    print(f"80% interval cover: {r.coverage:.1%}  (learned widening x{r.spread:.2f})")
    print(f"promise MAE:        {r.promise_mae_days:.2f} days")
    print(f"ETA / promise MAE:  {r.ratio:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
