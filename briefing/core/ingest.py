"""Find input files, read and decode them, and account for every file that is left out."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.core.models import Skipped

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class RawDocument:
    """An input file's decoded text, before cleaning."""

    path: Path
    text: str
    kind: str  # "text" | "html"
    content_hash: str


def discover(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Skipped]]:
    """Every file under the given paths, recursively, in a stable order.

    Hidden files and folders are skipped silently when found inside a folder (they are not
    inputs the user named); a named path that does not exist is reported.
    """
    files: list[Path] = []
    missing: list[Skipped] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            missing.append(Skipped(path.absolute(), "no such file or directory"))
            continue
        for found in _walk(path) if path.is_dir() else iter([path]):
            resolved = found.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            files.append(found.absolute())
    return files, missing


def _walk(root: Path) -> Iterator[Path]:
    visited: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        stat = os.stat(dirpath)
        key = (stat.st_dev, stat.st_ino)
        if key in visited:  # a symbolic link that loops back
            dirnames[:] = []
            continue
        visited.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument | Skipped:
    """Read and decode one file, or say why it cannot be used."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        return Skipped(path, f"unsupported file type '{suffix or path.name}'")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Skipped(path, f"file too large ({size:,} bytes, limit {max_bytes:,})")
        data = path.read_bytes()
    except OSError as error:
        return Skipped(path, f"unreadable file ({error.strerror or error})")
    if not data.strip():
        return Skipped(path, "empty file")
    text = decode(data)
    if text is None:
        return Skipped(path, "binary file")
    kind = "html" if suffix in HTML_SUFFIXES else "text"
    return RawDocument(path, text, kind, hashlib.sha256(data).hexdigest())


def decode(data: bytes) -> str | None:
    """Decode bytes as text (UTF-8, UTF-8/16 with BOM, legacy 8-bit); None for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best)
