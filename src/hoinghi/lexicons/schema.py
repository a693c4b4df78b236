"""The shape of every lexicon file, checked when it is loaded (as dateparser checks its language files).

A shape is one of:
- `WORDS`: a list of distinct, non-empty strings;  `REGEXES`: a list of regular expressions that compile;
- `STR`, `REGEX`, `INT`, `BOOL`: one value of that kind;
- `Table({...})`: a table with exactly these keys (a key ending in `?` may be left out);
- `Mapping(shape)`: a table whose keys are data (words, names) and whose values all have `shape`;
- `ListOf(shape)`: a list whose items have `shape`;  `OneOf(a, b)`: either shape.

A file whose shape is not here cannot be loaded: a new lexicon file comes with its shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Kind:
    name: str


WORDS, REGEXES = Kind("a list of distinct words"), Kind("a list of regular expressions")
STR, REGEX, INT, BOOL = Kind("a string"), Kind("a regular expression"), Kind("an integer"), Kind("true or false")


@dataclass(frozen=True)
class Table:
    keys: dict[str, Any]


@dataclass(frozen=True)
class Mapping:
    values: Any


@dataclass(frozen=True)
class ListOf:
    item: Any


@dataclass(frozen=True)
class OneOf:
    shapes: tuple

    def __init__(self, *shapes):
        object.__setattr__(self, "shapes", shapes)


_LEFTOVER_RULE = Table({"max_words": INT, "end?": BOOL, "block?": BOOL, "patterns": REGEXES})
_COUNTRY = OneOf(WORDS, Table({"variants": WORDS, "listed?": BOOL, "not_before?": WORDS, "only_after?": WORDS,
                               "after?": WORDS}))

SHAPES: dict[str, Any] = {
    "html.toml": Table({
        "meta": Table({"published": WORDS, "author": WORDS, "section": WORDS, "site_name": WORDS, "description": WORDS}),
        "headline": Table({"classes": WORDS, "min_words": INT, "search_lines": INT}),
        "lead": Table({"classes": WORDS, "min_words": INT, "min_shared_percent": INT, "restated_percent": INT,
                       "not_inside_tags": WORDS,
                       "not_inside": WORDS}),
        "date": Table({"classes": WORDS, "max_words": INT}),
        "prune": Table({"classes": WORDS}),
    }),
    "countries.toml": Table({
        "settings": Table({"person_titles": WORDS, "name_syllables": WORDS, "single_prev_allow": WORDS}),
        "country": Mapping(_COUNTRY),
        "international": Mapping(WORDS),
        "foreign_province": Mapping(Table({"country": STR, "variants?": WORDS})),
        "region": Table({"names": WORDS}),
        "units": Table({"province": WORDS, "city": WORDS, "capital": WORDS, "town": WORDS, "district": WORDS,
                        "bridge": WORDS, "commune": WORDS, "city_abbreviations": WORDS, "town_abbreviations": WORDS,
                        "strip": WORDS}),
    }),
    "dates.toml": Table({
        "weekdays": Mapping(INT),
        "weekday_names": Table({"names": WORDS}),
        "published_labels": Table({"words": WORDS}),
        "date_line": Table({"field_max_words": INT, "field_max_chars": INT}),
        "widgets": Table({"words": WORDS}),
        "parts_of_day": Mapping(STR),
        "relative_days": Table({"words": WORDS, "alone": WORDS}),
        "bare_date_openers": Table({"words": WORDS}),
        "day_ranges": Table({"words": WORDS}),
        "planned": Table({"words": WORDS}),
        "held": Table({"words": WORDS}),
        "same_day": Table({"words": WORDS}),
        "headline_years": Table({"not_after": WORDS}),
        "months": Mapping(INT),
        "english_months": Mapping(INT),
        "document_kinds": Table({"words": WORDS}),
        "document_verbs": Table({"words": WORDS, "then": WORDS}),
    }),
    "documents.toml": Table({
        "numbered_only": WORDS, "verb_like": WORDS, "verbs": WORDS, "plenum_kinds": WORDS, "congress_kinds": WORDS,
        "code_issuers": ListOf(ListOf(STR)), "issuers": ListOf(ListOf(STR)), "closing_issuers": WORDS,
        "kinds": Mapping(ListOf(STR)), "abbreviations": Mapping(STR), "code_kinds": Mapping(STR),
        "numerals": Mapping(INT),
        "next_plenum": WORDS, "next_date": WORDS, "next_term": WORDS, "next_issuer": WORDS, "next_plenum_of": WORDS,
        "plural_words": WORDS, "draft_words": WORDS, "clause_openers": WORDS,
        "issuer_code_suffixes": ListOf(ListOf(STR)),
    }),
    "events.toml": Table({
        "triggers": WORDS, "name_stops": WORDS, "speech_verbs": WORDS, "chair_verbs": WORDS, "study_verbs": WORDS,
        "venue_heads": WORDS, "attendance_nouns": WORDS, "kinds": Mapping(STR), "approx": Mapping(BOOL),
        "verb_kinds": Mapping(STR),
        "under_chair": REGEX, "chairs_listed": REGEX, "chairs_also": REGEX, "chair_openers": WORDS,
        "chairs_listed_open": REGEX, "chairs_fronted": REGEX, "other_occasions": Mapping(STR),
        "not_speech_before": WORDS, "speech_of": REGEX, "speech_nouns": WORDS, "clause_openers": WORDS, "not_nouns": WORDS,
        "not_triggers": Mapping(WORDS), "name_goes_on": WORDS, "name_drop_heads": WORDS, "name_holders": WORDS,
        "other_event_before": WORDS, "venue_stops": WORDS, "venue_parts": WORDS, "at_place": REGEX, "arrive": REGEX, "arrive_gap": INT,
        "city_stops": WORDS, "capital_venues": WORDS, "held_by": REGEX, "opened_by": REGEX, "on_behalf_before": REGEX,
        "complement_before": REGEX,
        "organizer_joints": WORDS, "organizer_terms": REGEXES, "venue_before": REGEX, "national_names": WORDS,
        "national_organizers": REGEX, "study_sentence": WORDS, "not_ours_before": REGEX,
        "attendance_not_after": WORDS,
        "subject": Table({"verbs": WORDS, "before_verb": WORDS, "numbered": REGEX}),
        "headline_verbs": Mapping(REGEX), "ceremony_before": WORDS,
        "section_name": Table({"min_words": INT, "generic": WORDS}), "live_blog": REGEX,
        "parent": Table({"word": STR, "pattern": REGEX}), "theme": Table({"word": STR, "pattern": REGEX}),
        "session": Table({"kind": STR, "nouns": WORDS, "after_name": REGEX}),
        "mode": Table({"hybrid": REGEX, "online": WORDS, "venue_hall": REGEX, "linked": WORDS, "said": REGEX}),
        "bridge": Table({"word": STR, "main": STR, "not_places": WORDS, "own_province": WORDS, "attend_on": REGEX,
                         "synonyms": WORDS, "synonym_before": REGEX, "units": WORDS, "unit_stops": WORDS, "province_count": REGEX}),
    }),
    "layout.toml": Table({
        "title": Table({"min_words": INT, "max_words": INT}),
        "section": Table({"separators": STR, "max_words": INT, "max_item_words": INT, "max_items": INT,
                          "drop_items": WORDS, "above_title_max_words": INT, "header_scan": INT, "names": WORDS}),
        "caption": Table({"max_words": INT, "credit_raw": REGEX, "starts": WORDS, "verbs": WORDS, "ends": REGEX,
                          "not_inside_raw": WORDS, "not_starts": REGEX, "overview_raw": REGEX, "overview": WORDS}),
        "lead": Table({"starts_raw": REGEX, "inside_raw": REGEX}),
        "byline": Table({"max_words": INT, "max_chars": INT, "prefix_raw": REGEX, "source_raw": REGEX,
                         "agencies": WORDS, "separators_raw": REGEX, "stopwords_raw": WORDS, "name_max_words": INT,
                         "source_max_words": INT, "degrees_raw": WORDS, "generic_raw": WORDS,
                         "bracketed_raw": REGEX}),
        "views": Table({"patterns": REGEXES, "in_date": WORDS, "in_date_count": REGEX}),
        "join": Table({"dangling_raw": WORDS, "salutations_raw": WORDS, "wrap_max_width": INT,
                       "wrap_min_width": INT, "wrap_full_percent": INT, "wrap_min_lines": INT,
                       "name_cut_max_syllables": INT}),
        "related_block": Table({"max_words": INT, "slug": REGEX}),
        "digest": Table({"url_parts": WORDS, "titles": REGEX, "min_dated_items": INT}),
    }),
    "leftovers.toml": Mapping(_LEFTOVER_RULE),
    "organizations.toml": Table({
        "inner_words": WORDS, "inner_pairs": WORDS, "against": WORDS, "not_orgs": WORDS, "stops": WORDS, "kinds": Mapping(STR),
        "known": Mapping(STR), "people_stops_inside": WORDS, "after_name_words": WORDS, "dangling_words": WORDS,
        "not_after_and": WORDS, "kept_alone": WORDS, "stop_guards": Mapping(Table({"not_after": WORDS})),
    }),
    "people.toml": Table({
        "surnames": WORDS, "foreign_surnames": WORDS, "not_people": WORDS, "honorifics": WORDS, "honorific_positions": WORDS, "heads": WORDS,
        "heads_after_prefix": WORDS, "lower_heads": WORDS, "head_prefixes": WORDS, "stops": WORDS, "org_heads": WORDS,
        "compounds": Mapping(STR), "capital_stops": WORDS, "after_proper_name": WORDS, "trailing_words": WORDS, "joining_words": WORDS, "sub_units": WORDS,
        "units_before_place": WORDS, "city_provinces": WORDS, "street_words": WORDS, "named_after": WORDS, "not_name_syllables": WORDS,
        "name_syllables_after_surname": WORDS, "not_name_end": WORDS, "delegation_words": WORDS,
        "stop_guards": Mapping(Table({"not_after?": WORDS, "not_before?": WORDS})),
    }),
    "abbreviations.toml": Table({"abbreviations": Mapping(STR), "document_kinds": WORDS, "positions": Mapping(STR),
                                 "before_capital": Mapping(STR)}),
    "link.toml": Table({
        "people": Table({"unit_tails": WORDS, "ministry_heads": WORDS, "same_posts": Mapping(STR),
                          "drop_at_end": WORDS}),
        "events": Table({"stop_words": WORDS, "default_modes": WORDS}),
        "documents": Table({"stop_words": WORDS}),
    }),
}
