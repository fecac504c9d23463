"""Self-training for the section step: background papers labelled by their nearest list entry.

    python -m bench.section_pseudo [TAU ...]      (default 0.85 0.8 0.75; about a minute each)

Small sections have one to three entries to be recognised by. The 20,000 background papers hold some
that are close to list entries; each one whose nearest entry has cosine >= TAU joins the section head's
training with that entry's sections. Leave-one-out stays honest: for paper i the pseudo-labels come
from the other entries only and the head is refit without i. Plain encoder and the shipped head with
the heading prototypes, judged against the same head without pseudo-labels in the same run.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from bench.common import REPO, seed_list_embeddings
from bot.config import load_config
from bot.embed import EmbeddingCache, embed_papers
from bot.model import SectionModel, hyper_from_config, loo_hits, read_background, section_loo_scores


def main() -> None:
    sl = seed_list_embeddings()
    config = load_config(REPO / "config.yaml")
    hyper = hyper_from_config(config)
    on_list = {lp.paper.arxiv_id for lp in sl.papers if lp.paper.arxiv_id} | sl.plist.arxiv_ids()
    background = [p for p in read_background(config.training.background, exclude=on_list) if not sl.plist.contains(p)]
    bvec = embed_papers(background, sl.encoder, EmbeddingCache(REPO / ".cache/embeddings", sl.encoder.name))
    vec = sl.vectors
    base = SectionModel(hyper).fit(sl.sections, vec, [lp.section_ids for lp in sl.papers]).set_headings(sl.encoder)
    labels, n = base.labels_, len(vec)
    top1, top3 = loo_hits(section_loo_scores(base, plain=vec), labels)
    print(f"no pseudo-labels: top-1 {top1.mean():.3f}  top-3 {top3.mean():.3f}  ({n} papers)", flush=True)
    sims = bvec @ vec.T
    for tau in [float(a) for a in sys.argv[1:]] or [0.85, 0.8, 0.75]:
        start, scores, added = time.time(), np.zeros((n, len(base.groups_))), []
        for i in range(n):
            keep = np.arange(n) != i
            nearest = sims[:, keep].argmax(1)
            pick = np.flatnonzero(sims[:, keep][np.arange(len(bvec)), nearest] >= tau)
            added.append(len(pick))
            sub = SectionModel(hyper)
            sub.sections_, sub.groups_, sub.heading_vectors_ = base.sections_, base.groups_, base.heading_vectors_
            sub.vectors_ = np.vstack([vec[keep], bvec[pick]])
            sub.labels_ = np.vstack([labels[keep], labels[keep][nearest[pick]]])
            sub._fit_linear()
            scores[i] = sub.group_scores(vec[i : i + 1], plain=vec[i : i + 1])[0]
        top1, top3 = loo_hits(scores, labels)
        print(f"tau {tau}: {np.mean(added):.0f} background papers added per fold: top-1 {top1.mean():.3f}  "
              f"top-3 {top3.mean():.3f}  ({time.time() - start:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
