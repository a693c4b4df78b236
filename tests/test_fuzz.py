"""Fuzzing the whole extraction on the genre's alphabet: no step may fail, and the record is JSON.

The text is drawn from Vietnamese letters with every tone, digits, the genre's punctuation and newlines, and
tokens of the genre (`Đồng chí`, `Bí thư`, `Tỉnh ủy`, `Kết luận số 57-KL/TW`, `Sáng 14-12`, `điểm cầu`, `tỉnh`,
`Lượt xem:` …), so that the recognisers' rules meet one another in shapes no page of the corpus has. A few hundred
examples, derandomised (the same ones on every run), in well under a minute; `HOINGHI_FUZZ_EXAMPLES` asks for more.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import hoinghi.pipeline

_VOWELS = "aăâeêioôơuưy"
_TONED = "àằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ"
LETTERS = _VOWELS + _TONED + "bcdđghklmnpqrstvx" + (_VOWELS + _TONED + "bcdđghklmnpqrstvx").upper()
SIGNS = "0123456789.,:;-–/()“”| \n"
TOKENS = [
    "Đồng chí", "đồng chí", "ông", "bà", "Bí thư", "Phó Bí thư", "Tỉnh ủy", "Thành ủy", "Chủ tịch", "UBND tỉnh",
    "HĐND", "Ban Thường vụ", "Bộ Chính trị", "Trung ương", "Kết luận số 57-KL/TW", "Nghị quyết", "Chỉ thị số 25-CT/TW",
    "số", "Sáng 14-12", "Chiều 5/6", "ngày 14/12/2021", "năm 2024", "Hội nghị", "hội nghị", "tổ chức", "chủ trì",
    "phát biểu", "dự", "điểm cầu", "tỉnh", "huyện", "xã", "phường", "thành phố", "TP.", "Hà Nội", "Yên Bái",
    "Bình Dương", "Châu Thành", "Nguyễn", "Trần", "Lê", "Văn", "Thị", "Minh", "Hùng", "Lượt xem:", "Ảnh:",
    "Theo", "TTXVN", "nguyên", "kiêm", "và", "các", "(", ")", " - ", ", ", ". ", "\n", "\n\n",
]

_piece = st.one_of(st.sampled_from(TOKENS), st.text(alphabet=LETTERS, min_size=1, max_size=8),
                   st.text(alphabet=SIGNS, min_size=1, max_size=3))
PAGES = st.lists(st.tuples(_piece, st.sampled_from([" ", " ", "", "\n"])), max_size=60).map(
    lambda parts: "".join(p + sep for p, sep in parts))

EXAMPLES = int(os.environ.get("HOINGHI_FUZZ_EXAMPLES", "300"))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(PAGES)
@example("Hội nghị quán triệt\nSáng 14-12, Tỉnh ủy tổ chức hội nghị.\nĐồng chí Minh Nguyễn Hùng phát biểu.\n")
@example("Đồng chí Minh Nguyễn Hùng phát biểu.")
@example("Tỉnh ủy tổ chức hội nghị\nThứ Ba, 14/12/2021 10:05\nLượt xem: .\nSáng 14-12, hội nghị diễn ra.\n")
@example("Lượt xem: .")
@example("tỉnh Yên Bái, huyện Văn Yên, xã Đông Cuông, tỉnh Bình Dương, huyện Châu Thành, xã Tân Lập, ")
def test_no_step_fails(text):
    art = hoinghi.pipeline.extract(text=text)
    failed = [w for w in art.warnings if w.startswith("step ")]
    assert not failed, failed
    json.dumps(art.to_dict(), ensure_ascii=False)
