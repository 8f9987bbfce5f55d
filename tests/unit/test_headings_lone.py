"""Headings of lone articles (a topic of one plain text with no title line): issue 16."""

from __future__ import annotations

from pathlib import Path

from briefing.models import Article, Block
from briefing.stories.headings.compose import lone_headings
from briefing.stories.headings.scan import LONE_SENTENCES, scan_article
from briefing.stories.headings.words import is_person


def test_a_role_of_a_noun_in_e_is_a_person() -> None:
    """The person nouns are learned from a feminine form: "Experte" has "Expertin" (the -e
    drops), so "IT-Experten" name people, no event; "Schwere" (Schwerin is a town) does not."""
    assert is_person("IT-Experten") and is_person("Experte") and is_person("Zeugen")
    assert is_person("Torschütze") and is_person("Briten")
    assert not is_person("Schwere")


def _plain(text: str, number: int = 0) -> Article:
    """A plain text as the loader reads one: its first sentence stands in for a title."""
    paragraphs = [p for p in text.split("\n") if p]
    title = paragraphs[0].split(". ")[0] + "."
    return Article(Path(f"{number}.txt"), title, [Block("paragraph", p) for p in paragraphs])


VAN_DER = (
    "Bundespräsident Alexander Van der Bellen hat am Montag die neue Regierung angelobt. "
    "Van der Bellen mahnte die Minister zur Zusammenarbeit. Die Rede von Van der Bellen dauerte "
    "zehn Minuten. Im ORF sagte Van der Bellen, er sei zuversichtlich.\n"
)


def test_van_der_is_part_of_a_name_not_a_genitive() -> None:
    """Austrian texts write "Van der Bellen" with a capital V: no "Van" of "Bellen" (it made
    "ORF der Bellen"), and the name is written with its particles, not cut to "Bellen"."""
    article = _plain(VAN_DER)
    assert not [p for p in scan_article(article, LONE_SENTENCES).phrases if p[1] == "Van"]
    heading = lone_headings([article])[0]
    assert heading.endswith("Van der Bellen"), heading
