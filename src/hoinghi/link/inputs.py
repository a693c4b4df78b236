"""What linking reads of an article, and the keys that tie articles together.

`view_of(article)` is the article as linking sees it: its id, dates and province, its people, documents and events,
and instead of its text the two things linking took from it: the sketch of its body for near-duplicates
(`duplicates.signature`) and, for each event, whether its city is printed (`events.city_printed`). A view links
exactly as the article does and weighs a tenth of it; the store keeps one per article (`hoinghi.store.links`).

`keys_of(view)` are what can make the link result of one article depend on another's: the folded names it prints
(people and the names its events print), its documents' keys, its events' buckets (kind, day, scope) and the
day-and-month of each (a report printed without a year joins a dated event of that day and month), and the LSH
buckets of its sketch. Every stage of `link` compares only mentions, reports and pages that share one of these
keys of its own kind, and every id it gives hashes one of them; so a store links each stage one key group at a time
(`hoinghi.store.link_stages`), and incremental linking relinks the groups of the new articles' keys.
"""

from __future__ import annotations

import hashlib
from typing import Any

from hoinghi.extract.documents import document_key
from hoinghi.link.common import full_day, name_key
from hoinghi.link.duplicates import band_keys, signature
from hoinghi.link.events import city_printed, event_scope
from hoinghi.link.roles import named
from hoinghi.model import Article, Document, article_from_dict, plain

_FIELDS = ("id", "published", "published_source", "province", "people", "documents", "events")


def view_of(art: Article) -> Article:
    """The article without its text, carrying its sketch (`link_sketch`) and its events' `link_city` flags."""
    if getattr(art, "link_sketch", None) is not None:
        return art
    view = Article(id=art.id, published=art.published, published_source=art.published_source,
                   province=art.province, people=art.people, documents=art.documents, events=art.events)
    view.link_sketch = signature(art.body)
    view.link_city = [city_printed(art, ev) for ev in art.events]
    return view


def view_dict(view: Article) -> dict[str, Any]:
    data = {f: plain(getattr(view, f)) for f in _FIELDS}
    data["sketch"] = list(view.link_sketch)
    data["city"] = list(view.link_city)
    return data


def view_from_dict(data: dict[str, Any], fields: tuple[str, ...] = _FIELDS) -> Article:
    """The view back from `view_dict`; `fields`: only these of `_FIELDS` (a stage that reads no events skips them)."""
    view = article_from_dict({f: data.get(f) for f in fields if data.get(f) is not None})
    view.link_sketch = tuple(data["sketch"])
    view.link_city = list(data["city"])
    return view


def keys_of(view: Article) -> set[str]:
    """The keys an article shares with those whose link result can depend on it (see the module)."""
    keys = {"p:" + k for p in view.people if p.name and (k := name_key(p.name))}
    keys.update(_event_keys(view))
    keys.update(band_keys(view.link_sketch))
    keys = {_short(k) for k in keys}
    keys.update(document_link_key(d) for d in view.documents)
    return keys


def person_link_key(name: str) -> str:
    """The key of a name's group (`p:` and its folded name): people of other names never meet."""
    return name_group(name_key(name))


def name_group(key: str) -> str:
    """The group key of a folded name (`name_key`)."""
    return _short("p:" + key)


def document_link_key(doc: Document) -> str:
    """The key of a document's group (`d:` and its `document_key`): documents of other keys never meet."""
    return document_group(document_key(doc))


def document_group(key: tuple) -> str:
    """The group key of a `document_key`."""
    return _short("d:" + "|".join("" if x is None else str(x) for x in key))


def _event_keys(art: Article) -> set[str]:
    """The bucket of each event (kind, day, level, province), its day and month, and the names it prints."""
    positions: dict[str, list[str]] = {}
    for p in art.people:
        positions.setdefault(name_key(p.name), []).extend(p.positions_full or p.positions)
    keys: set[str] = set()
    for ev in art.events:
        kind = " ".join((ev.kind or "").casefold().split())
        level, province = event_scope(ev, art, positions)
        if level and level != "central" and not province:
            province = f"?{art.id}"
        day = (ev.date or "")[:10] or full_day(art.published)
        keys.add(f"e:{kind}|{day}|{level}|{province}")
        keys.add(f"i:{ev.kind}|{ev.date or day or '-'}|{level}|{province}")  # what the event's id hashes first
        month_day = day[5:] if day and len(day) == 10 else (None if day else (ev.month_day or "")[2:] or None)
        if month_day:
            keys.add(f"m:{kind}|{month_day}|{level}|{province}")
        keys.update("p:" + k for _role, n in named(ev) if n and (k := name_key(n)))
    return keys


def _short(key: str) -> str:
    return key if len(key) <= 160 else key[:120] + "#" + hashlib.sha1(key.encode("utf-8")).hexdigest()
