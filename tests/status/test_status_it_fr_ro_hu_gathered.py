"""Concepts of gathered Italian, French, Romanian and Hungarian carrier wording (Poste Italiane, SDA, BRT, GLS
Italy; La Poste/Colissimo, Chronopost, DPD France, Pickup; FAN Courier, Cargus, Sameday; Magyar Posta, GLS HU,
Foxpost, Express One):

* a delay or fault inside the carrier's own network or systems ("ritardo nel network", "erreur
  informatique", "eroare de sistem", "rendszerhiba") is a processing issue (it, fr, ro, hu);
* an earlier problem solved is back in transit, InTransit_008 (it, fr, ro, hu);
* the recipient not reachable by phone is a failed attempt, not a stated absence (C10; it, fr, ro, hu);
* the address not accessible (restricted zone, gate) is a failed attempt (it, fr, ro, hu);
* ready for the delivery is ready to leave, in transit (C7; it, fr, ro);
* taken over for the delivery is the round (it, ro); came into the carrier's possession is the pickup (it,
  ro); a collection from the sender still ahead, an online acceptance or a declaration received is
  pre-transit (it, fr, ro);
* "entrée dans l'agence" and "pris en charge sur notre site" are scans at that facility (C12; fr); checks
  under way or information awaited from the recipient are an exception (it, fr); "your parcel is waiting
  for you" is ready for pickup (it, fr); "Acqua alta" is weather (it);
* fr: handed back "distribué à l'expéditeur" is returned (C3); "faire partie de" is not a departure;
  handed by the relay point to the driver is the pickup; delivery put off by a stated time is a delay;
  "sortie de douane" is the customs release;
* ro: a notice with the failure's reason (no authorisation, no ID) is the failed attempt, no money for the
  cash on delivery is held for payment (Exception_006), the bare notice waits at the counter (C9); a later
  delivery agreed on contact is an appointment (C14); "neexpediat" is not yet shipped; the pickup point
  Sameday calls "punctul de livrare" is ready for pickup (C5);
* hu: accepted for carriage ("elfogadták") is the pickup; the sender's preparation is pre-transit (C13); an
  arrival counted in minutes is the round (C14); the cash-on-delivery payment confirmed is a COD delivery.

Our own sentences, none of them a gathered row; each is read from the text alone and by the rules of its
language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # a delay or fault in the carrier's network or systems
    ("it", "Consegna rinviata per un ritardo nella nostra rete di trasporto", "Exception_016"),
    ("it", "Errore di sistema: la spedizione sarà lavorata appena possibile", "Exception_016"),
    ("it", "Si è verificato un errore nella trasmissione dei dati del pacco", "Exception_016"),
    ("fr", "Retard dans notre réseau, votre colis sera livré dès que possible", "Exception_016"),
    ("fr", "Une erreur informatique a retardé le traitement de votre colis", "Exception_016"),
    ("fr", "Erreur lors de la transmission des données de votre envoi", "Exception_016"),
    ("ro", "Întârziere în rețeaua noastră, coletul va fi livrat cât mai curând", "Exception_016"),
    ("ro", "Eroare de sistem la procesarea coletului", "Exception_016"),
    ("ro", "A apărut o eroare la transmiterea datelor expedierii", "Exception_016"),
    ("hu", "Rendszerhiba miatt a csomag feldolgozása késik", "Exception_016"),
    ("hu", "Informatikai hiba, a küldeményt a lehető leghamarabb kézbesítjük", "Exception_016"),
    ("hu", "Adatátviteli hiba történt a küldemény adataiban", "Exception_016"),
    # an earlier problem solved
    ("it", "Problema doganale risolto, la spedizione prosegue", "InTransit_008"),
    ("it", "Anomalia risolta, il pacco riprende il viaggio", "InTransit_008"),
    ("it", "Abbiamo risolto il problema con la tua spedizione", "InTransit_008"),
    ("fr", "Incident de livraison résolu, votre colis repart", "InTransit_008"),
    ("fr", "Anomalie corrigée, envoi remis en circulation", "InTransit_008"),
    ("fr", "Le problème d'adressage est réglé", "InTransit_008"),
    ("ro", "Problema vamală a fost rezolvată, coletul își continuă drumul", "InTransit_008"),
    ("ro", "Incident remediat, expedierea continuă", "InTransit_008"),
    ("ro", "Problemă de adresă soluționată", "InTransit_008"),
    ("hu", "A vámprobléma megoldódott, a csomag továbbhalad", "InTransit_008"),
    ("hu", "A hiba elhárítva, a küldemény újra úton van", "InTransit_008"),
    ("hu", "A címmel kapcsolatos probléma rendezve", "InTransit_008"),
    # not reachable by phone: a failed attempt, not a stated absence (C10)
    ("it", "Destinatario irraggiungibile telefonicamente", "AttemptFail_001"),
    ("it", "Il cliente non risponde al telefono", "AttemptFail_001"),
    ("it", "Telefono del destinatario spento, consegna non effettuata", "AttemptFail_001"),
    ("fr", "Destinataire injoignable, livraison impossible", "AttemptFail_001"),
    ("fr", "Le client ne répond pas au téléphone", "AttemptFail_001"),
    ("fr", "Téléphone du destinataire éteint", "AttemptFail_001"),
    ("ro", "Clientul nu a răspuns la apel", "AttemptFail_001"),
    ("ro", "Telefonul destinatarului este închis", "AttemptFail_001"),
    ("ro", "Destinatarul nu a putut fi contactat telefonic", "AttemptFail_001"),
    ("hu", "A címzett telefonon nem volt elérhető", "AttemptFail_001"),
    ("hu", "A címzett nem vette fel a telefont", "AttemptFail_001"),
    ("hu", "A címzett telefonja kikapcsolva", "AttemptFail_001"),
    # the address not accessible: a failed attempt
    ("it", "Accesso non consentito all'indirizzo di consegna", "AttemptFail_001"),
    ("it", "Consegna non riuscita per restrizioni di accesso", "AttemptFail_001"),
    ("it", "Impossibile accedere al civico indicato", "AttemptFail_001"),
    ("fr", "Restrictions d'accès au lieu de livraison", "AttemptFail_001"),
    ("fr", "Accès à la résidence bloqué, colis non remis", "AttemptFail_001"),
    ("fr", "Digicode manquant, le livreur n'a pas pu entrer", "AttemptFail_001"),
    ("ro", "Acces interzis la adresa de livrare", "AttemptFail_001"),
    ("ro", "Curierul nu a avut acces în clădire", "AttemptFail_001"),
    ("ro", "Restricție de acces în zona destinatarului", "AttemptFail_001"),
    ("hu", "A futár nem tudott bejutni az épületbe", "AttemptFail_001"),
    ("hu", "Behajtási tilalom a címen, a csomag nem kézbesíthető", "AttemptFail_001"),
    ("hu", "Korlátozott bejutás a kézbesítési címre", "AttemptFail_001"),
    # ready for the delivery: ready to leave (C7)
    ("it", "Il pacco è pronto per la consegna", "InTransit_001"),
    ("it", "Spedizioni pronte alla distribuzione", "InTransit_001"),
    ("it", "Pronto per il recapito", "InTransit_001"),
    ("fr", "Votre colis est prêt pour la livraison", "InTransit_001"),
    ("fr", "Colis prêt pour livraison", "InTransit_001"),
    ("fr", "Envois prêts pour la distribution", "InTransit_001"),
    ("ro", "Coletul este pregătit pentru livrare", "InTransit_001"),
    ("ro", "Expediere gata de livrare", "InTransit_001"),
    ("ro", "Coletele sunt pregătite de livrare", "InTransit_001"),
    # taken over for the delivery: the round
    ("it", "Spedizione presa in carico per la consegna", "OutForDelivery_001"),
    ("it", "Il pacco è stato preso in carico dal corriere per la consegna", "OutForDelivery_001"),
    ("it", "Colli presi in carico per consegna in mattinata", "OutForDelivery_001"),
    ("ro", "Coletul a fost preluat de curier pentru livrare", "OutForDelivery_001"),
    ("ro", "Colet preluat spre livrare", "OutForDelivery_001"),
    ("ro", "Expedierea a fost preluată în vederea livrării", "OutForDelivery_001"),
    # in the carrier's possession: the pickup
    ("it", "Il pacco è entrato in nostro possesso", "InTransit_002"),
    ("it", "La spedizione è in possesso del corriere", "InTransit_002"),
    ("it", "Spedizione ora in nostro possesso", "InTransit_002"),
    ("ro", "Expedierea a intrat în posesia curierului", "InTransit_002"),
    ("ro", "Coletul tău este în posesia noastră", "InTransit_002"),
    ("ro", "Coletele au intrat în posesia noastră", "InTransit_002"),
    # a collection ahead, an online acceptance, a declaration received: pre-transit
    ("it", "Il corriere ritirerà il pacco presso il mittente", "InfoReceived_001"),
    ("it", "Il nostro autista ritirerà la spedizione dal mittente domani", "InfoReceived_001"),
    ("it", "Spedizione accettata online dal mittente", "InfoReceived_001"),
    ("it", "Raccomandata accettata on-line", "InfoReceived_001"),
    ("it", "Accettazione online completata", "InfoReceived_001"),
    ("fr", "Déclaration reçue de votre expéditeur", "InfoReceived_001"),
    ("fr", "Déclaratif transmis par le vendeur", "InfoReceived_001"),
    ("fr", "Déclaration enregistrée, colis pas encore remis", "InfoReceived_001"),
    ("ro", "Curierul urmează să ridice expedierea mâine", "InfoReceived_001"),
    ("ro", "Curierul va ridica marfa de la expeditor", "InfoReceived_001"),
    ("ro", "Urmează să ridicăm coletul de la expeditor", "InfoReceived_001"),
    # entered or taken in at the carrier's site (C12)
    ("fr", "Colis entré dans l'agence de Marseille", "InTransit_003"),
    ("fr", "Entrée sur la plateforme de Lille", "InTransit_003"),
    ("fr", "Envoi entré au dépôt de Rennes", "InTransit_003"),
    ("fr", "Pris en charge de votre envoi dans notre agence de Nantes", "InTransit_003"),
    ("fr", "Colis réceptionné par nos équipes sur notre site de Toulouse", "InTransit_003"),
    ("fr", "Votre colis est dans sa plateforme de distribution", "InTransit_003"),
    # checks under way, information awaited from the recipient: an exception
    ("it", "Verifiche in corso sulla spedizione", "Exception_001"),
    ("it", "Sono in corso accertamenti sul pacco", "Exception_001"),
    ("it", "In attesa di informazioni aggiuntive dal destinatario", "Exception_001"),
    ("fr", "Colis en cours de vérification, merci de patienter", "Exception_001"),
    ("fr", "En attente de précisions de votre part", "Exception_001"),
    ("fr", "Envoi en attente de renseignements du destinataire", "Exception_001"),
    # waiting for you: ready for pickup
    ("it", "Il tuo pacco ti aspetta", "AvailableForPickup_001"),
    ("it", "La spedizione vi attende", "AvailableForPickup_001"),
    ("it", "Il tuo ordine ti attende", "AvailableForPickup_001"),
    ("fr", "Votre commande vous attend", "AvailableForPickup_001"),
    ("fr", "Votre envoi vous attend !", "AvailableForPickup_001"),
    ("fr", "Le colis vous attend", "AvailableForPickup_001"),
    # Venice high water: weather
    ("it", "Consegna sospesa per acqua alta a Venezia", "Exception_017"),
    ("it", "Ritardo dovuto all'acqua alta", "Exception_017"),
    ("it", "Acqua alta in laguna, consegne sospese", "Exception_017"),
    # fr: handed back to the sender (C3)
    ("fr", "Colis distribué à l'expéditeur", "Exception_011"),
    ("fr", "Votre envoi a été distribué à l'expéditeur", "Exception_011"),
    ("fr", "Distribuée à l'expéditeur le 12/03", "Exception_011"),
    # fr: "faire partie de" is to belong, not to leave
    ("fr", "Votre colis fait partie d'un envoi de plusieurs colis", "InfoReceived_001"),
    ("fr", "Ces colis font partie d'une expédition multi-colis", "InfoReceived_001"),
    ("fr", "Colis faisant partie d'un lot", "InfoReceived_001"),
    # fr: handed by the drop-off point to the driver: the pickup
    ("fr", "Colis remis par le point relais au transporteur", "InTransit_002"),
    ("fr", "Envoi remis par votre commerçant au chauffeur", "InTransit_002"),
    ("fr", "Colis remis par la consigne au coursier", "InTransit_002"),
    # fr: put off by a stated time: a delay
    ("fr", "Livraison décalée d'un jour", "Exception_005"),
    ("fr", "Livraison retardée de 48 heures", "Exception_005"),
    ("fr", "Votre livraison est reportée de 2 jours", "Exception_005"),
    # fr: released from customs
    ("fr", "Colis en sortie de douane", "InTransit_005"),
    ("fr", "Sortie de la douane effectuée", "InTransit_005"),
    ("fr", "Votre envoi est sorti de la douane", "InTransit_005"),
    # fr: awaiting presentation
    ("fr", "Colis en attente de présentation au destinataire", "InTransit_001"),
    ("fr", "Envoi en attente de présentation", "InTransit_001"),
    ("fr", "Votre colis est en attente de présentation", "InTransit_001"),
    # ro: a notice with the failure's reason is the failed attempt; the bare notice waits (C9)
    ("ro", "Avizat, destinatarul nu are bani pentru ramburs", "Exception_006"),
    ("ro", "Avizat: persoana nu are împuternicire", "AttemptFail_001"),
    ("ro", "Avizat, fără act de identitate", "AttemptFail_001"),
    ("ro", "Avizat, lipsă destinatar la adresă", "AttemptFail_002"),
    ("ro", "Avizat - lipsa persoanei de contact", "AttemptFail_002"),
    ("ro", "Avizat, lipsă persoană la domiciliu", "AttemptFail_002"),
    # ro: a later delivery agreed on contact: an appointment (C14)
    ("ro", "Destinatar contactat, livrare ulterioară", "OutForDelivery_004"),
    ("ro", "Livrare la o dată ulterioară stabilită telefonic", "OutForDelivery_004"),
    ("ro", "Livrarea a fost stabilită cu destinatarul", "OutForDelivery_004"),
    # ro: not yet shipped
    ("ro", "Expediere neexpediată încă", "InfoReceived_001"),
    ("ro", "Coletul nu a fost încă expediat", "InfoReceived_001"),
    ("ro", "Colet neexpediat de vânzător", "InfoReceived_001"),
    # ro: the pickup point Sameday calls "punctul de livrare" (C5)
    ("ro", "Coletul a sosit la punctul de livrare ales", "AvailableForPickup_001"),
    ("ro", "Colet depus în punctul de livrare", "AvailableForPickup_001"),
    ("ro", "Expedierea a fost predată la punctul de livrare", "AvailableForPickup_001"),
    ("ro", "Coletul este în drum spre punctul de livrare", "InTransit_007"),
    # hu: accepted for carriage; not accepted by the recipient
    ("hu", "A csomagot elfogadtuk szállításra", "InTransit_002"),
    ("hu", "A küldeményt a futárszolgálat elfogadta", "InTransit_002"),
    ("hu", "Csomag elfogadva a depóban szállításra", "InTransit_002"),
    ("hu", "A csomagot a címzettek nem fogadták el", "Exception_003"),
    # hu: prepared by the sender (C13)
    ("hu", "A csomag előkészítése folyamatban", "InfoReceived_001"),
    ("hu", "A rendelésed előkészítés alatt áll", "InfoReceived_001"),
    ("hu", "Küldemény előkészítése a feladónál", "InfoReceived_001"),
    # hu: an arrival counted in minutes: the round (C14)
    ("hu", "A futár 10 percen belül érkezik", "OutForDelivery_001"),
    ("hu", "Késés, új ETA: 15 perc", "OutForDelivery_001"),
    ("hu", "A csomagod 20 perc múlva érkezik", "OutForDelivery_001"),
    # hu: the cash-on-delivery payment confirmed
    ("hu", "Utánvét fizetés sikeres", "Delivered_004"),
    ("hu", "Az utánvétes összeg jóváírva", "Delivered_004"),
    ("hu", "Utánvételes befizetés megerősítve", "Delivered_004"),
]

test_read_from_the_text_alone = read_alone_check(CASES)
test_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
