"""Concepts from west-European freight and parcel wording (German, French, Italian, Dutch, Romanian and a
Hungarian freight reason list), round eleven:

* de: a return delivered back ("Rücksendung/Retoure zugestellt", also written "Ruecksendung") is back with
  the sender (C3); at a network site as a bare location ("befindet sich im Verteilzentrum") is the arrival
  (C12); the round leaving ("Tourbeginn", "Tourenausgang"), the delivery readied for today and "wird jetzt
  zugestellt" are out for delivery, a named later day stays the forecast (C14); a delivery to the wrong
  person or site, a fault while loading or sorting is a network problem; breakage ("Bruch") is damage;
  collected by the recipient or by the carrier's driver reads from who does the "Abholung"; a third person
  is the neighbour's delivery; handed over by the sender is the acceptance; the recipient's chosen delivery
  ("Wunschzustellung") is an appointment; on holiday is the addressee absent; "konnte nicht wie geplant
  zugestellt werden" is a failed attempt; a destination scan is the arrival;
* fr: "dépôt restant" and "poste restante" wait for pickup; collected at the agency or depot is the
  collection (C6); an appointment being arranged is the customer contacted, an arranged one stays the
  appointment (C14); a customs problem or incident is held in customs; taken in charge for the delivery is
  out for delivery; not yet taken in charge is pre-transit;
* it: "giacenza" at the carrier's depot and a "pratica di giacenza" are an exception, at the post office it
  waits for pickup; a pickup at the sender in progress is pre-transit; "acquisita in filiale" is the arrival
  (C11); not put out for delivery is a failed attempt;
* nl: "onderweg voor/ter levering/bezorging" is out for delivery;
* ro: compensated ("despăgubit") is lost; a courier allotted to collect it is pre-transit; loaded into an
  OOH point waits for pickup (C5);
* hu: cancelled by the buyer; taken over with damaged packaging, short or partial, conditionally, or marked
  fulfilled is delivered, damaged goods taken over stay damaged; missing or faulty waybill, invoice or
  customs papers are a document problem; goods not loaded or left in the warehouse, the driver's run not
  done are a network problem; a short shelf life is the refusal; closed, stocktaking, no goods receiving is
  the business closed; outside the carrier's area (C17), not fulfilled with no cause, or a special vehicle
  needed is a generic exception; no room, no money, the wrong day, a long wait, arriving late or an
  unreachable site is a failed attempt; waiting to be brought in is in transit.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

CASES = [
    ("de", "Rücksendung erfolgreich zugestellt", "Exception_011"),
    ("de", "Die Retoure wurde zugestellt", "Exception_011"),
    ("de", "Ruecksendung an den Absender unterwegs", "Exception_010"),
    ("de", "Ihr Paket befindet sich derzeit im DHL Paketzentrum", "InTransit_003"),
    ("de", "Die Sendung befindet sich in der Zustellbasis Hamburg", "InTransit_003"),
    ("de", "Paket befindet sich im GLS Depot", "InTransit_003"),
    ("de", "Tourbeginn: Ihr Paket ist auf dem Weg zu Ihnen", "OutForDelivery_001"),
    ("de", "Tourstart der Zustellung", "OutForDelivery_001"),
    ("de", "Die Sendung wurde falsch zugestellt und wird beim falschen Empfänger abgeholt", "Exception_016"),
    ("de", "Fehlzustellung: Paket ging an einen falschen Empfänger", "Exception_016"),
    ("de", "Die Sendung wurde an ein falsches Depot geleitet", "Exception_016"),
    ("de", "Bei der Sortierung ist eine Störung aufgetreten", "Exception_016"),
    ("de", "Sortierfehler im Paketzentrum", "Exception_016"),
    ("de", "Fehler beim Verladen der Sendung", "Exception_016"),
    ("de", "Bruchschaden am Paket festgestellt", "Exception_012"),
    ("de", "Bruch während des Transports", "Exception_012"),
    ("de", "Die Sendung wurde durch den Empfänger im Paketshop abgeholt", "Delivered_002"),
    ("de", "Abholung in der Filiale durch den Kunden", "Delivered_002"),
    ("de", "Abholung beim Absender durch unseren Fahrer", "InTransit_002"),
    ("de", "Abholung aus dem Paketshop durch den GLS Kurier", "InTransit_002"),
    ("de", "Zustellung an eine dritte Person im Haus", "Delivered_005"),
    ("de", "Das Paket wurde bei einer dritten Person abgegeben", "Delivered_005"),
    ("de", "Vom Absender im Paketshop abgegeben", "InTransit_002"),
    ("de", "Durch den Versender an die Filiale übergeben", "InTransit_002"),
    ("de", "Ihre Wunschzustellung wurde gespeichert", "OutForDelivery_004"),
    ("de", "Wunschliefertag für Ihre Sendung festgelegt", "OutForDelivery_004"),
    ("de", "Der Empfänger ist im Urlaub", "AttemptFail_002"),
    ("de", "Empfänger verreist, Paket wird erneut zugestellt", "AttemptFail_002"),
    ("de", "Die Sendung konnte heute leider nicht zugestellt werden", "AttemptFail_001"),
    ("de", "Paket konnte wegen Hindernis nicht wie vorgesehen zugestellt werden", "AttemptFail_001"),
    ("de", "Ziel-Scan im Zustellstützpunkt", "InTransit_003"),
    ("de", "Ihre Zustellung für heute wird geplant", "OutForDelivery_001"),
    ("de", "Heutige Zustellung wird vorbereitet", "OutForDelivery_001"),
    ("de", "Ihr Paket wird jetzt zugestellt", "OutForDelivery_001"),
    ("de", "Paket wird am Montag zugestellt", "InTransit_001"),
    ("fr", "Colis en poste restante", "AvailableForPickup_001"),
    ("fr", "Votre colis est en dépôt restant au bureau", "AvailableForPickup_001"),
    ("fr", "Colis récupéré au dépôt par le destinataire", "Delivered_002"),
    ("fr", "Colis retiré à l'agence DPD", "Delivered_002"),
    ("fr", "Envoi enlevé en agence", "Delivered_002"),
    ("fr", "Prise de rendez-vous avec le destinataire en cours", "OutForDelivery_003"),
    ("fr", "Colis en cours de prise de rendez-vous", "OutForDelivery_003"),
    ("fr", "Rendez-vous de livraison fixé au 12 mars", "OutForDelivery_004"),
    ("fr", "Problème de douane sur votre colis", "Exception_004"),
    ("fr", "Incident douanier en cours de traitement", "Exception_004"),
    ("fr", "Anomalie douanière sur l'envoi", "Exception_004"),
    ("fr", "Colis pris en charge pour la livraison", "OutForDelivery_001"),
    ("fr", "Votre colis a été pris en charge par le livreur", "OutForDelivery_001"),
    ("fr", "Votre colis n'a pas encore été pris en charge par notre réseau", "InfoReceived_001"),
    ("fr", "Colis pris en charge par le transporteur", "InTransit_002"),
    ("it", "Spedizione in giacenza presso il deposito BRT", "Exception_001"),
    ("it", "Apertura della pratica di giacenza per la spedizione", "Exception_001"),
    ("it", "La spedizione è in giacenza presso l'ufficio postale", "AvailableForPickup_001"),
    ("it", "Ritiro in corso presso il mittente", "InfoReceived_001"),
    ("it", "Spedizione acquisita nel centro di smistamento", "InTransit_003"),
    ("it", "Collo acquisito in filiale di Bologna", "InTransit_003"),
    ("it", "La spedizione non è stata messa in consegna", "AttemptFail_001"),
    ("it", "Pacco non più in consegna oggi", "AttemptFail_001"),
    ("nl", "Pakket onderweg voor bezorging bij u", "OutForDelivery_001"),
    ("nl", "Zending onderweg ter aflevering", "OutForDelivery_001"),
    ("ro", "Colet despăgubit", "Exception_013"),
    ("ro", "Despăgubire acordată pentru coletul pierdut", "Exception_013"),
    ("ro", "Colet alocat pentru ridicare de la expeditor", "InfoReceived_001"),
    ("ro", "Curier alocat, coletul va fi ridicat", "InfoReceived_001"),
    ("ro", "Coletul a fost încărcat în OOH", "AvailableForPickup_001"),
    ("ro", "Comanda ta a fost livrată în punctul OOH", "AvailableForPickup_001"),
    ("hu", "A megrendelő lemondta a rendelést", "Exception_020"),
    ("hu", "Rendelés lemondás miatt törölve", "Exception_020"),
    ("hu", "Sérült csomagolással átvette a címzett", "Delivered_001"),
    ("hu", "A csomagot szakadt csomagolással vette át", "Delivered_001"),
    ("hu", "Hiányosan átvéve", "Delivered_001"),
    ("hu", "A küldemény egy részét vette át a címzett", "Delivered_001"),
    ("hu", "A fuvar teljesítve", "Delivered_001"),
    ("hu", "Fuvar részteljesítéssel lezárva", "Delivered_001"),
    ("hu", "Feltételesen vette át a címzett", "Delivered_001"),
    ("hu", "Sérült áru, a címzett átvette", "Exception_012"),
    ("hu", "Hiányzó szállítólevél", "Exception_018"),
    ("hu", "A fuvarlevél hibás", "Exception_018"),
    ("hu", "Hiányos számla miatt a küldemény áll", "Exception_018"),
    ("hu", "Vámokmány hiány miatt feltartva", "Exception_018"),
    ("hu", "Az áru nem jött le a raktárból", "Exception_016"),
    ("hu", "A csomag a depóban maradt", "Exception_016"),
    ("hu", "A küldemény nem került felrakásra", "Exception_016"),
    ("hu", "A futár nem teljesítette a fuvart", "Exception_016"),
    ("hu", "Rövid lejáratú termék miatt visszautasítva", "Exception_003"),
    ("hu", "Üzlet zárva volt", "AttemptFail_003"),
    ("hu", "Leltár miatt zárva", "AttemptFail_003"),
    ("hu", "Ma nincs áruátvétel a telephelyen", "AttemptFail_003"),
    ("hu", "A címzett nem volt otthon", "AttemptFail_002"),
    ("hu", "A cím nem a mi körzetünkben van", "Exception_001"),
    ("hu", "A cím kívül esik a kiszállítási körzeten kívül", "Exception_001"),
    ("hu", "A küldemény nem lett teljesítve", "Exception_001"),
    ("hu", "Emelőhátfal szükséges a kiszállításhoz", "Exception_001"),
    ("hu", "A telephely nem megközelíthető", "AttemptFail_001"),
    ("hu", "Helyhiány miatt nem tudta átvenni a csomagot", "AttemptFail_001"),
    ("hu", "A címzettnek nem volt készpénze", "AttemptFail_001"),
    ("hu", "A címzett nem tudott fizetni", "AttemptFail_001"),
    ("hu", "Nem erre az időpontra rendelte", "AttemptFail_001"),
    ("hu", "Túl hosszú várakozás a címen", "AttemptFail_001"),
    ("hu", "A futár későn érkezett a címre", "AttemptFail_001"),
    ("hu", "A kiszállítás ma nem sikerült", "AttemptFail_001"),
    ("hu", "Küldemény beszállításra vár", "InTransit_001"),
]

test_read_from_the_text_alone = read_alone_check(CASES)
test_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
