"""Bulgarian (bg, Cyrillic) and Croatian / Serbian / Bosnian in Latin script (hr): the two rule files read
every lifecycle concept as Econt, Speedy, Bulgarian Posts, BoxNow, Hrvatska pošta, GLS and DPD Croatia,
Overseas, Pošta Srbije and Post Express write it:

* info received: the waybill or order created, the data received, the parcel announced (C13);
* accepted: taken in at an office or by the courier from the sender (C11);
* arrived at an office, depot or centre (C11, C12); departed, loaded on a line, dispatched (C7);
* in transit, sorted, ready to leave (C7); arrived in the destination country; forwarded;
* customs in progress, released, held, duty to pay;
* out for delivery ("В куриер", "U dostavi", "Izašla na dostavu"), the courier contacting the recipient,
  a delivery day agreed with the recipient (C14);
* failed attempt and why: no cause, recipient away, business closed, brought back to the hub (C10);
* waiting at an office, locker or parcel shop (C5), a notice left (C9);
* delivered, collected at an office or locker (C6), signed, cash on delivery paid, left with a neighbour;
* returning (C1, C4), back with the sender (C3), refused, damaged, lost, bad address, moved, unclaimed,
  cancelled, a locker fault;
* Bulgarian is told from Russian by its hard sign inside words and its own words; negated deliveries stay
  failed attempts.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

import pytest

from parceltrail.status.normalize import normalize, script_lang
from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # bg: info received
    ("bg", "Създадена е товарителница за пратката", "InfoReceived_001"),
    ("bg", "Пратката е регистрирана от подателя", "InfoReceived_001"),
    ("bg", "Пратката все още не е предадена на куриер", "InfoReceived_001"),
    # bg: accepted
    ("bg", "Пратката е приета в офис на Еконт", "InTransit_002"),
    ("bg", "Взета от куриер от адреса на подателя", "InTransit_002"),
    ("bg", "Куриерът прибра пратката от изпращача", "InTransit_002"),
    # bg: arrived, departed, in transit, destination country, forwarded
    ("bg", "Пратката пристигна в сортиращия център в София", "InTransit_003"),
    ("bg", "Приета в логистичен център Пловдив", "InTransit_003"),
    ("bg", "Пратката напусна сортировъчния център", "InTransit_007"),
    ("bg", "Натоварена на камион към Варна", "InTransit_007"),
    ("bg", "Пратката пътува към офиса на получателя", "InTransit_001"),
    ("bg", "Пратката пристигна в България", "InTransit_004"),
    ("bg", "Пратката е пренасочена към друг офис", "InTransit_009"),
    # bg: customs
    ("bg", "Пратката е в митница за проверка", "InTransit_006"),
    ("bg", "Освободена от митница", "InTransit_005"),
    ("bg", "Задържана в митницата", "Exception_004"),
    ("bg", "Пратката очаква плащане на мито", "Exception_006"),
    # bg: out for delivery, contact, appointment
    ("bg", "Пратката е в куриер за доставка днес", "OutForDelivery_001"),
    ("bg", "Предадена на куриер за разнос", "OutForDelivery_001"),
    ("bg", "Куриерът пътува към вашия адрес", "OutForDelivery_001"),
    ("bg", "Уточняване на час за доставка с получателя", "OutForDelivery_003"),
    # bg: failed attempt
    ("bg", "Неуспешен опит за доставка", "AttemptFail_001"),
    ("bg", "Пратката не е доставена днес", "AttemptFail_001"),
    ("bg", "Получателят отсъства от адреса", "AttemptFail_002"),
    ("bg", "Фирмата е затворена", "AttemptFail_003"),
    # bg: waiting for pickup
    ("bg", "Пратката е оставена в локър BoxNow", "AvailableForPickup_001"),
    ("bg", "Готова за получаване в офис Русе", "AvailableForPickup_001"),
    ("bg", "Изпратено е известие на получателя", "AvailableForPickup_001"),
    # bg: delivered and its kinds
    ("bg", "Пратката беше доставена на адреса", "Delivered_001"),
    ("bg", "Разнесена до получател", "Delivered_001"),
    ("bg", "Пратката е взета от автомат", "Delivered_002"),
    ("bg", "Доставена срещу подпис на получателя", "Delivered_003"),
    ("bg", "Наложеният платеж е платен", "Delivered_004"),
    ("bg", "Оставена при съсед", "Delivered_005"),
    # bg: exceptions
    ("bg", "Пратката ще бъде върната на подателя", "Exception_010"),
    ("bg", "Връщане към изпращача след изтекъл срок", "Exception_010"),
    ("bg", "Върнатата пратка е доставена на подателя", "Exception_011"),
    ("bg", "Получателят отказа да приеме пратката", "Exception_003"),
    ("bg", "Отказана от клиента при доставка", "Exception_003"),
    ("bg", "Пратката е повредена при транспорта", "Exception_012"),
    ("bg", "Пратката е изгубена", "Exception_013"),
    ("bg", "Непълен адрес на получателя", "Exception_007"),
    ("bg", "Получателят се е преместил", "Exception_002"),
    ("bg", "Изтекъл срок за получаване от офиса", "Exception_008"),
    ("bg", "Пратката е анулирана от търговеца", "Exception_020"),
    ("bg", "Пратката е унищожена", "Exception_021"),
    # hr: info received
    ("hr", "Podaci o pošiljci su zaprimljeni", "InfoReceived_001"),
    ("hr", "Pošiljatelj je najavio pošiljku, pošiljka još nije predana", "InfoReceived_001"),
    ("hr", "Elektronička najava pošiljke", "InfoReceived_001"),
    # hr: accepted
    ("hr", "Pošiljka je zaprimljena u poštanskom uredu", "InTransit_002"),
    ("hr", "Pošiljka preuzeta od pošiljatelja", "InTransit_002"),
    ("hr", "Pošiljka je predana kurirskoj službi", "InTransit_002"),
    # hr: arrived, departed, in transit, destination country, forwarded
    ("hr", "Pošiljka je stigla u sortirni centar Zagreb", "InTransit_003"),
    ("hr", "Paket je prispio u distributivni centar", "InTransit_003"),
    ("hr", "Pošiljka je otpremljena iz sortirnog centra", "InTransit_007"),
    ("hr", "Paket je napustio skladište", "InTransit_007"),
    ("hr", "Pošiljka je u prijevozu prema odredištu", "InTransit_001"),
    ("hr", "Pošiljka je stigla u Hrvatsku", "InTransit_004"),
    ("hr", "Pošiljka je preusmjerena na drugi paketomat", "InTransit_009"),
    # hr: customs
    ("hr", "Pošiljka je na carinjenju", "InTransit_006"),
    ("hr", "Pošiljka je ocarinjena", "InTransit_005"),
    ("hr", "Pošiljka je zadržana na carini", "Exception_004"),
    ("hr", "Pošiljka čeka plaćanje carine", "Exception_006"),
    # hr: out for delivery, contact, appointment
    ("hr", "Pošiljka je izašla na dostavu", "OutForDelivery_001"),
    ("hr", "Pošiljka je kod dostavljača", "OutForDelivery_001"),
    ("hr", "Paket zadužen za isporuku kod kurira", "OutForDelivery_001"),
    ("hr", "Kurir je kontaktirao primatelja", "OutForDelivery_003"),
    ("hr", "Dostava dogovorena s primateljem za petak", "OutForDelivery_004"),
    # hr: failed attempt
    ("hr", "Neuspješan pokušaj dostave", "AttemptFail_001"),
    ("hr", "Pošiljka nije uručena", "AttemptFail_001"),
    ("hr", "Neuspesan pokusaj isporuke paketa", "AttemptFail_001"),
    ("hr", "Primatelj nije bio kod kuće", "AttemptFail_002"),
    ("hr", "Pokušana isporuka, nikoga nema na adresi", "AttemptFail_002"),
    ("hr", "Pošiljka nije isporučena jer je firma bila zatvorena", "AttemptFail_003"),
    # hr: waiting for pickup
    ("hr", "Pošiljka je spremna za preuzimanje u poštanskom uredu", "AvailableForPickup_001"),
    ("hr", "Paket je ostavljen u paketomatu", "AvailableForPickup_001"),
    ("hr", "Pošiljku možete preuzeti u paket šopu", "AvailableForPickup_001"),
    # hr: delivered and its kinds
    ("hr", "Pošiljka je uspješno dostavljena", "Delivered_001"),
    ("hr", "Paket isporučen primaocu", "Delivered_001"),
    ("hr", "Primatelj je preuzeo pošiljku", "Delivered_001"),
    ("hr", "Pošiljka preuzeta iz paketomata", "Delivered_002"),
    ("hr", "Uručeno uz potpis primatelja", "Delivered_003"),
    ("hr", "Pouzeće je naplaćeno", "Delivered_004"),
    ("hr", "Paket ostavljen kod susjeda", "Delivered_005"),
    # hr: exceptions
    ("hr", "Pošiljka se vraća pošiljatelju", "Exception_010"),
    ("hr", "Povrat pošiljke zbog neispravne adrese", "Exception_010"),
    ("hr", "Pošiljka je isporučena pošiljatelju", "Exception_011"),
    ("hr", "Primatelj je odbio pošiljku", "Exception_003"),
    ("hr", "Paket je oštećen u transportu", "Exception_012"),
    ("hr", "Pošiljka je izgubljena", "Exception_013"),
    ("hr", "Netočna adresa primatelja", "Exception_007"),
    ("hr", "Primalac se odselio", "Exception_002"),
    ("hr", "Istekao je rok čuvanja pošiljke u poštanskom uredu", "Exception_008"),
    ("hr", "Pošiljka je otkazana", "Exception_020"),
    ("hr", "Paketomat je u kvaru", "Exception_016"),
    # near misses that must not change: negation and the neighbouring concept
    ("bg", "Пратката не е доставена, получателят отсъства", "AttemptFail_002"),
    ("bg", "Пратката е доставена в офис", "AvailableForPickup_001"),
    ("bg", "Очаква предаване към куриер", "InfoReceived_001"),
    ("hr", "Pošiljka nije dostavljena", "AttemptFail_001"),
    ("hr", "Pošiljka je dostavljena u paketomat", "AvailableForPickup_001"),
    ("hr", "Ukinut povrat pošiljke", "InTransit_008"),
]

test_read_alone = read_alone_check(CASES)
test_read_by_rules = read_by_rules_check(CASES)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Пратката пътува към офиса", "bg"),  # hard sign before a consonant
        ("Куриерът взе пратката", "bg"),  # the article "-ът"
        ("Доставена на получател", "bg"),  # Bulgarian words, no telling letter
        ("Объявлена ценность", "ru"),  # Russian hard sign before я/е stays Russian
        ("Посылка доставлена", "ru"),
        ("Прибыло в место вручения", "ru"),
    ],
)
def test_bulgarian_is_told_from_russian(text: str, lang: str) -> None:
    assert script_lang(normalize(text)) == lang
