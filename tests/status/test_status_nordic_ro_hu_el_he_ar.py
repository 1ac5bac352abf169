"""Every concept of the parcel lifecycle read by stem and word form in the Nordic languages, Romanian,
Hungarian, Greek, Hebrew and Arabic.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv`, written per language as
a grid of concepts in the wording of the carriers that deliver there: participles in every gender and
number, passives and past tenses, nouns and one- or two-word status names, negated deliveries (a failed
attempt, never the delivery), a sender posting at a counter or locker (the carrier's pickup, not a
parcel waiting there), a parcel on its way to a pickup point (movement), handed to the delivering courier
(the round), signed and cash-on-delivery deliveries, weather as a cause of delay, a recipient who moved,
and Romanian written without its diacritics, as many courier systems send it.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
FORMS: list[tuple[str, str, str]] = [
    # --- Swedish (PostNord SE, Budbee, Instabox)
    # data only / not yet handed over
    ("sv", "Avsändaren har skapat en fraktsedel", "InfoReceived_001"),
    ("sv", "Försändelsen har ännu inte lämnats till PostNord", "InfoReceived_001"),
    ("sv", "Vi har tagit emot information om försändelsen", "InfoReceived_001"),
    # taken over from the sender (also posted at a counter or locker)
    ("sv", "Försändelsen har hämtats hos avsändaren", "InTransit_002"),
    ("sv", "Försändelsen har lämnats in av avsändaren", "InTransit_002"),
    ("sv", "Paketet har lämnats in på ett ombud", "InTransit_002"),
    ("sv", "Försändelsen har hämtats upp hos avsändaren", "InTransit_002"),
    ("sv", "Budbee har hämtat ditt paket från lagret", "InTransit_002"),
    ("sv", "Mottagen", "InTransit_002"),
    # arrival at a facility
    ("sv", "Ankommit till terminal", "InTransit_003"),
    ("sv", "Försändelsen har anlänt till terminalen", "InTransit_003"),
    ("sv", "Ankommit", "InTransit_003"),
    # in transit / sorting
    ("sv", "Sorterad på terminal", "InTransit_001"),
    ("sv", "Försändelsen är på väg till ditt ombud", "InTransit_001"),
    ("sv", "Under transport", "InTransit_001"),
    # departure
    ("sv", "Avgått från terminal", "InTransit_007"),
    ("sv", "Avgått", "InTransit_007"),
    # arrival in the destination country
    ("sv", "Försändelsen har ankommit till Sverige", "InTransit_004"),
    # customs in progress
    ("sv", "Försändelsen är under tullbehandling", "InTransit_006"),
    ("sv", "Försändelsen väntar på tullklarering", "InTransit_006"),
    # customs released
    ("sv", "Försändelsen har förtullats", "InTransit_005"),
    ("sv", "Försändelsen är klarerad av tullen", "InTransit_005"),
    # held by customs
    ("sv", "Försändelsen har stoppats i tullen", "Exception_004"),
    # duties to pay
    ("sv", "Tullavgift ska betalas innan utlämning", "Exception_006"),
    # redirected
    ("sv", "Försändelsen har skickats vidare till nytt ombud", "InTransit_009"),
    # appointment, postponed or announced day
    ("sv", "Leveranstid bokad", "OutForDelivery_004"),
    # out for delivery
    ("sv", "Paketet är lastat på bilen för utkörning", "OutForDelivery_001"),
    ("sv", "Budet är på väg till dig", "OutForDelivery_001"),
    ("sv", "Under utdelning", "OutForDelivery_001"),
    # failed attempt and negated deliveries
    ("sv", "Försändelsen kunde inte levereras", "AttemptFail_001"),
    ("sv", "Paketet har inte kunnat levereras", "AttemptFail_001"),
    ("sv", "Leveransen misslyckades, vi försöker igen i morgon", "AttemptFail_001"),
    ("sv", "Inte levererad", "AttemptFail_001"),
    ("sv", "Försändelsen har inte levererats", "AttemptFail_001"),
    ("sv", "Försändelsen levererades inte", "AttemptFail_001"),
    # nobody there
    ("sv", "Mottagaren var inte hemma", "AttemptFail_002"),
    ("sv", "Ingen mottagare på plats", "AttemptFail_002"),
    # waiting at a point, locker or office
    ("sv", "Paketet finns att hämta i paketskåpet", "AvailableForPickup_001"),
    ("sv", "Försändelsen har ankommit till ditt ombud", "AvailableForPickup_001"),
    ("sv", "Avisering skickad, försändelsen kan hämtas", "AvailableForPickup_001"),
    ("sv", "Försändelsen har levererats till ditt utlämningsställe", "AvailableForPickup_001"),
    ("sv", "Försändelsen har ankommit till utlämningsstället", "AvailableForPickup_001"),
    ("sv", "Påminnelse: ditt paket väntar på dig hos ombudet", "AvailableForPickup_001"),
    ("sv", "Ditt paket har levererats till din Budbee Box", "AvailableForPickup_001"),
    ("sv", "Ditt paket ligger i Instaboxen", "AvailableForPickup_001"),
    # delivered (also at the door or into the mailbox)
    ("sv", "Paketet har lämnats utanför dörren", "Delivered_001"),
    ("sv", "Levererad till brevlådan", "Delivered_001"),
    ("sv", "Ditt paket har lämnats i din brevlåda", "Delivered_001"),
    ("sv", "Paketet levererades till mottagaren", "Delivered_001"),
    ("sv", "Paketen har levererats", "Delivered_001"),
    ("sv", "Levererat", "Delivered_001"),
    ("sv", "Levererade", "Delivered_001"),
    # collected by the recipient
    ("sv", "Försändelsen har hämtats ut av mottagaren", "Delivered_002"),
    ("sv", "Utlämnad till mottagaren", "Delivered_002"),
    ("sv", "Försändelsen har lämnats ut till mottagaren", "Delivered_002"),
    ("sv", "Paketet har hämtats från Budbee Box", "Delivered_002"),
    ("sv", "Försändelsen är avhämtad", "Delivered_002"),
    # left with a neighbour
    ("sv", "Paketet har lämnats till en granne", "Delivered_005"),
    # refused
    ("sv", "Mottagaren har vägrat ta emot försändelsen", "Exception_003"),
    # address problem or recipient moved
    ("sv", "Felaktig adress", "Exception_007"),
    ("sv", "Adressen är ofullständig", "Exception_007"),
    # not collected in time
    ("sv", "Liggetiden har gått ut", "Exception_008"),
    ("sv", "Ej uthämtad", "Exception_008"),
    # returning
    ("sv", "Returnerad", "Exception_010"),
    # handed back to the sender
    ("sv", "Försändelsen har levererats tillbaka till avsändaren", "Exception_011"),
    # damaged
    ("sv", "Försändelsen är skadad", "Exception_012"),
    # lost
    ("sv", "Försändelsen har försvunnit", "Exception_013"),
    # delayed
    ("sv", "Försändelsen är försenad", "Exception_005"),
    # delayed by weather
    ("sv", "Din leverans är försenad på grund av hårt väder", "Exception_017"),
    # cancelled
    ("sv", "Försändelsen har makulerats", "Exception_020"),
    # carrier wording: upper-case names, lockers, notices, hand-over to a carrier
    ("sv", "Paketet har lämnats i ett paketskåp", "AvailableForPickup_001"),
    # --- Danish (PostNord DK, GLS DK, DAO)
    # data only / not yet handed over
    ("da", "Afsender har oprettet en forsendelse", "InfoReceived_001"),
    ("da", "Forsendelsen er endnu ikke modtaget hos PostNord", "InfoReceived_001"),
    ("da", "Pakken er registreret i GLS' system", "InfoReceived_001"),
    # taken over from the sender (also posted at a counter or locker)
    ("da", "Pakken er afhentet hos afsender", "InTransit_002"),
    ("da", "Pakken er indleveret i en pakkeshop", "InTransit_002"),
    ("da", "Forsendelsen er modtaget hos PostNord", "InTransit_002"),
    ("da", "Modtaget", "InTransit_002"),
    # arrival at a facility
    ("da", "Forsendelsen er ankommet til terminalen", "InTransit_003"),
    ("da", "Ankommet", "InTransit_003"),
    # in transit / sorting
    ("da", "Pakken er scannet i DAO's sorteringscenter", "InTransit_001"),
    # departure
    ("da", "Pakken har forladt terminalen", "InTransit_007"),
    ("da", "Pakken er afgået fra pakkecentret", "InTransit_007"),
    ("da", "Afgået", "InTransit_007"),
    # arrival in the destination country
    ("da", "Forsendelsen er ankommet til Danmark", "InTransit_004"),
    # customs in progress
    ("da", "Forsendelsen er i told", "InTransit_006"),
    ("da", "Pakken afventer fortoldning", "InTransit_006"),
    # customs released
    ("da", "Forsendelsen er toldbehandlet", "InTransit_005"),
    # held by customs
    ("da", "Forsendelsen er tilbageholdt af SKAT", "Exception_004"),
    # duties to pay
    ("da", "Told og moms skal betales", "Exception_006"),
    # redirected
    ("da", "Pakken er omdirigeret til en anden pakkeshop", "InTransit_009"),
    # out for delivery
    ("da", "Pakken er på vej ud til dig i dag", "OutForDelivery_001"),
    ("da", "Chaufføren er på vej", "OutForDelivery_001"),
    ("da", "Pakken leveres i dag", "OutForDelivery_001"),
    ("da", "Pakken er på vej til din adresse", "OutForDelivery_001"),
    ("da", "Pakken er læsset på bilen", "OutForDelivery_001"),
    # failed attempt and negated deliveries
    ("da", "Leveringsforsøg mislykkedes", "AttemptFail_001"),
    ("da", "Pakken kunne ikke leveres", "AttemptFail_001"),
    ("da", "Vi har forsøgt at levere din pakke", "AttemptFail_001"),
    ("da", "Pakken blev ikke leveret", "AttemptFail_001"),
    # nobody there
    ("da", "Modtager var ikke hjemme", "AttemptFail_002"),
    # waiting at a point, locker or office
    ("da", "Pakken ligger i pakkeboksen", "AvailableForPickup_001"),
    ("da", "Pakken kan afhentes i din pakkeshop", "AvailableForPickup_001"),
    ("da", "Forsendelsen er leveret til pakkeshop", "AvailableForPickup_001"),
    ("da", "Forsendelsen er ankommet til pakkeshoppen", "AvailableForPickup_001"),
    ("da", "Pakken er leveret til GLS PakkeShop", "AvailableForPickup_001"),
    # delivered (also at the door or into the mailbox)
    ("da", "Pakken er stillet ved hoveddøren", "Delivered_001"),
    ("da", "Leveret i postkassen", "Delivered_001"),
    ("da", "Forsendelsen er omdelt", "Delivered_001"),
    ("da", "Pakken er placeret i din carport", "Delivered_001"),
    ("da", "Pakken er afleveret uden kvittering", "Delivered_001"),
    ("da", "Pakkerne er leveret", "Delivered_001"),
    ("da", "Pakken blev leveret", "Delivered_001"),
    ("da", "Leverede", "Delivered_001"),
    # collected by the recipient
    ("da", "Pakken er afhentet af modtager", "Delivered_002"),
    ("da", "Forsendelsen er udleveret", "Delivered_002"),
    # left with a neighbour
    ("da", "Pakken er leveret til nabo", "Delivered_005"),
    # refused
    ("da", "Modtager har nægtet at modtage pakken", "Exception_003"),
    # address problem or recipient moved
    ("da", "Adressen er ufuldstændig", "Exception_007"),
    ("da", "Modtager er flyttet", "Exception_002"),
    # not collected in time
    ("da", "Opbevaringsfristen er udløbet", "Exception_008"),
    ("da", "Ikke afhentet", "Exception_008"),
    # returning
    ("da", "Forsendelsen er sendt retur til afsender", "Exception_010"),
    ("da", "Pakken er returneret", "Exception_010"),
    # damaged
    ("da", "Pakken er beskadiget", "Exception_012"),
    # lost
    ("da", "Pakken er bortkommet", "Exception_013"),
    # delayed
    ("da", "Pakken er forsinket", "Exception_005"),
    # cancelled
    ("da", "Forsendelsen er annulleret", "Exception_020"),
    # carrier wording: upper-case names, lockers, notices, hand-over to a carrier
    ("da", "Pakken er leveret til pakkeboks", "AvailableForPickup_001"),
    ("da", "Pakken er lagt i din pakkeboks", "AvailableForPickup_001"),
    # --- Norwegian (Posten/Bring)
    # data only / not yet handed over
    ("no", "Sendingen er forhåndsvarslet", "InfoReceived_001"),
    ("no", "Sendingen er ennå ikke mottatt hos Posten", "InfoReceived_001"),
    ("no", "Vi har mottatt melding om sendingen", "InfoReceived_001"),
    # taken over from the sender (also posted at a counter or locker)
    ("no", "Sendingen er mottatt hos Bring", "InTransit_002"),
    ("no", "Mottatt", "InTransit_002"),
    # arrival at a facility
    ("no", "Sendingen er mottatt på terminal", "InTransit_003"),
    ("no", "Sendingen har ankommet Bring terminal", "InTransit_003"),
    # in transit / sorting
    ("no", "Sendingen er sortert", "InTransit_001"),
    ("no", "Sendingen er underveis", "InTransit_001"),
    ("no", "Sendingen er på vei til mottakers hentested", "InTransit_001"),
    # departure
    ("no", "Sendingen har forlatt terminalen", "InTransit_007"),
    ("no", "Sendingen er sendt fra terminal", "InTransit_007"),
    ("no", "Sendt", "InTransit_007"),
    # arrival in the destination country
    ("no", "Sendingen er ankommet Norge", "InTransit_004"),
    # customs in progress
    ("no", "Sendingen er i tollbehandling", "InTransit_006"),
    ("no", "Fortolling pågår", "InTransit_006"),
    # customs released
    ("no", "Sendingen er fortollet", "InTransit_005"),
    # held by customs
    ("no", "Sendingen er stanset i tollen", "Exception_004"),
    # duties to pay
    ("no", "Toll og mva må betales før utlevering", "Exception_006"),
    # redirected
    ("no", "Sendingen er videresendt til nytt hentested", "InTransit_009"),
    # appointment, postponed or announced day
    ("no", "Leveringstidspunkt er avtalt", "OutForDelivery_004"),
    # out for delivery
    ("no", "Sendingen er lastet på bil for levering i dag", "OutForDelivery_001"),
    ("no", "Sjåføren er på vei til deg", "OutForDelivery_001"),
    ("no", "Sendingen er på vei til deg", "OutForDelivery_001"),
    # failed attempt and negated deliveries
    ("no", "Sendingen kunne ikke leveres", "AttemptFail_001"),
    ("no", "Forsøk på levering", "AttemptFail_001"),
    ("no", "Pakken ble ikke levert", "AttemptFail_001"),
    ("no", "Sendingen ble ikke levert", "AttemptFail_001"),
    ("no", "Sendingen er ikke blitt levert", "AttemptFail_001"),
    # nobody there
    ("no", "Mottaker ikke tilstede", "AttemptFail_002"),
    # waiting at a point, locker or office
    ("no", "Sendingen er klar til henting", "AvailableForPickup_001"),
    ("no", "Sendingen kan hentes på hentestedet", "AvailableForPickup_001"),
    ("no", "Sendingen er ankommet hentestedet og kan hentes", "AvailableForPickup_001"),
    ("no", "Sendingen kan hentes i pakkeautomaten", "AvailableForPickup_001"),
    ("no", "Sendingen er lagt i pakkeboks", "AvailableForPickup_001"),
    # delivered (also at the door or into the mailbox)
    ("no", "Sendingen er levert på døren", "Delivered_001"),
    ("no", "Levert i postkassen", "Delivered_001"),
    ("no", "Sendingen er levert i postkassen", "Delivered_001"),
    ("no", "Pakken ble levert", "Delivered_001"),
    ("no", "Pakkene er levert", "Delivered_001"),
    # collected by the recipient
    ("no", "Pakken er hentet av mottaker", "Delivered_002"),
    ("no", "Sendingen er utlevert til mottaker", "Delivered_002"),
    # left with a neighbour
    ("no", "Levert til nabo", "Delivered_005"),
    ("no", "Sendingen er levert til nabo", "Delivered_005"),
    # refused
    ("no", "Mottaker har nektet å ta imot sendingen", "Exception_003"),
    # address problem or recipient moved
    ("no", "Ufullstendig adresse", "Exception_007"),
    ("no", "Feil adresse", "Exception_007"),
    # not collected in time
    ("no", "Hentefristen er utløpt", "Exception_008"),
    ("no", "Ikke hentet", "Exception_008"),
    # returning
    ("no", "Sendingen er returnert til avsender", "Exception_010"),
    ("no", "Sendingen er returnert", "Exception_010"),
    # damaged
    ("no", "Sendingen er skadet", "Exception_012"),
    # lost
    ("no", "Sendingen er kommet bort", "Exception_013"),
    # delayed
    ("no", "Sendingen er forsinket", "Exception_005"),
    # carrier wording: upper-case names, lockers, notices, hand-over to a carrier
    ("no", "Sendingen er lastet på bil for levering", "OutForDelivery_001"),
    # --- Finnish (Posti, Matkahuolto)
    # data only / not yet handed over
    ("fi", "Lähetyksen tiedot vastaanotettu", "InfoReceived_001"),
    ("fi", "Lähettäjä on ilmoittanut lähetyksen tiedot", "InfoReceived_001"),
    ("fi", "Lähetys odottaa lähettäjän luovutusta", "InfoReceived_001"),
    # taken over from the sender (also posted at a counter or locker)
    ("fi", "Lähetys on noudettu lähettäjältä", "InTransit_002"),
    ("fi", "Lähettäjä on jättänyt lähetyksen pakettiautomaattiin", "InTransit_002"),
    ("fi", "Lähetys on vastaanotettu Postissa", "InTransit_002"),
    ("fi", "Lähetys on vastaanotettu Matkahuoltoon", "InTransit_002"),
    # arrival at a facility
    ("fi", "Lähetys on saapunut lajittelukeskukseen", "InTransit_003"),
    ("fi", "Saapunut terminaaliin", "InTransit_003"),
    # in transit / sorting
    ("fi", "Lähetys on matkalla", "InTransit_001"),
    ("fi", "Lähetys on matkalla noutopisteeseen", "InTransit_001"),
    ("fi", "Lähetys on lajittelussa", "InTransit_001"),
    ("fi", "Kuljetuksessa", "InTransit_001"),
    # departure
    ("fi", "Lähetys on lähtenyt lajittelukeskuksesta", "InTransit_007"),
    ("fi", "Lähtenyt terminaalista", "InTransit_007"),
    # arrival in the destination country
    ("fi", "Lähetys on saapunut Suomeen", "InTransit_004"),
    # customs in progress
    ("fi", "Lähetys on tullattavana", "InTransit_006"),
    ("fi", "Lähetys on tullauksessa", "InTransit_006"),
    ("fi", "Lähetys odottaa tulliselvitystä", "InTransit_006"),
    # customs released
    ("fi", "Tulli on vapauttanut lähetyksen", "InTransit_005"),
    ("fi", "Lähetys on vapautettu tullista", "InTransit_005"),
    # held by customs
    ("fi", "Lähetys on pysäytetty tullissa", "Exception_004"),
    # duties to pay
    ("fi", "Tullimaksut maksamatta", "Exception_006"),
    # redirected
    ("fi", "Lähetys on uudelleenohjattu", "InTransit_009"),
    # appointment, postponed or announced day
    ("fi", "Toimitusaika on sovittu", "OutForDelivery_004"),
    # out for delivery
    ("fi", "Lähetys on lastattu jakeluautoon", "OutForDelivery_001"),
    ("fi", "Kuljettaja toimittaa lähetyksen tänään", "OutForDelivery_001"),
    ("fi", "Lähetys lähtee jakeluun", "OutForDelivery_001"),
    # failed attempt and negated deliveries
    ("fi", "Toimitusyritys epäonnistui", "AttemptFail_001"),
    ("fi", "Lähetystä ei voitu toimittaa", "AttemptFail_001"),
    ("fi", "Lähetyksen jakelu on epäonnistunut", "AttemptFail_001"),
    ("fi", "Kuljettaja yritti toimittaa lähetystä", "AttemptFail_001"),
    ("fi", "Lähetystä ei voitu luovuttaa", "AttemptFail_001"),
    # nobody there
    ("fi", "Vastaanottaja ei ollut tavoitettavissa", "AttemptFail_002"),
    ("fi", "Vastaanottajaa ei tavoitettu", "AttemptFail_002"),
    # waiting at a point, locker or office
    ("fi", "Lähetys on saapunut noutopisteeseen", "AvailableForPickup_001"),
    ("fi", "Lähetys odottaa noutoa pakettiautomaatissa", "AvailableForPickup_001"),
    ("fi", "Noudettavissa Postista", "AvailableForPickup_001"),
    ("fi", "Paketti on saapunut Pakettiautomaattiin", "AvailableForPickup_001"),
    # delivered (also at the door or into the mailbox)
    ("fi", "Lähetys on toimitettu vastaanottajalle", "Delivered_001"),
    ("fi", "Jätetty oven taakse", "Delivered_001"),
    ("fi", "Paketit on toimitettu", "Delivered_001"),
    ("fi", "Lähetys on toimitettu postilaatikkoon", "Delivered_001"),
    # collected by the recipient
    ("fi", "Lähetys on noudettu pakettiautomaatista", "Delivered_002"),
    ("fi", "Noudettu", "Delivered_002"),
    ("fi", "Paketti on noudettu", "Delivered_002"),
    # left with a neighbour
    ("fi", "Toimitettu naapurille", "Delivered_005"),
    # address problem or recipient moved
    ("fi", "Puutteellinen osoite", "Exception_007"),
    ("fi", "Osoite on virheellinen", "Exception_007"),
    ("fi", "Vastaanottaja on muuttanut", "Exception_002"),
    # not collected in time
    ("fi", "Vastaanottaja ei ole lunastanut lähetystä", "Exception_008"),
    ("fi", "Noutoaika on päättynyt", "Exception_008"),
    ("fi", "Lähetystä ei noudettu määräajassa", "Exception_008"),
    ("fi", "Lähetystä ei ole noudettu", "Exception_008"),
    # returning
    ("fi", "Palautus lähettäjälle", "Exception_010"),
    ("fi", "Palautettu", "Exception_010"),
    ("fi", "Palautus", "Exception_010"),
    # handed back to the sender
    ("fi", "Lähetys on toimitettu takaisin lähettäjälle", "Exception_011"),
    # damaged
    ("fi", "Lähetys on vaurioitunut", "Exception_012"),
    ("fi", "Lähetys on vahingoittunut kuljetuksessa", "Exception_012"),
    # lost
    ("fi", "Lähetys on kadonnut", "Exception_013"),
    ("fi", "Lähetys on hävinnyt", "Exception_013"),
    # delayed
    ("fi", "Lähetys on myöhässä", "Exception_005"),
    ("fi", "Lähetys on viivästynyt", "Exception_005"),
    # cancelled
    ("fi", "Lähetys on peruttu", "Exception_020"),
    # carrier wording: upper-case names, lockers, notices, hand-over to a carrier
    ("fi", "Lähetys on luovutettu kuljetukseen", "InTransit_002"),
    ("fi", "Matkalla vastaanottajalle", "OutForDelivery_001"),
    ("fi", "Saapunut noutopisteeseen", "AvailableForPickup_001"),
    # --- Romanian (Poşta Română, FAN Courier, Sameday, Cargus, DPD RO, GLS RO), with and without diacritics
    # data only / not yet handed over
    ("ro", "Expeditorul a generat AWB-ul, coletul nu a fost încă predat curierului", "InfoReceived_001"),
    ("ro", "Comanda a fost înregistrată, în așteptarea preluării", "InfoReceived_001"),
    ("ro", "Datele expedierii au fost primite", "InfoReceived_001"),
    ("ro", "Trimitere inregistrata", "InfoReceived_001"),
    ("ro", "Trimiterea a fost inregistrata in sistem", "InfoReceived_001"),
    ("ro", "Expedierea nu a fost încă preluată de curier", "InfoReceived_001"),
    # taken over from the sender (also posted at a counter or locker)
    ("ro", "Colet preluat de curier de la expeditor", "InTransit_002"),
    ("ro", "Expediere ridicată de la expeditor", "InTransit_002"),
    ("ro", "Trimitere depusă la ghișeu", "InTransit_002"),
    ("ro", "Coletul a fost depus în easybox de expeditor", "InTransit_002"),
    ("ro", "Trimitere primită la oficiul poștal", "InTransit_002"),
    ("ro", "Coletul a fost ridicat de curier", "InTransit_002"),
    ("ro", "Preluată", "InTransit_002"),
    ("ro", "Ridicată", "InTransit_002"),
    # arrival at a facility
    ("ro", "Coletul a ajuns în depozitul din Cluj", "InTransit_003"),
    ("ro", "Sosit în hub", "InTransit_003"),
    ("ro", "Intrare în depozit", "InTransit_003"),
    ("ro", "Expeditie in depozit", "InTransit_003"),
    ("ro", "Trimitere receptionata in oficiul de schimb", "InTransit_003"),
    ("ro", "Sosire in oficiul de schimb", "InTransit_003"),
    ("ro", "Colet în depozitul de destinație", "InTransit_003"),
    # in transit / sorting
    ("ro", "Coletul a fost scanat în centrul de sortare", "InTransit_001"),
    ("ro", "Coletul este în tranzit spre depozitul de destinație", "InTransit_001"),
    ("ro", "Expeditie in tranzit", "InTransit_001"),
    ("ro", "În tranzit", "InTransit_001"),
    # departure
    ("ro", "Coletul a plecat din depozitul București", "InTransit_007"),
    ("ro", "Ieșire din depozit", "InTransit_007"),
    ("ro", "Trimiterea a părăsit centrul de sortare", "InTransit_007"),
    ("ro", "Expediere din oficiul de schimb", "InTransit_007"),
    ("ro", "Coletul este în drum spre easybox", "InTransit_007"),
    ("ro", "Coletul a fost transferat către alt depozit", "InTransit_007"),
    # arrival in the destination country
    ("ro", "Coletul a sosit în România", "InTransit_004"),
    ("ro", "Trimiterea a intrat în țară", "InTransit_004"),
    # customs in progress
    ("ro", "Trimitere în procedură de vămuire", "InTransit_006"),
    ("ro", "Prezentat la vamă", "InTransit_006"),
    ("ro", "Predat la vama", "InTransit_006"),
    ("ro", "Trimiterea a fost predată la vamă", "InTransit_006"),
    ("ro", "Trimitere prezentată la vamă pentru vămuire", "InTransit_006"),
    # customs released
    ("ro", "Trimiterea a fost vămuită", "InTransit_005"),
    ("ro", "Vămuire finalizată", "InTransit_005"),
    # held by customs
    ("ro", "Trimitere reținută în vamă", "Exception_004"),
    ("ro", "Retinut in vama", "Exception_004"),
    ("ro", "Trimitere reţinută de autoritatea vamală", "Exception_004"),
    # duties to pay
    ("ro", "Taxe vamale de plată", "Exception_006"),
    ("ro", "Plată taxe vamale necesară", "Exception_006"),
    # redirected
    ("ro", "Coletul a fost redirecționat către altă adresă", "InTransit_009"),
    ("ro", "Redirectionare", "InTransit_009"),
    # recipient contacted
    ("ro", "Curierul a contactat destinatarul", "OutForDelivery_003"),
    ("ro", "Destinatarul a fost contactat telefonic", "OutForDelivery_003"),
    # appointment, postponed or announced day
    ("ro", "Livrare reprogramată pentru mâine", "OutForDelivery_004"),
    ("ro", "Amanata la cererea destinatarului", "OutForDelivery_004"),
    ("ro", "Livrare programata", "OutForDelivery_004"),
    ("ro", "Livrare amânată", "OutForDelivery_004"),
    # out for delivery
    ("ro", "În curs de livrare", "OutForDelivery_001"),
    ("ro", "Curierul va livra coletul astăzi", "OutForDelivery_001"),
    ("ro", "Coletul este încărcat în mașina curierului", "OutForDelivery_001"),
    ("ro", "Expeditie in livrare", "OutForDelivery_001"),
    ("ro", "Colet in curs de livrare", "OutForDelivery_001"),
    ("ro", "Coletul a fost predat catre curier pentru livrare", "OutForDelivery_001"),
    ("ro", "Expeditia a fost predata curierului pentru livrare", "OutForDelivery_001"),
    ("ro", "Trimiterea se află în curs de distribuire", "OutForDelivery_001"),
    ("ro", "Coletul a fost încărcat în autovehicul", "OutForDelivery_001"),
    # failed attempt and negated deliveries
    ("ro", "Livrare eșuată", "AttemptFail_001"),
    ("ro", "Coletul nu a putut fi livrat", "AttemptFail_001"),
    ("ro", "Nu s-a livrat, se va reîncerca livrarea", "AttemptFail_001"),
    ("ro", "Livrare nereusita", "AttemptFail_001"),
    ("ro", "Nu a fost livrată", "AttemptFail_001"),
    ("ro", "Livrarea nu a putut fi efectuată", "AttemptFail_001"),
    # nobody there
    ("ro", "Destinatarul nu a fost găsit la adresă", "AttemptFail_002"),
    # no answer on the phone is the call failing, not a stated absence (C10): AttemptFail_001 as in en and de
    ("ro", "Destinatarul nu răspunde la telefon", "AttemptFail_001"),
    ("ro", "Destinatarul nu raspunde la telefon", "AttemptFail_001"),
    ("ro", "Destinatarul nu a fost găsit acasă", "AttemptFail_002"),
    ("ro", "Destinatar plecat", "AttemptFail_002"),
    # waiting at a point, locker or office
    ("ro", "Coletul a ajuns în easybox și poate fi ridicat", "AvailableForPickup_001"),
    ("ro", "Coletul te așteaptă în lockerul ales", "AvailableForPickup_001"),
    ("ro", "Trimitere avizată, poate fi ridicată de la oficiul poștal", "AvailableForPickup_001"),
    ("ro", "Coletul a fost depus în easybox", "AvailableForPickup_001"),
    ("ro", "Coletul este disponibil pentru ridicare în punctul Pick-up", "AvailableForPickup_001"),
    ("ro", "Ridicare ulterioara din depozit", "AvailableForPickup_001"),
    ("ro", "Avizat", "AvailableForPickup_001"),
    ("ro", "Coletul a ajuns in easybox", "AvailableForPickup_001"),
    ("ro", "In asteptarea ridicarii", "AvailableForPickup_001"),
    ("ro", "Asteapta ridicarea din locker", "AvailableForPickup_001"),
    ("ro", "Colet livrat în easybox", "AvailableForPickup_001"),
    ("ro", "Coletul a fost depus în easybox de către curier", "AvailableForPickup_001"),
    ("ro", "Trimiterea poate fi ridicată de la ghișeul oficiului poștal", "AvailableForPickup_001"),
    ("ro", "Trimiterea a fost avizată", "AvailableForPickup_001"),
    # delivered (also at the door or into the mailbox)
    ("ro", "Expedierea a fost predată destinatarului", "Delivered_001"),
    ("ro", "Trimitere înmânată destinatarului", "Delivered_001"),
    ("ro", "Livrata", "Delivered_001"),
    ("ro", "Predata destinatarului", "Delivered_001"),
    ("ro", "Trimiterea a fost livrată", "Delivered_001"),
    ("ro", "Coletele au fost livrate", "Delivered_001"),
    ("ro", "Colet confirmat livrat", "Delivered_001"),
    ("ro", "Livrată", "Delivered_001"),
    ("ro", "Livrate", "Delivered_001"),
    # collected by the recipient
    ("ro", "Coletul a fost ridicat din easybox", "Delivered_002"),
    ("ro", "Ridicat de destinatar de la oficiul poștal", "Delivered_002"),
    ("ro", "Comanda a fost ridicata din easybox", "Delivered_002"),
    ("ro", "Coletul a fost ridicat de client din easybox", "Delivered_002"),
    ("ro", "Ridicat de client", "Delivered_002"),
    # signed for
    ("ro", "Livrat - semnat de destinatar", "Delivered_003"),
    # cash on delivery collected
    ("ro", "Livrat, ramburs încasat", "Delivered_004"),
    # left with a neighbour
    ("ro", "Coletul a fost livrat la vecin", "Delivered_005"),
    # refused
    ("ro", "Coletul a fost refuzat de destinatar", "Exception_003"),
    ("ro", "Destinatarul a refuzat coletul", "Exception_003"),
    ("ro", "Expeditie refuzata", "Exception_003"),
    ("ro", "Refuz plata ramburs", "Exception_003"),
    ("ro", "Refuz de plată ramburs", "Exception_003"),
    ("ro", "Destinatarul refuză să plătească rambursul", "Exception_003"),
    ("ro", "Refuzată", "Exception_003"),
    # address problem or recipient moved
    ("ro", "Adresa destinatarului este greșită", "Exception_007"),
    ("ro", "Adresa incompleta", "Exception_007"),
    ("ro", "Colet nelivrat - destinatar mutat", "Exception_002"),
    ("ro", "Destinatarul nu mai locuiește la adresa indicată", "Exception_002"),
    ("ro", "Nu s-a livrat - adresă incompletă", "Exception_007"),
    # not collected in time
    ("ro", "Coletul nu a fost ridicat în termenul de păstrare", "Exception_008"),
    ("ro", "Termenul de ridicare din easybox a expirat", "Exception_008"),
    ("ro", "Coletul nu a fost ridicat din easybox", "Exception_008"),
    ("ro", "Trimiterea nu a fost ridicată în termen și se returnează", "Exception_010"),
    ("ro", "Coletul nu a fost ridicat", "Exception_008"),
    ("ro", "Neridicată", "Exception_008"),
    # returning
    ("ro", "Coletul se returnează la expeditor", "Exception_010"),
    ("ro", "În curs de returnare", "Exception_010"),
    ("ro", "Coletul a fost returnat expeditorului", "Exception_010"),
    ("ro", "Colet returnat la expeditor", "Exception_010"),
    ("ro", "Expedierile au fost returnate", "Exception_010"),
    ("ro", "Returnată", "Exception_010"),
    # handed back to the sender
    ("ro", "Retur livrat la expeditor", "Exception_011"),
    # damaged
    ("ro", "Coletul a fost deteriorat", "Exception_012"),
    ("ro", "Colet avariat", "Exception_012"),
    ("ro", "Colet deteriorat", "Exception_012"),
    ("ro", "Coletul a fost deteriorat în timpul transportului", "Exception_012"),
    # lost
    ("ro", "Coletul a fost pierdut", "Exception_013"),
    ("ro", "Colet pierdut", "Exception_013"),
    # destroyed or scrapped
    ("ro", "Coletul a fost distrus", "Exception_021"),
    # delayed
    ("ro", "Livrarea este întârziată", "Exception_005"),
    ("ro", "Expeditie intarziata", "Exception_005"),
    ("ro", "Expediere întârziată", "Exception_005"),
    # delayed by weather
    ("ro", "Livrare întârziată din cauza condițiilor meteo", "Exception_017"),
    # cancelled
    ("ro", "Expediere anulată", "Exception_020"),
    ("ro", "Expeditie anulata de expeditor", "Exception_020"),
    ("ro", "Expeditorul a anulat comanda", "Exception_020"),
    ("ro", "Anulată", "Exception_020"),
    # carrier wording: upper-case names, lockers, notices, hand-over to a carrier
    ("ro", "Coletul a fost livrat în easybox și te așteaptă", "AvailableForPickup_001"),
    ("ro", "Expediere predată către DPD", "InTransit_002"),
    # --- Hungarian (Magyar Posta, GLS HU, Foxpost, Packeta, Express One)
    # data only / not yet handed over
    ("hu", "A feladó elektronikusan rögzítette a küldemény adatait", "InfoReceived_001"),
    ("hu", "Csomagadatok rögzítve", "InfoReceived_001"),
    ("hu", "A küldemény adatai megérkeztek, a csomag még nincs átadva", "InfoReceived_001"),
    ("hu", "Címkenyomtatás megtörtént", "InfoReceived_001"),
    ("hu", "A küldemény előrejelzése megérkezett", "InfoReceived_001"),
    ("hu", "A csomag bekerült a GLS rendszerébe", "InfoReceived_001"),
    # taken over from the sender (also posted at a counter or locker)
    ("hu", "A csomagot a futár felvette a feladótól", "InTransit_002"),
    ("hu", "Felvéve", "InTransit_002"),
    ("hu", "A küldeményt felvették", "InTransit_002"),
    ("hu", "A küldemény feladásra került", "InTransit_002"),
    ("hu", "Postán feladva", "InTransit_002"),
    ("hu", "A csomagot leadták a csomagautomatában", "InTransit_002"),
    ("hu", "A küldemény felvétele megtörtént", "InTransit_002"),
    ("hu", "A csomagot a feladó leadta a Packeta pontban", "InTransit_002"),
    # arrival at a facility
    ("hu", "A csomag megérkezett a depóba", "InTransit_003"),
    ("hu", "Beérkezett a logisztikai központba", "InTransit_003"),
    ("hu", "Depóba érkezett", "InTransit_003"),
    ("hu", "A csomag a kiszállító depóba érkezett", "InTransit_003"),
    ("hu", "A küldemény a kézbesítő postára érkezett", "InTransit_003"),
    ("hu", "Küldemény érkeztetése a feldolgozó üzemben", "InTransit_003"),
    ("hu", "A küldemény nemzetközi kicserélő központba érkezett", "InTransit_003"),
    # in transit / sorting
    ("hu", "Feldolgozás alatt", "InTransit_001"),
    ("hu", "Válogatás a feldolgozó üzemben", "InTransit_001"),
    ("hu", "A küldemény feldolgozása megtörtént", "InTransit_001"),
    ("hu", "A csomag úton van a célország felé", "InTransit_001"),
    ("hu", "A csomag a célország felé úton van", "InTransit_001"),
    # departure
    ("hu", "A csomag elhagyta a logisztikai központot", "InTransit_007"),
    ("hu", "Kiszállítva a depóból", "InTransit_007"),
    ("hu", "A csomag elhagyta a csomagközpontot", "InTransit_007"),
    ("hu", "A csomag elindult a címzett felé", "InTransit_007"),
    # arrival in the destination country
    ("hu", "A küldemény megérkezett Magyarországra", "InTransit_004"),
    # customs in progress
    ("hu", "A küldeményt átadtuk a vámhatóságnak", "InTransit_006"),
    ("hu", "A küldemény vámkezelésre vár", "InTransit_006"),
    ("hu", "A küldemény vámkezelésre került", "InTransit_006"),
    # customs released
    ("hu", "Vámkezelés befejeződött", "InTransit_005"),
    ("hu", "A küldemény vámkezelése megtörtént", "InTransit_005"),
    ("hu", "Vámkezelés megtörtént", "InTransit_005"),
    ("hu", "A küldemény kiadva a vámhatóságtól", "InTransit_005"),
    # held by customs
    ("hu", "A küldemény vámvizsgálat miatt visszatartva", "Exception_004"),
    # duties to pay
    ("hu", "Vámköltség fizetésre vár", "Exception_006"),
    # redirected
    ("hu", "Átirányítva másik címre", "InTransit_009"),
    ("hu", "A küldeményt átirányították", "InTransit_009"),
    # appointment, postponed or announced day
    ("hu", "Új kézbesítési időpont egyeztetve", "OutForDelivery_004"),
    # out for delivery
    ("hu", "A csomag kiszállítás alatt", "OutForDelivery_001"),
    ("hu", "A futár ma kézbesíti a csomagot", "OutForDelivery_001"),
    ("hu", "A csomag futárhoz került", "OutForDelivery_001"),
    ("hu", "A csomagot kiszállításra átadtuk a futárnak", "OutForDelivery_001"),
    ("hu", "Kézbesítésre átadva", "OutForDelivery_001"),
    ("hu", "A futár úton van a csomaggal", "OutForDelivery_001"),
    # failed attempt and negated deliveries
    ("hu", "A küldeményt nem sikerült kézbesíteni", "AttemptFail_001"),
    ("hu", "Kézbesítési kísérlet", "AttemptFail_001"),
    ("hu", "Eredménytelen kézbesítési kísérlet", "AttemptFail_001"),
    ("hu", "A csomag nem kézbesíthető", "AttemptFail_001"),
    ("hu", "A küldemény kézbesítése sikertelen", "AttemptFail_001"),
    ("hu", "A csomag kézbesítése meghiúsult", "AttemptFail_001"),
    ("hu", "Nincs kézbesítve", "AttemptFail_001"),
    # nobody there
    ("hu", "A címzett nem volt otthon", "AttemptFail_002"),
    ("hu", "Címzett nem elérhető", "AttemptFail_002"),
    ("hu", "A címzettet nem találtuk a címen", "AttemptFail_002"),
    ("hu", "Sikertelen kézbesítés - a címzett nem volt otthon", "AttemptFail_002"),
    ("hu", "Kiszállítás sikertelen, a címzett nem volt elérhető", "AttemptFail_002"),
    # waiting at a point, locker or office
    ("hu", "A csomag átvehető a postán", "AvailableForPickup_001"),
    ("hu", "A csomag a csomagautomatában várja", "AvailableForPickup_001"),
    ("hu", "Átvételre vár a PostaPonton", "AvailableForPickup_001"),
    ("hu", "Értesítő hagyva, a küldemény a postán átvehető", "AvailableForPickup_001"),
    ("hu", "A csomag megérkezett az átvételi pontra", "AvailableForPickup_001"),
    ("hu", "A csomag átvételre kész", "AvailableForPickup_001"),
    ("hu", "A csomag a PostaPonton átvehető", "AvailableForPickup_001"),
    ("hu", "A csomag megérkezett a GLS CsomagPontba", "AvailableForPickup_001"),
    ("hu", "A csomag behelyezve a csomagautomatába", "AvailableForPickup_001"),
    ("hu", "Átvehető", "AvailableForPickup_001"),
    # delivered (also at the door or into the mailbox)
    ("hu", "Sikeresen kézbesítettük a csomagot", "Delivered_001"),
    ("hu", "A küldeményt kézbesítették", "Delivered_001"),
    ("hu", "Kézbesítve a címzettnek", "Delivered_001"),
    ("hu", "Kiszállítva", "Delivered_001"),
    # the recipient took it, no place named (C6)
    ("hu", "A címzett átvette a csomagot", "Delivered_001"),
    # collected by the recipient
    ("hu", "A csomagot átvették az automatából", "Delivered_002"),
    ("hu", "A csomagot átvették", "Delivered_002"),
    # signed for
    ("hu", "Kézbesítve a címzettnek, aláírással", "Delivered_003"),
    ("hu", "Kézbesítés aláírással megtörtént", "Delivered_003"),
    # cash on delivery collected
    ("hu", "Kézbesítve, utánvét beszedve", "Delivered_004"),
    # left with a neighbour
    ("hu", "Szomszédnak kézbesítve", "Delivered_005"),
    # refused
    ("hu", "Átvétel megtagadva", "Exception_003"),
    ("hu", "A címzett a csomagot nem vette át", "Exception_003"),
    ("hu", "A címzett elutasította a csomag átvételét", "Exception_003"),
    ("hu", "Nem vette át", "Exception_003"),
    # address problem or recipient moved
    ("hu", "Hiányos cím", "Exception_007"),
    ("hu", "A cím hibás vagy hiányos", "Exception_007"),
    ("hu", "Címzett ismeretlen", "Exception_007"),
    # not collected in time
    ("hu", "Nem vették át az őrzési idő alatt", "Exception_008"),
    ("hu", "Az őrzési idő lejárt", "Exception_008"),
    ("hu", "A csomagot még nem vették át", "Exception_008"),
    # returning
    ("hu", "A küldemény visszaküldése folyamatban", "Exception_010"),
    ("hu", "Visszaküldés a feladónak", "Exception_010"),
    ("hu", "A csomag visszaküldve a feladónak", "Exception_010"),
    ("hu", "Visszaküldve", "Exception_010"),
    # handed back to the sender
    ("hu", "A csomag visszaérkezett a feladóhoz", "Exception_011"),
    # damaged
    ("hu", "A küldemény sérült", "Exception_012"),
    ("hu", "Megsérült csomag", "Exception_012"),
    ("hu", "A csomag sérülten érkezett meg", "Exception_012"),
    ("hu", "A csomag sérülten érkezett", "Exception_012"),
    ("hu", "Sérült", "Exception_012"),
    # lost
    ("hu", "A küldemény elveszett", "Exception_013"),
    ("hu", "Csomag nem található", "Exception_013"),
    ("hu", "Elveszett", "Exception_013"),
    # destroyed or scrapped
    ("hu", "A küldemény megsemmisítve", "Exception_021"),
    # delayed
    ("hu", "A kézbesítés késik", "Exception_005"),
    # delayed by weather
    ("hu", "A küldemény késve érkezik az időjárás miatt", "Exception_017"),
    ("hu", "Kedvezőtlen időjárási körülmények miatt késik", "Exception_017"),
    # cancelled
    ("hu", "A küldemény törölve", "Exception_020"),
    ("hu", "A küldemény törlésre került", "Exception_020"),
    # carrier wording: upper-case names, lockers, notices, hand-over to a carrier
    ("hu", "A csomag megérkezett a csomagautomatába", "AvailableForPickup_001"),
    ("hu", "A csomagot a futár elhelyezte az automatában", "AvailableForPickup_001"),
    # --- Greek (ELTA, ACS, Geniki Taxydromiki, Speedex, BoxNow)
    # data only / not yet handed over
    ("el", "Η αποστολή καταχωρήθηκε ηλεκτρονικά", "InfoReceived_001"),
    ("el", "Αναμονή παραλαβής από τον αποστολέα", "InfoReceived_001"),
    # taken over from the sender (also posted at a counter or locker)
    ("el", "Η αποστολή παραλήφθηκε από τον courier", "InTransit_002"),
    ("el", "Κατάθεση στο κατάστημα", "InTransit_002"),
    ("el", "Παραλαβή από courier", "InTransit_002"),
    ("el", "Η αποστολή παραδόθηκε στην ΕΛΤΑ Courier", "InTransit_002"),
    # arrival at a facility
    ("el", "Άφιξη στο κέντρο διαλογής Αθήνας", "InTransit_003"),
    ("el", "Η αποστολή βρίσκεται στο κέντρο διαλογής", "InTransit_003"),
    # in transit / sorting
    ("el", "Αποστολή σε διακίνηση", "InTransit_001"),
    ("el", "Καθ' οδόν", "InTransit_001"),
    # departure
    ("el", "Η αποστολή προωθήθηκε στο κατάστημα προορισμού", "InTransit_007"),
    ("el", "Αναχώρησε από το κέντρο διαλογής", "InTransit_007"),
    # arrival in the destination country
    ("el", "Άφιξη στην Ελλάδα", "InTransit_004"),
    # customs in progress
    ("el", "Η αποστολή βρίσκεται στο τελωνείο", "InTransit_006"),
    ("el", "Σε διαδικασία εκτελωνισμού", "InTransit_006"),
    # customs released
    ("el", "Εκτελωνίστηκε", "InTransit_005"),
    ("el", "Η αποστολή εκτελωνίστηκε", "InTransit_005"),
    # held by customs
    ("el", "Η αποστολή δεσμεύτηκε από το τελωνείο", "Exception_004"),
    # duties to pay
    ("el", "Αναμονή πληρωμής δασμών", "Exception_006"),
    # redirected
    ("el", "Αλλαγή διεύθυνσης παράδοσης", "InTransit_009"),
    # recipient contacted
    ("el", "Επικοινωνία με τον παραλήπτη", "OutForDelivery_003"),
    # appointment, postponed or announced day
    ("el", "Η παράδοση επαναπρογραμματίστηκε", "OutForDelivery_004"),
    # out for delivery
    ("el", "Η αποστολή βρίσκεται σε διανομή", "OutForDelivery_001"),
    ("el", "Προς παράδοση", "OutForDelivery_001"),
    ("el", "Η αποστολή παραδόθηκε στον διανομέα", "OutForDelivery_001"),
    # failed attempt and negated deliveries
    ("el", "Ανεπιτυχής απόπειρα παράδοσης", "AttemptFail_001"),
    ("el", "Δεν ήταν δυνατή η παράδοση", "AttemptFail_001"),
    ("el", "Η αποστολή δεν επιδόθηκε", "AttemptFail_001"),
    ("el", "Δεν επιδόθηκε", "AttemptFail_001"),
    ("el", "Η αποστολή δεν έχει παραδοθεί", "AttemptFail_001"),
    # nobody there
    ("el", "Απών παραλήπτης", "AttemptFail_002"),
    ("el", "Μη επίδοση - απουσία παραλήπτη", "AttemptFail_002"),
    # waiting at a point, locker or office
    ("el", "Η αποστολή είναι διαθέσιμη για παραλαβή", "AvailableForPickup_001"),
    ("el", "Η αποστολή σε αναμένει στο locker", "AvailableForPickup_001"),
    ("el", "Παραμένει στο κατάστημα για παραλαβή", "AvailableForPickup_001"),
    ("el", "Η αποστολή παραδόθηκε στο BOX NOW locker", "AvailableForPickup_001"),
    ("el", "Το δέμα σας είναι έτοιμο για παραλαβή από το locker", "AvailableForPickup_001"),
    ("el", "Ειδοποίηση παραλήπτη για παραλαβή από το κατάστημα", "AvailableForPickup_001"),
    ("el", "Σε αναμονή παραλαβής στο κατάστημα", "AvailableForPickup_001"),
    # delivered (also at the door or into the mailbox)
    ("el", "Επιδόθηκε", "Delivered_001"),
    # collected by the recipient
    ("el", "Παραλήφθηκε από τον παραλήπτη από το BOX NOW locker", "Delivered_002"),
    ("el", "Το δέμα παραλήφθηκε από το locker", "Delivered_002"),
    # signed for
    ("el", "Παραδόθηκε με υπογραφή παραλήπτη", "Delivered_003"),
    # cash on delivery collected
    ("el", "Παραδόθηκε με αντικαταβολή", "Delivered_004"),
    # refused
    ("el", "Ο παραλήπτης αρνήθηκε την αποστολή", "Exception_003"),
    ("el", "Άρνηση πληρωμής αντικαταβολής", "Exception_003"),
    # address problem or recipient moved
    ("el", "Ελλιπής διεύθυνση", "Exception_007"),
    ("el", "Λανθασμένη διεύθυνση παραλήπτη", "Exception_007"),
    ("el", "Ο παραλήπτης μετακόμισε", "Exception_002"),
    # not collected in time
    ("el", "Λήξη χρόνου παραμονής", "Exception_008"),
    ("el", "Δεν παρελήφθη εντός της προθεσμίας", "Exception_008"),
    ("el", "Δεν παραλήφθηκε από τον παραλήπτη", "Exception_008"),
    # returning
    ("el", "Η αποστολή επιστράφηκε", "Exception_010"),
    ("el", "Η αποστολή επιστρέφεται στον αποστολέα", "Exception_010"),
    ("el", "Επεστράφη στον αποστολέα", "Exception_010"),
    # handed back to the sender
    ("el", "Παραδόθηκε στον αποστολέα", "Exception_011"),
    # damaged
    ("el", "Η αποστολή υπέστη ζημιά", "Exception_012"),
    # lost
    ("el", "Απώλεια αποστολής", "Exception_013"),
    ("el", "Η αποστολή χάθηκε", "Exception_013"),
    # destroyed or scrapped
    ("el", "Η αποστολή καταστράφηκε", "Exception_021"),
    # delayed
    ("el", "Καθυστέρηση παράδοσης", "Exception_005"),
    # delayed by weather
    ("el", "Καθυστέρηση λόγω καιρικών συνθηκών", "Exception_017"),
    # cancelled
    ("el", "Ακυρώθηκε", "Exception_020"),
    ("el", "Η αποστολή ακυρώθηκε", "Exception_020"),
    ("el", "Ακυρωμένη", "Exception_020"),
    # carrier wording: upper-case names, lockers, notices, hand-over to a carrier
    ("el", "ΠΑΡΑΔΟΘΗΚΕ", "Delivered_001"),
    ("el", "ΑΠΟΣΤΟΛΗ ΣΕ ΔΙΑΝΟΜΗ", "OutForDelivery_001"),
    ("el", "Η αποστολή βρίσκεται σε διαμετακόμιση", "InTransit_001"),
    ("el", "Αποστολή προς το κατάστημα προορισμού", "InTransit_007"),
    ("el", "Το δέμα τοποθετήθηκε στο locker", "AvailableForPickup_001"),
    ("el", "Η αποστολή παραδόθηκε στο κατάστημα για παραλαβή", "AvailableForPickup_001"),
    # --- Hebrew (Israel Post, HFD, Cheetah)
    # data only / not yet handed over
    ("he", "נוצר משלוח חדש", "InfoReceived_001"),
    ("he", "ממתין לאיסוף מהשולח", "InfoReceived_001"),
    # taken over from the sender (also posted at a counter or locker)
    ("he", "השליח אסף את החבילה מהשולח", "InTransit_002"),
    ("he", "החבילה התקבלה מהשולח", "InTransit_002"),
    ("he", "הדואר קיבל את החבילה לשליחה", "InTransit_002"),
    # arrival at a facility
    ("he", "הפריט הגיע למרכז המיון", "InTransit_003"),
    ("he", "הגיע למחסן", "InTransit_003"),
    ("he", "הדבר התקבל במרכז המיון", "InTransit_003"),
    # in transit / sorting
    ("he", "הפריט בטיפול", "InTransit_001"),
    ("he", "בדרך", "InTransit_001"),
    # departure
    ("he", "הפריט יצא ממרכז המיון", "InTransit_007"),
    ("he", "הדבר יצא מישראל", "InTransit_007"),
    # customs in progress
    ("he", "הפריט נמצא בבדיקת מכס", "InTransit_006"),
    ("he", "ממתין לשחרור ממכס", "InTransit_006"),
    # customs released
    ("he", "הפריט שוחרר מהמכס", "InTransit_005"),
    # duties to pay
    ("he", "יש לשלם מכס", "Exception_006"),
    ("he", "נדרש תשלום מכס", "Exception_006"),
    # redirected
    ("he", "המשלוח הועבר לכתובת אחרת", "InTransit_009"),
    # recipient contacted
    ("he", "השליח יצר קשר עם הנמען", "OutForDelivery_003"),
    # appointment, postponed or announced day
    ("he", "תואם מועד מסירה", "OutForDelivery_004"),
    # out for delivery
    ("he", "המשלוח יצא לחלוקה", "OutForDelivery_001"),
    ("he", "השליח בדרך אליך", "OutForDelivery_001"),
    ("he", "המשלוח יימסר היום", "OutForDelivery_001"),
    ("he", "השליח בדרך למסירה", "OutForDelivery_001"),
    # failed attempt and negated deliveries
    ("he", "המשלוח לא נמסר", "AttemptFail_001"),
    ("he", "מסירה נכשלה", "AttemptFail_001"),
    ("he", "לא ניתן היה למסור את המשלוח", "AttemptFail_001"),
    ("he", "החבילה לא נמסרה", "AttemptFail_001"),
    # nobody there
    ("he", "הנמען לא נמצא בבית", "AttemptFail_002"),
    ("he", "אין מענה בטלפון", "AttemptFail_002"),
    ("he", "הנמען לא ענה לטלפון", "AttemptFail_002"),
    ("he", "הנמען לא אותר", "AttemptFail_002"),
    # waiting at a point, locker or office
    ("he", "החבילה מוכנה לאיסוף", "AvailableForPickup_001"),
    ("he", "הפריט הגיע ללוקר", "AvailableForPickup_001"),
    ("he", "הדבר הגיע ליחידת המסירה וממתין לאיסוף", "AvailableForPickup_001"),
    ("he", "נשלחה הודעה לנמען לאיסוף הדבר", "AvailableForPickup_001"),
    # delivered (also at the door or into the mailbox)
    ("he", "נמסר לנמען", "Delivered_001"),
    ("he", "המשלוח נמסרה ליעדה", "Delivered_001"),
    ("he", "הדבר נמסר ליעדו", "Delivered_001"),
    ("he", "נמסר ליעדו", "Delivered_001"),
    ("he", "המשלוחים נמסרו", "Delivered_001"),
    ("he", "החבילה הושארה ליד הדלת", "Delivered_001"),
    ("he", "נמסרה", "Delivered_001"),
    ("he", "נמסרו", "Delivered_001"),
    # collected by the recipient
    ("he", "נאסף על ידי הנמען", "Delivered_002"),
    ("he", "הפריט נאסף מהלוקר", "Delivered_002"),
    ("he", "הדבר נמסר לנמען בסניף", "Delivered_002"),
    ("he", "המשלוח נאסף מנקודת האיסוף", "Delivered_002"),
    # signed for
    ("he", "נמסר בחתימת הנמען", "Delivered_003"),
    # left with a neighbour
    ("he", "נמסר לשכן", "Delivered_005"),
    # refused
    ("he", "הנמען סירב לקבל את המשלוח", "Exception_003"),
    ("he", "הנמען סירב", "Exception_003"),
    # address problem or recipient moved
    ("he", "כתובת שגויה", "Exception_007"),
    ("he", "כתובת חסרה", "Exception_007"),
    ("he", "הכתובת לא נמצאה", "Exception_007"),
    ("he", "הנמען עבר דירה", "Exception_002"),
    # not collected in time
    ("he", "לא נאספה", "Exception_008"),
    # returning
    ("he", "הפריט לא נאסף ויוחזר לשולח", "Exception_010"),
    ("he", "הדבר הוחזר לשולח", "Exception_010"),
    ("he", "המשלוח בדרך חזרה לשולח", "Exception_010"),
    ("he", "הוחזרה לשולח", "Exception_010"),
    # damaged
    ("he", "המשלוח ניזוק", "Exception_012"),
    # lost
    ("he", "המשלוח אבד", "Exception_013"),
    # destroyed or scrapped
    ("he", "המשלוח הושמד", "Exception_021"),
    # delayed
    ("he", "המשלוח מתעכב", "Exception_005"),
    # delayed by weather
    ("he", "המשלוח מתעכב עקב מזג האוויר", "Exception_017"),
    ("he", "המשלוח עוכב בשל מזג אוויר סוער", "Exception_017"),
    # cancelled
    ("he", "המשלוח בוטל", "Exception_020"),
    ("he", "המשלוח בוטל על ידי השולח", "Exception_020"),
    ("he", "בוטלה", "Exception_020"),
    # carrier wording: upper-case names, lockers, notices, hand-over to a carrier
    ("he", "הדבר נמסר לשליח לחלוקה", "OutForDelivery_001"),
    ("he", "הדבר יצא מהמרכז הלוגיסטי", "InTransit_007"),
    ("he", "נמסרה הודעה לנמען", "AvailableForPickup_001"),
    ("he", "הדבר הגיע לסניף וממתין לאיסוף", "AvailableForPickup_001"),
    # --- Arabic (Aramex, SMSA, SPL, Emirates Post, Egypt Post, Naqel, Bosta)
    # data only / not yet handed over
    ("ar", "تم إنشاء بوليصة الشحن", "InfoReceived_001"),
    ("ar", "تم استلام معلومات الشحنة من المرسل", "InfoReceived_001"),
    ("ar", "الشحنة بانتظار الاستلام من المرسل", "InfoReceived_001"),
    ("ar", "تم تعيين مندوب لاستلام الشحنة", "InfoReceived_001"),
    # taken over from the sender (also posted at a counter or locker)
    ("ar", "تم قبول الشحنة", "InTransit_002"),
    ("ar", "تم قبول المرسلة في مكتب البريد", "InTransit_002"),
    ("ar", "تم استلام الشحنة من قبل المندوب", "InTransit_002"),
    ("ar", "تم استلام الطلب", "InTransit_002"),
    # arrival at a facility
    ("ar", "وصول المرسلة إلى مكتب التوزيع", "InTransit_003"),
    ("ar", "وصلت إلى المنشأة", "InTransit_003"),
    ("ar", "الشحنة وصلت إلى مستودع سمسا", "InTransit_003"),
    # in transit / sorting
    ("ar", "الشحنة قيد النقل إلى مدينة الرياض", "InTransit_001"),
    ("ar", "الشحنة قيد المعالجة", "InTransit_001"),
    ("ar", "في الطريق", "InTransit_001"),
    # departure
    ("ar", "تم إرسال الشحنة من مركز الفرز", "InTransit_007"),
    # arrival in the destination country
    ("ar", "وصلت الشحنة إلى بلد الوجهة", "InTransit_004"),
    ("ar", "وصلت الشحنة إلى الإمارات", "InTransit_004"),
    # customs in progress
    ("ar", "الشحنة بانتظار التخليص الجمركي", "InTransit_006"),
    # customs released
    ("ar", "تم التخليص الجمركي", "InTransit_005"),
    ("ar", "تم الإفراج عن الشحنة من الجمارك", "InTransit_005"),
    ("ar", "تم الإفراج الجمركي عن الشحنة", "InTransit_005"),
    # held by customs
    ("ar", "الشحنة محتجزة لدى الجمارك", "Exception_004"),
    # duties to pay
    ("ar", "يرجى دفع الرسوم الجمركية", "Exception_006"),
    # redirected
    ("ar", "تم تحويل الشحنة إلى عنوان آخر", "InTransit_009"),
    ("ar", "تم تغيير عنوان التوصيل", "InTransit_009"),
    # recipient contacted
    ("ar", "تم التواصل مع العميل", "OutForDelivery_003"),
    ("ar", "تم الاتصال بالمستلم", "OutForDelivery_003"),
    # appointment, postponed or announced day
    ("ar", "تم تأجيل التوصيل بناء على طلب العميل", "OutForDelivery_004"),
    ("ar", "سيتم التوصيل غدا", "InTransit_001"),
    # out for delivery
    ("ar", "خرجت الشحنة للتوصيل", "OutForDelivery_001"),
    ("ar", "الشحنة مع المندوب للتسليم", "OutForDelivery_001"),
    ("ar", "الشحنة في طريقها إليك", "OutForDelivery_001"),
    ("ar", "جاري توصيل الشحنة", "OutForDelivery_001"),
    ("ar", "المندوب في الطريق إليك", "OutForDelivery_001"),
    ("ar", "الشحنة خارجة للتوصيل", "OutForDelivery_001"),
    ("ar", "قيد التوصيل", "OutForDelivery_001"),
    # failed attempt and negated deliveries
    ("ar", "تعذر تسليم الشحنة", "AttemptFail_001"),
    ("ar", "محاولة تسليم فاشلة", "AttemptFail_001"),
    ("ar", "لم تسلم الشحنة", "AttemptFail_001"),
    # nobody there
    ("ar", "المستلم غير متواجد", "AttemptFail_002"),
    ("ar", "لم يتم الرد على الهاتف", "AttemptFail_002"),
    ("ar", "العميل لا يرد على الهاتف", "AttemptFail_002"),
    ("ar", "لم يتم التوصيل - العميل غير متاح", "AttemptFail_002"),
    ("ar", "العميل لم يرد على الهاتف", "AttemptFail_002"),
    ("ar", "الهاتف مغلق", "AttemptFail_002"),
    # waiting at a point, locker or office
    ("ar", "الشحنة جاهزة للاستلام من مكتب البريد", "AvailableForPickup_001"),
    ("ar", "الشحنة في انتظار الاستلام من الفرع", "AvailableForPickup_001"),
    ("ar", "وصلت الشحنة إلى نقطة الاستلام", "AvailableForPickup_001"),
    ("ar", "الشحنة متوفرة في الخزانة الذكية", "AvailableForPickup_001"),
    # delivered (also at the door or into the mailbox)
    ("ar", "تم توصيل الطلب بنجاح", "Delivered_001"),
    ("ar", "تم تسليم المرسلة إلى المرسل إليه", "Delivered_001"),
    ("ar", "تم تسليم الطرد", "Delivered_001"),
    ("ar", "تم تسليم الشحنات", "Delivered_001"),
    ("ar", "سلمت الشحنة للمستلم", "Delivered_001"),
    ("ar", "تم التسليم إلى صندوق البريد", "Delivered_001"),
    ("ar", "تم تسليم المرسلة للمرسل إليه", "Delivered_001"),
    ("ar", "تم التوصيل بنجاح", "Delivered_001"),
    ("ar", "مسلمة", "Delivered_001"),
    # collected by the recipient
    ("ar", "تم استلام الشحنة من قبل العميل من الفرع", "Delivered_002"),
    ("ar", "تم استلام الشحنة من الفرع", "Delivered_002"),
    # signed for
    ("ar", "تم التسليم والتوقيع من المستلم", "Delivered_003"),
    # cash on delivery collected
    ("ar", "تم التسليم وتحصيل المبلغ", "Delivered_004"),
    # left with a neighbour
    ("ar", "تم تسليم الشحنة إلى الجار", "Delivered_005"),
    # refused
    ("ar", "رفض المستلم استلام الشحنة", "Exception_003"),
    ("ar", "تم رفض الشحنة", "Exception_003"),
    ("ar", "رفض العميل استلام الشحنة", "Exception_003"),
    ("ar", "العميل رفض الاستلام", "Exception_003"),
    # address problem or recipient moved
    ("ar", "عنوان غير مكتمل", "Exception_007"),
    ("ar", "العنوان غير واضح", "Exception_007"),
    ("ar", "رقم الهاتف غير صحيح", "Exception_007"),
    # not collected in time
    ("ar", "لم يتم استلام الشحنة من الفرع خلال المدة المحددة", "Exception_008"),
    # returning
    ("ar", "جاري إرجاع الشحنة إلى المرسل", "Exception_010"),
    ("ar", "الشحنة مرتجعة", "Exception_010"),
    ("ar", "تمت إعادة الشحنة إلى المرسل", "Exception_010"),
    ("ar", "الشحنة في طريقها إلى المرسل", "Exception_010"),
    ("ar", "مرتجع", "Exception_010"),
    # handed back to the sender
    ("ar", "تم تسليم الشحنة إلى المرسل", "Exception_011"),
    # damaged
    ("ar", "الشحنة تالفة", "Exception_012"),
    # lost
    ("ar", "الشحنة مفقودة", "Exception_013"),
    # destroyed or scrapped
    ("ar", "تم إتلاف الشحنة", "Exception_021"),
    # delayed
    ("ar", "تأخير في الشحنة", "Exception_005"),
    # delayed by weather
    ("ar", "تأخير بسبب الأحوال الجوية", "Exception_017"),
    ("ar", "الشحنة متأخرة بسبب سوء الأحوال الجوية", "Exception_017"),
    # cancelled
    ("ar", "ملغاة", "Exception_020"),
    # carrier wording: upper-case names, lockers, notices, hand-over to a carrier
    ("ar", "الشحنة في مستودع ناقل", "InTransit_003"),
    ("ar", "تم تسليم الشحنة إلى العميل", "Delivered_001"),
    ("ar", "وصلت المرسلة إلى مصر", "InTransit_004"),
    ("ar", "المرسلة في مكتب البريد جاهزة للتسليم", "AvailableForPickup_001"),
    ("ar", "تم تسليم الشحنة إلى شركة الشحن", "InTransit_002"),
]


test_read_from_the_text_alone = read_alone_check(FORMS)


test_read_by_the_rules_of_its_language = read_by_rules_check(FORMS)


def test_every_language_covers_the_lifecycle() -> None:
    # The grid names, per language, at least the main stages and their negated or failed forms.
    needed = {
        "InfoReceived_001",
        "InTransit_002",
        "InTransit_003",
        "OutForDelivery_001",
        "AttemptFail_001",
        "AvailableForPickup_001",
        "Delivered_001",
        "Exception_010",
    }
    for lang in ("sv", "da", "no", "fi", "ro", "hu", "el", "he", "ar"):
        seen = {expected for code, _, expected in FORMS if code == lang}
        assert needed <= seen, (lang, needed - seen)
