"""Leave-one-out (2nd level) with the tuned section encoder, exactly as `paperbot train` measures it:
5 encoders each tuned without one fold, the head refit without the paper (product code, seed list).

python -m bench.section_tuned [layers=6] [epochs=4] [learning_rate=0.001] [rank=8] [folds=5] [dump=FILE.pkl]
"""

from __future__ import annotations

import sys
import time

import numpy as np

from bench.common import seed_list_embeddings
from bot.model import Hyper, SectionModel, section_loo, tune_sections
from bot.tune import TuneSettings


def main() -> None:
    args = dict(a.split("=") for a in sys.argv[1:])
    folds = int(args.pop("folds", 5))
    dump = args.pop("dump", "")
    settings = TuneSettings(**{k: type(getattr(TuneSettings(), k))(v) for k, v in args.items()})
    sl = seed_list_embeddings()
    hyper = Hyper()
    t = time.time()
    layers, tuned, fold_vectors, fold_of = tune_sections(
        sl.encoder, sl.papers, sl.sections, sl.vectors, hyper, settings, folds=folds
    )
    ids = [lp.section_ids for lp in sl.papers]
    model = SectionModel(hyper).fit(sl.sections, tuned, ids)
    r = section_loo(model, fold_vectors=fold_vectors, fold_of=fold_of)
    plain = section_loo(SectionModel(hyper).fit(sl.sections, sl.vectors, ids))
    has = np.array([lp.has_abstract for lp in sl.papers])
    if dump:
        import pickle

        with open(dump, "wb") as fh:  # for head experiments without re-tuning
            pickle.dump({"fold_vectors": fold_vectors, "fold_of": fold_of, "tuned": tuned, "plain": sl.vectors,
                         "labels": model.labels_, "has_abstract": has}, fh)
    print(settings, f"folds={folds}")
    print(f"tuned: top1 {r['top1']:.3f} top3 {r['top3']:.3f}  plain: top1 {plain['top1']:.3f} top3 {plain['top3']:.3f}"
          f"  n={r['papers']} ({has.sum()} with abstract)  {time.time() - t:.0f}s  adapters {layers.name}")


if __name__ == "__main__":
    main()
