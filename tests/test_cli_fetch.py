from __future__ import annotations

import errno
import io
import json
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import FIXTURES
from tests.servers.arxiv import ArxivServer, Reply

RSS = FIXTURES / "arxiv_rss"
PAPER_KEYS = {"arxiv_id", "version", "title", "abstract", "authors", "categories", "announce_type"}
STATS_KEYS = {"items", "new", "cross", "replace", "replace_cross", "duplicates", "kept"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_fetch_json_on_the_complete_real_feed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "fetch", "--feed", str(RSS / "aioarxiv_rss_mock_feed.xml"), "--json", "--no-state")
    assert code == 0, err
    doc = json.loads(out)
    assert {k: doc["stats"][k] for k in STATS_KEYS} == {
        "items": 1504, "new": 926, "cross": 9, "replace": 569, "replace_cross": 0, "duplicates": 0, "kept": 935,
    }
    assert len(doc["papers"]) == 935
    assert all(set(p) >= PAPER_KEYS for p in doc["papers"])
    assert {p["announce_type"] for p in doc["papers"]} == {"new", "cross"}


def test_fetch_json_paper_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "fetch", "--feed", str(RSS / "arxiv_cs_cl.xml"), "--json", "--no-state")
    assert code == 0
    first = json.loads(out)["papers"][0]
    assert {k: first[k] for k in PAPER_KEYS - {"abstract"}} == {
        "arxiv_id": "2604.22002",
        "version": 1,
        "title": "When Cow Urine Cures Constipation on YouTube: Limits of LLMs in Detecting Culture-specific "
                 "Health Misinformation",
        "authors": ["Anamta Khan", "Ratna Kandala", "Deepti", "Sheza Munir", "Joyojeet Pal"],
        "categories": ["cs.CL"],
        "announce_type": "new",
    }
    assert first["abstract"].startswith("Social media platforms have become")


def test_second_run_shows_papers_as_duplicates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    feeds = ["--feed", str(RSS / "arxiv_cs_cl.xml"), "--feed", str(RSS / "arxiv_cs_ai.xml")]

    code, out, _ = run(capsys, "fetch", *feeds, "--json", "--state", str(state))
    assert code == 0
    first = json.loads(out)
    assert first["stats"]["kept"] == 6 and first["stats"]["duplicates"] == 0
    saved = json.loads(state.read_text())
    assert sorted(saved["seen"]) == sorted(p["arxiv_id"] for p in first["papers"])

    code, out, _ = run(capsys, "fetch", *feeds, "--feed", str(RSS / "arxiv_cs_lg.xml"), "--json", "--state", str(state))
    assert code == 0
    second = json.loads(out)
    assert [p["arxiv_id"] for p in second["papers"]] == ["2604.21952", "2604.21953", "2604.21956"]
    assert (second["stats"]["duplicates"], second["stats"]["seen"], second["stats"]["kept"]) == (6, 6, 3)


def test_no_state_neither_reads_nor_writes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"version": 1, "seen": {"2604.22002": "2026-04-27"}}))
    code, out, _ = run(capsys, "fetch", "--feed", str(RSS / "arxiv_cs_cl.xml"), "--json", "--no-state",
                       "--state", str(state))
    assert code == 0 and json.loads(out)["stats"]["kept"] == 3
    assert json.loads(state.read_text()) == {"version": 1, "seen": {"2604.22002": "2026-04-27"}}


def test_text_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "fetch", "--feed", str(RSS / "arxiv_cs_lg.xml"), "--no-state")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2604.21952v1  [new]  cs.LG, cs.AI, cs.AR, cs.NE, cs.RO"
    assert len(lines) == 3 * 3 + 1
    assert lines[-1] == ("3 kept of 3 items from 1 feed(s): new 3, cross 0, replace 0, replace-cross 0; "
                         "0 duplicates (0 seen in earlier runs)")


def test_failed_source_exit_1_with_one_line_per_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot import feeds

    sleeps: list[float] = []
    monkeypatch.setattr(feeds, "_sleep", sleeps.append)
    with ArxivServer() as server:
        html = server.route("/rss/cs.CL", Reply.html(200))
        down = server.route("/rss/cs.AI", Reply.html(503))
        good = server.feed("/rss/cs.LG", "arxiv_cs_lg.xml")
        code, out, err = run(capsys, "fetch", "--feed", html, "--feed", down, "--feed", good, "--json",
                             "--state", str(tmp_path / "state.json"))
        asked = [r.path for r in server.requests]
    assert code == 1
    doc = json.loads(out)
    assert doc["stats"]["kept"] == 3
    # the 503 may pass: asked again twice (feeds.retries), 30 s then 60 s later; an HTML page will not
    assert asked.count("/rss/cs.AI") == 3 and asked.count("/rss/cs.CL") == 1 and sleeps == [30.0, 60.0]
    assert doc["failures"] == [
        {"source": html, "reason": "not a feed: got an HTML page"},
        {"source": down, "reason": "HTTP 503 Service Unavailable (gave up after 3 attempts)"},
    ]
    errors = [line for line in err.splitlines() if "feed failed" in line]  # each once, as an error
    assert errors == [
        f"paperbot: error: feed failed: {html}: not a feed: got an HTML page",
        f"paperbot: error: feed failed: {down}: HTTP 503 Service Unavailable (gave up after 3 attempts)",
    ]


def test_default_feeds_come_from_config(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with ArxivServer() as server:
        cl = server.feed("/rss/cs.CL", "arxiv_cs_cl.xml")
        empty = server.feed("/rss/test", "aioarxiv_empty_rss_mock_feed.xml")
        config = tmp_path / "config.yaml"
        config.write_text(f"feeds:\n  urls: [{cl}, {empty}]\n  timeout_seconds: 5\nstate:\n  path: st.json\n")
        code, out, err = run(capsys, "fetch", "--config", str(config), "--json")
        assert [r.path for r in server.requests] == ["/rss/cs.CL", "/rss/test"]
    assert code == 0, err
    assert json.loads(out)["stats"]["kept"] == 3
    assert sorted(json.loads((tmp_path / "st.json").read_text())["seen"]) == ["2604.22002", "2604.22027",
                                                                              "2604.22038"]


def test_corrupt_state_is_a_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text("not json")
    code, out, err = run(capsys, "fetch", "--feed", str(RSS / "arxiv_cs_cl.xml"), "--state", str(state))
    assert code == 1 and out == ""
    assert err.startswith(f"paperbot: error: {state}: state file is not valid JSON")
    assert err.count("\n") == 1


def test_an_unwritable_state_file_is_refused_before_the_feeds_are_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("not a folder")
    code, out, err = run(capsys, "fetch", "--feed", str(RSS / "arxiv_cs_cl.xml"),
                         "--state", str(tmp_path / "file" / "state.json"))
    assert code == 2 and out == ""
    assert err.startswith("paperbot: error: --state: cannot write ") and err.count("\n") == 1


def test_papers_that_cannot_be_printed_are_not_recorded(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    class FullDisk(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    state = tmp_path / "state.json"
    with monkeypatch.context() as patch:
        patch.setattr(sys, "stdout", FullDisk())
        code, _, err = run(capsys, "fetch", "--feed", str(RSS / "arxiv_cs_cl.xml"), "--state", str(state))
    assert code == 1 and err.endswith("\npaperbot: error: cannot write to standard output: No space left on device\n")
    assert not state.exists()
