"""Span look-ups whose cost does not grow with the number of spans found before, so that a step stays linear in
the length of a page: which offsets some span covers (`Cover`), and the items whose start falls in a range
(`ByStart`)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Cover:
    """The offsets of a text that some span covers, one byte an offset: adding a span and asking about one cost
    its length, however many spans there are. Spans are half-open, `(start, end)`; empty ones cover nothing."""

    __slots__ = ("_bits", "_size")

    def __init__(self, size: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._size = max(0, size)
        self._bits = bytearray(self._size)
        for s, e in spans:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        start, end = max(0, start), min(end, self._size)
        if end > start:
            self._bits[start:end] = b"\x01" * (end - start)

    def covers(self, at: int) -> bool:
        """Whether some span has `start <= at < end`."""
        return 0 <= at < self._size and self._bits[at] == 1

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares an offset with `[start, end)`."""
        start, end = max(0, start), min(end, self._size)
        return end > start and self._bits.find(1, start, end) != -1


class ByStart(Generic[T]):
    """Items sorted by where they start (stably: items that start together keep their order), to take those that
    start in a range by bisection."""

    __slots__ = ("items", "starts")

    def __init__(self, items: Iterable[T], start: Callable[[T], int]) -> None:
        self.items: list[T] = sorted(items, key=start)
        self.starts: list[int] = list(map(start, self.items))

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def between(self, lo: int, hi: int) -> Sequence[T]:
        """The items with `lo <= start < hi`, in order."""
        return self.items[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def first(self, lo: int, hi: int, ok: Callable[[T], bool] = lambda x: True) -> T | None:
        """The first item with `lo <= start < hi` that `ok` accepts."""
        for i in range(bisect_left(self.starts, lo), len(self.items)):
            if self.starts[i] >= hi:
                break
            if ok(self.items[i]):
                return self.items[i]
        return None
