"""The honest replay: train without the papers added after a cut-off, replay the days that followed.

The list as it is today contains the papers the bot should have found, so scoring them with a model
trained on today's list measures nothing. Instead: drop every entry whose arXiv id is at or after the
hold-out prefix, train on the rest, feed the day files through exactly the code `scan` runs (feeds,
state dedupe, scoring, thresholds, cap), and count how many of the held-out papers would have been
proposed, at what daily volume, in which section. Every day is scored once; a sweep of thresholds
then only re-applies `select_proposals` to the stored scores, which is exact because state marks a
paper seen whether or not it was proposed.
"""

from __future__ import annotations

import contextlib
import datetime
import itertools
import logging
import re
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from bot.config import Config
from bot.errors import PaperbotError, UsageError
from bot.files import atomic_write_files
from bot.model import group_of
from bot.papers import Paper, Proposal, SectionScore, normalize_title
from bot.propose import (
    bar_after_first,
    day_rank,
    held_back_papers,
    near_misses,
    scan,
    select_proposals,
    why_not_proposed,
)

if TYPE_CHECKING:
    from bot.embed import Encoder
    from bot.listfile import PaperList
    from bot.model import ListModel, Scored

log = logging.getLogger("paperbot.evaluate")

_DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.xml$")
_PREFIX = re.compile(r"^(\d{4})(?:\.(\d{1,5}))?$")

# Scores are probabilities at the feed's (low) rate of list papers, so the useful thresholds crowd
# near zero: the sweep is dense there and the plot's x axis is logarithmic. A small list's scores run lower
# than the seed list's (a 26-paper list's held-out papers scored 0.009-0.039, README): hence the thousandths.
SWEEP = (0.002, 0.003, 0.005, 0.007, 0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.045, 0.05, 0.06, 0.07, 0.08, 0.09,
         0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
CAPS = (1, 2, 3, 4, 5)
# thresholds.relevance_after_first: the bar for a day's second and later proposals.
AFTER_FIRST_SWEEP = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
# The volume a maintainer will read: the report names, for each cap, the threshold that recalls the most
# within it (`--budget` changes it).
BUDGET = 1.0


# ---------------------------------------------------------------- hold-out split


def _prefix_key(prefix: str) -> tuple[int, int]:
    m = _PREFIX.match(prefix.strip())
    if not m:
        raise UsageError(f"--holdout-from {prefix!r}: expected an arXiv id prefix YYMM or YYMM.NNNNN, e.g. 2503")
    yymm, num = m.group(1), m.group(2) or ""
    return int(yymm), int(num.ljust(5, "0"))


def at_or_after(arxiv_id: str | None, prefix: str) -> bool:
    """True when `arxiv_id` is at or after the prefix ("2503" means 2503.00000 onwards).

    The split is the one training uses (bot.model.is_held_out), so the papers scored as held out are
    exactly the ones the model never saw.
    """
    from bot.model import is_held_out

    _prefix_key(prefix)
    return is_held_out(arxiv_id, prefix.strip())


@dataclass(frozen=True)
class HeldOut:
    """A list entry the replay hides from training, with every place the list puts it."""

    arxiv_id: str
    title: str
    sections: tuple[tuple[str, ...], ...]


def held_out_entries(plist: PaperList, prefix: str) -> list[HeldOut]:
    paths: dict[str, list[tuple[str, ...]]] = {}
    titles: dict[str, str] = {}
    for entry in plist.entries:
        if entry.arxiv_id and at_or_after(entry.arxiv_id, prefix):
            titles.setdefault(entry.arxiv_id, entry.title)
            path = plist.section_by_id(entry.section_id).path if entry.section_id else ()
            if path not in paths.setdefault(entry.arxiv_id, []):
                paths[entry.arxiv_id].append(path)
    return [HeldOut(i, titles[i], tuple(paths[i])) for i in sorted(titles)]


class ListWithoutHeldOut:
    """The list as it was before the cut-off, as far as `scan`'s dedupe is concerned."""

    def __init__(self, plist: PaperList, held_out: Sequence[HeldOut]) -> None:
        self.plist = plist
        self.ids = {h.arxiv_id for h in held_out}
        kept_titles = {normalize_title(e.title) for e in plist.entries if e.arxiv_id not in self.ids}
        self.titles = {normalize_title(h.title) for h in held_out} - kept_titles

    def contains(self, paper: Paper) -> bool:
        if paper.arxiv_id in self.ids or normalize_title(paper.title) in self.titles:
            return False
        return self.plist.contains(paper)


# ---------------------------------------------------------------- replay


@dataclass
class DayReplay:
    day: str
    scored: list[Scored]
    stats: dict[str, int]
    failed: list[str] = field(default_factory=list)  # "file: why" of each day file that could not be read


def day_files(directory: Path) -> list[tuple[str, Path]]:
    """(date, file) for every YYYY-MM-DD.xml in the directory, in date order."""
    if not directory.is_dir():
        raise UsageError(f"--feeds {directory}: not a directory (expected day files named YYYY-MM-DD.xml)")
    days = sorted((m.group(1), p) for p in directory.iterdir() if (m := _DAY_FILE.match(p.name)))
    if not days:
        raise UsageError(f"--feeds {directory}: no day files named YYYY-MM-DD.xml in it")
    # Checked before minutes of training, not found after them: a name that is no date, a file that is no XML.
    for day, path in days:
        try:
            datetime.date.fromisoformat(day)
        except ValueError:
            raise UsageError(f"--feeds {path}: {day} is not a date (day files are named YYYY-MM-DD.xml)") from None
        try:
            ElementTree.parse(path)
        except (OSError, ElementTree.ParseError) as exc:
            raise UsageError(f"--feeds {path}: not a readable XML feed ({exc}); fix or remove it") from None
    return days


def replay(
    config: Config,
    days: Sequence[tuple[str, Path]],
    *,
    plist: Any,
    model: ListModel,
    encoder: Encoder | None,
    place_from: float | None = None,
) -> list[DayReplay]:
    """Feed each day through `scan` in order with one in-memory state, as the daily job would.

    place_from: the lowest threshold the sweep tries, so every paper it could propose has sections.
    """
    from bot.logs import progress
    from bot.state import State

    state = State.load(None)
    out: list[DayReplay] = []
    for day, path in progress(days, desc="replaying days", total=len(days)):
        with _quiet("paperbot.feeds", "paperbot.propose"):
            result = scan(
                config, feeds=[str(path)], plist=plist, model=model, state=state, encoder=encoder, today=day,
                place_from=place_from,
            )
        out.append(DayReplay(day, result.scored, result.stats, [f"{f.source}: {f.reason}" for f in result.failures]))
        log.debug("%s: %d scored, %d proposed", day, len(result.scored), len(result.proposals))
    return out


@contextlib.contextmanager
def _quiet(*names: str) -> Iterator[None]:
    """Per-day feed/scan info lines would drown the replay's output; warnings still show."""
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        if lg.getEffectiveLevel() < logging.WARNING and not log.isEnabledFor(logging.DEBUG):
            lg.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


# ---------------------------------------------------------------- metrics


def top_levels(sections: Sequence[SectionScore], k: int) -> list[tuple[str, ...]]:
    """The first k distinct 2nd-level sections (bot.model.group_of, as in training) in the model's ranking."""
    seen: list[tuple[str, ...]] = []
    for s in sections:
        p = group_of(s.path)
        if p not in seen:
            seen.append(p)
        if len(seen) == k:
            break
    return seen


@dataclass
class OperatingPoint:
    """Replay numbers for one (threshold, cap)."""

    threshold: float
    cap: int
    recalled: int
    held_out: int
    proposals: int
    days: int
    per_day_max: int
    section_top1: int
    section_top3: int
    # The most any scores could recall at this cap: held-out papers announced on one day compete for its
    # `cap` places, so a cap below the busiest day's count caps recall whatever the model.
    ceiling: int = 0
    after_first: float | None = None  # thresholds.relevance_after_first (None: the threshold for all)

    @property
    def recall(self) -> float:
        return self.recalled / self.held_out if self.held_out else 0.0

    @property
    def per_day_mean(self) -> float:
        return self.proposals / self.days if self.days else 0.0

    @property
    def after_first_bar(self) -> float:
        """The score a day's second and later proposals need."""
        return bar_after_first(self.threshold, self.after_first)

    @property
    def top1(self) -> float | None:
        return self.section_top1 / self.recalled if self.recalled else None

    @property
    def top3(self) -> float | None:
        return self.section_top3 / self.recalled if self.recalled else None

    def to_json(self) -> dict:
        return {
            **asdict(self),
            "recall": round(self.recall, 4),
            "proposals_per_day_mean": round(self.per_day_mean, 4),
            "proposals_per_day_max": self.per_day_max,
            "section_top1_level2": None if self.top1 is None else round(self.top1, 4),
            "section_top3_level2": None if self.top3 is None else round(self.top3, 4),
        }


def proposals_by_day(
    days: Sequence[DayReplay], *, relevance: float, section: float, cap: int, after_first: float | None
) -> list[tuple[str, list[Proposal]]]:
    """Each day's proposals as scan selects them (after_first is required: a table without the bar for a day's
    second paper once counted 34 proposals where the replay made 24)."""
    return [
        (d.day, select_proposals(d.scored, relevance=relevance, section=section, max_proposals=cap,
                                 after_first=after_first))
        for d in days
    ]


def _first_scores(days: Sequence[DayReplay]) -> dict[str, tuple[str, Scored]]:
    """arxiv_id -> (day, Scored) for the day each paper was scored (state makes that its only day)."""
    out: dict[str, tuple[str, Scored]] = {}
    for d in days:
        for s in d.scored:
            out.setdefault(s.paper.arxiv_id, (d.day, s))
    return out


def operating_point(
    days: Sequence[DayReplay], held_out: Sequence[HeldOut], *, relevance: float, section: float, cap: int,
    after_first: float | None = None,
) -> OperatingPoint:
    truth = {h.arxiv_id: {group_of(p) for p in h.sections} for h in held_out}
    scores = _first_scores(days)
    in_feeds = set(scores) & set(truth)
    per_day: list[int] = []
    recalled = top1 = top3 = 0
    by_day = proposals_by_day(days, relevance=relevance, section=section, cap=cap, after_first=after_first)
    for _, proposals in by_day:
        per_day.append(len(proposals))
        for p in proposals:
            if p.paper.arxiv_id not in truth:
                continue
            recalled += 1
            levels = top_levels(scores[p.paper.arxiv_id][1].sections, 3)
            top1 += bool(levels and levels[0] in truth[p.paper.arxiv_id])
            top3 += bool(set(levels) & truth[p.paper.arxiv_id])
    return OperatingPoint(
        threshold=round(relevance, 4), cap=cap, recalled=recalled, held_out=len(in_feeds),
        proposals=sum(per_day), days=len(days), per_day_max=max(per_day, default=0),
        section_top1=top1, section_top3=top3, ceiling=recall_ceiling(scores, in_feeds, cap),
        after_first=None if after_first is None else round(after_first, 4),
    )


def recall_ceiling(scores: dict[str, tuple[str, Scored]], held_out: Collection[str], cap: int) -> int:
    """What a perfect ranking recalls at `cap` a day: on each day, its held-out papers up to the cap."""
    per_day = Counter(scores[i][0] for i in held_out)
    return sum(min(max(0, cap), n) for n in per_day.values())


# ---------------------------------------------------------------- the evaluation


@dataclass
class HeldOutRow:
    """One held-out paper that appeared in the replayed feeds."""

    arxiv_id: str
    title: str
    first_seen: str
    score: float
    proposed: bool
    predicted: tuple[str, ...]
    true_sections: tuple[tuple[str, ...], ...]
    section_ok: bool  # best section right at the 2nd level
    section_top3_ok: bool
    place_ok: bool = False  # the best section is one of the paper's own: where the PR writes it, exactly
    not_proposed_because: str = ""  # below a threshold, or over the daily cap (propose.why_not_proposed)
    day_rank: int = 0  # its place by relevance among the papers scored on its day (1 = the day's best)
    day_papers: int = 0  # papers scored on its day

    def to_json(self) -> dict:
        return {
            "arxiv_id": self.arxiv_id,
            "title": self.title,
            "first_seen": self.first_seen,
            "score": round(self.score, 4),
            "proposed": self.proposed,
            "predicted_section": list(self.predicted),
            "true_sections": [list(p) for p in self.true_sections],
            "section_top1_level2": self.section_ok,
            "section_top3_level2": self.section_top3_ok,
            "section_top1_exact": self.place_ok,
            "not_proposed_because": self.not_proposed_because or None,
            "day_rank": self.day_rank,
            "day_papers": self.day_papers,
        }


@dataclass
class Evaluation:
    holdout_from: str
    days: list[DayReplay]
    held_out: list[HeldOut]  # every list entry at or after the prefix
    rows: list[HeldOutRow]  # those that appeared in the feeds
    at_config: OperatingPoint
    sweep: list[OperatingPoint]
    caps: list[OperatingPoint]
    proposals: list[tuple[str, Proposal]]  # (day, proposal) at the configured thresholds and cap
    relevance: float
    section: float
    cap: int
    training: dict = field(default_factory=dict)
    budget: float = BUDGET
    best: list[OperatingPoint] = field(default_factory=list)  # per cap, the best threshold within the budget
    calibration: list[CalibrationBin] = field(default_factory=list)
    out_of_sample: CrossDays | None = None
    after_first: float | None = None  # thresholds.relevance_after_first
    after_first_sweep: list[OperatingPoint] = field(default_factory=list)  # that bar swept, threshold and cap fixed
    issue: IssueReplay | None = None  # the candidates issue over the replay (None: dashboard off)

    def headline(self) -> str:
        p = self.at_config
        top1 = "n/a" if p.top1 is None else f"{p.top1:.0%}"
        top3 = "n/a" if p.top3 is None else f"{p.top3:.0%}"
        return (
            f"recall {p.recalled}/{p.held_out} ({p.recall:.0%}) of the held-out papers in the feeds at "
            f"threshold {self.relevance:g}, cap {self.cap}; {p.per_day_mean:.2f} proposals per feed day "
            f"(max {p.per_day_max}, {p.proposals} over {p.days} days); section at level 2 of the recalled: "
            f"top-1 {top1}, top-3 {top3}"
            + (f"; a day's second and later proposals at {p.after_first_bar:g} or above"
               if self.after_first is not None and self.cap > 1 else "")
        )

    def best_line(self) -> str:
        """The overall best point within the budget, so the console answers "what should I configure?"."""
        top = best_within(self.best, self.budget)
        if top is None:
            return f"no threshold and cap of the sweep stay within {self.budget:g} proposal(s) per feed day"
        same = top.cap == self.cap and abs(top.threshold - self.relevance) < 1e-9
        return (
            f"best within {self.budget:g} proposal(s) per feed day: threshold {_threshold(top.threshold)}, cap "
            f"{top.cap}: recall {top.recalled}/{top.held_out} ({top.recall:.0%}), {top.per_day_mean:.2f} per day"
            + (" (the configured settings)" if same else "")
        )

    def calibration_totals(self, low: float = 0.0) -> tuple[int, float, int]:
        """(papers, expected, held-out found) over the calibration bins that start at or above `low`."""
        bins = [b for b in self.calibration if b.low >= low]
        return sum(b.papers for b in bins), sum(b.expected for b in bins), sum(b.held_out for b in bins)

    def calibration_line(self) -> str:
        """Whether the scores' scale holds on this replay: the list papers they expect against those found."""
        papers, expected, found = self.calibration_totals()
        _, expected_above, found_above = self.calibration_totals(self.relevance)
        return (
            f"calibration: the scores expect {expected:.1f} list papers among the {papers} scored, {found} held-out "
            f"found; at or above the threshold {expected_above:.1f} expected, {found_above} found"
        )

    def out_of_sample_line(self) -> str:
        if self.out_of_sample is None:
            return "out of sample: not measured (fewer than 4 feed days, or nothing within the budget on half of them)"
        return f"out of sample: {self.out_of_sample.line()}"

    def issue_line(self) -> str:
        return "candidates issue: off (dashboard.enabled)" if self.issue is None else self.issue.line()

    def to_json(self) -> dict:
        return {
            "holdout_from": self.holdout_from,
            "days": [d.day for d in self.days],
            "thresholds": {"relevance": self.relevance, "section": self.section,
                           "relevance_after_first": self.after_first},
            "max_proposals_per_run": self.cap,
            "held_out_on_list": len(self.held_out),
            "held_out_in_feeds": len(self.rows),
            "at_config": self.at_config.to_json(),
            "held_out": [r.to_json() for r in self.rows],
            "sweep": [p.to_json() for p in self.sweep],
            "caps": [p.to_json() for p in self.caps],
            "sweep_after_first": [p.to_json() for p in self.after_first_sweep],
            "budget": {"proposals_per_day": self.budget, "best": [p.to_json() for p in self.best]},
            "calibration": [b.to_json() for b in self.calibration],
            "out_of_sample": None if self.out_of_sample is None else self.out_of_sample.to_json(),
            "proposals": [{"day": day, **p.to_json()} for day, p in self.proposals],
            "candidates_issue": None if self.issue is None else self.issue.to_json(),
            "training": self.training,
        }


@dataclass(frozen=True)
class IssueReplay:
    """The candidates issue over the replay, as the daily job writes it after each feed day: the held-out papers
    no pull request proposed that a maintainer could have ticked there, and how much there is to read."""

    shown: tuple[str, ...]  # held-out papers, not proposed, on the issue after some feed day
    not_proposed: int  # held-out papers in the feeds that no proposal took
    lines_mean: float  # papers on the issue after a feed day, on average
    lines_max: int
    candidates: int  # papers that joined it, before its cap
    days: int  # feed days replayed
    min_score: float
    window: int  # dashboard.days
    max_candidates: int

    def line(self) -> str:
        return (
            f"candidates issue (from score {self.min_score:g}, {self.window} days, at most {self.max_candidates}): "
            f"it listed {len(self.shown)} of the {self.not_proposed} held-out papers no pull request proposed; "
            f"{self.lines_mean:.1f} papers on it after a feed day on average (at most {self.lines_max}), "
            f"{self.candidates / self.days if self.days else 0.0:.1f} joining a day"
        )

    def to_json(self) -> dict:
        return {**asdict(self), "shown": list(self.shown)}


def issue_replay(days: Sequence[DayReplay], ev: Evaluation, config: Config) -> IssueReplay:
    """Each day's held-back papers and near misses through scan's own functions, then the issue's window and
    cap. Ticks are not replayed: every listed paper stays until its days are over."""
    from bot.dashboard import window_start

    dash = config.dashboard
    proposed: dict[str, list[Proposal]] = {}
    for day, p in ev.proposals:
        proposed.setdefault(day, []).append(p)
    joined = [
        (d.day, h)
        for d in days
        for h in [*held_back_papers(d.scored, proposed.get(d.day, []), config), *near_misses(d.scored, config)]
    ]
    missed = {r.arxiv_id for r in ev.rows if not r.proposed}
    shown: set[str] = set()
    lengths: list[int] = []
    for d in days:
        since = window_start(d.day, dash.days)
        live = sorted((h for day, h in joined if since <= day <= d.day), key=lambda h: (-h.score, h.paper.arxiv_id))
        on_issue = {h.paper.arxiv_id for h in live[: dash.max_candidates]}
        lengths.append(len(on_issue))
        shown |= on_issue & missed
    return IssueReplay(
        shown=tuple(sorted(shown)), not_proposed=len(missed),
        lines_mean=sum(lengths) / len(lengths) if lengths else 0.0, lines_max=max(lengths, default=0),
        candidates=len(joined), days=len(days), min_score=dash.min_score,
        window=dash.days, max_candidates=dash.max_candidates,
    )


def summarize(
    days: Sequence[DayReplay],
    held_out: Sequence[HeldOut],
    *,
    holdout_from: str,
    relevance: float,
    section: float,
    cap: int,
    thresholds: Sequence[float] = SWEEP,
    caps: Sequence[int] = CAPS,
    training: dict | None = None,
    budget: float = BUDGET,
    after_first: float | None = None,
    after_first_grid: Sequence[float] = AFTER_FIRST_SWEEP,
) -> Evaluation:
    """All report numbers from the per-day scores; cheap, so the sweep costs nothing."""

    def point(t: float, c: int, more: float | None = after_first) -> OperatingPoint:
        return operating_point(days, held_out, relevance=t, section=section, cap=c, after_first=more)

    at_config = point(relevance, cap)
    grid = sorted({round(t, 4) for t in thresholds} | {round(relevance, 4)})
    sweep = [point(t, cap) for t in grid]
    all_caps = sorted(set(caps) | {cap})
    cap_rows = [point(relevance, c) for c in all_caps]
    best = []
    for c in all_caps:
        found = best_within(sweep if c == cap else [point(t, c) for t in grid], budget)
        if found is not None:
            best.append(found)
    # bars below the threshold are the threshold itself: only the ones above it change anything
    bars = {round(a, 4) for a in after_first_grid} | ({round(after_first, 4)} if after_first is not None else set())
    after_first_sweep = [point(relevance, cap, a) for a in sorted(bars) if a >= relevance]
    proposals = [
        (day, p)
        for day, ps in proposals_by_day(days, relevance=relevance, section=section, cap=cap, after_first=after_first)
        for p in ps
    ]
    out_of_sample = cross_days(
        days, held_out, section=section, thresholds=grid, caps=all_caps, budget=budget, after_first=after_first
    )
    proposed = {p.paper.arxiv_id for _, p in proposals}
    scores = _first_scores(days)
    scored_on = {d.day: d.scored for d in days}
    rows = []
    for h in held_out:
        if h.arxiv_id not in scores:
            continue
        day, s = scores[h.arxiv_id]
        truth = {group_of(p) for p in h.sections}
        levels = top_levels(s.sections, 3)
        rows.append(
            HeldOutRow(
                arxiv_id=h.arxiv_id, title=h.title, first_seen=day, score=float(s.relevance),
                proposed=h.arxiv_id in proposed,
                predicted=tuple(s.sections[0].path) if s.sections else (),
                true_sections=h.sections,
                section_ok=bool(levels and levels[0] in truth),
                section_top3_ok=bool(set(levels) & truth),
                place_ok=bool(s.sections) and tuple(s.sections[0].path) in set(h.sections),
                not_proposed_because="" if h.arxiv_id in proposed else why_not_proposed(
                    s, scored_on[day], relevance=relevance, section=section, max_proposals=cap,
                    after_first=after_first),
                day_rank=day_rank(s, scored_on[day]), day_papers=len(scored_on[day]),
            )
        )
    rows.sort(key=lambda r: (r.first_seen, r.arxiv_id))
    return Evaluation(
        holdout_from=holdout_from, days=list(days), held_out=list(held_out), rows=rows, at_config=at_config,
        sweep=sweep, caps=cap_rows, proposals=proposals, relevance=relevance, section=section, cap=cap,
        training=dict(training or {}), budget=budget, best=best, after_first=after_first,
        after_first_sweep=after_first_sweep,
        calibration=calibration([sc for _, sc in scores.values()], held_out, threshold=relevance),
        out_of_sample=out_of_sample,
    )


@dataclass
class CrossDays:
    """The settings picked on half of the feed days (every other day), judged on the other half, both ways.

    The best threshold and cap of the sweep are picked on the very replay they are reported on, so their
    recall is optimistic: with 15 papers one of them crossing a day's boundary moves it by 7 points. This
    is what picking settings on some days does on days it did not see, which is the use a maintainer makes
    of the report.
    """

    picked: list[OperatingPoint]  # per half: the best point on the other half's days
    judged: list[OperatingPoint]  # the same settings on this half's days

    @property
    def recalled(self) -> int:
        return sum(p.recalled for p in self.judged)

    @property
    def held_out(self) -> int:
        return sum(p.held_out for p in self.judged)

    @property
    def per_day_mean(self) -> float:
        days = sum(p.days for p in self.judged)
        return sum(p.proposals for p in self.judged) / days if days else 0.0

    def line(self) -> str:
        settings = " and ".join(f"{_threshold(p.threshold)} / cap {p.cap}" for p in self.picked)
        share = f" ({self.recalled / self.held_out:.0%})" if self.held_out else ""
        recall = f"{self.recalled}/{self.held_out}{share}"
        return (
            f"recall {recall} at {self.per_day_mean:.2f} proposals per feed day with the threshold and cap "
            f"picked on the other half of the days (every other day; picked {settings})"
        )

    def to_json(self) -> dict:
        return {
            "recalled": self.recalled, "held_out": self.held_out,
            "proposals_per_day_mean": round(self.per_day_mean, 4),
            "halves": [{"picked_on_other_half": p.to_json(), "on_this_half": j.to_json()}
                       for p, j in zip(self.picked, self.judged, strict=True)],
        }


def cross_days(
    days: Sequence[DayReplay], held_out: Sequence[HeldOut], *, section: float, thresholds: Sequence[float],
    caps: Sequence[int], budget: float, after_first: float | None = None,
) -> CrossDays | None:
    """CrossDays over alternate days, or None with fewer than 4 days or a half where nothing fits the budget."""
    if len(days) < 4:
        return None
    halves = [list(days[0::2]), list(days[1::2])]
    picked, judged = [], []
    for mine, other in (halves, halves[::-1]):
        points = [
            operating_point(other, held_out, relevance=t, section=section, cap=c, after_first=after_first)
            for c in caps for t in thresholds
        ]
        best = best_within(points, budget)
        if best is None:
            return None
        picked.append(best)
        judged.append(operating_point(
            mine, held_out, relevance=best.threshold, section=section, cap=best.cap, after_first=after_first))
    return CrossDays(picked, judged)


def best_within(points: Sequence[OperatingPoint], budget: float) -> OperatingPoint | None:
    """The point that recalls the most at no more than `budget` proposals per feed day on average.

    Ties go to the better-placed recall, then to the point that uses more of the budget (more proposals,
    then the smaller cap, then the lower threshold). With a dozen held-out papers most thresholds tie, and
    the tie broken towards fewer proposals is the threshold just under the papers it was picked on: on
    days it did not see it missed a third of what this finds (picked on alternate feed days of the dev
    replay, 6/15 against 9/15; `python -m bench.pick_rule`).
    """
    within = [p for p in points if p.per_day_mean <= budget + 1e-9]
    if not within:
        return None
    return max(within, key=lambda p: (p.recalled, p.section_top1, p.proposals, -p.cap, -p.threshold))


@dataclass(frozen=True)
class CalibrationBin:
    """Feed papers whose relevance score fell in [low, high): what the scores promised, what happened."""

    low: float
    high: float
    papers: int
    expected: float  # sum of the scores: the list papers a calibrated model expects among them
    held_out: int  # list papers (held out from training) that really were among them

    def to_json(self) -> dict:
        return {
            "from": self.low, "to": self.high, "papers": self.papers, "expected": round(self.expected, 2),
            "held_out": self.held_out,
        }


# Bin edges of the calibration table; the configured threshold is added, so one row starts at it.
CALIBRATION_EDGES = (0.0, 0.01, 0.1, 0.3, 1.0)


def calibration(scored: Sequence[Scored], held_out: Sequence[HeldOut], *, threshold: float) -> list[CalibrationBin]:
    """Expected against found list papers per score range, over every paper the replay scored (once each).

    Scores are probabilities at `training.relevant_rate`; if they mean what they say, a range's sum of
    scores is about the number of list papers in it. "Found" can only count the papers maintainers added,
    so the check is against their taste, which is what a threshold has to match.
    """
    ids = {h.arxiv_id for h in held_out}
    edges = sorted({*CALIBRATION_EDGES, *([round(threshold, 4)] if 0 < threshold < 1 else [])})
    bins = []
    scores = [(s.relevance, s.paper.arxiv_id in ids) for s in scored]
    for i, (low, high) in enumerate(itertools.pairwise(edges)):
        last = i == len(edges) - 2
        inside = [(r, hit) for r, hit in scores if low <= r < high or (last and r == high)]
        bins.append(
            CalibrationBin(low, high, len(inside), float(sum(r for r, _ in inside)), sum(hit for _, hit in inside))
        )
    return bins


def evaluate(
    config: Config,
    *,
    readme: Path,
    metadata: Path | None,
    background: Path,
    feeds_dir: Path,
    holdout_from: str,
    encoder: Encoder | None = None,
    offline: bool = False,
    thresholds: Sequence[float] = SWEEP,
    budget: float = BUDGET,
) -> Evaluation:
    """Train without the held-out entries, replay the day files, and compute every report number."""
    from bot.embed import config_encoder
    from bot.listfile import read_list
    from bot.model import train_models

    _prefix_key(holdout_from)
    holdout_from = holdout_from.strip()  # " 2504" must split training as it splits the report
    days = day_files(feeds_dir)
    plist = read_list(readme)
    held_out = held_out_entries(plist, holdout_from)
    if not held_out:
        raise UsageError(f"--holdout-from {holdout_from}: no entry of {readme} has an arXiv id at or after it")
    encoder = config_encoder(config) if encoder is None else encoder
    log.info("training without %d entries at or after %s", len(held_out), holdout_from)
    model, training = train_models(
        config, readme=readme, metadata=metadata, background=background, models_dir=None,
        holdout_from=holdout_from, offline=offline, encoder=encoder, evaluate=False,
    )
    log.info("replaying %d day files from %s", len(days), feeds_dir)
    dashboard = [config.dashboard.min_score] if config.dashboard.enabled else []
    floor = min([*thresholds, config.thresholds.relevance, *dashboard])
    replayed = replay(
        config, days, plist=ListWithoutHeldOut(plist, held_out), model=model, encoder=encoder, place_from=floor
    )
    failed = sorted({src for d in replayed for src in d.failed})
    if failed:
        raise PaperbotError(f"evaluate: could not read day file(s) {'; '.join(failed)}; fix or remove them")
    _place_held_out(replayed, held_out, model, encoder, config)
    ev = summarize(
        replayed, held_out, holdout_from=holdout_from, relevance=config.thresholds.relevance,
        section=config.thresholds.section, cap=config.max_proposals_per_run, thresholds=thresholds,
        training=_jsonable(training), budget=budget, after_first=config.thresholds.relevance_after_first,
    )
    if config.dashboard.enabled:
        ev.issue = issue_replay(replayed, ev, config)
    return ev


def _place_held_out(
    days: Sequence[DayReplay], held_out: Sequence[HeldOut], model: ListModel, encoder: Encoder, config: Config
) -> None:
    """Held-out papers below every threshold still get sections, for the report's per-paper table."""
    from bot.embed import encoder_cache

    ids = {h.arxiv_id for h in held_out}
    spots = [(d, i) for d in days for i, s in enumerate(d.scored) if s.paper.arxiv_id in ids and not s.sections]
    if not spots:
        return
    cache = encoder_cache(config.embedding.cache_dir, encoder)
    placed = model.score(
        [d.scored[i].paper for d, i in spots], encoder, cache,
        unsure_margin=config.thresholds.unsure_margin, place_from=0.0,
    )
    for (d, i), s in zip(spots, placed, strict=True):
        d.scored[i] = s


def _jsonable(doc: Any) -> Any:
    if isinstance(doc, dict):
        return {str(k): _jsonable(v) for k, v in doc.items()}
    if isinstance(doc, list | tuple):
        return [_jsonable(v) for v in doc]
    if isinstance(doc, str | int | bool) or doc is None:
        return doc
    if isinstance(doc, float):
        return round(doc, 6)
    try:
        return float(doc)  # numpy scalars
    except (TypeError, ValueError):
        return str(doc)


# ---------------------------------------------------------------- report.md and the plot


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.0%}"


def _path(path: Sequence[str]) -> str:
    return " > ".join(path) if path else "–"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _threshold(t: float) -> str:
    """0.05 and 0.30 as before, 0.015 with its third decimal: the sweep is denser near zero."""
    text = f"{t:.3f}"
    return text[:-1] if text.endswith("0") else text


def _point_row(p: OperatingPoint, mark: bool, first: float | None = None) -> str:
    """One table row; `first` replaces the threshold in the first column (the after-first sweep)."""
    star = " ◀ configured" if mark else ""
    lead = _threshold(p.threshold if first is None else first)
    return (
        f"| {lead}{star} | {p.cap} | {p.recalled}/{p.held_out} | {p.recall:.0%} | {p.proposals} | "
        f"{p.per_day_mean:.2f} | {p.per_day_max} | {_pct(p.top1)} | {_pct(p.top3)} |"
    )


_POINT_HEADER = (
    "| threshold | cap | recalled | recall | proposals | per day (mean) | per day (max) | section top-1 | "
    "section top-3 |\n|---|---|---|---|---|---|---|---|---|"
)


def _after_first_section(ev: Evaluation) -> list[str]:
    """The bar for a day's second and later proposals, swept at the configured threshold and cap."""
    if not ev.after_first_sweep:
        return []
    configured = None if ev.after_first is None else bar_after_first(ev.relevance, ev.after_first)
    note = (
        f"With a cap of {ev.cap} a day never has a second proposal, so this bar changes nothing here."
        if ev.cap <= 1 else
        "A day's best paper needs the threshold; each further one, up to the cap, also needs this bar, so a "
        "busy day can bring several strong papers without every day bringing its weaker second or third."
    )
    return [
        f"## After a day's first proposal (threshold {ev.relevance:g}, cap {ev.cap})",
        "",
        note,
        "",
        _POINT_HEADER.replace("| threshold |", "| after the first |", 1),
        *(_point_row(p, configured is not None and abs(p.after_first_bar - configured) < 1e-9, p.after_first_bar)
          for p in ev.after_first_sweep),
        "",
    ]


def _ceiling_sentence(caps: Sequence[OperatingPoint]) -> str:
    """The most each cap lets any scores recall, so a cap is not blamed on the model or the reverse."""
    if not caps:
        return ""
    held = caps[0].held_out
    parts = ", ".join(f"cap {c.cap}: {c.ceiling}/{held}" for c in caps)
    return (
        f"The most any scores could recall at each cap (held-out papers announced on the same day compete for "
        f"that day's places): {parts}."
    )


def _proposed_cell(row: HeldOutRow) -> str:
    if row.proposed:
        return "yes"
    return f"no: {row.not_proposed_because}" if row.not_proposed_because else "no"


def render_report(ev: Evaluation, plot_name: str) -> str:
    p = ev.at_config
    lines = [
        f"# paperbot evaluate — hold-out from {ev.holdout_from}",
        "",
        f"Trained on the list without its {len(ev.held_out)} entries with arXiv ids ≥ {ev.holdout_from}; "
        f"replayed {len(ev.days)} feed days ({ev.days[0].day} … {ev.days[-1].day}) through `scan`. "
        f"{len(ev.rows)} of the held-out papers appear in the feeds.",
        "",
        f"Configured: thresholds.relevance = {ev.relevance:g}, thresholds.section = {ev.section:g}, "
        + ("" if ev.after_first is None else f"thresholds.relevance_after_first = {ev.after_first:g}, ")
        + f"max_proposals_per_run = {ev.cap}.",
        "",
        "## Headline",
        "",
        f"- recall: **{p.recalled}/{p.held_out} ({p.recall:.0%})**",
        f"- the most any scores could recall at cap {p.cap}: {p.ceiling}/{p.held_out} (see the daily cap below)",
        f"- proposals per feed day: **{p.per_day_mean:.2f}** on average, at most {p.per_day_max} "
        f"({p.proposals} over {p.days} days)",
        f"- section of the recalled papers (2nd level): top-1 **{_pct(p.top1)}**, top-3 {_pct(p.top3)}",
        f"- exact place (the section the pull request writes into, at any depth) of the recalled papers: "
        f"{sum(r.place_ok for r in ev.rows if r.proposed)}/{sum(r.proposed for r in ev.rows)}",
        f"- {ev.issue_line()}" + (f" ({', '.join(ev.issue.shown)})" if ev.issue and ev.issue.shown else ""),
        "",
        "These are in-sample numbers when the configured settings were chosen on this replay (as the best "
        "point below is). Picked on half of the days, every other day, and judged on the other half, both "
        f"ways: {ev.out_of_sample.line() if ev.out_of_sample else 'not measured (too few days, or none fits)'}.",
        "",
        f"![recall and proposals per day against the relevance threshold]({plot_name})",
        "",
        "## Held-out papers in the feeds",
        "",
        "Rank that day: the paper's place by score among the papers scored that day, the daily cap that would "
        "reach it at any threshold.",
        "",
        "| arXiv id | title | first seen | score | rank that day | proposed | predicted section | true section(s) | "
        "2nd level | exact place |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in ev.rows:
        level = "top-1" if r.section_ok else ("top-3" if r.section_top3_ok else "no")
        lines.append(
            f"| {r.arxiv_id} | {_cell(r.title)} | {r.first_seen} | {r.score:.3f} | {r.day_rank} of {r.day_papers} | "
            f"{_proposed_cell(r)} | "
            f"{_cell(_path(r.predicted))} | {_cell('; '.join(_path(t) for t in r.true_sections))} | {level} | "
            f"{'yes' if r.place_ok else 'no'} |"
        )
    lines += [
        "",
        f"## Threshold sweep (cap {ev.cap} per day)",
        "",
        _POINT_HEADER,
        *(_point_row(s, abs(s.threshold - ev.relevance) < 1e-9) for s in ev.sweep),
        "",
        f"## Daily cap (threshold {ev.relevance:g})",
        "",
        _ceiling_sentence(ev.caps),
        "",
        _POINT_HEADER,
        *(_point_row(c, c.cap == ev.cap) for c in ev.caps),
        "",
        *_after_first_section(ev),
        f"## Best threshold for each cap, within {ev.budget:g} proposal(s) per feed day",
        "",
        "The threshold of the sweep that recalls the most held-out papers at that volume (ties: more of them "
        "in the right section, then more proposals and a lower threshold, because on new days a threshold with "
        "room to spare finds more than one just under the papers it was picked on), with the bar after a day's "
        "first proposal as configured. "
        "Set both in `config.yaml` as `thresholds.relevance` and `max_proposals_per_run`.",
        "",
        _POINT_HEADER,
        *(_point_row(b, b.cap == ev.cap and abs(b.threshold - ev.relevance) < 1e-9) for b in ev.best),
        *([] if ev.best else [f"No threshold of the sweep stays within {ev.budget:g} proposal(s) per day."]),
        "",
        "## Do the scores mean what they say?",
        "",
        "Every paper the replay scored, by relevance score. A score is the probability that the paper belongs "
        "on the list at `training.relevant_rate`; if the scores are calibrated, each row's sum of scores (the "
        "list papers expected) is close to the held-out papers really in it. Only papers the maintainers "
        "added count as found.",
        "",
        "| score | papers | list papers expected (sum of scores) | held-out papers found |",
        "|---|---|---|---|",
        *(
            f"| {_threshold(b.low)} – {_threshold(b.high)} | {b.papers} | {b.expected:.1f} | {b.held_out} |"
            for b in ev.calibration
        ),
        "| all | {} | {:.1f} | {} |".format(*ev.calibration_totals()),
        "",
        "## Proposals at the configured settings",
        "",
        "| day | arXiv id | title | score | section | held out |",
        "|---|---|---|---|---|---|",
    ]
    truth = {h.arxiv_id for h in ev.held_out}
    for day, prop in ev.proposals:
        lines.append(
            f"| {day} | {prop.paper.arxiv_id} | {_cell(prop.paper.title)} | {prop.score:.3f} | "
            f"{_cell(_path(prop.section.path))} | {'yes' if prop.paper.arxiv_id in truth else ''} |"
        )
    lines += [
        "",
        "## Per day",
        "",
        "| day | items | scored | proposed |",
        "|---|---|---|---|",
    ]
    per_day = dict(
        (day, len(ps))
        for day, ps in proposals_by_day(ev.days, relevance=ev.relevance, section=ev.section, cap=ev.cap,
                                        after_first=ev.after_first)
    )
    for d in ev.days:
        lines.append(f"| {d.day} | {d.stats.get('items', 0)} | {len(d.scored)} | {per_day[d.day]} |")
    return "\n".join(lines) + "\n"


def render_plot(ev: Evaluation) -> bytes:
    """Recall and proposals/day against the relevance threshold, the configured threshold marked."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    xs = [s.threshold for s in ev.sweep]
    fig = Figure(figsize=(8, 4.5), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(xs, [100 * s.recall for s in ev.sweep], "o-", color="tab:blue", label="recall of held-out papers (%)")
    ax.set_xlabel("thresholds.relevance")
    ax.set_ylabel("recall (%)", color="tab:blue")
    ax.set_ylim(0, 105)
    if min(xs) > 0:
        ax.set_xscale("log")
        ax.set_xlim(min(xs) * 0.8, 1.0)
    else:  # a threshold of 0 has no place on a log axis
        ax.set_xscale("symlog", linthresh=0.001)
        ax.set_xlim(0, 1.0)
    ax.grid(True, alpha=0.3)
    ax2 = ax.twinx()
    ax2.plot(xs, [s.per_day_mean for s in ev.sweep], "s-", color="tab:orange", label="proposals per feed day (mean)")
    ax2.axhline(1.0, color="tab:orange", linestyle=":", linewidth=1)
    ax2.set_ylabel("proposals per feed day", color="tab:orange")
    ax2.set_ylim(0, max([s.per_day_mean for s in ev.sweep] + [1.0]) * 1.1)
    ax.axvline(ev.relevance, color="black", linestyle="--", linewidth=1, label=f"configured ({ev.relevance:g})")
    handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="center right", fontsize=8)
    ax.set_title(f"paperbot replay, hold-out from {ev.holdout_from}, cap {ev.cap} per day")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def write_report(ev: Evaluation, directory: Path) -> tuple[Path, Path]:
    """report.md and replay.png in `directory`, written together (a new plot never beside an old report)."""
    md, png = directory / "report.md", directory / "replay.png"
    atomic_write_files([(png, render_plot(ev)), (md, render_report(ev, png.name).encode("utf-8"))])  # both or neither
    return md, png
