"""Hungarian, Greek, Romanian and Turkish concepts from the ninth round of carrier wording (Foxpost,
Sameday, Express One; ACS, Geniki Taxydromiki, Courier Center, BoxNow; FAN Courier, Sameday RO; Yurtiçi,
Aras, HepsiJET):

* Foxpost writes one template for both directions ("a címzett/feladó átvette", "(vissza)kézbesítve",
  "feladott/visszaküldött csomag", "kiszállítás/visszaszállítás alatt"): the slash or bracket alternative does
  not state a return, the rest of the text is the event; a return spelled apart ("vissza lett küldve") is the
  return (C1, C4), and a returned parcel the sender's partner took over is back with the sender (C3);
* not taken over during the door delivery, or brought back to the carrier's own warehouse, is a failed attempt
  (C10), not a return;
* a locker out of order or overfull, and a parcel sorted to the wrong locker or depot, is a network problem
  (Exception_016); handed out in person instead is the pickup, sent to another locker the redirect;
* "a címzett átvette" names no place: the door handover (C6), Delivered_001;
* paperwork before the parcel moves: a waybill or transport document issued, a courier order or pickup
  ordered, a "new" record, "before the transport", a courier going to collect from the sender (C13);
* a warehouse, depot, station or branch as a bare location, and the arrival at the destination branch store,
  is the arrival scan (C11, C12); the exit scan ("kilépés a hubból") and the closing of the dispatch at a
  station are the departure (C7);
* at the final point or pickup point, or "most már átveheted" in a locker, waits for pickup (C5); handed over
  with the locker named as the place ("Predat (easybox)") is the collection (C6);
* gone out to the delivery ("ieşit la livrare") is the delivery round;
* a Greek parcel "αγνοείται" (missing) is lost; a bare "failed" is a generic exception, a failed delivery
  is the failed attempt;
* a delivery carried over to the next working day is a rescheduled delivery (C14), OutForDelivery_004;
* processed at acceptance with the carrier's invoice still to come is the acceptance, not missing papers.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # either/or templates do not state a return
    ("hu", "A feladott/visszaküldött csomagod megérkezett a központi raktárunkba", "InTransit_003"),
    ("hu", "A csomagot (vissza)kézbesítettük, a feladó/címzett átvette", "Delivered_001"),
    ("hu", "A csomag kiszállítás/visszaszállítás alatt úton van", "InTransit_001"),
    ("hu", "Fel lett adva az automatában, a (vissza)küldött csomagot hamarosan kézbesítjük", "InTransit_002"),
    # a return spelled apart; the returned parcel back with the sender's partner
    ("hu", "A címzett nem vette át, ezért a csomag vissza lesz küldve a feladónak", "Exception_010"),
    ("hu", "A küldemény vissza lett szállítva a feladóhoz", "Exception_010"),
    ("hu", "A visszaküldött csomagot a webáruház átvette", "Exception_011"),
    ("hu", "Visszaküldött küldeményedet a feladó partnerünk megkapta", "Exception_011"),
    # not taken at the door, brought back to the carrier's warehouse (C10)
    ("hu", "A kézbesítés során a címzett nem vette át, visszaszállítottuk a raktárba", "AttemptFail_001"),
    ("hu", "A csomag visszaszállításra került a depóba", "AttemptFail_001"),
    ("hu", "A kiszállítás közben nem vette át a címzett a küldeményt", "AttemptFail_001"),
    # locker fault or overfull, wrong locker: network problem; what the carrier does about it
    ("hu", "Az automata meghibásodása miatt a csomagot még nem tudjuk behelyezni", "Exception_016"),
    ("hu", "A csomagautomata túltelített, a behelyezés később történik", "Exception_016"),
    ("hu", "A küldemény rossz depóba lett irányítva", "Exception_016"),
    ("hu", "A csomagot tévesen szortírozták", "Exception_016"),
    ("hu", "Műszaki hiba miatt a csomagodat munkatársunknál veheted át", "AvailableForPickup_001"),
    ("hu", "Az automata telítettsége miatt a csomagot átirányítottuk egy másik automatába", "InTransit_009"),
    # the recipient took it, no place named (C6)
    ("hu", "A futár kézbesítette, a címzett átvette a küldeményt", "Delivered_001"),
    ("hu", "Átvette a címzett", "Delivered_001"),
    ("hu", "A címzett átvette a csomagot", "Delivered_001"),
    # paperwork before the parcel moves (C13)
    ("hu", "Fuvarlevél kiállítva", "InfoReceived_001"),
    ("hu", "A fuvarokmány elkészült", "InfoReceived_001"),
    ("hu", "Futárrendelés rögzítve", "InfoReceived_001"),
    ("hu", "Új megrendelés érkezett", "InfoReceived_001"),
    ("ro", "Documentul de transport a fost generat", "InfoReceived_001"),
    ("ro", "A fost emis documentul de transport", "InfoReceived_001"),
    ("ro", "Scrisoare de trasura emisa", "InfoReceived_001"),
    ("el", "Νέα αποστολή", "InfoReceived_001"),
    ("el", "Νέο δέμα", "InfoReceived_001"),
    ("el", "Πριν την παραλαβή", "InfoReceived_001"),
    ("el", "Προ μεταφοράς", "InfoReceived_001"),
    ("tr", "Göndericiden alım yapacak kurye yola çıktı", "InfoReceived_001"),
    ("tr", "Kuryemiz göndericiden kargoyu almak için yolda", "InfoReceived_001"),
    ("tr", "Alım için kurye görevlendirildi", "InfoReceived_001"),
    # processed at acceptance, the carrier's invoice still to come
    ("tr", "Gönderi işlem gördü, irsaliye düzenlenecek", "InTransit_002"),
    ("tr", "Kargonuz işlem görmüştür, faturası bekleniyor", "InTransit_002"),
    ("tr", "Gümrük için fatura bekleniyor", "Exception_018"),
    # a bare facility as location, arrival at the destination branch (C11, C12)
    ("hu", "A csomag a GLS raktárában", "InTransit_003"),
    ("hu", "Depóban", "InTransit_003"),
    ("hu", "A küldemény a logisztikai központban van", "InTransit_003"),
    ("el", "Στην αποθήκη", "InTransit_003"),
    ("el", "Σε hub", "InTransit_003"),
    ("el", "Η αποστολή βρίσκεται στον σταθμό Αθηνών", "InTransit_003"),
    ("el", "Έφτασε στο κατάστημα παράδοσης", "InTransit_003"),
    ("el", "Άφιξη στο κατάστημα Πάτρας", "InTransit_003"),
    ("tr", "Şubesinde", "InTransit_003"),
    ("tr", "Kargonuz şubede", "InTransit_003"),
    ("tr", "Varış şubesinde", "InTransit_003"),
    # the exit scan, the dispatch closed at a station (C7)
    ("hu", "Kilépés a depóból", "InTransit_007"),
    ("hu", "A csomag kilépett a raktárból", "InTransit_007"),
    ("el", "Κλείσιμο από Θεσσαλονίκη", "InTransit_007"),
    ("el", "ΚΛΕΙΣΙΜΟ ΣΑΚΟΥ ΠΡΟΣ ΑΘΗΝΑ", "InTransit_007"),
    # waiting for pickup (C5); handed over at the locker named (C6)
    ("hu", "A csomag megérkezett a kiválasztott automatába", "AvailableForPickup_001"),
    ("hu", "Csomagodat már átveheted a csomagpontban", "AvailableForPickup_001"),
    ("hu", "A küldemény átvehető a postán", "AvailableForPickup_001"),
    ("el", "Το δέμα βρίσκεται στο σημείο παραλαβής", "AvailableForPickup_001"),
    ("el", "Σε τελικό σημείο", "AvailableForPickup_001"),
    ("ro", "Predat - easybox", "Delivered_002"),
    ("ro", "Predată (locker)", "Delivered_002"),
    ("ro", "Coletul a fost predat destinatarului din easybox", "Delivered_002"),
    # gone out to the delivery
    ("ro", "Ieşit în livrare", "OutForDelivery_001"),
    ("ro", "Coletul a iesit la livrare", "OutForDelivery_001"),
    ("ro", "Plecat în livrare cu curierul", "OutForDelivery_001"),
    # missing; a bare failure; a failed delivery
    ("el", "Το δέμα αγνοείται", "Exception_013"),
    ("el", "Αγνοούμενη αποστολή", "Exception_013"),
    ("el", "Αποτυχία", "Exception_001"),
    ("el", "Η παράδοση απέτυχε", "AttemptFail_001"),
    ("el", "Απέτυχε η επίδοση", "AttemptFail_001"),
    # carried over to the next working day: rescheduled (C14)
    ("tr", "Teslimat ertesi iş gününe ertelendi", "OutForDelivery_004"),
    ("tr", "Dağıtım bir sonraki iş gününe aktarıldı", "OutForDelivery_004"),
    ("tr", "Kargonuzun teslimatı ertesi güne devredilmiştir", "OutForDelivery_004"),
]

test_concept_is_read_from_the_text_alone = read_alone_check(CASES)
test_concept_is_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
