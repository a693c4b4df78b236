"""Ranked full-text search over the stored articles' title and body, with filters and highlighted snippets.

The index holds the folded text (`hoinghi.text.fold`: lower case, no diacritics, `đ`/`Đ`/`Ð` -> `d`), and the
query is folded the same way, so `doi ngoai`, `Đối ngoại`, `ĐỐI NGOẠI`, `Ðối ngoại` and `đối ngoaị`'s other
tone placement all find `đối ngoại`.

- SQLite: FTS5 over `articles(title_fold, body_fold)`, ranked by `bm25()` (a title match weighs 5 body matches);
  marks from `highlight()`.
- PostgreSQL: `to_tsvector('simple', …)` in a GIN-indexed generated column (title weight A, body B), ranked by
  `ts_rank_cd`; marks from `ts_headline`.

A query is words (all must occur), `"quoted phrases"`, and `word*` prefixes. Several words also score the phrase
they make, so pages with `đối ngoại` together rank above pages with `đối` and `ngoại` apart.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import bindparam, text

from hoinghi.store import schema as s
from hoinghi.store.core import Store, StoreError
from hoinghi.store.snippets import CLOSE, OPEN, Segments, as_markup, original_spans, segments, window
from hoinghi.text import fold

# A query whose every word is in more articles than this is ranked among its most recently stored matches only
# (SQLite): ranking every article that has words found in most of a million articles takes seconds.
RANK_CAP = 5_000
FEW = 500  # filters leaving at most this many articles: rank them directly


@dataclass
class Query:
    words: list[tuple[str, bool]] = field(default_factory=list)  # (folded word, prefix)
    phrases: list[list[str]] = field(default_factory=list)

    @property
    def terms(self) -> list[tuple[str, bool]]:
        return self.words + [(w, False) for p in self.phrases for w in p]

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    def fts5(self) -> str:
        parts = [f'"{w}"' + ("*" if p else "") for w, p in self.words]
        parts += ['"' + " ".join(p) + '"' for p in self.phrases]
        must = " AND ".join(parts)
        plain = [w for w, p in self.words if not p]
        if len(plain) > 1:  # the words as a phrase, to score adjacency
            return f'({must}) AND ("{" ".join(plain)}" OR "{plain[0]}")'
        return must

    def tsquery(self) -> str:
        parts = [w + (":*" if p else "") for w, p in self.words]
        parts += ["(" + " <-> ".join(p) + ")" for p in self.phrases]
        must = " & ".join(parts)
        plain = [w for w, p in self.words if not p]
        if len(plain) > 1:
            return f"({must}) & (({' <-> '.join(plain)}) | {plain[0]})"
        return must


def parse_query(query: str) -> Query:
    """Fold the query; quoted parts are phrases, `word*` a prefix, everything else words that must all occur."""
    q = Query()
    folded = fold(query or "")
    for m in re.finditer(r'"([^"]*)"|([a-z0-9]+)(\*?)', folded):
        if m.group(1) is not None:
            words = re.findall(r"[a-z0-9]+", m.group(1))
            if len(words) > 1:
                q.phrases.append(words)
            elif words:
                q.words.append((words[0], False))
        else:
            q.words.append((m.group(2), bool(m.group(3))))
    return q


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$|^(?:(\d{1,2})/)?(\d{1,2})/(\d{4})$")


def parse_date(value: str, upper: bool = False) -> str:
    """`2023`, `2023-10`, `2023-10-11`, `11/10/2023`, `10/2023` -> a bound compared with ISO dates as text; an
    upper bound is exclusive of the next day, month or year, so `--to 2023-10` takes all of October."""
    m = _DATE.match(value.strip())
    if not m:
        raise StoreError(f"cannot read the date {value!r}: write 2023, 2023-10, 2023-10-11 or 11/10/2023")
    if m.group(1):
        y, mo, d = m.group(1), m.group(2), m.group(3)
    else:
        y, mo, d = m.group(6), m.group(5), m.group(4)
    y, mo, d = int(y), int(mo) if mo else None, int(d) if d else None
    if not upper:
        return f"{y:04d}" + (f"-{mo:02d}" if mo else "") + (f"-{d:02d}" if d else "")
    import datetime as dt

    if d:
        nxt = dt.date(y, mo, d) + dt.timedelta(days=1)
        return nxt.isoformat()
    if mo:
        return f"{y + (mo == 12):04d}-{mo % 12 + 1:02d}"
    return f"{y + 1:04d}"


_PROVINCE_PREFIX = re.compile(r"^(tinh|thanh pho|tp\.?|thu do)\s+")


def province_key(name: str) -> str:
    return _PROVINCE_PREFIX.sub("", fold(name).strip())


@dataclass
class Hit:
    pk: int
    id: str
    title: str | None
    url: str | None
    date: str | None
    province: str | None
    province_2025: str | None
    score: float
    title_segments: Segments
    snippet: Segments

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("title_segments")
        d["title_highlighted"] = as_markup(self.title_segments)
        d["snippet"] = as_markup(self.snippet)
        return d


def _filters(store: Store, *, date_from=None, date_to=None, province=None, person=None, document=None,
             kind=None) -> tuple[list[str], dict[str, Any], list]:
    where = ["a.latest = :true"]
    params: dict[str, Any] = {"true": True}
    expanding = []
    if date_from:
        where.append("a.date >= :date_from")
        params["date_from"] = parse_date(date_from)
    if date_to:
        where.append("a.date < :date_to")
        params["date_to"] = parse_date(date_to, upper=True)
    if province:
        where.append("(a.province_fold = :province OR a.province_2025_fold = :province)")
        params["province"] = province_key(province)
    if person:
        where.append("(a.id IN (SELECT ae.article_id FROM article_entities ae JOIN people p ON p.id = ae.entity_id "
                     "WHERE ae.kind = 'person' AND (p.name_fold = :person OR p.id = :person_id)) "
                     "OR a.pk IN (SELECT m.article_pk FROM mentions m WHERE m.type = 'person' AND m.fold = :person))")
        params["person"] = fold(person).strip()
        params["person_id"] = person
    if document:
        from hoinghi.store.views import find_documents

        docs = find_documents(store, document)
        if not docs:
            linked = store.count(s.documents)
            raise StoreError(f"no document matches {document!r}" + (
                "" if linked else ": documents are found by linking; run `hoinghi link` first"))
        where.append("a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.kind = 'document' "
                     "AND ae.entity_id IN :doc_ids)")
        params["doc_ids"] = [d["id"] for d in docs]
        expanding.append(bindparam("doc_ids", expanding=True))
    if kind:
        where.append("a.pk IN (SELECT e.article_pk FROM article_events e WHERE e.kind_fold = :kind)")
        params["kind"] = fold(kind).strip()
    return where, params, expanding


def search(store: Store, query: str, *, limit: int = 10, date_from: str | None = None, date_to: str | None = None,
           province: str | None = None, person: str | None = None, document: str | None = None,
           kind: str | None = None) -> list[Hit]:
    """The best `limit` latest articles for `query` under the filters, best first. An empty query with filters
    lists the filtered articles, newest first."""
    q = parse_query(query)
    filtered = any((date_from, date_to, province, person, document, kind))
    if not q and not filtered:
        raise StoreError("give words to search for, or a filter (--person, --document, --province, --from …)")
    where, params, expanding = _filters(store, date_from=date_from, date_to=date_to, province=province,
                                        person=person, document=document, kind=kind)
    params["limit"] = limit
    cols = "a.pk, a.id, a.title, a.url, a.date, a.province, a.province_2025, a.text"
    with store.engine.connect() as conn:
        if not q:
            sql = f"SELECT {cols}, 0.0 AS score FROM articles a WHERE {' AND '.join(where)} " \
                  "ORDER BY a.date DESC, a.pk DESC LIMIT :limit"
            rows = conn.execute(text(sql).bindparams(*expanding), params).all()
            marks: dict[int, tuple[str | None, str | None]] = {}
        elif store.dialect == "sqlite":
            rows, marks = _sqlite(conn, q, where, params, expanding, cols, filtered)
        else:
            rows, marks = _postgres(conn, q, where, params, expanding, cols)
    hits = []
    for r in rows:
        title = r.title or ""
        body = r.text[len(title) + 1:] if title and r.text.startswith(title) else r.text
        tmark, bmark = marks.get(r.pk, (None, None))
        terms = q.terms
        phrase = sum(1 for _w, p in q.words if not p) > 1
        score = -float(r.score) if store.dialect == "sqlite" else float(r.score)  # bm25(): lower is better
        hits.append(Hit(
            pk=r.pk, id=r.id, title=r.title, url=r.url, date=r.date, province=r.province,
            province_2025=r.province_2025, score=float(f"{score:.4g}"),
            title_segments=segments(title, _prefer_phrase(title, original_spans(title, tmark, terms), phrase))
            if title else [],
            snippet=window(body, _prefer_phrase(body, original_spans(body, bmark, terms), phrase)),
        ))
    return hits


def _prefer_phrase(text_: str, spans: list[tuple[int, int]], phrase: bool) -> list[tuple[int, int]]:
    """For a query of several words, mark where they stand together when they do, not every lone word."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and (a <= merged[-1][1] or text_[merged[-1][1]:a].isspace()):
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    spans = merged
    if not phrase:
        return spans
    together = [(a, b) for a, b in spans if any(c.isspace() for c in text_[a:b])]
    return together or spans


def _estimate(conn, q: Query) -> int | None:
    """How many articles the query can match at most: the fewest documents of any word it requires."""
    words = [w for w, p in q.words if not p] + [w for p in q.phrases for w in p]
    if not words:
        return None
    counts = dict(conn.execute(text("SELECT term, doc FROM articles_fts_vocab WHERE term IN :t")
                               .bindparams(bindparam("t", expanding=True)), {"t": words}).all())
    return min(counts.get(w, 0) for w in words)


def _sqlite(conn, q: Query, where, params, expanding, cols, filtered):
    """Rank with bm25(). A query whose rarest word is in more than RANK_CAP articles is ranked among its
    RANK_CAP most recently stored matches (FTS5 walks them newest first and stops); when filters keep too few
    of those, it looks ten times further back, and so on. Filters that leave at most FEW articles (a person, a
    document) rank those articles directly, with the same BM25 on the index's statistics."""
    params["q"] = q.fts5()
    estimate = _estimate(conn, q)
    conds = " AND ".join(where)
    limit = params["limit"]
    if filtered:
        few = conn.execute(text(f"SELECT a.pk FROM articles a WHERE {conds} LIMIT {FEW + 1}")
                           .bindparams(*expanding), params).scalars().all()
        if len(few) <= FEW:
            return _rank_few(conn, q, few, cols, limit), {}
    cap = RANK_CAP if estimate is not None and estimate > RANK_CAP else None
    while True:
        capped = f" ORDER BY rowid DESC LIMIT {cap}" if cap else ""
        sql = (f"WITH m AS (SELECT rowid AS pk, bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts "
               f"WHERE articles_fts MATCH :q{capped}) "
               f"SELECT {cols}, m.score AS score FROM m JOIN articles a ON a.pk = m.pk WHERE {conds} "
               "ORDER BY m.score, a.pk DESC LIMIT :limit")
        rows = conn.execute(text(sql).bindparams(*expanding), params).all()
        if len(rows) >= limit or cap is None or not filtered or cap >= (estimate or 0):
            return rows, {}  # highlights: from the query's words (FTS5's highlight() costs a query per row)
        cap *= 10  # the filters kept too few of the newest matches: look further back


def _rank_few(conn, q: Query, pks: list[int], cols: str, limit: int) -> list:
    """BM25 (k1 1.2, b 0.75, title weighing 5 body words) over a few articles, on the index's document counts."""
    if not pks:
        return []
    import math

    rows = conn.execute(text(f"SELECT {cols}, a.title_fold, a.body_fold FROM articles a WHERE a.pk IN :pks")
                        .bindparams(bindparam("pks", expanding=True)), {"pks": pks}).all()
    total = conn.execute(text("SELECT count(*) FROM articles WHERE latest")).scalar_one() or 1
    words = [w for w, _p in q.terms]
    df = dict(conn.execute(text("SELECT term, doc FROM articles_fts_vocab WHERE term IN :t")
                           .bindparams(bindparam("t", expanding=True)), {"t": words}).all())
    patterns = [(w, re.compile(r"(?<![a-z0-9])" + re.escape(w) + (r"[a-z0-9]*" if p else r"(?![a-z0-9])")))
                for w, p in q.terms]
    phrases = [re.compile(r"(?<![a-z0-9])" + r"[^a-z0-9]+".join(map(re.escape, ph)) + r"(?![a-z0-9])")
               for ph in q.phrases]
    plain = [w for w, p in q.words if not p]
    if len(plain) > 1:
        bonus = re.compile(r"(?<![a-z0-9])" + r"[^a-z0-9]+".join(map(re.escape, plain)) + r"(?![a-z0-9])")
    else:
        bonus = None
    avg = sum(len(r.body_fold) for r in rows) / max(1, len(rows)) or 1.0
    scored = []
    for r in rows:
        both = r.title_fold + "\n" + r.body_fold
        if any(not p.search(both) for _w, p in patterns) or any(not p.search(both) for p in phrases):
            continue
        score = 0.0
        norm = 1.2 * (0.25 + 0.75 * len(r.body_fold) / avg)
        for w, p in patterns + ([("", bonus)] if bonus else []):
            tf = 5 * len(p.findall(r.title_fold)) + len(p.findall(r.body_fold))
            n = df.get(w, 1) if w else 1
            idf = math.log(1 + (total - n + 0.5) / (n + 0.5))
            score += idf * tf * 2.2 / (tf + norm)
        scored.append((-score, -r.pk, r))
    scored.sort(key=lambda x: (x[0], x[1]))
    return [_Row(r, s) for s, _pk, r in scored[:limit]]


class _Row:
    """A result row with its score replaced (bm25() order: lower is better)."""

    def __init__(self, row, score: float) -> None:
        self._row, self.score = row, score

    def __getattr__(self, name):
        return getattr(self._row, name)


def _postgres(conn, q: Query, where, params, expanding, cols):
    params["q"] = q.tsquery()
    sql = (f"SELECT {cols}, ts_rank_cd(a.tsv, query) AS score FROM articles a, to_tsquery('simple', :q) query "
           f"WHERE a.tsv @@ query AND {' AND '.join(where)} ORDER BY score DESC, a.pk DESC LIMIT :limit")
    rows = conn.execute(text(sql).bindparams(*expanding), params).all()
    marks = {}
    if rows:
        opts = f"HighlightAll=true, StartSel={OPEN}, StopSel={CLOSE}"
        hl = text("SELECT pk, ts_headline('simple', regexp_replace(title_fold, '[^a-z0-9]', ' ', 'g'), query, :o), "
                  "ts_headline('simple', regexp_replace(body_fold, '[^a-z0-9]', ' ', 'g'), query, :o) "
                  "FROM articles, to_tsquery('simple', :q) query WHERE pk IN :pks"
                  ).bindparams(bindparam("pks", expanding=True))
        for pk, t, b in conn.execute(hl, {"q": params["q"], "o": opts, "pks": [r.pk for r in rows]}):
            marks[pk] = (t, b)
    return rows, marks
