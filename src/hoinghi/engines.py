"""Executors: run the one-page pipeline over many pages, in this process, a process pool, or on Ray.

Every engine takes an iterable of `Page | ReadError` and yields `(Page, Article | None, error | None)` in input
order, so the same stages run unchanged whatever the engine (as datatrove's executors do).
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from hoinghi.model import Article, Page
from hoinghi.pipeline import Pipeline, default_pipeline

Result = tuple[object, Article | None, str | None]


def _safe(page: Page, pipeline: Pipeline | None = None) -> tuple[Article | None, str | None]:
    try:
        return (pipeline or default_pipeline()).run(page).article, None
    except Exception as exc:  # a bug on one page must not end the run
        last = traceback.extract_tb(exc.__traceback__)[-1]
        return None, f"extraction failed: {type(exc).__name__}: {exc} ({os.path.basename(last.filename)}:{last.lineno})"


def _chunk(pages: list[Page], pipeline: Pipeline | None = None) -> list[tuple[Article | None, str | None]]:
    return [_safe(p, pipeline) for p in pages]


def _zip(batch: list, results: list) -> Iterator[Result]:
    """Pair a batch of read items with the results of its pages; read errors pass through."""
    results = iter(results)
    for item in batch:
        yield (item, *next(results)) if isinstance(item, Page) else (item, None, None)


def run_local(items: Iterable, pipeline: Pipeline | None = None) -> Iterator[Result]:
    for item in items:
        yield (item, *_safe(item, pipeline)) if isinstance(item, Page) else (item, None, None)


def run_processes(items: Iterable, workers: int, chunk_size: int = 64, pipeline: Pipeline | None = None
                  ) -> Iterator[Result]:
    """A pool of worker processes; pages travel in chunks to keep the pickling overhead low."""
    items = iter(items)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = []
        while True:
            batch = list(islice(items, chunk_size))
            if batch:
                pages = [x for x in batch if isinstance(x, Page)]
                pending.append((batch, pool.submit(_chunk, pages, pipeline)))
            while pending and (not batch or len(pending) > workers * 2):
                done_batch, fut = pending.pop(0)
                yield from _zip(done_batch, fut.result())
            if not batch:
                return


def run_ray(items: Iterable, chunk_size: int = 256, address: str | None = None, pipeline: Pipeline | None = None
            ) -> Iterator[Result]:
    """The same stages as Ray tasks, for corpora that outgrow one machine (`ray start` a cluster, pass its address)."""
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise RuntimeError("the Ray engine needs the `ray` extra: pip install 'hoinghi[ray]'") from exc
    if not ray.is_initialized():
        ray.init(address=address, ignore_reinit_error=True, log_to_driver=False, include_dashboard=False)
    remote_chunk = ray.remote(_chunk)
    items = iter(items)
    pending = []
    max_in_flight = max(2, int(ray.available_resources().get("CPU", 2)) * 2)
    while True:
        batch = list(islice(items, chunk_size))
        if batch:
            pending.append((batch, remote_chunk.remote([x for x in batch if isinstance(x, Page)], pipeline)))
        while pending and (not batch or len(pending) >= max_in_flight):
            done_batch, ref = pending.pop(0)
            yield from _zip(done_batch, ray.get(ref))
        if not batch:
            return


def run(items: Iterable, engine: str = "auto", workers: int | None = None, ray_address: str | None = None,
        pipeline: Pipeline | None = None) -> Iterator[Result]:
    """Pick an engine: `local` (one process), `process` (a pool), `ray`, or `auto` (a pool when it pays). Every
    engine runs the same `pipeline` (the default steps unless given)."""
    workers = workers or os.cpu_count() or 1
    if engine == "auto":
        engine = "process" if workers > 1 else "local"
    if engine == "local":
        return run_local(items, pipeline)
    if engine == "process":
        return run_processes(items, workers, pipeline=pipeline)
    if engine == "ray":
        return run_ray(items, address=ray_address, pipeline=pipeline)
    raise ValueError(f"unknown engine {engine!r}: choose local, process, ray or auto")
