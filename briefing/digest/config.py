"""The digest's settings from the command line and the config file.

Takes ``--date`` and ``--config``; gives the checked day and the TOML config.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError
from briefing.ingest.files import NotRegularFile, open_regular


def parse_day(value: str | None, today: dt.date | None = None) -> str:
    """``YYYY-MM-DD`` checked, or today's date."""
    if value is None:
        return (today or dt.date.today()).isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BriefingError(f"invalid date {value!r}: use YYYY-MM-DD") from None


def load_config(path: str | os.PathLike[str] | None) -> dict[str, Any]:
    """The TOML config: ``--config FILE``, else ``config.toml`` in the user's config folder.

    A missing default file is an empty config; a missing or broken named file is an error.
    """
    import tomllib

    if path is None:
        import platformdirs

        default = Path(platformdirs.user_config_dir("briefing")) / "config.toml"
        if not default.is_file():
            return {}
        path = default
    target = Path(path)
    try:
        with open_regular(target) as handle:  # a FIFO given as the config must not block
            config = tomllib.load(handle)
    except NotRegularFile:
        raise BriefingError(f"config {target}: not a regular file") from None
    except OSError as error:
        raise BriefingError(f"config {target}: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise BriefingError(f"config {target}: {error}") from None
    feeds = config.get("feeds", [])
    if not isinstance(feeds, list) or not all(isinstance(f, str) for f in feeds):
        raise BriefingError(f"config {target}: 'feeds' must be a list of URLs")
    timeout = config.get("timeout", 20)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise BriefingError(f"config {target}: 'timeout' must be a number of seconds")
    opml = config.get("opml", [])  # a file of subscriptions, or a list of them
    opml = [opml] if isinstance(opml, str) else opml
    if not isinstance(opml, list) or not all(isinstance(f, str) for f in opml):
        raise BriefingError(f"config {target}: 'opml' must be a file name or a list of them")
    # relative to the config file, as a user writes them beside it
    config["opml"] = [str(target.parent / Path(f).expanduser()) for f in opml]
    return config
