"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and cp1252 only when it is clearly text."""
from __future__ import annotations

import codecs

# Control characters that never occur in text (tab, newline, form feed and carriage return do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_LOW = bytes(range(0x80))
_MAX_CONTROL_SHARE = 0.001
_MAX_HIGH_SHARE = 0.10


def is_binary(data: bytes) -> bool:
    """True when the bytes hold NULs outside a UTF-16 text (a BOM marks one)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data


def decode_text(data: bytes) -> str | None:
    """The text in `data`, or None when it is not text in a supported encoding.

    UTF-8 first (a BOM is dropped); UTF-16 only with a BOM; then cp1252, accepted only when the bytes
    look like Western text: no stray control characters and few bytes above 0x7F.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _try(data, "utf-16")
    text = _try(data, "utf-8-sig")
    if text is not None:
        return text
    if not data:
        return ""
    control = len(data) - len(data.translate(None, _CONTROL))
    high = len(data.translate(None, _LOW))
    if control / len(data) > _MAX_CONTROL_SHARE or high / len(data) > _MAX_HIGH_SHARE:
        return None
    return _try(data, "cp1252")


def _try(data: bytes, encoding: str) -> str | None:
    """Decode or say no; a failed decode is an answer here, not an error."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None
