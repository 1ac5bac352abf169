"""Shipping e-mails written for each shop style and language, with what a reader expects from each:
the tracking numbers announced (and the ones an update replaces), the shop and the order number.

The messages are built with the standard library, as shops and mail clients send them: plain,
HTML-only, multipart/alternative, forwarded inline and as an attached message, in base64 or
quoted-printable, and in the charsets those languages are still mailed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate

USER = "ana@example.org"


@dataclass
class Case:
    name: str
    raw: bytes
    numbers: set[str] = field(default_factory=set)
    replaced: set[str] = field(default_factory=set)
    order: str | None = None
    shop: str | None = None


def _mail(
    sender: str,
    subject: str,
    *,
    text: str | None = None,
    html: str | None = None,
    charset: str = "utf-8",
    cte: str | None = None,
    to: str = USER,
    mid: str,
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(1765000000)
    msg["Message-ID"] = f"<{mid}@mail.example>"
    if text is not None:
        msg.set_content(text, charset=charset, cte=cte)
        if html is not None:
            msg.add_alternative(html, subtype="html", charset=charset, cte=cte)
    elif html is not None:
        msg.set_content(html, subtype="html", charset=charset, cte=cte)
    return msg


def forward_inline(
    original: EmailMessage, forwarder: str = USER, note: str = "", lang: str = "en"
) -> EmailMessage:
    heads = {
        "en": ("---------- Forwarded message ---------", "From", "Date", "Subject", "To", "Fwd"),
        "es": ("---------- Mensaje reenviado ---------", "De", "Fecha", "Asunto", "Para", "RV"),
        "pt": ("---------- Mensagem encaminhada ---------", "De", "Data", "Assunto", "Para", "Enc"),
        "ru": ("-------- Пересылаемое сообщение --------", "От", "Дата", "Тема", "Кому", "Fwd"),
        "zh": ("---------- 转发的邮件 ----------", "发件人", "日期", "主题", "收件人", "转发"),
    }[lang]
    body_part = original.get_body(preferencelist=("plain", "html"))
    assert body_part is not None
    body = body_part.get_content()
    if body_part.get_content_type() == "text/html":
        from parceltrail.numbers.extract import html_to_text

        body = html_to_text(body)
    text = (
        f"{note}\n\n{heads[0]}\n{heads[1]}: {original['From']}\n{heads[2]}: {original['Date']}\n"
        f"{heads[3]}: {original['Subject']}\n{heads[4]}: {original['To']}\n\n{body}"
    )
    return _mail(
        forwarder,
        f"{heads[5]}: {original['Subject']}",
        text=text,
        mid="fwd-" + str(original["Message-ID"]).strip("<>").split("@")[0],
    )


def forward_attached(
    original: EmailMessage, forwarder: str = USER, note: str = "see attached"
) -> EmailMessage:
    outer = _mail(
        forwarder,
        f"Fwd: {original['Subject']}",
        text=note,
        mid="att-" + str(original["Message-ID"]).strip("<>").split("@")[0],
    )
    outer.add_attachment(original)
    return outer


def cases() -> list[Case]:
    out: list[Case] = []

    def add(
        name: str,
        msg: EmailMessage,
        numbers: set[str] | None = None,
        *,
        order: str | None = None,
        shop: str | None = None,
        replaced: set[str] | None = None,
    ) -> None:
        out.append(Case(name, msg.as_bytes(), numbers or set(), replaced or set(), order, shop))

    # AliExpress ---------------------------------------------------------------------------------
    ali_en = _mail(
        "AliExpress <transaction@notice.aliexpress.com>",
        "Order 8187654321098765: your package has been shipped",
        mid="ali-en",
        html="""
<html><body><h2>Your package is on its way</h2>
<p>Order ID: 8187654321098765</p>
<table><tr><td>Item</td><td>Qty</td></tr>
<tr><td>USB-C cable 2m braided</td><td>x2</td></tr></table>
<p>Seller: Ugreen Official Store</p>
<table><tr><th>Carrier</th><th>Tracking number</th></tr>
<tr><td>Cainiao Super Economy</td><td>LP00512345678901</td></tr></table>
<p>Order total: US $12.47</p>
<p>Need help? Call 8001234567 or write to us.</p></body></html>""",
    )
    add("aliexpress-en-html", ali_en, {"LP00512345678901"}, order="8187654321098765", shop="AliExpress")
    ali_es = _mail(
        "AliExpress <transaction@notice.aliexpress.com>",
        "Tu pedido ha sido enviado",
        mid="ali-es",
        cte="quoted-printable",
        text="""Hola Ana,

Tu pedido 8190011223344556 ha sido enviado.
Artículo: Funda de silicona para iPhone 15
Vendedor: Baseus Store
Empresa de transporte: Correos
Número de seguimiento: PQ998877664ES
Total del pedido: 8,99 €
Código postal de entrega: 28013
""",
    )
    add("aliexpress-es-qp", ali_es, {"PQ998877664ES"}, order="8190011223344556", shop="AliExpress")
    ali_ru = _mail(
        "AliExpress <transaction@notice.aliexpress.ru>",
        "Заказ отправлен",
        mid="ali-ru",
        charset="koi8-r",
        text="""Здравствуйте!

Ваш заказ номер 8201122334455667 отправлен.
Товар: Термокружка 500 мл
Трек-номер: RA112233447RU
Служба доставки: Почта России
Итого: 1 249,00 руб.
Телефон получателя: 79161234567
""",
    )
    add("aliexpress-ru-koi8", ali_ru, {"RA112233447RU"}, order="8201122334455667", shop="AliExpress")
    ali_zh = _mail(
        "AliExpress <transaction@notice.aliexpress.com>",
        "您的订单已发货",
        mid="ali-zh",
        charset="gb2312",
        text="""您好，

订单号：8212233445566778
商品：蓝牙耳机 无线降噪
物流公司：菜鸟
运单号：LP00698765432101
合计：￥129.00
联系电话：13812345678
""",
    )
    add("aliexpress-zh-gb2312", ali_zh, {"LP00698765432101"}, order="8212233445566778", shop="AliExpress")
    ali_update = _mail(
        "AliExpress <transaction@notice.aliexpress.com>",
        "The seller changed the tracking number of order 8187654321098765",
        mid="ali-upd",
        text="""Hello,

The seller changed the tracking number for your order 8187654321098765.
Old tracking number: LP00512345678901
New tracking number: RB765432106CN
Carrier: China Post Registered Air Mail
""",
    )
    add(
        "aliexpress-update-en",
        ali_update,
        {"RB765432106CN"},
        order="8187654321098765",
        shop="AliExpress",
        replaced={"LP00512345678901"},
    )
    ali_pt_upd = _mail(
        "AliExpress <transaction@notice.aliexpress.com>",
        "Código de rastreio atualizado",
        mid="ali-pt-upd",
        text="""Olá,

O vendedor alterou o código de rastreio do pedido 8223344556677889 de LP00111222333444 para NX556677887BR.
Transportadora: Correios
""",
    )
    add(
        "aliexpress-update-pt",
        ali_pt_upd,
        {"NX556677887BR"},
        order="8223344556677889",
        shop="AliExpress",
        replaced={"LP00111222333444"},
    )

    # Amazon ---------------------------------------------------------------------------------------
    amz_en = _mail(
        '"Amazon.com" <shipment-tracking@amazon.com>',
        "Your Amazon.com order #112-3456789-1234567 has shipped",
        mid="amz-en",
        text="""Hello Ana,

Your package is on the way.
Order #112-3456789-1234567
Arriving Thursday

Items in this shipment:
1 x Anker PowerCore 10000 Portable Charger

Shipped with UPS. Tracking ID: 1Z999AA10123456784

Shipment total: $25.99
Ship to: 1600 Amphitheatre Pkwy, Mountain View, CA 94043
Questions? Call 1-888-280-4331.
""",
        html="""<html><body><p>Your package is on the way.</p><p>Order #112-3456789-1234567</p>
<p>Items in this shipment:<br>1 x Anker PowerCore 10000 Portable Charger</p>
<p>Shipped with UPS. Tracking ID: 1Z999AA10123456784</p><p>Shipment total: $25.99</p></body></html>""",
    )
    add("amazon-en-multipart", amz_en, {"1Z999AA10123456784"}, order="112-3456789-1234567", shop="Amazon")
    amz_es = _mail(
        '"Amazon.es" <confirmar-envio@amazon.es>',
        "Tu pedido de Amazon.es ha sido enviado",
        mid="amz-es",
        text="""Hola Ana:

Hemos enviado tu pedido 405-1234567-7654321.
Artículos enviados:
1 x Libro "Cien años de soledad"
Transportista: Amazon Logistics
Número de seguimiento: TBA304958672013
Importe total: 21,50 €
Teléfono de atención: 900 803 711
""",
    )
    add("amazon-es", amz_es, {"TBA304958672013"}, order="405-1234567-7654321", shop="Amazon")
    amz_pt_fwd = forward_inline(
        _mail(
            '"Amazon.com.br" <envio@amazon.com.br>',
            "Seu pedido foi enviado",
            mid="amz-pt",
            text="""Olá Ana,

Seu pedido 701-2345678-8765432 foi enviado pelos Correios.
Código de rastreio: NX556677887BR
Produto: Kindle Paperwhite
Valor total: R$ 649,00
CEP de entrega: 01310100
""",
        ),
        note="Ana, rastreia isso pra mim",
        lang="pt",
    )
    add("amazon-pt-forward-inline", amz_pt_fwd, {"NX556677887BR"}, order="701-2345678-8765432", shop="Amazon")
    amz_negative = _mail(
        '"Amazon.com" <auto-confirm@amazon.com>',
        "Your Amazon.com order of Kindle",
        mid="amz-neg",
        text="""Thank you for your order.
Order #113-9876543-2109876
Placed on December 1, 2026
Order total: $139.99
We'll send a confirmation when your item ships.
Customer service: 1-888-280-4331
""",
    )
    add("amazon-order-confirmation", amz_negative, set(), order="113-9876543-2109876", shop="Amazon")

    # eBay -----------------------------------------------------------------------------------------
    ebay_en = _mail(
        "eBay <ebay@ebay.com>",
        "Your order is on its way!",
        mid="ebay-en",
        html="""
<html><body><p>Good news, your item has shipped.</p>
<p>Order number: 12-34567-89012</p>
<p>Item: Vintage Seiko 5 Automatic Watch</p>
<p>Seller: watchfinder_uk</p>
<p>Carrier: USPS<br>Tracking number: 9400111202555842761230</p>
<p>Total: $89.00</p><p>Item number 204512345678</p></body></html>""",
    )
    add("ebay-en-html", ebay_en, {"9400111202555842761230"}, order="12-34567-89012", shop="eBay")
    ebay_fwd_att = forward_attached(
        _mail(
            "eBay <ebay@ebay.com>",
            "Tu artículo se ha enviado",
            mid="ebay-es",
            cte="base64",
            text="""Hola,

Tu pedido 23-45678-90123 se ha enviado.
Artículo: Cámara Fujifilm X100V
Transportista: FedEx
Número de seguimiento: 781234567890
Total: 1.299,00 €
""",
        )
    )
    add("ebay-es-forward-attached", ebay_fwd_att, {"781234567890"}, order="23-45678-90123", shop="eBay")

    # Temu -----------------------------------------------------------------------------------------
    temu_en = _mail(
        "Temu <orders@order.temu.com>",
        "Your package has shipped",
        mid="temu-en",
        text="""Hi Ana,

Your order PO-211-12345678901234 has shipped.
Items:
- Kitchen Scale Digital
- LED Strip Lights 5m
Shipping carrier: YunExpress
Tracking number: YT2405512345678
Order total: $23.45
""",
    )
    add("temu-en", temu_en, {"YT2405512345678"}, order="PO-211-12345678901234", shop="Temu")
    temu_ru = _mail(
        "Temu <orders@order.temu.com>",
        "Ваша посылка отправлена",
        mid="temu-ru",
        text="""Здравствуйте,

Номер заказа: PO-211-98765432109876
Трек-номер для отслеживания: RB012345675CN
Товары:
- Органайзер для кабелей
Сумма заказа: 890 руб.
""",
    )
    add("temu-ru", temu_ru, {"RB012345675CN"}, order="PO-211-98765432109876", shop="Temu")

    # SHEIN ----------------------------------------------------------------------------------------
    shein_pt = _mail(
        "SHEIN <noreply@shein.com>",
        "Seu pedido foi enviado!",
        mid="shein-pt",
        html="""
<html><body><p>Olá Ana, seu pedido foi enviado!</p>
<p>Número do pedido: GSHNJ12345678901</p>
<p>Código de rastreio: JT0001234567890</p><p>Transportadora: J&amp;T Express</p>
<p>Valor total: R$ 187,40</p></body></html>""",
        cte="base64",
    )
    add("shein-pt-html-base64", shein_pt, {"JT0001234567890"}, order="GSHNJ12345678901", shop="SHEIN")
    shein_zh = _mail(
        "SHEIN <noreply@shein.com>",
        "您的包裹已发出",
        mid="shein-zh",
        charset="gb2312",
        html="""
<html><body><p>订单编号：GSHNK98765432101</p><p>物流单号：SF1402938475612</p><p>快递公司：顺丰速运</p>
<p>订单金额：￥356.00</p></body></html>""",
    )
    add("shein-zh-html-gb2312", shein_zh, {"SF1402938475612"}, order="GSHNK98765432101", shop="SHEIN")

    # Shopify-style shops --------------------------------------------------------------------------
    shop_en = _mail(
        "Northwind Coffee <store+123456@t.shopifyemail.com>",
        "A shipment from order #1047 is on the way",
        mid="shop-en",
        text="""Northwind Coffee

Your order is on the way
Order #1047

Items in this shipment
Ethiopia Yirgacheffe 250g × 2
Ceramic dripper × 1

FedEx tracking number: 781234567890
Track your shipment: https://www.fedex.com/fedextrack/?trknbr=781234567890

Subtotal $42.00
Shipping $6.50
Total $48.50 USD
Call us: (555) 201-3344
""",
    )
    add("shopify-en", shop_en, {"781234567890"}, order="1047", shop="Northwind Coffee")
    shop_es = _mail(
        "Tienda Verde <tienda-verde@shopify.com>",
        "Tu pedido #MX2093 está en camino",
        mid="shop-es",
        text="""Hola Ana,

Tu pedido #MX2093 está en camino.
Número de seguimiento: 1Z999AA10123456784
Transportista: UPS
Total: $1,250.00 MXN
""",
    )
    add("shopify-es", shop_es, {"1Z999AA10123456784"}, order="MX2093", shop="Tienda Verde")
    shop_ru_fwd = forward_attached(
        _mail(
            "Чайная лавка <shop@chai-lavka.myshopify.com>",
            "Заказ #5521 отправлен",
            mid="shop-ru",
            charset="koi8-r",
            text="""
Добрый день!

Ваш заказ #5521 передан в службу доставки.
Почтовый идентификатор: RA112233447RU
Итого: 2 340 руб.
""",
        )
    )
    add("shopify-ru-forward-attached", shop_ru_fwd, {"RA112233447RU"}, order="5521", shop="Чайная лавка")

    # Japanese shop mail (Shift-JIS), forwarded inline ---------------------------------------------
    jp = _mail(
        "Rakuten Shop <shop@rakuten.example.jp>",
        "商品発送のお知らせ",
        mid="jp-sjis",
        charset="shift_jis",
        text="""ご注文番号：RK-20261201-0042
お問い合わせ番号：EA876543216US
お支払い金額：3,980円
""",
    )
    add("jp-shift-jis", jp, {"EA876543216US"}, order="RK-20261201-0042")

    # Negatives: no shipment in them ---------------------------------------------------------------
    add(
        "newsletter",
        _mail(
            "SHEIN <promo@shein.com>",
            "Up to 70% off: Black Friday",
            mid="neg-news",
            text="""
Black Friday is here! Use code BF2026SAVE for an extra 20% off.
Order now: https://shein.com/bf
Free shipping on orders over $29. Call 18001234567 for help.
""",
        ),
        shop="SHEIN",
    )
    add(
        "invoice",
        _mail(
            "billing@utility.example",
            "Your invoice INV-2026-004512",
            mid="neg-invoice",
            text="""
Invoice number: 20261204001234
Customer number: 1234567890123
Amount due: $84.20
IBAN: DE89370400440532013000
Phone: +1 555 0100 2000
""",
        ),
        set(),
    )
    add(
        "order-placed-zh",
        _mail(
            "AliExpress <transaction@notice.aliexpress.com>",
            "订单已付款",
            mid="neg-zh",
            text="""您的订单 8234455667788990 已付款成功。
订单金额：￥58.00
收货人电话：13912345678
邮编：200120
""",
        ),
        set(),
        order="8234455667788990",
        shop="AliExpress",
    )
    add(
        "delivery-survey",
        _mail(
            "UPS <survey@ups.com>",
            "How did we do?",
            mid="neg-ups",
            text="""
Tell us about your recent delivery. Survey ID 9400111202555842761230 is not a tracking number.
Reference: 1Z999AA10123456784
""",
        ),
        set(),
    )
    add(
        "ru-receipt",
        _mail(
            "Магазин <noreply@shop.example.ru>",
            "Кассовый чек",
            mid="neg-ru",
            charset="koi8-r",
            text="""Кассовый чек N 123456789012
Заказ N 778899001122
Итого: 3 450,00 руб.
Телефон: 88001234567
""",
        ),
        set(),
        order="778899001122",
    )
    add(
        "account-security",
        _mail(
            "Amazon <account-update@amazon.com>",
            "Sign-in from a new device",
            mid="neg-sec",
            text="""Someone signed in to your account.
Verification code: 482913
If this wasn't you, call 1-888-280-4331.
""",
        ),
        set(),
        shop="Amazon",
    )
    add(
        "es-order-no-tracking",
        _mail(
            "Tienda <pedidos@tienda.example.es>",
            "Confirmación de pedido",
            mid="neg-es",
            text="""Gracias por tu compra.
Pedido: ES-99812
Teléfono: 912345678
Código postal: 28013
Total: 45,90 €
Te enviaremos el número de seguimiento cuando salga tu pedido.
""",
        ),
        set(),
        order="ES-99812",
    )
    return out
