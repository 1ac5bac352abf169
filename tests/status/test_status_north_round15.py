"""German, Dutch, English, Czech and Arabic concepts from carrier wording (Swiss Post, GLS, DHL, bpost,
PostNL, Royal Mail, UPS, Packeta, Aramex):

* de: Swiss Post's bare step nouns: "Aufgabe" is the posting (C11), "Sortierung" the sorting (C7),
  "Ausrollung" the round, "Zustellung" alone the delivery; export or import clearance as a noun is customs
  under way, its "Abschluss" the release; customs named only as a possibility is not customs; at the border
  office of the destination country is the arrival there; arrived in a transit country is an arrival scan; a
  later delivery as the recipient instructed, or kept for the agreed date, is the appointment (C14); stored
  after a numbered attempt is the failed attempt (C10); handed out at the counter is the collection (C6); an
  invalid address is a bad address (C15); the sender's shipping order processed is pre-transit; "Abfahrt vom
  Depot" is the departure;
* nl: back at the sender ("retour bij afzender") is the return completed (C3); waiting for the courier's
  "ophaling" is pre-transit (C13), waiting for "afhaling" the pickup; sent with a carrier is the posting
  (C11); a sorting centre as a bare location is the arrival (C12); "onbestelbaar" is a generic exception;
* en: outside a (partner's) service area is a generic exception (C17); delivered to an automated parcel
  locker waits for pickup (C5), picked up from it is the collection (C6); handed to the destination carrier
  is the next leg; the sender's despatch to the carrier is the posting (C11);
* cs: delivered to an access or pickup point waits for pickup (C5); "zásilka je u vás" is the delivery;
  "o vaší zásilce už víme" is the carrier's notice of the data;
* ar: waiting for the customer's reply is the failed attempt.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # de: Swiss Post's step nouns
    ("de", "Aufgabe in der Filiale Bern", "InTransit_002"),
    ("de", "Sortierung im Briefzentrum", "InTransit_001"),
    ("de", "Übergabe an Auslandsortierung", "InTransit_001"),
    ("de", "Fehlsortierung im Paketzentrum", "Exception_016"),
    ("de", "Ausrollung Zustellstelle Olten", "OutForDelivery_001"),
    ("de", "Zustellung.", "Delivered_001"),
    ("de", "Zustellung nicht möglich", "AttemptFail_001"),
    # de: customs by its noun, the release, customs only as a possibility, the destination country's border
    ("de", "Importverzollung", "InTransit_006"),
    ("de", "Abschluss der Importverzollung", "InTransit_005"),
    ("de", "Abschluss Zollabfertigung", "InTransit_005"),
    ("de", "Im Zielland eingetroffen, ggf. erfolgt noch eine Prüfung durch den Zoll", "InTransit_004"),
    ("de", "Die Sendung ist an der Grenzstelle des Bestimmungslandes eingetroffen", "InTransit_004"),
    ("de", "Die Sendung wurde dem Zoll übergeben", "InTransit_006"),
    # de: arrived in a transit country
    ("de", "Sendung im Transitland angekommen", "InTransit_003"),
    ("de", "In Transitland eingetroffen", "InTransit_003"),
    # de: appointment as the recipient instructed, or kept for the agreed date (C14)
    ("de", "Zustellung am Montag laut Wunsch des Empfängers", "OutForDelivery_004"),
    ("de", "Sendung wird bis zum vereinbarten Liefertermin im Depot aufbewahrt", "OutForDelivery_004"),
    ("de", "Sendung wurde am vereinbarten Termin zugestellt", "Delivered_001"),
    # de: stored after a numbered attempt (C10); the depot hold with no attempt stays the exception
    ("de", "Eingelagert nach Zustellversuch 1", "AttemptFail_001"),
    ("de", "Versuch 3 erfolglos, eingelagert", "AttemptFail_001"),
    ("de", "Sendung wird im Depot Wien eingelagert", "Exception_001"),
    # de: handed out at the counter (C6); delivered into a branch waits for pickup (C5)
    ("de", "Am Postschalter ausgehändigt", "Delivered_002"),
    ("de", "Ausgehändigt am Schalter der Filiale Zürich", "Delivered_002"),
    ("de", "In die Filiale zugestellt", "AvailableForPickup_001"),
    # de: invalid address (C15)
    ("de", "Anschrift ungültig, Zustellung nicht möglich", "Exception_007"),
    ("de", "Zustellversuch: Empfängeradresse unzureichend", "Exception_007"),
    # de: the shipping order processed is pre-transit; the parcel processed at a site is transit
    ("de", "Versandauftrag erfasst", "InfoReceived_001"),
    ("de", "Sendung im Paketzentrum verarbeitet", "InTransit_001"),
    # de: leaving a depot
    ("de", "Abfahrt vom Verteilzentrum Hamburg", "InTransit_007"),
    ("de", "Abfahrt aus dem Depot zur Zustellung", "OutForDelivery_001"),
    # nl: back at the sender (C3), returning (C1)
    ("nl", "Retourzending bij afzender", "Exception_011"),
    ("nl", "Retour naar afzender", "Exception_010"),
    # nl: the courier's collection awaited (C13) versus the recipient's pickup (C5)
    ("nl", "Zending wacht op ophaling door de koerier", "InfoReceived_001"),
    ("nl", "Ophaling aangevraagd", "InfoReceived_001"),
    ("nl", "Pakje wacht op afhaling in het postpunt", "AvailableForPickup_001"),
    # nl: sent with a carrier (C11); sent on from a site is the departure
    ("nl", "Verstuurd met PostNL", "InTransit_002"),
    ("nl", "Verzonden via DHL", "InTransit_002"),
    ("nl", "Verzonden vanuit het sorteercentrum", "InTransit_007"),
    # nl: a sorting centre as a bare location (C12); processed there stays transit
    ("nl", "In het distributiecentrum", "InTransit_003"),
    ("nl", "Pakket is bij het sorteercentrum.", "InTransit_003"),
    ("nl", "Zending wordt gesorteerd in het sorteercentrum", "InTransit_001"),
    # nl: undeliverable; with a return stated it is the return (C4)
    ("nl", "Zending onbestelbaar", "Exception_001"),
    ("nl", "Onbestelbaar, retour afzender", "Exception_010"),
    # en: outside the service area (C17)
    ("en", "Consignee address is outside our delivery area", "Exception_001"),
    ("en", "Shipment on hold: destination out of service area", "Exception_001"),
    ("en", "Incorrect address, unable to deliver", "Exception_007"),
    # en: automated parcel locker (C5, C6)
    ("en", "Parcel delivered to the self-service parcel locker", "AvailableForPickup_001"),
    ("en", "Collected from automated parcel locker", "Delivered_002"),
    ("en", "Parcel collected from parcel locker by courier", "InTransit_002"),
    ("en", "Delivered to your mailbox", "Delivered_001"),
    # en: handed to the destination carrier is the next leg; the sender's despatch to the carrier the posting
    ("en", "Shipment transferred to destination postal operator", "InTransit_001"),
    ("en", "Parcel dispatched to the carrier by the seller", "InTransit_002"),
    ("en", "Dispatched from the international hub", "InTransit_007"),
    # cs: delivered to a pickup point (C5); into the mailbox is the delivery
    ("cs", "Zásilka byla doručena na výdejní místo", "AvailableForPickup_001"),
    ("cs", "Doručeno do Access Pointu", "AvailableForPickup_001"),
    ("cs", "Zásilka byla doručena do schránky", "Delivered_001"),
    # cs: the parcel with the recipient; not yet with them
    ("cs", "Vaše zásilka je už u vás", "Delivered_001"),
    ("cs", "Zásilka ještě není u vás, je na cestě", "InTransit_001"),
    # cs: the carrier knows about the parcel (data)
    ("cs", "O zásilce už víme, čekáme na převzetí od odesílatele", "InfoReceived_001"),
    ("cs", "O vaší zásilce víme", "InfoReceived_001"),
    # ar: waiting for the customer's reply; waiting for payment stays held for payment
    ("ar", "الشحنة بانتظار رد المستلم", "AttemptFail_001"),
    ("ar", "في انتظار تعليمات العميل", "AttemptFail_001"),
    ("ar", "الشحنة في انتظار الدفع", "Exception_006"),
]

test_read_alone = read_alone_check(CASES)
test_read_by_rules = read_by_rules_check(CASES)
