"""Executors: run the one-page pipeline over many pages, in this process, a process pool, or on Ray.

Every engine takes an iterable of `Page | ReadError` and yields `(Page, Article | None, error | None)` in input
order, so the same stages run unchanged whatever the engine (as datatrove's executors do).
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import sys
import threading
import time
import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields
from itertools import islice

from hoinghi.model import SHIPPED, Article, Page, article_from_dict, record_line
from hoinghi.pipeline import PageTooLarge, Pipeline, default_pipeline

Result = tuple[object, Article | None, str | None]


def _safe(page: Page, pipeline: Pipeline | None = None) -> tuple[Article | None, str | None]:
    try:
        return (pipeline or default_pipeline()).run(page).article, None
    except PageTooLarge as exc:  # skipped with its reason: `page too large: 12.3 MB of text (limit 2 MB)`
        return None, str(exc)
    except Exception as exc:  # a bug on one page must not end the run
        last = traceback.extract_tb(exc.__traceback__)[-1]
        return None, f"extraction failed: {type(exc).__name__}: {exc} ({os.path.basename(last.filename)}:{last.lineno})"


def ship(result: tuple[Article | None, str | None]) -> tuple[str | None, str | None]:
    """A worker's result as it travels back: the record's JSON line (as `hoinghi extract` writes it), not the
    Article object (a pickled Article costs the parent more to load than JSON, and JSON is what most consumers
    write anyway)."""
    art, error = result
    return (record_line(art) if art is not None else None), error


def unship(record: str | None, error: str | None) -> tuple[Article | None, str | None]:
    """The parent's side of `ship`: the Article again, carrying its JSON line so that writing it costs nothing."""
    if record is None:
        return None, error
    art = article_from_dict(json.loads(record))
    art.__dict__[SHIPPED] = record
    return art, error


def _chunk(pages: list[Page], pipeline: Pipeline | None = None) -> list[tuple[str | None, str | None]]:
    return [ship(_safe(p, pipeline)) for p in pages]


def _zip(batch: list, results: list) -> Iterator[Result]:
    """Pair a batch of read items with the results of its pages; read errors pass through."""
    results = iter(results)
    for item in batch:
        yield (item, *next(results)) if isinstance(item, Page) else (item, None, None)


def run_local(items: Iterable, pipeline: Pipeline | None = None) -> Iterator[Result]:
    for item in items:
        yield (item, *_safe(item, pipeline)) if isinstance(item, Page) else (item, None, None)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _end_with_parent(parent: int) -> None:
    """A pool worker's initializer: the worker ends when the process that started the pool does, even killed
    with SIGKILL (a worker blocked on its task queue would otherwise wait forever). On Linux the kernel sends it
    SIGTERM (prctl PR_SET_PDEATHSIG); everywhere a watchdog thread checks the parent every half second. Ctrl-C is
    the parent's to handle: a worker does not print a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog alone
            pass
    threading.Thread(target=_watch_parent, args=(parent, os.getppid()), daemon=True, name="parent-watch").start()


def _parent_gone(parent: int, ppid: int) -> bool:
    if os.getppid() != ppid:  # re-parented: the process that forked us ended
        return True
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # pragma: no cover - alive, another user's
        return False
    return False


def _watch_parent(parent: int, ppid: int, every: float = 0.5) -> None:
    while not _parent_gone(parent, ppid):
        time.sleep(every)
    os._exit(1)


def run_processes(items: Iterable, workers: int, chunk_size: int = 64, pipeline: Pipeline | None = None
                  ) -> Iterator[Result]:
    """A pool of worker processes; pages travel in chunks to keep the pickling overhead low. The workers end with
    this process, however it ends (`_end_with_parent`)."""
    items = iter(items)
    with ProcessPoolExecutor(max_workers=workers, initializer=_end_with_parent, initargs=(os.getpid(),)) as pool:
        pending = []
        while True:
            batch = list(islice(items, chunk_size))
            if batch:
                pages = [x for x in batch if isinstance(x, Page)]
                pending.append((batch, pool.submit(_chunk, pages, pipeline)))
            while pending and (not batch or len(pending) > workers * 2):
                done_batch, fut = pending.pop(0)
                yield from _zip(done_batch, [unship(*r) for r in fut.result()])
            if not batch:
                return


class EngineError(RuntimeError):
    """An engine that cannot start: its message says why, for the user."""


def _ray(address: str | None):
    """The `ray` module, connected: to the cluster at `address` (`ray://host:10001`, `auto`), else a local one."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the optional extra
        raise EngineError("the Ray engine needs Ray Data (the `ray` extra): pip install 'hoinghi[ray]'") from exc
    if not ray.is_initialized():
        _reachable(address)
        ray.init(address=address, ignore_reinit_error=True, log_to_driver=False, include_dashboard=False,
                 configure_logging=False)
    ctx = ray.data.DataContext.get_current()  # also when the caller started Ray itself
    ctx.execution_options.preserve_order = True  # records come back in input order, as from every engine
    ctx.execution_options.verbose_progress = False
    ctx.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # not a plan and a progress line for every window
    return ray


def _reachable(address: str | None, timeout: float = 10.0) -> None:
    """Fail at once, with the reason, when a cluster's `host:port` does not answer (Ray itself waits minutes)."""
    if not address or address in ("auto", "local"):
        return
    host, _, port = address.split("://", 1)[-1].rpartition(":")
    if not host or not port.isdigit():
        raise EngineError(f"{address!r} is not a Ray address: give ray://host:10001, host:6379 or auto")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        raise EngineError(f"the Ray cluster at {address} does not answer ({exc.strerror or exc})") from None


PAGE_FIELDS = tuple(f.name for f in fields(Page))


def _ship_batch(batch: dict, pipeline: Pipeline | None = None) -> dict:
    """A Ray Data batch of pages (columns `PAGE_FIELDS`) to a batch of shipped records: `record` (the record's
    JSON line) and `error` (why a page gave none). Workers ship JSON, not Article objects."""
    n = len(batch["id"])
    shipped = _chunk([Page(**{f: _none(batch[f][i]) for f in PAGE_FIELDS}) for i in range(n)], pipeline)
    return {"record": [r for r, _ in shipped], "error": [e for _, e in shipped]}


def _none(value):
    """Ray's columns hold None as None or as NaN (a float); a page field is a string or None."""
    return value if isinstance(value, str) else None


def run_ray(items: Iterable, chunk_size: int = 64, address: str | None = None, pipeline: Pipeline | None = None,
            window: int = 4096) -> Iterator[Result]:
    """The same steps over Ray Data, for corpora that outgrow one machine (`ray start` a cluster and pass its
    address; else a local cluster is started). The read items are taken `window` at a time into a dataset whose
    batches of `chunk_size` pages run as Ray tasks; records come back as JSON, in input order."""
    ray = _ray(address)
    items = iter(items)
    while batch := list(islice(items, window)):
        pages = [x for x in batch if isinstance(x, Page)]
        rows = [{f: getattr(p, f) for f in PAGE_FIELDS} for p in pages]
        results = []
        if rows:
            ds = ray.data.from_items(rows).map_batches(_ship_batch, batch_size=chunk_size,
                                                       fn_kwargs={"pipeline": pipeline}, batch_format="numpy")
            results = [unship(r["record"], r["error"]) for r in ds.iter_rows()]
        yield from _zip(batch, results)


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
