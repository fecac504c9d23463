"""Leave-one-out (2nd level) with the tuned section encoder, exactly as `paperbot train` measures it:
5 encoders each tuned without one fold, the head refit without the paper (product code, seed list).

python -m bench.section_tuned [layers=6] [epochs=4] [learning_rate=0.001] [rank=8] [folds=5] [seed=0]
                               [dropout=hidden] [precision=auto] [dump=FILE.pkl]
                               [title_views=1] [leaf_targets=1] [tuned_headings=1] [heading_texts=N]
                               [heading_start=1] [model=all-MiniLM-L6-v2] [full=0]

The encoder here computes in float32, so precision=auto tunes in float32; precision=bfloat16 tunes as
`paperbot train` does on a CPU with bfloat16 (embedding.precision auto). dropout=all precision=float32
is the tuning `paperbot train` ran until 5 Dec 2026; dropout=none switches dropout off altogether.

title_views=1: each fold's tuner also sees the title alone of every paper with an abstract (same labels,
no weight in the prototypes' start), so title-only entries might land nearer their sections. It runs
only the 5 fold tunings (not the product's tune_sections), since it measures and ships nothing.

leaf_targets=1: each fold's tuner pulls a paper towards the prototypes of its own (deepest) sections as
well as of its 2nd-level groups (one softmax over both), since the pull request writes a paper into a
leaf, not a group. Also fold tunings only. Either option prints the leaf accuracy below for both.

tuned_headings=1: also score with the headings seen through each fold's tuned encoder instead of the
plain one (the same blend weight and temperature). heading_texts=N: each fold's tuner also sees the
section headings as texts, N times each, labelled with their section. heading_start=1 (with
heading_texts): each heading's plain vector joins the start of its section's prototype. All three run
the 5 fold tunings only, and print the leave-one-out without headings, with the plain ones and with the
tuned ones.

Every run also prints where the leaf goes right: for papers whose 2nd-level group has several places,
how often the place nearest to the paper (its nearest entry, as SectionModel.rank picks the leaf) is one
of the paper's own, through the fold encoders; without and with the leaf time prior (leaf_time_prior).

model=NAME_OR_FOLDER: another sentence-transformers encoder (a name or a local folder, e.g. all-mpnet-base-v2
unpacked as bench/README.md says) embeds the papers, is the tuner's base and embeds the heading prototypes,
so every part of the section step sees the list through it; the dump records its name for section_kinds.
full=0: skip the product's tuning on the whole list, which no leave-one-out number uses (each paper is
scored through its fold's encoder), and run the 5 fold tunings as the options above do: the same
leave-one-out in 5/6 of the time, for an encoder whose tuning is slow.
"""

from __future__ import annotations

import copy
import sys
import time

import numpy as np

from bench.common import DEFAULT_ENCODER, seed_list_embeddings
from bot.model import (
    Hyper,
    SectionModel,
    _heading_text,
    _means_without,
    _softmax,
    loo_by_section_size,
    loo_hits,
    place_loo,
    section_loo,
    section_loo_scores,
    tune_sections,
)
from bot.papers import arxiv_month
from bot.tune import TuneSettings


def variant_folds(
    sl, hyper: Hyper, settings: TuneSettings, folds: int, *, title_views: bool, leaf_targets: bool,
    heading_texts: int = 0, heading_start: bool = False,
) -> tuple[list[np.ndarray], np.ndarray, list[np.ndarray]]:
    """The fold encoders' view of the list papers, each paper's fold, and each fold's view of the headings."""
    from bot.tune import fine_tune

    index = SectionModel(hyper).index(sl.sections, [lp.section_ids for lp in sl.papers]).set_headings(sl.encoder)
    labels = index.labels_
    headings = [_heading_text(g[-1]) for g in index.groups_]
    heading_labels = np.eye(len(headings), dtype=np.float32)
    if leaf_targets:
        leaves = np.zeros((len(labels), len(index.sections_)), dtype=np.float32)
        for i, secs in enumerate(index.paper_sections_):
            leaves[i, secs] = 1.0
        labels = np.hstack([labels, leaves])
        # headings are 2nd-level groups: no leaf columns for them
        heading_labels = np.hstack([heading_labels, np.zeros((len(headings), leaves.shape[1]), dtype=np.float32)])
    texts = [lp.paper.text for lp in sl.papers]
    fold_of = np.random.RandomState(settings.seed).permutation(len(texts)) % folds  # as tune_sections
    dim = sl.vectors.shape[1]
    # Heading rows add nothing to the prototypes' start (zero vectors) unless heading_start asks for it.
    assert index.heading_vectors_ is not None  # set_headings above
    heading_start_rows = index.heading_vectors_ if heading_start else np.zeros((len(headings), dim), np.float32)
    fold_vectors, fold_headings = [], []
    for k in range(folds):
        train = np.flatnonzero(fold_of != k)
        views = [i for i in train if sl.papers[i].has_abstract] if title_views else []
        layers = fine_tune(
            sl.encoder,
            [texts[i] for i in train] + [sl.papers[i].paper.title for i in views] + headings * heading_texts,
            np.vstack([labels[train], labels[views], *[heading_labels] * heading_texts]),
            np.vstack(
                [sl.vectors[train], np.zeros((len(views), dim), dtype=np.float32),
                 *[heading_start_rows] * heading_texts]
            ),
            settings,
        )
        encoder = layers.encoder(sl.encoder)
        fold_vectors.append(encoder.encode(texts))
        h = np.asarray(encoder.encode(headings), dtype=np.float32)
        fold_headings.append(h / np.maximum(np.linalg.norm(h, axis=1, keepdims=True), 1e-12))
    return fold_vectors, fold_of, fold_headings


def heading_blends(
    model: SectionModel, fold_vectors: list[np.ndarray], fold_of: np.ndarray, fold_headings: list[np.ndarray],
    plain: np.ndarray,
) -> dict[str, np.ndarray]:
    """Leave-one-out group scores without headings, with the plain ones (as shipped) and with the fold's own.

    The head is scored once without headings (no plain vectors given, so group_scores leaves them out);
    the heading term is blended in afterwards, exactly as SectionModel.group_scores blends it (weight and
    temperature from the model's Hyper).
    """
    none = section_loo_scores(model, fold_vectors=fold_vectors, fold_of=fold_of)
    assert model.heading_vectors_ is not None  # the caller's model has set_headings
    w, t = model.hyper.section_heading_weight, model.hyper.section_heading_temperature
    tuned_sims = np.vstack([fold_vectors[f][i] @ fold_headings[f].T for i, f in enumerate(fold_of)])
    view = copy.copy(model)  # each paper's headings centred on the other papers, as section_loo_scores does
    plain_sims = np.zeros((len(plain), len(model.groups_)))
    for i in range(len(plain)):
        view.heading_means_ = _means_without(model, plain, i)
        plain_sims[i] = view.heading_sims(plain[i : i + 1])[0]
    return {
        "no headings": none,
        "plain headings (shipped)": np.add((1 - w) * none, w * _softmax(plain_sims, t)),
        "headings through the fold's tuned encoder": np.add((1 - w) * none, w * _softmax(tuned_sims, t)),
    }


def main() -> None:
    args = dict(a.split("=") for a in sys.argv[1:])
    folds = int(args.pop("folds", 5))
    dump = args.pop("dump", "")
    title_views = args.pop("title_views", "") == "1"
    leaf_targets = args.pop("leaf_targets", "") == "1"
    tuned_headings = args.pop("tuned_headings", "") == "1"
    heading_texts = int(args.pop("heading_texts", 0))
    heading_start = args.pop("heading_start", "") == "1"
    model_name = args.pop("model", DEFAULT_ENCODER)
    full = args.pop("full", "1") != "0"
    settings = TuneSettings(**{k: type(getattr(TuneSettings(), k))(v) for k, v in args.items()})
    sl = seed_list_embeddings(model_name)
    hyper = Hyper()
    t = time.time()
    ids = [lp.section_ids for lp in sl.papers]
    fold_headings: list[np.ndarray] = []
    fold_of: np.ndarray | None
    if title_views or leaf_targets or tuned_headings or heading_texts or not full:
        fold_vectors, fold_of, fold_headings = variant_folds(
            sl, hyper, settings, folds, title_views=title_views, leaf_targets=leaf_targets,
            heading_texts=heading_texts, heading_start=heading_start,
        )
        layers, tuned = None, sl.vectors  # only the fold encoders are measured
    else:
        layers, tuned, fold_vectors, fold_of = tune_sections(
            sl.encoder, sl.papers, sl.sections, sl.vectors, hyper, settings, folds=folds
        )
    assert fold_of is not None  # folds > 1
    # with the section headings as prototypes (plain vectors), as `paperbot train` measures it
    months = [arxiv_month(lp.paper.arxiv_id) for lp in sl.papers]
    model = SectionModel(hyper).fit(sl.sections, tuned, ids, months).set_headings(sl.encoder, sl.vectors)
    scores = section_loo_scores(model, fold_vectors=fold_vectors, fold_of=fold_of, plain=sl.vectors)
    top1, top3 = loo_hits(scores, model.labels_)
    r = {"papers": len(top1), "top1": top1.mean(), "top3": top3.mean()}
    plain_model = SectionModel(hyper).fit(sl.sections, sl.vectors, ids).set_headings(sl.encoder, sl.vectors)
    plain = section_loo(plain_model, plain=sl.vectors)
    has = np.array([lp.has_abstract for lp in sl.papers])
    if dump:
        import pickle

        with open(dump, "wb") as fh:  # for head experiments without re-tuning
            pickle.dump(
                {
                    "fold_vectors": fold_vectors,
                    "fold_of": fold_of,
                    "tuned": tuned,
                    "plain": sl.vectors,
                    "labels": model.labels_,
                    "has_abstract": has,
                    "model": model_name,  # the encoder the vectors and headings come from
                },
                fh,
            )
    print(settings, f"folds={folds}" + ("" if model_name == DEFAULT_ENCODER else f" model={model_name}"))
    print(
        f"tuned: top1 {r['top1']:.3f} top3 {r['top3']:.3f}  plain: top1 {plain['top1']:.3f} top3 {plain['top3']:.3f}"
        f"  n={r['papers']} ({has.sum()} with abstract)  {time.time() - t:.0f}s  "
        f"adapters {layers.name if layers else 'per fold, variant'}"
    )
    for name, mask in (("with abstract", has), ("title only", ~has)):
        print(f"  {name}: top1 {top1[mask].mean() if mask.any() else 0.0:.3f} ({mask.sum()} papers)")
    if fold_headings:
        for name, blended in heading_blends(model, fold_vectors, fold_of, fold_headings, sl.vectors).items():
            h1, h3 = loo_hits(blended, model.labels_)
            small = loo_by_section_size(model.labels_, h1, h3)[0]
            print(
                f"  {name}: top1 {h1.mean():.3f} top3 {h3.mean():.3f}; sections of {small['entries']} entries "
                f"{small['top1']:.3f} / {small['top3']:.3f}"
            )
    for name, vectors, of in (("tuned", fold_vectors, fold_of), ("plain", [sl.vectors], np.zeros(len(has), int))):
        for prior, use_time in (("", False), (", with the time prior (shipped)", True)):
            c = place_loo(model, fold_vectors=vectors, fold_of=of, use_time=use_time)
            print(f"  place inside the group ({name}{prior}): {c['right']}/{c['cases']} = "
                  f"{c['right'] / max(c['cases'], 1):.3f}")


if __name__ == "__main__":
    main()
