"""Finding URLs: in sitemaps (a `urlset` or a sitemap index, gzipped or not), RSS and Atom feeds, and the links of a
listing page (same host only)."""

from __future__ import annotations

import gzip
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

_ASSET = re.compile(r"\.(?:css|js|json|jpe?g|png|gif|webp|svg|ico|pdf|docx?|xlsx?|pptx?|zip|rar|mp[34]|avi|mov|"
                    r"woff2?|ttf)$", re.I)
_MAX_XML = 50 << 20


@dataclass
class Found:
    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower() + (f":{urlsplit(url).port}" if urlsplit(url).port else "")


def is_xml(body: bytes, content_type: str | None) -> bool:
    if body[:2] == b"\x1f\x8b":
        return True
    ctype = (content_type or "").lower()
    if "html" in ctype:
        return False
    head = body[:512].lstrip().lower()
    return "xml" in ctype or head.startswith((b"<?xml", b"<urlset", b"<sitemapindex", b"<rss", b"<feed"))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_xml(body: bytes, base: str) -> Found:
    """The URLs of a sitemap, sitemap index, RSS or Atom feed; raises ValueError for XML it cannot read."""
    if body[:2] == b"\x1f\x8b":
        body = gzip.GzipFile(fileobj=io.BytesIO(body)).read(_MAX_XML)
    try:
        root = ET.fromstring(body)
    except ET.ParseError as err:
        raise ValueError(f"unreadable XML: {err}") from None
    kind, found = _local(root.tag), Found()
    if kind == "sitemapindex":
        found.sitemaps = _locs(root, "sitemap", base)
    elif kind == "urlset":
        found.pages = _locs(root, "url", base)
    elif kind in ("rss", "rdf", "feed"):
        found.pages = _feed_links(root, base)
    return found


def _locs(root, parent: str, base: str) -> list[str]:
    out = []
    for node in root:
        if _local(node.tag) == parent:
            out += [urljoin(base, (c.text or "").strip()) for c in node if _local(c.tag) == "loc" and c.text]
    return out


def _feed_links(root, base: str) -> list[str]:
    """The link of each RSS item or Atom entry (not the channel's own link)."""
    out = []
    for item in root.iter():
        if _local(item.tag) not in ("item", "entry"):
            continue
        for e in item:
            url = e.get("href") if e.get("href") is not None else (e.text or "").strip()
            if _local(e.tag) == "link" and url and e.get("rel", "alternate") == "alternate":
                out.append(urljoin(base, url))
                break
    return out


def page_links(body: bytes, base: str) -> list[str]:
    """The links of an HTML page to other pages of its host, without fragments, assets or duplicates."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(body)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return []
    base_host, out = host(base), {}
    for href in tree.xpath("//a/@href"):
        url = urldefrag(urljoin(base, str(href).strip()))[0]
        if url.startswith(("http://", "https://")) and host(url) == base_host and url != base \
                and not _ASSET.search(urlsplit(url).path):
            out.setdefault(url, None)
    return list(out)
