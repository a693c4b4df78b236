"""Organisations: party, state and mass bodies by their head nouns, with abbreviations expanded.

An organisation phrase starts with a head noun (`Ban`, `Bộ`, `Sở`, `Tỉnh ủy`, `UBND` … in `people.toml`) and runs
over capitalised words, abbreviations and the lower-case words that occur inside names (`organizations.toml`),
up to a verb, a punctuation mark or a person's name. `Thông tin đối ngoại (TTĐN)` defines an abbreviation that
later mentions use. `UBND tỉnh` is kept as printed in `abbreviation` and expanded in `name`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from hoinghi import lexicons
from hoinghi.extract.people import LO, UP
from hoinghi.model import Organization
from hoinghi.text import trie_regex

_WORD = re.compile(r"\S+")
_TOKEN = re.compile(r"[^\s,.;:!?()“”\"'…]+|[,.;:!?()“”\"'…]")


@dataclass
class OrgMatch:
    org: Organization
    spans: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""  # how it was found (`head noun 'UBND'`): for `hoinghi explain`


class _Lex:
    def __init__(self) -> None:
        people = lexicons.load("people.toml")
        orgs = lexicons.load("organizations.toml")
        abbreviations = lexicons.load("abbreviations.toml")
        heads = sorted(people["org_heads"], key=len, reverse=True)
        # capitalised heads with no letter before them (checked after the first letter: see `trie_regex`)
        heads = trie_regex([h for h in heads if h[:1].isupper()], after_first=rf"(?<![{LO}{UP}].)")
        self.head = re.compile(rf"(?:{heads})(?![{LO}])")
        self.inner = set(orgs["inner_words"])
        self.pairs = {tuple(p.split()[:2]) for p in orgs["inner_pairs"]}
        self.against_first = orgs["against"][0]
        self.against = [self.against_first, ",", orgs["against"][1]]  # as read by `_Tokens`: the comma a token
        self.not_orgs = re.compile(trie_regex(orgs["not_orgs"]))
        self.after_name = set(orgs["after_name_words"])
        self.kept_alone = set(orgs["kept_alone"])
        self.dangling = re.compile(rf"(?:\s+(?:{trie_regex(orgs['dangling_words'])}))+$")
        self.dangling_words = tuple(orgs["dangling_words"])  # a cheap test before `dangling`: the phrase ends so
        inside = set(orgs["people_stops_inside"])
        stops = set(orgs["stops"]) | {s for s in people["stops"] if s not in inside}
        self.stops: dict[str, list[list[str]]] = {}
        for stop in sorted(stops, key=len, reverse=True):
            words = stop.split()
            self.stops.setdefault(words[0], []).append(words)
        self.stop_not_after = {tuple(k.split()): set(v["not_after"]) for k, v in orgs["stop_guards"].items()}
        self.not_after_and = re.compile(
            r"(?:" + trie_regex(orgs["not_after_and"] + people["heads"] + people["org_heads"]) + r")(?!\w)")
        self.kinds = [(k, re.compile(p)) for k, p in orgs["kinds"].items()]
        self.known = orgs["known"]
        skip = set(abbreviations["document_kinds"])  # `NQ` is a document's kind, never part of a body's name
        self.abbreviations = {k: v for k, v in abbreviations["abbreviations"].items() if k not in skip}
        self.abbr = _abbr_pattern(tuple(self.abbreviations))
        # whether a head's last word is capitalised (`Ban Chấp hành`: no), by head as printed
        self.head_cap = {h: h.split()[-1][:1].isupper() for h in people["org_heads"]}


@cache
def lex() -> _Lex:
    return _Lex()


def expand(name: str, extra: dict[str, str] | None = None) -> str:
    """`UBND tỉnh Yên Bái` -> `Ủy ban nhân dân tỉnh Yên Bái`; `BCH Trung ương` -> `Ban Chấp hành Trung ương`;
    `extra`: abbreviations the text defines (`Thông tin đối ngoại (TTĐN)`)."""
    return _expand_cached(name, tuple(sorted(extra.items())) if extra else ())


@lru_cache(maxsize=16384)
def _expand_cached(name: str, extra_items: tuple) -> str:
    extra = dict(extra_items)
    lx = lex()
    if extra:  # abbreviations the text defines first: they may shadow the lexicon's
        name = _abbr_pattern(tuple(sorted(extra))).sub(lambda m: extra[m.group(1)], name)
    return lx.abbr.sub(lambda m: lx.abbreviations.get(m.group(1), m.group(1)), name)


@lru_cache(maxsize=256)
def _abbr_pattern(keys: tuple[str, ...]) -> re.Pattern:
    """Any of the abbreviations as a whole word, in group 1 (the boundary before it checked after its first
    letter: see `trie_regex`)."""
    return re.compile(r"(" + trie_regex(sorted(keys), after_first=r"(?<!\w.)") + r")(?!\w)")


@lru_cache(maxsize=16384)
def kind_of(name: str) -> str | None:
    lx = lex()
    if name in lx.known:
        return lx.known[name]
    for kind, pattern in lx.kinds:
        if pattern.search(name):
            return kind
    return None


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit()


def find_organizations(text: str, person_spans: list[tuple[int, int]] = ()) -> list[OrgMatch]:
    """Every organisation phrase in the text, merged by name, in order of first mention."""
    lx = lex()
    defined: dict[str, str] = {}
    found: dict[str, OrgMatch] = {}
    blocked = _blocked(sorted(person_spans), len(text))
    pos = 0
    for m in lx.head.finditer(text):
        start, head_end = m.span()
        if start < pos or (blocked and blocked[start]) or lx.not_orgs.match(text, start):
            continue
        head = m.group()
        end, abbr = _phrase_end(text, head_end, blocked, lx.head_cap[head], _Tokens(text, head_end))
        printed = text[start:end]
        if abbr:
            # `Ban Chỉ đạo công tác Thông tin đối ngoại (TTĐN) tỉnh Thái Nguyên`: define TTĐN, drop it from the name
            inner, short = abbr
            defined[short] = text[inner[0]:inner[1]]
            printed = re.sub(r"\s*\(" + re.escape(short) + r"\)", "", printed)
        printed = printed.strip()
        if len(printed.split()) < 2 and printed not in lx.known and printed not in lx.kept_alone:
            continue
        name = expand(printed, defined)
        key = name.casefold()
        om = found.get(key)
        if om is None:
            om = found[key] = OrgMatch(Organization(name=name, kind=kind_of(name),
                                                    abbreviation=printed if printed != name else None),
                                       rule=f"head noun '{head}'")
        om.spans.append((start, end))
        pos = end
    return list(found.values())


class _Tokens(list):
    """The words and signs after an organisation's head, read a few at a time as the phrase needs them: each as
    (token, start, end, lower case); `lows` holds the lower cases alone."""

    __slots__ = ("_more", "lows")

    def __init__(self, text: str, start: int) -> None:  # a new list is empty: no list.__init__ to call
        self._more = _TOKEN.finditer(text, start, start + 120)
        self.lows: list[str] = []

    def have(self, n: int) -> int:
        """Read until n tokens are at hand (or the text ends); how many there are."""
        lows = self.lows
        if len(lows) < n:
            for t in self._more:
                tok = t.group()
                low = tok.lower()
                s, e = t.span()
                self.append((tok, s, e, low))
                lows.append(low)
                if len(lows) >= n:
                    break
        return len(lows)


@dataclass(slots=True)
class _Phrase:
    """An organisation phrase as it is read: where it ends so far, the abbreviation it defines
    (((start, end) of the words it stands for, the abbreviation)), and what the words read so far tell."""
    text: str
    start: int  # where the head ends
    end: int
    prev_cap: bool  # the last word read is capitalised
    caps_run: int = 0  # capitalised words in a row
    against: bool = False  # after `phòng, chống`: a list of what it fights follows
    abbr: tuple | None = None


def _phrase_end(text: str, start: int, blocked, prev_cap: bool, toks: _Tokens) -> tuple[int, tuple | None]:
    """Where an organisation phrase whose head ends at `start` ends, and an abbreviation it defines:
    ((start, end) of the words it stands for, the abbreviation)."""
    lx = lex()
    ph = _Phrase(text, start, start, prev_cap)
    i = 0
    while i < 16 and (len(toks) > i or toks.have(i + 1) > i):
        taken = _take(ph, toks, i, blocked, lx)
        if not taken:
            break
        i += taken
    end = ph.end
    if text.endswith(lx.dangling_words, start, end):  # `Sở Ngoại vụ và`: without the words it ends with
        tail = lx.dangling.search(text, start, end)
        if tail:
            end = tail.start()
    return end, ph.abbr


def _take(ph: _Phrase, toks: _Tokens, i: int, blocked, lx: _Lex) -> int:
    """How many tokens from the i-th on the phrase takes (0: it ends before the i-th)."""
    tok, s, _e, first = toks[i]
    if (ph.end < s - 1 and "\n" in ph.text[ph.end:s]) or (blocked and blocked[s]):
        return 0
    c = tok[0]
    if (c.isupper() or c.isdigit()) and first != lx.against_first:  # the words after it are not needed
        return _take_capital(ph, toks, i, first, lx)
    if len(toks) < i + 3:
        toks.have(i + 3)
    low = toks.lows[i:i + 3]  # this token and the two after it, in lower case
    if tok[0].islower():
        stops = lx.stops.get(first)
        if stops and _is_stop(low, stops, toks, i, lx):
            return 0
    if first == lx.against_first and low == lx.against:  # `Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh`
        ph.end, ph.prev_cap, ph.against = toks[i + 2][2], False, True
        return 3
    if not c.isalnum():
        return _take_sign(ph, toks, i, low, lx)
    if c.isupper() or c.isdigit() or (tok.isupper() and len(tok) <= 6):
        return _take_capital(ph, toks, i, first, lx)
    return _take_lower(ph, toks, i, low, lx)


def _take_capital(ph: _Phrase, toks: _Tokens, i: int, first: str, lx: _Lex) -> int:
    """A capitalised word or an abbreviation (`first`: in lower case) goes on with the name, unless `và` joins a
    new phrase to it."""
    _tok, s, e, _ = toks[i]
    if first == "và" or (i > 0 and toks[i - 1][0] == "và" and lx.not_after_and.match(ph.text, s)):
        return 0
    ph.caps_run = ph.caps_run + 1 if ph.prev_cap else 1
    ph.end, ph.prev_cap = e, True
    return 1


def _is_stop(low: list[str], stops: list[list[str]], toks: _Tokens, i: int, lx: _Lex) -> bool:
    """Whether a stop opens the words `low` (`các tổ chức` goes on: a guarded stop after its guard word)."""
    for st in stops:
        if low[: len(st)] == st:
            guard = lx.stop_not_after.get(tuple(st))
            if not (guard and i > 0 and toks[i - 1][3] in guard):
                return True
    return False


def _take_sign(ph: _Phrase, toks: _Tokens, i: int, low: list[str], lx: _Lex) -> int:
    """A sign: the comma of a list of what a body fights, or an abbreviation in brackets; any other ends it."""
    tok = toks[i][0]
    if tok == "," and ph.against and len(low) > 2 and (low[1], low[2]) in lx.pairs:
        return 1  # the list of what it fights: `tham nhũng, tiêu cực`
    if tok == "(" and i + 2 < len(toks) and toks[i + 2][0] == ")" and toks[i + 1][0].isupper():
        ph.abbr = _defined_abbreviation(ph.text, ph.start, ph.end, toks[i + 1][0]) or ph.abbr
        ph.end = toks[i + 2][2]
        return 3
    return 0


def _defined_abbreviation(text: str, start: int, end: int, short: str) -> tuple | None:
    """`Thông tin đối ngoại (TTĐN)`: the words before the brackets whose initials spell `short`."""
    base = start - 60 if start > 60 else 0
    words = list(_WORD.finditer(text[base:end]))[-len(short):]
    initials = "".join(w.group()[0] for w in words).upper()
    if len(words) == len(short) and initials == short.upper():
        return (base + words[0].start(), base + words[-1].end()), short
    return None


def _take_lower(ph: _Phrase, toks: _Tokens, i: int, low: list[str], lx: _Lex) -> int:
    """A lower-case syllable after one capitalised word is its second syllable (`Chỉ đạo`); after a run of
    capitalised words (`Quảng Trị họp`) it is the next clause; a pair or a word of names goes on."""
    tok, _s, e, _ = toks[i]
    pair = len(low) > 1 and (low[0], low[1]) in lx.pairs
    if ph.prev_cap and ph.caps_run >= 2 and tok not in lx.after_name:
        return 0  # `UBND tỉnh Yên Bái chỉ đạo`: a lower-case word after a proper name starts the clause
    if ph.prev_cap and ph.caps_run <= 1 and tok not in lx.inner and not pair:
        ph.end, ph.prev_cap = e, False  # the second syllable of a capitalised word: `Chỉ đạo`, `Ngoại giao`
        return 1
    if pair:
        ph.end, ph.prev_cap = toks[i + 1][2], False
        return 2
    if tok in lx.inner:
        if tok == "và" and (i + 1 >= len(toks) or not _is_cap(toks[i + 1][0]) or
                            lx.not_after_and.match(ph.text, toks[i + 1][1])):
            return 0
        ph.end, ph.prev_cap = e, False
        return 1
    return 0


def _blocked(spans: list[tuple[int, int]], size: int) -> bytearray | None:
    """The offsets of a text of `size` characters that lie inside one of the sorted spans, one byte an offset
    (None: no spans). An offset is inside the last span that starts at or before it, if that span covers it."""
    if not spans:
        return None
    mask = bytearray(size)
    for k, (start, end) in enumerate(spans):
        if k + 1 < len(spans):
            end = min(end, spans[k + 1][0])
        start, end = max(start, 0), min(end, size)
        if end > start:
            mask[start:end] = b"\x01" * (end - start)
    return mask
