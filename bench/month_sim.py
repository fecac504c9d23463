"""A month of the bot on the real list, lived as a maintainer would: an end-to-end check, not a model measure.

`python -m bench.month_sim [seed=7] [days=32] [away=12-18] [bar=P] [limit=BYTES] [cache_days=N] [dump=DIR]` runs
the real daily job
(`bot.publish.run_job`: config.yaml, the shipped models, PyGithub over HTTP) once per dev feed day
(../shared/data/arxiv/feeds-dev, in order, each day dated by its file name) against
`tests.servers.github.GitHubStandIn` seeded with the real README. After each run a seeded maintainer merges the open
bot PR (sometimes after taking one paper out of it on the branch, sometimes after editing a venue), closes it, or
leaves it open to grow; it is away on the day indexes `away` (default a week; 0-31 leaves one PR open all month, the
longest body the feeds make).

Two paths the shipped settings never reach on these feeds can be forced: `bar=P` lowers
`thresholds.relevance_after_first` (a day's second proposal; none reaches the shipped 0.5), and `limit=BYTES`
lowers GitHub's PR body limit, in paperbot and in the stand-in alike, so a PR left open trims its body.
`cache_days=N` turns on `embedding.cache_days` over a copy of the embedding cache (without it the runs do not
prune, so the benches' shared cache keeps the feed papers) and checks every day that the runs pruned what they
should and kept the vectors of papers proposed, rejected or on the candidates issue.

`dump=DIR` writes what a maintainer reads, to read the month as one: DIR/DAY/summary.md (the run's job summary),
DIR/DAY/issue.md (the candidates issue as the run left it) and DIR/DAY/pr-N.md for each PR the run opened or
updated (title, body, and the README diff of its branch against main), all before the maintainer acts.

Models: a merge changes the README and the shipped models refuse a README they were not trained on. Retraining
every day would take hours and measures nothing this script is about, so `ListModel.trained_on` is patched
to say yes: the point is the pipeline (state, PRs, README edits), not the models' quality on the new list.

Invariants, checked every day (one verdict line a day, a summary, exit 1 if any fails):
- never twice: no paper in two PRs' markers, nor proposed again on a later day, nor proposed when on main;
- a no stays a no: papers of a closed PR, or taken out of a PR before its merge, never return (nor reach main);
- after every merge main's README parses and each merged paper reads back in the section its PR chose;
- main changes only by merges, and then only by added lines (plus the maintainer's own edits);
- every PR body is within GitHub's 65,536 bytes; an open PR's marker lists exactly its branch's papers not on main;
- state's seen/proposed/rejected agree with the PRs (and seen with everything scored so far).
"""

from __future__ import annotations

import json
import logging
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

from bench.common import FEEDS_DEV, REPO

TOKEN = "ghs_month_sim_token_0123456789"
MAIN = "main"
STATE_BRANCH = "paperbot-state"
BODY_LIMIT = 65_536
VENUES = ("ACL 2025", "ICML 2025", "NeurIPS 2025", "EMNLP 2025", "COLM 2025")
AWAY = "12-18"  # day indexes (first-last) when the maintainer is away: the open PR grows for a week


@dataclass
class Ledger:
    """What the maintainer and the harness know, to judge the bot's records against."""

    proposed_on: dict[str, str] = field(default_factory=dict)  # id -> day first proposed
    pr_of: dict[str, int] = field(default_factory=dict)  # id -> PR number that proposed it
    section_of: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> path the PR wrote it into
    refused: dict[str, str] = field(default_factory=dict)  # id -> why (closed PR #n / taken out of #n)
    merged: set[str] = field(default_factory=set)  # ids a merge brought to main
    human_lines: list[str] = field(default_factory=list)  # lines the maintainer wrote: must stay on main
    main_text: str = ""  # main's README as the harness last left it
    scored: int = 0  # papers scored over all runs (each one marked seen)
    counts: Counter = field(default_factory=Counter)
    seconds: list[float] = field(default_factory=list)
    body_limit: int = BODY_LIMIT
    trimmed: set[int] = field(default_factory=set)  # PRs whose body left something out to fit
    cache_rows: list[int] = field(default_factory=list)  # with cache_days=N: the cache's rows after each day


@dataclass
class Args:
    seed: int
    days: int
    away: range
    bar: float | None  # thresholds.relevance_after_first, None: config.yaml's
    limit: int  # GitHub's PR body limit in bytes
    cache_days: int | None  # embedding.cache_days on a copy of the cache; None: no pruning
    dump: Path | None = None  # where to write each day's PR bodies, diffs, candidates issue and job summary


def _args(argv: list[str]) -> Args:
    """seed=N days=N away=FIRST-LAST (day indexes) bar=P limit=BYTES cache_days=N dump=DIR, key=value as the
    other bench scripts."""
    out = {"seed": "7", "days": "32", "away": AWAY, "bar": "", "limit": str(BODY_LIMIT), "cache_days": "",
           "dump": ""}
    for arg in argv:
        key, _, value = arg.partition("=")
        if key not in out:
            raise SystemExit("usage: python -m bench.month_sim [seed=N] [days=N] [away=FIRST-LAST] [bar=P] "
                             f"[limit=BYTES] [cache_days=N] [dump=DIR] (got {arg!r})")
        out[key] = value
    try:
        first, _, last = out["away"].partition("-")
        return Args(int(out["seed"]), int(out["days"]), range(int(first), int(last or first) + 1),
                    float(out["bar"]) if out["bar"] else None, int(out["limit"]),
                    int(out["cache_days"]) if out["cache_days"] else None, Path(out["dump"]) if out["dump"] else None)
    except ValueError:
        raise SystemExit(f"seed, days, away and limit take whole numbers, bar a probability (got {out})") from None


def _ids(text: str) -> set[str]:
    from bot.listfile import parse_list

    return parse_list(text).arxiv_ids()


def _sections(text: str) -> dict[str, tuple[str, ...]]:
    """arXiv id -> section path of each entry (a paper listed twice keeps its first place)."""
    from bot.listfile import parse_list

    plist = parse_list(text)
    paths = {s.id: tuple(s.path) for s in plist.sections}
    out: dict[str, tuple[str, ...]] = {}
    for e in plist.entries:
        if e.arxiv_id:
            out.setdefault(e.arxiv_id, paths[e.section_id])
    return out


def _markers(hub: Any) -> dict[int, list[str]]:
    from bot.render import parse_marker

    return {n: parse_marker(pr.body) or [] for n, pr in hub.pulls.items()}


def _open_bot_pulls(hub: Any) -> list[Any]:
    return [pr for _, pr in sorted(hub.pulls.items()) if pr.state == "open" and pr.head.startswith("paperbot/")]


def _state(hub: Any) -> dict:
    text = hub.file_text("state.json", STATE_BRANCH)
    return json.loads(text) if text else {"seen": {}, "proposed": {}, "rejected": {}}


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    """Every line of `short`, in order, in `long` (greedy is exact for this question)."""
    it = iter(long)
    return all(any(line == other for other in it) for line in short)


# ------------------------------------------------------------------------------------------------ the run


def run_day(config: Any, encoder: Any, hub: Any, feed: Path, day: str, ledger: Ledger) -> tuple[Any, str]:
    """The real job for one day; returns its report (None when it failed) and a one-phrase account."""
    from bot.errors import PaperbotError
    from bot.publish import run_job

    env = {"GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": hub.repository, "GITHUB_API_URL": hub.base_url}
    start = time.perf_counter()
    try:
        # offline: no arXiv API stand-in here, and a proposal's venue from its comment is not what this measures
        report = run_job(config, feeds=[str(feed)], today=day, environ=env, encoder=encoder, offline=True)
    except PaperbotError as exc:
        ledger.seconds.append(time.perf_counter() - start)
        return None, f"run FAILED: {exc}"
    ledger.seconds.append(time.perf_counter() - start)
    ledger.scored += report.scan.stats.get("scored", 0)
    words = []
    for pub in report.published:
        ledger.counts[pub.action] += 1
        ledger.counts["proposed"] += len(pub.ids)
        words.append(f"{pub.action} #{pub.number} +{len(pub.ids)}")
    return report, (", ".join(words) or "no proposal") + f" ({report.scan.stats.get('scored', 0)} scored)"


def _cache_copy(config: Any, folder: Path) -> Path:
    """The plain encoder's cache and the shipped section encoder's, copied: what a daily job's cache holds."""
    import shutil

    from bot.embed import config_encoder, encoder_cache
    from bot.model import ListModel

    plain = encoder_cache(config.embedding.cache_dir, config_encoder(config))
    tuned = ListModel.load(config.training.models_dir, embedding_model=config.embedding.model).section_layers
    for cache in [plain, plain.sibling(tuned.name)] if tuned is not None else [plain]:
        if cache.directory.is_dir():
            shutil.copytree(cache.directory, folder / cache.directory.name)
    return folder


def check_cache(config: Any, encoder: Any, state: dict, day: str, ledger: Ledger) -> list[str]:
    """The run pruned what it should: vectors of papers scored over cache_days ago that no record needs stay
    fewer than one prune's worth, and no proposed, rejected or candidate paper lost its vectors."""
    from datetime import date, timedelta

    from bot.embed import encoder_cache
    from bot.publish import prune_floor
    from bot.state import State

    cache = encoder_cache(config.embedding.cache_dir, encoder)
    held = cache.ids()
    rows = len(cache)
    if ledger.cache_rows and rows < ledger.cache_rows[-1]:
        ledger.counts["pruned"] += 1
    ledger.cache_rows.append(rows)
    before = (date.fromisoformat(day) - timedelta(days=config.embedding.cache_days)).isoformat()
    record = State.from_json(state)
    stale = held & record.done_with(before)
    needed = set(record.proposed) | set(record.rejected) | set(record.candidates)
    fails = []
    if len(stale) >= prune_floor(rows):
        fails.append(f"cache: {len(stale)} papers scored before {before} kept")
    if lost := {i for i in needed if record.seen.get(i, day) < day} - held:
        fails.append(f"cache: lost the vectors of {sorted(lost)[:3]}")
    return fails


def dump_day(folder: Path, hub: Any, report: Any, day: str) -> None:
    """What the maintainer reads after the day's run: the job summary, the candidates issue, and each PR the run
    opened or updated with its README diff against main."""
    from bot.publish import step_summary
    from bot.render import unified_diff

    out = folder / day
    out.mkdir(parents=True, exist_ok=True)
    if report is not None:
        (out / "summary.md").write_text(step_summary(report, date=day, dry_run=False), encoding="utf-8")
        board = report.dashboard
        if board is not None and board.number in hub.issues:
            (out / "issue.md").write_text(hub.issues[board.number].body, encoding="utf-8")
        main = hub.file_text("README.md", MAIN) or ""
        for pub in report.published:
            pr = hub.pulls[pub.number]
            diff = unified_diff(main, hub.file_text("README.md", pr.head) or "")
            (out / f"pr-{pub.number}.md").write_text(
                f"# {pr.title}\n\n({pub.action}; branch {pr.head})\n\n{pr.body}\n\n"
                f"---- README diff against main ----\n```diff\n{diff}```\n", encoding="utf-8")


# ------------------------------------------------------------------------------------------------ the maintainer


def _edit_venue(text: str, arxiv_id: str, rng: random.Random) -> tuple[str, str, str] | None:
    """The README with that entry's venue changed (old line, new line), or None if it has no one-line venue."""
    from bot.listfile import parse_list

    plist = parse_list(text)
    entry = next((e for e in plist.entries if e.arxiv_id == arxiv_id), None)
    if entry is None or entry.end_line != entry.line + 1 or not entry.venue:
        return None
    old = plist.lines[entry.line]
    at = old.rfind(entry.venue)
    if at < 0:
        return None
    venue = rng.choice([v for v in VENUES if v != entry.venue])
    new = old[:at] + venue + old[at + len(entry.venue):]
    lines = list(plist.lines)
    lines[entry.line] = new
    edited = "".join(lines)
    back = next(e for e in parse_list(edited).entries if e.arxiv_id == arxiv_id)
    return (edited, old, new) if back.venue == venue else None


def _drop_entry(text: str, arxiv_id: str) -> str:
    from bot.listfile import parse_list

    plist = parse_list(text)
    entry = next(e for e in plist.entries if e.arxiv_id == arxiv_id)
    return "".join(plist.lines[: entry.line] + plist.lines[entry.end_line:])


@dataclass
class Merge:
    """What the maintainer did to a PR before merging it, for the checks after."""

    number: int
    base_before: str  # main before the merge, with the maintainer's edits of existing lines applied
    kept: list[str]
    removed: list[str]
    edited_line: str = ""


def maintain(hub: Any, ledger: Ledger, rng: random.Random, away: bool) -> tuple[str, Merge | None]:
    """Merge, close or leave the open bot PR; every choice from the seeded `rng` (drawn every day alike)."""
    from bot.render import parse_marker

    roll, variant, pick_seed = rng.random(), rng.random(), rng.random()
    pick = random.Random(pick_seed)
    pulls = _open_bot_pulls(hub)
    if not pulls:
        return "", None
    if len(pulls) > 1:
        return f"{len(pulls)} open bot PRs: left alone", None
    pr = pulls[0]
    ids = parse_marker(pr.body) or []
    if away or roll >= 0.55:
        return f"left #{pr.number} open ({len(ids)})", None
    if roll >= 0.37:
        hub.close_pull(pr.number)
        ledger.counts["closed"] += 1
        for i in ids:
            ledger.refused.setdefault(i, f"closed PR #{pr.number}")
        return f"closed #{pr.number} ({len(ids)})", None
    if hub.refs[MAIN] != pr.fork_sha:
        raise RuntimeError(f"PR #{pr.number} forked from an older main: the stand-in's merge is not a 3-way merge")
    base = hub.file_text("README.md", MAIN)
    branch = hub.file_text("README.md", pr.head)
    removed: list[str] = []
    edited_line = ""
    what = ""
    if variant < 0.3 and len(ids) >= 2:
        gone = pick.choice(sorted(ids))
        branch = _drop_entry(branch, gone)
        removed.append(gone)
        hub.push(pr.head, "README.md", branch, message=f"Drop {gone}")
        ledger.refused.setdefault(gone, f"taken out of PR #{pr.number}")
        what = f", took out {gone}"
    elif variant < 0.6:
        # Half the time the venue of one of the PR's papers, else of an entry already on the list.
        own = variant < 0.45
        pool = sorted(ids) if own else sorted(_ids(base) - set(ids))
        for candidate in pick.sample(pool, min(len(pool), 20)):
            done = _edit_venue(branch, candidate, pick)
            if done:
                branch, old, edited_line = done
                if not own:
                    base = base.replace(old, edited_line, 1)  # what main must read besides the new lines
                hub.push(pr.head, "README.md", branch, message=f"Venue of {candidate}")
                ledger.human_lines.append(edited_line)
                what = f", edited the venue of {'its' if own else 'listed'} {candidate}"
                break
    hub.merge_pull(pr.number)
    ledger.counts["merged"] += 1
    kept = [i for i in ids if i not in removed]
    ledger.merged.update(kept)
    return f"merged #{pr.number} ({len(kept)}{what})", Merge(pr.number, base, kept, removed, edited_line)


# ------------------------------------------------------------------------------------------------ the checks


def check_after_run(hub: Any, ledger: Ledger, report: Any, day: str, main_before_run: str) -> list[str]:
    """Everything that must hold once the day's run is over (before the maintainer acts)."""
    from bot.render import parse_body

    fails: list[str] = []
    main = hub.file_text("README.md", MAIN)
    if main != ledger.main_text:
        fails.append("main's README changed without a merge")
    on_main_before = _ids(main_before_run)
    # never twice / a no stays a no, on today's proposals
    for pub in report.published if report else []:
        for i in pub.ids:
            if i in ledger.proposed_on:
                fails.append(f"{i} proposed again (first on {ledger.proposed_on[i]})")
            if i in ledger.refused:
                fails.append(f"{i} came back ({ledger.refused[i]})")
            if i in on_main_before:
                fails.append(f"{i} proposed while on main")
            ledger.proposed_on.setdefault(i, day)
            ledger.pr_of.setdefault(i, pub.number)
            ledger.section_of.setdefault(i, tuple(pub.sections.get(i, ())))
    markers = _markers(hub)
    where = Counter(i for ids in markers.values() for i in set(ids))
    fails += [f"{i} is in {n} PR markers" for i, n in sorted(where.items()) if n > 1]
    for i in sorted(set(where) - set(ledger.proposed_on)):
        fails.append(f"{i} in a marker but never published by a run")
    # bodies and markers
    main_ids = _ids(main)
    for n, pr in sorted(hub.pulls.items()):
        size = len(pr.body.encode("utf-8"))
        ledger.counts["max_body"] = max(ledger.counts["max_body"], size)
        if size > ledger.body_limit:
            fails.append(f"PR #{n} body is {size} bytes")
        parts = parse_body(pr.body)
        if parts is None:
            fails.append(f"PR #{n} body is not a bot body")
            continue
        if parts.dropped:
            ledger.trimmed.add(n)
        # what the body shows plus what it says it left out is every paper of its marker
        for kind, shown in (("rows", len(parts.rows)), ("details", len(parts.details))):
            if shown + parts.dropped.get(kind, 0) != len(parts.ids):
                fails.append(f"PR #{n} body: {shown} {kind} + {parts.dropped.get(kind, 0)} left out "
                             f"!= {len(parts.ids)} papers in its marker")
        if pr.state == "open":
            on_branch = _ids(hub.file_text("README.md", pr.head)) - main_ids
            if set(markers[n]) != on_branch:
                fails.append(f"PR #{n} marker {sorted(markers[n])} != branch papers not on main {sorted(on_branch)}")
            for i in markers[n]:
                if ledger.pr_of.get(i) != n:
                    fails.append(f"PR #{n} marker holds {i}, which PR #{ledger.pr_of.get(i)} proposed")
    fails += check_state(hub, ledger, markers, main_ids, day)
    fails += [f"the maintainer's line is gone from main: {line.strip()[:80]}" for line in ledger.human_lines
              if line not in main.splitlines(keepends=True)]
    return fails


def check_state(hub: Any, ledger: Ledger, markers: dict[int, list[str]], main_ids: set[str], day: str) -> list[str]:
    """The state file against the PRs as this run saw them (the maintainer has not acted since)."""
    fails: list[str] = []
    state = _state(hub)
    seen, proposed, rejected = state["seen"], state["proposed"], state["rejected"]
    in_prs = {i for ids in markers.values() for i in ids}
    if len(seen) != ledger.scored:
        fails.append(f"state has {len(seen)} seen, the runs scored {ledger.scored}")
    if late := sorted(i for i, d in seen.items() if d > day):
        fails.append(f"seen dated after {day}: {late[:3]}")
    if unseen := sorted((set(proposed) | set(rejected)) - set(seen)):
        fails.append(f"proposed/rejected but not seen: {unseen[:5]}")
    if missing := sorted(in_prs - set(proposed) - set(rejected)):
        fails.append(f"in a PR marker but neither proposed nor rejected in state: {missing[:5]}")
    if stray := sorted(set(proposed) - in_prs):
        fails.append(f"proposed in state but in no PR: {stray[:5]}")
    expected_rejected = {i for i in ledger.refused if i not in main_ids}
    if set(rejected) != expected_rejected:
        fails.append(f"rejected {sorted(set(rejected) - expected_rejected)[:5]} extra, "
                     f"{sorted(expected_rejected - set(rejected))[:5]} missing")
    if wrongly := sorted(set(rejected) & main_ids):
        fails.append(f"rejected yet on main: {wrongly[:5]}")
    for i, doc in sorted(proposed.items()):
        n = ledger.pr_of.get(i)
        if n is not None and doc.get("pr") != f"{hub.web_url}/pull/{n}":
            fails.append(f"state says {i} is in {doc.get('pr')}, it is in PR #{n}")
        if i in ledger.section_of and tuple(doc.get("section") or ()) != ledger.section_of[i]:
            fails.append(f"state's section of {i} is not its PR's")
    for i, doc in sorted(rejected.items()):
        n = ledger.pr_of.get(i)
        if n is not None and doc.get("pr") != f"{hub.web_url}/pull/{n}":
            fails.append(f"state says {i} was rejected in {doc.get('pr')}, it was in PR #{n}")
    return fails


def check_merge(hub: Any, ledger: Ledger, merge: Merge) -> list[str]:
    """Right after a merge: main parses, each kept paper reads back in its PR's section, only lines were added."""
    from bot.listfile import parse_list

    fails: list[str] = []
    main = hub.file_text("README.md", MAIN)
    try:
        parse_list(main)
        sections = _sections(main)
    except Exception as exc:  # any failure to read main back is the finding
        return [f"main's README does not parse after merging #{merge.number}: {exc}"]
    for i in merge.kept:
        if i not in sections:
            fails.append(f"{i} merged in #{merge.number} is not on main")
        elif sections[i] != ledger.section_of.get(i):
            fails.append(f"{i} reads back in {' > '.join(sections[i])}, its PR put it in "
                         f"{' > '.join(ledger.section_of.get(i, ()))}")
    fails += [f"{i}, taken out of #{merge.number}, is on main" for i in merge.removed if i in sections]
    before, after = merge.base_before.splitlines(keepends=True), main.splitlines(keepends=True)
    if not _is_subsequence(before, after):
        fails.append(f"merging #{merge.number} changed or removed lines of main beyond the maintainer's edit")
    else:
        added = Counter(after) - Counter(before)
        if sum(added.values()) != len(merge.kept) or not all(
                any(f"abs/{i}" in line for line in added) for i in merge.kept):
            fails.append(f"merging #{merge.number} added {sum(added.values())} lines for {len(merge.kept)} papers")
    ledger.main_text = main
    return fails


def check_refused(hub: Any, ledger: Ledger) -> list[str]:
    """At the end of each day: no refused paper on main."""
    on_main = _ids(hub.file_text("README.md", MAIN))
    return [f"{i} ({ledger.refused[i]}) is on main" for i in sorted(set(ledger.refused) & on_main)]


# ------------------------------------------------------------------------------------------------ main


def main(argv: list[str]) -> int:
    from bot.config import load_config
    from bot.embed import config_encoder
    from bot.model import ListModel
    from tests.servers.github import GitHubStandIn

    args = _args(argv)
    seed, days, away = args.seed, args.days, args.away
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    config = load_config(REPO / "config.yaml")
    # Without cache_days=N no pruning: the month's runs would prune the feed papers' vectors the other benches
    # replay from. With it, the runs prune a copy of the cache.
    scratch = tempfile.TemporaryDirectory(prefix="month-sim-cache-")
    cache_dir = _cache_copy(config, Path(scratch.name)) if args.cache_days else config.embedding.cache_dir
    update: dict[str, Any] = {"github": config.github.model_copy(
        update={"seconds_between_requests": 0.0, "seconds_between_writes": 0.0}),
        "embedding": config.embedding.model_copy(update={"cache_days": args.cache_days, "cache_dir": cache_dir})}
    if args.bar is not None:
        update["thresholds"] = config.thresholds.model_copy(update={"relevance_after_first": args.bar})
    config = config.model_copy(update=update)
    readme = Path(config.list.readme).read_text(encoding="utf-8")
    shipped = ListModel.load(config.training.models_dir, embedding_model=config.embedding.model)
    print(f"shipped models trained on this README: {shipped.trained_on(readme)} (later days: patched to yes)")
    encoder = config_encoder(config)
    feeds = sorted(FEEDS_DEV.glob("*.xml"))[:days]
    rng = random.Random(seed)
    ledger = Ledger(main_text=readme, body_limit=args.limit)
    failed_days = 0
    limit = args.limit
    with GitHubStandIn({"README.md": readme}, token=TOKEN) as hub, \
            mock.patch.object(ListModel, "trained_on", lambda self, text: True), \
            mock.patch("bot.render.BODY_LIMIT", limit), \
            mock.patch("tests.servers.github._too_long",
                       lambda body: body is not None and len(body.encode("utf-8")) > limit):
        for index, feed in enumerate(feeds):
            day = feed.stem
            main_before = hub.file_text("README.md", MAIN)
            report, did = run_day(config, encoder, hub, feed, day, ledger)
            fails = [did] if report is None else []
            fails += check_after_run(hub, ledger, report, day, main_before)
            if args.dump is not None:
                dump_day(args.dump, hub, report, day)
            action, merge = maintain(hub, ledger, rng, index in away)
            if merge is not None:
                fails += check_merge(hub, ledger, merge)
            elif hub.file_text("README.md", MAIN) != ledger.main_text:
                fails.append("main changed without a merge")
            fails += check_refused(hub, ledger)
            if args.cache_days:
                fails += check_cache(config, encoder, _state(hub), day, ledger)
            failed_days += bool(fails)
            verdict = "ok" if not fails else "FAIL: " + "; ".join(fails)
            print(f"{day} {ledger.seconds[-1]:5.1f}s  {did}; {action or 'no open PR'}  -> {verdict}", flush=True)
        state_bytes = len((hub.file_text("state.json", STATE_BRANCH) or "").encode("utf-8"))
        final = _state(hub)
        open_now = len(_open_bot_pulls(hub))
        prs = len(hub.pulls)
    c, secs = ledger.counts, ledger.seconds
    print(f"\n{len(feeds)} days, seed {seed}, away days {away.start}-{away.stop - 1}: {prs} PRs "
          f"({c['opened']} opened, {c['updated']} updates, {c['merged']} merged, {c['closed']} closed, "
          f"{open_now} open at the end); {c['proposed']} papers proposed, {len(ledger.merged)} merged to main, "
          f"{len(ledger.refused)} refused (closed or taken out), {len(ledger.human_lines)} maintainer edits")
    print(f"settings: thresholds.relevance_after_first {config.thresholds.relevance_after_first}, PR body limit "
          f"{limit:,} bytes; {len(ledger.trimmed)} PR(s) trimmed their body to fit")
    print(f"seconds per day: mean {sum(secs) / max(1, len(secs)):.1f}, max {max(secs, default=0):.1f}, "
          f"total {sum(secs):.0f}; largest PR body {c['max_body']:,} bytes")
    print(f"state file {state_bytes:,} bytes ({len(final['seen'])} seen, {len(final['proposed'])} proposed, "
          f"{len(final['rejected'])} rejected)")
    if args.cache_days:
        rows = ledger.cache_rows
        print(f"embedding cache (a copy; cache_days {args.cache_days}): {rows[0]:,} rows after the first day, "
              f"{rows[-1]:,} after the last, at most {max(rows):,}; {ledger.counts['pruned']} prune(s)")
    scratch.cleanup()
    print("invariants: " + ("all held" if not failed_days else f"FAILED on {failed_days} day(s)"))
    return 1 if failed_days else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
