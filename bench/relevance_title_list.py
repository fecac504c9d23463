"""A list learnt from titles alone, scored on feeds whose papers all have abstracts.

    python -m bench.relevance_title_list [lists=PATH,...] [holdout=2504]

A maintainer's first `paperbot train --offline` without a metadata file learns every entry from its title,
while every feed paper has an abstract: the relevance model learns "list paper = a title" and a feed paper
in the list's topic scores far under the threshold. Measured on the dev replay (bench.common.relevance_replay)
with the product's RelevanceModel as `paperbot train` fits it (its tf-idf, the title-only negatives):

- the seed list with its abstracts (the shipped models), held out from 2503: the 15 papers the maintainers
  added later, recalled at <= 1 proposal a day (the best threshold, at most 2 a day) and at the shipped
  thresholds (0.045, a day's second at 0.4, at most 2), with proposals per feed day;
- the same list with its abstracts withheld (every entry its title as the README writes it);
- each real list named (none has metadata), held out from `holdout`, the same way.

Variants for a list learnt mostly from titles (the seed list with abstracts is scored as shipped):
- full text (before): a feed paper's title + abstract, as scored until this bench;
- title: the same model, a feed paper scored by its title alone;
- mix: the mean of the two logits;
- full text, calibrated to the feed (shipped, RelevanceModel.calibrate_to_feed): the full-text scores shifted
  in log-odds so the background's mean probability is the feed's rate of list papers (Hyper.relevant_rate),
  as the shipped prior shift means a list learnt from abstracts to be;
- title model: fitted on the titles alone (the background only as its title-only views), scored by title.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bench.common import REPO, read_feed_days, relevance_replay
from bench.relevance_ceiling import budget_recall
from bot.embed import embed_papers
from bot.listfile import read_list
from bot.model import (
    Hyper,
    ListPaper,
    RelevanceModel,
    TitleViews,
    _slim,
    _without_list_twins,
    _word_vectorizer,
    is_held_out,
    learnt_from,
    list_papers,
    read_background,
    title_only,
    title_views,
)
from bot.papers import Paper

LISTS = ["/tmp/realists/rag-reasoning.md", "/tmp/realists/game-agent.md"]
THRESHOLD, AFTER_FIRST, CAP = 0.045, 0.4, 2  # config.yaml's thresholds and daily cap


def at_thresholds(days: list[list[Paper]], p: np.ndarray, held: set[str]) -> tuple[int, int]:
    """(held-out papers proposed, proposals) at the shipped thresholds, as propose.select_proposals picks."""
    hits = proposals = start = 0
    for ps in days:
        scores = p[start:start + len(ps)]
        order = [j for j in np.argsort(-scores) if scores[j] >= THRESHOLD]
        picked = order[:1] + [j for j in order[1:] if scores[j] >= max(THRESHOLD, AFTER_FIRST)]
        for j in picked[:CAP]:
            proposals += 1
            hits += ps[j].arxiv_id in held
        start += len(ps)
    return hits, proposals


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return np.log(p / (1 - p))


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


class Bench:
    """The dev feeds, the background and the encoder, loaded once for every list."""

    def __init__(self) -> None:
        from bot.config import load_config
        from bot.embed import config_encoder, encoder_cache

        self.config = load_config(REPO / "config.yaml")
        self.plist = read_list(self.config.list.readme)
        self.enc = config_encoder(self.config)
        # the product's cache for this encoder (bfloat16 where the CPU computes it), as train and scan read it
        self.cache = encoder_cache(self.config.embedding.cache_dir, self.enc)
        self.replay = relevance_replay(self.config, self.plist, "2503")
        self.feed_days = read_feed_days()
        self.background = read_background(self.config.training.background)

    def vectors(self, papers: list[Paper]) -> np.ndarray:
        return embed_papers(papers, self.enc, self.cache)

    def replay_of(self, plist, positives: list[Paper], held: set[str]
                  ) -> tuple[list[Paper], list[list[Paper]], list[Paper], set[str]]:
        """The background without the list's papers, the feed days without them (the held-out ones kept), all
        the feed's papers and the held-out ones among them: what a replay of this list scores."""
        on_list = {p.arxiv_id for p in positives if p.arxiv_id} | plist.arxiv_ids() | plist.mentioned_ids.keys()
        background = _without_list_twins([p for p in self.background if p.arxiv_id not in on_list], plist)
        days = [[p for p in ps if p.arxiv_id in held or not (p.arxiv_id in on_list or plist.contains(p))]
                for _, ps in self.feed_days]
        feed = [p for ps in days for p in ps]
        return background, days, feed, held & {p.arxiv_id for p in feed}

    def fit(self, positives: list[Paper], background: list[Paper]
            ) -> tuple[RelevanceModel, np.ndarray, np.ndarray, TitleViews]:
        """The relevance model as `paperbot train` fits it (its tf-idf, the title-only negatives), with the list's
        and the background's vectors and the title views it was fitted with."""
        hyper = Hyper()
        texts = [p.text for p in positives] + [p.text for p in background]
        pos_v, neg_v = self.vectors(positives), self.vectors(background)
        y = np.r_[np.ones(len(positives)), np.zeros(len(background))]
        views = title_views(positives, background, self.enc, self.cache)
        corpus = texts[len(positives):] + texts[:len(positives)]  # as train_models fits it
        tfidf = _slim(_word_vectorizer(hyper.relevance_max_features).fit(corpus))
        model = RelevanceModel(hyper).fit(texts, np.vstack([pos_v, neg_v]), y, tfidf=tfidf, views=views)
        return model, pos_v, neg_v, views

    def run(self, name: str, plist, positives: list[Paper], held: set[str]) -> None:
        background, days, feed, held = self.replay_of(plist, positives, held)
        is_held = np.array([p.arxiv_id in held for p in feed])
        titled = sum(not p.abstract for p in positives)
        print(f"\n{name}: {len(positives)} list papers ({titled} title only), {len(background)} background, "
              f"{len(feed)} feed papers in {len(days)} days, {len(held)} held out in them", flush=True)
        t = time.time()
        model, pos_v, neg_v, views = self.fit(positives, background)
        full = model.predict([p.text for p in feed], self.vectors(feed))
        print(f"  (fitted in {time.time() - t:.0f}s)", flush=True)

        def report(label: str, p: np.ndarray) -> None:
            from sklearn.metrics import average_precision_score

            hits, props, ranks = budget_recall(days, logit(p), held, cap=CAP)
            at, n = at_thresholds(days, p, held)
            ap = average_precision_score(is_held, p) if held else float("nan")
            expected = float(p.sum())
            print(f"  {label:44s} at <= 1/day {hits}/{len(held)} in {props}; at the thresholds {at}/{len(held)} at "
                  f"{n / len(days):.2f}/day; AP {ap:.3f}; median feed score {np.median(p):.4f}, expected list "
                  f"papers {expected:.1f}; held-out ranks {ranks}", flush=True)

        # the product's rule (bot.model.fit_list_model): a list learnt mostly from titles is calibrated to the feed
        if learnt_from([ListPaper("", p, [], bool(p.abstract)) for p in positives]) == "abstracts":
            report("full text (shipped: learnt from abstracts)", full)
            return
        report("full text (before)", full)
        feed_titles = [title_only(p) for p in feed]
        tv = self.vectors(feed_titles)
        title = model.predict([p.text for p in feed_titles], tv)
        report("title", title)
        report("mix (mean logit)", sigmoid((logit(full) + logit(title)) / 2))
        full_bg = [i for i, p in enumerate(background) if p.abstract]
        model.calibrate_to_feed([background[i].text for i in full_bg], neg_v[full_bg])
        report("full text, calibrated to the feed (shipped)", model.predict([p.text for p in feed], self.vectors(feed)))
        print(f"  (log-odds shift {model.feed_shift_:+.2f})")
        t = time.time()
        title_model = fit_title_model(Hyper(), positives, pos_v, views)
        report("title model", title_model([p.text for p in feed_titles], tv))
        print(f"  (title model fitted in {time.time() - t:.0f}s)", flush=True)

    def seed(self) -> None:
        plist = self.plist
        held = {e.arxiv_id for e in plist.entries if e.arxiv_id and is_held_out(e.arxiv_id, "2503")}
        self.run("seed list, abstracts as shipped (holdout 2503)", plist, list(self.replay.positives), held)
        bare = [lp.paper for lp in list_papers(plist, {}, holdout_from="2503")]
        self.run("seed list, abstracts withheld (holdout 2503)", plist, bare, set(held))

    def real(self, path: str, holdout: str) -> None:
        plist = read_list(Path(path))
        held = {e.arxiv_id for e in plist.entries if e.arxiv_id and is_held_out(e.arxiv_id, holdout)}
        bare = [lp.paper for lp in list_papers(plist, {}, holdout_from=holdout)]
        self.run(f"{Path(path).name}, no metadata (holdout {holdout})", plist, bare, held)


def fit_title_model(hyper: Hyper, positives: list[Paper], pos_v: np.ndarray, views: TitleViews
                    ) -> Callable[[list[str], np.ndarray], np.ndarray]:
    """RelevanceModel on titles alone: the title-only positives against the background's titles."""
    texts = [p.text for p in positives] + list(views.texts)
    y = np.r_[np.ones(len(positives)), np.zeros(len(views))]
    tfidf = _slim(_word_vectorizer(hyper.relevance_max_features).fit(texts))
    m = RelevanceModel(hyper).fit(texts, np.vstack([pos_v, views.vectors]), y, tfidf=tfidf)
    return m.predict


def main() -> None:
    args = dict(a.split("=", 1) for a in sys.argv[1:])
    lists = [x for x in args.get("lists", ",".join(LISTS)).split(",") if x]
    b = Bench()
    if args.get("seed", "1") == "1":
        b.seed()
    for path in lists:
        b.real(path, args.get("holdout", "2504"))


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
