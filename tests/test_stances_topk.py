"""The top-k shortcut of the stance listing gives exactly the rows a full sort gives, ties after rounding too."""
import random

from newsgraph.stances.query import _heaviest


def _full(items, limit):
    return sorted(items, key=lambda r: (-round(r[9], 3), r[0], r[1]))[:limit]


def test_heaviest_equals_full_sort():
    rng = random.Random(3)
    for trial in range(200):
        # magnitudes on a coarse grid plus tiny noise: many items round to the same value as the limit-th one
        items = [(f"S{rng.randint(0, 30):02d}", f"T{i:04d}", "all", 1, 0, 0, 1, 0, 0.5,
                  rng.randint(1, 40) / 20 + rng.choice((0.0, 0.0004, -0.0004, 0.00049)), None, None)
                 for i in range(rng.randint(1, 600))]
        limit = rng.randint(1, 60)
        assert _heaviest(list(items), limit)[:limit] == _full(items, limit), trial
        assert _heaviest(list(items), None) == _full(items, None)
