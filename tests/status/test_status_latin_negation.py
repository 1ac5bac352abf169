"""Negations, hand-outs and exceptions read by stem across neighbouring Latin-script languages.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv`: a negated delivery or
collection ("nu s-a livrat", "nem lett kézbesítve", "inte levererats", "n'a pas été livré") is a failed
attempt or an uncollected parcel, never the positive event, and a cause named after it decides; a parcel
handed out at a point or locker as against one arrived there for pickup, and one fetched from the sender
as against one collected by the recipient; storage time expired, a parcel that cannot be found, scrapped,
held up by weather, a closed reception, missing invoice; and marketing-style notices whose concept is clear.
"""

from __future__ import annotations

import pytest

from parceltrail.status import classify
from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
FORMS: list[tuple[str, str, str]] = [
    # negation: a negated delivery or collection never reads as the positive event; a cause after it decides
    ("ro", "Coletul nu s-a putut livra", "AttemptFail_001"),
    ("ro", "Expedierea nu a fost predată destinatarului", "AttemptFail_001"),
    ("ro", "Nu s-a livrat: destinatar absent", "AttemptFail_002"),
    ("ro", "Nu s-a livrat - firma închisă", "AttemptFail_003"),
    ("ro", "Coletul nu a fost ridicat de destinatar", "Exception_008"),
    ("hu", "A küldemény nem lett kézbesítve", "AttemptFail_001"),
    ("hu", "Nem került kézbesítésre", "AttemptFail_001"),
    ("sv", "Försändelsen har ännu inte levererats: mottagaren var inte hemma", "AttemptFail_002"),
    ("sv", "Paketet kunde ej delas ut", "AttemptFail_001"),
    ("no", "Pakken har ikke blitt levert", "AttemptFail_001"),
    ("da", "Forsendelsen er ikke blevet leveret", "AttemptFail_001"),
    ("da", "Pakken er endnu ikke hentet i pakkeshoppen", "Exception_008"),
    ("pl", "Paczka nie została doręczona", "AttemptFail_001"),
    ("pl", "Przesyłka nie została odebrana przez adresata", "Exception_008"),
    ("fr", "Votre colis n'a pas été distribué", "AttemptFail_001"),
    ("fr", "Le colis n'a pas été remis : destinataire absent", "AttemptFail_002"),
    ("es", "El paquete no se ha entregado", "AttemptFail_001"),
    ("es", "El envío no fue entregado: destinatario ausente", "AttemptFail_002"),
    ("it", "La spedizione non è stata consegnata", "AttemptFail_001"),
    ("fi", "Lähetystä ei ole vielä toimitettu", "AttemptFail_001"),
    ("en", "Your package has not been delivered", "AttemptFail_001"),
    ("en", "The shipment wasn't delivered - recipient not available", "AttemptFail_002"),
    # handed out at a point / branch vs arrived there; picked up from the sender vs collected by the recipient
    ("ro", "Expedierea a fost ridicată din easybox", "Delivered_002"),
    ("ro", "Colet ridicat din magazinul partener", "Delivered_002"),
    ("hu", "A csomagot átvéve a csomagpontról", "Delivered_002"),
    ("hu", "Csomag átvéve a feladótól", "InTransit_002"),
    ("hu", "A küldemény az automatában elhelyezve", "AvailableForPickup_001"),
    ("sv", "Paketet har hämtats upp hos avsändaren", "InTransit_002"),
    ("sv", "Paketet har levererats till ditt ombud", "AvailableForPickup_001"),
    ("no", "Pakken er hentet hos avsender", "InTransit_002"),
    ("pl", "Paczka dostarczona do paczkomatu", "AvailableForPickup_001"),
    ("pl", "Przesyłka została doręczona do placówki pocztowej", "AvailableForPickup_001"),
    ("de", "Ihre Sendung liegt in der Packstation 123", "AvailableForPickup_001"),
    ("de", "Das Paket wartet in Ihrer Postfiliale", "AvailableForPickup_001"),
    ("es", "El destinatario recogerá el envío en la oficina", "AvailableForPickup_001"),
    ("tr", "Kargonuz şubeden teslim alınacak", "AvailableForPickup_001"),
    ("fi", "Vastaanottajaa on informoitu saapumisesta", "AvailableForPickup_001"),
    # storage time expired, cannot be located, disposed, weather, closed reception, documents missing
    ("ro", "Termenul de păstrare în oficiu a expirat", "Exception_008"),
    ("ro", "Perioada maximă de stocare în easybox a fost depăşită", "Exception_008"),
    ("ro", "Expedierea nu mai poate fi găsită", "Exception_013"),
    ("ro", "Colet trimis la casare", "Exception_021"),
    ("ro", "Livrare amânată din cauza condiţiilor meteo", "Exception_017"),
    ("ro", "Recepţia era închisă la livrare", "AttemptFail_003"),
    ("ro", "Lipsă factură pentru vămuire", "Exception_018"),
    ("es", "Falta definitiva del bulto", "Exception_013"),
    ("hu", "A csomagautomata megtelt, nincs szabad rekesz", "Exception_016"),
    ("no", "Det er registrert et avvik på sendingen", "Exception_001"),
    # marketing-style notices where the concept is clear
    ("en", "Good news: your driver is on their way", "OutForDelivery_001"),
    ("en", "Your parcel is now with the local DPD courier", "OutForDelivery_001"),
    ("de", "Ihr Päckchen ist jetzt da", "Delivered_001"),
    ("nl", "Onze bezorger is onderweg om je pakket te bezorgen", "OutForDelivery_001"),
    ("hu", "A csomag házhoz szállítás alatt", "OutForDelivery_001"),
    ("no", "Pakken er underveis til deg", "OutForDelivery_001"),
    ("pl", "Przesyłka wpisana do książki oddawczej listonosza", "OutForDelivery_001"),
    # registration, acceptance, rerouting, destination arrival
    ("ro", "Datele expedierii au fost înregistrate", "InfoReceived_001"),
    ("sv", "Vi har fått information från avsändaren om din försändelse", "InfoReceived_001"),
    ("tr", "Gönderi kabulü bekleniyor", "InfoReceived_001"),
    ("es", "Envío documentado en origen", "InfoReceived_001"),
    ("es", "Envío recanalizado a otro centro", "InTransit_009"),
    ("sv", "Paketet har ankommit till destinationslandet", "InTransit_004"),
    ("hu", "Csomag a depóból elküldve", "InTransit_007"),
]


test_concept_is_read_from_the_text_alone = read_alone_check(FORMS)


test_concept_is_read_by_rules_with_language_given = read_by_rules_check(FORMS)


@pytest.mark.parametrize(
    ("lang", "negated", "positive"),
    [
        ("ro", "Coletul nu a fost livrat", "Coletul a fost livrat"),
        ("hu", "A csomag nem lett kézbesítve", "A csomag kézbesítve"),
        ("sv", "Paketet har inte levererats", "Paketet har levererats"),
        ("no", "Pakken er ikke levert", "Pakken er levert"),
        ("da", "Pakken er ikke blevet leveret", "Pakken er blevet leveret"),
        ("pl", "Przesyłka nie została doręczona", "Przesyłka została doręczona"),
        ("fr", "Le colis n'a pas été livré", "Le colis a été livré"),
        ("es", "El envío no ha sido entregado", "El envío ha sido entregado"),
        ("it", "Il pacco non è stato consegnato", "Il pacco è stato consegnato"),
        ("fi", "Lähetystä ei ole toimitettu", "Lähetys on toimitettu"),
        ("en", "The parcel has not been delivered", "The parcel has been delivered"),
    ],
)
def test_negation_turns_delivered_into_a_failed_attempt(lang: str, negated: str, positive: str) -> None:
    assert str(classify(positive, lang=lang).tag) == "Delivered", positive
    result = classify(negated, lang=lang)
    assert str(result.tag) != "Delivered", (negated, result.rule)
    assert str(result.tag) == "AttemptFail", (negated, result.rule)
