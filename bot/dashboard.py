"""The candidates issue: papers recent runs scored but did not propose, for a maintainer to pick from.

A run proposes at most max_proposals_per_run papers, and a paper it scores is never scored again. The
ones just behind the day's proposals (held back by the cap or the bar after the first, or a little under
the threshold) would be gone for good; this issue keeps them in view for `dashboard.days`, and a box a
maintainer ticks there makes the next run propose that paper in its pull request, whatever its score.

One line per paper, read back by its arXiv link; the hidden marker at the end is how runs recognise the
issue among others with the same label:

    - [ ] [Title](https://arxiv.org/abs/2504.12345) `2504.12345`: 4%, under the threshold; 4.3. X > … > Leaf
    <!-- paperbot:candidates ["2504.12345", ...] -->
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.config import DashboardConfig
from bot.papers import HeldBack, Paper, versionless_id

log = logging.getLogger("paperbot.dashboard")

MARKER_RE = re.compile(r"<!--\s*paperbot:candidates\s+(\[[^\]]*\])\s*-->")
_BOX_RE = re.compile(r"^\s*[-*] \[([ xX])\] .*?\(https://arxiv\.org/abs/([^)\s]+)\)", re.M)
# A candidate's line as _line writes it, and the day heading above it: what a state that lost its candidates
# rebuilds them from.
_LINE_RE = re.compile(r"^- \[[ xX]\] \[(?P<title>(?:\\.|[^\\\]])*)\]\(https://arxiv\.org/abs/(?P<id>[^)\s]+)\) "
                      r"`(?P=id)`: (?P<pct>\d+)%, (?P<reason>.*?); (?P<where>.*)$")
_DAY_RE = re.compile(r"^\*\*(\d{4}-\d{2}-\d{2})\*\*$")
_NO_SECTION = "no section"

# Builds the issue body from the ticks it reads on the issue just before writing it: a box ticked while the
# run worked stays ticked for the next run.
Compose = Callable[[Collection[str]], str]


@dataclass(frozen=True)
class Dashboard:
    """The candidates issue as a run finds it."""

    number: int
    url: str
    state: str  # "open" | "closed"
    body: str
    unlabelled: bool = False  # found by its marker, dashboard.label taken off by hand: the next write puts it back

    @property
    def listed(self) -> list[str]:
        """The ids it lists, from its marker."""
        return parse_candidates_marker(self.body)


def is_dashboard(body: str | None) -> bool:
    return MARKER_RE.search(body or "") is not None


def parse_candidates_marker(body: str | None) -> list[str]:
    """The ids the issue lists, from its marker ([] when it has none)."""
    m = MARKER_RE.search(body or "")
    try:
        ids = json.loads(m.group(1)) if m else []
    except json.JSONDecodeError:
        return []
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def ticked(body: str | None) -> list[str]:
    """The arXiv ids whose boxes are ticked, in the issue's order."""
    out: list[str] = []
    for mark, raw in _BOX_RE.findall((body or "").replace("\r\n", "\n")):
        key = versionless_id(raw)
        if mark in "xX" and key not in out:
            out.append(key)
    return out


def candidate_record(h: HeldBack, day: str) -> dict:
    """What state keeps of a candidate: enough to list it, and to propose it later without asking arXiv."""
    from bot.arxiv_api import paper_to_json
    from bot.render import held_reason

    reason = held_reason(h) if h.place else "under the threshold"
    return {"date": day, "score": round(float(h.score), 4), "why": h.why, "reason": reason,
            "section": list(h.section.path), "paper": paper_to_json(h.paper)}


def candidate_paper(arxiv_id: str, record: dict) -> Paper | None:
    """The paper a state record holds; None (with a warning) when the record is not readable."""
    from bot.arxiv_api import paper_from_json

    try:
        return paper_from_json(record.get("paper"), f"state candidate {arxiv_id}")
    except ValueError as exc:
        log.warning("%s; it cannot be proposed from the candidates issue", exc)
        return None


def issue_candidates(body: str | None) -> dict[str, dict]:
    """The candidate records the issue's own lines hold (those its marker lists, when it has one): for a state
    that lost them (its branch deleted), so the next write does not empty the issue and take the ticks with it.

    A rebuilt record holds what the line shows and no more: the date of its day heading, the score in whole
    percent, the reason (as `why` too), the section as shown (a deep path as its 2nd level, "…" and its leaf)
    and a paper with its id and title alone, without abstract, authors or categories. Enough to write the
    same line again; a run that proposes a ticked one fetches the rest first (publish.with_details). The score
    is the percent the line shows (14% is 0.14, what `explain --json` then reports), and `issue_rank` the line's
    place on the issue: papers of one percent keep the issue's order (dashboard_body sorts by it after the score).
    """
    from bot.arxiv_api import paper_to_json
    from bot.listfile import unescape_markdown

    listed = set(parse_candidates_marker(body))
    day: str | None = None
    out: dict[str, dict] = {}
    for line in (body or "").replace("\r\n", "\n").split("\n"):
        if heading := _DAY_RE.match(line):
            day = heading.group(1)
            continue
        m = _LINE_RE.match(line)
        key = versionless_id(m.group("id")) if m else ""
        if m is None or day is None or key in out or (listed and key not in listed):
            continue
        reason, where = (_uncell(m.group(name)) for name in ("reason", "where"))
        out[key] = {"date": day, "score": int(m.group("pct")) / 100, "issue_rank": len(out), "why": reason,
                    "reason": reason, "section": [] if where == _NO_SECTION else where.split(" > "),
                    "paper": paper_to_json(Paper(arxiv_id=key, title=unescape_markdown(m.group("title"))))}
    return out


def _uncell(text: str) -> str:
    """The text render.cell was given, on one line."""
    return text.replace("\\|", "|")


def window_start(today: str, days: int) -> str:
    """The first date whose candidates are still shown: `days` days, today included."""
    return (date.fromisoformat(today) - timedelta(days=days - 1)).isoformat()


def live_candidates(state_candidates: dict[str, dict], *, today: str, days: int,
                    drop: Collection[str]) -> dict[str, dict]:
    """The candidates still worth showing: scored within `days` of `today` and not in `drop` (proposed,
    rejected, on the list, in a bot PR)."""
    since = window_start(today, days)
    return {k: v for k, v in state_candidates.items() if str(v.get("date", "")) >= since and k not in drop}


def _line(arxiv_id: str, record: dict) -> str:
    from bot.listfile import escape_markdown
    from bot.render import cell, short_path

    title = escape_markdown(" ".join(str(record.get("paper", {}).get("title", arxiv_id)).split()))
    where = short_path(record.get("section") or []) or _NO_SECTION
    score = float(record.get("score", 0.0))
    return (f"- [ ] [{title}](https://arxiv.org/abs/{arxiv_id}) `{arxiv_id}`: "
            f"{round(100 * score)}%, {cell(str(record.get('reason') or record.get('why', '')))}; {cell(where)}")


def dashboard_body(candidates: dict[str, dict], *, config: DashboardConfig, threshold: float,
                   ticks: Collection[str] = ()) -> str:
    """Newest run first, best first within a run: what came in since yesterday is on top. The boxes of `ticks`
    ticked (with_ticks)."""
    from bot.render import BODY_LIMIT

    best = sorted(candidates.items(),
                  key=lambda kv: (-float(kv[1].get("score", 0.0)), int(kv[1].get("issue_rank", 0)), kv[0]))
    best = best[: config.max_candidates]
    while True:
        body = _assemble(best, config=config, threshold=threshold)
        if len(body.encode("utf-8")) <= BODY_LIMIT or not best:
            return with_ticks(body, ticks)
        best = best[:-1]  # the weakest goes first; a hundred long titles could pass GitHub's limit


def with_ticks(body: str, ticks: Collection[str]) -> str:
    """A body dashboard_body wrote without ticks, with these papers' boxes ticked (a tick is as long as a blank
    box, so the same papers fit GitHub's limit). A run builds the body once, for its pull request's held-back
    line, and ticks it with the boxes it reads just before writing the issue."""
    wanted = set(ticks)
    lines = body.split("\n")
    for n, line in enumerate(lines):
        if line.startswith("- [ ] ") and (m := _LINE_RE.match(line)) and m.group("id") in wanted:
            lines[n] = "- [x] " + line[len("- [ ] "):]
    return "\n".join(lines)


def _assemble(best: Sequence[tuple[str, dict]], *, config: DashboardConfig, threshold: float) -> str:
    from bot.render import setting_pct

    days = "day" if config.days == 1 else f"{config.days} days"
    lines = [
        f"Papers paperbot scored in the last {days} but did not propose: held back by the daily cap (or the bar "
        f"for a day's later papers), or scored from {setting_pct(config.min_score)} up to the threshold of "
        f"{setting_pct(threshold)}. **Tick a box** and the next run proposes that paper in its pull request, "
        "in the section shown.",
        "",
        "A paper leaves this list when it is proposed or added to the list, or after those days. The percentage is "
        "the calibrated probability that the paper belongs on the list; after it, why it was not proposed and "
        "the section it would go to. Closing this issue stops paperbot from updating it; reopen it to have it back.",
        "",
    ]
    if not best:
        lines += ["_No candidates right now._", ""]
    by_day: dict[str, list[tuple[str, dict]]] = {}
    for key, record in best:
        by_day.setdefault(str(record.get("date", "")), []).append((key, record))
    for day in sorted(by_day, reverse=True):
        lines += [f"**{day}**", *(_line(key, record) for key, record in by_day[day]), ""]
    ids = json.dumps([key for key, _ in best])
    lines += [f"<!-- paperbot:candidates {ids} -->", ""]
    return "\n".join(lines)
