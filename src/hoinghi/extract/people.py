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
from functools import cache, lru_cache

from hoinghi import lexicons
from hoinghi.extract.spans import Cover
from hoinghi.geo import after_merger, province_2025
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
        abbreviations = lexicons.load("abbreviations.toml")
        self.position_abbreviations = {k: v for table in ("abbreviations", "positions")
                                       for k, v in abbreviations[table].items()
                                       if k not in abbreviations["document_kinds"]}
        self.position_abbr = re.compile(
            "(" + trie_regex(sorted(self.position_abbreviations), after_first=r"(?<!\w.)") + r")(?!\w)")
        lex = {**lex, "heads": lex["heads"] + [k for k, v in abbreviations["positions"].items()
                                               if not v[:1].islower()]}
        self.surnames = set(lex["surnames"])
        self.not_people = set(lex["not_people"])
        self.not_name_syl = set(lex["not_name_syllables"])
        self.name_ok_after_surname = set(lex["name_syllables_after_surname"])
        self.not_name_end = set(lex["not_name_end"])
        self.city_provinces = set(lex["city_provinces"])
        self.delegation_words = set(lex["delegation_words"])
        self.honorifics = sorted(lex["honorifics"], key=len, reverse=True)
        self.honorific_positions = set(lex["honorific_positions"])
        # a full stop that ends a clause: not inside an abbreviation (`T.Ư`, `UVT.Ư`) nor after `TP.`
        dotted = "".join(f"(?<!{re.escape(k)})" for k in abbreviations["abbreviations"] if k.endswith("."))
        after_stop = rf"(?![{LO}{UP}\d]){dotted}"  # (after its `.`)
        # where a chain ends: a mark, a full stop or a dash between spaces (`[:\n(“"]|\.{after_stop}|\s[-–—]\s`),
        # with the character each opens with taken first as one class, which `re` scans for (it tries a branch that
        # opens with a class at every position)
        self.chain_end = re.compile(rf"[:\n(“\".\s](?:(?<=[:\n(“\"])|(?<=\.){after_stop}|(?<=\s)[-–—]\s)")
        # the last clause mark before a place: `.*` runs to the end and gives back one character at a time (a mark is
        # one character: a character class, the full stop's conditions after it)
        self.last_clause_mark = re.compile(rf"(?s:.*)[;:!?\n()“”\".](?:(?<!\.)|(?![{LO}{UP}\d]){dotted})")
        head = _head_pattern(lex)
        self.head = re.compile(head)
        self.head_at_start = re.compile(rf"^(?:{head})")
        self.title_after_and = re.compile(rf"\s(?:và|cùng)\s+(?:(?:ông|bà|đồng chí|các)\b|(?:{head})|(?=[{LO}0-9]))")
        # after `về` a list of fields goes on past `và` (`về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số`)
        self.title_after_and_strict = re.compile(rf"\s(?:và|cùng)\s+(?:(?:ông|bà|đồng chí|các)\b|(?:{head}))")
        self.stop = re.compile(_stop_pattern(lex["stops"], lex["stop_guards"]))
        self.capital_stop = re.compile(rf" (?:{trie_regex(lex['capital_stops'])})(?![{LO}])")
        self.after_proper = set(lex["after_proper_name"])
        self.org_words = {h for h in lex["org_heads"] if " " not in h}
        self.trailing_first = {w.split()[0] for w in lex["trailing_words"]} | {"đồng", "nguyên", "đại", "lãnh"}
        orgs = lexicons.load("organizations.toml")
        self.pairs = {tuple(p.split()[:2]) for p in orgs["inner_pairs"]}
        first, second = orgs["against"]  # `phòng, chống`: the two words, a comma between
        self.against_end, self.against_start, self.against = " " + first, second + " ", f"{first}, {second}"
        org_alt = "|".join(re.escape(o) for o in sorted(lex["org_heads"], key=len, reverse=True))
        self.org_at_start = re.compile(rf"^(?:{org_alt})(?![{LO}])")
        self.compounds = {k: re.compile(rf"(?:{v})(?![{LO}])") for k, v in lex["compounds"].items()}
        self.name, self.any_name = _name_patterns(self.surnames)
        foreign = trie_regex(sorted(set(lex["foreign_surnames"]) - self.surnames), after_first=_NO_LETTER_BEFORE)
        self.foreign_name = re.compile(rf"(?:{foreign})(?:[ ]{SYL}){{1,2}}(?![{LO}{UP}\w]| [{UP}])")
        # a Lao or Khmer name written in syllables joined by hyphens (`Văn-xay Phong-sạ-vẳn`, `Xổm-phăn`)
        hyphened = rf"[{UP}][{LO}]*(?:-[{LO}]+)+"
        self.hyphened_name = re.compile(rf"{hyphened}(?:[ ](?:{hyphened}|{SYL})){{0,3}}(?![\w-])")
        hon_alt = trie_regex(self.honorifics)
        # an honorific and the space after it; where it starts is checked in Python (a look-behind here costs more)
        self.honorific = re.compile(rf"(?:{hon_alt}) ")
        # any capitalised name after an honorific (names of ethnic minorities, foreigners: `Chẩu Văn Lâm`)
        # the name after an honorific, matched where `find` has found the honorific
        # (a middle initial in it: `Jerril G. Santos`)
        self.cued_tail = re.compile(rf"[ ]+((?:{SYL})(?:[ ](?:[{UP}]\.(?=[ ][{UP}])|{SYL}|[{UP}][{LO}]*-[{LO}]+)){{1,5}})")
        # a given name alone after an honorific or a title (`ông Tuấn`, `Bí thư Hùng`): a later mention
        self.given_cue = re.compile(rf"(?:{'|'.join(_by_first_letter(self.honorifics))}|{head}) $")  # right before a given name used alone
        # at the start or after a space or a mark (checked after the first letter: see `trie_regex`)
        hon_at_start = trie_regex(self.honorifics, after_first=r"(?<![^\s(,;:].)")
        self.honorific_before = re.compile(rf"({hon_at_start})\s*$")
        self.longest_honorific = max(map(len, self.honorifics))  # (how far before its end one can start)
        self.trailing = re.compile(rf"(?:[\s,;.\-–…]+|\s+(?:{trie_regex(lex['trailing_words'])})\b)+$")
        # a text can end with `trailing` only if it ends with a space (`$` also matches before a final `\n`) or one
        # of these
        self.trailing_ends = (*",;.-–…", *lex["trailing_words"])
        self.joined_end = re.compile(rf"\s(?:{trie_regex(lex['joining_words'])})$")
        # A position that names a sub-unit (`Vụ trưởng Vụ Tây Âu và Bắc Mỹ`) may go on with its parent after a comma.
        self.sub_unit = re.compile(rf"\s(?:{trie_regex(lex['sub_units'])})\s+[{UP}]")
        # a street (`số 12 Lý Thường Kiệt`), or a school, an award, an era named after someone (`Trường THCS Chu
        # Văn An`, `thời đại Hồ Chí Minh`) right before a name
        named = _by_first_letter(lex["street_words"] + lex["named_after"], _NO_LETTER_BEFORE, rf"(?![{LO}])")
        self.street = re.compile(rf"(?:số\s*\d+[A-Za-z]?|{'|'.join(named)})\s+$")
        # (searched for, not matched after `.*?`, which tries every unit at every place: the first unit followed by
        # capitals to the end on the first line is where `.*?` stops)
        self.unit_then_place = re.compile(rf"({trie_regex(lex['units_before_place'])})(?: [{UP}][{LO}]*)+$")


def _head_pattern(lex: dict) -> str:
    """A head with its prefixes: `Phó Bí thư`, `Tổng Bí thư`, `nguyên Phó Trưởng ban`, `Phó trưởng Ban`; heads as
    printed, and in the Title Case some portals and headlines use (`Bộ Trưởng Quốc phòng`)."""
    heads = sorted({v for h in lex["heads"] for v in (h, " ".join(w[:1].upper() + w[1:] for w in h.split()))
                    if v[:1].isupper() or v == h}, key=len, reverse=True)
    prefixes = "|".join(re.escape(p) for p in lex["head_prefixes"])
    # `(?:prefix\s+)+` written as one alternative for each first prefix, and the heads as one trie for each first
    # letter: every alternative opens with a letter, which `re` scans for (it tries a nested group at every position)
    after_prefixes = rf"\s+(?:(?:{prefixes})\s+)*(?:{trie_regex(heads)}|{trie_regex(lex['heads_after_prefix'])})(?![{LO}])"
    alts = [re.escape(p) + after_prefixes for p in lex["head_prefixes"]]
    alts += _by_first_letter(heads, tail=rf"(?![{LO}])")
    alts += _by_first_letter(lex["lower_heads"], tail=rf"(?= [{UP}])")
    return "|".join(alts)


def _by_first_letter(words: list[str], after_first: str = "", tail: str = "") -> list[str]:
    """A word list as alternatives, one trie for each first letter, each followed by `tail`: a pattern whose
    alternatives all open with a letter is one `re` scans for quickly, one with a nested group it tries at every
    position."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word)
    return [trie_regex(sorted(group), after_first=after_first) + tail for _first, group in sorted(by_first.items())]


def _stop_pattern(stops: list[str], guards: dict[str, dict]) -> str:
    """The words that end a position phrase, whole words; a guarded one (`dự`) not next to its guard's words."""
    alts = _by_first_letter([s for s in stops if s not in guards], after_first=_NO_LETTER_BEFORE)
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
    if end - start <= 3 and words[start] in lx.delegation_words and is_region(" ".join(words[start + 1:end])):
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
    if end == len(words) - 1 and (end - start >= 2 or next_word in _DASHES) and _last_is_name(words[end], next_word, lx):
        # `Nguyễn Thanh Nghị,`, `Lê Văn Đảng,`: the last syllable opens no `Nghị quyết`, `Bộ trưởng`; of two syllables
        # only before the dash of a chain (`Hà Ban - Ủy viên Trung ương Đảng`)
        return end + 1
    if end == len(words) and next_word and lx.compounds.get(words[end - 1]) and \
            lx.compounds[words[end - 1]].match(next_word):
        return end - 1  # `Từ Hội nghị`, `… Đại hội`: the last capital opens a common noun, not a name
    return end


def _last_is_name(word: str, next_word: str, lx: _Lex) -> bool:
    """Whether a title's or a body's word that ends a run of capitals is the name's last syllable: it opens no
    common noun, title or body with the next word (`Lê Văn Đảng,` but not `… Bộ trưởng`, `… Hội nghị`)."""
    if word in lx.compounds:
        return not lx.compounds[word].match(next_word)
    if word in lx.not_name_end:
        return False
    if not next_word[:1].islower():
        return True
    joined = f"{word} {next_word}"
    org = lx.org_at_start.match(joined)
    return not (lx.head_at_start.match(joined) or (org and org.end() > len(word)))  # `Đảng ủy`, not `Sở cho`


def _split_parts(segment: str) -> list[tuple[str, int, str]]:
    """Split on commas, semicolons and `kiêm`, keeping each part's offset and the separator before it; a comma
    inside a body's name is no split (`Trưởng ban Chính sách, chiến lược Trung ương`)."""
    parts: list[tuple[str, int, str]] = []
    pos, sep = 0, ""
    # (without `kiêm` only the marks split: a pattern of them `re` scans for, where `_PART_SEP` tries every place)
    for m in (_PART_SEP if "kiêm" in segment else _PART_MARK).finditer(segment):
        _add_part(parts, segment[pos:m.start()], pos, sep)
        pos, sep = m.end(), m.group()
    _add_part(parts, segment[pos:], pos, sep)
    return parts


def _add_part(parts: list[tuple[str, int, str]], part: str, at: int, sep: str) -> None:
    """Add a part, or join it to the one before when it goes on with that one's body after a comma."""
    if parts and sep == "," and _goes_on(parts[-1][0], part, lex()):
        prev, prev_at, prev_sep = parts[-1]
        parts[-1] = (prev + sep + part, prev_at, prev_sep)
    else:
        parts.append((part, at, sep))


def _goes_on(prev: str, part: str, lx: _Lex) -> bool:
    """Whether a part after a comma goes on with the body named before it: lower-case words, no title, no verb,
    no honorific, either a field of a list after `về` (`về khoa học, công nghệ, đổi mới sáng tạo`) or a short
    run that ends the body's name in capitals (`Ban Chính sách, chiến lược Trung ương`)."""
    body = part.strip()
    if not body[:1].islower():
        return False  # (what the stop word leaves opens as the part does)
    stop = lx.stop.search(body)  # the last field may run into the verb: `… và chuyển đổi số tới dự`
    body = body[:stop.start()].strip() if stop else body
    if body and _against(prev, body, lx):
        return True
    words = body.split()
    if not words or not body[0].islower() or len(words) > 10 or words[0] in lx.trailing_first or \
            lx.head.search(body) or lx.name.search(body) or not lx.head.search(prev):
        return False
    if " về " in prev and prev.rstrip()[-1:].islower():
        return True
    return len(words) <= 5 and any(w[:1].isupper() for w in words[1:]) and not any(w in lx.org_words for w in words)


def _against(prev: str, body: str, lx: _Lex) -> bool:
    """`Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh`: `chống` after `phòng`, and the short list of lower-case
    fields after `phòng, chống`, go on with the body's name."""
    if prev.endswith(lx.against_end) and body.startswith(lx.against_start):
        return lx.head.search(prev) is not None
    return lx.against in prev and len(body.split()) <= 4 and not lx.head.search(body) and \
        not lx.name.search(body)


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
    end = _clause_cut(stripped, m.end(), stop.start() if stop else len(stripped), lx)
    joint = (lx.title_after_and_strict if " về " in stripped[m.end():end] else lx.title_after_and).search(
        stripped, m.end(), end)
    if joint:
        end = joint.start()
    return 0, len(_without_trailing(stripped[:end], lx))


def _without_trailing(phrase: str, lx: _Lex) -> str:
    """The phrase without the punctuation and the joining words it ends with (`Bí thư Tỉnh ủy và`)."""
    if not phrase.endswith(lx.trailing_ends) and not phrase[-1:].isspace():
        return phrase  # (the pattern is tried at every position: most phrases end with a letter)
    return lx.trailing.sub("", phrase)


_TOKEN = re.compile(r"\S+")


def _clause_cut(text: str, start: int, end: int, lx: _Lex) -> int:
    """Where a position phrase between `start` and `end` gives way to the clause after it: at a capitalised clause
    word (`Tại Hội nghị`), or at a lower-case word after a proper name of two capitals or more (a body's noun
    aside) that does not go on with the name (`Bộ trưởng Bộ Công Thương nhận định`; but `Việt Nam tại Côn Minh`,
    `Đảng Cộng sản`)."""
    cap = lx.capital_stop.search(text, start, end)
    if cap:
        end = cap.start()
    run, prev = 0, ""
    for t in _TOKEN.finditer(text, start, end):
        word = t.group()
        if word[:1].isupper():
            run, prev = (0 if word in lx.org_words else run + 1), word  # `Sở Tài chính`: a body's noun opens it
            continue
        if run >= 2 and word not in lx.after_proper and (prev.lower(), word) not in lx.pairs:
            return t.start() - 1
        run = 0
    return end


def _position_to_end(stripped: str, lx: _Lex) -> tuple[int, int] | None:
    """The leftmost head whose phrase runs clean (no stop word, no joining word at its end) to the text's end."""
    joined = lx.joined_end.search(stripped)  # (it ends the text: the same for every head before it)
    for m in lx.head.finditer(stripped):
        if joined and joined.start() >= m.start() or lx.stop.search(stripped[m.start():]):
            continue
        return m.start(), len(stripped)
    return None


# (the boundary before it is checked after its first letter: see `trie_regex`)
# a run in Latin script, after its letter; a middle initial inside it (`Jerril G. Santos`)
_LATIN_REST = r"(?<![\w-].)[a-z]+(?:[ -][A-Z][a-z]+|[ ][A-Z]\.(?=[ ][A-Z][a-z])){1,3}(?![\w-])"
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# a Vietnamese syllable without its marks: initial consonant, vowels, final consonant
_VN_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")
# a plural title before a list: `các Phó Bí thư gồm: ông A, …`, `3 Phó Chủ tịch gồm ông A, ông B và bà C`,
# `các đồng chí Ủy viên Bộ Chính trị: A - Chủ tịch nước; B - Thủ tướng Chính phủ`
# (its first letters a character class, so that `re` scans for them: the rest of each word after it)
_LIST_HEAD = re.compile(r"[CcHhBbNnSs\d](?:(?<=[Cc])ác|(?<=\d)\d*|(?<=[Hh])ai|(?<=[Bb])a|(?<=[Bb])ốn|(?<=[Nn])ăm"
                        r"|(?<=[Ss])áu|(?<=[Bb])ảy)\s+(?:đồng chí\s+)?([^.;:\n]{3,80}?)"
                        r"(?:\s+(?:gồm(?: có)?|là)\s*:?|\s*:)\s*(?:(?:ông|bà|đồng chí)\s+)?$")
_PLURAL_BEFORE = re.compile(r"(?:^|\s)[Cc]ác\s+$")
_NEXT_IN_LIST = re.compile(r"\s*(?:[,;]|và|[,;]\s*và)\s*(?:(?:ông|bà|đồng chí)\s+)?")
_CREDIT = re.compile(r"(?:[ẢảAa]nh|Photo|Nguồn)\s*:\s*$")
_PART_SEP = re.compile(rf"[,;]|\s+kiêm\s+(?=[{UP}]|phó |trưởng )")  # `Bí thư Tỉnh ủy kiêm Chủ tịch HĐND tỉnh`
_PART_MARK = re.compile(r"[,;]")  # `_PART_SEP`'s first branch
_PHOTO_NOTE = re.compile(r"\s*(?:\((?:đứng|ngồi|giữa|trái|phải|thứ \w+ từ \w+)[^)]*\))?\s*")
_FORMER_END = re.compile(r"(?:^|\s)(?:nguyên|Nguyên)\s+$")
_FORMER_BEFORE = re.compile(r"(?:^|\s)(?:nguyên|Nguyên)\s*$")
_ONLY_HONORIFIC = re.compile(r"\s*(?:(?:đồng chí|Đồng chí|các đồng chí|Các đồng chí|nguyên|Nguyên)\s*)*")
_NEXT_WORD = re.compile(r" ([^\s,.;:]+)")
_DASHES = ("-", "–")
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
    m_end = lex().chain_end.search(text, start, limit)
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
    end = stop.start() if stop else len(body)
    joint = lx.title_after_and.search(body, org.end(), end)  # `…, Bộ Ngoại giao và đại diện lãnh đạo các sở`
    end = joint.start() if joint else end
    s, _e, f, r = spans[-1]
    spans[-1] = (s, base + len(_without_trailing(body[:end].rstrip(" ."), lx)), f, r)
    return not (stop or joint)


def _chain_before(text: str, start: int, floor: int) -> tuple[list[_Span], int]:
    """Positions written before a name (`Phó Bí thư Thường trực Tỉnh ủy Trần Văn Vinh`, or a chain of them)."""
    seg_from = _clause_start(text, floor, start)
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


def _clause_start(text: str, floor: int, start: int) -> int:
    """Where the clause that ends at `start` begins: after the last clause mark (a full stop inside `T.Ư` is none)."""
    m = lex().last_clause_mark.match(text, floor, start)
    return m.end() if m else floor


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


class _Candidates:
    """Where names start: their spans, the rule that found each, and those in Latin script (people only after a
    title)."""

    def __init__(self, size: int) -> None:
        self.spans: dict[int, tuple[int, int]] = {}
        self.rules: dict[int, str] = {}
        self.foreign: set[int] = set()
        self._cover = Cover(size)

    def covers(self, at: int) -> bool:
        return self._cover.covers(at)

    def add(self, s: int, e: int, rule: str) -> None:
        self.spans[s] = (s, e)
        self.rules[s] = rule
        self._cover.add(s, e)


def find_people(text: str, is_place: Callable[[str], bool] = lambda s: False,
                is_region: Callable[[str], bool] = lambda s: False) -> list[PersonMatch]:
    """Every named person in the text with positions, honorifics and the spans of each mention. `is_place` tells
    a place's name (`Thái Nguyên`); `is_region` a province or country (`Đoàn Lào` is a delegation)."""
    lx = lex()
    found = _Candidates(len(text))
    latin = _surname_names(text, found, is_place, is_region, lx)
    _honorific_names(text, found, is_region, lx)
    _latin_names(latin, found)
    _foreign_names(text, found, is_place, lx)
    _hyphened_names(text, found, is_place, lx)
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
        if lx.street.search(text, max(0, m.start() - 24), m.start()):
            continue  # `số 11 Lê Hồng Phong`: a street
        if _CREDIT.search(text, max(0, m.start() - 12), m.start()):
            continue  # `Ảnh: Đinh Tuấn`: a photographer's credit, like a byline not a person of the article
        words = m.group().split(" ")
        nxt = _NEXT_WORD.match(text, m.end(), m.end() + 20)
        trimmed = _trim_name(words, is_place, nxt.group(1) if nxt else "", is_region)
        if trimmed is None and _honorific_before(text, max(0, m.start() - 30), m.start(), lx):
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


def _foreign_names(text: str, found: _Candidates, is_place: Callable[[str], bool], lx: _Lex) -> None:
    """Chinese names in Vietnamese syllables (`Tập Cận Bình`, `Hạ Kiến Phong`): people when a title stands right
    before them (checked once the titles are read, as for names in Latin script)."""
    for m in lx.foreign_name.finditer(text):
        s = m.start()
        words = m.group().split(" ")
        if found.covers(s) or is_place(m.group()) or any(w in lx.not_name_syl for w in words[1:]):
            continue
        found.add(s, m.end(), "foreign name after title")
        found.foreign.add(s)


def _hyphened_names(text: str, found: _Candidates, is_place: Callable[[str], bool], lx: _Lex) -> None:
    """Names in syllables joined by hyphens (`Bí thư, Tỉnh trưởng tỉnh Khăm Muộn Văn-xay Phong-sạ-vẳn`): people
    when a title stands right before them (checked once the titles are read, as for names in Latin script)."""
    at, after = text.find("-"), 0
    while at != -1:  # (a hyphen inside a word is rare: found by `find`, the name matched from its word's start)
        s = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        m = lx.hyphened_name.match(text, s) if s >= after and at and text[at - 1].isalpha() else None
        if m is not None and (s == 0 or not text[s - 1].isalnum()):
            after = m.end()
            if not found.covers(s) and not is_place(m.group()):
                found.add(s, m.end(), "hyphened name after title")
                found.foreign.add(s)
        at = text.find("-", max(at + 1, after))


@dataclass
class _Reading:
    """What reading the names in order carries from one to the next."""
    prev_end: int = 0
    shared: str | None = None  # a plural title that the names of a list share


def _read_people(text: str, found: _Candidates, is_place: Callable[[str], bool]) -> list[PersonMatch]:
    """Each name with the titles before it and the chain after it, merged by name in order of first mention."""
    lx = lex()
    spans = _disjoint(found.spans.values())
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


def _disjoint(spans) -> list[tuple[int, int]]:
    """The candidates in order with none starting inside an earlier one: `Đồng chí Minh Nguyễn Hùng` is one name
    after the honorific, not also `Nguyễn Hùng` inside it."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda se: (se[0], -se[1])):
        if not out or s >= out[-1][1]:
            out.append((s, e))
    return out


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
    window = text[max(prev_end, first - 40): first]
    hon_m = _honorific_before(window, 0, len(window), lx)
    if hon_m:
        h = hon_m.group(1)
        return [h[0].lower() + h[1:] if h in ("Đồng chí", "Ông", "Bà", "Đ/c") else h]
    return []


def _honorific_before(text: str, lo: int, hi: int, lx: _Lex) -> re.Match | None:
    """`honorific_before` in `text[lo:hi]`, searched from where the longest honorific would start: an honorific
    (no space at its end) is followed by spaces alone, so it ends where `text[lo:hi].rstrip()` does."""
    end = lo + len(text[lo:hi].rstrip())
    return lx.honorific_before.search(text, max(lo, end - lx.longest_honorific), hi)


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
    head = _list_head(text, max(state.prev_end, s - 120), s) if not before else None
    if head and lx.head_at_start.match(head.group(1)):  # `Các Phó Bí thư gồm: ông A, ông B`
        shared = " ".join(head.group(1).split())
        _add_position(pm.person.positions, shared, first=True)
        pm.position_spans.append((head.start(1), head.end(1), shared))
        pm.position_rules.append(PLURAL)
        return shared
    if before and not after and _PLURAL_BEFORE.search(text, max(0, before[0][0] - 8), before[0][0]):
        return " ".join(text[before[-1][0]:before[-1][1]].split()).strip(" ,;-–")
    if not before and state.shared and _NEXT_IN_LIST.fullmatch(text, state.prev_end, s):
        _add_position(pm.person.positions, state.shared, first=True)
        return state.shared
    return None


def _list_head(text: str, lo: int, hi: int) -> re.Match | None:
    """`_LIST_HEAD` ending at `hi`, tried only when the text before has one of the words that end it."""
    window = text[lo:hi]
    if ":" not in window and "gồm" not in window and "là" not in window:
        return None
    return _LIST_HEAD.search(text, lo, hi)


def _add_position(target: list[str], phrase: str, first: bool = False) -> None:
    """Add a position once; `Tổng Bí thư Ban Chấp hành Trung ương Đảng` replaces a bare `Tổng Bí thư`. `first`: a
    title printed before the others (a list's shared title) goes first."""
    if first and not any(phrase.casefold() in old.casefold() or old.casefold() in phrase.casefold()
                         for old in target):
        target.insert(0, phrase)
        return
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
    taken = Cover(len(text), [(s, e) for pm in people for s, e in pm.spans])
    for pm in people:
        for s, e, _ in pm.position_spans:
            taken.add(s, e)
    titles = [(pm, pos) for pm in people for pos in _title_variants(pm.person) if len(pos.split()) >= 2]
    found = _title_occurrences(text, {pos for _pm, pos in titles})
    for pm, pos in titles:
        # the first person with a title takes every free occurrence: the next ones with it would find none
        _mentions_of_title(text, pm, pos, found.pop(pos, ()), taken)
    _given_name_mentions(text, people, taken)


def _title_occurrences(text: str, titles: set[str]) -> dict[str, list[int]]:
    """Where each title occurs, as `str.find` from the end of its last occurrence finds them (no two occurrences of
    a title overlap), for all titles in one pass over the text: the longest title at each place where one starts,
    then the titles that are its prefixes (they start there too)."""
    if not titles:
        return {}
    longest, prefixes = _titles_pattern(frozenset(titles))
    found: dict[str, list[int]] = {}
    ends: dict[str, int] = {}
    m = longest.search(text)
    while m is not None:
        at = m.start()
        for t in prefixes[m.group()]:
            if at >= ends.get(t, 0):
                found.setdefault(t, []).append(at)
                ends[t] = at + len(t)
        m = longest.search(text, at + 1)
    return found


@lru_cache(maxsize=4096)
def _titles_pattern(titles: frozenset[str]) -> tuple[re.Pattern, dict[str, list[str]]]:
    """One pattern for a page's titles, and the titles that are each one's prefixes (pages share titles)."""
    prefixes = {t: [t[:i] for i in range(1, len(t) + 1) if t[:i] in titles] for t in titles}
    return re.compile(trie_regex(sorted(titles))), prefixes


_GIVEN = re.compile(rf"[{UP}][{LO}]+")


@lru_cache(maxsize=4096)
def _given_pattern(names: tuple[str, ...]) -> re.Pattern:
    """The given names a page may use alone, each as a whole word after a space (checked after its first letter,
    see `trie_regex`) not run on into another name."""
    return re.compile(rf"(?:{trie_regex(list(names), after_first='(?<= .)')})(?![{LO}{UP}\w]| [{UP}])")


def _given_name_mentions(text: str, people: list[PersonMatch], taken: Cover) -> None:
    """`ông Tuấn`, `Bí thư Hùng`: a given name alone after an honorific or a title, later than the full name, is a
    mention of the one person named so (none when two share it)."""
    by_given: dict[str, list[PersonMatch]] = {}
    for pm in people:
        words = pm.person.name.split()
        if len(words) >= 2:
            by_given.setdefault(words[-1], []).append(pm)
    first = {id(pm): min(pm.spans)[0] for pm in people if pm.spans}  # (what is added here comes after it)
    names = tuple(sorted(g for g, owners in by_given.items() if len(owners) == 1 and _GIVEN.fullmatch(g)))
    if not names:
        return
    cue = lex().given_cue
    for m in _given_pattern(names).finditer(text):  # a few names: scanned by their first letters
        owners, (s, e) = by_given[m.group()], m.span()
        if not cue.search(text, max(0, s - 80), s):
            continue
        if first[id(owners[0])] < s and not taken.covers(s):
            owners[0].spans.append((s, e))
            owners[0].span_rules.append(f"given name after '{text[m.start():s].strip()}'")
            taken.add(s, e)


def _title_variants(person: Person) -> list[str]:
    """A person's positions, and each without the place after its unit (`Bí thư Tỉnh ủy Thái Nguyên` is later
    `Bí thư Tỉnh ủy`)."""
    lx = lex()
    variants = []
    for pos in person.positions:
        variants.append(pos)
        short = lx.unit_then_place.search(pos)
        if short and "\n" not in pos[:short.start()]:
            variants.append(pos[:short.end(1)])
    return variants


def _mentions_of_title(text: str, pm: PersonMatch, title: str, occurrences, taken: Cover) -> None:
    """Each free whole-word occurrence of `title` (at `occurrences`) is a mention of `pm`."""
    for at in occurrences:
        end = at + len(title)
        if not (end < len(text) and text[end].isalpha()) and not taken.covers(at):
            pm.spans.append((at, end))
            pm.span_rules.append(f"refers back to '{title}'")
            taken.add(at, end)


_BARE_UNIT = ("Tỉnh ủy", "tỉnh")
_BARE_CITY_UNIT = ("Thành ủy", "thành phố")  # completed only by a province that is a city: else a city inside it


def complete_positions(person: Person, province: str | None, when=None) -> list[str]:
    """Positions with the unit the article implies: `Bí thư Tỉnh ủy` in a Bình Dương article ->
    `Bí thư Tỉnh ủy Bình Dương`; on or after the merger of 1 July 2025 (`when`, the article's date) the merged
    province (`Chủ tịch UBND tỉnh` in a Hà Giang article of August 2025 -> `Chủ tịch UBND tỉnh Tuyên Quang`)."""
    if not province:
        return list(person.positions)
    if when is not None and after_merger(when):
        province = province_2025(province) or province
    out = []
    for pos in person.positions:
        bare = pos.endswith(_BARE_UNIT) or (pos.endswith(_BARE_CITY_UNIT) and province in lex().city_provinces)
        if bare and province not in pos:
            out.append(f"{pos} {province}")
        elif pos.endswith(("Ban Thường vụ", "Ban Chấp hành Đảng bộ tỉnh")):
            out.append(f"{pos} Tỉnh ủy {province}" if pos.endswith("vụ") else f"{pos} {province}")
        else:
            out.append(pos)
    return out


def expand_position(position: str) -> str:
    """A position with its abbreviations written out, for linking: `UVT.Ư Đảng` -> `Ủy viên Trung ương Đảng`,
    `Ủy viên BCH T.Ư Đảng` -> `Ủy viên Ban Chấp hành Trung ương Đảng`, `PBT Tỉnh ủy` -> `Phó Bí thư Tỉnh ủy`."""
    lx = lex()
    return lx.position_abbr.sub(lambda m: lx.position_abbreviations[m.group(1)], position)
