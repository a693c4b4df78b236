"""People and their positions: a recogniser written for Vietnamese official news.

A person is a Vietnamese full name (a family name from the lexicon, then capitalised syllables) or any capitalised
name after an honorific or a title. Positions come from a grammar of official titles on either side of the name:

    [honorific] [POSITION, …] NAME [, POSITION | - POSITION | (POSITION)] …

where POSITION = [Phó|Tổng|nguyên] HEAD [modifiers] [body], ending at a clause word (`chủ trì`, `phát biểu` …).
A later title without a name (`Tổng Bí thư nhấn mạnh`, `đồng chí Bí thư Tỉnh ủy`) refers back to the person
first named with it. The lexicon is `lexicons/people.toml`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from hoinghi import lexicons
from hoinghi.model import Person
from hoinghi.text import LOWER, UPPER, trie_regex

UP, LO = UPPER, LOWER
SYL = f"[{UP}][{LO}]*"
_NO_LETTER_BEFORE = rf"(?<![{LO}{UP}].)"  # written after a word's first letter: see `trie_regex`


@dataclass
class PersonMatch:
    person: Person
    spans: list[tuple[int, int]] = field(default_factory=list)  # name mentions
    position_spans: list[tuple[int, int, str]] = field(default_factory=list)
    # how the name was found (`surname lexicon`, `after honorific 'ông'`, `latin name after title`), and which rule
    # found each mention and each position (in the order of `spans` and `position_spans`): for `hoinghi explain`
    rule: str = ""
    span_rules: list[str] = field(default_factory=list)
    position_rules: list[str] = field(default_factory=list)


class _Lex:
    def __init__(self) -> None:
        lex = lexicons.load("people.toml")
        self.surnames = set(lex["surnames"])
        self.not_people = set(lex["not_people"])
        self.not_name_syl = set(lex["not_name_syllables"])
        self.name_ok_after_surname = set(lex["name_syllables_after_surname"])
        self.honorifics = sorted(lex["honorifics"], key=len, reverse=True)
        self.honorific_positions = set(lex["honorific_positions"])
        head = _head_pattern(lex)
        self.head = re.compile(head)
        self.head_at_start = re.compile(rf"^(?:{head})")
        self.title_after_and = re.compile(rf"\s(?:và|cùng)\s+(?:(?:ông|bà|đồng chí|các)\b|(?:{head})|(?=[{LO}0-9]))")
        self.stop = re.compile(_stop_pattern(lex["stops"], lex["stop_guards"]))
        org_alt = "|".join(re.escape(o) for o in sorted(lex["org_heads"], key=len, reverse=True))
        self.org_at_start = re.compile(rf"^(?:{org_alt})(?![{LO}])")
        self.compounds = {k: re.compile(rf"(?:{v})(?![{LO}])") for k, v in lex["compounds"].items()}
        self.name, self.any_name = _name_patterns(self.surnames)
        hon_alt = trie_regex(self.honorifics)
        # an honorific and the space after it; where it starts is checked in Python (a look-behind here costs more)
        self.honorific = re.compile(rf"(?:{hon_alt}) ")
        # any capitalised name after an honorific (names of ethnic minorities, foreigners: `Chẩu Văn Lâm`)
        # the name after an honorific, matched where `find` has found the honorific
        self.cued_tail = re.compile(rf"[ ]+((?:{SYL})(?:[ ](?:{SYL}|[{UP}][{LO}]*-[{LO}]+)){{1,5}})")
        self.honorific_before = re.compile(rf"(?:^|(?<=[\s(,;:]))({hon_alt})\s*$")
        self.trailing = re.compile(rf"(?:[\s,;.\-–…]+|\s+(?:{trie_regex(lex['trailing_words'])})\b)+$")
        self.joined_end = re.compile(rf"\s(?:{trie_regex(lex['joining_words'])})$")
        # A position that names a sub-unit (`Vụ trưởng Vụ Tây Âu và Bắc Mỹ`) may go on with its parent after a comma.
        self.sub_unit = re.compile(rf"\s(?:{trie_regex(lex['sub_units'])})\s+[{UP}]")
        self.street = re.compile(rf"(?:số\s*\d+[A-Za-z]?|{trie_regex(lex['street_words'])})\s+$")
        self.unit_then_place = re.compile(rf"(.*?(?:{trie_regex(lex['units_before_place'])}))(?: [{UP}][{LO}]*)+$")


def _head_pattern(lex: dict) -> str:
    """A head with its prefixes: `Phó Bí thư`, `Tổng Bí thư`, `nguyên Phó Trưởng ban`, `Phó trưởng Ban`; heads as
    printed, and in the Title Case some portals and headlines use (`Bộ Trưởng Quốc phòng`)."""
    heads = sorted({v for h in lex["heads"] for v in (h, " ".join(w[:1].upper() + w[1:] for w in h.split()))
                    if v[:1].isupper() or v == h}, key=len, reverse=True)
    prefixes = "|".join(re.escape(p) for p in lex["head_prefixes"])
    head_alt = trie_regex(heads)
    low_alt = trie_regex(lex["heads_after_prefix"])
    return rf"(?:(?:{prefixes})\s+)+(?:{head_alt}|{low_alt})(?![{LO}])|(?:{head_alt})(?![{LO}])"


def _stop_pattern(stops: list[str], guards: dict[str, dict]) -> str:
    """The words that end a position phrase, whole words; a guarded one (`dự`) not next to its guard's words."""
    alts = [trie_regex([s for s in stops if s not in guards], after_first=_NO_LETTER_BEFORE)]
    for word in (s for s in stops if s in guards):
        behind = "".join(f"(?<!{re.escape(w)}.)" for w in guards[word].get("not_after", ()))
        ahead = "".join(f"(?!{re.escape(w)})" for w in guards[word].get("not_before", ()))
        alts.append(re.escape(word[0]) + _NO_LETTER_BEFORE + behind + re.escape(word[1:]) + ahead)
    return rf"(?:{'|'.join(alts)})(?![{LO}])"


def _name_patterns(surnames: set[str]) -> tuple[re.Pattern, re.Pattern]:
    """A name: a surname, then capitalised syllables, with no word character before it (checked after its first
    letter, so that `re` scans for the letters): one branch for each first letter. And one pass for both kinds of
    name: those branches and, for A-Z, a run of words in Latin script (`Xaysomphone Phomvihane`) after each letter's
    surnames."""
    tail = rf"(?:[ ](?:{SYL})){{1,4}}(?![{LO}{UP}\w])"
    by_first: dict[str, list[str]] = {}
    for name in surnames:
        if name[:1].isupper():
            by_first.setdefault(name[0], []).append(name[1:])
    surname = {first: re.escape(first) + r"(?<!\w.)" + trie_regex(sorted(rests)) + tail
               for first, rests in by_first.items()}
    branches = []
    for first in sorted(set(surname) | set(string.ascii_uppercase)):
        if first in surname:
            branches.append(surname[first])
        if first in string.ascii_uppercase:
            branches.append(first + _LATIN_REST)
    return re.compile("|".join(surname[first] for first in sorted(surname))), re.compile("|".join(branches))


@cache
def lex() -> _Lex:
    return _Lex()


def _trim_name(words: list[str], is_place: Callable[[str], bool], next_word: str = "",
               is_region: Callable[[str], bool] = lambda s: False) -> tuple[int, int] | None:
    """Which words of a candidate are the name: drop leading place names (`Hà Tĩnh Lê Đình Sơn`) and trailing
    title words; None when what is left is no name."""
    lx = lex()
    start = _after_leading_place(words, is_place, lx)
    end = _compound_end(words, start, _syllables_end(words, start, lx), next_word, lx)
    if end - start < 2:
        return None
    name = " ".join(words[start:end])
    if name in lx.not_people or is_place(name):
        return None
    if end - start <= 3 and is_region(" ".join(words[start + 1:end])):
        return None  # `Đoàn Việt Nam`, `Đoàn Lào`: a delegation, not a person
    return start, end


def _after_leading_place(words: list[str], is_place: Callable[[str], bool], lx: _Lex) -> int:
    """Where the name starts after a place printed before it (`Hà Tĩnh Lê Đình Sơn`): 0 when there is none."""
    for k in (3, 2):
        if len(words) - k >= 2 and is_place(" ".join(words[:k])) and words[k] in lx.surnames:
            return k
    return 0


def _syllables_end(words: list[str], start: int, lx: _Lex) -> int:
    """The end of the run of name syllables after the surname at `start`, before a title's or a body's word."""
    end = start + 1
    while end < len(words) and (words[end] not in lx.not_name_syl or words[end] in lx.name_ok_after_surname):
        end += 1
    return end


def _compound_end(words: list[str], start: int, end: int, next_word: str, lx: _Lex) -> int:
    """The name's end, corrected for a last capital that does or does not open a common noun with the next word."""
    if end == len(words) - 1 and end - start >= 2 and words[end] in lx.compounds and \
            not lx.compounds[words[end]].match(next_word):
        return end + 1  # `Nguyễn Thanh Nghị,`, `Đinh Hữu Học,`: the last syllable opens no `Nghị quyết`, `Học viện`
    if end == len(words) and next_word and lx.compounds.get(words[end - 1]) and \
            lx.compounds[words[end - 1]].match(next_word):
        return end - 1  # `Từ Hội nghị`, `… Đại hội`: the last capital opens a common noun, not a name
    return end


def _split_parts(segment: str) -> list[tuple[str, int, str]]:
    """Split on commas and semicolons, keeping each part's offset and the separator before it."""
    parts, pos, sep = [], 0, ""
    for m in _PART_SEP.finditer(segment):
        parts.append((segment[pos:m.start()], pos, sep))
        pos, sep = m.end(), m.group()
    parts.append((segment[pos:], pos, sep))
    return parts


def _position_in(part: str, at_start: bool) -> tuple[int, int, bool] | None:
    """The position phrase in a part: (start, end, former). At the start of the part for chains after a name;
    the leftmost head whose phrase runs clean to the part's end for titles before a name."""
    stripped = part.strip()
    offset = len(part) - len(part.lstrip())
    found = _position_at_start(stripped, lex()) if at_start else _position_to_end(stripped, lex())
    return None if found is None else (offset + found[0], offset + found[1], False)


def _position_at_start(stripped: str, lx: _Lex) -> tuple[int, int] | None:
    """A position that opens the text, up to a stop word or a second title (`… và Chủ tịch …`)."""
    m = lx.head_at_start.match(stripped)
    if not m:
        return None
    stop = lx.stop.search(stripped, m.end())
    end = stop.start() if stop else len(stripped)
    joint = lx.title_after_and.search(stripped, m.end(), end)
    if joint:
        end = joint.start()
    return 0, len(lx.trailing.sub("", stripped[:end]))


def _position_to_end(stripped: str, lx: _Lex) -> tuple[int, int] | None:
    """The leftmost head whose phrase runs clean (no stop word, no joining word at its end) to the text's end."""
    for m in lx.head.finditer(stripped):
        rest = stripped[m.start():]
        if lx.stop.search(rest) or lx.joined_end.search(rest):
            continue
        return m.start(), len(stripped)
    return None


# (the boundary before it is checked after its first letter: see `trie_regex`)
_LATIN_REST = r"(?<![\w-].)[a-z]+(?:[ -][A-Z][a-z]+){1,3}(?![\w-])"  # a run in Latin script, after its letter
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# a Vietnamese syllable without its marks: initial consonant, vowels, final consonant
_VN_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")
_LIST_HEAD = re.compile(r"[Cc]ác\s+([^.;:\n]{3,80}?)\s+(?:gồm(?: có)?|là)\s*:?\s*(?:(?:ông|bà|đồng chí)\s+)?$")
_PLURAL_BEFORE = re.compile(r"(?:^|\s)[Cc]ác\s+$")
_NEXT_IN_LIST = re.compile(r"\s*(?:,|và|,\s*và)\s*(?:(?:ông|bà|đồng chí)\s+)?")
_CREDIT = re.compile(r"(?:[ẢảAa]nh|Photo|Nguồn)\s*:\s*$")
_CLAUSE_MARKS = ".;:!?\n()“”\""
_PART_SEP = re.compile(r"[,;]")
_PHOTO_NOTE = re.compile(r"\s*(?:\((?:đứng|ngồi|giữa|trái|phải|thứ \w+ từ \w+)[^)]*\))?\s*")
_CHAIN_END = re.compile(r"[.:\n(“\"]|\s[-–—]\s")
_FORMER_END = re.compile(r"(?:^|\s)(?:nguyên|Nguyên)\s+$")
_FORMER_BEFORE = re.compile(r"(?:^|\s)(?:nguyên|Nguyên)\s*$")
_ONLY_HONORIFIC = re.compile(r"\s*(?:(?:đồng chí|Đồng chí|các đồng chí|Các đồng chí|nguyên|Nguyên)\s*)*")
_NEXT_WORD = re.compile(r" ([^\s,.;:]+)")
_FORMER = re.compile(r"^(?:nguyên|Nguyên|nguyên là)\s+")
_AGE = re.compile(r"\s*,\s*\d{1,3}\s+tuổi(?=\s*[,;])")
_APPOINT = r"(?:được\s+(?:tín nhiệm\s+)?(?:tái\s+)?(?:bầu|bổ nhiệm|chỉ định)\s+(?:giữ chức(?: vụ)?|làm)|(?:tái\s+)?giữ chức(?: vụ)?|làm)"
_APPOINTED = re.compile(rf"\s*{_APPOINT}\s+")

# The rules a position span is found by (`PersonMatch.position_rules`).
BEFORE, AFTER, BRACKETS, APPOINTED, PLURAL = ("title before name", "chain after name", "in brackets after name",
                                               "appointment verb", "plural title before a list")
# A position found in a chain: (start, end, former, rule).
_Span = tuple[int, int, bool, str]


def _chain_after(text: str, pos: int, limit: int,
                 is_place: Callable[[str], bool] = lambda s: False) -> tuple[list[_Span], int]:
    """Positions after a name at `pos`: `, A, B`, ` - A, B`, ` (A)`; spans and where the chain ended."""
    lx = lex()
    pos = _after_notes(text, pos, limit)
    segment = _chain_segment(text, pos, limit, lx) if pos < limit else None
    if segment is None:
        return [], pos
    seg_start, seg_end, rule = segment
    spans: list[_Span] = []
    parts = _split_parts(text[seg_start:seg_end])
    for n, (part, off, sep) in enumerate(parts):
        runs_on = n == len(parts) - 1 and seg_end == limit < len(text)
        if not _read_chain_part(text, part, seg_start + off, sep or ",", runs_on, spans, rule, is_place, lx):
            break
    return spans, seg_end


def _after_notes(text: str, pos: int, limit: int) -> int:
    """Skip a photo note (`(đứng giữa)`) and an age (`ông Trần Huy Tuấn, 46 tuổi, Phó Bí thư Tỉnh ủy`)."""
    pos = _PHOTO_NOTE.match(text, pos, limit).end()
    age = _AGE.match(text, pos, limit)
    return age.end() if age else pos


def _chain_segment(text: str, pos: int, limit: int, lx: _Lex) -> tuple[int, int, str] | None:
    """Where the chain after a name runs, and the rule it opens with: an appointment verb, a bracket, a dash or a
    comma; None when no chain follows."""
    appointed = _APPOINTED.match(text, pos, limit)
    if appointed and lx.head_at_start.match(text[appointed.end(): appointed.end() + 60]):
        # `Nguyễn Xuân Ký được tái bầu làm Bí thư Tỉnh ủy`, `Trần Thắng giữ chức Chủ tịch UBND tỉnh`
        return appointed.end(), _chain_end(text, appointed.end(), limit), APPOINTED
    ch = text[pos]
    if ch == "(":
        close = text.find(")", pos)
        if close == -1 or close > limit:
            return None
        return pos + 1, close, BRACKETS
    if ch in "-–—" or ch == ",":
        return pos + 1, _chain_end(text, pos + 1, limit), AFTER
    return None


def _chain_end(text: str, start: int, limit: int) -> int:
    m_end = _CHAIN_END.search(text, start, limit)
    return m_end.start() if m_end else limit


def _read_chain_part(text: str, part: str, at: int, sep: str, runs_on: bool, spans: list[_Span], rule: str,
                     is_place: Callable[[str], bool], lx: _Lex) -> bool:
    """Read one comma-separated part of a chain at offset `at` into `spans`; whether the chain goes on."""
    body, lead, former, appointed = _part_body(part)
    if appointed:
        rule = APPOINTED
    base = at + lead
    found = _position_in(body, at_start=True)
    if found is None:
        return _continue_sub_unit(text, body, base, sep, spans, lx)
    s, e, _ = found
    if runs_on and not body[e:].strip():
        return False  # `…, Chủ tịch UBMTTQ tỉnh Võ Xuân Ca`: a title that runs into the next name is that person's
    name_inside = lx.name.search(body, s, e)
    if name_inside and not is_place(" ".join(name_inside.group().split()[:2])):  # `Tỉnh ủy Thái Nguyên`
        e = name_inside.start()
    spans.append((base + s, base + len(body[:e].rstrip(" -–,")), former, rule))
    then = _APPOINTED.match(body, e)  # `Bí thư Tỉnh ủy Thái Nguyên giữ chức Bí thư Tỉnh ủy Lào Cai`
    nxt = _position_in(body[then.end():], at_start=True) if then else None
    if nxt:
        at = base + then.end()
        spans.append((at + nxt[0], at + len(body[then.end():][:nxt[1]].rstrip(" -–,")), False, APPOINTED))
        return False
    return e >= len(body.rstrip(" ."))


def _part_body(part: str) -> tuple[str, int, bool, bool]:
    """A part without its leading space, `nguyên` and appointment verb: (body, where it starts, former,
    appointed)."""
    body = part.lstrip()
    lead = len(part) - len(body)
    former = False
    fm = _FORMER.match(body)
    if fm:
        former, body, lead = True, body[fm.end():], lead + fm.end()
    am = _APPOINTED.match(body)  # `…, Phó Bí thư Tỉnh ủy, giữ chức vụ Chủ tịch UBND tỉnh`
    if am:
        body, lead = body[am.end():], lead + am.end()
    return body, lead, former, am is not None


def _continue_sub_unit(text: str, body: str, base: int, sep: str, spans: list[_Span], lx: _Lex) -> bool:
    """`Vụ trưởng Vụ Tây Âu và Bắc Mỹ, Ban Đối ngoại Trung ương Đảng`: an organisation after a comma continues a
    position that names a sub-unit; whether the chain goes on."""
    org = lx.org_at_start.match(body)
    if not (spans and sep == "," and org and lx.name.search(body) is None and
            lx.sub_unit.search(text[spans[-1][0]:spans[-1][1]])):
        return False
    stop = lx.stop.search(body)
    s, _e, f, r = spans[-1]
    spans[-1] = (s, base + len(body[: stop.start() if stop else len(body)].rstrip(" .")), f, r)
    return not stop


def _chain_before(text: str, start: int, floor: int) -> tuple[list[_Span], int]:
    """Positions written before a name (`Phó Bí thư Thường trực Tỉnh ủy Trần Văn Vinh`, or a chain of them)."""
    seg_from = max(floor, max(text.rfind(c, floor, start) for c in _CLAUSE_MARKS) + 1)
    segment = text[seg_from:start]
    if not segment.strip():
        return [], start
    parts = _split_parts(segment)
    spans: list[_Span] = []
    first = start
    for i in range(len(parts) - 1, -1, -1):
        part, off, _sep = parts[i]
        body = part.rstrip()
        found = _title_in(body, last=i == len(parts) - 1)
        if found is None:
            break
        s, e, former, title_start = found
        spans.insert(0, (seg_from + off + s, seg_from + off + e, former, BEFORE))
        first = seg_from + off + s
        pre = body[:title_start]
        if pre.strip() and not _ONLY_HONORIFIC.fullmatch(pre):
            break
    return spans, first


def _title_in(body: str, last: bool) -> tuple[int, int, bool, int] | None:
    """The title in a part before a name: (start, end, former, where it started before `nguyên` was dropped).
    The part right before the name ends with it; earlier parts of a chain start with it, or end with it."""
    found = _position_in(body, at_start=not last)
    if found is None and not last:
        found = _position_in(body, at_start=False)
    if found is None:
        return None
    s, e, _ = found
    pre = body[:s]
    former = bool(_FORMER_END.search(body)) or bool(_FORMER_BEFORE.search(pre))
    lead_former = _FORMER.match(body[s:e])
    if lead_former:  # `nguyên Bí thư Tỉnh ủy Kiều Văn Tâm`
        return s + lead_former.end(), e, True, s
    return s, e, former, s


def _after_honorifics(text: str, lx: _Lex):
    """Names printed after an honorific (`đồng chí Giàng A Páo`, `Thiếu tướng Hà Ra`), with the honorific."""
    for h in lx.honorific.finditer(text):
        at = h.start()
        if at == 0 or text[at - 1] in " \n(,;:\"“":
            m = lx.cued_tail.match(text, h.end() - 1)
            if m:
                yield m, h.group()[:-1]


@dataclass
class _Candidates:
    """Where names start: their spans, the rule that found each, and those in Latin script (people only after a
    title)."""
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    rules: dict[int, str] = field(default_factory=dict)
    foreign: set[int] = field(default_factory=set)

    def covers(self, at: int) -> bool:
        return any(a <= at < b for a, b in self.spans.values())

    def add(self, s: int, e: int, rule: str) -> None:
        self.spans[s] = (s, e)
        self.rules[s] = rule


def find_people(text: str, is_place: Callable[[str], bool] = lambda s: False,
                is_region: Callable[[str], bool] = lambda s: False) -> list[PersonMatch]:
    """Every named person in the text with positions, honorifics and the spans of each mention. `is_place` tells
    a place's name (`Thái Nguyên`); `is_region` a province or country (`Đoàn Lào` is a delegation)."""
    lx = lex()
    found = _Candidates()
    latin = _surname_names(text, found, is_place, is_region, lx)
    _honorific_names(text, found, is_region, lx)
    _latin_names(latin, found)
    people = _read_people(text, found, is_place)
    _refer_back(text, people)
    return people


def _surname_names(text: str, found: _Candidates, is_place: Callable[[str], bool],
                   is_region: Callable[[str], bool], lx: _Lex) -> list[re.Match]:
    """Names that open with a family name of the lexicon; returns the runs in Latin script met on the way (the
    surnames' branches come first)."""
    latin = []
    for m in lx.any_name.finditer(text):
        if m.group().split(" ", 1)[0] not in lx.surnames:
            latin.append(m)
            continue
        if lx.street.search(text, max(0, m.start() - 14), m.start()):
            continue  # `số 11 Lê Hồng Phong`: a street
        if _CREDIT.search(text, max(0, m.start() - 12), m.start()):
            continue  # `Ảnh: Đinh Tuấn`: a photographer's credit, like a byline not a person of the article
        words = m.group().split(" ")
        nxt = _NEXT_WORD.match(text, m.end(), m.end() + 20)
        trimmed = _trim_name(words, is_place, nxt.group(1) if nxt else "", is_region)
        if trimmed is None and lx.honorific_before.search(text, max(0, m.start() - 30), m.start()):
            # `ông Hoàng Giang`: after an honorific a name shared with a commune is the person's
            trimmed = _trim_name(words, is_region, nxt.group(1) if nxt else "", is_region)
        if trimmed is None:
            continue
        s = m.start() + sum(len(w) + 1 for w in words[: trimmed[0]])
        found.add(s, s + len(" ".join(words[trimmed[0]: trimmed[1]])), "surname lexicon")
    return latin


def _honorific_names(text: str, found: _Candidates, is_region: Callable[[str], bool], lx: _Lex) -> None:
    """Any capitalised name after an honorific (`đồng chí Giàng A Páo`), up to a title's or a body's word."""
    for m, honorific in _after_honorifics(text, lx):
        s = m.start(1)
        if found.covers(s):
            continue
        words = m.group(1).split(" ")
        end = 0
        while end < len(words) and words[end] not in lx.not_name_syl:
            end += 1
        if end < 2 or is_region(" ".join(words[:end])):
            continue
        lead = next((k for k in (3, 2, 1) if end - k >= 2 and is_region(" ".join(words[:k]))), 0)
        if lead:  # `Đại sứ Hoa Kỳ Marc Knapper`: the country is the title's, the name follows it
            s += len(" ".join(words[:lead])) + 1
            words, end = words[lead:], end - lead
            if found.covers(s):
                continue
        found.add(s, s + len(" ".join(words[:end])), f"after honorific '{honorific}'")


def _latin_names(latin: list[re.Match], found: _Candidates) -> None:
    """Names in Latin script that no Vietnamese syllable spells (`Xaysomphone Phomvihane`, `Marc Knapper`): people
    when a title stands right before them (checked once the titles are read)."""
    for m in latin:
        s = m.start()
        if found.covers(s) or all(_VN_SYLLABLE.match(w.lower()) for w in _LATIN_WORD.findall(m.group())):
            continue
        found.add(s, m.end(), "latin name after title")
        found.foreign.add(s)


@dataclass
class _Reading:
    """What reading the names in order carries from one to the next."""
    prev_end: int = 0
    shared: str | None = None  # a plural title that the names of a list share


def _read_people(text: str, found: _Candidates, is_place: Callable[[str], bool]) -> list[PersonMatch]:
    """Each name with the titles before it and the chain after it, merged by name in order of first mention."""
    lx = lex()
    spans = sorted(found.spans.values())
    by_name: dict[str, PersonMatch] = {}
    state = _Reading()
    for idx, (s, e) in enumerate(spans):
        nxt = spans[idx + 1][0] if idx + 1 < len(spans) else len(text)
        before, first = _chain_before(text, s, state.prev_end)
        if s in found.foreign and not (before and before[-1][1] >= s - 1):
            continue  # no title right before it: a word of another language, not a name
        after, _ = _chain_after(text, e, nxt, is_place)
        honorifics = _honorifics_of(text, before, first, state.prev_end, lx)
        pm = _mention(by_name, text[s:e], found.rules[s])
        pm.spans.append((s, e))
        pm.span_rules.append(found.rules[s])
        _add_honorifics(pm, honorifics, lx)
        _add_chain(pm, text, before + after)
        state.shared = _shared_title(text, pm, s, before, after, state)
        state.prev_end = max(e, after[-1][1] if after else e)
    return list(by_name.values())


def _mention(by_name: dict[str, PersonMatch], name: str, rule: str) -> PersonMatch:
    """The person named so (case aside), new at the first mention."""
    key = name.casefold()
    pm = by_name.get(key)
    if pm is None:
        pm = by_name[key] = PersonMatch(Person(name=name), rule=rule)
    return pm


def _honorifics_of(text: str, before: list[_Span], first: int, prev_end: int, lx: _Lex) -> list[str]:
    """The honorific of a mention: a title that is one (`Đại sứ`), else the honorific printed before its titles."""
    if before and text[before[0][0]:before[0][1]] in lx.honorific_positions:
        return [text[before[0][0]:before[0][1]]]
    hon_m = lx.honorific_before.search(text[max(prev_end, first - 40): first])
    if hon_m:
        h = hon_m.group(1)
        return [h[0].lower() + h[1:] if h in ("Đồng chí", "Ông", "Bà") else h]
    return []


def _add_honorifics(pm: PersonMatch, honorifics: list[str], lx: _Lex) -> None:
    for h in honorifics:
        if h not in pm.person.honorifics:
            pm.person.honorifics.append(h)
        if h in lx.honorific_positions and h not in pm.person.positions:
            pm.person.positions.append(h)


def _add_chain(pm: PersonMatch, text: str, chain: list[_Span]) -> None:
    """The positions of a mention's chains, current or former, with their spans."""
    for ps, pe, former, rule in chain:
        phrase = " ".join(text[ps:pe].split()).strip(" ,;-–")
        if not phrase:
            continue
        _add_position(pm.person.former_positions if former else pm.person.positions, phrase)
        pm.position_spans.append((ps, pe, phrase))
        pm.position_rules.append(rule)


def _shared_title(text: str, pm: PersonMatch, s: int, before: list[_Span], after: list[_Span],
                  state: _Reading) -> str | None:
    """`các Phó Chủ tịch HĐND tỉnh A, B và C`: a plural title before a list of names is each one's. Gives the
    title the next name of the list shares, if any."""
    lx = lex()
    head = _LIST_HEAD.search(text, max(state.prev_end, s - 120), s) if not before else None
    if head and lx.head_at_start.match(head.group(1)):  # `Các Phó Bí thư gồm: ông A, ông B`
        shared = " ".join(head.group(1).split())
        _add_position(pm.person.positions, shared)
        pm.position_spans.append((head.start(1), head.end(1), shared))
        pm.position_rules.append(PLURAL)
        return shared
    if before and not after and _PLURAL_BEFORE.search(text, max(0, before[0][0] - 8), before[0][0]):
        return " ".join(text[before[-1][0]:before[-1][1]].split()).strip(" ,;-–")
    if not (before or after) and state.shared and _NEXT_IN_LIST.fullmatch(text, state.prev_end, s):
        _add_position(pm.person.positions, state.shared)
        return state.shared
    return None


def _add_position(target: list[str], phrase: str) -> None:
    """Add a position once; `Tổng Bí thư Ban Chấp hành Trung ương Đảng` replaces a bare `Tổng Bí thư`."""
    folded = phrase.casefold()
    for i, old in enumerate(target):
        prev = old.casefold()
        if prev == folded or prev.startswith(folded + " "):
            return
        if folded.startswith(prev + " "):
            target[i] = phrase
            return
    target.append(phrase)


def _refer_back(text: str, people: list[PersonMatch]) -> None:
    """A title printed alone later (`Tổng Bí thư nhấn mạnh`, `đồng chí Bí thư Tỉnh ủy`) is a mention of the person
    first named with that title."""
    taken = [(s, e) for pm in people for s, e in pm.spans] + [(s, e) for pm in people for s, e, _ in pm.position_spans]
    for pm in people:
        for pos in _title_variants(pm.person):
            if len(pos.split()) >= 2:
                _mentions_of_title(text, pm, pos, taken)


def _title_variants(person: Person) -> list[str]:
    """A person's positions, and each without the place after its unit (`Bí thư Tỉnh ủy Thái Nguyên` is later
    `Bí thư Tỉnh ủy`)."""
    lx = lex()
    variants = []
    for pos in person.positions:
        variants.append(pos)
        short = lx.unit_then_place.match(pos)
        if short:
            variants.append(short.group(1))
    return variants


def _mentions_of_title(text: str, pm: PersonMatch, title: str, taken: list[tuple[int, int]]) -> None:
    """Each free whole-word occurrence of `title` is a mention of `pm`."""
    at = text.find(title)
    while at != -1:
        end = at + len(title)
        if not (end < len(text) and text[end].isalpha()) and not any(a <= at < b for a, b in taken):
            pm.spans.append((at, end))
            pm.span_rules.append(f"refers back to '{title}'")
            taken.append((at, end))
        at = text.find(title, end)


def complete_positions(person: Person, province: str | None) -> list[str]:
    """Positions with the unit the article implies: `Bí thư Tỉnh ủy` in a Bình Dương article ->
    `Bí thư Tỉnh ủy Bình Dương`."""
    if not province:
        return list(person.positions)
    out = []
    for pos in person.positions:
        if pos.endswith(("Tỉnh ủy", "tỉnh")) and province not in pos:
            out.append(f"{pos} {province}")
        elif pos.endswith(("Ban Thường vụ", "Ban Chấp hành Đảng bộ tỉnh")):
            out.append(f"{pos} Tỉnh ủy {province}" if pos.endswith("vụ") else f"{pos} {province}")
        else:
            out.append(pos)
    return out
