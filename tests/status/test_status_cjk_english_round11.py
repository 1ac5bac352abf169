"""Chinese, Japanese, Korean and English concepts from carrier wording gathered in round eleven (SF,
JD, Cainiao, Best, Hive Box lockers, Taiwanese consignment carriers, Japanese and Korean parcel carriers,
USPS and postal exchange offices). Many Chinese texts were short operation names from the carriers'
scan tables, with words the rules did not read:

* zh: a vehicle, train, unmanned van or ship setting off ("发车", "开船") is the departure; a vehicle
  arriving ("到车"), a flight or airline cargo landing ("航空落地") and a ship reaching port ("到港") are
  arrival scans; the truck-sealing step named as an operation or scan ("封车操作") is processing, ready to
  leave (C7), while a truck reported sealed stays the dispatch; waiting to set off has not left;
* zh: a vehicle leaving or reaching a customs point ("海关发车", "海关到车") is a movement, not clearance;
  a declaration filed or awaited at the port ("待申报") is clearance under way; a release named with what
  was released ("海关数据放行") is the release; customs waiting to check ("海关待查") is a customs hold;
* zh: a handling step gone wrong inside the network ("理货异常", "分拣异常") and a batch stuck at a
  transfer hub ("中转批量滞留") are carrier-network problems; the courier failing to collect from the
  sender ("揽收失败") is a generic exception;
* zh: the sender posting by self-service or into a sending locker, the courier's collection from it and a
  photographed receipt ("拍照收件") are the acceptance (C11);
* zh: a courier or locker administrator taking a parcel out of a locker, and a parcel passed to another
  carrier of the trade ("转同行"), are in transit;
* zh: a storage locker ("储物柜"), a parcel shelved at a station ("上架") and station networks by name
  ("百世邻里") are waiting for pickup (C5); the user collecting the goods ("用户提货") is the collection
  (C6); a "special" or other signing is the plain delivery (C16);
* zh: the courier coming to the door ("师傅上门") and leaving the warehouse for delivery ("配送出库") are
  the delivery round; a changed delivery address is a redirect;
* zh: a presale item and consignment data registered ("託運資料已登錄", traditional script) are pre-transit;
* zh: a returned parcel handed back to the customer who posted it ("退件给客户") is back with the sender;
* ja: shipping started ("配送開始") is in transit (C8);
* ko: the delivery driver taking the parcel over or being assigned ("배송기사 인수") is still at the
  branch, in transit; the round starts with the departure;
* en: handed over from an office or hub and a bare "depart from" are the departure; accepted or scanned at
  a destination facility is an arrival scan (C11); an order received and a carrier expecting the item are
  pre-transit; an individual or customer picking it up at a postal facility is the collection (C6);
  tendered to a returns agent or centre is the return (C1).

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # zh: vehicles, trains and ships setting off
    ("zh", "干线车辆已发车", "InTransit_007"),
    ("zh", "货车从分拨中心发车", "InTransit_007"),
    ("zh", "班列发车，前往成都", "InTransit_007"),
    ("zh", "无人配送车已发车", "InTransit_007"),
    ("zh", "集装箱船开船", "InTransit_007"),
    ("zh", "中欧班列已发车", "InTransit_007"),
    ("zh", "車輛發車", "InTransit_007"),
    # zh: vehicles arriving, landing, ships in port
    ("zh", "干线车辆到车", "InTransit_003"),
    ("zh", "转运中心到车卸货", "InTransit_003"),
    ("zh", "航空货物已落地", "InTransit_003"),
    ("zh", "货机落地", "InTransit_003"),
    ("zh", "货轮已到港", "InTransit_003"),
    ("zh", "船只靠港", "InTransit_003"),
    ("zh", "鐵路到車", "InTransit_003"),
    # zh: truck sealing as a step, waiting to set off; a truck reported sealed is the dispatch
    ("zh", "封车扫描", "InTransit_001"),
    ("zh", "网点封车作业", "InTransit_001"),
    ("zh", "车辆待发车", "InTransit_001"),
    ("zh", "快件已装车，准备发车", "InTransit_001"),
    ("zh", "分拨中心已封车", "InTransit_007"),
    # zh: vehicles at a customs point; declaration, release, hold
    ("zh", "海关监管区到车", "InTransit_003"),
    ("zh", "海关发车前往机场", "InTransit_007"),
    ("zh", "包裹在口岸等待申报", "InTransit_006"),
    ("zh", "进口申报中", "InTransit_006"),
    ("zh", "口岸放行", "InTransit_005"),
    ("zh", "海关系统放行", "InTransit_005"),
    ("zh", "海关单证放行", "InTransit_005"),
    ("zh", "口岸待检", "Exception_004"),
    ("zh", "包裹在海关待审", "Exception_004"),
    # zh: network handling problems; a failed collection
    ("zh", "分拣异常", "Exception_016"),
    ("zh", "集包异常，重新处理", "Exception_016"),
    ("zh", "卸车差异", "Exception_016"),
    ("zh", "转运中心大量积压", "Exception_016"),
    ("zh", "分拨中心临时滞留", "Exception_016"),
    ("zh", "上门取件失败", "Exception_001"),
    ("zh", "揽件不成功", "Exception_001"),
    # zh: the sender posting, the courier's collection
    ("zh", "寄件人已将包裹放入快递柜", "InTransit_002"),
    ("zh", "寄件用户将包裹投入智能柜", "InTransit_002"),
    ("zh", "小哥从快递柜收件成功", "InTransit_002"),
    ("zh", "揽投员取件完成", "InTransit_002"),
    ("zh", "扫码收件", "InTransit_002"),
    ("zh", "客户自助交寄", "InTransit_002"),
    ("zh", "寄件成功", "InTransit_002"),
    # zh: taken out by the carrier, passed to another carrier
    ("zh", "派件员从快递柜取出", "InTransit_001"),
    ("zh", "驿站员工取出快件", "InTransit_001"),
    ("zh", "快件转第三方快递", "InTransit_001"),
    ("zh", "转其他快递公司派送", "InTransit_001"),
    # zh: lockers, shelves and station networks; collected; special signing
    ("zh", "快件已存入储物柜", "AvailableForPickup_001"),
    ("zh", "包裹已上架，等待领取", "AvailableForPickup_001"),
    ("zh", "快件上架", "AvailableForPickup_001"),
    ("zh", "熊猫快收", "AvailableForPickup_001"),
    ("zh", "包裹已到百世邻里", "AvailableForPickup_001"),
    ("zh", "存储柜交接完成", "AvailableForPickup_001"),
    ("zh", "用户已提货", "Delivered_002"),
    ("zh", "用户自提货", "Delivered_002"),
    ("zh", "其他签收", "Delivered_001"),
    ("zh", "快件已特殊签收", "Delivered_001"),
    # zh: the delivery round; a changed address
    ("zh", "快递员即将上门", "OutForDelivery_001"),
    ("zh", "小哥正在上门", "OutForDelivery_001"),
    ("zh", "派送出仓", "OutForDelivery_001"),
    ("zh", "快件配送出站", "OutForDelivery_001"),
    ("zh", "收件人修改收货地址", "InTransit_009"),
    ("zh", "派送地址已变更", "InTransit_009"),
    ("zh", "变更配送地址", "InTransit_009"),
    # zh: presale, data registered (also traditional script)
    ("zh", "预售商品，等待发货", "InfoReceived_001"),
    ("zh", "预售订单准备发运", "InfoReceived_001"),
    ("zh", "运单信息已录入", "InfoReceived_001"),
    ("zh", "寄件资料已上传", "InfoReceived_001"),
    ("zh", "託運資料已登記", "InfoReceived_001"),
    ("zh", "訂單資訊已登錄", "InfoReceived_001"),
    # zh: a return handed back to the customer who posted it
    ("zh", "驿站退件给寄件客户", "Exception_011"),
    ("zh", "退件已交还寄件人", "Exception_011"),
    ("zh", "代收点退货交给商家", "Exception_011"),
    # ja: shipping started
    ("ja", "配送を開始しました", "InTransit_001"),
    ("ja", "お荷物の配送が開始されました", "InTransit_001"),
    ("ja", "輸送開始", "InTransit_001"),
    # ko: the delivery driver taking over
    ("ko", "배송기사 인수", "InTransit_001"),
    ("ko", "배달기사 인계", "InTransit_001"),
    ("ko", "택배기사에게 인계되었습니다", "InTransit_001"),
    ("ko", "배송기사 배정 완료", "InTransit_001"),
    ("ko", "배송기사님이 상품을 인수하였습니다", "InTransit_001"),
    # en: departures
    ("en", "Handed over from sorting hub", "InTransit_007"),
    ("en", "Parcel handed over from the regional depot", "InTransit_007"),
    ("en", "Released from the outward exchange office", "InTransit_007"),
    ("en", "Depart from origin facility", "InTransit_007"),
    ("en", "Depart to destination airport", "InTransit_007"),
    ("en", "DEPART FROM INTERNATIONAL HUB", "InTransit_007"),
    # en: arrival at a destination facility
    ("en", "Accepted at destination processing center", "InTransit_003"),
    ("en", "Scanned at the regional destination hub", "InTransit_003"),
    ("en", "Item accepted at carrier destination depot", "InTransit_003"),
    # en: pre-transit
    ("en", "Order has been received", "InfoReceived_001"),
    ("en", "Sales order received by the warehouse", "InfoReceived_001"),
    ("en", "Carrier expects package for shipping", "InfoReceived_001"),
    ("en", "We are expecting the parcel from the sender", "InfoReceived_001"),
    ("en", "Post office expects your item soon", "InfoReceived_001"),
    # en: collected at a postal facility
    ("en", "Customer picked up at the post office", "Delivered_002"),
    ("en", "Delivered, recipient picked up at postal counter", "Delivered_002"),
    ("en", "Item picked up at postal facility", "Delivered_002"),
    # en: handed to returns
    ("en", "Handed over to the returns centre", "Exception_010"),
    ("en", "Package sent to our returns department", "Exception_010"),
    ("en", "Transferred to return facility", "Exception_010"),
    ("en", "TENDERED TO RETURNS PROCESSING", "Exception_010"),
]

test_read_from_the_text_alone = read_alone_check(CASES)
test_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
