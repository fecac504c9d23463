"""Plain data types every pipeline step passes on: stages depend on these, not on each other."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# New-style ids (0704.0001 onwards: YYMM.NNNN or YYMM.NNNNN) and old-style ids (hep-th/9901001).
_NEW_ID = r"\d{4}\.\d{4,5}"
_OLD_ID = r"[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}"
ARXIV_ID_RE = re.compile(rf"(?P<id>{_NEW_ID}|{_OLD_ID})(?:v(?P<version>\d+))?")
# Lists link arXiv papers through other sites too: the same paper, so the same identity.
_ARXIV_PAGES = (
    r"arxiv\.org/(?:abs|pdf|html|format)/",
    r"alphaxiv\.org/(?:abs|overview|pdf)/",
    r"huggingface\.co/papers/",
    r"ar5iv\.org/(?:abs|html)/",
    r"doi\.org/10\.48550/arxiv\.",
)
_ARXIV_URL_RE = re.compile(
    rf"(?:{'|'.join(_ARXIV_PAGES)})(?P<id>{_NEW_ID}|{_OLD_ID})(?:v(?P<version>\d+))?(?!\d)", re.I
)


def canonical_id(arxiv_id: str) -> str:
    """An old-style id without its subject class: math.GT/0309136 is math/0309136 to arXiv (the class is not
    part of the identifier), as feeds and the API write it."""
    return re.sub(r"^([a-z][a-z\-]*)\.[A-Z]{2}/", r"\1/", arxiv_id)


def parse_arxiv_id(text: str) -> tuple[str, int | None] | None:
    """Split 'arXiv:2401.16380v2', 'oai:arXiv.org:2401.16380v2' or a bare id into (id, version)."""
    m = ARXIV_ID_RE.search(text.strip())
    if not m:
        return None
    version = int(m.group("version")) if m.group("version") else None
    return canonical_id(m.group("id")), version


def versionless_id(text: str) -> str:
    """The id a paper is known by everywhere (state, caches): a v2 is the same paper as its v1."""
    parsed = parse_arxiv_id(text)
    return parsed[0] if parsed else text.strip()


def arxiv_id_from_url(url: str) -> str | None:
    """The versionless arXiv id of an abs/pdf/html link (with or without www.), or of the paper's page
    on alphaXiv, Hugging Face or ar5iv, or its arXiv DOI; else None.

    The id must end where the digits end: a typo such as abs/2503.174601 names no paper, not 2503.17460.
    """
    m = _ARXIV_URL_RE.search(url)
    return canonical_id(m.group("id")) if m else None


def arxiv_ids_in(text: str) -> list[str]:
    """The versionless arXiv ids of every arXiv page a text links or writes out (as arxiv_id_from_url reads one
    link), in order."""
    return [canonical_id(m.group("id")) for m in _ARXIV_URL_RE.finditer(text)]


def arxiv_month(arxiv_id: str | None) -> int | None:
    """Months since year 0 of the month an id was announced in (its YYMM), for new- and old-style ids."""
    m = re.match(r"^(?:[a-z\-.]+/)?(\d{2})(\d{2})", arxiv_id or "", re.I)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    yy = int(m.group(1))
    return ((1900 if yy >= 91 else 2000) + yy) * 12 + int(m.group(2)) - 1


def normalize_title(title: str) -> str:
    """Title identity for works without an id: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]+", " ", title.lower()).strip()


@dataclass(frozen=True)
class Paper:
    """A paper as arXiv announces or describes it."""

    arxiv_id: str
    title: str
    abstract: str = ""
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    version: int | None = None
    announce_type: str | None = None
    published: str | None = None  # YYYY-MM-DD

    @property
    def url(self) -> str:
        return f"https://arxiv.org/abs/{self.arxiv_id}"

    @property
    def text(self) -> str:
        """What gets embedded: title + abstract, title only where no abstract is known."""
        return f"{self.title}. {self.abstract}".strip() if self.abstract else self.title


@dataclass(frozen=True)
class Entry:
    """One bullet of the list that names a work with a link, at one place in the document."""

    title: str
    url: str
    key: str  # identity: "arxiv:2401.16380", "openreview:…", "acl:…", "doi:…" or "title:<normalised>"
    arxiv_id: str | None
    authors: str = ""  # as written, markdown removed
    venue: str = ""  # venue/year text as written, e.g. "Arxiv 2025."
    marks: tuple[str, ...] = ()  # e.g. ("🔥",)
    line: int = 0  # 0-based index of the bullet's first line in the document
    end_line: int = 0  # exclusive
    section_id: str = ""


@dataclass
class Section:
    """A heading, bold group, italic sub-group or `<details>` summary of the list, nested as a reader sees it."""

    id: str
    path: tuple[str, ...]
    kind: str  # "heading" | "bold" | "italic" | "summary" (a `<details>` block's `<summary>`)
    line: int  # 0-based line of the heading/group bullet
    parent_id: str | None = None
    entries: list[Entry] = field(default_factory=list)

    @property
    def depth(self) -> int:
        return len(self.path)


@dataclass(frozen=True)
class SectionScore:
    path: tuple[str, ...]
    score: float
    section_id: str = ""

    def to_json(self) -> dict:
        """{"path", "score"}: a section as `scan --json` writes it."""
        return {"path": list(self.path), "score": round(self.score, 4)}


def _candidate_json(paper: Paper, score: float, section: SectionScore) -> dict:
    """The keys a proposal and a held-back paper share in `scan --json`."""
    return {"arxiv_id": paper.arxiv_id, "title": paper.title, "score": round(score, 4), "section": section.to_json()}


@dataclass(frozen=True)
class Neighbour:
    """An existing list entry close to a candidate, shown to the maintainer as evidence."""

    title: str
    arxiv_id: str | None
    similarity: float
    section_path: tuple[str, ...] = ()


@dataclass(frozen=True)
class Proposal:
    """A paper the bot suggests adding, with where and why."""

    paper: Paper
    score: float  # calibrated relevance probability
    section: SectionScore
    alternatives: tuple[SectionScore, ...] = ()
    nearest: tuple[Neighbour, ...] = ()
    unsure: bool = False  # best and runner-up sections are too close to call
    requested: bool = False  # a maintainer ticked it on the candidates issue: proposed whatever its score

    def to_json(self) -> dict:
        """The shape `scan --json` promises (extended with a few extra keys)."""
        return {
            **_candidate_json(self.paper, self.score, self.section),
            "alternatives": [a.to_json() for a in self.alternatives],
            "nearest": [
                {"title": n.title, "arxiv_id": n.arxiv_id, "similarity": round(n.similarity, 4)}
                for n in self.nearest
            ],
            "unsure": self.unsure,
            "requested": self.requested,
            "authors": list(self.paper.authors),
            "categories": list(self.paper.categories),
            "abstract": self.paper.abstract,
        }


@dataclass(frozen=True)
class HeldBack:
    """A paper above the thresholds that the daily cap or the bar after a run's first proposal kept out.

    Scan marks it seen like every paper it scores, so no later run proposes it on its own: the PR body, the
    run's summary and the candidates issue (where a tick has the next run propose it) are where a maintainer
    can still pick it up. Near misses (under the threshold) travel as HeldBack too, with place 0."""

    paper: Paper
    score: float
    section: SectionScore
    why: str  # propose.why_not_proposed
    place: int = 0  # its rank among the day's papers above the thresholds
    bar: float | None = None  # the score a day's later paper needed, when that kept it out (else the cap did)
    cap: int = 0  # max_proposals_per_run
    alternatives: tuple[SectionScore, ...] = ()
    unsure: bool = False

    def to_json(self) -> dict:
        return {**_candidate_json(self.paper, self.score, self.section), "why": self.why}
