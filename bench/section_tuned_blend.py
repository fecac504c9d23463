"""Does the plain encoder still add something once sections are tuned? Blend the leave-one-out group
scores of the tuned head (each paper through the encoder tuned without its fold) with the plain head's.
Given several dumps (tunings with other seeds), also: does a seed ensemble (mean of the tuned heads'
scores) beat one tuning?

    python -m bench.section_tuned dump=/tmp/tuned.pkl      # tunes 6 encoders, 15-45 minutes
    python -m bench.section_tuned seed=1 dump=/tmp/tuned1.pkl
    python -m bench.section_tuned_blend /tmp/tuned.pkl [/tmp/tuned1.pkl ...]     # a minute per dump

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
    runs = []
    for path in sys.argv[1:]:
        with open(path, "rb") as fh:
            dump = pickle.load(fh)
        labels = dump["labels"]
        head = SectionModel(Hyper())  # what the leave-one-out needs of a fitted model: groups, labels, rows
        head.groups_, head.labels_, head.vectors_ = list(range(labels.shape[1])), labels, dump["plain"]
        head.paper_sections_ = [[] for _ in labels]
        runs.append(section_loo_scores(head, fold_vectors=dump["fold_vectors"], fold_of=dump["fold_of"]))
        print(f"{path}: tuned {accuracy(runs[-1], labels)}", flush=True)
    plain = section_loo_scores(head, fold_vectors=[dump["plain"]], fold_of=np.zeros(len(labels), dtype=int))
    tuned = np.mean(runs, axis=0)
    name = "tuned" if len(runs) == 1 else f"mean of {len(runs)} tuned"
    print(f"{name} {accuracy(tuned, labels)}   plain {accuracy(plain, labels)}   (top-1 / top-3)")
    for share in (0.8, 0.7, 0.5, 0.3):
        mean = share * tuned + (1 - share) * plain
        geo = share * np.log(tuned + 1e-6) + (1 - share) * np.log(plain + 1e-6)
        print(f"{name} share {share}: mean {accuracy(mean, labels)}   geometric {accuracy(geo, labels)}")


if __name__ == "__main__":
    main()
