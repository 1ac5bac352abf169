"""Labels: 100 x 150 mm PDF whose Code 128 barcode decodes back to the number; CN22 for international
items only; and the label, rasterized, fed back in as a photo adds the number."""

from __future__ import annotations

import io

import pypdfium2
from fastapi.testclient import TestClient

from parceltrail.adapters.documents.barcodes import decode_image, rasterize_pdf

from .conftest import Person, place


def _ship(client: TestClient, seller: Person, order_id: int, number: str) -> dict:
    response = client.post(f"/api/v1/orders/{order_id}/shipments", headers=seller.headers,
                           json={"tracking_number": number, "weight_grams": 450})
    assert response.status_code == 201, response.text
    return response.json()["data"]


def _text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        width, height = page.get_size()
        assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (100, 150)
        return page.get_textpage().get_text_range()
    finally:
        document.close()


def test_label_barcode_decodes_to_the_number(client: TestClient, seller: Person, buyer: Person) -> None:
    order = place(client, seller, buyer)  # Berlin -> London: international, so a CN22
    package = _ship(client, seller, order["id"], "RB123456785GB")
    response = client.get(package["label_url"], headers=seller.headers)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert decode_image(rasterize_pdf(response.content)) == ["RB123456785GB"]
    text = _text(response.content)
    for expected in ("CN 22", "Green tea 100 g", "HS 090210", "origin CN", order["reference"], "Zoë Buyer",
                     "Seller GmbH", "25.98", "34.48"):
        assert expected in text, expected


def test_domestic_label_has_no_customs_declaration(client: TestClient, seller: Person, buyer: Person) -> None:
    order = place(client, seller, buyer, country="DE")
    package = _ship(client, seller, order["id"], "1Z999AA10123456784")
    pdf = client.get(package["label_url"], headers=seller.headers).content
    assert decode_image(rasterize_pdf(pdf)) == ["1Z999AA10123456784"]
    assert "CN 22" not in _text(pdf)


def test_label_photo_fed_back_in_adds_the_number(client: TestClient, seller: Person, buyer: Person) -> None:
    order = place(client, seller, buyer)
    package = _ship(client, seller, order["id"], "RB123456785GB")
    pdf = client.get(package["label_url"], headers=seller.headers).content
    image = rasterize_pdf(pdf, dpi=200).rotate(90, expand=True)  # a sideways scan
    png = io.BytesIO()
    image.save(png, format="PNG")
    response = client.post("/api/v1/intake/image", headers=buyer.headers,
                           files={"file": ("label.png", png.getvalue(), "image/png")})
    assert response.status_code == 201, response.text
    [added] = response.json()["data"]
    assert added["tracking_number"] == "RB123456785GB" and added["created"] and added["tracking_id"]
    tracked = client.get(f"/api/v1/trackings/{added['tracking_id']}", headers=buyer.headers)
    assert tracked.status_code == 200 and tracked.json()["data"]["tracking_number"] == "RB123456785GB"


def test_intake_refuses_what_is_not_an_image_or_has_no_number(client: TestClient, buyer: Person) -> None:
    bad = client.post("/api/v1/intake/image", headers=buyer.headers, content=b"not an image at all")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "unreadable_image"
    blank = io.BytesIO()
    rasterize_pdf(_blank_pdf(), dpi=50).save(blank, format="PNG")
    none = client.post("/api/v1/intake/image", headers=buyer.headers, content=blank.getvalue())
    assert none.status_code == 400 and none.json()["error"]["code"] == "no_tracking_number"


def _blank_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 100, "no barcode here")
    canvas.save()
    return buffer.getvalue()


EMAIL = """From: shop@example.de
To: zoe@example.com
Subject: Ihre Bestellung 4711 ist unterwegs
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><body><p>Bestellnummer 4711</p><p>Sendungsnummer: <b>RB 123 456 785 GB</b></p></body></html>
"""


def test_email_intake_adds_the_tracking_number(client: TestClient, buyer: Person) -> None:
    response = client.post("/api/v1/intake/email", headers=buyer.headers, content=EMAIL.encode())
    assert response.status_code == 201, response.text
    assert [a["tracking_number"] for a in response.json()["data"]] == ["RB123456785GB"]
    again = client.post("/api/v1/intake/email", headers=buyer.headers,
                        files={"file": ("mail.eml", EMAIL.encode(), "message/rfc822")})
    assert again.status_code == 201 and again.json()["data"][0]["created"] is False
    empty = client.post("/api/v1/intake/email", headers=buyer.headers, content=b"Subject: hi\n\nnothing")
    assert empty.status_code == 400 and empty.json()["error"]["code"] == "no_tracking_number"


def test_seller_adds_email_numbers_to_an_order(client: TestClient, seller: Person, buyer: Person) -> None:
    order = place(client, seller, buyer)
    url = f"/api/v1/intake/email?order_id={order['id']}"
    assert client.post(url, headers=buyer.headers, content=EMAIL.encode()).status_code == 403
    response = client.post(url, headers=seller.headers, content=EMAIL.encode())
    assert response.status_code == 201, response.text
    detail = client.get(f"/api/v1/orders/{order['id']}", headers=buyer.headers).json()["data"]
    assert [p["tracking_number"] for p in detail["packages"]] == ["RB123456785GB"]
