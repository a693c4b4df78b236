"""The declared pipeline (`hoinghi.pipeline`, `hoinghi.steps`): named steps with what they read and add, one
error handler per step, a time limit per page, the same steps in every engine, and `hoinghi explain`."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from hoinghi.cli import main
from hoinghi.engines import run_local, run_processes
from hoinghi.model import Page
from hoinghi.pipeline import DEFAULT_STEPS, REGISTRY, Pipeline, explain, extract_page, get_step, step

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
PAGES = ROOT.parent / "shared" / "corpus" / "pages.jsonl"

LEAD = """Tỉnh ủy Yên Bái quán triệt Kết luận số 57-KL/TW

Sáng 14-3, Ban Thường vụ Tỉnh ủy Yên Bái tổ chức Hội nghị quán triệt Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ \
Chính trị về tiếp tục nâng cao chất lượng, hiệu quả công tác thông tin đối ngoại. Đồng chí Đỗ Đức Duy, Ủy viên \
Trung ương Đảng, Bí thư Tỉnh ủy chủ trì hội nghị. Hội nghị được tổ chức trực tuyến tới 9 điểm cầu.
"""


def page(text: str = LEAD, **kw) -> Page:
    return Page(id="t1", text=text, date="2024-03-20", **kw)


def test_default_steps_are_registered_with_what_they_read_and_add():
    steps = [get_step(name) for name in DEFAULT_STEPS]
    assert [s.name for s in steps] == list(DEFAULT_STEPS)
    for s in steps:
        assert s.adds, s.name
        assert s.doc, f"step {s.name} says what it does"
    adds = {a for s in steps for a in s.adds}
    assert {"title", "people", "documents", "events", "mentions"} <= adds


def test_unknown_step_is_a_clear_error():
    with pytest.raises(ValueError, match="no step named 'peopel'"):
        Pipeline(["layout", "peopel"])


def test_a_step_that_raises_leaves_a_warning_and_keeps_the_rest(monkeypatch):
    import hoinghi.extract.events as events

    def broken(*args, **kwargs):
        raise RuntimeError("lost the lead")

    monkeypatch.setattr(events, "build_events", broken)
    art = extract_page(page())
    assert "step events failed: RuntimeError: lost the lead" in art.warnings
    assert art.events == []
    assert [p.name for p in art.people] == ["Đỗ Đức Duy"]
    assert [(d.kind, d.number) for d in art.documents] == [("Kết luận", "57")]
    assert art.title.startswith("Tỉnh ủy Yên Bái")


def test_a_failing_step_is_counted_in_the_run_summary(monkeypatch, tmp_path):
    import hoinghi.extract.documents as documents

    def broken(*args, **kwargs):
        raise KeyError("code")

    monkeypatch.setattr(documents, "find_documents", broken)
    (tmp_path / "a.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LEAD.replace("Yên Bái", "Lào Cai"), encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "steps failed: 2× documents" in result.output
    records = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2 and all(r["people"] for r in records)


def _slow_step(doc):
    """Sleeps (for the time-limit test)."""
    time.sleep(1.0)


if "test-slow" not in REGISTRY:
    step("test-slow", adds=("nothing",))(_slow_step)


def test_a_page_past_its_time_limit_is_kept_with_what_was_done():
    slow = Pipeline(["layout", "dates", "people", "test-slow", "places", "entities", "events"], time_limit=0.3)
    started = time.monotonic()
    art = slow(page())
    assert time.monotonic() - started < 0.9  # interrupted, not waited out
    assert art.title.startswith("Tỉnh ủy Yên Bái")
    assert any(w.startswith("page took longer than 0.3 s: steps not run: test-slow, places, entities, events")
               for w in art.warnings), art.warnings
    assert art.events == [] and art.places == []


def test_no_time_limit_runs_every_step():
    art = Pipeline(time_limit=None)(page())
    assert art.events and not art.warnings


def test_every_engine_runs_the_same_steps():
    pages = [Page(id=p.stem, text=p.read_text(encoding="utf-8")) for p in SEEDS]
    local = [a.to_dict() for _, a, _ in run_local(pages, Pipeline(time_limit=10))]
    pooled = [a.to_dict() for _, a, _ in run_processes(pages, 2, chunk_size=2, pipeline=Pipeline(time_limit=10))]
    assert local == pooled and len(local) == len(SEEDS)


def test_explain_keeps_lines_spans_and_event_reasons():
    doc = explain(page())
    labels = {ln.label for ln in doc.layout.lines}
    assert {"title", "body"} <= labels
    assert all(ln.why for ln in doc.layout.lines if ln.label not in ("blank", "body"))
    assert any(s.label == "person" and s.text == "Đỗ Đức Duy" for s in doc.spans)
    assert any(s.label == "document" and "57-KL/TW" in s.text for s in doc.spans)
    fields = {f for i, f, _ in doc.why if i == 0}
    assert {"chairs", "date", "mode"} <= fields


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem for p in SEEDS])
def test_explain_command_on_every_seed(seed):
    result = CliRunner().invoke(main, ["explain", str(seed), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["lines"] and data["spans"] and data["events"]
    assert all(s["ok"] for s in data["steps"])
    assert data["events"][0]["kind"]["value"]


def test_explain_command_reads_a_table_on_a_page_of_the_corpus():
    if not PAGES.exists():
        pytest.skip("shared/corpus/pages.jsonl is not beside the repository")
    first = json.loads(PAGES.read_text(encoding="utf-8").splitlines()[2])
    result = CliRunner().invoke(main, ["explain", str(PAGES), "--id", first["id"]])
    assert result.exit_code == 0, result.output
    assert "Lines" in result.output and "Found" in result.output and "Main event" in result.output


def test_explain_command_without_the_page():
    result = CliRunner().invoke(main, ["explain", str(PAGES), "--id", "no-such-page"])
    assert result.exit_code == 1
    assert "no page with id no-such-page" in result.output
