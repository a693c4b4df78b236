"""The HTML pages, rendered on the server with jinja2 (autoescaped): home, search, article, person, document,
event. Each reads the same views as the API."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from hoinghi.store import views
from hoinghi.store.search import search as run_search
from hoinghi.web import data, svg
from hoinghi.web.common import Filter, QueryText, check_date, clean, filters, key, search_window, store_of
from hoinghi.web.i18n import lang_of, translator

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
PAGE_SIZE = 10
FACETS_TTL = 60.0  # seconds


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = lang_of(request.query_params.get("lang"))
    t = translator(lang)

    def link(path: str, **params: Any) -> str:
        """A link to `path` keeping the language."""
        params = {k: v for k, v in params.items() if v not in (None, "")}
        if lang != "vi":
            params["lang"] = lang
        return path + ("?" + urlencode(params) if params else "")

    def other_lang() -> str:
        params = dict(request.query_params)
        params["lang"] = "en" if lang == "vi" else "vi"
        return request.url.path + "?" + urlencode(params)

    return request.app.state.templates.TemplateResponse(
        request, name, dict(context, t=t, lang=lang, link=link, q=quote, other_lang=other_lang()),
        status_code=status)


def _missing(what: str, name: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} matches {name!r}")


@router.get("/")
def home(request: Request):
    stats = data.statistics(store_of(request), top=10)
    return render(request, "home.html", stats=stats, svg=svg)


@router.get("/search")
def search_page(request: Request, q: QueryText = "", province: Filter = None, year: Filter = None,
                kind: Filter = None, document: Filter = None, page: int = 1):
    q = clean(q, "q") or ""
    f = filters(province=clean(province, "province"), kind=clean(kind, "kind"), document=clean(document, "document"))
    y = check_date(year, "year")
    if y:
        f["date_from"] = f["date_to"] = y
    page = max(1, min(page, 50))
    hits: list = []
    more = False
    if q or f:
        limit, offset = search_window(page, PAGE_SIZE)
        found = run_search(store_of(request), q, limit=limit, **f)
        hits, more = found[offset:], len(found) == limit
    return render(request, "search.html", query=q, hits=hits, page=page, more=more, facets=_facets(request), chosen={"province": province or "", "year": year or "", "kind": kind or "",
                                    "document": document or ""})


def _facets(request: Request) -> dict[str, list[str]]:
    """The search page's filter values, read at most once a minute (they change only with ingest)."""
    cached = getattr(request.app.state, "facets", None)
    now = time.monotonic()
    if cached is None or now - cached[0] > FACETS_TTL:
        cached = (now, data.facets(store_of(request)))
        request.app.state.facets = cached
    return cached[1]


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str):
    art = data.article(store_of(request), key(article_id, "article_id"))
    if art is None:
        raise _missing("article", article_id)
    return render(request, "article.html", art=art, segments=data.highlight(art["text"], art["mentions"]),
                  kinds=data.HIGHLIGHTED)


@router.get("/people/{name}")
def person_page(request: Request, name: str):
    people = views.person_view(store_of(request), key(name, "name"))
    if not people:
        raise _missing("person", name)
    return render(request, "person.html", people=[dict(p, chart=svg.timeline(data.timeline(p))) for p in people])


@router.get("/documents/{doc_key:path}")
def document_page(request: Request, doc_key: str, map: str = "34"):
    store = store_of(request)
    docs = views.document_view(store, key(doc_key, "document"))
    if not docs:
        raise _missing("document", doc_key)
    layer = "63" if map == "63" else "34"
    t = translator(lang_of(request.query_params.get("lang")))
    for d in docs:
        d["first"] = data.first_studied(store, d["cascade"])
        d["map"] = svg.vietnam_map(d["first"], layer, title=t("map_title"), none_label=t("not_studied"))
    return render(request, "document.html", docs=docs, layer=layer, doc_key=doc_key)


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str):
    ev = views.event_view(store_of(request), key(event_id, "event_id"))
    if ev is None:
        raise _missing("event", event_id)
    return render(request, "event.html", ev=ev)
