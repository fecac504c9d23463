"""The place inside a 2nd-level section (where the pull request writes a paper): the rule shipped until
2026-12-04 (nearest other entry + bot.model.leaf_time_prior) against cheap additions (the place's heading,
"parent > leaf" at weight 0.5, is shipped since: Hyper.leaf_heading_weight), leave-one-out on the 80 cases of
bot.model.place_loo (mirrored here, through the fold vectors of a bench.section_tuned dump), then the temporal
split of bench.section_temporal (learn from the papers < 2503, place the 71 added later).

    python -m bench.place_headings DUMP [temporal=T.pkl]     # 10-20 s
    python -m bench.place_headings temporal_dump=T.pkl       # tunes one encoder on the papers < 2503, ~6 min

DUMP: from `python -m bench.section_tuned dump=DUMP`. The rules, each added to the shipped order:
- w x the place's heading as a prototype: cosine of the paper's plain vector to the plain embedding of the
  leaf's heading (numbering stripped: the leaf alone, "parent > leaf", or the path below the top level),
  minus that heading's mean cosine to the other list papers (as bot.model._means_without);
- a place centroid: (1 - a) x nearest entry + a x cosine to the mean of the place's other entries;
- a soft vote: among the group's k nearest entries, T x log sum exp(sim / T) per place.
The temporal split runs the shipped rule and the best ones on the leave-one-out, with the plain encoder and
(temporal=T.pkl) the tuned one, the 2nd level with headings as shipped; it prints the exact place (of 71)
and the place inside each own 2nd-level section with several places (of 17), as bench.section_temporal.
"""

from __future__ import annotations

import pickle
import sys
import time

import numpy as np

from bench.common import REPO, seed_list_embeddings
from bot.model import Hyper, SectionModel, _heading_text, leaf_time_prior
from bot.papers import arxiv_month

HOLDOUT = "2503"


def temporal_dump(sl, path: str) -> None:
    """The temporal split's tuned vectors (tuned once on the papers < 2503, as bench.section_temporal)."""
    from bot.arxiv_api import load_metadata_jsonl
    from bot.model import Hyper, list_papers, tune_sections
    from bot.tune import TuneSettings

    by_key = {lp.key: i for i, lp in enumerate(sl.papers)}
    train = list_papers(sl.plist, load_metadata_jsonl(REPO / "data/arxiv/list-metadata.jsonl"), holdout_from=HOLDOUT)
    kept = {lp.key for lp in train}
    test = [lp for lp in sl.papers if lp.key not in kept]
    train_vectors = np.array([sl.vectors[by_key[lp.key]] for lp in train])
    layers, tuned, _, _ = tune_sections(sl.encoder, train, sl.sections, train_vectors, Hyper(), TuneSettings())
    tuned_test = layers.encoder(sl.encoder).encode([lp.paper.text for lp in test])
    with open(path, "wb") as fh:
        pickle.dump({"train_keys": [lp.key for lp in train], "test_keys": [lp.key for lp in test],
                     "train_section_ids": [lp.section_ids for lp in train],
                     "tuned_train": np.asarray(tuned), "tuned_test": np.asarray(tuned_test)}, fh)


def heading_texts(model: SectionModel) -> dict[str, list[str]]:
    """Per variant, one text per candidate section (numbering stripped)."""
    paths = [[_heading_text(h) for h in s["path"]] for s in model.sections_]
    return {
        "leaf": [p[-1] for p in paths],
        "parent > leaf": [" > ".join(p[-2:]) for p in paths],
        "path below the top level": [" > ".join(p[1:]) for p in paths],
    }


def embed_headings(encoder, texts: list[str]) -> np.ndarray:
    vectors = np.asarray(encoder.encode(texts), dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def base_scores(rule: dict, sims: np.ndarray, others: list[np.ndarray], vectors: np.ndarray,
                query: np.ndarray) -> np.ndarray:
    """Per place of one group: the similarity the places are ordered by, before the time prior and headings.

    nearest: its nearest entry (as SectionModel.rank); centroid: (1 - a) x that + a x the cosine to the
    mean of its entries; soft: among the group's k nearest entries, T x log sum exp(sim / T) over the place's
    (a place with none of them keeps its nearest entry's similarity, which is below all of theirs).
    """
    best = np.array([sims[o].max() if len(o) else -1.0 for o in others])
    kind = rule.get("kind", "nearest")
    if kind == "centroid":
        cent = np.array([-1.0 if not len(o) else float(query @ vectors[o].mean(0))
                         / max(float(np.linalg.norm(vectors[o].mean(0))), 1e-12) for o in others])
        return (1 - rule["a"]) * best + rule["a"] * cent
    if kind == "soft":
        pairs = sorted(((float(sims[q]), p) for p, o in enumerate(others) for q in o), reverse=True)[: rule["k"]]
        out = best.copy()
        for p in {p for _, p in pairs}:
            out[p] = rule["T"] * np.log(sum(np.exp(s / rule["T"]) for s, pp in pairs if pp == p))
        return out
    return best


def place_order(rule: dict, sims, others, vectors, query, month, leaf_months, hyper, heads) -> np.ndarray:
    """The places' scores: base + leaf time prior (if rule['time']) + w x centred heading cosine."""
    score = base_scores(rule, sims, others, vectors, query)
    if rule.get("time", True) and month is not None and not np.isnan(month):
        score = score + leaf_time_prior(int(month), leaf_months, hyper)
    if rule.get("w", 0.0) and heads is not None:
        score = score + rule["w"] * heads
    return score


def loo(model: SectionModel, rule: dict, folds, fold_of, plain, heading) -> tuple[int, int, dict]:
    """place_loo with the rule: (right, cases, right by group). heading: (vectors, means over all papers)."""
    members, papers_of = model.places()
    months = model.months_
    n = len(plain)
    right = cases = 0
    by_group: dict = {}
    for i, own in enumerate(model.paper_sections_):
        vectors = folds[int(fold_of[i])]
        sims = vectors @ vectors[i]
        for group in {model.sections_[j]["group"] for j in own}:
            inside = [(j, np.array([q for q in papers_of[j] if q != i], dtype=int)) for j in members[group]]
            inside = [(j, o) for j, o in inside if len(o)]
            if len(inside) < 2:
                continue
            heads = None
            if heading is not None:
                hv, means = heading
                js = [j for j, _ in inside]
                cos = hv[js] @ plain[i]
                heads = cos - (means[js] * n - cos) / (n - 1) * rule.get("center", 1.0)
            score = place_order(rule, sims, [o for _, o in inside], vectors, vectors[i], months[i],
                                [months[o] for _, o in inside], model.hyper, heads)
            hit = inside[int(np.argmax(score))][0] in own
            cases += 1
            right += hit
            g = by_group.setdefault(group[1], [0, 0])
            g[0] += hit
            g[1] += 1
    return right, cases, by_group


def temporal(model: SectionModel, rule: dict, vectors, plain, months, truth, heading) -> tuple[int, int, int]:
    """bench.section_temporal.places with the places of each group reordered by the rule (as rank does)."""
    groups = model.group_scores(vectors, plain=plain)
    sims_all = vectors @ model.vectors_.T
    members, papers_of = model.places()
    exact = right = cases = 0
    for r, want in enumerate(truth):
        ranked = []
        for g, gscore in zip(model.groups_, groups[r], strict=True):
            secs = members[g]
            if len(secs) == 1:
                ranked.append((secs[0], float(gscore)))
                continue
            others = [np.array(papers_of[j], dtype=int) for j in secs]
            best = np.array([sims_all[r, o].max() if len(o) else -1.0 for o in others])
            share = model.place_shares(best)
            heads = None
            if heading is not None:
                hv, means = heading
                heads = hv[secs] @ plain[r] - rule.get("center", 1.0) * means[secs]
            score = place_order(rule, sims_all[r], others, model.vectors_, vectors[r], months[r],
                                [model.months_[o] for o in others], model.hyper, heads)
            order = np.argsort(-score, kind="stable")
            share[order] = np.sort(share)[::-1]
            ranked.extend((j, float(gscore * s)) for j, s in zip(secs, share, strict=True))
        ranked.sort(key=lambda t: -t[1])
        exact += model.sections_[ranked[0][0]]["id"] in want
        for group in {s["group"] for s in model.sections_ if s["id"] in want}:
            inside = [model.sections_[j]["id"] for j, _ in ranked if model.sections_[j]["group"] == group]
            if len(inside) > 1:
                cases += 1
                right += inside[0] in want
    return exact, right, cases


def name_of(rule: dict) -> str:
    parts = [{"nearest": "nearest entry", "centroid": f"{1 - rule.get('a', 0):g} x nearest + {rule.get('a', 0):g} x "
              "place centroid", "soft": f"soft vote of the group's {rule.get('k')} nearest, T {rule.get('T')}"}
             [rule.get("kind", "nearest")]]
    parts.append("+ time prior" if rule.get("time", True) else "no time prior")
    if rule.get("w"):
        centred = "" if rule.get("center", 1.0) else ", not centred"
        parts.append(f"+ {rule['w']:g} x heading ({rule['heading']}{centred})")
    return " ".join(parts)


def main() -> None:
    args = dict(a.split("=", 1) for a in sys.argv[2:])
    start = time.time()
    with open(sys.argv[1], "rb") as fh:
        dump = pickle.load(fh)
    sl = seed_list_embeddings()
    ids = [lp.section_ids for lp in sl.papers]
    months = [arxiv_month(lp.paper.arxiv_id) for lp in sl.papers]
    model = SectionModel(Hyper()).fit(sl.sections, dump["tuned"], ids, months)
    texts = heading_texts(model)
    members, _ = model.places()
    for g, secs in members.items():
        if len(secs) > 1:
            print(f"{g[1]}: " + " | ".join(texts["leaf"][j] for j in secs))
    plain = sl.vectors
    heads = {}
    for variant, ts in texts.items():
        hv = embed_headings(sl.encoder, ts)
        heads[variant] = (hv, (plain @ hv.T).mean(0))
    rules = [{"time": False}, {}]
    rules += [{"w": w, "heading": v} for v in texts for w in (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0)]
    rules += [{"w": w, "heading": "leaf", "center": 0.0} for w in (0.05, 0.1)]
    rules += [{"kind": "centroid", "a": a, "time": t} for t in (False, True) for a in (0.25, 0.5, 0.75)]
    rules += [{"kind": "soft", "k": k, "T": t} for k in (2, 3) for t in (0.02, 0.05)]
    print("\nleave-one-out through the dump's fold vectors, right / cases (by group: 4.3, 4.4, others):")
    results = []
    for rule in rules:
        heading = heads[rule["heading"]] if rule.get("w") else None
        right, cases, by = loo(model, rule, dump["fold_vectors"], dump["fold_of"], plain, heading)
        ig, al = by.get("4.3. Instruction Tuning", [0, 0]), by.get("4.4. Alignment", [0, 0])
        rest = [sum(v[k] for g, v in by.items() if g not in ("4.3. Instruction Tuning", "4.4. Alignment"))
                for k in (0, 1)]
        print(f"  {right:3d} / {cases}  ({ig[0]}/{ig[1]}, {al[0]}/{al[1]}, {rest[0]}/{rest[1]})  {name_of(rule)}",
              flush=True)
        results.append((right, rule))
    before = {"w": 0.0}  # shipped until 2026-12-04
    shipped = {"w": 0.5, "heading": "parent > leaf"}  # Hyper.leaf_heading_weight, SectionModel.set_headings
    by_heading = max((r for r in results if r[1].get("w")), key=lambda r: r[0])
    other = max((r for r in results if r[1].get("kind") in ("centroid", "soft") and r[1].get("time", True)),
                key=lambda r: r[0])
    plateau = {"w": 0.1, "heading": "leaf"}  # every heading text gives the same at 0.1-0.2
    picked = [before, shipped, plateau] + [r for r in (by_heading[1], other[1]) if r not in (plateau, shipped)]
    print(f"leave-one-out: {time.time() - start:.0f} s\n")

    from bot.arxiv_api import load_metadata_jsonl
    from bot.model import list_papers

    by_key = {lp.key: i for i, lp in enumerate(sl.papers)}
    train = list_papers(sl.plist, load_metadata_jsonl(REPO / "data/arxiv/list-metadata.jsonl"), holdout_from=HOLDOUT)
    kept = {lp.key for lp in train}
    test = [lp for lp in sl.papers if lp.key not in kept]
    train_plain = np.array([plain[by_key[lp.key]] for lp in train])
    test_plain = np.array([plain[by_key[lp.key]] for lp in test])
    train_months = [arxiv_month(lp.paper.arxiv_id) for lp in train]
    test_months = [arxiv_month(lp.paper.arxiv_id) for lp in test]
    own = [set(lp.section_ids) for lp in test]
    encoders = [("plain", train_plain, test_plain)]
    if "temporal" in args:
        with open(args["temporal"], "rb") as fh:
            tdump = pickle.load(fh)
        assert tdump["train_keys"] == [lp.key for lp in train] and tdump["test_keys"] == [lp.key for lp in test]
        encoders.append(("tuned", tdump["tuned_train"], tdump["tuned_test"]))
    print(f"temporal split: learn from {len(train)} (< {HOLDOUT}), place {len(test)}; exact place x/{len(test)}, "
          "the place inside the paper's own 2nd-level section x/cases")
    for enc, tr, te in encoders:
        m = SectionModel(Hyper()).fit(sl.sections, tr, [lp.section_ids for lp in train], train_months)
        m.set_headings(sl.encoder, train_plain)
        for rule in picked:
            heading = None
            if rule.get("w"):
                hv = heads[rule["heading"]][0]
                heading = (hv, (train_plain @ hv.T).mean(0))
            exact, right, cases = temporal(m, rule, te, test_plain, test_months, own, heading)
            print(f"  {enc} + headings (2nd level), {name_of(rule)}: exact {exact}/{len(test)}, inside {right}/{cases}",
                  flush=True)
        first = [r[0][0] for r in m.rank(te, test_plain, test_months)]
        ref = sum(m.sections_[j]["id"] in w for j, w in zip(first, own, strict=True))
        print(f"  ({enc}: SectionModel.rank itself puts {ref}/{len(test)} in their exact place)")
    print(f"total: {time.time() - start:.0f} s")


if __name__ == "__main__":
    if sys.argv[1].startswith("temporal_dump="):
        start = time.time()
        temporal_dump(seed_list_embeddings(), sys.argv[1].split("=", 1)[1])
        print(f"temporal dump: {time.time() - start:.0f} s")
    else:
        main()
