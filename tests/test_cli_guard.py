"""The command line and the Python API: no traceback where the user made a mistake or the system said no (output
folder missing, store locked or read-only, standard output closed, full or gone), dates that do not exist,
queries starting with `-`, ids given in part, exit codes alike for tables and --json, gzipped standard input,
process workers ending with their parent, Parquet's native types, `hoinghi.extract`, and the README's first
command. What is about processes runs real ones (`python -m hoinghi.cli`)."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from hoinghi.cli import main

CORPUS = ROOT.parent / "shared" / "corpus" / "pages.jsonl"
ENV = {k: v for k, v in os.environ.items() if k not in ("HOINGHI_DB", "COLUMNS")}


def hoinghi(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hoinghi.cli", *map(str, args)], capture_output=True, env=ENV,
                          timeout=300, **kwargs)


def no_traceback(stderr: bytes | str) -> str:
    text = stderr.decode() if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text and "Exception ignored" not in text, text
    return text


def run(runner, *args, code=0):
    result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


@pytest.fixture(scope="module")
def linked_db(tmp_path_factory):
    """The examples ingested and linked in a SQLite store, for read-only commands."""
    db = tmp_path_factory.mktemp("guard") / "ex.db"
    done = hoinghi("ingest", EXAMPLES, "-q", "--db", db)
    assert done.returncode == 0, done.stderr
    return db


# --- the Python API and the README ---

def test_import_hoinghi_is_cheap_and_extract_works():
    code = ("import sys, hoinghi; assert 'hoinghi.pipeline' not in sys.modules, 'eager'; "
            "a = hoinghi.extract(text=open(sys.argv[1], encoding='utf-8').read()); "
            "b = hoinghi.extract(html='<html><body><h1>Hội nghị quán triệt Kết luận 57</h1><p>Sáng 11/10/2023, Tỉnh "
            "ủy Yên Bái tổ chức hội nghị quán triệt Kết luận số 57-KL/TW.</p></body></html>'); "
            "import hoinghi.extract.people; c = hoinghi.extract(text='Hội nghị\\n\\nTỉnh ủy Yên Bái họp.'); "
            "print(a.title); print(b.title, b.documents[0].number); print(type(c).__name__)")
    out = subprocess.run([sys.executable, "-c", code, EXAMPLES / "ex04_yen-bai-ket-luan-57.txt"],
                         capture_output=True, text=True, env=ENV, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "Yên Bái" in lines[0] or "57" in lines[0]
    assert lines[1] == "Hội nghị quán triệt Kết luận 57 57" and lines[2] == "Article"


def test_readme_first_command_puts_hoinghi_on_the_path():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.*?)\n```", readme, re.S).group(1).strip()
    steps = [s.strip() for s in first.split("&&")]
    assert steps[0] == "python3 -m venv .venv" and ". .venv/bin/activate" in steps
    at = steps.index(". .venv/bin/activate")
    # after activation, `pip` and `hoinghi` are the environment's (what the rest of the README types)
    assert steps[at + 1:] == ["pip install -e '.[dev]'", "hoinghi demo"]
    sh = subprocess.run(["sh", "-c", f". {ROOT}/.venv/bin/activate && command -v hoinghi"], capture_output=True,
                        text=True, env={"PATH": "/usr/bin:/bin"}, timeout=30)
    assert sh.stdout.strip() == f"{ROOT}/.venv/bin/hoinghi"


# --- output that cannot be written ---

@pytest.mark.parametrize("args", [["extract", EXAMPLES, "-q"], ["export", "--format", "parquet"],
                                  ["export", "--format", "csv"]])
def test_output_into_a_missing_folder(tmp_path, linked_db, args):
    target = tmp_path / "no" / "such" / "out.file"
    said = hoinghi(*args, "-o", target, *(["--db", linked_db] if args[0] == "export" else []))
    err = no_traceback(said.stderr)
    assert said.returncode == 2 and "does not exist" in err and not target.parent.exists()


def test_reader_going_away_ends_quietly():
    big = CORPUS if CORPUS.exists() else EXAMPLES
    for extra in ([], ["--engine", "process", "-j", "2"], ["--format", "table"]):
        proc = subprocess.Popen([sys.executable, "-m", "hoinghi.cli", "extract", str(big), *extra],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
        first = proc.stdout.readline()
        proc.stdout.close()  # as `| head -1` does
        _out, err = proc.communicate(timeout=300)
        assert first and proc.returncode == 1, err
        assert no_traceback(err) == "", err


def test_full_or_closed_standard_output():
    with open("/dev/full", "w") as full:
        said = subprocess.run([sys.executable, "-m", "hoinghi.cli", "extract", str(EXAMPLES), "-q"], stdout=full,
                              stderr=subprocess.PIPE, env=ENV, timeout=300)
    assert said.returncode == 1 and "No space left on device" in no_traceback(said.stderr)
    closed = subprocess.run(f'"{sys.executable}" -m hoinghi.cli extract "{EXAMPLES}" -q >&-', shell=True,
                            stderr=subprocess.PIPE, env=ENV, timeout=300)
    assert closed.returncode == 1 and "standard output is closed" in no_traceback(closed.stderr)


# --- stores that cannot be written ---

def test_read_only_store(tmp_path, linked_db):
    page = tmp_path / "new.txt"
    page.write_text("Hội nghị mới\n\nNgày 3/4/2024, Tỉnh ủy Yên Bái tổ chức hội nghị mới về chuyển đổi số.",
                    encoding="utf-8")
    said = hoinghi("ingest", page, "--db", f"sqlite:///file:{linked_db}?mode=ro&uri=true")
    err = no_traceback(said.stderr)
    assert said.returncode == 1 and "cannot be written" in err and "readonly" in err
    assert "chuyển đổi số" not in err and "INSERT" not in err


def test_locked_store(runner, tmp_path, monkeypatch):
    """A writer holding the store past the wait: one line, not the statement with a page's text."""
    import sqlite3

    import hoinghi.store.core as core

    db = tmp_path / "locked.db"
    run(runner, "ingest", EXAMPLES / "ex04_yen-bai-ket-luan-57.txt", "--no-link", "-q", "--db", db)
    pragmas = core._sqlite_pragmas

    def short_wait(conn, record):
        pragmas(conn, record)
        conn.execute("PRAGMA busy_timeout=200")

    monkeypatch.setattr(core, "_sqlite_pragmas", short_wait)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = runner.invoke(main, ["ingest", str(EXAMPLES / "ex05_nghe-an-ket-luan-57.txt"), "-q", "--db", str(db)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "the store is locked" in result.output and "Traceback" not in result.output
    assert "Nghệ An" not in result.output and "INSERT" not in result.output


# --- search ---

def test_dates_that_do_not_exist(linked_db):
    for value, message in (("2023-13", "a month is 1 to 12"), ("2023-02-30", "has no day 30")):
        said = hoinghi("search", "hoi nghi", "--to", value, "--db", linked_db)
        assert said.returncode == 1 and message in no_traceback(said.stderr)
    said = hoinghi("search", "ket luan", "--to", "9999-12-31", "-n", "50", "--json", "--db", linked_db)
    no_traceback(said.stderr)
    unbounded = hoinghi("search", "ket luan", "-n", "50", "--json", "--db", linked_db)
    assert said.returncode == 0 and len(json.loads(said.stdout)) >= 9 and said.stdout == unbounded.stdout


def test_query_starting_with_a_dash_and_several_words(linked_db):
    said = hoinghi("search", "--json", "-n", "50", "--db", linked_db, "--", "-thuy")
    no_traceback(said.stderr)
    without = {h["id"] for h in json.loads(said.stdout)}
    assert said.returncode == 0 and without and "ex06_yen-bai-so-ket-ket-luan-57" not in without
    # the help's own examples, unquoted words included
    help_text = hoinghi("search", "--help").stdout.decode()
    assert "hoinghi search hoi nghi --document 57-KL/TW" in help_text and " OR " in help_text and "-word" in help_text
    both = hoinghi("search", "hoi", "nghi", "--document", "57-KL/TW", "--kind", "hội nghị", "--json", "--db", linked_db)
    quoted = hoinghi("search", "hoi nghi", "--document", "57-KL/TW", "--kind", "hội nghị", "--json", "--db", linked_db)
    assert both.returncode == 0 and json.loads(both.stdout) and both.stdout == quoted.stdout


# --- views ---

def test_event_prefix_lists_the_candidates(runner, linked_db):
    events = [json.loads(x) for x in run(runner, "export", "--what", "events", "--db", linked_db).stdout.splitlines()]
    assert len(events) > 1
    common = os.path.commonprefix([e["id"] for e in events])
    out = run(runner, "event", common, "--db", linked_db, code=1).output
    assert "give more of the id" in out and all(e["id"] in out for e in events[:10])
    one = events[0]["id"]
    assert json.loads(run(runner, "event", one[:len(common) + 6], "--json", "--db", linked_db).stdout)["id"] == one
    for wildcard in ("%", "%" + one[-4:], one[:2] + "_", "_" * len(one)):  # not SQL wildcards
        assert "no event has the id" in run(runner, "event", wildcard, "--db", linked_db, code=1).output


def test_not_found_exits_1_in_tables_and_json(runner, linked_db):
    for cmd, key in (("event", "nope"), ("person", "Không Có Ai"), ("document", "Quyết định 999999")):
        table = run(runner, cmd, key, "--db", linked_db, code=1)
        as_json = run(runner, cmd, key, "--json", "--db", linked_db, code=1)
        assert json.loads(as_json.stdout) in (None, [])
        assert "Error" in table.output


def test_person_says_how_many_more(runner, tmp_path):
    from hoinghi.store import open_store
    from hoinghi.store import schema as s

    db = tmp_path / "many.db"
    run(runner, "ingest", EXAMPLES / "ex04_yen-bai-ket-luan-57.txt", "--no-link", "-q", "--db", db)
    store = open_store(str(db))
    with store.engine.begin() as conn:
        conn.execute(s.people.insert(), [{"id": f"per_t{i:02d}", "name": f"Nguyễn Văn Thử {i:02d}",
                                          "name_fold": f"nguyen van thu {i:02d}", "provinces": "[]",
                                          "data": json.dumps({"id": f"per_t{i:02d}"})} for i in range(27)])
    store.close()
    result = run(runner, "person", "van thu", "--json", "--db", db)
    assert len(json.loads(result.stdout)) == 20
    assert "7 more people match 'van thu'" in result.output
    assert "more people" not in run(runner, "person", "van thu 1", "--db", db).output  # 10 of them
    assert "no linked person" in run(runner, "person", "%", "--db", db, code=1).output  # not a wildcard


# --- reading and engines ---

def test_gzipped_jsonl_on_standard_input():
    lines = [json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)
             for p in sorted(EXAMPLES.glob("*.txt"))[:3]]
    said = hoinghi("extract", "-", "-q", input=gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    no_traceback(said.stderr)
    assert said.returncode == 0
    assert [json.loads(x)["id"] for x in said.stdout.decode().splitlines()] == [
        json.loads(x)["id"] for x in lines]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_process_workers_end_when_their_parent_is_killed(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(
        "import itertools, multiprocessing, sys, time\n"
        "from hoinghi.engines import run_processes\n"
        "from hoinghi.model import Page\n"
        "def pages():\n"
        "    for i in itertools.count():\n"
        "        yield Page(id=str(i), text='Hội nghị\\n\\nTỉnh ủy Yên Bái tổ chức hội nghị.')\n"
        "        if i > 2:\n"
        "            time.sleep(0.05)\n"
        "for n, _r in enumerate(run_processes(pages(), workers=2, chunk_size=1)):\n"
        "    if n == 0:\n"
        "        print(' '.join(str(p.pid) for p in multiprocessing.active_children()), flush=True)\n",
        encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, env=ENV, text=True)
    try:
        workers = [int(x) for x in parent.stdout.readline().split()]
        assert len(workers) >= 2 and all(_alive(p) for p in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in workers if _alive(p)]
    finally:
        parent.kill()
        for p in workers if "workers" in locals() else []:
            if _alive(p):
                os.kill(p, signal.SIGKILL)


# --- export ---

def test_parquet_keeps_native_types(runner, linked_db, tmp_path):
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = {}
    for what in ("articles", "people", "documents", "events"):
        path = tmp_path / f"{what}.parquet"
        run(runner, "export", "--what", what, "--format", "parquet", "-o", path, "--db", linked_db)
        tables[what] = pq.read_table(path)
    arts = tables["articles"]
    assert arts.schema.field("date").type == pa.date32() and arts.schema.field("words").type == pa.int64()
    assert arts.schema.field("people").type == pa.list_(pa.string())
    row = next(r for r in arts.to_pylist() if r["id"] == "ex04_yen-bai-ket-luan-57")
    assert isinstance(row["date"], dt.date) and "Vương Đình Lực" in row["people"] and row["section"]
    people = tables["people"]
    assert people.schema.field("first_seen").type == pa.date32()
    assert people.schema.field("provinces").type == pa.list_(pa.string())
    assert people.schema.field("events").type == pa.int64()
    events = tables["events"]
    assert events.schema.field("bridge_points").type == pa.list_(pa.string())
    national = next(r for r in events.to_pylist() if r["date"] == dt.date(2023, 10, 11) and len(r["bridge_points"]) > 1)
    assert {"Yên Bái", "Nghệ An"} <= set(national["bridge_points"])
    assert tables["documents"].schema.field("date").type == pa.date32()
    csv_out = run(runner, "export", "--what", "events", "--format", "csv", "--db", linked_db).stdout
    assert "; " in csv_out and "[" not in csv_out  # CSV still joins the lists
