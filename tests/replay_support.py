"""Shared by the scan/evaluate tests: a tiny real encoder and models trained once per test process.

The encoder hashes words into 512 buckets (scikit-learn's HashingVectorizer) and L2-normalises: a real,
deterministic text representation that needs no torch, so the tests train and score in seconds.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bot.config import Config

if TYPE_CHECKING:
    from bot.model import ListModel

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
REPLAY = FIXTURES / "replay"
FEEDS = REPLAY / "feeds"
README = REPO / "data" / "lists" / "llm-synthetic-data.md"
METADATA = REPO / "data" / "arxiv" / "list-metadata.jsonl"
BACKGROUND = REPLAY / "background.jsonl"
ENCODER_NAME = "test-hashing-512"


class HashingEncoder:
    name = ENCODER_NAME

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self._vectorizer = HashingVectorizer(
            n_features=512, alternate_sign=False, norm="l2", stop_words="english", ngram_range=(1, 2)
        )

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not len(texts):
            return np.zeros((0, 512), dtype=np.float32)
        return self._vectorizer.transform(list(texts)).toarray().astype(np.float32)


def make_config(tmp: Path, **thresholds: float) -> Config:
    """Defaults, with the tiny encoder, a private embedding cache and the small background slice.

    A `relevance` given without `relevance_after_first` stands for both: these tests mean "every paper
    above it", and the bar after a day's first proposal has tests of its own."""
    if "relevance" in thresholds:
        thresholds.setdefault("relevance_after_first", thresholds["relevance"])
    base = Config()
    return base.model_copy(
        update={
            "embedding": base.embedding.model_copy(update={"model": ENCODER_NAME, "cache_dir": tmp / "emb"}),
            "training": base.training.model_copy(update={"background": BACKGROUND, "models_dir": tmp / "models"}),
            "thresholds": base.thresholds.model_copy(update=thresholds),
            "list": base.list.model_copy(update={"readme": README, "metadata": METADATA}),
            # no arXiv API for a proposal's venue: tests/test_run.py has that, against its local API
            "arxiv_api": base.arxiv_api.model_copy(update={"venues": False}),
        }
    )


# The shared models below outlive any one test's tmp_path, so their embedding cache goes to a directory of
# this test session, removed when it ends (never a fixed path outside the temp area).
_SESSION_DIR = tempfile.TemporaryDirectory(prefix="paperbot-tests-")


@functools.cache
def trained(holdout_from: str | None = None) -> ListModel:
    """A model trained on the real list (optionally without the held-out ids) and the background slice."""
    from bot.model import train_models

    config = make_config(Path(_SESSION_DIR.name))
    model, _ = train_models(
        config, readme=README, metadata=METADATA, background=BACKGROUND, models_dir=None,
        holdout_from=holdout_from, offline=True, encoder=HashingEncoder(), evaluate=False,
    )
    return model


def list_checkout(tmp: Path, monkeypatch, *, extra_config: str = "") -> Path:
    """A list checkout for CLI tests: config.yaml, saved models, and load_encoder handing out the tiny encoder."""
    from bot import embed

    real_load = embed.load_encoder

    def load_encoder(model_name: str, **kwargs) -> embed.Encoder:
        return HashingEncoder() if model_name == ENCODER_NAME else real_load(model_name, **kwargs)

    monkeypatch.setattr(embed, "load_encoder", load_encoder)
    trained().save(tmp / "models")
    if "arxiv_api: {" in extra_config:  # one mapping: venues off in it too
        extra_config = extra_config.replace("arxiv_api: {", "arxiv_api: {venues: false, ")
    (tmp / "config.yaml").write_text(
        f"list: {{readme: {README}, metadata: {METADATA}}}\n"
        f"embedding: {{model: {ENCODER_NAME}, cache_dir: emb}}\n"
        f"training: {{background: {BACKGROUND}, models_dir: models}}\n"
        "thresholds: {relevance: 0.0, relevance_after_first: 0.0}\n"
        "max_proposals_per_run: 3\n"
        "state: {path: state/state.json}\n"
        + ("" if "arxiv_api:" in extra_config else f"{_NO_VENUES}\n") + extra_config,
        encoding="utf-8",
    )
    return tmp


# A proposal's venue comes from the arXiv API, which these checkouts do not reach (tests/test_run.py asks a local
# one for it).
_NO_VENUES = "arxiv_api: {venues: false}"


def use_arxiv_api(checkout: Path, url: str, *, venues: bool = False) -> None:
    """Point a list_checkout's config at a local arXiv API stand-in (and its own cache file)."""
    config = checkout / "config.yaml"
    text = config.read_text(encoding="utf-8")
    assert _NO_VENUES in text
    line = f"arxiv_api: {{base_url: '{url}', cache: api-cache.jsonl, venues: {str(venues).lower()}}}"
    config.write_text(text.replace(_NO_VENUES, line), encoding="utf-8")
