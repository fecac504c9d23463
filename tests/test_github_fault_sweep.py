"""Fault-injection sweep of the daily job's GitHub side: every request of a run fails in turn.

Each scenario is run once cleanly on the stand-in to record its requests. Then, for each request k, it is
run again from the same start with request k failing (and its transport retries: a GET is retried by
urllib3, a write never), and the project's promises are checked: a one-line error or a legitimate success,
nothing half-done on GitHub, and a clean re-run that converges (one open bot PR holding each proposed paper
once, its README = main + those entries, state agreeing, nothing proposed twice, a rejection kept).

PAPERBOT_FULL_SWEEP=1 runs every (scenario, fault) over every request (about 640 cases, 7 minutes); by default
a lean subset (LEAN, 63 cases, under a minute): 500 on every request from the first write on in one scenario
(a failed read before it ends the run with nothing changed, the same everywhere) and on the writes of three
more, and each other fault on the writes of a scenario or two. The clean re-run is the next day's: a branch
named after the failed run's day is not tried again, so one left behind would stay.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import re
import time
import types
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from bot.cli import main
from bot.dashboard import is_dashboard, parse_candidates_marker, ticked
from bot.render import parse_marker
from tests.github_support import TOKEN
from tests.replay_support import FEEDS, README, list_checkout
from tests.servers.github import GitHubStandIn

DAY_23 = str(FEEDS / "2025-04-23.xml")
DAY_24 = str(FEEDS / "2025-04-24.xml")
PREFIX = "paperbot/"
FULL = os.environ.get("PAPERBOT_FULL_SWEEP") == "1"
HTML_502 = (b"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
            b"<hr><center>nginx</center></body></html>")


@dataclass(frozen=True)
class Scenario:
    args: tuple[str, ...]  # of the swept run
    # before it: ("run", feed[, max proposals]), ("close", n), ("drop-state",), ("fail", method, path regex,
    # status): a fault for the next setup run, which then must fail
    setup: tuple[tuple, ...] = ()
    config: str = "config.yaml"
    per_paper: bool = False


SCENARIOS = {
    # (a) first run: no bot PR yet, opens one
    "open": Scenario(("--feed", DAY_23)),
    # (b) the next day with the bot PR still open: a commit on its branch, its body edited, state saved
    "update": Scenario(("--feed", DAY_24, "--max-proposals", "1"), setup=(("run", DAY_23),)),
    # (c) the maintainer closed the bot PR unmerged; the state file is gone too, so only the closed PR's
    #     marker keeps its papers (candidates again in the same feed) from being proposed again; the day's
    #     other papers are rebuilt from the candidates issue (seen), so the next day's feed gives the proposals
    "rejected": Scenario(("--feed", DAY_23, "--feed", DAY_24), setup=(("run", DAY_23), ("close", 1),
                                                                       ("drop-state",))),
    # (d) one PR per paper, two papers
    "per-paper": Scenario(("--feed", DAY_23, "--max-proposals", "2"), config="per-paper.yaml", per_paper=True),
    # (e) a run died after its README commit and could not delete its branch: the next run reuses the branch
    "leftover-branch": Scenario(("--feed", DAY_23), setup=(
        ("fail", "POST", r"/pulls$", 500), ("fail", "DELETE", r"/git/refs/heads/paperbot/", 500), ("run", DAY_23))),
    # (f) a run died between the commit on the open PR's branch and the body edit: the next run records it
    "unrecorded": Scenario(("--feed", DAY_24, "--max-proposals", "1"), setup=(
        ("run", DAY_23), ("fail", "PATCH", r"/pulls/1$", 500), ("run", DAY_24, "1"))),
}


@dataclass(frozen=True)
class Fault:
    name: str
    status: int
    body: object
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False
    applied: bool = False  # GitHub did the work; only its answer is lost (writes only)
    once: bool = False  # a GET fails once and urllib3's retry gets the answer: the run must succeed


RATE_LIMITED = {"message": "API rate limit exceeded for installation ID 1.",
                "documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}
FAULTS = {
    "500": Fault("500", 500, {"message": "Server Error"}),
    "502-html": Fault("502-html", 502, HTML_502, {"Content-Type": "text/html"}),
    "drop": Fault("drop", 0, None, drop=True),
    "drop-after-work": Fault("drop-after-work", 0, None, drop=True, applied=True),
    "502-after-work": Fault("502-after-work", 502, HTML_502, {"Content-Type": "text/html"}, applied=True),
    "rate-limit": Fault("rate-limit", 403, RATE_LIMITED, {"x-ratelimit-remaining": "0",
                                                          "x-ratelimit-reset": "1893456000"}),
    "503-once": Fault("503-once", 503, {"message": "Service Unavailable"}, once=True),
}


ALL, AFTER_FIRST_WRITE, WRITES = "every request", "every request from the first write on", "the writes"
LEAN = {
    "500": {"open": WRITES, "update": AFTER_FIRST_WRITE, "rejected": WRITES, "unrecorded": WRITES},
    "502-html": {"update": WRITES},
    "drop": {"open": WRITES},
    "drop-after-work": {"update": WRITES, "per-paper": WRITES},
    "rate-limit": {"leftover-branch": WRITES},
}


# ---------------------------------------------------------------------------------------------- harness


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The list checkout (config, saved models) once for the module; the encoder is patched per test."""
    root = tmp_path_factory.mktemp("sweep")
    with pytest.MonkeyPatch.context() as mp:
        list_checkout(root, mp, extra_config="github: {seconds_between_requests: 0, seconds_between_writes: 0}\n")
    text = (root / "config.yaml").read_text(encoding="utf-8")
    (root / "per-paper.yaml").write_text(text + "pr: {mode: per-paper}\n", encoding="utf-8")
    return root


@pytest.fixture
def env(checkout: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny encoder, the Actions environment, and urllib3's retry backoff not slept."""
    import urllib3.util.retry as retry_module

    from bot import embed
    from tests.replay_support import ENCODER_NAME, HashingEncoder

    real_load = embed.load_encoder
    monkeypatch.setattr(embed, "load_encoder", lambda name, **kw: HashingEncoder() if name == ENCODER_NAME
                        else real_load(name, **kw))
    monkeypatch.setattr(retry_module, "time", types.SimpleNamespace(sleep=lambda s: None, time=time.time))
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    return checkout


def _snapshot(hub: GitHubStandIn) -> dict:
    with hub.lock:
        return copy.deepcopy({"blobs": hub.blobs, "commits": hub.commits, "refs": hub.refs, "pulls": hub.pulls,
                              "issues": hub.issues, "labels": hub.labels, "clock": next(hub._clock)})


def _restore(hub: GitHubStandIn, snap: dict) -> None:
    snap = copy.deepcopy(snap)
    hub.blobs, hub.commits, hub.refs, hub.pulls, hub.issues, hub.labels = (
        snap[k] for k in ("blobs", "commits", "refs", "pulls", "issues", "labels"))
    hub._clock = itertools.count(snap["clock"] + 1)
    hub._numbers = itertools.count(max([*hub.pulls, *hub.issues], default=0) + 1)


def _visible(hub: GitHubStandIn) -> tuple:
    """What a run can change on GitHub: branches, pull requests, the candidates issue, labels."""
    return (dict(hub.refs), {n: (p.state, p.body, p.title, p.head, tuple(p.labels)) for n, p in hub.pulls.items()},
            {n: (i.state, i.body, tuple(i.labels)) for n, i in hub.issues.items()}, sorted(hub.labels))


def _run(workdir: Path, hub: GitHubStandIn, scenario: Scenario, monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture, args: tuple[str, ...] | None = None, *, day: int = 0) -> tuple[int, str, str]:
    """`paperbot run` as the Action runs it, on a fixed day (the recorded paths name its branch; a clock
    passing midnight between the baseline and the sweep would aim the faults at yesterday's); day: that
    many days later (the next daily run)."""
    from datetime import date, timedelta

    from bot import publish

    real_run_job = publish.run_job

    def run_job(*a, today: str | None = None, **kw):
        return real_run_job(*a, today=(date(2025, 4, 24) + timedelta(days=day)).isoformat(), **kw)

    monkeypatch.setenv("GITHUB_REPOSITORY", hub.repository)
    monkeypatch.setenv("GITHUB_API_URL", hub.base_url)
    capsys.readouterr()
    with monkeypatch.context() as mp:
        mp.setattr(publish, "run_job", run_job)
        code = main(["run", "--config", str(workdir / scenario.config), *(scenario.args if args is None else args)])
    out, err = capsys.readouterr()
    return code, out, err


@dataclass
class Baseline:
    start: dict  # the stand-in before the swept run
    requests: list[tuple[str, str]]  # (method, path without query) of the clean swept run
    proposed: set[str]  # the papers it proposes
    rejected: set[str]  # papers of closed bot PRs at the start


_BASELINES: dict[str, Baseline] = {}


def baseline(name: str, workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> Baseline:
    """The scenario's start (its setup run once) and its clean run's requests, cached for the module."""
    if name in _BASELINES:
        return _BASELINES[name]
    scenario = SCENARIOS[name]
    with GitHubStandIn({"README.md": README.read_text(encoding="utf-8")}, token=TOKEN) as hub:
        failing = False
        for kind, *arg in scenario.setup:
            if kind == "fail":
                hub.fail_next(arg[0], arg[1], arg[2], {"message": "Server Error"})
                failing = True
            elif kind == "run":
                args = ("--feed", arg[0]) + (("--max-proposals", arg[1]) if len(arg) > 1 else ())
                code, _, err = _run(workdir, hub, scenario, monkeypatch, capsys, args)
                assert code == (1 if failing else 0), err
                failing = False
            elif kind == "close":
                hub.close_pull(arg[0])
            elif kind == "drop-state":
                del hub.refs["paperbot-state"]
        start = _snapshot(hub)
        rejected = {i for p in hub.pulls.values() if p.state == "closed" for i in parse_marker(p.body)}
        before = {i for p in hub.pulls.values() for i in parse_marker(p.body)}
        hub.requests.clear()
        code, _, err = _run(workdir, hub, scenario, monkeypatch, capsys)
        assert code == 0, err
        requests = [(m, unquote(urlsplit(p).path)) for m, p in hub.requests]
        proposed = {i for p in hub.pulls.values() for i in parse_marker(p.body)} - before
        assert proposed, "the scenario must propose something"
        check_converged(hub, scenario, Baseline(start, requests, proposed, rejected))
    _BASELINES[name] = Baseline(start, requests, proposed, rejected)
    return _BASELINES[name]


# ---------------------------------------------------------------------------------------------- promises


def _added(hub: GitHubStandIn, branch: str) -> tuple[list[str], list[str]]:
    """Lines the branch's README adds to main's, and lines it takes out."""
    main_lines = Counter(hub.file_text("README.md").splitlines())
    branch_lines = Counter((hub.file_text("README.md", branch) or "").splitlines())
    return list((branch_lines - main_lines).elements()), list((main_lines - branch_lines).elements())


def _ids_of(lines: list[str]) -> list[str]:
    return [m for line in lines for m in re.findall(r"arxiv\.org/abs/([0-9]{4}\.[0-9]{4,5})", line)]


def _state(hub: GitHubStandIn) -> dict | None:
    if "paperbot-state" not in hub.refs:
        return None
    text = hub.file_text("state.json", "paperbot-state")
    return json.loads(text) if text else None


def check_error(code: int, err: str) -> None:
    """Exit 0, or 1 with the CLI's one error line last; never a traceback."""
    assert "Traceback" not in err, err
    assert code in (0, 1), (code, err)
    if code:
        lines = err.rstrip("\n").splitlines()
        assert lines[-1].startswith("paperbot: error: GitHub") or lines[-1].startswith(
            "paperbot: error: cannot reach") or lines[-1].startswith("paperbot: error: unexpected answer"), lines[-1]
        assert sum(line.startswith("paperbot: error:") for line in lines) == 1, err


def check_consistent(hub: GitHubStandIn) -> None:
    """What a failed run may leave: never a PR claiming a paper its branch lacks, nor a README line taken out,
    nor state calling a paper proposed that no PR holds."""
    in_prs: set[str] = set()
    for pr in hub.pulls.values():
        marker = parse_marker(pr.body) or []
        in_prs |= set(marker)
        if pr.state != "open":
            continue
        assert pr.head in hub.refs, f"open PR #{pr.number} without its branch"
        added, removed = _added(hub, pr.head)
        ids = _ids_of(added)
        assert not removed, (pr.number, removed)
        assert len(ids) == len(added) and len(set(ids)) == len(ids), (pr.number, added)
        assert set(marker) <= set(ids), f"PR #{pr.number}'s marker names {set(marker) - set(ids)} not on its branch"
    state = _state(hub)
    if state is not None:
        orphans = set(state["proposed"]) - in_prs - set(_ids_of(hub.file_text("README.md").splitlines()))
        assert not orphans, f"state says proposed, no PR holds: {orphans}"


def check_converged(hub: GitHubStandIn, scenario: Scenario, base: Baseline, *, board: bool = True) -> None:
    """After a clean run: the open bot PRs hold each proposed paper once, their README is main + those entries,
    state agrees, nothing is in two PRs, a rejected paper is in no other PR and stays rejected; one candidates
    issue (board=False: at most one, after a run that succeeded with a warning about it)."""
    open_prs = [p for p in hub.pulls.values() if p.state == "open"]
    if scenario.per_paper:
        assert all(len(parse_marker(p.body)) == 1 for p in open_prs), [p.body for p in open_prs]
    else:
        assert len(open_prs) == 1, [(p.number, p.head) for p in open_prs]
    held: list[str] = []
    for pr in open_prs:
        marker = parse_marker(pr.body)
        added, removed = _added(hub, pr.head)
        assert not removed, (pr.number, removed)
        assert sorted(_ids_of(added)) == sorted(marker) and len(added) == len(marker), (pr.number, marker, added)
        if not scenario.per_paper:
            assert pr.title.startswith(f"Add {len(marker)} paper"), (pr.title, marker)
        held += marker
    every = [i for p in hub.pulls.values() for i in parse_marker(p.body)]
    assert not [i for i, n in Counter(every).items() if n > 1], f"proposed twice: {Counter(every)}"
    assert base.proposed <= set(held), f"lost: {base.proposed - set(held)}"
    assert not base.rejected & set(held)
    state = _state(hub)
    assert state is not None
    assert set(held) <= set(state["proposed"]) and not set(held) & set(state["rejected"])
    url = {i: f"{hub.web_url}/pull/{p.number}" for p in hub.pulls.values() for i in parse_marker(p.body)}
    assert all(state["proposed"][i]["pr"] == url[i] for i in held), (state["proposed"], url)
    assert all(state["rejected"][i]["pr"] == url[i] for i in base.rejected)
    assert base.rejected <= set(state["rejected"])
    assert set(state["proposed"]) <= set(every)
    # No bot branch without a PR outlives the next day's run: one the swept run left, or one an earlier
    # day's run left (a run that opens a PR deletes those, GitHubForge._sweep_leftovers).
    leftovers = {b for b in hub.refs if b.startswith(PREFIX)} - {p.head for p in hub.pulls.values()}
    assert not leftovers, f"bot branches without a PR: {leftovers}"
    # One candidates issue, however many answers were lost on the way: a run finds the one GitHub made.
    boards = [i for i in hub.issues.values() if is_dashboard(i.body)]
    assert len(boards) == int(board) or len(boards) == 1, [(i.number, i.state) for i in hub.issues.values()]
    for issue in boards if board else ():  # after a warning the issue may be a run behind (ticks there are checked)
        assert issue.state == "open" and not ticked(issue.body)
        assert not set(every) & set(parse_candidates_marker(issue.body)), "a paper in a PR is still a candidate"


# ---------------------------------------------------------------------------------------------- the sweep


def _cases(base: Baseline, fault: Fault, which: str) -> list[int]:
    """The indexes of the requests to fail: a lost answer after the work is for writes, a retried one for reads."""
    ks = range(len(base.requests))
    if fault.once:
        return [k for k in ks if base.requests[k][0] == "GET"]
    writes = [k for k in ks if base.requests[k][0] != "GET"]
    if fault.applied or which == WRITES:
        return writes
    return list(ks) if which == ALL else list(ks)[writes[0]:]


SWEEP = [(s, f) for s in SCENARIOS for f in FAULTS if FULL or s in LEAN.get(f, {})]


@pytest.mark.parametrize(("scenario_name", "fault_name"), SWEEP)
def test_every_request_failing_in_turn_keeps_the_promises(scenario_name, fault_name, env, monkeypatch, capsys,
                                                          subtests):
    scenario, fault = SCENARIOS[scenario_name], FAULTS[fault_name]
    base = baseline(scenario_name, env, monkeypatch, capsys)
    for k in _cases(base, fault, ALL if FULL else LEAN[fault_name][scenario_name]):
        method, path = base.requests[k]
        with subtests.test(k=k, request=f"{method} {path}"), \
                GitHubStandIn({"README.md": README.read_text(encoding="utf-8")}, token=TOKEN) as hub:
            _restore(hub, base.start)
            before = _visible(hub)
            # A GET is retried by urllib3 (3 more times): the fault holds for those, a write is sent once.
            times = 4 if method == "GET" and not fault.once else 1
            hub.fail_next(method, "^" + re.escape(path) + "$", fault.status, fault.body, headers=fault.headers,
                          times=times, drop=fault.drop, applied=fault.applied, at=k)
            code, _, err = _run(env, hub, scenario, monkeypatch, capsys)
            assert hub.faults[-1].times < times, "the fault never fired: the run took another path"
            check_error(code, err)
            if fault.once:
                assert code == 0, err
            if "nothing was changed" in err:
                assert _visible(hub) == before, "the error says nothing was changed"
            check_consistent(hub)
            if code == 0:
                check_converged(hub, scenario, base, board=False)
            hub.faults.clear()  # what the run did not use up (a 403 is not retried) must not hit the next one
            if _visible(hub) == before:
                continue  # nothing changed: the clean run is the baseline's, already checked
            # The next daily run: a branch name of the failed run's day is not tried again.
            code, _, err = _run(env, hub, scenario, monkeypatch, capsys, day=1)
            assert code == 0 and "Traceback" not in err, err
            check_converged(hub, scenario, base)
            if FULL:  # and it stays there: one more run writes nothing
                settled, writes = _visible(hub), len(hub.requests)
                assert _run(env, hub, scenario, monkeypatch, capsys, day=2)[0] == 0
                assert _visible(hub) == settled
                assert not [r for r in hub.requests[writes:] if r[0] != "GET"], hub.requests[writes:]
