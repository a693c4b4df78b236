"""Extraction on a Ray cluster into sharded output: each input shard becomes one output file, written by the
worker that extracted it, so nothing but a small summary travels back to the driver.

    summary = write_shards(["crawl/2024-01.warc.gz", "crawl/2024-02.warc.gz", "pages/"], "out/", fmt="parquet")

Shards: a JSON Lines or WARC file is one shard; single pages (`.txt`, `.html`) are grouped `files_per_shard` at a
time, in path order. Output: `out/part-00000.jsonl` … (one record a line, exactly as `hoinghi extract` writes it)
or `out/part-00000.parquet` (columns `id`, `url`, `published` as a date, `province`, `kind`, and `record`: the
whole record's JSON line). The summary lists every shard with its pages, records and the skipped pages' reasons.
The workers run the same `Pipeline` as every other engine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field

from hoinghi.engines import _ray, _safe
from hoinghi.model import record_line
from hoinghi.pipeline import Pipeline
from hoinghi.read import ReadError
from hoinghi.read.files import expand_ids, kind_of, read_path

FORMATS = ("jsonl", "parquet")
PARQUET_COLUMNS = ("id", "url", "published", "province", "kind", "record")


@dataclass
class ShardSummary:
    shards: list[dict] = field(default_factory=list)  # {"shard", "output", "pages", "records", "skipped"}
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # inputs that could not be listed or found

    @property
    def records(self) -> int:
        return sum(s["records"] for s in self.shards)

    @property
    def skipped(self) -> list[tuple[str, str]]:
        return self.unreadable + [tuple(x) for s in self.shards for x in s["skipped"]]


def plan_shards(inputs: list[str], files_per_shard: int = 500) -> tuple[list[list[tuple[str, str | None]]],
                                                                         list[tuple[str, str]]]:
    """The shards of `inputs` in input order (each a list of (file, page id)), and the inputs that cannot be
    read."""
    shards, singles, bad = [], [], []
    for item, page_id in expand_ids(inputs):
        if isinstance(item, ReadError):
            bad.append((item.source, item.reason))
        elif item == "-":
            bad.append(("-", "standard input cannot be sharded: give files"))
        elif kind_of(item) in ("jsonl", "warc"):
            shards.extend(_groups(singles, files_per_shard))
            singles = []
            shards.append([(item, None)])
        else:
            singles.append((item, page_id))
    return shards + _groups(singles, files_per_shard), bad


def _groups(files: list, n: int) -> list[list]:
    return [files[i:i + n] for i in range(0, len(files), n)]


def write_shards(inputs: list[str], out_dir: str, fmt: str = "jsonl", address: str | None = None,
                 pipeline: Pipeline | None = None, files_per_shard: int = 500) -> ShardSummary:
    """Extract `inputs` on Ray (the cluster at `address`, else a local one) into `out_dir`, one file a shard."""
    if fmt not in FORMATS:
        raise ValueError(f"cannot write shards as {fmt!r}: choose one of {', '.join(FORMATS)}")
    shards, bad = plan_shards(inputs, files_per_shard)
    summary = ShardSummary(unreadable=bad)
    if not shards:
        return summary
    os.makedirs(out_dir, exist_ok=True)
    ray = _ray(address)
    rows = [{"shard": i, "files": json.dumps(files)} for i, files in enumerate(shards)]
    ds = ray.data.from_items(rows, override_num_blocks=len(rows)).map(
        run_shard, fn_kwargs={"out_dir": os.path.abspath(out_dir), "fmt": fmt, "pipeline": pipeline})
    summary.shards = sorted((_decoded(r) for r in ds.iter_rows()), key=lambda r: r["shard"])
    return summary


def _decoded(row: dict) -> dict:
    return {**row, "skipped": json.loads(row["skipped"])}


def run_shard(row: dict, out_dir: str, fmt: str, pipeline: Pipeline | None = None) -> dict:
    """One shard on a worker: read its files, extract each page, write the records to the shard's file."""
    output = os.path.join(out_dir, f"part-{int(row['shard']):05d}.{fmt}")
    records, skipped, pages = [], [], 0
    for path, page_id in json.loads(row["files"]):
        for item in read_path(path, page_id):
            if isinstance(item, ReadError):
                skipped.append((item.source, item.reason))
                continue
            pages += 1
            art, error = _safe(item, pipeline)
            if art is None:
                skipped.append((item.source or item.id or "?", error or "no record"))
            else:
                records.append(art)
    (_write_jsonl if fmt == "jsonl" else _write_parquet)(records, output)
    return {"shard": int(row["shard"]), "output": output, "pages": pages, "records": len(records),
            "skipped": json.dumps(skipped, ensure_ascii=False)}


def _write_jsonl(records: list, output: str) -> None:
    with open(output, "w", encoding="utf-8") as f:
        for art in records:
            f.write(record_line(art) + "\n")


def _write_parquet(records: list, output: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.date32() if c == "published" else pa.string()) for c in PARQUET_COLUMNS])
    rows = [{"id": a.id, "url": a.url, "published": _day(a.published), "province": a.province, "kind": a.kind,
             "record": record_line(a)} for a in records]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), output)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
