"""`paperbot demo`: the main job, offline, on what ships with paperbot — README's first command.

Shipped models (trained on the seed list), one real day of arXiv's feed (data/demo/), the seed list,
as a dry run: it prints the README diff and the pull request body, then where to go next. No network,
no token, no config file. State lives in a temporary directory, so every demo run prints the same thing.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.config import Config
from bot.errors import PaperbotError

if TYPE_CHECKING:
    from bot.embed import Encoder
    from bot.publish import RunReport

log = logging.getLogger("paperbot.demo")

# The source checkout paperbot was installed from (`pip install -e .`): data/ and models/ live there.
ROOT = Path(__file__).resolve().parents[1]
DEMO_DATE = "2025-04-18"  # the announcement day of the bundled feed; also the date on the demo's PR
DEMO_FEED = Path("data/demo") / f"{DEMO_DATE}.xml"

NEXT_STEPS = """\
Next steps
  1. Your own list: its README and a copy of examples/paperbot.yaml in a folder (config.yaml explains
     every key); set feeds.urls and training.background, then `paperbot train` and `paperbot scan` there
     (README: "Your own list, tried locally first"; tune thresholds with `paperbot evaluate`).
  2. Your repository, still changing nothing: export GITHUB_TOKEN=<token> GITHUB_REPOSITORY=<owner/list>
     and run `paperbot run --dry-run`; without --dry-run it opens the pull request.
  3. Every weekday, hands off: add .github/workflows/paperbot.yml, paperbot-train.yml and
     examples/paperbot.yaml (as paperbot.yaml) to the list's repository, and allow GitHub Actions to
     create pull requests (README: "Run it on your list's repository").
"""


def demo_config(root: Path = ROOT) -> Config:
    """The embedded defaults, read relative to paperbot's checkout, fed the bundled day."""
    base = Config().resolve_paths(root)
    return base.model_copy(update={"feeds": base.feeds.model_copy(update={"urls": [str(root / DEMO_FEED)]})})


def _check_files(config: Config, root: Path) -> None:
    needed = [
        (root / DEMO_FEED, "the bundled arXiv feed"),
        (config.list.readme, "the seed list"),
        (config.training.models_dir, "the shipped models"),
    ]
    for path, what in needed:
        if not path.exists():
            raise PaperbotError(
                f"{path}: {what} is missing; the demo runs from paperbot's source checkout "
                f"(git clone, then pip install -e .)"
            )


def run_demo(out: TextIO | None = None, *, root: Path = ROOT, encoder: Encoder | None = None) -> RunReport:
    """Dry-run the whole job on the demo inputs; print the diff, the PR body and the next steps."""
    from bot.publish import run_job, summary

    out = out or sys.stdout
    config = demo_config(root)
    _check_files(config, root)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="paperbot-demo-") as tmp:
        report = run_job(
            config,
            dry_run=True,
            state_path=Path(tmp) / "state.json",  # never remembers papers between demo runs
            today=DEMO_DATE,
            out=out,
            environ={},  # no token, no repository: the local dry run, whatever the shell exports
            encoder=encoder,
            offline=True,  # no arXiv API request either (a proposal's venue from its comment)
        )
    for line in summary(report, dry_run=True):
        out.write(line + "\n")
    out.write("\n" + NEXT_STEPS)
    log.info("demo finished in %.1f s", time.monotonic() - started)
    return report
