"""Warm the embedding cache: list metadata + the 20k background papers, and the background papers' titles
alone (the title-only negatives `paperbot train` and `evaluate` add, bot.model.title_views); run once,
about 30 minutes on 2 cores."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.embed import EmbeddingCache, embed_papers, load_encoder
from bot.model import read_background, title_only

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    enc = load_encoder("all-MiniLM-L6-v2", batch_size=64)
    cache = EmbeddingCache(REPO / ".cache/embeddings", enc.name)
    for name in sys.argv[1:] or ["data/arxiv/list-metadata.jsonl", "data/arxiv/background.jsonl.gz"]:
        # The product's reader: same whitespace-normalised text, so the same cache keys as training.
        papers = read_background(REPO / name)
        t = time.time()
        # chunks so an interrupted run keeps what it did
        for i in range(0, len(papers), 2000):
            embed_papers(papers[i : i + 2000], enc, cache)
        if "background" in name:
            titles = [title_only(p) for p in papers if p.abstract]
            for i in range(0, len(titles), 2000):
                embed_papers(titles[i : i + 2000], enc, cache)
        print(f"{name}: {len(papers)} papers in {time.time() - t:.0f}s", flush=True)


if __name__ == "__main__":
    main()
