"""`paperbot run`: scan, then propose through a Forge (GitHub, or the dry run that prints).

Order matters for "never twice" and "nothing half-done": the bot's own PRs are read first (open ones
are excluded, closed-unmerged ones become rejected for good), then the README of the repository's
default branch (so a merged PR's papers missing from it were taken out by a maintainer: rejected too),
the scan runs against that README, the PR is opened or updated, and state is saved last — only when the
whole run succeeded.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.config import Config
from bot.dashboard import Dashboard, ticked
from bot.errors import Cancelled, PaperbotError, RateLimited
from bot.github import BotPull, Change, Forge, Published
from bot.papers import Paper, Proposal

if TYPE_CHECKING:
    from bot.embed import Encoder
    from bot.listfile import PaperList
    from bot.model import ListModel
    from bot.propose import ScanResult
    from bot.render import OnBoard
    from bot.state import State

log = logging.getLogger("paperbot.publish")

# Trains new models on a README text (with the run's state, for the rejected papers): `run --retrain`.
Retrain = Callable[[str, "State"], "ListModel"]


def place(plist: PaperList, proposal: Proposal):  # -> Section
    """The proposal's section in this copy of the list: by id when the path agrees, else by path.

    The model was trained on the local README; the remote one is the same list, possibly a few
    entries further on, so ids usually match and the path settles any doubt.
    """
    from bot.errors import MissingSection, UsageError

    sid, path = proposal.section.section_id, tuple(proposal.section.path)
    if sid:
        for section in plist.sections:
            if section.id == sid and tuple(section.path) == path:
                return section
    try:
        return plist.find_section(" > ".join(path))
    except UsageError:
        raise MissingSection(
            f"section {' > '.join(path)!r} of the trained model is not in {plist.source}; run `paperbot train`"
        ) from None


def insert_proposals(text: str, proposals: Sequence[Proposal],
                     source: str = "README.md") -> tuple[str, list[Proposal]]:
    """The README with each proposed paper written into its section, and the proposals it wrote: a paper there
    already (a maintainer added it while the run worked) is skipped, and the pull request must not name it."""
    from bot.listfile import parse_list

    plist = parse_list(text, source)
    written: list[Proposal] = []
    for proposal in proposals:
        if plist.contains(proposal.paper):
            log.info("%s is already in %s; not adding it again", proposal.paper.arxiv_id, source)
            continue
        # `### 2025` above `### 2024` where the list has no such year yet; no year to add: `place` says it is missing
        with contextlib.suppress(PaperbotError):
            plist = plist.with_year_section(proposal.section.path)
        plist = plist.with_entry(proposal.paper, place(plist, proposal))  # refuses an entry that does not read back
        written.append(proposal)
    return plist.to_text(), [_as_written(plist, p) for p in written]


def _as_written(plist: PaperList, proposal: Proposal) -> Proposal:
    """The proposal with its section as the updated list names it, where writing the papers renamed it: a heading
    that counts its papers (`📚 Surveys & Position Papers (39)`) says `(40)` in the diff, so the PR body must."""
    entry = next((e for e in plist.entries if e.arxiv_id and e.arxiv_id == proposal.paper.arxiv_id), None)
    if entry is None:
        return proposal
    section = plist.section_by_id(entry.section_id)
    if tuple(section.path) == tuple(proposal.section.path):
        return proposal
    return replace(proposal, section=replace(proposal.section, path=tuple(section.path), section_id=section.id))


def apply_proposals(text: str, proposals: Sequence[Proposal], source: str = "README.md") -> str:
    """The README with each proposed paper written into its section; papers already there are skipped."""
    return insert_proposals(text, proposals, source)[0]


def on_the_list(plist: PaperList, pulls: Sequence[BotPull], candidates: dict[str, dict]) -> set[str]:
    """The arXiv ids the list holds: by their arXiv link (an entry's, or one a section writes outside any entry),
    and the bot's papers (in its PRs, on the candidates issue) that a maintainer added under another link
    (OpenReview, a venue page) or none, known by their title (PaperList.contains)."""
    known = {i: t for pr in pulls for i, t in pr.paper_titles}
    known.update({i: str(r["paper"].get("title", "")) for i, r in candidates.items()
                  if isinstance(r.get("paper"), dict)})
    by_title = {i for i, t in known.items() if plist.contains(Paper(arxiv_id=i, title=t))}
    return plist.arxiv_ids() | plist.mentioned_ids.keys() | by_title


def reconcile(state: State, pulls: Sequence[BotPull], today: str, listed: Collection[str] | None = None) -> set[str]:
    """Fold the bot's PRs into state; return every id that is in some bot PR (never propose those again).

    Closed without merging = a maintainer said no: rejected for good (and a negative for training).
    listed: the arXiv ids on the list as it is now, read after `pulls` (so every merge they show is in it).
    A paper of a merged PR that is not on the list was taken out of the PR before merging (or off the list
    since): a no as well.
    """
    in_prs: set[str] = set()
    for pr in pulls:
        for arxiv_id in pr.ids:
            in_prs.add(arxiv_id)
            if listed is not None and arxiv_id in listed:
                # On the list, whatever its PR became (closed as a duplicate of a hand-made entry, closed and
                # reopened, then merged): a yes, never a rejection, also when an earlier run recorded one.
                if state.clear_rejection(arxiv_id):
                    log.info("%s: on the list now (PR #%d); no longer a rejection", arxiv_id, pr.number)
                if arxiv_id not in state.proposed:
                    state.mark_proposed(arxiv_id, date=today, pr=pr.url)
                continue
            if arxiv_id in state.rejected:
                continue
            if pr.state == "closed":
                state.mark_rejected(arxiv_id, date=today, pr=pr.url)
                log.info("%s: PR #%d was closed without merging; never proposing it again", arxiv_id, pr.number)
            elif pr.state == "merged" and listed is not None and arxiv_id not in listed:
                state.mark_rejected(arxiv_id, date=today, pr=pr.url)
                log.info("%s: PR #%d was merged without it (it is not on the list); never proposing it again",
                         arxiv_id, pr.number)
            elif arxiv_id not in state.proposed:
                state.mark_proposed(arxiv_id, date=today, pr=pr.url)
    return in_prs


def rejected_ids(state: State) -> list[str]:
    """Papers maintainers turned down (closed bot PRs): the extra negatives for `train_models`."""
    return sorted(state.rejected)


def rejected_negatives(config: Config, state: State, *, offline: bool = False) -> list[Paper]:
    """The rejected papers with their metadata, ready for train_models(extra_negatives=...)."""
    ids = rejected_ids(state)
    if not ids:
        return []
    from bot.arxiv_api import resolve

    resolution = resolve(ids, config, metadata=_list_metadata(config), offline=offline)
    if resolution.missing:
        log.warning("no metadata for %d rejected paper(s): %s", len(resolution.missing), ", ".join(resolution.missing))
    return [resolution.papers[i] for i in ids if i in resolution.papers]


def _list_metadata(config: Config) -> Path | None:
    """list.metadata when the file is there: resolve's first source of a paper's details."""
    return config.list.metadata if config.list.metadata and Path(config.list.metadata).exists() else None


def training_negatives(config: Config, *, state_path: Path | None = None, offline: bool = False,
                       environ: dict[str, str] | None = None, today: str | None = None) -> list[Paper]:
    """Papers maintainers turned down, for `paperbot train`.

    Read from the repository when a token and repository are configured (the Action: closed bot PRs and
    the state branch), else from the local state file.
    """
    from bot.config import github_settings
    from bot.github import GitHubForge
    from bot.state import State

    repository, _, token = github_settings(config, environ)
    if repository and token:
        from bot.listfile import parse_list

        forge = GitHubForge.from_config(config, environ)
        state = forge.load_state()
        pulls = forge.bot_pulls()
        listed = on_the_list(parse_list(forge.read_readme(), config.github.readme_path), pulls, state.candidates)
        reconcile(state, pulls, today or datetime.now(UTC).date().isoformat(), listed)
    else:
        state = State.load(state_path or config.state.path)
    return rejected_negatives(config, state, offline=offline)


def current_model(model: ListModel | None, readme: str, source: str, state: State, retrain: Retrain | None,
                  *, unusable: str = "") -> tuple[ListModel, str]:
    """The models for the README the run edits, and why they were retrained ("" when they were not).

    Stale ones are retrained or refused, never used silently. Checked against the README on GitHub, not
    a local copy: a daemon's checkout is not pulled when a maintainer merges, and the list it would edit
    is the remote one. model None: models/ could not serve the run (`unusable` says why).
    """
    if model is not None and model.trained_on(readme):
        return model, ""
    if model is None:
        why, fix = f"no usable models ({unusable})", "run `paperbot train`"
    else:
        when = model.meta.get("trained_at", "an unknown date")
        if other := model.another_list(readme):  # the shipped models/ left in place for a new list, not an edit
            why, fix = f"{source}: the models were {other}, on {when}", "run `paperbot train` on it"
        else:
            why, fix = f"{source} changed since the models were trained ({when})", "run `paperbot train` on it"
    if retrain is None:
        raise PaperbotError(f"{why}: {fix}, or `paperbot run --retrain`")
    log.info("%s: training first", why)
    return retrain(readme, state), why


# Why a paper the scan proposed is in no pull request: the README commit found it on the list (a maintainer added
# it by hand after the scan read the README).
ADDED_BY_HAND = "already on the list (added while this run worked)"


@dataclass
class RunReport:
    scan: ScanResult
    published: list[Published] = field(default_factory=list)
    excluded: int = 0
    rejected: int = 0
    retrained: str = ""  # why the run trained the models first; "" when it used them as they were
    dashboard: Dashboard | None = None  # the candidates issue as this run left it (None: not written)

    @property
    def proposed(self) -> list[Proposal]:
        """The scan's proposals a pull request names (its README commit wrote them), in the scan's order."""
        sent = {i for p in self.published for i in p.ids}
        return [p for p in self.scan.proposals if p.paper.arxiv_id in sent]

    @property
    def skipped(self) -> list[Proposal]:
        """The scan's proposals no pull request names: the list on the default branch had them by the time the
        README commit was made (a maintainer added them while this run worked)."""
        sent = {i for p in self.published for i in p.ids}
        return [p for p in self.scan.proposals if p.paper.arxiv_id not in sent]

    def to_json(self) -> dict:
        """scan's JSON, with `proposals` (and stats.proposed) the papers the pull requests name, and `skipped` the
        others with why, so `run --json` agrees with `pull_requests[].ids`; each pull request's `sections` name the
        papers' sections as its README does after the commit (`(40)` where the scan's list said `(39)`)."""
        doc = self.scan.to_json()
        doc["proposals"] = [p.to_json() for p in self.proposed]
        doc["stats"]["proposed"] = len(doc["proposals"])
        doc["skipped"] = [{**p.to_json(), "reason": ADDED_BY_HAND} for p in self.skipped]
        doc["retrained"] = bool(self.retrained)
        doc["retrained_because"] = self.retrained or None
        doc["pull_requests"] = [
            {"action": p.action, "number": p.number, "url": p.url, "branch": p.branch, "title": p.title,
             "ids": p.ids, "sections": dict(p.sections)}
            for p in self.published
        ]
        board = self.dashboard
        doc["candidates_issue"] = None if board is None else {
            "number": board.number, "url": board.url, "candidates": len(board.listed)}
        return doc


def run(config: Config, *, forge: Forge, feeds: Sequence[str], model: ListModel | None, today: str,
        encoder: Encoder | None = None, retrain: Retrain | None = None, unusable: str = "",
        offline: bool = False) -> RunReport:
    """One run on `forge`; model None (with `unusable` saying why) is only served by `retrain`. offline: no
    arXiv API request (a ticked paper's lost details from the metadata file and the API cache only)."""
    from bot.listfile import parse_list
    from bot.propose import scan

    state = forge.load_state()
    pulls = forge.bot_pulls()
    before = len(state.rejected)
    readme = forge.read_readme()  # after the PRs: every merge they show is in it
    plist = parse_list(readme, config.github.readme_path)
    board, readable = _read_dashboard(config, forge)
    open_board = board if board is not None and board.state == "open" else None
    if open_board is not None:
        restore_candidates(state, open_board.body, today=today, days=config.dashboard.days)
    listed = on_the_list(plist, pulls, state.candidates)
    exclude = reconcile(state, pulls, today, listed)
    asked = asked_papers(state, ticked(open_board.body) if open_board is not None else [], drop=exclude | listed)
    asked = with_details(config, asked, offline=offline)
    model, retrained = current_model(model, readme, forge.readme_source, state, retrain, unusable=unusable)
    result = scan(config, feeds=feeds, plist=plist, model=model, state=state, encoder=encoder,
                  exclude=exclude, today=today, asked=asked)
    if result.failures and len(result.failures) >= len(feeds):
        first = result.failures[0]
        raise PaperbotError(f"every feed failed; first: {first.source}: {first.reason}")
    report = RunReport(scan=result, excluded=len(exclude), rejected=len(state.rejected) - before,
                       retrained=retrained)
    for h in result.held_back:  # marked seen with the rest: the log, the PR body and the job summary name them
        log.info("held back: %s (arXiv:%s, score %.2f; %s)", h.paper.title, h.paper.arxiv_id, h.score, h.why)
    result.proposals = with_venues(config, result.proposals, offline=offline)
    writes_board = readable and (board is None or board.state == "open")
    # Every proposal leaves the issue, also one publish leaves out: it does so only when the list on the default
    # branch has the paper already (a maintainer added it while this run worked). So the issue written after the
    # PR is the one the PR's held-back line counted.
    plan = (_plan_dashboard(config, state, board, today=today,
                            drop=exclude | listed | {p.paper.arxiv_id for p in result.proposals})
            if writes_board else None)
    if result.proposals:
        change = Change(proposals=list(result.proposals), date=today, mode=config.pr.mode,
                        edit=lambda text, group: insert_proposals(text, group, config.github.readme_path),
                        held_back=list(result.held_back), board=None if plan is None else plan.on_board)
        report.published = forge.publish(change)
        by_id = {p.paper.arxiv_id: p for p in result.proposals}
        for pub in report.published:
            for arxiv_id in pub.ids:
                state.mark_proposed(arxiv_id, date=today, pr=pub.url, section=by_id[arxiv_id].section.path)
    if plan is not None:
        report.dashboard = _write_dashboard(forge, state, board, plan)
    elif board is not None and board.state != "open":
        log.info("the candidates issue #%d is closed: not updating it (reopen it to have it back)", board.number)
    if not config.dashboard.enabled:
        state.candidates = {}  # kept for an issue that is off: they would only grow the state file
    forge.save_state(state)
    prune_embeddings(config, encoder, model, state, today=today, listed=listed)
    return report


# Rows a prune must free before it rewrites the cache (the whole file): about ten days of a daily feed.
PRUNE_AT_LEAST = 2000


def prune_floor(rows: int) -> int:
    """Stale rows a cache of `rows` must hold before a prune rewrites it: PRUNE_AT_LEAST, or a tenth of a
    small cache (the section encoder's, a few papers a day)."""
    return min(PRUNE_AT_LEAST, max(1, rows // 10))


def prune_embeddings(config: Config, encoder: Encoder | None, model: ListModel | None, state: State, *,
                     today: str, listed: Collection[str]) -> None:
    """Keep the embedding cache the size of what runs still read: a daily job adds a few hundred feed
    papers a day that are scored once, and the Action saves and restores the whole cache every run.

    Only a cache: a failure here is a warning, never a failed run (the PR is open by then).
    """
    import time

    from bot.embed import config_encoder, encoder_cache, sweep_tuned_caches

    days = config.embedding.cache_days
    if days is None:
        return
    encoder = config_encoder(config) if encoder is None else encoder
    before = (date.fromisoformat(today) - timedelta(days=days)).isoformat()
    done = (state.done_with(before) | state.forgotten) - set(listed)
    root = config.embedding.cache_dir
    tuned = model.section_layers.name if model is not None and model.section_layers is not None else None
    try:
        plain = encoder_cache(root, encoder)
        for cache in [plain, plain.sibling(tuned)] if tuned else [plain]:
            if done and (gone := cache.drop(done, at_least=prune_floor(len(cache)))):
                log.info("embedding cache %s: dropped the vectors of %d paper(s) first seen before %s",
                         cache.directory, gone, before)
        for folder in sweep_tuned_caches(root, encoder, tuned, older_than=time.time() - days * 86400):
            log.info("embedding cache: removed %s, a replaced section encoder's, unused for %d days", folder, days)
    except (OSError, PaperbotError) as exc:
        log.warning("could not prune the embedding cache %s: %s", root, exc)


def asked_papers(state: State, ids: Sequence[str], *, drop: Collection[str]) -> list[Paper]:
    """The papers ticked on the candidates issue that a run may still propose, from what state kept of them."""
    from bot.dashboard import candidate_paper

    out: list[Paper] = []
    for arxiv_id in ids:
        if arxiv_id in drop or arxiv_id in state.proposed or arxiv_id in state.rejected:
            continue  # proposed or listed since it was ticked (the issue drops it this run)
        record = state.candidates.get(arxiv_id)
        paper = candidate_paper(arxiv_id, record) if record is not None else None
        if record is None:
            log.warning("%s is ticked on the candidates issue but no longer a candidate (older than dashboard.days, "
                        "or the state was reset); add it with `paperbot add %s`", arxiv_id, arxiv_id)
        if paper is not None:
            log.info("%s was ticked on the candidates issue: proposing it", arxiv_id)
            out.append(paper)
    return out


def restore_candidates(state: State, body: str, *, today: str, days: int) -> list[str]:
    """Put back the candidates the open issue lists that state has lost (its branch deleted or reset), rebuilt
    from the issue's lines (dashboard.issue_candidates): else this run would write the issue again from an
    empty state, and every line and tick on it would be gone. Only those of the last `days`, as any record,
    and not those proposed or rejected since. Returns their ids."""
    from bot.dashboard import issue_candidates, window_start

    since = window_start(today, days)
    records = issue_candidates(body)
    back = [key for key, record in records.items() if str(record["date"]) >= since and key not in state.candidates
            and key not in state.proposed and key not in state.rejected]
    for key in back:
        state.mark_candidate(key, records[key])
    if back:
        log.info("state had lost %d paper(s) of the candidates issue: rebuilt from the issue's lines (%s)",
                 len(back), ", ".join(back))
    return back


def with_details(config: Config, papers: Sequence[Paper], *, offline: bool = False) -> list[Paper]:
    """Ticked papers with their authors and abstract. A record rebuilt from the issue holds the title alone, so
    those come as `paperbot add` finds them (the metadata file, the arXiv cache, then the API); a paper none of
    them has stays ticked for the next run, since its entry could not carry its authors in the list's style."""
    bare = [p.arxiv_id for p in papers if not p.abstract and not p.authors]
    if not bare:
        return list(papers)
    from bot.arxiv_api import resolve

    found = resolve(bare, config, metadata=_list_metadata(config), offline=offline).papers
    out: list[Paper] = []
    for paper in papers:
        if paper.arxiv_id not in bare:
            out.append(paper)
        elif paper.arxiv_id in found:
            out.append(found[paper.arxiv_id])
        else:
            log.warning("%s is ticked on the candidates issue, but its authors and abstract (lost with the state) "
                        "could not be fetched from arXiv%s: it stays ticked for the next run", paper.arxiv_id,
                        " (offline: the metadata file and the API cache only)" if offline else "")
    return out


def with_venues(config: Config, proposals: Sequence[Proposal], *, offline: bool = False) -> list[Proposal]:
    """The proposals with their arXiv comment and journal reference, which a feed does not carry: "Accepted to
    ACL 2025" makes the entry's venue ACL 2025, as a maintainer would write it, where it would say arXiv; and the
    day of their first version, which a list dates a paper by (`18 Aug 2022`) where a feed gives the day it
    announced it. One API request for the day's few papers (the cache first, but for rows written before comments
    were kept, which say nothing about them); if arXiv does not answer, the entries say arXiv and the day known."""
    venue = {p.paper.arxiv_id for p in proposals if not p.paper.comment and not p.paper.journal_ref}
    wanted = [p.paper.arxiv_id for p in proposals if p.paper.arxiv_id in venue or not p.paper.published]
    if offline or not config.arxiv_api.venues or not wanted:
        return list(proposals)
    from bot.arxiv_api import ArxivClient, resolve

    # One retry, not max_retries: the venue is a nicety, and an unreachable arXiv would hold the run a minute.
    client = ArxivClient.from_config(config, max_retries=min(1, config.arxiv_api.max_retries))
    resolution = resolve(wanted, config, client=client, comments=True)
    found = resolution.papers
    if resolution.missing:
        log.info("no arXiv comment for %s: their entries say arXiv", ", ".join(resolution.missing))
    out: list[Proposal] = []
    for p in proposals:
        api = found.get(p.paper.arxiv_id)
        if api is not None and (api.comment or api.journal_ref) and p.paper.arxiv_id in venue:
            p = replace(p, paper=replace(p.paper, comment=api.comment, journal_ref=api.journal_ref))
        if api is not None and api.published and not p.paper.published:
            p = replace(p, paper=replace(p.paper, published=api.published))
        out.append(p)
    return out


def _read_dashboard(config: Config, forge: Forge) -> tuple[Dashboard | None, bool]:
    """The candidates issue, and whether it could be read: one that cannot be read is not written either, or
    the ticks on it would be lost."""
    if not config.dashboard.enabled:
        return None, False
    try:
        return forge.read_dashboard(), True
    except RateLimited:
        raise  # every request after it would fail too: stop before the first write
    except PaperbotError as exc:
        log.warning("cannot read the candidates issue, so it is left as it is this run: %s", exc)
        return None, False


def _remote_dashboard(config: Config, remote: Forge) -> Dashboard | PaperbotError | None:
    """What a dry run hands its forge: the issue, or the error reading it (run() warns about it, as a real run
    would)."""
    if not config.dashboard.enabled:
        return None
    try:
        return remote.read_dashboard()
    except RateLimited:
        raise
    except PaperbotError as exc:
        return exc


@dataclass(frozen=True)
class _BoardPlan:
    """The candidates issue as this run writes it, built once: its candidates, its body without ticks, and what
    the pull request's held-back line says of it."""

    candidates: dict[str, dict]
    body: str
    on_board: OnBoard


def _plan_dashboard(config: Config, state: State, board: Dashboard | None, *, today: str,
                    drop: Collection[str]) -> _BoardPlan:
    """The candidates of the last dashboard.days but `drop`, the issue's body, and the ids it lists (its best
    `max_candidates`, within GitHub's limit) with its address (none before it is first opened): the PR body says
    a held-back paper is on the issue only where it will be. A write that fails is a warning: the papers stay
    candidates in the state, and the next run's write lists them."""
    from bot.dashboard import dashboard_body, live_candidates, parse_candidates_marker
    from bot.render import OnBoard

    dash = config.dashboard
    live = live_candidates(state.candidates, today=today, days=dash.days, drop=drop)
    body = dashboard_body(live, config=dash, threshold=config.thresholds.relevance)
    ids = frozenset(parse_candidates_marker(body))
    on_board = (OnBoard(ids, label=dash.label) if board is None
                else OnBoard(ids, url=board.url, number=board.number, label=dash.label))
    return _BoardPlan(live, body, on_board)


def _write_dashboard(forge: Forge, state: State, board: Dashboard | None, plan: _BoardPlan) -> Dashboard | None:
    """Bring the candidates issue up to date with the planned body, its boxes ticked as the issue has them just
    before the write; a failure is a warning (but a rate limit, which the state's save would meet next): the
    issue is a view, the next run redraws it, and the pull request of this run stands."""
    from bot.dashboard import with_ticks

    state.candidates = plan.candidates
    if board is None and not state.candidates:
        return None  # no empty issue on a repository that never had a candidate
    try:
        return forge.write_dashboard(lambda ticks: with_ticks(plan.body, ticks), board)
    except RateLimited:
        raise  # saving the state would fail too: the one error line says what this run did already
    except PaperbotError as exc:
        log.warning("could not update the candidates issue (the next run tries again): %s", exc)
        return None


def run_job(config: Config, *, dry_run: bool = False, feeds: Sequence[str] | None = None,
            readme: Path | None = None, models: Path | None = None, state_path: Path | None = None,
            today: str | None = None, out: TextIO | None = None, environ: dict[str, str] | None = None,
            forge: Forge | None = None, encoder: Encoder | None = None, retrain: bool = False,
            offline: bool = False) -> RunReport:
    """The whole job `paperbot run` (and the scheduler) performs: pick the Forge, load the models, run.

    A real run needs GITHUB_TOKEN and GITHUB_REPOSITORY (checked first: exit 2 before any work). A dry
    run with them reads the repository (README, bot PRs, state) and writes nothing; without them it
    reads the local --readme and --state. The models must match the README the run reads (run() checks);
    with retrain=True stale, missing or unusable ones are trained first and saved, except in a dry run;
    offline=True asks the arXiv API for nothing (metadata from the file and the API cache alone), for a
    machine that reaches GitHub but not arXiv's API.
    """
    from bot.config import github_settings
    from bot.embed import config_encoder, config_model_name
    from bot.errors import UnusableModels
    from bot.github import DryRunForge, GitHubForge
    from bot.listfile import read_list
    from bot.model import ListModel
    from bot.propose import train_hint
    from bot.state import State

    today = today or datetime.now(UTC).date().isoformat()
    if forge is None and not dry_run:
        forge = GitHubForge.from_config(config, environ)
        _state_ignored(config, state_path)
    models_dir = models or config.training.models_dir
    model: ListModel | None = None
    unusable = ""
    try:
        model = ListModel.load(models_dir, embedding_model=config_model_name(config))
    except UnusableModels as exc:
        if not retrain:
            exc = train_hint(exc, readme=readme, models=models)
            raise UnusableModels(exc.reason, f"{exc.fix}, or `paperbot run --retrain`") from None
        unusable = exc.reason
    if forge is None:
        repository, _, token = github_settings(config, environ)
        if repository and token:
            remote = GitHubForge.from_config(config, environ)
            _state_ignored(config, state_path)
            pulls = remote.bot_pulls()  # before the README, as run() reads them: every merge shown is in it
            forge = DryRunForge(readme_text=remote.read_readme(), state=remote.load_state(), out=out,
                                pulls=pulls, readme_path=config.github.readme_path,
                                branch_prefix=config.github.branch_prefix, readme_source=remote.readme_source,
                                dashboard=_remote_dashboard(config, remote))
        else:
            local = readme or config.list.readme
            if repository or token:  # one of the two set: a maintainer expecting the repository read says why not
                log.info("dry run on the local list %s: %s, so %s is not read", local,
                         "no GITHUB_TOKEN (or github.token)" if repository else "no GITHUB_REPOSITORY (or "
                         "github.repository)", repository or "the repository")
            forge = DryRunForge(readme_text=read_list(local).text, state=State.load(state_path or config.state.path),
                                out=out, readme_path=config.github.readme_path,
                                branch_prefix=config.github.branch_prefix, readme_source=str(local))
    # One encoder for training and scanning: a retraining run loads the weights once, not twice.
    encoder = config_encoder(config) if encoder is None else encoder
    retrainer = (_retrainer(config, models_dir=None if dry_run else models_dir, encoder=encoder, offline=offline)
                 if retrain else None)
    try:
        return run(config, forge=forge, feeds=list(feeds or config.feeds.urls), model=model, today=today,
                   encoder=encoder, retrain=retrainer, unusable=unusable, offline=offline)
    except PaperbotError as exc:  # stale models: train them as this run was told to read and load them
        raise train_hint(exc, readme=readme, models=models) from None
    except Cancelled as exc:  # what the run had written by then, for the line that says it was cancelled
        exc.done = forge.changes()
        raise


def _state_ignored(config: Config, state_path: Path | None) -> None:
    """`run --state FILE` against a repository: the state is the repository's, so say FILE is not used."""
    if state_path is not None:
        gh = config.github
        log.warning("--state %s is ignored: a run on GitHub keeps its state in %s on branch %s of the repository "
                    "(github.state_file, github.state_branch)", state_path, gh.state_file, gh.state_branch)


def _retrainer(config: Config, *, models_dir: Path | None, encoder: Encoder, offline: bool = False) -> Retrain:
    """`paperbot train --no-estimate` on the README the run read, with the run's rejected papers."""

    def retrain(readme_text: str, state: State) -> ListModel:
        from bot.listfile import parse_list
        from bot.model import train_models

        model, _ = train_models(
            config, readme=config.list.readme, plist=parse_list(readme_text, config.github.readme_path),
            metadata=config.list.metadata, background=config.training.background, models_dir=models_dir,
            offline=offline, extra_negatives=rejected_negatives(config, state, offline=offline), encoder=encoder,
            evaluate=False,
        )
        if models_dir is None:
            log.info("dry run: the newly trained models are used for this run only, not saved")
        else:
            log.info("newly trained models saved to %s", models_dir)
        return model

    return retrain


def summary(report: RunReport, *, dry_run: bool) -> list[str]:
    """What `paperbot run` prints after the work: one line per PR, or why there was none."""
    s = report.scan.stats
    lines = [f"trained the models first: {report.retrained}"] if report.retrained else []
    if not report.published and report.scan.proposals:
        # The forge found every proposed paper on the list already: a maintainer added them during the run.
        n = len(report.scan.proposals)
        lines.append(f"nothing to propose: the {n} paper(s) found were added to the list while this run worked")
        return lines
    if not report.published:
        above = s.get("above_threshold", 0)
        lines.append(
            f"nothing to propose: {s.get('scored', 0)} new paper(s) scored, "
            + (f"{above} above the thresholds and none within max_proposals_per_run " if above else
               "none above the thresholds ")
            + f"({s.get('on_list', 0)} already on the list, {s.get('known', 0)} seen before, "
            f"{report.excluded} in bot PRs)"
        )
        return lines + _dashboard_line(report)
    for pub in report.published:
        noun = "paper" if len(pub.ids) == 1 else "papers"
        if pub.action == "dry-run":
            lines.append(f"dry run: would propose {len(pub.ids)} {noun} on branch {pub.branch}; nothing was sent")
        else:
            lines.append(f"{pub.action} PR #{pub.number} {pub.url} ({len(pub.ids)} {noun}, branch {pub.branch})")
    return lines + _skipped_line(report) + _dashboard_line(report)


def _skipped_line(report: RunReport) -> list[str]:
    """The papers the scan found that a pull request left out, said beside the PRs that name the others."""
    if not report.skipped or not report.published:
        return []
    return [f"left out, already on the list (added while this run worked): "
            f"{', '.join(p.paper.arxiv_id for p in report.skipped)}"]


def _dashboard_line(report: RunReport) -> list[str]:
    board = report.dashboard
    if board is None:
        return []
    return [f"candidates issue #{board.number} {board.url}: {len(board.listed)} paper(s)"]


def step_summary(report: RunReport, *, date: str, dry_run: bool) -> str:
    """`summary` for the GitHub Actions run page, in markdown. Its sections read as the pull requests' bodies name
    them: `🧠 Planning & Reasoning (31)` where the PR's README counts 31, not the 30 the models knew."""
    from bot.listfile import escape_markdown
    from bot.render import job_summary, named_held, named_proposal

    def line(p: Published) -> str:
        if p.action == "dry-run" or not p.url:
            return f"Would propose, on branch {p.branch}; nothing was sent."
        return f"Pull request [#{p.number} {escape_markdown(p.title)}]({p.url}) ({p.action})"

    pulls = [line(p) for p in report.published]
    if not report.published and report.scan.proposals:  # added to the list by a maintainer during the run
        pulls = [f"No pull request: the {len(report.scan.proposals)} paper(s) found were added to the list while "
                 "this run worked."]
    elif report.skipped:
        pulls += [f"Left out, already on the list (added while this run worked): "
                  f"{', '.join(f'`{p.paper.arxiv_id}`' for p in report.skipped)}."]
    board = report.dashboard
    names = {i: p.names for p in report.published for i in p.ids}
    # The held-back papers are in the body of the first PR published (Change.held_back), named as its README names
    first = report.published[0].names if report.published else None
    return job_summary(
        date=date, stats={**report.scan.stats, "proposed": len(report.proposed)},
        proposals=[named_proposal(p, names.get(p.paper.arxiv_id)) for p in report.proposed],
        pulls=pulls, failures=[str(f) for f in report.scan.failures], retrained=report.retrained, dry_run=dry_run,
        held_back=[named_held(h, first) for h in report.scan.held_back],
        board="" if board is None else (f"Candidates issue [#{board.number}]({board.url}): "
                                        f"{len(board.listed)} paper(s) to tick for the next run."),
    )


def append_step_summary(markdown: str, environ: dict[str, str] | None = None) -> None:
    """Add to the job summary when GitHub Actions gives one; a summary that cannot be written is a warning,
    never a failed run (the PR is already open by then)."""
    import os

    target = (os.environ if environ is None else environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(markdown + "\n")
    except OSError as exc:
        log.warning("cannot write the job summary to %s: %s", target, exc.strerror or exc)
