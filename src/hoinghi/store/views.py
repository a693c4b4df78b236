"""What `hoinghi person`, `document` and `event` show, as plain data (the CLI renders it or prints it as JSON)."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import func, or_, select

from hoinghi.extract.documents import implied_code
from hoinghi.store import schema as s
from hoinghi.store.core import Store, StoreError
from hoinghi.text import fold

_DOC_NUMBER = re.compile(r"(?:^|[^a-z0-9])(?:so\s+)?(\d+[a-z]?)(?:\s*[-/]\s*([a-z][a-z0-9]*(?:\s*[-/]\s*[a-z0-9]+)*))?")


def _alnum(value: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(value or ""))


def parse_document_key(key: str) -> tuple[str | None, str | None, str | None]:
    """`57-KL/TW` -> (None, '57', 'kltw'); `Kết luận 57` -> ('ket luan', '57', None); `Kết luận số 57-KL/TW` ->
    ('ket luan', '57', 'kltw'); `Nghị quyết Trung ương 8` -> ('nghi quyet trung uong', '8', None)."""
    k = fold(key).strip()
    m = _DOC_NUMBER.search(k)
    if not m:
        return (k or None), None, None
    kind = re.sub(r"\s+so$", "", k[:m.start()].strip(" ,.-")).strip() or None
    code = _alnum(m.group(2)) if m.group(2) else None
    # `57-KL/TW-2023`-like tails and years are part of the code, not the number
    return kind, m.group(1), code


def find_documents(store: Store, key: str) -> list[dict[str, Any]]:
    """Linked documents that `key` names: an id, `57-KL/TW`, `Kết luận 57`, `Kết luận số 57-KL/TW`, or words of
    a number-less document's label (`Nghị quyết Trung ương 8`). Most reported first."""
    d = s.documents
    with store.engine.connect() as conn:
        exact = conn.execute(select(d).where(d.c.id == key)).mappings().all()
        if exact:
            return [_doc(r) for r in exact]
        kind, number, code = parse_document_key(key)
        rows: list = []
        if number:
            for r in conn.execute(select(d).where(d.c.number == number)).mappings():
                if code and _alnum(r["code"] or _implied_code(r)) != code:
                    continue
                if kind and not (r["kind_fold"] == kind or r["kind_fold"].startswith(kind)
                                 or kind.startswith(r["kind_fold"])):
                    continue
                rows.append(r)
        if not rows and kind:
            words = kind.split()
            q = select(d)
            for w in words:
                q = q.where(d.c.label_fold.like(f"%{w}%"))
            rows = [r for r in conn.execute(q).mappings()
                    if all(re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", r["label_fold"]) for w in words)
                    and (not number or number in r["label_fold"])]
    docs = [_doc(r) for r in rows]
    docs.sort(key=lambda x: (-len(x["articles"]), x["label"]))
    return docs


def _implied_code(r) -> str | None:
    """The code of a stored document printed without one, when its kind and issuer imply it (a Kết luận of the
    Bộ Chính trị is KL/TW)."""
    data = json.loads(r["data"])
    return implied_code(r["kind"], data.get("issuer_full") or data.get("issuer"))


def _doc(r) -> dict[str, Any]:
    data = json.loads(r["data"])
    return {"id": r["id"], "label": r["label"], "kind": r["kind"], "number": r["number"], "code": r["code"],
            "issuer": data.get("issuer"), "date": data.get("date"), "subject": data.get("subject"),
            "level": data.get("level"), "articles": data.get("articles") or []}


def _names(conn, ids) -> dict[str, str]:
    ids = [i for i in set(ids) if i]
    if not ids:
        return {}
    return dict(conn.execute(select(s.people.c.id, s.people.c.name).where(s.people.c.id.in_(ids))).all())


def document_view(store: Store, key: str) -> list[dict[str, Any]]:
    """Each document `key` names with its cascade: every event that studied or carried it out."""
    docs = find_documents(store, key)
    with store.engine.connect() as conn:
        for doc in docs:
            rows = conn.execute(select(s.cascades.c.data).where(s.cascades.c.document_id == doc["id"])
                                .order_by(s.cascades.c.idx)).scalars()
            doc["cascade"] = [json.loads(r) for r in rows]
    return docs


PEOPLE_SHOWN = 20  # a part of a name matching more people shows this many (`people_matching` counts them all)


def _name_like(key: str):
    return s.people.c.name_fold.like("%" + like_prefix(key), escape="\\")


def people_matching(store: Store, name: str) -> int:
    """How many people `person_view` would list for `name` if it listed them all."""
    p, key = s.people, fold(name).strip()
    with store.engine.connect() as conn:
        exact = conn.execute(select(func.count()).where(or_(p.c.name_fold == key, p.c.id == name))).scalar()
        return exact or (conn.execute(select(func.count()).where(_name_like(key))).scalar() if key else 0)


def person_view(store: Store, name: str) -> list[dict[str, Any]]:
    """Every linked person called `name` (folded compare; or an id): positions with first and last seen, events."""
    p, e = s.people, s.events
    key = fold(name).strip()
    with store.engine.connect() as conn:
        rows = conn.execute(select(p).where(or_(p.c.name_fold == key, p.c.id == name))).mappings().all()
        if not rows and key:
            rows = conn.execute(select(p).where(_name_like(key)).order_by(p.c.name).limit(PEOPLE_SHOWN)
                                ).mappings().all()
        out = []
        for r in rows:
            data = json.loads(r["data"])
            positions = [dict(x, articles=json.loads(x["articles"] or "[]")) for x in conn.execute(
                select(s.person_positions).where(s.person_positions.c.person_id == r["id"])
                .order_by(s.person_positions.c.idx)).mappings()]  # the career's order: by first seen, undated last
            roles: dict[str, list[str]] = {}
            for ev_id, role in conn.execute(select(s.event_people.c.event_id, s.event_people.c.role)
                                            .where(s.event_people.c.person_id == r["id"])):
                roles.setdefault(ev_id, []).append(role)
            ev_ids = list(dict.fromkeys(list(data.get("events") or []) + list(roles)))
            events = []
            if ev_ids:
                for ev in conn.execute(select(e.c.id, e.c.kind, e.c.name, e.c.date, e.c.province, e.c.level, e.c.data)
                                       .where(e.c.id.in_(ev_ids))).mappings():
                    events.append(_person_event(ev, roles, set(data.get("articles") or [])))
                events.sort(key=lambda ev: (ev["date"] is None, ev["date"] or "", ev["id"]))  # undated last
            out.append({"id": r["id"], "name": r["name"], "provinces": json.loads(r["provinces"] or "[]"),
                        "articles": data.get("articles") or [], "positions": positions, "events": events})
    return out


def _person_event(ev, roles: dict[str, list[str]], theirs: set[str]) -> dict[str, Any]:
    """One of a person's events: its fields, the person's roles, and the articles that report it and name them
    (`theirs`), else all its reports."""
    data = json.loads(ev["data"] or "{}")
    reports = list(data.get("reports") or []) + list(data.get("copies") or [])
    return dict({k: ev[k] for k in ("id", "kind", "name", "date", "province", "level")},
                roles=sorted(roles.get(ev["id"], [])), articles=[a for a in reports if a in theirs] or reports)


class AmbiguousId(StoreError):
    """An id's first characters that several ids start with: `matches` holds some of them."""

    def __init__(self, message: str, matches: list[dict[str, Any]]) -> None:
        super().__init__(message)
        self.matches = matches


def like_prefix(value: str) -> str:
    """A LIKE pattern for the values starting with `value`, its `%`, `_` and `\\` taken literally (ESCAPE '\\')."""
    return re.sub(r"([%_\\])", r"\\\1", value) + "%"


def find_event(conn, event_id: str, shown: int = 10):
    """The event whose id is `event_id`, or the only one starting with it; AmbiguousId when several do."""
    e = s.events
    row = conn.execute(select(e).where(e.c.id == event_id)).mappings().first()
    if row is not None or not event_id:
        return row
    rows = conn.execute(select(e).where(e.c.id.like(like_prefix(event_id), escape="\\"))
                        .order_by(e.c.date.asc().nulls_last(), e.c.id).limit(shown + 1)).mappings().all()
    if len(rows) > 1:
        more = " (and more)" if len(rows) > shown else ""
        raise AmbiguousId(f"{len(rows[:shown])}{more} events have ids starting with {event_id!r}: give more of the id",
                          [{k: r[k] for k in ("id", "date", "kind", "name", "province")} for r in rows[:shown]])
    return rows[0] if rows else None


def event_view(store: Store, event_id: str) -> dict[str, Any] | None:
    """An event with its bridge points, chairs and speakers (names), documents and the articles that report it.
    `event_id` may be the id's first characters when only one id starts with them (else AmbiguousId)."""
    a = s.articles
    with store.engine.connect() as conn:
        row = find_event(conn, event_id)
        if row is None:
            return None
        data = json.loads(row["data"])
        bps = [dict(b, chairs=json.loads(b["chairs"] or "[]"), attendees=json.loads(b["attendees"] or "[]"))
               for b in conn.execute(select(s.bridge_points).where(s.bridge_points.c.event_id == row["id"])
                                     .order_by(s.bridge_points.c.idx)).mappings()]
        names = _names(conn, list(data.get("chairs") or []) + list(data.get("speakers") or [])
                       + [p for b in bps for p in b["chairs"] + b["attendees"]])
        for b in bps:
            b["chair_names"] = [names.get(p, p) for p in b["chairs"]]
            b["attendee_names"] = [names.get(p, p) for p in b["attendees"]]
        doc_ids = list(data.get("documents") or [])
        docs = []
        if doc_ids:
            docs = [dict(r) for r in conn.execute(select(s.documents.c.id, s.documents.c.label)
                                                  .where(s.documents.c.id.in_(doc_ids))).mappings()]
        report_ids = list(data.get("reports") or [])
        copy_ids = [x for x in data.get("copies") or [] if x not in report_ids]
        reports = []
        if report_ids or copy_ids:
            reports = [dict(r, copy=r["id"] in copy_ids) for r in conn.execute(
                select(a.c.id, a.c.title, a.c.date, a.c.url, a.c.province)
                .where(a.c.id.in_(report_ids + copy_ids), a.c.latest.is_(True))
                .order_by(a.c.date.asc().nulls_last(), a.c.id)).mappings()]
    data.pop("bridge_points", None)
    data["chair_names"] = [names.get(p, p) for p in data.get("chairs") or []]
    data["speaker_names"] = [names.get(p, p) for p in data.get("speakers") or []]
    data["document_labels"] = docs
    data["bridge_points"] = bps
    data["report_articles"] = reports
    return data
