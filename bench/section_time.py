"""Time as a cue for the section step: the list papers' arXiv months (bot.papers.arxiv_month).

    python -m bench.section_tuned dump=/tmp/tuned.pkl    # tunes 6 encoders, 15-30 minutes
    python -m bench.section_time /tmp/tuned.pkl          # 3 minutes

- the leaf: inside a paper's 2nd-level section, the place of its nearest other entry (as
  SectionModel.rank picks it), plus the leaf time prior (bot.model.leaf_time_prior) over a grid of its
  weight and width; leave-one-out through the fold encoders of the dump, then the plain encoder;
- the 2nd level: each group's score times its density of entry months around the paper's (weight b),
  leave-one-out, plain encoder with the headings (cheap; the group step is where most errors are);
- authors: each group's score plus w x the number (at most 2) of its other entries sharing an author (the
  author text of the README's own entries: the list's metadata has none).
"""

from __future__ import annotations

import pickle
import re
import sys

import numpy as np

from bench.common import seed_list_embeddings
from bot.model import Hyper, SectionModel, loo_hits, place_loo, section_loo_scores
from bot.papers import arxiv_month


def _report(name: str, scores: np.ndarray, labels: np.ndarray) -> None:
    top1, top3 = loo_hits(scores, labels)
    print(f"  {name:34s} top-1 {top1.mean():.3f}  top-3 {top3.mean():.3f}", flush=True)


def main() -> None:
    with open(sys.argv[1], "rb") as fh:
        dump = pickle.load(fh)
    sl = seed_list_embeddings()
    ids = [lp.section_ids for lp in sl.papers]
    months = [arxiv_month(lp.paper.arxiv_id) for lp in sl.papers]
    print(f"{sum(m is not None for m in months)} of {len(months)} list papers have an arXiv month")

    print("place inside the group, leave-one-out (right / cases):")
    for name, vectors, folds, of in (
        ("tuned", dump["tuned"], dump["fold_vectors"], dump["fold_of"]),
        ("plain", sl.vectors, [sl.vectors], np.zeros(len(ids), int)),
    ):
        model = SectionModel(Hyper()).fit(sl.sections, vectors, ids, months)
        alone = place_loo(model, fold_vectors=folds, fold_of=of, use_time=False)
        print(f"  {name}, nearest entry alone: ({alone['right']}, {alone['cases']})")
        for sd in (2.0, 3.0, 4.0, 6.0):
            row = []
            for w in (0.02, 0.03, 0.05, 0.07, 0.1):
                m = SectionModel(Hyper(leaf_time_weight=w, leaf_time_months=sd)).fit(sl.sections, vectors, ids, months)
                row.append(f"w {w}: {place_loo(m, fold_vectors=folds, fold_of=of)['right']}")
            print(f"  {name}, time prior, {sd:g} months: " + ", ".join(row), flush=True)

    print("2nd level, plain encoder with the headings, leave-one-out:")
    model = SectionModel(Hyper()).fit(sl.sections, sl.vectors, ids).set_headings(sl.encoder)
    plain, labels = section_loo_scores(model, plain=sl.vectors), model.labels_
    _report("as shipped", plain, labels)
    n, groups = labels.shape
    for sd in (2.0, 4.0, 8.0):
        density = np.ones((n, groups))
        for i in range(n):
            if months[i] is None:
                continue
            for g in range(groups):
                ms = [months[j] for j in np.flatnonzero(labels[:, g]) if j != i and months[j] is not None]
                kernel = sum(np.exp(-0.5 * ((months[i] - m) / sd) ** 2) for m in ms)
                density[i, g] = (kernel + 0.1) / (len(ms) + 1)
        for b in (0.1, 0.2, 0.4):
            _report(f"x month density^{b}, {sd:g} months", plain * density**b, labels)
    written: dict[str, set[str]] = {}
    for entry in sl.plist.entries:
        names = re.split(r",|\band\b|&", re.sub(r"\bet al\b\.?", "", entry.authors or "").rstrip(". "))
        written.setdefault(entry.key, set()).update(n.strip(" .").lower() for n in names if n.strip(" ."))
    authors = [written.get(lp.key, set()) for lp in sl.papers]
    print(f"  ({sum(bool(a) for a in authors)} papers with authors in the README)")
    shared = np.zeros((n, groups))
    for i in range(n):
        for g in range(groups):
            shared[i, g] = sum(bool(authors[i] & authors[j]) for j in np.flatnonzero(labels[:, g]) if j != i)
    for w in (0.02, 0.05, 0.1, 0.2, 0.3):
        _report(f"+ {w} x entries sharing an author", plain + w * np.minimum(shared, 2), labels)


if __name__ == "__main__":
    main()
