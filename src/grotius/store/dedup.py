"""Near-duplicate detection: MinHash signatures (datasketch) split into LSH bands.

Syndicated copies and lightly edited versions of one story share most word 3-grams, so their
MinHash signatures agree in most positions. Splitting a signature into ``BANDS`` bands of ``ROWS``
values and hashing each band gives keys that near-duplicates share with high probability; the
store keeps those keys in a table, so detection is durable and works across processes.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

NUM_PERM = 128
THRESHOLD = 0.8  # estimated Jaccard similarity of 3-gram sets at which two texts are one story
# Bands tuned for a lower similarity than THRESHOLD: a pair at 0.8 becomes a candidate with
# probability 0.985 (at 0.8 itself the S-curve would miss half); candidates are then verified.
CANDIDATE_THRESHOLD = 0.6
BANDS, ROWS = _optimal_param(CANDIDATE_THRESHOLD, NUM_PERM, 0.5, 0.5)
_WORD = re.compile(r"\w+")
_SEED = MinHash(num_perm=NUM_PERM, seed=1)  # its permutations are reused: building them is the slow part
# Word hashes are CRC-32 (stable across processes, unlike hash()); n-grams mix them modulo 2**32.
_MIX, _MASK = np.uint64(0x9E3779B1), np.uint64(0xFFFFFFFF)


@dataclass(frozen=True)
class Signature:
    values: np.ndarray  # uint64[NUM_PERM]

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype="<u8"))

    def similarity(self, other: Signature) -> float:
        return float(np.mean(self.values == other.values))

    def band_keys(self) -> list[int]:
        """One signed 64-bit key per band (fits SQLite INTEGER and PostgreSQL BIGINT)."""
        keys = []
        for b in range(BANDS):
            chunk = self.values[b * ROWS:(b + 1) * ROWS].astype("<u8").tobytes()
            digest = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
            keys.append(int.from_bytes(digest, "big", signed=True))
        return keys


def shingle_hashes(text: str, n: int = 3) -> list[int]:
    """32-bit hashes of the word ``n``-grams of ``text`` (lower-cased), without duplicates.
    Words are hashed once and combined per n-gram with numpy: the n-gram strings are never built."""
    words = _WORD.findall(text.lower())
    h = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    if len(h) >= n:
        g = h[: len(h) - n + 1].copy()
        for k in range(1, n):
            g = (g * _MIX + h[k: len(h) - n + 1 + k]) & _MASK
        h = g
    return np.unique(h).tolist() if len(h) else [0]


def signature(text: str) -> Signature:
    m = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_SEED.permutations, scheme=_SEED.scheme)
    m.update_batch(shingle_hashes(text))
    return Signature(m.hashvalues.copy())
