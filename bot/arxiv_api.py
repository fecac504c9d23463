"""arXiv API (export.arxiv.org/api/query) metadata for list entries: batched, rate-limited, retried, cached.

arXiv's terms of use ask for at most one request every three seconds from one client, and results only
change once a day, so every answer is cached on disk and a second run asks nothing for known ids.
The clock and sleep are injected so tests check the spacing without waiting.
"""

from __future__ import annotations

import json
import logging
import re
import time
import xml.sax
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import feedparser
import requests

from bot.errors import PaperbotError, UsageError, connection_problem
from bot.feeds import get_within, retry_after_seconds, retry_delay, split_authors, user_agent
from bot.files import atomic_write_text
from bot.papers import (
    ARXIV_ID_RE,
    Paper,
    arxiv_id_from_url,
    canonical_id,
    link_key,
    parse_arxiv_id,
    plain_title,
    versionless_id,
    work_aliases,
    work_key,
)

if TYPE_CHECKING:
    from bot.config import Config

log = logging.getLogger("paperbot.arxiv_api")

DEFAULT_BASE_URL = "https://export.arxiv.org/api/query"
_RETRY_STATUS = {429, 500, 502, 503, 504}


class ArxivApiError(PaperbotError):
    """The API could not be reached or kept failing; `partial` holds what earlier batches returned."""

    def __init__(self, message: str, partial: dict[str, Paper] | None = None) -> None:
        super().__init__(message)
        self.partial: dict[str, Paper] = dict(partial or {})


def normalize_id(text: str) -> str | None:
    """The versionless id if `text` is exactly an arXiv id (optionally with arXiv:/version), else None."""
    text = text.strip().removeprefix("arXiv:").removeprefix("arxiv:")
    m = ARXIV_ID_RE.fullmatch(text)
    if not m:
        return None
    arxiv_id = canonical_id(m.group("id"))
    if "/" not in arxiv_id:  # YYMM.NNNN from April 2007 to December 2014, YYMM.NNNNN since: else a typo
        month, number = int(arxiv_id[2:4]), arxiv_id.split(".")[1]
        next_year = (datetime.now(UTC).year + 1) % 100
        if not 1 <= month <= 12 or not 704 <= int(arxiv_id[:4]) < (next_year + 1) * 100:
            return None
        if len(number) != (4 if int(arxiv_id[:4]) <= 1412 else 5):
            return None
    return arxiv_id


def _broken_xml(parsed: Any) -> str | None:
    """Why feedparser found the answer malformed (truncated, not well-formed), or None when it is sound."""
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(exc, xml.sax.SAXException):
        return _one_line(str(exc)) or type(exc).__name__
    return None


def _incomplete(parsed: Any, asked: int) -> str | None:
    """Why a well-formed answer is short of papers, or None: arXiv at times answers 200 with fewer entries (often
    none) than its own opensearch:totalResults counts, and those ids would read as papers that do not exist."""
    try:
        total = min(asked, int(parsed.get("feed", {}).get("opensearch_totalresults", "")))
    except ValueError:
        return None
    entries = len(parsed.get("entries", []))  # an error entry counts in totalResults too
    return f"incomplete ({entries} of {total} entries)" if entries < total else None


class ArxivClient:
    """Fetches Atom metadata by id_list in batches, never faster than one request per `min_interval`."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        min_interval: float = 3.0,
        max_retries: int = 4,
        timeout: float = 30.0,
        batch_size: int = 100,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        session: requests.Session | None = None,
        contact: str | None = None,
        backoff: float = 5.0,
        max_wait: float = 600.0,
        wallclock: Callable[[], float] = time.time,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self.base_url = base_url
        self.min_interval = min_interval
        self.max_retries = max_retries
        self.timeout = timeout
        self.batch_size = batch_size
        self.clock = clock
        self.sleep = sleep
        self.session = session or requests.Session()
        self.user_agent = user_agent(contact)
        self.backoff = backoff  # first retry delay; doubles each attempt
        self.max_wait = max_wait  # a Retry-After longer than this is a failure, not a wait
        self.wallclock = wallclock  # only for Retry-After given as an HTTP date
        self.requests_made = 0
        self.errors: dict[str, str] = {}  # id -> why the last fetch() has no paper for it
        self._last_request: float | None = None

    @classmethod
    def from_config(cls, config: Config, **overrides: Any) -> ArxivClient:
        api = config.arxiv_api
        kwargs: dict[str, Any] = {
            "min_interval": api.min_interval_seconds,
            "max_retries": api.max_retries,
            "timeout": api.timeout_seconds,
            "batch_size": api.batch_size,
            "contact": contact_for(config),
        }
        kwargs.update(overrides)
        return cls(api.base_url, **kwargs)

    def fetch(self, ids: Sequence[str]) -> dict[str, Paper]:
        """Versionless id -> Paper for every id arXiv knows; the others get a reason in `self.errors`."""
        self.errors = {}
        wanted = list(dict.fromkeys(versionless_id(i) for i in ids))
        found: dict[str, Paper] = {}
        for start in range(0, len(wanted), self.batch_size):
            batch = wanted[start:start + self.batch_size]
            try:
                papers, errors = self._fetch_batch(batch)
            except ArxivApiError as exc:
                for arxiv_id in wanted[start:]:
                    self.errors.setdefault(arxiv_id, str(exc))
                raise ArxivApiError(str(exc), partial=found) from None
            found.update(papers)
            self.errors.update(errors)
        return found

    # ------------------------------------------------------------------ one batch

    def _fetch_batch(self, batch: list[str]) -> tuple[dict[str, Paper], dict[str, str]]:
        params = {"id_list": ",".join(batch), "max_results": str(len(batch))}
        for attempt in range(self.max_retries + 1):
            response, body = self._get(params)
            parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
            if response.status_code == 400:
                break
            broken = _broken_xml(parsed)
            # A 200 cut off mid-answer parses leniently into papers with empty fields, which the cache would keep
            # for good: ask again, and never use such an answer.
            problem = f"broken XML ({broken})" if broken is not None else _incomplete(parsed, len(batch))
            if problem is None:
                break
            if attempt >= self.max_retries:
                raise ArxivApiError(f"{self.base_url}: the answer is {problem}; gave up after {attempt + 1} attempt(s)")
            delay = self.backoff * (2**attempt)
            log.info("arXiv API answer is %s; retry %d/%d in %.1fs", problem, attempt + 1, self.max_retries, delay)
            self.sleep(delay)
        if response.status_code == 400:
            # arXiv answers a malformed id with 400 and an Atom entry titled "Error" saying why.
            reason = _api_error_text(parsed) or "HTTP 400 Bad Request"
            log.warning("arXiv API rejected id_list %s: %s", params["id_list"][:80], reason)
            named = [i for i in batch if reason.endswith(f" {i}")]  # "incorrect id format for abc"
            if len(batch) > 1 and len(named) == 1:
                # One bad id must not cost the batch's other papers, run after run: ask for them without it.
                rest, missed = self._fetch_batch([i for i in batch if i != named[0]])
                return rest, {**missed, named[0]: f"arXiv API: {reason}"}
            return {}, {arxiv_id: f"arXiv API: {reason}" for arxiv_id in batch}
        if not (parsed.get("version") or "").startswith("atom"):
            raise ArxivApiError(f"{self.base_url}: the answer is not an Atom feed (HTTP {response.status_code})")
        papers: dict[str, Paper] = {}
        errors: dict[str, str] = {}
        requested = set(batch)
        for entry in parsed.entries:
            if "/api/errors" in entry.get("id", ""):
                reason = _one_line(entry.get("summary", "")) or "error"
                errors.update({i: f"arXiv API: {reason}" for i in batch if i not in papers})
                continue
            paper = paper_from_api_entry(entry)
            if paper is not None and paper.arxiv_id in requested:
                papers[paper.arxiv_id] = paper
        for arxiv_id in batch:
            if arxiv_id not in papers:
                errors.setdefault(arxiv_id, "arXiv API: no such paper (zero results)")
        return papers, errors

    def _get(self, params: dict[str, str]) -> tuple[requests.Response, bytes]:
        attempt = 0
        while True:
            self._throttle()
            self.requests_made += 1
            retry_after: float | None = None
            try:
                response, body = get_within(
                    self.session, self.base_url, params=params, timeout=self.timeout,
                    headers={"User-Agent": self.user_agent},
                )
            except requests.Timeout:
                problem = f"timed out after {self.timeout:g}s"
            except requests.RequestException as exc:
                problem, transient = connection_problem(exc, urlparse(self.base_url).netloc)
                if not transient:
                    raise ArxivApiError(f"{self.base_url}: {problem}") from None
            else:
                if response.status_code <= 400:  # 400 carries the reason for a malformed id
                    return response, body
                if response.status_code not in _RETRY_STATUS:
                    raise ArxivApiError(f"{self.base_url}: HTTP {response.status_code} {response.reason or ''}".strip())
                problem = f"HTTP {response.status_code}"
                retry_after = retry_after_seconds(response.headers.get("Retry-After"), self.wallclock())
            if attempt >= self.max_retries:
                raise ArxivApiError(f"{self.base_url}: {problem}; gave up after {attempt + 1} attempt(s)")
            delay = retry_delay(self.backoff * (2**attempt), retry_after, self.max_wait)
            if delay is None:
                raise ArxivApiError(
                    f"{self.base_url}: {problem}; arXiv asks to wait {retry_after:.0f}s (more than "
                    f"{self.max_wait:.0f}s), try again later"
                )
            attempt += 1
            log.info("arXiv API %s; retry %d/%d in %.1fs", problem, attempt, self.max_retries, delay)
            self.sleep(delay)

    def _throttle(self) -> None:
        """arXiv's rule: at most one request every min_interval seconds, retries included."""
        if self._last_request is not None:
            wait = self._last_request + self.min_interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request = self.clock()

def paper_from_api_entry(entry: Any) -> Paper | None:
    parsed = parse_arxiv_id(entry.get("id", ""))
    if parsed is None:
        return None
    arxiv_id, version = parsed
    categories: list[str] = []
    primary = (entry.get("arxiv_primary_category") or {}).get("term")
    for term in [primary, *(t.get("term") for t in entry.get("tags", []))]:
        if term and term not in categories:
            categories.append(term)
    published = entry.get("published", "")
    return Paper(
        arxiv_id=arxiv_id,
        title=plain_title(_one_line(entry.get("title", ""))),
        abstract=_one_line(entry.get("summary", "")),
        authors=tuple(_one_line(a.get("name", "")) for a in entry.get("authors", []) if a.get("name")),
        categories=tuple(categories),
        version=version,
        published=published[:10] or None,
        comment=_one_line(entry.get("arxiv_comment", "") or ""),
        journal_ref=_one_line(entry.get("arxiv_journal_ref", "") or ""),
    )


def _api_error_text(parsed: Any) -> str:
    for entry in parsed.get("entries", []):
        if "/api/errors" in entry.get("id", "") or entry.get("title") == "Error":
            return _one_line(entry.get("summary", ""))
    return ""


# ---------------------------------------------------------------------- metadata files and the cache


def paper_to_json(paper: Paper) -> dict[str, Any]:
    """A paper as the metadata files, the API cache and the state's candidates keep it."""
    return {
        "id": paper.arxiv_id,
        "version": paper.version,
        "title": paper.title,
        "abstract": paper.abstract,
        "authors": list(paper.authors),
        "categories": list(paper.categories),
        "published": paper.published,
        # only where arXiv gave them: files written before they were kept read the same
        **({"comment": paper.comment} if paper.comment else {}),
        **({"journal_ref": paper.journal_ref} if paper.journal_ref else {}),
        **({"announced": paper.announced} if paper.announced else {}),  # a feed's paper, in the state's candidates
    }


def paper_from_json(doc: Any, where: str, *, need_id: bool = True) -> Paper:
    """need_id=False: a metadata row that names its paper by a link instead (_metadata_row) may have no arXiv id."""
    if not isinstance(doc, dict):
        raise ValueError(f"{where}: expected a JSON object, got {type(doc).__name__}")
    raw_id = doc.get("id", doc.get("arxiv_id"))  # "arxiv_id" as every JSON paperbot prints spells it
    if raw_id is None and need_id:
        raise ValueError(f"{where}: no 'id' (or 'arxiv_id') key")
    arxiv_id = normalize_id(raw_id) if isinstance(raw_id, str) else None
    if arxiv_id is None and raw_id is not None:
        raise ValueError(f"{where}: 'id' {raw_id!r} is not an arXiv id")
    title, abstract = doc.get("title", ""), doc.get("abstract", "") or ""
    categories = doc.get("categories", []) or []
    if isinstance(categories, str):
        categories = categories.split()
    if not isinstance(title, str) or not isinstance(abstract, str) or not isinstance(categories, list):
        raise ValueError(f"{where}: 'title'/'abstract' must be strings and 'categories' a list")
    if not title.strip():  # an entry needs its title: without one, `add` would look it up and fail much later
        raise ValueError(f"{where}: 'title' is missing or empty")
    published = doc.get("published") or doc.get("date")
    announced = doc.get("announced")
    version = doc.get("version")
    comment, journal_ref = doc.get("comment") or "", doc.get("journal_ref") or ""
    if not isinstance(comment, str) or not isinstance(journal_ref, str):
        raise ValueError(f"{where}: 'comment' and 'journal_ref' must be strings")
    return Paper(
        arxiv_id=arxiv_id or "",
        title=plain_title(_one_line(title)),
        abstract=abstract.strip(),
        authors=_authors(doc.get("authors"), where),
        categories=tuple(str(c) for c in categories),
        version=version if isinstance(version, int) else None,
        published=str(published)[:10] if published else None,
        announced=str(announced)[:10] if announced else None,
        comment=_one_line(comment),
        journal_ref=_one_line(journal_ref),
    )


def _authors(raw: Any, where: str) -> tuple[str, ...]:
    """Authors as the README entry will print them: a list of names, one "A, B" string, or the API's
    [{"name": ...}]; anything else would end up in the list as Python reprs, so it is refused."""
    if not raw:
        return ()
    if isinstance(raw, str):
        return split_authors(raw)
    if isinstance(raw, list):
        names = [a.get("name") if isinstance(a, dict) else a for a in raw]
        if all(isinstance(n, str) for n in names):
            return tuple(name for name in (_one_line(str(n)) for n in names) if name)
    raise ValueError(f"{where}: 'authors' must be a list of names (or one comma-separated string)")


def _printed_papers(text: str) -> list[Any] | None:
    """The papers of a document `fetch --json` printed ({"papers": [...], "stats": ...}, over many lines); None
    for JSONL."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError:
        return None  # JSONL after all (a bad line is reported there, with its number)
    if not isinstance(doc, dict) or "id" in doc or "arxiv_id" in doc:
        return None  # one paper: a JSONL file of one line
    papers = doc.get("papers")
    return papers if isinstance(papers, list) else None


def _lines(text: str) -> list[str]:
    """JSONL lines: only a newline ends one; str.splitlines would also split inside a JSON string at a
    U+2028 or U+0085, which json.dumps(ensure_ascii=False) writes as it is."""
    return [line.removesuffix("\r") for line in text.split("\n")]


# A copied config.yaml keeps the seed list's data/arxiv/list-metadata.jsonl, which a new list's folder lacks.
_SET_METADATA = "set list.metadata in the config (null: none, abstracts from the arXiv API) or pass --metadata"


# Where a list links a paper elsewhere than arXiv (OpenReview, the ACL Anthology, a DOI, a proceedings page), a
# metadata row names it by that link instead of an arXiv id, and the entry giving the link learns its abstract.
LINK_FIELDS = ("url", "doi", "openreview", "acl")
_WEB_ADDRESS_RE = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.I)
_DOI_TEXT_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?(?P<doi>10\.\d{4,9}/\S+)$", re.I)
_ID_TEXT_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")


@dataclass
class MetadataRows:
    """A metadata file's papers: by arXiv id, and by the links (papers.work_key, papers.link_key) rows name them by."""

    by_id: dict[str, Paper] = field(default_factory=dict)
    by_link: dict[str, Paper] = field(default_factory=dict)


def _row_links(doc: dict[str, Any], where: str) -> tuple[list[str], str | None]:
    """The keys a row's link fields name its paper by (an ACL Anthology id with its DOI), and the arXiv id its
    'url' gives where that is an arXiv page. A field that names no paper is refused, as a bad 'id' is."""
    keys: list[str] = []
    arxiv_id = None
    for name in LINK_FIELDS:
        raw = doc.get(name)
        if raw is None:
            continue
        value = raw.strip() if isinstance(raw, str) else ""
        if name == "url":
            if not _WEB_ADDRESS_RE.match(value):
                raise ValueError(f"{where}: 'url' {raw!r} is not a web address (https://...)")
            if found := arxiv_id_from_url(value):
                arxiv_id = found
                continue
            key = work_key(value) or link_key(value)
        elif name == "doi":
            if not (m := _DOI_TEXT_RE.match(value)):
                raise ValueError(f"{where}: 'doi' {raw!r} is not a DOI (10.NNNN/...)")
            key = f"doi:{m.group('doi').lower().rstrip('.')}"
        else:  # an OpenReview or ACL Anthology id, or its page
            named = work_key(value) if "/" in value else (
                f"{name}:{value.lower() if name == 'acl' else value}" if _ID_TEXT_RE.match(value) else None)
            if named is None or not named.startswith(f"{name}:"):
                what = "an OpenReview" if name == "openreview" else "an ACL Anthology"
                raise ValueError(f"{where}: '{name}' {raw!r} is not {what} id or page")
            key = named
        keys.extend(work_aliases(key))
    return keys, arxiv_id


def _metadata_row(doc: Any, where: str) -> tuple[Paper, list[str]]:
    """One row of a metadata file: its paper and the link keys it is named by (none for a row of an arXiv id)."""
    links, from_url = _row_links(doc, where) if isinstance(doc, dict) else ([], None)
    if from_url and doc.get("id", doc.get("arxiv_id")) is None:
        doc = {**doc, "id": from_url}
    if isinstance(doc, dict) and not links and doc.get("id", doc.get("arxiv_id")) is None:
        raise ValueError(f"{where}: no 'id' (or 'arxiv_id') key, nor a link that names the paper ("
                         + ", ".join(f"'{f}'" for f in LINK_FIELDS) + ")")
    paper = paper_from_json(doc, where, need_id=not links)
    if from_url and paper.arxiv_id != from_url:
        # one row, two papers: keyed by its id, the abstract would teach the entry of the other
        raise ValueError(f"{where}: 'url' {doc['url']!r} is arXiv {from_url}, not the row's 'id' {paper.arxiv_id}")
    return paper, links


def load_metadata_jsonl(path: Path) -> dict[str, Paper]:
    """The --metadata format: one JSON object per line with id, title, abstract, categories; or what `paperbot
    fetch --json` prints, so a day's feed gives `explain --offline` its papers as it is. Rows named by a link
    instead of an id are read (and checked) too, but only `read_metadata` gives them."""
    return read_metadata(path).by_id


def read_metadata(path: Path) -> MetadataRows:
    """A metadata file's rows by arXiv id and by link (see LINK_FIELDS)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        lines = _lines(text)
    except FileNotFoundError:  # a path the user gave: a usage error (exit 2)
        raise UsageError(f"{path}: metadata file not found; {_SET_METADATA}") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: a folder, not a metadata file (JSONL); {_SET_METADATA}") from None
    except OSError as exc:
        raise PaperbotError(f"{path}: cannot read metadata: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise PaperbotError(f"{path}: not UTF-8 text (byte {exc.start}); save the metadata as UTF-8") from None
    rows = MetadataRows()

    def keep(paper: Paper, links: list[str]) -> None:
        if paper.arxiv_id:
            rows.by_id[paper.arxiv_id] = paper
        rows.by_link.update(dict.fromkeys(links, paper))

    if (printed := _printed_papers(text)) is not None:
        for n, doc in enumerate(printed):
            try:
                keep(*_metadata_row(doc, f"{path}: papers[{n}]"))
            except ValueError as exc:
                raise PaperbotError(str(exc)) from None
        return rows
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            keep(*_metadata_row(json.loads(line), where))
        except json.JSONDecodeError as exc:
            raise PaperbotError(f"{where}: not valid JSON ({exc.msg}); one object per line expected") from None
        except ValueError as exc:
            raise PaperbotError(str(exc)) from None
    return rows


# The key every cache row written from an API answer carries, with the row format. A row without it was written
# before paperbot kept the comment and journal reference, so its empty comment does not say that arXiv has none.
# Only the cache writes it: metadata files and the state's papers keep paper_to_json's shape.
_CACHE_FORMAT_KEY, _CACHE_FORMAT = "cache", 2


def load_cache(path: Path) -> dict[str, Paper]:
    """The cache is only a speed-up: unreadable lines are skipped (and re-fetched), never fatal."""
    return _read_cache(path)[0]


def _read_cache(path: Path) -> tuple[dict[str, Paper], set[str]]:
    """The cached papers, and the ids whose rows were written before comments were kept (see _CACHE_FORMAT_KEY)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, set()
    except OSError as exc:
        log.warning("%s: cannot read the arXiv cache (%s); ignoring it", path, exc)
        return {}, set()
    papers: dict[str, Paper] = {}
    old: set[str] = set()
    # Line by line, bytes first: one damaged line (a bad byte) costs that paper, not the whole cache,
    # which the next save would otherwise rewrite without the papers it could not read.
    for number, chunk in enumerate(raw.split(b"\n"), 1):
        try:
            line = chunk.decode("utf-8").removesuffix("\r")
            if not line.strip():
                continue
            doc = json.loads(line)
            paper = paper_from_json(doc, f"{path}:{number}")
        except (json.JSONDecodeError, ValueError) as exc:  # UnicodeDecodeError is a ValueError
            log.warning("%s:%d: skipping a broken cache line (%s)", path, number, exc)
            continue
        papers[paper.arxiv_id] = paper
        if doc.get(_CACHE_FORMAT_KEY) == _CACHE_FORMAT:
            old.discard(paper.arxiv_id)
        else:
            old.add(paper.arxiv_id)
    return papers, old


def save_cache(path: Path, papers: Iterable[Paper], *, old: Collection[str] = ()) -> None:
    """Every paper as an API answer gave it, marked so; those in `old` as their rows were, written before comments
    were kept: a later save must not pass them off as answers that had no comment."""
    lines = [json.dumps(paper_to_json(p) | ({} if p.arxiv_id in old else {_CACHE_FORMAT_KEY: _CACHE_FORMAT}),
                        ensure_ascii=False)
             for p in sorted(papers, key=lambda p: p.arxiv_id)]
    atomic_write_text(Path(path), "".join(line + "\n" for line in lines))


# ---------------------------------------------------------------------- resolve


@dataclass
class Resolution:
    papers: dict[str, Paper]
    missing: list[str]
    from_file: int = 0
    from_cache: int = 0
    from_api: int = 0
    errors: dict[str, str] = field(default_factory=dict)  # missing id -> why
    # the metadata file's rows named by a link (OpenReview, ACL Anthology, DOI, a page), for entries without arXiv ids
    linked: dict[str, Paper] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "resolved": len(self.papers),
            "missing": list(self.missing),
            "from_file": self.from_file,
            "from_cache": self.from_cache,
            "from_api": self.from_api,
            "errors": dict(self.errors),
        }


def contact_for(config: Config) -> str | None:
    """Who arXiv can reach about this client: config, else the GitHub repository the bot serves."""
    from bot.config import github_settings

    if config.arxiv_api.contact:
        return config.arxiv_api.contact
    repository = github_settings(config)[0]
    return f"https://github.com/{repository}" if repository else None


def resolve(
    ids: Sequence[str],
    config: Config,
    *,
    metadata: Path | None = None,
    client: ArxivClient | None = None,
    offline: bool = False,
    comments: bool = False,
) -> Resolution:
    """Metadata for `ids`: the metadata file wins, then the on-disk cache, then the API (unless offline).

    A file entry without an abstract is used only when neither the cache nor the API has one. An API
    failure is logged and its ids are reported missing; it never stops the caller. With `comments`, a cache
    row written before comments were kept is asked again (and its row kept if arXiv does not answer): its
    empty comment is unknown, not none.
    """
    result = Resolution(papers={}, missing=[])
    wanted: list[str] = []
    for raw in dict.fromkeys(ids):
        arxiv_id = normalize_id(raw)
        if arxiv_id is None:
            result.missing.append(raw)
            result.errors[raw] = "not an arXiv id"
        elif arxiv_id not in wanted:
            wanted.append(arxiv_id)
    rows = read_metadata(metadata) if metadata is not None else MetadataRows()
    from_file, result.linked = rows.by_id, rows.by_link
    cache_path = config.arxiv_api.cache
    cache, old = _read_cache(cache_path)
    to_fetch: list[str] = []
    for arxiv_id in wanted:
        listed = from_file.get(arxiv_id)
        if listed is not None and listed.abstract:
            result.papers[arxiv_id] = listed
            result.from_file += 1
        elif arxiv_id in cache and not (comments and arxiv_id in old):
            result.papers[arxiv_id] = cache[arxiv_id]
            result.from_cache += 1
        else:
            to_fetch.append(arxiv_id)
    fetched: dict[str, Paper] = {}
    if to_fetch and not offline:
        client = client or ArxivClient.from_config(config)
        try:
            fetched = client.fetch(to_fetch)
        except ArxivApiError as exc:
            log.warning("arXiv API failed, %d id(s) stay unresolved: %s", len(to_fetch) - len(exc.partial), exc)
            fetched = exc.partial
        result.errors.update({k: v for k, v in client.errors.items() if k not in fetched and k not in cache})
        if fetched:
            cache.update(fetched)
            try:
                save_cache(cache_path, cache.values(), old=old - fetched.keys())
            except PaperbotError as exc:
                log.warning("could not update the arXiv cache: %s", exc)
    for arxiv_id in to_fetch:
        if arxiv_id in fetched:
            result.papers[arxiv_id] = fetched[arxiv_id]
            result.from_api += 1
        elif arxiv_id in cache:  # an old row asked again, and arXiv did not answer: the row as it was
            result.papers[arxiv_id] = cache[arxiv_id]
            result.from_cache += 1
        elif arxiv_id in from_file:  # known title, no abstract anywhere
            result.papers[arxiv_id] = from_file[arxiv_id]
            result.from_file += 1
        else:
            result.missing.append(arxiv_id)
            result.errors.setdefault(arxiv_id, "offline: not in the metadata file or cache" if offline else "unknown")
    return result


def _one_line(text: str) -> str:
    return " ".join(text.split())
