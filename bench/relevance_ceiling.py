"""How far can a content ranker get on the dev replay? Relevance ranks of the 15 held-out papers, what
else fills a one-a-day budget, and the ideas tried to do better (none shipped: bench/README.md).

    python -m bench.relevance_ceiling [sentences=1]

- product: the shipped relevance model (tf-idf + 0.3 x MiniLM, bot.model.RelevanceModel) trained as
  `paperbot evaluate --holdout-from 2503` trains it.
- lexical MIL: a paper is a bag of sentences (title + abstract sentences); a sentence classifier
  (tf-idf, logistic regression) learns from list sentences against background sentences and the paper
  scores its best sentence, added to the product's logit. The idea: a paper whose abstract spends one
  sentence on its synthetic dataset (Emo Pillars, FUSION) is diluted in a whole-abstract vector.
- embedding MIL (sentences=1): the same over MiniLM sentence vectors, 5,000 background papers; about
  12 minutes of encoding on 2 cores, cached in .cache/bench-sentences-*.pkl.
- hard negatives: a second regression trained on the list against only the 300 background papers the
  first one (cross-validated) ranks highest, added to the product's logit: a reranker that should learn
  what separates LLM-made data from, say, rendered 3D training data.
- grown: the background grown from the papers of the first 16 feed days that scored below the
  threshold (seen, not proposed), judged on the last 16 days against the shipped model.
- paced: the shipped scores under a token-bucket budget (1 a day, bursts of 3 or 5) instead of a cap.
- LLM gate: the product's logit lowered for abstracts that never name a language model (regex LLM below;
  166 of the 173 list abstracts do): a linear model adds evidence, it cannot say "must name one of these".
- authors: the product's logit raised per author the paper shares with the list's entries (names as the
  README writes them), for groups that keep publishing synthetic-data work.
- proxy: abstracts that name LLMs and making data with them (regex below): how many such papers the feeds
  hold, and how many of them the maintainer added, is the ceiling argument for the recall target.

Budget: the best recall with at most one proposal per feed day on average (cap 3 a day, as scan).
"""

from __future__ import annotations

import pickle
import random
import re
import sys

import numpy as np

from bench.common import REPO, relevance_replay
from bot.config import load_config
from bot.embed import config_encoder, embed_papers, encoder_cache
from bot.listfile import read_list
from bot.model import (
    Hyper,
    RelevanceModel,
    _features,
    _slim,
    _word_vectorizer,
    is_held_out,
)
from bot.papers import Paper

HOLDOUT = "2503"
CAP = 3
LLM = re.compile(r"\b(LLMs?|large language models?|language models?|GPT-?\d|VLMs?|MLLMs?)\b", re.I)
MAKES_DATA = re.compile(
    r"synthetic (data|dataset|instruction|example|sample|corpus|question|trajector|dialog|conversation|preference)"
    r"|data synthesis"
    r"|synthesi[sz]e[sd]? (a |the |new |large[- ]scale |high-quality |diverse )?"
    r"(data|dataset|training|instruction|question|example|sample|corpus|QA|trajector|conversation|dialog)"
    r"|(LLM|model)[- ]generated (data|dataset|training|instruction|example|sample|question|response)"
    r"|distill",
    re.I,
)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\\])")


def sentences(paper: Paper) -> list[str]:
    return [paper.title] + [s for s in SENTENCE.split((paper.abstract or "").strip()) if len(s) > 20]


def bags(papers: list[Paper]) -> tuple[list[str], np.ndarray]:
    texts: list[str] = []
    owner: list[int] = []
    for i, p in enumerate(papers):
        ss = sentences(p)
        texts += ss
        owner += [i] * len(ss)
    return texts, np.array(owner)


def best_sentence(scores: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
    out = np.full(n, -np.inf)
    np.maximum.at(out, owner, scores)
    return out


def chosen(
    day_of: np.ndarray, scores: np.ndarray, thr: float, burst: int | None = None, cap: int = CAP
) -> list[int]:
    """The papers scan would propose at this threshold: the best `cap` a day, or, with `burst`, a token
    bucket (one proposal accrues a day, at most `burst` saved) so a rich day can use what quiet days left."""
    tokens, out = 0.0, []
    for d in range(int(day_of.max()) + 1):
        take = cap
        if burst is not None:
            tokens = min(tokens + 1.0, burst)
            take = min(cap, int(tokens))
        idx = np.where((day_of == d) & (scores >= thr))[0]
        picked = list(idx[np.argsort(-scores[idx])][:take])
        tokens -= len(picked)
        out += picked
    return out


def budget_recall(
    days: list[list[Paper]], scores: np.ndarray, held: set[str], burst: int | None = None, cap: int = CAP
) -> tuple[int, int, list[int]]:
    """(recalled, proposals, held-out ranks): the most held-out papers proposed at <= 1 proposal a day."""
    day_of = np.concatenate([[d] * len(ps) for d, ps in enumerate(days)])
    is_held = np.array([p.arxiv_id in held for ps in days for p in ps])
    order = np.argsort(-scores)
    ranks = sorted(r + 1 for r, j in enumerate(order) if is_held[j])
    best = (0, 0)
    for thr in scores[order[: 20 * len(days)]]:
        picked = chosen(day_of, scores, thr, burst, cap)
        if len(picked) <= len(days):
            best = max(best, (int(is_held[picked].sum()), -len(picked)))
    return best[0], -best[1], ranks


def main() -> None:
    args = dict(a.split("=") for a in sys.argv[1:])
    config = load_config(REPO / "config.yaml")
    plist = read_list(config.list.readme)
    replay = relevance_replay(config, plist, HOLDOUT)
    positives, background, days, feed, held = replay

    enc = config_encoder(config)
    cache = encoder_cache(config.embedding.cache_dir, enc)
    hyper = Hyper()
    texts, vectors, y = replay.training(enc, cache)
    tfidf = _slim(_word_vectorizer(hyper.relevance_max_features).fit(texts))
    model = RelevanceModel(hyper).fit(texts, vectors, y, tfidf=tfidf)
    feed_vectors = embed_papers(feed, enc, cache)
    p = np.clip(model.predict([q.text for q in feed], feed_vectors), 1e-9, 1 - 1e-9)
    logit = np.log(p / (1 - p))

    def report(name: str, scores: np.ndarray) -> None:
        hits, props, ranks = budget_recall(days, scores, held)
        print(f"{name:34s} {hits:2d}/{len(held)} in {props} proposals; held-out ranks {ranks}", flush=True)

    print(f"{len(days)} feed days, {len(feed)} papers, {len(held)} held-out in them")
    report("product", logit)

    for burst in (3, 5):
        hits, props, _ = budget_recall(days, logit, held, burst)
        print(f"{'product, paced (burst ' + str(burst) + ')':34s} {hits:2d}/{len(held)} in {props} proposals")

    # Grow the background from papers seen and not proposed: the first half of the days feeds the
    # negatives, the second half is replayed by both models.
    half = len(days) // 2
    n_first = sum(len(ps) for ps in days[:half])
    seen = [j for j in range(n_first) if feed[j].arxiv_id not in held and p[j] < config.thresholds.relevance]
    grown = RelevanceModel(hyper).fit(
        texts + [feed[j].text for j in seen],
        np.vstack([vectors, feed_vectors[seen]]),
        np.r_[y, np.zeros(len(seen))],
        tfidf=tfidf,
    )
    later = days[half:]
    held_later = held & {q.arxiv_id for ps in later for q in ps}
    for name, m in (("product", model), (f"+ {len(seen)} seen, not proposed", grown)):
        q = np.clip(m.predict([x.text for x in feed[n_first:]], feed_vectors[n_first:]), 1e-9, 1 - 1e-9)
        hits, props, ranks = budget_recall(later, np.log(q / (1 - q)), held_later)
        print(
            f"{'last ' + str(len(later)) + ' days, ' + name:34s} {hits:2d}/{len(held_later)} in {props} proposals; "
            f"held-out ranks {ranks}"
        )

    from sklearn.linear_model import LogisticRegression

    pos_s, _ = bags(positives)
    neg_s, _ = bags(background)
    feed_s, feed_owner = bags(feed)
    vec = _word_vectorizer(100000).fit(pos_s + neg_s)
    clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000).fit(
        vec.transform(pos_s + neg_s), np.r_[np.ones(len(pos_s)), np.zeros(len(neg_s))]
    )
    lex = best_sentence(clf.decision_function(vec.transform(feed_s)), feed_owner, len(feed))
    for w in (0.3, 0.6, 1.0):
        report(f"product + {w} x lexical MIL", logit + w * lex)

    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    X = _features(tfidf, texts, vectors, hyper.relevance_embedding_weight)
    first = LogisticRegression(C=hyper.relevance_C, class_weight="balanced", max_iter=3000)
    oof = cross_val_predict(
        first, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=0), method="decision_function"
    )
    negatives = np.where(y == 0)[0]
    keep = np.r_[np.where(y == 1)[0], negatives[np.argsort(-oof[negatives])[:300]]]
    second = LogisticRegression(C=hyper.relevance_C, class_weight="balanced", max_iter=3000).fit(X[keep], y[keep])
    rerank = second.decision_function(
        _features(tfidf, [q.text for q in feed], feed_vectors, hyper.relevance_embedding_weight)
    )
    for w in (0.5, 1.0, 2.0):
        report(f"product + {w} x hard-negative LR", logit + w * rerank)

    if args.get("sentences") == "1":
        sub = [background[i] for i in random.Random(0).sample(range(len(background)), 5000)]
        tag = re.sub(r"\W+", "-", enc.name)  # a stale cache for another model or data would mislead
        cached = REPO / f".cache/bench-sentences-{tag}-{len(positives)}-{len(sub)}-{len(feed)}.pkl"
        if cached.exists():
            pos_v, neg_v, feed_v = pickle.loads(cached.read_bytes())
        else:
            pos_v, neg_v, feed_v = (enc.encode(bags(ps)[0]) for ps in (positives, sub, feed))
            cached.write_bytes(pickle.dumps((pos_v, neg_v, feed_v)))
        clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000).fit(
            np.vstack([pos_v, neg_v]), np.r_[np.ones(len(pos_v)), np.zeros(len(neg_v))]
        )
        emb = best_sentence(clf.decision_function(feed_v), feed_owner, len(feed))
        for w in (0.3, 0.6, 1.0):
            report(f"product + {w} x embedding MIL", logit + w * emb)

    names_llm = np.array([bool(LLM.search(q.text)) for q in feed])
    for w in (0.5, 1.0, 2.0):
        report(f"product - {w} x names no LLM", logit - w * ~names_llm)
    together = logit + rerank - ~names_llm
    report("product + hard-negative LR - no LLM", together)
    for burst in (3, 5):
        hits, props, _ = budget_recall(days, together, held, burst)
        print(f"{'  the same, paced (burst ' + str(burst) + ')':34s} {hits:2d}/{len(held)} in {props} proposals")

    def author_key(name: str) -> str:
        return " ".join(re.sub(r"[^\w\s-]", "", name.lower()).split())

    list_authors = {
        author_key(a)
        for e in plist.entries
        if not is_held_out(e.arxiv_id, HOLDOUT)
        for a in re.split(r",|\band\b", e.authors)
    } - {"", "et al"}
    shared = np.array([min(2, sum(author_key(a) in list_authors for a in q.authors)) for q in feed])
    is_held = np.array([q.arxiv_id in held for q in feed])
    print(
        f"authors: {(shared > 0).mean():.0%} of feed papers share an author with the list; "
        f"held-out {int((shared[is_held] > 0).sum())}/{len(held)}"
    )
    for w in (0.5, 1.0):
        report(f"product + {w} x shared authors (max 2)", logit + w * shared)

    makes = np.array([bool(LLM.search(q.text) and MAKES_DATA.search(q.text)) for q in feed])
    print(f"  ...of the others that name LLMs and making data: {(shared[makes & ~is_held] > 0).mean():.0%} share one")
    print(
        f"proxy: {makes.sum()} feed papers name LLMs and making data with them "
        f"({makes.sum() / len(days):.1f} a day); {int((makes & is_held).sum())} of the {len(held)} held-out do"
    )
    top = np.argsort(-logit)[: len(days)]
    print(
        f"product's top {len(days)} by relevance: {int(is_held[top].sum())} held-out, "
        f"{int((makes[top] & ~is_held[top]).sum())} others that name LLMs and making data, "
        f"{int((~makes[top] & ~is_held[top]).sum())} neither"
    )
    for j in top:
        if not is_held[j]:
            print(f"  {'proxy' if makes[j] else '     '} {feed[j].arxiv_id} {feed[j].title[:90]}")


if __name__ == "__main__":
    main()
