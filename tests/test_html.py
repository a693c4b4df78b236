"""Real served HTML: portal pages with menus, scripts, related-news boxes and share bars. The lead (sapo) is kept as
the first body paragraph, the visible headline is the title, dates are ISO in Vietnam time, and the chrome stays out
of the body; through `hoinghi.pipeline.extract(html=…)` and `hoinghi extract page.html`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import hoinghi.pipeline
from hoinghi.cli import main
from hoinghi.read import html_metadata, html_page
from hoinghi.read.html import iso_published

HTML = Path(__file__).parent / "fixtures" / "html"

# fixture: title, published, the lead's opening, chair, document (kind, number), chrome that must not reach the body
PAGES = {
    "tuyenquang-portal-ket-luan-57.html": (  # *.gov.vn portal: menus, a sapo div, a meta date without zone
        "Ban Thường vụ Tỉnh ủy quán triệt Kết luận số 57-KL/TW của Bộ Chính trị",
        "2023-12-14T11:20:00+07:00",
        "Sáng 14-12, Ban Thường vụ Tỉnh ủy Tuyên Quang tổ chức Hội nghị quán triệt",
        "Chẩu Văn Lâm", ("Kết luận", "57"),
        ("Trang chủ", "Giới thiệu chung", "Liên kết website", "Các tin khác", "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần",
         "In bài viết", "Thống kê truy cập", "Đang truy cập", "Giấy phép", "_spPageContextInfo", "Lượt xem")),
    "baoquangninh-ket-luan-57.html": (  # party newspaper: og/JSON-LD (date not ISO), <h2 class="sapo">, boxes
        "Tỉnh ủy Quảng Ninh quán triệt Kết luận số 57-KL/TW của Bộ Chính trị về công tác thông tin đối ngoại",
        "2023-07-03T17:59:00+07:00",
        "Sáng 3-7, Ban Thường vụ Tỉnh ủy Quảng Ninh tổ chức Hội nghị quán triệt",
        "Nguyễn Xuân Ký", ("Kết luận", "57"),
        ("Báo Quảng Ninh điện tử", "Chia sẻ", "Zalo", "Sao chép liên kết", "Tin liên quan", "Chiều 30-6",
         "Sáng 28-6", "Đọc nhiều", "Ý kiến bạn đọc", "Từ khóa", "gtag", "Sơ kết công tác đối ngoại 6 tháng")),
    "baotintuc-hoi-nghi-toan-quoc.html": (  # national news site: <h1>, a sapo, the date only in <span class="date">
        "Hội nghị toàn quốc nghiên cứu, quán triệt Kết luận số 57-KL/TW của Bộ Chính trị về công tác thông tin đối"
        " ngoại",
        "2023-10-11T11:05:00+07:00",
        "Sáng 11/10, tại Hà Nội, Ban Chỉ đạo công tác thông tin đối ngoại tổ chức Hội nghị toàn quốc",
        "Lương Đức Hiển", ("Kết luận", "57"),
        ("Thời sự", "Tin liên quan", "Đẩy mạnh công tác thông tin đối ngoại trong tình hình mới",
         "góp phần quảng bá hình ảnh Việt Nam", "Tin nổi bật", "Facebook", "adsSlots", "Bản quyền")),
    "huyenuy-khong-h1.html": (  # no <h1>, no machine-readable date, the lead only in the description
        "Sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị",
        "2021-12-20T16:45:00+07:00",
        "Chiều 20-12, Ban Thường vụ Huyện ủy Yên Sơn tổ chức Hội nghị sơ kết",
        "Bùi Văn Hòa", ("Chỉ thị", "05"),
        ("TRANG CHỦ", "GIỚI THIỆU", "Xây dựng Đảng", "Công tác dân vận", "Bản quyền", "Cập nhật lúc")),
}


def markup(name: str) -> str:
    return (HTML / name).read_text(encoding="utf-8")


def test_pipeline_extract_html_works_and_its_record_is_json():
    art = hoinghi.pipeline.extract(html=markup("baoquangninh-ket-luan-57.html"), id="qn")
    rec = art.to_dict()
    assert json.loads(json.dumps(rec, ensure_ascii=False))["id"] == "qn"
    assert type(rec["url"]) is str and rec["url"].endswith("-3260155.html")  # the canonical, a plain str
    assert not [w for w in art.warnings if w.startswith("step ")]


@pytest.mark.parametrize("name", PAGES)
def test_portal_pages_through_the_pipeline(name):
    title, published, lead, chair, (kind, number), chrome = PAGES[name]
    art = hoinghi.pipeline.extract(html=markup(name))
    assert (art.title, art.published) == (title, published)
    assert art.body[0].startswith(lead)
    assert sum(lead in p for p in art.body) == 1  # once
    assert chair in art.events[0].chairs
    assert (kind, number) in [(d.kind, d.number) for d in art.documents]
    body = "\n".join(art.body)
    assert [c for c in chrome if c in body] == []


def test_hoinghi_extract_an_html_file(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(markup("tuyenquang-portal-ket-luan-57.html"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(page), "-q", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    [rec] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    title, published, lead, chair, _, _ = PAGES["tuyenquang-portal-ket-luan-57.html"]
    assert (rec["id"], rec["title"], rec["published"]) == ("page", title, published)
    assert rec["body"][0].startswith(lead)
    assert chair in rec["events"][0]["chairs"]
    assert ("Kết luận", "57") in [(d["kind"], d["number"]) for d in rec["documents"]]


# --- the text handed to the pipeline --------------------------------------------------------------------------------

def test_text_opens_with_title_date_then_the_lead():
    lines = html_page(markup("baoquangninh-ket-luan-57.html")).text.split("\n")
    assert lines[:3] == [PAGES["baoquangninh-ket-luan-57.html"][0], "Ngày đăng: 2023-07-03T17:59:00+07:00", ""]
    assert lines[3].startswith("Sáng 3-7, Ban Thường vụ Tỉnh ủy Quảng Ninh") and lines[3].endswith("chủ trì hội nghị.")


def test_a_printed_date_reaches_the_text_under_the_title():
    text = html_page(markup("huyenuy-khong-h1.html")).text
    assert text.startswith("Sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị\n"
                           "Cập nhật lúc 16:45 ngày 20/12/2021\n\nChiều 20-12,")
    assert text.count("Cập nhật lúc") == 1
    text = html_page(markup("baotintuc-hoi-nghi-toan-quoc.html")).text
    assert text.split("\n")[1] == "Thứ Tư, 11/10/2023 - 11:05"


def test_metadata_of_a_party_newspaper():
    meta = html_metadata(markup("baoquangninh-ket-luan-57.html"))
    assert meta["title"].startswith("Tỉnh ủy Quảng Ninh quán triệt")  # the <h1>, not og:title with the site name
    assert (meta["published"], meta["author"], meta["site_name"]) == (
        "2023-07-03T17:59:00+07:00", "Thu Chung", "Báo Quảng Ninh điện tử")
    assert meta["description"].startswith("Sáng 3-7, Ban Thường vụ")


@pytest.mark.parametrize("value, iso", [
    ("2024-07-03T17:59:00+07:00", "2024-07-03T17:59:00+07:00"),
    ("2024-07-03T17:59:00", "2024-07-03T17:59:00+07:00"),  # no zone: Vietnam time
    ("2024-07-03 17:59", "2024-07-03T17:59:00+07:00"),
    ("2024-7-3 17:59", "2024-07-03T17:59:00+07:00"),
    ("03/07/2024 17:59", "2024-07-03T17:59:00+07:00"),
    ("17:59 03/07/2024", "2024-07-03T17:59:00+07:00"),
    ("2024-07-03T10:59:00Z", "2024-07-03T17:59:00+07:00"),  # another zone: moved to Vietnam time
    ("2024-07-03T10:59:00.000+0000", "2024-07-03T17:59:00+07:00"),
    ("2024-07-03", "2024-07-03"),
    ("3/7/2024", "2024-07-03"),
    ("2024-13-03 10:00", "2024-13-03 10:00"),  # not a date: as given
    ("hôm qua", "hôm qua"),
])
def test_iso_published(value, iso):
    assert iso_published(value) == iso


def test_json_ld_date_that_is_not_iso():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "03/07/2024 17:59"}</script>'
    assert html_metadata(f"<html><head>{ld}</head><body><p>x</p></body></html>")["published"] == (
        "2024-07-03T17:59:00+07:00")


# --- the lead ---------------------------------------------------------------------------------------------------------

LEAD = ("Sáng 14-12, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị quán triệt Kết luận số 57-KL/TW của Bộ Chính trị về"
        " công tác thông tin đối ngoại; đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy chủ trì.")
BODY = ("<p>Tại Hội nghị, báo cáo viên đã quán triệt nội dung cơ bản của Kết luận số 57-KL/TW của Bộ Chính trị về"
        " công tác thông tin đối ngoại trong tình hình mới.</p>"
        "<p>Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy đề nghị các cấp ủy xây dựng kế hoạch thực hiện Kết luận.</p>")


def page_text(head: str = "", before: str = "", after: str = "") -> str:
    return html_page(f"<html><head><title>Hội nghị quán triệt Kết luận số 57-KL/TW của Bộ Chính trị</title>{head}"
                     f"</head><body><article><h1>Hội nghị quán triệt Kết luận số 57-KL/TW của Bộ Chính trị</h1>"
                     f"{before}<div class='content'>{BODY}</div>{after}</article></body></html>").text


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")[1:]


@pytest.mark.parametrize("head, before", [
    ("", f'<h2 class="sapo">{LEAD}</h2>'),
    ("", f'<div class="box-detail chapeau"><p><strong>{LEAD}</strong></p></div>'),
    ("", f'<p class="lead">{LEAD}</p>'),
    (f'<meta property="og:description" content="{LEAD}">', ""),
    (f'<meta name="description" content="{LEAD}">', ""),
])
def test_the_lead_is_the_first_paragraph(head, before):
    body = paragraphs(page_text(head, before))
    assert body[0] == LEAD
    assert sum(LEAD in p for p in body) == 1


def test_a_lead_already_in_the_body_is_not_added_again():
    text = page_text(f'<meta property="og:description" content="{LEAD}">', f"<p>{LEAD}</p>")
    assert text.count("Sáng 14-12") == 1


def test_a_truncated_description_of_the_first_paragraph_is_not_added():
    first = "Tại Hội nghị, báo cáo viên đã quán triệt nội dung cơ bản của Kết luận số 57-KL/TW của Bộ Chính trị về công"
    text = page_text(f'<meta property="og:description" content="{first} tác thông tin đối ng...">')
    assert text.count("Tại Hội nghị") == 1 and paragraphs(text)[0].startswith("Tại Hội nghị")


def test_a_site_wide_description_is_not_a_lead():
    site = "Tin tức thời sự, chính trị, kinh tế, văn hóa, xã hội trong nước và quốc tế cập nhật liên tục 24 giờ."
    assert site not in page_text(f'<meta name="description" content="{site}">')


def test_a_related_articles_teaser_is_not_the_lead():
    teaser = ("Chiều 30-6, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 14 để xem xét, cho ý kiến vào các báo"
              " cáo quan trọng về phát triển kinh tế - xã hội của tỉnh.")
    after = (f'<div class="box-related"><article class="story"><h4><a href="/a.html">Hội nghị Ban Chấp hành Đảng bộ'
             f' tỉnh lần thứ 14</a></h4><p class="sapo">{teaser}</p></article></div>')
    text = page_text(after=after)
    assert "Chiều 30-6" not in text and paragraphs(text)[0].startswith("Tại Hội nghị")


def test_todays_date_in_the_site_header_is_not_the_printed_date():
    markup = ("<html><body><header><span class='date'>Thứ Sáu, 15/12/2023</span></header><article><header>"
              "<h1>Hội nghị quán triệt Kết luận số 57-KL/TW của Bộ Chính trị</h1><p class='sapo'>" + LEAD + "</p>"
              "<span class='date'>14/12/2023 11:20</span></header>" + BODY + "</article></body></html>")
    text = html_page(markup).text
    assert text.startswith("Hội nghị quán triệt Kết luận số 57-KL/TW của Bộ Chính trị\n14/12/2023 11:20\n\n" + LEAD)
    assert "15/12/2023" not in text


# --- what stands above the headline -------------------------------------------------------------------------------

TOP_BAR = ("<div class='top-bar'>Thứ Năm, 03/12/2026 | Đường dây nóng: 0203.3835.168</div>"
           "<div class='breadcrumb'><a href='/'>Trang chủ</a> &gt; <a href='/thoi-su'>Thời sự</a></div>")


def test_the_site_above_the_headline_is_not_the_articles_text():
    markup = ("<html><body>" + TOP_BAR + "<div class='detail'><h1>Hội nghị quán triệt Kết luận số 57-KL/TW của Bộ"
              " Chính trị</h1><div class='date'>14/12/2023 11:20</div><div class='sapo'>" + LEAD + "</div>"
              "<div class='content'>" + BODY + "</div></div></body></html>")
    text = html_page(markup).text
    assert "03/12/2026" not in text and "Đường dây nóng" not in text and "Trang chủ" not in text
    art = hoinghi.pipeline.extract(html=markup, id="top-bar")
    assert art.events[0].date == "2023-12-14" and art.events[0].part_of_day == "sáng"


def test_a_byline_and_a_caption_in_the_main_text_are_kept():
    markup = ("<html><body><article><h1>Hội nghị quán triệt Kết luận số 57-KL/TW của Bộ Chính trị</h1>"
              "<div class='author'>Minh Hằng</div><p class='sapo'>" + LEAD + "</p><div class='content'>" + BODY
              + "<figure><img src='/a.jpg' alt='ảnh'><figcaption>Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy phát biểu chỉ"
              " đạo Hội nghị. Ảnh: Thu Hà</figcaption></figure></div></article></body></html>")
    art = hoinghi.pipeline.extract(html=markup, id="byline")
    assert art.authors == ["Minh Hằng"]
    assert any(c.startswith("Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy phát biểu") for c in art.captions)
