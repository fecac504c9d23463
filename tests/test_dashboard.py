"""The candidates issue: near misses listed for a maintainer, a ticked box proposed by the next run.

The body is checked on its own first; then `paperbot run` end to end on the local GitHub (PyGithub over
HTTP), with thresholds set from the test models' own scores so the feed day gives proposals, a held-back
paper and near misses.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import DashboardConfig
from bot.dashboard import dashboard_body, issue_candidates, live_candidates, parse_candidates_marker, ticked
from bot.github import _merge_state
from bot.render import BODY_LIMIT, parse_marker
from bot.state import State
from tests.github_support import TOKEN, standin
from tests.replay_support import FEEDS, list_checkout, use_arxiv_api
from tests.servers.github import GitHubStandIn

DAY_23 = str(FEEDS / "2025-04-23.xml")
DAY_24 = str(FEEDS / "2025-04-24.xml")


def _record(day: str, score: float, title: str = "A paper", why: str = "score below 0.05") -> dict:
    return {"date": day, "score": score, "why": why, "reason": "under the threshold",
            "section": ["4. Methods", "4.3. Instruction Tuning", "4.3.1 Self-Instruct", "A. Seeds"],
            "paper": {"id": "x", "title": title, "abstract": "", "authors": [], "categories": []}}


# ---------------------------------------------------------------------------------------------- the body


def test_ticked_reads_the_boxes_by_their_arxiv_link() -> None:
    body = "\n".join([
        "- [x] [One](https://arxiv.org/abs/2504.00001) `2504.00001`: 4%, under the threshold; 4.1. Pre-training",
        "- [ ] [Two](https://arxiv.org/abs/2504.00002) `2504.00002`: 3%, under the threshold; 4.1. Pre-training",
        "  - [X] [Three](https://arxiv.org/abs/2504.00003v2) `2504.00003`: ticked with a capital X, nested",
        "- [x] a line a maintainer wrote, without a paper",
        "* [x] [Four](https://arxiv.org/abs/2504.00004) written with a star",
    ]).replace("\n", "\r\n")  # GitHub's web editor saves CRLF
    assert ticked(body) == ["2504.00001", "2504.00003", "2504.00004"]
    assert ticked(None) == [] and ticked("") == []


def test_body_lists_the_newest_run_first_best_first_and_keeps_ticks() -> None:
    candidates = {
        "2504.00001": _record("2025-04-23", 0.03, "Old but strong"),
        "2504.00002": _record("2025-04-24", 0.02, "New and weak"),
        "2504.00003": _record("2025-04-24", 0.04, "New and strong"),
        "2504.00004": _record("2025-04-22", 0.01, "Weakest, over max_candidates"),
    }
    config = DashboardConfig(max_candidates=3)
    body = dashboard_body(candidates, config=config, threshold=0.05, ticks={"2504.00002", "2504.09999"})
    boxes = [line for line in body.splitlines() if line.startswith("- [")]
    assert [re.search(r"`(.+?)`", b).group(1) for b in boxes] == ["2504.00003", "2504.00002", "2504.00001"]
    assert body.index("**2025-04-24**") < body.index("**2025-04-23**") and "2025-04-22" not in body
    assert ticked(body) == ["2504.00002"]  # a tick of a paper no longer listed is not invented
    assert parse_candidates_marker(body) == ["2504.00003", "2504.00001", "2504.00002"]
    assert boxes[0] == ("- [ ] [New and strong](https://arxiv.org/abs/2504.00003) `2504.00003`: 4%, under the "
                        "threshold; 4.3. Instruction Tuning > … > A. Seeds")
    assert "from 2% up to the threshold of 5%" in body and "last 14 days" in body
    # a threshold is a setting, said exactly: 0.045 is not "4%" (a score is rounded: 0.04 is "4%" above)
    assert "up to the threshold of 4.5%" in dashboard_body(candidates, config=config, threshold=0.045)
    empty = dashboard_body({}, config=config, threshold=0.05)
    assert "_No candidates right now._" in empty and parse_candidates_marker(empty) == []


def test_body_drops_the_weakest_to_stay_within_githubs_limit() -> None:
    long_title = "Synthetic data " * 60
    candidates = {f"2504.{n:05d}": _record("2025-04-24", n / 1000, f"{long_title}{n}") for n in range(100)}
    body = dashboard_body(candidates, config=DashboardConfig(max_candidates=100), threshold=0.5)
    listed = parse_candidates_marker(body)
    assert len(body.encode("utf-8")) <= BODY_LIMIT and 0 < len(listed) < 100
    assert listed == [f"2504.{n:05d}" for n in range(99, 99 - len(listed), -1)]  # the strongest kept


def test_a_body_built_once_and_ticked_later_is_the_body_built_with_the_ticks() -> None:
    """A run builds the issue's body once (the PR's held-back line counts from it) and ticks it with the boxes
    the issue holds just before the write: the same text as a body built with the ticks, also when GitHub's
    limit leaves the weakest out, and a tick of a paper it does not list, or a title that looks like a box,
    ticks nothing else."""
    from bot.dashboard import with_ticks

    long_title = "Synthetic data " * 60
    candidates = {f"2504.{n:05d}": _record("2025-04-2" + str(n % 3), n / 1000, f"{long_title}{n}") for n in range(100)}
    candidates["2504.00007"]["paper"]["title"] = "- [ ] [Looks like](https://arxiv.org/abs/2504.00099) `2504.00099`"
    config = DashboardConfig(max_candidates=100)
    body = dashboard_body(candidates, config=config, threshold=0.5)
    listed = parse_candidates_marker(body)
    assert len(listed) < 100 and "2504.00000" not in listed  # cut for the limit
    for ticks in [(), {"2504.00099"}, {listed[0], listed[-1], "2504.00000"}, {"2504.00007", "2504.00099"}, listed]:
        assert with_ticks(body, ticks) == dashboard_body(candidates, config=config, threshold=0.5, ticks=ticks)
    assert ticked(with_ticks(body, {"2504.00099"})) == ["2504.00099"]


def test_the_issue_lines_rebuild_records_that_write_the_same_issue() -> None:
    """A state that lost its candidates gets them back from the issue: the lines written again are the same
    lines, in the same order, with the same ticks."""
    deep = _record("2025-04-24", 0.1449, "Tied at 14%, *stars*, [brackets] | a pipe_ and \\ a backslash")
    shallow = {**_record("2025-04-24", 0.1351, "Tied too, lower, with the smaller id"),
               "section": ["4. Methods", "4.1. Pre-training"], "reason": "over the daily cap of 2 (#3 of its day)"}
    candidates = {
        "2504.00009": deep,
        "2504.00001": shallow,
        "2504.00005": {**_record("2025-04-23", 0.03, "No section, a why with | in it"), "section": [],
                       "reason": "", "why": "score below 0.05 | hand-edited"},
    }
    body = dashboard_body(candidates, config=DashboardConfig(), threshold=0.05, ticks={"2504.00001"})
    rebuilt = issue_candidates(body)
    assert list(rebuilt) == ["2504.00009", "2504.00001", "2504.00005"]
    assert dashboard_body(rebuilt, config=DashboardConfig(), threshold=0.05, ticks=ticked(body)) == body
    assert rebuilt["2504.00009"]["paper"]["title"] == deep["paper"]["title"]
    assert rebuilt["2504.00009"]["section"] == ["4.3. Instruction Tuning", "…", "A. Seeds"]  # as the issue shows it
    assert rebuilt["2504.00001"] == {
        "date": "2025-04-24", "score": 0.14, "issue_rank": 1, "why": "over the daily cap of 2 (#3 of its day)",
        "reason": "over the daily cap of 2 (#3 of its day)", "section": ["4. Methods", "4.1. Pre-training"],
        "paper": {"id": "2504.00001", "version": None, "title": "Tied too, lower, with the smaller id",
                  "abstract": "", "authors": [], "categories": [], "published": None}}
    # a line a maintainer wrote in the bot's shape is not a candidate the marker lists
    extra = "- [x] [Mine](https://arxiv.org/abs/2504.00077) `2504.00077`: 9%, mine; 4.1. Pre-training\n"
    assert "2504.00077" not in issue_candidates(body.replace("**2025-04-23**\n", "**2025-04-23**\n" + extra))


def test_rebuilt_candidates_keep_to_the_window_and_to_what_state_knows() -> None:
    from bot.publish import restore_candidates

    candidates = {"2504.00001": _record("2025-04-24", 0.03), "2504.00002": _record("2025-04-11", 0.03),
                  "2504.00003": _record("2025-04-10", 0.03), "2504.00004": _record("2025-04-24", 0.03),
                  "2504.00005": _record("2025-04-24", 0.03, "Kept in state")}
    body = dashboard_body(candidates, config=DashboardConfig(), threshold=0.05)
    state = State()
    state.mark_proposed("2504.00004", date="2025-04-24")  # proposed since the issue was written
    state.mark_candidate("2504.00005", candidates["2504.00005"])
    assert restore_candidates(state, body, today="2025-04-24", days=14) == ["2504.00001", "2504.00002"]
    assert state.candidates["2504.00005"] is candidates["2504.00005"]  # a record state has is never replaced
    assert state.seen["2504.00002"] == "2025-04-11"


def test_live_candidates_keep_the_window_and_drop_what_is_taken() -> None:
    candidates = {"a": _record("2025-04-11", 0.1), "b": _record("2025-04-10", 0.1), "c": _record("2025-04-24", 0.1)}
    assert set(live_candidates(candidates, today="2025-04-24", days=14, drop=())) == {"a", "c"}
    assert set(live_candidates(candidates, today="2025-04-24", days=14, drop={"c"})) == {"a"}


def test_state_keeps_candidates_and_a_concurrent_save_does_not_bring_dropped_ones_back(tmp_path: Path) -> None:
    state = State.load(tmp_path / "state.json")
    state.mark_candidate("2504.00001v2", _record("2025-04-24", 0.03))
    state.mark_candidate("2504.00002", _record("2025-04-24", 0.02))
    state.save()
    loaded = State.load(tmp_path / "state.json")
    assert set(loaded.candidates) == {"2504.00001", "2504.00002"} and "2504.00001" in loaded.seen
    theirs = State.from_json(loaded.to_json())
    theirs.mark_candidate("2504.00003", _record("2025-04-25", 0.04))  # another run's new candidate
    loaded.candidates.pop("2504.00001")  # this run proposed it
    _merge_state(loaded, theirs)
    assert set(loaded.candidates) == {"2504.00002", "2504.00003"}


# ---------------------------------------------------------------------------------------------- the run


@pytest.fixture
def hub():
    with standin() as server:
        yield server


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hub: GitHubStandIn) -> Path:
    """A list checkout whose thresholds split DAY_23 in four: 3 proposed, 1 held back by the cap, a few near
    misses (from dashboard.min_score up), the rest below; set between the test models' own scores."""
    from bot.config import load_config
    from bot.propose import load_scan_inputs, scan

    list_checkout(tmp_path, monkeypatch,
                  extra_config="github: {seconds_between_requests: 0, seconds_between_writes: 0}\n")
    config = tmp_path / "config.yaml"
    loaded = load_config(config)
    plist, model, state = load_scan_inputs(loaded, state_path=tmp_path / "scratch-state.json")
    result = scan(loaded, feeds=[DAY_23], plist=plist, model=model, state=state, record=False)
    scores = sorted((s.relevance for s in result.scored), reverse=True)
    assert scores[3] > scores[4], scores
    low = next(k for k in range(7, len(scores)) if scores[k - 1] > scores[k])
    text = config.read_text(encoding="utf-8").replace(
        "thresholds: {relevance: 0.0, relevance_after_first: 0.0}",
        f"thresholds: {{relevance: {(scores[3] + scores[4]) / 2!r}, relevance_after_first: 0.0}}\n"
        f"dashboard: {{min_score: {(scores[low - 1] + scores[low]) / 2!r}}}")
    config.write_text(text, encoding="utf-8")
    (tmp_path / "listed").write_text(str(low - 3), encoding="utf-8")  # the held-back paper and the near misses
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_REPOSITORY", hub.repository)
    monkeypatch.setenv("GITHUB_API_URL", hub.base_url)
    return tmp_path


@pytest.fixture
def listed(workdir: Path) -> int:
    """How many papers DAY_23 puts on the issue."""
    return int((workdir / "listed").read_text(encoding="utf-8"))


def _run(workdir: Path, *args: str) -> int:
    return main(["run", "--config", str(workdir / "config.yaml"), *args])


def _remote_state(hub: GitHubStandIn) -> dict:
    return json.loads(hub.file_text("state.json", "paperbot-state"))


def _tick(hub: GitHubStandIn, number: int, arxiv_id: str) -> None:
    body = hub.issues[number].body
    line = next(line for line in body.splitlines() if f"`{arxiv_id}`" in line)
    hub.set_issue_body(number, body.replace(line, line.replace("- [ ]", "- [x]", 1)))


def _issue_writes(hub: GitHubStandIn) -> list[tuple[str, str]]:
    return [(m, p) for m, p in hub.requests if m != "GET" and re.search(r"/issues(/\d+)?$", p)]


def test_first_run_opens_the_issue_with_the_held_back_paper_and_the_near_misses(workdir, hub, listed, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0
    out = capsys.readouterr().out.splitlines()
    [issue] = hub.issues.values()
    assert issue.number == 2 and issue.title == "paperbot: candidates" and issue.labels == ["paperbot-candidates"]
    assert out == [f"opened PR #1 {hub.web_url}/pull/1 (3 papers, branch {hub.pulls[1].head})",
                   f"candidates issue #2 {hub.web_url}/issues/2: {listed} paper(s)"]
    ids = parse_candidates_marker(issue.body)
    boxes = [line for line in issue.body.splitlines() if line.startswith("- [ ] ")]
    assert len(ids) == len(boxes) == listed >= 3 and not ticked(issue.body)
    assert "over the daily cap of 3 (#4 of its day)" in boxes[0]  # the held-back one, the best of them
    assert all("under the threshold" in line for line in boxes[1:])
    assert not set(ids) & set(parse_marker(hub.pulls[1].body))
    state = _remote_state(hub)
    assert set(state["candidates"]) == set(ids)
    assert all(state["candidates"][i]["paper"]["title"] for i in ids)  # enough to propose it later

    writes = len(hub.requests)
    assert _run(workdir, "--feed", DAY_23) == 0  # nothing new: the issue is not rewritten
    assert not [r for r in hub.requests[writes:] if r[0] != "GET"]


def test_a_ticked_box_is_proposed_by_the_next_run_and_leaves_the_issue(workdir, hub, listed, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0
    issue = hub.issues[2]
    weakest = parse_candidates_marker(issue.body)[-1]
    _tick(hub, 2, weakest)
    capsys.readouterr()
    assert _run(workdir, "--feed", DAY_23, "--json", str(workdir / "run.json")) == 0  # no new paper that day
    pr = hub.pulls[1]
    assert weakest in parse_marker(pr.body) and len(parse_marker(pr.body)) == 4
    row = next(line for line in pr.body.splitlines() if f"`{weakest}`" in line and line.startswith("| "))
    assert ", ticked on the candidates issue |" in row
    assert f"arxiv.org/abs/{weakest}" in hub.file_text("README.md", pr.head)
    assert weakest not in parse_candidates_marker(issue.body) and len(parse_candidates_marker(issue.body)) == listed - 1
    assert not ticked(issue.body)
    state = _remote_state(hub)
    assert weakest in state["proposed"] and weakest not in state["candidates"]
    doc = json.loads((workdir / "run.json").read_text(encoding="utf-8"))
    assert doc["stats"]["requested"] == 1 and [p["requested"] for p in doc["proposals"]] == [True]
    assert doc["candidates_issue"] == {"number": 2, "url": f"{hub.web_url}/issues/2", "candidates": listed - 1}


def test_an_issue_whose_label_was_taken_off_is_found_by_its_marker_and_gets_it_back(workdir, hub, listed, capsys):
    """The label is how runs look for the issue; without it, the marker still names it: no second issue, and
    the tick on it is not lost."""
    assert _run(workdir, "--feed", DAY_23) == 0
    weakest = parse_candidates_marker(hub.issues[2].body)[-1]
    _tick(hub, 2, weakest)
    hub.issues[2].labels = []
    assert _run(workdir, "--feed", DAY_23) == 0
    assert list(hub.issues) == [2] and hub.issues[2].labels == ["paperbot-candidates"]
    assert weakest in parse_marker(hub.pulls[1].body)
    assert weakest not in parse_candidates_marker(hub.issues[2].body)


def test_a_box_ticked_while_the_run_works_stays_ticked_for_the_next_run(workdir, hub, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0
    late = parse_candidates_marker(hub.issues[2].body)[0]
    # The maintainer ticks it after the run read the issue, just before the run writes it back.
    hub.before_next("GET", r"/issues/2$", lambda: _tick(hub, 2, late))
    hub.requests.clear()
    assert _run(workdir, "--feed", DAY_24) == 0
    # read once to write it (the list gave the rest): the tick was there by then, so it is kept
    assert [m for m, p in hub.requests if re.search(r"/issues/2$", p)] in (["GET"], ["GET", "PATCH"])
    assert ticked(hub.issues[2].body) == [late] and late not in parse_marker(hub.pulls[1].body)
    assert _run(workdir, "--feed", DAY_24) == 0
    assert late in parse_marker(hub.pulls[1].body) and not ticked(hub.issues[2].body)


def test_an_issue_whose_marker_a_maintainer_deleted_is_still_the_one(workdir, hub, capsys):
    """Editing the body on the web can take the hidden marker with it: the run finds the issue by its label
    and title, proposes what is ticked there, writes the marker back and opens no second issue."""
    assert _run(workdir, "--feed", DAY_23) == 0
    late = parse_candidates_marker(hub.issues[2].body)[0]
    _tick(hub, 2, late)
    edited = "\n".join(line for line in hub.issues[2].body.splitlines() if "paperbot:candidates" not in line)
    hub.set_issue_body(2, edited + "\n\nNotes from the maintainer.\n")
    assert parse_candidates_marker(hub.issues[2].body) == []
    assert _run(workdir, "--feed", DAY_24) == 0
    assert list(hub.issues) == [2]
    assert late in parse_marker(hub.pulls[1].body)
    assert parse_candidates_marker(hub.issues[2].body) and late not in parse_candidates_marker(hub.issues[2].body)


def test_a_deleted_state_branch_leaves_the_issue_its_lines_and_its_ticks(workdir, hub, listed, capsys):
    """The state branch deleted: the candidates are rebuilt from the open issue, which is left as it was; a
    ticked one is proposed once arXiv (here its cache) gives its authors and abstract, and waits till then."""
    from bot.arxiv_api import save_cache
    from bot.feeds import read_feeds
    from tests.servers.arxiv import ArxivServer, Reply

    assert _run(workdir, "--feed", DAY_23) == 0
    weakest = parse_candidates_marker(hub.issues[2].body)[-1]
    _tick(hub, 2, weakest)
    body = hub.issues[2].body
    with hub.lock:
        del hub.refs["paperbot-state"]
    with ArxivServer() as arxiv:  # arXiv answers that it has no such paper
        api = arxiv.api(Reply.api_fixture("id_0000.0000_s0_m100_8b51d9633a68.json"))
        use_arxiv_api(workdir, api)
        hub.requests.clear()
        capsys.readouterr()
        assert _run(workdir, "--feed", DAY_23, "--offline") == 0  # the cache alone: nothing asked, nothing lost
        assert not arxiv.requests_to("/api/query") and not _issue_writes(hub) and hub.issues[2].body == body
        assert f"{weakest} is ticked on the candidates issue, but its authors and abstract" in capsys.readouterr().err
        hub.requests.clear()
        assert _run(workdir, "--feed", DAY_23) == 0
        assert [r.query["id_list"] for r in arxiv.requests_to("/api/query")] == [[weakest]]
    err = capsys.readouterr().err
    assert f"{weakest} is ticked on the candidates issue, but its authors and abstract" in err
    assert hub.issues[2].body == body and not _issue_writes(hub)  # every line, and the tick, as they were
    assert weakest not in parse_marker(hub.pulls[1].body)
    state = _remote_state(hub)
    assert list(state["candidates"]) == sorted(parse_candidates_marker(body)) and len(state["candidates"]) == listed

    feed = {p.arxiv_id: p for p in read_feeds([DAY_23]).papers}
    save_cache(workdir / "api-cache.jsonl", [feed[weakest]])
    assert _run(workdir, "--feed", DAY_23) == 0
    pr = hub.pulls[1]
    assert weakest in parse_marker(pr.body) and len(hub.pulls) == 1
    row = next(line for line in pr.body.splitlines() if f"`{weakest}`" in line and line.startswith("| "))
    assert ", ticked on the candidates issue |" in row
    assert f"- **Authors:** {', '.join(feed[weakest].authors)}" in pr.body
    assert parse_candidates_marker(hub.issues[2].body) == [i for i in parse_candidates_marker(body) if i != weakest]


def test_a_closed_issue_is_left_alone_and_no_other_is_opened(workdir, hub, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0
    hub.close_issue(2)
    body = hub.issues[2].body
    hub.requests.clear()
    assert _run(workdir, "--feed", DAY_24) == 0
    assert list(hub.issues) == [2] and hub.issues[2].body == body and hub.issues[2].state == "closed"
    assert not _issue_writes(hub)
    assert "the candidates issue #2 is closed: not updating it" in capsys.readouterr().err


def test_the_issue_failing_is_a_warning_and_the_pull_request_stands(workdir, hub, listed, capsys):
    hub.fail_next("POST", r"/issues$", 500, {"message": "Server Error"})
    assert _run(workdir, "--feed", DAY_23) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"opened PR #1 {hub.web_url}/pull/1 (3 papers, branch {hub.pulls[1].head})"]
    assert "could not update the candidates issue (the next run tries again): GitHub error 500" in err
    assert not hub.issues and len(_remote_state(hub)["candidates"]) == listed  # saved: the next run lists them
    assert _run(workdir, "--feed", DAY_24) == 0
    [issue] = hub.issues.values()
    assert set(parse_candidates_marker(issue.body)) >= set(_remote_state(hub)["candidates"]) - set(
        parse_marker(hub.pulls[1].body))


def test_an_issue_that_cannot_be_read_is_not_written(workdir, hub, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0
    _tick(hub, 2, parse_candidates_marker(hub.issues[2].body)[0])
    body = hub.issues[2].body
    hub.fail_next("GET", r"/issues$", 502, {"message": "Bad Gateway"}, times=4)  # and urllib3's 3 retries
    hub.requests.clear()
    assert _run(workdir, "--feed", DAY_24) == 0
    assert "cannot read the candidates issue, so it is left as it is this run" in capsys.readouterr().err
    assert hub.issues[2].body == body and not _issue_writes(hub)  # the tick is still there for the next run


def test_turned_off_the_run_never_asks_for_issues(workdir, hub, capsys):
    config = workdir / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("dashboard: {", "dashboard: {enabled: false, "),
                      encoding="utf-8")
    assert _run(workdir, "--feed", DAY_23) == 0
    assert not hub.issues and not [p for _, p in hub.requests if re.search(r"/issues(\?|$)", p)]
    assert "candidates" not in _remote_state(hub)


def test_dry_run_prints_the_issue_with_its_ticks_and_sends_nothing(workdir, hub, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0
    ticked_id = parse_candidates_marker(hub.issues[2].body)[1]
    _tick(hub, 2, ticked_id)
    capsys.readouterr()
    hub.requests.clear()
    assert _run(workdir, "--feed", DAY_24, "--dry-run") == 0
    out = capsys.readouterr().out
    assert not [r for r in hub.requests if r[0] != "GET"]
    assert "=== candidates issue (would update #2) ===" in out
    # the ticked paper would join the PR, so the printed issue no longer lists it
    assert f"arxiv.org/abs/{ticked_id}" in out.split("=== PR title ===")[0]
    issue_part = out.split("=== candidates issue (would update #2) ===")[1]
    assert ticked_id not in parse_candidates_marker(issue_part)


def test_a_rate_limit_on_the_issue_stops_the_run_with_one_line(workdir, hub, capsys):
    hub.rate_limit_next("GET", r"/issues$", reset=1893456000)
    assert _run(workdir, "--feed", DAY_23) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == ("paperbot: error: GitHub rate limit exceeded while trying to find the candidates issue; it "
                       "resets at 2030-01-01 00:00:00 UTC; nothing was changed, run again after that")
    assert not hub.pulls and not hub.issues and "paperbot-state" not in hub.refs
    hub.rate_limit_next("POST", r"/issues$", reset=1893456000)  # the next run meets it after its PR
    assert _run(workdir, "--feed", DAY_23) == 1
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("paperbot: error: GitHub rate limit exceeded while trying to open the candidates issue")
    assert f"PR #1 was already opened ({hub.web_url}/pull/1)" in last and "nothing will be proposed twice" in last
    assert _run(workdir, "--feed", DAY_23) == 0  # after the reset: the issue, and nothing proposed twice
    assert len(hub.pulls) == 1 and len(hub.issues) == 1
    ids = parse_marker(hub.pulls[1].body)
    assert ids and len(ids) == len(set(ids))
    branch_readme = hub.file_text("README.md", hub.pulls[1].head)
    assert all(branch_readme.count(f"arxiv.org/abs/{i})") == 1 for i in ids)
    assert not set(ids) & set(parse_candidates_marker(hub.issues[2].body))


def test_dry_run_with_an_unreadable_issue_says_so_and_prints_none(workdir, hub, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0
    capsys.readouterr()
    hub.fail_next("GET", r"/issues$", 502, {"message": "Bad Gateway"}, times=4)
    assert _run(workdir, "--feed", DAY_24, "--dry-run") == 0
    out, err = capsys.readouterr()
    assert "=== candidates issue" not in out and "=== PR body ===" in out
    assert err.count("cannot read the candidates issue, so it is left as it is this run") == 1


def _add_by_hand(hub: GitHubStandIn, arxiv_id: str, title: str) -> None:
    """A maintainer adds a paper to the list on the default branch (after the first entry with an arXiv link)."""
    lines = hub.file_text("README.md").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("- [") and "arxiv.org/abs/" in line)
    lines.insert(at + 1, f"- [{title}](https://arxiv.org/abs/{arxiv_id}) *A. Maintainer.* arXiv 2025.")
    hub.push("main", "README.md", "\n".join(lines))


def test_a_ticked_paper_added_by_hand_during_the_run_leaves_the_issue_and_the_pr_counts_what_it_lists(
        workdir, hub, capsys):
    """One pull request per paper: the ticked paper, proposed first, is added to the list by hand while the run
    works, so no pull request is opened for it. The day's first pull request that is opened carries the held-back
    line, and the line counts exactly the day's held-back papers the full issue lists; the issue no longer lists
    the paper a maintainer added (it is on the list), so it does not push a held-back paper off the issue."""
    config = workdir / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("dashboard: {", "dashboard: {max_candidates: 3, ")
                      + "pr: {mode: per-paper}\n", encoding="utf-8")
    assert _run(workdir, "--feed", DAY_23) == 0
    (number,) = hub.issues
    held_before = set(_remote_state(hub)["held_back"])
    best = parse_candidates_marker(hub.issues[number].body)[0]  # DAY_23's held-back paper, the issue's strongest
    assert best in held_before
    _tick(hub, number, best)
    title = _remote_state(hub)["candidates"][best]["paper"]["title"]
    hub.before_next("GET", r"/git/refs?/heads/main$", lambda: _add_by_hand(hub, best, title))
    pulls_before = set(hub.pulls)
    capsys.readouterr()
    assert _run(workdir, "--feed", DAY_24, "--max-proposals", "1") == 0
    err = capsys.readouterr().err
    assert re.search(rf"deleted branch paperbot/\S+-{best} created by this run for them\n", err)
    assert "failed run" not in err  # nothing failed
    new = [hub.pulls[n] for n in sorted(set(hub.pulls) - pulls_before)]
    assert len(new) == 1 and best not in parse_marker(new[0].body)  # the ticked paper's PR was not opened
    today = set(_remote_state(hub)["held_back"]) - held_before
    listed = set(parse_candidates_marker(hub.issues[number].body))
    assert len(listed) == 3 and best not in listed and len(today) == 2  # the issue is full
    notes = [line for line in new[0].body.splitlines() if line.startswith("**Held back** today: ")]
    assert len(notes) == 1, "the PR opened carries the held-back line"
    shown, note = today & listed, notes[0]
    assert note.startswith(f"**Held back** today: {len(shown)} paper{'' if len(shown) == 1 else 's'} above ")
