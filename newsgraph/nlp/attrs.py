"""A faster matcher for spaCy's attribute ruler, with the same output.

The English pipelines' `attribute_ruler` maps each tag to its part of speech and morphology with about 180 one- and
two-token Matcher patterns. spaCy's general Matcher runs every pattern's state machine over every token, which
costs about a tenth of the whole model's time; these patterns only test a token's tag, lower form, dependency
label and whether it is a space, so an index on those values finds the same matches in a few dictionary lookups.

`speed_up(ruler)` replaces the ruler's `match` and `set_annotations` on that one instance. The matches are the
Matcher's (same rules, same spans, applied in the same order: a later rule wins); a ruler holding any pattern
this module does not understand is left exactly as spaCy made it. `tests/test_nlp_attrs.py` checks the output
token by token against the stock ruler.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}   # position in the per-token tuple
COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
Test = Callable[[list], bool]


class Unsupported(ValueError):
    """A pattern uses something this matcher does not implement (an operator, a key, a regex on a hash)."""


def _value_test(ruler: AttributeRuler, key: str, spec: Any) -> tuple[Callable[[Any], bool], set | None]:
    """A test of one attribute value, and the exact values it accepts when it accepts only a few (for the index)."""
    strings = ruler.vocab.strings
    if key == "IS_SPACE":
        if not isinstance(spec, bool):
            raise Unsupported(f"IS_SPACE {spec!r}")
        return (lambda v: bool(v) == spec), {int(spec)}
    if isinstance(spec, str):
        h = strings.add(spec)
        return (lambda v: v == h), {h}
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN":
            hs = frozenset(strings.add(s) for s in arg)
            return (lambda v: v in hs), set(hs)
        if op == "NOT_IN":
            hs = frozenset(strings.add(s) for s in arg)
            return (lambda v: v not in hs), None
        if op == "REGEX":
            rx, seen = re.compile(arg), {}

            def test(v: int) -> bool:  # a regex on the string the hash stands for, remembered per hash
                if v not in seen:
                    seen[v] = rx.search(strings[v]) is not None
                return seen[v]
            return test, None
    raise Unsupported(f"{key} {spec!r}")


def _token_test(ruler: AttributeRuler, spec: dict) -> tuple[Test, tuple[int, set] | None]:
    """A test of one token of a pattern, and the most selective index entry for it (key position, values)."""
    if not spec or any(k not in KEYS for k in spec):
        raise Unsupported(str(spec))
    tests, index = [], None
    for key, value in spec.items():
        test, values = _value_test(ruler, key, value)
        tests.append((KEYS[key], test))
        if values is not None and (index is None or len(values) < len(index[1])):
            index = (KEYS[key], values)
    return (lambda row: all(t(row[k]) for k, t in tests)), index


class FastMatcher:
    """The attribute ruler's rules, indexed on the first token's exact values.

    Whether a token matches a one-token rule, or could start a longer one, depends on nothing but its (tag, lower
    form, dependency, is-space) row, and news text repeats a small set of rows: what each row matches is worked out
    once and remembered (the memo is cleared past `MAX_ROWS`, so memory stays bounded).
    """

    MAX_ROWS = 100_000

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.by_value: list[dict[int, list]] = [{} for _ in KEYS]
        self.anywhere: list = []                      # rules whose first token has no exact value to index
        self.rows: dict[tuple, tuple[tuple[int, ...], list]] = {}   # row -> (one-token rules, longer candidates)
        for rule in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(ruler.vocab.strings[str(rule)])
            for pattern in patterns:
                compiled = [_token_test(ruler, spec) for spec in pattern]
                entry = (rule, len(pattern), [t for t, _ in compiled])
                first = compiled[0][1]
                if first is None:
                    self.anywhere.append(entry)
                else:
                    for value in first[1]:
                        self.by_value[first[0]].setdefault(value, []).append(entry)

    def _read_row(self, row: tuple) -> tuple[tuple[int, ...], list]:
        """The one-token rules a token of this row matches (sorted, each once), and the longer rules (rule,
        length, tests of the following tokens) whose first token it matches."""
        one, longer = set(), []
        for candidates in (self.anywhere, *(self.by_value[k].get(row[k], ()) for k in (0, 1, 2, 3))):
            for rule, length, tests in candidates:
                if tests[0](row):
                    if length == 1:
                        one.add(rule)
                    else:
                        longer.append((rule, length, tests[1:]))
        if len(self.rows) >= self.MAX_ROWS:
            self.rows.clear()
        read = self.rows[row] = (tuple(sorted(one)), longer)
        return read

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(rule, start, end) of every match, sorted as the stock ruler sorts them."""
        rows = list(map(tuple, doc.to_array(COLUMNS).tolist()))
        n, found, longer, memo = len(rows), [], set(), self.rows
        for i, row in enumerate(rows):
            read = memo.get(row)
            if read is None:
                read = self._read_row(row)
            for rule in read[0]:
                found.append((rule, i, i + 1))
            for rule, length, tests in read[1]:
                if i + length <= n and all(test(rows[i + j]) for j, test in enumerate(tests, 1)):
                    longer.add((rule, i, i + length))
        found.extend(longer)   # a longer match never equals a one-token one; the set drops repeats among them
        found.sort()
        return found


def speed_up(ruler: Any) -> bool:
    """Give this attribute ruler the fast matcher; False (and the ruler untouched) when a pattern is unsupported."""
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        fast = FastMatcher(ruler)
    except Unsupported:
        return False
    attrs, indices = ruler.attrs, ruler.indices

    def set_annotations(doc: Doc, matches: list[tuple[int, int, int]]) -> None:
        for rule, start, end in matches:
            index = indices[rule]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                raise ValueError(f"attribute ruler: index {index} outside a match of {end - start} tokens")
            set_token_attrs(doc[at], attrs[rule])

    ruler.match = fast.match
    ruler.set_annotations = set_annotations
    return True
