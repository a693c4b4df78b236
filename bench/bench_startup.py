"""Start-up of the commands that only read: `hoinghi search`, `person`, `document` and `event` timed as whole
processes (median and min of N runs), next to `python -c pass`, `import hoinghi.cli` and `import sqlalchemy`,
so that the share of start-up in a quick command is visible. Figures only: on a busy machine take the minimums.

Run: .venv/bin/python bench/bench_startup.py [--runs N] [--db STORE]
(without --db, a store of the example corpus is made in a temporary folder first)
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "hoinghi" / "examples"


def hoinghi() -> list[str]:
    """The installed `hoinghi` script beside this interpreter (what a user runs), else `python -m hoinghi.cli`."""
    script = Path(sys.executable).with_name("hoinghi")
    return [str(script)] if script.exists() else [sys.executable, "-m", "hoinghi.cli"]


def wall(cmd: list[str], runs: int) -> tuple[float, float]:
    """(median, min) wall seconds of `cmd` as a whole process."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def import_time(module: str, runs: int) -> float:
    """The least `-X importtime` cumulative time of `module` over `runs` fresh interpreters, in seconds."""
    best = float("inf")
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"], capture_output=True,
                             text=True).stderr
        m = re.search(rf"\|\s*(\d+) \| {re.escape(module)}\s*$", err, re.M)
        if m:
            best = min(best, int(m.group(1)) / 1e6)
    return best


def example_store(folder: str) -> str:
    db = str(Path(folder) / "startup.db")
    subprocess.run(hoinghi() + ["ingest", str(EXAMPLES), "--db", db, "-q"], check=True)
    return db


def commands(db: str) -> list[tuple[str, list[str]]]:
    conn = sqlite3.connect(db)
    event = (conn.execute("SELECT id FROM events ORDER BY id LIMIT 1").fetchone() or ["evt_none"])[0]
    person = (conn.execute("SELECT name FROM people ORDER BY name LIMIT 1").fetchone() or ["Lương Đức Hiển"])[0]
    document = (conn.execute("SELECT label FROM documents ORDER BY label LIMIT 1").fetchone() or ["57-KL/TW"])[0]
    conn.close()
    return [("search", ["search", "Kết luận"]), ("search --json", ["search", "Kết luận", "--json"]),
            ("person", ["person", person]), ("document", ["document", document]), ("event", ["event", event])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--db", help="a SQLite store to read (default: the example corpus, stored first)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or example_store(folder)
        base_med, base_min = wall([sys.executable, "-c", "pass"], args.runs)
        print(f"{'what':<28}{'median s':>10}{'min s':>9}{'min / pass':>12}")
        print(f"{'python -c pass':<28}{base_med:>10.3f}{base_min:>9.3f}{1:>12.1f}")
        for name, cmd in commands(db):
            med, low = wall(hoinghi() + cmd + ["--db", db], args.runs)
            print(f"{'hoinghi ' + name:<28}{med:>10.3f}{low:>9.3f}{low / base_min:>12.1f}")
        for module in ("hoinghi.cli", "sqlalchemy", "rich.console"):
            print(f"{'import ' + module + ' (min)':<38}{import_time(module, args.runs):>9.3f}")


if __name__ == "__main__":
    main()
