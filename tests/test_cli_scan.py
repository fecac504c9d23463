"""`paperbot scan` end to end: real feed files, a saved model, state on disk, the --json shape."""

from __future__ import annotations

import errno
import io
import json
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.listfile import read_list
from tests.replay_support import FEEDS, README, list_checkout
from tests.servers.arxiv import ArxivServer

DAY_18 = str(FEEDS / "2025-04-18.xml")
DAY_23 = str(FEEDS / "2025-04-23.xml")
PROPOSAL_KEYS = {"arxiv_id", "title", "score", "section", "alternatives", "nearest"}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config using the tiny encoder (load_encoder hands it out by name) and a saved model."""
    return list_checkout(tmp_path, monkeypatch)


def _scan(workdir: Path, *args: str) -> int:
    return main(["scan", "--config", str(workdir / "config.yaml"), *args])


def test_scan_json_shape_state_and_second_run(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = workdir / "proposals.json"
    assert _scan(workdir, "--feed", DAY_23, "--json", str(out)) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert list(doc) == ["stats", "proposals", "held_back", "near_misses"]
    assert doc["stats"]["items"] == 17 and doc["stats"]["proposed"] == 3 and doc["stats"]["on_list"] == 1
    assert len(doc["proposals"]) == 3
    # the other 11 scored papers pass the test's thresholds (0): over the cap, named, never in proposals
    assert len(doc["held_back"]) == 11 == doc["stats"]["above_threshold"] - 3
    assert not {h["arxiv_id"] for h in doc["held_back"]} & {p["arxiv_id"] for p in doc["proposals"]}
    assert all(h["why"].startswith("over the cap: #") for h in doc["held_back"])
    section_paths = [s["path"] for s in read_list(README).sections_json()["sections"]]
    scores = [p["score"] for p in doc["proposals"]]
    assert scores == sorted(scores, reverse=True)
    for p in doc["proposals"]:
        assert set(p) >= PROPOSAL_KEYS
        assert set(p["section"]) == {"path", "score"} and p["section"]["path"] in section_paths
        assert all(set(a) == {"path", "score"} and a["path"] in section_paths for a in p["alternatives"])
        assert len(p["nearest"]) == 3
        assert all(set(n) == {"title", "arxiv_id", "similarity"} for n in p["nearest"])
        assert p["arxiv_id"] != "2504.15573"  # on the list

    printed = capsys.readouterr().out.splitlines()
    first = doc["proposals"][0]
    assert printed[0] == f"1. {first['title']}"
    assert printed[1].startswith(f"   arXiv:{first['arxiv_id']}  score {first['score']:.2f}")
    section = first["section"]  # in percent, as the PR body gives it; --json 0-1
    assert printed[2] == f"   section:   {' > '.join(section['path'])} ({round(100 * section['score'])}%)"
    assert printed[-1].startswith(f"3 proposal(s) from {doc['stats']['scored']} new paper(s) scored")

    state = json.loads((workdir / "state" / "state.json").read_text(encoding="utf-8"))
    assert len(state["seen"]) == doc["stats"]["scored"] == 14
    assert state["proposed"] == {}  # proposing is `run`'s business, after the PR exists

    assert _scan(workdir, "--feed", DAY_23, "--json", "-") == 0
    again = json.loads(capsys.readouterr().out)
    assert again["proposals"] == [] and again["stats"]["known"] == 14 and again["stats"]["scored"] == 0


def test_scan_overrides_cap_and_threshold(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _scan(workdir, "--feed", DAY_18, "--max-proposals", "1", "--state", str(workdir / "a.json"),
                 "--json", "-") == 0
    assert len(json.loads(capsys.readouterr().out)["proposals"]) == 1
    assert _scan(workdir, "--feed", DAY_18, "--threshold", "1.0", "--state", str(workdir / "b.json"),
                 "--json", "-") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["proposals"] == [] and doc["stats"]["scored"] == 14
    # for a person, a day with nothing to propose says how near its best paper came, and how to ask about it
    assert _scan(workdir, "--feed", DAY_18, "--threshold", "1.0", "--state", str(workdir / "b2.json")) == 0
    best = max(doc["near_misses"], key=lambda p: p["score"])  # every paper from dashboard.min_score up to 1.0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"best of the day: {best['title']} (arXiv:{best['arxiv_id']}, score {best['score']:.3f}); "
                        f"`paperbot explain {best['arxiv_id']} --config {workdir / 'config.yaml'} --state "
                        f"{workdir / 'b2.json'} --threshold 1.0 --feed {DAY_18}` says why it was not proposed")
    # the bar after the first: nothing reaches 1, so the day keeps its best paper only, the rest held back
    assert _scan(workdir, "--feed", DAY_18, "--threshold-after-first", "1", "--state", str(workdir / "c.json"),
                 "--json", "-") == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["proposals"]) == 1 and len(doc["held_back"]) == 13
    assert _scan(workdir, "--feed", DAY_18, "--threshold-after-first", "1.5") == 2
    assert capsys.readouterr().err == (
        "paperbot: error: --threshold-after-first 1.5: must be a probability between 0 and 1\n")


def test_a_failed_feed_exits_1_but_keeps_the_others(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(workdir / "missing.xml")
    out = workdir / "p.json"
    assert _scan(workdir, "--feed", missing, "--feed", DAY_23, "--json", str(out)) == 1
    err = capsys.readouterr().err
    assert f"paperbot: error: feed failed: {missing}: file not found" in err
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["proposals"]) == 3 and doc["stats"]["failed"] == 1
    assert (workdir / "state" / "state.json").exists()


def test_a_changed_readme_refuses_the_stale_models(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = workdir / "README.md"
    readme.write_text(README.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _scan(workdir, "--feed", DAY_23, "--readme", str(readme)) == 1
    err = capsys.readouterr().err
    assert err.startswith("paperbot: error: ") and "paperbot train" in err
    assert not (workdir / "state" / "state.json").exists()


def test_models_trained_in_float32_refuse_an_int8_config(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """int8 weights move every vector: models trained without them are another encoder's, refused at once
    with the setting to put back, before any paper is embedded or marked seen."""
    config = workdir / "config.yaml"
    config.write_text(config.read_text().replace("embedding: {", "embedding: {precision: int8, "), encoding="utf-8")
    assert _scan(workdir, "--feed", DAY_23) == 1
    err = capsys.readouterr().err
    assert ("the models were trained on 'test-hashing-512' vectors, but the encoder makes "
            "'test-hashing-512@int8' ones") in err
    assert "run `paperbot train` or set embedding.precision: float32 as when they were trained" in err
    assert err.count("\n") == 1 and not (workdir / "state" / "state.json").exists()


def test_an_unwritable_json_target_stops_before_anything_is_marked_seen(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "file").write_text("not a folder")
    assert _scan(workdir, "--feed", DAY_23, "--json", str(workdir / "file" / "p.json")) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("paperbot: error: --json: cannot write ") and "\n" not in err
    # the proposals would be lost for good if these papers were recorded as seen
    assert not (workdir / "state" / "state.json").exists()
    assert _scan(workdir, "--feed", DAY_23, "--json", "-") == 0
    assert len(json.loads(capsys.readouterr().out)["proposals"]) == 3


def test_an_unwritable_state_file_stops_the_scan_before_it_scores(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workdir / "file").write_text("not a folder")
    assert _scan(workdir, "--feed", DAY_23, "--state", str(workdir / "file" / "state.json")) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("paperbot: error: --state: cannot write ") and captured.out == ""


class _FullDisk(io.StringIO):
    """Standard output redirected to a full disk (`> /dev/full`)."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("json_flag", [(), ("--json", "-")])
def test_proposals_that_cannot_be_printed_are_not_marked_seen(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, json_flag: tuple[str, ...]
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", _FullDisk())
        assert _scan(workdir, "--feed", DAY_23, *json_flag) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "paperbot: error: cannot write to standard output: No space left on device"
    assert not any(line.startswith("Traceback") for line in err)
    assert not (workdir / "state" / "state.json").exists()
    assert _scan(workdir, "--feed", DAY_23, "--json", "-") == 0
    assert len(json.loads(capsys.readouterr().out)["proposals"]) == 3


def test_a_closed_standard_output_is_one_line_and_records_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`paperbot scan >&-`: Python starts with sys.stdout None; the first print must not be a traceback."""
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", None)
        assert _scan(workdir, "--feed", DAY_23) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("paperbot: error: cannot write to standard output: it is closed")
    assert not any(line.startswith("Traceback") for line in err)
    assert not (workdir / "state" / "state.json").exists()


def test_scan_tells_arxiv_who_runs_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    workdir = list_checkout(tmp_path, monkeypatch, extra_config="arxiv_api: {contact: lists@example.org}\n")
    with ArxivServer() as server:
        url = server.feed("/rss/cs.CL", DAY_23)
        assert _scan(workdir, "--feed", url) == 0
    (request,) = server.requests
    assert request.headers["User-Agent"].startswith("paperbot/")
    assert request.headers["User-Agent"].endswith("; +lists@example.org)")


def test_json_and_state_on_one_file_is_refused(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = workdir / "state" / "state.json"
    assert _scan(workdir, "--feed", DAY_23, "--json", str(state)) == 2
    assert capsys.readouterr().err == f"paperbot: error: --json {state} is the state file: the state would " \
        "overwrite the proposals\n"
    assert not state.exists()


def test_json_output_never_replaces_an_input(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--json README.md` (or the models, a feed file) would replace what the next run reads."""
    models = workdir / "models"
    artifact = next(p for p in models.iterdir() if p.is_file())
    for target, what in ((README, "the list README"), (artifact, "the models directory"),
                         (Path(DAY_23), "feed 1")):
        before = target.read_bytes()
        assert _scan(workdir, "--feed", DAY_23, "--json", str(target)) == 2
        assert f"--json {target}: that is {what}, which this command reads" in capsys.readouterr().err
        assert target.read_bytes() == before
    from bot.config import load_config

    config = load_config(workdir / "config.yaml")
    for target, what in ((config.arxiv_api.cache, "the arXiv API cache"),
                         (Path(config.embedding.cache_dir) / "shard.npz", "the embedding cache")):
        assert _scan(workdir, "--feed", DAY_23, "--json", str(target)) == 2
        assert f"--json {target}: that is {what}, which this command reads" in capsys.readouterr().err
    assert main(["run", "--config", str(workdir / "config.yaml"), "--dry-run", "--feed", DAY_23,
                 "--json", str(README)]) == 2
    assert "that is the list README" in capsys.readouterr().err
    assert not (workdir / "state").exists()  # stopped before any work


def test_models_missing_or_stale_say_to_train_with_the_same_readme_and_models(
    workdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bare `paperbot train` would learn the configured list into the configured folder, and the next scan with
    these flags would stop again: the advice carries --readme and --models as the command was given them."""
    empty = tmp_path / "elsewhere"
    assert _scan(workdir, "--feed", DAY_23, "--models", str(empty)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"paperbot: error: {empty}: no trained models (model.pkl.gz missing); run `paperbot train "
                   f"--models {empty}`"]
    other = tmp_path / "other.md"
    added = "\n- [A paper added since](https://arxiv.org/abs/2504.00001)\n"
    other.write_text(README.read_text(encoding="utf-8") + added, encoding="utf-8")
    assert _scan(workdir, "--feed", DAY_23, "--readme", str(other)) != 0
    (line,) = capsys.readouterr().err.strip().splitlines()[-1:]
    assert line.startswith("paperbot: error: ") and line.endswith(f"`paperbot train --readme {other}`")
    # the daily job too, and a path with a space quoted as a shell needs it
    spaced = tmp_path / "my list.md"
    spaced.write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["run", "--config", str(workdir / "config.yaml"), "--dry-run", "--offline", "--feed", DAY_23,
                 "--readme", str(spaced)]) != 0
    (line,) = capsys.readouterr().err.strip().splitlines()[-1:]
    assert f"`paperbot train --readme '{spaced}'`" in line and "Traceback" not in line
