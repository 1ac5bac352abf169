from __future__ import annotations

import pytest

from parceltrail.status import (
    PROGRESS_STEPS,
    SUBTAGS,
    CustomsState,
    Subtag,
    Tag,
    customs_state,
    default_subtag,
    from_17track,
    is_customs,
    is_terminal,
    progress_rank,
    subtags_of,
    tag_of,
    to_17track,
)
from parceltrail.status.taxonomy import TRACK17_MAIN_STATUSES, TRACK17_SUB_STATUSES


def test_every_tag_has_a_default_001_subtag() -> None:
    for tag in Tag:
        assert default_subtag(tag) == f"{tag}_001"
        assert subtags_of(tag)[0] == default_subtag(tag)


def test_subtag_list_matches_aftership_2026_07() -> None:
    assert len(subtags_of(Tag.InTransit)) == 9
    assert Subtag.Exception_013 in SUBTAGS and Subtag.Exception_021 in SUBTAGS
    assert "Exception_014" not in {s.value for s in SUBTAGS}
    assert tag_of("InTransit_004") is Tag.InTransit
    assert SUBTAGS[Subtag.InTransit_005].name == "Customs clearance completed"
    with pytest.raises(ValueError):
        tag_of("InTransit_099")


def test_terminal_statuses() -> None:
    assert is_terminal(Tag.Delivered) and is_terminal("Delivered_003") and is_terminal(Tag.Expired)
    assert is_terminal("Exception_011") and is_terminal("Exception_020") and is_terminal("Exception_021")
    assert not is_terminal("Exception_010") and not is_terminal("Exception_013")
    assert not is_terminal(Tag.Exception) and not is_terminal("InTransit_001")


def test_customs_notion() -> None:
    assert is_customs("InTransit_006") and is_customs("Exception_004") and is_customs("Exception_018")
    assert not is_customs("InTransit_005") and not is_customs("InTransit_004")
    assert customs_state("InTransit_005") is CustomsState.released
    assert customs_state("Exception_004") is CustomsState.held
    assert customs_state("Delivered_001") is None


def test_progress_rank_orders_the_happy_path() -> None:
    path = ["Pending_001", "InfoReceived_001", "InTransit_002", "OutForDelivery_001", "Delivered_001"]
    ranks = [progress_rank(s) for s in path]
    assert ranks == sorted(ranks) == list(range(PROGRESS_STEPS))
    assert progress_rank(Tag.AvailableForPickup) == progress_rank(Tag.OutForDelivery)
    assert all(0 <= progress_rank(s) < PROGRESS_STEPS for s in SUBTAGS)


def test_17track_mapping_covers_every_subtag_and_round_trips_the_tag() -> None:
    for subtag in SUBTAGS:
        main, sub = to_17track(subtag)
        assert main in TRACK17_MAIN_STATUSES and sub in TRACK17_SUB_STATUSES
        tag, back = from_17track(main, sub)
        assert back.tag is tag
        # Two subtags are filed under another 17TRACK main status on purpose.
        if subtag not in (Subtag.Exception_007, Subtag.Exception_018):
            assert tag is subtag.tag


def test_from_17track_known_pairs_and_fallbacks() -> None:
    assert from_17track("InTransit", "InTransit_CustomsReleased") == (Tag.InTransit, Subtag.InTransit_005)
    assert from_17track("Exception", "Exception_Returned") == (Tag.Exception, Subtag.Exception_011)
    assert from_17track("DeliveryFailure", "DeliveryFailure_NoBody") == (
        Tag.AttemptFail,
        Subtag.AttemptFail_002,
    )
    assert from_17track("NotFound") == (Tag.Pending, Subtag.Pending_001)
    assert from_17track("Delivered", "Exception_Lost") == (
        Tag.Delivered,
        Subtag.Delivered_001,
    )  # mismatched sub
    with pytest.raises(ValueError):
        from_17track("Teleported", None)
