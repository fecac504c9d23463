"""How fast does the section tuner run, and what does it learn, with and without dropout and bfloat16?

    python -m bench.tune_speed [epochs=1] [papers=0] [only=TEXT]

Tunes the section encoder (bot.tune.fine_tune, the shipped settings otherwise) on the seed list's papers
(papers=N: the first N) in six ways, each timed against the tuning `paperbot train` ran until 5 Dec 2026
(float32 weights, dropout on) in the same run; the baseline is timed before and after every other way and
the ratio taken to the mean of the two, since a busy 2-core machine drifts. For each way: how far its
tuning pulled the papers towards their sections (bot.tune.section_margin: a paper's own section centroid
against the nearest other, the paper left out; larger is better; the plain encoder's margin for
reference) and the mean cosine of its vectors to the baseline tuning's. Then it encodes the list through
the baseline's tuned encoder in float32 and in bfloat16 (as `train` and `scan` do where the encoder
computes in it), timed against each other.

A tuning's result is judged by the leave-one-out, not here: `python -m bench.section_tuned dropout=hidden
precision=bfloat16` (bench/README.md, "The section tuner about three times as fast").
"""

from __future__ import annotations

import sys
import time

import numpy as np

from bench.common import seed_list_embeddings
from bot.model import Hyper, SectionModel
from bot.tune import TuneSettings, fine_tune, section_margin

WAYS = {
    "float32, dropout (until 5 Dec 2026)": TuneSettings(dropout="all", precision="float32"),
    "float32, hidden dropout": TuneSettings(dropout="hidden", precision="float32"),
    "float32, no dropout": TuneSettings(dropout="none", precision="float32"),
    "bfloat16, dropout": TuneSettings(dropout="all", precision="bfloat16"),
    "bfloat16, hidden dropout (shipped with bfloat16)": TuneSettings(dropout="hidden", precision="bfloat16"),
    "bfloat16, no dropout": TuneSettings(dropout="none", precision="bfloat16"),
}


def main() -> None:
    args = dict(a.split("=", 1) for a in sys.argv[1:])
    epochs = int(args.get("epochs", 1))
    only = args.get("only", "")
    from bot.embed import load_encoder

    sl = seed_list_embeddings()
    n = int(args.get("papers", 0)) or len(sl.papers)
    texts = [lp.paper.text for lp in sl.papers][:n]
    labels = SectionModel(Hyper()).index(sl.sections, [lp.section_ids for lp in sl.papers]).labels_[:n]
    vectors = sl.vectors[:n]
    f32 = sl.encoder  # float32, as seed_list_embeddings loads it
    bf16 = load_encoder("all-MiniLM-L6-v2", precision="bfloat16")
    plain = section_margin(vectors, labels)
    print(f"{n} list papers, {epochs} epoch(s) each; plain encoder's margin {plain:.4f}", flush=True)

    def tune(settings: TuneSettings):
        s = TuneSettings(**dict(settings.__dict__, epochs=epochs))
        start = time.perf_counter()
        layers = fine_tune(f32, texts, labels, vectors, s)
        return time.perf_counter() - start, layers

    baseline_name = next(iter(WAYS))
    base_time, base_layers = tune(WAYS[baseline_name])
    base_vectors = base_layers.encoder(f32).encode(texts)
    print(f"{baseline_name}: {base_time:.1f} s; margin {section_margin(base_vectors, labels):.4f}", flush=True)
    rows = []
    for name, settings in list(WAYS.items())[1:]:
        if only and only not in name:
            continue
        seconds, layers = tune(settings)
        again, _ = tune(WAYS[baseline_name])
        ratio = (base_time + again) / 2 / seconds
        base_time = again
        tuned = layers.encoder(f32).encode(texts)
        cos = float(np.mean(np.sum(tuned * base_vectors, axis=1)))
        rows.append((name, seconds, ratio, section_margin(tuned, labels), cos))
        print(f"{name}: {seconds:.1f} s, {ratio:.2f}x as fast; margin {rows[-1][3]:.4f}; "
              f"mean cosine to the baseline tuning's vectors {cos:.4f}", flush=True)

    # Encoding the list through a tuned encoder (train: 6 times; scan: the papers it places).
    enc32 = base_layers.encoder(f32)
    enc16 = base_layers.encoder(bf16)
    enc32.encode(texts[:16])
    enc16.encode(texts[:16])
    start = time.perf_counter()
    v32 = enc32.encode(texts)
    t32 = time.perf_counter() - start
    start = time.perf_counter()
    v16 = enc16.encode(texts)
    t16 = time.perf_counter() - start
    start = time.perf_counter()
    enc32.encode(texts)
    t32 = (t32 + time.perf_counter() - start) / 2
    print(f"encoding {n} papers through a tuned encoder: float32 {t32:.1f} s, bfloat16 {t16:.1f} s "
          f"({t32 / t16:.2f}x as fast); cosine min {float(np.min(np.sum(v32 * v16, axis=1))):.4f}")
    print()
    print("| tuning | seconds | speed | margin | cosine to the baseline's vectors |")
    print("|---|---|---|---|---|")
    print(f"| {baseline_name} | {base_time:.1f} | 1.00x | {section_margin(base_vectors, labels):.4f} | 1.0000 |")
    for name, seconds, ratio, m, cos in rows:
        print(f"| {name} | {seconds:.1f} | {ratio:.2f}x | {m:.4f} | {cos:.4f} |")


if __name__ == "__main__":
    main()
