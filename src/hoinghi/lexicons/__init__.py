"""Rules kept as data, apart from the code that applies them (as trafilatura keeps its xpaths).

Each file here is a lexicon: TOML tables of word lists and regular expressions, or JSON built by a script
from a package's own data (the administrative units). `load(name)` reads one once, checks it against its shape in
`schema.SHAPES` and caches it: a lexicon with an unknown, missing or repeated key, a repeated word in a word list,
or a regular expression that does not compile raises `LexiconError` naming the file and the key.
"""

from __future__ import annotations

import gzip
import json
import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from hoinghi.lexicons.schema import BOOL, INT, REGEX, REGEXES, SHAPES, STR, WORDS, ListOf, Mapping, OneOf, Table


class LexiconError(ValueError):
    """A lexicon file that does not have its shape: `file: key.path: what is wrong`."""

    def __init__(self, name: str, key: str, problem: str):
        super().__init__(f"lexicon {name}: {key or '(top)'}: {problem}")
        self.name, self.key, self.problem = name, key, problem


def path(name: str):
    return resources.files(__name__).joinpath(name)


def names() -> list[str]:
    """Every lexicon file shipped with the package."""
    return sorted(p.name for p in resources.files(__name__).iterdir() if p.name.endswith((".toml", ".json.gz")))


@cache
def load(name: str) -> Any:
    """Load a lexicon by file name (`leftovers.toml`, `admin_units.json.gz` …), checked against its shape."""
    data = path(name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    text = data.decode("utf-8")
    if name.endswith(".toml"):
        return parse_toml(name, text)
    if name.endswith((".json", ".json.gz")):
        return json.loads(text)
    return text


def parse_toml(name: str, text: str) -> dict:
    """Parse and check one TOML lexicon (a repeated key is a TOML error, named here with its line)."""
    try:
        value = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(name, "", f"not valid TOML: {exc}") from None
    if name not in SHAPES:
        raise LexiconError(name, "", "no shape for this file in hoinghi/lexicons/schema.py")
    check(name, value, SHAPES[name])
    return value


def check(name: str, value: Any, shape: Any, key: str = "") -> None:
    """Raise LexiconError where `value` does not have `shape`."""
    problem = _problem(name, value, shape, key)
    if problem:
        raise LexiconError(name, key, problem)


def _problem(name: str, value: Any, shape: Any, key: str) -> str | None:
    if isinstance(shape, Table):
        return _table_problem(name, value, shape, key)
    if isinstance(shape, Mapping):
        if not isinstance(value, dict):
            return "should be a table"
        for k, v in value.items():
            check(name, v, shape.values, f"{key}.{k}" if key else k)
        return None
    if isinstance(shape, ListOf):
        if not isinstance(value, list):
            return "should be a list"
        for i, v in enumerate(value):
            check(name, v, shape.item, f"{key}[{i}]")
        return None
    if isinstance(shape, OneOf):
        if all(_problem(name, value, s, key) for s in shape.shapes):
            return "should be " + " or ".join(getattr(s, "name", type(s).__name__.lower()) for s in shape.shapes)
        return None
    return _leaf_problem(value, shape)


def _table_problem(name: str, value: Any, shape: Table, key: str) -> str | None:
    if not isinstance(value, dict):
        return "should be a table"
    wanted = {k.rstrip("?"): not k.endswith("?") for k in shape.keys}
    for k in value:
        if k not in wanted:
            raise LexiconError(name, f"{key}.{k}" if key else k, "unknown key (not in hoinghi/lexicons/schema.py)")
    for k, required in wanted.items():
        if required and k not in value:
            raise LexiconError(name, f"{key}.{k}" if key else k, "missing key")
    for k, sub in shape.keys.items():
        k = k.rstrip("?")
        if k in value:
            check(name, value[k], sub, f"{key}.{k}" if key else k)
    return None


def _leaf_problem(value: Any, shape: Any) -> str | None:
    if shape in (WORDS, REGEXES):
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            return f"should be {shape.name}"
        seen = set()
        for v in value:
            if v in seen:
                return f"{v!r} is listed twice"
            seen.add(v)
        return _regex_problem(value) if shape is REGEXES else None
    if shape is REGEX:
        return _regex_problem([value]) if isinstance(value, str) else "should be a regular expression"
    expected = {STR: str, INT: int, BOOL: bool}[shape]
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        return f"should be {shape.name}"
    return None


def _regex_problem(patterns: list[str]) -> str | None:
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            return f"{p!r} is not a regular expression: {exc}"
    return None
