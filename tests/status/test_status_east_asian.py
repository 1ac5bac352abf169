"""East Asian concepts (zh, ja, ko) read by stem: every status a Chinese courier, post, station or
locker, Japan Post, Yamato, Sagawa, Seino, Fukuyama, and the Korean couriers and Korea Post report, in
their short status names, their full trace sentences, the negated and "why it goes back" forms, and
Chinese in traditional characters.

Our own sentences, none of them a row of `benchmarks/data/multilang_events.tsv`: they check that a
concept is recognised in other words and orders than the gathered rows. The aggregators' state tables
(kdniao) are checked as codes.
"""

from __future__ import annotations

import pytest

from parceltrail.status import Subtag, classify
from parceltrail.status._data import load_toml
from parceltrail.status.normalize import normalize
from parceltrail.status.rules import with_variants
from tests.status.sentences import read_alone_check, read_by_rules_check

# (lang, text, expected subtag)
# zh: pending, order and shop steps, pickup, hub arrival and departure, trunk transport, destination country,
# customs, forwarding, the delivery round and appointments, stations and lockers, signatures (self, proxy,
# station, neighbour), collection from a locker, failed attempts and their reasons, exceptions, returns and
# their signatures, interception, cancellation, disposal.
CHINESE: list[tuple[str, str, str]] = [
    ("zh", "暂无物流信息", "Pending_001"),
    ("zh", "查询不到该运单的轨迹", "Pending_001"),
    ("zh", "包裹正在等待揽收", "InfoReceived_001"),
    ("zh", "商家已打单，等待快递员揽收", "InfoReceived_001"),
    ("zh", "运单已生成，等待快递员上门取件", "InfoReceived_001"),
    ("zh", "您的包裹已在仓库打包完成，等待揽收", "InfoReceived_001"),
    ("zh", "您的快件已被【杭州西湖网点】揽收", "InTransit_002"),
    ("zh", "快递员已上门取件", "InTransit_002"),
    ("zh", "【广州市】邮政揽投员已收寄", "InTransit_002"),
    ("zh", "揽收成功", "InTransit_002"),
    ("zh", "包裹已被菜鸟揽收", "InTransit_002"),
    ("zh", "顺丰速运已收取快件", "InTransit_002"),
    ("zh", "中国邮政已收寄邮件", "InTransit_002"),
    ("zh", "揽件扫描", "InTransit_002"),
    ("zh", "快件已到达【杭州转运中心】", "InTransit_003"),
    ("zh", "快件已抵达【义乌分拨中心】", "InTransit_003"),
    ("zh", "邮件到达【广州邮件处理中心】", "InTransit_003"),
    ("zh", "到件扫描", "InTransit_003"),
    ("zh", "快件已到达派件城市", "InTransit_003"),
    ("zh", "到达目的地网点", "InTransit_003"),
    ("zh", "包裹已到达转运中心", "InTransit_003"),
    ("zh", "快件已从【杭州转运中心】发出，下一站【上海转运中心】", "InTransit_007"),
    ("zh", "邮件离开【广州邮件处理中心】，正在发往【北京】", "InTransit_007"),
    ("zh", "快件离开【义乌】已发往【成都】", "InTransit_007"),
    ("zh", "包裹已离港", "InTransit_007"),
    ("zh", "航班已起飞", "InTransit_007"),
    ("zh", "包裹已出库", "InTransit_007"),
    ("zh", "快件已装车发出", "InTransit_007"),
    ("zh", "寄件网点已发件", "InTransit_007"),
    ("zh", "快件正在运输途中", "InTransit_001"),
    ("zh", "干线运输中", "InTransit_001"),
    ("zh", "包裹正在中转", "InTransit_001"),
    ("zh", "快件正在分拣", "InTransit_001"),
    ("zh", "包裹已到达目的国", "InTransit_004"),
    ("zh", "已抵达目的地国家/地区", "InTransit_004"),
    ("zh", "航班已到达目的地机场", "InTransit_004"),
    ("zh", "到达寄达国", "InTransit_004"),
    ("zh", "进口清关中", "InTransit_006"),
    ("zh", "包裹已提交海关，等待清关", "InTransit_006"),
    ("zh", "出口报关中", "InTransit_006"),
    ("zh", "清关完成", "InTransit_005"),
    ("zh", "海关已放行", "InTransit_005"),
    ("zh", "进口清关成功", "InTransit_005"),
    ("zh", "包裹被海关扣留", "Exception_004"),
    ("zh", "海关查验中", "Exception_004"),
    ("zh", "清关失败", "Exception_004"),
    ("zh", "需缴纳关税", "Exception_006"),
    ("zh", "请补充收件人身份证信息", "Exception_018"),
    ("zh", "快件已改派至新地址", "InTransit_009"),
    ("zh", "快件转寄中", "InTransit_009"),
    ("zh", "正在派件", "OutForDelivery_001"),
    ("zh", "快递员正在为您派件", "OutForDelivery_001"),
    ("zh", "邮件正在投递中", "OutForDelivery_001"),
    ("zh", "配送员已出发", "OutForDelivery_001"),
    ("zh", "您的订单正在配送途中", "OutForDelivery_001"),
    ("zh", "快件已安排派送", "OutForDelivery_001"),
    ("zh", "快件二次派送中", "OutForDelivery_001"),
    ("zh", "已预约派送时间", "OutForDelivery_004"),
    ("zh", "已放入快递柜", "AvailableForPickup_001"),
    ("zh", "快件已存放至菜鸟驿站，请凭取件码取件", "AvailableForPickup_001"),
    ("zh", "您的快件已暂存至丰巢智能柜，请及时取件", "AvailableForPickup_001"),
    ("zh", "快件已投递至自提点", "AvailableForPickup_001"),
    ("zh", "已入柜", "AvailableForPickup_001"),
    ("zh", "快件已到达驿站", "AvailableForPickup_001"),
    ("zh", "待取件", "AvailableForPickup_001"),
    ("zh", "已签收", "Delivered_001"),
    ("zh", "快件已签收，签收人：前台", "Delivered_001"),
    ("zh", "妥投", "Delivered_001"),
    ("zh", "邮件已妥投", "Delivered_001"),
    ("zh", "已送达", "Delivered_001"),
    ("zh", "您的订单已完成配送", "Delivered_001"),
    ("zh", "快件已由物业代收签收", "Delivered_001"),
    ("zh", "邻居代收", "Delivered_005"),
    ("zh", "已完成取件", "Delivered_002"),
    ("zh", "快件已从快递柜取出", "Delivered_002"),
    ("zh", "已出柜", "Delivered_002"),
    ("zh", "派送失败", "AttemptFail_001"),
    ("zh", "投递失败", "AttemptFail_001"),
    ("zh", "未妥投", "AttemptFail_001"),
    ("zh", "快件未能投递", "AttemptFail_001"),
    ("zh", "派件不成功，将再次派送", "AttemptFail_001"),
    ("zh", "收件人不在家，无法投递", "AttemptFail_002"),
    ("zh", "电话无人接听", "AttemptFail_001"),
    ("zh", "无法联系收件人", "AttemptFail_001"),
    ("zh", "收件人电话关机", "AttemptFail_001"),
    ("zh", "收件单位休息，改日派送", "AttemptFail_003"),
    ("zh", "公司已下班，无人签收", "AttemptFail_003"),
    ("zh", "疑难件", "Exception_001"),
    ("zh", "快件异常", "Exception_001"),
    ("zh", "拒收", "Exception_003"),
    ("zh", "收件人拒绝签收", "Exception_003"),
    ("zh", "客户拒收，快件将退回", "Exception_010"),
    ("zh", "快件延误", "Exception_005"),
    ("zh", "地址错误", "Exception_007"),
    ("zh", "查无此人", "Exception_007"),
    ("zh", "快件超期未取，即将退回", "Exception_010"),
    ("zh", "逾期未领取", "Exception_008"),
    ("zh", "违禁品，无法寄递", "Exception_009"),
    ("zh", "安检未通过", "Exception_009"),
    ("zh", "快件已被拦截", "Exception_010"),
    ("zh", "快件正在退回寄件人途中", "Exception_010"),
    ("zh", "退回件已由寄件人签收", "Exception_011"),
    ("zh", "包裹外包装破损", "Exception_012"),
    ("zh", "快件丢失", "Exception_013"),
    ("zh", "受暴雨天气影响，派送延迟", "Exception_017"),
    ("zh", "航班延误", "Exception_019"),
    ("zh", "订单已取消", "Exception_020"),
    ("zh", "包裹已销毁", "Exception_021"),
    ("zh", "【广州市】广州白云邮政营业部已收寄", "InTransit_002"),
    ("zh", "邮件已封发，正发往【上海国际邮件处理中心】", "InTransit_007"),
    ("zh", "出口封发", "InTransit_007"),
    ("zh", "已交航空公司运输", "InTransit_007"),
    ("zh", "邮件已到达【北京邮件处理中心】", "InTransit_003"),
    ("zh", "进口开拆", "InTransit_003"),
    ("zh", "邮件正在投递", "OutForDelivery_001"),
    ("zh", "投递并签收，签收人：他人收", "Delivered_001"),
    ("zh", "未妥投，原因：收件人不在", "AttemptFail_002"),
    ("zh", "已投递至智能包裹柜，请凭取件码取件", "AvailableForPickup_001"),
    ("zh", "快件派送不成功(因收方客户原因)，待再次派送", "AttemptFail_001"),
    ("zh", "收方客户要求延期派送", "OutForDelivery_004"),
    ("zh", "因天气原因，快件延误", "Exception_017"),
    ("zh", "快件已退回", "Exception_010"),
    ("zh", "您的快件已放入【金地小区】快递柜", "AvailableForPickup_001"),
    ("zh", "快件已在【杭州】签收,签收人:本人", "Delivered_003"),
    ("zh", "江苏无锡公司进行揽件扫描", "InTransit_002"),
    ("zh", "江苏无锡分拨中心进行发出扫描，将发往：四川成都分拨中心", "InTransit_007"),
    ("zh", "到达目的地网点四川成都高新区公司，快件将很快进行派送", "InTransit_003"),
    ("zh", "四川成都高新区公司进行派件扫描；派送业务员：张三", "OutForDelivery_001"),
    ("zh", "您的订单已拣货完成", "InfoReceived_001"),
    ("zh", "您的订单已到达【成都高新站】", "InTransit_003"),
    ("zh", "您的订单已由【小区物业】代收", "Delivered_001"),
    ("zh", "您的包裹已到菜鸟驿站，请凭取件码取件", "AvailableForPickup_001"),
    ("zh", "快件已从丰巢柜取出", "Delivered_002"),
    ("zh", "您的快件已被德邦揽收", "InTransit_002"),
    ("zh", "包裹已到达中转仓", "InTransit_003"),
    ("zh", "干线运输开始", "InTransit_001"),
    ("zh", "已离开始发国", "InTransit_007"),
    ("zh", "包裹已交付尾程服务商", "InTransit_001"),
    ("zh", "包裹已到达海外仓", "InTransit_003"),
    ("zh", "包裹已到达目的地分拨中心", "InTransit_003"),
    ("zh", "航班已抵达目的地", "InTransit_004"),
    ("zh", "已到达进口国", "InTransit_004"),
    ("zh", "出口清关完成", "InTransit_005"),
    ("zh", "开始出口清关", "InTransit_006"),
    ("zh", "到达海关监管仓", "InTransit_006"),
    ("zh", "包裹在海关查验", "Exception_004"),
    ("zh", "包裹丢失", "Exception_013"),
    ("zh", "快件外包装破损，已联系寄件人", "Exception_012"),
    ("zh", "投递员已领取邮件，正在投递", "OutForDelivery_001"),
    ("zh", "快件已被本人签收", "Delivered_003"),
    ("zh", "收件人已签收", "Delivered_001"),
    ("zh", "快件已交付，签收人：门卫", "Delivered_001"),
    ("zh", "已签收，收件人家人代收", "Delivered_001"),
    ("zh", "快件未签收", "AttemptFail_001"),
    ("zh", "快件尚未签收，快递员将再次派送", "AttemptFail_001"),
    ("zh", "到达寄达地", "InTransit_004"),
    ("zh", "邮件离开处理中心", "InTransit_007"),
    ("zh", "收件人地址不存在，无法投递", "Exception_007"),
    ("zh", "包裹已交付给当地派送公司", "InTransit_001"),
    ("zh", "包裹在转运中心等待装车", "InTransit_001"),
    ("zh", "商家已发货，等待快递揽收", "InfoReceived_001"),
    ("zh", "已到达中国境内处理中心", "InTransit_003"),
    ("zh", "快件已由前台签收", "Delivered_001"),
    ("zh", "快件已放在门口", "Delivered_001"),
    ("zh", "快递已送到家门口", "Delivered_001"),
    ("zh", "包裹已投递到信报箱", "Delivered_001"),
    ("zh", "收件人已取走快件", "Delivered_002"),
    ("zh", "快递员已揽件，准备发往分拨中心", "InTransit_002"),
    ("zh", "您的快件正在派送途中，请保持电话畅通", "OutForDelivery_001"),
    ("zh", "快件正在发往【北京转运中心】", "InTransit_007"),
    ("zh", "包裹已离开深圳，运往目的国", "InTransit_007"),
    ("zh", "包裹正在等待航班", "InTransit_001"),
    ("zh", "您的订单已拣货", "InfoReceived_001"),
    ("zh", "已由门卫签收", "Delivered_001"),
    ("zh", "仓库已收到您的包裹", "InTransit_003"),
    ("zh", "包裹已入库", "InTransit_003"),
    ("zh", "包裹已到达揽收仓", "InTransit_003"),
    ("zh", "包裹离开揽收仓", "InTransit_007"),
    ("zh", "货物已收到", "InTransit_003"),
    ("zh", "已交接给航空公司", "InTransit_007"),
    ("zh", "包裹已装机", "InTransit_007"),
    ("zh", "包裹已到达收件人所在国家", "InTransit_004"),
    ("zh", "包裹已被海关没收", "Exception_004"),
    ("zh", "买家已确认收货", "Delivered_001"),
    ("zh", "卖家尚未发货", "InfoReceived_001"),
    ("zh", "商品备货中", "InfoReceived_001"),
    ("zh", "待发货", "InfoReceived_001"),
    ("zh", "您的快递已存入近邻宝，取件码123456", "AvailableForPickup_001"),
    ("zh", "快件已到达兔喜快递超市", "AvailableForPickup_001"),
    ("zh", "您的快递已存入丰巢柜", "AvailableForPickup_001"),
]

# ja: Japan Post status names (引受, 中継, 到着, 持ち出し中, お届け済み, 持ち戻り, 保管,
# 窓口でお渡し, 国際交換局, 通関, 返送, 転送) and the courier wording of Yamato, Sagawa, Seino and
# Fukuyama, in short and polite forms.
JAPANESE: list[tuple[str, str, str]] = [
    ("ja", "お荷物を引き受けました", "InTransit_002"),
    ("ja", "お荷物を集荷しました", "InTransit_002"),
    ("ja", "配達店に到着しました", "InTransit_003"),
    ("ja", "営業所に到着", "InTransit_003"),
    ("ja", "国際交換局から発送", "InTransit_007"),
    ("ja", "国際交換局に到着", "InTransit_003"),
    ("ja", "日本に到着しました", "InTransit_004"),
    ("ja", "通関手続き中です", "InTransit_006"),
    ("ja", "通関手続完了", "InTransit_005"),
    ("ja", "税関から発送", "InTransit_005"),
    ("ja", "税関検査のため保留中", "Exception_004"),
    ("ja", "関税等のお支払いが必要です", "Exception_006"),
    ("ja", "お届けに向かっています", "OutForDelivery_001"),
    ("ja", "本日お届け予定です", "OutForDelivery_001"),
    ("ja", "お届け完了", "Delivered_001"),
    ("ja", "郵便受箱に配達", "Delivered_001"),
    ("ja", "宅配ボックスに配達しました", "Delivered_001"),
    ("ja", "お届けが完了しました", "Delivered_001"),
    ("ja", "配達済み", "Delivered_001"),
    ("ja", "営業所でお受け取り済み", "Delivered_002"),
    ("ja", "ご本人様にお渡ししました", "Delivered_003"),
    ("ja", "お隣の方にお預けしました", "Delivered_005"),
    ("ja", "不在持戻", "AttemptFail_002"),
    ("ja", "配達できませんでした", "AttemptFail_001"),
    ("ja", "お届けできませんでした", "AttemptFail_001"),
    ("ja", "休業日のため持ち戻り", "AttemptFail_003"),
    ("ja", "郵便局で保管しています", "AvailableForPickup_001"),
    ("ja", "営業所にて保管中", "AvailableForPickup_001"),
    ("ja", "コンビニに到着しました", "AvailableForPickup_001"),
    ("ja", "宅配便ロッカーに到着", "AvailableForPickup_001"),
    ("ja", "営業所止め", "AvailableForPickup_001"),
    ("ja", "お届け予定日時変更", "OutForDelivery_004"),
    ("ja", "再配達のご依頼を受け付けました", "OutForDelivery_004"),
    ("ja", "転居先へ転送", "InTransit_009"),
    ("ja", "差出人に返還済み", "Exception_011"),
    ("ja", "受け取りを拒否されました", "Exception_003"),
    ("ja", "あて所に尋ねあたりません", "Exception_007"),
    ("ja", "住所不明", "Exception_007"),
    ("ja", "保管期間経過", "Exception_008"),
    ("ja", "保管期限切れのため返送", "Exception_010"),
    ("ja", "破損", "Exception_012"),
    ("ja", "紛失", "Exception_013"),
    ("ja", "遅延", "Exception_005"),
    ("ja", "悪天候のため遅延", "Exception_017"),
    ("ja", "航空便の遅延", "Exception_019"),
    ("ja", "欠航のため遅延しています", "Exception_019"),
    ("ja", "キャンセル", "Exception_020"),
    ("ja", "取消", "Exception_020"),
    ("ja", "廃棄", "Exception_021"),
    ("ja", "伝票番号未登録", "Pending_001"),
    ("ja", "お問い合わせ番号が見つかりません", "Pending_004"),
    ("ja", "出荷準備中", "InfoReceived_001"),
    ("ja", "送り状発行済み", "InfoReceived_001"),
    ("ja", "発送予定", "InfoReceived_001"),
    ("ja", "配達店から持ち出し", "OutForDelivery_001"),
    ("ja", "誤仕分けのため遅延", "Exception_016"),
    ("ja", "輸送中に破損しました", "Exception_012"),
    ("ja", "輸入禁制品のため差出人に返送", "Exception_010"),
    ("ja", "配達完了（郵便受け）", "Delivered_001"),
    ("ja", "ドライバーが配達に向かっています", "OutForDelivery_001"),
    ("ja", "お届け先にお届けしました", "Delivered_001"),
    ("ja", "営業所到着", "InTransit_003"),
    ("ja", "センター止め", "AvailableForPickup_001"),
    ("ja", "コンビニ止め", "AvailableForPickup_001"),
    ("ja", "集荷いたしました", "InTransit_002"),
    ("ja", "お荷物のお届けが完了しました", "Delivered_001"),
    ("ja", "営業所へ到着しました", "InTransit_003"),
    ("ja", "ご不在のため持ち戻りました", "AttemptFail_002"),
    ("ja", "不在のため持ち帰りました", "AttemptFail_002"),
    ("ja", "配達業務完了", "Delivered_001"),
    ("ja", "配達済", "Delivered_001"),
    ("ja", "配完", "Delivered_001"),
    ("ja", "お届け先が休日のため保管", "AvailableForPickup_001"),
    ("ja", "外国から到着", "InTransit_004"),
    ("ja", "通関検査中", "InTransit_006"),
    ("ja", "通関手続中（税関検査）", "InTransit_006"),
    ("ja", "返送（保管期間経過）", "Exception_010"),
    ("ja", "差出人に返送（受取拒否）", "Exception_010"),
    ("ja", "あて所不明のため差出人に返送", "Exception_010"),
    ("ja", "保管期間経過のため返送", "Exception_010"),
    ("ja", "転居先不明", "Exception_002"),
    ("ja", "宛所尋ねあたらず", "Exception_007"),
    ("ja", "ご依頼主様へ返品", "Exception_010"),
    ("ja", "引受（国際）", "InTransit_002"),
    ("ja", "国内発送", "InTransit_007"),
    ("ja", "配達日・時間帯指定", "OutForDelivery_004"),
    ("ja", "ご指定の日時にお届けします", "OutForDelivery_004"),
    ("ja", "お届け予定", "InTransit_001"),
    ("ja", "調査中（お問い合わせください）", "Exception_001"),
    ("ja", "お荷物をお預かりしました", "InTransit_002"),
    ("ja", "お預かり中", "AvailableForPickup_001"),
    ("ja", "引渡完了", "Delivered_001"),
    ("ja", "店頭でお渡し済み", "Delivered_002"),
    ("ja", "宅配便ロッカーから受け取られました", "Delivered_002"),
    ("ja", "お受け取り済み", "Delivered_001"),
    ("ja", "台風の影響で遅延", "Exception_017"),
    ("ja", "大雪のため配達を見合わせ", "Exception_017"),
    ("ja", "お届けが遅れています", "Exception_005"),
    ("ja", "配達されませんでした", "AttemptFail_001"),
    ("ja", "受取人不在", "AttemptFail_002"),
    ("ja", "住所・氏名不明のため持ち戻り", "Exception_007"),
    ("ja", "配達先不明", "Exception_007"),
    ("ja", "配達を試みましたが、ご不在でした", "AttemptFail_002"),
    ("ja", "お届けを試みました", "AttemptFail_001"),
    ("ja", "持ち帰り", "AttemptFail_001"),
    ("ja", "ご不在連絡票を投函しました", "AttemptFail_002"),
    ("ja", "出荷しました", "InTransit_007"),
    ("ja", "発送いたしました", "InTransit_007"),
    ("ja", "到着いたしました", "InTransit_003"),
    ("ja", "配達員が向かっています", "OutForDelivery_001"),
    ("ja", "メーターボックスに配達しました", "Delivered_001"),
    ("ja", "玄関前に置き配しました", "Delivered_001"),
    ("ja", "郵便局でお受け取りいただけます", "AvailableForPickup_001"),
    ("ja", "お受け取り可能です", "AvailableForPickup_001"),
    ("ja", "受け取り可能になりました", "AvailableForPickup_001"),
    ("ja", "お届けにあがりましたが、ご不在でした", "AttemptFail_002"),
    ("ja", "配達を完了しました", "Delivered_001"),
    ("ja", "お荷物をお届けしました", "Delivered_001"),
    ("ja", "受取人様にお渡ししました", "Delivered_001"),
    ("ja", "ご依頼主へ返送いたします", "Exception_010"),
    ("ja", "発送元へ返送しました", "Exception_010"),
    ("ja", "通関手続きが完了しました", "InTransit_005"),
    ("ja", "輸入許可", "InTransit_005"),
    ("ja", "関税のお支払いをお願いします", "Exception_006"),
    ("ja", "郵便局に到着しました", "InTransit_003"),
    ("ja", "中継センターに到着", "InTransit_003"),
    ("ja", "ベース店を出発しました", "InTransit_007"),
    ("ja", "お届け予定日：明日", "InTransit_001"),
    ("ja", "配達予定日が変更されました", "OutForDelivery_004"),
    ("ja", "お荷物の受け取りが完了しました", "Delivered_001"),
    ("ja", "店舗にてお受け取り済み", "Delivered_002"),
    ("ja", "PUDOステーションに到着しました", "AvailableForPickup_001"),
    ("ja", "配達完了（玄関前）", "Delivered_001"),
    ("ja", "配達完了(ご本人様)", "Delivered_001"),
    ("ja", "お届け先住所不完全のため調査中", "Exception_007"),
    ("ja", "明日お客様にお届けします", "InTransit_001"),
    ("ja", "翌日午前中に配達いたします", "InTransit_001"),
    ("ja", "局内作業中です", "InTransit_001"),
    ("ja", "配達希望受付（郵便局で保管中）", "OutForDelivery_004"),
    ("ja", "集荷予定日：明日", "InfoReceived_001"),
    ("ja", "ご不在のため郵便局で保管しています", "AttemptFail_002"),
    ("ja", "お荷物の受け取りを辞退されました", "Exception_003"),
    ("ja", "到着予定日時は明日です", "InTransit_001"),
    ("ja", "お届け先の住所が不明なため、お届けできませんでした", "Exception_007"),
    ("ja", "置き配にてお届けしました", "Delivered_001"),
    ("ja", "配達の試みがありました", "AttemptFail_001"),
    ("ja", "宅急便の遅れ", "Exception_005"),
]

# ko: CJ Logistics, Lotte, Hanjin, Logen, Kyungdong, GS Postbox and Korea Post steps (집화처리, 간선상차/하차,
# 배송출발, 배달완료, 미배달, 보관, 반송) with and without the space between the parts.
KOREAN: list[tuple[str, str, str]] = [
    ("ko", "상품을 인수하였습니다", "InTransit_002"),
    ("ko", "터미널 입고", "InTransit_003"),
    ("ko", "이동중", "InTransit_001"),
    ("ko", "배송기사가 배송을 시작했습니다", "OutForDelivery_001"),
    ("ko", "배송이 완료되었습니다", "Delivered_001"),
    ("ko", "고객님께 상품이 전달되었습니다", "Delivered_001"),
    ("ko", "문앞에 배송 완료", "Delivered_001"),
    ("ko", "경비실에 보관", "Delivered_001"),
    ("ko", "본인수령", "Delivered_001"),
    ("ko", "이웃에게 전달", "Delivered_005"),
    ("ko", "편의점 픽업완료", "Delivered_002"),
    ("ko", "무인택배함 보관", "AvailableForPickup_001"),
    ("ko", "편의점 도착", "AvailableForPickup_001"),
    ("ko", "보관중", "AvailableForPickup_001"),
    ("ko", "미배달", "AttemptFail_001"),
    ("ko", "배달하지 못했습니다", "AttemptFail_001"),
    ("ko", "수취인 부재", "AttemptFail_002"),
    ("ko", "폐문부재", "AttemptFail_002"),
    ("ko", "연락두절", "AttemptFail_002"),
    ("ko", "휴무로 배달하지 못함", "AttemptFail_003"),
    ("ko", "주소불명", "Exception_007"),
    ("ko", "수취인불명", "Exception_007"),
    ("ko", "수취거절", "Exception_003"),
    ("ko", "수령을 거부하셨습니다", "Exception_003"),
    ("ko", "반송", "Exception_010"),
    ("ko", "반송중", "Exception_010"),
    ("ko", "반송완료", "Exception_011"),
    ("ko", "반품회수완료", "Exception_011"),
    ("ko", "분실", "Exception_013"),
    ("ko", "파손", "Exception_012"),
    ("ko", "배송지연", "Exception_005"),
    ("ko", "기상악화로 인한 배송지연", "Exception_017"),
    ("ko", "태풍으로 배송이 지연되고 있습니다", "Exception_017"),
    ("ko", "항공편 지연", "Exception_019"),
    ("ko", "오분류로 인한 지연", "Exception_016"),
    ("ko", "통관진행중", "InTransit_006"),
    ("ko", "통관검사대기", "InTransit_006"),
    ("ko", "통관완료", "InTransit_005"),
    ("ko", "수입신고수리", "InTransit_005"),
    ("ko", "통관보류", "Exception_004"),
    ("ko", "관부가세 납부 필요", "Exception_006"),
    ("ko", "교환국 도착", "InTransit_004"),
    ("ko", "국내 도착", "InTransit_004"),
    ("ko", "주소변경으로 재배송", "InTransit_009"),
    ("ko", "취소", "Exception_020"),
    ("ko", "접수취소", "Exception_020"),
    ("ko", "보관기간 만료", "Exception_008"),
    ("ko", "폐기", "Exception_021"),
    ("ko", "운송장 등록", "InfoReceived_001"),
    ("ko", "상품준비중", "InfoReceived_001"),
    ("ko", "집하예정", "InfoReceived_001"),
    ("ko", "배달예정", "OutForDelivery_001"),
    ("ko", "내일 배송 예정", "InTransit_001"),
    ("ko", "배송지 도착", "InTransit_003"),
    ("ko", "창구교부", "Delivered_002"),
    ("ko", "인수자등록", "Delivered_001"),
    ("ko", "금지물품으로 발송 불가", "Exception_009"),
    ("ko", "조회된 정보가 없습니다", "Pending_001"),
    ("ko", "집하", "InTransit_002"),
    ("ko", "집화완료", "InTransit_002"),
    ("ko", "상품접수", "InTransit_002"),
    ("ko", "터미널입고", "InTransit_003"),
    ("ko", "영업소 도착", "InTransit_003"),
    ("ko", "상품이 발송되었습니다", "InTransit_007"),
    ("ko", "우편물이 도착하였습니다", "InTransit_003"),
    ("ko", "배달준비중", "OutForDelivery_001"),
    ("ko", "배달중", "OutForDelivery_001"),
    ("ko", "고객님의 상품을 배달완료하였습니다", "Delivered_001"),
    ("ko", "미배달(수취인부재)", "AttemptFail_002"),
    ("ko", "미배달(폐문부재)", "AttemptFail_002"),
    ("ko", "미배달(주소불명)", "Exception_007"),
    ("ko", "미배달(수취거절)", "Exception_003"),
    ("ko", "수취인 부재로 배달하지 못했습니다", "AttemptFail_002"),
    ("ko", "점포접수", "InTransit_002"),
    ("ko", "편의점 접수", "InTransit_002"),
    ("ko", "점포도착", "AvailableForPickup_001"),
    ("ko", "도착점포 입고", "AvailableForPickup_001"),
    ("ko", "수령완료", "Delivered_001"),
    ("ko", "보관함 보관", "AvailableForPickup_001"),
    ("ko", "택배함에 보관되었습니다", "AvailableForPickup_001"),
    ("ko", "교환국 발송", "InTransit_007"),
    ("ko", "해외 발송", "InTransit_007"),
    ("ko", "항공기 출발", "InTransit_007"),
    ("ko", "통관 대기", "InTransit_006"),
    ("ko", "세관 검사 중", "Exception_004"),
    ("ko", "수입 통관 완료", "InTransit_005"),
    ("ko", "반송 처리", "Exception_010"),
    ("ko", "발송인에게 반송", "Exception_010"),
    ("ko", "반송 배달완료", "Exception_011"),
    ("ko", "운송장 출력", "InfoReceived_001"),
    ("ko", "배송준비중", "InfoReceived_001"),
    ("ko", "상품 이동중", "InTransit_001"),
    ("ko", "간선 상차", "InTransit_007"),
    ("ko", "배송지연 안내", "Exception_005"),
    ("ko", "주소지 오류", "Exception_007"),
    ("ko", "물품 분실", "Exception_013"),
    ("ko", "상품 파손", "Exception_012"),
    ("ko", "미수령 반송", "Exception_010"),
    ("ko", "고객님의 상품이 배송지에 도착하였습니다 (배송예정 14시~16시)", "InTransit_003"),
    ("ko", "반송(수취거절)", "Exception_010"),
    ("ko", "수취인 불명으로 반송", "Exception_010"),
    ("ko", "반송(수취인 이사)", "Exception_010"),
    ("ko", "배송을 시작합니다", "OutForDelivery_001"),
    ("ko", "배달을 완료했습니다", "Delivered_001"),
    ("ko", "상품을 발송했습니다", "InTransit_007"),
    ("ko", "고객님의 상품을 집하하였습니다", "InTransit_002"),
    ("ko", "배송기사님이 배송 중입니다", "OutForDelivery_001"),
    ("ko", "부재중으로 배달하지 못했습니다", "AttemptFail_002"),
    ("ko", "경비실에 맡겼습니다", "Delivered_001"),
    ("ko", "문 앞에 두었습니다", "Delivered_001"),
    ("ko", "무인택배함에 보관하였습니다", "AvailableForPickup_001"),
    ("ko", "편의점에 도착했습니다", "AvailableForPickup_001"),
    ("ko", "반송되었습니다", "Exception_010"),
    ("ko", "통관이 완료되었습니다", "InTransit_005"),
    ("ko", "수입신고 수리", "InTransit_005"),
    ("ko", "해외 현지 출고", "InTransit_007"),
    ("ko", "인천공항 도착", "InTransit_004"),
    ("ko", "우편물을 접수하였습니다", "InTransit_002"),
    ("ko", "우체국에 보관 중입니다", "AvailableForPickup_001"),
    ("ko", "배송이 지연되고 있습니다", "Exception_005"),
    ("ko", "배송지 주소가 불명확합니다", "Exception_007"),
    ("ko", "수취인이 수령을 거절하였습니다", "Exception_003"),
    ("ko", "물품이 분실되었습니다", "Exception_013"),
    ("ko", "물건이 파손되었습니다", "Exception_012"),
    ("ko", "주문이 취소되었습니다", "Exception_020"),
    ("ko", "상품 준비 중", "InfoReceived_001"),
    ("ko", "판매자가 발송 준비 중입니다", "InfoReceived_001"),
    ("ko", "배송 준비 완료", "InfoReceived_001"),
    ("ko", "통관 및 반출 완료", "InTransit_005"),
    ("ko", "항공사에 인계", "InTransit_007"),
    ("ko", "발송교환국에 도착하였습니다", "InTransit_003"),
    ("ko", "상대국 도착", "InTransit_004"),
    ("ko", "인수자 : 경비실", "Delivered_001"),
    ("ko", "도착 예정일 안내", "InTransit_001"),
    ("ko", "부재로 인해 경비실에 보관하였습니다", "Delivered_001"),
    ("ko", "부재중이셔서 문 앞에 두고 갑니다", "Delivered_001"),
    ("ko", "부재로 무인택배함에 보관", "AvailableForPickup_001"),
    ("ko", "주소지 변경", "InTransit_009"),
    ("ko", "배송지 변경 완료", "InTransit_009"),
    ("ko", "관부가세 미납", "Exception_006"),
]

# zh in traditional characters (Taiwan, Hong Kong): the same concepts through the rule file's `variants`, with
# the words of the convenience-store and post-office pickups there.
TRADITIONAL: list[tuple[str, str, str]] = [
    ("zh", "訂單已成立", "InfoReceived_001"),
    ("zh", "等待快遞員攬收", "InfoReceived_001"),
    ("zh", "快件已被攬收", "InTransit_002"),
    ("zh", "郵件已交寄", "InTransit_002"),
    ("zh", "寄件門市已收件", "InTransit_002"),
    ("zh", "已集貨", "InTransit_002"),
    ("zh", "快件已到達【新北轉運中心】", "InTransit_003"),
    ("zh", "快件離開【桃園】，發往【台中】", "InTransit_007"),
    ("zh", "物流中心理貨中", "InTransit_001"),
    ("zh", "包裹運輸中", "InTransit_001"),
    ("zh", "進口清關中", "InTransit_006"),
    ("zh", "包裹已通關放行", "InTransit_005"),
    ("zh", "海關查驗中", "Exception_004"),
    ("zh", "需繳納關稅", "Exception_006"),
    ("zh", "包裹已抵達目的國", "InTransit_004"),
    ("zh", "派送中，請保持電話暢通", "OutForDelivery_001"),
    ("zh", "郵件派遞中", "OutForDelivery_001"),
    ("zh", "快遞員正在派件", "OutForDelivery_001"),
    ("zh", "已簽收，簽收人：管理室", "Delivered_001"),
    ("zh", "郵件已投遞成功", "Delivered_001"),
    ("zh", "已成功派遞", "Delivered_001"),
    ("zh", "本人簽收", "Delivered_003"),
    ("zh", "包裹已送達取件門市", "AvailableForPickup_001"),
    ("zh", "包裹已到店，請於七天內取貨", "AvailableForPickup_001"),
    ("zh", "招領中，請至郵局領取", "AvailableForPickup_001"),
    ("zh", "已放入智能櫃，請憑取件碼取件", "AvailableForPickup_001"),
    ("zh", "買家已完成取貨", "Delivered_002"),
    ("zh", "門市取件成功", "Delivered_002"),
    ("zh", "派遞不成功，收件人不在家", "AttemptFail_002"),
    ("zh", "投遞失敗", "AttemptFail_001"),
    ("zh", "電話無人接聽", "AttemptFail_001"),
    ("zh", "收件人拒收", "Exception_003"),
    ("zh", "地址錯誤，無法投遞", "Exception_007"),
    ("zh", "逾期未取", "Exception_008"),
    ("zh", "退回寄件人", "Exception_010"),
    ("zh", "退件已簽收", "Exception_011"),
    ("zh", "包裹遺失", "Exception_013"),
    ("zh", "外箱破損", "Exception_012"),
    ("zh", "颱風影響，配送延遲", "Exception_017"),
    ("zh", "訂單已取消", "Exception_020"),
    ("zh", "客戶另約時間配送", "OutForDelivery_004"),
    ("zh", "調查處理中", "Exception_001"),
    ("zh", "暫無物流資訊", "Pending_001"),
    ("zh", "郵件正等待收件人領取", "AvailableForPickup_001"),
    ("zh", "郵件已交回寄件人", "Exception_011"),
    ("zh", "郵件將於下一個工作日派遞", "InTransit_001"),
    ("zh", "郵件正在處理", "InTransit_001"),
    ("zh", "未妥投，郵件招領中", "AvailableForPickup_001"),
    ("zh", "郵件已派送至收件人", "Delivered_001"),
    ("zh", "郵件已由收件人領取", "Delivered_002"),
]

FORMS = CHINESE + JAPANESE + KOREAN + TRADITIONAL


test_concept_is_read_from_the_text_alone = read_alone_check(FORMS)


test_concept_is_read_by_rules_with_language_given = read_by_rules_check(FORMS)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("10", "InfoReceived_001"), ("201", "InTransit_003"), ("206", "InTransit_007"),
        ("202", "OutForDelivery_001"), ("211", "AvailableForPickup_001"), ("304", "Delivered_001"),
        ("311", "Delivered_002"), ("401", "Pending_002"), ("404", "Exception_003"),
        ("406", "Exception_011"), ("407", "Exception_010"), ("412", "Exception_008"),
        ("413", "Exception_010"), ("415", "Exception_020"), ("416", "AttemptFail_002"),
        ("418", "Delivered_002"), ("420", "Exception_007"), ("422", "Exception_016"),
        ("603", "InTransit_005"), ("604", "Exception_004"),
    ],
)  # fmt: skip
def test_kdniao_state_codes_place_the_event(code: str, expected: str) -> None:
    result = classify("", carrier="kdniao", code=code)
    assert result.subtag == Subtag(expected), (code, result)
    assert result.rule == f"code:kdniao:{code}"


def test_kdniao_main_state_defers_to_the_trace_text() -> None:
    # State 3 says only "signed"; the text says the parcel waits at a station.
    text = "您的包裹已存放至【东门菜鸟驿站】，请凭取件码 3-1-2208 取件"
    assert classify(text, carrier="kdniao", code="3").subtag is Subtag.AvailableForPickup_001
    assert classify("", carrier="快递鸟", code="3").subtag is Subtag.Delivered_001


# Simplified characters with a distinct traditional form (simplified, traditional), independent of the rule
# file: any of them used in a Chinese pattern must be listed in the file's `variants`.
_PAIRS = (
    "万萬 与與 专專 业業 东東 丢丟 两兩 严嚴 丧喪 个個 丰豐 临臨 为為 丽麗 举舉 义義 乐樂 "
    "乔喬 习習 乡鄉 书書 买買 乱亂 争爭 于於 亏虧 云雲 亚亞 产產 亲親 亿億 仅僅 从從 仑崙 "
    "仓倉 仪儀 们們 价價 众眾 优優 会會 伞傘 伟偉 传傳 伤傷 伪偽 体體 侧側 储儲 儿兒 兰蘭 "
    "关關 内內 写寫 冲衝 决決 况況 净淨 凉涼 减減 几幾 凤鳳 凭憑 刘劉 则則 刚剛 创創 别別 "
    "剂劑 办辦 务務 动動 劳勞 势勢 区區 华華 协協 单單 卖賣 卢盧 卫衛 厂廠 厅廳 历歷 压壓 "
    "县縣 参參 双雙 发發 变變 叶葉 号號 后後 吗嗎 听聽 启啟 员員 响響 团團 囯國 围圍 国國 "
    "图圖 圆圓 场場 坏壞 块塊 坚堅 壳殼 处處 备備 复復 头頭 夹夾 夺奪 奋奮 妇婦 学學 宁寧 "
    "宝寶 实實 审審 宽寬 宾賓 对對 寻尋 导導 将將 尝嘗 尽盡 层層 属屬 岁歲 岛島 币幣 师師 "
    "帐帳 带帶 帮幫 干幹 广廣 庄莊 庆慶 库庫 应應 庙廟 开開 异異 张張 弹彈 归歸 当當 录錄 "
    "彻徹 忆憶 态態 总總 恶惡 惊驚 愿願 战戰 户戶 执執 扩擴 扫掃 护護 报報 担擔 拟擬 拣揀 "
    "拥擁 拦攔 拨撥 择擇 挂掛 挡擋 损損 换換 据據 揽攬 携攜 摄攝 数數 断斷 无無 旧舊 时時 "
    "旷曠 显顯 晓曉 暂暫 术術 机機 杂雜 权權 条條 来來 杰傑 极極 构構 柜櫃 标標 样樣 桥橋 "
    "梦夢 检檢 楼樓 欢歡 毁毀 毕畢 气氣 汇匯 汉漢 汤湯 沟溝 没沒 沪滬 泪淚 泽澤 洁潔 浅淺 "
    "测測 济濟 涂塗 涛濤 润潤 涨漲 渐漸 温溫 湾灣 滞滯 满滿 灯燈 灵靈 灾災 炉爐 点點 烟煙 "
    "热熱 爱愛 爷爺 牵牽 状狀 犹猶 独獨 狭狹 猎獵 猪豬 环環 现現 琼瓊 电電 画畫 畅暢 畴疇 "
    "疗療 疯瘋 痒癢 监監 盖蓋 盗盜 盘盤 睁睜 矿礦 码碼 础礎 确確 碍礙 祸禍 离離 秃禿 种種 "
    "积積 称稱 税稅 稳穩 穷窮 窝窩 竖豎 竞競 笔筆 笼籠 筑築 签簽 简簡 类類 粪糞 粮糧 紧緊 "
    "纠糾 红紅 纤纖 约約 纪紀 纯純 纱紗 纲綱 纳納 纵縱 纷紛 纸紙 线線 练練 组組 细細 织織 "
    "终終 绍紹 经經 绑綁 结結 绕繞 绘繪 给給 络絡 绝絕 绞絞 统統 绢絹 绣繡 继繼 绩績 续續 "
    "绳繩 维維 绵綿 绷繃 综綜 绽綻 绿綠 缆纜 缓緩 缕縷 编編 缘緣 缝縫 缠纏 缩縮 缴繳 网網 "
    "罗羅 罚罰 罢罷 羡羨 翘翹 耸聳 聋聾 职職 联聯 聪聰 肃肅 肠腸 肤膚 肿腫 胀脹 胁脅 胜勝 "
    "脉脈 脏髒 脑腦 脚腳 腊臘 舆輿 舰艦 舱艙 艰艱 艺藝 节節 芦蘆 苍蒼 苏蘇 范範 荣榮 药藥 "
    "莲蓮 获獲 萝蘿 营營 蓝藍 虏虜 虑慮 虚虛 虫蟲 蚀蝕 蛮蠻 衔銜 补補 衬襯 袜襪 装裝 见見 "
    "观觀 规規 觅覓 视視 览覽 觉覺 触觸 誉譽 计計 订訂 认認 让讓 议議 讯訊 记記 讲講 讳諱 "
    "许許 论論 讼訟 设設 访訪 证證 评評 识識 诈詐 诉訴 诊診 词詞 译譯 试試 诗詩 诚誠 话話 "
    "询詢 该該 详詳 语語 误誤 诱誘 说說 请請 诸諸 诺諾 读讀 课課 谁誰 调調 谅諒 谈談 谋謀 "
    "谍諜 谎謊 谓謂 谜謎 谢謝 谣謠 谦謙 谨謹 谱譜 贝貝 贞貞 负負 贡貢 财財 责責 贤賢 败敗 "
    "账賬 货貨 质質 贩販 贪貪 贫貧 购購 贯貫 贱賤 贴貼 贵貴 贷貸 贸貿 费費 贺賀 贼賊 资資 "
    "赋賦 赌賭 赏賞 赔賠 赖賴 赚賺 赛賽 赞贊 赠贈 赵趙 赶趕 趋趨 跃躍 践踐 踪蹤 车車 轧軋 "
    "轨軌 转轉 轮輪 软軟 轰轟 轻輕 载載 轿轎 较較 辅輔 辆輛 辈輩 辉輝 辑輯 输輸 辖轄 辞辭 "
    "辩辯 边邊 辽遼 达達 迁遷 过過 迈邁 运運 还還 这這 进進 远遠 违違 连連 迟遲 迹跡 适適 "
    "选選 逊遜 递遞 逻邏 遗遺 邓鄧 邮郵 邻鄰 郑鄭 酱醬 酿釀 释釋 针針 钉釘 钓釣 钙鈣 钞鈔 "
    "钟鐘 钢鋼 钥鑰 钩鉤 钮鈕 钱錢 铁鐵 铃鈴 铅鉛 铜銅 铭銘 银銀 铺鋪 链鏈 销銷 锁鎖 锅鍋 "
    "锈鏽 锋鋒 锐銳 错錯 锡錫 锣鑼 锤錘 锦錦 键鍵 锯鋸 镇鎮 镜鏡 长長 门門 闪閃 闭閉 问問 "
    "闯闖 闲閒 间間 闷悶 闸閘 闹鬧 闻聞 阀閥 阁閣 阅閱 队隊 阳陽 阴陰 阵陣 阶階 际際 陆陸 "
    "陈陳 险險 随隨 隐隱 隶隸 难難 雾霧 静靜 韵韻 页頁 顶頂 项項 顺順 须須 顽頑 顾顧 顿頓 "
    "颁頒 颂頌 预預 领領 颇頗 频頻 颗顆 题題 颜顏 额額 风風 飘飄 飞飛 饥飢 饭飯 饮飲 饰飾 "
    "饱飽 饲飼 饼餅 馆館 马馬 驱驅 驳駁 驴驢 驶駛 驻駐 驾駕 驿驛 骂罵 骄驕 验驗 骑騎 骗騙 "
    "骤驟 鱼魚 鲜鮮 鸟鳥 鸡雞 鸣鳴 鸭鴨 黄黃 齐齊 齿齒 龙龍 龟龜 "
)
_TRADITIONAL_FORMS = dict(_PAIRS.split())


def _chinese_patterns() -> list[str]:
    return [
        p
        for rule in load_toml("rules", "zh")["rule"]
        for key in ("any", "all", "unless")
        for p in rule.get(key, [])
    ]


def test_chinese_variants_cover_every_character_the_patterns_use() -> None:
    variants = dict(load_toml("rules", "zh")["variants"].split())
    used = {ch for pattern in _chinese_patterns() for ch in pattern}
    missing = {ch: _TRADITIONAL_FORMS[ch] for ch in used if ch in _TRADITIONAL_FORMS and ch not in variants}
    assert not missing
    # written in simplified form: a traditional character in a pattern would be read one way only
    assert not used & set(variants.values())
    for simplified, traditional in variants.items():
        assert len(simplified) == len(traditional) == 1 and simplified != traditional
        assert normalize(traditional) == traditional  # texts keep the character normalize() leaves


def test_variants_add_the_other_spelling_to_every_pattern_kind() -> None:
    raw = [
        {"id": "r", "subtag": "Delivered_001", "any": ["已签收", "妥投"], "all": ["签"], "unless": ["未签"]}
    ]
    (rule,) = with_variants(raw, "签簽")
    assert rule["any"] == ["已签收", "妥投", "已簽收"]
    assert rule["all"] == ["(?:签)|(?:簽)"]
    assert rule["unless"] == ["未签", "未簽"]
    assert with_variants(raw, "") is raw
