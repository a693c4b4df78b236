"""The default steps of one page, each registered by name with what it reads and adds (`hoinghi.pipeline`).

A step is a small function of the working record `Doc`; the recognisers it calls live in `clean/` and `extract/`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hoinghi.pipeline import Doc, Span, step


@step("layout", reads=("page.text", "page.html", "page.url"),
      adds=("layout", "title", "published", "authors", "sources", "section", "views", "body", "captions", "text"))
def layout(doc: Doc) -> None:
    """Normalise the page and label every line: headline, date line, section, body, captions, byline, counter."""
    from hoinghi.clean import analyse, byline_names

    page, art = doc.page, doc.article
    if page.text is None and page.html is not None:
        from hoinghi.read.html import html_page

        parsed = html_page(page.html, url=page.url)
        page.text, page.url = parsed.text, page.url or parsed.url
        art.url = page.url
    lay = doc.layout = analyse(page.text or "", page.url)
    art.title = lay.title
    for line in lay.bylines:
        names = byline_names(line)
        if names:
            art.authors.extend(n for n in names[0] if n not in art.authors)
            art.sources.extend(s for s in names[1] if s not in art.sources)
    art.section, art.views, art.body, art.captions = lay.section, lay.views, lay.body, lay.captions
    art.text = "\n".join(([art.title] if art.title else []) + art.body + art.captions)


@step("dates", reads=("layout", "page.date"), adds=("published", "base"))
def dates(doc: Doc) -> None:
    """The publication date (the page's date line, else the input's date) and the base that dates without a
    year are resolved against."""
    art, lay, page = doc.article, doc.layout, doc.page
    if lay is not None and lay.published is not None:
        art.published, art.published_source = lay.published.value, "page"
        if lay.published.weekday_mismatch:
            art.warnings.append(f"weekday disagrees with the date in {lay.date_line!r}")
    elif page.date:
        art.published, art.published_source = page.date, "input"
    doc.base, doc.base_source = base_date(art, page)


def base_date(art, page) -> tuple[dt.date | None, str | None]:
    """The date that dates without a year are resolved against, and where it came from: the published date, else
    the page's own (a month counts as its last day), else the last day of a year the headline or lead prints."""
    for value, source in ((art.published, "published"), (page.date, "input")):
        day = _as_day(value)
        if day is not None:
            return day, source
    head = "\n".join(([art.title] if art.title else []) + art.body[:1])
    years = [int(y) for y in _YEAR.findall(head) if 1945 <= int(y) <= dt.date.today().year + 1]
    return (dt.date(max(years), 12, 31), "headline") if years else (None, None)


def _as_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        parts = [int(x) for x in value[:10].split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return dt.date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/-])")


@step("people", reads=("text",), adds=("found.people",))
def people(doc: Doc) -> None:
    """People and the positions printed around their names."""
    from hoinghi.extract import is_place, is_region
    from hoinghi.extract.people import find_people

    doc.found["people"] = find_people(doc.text, is_place, is_region)


def _person_spans(doc: Doc) -> list[tuple[int, int]]:
    return sorted(span for pm in doc.found.get("people", ()) for span in pm.spans)


@step("places", reads=("text", "found.people", "base", "page.url"), adds=("found.places", "province"))
def places(doc: Doc) -> None:
    """Vietnam's units (as they were on the article's date), countries, and the province the article is about."""
    from hoinghi.extract import article_province
    from hoinghi.extract.places import find_places

    text, skip, art = doc.text, _person_spans(doc), doc.article
    found = find_places(text, skip=skip, when=doc.base)
    art.province = article_province(found, doc.page.url, title_len=len(art.title or ""))
    if art.province is not None and any(m.place.kind in ("commune", "ward") for m in found):
        found = find_places(text, skip=skip, when=doc.base, context_province=art.province)
    doc.found["places"] = found


@step("organizations", reads=("text", "found.people"), adds=("found.organizations",))
def organizations(doc: Doc) -> None:
    """Party, state and mass bodies, with abbreviations expanded."""
    from hoinghi.extract.orgs import find_organizations

    doc.found["organizations"] = find_organizations(doc.text, _person_spans(doc))


@step("documents", reads=("text", "province"), adds=("found.documents",))
def documents(doc: Doc) -> None:
    """Party and state documents: kind, number, code, issuer, date, term, plenum, congress, subject."""
    from hoinghi.extract.documents import find_documents

    level = "provincial" if doc.article.province else None
    doc.found["documents"] = find_documents(doc.text, context_level=level)


@step("entities", reads=("found.*", "province"),
      adds=("people", "organizations", "places", "foreign_places", "documents", "mentions", "spans"))
def entities(doc: Doc) -> None:
    """The record's people, organisations, places and documents, and every mention's offsets."""
    from hoinghi.extract import assemble

    f, art = doc.found, doc.article
    ents = assemble(doc.text, f.get("people", []), f.get("organizations", []), f.get("places", []),
                    f.get("documents", []), art.province)
    art.people, art.organizations, art.places = ents.people, ents.organizations, ents.places
    art.foreign_places, art.documents, art.mentions = ents.foreign_places, ents.documents, ents.mentions
    doc.spans = [Span(m.type, m.start, m.end, m.text, rule, m.ref) for m, rule in zip(ents.mentions, ents.rules, strict=True)]


@step("events", reads=("title", "text", "found.*", "base", "province"), adds=("events",))
def events(doc: Doc) -> None:
    """The events the article reports: the main one first, with its date, mode, place, roles and documents."""
    from hoinghi.extract.events import build_events

    art, f = doc.article, doc.found
    art.events = build_events(art.title, art.text, len(art.title) + 1 if art.title else 0, f.get("people", []),
                              f.get("organizations", []), f.get("places", []), f.get("documents", []), doc.base,
                              art.province, **({"why": doc.why} if doc.why is not None else {}))
