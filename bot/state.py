"""What the bot has seen, proposed and had rejected, kept between runs so no paper is proposed twice.

One JSON file with a schema version, written atomically. A missing file is a first run (empty state);
a file that is not ours (corrupt JSON, another schema version) stops the run with one line rather
than silently starting over and re-proposing everything.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import PaperbotError
from bot.files import atomic_write_json, read_capped
from bot.papers import versionless_id

SCHEMA_VERSION = 1
# A year of daily runs records some 200,000 papers, about 10 MB; far past that the path is not a state file.
MAX_STATE_BYTES = 256 * 2**20
# The JSON objects of arXiv id -> record a state file holds ("seen" maps to dates); a key this paperbot does not
# know is kept as it is (State.extra) and written back.
_BOOKS = ("seen", "proposed", "rejected", "held_back", "candidates")


# The fields of a record that runs read, and what each must be: a hand-edited record of another shape stops
# the run at load with one line, not later as a traceback in the middle of writing the candidates issue.
_FIELDS: dict[str, tuple[tuple[type, ...], str]] = {
    "date": ((str,), "an ISO date string"),
    "score": ((int, float), "a number"),
    "why": ((str,), "a string"),
    "reason": ((str,), "a string"),
    "pr": ((str, int, type(None)), "a string, a number or null"),
    "section": ((list,), "a list of heading strings"),
    "paper": ((dict,), "a JSON object (the paper: id, title, abstract, ...)"),
    "issue_rank": ((int,), "a whole number"),
}


def _record_problem(record: dict) -> str | None:
    for name, (types, what) in _FIELDS.items():
        if name not in record:
            continue
        value = record[name]
        if isinstance(value, bool) or not isinstance(value, types):
            return f"'{name}' must be {what}, got {json.dumps(value)[:40]}"
        if isinstance(value, list) and not all(isinstance(part, str) for part in value):
            return f"'section' must be {what}"
    return None


@dataclass
class State:
    path: Path | None = None
    seen: dict[str, str] = field(default_factory=dict)  # arxiv_id -> ISO date first seen
    proposed: dict[str, dict] = field(default_factory=dict)  # arxiv_id -> {"date", "pr", "section"}
    rejected: dict[str, dict] = field(default_factory=dict)  # arxiv_id -> {"date", "pr"}
    # Above the thresholds but kept out by the cap or the bar: seen, so never scored again; recorded so a
    # maintainer asking about one (`paperbot explain`) learns why and when, for as long as 'seen' dates are kept
    # (forget_seen). {"date", "score", "why", "section"}
    held_back: dict[str, dict] = field(default_factory=dict)
    # The candidates issue's papers (held back, or just under the threshold) of the last dashboard.days, with
    # what a later run needs to propose one a maintainer ticks: {"date", "score", "why", "section", "paper"}
    # (and "issue_rank", one rebuilt from the lines: dashboard.issue_candidates).
    candidates: dict[str, dict] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # keys a newer paperbot wrote: kept, not dropped
    # Rejections this run took back (the paper is on the list after all): not written, but a save that merges
    # another run's copy of the state must not bring them back.
    cleared: set[str] = field(default_factory=set, compare=False, repr=False)
    # 'seen' records this run dropped as too old (forget_seen), and the cut: a merged save keeps them out, and
    # the embedding cache drops their vectors.
    forgotten: set[str] = field(default_factory=set, compare=False, repr=False)
    forgotten_before: str = field(default="", compare=False, repr=False)

    @classmethod
    def load(cls, path: Path | None) -> State:
        if path is None:
            return cls()
        path = Path(path)
        try:
            raw = read_capped(path, MAX_STATE_BYTES)
        except FileNotFoundError:
            return cls(path=path)
        except OSError as exc:
            raise PaperbotError(f"{path}: cannot read state file: {exc.strerror or exc}") from None
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PaperbotError(
                f"{path}: state file is not valid JSON ({exc}); fix it or move it away to start with an empty state"
            ) from None
        return cls.from_json(doc, path)

    @classmethod
    def from_json(cls, doc: Any, path: Path | None = None, *, where: str | None = None) -> State:
        where = where or (str(path) if path is not None else "state")
        if not isinstance(doc, dict):
            raise PaperbotError(f"{where}: state must be a JSON object, got {type(doc).__name__}")
        version = doc.get("version")
        if version != SCHEMA_VERSION:
            raise PaperbotError(
                f"{where}: state schema version {version!r} is not supported (this paperbot reads version "
                f"{SCHEMA_VERSION}); upgrade paperbot or move the file away"
            )
        parts: dict[str, dict] = {}
        for name in _BOOKS:
            value = doc.get(name, {})
            if not isinstance(value, dict):
                raise PaperbotError(f"{where}: '{name}' must be a JSON object, got {type(value).__name__}")
            parts[name] = value
        if not all(isinstance(v, str) for v in parts["seen"].values()):
            raise PaperbotError(f"{where}: 'seen' must map arXiv ids to ISO dates")
        for name in _BOOKS[1:]:
            if not all(isinstance(v, dict) for v in parts[name].values()):
                raise PaperbotError(f"{where}: every '{name}' value must be a JSON object")
            for key, record in parts[name].items():
                if problem := _record_problem(record):
                    raise PaperbotError(f"{where}: '{name}' record {key}: {problem}; fix it or remove the record")
        # Keys as every lookup spells them: a hand-edited "2504.12687v2" is the same paper as 2504.12687.
        def keyed(part: dict) -> dict:
            out: dict = {}
            for key, value in part.items():
                out.setdefault(versionless_id(str(key)), value)
            return out

        extra = {k: v for k, v in doc.items() if k != "version" and k not in _BOOKS}
        return cls(path=path, seen=keyed(parts["seen"]), proposed=keyed(parts["proposed"]),
                   rejected=keyed(parts["rejected"]), held_back=keyed(parts["held_back"]),
                   candidates=keyed(parts["candidates"]), extra=extra)

    def to_json(self) -> dict:
        return {
            **self.extra,
            "version": SCHEMA_VERSION,
            "seen": dict(sorted(self.seen.items())),
            "proposed": dict(sorted(self.proposed.items())),
            "rejected": dict(sorted(self.rejected.items())),
            **({"held_back": dict(sorted(self.held_back.items()))} if self.held_back else {}),
            **({"candidates": dict(sorted(self.candidates.items()))} if self.candidates else {}),
        }

    def save(self) -> None:
        if self.path is None:
            raise PaperbotError("state has no file to be saved to")
        atomic_write_json(self.path, self.to_json())

    def is_known(self, arxiv_id: str) -> bool:
        key = versionless_id(arxiv_id)
        return key in self.seen or key in self.proposed or key in self.rejected

    def __contains__(self, arxiv_id: object) -> bool:
        """Lets a State be passed wherever a container of known ids is expected (read_feeds(seen=state))."""
        return isinstance(arxiv_id, str) and self.is_known(arxiv_id)

    def mark_seen(self, ids: Iterable[str], date: str) -> None:
        for arxiv_id in ids:
            self.seen.setdefault(versionless_id(arxiv_id), date)  # keep the first date

    def mark_proposed(self, arxiv_id: str, *, date: str, pr: str | None = None, section: Sequence[str] = ()) -> None:
        key = versionless_id(arxiv_id)
        self.proposed[key] = {"date": date, "pr": pr, "section": list(section)}
        self.seen.setdefault(key, date)

    def mark_held_back(self, arxiv_id: str, *, date: str, score: float, why: str,
                       section: Sequence[str] = ()) -> None:
        key = versionless_id(arxiv_id)
        self.held_back.setdefault(key, {"date": date, "score": round(float(score), 4), "why": why,
                                        "section": list(section)})
        self.seen.setdefault(key, date)

    def mark_candidate(self, arxiv_id: str, record: dict) -> None:
        """Keep the first record: the day a paper was scored is the day it joined the candidates issue."""
        key = versionless_id(arxiv_id)
        self.candidates.setdefault(key, record)
        self.seen.setdefault(key, str(record.get("date", "")))

    def prune_candidates(self, since: str) -> None:
        """Drop the candidates scored before `since` (an ISO date): the issue shows recent runs only."""
        self.candidates = {k: v for k, v in self.candidates.items() if str(v.get("date", "")) >= since}

    def done_with(self, before: str) -> set[str]:
        """Papers first seen before `before` (an ISO date) that nothing still asks about: not proposed, not
        rejected (negatives for training), not on the candidates issue. Their embeddings may go."""
        needed = self.proposed.keys() | self.rejected.keys() | self.candidates.keys()
        return {k for k, date in self.seen.items() if date < before and k not in needed}

    def forget_seen(self, before: str) -> None:
        """Drop the 'seen' dates before `before` (an ISO date) that only say "scored once, not proposed": no
        daily feed brings such a paper back. The held-back records from before it go too (kept, they would grow
        the file by a few papers every day for good), but a paper the candidates issue still lists: `explain`
        says why and when of those held back since."""
        old = {k for k, r in self.held_back.items() if str(r.get("date", "")) < before and k not in self.candidates}
        for key in old:
            del self.held_back[key]
        gone = self.done_with(before) - self.held_back.keys()
        for key in gone:
            del self.seen[key]
        self.forgotten |= gone
        self.forgotten_before = max(self.forgotten_before, before)

    def clear_rejection(self, arxiv_id: str) -> bool:
        """The paper is on the list after all: a yes, whatever an earlier run recorded. True if it was a no."""
        key = versionless_id(arxiv_id)
        if self.rejected.pop(key, None) is None:
            return False
        self.cleared.add(key)
        return True

    def mark_rejected(self, arxiv_id: str, *, date: str, pr: str | None = None) -> None:
        key = versionless_id(arxiv_id)
        self.rejected[key] = {"date": date, "pr": pr}
        self.seen.setdefault(key, date)
