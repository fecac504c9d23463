"""Does the relevance model learn "short text = list paper"? 72 of the 245 positives are title only,
every background negative and every feed paper has an abstract.

    python -m bench.relevance_title_only

Variants, each the product's RelevanceModel judged on the dev replay as bench.relevance_baselines judges
it (the 15 held-out papers among the 6,633 feed papers scan scores):
- no title-only negatives (shipped until 2026-12-02): every list paper as training sees it (title only
  where no abstract is known) against the background with abstracts;
- abstracts only: the title-only positives left out;
- title-only negatives: N background papers added again as title only, negatives, so length is no cue;
- every background paper also as title only, through bot.model.title_views (shipped);
- title-only copies in both classes.
"""

from __future__ import annotations

import time

import numpy as np

from bench.common import dev_replay
from bench.relevance_ceiling import HOLDOUT, budget_recall
from bot.embed import embed_papers
from bot.model import Hyper, RelevanceModel, TitleViews, _slim, _word_vectorizer, title_only
from bot.papers import Paper


def main() -> None:
    from sklearn.metrics import average_precision_score

    dev = dev_replay(HOLDOUT)
    replay, enc, cache = dev.replay, dev.encoder, dev.cache
    days, feed, held, is_held = replay.days, replay.feed, replay.held, dev.is_held
    feed_texts, feed_vectors = dev.feed_texts, dev.feed_vectors
    pos, neg = replay.positives, replay.background
    print(f"{len(pos)} positives ({sum(not p.abstract for p in pos)} title only), {len(neg)} background; "
          f"{len(feed)} feed papers, {len(held)} held out")

    def run(name: str, positives: list[Paper], negatives: list[Paper], views: TitleViews | None = None) -> None:
        t = time.time()
        papers = positives + negatives
        texts = [p.text for p in papers]
        vectors = np.vstack([embed_papers(positives, enc, cache), embed_papers(negatives, enc, cache)])
        y = np.r_[np.ones(len(positives)), np.zeros(len(negatives))]
        hyper = Hyper()
        tfidf = _slim(_word_vectorizer(hyper.relevance_max_features).fit(texts))
        m = RelevanceModel(hyper).fit(texts, vectors, y, tfidf=tfidf, views=views)
        p = np.clip(m.predict(feed_texts, feed_vectors), 1e-9, 1 - 1e-9)
        hits, props, ranks = budget_recall(days, np.log(p / (1 - p)), held)
        ap = average_precision_score(is_held, p)
        print(f"{name:44s} recall {hits}/{len(held)} in {props}  AP {ap:.3f}  median rank {int(np.median(ranks))}"
              f"  {ranks}  ({time.time() - t:.0f}s)", flush=True)

    run("no title-only negatives (until 2026-12-02)", pos, neg)
    run("abstracts only", [p for p in pos if p.abstract], neg)
    # plain extra negatives: the tf-idf vocabulary is fitted on the titles too
    for n, seed in ((2000, 0), (10000, 0), (10000, 1), (10000, 2), (len(neg), 0)):
        pick = np.random.RandomState(seed).choice(len(neg), n, replace=False)
        run(f"+ {n} title-only negatives (draw {seed})", pos, neg + [title_only(neg[i]) for i in pick])
    run("+ all as title only: title_views (shipped)", pos, neg, replay.views(enc, cache))
    pos_titles = [title_only(q) for q in pos if q.abstract]
    run("+ all as title only, both classes", pos + pos_titles, neg + [title_only(q) for q in neg])


if __name__ == "__main__":
    main()
