"""Read barcodes back: from a photo or scan of a label (any image Pillow opens) or from a PDF page."""

from __future__ import annotations

import io

import pypdfium2
import zxingcpp
from PIL import Image, UnidentifiedImageError

from parceltrail.domain.errors import InputError
from parceltrail.numbers import Candidate
from parceltrail.services.marketplace.intake import MAX_NUMBERS, NothingFoundError
from parceltrail.services.marketplace.orders import check_label_number

MAX_PIXELS = 40_000_000  # a 40-megapixel photo; larger images are refused rather than decoded


class UnreadableImageError(InputError):
    code = "unreadable_image"


def open_image(data: bytes) -> Image.Image:
    """The image in `data`, or UnreadableImageError (not an image, truncated, or too large)."""
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise UnreadableImageError(f"the image is too large ({image.width} x {image.height} pixels)")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError):
        raise UnreadableImageError("the file is not an image this server can read (PNG, JPEG, ...)") from None
    return image


def decode_image(image: Image.Image) -> list[str]:
    """The text of every barcode in the image, in reading order, without repeats."""
    found: list[str] = []
    for result in zxingcpp.read_barcodes(image.convert("L")):
        if result.text and result.text not in found:
            found.append(result.text)
    return found


def rasterize_pdf(pdf: bytes, *, page: int = 0, dpi: int = 300) -> Image.Image:
    """One page of a PDF as an image (pdfium, no external program)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[page].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


def numbers_in_image(data: bytes) -> list[tuple[str, Candidate]]:
    """Tracking numbers among the barcodes of an image (other barcodes, e.g. EANs, are left out)."""
    found = []
    for text in decode_image(open_image(data)):
        try:
            found.append(check_label_number(text))
        except InputError:
            continue
    if not found:
        raise NothingFoundError("no tracking-number barcode found in this image")
    return found[:MAX_NUMBERS]
