"""Events: the conference (or session, congress, ceremony, visit) an article reports, and its details.

The main event is named in the headline or the lead: `[X tổ chức] Hội nghị …`. Its date and part of day come from
the lead, resolved against the publication date; its mode from `trực tuyến` / `trực tiếp kết hợp trực tuyến`;
organizers from `X tổ chức`; chairs from `X chủ trì`; speakers from `phát biểu`, `trình bày`, `báo cáo` …;
each bridge point from `Tại điểm cầu X, …`; the documents it studied from `quán triệt`, `triển khai` … next to a
document in a sentence about the event. Word lists are in `lexicons/events.toml`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import islice
from operator import attrgetter, itemgetter

from hoinghi import lexicons
from hoinghi.clean.dates import EventDate, find_event_date, same_day
from hoinghi.extract.spans import ByStart, Cover
from hoinghi.geo import unit_words
from hoinghi.model import BridgePoint, Event
from hoinghi.patterns import Sought
from hoinghi.text import LOWER, UPPER, fold, trie_regex, words_regex

_NUMBER = r"(\d{1,3}(?:[.,]\d{3})+|\d+)"
_CLAUSE_END = re.compile(r"[.;:]")
_LIST_JOINT = re.compile(r";|\bvà\b|,")
_COLON_OR_STOP = re.compile(r"[:.]")
_FULL_STOP = re.compile(r"\.(?:\s|$)")
_TOWN_ABBR = re.compile(r"(T(?<!\w.)[PXp])\.")  # `TP. Nha Trang`
_ACRONYM = r"\([A-ZĐ]{2,8}\)"
_ACRONYM_AFTER = re.compile(r"\s*" + _ACRONYM)
_FIRST, _START = itemgetter(0), attrgetter("start")  # where a span tuple, a match starts
_TITLE_CUT = re.compile(r"\s+[-–|]\s+|:\s|[()]")


def _both_cases(words: list[str]) -> list[str]:
    """Each word as printed and with a capital first letter (faster than a case-insensitive pattern)."""
    return sorted({w for word in words for w in (word, word[:1].upper() + word[1:])})


def _words(words: list[str]) -> str:
    """Any of the words, as printed or capitalised, as a whole word in group 1."""
    return "(" + words_regex(_both_cases(words)) + ")"


def _any(words) -> str:
    """Any of the words, as printed (no word boundaries), as one trie."""
    return "(?:" + trie_regex(sorted(words)) + ")"


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Printed:
    """A phrase read where its word is first printed (`trong khuôn khổ …`, `chủ đề “…”`)."""

    word: str
    pattern: re.Pattern[str]

    def read(self, text: str) -> str | None:
        at = text.find(self.word)
        m = self.pattern.match(text, at) if at != -1 else None
        return m.group(1).strip() if m else None


class _Lex:
    def __init__(self) -> None:
        ev = lexicons.load("events.toml")
        self._kinds(ev)
        self._roles(ev)
        self._places(ev)
        self._organizers(ev)
        self._bridges(ev)
        self.study = re.compile(_words(ev["study_verbs"]))
        self.study_sentence = re.compile(_any(ev["study_sentence"]))
        self.not_ours_before = re.compile(ev["not_ours_before"])
        approx = trie_regex(sorted(ev["approx"]))
        self.attendance_nouns = ev["attendance_nouns"]
        self.approx = re.compile(rf"(?:^|\s)({approx})\s*$", re.I)
        self.not_attendance_after = tuple(ev["attendance_not_after"])
        self.parent = _Printed(ev["parent"]["word"], re.compile(ev["parent"]["pattern"]))
        self.theme = _Printed(ev["theme"]["word"], re.compile(ev["theme"]["pattern"]))
        session = ev["session"]
        self.session_kind = session["kind"]
        nouns = trie_regex(_both_cases(sorted(session["nouns"])))
        self.session_after = re.compile(session["after_name"] + rf"({nouns})(?![\wÀ-ỹ])")
        self.session_before = re.compile(rf"(?<![\wÀ-ỹ])({nouns})\s+(?:của\s+)?$")
        self.session_noun = re.compile(nouns)  # (whether the lead names a session at all)
        mode = ev["mode"]
        self.hybrid = Sought(mode["hybrid"])
        self.online, self.linked = mode["online"], mode["linked"]
        self.venue_hall = Sought(mode["venue_hall"])
        self.mode_said = Sought(mode["said"])

    def _kinds(self, ev: dict) -> None:
        kinds = sorted(ev["kinds"], key=len, reverse=True)
        self.kinds = ev["kinds"]
        self.kind = re.compile(_words(kinds))
        self.noun_kinds = [k for k in kinds if k not in ev["not_nouns"]]
        self.noun = re.compile(_words(self.noun_kinds))
        # a speech verb right after an event noun names the event (`hội nghị quán triệt …`), nobody speaks
        self.noun_before = re.compile(_words(self.noun_kinds) + r"\s+$")
        self.at_event = re.compile(r"[Tt](?<![\wÀ-ỹ].)ại\s+(?=" + _words(self.noun_kinds) + ")")
        self.verb_kinds = [(k, re.compile(p)) for k, p in ev["verb_kinds"].items()]
        guarded = ev["not_triggers"]
        triggers = [trie_regex(sorted(t for t in ev["triggers"] if t not in guarded))]
        triggers += [re.escape(t) + "(?! " + _any(after) + ")" for t, after in guarded.items()]
        self.trigger = re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(triggers) + r")(?![\wÀ-ỹ])", re.I)
        # (and a list of documents' kinds: `quán triệt các nghị quyết, chỉ thị, kết luận, quy định của Bộ Chính trị`)
        goes_on = ev["name_goes_on"] + [k for ks in lexicons.load("documents.toml")["kinds"].values() for k in ks]
        self.name_stop = re.compile(r"[.;()]|,\s(?!" + _any(goes_on) + r"\b)|\s" + _any(ev["name_stops"])
                                    + r"(?![\wÀ-ỹ])")
        self.name_drop_heads = [h + " " for h in ev["name_drop_heads"]]
        self.name_holders = tuple(ev["name_holders"])
        self.other_event_before = tuple(ev["other_event_before"])
        subject = ev["subject"]
        self.subject_verbs = re.compile(r"\s*(?:" + _any(subject["before_verb"]) + r"\s+)*" + _any(subject["verbs"])
                                        + r"(?![\wÀ-ỹ])")
        self.numbered = re.compile(subject["numbered"])
        self.headline_verbs = [(k, re.compile(p)) for k, p in ev["headline_verbs"].items()]
        self.ceremony_before = re.compile(r"(?<![\wÀ-ỹ])" + _words(ev["ceremony_before"]) + r"\s+$")
        self.section_name_min_words = ev["section_name"]["min_words"]
        self.section_generic = frozenset(ev["section_name"]["generic"])
        self.live_blog = re.compile(ev["live_blog"])
        self.salutation = re.compile(words_regex(lexicons.load("layout.toml")["join"]["salutations_raw"]))

    def _roles(self, ev: dict) -> None:
        chair_verbs = ev["chair_verbs"]
        self.speech = re.compile(_words(ev["speech_verbs"]))
        self.not_speech = re.compile(r"\s+" + _any(ev["not_speech_before"]) + r"(?![\wÀ-ỹ])")
        self.speech_of = re.compile(ev["speech_of"])
        self.speech_nouns = frozenset(ev["speech_nouns"])
        self.chair = re.compile(_words(chair_verbs))
        # the chair verbs that hold no other (`chủ trì`): found from their second letter, a plain substring search
        scanned = [w for w in chair_verbs if not any(v != w and v in w for v in chair_verbs)]
        self.chair_tails = tuple(w[1:] for w in scanned)
        # a sentence worth reading for chairs and speakers
        self.role = re.compile(trie_regex(_both_cases(scanned + ev["speech_verbs"])))
        self.under_chair = re.compile(ev["under_chair"])
        self.chairs_listed = re.compile(ev["chairs_listed"])
        self.chairs_also = re.compile(ev["chairs_also"])
        self.chair_openers = frozenset(["", *ev["chair_openers"]])
        self.chairs_listed_open = re.compile(ev["chairs_listed_open"])
        self.chairs_fronted = re.compile(ev["chairs_fronted"])
        occasions = ev["other_occasions"]
        self.occasion_kinds = {k.lower(): v for k, v in occasions.items()}
        self.occasion = re.compile(r"\s+(?:buổi\s+|cuộc\s+)?(" + trie_regex(sorted(occasions)) + r")(?![\wÀ-ỹ])", re.I)
        self.clause_openers = frozenset(["", *ev["clause_openers"]])

    def _places(self, ev: dict) -> None:
        heads = trie_regex(sorted(ev["venue_heads"]))
        parts = trie_regex(sorted(ev["venue_parts"]))
        self.venue = re.compile(rf"t(?<!\w.)ại\s+((?:{heads})\b[^,.;()]*(?:,\s*(?:{parts})\b[^,.;()]*)*)")
        self.venue_stop = re.compile(r"\s" + _any(ev["venue_stops"]) + r"\s")
        self.at_place = re.compile(ev["at_place"])
        self.arrive, self.arrive_gap = re.compile(ev["arrive"]), ev["arrive_gap"]
        # a city abroad (`tại thành phố Quảng Châu`) or a town since merged away (`tại thị xã Cửa Lò`) that no gazetteer
        # holds, printed with its unit word
        city_words = sorted(w for w, level in unit_words().items() if level in ("city", "town") and
                            "ủy" not in w.lower())
        self.unit_place = re.compile(rf"(?:{trie_regex(city_words)})\s+([{UPPER}][{LOWER}]*(?:[ ][{UPPER}][{LOWER}]*){{0,3}})")
        self.city_stop = re.compile(r"\s" + _any(ev["city_stops"]) + r"\s")
        self.capital_venue = re.compile(r"tại\s+(?:[^.;]{0,40}?)" + _any(ev["capital_venues"]))

    def _organizers(self, ev: dict) -> None:
        self.held_by = Sought(ev["held_by"])
        self.opened_by = Sought(ev["opened_by"])
        self.on_behalf = re.compile(ev["on_behalf_before"])
        self.complement_before = re.compile(ev["complement_before"])
        joints = ",|" + trie_regex(sorted(ev["organizer_joints"])) + "|" + _ACRONYM
        self.organizers_joint = re.compile(rf"\s*(?:{joints}|\s)*\s*")  # between two organisers
        # between the last organiser and the verb: also its term (`HĐND tỉnh khóa XIX, nhiệm kỳ 2021-2026 đã …`)
        terms = "|".join(ev["organizer_terms"])
        self.subject_to_verb = re.compile(rf"\s*(?:{joints}|{terms}|\s)*\s*")
        self.venue_before = re.compile(ev["venue_before"])
        self.national_names = ev["national_names"]
        self.national_organizers = re.compile(ev["national_organizers"])

    def _bridges(self, ev: dict) -> None:
        bridge = ev["bridge"]
        self.bridge_word = bridge["word"]
        self.bridge_words = (bridge["word"], *bridge["synonyms"])
        self.bridge_tails = tuple(w[1:] for w in self.bridge_words)  # found in either case by a substring search
        words = r"(?:(?<!\d )" + _any(_both_cases([bridge["word"]])) + "|" + bridge["synonym_before"] \
            + _any(_both_cases(bridge["synonyms"])) + ")"
        self.bridge = re.compile(words + r"\s+(?:" + re.escape(bridge["main"]) + r"\s+)?([^,:;.]{2,80})")
        self.bridge_unit = re.compile(_any(bridge["units"]) + r"\s[^,:;.]*?(?=\s+" + _any(bridge["unit_stops"])
                                      + r"(?![\wÀ-ỹ])|\s*$)")
        self.province_count = re.compile(bridge["province_count"])
        self.bridge_not_place = re.compile(words_regex(bridge["not_places"]))
        self.own_province = frozenset(bridge["own_province"])
        self.attend_on = re.compile(bridge["attend_on"])


@cache
def lex() -> _Lex:
    return _Lex()


def sentences(text: str) -> list[_Sentence]:
    """The sentences of `text` (none of white space only), with their offsets: each runs to a line's end or to a
    stop that is no dot inside an abbreviation (`UVT.Ư Đảng`, `TP.HCM`: a stop followed by a character that is
    neither a space nor a stop), with the stops that follow it; a stop where no sentence is open opens none. (What
    the pattern `(?>[^.!?;\\n]+|[.!?](?=[^\\s.!?;]))+(?:[.!?;]+|$)` finds, multiline; found from the breaks, a
    substring search for each character, much cheaper than a pattern's scan of every character.)"""
    out: list[_Sentence] = []
    n, p = len(text), 0
    for i in _breaks(text):
        if i < p:
            continue  # (in the stops that closed the sentence before)
        if text[i] == "\n":
            if i > p and not text[p:i].isspace():
                out.append(_Sentence(p, i, text[p:i]))
            p = i + 1
            continue
        after = text[i + 1: i + 2]
        if text[i] != ";" and after and not after.isspace() and after not in _STOPS:
            continue
        if i == p:
            p += 1
            continue
        j = i + 1
        while j < n and text[j] in _STOPS:
            j += 1
        if not text[p:j].isspace():
            out.append(_Sentence(p, j, text[p:j]))
        p = j
    if p < n and not text[p:].isspace():
        out.append(_Sentence(p, n, text[p:]))
    return out


_STOPS = ".!?;"


def _breaks(text: str) -> list[int]:
    """Where a stop or a line break stands in `text`, in order."""
    out = []
    for ch in ".!?;\n":
        i = text.find(ch)
        while i != -1:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


def _kind_and_name(page: _Page, section: list[str] | None = None) -> tuple[str | None, str | None, str | None]:
    """The event's kind, its own name, and where they were read: from the headline when it names the event, else
    from the lead, where the event noun must follow a verb like `tổ chức`, `diễn ra`, `dự` (or open a sentence),
    else the subject of `được tổ chức`, `khai mạc`, `diễn ra` in the lead's paragraph, else the event the headline's
    verb says (`… ký Biên bản …`), else a verb pattern (`tiếp`, `thăm`), else a section line that is an event's
    own name."""
    title, lead = page.title, page.lead
    return (_headline_or_lead(title, lead) or _from_subject(page) or _from_headline_verb(page)
            or _from_verbs(title, lead, _from_section(section)))


def _headline_or_lead(title: str | None, lead: str) -> tuple[str, str | None, str] | None:
    """The headline's event, unless the headline is a live-blog entry (`9H15: …`, it names no event); a headline's
    bare noun (`Bế mạc Hội nghị`) gives way to the lead's formal name."""
    lx = lex()
    head = None if title and lx.live_blog.match(title) else _from_title(title)
    if head is not None and lx.noun.fullmatch(head[1]) is None:
        return head
    led = _from_lead(lead)
    return led if led and led[1] else head or led


def _from_title(title: str | None) -> tuple[str, str, str] | None:
    lx = lex()
    if title and title.isupper():  # `HỘI NGHỊ …`: match on lower case (same length), keep the printed name
        title = title[:1] + title[1:].lower()
    for m in lx.noun.finditer(title or ""):
        if _inside_a_name(title[max(0, m.start() - 60): m.start()]):
            continue
        name = _TITLE_CUT.split(title[m.start():])[0].strip(" .,:;\"“”")
        return lx.kinds.get(m.group(1).lower(), m.group(1).lower()), name[0].upper() + name[1:], \
            f"'{m.group(1)}' in the headline"
    return None


def _from_lead(lead: str) -> tuple[str, str | None, str] | None:
    lx = lex()
    for m in lx.noun.finditer(lead):
        before = lead[max(0, m.start() - 60): m.start()]
        if _inside_a_name(before):
            continue
        tail = before.rstrip()  # at the start, after a full stop or comma, or after a date (`Ngày 5/6, Hội nghị …`)
        opens = (before == "" or tail.endswith((".", ",")) or tail[-1:].isdigit()) and m.group(1)[0].isupper()
        if not opens and not lx.trigger.search(" ".join(before.split()[-8:])):
            continue
        kind, name = _named(lead, m)
        how = f"'{m.group(1)}' " + ("opening a sentence of the lead" if opens else "after a verb in the lead")
        return kind, _proper(name), how
    return None


def _from_verbs(title: str | None, lead: str, otherwise: tuple | None = None) -> tuple[str | None, str | None, str | None]:
    """A verb pattern (`tiếp`, `thăm`) in the headline or the lead: the kind, no name; else `otherwise`."""
    for source, where in ((title or "", "headline"), (lead, "lead")):
        for kind, pattern in lex().verb_kinds:
            m = pattern.search(source)
            if m:
                return kind, None, f"verb pattern '{m.group().strip()}' in the {where}"
    return otherwise or (None, None, None)


def _named(lead: str, m: re.Match) -> tuple[str, str]:
    """The kind of the event noun `m` and the name it opens in `lead` (up to a word that ends a name)."""
    lx = lex()
    name = lx.name_stop.split(lead[m.start():])[0].strip(" .,:;\"“”")
    name = name.rstrip(" -–") if name.endswith((" -", " –")) else name  # `… Sơn La - (Ảnh: …)`
    for head in lx.name_drop_heads:
        if name[:len(head)].lower() == head and len(name.split()) > 3:
            name = name[len(head):]  # `buổi gặp mặt báo chí`: the event is `Gặp mặt báo chí`
            break
    return lx.kinds.get(m.group(1).lower(), m.group(1).lower()), name


def _proper(name: str) -> str | None:
    """A name of two words or more, with a capital first letter; else none."""
    return (name[0].upper() + name[1:]) if len(name.split()) >= 2 else None


def _from_subject(page: _Page) -> tuple[str, str | None, str] | None:
    """`… để Đại hội 13 được tổ chức đúng tiến độ`, `Hội nghị … lần thứ 20 khai mạc sáng nay`: a capitalised event
    noun that is the subject of a verb that holds it, in the lead's paragraph (or the sentence that names an event).
    The numbered name wins, then the longest."""
    lx = lex()
    found = []
    for part in dict.fromkeys((page.lead_para, page.lead)):
        for m in lx.noun.finditer(part):
            if not m.group(1)[0].isupper() or _inside_a_name(part[max(0, m.start() - 60): m.start()]):
                continue
            kind, name = _named(part, m)
            if lx.subject_verbs.match(part, m.start() + part[m.start():].find(name) + len(name)):
                found.append((bool(lx.numbered.search(name)), len(name.split()), -len(found), kind, name, m.group(1)))
    if not found:
        return None
    *_rank, kind, name, noun = max(found)
    return kind, _proper(name), f"'{noun}' as the subject of the verb that holds it in the lead"


def _from_headline_verb(page: _Page) -> tuple[str, str | None, str] | None:
    """`Xiêng Khoảng và Sơn La ký Biên bản hợp tác`: the headline's verb says the kind; the event is the noun of that
    kind in a sentence that reports it (after a verb like `diễn ra`, or opening it: captions too), else in the lead
    after `buổi`, `Đại diện`."""
    lx = lex()
    kind = next((k for k, p in lx.headline_verbs if p.search(page.title or "")), None)
    if kind is None:
        return None
    for s in page.sents:
        if s.start < page.body_start:
            continue
        found = _from_lead(s.text)
        if found and found[0] == kind and found[1]:
            return kind, found[1], f"the headline's verb says '{kind}'; " + found[2].replace("the lead", "the text")
    for m in lx.noun.finditer(page.lead):
        after = lx.ceremony_before.search(page.lead, 0, m.start())
        if lx.kinds.get(m.group(1).lower()) == kind and after:
            name = _named(page.lead, m)[1]
            return kind, _proper(name), f"the headline's verb says '{kind}'; '{m.group(1)}' after '{after.group(1)}' in the lead"
    return kind, None, f"the headline's verb says '{kind}'"


def _from_section(section: list[str] | None) -> tuple[str, str, str] | None:
    """A section line that is an event's own name (`Hội nghị toàn quốc công tác Đối ngoại nhân dân`): an event noun
    opening it, then words that qualify it (not a generic section: `Hội nghị - Hội thảo`, `Đại hội Đảng các cấp`)."""
    lx = lex()
    for item in section or []:
        m = lx.noun.match(item)
        rest = item[m.end():].split() if m else []
        if m and m.group(1)[0].isupper() and len(rest) >= lx.section_name_min_words and not lx.noun.search(
                item, m.end()) and not any(w.lower() in lx.section_generic for w in rest):
            return lx.kinds.get(m.group(1).lower(), m.group(1).lower()), item.strip(), \
                f"the section line '{item.strip()}' is an event's own name"
    return None


def _inside_a_name(before: str) -> bool:
    """An event noun that is part of a venue's or a body's name (`Trung tâm Hội nghị Quốc tế`, `Ban Tổ chức Lễ hội
    Việt Nam`), or that names another event than this one (`chuẩn bị Đại hội`), given the text before it."""
    if not before[-1:].isspace():
        return False
    lx = lex()
    tail = before.rstrip()
    return tail.endswith(lx.name_holders) or tail.lower().endswith(lx.other_event_before)


def _names_own_event(sentence: str, pos: int = 0) -> bool:
    """An event noun in the sentence (from `pos`) that is no part of a body's or venue's name and names no other
    event."""
    return any(not _inside_a_name(sentence[max(0, m.start() - 60): m.start()])
               for m in lex().kind.finditer(sentence, pos))


def _through_documents(name: str | None, text: str, body_start: int, documents: list) -> str | None:
    """A name cut at a comma inside the document it names (`… Kết luận 57 về nâng cao chất lượng, hiệu quả …`) runs
    on to the end of that document's mention."""
    if not name:
        return name
    at = text.find(name)
    if at == -1:
        return name
    end = at + len(name)
    for dm in documents:
        for s, e in dm.spans:
            if at <= s < end < e and (at >= body_start or e <= body_start):
                return text[at:e]
    return name


def _mode(text: str) -> tuple[str | None, bool, str | None]:
    """(mode, explicit, the words that said it) from the words of the lead and body."""
    lx = lex()
    low = text.lower()
    m = lx.hybrid.search(low)
    if m:
        return "hybrid", True, m.group()
    said = next((w for w in lx.online if w in low), None)
    if said:
        if lx.venue_hall.search(low) and lx.bridge_word in low:
            return "hybrid", True, f"{said}' with a main hall and '{lx.bridge_word}"
        return "online", True, said
    said = next((w for w in lx.linked if w in low), None)
    if said:  # sites linked up, no words for how: online
        return "online", True, said
    return None, False, None


def _quiet(field: str, reason: str, *args) -> None:
    """No reasons asked for: nothing is formatted."""


def _reasons(why: list) -> Callable[..., None]:
    """`say(field, reason, *args)`: append (0, field, reason formatted with args) to `why`."""
    def say(field: str, reason: str, *args) -> None:
        why.append((0, field, reason.format(*args) if args else reason))
    return say


_LEAD_TRIES = 3  # the sentences with an event noun tried for the lead


def _lead_sentence(body_sents: list[_Sentence]) -> _Sentence | None:
    """Of the first sentences with an event noun (none of a speech's salutations: `Kính thưa Đoàn Chủ tịch Đại
    hội`), the first that names an event of its own (`tiến tới Đại hội …` names another one), else the first of
    them; else the body's first sentence."""
    lx = lex()
    naming = islice(((s, m) for s in body_sents if (m := lx.kind.search(s.text))
                     and not lx.salutation.match(s.text.lstrip())), _LEAD_TRIES)
    first = None
    for s, m in naming:
        if _names_own_event(s.text, m.start()):  # (its nouns from the first one found)
            return s
        first = first or s
    return first or (body_sents[0] if body_sents else None)


@dataclass(slots=True)
class _Page:
    """The parts of an article the event is read from."""

    title: str | None
    text: str
    body_start: int
    sents: list[_Sentence]
    starts: list[int]
    lead: str  # the first sentence of the body that names an event (else the first sentence)
    lead_para: str  # the first paragraph of the body
    lead_para_end: int  # where it ends (-1: at the end of the text)
    event_para: tuple[int, str] | None  # the paragraph of `lead`, when a sapo stands before it: (start, text)

    @classmethod
    def read(cls, title: str | None, text: str, body_start: int) -> _Page:
        sents = sentences(text)
        starts = [x.start for x in sents]
        lead_s = _lead_sentence(sents[bisect_left(starts, body_start):])  # (the body's sentences)
        lead_para_end = text.find("\n", body_start)
        lead_para = text[body_start: lead_para_end if lead_para_end != -1 else len(text)]
        event_para = None
        if lead_s is not None and lead_s.start > body_start + len(lead_para):
            para_start = text.rfind("\n", 0, lead_s.start) + 1
            para_end = text.find("\n", lead_s.start)
            event_para = (para_start, text[para_start: para_end if para_end != -1 else len(text)])
        return cls(title, text, body_start, sents, starts, lead_s.text if lead_s else "",
                   lead_para, lead_para_end, event_para)

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def holding(self, words: tuple[str, ...]) -> list[int]:
        """The indexes of the sentences that hold one of `words`, in order: each word found in the whole text (a
        substring search), not looked for in every sentence."""
        text, sents, found = self.text, self.sents, set()
        for word in words:
            at = text.find(word)
            while at != -1:
                k = self.sentence_of(at)
                if k >= 0 and at + len(word) <= sents[k].end:
                    found.add(k)
                at = text.find(word, at + 1)
        return sorted(found)


def build_events(title: str | None, text: str, body_start: int, people: list, orgs: list, places: list,
                 documents: list, base: dt.date | str | None, province: str | None, *,
                 why: list | None = None, section: list[str] | None = None) -> list[Event]:
    """The article's events; the first is the main one. `text` is the article text (title, body, captions);
    `people`, `orgs`, `places`, `documents` the matches of the other recognisers. `why`: a list to append
    `(event index, field, reason)` to for each field decided (for `hoinghi explain`); `section`: the section line's
    items (a section that is an event's own name names the event when the page names none)."""
    page = _Page.read(title, text, body_start)
    kind, name, how = _kind_and_name(page, section)
    if kind is None:
        return []
    say = _reasons(why) if why is not None else _quiet
    ev = Event(kind=kind, name=_through_documents(name, text, body_start, documents))
    say("kind", how)
    if ev.name:
        say("name", "{}{}", how, "" if ev.name == name else ", run on to the end of the document it names")
    _as_session(ev, page.lead, say)
    when = _when(page, base if base is not None else _name_year(ev, say), say)
    if when:
        ev.date, ev.part_of_day = when.date, when.part_of_day
        ev.month_day = None if when.date else when.month_day
    ev.mode = _event_mode(page, when, say)
    ev.parent = ev.parent or _printed(lex().parent, text, "parent", say)
    ev.theme = _printed(lex().theme, text, "theme", say)
    ev.venue = _venue(page.lead_para, say)

    person_at = _person_positions(people)
    taken = [(a, b) for pm in people for a, b, _ in pm.position_spans]
    titles = ByStart(sorted(taken), _FIRST)
    places = ByStart(places, _START)
    ev.bridge_points, in_bridge = _bridge_points(page, person_at, places, province, say)
    ev.organizers = _organizers(page, orgs, taken, say)
    main_bp = _main_venue_bridge(ev, province)
    ev.city, ev.city_name = _city(page, places, ev.mode, province, main_bp, say)
    roles = _role_words(page, person_at, in_bridge)
    events = [ev]
    ev.chairs = _chairs(page, roles, person_at, titles, main_bp, say, events)
    ev.speakers = _speakers(page, roles, person_at, titles, say, ev.name)
    ev.bridge_point_count = _bridge_point_count(text, say)
    ev.attendance = _attendance(text, body_start, say)
    ev.documents = _event_documents(title, text, page, documents, say)
    return events


_NAME_YEAR = re.compile(r"(?<![^\W\d_])năm\s+((?:19|20)\d\d)(?!\d)", re.I)
_TERM_YEARS = re.compile(r"(?<![^\W\d_])nhiệm\s+kỳ\s+((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d(?!\d)", re.I)


def _as_session(ev: Event, lead: str, say) -> None:
    """A session of a conference the lead names (`Hội nghị lần thứ 10 … đã họp phiên toàn thể`, `phiên bế mạc Hội
    nghị …`): the event becomes the session, named with its conference, and the conference its parent."""
    lx = lex()
    found = _from_lead(lead) if lx.session_noun.search(lead) else None
    if found is None or not found[1]:
        return
    conference = found[1]
    at = lead.find(conference)
    if at == -1:  # (`_proper` capitalised it)
        at = lead.find(conference[0].lower() + conference[1:])
    if at == -1:
        return
    m = lx.session_after.match(lead, at + len(conference)) or lx.session_before.search(lead, 0, at)
    if m is None:
        return
    session = m.group(1)[0].upper() + m.group(1)[1:]
    ev.kind, ev.name, ev.parent = lx.session_kind, f"{session} {conference}", conference
    say("name", "'{}' of the conference the lead names: a session, its parent '{}'", m.group(1), conference)


def _name_year(ev: Event, say) -> str | None:
    """A year the event's own name gives, for a page with no other: `… năm 2024`; the first year of the term a
    congress opens (`Đại hội … nhiệm kỳ 2020-2025`)."""
    m = _NAME_YEAR.search(ev.name or "")
    if m is None and ev.kind == "đại hội":
        m = _TERM_YEARS.search(ev.name or "")
    if m is None:
        return None
    say("date", "no date for the page: the year {} of the event's name '{}'", m.group(1), m.group())
    return m.group(1)


def _when(page: _Page, base: dt.date | str | None, say) -> EventDate | None:
    """The lead says when; failing it, the paragraph that names the event, then the paragraph after the lead (a date
    further down is history, not this event)."""
    when = find_event_date(page.lead_para, base)
    where = "the lead"
    if when is None and page.event_para:  # (after a sapo or a speech's salutations)
        when = find_event_date(page.event_para[1], base)
        where = "the paragraph that names the event"
    if when is None and page.lead_para_end != -1:
        second_end = page.text.find("\n", page.lead_para_end + 1)
        when = find_event_date(page.text[page.lead_para_end: second_end if second_end != -1 else len(page.text)],
                               base)
        where = "the paragraph after the lead"
    if when is not None:
        say("date", "'{}' in {} resolved against {}{}", when.text, where, base,
            ", announced as ahead: the next such day" if when.planned else "")
        if when.part_of_day:
            say("part_of_day", "'{}' in {}", when.text, where)
    return when


def _event_mode(page: _Page, when: EventDate | None, say) -> str | None:
    """From the headline and lead; else the paragraph that names the event; else a sentence saying how it was
    held; else in person when the lead says when."""
    mode, explicit, said = _mode((page.title or "") + "\n" + page.lead_para)
    where = "the headline or lead"
    if not explicit and page.event_para:
        mode, explicit, said = _mode(page.event_para[1])
        where = "the paragraph that names the event"
    if not explicit:  # `Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến …` further down
        m = lex().mode_said.search(page.text, page.body_start)
        if m:
            mode, explicit, said = _mode(m.group())
            where = f"'{m.group()}'"
    if mode == "online":  # `Hội nghị trực tuyến …` in the headline, `trực tiếp tại … và trực tuyến …` further on
        m = lex().hybrid.search(_lead_section(page).lower())
        if m:
            mode, said, where = "hybrid", m.group(), "the lead's paragraphs (both ways, more than online alone)"
    if explicit:
        say("mode", "printed '{}' in {}", said, where)
    elif when:
        mode = "in_person"
        say("mode", "a date in the lead and no word for online: in person")
    return mode


_LEAD_PARAGRAPHS = 3


def _lead_section(page: _Page) -> str:
    """The first paragraphs of the body (a sapo, the lead, the paragraph after it): where a page says how and where
    its event was held."""
    end = page.body_start
    for _ in range(_LEAD_PARAGRAPHS):
        end = page.text.find("\n", end + 1)
        if end == -1:
            return page.text[page.body_start:]
    return page.text[page.body_start:end]


def _printed(rule: _Printed, text: str, field_: str, say) -> str | None:
    value = rule.read(text)
    if value:
        say(field_, "after the first '{}'", rule.word)
    return value


def _venue(lead_para: str, say) -> str | None:
    lx = lex()
    m = lx.venue.search(lead_para)
    if not m:
        return None
    say("venue", "a venue after 'tại' in the lead: '{}'", m.group(1))
    return lx.venue_stop.split(m.group(1))[0].strip(" -–")


def _role_words(page: _Page, person_at: ByStart, in_bridge: list[tuple[int, int]]) -> list[tuple[int, re.Match]]:
    """The words that give someone a role, in order, with their sentence's index: every chair verb (its people
    may stand in the sentences around it), and the speech verbs of the sentences that name someone (a verb needs
    its speaker there); none in a bridge point's sentences."""
    if not person_at:
        return []
    lx = lex()
    text, sents, role = page.text, page.sents, lx.role
    found = []
    for tail in lx.chair_tails:
        at = text.find(tail)
        while at != -1:
            m = role.match(text, at - 1) if at else None
            if m is not None:
                found.append(m)
            at = text.find(tail, at + len(tail))
    named = sorted({page.sentence_of(a) for a, _b, _n in person_at})
    bridged = Cover(len(text), in_bridge)
    for i in named:
        if i >= 0 and not bridged.covers(sents[i].start):  # its words would be dropped below
            s = sents[i]
            found.extend(m for m in role.finditer(text, s.start, s.end) if not m.group().endswith(lx.chair_tails))
    found.sort(key=lambda m: m.start())
    out = []
    for m in found:
        i = page.sentence_of(m.start())
        if not bridged.covers(sents[i].start):
            out.append((i, m))
    return out


def _chairs(page: _Page, roles: list, person_at: ByStart, titles: ByStart, main_bp: BridgePoint | None,
            say, occasions: list[Event]) -> list[str]:
    """Who chaired the event: the chairs of its main bridge point, then the people of each chair verb
    (`_chairs_of`); a chair verb of another occasion (`chủ trì tiệc chiêu đãi`) adds that occasion, with its
    chairs, to `occasions` instead."""
    lx = lex()
    chairs = list(dict.fromkeys(main_bp.chairs)) if main_bp else []
    seen = set(chairs)
    if chairs:
        say("chairs", "chairs of the main bridge point {}: {}", main_bp.place, ", ".join(chairs))
    kind = occasions[0].kind
    for i, m in roles:
        if not m.group().endswith(lx.chair_tails):
            continue
        found, how = _chairs_of(page, page.sents[i], m, person_at, titles)
        other = lx.occasion.match(page.text, m.end())
        if other and lx.occasion_kinds[other.group(1).lower()] != kind:
            if found:
                occasions.append(_occasion(other, page.sents[i], found, occasions[0]))
                say("chairs", "not the event's: '{} {}' in sentence {} is another occasion", m.group(),
                    other.group(1), i)
            continue
        new = [n for n in dict.fromkeys(found) if n not in seen]
        chairs += new
        seen.update(new)
        if new:
            say("chairs", how + " in sentence {}: {}", m.group(), i, ", ".join(new))
    return chairs


def _occasion(m: re.Match, s: _Sentence, chairs: list[str], main: Event) -> Event:
    """Another occasion than the main event (`m`: its noun after a chair verb), with its chairs; on the main event's
    day when its sentence says so (`Tối cùng ngày`)."""
    ev = Event(kind=lex().occasion_kinds[m.group(1).lower()], name=m.group(1), chairs=list(dict.fromkeys(chairs)))
    same, part_of_day = same_day(s.text)
    if same:
        ev.date, ev.month_day, ev.part_of_day = main.date, main.month_day, part_of_day
    return ev


def _chairs_of(page: _Page, s: _Sentence, m: re.Match, person_at: ByStart, titles: ByStart) -> tuple[list, str]:
    """The people of one chair verb in sentence `s`: after `dưới sự chủ trì của` (`_under_chair`), a list after it
    (`Đồng chủ trì có các đồng chí: A - …; B - …`; `Tham dự và chủ trì Hội nghị, có đồng chí A - …; đồng chí B - …`
    when it opens the sentence), else its subject (`Các đồng chí: A, …; B, … chủ trì hội nghị`)."""
    lx = lex()
    text, sents, starts = page.text, page.sents, page.starts
    under = lx.under_chair.match(s.text, max(0, m.start() - s.start - 8))
    if under:
        return _under_chair(page, s, s.start + under.end(), person_at, titles)
    listed = lx.chairs_listed.match(text, m.end())
    opens = s.text[: m.start() - s.start].strip() in lx.chair_openers
    if not listed and opens:
        listed = lx.chairs_listed_open.match(text, m.end())
    if listed:
        return _objects(_list_after(text, sents, starts, s), m.end(), person_at), "listed after '{}'"
    fronted = lx.chairs_fronted.match(text, m.end()) if opens else None
    if fronted:
        return _people_listed(_list_after(text, sents, starts, s), fronted.end(), person_at, titles), \
            "listed after '{}' opening the sentence"
    return _subjects(_list_before(text, sents, starts, s), m.start(), person_at, titles), "before '{}'"


def _under_chair(page: _Page, s: _Sentence, pos: int, person_at: ByStart, titles: ByStart) -> tuple[list, str]:
    """`dưới sự chủ trì của đồng chí A, <positions>`: A, and the others after A's positions: the list after `và các
    đồng chí:` (`B, …; C, …`), or the one after `và đồng chí`."""
    first = _objects(s, pos, person_at, limit=1)
    after = person_at.between(pos, s.end)
    also = lex().chairs_also.match(page.text, _titles_end(after[0][1], s.end, titles)) if after else None
    if also is None:
        return first, "after '{}'"
    if also.group(1):
        rest = _objects(_list_after(page.text, page.sents, page.starts, s), also.end(), person_at)
    else:
        rest = _objects(s, also.end(), person_at, limit=1)
    return first + rest, "after '{}', then the others chairing with the first"


def _speakers(page: _Page, roles: list, person_at: ByStart, titles: ByStart, say, name: str | None = None
              ) -> list[str]:
    """Who spoke: the subject of a speech verb (`đồng chí X phát biểu`), or the one person after a verb that opens
    its sentence (`Phát biểu tại hội nghị, đồng chí X …`); not at another event the sentence names (`Tại Hội nghị
    Văn hóa toàn quốc …, Tổng Bí thư … khẳng định`) than the event `name`d."""
    lx = lex()
    speakers: list[str] = []
    seen: set[str] = set()
    for i, m in roles:
        s = page.sents[i]
        verb = lx.speech.match(s.text, m.start() - s.start)
        if verb is None or lx.not_speech.match(s.text, verb.end()):
            continue  # `báo cáo viên`: a role noun, not the verb
        other = _other_event_at(s.text, verb.start(), name)
        if other:
            say("speakers", "not at this event: '{}' in sentence {} names '{}'", verb.group(), i, other)
            continue
        if lx.noun_before.search(s.text, max(0, verb.start() - 24), verb.start()):
            continue  # `chủ trì hội nghị quán triệt Kết luận …`: the event's name, not a speech
        found, how = _speaker_of(s, verb, person_at, titles)
        new = [n for n in dict.fromkeys(found) if n not in seen]
        speakers += new
        seen.update(new)
        if new:
            say("speakers", how + " sentence {}: {}", verb.group(), i, ", ".join(new))
    return speakers


def _other_event_at(sentence: str, end: int, name: str | None) -> str | None:
    """The name of another event than `name` that the sentence puts its speech at before `end` (`Tại Hội nghị Văn
    hóa toàn quốc …,`); a bare noun (`Tại hội nghị`) is this event."""
    lx = lex()
    at = lx.at_event.search(sentence, 0, end) if name and "ại " in sentence else None
    m = lx.noun.match(sentence, at.end(), end) if at else None
    if m is None or sentence[m.end():m.end() + 1] in (",", ""):
        return None  # (`Tại hội nghị, …`: this one)
    _kind, printed = _named(sentence[:end], m)
    if len(printed.split()) < _OTHER_NAME_WORDS:
        return None
    a, b = fold(printed), fold(name)
    return None if a in b or b in a else printed


_OTHER_NAME_WORDS = 4  # the words of an event's name that can tell it from another


def _speaker_of(s: _Sentence, verb: re.Match, person_at: ByStart, titles: ByStart) -> tuple[list, str]:
    """The speaker of one speech verb: after it when it opens the clause (`Phát biểu tại hội nghị, đồng chí X`),
    after its `của` when it is a noun (`phát biểu kết luận của đồng chí X`, `bài phát biểu bế mạc của …`), else
    its subject."""
    if _opens_clause(s, verb):
        return _objects(s, s.start + verb.end(), person_at, 1), "after '{}' opening"
    lx = lex()
    of = lx.speech_of.match(s.text, verb.end()) if verb.group().lower() in lx.speech_nouns else None
    if of and not lx.study.search(s.text, max(0, verb.start() - 40), verb.start()):
        # (`quán triệt bài phát biểu bế mạc của Tổng Bí thư`: a speech at another event, studied at this one)
        return _objects(s, s.start + of.end(), person_at, 1), "after '{} của' in"
    return _subjects(s, s.start + verb.start(), person_at, titles), "before '{}' in"


def _bridge_point_count(text: str, say) -> int | None:
    """`63 điểm cầu` (`63 đầu cầu`): the number before the first bridge-point word."""
    at, word = min(((text.find(w), w) for w in lex().bridge_words if w in text), default=(-1, ""))
    m = _COUNT_BEFORE.search(text[max(0, at - 20): at]) if at > 0 else None
    if not m:
        return None
    say("bridge_point_count", "'{} {}'", m.group(1), word)
    return int(re.sub(r"\D", "", m.group(1)))


def _attendance(text: str, start: int, say=_quiet) -> dict | None:
    """`gần 170 đại biểu`, `với 1.268 đại biểu tham dự`: the first count of attendees after `start`. Found from the
    nouns (a substring search each) back to the number before them."""
    lx = lex()
    best = None
    for noun in lx.attendance_nouns:
        at = text.find(noun, start)
        while at != -1 and (best is None or at < best[0]):
            m = _COUNT_BEFORE.search(text, max(start, at - 16), at)
            if m and not text.endswith(lx.not_attendance_after, max(0, m.start() - 8), m.start() - 1):
                best = (at, m, noun)  # (`Ban Chấp hành gồm 65 người`: how many a body has, not who attended)
                break
            at = text.find(noun, at + 1)
    if best is None:
        return None
    m = best[1]
    say("attendance", "'{}' before '{}'", m.group(1), best[2])
    count = int(re.sub(r"\D", "", m.group(1)))
    present = _PRESENT_OF.search(text, max(0, m.start() - 8), m.start())
    if present:  # `77/86 đại biểu`: 77 of the 86 attended
        return {"count": int(present.group(1)), "approx": False}
    approx = lx.approx.search(text, max(0, m.start() - 12), m.start())
    return {"count": count, "approx": bool(approx)}


_COUNT_BEFORE = re.compile(rf"{_NUMBER}\s+$")
_PRESENT_OF = re.compile(r"(?<![\d/])(\d{1,4})\s*/\s*$")


def _person_positions(people: list) -> ByStart:
    """Every mention of a person (name or title referring back), sorted: (start, end, name)."""
    return ByStart(sorted((s, e, pm.person.name) for pm in people for s, e in pm.spans), _FIRST)


def _opens_clause(s: _Sentence, m: re.Match) -> bool:
    """`Phát biểu tại hội nghị, đồng chí X …`: the verb opens the sentence (or the clause after a colon: `Theo Đài
    X: Phát biểu tại …`), the speaker follows the comma."""
    before = s.text[: m.start()]
    return before.rsplit(": ", 1)[-1].strip() in lex().clause_openers


def _subjects(s: _Sentence, pos: int, person_at: ByStart, titles: ByStart | None = None) -> list[str]:
    """The people right before a verb at `pos` in the sentence (its subject: names and titles, a list of them).
    `titles`: the spans of people's positions, by start (a long title after the name is part of the subject)."""
    found = [(a, b, n) for a, b, n in person_at.between(s.start, pos + 1) if b <= pos]
    if not found:
        return []
    # only the nearest clause: no other verb between the last name (and the titles after it) and the verb
    last = found[-1]
    end = _titles_end(last[1], pos, titles)
    gap = s.text[end - s.start: pos - s.start]
    if len(gap.split()) > 25 or _CLAUSE_END.search(gap):
        return []
    names = [last[2]]
    for a, b, n in reversed(found[:-1]):
        between = s.text[b - s.start: last[0] - s.start]
        if _LIST_JOINT.search(between) and len(between.split()) <= 25 and not _COLON_OR_STOP.search(between):
            names.insert(0, n)
            last = (a, b, n)
        else:
            break
    return list(dict.fromkeys(names))


def _titles_end(end: int, pos: int, titles: ByStart | None) -> int:
    """The end of the titles that follow one another from `end` (each within 3 characters of the last), before
    `pos`."""
    if titles is None:
        return end
    for i in range(bisect_left(titles.starts, end), len(titles.items)):
        a, b = titles.items[i]
        if a > end + 3:
            break
        if b <= pos:
            end = b
    return end


def _list_before(text: str, sents: list[_Sentence], starts: list[int], s: _Sentence) -> _Sentence:
    """The sentence with the items of a list before it that `;` closes (a list of people split into sentences)."""
    i = bisect_right(starts, s.start) - 1
    first = i
    while first > 0 and sents[first - 1].text.rstrip().endswith(";") and \
            "\n" not in text[sents[first - 1].end: sents[first].start]:
        first -= 1
    return s if first == i else _Sentence(sents[first].start, s.end, text[sents[first].start: s.end])


def _list_after(text: str, sents: list[_Sentence], starts: list[int], s: _Sentence) -> _Sentence:
    """The sentence with the items of a list after it, each closed by `;`."""
    i = last = bisect_right(starts, s.start) - 1
    while last + 1 < len(sents) and sents[last].text.rstrip().endswith(";") and \
            "\n" not in text[sents[last].end: sents[last + 1].start]:
        last += 1
    return s if last == i else _Sentence(s.start, sents[last].end, text[s.start: sents[last].end])


def _people_listed(s: _Sentence, pos: int, person_at: ByStart, titles: ByStart) -> list[str]:
    """`đồng chí A, <positions>; đồng chí B, <positions> và đồng chí C`: the people listed from `pos`, each one a
    few words (a joint, an honorific) after the positions of the one before; the list ends where other words do."""
    names, end = [], pos
    for a, b, n in person_at.between(pos, s.end):
        if a < end:
            continue
        gap = s.text[end - s.start: a - s.start]
        if len(gap.split()) > 4 or "." in gap or (names and ":" in gap):  # (`các đồng chí: A, …` opens one)
            break
        names.append(n)
        end = _titles_end(b, s.end, titles)
    return list(dict.fromkeys(names))


def _objects(s: _Sentence, pos: int, person_at: ByStart, limit: int = 10) -> list[str]:
    """The people named right after `pos` (after `nghe`, after `Phát biểu …,`)."""
    found = [n for _a, _b, n in person_at.between(pos, s.end)]
    return list(dict.fromkeys(found))[:limit]


def _organizers(page: _Page, orgs: list, taken: list[tuple[int, int]], say) -> list[str]:
    """Who held the event: the organisations right before `tổ chức` in the lead, else in the paragraph that names
    the event (its subject held it)."""
    out = _held_by(page.lead_para, orgs, page.body_start, taken)
    where = "the lead"
    if not out and page.event_para:
        out = _held_by(page.event_para[1], orgs, page.event_para[0], taken)
        where = "the paragraph that names the event"
    if out:
        say("organizers", "before the verb that holds the event in {}: {}", where, ", ".join(out))
    return out


def _held_by(lead: str, orgs: list, offset: int, taken: list[tuple[int, int]]) -> list[str]:
    """`Bộ Chính trị, Ban Bí thư Trung ương Đảng tổ chức Hội nghị …`: the organisations right before `tổ chức` (or
    the verb of a meeting, `Sở Ngoại vụ tỉnh đã gặp mặt …`), joined by commas or `và`; none that is part of a
    person's position. The first such verb with a subject (`Hội nghị được tổ chức …` has none)."""
    lx = lex()
    for m in [*lx.held_by.finditer(lead), *lx.opened_by.finditer(lead)]:
        out = _subject_orgs(lead, orgs, offset, taken, offset + m.start())
        if out:
            return out
    return []


def _subject_orgs(lead: str, orgs: list, offset: int, taken: list[tuple[int, int]], verb: int) -> list[str]:
    """The organisations right before the verb at `verb`; after `thừa ủy quyền của` (`thay mặt`) the last of them
    only: the body that acts for the others."""
    lx = lex()
    spans = sorted((s, e) for om in orgs for s, e in om.spans
                   if offset <= s and e <= verb and not any(a <= s and e <= b for a, b in taken))
    spans = [(s, e) for s, e in spans if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)]
    chain: list[tuple[str, str]] = []  # (organisation, what follows it), from the first
    edge = verb
    for s, e in reversed(spans):
        between = lead[e - offset: edge - offset]
        joint = lx.subject_to_verb if edge == verb else lx.organizers_joint
        if not joint.fullmatch(between) or lx.venue_before.search(lead, 0, s - offset):
            break  # `tại Trụ sở Bộ Ngoại giao, Ban Chỉ đạo … tổ chức`: the venue's body did not hold it
        chain.insert(0, (_ACRONYM_AFTER.sub("", lead[s - offset: e - offset]), between))
        edge = s
    return list(dict.fromkeys(o for o, _b in _acting(chain, lead[: edge - offset])))


def _acting(chain: list[tuple[str, str]], before: str) -> list[tuple[str, str]]:
    """The organisations of a subject that act, given the text `before` it: after `thừa ủy quyền của` the last one
    (the others gave it authority); after a preposition (`giữa A và B, C tổ chức`) the ones after the comma that
    closes the phrase put before the subject."""
    lx = lex()
    if len(chain) < 2:
        return chain
    if lx.on_behalf.search(before):
        return chain[-1:]
    if lx.complement_before.search(before):
        commas = [k for k, (_o, between) in enumerate(chain[:-1]) if "," in between]
        return chain[commas[-1] + 1:] if commas else chain
    return chain


def _bridge_points(page: _Page, person_at: ByStart, places: ByStart, province: str | None,
                   say) -> tuple[list[BridgePoint], list[tuple[int, int]]]:
    """`Tại điểm cầu Tỉnh ủy Bình Dương có: đồng chí …`: one bridge point a place, with its chairs and attendees.
    Also the spans of the sentences that named people at one (no role of the event is read there)."""
    lx = lex()
    points: dict[str, tuple[BridgePoint, set[str], set[str]]] = {}  # place -> (point, its chairs, attendees)
    used = []
    for k in page.holding(lx.bridge_tails):
        s = page.sents[k]
        site = _bridge_site(s, places, province)
        if site is None:
            continue
        where, words = site
        if where not in points:
            points[where] = (BridgePoint(place=where), set(), set())
            say("bridge_points", "'{}' in sentence {}: {}", words, page.sentence_of(s.start), where)
        if _bridge_people(points[where], s, page.text, person_at):
            used.append((s.start, s.end))
    return [bp for bp, _c, _a in points.values()], used


def _bridge_site(s: _Sentence, places: ByStart, province: str | None) -> tuple[str, str] | None:
    """The site a sentence names as a bridge point, and the words that name it: `điểm cầu X` (or `Đầu cầu X`), else
    the article's own province given a count of its points (`Tại tỉnh X có 120 điểm cầu`)."""
    lx = lex()
    m = lx.bridge.search(s.text)
    where = _bridge_place(s, m, places, province) if m else None
    if where is not None:
        return where, m.group().strip()
    c = lx.province_count.search(s.text) if province else None
    place = places.first(s.start + c.start(1), s.start + c.end(1)) if c else None
    if place is not None and place.place.name == province:
        return province, c.group()
    return None


def _bridge_place(s: _Sentence, m: re.Match, places: ByStart, province: str | None) -> str | None:
    """The place a bridge point names: a place recognised there, the article's province for `điểm cầu tỉnh`, or a
    ministry or unit (`điểm cầu Bộ Ngoại giao`)."""
    lx = lex()
    if lx.bridge_not_place.match(m.group(1)):
        return None
    at, end = s.start + m.start(1), s.start + m.end(1)
    place = places.first(at, end)
    if place is not None:
        return place.place.name
    if m.group(1).strip() in lx.own_province and province:
        return province
    unit = lx.bridge_unit.match(m.group(1))
    return unit.group().strip() if unit else None


def _bridge_people(point: tuple[BridgePoint, set[str], set[str]], s: _Sentence, text: str,
                   person_at: ByStart) -> bool:
    """The people named at a bridge point (with the sets of its chairs and attendees): before its chair verb its
    chairs, else its attendees. Whether any."""
    bp, chairs, attendees = point
    end = _attendee_list_end(text, s.end)
    here = person_at.between(s.start, end)
    chair = lex().chair.search(s.text)
    for a, _b, n in here:
        target, seen = (bp.chairs, chairs) if chair and a < s.start + chair.start() else (bp.attendees, attendees)
        if n not in seen and n not in chairs:
            target.append(n)
            seen.add(n)
    return bool(here)


def _main_venue_bridge(ev: Event, province: str | None) -> BridgePoint | None:
    """`chủ trì hội nghị tại điểm cầu Hà Nội` in a national event reported from a province: the main venue, no
    longer one of the event's bridge points."""
    lx = lex()
    name = (ev.name or "").lower()
    national = any(w in name for w in lx.national_names) or any(
        lx.national_organizers.search(o) for o in ev.organizers)
    for bp in list(ev.bridge_points):
        if national and bp.place == "Hà Nội" and province != "Hà Nội":
            ev.bridge_points.remove(bp)
            return bp
    return None


def _attendee_list_end(text: str, pos: int) -> int:
    """Where a bridge point's list of people ends: it runs on over `;` and into sentences that go on naming who
    attended (`Cùng dự có đồng chí …`), to the end of the paragraph at most."""
    attend_on = lex().attend_on
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end == -1 else para_end
    end = pos
    while end < para_end:
        stop = _FULL_STOP.search(text, end, para_end)
        end = stop.end() if stop else para_end
        if not attend_on.match(text, end):
            break
    return end


def _event_documents(title: str | None, text: str, page: _Page, documents: list, say=_quiet) -> list[int]:
    """Indexes of the documents the event studied or carried out."""
    lx = lex()
    spans = [(i, s, e) for i, dm in enumerate(documents) for s, e in dm.spans]
    embedded = _embedded(spans)
    sents, starts = page.sents, page.starts
    title_end = len(title) if title else 0
    picked: list[int] = []
    for i, s, _e in spans:
        if i in embedded or i in picked:
            continue
        if s < title_end:
            picked.append(i)
            say("documents", "document {} named in the headline", i)
            continue
        k = bisect_right(starts, s) - 1
        sent = sents[k] if k >= 0 and s < sents[k].end else None
        if sent is None or not (lx.kind.search(sent.text) or lx.study_sentence.search(sent.text)):
            continue
        window = text[max(sent.start, s - 160): s]
        verbs = list(lx.study.finditer(window))
        verb = verbs[-1] if verbs else None
        if verb and not lx.not_ours_before.search(window, max(0, verb.start() - 40), verb.start()):
            picked.append(i)
            say("documents", "document {} after '{}' in a sentence about the event", i, verb.group())
    return sorted(picked)


def _embedded(spans: list[tuple[int, int, int]]) -> set[int]:
    """The documents (index, start, end) one of whose mentions starts strictly inside another document's: spans in
    order of start, with the two furthest ends seen so far of different documents."""
    out: set[int] = set()
    best: list[tuple[int, int]] = []  # (end, document): the furthest end, and the furthest of another document
    ordered = sorted(spans, key=lambda x: x[1])
    k = 0
    while k < len(ordered):
        group = [ordered[k]]
        while k + len(group) < len(ordered) and ordered[k + len(group)][1] == group[0][1]:
            group.append(ordered[k + len(group)])
        for i, s, _e in group:  # only spans that start before this one count
            if any(j != i and e2 > s for e2, j in best):
                out.add(i)
        for i, _s, e in group:
            best = _furthest_two(best, e, i)
        k += len(group)
    return out


def _furthest_two(best: list[tuple[int, int]], end: int, doc: int) -> list[tuple[int, int]]:
    """The furthest end and the furthest end of another document, with (end, doc) added."""
    cands = sorted([*best, (end, doc)], reverse=True)
    top = cands[0]
    other = next((c for c in cands[1:] if c[1] != top[1]), None)
    return [top] if other is None else [top, other]


def _city(page: _Page, places: ByStart, mode: str | None, province: str | None, main_bp: BridgePoint | None = None,
          say=_quiet) -> tuple[str | None, str | None]:
    """Where the main venue is, as printed and by its canonical name: a province or city (foreign ones too) printed
    after `tại` in the lead (`tại Hội trường Diên Hồng, Nhà Quốc hội, Thủ đô Hà Nội`), in the paragraph that names
    the event, or in the headline (`Họp mặt … tại TPHCM`); else the province of an in-person provincial event, else
    the capital when the main venue is its bridge point there."""
    parts = [(page.lead_para, page.body_start, "the lead")]
    if page.event_para:
        parts.append((page.event_para[1], page.event_para[0], "the paragraph that names the event"))
    if page.title:
        parts.append((page.title, 0, "the headline"))
    for part, offset, where in parts:
        found = _place_after_at(part, offset, places)
        if found:
            say("city", "{} in {}", found[2], where)
            return found[0], found[1]
    if mode == "in_person" and province:
        say("city", "in person, in the article's province")
        return province, province
    if main_bp is not None:
        say("city", "its main bridge point")
        return "Hà Nội", "Hà Nội"
    return None, None


def _place_after_at(part: str, offset: int, places: ByStart) -> tuple[str, str, str] | None:
    """The first province, city or country printed after a `tại` of `part` (at `offset` in the text): (as printed,
    canonical, how it was found); or the capital for a venue there that pages name without the city."""
    lx = lex()
    part = _TOWN_ABBR.sub(r"\1 ", part)  # `TP. Nha Trang`: the dot ends no sentence (same length)
    for m in lx.at_place.finditer(part):  # each `tại` of a sentence, up to the sentence's end (a look-ahead)
        seg = part[m.start():m.end(1)]
        stop = lx.city_stop.search(seg)
        end = offset + m.start() + (stop.start() if stop else len(seg))
        pm = places.first(offset + m.start(), end, _is_city)
        found = _city_or_abroad(part, offset, pm, lx.unit_place.search(part, m.start(), (pm.start if pm else end) - offset),
                                places, "tại")
        if found is not None:
            return found
        if lx.capital_venue.match(part, m.start()):
            return "Hà Nội", "Hà Nội", f"a venue in the capital: '{m.group()}'"  # `tại Hội trường Diên Hồng, Nhà Quốc hội`, `tại Trụ sở Trung ương Đảng`
    for m in lx.arrive.finditer(part):  # `đã đến thành phố Quảng Châu`: a place right after it
        pm = places.first(offset + m.end(), offset + m.end() + lx.arrive_gap, _is_city)
        found = _city_or_abroad(part, offset, pm, lx.unit_place.match(part, m.end()), places, m.group().strip())
        if found is not None:
            return found
    return None


def _is_city(pm) -> bool:
    return pm.place.kind in _CITY_KINDS


def _city_or_abroad(part: str, offset: int, pm, city: re.Match | None, places: ByStart, after: str
                    ) -> tuple[str, str, str] | None:
    """The place `pm` found after `after`, or a city or town printed with its unit word (`city`) before a foreign
    province or country or none (`thành phố Quảng Châu, tỉnh Quảng Đông (Trung Quốc)`, `thị xã Cửa Lò` merged away
    since): no gazetteer holds it."""
    if city is not None and (pm is None or pm.place.kind in _ABROAD) and \
            places.first(offset + city.start(1), offset + city.end(1)) is None:
        return city.group(1), city.group(1), f"'{city.group()}', a city no gazetteer holds, after '{after}'"
    if pm is not None:
        return pm.text, pm.place.canonical or pm.place.name, f"'{pm.text}' after '{after}'"
    return None


_CITY_KINDS = ("province", "city", "foreign_province", "country")
_ABROAD = ("foreign_province", "country")
