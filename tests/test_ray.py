"""The Ray engine runs the same steps as the local one: the same records, in the same order, streamed back as JSON
or written by the workers into sharded JSON Lines and Parquet (`hoinghi.shards`). A local Ray cluster of two CPUs
is started once for the module."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")  # in the dev extra: CI runs these

from hoinghi.engines import run  # noqa: E402
from hoinghi.model import record_line  # noqa: E402
from hoinghi.read import ReadError, iter_pages  # noqa: E402
from hoinghi.shards import plan_shards, write_shards  # noqa: E402

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
PAGES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pages.jsonl"


@pytest.fixture(scope="module", autouse=True)
def local_cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """The seeds as single pages in a folder, and 40 real pages as one JSON Lines file."""
    root = tmp_path_factory.mktemp("corpus")
    pages = root / "pages"
    pages.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (pages / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    if PAGES.exists():
        with PAGES.open(encoding="utf-8") as f:
            (root / "real.jsonl").write_text("".join(islice(f, 40)), encoding="utf-8")
    return [str(pages), *([str(root / "real.jsonl")] if PAGES.exists() else [])]


def _lines(engine: str, inputs: list[str]) -> list[str]:
    return [record_line(art) if art is not None else f"skipped: {error}"
            for item, art, error in run(iter_pages(inputs), engine=engine) if not isinstance(item, ReadError)]


def test_ray_engine_gives_the_local_engines_records_in_order(corpus):
    local = _lines("local", corpus)
    assert len(local) >= 5
    assert _lines("ray", corpus) == local


def test_ray_records_travel_as_json_and_keep_their_line(corpus):
    item, art, _ = next(r for r in run(iter_pages(corpus), engine="ray") if r[1] is not None)
    assert art.title and art.id == item.stable_id()
    assert json.loads(record_line(art))["id"] == art.id


def test_shards_are_planned_one_per_archive_and_by_count_for_single_pages(corpus, tmp_path):
    shards, bad = plan_shards([*corpus, str(tmp_path / "missing.jsonl")], files_per_shard=2)
    singles = [s for s in shards if not s[0][0].endswith(".jsonl")]
    assert [len(s) for s in singles] == [2, 2, 1]
    assert all(page_id for s in singles for _, page_id in s)
    assert bad and "no such file" in bad[0][1]


def test_jsonl_shards_hold_exactly_the_local_records(corpus, tmp_path):
    summary = write_shards(corpus, str(tmp_path / "out"), fmt="jsonl", files_per_shard=2)
    written = []
    for shard in summary.shards:
        written.extend(Path(shard["output"]).read_text(encoding="utf-8").splitlines())
    local = [line for line in _lines("local", corpus) if not line.startswith("skipped: ")]
    assert written == local
    assert summary.records == len(local) and len(summary.shards) == 3 + (len(corpus) - 1)


def test_parquet_shards_have_typed_columns_and_the_whole_record(corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    summary = write_shards(corpus[:1], str(tmp_path / "out"), fmt="parquet", files_per_shard=10)
    table = pq.read_table(summary.shards[0]["output"])
    assert table.column_names == ["id", "url", "published", "province", "kind", "record"]
    assert str(table.schema.field("published").type) == "date32[day]"
    rows = table.to_pylist()
    assert [json.loads(r["record"])["id"] for r in rows] == [r["id"] for r in rows]
    assert any(r["published"] is not None for r in rows)


def test_extract_shards_from_the_command_line_equal_extract_to_one_file(corpus, tmp_path):
    from click.testing import CliRunner

    from hoinghi.cli import main

    runner = CliRunner()
    whole = runner.invoke(main, ["extract", *corpus, "-q", "-o", str(tmp_path / "all.jsonl")])
    assert whole.exit_code == 0, whole.output
    sharded = runner.invoke(main, ["extract", *corpus, "--shards", str(tmp_path / "out")])
    assert sharded.exit_code == 0, sharded.output
    parts = sorted((tmp_path / "out").glob("part-*.jsonl"))
    assert len(parts) == len(corpus)  # the folder of seeds is one shard, the JSON Lines file another
    lines = [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    assert lines == (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert f"{len(lines)} records written" in sharded.output and "shard files" in sharded.output


def test_parquet_needs_shards_and_says_so(corpus, tmp_path):
    from click.testing import CliRunner

    from hoinghi.cli import main

    said = CliRunner().invoke(main, ["extract", corpus[0], "--format", "parquet"])
    assert said.exit_code == 2 and "--shards DIR" in said.output and "Traceback" not in said.output
    said = CliRunner().invoke(main, ["extract", corpus[0], "--shards", str(tmp_path / "o"), "--format", "table"])
    assert said.exit_code == 2 and "jsonl or parquet" in said.output


def test_ingest_on_ray_stores_what_the_local_engine_stores(corpus, tmp_path):
    from click.testing import CliRunner

    from hoinghi.cli import main
    from hoinghi.store import open_store

    ids = {}
    for engine in ("local", "ray"):
        db = str(tmp_path / f"{engine}.db")
        done = CliRunner().invoke(main, ["ingest", *corpus, "--db", db, "--engine", engine, "--no-link", "-q"])
        assert done.exit_code == 0, done.output
        with open_store(db, create=False) as store:
            ids[engine] = sorted(store.article_ids())
    assert ids["ray"] == ids["local"] and len(ids["local"]) >= 5


@pytest.mark.parametrize("address, reason", [("127.0.0.1:1", "does not answer"), ("nohost", "not a Ray address")])
def test_a_cluster_that_does_not_answer_is_an_error_at_once(address, reason):
    import subprocess
    import sys

    said = subprocess.run([sys.executable, "-m", "hoinghi", "extract", str(SEEDS), "--engine", "ray",
                           "--ray-address", address, "-q"], capture_output=True, text=True, timeout=120)
    assert said.returncode == 1 and reason in said.stderr and "Traceback" not in said.stderr
