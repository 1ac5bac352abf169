"""Spanish, Italian and French concepts from carrier wording (Andreani, Dropi's couriers, Estafeta, Swiss
Post, Canada Post):

* es: "sin movimientos" as the bare status is the number known with no scan yet (Pending_002); a return only
  threatened for when the collection deadline runs out leaves the parcel waiting for pickup (C9), and "ya
  podés retirar" is the parcel available; the round back without a handover ("sin éxito en la entrega") is the
  failed attempt; "Zona de entrega" as the bare status is the round; ready to be handed over or a visit
  announced for today or the next hour is the round (C14); the carrier saying it handed the parcel out at its
  own branch is the collection there (C6); starting the delivery circuit is the acceptance (C11); a reception
  at a warehouse is the arrival scan (C12); assigned to a zone or branch is handling (C7); sent out for
  handover at an agency instead of the door is the forward to a pick-up location;
* it: the item "rinviato" with its cause is the return (C4), a delivery put off to a later day is not;
  customs finished, verb first, is the release; customs named only as a later possible step is not customs
  under way; a routing error ("errori di avviamento") is a network problem; delivered later as agreed with
  the recipient is the appointment (C14); a notice to collect at the counter is the pickup (C9), a failed
  attempt with a notice stays the attempt; made ready for onward forwarding is ready to leave (C7);
* fr: held back by customs is the customs hold; a copy of the signature on file is the signed delivery.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # es: no scan yet
    ("es", "Envío sin movimientos", "Pending_002"),
    ("es", "Guía aún sin movimiento", "Pending_002"),
    ("es", "Sin información del envío", "Pending_001"),
    # es: a return only threatened after the collection deadline; the parcel waits at the counter
    (
        "es",
        "Ya puedes retirar tu paquete en la sucursal Centro. Tienes tiempo hasta el 12/03; "
        "luego de esa fecha será devuelto al remitente",
        "AvailableForPickup_001",
    ),
    (
        "es",
        "Disponible para retirar en la sucursal de Palermo. De no ser retirado en 7 días "
        "será devuelto al remitente",
        "AvailableForPickup_001",
    ),
    ("es", "Envío devuelto al remitente por no ser retirado", "Exception_010"),
    # es: the round back without a handover
    ("es", "Reparto sin éxito", "AttemptFail_001"),
    ("es", "Ruta urbana sin éxito en la entrega", "AttemptFail_001"),
    ("es", "En ruta local", "OutForDelivery_001"),
    # es: in the delivery zone, ready or visited today
    ("es", "En zona de reparto", "OutForDelivery_001"),
    ("es", "Tu pedido está listo para entregarse hoy por la mañana", "OutForDelivery_001"),
    ("es", "Hoy te visitaremos para entregarte tu paquete", "OutForDelivery_001"),
    ("es", "Tu paquete está listo para ser recogido en la sucursal", "AvailableForPickup_001"),
    # es: handed out at the carrier's own branch
    ("es", "Ya entregamos tu paquete en nuestra sucursal Rosario a las 11:20", "Delivered_002"),
    ("es", "Entregado en el domicilio del destinatario", "Delivered_001"),
    # es: taken into the network, received at a warehouse, assigned to a zone
    ("es", "Tu pedido inició el circuito de distribución", "InTransit_002"),
    ("es", "Recepción en bodega central", "InTransit_003"),
    ("es", "Asignado a sucursal de reparto", "InTransit_001"),
    ("es", "En bodega cliente", "InfoReceived_001"),
    # es: out for handover at an agency
    ("es", "En ruta para retiro en sucursal", "InTransit_009"),
    ("es", "En distribución al domicilio del destinatario", "OutForDelivery_001"),
    # it: sent back with its cause, or put off
    ("it", "Il pacco viene rinviato perché l'indirizzo è incompleto", "Exception_010"),
    ("it", "Consegna rinviata su richiesta del destinatario", "OutForDelivery_004"),
    # it: customs finished, or only a possible later step
    ("it", "Sono state completate le operazioni di sdoganamento", "InTransit_005"),
    ("it", "Invio giunto nel paese di destinazione; eventualmente andrà alla dogana", "InTransit_004"),
    ("it", "Spedizione in dogana", "InTransit_006"),
    # it: routing errors, agreed delivery, notice to collect, made ready for forwarding
    ("it", "Errore di avviamento, la spedizione viene inoltrata alla filiale corretta", "Exception_016"),
    ("it", "Consegna successiva concordata con il destinatario", "OutForDelivery_004"),
    ("it", "Avviso depositato: l'invio può essere ritirato allo sportello", "AvailableForPickup_001"),
    ("it", "Tentativo di consegna non riuscito, lasciato avviso", "AttemptFail_001"),
    ("it", "La spedizione è arrivata al centro di Zurigo e viene preparata per l'inoltro", "InTransit_001"),
    # fr: held by customs, signature copy
    ("fr", "Colis retenu en douane", "Exception_004"),
    ("fr", "Colis en cours de dédouanement", "InTransit_006"),
    ("fr", "Livré, copie de la signature disponible sur demande", "Delivered_003"),
    ("fr", "Livré sans signature", "Delivered_001"),
    # fr: kept at customs to be cleared is the clearance under way, not a hold
    ("fr", "Colis retenu en douane pour son dédouanement", "InTransit_006"),
    ("fr", "Envoi retenu à la douane en vue du dédouanement", "InTransit_006"),
]

test_read_alone = read_alone_check(CASES)
test_read_by_rules = read_by_rules_check(CASES)
