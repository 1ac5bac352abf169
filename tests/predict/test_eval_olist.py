"""The ETA evaluation on real Olist deliveries (benchmarks/eval_eta.py), run from the shared files.

Fails (never skips) when the data is missing. The goals are asserted on the **online** variant, the one
the system runs (the lane model and its refiner are refitted from deliveries as they arrive; nothing
delivered after the hand-off being predicted is used). The issue's goals (MAE <= 1/3 of the promise's
MAE, coverage 75-85%) are recorded as strict xfails: not reached honestly on this split (see
docs/benchmarks.md); if a change reaches them, the xfail turns into a failure to be promoted.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_eta.py"


def _load():
    spec = importlib.util.spec_from_file_location("eval_eta", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_eta"] = module
    spec.loader.exec_module(module)
    return module


eval_eta = _load()


@pytest.fixture(scope="module")
def results():
    assert eval_eta.DATA_DIR.is_dir(), f"missing evaluation data: {eval_eta.DATA_DIR}"
    return eval_eta.evaluate()


def test_split_sizes(results):
    assert results.train_orders > 5000
    assert results.test_orders > 3500


def test_headline_is_the_online_variant(results):
    assert (results.mae_days, results.coverage) == (results.online.mae_days, results.online.coverage)


def test_eta_is_far_better_than_the_promise(results):
    # Regression guards on the honest figures: lane 5.04 d / 74.2%, strict 4.92 d / 71.0%,
    # online 4.79 d / 70.8%, promise 11.75 d.
    assert results.ratio_of(results.lane) <= 0.44
    assert results.ratio_of(results.strict) <= 0.425
    assert results.ratio <= 0.415
    assert results.online.mae_days < results.strict.mae_days < results.lane.mae_days
    assert abs(results.coverage - 0.80) <= 0.11
    assert abs(results.strict.coverage - 0.80) <= 0.11


GOAL_MISSED = ("not reached honestly: the Nov-Dec 2017 peak is slower than anything learnable before it; "
               "even a model fitted on the test orders themselves (with an oracle for the hand-off week) "
               "scores 4.38 d > 11.75/3 = 3.92 d. Met on the Aug-Sep 2017 validation: ratio 0.26, 80.8%")


@pytest.mark.xfail(strict=True, reason=GOAL_MISSED)
def test_goal_mae_one_third_of_promise(results):
    assert results.ratio <= 1 / 3


@pytest.mark.xfail(strict=True, reason=GOAL_MISSED)
def test_goal_coverage_within_five_points(results):
    assert abs(results.coverage - 0.80) <= 0.05
