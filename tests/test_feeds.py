from __future__ import annotations

import datetime as _dt
import email.utils
import gzip
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from bot.feeds import FeedStats, read_feeds, split_authors
from bot.papers import normalize_title, plain_title
from tests.conftest import FIXTURES, NetworkBlocked, fail_dns
from tests.servers.arxiv import ArxivServer, Reply

RSS = FIXTURES / "arxiv_rss"
BIG = RSS / "aioarxiv_rss_mock_feed.xml"
DEV_DAY = RSS / "feeds-dev" / "2025-04-24.xml"
ARXIV_NS = "{http://arxiv.org/schemas/atom}"
PREFIX = re.compile(r"^arXiv:\S+ Announce Type: \S+ \nAbstract: ")


@pytest.fixture
def server():
    with ArxivServer() as s:
        yield s


def _xml_items(path: Path) -> list[ET.Element]:
    """Independent count: the XML itself, read with ElementTree, not feedparser."""
    return ET.parse(path).getroot().findall("./channel/item")


def test_complete_real_feed_counts_match_the_file() -> None:
    items = _xml_items(BIG)
    types = Counter(item.findtext(f"{ARXIV_NS}announce_type") for item in items)
    raw = BIG.read_bytes()
    assert len(items) == len(re.findall(rb"<item>", raw)) == 1504
    assert types == {"new": 926, "replace": 569, "cross": 9}

    result = read_feeds([str(BIG)])

    assert result.failures == []
    stats = result.stats.to_json()
    assert {k: stats[k] for k in ("items", "new", "cross", "replace", "replace_cross", "duplicates", "kept")} == {
        "items": len(items),
        "new": types["new"],
        "cross": types["cross"],
        "replace": types["replace"],
        "replace_cross": types.get("replace-cross", 0),
        "duplicates": 0,
        "kept": types["new"] + types["cross"],
    }
    assert stats["kept"] == 935
    assert Counter(p.announce_type for p in result.papers) == {"new": 926, "cross": 9}
    # Every kept paper's abstract is exactly the XML description minus arXiv's prefix: LaTeX such as
    # "$1<p<2$" and "E&E" must survive (feedparser's HTML sanitizer would mangle them).
    by_id = {}
    for item in items:
        guid = item.findtext("guid")
        by_id[re.sub(r"v\d+$", "", guid.removeprefix("oai:arXiv.org:"))] = item
    for paper in result.papers:
        item = by_id[paper.arxiv_id]
        assert paper.abstract == PREFIX.sub("", item.findtext("description")).strip()
        assert paper.title == plain_title(" ".join(item.findtext("title").split()))
        assert list(paper.categories) == [c.text for c in item.findall("category")]
        # the day the feed announced it, not its first version's, which a list writes (the API's `published`)
        assert (paper.announced, paper.published) == ("2024-11-28", None)
        assert paper.journal_ref == " ".join((item.findtext(f"{ARXIV_NS}journal_reference") or "").split())
    # 29 kept papers carry a journal reference, so their entries can say where they appeared with no API request
    assert sum(bool(p.journal_ref) for p in result.papers) == 29
    [nature] = [p for p in result.papers if p.journal_ref == "Nature Communications 15, 10121 (2024)"]
    assert nature.venue is not None and (nature.venue.name, nature.venue.year) == ("Nature Communications", 2024)
    assert any("<" in p.abstract for p in result.papers)
    assert any("E&E" in p.abstract for p in result.papers)
    # A title's TeX is made the text a list writes; the abstract keeps it (the PR body quotes it as arXiv wrote it).
    titles = {p.arxiv_id: p.title for p in result.papers}
    assert "H³Fusion: Helpful, Harmless, Honest Fusion of Aligned LLMs" in titles.values()
    assert "Exact Diophantine approximation: the simultaneous case in R²" in titles.values()
    # arXiv's own garble of β, which no reader could make plain, is left as it is
    assert [t for t in titles.values() if "$" in t or "\\" in t] == [
        "Re examination of \\b{eta} decay in Hg, Pb and Po Isotopes"]


def test_item_fields_of_a_real_feed() -> None:
    result = read_feeds([str(RSS / "arxiv_cs_cl.xml")])
    first = result.papers[0]
    assert first.arxiv_id == "2604.22002"
    assert first.version == 1
    assert first.title == (
        "When Cow Urine Cures Constipation on YouTube: Limits of LLMs in Detecting Culture-specific Health "
        "Misinformation"
    )
    # dc:creator "Anamta Khan, Ratna Kandala,  Deepti, Sheza Munir, Joyojeet Pal" (a single name, double space)
    assert first.authors == ("Anamta Khan", "Ratna Kandala", "Deepti", "Sheza Munir", "Joyojeet Pal")
    assert first.categories == ("cs.CL",)
    assert first.announce_type == "new"
    assert (first.announced, first.published) == ("2026-04-27", None)
    assert first.abstract.startswith("Social media platforms have become primary channels")
    assert first.abstract.endswith("cannot be retrofitted through prompt engineering alone.")
    assert [p.arxiv_id for p in result.papers] == ["2604.22002", "2604.22027", "2604.22038"]
    assert result.papers[1].categories == ("cs.CL", "cs.AI", "cs.LG")


@pytest.mark.parametrize(("tex", "plain"), [
    # real arXiv titles: feeds of Apr 2025 and Nov 2024, and background papers
    ("$\\texttt{Complex-Edit}$: CoT-Like Instruction Generation", "Complex-Edit: CoT-Like Instruction Generation"),
    ("M$^2$CD: A Unified MultiModal Framework", "M²CD: A Unified MultiModal Framework"),
    ("X$^{2}$-Gaussian: 4D Radiative Gaussian Splatting", "X²-Gaussian: 4D Radiative Gaussian Splatting"),
    ("LLM$\\times$MapReduce-V2: Entropy-Driven", "LLM×MapReduce-V2: Entropy-Driven"),
    ("Di$\\mathtt{[M]}$O: Distilling Masked Diffusion Models", "Di[M]O: Distilling Masked Diffusion Models"),
    ("$μ$KE: Matryoshka Unstructured Knowledge Editing", "μKE: Matryoshka Unstructured Knowledge Editing"),
    ("PanGu-$\\pi$: Enhancing Language Model Architectures", "PanGu-π: Enhancing Language Model Architectures"),
    ("$\\rm SP^3$: Enhancing Structured Pruning", "SP³: Enhancing Structured Pruning"),
    ("$k$NN-Adapter: Efficient Domain Adaptation", "kNN-Adapter: Efficient Domain Adaptation"),
    ("$\\textit{Agents Under Siege}$: Breaking Pragmatic", "Agents Under Siege: Breaking Pragmatic"),
    ("VideoVista-CulturalLingo: 360$^\\circ$ Horizons", "VideoVista-CulturalLingo: 360° Horizons"),
    ("the wing loss and the $\\ell_1$ regularization", "the wing loss and the ℓ₁ regularization"),
    ("GSBAK$^K$: $top$-$K$ Geometric Score-based Attack", "GSBAK^K: top-K Geometric Score-based Attack"),
    ("Leveraging $2^{nd}$ Order Information", "Leveraging 2nd Order Information"),
    ("AutoCoder: Enhancing Code Large Language Model with \\textsc{AIEV-Instruct}",
     "AutoCoder: Enhancing Code Large Language Model with AIEV-Instruct"),
    ("orbital stability for Schr\\\"odinger equation", "orbital stability for Schrödinger equation"),
    ("Limite de Cram\\'er-Rao, Informa\\c{c}\\~ao de Fisher", "Limite de Cramér-Rao, Informação de Fisher"),
    ("On an Erd\\H{o}s-Szekeres Game", "On an Erdős-Szekeres Game"),
    ("consistent with {\\Lambda}CDM", "consistent with ΛCDM"),
    ("a phenomenon we call ``curse of synthetic data''", 'a phenomenon we call "curse of synthetic data"'),
    ("Sorting in $O(n\\log n)$ time", "Sorting in O(n log n) time"),
    ("A na\\\"\\i ve Baseline", "A naïve Baseline"),
    # a dollar that opens no formula is an amount (pandoc's rule), and an escaped one is a dollar
    ("From $10 to $20: Cheap LLM Training", "From $10 to $20: Cheap LLM Training"),
    ("Scaling RL for \\$5 and \\$10: A Study", "Scaling RL for $5 and $10: A Study"),
    # what it does not know, it leaves as arXiv wrote it rather than guess
    ("RadioFormer: 1\\textpertenthousand Spatial Sampling", "RadioFormer: 1\\textpertenthousand Spatial Sampling"),
    ("Audio Video Enhancement \\\\with a Microphone", "Audio Video Enhancement \\\\with a Microphone"),
    ("Costs in $ and tokens", "Costs in $ and tokens"),
    ("A plain title: nothing to do", "A plain title: nothing to do"),
])
def test_tex_in_a_title_is_made_the_text_a_list_writes(tex: str, plain: str) -> None:
    assert plain_title(tex) == plain
    # the cache, the state and metadata files are read through it again: a plain title stays as it is
    assert plain_title(plain) == plain


def test_a_title_in_tex_and_as_a_maintainer_typed_it_is_one_title() -> None:
    assert normalize_title("$\\texttt{Complex-Edit}$: CoT-Like") == normalize_title("Complex-Edit: CoT-Like")
    assert normalize_title("M$^2$CD: A Framework") == normalize_title("M²CD: A Framework") == "m2cd a framework"
    assert normalize_title("Schr\\\"odinger") == normalize_title("Schrödinger")
    assert normalize_title("Complex-Edit") != normalize_title("Complex-Edits")
    # accents and Greek letters as lists type them without
    assert normalize_title("Schrödinger") == normalize_title("Schrodinger")
    assert normalize_title("$\\tau$-bench") == normalize_title("τ-bench") == normalize_title("tau-bench")


def test_replace_and_replace_cross_are_skipped_by_default_and_kept_on_request() -> None:
    types = Counter(i.findtext(f"{ARXIV_NS}announce_type") for i in _xml_items(DEV_DAY))
    assert types == {"new": 103, "cross": 23, "replace": 23, "replace-cross": 8}

    default = read_feeds([str(DEV_DAY)])
    assert (default.stats.new, default.stats.cross, default.stats.replace, default.stats.replace_cross) == (
        103, 23, 23, 8,
    )
    assert default.stats.kept == 126
    assert {p.announce_type for p in default.papers} == {"new", "cross"}

    everything = read_feeds([str(DEV_DAY)], announce_types=("new", "cross", "replace", "replace-cross"))
    assert everything.stats.kept == 157
    replaced = [p for p in everything.papers if p.announce_type in ("replace", "replace-cross")]
    assert len(replaced) == 31 and all(p.version and p.version > 1 for p in replaced)

    only_cross = read_feeds([str(DEV_DAY)], announce_types=("cross",))
    assert only_cross.stats.kept == 23


def test_feeds_over_http_dedupe_across_feeds_and_against_seen(server: ArxivServer) -> None:
    cl = server.feed("/rss/cs.CL", "arxiv_cs_cl.xml")
    ai = server.feed("/rss/cs.AI", "arxiv_cs_ai.xml")
    both = server.feed("/rss/cs.CL+cs.AI", RSS / "arxiv_cs_cl.xml")  # same papers again in a combined feed

    result = read_feeds([cl, ai, both], seen={"2604.21936"}, timeout=5)

    assert result.failures == []
    assert [p.arxiv_id for p in result.papers] == ["2604.22002", "2604.22027", "2604.22038", "2604.21935",
                                                  "2604.21937"]
    stats = result.stats
    assert (stats.items, stats.new, stats.duplicates, stats.seen, stats.kept, stats.feeds) == (9, 9, 4, 1, 5, 3)
    assert [r.path for r in server.requests] == ["/rss/cs.CL", "/rss/cs.AI", "/rss/cs.CL+cs.AI"]
    for request in server.requests:
        assert request.headers["User-Agent"].startswith("paperbot/")


def test_seen_ids_match_whatever_the_version() -> None:
    result = read_feeds([str(RSS / "arxiv_cs_lg.xml")], seen={"2604.21952", "2604.21956"})
    assert [p.arxiv_id for p in result.papers] == ["2604.21953"]
    assert (result.stats.duplicates, result.stats.seen) == (2, 2)


def test_empty_feed_is_a_normal_day(server: ArxivServer) -> None:
    url = server.feed("/rss/test", "aioarxiv_empty_rss_mock_feed.xml")
    result = read_feeds([url])
    assert result.failures == []
    assert result.papers == []
    assert result.stats == FeedStats(feeds=1)


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply.html(200), "not a feed: got an HTML page"),
        (Reply.html(503), "HTTP 503 Service Unavailable"),
        (Reply(status=404, body=b"nope", content_type="text/plain"), "HTTP 404 Not Found"),
        (Reply.rss("aioarxiv_error_rss_mock_feed.xml"), "arXiv feed error: Bad archive 'astroph'. Valid archive"),
        (Reply(body=(RSS / "arxiv_cs_cl.xml").read_bytes()[:3000]), "broken XML (truncated or malformed)"),
        (Reply(body=b""), "empty response (no XML at all)"),
        (Reply(body=b'{"error": "rate limited"}', content_type="application/json"), "not a feed:"),
    ],
    ids=["html-200", "html-503", "404", "arxiv-error-feed", "truncated", "empty-body", "json"],
)
def test_a_broken_source_is_reported_and_the_others_still_read(
    server: ArxivServer, reply: Reply, reason: str
) -> None:
    bad = server.route("/rss/bad", reply)
    good = server.feed("/rss/cs.LG", "arxiv_cs_lg.xml")

    result = read_feeds([bad, good], timeout=5)

    assert len(result.failures) == 1
    assert result.failures[0].source == bad
    assert result.failures[0].reason.startswith(reason)
    assert len(result.failures[0].reason) <= 160
    assert [p.arxiv_id for p in result.papers] == ["2604.21952", "2604.21953", "2604.21956"]
    assert (result.stats.feeds, result.stats.failed, result.stats.items) == (1, 1, 3)


def test_a_feed_that_hangs_times_out(server: ArxivServer) -> None:
    slow = server.route("/rss/slow", Reply.hang(5.0))
    good = server.feed("/rss/cs.LG", "arxiv_cs_lg.xml")
    result = read_feeds([slow, good], timeout=0.3)
    assert [(f.source, f.reason) for f in result.failures] == [(slow, "timed out after 0.3s")]
    assert result.stats.kept == 3


def test_a_feed_that_trickles_is_cut_off_at_the_timeout(server: ArxivServer) -> None:
    """Every piece comes within the timeout, the whole feed does not: the timeout bounds the whole answer."""
    body = (RSS / "arxiv_cs_lg.xml").read_bytes()
    slow = server.route("/rss/drip", Reply(body=body, drip=0.25))
    started = time.monotonic()
    result = read_feeds([slow], timeout=0.6)
    assert [(f.source, f.reason) for f in result.failures] == [(slow, "timed out after 0.6s")]
    assert time.monotonic() - started < 2.0
    fine = server.route("/rss/drip-ok", Reply(body=body, drip=0.01))
    assert read_feeds([fine], timeout=2.0).stats.kept == 3


def test_a_failure_that_may_pass_is_asked_again(server: ArxivServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import feeds

    sleeps: list[float] = []
    monkeypatch.setattr(feeds, "_sleep", sleeps.append)
    body = (RSS / "arxiv_cs_lg.xml").read_bytes()
    flaky = server.route("/rss/flaky", Reply.html(503), Reply(body=body[: len(body) // 2]), Reply(body=body))
    gone = server.route("/rss/gone", Reply(status=404, body=b"nope", content_type="text/plain"))
    result = read_feeds([flaky, gone], retries=2, backoff=5.0)
    assert result.stats.kept == 3 and sleeps == [5.0, 10.0]  # a 503, then XML cut off, then the feed
    assert [(f.source, f.reason) for f in result.failures] == [(gone, "HTTP 404 Not Found")]  # not asked again
    assert [r.path for r in server.requests].count("/rss/gone") == 1


def test_a_feed_server_that_asks_to_wait_is_waited_for(server: ArxivServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Retry-After (seconds or an HTTP date) sets the pause when it is longer than the backoff; a pause past
    MAX_RETRY_AFTER is a failure now, said with the wait asked for, not a run held for an hour."""
    from bot import feeds

    sleeps: list[float] = []
    monkeypatch.setattr(feeds, "_sleep", sleeps.append)
    body = (RSS / "arxiv_cs_lg.xml").read_bytes()
    busy = server.route("/rss/busy", Reply(429, b"slow down", {"Retry-After": "40"}, content_type="text/plain"),
                        Reply(503, b"", {"Retry-After": "2"}), Reply(body=body))
    result = read_feeds([busy], retries=2, backoff=5.0)
    assert result.stats.kept == 3 and sleeps == [40.0, 10.0]  # asked 40 s over the backoff's 5; 2 s under its 10
    later = email.utils.format_datetime(_dt.datetime.now(_dt.UTC) + _dt.timedelta(hours=2), usegmt=True)
    closed = server.route("/rss/closed", Reply(503, b"", {"Retry-After": later}))
    sleeps.clear()
    result = read_feeds([closed], retries=2, backoff=5.0)
    assert sleeps == [] and [r.path for r in server.requests].count("/rss/closed") == 1
    [failure] = result.failures
    assert failure.reason.startswith("HTTP 503 Service Unavailable; the server asks to wait 7")
    assert failure.reason.endswith("s (more than 600s), try again later")
    assert feeds.retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412450.0) == 30.0
    assert feeds.retry_after_seconds("soon") is None and feeds.retry_after_seconds(" 12 ") == 12.0


def test_a_gzipped_feed_is_read_in_pieces(server: ArxivServer) -> None:
    body = (RSS / "arxiv_cs_lg.xml").read_bytes()
    url = server.route("/rss/gz", Reply(body=gzip.compress(body), headers={"Content-Encoding": "gzip"}, drip=0.01))
    result = read_feeds([url])
    assert result.failures == [] and result.stats.kept == 3


def test_local_paths_and_file_urls(tmp_path: Path) -> None:
    path = RSS / "arxiv_cs_ai.xml"
    result = read_feeds([path.as_uri(), str(tmp_path / "missing.xml")])
    assert [p.arxiv_id for p in result.papers] == ["2604.21935", "2604.21936", "2604.21937"]
    assert [(f.source, f.reason) for f in result.failures] == [(str(tmp_path / "missing.xml"), "file not found")]


def test_a_broken_local_file_is_not_asked_again_and_a_huge_one_is_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: ArxivServer
) -> None:
    """A file cut off mid-XML stays cut off: no retry pauses. /dev/zero or a wrong huge file must not take the
    memory: past MAX_FEED_BYTES a source is refused, on disk and over HTTP."""
    from bot import feeds

    sleeps: list[float] = []
    monkeypatch.setattr(feeds, "_sleep", sleeps.append)
    body = (RSS / "arxiv_cs_lg.xml").read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(body[: len(body) // 2])
    [failure] = read_feeds([cut.as_uri()], retries=2, backoff=5.0).failures
    assert failure.reason.startswith("broken XML (truncated or malformed)") and sleeps == []
    assert read_feeds([str(tmp_path)]).failures[0].reason == "a folder, not a feed file"
    monkeypatch.setattr(feeds, "MAX_FEED_BYTES", len(body) - 1)
    big = tmp_path / "big.xml"
    big.write_bytes(body)
    url = server.route("/rss/big", Reply(body=body))
    result = read_feeds([str(big), url], retries=0)
    assert [f.reason for f in result.failures] == [
        "cannot read feed file: larger than 0 MB, more than such a file ever holds",
        "larger than 0 MB: not an arXiv feed"]


def test_connection_refused_is_a_failure_not_a_crash() -> None:
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    result = read_feeds([f"http://127.0.0.1:{port}/rss/cs.CL"], timeout=2)
    assert result.failures[0].reason == f"127.0.0.1:{port} refused the connection"


def test_a_host_that_does_not_resolve_is_named_and_not_waited_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """No network, or a typo in feeds.urls: the name stays unresolved for the minute of retries, so the run
    says which host at once instead of after 90 s and a urllib3 repr cut at 160 characters."""
    fail_dns(monkeypatch)
    slept: list[float] = []
    monkeypatch.setattr("bot.feeds._sleep", slept.append)
    result = read_feeds(["https://rss.arxiv.example/rss/cs.CL"], retries=2, backoff=30)
    assert [f.reason for f in result.failures] == ["cannot resolve rss.arxiv.example: no such host, or no network"]
    assert slept == []


def test_a_temporary_dns_failure_is_asked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    fail_dns(monkeypatch, socket.EAI_AGAIN)
    slept: list[float] = []
    monkeypatch.setattr("bot.feeds._sleep", slept.append)
    result = read_feeds(["https://rss.arxiv.example/rss/cs.CL"], retries=2, backoff=30)
    assert [f.reason for f in result.failures] == [
        "cannot resolve rss.arxiv.example (temporary DNS failure) (gave up after 3 attempts)"]
    assert slept == [30, 60]


def test_a_malformed_url_is_a_failed_feed_not_a_crash() -> None:
    result = read_feeds(["http://[::1/rss/cs.CL", "gopher://arxiv.org/rss", str(RSS / "arxiv_cs_ai.xml")])
    assert [f.reason for f in result.failures] == [
        "not a valid URL: Invalid IPv6 URL", "unsupported URL scheme 'gopher' (use http(s), file:// or a path)"
    ]
    assert len(result.papers) == 3


def test_unknown_announce_type_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown announce types"):
        read_feeds([], announce_types=("new", "replaced"))


def test_split_authors() -> None:
    assert split_authors("Anamta Khan, Ratna Kandala,  Deepti, Sheza Munir") == (
        "Anamta Khan", "Ratna Kandala", "Deepti", "Sheza Munir",
    )
    assert split_authors(" , A  B ,, ") == ("A B",)
    assert split_authors("") == ()
    assert split_authors("A (unclosed, B") == ("A (unclosed", "B")


def test_affiliations_in_parentheses_do_not_make_authors() -> None:
    """A real paper of the full feed lists its 8 authors each with an affiliation full of commas."""
    [paper] = [p for p in read_feeds([str(BIG)]).papers if p.arxiv_id == "2411.17817"]
    assert len(paper.authors) == 8
    assert paper.authors[:2] == ("Tianliang Yan", "Yubao Liu") and paper.authors[-1] == "Denis Martynov"


def test_the_default_feed_cannot_be_reached_from_tests() -> None:
    """The conftest guard stops the real client before it reaches rss.arxiv.org."""
    from bot.config import Config

    with pytest.raises(NetworkBlocked):
        read_feeds(Config().feeds.urls, timeout=2)


def test_a_chunked_gzipped_feed_is_read_whole() -> None:
    """Servers often answer with Transfer-Encoding: chunked (and gzip): the piecewise read must decode both."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    body = (RSS / "arxiv_cs_lg.xml").read_bytes()

    class Chunked(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            data = gzip.compress(body)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            for start in range(0, len(data), 700):
                part = data[start:start + 700]
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Chunked)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = read_feeds([f"http://127.0.0.1:{server.server_address[1]}/rss/cs.LG"])
    finally:
        server.shutdown()
        server.server_close()
    assert result.failures == [] and result.stats.kept == 3
