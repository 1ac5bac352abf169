"""A 100 x 150 mm (4 x 6 in) shipping label as PDF: sender, recipient, a Code 128 barcode of the tracking
number, the service, the order reference, and a CN22 customs declaration for international items."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from parceltrail.domain.labels import LabelData
from parceltrail.domain.money import format_minor
from parceltrail.domain.orders import Address, User
from parceltrail.services.marketplace.orders import label_data
from parceltrail.services.ports import Store

WIDTH, HEIGHT = 100 * mm, 150 * mm
MARGIN = 4 * mm
_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)


def _fonts() -> tuple[str, str]:
    """A regular and a bold font with wide script coverage: DejaVu when installed, else reportlab's Vera."""
    registered = pdfmetrics.getRegisteredFontNames()
    if "PTRegular" in registered:
        return "PTRegular", "PTBold"
    import reportlab

    bundled = Path(reportlab.__file__).parent / "fonts"
    for folder, regular, bold in [*((d, "DejaVuSans.ttf", "DejaVuSans-Bold.ttf") for d in _FONT_DIRS),
                                  (bundled, "Vera.ttf", "VeraBd.ttf")]:
        if (folder / regular).is_file() and (folder / bold).is_file():
            pdfmetrics.registerFont(TTFont("PTRegular", str(folder / regular)))
            pdfmetrics.registerFont(TTFont("PTBold", str(folder / bold)))
            return "PTRegular", "PTBold"
    return "Helvetica", "Helvetica-Bold"  # pragma: no cover - reportlab always ships Vera


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """The text, cut with an ellipsis to fit `width` points."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _address_lines(address: Address) -> list[str]:
    city = " ".join(part for part in (address.postcode, address.city) if part)
    lines = [address.name, *address.lines, city, address.country]
    if address.phone:
        lines.append(f"Tel. {address.phone}")
    return [line for line in lines if line]


def _barcode(number: str, width: float) -> Code128:
    """A Code 128 symbol as wide as fits (at most 0.5 mm a module), quiet zones included."""
    probe = Code128(number, barWidth=1.0, barHeight=20 * mm, humanReadable=False, quiet=True)
    module = min(0.5 * mm, width / probe.width)
    return Code128(number, barWidth=module, barHeight=20 * mm, humanReadable=False, quiet=True)


def render_label(data: LabelData) -> bytes:
    """The label as a one-page PDF."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(WIDTH, HEIGHT), invariant=True)
    canvas.setTitle(f"Label {data.tracking_number} ({data.order_reference})")
    regular, bold = _fonts()
    inner = WIDTH - 2 * MARGIN
    y = HEIGHT - MARGIN

    # carrier and service
    canvas.setFont(bold, 12)
    y -= 12
    canvas.drawString(MARGIN, y, _fit(canvas, data.carrier_name, bold, 12, inner))
    canvas.setFont(regular, 8)
    y -= 10
    canvas.drawString(MARGIN, y, _fit(canvas, data.service, regular, 8, inner))
    y -= 3
    canvas.line(MARGIN, y, WIDTH - MARGIN, y)

    # sender
    canvas.setFont(bold, 6.5)
    y -= 8
    canvas.drawString(MARGIN, y, "FROM")
    canvas.setFont(regular, 7)
    for line in _address_lines(data.sender)[:5]:
        y -= 8
        canvas.drawString(MARGIN, y, _fit(canvas, line, regular, 7, inner))
    y -= 4
    canvas.line(MARGIN, y, WIDTH - MARGIN, y)

    # recipient
    canvas.setFont(bold, 6.5)
    y -= 8
    canvas.drawString(MARGIN, y, "TO")
    canvas.setFont(bold, 10)
    for line in _address_lines(data.recipient)[:6]:
        y -= 11.5
        canvas.drawString(MARGIN + 2 * mm, y, _fit(canvas, line, bold, 10, inner - 2 * mm))
    y -= 4
    canvas.line(MARGIN, y, WIDTH - MARGIN, y)

    # barcode of the tracking number
    symbol = _barcode(data.tracking_number, inner)
    y -= 2 * mm + symbol.height
    symbol.drawOn(canvas, MARGIN + (inner - symbol.width) / 2, y)
    canvas.setFont(bold, 11)
    y -= 12
    canvas.drawCentredString(WIDTH / 2, y, _spaced(data.tracking_number))
    canvas.setFont(regular, 7)
    y -= 10
    weight = f"   Weight {data.weight_grams / 1000:.3f} kg" if data.weight_grams else ""
    canvas.drawString(MARGIN, y, _fit(canvas, f"Order {data.order_reference}   Package {data.package_index}"
                                              f"/{data.package_count}{weight}", regular, 7, inner))
    y -= 3
    canvas.line(MARGIN, y, WIDTH - MARGIN, y)

    if data.customs:
        _cn22(canvas, data, y, regular, bold)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _spaced(number: str) -> str:
    """S10 numbers print as RA 1234 5678 5 CN; others in groups of four."""
    if len(number) == 13 and number[:2].isalpha() and number[2:11].isdigit() and number[11:].isalpha():
        return f"{number[:2]} {number[2:6]} {number[6:10]} {number[10]} {number[11:]}"
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


def _cn22(canvas: Canvas, data: LabelData, top: float, regular: str, bold: str) -> None:
    """The UPU CN22 customs declaration in the space left below the barcode."""
    left, right = MARGIN, WIDTH - MARGIN
    y = top - 9
    canvas.setFont(bold, 8)
    canvas.drawString(left, y, "CUSTOMS DECLARATION   CN 22")
    canvas.setFont(regular, 5.5)
    canvas.drawRightString(right, y, "May be opened officially")
    y -= 8
    canvas.rect(left, y - 0.5, 5, 5, fill=1)
    canvas.drawString(left + 7, y, "Sale of goods")
    for offset, label in ((60, "Gift"), (100, "Documents"), (155, "Commercial sample"), (225, "Other")):
        canvas.rect(left + offset, y - 0.5, 5, 5, fill=0)
        canvas.drawString(left + offset + 7, y, label)
    columns = (left, left + 46 * mm, left + 56 * mm, left + 70 * mm)
    y -= 9
    canvas.setFont(bold, 5.5)
    for x, title in zip(columns, ("Detailed description of contents", "Qty",
                                  "Weight (kg)", f"Value ({data.currency})"), strict=True):
        canvas.drawString(x, y, title)
    canvas.setFont(regular, 6)
    lines = data.customs[:4]
    for line in lines:
        y -= 8
        origin = " ".join(p for p in (f"HS {line.hs_code}" if line.hs_code else "",
                                      f"origin {line.origin_country}" if line.origin_country else "") if p)
        text = f"{line.description}" + (f" ({origin})" if origin else "")
        canvas.drawString(columns[0], y, _fit(canvas, text, regular, 6, 45 * mm))
        canvas.drawString(columns[1], y, str(line.quantity))
        grams = (line.weight_grams or 0) * line.quantity
        canvas.drawString(columns[2], y, f"{grams / 1000:.3f}" if line.weight_grams else "")
        canvas.drawString(columns[3], y, format_minor(line.value_minor, data.currency, symbol=False))
    if len(data.customs) > len(lines):
        y -= 7
        canvas.drawString(columns[0], y, f"and {len(data.customs) - len(lines)} more item(s), see invoice")
    y -= 9
    canvas.setFont(bold, 6)
    total_weight = data.weight_grams or sum((c.weight_grams or 0) * c.quantity for c in data.customs)
    total_value = sum(c.value_minor for c in data.customs)
    canvas.drawString(columns[0], y, "Total")
    canvas.drawString(columns[2], y, f"{total_weight / 1000:.3f}" if total_weight else "")
    canvas.drawString(columns[3], y, format_minor(total_value, data.currency, symbol=False))
    y -= 9
    canvas.setFont(regular, 5)
    when = data.printed_at.date().isoformat() if data.printed_at else ""
    for line in ("I certify that the particulars given in this declaration are correct and that this",
                 "item does not contain any dangerous article prohibited by legislation or by postal",
                 "regulations."):
        canvas.drawString(left, y, _fit(canvas, line, regular, 5, right - left))
        y -= 6
    y -= 8
    canvas.drawString(left, y, f"Date and sender's signature: {when}  {data.sender.name}")


def label_pdf(store: Store, actor: User, order_id: int, package_id: int, now: datetime) -> bytes:
    """The package's 100 x 150 mm label as a PDF, for the order's seller."""
    return render_label(label_data(store, actor, order_id, package_id, now))
