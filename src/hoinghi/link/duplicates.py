"""Near-duplicate pages: one article syndicated by several sites.

Each body is folded (`hoinghi.text.fold`), cut into words, and the set of its word 3-shingles is sketched with a
128-permutation MinHash; a MinHash LSH index (`datasketch`, threshold 0.8) proposes candidate pairs, which are kept
when their estimated Jaccard similarity reaches the threshold. Pairs are joined transitively; in each group the
earliest published page (then the smallest id) is the original and every other page maps to it. Pages are taken
in order of publication and a page found to be a copy is not indexed itself (its original is), so a page that
copies a copy is found through the original, and a large group of copies stays cheap.

Pages with fewer than `MIN_SHINGLES` shingles (an empty or one-line body) are never duplicates: their similarity
says nothing.

`datasketch` is part of the `store` extra. Without it the same sketch is computed by a small pure-Python fallback
(bottom-k sketches of the same shingles, candidates from shared minimum hashes), so `link` still works.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

from hoinghi.link.common import publish_order
from hoinghi.model import Article
from hoinghi.text import fold

THRESHOLD = 0.8
NUM_PERM = 128
MIN_SHINGLES = 8

_WORD = re.compile(r"[a-z0-9]+")
_MASK = 0xFFFFFFFF
_K1, _K2 = 0x9E3779B1, 0x85EBCA77  # odd multipliers that combine three word hashes into one shingle hash

try:  # pragma: no cover - exercised by whichever environment runs the tests
    import numpy as np
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    HAVE_DATASKETCH = True
except ImportError:  # pragma: no cover
    HAVE_DATASKETCH = False


@lru_cache(maxsize=1 << 18)
def _token_hashes(token: str) -> tuple[int, ...]:
    """crc32 of each word the folded token holds (`57-KL/TW` holds three). Folding a text token by token gives the
    words of folding it whole: every step of `fold` works within a word."""
    return tuple(zlib.crc32(w.encode("ascii")) for w in _WORD.findall(fold(token)))


def word_hashes(body: Sequence[str]) -> list[int]:
    """crc32 of each word of the folded body, in order."""
    return list(chain.from_iterable(map(_token_hashes, "\n".join(body).split())))


def shingle_hashes(body: Sequence[str]) -> list[int]:
    """32-bit hashes of the word 3-shingles of a folded body (repeats kept; they do not change a MinHash)."""
    h = word_hashes(body)
    return [((a * _K1) + (b * _K2) + c) & _MASK for a, b, c in zip(h, h[1:], h[2:], strict=False)]


def find_duplicates(articles: Sequence[Article], threshold: float = THRESHOLD, num_perm: int = NUM_PERM,
                    use_datasketch: bool | None = None) -> dict[str, str]:
    """{copy id: original id} for every page whose body nearly repeats an earlier page's. An article may carry its
    sketch already (`link_sketch`, from `signature`: what linking stores instead of the body)."""
    order = sorted(articles, key=publish_order)
    use = HAVE_DATASKETCH if use_datasketch is None else use_datasketch and HAVE_DATASKETCH
    method = "minhash" if use else "bottomk"
    sketches = [_sketch_of(a, method, num_perm) for a in order]
    keep = [i for i, s in enumerate(sketches) if s is not None]
    kept = [sketches[i] for i in keep]
    pairs = _pairs_datasketch(kept, threshold, num_perm) if use else _pairs_bottom_k(kept, threshold, num_perm)
    return _copies(order, keep, pairs)


def _copies(order: Sequence[Article], keep: list[int], pairs: list[tuple[int, int]]) -> dict[str, str]:
    """Pairs joined transitively; each page maps to the earliest page of its group."""
    parent = list(range(len(keep)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        ri, rj = root(i), root(j)
        if ri != rj:  # the earlier page (smaller position in `order`) stays the root
            parent[max(ri, rj)] = min(ri, rj)
    copies: dict[str, str] = {}
    for i in range(len(keep)):
        r = root(i)
        if r != i:
            copies[order[keep[i]].id] = order[keep[r]].id
    return copies


def _sketch_of(art: Article, method: str, num_perm: int):
    """The article's sketch for `method`: the one it carries when it was made alike, else one from its body."""
    carried = getattr(art, "link_sketch", None)
    if carried is not None and num_perm == NUM_PERM:
        kind, values = carried
        if kind == method:
            return _lean(values) if kind == "minhash" and values is not None else values
    return _sketch(art.body, method, num_perm)


def _sketch(body: Sequence[str], method: str, num_perm: int = NUM_PERM):
    """A MinHash (`minhash`) or the bottom-k hashes (`bottomk`) of the body's shingles; None for a body with too
    few shingles to say anything."""
    if method == "minhash":
        hashes = _shingle_array(word_hashes(body))
        if not (len(hashes) >= 4 * MIN_SHINGLES or (
                len(hashes) >= MIN_SHINGLES and len(np.unique(hashes)) >= MIN_SHINGLES)):
            return None
        return sketch(hashes, _base(num_perm))
    plain = shingle_hashes(body)
    if len(set(plain)) < MIN_SHINGLES:
        return None
    return sorted({_mix(h) for h in plain})[:num_perm]


def signature(body: Sequence[str]) -> tuple[str, list[int] | None]:
    """(method, values): the sketch of a body as plain integers, stored by linking in place of the body."""
    method = "minhash" if HAVE_DATASKETCH else "bottomk"
    found = _sketch(body, method)
    if found is not None and method == "minhash":
        found = [int(v) for v in found.hashvalues]
    return method, found


def band_keys(sig: tuple[str, list[int] | None], threshold: float = THRESHOLD) -> list[str]:
    """The buckets two sketches must share to be compared at all (LSH bands; the four smallest hashes of a bottom-k
    sketch): pages sharing none are never near-duplicates."""
    method, values = sig
    if values is None:
        return []
    if method == "bottomk":
        return [f"b:{h}" for h in values[:4]]
    b, r = _bands(threshold, len(values))
    return [f"b:{i}:" + hashlib.blake2b(",".join(map(str, values[i * r:(i + 1) * r])).encode("ascii"),
                                         digest_size=10).hexdigest() for i in range(b)]


@lru_cache(maxsize=4)
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


@lru_cache(maxsize=4)
def _base(num_perm: int):
    return MinHash(num_perm=num_perm, scheme="affine32")


def _lean(values: list[int]):
    base = _base(NUM_PERM)
    return LeanMinHash(seed=base.seed, hashvalues=np.array(values, dtype=base.hashvalues.dtype), scheme=base.scheme)


def _shingle_array(words: list[int]):
    h = np.array(words, dtype=np.uint32)
    return h[:-2] * np.uint32(_K1) + h[1:-1] * np.uint32(_K2) + h[2:]  # wraps around: mod 2^32, as shingle_hashes


def _fmix32(h):
    """The MurmurHash3 32-bit finalizer, the pre-mix of datasketch's `affine32` scheme."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def sketch(shingles, base: MinHash):
    """The MinHash of a set of 32-bit shingle hashes: what `base.update_batch` gives (scheme `affine32`: pre-mix,
    then `a * h + b mod 2^32` per permutation, minimum), computed on the whole array at once."""
    a, b = base.permutations
    permuted = a[:, None] * _fmix32(shingles)[None, :]  # one row per permutation: the minimum runs along rows
    permuted += b[:, None]
    return LeanMinHash(seed=base.seed, hashvalues=np.minimum(permuted.min(axis=1), base.hashvalues),
                       scheme=base.scheme)


def _pairs_datasketch(sketches: list, threshold: float, num_perm: int) -> list[tuple[int, int]]:
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    pairs = []
    for i, lean in enumerate(sketches):
        found = [(j, i) for j in lsh.query(lean) if sketches[j].jaccard(lean) >= threshold]
        if found:  # a copy: its original is indexed already, the copy need not be (a group of copies stays cheap)
            pairs.extend(found)
        else:
            lsh.insert(i, lean)
    return pairs


def _pairs_bottom_k(sketches: list[list[int]], threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """The fallback: a bottom-k sketch (the k smallest mixed hashes), candidates sharing one of their four
    smallest hashes, the Jaccard similarity estimated from the merged sketches."""
    index: dict[int, list[int]] = {}
    pairs = []
    for i, sketch in enumerate(sketches):
        seen: set[int] = set()
        found = []
        for h in sketch[:4]:
            for j in index.get(h, ()):
                if j not in seen:
                    seen.add(j)
                    if _bottom_k_jaccard(sketches[j], sketch, num_perm) >= threshold:
                        found.append((j, i))
        pairs.extend(found)
        if not found:
            for h in sketch[:4]:
                index.setdefault(h, []).append(i)
    return pairs


def _mix(h: int) -> int:
    """The MurmurHash3 32-bit finalizer: spreads the combined shingle hashes before taking the smallest."""
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK
    return h ^ (h >> 16)


def _bottom_k_jaccard(a: list[int], b: list[int], k: int) -> float:
    union = sorted(set(a) | set(b))[:k]
    if not union:
        return 0.0
    sa, sb = set(a), set(b)
    return sum(1 for h in union if h in sa and h in sb) / len(union)
