from __future__ import annotations

import itertools
import json
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import pytest

from bot.arxiv_api import (
    ArxivApiError,
    ArxivClient,
    load_cache,
    load_metadata_jsonl,
    normalize_id,
    read_metadata,
    resolve,
)
from bot.config import Config
from bot.errors import PaperbotError
from bot.papers import Paper, Venue, accepted_venue, parse_arxiv_id
from tests.conftest import REPO, NetworkBlocked, fail_dns
from tests.servers.arxiv import API_DIR, ArxivServer, Reply

TWO_IDS = "id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json"  # 1707.08567 exists, 0808.05394 does not
ZERO = "id_0000.0000_s0_m100_8b51d9633a68.json"
MALFORMED = "id_abc_s0_m100_b79c8dcf6bc3.json"
SEARCH = "q_testing_s0_m10_bc5a6c384fe9.json"
TESTING_IDS = ["2202.12139", "2405.13786", "2005.14124", "2204.08348", "2302.03287", "1202.4527", "2503.05378",
               "1205.1866", "2502.07719", "1812.11470"]


class FakeClock:
    """Monotonic time that only moves when the client sleeps: spacing is checked without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock):
    with ArxivServer(clock=clock) as s:
        yield s


def client_for(url: str, clock: FakeClock, **kwargs) -> ArxivClient:
    kwargs.setdefault("timeout", 5)
    return ArxivClient(url, clock=clock, sleep=clock.sleep, **kwargs)


def gaps(server: ArxivServer) -> list[float]:
    times = [r.time for r in server.requests]
    return [b - a for a, b in itertools.pairwise(times)]


def test_fetch_reads_the_recorded_answer(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply.api_fixture(TWO_IDS))
    client = client_for(url, clock, contact="https://github.com/octo-org/awesome-list")

    papers = client.fetch(["0808.05394", "1707.08567v1"])

    assert list(papers) == ["1707.08567"]
    paper = papers["1707.08567"]
    assert paper.title == "Proceedings of Workshop AEW10: Concepts in Information Theory and Communications"
    assert paper.abstract.startswith('The 10th Asia-Europe workshop in "Concepts in Information Theory')
    assert paper.version == 1
    assert paper.categories[0] == "cs.IT"
    assert paper.published == "2017-07-27"
    assert client.errors == {"0808.05394": "arXiv API: no such paper (zero results)"}
    (request,) = server.requests
    assert request.query == {"id_list": ["0808.05394,1707.08567"], "max_results": ["2"]}
    agent = request.headers["User-Agent"]
    assert agent.startswith("paperbot/") and "+https://github.com/octo-org/awesome-list" in agent


def test_many_entries_with_authors_and_primary_category(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply.api_fixture(SEARCH))
    papers = client_for(url, clock).fetch(TESTING_IDS)
    assert sorted(papers) == sorted(TESTING_IDS)
    first = papers["2202.12139"]
    assert first.title == "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques"
    assert first.categories[0] == "cs.SE"
    assert papers["2005.14124"].version == 2
    assert first.authors[0] and all(a == a.strip() for a in first.authors)
    assert all(p.categories and p.abstract and "\n" not in p.abstract for p in papers.values())


def test_malformed_id_http_400_is_reported_missing_without_retry(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply.api_fixture(MALFORMED))
    client = client_for(url, clock)
    assert client.fetch(["abc"]) == {}
    assert client.errors == {"abc": "arXiv API: incorrect id format for abc"}
    assert len(server.requests) == 1 and clock.sleeps == []


def test_one_bad_id_does_not_cost_its_batch(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply.api_fixture(MALFORMED), Reply.api_fixture(TWO_IDS))
    client = client_for(url, clock)
    assert list(client.fetch(["1707.08567", "abc"])) == ["1707.08567"]
    assert client.errors == {"abc": "arXiv API: incorrect id format for abc"}
    assert [r.query["id_list"] for r in server.requests] == [["1707.08567,abc"], ["1707.08567"]]


def test_zero_results_is_missing(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply.api_fixture(ZERO))
    client = client_for(url, clock)
    assert client.fetch(["0000.0000"]) == {}
    assert client.errors == {"0000.0000": "arXiv API: no such paper (zero results)"}


def test_429_then_200_retries_with_backoff(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply(429, b"Rate exceeded.", content_type="text/plain"), Reply.api_fixture(TWO_IDS))
    client = client_for(url, clock, backoff=5.0)
    papers = client.fetch(["0808.05394", "1707.08567"])
    assert list(papers) == ["1707.08567"]
    assert len(server.requests) == 2
    assert clock.sleeps == [5.0]
    assert gaps(server) == [5.0]


def test_503_with_retry_after_seconds_is_honoured(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply(503, b"busy", headers={"Retry-After": "42"}), Reply.api_fixture(TWO_IDS))
    client = client_for(url, clock, backoff=5.0)
    assert "1707.08567" in client.fetch(["1707.08567", "0808.05394"])
    assert clock.sleeps == [42.0]
    assert gaps(server) == [42.0]


def test_retry_after_as_http_date(server: ArxivServer, clock: FakeClock) -> None:
    wall = 1_800_000_000.0
    date = format_datetime(datetime.fromtimestamp(wall + 30, UTC), usegmt=True)
    url = server.api(Reply(503, b"busy", headers={"Retry-After": date}), Reply.api_fixture(ZERO))
    client = client_for(url, clock, backoff=1.0, wallclock=lambda: wall)
    client.fetch(["0000.0000"])
    assert clock.sleeps == [30.0]


def test_retry_after_too_long_gives_up(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply(503, b"maintenance", headers={"Retry-After": "86400"}))
    client = client_for(url, clock, max_wait=600)
    with pytest.raises(ArxivApiError, match="arXiv asks to wait 86400s"):
        client.fetch(["1707.08567"])
    assert len(server.requests) == 1 and clock.sleeps == []


def test_retries_are_bounded_and_exponential(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply(502, b"bad gateway"))
    client = client_for(url, clock, max_retries=3, backoff=4.0)
    with pytest.raises(ArxivApiError, match="HTTP 502; gave up after 4 attempt"):
        client.fetch(["1707.08567"])
    assert clock.sleeps == [4.0, 8.0, 16.0]
    assert client.errors == {"1707.08567": f"{url}: HTTP 502; gave up after 4 attempt(s)"}


def test_a_hanging_server_times_out_and_is_retried(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply.hang(5.0), Reply.api_fixture(TWO_IDS))
    client = client_for(url, clock, timeout=0.3, backoff=3.0)
    started = time.monotonic()
    assert list(client.fetch(["1707.08567"])) == ["1707.08567"]
    assert time.monotonic() - started < 3
    assert len(server.requests) == 2 and clock.sleeps == [3.0]


def test_an_answer_that_trickles_is_cut_off_and_retried(server: ArxivServer, clock: FakeClock) -> None:
    whole = Reply.api_fixture(TWO_IDS)
    url = server.api(Reply(body=whole.body, content_type=whole.content_type, drip=0.2), whole)
    client = client_for(url, clock, timeout=0.5, backoff=3.0)
    started = time.monotonic()
    assert list(client.fetch(["1707.08567"])) == ["1707.08567"]
    assert time.monotonic() - started < 2.0
    assert len(server.requests) == 2 and clock.sleeps == [3.0]


def test_connection_errors_are_retried_then_reported(clock: FakeClock) -> None:
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    client = client_for(f"http://127.0.0.1:{port}/api/query", clock, max_retries=2, backoff=1.0)
    with pytest.raises(ArxivApiError, match=f"127.0.0.1:{port} refused the connection; gave up after 3 attempt"):
        client.fetch(["1707.08567"])
    # backoff 1 s, topped up to the 3 s spacing (2 s more); backoff 2 s, topped up by 1 s
    assert clock.sleeps == [1.0, 2.0, 2.0, 1.0]
    assert len(client.errors) == 1 and client.requests_made == 3


def test_a_host_that_does_not_resolve_is_not_asked_again(clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """arxiv_api.base_url with a typo, or no network: the same answer a minute later, so say it now."""
    fail_dns(monkeypatch)
    client = client_for("https://export.arxiv.example/api/query", clock, max_retries=2, backoff=1.0)
    with pytest.raises(ArxivApiError) as caught:
        client.fetch(["1707.08567"])
    assert str(caught.value) == ("https://export.arxiv.example/api/query: cannot resolve export.arxiv.example: "
                                 "no such host, or no network")
    assert clock.sleeps == [] and client.requests_made == 1


def test_requests_are_spaced_by_min_interval_including_retries(server: ArxivServer, clock: FakeClock) -> None:
    """arXiv's rule: never more than one request every 3 s. Five ids in batches of two plus a 429."""
    url = server.api(
        Reply.api_fixture(ZERO),
        Reply(429, b"slow down"),
        Reply.api_fixture(ZERO),
        Reply.api_fixture(ZERO),
    )
    client = client_for(url, clock, min_interval=3.0, backoff=1.0, batch_size=2)
    started = time.monotonic()
    client.fetch(["2401.00001", "2401.00002", "2401.00003", "2401.00004", "2401.00005"])
    assert time.monotonic() - started < 2  # nothing slept for real
    assert [r.query["id_list"][0] for r in server.requests] == [
        "2401.00001,2401.00002", "2401.00003,2401.00004", "2401.00003,2401.00004", "2401.00005",
    ]
    assert len(gaps(server)) == 3
    assert all(gap >= 3.0 for gap in gaps(server))
    assert gaps(server) == [3.0, 3.0, 3.0]  # the 1 s backoff is topped up to the 3 s spacing
    assert server.requests[0].time == 1000.0  # the first request is not delayed


def test_min_interval_counts_time_already_spent(server: ArxivServer, clock: FakeClock) -> None:
    url = server.api(Reply.api_fixture(ZERO))
    client = client_for(url, clock, min_interval=3.0, batch_size=1)
    client.fetch(["2401.00001"])
    clock.now += 2.0  # the caller did other work meanwhile
    client.fetch(["2401.00002"])
    assert clock.sleeps == [1.0]
    assert gaps(server) == [3.0]


# ---------------------------------------------------------------------- metadata file, cache, resolve


def _cut(name: str, marker: bytes) -> Reply:
    """A recorded answer cut off where `marker` starts: what a dropped connection delivers with a 200."""
    whole = Reply.api_fixture(name)
    return Reply(status=200, body=whole.body[: whole.body.index(marker)], content_type=whole.content_type)


def test_an_answer_cut_off_mid_xml_is_asked_again(server: ArxivServer, clock: FakeClock, tmp_path: Path) -> None:
    """feedparser reads a truncated 200 leniently (empty abstract, no authors): the client must not take it."""
    url = server.api(_cut(TWO_IDS, b"<summary>"), Reply.api_fixture(TWO_IDS))
    papers = client_for(url, clock, backoff=2.0).fetch(["1707.08567"])
    assert papers["1707.08567"].abstract.startswith("The 10th Asia-Europe workshop")
    assert len(server.requests) == 2 and 2.0 in clock.sleeps


def test_a_broken_answer_is_never_cached(server: ArxivServer, clock: FakeClock, tmp_path: Path) -> None:
    url = server.api(*[_cut(TWO_IDS, b"<summary>")] * 3)
    config = _config(tmp_path, url)
    result = resolve(["1707.08567"], config, client=client_for(url, clock, max_retries=2))
    assert result.papers == {} and result.missing == ["1707.08567"]
    assert "the answer is broken XML" in result.errors["1707.08567"]
    assert "gave up after 3 attempt(s)" in result.errors["1707.08567"]
    assert not config.arxiv_api.cache.exists()


def _without_entries(name: str) -> Reply:
    """A recorded answer with its entries taken out and opensearch:totalResults kept: arXiv's "empty page"."""
    whole = Reply.api_fixture(name)
    body = whole.body[: whole.body.index(b"<entry>")] + b"</feed>\n"
    return Reply(status=200, body=body, content_type=whole.content_type)


def test_an_answer_short_of_its_own_total_is_asked_again(server: ArxivServer, clock: FakeClock) -> None:
    """A 200 with no entries while totalResults says 1: not "no such paper", which `add` would have printed."""
    url = server.api(_without_entries(TWO_IDS), Reply.api_fixture(TWO_IDS))
    client = client_for(url, clock, backoff=2.0)
    assert list(client.fetch(["0808.05394", "1707.08567"])) == ["1707.08567"]
    assert len(server.requests) == 2 and 2.0 in clock.sleeps


def test_an_answer_that_stays_short_is_an_error_not_a_missing_paper(
    server: ArxivServer, clock: FakeClock, tmp_path: Path
) -> None:
    url = server.api(_without_entries(TWO_IDS))
    config = _config(tmp_path, url)
    result = resolve(["1707.08567"], config, client=client_for(url, clock, max_retries=1))
    assert result.papers == {} and result.missing == ["1707.08567"]
    assert "the answer is incomplete (0 of 1 entries); gave up after 2 attempt(s)" in result.errors["1707.08567"]
    assert not config.arxiv_api.cache.exists()


def test_load_metadata_jsonl_reads_the_real_file() -> None:
    papers = load_metadata_jsonl(REPO / "data" / "arxiv" / "list-metadata.jsonl")
    assert len(papers) == 173
    paper = papers["2110.07178"]
    assert paper.title == "Symbolic Knowledge Distillation: from General Language Models to Commonsense Models"
    assert paper.abstract.startswith("The common practice for training commonsense models")
    assert paper.categories and paper.categories[0].startswith("cs.")


def test_load_metadata_jsonl_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "meta.jsonl"
    path.write_text('{"id": "2401.16380", "title": "T", "abstract": "A", "categories": ["cs.CL"]}\n{oops\n')
    with pytest.raises(PaperbotError, match=r"meta\.jsonl:2: not valid JSON"):
        load_metadata_jsonl(path)
    path.write_text('{"id": "not-an-id", "title": "T"}\n')
    with pytest.raises(PaperbotError, match=r"meta\.jsonl:1: 'id' 'not-an-id' is not an arXiv id"):
        load_metadata_jsonl(path)
    with pytest.raises(PaperbotError, match="metadata file not found"):
        load_metadata_jsonl(tmp_path / "absent.jsonl")


def _config(tmp_path: Path, base_url: str = "http://127.0.0.1:9/api/query") -> Config:
    return Config.model_validate({"arxiv_api": {"cache": str(tmp_path / "api-cache.jsonl"), "base_url": base_url}})


def test_resolve_file_then_cache_then_api_and_a_second_run_asks_nothing(
    server: ArxivServer, clock: FakeClock, tmp_path: Path
) -> None:
    meta = tmp_path / "meta.jsonl"
    meta.write_text(
        json.dumps({"id": "2202.12139", "title": "From the file", "abstract": "File abstract.", "categories": []})
        + "\n"
        + json.dumps({"id": "2403.99999", "title": "Title only", "abstract": "", "categories": []})
        + "\n"
    )
    url = server.api(Reply.api_fixture(SEARCH))
    config = _config(tmp_path, url)
    ids = [*TESTING_IDS, "2403.99999", "abc"]

    first = resolve(ids, config, metadata=meta, client=client_for(url, clock, batch_size=100))

    assert first.papers["2202.12139"].title == "From the file"  # the file wins over the API
    assert first.papers["2403.99999"].title == "Title only"  # no abstract anywhere: title only
    assert (first.from_file, first.from_cache, first.from_api) == (2, 0, 9)
    assert first.missing == ["abc"]
    assert first.errors == {"abc": "not an arXiv id", "2403.99999": "arXiv API: no such paper (zero results)"}
    (request,) = server.requests
    assert request.query["id_list"] == [",".join(i for i in TESTING_IDS if i != "2202.12139") + ",2403.99999"]

    cached = load_cache(config.arxiv_api.cache)
    assert sorted(cached) == sorted(i for i in TESTING_IDS if i != "2202.12139")
    lines = config.arxiv_api.cache.read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == sorted(cached)
    # the comment and journal reference only where arXiv gave them (the venue a proposal's entry writes)
    base = {"id", "version", "title", "abstract", "authors", "categories", "published", "cache"}
    assert all(base <= set(json.loads(line)) <= base | {"comment", "journal_ref"} for line in lines)
    assert all(json.loads(line)["cache"] == 2 for line in lines)  # written from an answer that had its comments
    by_id = {json.loads(line)["id"]: json.loads(line) for line in lines}
    assert by_id["2005.14124"]["comment"] == ("Accepted by the ACM SIGSOFT International Symposium on Software "
                                              "Testing and Analysis (ISSTA 2020)")
    assert cached["2005.14124"].venue == Venue("ISSTA", 2020)

    second = resolve(TESTING_IDS, config, metadata=meta, client=client_for(url, clock))
    assert len(server.requests) == 1  # no new request: everything came from the file and the cache
    assert (second.from_file, second.from_cache, second.from_api) == (1, 9, 0)
    assert second.papers["2405.13786"] == first.papers["2405.13786"]


def test_a_cache_row_from_before_comments_were_kept_is_asked_again_for_its_comment(
    server: ArxivServer, clock: FakeClock, tmp_path: Path
) -> None:
    """A row older paperbot wrote has no comment, as a paper arXiv gave none has: asking for comments (what a run
    does for its proposals) asks the API again for it, once, and the answer replaces the row; other old rows stay
    as they were, and are not passed off as answers that had no comment."""
    from bot.arxiv_api import paper_to_json

    url = server.api(Reply.api_fixture(TWO_IDS))
    config = _config(tmp_path, url)
    old_rows = [  # as paperbot wrote them before it kept comments: no comment, no "cache" key
        {"id": "1707.08567", "version": 1, "title": "Proceedings of Workshop AEW10", "abstract": "The 10th ...",
         "authors": ["Kees A. Schouhamer Immink"], "categories": ["cs.IT"], "published": "2017-07-27"},
        {"id": "2401.16380", "version": 1, "title": "Another", "abstract": "A.", "authors": [], "categories": [],
         "published": "2024-01-29"},
    ]
    config.arxiv_api.cache.write_text("".join(json.dumps(row) + "\n" for row in old_rows), encoding="utf-8")

    plain = resolve(["1707.08567"], config, client=client_for(url, clock))
    assert plain.from_cache == 1 and server.requests == []  # abstracts only: the old row does
    asked = resolve(["1707.08567"], config, client=client_for(url, clock), comments=True)
    (request,) = server.requests
    assert request.query["id_list"] == ["1707.08567"]
    assert asked.from_api == 1 and asked.papers["1707.08567"].comment.startswith("44 pages, editors")
    rows = {json.loads(line)["id"]: json.loads(line) for line in config.arxiv_api.cache.read_text().splitlines()}
    assert rows["1707.08567"]["cache"] == 2 and rows["1707.08567"]["comment"].startswith("44 pages")
    assert rows["2401.16380"] == old_rows[1]  # still an old row: asked again when a run wants its comment
    again = resolve(["1707.08567"], config, client=client_for(url, clock), comments=True)
    assert again.from_cache == 1 and len(server.requests) == 1  # answered once, cached for good
    # the cache's key is the cache's: metadata files and the state's papers keep their shape
    assert "cache" not in paper_to_json(again.papers["1707.08567"])


def test_an_old_cache_row_stays_when_arxiv_does_not_answer(
    server: ArxivServer, clock: FakeClock, tmp_path: Path
) -> None:
    url = server.api(Reply(503, b"down"))
    config = _config(tmp_path, url)
    row = {"id": "1707.08567", "title": "T", "abstract": "A", "categories": ["cs.IT"]}
    config.arxiv_api.cache.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = resolve(["1707.08567"], config, client=client_for(url, clock, max_retries=1), comments=True)
    assert len(server.requests) == 2  # asked, and once again
    assert result.papers["1707.08567"].title == "T" and result.from_cache == 1
    assert result.missing == [] and result.errors == {}
    assert json.loads(config.arxiv_api.cache.read_text()) == row  # unchanged, still an old row


def test_resolve_offline_never_asks(tmp_path: Path) -> None:
    result = resolve(["1707.08567"], _config(tmp_path), offline=True)
    assert result.papers == {} and result.missing == ["1707.08567"]
    assert result.errors == {"1707.08567": "offline: not in the metadata file or cache"}


def test_resolve_survives_an_api_failure(server: ArxivServer, clock: FakeClock, tmp_path: Path) -> None:
    url = server.api(Reply(503, b"down"))
    config = _config(tmp_path, url)
    result = resolve(["1707.08567", "2401.16380"], config, client=client_for(url, clock, max_retries=1))
    assert result.papers == {}
    assert result.missing == ["1707.08567", "2401.16380"]
    assert all("HTTP 503; gave up after 2 attempt(s)" in e for e in result.errors.values())
    assert not config.arxiv_api.cache.exists()


def test_resolve_keeps_results_of_batches_before_a_failure(
    server: ArxivServer, clock: FakeClock, tmp_path: Path
) -> None:
    url = server.api(Reply.api_fixture(TWO_IDS), Reply(500, b"oops"))
    config = _config(tmp_path, url)
    client = client_for(url, clock, max_retries=0, batch_size=1)
    result = resolve(["1707.08567", "2401.16380"], config, client=client)
    assert list(result.papers) == ["1707.08567"] and result.missing == ["2401.16380"]
    assert list(load_cache(config.arxiv_api.cache)) == ["1707.08567"]


def test_a_broken_cache_line_is_skipped(tmp_path: Path) -> None:
    cache = tmp_path / "api-cache.jsonl"
    cache.write_text('{"id": "1707.08567", "title": "T", "abstract": "A", "categories": ["cs.IT"]}\n{broken\n')
    assert list(load_cache(cache)) == ["1707.08567"]
    # a bad byte costs its own line, not the cache (the next save would drop every paper it skipped)
    cache.write_bytes(b'{"id": "1707.08567", "title": "T"}\n{"id": "0808.05394", "title": "Caf\xe9"}\n'
                      b'{"id": "2401.16380", "title": "U"}\n')
    assert sorted(load_cache(cache)) == ["1707.08567", "2401.16380"]


def test_metadata_lines_are_split_on_newlines_only(tmp_path: Path) -> None:
    """json.dumps(ensure_ascii=False) writes U+2028 as it is; str.splitlines would cut the line there."""
    path = tmp_path / "meta.jsonl"
    doc = {"id": "2401.16380", "title": "T", "abstract": "First\u2028second\x85third"}
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\r\n", encoding="utf-8")
    assert load_metadata_jsonl(path)["2401.16380"].abstract == "First\u2028second\x85third"
    cache = tmp_path / "cache.jsonl"
    cache.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    assert list(load_cache(cache)) == ["2401.16380"]


@pytest.mark.parametrize(
    ("authors", "expected"),
    [(["Ann One", "Bob Two"], ("Ann One", "Bob Two")), ("Ann One, Bob Two", ("Ann One", "Bob Two")),
     ([{"name": "Ann One"}, {"name": "Bob Two"}], ("Ann One", "Bob Two")), (None, ())],
)
def test_metadata_authors_in_the_forms_people_write(tmp_path: Path, authors: object, expected: tuple) -> None:
    path = tmp_path / "meta.jsonl"
    path.write_text(json.dumps({"id": "2401.16380", "title": "T", "authors": authors}) + "\n")
    assert load_metadata_jsonl(path)["2401.16380"].authors == expected


def test_metadata_authors_of_another_shape_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "meta.jsonl"
    path.write_text('{"id": "2401.16380", "title": "T"}\n{"id": "2401.16381", "title": "T", "authors": [1, 2]}\n')
    with pytest.raises(PaperbotError, match=r"meta\.jsonl:2: 'authors' must be a list of names"):
        load_metadata_jsonl(path)


def test_a_metadata_line_without_a_title_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "meta.jsonl"
    path.write_text('{"id": "2401.16380", "title": "T"}\n{"id": "2401.16381"}\n')
    with pytest.raises(PaperbotError, match=r"meta\.jsonl:2: 'title' is missing or empty"):
        load_metadata_jsonl(path)


def test_metadata_lines_may_spell_the_id_as_paperbots_json_does(tmp_path: Path) -> None:
    """`fetch --json` and `scan --json` write "arxiv_id": their papers can be fed back as --metadata."""
    path = tmp_path / "meta.jsonl"
    path.write_text('{"arxiv_id": "2401.16380v2", "title": "T"}\n')
    assert list(load_metadata_jsonl(path)) == ["2401.16380"]
    path.write_text('{"title": "T"}\n')
    with pytest.raises(PaperbotError, match=r"meta\.jsonl:1: no 'id' \(or 'arxiv_id'\) key"):
        load_metadata_jsonl(path)


def test_metadata_rows_may_name_a_paper_by_the_link_a_list_gives_it(tmp_path: Path) -> None:
    """A paper a list links to OpenReview, the ACL Anthology, a DOI or a proceedings page has no arXiv id to key its
    row by: such a row was refused ("no 'id' (or 'arxiv_id') key"); now it is named by that link, in any of the
    forms people copy (the page, the bare id, the DOI of an ACL paper), and an arXiv page as 'url' is its id."""
    path = tmp_path / "meta.jsonl"
    rows = [
        {"url": "https://openreview.net/pdf?id=ThjDCZOljE", "title": "A", "abstract": "a"},
        {"openreview": "mVCcWCjeEz", "title": "B", "abstract": "b"},
        {"doi": "10.18653/v1/2023.emnlp-main.647", "title": "C", "abstract": "c"},
        {"acl": "https://aclanthology.org/2024.findings-emnlp.23.pdf", "title": "D"},
        {"url": "https://proceedings.mlr.press/v235/burns24b.html", "title": "E", "abstract": "e"},
        {"url": "http://arxiv.org/abs/2401.16380v2", "title": "F", "abstract": "f"},
        {"id": "2402.13446", "doi": "https://doi.org/10.1145/3715097", "title": "G", "abstract": "g"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    found = read_metadata(path)
    assert {k: p.title for k, p in found.by_link.items()} == {
        "openreview:ThjDCZOljE": "A", "openreview:mVCcWCjeEz": "B",
        "doi:10.18653/v1/2023.emnlp-main.647": "C", "acl:2023.emnlp-main.647": "C",
        "acl:2024.findings-emnlp.23": "D", "doi:10.18653/v1/2024.findings-emnlp.23": "D",
        "url:proceedings.mlr.press/v235/burns24b.html": "E", "doi:10.1145/3715097": "G",
    }
    assert not found.by_link["acl:2023.emnlp-main.647"].arxiv_id
    assert found.by_link["doi:10.1145/3715097"].arxiv_id == "2402.13446"
    # what every other command reads (explain, add): the arXiv rows, as before
    assert list(load_metadata_jsonl(path)) == ["2401.16380", "2402.13446"] == list(found.by_id)


@pytest.mark.parametrize(("row", "error"), [
    ({"url": "openreview.net/forum?id=x", "title": "T"},
     "'url' 'openreview.net/forum?id=x' is not a web address (https://...)"),
    ({"url": 3, "title": "T"}, "'url' 3 is not a web address (https://...)"),
    ({"doi": "not a doi", "title": "T"}, "'doi' 'not a doi' is not a DOI (10.NNNN/...)"),
    ({"openreview": "https://example.com/x", "title": "T"}, "'openreview' 'https://example.com/x' is not an "
                                                              "OpenReview id or page"),
    ({"acl": "", "title": "T"}, "'acl' '' is not an ACL Anthology id or page"),
    ({"openreview": "mVCcWCjeEz"}, "'title' is missing or empty"),
    ({"title": "T", "abstract": "A"}, "no 'id' (or 'arxiv_id') key, nor a link that names the paper ('url', 'doi', "
                                      "'openreview', 'acl')"),
    # an arXiv page as 'url' beside an 'id' of another paper: was read as the 'id', the 'url' dropped unseen
    ({"id": "2401.16380", "url": "https://arxiv.org/abs/2402.13446", "title": "T"},
     "'url' 'https://arxiv.org/abs/2402.13446' is arXiv 2402.13446, not the row's 'id' 2401.16380"),
])
def test_a_metadata_row_whose_link_names_no_paper_names_the_line(tmp_path: Path, row: dict, error: str) -> None:
    path = tmp_path / "meta.jsonl"
    path.write_text('{"id": "2401.16380", "title": "T"}\n' + json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(PaperbotError) as caught:
        load_metadata_jsonl(path)
    assert str(caught.value) == f"{path}:2: {error}"


def test_a_metadata_row_may_give_its_arxiv_page_beside_its_id(tmp_path: Path) -> None:
    """The same paper written both ways, any version or form of the page, is one row, as before."""
    path = tmp_path / "meta.jsonl"
    path.write_text(json.dumps({"id": "arXiv:2401.16380v2", "url": "https://arxiv.org/pdf/2401.16380.pdf",
                                "title": "T"}) + "\n", encoding="utf-8")
    assert list(load_metadata_jsonl(path)) == ["2401.16380"]


def test_recorded_fixtures_are_what_the_server_sends() -> None:
    doc = json.loads((API_DIR / MALFORMED).read_text())
    assert Reply.api_fixture(MALFORMED).body == doc["body"].encode("latin-1")
    assert Reply.api_fixture(MALFORMED).status == 400


def test_the_default_api_url_cannot_be_reached_from_tests(clock: FakeClock) -> None:
    """The conftest guard stops the real client before it reaches export.arxiv.org."""
    client = ArxivClient(clock=clock, sleep=clock.sleep, max_retries=0, timeout=2)
    assert client.base_url == "https://export.arxiv.org/api/query"
    with pytest.raises(NetworkBlocked):
        client.fetch(["2401.16380"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2503.14023", "2503.14023"), ("arXiv:2503.14023v2", "2503.14023"), ("1412.6980", "1412.6980"),
     ("hep-th/9901001v1", "hep-th/9901001"), ("2401.1234", None), ("1412.69801", None), ("2513.14023", None),
     ("2500.14023", None), ("0612.1234", None), ("9912.12345", None), ("math.GT/0309136v2", "math/0309136"),
     ("arXiv:math/0309136", "math/0309136")],
)
def test_normalize_id_takes_only_ids_arxiv_can_have(text: str, expected: str | None) -> None:
    """Four digits after the dot until 2014, five since, months 01-12: anything else is a typo."""
    assert normalize_id(text) == expected


def test_an_old_style_id_with_its_subject_class_is_the_same_paper() -> None:
    """arXiv's identifier of math.GT/0309136 is math/0309136, as feeds and the API write it: a link with the
    class must find the paper, and dedupe against the list must match it."""
    from bot.papers import Paper, arxiv_id_from_url, versionless_id

    assert arxiv_id_from_url("https://arxiv.org/abs/math.GT/0309136v2") == "math/0309136"
    assert versionless_id("math.GT/0309136") == Paper("math/0309136", "T").arxiv_id == "math/0309136"


@pytest.mark.parametrize(("comment", "year", "venue"), [
    # the shapes authors write; the first four are recorded answers (q_testing fixture)
    ("Accepted by the ACM SIGSOFT International Symposium on Software Testing and Analysis (ISSTA 2020)", 2020,
     Venue("ISSTA", 2020)),
    ("13 pages, 6 figures, In Proceedings of the 31st ACM SIGSOFT International Symposium on Software Testing and "
     "Analysis (ISSTA) 2022", 2022, Venue("ISSTA", 2022)),
    ("Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022", 2022, Venue("ICST", 2022, "workshop")),
    ("GUI Testing, Test case generation", 2012, None),
    ("Accepted to ACL 2025 Main Conference", 2025, Venue("ACL", 2025)),
    ("ACL 2025 Findings", 2025, Venue("ACL", 2025, "findings")),
    ("Findings of EMNLP 2024; 15 pages", 2024, Venue("EMNLP", 2024, "findings")),
    ("9 pages. Accepted to NAACL 2025 (Findings)", 2025, Venue("NAACL", 2025, "findings")),
    ("NeurIPS 2024 (Spotlight). Code: https://github.com/x/y", 2024, Venue("NeurIPS", 2024)),
    ("To appear in AAAI'25", 2024, Venue("AAAI", 2025)),
    ("This paper has been accepted by TheWebConf 2025", 2025, Venue("WWW", 2025)),
    ("Accepted to the ICLR 2025 Workshop on Data Problems for Foundation Models", 2025,
     Venue("ICLR", 2025, "workshop")),
    ("ACL 2025 demo track", 2025, Venue("ACL", 2025, "demo")),
    # an industry track, and a companion volume (posters, demos, workshops), are not the main conference
    ("Accepted at ACL 2025 (Industry Track)", 2025, Venue("ACL", 2025, "industry")),
    ("(ACL 2025) Industry Track", 2025, Venue("ACL", 2025, "industry")),
    ("NAACL 2025 Industry Track, 9 pages", 2025, Venue("NAACL", 2025, "industry")),
    ("Accepted at WWW '24 Companion", 2024, None),
    # joint conferences, written joined
    ("Accepted to LREC-COLING 2024", 2024, Venue("LREC-COLING", 2024)),
    ("Findings of ACL-IJCNLP 2021", 2021, Venue("ACL-IJCNLP", 2021, "findings")),
    ("EMNLP-IJCNLP 2019 (long paper)", 2019, Venue("EMNLP-IJCNLP", 2019)),
    ("Accepted at IJCNLP-AACL 2025", 2025, Venue("IJCNLP-AACL", 2025)),
    ("Accepted in AACL-IJCNLP 2025", 2025, Venue("AACL-IJCNLP", 2025)),
    ("Accepted at NAACL-HLT 2019", 2019, Venue("NAACL", 2019)),
    # NeurIPS's Datasets and Benchmarks track, which the seed list writes "NeurIPS D&B 2024"
    ("Accepted to NeurIPS 2024 Datasets and Benchmarks Track", 2024, Venue("NeurIPS", 2024, "datasets")),
    ("NeurIPS 2024 Track on Datasets and Benchmarks", 2024, Venue("NeurIPS", 2024, "datasets")),
    ("Accepted to ICLR 2025 and NeurIPS 2024 Datasets and Benchmarks", 2025, Venue("ICLR", 2025)),
    # a workshop held at a venue, or a side track of it, is not its main conference
    ("Accepted at the MATH-AI workshop, NeurIPS 2024", 2024, Venue("NeurIPS", 2024, "workshop")),
    ("Accepted at GenBench@EMNLP 2024", 2024, Venue("EMNLP", 2024, "workshop")),
    ("Accepted at BlackboxNLP @ EMNLP 2024", 2024, Venue("EMNLP", 2024, "workshop")),
    ("Accepted to SemEval-2024 (co-located with NAACL 2024)", 2024, Venue("NAACL", 2024, "workshop")),
    ("Accepted to the MATH-AI and FM4Science workshops at NeurIPS 2024", 2024, Venue("NeurIPS", 2024, "workshop")),
    ("ACL 2025 SRW", 2025, Venue("ACL", 2025, "workshop")),
    ("ICLR 2025 Tiny Papers Track", 2025, Venue("ICLR", 2025, "workshop")),
    ("CoNLL 2024 BabyLM Challenge", 2024, Venue("CoNLL", 2024, "workshop")),
    # the track is the one next to the venue, not another venue's in the same sentence
    ("Accepted to ICLR 2025 and the ICML 2025 workshop on X", 2025, Venue("ICLR", 2025)),
    ("Accepted to ICML 2025 (an earlier version was presented at a NeurIPS 2024 workshop)", 2025,
     Venue("ICML", 2025)),
    ("Accepted at NAACL 2025 main and ACL 2025 Findings", 2025, Venue("NAACL", 2025)),
    # comments of 2025 papers as arXiv digests quote them (bench/venue_comments.jsonl): a workshop or a demo track
    # named after the venue, Findings before it, and a venue's template, which is no venue
    ("NeurIPS 2025 AI for Music Workshop", 2025, Venue("NeurIPS", 2025, "workshop")),
    ("CVPR 2025 HuMoGen Workshop", 2025, Venue("CVPR", 2025, "workshop")),
    ("This paper has been accepted by CIKM 2025 STIntelligence Workshop", 2025, Venue("CIKM", 2025, "workshop")),
    ("EMNLP 2025 System Demonstration", 2025, Venue("EMNLP", 2025, "demo")),
    ("Accepted at NeurIPS 2024 (also presented at the MATH-AI workshop)", 2024, Venue("NeurIPS", 2024)),
    ("Accepted as findings for EMNLP 2025", 2025, Venue("EMNLP", 2025, "findings")),
    ("AAAI 2026 Oral | Project Page: https://shihao1895.github.io/SpatialActor", 2025, Venue("AAAI", 2026)),
    ("Preprint. 8 pages, 3 figures, 1 table, 1 algorithm. CoRL 2025 style (preprint). Code/data to be released", 2025,
     None),
    # a preprint of a paper the same words say was accepted or published is the paper's venue; a preprint alone is not
    ("Preprint of a paper accepted as a poster at the NeurIPS 2025 Workshop on Generative AI for Health "
     "(GenAI4Health). The final camera-ready workshop version may differ. Licensed under CC BY 4.0", 2025,
     Venue("NeurIPS", 2025, "workshop")),
    ("This is the preprint version of the paper published in ICASSP 2025. The final version is available at IEEE "
     "Xplore: https://ieeexplore.ieee.org/document/10890178", 2024, Venue("ICASSP", 2025)),
    ("Preprint. Under review at EMNLP 2026 (ARR)", 2026, None),
    ("A preprint for NeurIPS 2025", 2025, None),
    # a year joined to the name
    ("Accepted for presentation at CoRL2025", 2025, Venue("CoRL", 2025)),
    ("Accepted in EMNLP2025 Main, 12 pages, 7 figures, 9 tables", 2025, Venue("EMNLP", 2025)),
    ("To appear at AAAI-26", 2025, Venue("AAAI", 2026)),
    # a comma between the name and a year that stands alone; a year before the name (the organisers' between), or
    # a workshop's before the venue it is held at; a workshop joined to its venue by "4" (as "for")
    ("Accepted in INTERSPEECH, 2025, Rotterdam, The Netherlands", 2025, Venue("Interspeech", 2025)),
    ("This paper has been accepted to the 2025 IEEE/RSJ IROS", 2025, Venue("IROS", 2025)),
    ("Accepted for publication at the 2025 IEEE ICDM Workshop on \"Grounding Documents with Reasoning, Agents, "
     "Retrieval, and Attribution\". This is author submitted version. Not yet published", 2025,
     Venue("ICDM", 2025, "workshop")),
    ("Camera-ready version accepted at SlavNLP-2025@ACL", 2025, Venue("ACL", 2025, "workshop")),
    # a year before the name and a workshop's name in capitals after it
    ("Accepted to the 2025 ACL Student Research Workshop", 2025, Venue("ACL", 2025, "workshop")),
    # a workshop named in full before the venue it is held at, its name's "and" no clause of its own (verbatim
    # comments of bench/venue_heldout.jsonl: 2512.00226, 2509.17750, 2512.11502)
    ("Workshop on Space in Vision, Language, and Embodied AI at NeurIPS 2025", 2025,
     Venue("NeurIPS", 2025, "workshop")),
    ("Workshop on Safe and Robust Robot Learning for Operation in the Real World (SAFE-ROL) at CoRL 2025", 2025,
     Venue("CoRL", 2025, "workshop")),
    ("In Proceedings of the Workshop on Large Language Models and Generative AI for Health Informatics 2025, IJCAI "
     "2025, Montreal, Canada", 2025, Venue("IJCAI", 2025, "workshop")),
    # but not where the words say the paper was accepted at the venue itself
    ("Presented at the Workshop on Foo and Bar, and accepted at NeurIPS 2025", 2025, Venue("NeurIPS", 2025)),
    ("Accepted at EMNLP 2024 ACL Rolling Review", 2024, None),  # the year is EMNLP's, and a review is no venue
    ("Accepted at ICML, 2025 workshop on X", 2025, None),  # whose year is it?
    # a year before a name that goes on as another conference's is not that venue's (2601.15182)
    ("To appear in 2026 ACM SIGIR Conference on Human Information Interaction and Retrieval (CHIIR '26), March "
     "22-26, 2026, Seattle, WA, USA. ACM, New York, NY, USA, 5 pages. https://doi.org/10.1145/3786304.3787923", 2026,
     None),
    # AAAI's special track on AI for Social Impact is in the main proceedings: AAAI as the list writes it
    ("Camera-Ready for AAAI-AISI26", 2025, Venue("AAAI", 2026)),
    ("AAAI 2026 Artificial Intelligence for Social Impact Track", 2025, Venue("AAAI", 2026)),
    # a bridge program is held at the conference as its workshops are (2601.01705, bench/venue_comments.jsonl); AAAI's
    # symposia are meetings of their own
    ("Accepted to AAAI-26 Bridge Program B10: Making Embodied AI Reliable with Testing and Formal Verification", 2026,
     Venue("AAAI", 2026, "workshop")),
    ("Accepted to AAAI 2025 Spring Symposium on Human-Compatible AI", 2025, None),
    ("Accepted at the AAAI 2024 Fall Symposium Series", 2024, None),
    # not accepted, or not this paper's venue: the entry says arXiv
    ("Under review at ICLR 2025", 2024, None),
    ("Submitted to NeurIPS 2025", 2025, None),
    ("An extended version of our ACL 2023 paper", 2024, None),
    ("Our code is available; we compare to ACL 2024 results", 2025, None),
    ("EMNLP 2023", 2025, None),  # two years before the paper: an earlier work's venue, not this one's
    ("Accepted by IEEE Transactions on Cybernetics 2025", 2025, None),  # a journal paperbot does not know by name
    ("accepted by IEEE TASLP", 2025, None),  # a journal without its year, on a paper not known as a first version
    ("An earlier version appeared at ACL 2024", 2025, None),
    ("A short version appeared in EMNLP 2024 Findings", 2025, None),
    ("ICLR 2025 (withdrawn)", 2025, None),
    ("The main experiments use ICLR 2025 reviews", 2025, None),
    ("We present a benchmark of NeurIPS 2024 papers", 2024, None),
    # a venue alone in brackets after the words that name it: what those words say holds for it (arXiv 2406.04299)
    ("Submitted to the 38th Conference on Neural Information Processing  Systems (NeurIPS 2024) Track on Datasets "
     "and Benchmarks", 2024, None),
    ("In Proceedings of the 38th Conference on Neural Information Processing Systems (NeurIPS 2024)", 2024,
     Venue("NeurIPS", 2024)),
])
def test_the_venue_an_arxiv_comment_says_a_paper_was_accepted_at(comment: str, year: int, venue: Venue | None) -> None:
    assert accepted_venue(comment, "", year) == venue


def _venue_of(arxiv_id: str, comment: str, journal_ref: str = "") -> Venue | None:
    """The venue a paper takes from its arXiv comment and journal reference, its id written with its version
    ("2412.00001v3": a later version never takes its id's year)."""
    pid, version = parse_arxiv_id(arxiv_id) or (arxiv_id, None)
    return Paper(pid, "T", version=version, comment=comment, journal_ref=journal_ref).venue


@pytest.mark.parametrize(("arxiv_id", "comment", "journal_ref", "venue"), [
    # arXiv comments as they are (the id's version after "v"), from daily arXiv digests
    ("2509.13747v1", "Accepted by IEEE Transactions on Pattern Analysis and Machine Intelligence (TPAMI) in September "
     "2025", "", Venue("TPAMI", 2025)),
    ("2510.06694v1", "Published in Transactions on Machine Learning Research (06/2025)", "", Venue("TMLR", 2025)),
    # no year: the id's only on a first version; a v3 of 2021 saying "Accepted by TPAMI" was accepted in 2024
    ("2111.13841v3", "Accepted by IEEE Transactions on Pattern Analysis and Machine  Intelligence (TPAMI). 18 pages, "
     "7 figures, 14 tables", "", None),
    ("2404.13914v2", "38 pages. This paper has been accepted by ACM Computing Surveys", "", None),
    ("2404.13914v1", "38 pages. This paper has been accepted by ACM Computing Surveys", "",
     Venue("ACM Computing Surveys", 2024)),
    ("2303.14133v1", "Accepted by ACM Computing Surveys (CSUR) (DOI:  https://doi.org/10.1145/3702638)", "",
     Venue("ACM Computing Surveys", 2023)),
    ("2503.18065v3", "Accepted by IEEE Transactions on Neural Networks and Learning Systems", "", None),
    ("2503.18065v1", "Accepted by IEEE Transactions on Neural Networks and Learning Systems", "", Venue("TNNLS", 2025)),
    ("2410.08527v2", "Accepted to TMLR", "", None),
    ("2410.08527v1", "Accepted to TMLR", "", Venue("TMLR", 2024)),
    # journal references from the recorded feeds (tests/fixtures/arxiv_rss)
    ("2411.18222v1", "", "IEEE/ACM Transactions on Audio, Speech, and Language Processing, vol. 32, pp. 4661-4675, "
     "2024", Venue("TASLP", 2024)),
    ("2411.18227v1", "", "Nature Communications 15, 10121 (2024)", Venue("Nature Communications", 2024)),
    ("2411.18167v1", "", "Nat. Commun. 15, 3495 (2024)", Venue("Nature Communications", 2024)),
    ("2307.01643v2", "", "Nature Physics volume 20, 465-471 (2024)", None),
    ("2305.19353v5", "", "IEEE T-Cyb, 54:11 (2024) 6283-6296", None),
    # the usual shapes of the rest
    ("2503.00001v1", "Transactions on Machine Learning Research, 2025", "", Venue("TMLR", 2025)),
    ("2503.00001v2", "Accepted by IEEE Transactions on Pattern Analysis and Machine Intelligence (TPAMI) 2025", "",
     Venue("TPAMI", 2025)),
    ("2503.00001v2", "", "Transactions of the Association for Computational Linguistics, vol 13 (2025)",
     Venue("TACL", 2025)),
    ("2403.00001v2", "", "Journal of Machine Learning Research 25 (2024)", Venue("JMLR", 2024)),
    ("2403.00001v2", "", "IEEE Trans. Pattern Anal. Mach. Intell. 46(5): 2024", Venue("TPAMI", 2024)),
    ("2503.00001v1", "ACM Computing Surveys", "", Venue("ACM Computing Surveys", 2025)),
    ("2503.00001v1", "Nature Machine Intelligence 2025", "", Venue("Nature Machine Intelligence", 2025)),
    ("2503.00001v1", "IEEE TKDE", "", Venue("TKDE", 2025)),
    ("2503.00001v1", "To appear in ACM TOSEM", "", Venue("TOSEM", 2025)),
    ("2503.00001v1", "TMLR'25", "", Venue("TMLR", 2025)),
    ("2503.00001v1", "Extended version of our ICLR 2024 paper, accepted by TPAMI 2025", "", Venue("TPAMI", 2025)),
    ("2503.00001v1", "Preprint of a paper accepted to TPAMI", "", Venue("TPAMI", 2025)),
    ("2507.12916v1", "Accepted by TNNLS2025", "", Venue("TNNLS", 2025)),
    ("2503.00001v2", "Preprint of a paper accepted to TPAMI", "", None),
    # not accepted, not this paper's year, or no journal
    ("2503.00001v1", "Submitted to TMLR", "", None),
    ("2503.00001v1", "Under review at IEEE TPAMI", "", None),
    ("2503.00001v1", "Major revision at IEEE TKDE", "", None),
    ("2503.00001v1", "Published in TMLR 2022", "", None),
    ("2503.00001v1", "We compare with the TMLR 2024 results", "", None),
    ("2503.00001v1", "A TMLR paper benchmark", "", None),
    ("2503.00001v1", "Nature of reasoning in LLMs", "", None),
    ("2503.00001v1", "The nature of reasoning. Accepted at ACL 2025", "", Venue("ACL", 2025)),
    ("2503.00001v1", "Accepted by IEEE TIP", "", Venue("TIP", 2025)),
    ("2503.00001v1", "Tips for TSE and TIP users 2025", "", None),
])
def test_a_journal_named_in_full_abbreviated_or_by_acronym_is_a_venue(
    arxiv_id: str, comment: str, journal_ref: str, venue: Venue | None
) -> None:
    assert _venue_of(arxiv_id, comment, journal_ref) == venue


@pytest.mark.parametrize(("arxiv_id", "comment", "journal_ref", "venue"), [
    # a journal reference naming its journal without a year next to it: the one year written elsewhere in it (not
    # in a page range) or in the comment's sentence of publication (in the shapes IEEE Xplore and authors write)
    ("2412.00001v2", "Accepted by IEEE RA-L", "IEEE Robotics and Automation Letters, vol. 10, no. 3, Date of "
     "Publication: 18 January 2025", Venue("RA-L", 2025)),
    ("2412.00001v3", "(c) 2025 IEEE. Personal use of this material is permitted",
     "IEEE Transactions on Pattern Analysis and Machine Intelligence, Early Access", Venue("TPAMI", 2025)),
    ("2412.00001v3", "Published online in March 2025. 14 pages", "IEEE Transactions on Multimedia, pp. 2019-2031",
     Venue("TMM", 2025)),
    # no year, two years, another venue's year, a year of no publication, or one too far from the id's: none, and
    # never the id's year on a later version
    ("2412.00001v2", "Accepted by IEEE RA-L", "IEEE Robotics and Automation Letters", None),
    ("2412.00001v3", "Accepted in 2025, published in 2026", "IEEE Transactions on Multimedia", None),
    ("2412.00001v3", "Extended version of our CVPR 2024 paper",
     "IEEE Transactions on Pattern Analysis and Machine Intelligence, Early Access", None),
    ("2412.00001v3", "Trained on the 2024 data release",
     "IEEE Transactions on Pattern Analysis and Machine Intelligence, Early Access", None),
    ("2102.00001v3", "Published in 2025", "IEEE Transactions on Multimedia", None),
    # the verbatim comments of later versions in bench/venue_comments.jsonl and venue_heldout2.jsonl: no year anywhere
    ("2411.08279v2", "Accepted to TPAMI; Deblur Gaussian Splatting SLAM", "", None),
    ("2506.13428v2", "Accepted by IEEE RA-L", "", None),
])
def test_a_journal_without_its_year_is_dated_by_the_one_year_written_elsewhere(
    arxiv_id: str, comment: str, journal_ref: str, venue: Venue | None
) -> None:
    """A later version's journal is dated by what the reference and comment write, never by the id's year."""
    assert _venue_of(arxiv_id, comment, journal_ref) == venue


def test_every_journal_reference_of_the_recorded_feeds_gives_its_venue_or_none() -> None:
    """None wrong: of the 97 journal references in the recorded feeds (physics, maths, a few of ML), those that
    give a venue are exactly these."""
    import feedparser

    venues: dict[str, Venue] = {}
    refs = 0
    for path in sorted((REPO / "tests" / "fixtures" / "arxiv_rss").glob("*.xml")):
        for entry in feedparser.parse(path).entries:
            if ref := entry.get("arxiv_journal_reference", ""):
                refs += 1
                arxiv_id, version = parse_arxiv_id(entry.id) or ("", None)
                if (venue := Paper(arxiv_id, "T", version=version, journal_ref=ref).venue) is not None:
                    venues[arxiv_id] = venue
    assert refs > 90
    assert venues == {"2410.11112": Venue("ICML", 2024), "2411.18222": Venue("TASLP", 2024),
                      # "The Thirty-eight Conference on Neural Information Processing Systems Datasets and
                      # Benchmarks Track (2024)"
                      "2403.20287": Venue("NeurIPS", 2024, "datasets"),
                      "2411.18167": Venue("Nature Communications", 2024),
                      "2411.18227": Venue("Nature Communications", 2024),
                      "2411.18386": Venue("Nature Communications", 2024),
                      "2403.07657": Venue("Nature Communications", 2024),
                      # "IEEE/RSJ International Conference on Intelligent Robots and Systems 2024"
                      "2410.14419": Venue("IROS", 2024),
                      # "Deep Generative Models. DGM4MICCAI 2024. Lecture Notes in Computer Science, vol 15224"
                      "2407.18555": Venue("MICCAI", 2024, "workshop"),
                      "2411.18388": Venue("IJCNN", 2023)}  # "2023 International Joint Conference on Neural Networks"


@pytest.mark.parametrize(("arxiv_id", "comment", "venue"), [
    # verbatim comments of bench/venue_heldout2.jsonl, venue_heldout.jsonl and venue_comments.jsonl
    ("2604.26504v1", "Accepted to RA-L 2026 | Project page: this https URL", Venue("RA-L", 2026)),
    ("2511.15914v1", "Accepted to RA-L", Venue("RA-L", 2025)),  # a journal without a year: a first version's id's
    ("2505.12246v1", "Accepted by IEEE Robotics and Automation Letters", Venue("RA-L", 2025)),
    ("2604.26450v1", "Accepted by IEEE Robotics and Automation Letters (RAL)", Venue("RA-L", 2026)),
    ("2508.07003v1", "Accepted by IEEE RAL", Venue("RA-L", 2025)),
    ("2506.13428v2", "Accepted by IEEE RA-L", None),  # a later version, no year: when?
    ("2605.21414v1", "Accepted to RSS 2026; project webpage: this https URL", Venue("RSS", 2026)),
    ("2605.25346v1", "Robotics: Science and Systems XXII (RSS 2026)", Venue("RSS", 2026)),
    ("2506.13986v1", "Accepted to RSS 2025 workshop on Navigating Contact Dynamics in Robotics",
     Venue("RSS", 2025, "workshop")),
    # where it was held between the name and the year
    ("2507.00001v1", "In Proceedings of Robotics: Science and Systems, Sydney, Australia, July 2025",
     Venue("RSS", 2025)),
    ("2507.00001v1", "This paper has been accepted for publication at the IEEE International Joint Conference on "
     "Neural Networks (IJCNN), Rome, Italy 2025", Venue("IJCNN", 2025)),
    ("2510.12733v2", "Accepted to IEEE ITSC 2025", Venue("ITSC", 2025)),
    ("2411.13311v1", "IEEE Intelligent Transportation Systems Conference (ITSC) 2024", Venue("ITSC", 2024)),
    ("2507.16839v1", "Accepted to the 2025 IEEE International Conference on Intelligent Transportation Systems (ITSC "
     "2025)", Venue("ITSC", 2025)),
    # the Transactions are not the conference
    ("2507.22742v1", "Accepted to IEEE Transactions on Intelligent Transportation Systems (T-ITS)",
     Venue("T-ITS", 2025)),
    ("2507.05402v1", "Accepted to WASPAA 2025", Venue("WASPAA", 2025)),
    # IEEE's Workshop on Applications of Signal Processing to Audio and Acoustics is a venue, not a workshop held at one
    ("2507.12122v1", "Accepted at IEEE Workshop on Applications of Signal Processing to Audio and Acoustics (WASPAA) "
     "2025", Venue("WASPAA", 2025)),
    ("2507.04879v1", "Accepted for publication at the 2025 IEEE Workshop on Applications of Signal Processing to Audio "
     "and Acoustics (WASPAA 2025)", Venue("WASPAA", 2025)),
    ("2508.04430v1", "To appear in the proceedings of the 26th International Society for Music Information Retrieval "
     "Conference (ISMIR), Daejeon Korea, 2025", Venue("ISMIR", 2025)),
    ("2602.20930v1", "Accepted for publication at the 21st International Conference on Computer Vision Theory and "
     "Applications (VISAPP 2026). 8 pages", Venue("VISAPP", 2026)),  # not ICCV
    ("2509.07500v1", "Accepted by IEEE Transactions on Robotics (TRO), project website: https://omni-map.github.io/",
     Venue("T-RO", 2025)),
    ("2506.02853v1", "Accepted by IEEE Transactions on Multimedia (TMM)", Venue("TMM", 2025)),
    ("2506.00001v1", "Accepted by ACM Transactions on Multimedia Computing, Communications and Applications", None),
    # RA-L of January 2022 on a 2026 id: too far from the paper's year to be sure, as ICRA 2022 is
    ("2601.01675v1", "Accepted for publication in IEEE Robotics and Automation Letters (RA-L), January 2022. Presented "
     "at ICRA 2022. This is the author's version of the manuscript", None),
    # a workshop's acronym joined to RSS (verbatim 2506.04484 of bench/venue_heldout2.jsonl: the ROAR workshop at RSS
    # 2025); not a word in lower case or a submission, and not at other venues, whose tracks and sister conferences are
    # joined so too
    ("2506.04484v2", "Accepted to RSS-ROAR 2025", Venue("RSS", 2025, "workshop")),
    ("2506.00001v1", "Accepted to RSS-ROAR'25", Venue("RSS", 2025, "workshop")),
    ("2506.00001v1", "Accepted to rss-roar 2025", None),
    ("2506.00001v1", "Submitted to RSS-ROAR 2025", None),
    ("2506.00001v1", "Accepted to SIGIR-AP 2025", None),
    # an RSS feed, a retrieval-augmented LM and a submission are none
    ("2506.00001v1", "Code and an RSS 2025 feed reader at this https URL", None),
    ("2506.00001v1", "A survey of RA-LLMs 2025", None),
    ("2506.00001v1", "Submitted to RA-L 2025", None),
])
def test_robotics_audio_and_vision_venues_are_read(arxiv_id: str, comment: str, venue: Venue | None) -> None:
    """RA-L, RSS, ITSC, WASPAA and the other venues robotics, audio and vision papers name give the venue a
    maintainer writes, where they gave arXiv."""
    assert _venue_of(arxiv_id, comment) == venue


@pytest.mark.parametrize(("arxiv_id", "comment", "venue"), [
    # verbatim comments of bench/venue_heldout.jsonl, venue_heldout3.jsonl and venue_comments.jsonl
    ("2601.01067v1", "Published in Proc. IEEE CASE 2025. 7 pages, 11 figures", Venue("IEEE CASE", 2025)),
    ("2509.00065v1", "Accepted by The IEEE International Conference on Automation Science and Engineering (CASE) 2025",
     Venue("IEEE CASE", 2025)),
    ("2510.10273v2", "In Proceedings of IEEE 21st International Conference on Automation Science and Engineering "
     "(CASE), Los Angeles, USA, August 2025", Venue("IEEE CASE", 2025)),
    ("2511.20086v1", "Accepted at the 41st ACM/SIGAPP Symposium On Applied Computing (SAC 2026), Main Conference",
     Venue("ACM SAC", 2026)),
    ("2601.00756v1", "Accepted to the 41st ACM/SIGAPP Symposium on Applied Computing (SAC '26)",
     Venue("ACM SAC", 2026)),
    ("2511.21080v1", "Accepted by IEEE Big Data 2025", Venue("IEEE BigData", 2025)),
    ("2605.15436v1", "8 pages, accepted at IEEE BigData 2025", Venue("IEEE BigData", 2025)),
    # the bare acronym where words of acceptance and a year leave no doubt
    ("2506.00001v1", "Accepted to CASE 2025", Venue("IEEE CASE", 2025)),
    ("2511.00001v1", "Accepted at SAC 2026", Venue("ACM SAC", 2026)),
    # the words, not the venues: lower case, no organiser, no acceptance or no year
    ("2506.00001v1", "Accepted to ICRA 2025; a case study of warehouse picking", Venue("ICRA", 2025)),
    ("2506.00001v1", "A case study 2025, 8 pages", None),
    ("2506.00001v1", "accepted to case 2025", None),
    ("2506.00001v1", "Results in the SAC setting, 8 pages", None),
    ("2506.00001v1", "We compare with SAC 2025 and PPO", None),
    ("2506.00001v1", "Accepted to SAC", None),
    ("2506.00001v1", "Winner of the big data 2025 challenge", None),
    ("2506.00001v1", "Accepted to the Big Data 2025 Challenge", None),
    ("2506.00001v1", "Accepted at the IEEE International Conference on Big Data Analytics 2025", None),
    # the acronym joined, as only IEEE's conference writes it, accepted with a year (verbatim 2411.12098v1 of
    # bench/venue_heldout5.jsonl); CCF's BigData, a conference of its own, and a submission stay none
    ("2506.00001v1", "Accepted at BigData 2025", Venue("IEEE BigData", 2025)),
    ("2411.12098v1", "Accepted in BigData 2024. This is a preprint", Venue("IEEE BigData", 2024)),
    ("2411.00001v1", "Accepted at CCF BigData 2024", None),
    ("2506.00001v1", "Submitted to BigData 2025", None),
    # in any case, as comments write it (2512.14563v1 of bench/venue_heldout5.jsonl opens "Accepted in IEEE Bigdata
    # 2025"): no word is spelt so; CCF's, a submission and the journal Big Data without IEEE stay none
    ("2512.14563v1", "Accepted in IEEE Bigdata 2025", Venue("IEEE BigData", 2025)),
    ("2506.00001v1", "Accepted at IEEE BIGDATA 2025", Venue("IEEE BigData", 2025)),
    ("2506.00001v1", "accepted at bigdata 2025", Venue("IEEE BigData", 2025)),
    ("2411.12098v1", "Accepted in Bigdata 2024. This is a preprint", Venue("IEEE BigData", 2024)),
    ("2411.00001v1", "Accepted at CCF Bigdata 2024", None),
    ("2506.00001v1", "Submitted to IEEE Bigdata 2025", None),
    ("2506.00001v1", "Accepted in big data 2025", None),
    ("2603.09704v1", "This is the preprint for our conference paper for IEEE International Conference on Big Data",
     None),
])
def test_venues_whose_names_are_words_are_read_only_where_nothing_else_is_meant(
    arxiv_id: str, comment: str, venue: Venue | None
) -> None:
    """IEEE CASE, ACM SAC and IEEE BigData with their organiser, in full, or accepted with a year; a case study,
    Soft Actor-Critic and big data stay words."""
    assert _venue_of(arxiv_id, comment) == venue


@pytest.mark.parametrize(("arxiv_id", "comment", "venue"), [
    # a contest held at a conference, right after its year, is the conference's side track as its challenges were
    # ("CVPR 2025 EarthVision Embed2Scale challenge"): 2510.20085 is a paper of the "IEEE BigData 2025 Cup: Detection
    # of Suicide Risk on Social Media", so named in notes on it
    ("2510.20085v1", "IEEE BigData 2025 Cup: Detection of Suicide Risk on Social Media",
     Venue("IEEE BigData", 2025, "workshop")),
    ("2510.00001v1", "Accepted at BigData 2025 Cup", Venue("IEEE BigData", 2025, "workshop")),
    ("2510.00001v1", "Accepted at IEEE BigData 2025 Cup Challenge", Venue("IEEE BigData", 2025, "workshop")),
    ("2506.00001v1", "Accepted at CVPR 2025 Embed2Scale competition", Venue("CVPR", 2025, "workshop")),
    ("2410.00001v1", "Accepted to NeurIPS 2024 Competition Track", Venue("NeurIPS", 2024, "workshop")),
    # the cup named before the year names no edition of the conference; a cup further on is not the venue's
    ("2510.00001v1", "Accepted to the IEEE BigData Cup 2025", None),
    ("2510.00001v1", "Accepted at ICLR 2025; code for the KDD Cup", Venue("ICLR", 2025)),
    ("2510.00001v1", "Accepted at IEEE BigData 2025. The method won the cup", Venue("IEEE BigData", 2025)),
])
def test_a_cup_or_competition_held_at_a_conference_is_not_the_conference(
    arxiv_id: str, comment: str, venue: Venue | None
) -> None:
    """"IEEE BigData 2025 Cup" and "BigData 2025 Cup" gave IEEE BigData 2025, the main conference, and a competition
    after a venue's year the venue; now they are the venue's workshop, as "CVPR 2025 ... challenge" was."""
    assert _venue_of(arxiv_id, comment) == venue


@pytest.mark.parametrize(("arxiv_id", "comment", "venue"), [
    # verbatim comments of bench/venue_heldout4.jsonl: a "W" joined to CVPR or ICCV, with or without a hyphen and a
    # workshop's acronym after it, is its workshop
    ("2604.21627v1", "Accepted At CVPR-W 2026", Venue("CVPR", 2026, "workshop")),
    ("2604.05934v1", "Accepted to CVPRW 2026 Med-Reasoner", Venue("CVPR", 2026, "workshop")),
    ("2503.23730v1", "Accepted to CVPRW 2025, Workshop on Benchmarking and Expanding AI Multimodal Approaches",
     Venue("CVPR", 2025, "workshop")),
    ("2504.05491v1", "Accepted at CVPRW'25", Venue("CVPR", 2025, "workshop")),
    ("2308.08854v1", "Accepted at ICCVW23 VLAR", Venue("ICCV", 2023, "workshop")),
    ("2309.04228v1", "Accepted to ICCVW 2023 - DFAD 2023", Venue("ICCV", 2023, "workshop")),
    ("2508.15020v1", "Accepted at ICCVW-CV4BIOM 2025", Venue("ICCV", 2025, "workshop")),
    ("2507.22576v1", "accepted at ICCVW'25 - Systematic Trust in AI Models: Ensuring Fairness, Reliability, "
     "Explainability, and Accountability in Machine Learning Frameworks", Venue("ICCV", 2025, "workshop")),
    # a sister conference joined so (verbatim 2510.06658v2) and other joined names stay none, as do a submission, a
    # lower-case word and the main conference beside a workshop
    ("2510.06658v2", "Accepted at SIGIR-AP 2025", None),
    ("2506.00001v1", "Accepted to CVPR-NTIRE 2025", None),
    ("2506.00001v1", "Submitted to CVPRW 2026", None),
    ("2506.00001v1", "Accepted at cvprw 2026", None),
    ("2506.00001v1", "Accepted to ICCV 2025 (an earlier version at CVPRW 2025)", Venue("ICCV", 2025)),
])
def test_a_workshop_joined_to_cvpr_or_iccv_is_its_workshop(arxiv_id: str, comment: str, venue: Venue | None) -> None:
    """"Accepted At CVPR-W 2026", "Accepted to ICCVW 2025" and "Accepted at ICCVW-CV4BIOM 2025" are CVPR's and ICCV's
    workshops, where they gave arXiv; "SIGIR-AP 2025", a conference of its own, stays none."""
    assert _venue_of(arxiv_id, comment) == venue


@pytest.mark.parametrize(("slot", "venue"), [
    # a list's own venue slots (majianz/dl4gps, DEEP-PolyU/Awesome-GraphRAG): the acronym alone, in capitals, opens
    # the slot before a year or its end
    ("CASE 2023", Venue("IEEE CASE", 2023)),
    ("SAC 2025", Venue("ACM SAC", 2025)),
    ("BigData 2023", Venue("IEEE BigData", 2023)),
    ("Bigdata 2023", Venue("IEEE BigData", 2023)),  # in any case, as comments write it
    ("SAC '22", Venue("ACM SAC", 2022)),
    ("MM 2023", Venue("ACM MM", 2023)),  # ACM Multimedia (majianz/dl4gps, wentianli/awesome-video-editing)
    ("IEEE CASE 2023", Venue("IEEE CASE", 2023)),
    ("ICML 2025", Venue("ICML", 2025)),
    # in the brackets the list writes around it, as the entry's venue keeps them (GeWu-Lab/awesome-balanced-multimodal-
    # learning's `[ICML 2023]` after a title, agent-security's `**[ICML 2025]**`), the same venue
    ("[ICML 2023]", Venue("ICML", 2023)),
    ("**[ICML 2025]**", Venue("ICML", 2025)),
    ("[EMNLP 2024 Findings]", Venue("EMNLP", 2024, "findings")),
    ("[NIPS 2024]", Venue("NeurIPS", 2024)),
    ("`[SAC 2022]`", Venue("ACM SAC", 2022)),
    ("(BigData 2023)", Venue("IEEE BigData", 2023)),
    # words, a journal, or the acronym inside other words: none
    ("Case study 2024", None),
    ("case 2023", None),
    ("Big Data Research 2019", None),
    ("CASE studies of 2023", None),
    ("A comparison with SAC 2023", None),
    ("MMM 2024", None),  # MultiMedia Modeling
    ("MM Asia 2019", None),
    ("Big Data 2023", None),  # lists cite the journal Big Data so too
    ("[Case study 2024]", None),
    ("[2024/11]", None),  # a date
    ("[Code]", None),
])
def test_a_list_venue_slot_reads_a_venue_whose_name_is_a_word_alone(slot: str, venue: Venue | None) -> None:
    """In an entry's venue slot `CASE 2023` is IEEE CASE 2023, as "Accepted to CASE 2023" is in a comment, where a
    slot gave none; a case study or a journal stays none. A slot in brackets, `[ICML 2023]`, gave none too, and is now
    the venue it is without them."""
    from bot.papers import slot_venue

    assert slot_venue(slot) == venue


@pytest.mark.parametrize(("arxiv_id", "comment", "journal_ref", "venue"), [
    # verbatim comments of bench/venue_heldout2.jsonl and venue_heldout.jsonl: a first version posted between the
    # conference's acceptances and its meeting (ICRA: February to June; ACL: May to August)
    ("2605.14801v1", "Accepted by ICRA Workshop MM-Spatial AI, Oral", "", Venue("ICRA", 2026, "workshop")),
    ("2506.19597v1", "Workshop on Field Robotics, ICRA", "", Venue("ICRA", 2025, "workshop")),
    ("2605.20537v1", "Accepted to the ACL 25th Workshop on Biomedical Language Processing", "",
     Venue("ACL", 2026, "workshop")),
    ("2603.00001v1", "Accepted to ICRA. 8 pages, 6 figures", "", Venue("ICRA", 2026)),
    # out of the window either edition may be meant: BC9 was IJCAI 2025's, posted in January 2026
    ("2601.06974v1", "Accepted at the BioCreative IX Challenge and Workshop (BC9) at IJCAI", "", None),
    ("2510.00001v1", "Accepted to ICRA. 8 pages, 6 figures", "", None),  # RA-L's ICRA 2026 talks, or ICRA 2025?
    ("2603.00001v2", "Accepted to ICRA. 8 pages, 6 figures", "", None),  # a later version: posted when?
    ("2603.00001v1", "", "ICRA, pp. 1-8", None),  # a journal reference says its year where it has one
    # AAAI between its decisions and its meeting: January and February (AAAI-26 met on 20-27 Jan 2026); not in
    # December, when decisions came on 9 Dec 2023 and 2024 (the verbatim 2512.10376 of bench/venue_heldout3.jsonl,
    # AAAI-26's, is a safe miss), nor in March
    ("2601.00001v1", "Accepted by AAAI", "", Venue("AAAI", 2026)),
    ("2502.00001v1", "Accepted to AAAI. 9 pages", "", Venue("AAAI", 2025)),
    ("2601.00001v1", "Accepted to the AAAI Workshop on AI for Education", "", Venue("AAAI", 2026, "workshop")),
    ("2512.10376v1", "Accepted by AAAI", "", None),
    ("2603.00001v1", "Accepted by AAAI", "", None),
    ("2601.00001v2", "Accepted by AAAI", "", None),
    ("2601.00001v1", "Accepted to AAAI Spring Symposium on Foo", "", None),  # a meeting of its own
    # Interspeech: July and August; in May, decisions came on 17 May 2023 but 6 Jun 2024 (the verbatim 2505.15772,
    # 2505.20741 and 2505.18453 of bench/venue_heldout3.jsonl, Interspeech 2025's, are safe misses)
    ("2507.00001v1", "Accepted by Interspeech", "", Venue("Interspeech", 2025)),
    ("2508.00001v1", "Accepted to INTERSPEECH. 5 pages", "", Venue("Interspeech", 2025)),
    ("2505.15772v1", "Accepted by Interspeech", "", None),
    ("2509.00001v1", "Accepted by Interspeech", "", None),
    # held every other year: ICCV in odd years (August to October), ECCV in even ones (August and September), and
    # no edition where the id's year has none
    ("2508.00001v1", "Accepted to ICCV", "", Venue("ICCV", 2025)),
    ("2510.00001v1", "Accepted at the ICCV Workshop on Foo", "", Venue("ICCV", 2025, "workshop")),
    ("2608.00001v1", "Accepted to ICCV", "", None),
    ("2511.00001v1", "Accepted to ICCV", "", None),
    ("2409.00001v1", "Accepted by ECCV", "", Venue("ECCV", 2024)),
    ("2508.00001v1", "Accepted to ECCV", "", None),
    ("2410.00001v1", "Accepted to ECCV", "", None),
    # COLING's calendar moved (October 2022, May 2024 with LREC, January 2025): never without its year
    ("2408.00001v1", "Accepted to COLING", "", None),
    # named, not where the paper went
    ("2605.00001v1", "To appear in the ACL Anthology", "", None),
    ("2605.00001v1", "Submitted to ACL", "", None),
    ("2603.00001v1", "ICRA template, 8 pages", "", None),
    ("2603.00001v1", "We compare with ICRA baselines", "", None),
])
def test_a_yearly_conference_without_its_year_is_this_years_only_between_acceptance_and_meeting(
    arxiv_id: str, comment: str, journal_ref: str, venue: Venue | None
) -> None:
    """Never a wrong year: the id's year only where no other edition could be meant."""
    assert _venue_of(arxiv_id, comment, journal_ref) == venue


def test_a_journal_reference_is_a_publication_without_words_of_acceptance() -> None:
    ref = "In Proc. ACM SIGSOFT International Symposium on Software Testing and Analysis (ISSTA 2020), pages 14-26"
    assert accepted_venue("", ref, 2020) == Venue("ISSTA", 2020)
    assert accepted_venue("", "Journal of Something, Vol. 3, 2020", 2020) is None
    ref = "Proceedings of the 2nd Workshop on Foo, co-located with ACL 2025"
    assert accepted_venue("", ref, 2025) == Venue("ACL", 2025, "workshop")


@pytest.mark.parametrize(("comment", "journal_ref", "year", "venue"), [
    # the journal reference of 2403.20287 in the recorded feed (tests/fixtures/arxiv_rss), "Thirty-eight" as written
    ("", "The Thirty-eight Conference on Neural Information Processing Systems Datasets and Benchmarks Track (2024)",
     2024, Venue("NeurIPS", 2024, "datasets")),
    ("", "International Conference on Machine Learning (ICML) 2024", 2024, Venue("ICML", 2024)),
    # arXiv comments as public repositories' daily digests quote them (the first is 2502.17121's)
    ("Accepted at the International Conference on Learning Representations  (ICLR 2025)", "", 2025,
     Venue("ICLR", 2025)),
    ("Accepted at the International Conference on Learning Representations  (ICLR) 2025. Code and pre-trained models "
     "are available at  https://github.com/x/y", "", 2025, Venue("ICLR", 2025)),
    ("Accepted to The 63rd Annual Meeting of the Association for Computational Linguistics (ACL 2025)", "", 2025,
     Venue("ACL", 2025)),
    # a year written next to the name: before it, after it, after a volume, or in brackets with the acronym
    ("Accepted to the 63rd Annual Meeting of the Association for Computational Linguistics (2025)", "", 2025,
     Venue("ACL", 2025)),
    ("", "Proceedings of the 2024 Conference on Empirical Methods in Natural Language Processing", 2024,
     Venue("EMNLP", 2024)),
    ("", "Proceedings of the 2025 Conference of the Nations of the Americas Chapter of the Association for "
     "Computational Linguistics: Human Language Technologies (Volume 1: Long Papers)", 2025, Venue("NAACL", 2025)),
    ("", "Proceedings of the AAAI Conference on Artificial Intelligence, 39(23), 2025", 2025, Venue("AAAI", 2025)),
    ("", "Proceedings of the AAAI Conference on Artificial Intelligence (AAAI-25)", 2025, Venue("AAAI", 2025)),
    ("", "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR), 2024", 2024,
     Venue("CVPR", 2024)),
    ("", "2017 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)", 2017, Venue("CVPR", 2017)),
    ("", "IEEE/CVF International Conference on Computer Vision (ICCV), 2023", 2023, Venue("ICCV", 2023)),
    ("", "European Conference on Computer Vision (ECCV) 2024", 2024, Venue("ECCV", 2024)),
    ("", "Proceedings of the 31st International Conference on Computational Linguistics, 2025", 2025,
     Venue("COLING", 2025)),
    ("", "Proceedings of the Thirty-Third International Joint Conference on Artificial Intelligence (IJCAI-24)", 2024,
     Venue("IJCAI", 2024)),
    ("", "Proceedings of the 30th ACM SIGKDD Conference on Knowledge Discovery and Data Mining, 2024", 2024,
     Venue("KDD", 2024)),
    ("", "Proceedings of the 47th International ACM SIGIR Conference on Research and Development in Information "
     "Retrieval (2024)", 2024, Venue("SIGIR", 2024)),
    ("", "Proceedings of the ACM Web Conference 2024", 2024, Venue("WWW", 2024)),
    ("", "IEEE/RSJ International Conference on Intelligent Robots and Systems 2024", 2024, Venue("IROS", 2024)),
    ("", "Advances in Neural Information Processing Systems 36 (2023)", 2023, Venue("NeurIPS", 2023)),
    # an edition of a conference held once a year since its first: NeurIPS's Nth is 1986+N, ICLR's 2012+N,
    # ICML's 1983+N, ACL's Nth Annual Meeting 1962+N, COLM's 2023+N
    ("Published as a conference paper at the Thirteenth International Conference on Learning Representations", "",
     2025, Venue("ICLR", 2025)),
    ("Thirty-eighth Conference on Neural Information Processing Systems", "", 2024, Venue("NeurIPS", 2024)),
    ("In the Thirty-eighth Annual Conference on Neural Information Processing Systems (NeurIPS 2024)", "", 2024,
     Venue("NeurIPS", 2024)),
    ("", "Proceedings of the 41st International Conference on Machine Learning, PMLR 235:1-20, 2024", 2024,
     Venue("ICML", 2024)),
    ("", "Proceedings of the 62nd Annual Meeting of the Association for Computational Linguistics (Volume 1: Long "
     "Papers), pages 1-10", 2024, Venue("ACL", 2024)),
    ("First Conference on Language Modeling", "", 2024, Venue("COLM", 2024)),
    ("Accepted at the Second Conference on Language Modeling (COLM 2025)", "", 2025, Venue("COLM", 2025)),
    # a written year is the year where an edition disagrees with it
    ("", "Proceedings of the 38th Conference on Neural Information Processing Systems (NeurIPS 2023)", 2023,
     Venue("NeurIPS", 2023)),
    # its track: Findings, a Datasets and Benchmarks track, workshops
    ("", "Findings of the Association for Computational Linguistics: NAACL 2025", 2025,
     Venue("NAACL", 2025, "findings")),
    ("", "Findings of the Association for Computational Linguistics: EMNLP 2024, pages 1-10", 2024,
     Venue("EMNLP", 2024, "findings")),
    ("", "Thirty-seventh Conference on Neural Information Processing Systems Datasets and Benchmarks Track", 2023,
     Venue("NeurIPS", 2023, "datasets")),
    ("", "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops, 2024", 2024,
     Venue("CVPR", 2024, "workshop")),
    ("Accepted at the Workshop on Foo at the Thirty-eighth Conference on Neural Information Processing Systems", "",
     2024, Venue("NeurIPS", 2024, "workshop")),
    # not accepted, not dated, or not one of these conferences: the entry says arXiv
    ("Submitted to the Thirty-ninth Conference on Neural Information Processing Systems", "", 2025, None),
    ("under review at the International Conference on Learning Representations", "", 2025, None),
    ("Under review at the 2025 Conference on Empirical Methods in Natural Language Processing", "", 2025, None),
    ("An earlier version appeared at the Thirty-eighth Conference on Neural Information Processing Systems", "",
     2025, None),
    ("Accepted at the International Conference on Learning Representations", "", 2025, None),  # no year
    ("", "Proceedings of the 18th Conference of the European Chapter of the Association for Computational "
     "Linguistics (Volume 1: Long Papers)", 2024, None),  # EACL is not every year: its edition dates nothing
    ("", "Proceedings of the 39th Annual AAAI Conference on Artificial Intelligence", 2025, None),
    ("", "Findings of the Association for Computational Linguistics 2025", 2025, None),  # which conference's?
    ("", "Proceedings of the Thirty-sixth Conference on Neural Information Processing Systems", 2025, None),  # 2022
    ("", "2023 International Joint Conference on Neural Networks (IJCNN)", 2023, Venue("IJCNN", 2023)),
    # a workshop's name joined to its venue's by "4", as "for" (2407.18555 in the recorded feed)
    ("", "Deep Generative Models. DGM4MICCAI 2024. Lecture Notes in Computer Science, vol 15224. Springer, Cham",
     2024, Venue("MICCAI", 2024, "workshop")),
    ("", "Proceedings of the 2024 Joint International Conference on Computational Linguistics, Language Resources "
     "and Evaluation (LREC-COLING 2024)", 2024, Venue("LREC-COLING", 2024)),  # by its joined acronym, not COLING
    ("", "Proceedings of the International Conference on Machine Learning and Applications (ICMLA), 2024", 2024,
     None),
    ("", "Companion Proceedings of the ACM Web Conference 2024", 2024, None),
    # LREC and ICRA in full (verbatim comments of bench/venue_heldout.jsonl: 2603.04083, 2602.02895), not the journal
    # Language Resources and Evaluation or another robotics conference
    ("Accepted to the 2026 Language Resources and Evaluation Conference (LREC)", "", 2026, Venue("LREC", 2026)),
    ("", "Language Resources and Evaluation, 59(2), 2025", 2025, None),
    ("To be published in the 2026 IEEE International Conference on Robotics & Automation", "", 2026,
     Venue("ICRA", 2026)),
    ("Accepted at the 2025 International Conference on Robotics and Automation Engineering", "", 2025, None),
    # ICST's workshops, ICSTW, as the recorded journal references of 2302.03287 and 2405.13786 write them
    # (tests/fixtures/arxiv_api/q_testing_s0_m10_bc5a6c384fe9.json), and ICST itself
    ("", "2023 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)",
     2023, Venue("ICST", 2023, "workshop")),
    ("", "Proc. 2023 IEEE International Conference on Software Testing, Verification and Validation Workshops "
     "(ICSTW), pp. 66-69", 2024, Venue("ICST", 2023, "workshop")),
    ("", "2024 IEEE Conference on Software Testing, Verification and Validation (ICST)", 2024, Venue("ICST", 2024)),
    ("Accepted at the IEEE International Conference on Software Testing, Verification and Validation (ICST) 2025",
     "", 2025, Venue("ICST", 2025)),
    ("We compare to the results of the 2024 Conference on Empirical Methods in Natural Language Processing", "",
     2024, None),
])
def test_a_conference_named_in_full_is_its_acronym(comment: str, journal_ref: str, year: int,
                                                   venue: Venue | None) -> None:
    """Proceedings and comments name conferences in full; an entry writes the acronym, with the year the text
    writes next to the name or, for a conference held once a year since its first, its edition's."""
    assert accepted_venue(comment, journal_ref, year) == venue
