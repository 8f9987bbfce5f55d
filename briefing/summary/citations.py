"""What a line cites: exactly the articles in which it stands verbatim, other wordings apart.

Takes a topic's articles; gives, for a text and the copies of its statement, its exact sources
and the other outlets' wordings as variants with their own exact sources (``Citations.cite``),
and a sentence group as a cited summary item (``Citations.item``).
"""

from __future__ import annotations

from collections.abc import Iterator

from briefing.models import Article, Sentence, SentenceGroup, SummaryItem, Variant, id_number
from briefing.text.verbatim import fold


class Citations:
    """The topic's articles folded once, block by block, to find where a text stands verbatim.

    A group merges near-identical copies ("mit einem Verlust von 3,7 Prozent" and "mit
    kräftigen Abschlägen"): its score counts every outlet that reports the statement, but a
    line cites only the articles that carry its very words; the others are its variants.
    """

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self._bodies: dict[str, str] = {}

    def _body(self, article: Article) -> str:
        body = self._bodies.get(article.id)
        if body is None:
            # folded text has no line breaks: blocks joined by one cannot be matched across
            body = self._bodies[article.id] = "\n".join(fold(b.text) for b in article.blocks)
        return body

    def folded_texts(self) -> Iterator[str]:
        """Each article's blocks folded, one line each (for lookups beyond ``sources``)."""
        for article in self.articles:
            yield self._body(article)

    def sources(self, text: str) -> list[str]:
        """The ids of the articles in which ``text`` stands verbatim (folded), in number order."""
        needle = fold(text)
        if not needle:
            return []
        found = [a.id for a in self.articles if needle in self._body(a)]
        return sorted(found, key=id_number)

    def cite(self, text: str, copies: list[Sentence]) -> tuple[list[str], list[Variant]]:
        """``text``'s exact sources, and the other wordings among ``copies`` as variants.

        A variant is listed once per wording, in article order, and only when it adds an
        article that no wording before it covers.
        """
        folded = fold(text)
        sources = self.sources(text) or sorted(
            {c.article_id for c in copies if fold(c.text) == folded}, key=id_number
        )
        covered = set(sources)
        seen = {folded}
        variants: list[Variant] = []
        for copy in sorted(copies, key=lambda c: (id_number(c.article_id), c.index)):
            wording = fold(copy.text)
            if copy.article_id in covered or wording in seen:
                continue
            seen.add(wording)
            carriers = self.sources(copy.text) or [copy.article_id]
            if set(carriers) <= covered:
                continue
            variants.append(Variant(copy.text, carriers))
            covered.update(carriers)
        return sources, variants

    def item(self, group: SentenceGroup) -> SummaryItem:
        """The group as a line of the briefing, citing exactly the articles that carry it."""
        item = group.to_item()
        item.sources, item.variants = self.cite(group.text, group.occurrences)
        return item
