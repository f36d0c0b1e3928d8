"""Chart geometry: numbers in, rectangles and labels out; the SVG itself is a template.

Keeping markup out of Python means every label passes through Jinja's autoescape, and
the same geometry-free rows (label, value, text) feed the Markdown and text bars.
Styles are class names ("solid", "hatch", "dots") so the print and greyscale look is
decided in CSS and SVG patterns, never by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LABEL_W = 190  # px reserved left of the bars for the row label
VALUE_W = 140  # px reserved right of the bars for the value text
ROW_H = 26
BAR_H = 18


@dataclass
class Bar:
    label: str
    value: float
    text: str  # value as shown ("12", "34 %")
    style: str = "solid"  # CSS/SVG pattern class
    note: str = ""  # e.g. "healthy 3–6"
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    # healthy range outline (pyramid only): x and width, 0 width = none
    rx: float = 0.0
    rw: float = 0.0
    rlo_x: float = 0.0  # where the low end of the range sits (left tick)
    rlo_x2: float = 0.0  # mirrored tick on the right


@dataclass
class Chart:
    title: str
    bars: list[Bar]
    width: int
    height: int
    label_w: int = LABEL_W
    bar_h: int = BAR_H
    centered: bool = False
    axis_x: float = LABEL_W  # where the bars start, or their centre line
    value_x: float = 0.0  # where value labels start on a centred chart
    legend: list[tuple[str, str]] = field(default_factory=list)  # (style, text)


def hbars(title: str, bars: list[Bar], width: int = 520, legend=None, label_w: int = 140) -> Chart:
    """Left-aligned horizontal bars scaled to the largest value."""
    span = width - label_w - 90
    top = max((b.value for b in bars), default=0) or 1
    for i, bar in enumerate(bars):
        bar.x = label_w
        bar.y = i * ROW_H + (ROW_H - BAR_H) / 2
        bar.w = round(max(bar.value / top * span, 1.5 if bar.value else 0), 1)
    chart = Chart(title, bars, width, len(bars) * ROW_H + 4, label_w, legend=list(legend or []))
    chart.axis_x = label_w
    return chart


def pyramid(title: str, bars: list[Bar], ranges: list[tuple[int, int] | None], width: int = 600):
    """Bars centred on one axis (a ladder), with an optional healthy range per bar."""
    span = width - LABEL_W - VALUE_W
    mid = LABEL_W + span / 2
    top = max([b.value for b in bars] + [r[1] for r in ranges if r] + [1])
    for i, (bar, rng) in enumerate(zip(bars, ranges, strict=True)):
        bar.w = round(max(bar.value / top * span, 2 if bar.value else 0), 1)
        bar.x = round(mid - bar.w / 2, 1)
        bar.y = i * ROW_H + (ROW_H - BAR_H) / 2
        if rng:
            bar.rw = round(max(rng[1] / top * span, 4), 1)
            bar.rx = round(mid - bar.rw / 2, 1)
            lo = rng[0] / top * span
            bar.rlo_x = round(mid - lo / 2, 1)
            bar.rlo_x2 = round(mid + lo / 2, 1)
    legend = [("solid", "people on the rung"), ("range", "healthy range")]
    chart = Chart(title, bars, width, len(bars) * ROW_H + 4, centered=True, legend=legend)
    chart.axis_x = round(mid, 1)
    chart.value_x = width - VALUE_W + 10
    return chart
