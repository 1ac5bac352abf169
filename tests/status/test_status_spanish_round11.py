"""Spanish concepts from courier wording gathered for Spain and Latin America (TIPSA, Correos Express, MRW,
Bluexpress, Servientrega, Coordinadora), round eleven:

* still to be handed to the carrier ("pendiente de entregar a <carrier>") or to be collected from the sender
  ("a colectar", "por recolectar") is pre-transit (C13);
* at a pickup point or locker as the bare location ("en punto Drop", "en el casillero"), or delivered into
  a locker named with a qualifier ("Smart Locker"), is waiting for pickup (C5); handed out or taken out
  through a locker, point or counter is the collection (C6);
* handed over as a return is back with the sender (C3); a bare "devuelto" is the return (C1, C2); a return
  only in prospect ("posible devolución") is a generic exception, and a stated cause still wins;
* a sector or town the carrier does not cover is a generic exception (C17);
* pieces missing ("faltan bultos") or the parcel never physically arrived is lost; a loss claim (indemnity,
  "siniestro") is lost too;
* goods badly packed are refused by the carrier as non-compliant;
* held up by a breakdown that names no equipment is a delay for outside reasons;
* the duties' payment done is the problem resolved;
* the addressee without money or not paying what is due at the door is held for payment;
* delivery data or a contact phone missing is an incomplete address (C15);
* a delay on the carrier's trunk route, link or hub is a network problem;
* abandoned by the addressee is not collected;
* a redelivery ("reenvío", "reentrega") is the repeated attempt planned (C14), a resend to another address the
  redirect;
* "no se entrega", the courier's waiting time used up, or an identity document that does not match is a
  failed attempt;
* a delivery time the carrier quotes ("entrega en 24-48 horas") is its forecast (C14); a delivery confirmed
  beforehand with the recipient is an appointment;
* awaiting authorisation, an audit, or storage or custody at the carrier's warehouse is a generic exception
  (a custody at the counter for the addressee stays the pickup);
* handed in or taken in for its posting, and "recepcionado" with no hub named, are the acceptance (C11);
* an airport as the bare location is an arrival scan (C12); security or X-ray screening is handling there.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # still to be handed to the carrier, or to be collected from the sender (C13)
    ("es", "Pendiente de entregar a la agencia de transporte", "InfoReceived_001"),
    ("es", "Paquete pendiente de entrega al transportista SEUR", "InfoReceived_001"),
    ("es", "Pedido pendiente de ser entregado a la mensajería", "InfoReceived_001"),
    ("es", "Envío por colectar en el domicilio del vendedor", "InfoReceived_001"),
    ("es", "Paquete a recolectar", "InfoReceived_001"),
    ("es", "Pendiente de colecta en la tienda del remitente", "InfoReceived_001"),
    # at a pickup point or locker, delivered into a locker (C5)
    ("es", "Envío en punto Pack", "AvailableForPickup_001"),
    ("es", "Ya en el punto de conveniencia elegido", "AvailableForPickup_001"),
    ("es", "En el casillero inteligente", "AvailableForPickup_001"),
    ("es", "Paquete entregado en el Smart Locker de la estación", "AvailableForPickup_001"),
    ("es", "Su envío ha sido entregado en el casillero", "AvailableForPickup_001"),
    ("es", "Entregada en taquilla inteligente", "AvailableForPickup_001"),
    ("es", "Disponible en drop point", "AvailableForPickup_001"),
    # taken out or handed out through a locker, point or counter (C6)
    ("es", "Paquete retirado en el casillero inteligente", "Delivered_002"),
    ("es", "Pedido entregado mediante casillero", "Delivered_002"),
    ("es", "Envío entregado a través del punto de recogida", "Delivered_002"),
    ("es", "Paquete entregado por medio de la oficina", "Delivered_002"),
    # handed over as a return (C3); a bare "devuelto" (C1, C2); a return only in prospect
    ("es", "Paquete entregado como devolución al vendedor", "Exception_011"),
    ("es", "Guía entregada por devolución en el locker", "Exception_011"),
    ("es", "El paquete fue devuelto", "Exception_010"),
    ("es", "Los bultos han sido devueltos", "Exception_010"),
    ("es", "Pedido devuelto en el punto de recogida", "Exception_010"),
    ("es", "Su compra ha sido devuelta", "Exception_010"),
    ("es", "Envío con posible devolución", "Exception_001"),
    ("es", "Probable devolución del paquete", "Exception_001"),
    ("es", "Riesgo de devolución por falta de contacto", "Exception_001"),
    ("es", "El paquete podría ser devuelto", "Exception_001"),
    ("es", "Posible devolución: dirección incorrecta", "Exception_007"),
    # a sector or town not covered (C17)
    ("es", "Barrio que no se cubre desde la delegación", "Exception_001"),
    ("es", "La comuna de destino no se atiende", "Exception_001"),
    ("es", "No cubrimos esa zona de reparto", "Exception_001"),
    ("es", "Localidad sin servicio de reparto", "Exception_001"),
    # pieces missing, never physically arrived; a loss claim
    ("es", "Falta un bulto de la expedición", "Exception_013"),
    ("es", "Faltan dos bultos del pedido", "Exception_013"),
    ("es", "Piezas faltantes en la entrega", "Exception_013"),
    ("es", "Un bulto faltante en la entrega", "Exception_013"),
    ("es", "El envío no llegó físicamente a la delegación", "Exception_013"),
    ("es", "No se ha recibido el paquete físico", "Exception_013"),
    ("es", "No han llegado los bultos", "Exception_013"),
    ("es", "Físicamente no se recibió el paquete", "Exception_013"),
    ("es", "Envío indemnizado al remitente", "Exception_013"),
    ("es", "Reclamación resuelta con indemnización", "Exception_013"),
    ("es", "Expediente de indemnización abierto", "Exception_013"),
    ("es", "Siniestro abierto para su envío", "Exception_013"),
    ("es", "Caso cerrado como siniestro", "Exception_013"),
    # badly packed; held up by a breakdown
    ("es", "Paquete mal embalado, no se admite", "Exception_009"),
    ("es", "Bulto incorrectamente empaquetado", "Exception_009"),
    ("es", "Embalaje inadecuado para el transporte", "Exception_009"),
    ("es", "Mercancía con empaque deficiente", "Exception_009"),
    ("es", "Envío detenido por una avería", "Exception_005"),
    ("es", "Retraso debido a avería en la carretera", "Exception_005"),
    ("es", "Paquete parado por avería", "Exception_005"),
    # duties paid; the addressee cannot or does not pay at the door
    ("es", "Pago de impuestos realizado", "InTransit_008"),
    ("es", "Pago de los aranceles de importación confirmado", "InTransit_008"),
    ("es", "Impuestos de importación pagados", "InTransit_008"),
    ("es", "Tasas aduaneras abonadas", "InTransit_008"),
    ("es", "Pago de derechos de aduana efectuado", "InTransit_008"),
    ("es", "El destinatario no tiene el dinero para pagar", "Exception_006"),
    ("es", "Cliente sin dinero para el reembolso", "Exception_006"),
    ("es", "Destinatario no dispone de efectivo", "Exception_006"),
    ("es", "No paga el importe del contra reembolso", "Exception_006"),
    ("es", "El cliente no pudo pagar el valor del envío", "Exception_006"),
    ("es", "Entrega no realizada por falta de pago", "Exception_006"),
    # delivery data or contact phone missing (C15); a delay inside the network
    ("es", "Faltan datos del destinatario", "Exception_007"),
    ("es", "Falta de datos en la dirección", "Exception_007"),
    ("es", "Envío pendiente de datos de entrega", "Exception_007"),
    ("es", "Sin teléfono de contacto del destinatario", "Exception_007"),
    ("es", "Falta el número de teléfono", "Exception_007"),
    ("es", "Falta celular del cliente", "Exception_007"),
    ("es", "Retraso en la red de transporte", "Exception_016"),
    ("es", "Demora en el centro de clasificación", "Exception_016"),
    ("es", "Retraso en plataforma", "Exception_016"),
    ("es", "Retraso en ruta troncal", "Exception_016"),
    # abandoned by the addressee; a redelivery (C14) or a resend elsewhere
    ("es", "Paquete abandonado en la oficina", "Exception_008"),
    ("es", "Envío declarado en abandono", "Exception_008"),
    ("es", "Mercancía abandonada por el destinatario", "Exception_008"),
    ("es", "Reenvío de la entrega", "OutForDelivery_004"),
    ("es", "Reentrega programada", "OutForDelivery_004"),
    ("es", "Re-entrega solicitada por el cliente", "OutForDelivery_004"),
    ("es", "Reenvío a otra dirección", "InTransit_009"),
    # not handed over, waiting time used up, identity not matching
    ("es", "No se entrega, cliente ausente", "AttemptFail_002"),
    ("es", "No se entregó el paquete", "AttemptFail_001"),
    ("es", "No se reparte hoy por falta de acceso", "AttemptFail_001"),
    ("es", "Se superó el tiempo de espera en la descarga", "AttemptFail_001"),
    ("es", "Tiempo de espera excedido en el almacén del cliente", "AttemptFail_001"),
    ("es", "Agotado el tiempo máximo de espera", "AttemptFail_001"),
    ("es", "El DNI no coincide con el destinatario", "AttemptFail_001"),
    ("es", "Documento de identidad incorrecto", "AttemptFail_001"),
    ("es", "Destinatario sin DNI", "AttemptFail_001"),
    ("es", "No presenta documento de identidad", "AttemptFail_001"),
    ("es", "Cédula no válida", "AttemptFail_001"),
    ("es", "No coincide el nombre del destinatario", "AttemptFail_001"),
    # a quoted delivery time (C14); a delivery confirmed beforehand
    ("es", "Entrega en 24-48 horas", "InTransit_001"),
    ("es", "Entrega en un máximo de 72 horas", "InTransit_001"),
    ("es", "Entrega dentro de 3 días hábiles", "InTransit_001"),
    ("es", "Entrega en menos de 48h", "InTransit_001"),
    ("es", "Entrega realizada en 24 horas", "Delivered_001"),
    ("es", "Entrega preconfirmada con el cliente", "OutForDelivery_004"),
    ("es", "Preconfirmada la entrega para el jueves", "OutForDelivery_004"),
    # awaiting authorisation, storage or custody, an audit
    ("es", "Pendiente de autorización del remitente", "Exception_001"),
    ("es", "En espera de autorización", "Exception_001"),
    ("es", "Esperando autorización para la entrega", "Exception_001"),
    ("es", "Paquete ingresado en custodia", "Exception_001"),
    ("es", "Pedido almacenado.", "Exception_001"),
    ("es", "Mercancía en bodega de custodia", "Exception_001"),
    ("es", "Enviado a custodia", "Exception_001"),
    ("es", "En custodia en la oficina, a disposición del destinatario", "AvailableForPickup_001"),
    ("es", "Envío en auditoría", "Exception_001"),
    ("es", "Paquete en proceso de auditoría", "Exception_001"),
    # handed in or taken in for posting, "recepcionado" (C11)
    ("es", "Paquete depositado en el buzón para su expedición", "InTransit_002"),
    ("es", "Envío dejado en el punto para su preparación", "InTransit_002"),
    ("es", "Paquete recepcionado para su envío", "InTransit_002"),
    ("es", "Recibido para su traslado", "InTransit_002"),
    ("es", "Su envío ha sido recepcionado", "InTransit_002"),
    ("es", "El paquete fue recepcionado en la sucursal de origen", "InTransit_002"),
    # an airport as the bare location (C12); screening at the hub
    ("es", "En el aeropuerto de destino", "InTransit_003"),
    ("es", "Llegada al aeropuerto de destino", "InTransit_003"),
    ("es", "En espera de rayos X", "InTransit_001"),
    ("es", "Control de seguridad por rayos X", "InTransit_001"),
    ("es", "Paquete pendiente de escaneo", "InTransit_001"),
    ("es", "Inspección de seguridad en el hub", "InTransit_001"),
    # capitals without accents
    ("es", "CLIENTE NO TIENE EFECTIVO", "Exception_006"),
    ("es", "DESTINATARIO NO CANCELA EL FLETE", "Exception_006"),
    ("es", "FALTA UN BULTO", "Exception_013"),
    ("es", "ENVIO INDEMNIZADO", "Exception_013"),
    ("es", "EN PUNTO DE CONVENIENCIA", "AvailableForPickup_001"),
    ("es", "NO SE ENTREGA, DIRECCION INACCESIBLE", "AttemptFail_001"),
    ("es", "PAGO DE IMPUESTOS COMPLETADO", "InTransit_008"),
    ("es", "PENDIENTE DE ENTREGA A LA AGENCIA", "InfoReceived_001"),
    ("es", "SIN TELEFONO DE CONTACTO", "Exception_007"),
    ("es", "REENTREGA SOLICITADA", "OutForDelivery_004"),
]

test_read_from_the_text_alone = read_alone_check(CASES)
test_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
