"""Tuning the encoder on the list's own sections (the features of the section step).

Frozen MiniLM vectors place a paper in the right 2nd-level section 57% of the time (leave-one-out on
the seed list, `python -m bench.section_tuned`; 63% tuned): they know what a paper is about, not how
this list cuts its topics (method sections against application sections). A few epochs that pull each
list paper towards a learned prototype of its sections teach the transformer this list's cut. The
change is learned as low-rank adapters (LoRA) on the linear layers of the top `layers` transformer
blocks and merged into a copy of the weights at load: the artifact stays under a megabyte in
`models/`, encoding costs what it did, and the relevance step keeps the plain encoder and its cache.

torch is imported inside functions only, like in bot.embed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bot.errors import PaperbotError

log = logging.getLogger("paperbot.tune")


@dataclass
class TuneSettings:
    """How the adapters are tuned; the defaults won the leave-one-out runs in bench/README.md."""

    layers: int = 6  # top transformer blocks that get adapters; 0 switches tuning off
    epochs: int = 4
    rank: int = 8
    alpha: float = 16.0
    learning_rate: float = 1e-3
    prototype_learning_rate: float = 1e-3
    temperature: float = 0.05
    batch_size: int = 16
    seed: int = 0
    # Dropout in the frozen base: all, hidden (not on the attention probabilities, whose masks, one per
    # head and token pair, took a quarter of the tuning time) or none. hidden tunes as well as all, none a
    # point worse (bench/README.md, "The section tuner about three times as fast").
    dropout: str = "hidden"
    # auto: the frozen weights in bfloat16 where the encoder computes in it (embedding.precision), else
    # float32; the adapters and prototypes stay float32 either way. Or float32 / bfloat16.
    precision: str = "auto"


@dataclass
class TunedLayers:
    """The adapters (float16 `<linear>.lora_a` / `.lora_b` pairs) and what they were tuned from.

    Pickled with the section model; `scale` is LoRA's alpha / rank.
    """

    base_model: str
    weights: dict[str, np.ndarray]
    settings: dict
    scale: float = 1.0
    digest: str = ""
    _encoder: Any = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.digest:
            h = hashlib.sha256(self.base_model.encode())
            for name in sorted(self.weights):
                h.update(name.encode())
                h.update(np.ascontiguousarray(self.weights[name]).tobytes())
            self.digest = h.hexdigest()

    @property
    def name(self) -> str:
        """Names the section encoder in meta.json and the training report (base model + adapter digest)."""
        return f"{self.base_model}+sections-{self.digest[:12]}"

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_encoder"] = None  # a loaded torch model is never pickled into models/
        return state

    def encoder(self, base: Any) -> TunedEncoder:
        """The tuned encoder, built once from a fresh copy of the base model (the base stays as it was)."""
        if self._encoder is None or self._encoder.base is not base:
            self._encoder = TunedEncoder(self, base)
        return self._encoder


def can_tune(encoder: Any) -> bool:
    """Only sentence-transformers encoders can be tuned (test encoders and other backends cannot)."""
    return callable(getattr(encoder, "fresh_model", None))


class NotTunable(PaperbotError):
    """The embedding model has no transformer blocks to put adapters on (e.g. averaged word vectors)."""


def _blocks(model: Any) -> Any:
    """The stack of transformer blocks: the largest ModuleList whose every item holds linear layers.

    Searched for rather than named, because each family keeps it elsewhere: BERT and MPNet at
    encoder.layer, DistilBERT at transformer.layer, T5 at encoder.block, ModernBERT and decoder-based
    embedders at layers.
    """
    import torch

    auto = getattr(model[0], "auto_model", None) if len(model) else None
    best, size = None, 0
    for module in auto.modules() if isinstance(auto, torch.nn.Module) else ():
        if not isinstance(module, torch.nn.ModuleList) or not len(module):
            continue
        if all(any(isinstance(m, torch.nn.Linear) for m in block.modules()) for block in module):
            n = sum(p.numel() for p in module.parameters())
            if n > size:
                best, size = module, n
    if best is None:
        raise NotTunable("the embedding model has no stack of transformer blocks to tune")
    return best


def _linears(stack: Any, layers: int) -> dict[str, Any]:
    """name -> nn.Linear for every linear layer of the top `layers` blocks of the stack."""
    import torch

    n = len(stack)
    out = {}
    for i in range(max(0, n - layers), n):
        for name, module in stack[i].named_modules():
            if isinstance(module, torch.nn.Linear):
                out[f"{i}.{name}"] = module
    return out


def _adapter_class() -> Any:
    import torch

    class LoRALinear(torch.nn.Module):
        """y = W x + scale * B (A x); W frozen, B starts at zero so training starts from the base model."""

        def __init__(self, base: Any, rank: int, scale: float, generator: Any) -> None:
            super().__init__()
            self.base = base
            self.scale = scale
            bound = 1.0 / base.in_features**0.5
            a = (torch.rand(rank, base.in_features, generator=generator) * 2 - 1) * bound
            self.lora_a = torch.nn.Parameter(a)
            self.lora_b = torch.nn.Parameter(torch.zeros(base.out_features, rank))

        def forward(self, x: Any) -> Any:
            # cast to the frozen weights' dtype (bfloat16 tuning); the float32 adapters get float32 gradients
            return self.base(x) + (x @ self.lora_a.T.to(x.dtype) @ self.lora_b.T.to(x.dtype)) * self.scale

    return LoRALinear


def _swap(stack: Any, name: str, module: Any) -> None:
    """Replace the linear `<block>.<path>` of the layer stack by `module`."""
    block, _, path = name.partition(".")
    parent = stack[int(block)]
    *parents, leaf = path.split(".")
    for part in parents:
        parent = getattr(parent, part)
    setattr(parent, leaf, module)


def _no_attention_dropout(model: Any) -> None:
    """Switch off dropout on the attention probabilities (BERT's, MPNet's and DistilBERT's self-attention
    modules keep it as their own nn.Dropout), leaving it on the hidden states."""
    import torch

    for module in model.modules():
        if "SelfAttention" in type(module).__name__:
            for child in module.children():
                if isinstance(child, torch.nn.Dropout):
                    child.p = 0.0


def section_margin(vectors: np.ndarray, labels: np.ndarray) -> float:
    """Mean of (cosine to the paper's own section centroid - to the nearest other), the paper left out of
    its centroid: how far a tuning pulled the list papers towards their sections (tests, bench.tune_speed,
    the training log)."""
    from bot.model import prototype_cosines

    out = []
    for i in range(len(vectors)):
        own = labels[i] > 0
        if not own.any() or own.all():
            continue
        lab = labels.copy()
        lab[i] = 0
        sims = prototype_cosines(lab, vectors, vectors[i : i + 1])[0]
        sims[~np.isfinite(sims)] = 0.0  # a section with no other paper: no centroid, cosine 0
        out.append(sims[own].max() - sims[~own].max())
    return float(np.mean(out)) if out else 0.0


def _in_bfloat16(encoder: Any) -> bool:
    """The encoder computes in bfloat16 (embedding.precision): a tuned model then runs in it too."""
    return getattr(encoder, "precision", "float32") == "bfloat16"


def tuning_precision(encoder: Any, settings: TuneSettings) -> str:
    """The frozen weights' dtype while tuning: TuneSettings.precision, auto following the encoder's."""
    if settings.precision != "auto":
        return settings.precision
    return "bfloat16" if _in_bfloat16(encoder) else "float32"


def fine_tune(
    encoder: Any, texts: Sequence[str], labels: np.ndarray, vectors: np.ndarray, settings: TuneSettings
) -> TunedLayers:
    """Tune adapters so each text lands near the prototype of its section groups.

    labels: (texts, groups) 0/1, several ones where a paper is listed in several places; vectors: the
    base encoder's rows for the texts, whose per-group means start the prototypes.
    """
    import torch

    from bot.logs import progress

    if settings.dropout not in ("all", "hidden", "none"):
        raise ValueError(f"TuneSettings.dropout is all, hidden or none, not {settings.dropout!r}")
    model = encoder.fresh_model()
    precision = tuning_precision(encoder, settings)
    if precision == "bfloat16":
        model = model.to(torch.bfloat16)
    torch.manual_seed(settings.seed)
    rng = np.random.RandomState(settings.seed)
    generator = torch.Generator().manual_seed(settings.seed)
    for p in model.parameters():
        p.requires_grad = False
    scale = settings.alpha / settings.rank
    lora = _adapter_class()
    stack = _blocks(model)
    adapters = {
        name: lora(linear, settings.rank, scale, generator) for name, linear in _linears(stack, settings.layers).items()
    }
    for name, adapter in adapters.items():
        _swap(stack, name, adapter)
    device = model.device
    for adapter in adapters.values():
        adapter.to(device)
    y = torch.tensor(np.asarray(labels, dtype=np.float32), device=device)
    present = y.sum(0) > 0
    base_rows = torch.tensor(np.asarray(vectors, dtype=np.float32), device=device)
    start = torch.nn.functional.normalize(y.T @ base_rows, dim=1)
    prototypes = torch.nn.Parameter(start.clone())
    tuned = [p for a in adapters.values() for p in (a.lora_a, a.lora_b)]
    opt = torch.optim.AdamW(
        [{"params": tuned, "lr": settings.learning_rate},
         {"params": [prototypes], "lr": settings.prototype_learning_rate}]
    )
    texts = list(texts)
    prepare = getattr(model, "preprocess", None) or model.tokenize  # renamed in sentence-transformers 6
    # train() only switches dropout on (BERT-style encoders have no batch statistics)
    model.train(settings.dropout != "none")
    if settings.dropout == "hidden":
        _no_attention_dropout(model)
    batches = [(e, s) for e in range(settings.epochs) for s in range(0, len(texts), settings.batch_size)]
    order = np.arange(len(texts))
    for epoch, startpos in progress(batches, desc="tuning the section encoder", total=len(batches)):
        if startpos == 0:
            order = rng.permutation(len(texts))
            log.debug("tuning epoch %d", epoch + 1)
        idx = order[startpos : startpos + settings.batch_size]
        features = {k: v.to(device) if hasattr(v, "to") else v for k, v in prepare([texts[i] for i in idx]).items()}
        emb = torch.nn.functional.normalize(model(features)["sentence_embedding"].float(), dim=1)
        logits = emb @ torch.nn.functional.normalize(prototypes, dim=1).T / settings.temperature
        logits = logits.masked_fill(~present, -1e4)
        target = y[idx] / y[idx].sum(1, keepdim=True).clamp(min=1.0)
        loss = -(target * torch.log_softmax(logits, dim=1)).sum(1).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    weights = {}
    for name, adapter in adapters.items():
        weights[f"{name}.lora_a"] = adapter.lora_a.detach().cpu().numpy().astype(np.float16)
        weights[f"{name}.lora_b"] = adapter.lora_b.detach().cpu().numpy().astype(np.float16)
    used = dict(settings.__dict__, precision=precision)  # what auto resolved to, in the artifact
    return TunedLayers(base_model=encoder.name, weights=weights, settings=used, scale=scale)


class TunedEncoder:
    """Encoder protocol over a copy of the base model with the adapters merged into its weights."""

    def __init__(self, layers: TunedLayers, base: Any) -> None:
        if not can_tune(base):
            raise PaperbotError(
                "the section model was tuned on a sentence-transformers encoder, but this encoder cannot load "
                "tuned layers; run `paperbot train` with it or use the configured embedding model"
            )
        if base.name != layers.base_model:
            raise PaperbotError(
                f"the section encoder was tuned from {layers.base_model!r} but the encoder is {base.name!r}; "
                "run `paperbot train`"
            )
        self.name = layers.name
        self.base = base
        self._layers = layers
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            import torch

            model = self.base.fresh_model()
            w = self._layers.weights
            names = sorted({k.rsplit(".", 1)[0] for k in w})
            stack = _blocks(model)
            linears = _linears(stack, len(stack))
            unknown = [n for n in names if n not in linears]
            if unknown:
                raise PaperbotError(
                    f"the tuned section layers do not fit {self._layers.base_model!r} ({len(unknown)} unknown "
                    "layers); run `paperbot train`"
                )
            with torch.no_grad():
                for n in names:
                    dev = linears[n].weight.device
                    a = torch.tensor(w[f"{n}.lora_a"].astype(np.float32), device=dev)
                    b = torch.tensor(w[f"{n}.lora_b"].astype(np.float32), device=dev)
                    linears[n].weight += self._layers.scale * (b @ a)  # merged: encoding costs what it did
            if _in_bfloat16(self.base):
                model = model.to(torch.bfloat16)  # merged in float32, then encodes as fast as the base encoder
            model.eval()
            self._model = model
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.base.encode(texts, model=self._load())
