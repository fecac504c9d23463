"""Sections on a temporal split: learn from the list's entries with arXiv ids < 2503, place the 71 entries
>= 2503 (the ones the maintainers added later), plain encoder against the tuned one (product code), each
without and with the section headings as prototypes (Hyper.section_heading_weight, plain vectors), the
headings both as shipped (centred on their mean cosine to the training papers) and not centred.
Then the exact place (the leaf SectionModel.rank puts first, where the PR writes the paper) and the place
inside each of the paper's own 2nd-level sections with several places, tuned + headings, without and with
the leaf time prior (the papers' arXiv months, as `scan` passes them).

python -m bench.section_temporal [layers=6] [epochs=4] [learning_rate=0.001] [rank=8]
"""

from __future__ import annotations

import copy
import sys

import numpy as np

from bench.common import REPO, seed_list_embeddings
from bot.arxiv_api import load_metadata_jsonl
from bot.evaluate import top_levels
from bot.model import Hyper, SectionModel, candidate_sections, group_of, list_papers, tune_sections
from bot.papers import SectionScore, arxiv_month
from bot.tune import TuneSettings

HOLDOUT = "2503"


def accuracy(
    model: SectionModel, vectors: np.ndarray, truth: list[set[tuple[str, ...]]], plain: np.ndarray | None = None
) -> tuple[float, float]:
    """Top-1/top-3 at the 2nd level, judged the way `paperbot evaluate` judges them (top_levels)."""
    top1 = top3 = 0
    for ranked, want in zip(model.rank(vectors, plain), truth, strict=True):
        levels = top_levels([SectionScore(path=model.sections_[j]["path"], score=s) for j, s in ranked], 3)
        top1 += levels[0] in want
        top3 += bool(set(levels) & want)
    return top1 / len(truth), top3 / len(truth)


def places(
    model: SectionModel, vectors: np.ndarray, plain: np.ndarray, truth: list[set[str]], months: list[int | None] | None
) -> tuple[int, int, int]:
    """(exact, right, cases): papers whose first-ranked place is one of their own sections; and, in each of
    a paper's own 2nd-level sections that has several places, whether its best place there is the paper's."""
    exact = right = cases = 0
    for ranked, want in zip(model.rank(vectors, plain, months), truth, strict=True):
        exact += model.sections_[ranked[0][0]]["id"] in want
        for group in {s["group"] for s in model.sections_ if s["id"] in want}:
            inside = [model.sections_[j]["id"] for j, _ in ranked if model.sections_[j]["group"] == group]
            if len(inside) > 1:
                cases += 1
                right += inside[0] in want
    return exact, right, cases


def main() -> None:
    args = dict(a.split("=") for a in sys.argv[1:])
    settings = TuneSettings(**{k: type(getattr(TuneSettings(), k))(v) for k, v in args.items()})
    sl = seed_list_embeddings()
    by_key = {lp.key: (lp, v) for lp, v in zip(sl.papers, sl.vectors, strict=True)}
    meta = load_metadata_jsonl(REPO / "data/arxiv/list-metadata.jsonl")
    train = list_papers(sl.plist, meta, holdout_from=HOLDOUT)
    kept = {lp.key for lp in train}
    test = [lp for lp in sl.papers if lp.key not in kept]
    sections = candidate_sections(sl.plist)
    by_id = {s.id: s for s in sl.plist.sections}
    truth = [{group_of(by_id[s].path) for s in lp.section_ids} for lp in test]
    train_vectors = np.array([by_key[lp.key][1] for lp in train])
    test_vectors = np.array([by_key[lp.key][1] for lp in test])
    hyper = Hyper()
    ids = [lp.section_ids for lp in train]
    plain_model = SectionModel(hyper).fit(sections, train_vectors, ids).set_headings(sl.encoder, train_vectors)
    plain = accuracy(plain_model, test_vectors, truth)
    plain_h = accuracy(plain_model, test_vectors, truth, test_vectors)
    layers, tuned, _, _ = tune_sections(sl.encoder, train, sections, train_vectors, hyper, settings)
    tuned_test = layers.encoder(sl.encoder).encode([lp.paper.text for lp in test])
    train_months = [arxiv_month(lp.paper.arxiv_id) for lp in train]
    tuned_model = SectionModel(hyper).fit(sections, tuned, ids, train_months).set_headings(sl.encoder, train_vectors)
    tuned_acc = accuracy(tuned_model, tuned_test, truth)
    tuned_h = accuracy(tuned_model, tuned_test, truth, test_vectors)
    uncentered = copy.copy(tuned_model)
    uncentered.heading_means_ = None
    tuned_raw = accuracy(uncentered, tuned_test, truth, test_vectors)
    plain_raw = copy.copy(plain_model)
    plain_raw.heading_means_ = None
    print(settings)
    with_abstract = sum(lp.has_abstract for lp in test)
    print(f"learn from {len(train)}, place {len(test)} (>= {HOLDOUT}, {with_abstract} with abstract)")
    plain_h_raw = accuracy(plain_raw, test_vectors, truth, test_vectors)
    for name, (top1, top3) in (("plain", plain), ("plain + headings, not centered", plain_h_raw),
                               ("plain + headings", plain_h), ("tuned", tuned_acc),
                               ("tuned + headings, not centered", tuned_raw), ("tuned + headings", tuned_h)):
        print(f"{name:32s} top1 {top1:.3f} top3 {top3:.3f}")
    own = [set(lp.section_ids) for lp in test]
    months = [arxiv_month(lp.paper.arxiv_id) for lp in test]
    for name, with_months in (("without", None), ("with", months)):
        exact, right, cases = places(tuned_model, tuned_test, test_vectors, own, with_months)
        print(f"tuned + headings, {name} the leaf time prior: exact place {exact}/{len(test)}; "
              f"the place inside the paper's own 2nd-level section {right}/{cases}")


if __name__ == "__main__":
    main()
