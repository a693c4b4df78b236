"""End-to-end: the pages in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright), against
`uvicorn` serving a store of the example corpus on 127.0.0.1. Screenshots go to tests/artifacts/ (gitignored)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = os.environ.get("HOINGHI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install -y chromium (or set HOINGHI_CHROMIUM)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed: "
                               "pip install -e '.[dev]'")
uvicorn = pytest.importorskip("uvicorn")
from hoinghi.store import open_store  # noqa: E402
from hoinghi.web.app import create_app  # noqa: E402
from web_fixtures import PERSON, build  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base(tmp_path_factory, example_results):
    path = tmp_path_factory.mktemp("e2e") / "web.db"
    build(path, example_results)
    st = open_store(str(path), create=False)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(st), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    st.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    pg = ctx.new_page()
    pg.csp_errors = []
    pg.on("console", lambda m: pg.csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    ctx.close()


def _search(page, base, words):
    page.goto(base + "/")
    page.fill("input[name=q]", words)
    page.click("header button[type=submit]")
    page.wait_for_selector("#hits, #no-results")
    return page.locator(".hit .title").all_inner_texts()


def test_search_with_and_without_diacritics(page, base):
    plain = _search(page, base, "doi ngoai")
    accented = _search(page, base, "đối ngoại")
    assert plain == accented and len(plain) == 10  # a full first page
    marks = [m.lower() for m in page.locator(".hit mark").all_inner_texts()]
    assert "đối ngoại" in marks
    page.select_option("select[name=province]", "Yên Bái")
    page.click(".facets button")
    page.wait_for_selector("#hits")
    metas = page.locator(".hit .meta").all_inner_texts()
    assert metas and all("Yên Bái" in m for m in metas)
    assert not page.csp_errors, page.csp_errors


def test_article_shows_its_highlights_and_record(page, base):
    _search(page, base, "ket luan 57 quang ninh")
    page.locator(".hit .title").first.click()
    page.wait_for_selector("#article-text")
    for kind in ("person", "position", "document", "place", "date"):
        assert page.locator(f"#article-text [data-type={kind}]").count() >= 1, kind
    person = page.locator("#article-text a[data-type=person]", has_text=PERSON).first
    # the mark is drawn: its background is not the page's
    assert person.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.locator("#record li").count() >= 3


def test_follow_a_person_then_a_document_and_see_the_map(page, base):
    page.goto(base + "/articles/ex01_quang-ninh-ket-luan-57")
    page.locator("#article-text a[data-type=person]", has_text=PERSON).first.click()
    page.wait_for_selector(".person-name")
    assert page.locator(".person-name").first.inner_text() == PERSON
    assert page.locator(".timeline-chart svg rect").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "person.png"), full_page=True)
    page.locator("table.events a").first.click()
    page.wait_for_selector(".event-name")
    page.locator("dl.meta a[href^='/documents/']").first.click()
    page.wait_for_selector(".document-label")
    assert page.locator(".document-label").first.inner_text() == "Kết luận số 57-KL/TW"
    studied = page.locator("#map-34 path.studied")
    assert studied.count() >= 4  # Quảng Ninh, Yên Bái → Lào Cai, Nghệ An, Bình Dương → TP. Hồ Chí Minh …
    box = page.locator("#map-34").bounding_box()
    assert box and box["height"] > 300
    page.screenshot(path=str(ARTIFACTS / "document-map-34.png"), full_page=True)
    page.click("#map-63-link")
    page.wait_for_selector("#map-63")
    assert page.locator("#map-63 path").count() == 63
    assert page.locator("#map-63 path.studied[data-province='Yên Bái']").count() == 1
    assert page.locator("#cascade tbody tr").count() >= 3


def test_english_switch(page, base):
    page.goto(base + "/documents/" + quote("57-KL/TW", safe=""))
    page.click("#lang-switch")
    page.wait_for_selector("html[lang=en]")
    assert "Cascade" in page.content() and page.locator("#map-34").count() == 1
