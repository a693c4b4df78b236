"""HTTP fetching for the crawler (standard library only): conditional GET, bounded redirects with loop detection,
retries with exponential backoff on network errors, timeouts, 429 and 5xx, `Retry-After` honoured but bounded."""

from __future__ import annotations

import email.utils
import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

USER_AGENT = "hoinghi-crawler/0.1 (+https://github.com/hoinghi/hoinghi)"
RETRY_STATUS = frozenset((429, 500, 502, 503, 504))
REDIRECT_STATUS = frozenset((301, 302, 303, 307, 308))


class FetchError(Exception):
    """A URL that could not be fetched (after the retries), with why."""


@dataclass
class Policy:
    timeout: float = 20.0  # seconds, for connecting and for each read
    retries: int = 3  # tries after the first
    backoff: float = 1.0  # the first wait before a retry, doubled each time
    max_wait: float = 60.0  # no wait (backoff or Retry-After) is longer
    max_redirects: int = 5
    max_bytes: int = 20 << 20
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str  # after redirects
    status: int
    reason: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    attempts: int = 1

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # the crawler follows redirects itself, bounded
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, policy: Policy, etag: str | None = None, last_modified: str | None = None,
          allowed: Callable[[str], bool] | None = None, sleep: Callable[[float], None] = time.sleep) -> Response:
    """GET `url` (with `If-None-Match` / `If-Modified-Since` when validators are given), following at most
    `policy.max_redirects` redirects; raises FetchError on a loop, too many redirects, a redirect to a URL
    `allowed` refuses, or a network error that outlived the retries. A 4xx/5xx response is returned as is."""
    headers = {"User-Agent": policy.user_agent, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    chain = [url]
    while True:
        resp = with_retries(url, headers, policy, sleep)
        if resp.status not in REDIRECT_STATUS or not resp.header("Location"):
            return resp
        url = _next_hop(chain, urljoin(url, resp.header("Location").strip()), policy, allowed)


def _next_hop(chain: list[str], target: str, policy: Policy, allowed: Callable[[str], bool] | None) -> str:
    path = " → ".join([*chain, target])
    if target in chain:
        raise FetchError(f"redirect loop: {path}")
    if len(chain) > policy.max_redirects:
        raise FetchError(f"too many redirects (over {policy.max_redirects}): {path}")
    if not target.startswith(("http://", "https://")) or (allowed and not allowed(target)):
        raise FetchError(f"redirect to a URL not crawled: {target}")
    chain.append(target)
    return target


def with_retries(url: str, headers: dict, policy: Policy, sleep: Callable[[float], None] = time.sleep) -> Response:
    """One GET, tried again after network errors, timeouts, 429 and 5xx; the last 429/5xx response is returned."""
    last: Response | FetchError | None = None
    for attempt in range(policy.retries + 1):
        try:
            last = _get(url, headers, policy)
            last.attempts = attempt + 1
            if last.status not in RETRY_STATUS:
                return last
            wait = retry_after(last.header("Retry-After"))
        except (OSError, http.client.HTTPException, ValueError) as err:  # URLError and timeouts are OSErrors
            last, wait = FetchError(f"{type(err).__name__}: {err}"), None
        if attempt < policy.retries:
            sleep(min(policy.max_wait, policy.backoff * 2 ** attempt if wait is None else wait))
    if isinstance(last, FetchError):
        raise FetchError(f"{last} (after {policy.retries + 1} tries)")
    return last


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _get(url: str, headers: dict, policy: Policy) -> Response:
    request = urllib.request.Request(url, headers=headers)
    try:
        raw = _OPENER.open(request, timeout=policy.timeout)
    except urllib.error.HTTPError as err:  # 3xx (not followed here), 4xx, 5xx: a response all the same
        raw = err
    with raw:
        body = raw.read(policy.max_bytes + 1) if raw.fp else b""
        if len(body) > policy.max_bytes:
            raise FetchError(f"response larger than {policy.max_bytes} bytes")
        return Response(url=url, status=raw.status or raw.code, reason=getattr(raw, "reason", "") or "",
                        headers=list(raw.headers.items()), body=body)
