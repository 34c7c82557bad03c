"""Near-duplicate detection: MinHash signatures (datasketch) split into LSH bands.

Syndicated copies and lightly edited versions of one story share most word 3-grams, so their
MinHash signatures agree in most positions. Splitting a signature into ``BANDS`` bands of ``ROWS``
values and hashing each band gives keys that near-duplicates share with high probability; the
store keeps those keys in a table, so detection is durable and works across processes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param
from datasketch.minhash import _fmix

NUM_PERM = 128
THRESHOLD = 0.8  # estimated Jaccard similarity of 3-gram sets at which two texts are one story
# Bands tuned for a lower similarity than THRESHOLD: a pair at 0.8 becomes a candidate with
# probability 0.985 (at 0.8 itself the S-curve would miss half); candidates are then verified.
CANDIDATE_THRESHOLD = 0.6
BANDS, ROWS = _optimal_param(CANDIDATE_THRESHOLD, NUM_PERM, 0.5, 0.5)
_SEED = MinHash(num_perm=NUM_PERM, seed=1)  # its permutations are reused: building them is the slow part
# uint32 affine permutations (datasketch affine32), one per row
_A_COL, _B_COL = (p.reshape(-1, 1) for p in _SEED.permutations)
# Word and n-gram hashes are fixed polynomials (stable across processes, unlike hash()).
_MIX, _MASK = np.uint64(0x9E3779B1), np.uint64(0xFFFFFFFF)
_POW = np.array([pow(1099511628211, k, 2**64) for k in range(64)], dtype=np.uint64)


@dataclass(frozen=True)
class Signature:
    values: np.ndarray  # NUM_PERM unsigned values (uint32 computed, uint64 read back)

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype="<u8"))

    def similarity(self, other: Signature) -> float:
        return float(np.mean(self.values == other.values))

    def band_keys(self) -> list[int]:
        """One signed 64-bit key per band (fits SQLite INTEGER and PostgreSQL BIGINT)."""
        raw = self.values.astype("<u8").tobytes()  # one conversion, sliced per band
        step = ROWS * 8
        return [int.from_bytes(hashlib.blake2b(bytes([b]) + raw[b * step:(b + 1) * step], digest_size=8).digest(),
                               "big", signed=True) for b in range(BANDS)]


def word_hashes(text: str) -> np.ndarray:
    """A 32-bit hash per word of the lower-cased text, computed on its UTF-8 bytes with numpy (no
    Python loop per word). A word is a run of ASCII letters, digits, ``_`` and non-ASCII bytes,
    which keeps accented Dutch words whole."""
    return _words(np.frombuffer(text.lower().encode("utf-8"), dtype=np.uint8))[0]


def _words(b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The word hashes of UTF-8 bytes and the byte offset where each word starts."""
    isword = (b >= 0x80) | ((b >= 0x61) & (b <= 0x7A)) | ((b >= 0x30) & (b <= 0x39)) | (b == 0x5F)
    idx = np.flatnonzero(isword)
    if not len(idx):
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    first = np.empty(len(idx), dtype=bool)  # each word char that starts a word
    first[0] = True
    first[1:] = np.diff(idx) > 1
    seg = np.flatnonzero(first)
    offset = np.arange(len(idx)) - np.repeat(seg, np.diff(np.append(seg, len(idx))))
    vals = (b[idx].astype(np.uint64) + np.uint64(1)) * _POW[np.minimum(offset, len(_POW) - 1)]
    return np.add.reduceat(vals, seg) & _MASK, idx[seg]  # uint64 arithmetic wraps: a polynomial hash mod 2**64


def shingle_array(text: str, n: int = 3) -> np.ndarray:
    """32-bit hashes (uint64 array) of the word ``n``-grams of ``text``, duplicates kept (never empty)."""
    h = word_hashes(text)
    if len(h) >= n:
        g = h[: len(h) - n + 1].copy()
        for k in range(1, n):
            g = (g * _MIX + h[k: len(h) - n + 1 + k]) & _MASK
        h = g
    return h if len(h) else np.zeros(1, dtype=np.uint64)


def shingle_hashes(text: str, n: int = 3) -> list[int]:
    """32-bit hashes of the word ``n``-grams of ``text``, without duplicates (never empty)."""
    return np.unique(shingle_array(text, n)).tolist()


def signature(text: str) -> Signature:
    """The MinHash of the text's 3-gram set, computed as one array operation over all shingles and
    permutations. Bit for bit what ``datasketch.MinHash.update_batch`` gives (affine32 scheme) for the
    same shingles, without its per-value Python loop; duplicates do not change a minimum."""
    return Signature(_min_rows(shingle_array(text), np.zeros(1, dtype=np.int64))[0])


def _min_rows(hashes: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Per segment (rows ``starts[i]`` up to the next start) the column-wise minimum of the permuted
    hashes: one MinHash signature per segment."""
    hv = _fmix(hashes.astype(np.uint32).reshape(1, -1), 32)
    # Permutations along rows, shingles along columns: the segment minimum then reads contiguous
    # memory (reducing down columns of the transposed layout was 5x slower). uint32 arithmetic wraps,
    # as datasketch's does.
    return np.minimum.reduceat(_A_COL * hv + _B_COL, starts, axis=1).T


SIGNATURE_ROWS = 1 << 15  # shingles permuted at once: 128 uint32 each, 16 MiB per group


def signatures(texts: Sequence[str], n: int = 3) -> list[Signature]:
    """``[signature(t) for t in texts]``, bit for bit, in a fixed number of array operations per
    group of texts instead of per text (a store batch is hundreds of articles; per-text numpy calls
    cost more than their arithmetic). The lower-cased texts are joined with a space, which is no word
    character, so no word spans two texts; an n-gram is kept when its first and last word belong to
    the same text."""
    if not texts:
        return []
    raw = [t.lower().encode("utf-8") for t in texts]
    lengths = np.fromiter((len(r) + 1 for r in raw), dtype=np.int64, count=len(raw))
    text_start = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    words, starts = _words(np.frombuffer(b" ".join(raw), dtype=np.uint8))
    owner = np.searchsorted(text_start, starts, side="right") - 1  # text of each word
    n_words = np.bincount(owner, minlength=len(texts))
    # n-grams over the joined word list; those that span two texts are dropped below.
    m = max(len(words) - n + 1, 0)
    grams = words[:m].copy()
    for k in range(1, n):
        grams = (grams * _MIX + words[k:m + k]) & _MASK
    keep = owner[:m] == owner[n - 1:m + n - 1] if m else np.zeros(0, dtype=bool)
    grams, gram_owner = grams[keep], owner[:m][keep]
    # Per text, as shingle_array: its n-grams; fewer than n words: the words; none: one zero.
    parts: list[np.ndarray] = []
    word_start = np.concatenate(([0], np.cumsum(n_words)[:-1]))
    gram_start = np.searchsorted(gram_owner, np.arange(len(texts)))
    gram_end = np.searchsorted(gram_owner, np.arange(len(texts)), side="right")
    for i in range(len(texts)):
        if n_words[i] >= n:
            parts.append(grams[gram_start[i]:gram_end[i]])
        elif n_words[i]:
            parts.append(words[word_start[i]:word_start[i] + n_words[i]])
        else:
            parts.append(np.zeros(1, dtype=np.uint64))
    out: list[Signature] = []
    i = 0
    while i < len(parts):  # groups of texts, so that the permuted matrix stays small
        j, rows = i, 0
        while j < len(parts) and (j == i or rows + len(parts[j]) <= SIGNATURE_ROWS):
            rows += len(parts[j])
            j += 1
        sizes = np.fromiter((len(p) for p in parts[i:j]), dtype=np.int64, count=j - i)
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        out += [Signature(row) for row in _min_rows(np.concatenate(parts[i:j]), starts)]
        i = j
    return out


def signature_datasketch(text: str) -> Signature:
    """Reference implementation through datasketch (kept for tests)."""
    m = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_SEED.permutations, scheme=_SEED.scheme)
    m.update_batch(shingle_hashes(text))
    return Signature(m.hashvalues.copy())
