"""The relevance model's two knobs on the dev replay, with the title-only negatives (as shipped).

    python -m bench.relevance_grid             # C x embedding weight, about 8 minutes
    python -m bench.relevance_grid stem=1      # the same with a stemmed tf-idf (pip install snowballstemmer)
    python -m bench.relevance_grid tol=1e-8 C=0.5,1,2,4 weights=0.3,0.5 cv=1

tol=T: the regression's convergence tolerance (Hyper.relevance_tol); C=... and weights=...: other grids.
cv=1: also the whole-list 5-fold cross-validation `paperbot train` prints (a tf-idf fitted per fold), about
2.5 minutes a setting more.

Each setting is bot.model.RelevanceModel trained as `paperbot evaluate --holdout-from 2503` trains it,
then scored on the replay's feed papers: average precision of the 15 held-out papers, the best recall
within one proposal per feed day over caps 1-3 (recalled, proposals, cap), and the held-out ranks. The
stemmed variant folds "synthesis", "synthesize", "synthesized" into one term, for abstracts that spend
one sentence on their data (Emo Pillars: "an LLM-based data synthesis pipeline").
"""

from __future__ import annotations

import dataclasses
import re
import sys
import time
from typing import Any

import numpy as np

from bench.common import dev_replay, evaluate_training
from bench.relevance_ceiling import CAP, HOLDOUT, budget_recall
from bot.model import Hyper, RelevanceModel, _slim, _word_vectorizer, relevance_cv

GRID_C = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)  # around the shipped 1 (2.0-16.0 when C was 4, until 2026-12-04)
GRID_WEIGHT = (0.2, 0.3, 0.5)


def stemmed_vectorizer(max_features: int) -> Any:
    """The shipped tf-idf settings over Snowball stems (stop words dropped before stemming)."""
    import snowballstemmer
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    stemmer = snowballstemmer.stemmer("english")
    token = re.compile(r"(?u)\b\w\w+\b")
    memo: dict[str, str] = {}

    def tokens(text: str) -> list[str]:
        out = []
        for t in token.findall(text.lower()):
            if t not in ENGLISH_STOP_WORDS:
                out.append(memo.setdefault(t, stemmer.stemWord(t)))
        return out

    return TfidfVectorizer(
        sublinear_tf=True, ngram_range=(1, 2), min_df=2, max_df=0.5, max_features=max_features,
        tokenizer=tokens, token_pattern=None, lowercase=False, strip_accents="unicode", dtype=np.float32,
    )


def main() -> None:
    from sklearn.metrics import average_precision_score

    args = dict(a.split("=") for a in sys.argv[1:])
    stem = args.get("stem") == "1"
    dev = dev_replay(HOLDOUT)
    days, held, is_held = dev.replay.days, dev.replay.held, dev.is_held
    texts, vectors, y = dev.replay.training(dev.encoder, dev.cache)
    views = dev.replay.views(dev.encoder, dev.cache)
    shipped = Hyper(relevance_tol=float(args.get("tol", Hyper.relevance_tol)))
    grid_c = tuple(float(c) for c in args["C"].split(",")) if "C" in args else GRID_C
    grid_w = tuple(float(w) for w in args["weights"].split(",")) if "weights" in args else GRID_WEIGHT
    vectorizer = stemmed_vectorizer if stem else _word_vectorizer
    tfidf = _slim(vectorizer(shipped.relevance_max_features).fit(texts))
    print(f"tf-idf: {'Snowball stems' if stem else 'words (shipped)'}; shipped C={shipped.relevance_C:g}, "
          f"embedding weight {shipped.relevance_embedding_weight:g}, tol {shipped.relevance_tol:g}")
    cv_data = None
    if args.get("cv") == "1":  # the whole list, as `paperbot train` cross-validates it
        _, whole, _ = evaluate_training(None)
        cv_data = (*whole.training(dev.encoder, dev.cache), whole.views(dev.encoder, dev.cache))
    for c in grid_c:
        for w in grid_w:
            t = time.time()
            hyper = dataclasses.replace(shipped, relevance_C=c, relevance_embedding_weight=w)
            m = RelevanceModel(hyper).fit(texts, vectors, y, tfidf=tfidf, views=views)
            p = np.clip(m.predict(dev.feed_texts, dev.feed_vectors), 1e-9, 1 - 1e-9)
            logit = np.log(p / (1 - p))
            by_cap = {cap: budget_recall(days, logit, held, cap=cap) for cap in (1, 2, 3)}
            best = max(((h, n, cap) for cap, (h, n, _) in by_cap.items()), key=lambda b: (b[0], -b[1]))
            print(f"C={c:<4g} weight={w:<4g} AP {average_precision_score(is_held, p):.3f}  within one a day: "
                  f"{best[0]}/{len(held)} in {best[1]} (cap {best[2]})  ranks {by_cap[CAP][2]}  "
                  f"({time.time() - t:.0f}s)", flush=True)
            if cv_data is not None:
                cv_texts, cv_vectors, cv_y, cv_views = cv_data
                cv = relevance_cv(cv_texts, cv_vectors, cv_y, hyper, tfidf=None, views=cv_views)
                print(f"    whole list, 5-fold: average precision {cv['average_precision']:.3f}, "
                      f"ROC AUC {cv['roc_auc']:.3f}", flush=True)


if __name__ == "__main__":
    main()
