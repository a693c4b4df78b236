"""Rules kept as data, apart from the code that applies them (as trafilatura keeps its xpaths).

Each file here is a lexicon: TOML tables of word lists and regular expressions, or JSON built by a script
from a package's own data (the administrative units). `load(name)` reads one once and caches it.
"""

from __future__ import annotations

import gzip
import json
import tomllib
from functools import cache
from importlib import resources
from typing import Any


def path(name: str):
    return resources.files(__name__).joinpath(name)


@cache
def load(name: str) -> Any:
    """Load a lexicon by file name: `leftovers.toml`, `admin_units.json.gz` …"""
    data = path(name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    if name.endswith((".toml",)):
        return tomllib.loads(data.decode("utf-8"))
    if name.endswith((".json", ".json.gz")):
        return json.loads(data.decode("utf-8"))
    return data.decode("utf-8")
