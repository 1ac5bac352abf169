"""Chinese, Japanese, Korean and English concepts of the gathered carrier texts (ZTO/YTO/STO/Yunda/SF/J&T,
China Post/EMS, Taiwan logistics; Japan Post, Yamato; CJ, Lotte; PostNord, Australia Post, USPS partners):

* zh: loaded or sorted and ready to leave for the next stop ("已装车，准备发往", "即将发往") is processing, an
  arrival read with it stays the arrival, a departure stated as done stays the departure (C7);
  setting off ("启运", "发运"), a sealed truck ("封车") and a handover to the line-haul carrier are the
  dispatch; sealing a direct bag ("直封") and a bagging scan are processing;
* zh: reaching a named place ("到北京市【X】"), a flight landing ("已落地", "航班降落"), a truck unloaded
  ("解车"), a logistics centre checking the parcel in ("进验成功，已送达物流中心") are arrivals; a flight
  reaching its destination or an arrival at the overseas destination is the destination country;
* zh: customs release or a customs hold named after a slash ("出口海关/放行", "出口海关/留存待验");
* zh: the phone not answered, switched off or out of reach is a failed attempt, not an absence (C10);
  a wrong name-and-address ("名址有误") is a bad address; a business closed for the day or resuming on a
  working day is AttemptFail_003;
* zh: waiting for the recipient at the outlet, taken out of a collection point, a courier with a masked
  name picking up, a locker or station named as the signer (C5);
* ja: moved with no forwarding address known ("転居先不明") is the move (C15); a delivery or mailbox drop
  planned with no day ("配達予定", "投函予定") is the carrier's forecast (C14);
* ko: passing through a hub ("HUB통과");
* en: a partner's arrival or departure read with "awaiting item", scanned at a named facility, customs
  clearance completed in a long sentence, delivery in progress, delivered to a service point, deposited
  in a parcel machine, handed to the recipient at the shop (C6).

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv`; each is read from the
text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # zh: loaded and ready to leave
    ("zh", "快件在【杭州萧山集散中心】已装车，准备发往 【杭州西湖营业点】", "InTransit_001"),
    ("zh", "快件已在【广州花都转运中心】装车,准备发往下一站【佛山中转场】", "InTransit_001"),
    ("zh", "【成都转运中心】进行装车扫描，即将发往：四川绵阳分拨中心", "InTransit_001"),
    ("zh", "快件已在【南宁揽投部】完成分拣，准备发出", "InTransit_001"),
    ("zh", "快件已到达【武汉转运中心】，准备发往【武汉洪山区营业部】", "InTransit_003"),
    ("zh", "快件已从【郑州转运中心】发出，准备发往【洛阳转运中心】", "InTransit_007"),
    ("zh", "快件已装车发出，下一站【合肥转运中心】", "InTransit_007"),
    # zh: setting off, sealed truck, handed to the line-haul carrier
    ("zh", "处理中心已封车", "InTransit_007"),
    ("zh", "揽投部发运", "InTransit_007"),
    ("zh", "包裹已启运", "InTransit_007"),
    ("zh", "货物已交运输商承运", "InTransit_007"),
    ("zh", "包裹等待发运", "InTransit_001"),
    # zh: processing steps
    ("zh", "邮件已直封", "InTransit_001"),
    ("zh", "【广东东莞公司】正在进行【集包】扫描", "InTransit_001"),
    ("zh", "【浙江义乌公司】已进行【称重】扫描", "InTransit_001"),
    # zh: arrivals
    ("zh", "到杭州市【杭州转运中心】", "InTransit_003"),
    ("zh", "到广州市【白云区营业部】", "InTransit_003"),
    ("zh", "航班已落地", "InTransit_003"),
    ("zh", "飞机降落，等待卸货", "InTransit_003"),
    ("zh", "处理中心解车", "InTransit_003"),
    ("zh", "进验成功，包裹已送达转运中心", "InTransit_003"),
    ("zh", "包裹已送达分拨中心，等待分拣", "InTransit_003"),
    # zh: destination country by flight
    ("zh", "航班进港，已到达目的地", "InTransit_004"),
    ("zh", "飞机已抵达目的地", "InTransit_004"),
    ("zh", "包裹已到达境外目的国", "InTransit_004"),
    # zh: customs step with its outcome after a slash
    ("zh", "进口海关/放行", "InTransit_005"),
    ("zh", "海关已放行", "InTransit_005"),
    ("zh", "清关/放行", "InTransit_005"),
    ("zh", "进口海关/留存待验", "Exception_004"),
    ("zh", "包裹待海关查验", "Exception_004"),
    ("zh", "海关/暂扣", "Exception_004"),
    # zh: phone not reached is a failed attempt, absence stays AttemptFail_002
    ("zh", "派送不成功，收件人手机关机", "AttemptFail_001"),
    ("zh", "投递未成功，客户电话打不通，明日再次派送", "AttemptFail_001"),
    ("zh", "派件失败，暂无法联系收件人", "AttemptFail_001"),
    ("zh", "派送失败，收件人不在家", "AttemptFail_002"),
    ("zh", "派送中，如电话无人接听请联系网点", "OutForDelivery_001"),
    # zh: name and address wrong
    ("zh", "收件人名址不详，无法投递", "Exception_007"),
    ("zh", "名址有误，请联系寄件人", "Exception_007"),
    ("zh", "因地址不详且电话无法接通，暂存网点", "Exception_007"),
    # zh: business closed
    ("zh", "收件地址为公司，今日休假", "AttemptFail_003"),
    ("zh", "派送未成功，收件单位周末休息", "AttemptFail_003"),
    ("zh", "派件不成功，收件公司已下班，工作日再派", "AttemptFail_003"),
    # zh: waiting at the outlet, collected, courier pickup, locker signer
    ("zh", "快件已到网点，等待客户网点领取", "AvailableForPickup_001"),
    ("zh", "包裹待收件人到驿站取件", "AvailableForPickup_001"),
    ("zh", "快件已送达代理点，请凭取件码取件", "AvailableForPickup_001"),
    ("zh", "您的快件已在驿站取出，感谢使用", "Delivered_002"),
    ("zh", "快件已在【小区快递柜】取出", "Delivered_002"),
    ("zh", "您的快递小哥李**(***)已取件", "InTransit_002"),
    ("zh", "快递员王**已收件", "InTransit_002"),
    ("zh", "快件已签收，签收人：丰巢快递柜", "AvailableForPickup_001"),
    ("zh", "已签收，签收人是菜鸟驿站", "AvailableForPickup_001"),
    ("zh", "已簽收，簽收人：智能櫃", "AvailableForPickup_001"),
    # ja: moved, forwarding address unknown
    ("ja", "転居先不明のため差出人へ返送します", "Exception_010"),
    ("ja", "あて所に尋ねあたりません（転居先不明）", "Exception_002"),
    ("ja", "お届け先が転居されており転居先不明です", "Exception_002"),
    ("ja", "転居先へ転送しました", "InTransit_009"),
    # ja: delivery planned with no day
    ("ja", "配達予定です", "InTransit_001"),
    ("ja", "ポストへの投函予定です", "InTransit_001"),
    ("ja", "お荷物のお届け予定をお知らせします", "InTransit_001"),
    ("ja", "本日お届け予定です", "OutForDelivery_001"),
    ("ja", "まもなく配達予定です", "OutForDelivery_001"),
    ("ja", "お届け予定日時を変更しました", "OutForDelivery_004"),
    # ko: through a hub
    ("ko", "HUB 통과", "InTransit_001"),
    ("ko", "허브 통과", "InTransit_001"),
    ("ko", "서브 터미널 경유", "InTransit_001"),
    # en: partner movement read with "awaiting item"
    ("en", "Arrived at partner facility, USPS awaiting item", "InTransit_003"),
    ("en", "Departed partner facility, USPS awaiting item", "InTransit_007"),
    ("en", "USPS awaiting item", "InfoReceived_001"),
    # en: scanned at a named facility
    ("en", "Scanned at Sydney crossdock facility", "InTransit_003"),
    ("en", "Scanned at the Melbourne gateway facility", "InTransit_003"),
    ("en", "Parcel scanned at the hub", "InTransit_001"),
    ("en", "Scanned in at regional sorting centre", "InTransit_003"),
    # en: customs clearance completed at length
    ("en", "The customs clearance process for your shipment has been completed", "InTransit_005"),
    ("en", "Customs clearance for import into the United Kingdom was completed", "InTransit_005"),
    ("en", "The customs clearance procedure in the country of destination is completed", "InTransit_005"),
    ("en", "Customs clearance is in progress", "InTransit_006"),
    # en: delivery in progress
    ("en", "Delivery of your parcel is in progress", "OutForDelivery_001"),
    ("en", "The delivery is under way", "OutForDelivery_001"),
    ("en", "Your delivery is now in progress", "OutForDelivery_001"),
    # en: delivered to a service point, deposited in a parcel machine
    ("en", "The parcel has been delivered to a service point", "AvailableForPickup_001"),
    ("en", "Your item is ready at the service point", "AvailableForPickup_001"),
    ("en", "Delivered to the service point, please bring ID", "AvailableForPickup_001"),
    ("en", "Deposited in the parcel machine", "AvailableForPickup_001"),
    ("en", "Placed into the 24/7 parcel terminal", "AvailableForPickup_001"),
    ("en", "Item deposited in the MyPost machine at Central Station", "AvailableForPickup_001"),
    # en: handed to the recipient at the shop or counter (C6)
    ("en", "Handing over the package to the customer at the DPD Pickup parcelshop", "Delivered_002"),
    ("en", "Handing the parcel to the recipient at the post office counter", "Delivered_002"),
    ("en", "Parcel handed to the recipient at the parcel shop", "Delivered_002"),
    # zh: carried towards a centre is no arrival
    ("zh", "包裹正从营业所送到转运中心", "InTransit_001"),
    # a scan at an unnamed postal or carrier facility is processing
    ("en", "Shipment scanned at postal facility", "InTransit_001"),
    ("en", "Parcel scanned at carrier facility", "InTransit_001"),
    ("en", "Item scanned at the postal facility", "InTransit_001"),
]

test_concept_read_alone = read_alone_check(CASES)
test_concept_read_by_rules = read_by_rules_check(CASES)
