"""The default steps of one page, each registered by name with what it reads and adds (`hoinghi.pipeline`).

A step is a small function of the working record `Doc`; the recognisers it calls live in `clean/` and `extract/`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hoinghi.pipeline import Doc, Span, step


@step("layout", reads=("page.text", "page.html", "page.url"),
      adds=("layout", "title", "published", "kind", "authors", "sources", "section", "views", "body", "captions",
            "text"))
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
    art.kind = lay.kind
    art.text = "\n".join(([art.title] if art.title else []) + art.body + art.captions)


@step("dates", reads=("layout", "page.date", "page.url"), adds=("published", "base"))
def dates(doc: Doc) -> None:
    """The publication date (the page's date line, else the input's date, else a date in the URL) and the base that
    dates without a year are resolved against."""
    art, lay, page = doc.article, doc.layout, doc.page
    if lay is not None and lay.published is not None:
        art.published, art.published_source = lay.published.value, "page"
        if lay.published.weekday_mismatch:
            art.warnings.append(f"weekday disagrees with the date in {lay.date_line!r}")
    elif page.date:
        art.published, art.published_source = page.date, "input"
    else:
        found = url_date(page.url or art.url)
        if found:
            art.published, art.published_source = found, "url"
    doc.base, doc.base_source, doc.base_precision = base_date(art, page)


def base_date(art, page) -> tuple[dt.date | None, str | None, str | None]:
    """The date that dates without a year are resolved against, where it came from and how precise it is (`day`,
    `month`, `year`): the published date (printed, else the input's, else the URL's) unless the page contradicts an
    outside one; else the input's own date; else a month or year the headline or lead prints."""
    for value, source in ((art.published, art.published_source or "published"), (page.date, "input")):
        day = _as_day(value)
        if day is None:
            continue
        if source != "page":
            said = _page_says(art, day)
            if said is not None:
                art.warnings.append(f"the {source} date {value} gives way to the page, which dates its event "
                                    f"{said.isoformat()}")
                return said, "page text", "day"
        return day, source, _PRECISION[len(value[:10])]
    return _headline_base(art)


_PRECISION = {4: "year", 7: "month", 10: "day"}


def base_text(doc: Doc) -> str | None:
    """The base as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: as much of it as is known (`find_event_date` reads that)."""
    if doc.base is None:
        return None
    return doc.base.isoformat()[: {"year": 4, "month": 7}.get(doc.base_precision or "day", 10)]


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


def _page_says(art, outside: dt.date) -> dt.date | None:
    """The day the page's own text gives its event when it contradicts an outside date: a date printed with its year
    in a sentence saying the event took place, later than the outside date (a page cannot report as past what came
    after it), or the lead's day and month being the outside date's with day and month swapped."""
    from hoinghi.clean.dates import find_event_date, held_dates

    slack = dt.timedelta(days=7)
    later = [d for d in held_dates("\n".join(art.body)) if d > outside + slack]
    if later:
        return max(later)
    swapped = _swapped(outside)
    lead = find_event_date(art.body[0], None) if art.body and swapped else None
    if lead is not None and not lead.planned and not lead.year_printed and lead.month_day == swapped.strftime("--%m-%d"):
        return swapped
    return None


def _swapped(day: dt.date) -> dt.date | None:
    """The date with day and month swapped (2025-03-10 -> 2025-10-03), None when that is no other date."""
    if day.day > 12 or day.day == day.month:
        return None
    return dt.date(day.year, day.day, day.month)


_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/-]|\s*[-–]\s*(?:19|20)\d\d)")
_MONTH_YEAR = re.compile(r"(?<![^\W\d_])tháng\s+(\d{1,2})\s*(?:[./-]|,?\s*năm)\s*((?:19|20)\d\d)(?!\d)", re.I)


def _headline_base(art) -> tuple[dt.date | None, str | None, str | None]:
    """The last day of the latest month (`tháng 9.2020`) or year (`năm 2021`) the headline or lead prints; a year
    ending a range (`2020 - 2025`) or after `đến năm`, `tầm nhìn`, `nhiệm kỳ` is not the article's."""
    head = "\n".join(([art.title] if art.title else []) + art.body[:1])
    last = dt.date.today().year + 1
    months = [(int(y), int(m)) for m, y in _MONTH_YEAR.findall(head) if 1 <= int(m) <= 12 and 1945 <= int(y) <= last]
    years = [int(m.group(1)) for m in _YEAR.finditer(head)
             if 1945 <= int(m.group(1)) <= last and not _not_article_year(head, m.start())]
    if months and max(months)[0] >= max(years, default=0):
        y, m = max(months)
        return dt.date(y, m, calendar.monthrange(y, m)[1]), "headline", "month"
    return (dt.date(max(years), 12, 31), "headline", "year") if years else (None, None, None)


def _not_article_year(text: str, at: int) -> bool:
    """A year right after `đến năm`, `tầm nhìn`, `nhiệm kỳ` … or ending a range (`2020-2025`)."""
    from hoinghi.lexicons import load

    global _NOT_YEAR_BEFORE
    if _NOT_YEAR_BEFORE is None:
        from hoinghi.text import trie_regex

        words = load("dates.toml")["headline_years"]["not_after"]
        _NOT_YEAR_BEFORE = re.compile(r"(?:(?<![^\W\d_])(?:" + trie_regex(sorted(words)) + r")|(?:19|20)\d\d\s*[-–])\s*$",
                                      re.I)
    return _NOT_YEAR_BEFORE.search(text, max(0, at - 24), at) is not None


_NOT_YEAR_BEFORE: re.Pattern | None = None


def url_date(url: str | None) -> str | None:
    """The date a page's URL carries, at its precision, when it is unambiguous: path parts `/2024/07/04/`,
    `/202309/`, `/20230915/`, `/2021/`; else a timestamp opening a long id (`-20231013190354869.htm`); else one day
    written as eight digits in the name (`-15082019-`). None for anything else (a slug's `nhiem-ky-2020-2025`)."""
    if not url:
        return None
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(url).path)
    for finder in (_path_date, _stamp_date, _slug_date):
        found = {d for d in finder(path) if d is not None}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None


_PATH_YMD = re.compile(r"/((?:19|20)\d\d)/(\d\d)(?:/(\d\d))?(?=/)")
_PATH_PART = re.compile(r"(?<=/)((?:19|20)\d\d)(\d\d)?(\d\d)?/(?!\d+/)")  # not `/2018/6908/`: a store's folders
_STAMP = re.compile(r"(?<!\d)((?:19|20)\d{12})\d{0,3}(?!\d)")
_EIGHT = re.compile(r"(?<![\d])(\d{8})(?![\d])")


def _path_date(path: str):
    """`/2024/07/04/`, `/2024/07/`, else a part that is a year, a month or a day alone (`/2021/`, `/202309/`)."""
    dated = [d for d in (_url_iso(*m.groups()) for m in _PATH_YMD.finditer(path)) if d and len(d) > 4]
    yield from dated or (_url_iso(*m.groups()) for m in _PATH_PART.finditer(path))


def _stamp_date(path: str):
    for m in _STAMP.finditer(path):
        s = m.group(1)
        if int(s[8:10]) < 24 and int(s[10:12]) < 60 and int(s[12:14]) < 60:
            yield _url_iso(s[:4], s[4:6], s[6:8])


def _slug_date(path: str):
    """Each run of eight digits that reads as one date (`15082019`, `20190815`); a run that reads as an older date
    (`60-nam-30101963-30102023`: an anniversary's days) counts as another date, which makes the URL ambiguous."""
    for m in _EIGHT.finditer(path):
        s = m.group(1)
        readings = {d for d in (_url_iso(s[4:], s[2:4], s[:2], 1900), _url_iso(s[:4], s[4:6], s[6:], 1900)) if d}
        yield (readings.pop() if int(s[4:]) >= 1990 or int(s[:4]) >= 1990 else s) if len(readings) == 1 else None


def _url_iso(year: str, month: str | None, day: str | None, floor: int = 1990) -> str | None:
    """`YYYY[-MM[-DD]]` when it is a real date between `floor` and today."""
    try:
        y = int(year)
        first = dt.date(y, int(month or 1), int(day or 1))
    except ValueError:
        return None
    if y < floor or first > dt.date.today():
        return None
    return year + (f"-{month}" if month else "") + (f"-{day}" if month and day else "")


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


@step("entities", reads=("found.*", "province", "base"),
      adds=("people", "organizations", "places", "foreign_places", "documents", "mentions", "spans"))
def entities(doc: Doc) -> None:
    """The record's people, organisations, places and documents, and every mention's offsets."""
    from hoinghi.extract import assemble

    f, art = doc.found, doc.article
    ents = assemble(doc.text, f.get("people", []), f.get("organizations", []), f.get("places", []),
                    f.get("documents", []), art.province, when=doc.base)
    art.people, art.organizations, art.places = ents.people, ents.organizations, ents.places
    art.foreign_places, art.documents, art.mentions = ents.foreign_places, ents.documents, ents.mentions
    doc.spans = [Span(m.type, m.start, m.end, m.text, rule, m.ref) for m, rule in zip(ents.mentions, ents.rules, strict=True)]


@step("events", reads=("title", "text", "found.*", "base", "province"), adds=("events",))
def events(doc: Doc) -> None:
    """The events the article reports: the main one first, with its date, mode, place, roles and documents."""
    from hoinghi.extract.events import build_events

    art, f = doc.article, doc.found
    art.events = build_events(art.title, art.text, len(art.title) + 1 if art.title else 0, f.get("people", []),
                              f.get("organizations", []), f.get("places", []), f.get("documents", []), base_text(doc),
                              art.province, section=art.section,
                              **({"why": doc.why} if doc.why is not None else {}))
