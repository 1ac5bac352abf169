"""Charts drawn on the server as inline SVG: no script, no outside asset, readable by screen readers
(role="img" with a title, and every value printed next to its bar)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from markupsafe import Markup

ROW = 26
LABEL_WIDTH = 150
BAR_WIDTH = 260
VALUE_WIDTH = 110
WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
MAIN, LIGHT, TEXT = "#1f5fae", "#a9c3e8", "#1d2430"


def _frame(title: str, rows: int, body: list[str]) -> Markup:
    height = max(1, rows) * ROW + 8
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>")


def _label(y: float, text: str) -> str:
    return (f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" font-size="13" fill="{TEXT}">'
            f"{escape(text[:24])}</text>")


def bars(title: str, items: Sequence[tuple[str, float | None]], *, maximum: float,
         fmt: Callable[[float | None], str]) -> Markup:
    """One horizontal bar per item, as long as its value against `maximum`, the value printed after it."""
    body = []
    for index, (label, value) in enumerate(items):
        y = index * ROW + 4
        length = 0.0 if value is None or maximum <= 0 else max(0.0, min(1.0, value / maximum)) * BAR_WIDTH
        body.append(_label(y, label))
        body.append(f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{length:.1f}" height="{ROW - 10}" '
                    f'fill="{MAIN}" rx="2"/>')
        body.append(f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 17}" font-size="13" fill="{TEXT}">'
                    f"{escape(fmt(value))}</text>")
    return _frame(title, len(items), body)


def ranges(title: str, items: Sequence[tuple[str, float | None, float | None]], *,
           fmt: Callable[[float | None], str]) -> Markup:
    """Per item a dark bar to its median and a light one on to its 90th percentile, both printed."""
    top = max((high or low or 0.0) for _, low, high in items) if items else 0.0
    body = []
    for index, (label, low, high) in enumerate(items):
        y = index * ROW + 4
        scale = BAR_WIDTH / top if top > 0 else 0.0
        p50, p90 = (low or 0.0) * scale, (high or low or 0.0) * scale
        body.append(_label(y, label))
        body.append(f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{p90:.1f}" height="{ROW - 10}" '
                    f'fill="{LIGHT}" rx="2"/>')
        body.append(f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{p50:.1f}" height="{ROW - 10}" '
                    f'fill="{MAIN}" rx="2"/>')
        body.append(f'<text x="{LABEL_WIDTH + p90 + 6:.1f}" y="{y + 17}" font-size="13" fill="{TEXT}">'
                    f"{escape(fmt(low))} / {escape(fmt(high))}</text>")
    return _frame(title, len(items), body)
