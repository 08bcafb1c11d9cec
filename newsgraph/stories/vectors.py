"""Sparse vectors of one article or one story, packed into a BLOB (portable: BLOB in SQLite, BYTEA in PostgreSQL).

A vector holds one block per signal (`KINDS`): sorted int32 feature indices with float32 weights, and a count. For
an article each block is L2-normalised and the count is 1 when the block is not empty; for a story the blocks are
the sums of its articles' blocks and the count says how many articles contributed. The dot product of an article's
block with a story's sum, divided by that count, is then exactly the article's mean cosine to the story's articles:
average-link clustering, computed online from one stored row per story.
"""
from __future__ import annotations

import struct

import numpy as np

KINDS = ("body", "title", "actors", "persons", "places", "events")
MAX_STORY_TERMS = 3000   # a story's sum keeps its heaviest terms per block, so its row stays small

Block = tuple[np.ndarray, np.ndarray, float]   # indices, weights, count
Vector = dict[str, Block]

_EMPTY = (np.zeros(0, np.int32), np.zeros(0, np.float32), 0.0)


def empty() -> Vector:
    return {k: _EMPTY for k in KINDS}


def block(weights: dict[int, float]) -> Block:
    """An L2-normalised block from {index: weight}."""
    if not weights:
        return _EMPTY
    idx = np.fromiter(sorted(weights), np.int32, len(weights))
    w = np.array([weights[i] for i in idx.tolist()], np.float32)
    norm = float(np.sqrt(np.dot(w, w)))
    return (idx, w / norm, 1.0) if norm > 0 else _EMPTY


def unit(story: Vector) -> Vector:
    """A story's sums as one article's vector: each block scaled to unit length, count 1."""
    out: Vector = {}
    for kind in KINDS:
        idx, w, _ = story[kind]
        norm = float(np.sqrt(np.dot(w, w))) if len(idx) else 0.0
        out[kind] = (idx, w / norm, 1.0) if norm > 0 else _EMPTY
    return out


def pack(vector: Vector) -> bytes:
    parts = []
    for kind in KINDS:
        idx, w, count = vector.get(kind, _EMPTY)
        parts.append(struct.pack("<If", len(idx), count))
        parts.append(np.asarray(idx, "<i4").tobytes())
        parts.append(np.asarray(w, "<f4").tobytes())
    return b"".join(parts)


def unpack(data: bytes) -> Vector:
    data = bytes(data)  # PostgreSQL hands back a memoryview
    out: Vector = {}
    pos = 0
    for kind in KINDS:
        n, count = struct.unpack_from("<If", data, pos)
        pos += 8
        # read-only views of the row on a little-endian machine (nothing changes a vector in place)
        idx = np.frombuffer(data, "<i4", n, pos).astype(np.int32, copy=False)
        pos += 4 * n
        w = np.frombuffer(data, "<f4", n, pos).astype(np.float32, copy=False)
        pos += 4 * n
        out[kind] = (idx, w, count)
    return out


def dot(a: Block, b: Block) -> float:
    if not len(a[0]) or not len(b[0]):
        return 0.0
    pos = np.searchsorted(b[0], a[0])   # both sorted: where each of a's indices would sit in b's
    pos[pos == len(b[0])] = 0
    hit = b[0][pos] == a[0]
    return float(np.dot(a[1][hit], b[1][pos[hit]]))


def mean_cosines(article: Vector, story: Vector) -> dict[str, float]:
    """Per block, the article's mean cosine to the story's articles that have the block (None-free: only shared
    blocks are returned)."""
    out = {}
    for kind in KINDS:
        a, s = article[kind], story[kind]
        if len(a[0]) and len(s[0]) and s[2] > 0:
            out[kind] = min(1.0, dot(a, s) / s[2])
    return out


def centroid_cosines(article: Vector, story: Vector) -> dict[str, float]:
    """Per shared block, the cosine of the article to the story's sum (its centroid's direction)."""
    out = {}
    for kind in KINDS:
        a, s = article[kind], story[kind]
        if len(a[0]) and len(s[0]):
            norm = float(np.sqrt(np.dot(s[1], s[1])))
            out[kind] = min(1.0, dot(a, s) / norm) if norm else 0.0
    return out


def both_cosines(article: Vector, story: Vector) -> tuple[dict[str, float], dict[str, float]]:
    """`centroid_cosines` and `mean_cosines` from one dot product per block (assignment needs both)."""
    centroid, mean = {}, {}
    for kind in KINDS:
        a, s = article[kind], story[kind]
        if len(a[0]) and len(s[0]):
            d = dot(a, s)
            norm = float(np.sqrt(np.dot(s[1], s[1])))
            centroid[kind] = min(1.0, d / norm) if norm else 0.0
            if s[2] > 0:
                mean[kind] = min(1.0, d / s[2])
    return centroid, mean


def add(story: Vector, article: Vector, sign: float = 1.0) -> Vector:
    """The story's sums with an article added (sign 1) or taken out (sign -1)."""
    out: Vector = {}
    for kind in KINDS:
        si, sw, sc = story[kind]
        ai, aw, ac = article[kind]
        if not len(ai):
            out[kind] = (si, sw, sc)
            continue
        idx, inverse = np.unique(np.concatenate([si, ai]), return_inverse=True)
        w = np.bincount(inverse, weights=np.concatenate([sw, sign * aw]), minlength=len(idx)).astype(np.float32)
        keep = w > 1e-6
        idx, w = idx[keep], w[keep]
        if len(idx) > MAX_STORY_TERMS:
            top = np.sort(np.argsort(-w, kind="stable")[:MAX_STORY_TERMS])
            idx, w = idx[top], w[top]
        out[kind] = (idx.astype(np.int32), w, max(0.0, sc + sign * ac))
    return out
