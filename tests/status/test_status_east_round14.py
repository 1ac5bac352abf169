"""Russian, Ukrainian, Hebrew, Arabic, Chinese, Japanese and Korean concepts from carrier wording (CDEK,
Russian Post, Belpost, Nova Poshta, Israel Post, HFD, SF, ZTO, Sagawa forwarders, Logen):

* ru: a note that a status is no return ("не означает возврат") denies the return; brought back to one of
  the carrier's warehouses (transit, the sender's city) is the arrival there; no delivery made to that
  address at all is outside the service area (C17); the addressee or address left out or given wrongly is
  a bad address (C15); the order's data incorrect is a generic exception; customs duties being processed
  hold the parcel for payment; seized by the customs is a customs hold; the customs clearance finished,
  verb first, is the release; annulled is cancelled; the sender's handover awaited (as a noun) is
  pre-transit (C13); waiting for the client's collection is the pickup; taken "к перевозке" or paid for at
  the counter is the acceptance; ready to be sent, taken into processing or made up at a sorting centre is
  processing (C7); unloading is the arrival; the door delivery being carried out is the round;
* uk: a "return delivery" arranged with the receipt is Nova Poshta's reverse shipment, not a return;
* he: a label created and "waiting for pickup" is pre-transit; waiting at a pickup point or a shop Israel
  Post names "(בית עסק)" is the pickup (C5); a sorting centre as a bare location is the arrival (C12);
  routed on is handling (C7); signed "ע״י" (gershayim) the recipient is a signed delivery;
* ar: brought back to the carrier's branch or warehouse with no sender named is the failed attempt (C10);
  held at a facility with no cause is a generic exception; being processed or sorted is handling (C7);
  loaded onto a truck is on the way; a delivery company assigned is pre-transit;
* zh: SF's agent acceptance ("代理收件") is the acceptance; the courier cancelling a locker delivery and
  taking the parcel out keeps it moving; taken out and signed for is the collection (C6); SF's
  convenience-store handover and "顺丰店/站" arrival wait for pickup (C5), sent on towards one is a forward
  to a pickup location;
* ja: shipping being prepared is the sender's step (C13); Japan with an airport code is the destination
  country;
* ko: the collected parcel taken into the depot ("집하입고") is the arrival there (C11).

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # ru: a return denied by a note; a real return still reads as one
    ("ru", "Оформлен приход на склад. Примечание: статус не означает возврат груза", "InTransit_003"),
    ("ru", "Посылка возвращается отправителю", "Exception_010"),
    # ru: brought back to the carrier's own warehouse
    ("ru", "Посылка возвращена на склад транзита в Казани", "InTransit_003"),
    ("ru", "Груз возвращен на склад города-отправителя", "InTransit_003"),
    ("ru", "Заказ возвращен в интернет-магазин", "Exception_011"),
    # ru: outside the service area (C17); a delivery that did not happen stays the failed attempt
    ("ru", "Курьерская доставка в ваш населенный пункт не осуществляется", "Exception_001"),
    ("ru", "Адрес находится вне зоны доставки", "Exception_001"),
    ("ru", "Доставка не состоялась", "AttemptFail_001"),
    # ru: the addressee or address left out or wrong (C15)
    ("ru", "Получатель не указан", "Exception_007"),
    ("ru", "Адрес указан неверно, требуется уточнение", "Exception_007"),
    # ru: the order's data incorrect
    ("ru", "Некорректные данные отправления", "Exception_001"),
    ("ru", "Накладная содержит ошибочные сведения", "Exception_001"),
    # ru: customs duties processed, seized by customs, clearance finished (and not finished)
    ("ru", "Начисление таможенных пошлин", "Exception_006"),
    ("ru", "Отправление изъято таможней", "Exception_004"),
    ("ru", "Завершен таможенный контроль", "InTransit_005"),
    ("ru", "Не завершено таможенное оформление", "InTransit_006"),
    # ru: annulled
    ("ru", "Заказ аннулирован отправителем", "Exception_020"),
    ("ru", "Накладная аннулирована", "Exception_020"),
    # ru: the sender's handover awaited (C13)
    ("ru", "Ожидается сдача посылки отправителем", "InfoReceived_001"),
    ("ru", "Ожидаем передачу заказа от продавца", "InfoReceived_001"),
    # ru: waiting for the client's collection (C5)
    ("ru", "Посылка ожидает забора получателем в офисе", "AvailableForPickup_001"),
    ("ru", "Заказ ожидает самовывоза покупателем", "AvailableForPickup_001"),
    # ru: taken for carriage or paid for at the counter
    ("ru", "Груз принят к доставке", "InTransit_002"),
    ("ru", "Оплачено в отделении связи", "InTransit_002"),
    # ru: ready to leave, into processing, made up at a sorting centre (C7)
    ("ru", "Посылка готова к отгрузке", "InTransit_001"),
    ("ru", "Отправление передано в обработку", "InTransit_001"),
    ("ru", "Формируется на сортировочном пункте", "InTransit_001"),
    # ru: unloading; the door delivery under way
    ("ru", "Машина разгружена на терминале", "InTransit_003"),
    ("ru", "Осуществляется курьерская доставка", "OutForDelivery_001"),
    ("ru", "Курьерская доставка выполняется сегодня", "OutForDelivery_001"),
    # uk: the reverse shipment arranged with the receipt; a return stays one
    ("uk", "Одержано, оформлено зворотну доставку грошей", "Delivered_001"),
    ("uk", "Посилку отримано, зворотну доставку оформлено", "Delivered_001"),
    ("uk", "Відправлення повертається відправнику", "Exception_010"),
    # he: a label created and waiting for pickup (C13); waiting at a pickup point or shop (C5)
    ("he", "מדבקת משלוח נוצרה, ממתינה לאיסוף השליח", "InfoReceived_001"),
    ("he", "החבילה ממתינה בנקודת החלוקה הקרובה", "AvailableForPickup_001"),
    ("he", "המשלוח ממתין במכולת השכונה (בית עסק) לאיסוף", "AvailableForPickup_001"),
    ("he", "ממתין לאיסוף בסניף", "AvailableForPickup_001"),
    # he: a sorting centre as a bare location (C12); sorted there is the handling; routed on
    ("he", "החבילה במרכז המיון בחולון", "InTransit_003"),
    ("he", "מוינה במרכז המיון", "InTransit_001"),
    ("he", "המשלוח נותב למרכז ההפצה", "InTransit_001"),
    # he: signed by the recipient, gershayim or quote
    ("he", "החבילה נמסרה ונחתמה ע״י הנמענת", "Delivered_003"),
    ("he", 'נחתם ע"י הנמען בכניסה', "Delivered_003"),
    # ar: brought back to the carrier's branch (C10); to the sender's branch it is the return
    ("ar", "تمت اعادة الطرد الى المستودع", "AttemptFail_001"),
    ("ar", "رجعت الشحنة الى الفرع", "AttemptFail_001"),
    ("ar", "تم ارجاع الشحنة الى فرع التاجر", "Exception_010"),
    # ar: held at a facility with no cause; held by customs is the customs hold
    ("ar", "الشحنة محتجزة في المستودع", "Exception_001"),
    ("ar", "تم احتجاز الطرد", "Exception_001"),
    ("ar", "الشحنة محتجزة لدى الجمارك", "Exception_004"),
    # ar: processed or sorted (C7); loaded onto a vehicle; a delivery company assigned
    ("ar", "جاري فرز الشحنة في المستودع", "InTransit_001"),
    ("ar", "تمت معالجة الطرد في مركز التوزيع", "InTransit_001"),
    ("ar", "تم تحميل الطرد في السيارة", "InTransit_001"),
    ("ar", "تم اختيار شركة الشحن", "InfoReceived_001"),
    # zh: SF's agent acceptance
    ("zh", "顺丰代理收件，快件已揽收", "InTransit_002"),
    ("zh", "代理收件成功", "InTransit_002"),
    # zh: the courier cancelling a locker delivery; the recipient taking it out is the collection
    ("zh", "派件员取消投柜并将包裹取出", "InTransit_001"),
    ("zh", "您的包裹已在丰巢取出签收", "Delivered_002"),
    ("zh", "快件已在驿站取出签收，感谢使用", "Delivered_002"),
    # zh: SF's convenience-store network (C5) and sent on towards it
    ("zh", "快件已到达顺丰店/站，请凭取件码取件", "AvailableForPickup_001"),
    ("zh", "便利店交接完成", "AvailableForPickup_001"),
    ("zh", "快件正转往顺丰店/站", "InTransit_009"),
    # ja: shipping being prepared (C13); the delivery prepared at the branch is in transit
    ("ja", "商品の配送準備をしております", "InfoReceived_001"),
    ("ja", "配達準備中です", "InTransit_001"),
    # ja: Japan with an airport code
    ("ja", "日本(NRT)到着", "InTransit_004"),
    ("ja", "日本(HND)に到着しました", "InTransit_004"),
    # ko: collected and taken into the depot (C11); the collection itself is the acceptance
    ("ko", "집하 입고 완료", "InTransit_003"),
    ("ko", "집화입고", "InTransit_003"),
    ("ko", "집하 완료", "InTransit_002"),
    # ru: a carrier taking it over on the way (Russian Post operation and attribute) is not the posting
    ("ru", "Обработка перевозчиком: Принято к перевозке в Казани", "InTransit_001"),
]

test_read_alone = read_alone_check(CASES)
test_read_by_rules = read_by_rules_check(CASES)
