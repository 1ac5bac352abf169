"""Polish, Czech/Slovak and Hungarian concepts from carrier wording (InPost, DHL Parcel Polska, Poczta Polska,
Slovenská pošta, MPL, Foxpost):

* pl: a courier order that cannot be carried out is a generic exception, whatever the failed pickup's cause,
  unless the cause is a rejection, a missing payment or damage; the order carried out is the acceptance;
  hampered is a delay;
* pl: no payment for the courier order is held for payment;
* pl: a parcel too big for the locker, or goods not up to the carrier's standard, is rejected;
* pl: the pickup time at the point over is the lapse; after a stay at a temporary point ran out, taken on to
  the locker first chosen is the redirect; asked to collect it, or reminded, it waits for pickup; a
  conditional "if not collected it goes back" stays the pickup;
* pl: the courier who issued the notice failed an attempt (C9); the next delivery cycle alone is the repeated
  attempt planned (C14);
* pl: a notification sent to the recipient is the customer contacted; sent to customer service for details is
  a generic exception; the journey ended is the delivery; delivered with a return receipt is signed for;
* pl: the sender handing the parcel in, or the courier taking it from the sender's point, is the acceptance;
  "jedzie" (travelling) is movement, in the recipient's town an arrival;
* cs (read for Slovak too): not yet scanned anywhere awaits its first scan;
* hu: "nem járt sikerrel" is the failed attempt; handed to a partner courier is movement; taken over for
  carriage is the acceptance; deposited at the post office, and the post's "your parcel has arrived", wait for
  pickup; the sorting centre or a department as a bare location is the arrival (C12); "úton a címzetthez" is
  movement.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # pl: the courier order failed
    ("pl", "Realizacja zlecenia niemożliwa: nadawca nieobecny w domu", "Exception_001"),
    ("pl", "Realizacja zlecenia niemożliwa - biuro nadawcy zamknięte", "Exception_001"),
    ("pl", "Realizacja zlecenia niemożliwa – paczka uszkodzona przy odbiorze", "Exception_012"),
    ("pl", "Zlecenie odbioru zostało zrealizowane", "InTransit_002"),
    ("pl", "Realizacja zlecenia jest utrudniona z powodu korków", "Exception_005"),
    # pl: no payment for the courier order
    ("pl", "Realizacja zlecenia niemożliwa, brak płatności za usługę", "Exception_006"),
    # pl: rejected by the carrier
    ("pl", "Przesyłka nie mieści się w skrytkach automatu", "Exception_009"),
    ("pl", "Opakowanie nie spełnia wymogów przewoźnika", "Exception_009"),
    ("pl", "Paczka zawiera niedozwolone przedmioty", "Exception_009"),
    # pl: the lapse, the redirect after it, the waiting at the point
    ("pl", "Termin odbioru paczki w punkcie już się skończył", "Exception_008"),
    ("pl", "Czas odbioru w tymczasowym punkcie upłynął, kurier zabierze ją do automatu", "InTransit_009"),
    ("pl", "Paczka w drodze do pierwotnie wybranego automatu", "InTransit_001"),
    ("pl", "Prosimy odebrać paczkę z automatu w ciągu 48 godzin", "AvailableForPickup_001"),
    ("pl", "Wysłaliśmy przypomnienie o odebraniu paczki", "AvailableForPickup_001"),
    ("pl", "Paczka czeka w automacie. Jeżeli jej nie odbierzesz, wróci", "AvailableForPickup_001"),
    ("pl", "Nie odebrano paczki z automatu w terminie", "Exception_008"),
    # pl: the notice issued by the courier (C9), the next cycle (C14)
    ("pl", "Listonosz wystawił awizo, przesyłka czeka w placówce", "AttemptFail_001"),
    ("pl", "Przesyłkę awizowano po nieudanej próbie doręczenia", "AttemptFail_001"),
    ("pl", "Paczka czeka na następny cykl doręczeń", "OutForDelivery_004"),
    ("pl", "Próba doręczenia nieudana, paczka czeka na kolejny cykl doręczenia", "AttemptFail_001"),
    # pl: contacted, customer service, journey ended, return receipt
    ("pl", "Powiadomienie push", "OutForDelivery_003"),
    ("pl", "Wysłano SMS do odbiorcy", "OutForDelivery_003"),
    ("pl", "Więcej informacji uzyskasz pod naszą infolinią", "Exception_001"),
    ("pl", "Paczka uszkodzona, prosimy o kontakt z Działem Obsługi Klienta", "Exception_012"),
    ("pl", "Twoja paczka zakończyła swoją podróż", "Delivered_001"),
    ("pl", "Przesyłkę doręczono, zwrotne potwierdzenie odbioru wraca do nadawcy", "Delivered_003"),
    ("pl", "Przesyłka nie została odebrana. Zwrotne potwierdzenie odbioru wysłano nadawcy", "Exception_008"),
    # pl: the sender's hand-in, the courier's collection, the travel
    ("pl", "Nadawca zostawił paczkę w punkcie Żabka", "InTransit_002"),
    ("pl", "Kurier odebrał paczkę z punktu nadania", "InTransit_002"),
    ("pl", "Paczka jedzie do sortowni w Łodzi", "InTransit_001"),
    ("pl", "Kurier jedzie do Ciebie z paczką", "OutForDelivery_001"),
    ("pl", "Paczka jest w mieście docelowym", "InTransit_003"),
    # cs/sk: not yet scanned
    ("cs", "Zásilka zatím nebyla naskenována", "Pending_002"),
    ("cs", "Zásilka dosud nebyla naskenována v žádném místě přepravy", "Pending_002"),
    ("cs", "Zásilka byla naskenována na depu Brno", "InTransit_003"),
    # hu: attempt, partner, carriage, post office, sorting centre, movement
    ("hu", "A futár nem járt sikerrel a kézbesítéssel", "AttemptFail_001"),
    ("hu", "Csomag átadva a partner szállítónak", "InTransit_001"),
    ("hu", "Kiszállításra átadva a futárnak", "OutForDelivery_001"),
    ("hu", "Szállításra átvéve a feladótól", "InTransit_002"),
    ("hu", "A küldemény letétbe került a postán", "AvailableForPickup_001"),
    ("hu", "Küldeménye érkezett", "AvailableForPickup_001"),
    ("hu", "Csomagja megérkezett a depóba", "InTransit_003"),
    ("hu", "A csomag a válogatóközpontban", "InTransit_003"),
    ("hu", "Úton a címzett felé", "InTransit_001"),
    ("hu", "Megérkezett az országba a küldemény", "InTransit_004"),
    ("hu", "Futárunk átvette a csomagot, a mai napon kézbesítjük", "OutForDelivery_001"),
]

test_read_alone = read_alone_check(CASES)
test_read_by_rules = read_by_rules_check(CASES)
