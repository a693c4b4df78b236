"""Documents: the mentions of one party or state document across articles become one canonical document.

Mentions are grouped by `document_key` (kind and number; congress or plenum for unnumbered resolutions; else the
subject). Numbered documents of different issuers or years can share a key, so inside a key a mention joins a
document only when nothing clashes:

- codes: a missing code is compatible with any; two different codes (after `normalize_code`) are not;
- signing dates, terms: two different values clash;
- issuers: two issuers clash unless one contains the other (`Tỉnh ủy` / `Ban Thường vụ Tỉnh ủy`), except when both
  mentions print the same code;
- scope: a provincial document (a code of a provincial body, `/TU`, `/HU`, `-UBND` …, a provincial issuer or a
  provincial congress) is one document only within one province: the province its issuer names, else the
  article's. A national document (a `/TW`, `-CP`, `-TTg` … code, a central issuer, a national congress or plenum)
  never merges with a provincial one. A mention that says neither (`Kết luận 57`) joins a national document, or a
  provincial one of its article's province; two such mentions merge across provinces only for the kinds that are
  usually central (`Nghị quyết`, `Kết luận`, `Chỉ thị`, `Luật` …).

Mentions are taken fullest first, so documents are founded by the fullest citations and the bare ones (`Kết luận
57`) join the best matching document: same code, same date, same issuer, subject words in common.

The canonical fields come from the fullest mention (most non-null fields, then longest subject), missing fields
filled by the most frequent value of the others; the subject is the longest printed one. A provincial congress
resolution without an issuer gets `Đảng bộ tỉnh <province>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from hoinghi import lexicons
from hoinghi.extract.documents import document_key, normalize_code
from hoinghi.link import DocumentEntity
from hoinghi.link.common import (
    PROVINCE_CITIES,
    assign_ids,
    cfold,
    day_of,
    is_central,
    is_provincial,
    p2025,
    position_key,
    provinces_named,
    unique_ids,
    vote,
)
from hoinghi.model import Article, Document
from hoinghi.text import fold

_FIELDS = ("number", "code", "issuer", "date", "congress", "level", "plenum", "term", "subject")
_ALL_FIELDS = (*_FIELDS, "issuer_full")
_CENTRAL_KINDS = {"nghi quyet", "ket luan", "chi thi", "quy dinh", "quy che", "luat", "bo luat", "nghi dinh",
                  "thong tu", "hien phap", "phap lenh", "van kien"}
# Code segments of provincial and lower bodies: KH/TU, CTr/TU, QĐ-UBND, NQ/HU, KH-BTGTU, NQ/ĐU …
_LOCAL_SEGMENT = re.compile(r"^(?:UBND|HĐND|ĐU|TU|HU|QU|TXU|ThU|TxU|BTV|UBKT\w*|\w*TU|\w*HU|\w*QU)$")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(fold(w) for w in lexicons.load("link.toml")["documents"]["stop_words"])  # left out of subjects


@dataclass(eq=False)
class _Mention:
    article: Article
    index: int
    doc: Document
    key: tuple
    code: str | None
    scope: str  # national, provincial, unknown
    province: str | None  # the province of a provincial document; the article's for an unknown one
    central_kind: bool
    fullness: int
    order: int


@dataclass(eq=False)
class _Doc:
    key: tuple
    order: int
    members: list[_Mention] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    issuers: list[str] = field(default_factory=list)
    scope: str = "unknown"
    province: str | None = None
    central_kind: bool = False
    words: set[str] = field(default_factory=set)


def is_local_code(code: str | None) -> bool:
    """A code of a provincial or lower body: `KH/TU`, `CTr/TU`, `QĐ-UBND`, `NQ/HU`, `KH-BTGTU`."""
    if not code:
        return False
    segments = re.split(r"[-/]", normalize_code(code))
    return any(_LOCAL_SEGMENT.match(s) for s in segments[1:]) or (len(segments) == 1 and bool(_LOCAL_SEGMENT.match(
        segments[0])))


def _issuer(doc: Document) -> str:
    """The issuer spelt out (`Ban Bí thư` for a printed `BBT`), which mentions are compared on."""
    return doc.issuer_full or doc.issuer or ""


def _fullness(doc: Document) -> int:
    return sum(getattr(doc, f) not in (None, "") for f in _FIELDS)


@lru_cache(maxsize=1 << 14)
def _words(subject: str | None) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(fold(subject)) if w not in _STOP) if subject else frozenset()


def mention(art: Article, index: int, doc: Document, order: int) -> _Mention:
    code = normalize_code(doc.code) if doc.code else None
    issuer = _issuer(doc)
    if is_local_code(code) or doc.level == "provincial" or (issuer and is_provincial(issuer)):
        scope = "provincial"
        named = provinces_named(issuer) if issuer else ()
        province = named[0] if named else art.province or f"?{art.id}"
    elif code or doc.level == "national" or doc.plenum or (issuer and is_central(issuer)):
        scope, province = "national", None
    else:
        scope, province = "unknown", art.province
    return _Mention(art, index, doc, document_key(doc), code, scope, province,
                    cfold(doc.kind or "") in _CENTRAL_KINDS, _fullness(doc), order)


def _issuers_agree(a: str, b: str) -> bool:
    ka, kb = position_key(a), position_key(b)
    return ka in kb or kb in ka


def _compatible(m: _Mention, d: _Doc) -> bool:
    return _fields_agree(m, d) and _scopes_agree(m, d)


def _fields_agree(m: _Mention, d: _Doc) -> bool:
    """No clash of code, date, term or issuer (an issuer counts only when the codes do not already agree)."""
    doc = m.doc
    if m.code and d.codes and m.code not in d.codes:
        return False
    if doc.date and d.dates and doc.date not in d.dates:
        return False
    if doc.term and d.terms and doc.term not in d.terms:
        return False
    issuer = _issuer(doc)
    return not (issuer and d.issuers and not (m.code and m.code in d.codes)
                and not any(_issuers_agree(issuer, i) for i in d.issuers))


def _scopes_agree(m: _Mention, d: _Doc) -> bool:
    if m.scope == "national":
        return d.scope != "provincial"
    if m.scope == "provincial":
        return d.scope != "national" and (d.province == m.province)
    # an unknown mention
    if d.scope == "national":
        return True
    if d.scope == "provincial":
        return d.province == m.province
    return d.province == m.province or (m.central_kind and d.central_kind)


def _score(m: _Mention, d: _Doc) -> float:
    doc = m.doc
    score = 0.0
    if m.code and m.code in d.codes:
        score += 4
    if doc.date and doc.date in d.dates:
        score += 2
    if doc.issuer and d.issuers:
        score += 2
    words = _words(doc.subject)
    if words and d.words:
        score += len(words & d.words) / len(words)
    if m.province and m.province == d.province:
        score += 1
    return score + min(len(d.members), 100) / 1000


def _add(d: _Doc, m: _Mention) -> None:
    d.members.append(m)
    doc = m.doc
    if m.code:
        d.codes.add(m.code)
    if doc.date:
        d.dates.add(doc.date)
    if doc.term:
        d.terms.add(doc.term)
    issuer = _issuer(doc)
    if issuer and issuer not in d.issuers:
        d.issuers.append(issuer)
    if d.scope == "unknown" and m.scope != "unknown":
        d.scope = m.scope
        d.province = m.province
    elif d.province is None and d.scope != "national":
        d.province = m.province
    d.central_kind = d.central_kind or m.central_kind
    d.words |= _words(doc.subject)


def link_documents(articles: list[Article], only: Callable[[Document], bool] | None = None
                   ) -> tuple[list[DocumentEntity], dict[tuple[str, int], str]]:
    """Canonical documents and the map (article id, index in article.documents) -> document id. `only`: link just
    the documents it accepts (a store links one group of keys at a time; documents of other keys never meet)."""
    mentions = []
    for art in articles:
        for i, doc in enumerate(art.documents):
            if only is None or only(doc):
                mentions.append(mention(art, i, doc, len(mentions)))
    mentions.sort(key=lambda m: (-m.fullness, -len(m.doc.subject or ""), m.order))
    # Documents of a key founded by a provincial mention are listed under their province, the others (national or
    # unknown scope) under the key: a mention only looks at the documents it could join.
    shared: dict[tuple, list[_Doc]] = {}
    local: dict[tuple, list[_Doc]] = {}
    docs: list[_Doc] = []
    for m in mentions:
        candidates = shared.get(m.key, [])
        if m.scope != "national":
            candidates = candidates + local.get((m.key, m.province), [])
        fits = [d for d in candidates if _compatible(m, d)]
        if fits:
            best = max(fits, key=lambda d: (_score(m, d), -d.order))
        else:
            best = _Doc(key=m.key, order=len(docs))
            if m.scope == "provincial":
                local.setdefault((m.key, m.province), []).append(best)
            else:
                shared.setdefault(m.key, []).append(best)
            docs.append(best)
        _add(best, m)

    docs.sort(key=lambda d: min(x.order for x in d.members))
    entities = [_canonical(d) for d in docs]
    ids = unique_ids("doc_", [_id_parts(e) for e in entities])
    document_of = assign_ids(docs, entities, ids)
    return entities, document_of


def _canonical(d: _Doc) -> DocumentEntity:
    members = sorted(d.members, key=lambda m: (-m.fullness, -len(m.doc.subject or ""), m.order))
    base = members[0].doc
    province = d.province if d.scope == "provincial" and d.province and not d.province.startswith("?") else None
    values = _values(members, province)
    by_time = sorted(d.members, key=lambda m: (day_of(m.article.published) or "9999", m.order))
    ent = DocumentEntity(id="", key=d.key, kind=base.kind, **values,
                         articles=list(dict.fromkeys(m.article.id for m in by_time)))
    ent.province = province
    ent.province_2025 = p2025(province)
    ent.scope = d.scope
    ent.texts = list(dict.fromkeys(m.doc.text for m in members if m.doc.text))
    return ent


def _values(members: list[_Mention], province: str | None) -> dict[str, object]:
    """The document's fields: the fullest mention's, the others voting on those it lacks; the longest subject."""
    base = members[0].doc
    values = {}
    for f in _ALL_FIELDS:
        value = getattr(base, f)
        values[f] = value if value not in (None, "") else vote(getattr(m.doc, f) for m in members)
    values["subject"] = max((m.doc.subject for m in members if m.doc.subject), key=len, default=None)
    if values["code"]:
        values["code"] = normalize_code(values["code"])
    if values["congress"] and values["level"] == "provincial" and not values["issuer"] and province:
        values["issuer"] = values["issuer_full"] = _congress_issuer(province)
    return values


def _congress_issuer(province: str) -> str:
    """The party organisation of a province, which a provincial congress's documents are issued by."""
    if province.startswith("Thành phố"):
        return "Đảng bộ " + province
    return "Đảng bộ " + ("thành phố " if province in PROVINCE_CITIES else "tỉnh ") + province


def _id_parts(e: DocumentEntity) -> list[object]:
    head = "|".join(str(k) for k in e.key) + ("|" + e.province if e.province else "")
    return [head, e.code, e.date, e.term, e.issuer_full or e.issuer, e.subject]
