"""Fault-injection sweep of the arXiv side: every request to the RSS feeds and the API fails in turn.

Each scenario (fetch and scan of two feeds, add and explain of a paper by id, and the batched metadata
resolution train runs on the list's ids) is run once cleanly against the local stand-ins of rss.arxiv.org and
export.arxiv.org to record its requests. Then, for each request k, it is run again from the same start with
request k failing (and, for a "persistent" fault, every retry of it): HTTP 500, 503 with Retry-After, 429, a
dropped connection, a stall past the timeout, a body cut in transit (Content-Length longer than what comes),
a cut XML, a 200 with an HTML page, a 200 with an empty feed, and (API) a 200 answering a batch in part
while its opensearch:totalResults counts them all. The promises checked:

- a fault that passes ("once") is retried and the output, state and cache are the clean run's;
- a fault that stays ends in exit 1 with one `paperbot: error:` line naming the source and the cause, no
  traceback (an empty RSS feed is a normal day: exit 0, that feed's papers simply not there);
- the other feed's papers are used, and state never marks as seen a paper of the feed that failed;
- the API cache never holds a paper the clean run would not hold, and the next clean run gets everything.

Retries never sleep: the feeds' and the API client's sleeps are recorded; the timeouts are 0.5 s, one retry
(at 0.15 s a loaded machine could starve the healthy feed's answer past it, and its papers went missing).
PAPERBOT_FULL_SWEEP=1 runs every fault on every scenario (159 cases); by default (143 cases, about a minute)
scan skips four faults that take the very path of fetch in read_feeds (503, 429, a drop, a short body).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bot import feeds
from bot.arxiv_api import ArxivClient, load_cache, resolve
from bot.cli import main
from bot.config import load_config
from tests.replay_support import FEEDS, README, list_checkout
from tests.servers.arxiv import API_DIR, ATOM_TYPE, HTML_ERROR_PAGE, ArxivServer, Reply, Request

DAY_23, DAY_24 = FEEDS / "2025-04-23.xml", FEEDS / "2025-04-24.xml"
TWO_IDS = "id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json"  # the answer for 1707.08567 (and an unknown id)
TESTING = "q_testing_s0_m10_bc5a6c384fe9.json"  # 10 real entries: the batches of `resolve` are cut from it
TIMEOUT = 0.5
EMPTY_RSS = (Path(__file__).parent / "fixtures" / "arxiv_rss" / "aioarxiv_empty_rss_mock_feed.xml").read_bytes()


# ---------------------------------------------------------------------------------------------- answers


def _api_doc(name: str) -> str:
    return str(json.loads((API_DIR / name).read_text(encoding="utf-8"))["body"])


_ENTRY_RE = re.compile(r"\s*<entry>.*?</entry>", re.S)
_TESTING = _api_doc(TESTING)
_HEAD = _TESTING[: _ENTRY_RE.search(_TESTING).start()]  # type: ignore[union-attr]
_ENTRIES = {re.search(r"<id>http://arxiv.org/abs/(\S+?)v\d+</id>", e).group(1): e  # type: ignore[union-attr]
            for e in _ENTRY_RE.findall(_TESTING)}
BATCH_IDS = sorted(_ENTRIES)[:7]  # three batches of 3, 3 and 1
_ENTRIES["1707.08567"] = _ENTRY_RE.findall(_api_doc(TWO_IDS))[0]


def _atom(ids: list[str]) -> bytes:
    """What arXiv answers for id_list=ids: the recorded entries of the known ones, totalResults their count."""
    found = [_ENTRIES[i] for i in ids if i in _ENTRIES]
    head = re.sub(r"<opensearch:totalResults>\d+<", f"<opensearch:totalResults>{len(found)}<", _HEAD)
    return (head + "".join(found) + "\n</feed>\n").encode("utf-8")


def _short_of_one(body: bytes) -> bytes:
    """The same Atom answer without its last entry, totalResults unchanged: a batch answered in part."""
    text = body.decode("utf-8")
    last = list(_ENTRY_RE.finditer(text))[-1]
    return (text[: last.start()] + text[last.end():]).encode("utf-8")


def _empty_like(body: bytes) -> bytes:
    """The same feed with its items (RSS) or entries (Atom) taken out: a 200 that is a valid, empty feed."""
    text = body.decode("utf-8")
    if "<rss" in text[:500]:
        return EMPTY_RSS
    return _ENTRY_RE.sub("", text).encode("utf-8")  # totalResults still says how many there are


@dataclass(frozen=True)
class Fault:
    name: str
    make: Callable[[Reply], Reply]
    transient: bool = True  # retried: a fault that passes must not show


FAULTS = {
    "500": Fault("500", lambda r: Reply(500, b"Internal Server Error\n", content_type="text/plain")),
    "503-retry-after": Fault("503-retry-after", lambda r: Reply(503, HTML_ERROR_PAGE, {"Retry-After": "2"},
                                                                content_type="text/html; charset=utf-8")),
    "429": Fault("429", lambda r: Reply(429, b"Rate exceeded.\n", content_type="text/plain")),
    "drop": Fault("drop", lambda r: Reply(drop=True)),
    "timeout": Fault("timeout", lambda r: Reply.hang(TIMEOUT * 8)),
    "short-body": Fault("short-body", lambda r: Reply(r.status, r.body[: len(r.body) // 2], r.headers,
                                                      r.content_type, short=len(r.body) - len(r.body) // 2)),
    "cut-xml": Fault("cut-xml", lambda r: Reply(r.status, r.body[: len(r.body) * 2 // 3], r.headers,
                                                r.content_type)),
    "html-200": Fault("html-200", lambda r: Reply.html(200), transient=False),
    "empty-200": Fault("empty-200", lambda r: Reply(200, _empty_like(r.body), r.headers, r.content_type)),
    "partial-200": Fault("partial-200", lambda r: Reply(200, _short_of_one(r.body), r.headers, r.content_type)),
}
FULL = os.environ.get("PAPERBOT_FULL_SWEEP") == "1"
LEAN_SKIP = {"scan": {"503-retry-after", "429", "drop", "short-body"}}
API_ONLY = {"partial-200"}  # a feed with fewer items is just a smaller day
EMPTY_DAY = "empty-200"  # on a feed: arXiv's empty feed, a day without announcements (not retried, not an error)
# What the error line must say for a fault that stays.
CAUSE = {"500": "HTTP 500", "503-retry-after": "HTTP 503", "429": "HTTP 429", "drop": "connection",
         "timeout": "timed out", "short-body": "connection", "cut-xml": "broken XML", "html-200": "not ",
         "empty-200": "incomplete", "partial-200": "incomplete"}


class Injector:
    """server.answer: answers the API by id_list (the scripted reply b"by id_list"), and fails request k (and,
    for a persistent fault, every retry of it: the same path and query)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.at: int | None = None
        self.fault: Fault | None = None
        self.times = 0
        self.key: tuple | None = None
        self.fired = 0

    def arm(self, k: int | None, fault: Fault | None = None, times: int = 0) -> None:
        with self.lock:
            self.count, self.at, self.fault, self.times, self.key, self.fired = 0, k, fault, times, None, 0

    def __call__(self, request: Request, reply: Reply | None) -> Reply | None:
        if request.path == "/api/query" and reply is not None and reply.body == b"by id_list":
            reply = Reply(200, _atom(request.query["id_list"][0].split(",")), content_type=ATOM_TYPE)
        key = (request.path, tuple(sorted((k, tuple(v)) for k, v in request.query.items())))
        with self.lock:
            index, self.count = self.count, self.count + 1
            if index == self.at:
                self.key = key
            if self.fault is None or key != self.key or self.fired >= self.times or reply is None:
                return reply
            self.fired += 1
            return self.fault.make(reply)


# ---------------------------------------------------------------------------------------------- harness


@dataclass
class Env:
    root: Path
    server: ArxivServer
    injector: Injector
    feeds: list[str]
    sleeps: list[float] = field(default_factory=list)

    @property
    def config(self) -> Path:
        return self.root / "config.yaml"

    @property
    def cache(self) -> Path:
        return self.root / "api-cache.jsonl"

    def reset(self) -> None:
        """The scenario's start: no state, no API cache, nothing written."""
        for name in ("state", "out"):
            shutil.rmtree(self.root / name, ignore_errors=True)
        (self.root / "out").mkdir()
        self.cache.unlink(missing_ok=True)
        self.sleeps.clear()


@pytest.fixture(scope="module")
def stand_in(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, ArxivServer, Injector, list[str]]]:
    root = tmp_path_factory.mktemp("arxiv-sweep")
    injector = Injector()
    with ArxivServer() as server, pytest.MonkeyPatch.context() as mp:
        server.answer = injector
        urls = [server.feed("/rss/cs.CL", DAY_23), server.feed("/rss/cs.AI", DAY_24)]
        server.api(Reply(body=b"by id_list", content_type=ATOM_TYPE))
        list_checkout(root, mp, extra_config=(
            f"feeds: {{timeout_seconds: {TIMEOUT}, retries: 1}}\n"
            f"arxiv_api: {{base_url: {server.url}/api/query, timeout_seconds: {TIMEOUT}, max_retries: 1, "
            "batch_size: 3, cache: api-cache.jsonl}\n"))
        yield root, server, injector, urls


@pytest.fixture
def env(stand_in: tuple, monkeypatch: pytest.MonkeyPatch) -> Env:
    """The tiny encoder, and every retry's sleep recorded instead of slept."""
    from bot import embed
    from tests.replay_support import ENCODER_NAME, HashingEncoder

    root, server, injector, urls = stand_in
    env = Env(root, server, injector, urls)
    real_load = embed.load_encoder
    monkeypatch.setattr(embed, "load_encoder", lambda name, **kw: HashingEncoder() if name == ENCODER_NAME
                        else real_load(name, **kw))
    monkeypatch.setattr(feeds, "_sleep", env.sleeps.append)
    real_from_config = ArxivClient.from_config.__func__  # type: ignore[attr-defined]

    def from_config(cls: type[ArxivClient], config: Any, **overrides: Any) -> ArxivClient:
        return real_from_config(cls, config, **{"sleep": env.sleeps.append, **overrides})

    monkeypatch.setattr(ArxivClient, "from_config", classmethod(from_config))
    return env


@dataclass
class Outcome:
    code: int
    out: Any  # the JSON printed, the README written, or the resolution
    err: str
    seen: set[str]  # state's seen papers
    cache: dict  # the API cache


def _cli(env: Env, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([argv[0], "--config", str(env.config), *argv[1:]])
    out, err = capsys.readouterr()
    return code, out, err


def _seen(env: Env) -> set[str]:
    path = env.root / "state" / "state.json"
    return set(json.loads(path.read_text(encoding="utf-8"))["seen"]) if path.exists() else set()


def _fetch(env: Env, capsys: pytest.CaptureFixture[str], urls: list[str]) -> Outcome:
    feed_args = [a for u in urls for a in ("--feed", u)]
    code, out, err = _cli(env, capsys, "fetch", *feed_args, "--json")
    doc = json.loads(out)
    return Outcome(code, [p["arxiv_id"] for p in doc["papers"]], err, _seen(env), {})


def _scan(env: Env, capsys: pytest.CaptureFixture[str], urls: list[str]) -> Outcome:
    feed_args = [a for u in urls for a in ("--feed", u)]
    code, out, err = _cli(env, capsys, "scan", *feed_args, "--json", "-")
    doc = json.loads(out)
    return Outcome(code, [(p["arxiv_id"], p["score"]) for p in doc["proposals"]], err, _seen(env), {})


def _add(env: Env, capsys: pytest.CaptureFixture[str], urls: list[str]) -> Outcome:
    output = env.root / "out" / "README.md"
    code, _, err = _cli(env, capsys, "add", "1707.08567", "--section", "6.3 Agent and Tool Use",
                        "--readme", str(README), "--output", str(output))
    text = output.read_text(encoding="utf-8") if output.exists() else None
    return Outcome(code, text, err, _seen(env), load_cache(env.cache))


def _explain(env: Env, capsys: pytest.CaptureFixture[str], urls: list[str]) -> Outcome:
    code, out, err = _cli(env, capsys, "explain", "1707.08567", "--json")
    return Outcome(code, json.loads(out) if code == 0 else None, err, _seen(env), load_cache(env.cache))


def _resolve(env: Env, capsys: pytest.CaptureFixture[str], urls: list[str]) -> Outcome:
    """What `train` does with the list's ids (model.train_models -> resolve), on seven ids in three batches."""
    got = resolve(BATCH_IDS, load_config(env.config))
    assert sorted(got.missing) == sorted(set(BATCH_IDS) - set(got.papers))
    why = "".join(f"{i}: {got.errors[i]}\n" for i in got.missing)
    return Outcome(0, got.papers, why, set(), load_cache(env.cache))


@dataclass(frozen=True)
class Scenario:
    run: Callable[[Env, pytest.CaptureFixture[str], list[str]], Outcome]
    feeds: bool  # the requests are the feeds' (one each), else the API's


SCENARIOS = {
    "fetch": Scenario(_fetch, feeds=True),
    "scan": Scenario(_scan, feeds=True),
    "add": Scenario(_add, feeds=False),
    "explain": Scenario(_explain, feeds=False),
    "resolve": Scenario(_resolve, feeds=False),
}

_CLEAN: dict[tuple[str, tuple[str, ...]], tuple[Outcome, list[Request]]] = {}


def clean(name: str, env: Env, capsys: pytest.CaptureFixture[str], urls: list[str]) -> tuple[Outcome, list[Request]]:
    """The scenario's clean run from its start (and its requests), once per module."""
    key = (name, tuple(urls))
    if key not in _CLEAN:
        env.reset()
        env.injector.arm(None)
        start = len(env.server.requests)
        outcome = SCENARIOS[name].run(env, capsys, urls)
        assert outcome.code == 0 and "Traceback" not in outcome.err, outcome.err
        assert all(s <= 3.0 for s in env.sleeps), env.sleeps  # the API's spacing only, never a retry
        _CLEAN[key] = (outcome, env.server.requests[start:])
    return _CLEAN[key]


def check_error_line(outcome: Outcome, fault: Fault, source: str) -> None:
    """Exit 1 and one `paperbot: error:` line naming the source and the cause; never a traceback."""
    err = outcome.err
    assert "Traceback" not in err, err
    assert outcome.code == 1, (outcome.code, err)
    lines = [line for line in err.splitlines() if line.startswith("paperbot: error:")]
    assert len(lines) == 1, err
    assert err.rstrip("\n").splitlines()[-1] == lines[0], err
    assert source in lines[0] and CAUSE[fault.name] in lines[0], lines[0]


# ---------------------------------------------------------------------------------------------- the sweep


@pytest.mark.parametrize("mode", ["once", "persistent"])
@pytest.mark.parametrize("scenario_name", list(SCENARIOS))
def test_every_arxiv_request_failing_in_turn_keeps_the_promises(scenario_name, mode, env, capsys, subtests):
    scenario = SCENARIOS[scenario_name]
    base, requests = clean(scenario_name, env, capsys, env.feeds)
    assert len(requests) == (2 if scenario.feeds else {"resolve": 3}.get(scenario_name, 1)), requests
    alone = [clean(scenario_name, env, capsys, [url])[0] for url in env.feeds] if scenario.feeds else []
    for k, request in enumerate(requests):
        for fault in FAULTS.values():
            if mode == "once" and (not fault.transient or (scenario.feeds and fault.name == EMPTY_DAY)):
                continue
            if (not FULL and fault.name in LEAN_SKIP.get(scenario_name, ())) or (
                    scenario.feeds and fault.name in API_ONLY):
                continue
            with subtests.test(k=k, request=request.path, fault=fault.name):
                env.reset()
                env.injector.arm(k, fault, times=1 if mode == "once" else 99)
                got = scenario.run(env, capsys, env.feeds)
                assert env.injector.fired, "the fault never fired"
                assert "Traceback" not in got.err, got.err
                if mode == "once":
                    assert (got.code, got.out, got.seen, got.cache) == (0, base.out, base.seen, base.cache), got.err
                    assert len(env.sleeps) >= 1
                    if fault.name == "503-retry-after" and not scenario.feeds:
                        assert max(env.sleeps) >= 2  # arXiv's Retry-After, honoured
                    continue
                if scenario.feeds:
                    check_feed_failure(env, capsys, scenario, base, alone[1 - k], got, fault, k)
                else:
                    check_api_failure(env, capsys, scenario_name, base, got, fault, k)


def check_feed_failure(env: Env, capsys: pytest.CaptureFixture[str], scenario: Scenario, base: Outcome,
                       alone: Outcome, got: Outcome, fault: Fault, k: int) -> None:
    """The other feed's papers are used as if it were the only one (`alone`), the failed feed's are not marked
    seen, and the next run gets them."""
    failed = env.feeds[k]
    if fault.name == EMPTY_DAY:  # arXiv's empty feed: a day without announcements, not a failure
        assert got.code == 0 and "paperbot: error" not in got.err, got.err
    else:
        check_error_line(got, fault, failed)
    assert got.out == alone.out, "the other feed's papers must be used as if it were the only one"
    assert got.seen == alone.seen, "state marks only what the feeds that answered brought"
    env.injector.arm(None)  # the next run, the fault gone: everything the clean run saw is seen now
    again = scenario.run(env, capsys, env.feeds)
    assert again.code == 0 and got.seen | set(again.seen) == base.seen, again.err


def check_api_failure(env: Env, capsys: pytest.CaptureFixture[str], name: str, base: Outcome, got: Outcome,
                      fault: Fault, k: int) -> None:
    """Nothing wrong cached, an error naming arXiv and the cause (add, explain), and a re-run gets it all."""
    assert all(base.cache.get(i) == p for i, p in got.cache.items()), "the cache holds a paper the clean run lacks"
    if name == "resolve":
        assert all(base.out[i] == p for i, p in got.out.items())
        assert got.err and all(CAUSE[fault.name] in line for line in got.err.splitlines()), got.err
        assert set(got.cache) == set(got.out), "what was resolved is cached, and only that"
    else:
        check_error_line(got, fault, "1707.08567")
        assert "arXiv" in got.err
        assert got.out is None and not got.cache
    env.injector.arm(None)
    again = SCENARIOS[name].run(env, capsys, env.feeds)
    assert (again.code, again.out, again.cache) == (0, base.out, base.cache), again.err
