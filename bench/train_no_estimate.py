"""`paperbot train --offline` with and without `--no-estimate`, timed in the same run, and whether the two
models directories score feed papers the same (relevance and top-3 sections on the first 3 dev days).

Warm the embedding cache first (`python -m bench.embed_all`, then one `paperbot train --offline` for the
title-only views), or the first training pays for the embeddings.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import REPO, read_feed_days


def _train(models: Path, *flags: str) -> float:
    t = time.time()
    subprocess.run(
        [sys.executable, "-m", "bot", "train", "--offline", "--models", str(models), *flags],
        cwd=REPO, check=True, stdout=subprocess.DEVNULL,
    )
    return time.time() - t


def main() -> None:
    from bot.embed import EmbeddingCache, load_encoder
    from bot.model import ListModel

    with tempfile.TemporaryDirectory() as tmp:
        full, quick = Path(tmp) / "full", Path(tmp) / "quick"
        t_full = _train(full)
        print(f"paperbot train --offline:               {t_full:.0f} s", flush=True)
        t_quick = _train(quick, "--no-estimate")
        print(f"paperbot train --offline --no-estimate: {t_quick:.0f} s ({t_full / t_quick:.1f}x faster)", flush=True)
        papers = [p for _, day in read_feed_days()[:3] for p in day]
        encoder = load_encoder("all-MiniLM-L6-v2")
        cache = EmbeddingCache(REPO / ".cache/embeddings", encoder.name)
        a, b = (ListModel.load(d, embedding_model=encoder.name).score(papers, encoder, cache) for d in (full, quick))
        diff = np.abs(np.array([s.relevance for s in a]) - np.array([s.relevance for s in b])).max()
        same = sum(
            [x.path for x in s.sections[:3]] == [x.path for x in t.sections[:3]] for s, t in zip(a, b, strict=True)
        )
        print(f"{len(papers)} feed papers: largest relevance difference {diff:.1e}, same top-3 sections {same}")


if __name__ == "__main__":
    main()
