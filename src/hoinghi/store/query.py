"""Search queries: words, `"quoted phrases"`, `word*` prefixes, `AND`, `OR`, `NOT`, `-word` and parentheses,
folded (`hoinghi.text.fold`) and compiled to an FTS5 expression (SQLite) and a tsquery (PostgreSQL).

    đối ngoại                      both words (AND is implied between words)
    "thông tin đối ngoại"          the words together, in this order
    hội*                           words starting with `hoi`
    đối ngoại OR tuyên truyền      (đối AND ngoại) OR (tuyên AND truyền): AND binds tighter than OR
    hội nghị (Yên Bái OR Nghệ An)  parentheses group
    hội nghị -"Yên Bái"            not `yen bai`; `NOT "Yên Bái"` is the same; `-word` must start a word

The operators are written in capitals (`and`, `or`, `not` are words). A query of exclusions only (`-doi`) lists
the articles without those words, newest first. An exclusion must stand beside words to find inside a group:
`a OR -b` is refused (write `a OR (c -b)`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hoinghi.store.base import StoreError
from hoinghi.text import fold

OPERATORS = ("AND", "OR", "NOT")
_TOKEN = re.compile(r'\s*(?:(\()|(\))|(-)?"([^"]*)"?|(-)?([^\s()"]+))')
_WORD = re.compile(r"([a-z0-9]+)(\*?)")
COLUMNS = "{title_fold body_fold}: "


@dataclass(frozen=True)
class Term:
    """One word, or several standing together (a phrase); `prefix`: the last word is a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")

    def ts(self) -> str:
        parts = list(self.words[:-1]) + [self.words[-1] + (":*" if self.prefix else "")]
        return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


@dataclass
class Node:
    op: str  # "and" | "or" | "not"
    children: list


def _tokens(query: str) -> list[tuple]:
    """("(",), (")",), ("op", "OR"), ("not",) for `-`, ("term", Term) or ("words", [Term, …]) for a bare run."""
    out: list[tuple] = []
    for m in _TOKEN.finditer(query or ""):
        paren_open, paren_close, qneg, quoted, neg, run = m.groups()
        if paren_open or paren_close:
            out.append((paren_open or paren_close,))
        elif quoted is not None:
            words = tuple(re.findall(r"[a-z0-9]+", fold(quoted)))
            if words:
                out += [("not",)] * bool(qneg) + [("term", Term(words))]
        elif run in OPERATORS and not neg:
            out.append(("op", run))
        else:
            terms = [Term((w,), bool(star)) for w, star in _WORD.findall(fold(run))]
            if terms and neg:  # -57-KL/TW: not the words together
                out += [("not",), ("term", Term(tuple(t.words[0] for t in terms), terms[-1].prefix))]
            elif terms:
                out.append(("words", terms))
    return out


class _Parser:
    """or := and (OR and)*; and := unary ([AND] unary)*; unary := (NOT | -) unary | atom; atom := ( or ) | term."""

    def __init__(self, tokens: list[tuple]) -> None:
        self.tokens, self.i = tokens, 0

    def peek(self) -> tuple | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self):
        node = self.or_()
        if self.peek() is not None:
            raise StoreError("cannot read the query: a `)` has no `(` before it")
        return node

    def or_(self):
        parts = [self.and_()]
        while self.peek() == ("op", "OR"):
            self.i += 1
            parts.append(self.and_())
        return parts[0] if len(parts) == 1 else Node("or", parts)

    def and_(self):
        parts = [self.unary()]
        while (tok := self.peek()) is not None and tok not in (("op", "OR"), (")",)):
            if tok == ("op", "AND"):
                self.i += 1
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else Node("and", parts)

    def unary(self):
        tok = self.peek()
        self.i += 1
        if tok is None or tok[0] == "op" and tok[1] != "NOT" or tok == (")",):
            what = "the end" if tok is None else f"`{tok[-1]}`"
            raise StoreError(f"cannot read the query: words are missing before {what} (AND, OR and NOT need words "
                             "beside them; quote them to search for the words: \"OR\")")
        if tok in (("op", "NOT"), ("not",)):
            return Node("not", [self.unary()])
        if tok == ("(",):
            node = self.or_()
            if self.peek() != (")",):
                raise StoreError("cannot read the query: a `(` is not closed")
            self.i += 1
            return node
        return tok[1] if tok[0] == "term" else tok[1][0] if len(tok[1]) == 1 else Node("and", list(tok[1]))


def _simplify(node):
    """Flatten and-in-and and or-in-or; NOT NOT x is x."""
    if isinstance(node, Term):
        return node
    kids = [_simplify(c) for c in node.children]
    if node.op == "not":
        return kids[0].children[0] if isinstance(kids[0], Node) and kids[0].op == "not" else Node("not", kids)
    flat = []
    for k in kids:
        flat += k.children if isinstance(k, Node) and k.op == node.op else [k]
    return Node(node.op, flat)


def _is_not(node) -> bool:
    return isinstance(node, Node) and node.op == "not"


def _check(node) -> None:
    """An exclusion needs words to find beside it, in its own group."""
    if isinstance(node, Term):
        return
    if node.op == "or" and any(_is_not(k) for k in node.children) or node.op == "and" and all(
            _is_not(k) for k in node.children):
        raise StoreError("cannot search for everything but some words inside a group: put words to find beside "
                         "each NOT or -word (`a OR (b -c)`, not `a OR -c`)")
    for k in node.children:
        _check(k)


def _fts(node) -> str:
    if isinstance(node, Term):
        return node.fts()
    if node.op == "not":
        return _fts(node.children[0])
    pos = [_fts(k) for k in node.children if not _is_not(k)]
    out = "(" + f" {node.op.upper()} ".join(pos) + ")"
    return out + "".join(f" NOT {_fts(k)}" for k in node.children if _is_not(k))


def _ts(node) -> str:
    if isinstance(node, Term):
        return node.ts()
    if node.op == "not":
        return "!" + _ts(node.children[0])
    return "(" + (" & " if node.op == "and" else " | ").join(_ts(k) for k in node.children) + ")"


def _terms(node, out: list[Term]) -> list[Term]:
    """The terms to find (not those excluded), in order."""
    if isinstance(node, Term):
        out.append(node)
    elif node.op != "not":
        for k in node.children:
            _terms(k, out)
    return out


@dataclass
class Query:
    words: list[tuple[str, bool]] = field(default_factory=list)  # (folded word, prefix): the terms to find
    phrases: list[list[str]] = field(default_factory=list)
    tree: Term | Node | None = None  # what to find: None when the query only excludes
    exclude: list = field(default_factory=list)  # what no result may hold

    @property
    def terms(self) -> list[tuple[str, bool]]:
        return self.words + [(w, False) for p in self.phrases for w in p]

    @property
    def conjunctive(self) -> bool:
        """Every term must occur (no OR)."""
        t = self.tree
        return t is None or isinstance(t, Term) or t.op == "and" and all(isinstance(k, Term) for k in t.children)

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    def match(self, skip: set[int] = frozenset()) -> str:
        """The FTS5 expression every result satisfies: the words (but those at the indices `skip`), prefixes,
        phrases and operators, in the title or the body, less the exclusions (SQLite)."""
        if self.conjunctive:
            parts = [f'"{w}"' + ("*" if p else "") for i, (w, p) in enumerate(self.words) if i not in skip]
            parts += ['"' + " ".join(p) + '"' for p in self.phrases]
            pos = " AND ".join(parts)
        else:
            pos = _fts(self.tree)
        if not pos:
            return ""
        return COLUMNS + "((" + pos + ")" + "".join(f" NOT {_fts(n)}" for n in self.exclude) + ")"

    def excluded(self, dialect: str) -> str:
        """What a query of exclusions only leaves out: an FTS5 expression or a tsquery."""
        if dialect == "sqlite":
            return COLUMNS + "(" + " OR ".join(_fts(n) for n in self.exclude) + ")"
        return " | ".join(_ts(n) for n in self.exclude)

    def scoring(self) -> list[tuple[tuple[str, ...], bool]]:
        """What BM25 sums over, as (words, prefix): each word, each phrase, and the plain words as a phrase when
        every term is required and there are several (to score adjacency)."""
        out = [((w,), p) for w, p in self.words] + [(tuple(p), False) for p in self.phrases]
        plain = tuple(w for w, p in self.words if not p)
        if len(plain) > 1 and self.conjunctive:
            out.append((plain, False))
        return out

    def tsquery(self, scoring: bool = True) -> str:
        """PostgreSQL's tsquery. `scoring`: also the words as a phrase (always true where the words are: it only
        adds to the rank); without it, a conjunction of words the GIN index answers without reading the rows."""
        if self.conjunctive:
            parts = [w + (":*" if p else "") for w, p in self.words]
            parts += ["(" + " <-> ".join(p) + ")" for p in self.phrases]
            must = " & ".join(parts)
            plain = [w for w, p in self.words if not p]
            if scoring and len(plain) > 1:
                must = f"({must}) & (({' <-> '.join(plain)}) | {plain[0]})"
        else:
            must = _ts(self.tree)
        return "".join(["(" * bool(self.exclude), must, ")" * bool(self.exclude)]
                       + [f" & !{_ts(n)}" for n in self.exclude])


def parse_query(query: str) -> Query:
    """Fold the query and read its operators (see the module's doc)."""
    tokens = _tokens(query)
    if not tokens:
        return Query()
    tree = _simplify(_Parser(tokens).parse())
    kids = tree.children if isinstance(tree, Node) and tree.op == "and" else [tree]
    exclude = [k.children[0] for k in kids if _is_not(k)]
    pos = [k for k in kids if not _is_not(k)]
    tree = None if not pos else pos[0] if len(pos) == 1 else Node("and", pos)
    for node in ([tree] if tree is not None else []) + exclude:
        _check(node)
    terms = _terms(tree, []) if tree is not None else []
    return Query(words=[(t.words[0], t.prefix) for t in terms if len(t.words) == 1],
                 phrases=[list(t.words) for t in terms if len(t.words) > 1], tree=tree, exclude=exclude)
