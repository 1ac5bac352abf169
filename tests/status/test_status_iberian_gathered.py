"""Iberian concepts from carrier wording gathered for Spain, Portugal, Brazil and Latin America (es, pt;
Catalan and Galician read the Spanish rules) in the wording of Correos, SEUR, MRW, Estafeta, Servientrega,
4-72, Correo Argentino; Correios, CTT, Jadlog:

* a late, cancelled or missed flight is a flight delay; a breakdown of the carrier's own sorter, vehicle or
  system is a network delay, not damage; force majeure or a public holiday is a delay for outside reasons;
  "deterioro" is damage and the noun "extravío" a loss;
* final disposal ("disposición final") is the disposal; seized or held by the authorities is stopped
  (Exception_009); handed "a remitente" or back to the "contratante" is back with the sender (C3);
* an incident resolved, the address or paperwork put right, the shipment reactivated is the problem
  resolved; an inquiry or an open incident ("aclaración en proceso", "con novedad", "em investigação") is a
  generic exception; paperwork "mal documentada" is a document problem; "mal transitado" a routing mistake;
* the addressee "no acepta" the parcel refuses it; "no se encuentra el titular" is the addressee absent; a
  business closed for the holidays is closed;
* a repeated attempt planned as the event ("nuevo reparto", "nova tentativa de entrega") is
  OutForDelivery_004 (C14); a failure stated first stays the failed attempt;
* handed in at an office or locker "para su admisión/envío" is the posting; left by the courier at a point,
  shop or smart locker, "a disposición del destinatario", "reclame en la sucursal" waits for pickup (C5);
  handed to the customer at the shop or branch is the collection (C6);
* the call centre confirming by phone ("telemercadeo", "confirmação telefónica") is the customer contacted;
* handed on to a connecting carrier, moved locally, or waiting in the network for a route, consolidation
  or departure is in transit; a depot, terminal or warehouse as a bare location is an arrival scan (C11,
  C12); received from the sender or taken into the post's network is the acceptance;
* a pickup assigned, a parcel not yet handed in, recorded in the system only, "preimposición", or being made
  ready at the sender's ("alistamiento") is pre-transit (C13);
* the scan names in the noun ("leitura de expedição", "saída para entrega") are the departure and the
  delivery run.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # a late, cancelled or missed flight
    ("es", "Retraso en el vuelo de salida, el envío viajará en el próximo vuelo disponible", "Exception_019"),
    ("es", "Vuelo cancelado por la aerolínea, su paquete sufrirá un retraso", "Exception_019"),
    ("es", "Demora del vuelo internacional", "Exception_019"),
    ("pt", "Voo atrasado, a encomenda seguirá no próximo voo disponível", "Exception_019"),
    ("pt", "Atraso no voo de exportação", "Exception_019"),
    ("pt", "A remessa perdeu o voo de ligação", "Exception_019"),
    # final disposal; seized by the authorities
    ("es", "Envío enviado a disposición final por falta de reclamo", "Exception_021"),
    ("es", "Objeto en disposición final", "Exception_021"),
    ("es", "Disposicion final del envío", "Exception_021"),
    ("es", "Paquete incautado por la policía", "Exception_009"),
    ("es", "Mercancía decomisada por las autoridades sanitarias", "Exception_009"),
    ("es", "El objeto fue retenido por la autoridad competente para su inspección", "Exception_009"),
    ("es", "Envío en investigación por extravío", "Exception_013"),
    ("es", "Extravío del paquete confirmado", "Exception_013"),
    ("es", "Expedición declarada en extravío", "Exception_013"),
    # handed back to the sender, no article
    ("es", "Entregado a remitente tras la devolución", "Exception_011"),
    ("es", "ENTREGADA A EXPEDIDOR", "Exception_011"),
    ("es", "Envío entregado a remitente", "Exception_011"),
    ("pt", "Encomenda devolvida ao contratante", "Exception_011"),
    ("pt", "Pacote entregue ao contratante do serviço", "Exception_011"),
    ("pt", "Objeto recebido pelo contratante", "Exception_011"),
    # the carrier's equipment broke down; damage by "deterioro"
    ("es", "Avería en el sistema de clasificación, su envío saldrá con retraso", "Exception_016"),
    ("es", "Vehículo de reparto averiado", "Exception_016"),
    ("es", "Retraso por avería del camión", "Exception_016"),
    ("es", "Deterioro del embalaje detectado en la admisión", "Exception_012"),
    ("es", "Paquete con deterioro en destino", "Exception_012"),
    ("es", "DETERIORO EXTERIOR", "Exception_012"),
    ("pt", "Avaria no veículo de distribuição", "Exception_016"),
    ("pt", "Equipamento de triagem avariado, atraso no processamento", "Exception_016"),
    ("pt", "Viatura de entrega com avaria", "Exception_016"),
    # an incident resolved
    ("es", "Incidencia solucionada, el envío continúa su ruta", "InTransit_008"),
    ("es", "El cliente ha facilitado la solución", "InTransit_008"),
    ("es", "Dirección corregida por el destinatario", "InTransit_008"),
    ("es", "Envío reactivado", "InTransit_008"),
    ("es", "Novedad resuelta", "InTransit_008"),
    ("pt", "Ocorrência resolvida, o objeto seguirá para entrega", "InTransit_008"),
    ("pt", "Pendência solucionada", "InTransit_008"),
    ("pt", "Morada corrigida pelo destinatário", "InTransit_008"),
    # paperwork faulty; mis-transited
    ("es", "Envío mal documentado", "Exception_018"),
    ("es", "Documentación incorrecta, retenido hasta su corrección", "Exception_018"),
    ("es", "Mercancía con documentación insuficiente", "Exception_018"),
    ("es", "Paquete mal transitado, se reconduce a su destino", "Exception_016"),
    ("es", "Envío mal canalizado", "Exception_016"),
    ("es", "Expedición mal transitada a otra plaza", "Exception_016"),
    # the addressee does not accept it
    ("es", "El destinatario no acepta el envío", "Exception_003"),
    ("es", "Cliente no acepta la mercancía", "Exception_003"),
    ("es", "No aceptó el paquete en la entrega", "Exception_003"),
    # nobody there (present tense); closed for the holidays
    ("es", "No se encuentra el destinatario en el domicilio", "AttemptFail_002"),
    ("es", "Visita realizada, no está el titular", "AttemptFail_002"),
    ("es", "No hay nadie en la dirección indicada", "AttemptFail_002"),
    ("es", "Establecimiento cerrado por vacaciones", "AttemptFail_003"),
    ("es", "Negocio cerrado por festivo", "AttemptFail_003"),
    ("es", "Tienda cerrada por descanso", "AttemptFail_003"),
    ("pt", "Não se encontra o destinatário na morada", "AttemptFail_002"),
    ("pt", "Visita efetuada, não está ninguém", "AttemptFail_002"),
    ("pt", "Não se encontra o titular", "AttemptFail_002"),
    ("pt", "Empresa fechada para férias", "AttemptFail_003"),
    ("pt", "Loja fechada por feriado", "AttemptFail_003"),
    ("pt", "Estabelecimento fechado por recesso", "AttemptFail_003"),
    # weather in other words; force majeure or a holiday
    ("es", "Retraso por problemas climatológicos", "Exception_017"),
    ("es", "Incidencia climatológica en la zona de reparto", "Exception_017"),
    ("es", "Situación climatológica adversa", "Exception_017"),
    ("es", "Envío detenido por causa de fuerza mayor", "Exception_005"),
    ("es", "Retraso en la entrega por fiesta local", "Exception_005"),
    ("es", "Día festivo en destino, la entrega se realizará el siguiente día hábil", "Exception_005"),
    ("pt", "Atraso por motivo de força maior", "Exception_005"),
    ("pt", "Entrega adiada devido ao feriado municipal", "Exception_005"),
    ("pt", "Ocorrência de caso fortuito na rota", "Exception_005"),
    # a repeated attempt planned as the event (C14)
    ("es", "Programado un nuevo reparto para mañana", "OutForDelivery_004"),
    ("es", "Paquete enviado nuevamente a reparto", "OutForDelivery_004"),
    ("es", "Segundo intento de entrega previsto para el lunes", "OutForDelivery_004"),
    ("es", "Entrega no realizada, se realizará un nuevo reparto", "AttemptFail_001"),
    ("pt", "Nova tentativa de entrega agendada para amanhã", "OutForDelivery_004"),
    ("pt", "Aguardando nova tentativa de entrega", "OutForDelivery_004"),
    ("pt", "Reentrega programada para segunda-feira", "OutForDelivery_004"),
    ("pt", "Objeto não entregue, nova tentativa amanhã", "AttemptFail_001"),
    # under inquiry or an open incident
    ("es", "Envío en proceso de aclaración", "Exception_001"),
    ("es", "Expedición con novedad en destino", "Exception_001"),
    ("es", "Paquete en investigación", "Exception_001"),
    ("pt", "Objeto em investigação", "Exception_001"),
    ("pt", "Encomenda em averiguação pelos nossos serviços", "Exception_001"),
    ("pt", "Remessa em processo de apuração", "Exception_001"),
    # forwarded
    ("es", "Paquete en reexpedicion", "InTransit_009"),
    ("es", "Reexpedicion a nueva direccion", "InTransit_009"),
    ("es", "Envío en reexpedición al domicilio indicado", "InTransit_009"),
    # handed in for sending at an office, point or locker
    ("es", "Paquete depositado en la oficina para su envío", "InTransit_002"),
    ("es", "Entregado en el locker para admisión", "InTransit_002"),
    ("es", "El remitente ha dejado el envío en la tienda para su expedición", "InTransit_002"),
    # waiting at a point, shop or office (C5)
    ("es", "Entregado en punto de conveniencia", "AvailableForPickup_001"),
    ("es", "El mensajero ha dejado tu pedido en el locker elegido", "AvailableForPickup_001"),
    ("es", "Envío a disposición del destinatario en la oficina", "AvailableForPickup_001"),
    ("es", "Reclame su paquete en la sucursal", "AvailableForPickup_001"),
    ("pt", "Encomenda depositada na caixa inteligente", "AvailableForPickup_001"),
    ("pt", "Objeto disponível na Caixa de Correio Inteligente", "AvailableForPickup_001"),
    ("pt", "Entregue na caixa inteligente do condomínio", "AvailableForPickup_001"),
    # handed to the addressee at a shop or branch (C6)
    ("es", "Entregado al cliente en la tienda asociada", "Delivered_002"),
    ("es", "Paquete entregado al destinatario en el punto de recogida", "Delivered_002"),
    ("es", "Entregada a destinatario en oficina", "Delivered_002"),
    # the carrier's call centre confirms by phone
    ("es", "Envío en gestión de telemercadeo", "OutForDelivery_003"),
    ("es", "Pendiente de confirmación telefónica con el destinatario", "OutForDelivery_003"),
    ("es", "Llamada telefónica al destinatario para confirmar la entrega", "OutForDelivery_003"),
    ("pt", "Confirmação telefónica com o destinatário", "OutForDelivery_003"),
    ("pt", "Contato telefônico realizado para agendar a entrega", "OutForDelivery_003"),
    ("pt", "Ligação para o destinatário efetuada", "OutForDelivery_003"),
    # handed on to a connecting carrier; moved within the network
    ("es", "Entregado a conexiones para su traslado", "InTransit_001"),
    ("es", "Envío entregado a la aerolínea", "InTransit_001"),
    ("es", "Mercancía entregada al agente de carga", "InTransit_001"),
    ("es", "Movimiento local entre centros", "InTransit_001"),
    ("es", "Movimiento interno del envío", "InTransit_001"),
    ("es", "GUADALAJARA Movimiento Local", "InTransit_001"),
    # pre-transit: booked, not yet handed in, recorded in the system, being made ready (C13)
    ("es", "Recogida asignada al mensajero", "InfoReceived_001"),
    ("es", "Envío pendiente de depositar en la oficina", "InfoReceived_001"),
    ("es", "Preimposición del envío realizada", "InfoReceived_001"),
    ("es", "Envío grabado", "InfoReceived_001"),
    ("es", "Guía registrada en el sistema", "InfoReceived_001"),
    ("es", "Envío creado en el sistema sin la admisión física", "InfoReceived_001"),
    ("es", "Pedido en alistamiento", "InfoReceived_001"),
    ("es", "Mercancía en alistamiento por el remitente", "InfoReceived_001"),
    ("es", "Alistamiento del pedido en bodega del vendedor", "InfoReceived_001"),
    # accepted from the sender, taken into the post's network
    ("es", "Paquete recibido del remitente", "InTransit_002"),
    ("es", "Mercancía recibida de la tienda", "InTransit_002"),
    ("es", "Ingreso del envío al correo", "InTransit_002"),
    ("es", "Pieza ingresada al circuito postal", "InTransit_002"),
    ("es", "Ingresado en el correo", "InTransit_002"),
    # a facility as a bare location (C11, C12)
    ("es", "Delegación de destino", "InTransit_003"),
    ("es", "En bodega de tránsito", "InTransit_003"),
    ("es", "En terminal de destino", "InTransit_003"),
    ("es", "En almacén", "InTransit_003"),
    # waiting in the network for the next leg
    ("es", "Envío en espera de ruta de distribución", "InTransit_001"),
    ("es", "Esperando consolidación del envío", "InTransit_001"),
    ("es", "Paquete pendiente de salida hacia destino", "InTransit_001"),
    ("es", "Pendiente de reparto en la zona", "InTransit_001"),
    ("es", "A la espera de asignación de ruta", "InTransit_001"),
    ("pt", "Aguardando embarque", "InTransit_001"),
    ("pt", "Encomenda aguarda consolidação no centro", "InTransit_001"),
    ("pt", "Objeto aguardando transferência para a unidade de destino", "InTransit_001"),
    # scan names in the noun: dispatch, out for delivery
    ("pt", "Leitura de expedição", "InTransit_007"),
    ("pt", "Registo de saída", "InTransit_007"),
    ("pt", "Bipe de saída", "InTransit_007"),
    ("pt", "Saída para entrega ao destinatário", "OutForDelivery_001"),
    ("pt", "Saída para distribuição", "OutForDelivery_001"),
    ("pt", "Registo de saída para entrega", "OutForDelivery_001"),
    # a new attempt that itself failed is the failed attempt, not a planned one
    ("es", "Segundo intento de entrega fallido", "AttemptFail_001"),
    ("es", "Nuevo intento de entrega sin éxito", "AttemptFail_001"),
    ("es", "Segundo reparto fallido, ausente", "AttemptFail_002"),
]

test_concept_is_read_from_the_text_alone = read_alone_check(CASES)
test_concept_is_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
