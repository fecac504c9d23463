"""Sections for a list learnt from titles alone: how well they place feed papers, which have abstracts.

    python -m bench.section_title_learnt [layers=6] [epochs=4] [precision=bfloat16] ...

The temporal split of bench.section_temporal (learn from the seed list's entries < 2503, place the 71 added
later, the 53 with an abstract as a feed paper comes) with the product's section model (the tuned encoder, the
headings as prototypes, centred, as `paperbot train` fits it):

- learnt from abstracts (the list's known abstracts, as shipped), placing each paper by its title + abstract;
- learnt from titles (every abstract withheld, as a first `train --offline` without a metadata file learns a
  list), placing each paper by its title + abstract, as `scan` does;
- the same, placing each paper by its title alone, as it learnt the list's papers;
- learnt from abstracts, placing by title alone (for scale: what a title alone says).

2nd-level top-1 / top-3, judged as `paperbot evaluate` judges them, and the exact place (the leaf the PR writes
into). The arguments are bot.tune.TuneSettings' fields, as for bench.section_temporal.
"""

from __future__ import annotations

import sys

import numpy as np

from bench.common import REPO, seed_list_embeddings
from bench.section_temporal import HOLDOUT, accuracy, places
from bot.arxiv_api import load_metadata_jsonl
from bot.embed import EmbeddingCache, embed_papers
from bot.model import Hyper, ListPaper, SectionModel, group_of, list_papers, title_only, tune_sections
from bot.papers import arxiv_month
from bot.tune import TuneSettings


def main() -> None:
    args = dict(a.split("=") for a in sys.argv[1:])
    settings = TuneSettings(**{k: type(getattr(TuneSettings(), k))(v) for k, v in args.items()})
    sl = seed_list_embeddings()
    cache = EmbeddingCache(REPO / ".cache/embeddings", sl.encoder.name)
    by_key = {lp.key: v for lp, v in zip(sl.papers, sl.vectors, strict=True)}
    meta = load_metadata_jsonl(REPO / "data/arxiv/list-metadata.jsonl")
    train = list_papers(sl.plist, meta, holdout_from=HOLDOUT)
    kept = {lp.key for lp in train}
    test = [lp for lp in sl.papers if lp.key not in kept]
    by_id = {s.id: s for s in sl.plist.sections}
    truth = [{group_of(by_id[s].path) for s in lp.section_ids} for lp in test]
    own = [set(lp.section_ids) for lp in test]
    months = [arxiv_month(lp.paper.arxiv_id) for lp in test]
    full_at = [i for i, lp in enumerate(test) if lp.has_abstract]
    hyper = Hyper()
    test_full = np.array([by_key[lp.key] for lp in test])
    test_titles = [title_only(lp.paper) for lp in test]
    test_title_vectors = embed_papers(test_titles, sl.encoder, cache)
    titled = [ListPaper(lp.key, title_only(lp.paper), lp.section_ids, False) for lp in train]
    print(settings)
    print(f"learn from {len(train)} ({sum(lp.has_abstract for lp in train)} with an abstract), place {len(test)} "
          f"(>= {HOLDOUT}, {len(full_at)} with an abstract)")
    print("| learnt from | placed by | 2nd level, all | 2nd level, the ones with an abstract | exact place, all |")
    print("|---|---|---|---|---|")
    for learnt, lps in (("abstracts", train), ("titles", titled)):
        plain = embed_papers([lp.paper for lp in lps], sl.encoder, cache)
        layers, tuned, _, _ = tune_sections(sl.encoder, lps, sl.sections, plain, hyper, settings)
        ids = [lp.section_ids for lp in lps]
        model = SectionModel(hyper).fit(sl.sections, tuned, ids, [arxiv_month(lp.paper.arxiv_id) for lp in lps])
        model.set_headings(sl.encoder, plain)
        tuned_encoder = layers.encoder(sl.encoder)
        for placed_by, papers, plain_test in (("title + abstract", [lp.paper for lp in test], test_full),
                                              ("title", test_titles, test_title_vectors)):
            vectors = tuned_encoder.encode([p.text for p in papers])
            top1, top3 = accuracy(model, vectors, truth, plain_test)
            f1, f3 = accuracy(model, vectors[full_at], [truth[i] for i in full_at], plain_test[full_at])
            exact, _, _ = places(model, vectors, plain_test, own, months)
            print(f"| {learnt} | {placed_by} | {top1:.1%} / {top3:.1%} | {f1:.1%} / {f3:.1%} | {exact}/{len(test)} |",
                  flush=True)


if __name__ == "__main__":
    main()
