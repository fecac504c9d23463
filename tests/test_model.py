"""Relevance and section models trained on a small real slice of the list (tests/fixtures/ml)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from bot.arxiv_api import load_metadata_jsonl
from bot.config import Config
from bot.embed import EmbeddingCache, embed_papers, encoder_cache, load_encoder
from bot.errors import PaperbotError
from bot.listfile import PaperList, parse_list, read_list
from bot.model import (
    ListModel,
    RelevanceModel,
    Scored,
    TitleViews,
    _features,
    format_training_report,
    is_held_out,
    list_papers,
    read_background,
    title_views,
    train_models,
)
from bot.papers import Paper
from bot.tune import TunedEncoder
from tests.conftest import REPO

ML = Path(__file__).parent / "fixtures" / "ml"
README = ML / "llm-synthetic-data.md"


def _config(tmp: Path) -> Config:
    return Config.model_validate(
        {
            "embedding": {"cache_dir": str(tmp / "emb")},
            "arxiv_api": {"cache": str(tmp / "api-cache.jsonl")},
            # the tuned section encoder, kept small: adapters on the top block, one pass, 2 folds
            "training": {"tune_layers": 1, "tune_epochs": 1, "tune_folds": 2},
        }
    )


@pytest.fixture(scope="module")
def encoder():
    return load_encoder("all-MiniLM-L6-v2")


@pytest.fixture(scope="module")
def trained(tmp_path_factory, encoder):
    tmp = tmp_path_factory.mktemp("ml")
    config = _config(tmp)
    model, report = train_models(
        config, readme=README, metadata=ML / "list-metadata.jsonl", background=ML / "background.jsonl",
        models_dir=tmp / "models", offline=True, encoder=encoder, evaluate=True,
    )
    return model, report, tmp, config


@pytest.fixture(scope="module")
def candidates() -> dict[str, Paper]:
    return load_metadata_jsonl(ML / "candidates.jsonl")


def test_training_report_counts_what_was_learned(trained) -> None:
    _, report, tmp, _ = trained
    plist = read_list(README)
    arxiv = plist.arxiv_ids()
    meta = load_metadata_jsonl(ML / "list-metadata.jsonl")
    distinct = {e.key for e in plist.entries}
    assert report["entries"]["papers"] == len(distinct) == 80
    assert report["entries"]["with_abstract"] == len(meta) == 59
    assert report["entries"]["title_only"] == 80 - 59
    assert report["entries"]["arxiv_ids"] == len(arxiv)
    assert report["entries"]["metadata_missing"] == len(arxiv) - 59
    assert report["background"] == 250
    assert report["title_only_negatives"] == 250  # the slice has title-only entries, every background abstract
    assert report["sections"] == {"candidates": 7, "groups": 6}
    loo = report["section_loo"]
    assert loo["papers"] == 80
    assert 0.6 <= loo["top1"] <= loo["top3"] <= 1.0
    assert loo["tuned_folds"] == 2
    assert loo["with_abstract"]["papers"] == 59 and 0.0 < loo["with_abstract"]["top1"] <= loo["with_abstract"]["top3"]
    assert sum(b["papers"] for b in loo["by_section_size"]) == 80
    places = loo["places"]  # 4.1 Pre-training has two places in the slice (itself, "A. Rephrasing document")
    # 5 papers there; the nearest entry places all 5 (always the first place would get 3: a floor of 4 keeps
    # one paper of room for another CPU's arithmetic)
    assert places["cases"] == 5 and 4 <= places["right"] <= 5
    assert report["section_encoder"].startswith("sentence-transformers/all-MiniLM-L6-v2+sections-")
    assert report["relevance_cv"]["roc_auc"] > 0.9
    # scored again on the list papers with an abstract alone, as feed papers come
    assert report["relevance_cv"]["with_abstract"]["papers"] == 59
    assert report["relevance_cv"]["with_abstract"]["roc_auc"] > 0.9
    lines = format_training_report(report)
    assert any(line.startswith("section encoder: ") for line in lines)
    assert any("encoder tuned without each paper's fold, 2 folds" in line for line in lines)
    assert f"  place inside a 2nd-level section with several places (where the PR writes the paper): right for " \
        f"{places['right']} of {places['cases']} ({places['right'] / places['cases']:.1%})" in lines
    assert any("; on the 59 with an abstract, as feed papers have: " in line for line in lines)
    assert lines[1] == "entries used: 80 papers (59 with abstract, 21 title only; 16 of 75 arXiv ids without metadata)"
    assert lines[3] == "background: 250 arXiv papers as negatives; 250 of them also as title only, like the list's " \
        "title-only entries"
    assert "; on the 59 list papers with an abstract, as feed papers have: " in lines[-2]
    assert lines[-1] == f"models written to {tmp / 'models'}"


def test_synthetic_data_papers_rank_above_unrelated_ones(trained, encoder, candidates) -> None:
    model = trained[0]
    scored = model.score(list(candidates.values()), encoder)
    by_id = {s.paper.arxiv_id: s for s in scored}
    relevant = [by_id["2212.10560"].relevance, by_id["2406.08464"].relevance]
    unrelated = [s.relevance for s in scored if s.paper.arxiv_id not in ("2212.10560", "2406.08464")]
    assert len(unrelated) == 6
    assert min(relevant) > max(unrelated)
    assert all(0.0 <= s.relevance <= 1.0 for s in scored)


def test_a_list_learnt_from_titles_scores_feed_papers_at_the_feeds_rate(trained, encoder, candidates, tmp_path) -> None:
    """A list's first `train --offline` without a metadata file learns every entry from its title, while feed
    papers have abstracts: its scores are shifted so a threshold means what it means for a list learnt from
    abstracts. Unshifted, Self-Instruct and Magpie scored 0.016 and 0.005 here, under the default threshold."""
    shutil.copytree(trained[2] / "emb", tmp_path / "emb")  # the background's vectors: no second embedding
    config = Config.model_validate({
        "embedding": {"cache_dir": str(tmp_path / "emb")}, "arxiv_api": {"cache": str(tmp_path / "api-cache.jsonl")},
        "training": {"tune_layers": 0},
    })
    model, report = train_models(
        config, readme=README, metadata=None, background=ML / "background.jsonl", models_dir=tmp_path / "models",
        offline=True, encoder=encoder, evaluate=False,
    )
    assert report["entries"]["with_abstract"] == 0 and report["entries"]["title_only"] == 80
    assert model.meta["relevance_learnt_from"] == report["relevance_learnt_from"] == "titles"
    shift = model.meta["relevance_feed_shift"]
    assert shift == report["relevance_feed_shift"] > 2
    assert f"  relevance learnt from titles: feed papers, which have abstracts, are scored {shift:+.2f} in log-odds, " \
        "so the background averages the feed's rate of list papers (training.relevant_rate)" in \
        format_training_report(report)
    # the background, with abstracts as a feed's papers come, averages the feed's rate of list papers
    background = [p for p in read_background(ML / "background.jsonl") if p.abstract]
    mean = np.mean([s.relevance for s in model.score(background, encoder, encoder_cache(tmp_path / "emb", encoder))])
    assert mean == pytest.approx(config.training.relevant_rate, rel=1e-3)
    loaded = ListModel.load(tmp_path / "models", embedding_model="all-MiniLM-L6-v2")
    by_id = {s.paper.arxiv_id: s.relevance for s in loaded.score(list(candidates.values()), encoder)}
    threshold = config.thresholds.relevance
    assert by_id.pop("2212.10560") >= threshold and by_id.pop("2406.08464") >= threshold
    assert len(by_id) == 6 and max(by_id.values()) < threshold
    # a list learnt mostly from abstracts scores as it did, nothing shifted
    assert trained[0].meta["relevance_learnt_from"] == "abstracts" and trained[0].meta["relevance_feed_shift"] == 0.0
    assert trained[0].relevance.feed_shift_ == 0.0


def _relevance_training(config: Config, encoder) -> tuple[list[str], np.ndarray, np.ndarray, TitleViews]:
    """The slice's relevance training papers as train_models lays them out: list papers, then background."""
    plist = read_list(README)
    lpapers = list_papers(plist, load_metadata_jsonl(ML / "list-metadata.jsonl"))
    background = read_background(ML / "background.jsonl", exclude=plist.arxiv_ids())
    cache = EmbeddingCache(config.embedding.cache_dir, encoder.name)
    texts = [lp.paper.text for lp in lpapers] + [p.text for p in background]
    vectors = np.vstack(
        [embed_papers([lp.paper for lp in lpapers], encoder, cache), embed_papers(background, encoder, cache)]
    )
    y = np.r_[np.ones(len(lpapers)), np.zeros(len(background))]
    return texts, vectors, y, title_views([lp.paper for lp in lpapers], background, encoder, cache)


def test_title_only_negatives_take_away_the_length_cue(trained, encoder) -> None:
    """21 of the slice's 80 list papers are title only, no background paper is: without title-only
    negatives a bare title looks like a list paper; with them, an unrelated title does not."""
    model, _, _, config = trained
    texts, vectors, y, views = _relevance_training(config, encoder)
    lpapers, background = int(y.sum()), len(y) - int(y.sum())
    first = read_background(ML / "background.jsonl", exclude=read_list(README).arxiv_ids())[0]
    assert len(views) == background and views.texts[0] == first.title
    assert views.rows.tolist() == list(range(lpapers, len(texts)))
    tfidf = model.relevance.tfidf_
    without = RelevanceModel(model.relevance.hyper).fit(texts, vectors, y, tfidf=tfidf)
    with_views = RelevanceModel(model.relevance.hyper).fit(texts, vectors, y, tfidf=tfidf, views=views)
    # the same papers twice: the shift to the feed's rate is the same as without them
    assert with_views.train_rate_ == without.train_rate_ == lpapers / len(texts)
    # background papers not trained on, title only: much less "relevant" once titles alone are negatives
    unseen = [
        Paper("2504.00001", "Fast Sparse Solvers for Elliptic PDEs on Adaptive Meshes"),
        Paper("2504.00002", "A Benchmark of Graph Neural Networks for Traffic Forecasting"),
        Paper("2504.00003", "Robust Visual Odometry for Legged Robots in the Dark"),
    ]
    unseen_vectors = embed_papers(unseen, encoder, None)
    plain = without.raw([p.text for p in unseen], unseen_vectors)
    fixed = with_views.raw([p.text for p in unseen], unseen_vectors)
    assert (fixed < plain / 2).all(), (plain, fixed)


def test_the_relevance_regression_is_solved_to_its_optimum(trained, encoder) -> None:
    """Stopped at scikit-learn's default tolerance, L-BFGS left the regression short of its optimum, at a
    point that moved with any change to the papers: on the whole list a retraining without one paper moved
    the scores 20-40% (python -m bench.relevance_drift). The objective's gradient at the fitted coefficients
    is zero at the optimum; on this slice it was 2e-5 at the old tolerance (1e-4) and is 6e-7 now."""
    model, _, _, config = trained
    texts, vectors, y, views = _relevance_training(config, encoder)
    hyper = model.relevance.hyper
    fitted = RelevanceModel(hyper).fit(texts, vectors, y, tfidf=model.relevance.tfidf_, views=views)
    regression = fitted.classifier_.calibrated_classifiers_[0].estimator
    X = _features(fitted.tfidf_, [*texts, *views.texts], np.vstack([vectors, views.vectors]),
                  hyper.relevance_embedding_weight)
    y = np.r_[y, np.zeros(len(views))]
    weight = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (y == 0).sum()))  # class_weight="balanced"
    p = 1 / (1 + np.exp(-(X @ regression.coef_.ravel() + regression.intercept_[0])))
    residual = weight * (p - y)
    # gradient of sum(weight * log loss) + |coef|^2 / 2C (the intercept is not penalised), per unit weight
    gradient = np.r_[X.T @ residual + regression.coef_.ravel() / hyper.relevance_C, residual.sum()] / weight.sum()
    assert np.abs(gradient).max() < 1e-5


def test_math_paper_neighbours_and_section(trained, encoder) -> None:
    model = trained[0]
    # MetaMath is on the slice, in 6.1; score a paraphrase of it as a new paper
    paper = Paper(
        "9999.00001",
        "Bootstrapping mathematical questions to fine-tune LLMs on synthetic math word problems",
        "We rewrite math word problems from GSM8K and MATH into many new questions and answers and "
        "fine-tune language models on the synthetic data, improving mathematical reasoning.",
    )
    [s] = model.score([paper], encoder)
    assert isinstance(s, Scored)
    assert s.sections[0].path == ("6. Application Areas", "6.1 Mathematical Reasoning")
    assert len(s.nearest) == 3
    assert all(n.section_path[:2] == ("6. Application Areas", "6.1 Mathematical Reasoning") for n in s.nearest)
    assert s.nearest[0].similarity >= s.nearest[1].similarity >= s.nearest[2].similarity
    scores = [x.score for x in s.sections]
    assert scores == sorted(scores, reverse=True)
    assert s.unsure == (scores[0] - scores[1] < 0.1)
    # the leaf places of the slice, every one scored
    assert {x.path for x in s.sections} == {
        ("3. Surveys",),
        ("4. Methods", "4.1. Pre-training"),
        ("4. Methods", "4.1. Pre-training", "A. Rephrasing document"),
        ("4. Methods", "4.2. Continue Pre-training"),
        ("6. Application Areas", "6.1 Mathematical Reasoning"),
        ("6. Application Areas", "6.2 Code Generation"),
        ("6. Application Areas", "6.4 Vision and Language"),
    }


def test_code_paper_goes_to_code_generation(trained, encoder) -> None:
    paper = Paper(
        "9999.00002",
        "Synthesizing instruction data for code LLMs",
        "We generate programming problems and Python solutions with an LLM, verify them with unit tests, "
        "and instruction-tune code models, improving HumanEval and MBPP pass@1.",
    )
    [s] = trained[0].score([paper], encoder)
    assert s.sections[0].path == ("6. Application Areas", "6.2 Code Generation")


def test_a_survey_goes_where_the_list_keeps_surveys(trained, encoder) -> None:
    """A survey of math data lies among the math papers in any embedding; its own words say it is a survey, and
    the slice's "3. Surveys" is where the list keeps those. Its topic stays in the top 3 as the runner-up."""
    model = trained[0]
    words = ("synthetic math word problems generated by LLMs to fine-tune mathematical reasoning: question "
             "rewriting, solution distillation and verification on GSM8K and MATH.")
    survey = Paper("9999.00003", "Synthetic Data for Mathematical Reasoning: A Survey", "This survey reviews " + words)
    study = Paper("9999.00004", "Synthetic Data for Mathematical Reasoning", "We study " + words)
    [s, t] = model.score([survey, study], encoder)
    assert s.sections[0].path == ("3. Surveys",)
    assert ("6. Application Areas", "6.1 Mathematical Reasoning") in [x.path for x in s.sections[:3]]
    assert t.sections[0].path == ("6. Application Areas", "6.1 Mathematical Reasoning")
    # without the kind the same survey goes where its topic is: the words did it
    import copy

    blind = copy.copy(model)
    blind.sections = copy.copy(model.sections)
    blind.sections.hyper = dataclasses.replace(model.sections.hyper, section_survey_weight=0.0)
    [b] = blind.score([survey], encoder)
    assert b.sections[0].path == ("6. Application Areas", "6.1 Mathematical Reasoning")


@pytest.mark.parametrize(("title", "abstract", "survey"), [
    # real titles and abstract openings from the dev feeds (April 2025)
    ("A Survey on (M)LLM-Based GUI Agents", "", True),
    ("Agentic Large Language Models, a survey", "", True),
    ("Toward building next-generation Geocoding systems: a systematic review", "", True),
    ("Knowledge Distillation and Dataset Distillation of Large Language Models: Emerging Trends, Challenges, and "
     "Future Directions", "", True),
    ("Mind with Eyes: from Language Reasoning to Multimodal Reasoning", "This survey provides an overview of", True),
    ("Computer-Aided Layout Generation for Building Design: A Review", "", True),
    ("Reasoning Beyond Limits: Advances and Open Problems for LLMs",
     "In this paper, we present an extensive overview of the top 27 LLM models", True),
    # other words for it: the list's own 3. Surveys entries and dev feed papers
    ("Best Practices and Lessons Learned on Synthetic Data",
     "This paper provides an overview of synthetic data research", True),
    ("Large Language Models for Traffic and Transportation Research: Methodologies, State of the Art, and Future "
     "Opportunities", "", True),
    ("Geospatial Artificial Intelligence for Satellite-based Flood Extent Mapping: Concepts, Advances, and Future "
     "Perspectives", "", True),
    ("Natural Language Generation", "This article provides a brief overview of the field of Natural Language "
     "Generation", True),
    ("Open Problems and a Hypothetical Path Forward in LLM Knowledge Paradigms",
     "We review recent progress made in addressing these issues", True),
    # a field's advances or progress with its challenges, in the subtitle (dev feeds 2503.14195 and 2504.00901,
    # whose abstracts say "we have conducted a comprehensive review" and "This paper comprehensively reviews")
    ("Mapping Urban Villages in China: Progress and Challenges", "In order to assess the current progress in urban "
     "village mapping and identify challenges and future directions, we have conducted a comprehensive review", True),
    ("A Decade of Deep Learning for Remote Sensing Spatiotemporal Fusion: Advances, Challenges, and Opportunities",
     "This paper comprehensively reviews DL developments in remote sensing STF over the last decade", True),
    # an abstract that calls itself a comprehensive (rapid, short) review or survey (dev feeds 2503.15808, background
    # 2502.08689, 2406.15982, 2501.09967), or says it comprehensively reviews a field (background 2105.04387,
    # 2311.00671; dev feeds 2504.00901, named by its title too)
    ("ChatGPT and U(X): A Rapid Review on Measuring the User Experience",
     "In this rapid review (N = 58), I explored how ChatGPT UX has been approached quantitatively so far.", True),
    ("Advancing machine fault diagnosis: A detailed examination of convolutional neural networks",
     "This comprehensive review delves into the application of CNNs in machine fault diagnosis", True),
    ("Learning with Noisy Ground Truth: From 2D Classification to 3D Reconstruction",
     "In this short survey, we propose a formal definition unify the analysis of LNGT", True),
    ("Explainable artificial intelligence (XAI): from inherent explainability to large language models",
     "This comprehensive survey details the advancements of explainable AI methods", True),
    ("", "We comprehensively review state-of-the-art research outcomes in dialogue systems", True),
    ("", "This article comprehensively reviews emotion-based methods for misinformation detection.", True),
    ("", "This paper comprehensively reviews DL developments in remote sensing STF over the last decade", True),
    # but not a method paper's or a benchmark's review of what it builds on (dev feeds 2503.19523, background
    # 2406.09105), nor the work a survey says is missing (background 2407.02646)
    ("One Framework to Rule Them All: Unifying RL-Based and RL-Free Methods in RLHF",
     "Following this, we briefly review some core principles of reinforcement learning", False),
    ("INS-MMBench: A Comprehensive Benchmark for Evaluating LVLMs' Performance in Insurance",
     "In this paper, we systematically review and distill multimodal tasks for four representative types of "
     "insurance", False),
    ("", "However, there has not been work that comprehensively reviews these insights and challenges", False),
    # but progress or advances alone are no survey's words: method and empirical papers of the dev feeds and the
    # background (2504.07086, 2503.16997, 2103.09154, 2502.15898)
    ("A Sober Look at Progress in Language Model Reasoning: Pitfalls and Paths to Reproducibility", "", False),
    ("Steady Progress Beats Stagnation: Mutual Aid of Foundation and Conventional Models in Mixed Domain "
     "Semi-Supervised Medical Image Segmentation", "", False),
    ("Leveraging Recent Advances in Deep Learning for Audio-Visual Emotion Recognition", "", False),
    ("ML-Driven Approaches to Combat Medicare Fraud: Advances in Class Imbalance Solutions, Feature Engineering, "
     "Adaptive Learning, and Business Impact", "This study investigates the use of machine learning (ML) to enhance "
     "Medicare fraud detection, addressing key challenges such as class imbalance", False),
    # a challenge's report reviews one contest's entries, not a field
    ("PVUW 2025 Challenge Report: Advances in Pixel-level Understanding of Complex Videos in the Wild", "", False),
    ("The Tenth NTIRE 2025 Image Denoising Challenge Report", "This paper presents an overview of the NTIRE 2025 "
     "Image Denoising Challenge", False),
    ("NTIRE 2025 Challenge on Cross-Domain Few-Shot Object Detection: Methods and Results",
     "In this report, we present an overview of the 1st NTIRE 2025 CD-FSOD Challenge", False),
    # state of the art as a claim, not a field's
    ("Achieving State of the Art Results in Low-Resource Translation with Synthetic Data", "", False),
    # a survey that people answer, and review as a topic, are not the kind of paper
    ("Llms, Virtual Users, and Bias: Predicting Any Survey Question Without Human Data", "", False),
    ("Automated Survey Collection with LLM-based Conversational Agents", "", False),
    ("Automating Code Review Activities by Large-Scale Pre-training", "", False),
    ("Unicorn: Text-Only Data Synthesis for Vision Language Model Training",
     "we review the data and propose a pipeline", False),
])
def test_a_survey_is_known_by_its_words(title: str, abstract: str, survey: bool) -> None:
    from bot.model import is_survey

    assert is_survey(Paper("2504.00001", title, abstract)) is survey


def test_survey_sections_are_known_by_their_heading() -> None:
    from bot.model import survey_groups

    groups = [("1. Githubs",), ("3. Surveys",), ("6. Application Areas", "6.2 Code Generation"),
              ("📚 Related Survey Papers",), ("Code Review",), ("Overview",)]
    assert survey_groups(groups) == [1, 3]


def test_save_load_round_trip(trained, encoder, candidates) -> None:
    model, _, tmp, _ = trained
    meta = json.loads((tmp / "models" / "meta.json").read_text())
    assert meta["embedding_model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert meta["readme_sha256"] == model.meta["readme_sha256"]
    assert set(meta["versions"]) >= {"scikit-learn", "numpy", "sentence-transformers"}
    assert meta["counts"]["list_papers"] == 80
    assert set(meta["metrics"]) == {"section_loo", "relevance_cv"}
    loaded = ListModel.load(tmp / "models", embedding_model="all-MiniLM-L6-v2", readme_text=README.read_text())
    papers = list(candidates.values())
    before = model.score(papers, encoder)
    after = loaded.score(papers, encoder)
    assert [s.relevance for s in before] == pytest.approx([s.relevance for s in after])
    assert [s.sections[0].path for s in before] == [s.sections[0].path for s in after]
    assert [n.title for n in before[0].nearest] == [n.title for n in after[0].nearest]
    assert loaded.section_layers is not None and loaded.section_layers.digest == model.section_layers.digest
    assert meta["section_encoder"] == model.section_layers.name
    # what the artifact holds of the relevance model: the vocabulary as a list, the folds as their number
    state = model.relevance.__getstate__()
    assert not hasattr(state["tfidf_"], "vocabulary_") and isinstance(state["classifier_"].cv, int)
    assert len(state["tfidf_terms_"]) == len(model.relevance.tfidf_.vocabulary_)
    assert loaded.relevance.tfidf_.vocabulary_ == model.relevance.tfidf_.vocabulary_
    assert isinstance(model.relevance.classifier_.cv, list)  # the fitted model itself is left as it was
    # the leaf time prior's months, one per list paper, from their arXiv ids (none for the others)
    months = loaded.sections.months_
    assert months is not None and len(months) == 80
    assert int(np.isnan(months).sum()) == sum(not e["arxiv_id"] for e in loaded.entries)


def test_only_papers_from_the_floor_are_placed(trained, encoder, candidates) -> None:
    """Placing costs a second (tuned) embedding: scan asks for it only at or above its threshold."""
    model = trained[0]
    papers = list(candidates.values())
    everything = model.score(papers, encoder)
    floor = sorted(s.relevance for s in everything)[-2]  # the two synthetic-data papers
    scored = model.score(papers, encoder, place_from=floor)
    assert [s.relevance for s in scored] == pytest.approx([s.relevance for s in everything])
    placed = [s for s in scored if s.sections]
    assert {s.paper.arxiv_id for s in placed} == {"2212.10560", "2406.08464"}
    assert all(s.relevance >= floor and len(s.nearest) == 3 for s in placed)
    assert all(not s.nearest and not s.unsure for s in scored if not s.sections)
    by_id = {s.paper.arxiv_id: s for s in everything}
    for s in placed:  # the same places; scores equal up to batch padding in the encoder
        alone = by_id[s.paper.arxiv_id].sections
        assert [x.path for x in s.sections[:3]] == [x.path for x in alone[:3]]
        assert [x.score for x in s.sections] == pytest.approx([x.score for x in alone], abs=1e-4)


def test_tuned_vectors_are_cached_per_section_encoder(trained, encoder, candidates, tmp_path, monkeypatch) -> None:
    """Scoring a paper again with the same models loads no tuned encoder; other tuned layers never reuse them."""
    tmp = trained[2]
    calls: list[list[str]] = []
    real = TunedEncoder.encode
    monkeypatch.setattr(TunedEncoder, "encode", lambda self, texts: calls.append(list(texts)) or real(self, texts))

    def fresh() -> ListModel:
        return ListModel.load(tmp / "models", embedding_model="all-MiniLM-L6-v2", readme_text=README.read_text())

    papers = list(candidates.values())
    first = fresh().score(papers, encoder, EmbeddingCache(tmp_path, encoder.name))
    assert [len(c) for c in calls] == [len(papers)]
    again = fresh().score(papers, encoder, EmbeddingCache(tmp_path, encoder.name))
    assert len(calls) == 1  # every tuned vector came from the cache
    assert [[x.path for x in s.sections] for s in again] == [[x.path for x in s.sections] for s in first]
    assert [x.score for s in again for x in s.sections] == pytest.approx([x.score for s in first for x in s.sections])

    other = fresh()
    layers = other.section_layers
    assert layers is not None
    other.section_layers = dataclasses.replace(
        layers, weights={k: v * 2 for k, v in layers.weights.items()}, digest="", _encoder=None
    )
    assert other.section_layers.name != layers.name
    other.score(papers, encoder, EmbeddingCache(tmp_path, encoder.name))
    assert [len(c) for c in calls] == [len(papers), len(papers)]


def test_load_refuses_another_embedding_model(trained) -> None:
    tmp = trained[2]
    with pytest.raises(PaperbotError) as err:
        ListModel.load(tmp / "models", embedding_model="BAAI/bge-small-en-v1.5")
    assert str(err.value) == (
        f"{tmp / 'models'}: the models were trained with embedding model 'sentence-transformers/all-MiniLM-L6-v2', "
        "but embedding.model is 'BAAI/bge-small-en-v1.5'; run `paperbot train` or set embedding.model to "
        "'sentence-transformers/all-MiniLM-L6-v2'"
    )


def test_load_refuses_a_changed_readme(trained) -> None:
    tmp = trained[2]
    changed = README.read_text() + "- [A new paper](https://arxiv.org/abs/2501.00001)\n"
    with pytest.raises(PaperbotError) as err:
        ListModel.load(tmp / "models", embedding_model="all-MiniLM-L6-v2", readme_text=changed)
    assert str(err.value) == "the list changed since the models were trained: run `paperbot train`"
    assert err.value.exit_code == 1


def test_load_says_when_the_models_are_another_list_s(trained) -> None:
    """The shipped models/ under a new list's README: not "the list changed", which that maintainer never did."""
    tmp = trained[2]
    other = (REPO / "tests/fixtures/lists/facebookresearch-RAM-projects-README.md").read_text(encoding="utf-8")
    with pytest.raises(PaperbotError) as err:
        ListModel.load(tmp / "models", embedding_model="all-MiniLM-L6-v2", readme_text=other)
    assert str(err.value).startswith(f"the models in {tmp / 'models'} were trained on another list (only 0 of this "
                                     "list's ")
    assert str(err.value).endswith(" papers were in it): run `paperbot train` on this list")
    assert err.value.exit_code == 1
    from bot.publish import current_model
    from bot.state import State

    model = ListModel.load(tmp / "models", embedding_model="all-MiniLM-L6-v2")
    with pytest.raises(PaperbotError, match=r"^README.md: the models were trained on another list \(only 0 of "
                       r"this list's \d+ papers were in it\), on .*: run `paperbot train` on it, or `paperbot run "
                       r"--retrain`$"):
        current_model(model, other, "README.md", State(tmp / "state.json"), None)


def test_missing_models_dir_says_run_train(tmp_path) -> None:
    with pytest.raises(PaperbotError) as err:
        ListModel.load(tmp_path / "nope", embedding_model="all-MiniLM-L6-v2")
    assert "run `paperbot train`" in str(err.value)


def test_unwritable_models_dir_fails_before_training(trained, encoder, tmp_path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(PaperbotError, match=r"cannot write .*file/models/model\.pkl\.gz"):
        # a README that does not exist: the check has to come before anything is read or trained
        train_models(
            trained[3], readme=tmp_path / "missing.md", metadata=None, background=ML / "background.jsonl",
            models_dir=tmp_path / "file" / "models", offline=True, encoder=encoder,
        )


def test_holdout_drops_entries_at_or_after_prefix(trained, encoder) -> None:
    tmp, config = trained[2], trained[3]
    assert is_held_out("2503.00001", "2503") and is_held_out("2601.1", "2503")
    assert not is_held_out("2502.99999", "2503") and not is_held_out(None, "2503")
    model, report = train_models(
        config, readme=README, metadata=ML / "list-metadata.jsonl", background=ML / "background.jsonl",
        models_dir=None, holdout_from="2503", offline=True, encoder=encoder, evaluate=False,
    )
    plist = read_list(README)
    kept = {e.key for e in plist.entries if not is_held_out(e.arxiv_id, "2503")}
    assert report["entries"]["papers"] == len(kept) < 80
    assert all(not is_held_out(e["arxiv_id"], "2503") for e in model.entries)
    assert "section_loo" not in report and "models_dir" not in report
    assert not (tmp / "unused").exists()


def test_train_command_writes_models_and_prints_report(trained, tmp_path, capsys) -> None:
    from bot.cli import main

    shutil.copytree(trained[2] / "emb", tmp_path / "emb")  # reuse the vectors: no second embedding
    cfg = tmp_path / "config.yaml"
    cfg.write_text(
        f"embedding:\n  cache_dir: {tmp_path / 'emb'}\narxiv_api:\n  cache: {tmp_path / 'api.jsonl'}\n"
        f"training:\n  background: {ML / 'background.jsonl'}\n  tune_layers: 0\n"
    )
    code = main([
        "train", "--config", str(cfg), "--readme", str(README), "--metadata", str(ML / "list-metadata.jsonl"),
        "--models", str(tmp_path / "models"), "--offline", "--json", "--no-estimate",
    ])
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["entries"]["papers"] == 80
    assert "section_loo" not in doc and "relevance_cv" not in doc  # --no-estimate
    assert doc["models_dir"] == str(tmp_path / "models")
    assert (tmp_path / "models" / "model.pkl.gz").is_file()
    assert json.loads((tmp_path / "models" / "meta.json").read_text())["counts"]["background"] == 250


def test_without_the_estimates_the_same_models_are_trained(trained, encoder, candidates) -> None:
    model, _, _, config = trained
    quick, report = train_models(
        config, readme=README, metadata=ML / "list-metadata.jsonl", background=ML / "background.jsonl",
        models_dir=None, offline=True, encoder=encoder, evaluate=False,
    )
    assert "section_loo" not in report and "relevance_cv" not in report and "metrics" not in quick.meta
    assert format_training_report(report)[-1] == (
        "accuracy not estimated: leave-one-out and cross-validation skipped (--no-estimate)"
    )
    papers = list(candidates.values())
    full, fast = model.score(papers, encoder), quick.score(papers, encoder)
    assert [s.relevance for s in fast] == pytest.approx([s.relevance for s in full], abs=1e-6)
    assert [[x.path for x in s.sections[:3]] for s in fast] == [[x.path for x in s.sections[:3]] for s in full]


def test_a_list_learnt_from_titles_alone_says_how_to_give_it_abstracts() -> None:
    """A new list's first `train --offline` has no metadata file: every entry is title only, as no feed paper is."""
    report = {"readme": "README.md", "embedding_model": "m", "background": 10, "models_dir": None,
              "entries": {"papers": 26, "with_abstract": 0, "title_only": 26, "arxiv_ids": 16, "metadata_missing": 16},
              "sections": {"candidates": 4, "groups": 4},
              "section_loo": {"papers": 26, "top1": 0.5, "top3": 0.9, "by_section_size": [
                  {"entries": "10+", "sections": 1, "papers": 11, "top1": 1, "top3": 1}]}}
    lines = format_training_report(report)
    assert lines[2] == (
        "  most entries are title only (16 arXiv ids without an abstract): set list.metadata to a JSONL of theirs "
        "(id, title, abstract) or train without --offline, which asks the arXiv API and keeps the answers in "
        "arxiv_api.cache")
    assert "  by section size: 10+ entries (1 section, 11 papers): top-1 100.0%, top-3 100.0%" in lines
    with_abstracts = {**report, "entries": {**report["entries"], "with_abstract": 20, "title_only": 6}}
    assert not any("title only (" in line for line in format_training_report(with_abstracts))


def test_loo_by_section_size_buckets_papers_by_their_largest_section() -> None:
    from bot.model import loo_by_section_size

    # groups of 1, 2 and 11 papers; paper 1 is in the 2-group and the 11-group, so it counts as 11
    labels = np.zeros((13, 3), dtype=np.float32)
    labels[0, 0] = 1
    labels[1, [1, 2]] = 1
    labels[2, 1] = 1
    labels[3:, 2] = 1
    top1 = np.array([False, True, True] + [True] * 5 + [False] * 5)
    top3 = np.array([False, True, True] + [True] * 10)
    got = loo_by_section_size(labels, top1, top3)
    assert got == [
        {"entries": "1-3", "sections": 2, "papers": 2, "top1": 0.5, "top3": 0.5},
        {"entries": "10+", "sections": 1, "papers": 11, "top1": 6 / 11, "top3": 1.0},
    ]


def test_a_section_with_one_entry_is_found_by_its_heading() -> None:
    """A section's heading is a prototype of its own: what a section with a single entry has to go on."""
    from bot.model import Hyper, SectionModel
    from tests.replay_support import HashingEncoder

    class _S:
        def __init__(self, sid: str, heading: str) -> None:
            self.id, self.path, self.entries = sid, ("6. Application Areas", heading), [1]

    sections = [_S("math", "6.1 Mathematical Reasoning"), _S("code", "6.2 Code Generation"),
                _S("multi", "6.13 Multilingual Data")]
    texts = [
        "arithmetic word problems solved step by step", "geometry proofs generated at scale",
        "olympiad algebra questions with verified answers", "math reasoning chains distilled from a teacher",
        "python functions paired with unit tests", "competitive programming solutions generated and executed",
        "code review comments for pull requests", "program repair pairs mined from commits",
        "an open instruction collection written by volunteers in many countries",
    ]
    ids = [["math"]] * 4 + [["code"]] * 4 + [["multi"]]
    enc = HashingEncoder()
    vectors = enc.encode(texts)
    model = SectionModel(Hyper()).fit(sections, vectors, ids).set_headings(enc)
    # nothing in the entries speaks to this paper: without the headings the scores are nearly even; with
    # them, the single-entry section named after its topic wins clearly
    query = enc.encode(["multilingual data translated into low-resource languages"])
    without, with_ = model.group_scores(query)[0], model.group_scores(query, plain=query)[0]
    multi = model.groups_.index(("6. Application Areas", "6.13 Multilingual Data"))
    assert np.ptp(without) < 0.1
    assert with_.argmax() == multi and with_[multi] - np.delete(with_, multi).max() > 0.3
    assert model.sections_[model.rank(query, query)[0][0][0]]["id"] == "multi"
    # a paper the entries do speak to keeps its section: a heading is one prototype among the entries
    code = enc.encode(["unit tests for python functions generated and executed"])
    assert model.sections_[model.rank(code, code)[0][0][0]]["id"] == "code"
    no_headings = SectionModel(dataclasses.replace(Hyper(), section_heading_weight=0.0)).fit(sections, vectors, ids)
    assert np.allclose(no_headings.set_headings(enc).group_scores(query, plain=query), model.group_scores(query))


def test_a_heading_near_every_paper_does_not_take_the_runner_up() -> None:
    """A heading with broad words ("Knowledge-Intensive Data") is as near a code paper as to any other: it
    took the 2nd or 3rd slot for a quarter of the list's papers. Centred on its mean cosine to the list's
    papers, it is runner-up only where a paper is nearer to it than the list's papers are."""
    from bot.model import Hyper, SectionModel, _means_without

    class _S:
        def __init__(self, sid: str, heading: str) -> None:
            self.id, self.path, self.entries = sid, ("6. Application Areas", heading), [1]

    e = np.eye(4, dtype=np.float32)
    headings = {"Code Generation": e[0], "Mathematical Reasoning": e[1], "AI For Science": e[3],
                "Knowledge-Intensive Data": e.sum(0) / 2}  # cosine 0.5 to every entry below

    class _Headings:
        name = "fixed"

        def encode(self, texts: list[str]) -> np.ndarray:  # places too, as "parent > leaf"
            return np.array([headings[t.split(" > ")[-1]] for t in texts])

    sections = [_S("code", "6.2 Code Generation"), _S("math", "6.1 Mathematical Reasoning"),
                _S("sci", "6.8 AI For Science"), _S("broad", "5.15. Knowledge-Intensive Data")]
    vectors = np.vstack([e[0]] * 4 + [e[1]] * 4 + [e[3]] * 4 + [e[2]])
    ids = [["code"]] * 4 + [["math"]] * 4 + [["sci"]] * 4 + [["broad"]]
    query = (e[0] + 0.6 * e[1])[None, :]
    query /= np.linalg.norm(query)  # code, with some mathematics in it

    def order(centering: float) -> list[str]:
        hyper = dataclasses.replace(Hyper(), section_heading_centering=centering, section_heading_weight=1.0)
        model = SectionModel(hyper).fit(sections, vectors, ids).set_headings(_Headings(), vectors)
        scores = model.group_scores(query, plain=query)[0]
        return [model.groups_[j][-1] for j in np.argsort(-scores, kind="stable")]

    assert order(0.0)[:2] == ["6.2 Code Generation", "5.15. Knowledge-Intensive Data"]
    assert order(Hyper().section_heading_centering)[:3] == [
        "6.2 Code Generation", "6.1 Mathematical Reasoning", "5.15. Knowledge-Intensive Data"
    ]
    # leave-one-out centres each paper's headings on the other papers only
    model = SectionModel(Hyper()).fit(sections, vectors, ids).set_headings(_Headings(), vectors)
    others = SectionModel(Hyper()).fit(sections, vectors[1:], ids[1:]).set_headings(_Headings(), vectors[1:])
    assert others.groups_ == model.groups_
    assert np.allclose(_means_without(model, vectors, 0), others.heading_means_)
    assert not np.allclose(model.heading_means_, others.heading_means_)


def test_a_new_paper_goes_to_the_place_the_list_fills_now() -> None:
    """Inside a 2nd-level section, a leaf the list stopped filling ("Before ChatGPT came out") is not
    where a paper from this year goes, however close it is to one old entry there."""
    from bot.model import Hyper, SectionModel

    class _S:
        def __init__(self, sid: str, leaf: str) -> None:
            self.id, self.path, self.entries = sid, ("4. Methods", "4.3. Instruction Tuning", leaf), [1]

    sections = [_S("old", "4.3.1 Before ChatGPT came out"), _S("new", "4.3.4 Synthesis instructions and outputs")]
    e = np.eye(4, dtype=np.float32)
    vectors = np.vstack([e[0], e[0], e[1], e[1]])
    ids = [["old"], ["old"], ["new"], ["new"]]
    months = [2021 * 12 + 9, 2022 * 12 + 11, 2024 * 12 + 8, 2025 * 12 + 1]  # 2110, 2212 | 2409, 2502
    model = SectionModel(Hyper()).fit(sections, vectors, ids, months)
    query = (e[0] * 1.02 + e[1])[None, :]  # a little nearer the old leaf's entries
    query /= np.linalg.norm(query)

    def leaf(month: int | None) -> str:
        return model.sections_[model.rank(query, months=[month])[0][0][0]]["id"]

    assert leaf(None) == "old"  # no date: similarity alone
    assert leaf(2025 * 12 + 3) == "new"  # 2504: where the list adds now
    assert leaf(2027 * 12) == "new"  # long after the newest entry: still placed like the latest additions
    assert leaf(2022 * 12 + 10) == "old"  # a paper from the old leaf's time
    # the prior reorders the places, it does not make the section surer: the same scores, other places
    undated, dated = model.rank(query)[0], model.rank(query, months=[2025 * 12 + 3])[0]
    assert [s for _, s in dated] == pytest.approx([s for _, s in undated])
    assert [j for j, _ in dated] == [j for j, _ in undated][::-1]
    off = SectionModel(dataclasses.replace(Hyper(), leaf_time_weight=0.0)).fit(sections, vectors, ids, months)
    assert off.sections_[off.rank(query, months=[2025 * 12 + 3])[0][0][0]]["id"] == "old"
    model.months_ = None  # a model pickled before the time prior ranks as before
    assert leaf(2025 * 12 + 3) == "old"


def test_a_list_kept_by_year_gets_a_paper_in_its_years_section() -> None:
    """opendilab/awesome-RLHF keeps `## Papers` under `### 2024` and `### 2023`: the topic model sent a 2025 paper
    on video preferences to 2023, nearest its vision entries. A section named by a year alone says when, so a
    paper goes to its year's, or the newest where it is newer than all; a topic section keeps its own score."""
    from bot.model import Hyper, SectionModel

    class _S:
        def __init__(self, sid: str, path: tuple[str, ...]) -> None:
            self.id, self.path, self.entries = sid, path, [1]

    sections = [_S("y24", ("Papers", "2024")), _S("y23", ("Papers", "2023")), _S("tools", ("Tools",))]
    e = np.eye(4, dtype=np.float32)
    vectors = np.vstack([e[0], e[0], e[1], e[1], e[2], e[2]])
    ids = [["y24"], ["y24"], ["y23"], ["y23"], ["tools"], ["tools"]]
    model = SectionModel(Hyper()).fit(sections, vectors, ids)
    query = (e[1] * 1.1 + e[0] + e[2] * 0.5)[None, :]  # nearest the 2023 entries
    query /= np.linalg.norm(query)

    def ranked(month: int | None) -> list[tuple[str, float]]:
        return [(model.sections_[j]["id"], s) for j, s in model.rank(query, months=[month])[0]]

    assert ranked(None)[0][0] == "y23"  # no date: the topic alone
    tools = dict(ranked(None))["tools"]
    assert ranked(2025 * 12 + 3)[0][0] == "y24"  # 2504: newer than every year section
    assert ranked(2024 * 12)[0][0] == "y24"
    assert ranked(2021 * 12)[0][0] == "y23"  # older than all: the oldest
    assert dict(ranked(2025 * 12 + 3))["tools"] == pytest.approx(tools)
    assert dict(ranked(2025 * 12 + 3))["y23"] == 0.0


def test_a_paper_of_a_year_between_the_lists_years_goes_to_a_year_beside_it() -> None:
    """A list with `### 2024` and `### 2022` but no `### 2023`: the topic model sent a 2023 paper anywhere among
    them (here 2022, nearest its entries), by topic only. Now the years' share goes to a year beside it, the newer of
    two as near, where scan moves it under the `### 2023` the pull request adds; a topic section keeps its score."""
    from bot.model import Hyper, SectionModel

    class _S:
        def __init__(self, sid: str, path: tuple[str, ...]) -> None:
            self.id, self.path, self.entries = sid, path, [1]

    sections = [_S("y24", ("Papers", "2024")), _S("y22", ("Papers", "2022")), _S("y21", ("Papers", "2021")),
                _S("tools", ("Tools",))]
    e = np.eye(5, dtype=np.float32)
    vectors = np.vstack([e[0], e[0], e[1], e[1], e[3], e[3], e[2], e[2]])
    ids = [["y24"], ["y24"], ["y22"], ["y22"], ["y21"], ["y21"], ["tools"], ["tools"]]
    model = SectionModel(Hyper()).fit(sections, vectors, ids)
    query = (e[3] * 1.1 + e[0] + e[2] * 0.5)[None, :]  # nearest the 2021 entries
    query /= np.linalg.norm(query)

    def ranked(month: int | None) -> dict[str, float]:
        return {model.sections_[j]["id"]: s for j, s in model.rank(query, months=[month])[0]}

    undated = ranked(None)
    assert max(undated, key=undated.__getitem__) == "y21"
    of_2023 = ranked(2023 * 12 + 9)  # 2310: between 2024 and 2022, as near to each
    assert max(of_2023, key=of_2023.__getitem__) == "y24"
    assert of_2023["y24"] == pytest.approx(undated["y24"] + undated["y22"] + undated["y21"])
    assert of_2023["y22"] == of_2023["y21"] == 0.0 and of_2023["tools"] == pytest.approx(undated["tools"])
    of_2020 = ranked(2020 * 12)  # older than all: the oldest
    assert max(of_2020, key=of_2020.__getitem__) == "y21"
    assert max(ranked(2023 * 12 - 1), key=ranked(2023 * 12 - 1).__getitem__) == "y22"  # 2212: its own year


def test_the_heading_of_older_papers_beside_a_lists_years_takes_them() -> None:
    """opendilab/awesome-RLHF ends its years with `### 2021` then `### 2020 and before`: a 2019 paper went to 2021,
    the oldest year, whatever its topic said of the older papers' heading. That heading holds the years before 2021
    with theirs, so papers of 2020 and older go there, and a recent paper the topic put there goes to its year."""
    from bot.model import Hyper, SectionModel

    class _S:
        def __init__(self, sid: str, path: tuple[str, ...]) -> None:
            self.id, self.path, self.entries = sid, path, [1]

    sections = [_S("y22", ("Papers", "2022")), _S("y21", ("Papers", "2021")),
                _S("older", ("Papers", "2020 and before")), _S("tools", ("Codebases",))]
    e = np.eye(5, dtype=np.float32)
    vectors = np.vstack([e[0], e[0], e[1], e[1], e[3], e[3], e[2], e[2]])
    ids = [["y22"], ["y22"], ["y21"], ["y21"], ["older"], ["older"], ["tools"], ["tools"]]
    model = SectionModel(Hyper()).fit(sections, vectors, ids)
    query = (e[0] * 1.1 + e[1] + e[2] * 0.5)[None, :]  # nearest the 2022 entries
    query /= np.linalg.norm(query)

    def best(month: int | None) -> str:
        ranked = model.rank(query, months=[month])[0]
        return str(model.sections_[ranked[0][0]]["id"])

    assert best(None) == "y22"
    assert best(2019 * 12 + 8) == best(2020 * 12) == "older"  # 1909, 2001
    assert best(2021 * 12 + 5) == "y21"
    scores = {model.sections_[j]["id"]: s for j, s in model.rank(query, months=[2019 * 12 + 8])[0]}
    assert scores["y22"] == scores["y21"] == 0.0
    recent = (e[3] * 1.1 + e[0])[None, :] / np.linalg.norm(e[3] * 1.1 + e[0])  # nearest the older papers
    assert model.sections_[model.rank(recent, months=[None])[0][0][0]]["id"] == "older"
    assert model.sections_[model.rank(recent, months=[2022 * 12 + 3])[0][0][0]]["id"] == "y22"


def test_a_heading_with_a_sign_before_its_year_holds_the_older_papers() -> None:
    """`Papers > ≤2020` beside `2022` and `2021` was read as the year 2020's heading; it holds 2020 and before, so a
    2019 paper's year share goes there (it went there as the nearest year, and a 2020 paper as its own), and `< 2021`
    takes 2020's too, where it was read as 2021's beside a `2021`."""
    from bot.model import with_years

    scores = np.array([[0.5, 0.2, 0.1, 0.2]])
    for last, year in (("≤2020", 2019), ("≤2020", 2020), ("< 2021", 2020)):
        groups = [("Papers", "2022"), ("Papers", "2021"), ("Papers", last), ("Codebases",)]
        out = with_years(scores, [year * 12 + 3], groups)
        assert out[0].tolist() == pytest.approx([0.0, 0.0, 0.8, 0.2]), last
    assert with_years(scores, [2021 * 12], groups)[0].tolist() == pytest.approx([0.0, 0.8, 0.0, 0.2])


def test_the_heading_of_older_papers_is_the_one_the_list_names_in_the_section_model_too() -> None:
    """The section model took any heading of older papers beside the years for theirs, wherever it sat: a 2019
    paper's year share went to an `Older` after a `Surveys`, which the list does not read as the older papers' (it
    adds a `### 2019`). It now asks the list's rule (`year_run`) of its groups in the list's order, not the sorted
    order it keeps them in: `2020 and before` after `Surveys` takes the paper, `Older` there does not, and `Older`
    right after the oldest year does."""
    from bot.model import Hyper, SectionModel, with_years

    def shares(names: list[str], year: int) -> dict[str, float]:
        order = [("Papers", name) for name in names]
        groups = sorted(order)  # as the model keeps them
        scores = np.array([[0.1 * (j + 1) for j in range(len(groups))]])
        scores /= scores.sum()
        out = with_years(scores, [year * 12 + 3], groups, order)[0]
        return {g[-1]: round(float(s), 6) for g, s in zip(groups, out, strict=True) if s > 0}

    assert list(shares(["2022", "2021", "Surveys", "2020 and before"], 2019)) == ["2020 and before", "Surveys"]
    # `Older` after `Surveys` is a heading like any other, keeping its own share; the years' goes to the oldest
    assert list(shares(["2022", "2021", "Surveys", "Older"], 2019)) == ["2021", "Older", "Surveys"]
    assert list(shares(["2022", "2021", "Older", "Surveys"], 2019)) == ["Older", "Surveys"]
    assert list(shares(["2020 and before", "2022", "2021"], 2019)) == ["2020 and before", "2021"]  # above the newest

    class _S:
        def __init__(self, sid: str, path: tuple[str, ...]) -> None:
            self.id, self.path, self.entries = sid, path, [1]

    for last, best in (("Older", "y21"), ("2020 and before", "older")):
        sections = [_S("y22", ("Papers", "2022")), _S("y21", ("Papers", "2021")),
                    _S("surveys", ("Papers", "Surveys")), _S("older", ("Papers", last))]
        e = np.eye(5, dtype=np.float32)
        vectors = np.vstack([e[0], e[0], e[1], e[1], e[2], e[2], e[3], e[3]])
        ids = [["y22"], ["y22"], ["y21"], ["y21"], ["surveys"], ["surveys"], ["older"], ["older"]]
        model = SectionModel(Hyper()).fit(sections, vectors, ids)
        query = (e[0] * 1.1 + e[3] * 0.5)[None, :] / np.linalg.norm(e[0] * 1.1 + e[3] * 0.5)  # nearest 2022
        assert model.sections_[model.rank(query, months=[2019 * 12 + 8])[0][0][0]]["id"] == best, last

def test_one_year_and_the_heading_of_the_years_before_it_hold_a_papers_year_share() -> None:
    """`Papers > 2025` and `Papers > 2024 and before`: with one year the model left the topic scores alone, so a
    2023 paper could go under 2025; now its year share goes to `2024 and before`, a 2026 paper's to 2025 (which the
    list writes under a new `### 2026`); a year heading alone, or beside a topic, keeps the scores as they were."""
    from bot.model import with_years

    scores = np.array([[0.5, 0.3, 0.2]])
    groups = [("Papers", "2025"), ("Papers", "2024 and before"), ("Codebases",)]
    assert with_years(scores, [2023 * 12 + 9], groups)[0].tolist() == pytest.approx([0.0, 0.8, 0.2])
    assert with_years(scores, [2026 * 12], groups)[0].tolist() == pytest.approx([0.8, 0.0, 0.2])
    for second in ("Older Models", "Surveys"):
        alone = [("Papers", "2025"), ("Papers", second), ("Codebases",)]
        assert with_years(scores, [2023 * 12 + 9], alone)[0].tolist() == pytest.approx([0.5, 0.3, 0.2])

def test_years_named_with_the_same_words_hold_a_papers_year_share() -> None:
    """minar09/awesome-autoregressive-video-diffusion-transformers's `2025 Papers`, `2024 Papers` and
    SarahRastegar/Open-World-Papers's `Zero-Shot Learning > 2023 Papers`, `2022 Papers`, `Older Papers`: the model
    left such years to the topic scores, so a 2026 paper could go under 2024; its year share now goes to the newest
    (where the list adds `2026 Papers`), a 2019 paper's to `Older Papers`, and a venue's editions (`ICML 2025`,
    `ICML 2024`) stay topics."""
    from bot.model import with_years

    scores = np.array([[0.2, 0.6, 0.2]])
    groups = [("2025 Papers",), ("2024 Papers",), ("Related Resources", "Surveys & Position Papers")]
    assert with_years(scores, [2026 * 12 + 1], groups)[0].tolist() == pytest.approx([0.8, 0.0, 0.2])
    assert with_years(scores, [2025 * 12 + 5], groups)[0].tolist() == pytest.approx([0.8, 0.0, 0.2])
    zero_shot = [("Zero-Shot Learning", "2023 Papers"), ("Zero-Shot Learning", "2022 Papers"),
                 ("Zero-Shot Learning", "Older Papers")]
    assert with_years(scores, [2019 * 12 + 5], zero_shot)[0].tolist() == pytest.approx([0.0, 0.0, 1.0])
    assert with_years(scores, [2022 * 12 + 5], zero_shot)[0].tolist() == pytest.approx([0.0, 1.0, 0.0])
    venues = [("ICML 2025",), ("ICML 2024",), ("Surveys",)]
    assert with_years(scores, [2026 * 12 + 1], venues)[0].tolist() == pytest.approx([0.2, 0.6, 0.2])


def test_a_place_named_after_the_paper_wins_a_close_call_inside_its_section() -> None:
    """Inside 4.3 Instruction Tuning the nearest entry alone picked the leaf; a leaf's heading ("Instruction
    Tuning > Agent") now weighs in, centred like the sections' headings, and reorders the places only."""
    from bot.model import Hyper, SectionModel, place_loo

    class _S:
        def __init__(self, sid: str, leaf: str) -> None:
            self.id, self.path, self.entries = sid, ("4. Methods", "4.3. Instruction Tuning", leaf), [1]

    e = np.eye(4, dtype=np.float32)
    headings = {"Methods > Instruction Tuning": e[3], "Instruction Tuning > Agent": e[2],
                "Instruction Tuning > Self-Instruct": e[3], "Instruction Tuning": e[3]}

    class _Headings:
        name = "fixed"

        def encode(self, texts: list[str]) -> np.ndarray:
            return np.array([headings[t] for t in texts])

    sections = [_S("self", "A. Self-Instruct"), _S("agent", "H. Agent")]
    vectors = np.vstack([e[0], e[0], e[1], e[1]])
    ids = [["self"], ["self"], ["agent"], ["agent"]]
    model = SectionModel(Hyper()).fit(sections, vectors, ids).set_headings(_Headings(), vectors)
    assert model.place_heading_vectors_ is not None and model.place_heading_vectors_.shape == (2, 4)
    query = (e[0] * 1.05 + e[1] + 0.3 * e[2])[None, :]  # a little nearer the Self-Instruct entries, speaks of agents
    query /= np.linalg.norm(query)

    def first(m: SectionModel, plain: np.ndarray | None) -> str:
        return m.sections_[m.rank(query, plain)[0][0][0]]["id"]

    assert first(model, query) == "agent"
    assert first(model, None) == "self"  # without the plain vectors: the nearest entry alone
    off = SectionModel(dataclasses.replace(Hyper(), leaf_heading_weight=0.0)).fit(sections, vectors, ids)
    assert first(off.set_headings(_Headings(), vectors), query) == "self"
    # the same scores, other places: the section is not surer for it
    assert [s for _, s in model.rank(query, query)[0]] == pytest.approx([s for _, s in model.rank(query)[0]])
    model.place_heading_vectors_ = None  # a model pickled before the place headings ranks as before
    assert first(model, query) == "self"
    # leave-one-out, as `paperbot train` reports it: each agent paper's nearest other entry is in the other
    # place; the Agent heading (centred without the paper) brings both home
    papers = np.vstack([e[0], e[1], e[0] + e[2], e[1] + e[2]])
    papers /= np.linalg.norm(papers, axis=1, keepdims=True)
    loo = SectionModel(Hyper()).fit(sections, papers, ids).set_headings(_Headings(), papers)
    assert place_loo(loo) == {"cases": 4, "right": 0}
    assert place_loo(loo, plain=papers) == {"cases": 4, "right": 2}


def test_arxiv_month() -> None:
    from bot.papers import arxiv_month

    assert arxiv_month("2504.12687") == 2025 * 12 + 3
    assert arxiv_month("0704.0001") == 2007 * 12 + 3
    assert arxiv_month("hep-th/9901001") == 1999 * 12
    assert arxiv_month(None) is None and arxiv_month("") is None and arxiv_month("2513.00001") is None


def test_calibration_folds_are_shuffled_and_keep_a_title_view_with_its_paper() -> None:
    """The folds must not follow the README's section order (whole sections in one fold, folds without a
    full-text negative), or what a threshold means changes when a maintainer reorders the list."""
    from bot.model import TitleViews, calibration_splits

    y = np.r_[np.ones(30), np.zeros(300)]  # list papers first, in README order, as train_models stacks them
    views = TitleViews(np.arange(30, 330), ["t"] * 300, np.zeros((300, 4), dtype=np.float32))
    splits = calibration_splits(y, views, seed=0)
    fold_of = np.full(len(y) + len(views), -1)
    for k, (train, test) in enumerate(splits):
        assert not set(train) & set(test)
        fold_of[test] = k
    assert (fold_of >= 0).all()  # every row, real or view, is scored once
    np.testing.assert_array_equal(fold_of[330:], fold_of[views.rows])  # a view sits in its paper's fold
    for k in range(len(splits)):
        in_fold = fold_of[:330] == k
        assert y[in_fold].sum() == 6 and (y[in_fold] == 0).sum() == 60  # stratified, full-text negatives in each
    firsts = [fold_of[i] for i in range(10)]
    assert len(set(firsts)) > 1  # the first list papers (one section of the README) are spread over folds


def test_one_work_under_two_links_is_one_paper_with_both_sections() -> None:
    from bot.model import trained_sections

    plist = parse_list(
        "## A\n\n- [How Bad is Training on Synthetic Data?](https://openreview.net/forum?id=t3z6UlV09o) ICLR 2024.\n"
        "- [Principle-Driven Self-Alignment](https://arxiv.org/abs/2308.06259) NeurIPS 2023.\n"
        "\n## B\n\n- [How bad is training on synthetic data](https://arxiv.org/abs/2404.05090) Arxiv 2024.\n"
        "- [Self-Alignment with Instruction Backtranslation](https://arxiv.org/abs/2308.06259) ICLR 2024.\n"
        "- [Principle-Driven Self-Alignment](https://arxiv.org/abs/2305.03047) NeurIPS 2023.\n"
        "\n## C\n\n- [Later paper](https://arxiv.org/abs/2504.00001) Arxiv 2025.\n"
    )
    bad_paper = Paper("2404.05090", "How Bad is Training on Synthetic Data?", abstract="A statistical analysis.")
    meta = {"2404.05090": bad_paper}
    papers = {lp.key: lp for lp in list_papers(plist, meta)}
    [bad] = [lp for lp in papers.values() if "bad" in lp.paper.title.lower()]
    assert len(bad.section_ids) == 2 and bad.paper.abstract == "A statistical analysis."  # the arXiv twin's
    # Two arXiv ids stay two works, even where the list links a title to the wrong one.
    assert {"arxiv:2308.06259", "arxiv:2305.03047"} <= set(papers)
    # A section only held-out entries fill is no place to predict in the replay.
    kept = list_papers(plist, meta, holdout_from="2503")
    assert [s.path[-1] for s in trained_sections(plist, kept)] == ["A", "B"]


def test_a_background_paper_on_the_list_under_another_link_is_not_a_negative(tmp_path) -> None:
    from bot.model import _without_list_twins

    plist = parse_list("## Data\n\n- [Open Artificial Knowledge](https://huggingface.co/papers/2407.14371) 2024.\n")
    twin = Paper("2407.14371", "Open Artificial Knowledge", abstract="A dataset.")
    other = Paper("2407.00001", "Something else", abstract="Unrelated.")
    assert _without_list_twins([twin, other], plist) == [other]


def test_a_held_out_work_is_held_out_under_every_link() -> None:
    """2404.05090 is on the list twice: by arXiv id, and by OpenReview link under the same title. Holding out
    2404 must drop both, or the replay trains on the paper it then counts as found."""
    from bot.listfile import read_list as read
    from bot.papers import normalize_title

    plist = read(REPO / "data" / "lists" / "llm-synthetic-data.md")
    meta = load_metadata_jsonl(REPO / "data" / "arxiv" / "list-metadata.jsonl")
    twin = next(e for e in plist.entries if e.arxiv_id is None and "t3z6UlV09o" in e.url)
    held = {normalize_title(e.title) for e in plist.entries if is_held_out(e.arxiv_id, "2404")}
    assert normalize_title(twin.title) in held
    kept = list_papers(plist, meta, holdout_from="2404")
    assert not {normalize_title(p.paper.title) for p in kept} & held
    assert any(p.key == twin.key for p in list_papers(plist, meta, holdout_from="2405"))  # not held out: kept
    assert is_held_out("2504.00001", " 2504 ") and not is_held_out("2503.99999", " 2504")


def test_a_background_paper_given_twice_is_read_once(tmp_path, caplog) -> None:
    lines = (ML / "background.jsonl").read_text(encoding="utf-8").splitlines()[:20]
    path = tmp_path / "bg.jsonl"
    path.write_text("\n".join(lines + lines[:5]) + "\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="paperbot.model"):
        papers = read_background(path)
    assert [p.arxiv_id for p in papers] == [p.arxiv_id for p in read_background(ML / "background.jsonl", limit=20)]
    assert "5 background line(s) repeat a paper already read" in caplog.text


def test_a_hand_picked_short_list_is_no_section_to_learn_or_predict() -> None:
    """js-lee-AI/awesome-llm-agent-papers's `⭐ Starter Kit` and `🔥 10 to Watch (2026)` list papers the topic
    sections hold too: as places they taught the section model that ReAct belongs in the Starter Kit, and a new
    paper could be placed there. Now they are no candidate section, and their papers are learnt in their topics."""
    from bot.model import candidate_sections

    lists = Path(__file__).parent / "fixtures" / "lists"
    plist = read_list(lists / "js-lee-AI-awesome-llm-agent-papers-README-excerpt.md")
    assert [s.path[-1] for s in candidate_sections(plist)] == [
        "📚 Surveys & Position Papers (39)", "🧠 Planning & Reasoning (30)",
    ]
    by_id = {lp.paper.arxiv_id: lp.section_ids for lp in list_papers(plist, {})}
    assert by_id["2210.03629"] == ["background/surveys-position-papers-39"]  # ReAct, also the Starter Kit's first
    assert by_id["2605.30621"] == ["part-i-core-components/planning-reasoning-30"]  # one of the 10 to Watch
    assert by_id["2308.03688"] == []  # AgentBench: in this excerpt only in the Starter Kit: on the list, no place


def _with_a_short_list(tmp: Path, heading: str) -> Path:
    """The model slice with a short list of 4 of its papers after the title, under `heading`, every line verbatim:
    Phi-4, Phi-1 and MathGenie stay in their topics too, Dart-math (2407.13690) is moved out of 6.1 into it."""
    lines = README.read_text(encoding="utf-8").splitlines(keepends=True)
    ids = ("pdf/2412.08905", "abs/2306.11644", "abs/2402.16352", "abs/2407.13690")
    picks = [next(line for line in lines if f"(https://arxiv.org/{i})" in line) for i in ids]
    rest = [line for line in lines[1:] if "(https://arxiv.org/abs/2407.13690)" not in line]
    path = tmp / "README.md"
    path.write_text("".join([lines[0], "\n", f"## {heading}\n", "\n", *picks, "\n", *rest]), encoding="utf-8")
    return path


def test_a_paper_only_in_a_hand_picked_short_list_is_learnt_as_on_the_list_in_no_section(tmp_path, encoder) -> None:
    """A work a list names only in its `🔥 Must-read` was left out of training altogether: not a relevance positive
    (79 of the 80 works learnt, the training rate 79/329), so a paper like it scored as if the list had never
    chosen it. It is the list's: a positive, in no section, and `train` says so; the section model, its
    leave-one-out and the nearest entries keep the 79 works that are in a section."""
    readme = _with_a_short_list(tmp_path, "🔥 Must-read")
    plist = read_list(readme)
    assert [s.path[-1] for s in plist.sections if plist.is_curated(s)] == ["🔥 Must-read"]
    meta = load_metadata_jsonl(ML / "list-metadata.jsonl")
    by_id = {lp.paper.arxiv_id: lp for lp in list_papers(plist, meta)}
    assert by_id["2407.13690"].section_ids == [] and by_id["2407.13690"].has_abstract  # Dart-math
    assert [s.split("/")[-1] for s in by_id["2412.08905"].section_ids] == ["4-1-pre-training"]  # Phi-4, not Must-read
    model, report = train_models(
        _config(tmp_path), readme=readme, metadata=ML / "list-metadata.jsonl", background=ML / "background.jsonl",
        models_dir=None, offline=True, encoder=encoder, evaluate=True,
    )
    assert report["entries"]["papers"] == 80 and report["entries"]["in_no_section"] == 1
    assert report["entries"]["with_abstract"] == 59
    assert model.relevance.train_rate_ == pytest.approx(80 / 330)
    assert model.meta["counts"]["in_no_section"] == 1
    assert len(model.entries) == len(model.sections.vectors_) == 79  # tuned, one row per work in a section
    assert "2407.13690" not in {e["arxiv_id"] for e in model.entries}
    assert report["section_loo"]["papers"] == 79 and report["section_loo"]["with_abstract"]["papers"] == 58
    assert "🔥 Must-read" not in {s["path"][-1] for s in model.sections.sections_}
    lines = format_training_report(report)
    assert lines[1] == ("entries used: 80 papers (59 with abstract, 21 title only; 16 of 75 arXiv ids without "
                        "metadata); 1 of them only in a hand-picked short list, learnt as on the list but in no "
                        "section")
    assert any(line.startswith("section leave-one-out (2nd level, 79 papers;") for line in lines)


# sunyinggang/LLM-Agent-Security-Survey's README (lines verbatim): 'Internal Cognitive Attacks' links its papers to
# ICML's proceedings, a Google Scholar search and OpenReview, none to arXiv.
AGENT_SECURITY = (
    "## Paper List\n"
    "\n"
    "### External Interaction Attacks\n"
    "\n"
    "- AdvAgent: Controllable Blackbox Red-teaming on Web Agents **[ICML 2025]** "
    "[[Paper](https://proceedings.mlr.press/v267/xu25m.html)]\n"
    "- Wipi: A new web threat for llm-driven web agents **[arXiv 2024]** "
    "[[Paper](https://arxiv.org/abs/2402.16965)]\n"
    "- VPI-Bench: Visual Prompt Injection Attacks for Computer-Use Agents **[ICLR 2026]** "
    "[[Paper](https://arxiv.org/abs/2506.02456)]\n"
    "\n"
    "\n"
    "### Internal Cognitive Attacks\n"
    "\n"
    "- UDora: A Unified Red Teaming Framework against LLM Agents by Dynamically Hijacking Their Own "
    "Reasoning **[ICML 2025]** [[Paper](https://proceedings.mlr.press/v267/zhang25cl.html)]\n"
    "- Breaking agents: Compromising autonomous llm agents through malfunction amplification **[EMNLP "
    "2025]** "
    "[[Paper](https://scholar.google.com/scholar?q=Breaking%20agents%3A%20Compromising%20autonomous%20llm"
    "%20agents%20through%20malfunction%20amplification)]\n"
    "- Memory poisoning attacks on retrieval-augmented Large Language Model agents via deceptive "
    "semantic reasoning **[Engineering Applications of AI 2026]** "
    "[[Paper](https://scholar.google.com/scholar?q=Memory%20poisoning%20attacks%20on%20retrieval-augmente"
    "d%20Large%20Language%20Model%20agents%20via%20deceptive%20semantic%20reasoning)]\n"
    "- MemIncept: Steering LLM Agents via Cooperative Stealthy Memory Injections **[ICML 2026]** "
    "[[Paper](https://openreview.net/forum?id=1YNrlSSRsk)]\n"
)


def test_a_section_of_papers_without_arxiv_ids_is_learnt_and_a_blog_section_is_not() -> None:
    """A section whose papers link no arXiv page was no place, and its papers no positives: a branch counted only
    where an entry had an arXiv id, so 'Internal Cognitive Attacks' could not be learnt at all. Its papers are learnt
    by their titles now, as title-only arXiv entries are; the seed list's Githubs and Blogs (a post's date is no
    venue) stay out."""
    from bot.model import candidate_sections

    seed = (REPO / "data" / "lists" / "llm-synthetic-data.md").read_text(encoding="utf-8").splitlines(keepends=True)
    text = AGENT_SECURITY + "\n" + "".join(seed[70:84])  # '## **1. Githubs**' and '## **2. Blogs**', verbatim
    plist = parse_list(text)
    assert [s.path[-1] for s in candidate_sections(plist)] == [
        "External Interaction Attacks", "Internal Cognitive Attacks",
    ]
    internal = {lp.paper.title.split(":")[0]: lp for lp in list_papers(plist, {})
                if lp.section_ids == ["paper-list/internal-cognitive-attacks"]}
    assert sorted(internal) == ["Breaking agents", "MemIncept", "Memory poisoning attacks on retrieval-augmented Large "
                                "Language Model agents via deceptive semantic reasoning", "UDora"]
    assert not any(lp.has_abstract or lp.paper.abstract for lp in internal.values())  # title only
    assert len(list_papers(plist, {})) == 7  # no blog post nor repository among them


def test_a_section_whose_papers_write_a_word_venue_alone_is_a_place() -> None:
    """A paper linked to a Google Scholar export or IEEE Xplore under `CASE 2023` (majianz/dl4gps) or `(BigData 2023)`
    (DEEP-PolyU/Awesome-GraphRAG) names a venue in its entry's venue slot, where "CASE" can mean nothing else: the
    sections of such papers were no place and their papers no positives, as a comment's bare "CASE 2023" is no
    venue; now they are, and the seed list's Githubs and Blogs still are not."""
    from bot.model import candidate_sections

    seed = (REPO / "data" / "lists" / "llm-synthetic-data.md").read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [  # verbatim
        "## Methods\n",
        "\n",
        "### Other Architectures\n",
        "\n",
        "- **Geometry Problem Solving Based on Counter-factual Evolutionary Reasoning**, CASE 2023 [[paper](https://"
        "scholar.googleusercontent.com/scholar.bib?q=info:886PxuxR1JUJ:scholar.google.com/&output=citation&scisdr=ClEqZR"
        "NsEMPsmsftMLY:AFWwaeYAAAAAZ3_rKLazJo3qQt7lUpGqpZbgTnM&scisig=AFWwaeYAAAAAZ3_rKO4RO1QaJNkkTXC9mGtJJJQ&scisf=4&ct="
        "citation&cd=-1&hl=zh-CN)]\n",
        "\n",
        "#### Knowledge Graph Construction from Corpus\n",
        "- (BigData 2023) **AutoKG: Efficient automated knowledge graph generation for language models** "
        "[[Paper]](https://ieeexplore.ieee.org/abstract/document/10386454)\n",
        "\n",
    ]
    plist = parse_list("".join([*lines, *seed[70:84]]))  # '## **1. Githubs**' and '## **2. Blogs**', verbatim
    assert [s.path[-1] for s in candidate_sections(plist)] == [
        "Other Architectures", "Knowledge Graph Construction from Corpus",
    ]
    assert sorted(lp.paper.title.split(":")[0] for lp in list_papers(plist, {})) == [
        "AutoKG", "Geometry Problem Solving Based on Counter-factual Evolutionary Reasoning",
    ]


def test_a_section_whose_papers_write_their_venue_in_brackets_is_a_place() -> None:
    """GeWu-Lab/awesome-balanced-multimodal-learning links papers to CVF, PMLR and IEEE Xplore with the venue in
    brackets after the title (`[ICML 2022]`): the bracketed slot named no venue, so 'Feed-forward', whose three papers
    link no arXiv page, was no place and its papers no positives; now it is, as the same slot without brackets was."""
    from bot.model import candidate_sections

    text = (  # verbatim
        "## Methodology Classification (Refer to the paper [BalanceBenchmark](https://arxiv.org/abs/2502.10816))\n"
        "\n"
        "### Data  \n"
        "---\n"
        "- [Enhancing Multimodal Cooperation via Sample-level Modality Valuation](https://arxiv.org/abs/2309.06255) "
        "[CVPR 2024]\n"
        "\n"
        "### Feed-forward\n"
        "---\n"
        "- [Multimodal Representation Learning by Alternating Unimodal Adaptation](https://openaccess.thecvf.com/content/"
        "CVPR2024/html/Zhang_Multimodal_Representation_Learning_by_Alternating_Unimodal_Adaptation_CVPR_2024_paper.html"
        ") [CVPR 2024]\n"
        "- [Characterizing and Overcoming the Greedy Nature of Learning in Multi-modal Deep Neural Networks](https://"
        "proceedings.mlr.press/v162/wu22d/wu22d.pdf) [ICML 2022]\n"
        "- [Adaptive Mask Co-Optimization for Modal Dependence in Multimodal Learning](https://ieeexplore.ieee.org/"
        "document/10096641) [ICASSP 2024]\n"
    )
    plist = parse_list(text)
    assert [s.path[-1] for s in candidate_sections(plist)] == ["Data", "Feed-forward"]
    assert sorted(lp.paper.title.split(" ")[0] for lp in list_papers(plist, {})) == [
        "Adaptive", "Characterizing", "Enhancing", "Multimodal"]


def test_the_seed_lists_benchmarking_section_of_one_openreview_paper_is_a_place() -> None:
    """'4.6. LLM Benchmarking' holds DataGen under its OpenReview link only: it was no section to learn or predict,
    DataGen learnt in '4.3.4 > LLM Self-Reflection' alone; now it is learnt in both."""
    from bot.model import candidate_sections

    plist = read_list(REPO / "data" / "lists" / "llm-synthetic-data.md")
    assert "4.6. LLM Benchmarking" in {s.path[-1] for s in candidate_sections(plist)}
    [datagen] = [lp for lp in list_papers(plist, {}) if lp.paper.title.startswith("DataGen")]
    by_id = {s.id: s for s in plist.sections}
    assert [by_id[s].path[-1] for s in datagen.section_ids] == ["LLM Self-Reflection", "4.6. LLM Benchmarking"]


def test_train_learns_a_section_without_arxiv_entries(tmp_path, encoder) -> None:
    """The model slice with the seed list's '4.6. LLM Benchmarking' (its DataGen line, verbatim) after 4.2: training
    said 'entries used: 80 papers (59 with abstract, 21 title only ...)' and knew no such section; now DataGen is the
    81st paper, title only, and the section a place the section model learns and ranks."""
    lines = README.read_text(encoding="utf-8").splitlines(keepends=True)
    seed = (REPO / "data" / "lists" / "llm-synthetic-data.md").read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index("## **6. Application Areas**\n")
    readme = tmp_path / "README.md"
    readme.write_text("".join([*lines[:at], *seed[242:245], *lines[at:]]), encoding="utf-8")
    model, report = train_models(
        _config(tmp_path), readme=readme, metadata=ML / "list-metadata.jsonl", background=ML / "background.jsonl",
        models_dir=None, offline=True, encoder=encoder, evaluate=False,
    )
    assert format_training_report(report)[1] == (
        "entries used: 81 papers (59 with abstract, 22 title only; 16 of 75 arXiv ids without metadata)")
    benchmarking = ("4. Methods", "4.6. LLM Benchmarking")
    assert any(tuple(s["path"][-2:]) == benchmarking for s in model.sections.sections_)
    titles = {e["title"] for e in model.entries}
    assert "DataGen: Unified Synthetic Dataset Generation via Large Language Models" in titles


def test_a_list_with_nearly_half_its_papers_title_only_is_learnt_from_titles() -> None:
    """The seed list held out from 2503 with the abstracts of 30 of its 120 papers that have one withheld is 83 of
    173 titles (48%): "abstracts" at the cut-off of more than half, its scores left unshifted (7 of the 15 held-out
    papers at 0.62 a day, python -m bench.relevance_title_share), and "titles" now, shifted (10 at 1.00 a day), as
    with 77 titles (45%); with 71 (41%) or as it is (53, 31%), where the shift only added proposals, it stays
    "abstracts"."""
    from bot.model import ListPaper, learnt_from, title_only

    plist = read_list(REPO / "data" / "lists" / "llm-synthetic-data.md")
    meta = load_metadata_jsonl(REPO / "data" / "arxiv" / "list-metadata.jsonl")
    lps = list_papers(plist, meta, holdout_from="2503")
    assert (len(lps), sum(lp.has_abstract for lp in lps)) == (173, 120)
    assert learnt_from(lps) == "abstracts"
    with_abstract = [i for i, lp in enumerate(lps) if lp.has_abstract]

    def withheld(n: int) -> list[ListPaper]:
        gone = set(with_abstract[:n])
        return [dataclasses.replace(lp, paper=title_only(lp.paper), has_abstract=False) if i in gone else lp
                for i, lp in enumerate(lps)]

    assert learnt_from(withheld(30)) == "titles"
    assert learnt_from(withheld(18)) == "abstracts"  # 71 of 173 (41%), where the shift only added proposals
    assert learnt_from(withheld(24)) == "titles"  # 77 of 173 (45%): the shift proposed 9 of 15 where 6 unshifted
    assert learnt_from(withheld(21)) == "abstracts" and learnt_from(withheld(22)) == "titles"  # 74 and 75 of 173


# Rows for the seed list's papers it links to OpenReview only (tests/fixtures/ml/llm-synthetic-data.md: the VLM survey
# under 3. Surveys, ToEdit under 4.1 > A. Rephrasing document, and the self-synthesized multimodal data paper under
# 6.4), each named by the link or the id the list gives; the abstracts are made up for the test.
OPENREVIEW_ROWS = [
    {"url": "https://openreview.net/pdf?id=ThjDCZOljE", "title": "A Survey on Bridging VLMs and Synthetic Data",
     "abstract": "We review how synthetic data is made for and by vision-language models."},
    {"openreview": "mVCcWCjeEz", "title": "ToEdit: How to Synthesize Text Data to Avoid Model Collapse?",
     "abstract": "Editing human text at the token level keeps a model trained on synthetic text from collapsing."},
    {"url": "https://openreview.net/forum?id=lHbLpwbEyt",
     "title": "Enhancing Cognition and Explainability of Multimodal Foundation Models with Self-Synthesized Data",
     "abstract": "A multimodal model writes its own explained training data and learns from it."},
]


def _with_openreview_rows(tmp: Path) -> Path:
    path = tmp / "meta.jsonl"
    rows = "".join(json.dumps(row) + "\n" for row in OPENREVIEW_ROWS)
    path.write_text((ML / "list-metadata.jsonl").read_text(encoding="utf-8") + rows, encoding="utf-8")
    return path


def test_an_entry_linked_to_openreview_learns_the_abstract_of_the_metadata_row_named_by_its_link(tmp_path) -> None:
    """The seed list's OpenReview papers were learnt from their titles alone, whatever the metadata file held: its
    rows were keyed by arXiv id only. A row named by the entry's link (or its OpenReview id) gives them title and
    abstract now; a row whose link no entry gives changes nothing."""
    from bot.arxiv_api import read_metadata

    plist = read_list(README)
    rows = read_metadata(_with_openreview_rows(tmp_path))
    before = {lp.key: lp for lp in list_papers(plist, rows.by_id)}
    after = {lp.key: lp for lp in list_papers(plist, rows.by_id | rows.by_link)}
    keys = ["openreview:ThjDCZOljE", "openreview:mVCcWCjeEz", "openreview:lHbLpwbEyt"]
    assert not any(before[k].has_abstract for k in keys)
    assert [after[k].paper.abstract for k in keys] == [row["abstract"] for row in OPENREVIEW_ROWS]
    assert all(after[k].has_abstract and after[k].section_ids == before[k].section_ids for k in keys)
    assert [k for k in after if after[k] != before[k]] == keys
    stray = {"url:proceedings.mlr.press/v235/burns24b.html": Paper(arxiv_id="", title="T", abstract="A")}
    assert list_papers(plist, rows.by_id | stray) == list(before.values())


def test_train_counts_the_papers_learnt_from_metadata_rows_named_by_their_links(tmp_path, encoder) -> None:
    """`paperbot train --metadata` said 'entries used: 80 papers (59 with abstract, 21 title only ...)' on the model
    slice whatever rows the file held for its OpenReview papers; with rows named by their links 3 more have an
    abstract, and the line says where they came from."""
    model, report = train_models(
        _config(tmp_path), readme=README, metadata=_with_openreview_rows(tmp_path), background=ML / "background.jsonl",
        models_dir=None, offline=True, encoder=encoder, evaluate=False,
    )
    assert report["entries"]["by_link"] == 3
    assert format_training_report(report)[1] == (
        "entries used: 80 papers (62 with abstract, 18 title only; 16 of 75 arXiv ids without metadata; abstracts "
        "of 3 papers without an arXiv id from the metadata file, by their links)")
    assert model.meta["counts"]["with_abstract"] == 62


WASIAHMAD = REPO / "tests" / "fixtures" / "lists" / "wasiahmad-Awesome-LLM-Synthetic-Data-README.md"


def test_a_section_of_datasets_on_the_hub_repositories_or_posts_is_no_place_whatever_venue_its_lines_write() -> None:
    """wasiahmad/Awesome-LLM-Synthetic-Data's '4. Datasets' without its one arXiv paper (SynthPAI) lists two Hugging
    Face datasets and a GitHub repository, one of them written with a venue ('ICML Workshop 2024.'): since sections
    of papers without arXiv links are learnt, that venue made the section a place for arXiv papers and its three
    repositories relevance positives; a link to the Hub, GitHub or a post is no paper's, so it stays out as '6. Blogs'
    does, while '5. Tools', which lists arXiv papers beside its repositories, and the whole list's '4. Datasets' with
    SynthPAI, stay places."""
    from bot.model import candidate_sections

    lines = WASIAHMAD.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index("## 4. Datasets\n")
    assert lines[at + 5].startswith("- [**SynthPAI: ") and lines[at + 7] == "## 5. Tools\n"
    plist = parse_list("".join([*lines[:at + 5], *lines[at + 6:]]))  # every line but SynthPAI's, verbatim
    datasets = next(s for s in plist.sections if s.path == ("4. Datasets",))
    assert [e.venue for e in datasets.entries][1] == "ICML Workshop 2024."
    places = {s.path[-1] for s in candidate_sections(plist)}
    assert "4. Datasets" not in places and "6. Blogs" not in places and "5. Tools" in places
    learnt = {lp.paper.title for lp in list_papers(plist, {})}
    assert not learnt & {e.title for e in datasets.entries}
    assert "4. Datasets" in {s.path[-1] for s in candidate_sections(read_list(WASIAHMAD))}


# ToEdit's arXiv preprint, 2412.14689, is titled as it was before ICML renamed it; a list that links the preprint in
# one section and the ICML paper's OpenReview page in another lists one work under two titles (the line is written as
# its neighbours in 4.2 write theirs).
TOEDIT_PREPRINT = (
    "- [How to Synthesize Text Data without Model Collapse?](https://arxiv.org/abs/2412.14689) *Xuekai Zhu, Daixuan "
    "Cheng, Hengli Li, Kaiyan Zhang, Ermo Hua, Xingtai Lv, Ning Ding, Zhouhan Lin, Zilong Zheng, Bowen Zhou.* Arxiv "
    "2024.\n"
)
TOEDIT_ROW = {
    "id": "2412.14689", "url": "https://openreview.net/forum?id=mVCcWCjeEz",
    "title": "How to Synthesize Text Data without Model Collapse?",
    "abstract": "Editing human text at the token level keeps a model trained on synthetic text from collapsing.",
}


def _toedit_twice(tmp: Path) -> tuple[PaperList, dict[str, Paper]]:
    """The model slice with ToEdit's preprint added to 4.2 beside its OpenReview entry in 4.1 > A, and the metadata
    file's row that names the paper by both its arXiv id and that OpenReview page."""
    from bot.arxiv_api import read_metadata

    text = README.read_text(encoding="utf-8")
    anchor = "- [Scaling Laws of Synthetic Data for Language Models]"
    plist = parse_list(text.replace(anchor, TOEDIT_PREPRINT + anchor, 1))
    path = tmp / "meta.jsonl"
    path.write_text(json.dumps(TOEDIT_ROW) + "\n", encoding="utf-8")
    rows = read_metadata(path)
    return plist, rows.by_id | rows.by_link


def test_an_entry_a_metadata_row_names_by_link_and_arxiv_id_is_one_paper_with_the_arxiv_entry(tmp_path) -> None:
    """A row giving both an arXiv id and the OpenReview link says the two entries are one work: they were learnt
    as two papers with the same abstract (each the other's nearest neighbour in the leave-one-out, one section
    each) because their titles differ; now as one, with its abstract and both sections."""
    plist, metadata = _toedit_twice(tmp_path)
    learnt = [lp for lp in list_papers(plist, metadata) if lp.paper.abstract == TOEDIT_ROW["abstract"]]
    assert len(learnt) == 1
    by_id = {s.id: s for s in plist.sections}
    assert [by_id[sid].path[-1] for sid in learnt[0].section_ids] == ["A. Rephrasing document",
                                                                      "4.2. Continue Pre-training"]
    assert learnt[0].paper.arxiv_id == "2412.14689" and learnt[0].has_abstract
    # `train` counted it among the 'abstracts of 1 paper without an arXiv id from the metadata file, by its link'
    from bot.model import _learnt_by_link

    linked = {k: p for k, p in metadata.items() if ":" in k}
    listed = {e.arxiv_id for e in plist.entries if e.arxiv_id}
    assert _learnt_by_link(learnt, linked, listed) == 0
    assert _learnt_by_link(learnt, linked, listed - {"2412.14689"}) == 1
    # without the row they are two works, as the list gives no sign that they are one
    assert sum("ToEdit" in lp.paper.title or "2412.14689" in lp.key for lp in list_papers(plist, {})) == 2


def test_an_entry_a_metadata_row_names_by_a_held_out_arxiv_id_is_held_out_with_it(tmp_path) -> None:
    """`paperbot evaluate --holdout-from 2412` held the preprint out but learnt its OpenReview entry, titled otherwise,
    with the abstract the row gives both: the replay then found a paper the model had been taught."""
    plist, metadata = _toedit_twice(tmp_path)
    keys = {lp.key for lp in list_papers(plist, metadata, holdout_from="2412")}
    assert "arxiv:2412.14689" not in keys and "openreview:mVCcWCjeEz" not in keys
    assert "openreview:mVCcWCjeEz" in {lp.key for lp in list_papers(plist, metadata, holdout_from="2501")}
