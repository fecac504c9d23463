"""README.md documents every config key with the table generated from the config model (no drift)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.config import CONFIG_TABLE_END, CONFIG_TABLE_START, config_table, describe_config

REPO = Path(__file__).resolve().parents[1]


def test_table_has_one_row_per_config_key() -> None:
    table = config_table().splitlines()
    rows = describe_config()
    assert table[:2] == ["| Key | Default | Meaning |", "| --- | --- | --- |"]
    assert len(table) == 2 + len(rows)
    assert "| `max_proposals_per_run` | `2` | Daily cap: at most this many proposals per run, best first (after the " \
        "first, only papers at or above thresholds.relevance_after_first). |" in table
    assert "| `schedule.timezone` | `America/New_York` | IANA timezone the cron is read in (DST-aware). |" in table
    # Every row has exactly three cells: pipes inside text are escaped.
    for line in table:
        assert line.replace("\\|", "").count("|") == 4, line


def test_python_m_bot_config_prints_the_table_between_markers() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bot.config"], capture_output=True, text=True, check=True, cwd=REPO, timeout=60
    ).stdout
    assert out == f"{CONFIG_TABLE_START}\n{config_table()}{CONFIG_TABLE_END}\n"


def test_readme_contains_exactly_the_generated_table() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert CONFIG_TABLE_START in readme and CONFIG_TABLE_END in readme, (
        "README.md lacks the config table; paste the output of `python -m bot.config`"
    )
    inside = readme.split(CONFIG_TABLE_START, 1)[1].split(CONFIG_TABLE_END, 1)[0]
    assert inside.strip("\n") == config_table().strip("\n"), (
        "README.md's config table is out of date; replace it with the output of `python -m bot.config`"
    )
