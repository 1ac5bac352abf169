"""Slavic concepts from gathered carrier texts (ru, uk, cs, pl), in the wording of Russian Post, CDEK,
Boxberry, DPD Russia, Nova Poshta, Ukrposhta, Česká pošta, PPL, InPost, DPD Polska and Poczta Polska:

* a parcel moving towards its sender (sent or met in the sender's city, on its way back or to the shop that
  sent it, made ready for the sender) is going back (C1); handed to the sender is back with it (C3); a
  "return delivery" waybill created on handing over is the reverse shipment of papers or money, not a return;
* a shipment, order or label deleted is cancelled;
* the end of the customs clearance is its release; released and sent on with the duties to pay at
  delivery is the release too (the in-source corpus reads Russian Post so); a failed attempt stated
  before a postponement stays the attempt;
* an address nobody can read, address data wrong or incomplete, or no such addressee at the address given is
  the address problem (C15);
* a wrong route or sorting is a network problem; no movement for a while is an unforeseen delay; a problem
  situation with no cause named is the generic exception;
* a delivery put off or moved at the recipient's request, booked, or fixed to a day is an appointment (C14);
  a courier leaving for the recipient is out for delivery; handed "for delivery" with no courier is the
  carrier taking it on; not yet handed over is pre-transit (C13); a pickup request registered or a label
  printed is pre-transit;
* the notice handed or delivered is the parcel waiting at the counter (C9); arrived at a pickup point is
  waiting there (C5); not collected but still waiting at the branch is still waiting;
* handed out at the counter's till is a collection; a bare "issued", "handed into the hands" or "carriage
  completed" names no place and is a plain delivery (C6); the cash-on-delivery money transfer is COD paid;
* the arrival booked, the arrival noun, or a terminal as a bare location is an arrival scan (C12); at the
  terminal where it was handed in is the acceptance; awaiting dispatch, transshipment and "on the way to the
  sorting centre" are in transit (C7); an arrival notice still to come is no arrival; holiday is the
  addressee's absence; a business's goods-in desk shut is the business closed.

Our own sentences, none of them a gathered row; each is read from the text alone and by the rules of its
language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # ru: towards the sender = going back; handed to the sender = returned
    ("ru", "Отправлено в город отправителя", "Exception_010"),
    ("ru", "Посылка встречена в г.-отправителе", "Exception_010"),
    ("ru", "Отправление следует обратно продавцу", "Exception_010"),
    ("ru", "Отправление направлено в пункт приема", "Exception_010"),
    ("ru", "Посылка в пути в магазин", "Exception_010"),
    ("ru", "Отправление готово к выдаче отправителю", "Exception_010"),
    ("ru", "Посылка передана отправителю", "Exception_011"),
    ("ru", "Заказ передан обратно отправителю", "Exception_011"),
    ("ru", "Отправление передано отправителю в пункте выдачи", "Exception_011"),
    ("ru", "Сдан перевозчику в г. отправителе", "InTransit_007"),
    # ru: deleted = cancelled
    ("ru", "Заказ удален", "Exception_020"),
    ("ru", "Отправление было удалено", "Exception_020"),
    ("ru", "Удалена", "Exception_020"),
    # ru: customs end; released and sent on with the duties to pay at delivery (the in-source corpus reading)
    ("ru", "Завершение таможенного оформления", "InTransit_005"),
    ("ru", "Окончание таможенного контроля", "InTransit_005"),
    ("ru", "Таможня: завершение таможенной очистки", "InTransit_005"),
    ("ru", "Посылка направлено с обязательной уплатой пошлины", "InTransit_005"),
    ("ru", "Отправление направлено с обязательной уплатой таможенного сбора", "InTransit_005"),
    ("ru", "Направлено с обязательной уплатой платежей получателем", "InTransit_005"),
    # ru: a failed attempt stated first keeps its place; the postponement alone is the appointment
    ("ru", "Неудачная попытка вручения: доставка отложена по просьбе получателя", "AttemptFail_001"),
    ("ru", "Вторая неудачная попытка вручения. Доставка перенесена по просьбе клиента", "AttemptFail_001"),
    ("ru", "Неудачная попытка вручения - доставка отложена по желанию адресата", "AttemptFail_001"),
    # ru: address at fault
    ("ru", "Невозможно прочитать адрес получателя", "Exception_007"),
    ("ru", "Не удалось разобрать адрес", "Exception_007"),
    ("ru", "Нет получателя по указанному адресу", "Exception_007"),
    # ru: wrong route, no movement, a problem
    ("ru", "Посылка отправлена по неправильному маршруту", "Exception_016"),
    ("ru", "Ошибочная сортировка отправления", "Exception_016"),
    ("ru", "Неверное направление посылки", "Exception_016"),
    ("ru", "Посылка без движения", "Exception_005"),
    ("ru", "Нет движения по отправлению", "Exception_005"),
    ("ru", "Заказ долго без движения", "Exception_005"),
    ("ru", "Возникла проблема с доставкой", "Exception_001"),
    ("ru", "Проблемная ситуация с отправлением", "Exception_001"),
    ("ru", "Проблема с посылкой, обратитесь в поддержку", "Exception_001"),
    # ru: appointment at the recipient's request, booked, moved
    ("ru", "Доставка перенесена по просьбе получателя", "OutForDelivery_004"),
    ("ru", "Вручение отложено по просьбе клиента", "OutForDelivery_004"),
    ("ru", "Попытка вручения не удалась, доставка отложена по желанию адресата", "OutForDelivery_004"),
    ("ru", "Доставка курьером заказана", "OutForDelivery_004"),
    ("ru", "Заказана доставка на дом", "OutForDelivery_004"),
    ("ru", "Перенос даты доставки", "OutForDelivery_004"),
    # ru: courier leaves for the recipient; handed "for delivery"; not yet handed over
    ("ru", "Курьер выехал к получателю", "OutForDelivery_001"),
    ("ru", "Выехали к клиенту", "OutForDelivery_001"),
    ("ru", "Водитель едет к покупателю", "OutForDelivery_001"),
    ("ru", "Посылка передана на доставку", "InTransit_002"),
    ("ru", "Отправление передано на доставку в СДЭК", "InTransit_002"),
    ("ru", "Заказ передан на доставку", "InTransit_002"),
    ("ru", "Передано на доставку в пункт выдачи", "InTransit_001"),
    ("ru", "Передано на доставку в ПВЗ", "InTransit_001"),
    ("ru", "Заказ еще не передан в службу доставки", "InfoReceived_001"),
    ("ru", "Посылка пока не поступила на склад", "InfoReceived_001"),
    ("ru", "Отправление не сдано на доставку", "InfoReceived_001"),
    ("ru", "Заявка на забор груза зарегистрирована", "InfoReceived_001"),
    ("ru", "Заявка оформлена", "InfoReceived_001"),
    ("ru", "Ваша заявка на доставку зарегистрирована", "InfoReceived_001"),
    # ru: notice handed = waiting at the counter; arrived at a pickup point = waiting
    ("ru", "Извещение вручено адресату", "AvailableForPickup_001"),
    ("ru", "Первичное извещение доставлено", "AvailableForPickup_001"),
    ("ru", "Опущено извещение в почтовый ящик", "AvailableForPickup_001"),
    ("ru", "Посылка поступила в пункт выдачи", "AvailableForPickup_001"),
    ("ru", "Заказ поступил в постамат", "AvailableForPickup_001"),
    ("ru", "Поступило в ПВЗ на улице Ленина", "AvailableForPickup_001"),
    # ru: handed at the till = collection; bare "issued" and completed carriage = delivered
    ("ru", "Выдано на кассе", "Delivered_002"),
    ("ru", "Получено в окне выдачи", "Delivered_002"),
    ("ru", "Отправление вручено у стойки", "Delivered_002"),
    ("ru", "Посылка выдана", "Delivered_001"),
    ("ru", "Выдан", "Delivered_001"),
    ("ru", "Заказ успешно выдан", "Delivered_001"),
    ("ru", "Доставка успешно завершена", "Delivered_001"),
    ("ru", "Перевозка груза завершена", "Delivered_001"),
    ("ru", "Доставка завершена", "Delivered_001"),
    # ru: arrival booked, terminal as a place; acceptance terminal; awaiting dispatch
    ("ru", "Оформлен приход на склад", "InTransit_003"),
    ("ru", "Приход на склад в городе-получателе", "InTransit_003"),
    ("ru", "Груз находится на терминале в Екатеринбурге", "InTransit_003"),
    ("ru", "Груз находится на терминале приема", "InTransit_002"),
    ("ru", "Отправление в пункте приема", "InTransit_002"),
    ("ru", "Посылка в месте приема", "InTransit_002"),
    ("ru", "Груз в ожидании отправки", "InTransit_001"),
    ("ru", "Ожидание погрузки на рейс", "InTransit_001"),
    ("ru", "Посылка в ожидании вылета", "InTransit_001"),
    # uk: towards the sender; handed to the sender; a return waybill is no return
    ("uk", "Посилка прямує до відправника", "Exception_010"),
    ("uk", "Відправлення направлено до інтернет-магазину", "Exception_010"),
    ("uk", "Посилка готова до видачі відправнику", "Exception_010"),
    ("uk", "Посилку передано відправнику", "Exception_011"),
    ("uk", "Відправлення передано назад відправнику", "Exception_011"),
    ("uk", "Відправлення передане відправнику у відділенні", "Exception_011"),
    ("uk", "Отримано. Створено ЕН зворотної доставки документів", "Delivered_001"),
    ("uk", "Посилку одержано, оформлено ТТН зворотної доставки", "Delivered_001"),
    ("uk", "Відправлення отримано, створено накладну на зворотну доставку грошей", "Delivered_001"),
    # uk: customs end; address unreadable; wrong route; no movement; a problem
    ("uk", "Закінчення митного оформлення", "InTransit_005"),
    ("uk", "Завершення митного контролю", "InTransit_005"),
    ("uk", "Завершення митного огляду посилки", "InTransit_005"),
    ("uk", "Неможливо прочитати адресу одержувача", "Exception_007"),
    ("uk", "Нерозбірлива адреса", "Exception_007"),
    ("uk", "Немає одержувача за вказаною адресою", "Exception_007"),
    ("uk", "Посилку помилково направлено в інше місто", "Exception_016"),
    ("uk", "Неправильне сортування відправлення", "Exception_016"),
    ("uk", "Помилковий маршрут посилки", "Exception_016"),
    ("uk", "Відправлення без руху", "Exception_005"),
    ("uk", "Посилка довго без руху", "Exception_005"),
    ("uk", "Немає руху по відправленню", "Exception_005"),
    ("uk", "Виникла проблема з доставкою", "Exception_001"),
    ("uk", "Проблемна ситуація з відправленням", "Exception_001"),
    ("uk", "Проблема з посилкою, зверніться до підтримки", "Exception_001"),
    # uk: COD money transfer; handed for storage; arrival noun; terminal; courier left; notice still to come
    ("uk", "Посилку отримано, грошовий переказ відправнику оформлено", "Delivered_004"),
    ("uk", "Відправлення вручено. Грошовий переказ буде виплачено відправнику", "Delivered_004"),
    ("uk", "Отримано одержувачем, грошовий переказ сплачено", "Delivered_004"),
    ("uk", "Відправлення передано на зберігання у відділенні", "AvailableForPickup_001"),
    ("uk", "Посилку передано на зберігання", "AvailableForPickup_001"),
    ("uk", "Передано на зберігання до поштомату", "AvailableForPickup_001"),
    ("uk", "Надходження на сортувальний термінал", "InTransit_003"),
    ("uk", "Посилка на терміналі у Львові", "InTransit_003"),
    ("uk", "Відправлення в транзитному терміналі", "InTransit_003"),
    ("uk", "Кур'єр виїхав до одержувача", "OutForDelivery_001"),
    ("uk", "Водій виїхав до вас", "OutForDelivery_001"),
    ("uk", "Виїхали до клієнта", "OutForDelivery_001"),
    ("uk", "Посилка у місті. Очікуйте повідомлення про прибуття", "InTransit_001"),
    ("uk", "Відправлення у місті Одеса, очікуйте SMS про прибуття", "InTransit_001"),
    ("uk", "Посилка в дорозі. Очікуйте повідомлення про прибуття у відділення", "InTransit_001"),
    # cs: deleted; unreadable address; holiday; wrong route; no movement; goods-in shut
    ("cs", "Zásilka byla vymazána", "Exception_020"),
    ("cs", "Štítek smazán odesílatelem", "Exception_020"),
    ("cs", "Objednávka přepravy vymazána", "Exception_020"),
    ("cs", "Nečitelná adresa příjemce", "Exception_007"),
    ("cs", "Zásilka má nečitelnou adresu", "Exception_007"),
    ("cs", "Nečitelné adresní údaje", "Exception_007"),
    ("cs", "Adresát je na dovolené", "AttemptFail_002"),
    ("cs", "Příjemce na dovolené", "AttemptFail_002"),
    ("cs", "Dovolená příjemce", "AttemptFail_002"),
    ("cs", "Chybná trasa zásilky", "Exception_016"),
    ("cs", "Zásilka odeslána nesprávnou trasou", "Exception_016"),
    ("cs", "Špatná trasa, zásilka bude přesměrována zpět do depa", "Exception_016"),
    ("cs", "Zásilka bez pohybu", "Exception_005"),
    ("cs", "Zásilka je delší dobu bez pohybu", "Exception_005"),
    ("cs", "Balík bez dalšího pohybu", "Exception_005"),
    ("cs", "Recepce zavřená", "AttemptFail_003"),
    ("cs", "Příjem zboží uzavřen", "AttemptFail_003"),
    ("cs", "Podatelna zavřena, doručíme příští pracovní den", "AttemptFail_003"),
    # cs: fixed day / put off at request; on delivery; into the hands; label printed; address change; arrival
    ("cs", "Pevně určený den doručení", "OutForDelivery_004"),
    ("cs", "Doručení odloženo na žádost příjemce", "OutForDelivery_004"),
    ("cs", "Zásilka přesunuta na přání zákazníka", "OutForDelivery_004"),
    ("cs", "Na doručení", "OutForDelivery_001"),
    ("cs", "Zásilka na doručení", "OutForDelivery_001"),
    ("cs", "Kurýr vyjel k příjemci", "OutForDelivery_001"),
    ("cs", "Zásilka předána do rukou příjemce", "Delivered_001"),
    ("cs", "Předáno do rukou", "Delivered_001"),
    ("cs", "Balík předán osobně do rukou", "Delivered_001"),
    ("cs", "Přepravní štítek vytištěn", "InfoReceived_001"),
    ("cs", "Štítek vytisknut", "InfoReceived_001"),
    ("cs", "Etiketa byla vytištěna", "InfoReceived_001"),
    ("cs", "Změna doručovací adresy na žádost příjemce", "InTransit_009"),
    ("cs", "Změna doručovací adresy", "InTransit_009"),
    ("cs", "Provedena změna doručovací adresy", "InTransit_009"),
    ("cs", "Příchod zásilky do depa", "InTransit_003"),
    ("cs", "Příchod na depo Brno", "InTransit_003"),
    ("cs", "Příchod do třídicího centra", "InTransit_003"),
    ("cs", "Nastal problém se zásilkou", "Exception_001"),
    ("cs", "Problémová situace při doručování", "Exception_001"),
    ("cs", "Nastala problémová situace", "Exception_001"),
    # pl: deleted; towards the shop; handed to the sender
    ("pl", "Przesyłka usunięta", "Exception_020"),
    ("pl", "Zlecenie zostało usunięte", "Exception_020"),
    ("pl", "Etykieta usunięta przez nadawcę", "Exception_020"),
    ("pl", "Paczka w drodze do sklepu", "Exception_010"),
    ("pl", "Przesyłka odesłana do sprzedawcy", "Exception_010"),
    ("pl", "Paczka wysłana z powrotem do sklepu", "Exception_010"),
    ("pl", "Przesyłka przekazana nadawcy", "Exception_011"),
    ("pl", "Paczka została przekazana z powrotem nadawcy", "Exception_011"),
    ("pl", "Przekazano nadawcy w oddziale", "Exception_011"),
    # pl: address data; unknown addressee
    ("pl", "Błędne dane adresowe odbiorcy", "Exception_007"),
    ("pl", "Niekompletne dane adresowe", "Exception_007"),
    ("pl", "Doręczenie niemożliwe - dane adresowe nieprawidłowe", "Exception_007"),
    ("pl", "Odbiorca nieznany", "Exception_007"),
    ("pl", "Nieznany adresat", "Exception_007"),
    ("pl", "Paczka niedoręczona, adresat jest nieznany", "Exception_007"),
    # pl: not collected, still waiting at the branch
    ("pl", "Przesyłka nieodebrana z Paczkomatu, czeka w oddziale", "AvailableForPickup_001"),
    ("pl", "Paczka nie została odebrana i czeka na odbiór w placówce", "AvailableForPickup_001"),
    ("pl", "Nieodebrana - paczka czeka jeszcze w punkcie", "AvailableForPickup_001"),
    ("pl", "Paczka nieodebrana", "Exception_008"),
    # pl: no movement; put off at request; courier left; problem; wrong route; transshipment; on the way
    ("pl", "Przesyłka bez ruchu", "Exception_005"),
    ("pl", "Brak ruchu przesyłki od kilku dni", "Exception_005"),
    ("pl", "Paczka od dawna bez ruchu", "Exception_005"),
    ("pl", "Doręczenie przełożone na prośbę odbiorcy", "OutForDelivery_004"),
    ("pl", "Dostawa przesunięta na życzenie klienta", "OutForDelivery_004"),
    ("pl", "Paczka odłożona na prośbę adresata", "OutForDelivery_004"),
    ("pl", "Kurier wyjechał do odbiorcy", "OutForDelivery_001"),
    ("pl", "Wyjechaliśmy do Ciebie z paczką", "OutForDelivery_001"),
    ("pl", "Kierowca wyjechał do klienta", "OutForDelivery_001"),
    ("pl", "Wystąpił problem", "Exception_001"),
    ("pl", "Sytuacja problemowa z paczką", "Exception_001"),
    ("pl", "Wystąpiły problemy, skontaktuj się z obsługą", "Exception_001"),
    ("pl", "Błędnie skierowana przesyłka", "Exception_016"),
    ("pl", "Paczka wysłana błędną trasą", "Exception_016"),
    ("pl", "Nieprawidłowe sortowanie przesyłki", "Exception_016"),
    ("pl", "Przeładunek w sortowni", "InTransit_001"),
    ("pl", "Paczka przeładowana w terminalu", "InTransit_001"),
    ("pl", "Przeładunek przesyłki w centrum logistycznym", "InTransit_001"),
    ("pl", "Paczka w drodze do sortowni", "InTransit_001"),
    ("pl", "Przesyłka w drodze do oddziału", "InTransit_001"),
    ("pl", "W drodze do placówki docelowej", "InTransit_001"),
]


test_concept_is_read_from_the_text_alone = read_alone_check(CASES)
test_concept_is_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
