"""hoinghi: Vietnamese official news pages in, a searchable, linked record of conferences out.

    import hoinghi
    art = hoinghi.extract(text=open("page.txt").read())   # or html=…, with url=, id=, date=
    art.to_dict()                                          # the contract's JSON

`import hoinghi` stays cheap: the extraction pipeline (and its lexicons) is imported on the first call.
`hoinghi.extract` is also the name of the package of recognisers (`hoinghi.extract.people` …): once that is
imported, `hoinghi.extract` is the package, made callable, so `hoinghi.extract(text=…)` works either way.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from hoinghi.model import Article

__version__ = "0.1.0"
__all__ = ["extract", "__version__"]


def extract(text: str | None = None, html: str | None = None, url: str | None = None, id: str | None = None,
            date: str | None = None) -> Article:
    """Extract one page given as flattened text or as HTML (`hoinghi.pipeline.extract`). `date` is the page's date
    known from outside."""
    from hoinghi.pipeline import extract as extract_page

    return extract_page(text=text, html=html, url=url, id=id, date=date)


_extract = extract


class _CallablePackage(types.ModuleType):
    """The package `hoinghi.extract`, callable as the function `hoinghi.extract`."""

    def __call__(self, *args, **kwargs) -> Article:
        return _extract(*args, **kwargs)


class _Hoinghi(types.ModuleType):
    def __setattr__(self, name: str, value) -> None:
        # importing the subpackage `hoinghi.extract` sets it as this module's attribute: keep it callable
        if name == "extract" and type(value) is types.ModuleType:
            value.__class__ = _CallablePackage
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Hoinghi
