"""The steps of one page, declared: read's `Page` in, the contract's `Article` out.

    layout -> dates -> people -> places -> organizations -> documents -> entities -> events

Each step (`hoinghi.steps`) is registered by name, says what it reads and what it adds, and works on one working
record, `Doc`: the page, the article being built, and the spans found so far (a label, offsets, the rule that made
them), as datatrove's `PipelineStep.run` and spaCy's registered components do. `Pipeline` runs the list; every
engine (a loop, a process pool, Ray) runs the same list unchanged.

`Pipeline.run` never raises for a page's content but one: a step that raises adds a warning (`step events failed:
…`) and the rest of the record is kept; a page that runs past the time limit (`time_limit`, 5 s by default) is kept
with what was done, and a warning names the steps left undone. A page with more text than `size_limit` (2 MB of
UTF-8 by default; HTML may be ten times that before its text is taken out) is not extracted: `run` raises
`PageTooLarge` (`page too large: 12.3 MB of text (limit 2 MB)`), which the engines report as the page's reason for
being skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from hoinghi.model import Article, Page

DEFAULT_TIME_LIMIT = 5.0
DEFAULT_SIZE_LIMIT = 2_000_000  # bytes of UTF-8 text a page may have
HTML_SIZE_FACTOR = 10  # HTML may be that many times larger: its text is what counts


@dataclass(slots=True)
class Span:
    """Something a step found in the article's text: its label, offsets, the rule that made it, and the index
    of the entity it belongs to in the article's list of that label (people, places …)."""

    label: str
    start: int
    end: int
    text: str
    rule: str = ""
    ref: int | None = None


@dataclass
class Doc:
    """The working record one page carries through the steps."""

    page: Page
    article: Article
    layout: Any = None  # clean.Layout: every line with its label and the rule that labelled it
    base: dt.date | None = None  # what dates without a year are resolved against
    base_source: str | None = None
    base_precision: str | None = None  # how much of `base` is known: day, month or year
    found: dict[str, list] = field(default_factory=dict)  # each recogniser's raw matches, by step name
    spans: list[Span] = field(default_factory=list)
    why: list[tuple[int, str, str]] | None = None  # (event index, field, reason), kept only when explaining
    failed: list[str] = field(default_factory=list)  # steps that raised or were cut by the time limit

    @property
    def text(self) -> str:
        return self.article.text


@dataclass(frozen=True)
class Step:
    """One named step: `run(doc)` reads the fields in `reads` and adds those in `adds`."""

    name: str
    run: Callable[[Doc], None]
    reads: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()
    doc: str = ""


REGISTRY: dict[str, Step] = {}
DEFAULT_STEPS = ("layout", "dates", "people", "places", "organizations", "documents", "entities", "events")


def step(name: str, reads: Iterable[str] = (), adds: Iterable[str] = ()):
    """Register a function of a `Doc` as the step `name` (a decorator)."""

    def register(fn: Callable[[Doc], None]) -> Callable[[Doc], None]:
        if name in REGISTRY:
            raise ValueError(f"a step named {name!r} is registered already")
        REGISTRY[name] = Step(name, fn, tuple(reads), tuple(adds), (fn.__doc__ or "").strip())
        return fn

    return register


def get_step(name: str) -> Step:
    import hoinghi.steps  # noqa: F401  (registers the default steps)

    try:
        return REGISTRY[name]
    except KeyError:
        raise ValueError(f"no step named {name!r}; known: {', '.join(sorted(REGISTRY))}") from None


class PageTimeout(Exception):
    """Raised inside a step when the page has used up its time."""


class PageTooLarge(ValueError):
    """A page with more text than the pipeline's size limit: it is skipped, not extracted."""


def _mb(n: int) -> str:
    """`12.3 MB`, `2 MB`; a size under 0.1 MB in bytes."""
    return f"{n / 1e6:.1f}".removesuffix(".0") + " MB" if n >= 100_000 else f"{n} bytes"


def check_size(text: str | None, limit: int | None, what: str = "text") -> None:
    """Raise `PageTooLarge` when `text` has more than `limit` bytes of UTF-8 (a string of n characters has n to 4n
    bytes: most pages are let through without encoding them)."""
    if not text or not limit or len(text) * 4 <= limit:
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise PageTooLarge(f"page too large: {_mb(size)} of {what} (limit {_mb(limit)})")


class Pipeline:
    """A list of steps run in order over one page at a time, each with its own error handler."""

    def __init__(self, steps: Iterable[str] = DEFAULT_STEPS, time_limit: float | None = DEFAULT_TIME_LIMIT,
                 size_limit: int | None = DEFAULT_SIZE_LIMIT):
        self.steps = [get_step(name) for name in steps]
        self.time_limit = time_limit
        self.size_limit = size_limit  # bytes of UTF-8 text; None: no limit

    def __reduce__(self):  # steps travel to worker processes by name
        return (Pipeline, ([s.name for s in self.steps], self.time_limit, self.size_limit))

    def check_size(self, page: Page) -> None:
        """Raise `PageTooLarge` for a page over the size limit (its text; else its HTML, which may be
        `HTML_SIZE_FACTOR` times larger)."""
        if page.text is not None:
            check_size(page.text, self.size_limit)
        elif self.size_limit:
            check_size(page.html, self.size_limit * HTML_SIZE_FACTOR, "HTML")

    def start(self, page: Page, explain: bool = False) -> Doc:
        return Doc(page=page, article=Article(id=page.stable_id(), url=page.url), why=[] if explain else None)

    def run(self, page: Page, explain: bool = False) -> Doc:
        """The page's working record after the steps; raises `PageTooLarge` for a page over the size limit."""
        self.check_size(page)
        if self.time_limit and not _WARM:
            warm(self.steps)  # lexicons load once a process, outside any page's time limit
        doc = self.start(page, explain)
        deadline = time.monotonic() + self.time_limit if self.time_limit else None
        from_html = page.text is None
        with _alarm(self.time_limit):
            for i, s in enumerate(self.steps):
                if deadline is not None and time.monotonic() > deadline:
                    self._out_of_time(doc, self.steps[i:])
                    break
                try:
                    s.run(doc)
                except PageTimeout:
                    self._out_of_time(doc, self.steps[i:])
                    break
                except Exception as exc:  # one step's bug must not cost the rest of the record
                    doc.failed.append(s.name)
                    doc.article.warnings.append(f"step {s.name} failed: {type(exc).__name__}: {exc}")
                if from_html and page.text is not None:  # the text taken out of the HTML counts
                    from_html = False
                    check_size(page.text, self.size_limit)
        return doc

    def _out_of_time(self, doc: Doc, left: list[Step]) -> None:
        doc.failed.extend(s.name for s in left)
        doc.article.warnings.append(f"page took longer than {self.time_limit:g} s: steps not run: "
                                    + ", ".join(s.name for s in left))

    def __call__(self, page: Page) -> Article:
        return self.run(page).article


_WARM = False
_WARM_PAGE = """Tỉnh ủy quán triệt Kết luận số 57-KL/TW

Cập nhật: 16-12-2021 | 09:12

Sáng 14-12, Ban Thường vụ Tỉnh ủy Yên Bái tổ chức Hội nghị trực tuyến quán triệt Kết luận số 57-KL/TW ngày 15/6/2023
của Bộ Chính trị tới 9 điểm cầu huyện, thị xã. Đồng chí Đỗ Đức Duy, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy chủ trì.
"""


def warm(steps: list[Step]) -> None:
    """Run the steps once on a small page with no time limit, so that each lexicon is loaded and compiled before a
    page's clock starts (on a slow or busy machine loading them may take longer than a page may)."""
    global _WARM
    _WARM = True
    doc = Doc(page=Page(id="warm", text=_WARM_PAGE), article=Article(id="warm"))
    for s in steps:
        if s.name in DEFAULT_STEPS:  # the shipped steps hold the lexicons; others may do anything
            with contextlib.suppress(Exception):  # a step failing here fails again, with its warning, on a page
                s.run(doc)


class _alarm:
    """Interrupt a step that runs past the page's time limit (main thread of a POSIX process only; elsewhere the
    limit is checked between steps)."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.armed = bool(seconds) and hasattr(signal, "setitimer") and \
            threading.current_thread() is threading.main_thread()

    def __enter__(self):
        if self.armed:
            self.previous = signal.signal(signal.SIGALRM, _raise_timeout)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False


def _raise_timeout(signum, frame):
    raise PageTimeout()


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract_page(page: Page, pipeline: Pipeline | None = None) -> Article:
    """The record of one page through the default steps (or `pipeline`'s)."""
    return (pipeline or default_pipeline()).run(page).article


def extract(text: str | None = None, html: str | None = None, url: str | None = None,
            id: str | None = None, date: str | None = None) -> Article:
    """Extract one page given as flattened text or as HTML. `date` is the page's date known from outside."""
    return extract_page(Page(id=id, url=url, text=text, html=html, date=date))


def explain(page: Page, pipeline: Pipeline | None = None) -> Doc:
    """The working record of one page with every reason kept: lines and their rules, spans and their rules, and
    why each event field got its value."""
    return (pipeline or default_pipeline()).run(page, explain=True)
