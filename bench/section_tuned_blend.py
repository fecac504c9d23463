"""Does the plain encoder still add something once sections are tuned? Blend the leave-one-out group
scores of the tuned head (each paper through the encoder tuned without its fold) with the plain head's.

    python -m bench.section_tuned dump=/tmp/tuned.pkl      # tunes 6 encoders, 20-45 minutes
    python -m bench.section_tuned_blend /tmp/tuned.pkl     # a minute

Scores per paper come from bot.model.section_loo_scores (the head refit without the paper), as `train` measures.
"""

from __future__ import annotations

import pickle
import sys

import numpy as np

from bot.model import Hyper, SectionModel, loo_hits, section_loo_scores


def accuracy(scores: np.ndarray, labels: np.ndarray) -> str:
    top1, top3 = loo_hits(scores, labels)
    return f"{top1.mean():.1%} / {top3.mean():.1%}"


def main() -> None:
    with open(sys.argv[1], "rb") as fh:
        dump = pickle.load(fh)
    labels = dump["labels"]
    head = SectionModel(Hyper())  # what the leave-one-out needs of a fitted model: groups, labels, rows
    head.groups_, head.labels_, head.vectors_ = list(range(labels.shape[1])), labels, dump["plain"]
    head.paper_sections_ = [[] for _ in labels]
    tuned = section_loo_scores(head, fold_vectors=dump["fold_vectors"], fold_of=dump["fold_of"])
    plain = section_loo_scores(head, fold_vectors=[dump["plain"]], fold_of=np.zeros(len(labels), dtype=int))
    print(f"tuned {accuracy(tuned, labels)}   plain {accuracy(plain, labels)}   (top-1 / top-3)")
    for share in (0.8, 0.7, 0.5, 0.3):
        mean = share * tuned + (1 - share) * plain
        geo = share * np.log(tuned + 1e-6) + (1 - share) * np.log(plain + 1e-6)
        print(f"tuned share {share}: mean {accuracy(mean, labels)}   geometric {accuracy(geo, labels)}")


if __name__ == "__main__":
    main()
