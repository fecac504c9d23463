"""A survey goes where the list keeps its surveys: the kind of paper, which its topic's embedding does not say.

    python -m bench.section_tuned dump=/tmp/tuned.pkl      # tunes 6 encoders, 25-50 minutes
    python -m bench.section_kinds /tmp/tuned.pkl            # 1 minute

A survey of knowledge distillation lies among the distillation papers in any embedding, so the section step
put one into "7. Tools" with "3. Surveys" not in its top 3 (the month's PRs, 5 Dec 2026). Its words say what
kind of paper it is ("A Survey", "this survey", "Challenges and Future Directions"), and the list's headings
say where that kind goes (a heading with the word "survey"). On the shipped tuned leave-one-out, this blends
each survey's group scores with the list's survey sections at weights 0-0.7 and prints top-1 / top-3 over
all papers, the papers of the survey sections, and the papers the cue calls surveys (at the shipped weight
also by section size and with an abstract or not); then the same on the
dev feed papers the cue calls surveys, with the shipped models (their section before and after).

A dump of another encoder (section_tuned model=...) is scored with that encoder's heading prototypes; the
dev feeds' part always runs the shipped models on the shipped encoder.
"""

from __future__ import annotations

import pickle
import sys

import numpy as np

from bench.common import DEFAULT_ENCODER, seed_list_embeddings
from bot.embed import load_encoder
from bot.model import (
    Hyper,
    SectionModel,
    is_survey,
    loo_by_section_size,
    loo_hits,
    section_loo_scores,
    survey_groups,
    with_kinds,
)


def main() -> None:
    with open(sys.argv[1], "rb") as fh:
        dump = pickle.load(fh)
    model_name = dump.get("model", DEFAULT_ENCODER)  # dumps from before section_tuned took model=
    sl = seed_list_embeddings(model_name)
    ids = [lp.section_ids for lp in sl.papers]
    model = SectionModel(Hyper()).fit(sl.sections, dump["tuned"], ids).set_headings(sl.encoder, dump["plain"])
    shipped = section_loo_scores(model, fold_vectors=dump["fold_vectors"], fold_of=dump["fold_of"],
                                 plain=dump["plain"])
    labels = model.labels_
    groups = survey_groups(model.groups_)
    surveys = np.array([is_survey(lp.paper) for lp in sl.papers])
    in_survey_section = labels[:, groups].sum(1) > 0 if len(groups) else np.zeros(len(labels), bool)
    print(f"survey sections: {[' > '.join(model.groups_[g]) for g in groups]}; papers in them: "
          f"{int(in_survey_section.sum())}; papers the cue calls surveys: {int(surveys.sum())}, "
          f"{int((surveys & in_survey_section).sum())} of them in a survey section")
    for lp, s, own in zip(sl.papers, surveys, in_survey_section, strict=True):
        if s != own:
            print(f"  {'cue only   ' if s else 'section only'}  {lp.paper.title[:90]}")
    print("\nweight   all (top-1 / top-3)   survey sections' papers   cue's papers")
    for w in (0.0, 0.2, 0.3, 0.5, 0.7):
        scores = with_kinds(shipped, surveys, groups, w)
        top1, top3 = loo_hits(scores, labels)

        def cell(mask: np.ndarray, top1: np.ndarray = top1, top3: np.ndarray = top3) -> str:
            return f"{int(top1[mask].sum())}/{int(top3[mask].sum())} of {int(mask.sum())}"

        print(f"{w:6.1f}   {top1.mean():.1%} / {top3.mean():.1%}        {cell(in_survey_section):>14}"
              f"          {cell(surveys):>12}")
    shipped_hits = loo_hits(with_kinds(shipped, surveys, groups, Hyper().section_survey_weight), labels)
    print(f"\nat the shipped weight {Hyper().section_survey_weight}: " + ", ".join(
        f"sections of {b['entries']} entries {b['top1']:.1%} / {b['top3']:.1%} ({b['papers']} papers)"
        for b in loo_by_section_size(labels, *shipped_hits)
    ))
    has = np.asarray(dump["has_abstract"], dtype=bool)
    print("  " + ", ".join(
        f"{name} {shipped_hits[0][m].mean():.1%} / {shipped_hits[1][m].mean():.1%} ({int(m.sum())} papers)"
        for name, m in (("with an abstract", has), ("title only", ~has)) if m.any()
    ))
    if model_name != DEFAULT_ENCODER:
        print(f"\n(scored through {model_name}; the dev feeds' part below uses the shipped encoder)")
    feed_surveys(sl.encoder if model_name == DEFAULT_ENCODER else load_encoder(DEFAULT_ENCODER))


def feed_surveys(encoder: object) -> None:
    """The dev feeds' papers the cue calls surveys, placed by the shipped models with and without the kind."""
    import copy
    import dataclasses

    from bench.common import REPO, read_feed_days
    from bot.embed import EmbeddingCache
    from bot.model import ListModel

    readme = (REPO / "data/lists/llm-synthetic-data.md").read_text(encoding="utf-8")
    model = ListModel.load(REPO / "models", embedding_model=encoder.name, readme_text=readme)  # type: ignore[attr-defined]
    blind = copy.copy(model)
    blind.sections = copy.copy(model.sections)
    blind.sections.hyper = dataclasses.replace(model.sections.hyper, section_survey_weight=0.0)
    papers = [p for _, day in read_feed_days() for p in day if is_survey(p)]
    cache = EmbeddingCache(REPO / ".cache/embeddings", encoder.name)  # type: ignore[attr-defined]
    with_kind = model.score(papers, encoder, cache)  # type: ignore[arg-type]
    without = blind.score(papers, encoder, cache)  # type: ignore[arg-type]
    print(f"\ndev feeds: {len(papers)} papers the cue calls surveys; best section with the shipped models "
          "(without the kind -> with it), the 10 most relevant:")
    order = sorted(range(len(papers)), key=lambda i: -with_kind[i].relevance)
    moved = sum(a.sections[0].path != b.sections[0].path for a, b in zip(with_kind, without, strict=True))
    for i in order[:10]:
        a, b = without[i].sections[0].path, with_kind[i].sections[0].path
        before, after = " > ".join(a)[-30:], " > ".join(b)[-30:]
        print(f"  {with_kind[i].relevance:.3f}  {papers[i].title[:70]:70}  {before} -> {after}")
    print(f"  moved: {moved} of {len(papers)}; now in a survey section: "
          f"{sum('Surveys' in s.sections[0].path[-1] for s in with_kind)}")


if __name__ == "__main__":
    main()
