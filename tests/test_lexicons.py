"""The lexicon loader: every shipped lexicon loads and has its shape; a broken one is refused with an error that
names the file and the key."""

from __future__ import annotations

import re

import pytest

from hoinghi import lexicons
from hoinghi.lexicons import LexiconError, parse_toml
from hoinghi.lexicons.schema import SHAPES


@pytest.mark.parametrize("name", lexicons.names())
def test_every_shipped_lexicon_loads(name):
    data = lexicons.load(name)
    assert data, name


def test_every_toml_lexicon_has_a_shape():
    tomls = [n for n in lexicons.names() if n.endswith(".toml")]
    assert sorted(tomls) == sorted(SHAPES)


GOOD_EVENTS = lexicons.path("events.toml").read_text(encoding="utf-8")


def broken(old: str, new: str) -> str:
    assert old in GOOD_EVENTS
    return GOOD_EVENTS.replace(old, new, 1)


@pytest.mark.parametrize("text, key, problem", [
    ('speech_verb = ["nói"]\n' + GOOD_EVENTS, "speech_verb", "unknown key"),
    (broken("chair_verbs = ", "chair_verb_list = "), "chair_verb_list", "unknown key"),
    (broken('"hội thảo" = "hội thảo"', '"hội thảo" = 3'), "kinds.hội thảo", "should be a string"),
    (broken('triggers = ["tổ chức", ', 'triggers = ["tổ chức", "tổ chức", '), "triggers", "listed twice"),
    ('triggers = ["họp"]\n' + GOOD_EVENTS, "", "not valid TOML"),  # a key given twice
])
def test_a_broken_lexicon_names_file_and_key(text, key, problem):
    with pytest.raises(LexiconError) as info:
        parse_toml("events.toml", text)
    message = str(info.value)
    assert message.startswith("lexicon events.toml: ")
    assert problem in message
    if key:
        assert info.value.key == key


def test_a_missing_key_is_named():
    text = re.sub(r"(?ms)^venue_heads = \[.*?\]\n", "", GOOD_EVENTS)
    assert "venue_heads" not in text
    with pytest.raises(LexiconError, match="venue_heads: missing key"):
        parse_toml("events.toml", text)


def test_a_regex_that_does_not_compile_is_refused():
    layout = lexicons.path("layout.toml").read_text(encoding="utf-8")
    bad = layout.replace("[views]\npatterns = [", "[views]\npatterns = ['(unclosed', ", 1)
    assert bad != layout
    with pytest.raises(LexiconError, match=r"layout.toml: views.patterns: '\(unclosed' is not a regular expression"):
        parse_toml("layout.toml", bad)


def test_a_file_without_a_shape_is_refused():
    with pytest.raises(LexiconError, match="no shape"):
        parse_toml("colours.toml", 'red = ["đỏ"]\n')
