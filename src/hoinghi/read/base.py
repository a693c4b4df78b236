"""What every reader shares: the error record, the exception readers raise for an unreadable page, byte decoding."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Literal


@dataclass
class ReadError:
    """A page or line that could not be read (`error`: no page), or was read with a loss worth showing (`warning`)."""

    source: str
    reason: str
    severity: Literal["error", "warning"] = "error"


class Unreadable(Exception):
    """Raised inside a reader for a page that cannot be read; its message is the `ReadError.reason`."""


def describe(err: Exception) -> str:
    """A reason for a ReadError: the message of an `Unreadable`, the type and message of anything else."""
    return str(err) if isinstance(err, Unreadable) else f"{type(err).__name__}: {err}"


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _codec(name: str | None) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name if name else None
    except LookupError:
        return None


def decode(data: bytes, source: str, encoding: str | None = None) -> tuple[str, ReadError | None]:
    """Bytes to text: by the BOM if there is one, else UTF-8, else `encoding` (an HTTP or meta charset such as
    windows-1258) if Python knows it. Never guesses a legacy code page: undecodable bytes become U+FFFD, with a warning.
    """
    codec = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as err:
        declared = _codec(encoding)
        if codec == "utf-8" and declared and declared != "utf-8":
            try:
                return data.decode(declared), None
            except UnicodeDecodeError:
                pass
        label = codec.upper().removesuffix("-SIG")
        return data.decode(codec, errors="replace"), ReadError(
            source, f"invalid {label} at byte {err.start}; replaced", "warning")


def _looks_binary(text: str) -> bool:
    """NUL in the first 8 KB, or more than 30% of it control characters and U+FFFD."""
    head = text[:8192]
    if "\x00" in head:
        return True
    bad = sum(1 for c in head if c == "\ufffd" or (c < " " and c not in "\t\n\r\f\v\b"))
    return bad > 0.3 * len(head)


def decode_page(data: bytes, source: str, encoding: str | None = None, what: str = "file") -> tuple[str, ReadError | None]:
    """`decode`, refusing (with `Unreadable`) what is not a page: empty or blank, or binary."""
    text, warning = decode(data, source, encoding)
    if not text.strip():
        raise Unreadable(f"empty {what}")
    if _looks_binary(text):
        raise Unreadable(f"binary {what}, not a text page")
    return text, warning
