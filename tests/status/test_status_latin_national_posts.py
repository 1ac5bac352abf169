"""Carrier wording of national posts and couriers read by stem (es, pt, cs, tr, de, it, fr, pl)
and their code tables.

The sentences in `FORMS` are our own, in other inflections and word orders than the gathered rows of
`benchmarks/data/multilang_events.tsv` (none of them is a row there): they check that a rule matches the
stem, not the sentence it was written from.
"""

from __future__ import annotations

import pytest

from parceltrail.status import classify
from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
FORMS: list[tuple[str, str, str]] = [
    # es: courier depot wording (missed links, parked parcels, failed and new rounds, pickup at the depot)
    ("es", "La mercancía no ha enlazado en la plataforma de origen", "Exception_016"),
    ("es", "El paquete llegó por error a otra delegación", "Exception_016"),
    ("es", "Envío estacionado en delegación por incidencia", "Exception_001"),
    ("es", "Envío estacionado en delegación por ausencia del destinatario", "AttemptFail_002"),
    ("es", "Segundo reparto programado", "OutForDelivery_004"),
    ("es", "El destinatario lo recogerá en la delegación", "AvailableForPickup_001"),
    ("es", "Reparto fallido, se intentará de nuevo", "AttemptFail_001"),
    ("es", "Envío reexpedido a la nueva dirección", "InTransit_009"),
    # pt: Correios outcomes by stem
    ("pt", "A entrega não pôde ser efetuada - empresa sem expediente", "AttemptFail_003"),
    ("pt", "Entrega suspensa a pedido do remetente", "Exception_001"),
    ("pt", "Objetos avariados durante o transporte", "Exception_012"),
    ("pt", "Desistência do envio pelo remetente", "Exception_020"),
    ("pt", "Saída para entrega não realizada", "Exception_016"),
    ("pt", "Pagamento do ICMS pendente para liberação", "Exception_006"),
    ("pt", "Encomenda não retirada no prazo pelo destinatário", "Exception_008"),
    ("pt", "Destinatário desconhecido no endereço", "Exception_007"),
    ("pt", "Empresa destinatária encerrou as atividades", "Exception_002"),
    ("pt", "Encomenda reenviada ao destinatário", "InTransit_001"),
    # cs: participles in every gender and number; missorting
    ("cs", "Zásilky byly doručené", "Delivered_001"),
    ("cs", "Balík byl doručený adresátovi", "Delivered_001"),
    ("cs", "Zásilka byla chybně nasměrována", "Exception_016"),
    ("cs", "Zásilka byla špatně roztříděna", "Exception_016"),
    # tr: held shipments, carry-over, the courier's van, the pickup courier
    ("tr", "Gönderiniz gönderici talebiyle durduruldu", "Exception_001"),
    ("tr", "Kurye adresinize doğru yola çıktı", "OutForDelivery_001"),
    ("tr", "Gönderi kuryenin aracına yüklenmiştir", "OutForDelivery_001"),
    ("tr", "Alıcı adresi sorunlu", "Exception_007"),
    ("tr", "Gönderi ertesi güne ertelendi", "OutForDelivery_004"),
    ("tr", "Toplama kuryesi gönderiyi almak için yola çıktı", "InfoReceived_001"),
    ("tr", "Kargo aktarma merkezinden yola çıktı", "InTransit_007"),
    # de: "eingegangen" at a network site is an arrival, at the carrier an acceptance
    ("de", "Sendung eingegangen im Paketzentrum Leipzig", "InTransit_003"),
    ("de", "Paket im Depot eingegangen", "InTransit_003"),
    ("de", "Die Sendung ist bei Hermes eingegangen", "InTransit_002"),
    ("de", "Die Sendung wurde in der Packstation hinterlegt", "AvailableForPickup_001"),
    ("de", "Die Annahme der Sendung wurde verweigert", "Exception_003"),
    ("de", "Die Lagerfrist ist abgelaufen", "Exception_008"),
    # it: Poste wording for registered mail and parcels
    ("it", "Verifica doganale conclusa", "InTransit_005"),
    ("it", "Controlli doganali superati", "InTransit_005"),
    ("it", "Compiuta giacenza", "Exception_008"),
    ("it", "In giacenza presso l'Ufficio Postale", "AvailableForPickup_001"),
    ("it", "Destinatario trasferito", "Exception_002"),
    ("it", "Ritirata presso l'Ufficio Postale", "Delivered_002"),
    # fr
    ("fr", "Votre colis a été remis en main propre", "Delivered_001"),
    ("fr", "Colis en instance au bureau de poste", "AvailableForPickup_001"),
    ("fr", "Votre colis vous attend dans votre Point Relais", "AvailableForPickup_001"),
    # pl: taken in at a sorting centre or a courier branch (the sending one too) is an arrival
    ("pl", "Przesyłka przyjęta w sortowni docelowej", "InTransit_003"),
    ("pl", "Przyjęta w oddziale nadawczym", "InTransit_003"),
    ("pl", "Odebrana w PaczkoPunkcie", "Delivered_002"),
    ("pl", "Upłynął termin odbioru", "Exception_008"),
    ("pl", "Brak możliwości doręczenia - błędny adres", "Exception_007"),
]


test_carrier_wording_is_read_from_the_text_alone = read_alone_check(FORMS)


test_carrier_wording_is_read_by_rules_with_language_given = read_by_rules_check(FORMS)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("BDE/04", "Exception_003"),   # recusou-se a receber
        ("BDI/10", "Exception_002"),   # mudou-se
        ("BDR/25", "AttemptFail_003"),  # empresa sem expediente
        ("BDE/68", "AvailableForPickup_001"),  # armário inteligente
        ("BDE/54", "Exception_006"),   # pagamento do ICMS
        ("PAR/17", "InTransit_005"),   # liberado pela alfândega
        ("OEC/09", "Exception_010"),   # saiu para entrega ao remetente
    ],
)
def test_correios_type_and_status_decide_before_the_text(code: str, expected: str) -> None:
    result = classify("Objeto em trânsito", carrier="correios", code=code)
    assert str(result.subtag) == expected, (code, result.rule)


def test_correios_type_alone_is_a_fallback_for_an_unlisted_status() -> None:
    # IDC ("não localizado", whatever the status) decides when there is no text, not over a text.
    assert str(classify("", carrier="correios", code="IDC/03").subtag) == "Exception_013"
    assert str(classify("Objeto encaminhado", carrier="correios", code="IDC/03").subtag) == "InTransit_001"


def test_correios_statuses_that_depend_on_the_detail_are_left_to_the_text() -> None:
    # BDE 21 is "carteiro não atendido" followed either by a new attempt or by a return.
    text = "A entrega não pode ser efetuada - Carteiro não atendido - Objeto será devolvido ao remetente"
    assert str(classify(text, carrier="correios", code="BDE/21").subtag) == "Exception_010"
    absent = classify("Carteiro não atendido", carrier="correios", code="BDE/21")
    assert str(absent.subtag) == "AttemptFail_002"


def test_ceska_posta_state_ids() -> None:
    assert str(classify("", carrier="ceska-posta", code="91").subtag) == "Delivered_001"
    assert str(classify("", carrier="czech-post", code="9V").subtag) == "Exception_011"
    assert str(classify("", carrier="ceska-posta", code="8T").subtag) == "Exception_016"
    # "Uložená" is coarse: a text that says where it waits or why still decides.
    stored = classify("Zásilka nebyla vyzvednuta v úložní době", carrier="ceska-posta", code="82")
    assert str(stored.subtag) == "Exception_008"
    assert str(classify("Uložená", carrier="ceska-posta", code="82").subtag) == "AvailableForPickup_001"
