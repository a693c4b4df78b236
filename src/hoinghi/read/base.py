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


_WESTERN = frozenset({"cp1252", "iso8859-1", "iso8859-15"})


def decode(data: bytes, source: str, encoding: str | None = None) -> tuple[str, ReadError | None]:
    """Bytes to text: by the BOM if there is one, else UTF-8, else `encoding` (an HTTP or meta charset such as
    windows-1258) if Python knows it and it is not a Western one. A Vietnamese page in TCVN3, VNI or
    Windows-1258 (undeclared, or declared Windows-1252 / ISO-8859-1) is recognised by its bytes and converted, and
    UTF-8 that was decoded twice (`Há»™i nghá»‹`) or VNI that was read as Windows-1252 (`Hoäi nghò`) is undone, each
    with a warning. A page declared Western that is not Vietnamese in any of them is refused (`Unreadable`);
    otherwise undecodable bytes become U+FFFD, with a warning."""
    from . import legacy

    codec = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        return _not_utf8(data, source, codec, _codec(encoding), err)
    fixed = legacy.repaired(text)
    if fixed is not None:
        return fixed[1], ReadError(source, fixed[0], "warning")
    return text, None


def _not_utf8(data: bytes, source: str, codec: str, declared: str | None,
              err: UnicodeDecodeError) -> tuple[str, ReadError | None]:
    from . import legacy

    if codec == "utf-8" and declared and declared != "utf-8" and declared not in _WESTERN:
        try:
            return data.decode(declared), None
        except UnicodeDecodeError:
            pass
    label = codec.upper().removesuffix("-SIG")
    replaced = data.decode(codec, errors="replace")
    lossy = ReadError(source, f"invalid {label} at byte {err.start}; replaced", "warning")
    if codec != "utf-8" or legacy.share(replaced) >= legacy.MIN_SHARE:  # mostly good UTF-8: a few bad bytes
        return replaced, lossy
    found = legacy.best_legacy(data)
    if found:
        return found[1], ReadError(source, f"not UTF-8: read as {found[0]} and converted", "warning")
    if declared in _WESTERN:
        raise Unreadable(f"declared {declared} but not UTF-8, and no Vietnamese encoding (TCVN3, VNI, Windows-1258) "
                         "reads it")
    return replaced, lossy


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
