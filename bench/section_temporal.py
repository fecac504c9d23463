"""Sections on a temporal split: learn from the list's entries with arXiv ids < 2503, place the 71 entries
>= 2503 (the ones the maintainers added later), plain encoder against the tuned one (product code), each
without and with the section headings as prototypes (Hyper.section_heading_weight, plain vectors).

python -m bench.section_temporal [layers=6] [epochs=4] [learning_rate=0.001] [rank=8]
"""

from __future__ import annotations

import sys

import numpy as np

from bench.common import REPO, seed_list_embeddings
from bot.arxiv_api import load_metadata_jsonl
from bot.evaluate import top_levels
from bot.model import Hyper, SectionModel, candidate_sections, group_of, list_papers, tune_sections
from bot.papers import SectionScore
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
    plain_model = SectionModel(hyper).fit(sections, train_vectors, ids).set_headings(sl.encoder)
    plain = accuracy(plain_model, test_vectors, truth)
    plain_h = accuracy(plain_model, test_vectors, truth, test_vectors)
    layers, tuned, _, _ = tune_sections(sl.encoder, train, sections, train_vectors, hyper, settings)
    tuned_test = layers.encoder(sl.encoder).encode([lp.paper.text for lp in test])
    tuned_model = SectionModel(hyper).fit(sections, tuned, ids).set_headings(sl.encoder)
    tuned_acc = accuracy(tuned_model, tuned_test, truth)
    tuned_h = accuracy(tuned_model, tuned_test, truth, test_vectors)
    print(settings)
    with_abstract = sum(lp.has_abstract for lp in test)
    print(f"learn from {len(train)}, place {len(test)} (>= {HOLDOUT}, {with_abstract} with abstract)")
    for name, (top1, top3) in (("plain", plain), ("plain + headings", plain_h), ("tuned", tuned_acc),
                               ("tuned + headings", tuned_h)):
        print(f"{name:18s} top1 {top1:.3f} top3 {top3:.3f}")


if __name__ == "__main__":
    main()
