"""The centroid term of the section head from the nearest leaf instead of the whole 2nd-level group.

    python -m bench.section_tuned dump=/tmp/tuned.pkl      # tunes 6 encoders, 15-30 minutes
    python -m bench.section_leaf_centroids /tmp/tuned.pkl  # 4 minutes

4.3 Instruction Tuning draws papers (bench/README, "Where the section errors are"); its 44 papers sit in 19
leaves, so one centroid of the whole group is a vague "instruction data" point that generic papers come
close to. Here a group's centroid similarity is the best of its leaves' centroids ("leaf"), or the mean
of that and the group centroid ("half"), at the shipped centroid share 0.2 and at 0.4; leave-one-out on the
shipped tuned folds, the heading prototypes blended as shipped.
"""

from __future__ import annotations

import pickle
import sys

import numpy as np

from bench.common import seed_list_embeddings
from bench.section_tuned_blend import accuracy
from bot.model import Hyper, SectionModel, _softmax, prototype_cosines, section_loo_scores

_group_centroids = SectionModel._centroids
MODE = {"kind": "group"}


def _leaf_centroids(self: SectionModel, vectors: np.ndarray, *, exclude: int | None = None) -> np.ndarray:
    if MODE["kind"] == "group":
        return _group_centroids(self, vectors, exclude=exclude)
    places = np.zeros((len(self.vectors_), len(self.sections_)), dtype=np.float32)
    for i, secs in enumerate(self.paper_sections_):
        places[i, secs] = 1.0
    if exclude is not None:
        places[exclude] = 0.0
    sims = prototype_cosines(places, self.vectors_, vectors)
    group_index = {g: k for k, g in enumerate(self.groups_)}
    best = np.full((len(vectors), len(self.groups_)), -np.inf)
    for j, section in enumerate(self.sections_):
        k = group_index[section["group"]]
        best[:, k] = np.maximum(best[:, k], sims[:, j])
    leaf = _softmax(best, self.hyper.section_centroid_temperature)
    if MODE["kind"] == "leaf":
        return leaf
    return 0.5 * leaf + 0.5 * _group_centroids(self, vectors, exclude=exclude)


def main() -> None:
    with open(sys.argv[1], "rb") as fh:
        dump = pickle.load(fh)
    SectionModel._centroids = _leaf_centroids  # type: ignore[method-assign]
    sl = seed_list_embeddings()
    ids = [lp.section_ids for lp in sl.papers]
    print("centroid term  share  top-1 / top-3")
    for kind in ("group", "leaf", "half"):
        for share in (0.2, 0.4):
            MODE["kind"] = kind
            model = SectionModel(Hyper(section_centroid_weight=share)).fit(sl.sections, dump["tuned"], ids)
            model.set_headings(sl.encoder)
            scores = section_loo_scores(
                model, fold_vectors=dump["fold_vectors"], fold_of=dump["fold_of"], plain=dump["plain"]
            )
            print(f"{kind:13}  {share:5}  {accuracy(scores, model.labels_)}", flush=True)


if __name__ == "__main__":
    main()
