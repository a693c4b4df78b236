"""Synthetic pages and records in the genre, for the store's tests and benchmarks.

Sentences and headlines are recombined from real-looking pages (the example corpus shipped with hoinghi, and any
other folders of .txt pages given), with varied provinces, dates, names, positions and documents, so that search
sees a realistic vocabulary. Nothing here is a real report: every name is drawn at random.

- `pages(n)`: small flattened-text pages (headline, date line, body, byline), each distinct, to ingest.
- `records(n)`: `Article` records built directly (no extraction) with their mentions, for bulk loading a store.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from hoinghi.model import Article, Document, Event, Mention, Person, Place

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Đinh", "Lương", "Vương", "Hà", "Tạ", "Lã", "Trịnh", "Mai", "Cao", "Chu"]
MIDDLES = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Đình", "Xuân", "Thu", "Hồng", "Kim", "Ngọc",
           "Công", "Mạnh", "Thị Thanh", "Văn Quang", "Thị Hồng"]
GIVEN = ["Hải", "Lực", "Hiển", "Mai", "Oanh", "Bảo", "Hào", "Phước", "Vinh", "Khuê", "Nhàn", "Tuấn", "Hùng", "Dũng",
         "Lan", "Hương", "Thảo", "Long", "Sơn", "Trung", "Nam", "Bình", "Hòa", "Thủy", "Khải", "Phương", "Tâm", "Vân"]
POSITIONS = ["Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh",
             "Trưởng Ban Tuyên giáo Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy", "Giám đốc Sở Ngoại vụ",
             "Chủ tịch HĐND tỉnh", "Trưởng Ban Tổ chức Tỉnh ủy", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"]
DOCUMENTS = [("Kết luận", "57", "KL/TW", "tiếp tục nâng cao chất lượng, hiệu quả công tác thông tin đối ngoại"),
             ("Chỉ thị", "25", "CT/TW", "đẩy mạnh và nâng tầm đối ngoại đa phương đến năm 2030"),
             ("Nghị quyết", "45", "NQ/TW", "tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức"),
             ("Nghị quyết", "22", "NQ/TW", "hội nhập quốc tế"),
             ("Kết luận", "16", "KL/TW", "Chiến lược phát triển thông tin đối ngoại"),
             ("Chỉ thị", "05", "CT/TW", "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
             ("Nghị quyết", "57", "NQ/TW", "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo"),
             ("Kết luận", "21", "KL/TW", "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"),
             ("Nghị quyết", "18", "NQ/TW", "tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị"),
             ("Chỉ thị", "35", "CT/TW", "tổ chức đại hội đảng bộ các cấp")]
EVENTS = [("hội nghị", "Hội nghị học tập, quán triệt {doc}"), ("hội nghị", "Hội nghị sơ kết 1 năm thực hiện {doc}"),
          ("hội nghị", "Hội nghị tổng kết công tác đối ngoại năm {year}"), ("hội thảo", "Hội thảo khoa học về {subj}"),
          ("tọa đàm", "Tọa đàm triển khai {doc}")]
HEADLINES = ["{P}: Học tập, quán triệt {doc}", "{P} sơ kết 1 năm thực hiện {doc}", "{P} triển khai {doc}",
             "Hội nghị quán triệt {doc} tại {P}", "{P} tổng kết công tác đối ngoại năm {year}",
             "Nâng cao hiệu quả công tác thông tin đối ngoại tại {P}", "{P}: Hội thảo khoa học về {subj}"]
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "hoinghi" / "examples"


@lru_cache(maxsize=8)
def _sentences(sources: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(sentences, headlines) from the .txt pages in `sources` (the example corpus when empty)."""
    sentences, headlines = [], []
    for folder in sources or (str(EXAMPLES),):
        for path in sorted(Path(folder).glob("*.txt")):
            lines = [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
            long = [x for x in lines if len(x) > 60]
            if long:
                headlines.append(long[0])
            for line in long[1:]:
                for s in re.split(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ])", line):
                    if 60 <= len(s) <= 320 and s[-1] in ".;!?" and not re.search(r"\d{4}", s):
                        sentences.append(s)
    return sentences or ["Hội nghị được tổ chức trực tiếp kết hợp trực tuyến."], headlines


@lru_cache(maxsize=1)
def _provinces() -> list[str]:
    try:
        from hoinghi.geo import all_provinces

        return all_provinces()[:63]
    except Exception:  # pragma: no cover - the gazetteer ships with hoinghi
        return ["Yên Bái", "Nghệ An", "Quảng Ninh", "Bình Dương", "Thái Nguyên", "Hà Nội"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"


def _date(rng: random.Random, start: dt.date = dt.date(2019, 1, 1), days: int = 2400) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(days))


def _doc_text(d) -> str:
    return f"{d[0]} số {d[1]}-{d[2]}"


def _story(i: int, rng: random.Random, sources: tuple[str, ...], sentences_n: tuple[int, int]):
    sentences, headlines = _sentences(sources)
    province = rng.choice(_provinces())
    when = _date(rng)
    doc = rng.choice(DOCUMENTS)
    chair, other = _name(rng), _name(rng)
    pos_chair, pos_other = rng.choice(POSITIONS), rng.choice(POSITIONS)
    kind, ev_tpl = rng.choice(EVENTS)
    fill = {"P": province, "doc": _doc_text(doc), "subj": doc[3], "year": when.year}
    if headlines and rng.random() < 0.3:
        title = rng.choice(headlines)
    else:
        title = rng.choice(HEADLINES).format(**fill)
    ev_name = ev_tpl.format(**fill)
    part = rng.choice(["Sáng", "Chiều"])
    held = ev_name[0].lower() + ev_name[1:]
    if _doc_text(doc) not in ev_name:
        held += f", quán triệt {_doc_text(doc)}"
    lead = f"{part} {when.day}/{when.month}, Ban Thường vụ Tỉnh ủy {province} tổ chức {held} của Bộ Chính trị về {doc[3]}."
    chair_s = f"Đồng chí {chair}, {pos_chair} {province} chủ trì hội nghị."
    other_s = f"Dự hội nghị có đồng chí {other}, {pos_other} {province}; lãnh đạo các sở, ban, ngành của tỉnh."
    lead += f" Hội nghị triển khai Kế hoạch số {i + 1}-KH/TU của Ban Thường vụ Tỉnh ủy."
    body = [lead, chair_s + " " + other_s]
    k = rng.randint(*sentences_n)
    body += [" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3))) for _ in range(k)]
    body.append("Các cấp ủy, chính quyền được yêu cầu cụ thể hóa các nhiệm vụ, giải pháp đã đề ra.")
    return {"province": province, "when": when, "doc": doc, "chair": chair, "other": other,
            "pos_chair": pos_chair, "pos_other": pos_other, "kind": kind, "ev_name": ev_name, "title": title,
            "body": body, "part": part.lower(), "byline": f"{_name(rng)} - {rng.choice(['CTTĐT', 'Báo', 'TTXVN'])}"}


def page_text(story: dict, rng: random.Random) -> str:
    when = story["when"]
    stamp = f"{WEEKDAYS[when.weekday()]}, {when.day:02d}/{when.month:02d}/{when.year} {rng.randint(7, 21):02d}:" \
            f"{rng.randint(0, 59):02d}"
    return "\n\n".join([story["title"], stamp] + story["body"] + [story["byline"]]) + "\n"


def pages(n: int, seed: int = 1, sources: Iterable[str] = (), sentences: tuple[int, int] = (1, 3)
          ) -> Iterator[tuple[str, str]]:
    """`n` distinct small pages: (name, text)."""
    rng = random.Random(seed)
    src = tuple(str(s) for s in sources)
    for i in range(n):
        yield f"synth-{i:07d}", page_text(_story(i, rng, src, sentences), rng)


def write_pages(folder: str | Path, n: int, seed: int = 1, sources: Iterable[str] = ()) -> list[str]:
    """Write `n` pages as .txt files into `folder`; returns their names (the article ids hoinghi gives them)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for name, text in pages(n, seed, sources):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        names.append(name)
    return names


def _mention(text: str, type_: str, surface: str, ref: int, after: int = 0) -> Mention | None:
    at = text.find(surface, after)
    return Mention(type_, surface, at, at + len(surface), ref) if at >= 0 else None


def record(i: int, rng: random.Random, sources: tuple[str, ...] = (), sentences: tuple[int, int] = (2, 5)
           ) -> tuple[Article, str]:
    """One record built directly, as extraction would give it, and the raw page it stands for."""
    st = _story(i, rng, sources, sentences)
    raw = page_text(st, rng)
    doc = st["doc"]
    art = Article(id=f"synth-{i:07d}", url=f"https://tin.example.vn/{i % 997}/{i}.html", title=st["title"],
                  published=st["when"].isoformat(), authors=[st["byline"].split(" - ")[0]],
                  section=["Chính trị"], body=st["body"], province=st["province"])
    art.text = "\n".join([art.title] + art.body)
    art.people = [Person(st["chair"], [st["pos_chair"]], positions_full=[f"{st['pos_chair']} {st['province']}"]),
                  Person(st["other"], [st["pos_other"]], positions_full=[f"{st['pos_other']} {st['province']}"])]
    art.documents = [Document(doc[0], doc[1], doc[2], "Bộ Chính trị", subject=doc[3], text=_doc_text(doc))]
    art.places = [Place(st["province"], "province", st["province"], None)]
    art.events = [Event(st["kind"], st["ev_name"], st["when"].isoformat(), st["part"], chairs=[st["chair"]],
                        documents=[0])]
    found = [_mention(art.text, "document", _doc_text(doc), 0), _mention(art.text, "place", st["province"], 0),
             _mention(art.text, "person", st["chair"], 0), _mention(art.text, "position", st["pos_chair"], 0),
             _mention(art.text, "person", st["other"], 1), _mention(art.text, "position", st["pos_other"], 1),
             _mention(art.text, "event", st["kind"], 0)]
    art.mentions = sorted((m for m in found if m), key=lambda m: m.start)
    return art, raw


def records(n: int, seed: int = 1, start: int = 0, sources: Iterable[str] = ()) -> Iterator[tuple[Article, str]]:
    rng = random.Random(seed * 1_000_003 + start)
    src = tuple(str(s) for s in sources)
    for i in range(start, start + n):
        yield record(i, rng, src)

