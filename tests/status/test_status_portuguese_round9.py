"""Portuguese concepts, round 9, in the wording of Brazilian and Portuguese carriers (Correios, CTT, Jadlog,
Total Express, DPD Portugal, regional transportadoras):

* a return that is only a prospect ("sujeito a devolução", "poderá ser devolvido") does not outrank the cause
  the text states; the address problem, the move or the refusal is the event;
* entry into the country refused by the authorities and prohibited or restricted contents are rejected by the
  carrier (Exception_009); a city, postcode or area the carrier does not serve is a generic exception (C17);
* one part of the address wrong, missing or not found (street, number, CEP, the flat number), the place
  demolished, an address with no door delivery, and the carrier checking the address with the customer are
  the bad address (C15);
* a payment not made (in time) holds the parcel for payment; the payment confirmed stays the problem resolved;
* the importer's information under review is customs in progress;
* a refusal that gives its reason (the purchase given up, the goods damaged) is the refusal;
* a new delivery asked for by the recipient and a booking as the status name ("Agendado", "em agendamento")
  are an appointment (C14);
* a delivery run that never left ("não houve saída") is a network delay; so are a parcel off its route and a
  missed connection or cut-off; an airport closed is a flight delay;
* a label or pre-posting expired or voided is the cancellation;
* recorded in the carrier's system ("cadastrado") or the sender's data file received is pre-transit;
* left in the addressee's own PO box or mailbox is the delivery (C5);
* strikes, road blockades and armed conflict are delays for outside reasons;
* the delivery round in progress is out for delivery;
* at or arrived at the pickup point, or "cliente retira na transportadora", waits for pickup; sent on to be
  collected there is forwarded;
* not collected ("não foi levantado") is the pickup missed;
* received and checked at a centre is the arrival scan; "Transferência para: <unidade>" is the departure.
* a return that states its cause ("devolvido por <motivo>", "<motivo> - devolvido ao remetente") is the return
  (C4), also in capitals without accents; handed back to the sender stays Exception_011;
* a bare restriction names no cause and holds the parcel (Exception_001);
* outside the carrier's profile or over its weight or size limit, and seized by the police or an authority
  other than customs, are rejected (Exception_009); seized in the customs inspection stays the customs hold;
* being searched for ("em buscas") is missing (Exception_013);
* not yet arrived at the unit is still in transit; exempt from the import duties is the customs release;
* a voided return-receipt card ("AR inutilizado") is not the parcel destroyed: the reason after it is the
  event; not collected also in capitals without accents;
* the instruction to collect at the post office waits for pickup;
* trouble at the delivery with no cause named, and an address the round did not visit, are failed attempts.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # a return only in prospect: the stated cause wins
    ("pt", "Morada incompleta - encomenda sujeita a devolução ao expedidor", "Exception_007"),
    ("pt", "Endereço insuficiente, objeto poderá ser devolvido ao remetente", "Exception_007"),
    ("pt", "Número inexistente no logradouro - objeto sujeito a atraso ou devolução", "Exception_007"),
    ("pt", "Cliente mudou-se; o pacote pode ser devolvido ao vendedor", "Exception_002"),
    # entry refused by the authorities
    ("pt", "Entrada do objeto no país não autorizada pela fiscalização", "Exception_009"),
    ("pt", "Não foi autorizada a entrada da encomenda pelas autoridades", "Exception_009"),
    ("pt", "Entrada da remessa no país recusada pelos órgãos de controle", "Exception_009"),
    # prohibited or restricted contents
    ("pt", "Objeto contém artigos proibidos", "Exception_009"),
    ("pt", "Mercadoria restrita para transporte aéreo", "Exception_009"),
    ("pt", "Encomenda com produtos perigosos", "Exception_009"),
    ("pt", "Itens proibidos ou restritos na remessa", "Exception_009"),
    # area not served
    ("pt", "Localidade não atendida pela transportadora", "Exception_001"),
    ("pt", "CEP de destino não atendido", "Exception_001"),
    ("pt", "Endereço fora da área de cobertura da transportadora", "Exception_001"),
    ("pt", "Município não atendido pelo serviço", "Exception_001"),
    # one part of the address wrong, missing or not found; the place gone; no door delivery; address check
    ("pt", "Rua inexistente no bairro indicado", "Exception_007"),
    ("pt", "Código postal errado na morada", "Exception_007"),
    ("pt", "Falta o número da porta", "Exception_007"),
    ("pt", "Bairro não encontrado pelo carteiro", "Exception_007"),
    ("pt", "Logradouro não localizado", "Exception_007"),
    ("pt", "Imóvel demolido no endereço indicado", "Exception_007"),
    ("pt", "Objeto com endereço sem distribuição domiciliária", "Exception_007"),
    ("pt", "Estamos a confirmar a morada com o destinatário", "Exception_007"),
    ("pt", "Morada em verificação junto do cliente", "Exception_007"),
    # payment not made
    ("pt", "Pagamento dos impostos não efetuado", "Exception_006"),
    ("pt", "O destinatário não efetuou o pagamento da taxa", "Exception_006"),
    ("pt", "Pagamento não realizado dentro do prazo", "Exception_006"),
    ("pt", "Encomenda retida por falta de pagamento", "Exception_006"),
    ("pt", "Pagamento confirmado, objeto segue para entrega", "InTransit_008"),
    # the importer's information under review
    ("pt", "Informações fornecidas pelo destinatário em análise", "InTransit_006"),
    ("pt", "Informações enviadas pelo importador em análise", "InTransit_006"),
    ("pt", "Informações prestadas pela cliente ainda em análise", "InTransit_006"),
    # a refusal with its reason
    ("pt", "Recusado pelo cliente - desistiu do pedido", "Exception_003"),
    ("pt", "Encomenda recusada: embalagem danificada", "Exception_003"),
    ("pt", "Destinatário recusou o objeto por estar avariado", "Exception_003"),
    ("pt", "Recusa do destinatário, compra cancelada", "Exception_003"),
    # a new delivery asked for; a booking as the status
    ("pt", "Cliente solicitou nova entrega", "OutForDelivery_004"),
    ("pt", "Destinatário pede segunda entrega para sexta-feira", "OutForDelivery_004"),
    ("pt", "Pedido de nova entrega registado", "OutForDelivery_004"),
    ("pt", "Agendado com o destinatário", "OutForDelivery_004"),
    ("pt", "Em agendamento com o cliente", "OutForDelivery_004"),
    ("pt", "Agendamento confirmado pela transportadora", "OutForDelivery_004"),
    # a run that never left, off route, a missed connection
    ("pt", "Não houve saída para entrega hoje", "Exception_016"),
    ("pt", "Objeto sem saída para distribuição", "Exception_016"),
    ("pt", "Objeto fora de rota", "Exception_016"),
    ("pt", "Perda de conexão no centro de triagem", "Exception_016"),
    ("pt", "Não embarcado por horário de corte", "Exception_016"),
    ("pt", "Volume perdeu o embarque para o destino", "Exception_016"),
    # the airport closed
    ("pt", "Aeroporto encerrado, remessa aguarda novo voo", "Exception_019"),
    ("pt", "Aeroporto de origem interditado", "Exception_019"),
    ("pt", "Aeroporto fechado no destino", "Exception_019"),
    # a label or pre-posting expired or voided
    ("pt", "Etiqueta vencida", "Exception_020"),
    ("pt", "Pré-postagem expirada sem envio", "Exception_020"),
    ("pt", "Código de envio anulado", "Exception_020"),
    # recorded in the system, data file received
    ("pt", "Objeto cadastrado no sistema", "InfoReceived_001"),
    ("pt", "Pedido cadastrado", "InfoReceived_001"),
    ("pt", "Ficheiro EDI recebido do expedidor", "InfoReceived_001"),
    ("pt", "Arquivo de dados transmitido pelo remetente", "InfoReceived_001"),
    # left in a private box
    ("pt", "Depositado na caixa de correio do destinatário", "Delivered_001"),
    ("pt", "Encomenda deixada no apartado do cliente", "Delivered_001"),
    ("pt", "Colocado na caixa postal do destinatário", "Delivered_001"),
    # strikes, blockades, armed conflict
    ("pt", "Greve dos trabalhadores dos correios", "Exception_005"),
    ("pt", "Paralisação dos caminhoneiros atrasa as entregas", "Exception_005"),
    ("pt", "Bloqueio de estradas na região", "Exception_005"),
    ("pt", "Conflitos armados na região de entrega", "Exception_005"),
    ("pt", "Manifestações impedem a circulação dos veículos", "Exception_005"),
    # the round in progress
    ("pt", "Entrega em curso", "OutForDelivery_001"),
    ("pt", "Distribuição em andamento", "OutForDelivery_001"),
    ("pt", "Sua entrega está em andamento na rua", "OutForDelivery_001"),
    # at the pickup point, or collected by the customer at the carrier
    ("pt", "Encomenda chegou ao ponto de levantamento", "AvailableForPickup_001"),
    ("pt", "No ponto de entrega escolhido", "AvailableForPickup_001"),
    ("pt", "Cliente vai retirar na agência", "AvailableForPickup_001"),
    ("pt", "Retira na unidade da transportadora", "AvailableForPickup_001"),
    # sent on to be collected
    ("pt", "Encomenda enviada para o ponto de levantamento", "InTransit_009"),
    ("pt", "Objeto transferido para retirada na agência", "InTransit_009"),
    ("pt", "Pacote remetido para o cacifo escolhido", "InTransit_009"),
    # not collected
    ("pt", "A encomenda não foi levantada no prazo", "Exception_008"),
    ("pt", "Objeto não foi retirado pelo destinatário", "Exception_008"),
    ("pt", "Os volumes não foram reclamados", "Exception_008"),
    # received and checked at a centre; transfer to a named unit
    ("pt", "Recebido e conferido no centro de distribuição", "InTransit_003"),
    ("pt", "Recebida e descarregada no hub de Campinas", "InTransit_003"),
    ("pt", "Transferência para: CD Curitiba", "InTransit_007"),
    ("pt", "Transferência para unidade de Belo Horizonte", "InTransit_007"),
    # a return that states its cause
    ("pt", "Objeto devolvido por recusa do porteiro em receber", "Exception_010"),
    ("pt", "Encomenda devolvida devido a morada insuficiente", "Exception_010"),
    ("pt", "NAO RECLAMADO NO PRAZO - DEVOLVIDO AO REMETENTE", "Exception_010"),
    ("pt", "Destinatário desconhecido; pacote devolvido ao vendedor", "Exception_010"),
    ("pt", "Devolvido ao remetente por solicitação do cliente", "Exception_010"),
    ("pt", "Prazo de guarda esgotado, objeto entregue ao remetente", "Exception_011"),
    # a restriction with no kind named
    ("pt", "RESTRICAO", "Exception_001"),
    ("pt", "Remessa com restrição", "Exception_001"),
    ("pt", "Objeto com restrição de entrega na área", "Exception_005"),
    # out of profile, over the limit
    ("pt", "Volume fora do perfil aceito pela transportadora", "Exception_009"),
    ("pt", "Dimensões acima do máximo permitido", "Exception_009"),
    ("pt", "Encomenda excede o peso máximo aceite", "Exception_009"),
    ("pt", "Recusado na postagem por excesso de peso", "Exception_009"),
    # seized
    ("pt", "Pacote apreendido pela Polícia Federal", "Exception_009"),
    ("pt", "Mercadoria confiscada pelas autoridades", "Exception_009"),
    ("pt", "Apreensão do objeto pela ANVISA", "Exception_009"),
    ("pt", "Remessa apreendida na fiscalização aduaneira", "Exception_004"),
    # being searched for
    ("pt", "Objeto em busca nas unidades da rota", "Exception_013"),
    ("pt", "A sua encomenda está a ser procurada no armazém", "Exception_013"),
    ("pt", "Buscas iniciadas para localizar o pacote", "Exception_013"),
    # not yet arrived; exempt from duties
    ("pt", "O pacote ainda não deu entrada na agência de destino", "InTransit_001"),
    ("pt", "Encomenda ainda não chegou ao centro de distribuição", "InTransit_001"),
    ("pt", "OBJETO AINDA NAO CHEGOU A UNIDADE", "InTransit_001"),
    ("pt", "Remessa isenta de impostos de importação", "InTransit_005"),
    ("pt", "Encomenda dispensada de tributação", "InTransit_005"),
    ("pt", "Isenção de taxas aduaneiras concedida", "InTransit_005"),
    # the receipt card voided; not collected without accents
    ("pt", "AR inutilizado - objeto não procurado na agência", "Exception_008"),
    ("pt", "ENCOMENDA NAO LEVANTADA NO PRAZO", "Exception_008"),
    ("pt", "Aviso de recebimento inutilizado: não reclamado", "Exception_008"),
    # the instruction to collect
    ("pt", "Favor retirar a encomenda na agência", "AvailableForPickup_001"),
    ("pt", "Levantar objeto no balcão CTT", "AvailableForPickup_001"),
    ("pt", "Buscar pacote na unidade dos Correios", "AvailableForPickup_001"),
    # trouble at the delivery; address not visited
    ("pt", "Problema na entrega do objeto", "AttemptFail_001"),
    ("pt", "Entrega com dificuldades no local", "AttemptFail_001"),
    ("pt", "Intercorrência durante a entrega", "AttemptFail_001"),
    ("pt", "Local não visitado pelo entregador", "AttemptFail_001"),
    ("pt", "ROTA NAO PERCORRIDA", "AttemptFail_001"),
]

test_concept_is_read_from_the_text_alone = read_alone_check(CASES)
test_concept_is_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
