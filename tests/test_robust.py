"""Pages that used to cost a step its output, the page-size limit, and the span look-ups that keep every step
linear in a page's length (each checked against the loop it replaced)."""

from __future__ import annotations

import random

import pytest

import hoinghi.pipeline
from hoinghi.engines import _safe
from hoinghi.extract.events import _embedded
from hoinghi.extract.people import _title_occurrences
from hoinghi.extract.spans import ByStart, Cover
from hoinghi.model import Page
from hoinghi.pipeline import PageTooLarge, Pipeline

PAGE = ("Tỉnh ủy Yên Bái tổ chức hội nghị quán triệt Kết luận số 57-KL/TW\n"
        "Thứ Ba, 14/12/2021 10:05\n"
        "{line}\n"
        "Sáng 14-12, Ban Thường vụ Tỉnh ủy Yên Bái tổ chức hội nghị quán triệt Kết luận số 57-KL/TW.\n"
        "Đồng chí Minh Nguyễn Hùng phát biểu.\n")


def _whole(art):
    assert not art.warnings, art.warnings
    assert art.title.startswith("Tỉnh ủy Yên Bái")
    assert art.published.startswith("2021-12-14")
    assert [d.number for d in art.documents] == ["57"]
    assert art.events and art.events[0].documents == [0]
    assert any(p.name == "Yên Bái" for p in art.places)


def test_name_opening_with_a_given_name():
    """`Đồng chí Minh Nguyễn Hùng`: the honorific's name and the surname's inside it were read as two names that
    overlap (AttributeError in the chain after the first); now one name, the record whole."""
    art = hoinghi.pipeline.extract(text=PAGE.format(line="Hội nghị diễn ra trực tiếp."))
    _whole(art)
    assert [p.name for p in art.people] == ["Minh Nguyễn Hùng"]
    assert art.people[0].honorifics == ["đồng chí"]
    assert art.events[0].speakers == ["Minh Nguyễn Hùng"]


def test_view_counter_without_a_number():
    """`Lượt xem: .` on a line of its own raised StopIteration in the layout step (the whole page was lost)."""
    art = hoinghi.pipeline.extract(text=PAGE.format(line="Lượt xem: ."))
    _whole(art)
    assert art.views is None


def test_page_too_large_is_skipped_with_its_reason():
    text = PAGE.format(line="Hội nghị diễn ra trực tiếp.") * 8
    small = Pipeline(size_limit=1_000)
    with pytest.raises(PageTooLarge, match=r"^page too large: \d+ bytes of text \(limit 1000 bytes\)$"):
        small.run(Page(text=text))
    assert _safe(Page(text=text), small) == (None, f"page too large: {len(text.encode())} bytes of text "
                                                   "(limit 1000 bytes)")
    assert Pipeline(size_limit=None).run(Page(text=text)).article.title  # no limit
    assert _safe(Page(text="Hội nghị " * 300_000))[1] == "page too large: 3.9 MB of text (limit 2 MB)"


def test_page_size_limit_of_html_counts_its_text():
    html = "<html><body><article><p>" + "Hội nghị diễn ra trực tiếp. " * 40 + "</p></article></body></html>"
    assert Pipeline(size_limit=200).check_size(Page(html=html)) is None  # HTML may be ten times larger
    with pytest.raises(PageTooLarge, match="of HTML"):
        Pipeline(size_limit=50).run(Page(html=html))
    with pytest.raises(PageTooLarge, match="of text"):
        Pipeline(size_limit=200).run(Page(html=html))


def test_size_limit_travels_to_workers():
    import pickle

    assert pickle.loads(pickle.dumps(Pipeline(size_limit=123))).size_limit == 123


def _spans(rng, n, size, longest=30):
    out = []
    for _ in range(n):
        s = rng.randrange(size)
        out.append((s, min(size, s + rng.randrange(1, longest))))
    return out


def test_cover_answers_as_the_loop_did():
    rng = random.Random(7)
    for _ in range(50):
        spans = _spans(rng, rng.randrange(0, 20), 200)
        cover = Cover(200, spans)
        for at in range(-2, 202):
            assert cover.covers(at) == any(a <= at < b for a, b in spans)
        for s, e in _spans(rng, 40, 200, 12):
            assert cover.overlaps(s, e) == any(a < e and s < b for a, b in spans)


def test_by_start_answers_as_the_loop_did():
    rng = random.Random(8)
    for _ in range(50):
        items = sorted((rng.randrange(100), rng.randrange(5)) for _ in range(rng.randrange(0, 30)))
        index = ByStart(items, lambda x: x[0])
        for lo, hi in _spans(rng, 20, 100, 25):
            assert list(index.between(lo, hi)) == [x for x in items if lo <= x[0] < hi]
            assert index.first(lo, hi, lambda x: x[1] == 2) == next(
                (x for x in items if lo <= x[0] < hi and x[1] == 2), None)


def test_embedded_documents_as_the_loop_did():
    rng = random.Random(9)
    for _ in range(200):
        spans = [(rng.randrange(5), s, e) for s, e in _spans(rng, rng.randrange(0, 12), 60, 20)]
        assert _embedded(spans) == {i for i, s, _e in spans if any(j != i and s2 < s < e2 for j, s2, e2 in spans)}


def test_title_occurrences_as_str_find_did():
    rng = random.Random(10)
    words = ["Bí thư", "Tỉnh ủy", "Phó", "Bí thư Tỉnh ủy", "Yên Bái", "x", "thư"]
    titles = {"Bí thư Tỉnh ủy", "Bí thư Tỉnh ủy Yên Bái", "Phó Bí thư", "Tỉnh ủy Tỉnh ủy", "thư Tỉnh"}
    for _ in range(100):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 40)))
        found = _title_occurrences(text, titles)
        for t in titles:
            expected, at = [], text.find(t)
            while at != -1:
                expected.append(at)
                at = text.find(t, at + len(t))
            assert found.get(t, []) == expected, (t, text)
