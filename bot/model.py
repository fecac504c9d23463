"""Learning the list: is a paper relevant at all (relevance), where does it go (sections), and why (neighbours).

Relevance is a calibrated logistic regression over lexical (tf-idf word n-grams) and semantic (sentence
embedding) features, trained on the list's entries against background arXiv papers; its probability is
shifted from the training mix to the rate of relevant papers in a real feed, so a threshold means
something. Sections are scored over the list's real tree: a linear model over the 2nd-level sections
blended with nearest-neighbour similarity to the entries and with similarity to each section's centroid
(both robust for sections with 1-3 entries), then refined to the leaf section by similarity within the
chosen branch. The section step sees the papers through the encoder tuned on the list's own sections
(low-rank adapters, bot.tune); relevance keeps the plain encoder.

Nothing here imports torch: vectors come from an `Encoder` (bot.embed) passed in by the caller.
"""

from __future__ import annotations

import copy
import datetime as _dt
import gzip
import hashlib
import io
import json
import logging
import pickle
import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from bot.errors import PaperbotError, UnusableModels, UsageError
from bot.files import atomic_write_files, check_writable, json_bytes
from bot.papers import (
    Entry,
    Neighbour,
    Paper,
    Section,
    SectionScore,
    arxiv_month,
    link_key,
    normalize_title,
    slot_venue,
    year_heading,
)

if TYPE_CHECKING:
    from bot.config import Config
    from bot.embed import EmbeddingCache, Encoder
    from bot.listfile import PaperList
    from bot.tune import TunedLayers, TuneSettings

log = logging.getLogger("paperbot.model")

FORMAT_VERSION = 2  # 2: tuned section layers
ARTIFACT = "model.pkl.gz"
META = "meta.json"
N_NEAREST = 3


@dataclass(frozen=True)
class Scored:
    """One paper as the models see it: relevance, section ranking (best first), evidence."""

    paper: Paper
    relevance: float
    sections: tuple[SectionScore, ...]
    nearest: tuple[Neighbour, ...]
    unsure: bool


@dataclass
class Hyper:
    """Knobs of the models; defaults are the values the replay and leave-one-out chose (bench/)."""

    relevance_C: float = 1.0
    relevance_embedding_weight: float = 0.3
    relevance_max_features: int = 100000
    # At scikit-learn's default tolerance (1e-4) L-BFGS stopped after ~19 iterations, short of the optimum and
    # at a point that moved with any change to the papers: a retraining without one list paper moved the
    # scores 20-40%. Solved to the optimum they move ~1% (bench/README.md, "How far a retraining moves the
    # scores"); C was chosen again for the solved regression (python -m bench.relevance_grid tol=1e-8
    # C=0.5,1,2,4 weights=0.3,0.5 cv=1).
    relevance_tol: float = 1e-8
    relevant_rate: float = 0.0033
    section_C: float = 100.0
    section_knn: int = 10
    section_temperature: float = 0.05
    section_linear_weight: float = 0.5  # linear share of the (linear, kNN) pair
    section_centroid_weight: float = 0.2  # share of the section-centroid similarity in the group score
    section_centroid_temperature: float = 0.03
    # The section's own heading ("Multilingual Data") as one more prototype, in the plain embedding space:
    # the one thing a section with one or two entries has besides them (bench/README.md, small sections).
    section_heading_weight: float = 0.3
    section_heading_temperature: float = 0.05
    # A heading with broad words ("Knowledge-Intensive Data") is close to most papers and took a runner-up
    # slot for a quarter of them: each heading's mean cosine to the list's papers is subtracted, times this.
    section_heading_centering: float = 1.0
    # Inside a 2nd-level section, a list fills its places over time ("Before ChatGPT came out" is closed):
    # the leaf's entries' arXiv months, as a density around the paper's, weigh in its choice of leaf.
    leaf_time_weight: float = 0.05
    leaf_time_months: float = 3.0
    # ... and so does the place's own heading ("Instruction Tuning > Agent"), centred like the sections'
    # headings: leave-one-out 38 -> 43 of 80 places, none lost (bench/README.md, python -m bench.place_headings).
    leaf_heading_weight: float = 0.5
    # A paper that says it is a survey moves this share of its group scores to the sections whose heading says
    # they hold surveys (is_survey, survey_groups; bench/README.md, python -m bench.section_kinds).
    section_survey_weight: float = 0.5
    seed: int = 0


def readme_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- training data


@dataclass
class ListPaper:
    """A distinct work on the list (one per key) with every section it is listed in.

    section_ids is empty for a work listed only in a hand-picked short list ("⭐ Starter Kit"): it is on the list,
    so the relevance model learns it as such, but no section model learns it as a place.
    """

    key: str
    paper: Paper
    section_ids: list[str]
    has_abstract: bool


def placed(lpapers: Sequence[ListPaper]) -> list[int]:
    """Positions of the works the section model learns from: those listed in a section a paper can go to."""
    return [i for i, lp in enumerate(lpapers) if lp.section_ids]


def is_held_out(arxiv_id: str | None, holdout_from: str | None) -> bool:
    """Entries with a new-style arXiv id at or after the prefix (e.g. '2503') are held out."""
    holdout_from = (holdout_from or "").strip()
    if not holdout_from or not arxiv_id or "/" in arxiv_id:
        return False
    return arxiv_id[: len(holdout_from)] >= holdout_from


_PREPRINT_VENUE_RE = re.compile(r"\barxiv\b", re.I)
# Where repositories, data sets, models and posts live: an entry linking there is none of the list's papers, whatever
# its line writes ("ICML Workshop 2024." after a Hugging Face dataset, "(EMNLP 2025 Demo)" after a repository). A paper
# linked as arXiv's through one of them (huggingface.co/papers/ID) has its arXiv id, which counts first.
_NOT_A_PAPER_URL_RE = re.compile(
    r"^(?:https?:)?//(?:[\w-]+\.)*(?:github\.com|gitlab\.com|huggingface\.co|hf\.co|modelscope\.cn|kaggle\.com|"
    r"zenodo\.org|medium\.com|substack\.com|zhihu\.com|youtube\.com|youtu\.be|x\.com|twitter\.com|pypi\.org)"
    r"(?:[/?#:]|$)"
    r"|^(?:https?:)?//(?:blog\.|[^/\s?#]+/(?:[^\s?#]*/)?blogs?(?:[/?#]|$))",  # blog.example.com, example.com/blog/...
    re.I,
)


def names_paper(entry: Entry) -> bool:
    """Whether an entry is a paper rather than a repository, a data set, a blog post or a tool: it has an arXiv id or
    a paper's own address (OpenReview, ACL Anthology, DOI), or writes a venue a paper is published at ("[ICML 2025]",
    "CASE 2023", "Arxiv 2024.") after a title linked elsewhere (proceedings.mlr.press, a Google Scholar search), but
    not to a repository, a hub or a post (_NOT_A_PAPER_URL_RE). A blog post's date ("Feb 16, 2024.") or year is no
    venue."""
    if entry.arxiv_id:
        return True
    if _NOT_A_PAPER_URL_RE.match(entry.url.strip()) or entry.key.startswith("doi:10.5281/zenodo."):
        return False
    if not entry.key.startswith("title:"):
        return True
    return bool(_PREPRINT_VENUE_RE.search(entry.venue) or slot_venue(entry.venue))


def candidate_sections(plist: PaperList) -> list[Section]:
    """Sections a paper can be placed in: those with entries, in a branch that lists papers (names_paper).

    A section of papers without arXiv ids (ACL Anthology, OpenReview, a title with its venue) is a place for a
    paper too, learnt from its papers' titles. Branches without any paper (GitHub repos, blogs) are not places
    for an arXiv paper, nor is a hand-picked short list ("⭐ Starter Kit"), whose papers are under their topics
    too: a maintainer adds to it by hand.
    """
    by_id = {s.id: s for s in plist.sections}
    has_papers: set[str] = set()
    for e in plist.entries:
        sid: str | None = e.section_id
        if names_paper(e):
            while sid is not None and sid not in has_papers:
                has_papers.add(sid)
                sid = by_id[sid].parent_id if sid in by_id else None
    return [s for s in plist.sections if s.entries and s.id in has_papers and not plist.is_curated(s)]


def list_papers(
    plist: PaperList, metadata: dict[str, Paper], *, holdout_from: str | None = None
) -> list[ListPaper]:
    """Distinct works of the list placed in candidate sections, title-only where no abstract is known; a work listed
    only in a hand-picked short list too, in no section (`placed` leaves it out of the section model).

    metadata: papers by arXiv id, and by the link an entry without one gives (papers.work_key or link_key)."""
    allowed = {s.id for s in candidate_sections(plist)}
    picked = set(plist.curated)
    out: dict[str, ListPaper] = {}
    # One work under two links (OpenReview in one section, arXiv in another) is one paper with both sections:
    # as two, each would be the other's nearest neighbour in the leave-one-out.
    by_title: dict[str, str] = {}
    # A held-out work is held out under every link: its OpenReview twin kept in training would teach the model
    # the very paper the replay then counts as found.
    held = [e for e in plist.entries if is_held_out(e.arxiv_id, holdout_from)]
    held_titles = {t for e in held if (t := normalize_title(e.title))}
    held_ids = {e.arxiv_id for e in held}
    # The first entry's key of each arXiv paper: an entry whose metadata row names it by its link and an arXiv id
    # (an OpenReview page of a paper renamed since its preprint) is that paper, whatever title each writes.
    by_work: dict[str, str] = {}
    for e in plist.entries:
        if (e.section_id not in allowed and e.section_id not in picked) or is_held_out(e.arxiv_id, holdout_from):
            continue
        if held_titles and normalize_title(e.title) in held_titles:
            continue
        # an entry without an arXiv id by its link, where a metadata row names the paper so (arxiv_api.LINK_FIELDS)
        meta = metadata.get(e.arxiv_id) if e.arxiv_id else metadata.get(e.key) or (
            metadata.get(link_key(e.url)) if e.url else None)
        arxiv_id = e.arxiv_id or (meta.arxiv_id if meta is not None else "")
        if arxiv_id in held_ids:
            continue  # the twin of a held-out preprint, as a title held out is
        paper = meta if meta is not None and meta.abstract else Paper(arxiv_id=arxiv_id, title=e.title)
        own = by_work.setdefault(f"arxiv:{arxiv_id}", e.key) if arxiv_id else e.key
        title = normalize_title(e.title)
        key = by_title.setdefault(title, own) if title else own
        if key != own and key.startswith("arxiv:") and own.startswith("arxiv:"):
            key = own  # two arXiv ids are two works, whatever the list calls them (a link to the wrong paper)
        # Listed in a hand-picked short list: on the list (a relevance positive), but that is no place to learn.
        labels = [e.section_id] if e.section_id in allowed else []
        if key in out:
            known = out[key]
            known.section_ids.extend(sid for sid in labels if sid not in known.section_ids)
            if paper.abstract and not known.paper.abstract:  # the arXiv twin brings the abstract
                out[key] = ListPaper(key, paper, known.section_ids, True)
            continue
        out[key] = ListPaper(key, paper, labels, bool(paper.abstract))
    return list(out.values())


def _without_list_twins(negatives: list[Paper], plist: PaperList) -> list[Paper]:
    """Background papers that are list entries under another link (a Hugging Face or OpenReview page, no
    arXiv id on the list) are not negatives: such a paper was a positive and a negative at once."""
    titles = {t for e in plist.entries if (t := normalize_title(e.title))}
    twin = [normalize_title(p.title) in titles for p in negatives]
    if any(twin):
        ids = [p.arxiv_id for p, t in zip(negatives, twin, strict=True) if t]
        log.info("%d background paper(s) left out, on the list under another link: %s", len(ids), ", ".join(ids))
    return [p for p, t in zip(negatives, twin, strict=True) if not t]


def trained_sections(plist: PaperList, lpapers: Sequence[ListPaper]) -> list[Section]:
    """The candidate sections the training papers are in: with a hold-out (`paperbot evaluate`), a section
    only the held-out entries fill did not exist yet, so it must not be a place to predict."""
    used = {sid for lp in lpapers for sid in lp.section_ids}
    return [s for s in candidate_sections(plist) if s.id in used]


def read_background(path: Path, *, limit: int | None = None, exclude: Collection[str] = frozenset()) -> list[Paper]:
    """Background arXiv papers from JSONL or JSONL.gz (id, title, abstract, categories)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    papers: list[Paper] = []
    taken: set[str] = set()
    repeated = 0
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    paper = _background_paper(json.loads(line))
                except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                    raise PaperbotError(
                        f"{path}:{number}: not a background paper ({exc}); expected JSON with id, title, abstract"
                    ) from None
                if paper.arxiv_id in exclude:
                    continue
                # A paper twice would weigh twice and, counted in the training rate, raise every probability;
                # in cross-validation its copies would sit on both sides of a fold.
                identity = paper.arxiv_id or f"title:{normalize_title(paper.title)}"
                if identity in taken:
                    repeated += 1
                    continue
                taken.add(identity)
                papers.append(paper)
                if limit is not None and len(papers) >= limit:
                    break
    except FileNotFoundError:  # a path the user gave: a usage error (exit 2)
        raise UsageError(
            f"{path}: background file not found; set training.background or pass --background"
        ) from None
    except IsADirectoryError:
        raise UsageError(f"{path}: a folder, not a background file; set training.background or pass "
                         "--background") from None
    except OSError as exc:
        raise PaperbotError(f"{path}: cannot read background papers: {exc.strerror or exc}") from None
    except (EOFError, UnicodeDecodeError) as exc:
        raise PaperbotError(f"{path}: cannot read background papers: {exc}") from None
    if not papers:
        raise PaperbotError(f"{path}: no background papers; the relevance model needs negatives")
    if repeated:
        log.warning("%s: %d background line(s) repeat a paper already read; each paper is used once", path, repeated)
    return papers


def _background_paper(doc: Any) -> Paper:
    """One background line as a paper; anything else is refused rather than trained on as text like "None".

    A null id is a paper without one (as list entries without an arXiv id are), never the id "None".
    """
    if not isinstance(doc, dict):
        raise TypeError(f"a JSON {type(doc).__name__}, not an object")
    if "id" not in doc:
        raise ValueError("no 'id' key; null stands for a paper without one")
    raw_id, title, abstract = doc["id"], doc.get("title"), doc.get("abstract")
    categories = doc.get("categories") or []
    if raw_id is not None and not isinstance(raw_id, str):
        raise TypeError(f"'id' {raw_id!r} is not a string")
    if not isinstance(title, str) or not title.strip():
        raise TypeError("'title' is missing or not a string" if not isinstance(title, str) else "'title' is empty")
    if abstract is not None and not isinstance(abstract, str):
        raise TypeError("'abstract' is not a string")
    if isinstance(categories, str):
        categories = categories.split()  # arXiv's own metadata spells them "cs.CL cs.AI"
    if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
        raise TypeError("'categories' is not a list of strings")
    return Paper(
        arxiv_id=(raw_id or "").strip(),
        title=" ".join(title.split()),
        abstract=" ".join((abstract or "").split()),
        categories=tuple(categories),
    )


# ---------------------------------------------------------------- features


def _word_vectorizer(max_features: int):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        sublinear_tf=True,
        ngram_range=(1, 2),
        min_df=2,
        max_df=0.5,
        max_features=max_features,
        stop_words="english",
        strip_accents="unicode",
        dtype=np.float32,
    )


def _slim(tfidf: Any) -> Any:
    """Drop the set of pruned terms sklearn keeps for introspection only: it is most of the pickle."""
    if hasattr(tfidf, "stop_words_"):
        tfidf.stop_words_ = None
    return tfidf


def _features(tfidf: Any, texts: Sequence[str], vectors: np.ndarray, embedding_weight: float) -> Any:
    from scipy import sparse

    lexical = tfidf.transform(texts)
    if embedding_weight <= 0:
        return lexical.tocsr()
    return sparse.hstack([lexical, sparse.csr_matrix(vectors * embedding_weight)], format="csr")


def _prior_shift(p: np.ndarray, train_rate: float, target_rate: float) -> np.ndarray:
    """Bayes' rule for a new class prior: odds scale by the ratio of prior odds."""
    p = np.clip(p, 1e-9, 1 - 1e-9)
    ratio = (target_rate / (1 - target_rate)) / (train_rate / (1 - train_rate))
    odds = p / (1 - p) * ratio
    return odds / (1 + odds)


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return np.log(p / (1 - p))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


def _logit_shift(p: np.ndarray, shift: float) -> np.ndarray:
    return _sigmoid(_logit(p) + shift)


@dataclass(frozen=True)
class TitleViews:
    """Background papers once more, as their title alone: extra negatives for the relevance model.

    A list entry whose abstract is unknown is trained on its title alone, while every background paper
    and every feed paper has an abstract; without title-only negatives "short text" is a cue for "on the
    list", and it pulls weight from the words that matter (bench/relevance_title_only.py).
    rows: for each view, the training row (a negative) it was made from, so cross-validation keeps a
    paper's two views in the same fold.
    """

    rows: np.ndarray
    texts: list[str]
    vectors: np.ndarray

    def __len__(self) -> int:
        return len(self.texts)

    def within(self, keep: np.ndarray) -> TitleViews:
        """The views of the rows in `keep`, renumbered as positions in `keep`."""
        where = {int(r): i for i, r in enumerate(keep)}
        picked = [j for j, r in enumerate(self.rows) if int(r) in where]
        return TitleViews(
            np.array([where[int(self.rows[j])] for j in picked], dtype=np.int64),
            [self.texts[j] for j in picked],
            self.vectors[picked] if picked else self.vectors[:0],
        )


def title_only(paper: Paper) -> Paper:
    """The paper as a list entry without metadata looks: its title, nothing else."""
    return Paper(arxiv_id=paper.arxiv_id, title=paper.title)


CALIBRATION_FOLDS = 5


def calibration_folds(positives: int, folds: int = CALIBRATION_FOLDS) -> int:
    """Folds of the relevance model's calibration (and of its cross-validation): at most one per positive."""
    return max(2, min(folds, positives))


def calibration_splits(y: np.ndarray, views: TitleViews | None, *, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The calibration's folds: shuffled and stratified over the real rows, each title view in its paper's fold.

    Unshuffled folds (scikit-learn's default for cv=int) cut the rows as they come: list papers in README
    order, then the background, then the views. Each fold then held whole sections of the list and folds
    without any full-text negative, so the probabilities, and what a threshold means, changed with the
    order of the README's sections (on the 2503 replay they expected 12.6 list papers where 15 were found;
    with these folds 19.6 overall, and 11.5 where 11 were found at or above the default threshold).
    """
    from sklearn.model_selection import StratifiedKFold

    n = len(y)
    fold = np.zeros(n, dtype=np.int64)
    skf = StratifiedKFold(n_splits=calibration_folds(int(y.sum())), shuffle=True, random_state=seed)
    for k, (_, test) in enumerate(skf.split(np.zeros(n), y)):
        fold[test] = k
    if views is not None and len(views):
        fold = np.r_[fold, fold[views.rows]]
    return [(np.flatnonzero(fold != k), np.flatnonzero(fold == k)) for k in range(int(fold.max()) + 1)]


def training_needs(list_papers: int, *, evaluate: bool) -> tuple[int, int]:
    """(list papers, background papers) the relevance model needs at least; evaluate: its cross-validation too.

    Calibration splits the papers into stratified folds, so each class needs a paper per fold; the
    cross-validation fits the model again on each fold's rest, which then needs as many in turn. The
    title-only views are left out of the count, so with them these are a little more than the least.
    """
    folds = calibration_folds(list_papers)
    if not evaluate:
        return 2, folds
    inner = calibration_folds(list_papers - list_papers // folds)  # calibration inside the largest fold's rest
    background = max(folds, inner)
    while background - -(-background // folds) < inner:  # the rest of the fold with the most background
        background += 1
    return 3, background  # 2 list papers leave one to calibrate on in a fold's rest


class EmbeddingMismatch(PaperbotError):
    """Vectors of another length than the models were trained on: another model's, or a damaged cache."""

    def __init__(self, found: int, expected: int, *, models: str = "models", cache: Path | None = None) -> None:
        where = f"the embedding cache {cache}" if cache is not None else "the model's folder under embedding.cache_dir"
        verb = "were" if models.endswith("s") else "was"
        super().__init__(
            f"the papers' embeddings have {found} dimensions but the {models} {verb} trained on {expected}-dimensional "
            f"ones; fix: delete {where} (the vectors are recomputed), or run `paperbot train` if embedding.model "
            "now names another model"
        )
        self.found, self.expected = found, expected


def check_dimension(vectors: np.ndarray, expected: int | None, **where: Any) -> None:
    """Stop with the fix before scikit-learn or a matrix product fails on vectors of the wrong length."""
    vectors = np.asarray(vectors)
    found = vectors.shape[1] if vectors.ndim == 2 else 0
    if expected is not None and len(vectors) and found != expected:
        raise EmbeddingMismatch(found, expected, **where)


LEARNT_FROM = ("abstracts", "titles")


# The share of title-only list papers above which a list counts as learnt from titles (it was a half). Swept on the
# seed list with its abstracts withheld from a share of its papers (python -m bench.relevance_title_share, 30 draws,
# bench/README.md): from 48% title only the shift proposes 1-4 more of the 15 held-out papers at about one a day in
# every draw; at 45% in two draws of five; at 38-41%, and at 31% (the seed list as shipped), it mostly only adds
# proposals (a fifth of one a day).
TITLES_SHARE = 0.43


def learnt_from(lpapers: Sequence[ListPaper]) -> str:
    """"titles" where more than TITLES_SHARE of the list papers are known by their title alone (a list's first
    `train --offline` without a metadata file, or one whose arXiv ids are few), else "abstracts": what the relevance
    model's calibration saw of the list's papers."""
    title_only = sum(not lp.has_abstract for lp in lpapers)
    return "titles" if title_only > TITLES_SHARE * len(lpapers) else "abstracts"


class RelevanceModel:
    """Calibrated P(paper belongs on the list) from tf-idf + embedding features."""

    # Models pickled before these were learnt from abstracts and score as they did.
    learnt_from_: str = "abstracts"
    feed_shift_: float = 0.0

    def __init__(self, hyper: Hyper) -> None:
        self.hyper = hyper
        self.tfidf_: Any = None
        self.classifier_: Any = None
        self.train_rate_: float = 0.0
        self.learnt_from_ = "abstracts"
        self.feed_shift_ = 0.0

    def fit(
        self,
        texts: Sequence[str],
        vectors: np.ndarray,
        y: np.ndarray,
        *,
        tfidf: Any = None,
        views: TitleViews | None = None,
    ) -> RelevanceModel:
        """views: title-only copies of negatives, fitted as negatives but not counted in the training rate
        (they are the same papers again, so the probability shift to the feed's rate stays as without)."""
        from sklearn.calibration import CalibratedClassifierCV

        h = self.hyper
        self.tfidf_ = tfidf if tfidf is not None else _slim(_word_vectorizer(h.relevance_max_features).fit(texts))
        train_rate = float(np.mean(y))
        splits = calibration_splits(y, views, seed=h.seed)
        if views is not None and len(views):
            texts = [*texts, *views.texts]
            vectors = np.vstack([vectors, views.vectors])
            y = np.r_[y, np.zeros(len(views))]
        X = _features(self.tfidf_, texts, vectors, h.relevance_embedding_weight)
        # ensemble=False: one regression on all data, calibrated on cross-validated scores; one coefficient
        # vector instead of one per fold keeps the artifact small.
        self.classifier_ = CalibratedClassifierCV(self.regression(), method="sigmoid", cv=splits,
                                                  ensemble=False).fit(X, y)
        self.train_rate_ = train_rate
        return self

    def regression(self) -> Any:
        """The unfitted regression under the calibration: its settings in one place for every fit of it."""
        from sklearn.linear_model import LogisticRegression

        h = self.hyper
        return LogisticRegression(
            C=h.relevance_C, class_weight="balanced", tol=h.relevance_tol, max_iter=3000, random_state=h.seed
        )

    def __getstate__(self) -> dict:
        """A third off the artifact, which the train workflow commits to the list's repository each time the
        list changes: the tf-idf vocabulary pickled as its terms in column order (as a dict of 100,000 terms
        it was a third of the file), the calibration folds (their row indices, a tenth) as their number."""
        state = self.__dict__.copy()
        if isinstance(getattr(self.classifier_, "cv", None), list):  # used only to fit
            state["classifier_"] = copy.copy(self.classifier_)
            state["classifier_"].cv = len(self.classifier_.cv)
        vocabulary = getattr(self.tfidf_, "vocabulary_", None)
        if isinstance(vocabulary, dict):
            terms = [""] * len(vocabulary)
            for term, column in vocabulary.items():
                terms[column] = term
            state["tfidf_"] = copy.copy(self.tfidf_)
            del state["tfidf_"].vocabulary_
            state["tfidf_terms_"] = terms
        return state

    def __setstate__(self, state: dict) -> None:
        terms = state.pop("tfidf_terms_", None)
        self.__dict__.update(state)
        if terms is not None:
            self.tfidf_.vocabulary_ = {term: column for column, term in enumerate(terms)}

    def dimension(self) -> int | None:
        """Length of the embeddings the classifier was fitted on; None when it uses none (or is not fitted)."""
        n = getattr(self.classifier_, "n_features_in_", None)
        vocabulary = getattr(self.tfidf_, "vocabulary_", None)
        if self.hyper.relevance_embedding_weight <= 0 or n is None or vocabulary is None:
            return None
        return int(n) - len(vocabulary)

    def raw(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Calibrated probability at the training mix of positives and negatives."""
        check_dimension(vectors, self.dimension(), models="relevance model")
        X = _features(self.tfidf_, texts, vectors, self.hyper.relevance_embedding_weight)
        return self.classifier_.predict_proba(X)[:, 1]

    def predict(self, texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
        """Probability at the feed's rate of relevant papers (Hyper.relevant_rate)."""
        p = _prior_shift(self.raw(texts, vectors), self.train_rate_, self.hyper.relevant_rate)
        return _logit_shift(p, self.feed_shift_) if self.feed_shift_ else p

    def calibrate_to_feed(self, texts: Sequence[str], vectors: np.ndarray) -> RelevanceModel:
        """For a model learnt from titles: shift its scores so these papers (the background, with their
        abstracts, as a feed's come) average the feed's rate of list papers (Hyper.relevant_rate).

        Its calibration saw the list's papers as titles and the background with abstracts, so it learnt
        "list paper = a title": a feed paper of the list's topic, which has an abstract, scored far under the
        threshold (on the seed list learnt from its titles, 2.3 list papers expected in the dev replay's 6,633
        where the maintainers added 15). The order of the scores stays; only what a threshold means moves,
        back to what it means for a list learnt from abstracts (bench/README.md, bench.relevance_title_list).
        """
        self.feed_shift_ = 0.0
        if not len(texts):  # no background paper with an abstract: nothing to calibrate to
            return self
        z = _logit(self.predict(texts, vectors))
        lo, hi = -30.0, 30.0
        for _ in range(60):  # the mean of sigmoid(z + shift) grows with the shift: bisect it
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if float(np.mean(_sigmoid(z + mid))) < self.hyper.relevant_rate else (lo, mid)
        self.feed_shift_ = (lo + hi) / 2
        return self


def prototype_cosines(members: np.ndarray, points: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """(vectors, columns) cosine of each vector to the mean of each column's member points (a 0/1 matrix,
    points x columns); -inf for a column without members, so a softmax gives it nothing."""
    sums = members.T @ points
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    sims = vectors @ (sums / np.maximum(norms, 1e-12)).T
    sims[:, norms[:, 0] <= 0] = -np.inf
    return sims


class SectionModel:
    """Scores over the section tree: 2nd-level groups (linear + kNN blend), then the leaf inside the group."""

    def __init__(self, hyper: Hyper) -> None:
        self.hyper = hyper
        self.sections_: list[dict] = []  # candidate sections: id, path, group
        self.groups_: list[tuple[str, ...]] = []
        self.vectors_: np.ndarray = np.zeros((0, 0), dtype=np.float32)  # one row per list paper
        self.labels_: np.ndarray = np.zeros((0, 0))  # list paper x group (multi-label 0/1)
        self.paper_sections_: list[list[int]] = []  # list paper -> candidate section indices
        self.heading_vectors_: np.ndarray | None = None  # one per group, plain encoder (set_headings)
        self.heading_means_: np.ndarray | None = None  # per heading: mean cosine to the list papers (plain)
        self.place_heading_vectors_: np.ndarray | None = None  # one per candidate section, "parent > leaf"
        self.place_heading_means_: np.ndarray | None = None  # per place heading: as heading_means_
        self.linear_: Any = None
        self.linear_groups_: list[int] = []
        self.months_: np.ndarray | None = None  # per list paper: arxiv_month, NaN where unknown

    def fit(
        self,
        sections: Sequence[Section],
        vectors: np.ndarray,
        section_ids: Sequence[Sequence[str]],
        months: Sequence[int | None] | None = None,
    ) -> SectionModel:
        """months: each list paper's arxiv_month, for the leaf's time prior (none: similarity alone)."""
        self.index(sections, section_ids)
        self.vectors_ = np.asarray(vectors, dtype=np.float32)
        if months is not None:
            self.months_ = np.array([np.nan if m is None else m for m in months], dtype=np.float64)
        self._fit_linear()
        return self

    def index(self, sections: Sequence[Section], section_ids: Sequence[Sequence[str]]) -> SectionModel:
        """The places, their 2nd-level groups and each paper's labels, without vectors or fitting."""
        index = {s.id: i for i, s in enumerate(sections)}
        self.sections_ = [{"id": s.id, "path": tuple(s.path), "group": group_of(s.path)} for s in sections]
        self.groups_ = sorted({s["group"] for s in self.sections_}, key=_path_sort_key)
        gidx = {g: i for i, g in enumerate(self.groups_)}
        self.paper_sections_ = [sorted({index[s] for s in ids if s in index}) for ids in section_ids]
        self.labels_ = np.zeros((len(section_ids), len(self.groups_)), dtype=np.float32)
        for i, secs in enumerate(self.paper_sections_):
            for j in secs:
                self.labels_[i, gidx[self.sections_[j]["group"]]] = 1.0
        return self

    def _fit_linear(self) -> None:
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        if self.hyper.section_linear_weight <= 0 or len(self.groups_) < 2:
            self.linear_ = None
            return
        cols = [j for j in range(len(self.groups_)) if 0 < self.labels_[:, j].sum() < len(self.labels_)]
        self.linear_groups_ = cols
        if len(cols) < 2:
            self.linear_ = None
            return
        clf = LogisticRegression(C=self.hyper.section_C, max_iter=2000, random_state=self.hyper.seed)
        self.linear_ = OneVsRestClassifier(clf).fit(self.vectors_, self.labels_[:, cols])

    def set_headings(self, encoder: Encoder, plain: np.ndarray | None = None) -> SectionModel:
        """Embed each group's heading (its last component, numbering stripped) with the plain encoder.

        plain: the list papers through the plain encoder, one row per paper as fitted: each heading's
        mean cosine to them is what group_scores subtracts (a heading near every paper says little).

        The places get theirs too, as "parent > leaf" ("Instruction Tuning > Agent"): a leaf's own words
        ("Agent") alone say less than with the branch they sit in.
        """
        groups = [_heading_text(g[-1]) for g in self.groups_]
        places = [" > ".join(_heading_text(h) for h in s["path"][-2:]) for s in self.sections_]
        vectors = np.asarray(encoder.encode(groups + places), dtype=np.float32)
        vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        self.heading_vectors_, self.place_heading_vectors_ = vectors[:len(groups)], vectors[len(groups):]
        self.heading_means_ = self.place_heading_means_ = None
        if plain is not None and len(plain):
            plain = np.asarray(plain, dtype=np.float32)
            self.heading_means_ = (plain @ self.heading_vectors_.T).mean(0)
            self.place_heading_means_ = (plain @ self.place_heading_vectors_.T).mean(0)
        return self

    def place_heading_term(self, plain: np.ndarray, places: Sequence[int], means: np.ndarray | None = None
                           ) -> np.ndarray | None:
        """Per place: weight x the paper's (plain) cosine to the place's heading, centred on its mean over the
        list (means: other means per candidate section, e.g. without the paper itself); None for models
        without place headings."""
        w = getattr(self.hyper, "leaf_heading_weight", 0.0)  # models pickled before the place headings
        vectors = getattr(self, "place_heading_vectors_", None)
        if w <= 0 or vectors is None:
            return None
        js = list(places)
        sims = vectors[js] @ np.asarray(plain, dtype=np.float32)
        means = getattr(self, "place_heading_means_", None) if means is None else means
        if means is not None:
            sims = sims - getattr(self.hyper, "section_heading_centering", 0.0) * means[js]
        return w * sims

    def group_scores(
        self, vectors: np.ndarray, *, exclude: int | None = None, plain: np.ndarray | None = None,
        surveys: Sequence[bool] | None = None,
    ) -> np.ndarray:
        """(n, groups) scores in [0, 1] that sum to 1 per row.

        plain: the same papers through the plain encoder, for the heading prototypes (the section
        vectors may come from the tuned encoder); without them the headings are left out.
        surveys: which papers say they are surveys (is_survey), drawn to the list's survey sections.
        """
        scores = self._group_scores(vectors, exclude=exclude, plain=plain)
        if surveys is None:
            return scores
        # a Hyper pickled before the field reads the class default: the kind needs nothing retrained
        weight = getattr(self.hyper, "section_survey_weight", Hyper.section_survey_weight)
        return with_kinds(scores, np.asarray(surveys, dtype=bool), survey_groups(self.groups_), weight)

    def _group_scores(self, vectors: np.ndarray, *, exclude: int | None, plain: np.ndarray | None) -> np.ndarray:
        check_dimension(vectors, self.dimension(), models="section model")
        w = self.hyper.section_linear_weight
        c = getattr(self.hyper, "section_centroid_weight", 0.0)  # models pickled before the centroid term
        if self.linear_ is None or w <= 0:
            pair = self._knn(vectors, exclude=exclude)
        else:
            lin = np.zeros((len(vectors), len(self.groups_)), dtype=np.float64)
            lin[:, self.linear_groups_] = self.linear_.predict_proba(vectors)
            lin = lin / np.maximum(lin.sum(1, keepdims=True), 1e-12)
            pair = lin if w >= 1 else (1 - w) * self._knn(vectors, exclude=exclude) + w * lin
        scores = pair if c <= 0 else (1 - c) * pair + c * self._centroids(vectors, exclude=exclude)
        h = getattr(self.hyper, "section_heading_weight", 0.0)
        headings = getattr(self, "heading_vectors_", None)  # models pickled before the headings
        if h <= 0 or headings is None or plain is None:
            return scores
        check_dimension(plain, headings.shape[1], models="section headings")
        t = getattr(self.hyper, "section_heading_temperature", 0.05)
        return (1 - h) * scores + h * _softmax(self.heading_sims(plain), t)

    def heading_sims(self, plain: np.ndarray) -> np.ndarray:
        """(n, groups) cosines of the papers (plain encoder) to the headings, centred on the headings' means."""
        if self.heading_vectors_ is None:
            raise ValueError("heading_sims needs set_headings first")
        sims = np.asarray(plain, dtype=np.float32) @ self.heading_vectors_.T
        means = getattr(self, "heading_means_", None)  # models pickled before the centering
        if means is not None:
            sims = sims - getattr(self.hyper, "section_heading_centering", 0.0) * means
        return sims

    def dimension(self) -> int | None:
        """Length of the section vectors (the tuned encoder's, when there is one) the model was fitted on."""
        shape = np.shape(self.vectors_)
        return int(shape[1]) if len(shape) == 2 and shape[1] else None

    def _centroids(self, vectors: np.ndarray, *, exclude: int | None = None) -> np.ndarray:
        """Softmax over the cosine to each group's mean entry: every group, however small, gets a prototype."""
        labels = self.labels_.copy()
        if exclude is not None:
            labels[exclude] = 0.0
        sims = prototype_cosines(labels, self.vectors_, vectors)
        return _softmax(sims, getattr(self.hyper, "section_centroid_temperature", 0.03))

    def _knn(self, vectors: np.ndarray, *, exclude: int | None = None) -> np.ndarray:
        sims = vectors @ self.vectors_.T
        if exclude is not None:
            sims[:, exclude] = -np.inf
        k = min(self.hyper.section_knn, self.vectors_.shape[0])
        out = np.zeros((len(vectors), len(self.groups_)), dtype=np.float64)
        for r in range(len(vectors)):
            idx = np.argpartition(-sims[r], k - 1)[:k]
            idx = idx[np.isfinite(sims[r, idx])]
            if not len(idx):
                continue
            w = np.exp((sims[r, idx] - sims[r, idx].max()) / self.hyper.section_temperature)
            out[r] = (w[:, None] * self.labels_[idx]).sum(0)
            out[r] /= max(out[r].sum(), 1e-12)
        return out

    def places(self) -> tuple[dict[tuple[str, ...], list[int]], dict[int, list[int]]]:
        """(each 2nd-level group's places, each place's list papers): the two indexes a leaf is picked by."""
        members: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for j, s in enumerate(self.sections_):
            members[s["group"]].append(j)
        papers_of: dict[int, list[int]] = defaultdict(list)
        for i, secs in enumerate(self.paper_sections_):
            for j in secs:
                papers_of[j].append(i)
        return members, papers_of

    def place_shares(self, best: np.ndarray) -> np.ndarray:
        """How a group's score is split over its places, from each place's most similar entry."""
        share = np.exp((best - best.max()) / self.hyper.section_temperature)
        return share / share.sum()

    def rank(
        self, vectors: np.ndarray, plain: np.ndarray | None = None, months: Sequence[int | None] | None = None,
        surveys: Sequence[bool] | None = None,
    ) -> list[list[tuple[int, float]]]:
        """Per paper: (candidate section index, score) best first; leaf score = group score x leaf share.

        months: the papers' arxiv_month, for the leaf's time prior (leaf_time_prior); surveys: as group_scores.
        """
        groups = self.group_scores(vectors, plain=plain, surveys=surveys)
        if months is not None:
            groups = with_years(groups, months, self.groups_, [s["group"] for s in self.sections_])
        sims = vectors @ self.vectors_.T
        out = []
        members, papers_of = self.places()
        list_months = getattr(self, "months_", None)  # models pickled before the time prior
        for r in range(len(vectors)):
            month = None if months is None else months[r]
            ranked: list[tuple[int, float]] = []
            for g, gscore in zip(self.groups_, groups[r], strict=True):
                secs = members[g]
                if len(secs) == 1:
                    ranked.append((secs[0], float(gscore)))
                    continue
                best = np.array([max((sims[r, i] for i in papers_of[j]), default=-1.0) for j in secs])
                share = self.place_shares(best)
                order_by = best
                if month is not None and list_months is not None:
                    order_by = order_by + leaf_time_prior(month, [list_months[papers_of[j]] for j in secs], self.hyper)
                heads = None if plain is None else self.place_heading_term(plain[r], secs)
                if heads is not None:
                    order_by = order_by + heads
                if order_by is not best:
                    # The time prior and the headings reorder the places, they do not make the section surer:
                    # the shares go to the places in their new order, so sections compare as before.
                    share[np.argsort(-order_by, kind="stable")] = np.sort(share)[::-1]
                ranked.extend((j, float(gscore * s)) for j, s in zip(secs, share, strict=True))
            ranked.sort(key=lambda t: -t[1])
            out.append(ranked)
        return out


def leaf_time_prior(month: int, leaf_months: Sequence[np.ndarray], hyper: Hyper) -> np.ndarray:
    """Per leaf of one group: weight x log of a density of its entries' months around the paper's.

    The paper's month is capped at the newest of these entries: a paper from a year after the last
    edit is placed like the latest additions, not like nothing there. Entries without a month do not count.
    """
    w = getattr(hyper, "leaf_time_weight", 0.0)  # models pickled before the time prior
    known = [m[~np.isnan(m)] for m in leaf_months]
    if w <= 0 or not any(len(m) for m in known):
        return np.zeros(len(leaf_months))
    t = min(float(month), max(float(m.max()) for m in known if len(m)))
    sd = getattr(hyper, "leaf_time_months", 3.0)
    density = np.array([(np.exp(-0.5 * ((t - m) / sd) ** 2).sum() + 0.05) / (len(m) + 1) for m in known])
    return w * np.log(density)


# What kind of paper, which its topic's embedding does not say: a survey of distillation lies among the
# distillation papers. Its own words say it ("A Survey", "this survey", "Challenges and Future Directions"), and
# a list's headings say where it keeps surveys ("3. Surveys", "Survey Papers", "📚 Related Surveys"). "Review"
# alone is a topic too (code review, peer review), so it counts only as a kind of review, and so is a survey that
# people answer ("Predicting Any Survey Question"), so it counts only as "a survey", "survey of" or ": Survey".
_SURVEY_TITLE = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?survey\b|\bsurvey\s+(?:of|on)\b|:\s*survey\b|"  # A (Comprehensive) Survey
    r":\s*an?\s+(?:[\w-]+\s+){0,2}?review\s*$|"  # "...: A Review" closing the title
    r"\b(?:systematic|literature|scoping|critical|comprehensive)\s+review\b|\ba\s+review\s+(?:of|on)\b|"
    r"\boverview\b|\bchallenges,?\s+and\s+(?:the\s+)?future\b|\bemerging\s+trends\b|"
    # "...: Progress and Challenges", "...: Advances, Challenges, and Opportunities": a field's, in a subtitle
    r"\b(?:advances|progress),?\s+(?:and\s+)?challenges\b|"
    # "...: Methodologies, State of the Art, and Future Opportunities", "Best Practices and Lessons Learned on ..."
    r"\bfuture\s+(?:directions|opportunities|perspectives|prospects)\b|\bstate\s+of\s+the\s+art\s*,|"
    r"\blessons\s+learned\b|\ba\s+primer\b|\btutorial\b",
    re.I,
)
_SURVEY_ABSTRACT = re.compile(
    r"\b(?:in\s+)?this\s+(?:survey|review)\b|\bwe\s+survey\b|\bthis\s+(?:paper|article)\s+(?:surveys|reviews)\b|"
    # "we present a comprehensive review of", "we provide an extensive overview of"
    r"\b(?:we|this\s+(?:paper|article|chapter))\s+(?:presents?|provides?|offers?|conducts?)\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:survey|review|overview)\s+(?:of|on)\b|"
    # "This comprehensive review delves into", "In this rapid review (N = 58)", "this short survey"
    r"\bthis\s+(?:comprehensive|systematic|rapid|short|brief|concise|scoping|narrative|critical|structured|extensive)"
    r"\s+(?:survey|review)\b|"
    # "This paper comprehensively reviews", "We comprehensively review": not "briefly" (a method paper's background)
    # nor "systematically" ("we systematically review and distill multimodal tasks" opens a benchmark)
    r"\b(?:we|this\s+(?:paper|article|chapter|work))\s+(?:comprehensively|extensively|thoroughly)\s+"
    r"(?:reviews?|surveys?)\b|"
    # "we review recent progress in", "we summarize the existing literature on"
    r"\bwe\s+(?:systematically\s+)?(?:review|summarize)\s+(?:the\s+)?(?:recent|existing|current|latest)\s+"
    r"(?:advances|progress|literature|research|work|studies)\b",
    re.I,
)
# A challenge's report reviews the entries to one contest ("The Tenth NTIRE 2025 Image Denoising Challenge Report",
# "NTIRE 2025 Challenge on ...: Methods and Results"), not a field, though it says "this paper presents an overview".
_CHALLENGE_REPORT = re.compile(r"\bchallenge\b.*\b(?:report|methods\s+and\s+results)\b", re.I)
_SURVEY_HEADING = re.compile(r"\bsurveys?\b", re.I)


def is_survey(paper: Paper) -> bool:
    """The paper says it surveys a field, in its title or abstract."""
    if _CHALLENGE_REPORT.search(paper.title):
        return False
    return bool(_SURVEY_TITLE.search(paper.title) or _SURVEY_ABSTRACT.search(paper.abstract or ""))


def survey_groups(groups: Sequence[tuple[str, ...]]) -> list[int]:
    """The 2nd-level groups whose heading says they hold surveys."""
    return [j for j, g in enumerate(groups) if _SURVEY_HEADING.search(_heading_text(g[-1]))]


def with_years(scores: np.ndarray, months: Sequence[int | None], groups: Sequence[tuple[str, ...]],
               order: Sequence[tuple[str, ...]] | None = None) -> np.ndarray:
    """Group scores with the share of the sections named by a year ("Papers > 2024", "Papers > 2023", or the same
    words around each year, "2024 Papers") and of the one beside them that holds older papers ("Papers > 2020 and
    before") all on the paper's year; where the list has no section for it, on the older papers' one where that
    holds the year, else on the nearest year (the newest where the paper is newer than all, the oldest where older),
    whose heading the pull request then writes it beside, under its own: such sections say when a paper came out,
    not what it is about, so a 2025 paper went to 2023 by its topic, and a 2020 paper to 2021 where `2020 and
    before` holds it. Which headings make a list kept by year is the list's rule (`bot.listfile.year_run`), on the
    groups in `order`, the list's (default: as given)."""
    from bot.listfile import older_years_bound, year_run

    index = {g: j for j, g in enumerate(groups)}
    order = [g for g in dict.fromkeys(order if order is not None else groups) if g in index]
    runs: list[tuple[dict[int, int], int | None, int]] = []  # per parent: its years' groups, older papers', bound
    for parent in dict.fromkeys(g[:-1] for g in order if year_heading(g[-1])):
        peers = [g for g in order if g[:-1] == parent]
        run = year_run([g[-1] for g in peers])
        if run is None:
            continue
        years = {index[peers[i]]: named[0] for i in run.years if (named := year_heading(peers[i][-1]))}
        older = None if run.older is None else index[peers[run.older]]
        bound = -1 if run.older is None else older_years_bound(peers[run.older][-1], min(years.values())) or -1
        runs.append((years, older, bound))
    if not runs:
        return scores
    out = np.array(scores, dtype=np.float64, copy=True)
    for years, older, bound in runs:
        js = [*years, *([] if older is None else [older])]
        for r, month in enumerate(months):
            if month is None:
                continue
            year = month // 12
            target = next((j for j in years if years[j] == year), None)
            if target is None and older is not None and year <= bound:
                target = older
            if target is None:  # the nearest year, the newer of two as near
                target = min(years, key=lambda j: (abs(years[j] - year), -years[j]))
            mass = out[r, js].sum()
            out[r, js] = 0.0
            out[r, target] = mass
    return out


def with_kinds(scores: np.ndarray, surveys: np.ndarray, groups: Sequence[int], weight: float) -> np.ndarray:
    """Group scores with each survey's share moved towards the list's survey sections (rows still sum to 1)."""
    if weight <= 0 or not len(groups) or not np.any(surveys):
        return scores
    kind = np.zeros(scores.shape[1])
    kind[list(groups)] = 1.0 / len(groups)
    out = np.array(scores, dtype=np.float64, copy=True)
    rows = np.asarray(surveys, dtype=bool)
    out[rows] = (1 - weight) * out[rows] + weight * kind
    return out


def _softmax(sims: np.ndarray, temperature: float) -> np.ndarray:
    e = np.exp((sims - sims.max(1, keepdims=True)) / temperature)
    return e / e.sum(1, keepdims=True)


def _heading_text(heading: str) -> str:
    """'6.13 Multilingual Data' -> 'Multilingual Data', 'B. Agent' -> 'Agent': the words, not the numbering."""
    return re.sub(r"^(\d+(\.\d+)*\.?|[A-Z]\.)\s+", "", heading.strip()) or heading.strip()


def group_of(path: Sequence[str]) -> tuple[str, ...]:
    """The 2nd level of the tree the accuracy targets are defined on (level-1 sections stand for themselves)."""
    return tuple(path[:2])


def _path_sort_key(path: tuple[str, ...]) -> tuple:
    return tuple(path)


# ---------------------------------------------------------------- the model


def _model_mismatch(directory: Path, trained_with: str, encoder: str) -> UnusableModels:
    """Models made by another encoder: which setting to put back (embedding.model, or the precision and
    max_tokens that change every vector while the model stays), or train again."""
    from bot.embed import split_variant

    (model, was), (now_model, now) = split_variant(trained_with), split_variant(encoder)
    settings = ", ".join(f"embedding.{k}: {'null' if v is None else v}" for k, v in was.items() if v != now[k])
    if model == now_model:
        return UnusableModels(
            f"{directory}: the models were trained on {trained_with!r} vectors, but the encoder makes {encoder!r} "
            "ones (int8 weights and max_tokens change every vector)",
            f"run `paperbot train` or set {settings} as when they were trained",
        )
    return UnusableModels(
        f"{directory}: the models were trained with embedding model {model!r}, but embedding.model is {now_model!r}",
        f"run `paperbot train` or set embedding.model to {model!r}" + (f" and {settings}" if settings else ""),
    )


@dataclass
class ListModel:
    """Everything `scan` needs to judge a paper against the list, loadable without the training data."""

    meta: dict
    relevance: RelevanceModel
    sections: SectionModel
    entries: list[dict] = field(default_factory=list)  # per list paper: key, title, arxiv_id, section path
    section_layers: TunedLayers | None = None  # the section encoder's tuned layers; None: plain embeddings

    def section_vectors(
        self, papers: Sequence[Paper], encoder: Encoder, vectors: np.ndarray, cache: EmbeddingCache | None = None
    ) -> np.ndarray:
        """The papers as the section model sees them: through the tuned encoder when there is one.

        Cached beside the plain vectors under the tuned encoder's name (base model + adapter digest), so
        a paper scored again by the same models loads no model at all, and new models never reuse them.
        """
        from bot.embed import embed_papers

        if self.section_layers is None or not len(papers):
            return vectors
        tuned = self.section_layers.encoder(encoder)
        sibling = cache.sibling(tuned.name) if cache is not None else None
        return embed_papers(papers, tuned, sibling, log_level=logging.DEBUG)  # a few papers a day: not news

    def score(
        self,
        papers: Sequence[Paper],
        encoder: Encoder,
        cache: EmbeddingCache | None = None,
        *,
        unsure_margin: float = 0.1,
        place_from: float = 0.0,
    ) -> list[Scored]:
        """Relevance for every paper; sections and nearest entries only where relevance >= place_from.

        Placing needs a second (tuned) embedding, so scan asks for it only above the threshold: the
        others could never be proposed and get no sections.
        """
        from bot.embed import canonical_model_name, embed_papers

        papers = list(papers)
        if not papers:
            return []
        if canonical_model_name(encoder.name) != self.meta["embedding_model"]:
            raise PaperbotError(
                f"the models were trained with embedding model {self.meta['embedding_model']!r} but the encoder is "
                f"{encoder.name!r}; run `paperbot train` or set embedding.model back"
            )
        vectors = embed_papers(papers, encoder, cache)
        check_dimension(vectors, self.dimension(), cache=cache.directory if cache is not None else None)
        texts = [p.text for p in papers]
        relevance = self.relevance.predict(texts, vectors)
        placed = [r for r in range(len(papers)) if relevance[r] >= place_from]
        svectors = self.section_vectors([papers[r] for r in placed], encoder, vectors[placed], cache)
        if self.section_layers is not None and cache is not None:
            where = cache.sibling(self.section_layers.name).directory
            check_dimension(svectors, self.sections.dimension(), models="section model", cache=where)
        months = [arxiv_month(papers[r].arxiv_id) for r in placed]
        surveys = [is_survey(papers[r]) for r in placed]
        ranked = (dict(zip(placed, self.sections.rank(svectors, vectors[placed], months, surveys), strict=True))
                  if placed else {})
        sims = dict(zip(placed, svectors @ self.sections.vectors_.T, strict=True)) if placed else {}
        out = []
        for r, paper in enumerate(papers):
            if r not in ranked:
                out.append(Scored(paper, float(relevance[r]), (), (), False))
                continue
            places = self.sections.sections_
            secs = tuple(
                SectionScore(path=places[j]["path"], score=s, section_id=places[j]["id"]) for j, s in ranked[r]
            )
            order = np.argsort(-sims[r])[:N_NEAREST]
            nearest = tuple(
                Neighbour(
                    title=self.entries[i]["title"],
                    arxiv_id=self.entries[i]["arxiv_id"],
                    similarity=float(sims[r][i]),
                    section_path=tuple(self.entries[i]["section_path"]),
                )
                for i in order
            )
            unsure = len(secs) > 1 and secs[0].score - secs[1].score < unsure_margin
            out.append(Scored(paper, float(relevance[r]), secs, nearest, bool(unsure)))
        return out

    def dimension(self) -> int | None:
        """Length of the plain embeddings the models were trained on: as recorded, else from the estimators."""
        recorded = self.meta.get("dimension")
        if isinstance(recorded, int) and not isinstance(recorded, bool) and recorded > 0:
            return recorded
        found = self.relevance.dimension()
        headings = getattr(self.sections, "heading_vectors_", None)
        if found is None and headings is not None:
            found = int(headings.shape[1])
        if found is None and self.section_layers is None:
            found = self.sections.dimension()
        return found

    # ------------------------------------------------------------ persistence

    def save(self, directory: Path) -> None:
        """model.pkl (the estimators) and meta.json (readable), each written atomically.

        Both are checked first: a pickle replaced beside a meta.json that cannot be is a half-written folder.
        """
        directory = Path(directory)
        check_models_writable(directory)
        buf = io.BytesIO()
        pickle.dump(
            {"format": FORMAT_VERSION, "meta": self.meta, "relevance": self.relevance, "sections": self.sections,
             "entries": self.entries, "section_layers": self.section_layers},
            buf,
            protocol=pickle.HIGHEST_PROTOCOL,
        )
        # Together: a full disk while meta.json is written must not leave the new pickle beside the old meta.json.
        atomic_write_files([
            (directory / ARTIFACT, gzip.compress(buf.getvalue(), compresslevel=6, mtime=0)),
            (directory / META, json_bytes(self.meta)),
        ])

    @classmethod
    def load(cls, directory: Path, *, embedding_model: str, readme_text: str | None = None) -> ListModel:
        from bot.embed import canonical_model_name

        directory = Path(directory)
        path = directory / ARTIFACT
        try:
            present = path.is_file()
        except OSError as exc:  # a folder that cannot be read (permissions) says nothing of its models
            raise PaperbotError(f"{directory}: cannot read the models folder ({exc.strerror or exc}); check its "
                                "permissions") from None
        if not present:
            raise UnusableModels(f"{directory}: no trained models ({ARTIFACT} missing)")
        try:
            with gzip.open(path, "rb") as fh:
                doc = pickle.load(fh)  # our own artifact, written by save()
        except Exception as exc:
            raise UnusableModels(f"{path}: cannot read the trained models ({exc})") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT_VERSION:
            raise UnusableModels(f"{path}: models in an old or unknown format")
        problem = _artifact_problem(doc)
        if problem:
            raise UnusableModels(f"{path}: damaged models ({problem})")
        meta = doc["meta"]
        trained_with = meta.get("embedding_model")
        if trained_with != canonical_model_name(embedding_model):
            raise _model_mismatch(directory, str(trained_with), canonical_model_name(embedding_model))
        model = cls(
            meta=meta, relevance=doc["relevance"], sections=doc["sections"], entries=doc["entries"],
            section_layers=doc.get("section_layers"),
        )
        if readme_text is not None and not model.trained_on(readme_text):
            if other := model.another_list(readme_text):
                raise PaperbotError(f"the models in {directory} were {other}: run `paperbot train` on this list")
            raise PaperbotError("the list changed since the models were trained: run `paperbot train`")
        return model

    def trained_on(self, readme_text: str) -> bool:
        """Were these models trained on exactly this README? (Any edit, even a merged bot PR, makes them stale.)"""
        return readme_sha256(readme_text) == self.meta.get("readme_sha256")

    def another_list(self, readme_text: str) -> str:
        """How these models' list differs from this README's when it is another list altogether (the shipped
        models/ left under a new list's README), which "the list changed" would hide; "" for an edited list."""
        from bot.listfile import parse_list

        try:
            keys = parse_list(readme_text).keys()
        except PaperbotError:
            return ""
        trained = {e["key"] for e in self.entries}
        shared = len(keys & trained)
        if keys and trained and shared * 2 < min(len(keys), len(trained)):
            return f"trained on another list (only {shared} of this list's {len(keys)} papers were in it)"
        return ""


def _artifact_problem(doc: dict) -> str | None:
    """What in a loaded artifact is not as save() writes it (None: nothing).

    The format number alone does not make a file whole: a hand-edited or damaged artifact must stop at
    load, as UnusableModels (which `run --retrain` trains past), not as a traceback in the middle of a scan.
    """
    from bot.tune import TunedLayers

    meta = doc.get("meta")
    if not isinstance(meta, dict):
        return "'meta' is missing or not a mapping"
    for key in ("embedding_model", "readme_sha256"):
        if not isinstance(meta.get(key), str):
            return f"meta has no {key}"
    recorded = meta.get("dimension")
    if recorded is not None and (not isinstance(recorded, int) or isinstance(recorded, bool) or recorded <= 0):
        return f"meta's dimension {recorded!r} is not a positive number"
    relevance = doc.get("relevance")
    if (
        not isinstance(relevance, RelevanceModel)
        or not isinstance(getattr(relevance, "hyper", None), Hyper)
        or not callable(getattr(getattr(relevance, "tfidf_", None), "transform", None))
        or not callable(getattr(getattr(relevance, "classifier_", None), "predict_proba", None))
        or not isinstance(getattr(relevance, "train_rate_", None), float)
        or not 0 < relevance.train_rate_ < 1
    ):
        return "'relevance' is not a fitted relevance model"
    if relevance.learnt_from_ not in LEARNT_FROM or not isinstance(relevance.feed_shift_, float):
        return "the relevance model does not say what it learnt the list from"
    entries = doc.get("entries")
    if not isinstance(entries, list) or not entries:
        return "'entries' is missing or empty"
    for entry in entries:
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("title"), str)
            or not isinstance(entry.get("arxiv_id"), str | None)
            or not isinstance(entry.get("section_path"), list | tuple)
            or not all(isinstance(part, str) for part in entry["section_path"])
        ):
            return "an entry lacks its title, arXiv id or section path"
    problem = _section_model_problem(doc.get("sections"), len(entries))
    if problem:
        return problem
    layers = doc.get("section_layers")
    if layers is not None and not isinstance(layers, TunedLayers):
        return "'section_layers' are not tuned layers"
    return None


def _section_model_problem(model: Any, papers: int) -> str | None:
    """What the section model lacks of what rank() reads, for a list of `papers` entries (None: nothing)."""
    if not isinstance(model, SectionModel) or not isinstance(getattr(model, "hyper", None), Hyper):
        return "'sections' is not a section model"
    groups, places = getattr(model, "groups_", None), getattr(model, "sections_", None)
    if not isinstance(groups, list) or not groups or not isinstance(places, list) or not places:
        return "the section model has no sections"
    if not all(isinstance(p, dict) and {"id", "path", "group"} <= p.keys() and p["group"] in groups for p in places):
        return "a section of the section model lacks its id, path or group"
    vectors, labels = getattr(model, "vectors_", None), getattr(model, "labels_", None)
    if not isinstance(vectors, np.ndarray) or vectors.ndim != 2 or vectors.shape[0] != papers or not vectors.shape[1]:
        return f"the section model's vectors are not one row per entry ({papers})"
    if not isinstance(labels, np.ndarray) or labels.shape != (papers, len(groups)):
        return "the section model's labels are not one row per entry and a column per section"
    paper_sections = getattr(model, "paper_sections_", None)
    if (
        not isinstance(paper_sections, list)
        or len(paper_sections) != papers
        or not all(isinstance(s, list) and all(isinstance(j, int) and 0 <= j < len(places) for j in s)
                   for s in paper_sections)
    ):
        return "the section model's entries are not placed in its sections"
    linear, columns = getattr(model, "linear_", None), getattr(model, "linear_groups_", None)
    if linear is not None and (
        not callable(getattr(linear, "predict_proba", None))
        or not isinstance(columns, list)
        or not all(isinstance(j, int) and 0 <= j < len(groups) for j in columns)
    ):
        return "the section model's linear part is not fitted"
    headings = getattr(model, "heading_vectors_", None)
    if headings is not None and (not isinstance(headings, np.ndarray) or headings.shape[:1] != (len(groups),)
                                 or headings.ndim != 2):
        return "the section model's heading vectors are not one per section"
    means = getattr(model, "heading_means_", None)
    if means is not None and (headings is None or not isinstance(means, np.ndarray) or means.shape != (len(groups),)):
        return "the section model's heading means are not one per section"
    places = getattr(model, "place_heading_vectors_", None)
    if places is not None and (not isinstance(places, np.ndarray) or places.ndim != 2
                               or places.shape[0] != len(model.sections_)
                               or (isinstance(headings, np.ndarray) and places.shape[1] != headings.shape[1])):
        return "the section model's place heading vectors are not one per place, in the headings' space"
    place_means = getattr(model, "place_heading_means_", None)
    if place_means is not None and (places is None or not isinstance(place_means, np.ndarray)
                                    or place_means.shape != (len(model.sections_),)):
        return "the section model's place heading means are not one per place"
    return None


# ---------------------------------------------------------------- training


def check_models_writable(directory: Path) -> None:
    """Every file save() writes (the pickle and meta.json), before the work that leads to them.

    Checking the pickle alone let a meta.json that is a folder stop the run after the new pickle had
    replaced the old: the folder then held models and a description that do not belong together.
    """
    for name in (ARTIFACT, META):
        check_writable(Path(directory) / name)


def hyper_from_config(config: Config) -> Hyper:
    return Hyper(seed=config.training.seed, relevant_rate=config.training.relevant_rate)


def tune_settings(config: Config) -> TuneSettings:
    from bot.tune import TuneSettings

    t = config.training
    return TuneSettings(layers=t.tune_layers, epochs=t.tune_epochs, seed=t.seed)


def tune_sections(
    encoder: Encoder,
    lpapers: Sequence[ListPaper],
    sections: Sequence[Section],
    vectors: np.ndarray,
    hyper: Hyper,
    settings: TuneSettings,
    *,
    folds: int = 0,
) -> tuple[TunedLayers, np.ndarray, list[np.ndarray], np.ndarray | None]:
    """Tune the section encoder on all list papers, and (folds > 1) once per fold without that fold.

    Returns the tuned layers, the list papers through them, and for the leave-one-out estimate the
    papers through each fold's encoder plus each paper's fold.
    """
    from bot.tune import fine_tune, section_margin, tuning_precision

    labels = SectionModel(hyper).index(sections, [lp.section_ids for lp in lpapers]).labels_
    texts = [lp.paper.text for lp in lpapers]
    fmt = " in bfloat16" if tuning_precision(encoder, settings) == "bfloat16" else ""
    log.info("tuning the section encoder (top %d blocks%s) on %d list papers", settings.layers, fmt, len(texts))
    layers = fine_tune(encoder, texts, labels, vectors, settings)
    tuned = layers.encoder(encoder).encode(texts)
    if log.isEnabledFor(logging.DEBUG):
        log.debug(
            "tuned: list papers nearer their own sections than the next by %.4f in cosine (%.4f before)",
            section_margin(tuned, labels), section_margin(vectors, labels),
        )
    fold_vectors: list[np.ndarray] = []
    fold_of = None
    if folds > 1:
        fold_of = np.random.RandomState(settings.seed).permutation(len(texts)) % folds
        for k in range(folds):
            train = np.flatnonzero(fold_of != k)
            log.info("tuning without fold %d of %d (leave-one-out estimate)", k + 1, folds)
            fold = fine_tune(encoder, [texts[i] for i in train], labels[train], vectors[train], settings)
            fold_vectors.append(fold.encoder(encoder).encode(texts))
    return layers, tuned, fold_vectors, fold_of


def _versions() -> dict[str, str]:
    import importlib.metadata as md

    out = {}
    for dist in ("scikit-learn", "numpy", "scipy", "sentence-transformers", "torch"):
        try:
            out[dist] = md.version(dist)
        except md.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def fit_list_model(
    plist: PaperList,
    lpapers: Sequence[ListPaper],
    positives_vectors: np.ndarray,
    background: Sequence[Paper],
    background_vectors: np.ndarray,
    *,
    hyper: Hyper,
    embedding_model: str,
    tfidf: Any = None,
    section_vectors: np.ndarray | None = None,
    section_layers: TunedLayers | None = None,
    views: TitleViews | None = None,
    encoder: Encoder | None = None,
) -> ListModel:
    """Fit both models from already embedded papers (used by train_models and the bench/ experiments).

    The relevance model learns every list paper; the section model those in a section (`placed`).
    section_vectors: the placed list papers through the tuned section encoder (section_layers); default the
    plain vectors. views: title-only negatives (title_views), rows counted with the list papers first.
    encoder: the plain encoder, for the section headings' prototypes (none without it).
    """
    sections = trained_sections(plist, lpapers)
    texts = [lp.paper.text for lp in lpapers] + [p.text for p in background]
    vectors = np.vstack([positives_vectors, background_vectors]).astype(np.float32)
    y = np.r_[np.ones(len(lpapers)), np.zeros(len(background))]
    relevance = RelevanceModel(hyper).fit(texts, vectors, y, tfidf=tfidf, views=views)
    relevance.learnt_from_ = learnt_from(lpapers)
    if relevance.learnt_from_ == "titles":
        full = [i for i, p in enumerate(background) if p.abstract]
        relevance.calibrate_to_feed([background[i].text for i in full], np.asarray(background_vectors)[full])
    at = placed(lpapers)
    in_sections = [lpapers[i] for i in at]
    plain = np.asarray(positives_vectors)[at]
    section_model = SectionModel(hyper).fit(
        sections,
        plain if section_vectors is None else section_vectors,
        [lp.section_ids for lp in in_sections],
        [arxiv_month(lp.paper.arxiv_id) for lp in in_sections],
    )
    if encoder is not None and hyper.section_heading_weight > 0:
        section_model.set_headings(encoder, plain)
    by_id = {s.id: s for s in plist.sections}
    entries = [  # one per section model row: the nearest entries a proposal shows are among these
        {
            "key": lp.key,
            "title": lp.paper.title,
            "arxiv_id": lp.paper.arxiv_id or None,
            "section_path": list(by_id[lp.section_ids[0]].path),
        }
        for lp in in_sections
    ]
    meta = {
        "format": FORMAT_VERSION,
        "readme_sha256": readme_sha256(plist.text),
        "embedding_model": embedding_model,
        "dimension": int(np.shape(positives_vectors)[1]),  # of the plain embeddings: scoring checks it
        "versions": _versions(),
        "trained_at": _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat(),
        "hyper": hyper.__dict__.copy(),
        "counts": {
            "list_papers": len(lpapers),
            "with_abstract": sum(lp.has_abstract for lp in lpapers),
            "title_only": sum(not lp.has_abstract for lp in lpapers),
            "in_no_section": len(lpapers) - len(in_sections),  # only in a hand-picked short list
            "background": len(background),
            "title_only_negatives": len(views) if views is not None else 0,
            "sections": len(sections),
            "groups": len(section_model.groups_),
        },
        "section_encoder": section_layers.name if section_layers is not None else embedding_model,
        # what the relevance model learnt the list's papers from, and the logit shift that puts a feed's
        # papers, which have abstracts, back at the feed's rate where that was titles (0: none)
        "relevance_learnt_from": relevance.learnt_from_,
        "relevance_feed_shift": round(relevance.feed_shift_, 4),
    }
    return ListModel(
        meta=meta, relevance=relevance, sections=section_model, entries=entries, section_layers=section_layers
    )


def section_loo_scores(
    model: SectionModel,
    *,
    refit: bool = True,
    fold_vectors: Sequence[np.ndarray] | None = None,
    fold_of: np.ndarray | None = None,
    plain: np.ndarray | None = None,
    surveys: Sequence[bool] | None = None,
) -> np.ndarray:
    """(papers, groups) leave-one-out group scores: each paper scored by a head that never saw it.

    fold_vectors/fold_of: with a tuned section encoder, paper i and the head scoring it are seen through
    the encoder tuned without i's fold (fold_vectors[fold_of[i]]), so no part of the model saw paper i.
    plain: the papers through the plain encoder, for the heading prototypes (the list's own headings, so
    nothing of paper i is in them). surveys: which papers say they are surveys (group_scores).
    """
    from bot.logs import progress

    n = len(model.vectors_)
    out = np.zeros((n, len(model.groups_)))
    for i in progress(range(n), desc="leave-one-out", total=n):
        vectors = model.vectors_ if fold_vectors is None or fold_of is None else fold_vectors[int(fold_of[i])]
        one = None if plain is None else plain[i : i + 1]
        kind = None if surveys is None else [bool(surveys[i])]
        if fold_vectors is not None or (refit and model.linear_ is not None):
            keep = np.arange(n) != i
            sub = SectionModel(model.hyper)
            sub.sections_, sub.groups_ = model.sections_, model.groups_
            sub.vectors_, sub.labels_ = vectors[keep], model.labels_[keep]
            sub.paper_sections_ = [s for j, s in enumerate(model.paper_sections_) if j != i]
            sub.heading_vectors_ = model.heading_vectors_
            sub.heading_means_ = _means_without(model, plain, i)
            sub._fit_linear()
            out[i] = sub.group_scores(vectors[i : i + 1], plain=one, surveys=kind)[0]
        else:
            view = copy.copy(model)  # the same fitted head, its headings centred without paper i
            view.heading_means_ = _means_without(model, plain, i)
            out[i] = view.group_scores(model.vectors_[i : i + 1], exclude=i, plain=one, surveys=kind)[0]
    return out


def _means_without(model: SectionModel, plain: np.ndarray | None, i: int, *, places: bool = False
                   ) -> np.ndarray | None:
    """The headings' (places: the places' headings') mean cosines over the list papers other than i (from the
    means over all of them)."""
    if places:
        means, headings = getattr(model, "place_heading_means_", None), getattr(model, "place_heading_vectors_", None)
    else:
        means, headings = getattr(model, "heading_means_", None), model.heading_vectors_
    if means is None or headings is None or plain is None or len(plain) < 2:
        return means
    n = len(plain)
    return (means * n - np.asarray(plain[i], dtype=np.float32) @ headings.T) / (n - 1)


def loo_hits(scores: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per paper: is the best group one of its own (top-1), is any of the best three (top-3)."""
    top = np.argsort(-scores, axis=1)[:, :3]
    hits = labels[np.arange(len(labels))[:, None], top] > 0
    return hits[:, 0], np.asarray(hits.any(axis=1))


def section_loo(
    model: SectionModel,
    *,
    refit: bool = True,
    fold_vectors: Sequence[np.ndarray] | None = None,
    fold_of: np.ndarray | None = None,
    with_abstract: np.ndarray | None = None,
    plain: np.ndarray | None = None,
    surveys: Sequence[bool] | None = None,
) -> dict[str, Any]:
    """Leave-one-out accuracy at the 2nd level: a paper in two sections counts as right if any is hit.

    with_abstract: which papers have an abstract; their accuracy is added, since every paper the bot
    places comes from a feed with its abstract.
    """
    scores = section_loo_scores(model, refit=refit, fold_vectors=fold_vectors, fold_of=fold_of, plain=plain,
                                surveys=surveys)
    top1, top3 = loo_hits(scores, model.labels_)
    n = len(scores)
    out: dict[str, Any] = {"papers": n, "top1": int(top1.sum()) / max(n, 1), "top3": int(top3.sum()) / max(n, 1)}
    if with_abstract is not None and with_abstract.any():
        k = int(with_abstract.sum())
        out["with_abstract"] = {
            "papers": k, "top1": int(top1[with_abstract].sum()) / k, "top3": int(top3[with_abstract].sum()) / k
        }
    out["by_section_size"] = loo_by_section_size(model.labels_, top1, top3)
    return out


def place_loo(
    model: SectionModel,
    *,
    fold_vectors: Sequence[np.ndarray] | None = None,
    fold_of: np.ndarray | None = None,
    use_time: bool = True,
    plain: np.ndarray | None = None,
) -> dict[str, int]:
    """Leave-one-out of the place inside a 2nd-level section, where the pull request writes the paper.

    For each of a paper's own 2nd-level sections with several places: is the place SectionModel.rank
    puts first there (nearest other entry, reordered by the leaf time prior and, given the list papers'
    plain vectors, the places' headings centred without the paper) one of the paper's own?
    """
    members, papers_of = model.places()
    months = getattr(model, "months_", None) if use_time else None
    right = cases = 0
    for i, own in enumerate(model.paper_sections_):
        vectors = model.vectors_ if fold_vectors is None or fold_of is None else fold_vectors[int(fold_of[i])]
        sims = vectors @ vectors[i]
        for group in {model.sections_[j]["group"] for j in own}:
            inside = [(j, [q for q in papers_of[j] if q != i]) for j in members[group]]
            inside = [(j, others) for j, others in inside if others]
            if len(inside) < 2:
                continue
            best = np.array([max(sims[q] for q in others) for _, others in inside])
            if months is not None and not np.isnan(months[i]):
                best = best + leaf_time_prior(int(months[i]), [months[others] for _, others in inside], model.hyper)
            if plain is not None:
                heads = model.place_heading_term(plain[i], [j for j, _ in inside],
                                                  _means_without(model, plain, i, places=True))
                if heads is not None:
                    best = best + heads
            cases += 1
            right += inside[int(np.argmax(best))][0] in own
    return {"cases": cases, "right": right}


# Small sections are where a section model is weakest; the leave-one-out is split by them.
SIZE_BUCKETS = ((1, 3), (4, 9), (10, None))


def loo_by_section_size(labels: np.ndarray, top1: np.ndarray, top3: np.ndarray) -> list[dict[str, Any]]:
    """Leave-one-out hits by the size of each paper's 2nd-level section (its largest, if it has several).

    The size counts the paper itself, so in a section of 1 the left-out paper has nothing to learn from.
    """
    sizes = labels.sum(0)
    own = (labels * sizes[None, :]).max(1) if labels.size else np.zeros(0)
    out = []
    for lo, hi in SIZE_BUCKETS:
        upper = np.inf if hi is None else hi
        mask = (own >= lo) & (own <= upper)
        k = int(mask.sum())
        if not k:
            continue
        out.append({
            "entries": f"{lo}+" if hi is None else f"{lo}-{hi}",
            "sections": int(((sizes >= lo) & (sizes <= upper)).sum()),
            "papers": k,
            "top1": int(top1[mask].sum()) / k,
            "top3": int(top3[mask].sum()) / k,
        })
    return out


def relevance_cv(
    texts: Sequence[str],
    vectors: np.ndarray,
    y: np.ndarray,
    hyper: Hyper,
    *,
    tfidf: Any,
    folds: int = 5,
    model_class: type[RelevanceModel] = RelevanceModel,
    views: TitleViews | None = None,
    with_abstract: np.ndarray | None = None,
) -> dict:
    """Stratified k-fold average precision and ROC AUC of the relevance model (training-mix probabilities).

    tfidf: one fitted vectorizer for every fold, or None for one fitted on each fold's training rows (what
    `paperbot train` reports: the left-out fold's words then count for nothing, as a new paper's would).
    model_class: another RelevanceModel (bench/ compares baselines through the same folds). views: each
    fold trains on the title-only views of its own training rows only, and is scored on the real rows.
    with_abstract: rows that have an abstract; the same numbers on those alone are added, because feed
    papers always have one and title-only list entries are easy to tell apart by length alone.
    """
    from sklearn.metrics import average_precision_score, roc_auc_score
    from sklearn.model_selection import StratifiedKFold

    folds = calibration_folds(int(y.sum()), folds)
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=hyper.seed)
    pred = np.zeros(len(y))
    texts = list(texts)
    for train, test in skf.split(np.zeros(len(y)), y):
        fold_views = views.within(train) if views is not None else None
        m = model_class(hyper).fit([texts[i] for i in train], vectors[train], y[train], tfidf=tfidf, views=fold_views)
        pred[test] = m.raw([texts[i] for i in test], vectors[test])
    out: dict[str, Any] = {
        "folds": folds,
        "average_precision": float(average_precision_score(y, pred)),
        "roc_auc": float(roc_auc_score(y, pred)),
    }
    if with_abstract is not None and 0 < y[with_abstract].sum() < with_abstract.sum():
        out["with_abstract"] = {
            "papers": int(y[with_abstract].sum()),
            "average_precision": float(average_precision_score(y[with_abstract], pred[with_abstract])),
            "roc_auc": float(roc_auc_score(y[with_abstract], pred[with_abstract])),
        }
    return out


def title_views(
    positives: Sequence[Paper], negatives: Sequence[Paper], encoder: Encoder, cache: EmbeddingCache | None
) -> TitleViews:
    """Title-only copies of the negatives, when some list papers are title only (else none are needed).

    Rows are numbered as the relevance model sees its training papers: the list papers, then the negatives.
    """
    from bot.embed import embed_papers

    if all(p.abstract for p in positives):
        return TitleViews(np.zeros(0, dtype=np.int64), [], np.zeros((0, 0), dtype=np.float32))
    picked = [i for i, p in enumerate(negatives) if p.abstract]
    papers = [title_only(negatives[i]) for i in picked]
    rows = np.array(picked, dtype=np.int64) + len(positives)
    return TitleViews(rows, [p.text for p in papers], embed_papers(papers, encoder, cache))


def train_models(
    config: Config,
    *,
    readme: Path,
    metadata: Path | None,
    background: Path,
    models_dir: Path | None,
    holdout_from: str | None = None,
    extra_negatives: Sequence[Paper] = (),
    offline: bool = False,
    encoder: Encoder | None = None,
    evaluate: bool = True,
    plist: PaperList | None = None,
) -> tuple[ListModel, dict]:
    """Train on the list (minus held-out entries) against background papers; save if models_dir is given.

    plist: the list already parsed (the README as read from GitHub); `readme` then only names it.
    evaluate=False skips the leave-one-out and cross-validation estimates (5 of the 6 encoder tunings).
    """
    from bot.arxiv_api import resolve
    from bot.embed import config_encoder, embed_papers, encoder_cache
    from bot.listfile import read_list
    from bot.tune import NotTunable, can_tune

    if models_dir is not None:
        check_models_writable(Path(models_dir))  # now, not after a 20-minute training
    if plist is None:
        plist = read_list(readme)
    hyper = hyper_from_config(config)
    ids = sorted({e.arxiv_id for e in plist.entries if e.arxiv_id and not is_held_out(e.arxiv_id, holdout_from)})
    resolution = resolve(ids, config, metadata=metadata, offline=offline)
    lpapers = list_papers(plist, resolution.papers | resolution.linked, holdout_from=holdout_from)
    by_link = _learnt_by_link(lpapers, resolution.linked, set(ids))
    if len(lpapers) < 2:
        raise UsageError(f"{readme}: only {len(lpapers)} paper(s) to learn from; a list needs at least 2")
    # a paper the list writes outside an entry (an HTML link, a bare URL) is the list's too: never a negative
    on_list = {lp.paper.arxiv_id for lp in lpapers if lp.paper.arxiv_id} | plist.arxiv_ids()
    on_list |= plist.mentioned_ids.keys()
    negatives = read_background(background, limit=config.training.background_limit, exclude=on_list)
    seen_neg = {p.arxiv_id for p in negatives}
    negatives += [p for p in extra_negatives if p.arxiv_id not in on_list and p.arxiv_id not in seen_neg]
    negatives = _without_list_twins(negatives, plist)
    _check_enough(len(lpapers), len(negatives), readme=readme, background=background, evaluate=evaluate)
    encoder = config_encoder(config) if encoder is None else encoder
    cache = encoder_cache(config.embedding.cache_dir, encoder)
    pos_vectors = embed_papers([lp.paper for lp in lpapers], encoder, cache)
    neg_vectors = embed_papers(negatives, encoder, cache)
    views = title_views([lp.paper for lp in lpapers], negatives, encoder, cache)
    log.info("fitting on %d list papers, %d background (+%d title only)", len(lpapers), len(negatives), len(views))
    corpus = [p.text for p in negatives] + [lp.paper.text for lp in lpapers]
    tfidf = _slim(_word_vectorizer(hyper.relevance_max_features).fit(corpus))
    settings = tune_settings(config)
    layers = section_vectors = None
    fold_vectors: list[np.ndarray] = []
    fold_of = None
    untuned = "training.tune_layers is 0" if not settings.layers else ""
    sections = trained_sections(plist, lpapers)
    at = placed(lpapers)  # the section model's papers: not those only in a hand-picked short list
    in_sections = [lpapers[i] for i in at]
    if settings.layers and len(sections) < 2:
        # One section (a list that is one table): every paper goes there, so tuning would take minutes to learn
        # nothing.
        untuned = "the list's papers are in one section: nothing to tell apart"
        log.info("section encoder not tuned: %s", untuned)
    elif settings.layers and can_tune(encoder):
        try:
            layers, section_vectors, fold_vectors, fold_of = tune_sections(
                encoder, in_sections, sections, pos_vectors[at], hyper, settings,
                folds=config.training.tune_folds if evaluate else 0,
            )
        except NotTunable as exc:  # any sentence-transformers model must train, tuned or not
            untuned = str(exc)
            log.warning("section encoder not tuned: %s (%s); the section model uses its plain embeddings",
                        exc, encoder.name)
    elif settings.layers:
        untuned = f"encoder {encoder.name} is not a sentence-transformers model"
        log.info("encoder %s cannot be tuned: the section model uses its plain embeddings", encoder.name)
    model = fit_list_model(
        plist, lpapers, pos_vectors, negatives, neg_vectors, hyper=hyper, embedding_model=encoder.name, tfidf=tfidf,
        section_vectors=section_vectors, section_layers=layers, views=views, encoder=encoder,
    )
    report: dict[str, Any] = {
        "readme": str(readme),
        "embedding_model": encoder.name,
        "holdout_from": holdout_from,
        "entries": {
            "papers": len(lpapers),
            "with_abstract": model.meta["counts"]["with_abstract"],
            "title_only": model.meta["counts"]["title_only"],
            "in_no_section": len(lpapers) - len(at),
            "arxiv_ids": len(ids),
            "metadata_missing": len(resolution.missing),
            "by_link": by_link,
        },
        "sections": {"candidates": len(model.sections.sections_), "groups": len(model.sections.groups_)},
        "section_encoder": model.meta["section_encoder"],
        "section_encoder_untuned": untuned or None,  # why the section step uses the plain embeddings
        "background": len(negatives),
        "title_only_negatives": len(views),
        "extra_negatives": len(extra_negatives),
        "relevance_learnt_from": model.meta["relevance_learnt_from"],
        "relevance_feed_shift": model.meta["relevance_feed_shift"],
    }
    if evaluate:
        log.info("leave-one-out section accuracy over %d papers", len(at))
        has_abstract = np.array([lp.has_abstract for lp in lpapers], dtype=bool)
        report["section_loo"] = section_loo(
            model.sections, fold_vectors=fold_vectors or None, fold_of=fold_of, with_abstract=has_abstract[at],
            plain=pos_vectors[at], surveys=[is_survey(lp.paper) for lp in in_sections],
        )
        if fold_vectors:
            report["section_loo"]["tuned_folds"] = len(fold_vectors)
        places = place_loo(model.sections, fold_vectors=fold_vectors or None, fold_of=fold_of, plain=pos_vectors[at])
        if places["cases"]:
            report["section_loo"]["places"] = places
        texts = [lp.paper.text for lp in lpapers] + [p.text for p in negatives]
        y = np.r_[np.ones(len(lpapers)), np.zeros(len(negatives))]
        vectors = np.vstack([pos_vectors, neg_vectors])
        log.info("cross-validating relevance")
        with_abstract = np.r_[has_abstract, np.array([bool(p.abstract) for p in negatives], dtype=bool)]
        # tfidf=None: each fold fits its own vocabulary and idf, so the held-out fold's words weigh nothing
        report["relevance_cv"] = relevance_cv(
            texts, vectors, y, hyper, tfidf=None, views=views, with_abstract=with_abstract
        )
        model.meta["metrics"] = {"section_loo": report["section_loo"], "relevance_cv": report["relevance_cv"]}
    if models_dir is not None:
        model.save(models_dir)
        report["models_dir"] = str(models_dir)
    return model, report


def _learnt_by_link(lpapers: Sequence[ListPaper], linked: dict[str, Paper], listed: Collection[str]) -> int:
    """How many papers the list gives no arXiv id (listed: those it gives) learnt their abstract from a metadata row
    named by their link; links that name no entry are logged, as a mistyped one would otherwise pass unseen."""
    if not linked:
        return 0
    learnt = {id(lp.paper) for lp in lpapers}
    unmatched = sorted(k for k, p in linked.items() if id(p) not in learnt)
    if unmatched:
        log.info("%d metadata link(s) name no entry of the list: %s", len(unmatched), ", ".join(unmatched))
    rows = {id(p) for p in linked.values()}
    # a row that also names an arXiv id the list links gave the abstract by that id: not by the link
    return sum(1 for lp in lpapers if id(lp.paper) in rows and lp.paper.arxiv_id not in listed)


def _check_enough(list_count: int, background_count: int, *, readme: Path, background: Path, evaluate: bool) -> None:
    """Stop before any embedding when the classifiers (and the estimate) cannot be fitted on so few papers,
    instead of scikit-learn's cross-validation error after it."""
    need_list, need_background = training_needs(list_count, evaluate=evaluate)
    skip = "; `paperbot train --no-estimate` skips the estimate"
    if list_count < need_list:
        raise UsageError(
            f"{readme}: only {list_count} paper(s) to learn from; estimating the models' accuracy needs at least "
            f"{need_list}{skip}"
        )
    if background_count < need_background:
        what = "the relevance model and its cross-validation need" if evaluate else "the relevance model needs"
        fit_alone = training_needs(list_count, evaluate=False)[1]
        raise PaperbotError(
            f"{background}: {background_count} background paper(s) not on the list; {what} at least "
            f"{need_background}" + (skip if evaluate and background_count >= fit_alone else "")
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _title_only_hint(entries: dict) -> list[str]:
    """A list learnt mostly from titles scores feed papers, which all have abstracts, poorly: a new list's first
    `train --offline`, with no metadata file, learns every entry from its title alone, and says nothing else."""
    if entries["title_only"] <= entries["with_abstract"] or not entries["metadata_missing"]:
        return []
    return [f"  most entries are title only ({entries['metadata_missing']} arXiv ids without an abstract): set "
            "list.metadata to a JSONL of theirs (id, title, abstract) or train without --offline, which asks "
            "the arXiv API and keeps the answers in arxiv_api.cache"]


def _feed_shift_note(report: dict) -> list[str]:
    """Say so where scores were moved for a list learnt from titles: a maintainer comparing them with another
    list's, or with the same list's after adding metadata, should know why they differ."""
    if report.get("relevance_learnt_from") != "titles":
        return []
    shift = report["relevance_feed_shift"]
    return [f"  relevance learnt from titles: feed papers, which have abstracts, are scored {shift:+.2f} in log-odds, "
            "so the background averages the feed's rate of list papers (training.relevant_rate)"]


def format_training_report(report: dict) -> list[str]:
    """What `paperbot train` prints for people."""
    e = report["entries"]
    unplaced = e.get("in_no_section", 0)
    lines = [
        f"list: {report['readme']}",
        f"entries used: {e['papers']} papers ({e['with_abstract']} with abstract, {e['title_only']} title only; "
        f"{e['metadata_missing']} of {e['arxiv_ids']} arXiv ids without metadata"
        + (f"; abstracts of {_count(e['by_link'], 'paper')} without an arXiv id from the metadata file, by "
           f"{'its link' if e['by_link'] == 1 else 'their links'}" if e.get("by_link") else "") + ")"
        + (f"; {unplaced} of them only in a hand-picked short list, learnt as on the list but in no section"
           if unplaced else ""),
        *_title_only_hint(e),
        *_feed_shift_note(report),
        f"sections: {report['sections']['candidates']} places in {report['sections']['groups']} 2nd-level sections",
        f"background: {report['background']} arXiv papers as negatives"
        + (f" (+{report['extra_negatives']} rejected papers)" if report.get("extra_negatives") else "")
        + (
            f"; {report['title_only_negatives']} of them also as title only, like the list's title-only entries"
            if report.get("title_only_negatives")
            else ""
        ),
        f"embedding model: {report['embedding_model']}",
    ]
    if report.get("section_encoder", report["embedding_model"]) != report["embedding_model"]:
        lines.append(f"section encoder: {report['section_encoder']} (tuned on the list's sections)")
    elif report.get("section_encoder_untuned"):
        lines.append(f"section encoder: the plain embeddings (not tuned: {report['section_encoder_untuned']})")
    if "section_loo" in report:
        s = report["section_loo"]
        how = f"; encoder tuned without each paper's fold, {s['tuned_folds']} folds" if s.get("tuned_folds") else ""
        line = (
            f"section leave-one-out (2nd level, {s['papers']} papers{how}): top-1 {s['top1']:.1%}, "
            f"top-3 {s['top3']:.1%}"
        )
        if "with_abstract" in s:
            a = s["with_abstract"]
            line += f"; on the {a['papers']} with an abstract, as feed papers have: {a['top1']:.1%}, {a['top3']:.1%}"
        lines.append(line)
        if s.get("by_section_size"):
            lines.append(
                "  by section size: " + "; ".join(
                    f"{b['entries']} entries ({_count(b['sections'], 'section')}, {_count(b['papers'], 'paper')}): "
                    f"top-1 {b['top1']:.1%}, "
                    f"top-3 {b['top3']:.1%}"
                    for b in s["by_section_size"]
                )
            )
        if s.get("places"):
            c = s["places"]
            lines.append(
                f"  place inside a 2nd-level section with several places (where the PR writes the paper): right for "
                f"{c['right']} of {c['cases']} ({c['right'] / c['cases']:.1%})"
            )
    if "relevance_cv" in report:
        r = report["relevance_cv"]
        line = (
            f"relevance {r['folds']}-fold cross-validation: average precision {r['average_precision']:.3f}, "
            f"ROC AUC {r['roc_auc']:.4f}"
        )
        if "with_abstract" in r:
            a = r["with_abstract"]
            line += (
                f"; on the {a['papers']} list papers with an abstract, as feed papers have: "
                f"{a['average_precision']:.3f}, {a['roc_auc']:.4f}"
            )
        lines.append(line)
    if "section_loo" not in report:
        lines.append("accuracy not estimated: leave-one-out and cross-validation skipped (--no-estimate)")
    if report.get("models_dir"):
        lines.append(f"models written to {report['models_dir']}")
    return lines
