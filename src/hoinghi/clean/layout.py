"""Split a flattened news page into its parts: every line gets one label.

Labels: `title`, `date`, `section`, `body`, `caption`, `byline`, `views`, `leftover`, `blank`.
The rules are data in `lexicons/leftovers.toml` and `lexicons/layout.toml`; this module applies them in three
passes: each line alone (leftovers, dates, counters, breadcrumbs), then the page's zones (header before the lead,
the article, the tail after the byline or an end marker), then captions and bylines by their neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from hoinghi import lexicons
from hoinghi.clean.dates import date_line_published, is_date_line, parse_published, without_weekday
from hoinghi.patterns import first_chars, required_literal
from hoinghi.text import LOWER, UPPER, fold, normalize, squash, trie_regex, words_regex

_BULLETS = "•●▪◦·∙*"
_BULLET = re.compile(f"^\\s*[{re.escape(_BULLETS)}]\\s*")
_SENTENCE_END = tuple('.!?…:;”"\')]')
_LOWER_START = re.compile(f"^[{LOWER}]")
_HAS_LOWER = re.compile(f"[{LOWER}]")
_FULL_STOP = tuple(".!?…")
_NOT_DIGIT = re.compile(r"\D")
_DIGIT = re.compile(r"\d")
_SOURCE_IN_PARENS = re.compile(r"\s*\(([^)]{2,30})\)\s*$")  # `Hoài Nam (TTXVN)`
_INITIALS = re.compile(r"(?:[A-ZĐ]\.)+[A-ZĐ]?\.?")
_DEGREES = re.compile(r"^(?:[A-ZĐ]{1,4}S?\.\s*)+")  # `PGS. TS.` before a name under the title
_PHOTO_NUMBER = re.compile(r"\s*anh \d+")
_A_WORD = re.compile(r"[a-z]{3,}")
_NAME_WORD = re.compile(f"^(?:[{UPPER}][{LOWER}]*|[{UPPER}]{{1,3}}\\.?|[{UPPER}]+)$")


class Line:
    """One line of the page: as printed, normalised, and the label the passes give it."""

    __slots__ = ("index", "raw", "text", "bullet", "label", "why", "words", "_folded", "_caption", "_published")

    def __init__(self, index: int, raw: str, text: str, bullet: bool = False, label: str = "body",
                 why: str = "") -> None:
        self.index = index
        self.raw = raw  # as printed
        self.text = text  # normalised, white space squashed, bullet removed
        self.bullet = bullet
        self.label = label
        self.why = why  # the rule that decided, for `--explain` and for tests
        self.words = text.count(" ") + 1 if text else 0  # squashed: one space between words
        self._folded: str | None = None
        self._caption: bool | None = None
        self._published: object = _UNPARSED  # clean.dates.Published or None, once the text has been parsed

    def retext(self, text: str) -> None:
        """Replace the text (a wrapped line joined to the next), and what was derived from it."""
        self.text = text
        self.words = text.count(" ") + 1 if text else 0
        self._folded = None
        self._caption = None
        self._published = _UNPARSED

    def __repr__(self) -> str:
        return f"Line({self.index}, {self.text!r}, label={self.label!r}, why={self.why!r})"

    @property
    def folded(self) -> str:
        """Lower case without diacritics, for the lexicons' patterns (only short lines ever need it)."""
        f = self._folded
        if f is None:
            f = self._folded = fold(self.text, normalized=True).strip()
        return f

    def published(self) -> object | None:
        """`parse_published` of the text (a date line's is kept when the line is labelled)."""
        if self._published is _UNPARSED:
            self._published = parse_published(self.text)
        return self._published


_UNPARSED = object()


@dataclass
class Layout:
    lines: list[Line]
    title: str | None = None
    date_line: str | None = None
    published: object | None = None  # clean.dates.Published
    section: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    views: int | None = None
    kind: str = "article"  # `digest`: a page joining several items (`Điểm báo ngày …`, a tag or listing page)

    def leftovers(self) -> list[Line]:
        return [ln for ln in self.lines if ln.label == "leftover"]


class _LinePattern:
    """A list of patterns searched in a line as one: those anchored at the line's start (`^…`) are tried there
    only, in one alternation (a search would try them at every position), the others searched."""

    def __init__(self, patterns: list[str]) -> None:
        self.start_sources = [p[1:] for p in patterns if p.startswith("^")]
        inside = [p for p in patterns if not p.startswith("^")]
        self.at_start = _StartPattern([(None, p) for p in self.start_sources]) if self.start_sources else None
        self.inside = re.compile("|".join(f"(?:{p})" for p in inside)) if inside else None
        # a search of patterns without an anchor tries them at every position: a line holding none of the words
        # each needs (`gui file dinh kem`, `co chu` …) is passed over with a cheap `in` first
        literals = [required_literal(p) for p in inside]
        self.inside_words = tuple(literals) if all(literals) else None
        # `search(text)`: a match (truthy) when the line has one of the patterns; with one part only, that part's
        # own method
        self.search: Callable[[str], object]
        if self.inside is None:
            self.search = self.at_start.match if self.at_start else lambda text: None
        elif self.at_start is None and self.inside_words is None:
            self.search = self.inside.search
        else:
            self.search = self._either

    def _either(self, text: str) -> object:
        if self.at_start is not None:
            m = self.at_start.match(text)
            if m:
                return m
        if self.inside_words is not None and not any(w in text for w in self.inside_words):
            return None
        return self.inside.search(text)


class _StartPattern:
    """Patterns tried at a line's start, in order, as one alternation; (name, pattern) pairs, the patterns of one
    name a named group. The alternation `re` runs enters every branch that opens with a group or a class: a line's
    first character picks the one written with the branches that can start with it (the folded lines are ASCII)."""

    def __init__(self, alternatives: list[tuple[str | None, str]]) -> None:
        self.alternatives = alternatives
        self.whole = self._compile(range(len(alternatives)))
        firsts = [first_chars(p) for _, p in alternatives]
        compiled: dict[tuple[int, ...], re.Pattern | None] = {}
        self.by_first: dict[str, re.Pattern | None] = {}
        for ch in map(chr, range(128)):
            keep = tuple(i for i, f in enumerate(firsts) if f is None or ch in f)
            if keep not in compiled:
                compiled[keep] = self._compile(keep) if keep else None
            self.by_first[ch] = compiled[keep]

    def _compile(self, keep) -> re.Pattern:
        parts: list[tuple[str | None, list[str]]] = []
        for i in keep:
            name, pattern = self.alternatives[i]
            if parts and name is not None and parts[-1][0] == name:
                parts[-1][1].append(pattern)
            else:
                parts.append((name, [pattern]))
        return re.compile("|".join(("(?P<" + name + ">" if name else "(?:") + "|".join(f"(?:{p})" for p in ps) + ")"
                                   for name, ps in parts))

    def match(self, text: str) -> re.Match | None:
        pattern = self.by_first.get(text[:1], self.whole)  # "" or a character past ASCII: all of them
        return pattern.match(text) if pattern is not None else None


@dataclass(frozen=True)
class _Group:
    name: str
    max_words: int
    zone: str  # "end": the page's tail starts here; "block": a block of links follows; "": the line alone
    pattern: _LinePattern


class _LeftoverTier:
    """Leftover groups searched as one, for a line short enough for all of them: their patterns anchored at the
    line's start in one alternation, each group's own a named group (the first group whose pattern matches is the
    one the alternation reports); the few searched inside the line tried group by group, after a cheap `in` for
    the words they need."""

    def __init__(self, groups: list[_Group]) -> None:
        self.groups = groups
        starts = [(f"g{i}", s) for i, g in enumerate(groups) for s in g.pattern.start_sources]
        self.at_start = _StartPattern(starts) if starts else None
        self.inside = [(i, g.pattern.inside) for i, g in enumerate(groups) if g.pattern.inside is not None]
        words = [g.pattern.inside_words for g in groups if g.pattern.inside is not None]
        self.inside_words = tuple(w for ws in words for w in ws) if all(words) else None

    def first_group(self, text: str) -> _Group | None:
        m = self.at_start.match(text) if self.at_start is not None else None
        first = int(m.lastgroup[1:]) if m else len(self.groups)
        if self.inside and (self.inside_words is None or any(w in text for w in self.inside_words)):
            for i, inside in self.inside:
                if i >= first:
                    break
                if inside.search(text):
                    return self.groups[i]
        return self.groups[first] if m else None


class _Rules:
    """The lexicons, compiled once."""

    def __init__(self) -> None:
        left = lexicons.load("leftovers.toml")
        self.leftover_groups = [
            _Group(name, g.get("max_words", 1000), "end" if g.get("end") else "block" if g.get("block") else "",
                   _LinePattern(g["patterns"]))
            for name, g in left.items()
        ]
        # The groups that allow a line of n words, searched as one: `leftover_by_words[n]` (None past the longest).
        tiers = {limit: _LeftoverTier([g for g in self.leftover_groups if g.max_words >= limit])
                 for limit in {g.max_words for g in self.leftover_groups}}
        longest = max(tiers)
        self.leftover_by_words = [tiers[min(k for k in tiers if k >= n)] for n in range(longest + 1)]
        lay = lexicons.load("layout.toml")
        self.title_min = lay["title"]["min_words"]
        self.title_max = lay["title"]["max_words"]
        sec = lay["section"]
        self.section_sep = re.compile(sec["separators"])
        self.section_max = sec["max_words"]
        self.section_item_max = sec["max_item_words"]
        self.section_items_max = sec["max_items"]
        self.section_drop = set(sec["drop_items"])
        self.section_above_title_max = sec["above_title_max_words"]
        self.header_scan = sec["header_scan"]
        self.section_names = {tuple(n.split()) for n in sec["names"]}
        self.section_name_max = max(len(n) for n in self.section_names)
        self.section_firsts = {n[0] for n in self.section_names}
        self.lead_inside = re.compile(lay["lead"]["inside_raw"])
        cap = lay["caption"]
        self.caption_max = cap["max_words"]
        self.caption_credit_raw = re.compile(cap["credit_raw"])
        self.caption_starts = _LinePattern(cap["starts"])
        self.caption_verbs = re.compile(words_regex(cap["verbs"]))
        self.caption_ends = re.compile(cap["ends"])
        self.caption_not_starts = _LinePattern([cap["not_starts"]])
        self.caption_not_inside = re.compile(words_regex(cap["not_inside_raw"], cases=True))
        self.caption_overview = re.compile(cap["overview_raw"])
        self.caption_overview_starts = tuple(cap["overview"])
        self.lead = re.compile(lay["lead"]["starts_raw"])
        by = lay["byline"]
        self.byline_max_words = by["max_words"]
        self.byline_max_chars = by["max_chars"]
        self.byline_prefix = re.compile(by["prefix_raw"])
        self.byline_source = re.compile(by["source_raw"])
        self.agencies = {fold(a) for a in by["agencies"]}
        self.byline_sep = re.compile(by["separators_raw"])
        self.byline_stop = set(by["stopwords_raw"])
        self.byline_degrees = re.compile("^(?:(?:" + trie_regex(sorted(by["degrees_raw"])) + r")(?:\.\s*|\s+))+")
        self.byline_generic = {fold(w) for w in by["generic_raw"]}
        self.byline_bracketed = re.compile(by["bracketed_raw"])
        self.byline_name_max_words = by["name_max_words"]
        self.byline_source_max_words = by["source_max_words"]
        self.views = [re.compile(p) for p in lay["views"]["patterns"]]
        labels = trie_regex(lay["views"]["in_date"])  # `Thứ Ba, 14/12/2021 - 10:05 | Lượt xem: 1.254`
        self.views_in_date = re.compile(f"(?:{labels})\\W*([\\d.,]+)|([\\d.,]+)\\s*(?:{labels})")
        self.views_in_date_count = re.compile(lay["views"]["in_date_count"])
        join = lay["join"]
        self.dangling = (",",) + tuple(" " + w for w in join["dangling_raw"])
        self.salutation = re.compile(words_regex(join["salutations_raw"]))
        cut = join["name_cut_max_syllables"]
        self.name_cut_end = re.compile(rf"\s(?:{trie_regex(sorted(join['dangling_raw']))})(?:\s[{UPPER}][{LOWER}]*){{1,{cut}}}$")
        self.name_cut_start = re.compile(rf"[{UPPER}][{LOWER}]*(?:\s[{UPPER}][{LOWER}]*){{0,{cut}}}(?:,|\s[{LOWER}])")
        self.wrap_width = (join["wrap_min_width"], join["wrap_max_width"])
        self.wrap_full = join["wrap_full_percent"] / 100
        self.wrap_min_lines = join["wrap_min_lines"]
        self.related_max = lay["related_block"]["max_words"]
        self.slug = re.compile(lay["related_block"]["slug"])
        dig = lay["digest"]
        self.digest_url_parts = set(dig["url_parts"])
        self.digest_title = re.compile(dig["titles"])
        self.digest_min_dated = dig["min_dated_items"]


@cache
def rules() -> _Rules:
    return _Rules()


def _leftover(line: Line, r: _Rules) -> tuple[str, str] | None:
    """(group, zone) of the first leftover group (in the lexicon's order) that takes the line, if any."""
    tiers = r.leftover_by_words
    if line.words >= len(tiers):
        return None
    g = tiers[line.words].first_group(line.folded)
    return (g.name, g.zone) if g is not None else None


def _views(line: Line, r: _Rules) -> int | None:
    if line.label == "date":  # `Thứ Ba, 14/12/2021 - 10:05 | Lượt xem: 1.254`
        m = r.views_in_date.search(line.folded) or r.views_in_date_count.search(line.folded)
        digits = _NOT_DIGIT.sub("", next((g for g in m.groups() if g), "")) if m else ""
        return int(digits) if digits else None
    if len(line.text) > 40:
        return None
    for pattern in r.views:
        m = pattern.search(line.folded)
        if m:
            digits = _NOT_DIGIT.sub("", next((g for g in m.groups() if g and g[0].isdigit()), ""))  # `Lượt xem: .`
            return int(digits) if digits else None
    return None


def _section_items(line: Line, r: _Rules) -> list[str] | None:
    """A breadcrumb's items, if the line is one."""
    if line.words > r.section_max or not r.section_sep.search(line.text):
        return None
    items = [s.strip() for s in r.section_sep.split(line.text) if s.strip()]
    if len(items) < 2 or any(len(s.split()) > r.section_item_max for s in items):
        return None
    if len(items) > r.section_items_max:
        return []  # a menu bar
    if any(_DIGIT.search(s) for s in items):
        return None
    return [s for s in items if fold(s) not in r.section_drop]


@lru_cache(maxsize=8192)
def _fold_name(text: str) -> str:
    """`fold` for the few names of bylines and agencies, which come back page after page."""
    return fold(text)


def byline_names(text: str) -> tuple[list[str], list[str]] | None:
    """(authors, sources) when the line is a byline (`Trí Dũng- Quốc Chiến`, `Theo TTXVN`), else None."""
    r = rules()
    text = text.strip()
    bracketed = r.byline_bracketed.match(text)  # `(H.V., Sở Ngoại vụ TPHCM)`
    if bracketed:
        return [bracketed.group(1).strip()], []
    text = text.rstrip(".")
    if not text or len(text) > r.byline_max_chars or len(text.split()) > r.byline_max_words:
        return None
    m = r.byline_source.match(text)
    if m:  # `Theo TTXVN`
        src = m.group(1).strip(" ()")
        return ([], [src]) if len(src.split()) <= r.byline_source_max_words else None
    names, sources = _byline_parts(r.byline_prefix.sub("", text), r)
    if names is None:
        return [], sources
    if not names:
        return ([], sources) if sources else None
    names = [r.byline_degrees.sub("", n) for n in names]  # `PGS. TS. Lê Hải Bình`
    if not all(_author_like(name, r) or _fold_name(name) in r.byline_generic for name in names):
        return None
    return [n for n in names if _fold_name(n) not in r.byline_generic], sources  # `PV`: a role, no name


def _byline_parts(text: str, r: _Rules) -> tuple[list[str] | None, list[str]]:
    """A byline without its prefix split into (names, sources): an agency in parentheses (`Hoài Nam (TTXVN)`) or
    among the names (`Tuấn Anh/TTXVN`) is a source; names is None when the whole line is an agency."""
    sources = []
    paren = _SOURCE_IN_PARENS.search(text)  # `Hoài Nam (TTXVN)`
    if paren:
        sources.append(paren.group(1).strip())
        text = text[: paren.start()]
    if _fold_name(text) in r.agencies:
        return None, [text]
    names = [n.strip() for n in r.byline_sep.split(text) if n and n.strip()]
    agencies = [_fold_name(n) in r.agencies for n in names]
    sources += [n for n, agency in zip(names, agencies, strict=True) if agency]  # `Tuấn Anh/TTXVN`
    return [n for n, agency in zip(names, agencies, strict=True) if not agency], sources


def _author_like(name: str, r: _Rules) -> bool:
    """A person's name as a byline prints it: a few capitalised words or initials, none a common word; one word
    only in capitals or with a dot (`PV`, `T.Lâm`)."""
    words = name.split()
    if not 1 <= len(words) <= r.byline_name_max_words:
        return False
    if any(w.lower() in r.byline_stop for w in words):
        return False
    if not all(_NAME_WORD.match(w) or _INITIALS.fullmatch(w) for w in words):
        return False
    return len(words) > 1 or words[0].isupper() or "." in words[0]


_SENTENCE_INSIDE = re.compile(r"[.!?](?:\s|$)")


def _caption_like(line: Line, r: _Rules) -> bool:
    """Whether the line reads like a photo caption (asked several times of a line: the answer is kept)."""
    if line._caption is None:
        line._caption = _caption_test(line, r)
    return line._caption


def _caption_test(line: Line, r: _Rules) -> bool:
    text = line.text
    words = line.words
    if words > r.caption_max or words < 2:
        return False
    if ":" in text and r.caption_credit_raw.search(text):
        return True
    if words > 30 or text.endswith(":") or r.caption_not_inside.search(text):
        return False
    overview = r.caption_overview.match(text)
    if not overview and _SENTENCE_INSIDE.search(text.rstrip(".").strip()):
        return False
    f = line.folded
    if r.caption_not_starts.search(f):
        return False
    if overview and f.startswith(r.caption_overview_starts):
        return True
    return bool(r.caption_verbs.search(f)) and bool(r.caption_ends.search(f) or r.caption_starts.search(f))


def _paragraph_like(line: Line) -> bool:
    words = line.words
    return words >= 40 or (words >= 18 and line.text.rstrip().endswith(_FULL_STOP) and "," in line.text)


def split_lines(text: str) -> list[Line]:
    lines = []
    for i, norm in enumerate(normalize(text).split("\n")):
        if not norm:
            lines.append(Line(i, norm, norm, False, "blank"))
            continue
        # a bullet opens the line, or white space then a bullet
        bullet = (norm[0] in _BULLETS or norm[0].isspace()) and _BULLET.match(norm) is not None
        clean = _BULLET.sub("", norm) if bullet else norm
        if "  " in clean or "\t" in clean or clean[:1] == " " or clean[-1:] == " ":
            clean = squash(clean)
        if clean[-1:] == "|" or clean[:1] == "|":  # a table's cell borders left in flattened text
            clean = clean.strip("| ") or clean
        lines.append(Line(i, norm, clean, bullet, "blank" if not clean else "body"))
    return lines


def analyse(text: str, url: str | None = None) -> Layout:
    """Label every line of a flattened page and gather the article's parts. `url`: where the page came from; a
    headline its address spells out (`…/bi-thu-tinh-uy-tiep-doan-cong-tac-12345.html`) is the title wherever it
    stands."""
    r = rules()
    lines = split_lines(text)
    content = _join_hard_wrapped([ln for ln in lines if ln.label != "blank"], r)
    layout = Layout(lines)
    # Pass 1: each line alone.
    tail_from, signed_by = _label_each_line(content, r)
    content = _split_flat_header(layout, content, url, r)
    # Pass 2: the header zone, up to the lead, holds the section, the title and the date; the tail follows the
    # article.
    if _is_digest(content, url, r):
        layout.kind = "digest"
    first_para = _first_paragraph(content, r)
    title_pos = _label_title(layout, content[:first_para], r)
    _label_section(layout, content[: title_pos if title_pos is not None else first_para], title_pos, r)
    end, byline_pos = _label_tail(content, title_pos, tail_from)
    if title_pos is not None and byline_pos is None:
        _label_column_byline(content[title_pos + 1: first_para])
    # Pass 3: captions, repeated titles, and the body itself.
    _join_wrapped(content, r)
    article = content[:end]
    _label_captions(article, layout.title, r)
    _label_date_headings(article, title_pos)
    _label_slug_title(layout, content, url)
    _repeated_lines(article, r)
    _gather_parts(layout, content, r)
    _pick_date(layout, content, title_pos)
    _date_from_title(layout)
    _byline_from_date_line(layout, signed_by)
    if byline_pos is None:
        _byline_closing_paragraph(layout, content[:end], r)
    return layout


def _byline_closing_paragraph(layout: Layout, article: list[Line], r: _Rules) -> None:
    """Initials in brackets closing the story's last paragraph (`… Trung-Việt. (H.V., Sở Ngoại vụ TPHCM)`) sign
    it: a byline; the paragraph stays as printed."""
    last = next((ln for ln in reversed(article) if ln.label == "body"), None)
    if last is None or not last.text.endswith((")", "|")):
        return
    m = r.byline_bracketed.search(last.text)
    if m and m.start() > 0:
        layout.bylines.append(m.group(0).strip(" |"))


def _join_hard_wrapped(content: list[Line], r: _Rules) -> list[Line]:
    """On a hard-wrapped page, before any line is labelled, join each full line that ends no sentence with the next
    (a paragraph, a caption, a headline, a name broken at the line's end: `… đồng chí Nguyễn Văn` / `Lợi, Bí thư …`);
    a blank line, a date line or a bullet starts anew."""
    full = _wrap_width(content, r)
    if full is None:
        return content
    out: list[Line] = []
    last = None  # the physical line the previous item ends with
    for ln in content:
        if last is not None and ln.index == last.index + 1 and _wraps_into(last, ln, full, r):
            out[-1].retext(out[-1].text + " " + ln.text)
            ln.label, ln.why = "joined", "hard-wrapped: continues the line before"
        else:
            out.append(ln)
        last = ln
    return out


def _wraps_into(prev: Line, ln: Line, full: float, r: _Rules) -> bool:
    """A full line that ends no sentence goes on in the next when that one starts in lower case or with a digit,
    or the line stops on a comma, a word that cannot end a sentence or a capitalised word (a name going on)."""
    if len(prev.text) < full or prev.text.endswith(_SENTENCE_END) or ln.bullet or r.salutation.match(ln.text):
        return False
    last = prev.text.rsplit(" ", 1)[-1]
    if not (_LOWER_START.match(ln.text) or ln.text[:1].isdigit() or prev.text.endswith(r.dangling) or
            last[:1].isupper()):
        return False
    return not is_date_line(ln.text) and _leftover(ln, r) is None


def _wrap_width(content: list[Line], r: _Rules) -> float | None:
    """The length of a full line on a hard-wrapped page; None when the page is not hard-wrapped."""
    width = max((len(ln.text) for ln in content), default=0)
    if not r.wrap_width[0] <= width <= r.wrap_width[1]:
        return None
    full = width * r.wrap_full
    nexts = [b for a, b in zip(content, content[1:], strict=False)
             if len(a.text) >= full and not a.text.endswith(_SENTENCE_END) and b.index == a.index + 1]
    if len(nexts) < r.wrap_min_lines or 2 * sum(1 for b in nexts if _LOWER_START.match(b.text)) < len(nexts):
        return None
    return full


def _split_flat_header(layout: Layout, content: list[Line], url: str | None, r: _Rules) -> list[Line]:
    """A header flattened into one line at the page's top (`Xây dựng Đảng Nghị quyết Đại hội … 2030 Sáng 3/10, Đại
    hội …`, `Trang chủ > Thời sự Hội nghị …`) split into its section, headline and lead lines, which the passes
    after label as any others."""
    slug = _slug_words(url)
    for pos, ln in enumerate(content[: r.header_scan]):
        if ln.label != "body":
            continue
        if ln.words < r.title_min or any(x.label == "body" and x.words > r.section_item_max for x in content[:pos]):
            return content
        parts = _header_parts(ln.text, slug, r) if ln.words >= r.title_min + 2 and \
            _may_be_flat_header(ln, slug, r) else None
        if parts is None:
            continue
        new = [Line(ln.index, ln.raw, p) for p in parts if p]
        at = layout.lines.index(ln)
        layout.lines[at: at + 1] = new
        return content[:pos] + new + content[pos + 1:]
    return content


def _may_be_flat_header(ln: Line, slug: list[str], r: _Rules) -> bool:
    """A quick look at a line's first words: a breadcrumb's separator, a section name, the word the address starts
    with."""
    head = ln.text[: 12 * (r.section_item_max + 1)]
    digit = _DIGIT.search(head)
    if r.section_sep.search(head, 0, digit.start() if digit else len(head)):
        return True
    words = head.split(" ", r.section_item_max + 1)[: r.section_item_max + 1]
    if fold(words[0], normalized=True) in r.section_firsts:
        first = _SLUG_WORD.findall(fold(" ".join(words[: r.section_name_max]), normalized=True))
        if any(tuple(first[:n]) in r.section_names for n in range(1, len(first) + 1)):
            return True
    return bool(slug) and slug[0] in _SLUG_WORD.findall(fold(" ".join(words), normalized=True))


def _header_parts(text: str, slug: list[str], r: _Rules) -> tuple[str, str, str] | None:
    """(section, headline, lead) of a flattened header line, None when the line is none: the headline starts
    where the page's address spells it, or after a section name, and ends where the address stops spelling it
    or a lead opens (`Sáng 3/10,`)."""
    digit = _DIGIT.search(text)
    crumbs = list(r.section_sep.finditer(text, 0, digit.start() if digit else len(text)))  # not `3/10`
    head = text[crumbs[-1].end():] if crumbs else text
    crumb = text[: len(text) - len(head)]
    if crumb and any(len(c.split()) > r.section_item_max for c in r.section_sep.split(crumb) if c.strip()):
        return None
    words = head.split()
    start, end, lead_at = _headline_span(words, slug, r)
    title, lead = " ".join(words[start:end]), " ".join(words[end:])
    alone = start == 0 and not crumb  # nothing in front of the headline
    if (alone and (end == len(words) or lead_at is None)) or not r.title_min <= end - start <= r.title_max or \
            title.endswith(_FULL_STOP) or r.lead.match(title) or not _starts_upper(title) or \
            (lead and not _starts_upper(lead)):  # a headline and a lead open in capitals
        return None
    return (crumb + " ".join(words[:start])).strip(), title, lead


def _starts_upper(text: str) -> bool:
    return text[:1].isupper() or text[:1] in "(\"“"


def _headline_span(words: list[str], slug: list[str], r: _Rules) -> tuple[int, int, int | None]:
    """Where a headline starts and ends among a flattened header's words, and where a lead opens (None: none)."""
    reach = r.section_item_max + max(len(slug), r.section_name_max) + 1  # the words a span or a name can reach
    folded = fold(" ".join(words[:reach]), normalized=True).split(" ")  # one folded word for each word
    if len(folded) != len(words[:reach]):
        folded = [fold(w, normalized=True) for w in words[:reach]]
    tokens = [(i, t) for i, w in enumerate(folded) for t in _SLUG_WORD.findall(w)]
    span = _slug_span(tokens, slug, r) if slug else None
    start, end = span if span else (_section_name_words(tokens, r), None)
    rest = " ".join(words[start: start + r.title_max + 1])  # a lead opens within a headline's length
    lead = r.lead_inside.search(rest)
    lead_at = start + len(rest[: lead.start()].split()) if lead else None
    if end is None or (lead_at is not None and lead_at >= end):
        end = lead_at if lead_at is not None else len(words)
    return start, end, lead_at


def _slug_span(tokens: list[tuple[int, str]], slug: list[str], r: _Rules) -> tuple[int, int] | None:
    """The words (first, past the last) of a line that the page's address spells, starting within a section's
    length of the line's start."""
    for j, (i, t) in enumerate(tokens):
        if i > r.section_item_max:
            return None
        if t != slug[0]:
            continue
        n = 0
        while j + n < len(tokens) and n < len(slug) and tokens[j + n][1] == slug[n]:
            n += 1
        if n >= 5 and n >= 0.8 * len(slug):
            return i, tokens[j + n - 1][0] + 1
    return None


def _section_name_words(tokens: list[tuple[int, str]], r: _Rules) -> int:
    """How many words of a line's start are a section name (`Xây dựng Đảng`, `Quốc phòng - An ninh`); 0 if none."""
    folded = [t for _, t in tokens[: r.section_name_max]]
    for n in range(len(folded), 0, -1):
        if tuple(folded[:n]) in r.section_names:
            return tokens[n - 1][0] + 1
    return 0


def _label_each_line(content: list[Line], r: _Rules) -> tuple[int | None, list[str]]:
    """Pass 1, each line alone: menus, date lines, leftovers, linked headlines, view counters. Returns where an end
    marker starts the page's tail, and the bylines printed in front of a date (`PV - 03/04/2025 17:35`)."""
    tail_from = None
    signed_by: list[str] = []
    menus = _menu_runs(content)
    in_related = False
    for pos, ln in enumerate(content):
        if id(ln) in menus:
            ln.label, ln.why = "leftover", "menu"
        elif ln.words <= 12 and _label_signed_date_line(ln, signed_by):
            pass
        elif (pub := date_line_published(ln.text)) is not None:
            ln.label, ln.why = "date", "date line"
            ln._published = pub
        elif left := _leftover(ln, r):
            ln.label, ln.why = "leftover", left[0]
            if left[1] == "end" and tail_from is None and pos > 0:
                tail_from = pos
            in_related = left[1] == "block"
        elif r.slug.match(ln.text):
            ln.label, ln.why = "leftover", "linked headline with its URL slug"
        elif in_related and _related_headline(ln, r):
            ln.label, ln.why = "leftover", "related"
        else:
            in_related = False
            if _views(ln, r) is not None:
                ln.label, ln.why = "views", "view counter"
            elif ln.bullet and ln.words <= 6:
                ln.label, ln.why = "leftover", "short bullet"
    return tail_from, signed_by


def _label_signed_date_line(ln: Line, signed_by: list[str]) -> bool:
    """A byline and a date (`PV - 03/04/2025 17:35`): a date line; its byline is kept in `signed_by`."""
    text = ln.text
    if "-" not in text and "–" not in text and "|" not in text:
        return False  # no dash or bar after the byline
    signed = _SIGNED_DATE.match(text)
    if signed and without_weekday(signed.group(1)) == signed.group(1) and is_date_line(signed.group(2)) and \
            byline_names(signed.group(1)):
        ln.label, ln.why = "date", "byline and date line"
        signed_by.append(signed.group(1))
        return True
    return False


def _related_headline(ln: Line, r: _Rules) -> bool:
    """In a block after a `Tin liên quan` marker: a short line without a full stop links another article."""
    return ln.words <= r.related_max and not ln.text.rstrip().endswith(_FULL_STOP)


def _first_paragraph(content: list[Line], r: _Rules) -> int:
    """Where the lead starts: the first body line that reads like a paragraph or opens like a lead."""
    return next((i for i, ln in enumerate(content) if ln.label == "body" and
                 (_paragraph_like(ln) or r.lead.match(ln.text))), len(content))


def _label_title(layout: Layout, header: list[Line], r: _Rules) -> int | None:
    """The headline among the lines before the lead, labelled; its position."""
    _join_two_line_headline(header, r)
    title_pos = _pick_title(header, r)
    if title_pos is not None:
        header[title_pos].label, header[title_pos].why = "title", "longest headline-like line before the lead"
        layout.title = header[title_pos].text
    return title_pos


def _join_two_line_headline(header: list[Line], r: _Rules) -> None:
    """A headline printed over two lines, the first ending in `:` (`Đại hội Đảng bộ tỉnh lần thứ XX:` /
    `Đoàn kết, dân chủ, kỷ cương, đột phá, phát triển`), is one line."""
    for ln, nxt in zip(header, header[1:], strict=False):
        if ln.text.endswith(":") and ln.label == "body" and nxt.label == "body" and not nxt.text.endswith(":") \
                and ln.words + nxt.words <= r.title_max and not _LOWER_START.match(ln.text) \
                and not _LOWER_START.match(nxt.text) and not r.lead.match(nxt.text) and not _paragraph_like(nxt):
            ln.retext(ln.text + " " + nxt.text)
            nxt.label, nxt.why = "joined", "the headline's second line"
            return


def _label_section(layout: Layout, header: list[Line], title_pos: int | None, r: _Rules) -> None:
    """The section before the title: breadcrumbs, and short lines when a title follows (not on a digest, where
    such a line names the tag); a menu bar is a leftover."""
    short = title_pos is not None
    for ln in header:
        if ln.label != "body":
            continue
        items = _section_items(ln, r)
        if items == []:
            ln.label, ln.why = "leftover", "menu bar"
        elif items is not None:
            ln.label, ln.why = "section", "breadcrumb"
            layout.section.extend(items)
        elif short and _short_section_line(ln, header, r):
            if layout.kind == "digest":
                ln.label, ln.why = "leftover", "the tag's or topic's name over a digest"
                continue
            ln.label, ln.why = "section", "short line before the title"
            layout.section.append(ln.text)


def _short_section_line(ln: Line, header: list[Line], r: _Rules) -> bool:
    """A short line before the title, or, alone at the page's top right above it, one a little longer
    (`Hội nghị toàn quốc công tác Đối ngoại nhân dân` over its headline)."""
    if ln.bullet or _caption_like(ln, r):
        return False
    if ln.words <= r.section_item_max:
        return True
    return ln.words <= r.section_above_title_max and not ln.text.endswith(_SENTENCE_END) and \
        [x for x in header if x.label == "body"] == [ln]


def _is_digest(content: list[Line], url: str | None, r: _Rules) -> bool:
    """A page joining several items: a tag, topic or search page by its address, a digest by its headline
    (`Điểm báo ngày …`), or a listing of several dated headlines."""
    if url:
        parts = url.split("?")[0].split("#")[0].lower().split("/")[3:-1]
        if any(p in r.digest_url_parts for p in parts):
            return True
    head = [ln for ln in content[: 2 * r.header_scan] if ln.label == "body"][: r.header_scan]
    if any(ln.words <= r.title_max and r.digest_title.match(ln.folded) for ln in head):
        return True
    return sum(1 for ln in content if ln.label == "date") >= r.digest_min_dated


def _label_tail(content: list[Line], title_pos: int | None, tail_from: int | None) -> tuple[int, int | None]:
    """The tail: after an end marker, or after the byline that closes the article. Returns where the article ends
    and where its closing byline stands."""
    start = (title_pos + 1) if title_pos is not None else 0
    end = tail_from if tail_from is not None and tail_from > start else len(content)
    byline_pos = _closing_byline(content, start, end)
    if byline_pos is not None:
        content[byline_pos].label, content[byline_pos].why = "byline", "name line closing the article"
        end = byline_pos
        tail_from = byline_pos + 1
    for ln in content[tail_from or len(content):]:
        if ln.label == "body":
            ln.label, ln.why = "leftover", "tail"
    return end, byline_pos


def _closing_byline(content: list[Line], start: int, end: int) -> int | None:
    """The last line of the article, between `start` and `end`, when it is a byline (leftovers, dates and counters
    after it are passed over)."""
    for i in range(end - 1, start - 1, -1):
        ln = content[i]
        if ln.label in ("leftover", "date", "views"):
            continue
        return i if ln.label == "body" and byline_names(ln.text) is not None else None
    return None


def _label_column_byline(under_title: list[Line]) -> None:
    """Bylines at the head of a column (`PGS. TS. Lê Hải Bình` under the title) are authors too."""
    for ln in under_title:
        if ln.label == "body" and byline_names(_DEGREES.sub("", ln.text)):
            ln.label, ln.why = "byline", "name line under the title"
            return


def _label_captions(article: list[Line], title: str | None, r: _Rules) -> None:
    """Photo captions among the body lines, and the title printed again as a photo's alt text."""
    title_fold = fold(title) if title else None
    title_words = len(title.split()) if title else 0
    for ln in article:
        if ln.label != "body":
            continue
        if title_fold and title_words <= ln.words <= title_words + 2 and _repeats_title(ln.folded, title_fold):
            ln.label, ln.why = "leftover", "title repeated as alt text"
        elif _caption_like(ln, r):
            ln.label, ln.why = "caption", "short photo-like line"


def _repeats_title(folded: str, title_fold: str) -> bool:
    """The title again, or the title and a photo's number (`… ảnh 1`)."""
    return folded == title_fold or (folded.startswith(title_fold) and
                                    _PHOTO_NUMBER.fullmatch(folded[len(title_fold):]) is not None)


def _label_date_headings(article: list[Line], title_pos: int | None) -> None:
    """A date line with the article's body on both sides is a heading of the text (`Ngày 12/11/1936`)."""
    body_at = [i for i, ln in enumerate(article) if ln.label == "body" and i > (title_pos or 0)]
    for i in range(body_at[0] + 1, body_at[-1]) if body_at else ():
        if article[i].label == "date":
            article[i].label, article[i].why = "body", "a date heading inside the article"


def _label_slug_title(layout: Layout, content: list[Line], url: str | None) -> None:
    """The headline the page's address spells out is the title; a line taken for it before becomes a caption."""
    title_line = _slug_title(content, url)
    if title_line is None or title_line.label == "title":
        return
    for ln in content:
        if ln.label == "title":  # a subhead or a photo's caption under the headline
            ln.label, ln.why = "caption", "headline-like line; the address spells out another"
    if title_line.label == "section" and title_line.text in layout.section:
        layout.section.remove(title_line.text)
    title_line.label, title_line.why = "title", "the headline the page's address spells out"
    layout.title = title_line.text


def _gather_parts(layout: Layout, content: list[Line], r: _Rules) -> None:
    """The body, captions (a repeated one is a leftover), bylines and the view count, in the page's order."""
    layout.body = [ln.text for ln in content if ln.label == "body"]
    seen_captions = set()
    for ln in content:
        if ln.label == "caption":
            if ln.folded in seen_captions:
                ln.label, ln.why = "leftover", "caption repeated"
                continue
            seen_captions.add(ln.folded)
            layout.captions.append(ln.text)
        elif ln.label == "byline":
            layout.bylines.append(ln.text)
        elif ln.label in ("views", "date") and layout.views is None:
            layout.views = _views(ln, r)


def _date_from_title(layout: Layout) -> None:
    """A date printed at the title's end is cut off; it is the date line when the page has none:
    `Đảng bộ tỉnh … nửa nhiệm kỳ (03/02/2019 21:20)`."""
    dated = _DATE_IN_TITLE.search(layout.title) if layout.title and layout.title.endswith(")") else None
    pub = date_line_published(dated.group(1)) if dated else None
    if pub is not None:
        layout.title = layout.title[: dated.start()].rstrip()
        if layout.published is None:
            layout.date_line, layout.published = dated.group(1), pub


def _byline_from_date_line(layout: Layout, signed_by: list[str]) -> None:
    """The byline in front of the chosen date line (`PV - 03/04/2025 17:35`) is the article's."""
    if layout.date_line is None:
        return
    signed = _SIGNED_DATE.match(layout.date_line)
    if signed and signed.group(1) in signed_by:
        layout.bylines.append(signed.group(1))
        layout.date_line = signed.group(2)


_DATE_IN_TITLE = re.compile(r"\s*\((\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\)$")
_SIGNED_DATE = re.compile(r"([^-–|\d]{2,30}?)\s+[-–|]\s+(\d.+)")  # a byline, then the date: `PV - 03/04/2025 17:35`
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_SLUG_ID = re.compile(r"(?:[-_.](?:[a-z]{0,4}\d{3,}[a-z0-9]*|html?|aspx?|php|vgp|vnp|ngn))+$")


@lru_cache(maxsize=256)
def _slug_words(url: str | None) -> list[str]:
    """The words of a page address's last part, without its id and extension: `…/tiep-doan-cong-tac-12345.html`
    -> [tiep, doan, cong, tac]; [] when it holds no readable headline."""
    if not url:
        return []
    path = url.split("?")[0].split("#")[0].rstrip("/")
    last = path.rsplit("/", 1)[-1].lower()
    last = _SLUG_ID.sub("", last)
    words = _SLUG_WORD.findall(last)
    return words if len(words) >= 5 and "-" in last else []


def _slug_title(content: list[Line], url: str | None) -> Line | None:
    """The line whose words the page's address spells out (its first five words at least, most of them)."""
    slug = _slug_words(url)
    if not slug:
        return None
    for ln in content:
        if ln.label == "blank" or not 4 <= ln.words <= 60:
            continue
        first = _SLUG_WORD.findall(fold(ln.text[:40], normalized=True))
        if first and first[0] != slug[0]:
            continue  # decided by the first word, without folding the whole line
        words = _SLUG_WORD.findall(ln.folded)
        same = 0
        for a, b in zip(words, slug, strict=False):
            if a != b:
                break
            same += 1
        if same >= 5 and same >= 0.8 * min(len(words), len(slug)):
            return ln
    return None


def _alt_text_of(prev: Line, caption: Line) -> bool:
    """`Tổng Bí thư phát biểu tại Hội nghị` above `Tổng Bí thư phát biểu tại Hội nghị. (Ảnh: TTXVN)`: the caption's
    words again, without its credit."""
    words = prev.text.rstrip(" .").split()
    printed = caption.text.split()
    return len(words) >= 4 and len(printed) > len(words) and printed[:len(words)] == words


def _repeated_lines(content: list[Line], r: _Rules) -> None:
    """A paragraph printed twice is kept once; a short line printed twice in a row is a photo's alt text and its
    caption."""
    seen: dict[str, Line] = {}
    prev = None
    for ln in content:
        if ln.label not in ("body", "caption"):
            if ln.label not in ("blank", "joined"):
                prev = None
            continue
        first = seen.get(ln.text)
        if prev is not None and prev.label in ("body", "caption") and ln.label == "caption" and _alt_text_of(prev, ln):
            prev.label, prev.why = "leftover", "a photo's alt text (the caption with its credit follows)"
        if first is None:
            seen[ln.text] = ln
        elif first is prev and first.label == "body" and ln.words <= r.caption_max and not ln.text.endswith(":") and \
                not r.lead.match(ln.text) and not r.caption_not_starts.search(ln.folded) and \
                (ln.words <= 20 or r.caption_verbs.search(ln.folded)):  # what a photo shows, not a lead twice
            first.label, first.why = "leftover", "a photo's alt text (the caption follows)"
            ln.label, ln.why = "caption", "printed twice in a row: alt text and caption"
        elif ln.label == "body":
            ln.label, ln.why = "leftover", "paragraph printed twice"
        prev = ln


def _pick_title(header: list[Line], r: _Rules) -> int | None:
    """The headline among the lines before the lead: the longest plausible one; caption-like lines weigh less."""
    best, best_score = None, 0.0
    for i, ln in enumerate(header):
        words = ln.words
        if ln.label != "body" or ln.bullet or not r.title_min <= words <= r.title_max or ln.text.endswith(":"):
            continue
        if _section_items(ln, r) is not None:
            continue
        upper = not _HAS_LOWER.search(ln.text)  # `CHUẨN BỊ KỸ LƯỠNG CHO NGÀY HỘI TOÀN DÂN`
        score = words * (0.5 if _caption_like(ln, r) else 0.8 if upper else 1.0)
        if score > best_score:
            best, best_score = i, score
    if best is not None and _caption_like(header[best], r) and not _opens_page(header, best, r) and not any(
            i != best and ln.label == "body" and ln.words >= r.title_min for i, ln in enumerate(header)):
        return None  # a page that opens on a photo caption has lost its headline
    return best


def _opens_page(header: list[Line], i: int, r: _Rules) -> bool:
    """The line is the page's first, with no full stop and no photo credit: a headline that reads like a caption
    (`Lãnh đạo tỉnh tiếp Đoàn …`); a photo's caption comes after the remains of its photo (`leftcenterrightdel`)."""
    text = header[i].text.rstrip()
    return all(ln.label == "blank" for ln in header[:i]) and not text.endswith(".") and \
        not r.caption_credit_raw.search(text) and not r.caption_overview.match(text)  # (`Quang cảnh Hội nghị`)


def _menu_runs(content: list[Line]) -> set[int]:
    """Runs of three or more short bullet lines: a portal's menu, not the article."""
    found: set[int] = set()
    run: list[Line] = []
    for ln in content + [None]:
        if ln is not None and ln.bullet and ln.words <= 5:
            run.append(ln)
            continue
        if len(run) >= 3:
            found.update(id(x) for x in run)
        run = []
    return found


def _join_wrapped(content: list[Line], r: _Rules) -> None:
    """Join hard-wrapped body lines: a line that does not end a sentence, followed by one in lower case, or one that
    stops on a comma or a word that cannot end a sentence (`của`, `và`, `đồng chí` …); never a speech's salutation
    (`Thưa toàn thể nhân dân và cử tri trong tỉnh,`)."""
    prev = None
    for ln in content:
        if ln.label != "body":
            if ln.label != "blank":
                prev = None
            continue
        if prev is not None and not prev.text.rstrip().endswith(_SENTENCE_END) and (
                _LOWER_START.match(ln.text) or prev.text.endswith(r.dangling) or _name_cut(prev, ln, r)) \
                and not r.salutation.match(ln.text) and not r.salutation.match(prev.text) \
                and _HAS_LOWER.search(ln.text):  # a heading in capitals (`QUYẾT NGHỊ`) stands alone
            prev.retext(prev.text + " " + ln.text)
            ln.label, ln.why = "joined", "continues the line before"
            continue
        prev = ln


def _name_cut(prev: Line, ln: Line, r: _Rules) -> bool:
    """`… dưới sự chủ trì của đồng chí Hồ` / `Quốc Dũng, Bí thư Tỉnh ủy`: a name (or a place) cut by the wrap."""
    return r.name_cut_end.search(prev.text) is not None and r.name_cut_start.match(ln.text) is not None


def _pick_date(layout: Layout, content: list[Line], title_pos: int | None) -> None:
    """Of the page's date lines, the article's: a labelled one, one with a time, then the nearest to the title. A
    portal's header date (today's date with its weekday at the very top, another date line following) is not."""
    dated = [(i, ln, pub) for i, ln in enumerate(content)
             if ln.label == "date" and (pub := ln.published()) is not None]
    if len(dated) > 1 and _header_date(dated[0], content, title_pos):
        dated[0][1].label, dated[0][1].why = "leftover", "portal's header date (today's, above the menu)"
        dated = dated[1:]
    best = None
    for i, ln, pub in dated:
        plain = without_weekday(ln.text)
        labelled = bool(_A_WORD.search(fold(plain, normalized=True)))
        distance = abs(i - title_pos) if title_pos is not None else i
        key = (not pub.has_time and not labelled, distance)
        if best is None or key < best[0]:
            best = (key, ln, pub)
    if best:
        layout.date_line, layout.published = best[1].text, best[2]
        for ln in content:
            if ln.label == "date" and ln is not best[1]:
                ln.why = "another date line"


def _header_date(first: tuple, content: list[Line], title_pos: int | None) -> bool:
    """The first date line is the portal's header date: at the page's top (only leftovers, a masthead or a section
    before it), above the title, a weekday and no time."""
    i, ln, pub = first
    if pub.has_time or (title_pos is not None and i > title_pos) or without_weekday(ln.text) == ln.text:
        return False
    return sum(1 for x in content[:i] if x.label not in ("leftover", "blank")) <= 1
