"""Ingest: the input files, read and decoded, every file that is left out accounted for.

Takes paths; gives the files under them (``discover``), each file's decoded text
(``read_document``), and the earlier article a new one repeats (``DuplicateIndex``).
"""

from briefing.ingest.decode import binary_kind, decode, decode_text
from briefing.ingest.duplicates import DuplicateIndex, display_name
from briefing.ingest.files import (
    DEFAULT_MAX_BYTES,
    HTML_SUFFIXES,
    STDIN,
    TEXT_SUFFIXES,
    RawDocument,
    discover,
    parse_size,
    read_document,
    read_streams,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "HTML_SUFFIXES",
    "STDIN",
    "TEXT_SUFFIXES",
    "DuplicateIndex",
    "RawDocument",
    "binary_kind",
    "decode",
    "decode_text",
    "discover",
    "display_name",
    "parse_size",
    "read_document",
    "read_streams",
]
