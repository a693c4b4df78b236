"""The stages for one page: read's `Page` in, the contract's `Article` out.

    clean (layout, metadata) -> extract (people, organisations, places, documents, events)

`extract_page` is what every engine (a loop, a process pool, Ray) runs per page; it never raises for a page's
content: a failure inside a stage is recorded in `Article.warnings` and the rest of the record is kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hoinghi.clean import analyse, byline_names
from hoinghi.extract import entities
from hoinghi.extract.events import build_events
from hoinghi.model import Article, Page


def extract(text: str | None = None, html: str | None = None, url: str | None = None,
            id: str | None = None, date: str | None = None) -> Article:
    """Extract one page given as flattened text or as HTML. `date` is the page's date known from outside."""
    return extract_page(Page(id=id, url=url, text=text, html=html, date=date))


def extract_page(page: Page) -> Article:
    if page.text is None and page.html is not None:
        from hoinghi.read.html import html_to_text

        page.text = html_to_text(page.html)
    art = Article(id=page.stable_id(), url=page.url)
    layout = analyse(page.text or "", page.url)
    art.title = layout.title
    if layout.published is not None:
        art.published = layout.published.value
        if layout.published.weekday_mismatch:
            art.warnings.append(f"weekday disagrees with the date in {layout.date_line!r}")
    elif page.date:
        art.published = page.date
    for line in layout.bylines:
        names = byline_names(line)
        if names:
            art.authors.extend(n for n in names[0] if n not in art.authors)
            art.sources.extend(s for s in names[1] if s not in art.sources)
    art.section = layout.section
    art.views = layout.views
    art.body = layout.body
    art.captions = layout.captions
    art.text = "\n".join(([art.title] if art.title else []) + art.body + art.captions)
    base = base_date(art, page)
    found = entities(art.text, when=base, url=page.url, title=art.title)
    art.people, art.organizations, art.places = found.people, found.organizations, found.places
    art.foreign_places = found.foreign_places
    art.documents, art.mentions, art.province = found.documents, found.mentions, found.province
    art.events = build_events(art.title, art.text, len(art.title) + 1 if art.title else 0, found.people_matches,
                              found.org_matches, found.place_matches, found.document_matches, base, found.province)
    return art


def base_date(art: Article, page: Page) -> dt.date | None:
    """The date that dates without a year are resolved against: the published date, else the page's own (a month
    counts as its last day), else the last day of a year the headline or lead prints (`… năm 2023`)."""
    for value in (art.published, page.date):
        if value:
            try:
                parts = [int(x) for x in value[:10].split("-")]
                if len(parts) == 1:
                    return dt.date(parts[0], 12, 31)
                if len(parts) == 2:
                    return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
                return dt.date(parts[0], parts[1], parts[2])
            except (ValueError, IndexError):
                continue
    head = "\n".join(([art.title] if art.title else []) + art.body[:1])
    years = [int(y) for y in _YEAR.findall(head) if 1945 <= int(y) <= dt.date.today().year + 1]
    return dt.date(max(years), 12, 31) if years else None


_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/-])")
