"""Headings of lone articles (a topic of one plain text with no title line): issue 16."""

from __future__ import annotations

from briefing.stories.headings.words import is_person


def test_a_role_of_a_noun_in_e_is_a_person() -> None:
    """The person nouns are learned from a feminine form: "Experte" has "Expertin" (the -e
    drops), so "IT-Experten" name people, no event; "Schwere" (Schwerin is a town) does not."""
    assert is_person("IT-Experten") and is_person("Experte") and is_person("Zeugen")
    assert is_person("Torschütze") and is_person("Briten")
    assert not is_person("Schwere")
