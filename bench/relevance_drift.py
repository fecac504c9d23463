"""How far do the relevance scores move when the model is retrained on nearly the same papers?

    python -m bench.relevance_drift [drops=5] [seeds=1,2,3,4,5] [repeats=K] [tol=T] [C=C]

The train workflow retrains on every change to the list, and `thresholds.relevance` is a probability,
so a retraining that moves the scores moves what the threshold lets through. On the dev replay's
training papers (as `paperbot evaluate --holdout-from 2503` trains; float32 vectors from the cache), this
refits the relevance model (1) without one list paper, for `drops` papers drawn at random (a maintainer
taking one out), and (2) on the same papers with other calibration folds (`Hyper.seed`), and prints the
held-out papers' scores as a share of the shipped fit's, and their ranks among the 6,633 feed papers.
repeats=K: Platt's sigmoid fitted on the cross-validated scores of K fold draws pooled. tol=T: the
logistic regression's convergence tolerance instead of the shipped Hyper.relevance_tol (1e-8 since
2026-12-04; `tol=1e-4 C=4` is the regression as shipped before, at scikit-learn's default tolerance). About
50 s a fit on 2 cores with a warm cache (tol=1e-4: 25 s; repeats=5: 100 s).
"""

from __future__ import annotations

import dataclasses
import sys
from typing import Any

import numpy as np

from bench.common import REPO, evaluate_training, fit_relevance


def pooled_calibration(model: Any, positives: list, background: list, vectors: np.ndarray, views: Any, seed: int,
                       repeats: int, feed_texts: list[str], feed_vectors: np.ndarray) -> np.ndarray:
    """The fitted model's regression, with Platt's sigmoid refitted on the cross-validated decision values of
    `repeats` fold draws (seeds seed, seed + 1, ...) pooled, instead of one draw's: a candidate for a
    calibration that moves less with which papers share a fold."""
    from sklearn.base import clone
    from sklearn.calibration import _SigmoidCalibration

    from bot.model import _features, _prior_shift, calibration_splits

    texts = [p.text for p in positives] + [p.text for p in background]
    y = np.r_[np.ones(len(positives)), np.zeros(len(background))]
    X = _features(model.tfidf_, [*texts, *views.texts], np.vstack([vectors, views.vectors]),
                  model.hyper.relevance_embedding_weight)
    y_all = np.r_[y, np.zeros(len(views))]
    regression = model.classifier_.calibrated_classifiers_[0].estimator
    decisions, labels = [], []
    for k in range(repeats):
        for train, test in calibration_splits(y, views, seed=seed + k):
            fold = clone(regression).fit(X[train], y_all[train])
            decisions.append(fold.decision_function(X[test]))
            labels.append(y_all[test])
    sigmoid = _SigmoidCalibration().fit(np.concatenate(decisions), np.concatenate(labels))
    feed = _features(model.tfidf_, feed_texts, feed_vectors, model.hyper.relevance_embedding_weight)
    return _prior_shift(sigmoid.predict(regression.decision_function(feed)), model.train_rate_,
                        model.hyper.relevant_rate)


def main() -> None:
    from bot.embed import embed_papers, encoder_cache, load_encoder
    from bot.model import title_views

    args = dict(a.split("=", 1) for a in sys.argv[1:])
    drops = int(args.get("drops", 5))
    repeats = int(args.get("repeats", 1))
    seeds = [int(s) for s in args.get("seeds", "1,2,3,4,5").split(",") if s]
    config, replay, hyper = evaluate_training("2503")
    if "tol" in args:  # the regression's convergence tolerance instead of the shipped Hyper.relevance_tol
        hyper = dataclasses.replace(hyper, relevance_tol=float(args["tol"]))
    if "C" in args:
        hyper = dataclasses.replace(hyper, relevance_C=float(args["C"]))
    background = replay.background
    encoder = load_encoder(config.embedding.model)
    cache = encoder_cache(REPO / ".cache/embeddings", encoder)
    positive_vectors = embed_papers(replay.positives, encoder, cache)
    background_vectors = embed_papers(background, encoder, cache)
    feed_texts = [p.text for p in replay.feed]
    feed_vectors = embed_papers(replay.feed, encoder, cache)
    held = np.array([p.arxiv_id in replay.held for p in replay.feed])

    def scores(drop: int | None, seed: int) -> np.ndarray:
        """The model as train_models fits it (its own tf-idf, title-only negatives), scoring the feed; with
        repeats=K the calibration is fitted on the cross-validated scores of K fold draws pooled."""
        positives = [p for i, p in enumerate(replay.positives) if i != drop]
        vectors = np.delete(positive_vectors, drop, axis=0) if drop is not None else positive_vectors
        training = np.vstack([vectors, background_vectors])
        views = title_views(positives, background, encoder, cache)
        model = fit_relevance(dataclasses.replace(hyper, seed=seed), positives, background, training, views)
        regression = model.classifier_.calibrated_classifiers_[0].estimator
        print(f"  (regression: {int(regression.n_iter_[0])} L-BFGS iterations, intercept "
              f"{float(regression.intercept_[0]):.3f})", flush=True)
        if repeats > 1:
            return pooled_calibration(model, positives, background, training, views, seed, repeats, feed_texts,
                                      feed_vectors)
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
