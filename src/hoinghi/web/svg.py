"""Charts and the map as inline SVG, drawn on the server from data and from the province outlines the package
ships (`static/vn_provinces_63.geojson`, Natural Earth, public domain). Every label is escaped."""

from __future__ import annotations

import json
import math
from functools import cache
from html import escape
from importlib import resources
from typing import Any

from markupsafe import Markup

from hoinghi.geo import merger_table

GEOJSON = "vn_provinces_63.geojson"
_RAMP = ((0x08, 0x30, 0x6B), (0x6B, 0xAE, 0xD6), (0xDE, 0xEB, 0xF7))  # earliest dark blue -> latest pale
NONE_FILL = "#e5e5e5"


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


@cache
def provinces() -> dict[str, Any]:
    """The 63 provinces' outlines (GeoJSON), read once from the package."""
    return json.loads(resources.files("hoinghi.web").joinpath("static", GEOJSON).read_text(encoding="utf-8"))


def bars(items: list[dict[str, Any]], *, label: str = "key", value: str = "count", width: int = 640,
         height: int = 160, title: str = "") -> Markup:
    """A vertical bar chart (e.g. articles per month)."""
    if not items:
        return Markup("")
    top = max(i[value] for i in items) or 1
    step = width / len(items)
    out = [f'<svg class="chart" viewBox="0 0 {width} {height + 30}" role="img" aria-label="{_e(title)}">']
    for n, item in enumerate(items):
        h = item[value] / top * height
        x = n * step
        out.append(f'<g><title>{_e(item[label])}: {item[value]}</title><rect x="{x + 1:.1f}" y="{height - h:.1f}" '
                   f'width="{max(step - 2, 1):.1f}" height="{h:.1f}" fill="#2b6cb0"/></g>')
    for n in sorted({0, len(items) - 1, len(items) // 2}):
        out.append(f'<text x="{n * step + step / 2:.1f}" y="{height + 16}" font-size="11" text-anchor="middle">'
                   f'{_e(items[n][label])}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def hbars(items: list[dict[str, Any]], *, label: str = "key", value: str = "count", href=None,
          width: int = 480, title: str = "") -> Markup:
    """A horizontal bar chart with labels (provinces, documents), each bar a link when `href(item)` gives one."""
    if not items:
        return Markup("")
    top = max(i[value] for i in items) or 1
    row, lab = 20, 200
    out = [f'<svg class="chart" viewBox="0 0 {width} {row * len(items) + 4}" role="img" aria-label="{_e(title)}">']
    for n, item in enumerate(items):
        w = item[value] / top * (width - lab - 40)
        y = n * row
        text = _e(_short(str(item[label]), 32))
        link = href(item) if href else None
        name = f'<a href="{_e(link)}">{text}</a>' if link else text
        out.append(f'<text x="{lab - 6}" y="{y + 14}" font-size="12" text-anchor="end">{name}</text>'
                   f'<rect x="{lab}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="#2b6cb0"/>'
                   f'<text x="{lab + w + 4:.1f}" y="{y + 14}" font-size="11">{item[value]}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _days(iso: str) -> int:
    y, m, d = (int(x) for x in (iso + "-01-01")[:10].split("-"))
    return y * 372 + m * 31 + d


def timeline(tl: dict[str, Any], *, width: int = 720, title: str = "") -> Markup:
    """A person's positions as bars along time, from the first to the last date each was seen."""
    if not tl["bars"]:
        return Markup("")
    start, end = _days(tl["start"]), _days(tl["end"])
    span = max(end - start, 1)
    lab, row = 260, 22
    scale = (width - lab - 20) / span
    out = [f'<svg class="chart timeline" viewBox="0 0 {width} {row * len(tl["bars"]) + 30}" role="img" '
           f'aria-label="{_e(title)}">']
    for n, b in enumerate(tl["bars"]):
        x = lab + (_days(b["first"]) - start) * scale
        w = max((_days(b["last"]) - _days(b["first"])) * scale, 6)
        fill = "#a0aec0" if b["former"] else "#2b6cb0"
        out.append(f'<g><title>{_e(b["position"])}: {_e(b["first"])} – {_e(b["last"])}</title>'
                   f'<text x="{lab - 6}" y="{n * row + 15}" font-size="12" text-anchor="end">'
                   f'{_e(_short(b["position"], 40))}</text><rect x="{x:.1f}" y="{n * row + 4}" width="{w:.1f}" '
                   f'height="{row - 8}" rx="3" fill="{fill}"/></g>')
    y = row * len(tl["bars"]) + 18
    out.append(f'<text x="{lab}" y="{y}" font-size="11">{_e(tl["start"])}</text>'
               f'<text x="{width - 20}" y="{y}" font-size="11" text-anchor="end">{_e(tl["end"])}</text></svg>')
    return Markup("".join(out))


def _colour(rank: float) -> str:
    """A colour of the ramp at `rank` (0 the earliest .. 1 the latest)."""
    seg = min(int(rank * 2), 1)
    t = rank * 2 - seg
    a, b = _RAMP[seg], _RAMP[seg + 1]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))


def _project(lon: float, lat: float) -> tuple[float, float]:
    k = 40.0
    return (lon - 102.0) * k * math.cos(math.radians(16)), (23.6 - lat) * k


def _path(geometry: dict[str, Any]) -> str:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    parts = []
    for poly in polys:
        for ring in poly:
            pts = [_project(x, y) for x, y in ring]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
    return "".join(parts)


@cache
def _outlines() -> tuple[tuple[str, str], ...]:
    """(province of 63, SVG path) for every outline, projected once."""
    return tuple((f["properties"]["name"], _path(f["geometry"])) for f in provinces()["features"])


def shades(first: dict[str, str]) -> dict[str, str]:
    """Each province's colour by the rank of the date it first studied the document."""
    order = sorted(set(first.values()))
    if not order:
        return {}
    pos = {d: (i / (len(order) - 1) if len(order) > 1 else 0.0) for i, d in enumerate(order)}
    return {name: _colour(pos[d]) for name, d in first.items()}


def vietnam_map(first: dict[str, dict[str, str]], layer: str = "34", title: str = "", none_label: str = "—") -> Markup:
    """The provinces shaded by the date each first studied the document: the 34 of after 1 July 2025 (the 63's
    outlines grouped by the merger table) or the 63 of before."""
    merger = merger_table()
    dates = first.get(layer, {})
    fills = shades(dates)
    out = [f'<svg class="map" id="map-{layer}" viewBox="0 0 300 640" role="img" aria-label="{_e(title)}">']
    for old, d in _outlines():
        name = old if layer == "63" else merger.get(old, old)
        fill = fills.get(name, NONE_FILL)
        stroke = "#ffffff" if layer == "63" or fill == NONE_FILL else fill
        label = f"{name}: {dates.get(name, none_label)}" + (f" ({old})" if name != old else "")
        cls = "province studied" if name in dates else "province"
        out.append(f'<path class="{cls}" data-province="{_e(name)}" d="{d}" fill="{fill}" '
                   f'stroke="{stroke}" stroke-width="0.6"><title>{_e(label)}</title></path>')
    out.append(_legend(dates))
    out.append("</svg>")
    return Markup("".join(out))


def _legend(dates: dict[str, str]) -> str:
    order = sorted(set(dates.values()))
    if not order:
        return ""
    items = [(order[0], _colour(0.0)), (order[-1], _colour(1.0 if len(order) > 1 else 0.0))]
    out = []
    for n, (d, c) in enumerate(dict(items).items()):
        out.append(f'<rect x="190" y="{20 + n * 18}" width="12" height="12" fill="{c}"/>'
                   f'<text x="206" y="{30 + n * 18}" font-size="11">{_e(d)}</text>')
    return "".join(out)
