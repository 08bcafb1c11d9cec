"""Bytes to text: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, and cp1252 only when it is clearly text.

`decode_text` says why it refused, so the Problem a user sees names the reason, not just "undecodable".
"""
from __future__ import annotations

import codecs
import re

# Control characters that never occur in text (tab, newline, form feed and carriage return do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_LOW = bytes(range(0x80))
_MAX_CONTROL_SHARE = 0.001
_MAX_HIGH_SHARE = 0.10
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# C0/C1 controls other than tab, newline, form feed, carriage return; and lone surrogates (JSON "\ud800").
_STRAY = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces (UTF-16 or UTF-32), or None."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def is_binary(data: bytes) -> bool:
    """True when the bytes hold NULs outside a UTF-16/UTF-32 text (a BOM marks one)."""
    if bom_encoding(data):
        return False
    return b"\x00" in data


def decode_text(data: bytes) -> str | None:
    """The text in `data`, or None when it is not text in a supported encoding (`decode_or_reason` says why)."""
    text, _ = decode_or_reason(data)
    return text


def decode_or_reason(data: bytes) -> tuple[str | None, str]:
    """(text, "") or (None, reason).

    UTF-8 first (a BOM is dropped); UTF-16/UTF-32 only with a BOM; then cp1252, accepted only when the bytes
    look like Western text: no stray control characters and few bytes above 0x7F.
    """
    encoding = bom_encoding(data)
    if encoding:
        text = _try(data, encoding)
        return (text, "") if text is not None else (None, f"undecodable text (broken {encoding.upper()} after its BOM)")
    text = _try(data, "utf-8-sig")
    if text is not None:
        return text, ""
    if not data:
        return "", ""
    control = len(data) - len(data.translate(None, _CONTROL))
    high = len(data.translate(None, _LOW))
    if control / len(data) > _MAX_CONTROL_SHARE:
        return None, f"undecodable text (not UTF-8, and {control} control bytes rule out cp1252)"
    if high / len(data) > _MAX_HIGH_SHARE:
        return None, (f"undecodable text (not UTF-8, and {high / len(data):.0%} of bytes above 0x7F: "
                      "not cp1252 text either; UTF-16/32 need a BOM)")
    text = _try(data, "cp1252")
    return (text, "") if text is not None else (None, "undecodable text (neither UTF-8 nor cp1252)")


def scrub(text: str) -> str:
    """Text without stray control characters or lone surrogates, which no article holds and SQLite cannot store."""
    return _STRAY.sub("", text) if _STRAY.search(text) else text


def _try(data: bytes, encoding: str) -> str | None:
    """Decode or say no; a failed decode is an answer here, not an error."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None
