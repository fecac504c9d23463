"""Papers over the daily cap: dropped (as shipped) or carried to the next days?

    python -m bench.carry_over

`scan` proposes the best `max_proposals_per_run` papers above the threshold and marks every scored paper
seen, so a paper that passes on a busy day but misses the cap is never proposed. This replays the dev
feeds exactly as `paperbot evaluate --feeds ../shared/data/arxiv/feeds-dev --holdout-from 2503 --offline`
does (same training, same `scan`, same scores), then re-runs the daily selection with a carry-over queue:
a paper that passed but was capped competes again on each of the next K feed days, by its score. For
each K it prints the most held-out papers recalled within one proposal per feed day on average (the
threshold and cap `paperbot evaluate` would pick), and the proposals that took.
"""

from __future__ import annotations

from collections.abc import Sequence

from bench.common import FEEDS_DEV, REPO
from bot.config import load_config
from bot.embed import config_encoder
from bot.evaluate import CAPS, SWEEP, ListWithoutHeldOut, day_files, held_out_entries, replay
from bot.listfile import read_list
from bot.model import train_models

HOLDOUT = "2503"
CARRY = (0, 1, 2, 3, 5, 10)  # feed days a capped paper stays in the running; 0 = as shipped


def simulate(days: Sequence[list[tuple[float, str]]], threshold: float, cap: int, carry: int,
             after_first: float = 0.0) -> list[list[str]]:
    """Ids proposed each day: today's papers above the threshold plus the capped ones of the last `carry`
    days, best score first, at most `cap`, the second and later also at `after_first` or above (as
    `select_proposals`)."""
    queue: list[tuple[float, str, int]] = []  # (score, id, day it was announced)
    out = []
    for n, scored in enumerate(days):
        pool = [(s, i, n) for s, i in scored if s >= threshold] + [q for q in queue if n - q[2] <= carry]
        pool.sort(key=lambda q: (-q[0], q[1]))
        take = pool[:1] + [q for q in pool[1:] if q[0] >= after_first]
        out.append([i for _, i, _ in take[:cap]])
        chosen = set(out[-1])
        queue = [q for q in pool if q[1] not in chosen]
    return out


def main() -> None:
    config = load_config(REPO / "config.yaml")
    encoder = config_encoder(config)
    readme = config.list.readme
    plist = read_list(readme)
    held = held_out_entries(plist, HOLDOUT)
    model, _ = train_models(
        config, readme=readme, metadata=config.list.metadata, background=config.training.background,
        models_dir=None, holdout_from=HOLDOUT, offline=True, encoder=encoder, evaluate=False,
    )
    replayed = replay(config, day_files(FEEDS_DEV), plist=ListWithoutHeldOut(plist, held), model=model,
                      encoder=encoder, place_from=min(SWEEP))
    days = [[(float(s.relevance), s.paper.arxiv_id) for s in d.scored] for d in replayed]
    truth = {h.arxiv_id for h in held}
    in_feeds = truth & {i for d in days for _, i in d}
    n_days = len(days)
    print(f"{n_days} feed days, {sum(map(len, days))} papers scored, {len(in_feeds)} held-out papers in them")
    bar = config.thresholds.relevance_after_first
    print(f"a day's second and later proposals need {bar:g} (thresholds.relevance_after_first)")
    print("carry (days) | best within 1/day: recalled, proposals, threshold, cap | at the shipped "
          f"{config.thresholds.relevance:g} / cap {config.max_proposals_per_run}")
    for carry in CARRY:
        best = None
        for cap in CAPS:
            for t in SWEEP:
                proposed = simulate(days, t, cap, carry, bar)
                total = sum(map(len, proposed))
                hits = len(truth & {i for d in proposed for i in d})
                if total <= n_days and (best is None or (hits, -total, t) > (best[0], -best[1], best[2])):
                    best = (hits, total, t, cap)
        shipped = simulate(days, config.thresholds.relevance, config.max_proposals_per_run, carry, bar)
        s_hits = len(truth & {i for d in shipped for i in d})
        assert best is not None
        print(f"{carry:>12} | {best[0]}/{len(in_feeds)} in {best[1]} (threshold {best[2]:g}, cap {best[3]}) | "
              f"{s_hits}/{len(in_feeds)} in {sum(map(len, shipped))}")


if __name__ == "__main__":
    main()
