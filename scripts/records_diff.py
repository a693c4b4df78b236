#!/usr/bin/env python3
"""Records before and after a change: `snap` writes every record of the seeds, `../shared/corpus/pages.jsonl` and
the shipped examples to one JSON Lines file; `diff` extracts them again and names each field that changed.

    python scripts/records_diff.py snap /tmp/before.jsonl
    python scripts/records_diff.py diff /tmp/before.jsonl          # exit 1 when any record differs

A refactoring must leave `diff` silent; a fix shows exactly the fields it meant to change.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
INPUTS = [SHARED / "seeds", SHARED / "pages.jsonl", ROOT / "src" / "hoinghi" / "examples"]


def records() -> dict[str, dict]:
    from hoinghi.engines import run_local
    from hoinghi.read import iter_pages

    out = {}
    for page, art, _ in run_local(iter_pages([str(p) for p in INPUTS if p.exists()])):
        if art is not None:
            out[f"{page.source}|{art.id}"] = art.to_dict()
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("snap", "diff"):
        print(__doc__)
        return 2
    if argv[0] == "snap":
        with open(argv[1], "w", encoding="utf-8") as f:
            for key, rec in records().items():
                f.write(json.dumps({"key": key, "record": rec}, ensure_ascii=False, sort_keys=True) + "\n")
        return 0
    before = {}
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            before[row["key"]] = row["record"]
    after = records()
    changed = 0
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        changed += 1
        if a is None or b is None:
            print(f"{key}: {'new' if a is None else 'gone'}")
            continue
        for name in sorted(set(a) | set(b)):
            if a.get(name) != b.get(name):
                print(f"{key}: {name}\n    before: {json.dumps(a.get(name), ensure_ascii=False)[:400]}"
                      f"\n    after:  {json.dumps(b.get(name), ensure_ascii=False)[:400]}")
    print(f"{changed} of {len(after)} records differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
