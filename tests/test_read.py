"""The read stage: files, directories, stdin in; Pages and ReadErrors out, in order, nothing dropped silently."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest
from fastwarc.stream_io import GzipWriter
from fastwarc.warc import WarcRecord, WarcRecordType

from hoinghi.model import Page
from hoinghi.read import ReadError, count_pages, html_metadata, html_page, iter_pages
from hoinghi.read import html as read_html_module

FIXTURES = Path(__file__).parent / "fixtures"
READ = FIXTURES / "read"
SEEDS = FIXTURES / "seeds"
HTML_PAGE = READ / "hoi-nghi-doi-ngoai.html"
JSONL = READ / "tin-tuc.jsonl"
CANONICAL = "https://baothainguyen.vn/chinh-tri/hoi-nghi-trien-khai-cong-tac-doi-ngoai-nam-2024-330101.html"


def read(*inputs) -> list[Page | ReadError]:
    return list(iter_pages([str(i) for i in inputs]))


def pages(items) -> list[Page]:
    return [i for i in items if isinstance(i, Page)]


def errors(items) -> list[ReadError]:
    return [i for i in items if isinstance(i, ReadError)]


# --- plain text ---------------------------------------------------------------------------------------------------

def test_seed_txt_is_one_page_with_the_whole_file():
    path = SEEDS / "000_e422ed3cc8f1cff8.txt"
    [page] = read(path)
    assert page == Page(id="000_e422ed3cc8f1cff8", url=None, text=path.read_text(encoding="utf-8"), source=str(path))


def test_seed_directory_sorted_one_page_per_file():
    items = read(SEEDS)
    stems = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert [p.id for p in pages(items)] == stems
    assert errors(items) == []


def test_jsonl_of_records_without_text_reports_every_line(tmp_path):
    # an article record (no "text" or "html") is no page: one error per line, with the line number
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"a{i}", "title": "Hội nghị"}) for i in range(3)) + "\n", encoding="utf-8")
    assert [(e.source, e.reason) for e in errors(read(path))] == [(f"{path}:{n}", 'no "text" or "html"') for n in (1, 2, 3)]


def test_utf8_bom_is_decoding_not_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Hội nghị Ban Chấp hành".encode())
    assert read(path) == [Page(id="bom", text="Hội nghị Ban Chấp hành", source=str(path))]


def test_invalid_utf8_gives_the_page_and_a_warning(tmp_path):
    path = tmp_path / "hong.txt"
    good = "Hội nghị tỉnh ủy ".encode()
    path.write_bytes(good + b"\xff\xfe" + "lần thứ 15".encode())
    page, warning = read(path)
    assert page.text == "Hội nghị tỉnh ủy \ufffd\ufffdlần thứ 15"
    assert warning == ReadError(str(path), f"invalid UTF-8 at byte {len(good)}; replaced", "warning")


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n", "empty file"),
    ("empty.html", b"", "empty file"),
    ("blank.jsonl", b"\n\n", "empty file"),
    ("empty.warc", b"", "empty file"),
    ("blank.warc", b"\r\n\r\n", "no WARC records: not a WARC file, or truncated"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file, not a text page"),
    ("noise.htm", bytes(range(128, 256)) * 40, "binary file, not a text page"),
    ("nul.txt", "Hội nghị tổng kết năm 2023\n".encode() * 20 + b"\x00", "binary file, not a text page"),
])
def test_unreadable_files_are_errors_and_reading_goes_on(tmp_path, name, data, reason):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = SEEDS / "001_b2f6d33eacd46e0d.txt"
    items = read(bad, good)
    assert items[0] == ReadError(str(bad), reason)
    assert [p.id for p in pages(items)] == ["001_b2f6d33eacd46e0d"] and len(items) == 2


def test_missing_path_is_an_error_in_its_place():
    items = read(SEEDS / "000_e422ed3cc8f1cff8.txt", "/khong/co/tep.txt", SEEDS / "001_b2f6d33eacd46e0d.txt")
    assert [getattr(i, "id", None) for i in items] == ["000_e422ed3cc8f1cff8", None, "001_b2f6d33eacd46e0d"]
    assert items[1] == ReadError("/khong/co/tep.txt", "no such file or directory")


# --- HTML ---------------------------------------------------------------------------------------------------------

def test_html_page_metadata_first_then_body_without_chrome():
    [page] = read(HTML_PAGE)
    assert (page.id, page.url, page.source) == ("hoi-nghi-doi-ngoai", CANONICAL, str(HTML_PAGE))
    assert page.html == HTML_PAGE.read_text(encoding="utf-8")
    lines = page.text.split("\n")
    assert lines[:3] == ["Hội nghị triển khai công tác đối ngoại năm 2024", "Ngày đăng: 2024-07-03T17:59:00+07:00", ""]
    assert lines.count("Hội nghị triển khai công tác đối ngoại năm 2024") == 1  # the h1 is not repeated
    body = page.text.split("\n\n")[1:]
    assert body[0] == "Thu Hằng"  # the byline above the lead, as on a text page
    assert body[1].startswith("Sáng 3/7, Tỉnh ủy Thái Nguyên tổ chức Hội nghị")
    assert any(p.startswith("Dự Hội nghị có đồng chí Lê Hoài Trung") for p in body)
    assert body[-1].startswith("Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến tới 9 điểm cầu")
    for chrome in ("Trang chủ", "Quốc phòng - An ninh", "Chia sẻ", "In bài viết", "Tin liên quan", "Giấy phép",
                   "gtag", "display:flex"):
        assert chrome not in page.text


def test_html_metadata():
    assert html_metadata(HTML_PAGE.read_text(encoding="utf-8")) == {
        "title": "Hội nghị triển khai công tác đối ngoại năm 2024",
        "published": "2024-07-03T17:59:00+07:00",
        "author": "Thu Hằng",
        "section": "Chính trị",
        "site_name": "Báo Điện tử Tỉnh Thái Nguyên",
        "url": CANONICAL,
        "description": None,
    }


@pytest.mark.parametrize("head, title", [
    ("<title>Khai mạc Kỳ họp thứ 18 HĐND tỉnh | Sở Nội vụ tỉnh Bắc Ninh</title>", "Khai mạc Kỳ họp thứ 18 HĐND tỉnh"),
    ("<title>Khai mạc Kỳ họp thứ 18 - Cổng thông tin điện tử tỉnh</title>", "Khai mạc Kỳ họp thứ 18"),
    ("<title>Hội nghị Thành ủy - Báo Hà Nội Mới</title>", "Hội nghị Thành ủy"),
    ("<title>Hội nghị Thành ủy - Hanoimoi.vn</title>", "Hội nghị Thành ủy"),
    ("<title>Hội nghị Thành ủy - Hà Nội Mới</title><meta property='og:site_name' content='Hà Nội Mới'>",
     "Hội nghị Thành ủy"),
    ("<title>Hội nghị phát triển kinh tế - xã hội</title>", "Hội nghị phát triển kinh tế - xã hội"),
    ("<title>Hội nghị Chính phủ với địa phương</title><meta property='og:title' content='Hội nghị trực tuyến'>",
     "Hội nghị trực tuyến"),
])
def test_html_title_sources_and_site_suffix(head, title):
    markup = f"<html><head>{head}</head><body><p>Nội dung.</p></body></html>"
    assert html_metadata(markup)["title"] == title


@pytest.mark.parametrize("head, h1s", [
    ("<meta name='keywords' content='hội nghị'>", "<h1>Tiêu đề từ thẻ h1 của bài</h1>"),
    ("<meta property='og:title' content='Hội nghị trực tuyến | Báo Hà Nội Mới'>", "<h1>Tiêu đề từ thẻ h1 của bài</h1>"),
    ("<title>Hội nghị - Báo Hà Nội Mới</title>", "<h1><a href='/'>Báo Hà Nội Mới</a></h1><h1>Tiêu đề từ thẻ h1 của bài</h1>"),
    ("<title>Hội nghị</title>", "<ul><li><h1>Tin khác trong chuyên mục</h1></li></ul><h1>Tiêu đề từ thẻ h1 của bài</h1>"),
])
def test_html_title_prefers_the_visible_h1(head, h1s):
    markup = f"<html><head>{head}</head><body>{h1s}<p>Nội dung.</p></body></html>"
    assert html_metadata(markup)["title"] == "Tiêu đề từ thẻ h1 của bài"


def test_html_published_from_json_ld_and_itemprop():
    ld = ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "Hội nghị",'
          ' "datePublished": "2024-05-01T07:00:00+07:00", "author": [{"name": "Minh Anh"}, {"name": "Hà Phương"}],'
          ' "articleSection": "Thời sự"}]}</script>')
    meta = html_metadata(f"<html><head>{ld}</head><body><p>x</p></body></html>")
    assert (meta["published"], meta["author"], meta["section"]) == (
        "2024-05-01T07:00:00+07:00", "Minh Anh, Hà Phương", "Thời sự")
    markup = '<html><body><time itemprop="datePublished" datetime="2023-12-30">30/12</time><p>x</p></body></html>'
    assert html_metadata(markup)["published"] == "2023-12-30"


@pytest.mark.parametrize("markup, text", [
    ("<p>Hội nghị Tỉnh ủy</p><p>Sáng 2/1, Tỉnh ủy tổ chức Hội nghị.</p>", "Hội nghị Tỉnh ủy\n\nSáng 2/1, Tỉnh ủy tổ chức Hội nghị."),
    ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Hội nghị A |'
     ' Sở Nội vụ</title></head><body><h1>Hội nghị A</h1><p>Nội dung hội nghị.</p></body></html>',
     "Hội nghị A\n\nNội dung hội nghị."),
])
def test_html_fragment_and_xhtml(markup, text):
    assert html_page(markup).text == text


def test_html_falls_back_to_body_text_when_trafilatura_finds_nothing(monkeypatch):
    monkeypatch.setattr(read_html_module.trafilatura, "extract", lambda *a, **k: None)
    [page] = read(HTML_PAGE)
    lines = page.text.split("\n\n")
    assert lines[0] == "Hội nghị triển khai công tác đối ngoại năm 2024\nNgày đăng: 2024-07-03T17:59:00+07:00"
    assert any(line.startswith("Tại Hội nghị, Thứ trưởng Bộ Ngoại giao") for line in lines)
    for dropped in ("Trang chủ", "Giấy phép", "gtag", "display:flex"):  # nav, footer, script, style
        assert dropped not in page.text


def cp1258(text: str) -> bytes:
    """Vietnamese as windows-1258 writes it: letters with circumflex, breve or horn precomposed, tones combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
                   + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_declared_legacy_charset_is_used(tmp_path):
    path = tmp_path / "cu.html"
    path.write_bytes(cp1258('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
                            "</head><body><h1>Hội nghị ở Đà Lạt</h1><p>Tỉnh ủy Lâm Đồng tổ chức Hội nghị tổng kết"
                            " công tác năm 2023.</p></body></html>"))
    [page] = read(path)
    assert "\ufffd" not in page.text
    assert unicodedata.normalize("NFC", page.text) == (
        "Hội nghị ở Đà Lạt\n\nTỉnh ủy Lâm Đồng tổ chức Hội nghị tổng kết công tác năm 2023.")


def test_a_failing_extractor_is_a_read_error_not_a_crash(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("lxml gave up")

    monkeypatch.setattr(read_html_module, "extract_plain_text", boom)
    items = read(HTML_PAGE, SEEDS / "002_e9bec02ab31fb04f.txt")
    assert items[0] == ReadError(str(HTML_PAGE), "RuntimeError: lxml gave up")
    assert items[1].id == "002_e9bec02ab31fb04f"


# --- JSONL --------------------------------------------------------------------------------------------------------

def check_jsonl(items, name):
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Page", f"{name}:1"), ("Page", f"{name}:2"), ("ReadError", f"{name}:3"), ("ReadError", f"{name}:5"),
        ("Page", f"{name}:6")]
    first, second, broken, no_text, no_id = items
    assert (first.id, first.url, first.date, first.html) == (
        "bcp-001", "https://baochinhphu.vn/hoi-nghi-toan-quoc-quan-triet-nghi-quyet-102240703.htm", "2024-07-03", None)
    assert first.text.startswith("Hội nghị toàn quốc quán triệt, triển khai Nghị quyết Hội nghị lần thứ chín")
    assert second.id == "bcp-002" and second.html.startswith("<html>")
    assert second.text.split("\n")[:2] == ["Thủ tướng chủ trì Hội nghị Chính phủ với địa phương",
                                           "Ngày đăng: 2024-07-04T08:30:00+07:00"]
    assert "63 điểm cầu" in second.text
    assert broken.reason.startswith("not JSON: ") and broken.severity == "error"
    assert no_text.reason == 'no "text" or "html"'
    assert no_id.id is None and no_id.url == "https://dangcongsan.vn/hoi-nghi-so-ket-668001.html"


def test_jsonl_pages_and_line_errors():
    check_jsonl(read(JSONL), str(JSONL))


def test_jsonl_gz(tmp_path):
    path = tmp_path / "tin-tuc.jsonl.gz"
    path.write_bytes(gzip.compress(JSONL.read_bytes()))
    check_jsonl(read(path), str(path))


def test_jsonl_odd_lines(tmp_path):
    path = tmp_path / "la.jsonl"
    path.write_bytes(b'[1, 2]\n"Hoi nghi"\n{"id": 7, "text": "H\xe1\xbb\x99i ngh\xe1\xbb\x8b"}\n'
                     b'{"text": "x\xff"}\n{"id": {"a": 1}, "text": "y"}\n{"text": "   "}\n')
    items = read(path)
    assert [(i.source[len(str(path)):], getattr(i, "reason", None)) for i in items] == [
        (":1", "a JSON list, not an object"),
        (":2", "a JSON str, not an object"),
        (":3", None),
        (":4", "not JSON: 'utf-8' codec can't decode byte 0xff in position 11: invalid start byte"),
        (":5", '"id" is a dict, not a string'),
        (":6", 'no "text" or "html"'),
    ]
    assert (items[2].id, items[2].text) == ("7", "Hội nghị")


def test_truncated_jsonl_gz_keeps_the_lines_before(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(b"".join(b'{"id": "%d", "text": "H\xe1\xbb\x99i ngh\xe1\xbb\x8b %d"}\n' % (i, i)
                                  for i in range(2000)))
    path.write_bytes(data[: len(data) * 3 // 4])
    items = read(path)
    assert items[0].id == "0" and len(pages(items)) > 100
    assert items[-1].source == str(path) and items[-1].reason.startswith("EOFError")


# --- WARC ---------------------------------------------------------------------------------------------------------

UUID = "5f1d7a2e-8c1b-4c55-9a9e-1f0b6c2d3e4a"


def warc_record(kind, uri, block, content_type="application/http; msgtype=response", uuid=None):
    record = WarcRecord()
    record.init_headers(kind, record_urn=f"uuid:{uuid}".encode() if uuid else None)
    record.headers["WARC-Date"] = "2024-07-03T11:02:03Z"
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = content_type
    record.set_bytes_content(block)
    return record


def http(content_type, body, *extra, status="200 OK"):
    head = "\r\n".join([f"HTTP/1.1 {status}", f"Content-Type: {content_type}", *extra]).encode()
    return head + b"\r\n\r\n" + body


def write_warc(path, records):
    with open(path, "wb") as out:
        for record in records:
            if str(path).endswith(".gz"):
                member = io.BytesIO()
                writer = GzipWriter(member)
                record.write(writer)
                writer.close()
                out.write(member.getvalue())
            else:
                record.write(out)
    return path


def crawl():
    article = HTML_PAGE.read_bytes()
    chunked_gzip = gzip.compress("<html><head><title>Hội nghị Quân ủy Trung ương</title></head><body><p>Sáng 5/7, "
                                 "Quân ủy Trung ương tổ chức Hội nghị sơ kết 6 tháng đầu năm.</p></body></html>".encode())
    return [
        warc_record(WarcRecordType.warcinfo, "", b"software: hoinghi-test\r\n", "application/warc-fields"),
        warc_record(WarcRecordType.request, CANONICAL, b"GET / HTTP/1.1\r\nHost: baothainguyen.vn\r\n\r\n",
                    "application/http; msgtype=request"),
        warc_record(WarcRecordType.response, CANONICAL, http("text/html; charset=utf-8", article), uuid=UUID),
        warc_record(WarcRecordType.response, "https://baothainguyen.vn/anh.jpg", http("image/jpeg", b"\xff\xd8" * 50)),
        warc_record(WarcRecordType.response, "https://baothainguyen.vn/khong-co", http(
            "text/html", "<html><body><p>Không tìm thấy trang</p></body></html>".encode(), status="404 Not Found")),
        warc_record(WarcRecordType.response, "https://qdnd.vn/hoi-nghi", http(
            "text/html", b"%x\r\n" % len(chunked_gzip) + chunked_gzip + b"\r\n0\r\n\r\n",
            "Transfer-Encoding: chunked", "Content-Encoding: gzip")),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_are_pages(tmp_path, name):
    path = write_warc(tmp_path / name, crawl())
    first, second = read(path)
    assert (first.id, first.url, first.date, first.source) == (UUID, CANONICAL, "2024-07-03", f"{path}#{UUID}")
    assert first.html == HTML_PAGE.read_text(encoding="utf-8")
    assert first.text.startswith("Hội nghị triển khai công tác đối ngoại năm 2024\nNgày đăng: 2024-07-03T17:59")
    assert second.url == "https://qdnd.vn/hoi-nghi" and second.id and second.id != UUID
    assert second.text == "Hội nghị Quân ủy Trung ương\n\nSáng 5/7, Quân ủy Trung ương tổ chức Hội nghị sơ kết 6 tháng đầu năm."


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_truncated_warc_yields_the_pages_before_then_an_error(tmp_path, name):
    whole = write_warc(tmp_path / f"whole-{name}", crawl()).read_bytes()
    path = tmp_path / name
    path.write_bytes(whole[:-60])  # inside the last record
    items = read(path, SEEDS / "003_af9996c1c8436e61.txt")
    assert [type(i).__name__ for i in items] == ["Page", "ReadError", "Page"]
    assert items[0].id == UUID and items[2].id == "003_af9996c1c8436e61"
    assert items[1].source == str(path)
    assert items[1].reason.startswith(("truncated WARC record", "corrupt WARC"))


def test_warc_gz_with_a_broken_last_member(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", crawl())
    with open(path, "ab") as out:
        out.write(gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n" * 20)[:10])  # a gzip header, nothing after
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Page", "Page", "ReadError"]
    assert items[2].source == str(path) and "EOFError" in items[2].reason


def test_not_a_warc(tmp_path):
    path = tmp_path / "rac.warc"
    path.write_text("Đây không phải tệp WARC\n" * 5, encoding="utf-8")
    [error] = read(path)
    assert error.source == str(path) and error.reason.startswith("corrupt WARC") and "Invalid WARC header" in error.reason


# --- stdin, directories, counting ---------------------------------------------------------------------------------

@pytest.mark.parametrize("data, expected", [
    (JSONL.read_bytes(), ["<stdin>:1", "<stdin>:2", "<stdin>:3", "<stdin>:5", "<stdin>:6"]),
    (b"\xef\xbb\xbf" + JSONL.read_bytes(), ["<stdin>:1", "<stdin>:2", "<stdin>:3", "<stdin>:5", "<stdin>:6"]),
    (b"\n  \n" + HTML_PAGE.read_bytes(), ["<stdin>"]),
    ((SEEDS / "004_e79080e5b7d93c5d.txt").read_bytes(), ["<stdin>"]),
    (b" \n", ["<stdin>"]),
])
@pytest.mark.parametrize("binary", [True, False])
def test_stdin_is_sniffed(monkeypatch, data, expected, binary):
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8") if binary else io.StringIO(data.decode("utf-8"))
    monkeypatch.setattr(sys, "stdin", stdin)
    items = read("-")
    assert [i.source for i in items] == expected
    if expected == ["<stdin>"]:
        [item] = items
        if data.strip():
            assert item.id is None and "Hội nghị" in item.text
            assert (item.html is not None) == data.lstrip().startswith(b"<")
        else:
            assert item == ReadError("<stdin>", "empty file")
    else:
        assert [i.id for i in pages(items)] == ["bcp-001", "bcp-002", None]


def test_directory_recursion_order_and_suffixes(tmp_path):
    items = read(READ)
    assert [i.source for i in items] == [
        str(HTML_PAGE), str(READ / "nested/b-ubnd.txt"), str(READ / "nested/deeper/a-hdnd.htm"),
        *(f"{JSONL}:{n}" for n in (1, 2, 3, 5, 6))]  # nested/ghi-chu.md is not a page format
    hdnd = items[2]
    assert hdnd.text.startswith("Khai mạc Kỳ họp thứ 18 HĐND tỉnh khóa XIV\nNgày đăng: 2024-07-09T08:00:00+07:00\n\n")
    # named explicitly, a file of another suffix is sniffed (here: plain text)
    [note] = read(READ / "nested/ghi-chu.md")
    assert (note.id, note.text, note.html) == ("ghi-chu", "Ghi chú nội bộ, không phải trang tin.\n", None)


def test_count_pages(tmp_path):
    assert count_pages([str(READ)]) == 3 + len(JSONL.read_bytes().splitlines())
    assert count_pages([str(SEEDS / "000_e422ed3cc8f1cff8.txt"), "/khong/co"]) == 2
    assert count_pages([str(SEEDS), "-"]) is None
    shutil.copy(HTML_PAGE, tmp_path / "a.html")
    write_warc(tmp_path / "b.warc", crawl())
    assert count_pages([str(tmp_path / "a.html")]) == 1
    assert count_pages([str(tmp_path)]) is None
