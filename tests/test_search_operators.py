"""AND, OR, NOT, -word and parentheses in search queries, folded and diacritic-insensitive, on SQLite (FTS5) and,
with HOINGHI_TEST_PG set, PostgreSQL (tsquery); dates that do not exist; undated articles listed last alike."""

from __future__ import annotations

import re

import pytest

from hoinghi.model import Page
from hoinghi.pipeline import extract_page
from hoinghi.store import StoreError
from hoinghi.store.search import parse_date, parse_query, search

PAGES = {
    "op-a": "Hội nghị tuyên truyền đối ngoại\n\nNgày 5/3/2024, Tỉnh ủy Yên Bái tổ chức hội nghị về thông tin "
            "đối ngoại và tuyên truyền biển đảo.",
    "op-b": "Hội nghị thông tin đối ngoại\n\nNgày 6/3/2024, Tỉnh ủy Nghệ An tổ chức hội nghị về thông tin đối "
            "ngoại năm 2024.",
    "op-c": "Hội thảo chuyển đổi số\n\nNgày 7/3/2024, Sở Thông tin và Truyền thông Nghệ An tổ chức hội thảo về "
            "chuyển đổi số và tuyên truyền chính sách.",
    "op-d": "Tọa đàm văn hóa đọc\n\nCâu lạc bộ sách tổ chức tọa đàm về văn hóa đọc trong thanh niên.",  # no date
    "op-e": "Tọa đàm văn hóa ẩm thực\n\nNgày 8/3/2024, hội văn nghệ tổ chức tọa đàm về văn hóa ẩm thực.",
}


@pytest.fixture
def st(store):
    store.write_batch([(Page(id=k, text=v), extract_page(Page(id=k, text=v))) for k, v in PAGES.items()])
    return store


def ids(hits):
    return sorted(h.id for h in hits)


def test_or_and_parentheses(st):
    assert ids(search(st, "chuyen doi so OR bien dao", limit=20)) == ["op-a", "op-c"]
    assert ids(search(st, "CHUYỂN ĐỔI SỐ OR Biển Đảo", limit=20)) == ["op-a", "op-c"]  # folded like the words
    # AND binds tighter than OR: (hội nghị AND Yên Bái) OR hội thảo
    assert ids(search(st, "hoi nghi yen bai OR hoi thao", limit=20)) == ["op-a", "op-c"]
    assert ids(search(st, "hoi nghi (yen bai OR nghe an)", limit=20)) == ["op-a", "op-b"]
    assert ids(search(st, "tuyen truyen AND nghe an", limit=20)) == ["op-c"]
    assert ids(search(st, '"thong tin doi ngoai" OR "van hoa doc"', limit=20)) == ["op-a", "op-b", "op-d"]
    hit = search(st, "bien dao OR khongcotunay")[0]  # the matched side is highlighted
    assert any(h and t.lower() == "biển đảo" for t, h in hit.snippet)


def test_not_and_minus(st):
    assert ids(search(st, "hoi nghi -yen", limit=20)) == ["op-b"]
    assert ids(search(st, "hoi nghi NOT Yên", limit=20)) == ["op-b"]
    assert ids(search(st, 'doi ngoai -"yen bai"', limit=20)) == ["op-b"]
    assert ids(search(st, "doi ngoai -Yên -Nghệ", limit=20)) == []
    assert ids(search(st, "toa dam (van hoa -doc)", limit=20)) == ["op-e"]
    assert ids(search(st, "tuyen truyen OR (toa dam -am)", limit=20)) == ["op-a", "op-c", "op-d"]
    # `-` inside or after a word is not an exclusion: `kinh tế - xã hội`, `57-KL/TW`
    assert parse_query("kinh tế - xã hội").words == [("kinh", False), ("te", False), ("xa", False), ("hoi", False)]


def test_exclusions_alone_list_the_rest_newest_first(st):
    hits = search(st, "-ngoai -toa", limit=20)
    assert [h.id for h in hits] == ["op-c"]
    listed = [h.id for h in search(st, "-khongcotunay", limit=20)]
    assert listed == ["op-e", "op-c", "op-b", "op-a", "op-d"]  # undated last, on both backends


def test_listing_puts_undated_articles_last(st):
    assert [h.id for h in search(st, "", kind="tọa đàm", limit=20)] in (["op-e", "op-d"], ["op-e"])
    every = [h.id for h in search(st, "-khongcotunay", limit=20)]
    assert every[-1] == "op-d"


@pytest.mark.parametrize("query, message", [
    ("doi OR", "words are missing"), ("OR doi", "words are missing"), ("(doi ngoai", "not closed"),
    ("doi ngoai)", "no `(`"), ("doi OR -ngoai", "beside each NOT"), ("(-doi) OR ngoai", "beside each NOT"),
    ("NOT", "words are missing"),
])
def test_bad_queries_say_why(st, query, message):
    with pytest.raises(StoreError, match=re.escape(message)):
        search(st, query)


def test_operators_are_capitals_and_quoted_operators_are_words():
    q = parse_query("hoi and nghi or not")
    assert q.conjunctive and [w for w, _p in q.words] == ["hoi", "and", "nghi", "or", "not"]
    q = parse_query('"OR" doi')
    assert q.conjunctive and [w for w, _p in q.words] == ["or", "doi"]


def test_query_compiles_alike_for_both_backends():
    q = parse_query('Đối ngoại OR "biển đảo" -Yên hội*')  # (doi AND ngoai) OR ("bien dao" AND hoi* AND NOT yen)
    assert q.match() == '{title_fold body_fold}: (((("doi" AND "ngoai") OR ("bien dao" AND "hoi"*) NOT "yen")))'
    assert q.tsquery() == "((doi & ngoai) | ((bien <-> dao) & !yen & hoi:*))"
    q = parse_query("(doi OR ngoai) -yen")
    assert q.match() == '{title_fold body_fold}: ((("doi" OR "ngoai")) NOT "yen")'
    assert q.tsquery() == "((doi | ngoai)) & !yen"
    assert parse_query("-doi -ngoai").excluded("postgresql") == "doi | ngoai"
    simple = parse_query("doi ngoai")  # unchanged: the words, and the words as a phrase for the rank
    assert simple.tsquery() == "(doi & ngoai) & ((doi <-> ngoai) | doi)"
    assert simple.match() == '{title_fold body_fold}: (("doi" AND "ngoai"))'


@pytest.mark.parametrize("value", ["2023-13", "2023-02-30", "13/2023", "31/4/2024", "0000"])
def test_dates_that_do_not_exist_are_errors(value):
    with pytest.raises(StoreError, match="there is no date"):
        parse_date(value, upper=True)


def test_the_last_day_is_an_open_upper_bound(st):
    assert parse_date("9999-12-31", upper=True) is None and parse_date("9999", upper=True) is None
    assert parse_date("2024-02-29", upper=True) == "2024-03-01"
    assert ids(search(st, "toa dam", date_to="9999-12-31", limit=20)) == ["op-d", "op-e"]
    assert ids(search(st, "toa dam", date_from="2024", date_to="9999-12-31", limit=20)) == ["op-e"]
