"""Round-nine concepts for Czech and Slovak, Russian, Ukrainian, Polish, Finnish, Danish, Norwegian, Hebrew,
Arabic and French carrier wording (Česká pošta, Packeta, Slovenská pošta, Russian Post, Ukrposhta, Poczta
Polska, Posti, PostNord, Bring, Israel Post, Aramex/SMSA-style Arabic, La Poste):

* Slovak has no rules file of its own: its texts are read by the Czech rules, which carry the Slovak
  spellings ("zásielka", "odosielateľ", "prijatá", "vyzdvihnutá", "späť", "odberná lehota"); the letters
  only Slovak writes and its common event words vote for Czech;
* the delivery named by its noun as the whole status ("Doručení zásilky") is the delivery;
* sent back ("späť"), or taken over "for delivery to the sender", is the return under way (C1), also when
  it states the lapsed pickup period first (C4); delivered to the sender is back with them (C3);
* data received ("Dáta prijaté") and waiting for the carrier to take the parcel in ("Čekáme na přijetí
  zásilky do přepravy", "Forsendelse anmeldt", "Dokumentation indsendt", "En préparation", "Pas encore
  ramassé") are pre-transit (C13);
* posted ("Podané"), picked up by the driver or courier ("Vyzdvihnuté vodičom"), or sent by the sender
  ("Sendt fra avsender") is the acceptance; Packeta's bare "Předáno dopravci" is the hand-over to the
  partner carrier, in transit;
* ready to leave ("Pripravené k odchodu", "جاهزة للارسال"), moving on between warehouses ("تنتقل لمخزن
  اخر") or following its route ("следует по маршруту") is in transit (C7);
* received from the line haul or at a sorting centre ("vastaanotettu kuljetuksesta", "تم استلام الشحنة في
  مركز الفرز") and Poczta Polska's "Nadejście" are arrival scans (C11, C12); arrived at a place of the
  destination country is that country's arrival;
* customs clearance completed, also with the noun cut short, is the release; a hold lifted ("Débloqué",
  "فك تعليق الشحنة") is the problem resolved; "Скасування" is the cancellation;
* a notice left with the parcel set for a second delivery ("awizo - do ponownego doręczenia") is the
  failed attempt (C9);
* ready "для выдачи", still waiting "for you" at the post unit, a pickup code sent: waiting for pickup;
  the customer who collected it is the collection (C6); "מסירה בוצעה" is the delivery; "חריגה" is a
  generic exception; "sorti en livraison" is out for delivery;
* a returned item waiting at the post office is still the return (C1), not a parcel for the addressee;
* not accepted by the recipient ("nepřijata", Slovak "neprijatá") is the refusal; unclaimed
  ("nevyžádána") is the missed pickup;
* set off from a place ("vyrazila z"), exported from the origin country or "odišla" is the departure (C7);
* redirected ("presmerovaná", "přeposlána") is forwarded;
* the parcel being checked or investigated ("prověřování", "preverovanie") is a generic exception, and the
  check finished ("prověřování ukončeno", "problém vyřešen") is the problem resolved.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language (Slovak by the Czech rules).
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # the delivery named by its noun
    ("cs", "Doručení zásilky - Brno 2", "Delivered_001"),
    ("cs", "Doručení zásilky adresátovi", "Delivered_001"),
    # sent back, or taken over for delivery to the sender: the return under way
    ("cs", "Nepřevzato v úložní době, vráceno odesílateli", "Exception_010"),
    ("cs", "Zásilka předána k doručení zpět odesílateli", "Exception_010"),
    # picked up by the driver; Packeta's hand-over to the partner carrier
    ("cs", "Zásilka vyzvednuta řidičem", "InTransit_002"),
    ("cs", "Předáno dopravci", "InTransit_001"),
    # ready to leave
    ("cs", "Připraveno k odjezdu z depa", "InTransit_001"),
    # waiting for the carrier to take the parcel in
    ("cs", "Čekáme na převzetí zásilky do přepravy", "InfoReceived_001"),
    ("cs", "Zásilka čeká na přijetí do přepravy", "InfoReceived_001"),
    ("cs", "Zásilka nepřijata adresátem", "Exception_003"),
    ("cs", "Balík byl nepřijat příjemcem", "Exception_003"),
    ("cs", "Adresát zásilku odmítl převzít", "Exception_003"),
    ("cs", "Zásilka nevyžádána v úložní době", "Exception_008"),
    ("cs", "Nevyžádaná zásilka", "Exception_008"),
    ("cs", "Balík nevyžádán adresátem", "Exception_008"),
    ("cs", "Zásilka vyrazila z třídicího centra Praha", "InTransit_007"),
    ("cs", "Kamion se zásilkou vyrazil z depa", "InTransit_007"),
    ("cs", "Zásilka exportována ze země původu", "InTransit_007"),
    ("cs", "Zásilka vyvezena z Číny", "InTransit_007"),
    ("cs", "Zásilka přeposlána na novou adresu", "InTransit_009"),
    ("cs", "Balík přesměrován na jiné výdejní místo", "InTransit_009"),
    ("cs", "Probíhá prověřování zásilky", "Exception_001"),
    ("cs", "Zásilku prověřujeme", "Exception_001"),
    ("cs", "Prověřování zásilky bylo ukončeno", "InTransit_008"),
    ("cs", "Šetření zásilky uzavřeno", "InTransit_008"),
    ("cs", "Problém se zásilkou byl vyřešen", "InTransit_008"),
    # Russian: ready for the recipient, following the route, destination-country arrival, customs completed
    ("ru", "Отправление готово для выдачи", "AvailableForPickup_001"),
    ("ru", "Посылка готова для получения в отделении", "AvailableForPickup_001"),
    ("ru", "Заказ готов для вручения получателю", "AvailableForPickup_001"),
    ("ru", "Посылка следует по маршруту", "InTransit_001"),
    ("ru", "Отправление следует по маршруту в сортировочный центр", "InTransit_001"),
    ("ru", "Груз следует к месту назначения", "InTransit_001"),
    ("ru", "Поступило в сортировочный центр страны назначения", "InTransit_004"),
    ("ru", "Прибыла в международный аэропорт страны назначения", "InTransit_004"),
    ("ru", "Прибыло на склад страны назначения", "InTransit_004"),
    ("ru", "Таможенное оформл. завершено", "InTransit_005"),
    ("ru", "Таможенный контроль успешно завершен", "InTransit_005"),
    ("ru", "Таможенная очистка окончена", "InTransit_005"),
    # Ukrainian: the cancellation noun
    ("uk", "Скасування відправлення", "Exception_020"),
    ("uk", "Скасування замовлення відправником", "Exception_020"),
    ("uk", "Скасування доставки", "Exception_020"),
    # Polish: "Nadejście" is the arrival; a notice with a second delivery to come is the failed attempt
    ("pl", "Nadejście przesyłki do placówki", "InTransit_003"),
    ("pl", "Nadejście do urzędu pocztowego", "InTransit_003"),
    ("pl", "Przesyłka nadeszła do sortowni", "InTransit_003"),
    ("pl", "Awizo – przesyłka do ponownego doręczenia", "AttemptFail_001"),
    ("pl", "Awizowano, ponowne doręczenie jutro", "AttemptFail_001"),
    ("pl", "Przesyłka awizowana - do ponownej próby doręczenia", "AttemptFail_001"),
    # Finnish: received from the line haul or at a terminal is an arrival; from the sender the acceptance
    ("fi", "Lähetys vastaanotettu runkokuljetuksesta", "InTransit_003"),
    ("fi", "Vastaanotettu terminaaliin Vantaa", "InTransit_003"),
    ("fi", "Lajittelukeskuksessa vastaanotettu", "InTransit_003"),
    ("fi", "Lähetys on vastaanotettu lähettäjältä", "InTransit_002"),
    # Danish and Norwegian: papers sent in or the parcel announced is pre-transit; sent by the sender: posted
    ("da", "Dokumentation er indsendt af afsender", "InfoReceived_001"),
    ("da", "Forsendelsesdata indsendt", "InfoReceived_001"),
    ("da", "Pakken er anmeldt af afsender", "InfoReceived_001"),
    ("da", "Forsendelsen er forhåndsanmeldt", "InfoReceived_001"),
    ("da", "Sendt fra afsenderen", "InTransit_002"),
    ("da", "Afsender har sendt pakken", "InTransit_002"),
    ("no", "Sendt av avsender", "InTransit_002"),
    ("no", "Avsender har sendt pakken", "InTransit_002"),
    ("no", "Sendingen er sendt fra avsenderen", "InTransit_002"),
    # Hebrew: collected by the customer, waiting for you or a pickup code sent, an exception, delivery done
    ("he", "הלקוח אסף את המשלוח מהסניף", "Delivered_002"),
    ("he", "תודה שאספת את החבילה", "Delivered_002"),
    ("he", "הנמען אסף את דבר הדואר", "Delivered_002"),
    ("he", "דבר הדואר עדיין ממתין לך בסניף", "AvailableForPickup_001"),
    ("he", "החבילה ממתינה לכם ביחידת הדואר", "AvailableForPickup_001"),
    ("he", "נשלח אליך קוד איסוף ללוקר", "AvailableForPickup_001"),
    ("he", "קוד האיסוף נשלח בהודעה", "AvailableForPickup_001"),
    ("he", "חריגה בטיפול במשלוח", "Exception_001"),
    ("he", "דווחה חריגה", "Exception_001"),
    ("he", "המסירה בוצעה בהצלחה", "Delivered_001"),
    ("he", "בוצעה מסירה לנמען", "Delivered_001"),
    ("he", "המסירה הושלמה", "Delivered_001"),
    # Arabic: moving between warehouses, a hold lifted, received at a facility, ready to leave
    ("ar", "الشحنة تنتقل الي مستودع اخر", "InTransit_001"),
    ("ar", "ينتقل الطرد الي فرع اخر", "InTransit_001"),
    ("ar", "تم رفع التعليق عن الشحنة", "InTransit_008"),
    ("ar", "تم الغاء تعليق الشحنة", "InTransit_008"),
    ("ar", "استئناف شحن الطرد", "InTransit_008"),
    ("ar", "تم استلام الشحنة في المستودع", "InTransit_003"),
    ("ar", "استلام الطرد بمركز التوزيع", "InTransit_003"),
    ("ar", "الشحنة جاهزة للمغادرة", "InTransit_001"),
    ("ar", "الطرد جاهز للارسال الي المدينة", "InTransit_001"),
    # French: being prepared or not yet collected, unblocked, out on the round, a returned item waiting
    ("fr", "Commande en préparation", "InfoReceived_001"),
    ("fr", "En cours de préparation", "InfoReceived_001"),
    ("fr", "Colis pas encore ramassé par le transporteur", "InfoReceived_001"),
    ("fr", "Votre colis n'a pas encore été collecté", "InfoReceived_001"),
    ("fr", "Colis débloqué", "InTransit_008"),
    ("fr", "Déblocage du colis, reprise de l'acheminement", "InTransit_008"),
    ("fr", "Colis débloqué par la douane", "InTransit_005"),
    ("fr", "Sortie en livraison", "OutForDelivery_001"),
    ("fr", "Colis sorti en distribution", "OutForDelivery_001"),
    ("fr", "Votre colis est sorti en tournée", "OutForDelivery_001"),
    ("fr", "Votre colis retourné est disponible en bureau de poste", "Exception_010"),
    ("fr", "Le colis retourné vous attend au point relais", "Exception_010"),
    ("fr", "Colis retourné disponible à votre agence", "Exception_010"),
]

# Slovak sentences: read from the text alone, and by the Czech rules when "sk" is given.
SLOVAK: list[tuple[str, str, str]] = [
    ("sk", "Doručenie zásielky", "Delivered_001"),
    ("sk", "Zásielka doručená", "Delivered_001"),
    ("sk", "Zásielka nebola prevzatá v úložnej lehote, vrátená odosielateľovi", "Exception_010"),
    ("sk", "Nevyzdvihnutá v odbernej lehote - zaslaná späť", "Exception_010"),
    ("sk", "Zásielka odoslaná späť odosielateľovi", "Exception_010"),
    ("sk", "Zásielka prevzatá na doručenie odosielateľovi", "Exception_010"),
    ("sk", "Zásielka doručená odosielateľovi", "Exception_011"),
    ("sk", "Uplynutie odbernej lehoty", "Exception_008"),
    ("sk", "Zásielka nebola vyzdvihnutá", "Exception_008"),
    ("sk", "Prijaté údaje o zásielke", "InfoReceived_001"),
    ("sk", "Elektronické dáta prijaté od odosielateľa", "InfoReceived_001"),
    ("sk", "Zásielka vytvorená", "InfoReceived_001"),
    ("sk", "Čakáme na prevzatie zásielky od odosielateľa", "InfoReceived_001"),
    ("sk", "Zásielka čaká na podanie", "InfoReceived_001"),
    ("sk", "Zásielka podaná", "InTransit_002"),
    ("sk", "Podaná na pošte Bratislava 1", "InTransit_002"),
    ("sk", "Zásielka prijatá na prepravu", "InTransit_002"),
    ("sk", "Zásielka vyzdvihnutá kuriérom u odosielateľa", "InTransit_002"),
    ("sk", "Vyzdvihnuté kuriérom", "InTransit_002"),
    ("sk", "Pripravená na expedíciu", "InTransit_001"),
    ("sk", "Zásielka pripravená k odchodu", "InTransit_001"),
    ("sk", "Predané externému dopravcovi", "InTransit_001"),
    ("sk", "Zásielka v preprave", "InTransit_001"),
    ("sk", "Zásielka odoslaná z triediaceho centra", "InTransit_007"),
    ("sk", "Zásielka je v colnom konaní", "InTransit_006"),
    ("sk", "Zásielka je pripravená na vyzdvihnutie", "AvailableForPickup_001"),
    ("sk", "Zásielka čaká na vyzdvihnutie na výdajnom mieste", "AvailableForPickup_001"),
    ("sk", "Zásielka vyzdvihnutá adresátom", "Delivered_002"),
    ("sk", "Vyzdvihnutá na výdajnom mieste", "Delivered_002"),
    ("sk", "Adresát nezastihnutý", "AttemptFail_002"),
    ("sk", "Neúspešný pokus o doručenie", "AttemptFail_001"),
    ("sk", "Zásielka neprijatá adresátom", "Exception_003"),
    ("sk", "Adresát zásielku odmietol", "Exception_003"),
    ("sk", "Zásielka nevyžiadaná v lehote", "Exception_008"),
    ("sk", "Zásielka vyrazila z triediaceho centra", "InTransit_007"),
    ("sk", "Zásielka odišla zo strediska Žilina", "InTransit_007"),
    ("sk", "Zásielka exportovaná zo Slovenska", "InTransit_007"),
    ("sk", "Odchod zo skladu v Nitre", "InTransit_007"),
    ("sk", "Zásielka presmerovaná na inú adresu", "InTransit_009"),
    ("sk", "Presmerovanie na iné výdajné miesto", "InTransit_009"),
    ("sk", "Prebieha preverovanie zásielky", "Exception_001"),
    ("sk", "Zásielku preverujeme", "Exception_001"),
    ("sk", "Prešetrovanie zásielky", "Exception_001"),
    ("sk", "Preverovanie zásielky bolo ukončené", "InTransit_008"),
    ("sk", "Problém so zásielkou bol vyriešený", "InTransit_008"),
]

test_concept_is_read_from_the_text_alone = read_alone_check(CASES)
test_concept_is_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
test_slovak_is_read_from_the_text_alone = read_alone_check(SLOVAK)

test_slovak_is_read_by_the_czech_rules = read_by_rules_check(SLOVAK)
