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
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from hoinghi import lexicons
from hoinghi.clean.dates import find_event_date
from hoinghi.model import BridgePoint, Event
from hoinghi.text import trie_regex, words_regex

_UNDER_CHAIR = re.compile(r"(?:[dD]ưới )?sự chủ trì(?:, điều hành)? của\s+")


def _both_cases(words: list[str]) -> list[str]:
    """Each word as printed and with a capital first letter (faster than a case-insensitive pattern)."""
    return sorted({w for word in words for w in (word, word[:1].upper() + word[1:])})


def _words(words: list[str]) -> str:
    """Any of the words, as printed or capitalised, as a whole word in group 1."""
    return "(" + words_regex(_both_cases(words)) + ")"


_MODE_SAID = re.compile(r"(?:theo|dưới|bằng) hình(?: thức)? [^.;\n]{0,60}")
_BRIDGE = re.compile(r"(?<!\d )điểm cầu\s+(?:chính\s+)?([^,:;.]{2,80})")
_SENTENCE = re.compile(r"[^.!?;\n]+(?:[.!?;]+|$)", re.M)
_NUMBER = r"(\d{1,3}(?:[.,]\d{3})+|\d+)"
_CLAUSE_END = re.compile(r"[.;:]")
_LIST_JOINT = re.compile(r";|\bvà\b|,")
_COLON_OR_STOP = re.compile(r"[:.]")
_JOINTS = r",|và|cùng|phối hợp với|phối hợp cùng|đã có|đã|vừa|long trọng|trọng thể|\([A-ZĐ]{2,8}\)"
_ORGANIZERS_JOINT = re.compile(rf"\s*(?:{_JOINTS}|\s)*\s*")  # between two organisers
# between the last organiser and the verb: also its term (`HĐND tỉnh khóa XIX, nhiệm kỳ 2021-2026 đã khai mạc`)
_SUBJECT_TO_VERB = re.compile(rf"\s*(?:{_JOINTS}|khóa [IVXL]+|nhiệm kỳ \d{{4}}\s*[-–]\s*\d{{4}}|\s)*\s*")
_VENUE_BEFORE = re.compile(r"(?:(?:\btại|\bở)\s+|(?:[Tt]rụ sở|[Hh]ội trường|[Pp]hòng họp|điểm cầu|\b[Nn]hà)\s+)$")
_FULL_STOP = re.compile(r"\.(?:\s|$)")
_DANG_BEFORE = re.compile(r"đ(?<!\w.)ang\s+(?:\w+\s+){0,2}$")  # `đang triển khai`: not this event's doing
_TOWN_ABBR = re.compile(r"(T(?<!\w.)[PXp])\.")  # `TP. Nha Trang`
_AT_PLACE = re.compile(r"t(?<!\w.)ại\s+[^.;]*")
_CHAIRS_LISTED = re.compile(r"\s*(?:có|gồm)?\s*(?:các đồng chí|đồng chí)?[^.;:\n]{0,40}:|\s+(?:có|gồm)\s")
_OPENED_BY = re.compile(r"k(?<!\w.)hai mạc (?=[Kk]ỳ họp|[Hh]ội nghị|[Đđ]ại hội|[Hh]ội thảo)")  # `HĐND tỉnh khai mạc Kỳ họp`
_HELD_BY = re.compile(r"t(?<!\w.)(?<!các .)ổ chức(?!\w)")  # `X tổ chức`, not `các tổ chức`


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str


class _Lex:
    def __init__(self) -> None:
        ev = lexicons.load("events.toml")
        kinds = sorted(ev["kinds"], key=len, reverse=True)
        self.kinds = ev["kinds"]
        self.kind = re.compile(_words(kinds))
        self.noun_kinds = [k for k in kinds if k not in ("làm việc với", "ký kết", "chương trình")]
        self.verb_kinds = [(k, re.compile(p)) for k, p in ev["verb_kinds"].items()]
        triggers = [re.escape(t) if t != "dự" else r"dự(?! (?:thảo|án|kiến|báo|toán|định|khuyết|phòng|trữ|bị))"
                    for t in sorted(ev["triggers"], key=len, reverse=True)]
        self.trigger = re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(triggers) + r")(?![\wÀ-ỹ])", re.I)
        self.name_stop = re.compile(r"[.;()]|,\s(?!(?:quán triệt|triển khai|học tập|nghiên cứu|thông tin|phổ biến|sơ kết|"
                                    r"tổng kết)\b)|\s(?:" + "|".join(
            re.escape(t) for t in sorted(ev["name_stops"], key=len, reverse=True)) + r")(?![\wÀ-ỹ])")
        self.noun = re.compile(_words(self.noun_kinds))
        self.speech = re.compile(_words(ev["speech_verbs"]))
        self.chair = re.compile(_words(["đồng chủ trì", "chủ trì"]))
        # a sentence worth reading for chairs and speakers
        self.role = re.compile(trie_regex(_both_cases(["chủ trì"] + ev["speech_verbs"])))
        self.study = re.compile(_words(ev["study_verbs"]))
        heads = "|".join(re.escape(v) for v in sorted(ev["venue_heads"], key=len, reverse=True))
        self.venue = re.compile(rf"t(?<!\w.)ại\s+((?:{heads})\b[^,.;()]*(?:,\s*(?:Nhà|Tòa nhà|Trụ sở|số)\b[^,.;()]*)*)")
        approx = "|".join(re.escape(a) for a in sorted(ev["approx"], key=len, reverse=True))
        self.attendance_nouns = ev["attendance_nouns"]
        self.approx = re.compile(rf"(?:^|\s)({approx})\s*$", re.I)


@cache
def lex() -> _Lex:
    return _Lex()


def sentences(text: str) -> list[_Sentence]:
    return [_Sentence(m.start(), m.end(), m.group()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def _kind_and_name(title: str | None, lead: str) -> tuple[str | None, str | None]:
    """The event's kind, and its own name: from the headline when it names the event, else from the lead, where
    the event noun must follow a verb like `tổ chức`, `diễn ra`, `dự` (or open a sentence)."""
    lx = lex()
    if title and title.isupper():  # `HỘI NGHỊ …`: match on lower case (same length), keep the printed name
        title = title[:1] + title[1:].lower()
    for m in lx.noun.finditer(title or ""):
        if _inside_a_name(title[max(0, m.start() - 60): m.start()]):
            continue
        name = re.split(r"\s+[-–|]\s+|:\s|[()]", title[m.start():])[0].strip(" .,:;\"“”")
        return lx.kinds.get(m.group(1).lower(), m.group(1).lower()), name[0].upper() + name[1:]
    for m in lx.noun.finditer(lead):
        before = lead[max(0, m.start() - 60): m.start()]
        if _inside_a_name(before):
            continue
        tail = before.rstrip()  # at the start, after a full stop or comma, or after a date (`Ngày 5/6, Hội nghị …`)
        opens = (before == "" or tail.endswith((".", ",")) or tail[-1:].isdigit()) and m.group(1)[0].isupper()
        if not opens and not lx.trigger.search(" ".join(before.split()[-8:])):
            continue
        name = lx.name_stop.split(lead[m.start():])[0].strip(" .,:;\"“”")
        kind = lx.kinds.get(m.group(1).lower(), m.group(1).lower())
        if name[:5].lower() == "buổi " and len(name.split()) > 3:
            name = name[5:]  # `buổi gặp mặt báo chí`: the event is `Gặp mặt báo chí`
        return kind, (name[0].upper() + name[1:]) if len(name.split()) >= 2 else None
    for source in (title or "", lead):
        for kind, pattern in lx.verb_kinds:
            if pattern.search(source):
                return kind, None
    return None, None


def _inside_a_name(before: str) -> bool:
    """An event noun that is part of a venue's or a body's name (`Trung tâm Hội nghị Quốc tế`, `Ban Tổ chức Lễ hội
    Việt Nam`), or that names another event than this one (`chuẩn bị Đại hội`), given the text before it."""
    if not before[-1:].isspace():
        return False
    tail = before.rstrip()
    return tail.endswith(("Trung tâm", "Nhà", "Phòng", "Cung", "Ban Tổ chức", "ban tổ chức")) or \
        tail.lower().endswith(_OTHER_EVENT)


# an event named after these is another one than the article reports (`chuẩn bị Đại hội`, `trước kỳ họp thứ 6`)
_OTHER_EVENT = ("chuẩn bị", "chuẩn bị cho", "tiến tới", "hướng tới", "trước", "sau", "chào mừng", "phục vụ")


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


def _mode(text: str) -> tuple[str | None, bool]:
    """(mode, explicit) from the words of the lead and body."""
    low = text.lower()
    if re.search(r"trực tiếp (kết hợp|và|kết nối)( với)? trực tuyến|trực tuyến (kết hợp|và) trực tiếp|kết hợp trực tuyến|"
                 r"hình thức trực tiếp,? trực tuyến", low):
        return "hybrid", True
    if "trực tuyến" in low or "truyền hình trực tiếp đến" in low:
        if re.search(r"\btại (hội trường|trụ sở|trung tâm hội nghị|nhà quốc hội)", low) and "điểm cầu" in low:
            return "hybrid", True
        return "online", True
    if "tại điểm cầu" in low or "các điểm cầu" in low:  # sites linked up, no words for how: online
        return "online", True
    return None, False


def build_events(title: str | None, text: str, body_start: int, people: list, orgs: list, places: list,
                 documents: list, base: dt.date | None, province: str | None) -> list[Event]:
    """The article's events; the first is the main one. `text` is the article text (title, body, captions);
    `people`, `orgs`, `places`, `documents` the matches of the other recognisers."""
    lx = lex()
    sents = sentences(text)
    body_sents = [s for s in sents if s.start >= body_start]
    lead_s = next((s for s in body_sents if lx.kind.search(s.text)), body_sents[0] if body_sents else None)
    lead = lead_s.text if lead_s else ""
    lead_para_end = text.find("\n", body_start)
    lead_para = text[body_start: lead_para_end if lead_para_end != -1 else len(text)]
    # the paragraph of the sentence that names the event, when a sapo stands before it
    event_para = None
    if lead_s is not None and lead_s.start > body_start + len(lead_para):
        para_start = text.rfind("\n", 0, lead_s.start) + 1
        para_end = text.find("\n", lead_s.start)
        event_para = (para_start, text[para_start: para_end if para_end != -1 else len(text)])
    kind, name = _kind_and_name(title, lead)
    if kind is None:
        return []
    name = _through_documents(name, text, body_start, documents)
    ev = Event(kind=kind, name=name)

    # the lead says when; failing it, the next paragraph (a date further down is history, not this event)
    second_end = text.find("\n", lead_para_end + 1) if lead_para_end != -1 else -1
    when = find_event_date(lead_para, base) or (
        find_event_date(text[lead_para_end: second_end if second_end != -1 else len(text)], base)
        if lead_para_end != -1 else None)
    if when:
        ev.date, ev.part_of_day = when.date, when.part_of_day
    ev.mode, explicit = _mode((title or "") + "\n" + lead_para)
    if not explicit and event_para:
        ev.mode, explicit = _mode(event_para[1])
    if not explicit:  # `Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến …` further down
        said = _MODE_SAID.search(text, body_start)
        if said:
            ev.mode, explicit = _mode(said.group())
    if not explicit and when:
        ev.mode = "in_person"

    at = text.find("trong khuôn khổ")
    m = re.match(r"trong khuôn khổ (?:của )?([^,.;]+)", text[at:]) if at != -1 else None
    if m:
        ev.parent = m.group(1).strip()
    at = text.find("chủ đề")
    m = re.match(r"chủ đề\s*:?\s*[“\"]([^”\"]+)[”\"]", text[at:]) if at != -1 else None
    if m:
        ev.theme = m.group(1).strip()
    m = lx.venue.search(lead_para)
    if m:
        ev.venue = re.split(r"\s(?:và|được|với|kết nối|theo|dưới|để|nhằm|có)\s", m.group(1))[0].strip(" -–")
    ev.city = _city(lead_para, body_start, places, ev, province)

    person_at = _person_positions(people)
    bridge_spans = _bridge_points(text, sents, people, places, province, ev)
    in_bridge = [(s.start, s.end) for s in bridge_spans]

    taken = [(a, b) for pm in people for a, b, _ in pm.position_spans]
    ev.organizers = _organizers(lead_para, orgs, body_start, taken)
    if not ev.organizers and event_para:  # its subject held it
        ev.organizers = _organizers(event_para[1], orgs, event_para[0], taken)
    _main_venue_bridge(ev, province)
    starts = [x.start for x in sents]
    titles = sorted(taken)
    for m in _role_words(text, sents, starts, person_at):
        s = sents[bisect_right(starts, m.start()) - 1]
        if any(a <= s.start < b for a, b in in_bridge):
            continue
        at = m.start() - s.start
        word = m.group().lower()
        if word.endswith("chủ trì"):
            under = _UNDER_CHAIR.match(s.text, max(0, at - 8))
            listed = _CHAIRS_LISTED.match(text, m.end())
            if under:
                found = _objects(s, s.start + under.end(), person_at, limit=1)
            elif listed:  # `Đồng chủ trì có các đồng chí: A - …; B - …`
                found = _objects(_list_after(text, sents, starts, s), m.end(), person_at)
            else:  # `Các đồng chí: A, …; B, …; C, … chủ trì hội nghị`
                found = _subjects(_list_before(text, sents, starts, s), m.start(), person_at, titles)
            target = ev.chairs
        else:
            verb = lx.speech.match(s.text, at)
            if verb is None:
                continue
            found = (_objects(s, s.start + verb.end(), person_at, 1) if _opens_clause(s, verb)
                     else _subjects(s, m.start(), person_at, titles))
            target = ev.speakers
        for name_ in found:
            if name_ not in target:
                target.append(name_)

    at = text.find("điểm cầu")
    m = re.search(rf"{_NUMBER}\s+$", text[max(0, at - 20): at]) if at > 0 else None
    if m:
        ev.bridge_point_count = int(re.sub(r"\D", "", m.group(1)))
    ev.attendance = _attendance(text, body_start)
    ev.documents = _event_documents(title, text, sents, documents)
    return [ev]


def _role_words(text: str, sents: list[_Sentence], starts: list[int], person_at: list) -> list[re.Match]:
    """The words that give someone a role, in order: every `chủ trì` (its people may stand in the sentences
    around it), and the speech verbs of the sentences that name someone (a verb needs its speaker there)."""
    if not person_at:
        return []
    role = lex().role
    found = []
    at = text.find("hủ trì")
    while at != -1:
        m = role.match(text, at - 1) if at else None
        if m is not None:
            found.append(m)
        at = text.find("hủ trì", at + 6)
    named = sorted({bisect_right(starts, a) - 1 for a, _b, _n in person_at})
    for i in named:
        if i >= 0:
            s = sents[i]
            found.extend(m for m in role.finditer(text, s.start, s.end) if not m.group().endswith("hủ trì"))
    found.sort(key=lambda m: m.start())
    return found


def _attendance(text: str, start: int) -> dict | None:
    """`gần 170 đại biểu`, `với 1.268 đại biểu tham dự`: the first count of attendees after `start`. Found from the
    nouns (a substring search each) back to the number before them."""
    lx = lex()
    best = None
    for noun in lx.attendance_nouns:
        at = text.find(noun, start)
        while at != -1 and (best is None or at < best[0]):
            m = _COUNT_BEFORE.search(text, max(start, at - 16), at)
            if m and not text.endswith(("gồm", "gồm có"), max(0, m.start() - 8), m.start() - 1):
                best = (at, m)  # (`Ban Chấp hành gồm 65 người`: how many a body has, not who attended)
                break
            at = text.find(noun, at + 1)
    if best is None:
        return None
    m = best[1]
    count = int(re.sub(r"\D", "", m.group(1)))
    present = _PRESENT_OF.search(text, max(0, m.start() - 8), m.start())
    if present:  # `77/86 đại biểu`: 77 of the 86 attended
        return {"count": int(present.group(1)), "approx": False}
    approx = lx.approx.search(text, max(0, m.start() - 12), m.start())
    return {"count": count, "approx": bool(approx)}


_COUNT_BEFORE = re.compile(rf"{_NUMBER}\s+$")
_PRESENT_OF = re.compile(r"(?<![\d/])(\d{1,4})\s*/\s*$")


def _person_positions(people: list) -> list[tuple[int, int, str]]:
    """Every mention of a person (name or title referring back), sorted: (start, end, name)."""
    return sorted((s, e, pm.person.name) for pm in people for s, e in pm.spans)


def _opens_clause(s: _Sentence, m: re.Match) -> bool:
    """`Phát biểu tại hội nghị, đồng chí X …`: the verb opens the sentence, the speaker follows the comma."""
    before = s.text[: m.start()].strip()
    return before in ("", "Cũng", "Sau đó,", "Tiếp đó,", "Trước đó,")


def _subjects(s: _Sentence, pos: int, person_at, titles: list[tuple[int, int]] = ()) -> list[str]:
    """The people right before a verb at `pos` in the sentence (its subject: names and titles, a list of them).
    `titles`: the spans of people's positions, in order (a long title after the name is part of the subject)."""
    found = [(a, b, n) for a, b, n in person_at if s.start <= a and b <= pos]
    if not found:
        return []
    # only the nearest clause: no other verb between the last name (and the titles after it) and the verb
    last = found[-1]
    end = last[1]
    for a, b in titles:
        if end <= a <= end + 3 and b <= pos:
            end = b
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


def _objects(s: _Sentence, pos: int, person_at, limit: int = 10) -> list[str]:
    """The people named right after `pos` (after `nghe`, after `Phát biểu …,`)."""
    found = [n for a, _b, n in person_at if pos <= a < s.end]
    return list(dict.fromkeys(found))[:limit]


def _organizers(lead: str, orgs: list, offset: int, taken: list[tuple[int, int]]) -> list[str]:
    """`Bộ Chính trị, Ban Bí thư Trung ương Đảng tổ chức Hội nghị …`: the organisations right before `tổ chức`,
    joined by commas or `và`; none that is part of a person's position."""
    m = _HELD_BY.search(lead) or _OPENED_BY.search(lead)
    if not m:
        return []
    verb = offset + m.start()
    spans = sorted((s, e) for om in orgs for s, e in om.spans
                   if offset <= s and e <= verb and not any(a <= s and e <= b for a, b in taken))
    spans = [(s, e) for s, e in spans if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)]
    out: list[str] = []
    edge = verb
    for s, e in reversed(spans):
        between = lead[e - offset: edge - offset]
        joint = _SUBJECT_TO_VERB if edge == verb else _ORGANIZERS_JOINT
        if not joint.fullmatch(between) or _VENUE_BEFORE.search(lead, 0, s - offset):
            break  # `tại Trụ sở Bộ Ngoại giao, Ban Chỉ đạo … tổ chức`: the venue's body did not hold it
        out.insert(0, re.sub(r"\s*\([A-ZĐ]{2,8}\)", "", lead[s - offset: e - offset]))
        edge = s
    return list(dict.fromkeys(out))


def _bridge_points(text: str, sents: list[_Sentence], people: list, places: list, province: str | None,
                   ev: Event) -> list[_Sentence]:
    """`Tại điểm cầu Tỉnh ủy Bình Dương có: đồng chí …`: one bridge point a place, with its chairs and attendees."""
    person_at = _person_positions(people)
    used = []
    for s in sents:
        m = _BRIDGE.search(s.text) if "điểm cầu" in s.text else None
        if not m or re.match(r"(?:trong|ở|tại các|của các|các|trực tuyến|Trung ương|quốc gia)\b", m.group(1)):
            continue
        at = s.start + m.start(1)
        place = next((pm for pm in places if at <= pm.start < s.start + m.end(1)), None)
        if place is not None:
            where = place.place.name
        elif re.match(r"(?:tỉnh|Tỉnh ủy|thành phố|Thành ủy)\s*$", m.group(1).strip()) and province:
            where = province
        else:
            continue
        bp = next((b for b in ev.bridge_points if b.place == where), None)
        if bp is None:
            bp = BridgePoint(place=where)
            ev.bridge_points.append(bp)
        end = _attendee_list_end(text, s.end)
        here = [(a, b, n) for a, b, n in person_at if s.start <= a < end]
        chair = lex().chair.search(s.text)
        for a, _b, n in here:
            target = bp.chairs if chair and a < s.start + chair.start() else bp.attendees
            if n not in target and n not in bp.chairs:
                target.append(n)
        if here:
            used.append(s)
    return used


def _main_venue_bridge(ev: Event, province: str | None) -> None:
    """`chủ trì hội nghị tại điểm cầu Hà Nội` in a national event reported from a province: the main venue."""
    national = "toàn quốc" in (ev.name or "").lower() or any(
        re.search(r"Trung ương|TƯ|Bộ Chính trị|Ban Bí thư|Chính phủ|^Bộ ", o) for o in ev.organizers)
    for bp in list(ev.bridge_points):
        if national and bp.place == "Hà Nội" and province != "Hà Nội":
            ev.bridge_points.remove(bp)
            ev.chairs = list(dict.fromkeys(bp.chairs + ev.chairs))
            ev.city = ev.city or "Hà Nội"


_ATTEND_ON = re.compile(r"\s*(?:Cùng (?:tham )?dự|Tham dự|Dự (?:hội nghị|tại điểm cầu)|Cùng dự)")


def _attendee_list_end(text: str, pos: int) -> int:
    """Where a bridge point's list of people ends: it runs on over `;` and into sentences that go on naming who
    attended (`Cùng dự có đồng chí …`), to the end of the paragraph at most."""
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end == -1 else para_end
    end = pos
    while end < para_end:
        stop = _FULL_STOP.search(text, end, para_end)
        end = stop.end() if stop else para_end
        if not _ATTEND_ON.match(text, end):
            break
    return end


def _event_documents(title: str | None, text: str, sents: list[_Sentence], documents: list) -> list[int]:
    """Indexes of the documents the event studied or carried out."""
    lx = lex()
    spans = [(i, s, e) for i, dm in enumerate(documents) for s, e in dm.spans]
    embedded = {i for i, s, _e in spans if any(j != i and s2 < s < e2 for j, s2, e2 in spans)}
    title_end = len(title) if title else 0
    picked: list[int] = []
    for i, s, _e in spans:
        if i in embedded or i in picked:
            continue
        if s < title_end:
            picked.append(i)
            continue
        sent = next((x for x in sents if x.start <= s < x.end), None)
        if sent is None or not (lx.kind.search(sent.text) or re.search(r"đại biểu được|các đại biểu", sent.text)):
            continue
        window = text[max(sent.start, s - 160): s]
        verbs = list(lx.study.finditer(window))
        verb = verbs[-1] if verbs else None
        if verb and not _DANG_BEFORE.search(window, max(0, verb.start() - 40), verb.start()):
            picked.append(i)
    return sorted(picked)


def _city(lead: str, offset: int, places: list, ev: Event, province: str | None) -> str | None:
    """Where the main venue is: a province or city printed after `tại` in the lead (`tại Hội trường Diên Hồng, Nhà
    Quốc hội, Thủ đô Hà Nội`), else the province of an in-person provincial event."""
    lead = _TOWN_ABBR.sub(r"\1 ", lead)  # `TP. Nha Trang`: the dot ends no sentence (same length)
    for m in _AT_PLACE.finditer(lead):
        stop = re.search(r"\s(?:đã|diễn ra|tổ chức|khai mạc|Ban|Bộ|Tỉnh ủy|UBND|với|theo|dưới|trong khuôn khổ)\s", m.group())
        end = offset + m.start() + (stop.start() if stop else len(m.group()))
        for pm in places:
            if offset + m.start() <= pm.start < end and pm.place.kind in ("province", "city", "foreign_province", "country"):
                return pm.place.name
        if _CAPITAL_VENUE.match(lead, m.start()):
            return "Hà Nội"  # `tại Hội trường Diên Hồng, Nhà Quốc hội`, `tại Trụ sở Trung ương Đảng`
    if ev.mode == "in_person" and province:
        return province
    return None


# venues in the capital that pages name without naming the city
_CAPITAL_VENUE = re.compile(r"tại\s+(?:[^.;]{0,40}?)(?:Nhà Quốc hội|Trụ sở Trung ương|Trung tâm Hội nghị Quốc gia|"
                            r"Hội trường Diên Hồng|Phủ Chủ tịch|Trụ sở Chính phủ|Trụ sở Bộ Ngoại giao)")
