"""Why hoinghi decided what it did on one page (`hoinghi explain PAGE`): every line with its label and the rule
that labelled it, every span (person, position, organisation, place, document) with the rule or lexicon entry that
found it, each step's outcome, and for each event why each field got its value."""

from __future__ import annotations

from typing import Any

from hoinghi.pipeline import Doc


def explanation(doc: Doc) -> dict[str, Any]:
    """The working record as plain data: what `hoinghi explain --json` prints."""
    art = doc.article
    return {
        "id": art.id,
        "url": art.url,
        "steps": [{"step": s.name, "ok": s.name not in doc.failed} for s in _steps()],
        "warnings": list(art.warnings),
        "base_date": doc.base.isoformat() if doc.base else None,
        "base_date_from": doc.base_source,
        "lines": [{"line": ln.index + 1, "label": ln.label, "why": ln.why, "text": ln.text}
                  for ln in (doc.layout.lines if doc.layout is not None else [])],
        "spans": [{"label": s.label, "text": s.text, "start": s.start, "end": s.end, "rule": s.rule, "ref": s.ref}
                  for s in doc.spans],
        "events": [_event(i, ev, doc.why or []) for i, ev in enumerate(art.events)],
    }


def _steps():
    from hoinghi.pipeline import default_pipeline

    return default_pipeline().steps


def _event(index: int, ev, why: list[tuple[int, str, str]]) -> dict[str, Any]:
    reasons: dict[str, list[str]] = {}
    for i, name, reason in why:
        if i == index:
            reasons.setdefault(name, []).append(reason)
    fields = {}
    for name in ("kind", "name", "date", "part_of_day", "mode", "venue", "city", "organizers", "chairs", "speakers",
                 "bridge_points", "attendance", "documents", "parent", "theme"):
        value = getattr(ev, name)
        if name == "bridge_points":
            value = [bp.place for bp in value]
        if value or name in reasons:
            fields[name] = {"value": value, "why": reasons.get(name, [])}
    return fields


def explain_panel(data: dict[str, Any], show_lines: bool = True):
    """The explanation as tables to read in a terminal."""
    from rich.console import Group
    from rich.text import Text

    parts: list = [Text(f"{data['id']}  {data['url'] or ''}", style="bold")]
    steps = "  ".join(s["step"] + ("" if s["ok"] else " ✗") for s in data["steps"])
    parts.append(Text(f"steps: {steps}   base date: {data['base_date'] or '—'} ({data['base_date_from'] or 'none'})"))
    parts += [Text(f"warning: {w}", style="yellow") for w in data["warnings"]]
    if show_lines:
        parts.append(_table("Lines", ("#", "label", "rule", "text"),
                            [(str(ln["line"]), ln["label"], ln["why"], _cut(ln["text"])) for ln in data["lines"]]))
    parts.append(_table("Found", ("what", "as printed", "rule", "at"),
                        [(s["label"], _cut(s["text"], 60), s["rule"], f"{s['start']}–{s['end']}")
                         for s in data["spans"]]))
    for i, ev in enumerate(data["events"]):
        rows = [(name, _cut(_show(f["value"]), 60), "; ".join(f["why"])) for name, f in ev.items()]
        parts.append(_table("Main event" if i == 0 else f"Event {i + 1}", ("field", "value", "why"), rows))
    return Group(*parts)


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]):
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return "" if value is None else str(value)


def _cut(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
