"""Atomic file writes: a crash or a full disk never leaves half a README, state file or cache."""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import os
import stat
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.errors import PaperbotError, UsageError

STALE_TEMP_SECONDS = 3600


def read_capped(path: Path, limit: int) -> bytes:
    """A file's bytes, refused past `limit` as an OSError (EFBIG) the callers already turn into one line: a
    wrong path (/dev/zero, a disk image) must not take the memory before anything can say so."""
    with Path(path).open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit // 2**20} MB, more than such a file ever holds")
    return data


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temp file in the same directory, fsync, then rename over the target.

    A symlink is written through (its target gets the new bytes), not replaced by a plain file. Temp
    files a killed run left beside the target are swept, so they never reach a commit of models/.
    """
    atomic_write_files([(path, data)])


def atomic_write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Files that must agree (models/: the pickle and meta.json; a report and its plot), each as
    atomic_write_bytes writes one: every temp file is written and fsynced before the first rename, so a
    full disk or a failed write leaves all the old files, never a new one beside an old one. A rename
    refused after another was done (a file made immutable, a mount point) puts the renamed ones back."""
    pending: dict[Path, tuple[Path, str]] = {}  # as named -> (where it really goes, its temp file)
    done: list[tuple[Path, str | None]] = []  # renamed into place: (target, how to put its old file back)
    try:
        for shown, data in files:
            if not _is_stream(Path(shown)):
                pending[Path(shown)] = _stage(Path(shown), data)
        for shown, data in files:
            if Path(shown) not in pending:
                _write_stream(Path(shown), data)
                continue
            target, tmp = pending[Path(shown)]
            done.append((target, _link_old(target) if len(files) > 1 else None))
            try:
                os.replace(tmp, target)
            except OSError as exc:
                _unlink(done.pop()[1])
                raise PaperbotError(f"cannot write {shown}: {exc.strerror or exc}") from None
            del pending[Path(shown)]
    except BaseException:  # Ctrl-C too: the files renamed so far go back to what they were
        for target, old in reversed(done):
            with contextlib.suppress(OSError):
                if old == "":
                    os.unlink(target)  # there was none
                elif old is not None:
                    os.replace(old, target)
        raise
    finally:  # no temp file stays behind
        for _, tmp in pending.values():
            _unlink(tmp)
        for _, old in done:
            _unlink(old)


def _link_old(target: Path) -> str | None:
    """How to undo a rename over `target`: a second name of its old file; "" when there is none (remove the
    new one); None when it cannot be kept (no hard links there), so the new file stays."""
    link = target.parent / f".{target.name}.{uuid.uuid4().hex}.rollback"  # swept (by its ctime) if a kill leaves it
    try:
        os.link(target, link)
    except FileNotFoundError:
        return ""
    except OSError:
        return None
    return str(link)


def _unlink(path: str | None) -> None:
    if path:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _stage(shown: Path, data: bytes) -> tuple[Path, str]:
    """`data` in a fsynced temp file beside the real target (symlinks followed); (target, temp file)."""
    path = Path(os.path.realpath(shown))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sweep_stale_temps(path.parent, f".{glob.escape(path.name)}.*.tmp")
        sweep_stale_temps(path.parent, f".{glob.escape(path.name)}.*.rollback", by_ctime=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise PaperbotError(f"cannot write {shown}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600; keep the old file's mode (a README stays world-readable), else the umask's.
        os.chmod(tmp, _mode_for(path))
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise PaperbotError(f"cannot write {shown}: {exc.strerror or exc}") from None
        raise
    return path, tmp


def _is_stream(path: Path) -> bool:
    """A device, pipe or socket (`--json /dev/stdout`, a FIFO): written into, never renamed over, which would
    replace the device node with a plain file (and into /proc/self/fd/1's pipe it cannot)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_stream(path: Path, data: bytes) -> None:
    try:
        with open(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise PaperbotError(f"cannot write {path}: {exc.strerror or exc}") from None


def sweep_stale_temps(folder: Path, pattern: str, *, by_ctime: bool = False) -> None:
    """Remove temp files older than an hour: a kill -9 mid-write leaves them, nothing reads them.

    The hour keeps a concurrent run's write in progress (seconds old) safe. by_ctime: for rollback links,
    which share their file's (old) mtime but were made when linked.
    """
    cutoff = time.time() - STALE_TEMP_SECONDS
    for old in folder.glob(pattern):
        with contextlib.suppress(OSError):
            st = old.stat()
            if (st.st_ctime if by_ctime else st.st_mtime) < cutoff:
                old.unlink()


def check_writable(path: Path) -> None:
    """Fail before long work (training, a replay, a scan that records state), not after it.

    Probes with a real temp file in the nearest folder that exists, where the write would make its
    folders, because permission bits lie (root, read-only mounts, /proc); it creates nothing, so a run
    stopped later for another reason leaves no empty folder. A usage error (exit 2): the path was given.
    """
    path = Path(path)
    if _is_stream(path):  # written into as it is (atomic_write_bytes)
        if not os.access(path, os.W_OK):
            raise UsageError(f"cannot write {path}: permission denied")
        return
    target = Path(os.path.realpath(path))  # where atomic_write_bytes will really write
    if target.is_dir():
        raise UsageError(f"cannot write {path}: it is a folder")
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: {folder} is not a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".paperbot-", suffix=".probe", dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    os.unlink(tmp)


def atomic_write_text(path: Path, text: str) -> None:
    """Text is written exactly (no newline translation), so README bytes survive a round trip."""
    atomic_write_bytes(path, text.encode("utf-8"))


def json_bytes(doc: Any) -> bytes:
    """The JSON files paperbot keeps (state, meta.json): sorted keys, so a commit shows only what changed."""
    return (json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def atomic_write_json(path: Path, doc: Any) -> None:
    atomic_write_bytes(path, json_bytes(doc))
