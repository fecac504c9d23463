"""How much faster can embedding get on this CPU, and what does each way cost in vectors?

    python -m bench.embed_speed [n=512] [repeats=2] [only=TEXT]

Embeds the first n background papers' texts (title + abstract, as `paperbot train` embeds them) through
the product's encoder (bot.embed: all-MiniLM-L6-v2, length-sorted batches of 64) and through other
ways, each timed against that baseline in the same run (the baseline is timed before and after every
other way, and the ratio taken to the mean of the two, since a busy 2-core machine drifts). For each
way: the speed ratio, and the cosine of its vectors to the baseline's (1.0: the same vectors, so caches
and trained models stay valid; anything less means retraining and new numbers).

Ways: other batch sizes; the product's encoder in bfloat16 (`embedding.precision: bfloat16`; fast only
on CPUs with AVX512-BF16 or AMX), also in batches of 8, 16 and 32, and in float32 in batches of 16 and 32
(`embedding.batch_size`, 16 since 4 Dec 2026); inputs cut at 128 tokens instead of 256;
PyTorch's dynamic int8 quantisation of the linear layers, alone and with 128 tokens, also as the product
ships them (`embedding.precision: int8`, `embedding.max_tokens: 128`); onnxruntime on the
same weights in fp32 and with int8 weights (only where onnxruntime and onnx are installed: `pip install
onnxruntime onnx`; the model is exported with torch.onnx to a temporary folder). only=TEXT: just the
ways whose name contains TEXT.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from bench.common import REPO

Encode = Callable[[Sequence[str]], np.ndarray]


def timed(encode: Encode, texts: Sequence[str], repeats: int) -> tuple[float, np.ndarray]:
    """Best of `repeats` runs, after a warm-up batch (first-call costs are not the steady state)."""
    encode(texts[:16])
    best, vectors = float("inf"), np.zeros(0)
    for _ in range(repeats):
        start = time.perf_counter()
        vectors = encode(texts)
        best = min(best, time.perf_counter() - start)
    return best, vectors


def onnx_encoder(model, folder: Path, *, int8: bool) -> Encode:
    """The same transformer through onnxruntime, mean-pooled and normalised as the MiniLM pipeline does."""
    import onnxruntime as ort
    import torch

    tokenizer, net = model.tokenizer, model[0].auto_model.eval()
    limit = model.max_seq_length

    class Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.net = net

        def forward(self, ids, mask, types):
            return self.net(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state

    sample = tokenizer(["a title", "a longer title for the export"], padding=True, return_tensors="pt")
    path = folder / "minilm.onnx"
    axes = {"n": 0, "l": 1}
    torch.onnx.export(
        Hidden(), (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]), str(path),
        input_names=["ids", "mask", "types"], output_names=["hidden"], opset_version=17, dynamo=False,
        dynamic_axes={k: {axes["n"]: "n", axes["l"]: "l"} for k in ("ids", "mask", "types", "hidden")},
    )
    if int8:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(path), str(folder / "minilm-int8.onnx"), weight_type=QuantType.QInt8)
        path = folder / "minilm-int8.onnx"
    options = ort.SessionOptions()
    options.intra_op_num_threads = torch.get_num_threads()
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def encode(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), net.config.hidden_size), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            rows = order[start : start + batch_size]
            batch = tokenizer([texts[i] for i in rows], padding=True, truncation=True, max_length=limit,
                              return_tensors="np")
            feed = {"ids": batch["input_ids"], "mask": batch["attention_mask"], "types": batch["token_type_ids"]}
            hidden = session.run(None, {k: v.astype(np.int64) for k, v in feed.items()})[0]
            mask = batch["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(1) / np.maximum(mask.sum(1), 1e-9)
            out[rows] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out

    return encode


def torch_int8_encoder(model, max_seq_length: int | None = None) -> Encode:
    """A copy of the model with int8 dynamic quantisation of its linear layers (PyTorch, no new package)."""
    import copy
    import warnings

    import torch

    quantised = copy.deepcopy(model)
    # sentence-transformers 6.3 runs its Transformer module's `model`; assigning `auto_model` does not replace it
    module = quantised[0]
    name = "model" if "model" in module._modules else "auto_model"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao.quantization's deprecation notice
        quantised_net = torch.ao.quantization.quantize_dynamic(getattr(module, name), {torch.nn.Linear},
                                                               dtype=torch.qint8)
    setattr(module, name, quantised_net)
    if not isinstance(module.auto_model.encoder.layer[0].attention.self.query, torch.ao.nn.quantized.dynamic.Linear):
        raise SystemExit("torch int8: the quantised layers are not the ones encode runs")
    if max_seq_length is not None:
        quantised.max_seq_length = max_seq_length

    def encode(texts: Sequence[str]) -> np.ndarray:
        return quantised.encode(list(texts), batch_size=64, normalize_embeddings=True)

    return encode


def main() -> None:
    from bot.embed import load_encoder
    from bot.model import read_background

    args = dict(a.split("=", 1) for a in sys.argv[1:])
    n, repeats = int(args.get("n", 512)), int(args.get("repeats", 2))
    texts = [p.text for p in read_background(REPO / "data/arxiv/background.jsonl.gz", limit=n)]
    product = load_encoder("all-MiniLM-L6-v2")
    model = product._load()  # type: ignore[attr-defined]  # the sentence-transformers model behind it
    print(f"{len(texts)} background papers, torch threads {__import__('torch').get_num_threads()}, "
          f"best of {repeats}; ratio = baseline seconds / seconds (above 1: faster)\n")

    base_seconds, base = timed(product.encode, texts, repeats)
    name = "baseline (bot.embed, batch 64, 256 tokens)"
    print(f"{name:46s} {base_seconds:7.1f} s  {len(texts) / base_seconds:6.1f}/s")

    def row(name: str, encode: Encode) -> None:
        nonlocal base_seconds
        if args.get("only", "") not in name:
            return
        seconds, vectors = timed(encode, texts, repeats)
        after, _ = timed(product.encode, texts, repeats)
        ratio = (base_seconds + after) / 2 / seconds
        base_seconds = after
        cosine = (vectors * base).sum(1)
        print(f"{name:46s} {seconds:7.1f} s  {ratio:5.2f}x   cosine to baseline mean {cosine.mean():.4f} "
              f"min {cosine.min():.4f}", flush=True)

    for size in (16, 32, 128):
        row(f"batch {size}", lambda t, size=size: model.encode(list(t), batch_size=size, normalize_embeddings=True))

    def short(t: Sequence[str]) -> np.ndarray:
        model.max_seq_length = 128
        try:
            return model.encode(list(t), batch_size=64, normalize_embeddings=True)
        finally:
            model.max_seq_length = 256

    half = load_encoder("all-MiniLM-L6-v2", precision="bfloat16")
    row("bfloat16 (embedding.precision)", half.encode)
    for size in (8, 16, 32):
        row(f"bfloat16, batch {size}", load_encoder("all-MiniLM-L6-v2", precision="bfloat16", batch_size=size).encode)
    # the product's float32 encoder in other batches (the rows above time the model itself)
    for size in (16, 32):
        row(f"product: float32, batch {size}", load_encoder("all-MiniLM-L6-v2", batch_size=size).encode)
    row("inputs cut at 128 tokens", short)
    row("torch int8 (dynamic, linear layers)", torch_int8_encoder(model))
    row("torch int8 + inputs cut at 128 tokens", torch_int8_encoder(model, max_seq_length=128))
    # the same ways as paperbot ships them (bot.embed): embedding.precision int8, embedding.max_tokens 128
    row("product: embedding.max_tokens 128", load_encoder("all-MiniLM-L6-v2", max_tokens=128).encode)
    row("product: embedding.precision int8", load_encoder("all-MiniLM-L6-v2", precision="int8").encode)
    row("product: int8, batch 16", load_encoder("all-MiniLM-L6-v2", precision="int8", batch_size=16).encode)
    row("product: int8 + max_tokens 192, batch 16",
        load_encoder("all-MiniLM-L6-v2", precision="int8", max_tokens=192, batch_size=16).encode)
    row("product: int8 + max_tokens 128",
        load_encoder("all-MiniLM-L6-v2", precision="int8", max_tokens=128).encode)
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError as exc:
        print(f"onnxruntime rows skipped ({exc}): pip install onnxruntime onnx")
        return
    with tempfile.TemporaryDirectory() as folder:
        row("onnxruntime fp32", onnx_encoder(model, Path(folder), int8=False))
        row("onnxruntime int8 weights", onnx_encoder(model, Path(folder), int8=True))


if __name__ == "__main__":
    main()
