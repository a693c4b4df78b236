"""Party and state documents named in a text: a small grammar over kind words, numbers, codes and their tails.

A reference is read left to right:

    KIND [PLENUM | CONGRESS | NUMBER[/YEAR][-CODE]] {DATE | ISSUER [TERM] | TERM | PLENUM-OF} [SUBJECT]

- KIND: `Nghị quyết`, `Chỉ thị`, `Kết luận` … in any case (`documents.toml`), or `NQ`; a bare code with no kind
  word (`theo 57-KL/TW`, `1234/QĐ-TTg`) gets its kind from the code.
- PLENUM: `Trung ương 5`, `Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng`, then `khóa XI`.
- CONGRESS: `Đại hội XIII của Đảng`, `Đại hội đại biểu toàn quốc lần thứ XIII`, `Đại hội Đảng bộ tỉnh lần thứ XX`.
- NUMBER: `số 25-CT/TW`, `12/CT-TW`, `18/2024/NĐ-CP`, `100 - KL/TW`, `Chỉ thị 25`.
- tail: `ngày 05/11/2020`, `của Ban Bí thư TƯ khóa X`, `, Hội nghị lần thứ 6 Ban Chấp hành Trung ương`.
- SUBJECT: after `về` or in quotes, up to the end of the phrase; a subject that holds a document reference with its
  own `về` ends before that `về` (the rest is the inner document's subject).

A lower-case kind (`các nghị quyết, chỉ thị`) counts only with a number, a plenum or a congress after it; an
unnumbered capitalised kind counts only with a subject. The issuer comes from the reference itself, else from
`X (đã) ban hành` just before it, else from the code (`NĐ-CP` -> Chính phủ), else from a plural phrase of the text
(`các kết luận của Bộ Chính trị`). Mentions of one document are merged on `document_key`.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field, fields, replace
from functools import cache, lru_cache

from hoinghi.lexicons import load
from hoinghi.model import Document
from hoinghi.text import normalize, trie_regex, words_regex

__all__ = ["DocumentMatch", "document_key", "find_documents", "implied_code", "normalize_code"]

_LEX = load("documents.toml")


@dataclass
class DocumentMatch:
    """A document and its mentions. `rule`: how its first mention was found (for `hoinghi explain`; not part of
    the record): `numbered code`, `kind + number`, `plenum resolution`, `congress resolution`, `bare code`,
    `kind + subject`."""

    document: Document
    spans: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""


# ---------------------------------------------------------------------------------------------------------------
# Building blocks

_UPPER = "".join(
    sorted({c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha() and c.lower() != c})
)
_UP = "[" + re.escape(_UPPER) + "]"
_NAME = r"(?:\s*" + _UP + r"\w*(?:\s+(?:-\s+)?" + _UP + r"\w*){0,4})"
_ROMAN = r"(?:[IVXL]+)(?![\w])"
_DIGITS = r"(?:\d{1,2})(?![\w/.,]\d|\w)"

_NUMERALS: dict[str, int] = _LEX["numerals"]
_UNIT_WORDS = sorted((w for w in _NUMERALS if w not in ("mười", "mươi")), key=len, reverse=True)
_UNIT_ALT = "|".join(_UNIT_WORDS)
_NUMWORD = (
    r"(?i:(?:(?:hai|ba)\s+mươi(?:\s+(?:" + _UNIT_ALT + r"))?|mười(?:\s+(?:" + _UNIT_ALT + r"))?|(?:" + _UNIT_ALT
    + r")))(?!\w)"
)
_KHOA = r"(?i:kh(?:óa|oá|oa))"
_TERM = r"\s*,?\s*\(?\s*" + _KHOA + r"\s+(?P<term>" + _ROMAN + "|" + _DIGITS + r")\)?"
_TW = r"(?:(?i:trung\s+ương)|TW|TƯ|T\.Ư)(?!\w)"
_BCH = r"(?P<bch>(?:(?i:ban\s+chấp\s+hành)|BCH)\s*" + _TW + r"(?:\s+Đảng(?!\s+bộ))?)"

# A code segment: KL, TW, QĐi, NĐ, TTg, UBND, BĐNTW, QH14, T.Ư
_SEG = r"(?:T\.Ư|" + _UP + "[" + re.escape(_UPPER) + r"a-zđ]{0,9}\d{0,2})"
_CODE_AFTER_YEAR = _SEG + r"(?:[-/]" + _SEG + r"){0,3}"
_CODE_AFTER_NUM = _SEG + r"(?:\s?[-–/]\s?" + _SEG + r"){1,3}"
_NUMBER_CORE = (
    r"(?P<num>\d{1,5})(?:/(?P<year>(?:19|20)\d\d)/(?P<code1>" + _CODE_AFTER_YEAR + r")|(?:\s?[-–]\s?|/)(?P<code2>"
    + _CODE_AFTER_NUM + r"))?(?![\w/]|[.,]\d)"
)
_NUMBER = re.compile(r"(?:\s*,?\s*(?P<so>(?i:số))\s*:?\s*|\s+)" + _NUMBER_CORE)
_BARE = re.compile(
    r"(?P<num>\d{1,5})(?:/(?P<year>(?:19|20)\d\d)/(?P<code1>" + _CODE_AFTER_YEAR + r")|(?:\s?[-–]\s?|/)(?P<code2>"
    + _CODE_AFTER_NUM + r"))(?![\w/]|[.,]\d)"
)

_PLENUM_A = re.compile(
    r"\s*(?:(?i:hội\s+nghị)\s+)?" + _TW + r"(?:\s+Đảng)?\s*(?:(?:(?i:lần\s+thứ)\s+)(?P<w>" + _NUMWORD + r")|(?:(?i:lần\s+thứ|số)\s+)?(?P<d>"
    + _DIGITS + r"))"
)
_PLENUM_B = re.compile(
    r"\s+(?:(?i:hội\s+nghị)\s+)?(?i:lần\s+thứ|thứ)\s+(?:(?P<w>" + _NUMWORD + r")|(?P<d>" + _DIGITS + r")|(?P<r>"
    + _ROMAN + r"))\s*,?\s*(?:(?i:của)\s+)?" + _BCH
)
_PLENUM_OF = re.compile(
    r"\s*,?\s*(?:(?i:của|tại)\s+)?(?i:hội\s+nghị)\s+(?:(?:(?i:lần\s+thứ)\s+(?:(?P<w>" + _NUMWORD + r")|(?P<d>" + _DIGITS
    + r"))\s*,?\s*(?:(?i:của)\s+)?" + _BCH + r")|(?:" + _TW + r"\s+(?P<d2>" + _DIGITS + r")))"
)
_TERM_RE = re.compile(_TERM)
_MORE_TERM = re.compile(r"\s*(?:,|;|(?i:và))\s*(?:" + _KHOA + r"\s+)?(?P<term>" + _ROMAN + r")")
# The next word after a position decides which of the patterns below is worth trying.
_NEXT_WORD = re.compile(r"[\s,(]*(\w+)")
_PLENUM_FIRST = frozenset(_LEX["next_plenum"])
_DATE_FIRST = frozenset(_LEX["next_date"])
_TERM_FIRST = frozenset(_LEX["next_term"])
_ISSUER_FIRST_WORDS = frozenset(_LEX["next_issuer"])
_PLENUM_OF_FIRST = frozenset(_LEX["next_plenum_of"])

_UNIT = r"(?i:tỉnh|thành\s+phố|tp\.?|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)"
_CONG_N = r"(?:(?:(?i:lần\s+thứ)\s+(?:(?P<w>" + _NUMWORD + r")|(?P<d>" + _DIGITS + r")|(?P<r>" + _ROMAN + r")))|(?P<r2>" + _ROMAN + r")|(?P<d2>" + _DIGITS + r"))"
_CONGRESS_HEAD = re.compile(r"\s+(?i:đại\s+hội)(?:\s+(?i:đại\s+biểu))?")
_CONGRESS_WORD = re.compile(r"(?i:đại\s+hội)(?:\s+(?i:đại\s+biểu))?")
_CONG_PROVINCIAL = re.compile(
    r"\s+Đảng\s+bộ(?:\s*" + _UNIT + r")?(?P<name>" + _NAME + r")?\s*,?\s*(?:" + _KHOA + r"\s+(?:(?P<kr>" + _ROMAN + r")|(?P<kd>"
    + _DIGITS + r"))|" + _CONG_N + r")"
)
_CONG_NATIONAL_PARTY = re.compile(
    r"\s+Đảng(?!\s+bộ)(?:\s+(?i:cộng\s+sản\s+việt\s+nam))?(?:\s+(?i:toàn\s+quốc))?\s+" + _CONG_N
)
# `nghị quyết Đại hội` with no number, followed by neither another body's congress (`Đại hội Đoàn`) nor a
# generic one (`Đại hội Đảng các cấp`): the congress the text is about.
_ANAPHORIC_CONGRESS = re.compile(r"(?!\s+(?:Đảng(?:\s+bộ)?\s+)?(?i:các\s+cấp))(?=\s+(?:Đảng(?!\w)|[^\W\d" + re.escape(_UPPER)
                                 + r"])|\s*[.,;:!?)]|$)")
_CONG_PLAIN = re.compile(r"(?P<tq>\s+(?i:toàn\s+quốc))?\s+" + _CONG_N)
_CONG_AFTER_PROV = re.compile(r"\s+(?:(?i:của)\s+)?Đảng\s+bộ(?:\s*" + _UNIT + r")?")
_CONG_AFTER_NAT = re.compile(r"\s+(?:(?i:của)\s+)?(?:Đảng(?!\s+bộ)|(?i:toàn\s+quốc))")
_TENURE = re.compile(r"\s*,?\s*(?i:nhiệm\s+kỳ)\s+((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d")

_DATE = re.compile(
    r"\s*,?\s*(?:(?i:ban\s+hành|ký)\s+)?(?i:ngày)\s+(?:(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?i:tháng)\s+(?P<m2>\d{1,2})\s+(?i:năm)\s+(?P<y2>\d{4}))(?!\d)"
)

# Issuers: one compiled regex per lexicon entry (named groups), plus one alternation to find them fast.
_ISSUERS: list[tuple[re.Pattern[str], str]] = []
_issuer_alts = []
for _pattern, _canonical in _LEX["issuers"]:
    _rx = _pattern.replace(" ", r"\s+").replace("NAME", _NAME) + r"(?!\w)"
    _ISSUERS.append((re.compile(_rx), _canonical))
    _issuer_alts.append(re.sub(r"\(\?P<\w+>", "(?:", _rx))
_ISSUER_ANY = "(?:" + "|".join(_issuer_alts) + ")"
_ISSUER_ANY_RE = re.compile(_ISSUER_ANY)
_ISSUER_FIRST = re.compile(r"\s*,?\s*(?:(?i:của)|do)\s+(?=" + _ISSUER_ANY + ")")
_CLOSING = set(_LEX["closing_issuers"])

_CODE_ISSUERS = [(re.compile(p), name) for p, name in _LEX["code_issuers"]]
_CODE_KINDS: dict[str, str] = _LEX["code_kinds"]
_KIND_CODES: dict[str, str] = {}
for _head, _kind in _CODE_KINDS.items():
    _KIND_CODES.setdefault(_kind, _head)  # the first listed: `NQ` before `NQLT`, the party's `QĐi` for Quy định
_ISSUER_SUFFIXES = [(issuer, suffix) for issuer, suffix in _LEX["issuer_code_suffixes"]]

# Kinds
_KIND_OF: dict[str, str] = {}
for _canonical, _variants in _LEX["kinds"].items():
    for _v in _variants:
        _KIND_OF[normalize(_v).casefold()] = _canonical
_KIND_ALT = "|".join(v.replace(" ", r"\s+") for v in sorted(_KIND_OF, key=len, reverse=True))
_ABBR: dict[str, str] = _LEX["abbreviations"]
_ABBR_ALT = "|".join(sorted(_ABBR, key=len, reverse=True))
_NUMBERED_ONLY = set(_LEX["numbered_only"])
_VERB_LIKE = set(_LEX["verb_like"])
_VERBS = set(_LEX["verbs"])
_PLENUM_KINDS = set(_LEX["plenum_kinds"])
_CONGRESS_KINDS = set(_LEX["congress_kinds"])

_MASTER = re.compile(
    r"(?P<kind>(?i:" + _KIND_ALT + r"))(?!\w)"
    r"|(?P<abbr>" + _ABBR_ALT + r")(?=\s*(?:(?i:số)\s*)?\d|\s*" + _TW + r")"
    r"|(?P<bare>\d)(?=\d{0,4}(?:\s?[-–]\s?" + _UP + r"|/(?:(?:19|20)\d\d/)?" + _UP + r"))"
)
# Fast candidate finding: kind words are looked up with str.find in the lower-cased text (a regex alternation
# tried at every position costs ~1 ms on a 4 KB page), codes from their `-` and `/`.
# A word that starts with another kind word (`chương trình hành động`) is found through the shorter one.
_KIND_WORDS_LOW = [w for w in _KIND_OF if not any(w != v and w.startswith(v) for v in _KIND_OF)]
_PLURAL_WORDS = _LEX["plural_words"]
_PLURAL_BEFORE = re.compile(
    r"(?i:" + trie_regex(sorted(_PLURAL_WORDS)) + r")\s+(?:(?i:" + _KIND_ALT + r")\s*(?:,|và)\s*)*$"
)
_DRAFT_BEFORE = re.compile(
    r"(?<!\w)(?i:" + trie_regex(sorted(w.replace(" ", "\0") for w in _LEX["draft_words"]),
                                  char=lambda c: r"\s+" if c == "\0" else re.escape(c)) + r")\s+$"
)
_PLURAL_WORD_BEFORE = re.compile(r"(?<!\w)(?i:các|những)\s+$")
_PLURAL_TAIL = re.compile(
    r"(?P<kinds>(?i:" + _KIND_ALT + r")(?:\s*(?:,|và)\s*(?i:" + _KIND_ALT + r"))*)\s+"
    r"(?:của|do)\s+(?P<issuer>" + _ISSUER_ANY + r")(?P<more>\s*(?:,|và)\s*" + _ISSUER_ANY + ")?"
)
_ENACTED_BEFORE = re.compile(
    r"(?P<issuer>" + _ISSUER_ANY + r")(?:\s+(?i:đã|vừa|mới|chính\s+thức|ký))*\s+(?i:ban\s+hành|ra)\s+$"
)

_SUBJECT_START = re.compile(
    r"\s*,?\s*(?:(?P<ve>(?i:về))(?!\w)\s*(?P<vq>[“\"'‘])?|(?P<vv>(?i:v/v))\s+|(?P<q>[“\"‘]))"
)
_CLOSE_QUOTE = {"“": "”", '"': '"', "'": "'", "‘": "’"}
# Where an unquoted subject ends: punctuation, a quote, a paragraph break (a line break before a capital letter),
# `và` / `,` before the next capitalised document, `do <issuer> ban hành`, or a closing `của <top issuer>`.
_HARD_STOP = re.compile(r"[;:!?(|”\"’\n]|\.(?=\s|$|/)")
# A comma that closes the clause: a clause-opening word after it, or a capitalised word after two words
# among lower-case ones (`… trong tình hình mới, Ban Thường vụ Huyện ủy ban hành …`; `của Đảng, Nhà nước, Mặt trận`
# goes on). The pattern is `(?:\w+\s+)?\w+` + `_COMMA_TAIL`; one that opens with a word would be tried at every
# position, so the commas are found with str.find and the words before one read backwards: `_PREV_REVERSED` on
# the reversed text (the up to two words `(?:\w+\s+)?\w+` that end at the comma, from the first).
_COMMA_TAIL = re.compile(r",\s+(?=" + words_regex(_LEX["clause_openers"]) + "|(?P<up>" + _UP + r"))")
_PREV_REVERSED = re.compile(r"\w+(?:\s+\w+)?")
_LIST_GLUE = re.compile(r"(?:\s+và|\s*,)\s*$")
_DO_ENACTED = re.compile(r"\s+do\s+[^.;\n]{0,60}?\s(?i:ban\s+hành)(?!\w)")
_AFTER_CLOSING = re.compile(r"(?:" + _TERM + r")?\s*(?:[;.)]|$)")
_FOLLOWS_SUBJECT = re.compile(r"\s*,?\s*(?:(?i:về)(?!\w)|[“\"])")
_INNER_VE = re.compile(r"^(?i:về\s+|v/v\s+)")
_MAX_SUBJECT = 320
_MAX_PLENUM = 20  # a term has had at most 15 plenums: `Nghị quyết TW 18` is not one


# ---------------------------------------------------------------------------------------------------------------
# Small conversions

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman_to_int(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total if 0 < total < 60 and _int_to_roman(total) == s else None


def _int_to_roman(n: int) -> str:
    out = []
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _numword(s: str) -> int | None:
    words = s.lower().split()
    if not words:
        return None
    if words[0] == "mười":
        rest = words[1:]
        return 10 + (_NUMERALS.get(rest[0], 0) if rest else 0)
    if len(words) >= 2 and words[1] == "mươi":
        tens = _NUMERALS.get(words[0])
        if tens is None:
            return None
        return tens * 10 + (_NUMERALS.get(words[2], 0) if len(words) > 2 else 0)
    return _NUMERALS.get(words[0])


def _ordinal(m: re.Match[str], *groups: str) -> int | None:
    """The number in whichever of the groups matched: digits, Roman numerals or Vietnamese number words."""
    for g in groups:
        v = m.group(g)
        if not v:
            continue
        if g.startswith("w"):
            return _numword(v)
        if g.startswith("r") or g == "kr":
            return _roman_to_int(v)
        return int(v) if v.isdigit() else None
    return None


def _term(raw: str | None) -> str | None:
    if not raw:
        return None
    if raw.isdigit():
        n = int(raw)
        return _int_to_roman(n) if 0 < n < 60 else None
    return raw if _roman_to_int(raw) else None


def _parse_date(m: re.Match[str]) -> str | None:
    """The signing date matched by `_DATE` as ISO (a real calendar day), else None."""
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    try:
        return _dt.date(int(y), int(mo), int(d)).isoformat() if 1930 <= int(y) <= 2100 else None
    except ValueError:
        return None


def _squash(s: str) -> str:
    return " ".join(s.split())


_PARTY_HYPHEN = re.compile(r"^([^-/]+)-(TW|TU)$")


@lru_cache(maxsize=4096)
def normalize_code(code: str) -> str:
    """One spelling of a document code: `CT-TW`, `CT/ TƯ`, `CT/T.Ư` -> `CT/TW`; `NĐ-CP`, `QĐi/TW` kept."""
    c = "".join(code.split())
    if not c.isascii():
        c = unicodedata.normalize("NFC", c).replace("\u00d0", "Đ").replace("–", "-")
    c = c.replace("T.Ư", "TW").replace("TƯ", "TW")
    return _PARTY_HYPHEN.sub(r"\1/\2", c)


def _code_kind(code: str, year: str | None) -> str | None:
    head = re.split(r"[-/]", code, maxsplit=1)[0]
    if head in _CODE_KINDS and head != "QH":
        return _CODE_KINDS[head]
    if year and re.fullmatch(r"QH\d*", head):
        return _CODE_KINDS.get("QH")
    return None


def implied_code(kind: str | None, issuer: str | None) -> str | None:
    """The code a party body's document of this kind carries, when its issuer says which body (spelt out):
    (`Kết luận`, `Bộ Chính trị`) -> `KL/TW`; (`Kế hoạch`, `Ban Thường vụ Tỉnh ủy Yên Bái`) -> `KH/TU`; else None."""
    head = _KIND_CODES.get(kind or "")
    if not head or not issuer:
        return None
    suffix = next((s for body, s in _ISSUER_SUFFIXES if issuer.startswith(body)), None)
    return f"{head}/{suffix}" if suffix else None


def _code_issuer(code: str) -> str | None:
    for rx, name in _CODE_ISSUERS:
        if rx.search(code):
            return name
    return None


def _match_issuer(text: str, pos: int) -> tuple[str, str, int] | None:
    """The issuer at `pos`: (as printed, spelt out, end), or None."""
    if not _ISSUER_ANY_RE.match(text, pos):
        return None
    for rx, canonical in _ISSUERS:
        m = rx.match(text, pos)
        if m:
            printed = _squash(m.group(0))
            if canonical == "{0}":
                return printed, printed, m.end()
            name = m.groupdict().get("name")
            return printed, canonical.replace("{name}", " " + _squash(name) if name else ""), m.end()
    return None


def _set_issuer(doc: Document, printed: str, full: str | None = None) -> None:
    doc.issuer, doc.issuer_full = printed, full or printed


def _bch_issuer(m: re.Match[str]) -> tuple[str, str]:
    """The Central Committee as printed in a plenum's name (`Ban Chấp hành T.Ư Đảng`), and spelt out."""
    bch = m.groupdict().get("bch")
    return (_squash(bch) if bch else _BCH_FULL), _BCH_FULL


_KEY_STRIP = " .,;:-–—\"'“”()"
_BCH_FULL = "Ban Chấp hành Trung ương"


def _norm(s: str | None) -> str:
    if s is None:
        return ""
    s = str(s)
    if not s.isascii():
        s = normalize(s)
    return " ".join(s.casefold().split()).strip(_KEY_STRIP)


_norm_kind = cache(_norm)


def document_key(doc: Document) -> tuple:
    """The key the scorer matches documents on: (kind, number), else (kind, congress, level), else
    (kind, plenum, term), else (kind, subject)."""
    kind = _norm_kind(doc.kind)
    if doc.number:
        return (kind, "no", _norm(doc.number).lstrip("0"))
    if doc.congress:
        return (kind, "congress", _norm(doc.congress).upper(), doc.level or "national")
    if doc.plenum:
        return (kind, "plenum", int(doc.plenum), _norm(doc.term).upper())
    return (kind, "other", _norm(doc.subject))


# ---------------------------------------------------------------------------------------------------------------
# The grammar


@dataclass
class _Ref:
    doc: Document
    start: int
    head_end: int  # end of kind + number + tail: scanning resumes here (the subject may hold more documents)
    end: int  # end of the whole mention, subject included
    issuer_printed: bool = False
    level_guessed: bool = False  # a congress whose level the text does not say (`Nghị quyết Đại hội XIII`)
    rule: str = ""  # how it was found (DocumentMatch.rule)
    also: list[Document] = field(default_factory=list)  # more documents named by the same words (other terms)


def _parse_head(text: str, m: re.Match[str], context_level: str | None) -> _Ref | None:
    """Kind word (or NQ) at m: plenum, congress or number, then the tail. None when it is no document."""
    word = m.group("kind") or m.group("abbr")
    kind = _KIND_OF.get(" ".join(word.lower().split())) if m.group("kind") else _ABBR[word]
    if kind is None:
        return None
    lower = word[0].islower()
    start, pos = m.start(), m.end()
    if _DRAFT_BEFORE.search(text, max(0, start - 16), start):
        return None  # `dự thảo Nghị quyết …`: a draft is not issued
    nw = _next_word(text, pos)
    ref = (_head_plenum(text, start, pos, kind, nw) or _head_congress(text, start, pos, kind, nw, context_level)
           or _head_number(text, start, pos, kind, nw, lower))
    if ref is None:
        if lower:
            return None
        ref = _Ref(Document(kind=kind), start, pos, pos, rule="kind + subject")
    _parse_tail(text, ref)
    if ref.rule == "kind + subject" and (
        kind in _NUMBERED_ONLY or _plural_before(text, start) or (kind in _VERBS and _sentence_start(text, start))
    ):
        return None
    if ref.rule == "kind + subject" and ref.doc.plenum:
        ref.rule = "plenum resolution (named after the kind)"  # `Nghị quyết của Hội nghị lần thứ 8 BCH TW`
    return ref


def _head_plenum(text: str, start: int, pos: int, kind: str, nw: str) -> _Ref | None:
    """`Nghị quyết Trung ương 5 khóa XI`, `Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng`."""
    if kind not in _PLENUM_KINDS or nw not in _PLENUM_FIRST:
        return None
    pm = _PLENUM_A.match(text, pos) or _PLENUM_B.match(text, pos)
    plenum = _ordinal(pm, "w", "d", "r") if pm else None
    if not plenum or not 0 < plenum <= _MAX_PLENUM:
        return None
    doc = Document(kind=kind, plenum=plenum, level="national")
    _set_issuer(doc, *_bch_issuer(pm))
    pos = pm.end()
    tm = _TERM_RE.match(text, pos)
    more: list[Document] = []
    if tm:
        doc.term, pos = _term(tm.group("term")), tm.end()
        pos = _more_terms(text, pos, doc, more)
    return _Ref(doc, start, pos, pos, rule="plenum resolution", also=more)


def _more_terms(text: str, pos: int, doc: Document, more: list[Document]) -> int:
    """`Nghị quyết Trung ương 4 (khóa XI, khóa XII)`, `… khóa XI và XII`: the same plenum of each further term is
    a resolution of its own (appended to `more`). Returns where the list ends (its closing bracket included)."""
    while True:
        m = _MORE_TERM.match(text, pos)
        term = _term(m.group("term")) if m else None
        if not term:
            break
        if term != doc.term and all(d.term != term for d in more):
            more.append(replace(doc, term=term))
        pos = m.end()
    if more and text.startswith(")", pos):
        pos += 1
    return pos


def _head_congress(text: str, start: int, pos: int, kind: str, nw: str, context_level: str | None) -> _Ref | None:
    """`Nghị quyết Đại hội XIII của Đảng`, `Văn kiện Đại hội Đảng bộ tỉnh lần thứ XX`."""
    if kind not in _CONGRESS_KINDS or nw != "đại":
        return None
    cm = _CONGRESS_HEAD.match(text, pos)
    got = _parse_congress(text, cm.end(), context_level) if cm else None
    rule = "congress resolution"
    if not got and cm and _ANAPHORIC_CONGRESS.match(text, cm.end()) and not _plural_before(text, start):
        got = _named_congress(text, context_level)  # `mục tiêu nghị quyết Đại hội đã đề ra`
        got = got and (got[0], got[1], cm.end(), got[2])
        rule = "congress resolution (the congress the text names)"
    if not got:
        return None
    congress, level, pos, guessed = got
    return _Ref(Document(kind=kind, congress=congress, level=level), start, pos, pos, level_guessed=guessed,
                rule=rule)


@lru_cache(maxsize=8)
def _named_congress(text: str, context_level: str | None) -> tuple[str, str, bool] | None:
    """The one party congress the text names with its number (`Đại hội Đảng bộ tỉnh lần thứ XVI`), else None."""
    low = text.lower()
    named = set()
    i = low.find("đại hội")
    while i >= 0:
        cm = _CONGRESS_WORD.match(text, i)
        got = _parse_congress(text, cm.end(), context_level) if cm else None
        if got:
            named.add((got[0], got[1], got[3]))
        i = low.find("đại hội", i + 7)
    return named.pop() if len(named) == 1 else None


def _head_number(text: str, start: int, pos: int, kind: str, nw: str, lower: bool) -> _Ref | None:
    """`số 25-CT/TW`, `18/2024/NĐ-CP`, `Chỉ thị 25`: not a year alone, nor a bare number after a lower-case kind
    that is also a verb (`quyết định 3 nội dung`)."""
    if not (nw == "số" or nw[:1].isdigit()):
        return None
    nm = _NUMBER.match(text, pos)
    if not nm:
        return None
    code = nm.group("code1") or nm.group("code2")
    num = nm.group("num")
    strong_number = bool(nm.group("so") or code)
    year_like = len(num) == 4 and num[:2] in ("19", "20")
    if not (strong_number or not year_like) or (lower and not strong_number and kind in _VERB_LIKE):
        return None
    doc = Document(kind=kind, number=num, code=normalize_code(code) if code else None)
    return _Ref(doc, start, nm.end(), nm.end(), rule="numbered code" if code else "kind + number")


def _sentence_start(text: str, start: int) -> bool:
    """`Kết luận hội nghị, …`, `Thông báo về …` open a sentence as verbs more often than as document names."""
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in ".!?:\n"


def _plural_before(text: str, start: int) -> bool:
    """`các Chỉ thị`, `các Nghị quyết, Kết luận, Quy định`: a kind word in a generic plural."""
    lo = max(0, start - 80)
    window = text[lo:start].lower()
    if not any(w in window for w in _PLURAL_WORDS):
        return False
    return bool(_PLURAL_BEFORE.search(text, lo, start))


def _parse_congress(text: str, pos: int, context_level: str | None) -> tuple[str, str, int, bool] | None:
    """After `Đại hội [đại biểu]`: (congress in Roman numerals, level, end, whether the level is a guess) or None."""
    m = _CONG_PROVINCIAL.match(text, pos)
    if m:
        n = _ordinal(m, "kr", "kd", "w", "d", "r", "r2", "d2")
        return (_int_to_roman(n), "provincial", m.end(), False) if n else None
    m = _CONG_NATIONAL_PARTY.match(text, pos)
    if m:
        n = _ordinal(m, "w", "d", "r", "r2", "d2")
        return (_int_to_roman(n), "national", m.end(), False) if n else None
    m = _CONG_PLAIN.match(text, pos)
    if not m:
        return None
    n = _ordinal(m, "w", "d", "r", "r2", "d2")
    if not n:
        return None
    end = m.end()
    after = _CONG_AFTER_PROV.match(text, end)
    if after:
        return _int_to_roman(n), "provincial", after.end(), False
    after = _CONG_AFTER_NAT.match(text, end)
    if after or m.group("tq"):
        return _int_to_roman(n), "national", after.end() if after else end, False
    # Unsaid: a tenure starting on a year ending in 0 or 5 is a provincial one (2020-2025), in 1 or 6 national.
    tm = _TENURE.match(text, end)
    if tm:
        return _int_to_roman(n), "provincial" if int(tm.group(1)) % 5 == 0 else "national", end, False
    # Else the article's own level; `_merge` gives way to the level said at another mention of the same congress.
    return _int_to_roman(n), "provincial" if context_level == "provincial" else "national", end, True


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1).lower() if m else ""


def _parse_tail(text: str, ref: _Ref) -> None:
    """Date, issuer (with term), term and `Hội nghị lần thứ N Ban Chấp hành Trung ương` after the head, any order."""
    doc, pos = ref.doc, ref.head_end
    seen: set[str] = set()
    while True:
        nw = _next_word(text, pos)
        if nw in _DATE_FIRST and "date" not in seen:
            m = _DATE.match(text, pos)
            if m:
                seen.add("date")
                doc.date = doc.date or _parse_date(m)
                pos = m.end()
                continue
        if nw in _ISSUER_FIRST_WORDS and "issuer" not in seen:
            m = _ISSUER_FIRST.match(text, pos)
            got = _match_issuer(text, m.end()) if m else None
            if got:
                seen.add("issuer")
                _set_issuer(doc, got[0], got[1])
                pos, ref.issuer_printed = got[2], True
                continue
        if nw in _TERM_FIRST and "term" not in seen:
            m = _TERM_RE.match(text, pos)
            if m:
                seen.add("term")
                doc.term = doc.term or _term(m.group("term"))
                pos = m.end()
                continue
        if nw in _PLENUM_OF_FIRST and "plenum" not in seen and doc.kind == "Nghị quyết":
            m = _PLENUM_OF.match(text, pos)
            if m:
                seen.add("plenum")
                doc.plenum = doc.plenum or _ordinal(m, "w", "d", "d2")
                if not ref.issuer_printed:
                    _set_issuer(doc, *_bch_issuer(m))
                    ref.issuer_printed = True
                pos = m.end()
                continue
        break
    ref.head_end = ref.end = pos


def _parse_subject(scan: _Scan, ref: _Ref) -> None:
    text = scan.text
    m = _SUBJECT_START.match(text, ref.head_end)
    if not m:
        return
    quote = m.group("vq") or m.group("q")
    start = m.end()
    if quote:
        close = text.find(_CLOSE_QUOTE[quote], start, start + 600)
        if close < 0 and quote == "“":
            close = text.find('"', start, start + 600)
        if close < 0:
            return
        subject, end = text[start:close], close + 1
        subject = _INNER_VE.sub("", subject.strip())
        if not ref.issuer_printed:  # `Đề án “…” của UBND tỉnh`
            im = _ISSUER_FIRST.match(text, end)
            got = _match_issuer(text, im.end()) if im else None
            if got:
                _set_issuer(ref.doc, got[0], got[1])
                end, ref.issuer_printed = got[2], True
    else:
        limit = min(len(text), start + _MAX_SUBJECT)
        stop_at = _subject_stop(scan, start, limit)
        stop_at = _cut_at_inner(scan, start, stop_at, ref)
        subject, end = text[start:stop_at], stop_at
        if stop_at == limit < len(text) or (stop_at == len(text) and re.search(r"\s\w$", subject)):
            cut = subject.rstrip().rfind(" ")  # cut off mid-word: by the length limit, or the page was truncated
            if cut > 0:
                subject, end = subject[:cut], start + cut
    subject = _squash(subject).strip(" ,;:-–")
    if len(subject) >= 3:
        ref.doc.subject = subject
        ref.end = end


def _subject_stop(scan: _Scan, start: int, limit: int) -> int:
    text, n = scan.text, len(scan.text)
    stop, pos = limit, start
    while True:
        m = _HARD_STOP.search(text, pos, limit)
        if not m:
            break
        if m.group() != "\n":
            stop = m.start()
            break
        k = m.end()
        while k < n and text[k] in " \t":
            k += 1
        if k >= n or not text[k].islower():
            stop = m.start()
            break
        pos = m.end()
    stop = _clause_end(scan, start, stop)
    i = bisect_left(scan.kinds, start + 1)
    while i < len(scan.kinds) and scan.kinds[i] < stop:
        p = scan.kinds[i]
        i += 1
        if text[p].isupper() and not text[p - 1].isalnum():
            g = _LIST_GLUE.search(text, max(start, p - 8), p)
            if g:
                stop = g.start()
                break
    d = text.find(" do ", start, stop)
    if d >= 0:
        dm = _DO_ENACTED.match(text, d, stop)
        if dm:
            stop = d
    return stop


def _clause_end(scan: _Scan, start: int, stop: int) -> int:
    """Where the clause that holds an unquoted subject ends, before `stop`: at a comma that opens another clause.
    The commas in turn, as a left-to-right search for the words before a comma and `_COMMA_TAIL` would take them:
    one with a word right before it (after where the last one taken ends) and the tail after it."""
    text, pos = scan.text, start
    c = text.find(",", pos + 1, stop)
    while c != -1:
        tail = _COMMA_TAIL.match(text, c, stop)
        prev = _words_before(scan, c, pos) if tail else None
        if prev:
            if not (tail.group("up") and any(w[0].isupper() for w in prev.split())):
                return c
            pos = tail.end()
        c = text.find(",", max(c, pos) + 1, stop)
    return stop


def _words_before(scan: _Scan, end: int, lo: int) -> str | None:
    """The one or two words (`_PREV_REVERSED`) that end at `end` and start at `lo` or after, from the first."""
    n = len(scan.text)
    m = _PREV_REVERSED.match(scan.reversed, n - end, n - lo)
    return scan.text[end - len(m.group()): end] if m else None


def _cut_at_inner(scan: _Scan, start: int, stop: int, ref: _Ref) -> int:
    """Where an unquoted subject ends before `stop`: before the `về` of an inner reference, or at a closing
    `của <issuer>` outside inner references."""
    text = scan.text
    pos = start
    i = bisect_left(scan.positions, start)
    while pos < stop:
        while i < len(scan.positions) and scan.positions[i] < pos:
            i += 1
        m = None
        while i < len(scan.positions) and scan.positions[i] < stop and m is None:
            m = _MASTER.match(text, scan.positions[i])
            i += 1
        seg_end = m.start() if m else stop
        c = text.find(" của ", pos, seg_end)
        while c >= 0:
            got = _match_issuer(text, c + 5)
            if got and got[1] in _CLOSING and _AFTER_CLOSING.match(text, got[2], seg_end):
                if not ref.issuer_printed:
                    _set_issuer(ref.doc, got[0], got[1])
                    ref.issuer_printed = True
                return c
            c = text.find(" của ", c + 5, seg_end)
        if not m:
            break
        inner = scan.head(m)
        if inner is None:
            pos = m.end()
            continue
        if inner.head_end < stop and _FOLLOWS_SUBJECT.match(text, inner.head_end):
            return inner.head_end
        pos = max(inner.head_end, m.end())
    return stop


def _parse_bare(text: str, m: re.Match[str]) -> _Ref | None:
    start = m.start()
    if start and (text[start - 1].isalnum() or text[start - 1] in "/.,-_"):
        return None
    bm = _BARE.match(text, start)
    if not bm:
        return None
    code = normalize_code(bm.group("code1") or bm.group("code2"))
    kind = _code_kind(code, bm.group("year"))
    if kind is None:
        return None
    ref = _Ref(Document(kind=kind, number=bm.group("num"), code=code), start, bm.end(), bm.end(), rule="bare code")
    _parse_tail(text, ref)
    return ref


def _parse_any(text: str, m: re.Match[str], context_level: str | None) -> _Ref | None:
    if m.group("bare"):
        return _parse_bare(text, m)
    start = m.start()
    if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
        return None
    return _parse_head(text, m, context_level)


@dataclass
class _Scan:
    text: str
    context_level: str | None
    positions: list[int]  # where a kind word, `NQ` or a number before a code starts, ascending
    kinds: list[int]  # where a kind word starts
    heads: dict[int, _Ref | None] = field(default_factory=dict)  # parsed heads (no subject yet) by start
    _reversed: str | None = None

    @property
    def reversed(self) -> str:
        """The text backwards (read once, when a subject needs it)."""
        if self._reversed is None:
            self._reversed = self.text[::-1]
        return self._reversed

    def head(self, m: re.Match[str]) -> _Ref | None:
        start = m.start()
        if start not in self.heads:
            self.heads[start] = _parse_any(self.text, m, self.context_level)
        return self.heads[start]


def _candidates(text: str) -> tuple[list[int], list[int]]:
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: find the slow way
        found = [(m.start(), bool(m.group("kind"))) for m in _MASTER.finditer(text)]
        return [p for p, _ in found], [p for p, k in found if k]
    low = low.replace("\n", " ").replace("\t", " ")
    kinds: set[int] = set()
    for word in _KIND_WORDS_LOW:
        i = low.find(word)
        while i >= 0:
            kinds.add(i)
            i = low.find(word, i + 1)
    positions = set(kinds)
    for abbr in _ABBR:
        i = text.find(abbr)
        while i >= 0:
            positions.add(i)
            i = text.find(abbr, i + 1)
    for sep in "-–/":
        j = text.find(sep)
        while j >= 0:
            k = j - 1
            if k >= 0 and text[k] == " ":
                k -= 1
            if k >= 0 and text[k].isdigit():
                while k > 0 and text[k - 1].isdigit():
                    k -= 1
                positions.add(k)
            j = text.find(sep, j + 1)
    return sorted(positions), sorted(kinds)


def _scan(scan: _Scan) -> list[_Ref]:
    text = scan.text
    refs: list[_Ref] = []
    pos = 0
    for start in scan.positions:
        if start < pos:
            continue
        m = _MASTER.match(text, start)
        if not m:
            continue
        ref = scan.head(m)
        if ref is None:
            continue
        _parse_subject(scan, ref)
        if ref.doc.number or ref.doc.plenum or ref.doc.congress:
            refs.append(ref)
            refs.extend(_Ref(replace(doc, subject=ref.doc.subject), ref.start, ref.head_end, ref.end,
                             ref.issuer_printed, rule=ref.rule) for doc in ref.also)
        pos = max(ref.head_end, m.end())
    return refs


# ---------------------------------------------------------------------------------------------------------------
# Issuers from around the reference, merging


_KIND_WORD = re.compile(r"(?i:" + _KIND_ALT + r")")


# `Ngày 22/12/2024, Tổng Bí thư Tô Lâm đã ký ban hành <doc>`: the day it was signed, printed before the issuer
_ENACTED_ON = re.compile(r"(?i:ngày)\s+(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d\d)\s*,?\s+"
                         r"[^.;:\n]{0,80}?(?i:ban\s+hành|ra)\s*$")


def _enacted_windows(text: str, dm: DocumentMatch, size: int):
    """The text before each mention of a document that ends on the verb that issued it (`… đã ban hành <doc>`)."""
    for start, _ in dm.spans:
        window = text[max(0, start - size): start]
        if window.rstrip().lower().endswith(("ban hành", " ra")):
            yield window


# A document's own header: `Số: 716/KH-UBND` and, a line or two below, `Nghệ An, ngày 14 tháng 10 năm 2022`.
_HEADER_DATE = re.compile(
    r"(?<!\w)(?i:số)\s*:\s*(?P<num>\d{1,5})(?:/(?:19|20)\d\d)?(?:/|\s?[-–]\s?)(?P<code>[^\s,;]+)[^\n]{0,40}\n"
    r"(?:[^\n]{0,80}\n){0,2}?[^\n]{0,60}?(?i:ngày)\s+(?P<d>\d{1,2})\s+(?i:tháng)\s+(?P<m>\d{1,2})\s+(?i:năm)\s+"
    r"(?P<y>\d{4})(?!\d)"
)


def _header_dates(text: str) -> dict[tuple[str, str], str]:
    """(number, code) -> signing date, from the headers of documents printed whole on the page."""
    out = {}
    if "ố:" not in text and "Ố:" not in text:
        return out
    for m in _HEADER_DATE.finditer(text):
        try:
            day = _dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
        except ValueError:
            continue
        out.setdefault((m.group("num").lstrip("0"), normalize_code(m.group("code"))), day)
    return out


def _fill_dates(scan: _Scan, matches: list[DocumentMatch]) -> None:
    """Signing dates printed before the issuer and its verb (`Ngày 22/12/2024, Tổng Bí thư đã ký ban hành …`),
    or in the document's own header (`Số: 716/KH-UBND` … `ngày 14 tháng 10 năm 2022`)."""
    headers = None
    for dm in matches:
        doc = dm.document
        if doc.date:
            continue
        if doc.number and doc.code:
            headers = _header_dates(scan.text) if headers is None else headers
            doc.date = headers.get((doc.number.lstrip("0"), doc.code))
            if doc.date:
                continue
        for window in _enacted_windows(scan.text, dm, 140):
            m = _ENACTED_ON.search(window)
            if m:
                try:
                    dm.document.date = _dt.date(int(m.group(4)), int(m.group(3)), int(m.group(1))).isoformat()
                except ValueError:
                    continue
                break


def _fill_issuers(scan: _Scan, matches: list[DocumentMatch]) -> None:
    """Issuers not printed in the reference: `X đã ban hành <doc>`, else the code, else a plural phrase
    (`các kết luận của Bộ Chính trị`) covering the kind, the nearest before the first mention (else after)."""
    text = scan.text
    phrases = None
    for dm in matches:
        doc = dm.document
        if doc.issuer:
            continue
        for window in _enacted_windows(text, dm, 120):
            em = _ENACTED_BEFORE.search(window)
            got = _match_issuer(window, em.start("issuer")) if em else None
            if got:
                _set_issuer(doc, got[0], got[1])
                break
        if doc.issuer:
            continue
        if doc.code and _code_issuer(doc.code):
            _set_issuer(doc, _code_issuer(doc.code))
            continue
        if doc.plenum or doc.congress:
            continue
        if phrases is None:
            phrases = _plural_phrases(scan)
        first = dm.spans[0][0]
        best = None
        for pstart, kinds, issuer in phrases:
            if doc.kind in kinds and (best is None or best[0] < pstart <= first):
                best = (pstart, issuer)
        if best:
            _set_issuer(doc, *best[1])


def _plural_phrases(scan: _Scan) -> list[tuple[int, set[str], tuple[str, str]]]:
    """`các kết luận của Bộ Chính trị`, `các chỉ thị, kết luận của Ban Bí thư`: (start, kinds, issuer); a phrase
    naming two issuers (`của Bộ Chính trị, Ban Bí thư`) says nothing about any one document."""
    text = scan.text
    out = []
    for start in scan.kinds:
        if not _PLURAL_WORD_BEFORE.search(text, max(0, start - 8), start):
            continue
        m = _PLURAL_TAIL.match(text, start)
        if not m or m.group("more"):
            continue
        kinds = {_KIND_OF.get(_squash(normalize(k).casefold())) for k in _KIND_WORD.findall(m.group("kinds"))}
        got = _match_issuer(text, m.start("issuer"))
        if got:
            out.append((start, {k for k in kinds if k}, (got[0], got[1])))
    return out


_MERGE_FIELDS = [f.name for f in fields(Document) if f.name not in ("kind", "text")]


def _merge(text: str, refs: list[_Ref]) -> list[DocumentMatch]:
    """One DocumentMatch per document: mentions with the same `document_key` (and no clashing printed codes) are
    merged, and a plenum resolution named once without its term is the one named with it."""
    out: list[DocumentMatch] = []
    longest: list[tuple[int, int]] = []
    guessed: list[bool] = []
    index: dict[tuple, int] = {}
    for ref in refs:
        doc = ref.doc
        key = document_key(doc)
        i = _same_document(out, guessed, index.get(key), ref)
        span = (ref.start, ref.end)
        if i is None:
            index.setdefault(key, len(out))
            out.append(DocumentMatch(doc, [span], ref.rule))
            longest.append(span)
            guessed.append(ref.level_guessed)
            continue
        target = out[i].document
        _merge_into(target, doc)
        if span[1] - span[0] > longest[i][1] - longest[i][0]:
            longest[i] = span
        out[i].spans.append(span)
        index.setdefault(document_key(target), i)
    for dm, (a, b) in zip(out, longest, strict=True):
        dm.document.text = _squash(text[a:b])
    return out


def _same_document(out: list[DocumentMatch], guessed: list[bool], i: int | None, ref: _Ref) -> int | None:
    """The index in `out` of the document `ref` names again: the one with its key (`i`) unless their printed
    codes clash, else the plenum resolution of the same plenum (one of them without its term), else the same
    congress with its level guessed at one of the mentions (which then takes the level said)."""
    doc = ref.doc
    if i is not None and doc.code and out[i].document.code and doc.code != out[i].document.code:
        i = None
    if i is None and doc.plenum and not doc.number:
        i = next((j for j, dm in enumerate(out) if dm.document.kind == doc.kind and dm.document.plenum == doc.plenum
                  and not dm.document.number and not (doc.term and dm.document.term)), None)
    if i is None and doc.congress and not doc.number:
        # the same congress, its level guessed at one mention and said at the other
        i = next((j for j, dm in enumerate(out) if dm.document.kind == doc.kind
                  and dm.document.congress == doc.congress and not dm.document.number
                  and (ref.level_guessed or guessed[j])), None)
        if i is not None and guessed[i] and not ref.level_guessed:
            out[i].document.level, guessed[i] = doc.level, False
    return i


def _merge_into(target: Document, doc: Document) -> None:
    """What another mention adds to a document: the fields it lacks; a subject cut short at one mention (a
    subject that runs on past the phrase in another: keep the common part)."""
    td, dd = target.__dict__, doc.__dict__
    for name in _MERGE_FIELDS:
        if td[name] is None and dd[name] is not None:
            td[name] = dd[name]
    if doc.subject and target.subject and target.subject.startswith(doc.subject):
        target.subject = doc.subject


def find_documents(text: str, *, context_level: str | None = None) -> list[DocumentMatch]:
    """Every party or state document the text names, merged, in order of first mention.

    `text` should be normalised (`hoinghi.text.normalize`); spans are offsets into it. `context_level`
    (`"provincial"`) is the level the article is about, used for `Nghị quyết Đại hội lần thứ XX` when the text
    does not say whose congress it was.
    """
    if not text:
        return []
    positions, kinds = _candidates(text)
    if not positions:
        return []
    scan = _Scan(text, context_level, positions, kinds)
    refs = _scan(scan)
    if not refs:
        return []
    matches = _merge(text, refs)
    _fill_issuers(scan, matches)
    _fill_dates(scan, matches)
    return matches


if __name__ == "__main__":  # pragma: no cover - a quick look: python -m hoinghi.extract.documents FILE
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as fh:
            for dm in find_documents(normalize(fh.read())):
                print(dm.document, dm.spans)
