"""Spanish concepts from carrier wording gathered for Spain and Latin America (Correos, SEUR, MRW, Starken,
Chilexpress, Servientrega, Estafeta, Andreani), round nine:

* goods thrown away ("desechada") are disposed of; content the network does not carry ("material
  restringido", "artículo prohibido") is rejected by the carrier;
* "devuelto por <cause>" is the return (C4), the cause stays in the text;
* the addressee "no acepta(n)" the parcel and says why (breakage, duties): the refusal outranks the cause;
* a road accident or a strike is a delay for outside reasons, read before the vehicle breakdown;
* customs: leaving customs or import formalities finished is the release; import formalities under way
  are the clearance; customs short of data is a document problem;
* a home found shut ("domicilio cerrado", "casa cerrada") is the addressee absent, a shop or office shut
  stays the business closed;
* delivered into a locker is waiting for pickup (C5); delivered at the branch counter ("en sucursal", "en
  ventanilla") is the collection (C6); waiting to be collected at a named office is waiting for pickup;
* redirected to a new destination ("redestinado", "redireccionado") is forwarded;
* the Latin-American delivery run: "en proceso de distribución", "salió a ruta", "despacho en reparto", "en
  despacho al destinatario", "en camino hacia ti", the courier at the door;
* prepared for the carrier, in the sender's warehouse, the order for carriage created, or waiting for the
  courier's collection is pre-transit (C13);
* received by the carrier named as a company, or "recibimos tu envío", is the acceptance;
* a branch as a bare location, passing through a hub, "arribo" are arrival scans (C11, C12); "arribo al
  país" is the arrival in the destination country;
* loaded again or for the first time ("reembarcado", "embarcado") is the departure, left behind at
  loading ("no embarcado") a missed connection; travelling ("viajando") is in transit.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # discarded; restricted or prohibited content
    ("es", "La mercancía fue desechada por el almacén", "Exception_021"),
    ("es", "Paquete desechado tras el plazo de custodia", "Exception_021"),
    ("es", "Envío desechado", "Exception_021"),
    ("es", "Contenido restringido, el envío no puede viajar", "Exception_009"),
    ("es", "Artículo prohibido detectado en el paquete", "Exception_009"),
    ("es", "Mercancía no permitida para el transporte aéreo", "Exception_009"),
    ("es", "Producto restringido para el envío", "Exception_009"),
    # "devuelto por <cause>"
    ("es", "Paquete devuelto por ausencia reiterada del destinatario", "Exception_010"),
    ("es", "Envío devuelto por caducidad del plazo", "Exception_010"),
    ("es", "Devuelto por falta de pago de los aranceles", "Exception_010"),
    # refusal with a stated cause
    ("es", "El destinatario no acepta el paquete por embalaje roto", "Exception_003"),
    ("es", "No aceptan el envío por daños en la caja", "Exception_003"),
    ("es", "El cliente no aceptó pagar los impuestos del envío", "Exception_003"),
    ("es", "Rehusado por el destinatario debido a rotura", "Exception_003"),
    ("es", "El destinatario rechaza pagar las tasas de aduana", "Exception_003"),
    # accident or strike
    ("es", "Accidente del camión de reparto, su envío llegará más tarde", "Exception_005"),
    ("es", "Retraso en la entrega por accidente en la carretera", "Exception_005"),
    ("es", "Huelga de transportistas, el reparto se retrasa", "Exception_005"),
    ("es", "Paro nacional de camioneros: envíos detenidos", "Exception_005"),
    ("es", "Bloqueo de carreteras en la zona del destinatario", "Exception_005"),
    ("es", "Accidente del vehículo, la mercancía resultó dañada", "Exception_012"),
    # customs released, clearing, short of data
    ("es", "El envío sale de la aduana", "InTransit_005"),
    ("es", "Paquete salió de aduanas hacia el centro de distribución", "InTransit_005"),
    ("es", "Completada la tramitación de importación del envío", "InTransit_005"),
    ("es", "Envío en trámite de importación", "InTransit_006"),
    ("es", "Paquete en proceso de importación, avisado el destinatario", "InTransit_006"),
    ("es", "Aduana: datos del envío incompletos", "Exception_018"),
    ("es", "Faltan datos del destinatario para el despacho de aduana", "Exception_018"),
    ("es", "Datos incorrectos en la declaración de aduana", "Exception_018"),
    # a home shut; a business shut
    ("es", "Casa cerrada en el momento de la entrega", "AttemptFail_002"),
    ("es", "Intento de entrega: domicilio cerrado", "AttemptFail_002"),
    ("es", "Vivienda cerrada, nadie recibió el paquete", "AttemptFail_002"),
    ("es", "Tienda cerrada al momento de la visita", "AttemptFail_003"),
    ("es", "Oficina cerrada, se intentará de nuevo", "AttemptFail_003"),
    # delivered into a locker; at the branch counter; waiting at a named office
    ("es", "Paquete entregado en el locker seleccionado", "AvailableForPickup_001"),
    ("es", "Su envío ha sido entregado en locker", "AvailableForPickup_001"),
    ("es", "Envío entregado en la consigna de la estación", "AvailableForPickup_001"),
    ("es", "Paquete entregado en sucursal al destinatario", "Delivered_002"),
    ("es", "Envío entregado en ventanilla", "Delivered_002"),
    ("es", "Entregada en la sucursal", "Delivered_002"),
    ("es", "Paquete pendiente de ser recogido en la oficina de Correos", "AvailableForPickup_001"),
    ("es", "Su envío está pendiente de ser retirado en la sucursal", "AvailableForPickup_001"),
    ("es", "Pendiente de ser recogido en el punto de recogida elegido", "AvailableForPickup_001"),
    # redirected to a new destination
    ("es", "Envío redestinado a otra ciudad", "InTransit_009"),
    ("es", "Paquete redestinado por solicitud del cliente", "InTransit_009"),
    ("es", "Envío redireccionado a la sucursal más cercana", "InTransit_009"),
    # the Latin-American delivery run
    ("es", "Su paquete está en proceso de distribución", "OutForDelivery_001"),
    ("es", "Envío en proceso de reparto", "OutForDelivery_001"),
    ("es", "El paquete salió a ruta", "OutForDelivery_001"),
    ("es", "Su envío sale a ruta esta mañana", "OutForDelivery_001"),
    ("es", "Paquete en despacho al domicilio del destinatario", "OutForDelivery_001"),
    ("es", "Pedido en despacho a reparto", "OutForDelivery_001"),
    ("es", "¡Tu paquete va en camino hacia ti!", "OutForDelivery_001"),
    ("es", "El mensajero llegó a la dirección del destinatario", "OutForDelivery_001"),
    # pre-transit
    ("es", "Paquete preparado para el transportista", "InfoReceived_001"),
    ("es", "Pedido listo para la transportadora", "InfoReceived_001"),
    ("es", "Envío preparado para su envío por el vendedor", "InfoReceived_001"),
    ("es", "En bodega del remitente", "InfoReceived_001"),
    ("es", "Orden de transporte generada para el envío", "InfoReceived_001"),
    ("es", "Solicitud de recogida creada para el paquete", "InfoReceived_001"),
    ("es", "Su paquete está pendiente de ser recogido", "InfoReceived_001"),
    ("es", "Envío pendiente de ser recogido por el mensajero", "InfoReceived_001"),
    # received by the carrier, named as a company
    ("es", "Paquete recibido por Chilexpress", "InTransit_002"),
    ("es", "Envío recibido en Servientrega", "InTransit_002"),
    ("es", "Recibido por Andreani", "InTransit_002"),
    ("es", "¡Ya recibimos tu paquete!", "InTransit_002"),
    ("es", "Hemos recibido su envío", "InTransit_002"),
    ("es", "Recibido en sucursal Chilexpress Temuco", "InTransit_003"),
    # a branch as a bare location, passing through a hub, "arribo"
    ("es", "En la sucursal", "InTransit_003"),
    ("es", "En sucursal de destino", "InTransit_003"),
    ("es", "El paquete pasó por el centro de distribución de Lima", "InTransit_003"),
    ("es", "Paso por la delegación de Zaragoza", "InTransit_003"),
    ("es", "Arribo a la ciudad de destino", "InTransit_003"),
    ("es", "El envío arribó al centro logístico", "InTransit_003"),
    ("es", "Arribo al país", "InTransit_004"),
    # loaded, not loaded, travelling
    ("es", "Envío reembarcado hacia Madrid", "InTransit_007"),
    ("es", "Paquete embarcado en el vuelo a Bogotá", "InTransit_007"),
    ("es", "Envío no embarcado por falta de espacio en el avión", "Exception_016"),
    ("es", "Tu paquete viajando hacia la ciudad de destino", "InTransit_001"),
    ("es", "Envío en viaje a la sucursal de entrega", "InTransit_001"),
    ("es", "Tu pedido está viajando", "InTransit_001"),
]

test_read_from_the_text_alone = read_alone_check(CASES)
test_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
