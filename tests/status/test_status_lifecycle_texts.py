"""Realistic carrier-style texts (our own sentences) for every lifecycle stage in 7 languages."""

from __future__ import annotations

import pytest

from parceltrail.status import Subtag, classify

# (lang, text, expected subtag). Stage order: info received, accepted, sorting, departed, arrived,
# export/import customs (in progress, held, released), handed to last mile, out for delivery,
# failed attempt, pickup, delivered, returned, lost.
CASES: list[tuple[str, str, str]] = [
    # --- zh (origin) ---
    ("zh", "商家已下单，等待揽收", "InfoReceived_001"),
    ("zh", "已揽收", "InTransit_002"),
    ("zh", "【深圳市】快件已由【宝安福永网点】揽收", "InTransit_002"),
    ("zh", "快件正在分拣", "InTransit_001"),
    ("zh", "快件离开【深圳转运中心】，已发往【广州国际处理中心】", "InTransit_007"),
    ("zh", "到达【深圳转运中心】", "InTransit_003"),
    ("zh", "出口报关中", "InTransit_006"),
    ("zh", "海关查验，包裹暂扣", "Exception_004"),
    ("zh", "出口清关完成", "InTransit_005"),
    ("zh", "航班已起飞", "InTransit_007"),
    ("zh", "已到达目的国", "InTransit_004"),
    ("zh", "【北京市】快递员正在派件，请保持电话畅通", "OutForDelivery_001"),
    ("zh", "派送失败，电话无人接听", "AttemptFail_001"),
    ("zh", "快件已放入【菜鸟驿站】，请凭取件码及时取件", "AvailableForPickup_001"),
    ("zh", "您的快件已签收，感谢使用", "Delivered_001"),
    ("zh", "快件已退回寄件人", "Exception_011"),
    ("zh", "快件正在退回途中", "Exception_010"),
    ("zh", "快件遗失，请联系客服", "Exception_013"),
    # --- en (transit and last mile) ---
    ("en", "Shipment information received", "InfoReceived_001"),
    ("en", "Label created, awaiting item", "InfoReceived_001"),
    ("en", "Accepted at origin facility", "InTransit_002"),
    ("en", "Processed at sorting center", "InTransit_001"),
    ("en", "Departed from origin airport", "InTransit_007"),
    ("en", "Arrived at destination country", "InTransit_004"),
    ("en", "Arrived at facility in MEMPHIS, TN", "InTransit_003"),
    ("en", "Export customs clearance in progress", "InTransit_006"),
    ("en", "Customs clearance in progress", "InTransit_006"),
    ("en", "Held by customs - clearance delay", "Exception_004"),
    ("en", "Customs clearance completed", "InTransit_005"),
    ("en", "Shipment on hold: customs requires a commercial invoice", "Exception_018"),
    ("en", "Import duties due, please pay to release your parcel", "Exception_006"),
    ("en", "Handed over to the last-mile carrier", "InTransit_001"),
    ("en", "Out for delivery", "OutForDelivery_001"),
    ("en", "Delivery attempted - no one home", "AttemptFail_002"),
    ("en", "Delivery attempted, business closed", "AttemptFail_003"),
    ("en", "Available for pickup at MAIN STREET POST OFFICE", "AvailableForPickup_001"),
    ("en", "Delivered, In/At Mailbox", "Delivered_001"),
    ("en", "Delivered, left with neighbour at no. 12", "Delivered_005"),
    ("en", "Returned to sender", "Exception_010"),
    ("en", "Return delivered to shipper", "Exception_011"),
    ("en", "Package lost in transit", "Exception_013"),
    # --- pt-BR ---
    ("pt", "Etiqueta emitida, aguardando postagem", "InfoReceived_001"),
    ("pt", "Objeto postado", "InTransit_002"),
    ("pt", "Objeto em trânsito - por favor aguarde", "InTransit_001"),
    ("pt", "Objeto encaminhado para Unidade de Tratamento em Curitiba / PR", "InTransit_001"),
    ("pt", "Objeto recebido pelos Correios do Brasil", "InTransit_004"),
    ("pt", "Objeto recebido na unidade de distribuição", "InTransit_003"),
    ("pt", "Fiscalização aduaneira em andamento", "InTransit_006"),
    ("pt", "Objeto retido pela fiscalização aduaneira", "Exception_004"),
    ("pt", "Fiscalização aduaneira finalizada", "InTransit_005"),
    ("pt", "Aguardando pagamento do despacho postal", "Exception_006"),
    ("pt", "Objeto saiu para entrega ao destinatário", "OutForDelivery_001"),
    ("pt", "A entrega não pode ser efetuada - Destinatário ausente", "AttemptFail_002"),
    ("pt", "Objeto aguardando retirada no endereço indicado", "AvailableForPickup_001"),
    ("pt", "Objeto entregue ao destinatário", "Delivered_001"),
    ("pt", "Objeto devolvido ao remetente", "Exception_011"),
    ("pt", "Objeto extraviado", "Exception_013"),
    # --- es ---
    ("es", "Pre-admisión: información recibida del remitente", "InfoReceived_001"),
    ("es", "Admitido en oficina", "InTransit_002"),
    ("es", "En tránsito", "InTransit_001"),
    ("es", "Ha salido del centro de tratamiento", "InTransit_007"),
    ("es", "Llegada al centro de tratamiento de Madrid", "InTransit_003"),
    ("es", "Llegada al país de destino", "InTransit_004"),
    ("es", "En proceso de despacho de aduana", "InTransit_006"),
    ("es", "Retenido en aduana", "Exception_004"),
    ("es", "Despachado de aduana", "InTransit_005"),
    ("es", "Pendiente de pago de aranceles", "Exception_006"),
    ("es", "En reparto", "OutForDelivery_001"),
    ("es", "Intento de entrega fallido: destinatario ausente", "AttemptFail_002"),
    ("es", "Disponible para recoger en oficina", "AvailableForPickup_001"),
    ("es", "Entregado", "Delivered_001"),
    ("es", "En devolución al remitente", "Exception_010"),
    ("es", "Envío extraviado", "Exception_013"),
    # --- ru ---
    ("ru", "Получена электронная регистрация", "InfoReceived_001"),
    ("ru", "Прием", "InTransit_002"),
    ("ru", "Сортировка", "InTransit_001"),
    ("ru", "Покинуло сортировочный центр", "InTransit_007"),
    ("ru", "Прибыло в сортировочный центр", "InTransit_003"),
    ("ru", "Импорт международной почты", "InTransit_004"),
    ("ru", "Таможенное оформление", "InTransit_006"),
    ("ru", "Выпуск приостановлен таможней", "Exception_004"),
    ("ru", "Выпущено таможней", "InTransit_005"),
    ("ru", "Прибыло в место вручения, Москва 101000", "InTransit_003"),
    ("ru", "Передано почтальону", "OutForDelivery_001"),
    ("ru", "Неудачная попытка вручения: Временное отсутствие адресата", "AttemptFail_002"),
    ("ru", "Ожидает адресата в месте вручения", "AvailableForPickup_001"),
    ("ru", "Вручение адресату", "Delivered_001"),
    ("ru", "Возврат отправителю: истек срок хранения", "Exception_010"),
    ("ru", "Отправление утеряно", "Exception_013"),
    # --- fr ---
    (
        "fr",
        "Votre colis va bientôt nous être confié, il est en préparation chez l'expéditeur",
        "InfoReceived_001",
    ),
    ("fr", "Votre colis est pris en charge par La Poste", "InTransit_002"),
    ("fr", "Votre colis est en cours d'acheminement", "InTransit_001"),
    ("fr", "Votre colis a quitté le centre de tri", "InTransit_007"),
    ("fr", "Arrivée sur le site de Roissy", "InTransit_003"),
    ("fr", "Votre colis est arrivé dans le pays de destination", "InTransit_004"),
    ("fr", "Votre colis est en cours de dédouanement", "InTransit_006"),
    ("fr", "Votre colis est bloqué en douane", "Exception_004"),
    ("fr", "Votre colis a été dédouané", "InTransit_005"),
    ("fr", "Votre colis est en cours de livraison", "OutForDelivery_001"),
    ("fr", "Destinataire absent lors de la livraison, avis de passage déposé", "AttemptFail_002"),
    ("fr", "Votre colis est disponible dans votre point de retrait", "AvailableForPickup_001"),
    ("fr", "Votre colis est livré", "Delivered_001"),
    ("fr", "Votre colis est retourné à l'expéditeur", "Exception_010"),
    ("fr", "Votre colis est perdu", "Exception_013"),
    # --- de ---
    ("de", "Die Sendung wurde elektronisch angekündigt", "InfoReceived_001"),
    ("de", "Die Sendung wurde in der Filiale eingeliefert", "InTransit_002"),
    ("de", "Die Sendung wurde im Start-Paketzentrum bearbeitet", "InTransit_001"),
    ("de", "Die Sendung hat das Paketzentrum verlassen", "InTransit_007"),
    ("de", "Die Sendung ist im Ziel-Paketzentrum eingetroffen", "InTransit_003"),
    ("de", "Die Sendung ist im Zielland eingetroffen", "InTransit_004"),
    ("de", "Die Sendung befindet sich in der Zollabfertigung", "InTransit_006"),
    ("de", "Die Sendung wird vom Zoll zurückgehalten", "Exception_004"),
    ("de", "Die Sendung wurde vom Zoll freigegeben", "InTransit_005"),
    ("de", "Die Sendung wurde in das Zustellfahrzeug geladen", "OutForDelivery_001"),
    ("de", "Der Empfänger wurde nicht angetroffen", "AttemptFail_002"),
    ("de", "Die Sendung liegt in der Filiale zur Abholung bereit", "AvailableForPickup_001"),
    ("de", "Die Sendung wurde zugestellt", "Delivered_001"),
    ("de", "Die Sendung wurde an einen Nachbarn zugestellt", "Delivered_005"),
    ("de", "Die Sendung wird an den Absender zurückgesendet", "Exception_010"),
    ("de", "Die Sendung ist verloren gegangen", "Exception_013"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[f"{c[0]}:{c[1][:40]}" for c in CASES])
def test_lifecycle_text_is_classified(lang: str, text: str, expected: str) -> None:
    result = classify(text, lang=lang)
    assert result.classified, result
    assert result.subtag == Subtag(expected), (text, result)


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[f"auto-{c[0]}:{c[1][:40]}" for c in CASES])
def test_language_is_guessed_without_hint(lang: str, text: str, expected: str) -> None:
    # The sandbox may not say which language it speaks; the guess must reach the same tag.
    assert classify(text).tag == Subtag(expected).tag, text
