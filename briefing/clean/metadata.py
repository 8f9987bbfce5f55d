"""Article metadata from what a page states reliably: front matter, dates, outlet prefix,
credits and agency tags."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from briefing.lexicon import AGENCY_NAMES, MONTH_NUMBERS, STAMP_WEEKDAYS, alternation
from briefing.runtime.display import clean_line

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DOTTED_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_SLASHED_DATE = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
MONTHS = MONTH_NUMBERS  # every spelling: number ("jänner", "sept", "june")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORDED_DATE = re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH_NAMES})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_ENGLISH_DATE = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
# "date 2024-06 <lead>": a scraper's date field glued before the text.
DATE_FIELD = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b\s*", re.IGNORECASE)
# A line that is a date stamp and little else ("19.06.2024, 12:28", "Mittwoch, 3. Juni 2024").
_WEEKDAYS = f"(?:{alternation(STAMP_WEEKDAYS)})"
_STAMP_LINE = re.compile(
    rf"^(?:(?:veröffentlicht|aktualisiert|publiziert|erschienen|stand|datum|published|updated|"
    rf"zuletzt aktualisiert)(?: am)?:?\s*)?(?:{_WEEKDAYS},?\s*)?"
    rf"(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{2,4}}|\d{{1,2}}\.?\s+(?:{_MONTH_NAMES})\.?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTH_NAMES})\.?\s+\d{{1,2}},?\s+\d{{4}})"
    rf"(?:[,|•·-]?\s*(?:um\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*uhr)?|"
    rf"\s*\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|"
    rf"[,|•·-]?\s*(?:\d{{1,2}}[:.]\d{{2}})?)*\s*$",
    re.IGNORECASE,
)
# "The National Times - Headline": an outlet name before the headline.
_OUTLET_PREFIX = re.compile(r"^(?P<outlet>[A-Z][\w.&' ]{2,40}?) [-–|] (?P<title>\S.{10,})$")


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML front matter (``---`` ... ``---``) and the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = _load_yaml(match.group(1))
    except Exception:  # noqa: BLE001 - not only YAMLError: a date that does not exist
        data = None  # (2024-02-30) is a ValueError, deep nesting a RecursionError
    if isinstance(data, dict):
        # YAML's escapes ("\e[31m", "\u202e") would bring back what ingest removed
        meta = {
            clean_line(str(k)).lower(): clean_line(str(v))
            for k, v in data.items()
            if v is not None and clean_line(str(v))
        }
        return meta, text[match.end() :]
    # Hand-written front matter is often not YAML ("title: Putin in Pjöngjang: Was bekannt
    # ist" has a second colon): read it line by line rather than leave the block in the text.
    meta = _front_matter_lines(match.group(1))
    if not meta:
        return {}, text
    return meta, text[match.end() :]


def _load_yaml(block: str) -> object:
    """``yaml.safe_load`` that refuses aliases: article metadata never needs them, and nested
    ones expand to billions of strings once turned into text ("billion laughs"); ingest
    skips such files, this holds wherever front matter is read."""
    import yaml

    class NoAliases(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("aliases are not read")
            return super().compose_node(parent, index)

    return yaml.load(block, Loader=NoAliases)


# The fields a line-wise reading takes from front matter that YAML rejects.
FRONT_MATTER_KEYS = frozenset({"title", "outlet", "date", "url"})
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(.*)$")


def _front_matter_lines(block: str) -> dict[str, str]:
    """``key: value`` lines, the first colon splitting key from value; the known keys only.

    Empty when a line is neither such a pair, a nested value nor a comment: then
    the block is not metadata (a horizontal rule above prose, say) and stays in the text.
    """
    meta: dict[str, str] = {}
    for line in block.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or line[0] in " \t" or line[:2] == "- ":
            continue  # blank, comment, or the nested value (list item) of some other key
        match = _KEY_LINE.match(stripped)
        if not match:
            return {}
        key, value = match.group(1).lower(), clean_line(_unquoted(match.group(2).strip()))
        if key in FRONT_MATTER_KEYS and value:
            meta[key] = value  # a repeated key: the last one wins, as in YAML
    return meta


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def normalize_date(value: object) -> str | None:
    """An ISO date ``YYYY-MM-DD`` from common spellings, or None (never a guess)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    for pattern, order in (
        (_ISO_DATE, "ymd"),
        (_SLASHED_DATE, "ymd"),
        (_DOTTED_DATE, "dmy"),
        (_WORDED_DATE, "dMy"),
        (_ENGLISH_DATE, "Mdy"),
    ):
        match = pattern.search(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups()))
        month = parts.get("m") or MONTHS.get(parts.get("M", "").lower().rstrip("."))
        try:
            return dt.date(int(parts["y"]), int(month), int(parts["d"])).isoformat()
        except (TypeError, ValueError):
            return None
    return None


_ANY_DATE = re.compile(
    rf"\b\d{{1,2}}\.\s?\d{{1,2}}\.\s?(?:\d{{4}}|\d{{2}}\b)|"
    rf"\b\d{{1,2}}\.?\s+(?:{_MONTH_NAMES})\.?\s+\d{{4}}|"
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}:\d{{2}}\b",
    re.IGNORECASE,
)


def has_date(text: str) -> bool:
    """The text names a date or a clock time somewhere."""
    return bool(_ANY_DATE.search(text))


def is_stamp_line(text: str) -> bool:
    """A line that is a date (and time) stamp and nothing else."""
    return bool(_STAMP_LINE.match(text))


def split_outlet(line: str, title: str) -> str | None:
    """"The National Times" from "The National Times - <title>", else None."""
    match = _OUTLET_PREFIX.match(line)
    if match and match.group("title").strip() == title:
        return match.group("outlet").strip()
    return None


# "Video: watson/Michael Shepherd": a video made by the staff of the named outlet.
_OWN_VIDEO = re.compile(
    r"^videos?\s*:\s*(?P<name>[\w.&-]{2,30})\s*/\s*[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)+\s*$",
    re.IGNORECASE,
)
# Where a video was posted, not who published the page.
_PLATFORMS = frozenset({"twitter", "x", "youtube", "instagram", "tiktok", "facebook",
                        "telegram", "vimeo", "reddit", "keystone", "getty", "reuters", "ap"})
# The tag that closes agency copy: "(yam/sda/dpa)", "... teilte die Bahn mit. (afp)"
_AGENCY_TAG = re.compile(r"\((?P<tags>[a-z]{2,8}(?:\s*/\s*[a-z]{2,8})*)\)\.?\s*$")


def outlet_from_credits(lines: Sequence[str], article: Sequence[str]) -> str | None:
    """The outlet a page names in its credits, for a page whose metadata names none.

    A video credit with a staff name ("Video: watson/Michael Shepherd") names the page's own
    outlet when the name stands once more on the page (another credit, "watson und unseren
    Journalismus"); else the agencies of the last agency tag in the ``article``'s lines, in
    their order ("(yam/sda/dpa)" -> "sda/dpa"; initials of the editor are no agency).
    """
    for line in lines:
        match = _OWN_VIDEO.match(line.strip())
        if not match or match.group("name").casefold() in _PLATFORMS:
            continue
        name = match.group("name")
        said = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        if sum(1 for other in lines if said.search(other)) >= 2:
            return name
    for line in reversed(article):
        match = _AGENCY_TAG.search(line)
        if match:
            tags = [t.strip() for t in match.group("tags").split("/")]
            names = list(dict.fromkeys(AGENCY_NAMES[t] for t in tags if t in AGENCY_NAMES))
            if names:
                return "/".join(names)
    return None

