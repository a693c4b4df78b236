"""What the API and the pages share: limits, the store of the request, parameter checks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import HTTPException, Query, Request

from hoinghi.store.core import Store
from hoinghi.store.search import parse_date

MAX_QUERY = 200  # characters of a search query or a filter value
MAX_KEY = 300  # characters of a name, a document key or an id in a path
MAX_SIZE = 100  # results a page
MAX_RESULTS = 500  # search ranks at most its 500 newest matches: pages go that far
MAX_PAGE = 10_000  # article lists

QueryText = Annotated[str, Query(max_length=MAX_QUERY, description="words; accents optional; \"phrase\"; word*")]
Filter = Annotated[str | None, Query(max_length=MAX_QUERY)]
Size = Annotated[int, Query(ge=1, le=MAX_SIZE)]
Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]


class BadInput(HTTPException):
    def __init__(self, message: str) -> None:
        super().__init__(status_code=400, detail=message)


def store_of(request: Request) -> Store:
    return request.app.state.store


def clean(value: str | None, name: str, limit: int = MAX_QUERY) -> str | None:
    """A parameter without control characters (a NUL never reaches the database), stripped; None when empty."""
    if value is None:
        return None
    if len(value) > limit:
        raise BadInput(f"{name} is longer than {limit} characters")
    if any(ord(c) < 32 and c not in "\t\n\r" for c in value):
        raise BadInput(f"{name} holds a control character")
    return value.strip() or None


def key(value: str, name: str = "key") -> str:
    out = clean(value, name, MAX_KEY)
    if not out:
        raise BadInput(f"{name} is empty")
    return out


def check_date(value: str | None, name: str) -> str | None:
    value = clean(value, name)
    if value:
        try:
            lower = parse_date(value)
        except Exception as exc:  # StoreError, or a date that does not exist (2023-02-31)
            raise BadInput(str(exc) if str(exc).startswith("cannot") else f"{name}: cannot read the date {value!r}"
                           ) from None
        try:
            parse_date(value, upper=True)
            if len(lower) > 4 and not 1 <= int(lower[5:7]) <= 12:
                raise ValueError
        except ValueError:
            raise BadInput(f"{name}: no such day or month {value!r}") from None
    return value


def search_window(page: int, size: int) -> tuple[int, int]:
    """(limit to ask search for, offset of the page in it), or a clear error past what search ranks."""
    if page * size > MAX_RESULTS:
        raise BadInput(f"search results go as far as the {MAX_RESULTS}th: page {page} of {size} is beyond; "
                       "narrow the query or the filters")
    return page * size, (page - 1) * size


def filters(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v}
