"""The read stage: files, directories or standard input in; `Page`s and `ReadError`s out.

- `iter_pages(inputs)`: every page of every input in order (`.txt`, `.html`/`.htm`, `.jsonl`/`.jsonl.gz`,
  `.warc`/`.warc.gz`; directories walked recursively and sorted; `-` is standard input, sniffed), and a `ReadError`
  for every file, line or record that could not be read. A `ReadError` with `severity="warning"` follows a page
  that was read with a loss (invalid UTF-8 replaced by U+FFFD).
- `count_pages(inputs)`: a cheap estimate for a progress bar, None when unknown.
- `html_metadata(html)`: title, published, author, section, site_name, url, description of an HTML page.

Nothing is normalised here except decoding: the clean stage does that.
"""

from .base import ReadError
from .files import count_pages, iter_pages
from .html import html_metadata, html_page

__all__ = ["ReadError", "count_pages", "html_metadata", "html_page", "iter_pages"]
