"""Headings of stories in the articles' own words ("Putins Nordkorea-Besuch").

Takes groups of articles; gives a heading for each (``topic_headings``), or for one group
alone (``topic_heading``).
"""

from briefing.stories.headings.compose import genitive
from briefing.stories.headings.score import topic_heading, topic_headings

__all__ = ["genitive", "topic_heading", "topic_headings"]
