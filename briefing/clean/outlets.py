"""Furniture that only shows across pages: a line several articles of one outlet all carry.

A rule, not learned: the dev pages each come from a different site, so nothing could be
learned or measured about repetition across one outlet's pages. Among the articles read
together, a line that is not prose (a subheading, a label, a short line) and stands verbatim
in MIN_ARTICLES or more articles of the same web host is that outlet's furniture ("Mehr aus
dem Ressort", "Unsere Empfehlung") and is dropped from all of them. Pages that share a long
paragraph verbatim are one article (versions of it, or one agency text) and count once, so a
story's own subheadings survive its updates.

Takes the cleaned articles of one run; drops those lines from their blocks in place
(``drop_outlet_furniture``).
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlparse

from briefing.clean.lines import prose_like
from briefing.models import Article, Block

# Articles of one host that must carry a line for it to count as the outlet's furniture.
MIN_ARTICLES = 3
# A paragraph this long that two pages share verbatim makes them one article.
LONG_PARAGRAPH = 200


def host_of(url: str | None) -> str | None:
    """The web host of a URL, without "www.", or None."""
    if not url:
        return None
    host = urlparse(url.strip()).netloc.lower().removeprefix("www.")
    return host or None


def drop_outlet_furniture(articles: Sequence[Article]) -> int:
    """Drop every line that is the furniture of its outlet (see the module docstring) from
    the articles' blocks; an article that would keep no paragraph is left as it is. Returns
    how many blocks were dropped."""
    by_host: dict[str, list[Article]] = {}
    for article in articles:
        host = host_of(article.url)
        if host:
            by_host.setdefault(host, []).append(article)
    dropped = 0
    for group in by_host.values():
        if len(group) >= MIN_ARTICLES:
            dropped += _drop_in_outlet(group)
    return dropped


def _drop_in_outlet(group: list[Article]) -> int:
    stories = _stories(group)
    carriers: dict[str, set[int]] = {}
    for article, story in zip(group, stories, strict=True):
        for block in article.blocks:
            if len(block.text) < LONG_PARAGRAPH:
                carriers.setdefault(block.text, set()).add(story)
    furniture = {
        text for text, found in carriers.items()
        if len(found) >= MIN_ARTICLES and not prose_like(text)
    }
    dropped = 0
    for article in group:
        blocks = _without(article.blocks, furniture)
        if len(blocks) < len(article.blocks) and any(not b.is_heading for b in blocks):
            dropped += len(article.blocks) - len(blocks)
            article.blocks = blocks
    return dropped


def _stories(group: list[Article]) -> list[int]:
    """Per article: the first article of the group it shares a long paragraph with, through
    any chain of such pairs."""
    parent = list(range(len(group)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, article in enumerate(group):
        for block in article.blocks:
            if len(block.text) >= LONG_PARAGRAPH:
                a, b = find(first_with.setdefault(block.text, i)), find(i)
                parent[max(a, b)] = min(a, b)
    return [find(i) for i in range(len(group))]


def _without(blocks: list[Block], furniture: set[str]) -> list[Block]:
    """The blocks less the furniture, and less a subheading whose paragraph was furniture
    and that now stands over no paragraph."""
    gone = [b.text in furniture for b in blocks]
    for i in range(len(blocks) - 2, -1, -1):
        if blocks[i].is_heading and gone[i + 1]:
            after = next((b for b, g in zip(blocks[i + 1 :], gone[i + 1 :]) if not g), None)
            gone[i] = after is None or after.is_heading
    return [b for b, g in zip(blocks, gone, strict=True) if not g]
