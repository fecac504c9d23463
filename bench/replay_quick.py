"""Dev replay, quickly: train without entries >= 2503, replay feeds-dev day by day, sweep thresholds.

    python -m bench.replay_quick [hyper=value ...]

Same training code as `paperbot train` (bot.model.train_models) and the same ranking rule as scan
(`select_proposals`: best relevance first, at most max_proposals_per_run a day, above the threshold, the
second and later above thresholds.relevance_after_first too) and the product's feed
reader (bot.feeds.read_feeds). `paperbot evaluate` is the product path; this prints per-paper ranks too.
"""

from __future__ import annotations

import dataclasses
import sys
import time

import numpy as np

from bench.common import FEEDS_DEV, REPO, read_feed_days
from bot.config import load_config
from bot.embed import config_encoder, encoder_cache
from bot.listfile import read_list
from bot.model import Hyper, group_of, is_held_out, train_models
from bot.propose import select_proposals

HOLDOUT = "2503"
SWEEP = [0.02, 0.04, 0.05, 0.06, 0.07, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9]


def main() -> None:
    overrides = {}
    for arg in sys.argv[1:]:
        k, v = arg.split("=")
        field = {f.name: f for f in dataclasses.fields(Hyper)}[k]
        overrides[k] = type(field.default)(v)
    config = load_config(REPO / "config.yaml")
    cap = config.max_proposals_per_run
    enc = config_encoder(config)
    if overrides:
        import bot.model as bm

        base = bm.hyper_from_config

        def patched(cfg):
            return dataclasses.replace(base(cfg), **overrides)

        bm.hyper_from_config = patched
    t = time.time()
    model, report = train_models(
        config, readme=config.list.readme, metadata=config.list.metadata, background=config.training.background,
        models_dir=None, holdout_from=HOLDOUT, offline=True, encoder=enc, evaluate=False,
    )
    print(f"trained in {time.time() - t:.0f}s on {report['entries']['papers']} papers; hyper {model.meta['hyper']}")
    plist = read_list(config.list.readme)
    held: dict[str, set] = {}
    for e in plist.entries:
        if is_held_out(e.arxiv_id, HOLDOUT):
            held.setdefault(e.arxiv_id, set()).add(group_of(plist.section_by_id(e.section_id).path))
    train_ids = {e["arxiv_id"] for e in model.entries if e["arxiv_id"]}
    days = read_feed_days(FEEDS_DEV)
    cache = encoder_cache(config.embedding.cache_dir, enc)
    scored_days = []
    for day, papers in days:
        papers = [p for p in papers if p.arxiv_id not in train_ids]
        scored_days.append((day, model.score(papers, enc, cache, unsure_margin=config.thresholds.unsure_margin)))
    in_feeds = {s.paper.arxiv_id for _, ss in scored_days for s in ss} & set(held)
    print(f"{len(days)} days, {sum(len(s) for _, s in scored_days)} papers scored, {len(in_feeds)} held-out in feeds")
    all_scored = [s for _, ss in scored_days for s in ss]
    rel = np.array([s.relevance for s in all_scored])
    ranks = {s.paper.arxiv_id: int((rel > s.relevance).sum()) + 1 for s in all_scored if s.paper.arxiv_id in in_feeds}
    for s in sorted((s for s in all_scored if s.paper.arxiv_id in in_feeds), key=lambda s: -s.relevance):
        right = group_of(s.sections[0].path) in held[s.paper.arxiv_id]
        top3 = any(group_of(x.path) in held[s.paper.arxiv_id] for x in s.sections[:3])
        print(f"  {s.paper.arxiv_id} p={s.relevance:.3f} rank={ranks[s.paper.arxiv_id]:5d} section "
              f"{'OK ' if right else ('top3' if top3 else 'no  ')} {' > '.join(s.sections[0].path)[:60]}"
              f"  | {s.paper.title[:50]}")
    print(f"threshold  recall  proposals/day  section-top1  (cap {cap}/day)")
    for thr in SWEEP:
        proposed = []
        for _, ss in scored_days:
            proposed += select_proposals(ss, relevance=thr, section=config.thresholds.section, max_proposals=cap,
                                         after_first=config.thresholds.relevance_after_first)
        hits = [p for p in proposed if p.paper.arxiv_id in in_feeds]
        right = sum(group_of(p.section.path) in held[p.paper.arxiv_id] for p in hits)
        print(f"{thr:9.2f}  {len(hits):2d}/{len(in_feeds)}  {len(proposed) / len(days):13.2f}  "
              f"{right}/{len(hits)}")


if __name__ == "__main__":
    main()
