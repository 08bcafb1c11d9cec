"""From raw input (text or HTML plus what the source said about it) to a clean Article or a Problem."""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from newsgraph.ingest.clean import clean_text
from newsgraph.ingest.decode import scrub
from newsgraph.ingest.html import extract_page
from newsgraph.ingest.lang import foreign_language
from newsgraph.ingest.meta import is_headline, parse_date, read_header
from newsgraph.model import Article, Problem


@dataclass(frozen=True, slots=True)
class Raw:
    """One input article before cleaning: its text or HTML and the metadata its source gave."""

    file: str                     # base name for Article.file
    where: str                    # path shown in Problems
    key: str                      # fallback identity: the path (plus :line), or a JSON id
    text: str | None = None
    html: bytes | str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    line: int | None = None
    header: bool = False          # plain text file: may carry a `Key: value` header block


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


def safe_name(path: str) -> str:
    """A path as shown in Problems and stored as a key: bytes that are not UTF-8 (kept by the OS as surrogate
    escapes) become `\\xNN`, and control characters (a newline in a file name) become escapes too, so every
    Problem stays one line and every key can be stored."""
    name = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", name) if _UNPRINTABLE.search(name) else name


def text_hash(text: str) -> str:
    """sha256 of the text after NFKC normalisation and whitespace collapsing (stable across reflowing)."""
    normal = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def build_article(raw: Raw, *, languages: Collection[str] | None = ("en",)) -> Article | Problem:
    """Clean one raw input into an Article, or say why it cannot be one.

    Args:
        raw: the input and its metadata.
        languages: accepted language codes; None accepts any language.
    """
    fields = {"title": raw.title, "outlet": raw.outlet, "url": raw.url, "published": raw.published}
    # JSON can carry what no article holds and SQLite cannot store: NULs, stray controls, lone surrogates.
    fields = {name: scrub(value) if value else value for name, value in fields.items()}
    if raw.html is not None:
        page = extract_page(raw.html, url=raw.url)
        if page is None:
            return Problem(raw.where, "no article text found in the HTML", raw.line)
        text = scrub(page.text)
        for name in fields:
            fields[name] = fields[name] or scrub(getattr(page, name) or "") or None
    else:
        text = scrub(raw.text or "")
        if raw.header:
            text, header = _split_header(text)
            for name, value in header.items():
                fields[name] = fields[name] or value
    body, boilerplate = clean_text(text)
    body, fields["title"] = _take_title(body, fields["title"], guess=raw.html is None)
    if not body:
        reason = "no article text left after cleaning" if boilerplate else "empty"
        return Problem(raw.where, reason, raw.line)
    digest = text_hash(body)
    article = Article(
        id=digest[:16],
        file=raw.file,
        key=fields["url"] or scrub(raw.key),
        text=body,
        title=fields["title"],
        outlet=fields["outlet"],
        url=fields["url"],
        published=parse_date(fields["published"]),
        boilerplate=boilerplate,
        line=raw.line,
        text_hash=digest,
    )
    foreign = foreign_language(body, languages) if languages is not None else None
    if foreign:
        reason = f"not English (looks like '{foreign[0]}', p={foreign[1]:.2f}); text extracted, not analysed"
        return Problem(raw.where, reason, raw.line, article=article)
    return article


def _split_header(text: str) -> tuple[str, dict[str, str]]:
    """A plain text's header block as fields, and the text after it."""
    lines = text.splitlines()
    header, used = read_header(lines)
    return ("\n".join(lines[used:]), header) if used else (text, {})


def _take_title(body: str, title: str | None, *, guess: bool) -> tuple[str, str | None]:
    """The body without its headline line, and the title.

    A first line that repeats the known title is dropped; with no title known, a headline-looking first
    line followed by more text becomes the title (plain text only: HTML titles come from the page).
    """
    first, sep, rest = body.partition("\n")
    if not sep or not rest.strip():
        return body, title
    if title:
        same = " ".join(first.split()).casefold() == " ".join(title.split()).casefold()
        return (rest.strip(), title) if same else (body, title)
    # A next line starting in lower case continues the first one: hard-wrapped text, not a headline.
    if guess and is_headline(first) and not rest.lstrip()[:1].islower():
        return rest.strip(), " ".join(first.split())
    return body, title
