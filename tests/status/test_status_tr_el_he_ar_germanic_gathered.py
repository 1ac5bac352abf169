"""Concepts of Turkish, Greek, Hebrew, Arabic, German, Dutch and Nordic carrier wording the rules had missed
(Yurtiçi, Aras, MNG, Sürat; ELTA Courier, ACS; Israel Post; Aramex-style Arabic; DHL, DPD, Hermes; PostNL;
PostNord, Bring, GLS; Posti):

* Turkish: a return done or closed ("iade yapıldı/sonlandırıldı") is back with the sender (C3), a return
  leaving the branch ("şubeden iade") is a return; a missing parcel or piece is lost; an address problem
  named as such is a bad address even when "could not be reached" follows; the split refusal ("red
  edildi") and the charge found too high are refusals; blocked, outside the delivery area, a wrong phone
  number or support needed are plain exceptions; loaded or routed wrongly, a facility's error and a late
  line-haul vehicle are network problems; taken off the delivery round at the branch is a failed attempt
  (C10); orders and papers issued, and a pickup by appointment, are pre-transit; collected from the sender
  is the acceptance; "teslimatta" is the round; loaded onto a vehicle is ready to leave (C7), unloaded is
  an arrival, measured and weighed is processing;
* German: repacked at the repacking station is damage, repacked and sent on is resolved; "nicht
  erfolgreich zugestellt" is no delivery; handed to the customer is a delivery; the parcel's data
  delivered is pre-transit; leaving the sender's warehouse is the acceptance; "umgeschlagen" is handling;
* Greek: kept or delivered by arrangement is an appointment; a sorting centre as a bare location is an
  arrival (C12); routing is transit;
* Hebrew: arrived at the unit to be handed over, or given a shelf number, waits at the counter;
* Arabic: put off at the customer's request or to another day is an appointment (C14);
* Dutch: loaded for the delivery is the round, the ETA set is the carrier's forecast (C14);
* Swedish, Danish: left by the sender ("lämnats av avsändaren", "indleveret af afsenderen") is the
  acceptance, not a departure or a return;
* across de, nl, sv, da, no, fi, el, he, ar (and tr): outside the delivery area is an exception;
  repacked by the carrier is damage (nl, sv, da, no, fi); loaded for the next leg is ready to leave
  (nl, sv, da, no); sent or sorted to the wrong place is a network problem (el, he, ar).

Our own sentences, none of them a row of the gathered or benchmark data.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # tr: the return done, and the return leaving the branch
    ("tr", "Gönderinizin iade işlemi gerçekleşti", "Exception_011"),
    ("tr", "Kargonuzun iadesi yapıldı, iade süreci sonlandı", "Exception_011"),
    ("tr", "Gönderi iade işlemi sonlandırıldı", "Exception_011"),
    ("tr", "Kargonuz şubeden iade edilmek üzere yola çıkarıldı", "Exception_010"),
    ("tr", "Şubeden iade süreci başladı", "Exception_010"),
    ("tr", "Gönderiniz teslim şubesinden iade ediliyor", "Exception_010"),
    # tr: a parcel or piece missing
    ("tr", "Gönderide eksik parça tespit edildi", "Exception_013"),
    ("tr", "Koli eksik olarak teslim alındı", "Exception_013"),
    ("tr", "Eksik gönderi bildirimi yapıldı", "Exception_013"),
    # tr: an address problem named as such
    ("tr", "Adres hatası nedeniyle teslimat yapılamadı", "Exception_007"),
    ("tr", "Alıcı adresi problemi: alıcıya ulaşılamadı", "Exception_007"),
    ("tr", "Sipariş üzerindeki adres farklı", "Exception_007"),
    # tr: refusals
    ("tr", "Gönderi alıcı tarafından red edildi", "Exception_003"),
    ("tr", "Alıcı ücreti yüksek buldu, kargo ücreti pahalı bulundu", "Exception_003"),
    ("tr", "Kargo bedeli yüksek bulunduğu için alınmadı", "Exception_003"),
    # tr: plain exceptions
    ("tr", "Gönderinin çıkışı engellendi", "Exception_001"),
    ("tr", "Alıcı adresi hizmet bölgesi dışında", "Exception_001"),
    ("tr", "Alıcının telefon numarası hatalı", "Exception_001"),
    ("tr", "Gönderi için müdahale gerekiyor", "Exception_001"),
    # tr: carrier-network problems
    ("tr", "Gönderi yanlış şubeye sevk edildi", "Exception_016"),
    ("tr", "Aktarma merkezi hatası nedeniyle bekliyor", "Exception_016"),
    ("tr", "Hat aracının gecikmesi nedeniyle bekleniyor", "Exception_016"),
    ("tr", "Hatalı yükleme tespit edildi", "Exception_016"),
    # tr: taken off the delivery round (C10)
    ("tr", "Kargo dağıtımdan indirildi", "AttemptFail_001"),
    ("tr", "Gönderi dağıtım aracından indirildi", "AttemptFail_001"),
    ("tr", "Dağıtım indirme yapıldı", "AttemptFail_001"),
    # tr: orders, papers, a pickup by appointment: pre-transit
    ("tr", "Alım emri oluşturuldu", "InfoReceived_001"),
    ("tr", "Gönderi için sevk emri verildi", "InfoReceived_001"),
    ("tr", "İrsaliye düzenlendi", "InfoReceived_001"),
    ("tr", "Gönderici ile randevulu alım planlandı", "InfoReceived_001"),
    ("tr", "Toplama randevusu oluşturuldu", "InfoReceived_001"),
    ("tr", "Alım talebi alındı", "InfoReceived_001"),
    # tr: collected from the sender, taken in but not yet billed
    ("tr", "Kargonuz göndericiden toplandı", "InTransit_002"),
    ("tr", "Kuryemiz gönderiyi topladı", "InTransit_002"),
    ("tr", "Gönderi işlem görmüş, irsaliyesi düzenlenmemiş", "InTransit_002"),
    # tr: at the delivery (the round)
    ("tr", "Gönderiniz teslimatta", "OutForDelivery_001"),
    ("tr", "Kargonuz şu an teslimattadır", "OutForDelivery_001"),
    ("tr", "Şube dağıtım yüklemesi: dağıtım yüklendi", "OutForDelivery_001"),
    # tr: loaded (ready to leave), unloaded (arrived), weighed (processing)
    ("tr", "Gönderi transfer merkezinde hat aracına yüklendi", "InTransit_001"),
    ("tr", "Kargonuz şubeden araca yüklenmiştir", "InTransit_001"),
    ("tr", "Şube transfer yükleme", "InTransit_001"),
    ("tr", "Gönderiniz transfer merkezinde araçtan indi", "InTransit_003"),
    ("tr", "Kargo varış şubesine indi", "InTransit_003"),
    ("tr", "Hat aracından indi", "InTransit_003"),
    ("tr", "Gönderinin desi ölçümü yapıldı", "InTransit_001"),
    ("tr", "Kargonuz tartıldı", "InTransit_001"),
    ("tr", "Tartım işlemi tamamlandı", "InTransit_001"),
    # de: repacking
    ("de", "Ihre Sendung wird im Paketzentrum nachverpackt", "Exception_012"),
    ("de", "Das Paket befindet sich in der Nachverpackung", "Exception_012"),
    ("de", "Die Sendung muss neu verpackt werden", "Exception_012"),
    ("de", "Die Sendung wurde nachverpackt und weitergeleitet", "InTransit_008"),
    ("de", "Das Paket wurde neu verpackt und wird weitertransportiert", "InTransit_008"),
    ("de", "Die Sendung wurde nachverpackt und wieder versandt", "InTransit_008"),
    # de: not delivered successfully
    ("de", "Das Paket konnte heute nicht erfolgreich zugestellt werden", "AttemptFail_001"),
    ("de", "Ihre Sendung wurde nicht korrekt zugestellt", "AttemptFail_001"),
    ("de", "Das Paket wurde nicht erfolgreich ausgeliefert", "AttemptFail_001"),
    # de: handed to the customer
    ("de", "Die Sendung wurde an den Kunden übergeben", "Delivered_001"),
    ("de", "Paket dem Kunden ausgehändigt", "Delivered_001"),
    ("de", "Die Sendung wurde an den Adressaten übergeben", "Delivered_001"),
    # de: the parcel's data delivered
    ("de", "Datenübermittlung durch den Versender", "InfoReceived_001"),
    ("de", "Die Paketinformationen wurden an Hermes übermittelt", "InfoReceived_001"),
    ("de", "Die Sendungsdaten sind bei uns eingegangen", "InfoReceived_001"),
    # de: leaving the sender's warehouse
    ("de", "Das Paket hat das Lager des Absenders verlassen", "InTransit_002"),
    ("de", "Die Sendung hat das Versandlager des Händlers verlassen", "InTransit_002"),
    ("de", "Ihr Paket hat das Warenlager des Versenders verlassen", "InTransit_002"),
    # de: handled at a hub
    ("de", "Die Sendung wurde im Paketzentrum umgeschlagen", "InTransit_001"),
    ("de", "Paket am Hub umgeschlagen", "InTransit_001"),
    ("de", "Die Sendung wurde umgeschlagen", "InTransit_001"),
    # outside the delivery area
    ("de", "Die Lieferadresse liegt außerhalb unseres Zustellgebiets", "Exception_001"),
    ("de", "Sendung außerhalb des Liefergebiets", "Exception_001"),
    ("de", "Die Anschrift ist außerhalb des Servicegebiets", "Exception_001"),
    ("nl", "Het adres ligt buiten ons bezorggebied", "Exception_001"),
    ("nl", "Zending buiten het servicegebied", "Exception_001"),
    ("nl", "Het afleveradres valt buiten het levergebied", "Exception_001"),
    ("sv", "Adressen ligger utanför vårt utdelningsområde", "Exception_001"),
    ("sv", "Försändelsen är utanför leveransområdet", "Exception_001"),
    ("sv", "Mottagarens adress är utanför serviceområdet", "Exception_001"),
    ("da", "Adressen ligger uden for vores leveringsområde", "Exception_001"),
    ("da", "Forsendelsen er uden for omdelingsområdet", "Exception_001"),
    ("da", "Modtagerens adresse er uden for serviceområdet", "Exception_001"),
    ("no", "Adressen ligger utenfor vårt leveringsområde", "Exception_001"),
    ("no", "Sendingen er utenfor utkjøringsområdet", "Exception_001"),
    ("no", "Mottakerens adresse er utenfor serviceområdet", "Exception_001"),
    ("fi", "Osoite on jakelualueen ulkopuolella", "Exception_001"),
    ("fi", "Lähetyksen osoite on toimitusalueen ulkopuolella", "Exception_001"),
    ("fi", "Vastaanottaja on palvelualueen ulkopuolella", "Exception_001"),
    ("el", "Η διεύθυνση είναι εκτός περιοχής εξυπηρέτησης", "Exception_001"),
    ("el", "Εκτός ζώνης διανομής", "Exception_001"),
    ("el", "Ο παραλήπτης βρίσκεται εκτός της περιοχής διανομής", "Exception_001"),
    ("he", "הכתובת מחוץ לאזור החלוקה", "Exception_001"),
    ("he", "המשלוח מחוץ לאזור השירות", "Exception_001"),
    ("he", "יעד מחוץ לאזור ההפצה", "Exception_001"),
    ("ar", "العنوان خارج منطقة التوصيل", "Exception_001"),
    ("ar", "الشحنة خارج نطاق الخدمة", "Exception_001"),
    ("ar", "المستلم خارج مناطق التغطية", "Exception_001"),
    # el: by arrangement, a sorting centre as a place, routing
    ("el", "Παράδοση κατόπιν συνεννόησης με τον παραλήπτη", "OutForDelivery_004"),
    ("el", "Η αποστολή παραμένει με συνεννόηση", "OutForDelivery_004"),
    ("el", "Συνεννόηση με τον παραλήπτη για νέα παράδοση", "OutForDelivery_004"),
    ("el", "Κέντρο διαλογής Θεσσαλονίκης", "InTransit_003"),
    ("el", "Στο κέντρο διαλογής", "InTransit_003"),
    ("el", "Κέντρο διανομής περιοχής αποστολέα", "InTransit_003"),
    ("el", "Η αποστολή δρομολογήθηκε", "InTransit_001"),
    ("el", "Δρομολόγηση δέματος προς Πάτρα", "InTransit_001"),
    ("el", "Σε δρομολόγηση", "InTransit_001"),
    # el, he, ar: sent or sorted to the wrong place
    ("el", "Λανθασμένη διαλογή δέματος", "Exception_016"),
    ("el", "Λάθος δρομολόγηση αποστολής", "Exception_016"),
    ("el", "Η αποστολή εστάλη εκ παραδρομής σε άλλο κατάστημα", "Exception_016"),
    ("he", "החבילה נשלחה בטעות לסניף אחר", "Exception_016"),
    ("he", "המשלוח מוין בטעות", "Exception_016"),
    ("he", "ניתוב שגוי של המשלוח", "Exception_016"),
    ("ar", "تم توجيه الشحنة الى مركز خاطئ", "Exception_016"),
    ("ar", "خطأ في توجيه الشحنة", "Exception_016"),
    ("ar", "فرز خاطئ للشحنة", "Exception_016"),
    # he: waits at the counter
    ("he", "הפריט הגיע ליחידה לשם מסירה לנמען", "AvailableForPickup_001"),
    ("he", "החבילה ממוקמת במספר מדף 204", "AvailableForPickup_001"),
    ("he", "הדבר הגיע ליחידת הדואר, מדף ב-12", "AvailableForPickup_001"),
    # ar: put off at the customer's request
    ("ar", "تاجيل التسليم بناء على طلب العميل", "OutForDelivery_004"),
    ("ar", "العميل طلب تأجيل الشحنة", "OutForDelivery_004"),
    ("ar", "سيتم التسليم في يوم آخر حسب رغبة العميل", "OutForDelivery_004"),
    # nl: loaded for the delivery, loaded for the next leg, the ETA set
    ("nl", "Je pakket is geladen voor bezorging", "OutForDelivery_001"),
    ("nl", "Zending ingeladen voor de bezorgrit", "OutForDelivery_001"),
    ("nl", "Pakket geladen voor aflevering vandaag", "OutForDelivery_001"),
    ("nl", "Zending is ingeladen in de vrachtwagen naar het sorteercentrum", "InTransit_001"),
    ("nl", "Je pakket is geladen", "InTransit_001"),
    ("nl", "Zending verladen naar het depot", "InTransit_001"),
    ("nl", "ETA bijgewerkt", "InTransit_001"),
    ("nl", "De ETA van je zending is berekend", "InTransit_001"),
    ("nl", "De verwachte aankomsttijd van je pakket is bepaald", "InTransit_001"),
    # nl, sv, da, no, fi: repacked by the carrier
    ("nl", "Je zending wordt opnieuw verpakt", "Exception_012"),
    ("nl", "Pakket is herverpakt in het sorteercentrum", "Exception_012"),
    ("nl", "Zending opnieuw ingepakt door de vervoerder", "Exception_012"),
    ("sv", "Försändelsen har packats om på terminalen", "Exception_012"),
    ("sv", "Paketet ompackas", "Exception_012"),
    ("sv", "Försändelsen har ompaketerats", "Exception_012"),
    ("da", "Pakken er blevet ompakket på terminalen", "Exception_012"),
    ("da", "Forsendelsen pakkes om", "Exception_012"),
    ("da", "Pakken er pakket om af GLS", "Exception_012"),
    ("no", "Sendingen er ompakket på terminalen", "Exception_012"),
    ("no", "Pakken pakkes om hos Bring", "Exception_012"),
    ("no", "Sendingen er pakket om", "Exception_012"),
    ("fi", "Lähetys on pakattu uudelleen", "Exception_012"),
    ("fi", "Paketti pakataan uudelleen terminaalissa", "Exception_012"),
    ("fi", "Lähetys uudelleenpakattiin", "Exception_012"),
    # sv, da, no: loaded for the next leg
    ("sv", "Försändelsen har lastats på bil mot terminalen", "InTransit_001"),
    ("sv", "Paketet är lastat och lastades på lastbil", "InTransit_001"),
    ("sv", "Försändelsen lastad på släp", "InTransit_001"),
    ("da", "Pakken er læsset på lastbil til terminalen", "InTransit_001"),
    ("da", "Forsendelsen er lastet på trailer", "InTransit_001"),
    ("da", "Pakken er læsset", "InTransit_001"),
    ("no", "Sendingen er lastet på trailer", "InTransit_001"),
    ("no", "Pakken er lastet på lastebil mot terminal", "InTransit_001"),
    ("no", "Sendingen er lastet", "InTransit_001"),
    # sv, da: left by the sender
    ("sv", "Paketet har lämnats av avsändaren", "InTransit_002"),
    ("sv", "Försändelsen lämnades av säljaren hos ombudet", "InTransit_002"),
    ("sv", "Paketet lämnades av avsändaren i dag", "InTransit_002"),
    ("da", "Pakken er indleveret af afsenderen", "InTransit_002"),
    ("da", "Forsendelsen blev indleveret af afsender i pakkeshoppen", "InTransit_002"),
    ("da", "Pakken er afleveret af afsender", "InTransit_002"),
]


test_concept_is_read_from_the_text_alone = read_alone_check(CASES)
test_concept_is_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
