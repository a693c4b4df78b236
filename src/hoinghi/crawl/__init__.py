"""The crawler behind `hoinghi crawl` (see `crawler`)."""

from .crawler import Crawler, Options, Stats, crawl
from .fetch import FetchError, Policy, Response, fetch

__all__ = ["Crawler", "FetchError", "Options", "Policy", "Response", "Stats", "crawl", "fetch"]
