"""German, Dutch, Swedish and English concepts from carrier wording (DHL, Hermes, GLS, TNT, Swiss Post,
PostNL, UPS, USPS, PostNord), round fourteen:

* de: a parcel found again is the problem resolved, not found is the loss; not fit for carriage is
  refused by the carrier; damaged packaging made good is resolved; an inspection by customs or an
  authority ("Beschau") is the customs hold; postage to be secured is held for payment; the customer's
  identification missing is a missing paper; moved out ("weggezogen") or a forwarding period run out is
  the move (C15); a wrong address part in any case ending, an address check, no name on bell or letterbox
  are a bad address (C15); the sender not met at collection is a generic exception; the recipient's own
  arrangement is an appointment (C14); not delivered on time or for the carrier's operational reasons is
  a delay; a trace opened, a plea to contact the carrier and duplicated data are a generic exception; a
  new delivery address is a redirect, sorted and sent on is transit (C7); the driver's handover to a shop
  is waiting for pickup (C5); the advance notice is the customer contacted; a collection order passed to
  the driver is pre-transit (C13); arrived at a named site or in the country of destination;
* nl: "Uitzondering" is a generic exception; announced and then received by the carrier is the
  acceptance;
* sv: "omstyrning" is a redirect; "undantag" an exception; handed to the post office for delivery is the
  next leg; departure and destination scans, come to a terminal (C12);
* en: on its way to the sender or recalled by it is the return (C1); processing exceptions and
  mis-shipping are network problems; a vacant address or an expired forward is the move (C15); not
  deliverable as addressed is a bad address; a recipient who cannot be reached is a failed attempt;
  available for redelivery or pickup waits at the office (C9); a recipient asking for a later delivery is
  an appointment (C14); a pick-up by the recipient or its agent is the collection (C6); the courier's
  office is a depot (C11).

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # de: found again, or not found
    ("de", "Ihr Paket wurde im Lager aufgefunden und wird weitertransportiert", "InTransit_008"),
    ("de", "Die vermisste Sendung wurde wiedergefunden", "InTransit_008"),
    ("de", "Die Sendung konnte trotz Suche nicht aufgefunden werden", "Exception_013"),
    # de: not fit for carriage
    ("de", "Das Paket ist in diesem Zustand nicht transportfähig", "Exception_009"),
    ("de", "Ihre Sendung ist nicht versandfähig verpackt", "Exception_009"),
    # de: damaged packaging made good, or the damage itself
    ("de", "Die Verpackung war eingerissen und wurde im Paketzentrum repariert", "InTransit_008"),
    ("de", "Wegen beschädigter Umverpackung wurde das Paket nachbearbeitet", "InTransit_008"),
    ("de", "Das Paket wurde beschädigt, der Absender wird informiert", "Exception_012"),
    # de: inspection by customs or an authority
    ("de", "Ihre Sendung wurde zur Zollbeschau ausgewählt", "Exception_004"),
    ("de", "Behördliche Kontrolle der Sendung im Importland", "Exception_004"),
    ("de", "Sendung wird beim Zoll bearbeitet", "InTransit_006"),
    # de: postage to be paid
    ("de", "Nachentgelt für unzureichend frankierte Sendung fällig", "Exception_006"),
    ("de", "Sendung unterfrankiert, Empfänger muss nachzahlen", "Exception_006"),
    # de: identification missing
    ("de", "Identifikation des Empfängers fehlt für die Verzollung", "Exception_018"),
    ("de", "Fehlende EORI-Nummer des Importeurs", "Exception_018"),
    # de: moved away, forwarding period over
    ("de", "Empfänger ist weggezogen", "Exception_002"),
    ("de", "Der Nachsendeauftrag ist abgelaufen, Empfänger unbekannt verzogen", "Exception_002"),
    ("de", "Adressat ausgezogen, keine neue Anschrift bekannt", "Exception_002"),
    # de: wrong address part, address check, name missing at the door
    ("de", "Wegen unvollständiger Lieferadresse konnten wir nicht zustellen", "Exception_007"),
    ("de", "Falsche Hausnummer angegeben", "Exception_007"),
    ("de", "Die Adressüberprüfung läuft", "Exception_007"),
    ("de", "Klingel nicht beschriftet, Empfänger nicht auffindbar", "Exception_007"),
    # de: sender not met at the collection
    ("de", "Versender bei Abholung nicht angetroffen", "Exception_001"),
    ("de", "Empfänger nicht angetroffen", "AttemptFail_002"),
    # de: arranged by the recipient
    ("de", "Der Kunde wünscht eine Zustellung am Samstag", "OutForDelivery_004"),
    ("de", "Auf Wunsch des Kunden erfolgt die Lieferung am Montag", "OutForDelivery_004"),
    ("de", "Auf Wunsch des Empfängers beim Nachbarn abgegeben", "Delivered_005"),
    # de: late by the carrier
    ("de", "Ihr Paket konnte aus technischen Gründen heute nicht zugestellt werden", "Exception_005"),
    ("de", "Die Sendung wurde nicht rechtzeitig ausgeliefert", "Exception_005"),
    ("de", "Die Sendung konnte nicht zugestellt werden", "AttemptFail_001"),
    # de: trace opened, contact the carrier, data problem
    ("de", "Eine Nachforschung zu Ihrer Sendung wurde eingeleitet", "Exception_001"),
    ("de", "Bitte kontaktieren Sie unseren Kundenservice", "Exception_001"),
    ("de", "Fehlerhafte Sendungsdaten übermittelt", "Exception_001"),
    # de: redirect, or sorted and sent on
    ("de", "Die Sendung wird an die neue Lieferadresse gebracht", "InTransit_009"),
    ("de", "Paket wurde umgeleitet, Verzögerungen sind möglich", "InTransit_009"),
    ("de", "Paket bearbeitet und weitergeleitet", "InTransit_001"),
    # de: handed to a pickup shop, poste restante
    ("de", "Übergabe an den Paketshop durch den Fahrer", "AvailableForPickup_001"),
    ("de", "Die Sendung liegt postlagernd in Bern", "AvailableForPickup_001"),
    ("de", "Vom Absender im Paketshop abgegeben", "InTransit_002"),
    # de: advance notice sent
    ("de", "Avisierung per E-Mail erfolgreich versendet", "OutForDelivery_003"),
    ("de", "Avise am Vortag erfolgt", "OutForDelivery_003"),
    # de: collection order passed to the driver
    ("de", "Ihr Abholauftrag wurde an den Zusteller weitergegeben", "InfoReceived_001"),
    ("de", "Die Sendung ist beim Zusteller", "OutForDelivery_001"),
    # de: arrival at a site or in the destination country; passing through a hub
    ("de", "Paket im Verteilzentrum Kassel angekommen", "InTransit_003"),
    ("de", "Eingang im Bestimmungsland", "InTransit_004"),
    ("de", "Export ins Bestimmungsland", "InTransit_001"),
    ("de", "Durchlauf Umschlagzentrum", "InTransit_001"),
    # nl: exception, acceptance after the notice
    ("nl", "Uitzondering bij de bezorging", "Exception_001"),
    ("nl", "Pakket aangemeld en opgehaald door de koerier", "InTransit_002"),
    ("nl", "Zending aangemeld door de afzender", "InfoReceived_001"),
    # sv: redirect, exception, next leg, scans
    ("sv", "Paketet har omstyrts till ett annat ombud", "InTransit_009"),
    ("sv", "Undantag i leveransen", "Exception_001"),
    ("sv", "Försändelsen har överlämnats till postkontoret för utdelning", "InTransit_001"),
    ("sv", "Avgångsscanning i Malmö", "InTransit_007"),
    ("sv", "Paketet har kommit fram till terminalen i Umeå", "InTransit_003"),
    # en: return, recall
    ("en", "Your parcel is on the way back to the sender", "Exception_010"),
    ("en", "Shipment recalled by the shipper", "Exception_010"),
    # en: network problems
    ("en", "Processing exception at the sort facility", "Exception_016"),
    ("en", "Package mis-shipped to another hub", "Exception_016"),
    # en: moved
    ("en", "Delivery address is vacant", "Exception_002"),
    ("en", "Vacant property, no mail receptacle", "Exception_002"),
    ("en", "Forwarding order has expired", "Exception_002"),
    # en: bad address
    ("en", "Undeliverable as addressed, sent to the Undeliverable Mail Office", "Exception_007"),
    ("en", "Delivery failed due to address-related problems", "Exception_007"),
    # en: the recipient not reached; nowhere safe to leave it
    ("en", "Delivery attempted, the consignee could not be reached", "AttemptFail_001"),
    ("en", "Driver found no safe location to leave the parcel", "AttemptFail_001"),
    ("en", "Delivery attempted, recipient not at home", "AttemptFail_002"),
    # en: waiting at the office
    ("en", "Available for redelivery or collection at the post office", "AvailableForPickup_001"),
    ("en", "Reminder to pick up your parcel", "AvailableForPickup_001"),
    # en: a later delivery asked for; the carrier's own delay
    ("en", "The customer asked for a later delivery", "OutForDelivery_004"),
    ("en", "Shipment delayed due to high volumes", "Exception_005"),
    # en: collected by the recipient or its agent
    ("en", "Successful collection by the recipient at the parcel shop", "Delivered_002"),
    ("en", "Picked up by an agent at the post office", "Delivered_002"),
    ("en", "Ready for pick-up by the recipient at the parcel shop", "AvailableForPickup_001"),
    # en: signature copy; courier's office; carrier acceptance
    ("en", "Delivered. Proof of signature available on request", "Delivered_003"),
    ("en", "At the courier's depot", "InTransit_003"),
    ("en", "Accepted by courier, data received", "InTransit_002"),
]

test_read_alone = read_alone_check(CASES)
test_read_by_rules = read_by_rules_check(CASES)
