"""The interface's words: Vietnamese first, English with `?lang=en` (or the switch in the header)."""

from __future__ import annotations

LANGS = ("vi", "en")

STRINGS: dict[str, dict[str, str]] = {
    "app": {"vi": "Hội nghị — tra cứu", "en": "Hội nghị — explorer"},
    "home": {"vi": "Trang chủ", "en": "Home"},
    "search": {"vi": "Tìm kiếm", "en": "Search"},
    "search_placeholder": {"vi": "Tìm bài viết (có thể gõ không dấu)…", "en": "Search articles (accents optional)…"},
    "results": {"vi": "kết quả", "en": "results"},
    "no_results": {"vi": "Không có bài viết nào phù hợp.", "en": "No article matches."},
    "province": {"vi": "Tỉnh, thành", "en": "Province"},
    "province_before": {"vi": "Tỉnh (trước 2025)", "en": "Province (before 2025)"},
    "province_after": {"vi": "Tỉnh (sau 1/7/2025)", "en": "Province (after 1 July 2025)"},
    "year": {"vi": "Năm", "en": "Year"},
    "kind": {"vi": "Loại sự kiện", "en": "Kind of event"},
    "document": {"vi": "Văn bản", "en": "Document"},
    "documents": {"vi": "Văn bản", "en": "Documents"},
    "any": {"vi": "Tất cả", "en": "Any"},
    "filter": {"vi": "Lọc", "en": "Filter"},
    "previous": {"vi": "Trang trước", "en": "Previous"},
    "next": {"vi": "Trang sau", "en": "Next"},
    "page": {"vi": "Trang", "en": "Page"},
    "article": {"vi": "Bài viết", "en": "Article"},
    "source": {"vi": "Nguồn", "en": "Source"},
    "original": {"vi": "Trang gốc", "en": "Original page"},
    "record": {"vi": "Bản ghi", "en": "Record"},
    "date": {"vi": "Ngày", "en": "Date"},
    "people": {"vi": "Nhân vật", "en": "People"},
    "person": {"vi": "Nhân vật", "en": "Person"},
    "positions": {"vi": "Chức vụ", "en": "Positions"},
    "position": {"vi": "Chức vụ", "en": "Position"},
    "first_seen": {"vi": "Thấy lần đầu", "en": "First seen"},
    "last_seen": {"vi": "Thấy lần cuối", "en": "Last seen"},
    "former": {"vi": "nguyên", "en": "former"},
    "events": {"vi": "Sự kiện", "en": "Events"},
    "event": {"vi": "Sự kiện", "en": "Event"},
    "role": {"vi": "Vai trò", "en": "Role"},
    "provinces": {"vi": "Tỉnh, thành", "en": "Provinces"},
    "places": {"vi": "Địa danh", "en": "Places"},
    "cascade": {"vi": "Quá trình triển khai", "en": "Cascade"},
    "map_title": {"vi": "Tỉnh, thành nghiên cứu văn bản (màu đậm: sớm hơn)",
                  "en": "Provinces that studied the document (darker: earlier)"},
    "map_34": {"vi": "34 tỉnh, thành (sau 1/7/2025)", "en": "34 provinces (after 1 July 2025)"},
    "map_63": {"vi": "63 tỉnh, thành (trước 1/7/2025)", "en": "63 provinces (before 1 July 2025)"},
    "not_studied": {"vi": "chưa thấy", "en": "not seen"},
    "chairs": {"vi": "Chủ trì", "en": "Chairs"},
    "speakers": {"vi": "Phát biểu", "en": "Speakers"},
    "bridge_points": {"vi": "Điểm cầu", "en": "Bridge points"},
    "reports": {"vi": "Bài viết đưa tin", "en": "Reports"},
    "level": {"vi": "Cấp", "en": "Level"},
    "issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "subject": {"vi": "Trích yếu", "en": "Subject"},
    "articles": {"vi": "Bài viết", "en": "Articles"},
    "events_per_month": {"vi": "Sự kiện theo tháng", "en": "Events per month"},
    "articles_per_month": {"vi": "Bài viết theo tháng", "en": "Articles per month"},
    "top_documents": {"vi": "Văn bản được nghiên cứu nhiều nhất", "en": "Most studied documents"},
    "top_provinces": {"vi": "Tỉnh, thành hoạt động nhiều nhất", "en": "Most active provinces"},
    "counts": {"vi": "Kho dữ liệu", "en": "The store"},
    "not_found": {"vi": "Không tìm thấy", "en": "Not found"},
    "bad_request": {"vi": "Yêu cầu không hợp lệ", "en": "Bad request"},
    "timeline": {"vi": "Quá trình công tác", "en": "Career"},
    "legend": {"vi": "Chú thích", "en": "Legend"},
    "copy": {"vi": "bản sao", "en": "copy"},
    "none": {"vi": "Không có", "en": "None"},
    "mentions": {"vi": "Đánh dấu", "en": "Highlights"},
    "organization": {"vi": "Tổ chức", "en": "Organisation"},
    "place": {"vi": "Địa danh", "en": "Place"},
}


def lang_of(value: str | None) -> str:
    return value if value in LANGS else "vi"


def translator(lang: str):
    """`t('search')` -> the word in `lang`, else Vietnamese, else the key itself."""
    def t(key: str) -> str:
        entry = STRINGS.get(key)
        return entry.get(lang) or entry["vi"] if entry else key

    return t
