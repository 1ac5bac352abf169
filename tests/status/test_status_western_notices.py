"""Pre-advice, pickup, release, return, damage and location concepts in English, German, Dutch, French,
Spanish, Portuguese and Italian.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv`, written for concepts the
rules had missed: "receipt of data" before posting (pre-advice, not acceptance), handed over "for
transport", any form of "prohibit", a release still awaited from a government agency (a hold, not yet a
release), address information required, held for customer pickup; a German drop-off place (Ablageort), a
parcel shop emptied by the carrier, a bare site ("Im Paketzentrum"); the Dutch destination country with an
article; French "traité" (processed), the return put at the seller's disposal, "nous sommes passés mais"
(a failed attempt), import/export formalities; Spanish "depositado" by the sender; Portuguese "estragado",
"partida" (departure), leaving customs, a notice at the station, directed to a post-office unit; Italian
Swiss "impostare" (to post), the data sent ahead, tracking not available, the destination country, cleared
("autorizzato") by customs.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
FORMS: list[tuple[str, str, str]] = [
    # en: receipt of data / before posting is pre-advice
    ("en", "Receipt of electronic data about the parcel", "InfoReceived_001"),
    ("en", "Receipt of shipment information from the sender", "InfoReceived_001"),
    ("en", "Parcel data received prior to posting", "InfoReceived_001"),
    ("en", "Consignment details submitted before posting", "InfoReceived_001"),
    # en: handed over for transport
    ("en", "Shipment handed over for transport", "InTransit_002"),
    ("en", "The parcel was accepted for carriage", "InTransit_002"),
    ("en", "Item sent for transport by the sender", "InTransit_002"),
    # en: prohibit in any form
    ("en", "Shipment contains goods the carrier prohibits", "Exception_009"),
    ("en", "Contents prohibited for air transport", "Exception_009"),
    ("en", "Prohibition on these articles: not accepted", "Exception_009"),
    ("en", "Package contains forbidden items", "Exception_009"),
    # en: a release still awaited from an authority is a hold
    ("en", "Held by a government agency", "Exception_004"),
    ("en", "Pending release from a government agency", "Exception_004"),
    ("en", "Your shipment is awaiting release by the authorities", "Exception_004"),
    ("en", "Shipment pending customs release", "Exception_004"),
    # en: address information required
    ("en", "Address information needed", "Exception_007"),
    ("en", "Additional address information required", "Exception_007"),
    ("en", "We need more address details to deliver your parcel", "Exception_007"),
    ("en", "The address details are incomplete", "Exception_007"),
    # en: held for pickup by whoever
    ("en", "Held for recipient pickup", "AvailableForPickup_001"),
    ("en", "Being held for customer collection", "AvailableForPickup_001"),
    ("en", "Package held for customer pick up", "AvailableForPickup_001"),
    # en: contents missing from a damaged parcel, empty packaging thrown away
    ("en", "Parcel damaged, contents missing", "Exception_012"),
    ("en", "Empty box discarded, contents missing; the sender will be told of the damage", "Exception_012"),
    ("en", "The damaged packaging was disposed of and the contents forwarded", "Exception_012"),
    ("en", "The parcel was destroyed", "Exception_021"),
    # de: Ablageort is a delivery
    ("de", "Das Paket wurde am Wunschablageort hinterlegt", "Delivered_001"),
    ("de", "Sendung am vereinbarten Ablageort hinterlegt", "Delivered_001"),
    ("de", "Die Sendung wurde im Ablageort Garage hinterlegt", "Delivered_001"),
    # de: collected by the carrier
    ("de", "Das Paket wurde vom Kurier im Paketshop abgeholt", "InTransit_002"),
    ("de", "Die Sendung wurde von DPD beim Absender abgeholt", "InTransit_002"),
    ("de", "Sendung vom Fahrer im PaketShop abgeholt", "InTransit_002"),
    ("de", "Die Sendung wurde von GLS im Paketshop abgeholt", "InTransit_002"),
    ("de", "Die Sendung wurde vom Empfänger im Paketshop abgeholt", "Delivered_002"),
    # de: a bare site
    ("de", "Im Paketzentrum", "InTransit_003"),
    ("de", "In der Zustellbasis", "InTransit_003"),
    ("de", "Sendung im Paketzentrum", "InTransit_003"),
    # nl: destination country with article
    ("nl", "Pakket is in het bestemmingsland aangekomen", "InTransit_004"),
    ("nl", "Zending gearriveerd in het land van bestemming", "InTransit_004"),
    ("nl", "Je pakket is ontvangen in het bestemmingsland", "InTransit_004"),
    ("nl", "De zending heeft het bestemmingsland bereikt", "InTransit_004"),
    ("nl", "Zending is gesorteerd in het bestemmingsland", "InTransit_001"),
    # fr: processed
    ("fr", "Colis traité au centre de tri", "InTransit_001"),
    ("fr", "Envoi traité dans notre agence", "InTransit_001"),
    ("fr", "Article traité par l'établissement postal", "InTransit_001"),
    # fr: at the sender's or seller's disposal after a return
    ("fr", "Colis mis à disposition de l'expéditeur", "Exception_011"),
    ("fr", "Votre colis retourné a été mis à disposition du vendeur", "Exception_011"),
    ("fr", "Colis remis au vendeur suite à un retour", "Exception_011"),
    # fr: came by, could not hand over
    ("fr", "Nous n'avons pas pu vous remettre votre colis", "AttemptFail_001"),
    ("fr", "Le livreur est passé mais n'a pas pu livrer votre colis", "AttemptFail_001"),
    ("fr", "Notre facteur n'a pu vous remettre votre lettre recommandée", "AttemptFail_001"),
    ("fr", "Nous sommes passés mais n'avons pas pu livrer votre colis, il sera disponible en bureau de poste",
     "AttemptFail_001"),
    # fr: import/export formalities
    ("fr", "Formalités d'importation en cours", "InTransit_006"),
    ("fr", "Les formalités d'export sont en cours", "InTransit_006"),
    ("fr", "Formalités import terminées", "InTransit_005"),
    ("fr", "Colis autorisé par la douane", "InTransit_005"),
    # es: deposited by the sender
    ("es", "Envío depositado", "InTransit_002"),
    ("es", "Depositado por el remitente", "InTransit_002"),
    ("es", "Paquete depositado en la oficina de origen", "InTransit_002"),
    ("es", "Envío autorizado por la aduana", "InTransit_005"),
    ("es", "Salida de la aduana", "InTransit_005"),
    # pt: damaged, departure, leaving customs
    ("pt", "Encomenda estragada", "Exception_012"),
    ("pt", "Objeto estragado durante o transporte", "Exception_012"),
    ("pt", "Embalagem partida", "Exception_012"),
    ("pt", "Partida do centro de distribuição", "InTransit_007"),
    ("pt", "Partida para Lisboa", "InTransit_007"),
    ("pt", "Saída da alfândega", "InTransit_005"),
    ("pt", "O objeto saiu da alfândega", "InTransit_005"),
    ("pt", "Objeto autorizado pela alfândega", "InTransit_005"),
    # pt: notice at a counter; directed to a unit
    ("pt", "Objeto avisado na loja CTT", "AvailableForPickup_001"),
    ("pt", "Encomenda avisada na estação de Lisboa", "AvailableForPickup_001"),
    ("pt", "Avisado no balcão", "AvailableForPickup_001"),
    ("pt", "Objeto direcionado para entrega em agência", "InTransit_009"),
    ("pt", "Encomenda direcionada para retirada na agência dos Correios", "InTransit_009"),
    ("pt", "Objeto direcionado para outra unidade a pedido do cliente", "InTransit_009"),
    # it: posted (impostare), pre-advice data, destination country, customs authorised
    ("it", "Invio impostato", "InTransit_002"),
    ("it", "Impostazione dell'invio", "InTransit_002"),
    ("it", "La lettera è stata impostata presso l'ufficio postale", "InTransit_002"),
    ("it", "Dati dell'invio trasmessi dal mittente", "InfoReceived_001"),
    ("it", "Inoltro dei dati della spedizione", "InfoReceived_001"),
    ("it", "Notifica della spedizione da parte del mittente", "InfoReceived_001"),
    ("it", "Tracciamento non ancora disponibile", "Pending_001"),
    ("it", "Tracking non disponibile", "Pending_001"),
    ("it", "Spedizione giunta nel paese di destinazione", "InTransit_004"),
    ("it", "Arrivo nel paese del destinatario", "InTransit_004"),
    ("it", "Invio autorizzato dalla dogana", "InTransit_005"),
    ("it", "La dogana ha autorizzato la spedizione", "InTransit_005"),
]


test_concept_is_read_from_the_text_alone = read_alone_check(FORMS)


test_concept_is_read_by_rules_with_language_given = read_by_rules_check(FORMS)


# Second set of concepts: drop-off at a shop vs collection there, held for pickup, arrival notices, unknown
# numbers, moved recipients, customs-cleared goods, future "out for delivery", redirects to a pickup point,
# courier pickup pending, origin acceptance, plain delays, closed businesses, postponements, unpaid COD and
# unordered goods.
FORMS_MORE = [
    # de: handed in at a parcel shop by the sender; taken from a shop for onward transport
    ("de", "Ihr Paket wurde im PaketShop eingeliefert", "InTransit_002"),
    ("de", "Das Paket wurde in der Postfiliale abgegeben", "InTransit_002"),
    ("de", "Sendung im Hermes PaketShop aufgegeben", "InTransit_002"),
    ("de", "Die Sendung ist in der Filiale eingegangen und liegt zur Abholung bereit",
     "AvailableForPickup_001"),
    ("de", "Die Sendung wurde im PaketShop abgeholt und zum Weiterversand ins Depot gebracht",
     "InTransit_002"),
    ("de", "Paket wurde aus dem PaketShop abgeholt und sortiert", "InTransit_002"),
    ("de", "Die Sendung wurde im PaketShop abgeholt", "Delivered_002"),
    # en: held at a location for the recipient's pickup; arrival notice to the recipient
    ("en", "Held at the post office for customer collection", "AvailableForPickup_001"),
    ("en", "Package held at UPS facility for recipient pick up", "AvailableForPickup_001"),
    ("en", "Held at depot for consignee pickup", "AvailableForPickup_001"),
    ("en", "Recipient notified of arrival", "AvailableForPickup_001"),
    ("en", "The customer has been informed about the arrival", "AvailableForPickup_001"),
    ("en", "Arrival notice sent to recipient", "AvailableForPickup_001"),
    ("en", "Unable to deliver: held at depot", "Exception_001"),
    # en: the tracking number is not known (yet)
    ("en", "Tracking number not found. Please check your tracking number", "Pending_004"),
    ("en", "We could not find the tracking information for this number", "Pending_004"),
    ("en", "Invalid tracking number", "Pending_004"),
    ("en", "We could not locate the shipment details for your request", "Pending_004"),
    # es: collected by the recipient (active voice)
    ("es", "El cliente ha recogido el paquete en la oficina", "Delivered_002"),
    ("es", "El destinatario retiró el envío del punto pickup", "Delivered_002"),
    ("es", "El destinatario ha recogido su pedido en la tienda", "Delivered_002"),
    # es: the recipient moved away
    ("es", "El destinatario ya no reside en esta dirección", "Exception_002"),
    ("es", "No entregado: el destinatario ha cambiado de domicilio", "Exception_002"),
    ("es", "La dirección no es el domicilio actual del cliente", "Exception_002"),
    # es: goods cleared ("mercancía despachada") vs dispatched to a place; out for delivery later, not today
    ("es", "Mercancía despachada", "InTransit_005"),
    ("es", "La mercancía ha sido despachada", "InTransit_005"),
    ("es", "Mercancía despachada hacia Madrid", "InTransit_007"),
    ("es", "Tu pedido saldrá a reparto mañana", "InTransit_001"),
    ("es", "En breve saldrá a reparto", "InTransit_001"),
    ("es", "Tu paquete saldrá hoy a reparto", "OutForDelivery_001"),
    # es: delivery data changed, now to a pickup point or office
    ("es", "Se ha modificado la dirección y se entregará en otra oficina", "InTransit_009"),
    ("es", "Datos de entrega actualizados: se entregará en un punto pack", "InTransit_009"),
    ("es", "Envío desviado a un punto de recogida", "InTransit_009"),
    # es: bare "pendiente de recoger/recogida" is the courier's pickup; with a point named, the recipient's
    ("es", "Pendiente de recogida", "InfoReceived_001"),
    ("es", "Envío pendiente de recoger en oficina", "AvailableForPickup_001"),
    ("es", "Envío en Pickup pendiente de recoger", "AvailableForPickup_001"),
    # es: taken in at the origin premises
    ("es", "Recepcionado en las instalaciones de origen", "InTransit_002"),
    ("es", "Envío ingresado en la sucursal de origen", "InTransit_002"),
    ("es", "El paquete ha sido recepcionado en la delegación de origen", "InTransit_002"),
    # es: a delay with no cause
    ("es", "El envío sufre un retraso", "Exception_005"),
    ("es", "Tu envío presenta un retraso en la entrega", "Exception_005"),
    ("es", "Es posible que se demore la entrega", "Exception_005"),
    ("es", "Envío demorado", "Exception_005"),
    # it: refused because never ordered or not as ordered
    ("it", "Merce mai ordinata dal destinatario", "Exception_003"),
    ("it", "Il destinatario non ha ordinato la merce", "Exception_003"),
    ("it", "Pacco non richiesto dal destinatario", "Exception_003"),
    ("it", "Merce non conforme all ordine", "Exception_003"),
    # it: business closed, with the verb in between
    ("it", "Il negozio è chiuso", "AttemptFail_003"),
    ("it", "DESTINATARIO E CHIUSO PER FERIE", "AttemptFail_003"),
    ("it", "L azienda risulta chiusa", "AttemptFail_003"),
    # it: the recipient put off the delivery or the release
    ("it", "Il destinatario ha rinviato la consegna", "OutForDelivery_004"),
    ("it", "Svincolo posticipato su richiesta del destinatario", "OutForDelivery_004"),
    ("it", "Il destinatario ha chiesto di rimandare la consegna", "OutForDelivery_004"),
    # it: the recipient does not pay the COD or the carriage
    ("it", "Destinatario non paga il contrassegno", "Exception_006"),
    ("it", "Mancato pagamento del contrassegno", "Exception_006"),
    ("it", "Il destinatario non vuole pagare le spese di spedizione", "Exception_006"),
    ("it", "Contrassegno non pagato", "Exception_006"),
]


test_more_concepts_are_read_from_the_text_alone = read_alone_check(FORMS_MORE)


test_more_concepts_are_read_by_rules_with_language_given = read_by_rules_check(FORMS_MORE)
