"""How far does the relevance model move when its vectors move a little?

    python -m bench.relevance_stability [ways=rounded,bfloat16,int8]

Fits the shipped relevance model (tf-idf + embeddings, title-only negatives, calibrated; as `paperbot
evaluate --holdout-from 2503` trains it) on the dev replay's training papers with float32 vectors, then
again with other vectors of the same papers, and scores the replay's feed papers with each:

- rounded: the float32 vectors rounded to bfloat16 and back (what storing them in 16 bits would do);
- bfloat16: the encoder computing in bfloat16 (`embedding.precision: bfloat16`);
- int8: the encoder with int8 weights (`embedding.precision: int8`);
- 128, int8+128: inputs cut at 128 tokens (`embedding.max_tokens: 128`), alone and with int8;
- 128headtail, int8+128headtail: the same budget of 128 tokens split between a text's first and last
  tokens (64 each) instead of its first 128.

For each: the mean and least cosine of its vectors to float32's, each held-out paper's score as a ratio of
its float32 score, their ranks among the feed papers, and the replay's average precision. Vectors come
from the embedding cache (`.cache/embeddings`, each way under its own name); a cold bfloat16 or int8 pass
embeds 46,000 texts (10-20 minutes on 2 cores), a warm one takes 2 minutes.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np

from bench.common import REPO, evaluate_training, fit_relevance


class HeadTail:
    """The encoder's token budget split between the start of a text and its end, instead of the start alone:
    abstracts tend to say what the paper is about first and how its data was made last."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = f"{inner.name}@headtail"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        tokenizer = self.inner._load().tokenizer
        budget = self.inner.max_tokens - 2  # [CLS] and [SEP]
        cut = []
        for text in texts:
            ids = tokenizer(text, add_special_tokens=False)["input_ids"]
            if len(ids) > budget:
                ids = ids[: budget // 2] + ids[len(ids) - (budget - budget // 2) :]
                text = tokenizer.decode(ids)
            cut.append(text)
        return self.inner.encode(cut)


def main() -> None:
    import torch
    from sklearn.metrics import average_precision_score

    from bot.embed import embed_papers, encoder_cache, load_encoder
    from bot.model import title_views

    args = dict(a.split("=", 1) for a in sys.argv[1:])
    ways = [w for w in args.get("ways", "rounded,bfloat16,int8").split(",") if w]
    config, replay, hyper = evaluate_training("2503")
    background = replay.background
    feed_texts = [p.text for p in replay.feed]
    held = np.array([p.arxiv_id in replay.held for p in replay.feed])

    def vectors(way: str) -> tuple[np.ndarray, object, np.ndarray]:
        precision = "int8" if "int8" in way else "bfloat16" if "bfloat16" in way else "float32"
        encoder = load_encoder(config.embedding.model, precision=precision, max_tokens=128 if "128" in way else None)
        if "headtail" in way:
            encoder = HeadTail(encoder)  # type: ignore[assignment]
        cache = encoder_cache(REPO / ".cache/embeddings", encoder)
        train = np.vstack([embed_papers(replay.positives, encoder, cache), embed_papers(background, encoder, cache)])
        views = title_views(replay.positives, background, encoder, cache)
        return train, views, embed_papers(replay.feed, encoder, cache)

    def rounded(a: np.ndarray) -> np.ndarray:
        b = torch.from_numpy(np.ascontiguousarray(a)).to(torch.bfloat16).to(torch.float32).numpy()
        return b / np.linalg.norm(b, axis=1, keepdims=True)

    def fit_and_score(train: np.ndarray, views: object, feed: np.ndarray) -> np.ndarray:
        return fit_relevance(hyper, replay.positives, background, train, views).predict(feed_texts, feed)

    def report(name: str, scores: np.ndarray, base: np.ndarray | None, cosine: np.ndarray | None) -> None:
        ranks = np.empty(len(scores), dtype=int)
        ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
        line = f"{name:9s} average precision {average_precision_score(held, scores):.3f}"
        if cosine is not None:
            line += f", cosine to float32 mean {cosine.mean():.6f} min {cosine.min():.6f}"
        print(line)
        order = np.argsort(-scores[held])
        print(f"          held-out ranks {sorted(ranks[held].tolist())}")
        print(f"          held-out scores {np.round(scores[held][order], 3).tolist()}")
        if base is not None:
            ratio = scores[held] / base[held]
            print(f"          score / float32's: {np.round(ratio[order], 3).tolist()} "
                  f"(range {ratio.min():.3f}-{ratio.max():.3f})")
        sys.stdout.flush()

    train32, views32, feed32 = vectors("float32")
    base = fit_and_score(train32, views32, feed32)
    report("float32", base, None, None)
    for way in ways:
        if way == "rounded":
            views = dataclasses.replace(views32, vectors=rounded(views32.vectors))  # type: ignore[type-var]
            train, feed = rounded(train32), rounded(feed32)
        else:
            train, views, feed = vectors(way)
        report(way, fit_and_score(train, views, feed), base, np.sum(train * train32, axis=1))


if __name__ == "__main__":
    main()
