import os
from pathlib import Path

import pytest

from bot.errors import PaperbotError
from bot.files import atomic_write_files, atomic_write_json, atomic_write_text, check_writable


def test_atomic_write_keeps_bytes_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "README.md"
    atomic_write_text(target, "a\r\nb\u00a0 \n🔥")
    assert target.read_bytes() == "a\r\nb\u00a0 \n🔥".encode()
    atomic_write_json(tmp_path / "s.json", {"b": 1, "a": [1]})
    assert (tmp_path / "s.json").read_text() == '{\n  "a": [\n    1\n  ],\n  "b": 1\n}\n'
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["README.md", "s.json", "sub"]


def test_failed_write_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "state.json"
    target.write_text("old")

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(PaperbotError, match=r"cannot write .*state\.json: No space left on device"):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_files_that_must_agree_are_all_new_or_all_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk while the second file is written: the first must not have been renamed into place."""
    pickle, meta = tmp_path / "model.pkl.gz", tmp_path / "meta.json"
    pickle.write_bytes(b"old models")
    meta.write_text("old meta")
    real_fsync, calls = os.fsync, []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(PaperbotError, match=r"^cannot write .*meta\.json: No space left on device$"):
        atomic_write_files([(pickle, b"new models"), (meta, b"new meta")])
    assert (pickle.read_bytes(), meta.read_text()) == (b"old models", "old meta")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meta.json", "model.pkl.gz"]
    monkeypatch.setattr(os, "fsync", real_fsync)
    atomic_write_files([(pickle, b"new models"), (meta, b"new meta")])
    assert (pickle.read_bytes(), meta.read_text()) == (b"new models", "new meta")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meta.json", "model.pkl.gz"]


@pytest.mark.parametrize("first_is_new", [False, True])
def test_a_rename_refused_after_another_puts_the_first_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_is_new: bool
) -> None:
    """meta.json made immutable (chattr +i) or a mount point: the pickle renamed just before it goes back."""
    pickle, meta = tmp_path / "model.pkl.gz", tmp_path / "meta.json"
    if not first_is_new:
        pickle.write_bytes(b"old models")
    meta.write_text("old meta")
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        if Path(dst) == meta and Path(src).name.startswith(".meta.json."):
            raise OSError(1, "Operation not permitted")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(PaperbotError, match=r"^cannot write .*meta\.json: Operation not permitted$"):
        atomic_write_files([(pickle, b"new models"), (meta, b"new meta")])
    expected = {"meta.json": b"old meta"} | ({} if first_is_new else {"model.pkl.gz": b"old models"})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == expected


def test_atomic_write_keeps_mode_of_existing_file_and_umask_for_new(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("old")
    readme.chmod(0o664)
    atomic_write_text(readme, "new")
    assert readme.stat().st_mode & 0o777 == 0o664
    old_umask = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "fresh.json", "{}")
    finally:
        os.umask(old_umask)
    assert (tmp_path / "fresh.json").stat().st_mode & 0o777 == 0o644


def test_check_writable_probes_without_leaving_anything(tmp_path: Path) -> None:
    check_writable(tmp_path / "out" / "deeper" / "p.json")  # folders the write would make are fine
    assert list(tmp_path.iterdir()) == []  # and the probe leaves nothing, not even them
    (tmp_path / "file").write_text("x")
    with pytest.raises(PaperbotError, match=r"cannot write .*file/sub/p\.json: .*file is not a folder"):
        check_writable(tmp_path / "file" / "sub" / "p.json")
    with pytest.raises(PaperbotError, match=r"cannot write .*: it is a folder"):
        check_writable(tmp_path)
    if Path("/proc/self").is_dir():  # Linux: root passes any permission check, yet /proc takes no files
        with pytest.raises(PaperbotError, match=r"cannot write /proc/paperbot/p\.json: "):
            check_writable(Path("/proc/paperbot/p.json"))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes anywhere: a read-only folder refuses nothing (the /proc case covers root)")
def test_check_writable_names_a_folder_without_write_permission(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(PaperbotError, match=r"cannot write .*p\.json: Permission denied"):
            check_writable(tmp_path / "p.json")
    finally:
        tmp_path.chmod(0o700)


def test_a_symlinked_file_is_written_through_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "lists" / "real.md"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "README.md"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    check_writable(link)  # probes the target's folder


def test_an_interrupted_write_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "state.json"
    target.write_text("old")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_text(target, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"] and target.read_text() == "old"


def test_temp_files_of_a_killed_run_are_swept_but_a_fresh_one_is_kept(tmp_path: Path) -> None:
    stale = tmp_path / ".model.pkl.gz.abc123.tmp"
    fresh = tmp_path / ".model.pkl.gz.def456.tmp"  # another run writing right now
    other = tmp_path / ".meta.json.abc123.tmp"
    for f in (stale, fresh, other):
        f.write_bytes(b"half")
    hours_ago = os.stat(stale).st_mtime - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    os.utime(other, (hours_ago, hours_ago))
    atomic_write_text(tmp_path / "model.pkl.gz", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".meta.json.abc123.tmp", ".model.pkl.gz.def456.tmp",
                                                          "model.pkl.gz"]


def test_a_rollback_link_of_an_old_file_is_not_swept_by_a_concurrent_write(tmp_path: Path) -> None:
    """A rollback link (atomic_write_files) is a second name of the old file, so it has the old file's mtime,
    hours old for models/; another run's write beside it must not take it for a killed run's temp file."""
    from bot.files import _link_old

    target = tmp_path / "model.pkl.gz"
    target.write_bytes(b"old models")
    hours_ago = os.stat(target).st_mtime - 2 * 3600
    os.utime(target, (hours_ago, hours_ago))
    link = _link_old(target)
    assert link and Path(link).read_bytes() == b"old models"
    atomic_write_text(tmp_path / "model.pkl.gz", "another run's models")
    assert Path(link).exists()


def test_a_pipe_or_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    """`--json /dev/stdout` or a FIFO: renaming a temp file over it would replace the node with a plain file."""
    import stat
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    check_writable(fifo)
    atomic_write_text(fifo, '{"ok": true}\n')
    reader.join(timeout=5)
    assert got == [b'{"ok": true}\n']
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still the pipe
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]  # no temp file beside it


def test_endless_or_huge_inputs_are_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """/dev/zero as the list, the config or the state: each read stops at its cap with the usual one line,
    instead of filling the memory until the machine kills the run."""
    from bot import listfile, state
    from bot.cli import main
    from bot.files import read_capped

    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 10)
    assert read_capped(small, 10) == b"x" * 10
    with pytest.raises(OSError, match="larger than 0 MB"):
        read_capped(small, 9)
    monkeypatch.setattr(listfile, "MAX_LIST_BYTES", 2**20)
    monkeypatch.setattr(state, "MAX_STATE_BYTES", 2**20)
    for argv, code in ((["sections", "--readme", "/dev/zero"], 1), (["--config", "/dev/zero", "sections"], 2),
                       (["fetch", "--feed", str(tmp_path / "none.xml"), "--state", "/dev/zero"], 1)):
        assert main(argv) == code
        err = capsys.readouterr().err
        assert err.startswith("paperbot: error: ") and err.count("\n") == 1
        assert "/dev/zero" in err and "larger than 1 MB, more than such a file ever holds" in err
