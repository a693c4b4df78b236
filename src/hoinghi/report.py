"""Readable summaries of records for a person to check at a glance (`--format table`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:  # pragma: no cover - `hoinghi search` and the views do not need the model
    from hoinghi.model import Article


def key_values(rows: list[tuple[str, str | None]]) -> Table:
    """Two columns, a key and its value, for the rows that have a value."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for key, value in rows:
        if value:
            table.add_row(key, value)
    return table


def _doc_label(d) -> str:
    head = d.kind + (f" số {d.number}" if d.number else "") + (f"-{d.code}" if d.code else "")
    if d.plenum:
        head += f" Trung ương {d.plenum}"
    if d.congress:
        head += f" Đại hội {d.congress}" + (" (tỉnh)" if d.level == "provincial" else "")
    if d.term:
        head += f" khóa {d.term}"
    extra = ", ".join(x for x in (d.issuer, d.date) if x)
    return head + (f" ({extra})" if extra else "") + (f": {d.subject}" if d.subject else "")


def article_table(art: Article) -> Panel:
    parts: list = [key_values([
        ("id", art.id), ("url", art.url or ""), ("published", art.published or "—"),
        ("section", " › ".join(art.section)), ("authors", ", ".join(art.authors)),
        ("sources", ", ".join(art.sources)), ("views", str(art.views) if art.views is not None else ""),
        ("body", f"{len(art.body)} paragraphs, {sum(len(p.split()) for p in art.body)} words"),
        ("captions", " | ".join(art.captions)),
    ])]
    for i, ev in enumerate(art.events):
        parts.append(Text(f"\n{'Main event' if i == 0 else 'Event'}: {ev.name or ev.kind}", style="bold magenta"))
        parts.append(_event_values(ev, art))
    if art.people:
        parts += [Text(""), _people_table(art)]
    if art.documents:
        parts += [Text("\nDocuments", style="bold magenta")] + [Text("  • " + _doc_label(d)) for d in art.documents]
    if art.places:
        parts.append(Text("\nPlaces: " + ", ".join(_place_label(p) for p in art.places)))
    if art.warnings:
        parts.append(Text("\nwarnings: " + "; ".join(art.warnings), style="yellow"))
    return Panel(Group(*parts), title=Text(art.title or "(no title)", style="bold"), title_align="left")


def _event_values(ev, art: Article) -> Table:
    when = " ".join(x for x in (ev.part_of_day, ev.date) if x) or "—"
    att = ev.attendance
    attendance = (("~" if att.get("approx") else "") + str(att.get("count"))) if att else ""
    return key_values([
        ("when", when), ("mode", ev.mode or ""), ("where", ", ".join(x for x in (ev.venue, ev.city) if x)),
        ("part of", ev.parent or ""), ("theme", ev.theme or ""), ("organizers", ", ".join(ev.organizers)),
        ("chairs", ", ".join(ev.chairs)), ("speakers", ", ".join(ev.speakers)), ("bridge points", _bridges(ev)),
        ("attendance", attendance),
        ("documents", "; ".join(_doc_label(art.documents[j]) for j in ev.documents if j < len(art.documents))),
    ])


def _bridges(ev) -> str:
    """The bridge points with their chairs and attendees, after their number when the article gives it."""
    bridges = "; ".join(
        bp.place + (f" (chủ trì: {', '.join(bp.chairs)})" if bp.chairs else "")
        + (f" (dự: {', '.join(bp.attendees)})" if bp.attendees else "") for bp in ev.bridge_points)
    if ev.bridge_point_count:
        bridges = f"{ev.bridge_point_count} điểm cầu" + (f": {bridges}" if bridges else "")
    return bridges


def _people_table(art: Article) -> Table:
    people = Table("person", "positions", "former", show_edge=False, header_style="bold")
    for p in art.people:
        people.add_row(" ".join(p.honorifics + [p.name]) if p.honorifics else p.name,
                       "; ".join(p.positions_full or p.positions), "; ".join(p.former_positions))
    return people


def _place_label(p) -> str:
    """A place with its kind, and its province then and after 2025 when they are not the place itself."""
    if p.province and p.province != p.name or p.province_2025 and p.province_2025 != p.name:
        return p.name + f" ({p.kind}, {p.province} → {p.province_2025})"
    return p.name + f" ({p.kind})"
