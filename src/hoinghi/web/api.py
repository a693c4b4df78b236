"""The REST API under /api: the store's views as JSON (its OpenAPI document at /api/openapi.json)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Header, HTTPException, Request
from pydantic import BaseModel, Field

from hoinghi.store import views
from hoinghi.store.search import search as run_search
from hoinghi.web import data
from hoinghi.web.common import (
    MAX_QUERY,
    Filter,
    Page,
    QueryText,
    Size,
    check_date,
    clean,
    filters,
    key,
    search_window,
    store_of,
)

router = APIRouter(prefix="/api")


def _found(value: Any, what: str, name: str) -> Any:
    if not value:
        raise HTTPException(status_code=404, detail=f"no {what} matches {name!r}")
    return value


@router.get("/articles", summary="Latest articles, newest first, filtered and paged")
def list_articles(request: Request, province: Filter = None, date_from: Filter = None, date_to: Filter = None,
                  kind: Filter = None, page: Page = 1, size: Size = 20) -> dict[str, Any]:
    f = filters(province=clean(province, "province"), kind=clean(kind, "kind"),
                date_from=check_date(date_from, "date_from"), date_to=check_date(date_to, "date_to"))
    return data.articles(store_of(request), page=page, size=size, **f)


@router.get("/articles/{article_id}", summary="An article: its record, cleaned text and mentions")
def get_article(request: Request, article_id: str, raw: bool = False) -> dict[str, Any]:
    art = _found(data.article(store_of(request), key(article_id, "article_id")), "article", article_id)
    if raw:
        art["raw"] = store_of(request).raw_page(art["id"])
    return art


@router.get("/search", summary="Full-text search, the CLI's query language and filters, paged")
def search(request: Request, q: QueryText = "", province: Filter = None, date_from: Filter = None,
           date_to: Filter = None, person: Filter = None, document: Filter = None, kind: Filter = None,
           page: Page = 1, size: Size = 20) -> dict[str, Any]:
    limit, offset = search_window(page, size)
    f = filters(province=clean(province, "province"), person=clean(person, "person"),
                document=clean(document, "document"), kind=clean(kind, "kind"),
                date_from=check_date(date_from, "date_from"), date_to=check_date(date_to, "date_to"))
    hits = run_search(store_of(request), clean(q, "q") or "", limit=limit, **f)
    items = []
    for h in hits[offset:]:
        d = h.to_dict()
        d.pop("title_highlighted")
        d["title_segments"] = [[t, m] for t, m in h.title_segments]
        d["snippet_segments"] = [[t, m] for t, m in h.snippet]
        d.pop("snippet")
        items.append(d)
    return {"query": q, "page": page, "size": size, "more": len(hits) == limit, "items": items}


@router.get("/people/{name}", summary="People called NAME (accents optional) or with that id")
def get_person(request: Request, name: str) -> list[dict[str, Any]]:
    return _found(views.person_view(store_of(request), key(name, "name")), "person", name)


@router.get("/people/{name}/timeline", summary="A person's positions along time and their events")
def person_timeline(request: Request, name: str) -> list[dict[str, Any]]:
    people = _found(views.person_view(store_of(request), key(name, "name")), "person", name)
    return [{"id": p["id"], "name": p["name"], "timeline": data.timeline(p), "events": p["events"]} for p in people]


@router.get("/documents/{doc_key:path}/cascade", summary="A document's cascade and each province's first date")
def document_cascade(request: Request, doc_key: str) -> list[dict[str, Any]]:
    store = store_of(request)
    docs = _found(views.document_view(store, key(doc_key, "document")), "document", doc_key)
    return [{"id": d["id"], "label": d["label"], "cascade": d["cascade"],
             "first_studied": data.first_studied(store, d["cascade"])} for d in docs]


@router.get("/documents/{doc_key:path}", summary="Documents KEY names (57-KL/TW, Kết luận 57, an id)")
def get_document(request: Request, doc_key: str) -> list[dict[str, Any]]:
    return _found(views.document_view(store_of(request), key(doc_key, "document")), "document", doc_key)


def _event(request: Request, event_id: str) -> dict[str, Any]:
    return _found(views.event_view(store_of(request), key(event_id, "event_id")), "event", event_id)


@router.get("/events/{event_id}", summary="An event: chairs, speakers, documents, bridge points, reports")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    return _event(request, event_id)


@router.get("/events/{event_id}/bridge-points", summary="An event's bridge points (điểm cầu)")
def event_bridge_points(request: Request, event_id: str) -> list[dict[str, Any]]:
    return _event(request, event_id)["bridge_points"]


@router.get("/events/{event_id}/reports", summary="The articles that report an event")
def event_reports(request: Request, event_id: str) -> list[dict[str, Any]]:
    return _event(request, event_id)["report_articles"]


@router.get("/stats", summary="Counts by month, province, document and kind of event")
def stats(request: Request) -> dict[str, Any]:
    return data.statistics(store_of(request))


class IngestPage(BaseModel):
    id: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    text: str = Field(min_length=1, max_length=2_000_000)


class IngestBody(BaseModel):
    pages: list[IngestPage] = Field(min_length=1, max_length=500)


@router.post("/ingest", summary="Store and link pages (only when the server was started with an ingest token)")
def ingest(request: Request, body: IngestBody, authorization: str | None = Header(default=None,
                                                                                  max_length=MAX_QUERY)) -> dict:
    token = request.app.state.token
    if not token:
        raise HTTPException(status_code=403, detail="this server is read-only (start it with --ingest-token)")
    if authorization != f"Bearer {token}":
        raise HTTPException(status_code=401, detail="give the ingest token as `Authorization: Bearer TOKEN`")
    from hoinghi.model import Page as RawPage
    from hoinghi.pipeline import extract_page
    from hoinghi.store.links import link_available, run_link

    store = store_of(request)
    pages = [RawPage(id=p.id, url=p.url, text=p.text) for p in body.pages]
    stored = store.write_batch([(p, extract_page(p)) for p in pages])
    linked = bool(stored.added) and link_available()
    if linked:
        run_link(store)
    return {"added": stored.added, "skipped": stored.skipped, "versions": stored.versions, "linked": linked}
