"""Reading loses nothing without a word: pages in different folders stay different pages, an unreadable folder is
a skip reason, UTF-16 JSON Lines keep every page, a corrupt gzip member of a WARC is skipped and the next read,
deep HTML keeps its text, and the summary counts the warnings it does not print."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys

from fastwarc.warc import WarcRecordType
from rich.console import Console

from hoinghi.model import Page
from hoinghi.read import ReadError, iter_pages
from test_read import http, warc_record, write_warc

PAGE = ("Hội nghị Ban Thường vụ Tỉnh ủy sơ kết công tác đối ngoại\n\n"
        "Sáng 14-12, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị sơ kết công tác đối ngoại năm 2024. "
        "Đồng chí Bí thư Tỉnh ủy chủ trì Hội nghị.\n")


def read(*inputs):
    return list(iter_pages([str(i) for i in inputs]))


def test_pages_in_different_folders_are_different_pages(tmp_path):
    for folder, place in (("a", "Yên Bái"), ("b/c", "Nghệ An")):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "index.html").write_text(
            f"<html><body><h1>Hội nghị Tỉnh ủy {place} quán triệt Kết luận 57</h1><p>{PAGE}</p></body></html>",
            encoding="utf-8")
    (tmp_path / "000_e422ed3cc8f1cff8.txt").write_text(PAGE, encoding="utf-8")
    ids = [p.id for p in read(tmp_path)]
    assert ids == ["000_e422ed3cc8f1cff8", "a/index", "b/c/index"]
    assert [p.id for p in read(tmp_path / "a" / "index.html")] == ["index"]  # a file named alone: its stem


def test_two_index_pages_are_two_articles_in_the_store(tmp_path):
    from hoinghi.store import open_store

    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "index.txt").write_text(PAGE.replace("2024", "2024 " + folder), encoding="utf-8")
    db = str(tmp_path / "s.db")
    done = subprocess.run([sys.executable, "-m", "hoinghi.cli", "ingest", str(tmp_path / "in"), "--db", db,
                           "--no-link"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    store = open_store(db, create=False)
    assert sorted(store.article_ids()) == ["a/index", "b/index"] and store.counts()["versions"] == 2
    store.close()


def test_an_unreadable_folder_is_a_skip_reason(tmp_path, monkeypatch):
    (tmp_path / "doc").mkdir()
    (tmp_path / "khoa").mkdir()
    (tmp_path / "doc" / "tin.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "khoa" / "tin.txt").write_text(PAGE, encoding="utf-8")
    locked = str(tmp_path / "khoa")
    os.chmod(locked, 0)
    if os.geteuid() == 0:  # root reads any folder: refuse this one as the file system would refuse another user
        real = os.scandir

        def scandir(path="."):
            if os.fspath(path) == locked:
                raise PermissionError(13, "Permission denied", locked)
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        items = read(tmp_path)
    finally:
        os.chmod(locked, 0o755)
    assert [type(i).__name__ for i in items] == ["Page", "ReadError"]
    assert items[1] == ReadError(locked, "cannot read the folder: Permission denied")


def test_utf16_jsonl_keeps_every_page(tmp_path):
    lines = [json.dumps({"id": f"p{i}", "text": PAGE.replace("14-12", f"{i}-12")}, ensure_ascii=False)
             for i in range(1, 6)]
    for codec, bom in (("utf-16", ""), ("utf-16-le", ""), ("utf-16-be", "")):
        path = tmp_path / f"{codec}.jsonl"
        path.write_bytes((bom + "\r\n".join(lines) + "\r\n").encode(codec))
        items = read(path)
        assert [i.id for i in items] == ["p1", "p2", "p3", "p4", "p5"], (codec, items[:2])
        assert items[2].text.startswith("Hội nghị Ban Thường vụ") and "Sáng 3-12" in items[2].text


def _member(record) -> bytes:
    from fastwarc.stream_io import GzipWriter

    out = io.BytesIO()
    writer = GzipWriter(out)
    record.write(writer)
    writer.close()
    return out.getvalue()


def _responses():
    pages = []
    for n, place in enumerate(("Yên Bái", "Nghệ An", "Quảng Ninh"), 1):
        body = (f"<html><head><title>Hội nghị Tỉnh ủy {place} quán triệt Kết luận 57</title></head><body>"
                f"<h1>Hội nghị Tỉnh ủy {place} quán triệt Kết luận 57</h1><p>{PAGE}</p></body></html>").encode()
        pages.append(warc_record(WarcRecordType.response, f"https://tinh.example.vn/{n}.html",
                                 http("text/html; charset=utf-8", body), uuid=f"00000000-0000-0000-0000-00000000000{n}"))
    return pages


def test_a_corrupt_gzip_member_is_skipped_and_the_next_read(tmp_path):
    members = [_member(r) for r in _responses()]
    bad = bytearray(members[1])
    for i in range(len(bad) // 2, len(bad) // 2 + 8):  # inside the deflate data: the checksum cannot match
        bad[i] ^= 0x5A
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(members[0] + bytes(bad) + members[2])
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Page", "ReadError", "Page"]
    assert [i.url for i in items if isinstance(i, Page)] == ["https://tinh.example.vn/1.html",
                                                             "https://tinh.example.vn/3.html"]
    assert f"gzip member at byte {len(members[0])}" in items[1].reason and "skipped" in items[1].reason
    assert "Quảng Ninh" in items[2].text
    # the same records in one plain WARC still read whole
    assert len(read(write_warc(tmp_path / "crawl.warc", _responses()))) == 3


def test_deep_html_keeps_the_text_after_the_depth_limit(tmp_path):
    deep = ("<div>" * 600 + "<p>Hội nghị đã thông qua Nghị quyết về công tác đối ngoại năm 2025.</p>"
            + "</div>" * 600)
    path = tmp_path / "sau.html"
    path.write_text("<html><head><title>Hội nghị Ban Thường vụ Tỉnh ủy sơ kết công tác đối ngoại</title></head>"
                    f"<body><h1>Hội nghị Ban Thường vụ Tỉnh ủy sơ kết công tác đối ngoại</h1><p>{PAGE}</p>{deep}"
                    "<p>Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy yêu cầu triển khai nghiêm túc.</p></body></html>",
                    encoding="utf-8")
    page, warning = read(path)
    assert "thông qua Nghị quyết về công tác đối ngoại năm 2025" in page.text
    assert page.text.rstrip().endswith("yêu cầu triển khai nghiêm túc.")
    assert warning.severity == "warning" and "nested deeper than 200 levels" in warning.reason
    gz = tmp_path / "p.jsonl.gz"
    gz.write_bytes(gzip.compress(json.dumps({"id": "d", "html": path.read_text(encoding="utf-8")}).encode()))
    page, warning = read(gz)
    assert "năm 2025" in page.text and "nested deeper" in warning.reason


def test_the_summary_counts_the_warnings_it_does_not_print():
    from hoinghi.cli import Summary

    summary = Summary()
    summary.warnings = [(f"tin-{i}.txt", f"invalid UTF-8 at byte {100 + i}; replaced") for i in range(25)]
    summary.warnings += [(f"tin-{i}.txt", "step events failed: KeyError: 'x'") for i in range(3)]
    out = io.StringIO()
    summary.report(Console(file=out, width=200))
    text = out.getvalue()
    assert text.count("warning ") == 20
    assert "… and 8 more warnings: 5× invalid UTF-8 at byte N; replaced, 3× step events failed" in text


# --- legacy encodings ---------------------------------------------------------------------------------------------

VI = ("Sáng 14-12, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị quán triệt Kết luận của Bộ Chính trị về công tác đối "
      "ngoại. Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị và phát biểu chỉ đạo.\n")


def _tcvn3(text: str) -> bytes:
    from hoinghi.read.legacy import TCVN3

    back = {v: k for k, v in TCVN3.items()}
    return bytes(back[c] if c in back else back.get(c.lower(), ord(c)) for c in text)


def _cp1258(text: str) -> bytes:
    """As Vietnamese Windows wrote it: base letters (â ê ô ă ơ ư đ) precomposed, tones as combining marks."""
    import unicodedata

    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            for tone in marks:  # the letter with its other mark precomposed, the tone after it
                head = unicodedata.normalize("NFC", base + "".join(m for m in marks if m != tone))
                try:
                    out += head.encode("cp1258") + tone.encode("cp1258")
                    break
                except UnicodeEncodeError:
                    continue
    return bytes(out)


def _double_utf8(text: str) -> bytes:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode()).encode()


def test_legacy_vietnamese_pages_are_converted_with_a_warning(tmp_path):
    for name, data, how in (("tcvn3.txt", _tcvn3(VI), "TCVN3"), ("vn1258.txt", _cp1258(VI), "Windows-1258"),
                            ("kep.txt", _double_utf8(VI), "UTF-8 decoded twice")):
        path = tmp_path / name
        path.write_bytes(data)
        page, warning = read(path)
        assert page.text == VI, (name, page.text)
        assert warning.severity == "warning" and how in warning.reason
    assert b"H\xe9i ngh\xde" in _tcvn3(VI)  # `Héi nghÞ`, as TCVN3 pages show in a Western font
    html = tmp_path / "khai-bao-1252.html"
    html.write_bytes(b'<html><head><meta charset="windows-1252"></head><body><h1>' + _tcvn3("Hội nghị Tỉnh ủy")
                     + b"</h1><p>" + _tcvn3(VI) + b"</p></body></html>")
    page, warning = read(html)
    assert "Ban Thường vụ Tỉnh ủy tổ chức Hội nghị" in page.text and "TCVN3" in warning.reason


def test_a_western_page_that_is_no_vietnamese_is_skipped_and_strict_fails(tmp_path):
    (tmp_path / "tin.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "la.html").write_bytes('<html><head><meta charset="iso-8859-1"></head><body><p>Le conseil a '
                                       'approuvé le budget de l\'année à l\'unanimité.</p></body></html>'
                                       .encode("latin-1"))
    items = read(tmp_path)
    assert isinstance(items[0], ReadError) and items[0].reason.startswith("declared iso8859-1 but not UTF-8")
    run = [sys.executable, "-m", "hoinghi.cli", "extract", str(tmp_path), "-o", str(tmp_path / "out.jsonl")]
    assert subprocess.run(run, capture_output=True, timeout=300).returncode == 0
    strict = subprocess.run([*run, "--strict"], capture_output=True, text=True, timeout=300)
    assert strict.returncode == 1 and "skipped" in strict.stderr
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 1  # written all the same
