"""Concepts of the non-Latin-script rules read by stem and word order (ru, uk, he, ar, ko, ja, zh).

The sentences in `FORMS` are our own, in other inflections, word orders and carriers' styles than the
gathered rows of `benchmarks/data/multilang_events.tsv` (none of them is a row there, and the fallback
model is not trained on them): they check that a concept is recognised, not the sentence a rule was
written from.
"""

from __future__ import annotations

import pytest

from parceltrail.status import classify

# (lang, text, expected subtag)
FORMS: list[tuple[str, str, str]] = [
    # ru/uk: a return outranks the cause it states, whichever comes first
    ("ru", "Возврат: Адресат выбыл", "Exception_010"),
    ("ru", "Отказ получателя, отправление возвращается", "Exception_010"),
    ("ru", "Неверный адрес, возврат отправителю", "Exception_010"),
    ("ru", "Истек срок хранения, возвращаем отправителю", "Exception_010"),
    ("uk", "Повернення: закінчився термін зберігання", "Exception_010"),
    ("uk", "Відмова адресата, посилку повернуто", "Exception_010"),
    ("uk", "Адресат не проживає за вказаною адресою", "Exception_002"),
    # ru: back at the destination's delivery depot after a failed round
    ("ru", "Посылка возвращена на склад доставки после неудачной попытки", "AttemptFail_001"),
    ("ru", "Заказ возвращен в пункт доставки", "AttemptFail_001"),
    # ru: a locker filled by the carrier waits; taken out by the customer is collected
    ("ru", "Посылка заложена в почтомат", "AvailableForPickup_001"),
    ("ru", "Заказ заложен в ячейку постамата", "AvailableForPickup_001"),
    ("ru", "Отправление изъято из почтомата получателем", "Delivered_002"),
    ("ru", "Изъято из постамата курьером: истек срок хранения", "Exception_008"),
    ("ru", "Письмо поступило до востребования", "AvailableForPickup_001"),
    ("ru", "Посылка утилизирована", "Exception_021"),
    ("uk", "Відправлення утилізовано після закінчення зберігання", "Exception_021"),
    # he: shipment data received, with the courier, destination country, waiting for you (both genders)
    ("he", "התקבלו פרטי המשלוח מהשולח", "InfoReceived_001"),
    ("he", "נתוני החבילה נקלטו במערכת", "InfoReceived_001"),
    ("he", "החבילה אצל השליח", "OutForDelivery_001"),
    ("he", "המשלוח הגיע למדינת היעד", "InTransit_004"),
    ("he", "החבילה ממתינה לאיסוף בנקודת החלוקה", "AvailableForPickup_001"),
    ("he", "החבילה מחכה לך בלוקר", "AvailableForPickup_001"),
    # ar: a courier assigned to collect comes before the pickup; to deliver it is the last mile
    ("ar", "تم تعيين المندوب لاستلام الشحنة", "InfoReceived_001"),
    ("ar", "الشحنة مع المندوب", "OutForDelivery_001"),
    ("ar", "استلم المندوب الطرد من المتجر", "InTransit_002"),
    ("ar", "السائق في حيك الآن", "OutForDelivery_001"),
    # ko: honorific past of receiving, the delivery person, waybill issued, nothing on record
    ("ko", "고객님께서 상품을 수령하셨습니다", "Delivered_001"),
    ("ko", "택배를 받으셨습니다", "Delivered_001"),
    ("ko", "배달원이 배달 출발하였습니다", "OutForDelivery_001"),
    ("ko", "운송장이 출력되었습니다", "InfoReceived_001"),
    ("ko", "송장을 발행했습니다", "InfoReceived_001"),
    ("ko", "조회된 정보가 없습니다", "Pending_001"),
    ("ko", "등록된 내역이 없습니다", "Pending_001"),
    # zh: a station's pickup notice still waits; a collection names who took it
    ("zh", "您的快件已到菜鸟驿站，已发送取件通知，请及时领取", "AvailableForPickup_001"),
    ("zh", "快递已到达代收点，请上门自提", "AvailableForPickup_001"),
    ("zh", "您的包裹已被收件人从快递柜取出", "Delivered_002"),
    # ja/ko: the head comes last, so "<cause>のため返送" / "<cause>으로 반송" is a return with its reason
    ("ja", "保管期間経過のため返送", "Exception_010"),
    ("ko", "주소 불명으로 반송", "Exception_010"),
    # ja: honorific passive of receiving, waybill issued (with particle), nothing on record (topic particle)
    ("ja", "お荷物を受け取られました", "Delivered_001"),
    ("ja", "送り状が発行されました", "InfoReceived_001"),
    ("ja", "該当する情報はありません", "Pending_001"),
    # ko: object particle between noun and verb of refusing
    ("ko", "수취인이 수령을 거부하였습니다", "Exception_003"),
    # ru/uk: the courier found nobody; the customer took it out of the locker (and the negative is not)
    ("ru", "Курьер не застал получателя дома", "AttemptFail_002"),
    ("ru", "Получатель забрал посылку из постамата", "Delivered_002"),
    ("ru", "Покупатель не забрал заказ из пункта выдачи", "Exception_008"),
    ("uk", "Отримувач забрав посилку з поштомату", "Delivered_002"),
    ("uk", "Посилку не забрали з відділення", "Exception_008"),
    # he: verbs agree with a feminine parcel ("החבילה")
    ("he", "החבילה יצאה לחלוקה", "OutForDelivery_001"),
    ("he", "החבילה עוכבה במכס", "Exception_004"),
    # ko: subject particle after the address; zh: passive marker before "signed"
    ("ko", "배송지 주소가 잘못되었습니다", "Exception_007"),
    ("zh", "快件已被签收，如有疑问请联系快递员***", "Delivered_001"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), FORMS, ids=[f"{lg}:{t[:30]}" for lg, t, _ in FORMS])
def test_concept_recognised_by_stem(lang: str, text: str, expected: str) -> None:
    result = classify(text, lang=lang)
    assert result.classified, text
    assert str(result.subtag) == expected, (text, result.rule)
