"""Negation, branch hand-out, delays and bare status nouns in the non-Latin-script rules.

The sentences are our own (none is a row of `benchmarks/data/multilang_events.tsv`, and the fallback
model is not trained on them): other word orders, inflections and carriers' styles than the rows the
rules were corrected from, so they check that a concept is recognised rather than one sentence.
"""

from __future__ import annotations

import pytest

from parceltrail.status import classify

# (lang, text, expected subtag)
FORMS: list[tuple[str, str, str]] = [
    # negated delivery is never the delivery
    ("zh", "快件未能派送", "AttemptFail_001"),
    ("zh", "今日无法投递，明日再派", "AttemptFail_001"),
    ("zh", "配送未成功", "AttemptFail_001"),
    ("zh", "包裹未能送达", "AttemptFail_001"),
    ("ko", "고객님의 택배가 배달 미완료 처리되었습니다", "AttemptFail_001"),
    ("ko", "상품을 배송하지 못했습니다", "AttemptFail_001"),
    ("ko", "우편물이 전달되지 않았습니다", "AttemptFail_001"),
    ("fa", "مرسوله تحویل داده نشد", "AttemptFail_001"),
    ("fa", "بسته تحویل گیرنده نشد", "AttemptFail_001"),
    ("ar", "الشحنة لم يتم شحنها بعد", "InfoReceived_001"),
    ("ar", "لم تشحن الطلبية", "InfoReceived_001"),
    # ... while the positive forms stay delivered / picked up
    ("fa", "مرسوله تحویل داده شد", "Delivered_001"),
    ("ar", "تم شحن الطلب", "InTransit_002"),
    ("ar", "المندوب استلم الطلبية", "InTransit_002"),
    # handed over to the sender is the return completed, not a delivery
    ("ar", "سُلّمت الشحنة إلى الشاحن", "Exception_011"),
    ("ar", "تم تسليمها للبائع", "Exception_011"),
    ("ja", "お荷物のお届けは済んでおります", "Delivered_001"),
    ("ja", "配達が完了いたしました", "Delivered_001"),
    # uk/ru: handed out at a branch named after the town is collected; arrived there waits for pickup
    ("uk", "Відправлення видано у м. Одеса, відділення № 12", "Delivered_002"),
    ("uk", "Посилку видано", "Delivered_002"),
    ("uk", "Відправлення прибуло в м. Харків, поштомат 5501", "AvailableForPickup_001"),
    ("ru", "Посылка прибыла в г. Самара, пункт выдачи заказов", "AvailableForPickup_001"),
    ("ru", "Заказ прибыл в г. Тверь, постамат 17", "AvailableForPickup_001"),
    # delays: a held parcel, weather, and a parcel the carrier cannot find
    ("uk", "Посилку затримано", "Exception_005"),
    ("uk", "Доставку затримано через негоду", "Exception_017"),
    ("uk", "Затримка доставки: погодні умови", "Exception_017"),
    ("ru", "Заказ задержан", "Exception_005"),
    ("ru", "Отправление не удалось найти", "Exception_013"),
    ("ru", "Посылку не удаётся обнаружить на складе", "Exception_013"),
    ("el", "Η αποστολή κρατείται στο κατάστημα", "Exception_001"),
    ("el", "Κράτηση", "Exception_001"),
    ("el", "Παράδοση", "Delivered_001"),
    ("el", "ΕΠΙΔΟΣΗ.", "Delivered_001"),
    # marketing-style notices where the concept is clear
    ("ru", "Ваш заказ доставлен!", "Delivered_001"),
    ("ru", "Курьер уже направляется к вам", "OutForDelivery_001"),
    # notices without a stage, or a status the carrier does not know
    ("ar", "هناك مشكلة في الشحنة", "Exception_001"),
    ("ar", "حالة الشحنة غير متوفرة", "Pending_001"),
    ("ja", "お問い合わせ番号に間違いがあります", "Pending_004"),
    ("ja", "輸送方法を航空便に変更しました", "InTransit_001"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FORMS)
def test_concept_recognised(lang: str, text: str, expected: str) -> None:
    got = classify(text, lang=lang)
    assert got.subtag is not None and got.subtag.value == expected, (text, got)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "快件未能派送"),
        ("ko", "배송 미완료"),
        ("fa", "تحویل داده نشد"),
        ("ja", "お届けが完了しておりません"),
        ("uk", "Відправлення не видано"),
        ("el", "Δεν παραδόθηκε"),
    ],
)
def test_negated_delivery_is_not_delivered(lang: str, text: str) -> None:
    assert classify(text, lang=lang).tag is None or classify(text, lang=lang).tag.value != "Delivered"
