"""Does the plain encoder still add something once sections are tuned? Blend the leave-one-out group
scores of the tuned head (each paper through the encoder tuned without its fold) with the plain head's.

    python -m bench.section_tuned dump=/tmp/tuned.pkl      # tunes 6 encoders, 20-45 minutes
    python -m bench.section_tuned_blend /tmp/tuned.pkl     # a minute

Scores per paper come from the product's SectionModel refit without the paper, as in bot.model.section_loo.
"""

from __future__ import annotations

import pickle
import sys

import numpy as np

from bot.model import Hyper, SectionModel


def loo_scores(vectors_for, labels: np.ndarray, hyper: Hyper) -> np.ndarray:
    n = len(labels)
    out = np.zeros(labels.shape)
    for i in range(n):
        vectors = vectors_for(i)
        keep = np.arange(n) != i
        head = SectionModel(hyper)
        head.groups_ = list(range(labels.shape[1]))
        head.vectors_, head.labels_ = vectors[keep], labels[keep]
        head._fit_linear()
        out[i] = head.group_scores(vectors[i : i + 1])[0]
    return out


def accuracy(scores: np.ndarray, labels: np.ndarray) -> str:
    top = np.argsort(-scores, axis=1)[:, :3]
    rows = np.arange(len(labels))
    top1 = np.mean(labels[rows, top[:, 0]] > 0)
    top3 = np.mean(labels[rows[:, None], top].max(axis=1) > 0)
    return f"{top1:.1%} / {top3:.1%}"


def main() -> None:
    with open(sys.argv[1], "rb") as fh:
        dump = pickle.load(fh)
    labels, hyper = dump["labels"], Hyper()
    fold_vectors, fold_of = dump["fold_vectors"], dump["fold_of"]
    tuned = loo_scores(lambda i: fold_vectors[int(fold_of[i])], labels, hyper)
    plain = loo_scores(lambda i: dump["plain"], labels, hyper)
    print(f"tuned {accuracy(tuned, labels)}   plain {accuracy(plain, labels)}   (top-1 / top-3)")
    for share in (0.8, 0.7, 0.5, 0.3):
        mean = share * tuned + (1 - share) * plain
        geo = share * np.log(tuned + 1e-6) + (1 - share) * np.log(plain + 1e-6)
        print(f"tuned share {share}: mean {accuracy(mean, labels)}   geometric {accuracy(geo, labels)}")


if __name__ == "__main__":
    main()
