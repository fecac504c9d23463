"""Shared helpers for the bench/ experiments (not product code, not tests): they read data the way the
product does (bot.model.read_background, bot.feeds.read_feeds), so cache keys and numbers agree with it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from bot.feeds import read_feeds
from bot.papers import Paper

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FEEDS_DEV = SHARED / "data/arxiv/feeds-dev"
DEFAULT_ENCODER = "all-MiniLM-L6-v2"  # the product's embedding.model; the benches' vectors unless told otherwise


def read_feed_days(directory: Path = FEEDS_DEV) -> list[tuple[str, list[Paper]]]:
    """(day, papers) for each day file, new + cross only, each paper on the first day it is announced."""
    seen: set[str] = set()
    days = []
    for path in sorted(Path(directory).glob("*.xml")):
        papers = read_feeds([str(path)], seen=seen).papers
        seen.update(p.arxiv_id for p in papers)
        days.append((path.stem, papers))
    return days


class SeedList(NamedTuple):
    plist: Any  # bot.listfile.PaperList
    papers: list  # bot.model.ListPaper, one per distinct work
    vectors: np.ndarray  # their MiniLM embeddings, row per paper
    sections: list  # bot.model.candidate_sections(plist)
    encoder: Any  # the loaded encoder, for embedding more texts


def seed_list_embeddings(model_name: str = DEFAULT_ENCODER) -> SeedList:
    """The seed list, its papers (bot.model.list_papers), their vectors (MiniLM unless another
    sentence-transformers model or folder is named) and the candidate sections."""
    from bot.arxiv_api import load_metadata_jsonl
    from bot.embed import EmbeddingCache, embed_papers, load_encoder
    from bot.listfile import read_list
    from bot.model import candidate_sections, list_papers

    plist = read_list(REPO / "data/lists/llm-synthetic-data.md")
    lps = list_papers(plist, load_metadata_jsonl(REPO / "data/arxiv/list-metadata.jsonl"))
    enc = load_encoder(model_name)
    vectors = embed_papers([lp.paper for lp in lps], enc, EmbeddingCache(REPO / ".cache/embeddings", enc.name))
    return SeedList(plist, lps, vectors, candidate_sections(plist), enc)


class RelevanceReplay(NamedTuple):
    """The relevance model's data for a holdout, and the dev replay's feed as scan would score it."""

    positives: list[Paper]  # the list papers trained on (held-out entries left out)
    background: list[Paper]  # the shipped background, minus anything on the list
    days: list[list[Paper]]  # per feed day, the papers scan scores
    feed: list[Paper]  # the days, flattened
    held: set[str]  # held-out arXiv ids that appear in the feed

    def training(self, encoder: Any, cache: Any) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Texts, embeddings and labels (list papers 1, background 0), as RelevanceModel.fit takes them."""
        from bot.embed import embed_papers

        texts = [p.text for p in self.positives] + [p.text for p in self.background]
        vectors = np.vstack(
            [embed_papers(self.positives, encoder, cache), embed_papers(self.background, encoder, cache)]
        )
        return texts, vectors, np.r_[np.ones(len(self.positives)), np.zeros(len(self.background))]

    def views(self, encoder: Any, cache: Any) -> Any:
        """The background's title-only copies, as train_models adds them (bot.model.title_views)."""
        from bot.model import title_views

        return title_views(self.positives, self.background, encoder, cache)


def relevance_replay(config: Any, plist: Any, holdout: str | None, directory: Path = FEEDS_DEV) -> RelevanceReplay:
    """Training papers as `paperbot evaluate --holdout-from` reads them (offline), and the replay's days.

    As scan: a feed paper already on the (training) list, by arXiv id or title, is never scored.
    """
    from bot.arxiv_api import resolve
    from bot.model import is_held_out, list_papers, read_background

    ids = sorted({e.arxiv_id for e in plist.entries if e.arxiv_id and not is_held_out(e.arxiv_id, holdout)})
    meta = resolve(ids, config, metadata=config.list.metadata, offline=True).papers
    positives = [lp.paper for lp in list_papers(plist, meta, holdout_from=holdout)]
    on_list = {p.arxiv_id for p in positives if p.arxiv_id} | plist.arxiv_ids()
    background = read_background(config.training.background, exclude=on_list)
    held = {e.arxiv_id for e in plist.entries if e.arxiv_id and is_held_out(e.arxiv_id, holdout)}
    days = [
        [p for p in ps if p.arxiv_id in held or not (p.arxiv_id in on_list or plist.contains(p))]
        for _, ps in read_feed_days(directory)
    ]
    feed = [p for ps in days for p in ps]
    return RelevanceReplay(positives, background, days, feed, held & {p.arxiv_id for p in feed})


def evaluate_training(holdout: str | None = "2503") -> tuple[Any, RelevanceReplay, Any]:
    """The repository's config, the relevance training papers and feed as `paperbot evaluate` trains on them
    (the background without papers on the list under another link, as train_models drops them), and the
    shipped hyper-parameters. holdout=None: the whole list, as `paperbot train` trains on it."""
    from bot.config import load_config
    from bot.listfile import read_list
    from bot.model import _without_list_twins, hyper_from_config

    config = load_config(REPO / "config.yaml")
    plist = read_list(config.list.readme)
    replay = relevance_replay(config, plist, holdout)
    replay = replay._replace(background=_without_list_twins(replay.background, plist))
    return config, replay, hyper_from_config(config)


def fit_relevance(hyper: Any, positives: list[Paper], background: list[Paper], vectors: np.ndarray,
                  views: Any) -> Any:
    """RelevanceModel as train_models fits it: its own tf-idf, the list papers' vectors first."""
    from bot.model import RelevanceModel, _slim, _word_vectorizer

    texts = [p.text for p in positives] + [p.text for p in background]
    y = np.r_[np.ones(len(positives)), np.zeros(len(background))]
    tfidf = _slim(_word_vectorizer(hyper.relevance_max_features).fit(texts[len(positives):] + texts[: len(positives)]))
    return RelevanceModel(hyper).fit(texts, vectors, y, tfidf=tfidf, views=views)


class DevReplay(NamedTuple):
    """Everything the relevance benches score the dev replay with, loaded once."""

    config: Any
    plist: Any
    encoder: Any
    cache: Any
    replay: RelevanceReplay
    is_held: np.ndarray  # per feed paper: is it a held-out list paper
    feed_texts: list[str]
    feed_vectors: np.ndarray


def dev_replay(holdout: str) -> DevReplay:
    """The repository's config, list and encoder, and the dev replay's feed as the relevance model scores it."""
    from bot.config import load_config
    from bot.embed import config_encoder, embed_papers, encoder_cache
    from bot.listfile import read_list

    config = load_config(REPO / "config.yaml")
    plist = read_list(config.list.readme)
    encoder = config_encoder(config)
    cache = encoder_cache(config.embedding.cache_dir, encoder)
    replay = relevance_replay(config, plist, holdout)
    feed = replay.feed
    return DevReplay(
        config, plist, encoder, cache, replay, np.array([p.arxiv_id in replay.held for p in feed]),
        [p.text for p in feed], embed_papers(feed, encoder, cache),
    )
