"""What `hoinghi person`, `document` and `event` show, as plain data (the CLI renders it or prints it as JSON)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from hoinghi.store.base import Reading, StoreError
from hoinghi.text import fold

if TYPE_CHECKING:  # pragma: no cover
    from hoinghi.store.base import Reader

# The columns read, in the order of the tables in `schema` (rows become dicts, and JSON, in this order)
DOCUMENT = "SELECT id, key, kind, kind_fold, number, code, code_fold, label, label_fold, date, data FROM documents"
PERSON = "SELECT id, name, name_fold, provinces, data FROM people"
EVENT = "SELECT id, kind, kind_fold, name, date, province, level, data FROM events"

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


def find_documents(store: Reading, key: str) -> list[dict[str, Any]]:
    """Linked documents that `key` names: an id, `57-KL/TW`, `Kết luận 57`, `Kết luận số 57-KL/TW`, or words of
    a number-less document's label (`Nghị quyết Trung ương 8`). Most reported first."""
    with store.reading() as conn:
        exact = conn.maps(f"{DOCUMENT} WHERE id = :key", {"key": key})
        if exact:
            return [_doc(r) for r in exact]
        kind, number, code = parse_document_key(key)
        rows: list = []
        if number:
            for r in conn.maps(f"{DOCUMENT} WHERE number = :number", {"number": number}):
                if code and _alnum(r["code"] or _implied_code(r)) != code:
                    continue
                if kind and not (r["kind_fold"] == kind or r["kind_fold"].startswith(kind)
                                 or kind.startswith(r["kind_fold"])):
                    continue
                rows.append(r)
        if not rows and kind:
            words = kind.split()
            like = " AND ".join(f"label_fold LIKE :w{i}" for i in range(len(words)))
            rows = [r for r in conn.maps(f"{DOCUMENT} WHERE {like}", {f"w{i}": f"%{w}%" for i, w in enumerate(words)})
                    if all(re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", r["label_fold"]) for w in words)
                    and (not number or number in r["label_fold"])]
    docs = [_doc(r) for r in rows]
    docs.sort(key=lambda x: (-len(x["articles"]), x["label"]))
    return docs


def _implied_code(r) -> str | None:
    """The code of a stored document printed without one, when its kind and issuer imply it (a Kết luận of the
    Bộ Chính trị is KL/TW)."""
    from hoinghi.extract.documents import implied_code

    data = json.loads(r["data"])
    return implied_code(r["kind"], data.get("issuer_full") or data.get("issuer"))


def _doc(r) -> dict[str, Any]:
    data = json.loads(r["data"])
    return {"id": r["id"], "label": r["label"], "kind": r["kind"], "number": r["number"], "code": r["code"],
            "issuer": data.get("issuer"), "date": data.get("date"), "subject": data.get("subject"),
            "level": data.get("level"), "articles": data.get("articles") or []}


def _names(conn: Reader, ids) -> dict[str, str]:
    ids = [i for i in set(ids) if i]
    if not ids:
        return {}
    return dict(conn.raw("SELECT id, name FROM people WHERE id IN :ids", {"ids": ids}))


def document_view(store: Reading, key: str) -> list[dict[str, Any]]:
    """Each document `key` names with its cascade: every event that studied or carried it out."""
    docs = find_documents(store, key)
    with store.reading() as conn:
        for doc in docs:
            rows = conn.scalars("SELECT data FROM cascades WHERE document_id = :id ORDER BY idx", {"id": doc["id"]})
            doc["cascade"] = [json.loads(r) for r in rows]
    return docs


PEOPLE_SHOWN = 20  # a part of a name matching more people shows this many (`people_matching` counts them all)


NAME_IS = "(name_fold = :key OR id = :name)"
NAME_LIKE = "name_fold LIKE :like ESCAPE '\\'"


def _name_params(name: str) -> dict[str, str]:
    key = fold(name).strip()
    return {"key": key, "name": name, "like": "%" + like_prefix(key)}


def people_matching(store: Reading, name: str) -> int:
    """How many people `person_view` would list for `name` if it listed them all."""
    params = _name_params(name)
    with store.reading() as conn:
        exact = conn.scalar(f"SELECT count(*) FROM people WHERE {NAME_IS}", params)
        return exact or (conn.scalar(f"SELECT count(*) FROM people WHERE {NAME_LIKE}", params) if params["key"] else 0)


def person_view(store: Reading, name: str) -> list[dict[str, Any]]:
    """Every linked person called `name` (folded compare; or an id): positions with first and last seen, events."""
    params = _name_params(name)
    with store.reading() as conn:
        rows = conn.maps(f"{PERSON} WHERE {NAME_IS}", params)
        if not rows and params["key"]:
            rows = conn.maps(f"{PERSON} WHERE {NAME_LIKE} ORDER BY name LIMIT {PEOPLE_SHOWN}", params)
        out = []
        for r in rows:
            data = json.loads(r["data"])
            positions = [dict(x, former=bool(x["former"]), articles=json.loads(x["articles"] or "[]")) for x in conn.maps(
                "SELECT person_id, idx, position, position_full, first_seen, last_seen, former, articles "
                "FROM person_positions WHERE person_id = :id ORDER BY idx", {"id": r["id"]})]  # by first seen, undated last
            roles: dict[str, list[str]] = {}
            for ev_id, role in conn.raw("SELECT event_id, role FROM event_people WHERE person_id = :id", {"id": r["id"]}):
                roles.setdefault(ev_id, []).append(role)
            ev_ids = list(dict.fromkeys(list(data.get("events") or []) + list(roles)))
            events = []
            if ev_ids:
                for ev in conn.maps("SELECT id, kind, name, date, province, level, data FROM events WHERE id IN :ids",
                                    {"ids": ev_ids}):
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


def find_event(conn: Reader, event_id: str, shown: int = 10) -> dict[str, Any] | None:
    """The event whose id is `event_id`, or the only one starting with it; AmbiguousId when several do."""
    row = next(iter(conn.maps(f"{EVENT} WHERE id = :id", {"id": event_id})), None)
    if row is not None or not event_id:
        return row
    rows = conn.maps(f"{EVENT} WHERE id LIKE :like ESCAPE '\\' ORDER BY date ASC NULLS LAST, id LIMIT {shown + 1}",
                     {"like": like_prefix(event_id)})
    if len(rows) > 1:
        more = " (and more)" if len(rows) > shown else ""
        raise AmbiguousId(f"{len(rows[:shown])}{more} events have ids starting with {event_id!r}: give more of the id",
                          [{k: r[k] for k in ("id", "date", "kind", "name", "province")} for r in rows[:shown]])
    return rows[0] if rows else None


def event_view(store: Reading, event_id: str) -> dict[str, Any] | None:
    """An event with its bridge points, chairs and speakers (names), documents and the articles that report it.
    `event_id` may be the id's first characters when only one id starts with them (else AmbiguousId)."""
    with store.reading() as conn:
        row = find_event(conn, event_id)
        if row is None:
            return None
        data = json.loads(row["data"])
        bps = [dict(b, chairs=json.loads(b["chairs"] or "[]"), attendees=json.loads(b["attendees"] or "[]"))
               for b in conn.maps("SELECT event_id, idx, place, province, province_2025, article_id, chairs, attendees "
                                  "FROM bridge_points WHERE event_id = :id ORDER BY idx", {"id": row["id"]})]
        names = _names(conn, list(data.get("chairs") or []) + list(data.get("speakers") or [])
                       + [p for b in bps for p in b["chairs"] + b["attendees"]])
        for b in bps:
            b["chair_names"] = [names.get(p, p) for p in b["chairs"]]
            b["attendee_names"] = [names.get(p, p) for p in b["attendees"]]
        doc_ids = list(data.get("documents") or [])
        docs = []
        if doc_ids:
            docs = conn.maps("SELECT id, label FROM documents WHERE id IN :ids", {"ids": doc_ids})
        report_ids = list(data.get("reports") or [])
        copy_ids = [x for x in data.get("copies") or [] if x not in report_ids]
        reports = []
        if report_ids or copy_ids:
            reports = [dict(r, copy=r["id"] in copy_ids) for r in conn.maps(
                "SELECT id, title, date, url, province FROM articles WHERE id IN :ids AND latest = :true "
                "ORDER BY date ASC NULLS LAST, id", {"ids": report_ids + copy_ids, "true": True})]
    data.pop("bridge_points", None)
    data["chair_names"] = [names.get(p, p) for p in data.get("chairs") or []]
    data["speaker_names"] = [names.get(p, p) for p in data.get("speakers") or []]
    data["document_labels"] = docs
    data["bridge_points"] = bps
    data["report_articles"] = reports
    return data
