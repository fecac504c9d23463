"""Errors a user can cause. The CLI turns them into one line on stderr and an exit code."""

import signal
from collections.abc import Sequence


class PaperbotError(Exception):
    """A run failed for a reason the user can act on (exit code 1)."""

    exit_code = 1


class UsageError(PaperbotError):
    """Bad arguments or configuration (exit code 2)."""

    exit_code = 2


class ConfigError(UsageError):
    """config.yaml is missing, malformed or holds a value that is not allowed."""


class UnusableModels(PaperbotError):
    """models/ cannot serve this config (missing, unreadable, another embedding model): training fixes it.

    Its own class so `paperbot run --retrain` can train instead of stopping; `reason` and `fix` apart so
    it can say why without the advice, or add its own.
    """

    def __init__(self, reason: str, fix: str = "run `paperbot train`") -> None:
        super().__init__(f"{reason}; {fix}")
        self.reason, self.fix = reason, fix


class MissingSection(PaperbotError):
    """A proposal's section is not in the README being edited: an open PR's branch older than a heading
    renamed or added on the default branch (the models and the scan read the default branch)."""


class RateLimited(PaperbotError):
    """GitHub's rate limit: `base` says when it lifts; the message ends with what the run had changed by then.

    Its own class because every request after it fails too: steps that only warn on other errors (the
    candidates issue) stop the run on this one."""

    def __init__(self, base: str, aftermath: str) -> None:
        super().__init__(base + aftermath)
        self.base = base


class Cancelled(KeyboardInterrupt):
    """`paperbot run` stopped from outside: SIGINT (Ctrl-C; GitHub Actions sends it first when a run is cancelled,
    then SIGTERM) or SIGTERM. A KeyboardInterrupt, so every cleanup that undoes a half-made change on Ctrl-C (a
    bot branch without its PR, a file's rename) undoes it here too. done: what the run had changed that stays."""

    def __init__(self, signum: int, done: Sequence[str] = ()) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum, self.done = signum, list(done)

    @property
    def exit_code(self) -> int:
        return 128 + self.signum  # the shell's convention: 130 for SIGINT, 143 for SIGTERM

    def message(self, *, dry_run: bool = False) -> str:
        """One line: cancelled by what, and what the run leaves behind (never "nothing" after a write)."""
        what = f"{'dry run' if dry_run else 'run'} cancelled ({signal.Signals(self.signum).name})"
        if dry_run:
            return f"{what}; nothing was sent"
        if not self.done:
            return f"{what} before it changed anything on GitHub; the next run starts over"
        done = self.done[0] if len(self.done) == 1 else ", ".join(self.done[:-1]) + " and " + self.done[-1]
        return f"{what} before it finished; {done}, nothing will be proposed twice"


def connection_problem(exc: BaseException, host: str | None = None) -> tuple[str, bool]:
    """Why a request never got an answer, in words a user can act on, and whether asking again may help.

    requests nests the cause several exceptions deep ("HTTPSConnectionPool(...): Max retries exceeded ...
    (Caused by NameResolutionError(...))"); the user needs "cannot resolve rss.arxiv.org". A name that does
    not resolve (a typo, or no network at all) stays so for the minute of retries, so it is not retried; a
    temporary DNS failure, a refused or dropped connection may pass.
    """
    import socket
    import ssl

    where = host or "the server"
    seen: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and cause not in seen:
        seen.append(cause)
        cause = cause.__cause__ or cause.__context__ or getattr(cause, "reason", None)
        if not isinstance(cause, BaseException):
            cause = None
    for e in reversed(seen):  # the root cause first
        if isinstance(e, socket.gaierror):
            if e.errno == socket.EAI_AGAIN:
                return f"cannot resolve {where} (temporary DNS failure)", True
            return f"cannot resolve {where}: no such host, or no network", False
        if isinstance(e, ssl.SSLCertVerificationError):
            return f"TLS certificate of {where} not accepted ({e.verify_message or e.reason})", False
        if isinstance(e, ConnectionRefusedError):
            return f"{where} refused the connection", True
        if isinstance(e, ConnectionResetError):
            return f"{where} dropped the connection", True
    root = next((e for e in reversed(seen) if str(e)), exc)
    text = " ".join(str(root).split()) or type(root).__name__
    return f"connection failed: {text if len(text) <= 160 else text[:159] + '…'}", True
