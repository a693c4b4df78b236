"""Dates as Vietnamese official portals print them: a pure, precompiled regular-expression grammar.

- `parse_published(line)`: a page's date line (`Cập nhật: 14-12-2021 | 15:58:28`, `Thứ tư - 03/07/2024 17:59 0`,
  `08:07, 12/07/2018`, `2024-07-03T17:59:00+07:00` …) -> `Published` (ISO value, +07:00 unless an ISO offset is
  printed).
- `is_date_line(line)`: the line is only a date (plus labels, weekday, separators, `GMT+7`, counters, widgets).
- `find_event_date(text, base)`: the first date in a lead paragraph that says when the event happened (`Sáng 14-12`,
  `Chiều ngày 03/7`, `sáng nay (23/9)`, `Từ ngày 22-24/9` …), the year taken from `base` when not printed
  (preferring the past); document signing dates (`Kết luận số 92 ngày 05/11/2020`) are skipped.
- `parse_date(s)`: one full date (`15/6/2023`, `ngày 5 tháng 6 năm 2024`, `05.11.2020`) -> `YYYY-MM-DD`.
- `weekday_name(d)`: `Thứ Hai` … `Chủ nhật`.

Day-month order always. The text is expected in `hoinghi.text.normalize` form (NFC); offsets point into the string
given. Word lists live in `lexicons/dates.toml`. No dateparser: this runs on the hot path.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from hoinghi.lexicons import load
from hoinghi.text import trie_regex, words_regex

__all__ = [
    "EventDate",
    "Published",
    "date_line_published",
    "find_event_date",
    "held_dates",
    "is_date_line",
    "parse_date",
    "parse_published",
    "weekday_name",
    "without_weekday",
]

_LEX = load("dates.toml")

_LETTER = r"[^\W\d_]"  # any Unicode letter
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
# `_NOT_LETTER_BEFORE` written after a word's first character (`_alt`'s `after_first`): a position where no word
# starts then costs one failed character, not the look-behind.
_NO_LETTER_BEFORE_FIRST = r"(?<![^\W\d_].)"


def _alt(words, after_first: str = "") -> str:
    """Words as one alternation, for a case-insensitive pattern, spaces matching any white space run: a trie of
    their lower-case forms (`hoinghi.text.trie_regex`). `re` tries every branch of a plain alternation at each
    position, a trie only the ones that can still match; a word is tried before a shorter one it extends, as in a
    plain alternation written longest first."""
    uniq = {" ".join(_lower(w).split()) for w in words if w.strip()}
    return trie_regex(sorted(uniq), char=_char, after_first=after_first)


def _lower(word: str) -> str:
    """Lower case, character by character (what a case-insensitive pattern compares)."""
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in word)


def _words(words) -> str:
    """A word list as one group (a trie, `hoinghi.text.trie_regex`), spaces matching any white space run."""
    return "(?:" + trie_regex(sorted(words), char=_char) + ")"


def _char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def _key(s: str) -> str:
    return " ".join(s.lower().split())


_WEEKDAYS: dict[str, int] = {_key(k): v for k, v in _LEX["weekdays"].items()}
_WEEKDAY_NAMES: list[str] = list(_LEX["weekday_names"]["names"])
_PODS: dict[str, str] = {_key(k): v for k, v in _LEX["parts_of_day"].items()}
_MONTH_WORDS: dict[str, int] = {_key(k): v for k, v in _LEX["months"].items()}
_EN_MONTHS: dict[str, int] = {_key(k): v for k, v in _LEX["english_months"].items()}

_WEEKDAY_RE_SRC = r"(?:" + _alt(_WEEKDAYS, _NO_LETTER_BEFORE_FIRST) + r")(?![\w])"
_WEEKDAY_RE = re.compile(_WEEKDAY_RE_SRC, re.I)
_MONTH_WORD_SRC = r"(?:" + _alt(_MONTH_WORDS) + r")" + _NOT_LETTER_AFTER
_EN_MONTH_SRC = r"(?:" + _alt(_EN_MONTHS) + r")" + _NOT_LETTER_AFTER

# ---------------------------------------------------------------------------------------------------------------
# Full dates (with a year), for publication lines and document dates.

# Every alternative starts with the date's first digit, taken out in front so that the regex engine can skip
# ahead to digits (a leading class is the one prefix `re` optimises); the boundary checks follow that digit.
_FIRST_DIGIT = r"(?P<h1>\d)(?<![\w/]\d)(?<!\d[.,\-]\d)"
_FULL_DATE = re.compile(
    _FIRST_DIGIT + r"(?:"
    # ISO 8601, with optional time and offset
    r"(?P<iso>(?P<iy>\d\d\d)-(?P<im>\d\d)-(?P<id>\d\d)"
    r"(?:[T ](?P<ih>\d\d):(?P<imi>\d\d)(?::(?P<is>\d\d))?(?:[.,]\d+)?"
    r"\s?(?P<itz>Z|UTC|GMT|[+\-]\d\d:?\d\d)?)?(?!\d))"
    # year first: 2024/07/03, 2024.7.3
    r"|(?P<ymd>(?P<yy>\d\d\d)(?P<ysep>[/.\-])(?P<ym>\d{1,2})(?P=ysep)(?P<yd>\d{1,2})(?!\d|[/.\-]\d))"
    # day first: 14-12-2021, 13/12/2021, 05.11.2020
    r"|(?P<dmy>(?P<d>\d?)(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d|[/.\-]\d))"
    # words: (ngày) 5 tháng 6 năm 2024
    r"|(?P<vn>(?P<vd>\d?)\s+tháng\s+(?P<vm>\d{1,2}(?!\d)|" + _MONTH_WORD_SRC + r")\s*,?\s*năm\s+(?P<vy>\d{4})(?!\d))"
    # English: 14 December 2021; December 14, 2021 (the month is read on the left)
    r"|(?P<en1>(?P<ed>\d?)(?:st|nd|rd|th)?\s+(?P<emon>" + _EN_MONTH_SRC + r")\.?,?\s+(?P<ey>\d{4})(?!\d))"
    r"|(?P<en2>(?P<ed2>\d?)(?:st|nd|rd|th)?,?\s+(?P<ey2>\d{4})(?!\d))"
    r")",
    re.I,
)
_NGAY_BEFORE = re.compile(_NOT_LETTER_BEFORE + r"ngày\s+$", re.I)
_EN_MONTH_BEFORE = re.compile(_NOT_LETTER_BEFORE + r"(?P<mon>" + _EN_MONTH_SRC + r")\.?\s+$", re.I)

_TIME_SRC = (
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])\s?(?::|h|giờ\s?)\s?(?P<mi>[0-5]\d)"
    r"(?:\s?(?::|phút\s?)\s?(?P<s>[0-5]\d)(?:\s?giây)?)?(?![\d:])(?:\s?(?:phút|['’′]))?"
    r"(?:\s?(?P<ap>[AP]\.?M\.?|SA|CH)" + _NOT_LETTER_AFTER + r")?"
)
_SEP = r"[\s,|\-–—•·/@\[\](]*"
_TIME_AFTER = re.compile(_SEP + r"(?:(?:vào\s+)?lúc\s*)?" + _TIME_SRC, re.I)
_TIME_BEFORE = re.compile(
    _TIME_SRC + r"[\s,|\-–—•·@]*(?:(?:" + _WEEKDAY_RE_SRC + r")[\s,|\-–—•·]*)?(?:ngày\s*)?$", re.I
)
_WEEKDAY_BEFORE = re.compile(r"(?:" + _WEEKDAY_RE_SRC + r")[\s,|\-–—•·]*(?:ngày\s*)?$", re.I)

_VN_TZ = _dt.timezone(_dt.timedelta(hours=7))


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date as printed on a page."""

    value: str  # YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+07:00 (an ISO line keeps its own offset)
    date: _dt.date
    has_time: bool
    weekday_mismatch: bool  # a printed weekday disagrees with the date
    start: int  # span of the date (and its time and weekday) in the line
    end: int

    @property
    def datetime(self) -> _dt.datetime | None:
        return _dt.datetime.fromisoformat(self.value) if self.has_time else None


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as said in a lead paragraph."""

    date: str | None  # YYYY-MM-DD; None when the day has no year and nothing to take one from
    part_of_day: str | None  # sáng, trưa, chiều, tối, đêm
    start: int
    end: int
    text: str  # the expression as printed, from the part of day (or `ngày`) to the date
    year_printed: bool = False
    month_day: str | None = None  # `--12-14`: the day and month, known even when the year is not
    planned: bool = False  # its sentence announces the event as ahead (`sẽ diễn ra`, `dự kiến`)


def _make_date(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _month_of(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _MONTH_WORDS.get(_key(word))


def _year(s: str) -> int | None:
    y = int(s)
    return y if 1900 <= y < 2100 else None


def _full_date(m: re.Match) -> _dt.date | None:
    """The date of a `_FULL_DATE` match (None when invalid)."""
    g = m.group
    h1 = g("h1")
    if g("iso") is not None:
        y, mo, d = _year(h1 + g("iy")), int(g("im")), int(g("id"))
    elif g("ymd") is not None:
        y, mo, d = _year(h1 + g("yy")), int(g("ym")), int(g("yd"))
    elif g("dmy") is not None:
        y, mo, d = _year(g("y")), int(g("m")), int(h1 + g("d"))
    elif g("vn") is not None:
        y, mo, d = _year(g("vy")), _month_of(g("vm")), int(h1 + g("vd"))
    elif g("en1") is not None:
        y, mo, d = _year(g("ey")), _EN_MONTHS[_key(g("emon"))], int(h1 + g("ed"))
    else:
        return None  # en2: the month is on the left, see _date_span
    return _make_date(y, mo, d) if y and mo else None


def _date_span(line: str, m: re.Match) -> tuple[_dt.date | None, int]:
    """The date of a `_FULL_DATE` match and where it starts (a `ngày` or an English month on the left)."""
    start = m.start()
    if m.group("en2") is not None:
        mon = _EN_MONTH_BEFORE.search(line, max(0, start - 12), start)
        y = _year(m.group("ey2"))
        if mon is None or y is None:
            return None, start
        return _make_date(y, _EN_MONTHS[_key(mon.group("mon"))], int(m.group("h1") + m.group("ed2"))), mon.start()
    date = _full_date(m)
    if date is not None and m.group("vn") is not None:
        ngay = _NGAY_BEFORE.search(line, max(0, start - 8), start)
        if ngay:
            start = ngay.start()
    return date, start


def _hour24(h: int, ap: str | None) -> int:
    if not ap:
        return h
    pm = ap[0].upper() in "PC"  # PM, CH (chiều)
    if h == 12:
        return 12 if pm else 0
    return h + 12 if pm and h < 12 else h


def _weekday_mismatch(line: str, date: _dt.date) -> bool:
    for wm in _WEEKDAY_RE.finditer(line):
        wd = _WEEKDAYS.get(_key(wm.group()))
        if wd is not None:
            return wd != date.weekday()
    return False


def parse_published(line: str) -> Published | None:
    """The publication date and time in a page's date line, or None when it has no full date (with a year)."""
    if not line:
        return None
    for m in _FULL_DATE.finditer(line):
        date, start = _date_span(line, m)
        if date is None:
            continue
        end = m.end()
        if m.group("iso") is not None:
            if m.group("ih") is None:
                return Published(date.isoformat(), date, False, _weekday_mismatch(line, date), start, end)
            h, mi, s = int(m.group("ih")), int(m.group("imi")), int(m.group("is") or 0)
            if h > 23 or mi > 59 or s > 59:
                continue
            tz = (m.group("itz") or "").upper()
            naive = _dt.datetime(date.year, date.month, date.day, h, mi, s)
            if tz in ("", "Z", "UTC", "GMT", "+00:00", "+0000", "-00:00"):
                if tz:  # UTC: shown in Vietnam's time
                    naive = naive.replace(tzinfo=_dt.UTC).astimezone(_VN_TZ).replace(tzinfo=None)
                offset = "+07:00"
            else:
                offset = tz if ":" in tz else tz[:3] + ":" + tz[3:]
            date = naive.date()
            value = naive.isoformat() + offset
            return Published(value, date, True, _weekday_mismatch(line, date), start, end)

        # a time printed right after the date, or right before it
        time = None
        tm = _TIME_AFTER.match(line, end)
        if tm:
            time = tm
            end = tm.end()
        else:
            tm = _TIME_BEFORE.search(line, max(0, start - 48), start)
            if tm:
                time = tm
                start = tm.start()
        # a weekday printed right before the date belongs to its span
        wm = _WEEKDAY_BEFORE.search(line, max(0, start - 24), start)
        if wm:
            start = wm.start()
        mismatch = _weekday_mismatch(line, date)
        if time is None:
            return Published(date.isoformat(), date, False, mismatch, start, end)
        h = _hour24(int(time.group("h")), time.group("ap"))
        value = f"{date.isoformat()}T{h:02d}:{time.group('mi')}:{time.group('s') or '00'}+07:00"
        return Published(value, date, True, mismatch, start, end)
    return None


# ---------------------------------------------------------------------------------------------------------------
# Date lines

_LINE_JUNK = re.compile(
    r"[\[(]?\s?(?:GMT|UTC)\s?(?:[+\-]\s?\d{1,2}(?::?\d\d)?)?\s?[\])]?"
    r"|(?:" + _alt(_LEX["published_labels"]["words"] + _LEX["widgets"]["words"], _NO_LETTER_BEFORE_FIRST)
    + r")(?![\w])|" + _WEEKDAY_RE_SRC,
    re.I,
)
_LETTERS = re.compile(_LETTER)
_MAX_DATE_LINE = 160


def without_weekday(line: str) -> str:
    """The line with its printed weekdays (`Thứ Năm`, `T5`, `Chủ nhật`) blanked out."""
    return _WEEKDAY_RE.sub(" ", line)


def is_date_line(line: str) -> bool:
    """True when the line is only a publication date: date/time, labels, weekday, separators, counters, widgets."""
    return date_line_published(line) is not None


def date_line_published(line: str) -> Published | None:
    """`parse_published(line)` when the line is a date line (`is_date_line`), else None."""
    if not line or len(line) > _MAX_DATE_LINE:
        return None
    pub = parse_published(line)
    if pub is None:
        return None
    rest = line[: pub.start] + " " + line[pub.end :]
    if not _LETTERS.search(rest):
        return pub
    rest = _LINE_JUNK.sub(" ", _CLASS_NAME.sub(" ", rest))
    if _LETTERS.search(rest) is None:
        return pub
    return pub if pub.has_time and _field_before(line[: pub.start], line[pub.end :]) else None


# A scraper's class name left beside the date (`post-date 02/05/2019 | 14:20 | post-views: 2051`): lower-case ASCII
# words joined by `-` or `_`.
_CLASS_NAME = re.compile(r"(?<![\w-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w-])")
_FIELD_MAX_WORDS = _LEX["date_line"]["field_max_words"]
_FIELD_MAX_CHARS = _LEX["date_line"]["field_max_chars"]


def _field_before(before: str, after: str) -> bool:
    """A date and time that are the line's main content, a short field in front (a label, an author field:
    `admin 09:12 21/03/2024`), nothing but counters and widgets after."""
    if _LETTERS.search(_LINE_JUNK.sub(" ", _CLASS_NAME.sub(" ", after))):
        return False
    field = _LINE_JUNK.sub(" ", _CLASS_NAME.sub(" ", before)).strip(" \t|:-–—,•·")
    return len(field) <= _FIELD_MAX_CHARS and len(field.split()) <= _FIELD_MAX_WORDS and not any(
        ch.isdigit() for ch in field)


# ---------------------------------------------------------------------------------------------------------------
# Event dates

# The date itself, found first (digit-led, as `_FULL_DATE`); its left context is read afterwards.
_EV_CORE = re.compile(
    r"(?P<e1>\d)(?<![\w/:]\d)(?<!\d[.,\-–]\d)(?:"
    # a range of days in one month: 22-24/9, 22 - 24/9/2023, 5 và 6/6, 22 đến 24/9
    r"(?P<r1>\d?)\s*(?P<rj>[\-–]|" + _words(_LEX["day_ranges"]["words"]) + r")\s*(?P<r2>\d{1,2})\s*(?P<rs>[/.\-–])"
    r"\s*(?P<rm>\d{1,2})"
    r"(?:(?P=rs)(?P<ry>(?:19|20)\d\d))?(?!\d|[/.\-]\d|/" + _LETTER + r")"
    # day-month(-year): 14-12, 03/7, 8 - 9, 15/6/2023, 3-3-2022
    r"|(?P<d>\d?)(?P<sp1>\s*)(?P<s>[/.\-–])(?P<sp2>\s*)(?P<m>\d{1,2})"
    r"(?:(?P=s)(?P<y>(?:19|20)\d\d))?(?!\d|[/.\-–]\d|[/\-]" + _LETTER + r")"
    # words: 5 tháng 6 (năm 2024)
    r"|(?P<wd>\d?)\s+tháng\s+(?P<wm>\d{1,2}(?!\d)|" + _MONTH_WORD_SRC + r")"
    r"(?:\s*,?\s*năm\s+(?P<wy>(?:19|20)\d\d)(?!\d))?"
    r")",
    re.I,
)

_POD_SRC = r"(?P<pod>" + _alt(_PODS, _NO_LETTER_BEFORE_FIRST) + r")"
_REL_SRC = r"(?P<rel>" + _alt(_LEX["relative_days"]["words"]) + r")"
_REL_ALONE_SRC = r"(?P<rel2>" + _alt(_LEX["relative_days"]["alone"], _NO_LETTER_BEFORE_FIRST) + r")"
_EV_LEFT = re.compile(
    r"(?:(?:" + _POD_SRC + r"(?:\s+" + _REL_SRC + r")?|" + _REL_ALONE_SRC + r")[\s,]*)?"
    r"(?:(?P<wday>" + _WEEKDAY_RE_SRC + r")[\s,]*)?"
    r"(?P<open>[(\-–:]\s*)?"
    r"(?:" + _NOT_LETTER_BEFORE + r"(?P<ngay>ngày)\s*)?$",
    re.I,
)
_CLOSE = re.compile(r"\s*\)")
_BOUNDARY_CHARS = frozenset(".!?;:,(\n\"“”'‘’–-…•[")
_BARE_WORDS = re.compile(_NOT_LETTER_BEFORE + _words(_LEX["bare_date_openers"]["words"]) + r"\s*$", re.I)


def _doc_before(issuer: bool) -> re.Pattern:
    """A document reference (kind and number, or `ban hành`) ending right where a date begins."""
    return re.compile(
        r"(?:(?:" + _alt(_LEX["document_kinds"]["words"], _NO_LETTER_BEFORE_FIRST) + r")" + _NOT_LETTER_AFTER
        + r"(?:\s+số)?\s*[\w./\-]*\d[\w./\-]*" + (r"(?:\s+của\s+[^\d,.;:\n]{1,60}?)?" if issuer else "")
        + r"|(?:" + _alt(_LEX["document_verbs"]["words"], _NO_LETTER_BEFORE_FIRST) + r")"
        + r"(?:\s+" + _words(_LEX["document_verbs"]["then"]) + r")?)"
        + r"\s*[,(]?\s*$",
        re.I,
    )


# A date with a year may follow the issuer (`Kết luận số 92 của Bộ Chính trị ngày 5/11/2020`); one without a
# year only counts as a document date right after the number (`…57-KL/TW của Bộ Chính trị, ngày 5/6, Tỉnh ủy…`
# is an event).
_DOC_BEFORE = _doc_before(issuer=True)
_DOC_BEFORE_TIGHT = _doc_before(issuer=False)
_OF_AFTER = re.compile(r"\s*,?\s*của\s", re.I)


@dataclass(frozen=True, slots=True)
class _Cand:
    day: int
    month: int
    year: int | None
    pod: str | None
    start: int
    end: int


def _as_base(base) -> _dt.date | None:
    if base is None:
        return None
    if isinstance(base, _dt.datetime):
        return base.date()
    if isinstance(base, _dt.date):
        return base
    if isinstance(base, str):
        s = base.strip()
        try:
            if len(s) >= 10:
                return _dt.date.fromisoformat(s[:10])
            if len(s) == 7:  # YYYY-MM: the month's last day
                y, m = int(s[:4]), int(s[5:7])
                nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
                return nxt - _dt.timedelta(days=1)
            if len(s) == 4 and s.isdigit():
                return _dt.date(int(s), 12, 31)
        except ValueError:
            return None
    return None


def _candidates(text: str):
    """Every event-date candidate in order: (day, month, year, part of day, start, end), document dates skipped."""
    for m in _EV_CORE.finditer(text):
        core = _core_date(m)
        if core is None:
            continue
        day, month, year, loose = core
        core_start, end = m.start(), m.end()
        left = _EV_LEFT.search(text, max(0, core_start - 48), core_start)
        pod, rel, strong, opened = _left_cues(left)
        if not strong and (loose or not _bare_date_stands(text, left, core_start, opened)):
            continue
        start = _cue_start(left, core_start)
        if not (pod or rel) and _document_date(text, start, end, year):
            continue
        yield _Cand(day, month, int(year) if year else None, pod, start, _past_close(text, end, opened))


def _core_date(m: re.Match) -> tuple[int, int, str | None, bool] | None:
    """Day, month, year (as printed) of an `_EV_CORE` match, and whether it is loose: a `.` separator, a spaced
    dash, a month in words without a year need a strong cue on the left. None when it is no date."""
    if m.group("r1") is not None:
        return _day_range(m)
    if m.group("d") is not None:
        return _day_month(m)
    mo = _month_of(m.group("wm"))  # 5 tháng 6 (năm 2024)
    if mo is None:
        return None
    year = m.group("wy")
    return int(m.group("e1") + m.group("wd")), mo, year, year is None


def _day_range(m: re.Match) -> tuple[int, int, str | None, bool] | None:
    """A range of days in one month (`22-24/9`): its first day."""
    d1, d2 = int(m.group("e1") + m.group("r1")), int(m.group("r2"))
    if not d1 < d2 <= 31 or (m.group("rs") in "-–" and m.group("rj") in "-–"):  # 14-15-8 is no range
        return None
    return d1, int(m.group("rm")), m.group("ry"), m.group("rs") == "."


def _day_month(m: re.Match) -> tuple[int, int, str | None, bool] | None:
    """Day-month(-year) in digits (`14-12`, `03/7`, `15/6/2023`); spaces around the separator only for a dash."""
    sep = m.group("s")
    spaced = bool(m.group("sp1") or m.group("sp2"))
    if spaced and sep not in "-–":
        return None
    return int(m.group("e1") + m.group("d")), int(m.group("m")), m.group("y"), sep == "." or spaced or sep == "–"


def _left_cues(left: re.Match | None) -> tuple[str | None, str | None, bool, str | None]:
    """The cues an `_EV_LEFT` match read on a date's left: part of day, relative day (`nay`, `hôm qua`), whether
    any cue word stands there (those two, a weekday, `ngày`), and an opening bracket or dash."""
    if left is None:
        return None, None, False, None
    pod, rel = left.group("pod"), left.group("rel") or left.group("rel2")
    return pod, rel, bool(pod or rel or left.group("ngay") or left.group("wday")), left.group("open")


def _cue_start(left: re.Match | None, core_start: int) -> int:
    """Where the expression starts: its first cue on the left, or the date itself."""
    if left is not None:
        for name in ("pod", "rel2", "wday", "ngay", "open"):
            if left.group(name) is not None:
                return left.start(name)
    return core_start


def _bare_date_stands(text: str, left: re.Match | None, core_start: int, opened: str | None) -> bool:
    """A date without a cue word counts after an opening bracket or dash, at a clause's start, or after a word that
    opens a time (`vào`, `từ` …)."""
    i = (left.start() if left is not None else core_start) - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return bool(opened or i < 0 or text[i] in _BOUNDARY_CHARS or _BARE_WORDS.search(text, max(0, i - 8), i + 1))


def _document_date(text: str, start: int, end: int, year: str | None) -> bool:
    """A document's signing date: `Kết luận số 92 ngày 05/11/2020`, `ban hành ngày 5/6/2024`, or a dated text
    followed by its issuer (`ngày 5/11/2020 của Bộ Chính trị`)."""
    doc = _DOC_BEFORE if year is not None else _DOC_BEFORE_TIGHT
    if doc.search(text, max(0, start - 100), start):
        return True
    return year is not None and _OF_AFTER.match(text, end) is not None


def _past_close(text: str, end: int, opened: str | None) -> int:
    """The end of a date opened by a bracket, past its closing one (`sáng nay (23/9)`)."""
    if opened and "(" in opened:
        close = _CLOSE.match(text, end)
        if close:
            return close.end()
    return end


_SLACK = _dt.timedelta(days=7)  # a base this close before the event still reports it (a late page, a crawl date)
_PLANNED = re.compile(words_regex(_LEX["planned"]["words"], cases=True))
_SENTENCE_END = re.compile(r"[.!?;\n](?=\s|$)")


def _precision(base) -> str:
    """How much of `base` is known: `day`, `month` (`YYYY-MM`) or `year` (`YYYY`)."""
    if isinstance(base, str):
        n = len(base.strip())
        return "year" if n == 4 else "month" if n == 7 else "day"
    return "day"


def _resolve(c: _Cand, base: _dt.date | None, precision: str = "day", planned: bool = False) -> _dt.date | None:
    """The date of a candidate: its printed year; else the latest such day up to 7 days after `base` (an event
    is reported after it happened), or, announced as planned (`sẽ diễn ra`, `dự kiến`), the first such day from 7
    days before `base` on. A base known only to the year keeps its year; only a base known to the day reaches into
    the next year (`Sáng 2-1` on 30 December)."""
    if c.year is not None:
        return _make_date(c.year, c.month, c.day)
    if base is None:
        return None
    if precision == "year":
        return _make_date(base.year, c.month, c.day)
    years = (base.year - 1, base.year, base.year + 1) if precision == "day" else (base.year - 1, base.year)
    days = [d for d in (_make_date(y, c.month, c.day) for y in years) if d is not None]
    if planned:
        ahead = [d for d in days if d >= base - _SLACK]
        return min(ahead) if ahead else None
    past = [d for d in days if d <= base + _SLACK]
    return max(past) if past else None


def _is_planned(text: str, c: _Cand) -> bool:
    """The sentence of a date announces its event as ahead: `sẽ diễn ra`, `dự kiến`, `sắp`."""
    return _in_sentence(_PLANNED, text, c)


def _in_sentence(words: re.Pattern, text: str, c: _Cand) -> bool:
    """One of `words` stands in the sentence of a date."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, c.start)), default=0)
    end_m = _SENTENCE_END.search(text, c.end)
    return words.search(text, start, end_m.start() if end_m else len(text)) is not None


def find_event_date(text: str, base: _dt.date | str | None = None) -> EventDate | None:
    """The first date in a lead paragraph that says when its event happened.

    A date without a year takes `base`'s year (the publication date, or the page's external date; a
    `YYYY-MM-DD`/`YYYY-MM`/`YYYY` string is accepted too, known to that precision): the latest such day up to 7
    days after `base`, or, when its sentence announces the event as planned (`sẽ diễn ra`, `dự kiến`), the first
    from 7 days before `base` on. A range (`từ ngày 23 - 25/9`, `Trong hai ngày 14 và 15-8`) gives its first day.
    With no base, a date without a year gives an EventDate whose `date` is None: its part of day (`Sáng 3-7`) and
    day-month (`month_day`) are still known.
    """
    if not text:
        return None
    base_date, precision = _as_base(base), _precision(base)
    for c in _candidates(text):
        if not _make_date(c.year or 2024, c.month, c.day):  # 31/02 and the like (2024: 29/02 is a day)
            continue
        pod = _PODS.get(_key(c.pod)) if c.pod else None
        month_day = f"--{c.month:02d}-{c.day:02d}"
        planned = c.year is None and _is_planned(text, c)
        date = _resolve(c, base_date, precision, planned)
        value = date.isoformat() if date is not None else None
        return EventDate(value, pod, c.start, c.end, text[c.start : c.end], c.year is not None, month_day, planned)
    return None


_HELD = re.compile(words_regex(_LEX["held"]["words"], cases=True))
_SAME_DAY = re.compile(_NOT_LETTER_BEFORE + r"(?:(" + _alt(_PODS) + r")\s+)?(?:" + _alt(_LEX["same_day"]["words"])
                       + r")" + _NOT_LETTER_AFTER, re.I)


def same_day(text: str) -> tuple[bool, str | None]:
    """Whether `text` puts its occasion on the day of the event just reported (`Tối cùng ngày`, `trong ngày`), and
    the part of the day it says (`tối`)."""
    m = _SAME_DAY.search(text)
    if m is None:
        return False, None
    return True, _PODS.get(_key(m.group(1))) if m.group(1) else None


def held_dates(text: str) -> list[_dt.date]:
    """Dates printed with their year in a sentence that says an event took place (`diễn ra từ ngày 01/10/2025 đến
    ngày 03/10/2025`, `khai mạc ngày 5/6/2024`), not announced as planned; document dates are skipped. The page's
    own word on when its event was, against which an outside date can be checked."""
    out = []
    for c in _candidates(text):
        if c.year is None or _in_sentence(_PLANNED, text, c) or not _in_sentence(_HELD, text, c):
            continue
        date = _make_date(c.year, c.month, c.day)
        if date is not None:
            out.append(date)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Single dates


def parse_date(s: str) -> str | None:
    """The first full date (with a year) in `s` as YYYY-MM-DD: `15/6/2023`, `ngày 5 tháng 6 năm 2024`."""
    if not s:
        return None
    for m in _FULL_DATE.finditer(s):
        date, _ = _date_span(s, m)
        if date is not None:
            return date.isoformat()
    return None


def weekday_name(d: _dt.date | int) -> str:
    """`Thứ Hai` … `Chủ nhật` for a date (or an ISO weekday index, Monday = 0)."""
    return _WEEKDAY_NAMES[d if isinstance(d, int) else d.weekday()]
