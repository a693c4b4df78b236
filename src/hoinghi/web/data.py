"""What the web app shows, read from the store as plain data. The person, document and event views and search
are the store's own (`hoinghi.store.views`, `hoinghi.store.search`), as the command line uses them; this module
adds what only the web needs: an article with its mentions, article lists, statistics and facets, and the first
date each province studied a document (for the map)."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from sqlalchemy import func, select

from hoinghi.geo import merger_table
from hoinghi.store import schema as s
from hoinghi.store.core import Store
from hoinghi.store.search import parse_date, province_key
from hoinghi.text import fold

MERGER_DAY = "2025-07-01"
# dates as the pages print them: `ngày 11/10/2023`, `11-10-2023`, `tháng 10/2023`, `năm 2023`
_DATE_RX = re.compile(r"(?:ngày\s+)?\b\d{1,2}[/-]\d{1,2}[/-]\d{4}\b|\btháng\s+\d{1,2}[/-]\d{4}\b|\bnăm\s+\d{4}\b",
                      re.I)
HIGHLIGHTED = ("person", "position", "document", "place", "organization", "date")


def _json(value: str | None, default: Any = None) -> Any:
    return json.loads(value) if value else default


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """The latest version of an article: its record, cleaned text, mentions (with their entity ids where linking
    found one) and whether the original page is kept."""
    a, m = s.articles, s.mentions
    with store.engine.connect() as conn:
        row = conn.execute(select(a.c.pk, a.c.id, a.c.url, a.c.title, a.c.date, a.c.province, a.c.province_2025,
                                  a.c.text, a.c.record, a.c.version, a.c.raw.isnot(None).label("has_raw"))
                           .where(a.c.id == article_id).order_by(a.c.latest.desc(), a.c.version.desc())
                           ).mappings().first()
        if row is None:
            return None
        ments = [dict(r) for r in conn.execute(select(m.c.type, m.c.text, m.c.start, m.c.end, m.c.ref)
                                               .where(m.c.article_pk == row["pk"]).order_by(m.c.idx)).mappings()]
        ents = {(k, i): e for k, i, e in conn.execute(
            select(s.article_entities.c.kind, s.article_entities.c.idx, s.article_entities.c.entity_id)
            .where(s.article_entities.c.article_id == article_id))}
    record = _json(row["record"], {})
    record.pop("lines", None)
    for x in ments:
        x["entity"] = ents.get((x["type"], x["ref"])) if x["ref"] is not None else None
    out = {k: row[k] for k in ("id", "url", "title", "date", "province", "province_2025", "text", "version")}
    out.update(has_raw=bool(row["has_raw"]), record=record, mentions=ments,
               entities=[{"kind": k, "idx": i, "id": e} for (k, i), e in sorted(ents.items())])
    return out


def highlight(text: str, mentions: list[dict]) -> list[dict[str, Any]]:
    """`text` cut into segments: plain, or a mention (its type and entity) at its offsets. Overlapping mentions:
    the first and longest wins; dates found by pattern fill the gaps."""
    spans = sorted(((x["start"], x["end"], x["type"], x.get("entity")) for x in mentions
                    if 0 <= x["start"] < x["end"] <= len(text)), key=lambda t: (t[0], -t[1]))
    spans += [(mt.start(), mt.end(), "date", None) for mt in _DATE_RX.finditer(text)]
    spans.sort(key=lambda t: (t[0], -t[1]))
    segs: list[dict[str, Any]] = []
    pos = 0
    for start, end, kind, entity in spans:
        if start < pos:
            continue
        if start > pos:
            segs.append({"text": text[pos:start]})
        segs.append({"text": text[start:end], "type": kind, "entity": entity})
        pos = end
    if pos < len(text):
        segs.append({"text": text[pos:]})
    return segs


def _article_filters(q, *, province=None, date_from=None, date_to=None, kind=None):
    a = s.articles
    if province:
        key = province_key(province)
        q = q.where((a.c.province_fold == key) | (a.c.province_2025_fold == key))
    if date_from:
        q = q.where(a.c.date >= parse_date(date_from))
    if date_to:
        q = q.where(a.c.date < parse_date(date_to, upper=True))
    if kind:
        ev = s.article_events
        q = q.where(select(ev.c.article_pk).where(ev.c.article_pk == a.c.pk, ev.c.kind_fold == fold(kind).strip())
                    .exists())
    return q


def articles(store: Store, *, page: int = 1, size: int = 20, **filters) -> dict[str, Any]:
    """The latest articles, newest first, under the filters (province, date_from, date_to, kind), a page of them."""
    a = s.articles
    cols = (a.c.id, a.c.title, a.c.url, a.c.date, a.c.province, a.c.province_2025)
    base = _article_filters(select(*cols).where(a.c.latest.is_(True)), **filters)
    counted = _article_filters(select(func.count()).select_from(a).where(a.c.latest.is_(True)), **filters)
    with store.engine.connect() as conn:
        total = conn.execute(counted).scalar_one()
        rows = conn.execute(base.order_by(a.c.date.desc(), a.c.pk.desc()).limit(size).offset((page - 1) * size)
                            ).mappings().all()
    return {"total": total, "page": page, "size": size, "items": [dict(r) for r in rows]}


def statistics(store: Store, top: int = 20) -> dict[str, Any]:
    """Counts of the latest articles by month and by province (before and after 2025), of events by kind and by
    month, and the documents most studied (events in their cascade)."""
    a, e = s.articles, s.events
    latest = a.c.latest.is_(True)
    month = func.substr(a.c.date, 1, 7)
    emonth = func.substr(e.c.date, 1, 7)
    with store.engine.connect() as conn:
        def pairs(q):
            return [{"key": k, "count": n} for k, n in conn.execute(q)]

        by_month = pairs(select(month, func.count()).where(latest, a.c.date.isnot(None)).group_by(month)
                         .order_by(month))
        by_province = pairs(select(a.c.province, func.count()).where(latest, a.c.province.isnot(None))
                            .group_by(a.c.province).order_by(func.count().desc(), a.c.province).limit(top))
        by_province_2025 = pairs(select(a.c.province_2025, func.count()).where(latest, a.c.province_2025.isnot(None))
                                 .group_by(a.c.province_2025).order_by(func.count().desc(), a.c.province_2025)
                                 .limit(top))
        by_kind = pairs(select(e.c.kind, func.count()).group_by(e.c.kind).order_by(func.count().desc(), e.c.kind))
        events_by_month = pairs(select(emonth, func.count()).where(e.c.date.isnot(None)).group_by(emonth)
                                .order_by(emonth))
        c = s.cascades
        docs = [{"id": i, "label": lab, "count": n} for i, lab, n in conn.execute(
            select(c.c.document_id, s.documents.c.label, func.count()).join(s.documents, s.documents.c.id ==
                                                                               c.c.document_id)
            .group_by(c.c.document_id, s.documents.c.label).order_by(func.count().desc(), s.documents.c.label)
            .limit(top))]
    return {"counts": store.counts(), "articles_by_month": by_month, "articles_by_province": by_province,
            "articles_by_province_2025": by_province_2025, "events_by_kind": by_kind,
            "events_by_month": events_by_month, "documents": docs}


def facets(store: Store) -> dict[str, list[str]]:
    """The values the search page offers as filters: provinces (before and after 2025), years, event kinds."""
    a, ev = s.articles, s.article_events
    latest = a.c.latest.is_(True)
    with store.engine.connect() as conn:
        old = [p for (p,) in conn.execute(select(a.c.province).where(latest, a.c.province.isnot(None)).distinct())]
        new = [p for (p,) in conn.execute(select(a.c.province_2025).where(latest, a.c.province_2025.isnot(None))
                                          .distinct())]
        years = [y for (y,) in conn.execute(select(func.substr(a.c.date, 1, 4)).where(latest, a.c.date.isnot(None))
                                            .distinct()) if y]
        kinds = [k for (k,) in conn.execute(select(ev.c.kind).distinct())]
        docs = [lab for (lab,) in conn.execute(select(s.documents.c.label).where(s.documents.c.label.isnot(None))
                                               .order_by(s.documents.c.label).limit(200))]
    return {"provinces": sorted(old, key=fold), "provinces_2025": sorted(new, key=fold),
            "years": sorted(years, reverse=True), "kinds": sorted(kinds, key=fold), "documents": docs}


def first_studied(store: Store, cascade: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """For each province (of 63 and of 34), the first date it studied the document: a cascade event held there,
    or a bridge point of one (a province following a national conference from its own hall)."""
    first: dict[str, dict[str, str]] = {"63": {}, "34": {}}
    dates = {r["event_id"]: r.get("date") for r in cascade}
    places = [(r.get("date"), r.get("province"), r.get("province_2025")) for r in cascade]
    if dates:
        b = s.bridge_points
        with store.engine.connect() as conn:
            for ev, prov, prov25 in conn.execute(select(b.c.event_id, b.c.province, b.c.province_2025)
                                                 .where(b.c.event_id.in_(list(dates)))):
                places.append((dates.get(ev), prov, prov25))
    merger = merger_table()
    for date, prov, prov25 in places:
        if not date:
            continue
        for layer, name in (("63", prov), ("34", prov25 or merger.get(prov or ""))):
            if name and (name not in first[layer] or date < first[layer][name]):
                first[layer][name] = date
    return first


def timeline(person: dict[str, Any]) -> dict[str, Any]:
    """A person's positions as bars from first to last seen, and the span of dates they cover."""
    bars = [{"position": p["position"], "first": p["first_seen"], "last": p["last_seen"] or p["first_seen"],
             "former": bool(p.get("former"))} for p in person.get("positions") or [] if p.get("first_seen")]
    dates = [b["first"] for b in bars] + [b["last"] for b in bars]
    dates += [e["date"] for e in person.get("events") or [] if e.get("date")]
    return {"bars": bars, "start": min(dates) if dates else None, "end": max(dates) if dates else None}


def kinds_of_events(cascade: list[dict[str, Any]]) -> Counter:
    return Counter(r.get("kind") or "?" for r in cascade)
