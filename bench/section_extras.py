"""Four cheap ideas for the section step, leave-one-out at the 2nd level with the plain encoder.

    python -m bench.section_extras

- prior: divide each group's score by its size (leave-one-out count) to the power a, against the pull
  of the big groups (4.3 Instruction Tuning takes most wrong answers).
- categories: the arXiv primary category (cs.CL, cs.CV, ...) one-hot, weight w, appended to the vector;
  title-only entries have none.
- expansion: a title-only entry's vector moved towards the mean of its k nearest background papers
  (weight lam), a stand-in abstract for the 72 list papers without one.
- headings: the share of a group's heading words (crudely stemmed, stop words out) found in the title,
  or in title + abstract, added to the group's score with weight w: the maintainer's own vocabulary
  ("Long Context", "Text-to-SQL") as a lexical cue.

Each is judged against the same run's plain numbers (57.1% / 79.2%); the tuned encoder is left out
because each of its runs takes 15 minutes.
"""

from __future__ import annotations

import re

import numpy as np

from bench.common import REPO, seed_list_embeddings
from bot.embed import EmbeddingCache, embed_papers
from bot.model import Hyper, SectionModel, loo_hits, read_background, section_loo_scores

_STOP = {"and", "of", "the", "for", "with", "between", "using", "data", "to", "a", "in", "synthetic", "large",
         "models", "model"}


def _words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[a-z0-9]+", text.lower().replace("-", " ")):
        if w in _STOP:
            continue
        for suffix in ("ing", "ion", "s", "e"):
            if w.endswith(suffix) and len(w) > 4:
                w = w[: -len(suffix)]
        out.add(w)
    return out


def main() -> None:
    sl = seed_list_embeddings()
    ids = [lp.section_ids for lp in sl.papers]
    has = np.array([lp.has_abstract for lp in sl.papers])

    def report(name: str, scores: np.ndarray, labels: np.ndarray) -> None:
        top1, top3 = loo_hits(scores, labels)
        print(f"{name:42s} top-1 {top1.mean():.3f}  top-3 {top3.mean():.3f}  "
              f"(with abstract {top1[has].mean():.3f}, title only {top1[~has].mean():.3f})", flush=True)

    def loo(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        model = SectionModel(Hyper()).fit(sl.sections, vectors, ids)
        return section_loo_scores(model), model.labels_

    plain, labels = loo(sl.vectors)
    report("plain (shipped head)", plain, labels)
    sizes = np.maximum(labels.sum(0)[None, :] - labels, 0.5)  # each paper's own labels left out
    for a in (0.2, 0.5, 0.7):
        report(f"prior: / group size^{a}", plain / sizes**a, labels)

    cats = sorted({lp.paper.categories[0] for lp in sl.papers if lp.paper.categories})
    onehot = np.zeros((len(sl.papers), len(cats)), dtype=np.float32)
    for i, lp in enumerate(sl.papers):
        if lp.paper.categories:
            onehot[i, cats.index(lp.paper.categories[0])] = 1.0
    for w in (0.1, 0.2, 0.3):
        x = np.hstack([sl.vectors, w * onehot])
        report(f"categories: weight {w}", *loo(x / np.linalg.norm(x, axis=1, keepdims=True)))

    groups = SectionModel(Hyper()).fit(sl.sections, sl.vectors, ids).groups_
    heads = [_words(re.sub(r"^[\d. ]+", "", g[-1])) for g in groups]
    for field in ("title", "title + abstract"):
        match = np.zeros_like(plain)
        for i, lp in enumerate(sl.papers):
            words = _words(lp.paper.title if field == "title" else lp.paper.text)
            match[i] = [len(h & words) / len(h) if h else 0.0 for h in heads]
        for w in (0.1, 0.2, 0.3):
            report(f"headings in {field}: weight {w}", plain + w * match, labels)

    background = read_background(REPO / "data/arxiv/background.jsonl.gz")
    bvec = embed_papers(background, sl.encoder, EmbeddingCache(REPO / ".cache/embeddings", sl.encoder.name))
    for k, lam in ((3, 0.5), (3, 1.0), (10, 0.5)):
        x = sl.vectors.copy()
        for i in np.flatnonzero(~has):
            near = np.argpartition(-(bvec @ x[i]), k)[:k]
            v = x[i] + lam * bvec[near].mean(0)
            x[i] = v / np.linalg.norm(v)
        report(f"expansion: k={k} lam={lam}", *loo(x))


if __name__ == "__main__":
    main()
