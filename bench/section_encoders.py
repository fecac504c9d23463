"""Leave-one-out (2nd level) of the product's section head on other sentence-transformers encoders.

Is the section target a matter of encoder size? Each argument is a model name or a local model folder
(e.g. all-mpnet-base-v2 assembled from PyPI, bench/README.md); every one is scored with the shipped
head settings, plain encoder (no tuning), without and with the heading prototypes.
"""

from __future__ import annotations

import sys
import time

from bench.common import REPO, seed_list_embeddings
from bot.config import load_config
from bot.model import SectionModel, hyper_from_config, section_loo


def _line(label: str, r: dict) -> str:
    sizes = ", ".join(f"{b['entries']}: {b['top1']:.1%} / {b['top3']:.1%}" for b in r["by_section_size"])
    return f"  {label}: {r['top1']:.1%} / {r['top3']:.1%}  ({sizes})"


def main() -> None:
    names = sys.argv[1:] or ["all-MiniLM-L6-v2"]
    hyper = hyper_from_config(load_config(REPO / "config.yaml"))
    for name in names:
        t = time.time()
        _, lps, X, sections, encoder = seed_list_embeddings(name)
        print(f"{name}: {X.shape[0]} papers, {X.shape[1]} dimensions, embedded in {time.time() - t:.0f} s", flush=True)
        model = SectionModel(hyper).fit(sections, X, [lp.section_ids for lp in lps])
        print(_line("no headings", section_loo(model)), flush=True)
        print(_line("headings", section_loo(model.set_headings(encoder, X), plain=X)), flush=True)


if __name__ == "__main__":
    main()
