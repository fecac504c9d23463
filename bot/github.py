"""Where proposals leave: a small Forge interface with a GitHub implementation and a dry-run one.

The run flow (bot/publish.py) talks to a Forge only. GitHubForge does it for real through PyGithub;
DryRunForge reads the local README/state and prints the diff and the PR exactly as they would be
sent. Dry run is a different Forge, not a flag tested inside the flow.

State between runs lives in the repository itself, so a fresh Action runner knows everything:
- the bot's PRs (found by label or branch prefix, read through the hidden marker in their body):
  open = not proposed again, closed unmerged = rejected for good, merged = on the list (a paper the
  maintainer took out before merging: rejected);
- a state file (papers seen) on a dedicated branch (github.state_branch), read and written through
  the contents API.
"""

from __future__ import annotations

import base64
import itertools
import json
import logging
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TextIO
from urllib.parse import urlparse

from bot.config import Config, github_settings, is_http_url
from bot.dashboard import Compose, Dashboard, is_dashboard, ticked
from bot.errors import MissingSection, PaperbotError, RateLimited, UsageError, connection_problem
from bot.papers import HeldBack, Proposal
from bot.render import (
    BodyParts,
    Names,
    OnBoard,
    paper_titles,
    parse_body,
    parse_marker,
    pr_body,
    pr_title,
    unified_diff,
)

if TYPE_CHECKING:
    from github.PullRequest import PullRequest
    from github.Repository import Repository

    from bot.state import State

log = logging.getLogger("paperbot.github")

LABEL_COLOR = "0e8a16"
LABEL_DESCRIPTION = "Papers proposed by paperbot"
MAX_BRANCH_SUFFIX = 20
# Reads plus writes of one run, with room for retries: below this the run would stop half-way.
MIN_RATE_BUDGET = 25
# A branch of a run that died before its PR holds one commit (a few after conflicts); more is someone's work.
MAX_ABANDONED_COMMITS = 20

# A README text and proposals -> the new text and the proposals written into it (not those on the list already).
Edit = Callable[[str, Sequence[Proposal]], tuple[str, list[Proposal]]]


@dataclass(frozen=True)
class BotPull:
    """A PR the bot opened, as later runs see it."""

    number: int
    url: str
    state: str  # "open" | "closed" (without merging) | "merged"
    branch: str
    ids: tuple[str, ...]
    title: str = ""
    paper_titles: tuple[tuple[str, str], ...] = ()  # (arXiv id, paper title) from the body's <details> blocks


class _PullCommit(NamedTuple):
    """A commit of a bot PR, as the checks on its branch and the papers of its commit messages read it."""

    sha: str
    parent: str | None  # the first parent: the fork point, for the PR's first commit
    author: str  # email
    committer: str  # email
    message: str


@dataclass
class Change:
    """What one run wants to publish: the proposals and how to write them into a README text."""

    proposals: list[Proposal]
    date: str  # YYYY-MM-DD
    edit: Edit
    mode: str = "single"  # "single" | "per-paper"
    held_back: list[HeldBack] = field(default_factory=list)  # named in the body of the first PR the run publishes
    # The candidates issue this run writes after publishing (None: off, or left as it is): that PR's body points
    # to it for the held-back papers it lists instead of naming them.
    board: OnBoard | None = None


@dataclass
class Published:
    """One PR opened, updated or (dry run) printed."""

    action: str  # "opened" | "updated" | "dry-run"
    branch: str
    ids: list[str]
    url: str | None = None
    number: int | None = None
    title: str = ""
    body: str = ""
    diff: str = ""
    sections: dict[str, list[str]] = field(default_factory=dict)  # id -> its section as the PR's README names it
    # How the README of the PR names a section after this run's commit, as its body named them: the job summary
    # names the same papers' sections, and must say `(31)` where the body does (None: the body named none anew)
    names: Names | None = field(default=None, repr=False, compare=False)


class Forge(Protocol):
    readme_source: str  # where read_readme() reads, for messages: "README.md on owner/name"

    def read_readme(self) -> str: ...
    def bot_pulls(self) -> list[BotPull]: ...
    def load_state(self) -> State: ...
    def save_state(self, state: State) -> None: ...
    def publish(self, change: Change) -> list[Published]: ...
    def read_dashboard(self) -> Dashboard | None: ...
    def write_dashboard(self, compose: Compose, current: Dashboard | None) -> Dashboard | None: ...
    def changes(self) -> list[str]: ...  # what this run changed that stays, for a cancelled run's line


def _groups(change: Change) -> list[list[Proposal]]:
    if change.mode == "per-paper":
        return [[p] for p in change.proposals]
    return [list(change.proposals)]


def _held_back(change: Change, published: Sequence[Published]) -> list[HeldBack]:
    """Held-back papers go into the first PR this run publishes only: once is enough for a maintainer to see them.
    The first PR published, not the first group's: a group whose papers a maintainer added to the list while the
    run worked opens no PR, and the line would be in none."""
    return [] if published else change.held_back


def _title(proposals: Sequence[Proposal], count: int, date: str, mode: str) -> str:
    """A PR of one paper is named for it, as a person's PR would be: in the list of PRs, "Add 1 paper
    (2025-03-18)" and "Add 1 paper (2025-03-20)" say nothing about what either holds."""
    if len(proposals) == 1 and (mode == "per-paper" or count == 1):
        return pr_title(1, date, paper_title=proposals[0].paper.title)
    return pr_title(count, date)


def _commit_message(proposals: Sequence[Proposal], readme_path: str) -> str:
    noun = "paper" if len(proposals) == 1 else "papers"
    lines = [f"Add {len(proposals)} {noun} to {readme_path}", ""]
    lines += [f"- {p.paper.arxiv_id} {p.paper.title} -> {' > '.join(p.section.path)}" for p in proposals]
    return "\n".join(lines) + "\n"


def _names(readme: str, source: str) -> Names:
    """How a README names a section, for a PR body whose sections must read as its diff writes them."""
    from bot.listfile import parse_list

    return parse_list(readme, source).named


# ---------------------------------------------------------------------------------------------- dry run


class _BranchTouched(PaperbotError):
    """A bot PR's branch got a commit that is not the bot's while this run was writing to it."""


class DryRunForge:
    """Touches nothing remote: reads the local README and state, prints what GitHub would receive."""

    def __init__(self, *, readme_text: str, state: State, readme_path: str = "README.md",
                 out: TextIO | None = None, pulls: Sequence[BotPull] = (), branch_prefix: str = "paperbot/",
                 readme_source: str = "the list README", dashboard: Dashboard | PaperbotError | None = None) -> None:
        """dashboard: the repository's candidates issue, or the error reading it gave (raised again when the run
        asks, so a dry run says what the real run would)."""
        self.readme_text = readme_text
        self.dashboard = dashboard
        self.readme_source = readme_source
        self.branch_prefix = branch_prefix
        self.state = state
        self.readme_path = readme_path
        self.out = out or sys.stdout
        self.pulls = list(pulls)

    def __repr__(self) -> str:
        return f"DryRunForge(readme_path={self.readme_path!r})"

    def read_readme(self) -> str:
        return self.readme_text

    def bot_pulls(self) -> list[BotPull]:
        return list(self.pulls)

    def load_state(self) -> State:
        return self.state

    def save_state(self, state: State) -> None:
        log.info("dry run: state not saved")

    def changes(self) -> list[str]:
        return []  # a dry run sends nothing

    def publish(self, change: Change) -> list[Published]:
        out: list[Published] = []
        for proposed in _groups(change):
            new_text, group = change.edit(self.readme_text, proposed)
            if not group:
                continue  # on the list already, as a real run would find it
            ids = [p.paper.arxiv_id for p in group]
            suffix = f"-{ids[0]}" if change.mode == "per-paper" else ""
            title = _title(group, len(group), change.date, change.mode)
            names = _names(new_text, self.readme_path)
            body = pr_body(group, readme_path=self.readme_path, held_back=_held_back(change, out), date=change.date,
                           board=change.board, names=names)
            diff = unified_diff(self.readme_text, new_text, self.readme_path)
            self.out.write(f"=== README change ({self.readme_path}) ===\n{diff}\n")
            self.out.write(f"=== PR title ===\n{title}\n\n=== PR body ===\n{body}\n")
            branch = f"{self.branch_prefix}{change.date}{suffix}"
            out.append(Published("dry-run", branch, ids, title=title, body=body, diff=diff, names=names,
                                 sections={p.paper.arxiv_id: list(p.section.path) for p in group}))
        return out

    def read_dashboard(self) -> Dashboard | None:
        if isinstance(self.dashboard, PaperbotError):
            raise self.dashboard
        return self.dashboard

    def write_dashboard(self, compose: Compose, current: Dashboard | None) -> Dashboard | None:
        what = f"would update #{current.number}" if current is not None else "would open it"
        self.out.write(f"=== candidates issue ({what}) ===\n{compose(ticked(current.body) if current else ())}\n")
        return None


# ---------------------------------------------------------------------------------------------- GitHub


def _rate_limit_reset(exc: Any) -> str | None:
    """When a rate-limit answer (403/429) lifts: "at <UTC time>" or "in N s"; None when it is not one.

    GitHub's docs: wait retry-after seconds when it is sent (a secondary limit sends it while the primary
    window still has requests left, so that window's x-ratelimit-reset says nothing); x-ratelimit-reset
    when the primary window is used up (remaining 0, the later of the two) or there is no retry-after.
    """
    headers = {k.lower(): v for k, v in (getattr(exc, "headers", None) or {}).items()}
    data = getattr(exc, "data", None)
    message = str(data.get("message", "")).lower() if isinstance(data, dict) else ""
    limited = getattr(exc, "status", None) in (403, 429) and (
        headers.get("x-ratelimit-remaining") == "0" or "retry-after" in headers or "rate limit" in message
    )
    if not limited:
        return None
    reset = None
    with suppress(KeyError, ValueError, OverflowError, OSError):
        reset = datetime.fromtimestamp(int(headers["x-ratelimit-reset"]), tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    retry_after = str(headers.get("retry-after", "")).strip()
    if reset is not None and (headers.get("x-ratelimit-remaining") == "0" or not retry_after):
        return f"at {reset}"
    if retry_after.isdigit():
        return f"in {int(retry_after)} s"
    if retry_after:
        return f"after {retry_after}"  # an HTTP date
    return "at an unknown time"


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _page_text(page: str) -> str:
    """What an HTML error page (a proxy's 502, a maintenance page) says: its title or heading, else its text."""
    m = re.search(r"<(title|h1)[^>]*>(.*?)</\1>", page, re.S | re.I)
    text = m.group(2) if m else re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S | re.I)
    return _one_line(re.sub(r"<[^>]*>", " ", text), 120)


def _message(exc: Any) -> str:
    """GitHub's message of an error answer, on one line; the status text when the body says nothing."""
    data = getattr(exc, "data", None)
    if isinstance(data, dict):
        msg = str(data.get("message") or "").replace("\n", " ")
        errors = data.get("errors") or []
        details = "; ".join(str(e.get("message") or e.get("code")) for e in errors if isinstance(e, dict))
        if msg or details:
            return f"{msg} ({details})" if details else msg
        raw = data.get("data")  # PyGithub's wrapper of a body that is not JSON
        text = _page_text(raw) if isinstance(raw, str) else ""
    else:
        text = _one_line(str(data)) if data else ""
    if text:
        return text
    try:
        return HTTPStatus(int(getattr(exc, "status", None) or 0)).phrase
    except ValueError:
        return _one_line(str(exc)) or type(exc).__name__


def _settings_error(api_url: str, token: str, *, url_setting: str, token_setting: str) -> str | None:
    """Why the API URL or the token cannot work, naming the setting (never showing the token); None if fine.

    Checked before PyGithub sees them: it would fail with an assertion, an AttributeError or a
    UnicodeEncodeError deep inside, or send a header that requests refuses as "cannot reach".
    """
    if not is_http_url(api_url):
        hint = f"; did you mean 'https://{api_url}'?" if "://" not in api_url else ""
        return (f"{url_setting}={api_url!r} is not an http(s) URL with a host, like https://api.github.com or "
                f"https://ghe.example.com/api/v3{hint}")
    if any(c.isspace() for c in token):
        return f"{token_setting} contains a space or a line break (copied with the token?); set it to the token alone"
    if not all(33 <= ord(c) < 127 for c in token):
        return (f"{token_setting} contains a character no GitHub token has (a non-ASCII character such as a curly "
                "quote, or a control character); copy the token again")
    return None


# Where the API URL and the token come from, for their error lines (from_config knows which one it was).
_SETTINGS = ("GITHUB_API_URL (github.api_url)", "GITHUB_TOKEN (github.token)")


# A paper line of the bot's commit message (_commit_message): "- 2504.12687 Title -> 6. Areas > 6.2 Code".
_COMMIT_PAPER_RE = re.compile(r"^- (?P<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7}) (?P<title>.+) -> .+$", re.M)
# How many recently updated open issues a run reads for the candidates marker when none carries the label.
_UNLABELLED_LOOKUP = 100
# What follows the prefix in a branch the bot names: the run's date, then "-2" or "-<arXiv id>" (per-paper).
_BRANCH_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:-[0-9A-Za-z./_-]+)?$")


class GitHubForge:
    """PRs on one repository through PyGithub (works with github.com, Enterprise and the test stand-in)."""

    def __init__(self, config: Config, *, repository: str, api_url: str, token: str, retry: Any = "default",
                 timeout: int = 30, settings: tuple[str, str] = _SETTINGS) -> None:
        """settings: where api_url and token came from, named in the error when they cannot work."""
        from github import Auth, Github, InputGitAuthor
        from urllib3.util.retry import Retry

        problem = _settings_error(api_url, token, url_setting=settings[0], token_setting=settings[1])
        if problem:
            raise UsageError(problem)
        if retry == "default":
            # Only idempotent reads are retried, on server errors; rate limits are reported, never slept on
            # (urllib3 would otherwise sleep whatever Retry-After a 429/503 asks, an hour as well).
            retry = Retry(total=3, backoff_factor=1.0, status_forcelist=(500, 502, 503, 504),
                          allowed_methods=frozenset({"GET"}), raise_on_status=False,
                          respect_retry_after_header=False)
        self.config = config
        self.gh = config.github
        self.repository = repository
        self.owner = repository.split("/")[0]
        self.readme_source = f"{self.gh.readme_path} on {repository}"
        self.api_url = api_url.rstrip("/")
        self._github = Github(
            base_url=self.api_url, auth=Auth.Token(token), retry=retry, per_page=100, timeout=timeout,
            seconds_between_requests=config.github.seconds_between_requests or None,
            seconds_between_writes=config.github.seconds_between_writes or None,
        )
        self._bot = InputGitAuthor(self.gh.commit_name, self.gh.commit_email)
        self._repo: Repository | None = None
        self._pulls: list[BotPull] | None = None
        self._commits: dict[int, list[_PullCommit]] = {}
        self._created_branches: list[str] = []
        self._done: list[str] = []  # what this run changed that stays: said in any error that follows
        self._maybe_opened = False  # a POST /pulls was sent and its outcome is unknown

    @classmethod
    def from_config(cls, config: Config, environ: dict[str, str] | None = None, **kwargs: Any) -> GitHubForge:
        repository, api_url, token = github_settings(config, environ)
        if not token:
            raise UsageError("no GitHub token: set GITHUB_TOKEN (or github.token in config), or use --dry-run")
        if not repository:
            raise UsageError("no target repository: set GITHUB_REPOSITORY=owner/name (or github.repository in config)")
        if repository.count("/") != 1 or not all(repository.split("/")):
            raise UsageError(f"GITHUB_REPOSITORY={repository!r} must look like owner/name")
        settings = ("github.api_url" if config.github.api_url else "GITHUB_API_URL",
                    "github.token" if config.github.token else "GITHUB_TOKEN")
        return cls(config, repository=repository, api_url=api_url, token=token, settings=settings, **kwargs)

    def __repr__(self) -> str:
        return f"GitHubForge(repository={self.repository!r}, api_url={self.api_url!r})"

    # ------------------------------------------------------------------ errors

    def _note(self, change: str) -> None:
        """Remember a change that outlives this run, for the error messages that may follow it."""
        if change not in self._done:
            self._done.append(change)

    def changes(self) -> list[str]:
        """What this run changed that outlives it ("PR #3 was already opened (url)"), said when it is cancelled."""
        return list(self._done)

    def _aftermath(self, rerun: str) -> str:
        """The end of an error message: what is already changed, so "nothing was changed" is never a lie."""
        if not self._done:
            return f"; nothing was changed, {rerun}"
        done = self._done[0] if len(self._done) == 1 else ", ".join(self._done[:-1]) + " and " + self._done[-1]
        return f"; {done}, nothing will be proposed twice; {rerun}"

    @contextmanager
    def _after_writes(self) -> Iterator[None]:
        """An error after this run changed something says what; a rate limit's tail is brought up to date
        (a branch that could not be deleted after it is a change too)."""
        try:
            yield
        except RateLimited as exc:
            exc.args = (exc.base + self._aftermath("run again after that"),)
            raise
        except PaperbotError as exc:
            if self._done:
                exc.args = (f"{exc}{self._aftermath('run again')}",)
            raise

    @contextmanager
    def _calls(self, what: str) -> Iterator[None]:
        """Every PyGithub call goes through here: GitHub errors become one line, never a traceback."""
        from github.GithubException import BadCredentialsException, GithubException, UnknownObjectException
        from requests.exceptions import RequestException

        try:
            yield
        except PaperbotError:
            raise
        except BadCredentialsException:
            raise PaperbotError(
                f"GitHub rejected the token while trying to {what} (401 Bad credentials); check GITHUB_TOKEN"
            ) from None
        except UnknownObjectException as exc:
            where = "" if self.repository in what else f" on {self.repository}"
            raise PaperbotError(
                f"GitHub: not found while trying to {what}{where} ({_message(exc)}); check "
                "GITHUB_REPOSITORY and that the token can access it"
            ) from None
        except GithubException as exc:
            reset = _rate_limit_reset(exc)
            if reset is not None:
                raise RateLimited(f"GitHub rate limit exceeded while trying to {what}; it resets {reset}",
                               self._aftermath("run again after that")) from None
            raise PaperbotError(f"GitHub error {exc.status} while trying to {what}: {_message(exc)}") from None
        except RequestException as exc:
            problem, _ = connection_problem(exc, urlparse(self.api_url).netloc)
            raise PaperbotError(f"cannot reach the GitHub API at {self.api_url} to {what}: {problem}") from None
        except Exception as exc:
            # PyGithub trusts the answer's shape: a cut-off JSON body, an HTML page where JSON belongs or a
            # null file content end up as JSONDecodeError, KeyError or AssertionError deep inside it.
            log.debug("unexpected answer from the GitHub API while trying to %s", what, exc_info=True)
            raise PaperbotError(f"unexpected answer from the GitHub API at {self.api_url} while trying to {what}: "
                                f"{type(exc).__name__}: {_one_line(str(exc), 120)}") from None

    @property
    def repo(self) -> Repository:
        if self._repo is None:
            with self._calls(f"read repository {self.repository}"):
                self._repo = self._github.get_repo(self.repository)
        return self._repo

    @property
    def base_branch(self) -> str:
        if self.gh.base_branch:
            return self.gh.base_branch
        repo = self.repo
        with self._calls(f"read repository {self.repository}"):
            return repo.default_branch

    # ------------------------------------------------------------------ reading

    def read_readme(self, ref: str | None = None) -> str:
        text, _ = self._read_file(self.gh.readme_path, ref or self.base_branch)
        if text is None:
            raise PaperbotError(f"{self.repository}: {self.gh.readme_path} not found on {ref or self.base_branch} "
                                "(set github.readme_path)")
        return text

    def _read_file(self, path: str, ref: str) -> tuple[str | None, str | None]:
        from github.GithubException import UnknownObjectException

        with self._calls(f"read {path} on {ref}"):
            try:
                content = self.repo.get_contents(path, ref=ref)
            except UnknownObjectException:
                return None, None
            if isinstance(content, list):
                raise PaperbotError(f"{self.repository}: {path} on {ref} is a directory, not a file")
            sha = content.sha
            if content.encoding == "none" and sha:
                # Over 1 MB the contents API leaves the content out (encoding "none"): a state file kept for
                # months grows past that. The blob API serves up to 100 MB, always in base64.
                data = base64.b64decode(self.repo.get_git_blob(sha).content)
            else:
                data = content.decoded_content
        try:
            return data.decode("utf-8"), sha
        except UnicodeDecodeError as exc:
            raise PaperbotError(f"{self.repository}: {path} on {ref} is not UTF-8 text (byte {exc.start}); fix or "
                                "delete it") from None

    def bot_pulls(self) -> list[BotPull]:
        """Every PR the bot opened (open, closed, merged), newest first, with the ids of its marker."""
        if self._pulls is not None:
            return list(self._pulls)
        labels = set(self.gh.labels)
        found: list[BotPull] = []
        with self._calls("list pull requests"):
            for pr in self.repo.get_pulls(state="all", sort="created", direction="desc"):
                ids = parse_marker(pr.body)
                titles = paper_titles(pr.body)
                if ids is None:
                    if pr.state == "open" or not pr.head.ref.startswith(self.gh.branch_prefix):
                        continue  # an open one is left to the human who rewrote it (the bot opens a new PR)
                    # The bot's branch, the description rewritten by hand (the marker with it, "closing: off
                    # topic"): its own commits still name the papers, so a close is still a no.
                    titles = self._commit_papers(pr)
                    if not titles:
                        continue
                    ids = list(titles)
                ours = pr.head.ref.startswith(self.gh.branch_prefix) or labels & {lb.name for lb in pr.labels}
                if not ours:
                    continue
                state = "open" if pr.state == "open" else ("merged" if pr.merged_at is not None else "closed")
                found.append(BotPull(pr.number, pr.html_url, state, pr.head.ref, tuple(ids), pr.title,
                                     tuple(titles.items())))
        self._pulls = found
        return list(found)

    # ------------------------------------------------------------------ state on a branch

    def load_state(self) -> State:
        from bot.state import State

        text, _ = self._read_file(self.gh.state_file, self.gh.state_branch) if self._branch_sha(
            self.gh.state_branch) else (None, None)
        if text is None:
            log.info("no state on branch %s yet: starting empty", self.gh.state_branch)
            return State()
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PaperbotError(f"{self.repository}@{self.gh.state_branch}:{self.gh.state_file} is not valid JSON "
                                f"({exc}); fix or delete it") from None
        return State.from_json(doc, where=f"{self.repository}@{self.gh.state_branch}:{self.gh.state_file}")

    def save_state(self, state: State) -> None:
        """Write state.json on the state branch; a concurrent writer's entries are merged, not lost."""
        from bot.state import State

        branch, path = self.gh.state_branch, self.gh.state_file
        with self._after_writes():
            if self._branch_sha(branch) is None:
                with self._calls(f"create branch {branch}"):
                    self.repo.create_git_ref(f"refs/heads/{branch}", self._branch_sha(self.base_branch) or "")
                self._note(f"branch {branch} was created")
            for attempt in range(self.gh.max_retries + 1):
                text, sha = self._read_file(path, branch)
                if text is not None:
                    try:
                        _merge_state(state, State.from_json(json.loads(text)))
                    except (json.JSONDecodeError, PaperbotError):
                        log.warning("state on %s was unreadable; overwriting it", branch)
                new_text = json.dumps(state.to_json(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
                if new_text == text:
                    return
                if self._put_file(path, "paperbot: update state", new_text, sha, branch, attempt):
                    log.info("state saved to %s@%s:%s", self.repository, branch, path)
                    self._note("the state was saved")  # the run's last write: a run cancelled after it is done
                    return
            raise PaperbotError(f"state on {branch} kept changing; gave up after {self.gh.max_retries + 1} attempts")

    # ------------------------------------------------------------------ writing

    def _branch_sha(self, branch: str) -> str | None:
        from github.GithubException import UnknownObjectException

        with self._calls(f"read branch {branch}"):
            try:
                return self.repo.get_git_ref(f"heads/{branch}").object.sha
            except UnknownObjectException:
                return None

    def _put_file(self, path: str, message: str, text: str, sha: str | None, branch: str, attempt: int) -> bool:
        """False when the file changed under us (409, or 422 on a stale or missing sha): re-read and try again.

        Any other 422 (a validation error) is GitHub refusing the write for good: retrying cannot help.
        """
        from github.GithubException import GithubException

        with self._calls(f"commit {path} on {branch}"):
            try:
                if sha is None:
                    self.repo.create_file(path, message, text, branch=branch, committer=self._bot, author=self._bot)
                else:
                    self.repo.update_file(path, message, text, sha, branch=branch, committer=self._bot,
                                          author=self._bot)
            except GithubException as exc:
                stale = exc.status == 409 or (
                    exc.status == 422 and re.search(r"does not match|\bsha\b", _message(exc).lower()) is not None)
                if stale and _rate_limit_reset(exc) is None:
                    log.warning("%s changed on %s while editing (HTTP %d, attempt %d/%d); re-reading",
                                path, branch, exc.status, attempt + 1, self.gh.max_retries + 1)
                    return False
                raise
        return True

    def _commit_readme(self, branch: str, proposals: Sequence[Proposal], edit: Edit,
                       pull: int | None = None) -> tuple[list[Proposal], str]:
        """Read the README on the branch, apply, commit; re-read and re-apply if it moved. Returns the proposals
        the commit wrote (none: nothing to add), so the PR names no paper its diff does not add, and the README the
        branch holds then, which the PR body names sections as.

        pull: the open PR whose branch this is. There a README that moved means someone pushed to the branch
        during this run: _BranchTouched, since the bot writes only on branches that hold its own commits alone.
        """
        path = self.gh.readme_path
        for attempt in range(self.gh.max_retries + 1):
            if attempt and pull is not None:
                self._commits.pop(pull, None)  # read them again: who moved it?
                if self._is_foreign(pull):
                    raise _BranchTouched(f"someone else pushed to {branch} during this run")
            text, sha = self._read_file(path, branch)
            if text is None:
                raise PaperbotError(f"{self.repository}: {path} not found on {branch} (set github.readme_path)")
            new_text, written = edit(text, proposals)
            if new_text == text or not written:
                return [], text
            if self._put_file(path, _commit_message(written, path), new_text, sha, branch, attempt):
                return written, new_text
        raise PaperbotError(f"{path} kept changing on {branch}; gave up after {self.gh.max_retries + 1} attempts "
                            "(github.max_retries)")

    def _check_budget(self) -> None:
        """Stop before the first write when the rate limit could not cover the run (no half-made PR).

        GitHub Enterprise with rate limiting turned off answers 404 ("Rate limiting is not enabled."): no limit.
        """
        from github.GithubException import GithubException

        with self._calls("read the rate limit"):
            try:
                core = self._github.get_rate_limit().resources.core
            except GithubException as exc:
                if exc.status != 404:
                    raise
                log.info("no rate limit on this GitHub (%s)", _message(exc))
                return
            remaining, reset = core.remaining, core.reset
        if remaining < MIN_RATE_BUDGET:
            when = reset.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            raise RateLimited(f"GitHub rate limit nearly exhausted ({remaining} requests left); it resets at {when}",
                           self._aftermath("run again after that"))

    def _commit_papers(self, pr: PullRequest) -> dict[str, str]:
        """arXiv id -> title of the papers the bot's own commits on a PR added (`- ID Title -> section`)."""
        papers: dict[str, str] = {}
        for commit in self._pull_commits(pr.number, pr):
            if commit.author != self.gh.commit_email:
                continue
            for m in _COMMIT_PAPER_RE.finditer(commit.message):
                papers.setdefault(m.group("id"), m.group("title"))
        return papers

    def _pull_commits(self, number: int, pr: PullRequest | None = None) -> list[_PullCommit]:
        """A PR's commits, oldest first; read once a run. pr: the PR as listed already (no request to read it
        again)."""
        if number not in self._commits:
            with self._calls(f"read the commits of PR #{number}"):
                self._commits[number] = [
                    _PullCommit(c.sha, c.parents[0].sha if c.parents else None, c.commit.author.email,
                                c.commit.committer.email, c.commit.message or "")
                    for c in (pr or self.repo.get_pull(number)).get_commits()
                ]
        return self._commits[number]

    def _is_foreign(self, number: int) -> bool:
        """Someone else pushed to the bot's PR branch: a commit not authored and committed by the bot."""
        for commit in self._pull_commits(number):
            if commit.author != self.gh.commit_email or commit.committer != self.gh.commit_email:
                log.info("PR #%d has a commit by %s: leaving it alone", number, commit.author)
                return True
        return False

    def _ensure_labels(self, pr: PullRequest) -> None:
        from github.GithubException import GithubException, UnknownObjectException

        if not self.gh.labels:
            return
        with self._calls("label the pull request"):
            for name in self.gh.labels:
                try:
                    self.repo.get_label(name)
                except UnknownObjectException:
                    try:
                        self.repo.create_label(name, LABEL_COLOR, LABEL_DESCRIPTION)
                    except GithubException as exc:
                        if exc.status != 422:  # created meanwhile
                            raise
            pr.add_to_labels(*self.gh.labels)

    def _claim_branch(self, name: str, base_sha: str) -> str:
        """Create `name` (or name-2, name-3...) at base_sha. An existing branch is reused only if no bot PR was
        ever made from it and it holds no commits but the bot's (what a run that died before its PR leaves)."""
        used = {p.branch for p in self.bot_pulls()}
        self._sweep_leftovers(name, used, base_sha)
        for n in range(1, MAX_BRANCH_SUFFIX + 1):
            branch = name if n == 1 else f"{name}-{n}"
            if branch in used:
                continue
            if self._create_branch(branch, base_sha):
                self._created_branches.append(branch)
                return branch
            if self._abandoned(branch, base_sha):
                log.info("branch %s already exists with no commits but the bot's and no pull request: reusing it",
                         branch)
                with self._calls(f"move branch {branch}"):
                    self.repo.get_git_ref(f"heads/{branch}").edit(base_sha, force=True)
                return branch
            log.info("branch %s already exists with other work: trying the next name", branch)
        raise PaperbotError(f"branches {name} to {name}-{MAX_BRANCH_SUFFIX} all exist; delete old bot branches")

    def _sweep_leftovers(self, name: str, used: set[str], base_sha: str) -> None:
        """Delete the bot branches an earlier day's failed run left without a PR (bot commits only): a run
        reuses one only under its own day's name, so without this they would pile up for good. Best effort.

        Only names the bot makes (prefix + an earlier date, as `paperbot/2025-05-20` or `...-2504.12345`),
        never one a PR was opened from, nor one with anyone else's commit.
        """
        prefix = self.gh.branch_prefix
        today = _BRANCH_DATE.match(name[len(prefix):])
        if today is None:
            return
        try:
            with self._calls("list bot branches"):
                refs = self.repo.get_git_matching_refs(f"heads/{prefix}")
                branches = [r.ref.removeprefix("refs/heads/") for r in refs]
        except RateLimited:
            raise  # every request after it would fail too: stop now, before any write
        except PaperbotError as exc:
            log.warning("could not list the bot's branches: %s", exc)
            return
        keep = used | {self.base_branch, self.gh.state_branch}
        for branch in branches:
            dated = _BRANCH_DATE.match(branch[len(prefix):]) if branch.startswith(prefix) else None
            if branch in keep or dated is None or dated.group(1) >= today.group(1):
                continue  # not the bot's name, or today's (claimed, and reused if abandoned, below)
            try:
                if not self._abandoned(branch, base_sha):
                    continue
                with self._calls(f"delete branch {branch}"):
                    self.repo.get_git_ref(f"heads/{branch}").delete()
                log.info("deleted branch %s: an earlier run left it without a pull request", branch)
            except RateLimited:
                raise
            except PaperbotError as exc:
                log.warning("could not clear branch %s, left by an earlier run: %s", branch, exc)

    def _pull_from(self, branch: str) -> bool:
        """Any PR, open or closed, bot's or a person's, from this branch."""
        with self._calls(f"look for a pull request from {branch}"):
            return next(iter(self.repo.get_pulls(state="all", head=f"{self.owner}:{branch}")), None) is not None

    def _create_branch(self, branch: str, base_sha: str) -> bool:
        """POST /git/refs: True when created, False when the branch exists already. When the answer is lost
        (5xx, dropped, cut off) GitHub may have created it all the same: look, or it would stay behind for good
        (the next day's run tries another name)."""
        from github.GithubException import GithubException

        refused = False
        try:
            with self._calls(f"create branch {branch}"):
                try:
                    self.repo.create_git_ref(f"refs/heads/{branch}", base_sha)
                    return True
                except GithubException as exc:
                    if exc.status == 422 and "already exists" in _message(exc).lower():
                        return False
                    refused = 400 <= exc.status < 500 and exc.status != 408
                    raise
        except PaperbotError as exc:
            if refused:
                raise
            lost = exc
        try:
            sha = self._branch_sha(branch)
        except PaperbotError:
            raise lost from None
        if sha is None:
            raise lost
        log.warning("%s; the branch exists all the same", lost)
        return sha == base_sha  # at another commit: it was there before (reused only if abandoned)

    def _abandoned(self, branch: str, base_sha: str) -> bool:
        """Nothing on the branch but base_sha's history and the bot's own commits, and no PR from it."""
        with self._calls(f"compare branch {branch} with {self.base_branch}"):
            comparison = self.repo.compare(base_sha, branch)
            if comparison.ahead_by > MAX_ABANDONED_COMMITS:
                return False
            for commit in comparison.commits:
                git = commit.commit
                if git.author.email != self.gh.commit_email or git.committer.email != self.gh.commit_email:
                    return False
        # Bot commits only (or none ahead: a PR's commits may be on main by now): a person may still have
        # opened a PR from it (without the bot's marker).
        return not self._pull_from(branch)

    def _delete_branch(self, branch: str, why: str = "created by this failed run") -> None:
        """Best effort: undo a branch this run created before failing (or before it found nothing to add)."""
        try:
            self.repo.get_git_ref(f"heads/{branch}").delete()
            log.info("deleted branch %s %s", branch, why)
        except Exception as exc:  # the original error is what the user must see
            log.warning("could not delete branch %s after the failure: %s", branch, type(exc).__name__)
            self._note(f"branch {branch} was left behind (the next run that opens a PR reuses or deletes it)")

    def publish(self, change: Change) -> list[Published]:
        with self._after_writes():
            self._check_budget()
            out: list[Published] = []
            for group in _groups(change):
                target = self._updatable_pull() if change.mode == "single" else None
                held = _held_back(change, out)
                pub = (self._update(target, group, change, held) if target is not None
                       else self._open(group, change, held))
                if pub is not None:
                    out.append(pub)
            return out

    def _updatable_pull(self) -> BotPull | None:
        for pr in self.bot_pulls():  # newest first
            if pr.state == "open" and pr.branch.startswith(self.gh.branch_prefix) and not self._is_foreign(pr.number):
                return pr
        return None

    def _open(self, group: list[Proposal], change: Change, held: Sequence[HeldBack] = ()) -> Published | None:
        """A new branch with the README commit and a PR from it; None when the papers are on the base already."""
        ids = [p.paper.arxiv_id for p in group]
        name = f"{self.gh.branch_prefix}{change.date}"
        if change.mode == "per-paper":
            name += f"-{ids[0]}"
        base = self.base_branch
        base_sha = self._branch_sha(base)
        if base_sha is None:
            raise PaperbotError(f"{self.repository}: base branch {base} not found (github.base_branch)")
        self._created_branches = []
        branch = self._claim_branch(name, base_sha)
        self._maybe_opened = False
        try:
            written, text = self._commit_readme(branch, group, change.edit)
            if not written:
                # A maintainer added them between the scan and now: nothing left to propose, not an error.
                log.info("%s: already in %s on %s (added during this run); no pull request needed",
                         ", ".join(ids), self.gh.readme_path, base)
                for created in self._created_branches:
                    self._delete_branch(created, "created by this run for them")
                return None
            if len(written) < len(group):
                # Some of them only: the PR names the papers its diff adds, the others are simply on the list.
                log.info("%s: already in %s on %s (added during this run); not in the pull request",
                         ", ".join(i for i in ids if i not in {p.paper.arxiv_id for p in written}),
                         self.gh.readme_path, base)
                ids = [p.paper.arxiv_id for p in written]
            group = written  # as the branch's README names their sections (`(40)` where the list said `(39)`)
            title = _title(group, len(group), change.date, change.mode)
            names = _names(text, self.gh.readme_path)
            body = pr_body(group, readme_path=self.gh.readme_path, held_back=held, date=change.date,
                           board=change.board, names=names)
            pr, number, url = self._create_pull(branch, base, title, body)
        except BaseException:
            if self._maybe_opened:
                # Deleting the head of a PR that GitHub did open closes it: that reads as a maintainer's "no".
                log.warning("kept branch %s: GitHub may have opened its pull request", branch)
                self._note(f"branch {branch} was kept (GitHub may have opened its PR; the next run finds the PR "
                           "or reuses the branch)")
            else:
                for created in self._created_branches:
                    self._delete_branch(created)
                if branch not in self._created_branches:
                    # Reused: already moved (maybe committed to), and not this run's to delete.
                    self._note(f"branch {branch}, left by an earlier run, was reused and left for the next run")
            raise
        self._note(f"PR #{number} was already opened ({url})")
        self._label_quietly(pr, number)
        log.info("opened PR #%d %s (%d paper(s), branch %s)", number, url, len(ids), branch)
        self._remember(BotPull(number, url, "open", branch, tuple(ids), title, tuple(paper_titles(body).items())))
        return Published("opened", branch, ids, url=url, number=number, title=title, body=body,
                         sections={p.paper.arxiv_id: list(p.section.path) for p in group}, names=names)

    def _create_pull(self, branch: str, base: str, title: str, body: str) -> tuple[PullRequest, int, str]:
        """POST /pulls. When the answer is lost (timeout, 5xx, a cut-off body) GitHub may have opened the PR all
        the same: look for it before calling it a failure. Only a clear 4xx means it was not opened (but "a pull
        request already exists" from this branch is looked for too)."""
        from github.GithubException import GithubException

        self._maybe_opened = True
        try:
            with self._calls(f"open a pull request from {branch}"):
                try:
                    pr = self.repo.create_pull(base=base, head=branch, title=title, body=body,
                                               draft=self.config.pr.draft, maintainer_can_modify=True)
                    return pr, pr.number, pr.html_url
                except GithubException as exc:
                    refused = 400 <= exc.status < 500 and exc.status != 408  # 408: the request timed out
                    if refused and "already exists" not in _message(exc).lower():
                        self._maybe_opened = False
                    raise
        except PaperbotError as exc:
            if not self._maybe_opened:
                raise
            lost = exc
        log.warning("%s; looking for the pull request in case GitHub opened it all the same", lost)
        try:
            with self._calls(f"look for a pull request from {branch}"):
                for pr in self.repo.get_pulls(state="open", head=f"{self.owner}:{branch}"):
                    log.info("GitHub did open PR #%d from %s", pr.number, branch)
                    return pr, pr.number, pr.html_url
        except PaperbotError as exc:
            log.warning("could not look: %s", exc)
            raise lost from None
        self._maybe_opened = False
        raise lost

    def _label_quietly(self, pr: PullRequest, number: int) -> None:
        try:
            self._ensure_labels(pr)
        except PaperbotError as exc:
            # The PR exists and its marker finds it again; a missing label is not worth failing the run.
            log.warning("could not label PR #%d: %s", number, exc)

    def _update(self, target: BotPull, group: list[Proposal], change: Change,
                held: Sequence[HeldBack] = ()) -> Published | None:
        """Add the group to an open bot PR: README commit on its branch, then its title and body.

        Read first: a PR merged or closed since the run listed the PRs must not get the commit (a maintainer's
        "no" would then take the new papers with it); they go to a new PR instead.
        """
        pr = self._still_open(target)
        if pr is None:
            return self._open(group, change, held)
        old_body, url = pr.body, pr.html_url
        earlier = parse_body(old_body) or BodyParts(ids=list(target.ids), rows=[], details=[])
        new = [p for p in group if p.paper.arxiv_id not in earlier.ids]
        if new:
            # A paper a maintainer added to the default branch during this run: the PR's branch, cut before that,
            # lacks it, and the commit would put it on the list a second time. It is simply on the list.
            _, missing = change.edit(self.read_readme(), new)
            if len(missing) < len(new):
                kept = {p.paper.arxiv_id for p in missing}
                log.info("%s: already in %s on %s (added during this run); %s", ", ".join(
                    p.paper.arxiv_id for p in new if p.paper.arxiv_id not in kept), self.gh.readme_path,
                    self.base_branch, f"not added to PR #{target.number}" if kept else
                    f"PR #{target.number} left as it is")
                if not kept:
                    return None
                new = missing
                group = [p for p in group if p.paper.arxiv_id in kept or p.paper.arxiv_id in earlier.ids]
        fresh = {p.paper.arxiv_id for p in new}
        unrecorded = [i for i in self._unrecorded(target, earlier.ids) if i not in fresh]
        if unrecorded:
            log.info("PR #%d: %s on its branch but not in its marker (a run failed before editing the body); "
                     "recording them", target.number, ", ".join(unrecorded))
            earlier = replace(earlier, ids=earlier.ids + unrecorded)
        try:
            written, text = (self._commit_readme(target.branch, new, change.edit, pull=target.number) if new
                             else ([], None))
            committed = bool(written)
            if committed:  # as the branch's README names their sections after the commit (`(40)` where `(39)`)
                renamed = {p.paper.arxiv_id: p for p in written}
                new = [renamed.get(p.paper.arxiv_id, p) for p in new]
        except (MissingSection, _BranchTouched) as exc:
            # A heading renamed on the default branch since the PR was cut, or a maintainer's push just now:
            # the new papers go to a new PR from the default branch; this one is left as it is.
            log.info("PR #%d: %s; opening a new pull request instead", target.number, exc)
            return self._open(group, change, held)
        if committed:
            self._note(f"PR #{target.number} was already updated ({url})")
            # Merged or closed while this run committed: the commit may have missed it, and its marker would not
            # name the new papers. Propose them again from the default branch (nothing, if they were merged in).
            pr = self._still_open(target)
            if pr is None:
                return self._open(group, change, held)
        ids = earlier.ids + [p.paper.arxiv_id for p in new]
        title = _title(group, len(ids), change.date, change.mode)
        names = _names(text, self.gh.readme_path) if text is not None else None
        body = pr_body(new, readme_path=self.gh.readme_path, earlier=earlier, held_back=held, date=change.date,
                       board=change.board, names=names)
        with self._calls(f"update PR #{target.number}"):
            pr.edit(title=title, body=body)
        self._note(f"PR #{target.number} was already updated ({url})")
        self._label_quietly(pr, target.number)
        log.info("updated PR #%d %s with %d paper(s)", target.number, url, len(new))
        self._remember(BotPull(target.number, url, "open", target.branch, tuple(ids), title,
                               tuple(paper_titles(body).items())))
        return Published("updated", target.branch, [p.paper.arxiv_id for p in new], url=url,
                         number=target.number, title=title, body=body,
                         sections={p.paper.arxiv_id: list(p.section.path) for p in new}, names=names)

    def _still_open(self, target: BotPull) -> PullRequest | None:
        """The PR read now; None (and remembered as merged or closed) when a maintainer ended it during this run."""
        with self._calls(f"read PR #{target.number}"):
            pr = self.repo.get_pull(target.number)
            state, merged = pr.state, pr.merged_at is not None
        if state == "open":
            return pr
        now = "merged" if merged else "closed"
        log.info("PR #%d was %s during this run: opening a new pull request instead", target.number, now)
        self._remember(replace(target, state=now))
        return None

    def _unrecorded(self, target: BotPull, recorded: Sequence[str]) -> list[str]:
        """Papers the PR's branch added to the README that its marker lacks.

        A run commits to the branch before it edits the body; when the edit fails (a rate limit) the paper is
        in the PR's diff but not in the marker later runs read. The branch's own additions are the ids in its
        README that were not there at its fork point (the parent of its first commit, all of them the bot's).
        """
        from bot.listfile import parse_list

        commits = self._pull_commits(target.number)
        fork = commits[0].parent if commits else None
        if fork is None:
            return []
        path = self.gh.readme_path
        before, _ = self._read_file(path, fork)
        after, _ = self._read_file(path, target.branch)
        if before is None or after is None:
            return []
        added = parse_list(after, path).arxiv_ids() - parse_list(before, path).arxiv_ids()
        return sorted(added - set(recorded))

    # ------------------------------------------------------------------ the candidates issue

    def read_dashboard(self) -> Dashboard | None:
        """The newest issue under dashboard.label with the candidates marker, open or closed (closed: a
        maintainer turned it off); None when there is none yet.

        Without a marker, the newest issue under the label with dashboard.title: a maintainer who edits the
        body and deletes the hidden marker with it still has one candidates issue, not a second one opened
        beside it; the next write puts the marker back.
        """
        dash = self.config.dashboard
        titled: Dashboard | None = None
        with self._calls("find the candidates issue"):
            for issue in self.repo.get_issues(state="all", labels=[dash.label], sort="created", direction="desc"):
                # GitHub lists pull requests as issues too; their page is /pull/N. (Not `issue.pull_request`:
                # PyGithub fetches the issue again to learn that a field is absent.)
                if "/pull/" in issue.html_url:
                    continue
                if is_dashboard(issue.body):
                    return Dashboard(issue.number, issue.html_url, issue.state, issue.body or "")
                if titled is None and issue.title == dash.title:
                    titled = Dashboard(issue.number, issue.html_url, issue.state, issue.body or "")
            if titled is None:
                # The label taken off by hand: the open issue with the marker among the recently updated ones (a
                # candidates issue is written or ticked most days), rather than a second issue beside it.
                for issue in itertools.islice(self.repo.get_issues(state="open", sort="updated", direction="desc"),
                                              _UNLABELLED_LOOKUP):
                    if "/pull/" not in issue.html_url and is_dashboard(issue.body):
                        log.info("the candidates issue #%d has lost its label %r: found by its marker; putting the "
                                 "label back", issue.number, dash.label)
                        return Dashboard(issue.number, issue.html_url, issue.state, issue.body or "", unlabelled=True)
        return titled

    def write_dashboard(self, compose: Compose, current: Dashboard | None) -> Dashboard | None:
        """Open the issue, or rewrite its body from the ticks it holds now (a box ticked during this run is
        kept for the next). Nothing is sent when the body would not change."""
        dash = self.config.dashboard
        with self._after_writes():
            if current is None:
                with self._calls("open the candidates issue"):
                    issue = self.repo.create_issue(title=dash.title, body=compose(()), labels=[dash.label])
                log.info("opened the candidates issue #%d %s", issue.number, issue.html_url)
                self._note(f"the candidates issue #{issue.number} was already opened ({issue.html_url})")
                return Dashboard(issue.number, issue.html_url, issue.state, issue.body or "")
            with self._calls(f"update the candidates issue #{current.number}"):
                issue = self.repo.get_issue(current.number)
                if issue.state != "open":
                    log.info("the candidates issue #%d was closed during this run: left as it is", issue.number)
                    return Dashboard(issue.number, issue.html_url, issue.state, issue.body or "")
                body = compose(ticked(issue.body))
                if body != (issue.body or "").replace("\r\n", "\n"):
                    issue.edit(body=body)
                    log.info("updated the candidates issue #%d %s", issue.number, issue.html_url)
                    self._note(f"the candidates issue #{issue.number} was already updated ({issue.html_url})")
                if current.unlabelled:
                    issue.add_to_labels(dash.label)
            return Dashboard(issue.number, issue.html_url, "open", body)

    def _remember(self, pull: BotPull) -> None:
        if self._pulls is not None:
            self._pulls = [pull] + [p for p in self._pulls if p.number != pull.number]


def _merge_state(ours: State, theirs: State) -> None:
    """Another run saved meanwhile: keep everything either of us knows (but not a candidate this run dropped:
    one it had seen already and no longer lists)."""
    dropped = set(ours.seen) - set(ours.candidates)
    for key, date in theirs.seen.items():
        ours.seen.setdefault(key, date)
    for key, doc in theirs.proposed.items():
        ours.proposed.setdefault(key, doc)
    for key, doc in theirs.rejected.items():
        if key not in ours.cleared:  # taken back by this run: the paper is on the list
            ours.rejected.setdefault(key, doc)
    for key, doc in theirs.held_back.items():
        ours.held_back.setdefault(key, doc)
    for key, doc in theirs.candidates.items():
        if key not in dropped:
            ours.candidates.setdefault(key, doc)
    for key, value in theirs.extra.items():  # what a newer paperbot keeps there
        ours.extra.setdefault(key, value)
    if ours.forgotten_before:  # their copy still has the dates this run dropped as too old
        ours.forget_seen(ours.forgotten_before)
