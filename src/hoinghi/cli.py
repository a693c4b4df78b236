"""The `hoinghi` command line."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from contextlib import nullcontext
from importlib import resources

import click
from rich.console import Console

err = Console(stderr=True, highlight=False)

EXAMPLES = "examples"


def example_path() -> str:
    """The small example corpus shipped with the package."""
    return str(resources.files("hoinghi").joinpath(EXAMPLES))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(package_name="hoinghi")
def main() -> None:
    """hoinghi reads Vietnamese official news pages and builds a searchable, linked record of the conferences
    they report: who chaired and spoke in what position, which party and state documents were studied, and
    where, from the hall in Hà Nội to each province's bridge point (điểm cầu).

    \b
    Start here:
      hoinghi extract --example --format table     what one record looks like
      hoinghi extract PAGES/ -o articles.jsonl     extract a folder of pages
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
        self.skipped: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []

    def report(self, console: Console = err, verb: str = "written") -> None:
        secs = time.perf_counter() - self.started
        rate = self.read / secs if secs > 0 else 0.0
        console.print(f"[bold]{self.read}[/] pages read, [bold]{self.written}[/] records {verb}, "
                      f"[bold]{len(self.skipped)}[/] skipped, {secs:.2f} s, {rate:,.0f} pages/s")
        for source, reason in self.skipped[:50]:
            console.print(f"  [yellow]skipped[/] {source}: {reason}")
        if len(self.skipped) > 50:
            reasons = Counter(r.split(":")[0] for _, r in self.skipped)
            console.print(f"  … and {len(self.skipped) - 50} more: " + ", ".join(f"{n}× {r}" for r, n in reasons.most_common(5)))
        for source, reason in self.warnings[:20]:
            console.print(f"  [dim]warning[/] {source}: {reason}")


def run_pipeline(inputs: list[str], engine: str, workers: int | None, summary: Summary, quiet: bool = False):
    """Read, extract, and yield (page, article) for every page that gave a record; errors go to the summary."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from hoinghi.engines import run
    from hoinghi.read import ReadError, count_pages, iter_pages

    total = count_pages(inputs)
    show = not quiet and (total is None or total > 1) and err.is_terminal
    progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("pages"),
                        TimeRemainingColumn(), console=err, transient=True, disable=not show)
    with progress if show else nullcontext():
        task = progress.add_task("extract", total=total)
        for item, art, error in run(iter_pages(inputs), engine=engine, workers=workers):
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


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              help="Where to write the records (JSON Lines); - is standard output.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True,
              help="jsonl: one record a line (the contract); json: one indented document; table: a summary to read.")
@click.option("--example", is_flag=True, help="Also read the small example corpus shipped with hoinghi.")
@click.option("--engine", type=click.Choice(["auto", "local", "process", "ray"]), default="local", show_default=True,
              help="Run the pages in this process, a process pool, or on a Ray cluster.")
@click.option("-j", "--workers", type=int, default=None, help="Worker processes for --engine process (default: cores).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def extract(paths, output, fmt, example, engine, workers, quiet):
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
    """
    summary = Summary()
    out = click.open_file(output, "w", encoding="utf-8")
    records = []
    with out:
        for _page, art in run_pipeline(_inputs(paths, example), engine, workers, summary, quiet):
            if fmt == "jsonl":
                out.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
            elif fmt == "json":
                records.append(art.to_dict())
            else:
                from hoinghi.report import article_table

                console = Console(file=out, highlight=False) if output != "-" else Console(highlight=False)
                console.print(article_table(art))
            summary.written += 1
        if fmt == "json":
            json.dump(records, out, ensure_ascii=False, indent=1)
            out.write("\n")
    if not quiet:
        summary.report()
    if summary.read and not summary.written:
        sys.exit(1)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="hoinghi-example.jsonl", show_default=True,
              help="Where to write the example records.")
def demo(output):
    """Run hoinghi on the example corpus shipped with it and show what it found.

    Extracts the example pages (a national conference on Kết luận 57-KL/TW reported from several provinces'
    bridge points, and a few more) into OUTPUT and prints each record as a table.
    """
    from hoinghi.report import article_table

    summary = Summary()
    console = Console(highlight=False)
    with open(output, "w", encoding="utf-8") as out:
        for _page, art in run_pipeline([example_path()], "local", None, summary, quiet=True):
            out.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
            summary.written += 1
            console.print(article_table(art))
    summary.report(console)
    console.print(f"records written to [bold]{output}[/]")


if __name__ == "__main__":  # pragma: no cover
    main()
