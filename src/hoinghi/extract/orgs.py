"""Organisations: party, state and mass bodies by their head nouns, with abbreviations expanded.

An organisation phrase starts with a head noun (`Ban`, `Bộ`, `Sở`, `Tỉnh ủy`, `UBND` … in `people.toml`) and runs
over capitalised words, abbreviations and the lower-case words that occur inside names (`organizations.toml`),
up to a verb, a punctuation mark or a person's name. `Thông tin đối ngoại (TTĐN)` defines an abbreviation that
later mentions use. `UBND tỉnh` is kept as printed in `abbreviation` and expanded in `name`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from hoinghi import lexicons
from hoinghi.extract.people import LO, UP
from hoinghi.model import Organization
from hoinghi.text import trie_regex

_TOKEN = re.compile(r"[^\s,.;:!?()“”\"'…]+|[,.;:!?()“”\"'…]")


@dataclass
class OrgMatch:
    org: Organization
    spans: list[tuple[int, int]] = field(default_factory=list)


class _Lex:
    def __init__(self) -> None:
        people = lexicons.load("people.toml")
        orgs = lexicons.load("organizations.toml")
        heads = sorted(people["org_heads"], key=len, reverse=True)
        # capitalised heads with no letter before them (checked after the first letter: see `trie_regex`)
        heads = trie_regex([h for h in heads if h[:1].isupper()], after_first=rf"(?<![{LO}{UP}].)")
        self.head = re.compile(rf"(?:{heads})(?![{LO}])")
        self.inner = set(orgs["inner_words"])
        self.pairs = {tuple(p.split()[:2]) for p in orgs["inner_pairs"]}
        self.not_orgs = re.compile(trie_regex(orgs["not_orgs"]))
        stops = set(orgs["stops"]) | {s for s in people["stops"] if s not in ("chỉ đạo", "trong", "với", "có")}
        self.stops: dict[str, list[list[str]]] = {}
        for stop in sorted(stops, key=len, reverse=True):
            words = stop.split()
            self.stops.setdefault(words[0], []).append(words)
        doc_kinds = ["Chỉ thị", "Nghị quyết", "Kết luận", "Quyết định", "Quy định", "Kế hoạch", "Đề án", "Hướng dẫn",
                     "Thông báo", "Luật", "Nghị định", "Thông tư", "Công văn", "Văn kiện", "Chương trình"]
        self.not_after_and = re.compile(
            r"(?:" + trie_regex(doc_kinds + people["heads"] + people["org_heads"]) + r")(?!\w)")
        self.kinds = [(k, re.compile(p)) for k, p in orgs["kinds"].items()]
        self.known = orgs["known"]
        self.abbreviations = people["abbreviations"]
        self.abbr = re.compile(r"(?<![\w])(" + "|".join(
            re.escape(a) for a in sorted(self.abbreviations, key=len, reverse=True)) + r")(?![\w])")


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
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")(?!\w)")


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
    blocked = sorted(person_spans)
    pos = 0
    for m in lx.head.finditer(text):
        if m.start() < pos or _inside(m.start(), blocked) or lx.not_orgs.match(text, m.start()):
            continue
        end, abbr = _phrase_end(text, m.end(), blocked, m.group().split()[-1][:1].isupper(), _Tokens(text, m.end()))
        printed = text[m.start():end]
        if abbr:
            # `Ban Chỉ đạo công tác Thông tin đối ngoại (TTĐN) tỉnh Thái Nguyên`: define TTĐN, drop it from the name
            inner, short = abbr
            defined[short] = text[inner[0]:inner[1]]
            printed = re.sub(r"\s*\(" + re.escape(short) + r"\)", "", printed)
        printed = printed.strip()
        if len(printed.split()) < 2 and printed not in lx.known and printed not in ("Tỉnh ủy", "Thành ủy", "Huyện ủy"):
            continue
        name = expand(printed, defined)
        key = name.casefold()
        om = found.get(key)
        if om is None:
            om = found[key] = OrgMatch(Organization(name=name, kind=kind_of(name),
                                                    abbreviation=printed if printed != name else None))
        om.spans.append((m.start(), end))
        pos = end
    return list(found.values())


_NEEDS_AHEAD = {",", "(", "phòng"}


class _Tokens(list):
    """The words and signs after an organisation's head, read a few at a time as the phrase needs them."""

    def __init__(self, text: str, start: int) -> None:
        super().__init__()
        self._more = _TOKEN.finditer(text, start, start + 120)

    def have(self, n: int) -> int:
        """Read until n tokens are at hand (or the text ends); how many there are."""
        while len(self) < n:
            t = next(self._more, None)
            if t is None:
                break
            tok = t.group()
            self.append((tok, t.start(), t.end(), tok.lower()))
        return len(self)


def _phrase_end(text: str, start: int, blocked, prev_cap: bool, toks: _Tokens) -> tuple[int, tuple | None]:
    """Where an organisation phrase whose head ends at `start` ends, and an abbreviation it defines:
    ((start, end) of the words it stands for, the abbreviation)."""
    lx = lex()
    end = start
    abbr = None
    caps_run = 0
    against = False
    i = 0
    while i < 16 and toks.have(i + 3) > i:
        tok, s, e, first = toks[i]
        if (end < s - 1 and "\n" in text[end:s]) or (blocked and _inside(s, blocked)):
            break
        stops = lx.stops.get(first) if tok[:1].islower() else None
        low = [t[3] for t in toks[i:i + 4]] if stops or first in _NEEDS_AHEAD or not tok[:1].isupper() else [first]
        if stops and any(low[: len(st)] == st for st in stops) and \
                not (low[:2] == ["tổ", "chức"] and _prev_is(toks, i, "các")):
            break
        if low[:3] == ["phòng", ",", "chống"]:  # `Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh`
            end, prev_cap, against = toks[i + 2][2], False, True
            i += 3
            continue
        if tok == "," and against and len(low) > 2 and (low[1], low[2]) in lx.pairs:
            i += 1  # the list of what it fights: `tham nhũng, tiêu cực`
            continue
        if tok == "(" and i + 2 < len(toks) and toks[i + 2][0] == ")" and toks[i + 1][0].isupper():
            short = toks[i + 1][0]
            words = list(re.finditer(r"\S+", text[start - 60 if start > 60 else 0: end]))[-len(short):]
            initials = "".join(w.group()[0] for w in words).upper()
            if len(words) == len(short) and initials == short.upper():
                base = start - 60 if start > 60 else 0
                abbr = ((base + words[0].start(), base + words[-1].end()), short)
            end = toks[i + 2][2]
            i += 3
            continue
        if not tok[0].isalnum():
            break
        if _is_cap(tok) or (tok.isupper() and len(tok) <= 6):
            if low[0] == "và" or (i > 0 and toks[i - 1][0] == "và" and lx.not_after_and.match(text, s)):
                break
            caps_run = caps_run + 1 if prev_cap else 1
            end, prev_cap = e, True
            i += 1
            continue
        # a lower-case syllable after one capitalised word is its second syllable (`Chỉ đạo`); after a run of
        # capitalised words (`Quảng Trị họp`) it is the next clause
        if prev_cap and caps_run >= 2 and tok not in ("và", "tỉnh", "huyện", "quận", "xã", "phường", "thành", "thị"):
            break  # `UBND tỉnh Yên Bái chỉ đạo`: a lower-case word after a proper name starts the clause
        if prev_cap and caps_run <= 1 and tok not in lx.inner and (low[0], low[1] if len(low) > 1 else "") not in lx.pairs:
            end, prev_cap = e, False  # the second syllable of a capitalised word: `Chỉ đạo`, `Ngoại giao`
            i += 1
            continue
        if len(low) > 1 and (low[0], low[1]) in lx.pairs:
            end, prev_cap = toks[i + 1][2], False
            i += 2
            continue
        if tok in lx.inner:
            if tok == "và" and (i + 1 >= len(toks) or not _is_cap(toks[i + 1][0]) or lx.not_after_and.match(text, toks[i + 1][1])):
                break
            end, prev_cap = e, False
            i += 1
            continue
        break
    tail = _DANGLING.search(text, start, end)
    if tail:
        end = tail.start()
    return end, abbr


_DANGLING = re.compile(r"(?:\s+(?:và|các|của|cùng|với))+$")


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether pos lies inside one of the sorted spans."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _prev_is(toks, i: int, word: str) -> bool:
    return i > 0 and toks[i - 1][3] == word
