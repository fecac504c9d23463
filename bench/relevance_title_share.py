"""Where a list counts as learnt from titles: the seed list with its abstracts withheld from a share of its papers.

    python -m bench.relevance_title_share [shares=0,0.25,0.5,0.75,1] [seeds=0] [holdout=2503]

`bot.model.learnt_from` calls a list learnt from titles, and so shifts its relevance scores to the feed's rate
(`RelevanceModel.calibrate_to_feed`), where more than `bot.model.TITLES_SHARE` of its papers are title only (it
was a half until this sweep). This sweeps that share:
for each share, the abstracts of that share of the seed list's papers that have one (held out from `holdout`,
picked at random with each seed) are withheld, the relevance model is fitted as `paperbot train` fits it (its
tf-idf, the title-only negatives), and the dev replay's 32 days are scored with and without the shift: held-out
papers proposed at the shipped thresholds (0.045, a day's second at 0.4, at most 2) and proposals per feed day,
next to recall at <= 1 a day (the best threshold), which the shift, keeping the order, does not change.

A cheaper relevance_title_list: one fit per share and seed, no title-scored variants, the vectors from the
product's embedding cache (bench.embed_all warms it).
"""

from __future__ import annotations

import sys
import time

import numpy as np

from bench.common import REPO
from bench.relevance_ceiling import budget_recall
from bench.relevance_title_list import CAP, Bench, at_thresholds, logit
from bot.model import (
    ListPaper,
    is_held_out,
    learnt_from,
    title_only,
)
from bot.papers import Paper


def withheld(positives: list[Paper], share: float, seed: int) -> list[Paper]:
    """The list papers with the abstracts of `share` of those that have one withheld (at random by `seed`)."""
    with_abstract = [i for i, p in enumerate(positives) if p.abstract]
    rng = np.random.default_rng(seed)
    picked = set(rng.permutation(with_abstract)[: round(share * len(with_abstract))].tolist())
    return [title_only(p) if i in picked else p for i, p in enumerate(positives)]


def run(b: Bench, positives: list[Paper], held: set[str], label: str) -> None:
    background, days, feed, held = b.replay_of(b.plist, positives, held)
    t = time.time()
    model, _, neg_v, _ = b.fit(positives, background)
    feed_texts, feed_v = [p.text for p in feed], b.vectors(feed)
    plain = model.predict(feed_texts, feed_v)
    full_bg = [i for i, p in enumerate(background) if p.abstract]
    model.calibrate_to_feed([background[i].text for i in full_bg], neg_v[full_bg])
    shifted = model.predict(feed_texts, feed_v)
    titled = sum(not p.abstract for p in positives)
    rule = learnt_from([ListPaper("", p, [], bool(p.abstract)) for p in positives])
    hits, props, _ = budget_recall(days, logit(plain), held, cap=CAP)
    a_hits, a_n = at_thresholds(days, plain, held)
    s_hits, s_n = at_thresholds(days, shifted, held)
    print(f"| {label} | {titled}/{len(positives)} ({titled / len(positives):.0%}) | {rule} | {hits}/{len(held)} in "
          f"{props} | {a_hits}/{len(held)} at {a_n / len(days):.2f}/day, {plain.sum():.1f} | {s_hits}/{len(held)} at "
          f"{s_n / len(days):.2f}/day, {shifted.sum():.1f} | {model.feed_shift_:+.2f} | ({time.time() - t:.0f}s)",
          flush=True)


def main() -> None:
    args = dict(a.split("=", 1) for a in sys.argv[1:])
    shares = [float(x) for x in args.get("shares", "0,0.25,0.5,0.75,1").split(",")]
    seeds = [int(x) for x in args.get("seeds", "0").split(",")]
    holdout = args.get("holdout", "2503")
    b = Bench()
    held = {e.arxiv_id for e in b.plist.entries if e.arxiv_id and is_held_out(e.arxiv_id, holdout)}
    positives = list(b.replay.positives)
    print("| abstracts withheld (seed) | title only | learnt_from | recall at <= 1/day | no shift: at the thresholds, "
          "expected | shifted: at the thresholds, expected | shift | |")
    print("|---|---|---|---|---|---|---|---|")
    for share in shares:
        for seed in seeds if 0 < share < 1 else seeds[:1]:
            run(b, withheld(positives, share, seed), set(held), f"{share:.0%} ({seed})")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
