"""Errors a user can cause. The CLI turns them into one line on stderr and an exit code."""


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
