"""Where the section step still goes wrong, on the shipped tuned leave-one-out, and two head corrections
aimed at what it shows (a big section that draws papers, weak heading prototypes).

    python -m bench.section_tuned dump=/tmp/tuned.pkl      # tunes 6 encoders, 15-30 minutes
    python -m bench.section_errors /tmp/tuned.pkl           # 2 minutes

Prints, per 2nd-level section: its papers, how often they are right at top-1 / top-3, and how often the
section is the top-1 pick of any paper (a section picked far more often than it holds papers draws
others' papers); then every paper whose sections are all outside its top 3, and the commonest (own
section -> top-1 pick) pairs among them. Then the corrections, each blended as the head blends the
heading term:
- the sink correction: each group's score divided by its mean leave-one-out score over the list, to a
  power, so a group that is picked often must win by more;
- heading prototypes from a sentence around the heading instead of the bare heading.
Scores come from bot.model.section_loo_scores (each paper through the encoder tuned without its fold,
the head refit without it), as `paperbot train` measures.
"""

from __future__ import annotations

import pickle
import sys
from collections import Counter

import numpy as np

from bench.common import seed_list_embeddings
from bench.section_tuned_blend import accuracy
from bot.model import Hyper, SectionModel, _heading_text, _softmax, loo_hits, section_loo_scores

TEMPLATES = (
    "{}",
    "Synthetic data for {}",
    "{}: large language models generate synthetic training data",
)


def main() -> None:
    with open(sys.argv[1], "rb") as fh:
        dump = pickle.load(fh)
    sl = seed_list_embeddings()
    hyper = Hyper()
    ids = [lp.section_ids for lp in sl.papers]
    model = SectionModel(hyper).fit(sl.sections, dump["tuned"], ids).set_headings(sl.encoder, dump["plain"])
    folds = {"fold_vectors": dump["fold_vectors"], "fold_of": dump["fold_of"]}
    none = section_loo_scores(model, **folds)  # without the heading term: templates are blended in below
    w, t = hyper.section_heading_weight, hyper.section_heading_temperature
    shipped = section_loo_scores(model, **folds, plain=dump["plain"])
    labels = model.labels_
    names = [_heading_text(g[-1]) for g in model.groups_]
    top1, top3 = loo_hits(shipped, labels)
    print(f"shipped head: {accuracy(shipped, labels)} (top-1 / top-3, {len(labels)} papers)\n")

    picked = np.bincount(shipped.argmax(1), minlength=len(names))
    print("papers  top-1  top-3  picked  section")
    for j in np.argsort(-labels.sum(0), kind="stable"):
        own = labels[:, j] > 0
        print(f"{int(own.sum()):6d}  {top1[own].mean():5.0%}  {top3[own].mean():5.0%}  {picked[j]:6d}  {names[j]}")

    print("\nright section outside the top 3 ([A] with an abstract, [T] title only):")
    pairs: Counter[tuple[str, str]] = Counter()
    for i in np.flatnonzero(~top3):
        order = np.argsort(-shipped[i])
        own = np.flatnonzero(labels[i] > 0)
        rank = 1 + min(int(np.flatnonzero(order == j)[0]) for j in own)
        kind = "A" if sl.papers[i].has_abstract else "T"
        print(f"  [{kind}] {sl.papers[i].paper.title[:90]}")
        top = ", ".join(names[j] for j in order[:3])
        print(f"      in {', '.join(names[j] for j in own)} (rank {rank}); top 3: {top}")
        pairs.update((names[j], names[order[0]]) for j in own)
    print("\ncommonest (own section -> top-1 pick) among them:")
    for (own_name, pick), count in pairs.most_common(8):
        print(f"  {count}  {own_name} -> {pick}")

    print("\nsink correction (score / mean score of the group over the list, to the power a):")
    mean = shipped.mean(0)
    for a in (0.25, 0.5, 1.0):
        print(f"  a = {a}: {accuracy(shipped / mean**a, labels)}")

    print("\nheading prototypes from a sentence (heading alone; blended as shipped, weight 0.3, t 0.05):")
    for template in TEMPLATES:
        vectors = sl.encoder.encode([template.format(_heading_text(g[-1])) for g in model.groups_])
        vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        heads = _softmax(dump["plain"] @ vectors.T, t)
        blended = (1 - w) * none + w * heads
        print(f"  {template!r}: alone {accuracy(heads, labels)}, blended {accuracy(blended, labels)}")


if __name__ == "__main__":
    main()
