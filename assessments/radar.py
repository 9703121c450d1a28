"""A radar chart drawn on the server as SVG, in pure Python.

    radar_svg(["Finance", "Quality", "Marketing"],
              [Series([40, 75, 60], "radar-series--current", "Now"),
               Series([20, 50, 60], "radar-series--previous", "Before")],
              title="Your scores", description="Finance 40 of 100, …")

One axis per dimension, the first pointing up and the others clockwise at
equal angles; a score of 0–100 lies on its axis at that share of the
radius. The markup carries no style attribute: every colour and line is a
CSS class of static/assessments/assessments.css, so the strict
Content-Security-Policy (style-src 'self') allows it inline in the page.
The chart is an image to assistive technology (role="img" with <title> and
<desc>); the data table beside it says the same in words.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

SIZE = 400  # the drawing's square, in SVG units
RADIUS = 120  # of the outer ring, a score of 100
MARGIN = 100  # room around the rings for the labels
RINGS = (25, 50, 75, 100)
LABEL_GAP = 12
SIDE_ROOM = 40  # more room left and right of the drawing's square
TOP_TRIM = 30  # less above and below it
LINE_HEIGHT = 1.1  # em, between the lines of a label
LINE_LENGTH = 16  # characters of a label's line


def wrap(label, width=LINE_LENGTH):
    """The label in lines of about `width` characters, broken at spaces."""
    lines, line = [], ""
    for word in str(label).split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines or [""]


@dataclass(frozen=True)
class Series:
    values: list  # one score 0–100 per axis, None counts as 0
    css_class: str
    label: str = ""


def _center():
    return (MARGIN + RADIUS, MARGIN + RADIUS)


def angle(index, count):
    """The angle of axis `index` of `count`, in radians: the first points
    up, the others follow clockwise."""
    return -math.pi / 2 + 2 * math.pi * index / count


def point(index, count, score, radius=RADIUS):
    """(x, y) of `score` (0–100) on axis `index` of `count`, rounded to a
    tenth of a unit."""
    cx, cy = _center()
    share = max(0.0, min(100.0, float(score or 0))) / 100
    theta = angle(index, count)
    x = cx + radius * share * math.cos(theta)
    y = cy + radius * share * math.sin(theta)
    return (_round(x), _round(y))


def _round(number):
    rounded = round(number, 1)
    return 0.0 if rounded == 0 else rounded  # no "-0.0"


def _fmt(number):
    return f"{number:g}"


def points_attribute(values):
    """The `points` of the polygon of these scores."""
    count = len(values)
    return " ".join(
        f"{_fmt(x)},{_fmt(y)}" for x, y in (point(i, count, v) for i, v in enumerate(values))
    )


def _anchor(theta):
    cos = math.cos(theta)
    if abs(cos) < 0.2:
        return "middle"
    return "start" if cos > 0 else "end"


def radar_svg(labels, series, title, description, css_class="radar"):
    """The chart as safe markup, to put inline in a page."""
    count = len(labels)
    width = 2 * (MARGIN + RADIUS)
    # Wider than high: long one-word labels at the sides need the room.
    parts = [
        f'<svg class="{escape(css_class)}" '
        f'viewBox="{-SIDE_ROOM} {TOP_TRIM} {width + 2 * SIDE_ROOM} {width - 2 * TOP_TRIM}" '
        f'xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="radar-title radar-desc">',
        f'<title id="radar-title">{escape(title)}</title>',
        f'<desc id="radar-desc">{escape(description)}</desc>',
    ]
    if count < 3:
        # A radar needs three axes; fewer draw nothing but the text.
        parts.append("</svg>")
        return mark_safe("".join(parts))  # noqa: S308 (every text in it is escaped)
    parts.append('<g class="radar-grid">')
    for ring in RINGS:
        parts.append(f'<polygon class="radar-ring" points="{points_attribute([ring] * count)}"/>')
    cx, cy = _center()
    for index in range(count):
        x, y = point(index, count, 100)
        parts.append(
            f'<line class="radar-axis" x1="{_fmt(cx)}" y1="{_fmt(cy)}" '
            f'x2="{_fmt(x)}" y2="{_fmt(y)}"/>'
        )
    parts.append("</g>")
    for one in series:
        parts.append(
            f'<polygon class="radar-series {escape(one.css_class)}" '
            f'points="{points_attribute(one.values)}"><title>{escape(one.label)}</title></polygon>'
        )
    for index, label in enumerate(labels):
        x, y = point(index, count, 100, radius=RADIUS + LABEL_GAP)
        theta = angle(index, count)
        classes = f"radar-label radar-label--{_anchor(theta)}"
        lines = wrap(label)
        # Labels under the centre start below their point, those above end
        # above it, the others sit centred on it.
        if math.sin(theta) > 0.5:
            first_dy = 1.0
        elif math.sin(theta) < -0.5:
            first_dy = -(len(lines) - 1) * LINE_HEIGHT
        else:
            first_dy = 0.35 - (len(lines) - 1) * LINE_HEIGHT / 2
        spans = "".join(
            f'<tspan x="{_fmt(x)}" dy="{_fmt(round(dy, 2))}em">{escape(line)}</tspan>'
            for dy, line in zip([first_dy] + [LINE_HEIGHT] * (len(lines) - 1), lines, strict=True)
        )
        parts.append(f'<text class="{classes}" x="{_fmt(x)}" y="{_fmt(y)}">{spans}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text in it is escaped)
