"""Headings of stories in the articles' own words ("Landtagswahl in Thüringen").

Takes groups of articles; gives a heading for each (``topic_headings``), the groups' words
weighed against each other, or for one group alone (``topic_heading``).
"""

from briefing.stories.headings.compose import topic_heading, topic_headings

__all__ = ["topic_heading", "topic_headings"]
