"""arXiv RSS (rss.arxiv.org, RSS 2.0 since 2024) -> Papers, with the announce-type filter and dedupe.

A feed can be an http(s) URL, a local file or a file:// URL. One broken source never stops the
others: it becomes a FeedFailure (source + short reason) and the caller decides the exit code.
An empty feed is a normal day (weekends, holidays), not a failure.
"""

from __future__ import annotations

import email.utils
import functools
import logging
import re
import time
from collections.abc import Collection, Container, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import feedparser
import requests
import urllib3

from bot import __version__
from bot.errors import connection_problem
from bot.files import read_capped
from bot.papers import Paper, parse_arxiv_id, plain_title

log = logging.getLogger("paperbot.feeds")

PROJECT = "paperbot"
ANNOUNCE_TYPES = ("new", "cross", "replace", "replace-cross")

# Every description starts "arXiv:2604.22002v1 Announce Type: new \nAbstract: " (note the space before
# the newline); the abstract is what follows.
_PREFIX_RE = re.compile(r"^\s*arXiv:(?P<id>\S+)\s+Announce Type:\s*(?P<type>[\w-]+)\s*\n?\s*Abstract:\s*", re.S)
_ERROR_TITLE = "Feed error for query"


def user_agent(contact: str | None = None) -> str:
    """arXiv asks automated clients to identify themselves; name paperbot and, if known, a contact."""
    base = f"{PROJECT}/{__version__} (arXiv paper-list bot; python-requests/{requests.__version__}"
    return f"{base}; +{contact})" if contact else f"{base})"


@dataclass
class FeedStats:
    items: int = 0  # items read, every announce type, every feed
    new: int = 0
    cross: int = 0
    replace: int = 0
    replace_cross: int = 0
    other: int = 0  # an announce type arXiv may add later
    duplicates: int = 0  # items of a kept type not kept: repeated in this run or seen in an earlier one
    seen: int = 0  # the part of `duplicates` already known from earlier runs
    invalid: int = 0  # items without a readable arXiv id
    kept: int = 0
    feeds: int = 0  # sources read successfully
    failed: int = 0  # sources that failed

    def count_type(self, announce_type: str) -> None:
        name = announce_type.replace("-", "_")
        if name in ("new", "cross", "replace", "replace_cross"):
            setattr(self, name, getattr(self, name) + 1)
        else:
            self.other += 1

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class FeedFailure:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class FeedResult:
    papers: list[Paper] = field(default_factory=list)
    stats: FeedStats = field(default_factory=FeedStats)
    failures: list[FeedFailure] = field(default_factory=list)


# A feed server asking for a longer pause than this (Retry-After) is a failure now, not a wait: the run
# would hold its scheduled slot for it, and the next run reads the same feed anyway.
MAX_RETRY_AFTER = 600.0
# A day's arXiv feed is a few MB; anything far larger (a wrong file, /dev/zero, a server gone wrong) is not a
# feed, and reading it whole would take the memory first.
MAX_FEED_BYTES = 256 * 1024 * 1024


class _SourceError(Exception):
    """A source could not be read or is not an arXiv RSS feed; the message is the short reason. transient: it
    may pass if asked again (a timeout, a dropped connection, HTTP 429/5xx, a feed cut off mid-XML);
    retry_after: the seconds the server asked to wait first (its Retry-After header)."""

    def __init__(self, reason: str, *, transient: bool = False, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.transient = transient
        self.retry_after = retry_after


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date (RFC 9110); None when absent or unreadable.
    now: the wall clock (seconds since the epoch) a date is counted from."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def retry_delay(backoff: float, retry_after: float | None, max_wait: float) -> float | None:
    """The pause before a retry: the backoff, or the server's Retry-After when longer; None when the server
    asks for more than max_wait, which is a failure now rather than a wait."""
    if retry_after is None:
        return backoff
    if retry_after > max_wait:
        return None
    return max(backoff, retry_after)


def read_feeds(
    sources: Sequence[str],
    *,
    announce_types: Collection[str] = ("new", "cross"),
    seen: Container[str] = (),
    timeout: float = 30.0,
    session: requests.Session | None = None,
    contact: str | None = None,
    retries: int = 0,
    backoff: float = 30.0,
) -> FeedResult:
    """Read every source in order; keep items of `announce_types` not seen before (ids compared without version).

    A source that fails in a way that may pass is asked again up to `retries` times, `backoff` seconds later
    (doubling): a day's feed missed is a day's papers missed for good, as the next feed has moved on."""
    unknown = set(announce_types) - set(ANNOUNCE_TYPES)
    if unknown:
        raise ValueError(f"unknown announce types {sorted(unknown)}; allowed: {', '.join(ANNOUNCE_TYPES)}")
    result = FeedResult()
    stats = result.stats
    kept_ids: set[str] = set()
    own_session = session is None
    http = session or requests.Session()
    try:
        for source in sources:
            try:
                parsed = _parse_with_retries(source, timeout=timeout, session=http, contact=contact,
                                             retries=retries, backoff=backoff)
            except _SourceError as exc:
                log.debug("feed failed: %s: %s", source, exc)  # the command reports it once, as an error
                result.failures.append(FeedFailure(source=source, reason=_short(str(exc))))
                stats.failed += 1
                continue
            stats.feeds += 1
            before = stats.kept
            for entry in parsed.entries:
                stats.items += 1
                paper = paper_from_entry(entry)
                if paper is None:
                    stats.invalid += 1
                    continue
                kind = paper.announce_type or ""
                stats.count_type(kind)
                if kind not in announce_types:
                    continue
                if paper.arxiv_id in kept_ids or paper.arxiv_id in seen:
                    stats.duplicates += 1
                    if paper.arxiv_id not in kept_ids:
                        stats.seen += 1
                    continue
                kept_ids.add(paper.arxiv_id)
                result.papers.append(paper)
                stats.kept += 1
            log.info("feed %s: %d items, %d kept", source, len(parsed.entries), stats.kept - before)
    finally:
        if own_session:
            http.close()
    return result


def _parse_with_retries(source: str, *, timeout: float, session: requests.Session, contact: str | None,
                        retries: int, backoff: float) -> Any:
    for attempt in range(retries + 1):
        try:
            return _parse_source(source, timeout=timeout, session=session, contact=contact)
        except _SourceError as exc:
            # a local file cut off mid-XML stays cut off: asking it again only waits
            if not exc.transient or attempt >= retries or not is_remote(source):
                if attempt:
                    raise _SourceError(f"{exc} (gave up after {attempt + 1} attempts)") from None
                raise
            delay = retry_delay(backoff * 2**attempt, exc.retry_after, MAX_RETRY_AFTER)
            if delay is None:
                raise _SourceError(f"{exc}; the server asks to wait {exc.retry_after:.0f}s (more than "
                                   f"{MAX_RETRY_AFTER:.0f}s), try again later") from None
            log.warning("feed %s: %s; retry %d/%d in %.0fs", source, exc, attempt + 1, retries, delay)
            _sleep(delay)
    raise AssertionError("unreachable")


def is_remote(source: str) -> bool:
    """A feed read over HTTP, not a file: today's feed, another tomorrow."""
    return source.lower().startswith(("http://", "https://"))


def _parse_source(source: str, *, timeout: float, session: requests.Session, contact: str | None) -> Any:
    data = _read_bytes(source, timeout=timeout, session=session, contact=contact)
    if not data.strip():
        raise _SourceError("empty response (no XML at all)")
    # arXiv's descriptions are plain text declared as HTML: feedparser's sanitizer would turn LaTeX such
    # as "$1<p<2$" into "$1<p><2$" and "E&E" into "E&amp;E". Both options off keep the text exact.
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    if not version.startswith(("rss", "atom")):
        head = data.lstrip()[:200].lower()
        if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
            raise _SourceError("not a feed: got an HTML page")
        exc = parsed.get("bozo_exception")
        raise _SourceError(f"not a feed: {_short(str(exc)) if exc else 'unrecognised format'}")
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        if not isinstance(exc, feedparser.CharacterEncodingOverride):
            raise _SourceError(f"broken XML (truncated or malformed): {_short(str(exc))}", transient=True)
    title = parsed.feed.get("title", "")
    if title.startswith(_ERROR_TITLE):
        raise _SourceError(f"arXiv feed error: {_short(parsed.feed.get('subtitle') or title)}")
    return parsed


class TooLarge(requests.RequestException):
    """The answer passed MAX_FEED_BYTES: not a reason to ask again."""


def get_within(
    session: requests.Session, url: str, *, timeout: float, **kwargs: Any
) -> tuple[requests.Response, bytes]:
    """GET where `timeout` bounds the whole answer: requests' own timeout bounds each wait for a byte, so a
    server that trickles its body would hold a run for as long as it likes. Raises requests.Timeout."""
    start = time.monotonic()
    response = session.get(url, timeout=timeout, stream=True, **kwargs)
    # read1 returns what has arrived instead of waiting for a full chunk, so the clock is checked between the
    # server's pieces (urllib3 2.x); iter_content is the fallback.
    read1 = getattr(response.raw, "read1", None)
    pieces: Iterator[bytes] = (
        iter(functools.partial(read1, 64 * 1024, decode_content=True), b"") if read1 is not None
        else response.iter_content(8 * 1024)
    )
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in pieces:
            chunks.append(chunk)
            size += len(chunk)
            if time.monotonic() - start > timeout:
                raise requests.Timeout(f"the answer took longer than {timeout:g}s")
            if size > MAX_FEED_BYTES:
                raise TooLarge(f"larger than {MAX_FEED_BYTES // 2**20} MB: not an arXiv feed")
    except urllib3.exceptions.HTTPError as exc:  # raw reads raise urllib3's errors, not requests'
        raise requests.ConnectionError(exc) from None
    finally:
        response.close()
    return response, b"".join(chunks)


def _read_bytes(source: str, *, timeout: float, session: requests.Session, contact: str | None) -> bytes:
    try:
        url = urlparse(source)
    except ValueError as exc:  # "http://[::1": a broken address, not a reason for a traceback
        raise _SourceError(f"not a valid URL: {exc}") from None
    scheme = url.scheme.lower()
    if scheme in ("http", "https"):
        try:
            response, body = get_within(session, source, timeout=timeout, headers={"User-Agent": user_agent(contact)})
        except requests.Timeout:
            raise _SourceError(f"timed out after {timeout:g}s", transient=True) from None
        except TooLarge as exc:
            raise _SourceError(str(exc)) from None
        except requests.RequestException as exc:
            reason, transient = connection_problem(exc, url.netloc)
            raise _SourceError(reason, transient=transient) from None
        if response.status_code >= 400:
            transient = response.status_code == 429 or response.status_code >= 500
            raise _SourceError(f"HTTP {response.status_code} {response.reason or ''}".strip(), transient=transient,
                               retry_after=retry_after_seconds(response.headers.get("Retry-After")) if transient
                               else None)
        return body
    if scheme == "file":
        path = Path(unquote(url.path))
    elif scheme and len(scheme) > 1:  # one letter: a Windows drive
        raise _SourceError(f"unsupported URL scheme '{scheme}' (use http(s), file:// or a path)")
    else:
        path = Path(source)
    try:
        return read_capped(path, MAX_FEED_BYTES)
    except FileNotFoundError:
        raise _SourceError("file not found") from None
    except IsADirectoryError:
        raise _SourceError("a folder, not a feed file") from None
    except OSError as exc:
        raise _SourceError(f"cannot read feed file: {exc.strerror or exc}") from None


def paper_from_entry(entry: Any) -> Paper | None:
    """One RSS item -> Paper; None when the item carries no arXiv id anywhere."""
    description = entry.get("summary", "") or ""
    prefix = _PREFIX_RE.match(description)
    parsed_id = None
    for candidate in (entry.get("id", ""), prefix.group("id") if prefix else "", entry.get("link", "")):
        if candidate:
            parsed_id = parse_arxiv_id(candidate)
            if parsed_id:
                break
    if parsed_id is None:
        return None
    arxiv_id, version = parsed_id
    if version is None and prefix:
        version = (parse_arxiv_id(prefix.group("id")) or (arxiv_id, None))[1]
    announce = (entry.get("arxiv_announce_type") or (prefix.group("type") if prefix else "") or "").strip().lower()
    abstract = description[prefix.end():] if prefix else description
    return Paper(
        arxiv_id=arxiv_id,
        title=plain_title(_one_line(entry.get("title", ""))),
        abstract=abstract.strip(),
        authors=split_authors(entry.get("author", "")),
        categories=tuple(t["term"] for t in entry.get("tags", []) if t.get("term")),
        version=version,
        announce_type=announce or None,
        announced=_published_date(entry),  # the announcement's date, not the first version's (`published`)
        # where the author gave one: the venue a proposal's entry writes, with no API request for it
        journal_ref=_one_line(entry.get("arxiv_journal_reference", "") or ""),
    )


def split_authors(creator: str) -> tuple[str, ...]:
    """dc:creator is one comma-separated string ("A. One, B. Two,  Single"); spacing is irregular, and some
    authors add an affiliation in parentheses with commas of its own ("T. Yan (University of Birmingham, UK)"):
    only commas outside parentheses separate authors, and the affiliation is dropped, as a list writes names."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, char in enumerate(creator):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            parts.append(creator[start:i])
            start = i + 1
    parts.append(creator[start:])
    if depth:  # an unclosed parenthesis: the plain split loses less
        parts = creator.split(",")
    names = (_one_line(_AFFILIATION_RE.sub("", part)) or _one_line(part) for part in parts)
    return tuple(name for name in names if name)


_AFFILIATION_RE = re.compile(r"\s*\([^()]*\)\s*$")


def _published_date(entry: Any) -> str | None:
    """The announcement date as arXiv wrote it (its own time zone), YYYY-MM-DD."""
    raw = entry.get("published", "")
    if raw:
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    parsed = entry.get("published_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, limit: int = 160) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


