"""HTML pages: `Page.html` is the markup, `Page.text` its main content as lines, metadata first.

The text starts with the title line and a `Ngày đăng: <published>` line (each when found), a blank line, then the
body paragraphs (trafilatura; the `<body>` text without scripts and menus if it finds nothing) separated by blank lines.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import trafilatura
from lxml.html import HtmlElement

from hoinghi.model import Page
from hoinghi.text import squash

from .base import ReadError, Unreadable, decode_page

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)

# <meta> keys (property, name or itemprop, lower case) in order of trust
_PUBLISHED = ("article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
              "publish-date", "article:published", "dc.date.issued", "dcterms.issued", "dcterms.created",
              "dc.date", "date", "parsely-pub-date", "sailthru.date")
_AUTHOR = ("author", "article:author", "dc.creator", "dable:author", "sailthru.author")
_SECTION = ("article:section", "articlesection", "category", "dable:item_category")
_SITE_WORDS = re.compile(r"^(báo|cổng|trang|tạp chí|đài|thông tấn|tin tức|truyền hình|vtv|vov|ttxvn)\b|\.\w{2,4}$",
                         re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"^(.+)\s([|\-–—])\s+(.+?)$")

_DROP = ".//script|.//style|.//noscript|.//template|.//nav|.//footer|.//form|.//iframe|.//svg"
_BLOCKS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
           "section", "article", "header", "main", "aside", "blockquote", "pre", "figure", "figcaption", "dd", "dt")


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a `<meta>` near its top."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html(data: bytes, *, id: str | None, source: str, url: str | None = None, date: str | None = None,
              charset: str | None = None, what: str = "file") -> Iterator[Page | ReadError]:
    """One page from HTML bytes (decoded by `charset`, else the meta charset), then a warning if bytes were lost."""
    markup, warning = decode_page(data, source, charset or meta_charset(data), what)
    yield html_page(markup, id=id, url=url, date=date, source=source)
    if warning:
        yield warning


def html_page(markup: str, *, id: str | None = None, url: str | None = None, date: str | None = None,
              source: str | None = None) -> Page:
    """The page of an HTML string: `html` as given, `text` as the module says; `url` defaults to the canonical."""
    tree = _parse(markup)
    meta = html_metadata(tree)
    lines = _body_lines(tree, url or meta["url"])
    if lines and meta["title"] and _nfc(lines[0]) == _nfc(meta["title"]):  # trafilatura composes, a page may not
        lines = lines[1:]
    if not lines:
        raise Unreadable("no text in the HTML")
    head = "\n".join(filter(None, [meta["title"], meta["published"] and f"Ngày đăng: {meta['published']}"]))
    text = "\n\n".join(filter(None, [head, "\n\n".join(lines)]))
    return Page(id=id, url=url or meta["url"], text=text, html=markup, date=date, source=source)


def html_metadata(html: str | HtmlElement) -> dict[str, str | None]:
    """title, published (as printed, e.g. `2024-07-03T17:59:00+07:00`), author, section, site_name, url (canonical).

    From `<meta>` (Open Graph, article:*, itemprop, Dublin Core), JSON-LD, `<title>` and `<h1>`; None where absent.
    """
    tree = _parse(html) if isinstance(html, str) else html
    meta, ld = _meta(tree), _json_ld(tree)

    def first(keys: tuple[str, ...], ld_key: str, *extra: Any) -> str | None:
        values = [meta.get(k) for k in keys] + [_ld_text(ld.get(ld_key)), *extra]
        return next((squash(v) for v in values if v and v.strip()), None)

    site_name = first(("og:site_name", "application-name"), "publisher")
    return {
        "title": first(("og:title",), "headline", _title_tag(tree, site_name), _xpath_text(tree, "//h1")),
        "published": first(_PUBLISHED, "datePublished", *tree.xpath('//*[@itemprop="datePublished"]/@datetime')),
        "author": first(tuple(k for k in _AUTHOR if not meta.get(k, "").startswith("http")), "author"),
        "section": first(_SECTION, "articleSection"),
        "site_name": site_name,
        "url": next(iter(tree.xpath('//link[@rel="canonical"]/@href')), None) or meta.get("og:url"),
    }


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _parse(markup: str) -> HtmlElement:
    # trafilatura's loader repairs what browsers forgive; it refuses a fragment (no `html` near the top) and keeps
    # little of a page behind an XML declaration, so those are fixed first
    markup = _XML_DECLARATION.sub("", markup, count=1)
    tree = trafilatura.load_html(markup if "html" in markup[:50].lower() else f"<html>{markup}</html>")
    if tree is None:
        raise Unreadable("not parseable as HTML")
    return tree


def _meta(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = (el.get("content") or "").strip()
        for attr in ("property", "name", "itemprop"):
            if content and el.get(attr):
                found.setdefault(el.get(attr).strip().lower(), content)
    return found


def _json_ld(tree: HtmlElement) -> dict[str, Any]:
    """The first JSON-LD object that looks like an article (has a headline or datePublished)."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            queue = [json.loads(script.text or "")]
        except ValueError:
            continue
        while queue:
            item = queue.pop(0)
            if isinstance(item, list):
                queue.extend(item)
            elif isinstance(item, dict):
                if "headline" in item or "datePublished" in item:
                    return item
                queue.extend(item.get("@graph") or [])
    return {}


def _ld_text(value: Any) -> str | None:
    """A JSON-LD value as text: a string, an object's name, a list joined by commas."""
    if isinstance(value, list):
        return ", ".join(filter(None, map(_ld_text, value))) or None
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    return value if isinstance(value, str) else None


def _xpath_text(tree: HtmlElement, path: str) -> str | None:
    found = tree.xpath(path)
    return found[0].text_content() if found else None


def _title_tag(tree: HtmlElement, site_name: str | None) -> str | None:
    """`<title>` without a ` - Site` / ` | Site` suffix. A ` - ` inside a title (`kinh tế - xã hội`) stays."""
    title = squash(_xpath_text(tree, "//title") or "")
    match = _TITLE_SUFFIX.match(title)
    if not match:
        return title or None
    head, separator, tail = match.groups()
    h1 = squash(_xpath_text(tree, "//h1") or "")
    site_like = (separator == "|" or tail.casefold() == (site_name or "").casefold()
                 or head == h1 or bool(_SITE_WORDS.search(tail)) or (" " not in tail and not tail.isdigit()))
    return head if site_like else title


def _body_lines(tree: HtmlElement, url: str | None) -> list[str]:
    text = trafilatura.extract(tree, url=url, include_comments=False, include_tables=False, favor_recall=True,
                               output_format="txt")
    if not (text and text.strip()):
        text = _fallback_text(tree)
    return [line.strip() for line in text.splitlines() if line.strip()]


def _fallback_text(tree: HtmlElement) -> str:
    """The `<body>` text without scripts, styles, menus, footers and forms; one line per block element."""
    body = tree.find(".//body")
    body = tree if body is None else body
    for el in body.xpath(_DROP):
        el.drop_tree()
    for el in body.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    return body.text_content()
