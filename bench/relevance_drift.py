"""How far do the relevance scores move when the model is retrained on nearly the same papers?

    python -m bench.relevance_drift [drops=5] [seeds=1,2,3,4,5]

The train workflow retrains on every change to the list, and `thresholds.relevance` is a probability,
so a retraining that moves the scores moves what the threshold lets through. On the dev replay's
training papers (as `paperbot evaluate --holdout-from 2503` trains; float32 vectors from the cache), this
refits the relevance model (1) without one list paper, for `drops` papers drawn at random (a maintainer
taking one out), and (2) on the same papers with other calibration folds (`Hyper.seed`), and prints the
held-out papers' scores as a share of the shipped fit's, and their ranks among the 6,633 feed papers.
About 25 s a fit on 2 cores with a warm cache.
"""

from __future__ import annotations

import dataclasses
import sys

import numpy as np

from bench.common import REPO, evaluate_training, fit_relevance


def main() -> None:
    from bot.embed import embed_papers, encoder_cache, load_encoder
    from bot.model import title_views

    args = dict(a.split("=", 1) for a in sys.argv[1:])
    drops = int(args.get("drops", 5))
    seeds = [int(s) for s in args.get("seeds", "1,2,3,4,5").split(",") if s]
    config, replay, hyper = evaluate_training("2503")
    background = replay.background
    encoder = load_encoder(config.embedding.model)
    cache = encoder_cache(REPO / ".cache/embeddings", encoder)
    positive_vectors = embed_papers(replay.positives, encoder, cache)
    background_vectors = embed_papers(background, encoder, cache)
    feed_texts = [p.text for p in replay.feed]
    feed_vectors = embed_papers(replay.feed, encoder, cache)
    held = np.array([p.arxiv_id in replay.held for p in replay.feed])

    def scores(drop: int | None, seed: int) -> np.ndarray:
        """The model as train_models fits it (its own tf-idf, title-only negatives), scoring the feed."""
        positives = [p for i, p in enumerate(replay.positives) if i != drop]
        vectors = np.delete(positive_vectors, drop, axis=0) if drop is not None else positive_vectors
        model = fit_relevance(dataclasses.replace(hyper, seed=seed), positives, background,
                              np.vstack([vectors, background_vectors]),
                              title_views(positives, background, encoder, cache))
        return model.predict(feed_texts, feed_vectors)

    def line(name: str, got: np.ndarray, base: np.ndarray) -> None:
        ratio = got[held] / base[held]
        ranks = np.empty(len(got), dtype=int)
        ranks[np.argsort(-got, kind="stable")] = np.arange(1, len(got) + 1)
        print(f"{name:38s} score / shipped fit's: median {np.median(ratio):.3f}, range {ratio.min():.3f}-"
              f"{ratio.max():.3f}; held-out ranks {sorted(ranks[held].tolist())[:11]} ...", flush=True)

    base = scores(None, hyper.seed)
    order = np.argsort(-base[held])
    print(f"shipped fit (seed {hyper.seed}): held-out scores {np.round(base[held][order], 3).tolist()}")
    line("the same fit again", scores(None, hyper.seed), base)
    rng = np.random.default_rng(0)
    for i in rng.choice(len(replay.positives), size=min(drops, len(replay.positives)), replace=False):
        paper = replay.positives[int(i)]
        line(f"without {paper.arxiv_id or paper.title[:30]}", scores(int(i), hyper.seed), base)
    for seed in seeds:
        line(f"calibration folds of seed {seed}", scores(None, seed), base)


if __name__ == "__main__":
    main()
