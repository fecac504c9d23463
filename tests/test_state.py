from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.errors import PaperbotError
from bot.state import SCHEMA_VERSION, State


def test_missing_file_is_an_empty_state(tmp_path: Path) -> None:
    state = State.load(tmp_path / "state.json")
    assert (state.seen, state.proposed, state.rejected) == ({}, {}, {})
    assert state.path == tmp_path / "state.json"
    assert not state.is_known("2401.16380")


def test_round_trip_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "state.json"
    state = State.load(path)
    state.mark_seen(["2504.16102v1", "2504.16103"], "2025-04-24")
    state.mark_seen(["2504.16102v2"], "2025-04-25")  # the first date stays
    state.mark_proposed("2504.12322", date="2025-04-25", pr="https://github.com/o/r/pull/7",
                        section=["6. Applications", "6.3 Agent and Tool Use"])
    state.mark_rejected("2504.00001v3", date="2025-04-26", pr="https://github.com/o/r/pull/8")
    state.save()

    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc == {
        "version": SCHEMA_VERSION,
        "seen": {"2504.00001": "2025-04-26", "2504.12322": "2025-04-25", "2504.16102": "2025-04-24",
                 "2504.16103": "2025-04-24"},
        "proposed": {"2504.12322": {"date": "2025-04-25", "pr": "https://github.com/o/r/pull/7",
                                    "section": ["6. Applications", "6.3 Agent and Tool Use"]}},
        "rejected": {"2504.00001": {"date": "2025-04-26", "pr": "https://github.com/o/r/pull/8"}},
    }
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]  # no temp file left behind

    again = State.load(path)
    assert again.to_json() == doc
    assert again.is_known("2504.16102v9") and "2504.12322" in again and "2504.00001v1" in again
    assert not again.is_known("2504.99999") and "2504.99999" not in again


def test_from_json_and_to_json_for_syncing(tmp_path: Path) -> None:
    doc = {"version": SCHEMA_VERSION, "seen": {"2401.16380": "2024-01-30"}, "proposed": {}, "rejected": {}}
    state = State.from_json(doc)
    assert state.path is None and state.to_json() == doc
    with pytest.raises(PaperbotError, match="no file"):
        state.save()


def test_corrupt_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"version": 1, "seen": {', encoding="utf-8")
    with pytest.raises(PaperbotError) as info:
        State.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}: state file is not valid JSON")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"version": 2, "seen": {}}, "state schema version 2 is not supported"),
        ({"seen": {}}, "state schema version None is not supported"),
        ([1, 2], "state must be a JSON object, got list"),
        ({"version": 1, "seen": []}, "'seen' must be a JSON object, got list"),
        ({"version": 1, "seen": {"2401.16380": 5}}, "'seen' must map arXiv ids to ISO dates"),
        ({"version": 1, "proposed": {"2401.16380": "x"}}, "every 'proposed' value must be a JSON object"),
    ],
)
def test_wrong_shape_or_version_names_the_file(tmp_path: Path, doc: object, expected: str) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(PaperbotError, match=f"^{path}: ") as info:
        State.load(path)
    assert expected in str(info.value)


def test_load_none_is_an_in_memory_state() -> None:
    state = State.load(None)
    state.mark_seen(["2401.16380"], "2024-01-30")
    assert state.is_known("2401.16380v2")


def test_hand_edited_versioned_ids_are_the_same_papers(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 1, "seen": {"2504.12687v2": "2025-04-18"},
                                "rejected": {"arXiv:2504.12913v1": {"date": "2025-04-20", "pr": None}}}))
    state = State.load(path)
    assert state.is_known("2504.12687") and state.is_known("2504.12687v3")
    assert "2504.12913" in state.rejected and state.is_known("2504.12913")


def test_keys_a_newer_paperbot_wrote_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 1, "seen": {}, "pending": {"2504.12687": {"since": "2025-04-18"}}}))
    state = State.load(path)
    state.mark_seen(["2504.12913"], "2025-04-19")
    state.save()
    doc = json.loads(path.read_text())
    assert doc["pending"] == {"2504.12687": {"since": "2025-04-18"}} and doc["seen"] == {"2504.12913": "2025-04-19"}


def test_held_back_papers_are_recorded_with_why_and_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    state = State.load(path)
    state.mark_held_back("2504.12913v1", date="2025-04-18", score=0.07391, why="over the cap: #3 of its day, cap 2",
                         section=["4. Methods", "4.3. Instruction Tuning"])
    state.mark_held_back("2504.12913", date="2025-04-19", score=0.5, why="later")  # the first record stays
    state.save()
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["held_back"] == {"2504.12913": {"date": "2025-04-18", "score": 0.0739,
                                               "why": "over the cap: #3 of its day, cap 2",
                                               "section": ["4. Methods", "4.3. Instruction Tuning"]}}
    assert doc["seen"] == {"2504.12913": "2025-04-18"}  # held back is seen: never scored again
    assert State.load(path).to_json() == doc
    # a state file from before held_back loads as it is, and is written back without the key
    old = {"version": SCHEMA_VERSION, "seen": {}, "proposed": {}, "rejected": {}}
    assert State.from_json(old).to_json() == old
    with pytest.raises(PaperbotError, match="every 'held_back' value must be a JSON object"):
        State.from_json({**old, "held_back": {"2504.12913": "x"}})


@pytest.mark.parametrize(("book", "record", "problem"), [
    ("candidates", {"date": "2026-12-04", "score": "x", "paper": {}}, "'score' must be a number, got \"x\""),
    ("candidates", {"date": "2026-12-04", "score": 0.1, "paper": "x"}, "'paper' must be a JSON object"),
    ("held_back", {"date": 20261204, "score": 0.1}, "'date' must be an ISO date string"),
    ("proposed", {"date": "2026-12-04", "section": "6. Application Areas"}, "'section' must be a list"),
    ("proposed", {"date": "2026-12-04", "section": ["6. Application Areas", 2]}, "'section' must be a list"),
    ("rejected", {"date": "2026-12-04", "pr": ["#3"]}, "'pr' must be a string, a number or null"),
    ("held_back", {"date": "2026-12-04", "score": True}, "'score' must be a number, got true"),
])
def test_a_hand_edited_record_of_another_shape_stops_at_load(tmp_path: Path, book: str, record: dict,
                                                              problem: str) -> None:
    """A record runs would read as it is (the candidates issue turns a score into a float) is checked when
    the state loads: one line naming the file, the record and the field, not a traceback later."""
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": SCHEMA_VERSION, "seen": {}, book: {"2504.12913": record}}),
                    encoding="utf-8")
    with pytest.raises(PaperbotError) as caught:
        State.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: '{book}' record 2504.12913: ") and problem in message
    assert "\n" not in message
    # the records runs write load back as they are
    state = State(path=path)
    state.mark_candidate("2504.12913", {"date": "2026-12-04", "score": 0.03, "why": "under the threshold",
                                        "reason": "under the threshold", "section": ["7. Tools"],
                                        "paper": {"arxiv_id": "2504.12913", "title": "MAIN"}})
    state.mark_proposed("2504.12687", date="2026-12-04", pr="https://github.com/o/r/pull/1", section=["7. Tools"])
    state.mark_rejected("2504.12773", date="2026-12-04", pr=None)
    state.save()
    assert State.load(path).to_json() == state.to_json()


def test_papers_done_with_are_old_and_wanted_by_nothing() -> None:
    """What the embedding cache may forget: seen before the date, and neither proposed (the list's, once
    merged), rejected (training negatives) nor on the candidates issue (a tick proposes it)."""
    state = State()
    state.mark_seen(["2503.00001", "2503.00002", "2504.00001"], "2025-03-20")
    state.mark_seen(["2505.00001"], "2025-05-02")
    state.mark_proposed("2503.00003", date="2025-03-21")
    state.mark_rejected("2503.00004", date="2025-03-21")
    state.mark_candidate("2503.00002", {"date": "2025-03-20", "score": 0.03})
    state.mark_held_back("2503.00005", date="2025-03-22", score=0.2, why="the daily cap")
    assert state.done_with("2025-05-01") == {"2503.00001", "2504.00001", "2503.00005"}
    assert state.done_with("2025-03-20") == set()


def test_papers_only_seen_are_forgotten_after_a_while_and_a_merged_save_keeps_them_out() -> None:
    """A paper scored and passed over months ago never comes back in a daily feed: its 'seen' date goes.
    Those a later run asks about stay: proposed, rejected, held back since the cut (seen, so never scored again)
    and the candidates issue's. Another run's copy of the state, merged at save, does not bring them back."""
    from bot.github import _merge_state

    state = State()
    state.mark_seen(["2503.00001", "2503.00002"], "2025-03-20")
    state.mark_seen(["2505.00001"], "2025-05-02")
    state.mark_proposed("2503.00003", date="2025-03-21")
    state.mark_rejected("2503.00004", date="2025-03-21")
    state.mark_held_back("2503.00005", date="2025-05-01", score=0.2, why="the daily cap")
    state.mark_candidate("2503.00006", {"date": "2025-03-20", "score": 0.03})
    theirs = State.from_json(state.to_json())
    theirs.mark_seen(["2503.00007"], "2025-03-23")  # another run saved meanwhile
    state.forget_seen("2025-05-01")
    assert sorted(state.seen) == ["2503.00003", "2503.00004", "2503.00005", "2503.00006", "2505.00001"]
    assert state.forgotten == {"2503.00001", "2503.00002"}
    assert not state.is_known("2503.00001") and state.is_known("2503.00005")
    _merge_state(state, theirs)
    assert sorted(state.seen) == ["2503.00003", "2503.00004", "2503.00005", "2503.00006", "2505.00001"]
    assert state.forgotten == {"2503.00001", "2503.00002", "2503.00007"}


def test_held_back_records_go_with_the_seen_dates_but_those_the_issue_lists() -> None:
    """A day holds back a few papers for good: their records (for `explain`) are dropped at the same cut as
    the 'seen' dates, their 'seen' date with them, unless the candidates issue still lists the paper; a merged
    save does not bring them back, and `explain` still tells why of one held back since."""
    from bot.github import _merge_state

    state = State()
    state.mark_held_back("2503.00005", date="2025-03-22", score=0.2, why="over the daily cap of 1 (#2 of its day)")
    state.mark_held_back("2504.00005", date="2025-04-30", score=0.2, why="over the daily cap of 1 (#3 of its day)")
    state.mark_held_back("2505.00005", date="2025-05-01", score=0.3, why="over the daily cap of 1 (#2 of its day)")
    state.mark_candidate("2504.00005", {"date": "2025-04-30", "score": 0.2})  # on the issue (dashboard.days)
    theirs = State.from_json(state.to_json())  # another run's copy, saved meanwhile
    state.forget_seen("2025-05-01")
    assert sorted(state.held_back) == ["2504.00005", "2505.00005"]
    assert sorted(state.seen) == ["2504.00005", "2505.00005"] and state.forgotten == {"2503.00005"}
    _merge_state(state, theirs)
    assert sorted(state.held_back) == ["2504.00005", "2505.00005"] and "2503.00005" not in state.seen
    doc = state.to_json()
    assert doc["held_back"]["2505.00005"] == {"date": "2025-05-01", "score": 0.3,
                                              "why": "over the daily cap of 1 (#2 of its day)", "section": []}
