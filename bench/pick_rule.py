"""How `paperbot evaluate` picks a threshold and cap, judged on feed days it did not pick on.

    python -m bench.pick_rule [dump=/tmp/replay.pkl] [load=/tmp/replay.pkl]

The best point within one proposal per feed day is picked on the same 15 held-out papers it is reported
on, and most thresholds tie on recall. This replays the dev feeds as `paperbot evaluate --feeds
../shared/data/arxiv/feeds-dev --holdout-from 2503 --offline` does (same training, same `scan`; about 4
minutes, `load=` reuses a `dump=` file), then for each way of breaking the ties picks the threshold and
cap on some feed days and judges them on the others: alternate days (as the report's out-of-sample line),
the two halves of the period, every third and every fourth day, each part judged with what the others
picked. Budgets 1 and 0.8 proposals per feed day, the bar after a day's first proposal as configured.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable, Sequence
from typing import Any

from bench.common import FEEDS_DEV, REPO
from bot import evaluate as ev
from bot.config import load_config

Rule = Callable[[ev.OperatingPoint], tuple]
RULES: dict[str, Rule] = {
    "fewer proposals (until 4 Dec 2026)": lambda p: (p.recalled, p.section_top1, -p.proposals, p.threshold),
    "use the budget (shipped)": lambda p: (p.recalled, p.section_top1, p.proposals, -p.cap, -p.threshold),
    "use the budget, placement ignored": lambda p: (p.recalled, p.proposals, -p.cap, -p.threshold),
}
BUDGETS = (1.0, 0.8)


def replayed(dump: str | None, load: str | None) -> dict[str, Any]:
    """The replay's days, held-out papers and configured settings, as `evaluate` hands them to `summarize`."""
    if load:
        with open(load, "rb") as fh:
            return pickle.load(fh)
    captured: dict[str, Any] = {}
    summarize = ev.summarize

    def grab(days: Sequence[ev.DayReplay], held_out: Sequence[ev.HeldOut], **kw: Any) -> ev.Evaluation:
        captured.update(days=list(days), held_out=list(held_out), kw=kw)
        return summarize(days, held_out, **kw)

    ev.summarize = grab  # type: ignore[assignment]
    config = load_config(REPO / "config.yaml")
    ev.evaluate(config, readme=REPO / config.list.readme, metadata=REPO / config.list.metadata,
                background=REPO / config.training.background, feeds_dir=FEEDS_DEV, holdout_from="2503",
                offline=True)
    if dump:
        with open(dump, "wb") as fh:
            pickle.dump(captured, fh)
    return captured


def splits(n: int) -> dict[str, list[list[int]]]:
    return {
        "alternate days": [list(range(0, n, 2)), list(range(1, n, 2))],
        "two halves": [list(range(n // 2)), list(range(n // 2, n))],
        "every 3rd day": [list(range(k, n, 3)) for k in range(3)],
        "every 4th day": [list(range(k, n, 4)) for k in range(4)],
    }


def main(argv: Sequence[str]) -> None:
    opts = dict(a.split("=", 1) for a in argv)
    data = replayed(opts.get("dump"), opts.get("load"))
    days, held, kw = data["days"], data["held_out"], data["kw"]
    grid = sorted({round(t, 4) for t in ev.SWEEP} | {round(kw["relevance"], 4)})
    caps = sorted(set(ev.CAPS) | {kw["cap"]})
    after_first, section = kw.get("after_first"), kw["section"]

    def point(idx: Sequence[int], t: float, c: int) -> ev.OperatingPoint:
        return ev.operating_point([days[i] for i in idx], held, relevance=t, section=section, cap=c,
                                  after_first=after_first)

    grids: dict[tuple[int, ...], list[ev.OperatingPoint]] = {}
    print(f"{len(days)} feed days, {len(held)} held-out entries (those in the feeds count); bar after a day's "
          f"first: {after_first}")
    print("| budget | tie rule | days picked on / judged on | recalled | proposals per feed day | picked |")
    print("|---|---|---|---|---|---|")
    for budget in BUDGETS:
        for rule_name, rule in RULES.items():
            every = grids.setdefault(tuple(range(len(days))),
                                     [point(range(len(days)), t, c) for c in caps for t in grid])
            best = max((p for p in every if p.per_day_mean <= budget + 1e-9), key=rule)
            print(f"| {budget:g} | {rule_name} | all / all (in sample) | {best.recalled}/{best.held_out} | "
                  f"{best.per_day_mean:.2f} | {best.threshold:g} / cap {best.cap} |")
            for split_name, parts in splits(len(days)).items():
                recalled = held_out = proposals = n_days = 0
                picks = []
                for k, judged_on in enumerate(parts):
                    picked_on = tuple(i for j, part in enumerate(parts) if j != k for i in part)
                    points = grids.setdefault(picked_on, [point(picked_on, t, c) for c in caps for t in grid])
                    within = [p for p in points if p.per_day_mean <= budget + 1e-9]
                    if not within:
                        picks.append("nothing within the budget")
                        continue
                    pick = max(within, key=rule)
                    picks.append(f"{pick.threshold:g} / cap {pick.cap}")
                    judged = point(judged_on, pick.threshold, pick.cap)
                    recalled += judged.recalled
                    held_out += judged.held_out
                    proposals += judged.proposals
                    n_days += judged.days
                rate = proposals / n_days if n_days else 0.0
                print(f"| {budget:g} | {rule_name} | {split_name} | {recalled}/{held_out} | {rate:.2f} | "
                      f"{', '.join(picks)} |")


if __name__ == "__main__":
    main(sys.argv[1:])
