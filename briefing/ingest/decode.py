"""Bytes to text: binary formats told by their first bytes, encodings detected, mojibake undone.

Takes a file's bytes; gives what binary format they are (``binary_kind``), or the decoded text
and its encoding, or the reason they make no sensible text (``decode_text``).
"""

from __future__ import annotations

import re

HEAD_BYTES = 8192

# Leading bytes of the binary formats people keep beside their articles; checked before the
# suffix, so a PDF saved as ".txt" is still called what it is.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Control bytes that never occur in text (tab, newlines, form feed and escape excluded).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))

# Characters a Western European text (German above all) has outside ASCII; a legacy 8-bit
# decoding that yields others is probably the wrong code page.
_WESTERN = frozenset(
    "äöüÄÖÜßẞ„“”‚‘’«»‹›–—…€°§²³½¼¾©®™•·×"
    "àáâçèéêëîïñóôúûÀÁÂÇÈÉÊÎÑÓÔÚ\xa0\xad"
)

# UTF-8 read as cp1252 and saved again ("Ã¤" for "ä", "â€ž" for "„").
MOJIBAKE = re.compile("[ÃÂ][\x80-\xbf\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u02c6\u02dc\u2013"
                       "\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
                       "|â€[\u017e\u0153\u009d\u02dc\u2122\u201c\u201d\u00a6\u201a\u2039\u203a]")


def binary_kind(head: bytes) -> str | None:
    """What binary format the first bytes of a file show: a name, "" when unnamed, None for text."""
    for bom, _ in _BOMS:
        if head.startswith(bom):
            return None  # UTF-16/32 text has NULs by design
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4 media file"
    if len(head) > 262 and head[257:262] == b"ustar":
        return "tar archive"
    if b"\x00" in head:
        return ""
    # (the control bytes counted in one pass: what deleting them takes away)
    if head and len(head) - len(head.translate(None, _CONTROL_BYTES)) > len(head) * 0.05:
        return ""
    return None


def decode_text(data: bytes) -> tuple[str, str] | str:
    """``(text, encoding)`` for text in UTF-8, UTF-16/32 with BOM or a legacy 8-bit code
    page; a one-line reason when the bytes make no sensible text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                return f"cannot decode text (invalid {encoding.upper()} after byte-order mark)"
            return (text, encoding) if _plausible(text) else "cannot decode text (not text)"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _repair_mojibake(text), "utf-8"
    legacy = _decode_legacy(data)
    if legacy is None:
        return "cannot decode text (unknown encoding)"
    return legacy


def decode(data: bytes) -> str | None:
    """Decoded text, or None when the bytes are binary or undecodable."""
    if binary_kind(data[:HEAD_BYTES]) is not None:
        return None
    decoded = decode_text(data)
    return decoded[0] if isinstance(decoded, tuple) else None


# Legacy code pages a German file may come in, the likeliest first (it wins a tie).
WESTERN_CODE_PAGES = ("cp1252", "iso8859_15", "mac_roman", "cp850", "cp1250")


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    # German files in an 8-bit code page are nearly always cp1252 (latin-1 with „“€ in
    # 0x80-0x9F); detectors tend to call them cp1250 and turn é, è, à into é, č, ŕ. So the
    # Western code pages compete on how German/Western their letters look, and a detector
    # is asked only when none of them reads well (Cyrillic, Greek, East Asian files).
    best: tuple[float, str, str] | None = None
    for encoding in WESTERN_CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _western_score(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is not None and best[0] >= 0.5 and _plausible(best[1]):
        return best[1], best[2]
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is not None and _plausible(str(guess)):
        return str(guess), guess.encoding
    return None


def _western_score(text: str) -> float:
    """From 1 (every non-ASCII character common in German text) down to -2 (none is)."""
    foreign = [c for c in text if ord(c) > 127]
    if not foreign:
        return 1.0
    common = sum(1 for c in foreign if c in _WESTERN)
    return (common - 2 * (len(foreign) - common)) / len(foreign)


def _plausible(text: str) -> bool:
    """Text, not decoded noise: almost no control characters or replacement characters."""
    if not text:
        return True
    bad = sum(1 for c in text if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f\v\x1b")
              or 0x80 <= ord(c) < 0xA0)
    return bad <= len(text) * 0.01


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was read as cp1252 and saved as UTF-8 again ("MÃ¼ller" -> "Müller")."""
    if len(MOJIBAKE.findall(text)) < 2:
        return text
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return repaired if not MOJIBAKE.search(repaired) else text
