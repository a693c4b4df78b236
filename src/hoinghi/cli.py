"""The `hoinghi` command line."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from contextlib import nullcontext
from functools import lru_cache
from typing import TYPE_CHECKING

import click

from hoinghi.cli_guard import Group, output_path

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

# Each command imports what it needs when it runs: `hoinghi search` and the views start in a fraction of the time
# that importing everything (SQLAlchemy, Alembic, the extraction pipeline) would take. bench/bench_startup.py
# measures it; tests/test_cli.py checks that the commands that only read import neither SQLAlchemy nor Alembic.


def _console(**kwargs) -> Console:
    from rich.console import Console

    return Console(highlight=False, **kwargs)


@lru_cache(maxsize=1)
def stderr_console() -> Console:
    return _console(stderr=True)


class _Stderr:
    """The console on standard error (`stderr_console()`), made when first used: rich is imported only then."""

    def __getattr__(self, name: str):
        return getattr(stderr_console(), name)


err = _Stderr()

EXAMPLES = "examples"


def example_path() -> str:
    """The small example corpus shipped with the package."""
    from importlib import resources

    return str(resources.files("hoinghi").joinpath(EXAMPLES))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(package_name="hoinghi")
def main() -> None:
    """hoinghi reads Vietnamese official news pages and builds a searchable, linked record of the conferences
    they report: who chaired and spoke in what position, which party and state documents were studied, and
    where, from the hall in Hà Nội to each province's bridge point (điểm cầu).

    \b
    Start here:
      hoinghi demo                                 store the example corpus in ./hoinghi.db and show it
      hoinghi extract --example --format table     what one record looks like
      hoinghi extract PAGES/ -o articles.jsonl     extract a folder of pages
      hoinghi ingest PAGES/                        extract, store (./hoinghi.db) and link
      hoinghi search "doi ngoai" --province "Yên Bái"
      hoinghi person "Lương Đức Hiển"   hoinghi document 57-KL/TW   hoinghi event ID
      hoinghi export --format parquet --what events -o events.parquet

    Every store command takes --db: a file path (SQLite, the default ./hoinghi.db) or a URL
    (postgresql://user:password@host/db); $HOINGHI_DB sets it for a whole shell.
    """


def _inputs(paths: tuple[str, ...], example: bool) -> list[str]:
    inputs = list(paths)
    if example:
        inputs.append(example_path())
    if not inputs:
        raise click.UsageError("give at least one PATH (a file, a folder, or - for standard input), or --example")
    return inputs


class Summary:
    """Counts a run and reports it: pages read, records written, pages skipped and why, speed."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.read = self.written = 0
        self.unchanged = 0  # pages skipped by ingest because the store already holds them
        self.skipped: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []

    def report(self, console: Console = err, verb: str = "written") -> None:
        secs = time.perf_counter() - self.started
        rate = self.read / secs if secs > 0 else 0.0
        console.print(f"[bold]{self.read}[/] pages read, [bold]{self.written}[/] records {verb}, "
                      f"[bold]{len(self.skipped)}[/] skipped, {secs:.2f} s, {rate:,.0f} pages/s")
        if self.unchanged:
            console.print(f"  [bold]{self.unchanged}[/] pages already stored, not read again")
        for source, reason in self.skipped[:50]:
            console.print(f"  [yellow]skipped[/] {source}: {reason}")
        if len(self.skipped) > 50:
            reasons = Counter(r.split(":")[0] for _, r in self.skipped)
            console.print(f"  … and {len(self.skipped) - 50} more: " + ", ".join(f"{n}× {r}" for r, n in reasons.most_common(5)))
        failed = Counter(r.split()[1] for _, r in self.warnings if r.startswith("step ") and " failed:" in r)
        if failed:
            console.print("  [yellow]steps failed[/]: " + ", ".join(f"{n}× {s}" for s, n in failed.most_common()))
        for source, reason in self.warnings[:20]:
            console.print(f"  [dim]warning[/] {source}: {reason}")
        if len(self.warnings) > 20:
            console.print(f"  … and {len(self.warnings) - 20} more warnings: " + _by_reason(self.warnings[20:]))

    def strict_failed(self) -> bool:
        """`--strict`: a page skipped (unreadable, undecodable, no record) fails the run."""
        return bool(self.skipped)


def _by_reason(items: list[tuple[str, str]]) -> str:
    """`12× invalid UTF-8 at byte N; replaced, 3× step events failed` for (source, reason) pairs."""
    import re

    reasons = Counter(re.sub(r"(?<![\w-])\d+", "N", r.split(": ")[0]) for _, r in items)
    return ", ".join(f"{n}× {r}" for r, n in reasons.most_common())


def run_pipeline(inputs: list[str], engine: str, workers: int | None, summary: Summary, quiet: bool = False,
                 prefilter=None, page_timeout: float | None = None, ray_address: str | None = None):
    """Read, extract, and yield (page, article) for every page that gave a record; errors go to the summary.
    `prefilter`, given the read items, returns those to extract (ingest drops the pages already stored)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from hoinghi.engines import run
    from hoinghi.pipeline import Pipeline
    from hoinghi.read import ReadError, count_pages, iter_pages

    total = count_pages(inputs)
    show = not quiet and (total is None or total > 1) and err.is_terminal
    progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("pages"),
                        TimeRemainingColumn(), console=stderr_console(), transient=True, disable=not show)
    with progress if show else nullcontext():
        task = progress.add_task("extract", total=total)
        items = iter_pages(inputs)
        if prefilter is not None:
            items = prefilter(items)
        pipeline = Pipeline(time_limit=page_timeout or None) if page_timeout is not None else None
        for item, art, error in run(items, engine=engine, workers=workers, ray_address=ray_address,
                                    pipeline=pipeline):
            if isinstance(item, ReadError):
                if getattr(item, "severity", "error") == "warning":
                    summary.warnings.append((item.source, item.reason))
                else:
                    summary.read += 1
                    summary.skipped.append((item.source, item.reason))
                    progress.advance(task)
                continue
            summary.read += 1
            progress.advance(task)
            if art is None:
                summary.skipped.append((item.source or item.id or "?", error or "no record"))
                continue
            for w in art.warnings:
                summary.warnings.append((item.source or art.id, w))
            yield item, art


def engine_options(fn):
    """`--engine`, `-j` and `--ray-address`, the same for every command that extracts."""
    fn = click.option("--ray-address", envvar="RAY_ADDRESS", default=None, metavar="ADDRESS",
                      help="The Ray cluster for --engine ray (ray://head:10001, or auto for the one this machine "
                           "belongs to). Default: $RAY_ADDRESS, else a local cluster started for the run.")(fn)
    fn = click.option("-j", "--workers", type=int, default=None,
                      help="Worker processes for --engine process (default: cores).")(fn)
    return click.option("--engine", type=click.Choice(["auto", "local", "process", "ray"]), default="local",
                        show_default=True, help="Extract in this process, a process pool, or on a Ray cluster.")(fn)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              callback=output_path, help="Where to write the records (JSON Lines); - is standard output.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table", "parquet"]), default="jsonl",
              show_default=True, help="jsonl: one record a line (the contract); json: one indented document; table: a "
              "summary to read; parquet: typed columns and the whole record (with --shards).")
@click.option("--shards", "shards_dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="Write the records into DIR as one file per input shard (part-00000.jsonl …), each written on "
                   "Ray by the worker that extracted it: a JSON Lines or WARC file is a shard, single pages go 500 a "
                   "shard. Runs on Ray (--ray-address).")
@click.option("--example", is_flag=True, help="Also read the small example corpus shipped with hoinghi.")
@engine_options
@click.option("--page-timeout", type=click.FloatRange(0), default=5.0, show_default=True, metavar="SECONDS",
              help="A page still running after SECONDS is kept with what was done, and a warning (0: no limit).")
@click.option("--strict", is_flag=True, help="Exit 1 if any page was skipped (after writing what could be written).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def extract(paths, output, fmt, shards_dir, example, engine, workers, ray_address, page_timeout, strict, quiet):
    """Extract article records from news pages.

    PATHS are .txt pages (text already stripped of HTML), .html/.htm pages, .jsonl/.jsonl.gz files with one
    page a line ({"id", "url", "text"} or {"id", "url", "html"}, optionally "date"), .warc/.warc.gz web
    archives, folders (read recursively), or - for standard input.

    A page that cannot be read or extracted is skipped with its reason in the closing summary; the run goes on.

    \b
    Examples:
      hoinghi extract page.txt --format table
      hoinghi extract corpus/ -o articles.jsonl
      hoinghi extract pages.jsonl.gz --engine process -j 4 -o out.jsonl
      hoinghi extract crawl/*.warc.gz --shards out/ --format parquet --ray-address auto
    """
    from hoinghi.model import record_line

    if shards_dir is not None or fmt == "parquet":
        _extract_shards(_inputs(paths, example), shards_dir, fmt, ray_address, page_timeout, strict, quiet)
        return
    summary = Summary()
    out = click.open_file(output, "w", encoding="utf-8")
    records = []
    with out:
        for _page, art in run_pipeline(_inputs(paths, example), engine, workers, summary, quiet,
                                       page_timeout=page_timeout, ray_address=ray_address):
            if fmt == "jsonl":
                out.write(record_line(art) + "\n")
            elif fmt == "json":
                records.append(art.to_dict())
            else:
                from hoinghi.report import article_table

                console = _console(file=out) if output != "-" else _console()
                console.print(article_table(art))
            summary.written += 1
        if fmt == "json":
            json.dump(records, out, ensure_ascii=False, indent=1)
            out.write("\n")
    if not quiet:
        summary.report()
    if (summary.read and not summary.written) or (strict and summary.strict_failed()):
        sys.exit(1)


def _extract_shards(inputs: list[str], out_dir: str | None, fmt: str, ray_address: str | None,
                    page_timeout: float | None, strict: bool, quiet: bool) -> None:
    """`extract --shards DIR`: the pages extracted on Ray into one file a shard; the summary as for any extract."""
    if out_dir is None:
        raise click.UsageError("--format parquet writes shards: add --shards DIR (or store the pages and run "
                               "`hoinghi export --format parquet`)")
    if fmt not in ("jsonl", "parquet"):
        raise click.UsageError(f"--shards writes jsonl or parquet files, not {fmt}")
    from hoinghi.pipeline import Pipeline
    from hoinghi.shards import write_shards

    summary = Summary()
    if not quiet:
        err.print(f"extracting on Ray into [bold]{out_dir}[/] …")
    try:
        done = write_shards(inputs, out_dir, fmt=fmt, address=ray_address,
                            pipeline=Pipeline(time_limit=page_timeout or None))
    except (ConnectionError, ValueError) as exc:
        raise click.ClickException(f"cannot run on Ray: {exc}") from None
    summary.read = sum(s["pages"] for s in done.shards) + len(done.unreadable)
    summary.written = done.records
    summary.skipped = list(done.skipped)
    if not quiet:
        summary.report()
        err.print(f"{len(done.shards)} shard files in [bold]{out_dir}[/]")
    if (summary.read and not summary.written) or (strict and summary.strict_failed()):
        sys.exit(1)


# --- the store ---------------------------------------------------------------------------------------------------

DB_HELP = ("The store: a file path (SQLite) or a URL such as postgresql://user:password@localhost/hoinghi. "
           "Default: $HOINGHI_DB, else ./hoinghi.db.")


def db_option(fn):
    return click.option("--db", envvar="HOINGHI_DB", default=None, metavar="PATH|URL", help=DB_HELP)(fn)


def json_option(fn):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")(fn)


def _open(db: str | None, create: bool = False, need_articles: bool = True, migrate: bool | None = None):
    from hoinghi.store import open_store

    return _ready(lambda: open_store(db, create=create, migrate=migrate), need_articles)


def _read(db: str | None):
    """The store for a command that only reads: a SQLite file through sqlite3 (no SQLAlchemy, no Alembic); it is
    neither created nor migrated (a store behind this hoinghi's schema says to run `hoinghi migrate`)."""
    from hoinghi.store.base import open_reader

    return _ready(lambda: open_reader(db), need_articles=True)


def _ready(opener, need_articles: bool):
    from hoinghi.store import StoreError

    try:
        store = opener()
        if need_articles:
            store.require_articles()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if getattr(store, "cleared", None):
        err.print(f"[yellow]warning:[/] store {store.name} was left half way through a schema change by an earlier "
                  f"hoinghi; cleared what it had made ({', '.join(store.cleared)}) and made the schema again")
    return store


def _fail(fn, *args, **kwargs):
    """Run a store call, turning a StoreError into a clear command-line error."""
    from hoinghi.store import StoreError

    try:
        return fn(*args, **kwargs)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


def _print_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


def _link(store, console: Console, quiet: bool = False, full: bool = False) -> dict | None:
    from hoinghi.store.links import LinkUnavailable, run_link

    try:
        counts = run_link(store, full=full)
    except LinkUnavailable as exc:
        if not quiet:
            console.print(f"[yellow]not linked[/]: {exc}")
        return None
    if not quiet:
        console.print(f"linked {counts['articles']:,} articles in {counts['seconds']:.1f} s: "
                      f"[bold]{counts['people']:,}[/] people, [bold]{counts['documents']:,}[/] documents, "
                      f"[bold]{counts['events']:,}[/] events, {counts['bridge_points']:,} bridge points, "
                      f"{counts['duplicate_groups']:,} duplicate groups")
    return counts


def ingest_paths(inputs: list[str], db: str | None, engine: str = "local", workers: int | None = None,
                 batch: int = 500, link: bool = True, quiet: bool = False, console: Console = err,
                 page_timeout: float | None = None, ray_address: str | None = None):
    """What `hoinghi ingest` does, for the CLI and `demo`: returns (store, summary, stored)."""
    from hoinghi.store.ingest import skip_stored, store_results

    store = _open(db, create=True, need_articles=False)
    summary = Summary()

    def skipped(_page) -> None:
        summary.unchanged += 1

    results = run_pipeline(inputs, engine, workers, summary, quiet, prefilter=skip_stored(store, skipped, batch),
                           page_timeout=page_timeout, ray_address=ray_address)
    stored = _fail(store_results, store, results, batch)
    summary.written = stored.added
    summary.unchanged += stored.skipped  # stored meanwhile by another ingest running at the same time
    if not quiet:
        summary.report(console, verb="stored")
        if stored.versions:
            console.print(f"  [bold]{stored.versions}[/] of them new versions of pages already stored")
        console.print(f"store: [bold]{store.name}[/]")
    if link and (stored.added or store.get_meta("linked_at") is None):
        _link(store, console, quiet)
    return store, summary, stored


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@db_option
@click.option("--example", is_flag=True, help="Also ingest the small example corpus shipped with hoinghi.")
@engine_options
@click.option("--batch", type=click.IntRange(1), default=500, show_default=True,
              help="Pages written per transaction.")
@click.option("--no-link", is_flag=True, help="Store only; run `hoinghi link` later.")
@click.option("--page-timeout", type=click.FloatRange(0), default=5.0, show_default=True, metavar="SECONDS",
              help="A page still running after SECONDS is stored with what was done, and a warning (0: no limit).")
@click.option("--strict", is_flag=True, help="Exit 1 if any page was skipped (after writing what could be written).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def ingest(paths, db, example, engine, workers, ray_address, batch, no_link, page_timeout, strict, quiet):
    """Extract news pages and store them, then link people, documents and events across the store.

    PATHS are what `hoinghi extract` reads (.txt, .html, .jsonl(.gz), .warc(.gz), folders, - for standard
    input). The store keeps each page's original text, its record, every mention, and folded copies for search.

    \b
    Safe to repeat and to interrupt:
      - a page already stored (same url and text) is skipped before it is extracted;
      - a page whose text changed at the same url (or id) is stored as a new version, the latest marked;
      - pages are written in transactions of --batch pages: a run killed at any moment and run again loses
        nothing and duplicates nothing.

    \b
    Examples:
      hoinghi ingest pages/                                   # into ./hoinghi.db
      hoinghi ingest crawl.warc.gz --engine process -j 4 --db /data/hoinghi.db
      hoinghi ingest pages/ --db postgresql://hoinghi@localhost/hoinghi
      hoinghi ingest crawl/ --engine ray --ray-address ray://head:10001 --db postgresql://hoinghi@db/hoinghi
      HOINGHI_DB=news.db hoinghi ingest new-pages/ --no-link && hoinghi link --db news.db
    """
    _store, summary, _stored = ingest_paths(_inputs(paths, example), db, engine, workers, batch, not no_link, quiet,
                                            page_timeout=page_timeout, ray_address=ray_address)
    if (summary.read and not summary.written and not summary.unchanged) or (strict and summary.strict_failed()):
        sys.exit(1)


@main.command()
@db_option
def migrate(db):
    """Bring the store's schema to this version of hoinghi (`ingest` does it too; the commands that only read
    do not, and say so).

    The whole change is one transaction under the store's write lock: interrupted, it leaves the store as it
    was; run again, it finishes. A store that two ingests wrote at once before hoinghi took the lock first is
    repaired on the way (one latest version per page), and so is one an older hoinghi left half way through a
    schema change (what it had made is cleared and made again; a table holding rows is never dropped).

    \b
    Example:
      hoinghi migrate --db news.db
    """
    store = _open(db, create=True, need_articles=False, migrate=True)
    if store.migrated_from == store.revision:
        err.print(f"store [bold]{store.name}[/]: schema {store.revision}, the newest: nothing to do")
    else:
        err.print(f"store [bold]{store.name}[/]: schema {store.migrated_from or 'none'} → {store.revision}")
    store.close()


@main.command("link")
@db_option
@click.option("--full", is_flag=True, help="Link every stored article again, not only the new ones and those "
              "they connect to.")
def link_cmd(db, full):
    """Link the stored articles: the same person, document and event across pages, near-duplicates.

    Incremental: the articles stored since the last run, and those sharing a name, a document, an event's day or
    a near-duplicate bucket with them, are linked again and their results replaced, in one transaction; the
    result is what `--full` gives (every article linked again). `hoinghi ingest` runs it after storing new
    pages; run it alone after `ingest --no-link`.

    \b
    Example:
      hoinghi link --db news.db
      hoinghi link --full --db news.db
    """
    store = _open(db, migrate=True)
    if _link(store, err, full=full) is None:
        sys.exit(1)


@main.command()
@click.argument("query", nargs=-1)
@db_option
@click.option("--from", "date_from", metavar="DATE", help="Published on or after DATE (2023, 2023-10, 2023-10-11, 11/10/2023).")
@click.option("--to", "date_to", metavar="DATE", help="Published on or before DATE (a month or year counts whole).")
@click.option("--province", metavar="P", help="About province P, named before or after the 2025 merger.")
@click.option("--person", metavar="NAME", help="Naming the person NAME (a linked person, or the name as printed).")
@click.option("--document", metavar="KEY", help="Citing the document KEY: 57-KL/TW, 'Kết luận 57', a document id.")
@click.option("--kind", metavar="K", help="Reporting an event of kind K ('hội nghị', 'tiếp', 'sơ kết' …).")
@click.option("-n", "--limit", type=click.IntRange(1), default=10, show_default=True, help="How many results.")
@json_option
def search(query, db, date_from, date_to, province, person, document, kind, limit, as_json):
    """Search the stored articles, best match first, with the matched words highlighted.

    QUERY is one or more words (quoted or not: `hoinghi search hoi nghi` is `hoinghi search "hoi nghi"`).
    Accents are optional: `doi ngoai` finds `đối ngoại`, `Ð` and `Đ` read as `d`, and `hoà`/`hòa` (both
    tone-mark placements) match alike.

    \b
    Writing a query:
      đối ngoại                  all the words must occur (AND is implied)
      '"thông tin đối ngoại"'    quoted words must stand together
      hội*                       words starting with `hoi`
      tuyên truyền OR đối ngoại  either side; AND binds tighter than OR: a b OR c is (a b) OR c
      hội nghị -"Yên Bái"        not these words (NOT "Yên Bái" too); -word alone lists articles without it
      hội nghị (Yên Bái OR Nghệ An)   parentheses group
    AND, OR and NOT are written in capitals. A query starting with - goes after --: hoinghi search -- -doi.
    With filters only (no QUERY) it lists the matching articles, newest first (undated last).

    \b
    Examples:
      hoinghi search doi ngoai
      hoinghi search "thông tin đối ngoại" --province "Yên Bái" --from 2023 --to 2024-06
      hoinghi search hoi nghi --document 57-KL/TW --kind "hội nghị"
      hoinghi search "Kết luận 57 OR Chỉ thị 25" -n 20
      hoinghi search --person "Lương Đức Hiển" --json
    """
    from hoinghi.store.search import search as run_search

    query = " ".join(query)

    store = _read(db)
    hits = _fail(run_search, store, query, limit=limit, date_from=date_from, date_to=date_to, province=province,
                 person=person, document=document, kind=kind)
    if as_json:
        _print_json([h.to_dict() for h in hits])
        return
    from hoinghi.render import search_table

    console = _console()
    if not hits:
        console.print(f"no article matches {query!r}" + (" with these filters" if any(
            (date_from, date_to, province, person, document, kind)) else ""))
        return
    console.print(search_table(hits, query))


@main.command()
@click.argument("name")
@db_option
@json_option
def person(name, db, as_json):
    """A person's timeline: every position with the first and last date it was seen, and their events.

    NAME is compared without accents or case; people who share a name are shown apart (with their provinces).
    A part of a name lists the people it matches.

    \b
    Examples:
      hoinghi person "Lương Đức Hiển"
      hoinghi person "luong duc hien" --json
    """
    _show_view(db, name, as_json, "person_view", "person_panel", f"no linked person is called {name!r}")


def _show_view(db, key: str, as_json: bool, view: str, panel: str, missing: str) -> None:
    """Look KEY up with a view of the store and print what it found as panels, or as JSON."""
    from hoinghi.store import views

    store = _read(db)
    found = _fail(getattr(views, view), store, key)
    if as_json:
        _print_json(found)  # [] when nothing is found, and exit 1 as the table does
    if not found:
        raise click.ClickException(missing + _link_hint(store))
    if not as_json:
        from hoinghi import render

        console = _console()
        for item in found:
            console.print(getattr(render, panel)(item))
    if view == "person_view":
        _more_people(store, key, len(found))


def _more_people(store, name: str, shown: int) -> None:
    from hoinghi.store.views import people_matching

    total = _fail(people_matching, store, name)
    if total > shown:
        err.print(f"… and {total - shown} more people match {name!r} (only {shown} shown): give more of the name")


def _link_hint(store) -> str:
    return "" if store.get_meta("linked_at") else " (the store is not linked yet: run `hoinghi link`)"


@main.command()
@click.argument("key")
@db_option
@json_option
def document(key, db, as_json):
    """A document and its cascade: every event that studied or carried it out, with its date, the province
    then and after the 2025 merger, the level and who chaired it.

    KEY is a number with its code (57-KL/TW), a kind and number (Kết luận 57, "ket luan 57"), a label's words
    for documents without a number (Nghị quyết Trung ương 8), or a document id.

    \b
    Examples:
      hoinghi document 57-KL/TW
      hoinghi document "Kết luận 57" --json
    """
    _show_view(db, key, as_json, "document_view", "document_panel", f"no linked document matches {key!r}")


@main.command()
@click.argument("event_id", metavar="ID")
@db_option
@json_option
def event(event_id, db, as_json):
    """An event with its bridge points (điểm cầu), chairs and speakers, documents and the pages reporting it.

    ID is an event id as `hoinghi person`, `document`, `search --json` or `export --what events` show it (its
    first characters are enough when they are unique).

    \b
    Examples:
      hoinghi export --what events --format csv | head
      hoinghi event EVENT_ID --json
    """
    from hoinghi.store.views import AmbiguousId, event_view

    store = _read(db)
    try:
        ev = event_view(store, event_id)
    except AmbiguousId as exc:
        for m in exc.matches:
            err.print(f"  {m['id']}  {m['date'] or '(no date)'}  {m['kind'] or ''}  {m['name'] or ''}  "
                      f"{m['province'] or ''}".rstrip(), highlight=False, markup=False)
        raise click.ClickException(str(exc)) from None
    if as_json:
        _print_json(ev)  # null when there is no such event, and exit 1 as the table does
    if ev is None:
        raise click.ClickException(f"no event has the id {event_id!r}" + _link_hint(store))
    if as_json:
        return
    from hoinghi.render import event_panel

    _console().print(event_panel(ev))


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True,
              help="jsonl: whole records; csv and parquet: one flat row each.")
@click.option("--what", type=click.Choice(["articles", "people", "documents", "events"]), default="articles",
              show_default=True, help="What to export.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              callback=output_path, help="Where to write; - is standard output (not for parquet).")
def export(db, fmt, what, output):
    """Export the stored articles (latest versions), people, documents or events.

    \b
    Examples:
      hoinghi export -o articles.jsonl                       # the records, as `hoinghi extract` writes them
      hoinghi export --what people --format csv -o people.csv
      hoinghi export --what events --format parquet -o events.parquet
    """
    from hoinghi.store.export import export as run_export

    store = _open(db)
    if fmt == "parquet":
        if output == "-":
            raise click.UsageError("parquet is binary: give a file with -o, e.g. -o articles.parquet")
        n = _fail(run_export, store, what, fmt, output)
    else:
        with click.open_file(output, "w", encoding="utf-8") as out:
            n = _fail(run_export, store, what, fmt, out)
    if output != "-":
        err.print(f"{n:,} {what} written to [bold]{output}[/]")


@main.command()
@db_option
def demo(db):
    """Store the example corpus shipped with hoinghi and show what it found.

    The example pages report a national conference on Kết luận số 57-KL/TW of October 2023 from several
    provinces' bridge points, two provincial conferences carrying it out, and a few more. The demo ingests
    them into the store (./hoinghi.db unless --db or $HOINGHI_DB say otherwise; running it again adds
    nothing), links them, and prints a summary, the Kết luận 57 cascade and a sample search.
    """
    from hoinghi.render import counts_table, document_panel, search_table
    from hoinghi.store.search import search as run_search
    from hoinghi.store.views import document_view

    console = _console()
    store, _summary, _stored = ingest_paths([example_path()], db, quiet=False, console=console)
    console.print()
    console.print(counts_table(store.counts(), store.name))
    docs = _fail(document_view, store, "57-KL/TW")
    if docs:
        console.print()
        console.print(document_panel(docs[0]))
    query = "doi ngoai"
    console.print(f"\n[bold]$ hoinghi search {query!r} --province 'Yên Bái' -n 3[/]")
    console.print(search_table(_fail(run_search, store, query, province="Yên Bái", limit=3), query))
    console.print("\nNext: [bold]hoinghi search[/] \"thông tin đối ngoại\", [bold]hoinghi person[/] \"Lương Đức "
                  "Hiển\", [bold]hoinghi document[/] \"Kết luận 57\", [bold]hoinghi export --what events --format "
                  "csv[/] (each with --help)")
    console.print("Web app: [bold]hoinghi serve[/]" + (f" --db {db}" if db else "") + ", then open "
                  "[bold]http://127.0.0.1:8000/[/] (pip install -e '.\\[web]' first if it is not installed)")


# --- why ---------------------------------------------------------------------------------------------------------

@main.command()
@click.argument("path", type=click.Path(allow_dash=True))
@click.option("--id", "page_id", metavar="ID", help="The page of a JSON Lines file or WARC to explain (default: the first).")
@click.option("--lines/--no-lines", default=True, show_default=True, help="Show every line of the page and its label.")
@json_option
def explain(path, page_id, lines, as_json):
    """Show why hoinghi decided what it did on one page.

    Every line with its label (title, date, section, body, caption, byline, views, leftover) and the rule that
    labelled it; every person, position, organisation, place and document found, with the rule that found it;
    and for each event, why each field got its value. PATH is a page file, a JSON Lines file or a folder (its
    first page, or the one with --id), or - for standard input.

    \b
    Examples:
      hoinghi explain page.txt
      hoinghi explain ../shared/corpus/pages.jsonl --id 0af3c1 --no-lines
      hoinghi explain page.html --json | jq .events
    """
    from hoinghi.explain import explain_panel, explanation
    from hoinghi.pipeline import explain as explain_page
    from hoinghi.read import ReadError, iter_pages

    page = None
    for item in iter_pages([path]):
        if isinstance(item, ReadError):
            continue
        if page_id is None or str(item.id) == page_id or str(item.stable_id()).startswith(page_id):
            page = item
            break
    if page is None:
        err.print(f"[red]error[/] no page{' with id ' + page_id if page_id else ''} could be read from {path}")
        sys.exit(1)
    data = explanation(explain_page(page))
    if as_json:
        _print_json(data)
    else:
        _console().print(explain_panel(data, show_lines=lines))


# --- the web app ---------------------------------------------------------------------------------------------------

@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless you mean it).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--ingest-token", envvar="HOINGHI_INGEST_TOKEN", default=None, metavar="TOKEN",
              help="Allow POST /api/ingest with `Authorization: Bearer TOKEN` (else read-only). $HOINGHI_INGEST_TOKEN.")
def serve(db, host, port, ingest_token):
    """Open the web app over the store: search, articles with their highlights, people, documents with the map
    of their cascade, events; the REST API under /api (OpenAPI at /api/openapi.json). Vietnamese first,
    English with ?lang=en or the switch in the header.

    \b
    Examples:
      hoinghi demo && hoinghi serve          # then open http://127.0.0.1:8000/
      hoinghi serve --db postgresql://user@localhost/hoinghi --port 8080
    """
    try:
        import uvicorn

        from hoinghi.web.app import create_app
    except ImportError as exc:
        raise click.ClickException(f"the web app needs its extra: pip install 'hoinghi[web]' ({exc})") from None
    store = _open(db)
    err.print(f"serving [bold]{store.name}[/] at [bold]http://{host}:{port}/[/]"
              + (" (ingest enabled)" if ingest_token else " (read-only)"))
    uvicorn.run(create_app(store, ingest_token=ingest_token), host=host, port=port, log_level="warning")


@main.command()
@click.argument("start_urls", nargs=-1, required=True, metavar="START_URL...")
@click.option("--warc", "warc_path", type=click.Path(dir_okay=False), default=None, metavar="OUT",
              help="Append the fetched pages to this WARC (OUT.warc.gz: a gzip member a record).")
@click.option("--ingest", is_flag=True, help="Extract and store the fetched pages as the crawl goes, then link.")
@db_option
@click.option("--delay", type=click.FloatRange(0), default=1.0, show_default=True, metavar="SECONDS",
              help="Between two requests to one host (robots.txt's Crawl-delay if longer).")
@click.option("--concurrency", type=click.IntRange(1), default=2, show_default=True, help="Requests at once per host.")
@click.option("--max-pages", type=click.IntRange(1), default=None, help="Stop after this many fetches (run again to resume).")
@click.option("--timeout", type=click.FloatRange(0.01), default=20.0, show_default=True, metavar="SECONDS")
@click.option("--retries", type=click.IntRange(0), default=3, show_default=True,
              help="Tries again after network errors, timeouts, 429 and 5xx, with backoff (Retry-After honoured).")
@click.option("--backoff", type=click.FloatRange(0), default=1.0, show_default=True, metavar="SECONDS",
              help="The first wait before a retry, doubled each time.")
@click.option("--max-wait", type=click.FloatRange(0), default=60.0, show_default=True, metavar="SECONDS",
              help="No wait (backoff, Retry-After, Crawl-delay) is longer.")
@click.option("--max-redirects", type=click.IntRange(0), default=5, show_default=True)
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
def crawl(start_urls, warc_path, ingest, db, delay, concurrency, max_pages, timeout, retries, backoff, max_wait,
          max_redirects, quiet):
    """Fetch the article pages of news portals: START_URL is a listing page (its links on the same host), a
    sitemap or sitemap index, or an RSS/Atom feed; robots.txt's `Sitemap:` lines are followed too. robots.txt is
    obeyed; the frontier is kept in the store (--db), so a stopped crawl resumes, and a finished one is revisited
    with conditional GET (unchanged pages are not fetched again).

    \b
    Examples:
      hoinghi crawl https://baoyenbai.com.vn/sitemap.xml --warc yb.warc.gz && hoinghi extract yb.warc.gz
      hoinghi crawl https://example.gov.vn/tin-tuc --ingest --delay 2
    """
    from rich.markup import escape

    from hoinghi.crawl import Options, Policy
    from hoinghi.crawl import crawl as run_crawl

    store = _open(db, create=True, need_articles=False)
    policy = Policy(timeout=timeout, retries=retries, backoff=backoff, max_wait=max_wait, max_redirects=max_redirects)
    options = Options(delay=delay, concurrency=concurrency, max_pages=max_pages, policy=policy, warc=warc_path,
                      ingest=ingest)
    stats = _fail(run_crawl, store, start_urls, options)
    if not quiet:
        for message in stats.messages[:20]:
            err.print(f"[yellow]{escape(message)}[/]")
        err.print(f"fetched [bold]{stats.fetched}[/], unchanged (304) {stats.unchanged}, errors {stats.errors}, "
                  f"forbidden by robots.txt {stats.blocked}; {stats.found} new URLs; {stats.archived} pages"
                  + (f" in {warc_path}" if warc_path else "") + (f"; {stats.stored} stored in {store.name}" if ingest else ""))
    store.close()


if __name__ == "__main__":  # pragma: no cover
    main()
