"""The hold-out replay: the split, the numbers, report.md and the plot."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from bot.config import Config
from bot.errors import PaperbotError, UsageError
from bot.evaluate import (
    DayReplay,
    HeldOut,
    at_or_after,
    day_files,
    evaluate,
    held_out_entries,
    issue_replay,
    render_report,
    summarize,
    write_report,
)
from bot.listfile import read_list
from bot.model import Scored
from bot.papers import Paper, SectionScore
from tests.replay_support import BACKGROUND, FEEDS, METADATA, README, HashingEncoder, make_config

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The held-out papers (ids >= 2503 on the list) announced on the fixture days, in the order of the report.
FIXTURE_HELD_OUT = [
    ("2504.12322", "2025-04-18"), ("2504.12330", "2025-04-18"), ("2504.12522", "2025-04-18"),
    ("2504.12563", "2025-04-18"), ("2504.15573", "2025-04-23"), ("2504.16408", "2025-04-24"),
    ("2504.16856", "2025-04-24"),
]


def test_at_or_after_compares_ids_numerically() -> None:
    assert at_or_after("2503.00001", "2503")
    assert at_or_after("2504.12322", "2503")
    assert not at_or_after("2502.19999", "2503")
    assert not at_or_after("2412.99999", "2503")
    assert at_or_after("2503.10000", "2503.1") and not at_or_after("2503.09999", "2503.1")
    assert at_or_after("2503.14023", "2503.14023") and not at_or_after("2503.14022", "2503.14023")
    assert not at_or_after("hep-th/9901001", "0001") and not at_or_after(None, "2503")
    with pytest.raises(UsageError, match="--holdout-from '25-03'"):
        at_or_after("2503.00001", "25-03")


def test_day_files_in_date_order(tmp_path: Path) -> None:
    for name in ("2025-04-24.xml", "2025-04-18.xml", "notes.txt", "2025-04-23.xml"):
        (tmp_path / name).write_text("<rss/>")
    assert [d for d, _ in day_files(tmp_path)] == ["2025-04-18", "2025-04-23", "2025-04-24"]
    # found before the minutes of training, with the reason
    (tmp_path / "2025-04-25.xml").write_text("<rss><channel>")
    with pytest.raises(UsageError, match=r"2025-04-25\.xml: not a readable XML feed \(no element found"):
        day_files(tmp_path)
    (tmp_path / "2025-04-25.xml").unlink()
    (tmp_path / "2025-13-45.xml").write_text("<rss/>")
    with pytest.raises(UsageError, match=r"2025-13-45 is not a date"):
        day_files(tmp_path)
    (tmp_path / "2025-13-45.xml").unlink()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UsageError, match=r"no day files named YYYY-MM-DD\.xml"):
        day_files(empty)
    with pytest.raises(UsageError, match="not a directory"):
        day_files(tmp_path / "missing")


def test_held_out_entries_of_the_real_list() -> None:
    held = held_out_entries(read_list(README), "2503")
    assert len(held) == 71  # 2503.x to 2508.x
    assert all(at_or_after(h.arxiv_id, "2503") for h in held)
    by_id = {h.arxiv_id: h for h in held}
    assert by_id["2504.12322"].sections == (("6. Application Areas", "6.3 Agent and Tool Use"),)


def _day(day: str, *rows: tuple[str, float, tuple[str, ...]]) -> DayReplay:
    scored = [
        Scored(
            paper=Paper(i, f"T {i}"), relevance=r,
            sections=tuple(SectionScore(p, 0.9 - 0.1 * k) for k, p in enumerate(paths)), nearest=(), unsure=False,
        )
        for i, r, paths in rows
    ]
    return DayReplay(day=day, scored=scored, stats={"items": len(rows)})


A, B, C, D = ("4. Methods", "4.1. Pre-training"), ("3. Surveys",), ("6. Application Areas", "6.2 Code Generation"), (
    "6. Application Areas", "6.2 Code Generation", "Sub")


def test_summarize_counts_recall_volume_and_sections() -> None:
    held = [HeldOut("2504.1", "one", (A,)), HeldOut("2504.2", "two", (C,)), HeldOut("2504.3", "three", (B,)),
            HeldOut("2504.9", "never in the feeds", (A,))]
    days = [
        _day("2025-04-01", ("2504.1", 0.9, (A, B)), ("2504.5", 0.8, (B,)), ("2504.6", 0.2, (B,))),
        _day("2025-04-02", ("2504.2", 0.7, (D, A)), ("2504.3", 0.6, (A, C, B)), ("2504.7", 0.95, (A,))),
        _day("2025-04-03"),
    ]
    ev = summarize(days, held, holdout_from="2504", relevance=0.5, section=0.0, cap=2, thresholds=(0.1, 0.75))
    p = ev.at_config
    # day 2 proposes 2504.7 and 2504.2 (cap 2), so 2504.3 is lost to the cap
    assert (p.recalled, p.held_out, p.proposals, p.days, p.per_day_max) == (2, 3, 4, 3, 2)
    assert (p.section_top1, p.section_top3) == (2, 2)  # D is C at the 2nd level
    assert [r.arxiv_id for r in ev.rows] == ["2504.1", "2504.2", "2504.3"]
    assert [(r.proposed, r.section_ok, r.section_top3_ok) for r in ev.rows] == [
        (True, True, True), (True, True, True), (False, False, True)]
    assert [r.not_proposed_because for r in ev.rows] == ["", "", "over the cap: #3 of its day, cap 2"]
    assert "| 0.600 | 3 of 3 | no: over the cap: #3 of its day, cap 2 |" in render_report(ev, "p.png")
    # the day's place by score, whatever the thresholds: the cap that would reach each paper
    assert [(r.day_rank, r.day_papers) for r in ev.rows] == [(1, 3), (2, 3), (3, 3)]
    assert [(r["day_rank"], r["day_papers"]) for r in ev.to_json()["held_out"]] == [(1, 3), (2, 3), (3, 3)]
    assert [r["not_proposed_because"] for r in ev.to_json()["held_out"]] == [
        None, None, "over the cap: #3 of its day, cap 2"]
    # the exact place: 2504.2 goes to D, a place below its own C, so right at the 2nd level only
    assert [r.place_ok for r in ev.rows] == [True, False, False]
    assert [r["section_top1_exact"] for r in ev.to_json()["held_out"]] == [True, False, False]
    assert "- exact place (the section the pull request writes into, at any depth) of the recalled papers: 1/2" \
        in render_report(ev, "p.png").splitlines()
    assert [(s.threshold, s.recalled, s.proposals) for s in ev.sweep] == [(0.1, 2, 4), (0.5, 2, 4), (0.75, 1, 3)]
    assert [(c.cap, c.recalled) for c in ev.caps] == [(1, 1), (2, 2), (3, 3), (4, 3), (5, 3)]
    # two held-out papers share day 2: a cap of 1 can never reach all three, whatever the scores
    assert [(c.cap, c.ceiling) for c in ev.caps] == [(1, 2), (2, 3), (3, 3), (4, 3), (5, 3)]
    assert ev.to_json()["at_config"]["ceiling"] == 3
    report = render_report(ev, "p.png")
    assert "- the most any scores could recall at cap 2: 3/3 (see the daily cap below)" in report.splitlines()
    assert "that day's places): cap 1: 2/3, cap 2: 3/3, cap 3: 3/3, cap 4: 3/3, cap 5: 3/3." in report
    assert ev.headline().startswith("recall 2/3 (67%) of the held-out papers in the feeds at threshold 0.5, cap 2;")
    # within one proposal a day (3 over 3 days): cap 1 proposes 2504.1 and 2504.7 at every threshold (the
    # lowest, with room to spare, wins the tie); caps 2+ must go up to 0.75 to stay within 3, which still
    # proposes 2504.5
    assert [(b.cap, b.threshold, b.recalled, b.proposals) for b in ev.best] == [
        (1, 0.1, 1, 2), (2, 0.75, 1, 3), (3, 0.75, 1, 3), (4, 0.75, 1, 3), (5, 0.75, 1, 3)]
    # over every cap: the same paper found, and the budget used (3 proposals rather than 2), smallest cap
    assert ev.best_line() == (
        "best within 1 proposal(s) per feed day: threshold 0.75, cap 2: recall 1/3 (33%), 1.00 per day")
    wide = summarize(days, held, holdout_from="2504", relevance=0.5, section=0.0, cap=2, thresholds=(0.1, 0.75),
                     budget=2.0)
    # 0.1 and 0.75 both find all three at cap 3: the one that uses the budget
    assert wide.best_line().endswith("threshold 0.10, cap 3: recall 3/3 (100%), 2.00 per day")
    assert wide.to_json()["budget"]["proposals_per_day"] == 2.0
    tight = summarize(days, held, holdout_from="2504", relevance=0.5, section=0.0, cap=2, thresholds=(0.1,),
                      budget=0.1)
    assert tight.best == [] and tight.best_line().startswith("no threshold and cap of the sweep stay within 0.1")
    assert "No threshold of the sweep stays within 0.1 proposal(s) per day." in render_report(tight, "p.png")


def test_the_candidates_issue_is_replayed_day_by_day_with_its_window_and_cap() -> None:
    held = [HeldOut("2504.1", "one", (A,)), HeldOut("2504.2", "two", (C,)), HeldOut("2504.3", "three", (B,))]
    days = [
        _day("2025-04-01", ("2504.1", 0.9, (A, B)), ("2504.5", 0.8, (B,)), ("2504.6", 0.2, (B,)),
             ("2504.8", 0.1, (B,))),
        _day("2025-04-02", ("2504.2", 0.7, (D, A)), ("2504.3", 0.6, (A, C, B)), ("2504.7", 0.95, (A,))),
        _day("2025-04-03"),
    ]
    ev = summarize(days, held, holdout_from="2504", relevance=0.5, section=0.0, cap=2, after_first=0.5)
    config = Config.model_validate({"thresholds": {"relevance": 0.5, "relevance_after_first": 0.5},
                                    "max_proposals_per_run": 2,
                                    "dashboard": {"min_score": 0.15, "days": 2, "max_candidates": 2}})
    # day 1: 2504.6 just under the threshold (2504.8 under min_score); day 2: 2504.3 over the cap; day 3: the
    # 2-day window has dropped day 1's
    issue = issue_replay(days, ev, config)
    assert (issue.shown, issue.not_proposed, issue.lines_max, issue.candidates, issue.days) == (("2504.3",), 1, 2, 2, 3)
    assert round(issue.lines_mean, 3) == round(4 / 3, 3)
    assert issue.line() == ("candidates issue (from score 0.15, 2 days, at most 2): it listed 1 of the 1 held-out "
                            "papers no pull request proposed; 1.3 papers on it after a feed day on average (at most "
                            "2), 0.7 joining a day")
    ev.issue = issue
    assert ev.to_json()["candidates_issue"]["shown"] == ["2504.3"]
    assert "- candidates issue (from score 0.15" in render_report(ev, "p.png") and "(2504.3)" in render_report(
        ev, "p.png")
    # a cap of one on the issue keeps the best: 2504.3 still, and never two lines
    capped = issue_replay(days, ev, config.model_copy(update={
        "dashboard": config.dashboard.model_copy(update={"max_candidates": 1})}))
    assert (capped.shown, capped.lines_max) == (("2504.3",), 1)


def test_the_bar_after_a_days_first_proposal_is_replayed_and_swept() -> None:
    held = [HeldOut("2504.1", "one", (A,)), HeldOut("2504.2", "two", (C,)), HeldOut("2504.3", "three", (B,))]
    days = [
        _day("2025-04-01", ("2504.1", 0.9, (A, B)), ("2504.5", 0.8, (B,)), ("2504.6", 0.2, (B,))),
        _day("2025-04-02", ("2504.2", 0.7, (D, A)), ("2504.3", 0.6, (A, C, B)), ("2504.7", 0.95, (A,))),
        _day("2025-04-03"),
    ]
    ev = summarize(days, held, holdout_from="2504", relevance=0.5, section=0.0, cap=2, thresholds=(0.1, 0.75),
                   after_first=0.75, after_first_grid=(0.3, 0.6, 0.8))
    # day 1: 2504.5 (0.8) clears the bar as its second; day 2: 2504.2 (0.7) does not
    assert [(d, p.paper.arxiv_id) for d, p in ev.proposals] == [
        ("2025-04-01", "2504.1"), ("2025-04-01", "2504.5"), ("2025-04-02", "2504.7")]
    assert (ev.at_config.recalled, ev.at_config.proposals, ev.at_config.after_first) == (1, 3, 0.75)
    assert ev.headline().endswith("top-3 100%; a day's second and later proposals at 0.75 or above")
    assert [r.not_proposed_because for r in ev.rows] == [
        "", "score below 0.75, the bar after its day's first proposal (#2 of its day)",
        "score below 0.75, the bar after its day's first proposal (#3 of its day)"]
    # the sweep holds threshold and cap; a bar below the threshold (0.3) would be the threshold, so it is left out
    assert [(p.after_first_bar, p.recalled, p.proposals) for p in ev.after_first_sweep] == [
        (0.6, 2, 4), (0.75, 1, 3), (0.8, 1, 3)]
    doc = ev.to_json()
    assert doc["thresholds"] == {"relevance": 0.5, "section": 0.0, "relevance_after_first": 0.75}
    assert [p["after_first"] for p in doc["sweep_after_first"]] == [0.6, 0.75, 0.8]
    report = render_report(ev, "p.png")
    assert "thresholds.relevance_after_first = 0.75, max_proposals_per_run = 2." in report
    section = report.split("## After a day's first proposal (threshold 0.5, cap 2)\n", 1)[1]
    assert "| 0.75 ◀ configured | 2 | 1/3 | 33% | 3 |" in section and "| 0.60 | 2 | 2/3 | 67% | 4 |" in section
    # the sweeps and the per-cap best hold the bar as configured
    assert all(p.after_first == 0.75 for p in [*ev.best, *ev.sweep, *ev.caps])
    one = summarize(days, held, holdout_from="2504", relevance=0.5, section=0.0, cap=1, after_first=0.75)
    assert "With a cap of 1 a day never has a second proposal" in render_report(one, "p.png")
    plain = summarize(days, held, holdout_from="2504", relevance=0.5, section=0.0, cap=2)  # no bar: as before
    assert plain.at_config.after_first is None and [(d, p.paper.arxiv_id) for d, p in plain.proposals] == [
        ("2025-04-01", "2504.1"), ("2025-04-01", "2504.5"), ("2025-04-02", "2504.7"), ("2025-04-02", "2504.2")]
    assert [p.after_first for p in plain.after_first_sweep] == [0.5, 0.6, 0.7, 0.8, 0.9, 1.0]


def test_settings_picked_on_half_the_days_are_judged_on_the_other_half() -> None:
    """The in-sample best point is optimistic; the report also says what picking on some days gives on others."""
    held = [HeldOut("2504.1", "one", (A,)), HeldOut("2504.2", "two", (A,)), HeldOut("2504.3", "three", (A,)),
            HeldOut("2504.4", "four", (A,))]
    days = [
        # the 1st and 3rd days need a low threshold; on the 2nd and 4th a high one finds the same with less
        _day("2025-04-01", ("2504.1", 0.3, (A,))),
        _day("2025-04-02", ("2504.2", 0.9, (A,)), ("2504.8", 0.3, (A,))),
        _day("2025-04-03", ("2504.3", 0.3, (A,))),
        _day("2025-04-04", ("2504.4", 0.9, (A,)), ("2504.9", 0.3, (A,))),
    ]
    ev = summarize(days, held, holdout_from="2504", relevance=0.25, section=0.0, cap=1, thresholds=(0.25, 0.6),
                   caps=(1,))
    assert (ev.at_config.recalled, ev.at_config.per_day_mean) == (4, 1.0)  # in sample: all four
    cross = ev.out_of_sample
    assert cross is not None
    # the 2nd and 4th days find their papers at 0.25 and at 0.6 with the same volume: the tie goes to the
    # threshold with room to spare, 0.25, which also finds the 1st and 3rd days' papers (the higher one,
    # fitted to the papers it was picked on, would have found neither); the reverse can only pick 0.25
    assert [(p.threshold, p.cap) for p in cross.picked] == [(0.25, 1), (0.25, 1)]
    assert [j.recalled for j in cross.judged] == [2, 2] and (cross.recalled, cross.held_out) == (4, 4)
    assert ev.out_of_sample_line().startswith("out of sample: recall 4/4 (100%) at 1.00 proposals per feed day")
    assert ev.to_json()["out_of_sample"]["recalled"] == 4
    assert "judged on the other half, both ways: recall 4/4 (100%)" in render_report(ev, "p.png")
    # where the budget forces the 2nd and 4th days up to 0.6 (at 0.25 they propose two a day), the 1st and
    # 3rd days' papers are missed out of sample
    busy = [days[0], _day("2025-04-02", ("2504.2", 0.9, (A,)), ("2504.8", 0.3, (A,))), days[2],
            _day("2025-04-04", ("2504.4", 0.9, (A,)), ("2504.9", 0.3, (A,)))]
    tight = summarize(busy, held, holdout_from="2504", relevance=0.25, section=0.0, cap=2, thresholds=(0.25, 0.6),
                      caps=(2,))
    assert tight.out_of_sample is not None
    assert [(p.threshold, p.cap) for p in tight.out_of_sample.picked] == [(0.6, 2), (0.25, 2)]
    assert [j.recalled for j in tight.out_of_sample.judged] == [0, 2]
    assert summarize(days[:3], held, holdout_from="2504", relevance=0.25, section=0.0, cap=1).out_of_sample is None


def test_the_report_counts_per_day_what_the_replay_proposed(tmp_path: Path) -> None:
    """With a bar for a day's second paper, the per-day table must count the proposals the headline counts."""
    feeds = tmp_path / "feeds"
    shutil.copytree(FEEDS, feeds)
    config = make_config(tmp_path, relevance=0.01, relevance_after_first=0.95)
    config = config.model_copy(update={"max_proposals_per_run": 3})
    ev = evaluate(config, readme=README, metadata=METADATA, background=BACKGROUND, feeds_dir=feeds,
                  holdout_from="2503", encoder=HashingEncoder(), offline=True, thresholds=(0.1,))
    text = write_report(ev, tmp_path / "report")[0].read_text(encoding="utf-8")
    table = text.split("## Per day", 1)[1].splitlines()
    per_day = [int(line.rsplit("|", 2)[1]) for line in table if line.startswith("| 2025-")]
    assert sum(per_day) == len(ev.proposals) < 3 * len(ev.days)  # the bar held some days to one
    assert f"({len(ev.proposals)} over {len(ev.days)} days)" in text


def test_evaluate_writes_report_and_plot(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    shutil.copytree(FEEDS, feeds)
    config = make_config(tmp_path, relevance=0.3)
    ev = evaluate(config, readme=README, metadata=METADATA, background=BACKGROUND, feeds_dir=feeds,
                  holdout_from="2503", encoder=HashingEncoder(), offline=True, thresholds=(0.1, 0.5, 0.9))
    assert [d.day for d in ev.days] == ["2025-04-18", "2025-04-23", "2025-04-24"]
    assert [(r.arxiv_id, r.first_seen) for r in ev.rows] == FIXTURE_HELD_OUT
    assert ev.at_config.held_out == 7 and len(ev.held_out) == 71
    assert [s.threshold for s in ev.sweep] == [0.1, 0.3, 0.5, 0.9]
    assert [s.recalled for s in ev.sweep] == sorted((s.recalled for s in ev.sweep), reverse=True)

    md, png = write_report(ev, tmp_path / "report")
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# paperbot evaluate — hold-out from 2503\n")
    # A full disk while report.md is written: the plot of this replay must not stay beside the old report.
    md.write_text("old report")
    png.write_bytes(b"old plot")
    real_fsync = os.fsync

    def full(fd: int) -> None:
        if ".report.md." in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "fsync", full)
        with pytest.raises(PaperbotError, match=r"^cannot write .*report\.md: No space left on device$"):
            write_report(ev, tmp_path / "report")
    assert (md.read_text(), png.read_bytes()) == ("old report", b"old plot")
    assert sorted(p.name for p in md.parent.iterdir()) == ["replay.png", "report.md"]
    write_report(ev, tmp_path / "report")
    assert md.read_text(encoding="utf-8") == text
    assert "7 of the held-out papers appear in the feeds." in text
    for arxiv_id, day in FIXTURE_HELD_OUT:
        row = next(line for line in text.splitlines() if line.startswith(f"| {arxiv_id} |"))
        assert f"| {day} |" in row
    first = ev.rows[0]
    level = "top-1" if first.section_ok else ("top-3" if first.section_top3_ok else "no")
    row = next(line for line in text.splitlines() if line.startswith("| 2504.12322 |"))
    proposed = "yes" if first.proposed else f"no: {first.not_proposed_because}"
    assert row.endswith(
        f"| {first.day_rank} of {first.day_papers} | {proposed} | {' > '.join(first.predicted)} | "
        f"6. Application Areas > 6.3 Agent and Tool Use | {level} | {'yes' if first.place_ok else 'no'} |"
    )
    assert f"| 0.30 ◀ configured | {config.max_proposals_per_run} |" in text
    assert "## Best threshold for each cap, within 1 proposal(s) per feed day" in text
    scored = sum(len(d.scored) for d in ev.days)
    assert sum(b.papers for b in ev.calibration) == scored and sum(b.held_out for b in ev.calibration) == 7
    assert f"| all | {scored} | " in text and text.index("## Do the scores mean what they say?") < text.index(
        "## Proposals at the configured settings")
    assert "![recall and proposals per day against the relevance threshold](replay.png)" in text
    data = png.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 10_000
    # IHDR: width and height of the 8x4.5 inch figure at 100 dpi
    assert int.from_bytes(data[16:20], "big") == 800 and int.from_bytes(data[20:24], "big") == 450

    doc = ev.to_json()
    assert json.loads(json.dumps(doc)) == doc
    assert doc["held_out_in_feeds"] == 7
    assert [r["arxiv_id"] for r in doc["held_out"]] == [i for i, _ in FIXTURE_HELD_OUT]


def test_evaluate_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from bot import embed
    from bot.cli import main
    from tests.replay_support import ENCODER_NAME

    monkeypatch.setattr(embed, "load_encoder", lambda name, **kw: HashingEncoder())
    (tmp_path / "config.yaml").write_text(
        f"list: {{readme: {README}, metadata: {METADATA}}}\n"
        f"embedding: {{model: {ENCODER_NAME}, cache_dir: emb}}\n"
        f"training: {{background: {BACKGROUND}}}\n",
        encoding="utf-8",
    )
    args = ["evaluate", "--config", str(tmp_path / "config.yaml"), "--feeds", str(FEEDS), "--holdout-from", "2503",
            "--offline", "--report", str(tmp_path / "out"), "--threshold", "0.2", "--max-proposals", "2"]
    assert main([*args, "--threshold-after-first", "0.9", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["thresholds"]["relevance"] == 0.2 and doc["max_proposals_per_run"] == 2
    assert doc["thresholds"]["relevance_after_first"] == 0.9
    assert doc["report"] == str(tmp_path / "out" / "report.md") and Path(doc["plot"]).read_bytes()[:8] == PNG_SIGNATURE
    assert doc["at_config"]["held_out"] == 7 and doc["at_config"]["proposals_per_day_max"] <= 2
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("recall ") and ", cap 2;" in out[0] and "threshold 0.2," in out[0]
    assert out[1].startswith("best within 1 proposal(s) per feed day: ") or out[1].startswith("no threshold")
    assert out[2].startswith("out of sample: ")
    assert out[3].startswith("calibration: the scores expect ") and "found; at or above the threshold " in out[3]
    assert out[4].startswith("candidates issue (from score 0.02, 14 days, at most 30): it listed ")
    assert doc["candidates_issue"]["not_proposed"] == doc["at_config"]["held_out"] - doc["at_config"]["recalled"]
    assert out[5] == f"report: {tmp_path / 'out' / 'report.md'}  plot: {tmp_path / 'out' / 'replay.png'}"
    assert main(["evaluate", "--config", str(tmp_path / "config.yaml"), "--feeds", str(FEEDS),
                 "--holdout-from", "25x"]) == 2
    assert "--holdout-from '25x'" in capsys.readouterr().err
    (tmp_path / "file").write_text("not a folder")
    assert main([*args[:-6], "--report", str(tmp_path / "file" / "out")]) == 2  # before the replay, not after
    assert capsys.readouterr().err.startswith("paperbot: error: --report: cannot write ")
    (tmp_path / "busy" / "replay.png").mkdir(parents=True)  # the plot's name taken by a folder
    assert main([*args[:-6], "--report", str(tmp_path / "busy")]) == 2
    plot = tmp_path / "busy" / "replay.png"
    assert capsys.readouterr().err == f"paperbot: error: --report: cannot write {plot}: it is a folder\n"


def test_sweep_thresholds_keep_their_third_decimal() -> None:
    from bot.evaluate import _threshold

    assert [_threshold(t) for t in (0.015, 0.05, 0.3, 0.045)] == ["0.015", "0.05", "0.30", "0.045"]


def test_calibration_sets_expected_against_found_list_papers_per_score_range() -> None:
    held = [HeldOut("2504.1", "one", (A,)), HeldOut("2504.2", "two", (C,)), HeldOut("2504.3", "three", (B,))]
    days = [
        _day("2025-04-01", ("2504.1", 0.9, (A,)), ("2504.5", 0.005, (B,)), ("2504.6", 0.05, (B,))),
        _day("2025-04-02", ("2504.2", 0.04, (C,)), ("2504.3", 0.2, (A,)), ("2504.7", 1.0, (A,))),
    ]
    ev = summarize(days, held, holdout_from="2504", relevance=0.04, section=0.0, cap=2, thresholds=(0.1,))
    rows = [(b.low, b.high, b.papers, round(b.expected, 3), b.held_out) for b in ev.calibration]
    # the configured threshold is an edge; a score equal to an edge opens its range, 1.0 closes the last
    assert rows == [
        (0.0, 0.01, 1, 0.005, 0), (0.01, 0.04, 0, 0.0, 0), (0.04, 0.1, 2, 0.09, 1), (0.1, 0.3, 1, 0.2, 1),
        (0.3, 1.0, 2, 1.9, 1),
    ]
    assert ev.to_json()["calibration"][2] == {"from": 0.04, "to": 0.1, "papers": 2, "expected": 0.09, "held_out": 1}
    assert ev.calibration_line() == (
        "calibration: the scores expect 2.2 list papers among the 6 scored, 3 held-out found; at or above the "
        "threshold 2.2 expected, 3 found"
    )
    text = render_report(ev, "p.png")
    assert "| 0.04 – 0.10 | 2 | 0.1 | 1 |" in text and "| all | 6 | 2.2 | 3 |" in text
    no_edge = summarize(days, held, holdout_from="2504", relevance=0.0, section=0.0, cap=2, thresholds=(0.1,))
    assert [b.low for b in no_edge.calibration] == [0.0, 0.01, 0.1, 0.3]
