"""JSON inputs, read as a stream: JSON Lines, a JSON array of objects, or one (pretty-printed) object.

Memory stays bounded by the largest record, never by the file: lines are read one at a time and an array
is decoded item by item. Every bad line or item becomes a Problem with its line number. Nesting deeper than
`max_depth` is refused before parsing (Python's parser recurses, and would end the run with RecursionError).
"""
from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from typing import IO, Any

from newsgraph.ingest.limits import DEFAULT_MAX_DEPTH, too_deep
from newsgraph.model import Problem

_CHUNK = 1 << 16
_WS = " \t\r\n"
Record = tuple[int, dict[str, Any]]


def iter_records(stream: IO[bytes], where: str, *, max_bytes: int, max_line_bytes: int | None = None,
                 max_depth: int = DEFAULT_MAX_DEPTH, lines_only: bool = False) -> Iterator[Record | Problem]:
    """(line number, object) for each article object in a JSON stream, or a Problem for each bad one.

    The first line decides the layout: `[` starts an array; a line that is a whole JSON value starts
    JSON Lines; a line that opens an object without closing it starts one multi-line object.

    Args:
        max_bytes: largest whole JSON document (one multi-line object).
        max_line_bytes: largest JSON Lines line or array item (default: `max_bytes`).
        max_depth: deepest nesting of arrays and objects accepted.
        lines_only: JSON Lines whatever the first line looks like (a `.jsonl` file): one broken line, even one
            that opens an array, never costs the lines after it.
    """
    line_bytes = max_line_bytes or max_bytes
    first = stream.readline(line_bytes + 1).removeprefix(codecs.BOM_UTF8)
    head = first.lstrip()
    if lines_only:
        yield from _lines(_Rejoined(first, stream), where, max_bytes=line_bytes, depth=max_depth)
    elif head.startswith(b"["):
        yield from _array(first, stream, where, max_bytes=line_bytes, depth=max_depth)
    elif head.startswith(b"{") and _incomplete(first):
        yield from _whole_or_lines(first, stream, where, max_bytes=max_bytes, depth=max_depth)
    else:
        yield from _lines(_Rejoined(first, stream), where, max_bytes=line_bytes, depth=max_depth)


def _incomplete(line: bytes) -> bool:
    """True when a line opens a JSON value that goes on beyond it."""
    if too_deep(line, DEFAULT_MAX_DEPTH):
        return False
    try:
        json.loads(line)
    except json.JSONDecodeError as err:
        return err.pos >= len(line.rstrip())
    except (ValueError, RecursionError):  # not UTF-8, or a number too long to convert
        return False
    return False


def _lines(stream: IO[bytes] | _Rejoined, where: str, *, max_bytes: int, depth: int) -> Iterator[Record | Problem]:
    """JSON Lines: one object per line; blank lines are skipped."""
    number = 0
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield Problem(where, f"line too large (over {max_bytes} bytes)", number)
            _skip_line(stream)
        elif line.strip():
            yield _parse(line, where, number, depth)


def _skip_line(stream: IO[bytes] | _Rejoined) -> None:
    """Drop the rest of an over-long line without holding it in memory."""
    while part := stream.readline(_CHUNK):
        if part.endswith(b"\n"):
            return


def _parse(data: bytes | str, where: str, number: int, depth: int) -> Record | Problem:
    """One JSON text to a record, or the Problem that explains why not."""
    if too_deep(data, depth):
        return Problem(where, f"JSON nested deeper than {depth} levels", number)
    try:
        value = json.loads(data)
    except json.JSONDecodeError as err:
        return Problem(where, f"malformed JSON: {err.msg} (column {err.colno})", number)
    except UnicodeDecodeError:
        return Problem(where, "line is not UTF-8 text", number)
    except RecursionError:
        return Problem(where, "JSON nested too deeply", number)
    except ValueError as err:  # e.g. an integer of more than 4300 digits
        return Problem(where, f"malformed JSON: {str(err).splitlines()[0]}", number)
    if not isinstance(value, dict):
        return Problem(where, f"JSON value is not an object ({type(value).__name__})", number)
    return number, value


def _whole_or_lines(first: bytes, stream: IO[bytes], where: str, *, max_bytes: int,
                    depth: int) -> Iterator[Record | Problem]:
    """One object spread over lines; when the whole does not parse, fall back to JSON Lines."""
    data = first + stream.read(max_bytes + 1 - len(first))
    if len(data) > max_bytes:
        yield Problem(where, f"JSON document too large (over {max_bytes} bytes)", 1)
        return
    record = _parse(data, where, 1, depth)
    if isinstance(record, tuple):
        yield record
        return
    yield from _lines(io.BytesIO(data), where, max_bytes=max_bytes, depth=depth)


def _array(first: bytes, stream: IO[bytes], where: str, *, max_bytes: int, depth: int) -> Iterator[Record | Problem]:
    """Items of a top-level JSON array, decoded one at a time from a growing buffer."""
    decoder = json.JSONDecoder()
    text_decoder = codecs.getincrementaldecoder("utf-8")()
    buf = first.decode("utf-8", errors="replace")
    pos = buf.index("[") + 1
    line = 1 + buf.count("\n", 0, pos)
    eof = False
    while True:
        start = _skip(buf, pos, _WS + ",")
        line += buf.count("\n", pos, start)
        pos = start
        if pos < len(buf) and buf[pos] == "]":
            return
        if too_deep(buf[pos:pos + max_bytes + 1], depth):
            yield Problem(where, f"JSON nested deeper than {depth} levels; rest of array not read", line)
            return
        try:
            value, end = decoder.raw_decode(buf, pos) if pos < len(buf) else (None, -1)
        except json.JSONDecodeError as err:
            value, end, error = None, -1, err
        except (ValueError, RecursionError) as err:  # a number too long to convert
            yield Problem(where, f"malformed JSON: {str(err).splitlines()[0]}; rest of array not read", line)
            return
        else:
            error = None
        if end < 0 and not eof:
            if len(buf) - pos > max_bytes:
                yield Problem(where, f"JSON item malformed or too large (over {max_bytes} bytes)", line)
                return
            # Read at least as much as is buffered, so a large item costs linear time, not quadratic.
            chunk = stream.read(max(_CHUNK, len(buf) - pos))
            eof = not chunk
            buf = buf[pos:] + text_decoder.decode(chunk, final=eof)
            pos = 0
            continue
        if end < 0:
            reason = f"malformed JSON: {error.msg}" if error else "JSON array not closed"
            yield Problem(where, reason, line + (buf.count("\n", pos, error.pos) if error else 0))
            return
        yield _item(value, where, line)
        line += buf.count("\n", pos, end)
        pos = end


def _item(value: Any, where: str, line: int) -> Record | Problem:
    """An array item as a record, when it is an object."""
    if not isinstance(value, dict):
        return Problem(where, f"JSON item is not an object ({type(value).__name__})", line)
    return line, value


def _skip(text: str, pos: int, chars: str) -> int:
    """The first position at or after `pos` not in `chars`."""
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


class _Rejoined:
    """An already-read first line put back in front of the rest of a stream (only `readline` is needed)."""

    def __init__(self, first: bytes, stream: IO[bytes]) -> None:
        self._first = io.BytesIO(first)
        self._stream = stream

    def readline(self, size: int | None = -1) -> bytes:
        line = self._first.readline(size)
        if line.endswith(b"\n") or (size is not None and 0 <= size <= len(line)):
            return line
        rest = -1 if size is None or size < 0 else size - len(line)
        return line + self._stream.readline(rest)
