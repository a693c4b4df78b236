"""Rich tables for the store's commands: search results, a person's timeline, a document's cascade, an event.

The command line's side: `hoinghi.store` returns plain data (`store.search`, `store.views`), this renders it."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hoinghi.report import key_values
from hoinghi.store.snippets import Segments

MARK = "bold yellow"


def _text(segs: Segments, style: str = "") -> Text:
    out = Text(style=style)
    for t, h in segs:
        out.append(t, style=MARK if h else None)
    return out


def _province(p: str | None, p25: str | None) -> str:
    if p and p25 and p25 != p:
        return f"{p} → {p25}"
    return p or p25 or ""


def search_table(hits: list, query: str) -> Table:
    table = Table(title=f"{len(hits)} result{'s' if len(hits) != 1 else ''} for {query!r}" if query else None,
                  show_lines=True, header_style="bold", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("article", ratio=3)
    table.add_column("date", no_wrap=True)
    table.add_column("province", ratio=1)
    table.add_column("score", justify="right", no_wrap=True)
    for i, h in enumerate(hits, 1):
        cell = Text()
        cell.append_text(_text(h.title_segments or [(h.title or "(no title)", False)], "bold"))
        cell.append("\n")
        cell.append_text(_text(h.snippet))
        cell.append(f"\n{h.id}" + (f"  {h.url}" if h.url else ""), style="dim")
        table.add_row(str(i), cell, h.date or "", _province(h.province, h.province_2025), f"{h.score:.3g}")
    return table


def _ids(ids: list[str], shown: int = 3) -> str:
    """`p0110, p0138, p0176 +2`: the first few article ids and how many more."""
    more = len(ids) - shown
    return ", ".join(ids[:shown]) + (f" +{more}" if more > 0 else "")


def person_panel(p: dict[str, Any]) -> Panel:
    parts: list = [key_values([("id", p["id"]), ("provinces", ", ".join(p["provinces"])),
                               ("articles", str(len(p["articles"])))])]
    if p["positions"]:
        t = Table("position", "first seen", "last seen", "articles", title="Positions", title_justify="left",
                  header_style="bold", show_edge=False)
        for pos in p["positions"]:
            label = pos["position_full"] or pos["position"]
            t.add_row(("nguyên " if pos["former"] else "") + label, pos["first_seen"] or "—", pos["last_seen"] or "—",
                      _ids(pos["articles"]))
        parts += [Text(""), t]
    if p["events"]:
        t = Table("date", "event", "province", "level", "role", "articles", title="Events", title_justify="left",
                  header_style="bold", show_edge=False)
        for e in p["events"]:
            t.add_row(e["date"] or "—", e["name"] or e["kind"], e["province"] or "", e["level"] or "",
                      ", ".join(e["roles"]), _ids(e.get("articles") or []))
        parts += [Text(""), t]
    return Panel(Group(*parts), title=Text(p["name"], style="bold"), title_align="left")


def document_panel(d: dict[str, Any]) -> Panel:
    head = key_values([(key, str(d[key]) if d.get(key) else None) for key in ("id", "issuer", "date", "subject")]
                      + [("articles", str(len(d["articles"])))])
    parts: list = [head]
    rows = d.get("cascade") or []
    t = Table(title=f"Cascade: {len(rows)} event{'s' if len(rows) != 1 else ''} that studied or carried it out",
              title_justify="left", header_style="bold", show_edge=False, expand=True)
    t.add_column("date", no_wrap=True)
    t.add_column("event", ratio=3, overflow="fold")
    t.add_column("province (then)", ratio=1)
    t.add_column("after 2025", ratio=1)
    t.add_column("level", no_wrap=True)
    t.add_column("chair", ratio=1)
    t.add_column("reports", justify="right", no_wrap=True)
    for r in rows:
        t.add_row(r.get("date") or "—", r.get("name") or "", r.get("province") or "(central)",
                  r.get("province_2025") or "", r.get("level") or "", ", ".join(r.get("chairs") or []),
                  str(len(r.get("articles") or [])))
    parts += [Text(""), t]
    return Panel(Group(*parts), title=Text(d["label"], style="bold"), title_align="left")


def event_panel(e: dict[str, Any]) -> Panel:
    when = " ".join(x for x in (e.get("part_of_day"), e.get("date")) if x)
    rows = [("id", e["id"]), ("kind", e.get("kind")), ("when", when), ("mode", e.get("mode")),
            ("where", ", ".join(x for x in (e.get("city"), e.get("province")) if x)), ("level", e.get("level")),
            ("organizers", ", ".join(e.get("organizers") or [])), ("chairs", ", ".join(e["chair_names"])),
            ("speakers", ", ".join(e["speaker_names"])),
            ("documents", "; ".join(d["label"] for d in e["document_labels"]))]
    parts: list = [key_values([(k, str(v) if v else None) for k, v in rows])]
    if e["bridge_points"]:
        t = Table("bridge point", "province", "after 2025", "chairs", "attendees", "reported in",
                  title="Bridge points (điểm cầu)", title_justify="left", header_style="bold", show_edge=False)
        for b in e["bridge_points"]:
            t.add_row(b["place"], b["province"] or "", b["province_2025"] or "", ", ".join(b["chair_names"]),
                      ", ".join(b["attendee_names"]), b["article_id"] or "")
        parts += [Text(""), t]
    if e["report_articles"]:
        t = Table("date", "article", "province", title="Reports", title_justify="left", header_style="bold",
                  show_edge=False)
        for a in e["report_articles"]:
            t.add_row(a["date"] or "", Text(a["title"] or a["id"]) + Text(
                f"\n{a['id']}" + (" (syndicated copy)" if a.get("copy") else ""), style="dim"),
                      a["province"] or "")
        parts += [Text(""), t]
    return Panel(Group(*parts), title=Text(e.get("name") or e.get("kind") or e["id"], style="bold"),
                 title_align="left")


def counts_table(counts: dict[str, Any], name: str) -> Table:
    t = Table.grid(padding=(0, 2))
    t.add_column(style="bold cyan")
    t.add_column(justify="right")
    t.add_row("store", name)
    for key in ("articles", "versions", "mentions", "people", "documents", "events", "bridge_points",
                "duplicate_groups"):
        if key in counts:
            t.add_row(key.replace("_", " "), f"{counts[key]:,}")
    t.add_row("linked", counts.get("linked_at") or "not yet (hoinghi link)")
    return t
