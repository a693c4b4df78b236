"""Shared fixtures. The store's tests run against SQLite always, and against PostgreSQL too when HOINGHI_TEST_PG
holds the URL of a server database the tests may create schemas in (`.ci/run` starts one):

    HOINGHI_TEST_PG=postgresql://postgres@127.0.0.1:55432/hoinghi_test .venv/bin/python -m pytest

Every test that takes `db_url` (or `store`) runs once per backend; on PostgreSQL each gets a schema of its own,
dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "src" / "hoinghi" / "examples"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="session")
def scorer():
    """The official scorer (`shared/eval/score.py`), loaded as a module; skipped where it is not beside the project."""
    import importlib.util

    if not SCORER.exists():
        pytest.skip("shared/eval/score.py is not beside the repository")
    spec = importlib.util.spec_from_file_location("hoinghi_official_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
PG = os.environ.get("HOINGHI_TEST_PG")


def _pg_schema_url(base: str, schema: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(base).set(drivername="postgresql+psycopg")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


def _pg_drop(base: str, schema: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(make_url(base).set(drivername="postgresql+psycopg"))
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def _new_db(backend: str, tmp: Path):
    """(url, cleanup) of an empty store on `backend`."""
    if backend == "sqlite":
        return str(tmp / f"hoinghi-{uuid.uuid4().hex[:6]}.db"), lambda: None
    if not PG:
        pytest.skip("PostgreSQL: set HOINGHI_TEST_PG=postgresql://… to run the store's tests on a server too")
    schema = "t_" + uuid.uuid4().hex[:12]
    return _pg_schema_url(PG, schema), lambda: _pg_drop(PG, schema)


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def db_url(backend, tmp_path):
    url, cleanup = _new_db(backend, tmp_path)
    yield url
    cleanup()


@pytest.fixture
def store(db_url):
    from hoinghi.store import open_store

    st = open_store(db_url)
    yield st
    st.close()


@pytest.fixture(scope="session")
def example_results():
    """The example corpus extracted once: [(Page, Article)]."""
    from hoinghi.cli import Summary, run_pipeline

    return list(run_pipeline([str(EXAMPLES)], "local", None, Summary(), quiet=True))


@pytest.fixture(scope="module", params=BACKENDS)
def examples_store(request, tmp_path_factory, example_results):
    """A store holding the example corpus (read-only use), once per backend and test module."""
    from hoinghi.store import open_store

    url, cleanup = _new_db(request.param, tmp_path_factory.mktemp("store"))
    st = open_store(url)
    st.write_batch(example_results)
    yield st
    st.close()
    cleanup()


class NaiveLinked:
    """A stand-in for `hoinghi.link.Linked` with the same attributes, built by the simplest rules (same folded
    name = same person; same kind and number = same document; same date and kind = same event), so the store's
    persistence and views are tested whatever the real linker decides."""

    def __init__(self, articles):
        from hoinghi.link import BridgePointSeen, CascadeRow, DocumentEntity, EventEntity, PersonEntity, PositionSeen
        from hoinghi.text import fold

        self.people, self.documents, self.events = {}, {}, {}
        self.person_of, self.document_of, self.event_of = {}, {}, {}
        self.duplicates = [["ex01_quang-ninh-ket-luan-57", "ex02_quang-ninh-portal-ket-luan-57"]]
        self._CascadeRow = CascadeRow
        for art in articles:
            date = (art.published or "")[:10] or None
            for i, p in enumerate(art.people):
                pid = "p-" + fold(p.name).replace(" ", "-")
                ent = self.people.setdefault(pid, PersonEntity(pid, p.name))
                ent.articles.append(art.id)
                if art.province and art.province not in ent.provinces:
                    ent.provinces.append(art.province)
                full = p.positions_full or p.positions
                for pos, pos_full in zip(p.positions, full, strict=False):
                    seen = next((x for x in ent.positions if x.position_full == pos_full), None)
                    if seen is None:
                        ent.positions.append(PositionSeen(pos, pos_full, date, date, [art.id]))
                    else:
                        seen.first_seen = min(filter(None, [seen.first_seen, date]), default=None)
                        seen.last_seen = max(filter(None, [seen.last_seen, date]), default=None)
                        seen.articles.append(art.id)
                self.person_of[(art.id, i)] = pid
            for i, d in enumerate(art.documents):
                if not d.number:
                    continue
                did = "d-" + fold(d.kind).replace(" ", "-") + "-" + d.number
                ent = self.documents.setdefault(did, DocumentEntity(id=did, key=(fold(d.kind), d.number), kind=d.kind,
                                                                         number=d.number))
                ent.code = ent.code or d.code
                ent.issuer = ent.issuer or d.issuer
                ent.articles.append(art.id)
                self.document_of[(art.id, i)] = did
            for i, e in enumerate(art.events):
                eid = f"e-{e.date}-{fold(e.kind).replace(' ', '-')}"
                ent = self.events.setdefault(eid, EventEntity(eid, e.kind, e.name, e.date, e.part_of_day, e.mode,
                                                              e.city, None, "central" if e.bridge_point_count else "province"))
                if ent.level == "province" and art.province:
                    ent.province = art.province
                ent.reports.append(art.id)
                for name in e.chairs:
                    pid = "p-" + fold(name).replace(" ", "-")
                    if pid not in ent.chairs:
                        ent.chairs.append(pid)
                for j in e.documents:
                    did = self.document_of.get((art.id, j))
                    if did and did not in ent.documents:
                        ent.documents.append(did)
                for bp in e.bridge_points:
                    ent.bridge_points.append(BridgePointSeen(bp.place, bp.place, bp.place, art.id,
                                                             ["p-" + fold(n).replace(" ", "-") for n in bp.chairs]))
                self.event_of[(art.id, i)] = eid
        for ev in self.events.values():
            for pid in ev.chairs:
                if pid in self.people and ev.id not in self.people[pid].events:
                    self.people[pid].events.append(ev.id)

    def cascade(self, document_id):
        rows = []
        for ev in sorted(self.events.values(), key=lambda e: e.date or ""):
            if document_id in ev.documents:
                chairs = [self.people[p].name for p in ev.chairs if p in self.people]
                rows.append(self._CascadeRow(ev.id, ev.date, ev.name, ev.province, ev.province, ev.level, chairs,
                                             list(ev.reports)))
        return rows


@pytest.fixture
def naive_linked(example_results):
    return NaiveLinked([a for _p, a in example_results])


@pytest.fixture
def runner(monkeypatch):
    """A click test runner with no store set in the environment and a wide terminal."""
    from click.testing import CliRunner

    monkeypatch.delenv("HOINGHI_DB", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()
