"""Write output files atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from briefing.errors import OutputError


def write_atomic(path: str | os.PathLike[str], text: str, replace_special: bool = False) -> Path:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half.

    A symbolic link is written through (the link stays); a device or pipe such as
    ``/dev/stdout`` is written directly, since it cannot be replaced; an existing file keeps
    its permissions. With ``replace_special`` (the digest's own files) a link, pipe or device
    at ``path`` is replaced by the file instead: never written through, never waited on.
    Every failure is an OutputError with a one-line message.
    """
    target = Path(path)
    # Lone surrogates (file names that are not UTF-8) become "\udcff": a valid JSON escape.
    data = text.encode("utf-8", "backslashreplace")
    try:
        info = os.lstat(target) if replace_special else os.stat(target)  # stat follows links
    except FileNotFoundError:
        info = None
    except OSError as error:  # a symbolic link loop, a path through a file, ...
        raise OutputError(f"cannot write {path}: {_why(error)}") from None
    if replace_special and info is not None and not (
            stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
        info = None  # a link, pipe or device: the new file takes its place
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {path}: is a folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        return _write_in_place(target, data, path)
    if target.is_symlink() and not replace_special:
        target = Path(os.path.realpath(target))  # replace the file the link points to
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {_why(error)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, stat.S_IMODE(info.st_mode) if info else _default_mode())
        os.replace(tmp_name, target)
    except OSError as error:
        Path(tmp_name).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {_why(error)}") from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def _write_in_place(target: Path, data: bytes, shown: str | os.PathLike[str]) -> Path:
    try:
        with open(target, "wb") as handle:
            handle.write(data)
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {_why(error)}") from None
    return target


def _default_mode() -> int:
    """What a newly created file would get: 0o666 less the umask (mkstemp makes 0o600)."""
    try:  # Linux tells the umask without changing it (os.umask would race with threads)
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _why(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def safe_file_name(text: str, suffix: str = "", fallback: str = "briefing") -> str:
    """A file name made from text (a title, a date) that is only a name: no folders, no dots
    in front, no control characters, at most 80 characters before the suffix."""
    import re
    import unicodedata

    value = unicodedata.normalize("NFC", str(text))
    value = re.sub(r"[^\w\-.]+", "-", value).strip("-._")[:80].strip("-._")
    return (value or fallback) + suffix


def path_inside(folder: str | os.PathLike[str], name: str) -> Path:
    """``folder / name``, refused (OutputError) unless it names a file directly in ``folder``.

    For the names the program makes itself (digest files, TUI exports): whatever a date
    option or a title holds, the file cannot land elsewhere.
    """
    base = Path(folder)
    bad = (not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name
           or Path(name).is_absolute())
    candidate = base / name
    if bad or os.path.realpath(candidate.parent) != os.path.realpath(base):
        raise OutputError(f"refusing to write outside {base}: {name!r}")
    return candidate
