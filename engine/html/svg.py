"""Charts as inline SVG drawn in Python: horizontal bars, a heatmap and a line chart.

No script and no reference to anything outside the page: the charts print as vectors, read the same with
JavaScript off, and pass the report's CSP.  Every text goes through ``esc``; label widths are estimated
(a CJK character is one em) so long labels wrap or end in '…', and the whole label stays in a <title>.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .page import esc

FONT = 12
"""Font size of chart text, px."""
LIGHTS = {"green": "#2e7d32", "yellow": "#d4a017", "orange": "#ef6c00", "red": "#c62828", None: "#9aa5b1"}
INK, MUTED, RULE, TRACK = "#1f2937", "#6b7280", "#cfd6df", "#edf0f4"


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart."""

    label: str
    value: float
    text: str
    """Printed after the bar."""
    color: str
    title: str = ""
    """Tooltip (the full label); the label when empty."""
    strong: bool = False
    """Bold label (a parent row)."""
    rest: float = 0.0
    """A second, lighter segment stacked after the first."""
    rest_color: str = "#9fb3cc"


@dataclass(frozen=True)
class Cell:
    """One square of a heatmap."""

    text: str
    color: str
    title: str = ""
    strength: float = 1.0
    """Fill opacity in [0, 1]: the heatmap's shade within a colour."""


@lru_cache(maxsize=1 << 14)
def em(text: str) -> float:
    """Estimated width of text in ems: CJK and full-width 1, Latin capitals .65, thin marks .3, others .55
    (remembered: every chart of a page of thousands of scorecards measures the same labels)."""
    return sum(1.0 if ord(c) >= 0x2E80 else .65 if c.isupper() else .3 if c in " .,:;|!il'()[]" else .56
               for c in text)


def wrap(text: str, width: float, lines: int = 2) -> list[str]:
    """Text in at most ``lines`` lines of ``width`` ems: CJK breaks anywhere, Latin at spaces; '…' if cut."""
    return list(_wrapped(text, width, lines))


@lru_cache(maxsize=1 << 14)
def _wrapped(text: str, width: float, lines: int) -> tuple[str, ...]:
    """wrap, remembered (a page of thousands of scorecards draws the same labels in each one's charts)."""
    words, out, line = _tokens(text), [], ""
    for w in words:
        if line and em(line + w) > width:
            out.append(line.rstrip())
            line = w.lstrip()
        else:
            line += w
    out.append(line.rstrip())
    if len(out) > lines:
        out = out[:lines]
        out[-1] = clip(out[-1] + "…", width)
    return tuple(clip(x, width) for x in out)


def clip(text: str, width: float) -> str:
    """Text cut to ``width`` ems, ending in '…' when cut."""
    if em(text) <= width:
        return text
    while text and em(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for c in str(text):
        if ord(c) >= 0x2E80 or not out or ord(out[-1][-1]) >= 0x2E80 or out[-1].endswith(" "):
            out.append(c)
        else:
            out[-1] += c
    return out


def _text(x, y, lines, anchor="start", weight="", size=FONT, fill=INK) -> str:
    """A <text> of one or more lines (tspans), vertically centred on y."""
    bold = ' font-weight="bold"' if weight else ""
    top = y - (len(lines) - 1) * (size + 2) / 2 + size * .35
    spans = "".join(f'<tspan x="{x:.1f}" y="{top + i * (size + 2):.1f}">{esc(t)}</tspan>' for i, t in enumerate(lines))
    return f'<text text-anchor="{anchor}" font-size="{size}" fill="{fill}"{bold}>{spans}</text>'


def _svg(width: float, height: float, label: str, body: str) -> str:
    return (f'<svg viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" role="img" '
            f'aria-label="{esc(label)}"><title>{esc(label)}</title>{body}</svg>')


def bars(rows: list[Bar], scale: float, label: str, width: int = 960, label_em: float = 22,
         track: bool = False, ticks: tuple = ()) -> str:
    """Horizontal bars, one per row, lengths in [0, scale]; ``track`` draws the full length faintly behind.
    Labels get at most ``label_em`` ems (less when they are all shorter)."""
    label_em = min(label_em, max((em(b.label) for b in rows), default=4.0) + .6)
    left, right = round(label_em * FONT + 14), 96
    span, wrapped = width - left - right, [wrap(b.label, label_em - .5) for b in rows]
    bottom = 22 + sum(12 + 15 * len(lines) for lines in wrapped)
    y, out = 22.0, []
    for b, lines in zip(rows, wrapped):
        out.append(_bar(b, lines, y + 6 + 7.5 * len(lines), left, span, scale, track))
        y += 12 + 15 * len(lines)
    out += [f'<line x1="{left + span * t / scale:.1f}" y1="14" x2="{left + span * t / scale:.1f}" y2="{bottom}" '
            f'stroke="#8a96a3" stroke-opacity=".6" stroke-dasharray="3 3"/>'
            + _text(left + span * t / scale, 8, [name], "middle", size=10, fill=MUTED) for t, name in ticks]
    return _svg(width, bottom + 8, label, "".join(out))


def _bar(b: Bar, lines: list[str], mid: float, left: int, span: float, scale: float, track: bool) -> str:
    """One row of a bar chart centred on ``mid``: label, (track,) bar, (second segment,) value."""
    w = span * max(0.0, min(b.value, scale)) / (scale or 1)
    extra = span * max(0.0, min(b.rest, scale - b.value)) / (scale or 1)
    out = [f"<g><title>{esc(b.title or b.label)}</title>", _text(left - 10, mid, lines, "end", "b" if b.strong else "")]
    if track:
        out.append(f'<rect x="{left}" y="{mid - 7:.1f}" width="{span}" height="14" fill="{TRACK}" rx="2"/>')
    out.append(f'<rect x="{left}" y="{mid - 7:.1f}" width="{w:.1f}" height="14" fill="{b.color}" rx="2"/>')
    if extra:
        out.append(f'<rect x="{left + w:.1f}" y="{mid - 7:.1f}" width="{extra:.1f}" height="14" '
                   f'fill="{b.rest_color}" rx="2"/>')
    end = left + (span if track else w + extra)
    return "".join(out) + _text(end + 8, mid, [b.text], weight="b") + "</g>"


def heatmap(rows: list[str], cols: list[str], cells: list[list[Cell]], label: str, row_em: float = 10,
            cell_w: int = 92) -> str:
    """A grid: a row per subject, a column per group, each square coloured and labelled."""
    left, head, cell_h = row_em * FONT + 14, 58, 30
    out = [_text(left + cell_w * (j + .5), head / 2, wrap(c, cell_w / FONT - .4, 3), "middle", size=11)
           for j, c in enumerate(cols)]
    for i, (name, line) in enumerate(zip(rows, cells)):
        y = head + i * cell_h
        out.append(_text(left - 10, y + cell_h / 2, [clip(name, row_em - .5)], "end", "b"))
        for j, c in enumerate(line):
            x = left + j * cell_w
            ink = INK if c.color in (LIGHTS["yellow"], LIGHTS[None]) or c.strength < .6 else "#fff"
            out.append(f'<g><title>{esc(c.title or c.text)}</title><rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" '
                       f'height="{cell_h - 2}" fill="{c.color}" fill-opacity="{c.strength:.2f}" rx="2"/>'
                       + _text(x + cell_w / 2, y + cell_h / 2, [c.text], "middle", "b", fill=ink) + "</g>")
    width, height = left + cell_w * len(cols) + 4, head + cell_h * len(rows) + 4
    return _svg(width, height, label, "".join(out))


def line(points: list[tuple[str, float, str]], top: float, guides: list[tuple[float, str]], label: str,
         width: int = 340, height: int = 210, times: list[float] | None = None) -> str:
    """Values across periods: (period, value, marker colour) joined by a line, over dashed guide lines.
    With ``times`` (one increasing number per point) the points stand at their times, gaps to scale; else
    evenly.  Each period is a tick on the axis; a period name that would overlap the one before is left
    to its point's <title>."""
    left, right, up, down = 34, 92, 24, 26
    span_x, span_y = width - left - right, height - up - down
    xs = _xs(len(points), times, left, span_x)
    def y_at(v):
        return up + span_y * (1 - max(0.0, min(v, top)) / (top or 1))
    out = [f'<line x1="{left}" y1="{up + span_y}" x2="{left + span_x}" y2="{up + span_y}" stroke="{RULE}"/>',
           _text(left - 6, up + span_y, ["0"], "end", size=10, fill=MUTED),
           _text(left - 6, up, [f"{top:g}"], "end", size=10, fill=MUTED)]
    for v, name in guides:
        gy = y_at(v)
        out.append(f'<line x1="{left}" y1="{gy:.1f}" x2="{left + span_x}" y2="{gy:.1f}" stroke="{RULE}" '
                   f'stroke-dasharray="4 3"/>' + _text(left + span_x + 6, gy, [clip(name, 7.5)], size=10, fill=MUTED))
    xy = [(x, y_at(v)) for x, (_, v, _) in zip(xs, points)]
    out.append('<polyline fill="none" stroke="#1e3a5f" stroke-width="2.5" points="'
               + " ".join(f"{x:.1f},{y:.1f}" for x, y in xy) + '"/>')
    shown = _tick_labels([str(p[0]) for p in points], xs)
    values = _value_labels([f"{p[1]:g}" for p in points], xy)
    for (name, v, colour), (x, y), tick, value in zip(points, xy, shown, values):
        axis = up + span_y
        out.append(f'<g><title>{esc(name)}: {v:g}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}" '
                   f'stroke="#fff" stroke-width="1.5"/>'
                   + (_text(x, y - 12, [value], "middle", "b", size=11) if value else "")
                   + f'<line x1="{x:.1f}" y1="{axis}" x2="{x:.1f}" y2="{axis + 4}" stroke="{RULE}"/>'
                   + (_text(x, axis + 14, [tick], "middle", size=11, fill=MUTED) if tick else "") + "</g>")
    return _svg(width, height, label, "".join(out))


def _xs(n: int, times: list[float] | None, left: float, span: float) -> list[float]:
    """x of each of ``n`` points: at its time when ``times`` increase, else evenly; one point in the middle."""
    if n < 2:
        return [left + span / 2] * n
    if times and len(times) == n and times[-1] > times[0]:
        return [left + span * (t - times[0]) / (times[-1] - times[0]) for t in times]
    return [left + span * i / (n - 1) for i in range(n)]


def _tick_labels(names: list[str], xs: list[float], size: int = 11) -> list[str]:
    """Each period's axis label (at most 8 ems), or '' where it would overlap a label drawn: the first and
    the last (the latest period) always stand, the others from the left where there is room."""
    texts = [clip(name, 8) for name in names]
    halves = [em(t) * size / 2 for t in texts]
    out, edge = [], float("-inf")
    stop = xs[-1] - halves[-1] if xs else 0.0
    for i, (text, x, half) in enumerate(zip(texts, xs, halves)):
        last = i == len(texts) - 1
        if i and x - half < edge + 4 or not last and i and x + half > stop - 4:
            out.append("")
            continue
        out.append(text)
        edge = x + half
    return out


def _value_labels(texts: list[str], xy: list[tuple[float, float]], size: int = 11) -> list[str]:
    """Each point's value above it, or '' where it would print over a later value drawn (the latest always
    stands; a hidden value stays in its point's title)."""
    out, last = [], None
    for text, (x, y) in reversed(list(zip(texts, xy))):
        half = em(text) * size / 2
        if last and x + half > last[0] - 2 and abs(y - last[1]) < size + 2:
            out.append("")
            continue
        out.append(text)
        last = (x - half, y)
    return out[::-1]
