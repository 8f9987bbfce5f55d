"""Find input files, read and decode them, and account for every file that is left out.

Takes paths (files or folders); gives every file under them in a stable order (``discover``),
and for each its decoded text (``read_document``: a ``RawDocument``) or why it is skipped.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from briefing.ingest.decode import HEAD_BYTES, binary_kind, decode_text
from briefing.models import DEFAULT_MAX_BYTES, Skipped

TEXT_SUFFIXES = frozenset({".txt", ".md"})

HTML_SUFFIXES = frozenset({".html", ".htm"})

# The path an article read from standard input (a PATH of "-") goes by.
STDIN = Path("<stdin>")


# Characters that are never article text and could act on a terminal or on the reading
# order: C0/C1 controls (tab, newlines and form feed kept), bidi overrides, stray BOMs.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass(frozen=True)
class RawDocument:
    """An input file's decoded text, before cleaning."""

    path: Path
    text: str
    kind: str  # "text" | "html"
    content_hash: str
    encoding: str = "utf-8"


def discover(
    paths: Iterable[str | os.PathLike[str]], follow_links: bool = False
) -> tuple[list[Path], list[Skipped]]:
    """Every file under the given paths, recursively, in a stable order.

    Hidden files and folders are passed over when found inside a folder (they are not inputs
    the user named); a folder reached twice through symbolic links is read once; a named
    path that does not exist, and a folder that cannot be listed, are reported. A symbolic
    link found in a folder is followed only when it leads into the folders given (or with
    ``follow_links``); one that leads elsewhere is reported, not read. ``-`` is the article on
    standard input (``STDIN``, read by ``read_streams``).
    """
    files: list[Path] = []
    problems: list[Skipped] = []
    seen: set[Path] = set()
    named = [p for p in paths]
    given = [Path(os.path.abspath(Path(p).expanduser())) for p in named if os.fspath(p) != "-"]
    roots = None if follow_links else [os.path.realpath(p) for p in given if p.is_dir()]
    if any(os.fspath(p) == "-" for p in named):
        seen.add(STDIN)
        files.append(STDIN)
    for path in given:
        if not path.exists() and not path.is_symlink():
            problems.append(Skipped(path, "no such file or directory"))
            continue
        found_here = _walk(path, problems, roots) if path.is_dir() else iter([path])
        for found in found_here:
            # The same path named twice (a file and its folder) is one input; a symbolic
            # link to a file is its own input and will be reported as a duplicate.
            if found in seen:
                continue
            seen.add(found)
            files.append(found)
    return files, problems


LINK_OUT = "symbolic link out of the input folder (not followed; --follow-links reads it)"


def _leads_out(path: str, roots: list[str] | None) -> bool:
    """``path`` is a symbolic link that leads out of ``roots`` (None: any link may be read).

    A broken link is not judged here: reading it says that it is broken.
    """
    if roots is None or not os.path.islink(path) or not os.path.exists(path):
        return False
    real = os.path.realpath(path)
    return not any(real == root or real.startswith(root.rstrip(os.sep) + os.sep)
                   for root in roots)


def _walk(root: Path, problems: list[Skipped], roots: list[str] | None) -> Iterator[Path]:
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
        kept = []
        for name in sorted(d for d in dirnames if not d.startswith(".")):
            if _leads_out(os.path.join(dirpath, name), roots):
                problems.append(Skipped(Path(dirpath) / name, LINK_OUT))
            else:
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if _leads_out(os.path.join(dirpath, name), roots):
                problems.append(Skipped(Path(dirpath) / name, LINK_OUT))
            else:
                yield Path(dirpath) / name


class NotRegularFile(OSError):
    """A FIFO, a device, a socket or a /proc file: reading it could block or never end."""


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a file for reading only if it is a regular file, never blocking on the open.

    The check is on the opened descriptor (a FIFO swapped in after a stat is still caught);
    files of /proc and /sys count as special (their size says 0, reading may block).
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not _regular(os.fstat(fd)):
            raise NotRegularFile(f"not a regular file: {path}")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _regular(info: os.stat_result) -> bool:
    return stat.S_ISREG(info.st_mode) and info.st_dev not in _pseudo_devices()


@functools.cache
def _pseudo_devices() -> frozenset[int]:
    """The devices of /proc and /sys, whose files are no articles."""
    found = set()
    for folder in ("/proc", "/sys"):
        with contextlib.suppress(OSError):
            found.add(os.stat(folder).st_dev)
    return frozenset(found)


# Standard input and pipes named as paths, read by ``read_streams``: their bytes, or why
# they could not be read.
_streamed: dict[Path, bytes | str] = {}
_stdin_read_from: object = None  # the sys.stdin that _streamed[STDIN] was read from


def read_streams(paths: Iterable[str | os.PathLike[str]], max_bytes: int) -> None:
    """Read ``-`` (standard input) and the pipes and devices among the named ``paths``
    (``/dev/stdin``, a process substitution's ``/dev/fd/63``) once, in this process, at most
    ``max_bytes`` and one byte: a stream cannot be read twice, and forked workers or a TUI
    reload then see the same bytes (``read_document`` takes them from here). Pipes found
    inside a folder are not read (they could block).
    """
    global _stdin_read_from
    for given in paths:
        if os.fspath(given) == "-":
            if _stdin_read_from is not sys.stdin:  # a reload reads what was read before
                _streamed[STDIN] = _read_stream(sys.stdin.buffer, max_bytes)
                _stdin_read_from = sys.stdin
            continue
        path = Path(os.path.abspath(Path(given).expanduser()))
        if path not in _streamed and _is_stream(path):  # a pipe flows once
            try:
                with open(path, "rb") as stream:
                    _streamed[path] = _read_stream(stream, max_bytes)
            except OSError as error:
                _streamed[path] = f"unreadable file ({error.strerror or error})"


def _is_stream(path: Path) -> bool:
    """A pipe or device named as a path, read as it flows: ``/dev/stdin`` (a file when the
    shell redirects one into it), a process substitution's ``/dev/fd/63``, a named pipe."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if stat.S_ISDIR(mode):
        return False
    return (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)
            or str(path).startswith(("/dev/", "/proc/self/fd/")))


def _read_stream(stream, max_bytes: int) -> bytes | str:
    try:
        return stream.read(max_bytes + 1)
    except OSError as error:
        return f"unreadable file ({error.strerror or error})"


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument | Skipped:
    """Read and decode one file, or say why it cannot be used."""
    if path in _streamed:
        data = _streamed[path]
        if isinstance(data, str):
            return Skipped(path, data)
        kind = binary_kind(data[:HEAD_BYTES])
        if kind is not None:
            return Skipped(path, f"binary file ({kind})" if kind else "binary file")
        looks_html = data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))
        return _document(path, data, max_bytes, "html" if looks_html else "text")
    try:
        info = path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file or directory"
        return Skipped(path, reason)
    except OSError as error:
        return Skipped(path, f"unreadable file ({error.strerror or error})")
    if stat.S_ISDIR(info.st_mode):
        return Skipped(path, "is a folder")
    if not _regular(info):
        # Reading a FIFO, a device or a /proc file would block or never end.
        return Skipped(path, "not a regular file")
    try:
        with open_regular(path):  # opened without blocking and checked, then read as usual
            pass
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
            kind = binary_kind(head)
            if kind is not None:
                return Skipped(path, f"binary file ({kind})" if kind else "binary file")
            suffix = path.suffix.lower()
            if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
                shown = f"'{suffix}'" if suffix else "(no file name extension)"
                return Skipped(path, f"unsupported file type {shown}")
            if info.st_size > max_bytes:
                shown, limit = _sizes(info.st_size, max_bytes)
                return Skipped(path, f"file too large ({shown}, limit {limit})")
            # Read at most one byte past the cap (the file may have grown since stat()), and
            # no more than the file holds: a large --max-size must not ask for a large buffer.
            data = head + handle.read(max(0, min(max_bytes, info.st_size) + 1 - len(head)))
    except NotRegularFile:
        return Skipped(path, "not a regular file")
    except OSError as error:
        return Skipped(path, f"unreadable file ({error.strerror or error})")
    return _document(path, data, max_bytes,
                     "html" if path.suffix.lower() in HTML_SUFFIXES else "text")


def _document(path: Path, data: bytes, max_bytes: int, kind: str) -> RawDocument | Skipped:
    """The decoded text of a file's bytes, or why it cannot be used."""
    if len(data) > max_bytes:
        return Skipped(path, f"file too large (over {_size(max_bytes)})")
    if not data.strip():
        return Skipped(path, "empty file")
    decoded = decode_text(data)
    if isinstance(decoded, str):  # the reason it could not be decoded
        return Skipped(path, decoded)
    text, encoding = decoded
    text = CONTROL_CHARACTERS.sub("", text)
    if not text.strip():
        return Skipped(path, "empty file")
    # checked on the line ends the cleaner will read: it takes a lone "\r" for one too
    if _front_matter_with_aliases(text.replace("\r\n", "\n").replace("\r", "\n")):
        return Skipped(path, "front matter with YAML aliases (refused: could expand without end)")
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


def _sizes(count: int, limit: int) -> tuple[str, str]:
    """A file's size and the limit it exceeds, shown so that the one is visibly larger:
    "5.2 MB, limit 5.0 MB", but "1,025 bytes, limit 1,024 bytes" where one decimal would
    show the same number twice."""
    shown, cap = _size(count), _size(limit)
    if shown == cap:
        shown, cap = f"{count:,} bytes", f"{limit:,} bytes"
    return shown, cap


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b|bytes?)?\s*$", re.IGNORECASE)
MAX_SIZE = 1024**4  # a --max-size above 1 TB is a mistake, not a limit


def parse_size(text: str) -> int:
    """``"5MB"``, ``"500k"``, ``"1.5 MiB"`` or ``"1048576"`` as a number of bytes (1 KB = 1024)."""
    match = _SIZE.match(str(text))
    if not match:
        raise ValueError(f"not a size: {text!r} (try 5MB, 500KB or a number of bytes)")
    number, unit = float(match.group(1)), (match.group(2) or "b").lower()
    factor = {"k": 1024, "m": 1024**2, "g": 1024**3}.get(unit[0], 1)
    if number * factor > MAX_SIZE:  # (also a number too long for a float: inf)
        raise ValueError(f"size too large: {text[:40]!r} (at most 1024GB)")
    size = int(number * factor)
    if size <= 0:
        raise ValueError(f"size must be positive: {text!r}")
    return size
