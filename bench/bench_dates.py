"""Micro-benchmark of hoinghi.clean.dates: calls/s of parse_published and find_event_date on seed lines.

Run: .venv/bin/python bench/bench_dates.py [ROUNDS]
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from hoinghi.clean.dates import find_event_date, is_date_line, parse_published
from hoinghi.text import normalize

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"


def load_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines.extend(normalize(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return lines


def bench(name: str, fn, lines: list[str], rounds: int) -> None:
    fn(lines[0])  # warm up
    t0 = time.perf_counter()
    for _ in range(rounds):
        for line in lines:
            fn(line)
    elapsed = time.perf_counter() - t0
    calls = rounds * len(lines)
    chars = rounds * sum(map(len, lines))
    print(f"{name:<18} {calls / elapsed:>12,.0f} calls/s  {chars / elapsed / 1e6:>7.1f} M chars/s  "
          f"({elapsed * 1e6 / calls:.1f} µs/call)")


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    lines = load_lines()
    base = dt.date(2021, 12, 14)
    print(f"{len(lines)} lines from {SEEDS} × {rounds} rounds")
    bench("parse_published", parse_published, lines, rounds)
    bench("is_date_line", is_date_line, lines, rounds)
    bench("find_event_date", lambda s: find_event_date(s, base), lines, rounds)


if __name__ == "__main__":
    main()
