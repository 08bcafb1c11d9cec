"""The limits that keep one hostile input from costing a run: sizes, JSON nesting, compression ratio, time.

Every limit has a safe default and is an `analyze` option. Limits are plain data, so they travel to worker processes.
"""
from __future__ import annotations

import ctypes
import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from newsgraph.errors import TimeLimitError

DEFAULT_MAX_BYTES = 5_000_000          # one text file, or one whole JSON document, after decompression
DEFAULT_MAX_LINE_BYTES = 5_000_000     # one JSON Lines line or one item of a JSON array
DEFAULT_MAX_HTML_BYTES = 5_000_000     # one HTML page after decompression (trafilatura's time grows with it)
DEFAULT_MAX_DEPTH = 64                 # JSON nesting; an article record needs 2 or 3
DEFAULT_TIME_LIMIT = 60.0              # seconds per article, extraction and analysis each
# Real text and JSON compress 3-10 fold; a ratio far beyond that past a floor is a compression bomb.
MAX_EXPANSION = 100
EXPANSION_FLOOR = 2_000_000


@dataclass(frozen=True, slots=True)
class Limits:
    """Reading and analysis limits; 0 or None for `time_limit` means no time limit."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES
    max_html_bytes: int = DEFAULT_MAX_HTML_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH
    time_limit: float | None = DEFAULT_TIME_LIMIT

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_line_bytes", "max_html_bytes", "max_depth"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        if self.time_limit is not None and self.time_limit < 0:
            raise ValueError(f"time_limit must be 0 (none) or positive, got {self.time_limit}")


# --- JSON nesting ---------------------------------------------------------------------------------------------

_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_OPENS = frozenset(b"[{")


def too_deep(data: bytes | str, max_depth: int) -> bool:
    """True when a JSON text nests arrays/objects deeper than `max_depth` (brackets inside strings do not count).

    Checked before parsing, because Python's parser recurses and a deep enough text ends it with RecursionError.
    Cheap for ordinary records: only a text with more opening brackets than the limit is scanned.
    """
    if data.count("[" if isinstance(data, str) else b"[") + data.count("{" if isinstance(data, str) else b"{") \
            <= max_depth:
        return False
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    depth = 0
    for byte in _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKET):
        depth += 1 if byte in _OPENS else -1
        if depth > max_depth:
            return True
    return False


# --- compression bombs ----------------------------------------------------------------------------------------


class CompressionBomb(OSError):
    """Compressed data that expands far beyond what text does."""


class ExpansionGuard(io.RawIOBase):
    """A decompressing stream that stops once its output outgrows the compressed input read so far.

    `compressed` is the underlying file; its position tells how much compressed data has been consumed.
    """

    def __init__(self, stream: IO[bytes], compressed: IO[bytes]) -> None:
        self._stream = stream
        self._compressed = compressed
        self._out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        self._out += len(data)
        if self._out > EXPANSION_FLOOR and self._out > MAX_EXPANSION * max(1, self._compressed.tell()):
            raise CompressionBomb(f"compressed data expands over {MAX_EXPANSION}-fold past "
                                  f"{EXPANSION_FLOOR // 1_000_000} MB (a compression bomb); rest of file not read")
        buffer[: len(data)] = data
        return len(data)


# --- time -----------------------------------------------------------------------------------------------------


class _Expired(BaseException):
    """Raised inside the limited thread; a BaseException so that no broad `except Exception` swallows it."""




def _set_async_exc(thread: int, exc: type[BaseException] | None) -> None:
    """Schedule `exc` in a thread, or clear a scheduled one (None passes NULL)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), ctypes.py_object(exc) if exc else None)


@contextmanager
def time_limit(seconds: float | None, what: str = "article") -> Iterator[None]:
    """Raise TimeLimitError in this thread when the block runs longer than `seconds` (None or 0: no limit).

    A watchdog timer raises an exception in the limited thread (not a signal), so it works in worker threads too
    (Dask runs tasks in threads). Python code is interrupted at its next bytecode; a long call into C code is
    interrupted when it returns.
    """
    if not seconds:
        yield
        return
    thread = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                _set_async_exc(thread, _Expired)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    try:
        try:
            timer.start()   # inside: on a loaded machine a short limit can fire before start() returns
            yield
        finally:
            with lock:
                state["active"] = False
            timer.cancel()
            if state["fired"]:  # fired but perhaps not yet delivered: never let it land after the block
                _set_async_exc(thread, None)
    except _Expired:
        raise TimeLimitError(f"{what} took longer than {seconds:g} s (time limit; --time-limit to change)") from None
