"""A stateful local GitHub: enough of the REST API for PyGithub to run paperbot's PR flow for real.

Responses are the recorded shapes of tests/fixtures/github/ (GitHub's OpenAPI examples and PyGithub's
replay data) with the fields that matter filled from the server's state: branches and their commits,
file blobs per commit, pull requests (open/closed/merged, labels, body), issues (the candidates
issue), labels. Served under /api/v3
like GitHub Enterprise, so the base-URL handling is exercised too.

Fault hooks make the awkward answers reproducible: `fail_next` (any status once; a bytes body is sent
as is, for cut-off JSON or a proxy's HTML page), `rate_limit_next` (the real 403 body with
x-ratelimit-reset) and an optional callback run before the fault is answered (e.g. someone commits to
the branch, then the PUT gets its 409; or GitHub creates the PR, then the answer is lost). `before_next`
runs a callback and then answers normally (e.g. a maintainer merges the PR between two requests).
A fault can also `drop` the connection without an answer, do the request's work first (`applied`: GitHub
did it, only the answer is lost) and wait for the request numbered `at` (its index in `requests`).
"""

from __future__ import annotations

import base64
import copy
import hashlib
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "github"
PREFIX = "/api/v3"
DELAY_HEADER = "X-Standin-Delay"  # not sent: the handler waits that long (outside the lock) before answering
DROP = -1  # a status that is never sent: the handler closes the connection without answering
TEMPLATE_REPO = "octocat/Hello-World"


def _example(name: str, status: str, example: str | None = None) -> Any:
    doc = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    examples = doc["responses"][status]["examples"]
    return (examples[example] if example else next(iter(examples.values())))["value"]


def _replay_body(name: str, status: int) -> dict:
    """The response body of the first exchange with that status in a PyGithub replay file."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    for i in range(0, len(lines) - 10, 11):
        if lines[i + 7].strip() == str(status):
            return json.loads(lines[i + 9])
    raise LookupError(f"{name}: no {status} exchange")


CONTENTS_LIMIT = 1024 * 1024  # the contents API returns a file's content up to 1 MB


def _base64_lines(data: bytes) -> str:
    """Base64 in 60-character lines, as GitHub sends file and blob content."""
    encoded = base64.b64encode(data).decode("ascii")
    return "\n".join(encoded[i:i + 60] for i in range(0, len(encoded), 60)) + "\n"


def blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class Commit:
    sha: str
    tree: dict[str, str]  # path -> blob sha
    parents: list[str]
    message: str
    author: dict[str, str]
    committer: dict[str, str]


@dataclass
class Pull:
    number: int
    title: str
    body: str
    head: str
    base: str
    state: str = "open"
    merged: bool = False
    draft: bool = False
    labels: list[str] = field(default_factory=list)
    created_at: str = ""
    closed_at: str | None = None
    merged_at: str | None = None
    fork_sha: str = ""  # base head when the PR was opened (the merge base for our purposes)


@dataclass
class Issue:
    number: int
    title: str
    body: str
    state: str = "open"
    labels: list[str] = field(default_factory=list)
    created_at: str = ""
    closed_at: str | None = None


@dataclass
class Fault:
    method: str
    pattern: re.Pattern[str]
    status: int  # 0: no fault, run `before` and answer normally
    body: Any  # dict or list (sent as JSON) or bytes (sent as is)
    headers: dict[str, str]
    times: int
    before: Callable[[], None] | None = None
    drop: bool = False  # close the connection without an answer
    applied: bool = False  # do the request's work before the fault is answered (or the connection dropped)
    at: int = 0  # only from the request with this index in `requests` on


class GitHubStandIn:
    """One repository with a default branch, served on 127.0.0.1:<free port>."""

    ACTOR: ClassVar[dict[str, str]] = {
        "name": "github-actions[bot]", "email": "41898282+github-actions[bot]@users.noreply.github.com",
    }

    def __init__(self, files: dict[str, str], *, repository: str = "octo-org/awesome-list",
                 default_branch: str = "main", token: str = "ghs_standin_token") -> None:
        self.repository = repository
        self.owner, self.name = repository.split("/")
        self.default_branch = default_branch
        self.token = token
        self.lock = threading.RLock()
        self.blobs: dict[str, bytes] = {}
        self.commits: dict[str, Commit] = {}
        self.refs: dict[str, str] = {}
        self.pulls: dict[int, Pull] = {}
        self.issues: dict[int, Issue] = {}  # issues that are not pull requests (one numbering for both)
        self.labels: dict[str, dict] = {}
        self.faults: list[Fault] = []
        self.requests: list[tuple[str, str]] = []  # (method, path with query), in order
        self.request_log: list[str] = []  # every request line, headers and body as received
        self._clock = itertools.count(1)
        self._numbers = itertools.count(1)
        root = self._commit({}, [], "Initial commit", ("Maintainer", "maintainer@example.org"),
                            {p: t.encode("utf-8") for p, t in files.items()})
        self.refs[default_branch] = root
        self.rate_remaining = 5000
        self.rate_reset = 1_900_000_000
        self._server: ThreadingHTTPServer | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> GitHubStandIn:
        standin = self

        class Handler(_Handler):
            server_state = standin

        self._server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> GitHubStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() the stand-in first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{PREFIX}"

    @property
    def web_url(self) -> str:
        return f"https://github.example/{self.repository}"

    # ------------------------------------------------------------------ state helpers (for tests)

    def _now(self) -> str:
        n = next(self._clock)
        return f"2025-05-27T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z"

    def _commit(self, tree: dict[str, str], parents: list[str], message: str, who: tuple[str, str],
                changes: dict[str, bytes], committer: tuple[str, str] | None = None) -> str:
        tree = dict(tree)
        for path, data in changes.items():
            sha = blob_sha(data)
            self.blobs[sha] = data
            tree[path] = sha
        date = self._now()
        author = {"name": who[0], "email": who[1], "date": date}
        comm = {"name": (committer or who)[0], "email": (committer or who)[1], "date": date}
        sha = hashlib.sha1(json.dumps([sorted(tree.items()), parents, message, author]).encode()).hexdigest()
        self.commits[sha] = Commit(sha, tree, parents, message, author, comm)
        return sha

    def file_text(self, path: str, ref: str | None = None) -> str | None:
        with self.lock:
            commit = self.commits[self.refs[ref or self.default_branch]]
            sha = commit.tree.get(path)
            return self.blobs[sha].decode("utf-8") if sha else None

    def push(self, branch: str, path: str, text: str, *, message: str = "Edit by hand",
             who: tuple[str, str] = ("Maintainer", "maintainer@example.org")) -> str:
        """Someone other than the bot commits to a branch."""
        with self.lock:
            head = self.refs[branch]
            sha = self._commit(self.commits[head].tree, [head], message, who, {path: text.encode("utf-8")})
            self.refs[branch] = sha
            return sha

    def close_pull(self, number: int) -> None:
        with self.lock:
            pr = self.pulls[number]
            pr.state, pr.closed_at = "closed", self._now()

    def merge_pull(self, number: int) -> None:
        """Apply the PR's changes (files that differ from its fork point) to the base branch."""
        with self.lock:
            pr = self.pulls[number]
            head_tree = self.commits[self.refs[pr.head]].tree
            fork_tree = self.commits[pr.fork_sha].tree
            changed = {p: self.blobs[b] for p, b in head_tree.items() if fork_tree.get(p) != b}
            base_head = self.refs[pr.base]
            self.refs[pr.base] = self._commit(self.commits[base_head].tree, [base_head, self.refs[pr.head]],
                                              f"Merge pull request #{number}", ("Maintainer", "maintainer@example.org"),
                                              changed)
            pr.state, pr.merged, pr.closed_at = "closed", True, self._now()
            pr.merged_at = pr.closed_at

    def set_issue_body(self, number: int, body: str) -> None:
        """A maintainer edits an issue (ticks a box) on the web."""
        with self.lock:
            self.issues[number].body = body

    def close_issue(self, number: int) -> None:
        with self.lock:
            issue = self.issues[number]
            issue.state, issue.closed_at = "closed", self._now()

    def fail_next(self, method: str, pattern: str, status: int, body: Any, *, headers: dict[str, str] | None = None,
                  times: int = 1, before: Callable[[], None] | None = None, drop: bool = False,
                  applied: bool = False, at: int = 0) -> None:
        with self.lock:
            self.faults.append(Fault(method, re.compile(pattern), status, body, headers or {}, times, before,
                                     drop, applied, at))

    def before_next(self, method: str, pattern: str, callback: Callable[[], None], *, times: int = 1) -> None:
        """Run `callback` when the request arrives, then answer it normally."""
        self.fail_next(method, pattern, 0, None, times=times, before=callback)

    def delay_next(self, method: str, pattern: str, seconds: float, *,
                   before: Callable[[], None] | None = None) -> None:
        """Answer the request normally but `seconds` late (a client with a shorter timeout gives up first)."""
        self.fail_next(method, pattern, 0, None, headers={DELAY_HEADER: str(seconds)}, before=before)

    def request_json(self, index: int = -1) -> Any:
        """The JSON body of a logged request (from a `before` callback: the request being answered)."""
        return json.loads(self.request_log[index].rsplit("\n", 1)[-1])

    def rate_limit_next(self, method: str, pattern: str, *, reset: int, status: int = 403) -> None:
        """GitHub's primary rate-limit answer: the recorded 403 body, remaining 0, reset as epoch seconds."""
        body = _replay_body("SpecificExceptions.testRateLimitExceeded.txt", 403)
        self.fail_next(method, pattern, status, body, headers={
            "x-ratelimit-limit": "5000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": str(reset),
            "x-ratelimit-used": "5000", "x-ratelimit-resource": "core",
        })

    def branch_commits(self, branch: str) -> list[Commit]:
        """Commits reachable from the branch head, newest first (first parents)."""
        return self.branch_commits_from(self.refs.get(branch))

    def branch_commits_from(self, sha: str | None) -> list[Commit]:
        out = []
        while sha:
            commit = self.commits[sha]
            out.append(commit)
            sha = commit.parents[0] if commit.parents else None
        return out

    # ------------------------------------------------------------------ JSON shapes

    def _rewrite(self, doc: Any) -> Any:
        text = json.dumps(doc).replace("https://api.github.com", self.base_url)
        text = text.replace(TEMPLATE_REPO, self.repository).replace("https://github.com", "https://github.example")
        return json.loads(text)

    def _api(self, path: str) -> str:
        return f"{self.base_url}/repos/{self.repository}{path}"

    def repo_json(self) -> dict:
        doc = self._rewrite(copy.deepcopy(_example("GET_repos_owner_repo.json", "200")))
        doc.update(name=self.name, full_name=self.repository, default_branch=self.default_branch, private=False)
        doc["owner"]["login"] = self.owner
        doc.pop("parent", None)
        doc.pop("source", None)
        return doc

    def _get_blob(self, q: dict, d: Any, sha: str) -> tuple[int, dict, Any]:
        """GET /git/blobs/{sha}: any blob up to 100 MB, always base64 (GitHub's REST docs, "Get a blob")."""
        data = self.blobs.get(sha)
        if data is None:
            return 404, {}, _not_found()
        return 200, {}, {"sha": sha, "node_id": f"B_{sha[:16]}", "size": len(data),
                         "url": self._api(f"/git/blobs/{sha}"), "content": _base64_lines(data), "encoding": "base64"}

    def content_json(self, path: str, ref: str, sha: str) -> dict:
        data = self.blobs[sha]
        doc = self._rewrite(copy.deepcopy(_example("GET_repos_owner_repo_contents_path.json", "200",
                                                   "response-if-content-is-a-file")))
        # GitHub's contents API leaves out a file over 1 MB: empty content, encoding "none" (the blob API has it)
        large = len(data) > CONTENTS_LIMIT
        doc.update(
            type="file", encoding="none" if large else "base64", size=len(data), name=path.rsplit("/", 1)[-1],
            path=path, sha=sha, content="" if large else _base64_lines(data),
            url=self._api(f"/contents/{path}?ref={ref}"),
            git_url=self._api(f"/git/blobs/{sha}"),
            html_url=f"{self.web_url}/blob/{ref}/{path}",
            download_url=f"https://raw.example/{self.repository}/{ref}/{path}",
        )
        doc["_links"] = {"self": doc["url"], "git": doc["git_url"], "html": doc["html_url"]}
        return doc

    def git_commit_json(self, c: Commit) -> dict:
        return {
            "sha": c.sha, "node_id": "C_" + c.sha[:10], "url": self._api(f"/git/commits/{c.sha}"),
            "html_url": f"{self.web_url}/commit/{c.sha}",
            "author": c.author, "committer": c.committer, "message": c.message,
            "tree": {"sha": hashlib.sha1(repr(sorted(c.tree.items())).encode()).hexdigest(),
                     "url": self._api("/git/trees/x")},
            "parents": [{"sha": p, "url": self._api(f"/git/commits/{p}"), "html_url": f"{self.web_url}/commit/{p}"}
                        for p in c.parents],
            "verification": {"verified": False, "reason": "unsigned", "signature": None, "payload": None},
        }

    def commit_json(self, c: Commit) -> dict:
        git = self.git_commit_json(c)
        return {
            "sha": c.sha, "node_id": git["node_id"], "url": self._api(f"/commits/{c.sha}"),
            "html_url": git["html_url"], "comments_url": self._api(f"/commits/{c.sha}/comments"),
            "commit": {k: git[k] for k in ("author", "committer", "message", "tree", "verification")}
            | {"url": git["url"], "comment_count": 0},
            "author": None, "committer": None,
            "parents": [{"sha": p, "url": self._api(f"/commits/{p}"), "html_url": f"{self.web_url}/commit/{p}"}
                        for p in c.parents],
        }

    def ref_json(self, branch: str) -> dict:
        sha = self.refs[branch]
        return {
            "ref": f"refs/heads/{branch}", "node_id": "REF_" + branch, "url": self._api(f"/git/refs/heads/{branch}"),
            "object": {"type": "commit", "sha": sha, "url": self._api(f"/git/commits/{sha}")},
        }

    def label_json(self, name: str) -> dict:
        label = self.labels[name]
        return {"id": label["id"], "node_id": f"LA_{label['id']}", "url": self._api(f"/labels/{name}"),
                "name": name, "description": label.get("description"), "color": label["color"], "default": False}

    def pull_json(self, pr: Pull) -> dict:
        doc = self._rewrite(copy.deepcopy(_example("POST_repos_owner_repo_pulls.json", "201")))
        n = pr.number
        url = self._api(f"/pulls/{n}")
        head_sha = self.refs.get(pr.head, "0" * 40)
        doc.update(
            url=url, id=1000 + n, node_id=f"PR_{n}", number=n, state=pr.state, title=pr.title, body=pr.body,
            html_url=f"{self.web_url}/pull/{n}", diff_url=f"{self.web_url}/pull/{n}.diff",
            patch_url=f"{self.web_url}/pull/{n}.patch", issue_url=self._api(f"/issues/{n}"),
            commits_url=f"{url}/commits", review_comments_url=f"{url}/comments",
            comments_url=self._api(f"/issues/{n}/comments"), statuses_url=self._api(f"/statuses/{head_sha}"),
            labels=[self.label_json(name) for name in pr.labels if name in self.labels],
            created_at=pr.created_at, updated_at=pr.closed_at or pr.created_at, closed_at=pr.closed_at,
            merged_at=pr.merged_at, merged=pr.merged, draft=pr.draft, milestone=None, assignee=None,
            assignees=[], requested_reviewers=[], requested_teams=[],
            merge_commit_sha=None, mergeable=None, merged_by=None,
            commits=len(self._pull_commits(pr)),
        )
        for side, branch, sha in (("head", pr.head, head_sha), ("base", pr.base, self.refs[pr.base])):
            doc[side].update(ref=branch, sha=sha, label=f"{self.owner}:{branch}")
            doc[side]["repo"] = self.repo_json()
            doc[side]["user"]["login"] = self.owner
        doc["_links"] = {k: {"href": v} for k, v in (("self", url), ("html", doc["html_url"]),
                                                     ("issue", doc["issue_url"]), ("commits", doc["commits_url"]))}
        return doc

    def issue_json(self, item: Issue | Pull) -> dict:
        """An issue as GET /issues and /issues/N answer it (a pull request too, with its `pull_request` link)."""
        doc = copy.deepcopy(_example("GET_search_issues.json", "200")["items"][0])
        doc.pop("score", None)
        n = item.number
        url = self._api(f"/issues/{n}")
        doc.update(
            url=url, repository_url=self._api(""), labels_url=f"{url}/labels{{/name}}", comments_url=f"{url}/comments",
            events_url=f"{url}/events", html_url=f"{self.web_url}/issues/{n}", id=5000 + n, node_id=f"I_{n}",
            number=n, title=item.title, body=item.body, state=item.state, comments=0, milestone=None,
            assignee=None, locked=False, created_at=item.created_at, updated_at=item.closed_at or item.created_at,
            closed_at=item.closed_at, labels=[self.label_json(name) for name in item.labels if name in self.labels],
        )
        doc["user"]["login"] = self.owner
        if isinstance(item, Pull):
            doc["html_url"] = f"{self.web_url}/pull/{n}"
            doc["pull_request"] = {"url": self._api(f"/pulls/{n}"), "html_url": doc["html_url"],
                                   "diff_url": f"{doc['html_url']}.diff", "patch_url": f"{doc['html_url']}.patch"}
        else:
            doc.pop("pull_request", None)
        return doc

    def _pull_commits(self, pr: Pull) -> list[Commit]:
        fork = pr.fork_sha
        out = []
        for c in self.branch_commits(pr.head):
            if c.sha == fork:
                break
            out.append(c)
        return list(reversed(out))

    # ------------------------------------------------------------------ routing

    def handle(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict, Any]:
        with self.lock:
            split = urlsplit(raw_path)
            path = unquote(split.path)
            query = {k: v[-1] for k, v in parse_qs(split.query).items()}
            self.requests.append((method, raw_path))
            auth = headers.get("authorization", "")
            if auth not in (f"token {self.token}", f"Bearer {self.token}"):
                return 401, {}, {"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}
            for fault in self.faults:
                if (fault.times > 0 and fault.method == method and fault.pattern.search(path)
                        and len(self.requests) > fault.at):
                    fault.times -= 1
                    if fault.before:
                        fault.before()
                    if fault.applied:
                        self._route(method, path, query, body)
                    if fault.drop:
                        return DROP, {}, None
                    if fault.status:
                        return fault.status, dict(fault.headers), fault.body
                    passing = dict(fault.headers)
                    break
            else:
                passing = {}
            status, extra, doc = self._route(method, path, query, body)
            return status, {**passing, **extra}, doc

    def _route(self, method: str, path: str, query: dict[str, str], body: bytes) -> tuple[int, dict, Any]:
        with self.lock:
            if not path.startswith(PREFIX):
                return 404, {}, _not_found()
            path = path[len(PREFIX):]
            data = json.loads(body) if body else None
            if path == "/rate_limit":
                doc = copy.deepcopy(_example("GET_rate_limit.json", "200"))
                for part in (doc["rate"], doc["resources"]["core"]):
                    part.update(remaining=self.rate_remaining, reset=self.rate_reset)
                return 200, {}, doc
            repo_prefix = f"/repos/{self.repository}"
            if not path.startswith(repo_prefix):
                return 404, {}, _not_found()
            rest = path[len(repo_prefix):]
            for route_method, pattern, handler in self._routes():
                m = re.fullmatch(pattern, rest)
                if m and route_method == method:
                    return handler(query, data, *m.groups())
            return 404, {}, _not_found()

    def _routes(self) -> list[tuple[str, str, Callable[..., tuple[int, dict, Any]]]]:
        return [
            ("GET", r"", lambda q, d: (200, {}, self.repo_json())),
            ("GET", r"/contents/(.+)", self._get_contents),
            ("PUT", r"/contents/(.+)", self._put_contents),
            ("GET", r"/git/blobs/([0-9a-f]{40})", self._get_blob),
            ("GET", r"/git/refs?/heads/(.+)", self._get_ref),
            ("GET", r"/git/matching-refs/heads/(.*)", self._matching_refs),
            ("PATCH", r"/git/refs?/heads/(.+)", self._patch_ref),
            ("DELETE", r"/git/refs?/heads/(.+)", self._delete_ref),
            ("POST", r"/git/refs", self._post_ref),
            ("GET", r"/commits", self._list_commits),
            ("GET", r"/compare/(.+?)\.\.\.(.+)", self._compare),
            ("GET", r"/pulls", self._list_pulls),
            ("POST", r"/pulls", self._create_pull),
            ("GET", r"/pulls/(\d+)", lambda q, d, n: self._pull_or_404(int(n))),
            ("PATCH", r"/pulls/(\d+)", self._edit_pull),
            ("GET", r"/pulls/(\d+)/commits", self._pull_commit_list),
            ("GET", r"/issues", self._list_issues),
            ("POST", r"/issues", self._create_issue),
            ("GET", r"/issues/(\d+)", self._get_issue),
            ("PATCH", r"/issues/(\d+)", self._edit_issue),
            ("GET", r"/issues/(\d+)/labels", self._issue_labels),
            ("POST", r"/issues/(\d+)/labels", self._add_issue_labels),
            ("GET", r"/labels", lambda q, d: (200, {}, [self.label_json(n) for n in self.labels])),
            ("GET", r"/labels/(.+)", self._get_label),
            ("POST", r"/labels", self._create_label),
        ]

    def _get_contents(self, q: dict, d: Any, path: str) -> tuple[int, dict, Any]:
        ref = q.get("ref", self.default_branch)
        sha = self.refs.get(ref, ref if ref in self.commits else None)
        if sha is None:
            return 404, {}, {"message": f"No commit found for the ref {ref}", "documentation_url": _DOCS}
        blob = self.commits[sha].tree.get(path)
        if blob is None:
            return 404, {}, _not_found()
        return 200, {}, self.content_json(path, ref, blob)

    def _put_contents(self, q: dict, d: dict, path: str) -> tuple[int, dict, Any]:
        branch = d.get("branch") or self.default_branch
        if branch not in self.refs:
            return 404, {}, {"message": f"Branch {branch} not found", "documentation_url": _DOCS}
        head = self.commits[self.refs[branch]]
        current = head.tree.get(path)
        if current is not None and not d.get("sha"):
            return 422, {}, {"message": 'Invalid request.\n\n"sha" wasn\'t supplied.', "documentation_url": _DOCS}
        if current is not None and d["sha"] != current:
            return 409, {}, {"message": f"{path} does not match {d['sha']}", "documentation_url": _DOCS}
        committer = d.get("committer") or self.ACTOR
        author = d.get("author") or committer
        data = base64.b64decode(d["content"])
        sha = self._commit(head.tree, [head.sha], d["message"], (author["name"], author["email"]), {path: data},
                           committer=(committer["name"], committer["email"]))
        self.refs[branch] = sha
        doc = {"content": self.content_json(path, branch, blob_sha(data)),
               "commit": self.git_commit_json(self.commits[sha])}
        return (200 if current is not None else 201), {}, doc

    def _get_ref(self, q: dict, d: Any, branch: str) -> tuple[int, dict, Any]:
        if branch not in self.refs:
            return 404, {}, _not_found()
        return 200, {}, self.ref_json(branch)

    def _matching_refs(self, q: dict, d: Any, prefix: str) -> tuple[int, dict, Any]:
        """Every branch whose name starts with the prefix (GitHub's matching-refs is a prefix match)."""
        return 200, {}, [self.ref_json(b) for b in sorted(self.refs) if b.startswith(prefix)]

    def _patch_ref(self, q: dict, d: dict, branch: str) -> tuple[int, dict, Any]:
        if branch not in self.refs:
            return 422, {}, {"message": "Reference does not exist", "documentation_url": _DOCS}
        if d["sha"] not in self.commits:
            return 422, {}, {"message": "Object does not exist", "documentation_url": _DOCS}
        self.refs[branch] = d["sha"]
        return 200, {}, self.ref_json(branch)

    def _delete_ref(self, q: dict, d: Any, branch: str) -> tuple[int, dict, Any]:
        if branch not in self.refs:
            return 422, {}, {"message": "Reference does not exist", "documentation_url": _DOCS}
        del self.refs[branch]
        return 204, {}, None

    def _post_ref(self, q: dict, d: dict) -> tuple[int, dict, Any]:
        ref = d.get("ref", "")
        if not ref.startswith("refs/") or ref.count("/") < 2:
            return 422, {}, {"message": "Reference name must start with 'refs/' and have at least two slashes.",
                             "documentation_url": _DOCS}
        branch = ref.removeprefix("refs/heads/")
        if branch in self.refs:
            return 422, {}, {"message": "Reference already exists", "documentation_url": _DOCS}
        if d.get("sha") not in self.commits:
            return 422, {}, {"message": "Object does not exist", "documentation_url": _DOCS}
        self.refs[branch] = d["sha"]
        return 201, {"Location": self._api(f"/git/refs/heads/{branch}")}, self.ref_json(branch)

    def _list_commits(self, q: dict, d: Any) -> tuple[int, dict, Any]:
        branch = q.get("sha", self.default_branch)
        if branch not in self.refs:
            return 404, {}, {"message": "No commit found for SHA: " + branch, "documentation_url": _DOCS}
        return 200, {}, [self.commit_json(c) for c in self.branch_commits(branch)]

    def _resolve(self, ref: str) -> str | None:
        return self.refs.get(ref, ref if ref in self.commits else None)

    def _ancestors(self, sha: str) -> set[str]:
        seen, todo = set(), [sha]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo += self.commits[current].parents
        return seen

    def _compare(self, q: dict, d: Any, base: str, head: str) -> tuple[int, dict, Any]:
        """GET /compare/{base}...{head}: the commits of head not in base (oldest first), ahead/behind counts."""
        base_sha, head_sha = self._resolve(base), self._resolve(head)
        if base_sha is None or head_sha is None:
            return 404, {}, _not_found()
        in_base, in_head = self._ancestors(base_sha), self._ancestors(head_sha)
        ahead = [c for c in self.branch_commits_from(head_sha) if c.sha not in in_base]
        behind = in_base - in_head
        merge_base = next(c for c in self.branch_commits_from(head_sha) if c.sha in in_base)
        status = ("identical" if not ahead and not behind else "ahead" if not behind
                  else "behind" if not ahead else "diverged")
        url = self._api(f"/compare/{base}...{head}")
        return 200, {}, {
            "url": url, "html_url": f"{self.web_url}/compare/{base}...{head}",
            "permalink_url": f"{self.web_url}/compare/{base_sha}...{head_sha}",
            "diff_url": f"{self.web_url}/compare/{base}...{head}.diff",
            "patch_url": f"{self.web_url}/compare/{base}...{head}.patch",
            "base_commit": self.commit_json(self.commits[base_sha]),
            "merge_base_commit": self.commit_json(merge_base),
            "status": status, "ahead_by": len(ahead), "behind_by": len(behind), "total_commits": len(ahead),
            "commits": [self.commit_json(c) for c in reversed(ahead)], "files": [],
        }

    def _list_pulls(self, q: dict, d: Any) -> tuple[int, dict, Any]:
        state = q.get("state", "open")
        pulls = sorted(self.pulls.values(), key=lambda p: p.number, reverse=q.get("direction", "desc") == "desc")
        if state != "all":
            pulls = [p for p in pulls if p.state == state]
        if "head" in q:
            owner, _, branch = q["head"].partition(":")
            pulls = [p for p in pulls if owner == self.owner and p.head == branch]
        if "base" in q:
            pulls = [p for p in pulls if p.base == q["base"]]
        return 200, {}, [self.pull_json(p) for p in pulls]

    def _create_pull(self, q: dict, d: dict) -> tuple[int, dict, Any]:
        head = d["head"].split(":", 1)[-1]
        base = d["base"]
        if head not in self.refs or base not in self.refs:
            return 422, {}, _validation("PullRequest", "head" if head not in self.refs else "base", "invalid")
        if any(p.head == head and p.state == "open" for p in self.pulls.values()):
            return 422, {}, _validation("PullRequest", None, "custom",
                                        f"A pull request already exists for {self.owner}:{head}.")
        if self.refs[head] == self.refs[base]:
            return 422, {}, _validation("PullRequest", None, "custom", f"No commits between {base} and {head}")
        if _too_long(d.get("body")):
            return 422, {}, _BODY_TOO_LONG
        number = next(self._numbers)
        pr = Pull(number, d["title"], d.get("body") or "", head, base, draft=bool(d.get("draft")),
                  created_at=self._now(), fork_sha=self._fork_point(head, base))
        self.pulls[number] = pr
        return 201, {"Location": self._api(f"/pulls/{number}")}, self.pull_json(pr)

    def _fork_point(self, head: str, base: str) -> str:
        base_shas = {c.sha for c in self.branch_commits(base)}
        for c in self.branch_commits(head):
            if c.sha in base_shas:
                return c.sha
        return self.refs[base]

    def _pull_or_404(self, n: int) -> tuple[int, dict, Any]:
        if n not in self.pulls:
            return 404, {}, _not_found()
        return 200, {}, self.pull_json(self.pulls[n])

    def _edit_pull(self, q: dict, d: dict, n: str) -> tuple[int, dict, Any]:
        pr = self.pulls.get(int(n))
        if pr is None:
            return 404, {}, _not_found()
        if _too_long(d.get("body")):
            return 422, {}, _BODY_TOO_LONG
        pr.title = d.get("title", pr.title)
        pr.body = d.get("body", pr.body)
        if d.get("state") in ("open", "closed"):
            pr.state = d["state"]
        return 200, {}, self.pull_json(pr)

    def _pull_commit_list(self, q: dict, d: Any, n: str) -> tuple[int, dict, Any]:
        pr = self.pulls.get(int(n))
        if pr is None:
            return 404, {}, _not_found()
        return 200, {}, [self.commit_json(c) for c in self._pull_commits(pr)]

    def _list_issues(self, q: dict, d: Any) -> tuple[int, dict, Any]:
        """GitHub's list: issues and pull requests alike, filtered by state and by every label named."""
        state = q.get("state", "open")
        wanted = [name for name in q.get("labels", "").split(",") if name]
        items: list[Issue | Pull] = [*self.issues.values(), *self.pulls.values()]
        items.sort(key=lambda i: i.number, reverse=q.get("direction", "desc") == "desc")
        items = [i for i in items if (state == "all" or i.state == state) and all(w in i.labels for w in wanted)]
        return 200, {}, [self.issue_json(i) for i in items]

    def _create_issue(self, q: dict, d: dict) -> tuple[int, dict, Any]:
        if not d.get("title"):
            return 422, {}, _validation("Issue", "title", "missing_field")
        if _too_long(d.get("body")):
            return 422, {}, _BODY_TOO_LONG
        for name in d.get("labels") or []:
            if name not in self.labels:  # GitHub creates unknown labels on the fly
                self.labels[name] = {"id": len(self.labels) + 1, "color": "ededed", "description": None}
        number = next(self._numbers)
        issue = Issue(number, d["title"], d.get("body") or "", labels=list(d.get("labels") or []),
                      created_at=self._now())
        self.issues[number] = issue
        return 201, {"Location": self._api(f"/issues/{number}")}, self.issue_json(issue)

    def _get_issue(self, q: dict, d: Any, n: str) -> tuple[int, dict, Any]:
        item = self.issues.get(int(n)) or self.pulls.get(int(n))
        if item is None:
            return 404, {}, _not_found()
        return 200, {}, self.issue_json(item)

    def _edit_issue(self, q: dict, d: dict, n: str) -> tuple[int, dict, Any]:
        issue = self.issues.get(int(n))
        if issue is None:
            return 404, {}, _not_found()
        if _too_long(d.get("body")):
            return 422, {}, _BODY_TOO_LONG
        issue.title = d.get("title", issue.title)
        issue.body = d.get("body", issue.body)
        if d.get("state") in ("open", "closed"):
            issue.state = d["state"]
            issue.closed_at = self._now() if issue.state == "closed" else None
        return 200, {}, self.issue_json(issue)

    def _issue_labels(self, q: dict, d: Any, n: str) -> tuple[int, dict, Any]:
        pr = self.pulls.get(int(n)) or self.issues.get(int(n))  # GitHub labels issues and pull requests alike
        if pr is None:
            return 404, {}, _not_found()
        return 200, {}, [self.label_json(name) for name in pr.labels]

    def _add_issue_labels(self, q: dict, d: Any, n: str) -> tuple[int, dict, Any]:
        pr = self.pulls.get(int(n)) or self.issues.get(int(n))
        if pr is None:
            return 404, {}, _not_found()
        names = d if isinstance(d, list) else d.get("labels", [])
        for name in names:
            if name not in self.labels:  # GitHub creates unknown labels on the fly
                self.labels[name] = {"id": len(self.labels) + 1, "color": "ededed", "description": None}
            if name not in pr.labels:
                pr.labels.append(name)
        return 200, {}, [self.label_json(name) for name in pr.labels]

    def _get_label(self, q: dict, d: Any, name: str) -> tuple[int, dict, Any]:
        if name not in self.labels:
            return 404, {}, _not_found()
        return 200, {}, self.label_json(name)

    def _create_label(self, q: dict, d: dict) -> tuple[int, dict, Any]:
        name = d["name"]
        if name in self.labels:
            return 422, {}, _validation("Label", "name", "already_exists")
        self.labels[name] = {"id": len(self.labels) + 1, "color": d.get("color", "ededed"),
                             "description": d.get("description")}
        return 201, {}, self.label_json(name)


_DOCS = "https://docs.github.com/rest"


def _too_long(body: str | None) -> bool:
    """GitHub refuses a PR or issue body over 65,536 characters (whether it counts characters or bytes is not
    documented, so the stand-in takes the stricter: UTF-8 bytes)."""
    return body is not None and len(body.encode("utf-8")) > 65536


# GitHub's answer to a longer body, as reported from real 422s (e.g. renovatebot/renovate#2032).
_BODY_TOO_LONG = {
    "message": "Validation Failed",
    "errors": [{"resource": "Issue", "code": "custom", "field": "body",
                "message": "body is too long (maximum is 65536 characters)"}],
    "documentation_url": "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
}


def _not_found() -> dict:
    return {"message": "Not Found", "documentation_url": _DOCS}


def _validation(resource: str, field_name: str | None, code: str, message: str | None = None) -> dict:
    """GitHub's validation-error shape (as in the recorded Exceptions.testInvalidInput 422)."""
    error: dict[str, Any] = {"resource": resource, "code": code}
    if field_name:
        error["field"] = field_name
    if message:
        error["message"] = message
    return {"message": "Validation Failed", "errors": [error], "documentation_url": _DOCS}


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (its timeout) is part of some tests, not a server error worth a traceback."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server_state: GitHubStandIn

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        state = self.server_state
        state.request_log.append(f"{self.command} {self.path}\n{self.headers}\n{body.decode('utf-8', 'replace')}")
        status, extra, doc = state.handle(self.command, self.path, headers, body)
        if status == DROP:
            self.close_connection = True
            return
        payload = doc if isinstance(doc, bytes) else b"" if doc is None else json.dumps(doc).encode("utf-8")
        extra = dict(extra)
        if DELAY_HEADER in extra:
            time.sleep(float(extra.pop(DELAY_HEADER)))
        self.send_response(status)
        self.send_header("Content-Type", extra.pop("Content-Type", "application/json; charset=utf-8"))
        self.send_header("Content-Length", str(len(payload)))
        if "x-ratelimit-remaining" not in {k.lower() for k in extra}:
            self.send_header("x-ratelimit-limit", "5000")
            self.send_header("x-ratelimit-remaining", str(state.rate_remaining))
            self.send_header("x-ratelimit-reset", str(state.rate_reset))
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass
