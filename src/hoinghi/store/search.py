"""Ranked full-text search over the stored articles' title and body, with filters and highlighted snippets.

The index holds the folded text (`hoinghi.text.fold`: lower case, no diacritics, `đ`/`Đ`/`Ð` -> `d`), and the
query is folded the same way, so `doi ngoai`, `Đối ngoại`, `ĐỐI NGOẠI`, `Ðối ngoại` and `đối ngoaị`'s other
tone placement all find `đối ngoại`.

- SQLite: FTS5 over the view `articles_search(title_fold, body_fold, tags)` (the latest articles) decides what
  matches. `--from/--to`, `--province` and `--kind` are tokens of the hidden column `tags` (`m202310`, `pyenbai`,
  `khoithao`, and their pairs; migration 0002), so they narrow the match inside the index. The matches are
  ranked here by BM25 with FTS5's own formula and statistics (k1 1.2, b 0.75, a title word weighing five body
  words, document lengths from the index, the idf of each word and of the words as a phrase), term frequencies
  counted on the matched articles' folded text. FTS5's `bm25()` gives the same scores but first reads every
  document of every query word to count them: seconds for words found in most of a million articles.
  A query matching more than RANK_CAP articles is ranked among its RANK_CAP newest matches (after the filters).
- PostgreSQL: `to_tsvector('simple', …)` in a GIN-indexed generated column (title weight A, body B), ranked by
  `ts_rank_cd` among the RANK_CAP newest matches (as on SQLite).

A query is words (all must occur), `"quoted phrases"`, `word*` prefixes, `AND`, `OR`, `NOT`, `-word` and
parentheses (`hoinghi.store.query`). Several words also score the phrase they make, so pages with `đối ngoại`
together rank above pages with `đối` and `ngoại` apart.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from hoinghi.store.base import Reading, StoreError
from hoinghi.store.query import Query, parse_query
from hoinghi.store.snippets import Segments, as_markup, original_spans, segments, window
from hoinghi.text import fold

if TYPE_CHECKING:  # pragma: no cover
    from hoinghi.store.base import Reader

# A query matching more articles than this is ranked among its RANK_CAP newest matches (both backends). SQLite: each
# candidate's text is read and its words counted (about 40 µs an article on a million-article store, a third of it reading),
# so this bounds a search of any size (p95 30 ms at a million articles; 1,000 gives about 55 ms).
RANK_CAP = 500
FEW = 500  # --person/--document leaving at most this many articles: rank all of them that match
LOOKBACK = 100_000  # --person/--document leaving more: look at most this many newest matches for them
DF_EXACT = 2_000  # a word's documents are counted up to this many; beyond, estimated from its newest matches
COMMON = 0.8  # with filters, words in this share of the articles are checked on the candidates, not in the index
K1, B, TITLE_WEIGHT = 1.2, 0.75, 5.0  # FTS5's bm25() constants, and the title's weight


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$|^(?:(\d{1,2})/)?(\d{1,2})/(\d{4})$")


def parse_date(value: str, upper: bool = False) -> str | None:
    """`2023`, `2023-10`, `2023-10-11`, `11/10/2023`, `10/2023` -> a bound compared with ISO dates as text; an
    upper bound is exclusive of the next day, month or year, so `--to 2023-10` takes all of October. A date that
    does not exist (`2023-13`, `2023-02-30`) is an error; an upper bound past the year 9999 is None (no bound)."""
    import datetime as dt

    m = _DATE.match(value.strip())
    if not m:
        raise StoreError(f"cannot read the date {value!r}: write 2023, 2023-10, 2023-10-11 or 11/10/2023")
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
    y, mo, d = int(y), int(mo) if mo else None, int(d) if d else None
    try:
        dt.date(y, mo or 1, d or 1)
    except ValueError:
        why = "a year is 1 to 9999" if not y else "a month is 1 to 12" if mo and not 1 <= mo <= 12 else \
            f"{mo:02d}/{y} has no day {d}"
        raise StoreError(f"there is no date {value!r}: {why}") from None
    if not upper:
        return f"{y:04d}" + (f"-{mo:02d}" if mo else "") + (f"-{d:02d}" if d else "")
    if y == 9999 and (mo or 12) == 12 and (d or 31) == 31:
        return None
    if d:
        return (dt.date(y, mo, d) + dt.timedelta(days=1)).isoformat()
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


@dataclass
class _Filters:
    where: list[str]  # SQL over `articles a`, the filters exactly
    params: dict[str, Any]  # a list is expanded (`IN :doc_ids`: `base.expand`)
    province: str | None = None  # the values as the index's tags write them (SQLite)
    kind: str | None = None
    linked: bool = False  # --person or --document: not in the index's tags


def _compact(value: str) -> str:
    """A folded value as the view `articles_search` writes it in a tag (migration 0002)."""
    return value.replace(" ", "").replace("-", "").replace('"', "")


def _filters(store: Reading, *, date_from=None, date_to=None, province=None, person=None, document=None,
             kind=None) -> _Filters:
    f = _Filters(["a.latest = :true"], {"true": True})
    if date_from:
        f.where.append("a.date >= :date_from")
        f.params["date_from"] = parse_date(date_from)
    if date_to and parse_date(date_to, upper=True):
        f.where.append("a.date < :date_to")
        f.params["date_to"] = parse_date(date_to, upper=True)
    if province:
        f.where.append("(a.province_fold = :province OR a.province_2025_fold = :province)")
        f.params["province"] = province_key(province)
        f.province = "p" + _compact(f.params["province"])
    if person:
        f.where.append("(a.id IN (SELECT ae.article_id FROM article_entities ae JOIN people p ON p.id = ae.entity_id "
                       "WHERE ae.kind = 'person' AND (p.name_fold = :person OR p.id = :person_id)) "
                       "OR a.pk IN (SELECT m.article_pk FROM mentions m WHERE m.type = 'person' AND m.fold = :person))")
        f.params["person"] = fold(person).strip()
        f.params["person_id"] = person
        f.linked = True
    if document:
        from hoinghi.store.views import find_documents

        docs = find_documents(store, document)
        if not docs:
            linked = store.count("documents")
            raise StoreError(f"no document matches {document!r}" + (
                "" if linked else ": documents are found by linking; run `hoinghi link` first"))
        f.where.append("a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.kind = 'document' "
                       "AND ae.entity_id IN :doc_ids)")
        f.params["doc_ids"] = [d["id"] for d in docs]
        f.linked = True
    if kind:
        f.where.append("EXISTS (SELECT 1 FROM article_events e WHERE e.article_pk = a.pk AND e.kind_fold = :kind)")
        f.params["kind"] = fold(kind).strip()
        f.kind = "k" + _compact(f.params["kind"])
    return f


def search(store: Reading, query: str, *, limit: int = 10, date_from: str | None = None, date_to: str | None = None,
           province: str | None = None, person: str | None = None, document: str | None = None,
           kind: str | None = None) -> list[Hit]:
    """The best `limit` latest articles for `query` under the filters, best first. An empty query with filters,
    or a query of exclusions only (`-word`), lists the articles that pass, newest first (undated last)."""
    q = parse_query(query)
    filtered = any((date_from, date_to, province, person, document, kind))
    if not q and not q.exclude and not filtered:
        raise StoreError("give words to search for, or a filter (--person, --document, --province, --from …)")
    f = _filters(store, date_from=date_from, date_to=date_to, province=province, person=person,
                 document=document, kind=kind)
    params = dict(f.params, limit=limit)
    cols = "a.pk, a.id, a.title, a.url, a.date, a.province, a.province_2025, a.text"
    with store.reading() as conn:
        if not q:
            rows = _listing(conn, q, f, cols, params, store.dialect)
        elif store.dialect == "sqlite":
            rows = _sqlite(conn, q, f, cols, limit)
        else:
            rows = _postgres(conn, q, f.where, params, cols)
    phrase = q.conjunctive and sum(1 for _w, p in q.words if not p) > 1
    return [_hit(r, q.terms, phrase) for r in rows]


def _listing(conn: Reader, q: Query, f: _Filters, cols: str, params: dict, dialect: str) -> list:
    """The latest articles passing the filters and free of the query's exclusions, newest first, undated last."""
    where = list(f.where)
    if q.exclude:
        params = dict(params, excluded=q.excluded(dialect))
        where.append("a.pk NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :excluded)"
                     if dialect == "sqlite" else "NOT (a.tsv @@ to_tsquery('simple', :excluded))")
    sql = f"SELECT {cols}, 0.0 AS score FROM articles a WHERE {' AND '.join(where)} " \
          "ORDER BY a.date DESC NULLS LAST, a.pk DESC LIMIT :limit"
    return conn.rows(sql, params)


def _hit(r, terms, phrase: bool) -> Hit:
    """A hit, its title's and snippet's highlights where the query's words are (both backends alike)."""
    title = r.title or ""
    body = r.text[len(title) + 1:] if title and r.text.startswith(title) else r.text
    return Hit(
        pk=r.pk, id=r.id, title=r.title, url=r.url, date=r.date, province=r.province,
        province_2025=r.province_2025, score=float(f"{float(r.score):.4g}"),
        title_segments=segments(title, _prefer_phrase(title, original_spans(title, terms), phrase))
        if title else [],
        snippet=window(body, _prefer_phrase(body, original_spans(body, terms), phrase)),
    )


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


# --- SQLite ---

def _varints(blob: bytes) -> list[int]:
    """SQLite's variable-length integers, as FTS5 writes them in its averages record and docsize rows."""
    out, i, n = [], 0, len(blob)
    while i < n:
        v = 0
        for k in range(9):
            c = blob[i]
            i += 1
            if k == 8:
                v = (v << 8) | c
                break
            v = (v << 7) | (c & 0x7F)
            if c < 0x80:
                break
        out.append(v)
    return out


@dataclass
class _Index:
    """What BM25 needs of the whole index: its article count, average length, and the range of its rowids."""

    rows: int
    avgdl: float  # tokens an article, in all columns (FTS5's document length: title, body and tags)
    first: int
    last: int

    def in_span(self, span: int) -> float:
        """How many indexed articles `span` consecutive pks hold, on average (old versions have pks too)."""
        return span * self.rows / max(1, self.last - self.first + 1)


def _index(conn) -> _Index | None:
    blob = conn.scalar("SELECT block FROM articles_fts_data WHERE id = 1")
    totals = _varints(blob) if blob else []
    if not totals or not totals[0]:
        return None
    first = conn.scalar("SELECT min(pk) FROM articles")  # one each: both at once read every row
    last = conn.scalar("SELECT max(pk) FROM articles")
    return _Index(totals[0], sum(totals[1:]) / totals[0], first, last)


_NEWEST = ("SELECT min(rowid), count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :e "
           "ORDER BY rowid DESC LIMIT :n)")


def _documents(conn, expr: str, ix: _Index) -> float:
    """How many articles match the FTS5 expression `expr`: counted up to DF_EXACT; beyond, estimated from how
    densely the newest DF_EXACT lie among the index's rowids."""
    lowest, n = conn.one(_NEWEST, {"e": expr, "n": DF_EXACT})
    if n < DF_EXACT:
        return float(n)
    return min(float(ix.rows), n * ix.rows / ix.in_span(ix.last - lowest + 1))


_SEP = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))  # FTS5's token characters


class _Ranking:
    """BM25 as FTS5's bm25() computes it (k1 1.2, b 0.75, the title weighing five body words, the document length
    in tokens over the average, the idf of each word and phrase from the whole index), for one query."""

    def __init__(self, conn, q: Query, ix: _Index) -> None:
        self.conn, self.q, self.ix = conn, q, ix
        self.scoring = q.scoring()
        self.patterns = [(" " + " ".join(w) + ("" if p else " ")).encode("ascii") for w, p in self.scoring]
        self._documents: dict[str, float] = {}

    def documents(self, expr: str) -> float:
        if expr not in self._documents:
            self._documents[expr] = _documents(self.conn, expr, self.ix)
        return self._documents[expr]

    def newest(self, expr: str, filtered: bool) -> list[int]:
        """The RANK_CAP newest matches of `expr`. Unfiltered, they also count the query's matches as `_documents`
        would (the idf of the words as a phrase needs it), without asking the index again."""
        pks = _newest(self.conn, expr, RANK_CAP)
        q = self.q
        if filtered or q.exclude or not q.conjunctive or any(p for _w, p in q.words) or (
                q.phrases and (q.words or len(q.phrases) > 1)):
            return pks
        n = len(pks) if len(pks) < RANK_CAP else min(
            float(self.ix.rows), RANK_CAP * self.ix.rows / self.ix.in_span(self.ix.last - pks[-1] + 1))
        key = " AND ".join(f'"{w}"' for w, _p in q.words) if q.words else '"' + " ".join(q.phrases[0]) + '"'
        self._documents.setdefault(key, float(n))
        return pks

    def common_words(self) -> set[int]:
        """The query's words found in at least COMMON of the articles (none when the query has operators)."""
        if self.q.exclude or not self.q.conjunctive:
            return set()
        return {i for i, (w, p) in enumerate(self.q.words)
                if not p and self.documents(f'"{w}"') >= COMMON * self.ix.rows}

    def rank(self, pks: list[int], where: list[str] = (), params: dict | None = None,
             required: set[int] = frozenset()) -> list[tuple[float, int]]:
        """(score, pk) of the articles `pks` that pass `where` and hold the query's words at the indices
        `required` (left out of the index's match), best first. Term frequencies are counted in the folded text
        with every character other than a-z and 0-9 read as a space (the index's tokens); a phrase counts where
        its words stand one space apart (FTS5 also counts it across punctuation). The words as a phrase, which the
        articles need not hold, get their document count from the share of the candidates holding them."""
        if not pks:
            return []
        # CROSS JOIN: the candidates drive, each read by its pk (not all of a province's articles through its index)
        sql = ("SELECT a.pk, CAST(a.title_fold AS BLOB), CAST(a.body_fold AS BLOB), d.sz FROM json_each(:pks) j "
               "CROSS JOIN articles a ON a.pk = j.value CROSS JOIN articles_fts_docsize d ON d.id = a.pk"
               + "".join(f" AND {w}" for w in where))
        sep, weight, patterns = _SEP, TITLE_WEIGHT, self.patterns
        counted = []  # (pk, document length, frequencies)
        # plain tuples: a thousand rows without making row objects
        for pk, t, b, sz in self.conn.raw(sql, dict(params or {}, pks=json.dumps(pks))):
            t = b" " + t.translate(sep) + b" "
            b = b" " + b.translate(sep) + b" "
            freqs = [weight * t.count(p) + b.count(p) for p in patterns]
            if all(freqs[i] for i in required):
                counted.append((pk, sum(_varints(sz)), freqs))
        idfs = []
        for i, (words, prefix) in enumerate(self.scoring):
            if len(words) > 1 and list(words) not in self.q.phrases:  # the words as a phrase, not required
                share = sum(1 for c in counted if c[2][i]) / max(1, len(counted))
                n = share * self.documents(" AND ".join(f'"{w}"' for w in words))
            else:
                n = self.documents('"' + " ".join(words) + '"' + ("*" if prefix else ""))
            idf = math.log((self.ix.rows - n + 0.5) / (n + 0.5))
            idfs.append(idf if idf > 0 else 1e-6)
        k1, norm_b, norm_d = K1, K1 * (1 - B), K1 * B / self.ix.avgdl
        out = []
        for pk, size, freqs in counted:
            norm = norm_b + norm_d * size
            score = 0.0
            for tf, idf in zip(freqs, idfs, strict=True):
                if tf:
                    score += idf * tf * (k1 + 1) / (tf + norm)
            out.append((score, pk))
        out.sort(key=lambda x: (-x[0], -x[1]))  # ties: newest first
        return out


def _newest(conn, expr: str, n: int) -> list[int]:
    return conn.scalars("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rowid DESC LIMIT :n",
                        {"q": expr, "n": n})


def _tags(conn, f: _Filters) -> str | None:
    """The FTS5 expression over the tags for --province, --kind and --from/--to (None: no such filter; "": no
    article can pass). Two filters together use their pair's tags (`pyenbaikhoithao`, `pyenbaim202310`)."""
    dates = _date_tags(conn, f.params.get("date_from"), f.params.get("date_to"))
    if dates == []:
        return ""
    parts = []
    if f.province and f.kind:
        parts.append(f'"{f.province}{f.kind}"')
    if dates:
        lead = f.province or f.kind or ""
        parts.append("(" + " OR ".join(f'"{lead}{d}"' for d in dates) + ")")
    elif not parts and (f.province or f.kind):
        parts.append(f'"{f.province or f.kind}"')
    return " AND ".join(f"{{tags}}: {x}" for x in parts) or None


def _sqlite(conn, q: Query, f: _Filters, cols: str, limit: int):
    """FTS5 finds the matches, newest first, with the filters it can apply as tags; the first RANK_CAP of them
    that pass every filter are ranked by BM25. --person and --document are applied to the matches: when they leave
    at most FEW articles, every one of those that matches is ranked; otherwise the newest matches are read ten
    times further back (up to LOOKBACK) until RANK_CAP pass."""
    ix = _index(conn)
    if ix is None:
        return []
    where = f.where[1:]  # the index holds the latest versions only
    tags = _tags(conn, f)
    if tags == "":
        return []
    rank = _Ranking(conn, q, ix)
    expr = f"{q.match()} AND {tags}" if tags else q.match()
    if f.linked:
        few = conn.scalars(f"SELECT a.pk FROM articles a WHERE {' AND '.join(f.where)} LIMIT {FEW + 1}", f.params)
        if len(few) <= FEW:
            pks = conn.scalars("SELECT fts.rowid FROM json_each(:pks) j CROSS JOIN articles_fts fts "
                               "ON fts.rowid = j.value WHERE articles_fts MATCH :q",
                               {"pks": json.dumps(few), "q": q.match()})
            return _rows(conn, rank.rank(sorted(pks, reverse=True))[:limit], cols)
        lookback = RANK_CAP
        while True:
            pks = _newest(conn, expr, lookback)
            kept = conn.scalars(f"SELECT a.pk FROM articles a WHERE a.pk IN (SELECT value FROM json_each(:pks)) "
                                f"AND {' AND '.join(where)}", dict(f.params, pks=json.dumps(pks)))
            if len(kept) >= RANK_CAP or len(pks) < lookback or lookback >= LOOKBACK:
                break
            lookback *= 10
        return _rows(conn, rank.rank(sorted(kept, reverse=True)[:RANK_CAP])[:limit], cols)
    ranked = None
    if tags:
        # Filters make the matches sparse: FTS5 would step through every article between the newest and the
        # RANK_CAP-th match in the posting list of each word. Words in nearly every article are checked on the
        # candidates' text instead (when too few hold them, the index is asked with every word after all).
        common = rank.common_words()
        if common:
            loose = " AND ".join(x for x in (q.match(common), tags) if x)
            pks = _newest(conn, loose, RANK_CAP)
            ranked = rank.rank(pks, where, f.params, required=common)
            if len(ranked) < limit and len(pks) == RANK_CAP:
                ranked = None
    if ranked is None:
        ranked = rank.rank(rank.newest(expr, bool(where)), where, f.params)  # plain binds only in `where`
    return _rows(conn, ranked[:limit], cols)


def _rows(conn, ranked: list[tuple[float, int]], cols: str) -> list:
    if not ranked:
        return []
    score = dict((pk, sc) for sc, pk in ranked)
    rows = conn.rows(f"SELECT {cols}, 0.0 AS score FROM articles a WHERE a.pk IN (SELECT value FROM json_each(:pks))",
                     {"pks": json.dumps(list(score))})
    by_pk = {r.pk: r for r in rows}
    return [_Row(by_pk[pk], sc) for sc, pk in ranked if pk in by_pk]


class _Row:
    """A result row with its score."""

    def __init__(self, row, score: float) -> None:
        self._row, self.score = row, score

    def __getattr__(self, name):
        return getattr(self._row, name)


def _date_tags(conn, lower: str | None, upper: str | None) -> list[str] | None:
    """The tags of the dates in [lower, upper) (bounds from `parse_date`): whole years as `y2023`, whole months
    as `m202310`, other days as `d20231011`. None: no date filter, or one that holds every stored date; []: no
    date can pass."""
    if not lower and not upper:
        return None
    import datetime as dt

    first = conn.scalar("SELECT min(date) FROM articles")
    last = conn.scalar("SELECT max(date) FROM articles")
    if not first:
        return []
    try:
        start, end = dt.date(int(first[:4]), 1, 1), dt.date(int(last[:4]) + 1, 1, 1)
        lo, hi = start, end
        for bound, is_upper in ((lower, False), (upper, True)):
            if bound:
                parts = [int(x) for x in bound.split("-")] + [1, 1]
                day = dt.date(parts[0], parts[1], parts[2])
                lo, hi = (lo, day) if is_upper else (day, hi)
    except ValueError:  # not a date the tags can hold: the SQL filter alone decides
        return None
    if lo <= start and hi >= end:
        return None
    lo, hi = max(lo, start), min(hi, end)
    if hi <= lo:
        return []
    tags, d = [], lo
    while d < hi:
        if d.day == 1 and d.month == 1 and dt.date(d.year + 1, 1, 1) <= hi:
            tags.append(f"y{d.year}")
            d = dt.date(d.year + 1, 1, 1)
            continue
        nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        if d.day == 1 and nxt <= hi:
            tags.append(f"m{d.year}{d.month:02d}")
            d = nxt
            continue
        tags.append(f"d{d.year}{d.month:02d}{d.day:02d}")
        d += dt.timedelta(days=1)
    return tags


def _postgres(conn: Reader, q: Query, where, params, cols):
    """Ranked by `ts_rank_cd` among the RANK_CAP newest matches, as on SQLite, so that no search reads every
    article holding a common word. The matches come either by walking the articles newest first until RANK_CAP
    are found (each row read: good when most rows match) or from the GIN index (the match is a plain conjunction,
    which the index answers without reading the rows' vectors; good for rarer words) — chosen by `_walk`, as the
    planner prices reading a row's vector as nothing. Only the candidates are ranked, only the best read whole."""
    params = dict(params, match=q.tsquery(scoring=False), q=q.tsquery(), cap=RANK_CAP)
    matches = f"FROM articles a WHERE a.tsv @@ to_tsquery('simple', :match) AND {' AND '.join(where)}"
    order = "a.pk"
    if not _walk(conn, matches, params):
        order = "a.pk + 0"  # not by the primary key's index: from the GIN index's matches, then sorted
        conn.run("SET LOCAL enable_seqscan = off")  # and not by reading every row's vector either
    sql = (f"WITH newest AS MATERIALIZED (SELECT a.pk {matches} ORDER BY {order} DESC LIMIT :cap), "
           "best AS MATERIALIZED (SELECT a.pk, ts_rank_cd(a.tsv, query) AS score FROM newest n "
           "JOIN articles a ON a.pk = n.pk, to_tsquery('simple', :q) query ORDER BY score DESC, a.pk DESC "
           f"LIMIT :limit) SELECT {cols}, best.score FROM best JOIN articles a ON a.pk = best.pk "
           "ORDER BY best.score DESC, a.pk DESC")
    return conn.rows(sql, params)


WALK_COST = 2  # testing a row by reading its vector, in matches visited from the index (200,000 articles: 25 µs, 15)


def _walk(conn: Reader, matches: str, params: dict) -> bool:
    """Whether walking newest first is cheaper than the index: it reads RANK_CAP / share rows, the index path
    visits every match, so walk when share × matches > WALK_COST × RANK_CAP (estimates from the planner)."""
    plan = conn.scalar(f"EXPLAIN (FORMAT JSON) SELECT 1 {matches}", params)
    plan = json.loads(plan) if isinstance(plan, str) else plan
    estimated = float(plan[0]["Plan"]["Plan Rows"])
    total = float(conn.scalar("SELECT greatest(reltuples, 1) FROM pg_class WHERE relname = 'articles'") or 1)
    return estimated * min(1.0, estimated / total) > WALK_COST * RANK_CAP
