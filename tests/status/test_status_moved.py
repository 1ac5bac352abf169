"""The addressee moved away: Exception_002 in every language, apart from a wrong or unknown address
(Exception_007) and from a delivery date that was moved (OutForDelivery_004).

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv`.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

MOVED: list[tuple[str, str, str]] = [
    ("en", "Recipient has moved", "Exception_002"),
    ("en", "Addressee moved, no forwarding address", "Exception_002"),
    ("de", "Empfänger verzogen", "Exception_002"),
    ("de", "Der Empfänger ist umgezogen", "Exception_002"),
    ("nl", "Geadresseerde verhuisd", "Exception_002"),
    ("sv", "Mottagaren har flyttat", "Exception_002"),
    ("sv", "Mottagaren är avflyttad", "Exception_002"),
    ("sv", "Paketet kunde inte delas ut, mottagaren har flyttat från adressen", "Exception_002"),
    ("da", "Modtager er flyttet", "Exception_002"),
    ("da", "Modtageren er fraflyttet adressen", "Exception_002"),
    ("da", "Pakken kunne ikke leveres, modtageren har flyttet fra adressen", "Exception_002"),
    ("no", "Mottaker har flyttet", "Exception_002"),
    ("no", "Mottakeren er fraflyttet", "Exception_002"),
    ("fi", "Vastaanottaja on muuttanut", "Exception_002"),
    ("fi", "Lähetystä ei voitu toimittaa, vastaanottaja muuttanut", "Exception_002"),
    ("fr", "Le destinataire a déménagé", "Exception_002"),
    ("es", "El destinatario se ha mudado", "Exception_002"),
    ("pt", "Destinatário mudou-se", "Exception_002"),
    ("it", "Destinatario trasferito", "Exception_002"),
    ("ro", "Destinatar mutat", "Exception_002"),
    ("pl", "Adresat wyprowadził się", "Exception_002"),
    ("cs", "Adresát se odstěhoval", "Exception_002"),
    ("ru", "Адресат переехал", "Exception_002"),
    ("uk", "Одержувач переїхав", "Exception_002"),
    ("tr", "Alıcı taşınmış", "Exception_002"),
    ("el", "Ο παραλήπτης μετακόμισε", "Exception_002"),
    ("el", "Ο παραλήπτης άλλαξε διεύθυνση", "Exception_002"),
    ("hu", "Címzett elköltözött", "Exception_002"),
    ("he", "הנמען עבר דירה", "Exception_002"),
    ("he", "הנמען עזב את הכתובת", "Exception_002"),
    ("ar", "المستلم انتقل من العنوان", "Exception_002"),
    ("ar", "العميل رحل عن العنوان", "Exception_002"),
    ("ja", "転居のため持戻り", "Exception_002"),
    ("ko", "수취인 이사", "Exception_002"),
    ("zh", "收件人已搬家", "Exception_002"),
    ("zh", "派送失败，客户已搬走", "Exception_002"),
    # a wrong or unknown address stays Exception_007; a moved delivery date is an appointment
    ("sv", "Felaktig adress", "Exception_007"),
    ("da", "Ukendt modtager", "Exception_007"),
    ("no", "Ukjent mottaker", "Exception_007"),
    ("fi", "Osoite on virheellinen", "Exception_007"),
    ("el", "Λάθος διεύθυνση", "Exception_007"),
    ("he", "כתובת שגויה", "Exception_007"),
    ("zh", "地址错误", "Exception_007"),
    ("da", "Leveringen er flyttet til torsdag", "OutForDelivery_004"),
]

test_moved_read_alone = read_alone_check(MOVED)
test_moved_read_by_rules = read_by_rules_check(MOVED)
