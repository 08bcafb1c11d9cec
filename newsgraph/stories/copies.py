"""Near-copies (wire copy republished, one article under two URLs) by MinHash of word shingles (datasketch).

Each article keeps its MinHash signature and its locality-sensitive band keys in the store, so finding the
articles that may share its text is an indexed lookup, never a scan. Containment (the share of the new text's
shingles found in the earlier one) is estimated from the Jaccard estimate and the two shingle counts; an article
whose text is mostly inside an earlier original (an article that is no copy itself) is a copy of it.
"""
from __future__ import annotations

import re
import threading
import zlib
from typing import Any

import numpy as np
from datasketch import MinHash

SHINGLE = 5            # words per shingle
NUM_PERM = 128
BANDS, ROWS = 32, 4    # LSH: texts with Jaccard >= about 0.42 share a band with high probability
MIN_SHINGLES = 20      # shorter texts are not judged: a few shared phrases prove nothing
COPY_CONTAINMENT = 0.8  # most of the text is in the earlier article: a copy, not a rewrite

_word = re.compile(r"\w+")
# One set of permutations for every signature (datasketch draws them from the seed; drawing once is cheaper), and
# CRC-32 of the shingle as the base hash: stable across processes and far cheaper than datasketch's default SHA-1.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)
_START = _TEMPLATE.hashvalues.copy()   # an empty signature
_LOCAL = threading.local()             # one MinHash per thread, reset for each text (its permutations parsed once)


def _minhash() -> MinHash:
    mh = getattr(_LOCAL, "mh", None)
    if mh is None:
        mh = _LOCAL.mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32,
                                 permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    mh.hashvalues = _START.copy()
    return mh


def signature(text: str, words: list[str] | None = None) -> tuple[int, np.ndarray] | None:
    """(number of distinct shingles, MinHash hash values), or None for a text too short to judge. `words`: the
    text's lowered runs of word characters when the caller has them already (`features.words_of`)."""
    if words is None:
        words = _word.findall(text.lower())
    shingles = set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)))))   # each run of SHINGLE words
    if len(shingles) < MIN_SHINGLES:
        return None
    mh = _minhash()
    mh.update_batch(list(map(str.encode, shingles)))   # UTF-8
    return len(shingles), mh.hashvalues.astype(np.uint64)


def bands(values: np.ndarray) -> list[str]:
    return [f"{b}:{values[b * ROWS:(b + 1) * ROWS].tobytes().hex()}" for b in range(BANDS)]


def containment(n_a: int, sig_a: np.ndarray, n_b: int, sig_b: np.ndarray) -> float:
    """Estimated share of A's shingles found in B: |A∩B| / |A| = J (|A| + |B|) / ((1 + J) |A|)."""
    j = float(np.mean(sig_a == sig_b))
    return min(1.0, j * (n_a + n_b) / ((1 + j) * n_a)) if j else 0.0


def find_original(conn: Any, article_id: str, text: str, words: list[str] | None = None) -> tuple[str, float] | None:
    """Return (original id, containment) when the article is a copy of an earlier original of the store; else
    record its signature and bands, so later articles can be matched against it."""
    sig = signature(text, words)
    if sig is None:
        return None
    n, values = sig
    keys = bands(values)
    best: tuple[float, str] | None = None
    marks = ",".join("?" * len(keys))
    # Only originals are candidates: a wire story republished a hundred times is compared once, not a hundred
    # times (a copy's text is its original's, and the answer is the original anyway).
    rows = conn.execute(f"SELECT DISTINCT s.article_id, s.shingles, s.signature FROM copy_bands b"
                        f" JOIN copy_signatures s ON s.article_id = b.article_id"
                        f" JOIN articles a ON a.id = b.article_id AND a.copy_of IS NULL AND a.story_id IS NOT NULL"
                        f" WHERE b.band IN ({marks}) AND b.article_id <> ?", (*keys, article_id)).fetchall()
    for row in rows:
        other = np.frombuffer(bytes(row["signature"]), np.uint64)
        c = containment(n, values, row["shingles"], other)
        if c >= COPY_CONTAINMENT and (best is None or c > best[0] or (c == best[0] and row["article_id"] < best[1])):
            best = (c, row["article_id"])
    if best is not None:
        # A copy is never a candidate itself (above), so its signature and bands would only be written to be
        # skipped: with syndication most of the store's articles, and most of this stage's writes.
        return best[1], round(best[0], 3)
    conn.execute("INSERT INTO copy_signatures (article_id, shingles, signature) VALUES (?,?,?)"
                 " ON CONFLICT (article_id) DO NOTHING", (article_id, n, values.tobytes()))
    conn.executemany("INSERT INTO copy_bands (band, article_id) VALUES (?,?) ON CONFLICT DO NOTHING",
                     [(k, article_id) for k in keys])
    return None
