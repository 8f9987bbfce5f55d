"""Duplicates: an article that repeats an earlier one under another name, encoding or furniture.

Takes articles in input order; gives, for each new one, the earlier article it repeats
(``DuplicateIndex.twin_of``), and the name to report it by (``display_name``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from briefing.models import Article
from briefing.runtime.display import shown


class DuplicateIndex:
    """Finds an earlier article that a new one repeats: same file bytes, same text, or only
    paragraphs the earlier one already has (the same article saved with other page furniture).

    Works through hashes (raw bytes, whole text, each paragraph), so it stays linear in the
    number of paragraphs however many articles come.
    """

    MIN_PARAGRAPH_WORDS = 8  # shorter paragraphs ("Foto: dpa") are shared by unrelated pages

    def __init__(self) -> None:
        self._by_key: dict[str, Article] = {}
        self._by_paragraph: dict[str, list[Article]] = {}
        # the hashes of the article ``twin_of`` was last asked about, for the ``add`` that
        # usually follows (hashing every article's text twice took a second of 11,707)
        self._asked: tuple[Article, list[str], set[str]] | None = None

    def _hashes(self, article: Article) -> tuple[list[str], set[str]]:
        if self._asked is not None and self._asked[0] is article:
            return self._asked[1], self._asked[2]
        hashes = (self._keys(article), self._paragraphs(article))
        self._asked = (article, *hashes)
        return hashes

    def twin_of(self, article: Article) -> Article | None:
        keys, paragraphs = self._hashes(article)
        for key in keys:
            if key in self._by_key:
                return self._by_key[key]
        if len(paragraphs) < 2:
            return None
        candidates: dict[int, int] = {}
        owners: dict[int, Article] = {}
        for paragraph in paragraphs:
            for owner in self._by_paragraph.get(paragraph, []):
                candidates[id(owner)] = candidates.get(id(owner), 0) + 1
                owners[id(owner)] = owner
        for key, shared in candidates.items():
            if shared == len(paragraphs):
                return owners[key]
        return None

    def add(self, article: Article) -> None:
        keys, paragraphs = self._hashes(article)
        for key in keys:
            self._by_key.setdefault(key, article)
        for paragraph in paragraphs:
            owners = self._by_paragraph.setdefault(paragraph, [])
            if len(owners) < 8:  # a paragraph in many articles is boilerplate, not a signal
                owners.append(article)

    def add_keys(self, owner: object, text_key: str, content_hash: str,
                 paragraphs: Iterable[str]) -> None:
        """``add`` for an article known by its keys only (``keys_of``, kept from an earlier
        run); ``owner`` is what ``twin_of`` gives for it (anything with a ``path``)."""
        self._by_key.setdefault(f"text:{text_key}", owner)
        if content_hash:
            self._by_key.setdefault(f"bytes:{content_hash}", owner)
        for paragraph in paragraphs:
            owners = self._by_paragraph.setdefault(paragraph, [])
            if len(owners) < 8:
                owners.append(owner)

    @classmethod
    def keys_of(cls, article: Article) -> tuple[str, list[str]]:
        """(text key, paragraph keys): what ``add_keys`` needs to know ``article`` again."""
        return _digest(" ".join(article.body.split())), sorted(cls._paragraphs(article))

    @staticmethod
    def _keys(article: Article) -> list[str]:
        keys = [f"text:{_digest(' '.join(article.body.split()))}"]
        if article.content_hash:
            keys.append(f"bytes:{article.content_hash}")
        return keys

    @classmethod
    def _paragraphs(cls, article: Article) -> set[str]:
        found = set()
        for block in article.blocks:
            if block.is_heading:
                continue
            words = block.text.split()  # (once: the count and the key both need them)
            if len(words) >= cls.MIN_PARAGRAPH_WORDS:
                found.add(_digest(" ".join(words).casefold()))
        return found


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def display_name(twin: Path, path: Path) -> str:
    """The twin's file name for "duplicate of NAME", with folders when both names are alike;
    shown escaped (the reason is printed: a name may hold control characters, or not be
    UTF-8)."""
    if twin.name != path.name:
        return shown(twin.name)
    try:
        return shown(str(twin.relative_to(os.path.commonpath([twin, path]))))
    except ValueError:
        return shown(str(twin))
