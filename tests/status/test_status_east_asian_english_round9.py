"""East Asian and English concepts of the ninth round, from carrier wording of SF, YTO, ZTO, Cainiao stations,
Hive Box lockers and China Post (zh), Japan Post and Yamato (ja), and courier and postal English (en):

* zh signed for ("已签收", signed on the recipient's behalf by a guard, the front desk, family or a
  shop, a photo signing, the signature picture on the carrier's site) is the plain delivery; signed
  by the addressee in person ("本人签收", "签收人：本人", the addressee's name as signer, "草签") is
  the signed-for delivery; a pickup with a code is the collection (C6) and a station or locker
  signing stays waiting for pickup (C5); a doorstep "signed" by the courier and a partial delivery
  stay the plain delivery (C16);
* zh a delivery exception named as such ("派送异常") and a signing that failed are a failed attempt;
  a stated cause with it still wins;
* zh a held or stuck parcel released into the network again, and duty or tax paid, are the problem
  resolved;
* zh released by customs with tax still to pay, and freight to collect named as the event, are held
  for payment;
* zh quarantine holding the parcel and a customs clearance that takes longer are a customs delay;
* zh stuck or piled up at a transfer or sorting hub, a depot overloaded, a missed line-haul
  connection are the carrier's network problem; a weather cause named with it stays the weather;
* zh a station or locker completing the hand-out is the collection (C6); a locker's notice to come
  with the code, or a reminder that the parcel is not collected yet, still waits for pickup (C5);
* zh the sender still preparing the parcel is pre-transit (C13);
* zh an address outside the carrier's service area is a generic exception, not a wrong address (C17);
* zh the addressee no longer working at the company is the move (C15);
* en an inbound or outbound scan at a site is the arrival or the departure; received at the
  destination or local facility is the site's arrival scan (C11), at the origin facility the acceptance;
* en a bare "waiting for pickup" is the carrier's collection still to come (C13);
* en carried by air, sea or road is in transit, not the acceptance;
* en a redelivery the recipient asked for is an appointment (C14);
* en waiting for a correct or complete address is the address problem, whatever attempt is named
  with it;
* en a status headed by a hold while the carrier tries to reach the recipient is the hold
  (Exception_001);
* ja sent on to the nearest or a chosen post office, branch or store is a redirect.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv` or of the gathered texts;
each is read from the text alone and by the rules of its language.
"""

from __future__ import annotations

from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
CASES: list[tuple[str, str, str]] = [
    # zh signed for: plainly, by a proxy or by a photo, the plain delivery (C16)
    ("zh", "您的包裹已签收，期待再次为您服务", "Delivered_001"),
    ("zh", "快件已经签收", "Delivered_001"),
    ("zh", "【杭州市】快件已签收，签收人：门岗，感谢使用", "Delivered_001"),
    ("zh", "快件已由公司前台代签收", "Delivered_001"),
    ("zh", "已签收 签收人：同事 如有疑问请联系派件员", "Delivered_001"),
    ("zh", "快件已签收，签收人：保安", "Delivered_001"),
    ("zh", "已由小区物业代收", "Delivered_001"),
    ("zh", "快件已被 家人 代签", "Delivered_001"),
    ("zh", "快件已签收，签收人：楼下便利店", "Delivered_001"),
    ("zh", "快件已签收，签收人：星光文具店", "Delivered_001"),
    ("zh", "快件已签收，签收人：苏宁", "Delivered_001"),
    ("zh", "快件已拍照签收", "Delivered_001"),
    ("zh", "派件员已拍照签收，感谢使用", "Delivered_001"),
    ("zh", "签收底单可在小程序中查看", "Delivered_001"),
    ("zh", "快件已签收，签收人：***", "Delivered_001"),
    ("zh", "快件已簽收，簽收人：管理室", "Delivered_001"),
    ("zh", "快递员已代签收，放在家门口", "Delivered_001"),
    ("zh", "订单部分签收", "Delivered_001"),
    # zh signed by the addressee in person, the signed-for delivery (C16)
    ("zh", "快件已由本人签收，感谢使用", "Delivered_003"),
    ("zh", "已签收，签收人：本人", "Delivered_003"),
    ("zh", "快件已签收，签收人：张三，如有疑问请联系派件员", "Delivered_003"),
    ("zh", "已签收，签收人是【王**】", "Delivered_003"),
    ("zh", "快件已签收，签收人：陈女士", "Delivered_003"),
    ("zh", "已簽收，簽收人：黃小明", "Delivered_003"),
    ("zh", "快件已签收，签收人：草签", "Delivered_003"),
    # zh collected with a code or at a station or locker (C6); left at one for collection (C5)
    ("zh", "已签收，签收人凭取件码签收", "Delivered_002"),
    ("zh", "您的快件已从菜鸟驿站取出", "Delivered_002"),
    ("zh", "快件已签收，签收人：小区快递柜", "AvailableForPickup_001"),
    ("zh", "快件已被【兔喜生活驿站】代签收，请凭取件码取件", "AvailableForPickup_001"),
    # zh delivery exception, signing failed
    ("zh", "投递异常", "AttemptFail_001"),
    ("zh", "派送异常，待再次派送", "AttemptFail_001"),
    ("zh", "快件签收不成功", "AttemptFail_001"),
    ("zh", "签收失败，将再次投递", "AttemptFail_001"),
    ("zh", "派送异常：收件地址有误", "Exception_007"),
    # zh problem resolved
    ("zh", "问题件已处理，恢复派送", "InTransit_008"),
    ("zh", "留仓件已出库", "InTransit_008"),
    ("zh", "进口关税已缴纳", "InTransit_008"),
    ("zh", "收件人已支付税款", "InTransit_008"),
    # zh held for payment
    ("zh", "已放行，待补缴关税", "Exception_006"),
    ("zh", "清关完成，需缴纳税款后派送", "Exception_006"),
    ("zh", "到付运费未支付", "Exception_006"),
    ("zh", "请支付到付运费", "Exception_006"),
    # zh customs or quarantine delay
    ("zh", "口岸检疫查验中", "Exception_004"),
    ("zh", "包裹被检疫扣留", "Exception_004"),
    ("zh", "近期清关缓慢，时效延长", "Exception_004"),
    ("zh", "通关时间延长，请耐心等待", "Exception_004"),
    # zh carrier-network problem
    ("zh", "分拨中心积压，快件晚发", "Exception_016"),
    ("zh", "转运场爆仓", "Exception_016"),
    ("zh", "快件未赶上班车，次日发出", "Exception_016"),
    ("zh", "受台风影响，中转滞留", "Exception_017"),
    # zh handed out by the station; a locker notice still waits
    ("zh", "快递柜已完成出库", "Delivered_002"),
    ("zh", "菜鸟驿站已完成交付", "Delivered_002"),
    ("zh", "【丰巢】请凭取件码 88 到小区东门快递柜取件", "AvailableForPickup_001"),
    ("zh", "您的包裹已在快递柜存放12小时未领，请及时取件", "AvailableForPickup_001"),
    ("zh", "【丰巢】激活取件码后前往快递柜领取包裹", "AvailableForPickup_001"),
    # zh sender preparing
    ("zh", "发件人正在打包", "InfoReceived_001"),
    ("zh", "卖家准备包裹中", "InfoReceived_001"),
    ("zh", "寄件方正在准备货物", "InfoReceived_001"),
    # zh outside the service area
    ("zh", "超出派送范围", "Exception_001"),
    ("zh", "收件地址不在配送范围", "Exception_001"),
    ("zh", "地址超区，无法派送", "Exception_001"),
    # zh left the company
    ("zh", "收件人已离职", "Exception_002"),
    ("zh", "收方已调离该单位", "Exception_002"),
    ("zh", "收件人不在该公司工作", "Exception_002"),
    # en inbound or outbound at a site; received at a facility
    ("en", "Inbound at regional hub", "InTransit_003"),
    ("en", "Inbound in distribution center", "InTransit_003"),
    ("en", "Outbound from sorting center", "InTransit_007"),
    ("en", "Outbound at the regional hub", "InTransit_007"),
    ("en", "Received at Destination Facility", "InTransit_003"),
    ("en", "Parcel received at the local depot", "InTransit_003"),
    ("en", "Accepted at origin facility", "InTransit_002"),
    ("en", "Item received at origin depot", "InTransit_002"),
    # en bare waiting for pickup
    ("en", "Awaiting pickup", "InfoReceived_001"),
    ("en", "Package waiting for pick-up", "InfoReceived_001"),
    ("en", "Order is awaiting pickup", "InfoReceived_001"),
    # en carried by air, sea or road
    ("en", "Shipped via sea freight", "InTransit_001"),
    ("en", "Parcel transported by road", "InTransit_001"),
    ("en", "Shipment moving by air", "InTransit_001"),
    # en redelivery requested
    ("en", "Redelivery request received", "OutForDelivery_004"),
    ("en", "Customer requested re-delivery", "OutForDelivery_004"),
    ("en", "Your request for redelivery has been accepted", "OutForDelivery_004"),
    # en waiting for a correct address
    ("en", "Delivery attempted - awaiting corrected address", "Exception_007"),
    ("en", "Awaiting complete address from the consignee", "Exception_007"),
    ("en", "Correct delivery address required", "Exception_007"),
    # en a hold while trying to reach the recipient
    ("en", "On hold - attempting to reach recipient", "Exception_001"),
    ("en", "Shipment on hold, attempting to contact consignee", "Exception_001"),
    ("en", "On hold: no answer on the phone", "Exception_001"),
    # ja sent on to the nearest or a chosen office
    ("ja", "最寄りの郵便局へ送付しました", "InTransit_009"),
    ("ja", "ご指定の営業所へ回送しました", "InTransit_009"),
    ("ja", "お荷物を最寄店へ送付いたしました", "InTransit_009"),
]

test_concept_is_read_from_the_text_alone = read_alone_check(CASES)
test_concept_is_read_by_the_rules_of_its_language = read_by_rules_check(CASES)
