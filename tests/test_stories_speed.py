"""Stories: the shortcuts of the assignment's hot path give exactly what the plain versions gave (the stored
vectors, signatures and index entries of existing stores must stay comparable with new ones)."""
from __future__ import annotations

import sys
import zlib

import numpy as np
from datasketch import MinHash

from newsgraph.stories import copies, features, vectors

assign_mod = sys.modules["newsgraph.stories.assign"]

TEXTS = [
    "The port of Valmora reopened on Monday; dockers' leaders said the 12-hour shifts were over.",
    "Ünïcode names: São Tomé, Zürich, İstanbul and Αθήνα — all in one line, with a_b snake_case and x1 y2.",
    "I a an the of AND Or but: stop words, single letters (a, b, c) and numbers 1 22 333 4444.",
    "",
    "Repeated repeated REPEATED words words, and the same word in the same text again: repeated.",
]


def plain_hash(text: str) -> dict[int, float]:
    """scikit-learn's own HashingVectorizer, as the stage used it before."""
    row = features._words.transform([text])
    return dict(zip(row.indices.tolist(), row.data.tolist()))


def plain_signature(text: str):
    words = copies._word.findall(text.lower())
    shingles = {" ".join(words[i:i + copies.SHINGLE]) for i in range(len(words) - copies.SHINGLE + 1)}
    if len(shingles) < copies.MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=copies.NUM_PERM, seed=1, hashfunc=lambda b: zlib.crc32(b),
                 permutations=copies._TEMPLATE.permutations, scheme=copies._TEMPLATE.scheme)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return len(shingles), mh.hashvalues.astype(np.uint64)


def test_stories_word_counts_equal_the_hashing_vectorizer():
    for text in TEXTS:
        assert features._hash_words(features.words_of(text)) == plain_hash(text), text
    # the word -> index cache gives the same a second time
    assert features._hash_words(features.words_of(TEXTS[0])) == plain_hash(TEXTS[0])


def test_stories_copy_signature_equals_datasketch_on_joined_shingles():
    long = " ".join(TEXTS * 6) + " " + " ".join(f"w{i}" for i in range(40))
    for text in [long, TEXTS[0], " ".join(TEXTS[1:] * 4)]:
        got, want = copies.signature(text), plain_signature(text)
        assert (got is None) == (want is None)
        if got is not None:
            assert got[0] == want[0] and np.array_equal(got[1], want[1])
            assert np.array_equal(copies.signature(text, features.words_of(text))[1], want[1])


def test_stories_top_keys_equal_the_plain_loop():
    rng = np.random.default_rng(3)
    for _ in range(50):
        vector = {}
        for kind in vectors.KINDS:
            n = int(rng.integers(0, 30))
            idx = np.unique(rng.integers(0, 60, n)).astype(np.int32)   # shared indices across blocks
            w = rng.choice([0.1, 0.2, 0.25, 0.5], len(idx)).astype(np.float32)   # many ties
            vector[kind] = (idx, w, 1.0 if len(idx) else 0.0)
        best: dict[int, float] = {}
        for kind in vectors.KINDS:
            for i, x in zip(vector[kind][0].tolist(), vector[kind][1].tolist()):
                best[i] = max(best.get(i, 0.0), x)
        want = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:16]
        assert assign_mod._top_keys(vector, 16) == want
    assert assign_mod._top_keys(vectors.empty(), 16) == []


def test_stories_weights_equal_the_formula():
    counts = {1: 1.0, 2: 3.0, 3: 2.0, 4: 1.0, 5: 0.0}
    df = {1: 4, 2: 4, 3: 1}
    n = 17
    want = {k: (1.0 + np.log(tf)) * (np.log((1 + n) / (1 + df.get(k, 1))) + 1.0) for k, tf in counts.items() if tf}
    got = features.weigh(counts, df, n)
    assert got.keys() == want.keys() and all(abs(got[k] - want[k]) < 1e-12 for k in want)
