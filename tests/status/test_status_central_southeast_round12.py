"""German, Turkish, Hungarian, Greek, French and Polish concepts from carrier wording (Hermes, PTT, GLS, MPL,
ELTA, ACS, Colissimo, Chronopost, Poczta Polska), round twelve:

* de: taken over by a branch or depot of the network is the arrival there (C11); a further delivery attempt
  announced on its own is the repeated attempt planned (C14); kept at a branch or depot with no counter
  named is a generic exception; the collection from the sender about to be made is pre-transit (C13);
* tr: "imtina" is the refusal; a building demolished or not there is a bad address (C15); an address found
  shut names neither home nor business, so it is the failed attempt; the bare noun "teslim" after where or to
  whom it was handed (home, workplace, doorman, in person) is the delivery (C6); left with the neighbourhood
  headman ("muhtarlık") waits for pickup (C5);
* hu: handed to the courier or courier service is the acceptance, handed over for delivery stays the run;
  under delivery "to the addressee or a pickup point" is the run; "kézbesítve / átvéve" names no place (C6);
* el: an SMS, e-mail or message sent to the recipient is the customer contacted; the return's delivery to the
  sender as a noun is back with the sender (C3);
* fr: a fault in the addressing is a bad address (C15); special handling is a generic exception;
* pl: the notice left by the courier is the failed attempt (C9).

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # de: taken over by a branch or depot (C11)
    ("de", "Das Paket wurde vom Depot Hamburg-Nord übernommen", "InTransit_003"),
    ("de", "Sendung von der DPD Niederlassung Leipzig angenommen", "InTransit_003"),
    ("de", "Ihr Paket wurde von dem Verteilzentrum Ansbach übernommen", "InTransit_003"),
    # de: a further attempt announced (C14)
    ("de", "Ein erneuter Zustellversuch erfolgt am nächsten Werktag", "OutForDelivery_004"),
    ("de", "Der Zusteller wird einen zweiten Zustellversuch unternehmen", "OutForDelivery_004"),
    ("de", "Nächster Zustellversuch morgen", "OutForDelivery_004"),
    ("de", "Ein weiterer Zustellversuch ist für Montag geplant", "OutForDelivery_004"),
    ("de", "Zustellversuch fehlgeschlagen, ein weiterer Zustellversuch folgt", "AttemptFail_001"),
    # de: kept at a depot, no counter named
    ("de", "Ihr Paket wird im Depot Erfurt aufbewahrt", "Exception_001"),
    ("de", "Die Sendung wurde in der Niederlassung Bremen eingelagert", "Exception_001"),
    ("de", "Das Paket wird in unserem Depot verwahrt", "Exception_001"),
    # de: the collection at the sender about to be made (C13)
    ("de", "Die Abholung soll morgen erfolgen", "InfoReceived_001"),
    ("de", "Abholung erfolgt am 14.05.", "InfoReceived_001"),
    ("de", "Die Abholung Ihrer Sendung wird heute durchgeführt", "InfoReceived_001"),
    # tr: the refusal noun
    ("tr", "Alıcı teslim almaktan imtina etti", "Exception_003"),
    ("tr", "Gönderi imtina nedeniyle teslim edilemedi", "Exception_003"),
    # tr: the building gone (C15)
    ("tr", "Bina yıkılmış, gönderi teslim edilemedi", "Exception_007"),
    ("tr", "Adreste bina mevcut değil", "Exception_007"),
    ("tr", "Yıkık bina", "Exception_007"),
    ("tr", "Adres artık mevcut değil", "Exception_007"),
    # tr: the address shut, home or business not named
    ("tr", "Adres kapalı bulundu", "AttemptFail_001"),
    ("tr", "Teslimat adresi kapalı", "AttemptFail_001"),
    ("tr", "Konut kapalı, alıcı bulunamadı", "AttemptFail_002"),
    ("tr", "İşyeri kapalı olduğundan teslim edilemedi", "AttemptFail_003"),
    # tr: the bare noun "teslim" after where or to whom (C6)
    ("tr", "Adresinde Teslim", "Delivered_001"),
    ("tr", "Kapıcıya Teslim", "Delivered_001"),
    ("tr", "Bizzat Teslim", "Delivered_001"),
    ("tr", "Alıcının Evinde Teslim", "Delivered_001"),
    ("tr", "Güvenliğe Teslim", "Delivered_001"),
    ("tr", "Kargo Şubesine Teslim edildi", "InTransit_002"),
    # tr: left with the headman (C5)
    ("tr", "Gönderiniz muhtarlığa teslim edildi", "AvailableForPickup_001"),
    ("tr", "Kargo muhtarlıkta bekliyor", "AvailableForPickup_001"),
    ("tr", "Muhtara bırakıldı", "AvailableForPickup_001"),
    # hu: handed to the courier service; for delivery it is the run
    ("hu", "A csomagot átadtuk a futárszolgálatnak", "InTransit_002"),
    ("hu", "Küldemény futárnak átadva", "InTransit_002"),
    ("hu", "A webáruház átadta a futárnak a csomagot", "InTransit_002"),
    ("hu", "A küldeményt kiszállításra átadtuk a futárnak", "OutForDelivery_001"),
    # hu: under delivery whatever the destination
    ("hu", "Kézbesítés folyamatban a csomagpontra", "OutForDelivery_001"),
    ("hu", "A küldemény kiszállítás alatt (házhoz vagy csomagpontra)", "OutForDelivery_001"),
    # hu: delivered and taken over, no place (C6)
    ("hu", "Küldemény kézbesítve és átvéve", "Delivered_001"),
    ("hu", "Átvéve / kézbesítve", "Delivered_001"),
    ("hu", "Csomagautomatából átvették", "Delivered_002"),
    # el: a message sent to the recipient
    ("el", "Στάλθηκε SMS στον παραλήπτη", "OutForDelivery_003"),
    ("el", "Αποστολή μηνύματος στον παραλήπτη", "OutForDelivery_003"),
    ("el", "Αποστάλθηκε e-mail ενημέρωσης", "OutForDelivery_003"),
    ("el", "Ενημέρωση παραλήπτη μέσω SMS", "OutForDelivery_003"),
    # el: the return delivered to the sender (C3); one still to come is the return under way
    ("el", "Παράδοση στον αποστολέα", "Exception_011"),
    ("el", "Επιστροφή - παράδοση του δέματος στον αποστολέα", "Exception_011"),
    ("el", "Επιστροφή προς παράδοση στον αποστολέα", "Exception_010"),
    # fr: a fault in the addressing (C15)
    ("fr", "Erreur d'adressage, colis non distribué", "Exception_007"),
    ("fr", "Adressage incomplet : colis en attente", "Exception_007"),
    ("fr", "Problème d'adressage sur votre colis", "Exception_007"),
    ("fr", "Mauvais adressage du destinataire", "Exception_007"),
    # fr: special handling
    ("fr", "Votre envoi nécessite un traitement spécifique", "Exception_001"),
    ("fr", "Colis mis de côté pour un traitement particulier", "Exception_001"),
    # pl: the notice left after a failed attempt (C9); a notice of a parcel waiting at a counter is the pickup
    ("pl", "Kurier pozostawił awizo", "AttemptFail_001"),
    ("pl", "Awizo zostało pozostawione w skrzynce adresata", "AttemptFail_001"),
    ("pl", "Listonosz zostawił awizo w drzwiach", "AttemptFail_001"),
    ("pl", "Pozostawiono awizo, przesyłka czeka w placówce pocztowej", "AvailableForPickup_001"),
]

test_read_alone = read_alone_check(CASES)
test_read_by_rules = read_by_rules_check(CASES)
