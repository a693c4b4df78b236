"""Incremental linking (`run_link`): linking the new articles with the stored ones they connect to gives what a
full re-link of every article gives, table by table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from hoinghi.model import Page
from hoinghi.store import schema as s
from hoinghi.store.links import link_available, link_inputs, pending_ids, run_link

pytestmark = pytest.mark.skipif(not link_available(), reason="hoinghi.link is not available")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus/pages.jsonl")


@pytest.fixture(scope="module")
def pages(example_results):
    """The examples, the seeds and up to 40 pages of the shared corpus, extracted: [(Page, Article)]."""
    from hoinghi.pipeline import extract_page

    items = list(example_results)
    raw = [Page(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests/fixtures/seeds").glob("*.txt"))]
    if CORPUS.exists():
        lines = [json.loads(x) for x in CORPUS.read_text(encoding="utf-8").splitlines()[:40]]
        raw += [Page(id=str(d.get("id") or i), url=d.get("url"), text=d.get("text")) for i, d in enumerate(lines)
                if d.get("text")]
    return items + [(p, extract_page(p)) for p in raw]


def _snapshot(store) -> dict:
    """Every link table as a sorted list of rows; duplicate groups as (members, canonical) whatever their numbers."""
    out = {}
    with store.engine.connect() as conn:
        for table in s.LINK_TABLES:
            if table is s.duplicates:
                groups: dict[int, list] = {}
                for r in conn.execute(select(table)):
                    groups.setdefault(r.group_id, []).append((r.article_id, r.canonical))
                out["duplicates"] = sorted(tuple(sorted(g)) for g in groups.values())
            else:
                out[table.name] = sorted(tuple(r) for r in conn.execute(select(table)))
    return out


def _batches(items: list, n: int) -> list[list]:
    return [items[i::n] for i in range(n)]  # every batch spans the whole period: new pages land among old ones


def test_incremental_link_equals_full_relink(db_url, pages):
    from hoinghi.store import open_store

    store = open_store(db_url)
    modes = []
    for batch in _batches(pages, 3):
        store.write_batch(batch)
        modes.append(run_link(store)["mode"])
    assert modes == ["full", "incremental", "incremental"]
    assert not pending_ids(store)
    incremental = _snapshot(store)
    assert incremental["people"] and incremental["events"] and incremental["duplicates"]
    counts = run_link(store, full=True)
    assert counts["mode"] == "full" and counts["articles"] == len({a.id for _p, a in pages})
    assert _snapshot(store) == incremental
    store.close()


def test_a_new_version_relinks_what_its_old_version_touched(db_url, pages):
    """A page stored again with other content: the articles its old version was linked with are linked again
    (its old keys stay, stale, until then), and the result is again the full re-link's."""
    from hoinghi.pipeline import extract_page
    from hoinghi.store import open_store

    store = open_store(db_url)
    store.write_batch(pages)
    run_link(store)
    page, art = next((p, a) for p, a in pages if a.people and a.events)
    changed = Page(id=page.id, url=page.url, text=page.text.replace(art.people[0].name, "Trần Văn Thử"))
    store.write_batch([(changed, extract_page(changed))])
    counts = run_link(store)
    assert counts["mode"] == "incremental" and 0 < counts["relinked"] < counts["articles"]
    incremental = _snapshot(store)
    run_link(store, full=True)
    assert _snapshot(store) == incremental
    store.close()


def test_nothing_new_links_nothing(db_url, example_results):
    from hoinghi.store import open_store

    store = open_store(db_url)
    store.write_batch(example_results)
    run_link(store)
    before = _snapshot(store)
    counts = run_link(store)
    assert counts["relinked"] == 0 and _snapshot(store) == before
    with store.engine.connect() as conn:
        assert conn.execute(select(link_inputs.c.article_id)).scalars().all()
    assert not pending_ids(store)
    store.close()


def test_views_link_as_the_articles_do(pages):
    """What linking reads of an article (no text: a sketch of its body, its events' city flags) links alike."""
    import dataclasses

    from hoinghi.link import link
    from hoinghi.link.inputs import view_dict, view_from_dict, view_of

    arts = [a for _p, a in pages]
    views = [view_from_dict(json.loads(json.dumps(view_dict(view_of(a))))) for a in arts]

    def dump(linked):
        return (json.dumps([dataclasses.asdict(x) for x in linked.people + linked.documents + linked.events],
                           sort_keys=True, default=str), sorted(linked.duplicates.items()), sorted(linked.roles))

    assert dump(link(views)) == dump(link(arts))
    assert all(not v.text and not v.body for v in views)


def test_streamed_full_link_equals_the_in_memory_link(db_url, pages):
    """A full link runs stage by stage over key groups (`hoinghi.store.link_stages`); its tables are those of
    `link` over every view at once, table by table."""
    from hoinghi.link import link
    from hoinghi.store import open_store
    from hoinghi.store.links import iter_views, save_links

    store = open_store(db_url)
    store.write_batch(pages)
    counts = run_link(store, full=True)
    streamed = _snapshot(store)
    assert counts["people"] and counts["events"] and counts["documents"] and streamed["duplicates"]
    assert streamed["cascades"] and streamed["event_people"] and streamed["bridge_points"]
    save_links(store, link(list(iter_views(store))))
    in_memory = _snapshot(store)
    for table in in_memory:
        assert streamed[table] == in_memory[table], table
    store.close()


def _clones(n: int):
    """n synthetic articles cloned from the examples (`bench/bench_link.py`: a share of them syndicated copies)."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_link import corpus
    from bench_link_store import _pages

    arts = corpus(n, 3, 0.15)
    for a in arts:
        a.text = "\n".join(([a.title] if a.title else []) + a.body + a.captions)
    return arts, _pages


def test_incremental_link_follows_changed_copies_and_documents(tmp_path):
    """Clones stored in batches, then an original page, a copy and a document changed: each incremental link
    gives the full re-link's tables, and that is `link`'s over every view."""
    import copy
    import random

    from hoinghi.link import link
    from hoinghi.store import open_store
    from hoinghi.store.links import iter_views, save_links

    arts, pages = _clones(160)
    random.Random(5).shuffle(arts)
    store = open_store(str(tmp_path / "clones.db"))
    for batch in _batches(arts, 2):
        store.write_batch(pages(batch))
        run_link(store)
    copied = next(a for a in arts if any(a is not b and a.body == b.body for b in arts))
    cited = next(a for a in arts if a.documents and a.documents[0].number)

    def grouped(snapshot) -> set[str]:
        return {aid for group in snapshot["duplicates"] for aid, _canonical in group}

    assert copied.id in grouped(_snapshot(store))
    changed = []
    for art, edit in ((copied, "body"), (cited, "document")):
        art = copy.deepcopy(art)
        if edit == "body":
            art.body = [f"Một đoạn văn mới số {i} về hội nghị khác hẳn." for i in range(12)]
            art.text = "\n".join(art.body)
        else:
            art.documents[0].number = "999"
            art.text += "\nCập nhật."  # another page text: stored as a new version
        changed.append(art)
    store.write_batch(pages(changed))
    assert run_link(store)["mode"] == "incremental"
    incremental = _snapshot(store)
    assert copied.id not in grouped(incremental)
    assert any(row[4] == "999" for row in incremental["documents"])  # (id, key, kind, kind_fold, number, …)
    run_link(store, full=True)
    assert _snapshot(store) == incremental
    save_links(store, link(list(iter_views(store))))
    assert _snapshot(store) == incremental
    store.close()


@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_link_in_random_batches_with_new_versions_equals_full(tmp_path, pages, seed):
    """Pages stored in a random number of batches of random sizes, then a few stored again with another name in
    place of their first person's: every incremental link leaves the tables a full re-link gives."""
    import random

    from hoinghi.pipeline import extract_page
    from hoinghi.store import open_store

    rng = random.Random(seed)
    items = pages[:]
    rng.shuffle(items)
    cuts = sorted(rng.sample(range(1, len(items)), rng.randint(2, 5)))
    store = open_store(str(tmp_path / "random.db"))
    for start, end in zip([0, *cuts], [*cuts, len(items)], strict=True):
        store.write_batch(items[start:end])
        run_link(store)
    edited = [Page(id=p.id, url=p.url, text=p.text.replace(a.people[0].name, rng.choice(["Trần Văn Thử", "Lê Minh"]))
                   + "\nCập nhật.") for p, a in rng.sample([pa for pa in items if pa[1].people], 3)]
    store.write_batch([(p, extract_page(p)) for p in edited])
    assert run_link(store)["mode"] == "incremental"
    incremental = _snapshot(store)
    run_link(store, full=True)
    assert _snapshot(store) == incremental
    store.close()
