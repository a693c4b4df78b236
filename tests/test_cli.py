"""The command line: ingest, link, search, person, document, event, export, demo, and their errors. The store
commands run on SQLite and, with HOINGHI_TEST_PG set, on PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import EXAMPLES
from hoinghi.cli import main
from hoinghi.store.links import link_available

needs_linker = pytest.mark.skipif(not link_available(), reason="hoinghi.link.link is not written yet")


def run(runner, *args, code=0):
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def test_help_teaches_every_command(runner):
    out = run(runner, "--help").output
    for cmd in ("ingest", "link", "search", "person", "document", "event", "export", "demo", "extract"):
        assert cmd in out
        sub = run(runner, cmd, "--help").output
        if cmd not in ("demo",):
            assert "Example" in sub, cmd
        if cmd not in ("extract",):
            assert "--db" in sub, cmd


def test_extract_still_writes_records(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    run(runner, "extract", "--example", "-q", "-o", out)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 10


@needs_linker
def test_ingest_search_views_export(runner, db_url):
    first = run(runner, "ingest", EXAMPLES, "--db", db_url)
    assert "10 records stored" in first.output and "linked 10 articles" in first.output
    again = run(runner, "ingest", EXAMPLES, "--db", db_url)
    assert "10 pages already stored" in again.output and "0 records stored" in again.output

    hits = json.loads(run(runner, "search", "doi ngoai", "--province", "Yên Bái", "--json", "--db", db_url).stdout)
    assert sorted(h["id"] for h in hits) == ["ex04_yen-bai-ket-luan-57", "ex06_yen-bai-so-ket-ket-luan-57"]
    assert all("<b>đối ngoại</b>" in (h["snippet"] + h["title_highlighted"]).lower() for h in hits)
    table = run(runner, "search", "thông tin đối ngoại", "-n", "3", "--db", db_url).stdout
    assert "3 results for 'thông tin đối ngoại'" in table
    assert "no article matches" in run(runner, "search", "khongcotutrongkho", "--db", db_url).stdout

    people = json.loads(run(runner, "person", "luong duc hien", "--json", "--db", db_url).stdout)
    assert [p["name"] for p in people] == ["Lương Đức Hiển"]
    assert "Trưởng Ban Tuyên giáo Trung ương" in run(runner, "person", "Lương Đức Hiển", "--db", db_url).stdout

    docs = json.loads(run(runner, "document", "Kết luận 57", "--json", "--db", db_url).stdout)
    assert docs[0]["label"] == "Kết luận số 57-KL/TW"
    cascade = docs[0]["cascade"]
    assert {"2023-10-11", "2024-03-19"} <= {r["date"] for r in cascade}
    shown = run(runner, "document", "57-KL/TW", "--db", db_url).stdout
    assert "Cascade" in shown and "Nghệ An" in shown

    national = next(r for r in cascade if r["date"] == "2023-10-11")
    ev = json.loads(run(runner, "event", national["event_id"], "--json", "--db", db_url).stdout)
    assert "Lương Đức Hiển" in ev["chair_names"]
    assert {b["place"] for b in ev["bridge_points"]} >= {"Yên Bái", "Nghệ An"}
    shown = run(runner, "event", national["event_id"], "--db", db_url).stdout
    assert "Bridge points" in shown and "Reports" in shown

    out = run(runner, "export", "--what", "people", "--format", "csv", "--db", db_url).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert "Lương Đức Hiển" in {r["name"] for r in rows}
    lines = run(runner, "export", "--db", db_url).stdout.splitlines()
    assert sorted(json.loads(x)["id"] for x in lines) == sorted(p.stem for p in EXAMPLES.glob("*.txt"))


def test_no_link_then_link(runner, db_url):
    out = run(runner, "ingest", EXAMPLES, "--no-link", "--db", db_url).output
    assert "linked" not in out
    assert "not linked yet" in run(runner, "person", "Lương Đức Hiển", "--db", db_url, code=1).output
    if link_available():
        assert "people" in run(runner, "link", "--db", db_url).output
        assert "Lương Đức Hiển" in run(runner, "person", "Lương Đức Hiển", "--db", db_url).stdout


def test_clear_errors(runner, tmp_path, db_url):
    missing = tmp_path / "none.db"
    out = run(runner, "search", "doi ngoai", "--db", missing, code=1).output
    assert "no store at" in out and "hoinghi ingest" in out and not missing.exists()
    assert "unsupported database" in run(runner, "search", "x", "--db", "mysql://u@h/db", code=1).output
    out = run(runner, "search", "x", "--db", "postgresql://nobody@127.0.0.1:1/none", code=1).output
    assert "cannot reach the PostgreSQL server" in out
    from hoinghi.store import open_store

    open_store(db_url).close()  # an empty store
    assert "holds no articles yet" in run(runner, "person", "x", "--db", db_url, code=1).output
    run(runner, "ingest", EXAMPLES, "--no-link", "--db", db_url)
    assert "parquet is binary" in run(runner, "export", "--format", "parquet", "--db", db_url, code=2).output
    assert "cannot read the date" in run(runner, "search", "x", "--from", "soon", "--db", db_url, code=1).output
    assert "no event has the id" in run(runner, "event", "nope", "--db", db_url, code=1).output


def test_env_var_picks_the_store(runner, tmp_path, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("HOINGHI_DB", str(db))
    run(runner, "ingest", EXAMPLES / "ex04_yen-bai-ket-luan-57.txt", "--no-link")
    assert db.exists()
    assert json.loads(run(runner, "search", "yen bai", "--json").stdout)[0]["id"] == "ex04_yen-bai-ket-luan-57"


def test_demo_stores_in_the_current_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = run(runner, "demo").output
    assert (tmp_path / "hoinghi.db").exists()
    assert "articles" in out and "hoinghi search" in out and "ex04_yen-bai-ket-luan-57" in out
    if link_available():
        assert "Kết luận số 57-KL/TW" in out and "Cascade" in out
    assert "10 pages already stored" in run(runner, "demo").output


def test_demo_on_any_backend(runner, db_url):
    out = run(runner, "demo", "--db", db_url).output
    assert "10 records stored" in out and "ex06_yen-bai-so-ket-ket-luan-57" in out


_CAREER_PAGES = {
    "a.txt": """Báo Nghệ An điện tử

Thời sự >> Chính trị

Tỉnh ủy Nghệ An hội nghị sơ kết công tác dân vận năm 2022

12/07/2022 09:15

Sáng 12/7, Tỉnh ủy Nghệ An tổ chức Hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2022. Đồng chí Thái Thanh Quý, \
Ủy viên BCH T.Ư Đảng, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh chủ trì hội nghị.

Phát biểu tại hội nghị, đồng chí Thái Thanh Quý đề nghị các cấp ủy tiếp tục nâng cao chất lượng công tác dân vận.
""",
    "b.txt": """Báo Nghệ An điện tử

Thời sự >> Chính trị

Hội nghị Ban Chấp hành Đảng bộ tỉnh Nghệ An lần thứ 15

20/03/2023 16:40

Sáng 20/3, Ban Chấp hành Đảng bộ tỉnh Nghệ An tổ chức Hội nghị lần thứ 15, khóa XIX. Đồng chí Thái Thanh Quý, \
Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An chủ trì hội nghị.

Hội nghị thảo luận, cho ý kiến vào dự thảo báo cáo tình hình kinh tế - xã hội quý I năm 2023 của tỉnh.
""",
}


@needs_linker
def test_person_shows_a_dated_career_across_pages(runner, db_url, tmp_path):
    for name, text in _CAREER_PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    run(runner, "ingest", tmp_path, "--db", db_url)
    (p,) = json.loads(run(runner, "person", "Thái Thanh Quý", "--json", "--db", db_url).stdout)
    career = {x["position_full"]: (x["first_seen"], x["last_seen"], x["articles"]) for x in p["positions"]}
    # `Ủy viên BCH T.Ư Đảng` and `Ủy viên Trung ương Đảng` are one post; `Bí thư Tỉnh ủy` completed with the province
    assert career == {"Trưởng đoàn ĐBQH tỉnh Nghệ An": ("2022-07-12", "2022-07-12", ["a"]),
                      "Bí thư Tỉnh ủy Nghệ An": ("2022-07-12", "2023-03-20", ["a", "b"]),
                      "Ủy viên BCH T.Ư Đảng": ("2022-07-12", "2023-03-20", ["a", "b"])}
    assert [(e["date"], e["roles"], e["articles"]) for e in p["events"]] == [
        ("2022-07-12", ["chair", "speaker"], ["a"]), ("2023-03-20", ["chair"], ["b"])]
    table = run(runner, "person", "Thai Thanh Quy", "--db", db_url).stdout
    assert "2022-07-12 │ 2023-03-20 │ a, b" in table


READ_ONLY = """
import json, sys
from hoinghi.cli import main
codes = []
for args in json.loads(sys.argv[1]):
    try:
        main(args)
    except SystemExit as exc:
        codes.append(exc.code)
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"sqlalchemy", "alembic"})
print("RESULT " + json.dumps({"codes": codes, "heavy": heavy}), file=sys.stderr)
"""


@needs_linker
def test_read_only_commands_import_neither_sqlalchemy_nor_alembic(runner, tmp_path):
    """`hoinghi search`, `person`, `document` and `event` on a SQLite store start fast: in a fresh interpreter they
    run on sqlite3 and import neither SQLAlchemy nor Alembic (importing SQLAlchemy alone takes longer than their
    work). `import hoinghi.cli` imports none of them, nor rich."""
    import sqlite3
    import subprocess
    import sys

    db = str(tmp_path / "s.db")
    run(runner, "ingest", EXAMPLES, "--db", db)
    event_id = sqlite3.connect(db).execute("SELECT id FROM events ORDER BY id LIMIT 1").fetchone()[0]
    commands = [["search", "Kết luận", "--db", db], ["search", "doi ngoai", "--province", "Yên Bái", "--json", "--db", db],
                ["person", "Lương Đức Hiển", "--db", db], ["document", "57-KL/TW", "--json", "--db", db],
                ["event", event_id, "--db", db], ["search", "x", "--db", str(tmp_path / "none.db")]]
    done = subprocess.run([sys.executable, "-c", READ_ONLY, json.dumps(commands)], capture_output=True, text=True,
                          timeout=120)
    result = json.loads(done.stderr.split("RESULT ")[-1])
    assert result == {"codes": [0, 0, 0, 0, 0, 1], "heavy": []}, done.stderr
    assert "no store at" in done.stderr and "Lương Đức Hiển" in done.stdout and event_id in done.stdout
    imported = subprocess.run([sys.executable, "-c", "import sys, hoinghi.cli; print(sorted({m.split('.')[0] for m "
                               "in sys.modules} & {'sqlalchemy', 'alembic', 'rich'}))"], capture_output=True, text=True)
    assert imported.stdout.strip() == "[]", imported.stderr
