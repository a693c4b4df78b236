"""`hoinghi crawl`: fetch the article pages of news portals politely, into a WARC and (with `ingest`) the store.

From the start URLs (listing pages, sitemaps, sitemap indexes, RSS/Atom feeds) and the `Sitemap:` lines of each
host's robots.txt, the crawler finds article pages on the start URLs' hosts and fetches them: robots.txt obeyed
(forbidden URLs are never fetched, marked `blocked`), one host at a time no more than `concurrency` requests and
one request start every `delay` seconds (or robots.txt's Crawl-delay, if longer), retries as `fetch.Policy` says,
conditional GET with the validators kept in the frontier. The frontier lives in the store: a crawl stopped (killed,
or by `max_pages`) is resumed by the same command; once a crawl has finished, the next one revisits every URL
conditionally (unchanged pages answer 304 and are not fetched again).
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from hoinghi.store.core import Store

from . import frontier as fr
from .discover import host, is_xml, page_links, parse_xml
from .fetch import FetchError, Policy, Response, fetch
from .warcout import WarcWriter, warc_date


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Options:
    delay: float = 1.0
    concurrency: int = 2  # requests at once to one host
    workers: int = 8  # requests at once in all
    max_pages: int | None = None  # fetches in this run (then stop; the next run resumes)
    policy: Policy = field(default_factory=Policy)
    warc: str | None = None
    ingest: bool = False
    batch: int = 50


@dataclass
class Stats:
    fetched: int = 0
    unchanged: int = 0
    errors: int = 0
    blocked: int = 0
    archived: int = 0
    found: int = 0
    stored: int = 0
    messages: list[str] = field(default_factory=list)


class _Gate:
    """Per-host spacing of request starts: each host's next start is `delay` after its previous one."""

    def __init__(self):
        self._lock, self._next = threading.Lock(), {}

    def wait(self, key: str, delay: float, sleep: Callable[[float], None] = time.sleep) -> None:
        with self._lock:
            now = time.monotonic()
            at = max(now, self._next.get(key, 0.0))
            self._next[key] = at + delay
        if at > now:
            sleep(at - now)


class Crawler:
    def __init__(self, store: Store, options: Options | None = None, clock: Callable[[], datetime] = utcnow,
                 log: Callable[[str], None] | None = None):
        self.store, self.opt, self.clock, self.log = store, options or Options(), clock, log or (lambda _m: None)
        self.frontier = fr.Frontier(store)
        self.stats = Stats()
        self.gate = _Gate()
        self.robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self.hosts: set[str] = set()
        self.inflight: dict[Future, object] = {}
        self.per_host: Counter = Counter()
        self.started = 0
        self.warc = WarcWriter(self.opt.warc) if self.opt.warc else None
        self.ingester = None
        if self.opt.ingest:
            from .ingest import Ingester

            self.ingester = Ingester(store, self.opt.batch, self.opt.warc)

    # --- the run ---
    def run(self, starts: Iterable[str]) -> Stats:
        starts = list(dict.fromkeys(starts))
        self.hosts = {host(u) for u in starts}
        if not self.frontier.pending(self.hosts):
            self.frontier.new_pass(self.hosts)
        self.frontier.add(starts, "start")
        try:
            with ThreadPoolExecutor(max(1, self.opt.workers)) as pool:
                while self._submit(pool) or self.inflight:
                    done, _ = wait(list(self.inflight), return_when=FIRST_COMPLETED)
                    for fut in done:
                        self._finish(fut, self.inflight.pop(fut))
        finally:
            self._close()
        return self.stats

    def _close(self) -> None:
        if self.ingester:
            self.stats.stored += self.ingester.finish()
            self.stats.messages += self.ingester.errors
        if self.warc:
            self.warc.close()

    def _budget_left(self) -> bool:
        return self.opt.max_pages is None or self.started < self.opt.max_pages

    def _submit(self, pool: ThreadPoolExecutor) -> int:
        n = 0
        busy = {row.url for row in self.inflight.values()}
        for row in self.frontier.queued(500, busy):
            if not self._budget_left():
                break
            if self.per_host[row.host] >= self.opt.concurrency:
                continue
            if not self._allowed(row):
                n += 1  # handled (marked blocked): more queued rows may follow it
                continue
            self.inflight[pool.submit(self._fetch, row)] = row
            self.per_host[row.host] += 1
            self.started += 1
            n += 1
        return n

    # --- robots.txt ---
    def _robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        key = host(url)
        if key not in self.robots:
            self.robots[key] = self._load_robots(f"{urlsplit(url).scheme}://{key}/robots.txt")
        return self.robots[key]

    def _load_robots(self, url: str) -> urllib.robotparser.RobotFileParser:
        """robots.txt as RFC 9309 says: missing (4xx) allows all; unreachable (5xx, network) forbids all."""
        rp = urllib.robotparser.RobotFileParser(url)
        try:
            resp = fetch(url, self.opt.policy)
        except FetchError as err:
            resp = Response(url, 599, str(err))
        if 400 <= resp.status < 500:
            rp.allow_all = True
        elif resp.status >= 500 or resp.status >= 300:
            rp.disallow_all = True
            self.stats.messages.append(f"robots.txt {url}: {resp.status} {resp.reason}: the host is not crawled")
        else:
            rp.parse(resp.body.decode("utf-8", "replace").splitlines())
            self.frontier.add([u for u in rp.site_maps() or [] if host(u) in self.hosts], "sitemap")
        return rp

    def _allowed(self, row) -> bool:
        if self._robots(row.url).can_fetch(self.opt.policy.user_agent, row.url):
            return True
        self.frontier.set(row.url, state=fr.BLOCKED, error="forbidden by robots.txt")
        self.stats.blocked += 1
        return False

    def _can_fetch(self, url: str) -> bool:
        rp = self.robots.get(host(url))
        return host(url) in self.hosts and (rp is None or rp.can_fetch(self.opt.policy.user_agent, url))

    # --- fetching (in the workers) ---
    def _fetch(self, row) -> tuple[Response | FetchError, datetime]:
        rp = self.robots.get(row.host)
        delay = max(self.opt.delay, min(float((rp and rp.crawl_delay(self.opt.policy.user_agent)) or 0),
                                        self.opt.policy.max_wait))
        self.gate.wait(row.host, delay)
        try:
            resp = fetch(row.url, self.opt.policy, row.etag, row.last_modified, allowed=self._can_fetch)
        except FetchError as err:
            return err, self.clock()
        except Exception as err:  # a bug on one URL must not end the crawl
            return FetchError(f"{type(err).__name__}: {err}"), self.clock()
        return resp, self.clock()

    # --- results (in the main thread) ---
    def _finish(self, fut: Future, row) -> None:
        self.per_host[row.host] -= 1
        result, when = fut.result()
        tries, at = (row.tries or 0) + 1, when.isoformat(timespec="seconds")
        if isinstance(result, FetchError):
            return self._failed(row, str(result), tries, at)
        if result.status == 304:
            self.stats.unchanged += 1
            return self.frontier.set(row.url, state=fr.UNCHANGED, fetched_at=at, tries=tries, error=None)
        if not 200 <= result.status < 300:
            return self._failed(row, f"HTTP {result.status} {result.reason}".strip(), tries, at)
        self.stats.fetched += 1
        self.frontier.set(row.url, state=fr.DONE, fetched_at=at, tries=tries, error=None,
                          etag=result.header("ETag"), last_modified=result.header("Last-Modified"))
        self._use(row, result, when)

    def _failed(self, row, error: str, tries: int, at: str) -> None:
        self.stats.errors += 1
        self.stats.messages.append(f"{row.url}: {error}")
        self.frontier.set(row.url, state=fr.ERROR, fetched_at=at, tries=tries, error=error[:2000])

    def _use(self, row, resp: Response, when: datetime) -> None:
        """Follow what a fetched URL points to; archive (and store) article pages."""
        ctype = resp.header("Content-Type")
        if is_xml(resp.body, ctype):
            self._discover_xml(row, resp)
            if self.warc:
                self.warc.write_response(resp, when)
        elif row.kind == "start":
            self._add(page_links(resp.body, resp.url), "page")
        elif "html" in (ctype or "html").lower():
            rid = self.warc.write_response(resp, when) if self.warc else None
            self.stats.archived += 1
            if self.ingester:
                self.stats.stored += self.ingester.add(resp, warc_date(when), rid)

    def _discover_xml(self, row, resp: Response) -> None:
        try:
            found = parse_xml(resp.body, resp.url)
        except (ValueError, OSError, EOFError) as err:
            self.stats.messages.append(f"{row.url}: {err}")
            return
        self._add(found.sitemaps, "sitemap")
        self._add(found.pages, "page")

    def _add(self, urls: list[str], kind: str) -> None:
        self.stats.found += self.frontier.add([u for u in urls if host(u) in self.hosts], kind)


def crawl(store: Store, starts: Iterable[str], options: Options | None = None, **kwargs) -> Stats:
    return Crawler(store, options, **kwargs).run(starts)
