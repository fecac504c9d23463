"""Logging for people (text) and for the Action (one JSON object per line), and quiet progress bars."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        doc = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            doc["exception"] = self.formatException(record.exc_info)
        return json.dumps(doc, ensure_ascii=False)


class _StderrHandler(logging.StreamHandler):
    """Writes to sys.stderr as it is when a record comes, not as it was at setup: a caller that swaps stderr
    (pytest's capture, a wrapper) would otherwise leave the logs writing to a closed stream."""

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


def setup_logging(fmt: str = "text", level: str = "INFO") -> None:
    """Logs go to stderr so stdout stays clean for --json output and diffs."""
    handler = _StderrHandler()
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("paperbot")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def progress(items: Iterable[T], *, desc: str, total: int | None = None) -> Iterator[T]:
    """A tqdm bar on a terminal; silent when stderr is not a TTY (CI, the Action, pipes)."""
    from tqdm import tqdm

    yield from tqdm(items, desc=desc, total=total, disable=not sys.stderr.isatty(), leave=False)
