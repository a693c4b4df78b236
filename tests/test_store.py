"""The store: opening and migrating, idempotent and versioned ingest, batches that survive a kill, linking results
persisted and shown, export. Each test runs on SQLite and, with HOINGHI_TEST_PG set, on PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from conftest import EXAMPLES
from hoinghi.model import Article, Page
from hoinghi.store import StoreError, open_store, page_hash, resolve_url
from hoinghi.store import schema as s
from hoinghi.store.export import export
from hoinghi.store.ingest import skip_stored, store_results
from hoinghi.store.links import link_available, run_link, save_links
from hoinghi.store.views import document_view, event_view, find_documents, parse_document_key, person_view

needs_linker = pytest.mark.skipif(not link_available(), reason="hoinghi.link.link is not written yet")


# --- opening ---

def test_resolve_url(tmp_path, monkeypatch):
    monkeypatch.delenv("HOINGHI_DB", raising=False)
    assert resolve_url(None).get_backend_name() == "sqlite"
    assert resolve_url(None).database.endswith("hoinghi.db")
    assert resolve_url(str(tmp_path / "x.db")).database == str(tmp_path / "x.db")
    assert resolve_url("postgresql://u:p@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    monkeypatch.setenv("HOINGHI_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).database == str(tmp_path / "env.db")
    with pytest.raises(StoreError, match="unsupported database"):
        resolve_url("mysql://u@h/db")


def test_unreachable_server_says_so():
    with pytest.raises(StoreError, match="cannot reach the PostgreSQL server"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_read_commands_do_not_create_a_store(tmp_path):
    with pytest.raises(StoreError, match="hoinghi ingest"):
        open_store(str(tmp_path / "missing.db"), create=False)
    assert not (tmp_path / "missing.db").exists()


def test_migrations_give_the_declared_schema(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    def include(obj, name, type_, reflected, compare_to):
        return not (name or "").startswith("articles_fts") and name not in ("tsv", "ix_articles_tsv", "alembic_version")

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include})
        diffs = compare_metadata(ctx, s.metadata)
        assert ctx.get_current_revision() == store.revision == "0007"
    assert diffs == []
    # opening again finds the schema current and leaves the data alone
    again = open_store(store.url.render_as_string(hide_password=False))
    assert again.revision == "0007"
    again.close()


def test_upgrade_from_the_first_schema_keeps_search_working(db_url, example_results):
    """A store written under 0001 (the search index over title and body only) is migrated on open: the index is
    rebuilt with the filter tags, and search, filters and later writes work on it."""
    from hoinghi.store.core import page_key
    from hoinghi.store.search import search

    _bench("bench_safety").write_first_schema(  # written as the 0001 store wrote them
        db_url, ((art, page_key(page, art), page.text) for page, art in example_results[:6]),
        now="2025-01-01T00:00:00")
    store = open_store(db_url)
    assert store.revision == "0007"
    before = {h.id for h in search(store, "ket luan", limit=50)}
    assert before and before <= {a.id for _p, a in example_results[:6]}
    yen_bai = [a.id for _p, a in example_results[:6] if a.province == "Yên Bái"]
    assert sorted(h.id for h in search(store, "ket luan", province="Yên Bái", limit=50)) == sorted(
        x for x in yen_bai if x in before)
    done = store.write_batch(example_results)  # other hashes: the first six pages get a second version
    assert done.added == len(example_results) and done.versions == 6
    assert {h.id for h in search(store, "ket luan", limit=50)} >= before
    if store.dialect == "sqlite":
        with store.engine.begin() as conn:
            conn.execute(text("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)"))
    store.close()


def test_empty_store_says_what_to_run(store):
    with pytest.raises(StoreError, match="hoinghi ingest"):
        store.require_articles()


# --- writing ---

def test_ingest_is_idempotent_and_skips_before_extracting(store, example_results):
    done = store.write_batch(example_results)
    assert done.added == 10 and done.skipped == 0
    assert store.count(s.articles) == 10
    again = store.write_batch(example_results)
    assert again.added == 0 and again.skipped == 10
    assert store.counts()["versions"] == 10
    # the filter drops stored pages before extraction: nothing is left to extract
    from hoinghi.read import iter_pages

    skipped = []
    left = [x for x in skip_stored(store, skipped.append)(iter_pages([str(EXAMPLES)])) if isinstance(x, Page)]
    assert left == [] and len(skipped) == 10


def test_same_page_twice_in_one_run_is_one_article(store, example_results):
    page, art = example_results[0]
    twice = [(Page(id=page.id, text=page.text), art), (Page(id=page.id, text=page.text + "\n"), art)]
    assert store.write_batch(twice).added == 1
    kept = list(skip_stored(store)([Page(id="other", text=page.text)]))
    assert kept == []  # same text, no url: the same page whatever its file name


def test_changed_page_is_a_new_version(store):
    from hoinghi.pipeline import extract_page

    url = "https://tinh.example.vn/tin/1.html"
    v1 = Page(url=url, text="Hội nghị về thủy lợi\n\nNgày 5/3/2024, tỉnh tổ chức hội nghị bàn công tác thủy lợi.")
    v2 = Page(url=url, text="Hội nghị về thủy lợi\n\nNgày 5/3/2024, tỉnh tổ chức hội nghị bàn công tác phòng chống lụt bão.")
    store.write_batch([(v1, extract_page(Page(url=url, text=v1.text)))])
    done = store.write_batch([(v2, extract_page(Page(url=url, text=v2.text)))])
    assert done.added == 1 and done.versions == 1
    counts = store.counts()
    assert counts["articles"] == 1 and counts["versions"] == 2
    with store.engine.connect() as conn:
        rows = conn.execute(select(s.articles.c.version, s.articles.c.latest, s.articles.c.body_fold)
                            .order_by(s.articles.c.version)).all()
    assert [(r.version, bool(r.latest)) for r in rows] == [(1, False), (2, True)]
    from hoinghi.store.search import search

    assert [h.url for h in search(store, "phong chong lut bao")] == [url]
    assert search(store, "\"cong tac thuy loi\"") == []  # the old version is kept but not searched
    assert store.write_batch([(v1, extract_page(Page(url=url, text=v1.text)))]).added == 0  # seen before


def test_records_come_back_whole(store, example_results):
    store.write_batch(example_results)
    back = {a.id: a for a in store.iter_articles(batch=3)}
    assert len(back) == 10
    for page, art in example_results:
        assert back[art.id].to_dict() == art.to_dict()
        raw = store.raw_page(art.id)
        assert raw == page.text
    with store.engine.connect() as conn:
        m = conn.execute(select(s.mentions).where(s.mentions.c.type == "person").limit(1)).mappings().one()
        art_text = conn.execute(select(s.articles.c.text).where(s.articles.c.pk == m["article_pk"])).scalar_one()
        blob = conn.execute(select(s.articles.c.raw).limit(1)).scalar_one()
    assert art_text[m["start"]:m["end"]] == m["text"]
    from hoinghi.text import fold

    assert m["fold"] == fold(m["text"])
    assert zlib.decompress(blob).decode("utf-8")


def test_a_failing_batch_stores_nothing(store, example_results, monkeypatch):
    broken = list(example_results)
    bad = Article(id="bad", title="x", text="x")
    bad.events = [None]  # fails while the batch is being written, after the articles' rows are sent
    with pytest.raises(Exception):  # noqa: B017
        store.write_batch(broken + [(Page(id="bad", text="x"), bad)])
    assert store.count(s.articles) == 0
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.mentions)).scalar_one() == 0
    assert store.write_batch(broken).added == 10


def _bench(module: str):
    """A module of the benchmarks' folder: `synth` (synthetic pages), `bench_safety` (stores of older schemas)."""
    import importlib

    bench = str(Path(__file__).resolve().parent.parent / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    return importlib.import_module(module)


def test_killed_ingest_loses_nothing_and_duplicates_nothing(db_url, tmp_path):
    """A real `hoinghi ingest` killed with SIGKILL after its first batch committed, then run again."""
    synth = _bench("synth")
    corpus = tmp_path / "corpus"
    n, batch = 3000, 200
    names = synth.write_pages(corpus, n, seed=7, sources=[str(EXAMPLES)])
    cmd = [sys.executable, "-m", "hoinghi.cli", "ingest", str(corpus), "--db", db_url, "--batch", str(batch),
           "--no-link", "--engine", "local"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    store = open_store(db_url)
    stored = 0
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        stored = store.count(s.articles)
        if stored:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest ended before it could be killed: " + proc.stderr.read().decode()[-2000:]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    at_kill = store.count(s.articles)
    assert 0 < at_kill < n
    assert at_kill % batch == 0, "only whole batches are ever committed"

    again = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    m = re.search(r"(\d+) pages already stored", again.stderr)
    assert m and int(m.group(1)) == at_kill, again.stderr  # skipped before extraction, not re-extracted

    with store.engine.connect() as conn:
        ids = conn.execute(select(s.articles.c.id)).scalars().all()
        hashes = conn.execute(select(func.count(func.distinct(s.articles.c.hash)))).scalar_one()
        latest = conn.execute(select(func.count()).select_from(s.articles).where(s.articles.c.latest.is_(True))
                              ).scalar_one()
        if store.dialect == "sqlite":
            # the search index holds exactly the stored rows (FTS5 checks the index against the content table)
            conn.execute(text("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)"))
            docs = conn.execute(text("SELECT doc FROM articles_fts_vocab WHERE term = 'kh'")).scalar_one()
            assert docs == n  # every article indexed once
    assert sorted(ids) == sorted(names)
    assert len(ids) == len(set(ids)) == hashes == latest == n
    from hoinghi.store.search import search

    hits = search(store, '"ke hoach so 1234 kh tu"')
    assert [h.id for h in hits] == ["synth-0001233"]
    store.close()


# --- linking, persisted ---

def test_link_results_are_saved_and_replaced(store, example_results, naive_linked):
    store.write_batch(example_results)
    counts = save_links(store, naive_linked, [a.id for _p, a in example_results])
    assert counts["people"] == len(naive_linked.people) > 5
    assert counts["documents"] == len(naive_linked.documents)
    first = store.counts()
    save_links(store, naive_linked)  # a second run replaces, it does not add
    assert store.counts() == {**first, "linked_at": store.counts()["linked_at"]}
    assert first["duplicate_groups"] == 1

    people = person_view(store, "luong duc hien")
    assert [p["name"] for p in people] == ["Lương Đức Hiển"]
    hien = people[0]
    assert {p["position"] for p in hien["positions"]} >= {"Trưởng Ban Tuyên giáo Trung ương"}
    assert all(p["first_seen"] <= p["last_seen"] for p in hien["positions"])
    assert [e["date"] for e in hien["events"]] == ["2023-10-11"]
    assert hien["events"][0]["roles"] == ["chair"]

    docs = document_view(store, "57-KL/TW")
    assert docs[0]["label"] == "Kết luận số 57-KL/TW"
    dates = [r["date"] for r in docs[0]["cascade"]]
    assert dates == sorted(dates) and "2023-10-11" in dates and "2024-03-19" in dates
    assert find_documents(store, "Kết luận 57")[0]["id"] == docs[0]["id"]
    assert find_documents(store, "ket luan so 57-kl/tw")[0]["id"] == docs[0]["id"]
    assert find_documents(store, "Chỉ thị 57") == []

    national = next(r for r in docs[0]["cascade"] if r["date"] == "2023-10-11")
    ev = event_view(store, national["event_id"])
    assert {b["place"] for b in ev["bridge_points"]} >= {"Quảng Ninh", "Yên Bái", "Nghệ An"}
    assert "Lương Đức Hiển" in ev["chair_names"]
    assert {a["id"] for a in ev["report_articles"]} >= {"ex01_quang-ninh-ket-luan-57", "ex04_yen-bai-ket-luan-57"}
    assert event_view(store, "no-such-event") is None

    with store.engine.connect() as conn:  # mention -> entity
        pid = conn.execute(text(
            "SELECT ae.entity_id FROM mentions m JOIN articles a ON a.pk = m.article_pk "
            "JOIN article_entities ae ON ae.article_id = a.id AND ae.kind = m.type AND ae.idx = m.ref "
            "WHERE m.type = 'person' AND m.fold = 'luong duc hien' LIMIT 1")).scalar_one()
    assert pid == hien["id"]


@needs_linker
def test_document_code_implied_by_kind_and_issuer(store):
    """`hoinghi document 57-KL/TW` finds a Kết luận số 57 of the Bộ Chính trị printed without its code."""
    from hoinghi.pipeline import extract_page

    page = Page(id="kl57", text="Quán triệt Kết luận 57\n\nNgày 5/3/2024, Huyện ủy quán triệt Kết luận số 57 của Bộ "
                                "Chính trị về công tác thông tin đối ngoại.")
    store.write_batch([(page, extract_page(page))])
    run_link(store)
    found = find_documents(store, "57-KL/TW")
    assert [(d["kind"], d["number"], d["code"]) for d in found] == [("Kết luận", "57", None)]
    assert find_documents(store, "Kết luận số 57-KL/TW") == found
    assert find_documents(store, "57-KL/TU") == []  # a provincial code: not the Politburo's
    assert find_documents(store, "57-CT/TW") == []  # another kind


def test_parse_document_key():
    assert parse_document_key("57-KL/TW") == (None, "57", "kltw")
    assert parse_document_key("Kết luận 57") == ("ket luan", "57", None)
    assert parse_document_key("Kết luận số 57-KL/TW") == ("ket luan", "57", "kltw")
    assert parse_document_key("Nghị quyết Trung ương 8") == ("nghi quyet trung uong", "8", None)


@needs_linker
def test_real_linker_over_the_store(store, example_results):
    store.write_batch(example_results)
    counts = run_link(store)
    assert counts["articles"] == 10 and counts["people"] > 0 and counts["documents"] > 0
    docs = document_view(store, "57-KL/TW")
    assert docs and docs[0]["cascade"]
    cascade_dates = {r["date"] for r in docs[0]["cascade"]}
    assert {"2023-10-11", "2024-03-19"} <= cascade_dates
    assert person_view(store, "Lương Đức Hiển")


# --- export ---

def test_export_formats(store, example_results, naive_linked, tmp_path):
    store.write_batch(example_results)
    save_links(store, naive_linked)
    out = io.StringIO()
    assert export(store, "articles", "jsonl", out) == 10
    back = {json.loads(x)["id"]: json.loads(x) for x in out.getvalue().splitlines()}
    for _p, art in example_results:
        assert back[art.id] == json.loads(json.dumps(art.to_dict()))
    out = io.StringIO()
    assert export(store, "people", "csv", out) == len(naive_linked.people)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    hien = next(r for r in rows if r["name"] == "Lương Đức Hiển")
    assert hien["first_seen"] == "2023-10-11" and int(hien["events"]) == 1
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert export(store, "events", "parquet", str(path)) == len(naive_linked.events)
    table = pq.read_table(path)
    assert table.num_rows == len(naive_linked.events) and "bridge_points" in table.column_names
    path = tmp_path / "docs.parquet"
    export(store, "documents", "parquet", str(path))
    labels = pq.read_table(path).column("label").to_pylist()
    assert "Kết luận số 57-KL/TW" in labels
    with pytest.raises(StoreError):
        export(store, "nothing", "csv", io.StringIO())


def test_page_hash_normalises():
    a = Page(url="u", text="Hoà  bình\u00a0và Ðảng")
    b = Page(url="u", text="Hòa bình và Đảng")
    assert page_hash(a) == page_hash(b)
    assert page_hash(Page(url="v", text=b.text)) != page_hash(b)


def test_store_results_writes_in_batches(store, example_results):
    seen = []
    done = store_results(store, iter(example_results), batch_size=4, on_batch=lambda d: seen.append(d.added))
    assert seen == [4, 4, 2] and done.added == 10


def test_head_revision_constant_is_alembics_head():
    """`base.HEAD_REVISION` lets a ready store be read without importing Alembic: it must name the newest
    migration in migrations/versions/ (add a migration, change the constant)."""
    from hoinghi.store.base import HEAD_REVISION
    from hoinghi.store.core import _alembic, head_revision

    assert _alembic()[1] == HEAD_REVISION == head_revision()


def test_reading_does_not_migrate_and_says_so(tmp_path, example_results):
    """A store behind this hoinghi's schema, opened to read (`open_reader`, sqlite3), asks for `hoinghi migrate`
    and is left at its revision; a file without a schema holds no articles."""
    import sqlite3

    from hoinghi.store import EmptyStoreError, StoreError, open_reader

    db = tmp_path / "behind.db"
    with open_store(str(db)) as st:
        st.write_batch(example_results[:2])
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
    from hoinghi.store.base import HEAD_REVISION

    with pytest.raises(StoreError, match=rf"has schema 0004, this hoinghi needs {HEAD_REVISION}: run `hoinghi migrate"):
        open_reader(str(db))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0004",)]
    bare = tmp_path / "bare.db"
    sqlite3.connect(bare).execute("CREATE TABLE x (a)")
    with pytest.raises(EmptyStoreError, match="holds no articles yet"):
        open_reader(str(bare))
