"""The codec of every topic: message bodies as :mod:`schemas.codec` says, keys as UTF-8.

Agents consume raw bytes and decode here, so that a message that does not decode
is dead-lettered with its bytes untouched instead of being lost inside Faust.
"""

from __future__ import annotations

from schemas.codec import DecodeError, decode, encode

__all__ = ["DecodeError", "decode", "decode_key", "encode", "encode_key"]


def encode_key(key: str | None) -> bytes | None:
    """Message keys are strings on the wire."""
    return None if key is None else key.encode("utf-8")


def decode_key(key: bytes | str | None) -> str | None:
    if key is None or isinstance(key, str):
        return key
    return key.decode("utf-8", errors="replace")
