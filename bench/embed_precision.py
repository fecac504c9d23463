"""Does `embedding.precision: bfloat16` change what the bot proposes?

    python -m bench.embed_precision [days=N]

Scores every paper of the dev feeds (`../shared/data/arxiv/feeds-dev`, each paper on its first day) with
the shipped models twice: with float32 vectors (the embedding cache, as `paperbot train` filled it) and
with bfloat16 vectors computed afresh into a temporary cache, and compares what a pull request is made
of: the papers above each threshold, each day's top 3 by score, the best section of every paper placed
(relevance 0.01 and up) and the 3 nearest entries. Timed in the same run: the bfloat16 pass against a
float32 pass into another temporary cache. Meaningful on a CPU with AVX512-BF16 or AMX only (elsewhere
bfloat16 is emulated, slower, and `auto` keeps float32).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import REPO, read_feed_days
from bot.config import load_config
from bot.embed import EmbeddingCache, cpu_has_fast_bf16, load_encoder
from bot.model import ListModel

THRESHOLDS = (0.01, 0.02, 0.05, 0.07, 0.1, 0.5)


def main() -> None:
    args = dict(a.split("=", 1) for a in sys.argv[1:])
    days = read_feed_days()[: int(args["days"])] if "days" in args else read_feed_days()
    papers = [p for _, ps in days for p in ps]
    config = load_config(REPO / "config.yaml")
    model = ListModel.load(REPO / config.training.models_dir, embedding_model=config.embedding.model)
    print(f"{len(papers)} papers over {len(days)} feed days; this CPU does bfloat16 natively: {cpu_has_fast_bf16()}")

    def score(precision: str, cache_dir: Path) -> tuple[list, float]:
        encoder = load_encoder(config.embedding.model, precision=precision, batch_size=config.embedding.batch_size)
        start = time.perf_counter()
        scored = model.score(papers, encoder, EmbeddingCache(cache_dir, encoder.name), unsure_margin=0.1,
                             place_from=0.01)
        return scored, time.perf_counter() - start

    cached, _ = score("float32", REPO / config.embedding.cache_dir)
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        _, full_seconds = score("float32", Path(one))
        half, half_seconds = score("bfloat16", Path(two))
    print(f"scoring from cold: float32 {full_seconds:.0f} s, bfloat16 {half_seconds:.0f} s, "
          f"ratio {full_seconds / half_seconds:.2f}")

    a = np.array([s.relevance for s in cached])
    b = np.array([s.relevance for s in half])
    print(f"relevance: largest difference {np.abs(a - b).max():.4f}, relative "
          f"{(np.abs(a - b) / np.maximum(a, 1e-9)).max():.3f}")
    for t in THRESHOLDS:
        print(f"  at or above {t:g}: float32 {(a >= t).sum()}, bfloat16 {(b >= t).sum()}, "
              f"on one side only {((a >= t) != (b >= t)).sum()}")
    start, differ = 0, 0
    for _, ps in days:
        n = len(ps)
        differ += list(np.argsort(-a[start:start + n], kind="stable")[:3]) != list(
            np.argsort(-b[start:start + n], kind="stable")[:3])
        start += n
    print(f"feed days whose top 3 by score differ: {differ} of {len(days)}")
    placed = [(x, y) for x, y in zip(cached, half, strict=True) if x.sections and y.sections]
    same = sum(x.sections[0].path == y.sections[0].path for x, y in placed)
    print(f"best section: the same for {same} of {len(placed)} papers placed by both")
    shown = [(x, y) for x, y in zip(cached, half, strict=True) if x.nearest or y.nearest]
    near = sum([n.title for n in x.nearest] == [n.title for n in y.nearest] for x, y in shown)
    print(f"3 nearest entries: the same for {near} of the {len(shown)} papers that have them")


if __name__ == "__main__":
    main()
