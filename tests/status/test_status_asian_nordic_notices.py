"""Pre-advice, pickup-counter, delivery-tonight, handover-to-a-partner, no-access and
depot-scan concepts in Chinese, Japanese and the Scandinavian languages.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv`, written for the concepts
whose wording the rules had missed: data or a notice about the parcel received (the pre-advice) as against the
parcel itself, a negated receipt ("no parcel received yet, only the notice"), arriving at a post office or
pickup counter, a delivery announced for tonight with the driver calling ahead, a parcel sent on after it was
handed in (routing, not a redirection), a door or building the driver could not access, a handover to a
partner carrier or the post office for the last leg, the delivery being prepared at the branch, a Chinese
signer's name set apart with spaces, and the depot's scan steps (weighing, loading, bagging) with a parcel
about to leave.
"""

from __future__ import annotations

import pytest

from tests.status.sentences import assert_read_alone, assert_read_by_rules

# (lang, text, expected subtag)
FORMS: list[tuple[str, str, str]] = [
    # data about the parcel received = pre-advice; the parcel itself received = acceptance
    ("da", "Vi har modtaget oplysninger om din forsendelse", "InfoReceived_001"),
    ("da", "GLS har modtaget data fra afsenderen", "InfoReceived_001"),
    ("da", "Data om pakken er modtaget", "InfoReceived_001"),
    ("da", "Vi har modtaget din pakke", "InTransit_002"),
    ("sv", "Vi har tagit emot data om försändelsen", "InfoReceived_001"),
    ("no", "Bring har mottatt data om sendingen", "InfoReceived_001"),
    # a negated receipt: nothing physical yet, only the notice
    ("no", "Sendingen er ennå ikke mottatt", "InfoReceived_001"),
    ("no", "Pakken er ikke innlevert ennå", "InfoReceived_001"),
    ("no", "Ingen pakke har kommet inn, kun elektronisk melding om den", "InfoReceived_001"),
    ("no", "Vi har kun fått melding om sendingen", "InfoReceived_001"),
    ("no", "Sendingen er mottatt", "InTransit_002"),
    # arriving at a post office or pickup counter = waiting for the recipient
    ("no", "Pakken har ankommet postkontoret", "AvailableForPickup_001"),
    ("no", "Sendingen er ankommet til utleveringsstedet", "AvailableForPickup_001"),
    ("no", "Sendingen er ankommet Posten Storgata postkontor", "AvailableForPickup_001"),
    ("da", "Pakken er ankommet til posthuset", "AvailableForPickup_001"),
    ("no", "Sendingen er ankommet terminal", "InTransit_003"),
    # delivery announced for later today: the round under way
    ("no", "Sendingen vil bli levert hjem til deg i kveld", "OutForDelivery_001"),
    ("no", "Levering i kveld mellom 17 og 21", "OutForDelivery_001"),
    ("no", "Sjåføren vil ringe deg 30 minutter før levering", "OutForDelivery_001"),
    ("no", "Pakken leveres hjem til deg i ettermiddag", "OutForDelivery_001"),
    # sent on after a handover or a facility's receipt: routing, not a redirection
    ("no", "Pakken er innlevert og videresendt", "InTransit_002"),
    ("no", "Sendingen er mottatt på terminalen og videresendt", "InTransit_003"),
    ("no", "Sendingen er videresendt til ny adresse", "InTransit_009"),
    # the driver could not access the address or building
    ("ja", "配達先に立ち入りできませんでした", "AttemptFail_001"),
    ("ja", "お届け先へのアクセスができませんでした", "AttemptFail_001"),
    ("ja", "建物に入館不可", "AttemptFail_001"),
    ("ja", "敷地内に進入不可のため持ち戻り", "AttemptFail_001"),
    # handed over to a partner carrier or the post office for the last leg
    ("ja", "日本郵便へ引渡し", "InTransit_001"),
    ("ja", "委託先へ引き渡しました", "InTransit_001"),
    ("ja", "提携会社に引継ぎ", "InTransit_001"),
    ("ja", "お客様引渡完了", "Delivered_001"),
    # the delivery being prepared at the branch
    ("ja", "お届けの準備中です", "InTransit_001"),
    ("ja", "配達準備をしています", "InTransit_001"),
    ("ja", "配達の準備が整いました", "InTransit_001"),
    # a signer's name set apart with spaces
    ("zh", "您的快件已被 本人签收", "Delivered_003"),
    ("zh", "快件已被 本人 簽收", "Delivered_003"),
    ("zh", "快件已被 门卫 签收", "Delivered_001"),
    ("zh", "快件已被 家人 签收", "Delivered_001"),
    # depot scan steps and a parcel about to leave: processing; a stated departure still departs
    ("zh", "快件在【杭州中转场】进行称重", "InTransit_001"),
    ("zh", "[浙江杭州分拨中心]进行装袋扫描", "InTransit_001"),
    ("zh", "已进行建包扫描", "InTransit_001"),
    ("zh", "快件即将发往【北京转运中心】", "InTransit_001"),
    ("zh", "快件已离开【杭州中转场】，即将发往【北京】", "InTransit_007"),
    ("zh", "进行发件扫描，即将发往：北京分拨中心", "InTransit_007"),
    ("zh", "[浙江杭州分拨中心]已进行装车扫描", "InTransit_001"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FORMS)
def test_concept_is_read_by_the_rules(lang: str, text: str, expected: str) -> None:
    assert_read_by_rules(lang, text, expected)


@pytest.mark.parametrize(("lang", "text", "expected"), FORMS)
def test_concept_is_read_alone(lang: str, text: str, expected: str) -> None:
    assert_read_alone(lang, text, expected)
