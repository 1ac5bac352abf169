"""Spanish, Portuguese, Romanian, Turkish, Greek and French concepts from carrier wording (Correos, DHL,
Chilean and Uruguayan posts, Correios, CTT, Brazilian carriers, GLS Romania, PTT, BOX NOW, ACS, La Poste,
West-African shops):

* es: a bare processing centre is the place (C12); "entrega OK", handed over in person or left under the
  door or in the meter box is the delivery (C6); a service break solved is the problem resolved; waiting to
  be taken out by the addressee waits for pickup; the clearance delayed is the customs hold, the customs
  step finished its release; the destination's office of exchange is the arrival in the country; a failed
  attempt naming a bad address is the bad address (C15);
* pt: a place or service the carrier does not serve is the generic exception (C17); a delivery suspended and
  a logistics incident open are held; a house number that does not exist is a bad address; unitised is
  handling (C7); unloaded or taken in at a distribution centre is the arrival; CTT's international reception
  is the arrival in the country, its customs warehouse the clearance, its exit authorised the release; a
  delivery confirmed is the delivery;
* ro: excluded from the terms is rejected; under investigation is missing; duties refused is the refusal;
  the accompanying note missing or unsigned is the paperwork; the clearance delayed is the customs hold;
  further details needed is an incomplete address; the recipient's delivery change saved is the appointment
  (C14), an address change or the sender's change the redirect; stored at a sorting centre is the arrival
  there (C12);
* tr: liquidated is disposed; a wrong name is a bad address (C15); in the army or away for a while is the
  absence (not moved); seized is held; a force-majeure list is the external delay; a wrong route is a
  mis-sort; taken off the route or not let into the building is the failed attempt (C10); taken in but not
  billed is the acceptance; handed or notified at the PTT office waits for pickup (C5, C9); to a superior or
  a family member is the delivery (C6); loaded onto the delivery vehicle is the round; to a second address
  is the redirect; the arrival recorded is the arrival, from abroad the arrival in the country;
* el: being searched for is missing; the courier not collecting from the sender is a generic exception, the
  recipient not accepting the refusal; an address not found is a bad address; a problem reported is a
  generic exception; waiting for the courier's collection is pre-transit (C13); taken in at the sender's
  locker is the posting; a registration or a warehouse named with a locker brand is not the waiting point;
  travelling is transit;
* fr: arrived in a named country is the arrival in the country; arrived at the shop or relay point waits for
  pickup (C5); shipped by the web merchant is pre-transit (C13).

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # es: a bare processing centre (C12)
    ("es", "En el centro de procesamiento", "InTransit_003"),
    ("es", "Llegada al centro de procesamiento postal", "InTransit_003"),
    ("es", "Salida del centro de procesamiento", "InTransit_007"),
    # es: delivered in person or at the door (C6)
    ("es", "Entrega conforme", "Delivered_001"),
    ("es", "En mano del destinatario", "Delivered_001"),
    ("es", "Paquete depositado debajo de la puerta", "Delivered_001"),
    ("es", "Envío dejado en la casilla del medidor", "Delivered_001"),
    ("es", "Depositado en oficina para su retiro", "AvailableForPickup_001"),
    # es: a service break solved
    ("es", "Solución de incidencia en ruta", "InTransit_008"),
    ("es", "Solución al problema de entrega", "InTransit_008"),
    # es: waiting to be taken out by the addressee
    ("es", "Paquete en espera de ser retirado por el cliente en sucursal", "AvailableForPickup_001"),
    ("es", "Su envío está a la espera de ser retirado", "AvailableForPickup_001"),
    ("es", "El paquete fue retirado por el destinatario", "Delivered_002"),
    # es: the clearance delayed, the customs step finished
    ("es", "Demora en el despacho de importación", "Exception_004"),
    ("es", "Trámite de aduana concluido", "InTransit_005"),
    ("es", "Envío en despacho al domicilio", "OutForDelivery_001"),
    # es: the destination's office of exchange
    ("es", "Recibido en oficina de cambio de destino", "InTransit_004"),
    ("es", "Salida de la oficina de cambio de destino", "InTransit_007"),
    # es: a failed attempt naming a bad address (C15)
    ("es", "Entrega fallida, dirección incorrecta", "Exception_007"),
    ("es", "No entregado - domicilio inexistente", "Exception_007"),
    ("es", "Intento de entrega fallido, destinatario ausente", "AttemptFail_002"),
    # pt: a place or service not served (C17)
    ("pt", "A transportadora não atende a localidade do destinatário", "Exception_001"),
    ("pt", "Serviço não disponível", "Exception_001"),
    ("pt", "Carteiro não atendido no endereço", "AttemptFail_002"),
    # pt: a delivery suspended, an incident open
    ("pt", "Pedido de suspensão de entrega pelo remetente", "Exception_001"),
    ("pt", "Ocorrência operacional no centro de distribuição", "Exception_001"),
    ("pt", "Ocorrência resolvida, objeto segue viagem", "InTransit_008"),
    # pt: a house number that does not exist
    ("pt", "Número informado no endereço não existe", "Exception_007"),
    ("pt", "A numeração indicada na morada é inexistente", "Exception_007"),
    # pt: forwarded from, unitised, unloaded
        ("pt", "Carga unitizada no terminal", "InTransit_001"),
    ("pt", "Volume descarregado na base de Campinas", "InTransit_003"),
    ("pt", "Mercadoria recebida pela transportadora no CD de Osasco", "InTransit_003"),
    # pt: CTT's international reception, customs warehouse and exit authorised
    ("pt", "Receção internacional em Lisboa", "InTransit_004"),
    ("pt", "Em armazém para aplicação da legislação aduaneira", "InTransit_006"),
    ("pt", "Autorização de saída pela aduana", "InTransit_005"),
    # pt: a delivery confirmed
    ("pt", "A entrega foi confirmada", "Delivered_001"),
    ("pt", "Entrega não realizada, aguardando confirmação", "AttemptFail_001"),
    # ro: excluded from the terms
    ("ro", "Expediţie exclusă din condiţiile de transport", "Exception_009"),
    ("ro", "Conţinut exclus conform termenilor generali", "Exception_009"),
    # ro: under investigation
    ("ro", "Expediţia este în curs de investigaţie", "Exception_013"),
    ("ro", "Colet aflat în cercetare la depozit", "Exception_013"),
    # ro: duties refused, accompanying note, clearance delayed
    ("ro", "Destinatarul a refuzat plata taxelor vamale", "Exception_003"),
    ("ro", "Lipsă aviz de însoţire la livrare", "Exception_018"),
    ("ro", "Avizul de însoţire este nesemnat", "Exception_018"),
    ("ro", "Întârziere la vamă din cauza documentelor", "Exception_004"),
    ("ro", "Vămuire întârziată din cauza volumului", "Exception_004"),
    ("ro", "Colet în procedura de vămuire", "InTransit_006"),
    # ro: further details needed
    ("ro", "Sunt necesare informaţii suplimentare pentru livrare", "Exception_007"),
    # ro: delivery change saved, address change, sender's change
    ("ro", "Modificarea livrării a fost înregistrată", "OutForDelivery_004"),
    ("ro", "Modificare efectuată pentru adresa destinatarului", "InTransit_009"),
    ("ro", "Modificare solicitată de către expeditor", "InTransit_009"),
    # ro: stored at a sorting centre (C12)
    ("ro", "Colet depozitat în depozitul regional", "InTransit_003"),
    ("ro", "Coletul a fost depozitat în easybox", "AvailableForPickup_001"),
    # tr: liquidated, wrong name, absence, seized
    ("tr", "Gönderi tasfiye edilmiştir", "Exception_021"),
    ("tr", "Ad Soyad Yanlış", "Exception_007"),
    ("tr", "Alıcı askerde", "AttemptFail_002"),
    ("tr", "Alıcı geçici süreyle adreste yok", "AttemptFail_002"),
    ("tr", "Alıcı adresten ayrılmış", "Exception_002"),
    ("tr", "Gönderiye el konuldu", "Exception_001"),
    # tr: force majeure, weather, wrong route
    ("tr", "Doğal afet nedeniyle dağıtım yapılamadı", "Exception_005"),
    ("tr", "Hava koşulları nedeniyle bekliyor", "Exception_017"),
    ("tr", "Gönderi yanlış ciheti gitti", "Exception_016"),
    # tr: taken off the route, not let in (C10)
    ("tr", "Gönderi cihetinden çıkarıldı", "AttemptFail_001"),
    ("tr", "Siteye girilemedi", "AttemptFail_001"),
    # tr: taken in, not billed
    ("tr", "Kargo işlem gördü, faturası kesilmedi", "InTransit_002"),
    # tr: at the PTT office (C5, C9)
    ("tr", "PTT şubesine teslim edildi", "AvailableForPickup_001"),
    ("tr", "Gönderi PTT işyerinde ihbar edildi", "AvailableForPickup_001"),
    ("tr", "İşyerine Teslim", "Delivered_001"),
    # tr: to a superior or a family member (C6)
    ("tr", "Müdürlükte Amirine Teslim", "Delivered_001"),
    ("tr", "Hane Bireyine Teslim", "Delivered_001"),
    # tr: the delivery vehicle, a second address
    ("tr", "Gönderi teslimat aracına yüklenmiştir", "OutForDelivery_001"),
    ("tr", "Hat aracına yüklendi", "InTransit_001"),
    ("tr", "Gönderi başka bir adrese sevk edildi", "InTransit_009"),
    # tr: the arrival recorded
    ("tr", "Kargonun geliş kaydı yapılmıştır", "InTransit_003"),
    ("tr", "Yurtdışı gönderi geliş kaydı yapıldı", "InTransit_004"),
    # el: searched for, not collected from the sender, refused
    ("el", "Το δέμα αναζητείται από την εταιρεία", "Exception_013"),
    ("el", "Ο κούριερ δεν παρέλαβε την αποστολή από τον αποστολέα", "Exception_001"),
    ("el", "Ο παραλήπτης δεν παρέλαβε το δέμα", "Exception_003"),
    ("el", "Απόρριψη παραλαβής από τον παραλήπτη", "Exception_003"),
    # el: address not found, a problem reported
    ("el", "Η διεύθυνση του παραλήπτη δεν βρέθηκε", "Exception_007"),
    ("el", "Υπάρχει πρόβλημα με την αποστολή", "Exception_001"),
    ("el", "Η αποστολή παραδόθηκε χωρίς κανένα πρόβλημα", "Delivered_001"),
    # el: waiting for the courier's collection (C13)
    ("el", "Η αποστολή είναι έτοιμη για παραλαβή από τον courier", "InfoReceived_001"),
    ("el", "Ο κούριερ θα την παραλάβει σύντομα", "InfoReceived_001"),
    ("el", "Η αποστολή είναι διαθέσιμη για παραλαβή από το κατάστημα", "AvailableForPickup_001"),
    # el: the sender's locker, registration, warehouse
    ("el", "Κατατέθηκε στη θυρίδα αποστολής", "InTransit_002"),
    ("el", "Η αποστολή σας στο BOX NOW καταχωρήθηκε επιτυχώς", "InfoReceived_001"),
    ("el", "Το δέμα βρίσκεται στην αποθήκη του BOX NOW", "InTransit_003"),
    ("el", "Το δέμα σας ταξιδεύει προς τον προορισμό", "InTransit_001"),
    # fr: arrived in a named country
    ("fr", "Colis arrivé au Sénégal", "InTransit_004"),
    ("fr", "Votre envoi est arrivé en Guadeloupe", "InTransit_004"),
    ("fr", "Colis arrivé en agence de Dakar", "InTransit_003"),
    # fr: arrived at the shop or relay point (C5)
    ("fr", "Votre commande est arrivée dans votre point relais", "AvailableForPickup_001"),
    ("fr", "Colis arrivé à la boutique de Pétion-Ville", "AvailableForPickup_001"),
    # fr: shipped by the web merchant (C13)
    ("fr", "Votre commande a été expédiée par le e-commerçant", "InfoReceived_001"),
    ("fr", "Colis expédié par votre marchand, en attente de prise en charge", "InfoReceived_001"),
]

test_read_alone = read_alone_check(CASES)
test_read_by_rules = read_by_rules_check(CASES)
