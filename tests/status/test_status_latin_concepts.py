"""Pickup, hand-out, signature, pre-advice, locker and customs concepts read by stem across neighbouring
Latin-script languages.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv`, written for the concepts
whose wording the rules had missed: the Danish counter hand-out ("udleveret") and the signed delivery
"against a receipt", an announcement of a later stage ("when it is ready for pickup you will get a message")
that is not that stage, Norwegian grocery-store pickup points, a parcel taken in at the carrier's own
depot, hub or agency (an arrival scan) as against one taken over from the sender, a locker posted into by
the sender or emptied by the courier, a customs release told by its check being over, a delivery expected
today, and a failed attempt that will be retried.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
FORMS: list[tuple[str, str, str]] = [
    # counter hand-out / collected
    ("da", "Forsendelsen blev udleveret fra pakkeboksen", "Delivered_002"),
    ("da", "Pakken er nu udleveret til dig", "Delivered_002"),
    ("da", "Pakken blev leveret mod kvittering", "Delivered_003"),
    ("no", "Sendingen ble levert mot kvittering", "Delivered_003"),
    ("sv", "Försändelsen har levererats mot kvittens", "Delivered_003"),
    ("da", "Din pakke kan hentes i pakkeshoppen fra i morgen", "AvailableForPickup_001"),
    ("no", "Pakken din kan nå hentes", "AvailableForPickup_001"),
    ("sv", "Ditt paket kan nu hämtas", "AvailableForPickup_001"),
    # an announcement of a later stage is not that stage
    ("da", "Vi har modtaget din forsendelse. Når den er klar til afhentning, får du besked", "InTransit_002"),
    ("da", "Pakken fra butikken er endnu ikke modtaget af os", "InfoReceived_001"),
    ("no", "Sendingen er ankommet Rema 1000 Sentrum", "AvailableForPickup_001"),
    ("no", "Pakken har ankommet terminalen og blir sendt videre", "InTransit_003"),
    ("da", "Pakken er ankommet til terminalen og bliver sendt videre", "InTransit_003"),
    # taken in at a facility = arrival there; taken over from the sender = pickup
    ("cs", "Příjem zásilky v třídírně", "InTransit_003"),
    ("cs", "Zásilka byla přijata na depo Praha", "InTransit_003"),
    ("cs", "Zásilka byla převzata kurýrem", "InTransit_002"),
    ("cs", "Přijetí elektronických dat o zásilce", "InfoReceived_001"),
    ("cs", "Čekáme na předání zásilky od odesílatele", "InfoReceived_001"),
    ("fr", "Colis pris en charge sur la plateforme de Lyon", "InTransit_003"),
    ("fr", "Votre colis a été pris en charge par le transporteur", "InTransit_002"),
    ("fr", "Données de l'envoi reçues", "InfoReceived_001"),
    ("es", "Envío recogido en el almacén central", "InTransit_003"),
    ("es", "Paquete recogido por el mensajero", "InTransit_002"),
    ("es", "Envío pendiente de recepción en la agencia", "InfoReceived_001"),
    ("pt", "Objeto recebido na unidade de tratamento", "InTransit_003"),
    ("it", "Spedizione presa in carico presso il centro di smistamento", "InTransit_003"),
    # posted into / emptied from a locker by sender and courier
    ("de", "Das Paket wurde vom Absender in eine Packstation eingeliefert", "InTransit_002"),
    ("de", "Die Sendung wurde aus der Packstation zum Weitertransport entnommen", "InTransit_002"),
    ("de", "Die Sendung wurde vom Empfänger aus der Packstation abgeholt", "Delivered_002"),
    ("pl", "Paczka nadana w paczkomacie", "InTransit_002"),
    ("pl", "Przesyłka odebrana z paczkomatu przez kuriera", "InTransit_002"),
    # customs release stated by its check being over
    ("it", "Svincolo doganale completato", "InTransit_005"),
    ("it", "Conclusa la verifica per lo svincolo della spedizione", "InTransit_005"),
    ("fr", "Mainlevée douanière accordée", "InTransit_005"),
    ("es", "Envío liberado por la aduana", "InTransit_005"),
    ("pt", "Objeto liberado pela fiscalização aduaneira", "InTransit_005"),
    ("de", "Die Zollabfertigung ist abgeschlossen", "InTransit_005"),
    ("nl", "Zending is vrijgegeven door de douane", "InTransit_005"),
    ("pl", "Odprawa celna zakończona", "InTransit_005"),
    # delivery expected today
    ("it", "La consegna è prevista in giornata", "OutForDelivery_001"),
    ("it", "Consegna prevista per la giornata di oggi", "OutForDelivery_001"),
    ("fr", "Livraison prévue aujourd'hui", "OutForDelivery_001"),
    ("es", "Entrega prevista para hoy", "OutForDelivery_001"),
    ("pt", "Entrega prevista para hoje", "OutForDelivery_001"),
    ("de", "Die Zustellung ist heute geplant", "OutForDelivery_001"),
    ("nl", "Je pakket wordt vandaag bezorgd", "OutForDelivery_001"),
    # failed, will try again
    ("it", "La consegna non è andata a buon fine, ci riproveremo domani", "AttemptFail_001"),
    ("it", "Tentativo non riuscito a buon fine", "AttemptFail_001"),
    ("fr", "Livraison non aboutie, nouvelle tentative demain", "AttemptFail_001"),
    ("es", "Entrega no realizada, se realizará un nuevo intento", "AttemptFail_001"),
    ("pt", "Entrega não efetuada, nova tentativa será realizada", "AttemptFail_001"),
    ("de", "Zustellung nicht erfolgreich, wir versuchen es erneut", "AttemptFail_001"),
    ("nl", "Bezorging is niet gelukt, we proberen het morgen opnieuw", "AttemptFail_001"),
    ("ro", "Livrare nereușită, vom reîncerca", "AttemptFail_001"),
    # the same concepts in the neighbouring languages
    ("nl", "Ontvangen in het sorteercentrum", "InTransit_003"),
    ("pl", "Przesyłka przyjęta w sortowni", "InTransit_003"),
    ("ro", "Colet primit în depozit", "InTransit_003"),
    ("en", "Received at the hub", "InTransit_003"),
    ("hu", "A küldemény beérkezett a depóba", "InTransit_003"),
    ("pl", "Nieudana próba doręczenia, ponowimy jutro", "AttemptFail_001"),
    ("tr", "Gönderi teslim edilemedi, tekrar denenecek", "AttemptFail_001"),
    ("hu", "Sikertelen kézbesítés", "AttemptFail_001"),
    ("fi", "Jakelu epäonnistui", "AttemptFail_001"),
    ("en", "Delivery unsuccessful, we will try again tomorrow", "AttemptFail_001"),
    ("pl", "Doręczenie planowane dzisiaj", "OutForDelivery_001"),
    ("tr", "Gönderiniz bugün teslim edilecek", "OutForDelivery_001"),
    ("ro", "Livrare estimată astăzi", "OutForDelivery_001"),
    ("fi", "Lähetys toimitetaan tänään", "OutForDelivery_001"),
    ("en", "Delivery expected today", "OutForDelivery_001"),
    ("de", "Zugestellt gegen Unterschrift", "Delivered_003"),
    ("nl", "Afgeleverd, getekend door de ontvanger", "Delivered_003"),
    ("it", "Consegnata con firma del destinatario", "Delivered_003"),
    ("pt", "Entregue mediante assinatura", "Delivered_003"),
    ("es", "Entregado con firma del destinatario", "Delivered_003"),
    ("fr", "Livré contre signature", "Delivered_003"),
    ("cs", "Doručeno proti podpisu", "Delivered_003"),
    ("fi", "Luovutettu kuittausta vastaan", "Delivered_003"),
    ("ro", "Colet vămuit", "InTransit_005"),
    ("tr", "Gümrük işlemleri tamamlandı", "InTransit_005"),
    ("hu", "A vámkezelés befejeződött", "InTransit_005"),
    ("fi", "Lähetys on tullattu", "InTransit_005"),
    ("en", "Released by customs", "InTransit_005"),
    ("cs", "Celní odbavení bylo dokončeno", "InTransit_005"),
    ("nl", "Elektronische gegevens ontvangen", "InfoReceived_001"),
    ("pl", "Otrzymano dane elektroniczne przesyłki", "InfoReceived_001"),
    ("hu", "Elektronikus adatok beérkeztek", "InfoReceived_001"),
    ("pt", "Dados eletrônicos recebidos", "InfoReceived_001"),
    ("es", "Datos electrónicos recibidos", "InfoReceived_001"),
    ("sv", "Vi har tagit emot ditt paket. När det kan hämtas får du ett meddelande", "InTransit_002"),
    ("no", "Vi har mottatt pakken din. Når den er klar til henting, får du beskjed", "InTransit_002"),
    ("en", "We have received your parcel; you will be notified when it is ready", "InTransit_002"),
    ("en", "Parcel dropped off at the locker by the sender", "InTransit_002"),
    ("cs", "Zásilka byla vložena odesílatelem do Z-BOXu", "InTransit_002"),
    ("sv", "Paketet har lämnats ut till mottagaren", "Delivered_002"),
]

# Read right once the language is known; without it the text alone reads as a neighbouring language.
HINTED_ONLY: list[tuple[str, str, str]] = [
    ("no", "Pakken er ankommet til Coop Extra Storgata", "AvailableForPickup_001"),
    ("ro", "Date electronice primite", "InfoReceived_001"),
]


test_concept_is_read_from_the_text_alone = read_alone_check(FORMS)


test_concept_is_read_by_rules_with_language_given = read_by_rules_check(FORMS + HINTED_ONLY)
