"""The one codec of every topic: JSON via orjson, keys as UTF-8 strings.

Agents consume raw bytes and decode here, so that a message that does not decode
is dead-lettered with its bytes untouched instead of being lost inside Faust.
"""

from __future__ import annotations

from typing import Any

import orjson

DecodeError = orjson.JSONDecodeError


def encode(value: Any) -> bytes:
    """Serialise a record (dataclass), dict or list to JSON bytes."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)


def decode(data: bytes | bytearray | memoryview | str) -> Any:
    """Parse JSON bytes; raises :class:`DecodeError` (a ``ValueError``) on bad input."""
    return orjson.loads(data)


def encode_key(key: str | None) -> bytes | None:
    """Message keys are strings on the wire."""
    return None if key is None else key.encode("utf-8")


def decode_key(key: bytes | str | None) -> str | None:
    if key is None or isinstance(key, str):
        return key
    return key.decode("utf-8", errors="replace")
