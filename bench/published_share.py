"""How many pages get a `published` date, and from where: the page's own date line, the input's outside `date`, or
a date in the URL; and how many events got a date.

Run: .venv/bin/python bench/published_share.py [PAGES.jsonl]   (default: ../shared/corpus/pages.jsonl)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from hoinghi.engines import run_local
from hoinghi.read import iter_pages

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "pages.jsonl"


def shares(path: str) -> tuple[int, Counter, int, int]:
    """(pages, pages by `published_source`, events, events with a date)."""
    pages, sources, events, dated = 0, Counter(), 0, 0
    for _page, art, _ in run_local(iter_pages([path])):
        if art is None:
            continue
        pages += 1
        sources[art.published_source if art.published else None] += 1
        events += len(art.events)
        dated += sum(1 for ev in art.events if ev.date)
    return pages, sources, events, dated


def main(argv: list[str]) -> int:
    path = argv[0] if argv else str(DEFAULT)
    pages, sources, events, dated = shares(path)
    with_date = pages - sources[None]
    print(f"pages: {pages}")
    print(f"published: {with_date} ({with_date / max(pages, 1):.1%})")
    for source in ("page", "input", "url"):
        print(f"  from {source}: {sources[source]}")
    print(f"events: {events}, with a date: {dated} ({dated / max(events, 1):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
