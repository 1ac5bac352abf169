"""ETA evaluation on real deliveries: the Olist sample (CC BY-NC-SA 4.0, evaluation only, not copied here).

For every delivered order bought from 2017-10-01 on (the test; to 2017-12-31, the end of the sample),
predicts the delivery at the moment the seller hands the parcel to the carrier, from what is known then,
and prints, over the whole test and per calendar month of purchase:

- MAE in days (|predicted - actual delivery timestamp| in fractional days) and its ratio to the MAE of
  the date Olist promised the buyer (order_estimated_delivery_date) on the same orders;
- coverage: the share of deliveries inside the 80% interval, and the shares below and above it;
- the 80% interval (Winkler) score: width + (2 / 0.2) x the distance by which a delivery falls outside,
  in days (lower is better: it charges both needless width and misses), and the mean width.

Predictors, all learning only what the rules allow:

- lane: `EtaModel` alone (lane seller state -> customer state, macro-region fallbacks), trained on
  orders bought before 2017-10-01 (the original baseline);
- strict: the lane model refined by `Refiner` (seller, customer zip area, freight, price, promise,
  hand-off weekday ...), both trained on orders bought before 2017-10-01 only;
- online (the previous system): the same, refitted weekly on orders bought before 2017-10-01 plus every
  order delivered before the start of the hand-off's week (Monday 00:00), newer deliveries weighing more
  (half-life 60 days). Its history includes orders bought before the split but delivered after the
  hand-off being predicted (late-September orders delivered in October);
- base: the same weekly refit on orders delivered before the week's start only;
- calibrated (what the system runs): the base prediction corrected by `IntervalCalibrator`, refitted
  every 6 hours of hand-off time on the hand-offs of the 90 days before (their base predictions made at
  hand-off, their deliveries if completed by the refit, else the time they have been on their way).

For base and calibrated, nothing delivered after the moment of prediction is used: every delivery learned
from happened before the refit that serves the prediction, and parcels still on their way at that moment
count only as on their way. The weekly base models also predict the hand-offs of the 90 days before the
split, so the calibrator starts with a full window.

    .venv/bin/python benchmarks/eval_eta.py              # test: train < 2017-10-01, test Oct-Dec 2017
    .venv/bin/python benchmarks/eval_eta.py --validate   # train < 2017-08-01, test Aug-Sep 2017
    .venv/bin/python benchmarks/eval_eta.py --months 2017-04:2017-10   # rolling, per month (settings)
"""

from __future__ import annotations

import bisect
import csv
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from parceltrail.predict import DeliveredJourney, EtaModel, Lane, Stage
from parceltrail.predict.calibrate import Handoff, IntervalCalibrator
from parceltrail.predict.refine import Refiner, Sample

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "olist_sample"
BRT = timezone(timedelta(hours=-3))  # Brasília time; the data set's timestamps are local
SPLIT = datetime(2017, 10, 1, tzinfo=BRT)
VALIDATION_SPLIT = datetime(2017, 8, 1, tzinfo=BRT)
# Correios and Olist's other carriers do not deliver at weekends (domain knowledge, not tuned).
REST_DAYS = (5, 6)
LEVEL = 0.8
# Frozen after a rolling-origin validation inside the training period (train < 2017-08-01, validate
# Aug-Sep 2017); see docs/benchmarks.md. Never tuned on the test period.
SHRINK = 10.0  # pseudo-samples pulling a seller's / area's own residual toward the lane's
HALF_LIFE_DAYS = 60.0  # online variant: a delivery's weight halves every 60 days of age
REFIT_DAYS = 7  # online variant: refitted every Monday 00:00 on what was delivered before
# The calibrator is refitted as often as the engine refits its models; its own settings are its
# defaults (chosen on April-September 2017, see `IntervalCalibrator`).
CALIBRATE_EVERY = timedelta(hours=6)
CALIBRATION_WINDOW = timedelta(days=90)
MIN_HISTORY = 200  # deliveries known before a weekly model is fitted for the calibrator's window
NUMERIC = ("promise_days", "promise_total_days", "log_freight", "log_price", "freight_share", "items",
           "friday", "saturday", "sunday", "hour", "wait_days", "same_city", "same_zip3", "same_state")
KEYS = ("seller", "area")

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
    numeric: dict[str, float]  # facts known at hand-off (see `NUMERIC`)
    keys: dict[str, str]  # seller id, customer zip area (first 3 digits of the CEP)


@dataclass(frozen=True, slots=True)
class Scores:
    """Accuracy of one predictor on a set of orders (days)."""

    orders: int
    mae_days: float
    promise_mae_days: float
    coverage: float
    below: float  # share delivered before the interval
    above: float  # share delivered after it
    winkler: float
    width: float

    @property
    def ratio(self) -> float:
        return self.mae_days / self.promise_mae_days


@dataclass(frozen=True, slots=True)
class Variant:
    overall: Scores
    months: dict[str, Scores]  # "2017-10" -> scores of the orders bought that month


VARIANTS = ("lane", "strict", "online", "base", "calibrated")


@dataclass(frozen=True, slots=True)
class Results:
    train_orders: int
    test_orders: int
    spread: float  # the lane model's out-of-time widening
    variants: dict[str, Variant] = field(default_factory=dict)

    @property
    def lane(self) -> Variant:
        return self.variants["lane"]

    @property
    def strict(self) -> Variant:
        return self.variants["strict"]

    @property
    def online(self) -> Variant:
        return self.variants["online"]

    @property
    def base(self) -> Variant:
        return self.variants["base"]

    @property
    def calibrated(self) -> Variant:
        return self.variants["calibrated"]


def _time(text: str) -> datetime | None:
    return datetime.fromisoformat(text).replace(tzinfo=BRT) if text else None


def _days(delta: timedelta) -> float:
    return delta.total_seconds() / 86400


def load_orders(data_dir: Path = DATA_DIR) -> list[Order]:
    """Delivered orders with a hand-off date, first seller of each order deciding the origin."""
    with open(data_dir / "customers.csv", newline="") as f:
        customers = {r["customer_id"]: r for r in csv.DictReader(f)}
    with open(data_dir / "sellers.csv", newline="") as f:
        sellers = {r["seller_id"]: r for r in csv.DictReader(f)}
    items: dict[str, list[dict[str, str]]] = {}
    with open(data_dir / "order_items.csv", newline="") as f:
        for r in csv.DictReader(f):
            items.setdefault(r["order_id"], []).append(r)
    orders = []
    with open(data_dir / "orders.csv", newline="") as f:
        for r in csv.DictReader(f):
            bought = _time(r["order_purchase_timestamp"])
            handed = _time(r["order_delivered_carrier_date"])
            delivered = _time(r["order_delivered_customer_date"])
            promised = _time(r["order_estimated_delivery_date"])
            if not (bought and handed and delivered and promised) or r["order_id"] not in items:
                continue
            lines = sorted(items[r["order_id"]], key=lambda i: int(i["order_item_id"]))
            seller = sellers[lines[0]["seller_id"]]
            customer = customers[r["customer_id"]]
            origin, dest = seller["seller_state"], customer["customer_state"]
            lane = Lane(origin=origin, destination=dest,
                        origin_region=REGION_OF[origin], destination_region=REGION_OF[dest])
            seller_zip = seller["seller_zip_code_prefix"].zfill(5)
            customer_zip = customer["customer_zip_code_prefix"].zfill(5)
            freight = sum(float(i["freight_value"]) for i in lines)
            price = sum(float(i["price"]) for i in lines)
            weekday = handed.weekday()
            numeric = {
                "promise_days": _days(promised - handed),
                "promise_total_days": _days(promised - bought),
                "log_freight": math.log1p(freight),
                "log_price": math.log1p(price),
                "freight_share": math.log1p(freight) - math.log1p(price),
                "items": float(len(lines)),
                "friday": float(weekday == 4),
                "saturday": float(weekday == 5),
                "sunday": float(weekday == 6),
                "hour": (handed.hour + handed.minute / 60) / 24,
                "wait_days": min(_days(handed - bought), 30.0),
                "same_city": float((seller["seller_city"], origin) == (customer["customer_city"], dest)),
                "same_zip3": float(seller_zip[:3] == customer_zip[:3]),
                "same_state": float(origin == dest),
            }
            keys = {"seller": lines[0]["seller_id"], "area": customer_zip[:3]}
            orders.append(Order(lane, bought, handed, delivered, promised, numeric, keys))
    return orders


def journey(order: Order) -> DeliveredJourney:
    return DeliveredJourney(
        lane=order.lane,
        started_at=order.purchased_at,
        delivered_at=order.delivered_at,
        stages={Stage.info_received: order.purchased_at, Stage.accepted: order.handed_off_at},
    )


@dataclass(frozen=True, slots=True)
class Predictor:
    """What the system runs: the lane model, refined with the shipment's own facts."""

    lanes: EtaModel
    refiner: Refiner

    def predict(self, o: Order) -> tuple[datetime, datetime, datetime]:
        eta = self.lanes.predict(o.lane, Stage.accepted, o.purchased_at, o.handed_off_at, LEVEL,
                                 stage_entered_at=o.handed_off_at)
        assert eta is not None
        r = self.refiner.predict(_days(eta.date - o.handed_off_at), o.numeric, o.keys)
        at = lambda days: o.handed_off_at + timedelta(days=days)  # noqa: E731
        return at(r.median), at(r.low), at(r.high)


def fit_predictor(history: Sequence[Order], now: datetime | None = None) -> Predictor:
    """Lane model + refiner from delivered orders; with `now`, recent deliveries weigh more."""
    lanes = EtaModel.fit((journey(o) for o in history), rest_days=REST_DAYS, calibrate=False)
    samples = []
    for o in history:
        eta = lanes.predict(o.lane, Stage.accepted, o.purchased_at, o.handed_off_at, LEVEL,
                            stage_entered_at=o.handed_off_at)
        assert eta is not None
        age = 0.0 if now is None else max(0.0, _days(now - o.delivered_at))
        samples.append(Sample(o.handed_off_at, _days(eta.date - o.handed_off_at), o.numeric, o.keys,
                              _days(o.delivered_at - o.handed_off_at), 0.5 ** (age / HALF_LIFE_DAYS)))
    refiner = Refiner.fit(samples, numeric_names=NUMERIC, key_names=KEYS, shrink=SHRINK, level=LEVEL)
    return Predictor(lanes, refiner)


Prediction = tuple[datetime, datetime, datetime]  # median, earliest, latest


def score(predictions: Sequence[Prediction], orders: Sequence[Order]) -> Scores:
    n = len(orders)
    errors = [abs(_days(p[0] - o.delivered_at)) for p, o in zip(predictions, orders, strict=True)]
    below = sum(o.delivered_at < p[1] for p, o in zip(predictions, orders, strict=True))
    above = sum(o.delivered_at > p[2] for p, o in zip(predictions, orders, strict=True))
    widths = [_days(p[2] - p[1]) for p in predictions]
    penalty = 2 / (1 - LEVEL)
    winkler = [
        w + penalty * (max(0.0, _days(p[1] - o.delivered_at)) + max(0.0, _days(o.delivered_at - p[2])))
        for w, p, o in zip(widths, predictions, orders, strict=True)
    ]
    promise = sum(abs(_days(o.promised_at - o.delivered_at)) for o in orders)
    return Scores(n, sum(errors) / n, promise / n, 1 - (below + above) / n, below / n, above / n,
                  sum(winkler) / n, sum(widths) / n)


def variant(predictions: Sequence[Prediction], orders: Sequence[Order]) -> Variant:
    months: dict[str, list[int]] = {}
    for i, o in enumerate(orders):
        months.setdefault(o.purchased_at.strftime("%Y-%m"), []).append(i)
    return Variant(score(predictions, orders), {
        month: score([predictions[i] for i in members], [orders[i] for i in members])
        for month, members in sorted(months.items())
    })


def _week_start(t: datetime) -> datetime:
    day = t.replace(hour=0, minute=0, second=0, microsecond=0)
    return day - timedelta(days=(day.date() - datetime(2017, 1, 2).date()).days % REFIT_DAYS)


# Weekly models by (data, history rule, week): the rule "delivered before the week" does not depend on
# the split, so the validation and the test share those fits.
_WEEKLY: dict[tuple[str, str, datetime], Predictor] = {}


def weekly(targets: Sequence[Order], rule: str, history_at: Callable[[datetime], list[Order]],
           data_dir: Path = DATA_DIR) -> list[Prediction]:
    """Each target predicted by the model refitted at the start of its hand-off week on `history_at`
    (named `rule` for reuse between calls)."""
    out: dict[int, Prediction] = {}
    by_week: dict[datetime, list[int]] = {}
    for i, o in enumerate(targets):
        by_week.setdefault(_week_start(o.handed_off_at), []).append(i)
    for week, members in sorted(by_week.items()):
        # No peeking beyond what the caller allows: every target is handed off at or after `week`.
        assert all(targets[i].handed_off_at >= week for i in members)
        key = (str(data_dir), rule, week)
        if key not in _WEEKLY:
            _WEEKLY[key] = fit_predictor(history_at(week), now=week)
        model = _WEEKLY[key]
        for i in members:
            out[i] = model.predict(targets[i])
    return [out[i] for i in range(len(targets))]


def calibrated(pool: Sequence[Order], base: Sequence[Prediction], targets: Sequence[int]) -> list[Prediction]:
    """Base predictions of `pool[i]` for i in `targets`, corrected by the calibrator refitted every
    `CALIBRATE_EVERY` on the pool's hand-offs known at the refit (sorted by hand-off). Every hand-off of
    the pool is served in turn, and the interval it was shown is kept with it, as the engine records it:
    the adaptive levels are steered by how those intervals fare."""
    starts = [o.handed_off_at for o in pool]
    records = [
        Handoff(o.handed_off_at, _days(p[0] - o.handed_off_at), _days(p[1] - o.handed_off_at),
                _days(p[2] - o.handed_off_at), o.delivered_at)
        for o, p in zip(pool, base, strict=True)
    ]
    served: list[Prediction | None] = [None] * len(pool)
    step = CALIBRATE_EVERY.total_seconds()
    current: IntervalCalibrator | None = None
    i = 0
    while i < len(pool):
        now = datetime.fromtimestamp(pool[i].handed_off_at.timestamp() // step * step, BRT)
        following = bisect.bisect_left(starts, now + CALIBRATE_EVERY)
        window = records[bisect.bisect_left(starts, now - CALIBRATION_WINDOW):bisect.bisect_left(starts, now)]
        # What the system knows at `now`: deliveries after it are only "still on the way" (the
        # calibrator ignores them itself; dropping them here makes the rule visible).
        known = [h if h.delivered_at is not None and h.delivered_at <= now else replace(h, delivered_at=None)
                 for h in window]
        current = IntervalCalibrator.fit(known, now, previous=current)
        for k in range(i, following):
            r = records[k]
            c = current.calibrate(r.median, r.low, r.high, LEVEL)
            records[k] = replace(r, served_low=c.low, served_high=c.high)
            at = lambda days, t=r.at: t + timedelta(days=days)  # noqa: E731
            served[k] = (at(c.median), at(c.low), at(c.high))
        i = following
    out = [served[i] for i in targets]
    assert all(p is not None for p in out)
    return [p for p in out if p is not None]


def evaluate(data_dir: Path = DATA_DIR, split: datetime = SPLIT, end: datetime | None = None) -> Results:
    """Train before `split`, test on orders bought from `split` (to `end`, if given)."""
    orders = sorted(load_orders(data_dir), key=lambda o: (o.handed_off_at, o.purchased_at))
    train = [o for o in orders if o.purchased_at < split]
    test = [o for o in orders if o.purchased_at >= split and (end is None or o.purchased_at < end)]
    # Baseline: the lane model alone (its own interval, widened out of time on the training period).
    lanes = EtaModel.fit((journey(o) for o in train), rest_days=REST_DAYS)
    lane = []
    for o in test:
        eta = lanes.predict(o.lane, Stage.accepted, o.purchased_at, o.handed_off_at, LEVEL,
                            stage_entered_at=o.handed_off_at)
        assert eta is not None
        lane.append((eta.date, eta.earliest, eta.latest))
    strict_model = fit_predictor(train)
    strict = [strict_model.predict(o) for o in test]
    online = weekly(test, f"bought before {split.isoformat()} or delivered before the week",
                    lambda week: [o for o in orders if o.purchased_at < split or o.delivered_at < week],
                    data_dir)
    # Base and calibrated: every hand-off from 90 days before the split is predicted by the weekly model
    # fitted on what was delivered before its week, so the calibrator has a full window at the split.
    # (Weeks with too little delivered yet to fit on, early in the sample, are left out of the window.)
    delivered = sorted(o.delivered_at for o in orders)
    pool = [o for o in orders if o.handed_off_at >= split - CALIBRATION_WINDOW
            and bisect.bisect_left(delivered, _week_start(o.handed_off_at)) >= MIN_HISTORY]
    pool_base = weekly(pool, "delivered before the week", lambda week: [o for o in orders
                                                                      if o.delivered_at < week], data_dir)
    index = {id(o): i for i, o in enumerate(pool)}
    targets = [index[id(o)] for o in test]  # every test order's week has history enough
    base = [pool_base[i] for i in targets]
    calibrated_predictions = calibrated(pool, pool_base, targets)
    by_test_order = dict(zip(targets, calibrated_predictions, strict=True))
    calib = [by_test_order[index[id(o)]] for o in test]
    return Results(len(train), len(test), lanes.spread, {
        "lane": variant(lane, test),
        "strict": variant(strict, test),
        "online": variant(online, test),
        "base": variant(base, test),
        "calibrated": variant(calib, test),
    })


# --- goals --------------------------------------------------------------------------------------------

COVERAGE_GOAL = (0.78, 0.82)  # over the test
MONTH_COVERAGE_GOAL = (0.75, 0.85)  # in every calendar month of the test
MAE_RATIO_GOAL = 0.40  # of the promise's MAE, on the test


@dataclass(frozen=True, slots=True)
class Goal:
    name: str
    met: bool
    detail: str


def _per_month(v: Variant, figure: Callable[[Scores], str]) -> str:
    return "; ".join(f"{m} {figure(s)}" for m, s in v.months.items())


def goals(test: Results, validation: Results) -> list[Goal]:
    """The calibrated model against the goals, the un-calibrated (base) and previous (online) systems as
    references; every detail is given per calendar month too."""
    new, base, old = test.calibrated, test.base, test.online
    lo, hi = COVERAGE_GOAL
    mlo, mhi = MONTH_COVERAGE_GOAL
    vnew, vbase, vold = validation.calibrated, validation.base, validation.online
    cover = lambda s: f"{s.coverage:.1%}"  # noqa: E731
    return [
        Goal("test coverage 78-82%", lo <= new.overall.coverage <= hi,
             f"{new.overall.coverage:.1%} (un-calibrated {base.overall.coverage:.1%}, previous "
             f"{old.overall.coverage:.1%}); per month {_per_month(new, cover)}"),
        Goal("test coverage 75-85% in every month",
             all(mlo <= s.coverage <= mhi for s in new.months.values()),
             f"{_per_month(new, cover)} (un-calibrated {_per_month(base, cover)})"),
        Goal("test Winkler below the un-calibrated model's", new.overall.winkler < base.overall.winkler,
             f"{new.overall.winkler:.2f} vs {base.overall.winkler:.2f} d, width {new.overall.width:.2f} vs "
             f"{base.overall.width:.2f} d (previous {old.overall.winkler:.2f} d); per month "
             + "; ".join(f"{m} {s.winkler:.2f} vs {base.months[m].winkler:.2f} d (width {s.width:.2f})"
                         for m, s in new.months.items())),
        Goal("test Winkler below the previous system's", new.overall.winkler < old.overall.winkler,
             f"{new.overall.winkler:.2f} vs {old.overall.winkler:.2f} d (width {new.overall.width:.2f} "
             f"vs {old.overall.width:.2f} d)"),
        Goal("test MAE <= 0.40 of the promise's", new.overall.ratio <= MAE_RATIO_GOAL,
             f"{new.overall.ratio:.3f} (un-calibrated {base.overall.ratio:.3f}, previous "
             f"{old.overall.ratio:.3f}); per month {_per_month(new, lambda s: f'{s.ratio:.3f}')}"),
        Goal("validation MAE no worse than the un-calibrated model's",
             vnew.overall.ratio <= vbase.overall.ratio,
             f"ratio {vnew.overall.ratio:.4f} vs {vbase.overall.ratio:.4f} "
             f"(coverage {vnew.overall.coverage:.1%} vs {vbase.overall.coverage:.1%}); per month "
             + "; ".join(f"{m} {s.ratio:.3f} vs {vbase.months[m].ratio:.3f}"
                         for m, s in vnew.months.items())),
        Goal("validation MAE no worse than the previous system's", vnew.overall.ratio <= vold.overall.ratio,
             f"ratio {vnew.overall.ratio:.4f} vs {vold.overall.ratio:.4f} "
             f"(coverage {vnew.overall.coverage:.1%} vs {vold.overall.coverage:.1%}, "
             f"Winkler {vnew.overall.winkler:.2f} vs {vold.overall.winkler:.2f} d)"),
    ]


# --- report -------------------------------------------------------------------------------------------


def _line(name: str, s: Scores) -> str:
    return (f"{name:12s} {s.orders:5d}  MAE {s.mae_days:5.2f} d  ratio {s.ratio:.3f}"
            f"  cover {s.coverage:6.1%} (below {s.below:5.1%}, above {s.above:5.1%})"
            f"  Winkler {s.winkler:6.2f} d  width {s.width:5.2f} d")


def print_results(title: str, r: Results, names: Sequence[str] = VARIANTS) -> None:
    print(f"== {title}: train orders {r.train_orders}, test orders {r.test_orders} ==")
    for name in names:
        v = r.variants[name]
        print(_line(name, v.overall))
        for month, s in v.months.items():
            print(_line(f"  {month}", s))


def rolling(first: str, last: str) -> list[tuple[str, Results]]:
    """One evaluation per calendar month from `first` to `last` ("YYYY-MM"), each trained before it."""
    out = []
    month = datetime.strptime(first, "%Y-%m").replace(tzinfo=BRT)
    stop = datetime.strptime(last, "%Y-%m").replace(tzinfo=BRT)
    while month <= stop:
        following = (month + timedelta(days=32)).replace(day=1)
        out.append((month.strftime("%Y-%m"), evaluate(split=month, end=following)))
        month = following
    return out


def main() -> int:
    if not DATA_DIR.is_dir():
        print(f"missing {DATA_DIR}", file=sys.stderr)
        return 1
    args = sys.argv[1:]
    if "--months" in args:  # settings were chosen on this, over months before the test
        first, last = args[args.index("--months") + 1].split(":")
        for month, r in rolling(first, last):
            print_results(f"month {month}", r, ("online", "base", "calibrated"))
        return 0
    validation = evaluate(split=VALIDATION_SPLIT, end=SPLIT)
    print_results("VALIDATION: train < 2017-08-01, test Aug-Sep 2017", validation)
    if "--validate" in args:
        return 0
    test = evaluate()
    print_results("TEST: train < 2017-10-01, test Oct-Dec 2017", test)
    print("== goals (calibrated; un-calibrated = base, previous = online) ==")
    for g in goals(test, validation):
        print(f"{'met    ' if g.met else 'NOT MET'} {g.name}: {g.detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
