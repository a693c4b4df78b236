"""Throughput of `link`: N synthetic articles cloned from the example records, linked in one process.

    python bench/bench_link.py [--articles 20000] [--seed 1] [--copies 0.05]
    python bench/bench_link.py --memory 5000,20000,50000

`--memory`: for each size, in a process of its own, link time and peak memory (`ru_maxrss`, corpus included)
linking whole articles and linking the views linking reads (`hoinghi.link.inputs`, no text). Linking a store,
full and incremental, is `bench/bench_link_store.py`.

The ten example pages (`src/hoinghi/examples`) are extracted once; each clone gets its own id, a publication day
shifted by up to two years (its events' dates shifted alike), a province drawn from the 63 (the article's province,
the completed positions, bridge points and organisers that named the old one follow), new names for most of the
provincial people, and a body with one word in five replaced, so that clones are not near-duplicates of each other.
A share of the clones (`--copies`) keep their template's body word for word: syndicated copies for the duplicate
detector to find. Only `link` is timed; then each of its stages alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import pickle
import random
import time
from pathlib import Path

from hoinghi.geo import all_provinces
from hoinghi.link import link
from hoinghi.link.documents import link_documents
from hoinghi.link.duplicates import find_duplicates
from hoinghi.link.events import link_events
from hoinghi.link.people import link_people
from hoinghi.model import Article
from hoinghi.pipeline import extract

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "hoinghi" / "examples"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Tạ", "Hà"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Hồng", "Đình", "Xuân", "Ngọc", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hào", "Hiển", "Hùng", "Khải", "Lực", "Mai", "Nam", "Oanh", "Phong", "Phúc", "Quân", "Sơn", "Thảo", "Vân", "Vinh"]
FILLER = ["phát", "triển", "kinh", "tế", "xã", "hội", "đối", "ngoại", "hợp", "tác", "đầu", "tư", "văn", "hóa", "giáo", "dục", "nhân", "dân", "cán", "bộ", "nhiệm", "vụ", "giải", "pháp"]


def templates() -> list[Article]:
    return [extract(text=p.read_text(encoding="utf-8"), id=p.stem) for p in sorted(EXAMPLES.glob("*.txt"))]


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) < 10:
        return value
    try:
        day = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)
    except ValueError:
        return value
    return day.isoformat() + value[10:]


def clone(template: bytes, i: int, rng: random.Random, provinces: list[str], copy_share: float) -> Article:
    art: Article = pickle.loads(template)
    old = art.province
    new = rng.choice(provinces)
    days = rng.randint(-365, 365)
    art.id = f"{art.id}-{i}"
    art.published = _shift(art.published, days)
    art.province = new

    def place(text: str) -> str:
        return text.replace(old, new) if old and text else text

    renamed: dict[str, str] = {}
    for p in art.people:
        local = any(old and old in pos for pos in p.positions_full)
        if local and rng.random() < 0.8:
            renamed[p.name] = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            p.name = renamed[p.name]
        p.positions_full = [place(x) for x in p.positions_full]
    for ev in art.events:
        ev.date = _shift(ev.date, days)
        ev.organizers = [place(o) for o in ev.organizers]
        ev.chairs = [renamed.get(n, n) for n in ev.chairs]
        ev.speakers = [renamed.get(n, n) for n in ev.speakers]
        for bp in ev.bridge_points:
            bp.place = place(bp.place)
            bp.chairs = [renamed.get(n, n) for n in bp.chairs]
            bp.attendees = [renamed.get(n, n) for n in bp.attendees]
    for d in art.documents:
        if d.issuer:
            d.issuer = place(d.issuer)
    if rng.random() >= copy_share:
        words = " ".join(art.body).split()
        for k in range(rng.randrange(5), len(words), 5):
            words[k] = rng.choice(FILLER) + str(rng.randrange(1000))
        art.body = [" ".join(words[k:k + 60]) for k in range(0, len(words), 60)]
    return art


def corpus(n: int, seed: int, copy_share: float) -> list[Article]:
    rng = random.Random(seed)
    provinces = all_provinces()[:63]
    base = [pickle.dumps(a) for a in templates()]
    return [clone(base[i % len(base)], i, rng, provinces, copy_share) for i in range(n)]


def memory(n: int, seed: int, copy_share: float, views: bool) -> str:
    """Link time and this process's peak memory for n articles, whole or as views (the views built, the articles
    dropped, before linking)."""
    import resource

    from hoinghi.link.inputs import view_of

    arts = corpus(n, seed, copy_share)
    if views:
        arts = [view_of(a) for a in arts]
    gc.collect()
    start = time.perf_counter()
    link(arts)
    secs = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return f"{n:>6} {'views' if views else 'articles':9} link {secs:6.1f} s  peak {peak:6,.0f} MB"


def _memory_table(sizes: str, seed: int, copy_share: float) -> None:
    import subprocess
    import sys

    for n in sizes.split(","):
        for views in ("0", "1"):
            out = subprocess.run([sys.executable, __file__, "--memory-child", n, views, "--seed", str(seed),
                                  "--copies", str(copy_share)], capture_output=True, text=True, check=True)
            print(out.stdout.strip(), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--memory", metavar="SIZES", help="link time and peak memory at these sizes (5000,20000)")
    ap.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--copies", type=float, default=0.05, help="share of clones that keep their template's body")
    args = ap.parse_args()
    if args.memory_child:
        print(memory(int(args.memory_child[0]), args.seed, args.copies, args.memory_child[1] == "1"))
        return
    if args.memory:
        _memory_table(args.memory, args.seed, args.copies)
        return
    start = time.perf_counter()
    arts = corpus(args.articles, args.seed, args.copies)
    people = sum(len(a.people) for a in arts)
    docs = sum(len(a.documents) for a in arts)
    events = sum(len(a.events) for a in arts)
    print(f"{len(arts)} articles ({people} people, {docs} documents, {events} events mentioned) built in "
          f"{time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    linked = link(arts)
    secs = time.perf_counter() - start
    print(f"link: {secs:.2f} s, {len(arts) / secs:,.0f} articles/s -> {len(linked.people)} people, "
          f"{len(linked.documents)} documents, {len(linked.events)} events, {len(linked.duplicates)} copies")

    gc.disable()  # as `link` does
    results = {}
    stages = [("near-duplicates", lambda: find_duplicates(arts)), ("documents", lambda: link_documents(arts)),
              ("people", lambda: link_people(arts)),
              ("events", lambda: link_events(arts, results["near-duplicates"], results["people"],
                                             results["documents"][1]))]
    for label, fn in stages:
        start = time.perf_counter()
        results[label] = fn()
        print(f"  {label:16} {time.perf_counter() - start:6.2f} s")
    gc.enable()


if __name__ == "__main__":
    main()
