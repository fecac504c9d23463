"""Fault injection on every local write of the commands: one error line and the old file, or the new one whole.

The writes: the README of `add` (in place and --output), scan's and run's --json file, the state file (scan,
fetch), models/ (model.pkl.gz and meta.json, train), the evaluate report (report.md and replay.png), the
embedding cache's shards and the arXiv API cache. Each is failed where a real disk fails it: a write cut
short by a full disk, an fsync that reports an I/O error, a rename the file system refuses, a read-only
folder. A user-named output must then end in exit != 0 with exactly one `paperbot: error:` line naming the
file and the cause, the old bytes in place and no temp file beside them; a cache write must cost a warning,
never the run. Then what a killed run leaves (temp files, a cut shard or cache line, the proposals written
but not the state, a new pickle beside the old meta.json) must not break the next run nor make it lie.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot import embed
from bot.arxiv_api import ArxivClient, load_cache, resolve, save_cache
from bot.cli import main
from bot.errors import PaperbotError
from bot.model import ARTIFACT, META, ListModel
from bot.papers import Paper
from tests.conftest import FIXTURES
from tests.replay_support import ENCODER_NAME, FEEDS, README, HashingEncoder, list_checkout
from tests.servers.arxiv import ArxivServer, Reply

DAY_18 = str(FEEDS / "2025-04-18.xml")
DAY_23 = str(FEEDS / "2025-04-23.xml")
ADD_METADATA = FIXTURES / "lists" / "add-metadata.jsonl"
TWO_IDS = "id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json"  # the API's answer: 1707.08567 only


# ---------------------------------------------------------------- the faults


class Faults:
    """Fails the atomic write of one file name (as bot.files does it: a temp file beside it, then a rename).

    The temp files of that name are recognised from tempfile.mkstemp's prefix, so only their descriptors
    and renames fail; every other write of the run goes through.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, prefix: str, folder: Path, fault: str) -> None:
        self.fault, self.fds, self.fired = fault, set[int](), 0
        folder = Path(os.path.realpath(folder))
        real_mkstemp, real_fdopen, real_fsync, real_replace = tempfile.mkstemp, os.fdopen, os.fsync, os.replace

        def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
            if fault == "read-only folder" and Path(os.path.realpath(kwargs.get("dir") or ".")) == folder:
                self.fired += 1
                raise OSError(errno.EROFS, "Read-only file system")
            fd, path = real_mkstemp(*args, **kwargs)
            if Path(path).name.startswith(prefix):
                self.fds.add(fd)
            else:
                self.fds.discard(fd)  # a number the failed file's closed descriptor had: another file now
            return fd, path

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            fh = real_fdopen(fd, *args, **kwargs)
            return _HalfWriter(fh, self) if fault == "disk full" and fd in self.fds else fh

        def fsync(fd: int) -> None:
            if fault == "fsync EIO" and fd in self.fds:
                self.fired += 1
                raise OSError(errno.EIO, "Input/output error")
            real_fsync(fd)

        def replace(src: Any, dst: Any) -> None:
            if fault == "rename refused" and Path(src).name.startswith(prefix):
                self.fired += 1
                raise OSError(errno.EBUSY, "Device or resource busy")
            real_replace(src, dst)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
        monkeypatch.setattr(os, "fdopen", fdopen)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)


class _HalfWriter:
    """A file on a disk that fills up half-way through the bytes: half of them land, then ENOSPC."""

    def __init__(self, fh: Any, faults: Faults) -> None:
        self._fh, self._faults = fh, faults

    def write(self, data: bytes) -> int:
        self._fh.write(data[: len(data) // 2])
        self._fh.flush()
        self._faults.fired += 1
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


FAULTS = ["disk full", "fsync EIO", "rename refused", "read-only folder"]
CAUSE = {
    "disk full": "No space left on device", "fsync EIO": "Input/output error",
    "rename refused": "Device or resource busy", "read-only folder": "Read-only file system",
}


@contextlib.contextmanager
def failing(target: Path, fault: str, prefix: str | None = None) -> Iterator[Faults]:
    """Fails the write of `target` (a read-only folder: every file made in its folder) until the block ends.

    A MonkeyPatch of its own: undoing it must not undo the test's (the network guard, the tiny encoder).
    """
    with pytest.MonkeyPatch.context() as mp:
        yield Faults(mp, prefix or f".{target.name}.", target.parent, fault)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (temp files included), by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temps(folder: Path) -> list[str]:
    """Temp files and rollback links (atomic_write_files) left behind."""
    return sorted(p.name for p in folder.rglob("*") if p.suffix in (".tmp", ".rollback"))


def one_error(err: str) -> str:
    """The one error line (logs may come before it); never a traceback."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("paperbot: error:")]
    assert len(lines) == 1, err
    return lines[0]


# ---------------------------------------------------------------- a list checkout


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once: config.yaml with the tiny encoder, saved models, a README copy, state from an earlier day."""
    folder = tmp_path_factory.mktemp("checkout")
    with pytest.MonkeyPatch.context() as mp:
        list_checkout(folder, mp)
        shutil.copyfile(README, folder / "README.md")
        assert main(["scan", "--config", str(folder / "config.yaml"), "--feed", DAY_18, "--json", "-"]) == 0
    assert (folder / "state" / "state.json").is_file()
    return folder


@pytest.fixture
def wd(checkout: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the checkout for one test (its paths are relative to config.yaml), the tiny encoder on."""
    folder = tmp_path / "list"
    shutil.copytree(checkout, folder)
    real_load = embed.load_encoder
    monkeypatch.setattr(embed, "load_encoder", lambda name, **kw: HashingEncoder() if name == ENCODER_NAME
                        else real_load(name, **kw))
    return folder


def cli(wd: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([argv[0], "--config", str(wd / "config.yaml"), *argv[1:]])
    out, err = capsys.readouterr()
    return code, out, err


def _add(wd: Path, *extra: str) -> list[str]:
    return ["add", "2503.17460", "--section", "6.3 Agent and Tool Use", "--readme", str(wd / "README.md"),
            "--metadata", str(ADD_METADATA), *extra]


# A command and the file of it that the fault hits.
COMMANDS: dict[str, tuple[Callable[[Path], list[str]], Callable[[Path], Path]]] = {
    "add in place": (lambda wd: _add(wd), lambda wd: wd / "README.md"),
    "add --output": (lambda wd: _add(wd, "--output", str(wd / "out" / "list.md")), lambda wd: wd / "out" / "list.md"),
    "scan --json": (lambda wd: ["scan", "--feed", DAY_23, "--json", str(wd / "out" / "p.json")],
                    lambda wd: wd / "out" / "p.json"),
    "scan state": (lambda wd: ["scan", "--feed", DAY_23], lambda wd: wd / "state" / "state.json"),
    "fetch state": (lambda wd: ["fetch", "--feed", DAY_23], lambda wd: wd / "state" / "state.json"),
    "run --dry-run --json": (lambda wd: ["run", "--dry-run", "--feed", DAY_23, "--json", str(wd / "out" / "r.json")],
                             lambda wd: wd / "out" / "r.json"),
}


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_failed_write_is_one_line_and_the_old_file(
    wd: Path, capsys: pytest.CaptureFixture[str], command: str, fault: str
) -> None:
    argv, target_of = COMMANDS[command]
    target = target_of(wd)
    target.parent.mkdir(exist_ok=True)
    if not target.exists():
        target.write_bytes(b"the old bytes\n")
    before = snapshot(wd)
    with failing(target, fault) as faults:
        code, _, err = cli(wd, capsys, *argv(wd))
    assert faults.fired
    line = one_error(err)
    assert str(target) in line and CAUSE[fault] in line
    # A read-only folder is found by the probe before the work (a usage error, exit 2); the rest at the write.
    assert code == (2 if fault == "read-only folder" else 1)
    after = snapshot(wd)
    assert after[str(target.relative_to(wd))] == before[str(target.relative_to(wd))]
    assert not temps(wd)
    if target.name != "state.json":  # scan writes the proposals first: a failed one must not mark them seen
        state = str(Path("state") / "state.json")
        assert after[state] == before[state]
    code, _, err = cli(wd, capsys, *argv(wd))
    assert code == 0 and "error" not in err  # the same command, disk fixed: it does its work in full
    assert snapshot(wd)[str(target.relative_to(wd))] != before[str(target.relative_to(wd))]


def test_a_state_that_cannot_be_saved_loses_no_proposal(wd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Killed (or a full disk) between the --json file and the state: the next scan proposes them again."""
    state = wd / "state" / "state.json"
    old = state.read_bytes()
    with failing(state, "disk full"):
        code, _, err = cli(wd, capsys, "scan", "--feed", DAY_23, "--json", str(wd / "first.json"))
    assert code == 1 and one_error(err) == f"paperbot: error: cannot write {state}: No space left on device"
    assert state.read_bytes() == old and not temps(wd)
    first = json.loads((wd / "first.json").read_text(encoding="utf-8"))
    assert len(first["proposals"]) == 3
    assert cli(wd, capsys, "scan", "--feed", DAY_23, "--json", str(wd / "second.json"))[0] == 0
    second = json.loads((wd / "second.json").read_text(encoding="utf-8"))
    assert second["proposals"] == first["proposals"]
    assert cli(wd, capsys, "scan", "--feed", DAY_23, "--json", "-")[1].count('"arxiv_id"') == 0  # now recorded


# ---------------------------------------------------------------- models/ and the evaluate report


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("name", [ARTIFACT, META])
def test_models_are_saved_both_or_neither(wd: Path, name: str, fault: str) -> None:
    models = wd / "models"
    model = ListModel.load(models, embedding_model=ENCODER_NAME)
    before = snapshot(models)
    changed = ListModel(meta={**model.meta, "readme_sha256": "0" * 64}, relevance=model.relevance,
                        sections=model.sections, entries=model.entries, section_layers=model.section_layers)
    with failing(models / name, fault) as faults, pytest.raises(PaperbotError) as err:
        changed.save(models)
    assert faults.fired and "\n" not in str(err.value)
    # a read-only folder is found by the probe of both files, before either is written: the first names it
    named = models / (ARTIFACT if fault == "read-only folder" else name)
    assert str(err.value).startswith(f"cannot write {named}: ") and CAUSE[fault] in str(err.value)
    assert snapshot(models) == before  # the other file is not new either, and no temp file stays


def test_train_on_a_full_disk_keeps_the_old_models(
    wd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command around it: ENOSPC half-way through meta.json, the second file train writes."""
    (wd / "README.md").write_text(README.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    before = snapshot(wd / "models")
    with failing(wd / "models" / META, "disk full"):
        code, _, err = cli(wd, capsys, "train", "--offline", "--no-estimate", "--readme", str(wd / "README.md"))
    assert code == 1
    assert one_error(err) == f"paperbot: error: cannot write {wd / 'models' / META}: No space left on device"
    assert snapshot(wd / "models") == before


def test_evaluate_on_a_full_disk_keeps_the_old_report(
    wd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = wd / "report"
    report.mkdir()
    (report / "report.md").write_text("old report")
    (report / "replay.png").write_bytes(b"old plot")
    with failing(report / "report.md", "disk full"):
        code, _, err = cli(wd, capsys, "evaluate", "--offline", "--feeds", str(FEEDS), "--holdout-from", "2503",
                           "--report", str(report))
    assert code == 1
    assert one_error(err) == f"paperbot: error: cannot write {report / 'report.md'}: No space left on device"
    assert snapshot(report) == {"replay.png": b"old plot", "report.md": b"old report"}


# ---------------------------------------------------------------- caches: a warning, never the run


def _shards(wd: Path) -> list[Path]:
    return sorted((wd / "emb").rglob("shard-*.npz"))


@pytest.mark.parametrize("fault", FAULTS)
def test_an_embedding_cache_that_cannot_be_written_costs_a_warning(
    wd: Path, capsys: pytest.CaptureFixture[str], fault: str
) -> None:
    shards = _shards(wd)
    folder = shards[0].parent
    with failing(folder / "shard", fault, prefix=".shard-") as faults:
        code, out, err = cli(wd, capsys, "scan", "--feed", DAY_23, "--json", "-", "--state", str(wd / "s.json"))
    assert code == 0 and faults.fired and "paperbot: error" not in err and "Traceback" not in err, err
    (warning,) = [line for line in err.splitlines() if line.startswith("WARNING")]
    assert CAUSE[fault] in warning and "the embeddings are kept for this run only" in warning
    assert _shards(wd) == shards and not temps(wd)
    assert len(json.loads(out)["proposals"]) == 3


def test_a_cut_shard_is_recomputed_not_read_wrong(wd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A shard cut short (a cache restored in part, a dying disk): the same proposals, the same scores."""
    argv = ("scan", "--feed", DAY_23, "--json", "-")
    code, clean, _ = cli(wd, capsys, *argv, "--state", str(wd / "a.json"))
    assert code == 0
    last = max(_shards(wd), key=lambda p: p.stat().st_mtime_ns)
    last.write_bytes(last.read_bytes()[: last.stat().st_size // 2])
    (last.parent / f".{last.name}.deadbeef.tmp").write_bytes(b"half a shard")  # and a write a kill cut short
    code, again, err = cli(wd, capsys, *argv, "--state", str(wd / "b.json"))
    assert code == 0 and json.loads(again) == json.loads(clean)
    assert f"damaged embedding cache file {last}" in err and "embedding 14 papers" in err
    assert last not in _shards(wd)
    for shard in _shards(wd):
        with np.load(shard) as doc:
            assert np.isfinite(doc["vectors"]).all()


@pytest.fixture
def api() -> Iterator[tuple[ArxivClient, ArxivServer]]:
    """The local stand-in of export.arxiv.org, answering every query with 1707.08567."""
    with ArxivServer() as server:
        url = server.api(Reply.api_fixture(TWO_IDS))
        yield ArxivClient(url, timeout=5, sleep=lambda s: None), server


def _api_config(wd: Path) -> Any:
    from bot.config import load_config

    config = load_config(wd / "config.yaml")
    return config.model_copy(update={"arxiv_api": config.arxiv_api.model_copy(update={"cache": wd / "api.jsonl"})})


OLD = Paper("1501.00001", "An old cached paper", "Its abstract.", authors=("A. Author",))


@pytest.mark.parametrize("fault", FAULTS)
def test_an_api_cache_that_cannot_be_written_costs_a_warning(
    wd: Path, api: tuple, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    config = _api_config(wd)
    save_cache(wd / "api.jsonl", [OLD])
    before = (wd / "api.jsonl").read_bytes()
    with failing(wd / "api.jsonl", fault) as faults, caplog.at_level(logging.WARNING, logger="paperbot.arxiv_api"):
        got = resolve(["1707.08567"], config, client=api[0])
    assert faults.fired and list(got.papers) == ["1707.08567"]
    (warning,) = [r.getMessage() for r in caplog.records]
    assert warning.startswith("could not update the arXiv cache: cannot write") and CAUSE[fault] in warning
    assert (wd / "api.jsonl").read_bytes() == before and not temps(wd)


def test_a_cut_api_cache_line_is_fetched_again(wd: Path, api: tuple, caplog: pytest.LogCaptureFixture) -> None:
    config = _api_config(wd)
    client, server = api
    resolve(["1707.08567"], config, client=client)
    whole = load_cache(wd / "api.jsonl")["1707.08567"]
    save_cache(wd / "api.jsonl", [OLD, whole])  # 1707.08567 the last line
    text = (wd / "api.jsonl").read_text(encoding="utf-8")
    (wd / "api.jsonl").write_text(text[: len(text) - 40], encoding="utf-8")  # the last line cut short
    with caplog.at_level(logging.WARNING, logger="paperbot.arxiv_api"):
        got = resolve(["1707.08567", "1501.00001"], config, client=ArxivClient(
            client.base_url, timeout=5, sleep=lambda s: None))
    assert got.papers["1707.08567"] == whole and got.from_api == 1 and got.from_cache == 1
    assert len(server.requests) == 2 and any("skipping a broken cache line" in r.getMessage() for r in caplog.records)
    assert load_cache(wd / "api.jsonl") == {"1707.08567": whole, "1501.00001": OLD}  # whole again


# ---------------------------------------------------------------- what a killed run leaves


def test_temp_files_a_killed_run_left_are_never_read(wd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """kill -9 between a temp file's write and its rename: the old file stays the file; the temp is junk."""
    argv = ("scan", "--feed", DAY_23, "--json", str(wd / "p.json"))
    state = wd / "state" / "state.json"
    leftovers = [state.parent / f".state.json.{n}.tmp" for n in ("k1ll3d", "0ld000")]
    for left in leftovers:
        left.write_text('{"version": 1, "seen": {"2504.99999": "2020-01-01"}}')  # whole, never used
    (wd / "models" / f".{ARTIFACT}.k1ll3d.tmp").write_bytes(b"half a pickle")
    hours_ago = state.stat().st_mtime - 2 * 3600
    os.utime(leftovers[1], (hours_ago, hours_ago))
    assert cli(wd, capsys, *argv)[0] == 0
    doc = json.loads(state.read_text(encoding="utf-8"))
    assert "2504.99999" not in doc["seen"] and len(json.loads((wd / "p.json").read_text())["proposals"]) == 3
    assert leftovers[0].exists() and not leftovers[1].exists()  # an hour old: swept; fresh: maybe another run's


def test_a_new_pickle_beside_the_old_meta_json_still_serves(wd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Killed between the two renames of a save: load reads the pickle alone, its own meta inside it."""
    (wd / "models" / META).write_text('{"readme_sha256": "an older training"}\n')
    code, out, _ = cli(wd, capsys, "scan", "--feed", DAY_23, "--json", "-")
    assert code == 0 and len(json.loads(out)["proposals"]) == 3


RUNNER = """
import os, signal, sys
from bot import embed
from tests.replay_support import ENCODER_NAME, HashingEncoder
real_load, real_replace = embed.load_encoder, os.replace
embed.load_encoder = lambda name, **kw: HashingEncoder() if name == ENCODER_NAME else real_load(name, **kw)
def replace(src, dst):
    if os.path.basename(dst) == sys.argv[1]:
        os.kill(os.getpid(), signal.SIGKILL)  # a real kill -9, at the worst moment: the temp file written whole
    real_replace(src, dst)
os.replace = replace
from bot.cli import main
from bot.errors import PaperbotError
raise SystemExit(main(sys.argv[2:]))
"""


def test_kill_9_before_the_state_rename_then_a_rerun(wd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A real SIGKILL (not an exception the code could catch) just before the state's rename."""
    state = wd / "state" / "state.json"
    old = state.read_bytes()
    argv = ["scan", "--config", str(wd / "config.yaml"), "--feed", DAY_23, "--json", str(wd / "p.json")]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, "-c", RUNNER, "state.json", *argv], cwd=wd, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == -9, done.stderr
    assert state.read_bytes() == old  # the old state, whole
    killed = json.loads((wd / "p.json").read_text(encoding="utf-8"))  # the proposals, whole
    assert len(temps(state.parent)) == 1
    assert main(argv) == 0
    assert json.loads((wd / "p.json").read_text(encoding="utf-8"))["proposals"] == killed["proposals"]
    assert len(json.loads(state.read_text(encoding="utf-8"))["seen"]) > len(json.loads(old)["seen"])
