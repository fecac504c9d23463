"""The 2nd and 3rd sections the model offers: the runner-up a pull request shows, and the top 3 the
leave-one-out counts. Which sections take those slots, and two ways to fill them better.

    python -m bench.section_tuned dump=/tmp/tuned.pkl      # tunes 6 encoders, 25-40 minutes
    python -m bench.section_runner_up /tmp/tuned.pkl        # 3 minutes

Scores are leave-one-out group scores as `paperbot train` measures them (bot.model.section_loo_scores:
each paper through the encoder tuned without its fold, the head refit without it, the heading means
without it).
1. Heading centering (Hyper.section_heading_centering): each heading's mean cosine to the list's papers
   is subtracted before the headings' softmax, so a heading with broad words ("Knowledge-Intensive
   Data", one entry) no longer sits near every paper. Weights 0 (as before), 0.5, 1 (shipped), 1.5; per
   weight: top-1 / top-3, by section size, and how often the commonest groups fill the 2nd/3rd slots.
2. A top 3 across branches of the tree (half the errors are a method section against an application
   section). Top-1 is the same; only the 2nd and 3rd picks change:
   - other branch pick 2: the best, then the best group under another top-level section, then the best left;
   - other branch pick 3: the two best, then the best group under a top-level section neither is under
     (unchanged when the two are under different ones);
   - the same, only when the other branch's best scores at least R x the group it replaces.
   Also the first three groups in the order `scan` ranks places (a group's score split over its places).
"""

from __future__ import annotations

import pickle
import sys
from dataclasses import replace

import numpy as np

from bench.common import seed_list_embeddings
from bot.model import Hyper, SectionModel, _heading_text, loo_by_section_size, loo_hits, section_loo_scores


def diverse_top3(scores: np.ndarray, branch: np.ndarray, *, slot: int, ratio: float = 0.0) -> np.ndarray:
    """(papers, 3) group indexes: the ranked top 3, with pick `slot` (1 or 2) given to another branch."""
    out = np.argsort(-scores, axis=1, kind="stable")[:, :3].copy()
    for i, row in enumerate(np.argsort(-scores, axis=1, kind="stable")):
        kept = list(row[:slot])
        if len({int(branch[k]) for k in kept}) > 1:
            continue  # the best two span two branches already
        if len({int(branch[j]) for j in row[: slot + 1]}) > len({int(branch[j]) for j in kept}):
            continue  # the pick at `slot` is under a new branch already
        other = next((j for j in row if branch[j] not in {branch[k] for k in kept}), None)
        if other is None or scores[i, other] < ratio * scores[i, row[slot]]:
            continue
        rest = [j for j in row if j not in kept and j != other]
        out[i] = [*kept, other, *rest][:3]
    return out


def product_top3(model: SectionModel, scores: np.ndarray, fold_vectors, fold_of) -> np.ndarray:
    """(papers, 3) the first three distinct groups in the order `scan` ranks places: each group's score
    split over its places by the nearest other entry (SectionModel.place_shares, as SectionModel.rank splits
    it), as the PR's runner-up is chosen."""
    members, papers_of = model.places()
    gidx = {g: k for k, g in enumerate(model.groups_)}
    out = np.zeros((len(scores), 3), dtype=int)
    for i in range(len(scores)):
        vectors = fold_vectors[int(fold_of[i])]
        sims = vectors @ vectors[i]
        leaves: list[tuple[float, int]] = []
        for g, k in gidx.items():
            best = np.array([max((sims[q] for q in papers_of[j] if q != i), default=-1.0) for j in members[g]])
            leaves += [(float(scores[i, k] * s), k) for s in model.place_shares(best)]
        seen: list[int] = []
        for _, k in sorted(leaves, key=lambda t: -t[0]):
            if k not in seen:
                seen.append(k)
        out[i] = seen[:3]
    return out


def hits(top: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    right = labels[np.arange(len(labels))[:, None], top] > 0
    return float(right[:, 0].mean()), float(right.any(axis=1).mean())


def main() -> None:
    with open(sys.argv[1], "rb") as fh:
        dump = pickle.load(fh)
    sl = seed_list_embeddings()
    ids = [lp.section_ids for lp in sl.papers]
    labels = SectionModel(Hyper()).index(sl.sections, ids).labels_
    with_abstract = np.array([lp.has_abstract for lp in sl.papers])
    folds = {"fold_vectors": dump["fold_vectors"], "fold_of": dump["fold_of"], "plain": dump["plain"]}

    def row(name: str, top: np.ndarray) -> None:
        t1, t3 = hits(top, labels)
        a1, a3 = hits(top[with_abstract], labels[with_abstract])
        print(f"{name:36s} {t1:6.1%} / {t3:6.1%}   with an abstract {a1:6.1%} / {a3:6.1%}", flush=True)

    print(f"{len(labels)} papers; top-1 / top-3 at the 2nd level\n\n1. heading centering")
    shipped = model = None
    watch: list[int] | None = None
    for weight in (0.0, 0.5, 1.0, 1.5):
        hyper = replace(Hyper(), section_heading_centering=weight)
        fitted = SectionModel(hyper).fit(sl.sections, dump["tuned"], ids).set_headings(sl.encoder, dump["plain"])
        scores = section_loo_scores(fitted, **folds)
        top = np.argsort(-scores, axis=1, kind="stable")[:, :3]
        row(f"centering {weight}", top)
        top1, top3 = loo_hits(scores, labels)
        sizes = ", ".join(f"{b['entries']}: {b['top1']:.0%} / {b['top3']:.0%}"
                          for b in loo_by_section_size(labels, top1, top3))
        slots = np.bincount(top[:, 1:].ravel(), minlength=labels.shape[1])
        if watch is None:  # the groups that fill most slots without centering, followed at every weight
            watch = [int(j) for j in np.argsort(-slots, kind="stable")[:4]]
        common = ", ".join(f"{_heading_text(fitted.groups_[j][-1])} {slots[j]} ({int(labels[:, j].sum())} papers)"
                           for j in [*watch, *(k for k in np.argsort(-slots, kind="stable")[:4] if k not in watch)])
        print(f"    by section size {sizes}\n    2nd/3rd slots: {common}")
        if weight == Hyper().section_heading_centering:
            shipped, model = scores, fitted
    assert shipped is not None and model is not None

    branch = np.array([hash(g[0]) for g in model.groups_])
    print(f"\n2. the shipped scores, {len(model.groups_)} groups under {len(set(branch))} top-level sections")
    row("ranked", np.argsort(-shipped, axis=1, kind="stable")[:, :3])
    row("ranked as scan ranks places", product_top3(model, shipped, dump["fold_vectors"], dump["fold_of"]))
    for slot in (1, 2):
        for ratio in (0.0, 0.25, 0.5):
            row(f"other branch pick {slot + 1}, R {ratio}", diverse_top3(shipped, branch, slot=slot, ratio=ratio))


if __name__ == "__main__":
    main()
