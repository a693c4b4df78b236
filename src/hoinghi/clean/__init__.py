"""The clean stage: normalise a flattened page and split it into title, date line, section, body, captions,
byline, view counter and leftovers."""

from hoinghi.clean.layout import Layout, Line, analyse, byline_names

__all__ = ["Layout", "Line", "analyse", "byline_names"]
