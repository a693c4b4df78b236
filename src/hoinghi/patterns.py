"""What a regular expression must contain or start with, read from Python's own parse of it (`re._parser`) when
the pattern is loaded: so a rule kept as data is tried only where it can match.

- `Sought(pattern)`: the pattern searched only from the literals every match holds (`search`, `finditer`);
- `first_chars(pattern)`: the ASCII characters a match can start with (a pattern per first character);
- `required_literal(pattern)`: the literal text every match starts with (a cheap `in` before a search).
"""

from __future__ import annotations

import re
from re import _constants as c
from re import _parser


class Sought:
    """A pattern looked for only where it can match. Every match holds one of the literals `needs`, read from the
    pattern's parse at load time (a run of plain characters it must match, or one in each of its alternatives), at
    most `reach` characters after its start: a text without them is not scanned, and a scan starts just before the
    first one. (For patterns `re` can scan for no prefix of, which it tries at every position: its look-behinds
    see the text before the scan's start, so the matches are the same.)"""

    __slots__ = ("needs", "pattern", "reach")

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        needed = None if self.pattern.flags & re.IGNORECASE else _needed(_parser.parse(pattern).data)
        self.needs, self.reach = needed if needed else ((), 0)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        start = self._start(text, pos)
        return None if start == -1 else self.pattern.search(text, start)

    def finditer(self, text: str) -> list[re.Match[str]]:
        out, pos = [], 0
        while (start := self._start(text, pos)) != -1 and (m := self.pattern.search(text, start)):
            out.append(m)
            pos = m.end()
        return out

    def _start(self, text: str, pos: int) -> int:
        """Where a match at or after `pos` may start (-1: nowhere)."""
        if not self.needs:
            return pos
        found = [at for word in self.needs if (at := text.find(word, pos)) != -1]
        return max(pos, min(found) - self.reach) if found else -1


_Needs = tuple[tuple[str, ...], int]  # literals one of which a match holds, and how far after its start at most


def _needed(items: list) -> _Needs | None:
    """The literals one of which every match of the parsed sequence `items` holds (its longest run of plain
    characters, or a group of alternatives each holding one), and how far after the match's start they stand."""
    best, run, run_at = None, "", 0
    for k, (op, av) in enumerate([*items, (None, None)]):
        if op is c.LITERAL:
            run, run_at = run + chr(av), run_at if run else k
            continue
        if len(run) >= 2:
            best = _better(best, ((run,), _width(items[:run_at])))
        run = ""
        if op is c.BRANCH:
            alts = [_needed(alt.data) for alt in av[1]]
            if all(alts):
                best = _better(best, (_fewest({w for words, _r in alts for w in words}),
                                      _width(items[:k]) + max(r for _w, r in alts)))
        elif op is c.SUBPATTERN and not av[1] and not av[2]:  # (a group that sets no flags)
            inner = _needed(av[3].data)
            best = _better(best, inner and (inner[0], _width(items[:k]) + inner[1]))
    return best


def _fewest(words: set[str]) -> tuple[str, ...]:
    """The words, less those that hold another (a text holding `kết hợp trực tuyến` holds ` trực tuyến`)."""
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))


def _width(items: list) -> int:
    """The most characters the parsed sequence `items` can match (a large number when unbounded)."""
    return _parser.SubPattern(_parser.State(), items).getwidth()[1]


def _better(a: _Needs | None, b: _Needs | None) -> _Needs | None:
    """Of two sets of needed literals, the one whose shortest literal is longer (the fewer literals, else)."""
    if a is None or b is None:
        return a or b
    def key(n: _Needs) -> tuple[int, int]:
        return min(map(len, n[0])), -len(n[0])
    return b if key(b) > key(a) else a


def first_chars(pattern: str) -> frozenset[str] | None:
    """The ASCII characters a match of `pattern` can start with (a superset: look-arounds are passed over); None
    when it can start with any or match nothing."""
    first, empty = _seq_firsts(_parser.parse(pattern))
    return None if first is None or empty else frozenset(first)


def _seq_firsts(items) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence can match nothing) of parsed pattern items; None: any character."""
    out: set[str] = set()
    for op, av in items:
        first, empty = _op_firsts(op, av)
        if first is None:
            return None, True
        out |= first
        if not empty:
            return out, False
    return out, True


def _op_firsts(op, av) -> tuple[set[str] | None, bool]:
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        return _class_chars(av), False
    if op is c.SUBPATTERN:
        return (None, True) if av[1] & c.SRE_FLAG_IGNORECASE else _seq_firsts(av[3])
    if op is c.ATOMIC_GROUP:
        return _seq_firsts(av)
    if op is c.BRANCH:
        alts = [_seq_firsts(alt) for alt in av[1]]
        if any(first is None for first, _ in alts):
            return None, True
        return set().union(*(first for first, _ in alts)), any(empty for _, empty in alts)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        first, empty = _seq_firsts(av[2])
        return first, empty or av[0] == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # no character of its own
        return set(), True
    return None, True


_CLASS_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                     "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _class_chars(items) -> set[str] | None:
    """The ASCII characters a character class (`[…]`, `\\d`) takes."""
    def takes(ch: str) -> bool:
        o = ord(ch)
        for op, av in items:
            if (op is c.LITERAL and av == o) or (op is c.RANGE and av[0] <= o <= av[1]) or \
                    (op is c.CATEGORY and re.fullmatch(_CLASS_CATEGORIES[str(av)], ch)):
                return True
        return False

    if any(op is c.CATEGORY and str(av) not in _CLASS_CATEGORIES for op, av in items) or \
            any(op not in (c.LITERAL, c.RANGE, c.CATEGORY, c.NEGATE) for op, _ in items):
        return None
    negate = any(op is c.NEGATE for op, _ in items)
    return {ch for ch in map(chr, range(128)) if takes(ch) != negate}


def required_literal(pattern: str) -> str:
    """The literal text every match of `pattern` starts with, past boundary assertions (`\\btran trong (…)` ->
    `tran trong `); "" when it opens otherwise (a group, a class, an optional character)."""
    out = []
    for op, av in _parser.parse(pattern):
        if op is c.AT and not out:
            continue
        if op is not c.LITERAL:
            break
        out.append(chr(av))
    return "".join(out)
