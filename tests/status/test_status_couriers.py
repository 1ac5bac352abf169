"""Chinese aggregator and courier code tables, and courier wording placed by stems."""

from __future__ import annotations

import pytest

from parceltrail.status import Subtag, Tag, classify


@pytest.mark.parametrize(
    ("carrier", "code", "expected"),
    [
        ("kuaidi100", "101", "InfoReceived_001"), ("kuaidi100", "103", "InTransit_002"),
        ("kuaidi100", "1001", "InTransit_003"), ("kuaidi100", "501", "AvailableForPickup_001"),
        ("kuaidi100", "301", "Delivered_003"), ("kuaidi100", "304", "Delivered_001"),
        ("kuaidi100", "4", "Exception_011"), ("kuaidi100", "6", "Exception_010"),
        ("kuaidi100", "14", "Exception_003"), ("kuaidi100", "13", "Exception_004"),
        ("kuaidi100", "12", "InTransit_005"), ("yunda", "GOT", "InTransit_002"),
        ("yunda", "departure", "InTransit_007"), ("yunda", "INBOUND", "AvailableForPickup_001"),
        ("yunda", "OUTBOUND", "Delivered_002"), ("yunda", "SIGNFAIL", "AttemptFail_001"),
        ("yundaex", "CLEARANCE_FAIL", "Exception_004"), ("韵达", "REJECTION", "Exception_003"),
    ],
)  # fmt: skip
def test_chinese_status_codes_place_the_event(carrier: str, code: str, expected: str) -> None:
    result = classify("", carrier=carrier, code=code)
    assert result.subtag == Subtag(expected), (carrier, code, result)
    assert result.rule is not None and result.rule.startswith("code:")


def test_coarse_aggregator_state_defers_to_the_trace_text() -> None:
    # State 3 says only "signed"; the text says it was left at a station, or who signed.
    text = "您的快件已存放至【小区南门驿站】，请凭取件码 8-2-1101 及时领取"
    assert classify(text, carrier="kuaidi100", code="3").subtag is Subtag.AvailableForPickup_001
    assert classify("", carrier="kuaidi100", code="3").subtag is Subtag.Delivered_001
    assert classify("", carrier="yunda", code="OTHER").tag is Tag.InTransit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Shop steps before a courier scan.
        ("商家安排发货", "InfoReceived_001"),
        ("您的订单正在处理，仓库待配货", "InfoReceived_001"),
        ("订单已经下单成功，等待商家发货", "InfoReceived_001"),
        # Hyphenated network-style steps (station - action - next station).
        ("浙江温州公司-已发往-浙江温州转运中心", "InTransit_007"),
        ("已到达-江苏无锡转运中心", "InTransit_003"),
        ("江苏无锡新区公司-小李(***)-派件中", "OutForDelivery_001"),
        ("快件已暂存至无锡新区花园店菜鸟驿站，如有疑问请联系***", "AvailableForPickup_001"),
        ("已签收，签收人凭取货码签收。", "Delivered_002"),
        # A courier's scan after the shop's notice is the acceptance.
        ("商家已通知快递，快递员已揽收", "InTransit_002"),
        # A station taking the parcel in with a pickup code is not yet the recipient's collection.
        ("您的快件已由【小区快递柜】代收，取件码：***", "AvailableForPickup_001"),
        ("收件人拒收", "Exception_003"),
        ("【代收点】您的快件已签收，签收人在【***驿站】领取", "Delivered_002"),
        ("快件已被收件人取出", "Delivered_002"),
        # JD-style station and closing steps.
        ("您的包裹已分配，等待配送", "InTransit_001"),
        ("您的订单在【上海嘉定站】验货完成，正在分配配送员", "InTransit_001"),
        ("配送员【***】已出发，请保持电话畅通", "OutForDelivery_001"),
        ("包裹已交付京东物流", "InTransit_002"),
        ("您的订单在【上海嘉定分拣中心】发货完成，准备送往【上海浦东站】", "InTransit_007"),
        ("感谢您在京东购物，欢迎再次光临！", "Delivered_001"),
        ("快件已退回，寄件人已签收", "Exception_011"),
    ],
)  # fmt: skip
def test_chinese_courier_steps(text: str, expected: str) -> None:
    assert classify(text).subtag == Subtag(expected), (text, classify(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "одержання" (receipt) names where the parcel goes, not that it was received.
        ("Відправлення прямує в місто одержання", "InTransit_001"),
        ("Посилка у місті одержання", "InTransit_001"),
        ("Відправлення на відділенні в місті одержання", "AvailableForPickup_001"),
        ("Відправлення одержано", "Delivered_001"),
        ("Посилку одержав адресат", "Delivered_001"),
    ],
)  # fmt: skip
def test_ukrainian_receipt_city_is_not_a_delivery(text: str, expected: str) -> None:
    assert classify(text).subtag == Subtag(expected), (text, classify(text))


@pytest.mark.parametrize("text", ["우편함 배달", "우편수취함에 배달하였습니다", "우편함에 넣었습니다"])
def test_korean_mailbox_delivery(text: str) -> None:
    assert classify(text).subtag is Subtag.Delivered_001, (text, classify(text))


def test_ukrposhta_event_groups_defer_to_the_event_name() -> None:
    assert classify("", carrier="ukrposhta", code="41000").subtag is Subtag.Delivered_001
    assert classify("", carrier="ukrposhta", code="31300").tag is Tag.AttemptFail
    # The group says "at a facility"; the event name says the parcel waits at the branch.
    waiting = classify("Надійшло у відділення", carrier="ukrposhta", code="21700")
    assert waiting.subtag is Subtag.AvailableForPickup_001


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本日お届けのため、担当ドライバーが持ち出し済みです", "OutForDelivery_001"),
        ("配達のため持ち出しました", "OutForDelivery_001"),
        ("お届け予定日時を変更しました", "OutForDelivery_004"),
        ("配達予定日指定", "OutForDelivery_004"),
        ("고객님께서 상품을 수령하셨습니다", "Delivered_001"),
    ],
)  # fmt: skip
def test_japanese_and_korean_verb_forms(text: str, expected: str) -> None:
    assert classify(text).subtag == Subtag(expected), (text, classify(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Locative: the parcel sits at the pickup point or locker.
        ("Посылка в пункте выдачи", "AvailableForPickup_001"),
        ("Заказ находится в постамате", "AvailableForPickup_001"),
        # Handed out or received there: collected.
        ("Посылка выдана в пункте выдачи", "Delivered_002"),
        # Still on its way to the pickup point.
        ("Передано курьеру для доставки в ПВЗ", "InTransit_001"),
        ("Выдан на доставку в городе-получателе", "OutForDelivery_001"),
    ],
)  # fmt: skip
def test_russian_pickup_point_cases(text: str, expected: str) -> None:
    assert classify(text).subtag == Subtag(expected), (text, classify(text))
