"""Turkish, Arabic and Hebrew concepts from carrier wording (Yurtiçi, Aras, Sürat, PTT; Bosta, Algerian
and Gulf e-commerce carriers; Israel Post, HFD, Cheetah), round eleven:

* tr: the addressee not reachable in any tense ("ulaşılamıyor") is the addressee absent, a home shut
  too; a shop shut or outside its opening hours ("Kapalı", "mesai saatleri dışında") is the business
  closed;
* tr: an address outside the carrier's working area is a generic exception (C17); so is an addressee
  deceased and a parcel whose fate is being looked into ("akıbeti araştırılıyor");
* tr: "kabul edilmedi" (not accepted) is the refusal, its cause stays in the text;
* tr: the person who moved or left the address ("müşteri taşınıyor", "adresten ayrılmış",
  "- Taşındı" as a listed reason) is the customer moved (C15); a parcel "taşınıyor" is still carried;
* tr: adjectives listed before "adres" ("Eksik / Hatalı Adres", "yetersiz adres") are the bad
  address;
* tr: force majeure, an operational obstacle, a strike is a delay from outside;
* tr: taken in at, or accepted into, a branch or depot is that facility's arrival (C11); written
  without Turkish letters ("SUBESINE ULASTI", "SUBEDE") it reads the same;
* tr: back at the branch after the round with no cause is a failed attempt (C10); another visit
  planned ("tekrar gidilecek", "yeniden denenecek") is the repeated attempt (C14);
* tr: waiting for or subject to a delivery round, a depot's route or loading list, custody inside
  the carrier are handling on the way; to the courier it is the round;
* ar: the order created, a pickup requested or announced, the courier sent to collect it is
  pre-transit (C13);
* ar: a postponement whose stated cause is the addressee's absence or no contact is the addressee
  absent;
* ar: went out for shipping, left a facility, the transport started is the departure;
* ar: the order deleted is cancelled; stopped for now or under review is a generic exception;
* ar: handed or assigned to the delivery courier or driver, on the way for delivery, in the
  distribution is the round; the shipment's dues or value paid is cash on delivery collected;
* ar: the return handed to the merchant or "the client who sent it" is back with the sender (C3);
* ar: brought to the recipient's state or city is an arrival, not the delivery; made ready for the
  journey there is ready to leave (C7); an error in the delivery is a failed attempt;
* he: the sender producing the label or shipping certificate is pre-transit; sorted, moved or routed
  on is handling (C7); taken in or scanned at a centre (any gender) is the arrival;
* he: handed over at the branch or after an ID was shown is the collection (C6); handed to the
  courier for the round, or out with the courier, is the round;
* he: moved onto a flight is the departure; landed (at Ben Gurion) is the arrival in the destination
  country;
* he: signed by the addressee in any gender is the signed delivery; "חריגה" before a delay word is
  the exception.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered
texts; each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

CASES: list[tuple[str, str, str]] = [
    # tr: the addressee could not be reached, in any tense; a home shut is nobody there
    ("tr", "Alıcıya ulaşılamıyor", "AttemptFail_002"),
    ("tr", "Müşteriye telefonla ulaşılamamıştır", "AttemptFail_002"),
    ("tr", "Teslim edilemedi, alıcıya ulaşılamıyor", "AttemptFail_002"),
    ("tr", "Teslim Edilemedi - Ev Kapalı", "AttemptFail_002"),
    # tr: an address outside the carrier's working area (C17)
    ("tr", "Çalışma alanımız olmayan adres", "Exception_001"),
    ("tr", "Adres hizmet bölgesi değil", "Exception_001"),
    ("tr", "Teslimat bölgesi olmayan ilçe", "Exception_001"),
    # tr: not accepted by the recipient, with or without the cause
    ("tr", "Alıcı tarafından kabul edilmedi", "Exception_003"),
    ("tr", "Gönderi fiyatı nedeniyle kabul edilmemiştir", "Exception_003"),
    ("tr", "Müşteri kargoyu kabul etmiyor", "Exception_003"),
    ("tr", "Alıcı gönderiyi teslim almadı", "Exception_003"),
    # tr: the addressee moved or left the address
    ("tr", "Alıcı başka şehre taşınmış", "Exception_002"),
    ("tr", "Müşteri taşınmıştı", "Exception_002"),
    ("tr", "Firma taşındı", "Exception_002"),
    ("tr", "Teslim Edilemedi - Taşındı", "Exception_002"),
    ("tr", "Alıcı adresinden ayrılmış", "Exception_002"),
    ("tr", "Kişi adresi terk etmiş", "Exception_002"),
    # tr: a wrong or insufficient address, adjectives listed before it
    ("tr", "Teslim Edilemedi - Eksik / Hatalı Adres", "Exception_007"),
    ("tr", "Yetersiz adres bilgisi", "Exception_007"),
    ("tr", "Geçersiz teslimat adresi", "Exception_007"),
    # tr: a business shut, or outside its opening hours
    ("tr", "Teslim edilemedi: kapalı", "AttemptFail_003"),
    ("tr", "Teslimat yapılamadı, işyeri kapalıydı", "AttemptFail_003"),
    ("tr", "Mesai saatleri dışında geldiğimiz için teslim edilemedi", "AttemptFail_003"),
    ("tr", "Çalışma saati dışı", "AttemptFail_003"),
    # tr: the addressee deceased is no named cause
    ("tr", "Alıcı vefat etmiş", "Exception_001"),
    ("tr", "Teslim edilemedi, alıcı hayatını kaybetmiş", "Exception_001"),
    # tr: force majeure, an operational obstacle, a strike: delayed from outside
    ("tr", "Mücbir sebep nedeniyle teslimat yapılamadı", "Exception_005"),
    ("tr", "Operasyonel aksaklık sebebiyle teslim edilemedi", "Exception_005"),
    ("tr", "Grev nedeniyle dağıtım yapılamıyor", "Exception_005"),
    ("tr", "Olağanüstü durum nedeniyle bekletiliyor", "Exception_005"),
    # tr: taken in at, or accepted into, a branch or depot (C11)
    ("tr", "Kargo şubede teslim alınmıştır", "InTransit_003"),
    ("tr", "Aktarma merkezinde teslim alındı", "InTransit_003"),
    ("tr", "Gönderiniz varış şubesine kabul edildi", "InTransit_003"),
    ("tr", "Kargo transfer merkezine kabul edilmiştir", "InTransit_003"),
    ("tr", "Gönderiniz teslimat şubemize ulaşmıştır", "InTransit_003"),
    # tr: written without Turkish letters
    ("tr", "KARGO VARIS SUBESINE ULASTI", "InTransit_003"),
    ("tr", "Gonderi aktarma merkezine ulasti", "InTransit_003"),
    ("tr", "KARGONUZ SUBEDE", "InTransit_003"),
    # tr: back at the branch after the round, no cause (C10)
    ("tr", "Gönderi şubeye geri döndü", "AttemptFail_001"),
    ("tr", "Kargo dağıtımdan döndü", "AttemptFail_001"),
    ("tr", "Kargonuz şubemize iade edildi", "AttemptFail_001"),
    ("tr", "Depoya dönmüştür", "AttemptFail_001"),
    # tr: another visit planned (C14)
    ("tr", "Kargonuz için tekrar gidilecek", "OutForDelivery_004"),
    ("tr", "Teslimat yarın yeniden denenecek", "OutForDelivery_004"),
    ("tr", "Gönderi tekrar dağıtıma çıkarılacak", "OutForDelivery_004"),
    # tr: waiting for, or subject to, a delivery round
    ("tr", "Mobil dağıtıma tabi", "InTransit_001"),
    ("tr", "Kargo dağıtıma çıkmayı bekliyor", "InTransit_001"),
    ("tr", "Gönderi dağıtım sırası bekliyor", "InTransit_001"),
    # tr: a depot's route or loading list, custody inside the carrier
    ("tr", "Gönderi yükleme listesine eklendi", "InTransit_001"),
    ("tr", "Sevk listesine alındı", "InTransit_001"),
    ("tr", "Kargo personele zimmet edildi", "InTransit_001"),
    ("tr", "Kargo dağıtım için kuryeye zimmetlendi", "OutForDelivery_001"),
    # tr: what became of the parcel is being looked into
    ("tr", "Kargonuzun akıbeti araştırılmaktadır", "Exception_001"),
    ("tr", "Gönderi için araştırma başlatıldı", "Exception_001"),
    # tr: the acceptance done at the sender's branch
    ("tr", "Kabul işlemi gerçekleşti", "InTransit_002"),
    ("tr", "Cikis subesinde kabul islemi yapildi", "InTransit_002"),
    # ar: the order created, a pickup requested or announced, the courier sent to collect it (C13)
    ("ar", "تم انشاء الطلب وسنقوم باستلام الشحنة قريبا", "InfoReceived_001"),
    ("ar", "تم إنشاء الأوردر بنجاح", "InfoReceived_001"),
    ("ar", "تم طلب التقاط الشحنة من التاجر", "InfoReceived_001"),
    ("ar", "سيتم استلام الطرد من المتجر", "InfoReceived_001"),
    ("ar", "المندوب في طريقه لاستلام الطلب", "InfoReceived_001"),
    ("ar", "توجه السائق لاستلام الشحنة", "InfoReceived_001"),
    # ar: a postponement caused by the addressee's absence, or no contact: the addressee absent
    ("ar", "تم تأجيل الشحنة لعدم تواجد العميل", "AttemptFail_002"),
    ("ar", "تأجيل التوصيل بسبب عدم وجودك بالعنوان", "AttemptFail_002"),
    ("ar", "لم يتمكن المندوب من التواصل مع المستلم", "AttemptFail_002"),
    ("ar", "تعذر الوصول إلى العميل", "AttemptFail_002"),
    # ar: went out or left, the transport started
    ("ar", "خرجت الشحنة من المستودع", "InTransit_007"),
    ("ar", "الطلب خرج للشحن", "InTransit_007"),
    ("ar", "بدأت عملية نقل الشحنة", "InTransit_007"),
    ("ar", "انطلقت الشاحنة نحو الرياض", "InTransit_007"),
    # ar: the order deleted is cancelled
    ("ar", "تم حذف الطلب من قبل المتجر", "Exception_020"),
    ("ar", "قام العميل بحذف الأوردر", "Exception_020"),
    ("ar", "الطلب محذوف", "Exception_020"),
    # ar: handed or assigned to the delivery courier or driver
    ("ar", "تم تسليم الطلب إلى المندوب", "OutForDelivery_001"),
    ("ar", "سلمت الشحنة للسائق", "OutForDelivery_001"),
    ("ar", "تم تعيين الشحنة للمندوب", "OutForDelivery_001"),
    ("ar", "تم اسناد الطلب الى الكابتن", "OutForDelivery_001"),
    # ar: the shipment's value or dues paid: cash on delivery collected
    ("ar", "تم سداد قيمة الطلب", "Delivered_004"),
    ("ar", "تم دفع المستحقات بالكامل", "Delivered_004"),
    # ar: the return handed to the sender or merchant (C3)
    ("ar", "تم تسليم المرتجع إلى التاجر", "Exception_011"),
    ("ar", "التاجر استلم المرتجع", "Exception_011"),
    ("ar", "تم تسليم الشحنة للعميل المرسل", "Exception_011"),
    # ar: on the way for delivery, in the distribution
    ("ar", "طلبك في الطريق للتوصيل", "OutForDelivery_001"),
    ("ar", "الطلب قيد التوزيع", "OutForDelivery_001"),
    ("ar", "خرجت الشحنة للتوزيع", "OutForDelivery_001"),
    # ar: stopped for now or under review
    ("ar", "الطلب متوقف", "Exception_001"),
    ("ar", "تم ايقاف الشحنة", "Exception_001"),
    ("ar", "الشحنة تحت المراجعة", "Exception_001"),
    # ar: brought to the recipient's state or city is an arrival, not the delivery
    ("ar", "وصلت الشحنة إلى مدينتك", "InTransit_003"),
    ("ar", "تم توصيل الطرد الى ولاية المستلم", "InTransit_003"),
    ("ar", "تم ايصال الطلب الى محافظتك", "InTransit_003"),
    # ar: made ready for the journey to the destination area
    ("ar", "تم تجهيز الطرد للشحن إلى ولايتك", "InTransit_001"),
    ("ar", "طلبك جاهز للتوصيل الى المدينة", "InTransit_001"),
    # ar: an error in the delivery
    ("ar", "حدث خطأ في التسليم", "AttemptFail_001"),
    # he: the sender produced the label or shipping certificate
    ("he", "השולח הפיק תווית משלוח", "InfoReceived_001"),
    ("he", "הופקה תעודת משלוח עבור החבילה", "InfoReceived_001"),
    ("he", "נקלטה הזמנה חדשה", "InfoReceived_001"),
    # he: sorted, moved or routed on
    ("he", "המשלוח מוין", "InTransit_001"),
    ("he", "החבילות מוינו במרכז המיון", "InTransit_001"),
    ("he", "הפריט מועבר לסניף היעד", "InTransit_001"),
    ("he", "המשלוח מנותב למרכז ההפצה", "InTransit_001"),
    # he: taken in or scanned at a centre (any gender): the arrival
    ("he", "החבילה נקלטה במרכז הלוגיסטי", "InTransit_003"),
    ("he", "המשלוחים נקלטו במרכז המיון בחולון", "InTransit_003"),
    ("he", "הפריט נסרק במרכז ההפצה", "InTransit_003"),
    # he: handed over at the counter, or after an ID was shown (C6)
    ("he", "המשלוח נמסר בסניף הדואר", "Delivered_002"),
    ("he", "החבילה נמסרה לנמען לאחר הצגת תעודת זהות", "Delivered_002"),
    # he: handed to the courier for the round, out with the courier
    ("he", "החבילה נמסרה לשליח של החברה לחלוקה", "OutForDelivery_001"),
    ("he", "המשלוח יצא עם המחלק", "OutForDelivery_001"),
    ("he", "השליח בדרך לכתובת הנמען", "OutForDelivery_001"),
    # he: moved onto a flight
    ("he", "המשלוח הועבר לטיסה", "InTransit_007"),
    ("he", "החבילה הועמסה על המטוס", "InTransit_007"),
    # he: landed: arrived in the destination country
    ("he", "המטוס נחת", "InTransit_004"),
    ("he", 'המשלוח נחת בנתב"ג', "InTransit_004"),
    ("he", "החבילה הגיעה לנמל התעופה בן גוריון", "InTransit_004"),
    # he: signed by the addressee (any gender)
    ("he", "המשלוח נחתם על ידי הנמען", "Delivered_003"),
    ("he", "החבילה נמסרה והנמענת חתמה", "Delivered_003"),
    # he: an exception that a delay word follows
    ("he", "חריגה - עיכוב במשלוח", "Exception_001"),
]

test_read_from_the_text_alone = read_alone_check(CASES)
test_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
