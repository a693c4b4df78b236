"""Person names: our recogniser against `underthesea.ner`, scored on gold people, on two sets side by side:
the five seed pages (our genre: leads of official news) and `bench/data/ner_general.jsonl`, sentences of general
news written for this benchmark (sport, culture, crime, business, foreign leaders, and streets, schools, awards
named after people that are no person).

    python bench/bench_ner.py [--repeat 3] [--show]

Ours is `hoinghi.pipeline.extract(text=...).people` (the whole extraction, clean stage included). underthesea's
CRF NER (bundled with the package, no download) runs on the same cleaned text, the body and captions that people
are taken from, one sentence at a time (`underthesea.sent_tokenize`); its PER spans (B-PER, then I-PER) are joined
into names. Names compare after NFC and case-folding, as the official scorer does. Prints precision, recall and F1
over all pages (micro), and pages per second for each (best of --repeat runs, after one warm-up page).

underthesea is the `compare` extra: `pip install 'hoinghi[compare]'`. The script never downloads a model: it sets
HF_HUB_OFFLINE, and if underthesea is missing or its NER cannot run offline it says so and prints our figures alone.
"""

from __future__ import annotations

import argparse
import json
import os
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never fetch a model at run time
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from hoinghi.pipeline import extract  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "seeds.gold.jsonl"
GENERAL = ROOT / "bench" / "data" / "ner_general.jsonl"


def norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


@dataclass
class Score:
    tp: int = 0
    npred: int = 0
    ngold: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, page: str, pred: list[str], gold: list[str]) -> None:
        p, g = {norm(x) for x in pred}, {norm(x) for x in gold}
        self.tp += len(p & g)
        self.npred += len(p)
        self.ngold += len(g)
        self.misses += [f"{page}: missed {x}" for x in sorted(g - p)] + [f"{page}: extra {x}" for x in sorted(p - g)]

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.npred if self.npred else 0.0
        r = self.tp / self.ngold if self.ngold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pages() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def gold_people() -> dict[str, list[str]]:
    out = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["id"]] = [p["name"] for p in rec.get("people") or []]
    return out


def timed(fn, items, repeat: int) -> tuple[list, float]:
    """fn over items, best wall time of `repeat` runs: (results of the last run, seconds)."""
    best, results = float("inf"), []
    for _ in range(repeat):
        start = time.perf_counter()
        results = [fn(x) for x in items]
        best = min(best, time.perf_counter() - start)
    return results, best


def per_spans(tagged) -> list[str]:
    """Names from underthesea's (word, pos, chunk, ner) tuples: B-PER opens a name, I-PER continues it."""
    names: list[list[str]] = []
    inside = False
    for token in tagged:
        word, tag = token[0], token[-1]
        if tag == "B-PER" or (tag == "I-PER" and not inside):
            names.append([word])
            inside = True
        elif tag == "I-PER":
            names[-1].append(word)
        else:
            inside = False
    return list(dict.fromkeys(" ".join(n) for n in names))


def load_underthesea():
    """(ner, sent_tokenize) or the reason they cannot run here."""
    try:
        from underthesea import ner, sent_tokenize
    except ImportError as e:
        return None, f"underthesea is not installed ({e}); install the compare extra: pip install 'hoinghi[compare]'"
    try:
        ner("Ông Nguyễn Văn An phát biểu.")  # loads the bundled CRF model; a download would fail offline here
    except Exception as e:  # noqa: BLE001 - any failure to load means no comparison, reported below
        return None, f"underthesea.ner cannot run offline here: {type(e).__name__}: {e}"
    return (ner, sent_tokenize), None


def report(label: str, score: Score, secs: float, n: int, show: bool) -> None:
    p, r, f = score.prf()
    rate = n / secs if secs > 0 else float("inf")
    print(f"{label:34} {p:6.3f} {r:6.3f} {f:6.3f} {score.tp:4d} {score.npred:5d} {score.ngold:5d} {rate:10.1f}")
    if show:
        for miss in score.misses:
            print(f"    {miss}")


def general_sentences() -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    items, gold = [], {}
    for i, line in enumerate(GENERAL.read_text(encoding="utf-8").splitlines()):
        if line.strip():
            rec = json.loads(line)
            items.append((f"s{i + 1:03d}", rec["text"]))
            gold[f"s{i + 1:03d}"] = rec["people"]
    return items, gold


def compare(title: str, items: list[tuple[str, str]], gold: dict[str, list[str]], underthesea, args) -> None:
    """Ours and underthesea's on one set; underthesea reads the text our clean stage kept (body and captions)."""
    arts, ours_secs = timed(lambda item: extract(text=item[1], id=item[0]), items, args.repeat)
    ours = Score()
    texts = {}
    for art in arts:
        ours.add(art.id, [p.name for p in art.people], gold.get(art.id, []))
        texts[art.id] = ([art.title] if art.title else []) + art.body + art.captions
    print(f"\n{title}: {len(items)} items, {sum(len(g) for g in gold.values())} gold people")
    print(f"{'recogniser':34} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'pred':>5} {'gold':>5} {'items/s':>10}")
    report("hoinghi (pipeline.extract)", ours, ours_secs, len(items), args.show)
    if underthesea is None:
        return
    ner, sent_tokenize = underthesea

    def underthesea_people(item_id: str) -> list[str]:
        found: list[str] = []
        for paragraph in texts[item_id]:
            for sentence in sent_tokenize(paragraph):
                found += per_spans(ner(sentence))
        return list(dict.fromkeys(found))

    ids = [art.id for art in arts]
    names, theirs_secs = timed(underthesea_people, ids, args.repeat)
    theirs = Score()
    for item_id, found in zip(ids, names, strict=True):
        theirs.add(item_id, found, gold.get(item_id, []))
    report("underthesea.ner (CRF, on clean text)", theirs, theirs_secs, len(items), args.show)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    ap.add_argument("--show", action="store_true", help="list each item's missed and extra names")
    args = ap.parse_args()
    seeds = pages()
    extract(text=seeds[0][1], id=seeds[0][0])  # load our lexicons outside the timing
    underthesea, reason = load_underthesea()
    if underthesea is None:
        print(f"underthesea: not compared. {reason}")
    compare("seed pages (official news leads)", seeds, gold_people(), underthesea, args)
    items, gold = general_sentences()
    compare("general news sentences (bench/data/ner_general.jsonl)", items, gold, underthesea, args)
    print("\n(hoinghi's rate includes the clean stage and every other recogniser; underthesea's only its NER on the "
          "already cleaned text)")


if __name__ == "__main__":
    main()
