"""Walk the inputs and read each one: text, HTML and JSON files, gzip-compressed or not, and stdin.

Input types by extension (after any `.gz`): `.txt`/`.text` plain text, `.html`/`.htm`/`.xhtml` HTML,
`.jsonl`/`.ndjson`/`.json` JSON. Directories are walked recursively in name order, and only files with
these extensions are read there (so a README or a settings file beside the articles is left alone);
hidden entries are skipped. A file named explicitly is read whatever its extension: an unknown one is
sniffed, HTML when the text starts with `<`, plain text otherwise. Compression is recognised by its magic
bytes, whatever the name. `-` means JSON Lines on stdin.

Inside a folder, symbolic links are followed while they stay inside it; a link leading out of it (unless
`follow_links`) and special files (FIFOs, devices, sockets, which would block or never end) are skipped with a
Problem. A path named explicitly is the user's choice: its links are followed, and a FIFO is read (process
substitution, `<(zcat x.gz)`), but devices and sockets are refused.

Nothing here raises on bad input: every input that cannot become an article yields a Problem.
"""
from __future__ import annotations

import gzip
import io
import logging
import os
import stat
import sys
import zlib
from dataclasses import dataclass
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import TimeLimitError
from newsgraph.ingest.article import Raw, build_article, safe_name
from newsgraph.ingest.decode import decode_or_reason, is_binary
from newsgraph.ingest.jsonl import iter_records
from newsgraph.ingest.limits import DEFAULT_MAX_BYTES, ExpansionGuard, Limits, time_limit
from newsgraph.model import Article, Problem

log = logging.getLogger(__name__)

STDIN_NAME = "<stdin>"
DEFAULT_LANGUAGES = ("en",)   # what the spaCy model reads

_HTML = {".html", ".htm", ".xhtml", ".shtml"}
_JSON = {".jsonl", ".ndjson", ".json"}
_TEXT = {".txt", ".text"}
_GZIP_MAGIC = b"\x1f\x8b"
# What a broken or truncated gzip stream (or a compression bomb) raises while being read.
_READ_ERRORS = (OSError, EOFError, zlib.error)


def iter_articles(
    paths: Sequence[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: IO[bytes] | None = None,
    languages: Collection[str] | None = DEFAULT_LANGUAGES,
    limits: Limits | None = None,
    follow_links: bool = False,
) -> Iterator[Article | Problem]:
    """Stream clean Articles from files, directories and stdin, with a Problem for each unusable input.

    Args:
        paths: files, directories (walked recursively, sorted, hidden entries skipped) and `-` for stdin.
        max_bytes: largest text accepted per article (after decompression); larger inputs become Problems.
            Ignored when `limits` is given.
        stdin: the stream `-` reads JSON Lines from (default: the process's standard input, as bytes).
        languages: language codes accepted; a text confidently in another language becomes a Problem.
            None accepts every language (e.g. to measure HTML extraction on multilingual pages).
        limits: every reading limit (sizes, JSON depth, per-article time); default: `Limits(max_bytes)`.
        follow_links: inside folders, also follow symbolic links that lead out of the folder.

    Returns:
        A generator: one article is read, cleaned and yielded at a time, so memory does not grow with
        the number of articles or the size of a JSON Lines file.
    """
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}; pass the largest article size in bytes")
    opts = _Options(limits or Limits(max_bytes=max_bytes),
                    frozenset(languages) if languages is not None else None, follow_links)
    for path in paths:
        if path == "-":
            yield from _read_json(stdin or sys.stdin.buffer, STDIN_NAME, STDIN_NAME, opts)
        elif os.path.isdir(path):
            skipped = [0]
            real = os.path.realpath(path)
            seen = {_identity(real)}
            for item in _walk(path, real, opts, skipped, seen):
                if isinstance(item, Problem):
                    yield item
                else:
                    yield from _read_file(item, opts)
            if skipped[0]:
                log.info("%s: skipped %d files that are not .txt, .html, .json or .jsonl", path, skipped[0])
        else:
            yield from _named(path, opts)


@dataclass(frozen=True, slots=True)
class _Options:
    """The reading limits every reader below needs."""

    limits: Limits
    languages: frozenset[str] | None
    follow_links: bool = False


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _special(mode: int) -> str | None:
    """What kind of special file a mode describes, or None for regular files and folders."""
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else "not a regular file"


def _named(path: str, opts: _Options) -> Iterator[Article | Problem]:
    """A path given on the command line: followed wherever it leads; a FIFO is read, devices and sockets not."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        yield Problem(safe_name(path), f"cannot read: {err.strerror or err}")
        return
    kind = _special(mode)
    if kind and not stat.S_ISFIFO(mode):
        yield Problem(safe_name(path), f"{kind}, not a file; skipped")
        return
    yield from _read_file(path, opts)


def _walk(root: str, real_root: str, opts: _Options, skipped: list[int],
          seen: set[tuple[int, int] | None]) -> Iterator[str | Problem]:
    """Article files under `root` (or Problems), recursively, in name order; one directory listed at a time.

    Hidden names are skipped; files of other types are counted in `skipped[0]`. A folder reached twice (a link
    to a folder already walked, or a link loop) is walked once.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as err:
        yield Problem(safe_name(root), f"cannot list folder: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if not opts.follow_links and os.path.commonpath([target, real_root]) != real_root:
                    yield Problem(safe_name(entry.path), f"symbolic link leads out of the input folder (to "
                                  f"{safe_name(target)}); skipped (--follow-links reads it)")
                    continue
            info = os.stat(entry.path)  # follows links
        except OSError as err:
            reason = "broken symbolic link" if entry.is_symlink() else f"cannot read: {err.strerror or err}"
            yield Problem(safe_name(entry.path), reason)
            continue
        if stat.S_ISDIR(info.st_mode):
            if (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                yield from _walk(entry.path, real_root, opts, skipped, seen)
        elif (kind := _special(info.st_mode)) is not None:
            yield Problem(safe_name(entry.path), f"{kind}, not a file; skipped")
        elif _kind(entry.name) != "sniff":
            yield entry.path
        else:
            skipped[0] += 1


def _read_file(path: str, opts: _Options) -> Iterator[Article | Problem]:
    """Every article in one file (JSON files may hold many)."""
    where = safe_name(path)
    try:
        handle = open(path, "rb")
    except OSError as err:
        yield Problem(where, f"cannot read: {err.strerror or err}")
        return
    with handle:
        stream: IO[bytes] = handle
        try:
            compressed = handle.peek(2)[:2] == _GZIP_MAGIC
        except OSError as err:  # a folder's entry that vanished or cannot be read (EIO, EISDIR)
            yield Problem(where, f"cannot read: {err.strerror or err}")
            return
        if compressed:
            stream = io.BufferedReader(ExpansionGuard(gzip.GzipFile(fileobj=handle), handle))
        kind = _kind(path)
        if kind == "json":
            yield from _read_json(stream, where, safe_name(Path(path).name), opts)
        else:
            yield _read_single(stream, where, kind, opts)


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


def _read_single(stream: IO[bytes], where: str, kind: str, opts: _Options) -> Article | Problem:
    """A file holding one article, as text or HTML."""
    limits = opts.limits
    limit = limits.max_html_bytes if kind == "html" else limits.max_bytes
    try:
        data = stream.read(limit + 1)
    except _READ_ERRORS as err:
        return Problem(where, f"cannot read: {err}")
    if kind == "sniff":
        kind = "html" if data.lstrip()[:1] == b"<" else "text"
        limit = limits.max_html_bytes if kind == "html" else limits.max_bytes
    if len(data) > limit:
        return Problem(where, f"too large (over {limit} bytes{' of HTML' if kind == 'html' else ''}"
                              f"{', after decompression' if isinstance(getattr(stream, 'raw', None), ExpansionGuard) else ''})")
    if not data.strip():
        return Problem(where, "empty" if not data else "empty (only white space)")
    if is_binary(data):
        return Problem(where, "binary file (NUL bytes), not text")
    name = Path(where).name
    if kind == "html":
        return _build(Raw(file=name, where=where, key=where, html=data), opts)
    text, reason = decode_or_reason(data)
    if text is None:
        return Problem(where, reason)
    return _build(Raw(file=name, where=where, key=where, text=text, header=True), opts)


def _build(raw: Raw, opts: _Options) -> Article | Problem:
    """Extraction and cleaning under the per-article time limit."""
    try:
        with time_limit(opts.limits.time_limit, "extracting the text"):
            return build_article(raw, languages=opts.languages)
    except TimeLimitError as exc:
        return Problem(raw.where, str(exc), raw.line)


def _read_json(stream: IO[bytes], where: str, name: str, opts: _Options) -> Iterator[Article | Problem]:
    """Every article in a JSON stream, one record at a time."""
    limits = opts.limits
    try:
        lines_only = _lines_only(name)
        for item in iter_records(stream, where, max_bytes=limits.max_bytes, max_line_bytes=limits.max_line_bytes,
                                 max_depth=limits.max_depth, lines_only=lines_only):
            yield item if isinstance(item, Problem) else _from_record(*item, where=where, name=name, opts=opts)
    except _READ_ERRORS as err:
        yield Problem(where, f"cannot read: {err}")


def _lines_only(name: str) -> bool:
    """A `.jsonl`/`.ndjson` file is JSON Lines, whatever its first line; a `.json` file and stdin are sniffed."""
    path = Path(name)
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")
    return path.suffix.lower() in (".jsonl", ".ndjson")


def _from_record(line: int, record: dict[str, Any], *, where: str, name: str, opts: _Options) -> Article | Problem:
    """One JSON object to an article: `text` or `html`, with optional id, title, url, outlet, published."""
    text, html = record.get("text"), record.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return Problem(where, "JSON object has no text or html field", line)
    given_id = record.get("id")
    if isinstance(given_id, bool) or not isinstance(given_id, (str, int)):
        given_id = None
    key = str(given_id) if given_id is not None and str(given_id) else f"{where}:{line}"
    use_text = isinstance(text, str) and text.strip()
    if not use_text and len(html) > opts.limits.max_html_bytes:
        return Problem(where, f"HTML too large (over {opts.limits.max_html_bytes} characters)", line)
    return _build(Raw(
        file=name, where=where, key=key, line=line,
        text=text if use_text else None,
        html=None if use_text else html,
        title=_str(record.get("title")),
        outlet=_str(record.get("outlet")),
        url=_str(record.get("url")),
        published=_str(record.get("published")),
    ), opts)


def _str(value: Any) -> str | None:
    """A metadata field as trimmed text, or None when absent, empty or not text."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
