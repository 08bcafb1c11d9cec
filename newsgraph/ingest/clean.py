"""Cleaning: drop the lines that are not article body (links, captions, prompts...) by general rules.

Rules live in `boilerplate.yaml`, one category per kind of page furniture, each with regexes tried on one
stripped line and a word limit (body paragraphs are long, page furniture is short). Two cases need more
than one line at a time:

- a link glued to the next paragraph ("Also read: Talks stallThe minister said ..."): the link part is cut
  off where a lower-case letter runs into a capitalised word and a full sentence follows;
- a summary box title alone on its line ("Key highlights"): the bullet lines under it go with it;
- a list heading alone on its line ("Most viewed", "Related posts"): the story titles under it go with it;
- reader comments: a comments heading ("12 Comments", "Leave a Reply") with comment furniture ("X says:",
  "Reply", a comment's date, "user_42: ...") in the lines after it starts the comments, which run to the end
  of the page.

A line of segments between separators ("PTI | New Delhi | Updated: Jan 3, 2024") is page furniture when one
segment is a byline, date or credit and every other one is furniture too or a short name (a place, a desk).
Scrapers often drop the separator between such fields ("By Ann LeeUpdated 3 March 2024", "Web DeskJanuary 18,
2024"): the same test runs on the line cut at the points where a word runs into a capital or a digit.

Rules marked `context: true` in the YAML are never tried on a line alone (a "user_42: text" line is a comment
only under a comments heading).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).with_name("boilerplate.yaml")

_BULLET = re.compile(r"^\s*[•·\-*–▪►●◦✓]\s*\S")
# Glue point: a word of 3+ letters (ending lower-case) runs into a capitalised word.
_GLUE = re.compile(r"(?<=[A-Za-z][a-z]{2})(?=[A-Z][a-z]+\s)|(?<=[a-z][’'\")\]])(?=[A-Z][a-z]+\s)")
_MIN_GLUED_HEAD_WORDS = 2     # the story title kept in the link
_MIN_GLUED_BODY_WORDS = 8     # the paragraph after it must be a real sentence ...
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")   # ... ending like one
_MAX_BOX_LINES = 8           # lines under a box title, when they are not bullets
_SEPARATOR = re.compile(r"\s+[|•·/–—]\s+|\s*\|\s*")
# Joints of fields glued by a scraper: "LindqvistUpdated", "REPORTERJanuary", "Lindqvist3 Dec", "2024Reading".
_JOINT = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-z]{2})(?=\d)|(?<=\d)(?=[A-Z][a-z])")
_PROSE_END = re.compile(r"[a-z]{3}[.!?][\"”’)]?$")      # a line ending like a sentence is not a glued byline
_META_RULES = frozenset({"byline", "timestamp", "desk", "agency", "caption", "credit"})
_SHORT_NAME = re.compile(r"^[A-Z][\w.'’&-]*(\s+[\w.'’&-]+){0,3}$")   # "New Delhi", "Islamabad", "World"
_COMMENT_LOOKAHEAD = 6       # non-empty lines after a comments heading searched for comment furniture
_LIST_HEADING = "related"    # the rule whose lines head a list of story titles
_MAX_LIST_LINES = 12         # story titles under a list heading
_MAX_TITLE_WORDS = 20
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")


@dataclass(frozen=True, slots=True)
class Rule:
    """One category of page furniture."""

    name: str
    pattern: re.Pattern[str]
    max_words: int
    context: bool = False      # only part of a multi-line check, never a rule for a line alone


@lru_cache(maxsize=None)
def load_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    """The boilerplate rules, compiled once per process (one alternation per category)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if next(iter(data)) != "link":
        raise ValueError(f"{path}: the first rule must be 'link' (glued links are split by it), got {next(iter(data))!r}")
    return tuple(
        Rule(name, re.compile("|".join(f"(?:{p})" for p in spec["patterns"]), re.IGNORECASE), spec["max_words"],
             bool(spec.get("context", False)))
        for name, spec in data.items()
    )


def match_rule(line: str, rules: tuple[Rule, ...] | None = None) -> str | None:
    """The name of the rule that marks this line as boilerplate, or None for a body line."""
    text = line.strip()
    words = len(text.split())
    rules = rules or load_rules()
    for rule in rules:
        if not rule.context and words <= rule.max_words and rule.pattern.search(text):
            return rule.name
    found = _segmented(text, rules)
    if found is None and _JOINT.search(text) and not _PROSE_END.search(text):
        found = _segmented(_JOINT.sub(" | ", text), rules)
    return found


def _segmented(text: str, rules: tuple[Rule, ...]) -> str | None:
    """'PTI | New Delhi | Updated: Jan 3, 2024 10:45 IST': every segment furniture or a short name, one a credit."""
    parts = [p.strip() for p in _SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2 or len(text.split()) > 30:
        return None
    names = [next((r.name for r in rules
                   if not r.context and len(p.split()) <= r.max_words and r.pattern.search(p)), None)
             for p in parts]
    if not any(n in _META_RULES for n in names):
        return None
    if all(n is not None or _SHORT_NAME.match(p) for n, p in zip(names, parts)):
        return "byline"
    return None


def _comments_start(lines: list[str], i: int, rules: tuple[Rule, ...]) -> bool:
    """Line i is a comments heading with comment furniture in the next few non-empty lines."""
    by_name = {r.name: r for r in rules}
    header = by_name.get("comment_header")
    metas = [by_name[name] for name in ("comment_meta", "comment_line") if name in by_name]
    if header is None or not metas:
        return False
    text = lines[i].strip()
    if len(text.split()) > header.max_words or not header.pattern.search(text):
        return False
    following = [ln.strip() for ln in lines[i + 1:] if ln.strip()][:_COMMENT_LOOKAHEAD]
    return any(len(ln.split()) <= m.max_words and m.pattern.search(ln) for ln in following for m in metas)


def split_glued(line: str) -> tuple[str, str] | None:
    """A link line glued to a body paragraph, as (link, body); None when the line is not glued."""
    text = line.strip()
    for match in _GLUE.finditer(text):
        head, body = text[: match.start()], text[match.start():]
        if (len(head.split()) >= _MIN_GLUED_HEAD_WORDS + 2   # the cue ("Also read:") plus a title
                and len(body.split()) >= _MIN_GLUED_BODY_WORDS and _SENTENCE_END.search(body)):
            return head, body
    return None


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """The body of `text` without boilerplate lines, and the removed lines in order.

    Paragraph breaks are kept (runs of blank lines become one blank line).
    """
    rules = load_rules()
    lines = text.splitlines()
    kept: list[str] = []
    removed: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip():
            kept.append("")
            continue
        if _comments_start(lines, i - 1, rules):
            removed.extend(ln.strip() for ln in lines[i - 1:] if ln.strip())
            break
        glued = _glued_link(line, rules[0])
        if glued:
            removed.append(glued[0])
            kept.append(glued[1])
            continue
        rule = match_rule(line, rules)
        if rule is None:
            kept.append(line.rstrip())
            continue
        removed.append(line.strip())
        taken = 0
        if rule == "highlights" and len(line.split()) <= 4:
            taken = _box_lines(lines, i)
        elif _list_heading(line, rules):
            taken = _list_lines(lines, i, rules)
        removed.extend(lines[j].strip() for j in range(i, i + taken) if lines[j].strip())
        i += taken
    return _join(kept), tuple(removed)


def _list_heading(line: str, rules: tuple[Rule, ...]) -> bool:
    heading = next((r for r in rules if r.name == _LIST_HEADING), None)
    text = line.strip()
    return heading is not None and len(text.split()) <= heading.max_words and bool(heading.pattern.search(text))


def _title_like(line: str) -> bool:
    """A story title in a list: short, and not ending like a sentence (titles carry no final stop)."""
    text = line.strip()
    if _BULLET.match(text) or _NUMBERED.match(text):
        text = text.lstrip("•·-*–▪►●◦✓0123456789.) ")
    return 0 < len(text.split()) <= _MAX_TITLE_WORDS and not re.search(r"[.!:;,]$", text)


def _list_lines(lines: list[str], start: int, rules: tuple[Rule, ...]) -> int:
    """How many lines after a list heading ("Most viewed") are the story titles of the list.

    Titles run on (single blank lines between them allowed) until a line that is not one; a title-like
    line followed at once by a line starting in lower case is a hard-wrapped paragraph, and ends the list;
    furniture of its own ("Leave a Reply") ends it too, so that its own rule handles it.
    """
    j, end, count = start, start, 0
    while j < len(lines) and count < _MAX_LIST_LINES:
        if not lines[j].strip():
            if j + 1 < len(lines) and not lines[j + 1].strip():
                break
            j += 1
            continue
        nxt = lines[j + 1].strip() if j + 1 < len(lines) else ""
        if not _title_like(lines[j]) or nxt[:1].islower() or match_rule(lines[j], rules):
            break
        count += 1
        j += 1
        end = j
    return end - start


def _glued_link(line: str, link: Rule) -> tuple[str, str] | None:
    """Split a line that starts with a story link and goes on with body text (any length)."""
    if not link.pattern.search(line.strip()):
        return None
    return split_glued(line)


def _box_lines(lines: list[str], start: int) -> int:
    """How many lines after a summary-box title belong to the box.

    Bullets (after any blank lines) always do; otherwise the short block up to the next blank line,
    when there is one within a few lines (plain text separates paragraphs by blank lines).
    """
    j = start
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j < len(lines) and _BULLET.match(lines[j]):
        while j < len(lines) and (_BULLET.match(lines[j]) or not lines[j].strip()):
            j += 1
        return j - start
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    if end == start or end - start > _MAX_BOX_LINES or end == len(lines):
        return 0
    return end - start


def _join(lines: list[str]) -> str:
    """Lines back into text with single blank lines between paragraphs."""
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
