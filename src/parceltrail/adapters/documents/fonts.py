"""Fonts for PDFs with the scripts carriers write in: the Latin/Cyrillic font of the labels (DejaVu), and a
CJK TrueType font for Chinese, Japanese and Korean scans (WenQuanYi Zen Hei, Debian's fonts-wqy-zenhei,
installed by `make`). A line is drawn in the first font that has a glyph for each of its characters, so
no scan turns into empty boxes. Noto CJK is not used: reportlab embeds TrueType outlines only, and Noto
CJK ships CFF (OpenType) outlines.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

CJK_NAME = "PTCJK"
CJK_FILES = (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
             Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))


@cache
def cjk_font() -> str | None:
    """The registered CJK font's name, or None when none is installed."""
    for path in CJK_FILES:
        if path.is_file():
            pdfmetrics.registerFont(TTFont(CJK_NAME, str(path), subfontIndex=0))
            return CJK_NAME
    return None


def _covers(font: str, text: str) -> bool:
    face = getattr(pdfmetrics.getFont(font), "face", None)
    if face is None:  # a standard Type 1 font: Latin-1 only
        return all(ord(ch) < 256 for ch in text)
    glyphs = face.charToGlyph
    return all(ord(ch) in glyphs for ch in text if not ch.isspace())


def font_for(text: str, preferred: str) -> str:
    """`preferred` when it can draw every character of `text`, else the CJK font when that can (or when
    neither can fully, the one that misses fewer characters)."""
    if _covers(preferred, text):
        return preferred
    cjk = cjk_font()
    if cjk is None:
        return preferred
    if _covers(cjk, text):
        return cjk
    missing = lambda font: sum(not _covers(font, ch) for ch in text)  # noqa: E731
    return cjk if missing(cjk) < missing(preferred) else preferred
