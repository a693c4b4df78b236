"""Robustness of the extraction: fuzzed inputs that make a step fail, and the time of very long pages.

    python bench/bench_robust.py                      # 300 fuzzed inputs; 1 MB and 10 MB pages; 800 KB of units
    python bench/bench_robust.py --fuzz 2000 --sizes 1,4,10 --units 0.8

1. Fuzzing: inputs drawn by hypothesis from the genre's alphabet and tokens (`tests/test_fuzz.py`'s strategy), each
   extracted; an input whose record has a `step … failed` warning or is not JSON counts as a crash (should be 0).
2. Long pages, run without the time and size limits: pages of ordinary paragraphs in the genre's style (a lead with
   a date, a body and a chair, then sentences of the example corpus; each paragraph distinct), and a page listing
   `tỉnh …, huyện …, xã …`. Linear steps make a page ten times longer take about ten times as long.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import synth  # noqa: E402
from hoinghi.model import Page  # noqa: E402
from hoinghi.pipeline import Pipeline  # noqa: E402


@lru_cache(maxsize=1)
def _body_sentences() -> list[str]:
    """The sentences of the example pages' bodies (their leftovers dropped by the layout step)."""
    from hoinghi.clean import analyse

    out = []
    for path in sorted(synth.EXAMPLES.glob("*.txt")):
        for line in analyse(path.read_text(encoding="utf-8"), None).body:
            out += [s for s in re.split(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ])", line) if 40 <= len(s) <= 400]
    return out


def ordinary_page(nbytes: int, seed: int = 1) -> str:
    """About `nbytes` of distinct paragraphs in the genre's style under one headline and date line."""
    rng = random.Random(seed)
    sents, provinces = _body_sentences(), synth._provinces()
    lines = ["Tỉnh ủy tổ chức Hội nghị học tập, quán triệt Kết luận số 57-KL/TW", "Thứ Ba, 14/12/2021 10:05"]
    size = i = 0
    while size < nbytes:
        prov = rng.choice(provinces)
        para = (f"Sáng {rng.randint(1, 28)}/{rng.randint(1, 12)}, Ban Thường vụ Tỉnh ủy {prov} tổ chức hội nghị "
                f"triển khai Kế hoạch số {i + 1}-KH/TU. Đồng chí {synth._name(rng)}, {rng.choice(synth.POSITIONS)} "
                f"{prov} chủ trì. " + " ".join(rng.choice(sents) for _ in range(rng.randint(1, 3))))
        lines.append(para)
        size += len(para.encode()) + 1
        i += 1
    return "\n".join(lines) + "\n"


def units_page(nbytes: int, seed: int = 1) -> str:
    """One paragraph of about `nbytes` listing `tỉnh …, huyện …, xã …`."""
    rng = random.Random(seed)
    provinces, parts, size = synth._provinces(), [], 0
    while size < nbytes:
        part = (f"tỉnh {rng.choice(provinces)}, huyện {rng.choice(synth.GIVEN)} {rng.choice(synth.GIVEN)}, "
                f"xã {rng.choice(synth.GIVEN)} {rng.choice(synth.GIVEN)}, ")
        parts.append(part)
        size += len(part.encode())
    return "Bản tin địa phương\nThứ Ba, 14/12/2021 10:05\nĐịa bàn gồm " + "".join(parts) + "và các nơi khác.\n"


def fuzz(n: int) -> tuple[int, int, list[str]]:
    """(inputs tried, crashes, the first crashes' warnings)."""
    from hypothesis import HealthCheck, given, settings

    import hoinghi.pipeline
    from test_fuzz import PAGES

    tried, crashes = [0], []

    @settings(max_examples=n, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(PAGES)
    def one(text):
        tried[0] += 1
        art = hoinghi.pipeline.extract(text=text)
        failed = [w for w in art.warnings if w.startswith("step ")]
        try:
            json.dumps(art.to_dict(), ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            failed.append(f"not JSON: {exc}")
        if failed:
            crashes.append(f"{text!r}: {failed[0]}")

    one()
    return tried[0], len(crashes), crashes[:5]


def timed(pipeline: Pipeline, text: str) -> float:
    start = time.perf_counter()
    doc = pipeline.run(Page(text=text))
    took = time.perf_counter() - start
    assert not doc.failed, doc.article.warnings
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fuzz", type=int, default=300, help="fuzzed inputs (default 300)")
    ap.add_argument("--sizes", default="1,10", help="sizes in MB of the ordinary pages, comma-separated")
    ap.add_argument("--units", type=float, default=0.8, help="size in MB of the page of units (0: none)")
    args = ap.parse_args()

    start = time.perf_counter()
    tried, crashed, examples = fuzz(args.fuzz)
    print(f"fuzzing: {tried} inputs, {crashed} crashes ({time.perf_counter() - start:.1f} s)")
    for line in examples:
        print("  ", line[:300])

    pipeline = Pipeline(time_limit=None, size_limit=None)
    timed(pipeline, ordinary_page(3_000))  # lexicons loaded, patterns compiled
    times = {}
    for mb in (float(x) for x in args.sizes.split(",") if x):
        times[mb] = timed(pipeline, ordinary_page(int(mb * 1e6)))
        print(f"ordinary paragraphs, {mb:g} MB: {times[mb]:.2f} s ({times[mb] / mb:.2f} s per MB)", flush=True)
    if len(times) >= 2:
        (a, ta), (b, tb) = min(times.items()), max(times.items())
        print(f"ratio {b:g} MB / {a:g} MB: {tb / ta:.1f}× for {b / a:g}× the text (linear: about {b / a:g}×)")
    if args.units:
        took = timed(pipeline, units_page(int(args.units * 1e6)))
        print(f"'tỉnh …, huyện …, xã …', {args.units:g} MB: {took:.2f} s")


if __name__ == "__main__":
    main()
