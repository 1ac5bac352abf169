"""Every event text of an evidence PDF is really drawn: Chinese scans are glyphs, not empty boxes. The text
is extracted back from the PDF (pdfium) and compared with the document."""

from __future__ import annotations

import pypdfium2 as pdfium

from parceltrail.adapters.documents.evidence import render_evidence
from parceltrail.adapters.documents.fonts import CJK_NAME, cjk_font
from parceltrail.services.outlook.evidence import build_evidence
from tests.evidence.conftest import Stuck


def _pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in document:
            text = page.get_textpage()
            pages.append(text.get_text_range())
            text.close()
            page.close()
        return "".join("".join(pages).split())  # wrapping moves line breaks and spaces, not characters
    finally:
        document.close()


def test_every_event_text_renders_including_chinese(stuck: Stuck) -> None:
    assert cjk_font() == CJK_NAME, "a CJK TrueType font (fonts-wqy-zenhei) must be installed: `make browser`"
    document = build_evidence(stuck.rig.store, stuck.buyer, stuck.order.id, stuck.rig.clock.now())
    events = document["packages"][0]["events"]
    texts = [event["text"] for event in events]
    assert any(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in texts), "no Chinese scan to check"
    drawn = _pdf_text(render_evidence(document))
    assert "\ufffd" not in drawn
    for text in texts:
        assert "".join(text.split()) in drawn, text
