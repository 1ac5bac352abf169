"""Portuguese concepts, round 11, in the wording of Brazilian and Portuguese carriers (Correios, Jadlog,
Mercado Envios, air-cargo and road transportadoras, OCOREN event names, CTT):

* the carrier's own operations ("motivos operacionais"), a fault in the dispatch or the transfer, routing to
  be put right, cargo not loaded and an item meant for another country are a network problem
  (Exception_016);
* cargo offloaded from the flight ("corte de carga") is a flight delay;
* paperwork lost, missing or wrong (documents lost, a correction letter awaited, fiscal problems, a data
  request unanswered, a document not presented) is Exception_018; an ID to show at the door is not;
* a consenting agency ("órgão anuente"), an export not authorised, a contested duty or a step for the
  release not taken is the customs hold; a delay at customs is the customs hold, leaving customs ("liberado
  da alfândega") the release, the duties paid the problem resolved;
* "refugo" / "refugado" is the disposal; a fire hitting the item, burnt, soaked or crushed is damage; an
  insurance loss ("sinistro") is the loss;
* rejected by a link of the network, or too large for the hold or the vehicle, is rejected by the carrier;
  rejected by the addressee is the refusal;
* the whole staff on leave ("férias coletivas") is the business closed; nobody authorised to receive is a
  failed attempt; brought back to the depot with no cause is a failed attempt (C10);
* the sender not authorising a pickup or delivery way holds the parcel (Exception_001); an unsafe delivery
  area is a generic exception (C17);
* a new attempt announced for a later day, the delivery put off to the next working day, or the buyer
  rescheduling is the appointment (C14);
* the address changed is a redirect; collected for the return is the return under way (C1);
* the carrier on its way to collect, the collection about to happen, waiting to enter the network and a
  shipping label released are pre-transit (C13); dropped off by the seller at a point is the acceptance;
* an internal passage is in transit; the courier at the door is the delivery run; a delivery made off its
  programmed date is a delivery.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

CASES: list[tuple[str, str, str]] = [
    # the carrier's own operations, dispatch faults, routing to be corrected, not loaded, another country
    ("pt", "Encomenda retida por motivos operacionais", "Exception_016"),
    ("pt", "Atraso devido a problema operacional no centro", "Exception_016"),
    ("pt", "Coleta adiada por razões operacionais", "Exception_016"),
    ("pt", "Falha operacional na unidade de tratamento", "Exception_016"),
    ("pt", "Irregularidade no encaminhamento do volume", "Exception_016"),
    ("pt", "Falha na transferência do pacote entre bases", "Exception_016"),
    ("pt", "Problema na consolidação da carga", "Exception_016"),
    ("pt", "Rota a ser corrigida pela operação", "Exception_016"),
    ("pt", "Destino precisa ser corrigido", "Exception_016"),
    ("pt", "Volumes não foram embarcados no caminhão", "Exception_016"),
    ("pt", "Carga não foi embarcada por falta de espaço", "Exception_016"),
    ("pt", "Encomenda destinada para outro país", "Exception_016"),
    # offloaded from the flight
    ("pt", "Houve corte de carga no voo", "Exception_019"),
    ("pt", "Carga cortada por excesso na aeronave", "Exception_019"),
    ("pt", "Volume retirado do voo pela companhia aérea", "Exception_019"),
    ("pt", "Remessa desembarcada da aeronave em Guarulhos", "Exception_019"),
    # paperwork lost, missing or wrong
    ("pt", "Perda da documentação de embarque", "Exception_018"),
    ("pt", "Documentos extraviados pela transportadora", "Exception_018"),
    ("pt", "Nota fiscal perdida no trajeto", "Exception_018"),
    ("pt", "Emissão de carta de correção pendente", "Exception_018"),
    ("pt", "Divergência na nota fiscal", "Exception_018"),
    ("pt", "Pendência fiscal na mercadoria", "Exception_018"),
    ("pt", "Irregularidade fiscal detectada", "Exception_018"),
    ("pt", "Pedido de informações sem resposta do cliente", "Exception_018"),
    ("pt", "Dados do importador incompletos", "Exception_018"),
    ("pt", "Remetente não enviou a nota fiscal", "Exception_018"),
    ("pt", "Cliente não forneceu os documentos", "Exception_018"),
    ("pt", "Objeto não entregue por falta de documento de identificação", "AttemptFail_001"),
    # customs: a consenting agency, an export not authorised, a contested duty, a release step not taken
    ("pt", "Encomenda aguardando liberação do órgão anuente", "Exception_004"),
    ("pt", "Importação sujeita a anuência do Ministério da Agricultura", "Exception_004"),
    ("pt", "Exportação do objeto não autorizada pela fiscalização", "Exception_004"),
    ("pt", "Recurso contra a taxa de importação em andamento", "Exception_004"),
    ("pt", "Pedido de revisão dos impostos registrado", "Exception_004"),
    ("pt", "Providência para a liberação da encomenda não tomada pelo destinatário", "Exception_004"),
    ("pt", "Encomenda atrasada pela alfândega", "Exception_004"),
    ("pt", "Demora no desembaraço da alfândega", "Exception_004"),
    ("pt", "Remessa liberada na alfândega de Curitiba", "InTransit_005"),
    ("pt", "Pacote liberado da aduana", "InTransit_005"),
    ("pt", "Tributos quitados pelo destinatário", "InTransit_008"),
    ("pt", "Taxas alfandegárias pagas", "InTransit_008"),
    # disposal, fire damage, insurance loss
    ("pt", "Encomenda refugada pelos Correios", "Exception_021"),
    ("pt", "Objetos encaminhados para refugo", "Exception_021"),
    ("pt", "Mercadoria afetada por incêndio no armazém", "Exception_012"),
    ("pt", "Pacote queimado no transporte", "Exception_012"),
    ("pt", "Caixa molhada na chegada", "Exception_012"),
    ("pt", "Embalagem amassada", "Exception_012"),
    ("pt", "Produto quebrado no trajeto", "Exception_012"),
    ("pt", "Sinistro registrado com a carga", "Exception_013"),
    ("pt", "Objeto sinistrado", "Exception_013"),
    # rejected by a link of the network, too large
    ("pt", "Volume rejeitado na triagem", "Exception_009"),
    ("pt", "Encomenda rejeitada pela base", "Exception_009"),
    ("pt", "Peso superior ao limite da transportadora", "Exception_009"),
    ("pt", "Volume maior que a capacidade do veículo", "Exception_009"),
    ("pt", "Mercadoria rejeitada pelo destinatário", "Exception_003"),
    # business closed for the staff's leave; nobody authorised; back to the depot
    ("pt", "Empresa em férias coletivas", "AttemptFail_003"),
    ("pt", "Loja em recesso", "AttemptFail_003"),
    ("pt", "Recesso de fim de ano do cliente", "AttemptFail_003"),
    ("pt", "Porteiro não está autorizado a receber encomendas", "AttemptFail_001"),
    ("pt", "Ninguém autorizado para receber o pacote", "AttemptFail_001"),
    ("pt", "Condomínio sem autorização para receber volumes", "AttemptFail_001"),
    ("pt", "Pacote retornado à base", "AttemptFail_001"),
    ("pt", "Encomenda voltou para a unidade de entrega", "AttemptFail_001"),
    ("pt", "Volume regressado ao armazém", "AttemptFail_001"),
    # the sender did not authorise the way; an unsafe area
    ("pt", "Entrega no endereço alternativo não autorizada pelo vendedor", "Exception_001"),
    ("pt", "Remetente não autorizou a retirada na agência", "Exception_001"),
    ("pt", "Endereço em área de risco", "Exception_001"),
    ("pt", "Bairro considerado perigoso pela transportadora", "Exception_001"),
    ("pt", "Zona de risco, entrega não realizada", "Exception_001"),
    # a new attempt on a later day, the next working day, the buyer rescheduling
    ("pt", "Será feita nova tentativa de entrega amanhã", "OutForDelivery_004"),
    ("pt", "Nova entrega será realizada na segunda-feira", "OutForDelivery_004"),
    ("pt", "Uma segunda tentativa vai ser efetuada no próximo dia", "OutForDelivery_004"),
    ("pt", "A entrega vai ocorrer no próximo dia útil", "OutForDelivery_004"),
    ("pt", "Tentativa deverá ser realizada no seguinte dia útil", "OutForDelivery_004"),
    ("pt", "Cliente reagendou a data de entrega", "OutForDelivery_004"),
    ("pt", "Reagendamento solicitado pelo destinatário", "OutForDelivery_004"),
    ("pt", "Destinatário remarcou a entrega", "OutForDelivery_004"),
    # the address changed; collected for the return
    ("pt", "Morada de entrega atualizada", "InTransit_009"),
    ("pt", "Alteração de endereço solicitada pelo cliente", "InTransit_009"),
    ("pt", "Endereço do destinatário modificado", "InTransit_009"),
    ("pt", "Pacote recolhido para devolução", "Exception_010"),
    ("pt", "Encomenda enviada para retorno", "Exception_010"),
    ("pt", "Coleta para retorno agendada", "Exception_010"),
    # collection pending, waiting to enter the network, a label released; dropped off at a point
    ("pt", "Motorista a caminho da coleta", "InfoReceived_001"),
    ("pt", "Coletor a caminho para a recolha", "InfoReceived_001"),
    ("pt", "Recolha em breve", "InfoReceived_001"),
    ("pt", "Coleta em andamento no vendedor", "InfoReceived_001"),
    ("pt", "Pacote prestes a ser coletado", "InfoReceived_001"),
    ("pt", "Estamos coletando seu pedido", "InfoReceived_001"),
    ("pt", "Transportadora recolhendo a encomenda", "InfoReceived_001"),
    ("pt", "Objeto aguardando ingresso na rede dos Correios", "InfoReceived_001"),
    ("pt", "Pedido ainda não entrou na rede", "InfoReceived_001"),
    ("pt", "Etiqueta disponibilizada ao vendedor", "InfoReceived_001"),
    ("pt", "Etiqueta de postagem liberada", "InfoReceived_001"),
    ("pt", "Pacote despachado na agência dos Correios", "InTransit_002"),
    ("pt", "Produto despachado em uma loja parceira", "InTransit_002"),
    # internal passage; the courier at the door; delivered off its date
    ("pt", "Objeto em passagem interna", "InTransit_001"),
    ("pt", "Em passagem pelo centro de Cajamar", "InTransit_001"),
    ("pt", "Carteiro está na sua porta", "OutForDelivery_001"),
    ("pt", "O estafeta chegou à sua morada", "OutForDelivery_001"),
    ("pt", "Motorista na portaria do prédio", "OutForDelivery_001"),
    ("pt", "Entrega realizada fora da data programada", "Delivered_001"),
    ("pt", "Entrega fora do prazo", "Delivered_001"),
    # checked at the unit is a handling step; the addressee not showing a document at the door is the failed
    # handover; waiting out the time before disposal is the storage lapse
    ("pt", "Carga em conferência na unidade", "InTransit_001"),
    ("pt", "Volumes conferidos no centro de distribuição", "InTransit_001"),
    ("pt", "Entrega não efetuada: destinatário não apresentou o documento solicitado", "AttemptFail_001"),
    ("pt", "Encomenda aguardando prazo para refugo na agência", "Exception_008"),
]

test_read_from_the_text_alone = read_alone_check(CASES)
test_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
