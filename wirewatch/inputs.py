"""Reading articles from files for the command line: .jsonl, .txt, .html, folders, stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from schemas import codec
from schemas.records import RawArticle
from wirewatch import dates
from wirewatch.text import stable_id

SUFFIXES = {".jsonl", ".txt", ".html", ".htm"}


class InputError(ValueError):
    """A path that cannot be read as articles."""


@dataclass(frozen=True, slots=True)
class Message:
    """One raw message to publish: its key and its bytes, as they will go on the topic."""

    key: str
    value: bytes
    #: where it came from, for error reports (``file.jsonl:12``)
    where: str = ""


def expand(paths: list[str]) -> list[Path]:
    """Files named by ``paths`` (folders expanded, sorted); ``-`` stays as stdin."""
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if name == "-":
            out.append(path)
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError(f"{name}: no .jsonl, .txt or .html files in this folder")
            out.extend(found)
        elif not path.exists():
            raise InputError(f"{name}: no such file or folder")
        elif path.suffix.lower() not in SUFFIXES:
            raise InputError(f"{name}: unsupported file type (use .jsonl, .txt or .html)")
        else:
            out.append(path)
    return out


def read_bytes(path: Path) -> bytes:
    if str(path) == "-":
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc


def article_from_text(
    path: Path, data: bytes, published_at: str | None, source: str = "file"
) -> RawArticle:
    """A raw article for a .txt or .html file (which carries no date of its own)."""
    text = data.decode("utf-8", errors="replace")
    is_html = path.suffix.lower() in (".html", ".htm")
    return RawArticle(
        id=f"{path.stem}-{stable_id(text, length=10)}" if str(path) != "-" else stable_id(text),
        source=source, published_at=published_at or dates.rfc3339(), body=text,
        content_type="text/html" if is_html else "text/plain",
        url=None, title=None, language=None,
    )


def messages(paths: list[str], published_at: str | None = None) -> Iterator[Message]:
    """The raw messages ``paths`` hold. A .jsonl line goes as-is, even if it is not JSON."""
    for path in expand(paths):
        data = read_bytes(path)
        if path.suffix.lower() == ".jsonl" or str(path) == "-":
            for number, line in enumerate(data.splitlines(), start=1):
                if not line.strip():
                    continue
                yield Message(_line_key(line, path, number), line, f"{path}:{number}")
        else:
            article = article_from_text(path, data, published_at)
            yield Message(article.id, codec.encode(article), str(path))


def _line_key(line: bytes, path: Path, number: int) -> str:
    try:
        data = codec.decode(line)
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("id"), str) and data["id"]:
        return str(data["id"])
    return f"{path.name}:{number}:{stable_id(line.hex(), length=8)}"


def single_article(path: str, published_at: str | None) -> RawArticle:
    """One article from a .txt/.html file or stdin, for ``clean`` and ``extract``."""
    p = Path(path)
    if path != "-":
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a folder; give one article")
        if p.suffix.lower() not in (".txt", ".html", ".htm"):
            raise InputError(f"{path}: unsupported file type (use .txt or .html, or -)")
    return article_from_text(p, read_bytes(p), published_at, source="cli")
