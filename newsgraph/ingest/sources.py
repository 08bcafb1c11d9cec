"""Walk the inputs and read each one: text, HTML and JSON files, gzip-compressed or not, and stdin.

Input types by extension (after any `.gz`): `.txt`/`.text` plain text, `.html`/`.htm`/`.xhtml` HTML,
`.jsonl`/`.ndjson`/`.json` JSON. Directories are walked recursively in name order, and only files with
these extensions are read there (so a README or a settings file beside the articles is left alone);
hidden entries are skipped. A file named explicitly is read whatever its extension: an unknown one is
sniffed, HTML when the text starts with `<`, plain text otherwise. Compression is recognised by its magic
bytes, whatever the name. `-` means JSON Lines on stdin.

Nothing here raises on bad input: every input that cannot become an article yields a Problem.
"""
from __future__ import annotations

import gzip
import logging
import os
import sys
import zlib
from dataclasses import dataclass
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from newsgraph.ingest.article import Raw, build_article
from newsgraph.ingest.decode import decode_text, is_binary
from newsgraph.ingest.jsonl import iter_records
from newsgraph.model import Article, Problem

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000
STDIN_NAME = "<stdin>"
DEFAULT_LANGUAGES = ("en",)   # what the spaCy model reads

_HTML = {".html", ".htm", ".xhtml", ".shtml"}
_JSON = {".jsonl", ".ndjson", ".json"}
_TEXT = {".txt", ".text"}
_GZIP_MAGIC = b"\x1f\x8b"
# What a broken or truncated gzip stream raises while being read.
_READ_ERRORS = (OSError, EOFError, zlib.error)


def iter_articles(
    paths: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: IO[bytes] | None = None,
    languages: Collection[str] | None = DEFAULT_LANGUAGES,
) -> Iterator[Article | Problem]:
    """Stream clean Articles from files, directories and stdin, with a Problem for each unusable input.

    Args:
        paths: files, directories (walked recursively, sorted, hidden entries skipped) and `-` for stdin.
        max_bytes: largest text accepted per article (after decompression); larger inputs become Problems.
        stdin: the stream `-` reads JSON Lines from (default: the process's standard input, as bytes).
        languages: language codes accepted; a text confidently in another language becomes a Problem.
            None accepts every language (e.g. to measure HTML extraction on multilingual pages).

    Returns:
        A generator: one article is read, cleaned and yielded at a time, so memory does not grow with
        the number of articles or the size of a JSON Lines file.
    """
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}; pass the largest article size in bytes")
    opts = _Options(max_bytes, frozenset(languages) if languages is not None else None)
    for path in paths:
        if path == "-":
            yield from _read_json(stdin or sys.stdin.buffer, STDIN_NAME, STDIN_NAME, opts)
        elif os.path.isdir(path):
            skipped = [0]
            for file in _walk(path, skipped):
                yield from _read_file(file, opts)
            if skipped[0]:
                log.info("%s: skipped %d files that are not .txt, .html, .json or .jsonl", path, skipped[0])
        else:
            yield from _read_file(path, opts)


@dataclass(frozen=True, slots=True)
class _Options:
    """The reading limits every reader below needs."""

    max_bytes: int
    languages: frozenset[str] | None


def _walk(root: str, skipped: list[int]) -> Iterator[str]:
    """Article files under `root`, recursively, in name order; one directory listed at a time.

    Hidden names are skipped; files of other types are counted in `skipped[0]`.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, skipped)
        elif entry.is_file() and _kind(entry.name) != "sniff":
            yield entry.path
        elif entry.is_file():
            skipped[0] += 1


def _read_file(path: str, opts: _Options) -> Iterator[Article | Problem]:
    """Every article in one file (JSON files may hold many)."""
    try:
        handle = open(path, "rb")
    except OSError as err:
        yield Problem(path, f"cannot read: {err.strerror or err}")
        return
    with handle:
        stream: IO[bytes] = handle
        if handle.peek(2)[:2] == _GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=handle)
        kind = _kind(path)
        if kind == "json":
            yield from _read_json(stream, path, Path(path).name, opts)
        else:
            yield _read_single(stream, path, kind, opts)


def _kind(path: str) -> str:
    """The input type from the file name (`.gz` looked through): text, html, json or sniff."""
    name = Path(path)
    if name.suffix.lower() == ".gz":
        name = name.with_suffix("")
    suffix = name.suffix.lower()
    if suffix in _HTML:
        return "html"
    if suffix in _JSON:
        return "json"
    return "text" if suffix in _TEXT else "sniff"


def _read_single(stream: IO[bytes], path: str, kind: str, opts: _Options) -> Article | Problem:
    """A file holding one article, as text or HTML."""
    try:
        data = stream.read(opts.max_bytes + 1)
    except _READ_ERRORS as err:
        return Problem(path, f"cannot read: {err}")
    if len(data) > opts.max_bytes:
        return Problem(path, f"too large (over {opts.max_bytes} bytes)")
    if not data.strip():
        return Problem(path, "empty")
    if is_binary(data):
        return Problem(path, "binary file (NUL bytes), not text")
    name = Path(path).name
    if kind == "sniff":
        kind = "html" if data.lstrip()[:1] == b"<" else "text"
    if kind == "html":
        return build_article(Raw(file=name, where=path, key=path, html=data), languages=opts.languages)
    text = decode_text(data)
    if text is None:
        return Problem(path, "undecodable text (neither UTF-8 nor cp1252)")
    return build_article(Raw(file=name, where=path, key=path, text=text, header=True), languages=opts.languages)


def _read_json(stream: IO[bytes], where: str, name: str, opts: _Options) -> Iterator[Article | Problem]:
    """Every article in a JSON stream, one record at a time."""
    try:
        for item in iter_records(stream, where, max_bytes=opts.max_bytes):
            yield item if isinstance(item, Problem) else _from_record(*item, where=where, name=name, opts=opts)
    except _READ_ERRORS as err:
        yield Problem(where, f"cannot read: {err}")


def _from_record(line: int, record: dict[str, Any], *, where: str, name: str, opts: _Options) -> Article | Problem:
    """One JSON object to an article: `text` or `html`, with optional id, title, url, outlet, published."""
    text, html = record.get("text"), record.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return Problem(where, "JSON object has no text or html field", line)
    given_id = record.get("id")
    key = str(given_id) if isinstance(given_id, (str, int)) and str(given_id) else f"{where}:{line}"
    use_text = isinstance(text, str) and text.strip()
    return build_article(Raw(
        file=name, where=where, key=key, line=line,
        text=text if use_text else None,
        html=None if use_text else html,
        title=_str(record.get("title")),
        outlet=_str(record.get("outlet")),
        url=_str(record.get("url")),
        published=_str(record.get("published")),
    ), languages=opts.languages)


def _str(value: Any) -> str | None:
    """A metadata field as trimmed text, or None when absent, empty or not text."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
