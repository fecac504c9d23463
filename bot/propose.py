"""Scored papers -> proposals: thresholds, the daily cap, and dedupe against the list, state and exclusions.

`scan` is the one path from feeds to proposals; `paperbot evaluate` replays past days through it, so a
threshold tuned on the replay means the same thing in production.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import logging
import shlex
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from bot.config import Config
from bot.errors import PaperbotError, UsageError
from bot.papers import HeldBack, Neighbour, Paper, Proposal, SectionScore, normalize_title
from bot.render import section_pct

if TYPE_CHECKING:
    from bot.embed import Encoder
    from bot.feeds import FeedFailure
    from bot.listfile import PaperList
    from bot.model import ListModel, Scored
    from bot.state import State

log = logging.getLogger("paperbot.propose")

# Runner-up sections shown with a proposal: enough to move a misplaced paper, few enough to read.
MAX_ALTERNATIVES = 2


class ListLike(Protocol):
    """What scan needs of the list: membership. A PaperList, or the replay's list minus held-out papers."""

    def contains(self, paper: Paper) -> bool: ...


@dataclass
class ScanResult:
    """One scan: what to propose, everything that was scored, and counts for the log and the Action."""

    proposals: list[Proposal]
    scored: list[Scored]
    stats: dict[str, int]
    failures: list[FeedFailure] = field(default_factory=list)
    held_back: list[HeldBack] = field(default_factory=list)  # above the thresholds, kept out by cap or bar
    near_misses: list[HeldBack] = field(default_factory=list)  # just under the threshold: the candidates issue's

    def to_json(self) -> dict:
        """The `scan --json` shape: {"stats": {...}, "proposals": [...]}, the papers held back and the near
        misses (dashboard.min_score up to the threshold; none when the candidates issue is off)."""
        return {
            "stats": dict(self.stats),
            "proposals": [p.to_json() for p in self.proposals],
            "held_back": [h.to_json() for h in self.held_back],
            "near_misses": [h.to_json() for h in self.near_misses],
        }


def _rank_key(s: Scored) -> tuple[float, str]:
    # Best first; the id breaks ties so two runs over the same feed agree.
    return (-s.relevance, s.paper.arxiv_id)


def _passes(s: Scored, relevance: float, section: float) -> bool:
    return bool(s.sections) and s.relevance >= relevance and s.sections[0].score >= section


def select_proposals(
    scored: Sequence[Scored], *, relevance: float, section: float, max_proposals: int,
    after_first: float | None = None,
) -> list[Proposal]:
    """Papers at or above both thresholds, best first, at most `max_proposals`; every one after the first
    also at or above `after_first`, so a quiet day's cap is not filled with weak papers."""
    keep = [s for s in scored if _passes(s, relevance, section)]
    keep.sort(key=_rank_key)
    more = bar_after_first(relevance, after_first)
    keep = keep[:1] + [s for s in keep[1:] if s.relevance >= more]
    return [as_proposal(s) for s in keep[: max(0, max_proposals)]]


def as_proposal(s: Scored) -> Proposal:
    """A scored paper as a pull request would show it: best section, runners-up, nearest entries."""
    return Proposal(
        paper=s.paper,
        score=float(s.relevance),
        section=s.sections[0],
        alternatives=tuple(s.sections[1 : 1 + MAX_ALTERNATIVES]),
        nearest=tuple(s.nearest),
        unsure=bool(s.unsure),
    )


def as_listed(proposals: list[Proposal], plist: ListLike) -> list[Proposal]:
    """Nearest entries under the titles the list gives them, not arXiv's: the models keep the metadata's
    title (2410.10481 is "Model-Based Privacy-Preserving Knowledge Transfer for Large Language Models"), which a
    maintainer looking for the entry in the README ("Model-based Large Language Model Customization as
    Service") does not find."""
    listed = {e.arxiv_id: e.title for e in getattr(plist, "entries", ()) if e.arxiv_id and e.title}
    if not listed:
        return proposals
    return [dataclasses.replace(p, nearest=tuple(
        dataclasses.replace(n, title=listed.get(n.arxiv_id, n.title)) if n.arxiv_id else n for n in p.nearest))
        for p in proposals]


_Placed = TypeVar("_Placed", Proposal, HeldBack)


def in_their_years(items: list[_Placed], plist: ListLike) -> list[_Placed]:
    """Papers placed in a list's year section (`Papers > 2024`) under their own year's, a heading the pull request
    adds where the list has none yet (`Papers > 2025` for a paper of 2025, newer than every year there): the
    section the PR body, `scan --json` and the candidates issue name is where the paper is written."""
    year_section = getattr(plist, "year_section", None)
    if year_section is None:  # the replay's list, which only answers `contains`
        return items
    sections = {tuple(s.path): s for s in reversed(getattr(plist, "sections", []))}
    out = []
    for item in items:
        here = sections.get(tuple(item.section.path))
        there = year_section(item.paper, here) if here is not None else None
        if there is not None and tuple(there.path) != tuple(item.section.path):
            moved = SectionScore(path=tuple(there.path), score=item.section.score, section_id=there.id)
            item = dataclasses.replace(item, section=moved)
        out.append(item)
    return out


def without_hand_picked(scored: Sequence[Scored], plist: ListLike, *, margin: float) -> tuple[list[Scored], list[str]]:
    """Each paper's ranking without the sections the list marks a hand-picked short list (`PaperList.curated`), and
    those sections' names where a ranking had them. Models trained before such a section was known as one (the same
    README, an older paperbot) still rank it, and `with_entry` refuses to write there: the next best section is the
    choice, the runners-up move up, and `unsure` is judged again between the two best left."""
    curated = getattr(plist, "curated", None)
    if not curated:  # none on this list, or the replay's list, which only answers `contains`
        return list(scored), []
    paths = {tuple(s.path) for s in getattr(plist, "sections", []) if s.id in curated}
    elsewhere = _listed_elsewhere(plist, curated)
    dropped: dict[tuple[str, ...], None] = {}
    out = []
    for s in scored:
        s = dataclasses.replace(s, nearest=tuple(_outside_hand_picked(n, paths, elsewhere) for n in s.nearest))
        keep = tuple(x for x in s.sections if x.section_id not in curated and tuple(x.path) not in paths)
        if len(keep) == len(s.sections):
            out.append(s)
            continue
        dropped.update((tuple(x.path), None) for x in s.sections if x not in keep)
        unsure = len(keep) > 1 and keep[0].score - keep[1].score < margin
        out.append(dataclasses.replace(s, sections=keep, unsure=bool(unsure)))
    return out, [" > ".join(path) for path in dropped]


def _listed_elsewhere(plist: ListLike, curated: Collection[str]) -> dict[str, tuple[str, ...]]:
    """Each work of the list, by arXiv id and by title, -> the first section outside the hand-picked short lists
    (and the news) that lists it: where a retrained model, which learns no hand-picked place, names it."""
    aside = getattr(plist, "is_aside", None)
    by_id = {s.id: s for s in getattr(plist, "sections", [])}
    out: dict[str, tuple[str, ...]] = {}
    for e in getattr(plist, "entries", ()):
        section = by_id.get(e.section_id)
        if section is None or e.section_id in curated or (aside is not None and aside(section)):
            continue
        for name in (e.arxiv_id, "title:" + normalize_title(e.title)):
            if name and name != "title:":
                out.setdefault(name, tuple(section.path))
    return out


def _outside_hand_picked(n: Neighbour, paths: Collection[tuple[str, ...]],
                         elsewhere: dict[str, tuple[str, ...]]) -> Neighbour:
    """A nearest entry that models trained before the list marked a hand-picked short list place there (`⭐ Starter
    Kit`), with the section that also lists it: the section the evidence is for, not the short list no paper goes
    to. One that only the short list names keeps it: that is where the list has it, where a maintainer finds it."""
    if tuple(n.section_path) not in paths:
        return n
    other = elsewhere.get(n.arxiv_id or "") or elsewhere.get("title:" + normalize_title(n.title))
    return n if other is None else dataclasses.replace(n, section_path=other)


def _log_hand_picked(dropped: Collection[str]) -> None:
    """Once per scan, however many papers the old models placed there."""
    if dropped:
        names = ", ".join(repr(d) for d in sorted(set(dropped)))
        log.info("the models rank %s, which the list marks a hand-picked short list where no paper is added: left "
                 "out of the papers' sections, each placed in its next best (`paperbot train` learns the list "
                 "without it)", names)


def bar_after_first(relevance: float, after_first: float | None) -> float:
    """The score a day's second and later proposals need: the bar, never below the threshold."""
    return relevance if after_first is None else max(relevance, after_first)


def why_not_proposed(
    paper: Scored, day: Sequence[Scored], *, relevance: float, section: float, max_proposals: int,
    after_first: float | None = None,
) -> str:
    """Why `select_proposals` left a paper of that day out ("" when it did not), by the same rules: what
    a maintainer tuning the thresholds needs to know is whether a lower threshold or a larger cap finds it."""
    if not paper.sections or paper.relevance < relevance:
        return f"score below {relevance:g}"
    if paper.sections[0].score < section:
        return f"section score below {section:g}"
    place = 1 + sum(_passes(s, relevance, section) and _rank_key(s) < _rank_key(paper) for s in day)
    more = bar_after_first(relevance, after_first)
    if place > 1 and paper.relevance < more:
        return f"score below {more:g}, the bar after its day's first proposal (#{place} of its day)"
    return f"over the cap: #{place} of its day, cap {max_proposals}" if place > max_proposals else ""


def day_rank(paper: Scored, day: Sequence[Scored]) -> int:
    """The paper's place among all of its day's papers by relevance, in `select_proposals`' order: the cap a
    day would need to reach it if no threshold stood in the way."""
    return 1 + sum(_rank_key(s) < _rank_key(paper) for s in day)


def scan(
    config: Config,
    *,
    feeds: Sequence[str],
    plist: ListLike,
    model: ListModel,
    state: State,
    encoder: Encoder | None = None,
    exclude: Collection[str] = (),
    record: bool = True,
    today: str | None = None,
    place_from: float | None = None,
    asked: Sequence[Paper] = (),
) -> ScanResult:
    """Read feeds, drop papers on the list / known to state / excluded, score the rest, select proposals.

    record=True marks every scored paper as seen (date `today`, default the current date) but does not
    save: the caller saves state once the whole run has succeeded; with the candidates issue on, it also
    keeps the near misses in state. Papers are placed in sections from relevance `place_from` up (default:
    the relevance threshold, or dashboard.min_score when lower; evaluate's sweep asks for lower).
    asked: papers a maintainer ticked on the candidates issue, proposed first whatever their score and
    outside the daily cap.
    """
    from bot.arxiv_api import contact_for
    from bot.embed import config_encoder, encoder_cache
    from bot.feeds import read_feeds

    result = read_feeds(
        list(feeds),
        announce_types=tuple(config.feeds.announce_types),
        timeout=config.feeds.timeout_seconds,
        contact=contact_for(config),  # arXiv asks automated clients to say who runs them
        retries=config.feeds.retries,
    )
    stats: dict[str, int] = {k: int(v) for k, v in result.stats.to_json().items() if isinstance(v, int | float)}
    on_list = known = excluded = 0
    candidates: list[Paper] = []
    taken: set[str] = set()
    for paper in result.papers:
        if plist.contains(paper):
            on_list += 1
        elif state.is_known(paper.arxiv_id):
            known += 1
        elif paper.arxiv_id in exclude:
            excluded += 1
        elif paper.arxiv_id not in taken:  # the same paper in two feeds is scored once
            taken.add(paper.arxiv_id)
            candidates.append(paper)

    asked = [p for p in asked if not plist.contains(p)]
    dashboard = config.dashboard.enabled
    scored: list[Scored] = []
    requested: list[Proposal] = []
    if candidates or asked:
        encoder = config_encoder(config) if encoder is None else encoder
        cache = encoder_cache(config.embedding.cache_dir, encoder)
        margin = config.thresholds.unsure_margin
        if place_from is None:
            floor = min(config.thresholds.relevance, config.dashboard.min_score) if dashboard else (
                config.thresholds.relevance)
        else:
            floor = place_from
        dropped: list[str] = []
        if candidates:
            scored, dropped = without_hand_picked(
                model.score(candidates, encoder, cache, unsure_margin=margin, place_from=floor), plist, margin=margin)
        if asked:
            ranked, more = without_hand_picked(
                model.score(list(asked), encoder, cache, unsure_margin=margin, place_from=0.0), plist, margin=margin)
            requested = [dataclasses.replace(as_proposal(s), requested=True) for s in ranked if s.sections]
            dropped += more
        _log_hand_picked(dropped)
    proposals = select_proposals(
        scored,
        relevance=config.thresholds.relevance,
        section=config.thresholds.section,
        max_proposals=config.max_proposals_per_run,
        after_first=config.thresholds.relevance_after_first,
    )
    above = sum(_passes(s, config.thresholds.relevance, config.thresholds.section) for s in scored)
    held_back = in_their_years(held_back_papers(scored, proposals, config), plist)
    near = in_their_years(near_misses(scored, config), plist) if dashboard else []
    if record:
        day = today or _dt.datetime.now(_dt.UTC).date().isoformat()  # UTC, as fetch and run date things
        state.mark_seen([s.paper.arxiv_id for s in scored], day)
        if config.state.seen_days is not None:
            state.forget_seen((_dt.date.fromisoformat(day) - _dt.timedelta(days=config.state.seen_days)).isoformat())
        for h in held_back:
            state.mark_held_back(h.paper.arxiv_id, date=day, score=h.score, why=h.why, section=h.section.path)
        if dashboard:
            from bot.dashboard import candidate_record, window_start

            state.prune_candidates(window_start(day, config.dashboard.days))
            for h in [*held_back, *near]:
                state.mark_candidate(h.paper.arxiv_id, candidate_record(h, day))
    proposals = in_their_years(as_listed(requested + proposals, plist), plist)

    stats.update(
        {
            "on_list": on_list,
            "known": known,
            "excluded": excluded,
            "scored": len(scored),
            "above_threshold": above,
            "proposed": len(proposals),
            "requested": len(requested),
            "near_misses": len(near),
        }
    )
    stats.setdefault("failed", len(result.failures))
    log.info(
        "scan: %d papers from %d feed(s), %d on the list, %d seen before, %d scored, %d above threshold, %d proposed",
        len(result.papers), len(feeds), on_list, known, len(scored), above, len(proposals),
    )
    return ScanResult(proposals=proposals, scored=scored, stats=stats, failures=list(result.failures),
                      held_back=held_back, near_misses=near)


def near_misses(scored: Sequence[Scored], config: Config) -> list[HeldBack]:
    """Papers placed in a section that scored from dashboard.min_score up to just under the threshold, best
    first: the candidates issue's second kind, after the held-back ones."""
    t = config.thresholds
    low = [s for s in scored if s.sections and config.dashboard.min_score <= s.relevance < t.relevance]
    return [
        HeldBack(paper=s.paper, score=float(s.relevance), section=s.sections[0], why=f"score below {t.relevance:g}",
                 cap=config.max_proposals_per_run, alternatives=tuple(s.sections[1 : 1 + MAX_ALTERNATIVES]),
                 unsure=bool(s.unsure))
        for s in sorted(low, key=_rank_key)
    ]


def held_back_papers(scored: Sequence[Scored], proposals: Sequence[Proposal], config: Config) -> list[HeldBack]:
    """Papers above both thresholds that were not proposed, best first, each with the rule that kept it out."""
    t = config.thresholds
    chosen = {p.paper.arxiv_id for p in proposals}
    above = sorted((s for s in scored if _passes(s, t.relevance, t.section)), key=_rank_key)
    more = bar_after_first(t.relevance, t.relevance_after_first)
    return [
        HeldBack(
            paper=s.paper, score=float(s.relevance), section=s.sections[0],
            why=why_not_proposed(s, scored, relevance=t.relevance, section=t.section,
                                 max_proposals=config.max_proposals_per_run, after_first=t.relevance_after_first),
            place=place, bar=more if place > 1 and s.relevance < more else None, cap=config.max_proposals_per_run,
            alternatives=tuple(s.sections[1 : 1 + MAX_ALTERNATIVES]), unsure=bool(s.unsure),
        )
        for place, s in enumerate(above, 1)
        if s.paper.arxiv_id not in chosen
    ]


def with_overrides(
    config: Config, *, threshold: float | None = None, max_proposals: int | None = None,
    after_first: float | None = None,
) -> Config:
    """The config with the CLI's --threshold / --threshold-after-first / --max-proposals applied, checked like
    config.yaml values."""
    thresholds = config.thresholds
    for flag, key, value in (("--threshold", "relevance", threshold),
                             ("--threshold-after-first", "relevance_after_first", after_first)):
        if value is not None:
            if not 0.0 <= value <= 1.0:
                raise UsageError(f"{flag} {value:g}: must be a probability between 0 and 1")
            thresholds = thresholds.model_copy(update={key: value})
    cap = config.max_proposals_per_run
    if max_proposals is not None:
        if not 0 <= max_proposals <= 100:
            raise UsageError(f"--max-proposals {max_proposals}: must be between 0 and 100")
        cap = max_proposals
    return config.model_copy(update={"thresholds": thresholds, "max_proposals_per_run": cap})


def load_scan_inputs(
    config: Config, *, readme: Path | None = None, models: Path | None = None, state_path: Path | None = None
) -> tuple[PaperList, ListModel, State]:
    """The list, the trained models (refused if the README changed since training) and the state."""
    from bot.embed import config_model_name
    from bot.listfile import read_list
    from bot.model import ListModel
    from bot.state import State

    plist = read_list(readme or config.list.readme)
    try:
        model = ListModel.load(
            models or config.training.models_dir, embedding_model=config_model_name(config), readme_text=plist.text
        )
    except PaperbotError as exc:
        raise train_hint(exc, readme=readme, models=models) from None
    return plist, model, State.load(state_path or config.state.path)


_E = TypeVar("_E", bound=PaperbotError)


def train_hint(exc: _E, *, readme: Path | None = None, models: Path | None = None) -> _E:
    """The error's advice to run `paperbot train`, with the --readme and --models this command was given: a
    bare `paperbot train` would learn the configured list into the configured folder, and the error would stay."""
    from bot.errors import UnusableModels

    flags = "".join(f" --{flag} {shlex.quote(str(path))}" for flag, path in (("readme", readme), ("models", models))
                    if path)
    if not flags or "`paperbot train`" not in str(exc):
        return exc
    if isinstance(exc, UnusableModels):
        return type(exc)(exc.reason, exc.fix.replace("`paperbot train`", f"`paperbot train{flags}`"))
    try:
        return type(exc)(str(exc).replace("`paperbot train`", f"`paperbot train{flags}`"))
    except TypeError:  # an error class with other arguments: its own words, then
        return exc


def seen_papers(config: Config, ids: Sequence[str], *, feeds: Sequence[str] = (),
                state: State | None = None) -> dict[str, Paper]:
    """The papers `ids` as a scan saw them, by the id asked for: from the feeds it read (a file, or today's feed
    at a URL), then the state's near misses and held-back papers (the candidates issue's, kept with their
    abstracts). So explain needs neither a metadata file nor the arXiv API for a paper a scan read from disk."""
    from bot.feeds import read_feeds
    from bot.papers import versionless_id

    wanted = {versionless_id(i): i for i in ids}
    found: dict[str, Paper] = {}
    if feeds:
        from bot.arxiv_api import contact_for

        result = read_feeds(list(feeds), announce_types=tuple(config.feeds.announce_types),
                            timeout=config.feeds.timeout_seconds, contact=contact_for(config))
        if result.failures:
            first = result.failures[0]
            raise PaperbotError(f"feed failed: {first.source}: {first.reason}")
        for paper in result.papers:
            if (asked := wanted.get(versionless_id(paper.arxiv_id))) is not None:
                found.setdefault(asked, paper)
    if state is not None:
        from bot.dashboard import candidate_paper

        for key, asked in wanted.items():
            record = state.candidates.get(key)
            kept = candidate_paper(key, record) if asked not in found and record is not None else None
            if kept is not None and kept.abstract:  # not one rebuilt from the line, its title alone
                found[asked] = kept
    return found


def explain_flags(*, feeds: Sequence[str], options: Sequence[tuple[str, object]]) -> str:
    """The flags that make `paperbot explain ID` see what this scan saw, as a shell takes them: the scan's own
    (config, list, models, state, overrides) and each feed file it read, where the paper's text is (arXiv's
    API may be out of reach, as it is where a scan reads a file)."""
    from bot.feeds import is_remote

    parts = [f" {flag} {shlex.quote(str(value))}" for flag, value in options if value is not None]
    parts += [f" --feed {shlex.quote(str(feed))}" for feed in feeds if not is_remote(str(feed))]
    return "".join(parts)


def format_proposals(result: ScanResult, explain_with: str = "") -> str:
    """What `scan` prints for a person: one block per proposal, then the counts; section scores in percent as the
    PR body gives them (`--json` keeps 0-1). explain_with: the flags the explain command it names needs
    (explain_flags)."""
    lines: list[str] = []
    for n, p in enumerate(result.proposals, 1):
        lines.append(f"{n}. {p.paper.title}")
        lines.append(f"   arXiv:{p.paper.arxiv_id}  score {p.score:.2f}{'  [unsure]' if p.unsure else ''}")
        lines.append(f"   section:   {' > '.join(p.section.path)} ({section_pct(p.section.score)})")
        if p.alternatives:
            alt = p.alternatives[0]
            lines.append(f"   runner-up: {' > '.join(alt.path)} ({section_pct(alt.score)})")
    for h in result.held_back:
        lines.append(f"held back: {h.paper.title} (arXiv:{h.paper.arxiv_id}, score {h.score:.2f}; {h.why})")
    if not result.proposals and not result.held_back and result.scored:
        # a quiet day, or thresholds this list's scores never reach (a new list's): how near the best one came
        best = max(result.scored, key=lambda s: s.relevance)
        lines.append(f"best of the day: {best.paper.title} (arXiv:{best.paper.arxiv_id}, score {best.relevance:.3f}); "
                     f"`paperbot explain {best.paper.arxiv_id}{explain_with}` says why it was not proposed")
    s = result.stats
    lines.append(
        f"{len(result.proposals)} proposal(s) from {s.get('scored', 0)} new paper(s) scored "
        f"({s.get('kept', 0)} kept from {s.get('items', 0)} feed items; {s.get('on_list', 0)} already on the list, "
        f"{s.get('known', 0)} seen before; {s.get('above_threshold', 0)} above the threshold)"
    )
    return "\n".join(lines)


@dataclass(frozen=True)
class Explanation:
    """One paper as `scan` would judge it today, for a maintainer asking "why not this one?" or "where?"."""

    scored: Scored
    verdict: str
    on_list: tuple[str, ...] | None = None  # the section holding it, when it is on the list
    record: dict | None = None  # what state knows of it: {"status": "seen" | "proposed" | "rejected", "date", ...}
    new_heading: bool = False  # its section's heading is not on the list yet: the pull request would add it

    def to_json(self) -> dict:
        """A proposal's keys in `scan --json`, then what explain adds: on_list, state, verdict, new_heading."""
        return {
            **as_proposal(self.scored).to_json(),
            "on_list": list(self.on_list) if self.on_list is not None else None,
            "state": self.record,
            "verdict": self.verdict,
            "new_heading": self.new_heading,
        }


def explain(config: Config, papers: Sequence[Paper], *, plist: PaperList, model: ListModel, state: State,
            encoder: Encoder | None = None) -> list[Explanation]:
    """Score `papers` as scan does and say what scan would do with each, without recording anything."""
    from bot.embed import config_encoder, encoder_cache

    if not papers:
        return []
    encoder = config_encoder(config) if encoder is None else encoder
    cache = encoder_cache(config.embedding.cache_dir, encoder)
    margin = config.thresholds.unsure_margin
    scored, dropped = without_hand_picked(
        model.score(list(papers), encoder, cache, unsure_margin=margin, place_from=0.0), plist, margin=margin)
    _log_hand_picked(dropped)
    listed = {tuple(section.path) for section in plist.sections}
    # `Papers > 2025` on a list whose newest year is 2024: a maintainer should know the heading is the PR's own
    return [dataclasses.replace(_explanation(s, config, plist, state),
                                new_heading=bool(s.sections) and tuple(s.sections[0].path) not in listed)
            for s in _in_its_year(scored, plist)]


def _in_its_year(scored: list[Scored], plist: ListLike) -> list[Scored]:
    """Each paper's best section where scan and run would write it (`in_their_years`): a 2025 paper the models
    put under `Papers > 2024` is explained under `Papers > 2025`, the heading the pull request adds."""
    placed = [s for s in scored if s.sections]
    moved = {id(s): p.section for s, p in zip(placed, in_their_years([as_proposal(s) for s in placed], plist),
                                              strict=True)}
    return [dataclasses.replace(s, sections=(moved[id(s)], *s.sections[1:])) if id(s) in moved else s
            for s in scored]


def _explanation(s: Scored, config: Config, plist: PaperList, state: State) -> Explanation:
    from bot.papers import normalize_title, versionless_id

    t = config.thresholds
    key = versionless_id(s.paper.arxiv_id)
    if (path := plist.place_of(s.paper)) is not None:
        title = normalize_title(s.paper.title)
        # Its own entry is not evidence: it would always be the nearest, at similarity 1.
        s = dataclasses.replace(s, nearest=tuple(
            n for n in s.nearest if n.arxiv_id != key and normalize_title(n.title) != title))
        return Explanation(s, f"on the list in {' > '.join(path)}; scan skips it (its score is in-sample: the "
                           "models learned from it)", on_list=path)
    for status, book in (("rejected", state.rejected), ("proposed", state.proposed)):
        if key in book:
            record = {"status": status, **book[key]}
            pr = f" ({book[key]['pr']})" if book[key].get("pr") else ""
            then = "never proposed again" if status == "rejected" else "not proposed twice"
            what = "a maintainer closed its pull request" if status == "rejected" else "proposed"
            return Explanation(s, f"{what} on {book[key].get('date', '?')}{pr}: {then}", record=record)
    if key in state.held_back:
        held = state.held_back[key]
        return Explanation(s, f"held back on {held.get('date', '?')}: above the threshold but {held.get('why', '?')}; "
                           "scan does not score it again (tick it on the candidates issue, or add it by hand)",
                           record={"status": "held_back", **held})
    if key in state.candidates:
        cand = state.candidates[key]
        return Explanation(s, f"on the candidates issue since {cand.get('date', '?')} ({cand.get('why', '?')}): "
                           "tick it there and the next run proposes it",
                           record={"status": "candidate", **{k: v for k, v in cand.items() if k != "paper"}})
    # scan's own rules, on a day of this paper alone; then what a busier day would ask of it
    why = why_not_proposed(s, [s], relevance=t.relevance, section=t.section,
                           max_proposals=config.max_proposals_per_run, after_first=t.relevance_after_first)
    if key in state.seen:
        # Mostly a paper its day's scan scored under the threshold: say so, not only that it was seen, since "why
        # was it never proposed?" is the question (a scan's own proposals are seen too: `run` records them).
        today = f"not proposed: {why}" if why else "it passes the thresholds (a scan listed it, or the models or " \
            "thresholds changed since)"
        return Explanation(s, f"seen on {state.seen[key]}; scored now, {today}; scan does not score it again",
                           record={"status": "seen", "date": state.seen[key]})
    more = bar_after_first(t.relevance, t.relevance_after_first)
    if why:
        verdict = f"not proposed: {why}"
    elif config.max_proposals_per_run > 1 and s.relevance >= more:
        verdict = "would be proposed, also as its day's second or later paper (within the daily cap)"
    else:
        verdict = "would be proposed as its day's best paper above the thresholds" + (
            f"; after a day's first proposal it would need {more:g}" if config.max_proposals_per_run > 1 else "")
    return Explanation(s, verdict)


def format_explanations(explanations: Sequence[Explanation], config: Config) -> str:
    """What `explain` prints for a person: the numbers scan decides by (section scores in percent, as the PR body
    gives them), then the verdict."""
    t = config.thresholds
    lines: list[str] = []
    for x in explanations:
        s = x.scored
        lines.append(f"{s.paper.arxiv_id}  {s.paper.title}")
        lines.append(f"  score      {s.relevance:.3f} (threshold {t.relevance:g}; a day's second proposal "
                     f"{bar_after_first(t.relevance, t.relevance_after_first):g})")
        best = s.sections[0]
        new = "  (a new heading the pull request would add)" if x.new_heading else ""
        unsure = "  [unsure]" if s.unsure else ""
        lines.append(f"  section    {' > '.join(best.path)} ({section_pct(best.score)}){unsure}{new}")
        for n, alt in enumerate(s.sections[1 : 1 + MAX_ALTERNATIVES]):
            lines.append(f"  {'runner-up' if n == 0 else '':<9}  {' > '.join(alt.path)} ({section_pct(alt.score)})")
        for n, near in enumerate(s.nearest):
            where = f", in {' > '.join(near.section_path)}" if near.section_path else ""
            lines.append(f"  {'nearest' if n == 0 else '':<9}  {near.title} ({near.similarity:.2f}{where})")
        lines.append(f"  verdict    {x.verdict}")
        lines.append("")
    return "\n".join(lines).rstrip("\n")
