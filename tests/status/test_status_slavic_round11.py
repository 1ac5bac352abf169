"""Russian, Ukrainian, Polish and Czech/Slovak concepts from carrier wording (CDEK, Russian Post, Nova
Poshta, InPost, DHL Parcel PL, Česká pošta, Packeta, Slovenská pošta), round eleven:

* ru: an order turned away at acceptance ("не должен выполняться", "при приемке от отправителя") is the
  rejection (C4), with an address outside the delivery area as its reason the generic exception (C17);
* ru: an arrival booked again on the way is an arrival scan even when the cargo came back to a warehouse;
  the failure to hand the parcel on to the carrier, or technical reasons as the whole status, a network
  problem;
* ru/pl: the return completed, or the return already with the seller, is back with the sender (C3);
* ru/uk/pl/cs: the sender withdrawing the shipment, a label that expired unused, "storno" are the
  cancellation; storage cancelled is the lapse;
* ru: seized items and packing unfit for carriage are rejected; the flight that did not leave is a flight
  problem; a payment question holds the parcel; a loss named by its noun is lost; attempts used up or a
  customer's debt is a generic exception;
* ru: "Отказ" with its reason, refused at the attempt or when arranged, refused to pay the cash on delivery is
  the refusal; turning the courier down to collect it in person is the failed attempt;
* ru/uk: the attempt or the delivery that did not happen is a failed attempt;
* ru: taken in for carriage or in the sender's city is the acceptance; a registered dispatch departs, a
  registered meeting arrives; on its way to a sorting centre is in transit; handed to the courier after an
  agreed time is the delivery run; the delivery details clarified is the customer contacted;
* ru: arrived at the office that hands it out is waiting for pickup; handed out at a warehouse or a collection
  done is the collection (C6); handed out with a piece count is a plain delivery;
* uk: the cash-on-delivery money sent on or credited to the sender is the COD delivery; a return delivery
  created with the receipt is Nova Poshta's reverse waybill, not a return;
* pl: a complaint filed or the delivery held with no cause is a generic exception; an unreadable or missing
  label is a network problem; delivered to a post office is waiting for pickup (C5); collection in person as
  the delivery way waits for it;
* cs/sk: "not found" alone is the unknown number; the carrier not yet taking it over is pre-transit (C13);
  the cash on delivery paid, in either order, is the COD delivery; handed on to another post office is
  forwarded; arrived in the destination country (Slovak); sent by the sender is the posting (C11);
  "delivered / collected" names no place (C6).

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

CASES = [
    # ru: turned away at acceptance; outside the delivery area
    ("ru", "Возврат, не должно выполняться: габариты больше заявленных", "Exception_009"),
    ("ru", "Заказ не должен выполняться: груз не прошел проверку", "Exception_009"),
    ("ru", "Возврат, вскрытая коробка при приеме от отправителя", "Exception_009"),
    ("ru", "Возврат, не должен выполняться: не обслуживаем этот населенный пункт", "Exception_001"),
    # ru: arrival booked again; network problems
    ("ru", "Повторно оформлен приход на склад в городе-транзите", "InTransit_003"),
    ("ru", "Оформлен повторный приход груза на терминал", "InTransit_003"),
    ("ru", "Не удалось передать груз перевозчику, ожидает следующего рейса", "Exception_016"),
    ("ru", "По техническим причинам отправка перенесена", "Exception_016"),
    # ru: return completed
    ("ru", "Возврат успешно завершен", "Exception_011"),
    ("ru", "Завершенный возврат", "Exception_011"),
    ("ru", "Возврат выполнен", "Exception_011"),
    # ru: cancellations; storage cancelled
    ("ru", "Доставка отменена", "Exception_020"),
    ("ru", "Накладная была отменена", "Exception_020"),
    ("ru", "Отказ отправителя от отправки", "Exception_020"),
    ("ru", "Отправитель отказался от заказа", "Exception_020"),
    ("ru", "Хранение прекращено", "Exception_008"),
    # ru: seized; packing; flight; payment question; loss; debt
    ("ru", "Посылка изъята", "Exception_009"),
    ("ru", "Груз конфискован", "Exception_009"),
    ("ru", "Необходима переупаковка груза", "Exception_009"),
    ("ru", "Ненадлежащая упаковка отправления", "Exception_009"),
    ("ru", "Невылет, груз ожидает следующего борта", "Exception_019"),
    ("ru", "Задержка вылета из аэропорта", "Exception_019"),
    ("ru", "Проблема с оплатой заказа", "Exception_006"),
    ("ru", "Утеря груза при перевозке", "Exception_013"),
    ("ru", "Посылка пропала", "Exception_013"),
    ("ru", "Исчерпано количество попыток доставки", "Exception_001"),
    ("ru", "Задолженность клиента по договору", "Exception_001"),
    # ru: refusals; turning the courier down
    ("ru", "Отказ: товар не подошел", "Exception_003"),
    ("ru", "Отказ при вручении курьером", "Exception_003"),
    ("ru", "Отказ от выкупа заказа", "Exception_003"),
    ("ru", "Отказ — клиент заберет сам из пункта", "AttemptFail_001"),
    # ru/uk: did not happen
    ("ru", "Доставка не удалась", "AttemptFail_001"),
    ("ru", "Вручение не состоялось", "AttemptFail_001"),
    ("uk", "Доставка не відбулася", "AttemptFail_001"),
    ("uk", "Вручення не здійснено", "AttemptFail_001"),
    # ru: acceptance; dispatch; arrival; transit; delivery run; contact
    ("ru", "Груз принят для доставки", "InTransit_002"),
    ("ru", "Принято в городе-отправителе", "InTransit_002"),
    ("ru", "Оформлен приход в г. отправителя", "InTransit_002"),
    ("ru", "Оформлена отправка в город-получатель", "InTransit_007"),
    ("ru", "Зарегистрирована встреча заказа на складе", "InTransit_003"),
    ("ru", "Встреча груза в городе-транзите", "InTransit_003"),
    ("ru", "Посылка в пути на сортировочный центр", "InTransit_001"),
    ("ru", "Отправление следует на склад перевозчика", "InTransit_001"),
    ("ru", "С получателем согласована дата доставки, заказ передан курьеру", "OutForDelivery_001"),
    ("ru", "Заказ передан курьеру", "OutForDelivery_001"),
    ("ru", "Уточнение деталей по доставке с клиентом", "OutForDelivery_003"),
    # ru: arrived for the hand-out; collected; piece count
    ("ru", "Отправление поступило в отделение выдачи", "AvailableForPickup_001"),
    ("ru", "Посылка прибыла для выдачи получателю", "AvailableForPickup_001"),
    ("ru", "Заказ выдан в офисе компании", "Delivered_002"),
    ("ru", "Самовывоз завершен", "Delivered_002"),
    ("ru", "Выдано, мест 1 из 1", "Delivered_001"),
    # uk: COD money; reverse waybill; cancellations; storage
    ("uk", "Отримано, кошти перераховано відправнику", "Delivered_004"),
    ("uk", "Посилку отримано, гроші надіслано продавцю", "Delivered_004"),
    ("uk", "Вручено, створено зворотну доставку документів", "Delivered_001"),
    ("uk", "Відправник відмовився від відправлення", "Exception_020"),
    ("uk", "Відмова від відправника", "Exception_020"),
    ("uk", "Зберігання припинено", "Exception_008"),
    ("uk", "Скасовано зберігання посилки", "Exception_008"),
    ("uk", "Оформлення посилки триває", "InTransit_001"),
    # pl: expired label; returns completed
    ("pl", "Kod nadania wygasł", "Exception_020"),
    ("pl", "Przeterminowana etykieta przesyłki", "Exception_020"),
    ("pl", "Zwrot zrealizowany", "Exception_011"),
    ("pl", "Zakończony zwrot przesyłki", "Exception_011"),
    ("pl", "Zwrot dotarł do sprzedawcy", "Exception_011"),
    ("pl", "Zwrot u nadawcy", "Exception_011"),
    # pl: complaint; held; label unreadable; post office; own pickup; order processing
    ("pl", "Przesyłka reklamowana", "Exception_001"),
    ("pl", "Dostawa paczki została wstrzymana", "Exception_001"),
    ("pl", "Wstrzymano doręczenie przesyłki", "Exception_001"),
    ("pl", "Nieczytelna etykieta", "Exception_016"),
    ("pl", "Brak etykiety na paczce", "Exception_016"),
    ("pl", "Paczka dostarczona do poczty", "AvailableForPickup_001"),
    ("pl", "Przesyłka doręczona do urzędu pocztowego nr 12", "AvailableForPickup_001"),
    ("pl", "Odbiór własny w punkcie", "AvailableForPickup_001"),
    ("pl", "Realizacja zamówienia", "InTransit_001"),
    ("pl", "Realizacja zlecenia wstrzymana przez przewoźnika", "Exception_001"),
    # cs/sk: not found; not yet taken over; COD paid; forwarded; destination country; posted; either/or
    ("cs", "Nenalezena", "Pending_004"),
    ("cs", "Zásielka nenájdená", "Pending_004"),
    ("cs", "Kurýr zatím zásilku nepřevzal", "InfoReceived_001"),
    ("cs", "Zásielku kuriér ešte neprevzal", "InfoReceived_001"),
    ("cs", "Uhrazená dobírka", "Delivered_004"),
    ("cs", "Dobierka zaplatená", "Delivered_004"),
    ("cs", "Zásilka odeslána jinému depu", "InTransit_009"),
    ("cs", "Zásilka byla předána jiné pobočce k doručení", "InTransit_009"),
    ("cs", "Zásielka dorazila do krajiny určenia", "InTransit_004"),
    ("cs", "Zásielka je v cieľovej krajine", "InTransit_004"),
    ("cs", "Odesláno odesílatelem", "InTransit_002"),
    ("cs", "Zásielka odoslaná odosielateľom", "InTransit_002"),
    ("cs", "Doručeno / vyzvednuto", "Delivered_001"),
    ("cs", "Doručená alebo prevzatá", "Delivered_001"),
    ("cs", "Storno objednávky", "Exception_020"),
    ("cs", "Zásilka stornována odesílatelem", "Exception_020"),
]

test_read_from_the_text_alone = read_alone_check(CASES)
test_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
