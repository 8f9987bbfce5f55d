"""Find input files, read and decode them, and account for every file that is left out."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.core.models import Article, Skipped

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_HEAD_BYTES = 8192

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
# Characters that are never article text and could act on a terminal or on the reading
# order: C0/C1 controls (tab, newlines and form feed kept), bidi overrides, stray BOMs.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
# UTF-8 read as cp1252 and saved again ("Ã¤" for "ä", "â€ž" for "„").
_MOJIBAKE = re.compile("[ÃÂ][\x80-\xbf\u0152\u0153\u0160\u0161\u017d\u017e\u0178\u02c6\u02dc\u2013"
                       "\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
                       "|â€[\u017e\u0153\u009d\u02dc\u2122\u201c\u201d\u00a6\u201a\u2039\u203a]")


@dataclass(frozen=True)
class RawDocument:
    """An input file's decoded text, before cleaning."""

    path: Path
    text: str
    kind: str  # "text" | "html"
    content_hash: str
    encoding: str = "utf-8"


def discover(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Skipped]]:
    """Every file under the given paths, recursively, in a stable order.

    Hidden files and folders are passed over when found inside a folder (they are not inputs
    the user named); a folder reached twice through symbolic links is read once; a named
    path that does not exist, and a folder that cannot be listed, are reported.
    """
    files: list[Path] = []
    problems: list[Skipped] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(os.path.abspath(Path(given).expanduser()))
        if not path.exists() and not path.is_symlink():
            problems.append(Skipped(path, "no such file or directory"))
            continue
        found_here = _walk(path, problems) if path.is_dir() else iter([path])
        for found in found_here:
            # The same path named twice (a file and its folder) is one input; a symbolic
            # link to a file is its own input and will be reported as a duplicate.
            if found in seen:
                continue
            seen.add(found)
            files.append(found)
    return files, problems


def _walk(root: Path, problems: list[Skipped]) -> Iterator[Path]:
    visited: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else root
        problems.append(Skipped(where, f"unreadable folder ({error.strerror or error})"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (info.st_dev, info.st_ino)
        if key in visited:  # reached again through a symbolic link (a loop, or an alias)
            dirnames[:] = []
            continue
        visited.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument | Skipped:
    """Read and decode one file, or say why it cannot be used."""
    try:
        info = path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file or directory"
        return Skipped(path, reason)
    except OSError as error:
        return Skipped(path, f"unreadable file ({error.strerror or error})")
    if stat.S_ISDIR(info.st_mode):
        return Skipped(path, "is a folder")
    if not stat.S_ISREG(info.st_mode):
        # Reading a FIFO or a device would block or never end.
        return Skipped(path, "not a regular file")
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
            kind = binary_kind(head)
            if kind is not None:
                return Skipped(path, f"binary file ({kind})" if kind else "binary file")
            suffix = path.suffix.lower()
            if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
                shown = f"'{suffix}'" if suffix else "(no file name extension)"
                return Skipped(path, f"unsupported file type {shown}")
            if info.st_size > max_bytes:
                limit = _size(max_bytes)
                return Skipped(path, f"file too large ({_size(info.st_size)}, limit {limit})")
            # Read at most one byte past the cap: the file may have grown since stat().
            data = head + handle.read(max_bytes + 1 - len(head))
    except OSError as error:
        return Skipped(path, f"unreadable file ({error.strerror or error})")
    if len(data) > max_bytes:
        return Skipped(path, f"file too large (over {_size(max_bytes)})")
    if not data.strip():
        return Skipped(path, "empty file")
    decoded = decode_text(data)
    if isinstance(decoded, str):  # the reason it could not be decoded
        return Skipped(path, decoded)
    text, encoding = decoded
    text = _CONTROL_CHARS.sub("", text)
    if not text.strip():
        return Skipped(path, "empty file")
    if _front_matter_with_aliases(text):
        return Skipped(path, "front matter with YAML aliases (refused: could expand without end)")
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    return RawDocument(path, text, kind, hashlib.sha256(data).hexdigest(), encoding)


_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_YAML_ANCHOR = re.compile(r"&([^\s\[\]{},]+)")
_YAML_ALIAS = re.compile(r"\*([^\s\[\]{},]+)")


def _front_matter_with_aliases(text: str) -> bool:
    """True when a YAML front matter block refers to its own anchors ("billion laughs").

    Article metadata never needs anchors; a few hundred bytes of nested aliases expand to
    billions of strings when the metadata is turned into text.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return False
    block = match.group(1)
    return bool(set(_YAML_ANCHOR.findall(block)) & set(_YAML_ALIAS.findall(block)))


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count} bytes"


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
    if head and sum(head.count(bytes([b])) for b in _CONTROL_BYTES) > len(head) * 0.05:
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
    if binary_kind(data[:_HEAD_BYTES]) is not None:
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
    if len(_MOJIBAKE.findall(text)) < 2:
        return text
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return repaired if not _MOJIBAKE.search(repaired) else text


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b|bytes?)?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``"5MB"``, ``"500k"``, ``"1.5 MiB"`` or ``"1048576"`` as a number of bytes (1 KB = 1024)."""
    match = _SIZE.match(str(text))
    if not match:
        raise ValueError(f"not a size: {text!r} (try 5MB, 500KB or a number of bytes)")
    number, unit = float(match.group(1)), (match.group(2) or "b").lower()
    factor = {"k": 1024, "m": 1024**2, "g": 1024**3}.get(unit[0], 1)
    size = int(number * factor)
    if size <= 0:
        raise ValueError(f"size must be positive: {text!r}")
    return size


class DuplicateIndex:
    """Finds an earlier article that a new one repeats: same file bytes, same text, or only
    paragraphs the earlier one already has (the same article saved with other page furniture).

    Works through hashes (raw bytes, whole text, each paragraph), so it stays linear in the
    number of paragraphs however many articles come.
    """

    MIN_PARAGRAPH_WORDS = 8  # shorter paragraphs ("Foto: dpa") are shared by unrelated pages

    def __init__(self) -> None:
        self._by_key: dict[str, Article] = {}
        self._by_paragraph: dict[str, list[Article]] = {}

    def twin_of(self, article: Article) -> Article | None:
        for key in self._keys(article):
            if key in self._by_key:
                return self._by_key[key]
        paragraphs = self._paragraphs(article)
        if len(paragraphs) < 2:
            return None
        candidates: dict[int, int] = {}
        owners: dict[int, Article] = {}
        for paragraph in paragraphs:
            for owner in self._by_paragraph.get(paragraph, []):
                candidates[id(owner)] = candidates.get(id(owner), 0) + 1
                owners[id(owner)] = owner
        for key, shared in candidates.items():
            if shared == len(paragraphs):
                return owners[key]
        return None

    def add(self, article: Article) -> None:
        for key in self._keys(article):
            self._by_key.setdefault(key, article)
        for paragraph in self._paragraphs(article):
            owners = self._by_paragraph.setdefault(paragraph, [])
            if len(owners) < 8:  # a paragraph in many articles is boilerplate, not a signal
                owners.append(article)

    @staticmethod
    def _keys(article: Article) -> list[str]:
        keys = [f"text:{_digest(' '.join(article.body.split()))}"]
        if article.content_hash:
            keys.append(f"bytes:{article.content_hash}")
        return keys

    @classmethod
    def _paragraphs(cls, article: Article) -> set[str]:
        return {
            _digest(" ".join(block.text.split()).casefold())
            for block in article.blocks
            if not block.is_heading and len(block.text.split()) >= cls.MIN_PARAGRAPH_WORDS
        }


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def display_name(twin: Path, path: Path) -> str:
    """The twin's file name for "duplicate of NAME", with folders when both names are alike."""
    if twin.name != path.name:
        return twin.name
    try:
        return str(twin.relative_to(os.path.commonpath([twin, path])))
    except ValueError:
        return str(twin)
