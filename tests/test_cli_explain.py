"""`paperbot explain`: what scan would do with given papers, and why, without recording anything."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from bot.cli import main
from bot.feeds import read_feeds
from bot.state import State
from tests.replay_support import FEEDS, list_checkout

DAY_23 = str(FEEDS / "2025-04-23.xml")
KEYS = ["arxiv_id", "title", "score", "section", "alternatives", "nearest", "unsure", "requested", "authors",
        "categories", "abstract", "on_list", "state", "verdict", "new_heading"]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Saved models over the tiny encoder, and the day's feed papers as a metadata file (no arXiv API)."""
    work = list_checkout(tmp_path, monkeypatch)
    with (work / "day.jsonl").open("w", encoding="utf-8") as out:
        for p in read_feeds([DAY_23]).papers:
            out.write(json.dumps({"id": p.arxiv_id, "title": p.title, "abstract": p.abstract,
                                  "categories": list(p.categories), "authors": list(p.authors)}) + "\n")
    return work


def _explain(workdir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["explain", "--config", str(workdir / "config.yaml"), "--metadata", str(workdir / "day.jsonl"),
                 "--offline", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _papers(out: str) -> dict[str, dict]:
    return {p["arxiv_id"]: p for p in json.loads(out)["papers"]}


def test_explain_agrees_with_scan_and_records_nothing(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--config", str(workdir / "config.yaml"), "--feed", DAY_23, "--json",
                 str(workdir / "scan.json"), "--state", str(workdir / "other-state.json")]) == 0  # not explain's
    capsys.readouterr()
    scan = json.loads((workdir / "scan.json").read_text(encoding="utf-8"))
    first = scan["proposals"][0]
    code, out, _ = _explain(workdir, capsys, first["arxiv_id"], "--json")
    assert code == 0
    [doc] = _papers(out).values()
    assert list(doc) == KEYS
    # the same numbers scan proposed it with
    assert (doc["score"], doc["section"], doc["alternatives"], doc["nearest"]) == (
        first["score"], first["section"], first["alternatives"], first["nearest"])
    assert doc["verdict"] == "would be proposed, also as its day's second or later paper (within the daily cap)"
    assert doc["on_list"] is None and doc["state"] is None and doc["new_heading"] is False
    assert not (workdir / "state").exists()  # explain never writes state

    # with the config's state, where scan saw it: that is why a later scan would not propose it again
    assert main(["scan", "--config", str(workdir / "config.yaml"), "--feed", DAY_23]) == 0
    capsys.readouterr()
    code, out, _ = _explain(workdir, capsys, first["arxiv_id"], "--json")
    doc = _papers(out)[first["arxiv_id"]]
    assert doc["state"]["status"] == "seen" and doc["verdict"].startswith("seen on ")
    assert "it passes the thresholds" in doc["verdict"], doc["verdict"]
    # one the thresholds keep out: the verdict says so, not only that scan saw it
    code, out, _ = _explain(workdir, capsys, first["arxiv_id"], "--threshold", "0.99", "--json")
    verdict = _papers(out)[first["arxiv_id"]]["verdict"]
    assert verdict.startswith("seen on ") and "not proposed: score below 0.99" in verdict, verdict


def test_explain_says_which_rule_keeps_a_paper_out(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _explain(workdir, capsys, "2504.15777", "--threshold", "0.99", "--threshold-after-first", "0.99",
                            "--json")
    assert code == 0
    doc = _papers(out)["2504.15777"]
    assert doc["verdict"] == "not proposed: score below 0.99"  # scan's own words (why_not_proposed)
    code, out, _ = _explain(workdir, capsys, "2504.15777", "--threshold", "0", "--threshold-after-first", "0.99",
                            "--json")
    assert _papers(out)["2504.15777"]["verdict"] == (
        "would be proposed as its day's best paper above the thresholds; after a day's first proposal it would "
        "need 0.99")
    state = State.load(workdir / "state" / "state.json")
    state.mark_rejected("2504.15777", date="2025-04-25", pr="https://github.com/o/l/pull/7")
    state.save()
    code, out, _ = _explain(workdir, capsys, "https://arxiv.org/abs/2504.15777v2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2504.15777  ") and lines[1].startswith("  score      ")
    assert lines[2].startswith("  section    ") and any(line.startswith("  nearest    ") for line in lines)
    assert lines[-1] == ("  verdict    a maintainer closed its pull request on 2025-04-25 "
                         "(https://github.com/o/l/pull/7): never proposed again")


def test_a_paper_on_the_list_is_placed_where_it_is(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2504.15573 is in the day's feed and on the list (its metadata comes from the list's own file too)
    code, out, _ = _explain(workdir, capsys, "2504.15573", "2212.10560", "--json")
    assert code == 0
    docs = _papers(out)
    assert docs["2212.10560"]["title"].startswith("Self-Instruct")
    for arxiv_id, doc in docs.items():
        assert doc["on_list"] and doc["verdict"].startswith("on the list in " + " > ".join(doc["on_list"]))
        # its own entry is not shown as its nearest (it always would be, at similarity 1)
        assert doc["nearest"] and all(n["arxiv_id"] != arxiv_id for n in doc["nearest"])
        assert all(n["similarity"] < 0.999 for n in doc["nearest"])


def test_the_explain_command_a_quiet_scan_names_works_as_printed_without_arxiv(
        workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A scan of a feed file on a machine that does not reach arXiv's API (none does in these tests): the command its
    quiet day prints, run as printed, without --metadata or --offline, explains the paper it names."""
    state = workdir / "quiet.json"
    assert main(["scan", "--config", str(workdir / "config.yaml"), "--feed", DAY_23, "--threshold", "1.0",
                 "--state", str(state)]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    m = re.fullmatch(r"best of the day: .* \(arXiv:(\S+), score \S+\); `(paperbot explain [^`]+)` says why it was "
                     r"not proposed", line)
    assert m is not None, line
    best, command = m.groups()
    assert command == (f"paperbot explain {best} --config {workdir / 'config.yaml'} --state {state} --threshold 1.0 "
                       f"--feed {DAY_23}")
    assert main(shlex.split(command)[1:]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{best}  ")
    assert out[-1].startswith(f"  verdict    seen on {State.load(state).seen[best]}; scored now, not proposed: score "
                              "below 1; scan does not score it again")


def test_explain_reads_the_paper_from_the_feed_a_scan_read_or_its_state(
        workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--feed: the paper's title and abstract as the feed announced them, the same numbers as from a metadata file;
    a paper the scan kept in its state for the candidates issue (held back, with its abstract) needs not even that."""
    config = str(workdir / "config.yaml")
    assert main(["scan", "--config", config, "--feed", DAY_23, "--json", str(workdir / "scan.json")]) == 0
    capsys.readouterr()
    arxiv_id = json.loads((workdir / "scan.json").read_text(encoding="utf-8"))["held_back"][0]["arxiv_id"]
    code, out, _ = _explain(workdir, capsys, arxiv_id, "--json")
    assert code == 0
    from_metadata = _papers(out)[arxiv_id]
    empty = str(workdir / "empty.json")
    assert main(["explain", "--config", config, arxiv_id, "--state", empty, "--feed", DAY_23, "--json"]) == 0
    from_feed = _papers(capsys.readouterr().out)[arxiv_id]
    assert from_feed == {**from_metadata, "state": None, "verdict": from_feed["verdict"]}
    assert main(["explain", "--config", config, arxiv_id, "--offline", "--state", empty]) == 1  # nowhere to read it
    assert capsys.readouterr().err == (
        f"paperbot: error: no metadata for {arxiv_id}: offline: not in the metadata file or cache; pass "
        "--feed SRC with the feed a scan read it in, or --metadata FILE with a line for each (id, title, abstract)\n")
    assert arxiv_id in State.load(workdir / "state" / "state.json").candidates  # kept with its text
    assert main(["explain", "--config", config, arxiv_id, "--offline", "--json"]) == 0
    assert _papers(capsys.readouterr().out)[arxiv_id] == from_metadata
    assert main(["explain", "--config", config, arxiv_id, "--feed", str(workdir / "gone.xml")]) == 1
    assert capsys.readouterr().err == f"paperbot: error: feed failed: {workdir / 'gone.xml'}: file not found\n"


def test_explain_errors_are_one_line(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _explain(workdir, capsys, "x2504.16408")
    assert code == 2 and err.strip().count("\n") == 0 and "'x2504.16408' is not an arXiv id" in err
    code, _, err = _explain(workdir, capsys, "2504.15777", "1901.00001")
    assert code == 1 and err.strip().count("\n") == 0
    assert "no metadata for 1901.00001: offline" in err and "--metadata FILE" in err


def test_explain_says_a_paper_was_held_back_and_why(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """scan records the papers the cap kept out; explain names the day and the rule, not only "seen"."""
    assert main(["scan", "--config", str(workdir / "config.yaml"), "--feed", DAY_23, "--json",
                 str(workdir / "scan.json")]) == 0
    capsys.readouterr()
    held = json.loads((workdir / "scan.json").read_text(encoding="utf-8"))["held_back"][0]
    code, out, _ = _explain(workdir, capsys, held["arxiv_id"], "--json")
    doc = _papers(out)[held["arxiv_id"]]
    assert code == 0 and doc["state"]["status"] == "held_back" and doc["state"]["why"] == held["why"]
    assert doc["verdict"].startswith(f"held back on {doc['state']['date']}: above the threshold but {held['why']}")


def test_explain_takes_what_fetch_json_printed_as_its_metadata(workdir: Path, capsys: pytest.CaptureFixture[str]
                                                               ) -> None:
    """`paperbot fetch --json > today.json` then `explain ID --metadata today.json --offline`: the day's papers as
    fetch printed them, one JSON document, with no conversion to JSONL by hand; the same verdict as from JSONL."""
    assert main(["fetch", "--config", str(workdir / "config.yaml"), "--feed", DAY_23, "--json", "--no-state"]) == 0
    (workdir / "today.json").write_text(capsys.readouterr().out, encoding="utf-8")
    arxiv_id = read_feeds([DAY_23]).papers[0].arxiv_id
    code, out, _ = _explain(workdir, capsys, arxiv_id, "--json")
    assert code == 0
    from_jsonl = _papers(out)[arxiv_id]
    code = main(["explain", "--config", str(workdir / "config.yaml"), "--metadata", str(workdir / "today.json"),
                 "--offline", arxiv_id, "--json"])
    assert code == 0
    assert _papers(capsys.readouterr().out)[arxiv_id] == from_jsonl


def test_a_candidate_rebuilt_from_the_issue_is_explained_with_the_score_the_issue_showed(
        workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A state that lost the candidates gets them back from the issue's lines, which show whole percents: the
    record `explain --json` reports has the score the issue showed (13.51% was "14%": 0.14), not a made-up one
    (it said 0.144899, and 0.0549 for a near miss of "5%" under a threshold of 5%)."""
    from bot.config import DashboardConfig
    from bot.dashboard import dashboard_body, issue_candidates
    from bot.publish import restore_candidates

    near, held = read_feeds([DAY_23]).papers[:2]
    candidates = {
        held.arxiv_id: {"date": "2025-04-23", "score": 0.1351, "why": "over the cap", "section": ["1. Surveys"],
                        "reason": "over the daily cap of 2 (#3 of its day)",
                        "paper": {"id": held.arxiv_id, "title": held.title}},
        near.arxiv_id: {"date": "2025-04-23", "score": 0.0491, "why": "score below 0.05", "section": ["1. Surveys"],
                        "reason": "under the threshold", "paper": {"id": near.arxiv_id, "title": near.title}},
    }
    body = dashboard_body(candidates, config=DashboardConfig(), threshold=0.05)
    assert f"`{held.arxiv_id}`: 14%, over the daily cap" in body and f"`{near.arxiv_id}`: 5%, under" in body
    state = State.load(workdir / "state" / "state.json")  # lost: rebuilt from the issue
    assert restore_candidates(state, body, today="2025-04-24", days=14) == [held.arxiv_id, near.arxiv_id]
    state.save()
    assert dashboard_body(issue_candidates(body), config=DashboardConfig(), threshold=0.05) == body
    code, out, _ = _explain(workdir, capsys, held.arxiv_id, near.arxiv_id, "--json")
    docs = _papers(out)
    assert code == 0 and [docs[i]["state"]["status"] for i in docs] == ["candidate", "candidate"]
    assert docs[held.arxiv_id]["state"]["score"] == 0.14 and docs[near.arxiv_id]["state"]["score"] == 0.05
