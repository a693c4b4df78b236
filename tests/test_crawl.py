"""`hoinghi crawl` against fixture portals served on 127.0.0.1 by a server the tests start (never another host):
robots.txt, sitemap index, RSS, a listing page, a slow page, a 500, a 503 with Retry-After, a redirect loop,
conditional GET, resume, and the WARC round trip into `hoinghi extract`."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from hoinghi.cli import main
from hoinghi.crawl import Options, Policy, crawl
from hoinghi.crawl.fetch import retry_after, with_retries
from hoinghi.store import open_store
from hoinghi.store import schema as s

ARTICLE = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<h1>{title}</h1>
<p>Sáng 14-12, Ban Thường vụ Tỉnh ủy {province} tổ chức Hội nghị quán triệt Kết luận số 57-KL/TW ngày 15-3-2023 của
Bộ Chính trị về tiếp tục nâng cao chất lượng, hiệu quả công tác thông tin đối ngoại trong tình hình mới.</p>
<p>Đồng chí {person}, Bí thư Tỉnh ủy chủ trì hội nghị. Hội nghị được tổ chức trực tiếp tại hội trường Tỉnh ủy và
trực tuyến đến các điểm cầu cấp huyện.</p>
</body></html>"""

PAGES = {
    "/tin/bai-1.html": ("Yên Bái quán triệt Kết luận 57", "Yên Bái", "Trần Huy Tuấn"),
    "/tin/bai-2.html": ("Nghệ An quán triệt Kết luận 57", "Nghệ An", "Thái Thanh Quý"),
    "/tin/bai-3.html": ("Lào Cai quán triệt Kết luận 57", "Lào Cai", "Đặng Xuân Phong"),
    "/tin/bai-4.html": ("Thái Bình quán triệt Kết luận 57", "Thái Bình", "Ngô Đông Hải"),
    "/tin/bai-5.html": ("Hà Giang quán triệt Kết luận 57", "Hà Giang", "Nguyễn Mạnh Dũng"),
    "/tin/slow.html": ("Sơn La quán triệt Kết luận 57", "Sơn La", "Hoàng Văn Chất"),
    "/tin/flaky.html": ("Điện Biên quán triệt Kết luận 57", "Điện Biên", "Trần Quốc Cường"),
    "/tin/busy.html": ("Lai Châu quán triệt Kết luận 57", "Lai Châu", "Giàng Páo Mỷ"),
}
PLAIN = ["/tin/bai-1.html", "/tin/bai-2.html", "/tin/bai-3.html", "/tin/bai-4.html", "/tin/bai-5.html"]


def _urlset(base, paths):
    urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def portal_routes(base: str, tricks: bool) -> dict[str, tuple[str, str]]:
    """path -> (content type, body) of a small provincial portal."""
    one = PLAIN[:2] + (["/private/mat.html"] if tricks else [])
    two = PLAIN[2:3] + (["/tin/slow.html", "/tin/flaky.html"] if tricks else [])
    routes = {
        "/robots.txt": ("text/plain", f"User-agent: *\nDisallow: /private/\nSitemap: {base}/sitemap_index.xml\n"),
        "/sitemap_index.xml": ("application/xml", '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/'
                               f'schemas/sitemap/0.9"><sitemap><loc>{base}/sitemap-1.xml</loc></sitemap>'
                               f"<sitemap><loc>{base}/sitemap-2.xml</loc></sitemap></sitemapindex>"),
        "/sitemap-1.xml": ("application/xml", _urlset(base, one)),
        "/sitemap-2.xml": ("application/xml", _urlset(base, two)),
        "/rss.xml": ("application/rss+xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>Tin</title>'
                     f"<link>{base}/</link>" + "".join(f"<item><title>x</title><link>{base}{p}</link></item>"
                                                       for p in ["/tin/bai-4.html"] + (["/tin/busy.html"] if tricks else []))
                     + "</channel></rss>"),
        "/": ("text/html; charset=utf-8", "<html><body><h1>Tin tức</h1>" + "".join(
            f'<a href="{p}">{p}</a>' for p in ["/tin/bai-5.html", "/private/khac.html", "/static/a.css",
                                               "http://example.invalid/x", "#top"] + (["/tin/loop.html"] if tricks else []))
              + "</body></html>"),
    }
    for path, (title, province, person) in PAGES.items():
        routes[path] = ("text/html; charset=utf-8", ARTICLE.format(title=title, province=province, person=person))
    return routes


class Portal:
    """A fixture portal on 127.0.0.1: static routes with ETag / Last-Modified, and the tricky pages."""

    def __init__(self, tricks: bool = True):
        self.log: list[list] = []
        self.counts: dict[str, int] = {}
        self.lock = threading.Lock()
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                portal.handle(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.routes = portal_routes(self.base, tricks)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def requested(self, path: str) -> list[list]:
        return [x for x in self.log if x[0] == path]

    def handle(self, req):
        path = req.path
        entry = [path, time.monotonic(), dict(req.headers), None]  # logged on arrival, its status once sent
        with self.lock:
            n = self.counts[path] = self.counts.get(path, 0) + 1
            self.log.append(entry)
        entry[3] = self._respond(req, path, n)

    def _respond(self, req, path, n) -> int:
        if path == "/tin/slow.html" and n == 1:
            time.sleep(1.0)  # longer than the crawler's timeout: it gives up and tries again
        if path == "/tin/flaky.html" and n == 1:
            return self._send(req, 500, "text/plain", b"error")
        if path == "/tin/busy.html" and n == 1:
            return self._send(req, 503, "text/plain", b"busy", [("Retry-After", "1")])
        if path in ("/tin/loop.html", "/tin/loop2.html"):
            other = "/tin/loop2.html" if path == "/tin/loop.html" else "/tin/loop.html"
            return self._send(req, 302, "text/plain", b"", [("Location", other)])
        if path == "/always-busy":
            return self._send(req, 503, "text/plain", b"busy", [("Retry-After", "3600")])
        if path not in self.routes:
            return self._send(req, 404, "text/plain", b"not found")
        ctype, body = self.routes[path]
        data = body.encode("utf-8")
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        modified = "Sat, 14 Dec 2024 08:00:00 GMT"
        if req.headers.get("If-None-Match") == etag or req.headers.get("If-Modified-Since") == modified:
            return self._send(req, 304, None, b"", [("ETag", etag)])
        return self._send(req, 200, ctype, data, [("ETag", etag), ("Last-Modified", modified)])

    @staticmethod
    def _send(req, status, ctype, data, extra=()) -> int:
        try:
            req.send_response(status)
            if ctype:
                req.send_header("Content-Type", ctype)
            for k, v in extra:
                req.send_header(k, v)
            req.send_header("Content-Length", str(len(data)))
            req.end_headers()
            req.wfile.write(data)
        except OSError:  # the crawler gave up on a slow page
            pass
        return status


FAST = Policy(timeout=0.4, retries=2, backoff=0.01, max_wait=2.0)
WHEN = datetime(2024, 12, 15, 2, 0, tzinfo=UTC)  # 09:00 in Việt Nam


def options(**kw) -> Options:
    return Options(**{"delay": 0, "policy": FAST, **kw})


def frontier(store) -> dict[str, object]:
    with store.engine.connect() as conn:
        return {r.url: r for r in conn.execute(select(s.crawl_frontier))}


@pytest.fixture
def portal():
    p = Portal()
    yield p
    p.close()


@pytest.fixture
def plain_portal():
    p = Portal(tricks=False)
    yield p
    p.close()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One crawl of the tricky portal from its home page and RSS feed, written to a WARC."""
    p = Portal()
    tmp = tmp_path_factory.mktemp("crawl")
    store = open_store(str(tmp / "c.db"))
    warc = str(tmp / "out.warc.gz")
    stats = crawl(store, [p.base + "/", p.base + "/rss.xml"], options(warc=warc), clock=lambda: WHEN)
    yield p, store, stats, warc
    store.close()
    p.close()


def test_discovers_through_sitemap_index_rss_and_listing(crawled):
    p, store, stats, _warc = crawled
    rows = frontier(store)
    for path in ["/sitemap_index.xml", "/sitemap-1.xml", "/sitemap-2.xml", "/rss.xml", *PAGES]:
        assert rows[p.base + path].state == "done", (path, rows[p.base + path].error)
    assert rows[p.base + "/sitemap-1.xml"].kind == "sitemap" and rows[p.base + "/tin/bai-4.html"].kind == "page"
    assert all(u.startswith(p.base) for u in rows)  # other hosts are not followed
    assert p.base + "/static/a.css" not in rows and not any("#" in u for u in rows)
    assert stats.archived == len(PAGES)


def test_robots_forbidden_pages_are_never_fetched(crawled):
    p, store, _stats, _warc = crawled
    assert not [x for x in p.log if x[0].startswith("/private/")]
    rows = frontier(store)
    assert rows[p.base + "/private/mat.html"].state == rows[p.base + "/private/khac.html"].state == "blocked"


def test_retries_slow_page_500_and_503_with_retry_after(crawled):
    p, store, _stats, _warc = crawled
    assert len(p.requested("/tin/slow.html")) == 2 and len(p.requested("/tin/flaky.html")) == 2
    assert [x[3] for x in p.requested("/tin/flaky.html")] == [500, 200]
    busy = p.requested("/tin/busy.html")
    assert [x[3] for x in busy] == [503, 200] and busy[1][1] - busy[0][1] >= 0.9  # Retry-After: 1 honoured
    assert frontier(store)[p.base + "/tin/slow.html"].tries == 1  # one fetch, retried inside


def test_redirect_loop_is_stopped_and_recorded(crawled):
    p, store, stats, _warc = crawled
    row = frontier(store)[p.base + "/tin/loop.html"]
    assert row.state == "error" and "redirect loop" in row.error
    assert len(p.requested("/tin/loop.html")) <= 2 and stats.errors == 1


def test_retry_after_is_bounded(portal):
    waits: list[float] = []
    resp = with_retries(portal.base + "/always-busy", {}, Policy(retries=2, max_wait=0.2), sleep=waits.append)
    assert resp.status == 503 and waits == [0.2, 0.2]
    assert retry_after("7") == 7.0 and retry_after("soon") is None
    assert retry_after("Sun, 15 Dec 2024 02:00:30 GMT", now=WHEN) == 30.0


def test_warc_round_trip_gives_url_and_fetch_date(crawled, tmp_path):
    p, _store, _stats, warc = crawled
    out = tmp_path / "a.jsonl"
    done = CliRunner().invoke(main, ["extract", warc, "-o", str(out)])
    assert done.exit_code == 0, done.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["url"] for r in records) == sorted(p.base + path for path in PAGES)
    for r in records:
        assert (r["published"], r["published_source"]) == ("2024-12-15", "input")
        assert any(e.get("date") == "2024-12-14" for e in r["events"]), r["events"]  # `Sáng 14-12`, year from the fetch


def test_conditional_get_second_crawl_refetches_nothing(plain_portal, tmp_path):
    store = open_store(str(tmp_path / "c.db"))
    base = plain_portal.base
    first = crawl(store, [base + "/", base + "/rss.xml"], options())
    assert first.fetched == 10 and first.errors == 0  # listing, rss, sitemap index, 2 sitemaps, 5 pages
    mark = len(plain_portal.log)
    second = crawl(store, [base + "/", base + "/rss.xml"], options())
    again = [x for x in plain_portal.log[mark:] if x[0] != "/robots.txt"]
    assert second.fetched == 0 and second.unchanged == 10 == len(again)
    assert {x[3] for x in again} == {304} and all("If-None-Match" in x[2] for x in again)
    assert {r.state for r in frontier(store).values()} == {"unchanged", "blocked"}
    store.close()


def test_a_stopped_crawl_resumes_where_it_stopped(plain_portal, tmp_path):
    store = open_store(str(tmp_path / "c.db"))
    starts = [plain_portal.base + "/", plain_portal.base + "/rss.xml"]
    first = crawl(store, starts, options(max_pages=3))
    assert first.fetched == 3 and "queued" in {r.state for r in frontier(store).values()}
    rest = crawl(store, starts, options())
    assert first.fetched + rest.fetched == 10 and rest.unchanged == 0
    fetched = [x[0] for x in plain_portal.log if x[0] != "/robots.txt"]
    assert len(fetched) == len(set(fetched)) == 10  # nothing fetched twice
    assert {r.state for r in frontier(store).values()} == {"done", "blocked"}
    store.close()


def test_cli_crawl_writes_warc_and_ingests(plain_portal, tmp_path):
    db, warc = str(tmp_path / "c.db"), str(tmp_path / "out.warc.gz")
    done = CliRunner().invoke(main, ["crawl", plain_portal.base + "/", plain_portal.base + "/rss.xml", "--delay", "0",
                                     "--timeout", "2", "--warc", warc, "--ingest", "--db", db])
    assert done.exit_code == 0, done.output
    store = open_store(db)
    assert store.count(s.articles) == len(PLAIN)
    store.close()
    again = CliRunner().invoke(main, ["ingest", warc, "--db", db, "--no-link"])  # the same pages: nothing new
    assert again.exit_code == 0, again.output
    store = open_store(db)
    assert store.count(s.articles) == len(PLAIN)
    store.close()
