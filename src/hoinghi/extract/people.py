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
# Capitalised words that start a title or a body, never a name's syllable.
_NOT_NAME_SYL = {"Phó", "Bí", "Chủ", "Ủy", "Uỷ", "Tỉnh", "Bộ", "Ban", "Sở", "Đảng", "Thường", "Trưởng", "Tổng",
                 "Hội", "Nhà", "Quốc", "Trung", "Thủ", "Thứ", "Giám", "Đại", "Ngày", "Sáng", "Chiều", "Tại", "Theo",
                 "Và", "Các", "Những", "Huyện", "Thành", "Xã", "Phường", "Cục", "Vụ", "Viện", "Học", "Liên", "Mặt",
                 "Ông", "Bà", "Đồng", "Tiến", "Kết", "Nghị", "Chỉ", "Văn", "Hà", "Thái"} - {"Thường"}
# Syllables that may follow a family name even though they appear above (`Nguyễn Văn A`, `Hồ Quốc Dũng`).
_NAME_OK_AFTER_SURNAME = {"Văn", "Quốc", "Thành", "Trung", "Đại", "Hà", "Thái", "Đồng", "Tiến"}


@dataclass
class PersonMatch:
    person: Person
    spans: list[tuple[int, int]] = field(default_factory=list)  # name mentions
    position_spans: list[tuple[int, int, str]] = field(default_factory=list)


class _Lex:
    def __init__(self) -> None:
        lex = lexicons.load("people.toml")
        self.surnames = set(lex["surnames"])
        self.not_people = set(lex["not_people"])
        self.honorifics = sorted(lex["honorifics"], key=len, reverse=True)
        self.honorific_positions = set(lex["honorific_positions"])
        # as printed, and in the Title Case some portals and headlines use (`Bộ Trưởng Quốc phòng`)
        heads = sorted({v for h in lex["heads"] for v in (h, " ".join(w[:1].upper() + w[1:] for w in h.split()))
                        if v[:1].isupper() or v == h}, key=len, reverse=True)
        prefixes = "|".join(re.escape(p) for p in lex["head_prefixes"])
        head_alt = trie_regex(heads)
        low_alt = trie_regex(lex["heads_after_prefix"])
        # a head with its prefixes: `Phó Bí thư`, `Tổng Bí thư`, `nguyên Phó Trưởng ban`, `Phó trưởng Ban`
        head = rf"(?:(?:{prefixes})\s+)+(?:{head_alt}|{low_alt})(?![{LO}])|(?:{head_alt})(?![{LO}])"
        self.head = re.compile(head)
        self.head_at_start = re.compile(rf"^(?:{head})")
        self.title_after_and = re.compile(rf"\s(?:và|cùng)\s+(?:(?:ông|bà|đồng chí|các)\b|(?:{head})|(?=[{LO}0-9]))")
        stops = []
        for s in lex["stops"]:
            if s == "dự":
                stops.append(r"(?<!danh )dự(?! khuyết)")  # `Ủy viên dự khuyết`, `Lãnh sự danh dự`: no verb
            elif s == "chỉ đạo":
                stops.append(r"(?<![Bb]an )chỉ đạo")
            else:
                stops.append(re.escape(s))
        self.stop = re.compile(rf"(?<![{LO}{UP}])(?:{'|'.join(stops)})(?![{LO}])")
        org_alt = "|".join(re.escape(o) for o in sorted(lex["org_heads"], key=len, reverse=True))
        self.org_at_start = re.compile(rf"^(?:{org_alt})(?![{LO}])")
        self.compounds = {k: re.compile(rf"(?:{v})(?![{LO}])") for k, v in lex["compounds"].items()}
        # A name: a surname, then capitalised syllables, with no word character before it (checked after its first
        # letter, so that `re` scans for the letters): one branch for each first letter.
        tail = rf"(?:[ ](?:{SYL})){{1,4}}(?![{LO}{UP}\w])"
        by_first: dict[str, list[str]] = {}
        for name in self.surnames:
            if name[:1].isupper():
                by_first.setdefault(name[0], []).append(name[1:])
        surname = {first: re.escape(first) + r"(?<!\w.)" + trie_regex(sorted(rests)) + tail
                   for first, rests in by_first.items()}
        self.name = re.compile("|".join(surname[first] for first in sorted(surname)))
        # One pass for both kinds of name: those branches and, for A-Z, a run of words in Latin script
        # (`Xaysomphone Phomvihane`) after each letter's surnames.
        branches = []
        for first in sorted(set(surname) | set(string.ascii_uppercase)):
            if first in surname:
                branches.append(surname[first])
            if first in string.ascii_uppercase:
                branches.append(first + _LATIN_REST)
        self.any_name = re.compile("|".join(branches))
        hon_alt = trie_regex(self.honorifics)
        # an honorific and the space after it; where it starts is checked in Python (a look-behind here costs more)
        self.honorific = re.compile(rf"(?:{hon_alt}) ")
        # any capitalised name after an honorific (names of ethnic minorities, foreigners: `Chẩu Văn Lâm`)
        # the name after an honorific, matched where `find` has found the honorific
        self.cued_tail = re.compile(rf"[ ]+((?:{SYL})(?:[ ](?:{SYL}|[{UP}][{LO}]*-[{LO}]+)){{1,5}})")
        self.honorific_before = re.compile(rf"(?:^|(?<=[\s(,;:]))({hon_alt})\s*$")


@cache
def lex() -> _Lex:
    return _Lex()


def _trim_name(words: list[str], is_place: Callable[[str], bool], next_word: str = "",
               is_region: Callable[[str], bool] = lambda s: False) -> tuple[int, int] | None:
    """Which words of a candidate are the name: drop leading place names (`Hà Tĩnh Lê Đình Sơn`) and trailing
    title words; None when what is left is no name."""
    lx = lex()
    start = 0
    for k in (3, 2):
        if len(words) - k >= 2 and is_place(" ".join(words[:k])) and words[k] in lx.surnames:
            start = k
            break
    end = start + 1
    while end < len(words) and (words[end] not in _NOT_NAME_SYL or words[end] in _NAME_OK_AFTER_SURNAME):
        end += 1
    if end == len(words) - 1 and end - start >= 2 and words[end] in lx.compounds and \
            not lx.compounds[words[end]].match(next_word):
        end += 1  # `Nguyễn Thanh Nghị,`, `Đinh Hữu Học,`: the last syllable opens no `Nghị quyết`, `Học viện`
    if end == len(words) and next_word and lx.compounds.get(words[end - 1]) and \
            lx.compounds[words[end - 1]].match(next_word):
        end -= 1  # `Từ Hội nghị`, `… Đại hội`: the last capital opens a common noun, not a name
    if end - start < 2:
        return None
    name = " ".join(words[start:end])
    if name in lx.not_people or is_place(name):
        return None
    if end - start <= 3 and is_region(" ".join(words[start + 1:end])):
        return None  # `Đoàn Việt Nam`, `Đoàn Lào`: a delegation, not a person
    return start, end


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
    lx = lex()
    stripped = part.strip()
    offset = len(part) - len(part.lstrip())
    if at_start:
        m = lx.head_at_start.match(stripped)
        if not m:
            return None
        stop = lx.stop.search(stripped, m.end())
        end = stop.start() if stop else len(stripped)
        joint = lx.title_after_and.search(stripped, m.end(), end)
        if joint:
            end = joint.start()
        phrase = _TRAILING.sub("", stripped[:end])
        return offset, offset + len(phrase), False
    for m in lx.head.finditer(stripped):
        rest = stripped[m.start():]
        if lx.stop.search(rest) or _JOINED_END.search(rest):
            continue
        return offset + m.start(), offset + len(stripped), False
    return None


_TRAILING = re.compile(r"(?:[\s,;.\-–…]+|\s+(?:và|cùng|với|ông|bà|đồng chí|các đồng chí|các)\b)+$")
# A position that names a sub-unit (`Vụ trưởng Vụ Tây Âu và Bắc Mỹ`) may go on with its parent after a comma.
_SUB_UNIT = re.compile(r"\s(?:Vụ|Cục|Phòng|Viện|Trung tâm|Văn phòng|Ban|Tiểu ban|Trường|Khoa)\s+[" + UPPER + "]")
_STREET = re.compile(r"(?:số\s*\d+[A-Za-z]?|[đĐ]ường|[pP]hố|ngõ|ngách|[đĐ]ại lộ)\s+$")
_UNIT_THEN_PLACE = re.compile(rf"(.*?(?:Tỉnh ủy|Thành ủy|Huyện ủy|UBND tỉnh|HĐND tỉnh|UBND thành phố|HĐND thành phố))"
                              rf"(?: [{UPPER}][{LOWER}]*)+$")
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
_JOINED_END = re.compile(r"\s(?:và|cùng|với)$")
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


def _chain_after(text: str, pos: int, limit: int,
                 is_place: Callable[[str], bool] = lambda s: False) -> tuple[list[tuple[int, int, bool]], int]:
    """Positions after a name at `pos`: `, A, B`, ` - A, B`, ` (A)`; spans and where the chain ended."""
    lx = lex()
    pos = _PHOTO_NOTE.match(text, pos, limit).end()
    age = _AGE.match(text, pos, limit)  # `ông Trần Huy Tuấn, 46 tuổi, Phó Bí thư Tỉnh ủy`
    if age:
        pos = age.end()
    if pos >= limit:
        return [], pos
    ch = text[pos]
    appointed = _APPOINTED.match(text, pos, limit)
    if appointed and lx.head_at_start.match(text[appointed.end(): appointed.end() + 60]):
        # `Nguyễn Xuân Ký được tái bầu làm Bí thư Tỉnh ủy`, `Trần Thắng giữ chức Chủ tịch UBND tỉnh`
        seg_start = appointed.end()
        m_end = _CHAIN_END.search(text, seg_start, limit)
        seg_end = m_end.start() if m_end else limit
        first_sep = ","
    elif ch == "(":
        close = text.find(")", pos)
        if close == -1 or close > limit:
            return [], pos
        seg_start, seg_end, first_sep = pos + 1, close, ","
    elif ch in "-–—" or ch == ",":
        seg_start = pos + 1
        m_end = _CHAIN_END.search(text, seg_start, limit)
        seg_end = m_end.start() if m_end else limit
        first_sep = ","
    else:
        return [], pos
    spans: list[tuple[int, int, bool]] = []
    parts = _split_parts(text[seg_start:seg_end])
    for n, (part, off, sep) in enumerate(parts):
        sep = sep or first_sep
        former = False
        body = part.lstrip()
        lead = len(part) - len(body)
        fm = _FORMER.match(body)
        if fm:
            former, body, lead = True, body[fm.end():], lead + fm.end()
        am = _APPOINTED.match(body)  # `…, Phó Bí thư Tỉnh ủy, giữ chức vụ Chủ tịch UBND tỉnh`
        if am:
            body, lead = body[am.end():], lead + am.end()
        found = _position_in(body, at_start=True)
        if found is None:
            # `Vụ trưởng Vụ Tây Âu và Bắc Mỹ, Ban Đối ngoại Trung ương Đảng`: an organisation continues a position
            org = lx.org_at_start.match(body)
            if spans and sep == "," and org and lx.name.search(body) is None and \
                    _SUB_UNIT.search(text[spans[-1][0]:spans[-1][1]]):
                stop = lx.stop.search(body)
                s, _e, f = spans[-1]
                spans[-1] = (s, seg_start + off + lead + len(body[: stop.start() if stop else len(body)].rstrip(" .")), f)
                if stop:
                    break
                continue
            break
        s, e, _ = found
        if n == len(parts) - 1 and seg_end == limit < len(text) and not body[e:].strip():
            break  # `…, Chủ tịch UBMTTQ tỉnh Võ Xuân Ca`: a title that runs into the next name is that person's
        name_inside = lx.name.search(body, s, e)
        if name_inside and not is_place(" ".join(name_inside.group().split()[:2])):  # `Tỉnh ủy Thái Nguyên`
            e = name_inside.start()
        spans.append((seg_start + off + lead + s, seg_start + off + lead + len(body[:e].rstrip(" -–,")), former))
        then = _APPOINTED.match(body, e)  # `Bí thư Tỉnh ủy Thái Nguyên giữ chức Bí thư Tỉnh ủy Lào Cai`
        nxt = _position_in(body[then.end():], at_start=True) if then else None
        if nxt:
            at = seg_start + off + lead + then.end()
            spans.append((at + nxt[0], at + len(body[then.end():][:nxt[1]].rstrip(" -–,")), False))
            break
        if e < len(body.rstrip(" .")):
            break
    return spans, seg_end


def _chain_before(text: str, start: int, floor: int) -> tuple[list[tuple[int, int, bool]], int]:
    """Positions written before a name (`Phó Bí thư Thường trực Tỉnh ủy Trần Văn Vinh`, or a chain of them)."""
    seg_from = max(floor, max(text.rfind(c, floor, start) for c in _CLAUSE_MARKS) + 1)
    segment = text[seg_from:start]
    if not segment.strip():
        return [], start
    parts = _split_parts(segment)
    spans: list[tuple[int, int, bool]] = []
    first = start
    for i in range(len(parts) - 1, -1, -1):
        part, off, _sep = parts[i]
        last = i == len(parts) - 1
        body = part.rstrip()
        former = False
        fm = _FORMER_END.search(body)
        found = _position_in(body, at_start=not last)
        if found is None and not last:
            found = _position_in(body, at_start=False)
            if found is None:
                break
        if found is None:
            break
        s, e, _ = found
        pre = body[:s]
        former = bool(fm) or bool(_FORMER_BEFORE.search(pre))
        lead_former = _FORMER.match(body[s:e])
        if lead_former:  # `nguyên Bí thư Tỉnh ủy Kiều Văn Tâm`
            s, former = s + lead_former.end(), True
        spans.insert(0, (seg_from + off + s, seg_from + off + e, former))
        first = seg_from + off + s
        if pre.strip() and not _ONLY_HONORIFIC.fullmatch(pre):
            break
    return spans, first


def _after_honorifics(text: str, lx: _Lex):
    """Names printed after an honorific (`đồng chí Giàng A Páo`, `Thiếu tướng Hà Ra`)."""
    for h in lx.honorific.finditer(text):
        at = h.start()
        if at == 0 or text[at - 1] in " \n(,;:\"“":
            m = lx.cued_tail.match(text, h.end() - 1)
            if m:
                yield m


def find_people(text: str, is_place: Callable[[str], bool] = lambda s: False,
                is_region: Callable[[str], bool] = lambda s: False) -> list[PersonMatch]:
    """Every named person in the text with positions, honorifics and the spans of each mention. `is_place` tells
    a place's name (`Thái Nguyên`); `is_region` a province or country (`Đoàn Lào` is a delegation)."""
    lx = lex()
    candidates: dict[int, tuple[int, int]] = {}
    latin = []
    for m in lx.any_name.finditer(text):
        if m.group().split(" ", 1)[0] not in lx.surnames:
            latin.append(m)  # a run in Latin script (the surnames' branches come first)
            continue
        if _STREET.search(text, max(0, m.start() - 14), m.start()):
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
        e = s + len(" ".join(words[trimmed[0]: trimmed[1]]))
        candidates[s] = (s, e)
    for m in _after_honorifics(text, lx):
        s = m.start(1)
        if any(a <= s < b for a, b in candidates.values()):
            continue
        words = m.group(1).split(" ")
        end = 0
        while end < len(words) and words[end] not in _NOT_NAME_SYL:
            end += 1
        if end < 2 or is_region(" ".join(words[:end])):
            continue
        lead = next((k for k in (3, 2, 1) if end - k >= 2 and is_region(" ".join(words[:k]))), 0)
        if lead:  # `Đại sứ Hoa Kỳ Marc Knapper`: the country is the title's, the name follows it
            s += len(" ".join(words[:lead])) + 1
            words, end = words[lead:], end - lead
            if any(a <= s < b for a, b in candidates.values()):
                continue
        candidates[s] = (s, s + len(" ".join(words[:end])))
    # Names in Latin script that no Vietnamese syllable spells (`Xaysomphone Phomvihane`, `Marc Knapper`): people
    # when a title stands right before them (checked below, once the titles are read)
    foreign: set[int] = set()
    for m in latin:
        s = m.start()
        if any(a <= s < b for a, b in candidates.values()) or \
                all(_VN_SYLLABLE.match(w.lower()) for w in _LATIN_WORD.findall(m.group())):
            continue
        candidates[s] = (s, m.end())
        foreign.add(s)
    spans = sorted(candidates.values())

    by_name: dict[str, PersonMatch] = {}
    order: list[str] = []
    prev_end = 0
    shared: str | None = None  # a plural title that the names of a list share
    for idx, (s, e) in enumerate(spans):
        name = text[s:e]
        nxt = spans[idx + 1][0] if idx + 1 < len(spans) else len(text)
        before, first = _chain_before(text, s, prev_end)
        if s in foreign and not (before and before[-1][1] >= s - 1):
            continue  # no title right before it: a word of another language, not a name
        after, _ = _chain_after(text, e, nxt, is_place)
        hon_m = lx.honorific_before.search(text[max(prev_end, first - 40): first])
        honorifics = []
        if before and text[before[0][0]:before[0][1]] in lx.honorific_positions:
            honorifics.append(text[before[0][0]:before[0][1]])
        elif hon_m:
            h = hon_m.group(1)
            honorifics.append(h[0].lower() + h[1:] if h in ("Đồng chí", "Ông", "Bà") else h)
        key = name.casefold()
        pm = by_name.get(key)
        if pm is None:
            pm = by_name[key] = PersonMatch(Person(name=name))
            order.append(key)
        pm.spans.append((s, e))
        for h in honorifics:
            if h not in pm.person.honorifics:
                pm.person.honorifics.append(h)
            if h in lx.honorific_positions and h not in pm.person.positions:
                pm.person.positions.append(h)
        for ps, pe, former in before + after:
            phrase = " ".join(text[ps:pe].split()).strip(" ,;-–")
            if not phrase:
                continue
            _add_position(pm.person.former_positions if former else pm.person.positions, phrase)
            pm.position_spans.append((ps, pe, phrase))
        # `các Phó Chủ tịch HĐND tỉnh A, B và C`: a plural title before a list of names is each one's
        head = _LIST_HEAD.search(text, max(prev_end, s - 120), s) if not before else None
        if head and lx.head_at_start.match(head.group(1)):  # `Các Phó Bí thư gồm: ông A, ông B`
            shared = " ".join(head.group(1).split())
            _add_position(pm.person.positions, shared)
            pm.position_spans.append((head.start(1), head.end(1), shared))
        elif before and not after and _PLURAL_BEFORE.search(text, max(0, before[0][0] - 8), before[0][0]):
            shared = " ".join(text[before[-1][0]:before[-1][1]].split()).strip(" ,;-–")
        elif not (before or after) and shared and _NEXT_IN_LIST.fullmatch(text, prev_end, s):
            _add_position(pm.person.positions, shared)
        else:
            shared = None
        prev_end = max(e, after[-1][1] if after else e)
    people = [by_name[k] for k in order]
    _refer_back(text, people)
    return people


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
        variants = []
        for pos in pm.person.positions:
            variants.append(pos)
            short = _UNIT_THEN_PLACE.match(pos)  # `Bí thư Tỉnh ủy Thái Nguyên` is later `Bí thư Tỉnh ủy`
            if short:
                variants.append(short.group(1))
        for pos in variants:
            if len(pos.split()) < 2:
                continue
            at = text.find(pos)
            while at != -1:
                end = at + len(pos)
                if not (end < len(text) and text[end].isalpha()) and not any(a <= at < b for a, b in taken):
                    pm.spans.append((at, end))
                    taken.append((at, end))
                at = text.find(pos, end)


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
