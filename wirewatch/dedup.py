"""Near-duplicate stories across wires: MinHash signatures and an LSH index over a window.

Two wires' copies of one story differ in a headline, a byline, a sentence added or
trimmed; their word 5-gram ("shingle") sets still overlap heavily. A MinHash signature
estimates that overlap (Jaccard similarity) cheaply, and locality-sensitive hashing finds
the candidates without comparing against every recent story.

The index knows nothing of Kafka: the dedup agent keeps each entry in a Faust table
(so it survives restarts) and rebuilds this index from the table when it starts.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import MutableMapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from schemas.records import CleanArticle

#: how many hash permutations a signature has (more: finer estimates, more work)
NUM_PERM = 64
#: datasketch's hashing scheme; signatures stored in tables must be read with the same one
SCHEME = "affine32"
#: word n-grams compared
SHINGLE = 5
#: estimated Jaccard similarity from which a story is the same as an earlier one
THRESHOLD = 0.7


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The word ``size``-grams of the text, lower-cased (the whole text if it is shorter)."""
    words = re.findall(r"\w+", text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


@cache
def _permutations() -> Any:
    """The hash permutations every signature uses (fixed by the seed): drawn once, not
    once per story."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> list[int]:
    """The MinHash signature of ``text``, as plain integers (JSON-friendly)."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(list(shingles(text)))
    return [int(v) for v in minhash.hashvalues]


def _minhash(values: list[int]) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations(),
                   hashvalues=np.array(values, dtype=np.uint64))


@dataclass(frozen=True, slots=True)
class Entry:
    """A story the index remembers."""

    article_id: str
    seen_at: float  # seconds since the epoch
    signature: tuple[int, ...]
    duplicate_of: str | None = None  # duplicates are remembered, not matched against


class NearDuplicateIndex:
    """Recent stories, queried for near-duplicates; entries older than ``window`` expire."""

    def __init__(self, window_seconds: float, threshold: float = THRESHOLD) -> None:
        self.window = window_seconds
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._entries: OrderedDict[str, Entry] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._entries

    def get(self, article_id: str) -> Entry | None:
        return self._entries.get(article_id)

    def add(self, entry: Entry) -> None:
        """Remember a story (again: a redelivered one keeps its first entry)."""
        if entry.article_id in self._entries:
            return
        self._entries[entry.article_id] = entry
        if entry.duplicate_of is None:
            self._lsh.insert(entry.article_id, _minhash(list(entry.signature)))

    def find(self, sig: list[int], exclude: str | None = None) -> str | None:
        """The earliest remembered story ``sig`` nearly duplicates, if any (call
        :meth:`expire` first to leave out stories older than the window)."""
        probe = _minhash(sig)
        matches = [self._entries[key] for key in self._lsh.query(probe)
                   if key != exclude and key in self._entries]
        close = [e for e in matches
                 if probe.jaccard(_minhash(list(e.signature))) >= self.threshold]
        return min(close, key=lambda e: (e.seen_at, e.article_id)).article_id if close else None

    def expire(self, now: float) -> list[str]:
        """Forget stories seen before ``now - window``; return their ids."""
        gone = []
        while self._entries:
            oldest = next(iter(self._entries.values()))
            if oldest.seen_at >= now - self.window:
                break
            self._entries.popitem(last=False)
            if oldest.duplicate_of is None:
                self._lsh.remove(oldest.article_id)
            gone.append(oldest.article_id)
        return gone


class Deduplicator:
    """Marks each clean article ``duplicate_of`` the earliest recent story it repeats.

    ``store`` keeps one record per article (a Faust table in the worker, so decisions and
    the window survive a restart); the index is rebuilt from it on first use. Deciding is
    idempotent: a redelivered article gets the decision it got the first time.
    """

    def __init__(self, store: MutableMapping[str, Any], window_seconds: float,
                 threshold: float = THRESHOLD) -> None:
        self.store = store
        self.window = window_seconds
        self.threshold = threshold
        self._index: NearDuplicateIndex | None = None

    @property
    def index(self) -> NearDuplicateIndex:
        if self._index is None:
            self._index = NearDuplicateIndex(self.window, self.threshold)
            records = [(key, value) for key, value in self.store.items() if value]
            for key, value in sorted(records, key=lambda kv: (kv[1]["at"], kv[0])):
                self._index.add(Entry(key, value["at"], tuple(value["sig"]), value.get("dup")))
        return self._index

    def forget_index(self) -> None:
        """Drop the index; it is rebuilt from the store on next use (after a rebalance
        moved the store's partition here)."""
        self._index = None

    def check(self, article: CleanArticle, now: float) -> CleanArticle:
        """Set ``article.duplicate_of`` (or leave it None) and remember the article."""
        known = self.index.get(article.id)
        if known is not None:
            article.duplicate_of = known.duplicate_of
            return article
        for gone in self.index.expire(now):
            self.store.pop(gone, None)
        sig = signature(article.text)
        duplicate_of = self.index.find(sig, exclude=article.id)
        self.index.add(Entry(article.id, now, tuple(sig), duplicate_of))
        self.store[article.id] = {"at": now, "sig": sig, "dup": duplicate_of}
        article.duplicate_of = duplicate_of
        return article
