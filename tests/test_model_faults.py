"""Damaged inputs of training and scoring end in one line with the fix, never in a scikit-learn traceback.

Trained on the small real slice (tests/fixtures/ml) with the tiny hashing encoder, so each model costs seconds.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.config import Config
from bot.embed import EmbeddingCache, text_key
from bot.errors import PaperbotError, UnusableModels, UsageError
from bot.model import ARTIFACT, FORMAT_VERSION, META, ListModel, read_background, train_models
from bot.papers import Paper
from tests.replay_support import ENCODER_NAME, HashingEncoder, make_config

ML = Path(__file__).parent / "fixtures" / "ml"
README = ML / "llm-synthetic-data.md"
METADATA = ML / "list-metadata.jsonl"
BACKGROUND = ML / "background.jsonl"
PAPERS = [
    Paper("9999.00001", "Synthetic math word problems for fine-tuning LLMs", "We rewrite GSM8K questions."),
    Paper("9999.00002", "Instruction data for code LLMs", "Python solutions verified with unit tests."),
    Paper("9999.00003", "Robust visual odometry for legged robots", "Cameras and IMUs in the dark."),
]


class CountingEncoder(HashingEncoder):
    """The hashing encoder, recording every call: training must stop before it embeds anything."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        return super().encode(texts)


class ShortEncoder(HashingEncoder):
    """Another model under the same name (a local model folder swapped): 10-dimensional vectors."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = super().encode(texts)[:, :10] + 0.1
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _config(tmp: Path) -> Config:
    config = make_config(tmp)
    return config.model_copy(update={"arxiv_api": config.arxiv_api.model_copy(update={"cache": tmp / "api.jsonl"})})


def _train(tmp: Path, **kwargs: Any) -> tuple[ListModel, dict]:
    args: dict[str, Any] = {
        "readme": README, "metadata": METADATA, "background": BACKGROUND, "models_dir": None, "offline": True,
        "encoder": HashingEncoder(), "evaluate": False,
    }
    return train_models(_config(tmp), **(args | kwargs))


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> tuple[ListModel, Path]:
    tmp = tmp_path_factory.mktemp("faults")
    model, _ = _train(tmp, models_dir=tmp / "models")
    return model, tmp / "models"


def _one_line(err: pytest.ExceptionInfo) -> str:
    message = str(err.value)
    assert "\n" not in message
    return message


# ---------------------------------------------------------------- vectors of another dimension


def test_the_models_know_the_dimension_they_were_trained_on(saved) -> None:
    model, models = saved
    assert model.dimension() == 512 and json.loads((models / META).read_text())["dimension"] == 512
    del model.meta["dimension"]  # models trained before it was recorded: read off the estimators
    try:
        assert model.relevance.dimension() == 512 and model.dimension() == 512
    finally:
        model.meta["dimension"] = 512


def test_vectors_of_another_dimension_are_one_line_with_the_fix(saved) -> None:
    model = saved[0]
    with pytest.raises(PaperbotError) as err:
        model.score(PAPERS, ShortEncoder())
    message = _one_line(err)
    assert message.startswith("the papers' embeddings have 10 dimensions but the models were trained on 512-")
    assert "fix: delete " in message and "run `paperbot train`" in message
    # the estimators alone refuse them as well (bench/ and evaluate call them directly)
    vectors = ShortEncoder().encode([p.text for p in PAPERS])
    with pytest.raises(PaperbotError, match="have 10 dimensions but the relevance model was trained on 512-"):
        model.relevance.predict([p.text for p in PAPERS], vectors)
    with pytest.raises(PaperbotError, match="have 10 dimensions but the section model was trained on 512-"):
        model.sections.rank(vectors)


def test_a_cache_of_another_models_vectors_names_its_folder(saved, tmp_path) -> None:
    """The realistic case: every paper is in the cache, but as another model's 10-dimensional vectors."""
    model = saved[0]
    cache = EmbeddingCache(tmp_path, ENCODER_NAME)
    cache.directory.mkdir(parents=True)
    np.savez(
        cache.directory / "shard-other.npz", keys=np.array([text_key(p) for p in PAPERS]),
        vectors=ShortEncoder().encode([p.text for p in PAPERS]),
    )
    with pytest.raises(PaperbotError) as err:
        model.score(PAPERS, HashingEncoder(), EmbeddingCache(tmp_path, ENCODER_NAME))
    assert f"fix: delete the embedding cache {cache.directory} (the vectors are recomputed)" in _one_line(err)


# ---------------------------------------------------------------- background and training sizes


def test_background_lines_without_a_string_title_are_refused(tmp_path) -> None:
    path = tmp_path / "bg.jsonl"
    path.write_text('{"id": "2401.00001", "title": "A real paper", "abstract": "Text."}\n{"id":null,"title":null}\n')
    with pytest.raises(PaperbotError) as err:
        read_background(path)
    assert _one_line(err).startswith(f"{path}:2: not a background paper ('title' is missing or not a string)")
    for line, why in [
        ('{"id": "2401.00001"}', "'title' is missing"),
        ('{"id": "2401.00001", "title": 5}', "'title' is missing or not a string"),
        ('{"id": "2401.00001", "title": "  "}', "'title' is empty"),
        ('{"id": 2401.0001, "title": "T"}', "'id' 2401.0001 is not a string"),
        ('{"title": "T"}', "no 'id' key"),
        ('{"id": "2401.00001", "title": "T", "abstract": ["a"]}', "'abstract' is not a string"),
        ('{"id": "2401.00001", "title": "T", "categories": 5}', "'categories' is not a list of strings"),
        ('["2401.00001", "T"]', "a JSON list, not an object"),
    ]:
        path.write_text(line + "\n")
        with pytest.raises(PaperbotError, match=rf"{path}:1: not a background paper \({why}"):
            read_background(path)


def test_a_null_id_is_a_paper_without_one(tmp_path) -> None:
    path = tmp_path / "bg.jsonl"
    path.write_text(
        '{"id": null, "title": "A paper  without\\nan id", "abstract": null}\n'
        '{"id": "2401.00002", "title": "T", "categories": "cs.CL cs.AI"}\n'
    )
    first, second = read_background(path)
    assert first == Paper(arxiv_id="", title="A paper without an id")
    assert second.categories == ("cs.CL", "cs.AI")  # arXiv's own metadata spells them in one string


def test_training_needs_are_what_the_folds_need() -> None:
    from bot.model import training_needs

    # without the estimate: a positive and a negative per calibration fold (at most 5 folds)
    assert [training_needs(n, evaluate=False) for n in (2, 3, 80)] == [(2, 2), (2, 3), (2, 5)]
    # with it: each cross-validation fold's rest is calibrated again, on 4 of 5 parts of the background
    assert [training_needs(n, evaluate=True) for n in (3, 5, 80)] == [(3, 3), (3, 5), (3, 7)]


def _background(tmp: Path, n: int) -> Path:
    path = tmp / f"bg{n}.jsonl"
    path.write_text("".join(BACKGROUND.read_text().splitlines(keepends=True)[:n]))
    return path


def test_too_few_background_papers_stop_before_embedding(tmp_path) -> None:
    encoder = CountingEncoder()
    with pytest.raises(PaperbotError) as err:
        _train(tmp_path, background=_background(tmp_path, 2), encoder=encoder)
    assert _one_line(err) == (
        f"{tmp_path / 'bg2.jsonl'}: 2 background paper(s) not on the list; the relevance model needs at least 5"
    )
    # counted without their title-only copies: 4 papers (8 negatives with them) are refused too, the least
    # that is enough however many of the list's entries are title only
    with pytest.raises(PaperbotError, match="4 background paper"):
        _train(tmp_path, background=_background(tmp_path, 4), encoder=encoder)
    with pytest.raises(PaperbotError) as err:
        _train(tmp_path, background=_background(tmp_path, 6), encoder=encoder, evaluate=True)
    assert _one_line(err) == (
        f"{tmp_path / 'bg6.jsonl'}: 6 background paper(s) not on the list; the relevance model and its "
        "cross-validation need at least 7; `paperbot train --no-estimate` skips the estimate"
    )
    assert encoder.calls == 0
    # and as many as that are enough, title-only views and all
    model, report = _train(tmp_path, background=_background(tmp_path, 5))
    assert report["background"] == 5 and model.dimension() == 512


def test_too_few_list_papers_for_the_estimate(tmp_path) -> None:
    readme = tmp_path / "two.md"
    readme.write_text(
        "# A list\n\n## **3. Surveys**\n\n"
        "- [Best Practices and Lessons Learned on Synthetic Data](https://arxiv.org/abs/2404.07503) *R. Liu.* 2024.\n"
        "- [On LLMs-Driven Synthetic Data Generation: A Survey](https://arxiv.org/abs/2406.15126) *L. Long.* 2024.\n"
    )
    with pytest.raises(UsageError) as err:
        _train(tmp_path, readme=readme, evaluate=True)
    assert _one_line(err) == (
        f"{readme}: only 2 paper(s) to learn from; estimating the models' accuracy needs at least 3; "
        "`paperbot train --no-estimate` skips the estimate"
    )
    model, _ = _train(tmp_path, readme=readme)  # the models alone are fine with 2
    assert len(model.entries) == 2


# ---------------------------------------------------------------- the models folder


def test_a_models_folder_that_cannot_take_meta_json_stops_before_training(tmp_path) -> None:
    models = tmp_path / "models"
    (models / META).mkdir(parents=True)
    (models / ARTIFACT).write_bytes(b"the old models")
    encoder = CountingEncoder()
    with pytest.raises(UsageError) as err:
        _train(tmp_path, models_dir=models, encoder=encoder)
    assert _one_line(err) == f"cannot write {models / META}: it is a folder" and err.value.exit_code == 2
    assert encoder.calls == 0 and (models / ARTIFACT).read_bytes() == b"the old models"


def test_save_writes_nothing_when_a_file_cannot_be_written(saved, tmp_path) -> None:
    (tmp_path / META).mkdir()
    with pytest.raises(UsageError):
        saved[0].save(tmp_path)
    assert not (tmp_path / ARTIFACT).exists()


def test_a_full_disk_while_saving_keeps_the_old_models_whole(saved, tmp_path, monkeypatch) -> None:
    """ENOSPC on meta.json, the second file: the new pickle must not stay beside the old meta.json (a folder
    whose description is of other models), and the error is the usual one line."""
    folder = tmp_path / "models"
    saved[0].save(folder)
    meta = json.loads((folder / META).read_text(encoding="utf-8"))
    changed = ListModel(meta={**saved[0].meta, "readme_sha256": "0" * 64}, relevance=saved[0].relevance,
                        sections=saved[0].sections, entries=saved[0].entries, section_layers=saved[0].section_layers)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").rsplit("/", 1)[-1].startswith(f".{META}."):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(PaperbotError) as err:
        changed.save(folder)
    assert _one_line(err) == f"cannot write {folder / META}: No space left on device"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no temp file either
    assert ListModel.load(folder, embedding_model=ENCODER_NAME).meta["readme_sha256"] == meta["readme_sha256"]


# ---------------------------------------------------------------- damaged artifacts


def _doc(models: Path) -> dict:
    with gzip.open(models / ARTIFACT, "rb") as fh:
        return pickle.load(fh)


def _write(doc: dict, folder: Path) -> Path:
    """As ListModel.save writes it: a gzipped pickle of the dict."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ARTIFACT).write_bytes(gzip.compress(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)))
    return folder


def _set(path: str, value: Any) -> Callable[[dict], None]:
    def change(doc: dict) -> None:
        *parents, last = path.split(".")
        target: Any = doc
        for name in parents:
            target = target[name] if isinstance(target, dict) else getattr(target, name)
        if isinstance(target, dict):
            target[last] = value
        else:
            setattr(target, last, value)

    return change


def _drop(key: str) -> Callable[[dict], None]:
    return lambda doc: doc.pop(key)


DAMAGE = {
    "no meta": (_drop("meta"), "'meta' is missing or not a mapping"),
    "meta a string": (_set("meta", "models"), "'meta' is missing or not a mapping"),
    "meta without the model": (lambda d: d["meta"].pop("embedding_model"), "meta has no embedding_model"),
    "meta without the README hash": (lambda d: d["meta"].pop("readme_sha256"), "meta has no readme_sha256"),
    "meta's dimension a string": (_set("meta.dimension", "512"), "meta's dimension '512' is not a positive number"),
    "relevance None": (_set("relevance", None), "'relevance' is not a fitted relevance model"),
    "relevance not fitted": (_set("relevance.classifier_", None), "'relevance' is not a fitted relevance model"),
    "relevance learnt from something unknown": (
        _set("relevance.learnt_from_", "abstract"), "the relevance model does not say what it learnt the list from"),
    "relevance feed shift a string": (
        _set("relevance.feed_shift_", "1.5"), "the relevance model does not say what it learnt the list from"),
    "no entries": (_set("entries", []), "'entries' is missing or empty"),
    "entries missing": (_drop("entries"), "'entries' is missing or empty"),
    "an entry's title None": (
        lambda d: d["entries"][0].update(title=None), "an entry lacks its title, arXiv id or section path"
    ),
    "sections None": (_set("sections", None), "'sections' is not a section model"),
    "a vector too few": (
        lambda d: setattr(d["sections"], "vectors_", d["sections"].vectors_[1:]),
        "the section model's vectors are not one row per entry",
    ),
    "labels of another shape": (_set("sections.labels_", np.zeros((2, 2))), "the section model's labels are not"),
    "a place out of range": (
        lambda d: d["sections"].paper_sections_.__setitem__(0, [99]),
        "the section model's entries are not placed in its sections",
    ),
    "section layers a string": (_set("section_layers", "layers"), "'section_layers' are not tuned layers"),
    "a place heading too few": (
        lambda d: setattr(d["sections"], "place_heading_vectors_", d["sections"].place_heading_vectors_[1:]),
        "the section model's place heading vectors are not one per place",
    ),
    "place headings of another width": (
        lambda d: setattr(d["sections"], "place_heading_vectors_", np.zeros((len(d["sections"].sections_), 3))),
        "the section model's place heading vectors are not one per place, in the headings' space",
    ),
    "place heading means of another length": (
        _set("sections.place_heading_means_", np.zeros(2)), "the section model's place heading means are not"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_artifact_is_unusable_models_with_the_fix(saved, tmp_path, damage) -> None:
    change, why = DAMAGE[damage]
    doc = _doc(saved[1])
    assert doc["format"] == FORMAT_VERSION
    change(doc)
    folder = _write(doc, tmp_path / "models")
    with pytest.raises(UnusableModels) as err:
        ListModel.load(folder, embedding_model=ENCODER_NAME)
    assert _one_line(err).startswith(f"{folder / ARTIFACT}: damaged models ({why}")
    assert err.value.fix == "run `paperbot train`"


def test_an_artifact_rewritten_whole_still_loads_and_scores(saved, tmp_path) -> None:
    """The damage helper writes what save() writes: the refusals above are the damage, not the helper."""
    folder = _write(_doc(saved[1]), tmp_path / "models")
    loaded = ListModel.load(folder, embedding_model=ENCODER_NAME)
    assert [s.relevance for s in loaded.score(PAPERS, HashingEncoder())] == pytest.approx(
        [s.relevance for s in saved[0].score(PAPERS, HashingEncoder())]
    )


def test_a_models_folder_that_cannot_be_read_is_one_line(tmp_path, monkeypatch) -> None:
    """chmod 000 on the folder (root ignores it, hence the injected PermissionError): not a traceback."""
    import pathlib

    folder = tmp_path / "models"
    folder.mkdir()
    real = pathlib.Path.is_file

    def is_file(self: pathlib.Path) -> bool:
        if self.parent == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "is_file", is_file)
    with pytest.raises(PaperbotError) as err:  # not UnusableModels: training would not mend permissions
        ListModel.load(folder, embedding_model=ENCODER_NAME)
    assert _one_line(err) == f"{folder}: cannot read the models folder (Permission denied); check its permissions"
    assert not isinstance(err.value, UnusableModels)
