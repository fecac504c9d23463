"""`paperbot run` end to end: real feed files -> trained models -> README edit -> PR on the local GitHub.

PyGithub talks HTTP to the stand-in; the environment is set the way GitHub Actions sets it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.render import paper_titles, parse_body, parse_marker
from tests.github_support import TOKEN
from tests.replay_support import FEEDS, README, list_checkout, use_arxiv_api
from tests.servers.github import GitHubStandIn

DAY_23 = str(FEEDS / "2025-04-23.xml")
DAY_24 = str(FEEDS / "2025-04-24.xml")


@pytest.fixture
def hub():
    with GitHubStandIn({"README.md": README.read_text(encoding="utf-8")}, token=TOKEN) as server:
        yield server


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hub: GitHubStandIn) -> Path:
    """A list checkout: config, saved models, the tiny encoder; the Actions environment pointing at the hub.

    The pull requests on their own: the candidates issue (and the issue number it takes) is
    tests/test_dashboard.py's."""
    list_checkout(tmp_path, monkeypatch,
                  extra_config="github: {seconds_between_requests: 0, seconds_between_writes: 0}\n"
                               "dashboard: {enabled: false}\n")
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_REPOSITORY", hub.repository)
    monkeypatch.setenv("GITHUB_API_URL", hub.base_url)
    return tmp_path


def _run(workdir: Path, *args: str) -> int:
    return main(["run", "--config", str(workdir / "config.yaml"), *args])


def _remote_state(hub: GitHubStandIn) -> dict:
    return json.loads(hub.file_text("state.json", "paperbot-state"))


def test_run_twice_second_run_changes_nothing(workdir, hub, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(hub.pulls) == 1
    pr = hub.pulls[1]
    ids = parse_marker(pr.body)
    assert len(ids) == 3 and "2504.15573" not in ids  # 2504.15573 is on the list already
    assert out == [f"opened PR #1 {hub.web_url}/pull/1 (3 papers, branch {pr.head})"]
    assert pr.title.startswith("Add 3 papers (") and pr.labels == ["paperbot"]
    # each paper is on the branch's README, once, and nothing else changed
    branch_readme = hub.file_text("README.md", pr.head)
    base_readme = README.read_text(encoding="utf-8")
    added = [line for line in branch_readme.splitlines() if line not in set(base_readme.splitlines())]
    assert len(added) == 3 and all(any(f"arxiv.org/abs/{i}" in line for line in added) for i in ids)
    state = _remote_state(hub)
    # 17 items: 2 replacements skipped, 1 already on the list, 14 scored and recorded as seen
    assert len(state["seen"]) == 14 and sorted(state["proposed"]) == sorted(ids)
    assert all(state["proposed"][i]["pr"] == f"{hub.web_url}/pull/1" for i in ids)
    assert not (workdir / "state" / "state.json").exists()  # real runs keep state in the repository

    refs_before, body_before, writes_before = dict(hub.refs), pr.body, _writes(hub)
    assert _run(workdir, "--feed", DAY_23) == 0
    assert capsys.readouterr().out.startswith("nothing to propose: 0 new paper(s) scored")
    assert dict(hub.refs) == refs_before and hub.pulls[1].body == body_before and len(hub.pulls) == 1
    assert _writes(hub) == writes_before  # not one write request


def test_a_proposal_accepted_at_a_venue_names_it_where_the_list_would_say_arxiv(workdir, hub, capsys):
    """A feed does not say where a paper was accepted; its arXiv comment does. The run asks the API for the day's
    proposals (the cache first) and writes the venue in the list's spelling ("ACL Findings 2025", as the list
    writes Findings), with the comment in the PR body; the papers arXiv says nothing about stay "Arxiv 2025."."""
    from bot.arxiv_api import load_cache, save_cache
    from bot.feeds import read_feeds
    from tests.servers.arxiv import ArxivServer, Reply

    assert _run(workdir, "--feed", DAY_23, "--dry-run", "--offline") == 0  # which papers the day proposes
    ids = parse_marker(capsys.readouterr().out)
    assert len(ids) == 3
    feed_paper = next(p for p in read_feeds([DAY_23]).papers if p.arxiv_id == ids[0])
    # The comment is written for this test (the real paper's is not recorded); its shape is a usual one.
    comment = "Accepted to Findings of ACL 2025; 9 pages"
    with ArxivServer() as arxiv:
        # arXiv knows nothing about the other two: the recorded answer with zero results
        use_arxiv_api(workdir, arxiv.api(Reply.api_fixture("id_0000.0000_s0_m100_8b51d9633a68.json")), venues=True)
        save_cache(workdir / "api-cache.jsonl", [_with(feed_paper, comment=comment)])
        assert _run(workdir, "--feed", DAY_23) == 0
        (asked,) = arxiv.requests_to("/api/query")  # one request, for the two papers the cache lacks
    assert sorted(asked.query["id_list"][0].split(",")) == sorted(ids[1:])
    pr = hub.pulls[1]
    base = set(README.read_text(encoding="utf-8").splitlines())
    added = {i: line for line in hub.file_text("README.md", pr.head).splitlines() if line not in base
             for i in ids if f"arxiv.org/abs/{i}" in line}
    assert added[ids[0]].endswith(" ACL Findings 2025.")
    assert all(re.search(r"\s(?:Arxiv|arXiv) 2025\.$", added[i]) for i in ids[1:])  # as each section writes it
    assert f"- **arXiv comment:** `{comment}`" in pr.body
    assert "- **Accepted at:** ACL 2025 (findings), as read from the above" in pr.body
    assert load_cache(workdir / "api-cache.jsonl")[ids[0]].comment == comment


def test_a_proposal_whose_cache_row_predates_comments_is_asked_again(workdir, hub, capsys):
    """A cache row older paperbot wrote (it kept no comment, and has no "cache" key) says nothing about where the
    paper was accepted: the run asks arXiv again for it, in the one request with the day's other proposals, writes
    the venue its comment gives, and saves the answer over the old row."""
    from xml.sax.saxutils import escape

    from bot.arxiv_api import paper_to_json
    from bot.feeds import read_feeds
    from tests.servers.arxiv import API_DIR, ATOM_TYPE, ArxivServer, Reply

    assert _run(workdir, "--feed", DAY_23, "--dry-run", "--offline") == 0
    ids = parse_marker(capsys.readouterr().out)
    feed_paper = next(p for p in read_feeds([DAY_23]).papers if p.arxiv_id == ids[0])
    cache = workdir / "api-cache.jsonl"
    cache.write_text(json.dumps(paper_to_json(feed_paper)) + "\n", encoding="utf-8")  # an old row, as it was
    # arXiv's answer for the paper: the recorded answer for 1707.08567 made this paper's, with a comment of a usual
    # shape (2510.06694's); the other two papers arXiv does not know
    comment = "Published in Transactions on Machine Learning Research (06/2025)"
    recorded = json.loads((API_DIR / "id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json").read_text())["body"]
    body = re.sub(r"<arxiv:comment>.*?</arxiv:comment>", f"<arxiv:comment>{escape(comment)}</arxiv:comment>",
                  recorded.replace("1707.08567", ids[0]), flags=re.S)
    body = re.sub(r"(<entry>\s*<id>[^<]*</id>\s*<title>)[^<]*", lambda m: m.group(1) + escape(feed_paper.title), body)
    with ArxivServer() as arxiv:
        use_arxiv_api(workdir, arxiv.api(Reply(200, body.encode("utf-8"), content_type=ATOM_TYPE)), venues=True)
        assert _run(workdir, "--feed", DAY_23) == 0
        (asked,) = arxiv.requests_to("/api/query")  # one request: the old row's paper with the two uncached
    assert sorted(asked.query["id_list"][0].split(",")) == sorted(ids)
    base = set(README.read_text(encoding="utf-8").splitlines())
    (added,) = [line for line in hub.file_text("README.md", hub.pulls[1].head).splitlines()
                if line not in base and f"arxiv.org/abs/{ids[0]}" in line]
    assert added.endswith(" TMLR 2025.")  # as the seed list writes TMLR 2024.
    (row,) = [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    assert (row["id"], row["comment"], row["cache"]) == (ids[0], comment, 2)


def _with(paper, **changes):
    import dataclasses

    return dataclasses.replace(paper, **changes)


def _writes(hub: GitHubStandIn) -> int:
    return sum(m in ("POST", "PUT", "PATCH", "DELETE") for m, _ in hub.requests)


def test_new_paper_next_day_updates_the_open_pr(workdir, hub, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0
    first = parse_marker(hub.pulls[1].body)
    assert _run(workdir, "--feed", DAY_24, "--max-proposals", "1") == 0
    out = capsys.readouterr().out.splitlines()
    assert len(hub.pulls) == 1
    ids = parse_marker(hub.pulls[1].body)
    assert len(ids) == 4 and set(first) < set(ids)
    assert hub.pulls[1].title.startswith("Add 4 papers (")
    assert out[-1] == f"updated PR #1 {hub.web_url}/pull/1 (1 paper, branch {hub.pulls[1].head})"
    assert len(hub._pull_commits(hub.pulls[1])) == 2


def test_closed_pr_papers_are_never_proposed_again_and_become_rejected(workdir, hub, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0
    rejected = parse_marker(hub.pulls[1].body)
    hub.close_pull(1)
    del hub.refs["paperbot-state"]  # even with the state file gone, the closed PR's marker is enough
    assert _run(workdir, "--feed", DAY_23) == 0
    assert len(hub.pulls) == 2
    second = parse_marker(hub.pulls[2].body)
    assert len(second) == 3 and not set(second) & set(rejected)
    state = _remote_state(hub)
    assert sorted(state["rejected"]) == sorted(rejected)
    assert all(doc["pr"] == f"{hub.web_url}/pull/1" for doc in state["rejected"].values())
    assert hub.pulls[2].head != hub.pulls[1].head  # the closed PR's branch is not reused


def test_a_paper_taken_out_of_the_pr_before_merging_is_rejected(workdir, hub, arxiv_api, tmp_path, capsys):
    """The maintainer keeps two of the three papers on the PR's branch and merges it: the third is a no,
    for `paperbot train` (a negative) and for the next run (rejected, never proposed again)."""
    from bot.config import load_config
    from bot.publish import training_negatives
    from tests.github_support import feed_papers

    assert _run(workdir, "--feed", DAY_23) == 0
    ids = parse_marker(hub.pulls[1].body)
    dropped, kept = ids[0], ids[1:]
    lines = hub.file_text("README.md", hub.pulls[1].head).splitlines(keepends=True)
    hub.push(hub.pulls[1].head, "README.md", "".join(line for line in lines if f"abs/{dropped})" not in line))
    hub.merge_pull(1)

    paper = feed_papers()[dropped]  # its metadata, as the arXiv API would give it
    metadata = tmp_path / "metadata.jsonl"
    metadata.write_text(json.dumps({"id": dropped, "title": paper.title, "abstract": paper.abstract}) + "\n")
    config = load_config(workdir / "config.yaml")
    config = config.model_copy(update={"list": config.list.model_copy(update={"metadata": metadata})})
    env = {"GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": hub.repository, "GITHUB_API_URL": hub.base_url}
    assert [p.arxiv_id for p in training_negatives(config, offline=True, environ=env)] == [dropped]

    capsys.readouterr()
    assert _run(workdir, "--feed", DAY_24, "--retrain") == 0
    log = capsys.readouterr().err
    state = _remote_state(hub)
    assert list(state["rejected"]) == [dropped] and state["rejected"][dropped]["pr"] == f"{hub.web_url}/pull/1"
    assert set(kept) <= set(state["proposed"])
    assert f"{dropped}: PR #1 was merged without it (it is not on the list); never proposing it again" in log
    assert len(hub.pulls) == 2 and dropped not in parse_marker(hub.pulls[2].body)


def test_rate_limit_is_one_line_with_reset_and_exit_1(workdir, hub, capsys):
    hub.rate_limit_next("PUT", r"/contents/README\.md$", reset=1_893_456_000)
    assert _run(workdir, "--feed", DAY_23) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("paperbot: error: GitHub rate limit exceeded while trying to commit README.md on ")
    assert err[-1].endswith("it resets at 2030-01-01 00:00:00 UTC; nothing was changed, run again after that")
    assert set(hub.refs) == {"main"} and hub.pulls == {}  # no branch, no PR, no state written


def test_missing_token_or_repository_is_a_usage_error(workdir, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_TOKEN")
    assert _run(workdir, "--feed", DAY_23) == 2
    assert capsys.readouterr().err == ("paperbot: error: no GitHub token: set GITHUB_TOKEN (or github.token in "
                                       "config), or use --dry-run\n")
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.delenv("GITHUB_REPOSITORY")
    assert _run(workdir, "--feed", DAY_23) == 2
    assert "set GITHUB_REPOSITORY=owner/name" in capsys.readouterr().err


def test_dry_run_without_github_prints_diff_and_body_and_saves_nothing(workdir, hub, monkeypatch, capsys):
    for var in ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_API_URL"):
        monkeypatch.delenv(var)
    assert _run(workdir, "--feed", DAY_23, "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.startswith("=== README change (README.md) ===\n--- a/README.md\n+++ b/README.md\n@@ ")
    assert sum(line.startswith("+- [") for line in out.splitlines()) == 3
    assert "\n=== PR title ===\nAdd 3 papers (" in out
    assert "<!-- paperbot:proposed [" in out
    assert out.splitlines()[-1].startswith("dry run: would propose 3 papers on branch paperbot/")
    assert not (workdir / "state" / "state.json").exists()
    assert hub.requests == []


def test_dry_run_with_a_repository_but_no_token_says_it_reads_the_local_list(workdir, hub, monkeypatch, capsys):
    """github.repository set in the config, no token yet: the dry run edits the local list, and says so."""
    monkeypatch.delenv("GITHUB_TOKEN")
    assert _run(workdir, "--feed", DAY_23, "--dry-run") == 0
    err = capsys.readouterr().err
    assert re.search(rf"INFO paperbot.publish: dry run on the local list \S+\.md: no GITHUB_TOKEN \(or github.token\), "
                     rf"so {hub.repository} is not read\n", err)
    assert hub.requests == []


def test_json_to_stdout_is_json_alone(workdir, hub, monkeypatch, capsys):
    """`run --json -` (as `scan --json -`): the dry run's diff, body and summary go to stderr."""
    for var in ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_API_URL"):
        monkeypatch.delenv(var)
    assert _run(workdir, "--feed", DAY_23, "--dry-run", "--json", "-") == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert len(doc["proposals"]) == 3 and doc["pull_requests"][0]["action"] == "dry-run"
    # the pull request's sections, on a list whose headings count nothing the proposals' own
    assert doc["pull_requests"][0]["sections"] == {p["arxiv_id"]: p["section"]["path"] for p in doc["proposals"]}
    assert "=== PR body ===" in captured.err and "dry run: would propose 3 papers" in captured.err


def test_dry_run_with_github_reads_but_never_writes(workdir, hub, capsys):
    assert _run(workdir, "--feed", DAY_23, "--dry-run") == 0
    assert "=== PR body ===" in capsys.readouterr().out
    assert hub.requests and _writes(hub) == 0


def test_token_never_printed_or_logged(workdir, hub, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    assert _run(workdir, "--feed", DAY_23, "-v", "--json", "-") == 0
    hub.rate_limit_next("PUT", r"/contents/README\.md$", reset=1_893_456_000)
    assert _run(workdir, "--feed", DAY_24, "-v") == 1  # an error path too
    captured = capsys.readouterr()
    assert "rate limit exceeded" in captured.err
    everything = captured.out + captured.err + caplog.text + "".join(p.body + p.title for p in hub.pulls.values())
    everything += json.dumps(_remote_state(hub))
    assert TOKEN not in everything
    assert all(f"token {TOKEN}" in entry or f"Bearer {TOKEN}" in entry for entry in hub.request_log)


def test_rejected_papers_become_training_negatives(workdir, hub, tmp_path):
    from bot.config import load_config
    from bot.publish import training_negatives
    from tests.github_support import feed_papers

    assert _run(workdir, "--feed", DAY_23) == 0
    rejected = parse_marker(hub.pulls[1].body)
    hub.close_pull(1)
    # Metadata of the rejected papers (the Action would ask the arXiv API; offline, a metadata file).
    metadata = tmp_path / "rejected.jsonl"
    metadata.write_text("".join(
        json.dumps({"id": i, "title": feed_papers()[i].title, "abstract": feed_papers()[i].abstract}) + "\n"
        for i in rejected
    ))
    config = load_config(workdir / "config.yaml")
    config = config.model_copy(update={"list": config.list.model_copy(update={"metadata": metadata})})
    env = {"GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": hub.repository, "GITHUB_API_URL": hub.base_url}
    negatives = training_negatives(config, offline=True, environ=env, today="2025-04-24")
    assert sorted(p.arxiv_id for p in negatives) == sorted(rejected)
    assert all(p.abstract == feed_papers()[p.arxiv_id].abstract for p in negatives)
    # Without GitHub, the local state file is the source: empty here, so no negatives.
    assert training_negatives(config, state_path=tmp_path / "none.json", offline=True, environ={}) == []


# ---------------------------------------------------------------- the list changed on GitHub


@pytest.fixture
def arxiv_api(workdir):
    """Training in a run asks the arXiv API for the list entries the metadata file lacks (and new ones).

    Here that is a local stand-in answering with a recorded empty result: those entries are learnt from
    their titles.
    """
    from tests.servers.arxiv import ArxivServer, Reply

    with ArxivServer() as arxiv:
        api = arxiv.api(Reply.api_fixture("id_0000.0000_s0_m100_8b51d9633a68.json"))
        use_arxiv_api(workdir, api)
        yield arxiv


@pytest.fixture
def merged(workdir, hub, arxiv_api, capsys):
    """Day 23's PR merged by a maintainer: README.md on GitHub now differs from what the models learnt."""
    assert _run(workdir, "--feed", DAY_23) == 0
    merged_ids = parse_marker(hub.pulls[1].body)
    hub.merge_pull(1)
    capsys.readouterr()
    return merged_ids


def _meta(workdir: Path) -> dict:
    return json.loads((workdir / "models" / "meta.json").read_text(encoding="utf-8"))


def test_models_older_than_the_readme_on_github_stop_the_run(workdir, hub, merged, capsys):
    # The local README.md (the checkout) is unchanged: the check is against the README the run would edit.
    state_before, writes_before, meta_before = _remote_state(hub), _writes(hub), _meta(workdir)
    assert _run(workdir, "--feed", DAY_24) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"paperbot: error: README.md on {hub.repository} changed since the models were trained "
        f"({meta_before['trained_at']}): run `paperbot train` on it, or `paperbot run --retrain`"
    ]
    assert _writes(hub) == writes_before and _remote_state(hub) == state_before and len(hub.pulls) == 1
    assert _meta(workdir) == meta_before


def test_retrain_learns_the_merged_readme_saves_the_models_and_proposes(workdir, hub, merged, capsys):
    from bot.model import ListModel, readme_sha256

    remote_readme = hub.file_text("README.md", "main")
    meta_before = _meta(workdir)
    assert _run(workdir, "--feed", DAY_24, "--retrain", "--json", str(workdir / "out.json")) == 0
    out = capsys.readouterr().out.splitlines()
    why = f"README.md on {hub.repository} changed since the models were trained ({meta_before['trained_at']})"
    assert out[0] == f"trained the models first: {why}"
    assert out[1].startswith("opened PR #2 ")
    doc = json.loads((workdir / "out.json").read_text())
    assert doc["retrained"] is True and doc["retrained_because"] == why
    # The saved models are those of the README on GitHub, the merged papers among their entries.
    meta = _meta(workdir)
    assert meta["readme_sha256"] == readme_sha256(remote_readme)
    assert "metrics" not in meta  # trained without the leave-one-out and cross-validation estimates
    model = ListModel.load(workdir / "models", embedding_model="test-hashing-512", readme_text=remote_readme)
    assert set(merged) <= {e["arxiv_id"] for e in model.entries}
    # The new PR is cut from the merged README and adds papers not proposed before.
    new_ids = parse_marker(hub.pulls[2].body)
    assert new_ids and not set(new_ids) & set(merged)
    # Next run: the models match, nothing is retrained.
    assert _run(workdir, "--feed", DAY_24, "--retrain") == 0
    assert capsys.readouterr().out.startswith("nothing to propose")
    assert _meta(workdir)["trained_at"] == meta["trained_at"]


def test_offline_retrain_asks_arxiv_for_nothing(workdir, hub, merged, arxiv_api, capsys):
    """A machine that reaches GitHub but not arXiv: the merged papers are learnt from what the list says."""
    from bot.model import ListModel

    (workdir / "api-cache.jsonl").unlink(missing_ok=True)
    asked = len(arxiv_api.requests_to("/api/query"))
    assert _run(workdir, "--feed", DAY_24, "--retrain", "--offline", "--dry-run") == 0
    assert "trained the models first: README.md on" in capsys.readouterr().out
    assert len(arxiv_api.requests_to("/api/query")) == asked
    assert _run(workdir, "--feed", DAY_24, "--retrain", "--offline") == 0
    assert capsys.readouterr().out.startswith("trained the models first: README.md on")
    assert len(arxiv_api.requests_to("/api/query")) == asked
    model = ListModel.load(workdir / "models", embedding_model="test-hashing-512",
                           readme_text=hub.file_text("README.md", "main"))
    assert set(merged) <= {e["arxiv_id"] for e in model.entries}
    # The same retraining without --offline asks the API for the merged papers the metadata file lacks.
    (workdir / "models" / "model.pkl.gz").unlink()
    assert _run(workdir, "--feed", DAY_24, "--retrain", "--dry-run") == 0
    assert "trained the models first: no usable models" in capsys.readouterr().out
    assert len(arxiv_api.requests_to("/api/query")) > asked


def test_dry_run_retrains_for_itself_and_saves_nothing(workdir, hub, merged, capsys):
    meta_before, writes_before = _meta(workdir), _writes(hub)
    assert _run(workdir, "--feed", DAY_24, "--retrain", "--dry-run") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2].startswith(f"trained the models first: README.md on {hub.repository} changed since")
    assert out[-1].startswith("dry run: would propose ")
    assert _meta(workdir) == meta_before and _writes(hub) == writes_before


# ---------------------------------------------------------------- no usable models at all


def test_missing_models_stop_a_run_and_retrain_trains_them(workdir, hub, arxiv_api, capsys, monkeypatch):
    """A fresh list or daemon has no models yet: `run` says how to get them, `run --retrain` trains them."""
    import shutil

    from bot import embed
    from bot.model import ListModel, readme_sha256

    shutil.rmtree(workdir / "models")
    assert _run(workdir, "--feed", DAY_23) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"paperbot: error: {workdir / 'models'}: no trained models (model.pkl.gz missing); run `paperbot train`, "
        "or `paperbot run --retrain`"
    ]
    assert not hub.pulls and _writes(hub) == 0 and not (workdir / "models").exists()

    loads: list[str] = []
    counted = embed.load_encoder

    def counting(model_name: str, **kwargs):
        loads.append(model_name)
        return counted(model_name, **kwargs)

    monkeypatch.setattr(embed, "load_encoder", counting)
    assert _run(workdir, "--feed", DAY_23, "--retrain", "--json", str(workdir / "out.json")) == 0
    out = capsys.readouterr().out.splitlines()
    why = f"no usable models ({workdir / 'models'}: no trained models (model.pkl.gz missing))"
    assert out[0] == f"trained the models first: {why}"
    assert out[1].startswith("opened PR #1 ")
    assert json.loads((workdir / "out.json").read_text())["retrained_because"] == why
    assert loads == ["test-hashing-512"]  # one encoder serves the training and the scan
    remote_readme = hub.file_text("README.md", "main")
    model = ListModel.load(workdir / "models", embedding_model="test-hashing-512", readme_text=remote_readme)
    assert model.meta["readme_sha256"] == readme_sha256(remote_readme)


def test_retrain_replaces_models_of_another_embedding_model(workdir, hub, arxiv_api, capsys):
    """embedding.model changed in config: without --retrain the run stops, with it the models follow config."""
    from bot.model import ListModel

    model = ListModel.load(workdir / "models", embedding_model="test-hashing-512")
    model.meta["embedding_model"] = "sentence-transformers/all-MiniLM-L6-v2"
    model.save(workdir / "models")
    assert _run(workdir, "--feed", DAY_23) == 1
    err = capsys.readouterr().err.strip()
    assert "trained with embedding model 'sentence-transformers/all-MiniLM-L6-v2'" in err
    assert err.endswith(", or `paperbot run --retrain`") and "\n" not in err and not hub.pulls
    assert _run(workdir, "--feed", DAY_23, "--retrain") == 0
    assert capsys.readouterr().out.startswith("trained the models first: no usable models (")
    assert _meta(workdir)["embedding_model"] == "test-hashing-512" and len(hub.pulls) == 1


# ---------------------------------------------------------------- GitHub misbehaving, settings that cannot work


def test_api_url_or_token_that_cannot_work_is_exit_2_in_one_line(workdir, hub, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_API_URL", "ghe.example.com/api/v3")
    assert _run(workdir, "--feed", DAY_23) == 2
    assert capsys.readouterr().err == (
        "paperbot: error: GITHUB_API_URL='ghe.example.com/api/v3' is not an http(s) URL with a host, like "
        "https://api.github.com or https://ghe.example.com/api/v3; did you mean 'https://ghe.example.com/api/v3'?\n"
    )
    monkeypatch.setenv("GITHUB_API_URL", hub.base_url)
    for token in (TOKEN + "\n", TOKEN + "\u2019"):
        monkeypatch.setenv("GITHUB_TOKEN", token)
        assert _run(workdir, "--feed", DAY_23) == 2
        err = capsys.readouterr().err
        assert err.startswith("paperbot: error: GITHUB_TOKEN contains ") and err.count("\n") == 1
        assert TOKEN not in err
    assert hub.requests == []


def test_pr_opened_but_answer_lost_is_recorded_as_proposed(workdir, hub, capsys):
    hub.fail_next("POST", r"/pulls$", 502, {"message": "Server Error"},
                  before=lambda: hub._create_pull({}, hub.request_json()))
    assert _run(workdir, "--feed", DAY_23) == 0
    assert capsys.readouterr().out.startswith(f"opened PR #1 {hub.web_url}/pull/1 (3 papers, ")
    assert hub.pulls[1].state == "open" and hub.pulls[1].head in hub.refs
    assert sorted(_remote_state(hub)["proposed"]) == sorted(parse_marker(hub.pulls[1].body))
    assert _remote_state(hub)["rejected"] == {}


def test_rate_limit_after_the_pr_was_opened_says_so(workdir, hub, capsys):
    hub.rate_limit_next("PUT", r"/contents/state\.json$", reset=1_893_456_000)
    assert _run(workdir, "--feed", DAY_23) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (
        "paperbot: error: GitHub rate limit exceeded while trying to commit state.json on paperbot-state; it resets "
        f"at 2030-01-01 00:00:00 UTC; PR #1 was already opened ({hub.web_url}/pull/1) and branch paperbot-state was "
        "created, nothing will be proposed twice; run again after that"
    )
    first = parse_marker(hub.pulls[1].body)
    assert _run(workdir, "--feed", DAY_23) == 0  # after the reset: the same papers are not proposed again
    assert len(hub.pulls) == 1 and set(first) < set(parse_marker(hub.pulls[1].body))
    branch_readme = hub.file_text("README.md", hub.pulls[1].head)
    assert all(branch_readme.count(f"arxiv.org/abs/{i}") == 1 for i in first)


def test_malformed_answer_is_one_line_without_traceback(workdir, hub, capsys):
    hub.fail_next("POST", r"/pulls$", 201, b'{"number": 1, "html', headers={"Content-Type": "application/json"})
    assert _run(workdir, "--feed", DAY_23) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith(
        f"paperbot: error: unexpected answer from the GitHub API at {hub.base_url} while trying to open a pull "
        "request from paperbot/")
    assert set(hub.refs) == {"main"} and hub.pulls == {}  # it looked for a PR, found none, removed its branch


def test_papers_added_to_main_during_the_run_end_it_quietly(workdir, hub, monkeypatch, capsys):
    assert _run(workdir, "--feed", DAY_23) == 0  # what the run commits, seen on a first repository
    proposed_readme = hub.file_text("README.md", hub.pulls[1].head)
    with GitHubStandIn({"README.md": README.read_text(encoding="utf-8")}, token=TOKEN) as other:
        monkeypatch.setenv("GITHUB_API_URL", other.base_url)
        # A maintainer adds the same papers after the scan read the README, before the branch is cut.
        other.before_next("GET", r"/git/refs?/heads/main$",
                          lambda: other.push("main", "README.md", proposed_readme))
        capsys.readouterr()
        summary_file = workdir / "summary.md"
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
        assert _run(workdir, "--feed", DAY_23) == 0
        out = capsys.readouterr().out.splitlines()
        assert out == ["nothing to propose: the 3 paper(s) found were added to the list while this run worked"]
        page = summary_file.read_text(encoding="utf-8")  # the Action's page says so too, not "nothing to propose"
        assert "No pull request: the 3 paper(s) found were added to the list while this run worked." in page
        assert "Nothing to propose today." not in page
        assert set(other.refs) == {"main", "paperbot-state"} and other.pulls == {}
        assert len(_remote_state(other)["seen"]) == 14  # state saved all the same


def _add_by_hand(hub: GitHubStandIn, arxiv_id: str, title: str) -> None:
    """A maintainer adds a paper to the list on the default branch (after the first entry with an arXiv link)."""
    lines = hub.file_text("README.md").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("- [") and "arxiv.org/abs/" in line)
    lines.insert(at + 1, f"- [{title}](https://arxiv.org/abs/{arxiv_id}) *A. Maintainer.* arXiv 2025.")
    hub.push("main", "README.md", "\n".join(lines))


def test_a_paper_added_to_main_during_the_run_is_neither_in_the_pr_nor_proposed(workdir, hub, arxiv_api, monkeypatch,
                                                                               capsys):
    """One of the day's papers is added to the list by hand after the scan, before the branch is cut: the PR adds
    and names the other two; the state does not call the third proposed, and no later run proposes it."""
    assert _run(workdir, "--feed", DAY_23) == 0  # what the run proposes, seen on a first repository
    ids, titles = parse_marker(hub.pulls[1].body), paper_titles(hub.pulls[1].body)
    by_hand, rest = ids[0], sorted(ids[1:])
    with GitHubStandIn({"README.md": README.read_text(encoding="utf-8")}, token=TOKEN) as other:
        monkeypatch.setenv("GITHUB_API_URL", other.base_url)
        other.before_next("GET", r"/git/refs?/heads/main$", lambda: _add_by_hand(other, by_hand, titles[by_hand]))
        summary_file = workdir / "summary.md"
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
        capsys.readouterr()
        assert _run(workdir, "--feed", DAY_23, "--json", str(workdir / "out.json")) == 0
        pr = other.pulls[1]
        assert capsys.readouterr().out.splitlines() == [
            f"opened PR #1 {other.web_url}/pull/1 (2 papers, branch {pr.head})",
            f"left out, already on the list (added while this run worked): {by_hand}"]
        assert parse_marker(pr.body) == rest and pr.title.startswith("Add 2 papers (")
        assert by_hand not in pr.body and titles[by_hand] not in pr.body
        assert other.file_text("README.md", pr.head).count(f"arxiv.org/abs/{by_hand}") == 1  # the maintainer's
        assert sorted(_remote_state(other)["proposed"]) == rest
        # The job summary's table lists the two, its count says 2, and a line names the third as left out.
        page = summary_file.read_text(encoding="utf-8")
        assert page.count(by_hand) == 1 and titles[by_hand] not in page
        assert f"Left out, already on the list (added while this run worked): `{by_hand}`." in page
        assert page.splitlines()[4].endswith(" | 14 | 14 | 2 |")  # scored, above the thresholds, proposed
        # --json agrees with the PR: its proposals are the two, the third is skipped and says why.
        doc = json.loads((workdir / "out.json").read_text())
        assert sorted(doc["pull_requests"][0]["ids"]) == rest
        assert sorted(p["arxiv_id"] for p in doc["proposals"]) == rest and doc["stats"]["proposed"] == 2
        assert [(p["arxiv_id"], p["title"], p["reason"]) for p in doc["skipped"]] == [
            (by_hand, titles[by_hand], "already on the list (added while this run worked)")]
        # The next day (the models retrained on the list the maintainer changed): on the list, never proposed.
        assert _run(workdir, "--feed", DAY_24, "--retrain") == 0
        assert all(by_hand not in parse_marker(p.body) for p in other.pulls.values())
        assert by_hand not in _remote_state(other)["proposed"] and by_hand not in _remote_state(other)["rejected"]


def test_a_paper_added_to_main_while_a_run_adds_to_the_open_pr_is_left_out_of_it(workdir, hub, monkeypatch, capsys):
    """The same race when the run adds to the open PR, whose branch was cut before the maintainer's edit: the
    commit would write the paper onto the list a second time. The PR gets the day's other papers alone."""
    assert _run(workdir, "--feed", DAY_23) == 0
    first = parse_marker(hub.pulls[1].body)
    assert _run(workdir, "--feed", DAY_24) == 0  # what the second run adds, seen on a first repository
    day24 = [i for i in parse_marker(hub.pulls[1].body) if i not in first]
    titles = paper_titles(hub.pulls[1].body)
    assert len(day24) >= 2
    by_hand, rest = day24[0], day24[1:]
    with GitHubStandIn({"README.md": README.read_text(encoding="utf-8")}, token=TOKEN) as other:
        monkeypatch.setenv("GITHUB_API_URL", other.base_url)
        assert _run(workdir, "--feed", DAY_23) == 0
        other.before_next("GET", r"/rate_limit$", lambda: _add_by_hand(other, by_hand, titles[by_hand]))
        capsys.readouterr()
        assert _run(workdir, "--feed", DAY_24) == 0
        pr = other.pulls[1]
        n = len(rest)
        assert capsys.readouterr().out.splitlines() == [
            f"updated PR #1 {other.web_url}/pull/1 ({n} paper{'s' if n > 1 else ''}, branch {pr.head})",
            f"left out, already on the list (added while this run worked): {by_hand}"]
        assert sorted(parse_marker(pr.body)) == sorted(first + rest) and by_hand not in pr.body
        assert pr.title.startswith(f"Add {len(first) + n} papers (")
        assert f"arxiv.org/abs/{by_hand}" not in other.file_text("README.md", pr.head)  # on main alone, once
        assert sorted(_remote_state(other)["proposed"]) == sorted(first + rest)


def test_state_option_is_ignored_with_a_warning_in_a_real_run(workdir, hub, capsys):
    local = workdir / "elsewhere.json"
    assert _run(workdir, "--feed", DAY_23, "--state", str(local)) == 0
    err = capsys.readouterr().err
    assert (f"WARNING paperbot.publish: --state {local} is ignored: a run on GitHub keeps its state in state.json on "
            "branch paperbot-state of the repository (github.state_file, github.state_branch)") in err
    assert not local.exists() and "paperbot-state" in hub.refs


def test_a_cap_of_zero_says_the_cap_not_the_thresholds_held_everything(workdir, hub, capsys):
    assert _run(workdir, "--feed", DAY_23, "--max-proposals", "0") == 0
    out = capsys.readouterr().out
    assert out.startswith("nothing to propose: 14 new paper(s) scored, 14 above the thresholds and none within "
                          "max_proposals_per_run (1 already on the list, 0 seen before, 0 in bot PRs)")
    assert not hub.pulls


def test_the_actions_job_summary_says_what_the_run_did(workdir, hub, monkeypatch, capsys):
    """$GITHUB_STEP_SUMMARY: the run's page shows the counts, the PR and its papers; a failed run its error."""
    summary = workdir / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert _run(workdir, "--feed", DAY_23) == 0
    text = summary.read_text(encoding="utf-8")
    ids = parse_marker(hub.pulls[1].body)
    assert text.startswith("### paperbot run, ")
    # 17 items: 2 replacements, 15 kept, 1 already on the list, 14 scored, 3 proposed
    assert "| 15 | 1 | 0 | 0 | 14 |" in text and text.count("| 3 |") == 1
    assert f"Pull request [#1 {hub.pulls[1].title}]({hub.web_url}/pull/1) (opened)" in text
    assert all(f"`{i}` |" in text for i in ids)
    # the other 11 scored papers pass the (test) thresholds: the cap held them back, and no later run
    # proposes them, so the page names them, as the console does
    held = [line for line in text.splitlines() if line.startswith("- [")]
    assert "**Held back today** (11): above the thresholds but not proposed" in text and len(held) == 11
    assert all(re.search(r"`\d{4}\.\d{5}`: confidence \d+%, over the daily cap of 3 \(#\d+ of its day\); .+$", line)
               for line in held)
    assert not {re.search(r"`(\d{4}\.\d{5})`", line).group(1) for line in held} & set(ids)
    assert capsys.readouterr().err.count("INFO paperbot.publish: held back: ") == 11

    hub.rate_limit_next("PUT", r"/contents/README\.md$", reset=1_893_456_000)
    assert _run(workdir, "--feed", DAY_24, "--max-proposals", "1") == 1
    failed = summary.read_text(encoding="utf-8")[len(text):]
    assert failed.startswith("### paperbot run failed\n\n```\nGitHub rate limit exceeded while trying to commit")


def test_a_run_stopped_by_an_unexpected_error_still_says_so_on_the_job_summary(workdir, hub, monkeypatch):
    """A bug (an error paperbot has no words for) still ends the run with its traceback in the log, for a bug
    report, but the run's page says in one line that it failed and where to look, instead of nothing; a message
    with backticks in it does not break the block it is quoted in."""
    import bot.propose

    def scan(*args, **kwargs):
        raise KeyError("```paper` 2504.15573")

    monkeypatch.setattr(bot.propose, "scan", scan)
    summary = workdir / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    with pytest.raises(KeyError):
        _run(workdir, "--feed", DAY_23)
    assert summary.read_text(encoding="utf-8") == (
        "### paperbot run failed\n\n````\nunexpected error, KeyError: '```paper` 2504.15573' (a bug: the job's log "
        "has the traceback)\n````\n\n")
    assert not hub.pulls and "paperbot-state" not in hub.refs


def test_a_job_summary_that_cannot_be_written_does_not_fail_the_run(workdir, hub, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(workdir / "no-such-folder" / "summary.md"))
    assert _run(workdir, "--feed", DAY_23) == 0
    assert len(hub.pulls) == 1
    assert "WARNING paperbot.publish: cannot write the job summary to " in capsys.readouterr().err


@pytest.mark.parametrize("days", [30, None])
def test_the_embedding_cache_forgets_feed_papers_a_month_after_they_were_scored(workdir, hub, days):
    """The daily job embeds a few hundred feed papers a day and scores each once, while the Action saves and
    restores the whole cache every run: after embedding.cache_days their vectors go, except the proposed
    papers' (the list's, once merged); cache_days null keeps them all."""
    from bot.config import load_config
    from bot.embed import EmbeddingCache
    from bot.publish import run_job
    from tests.replay_support import ENCODER_NAME

    config = load_config(workdir / "config.yaml")
    config = config.model_copy(update={"embedding": config.embedding.model_copy(update={"cache_days": days})})

    def cached() -> set[str]:
        return EmbeddingCache(workdir / "emb", ENCODER_NAME).ids()

    run_job(config, feeds=[DAY_23], today="2025-04-23")
    first = _remote_state(hub)
    assert len(first["seen"]) == 14 and cached() == set(first["seen"])
    run_job(config, feeds=[DAY_24], today="2025-05-30")  # 37 days on
    second = _remote_state(hub)
    day_24 = set(second["seen"]) - set(first["seen"])
    assert day_24 and set(first["proposed"])
    if days is None:
        assert cached() == set(second["seen"])
    else:
        assert cached() == day_24 | set(first["proposed"])


@pytest.mark.parametrize("days", [90, None])
def test_papers_passed_over_months_ago_leave_the_state_file(workdir, hub, days):
    """The state file would grow by every paper the feeds bring: after state.seen_days a paper scored and
    not proposed is forgotten (its vectors with it), a held-back one with its record; the proposed ones stay;
    seen_days null keeps them all."""
    from bot.config import load_config
    from bot.embed import EmbeddingCache
    from bot.publish import run_job
    from tests.replay_support import ENCODER_NAME

    config = load_config(workdir / "config.yaml")
    config = config.model_copy(update={
        "state": config.state.model_copy(update={"seen_days": days}),
        "embedding": config.embedding.model_copy(update={"cache_days": 365}),
        # the test encoder's scores: a few papers under the bar, the rest proposed or held back
        "thresholds": config.thresholds.model_copy(update={"relevance": 0.001, "relevance_after_first": 0.001}),
    })
    run_job(config, feeds=[DAY_23], today="2025-04-23")
    first = _remote_state(hub)
    kept, held = set(first["proposed"]), set(first.get("held_back", {}))
    passed_over = set(first["seen"]) - kept - held
    assert len(first["seen"]) == 14 and len(passed_over) >= 3 and held
    run_job(config, feeds=[DAY_24], today="2025-08-01")  # 100 days on
    second = _remote_state(hub)
    day_24 = set(second["seen"]) - set(first["seen"])
    assert day_24 and set(first["proposed"]) <= set(second["proposed"])
    cached = EmbeddingCache(workdir / "emb", ENCODER_NAME).ids()
    if days is None:
        assert set(second["seen"]) == set(first["seen"]) | day_24 and passed_over <= cached
        assert held <= set(second["held_back"])
    else:
        assert set(second["seen"]) == kept | day_24
        assert not held & set(second.get("held_back", {}))  # and their records with them
        assert not (passed_over | held) & cached  # younger than cache_days, but nothing will read them again


def test_held_back_papers_the_candidates_issue_lists_are_one_line_in_the_pr(workdir, hub, capsys):
    """With the candidates issue on, the PR body does not repeat its papers: it counts the day's held-back papers
    the issue lists and links it (once it exists: the first run opens it after the PR), and names only those the
    full issue leaves out; the next day's update writes that afresh instead of adding to it."""
    config = workdir / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "dashboard: {enabled: false}", "dashboard: {enabled: true, max_candidates: 8}"), encoding="utf-8")
    assert _run(workdir, "--feed", DAY_23) == 0
    (number,) = hub.issues
    on_issue = set(hub.issues[number].body.split("paperbot:candidates ")[1].split("-->")[0].strip(' []\n')
                   .replace('"', "").split(", "))
    held = set(_remote_state(hub)["held_back"])
    assert len(held) == 11 and len(on_issue) == 8 and on_issue < held  # the cap held back 11, the issue shows 8
    body = hub.pulls[1].body
    assert ("**Held back** today: 8 papers above the relevance threshold that the daily cap (or the bar for a day's "
            "later papers) kept out are on the candidates issue this run opens (label `paperbot-candidates`), "
            "where a tick has the next run propose one.") in body.splitlines()
    named = {line.split("`")[1] for line in parse_body(body).held}
    assert named == held - on_issue and not on_issue & set(re.findall(r"\d{4}\.\d{5}", body.split("<details>")[0]))

    assert _run(workdir, "--feed", DAY_24, "--max-proposals", "1") == 0
    capsys.readouterr()
    body = hub.pulls[1].body
    state = _remote_state(hub)
    today = set(state["held_back"]) - held  # both runs are on one date: today's are the ones not held yesterday
    listed = set(json.loads(re.search(r"paperbot:candidates (\[.*?\])", hub.issues[number].body).group(1)))
    shown = today & listed
    link = f"[candidates issue #{number}]({hub.web_url}/issues/{number})"
    assert shown and f"kept out {'is' if len(shown) == 1 else 'are'} on the {link}, where a tick" in body
    assert f"**Held back** today: {len(shown)} paper" in body
    # yesterday's named papers are gone; today's the issue leaves out (11 of 13) are named, the best five and a count
    lines = parse_body(body).held
    assert len(today - listed) == 11 and len(lines) == 6
    assert {line.split("`")[1] for line in lines[:5]} < today - listed
    assert lines[5].endswith(": 6 more, in that run's job summary")
    assert not named & set(re.findall(r"\d{4}\.\d{5}", body.split("<details>")[0]))


def test_a_proposal_is_dated_by_its_first_version_where_arxiv_says_it(tmp_path):
    """A feed gives the day arXiv announced a paper (2503.22516: 2 April 2025), a list the day its first version
    came out, the API's `published`. The run's one request for the day's proposals now brings that day too: the
    entry on hee9joon/Awesome-Diffusion-Models says `28 Mar 2025` where it said `2 Apr 2025`; offline, the id's
    month (`Mar 2025`)."""
    from xml.sax.saxutils import escape

    from bot.config import Config
    from bot.feeds import read_feeds
    from bot.papers import Proposal, SectionScore
    from bot.publish import insert_proposals, with_venues
    from tests.conftest import FIXTURES
    from tests.servers.arxiv import API_DIR, ATOM_TYPE, ArxivServer, Reply
    from tests.test_listfile import DIFFUSION

    (paper,) = read_feeds([str(FIXTURES / "arxiv_rss" / "2025-04-02-2503.22516.xml")]).papers
    proposal = Proposal(paper, 0.9, SectionScore(("Papers", "Vision", "Image Generation"), 0.8,
                                                 "papers/vision/image-generation"))
    # arXiv's answer for it: the recorded answer for 1707.08567 made this paper's, its first version's date written
    # for this test (the real answer is not recorded)
    recorded = json.loads((API_DIR / "id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json").read_text())["body"]
    body = re.sub(r"<published>[^<]*</published>", "<published>2025-03-28T17:59:02Z</published>",
                  recorded.replace("1707.08567", paper.arxiv_id))
    body = re.sub(r"(<entry>\s*<id>[^<]*</id>\s*<updated>[^<]*</updated>\s*<published>[^<]*</published>\s*<title>)"
                  r"[^<]*", lambda m: m.group(1) + escape(paper.title), body)
    with ArxivServer() as arxiv:
        url = arxiv.api(Reply(200, body.encode("utf-8"), content_type=ATOM_TYPE))
        config = Config.model_validate({"arxiv_api": {"cache": str(tmp_path / "api-cache.jsonl"), "base_url": url}})
        (dated,) = with_venues(config, [proposal])
        assert len(arxiv.requests_to("/api/query")) == 1
    assert (dated.paper.published, dated.paper.announced) == ("2025-03-28", "2025-04-02")
    text, _ = insert_proposals(DIFFUSION, [dated])
    assert "[[Paper](https://arxiv.org/abs/2503.22516)] \\\n28 Mar 2025\n" in text
    (offline,) = with_venues(config, [proposal], offline=True)
    assert "[[Paper](https://arxiv.org/abs/2503.22516)] \\\nMar 2025\n" in insert_proposals(DIFFUSION, [offline])[0]


# `paperbot run` in its own process, as the Action runs it, so a real signal reaches it.
RUNNER = """
import signal, sys
from bot import embed
from tests.replay_support import ENCODER_NAME, HashingEncoder
real_load = embed.load_encoder
embed.load_encoder = lambda name, **kw: HashingEncoder() if name == ENCODER_NAME else real_load(name, **kw)
# As a job started from a terminal or by the Actions runner has it, whatever the test runner's own disposition.
signal.signal(signal.SIGINT, signal.default_int_handler)
from bot.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def _cancelled_run(workdir: Path, hub: GitHubStandIn, method: str, pattern: str,
                   *signals: signal.Signals) -> tuple[int, str, str]:
    """`paperbot run` in a subprocess, sent `signals` (0.2 s apart) when it asks `method pattern` of the hub, which
    answers once they are sent: (exit code, stderr, the job summary)."""
    summary_file = workdir / "summary.md"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
           "GITHUB_STEP_SUMMARY": str(summary_file)}
    procs: list[subprocess.Popen] = []

    def send() -> None:
        for n, sig in enumerate(signals):
            time.sleep(0.2 if n else 0)
            procs[0].send_signal(sig)
        time.sleep(0.2)

    hub.before_next(method, pattern, send)
    procs.append(subprocess.Popen([sys.executable, "-c", RUNNER, "run", "--config", str(workdir / "config.yaml"),
                                   "--feed", DAY_23], cwd=workdir, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True))
    try:
        _, err = procs[0].communicate(timeout=180)
    finally:
        if procs[0].poll() is None:
            procs[0].kill()
    return procs[0].returncode, err, summary_file.read_text(encoding="utf-8") if summary_file.exists() else ""


def test_a_run_cancelled_after_its_pr_says_so_and_the_next_run_proposes_nothing_twice(workdir, hub):
    """SIGTERM once the PR is open, as the run reads the state it is about to save: exit 143, one line on stderr
    and on the job summary naming the PR; the state is not saved, and the next run finds the PR's papers in it."""
    code, err, page = _cancelled_run(workdir, hub, "GET", r"/contents/state\.json$", signal.SIGTERM)
    assert code == 143, err
    assert "Traceback" not in err
    url = f"{hub.web_url}/pull/1"
    line = (f"run cancelled (SIGTERM) before it finished; PR #1 was already opened ({url}) and branch "
            "paperbot-state was created, nothing will be proposed twice")
    assert err.splitlines()[-1] == f"paperbot: {line}"
    assert page == f"### paperbot run cancelled\n\n{line[0].upper()}{line[1:]}.\n\n"
    ids = parse_marker(hub.pulls[1].body)
    assert len(ids) == 3 and hub.file_text("state.json", "paperbot-state") is None  # the PR whole; no state
    # The day's papers were not recorded as seen: the next run scores them again, and adds the next three best
    # (the thresholds are 0 here) to the PR, never the three it holds.
    assert _run(workdir, "--feed", DAY_23) == 0
    both = parse_marker(hub.pulls[1].body)
    assert len(hub.pulls) == 1 and set(ids) < set(both) and len(set(both)) == len(both) == 6
    readme = hub.file_text("README.md", hub.pulls[1].head)
    assert all(readme.count(f"arxiv.org/abs/{i}") == 1 for i in both)
    assert sorted(_remote_state(hub)["proposed"]) == sorted(both)


def test_a_run_cancelled_after_the_candidates_issue_names_it_with_the_pr(workdir, hub):
    """With the candidates issue on, SIGTERM as the run saves its state: the line names the issue the run opened
    beside the PR and the state branch, where it named only those two."""
    config = workdir / "config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "dashboard: {enabled: false}", "dashboard: {enabled: true, max_candidates: 8}"), encoding="utf-8")
    code, err, page = _cancelled_run(workdir, hub, "GET", r"/contents/state\.json$", signal.SIGTERM)
    assert code == 143, err
    (number,) = hub.issues
    line = (f"run cancelled (SIGTERM) before it finished; PR #1 was already opened ({hub.web_url}/pull/1), the "
            f"candidates issue #{number} was already opened ({hub.web_url}/issues/{number}) and branch "
            "paperbot-state was created, nothing will be proposed twice")
    assert err.splitlines()[-1] == f"paperbot: {line}"
    assert page == f"### paperbot run cancelled\n\n{line[0].upper()}{line[1:]}.\n\n"


def test_a_run_cancelled_as_github_actions_cancels_leaves_no_branch_behind(workdir, hub):
    """SIGINT as the README commit is made on the new branch, then SIGTERM while the run cleans up (the Action's
    Cancel: SIGINT, SIGTERM 7.5 s later): exit 130, the branch deleted, no PR, no state, and a line that says
    nothing was changed."""
    code, err, page = _cancelled_run(workdir, hub, "PUT", r"/contents/README\.md$", signal.SIGINT, signal.SIGTERM)
    assert code == 130, err
    assert "Traceback" not in err
    line = "run cancelled (SIGINT) before it changed anything on GitHub; the next run starts over"
    assert err.splitlines()[-1] == f"paperbot: {line}"
    assert page == f"### paperbot run cancelled\n\n{line[0].upper()}{line[1:]}.\n\n"
    assert set(hub.refs) == {"main"} and hub.pulls == {}
    assert ("DELETE", f"/api/v3/repos/{hub.repository}/git/refs/heads/paperbot/") in [
        (m, p.rsplit("/", 1)[0] + "/") for m, p in hub.requests]

