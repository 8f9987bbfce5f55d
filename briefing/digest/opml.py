"""Feed subscriptions from an OPML file (newsboat, Miniflux and FreshRSS export them).

Takes the file's path; gives the feed URLs it lists (``read_opml``).
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.errors import BriefingError

MAX_BYTES = 5 * 1024 * 1024  # an OPML file of subscriptions is a few kilobytes


def read_opml(path: str | os.PathLike[str]) -> list[str]:
    """The feed URLs (http and https) of every ``outline`` with an ``xmlUrl``, in file order.

    Outlines nest in folders; a URL listed twice counts once. An unreadable file, one that is
    not OPML, or one without any feed is a BriefingError naming the file.
    """
    import xml.etree.ElementTree as ET

    target = Path(path).expanduser()
    try:
        with target.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise BriefingError(f"opml {target}: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise BriefingError(f"opml {target}: larger than {MAX_BYTES:,} bytes")
    try:
        # expat expands no external entities and refuses entity bombs (CVE-2013-0340 fixed)
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise BriefingError(f"opml {target}: not XML ({error})") from None
    if _local(root.tag) != "opml":
        raise BriefingError(f"opml {target}: not an OPML file (root element <{_local(root.tag)}>)")
    urls: list[str] = []
    for outline in root.iter():
        if _local(outline.tag) != "outline":
            continue
        attributes = {name.lower(): value for name, value in outline.attrib.items()}
        url = " ".join((attributes.get("xmlurl") or "").split())
        if url.lower().startswith(("http://", "https://")) and url not in urls:
            urls.append(url)
    if not urls:
        raise BriefingError(f"opml {target}: no feeds (no outline with an http(s) xmlUrl)")
    return urls


def _local(tag: object) -> str:
    """An element's name without its namespace (``{ns}outline`` -> ``outline``)."""
    return str(tag).rsplit("}", 1)[-1].lower()
