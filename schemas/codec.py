"""The JSON codec of every message: orjson, records (dataclasses) encoded natively.

The one place that says how a message body becomes bytes and back; the pure core uses
it directly and the Kafka side (:mod:`streams.codecs`) adds only the message keys.
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
