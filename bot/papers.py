"""Plain data types every pipeline step passes on: stages depend on these, not on each other."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import partial
from typing import NamedTuple
from urllib.parse import urlsplit

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


# A paper's own address other than arXiv's, which names it as an arXiv id does: an OpenReview forum or pdf, the ACL
# Anthology, a DOI.
_OPENREVIEW_RE = re.compile(r"openreview\.net/(?:forum|pdf|attachment)\?(?:[^#]*&)?id=(?P<id>[A-Za-z0-9_\-]+)", re.I)
_ACL_RE = re.compile(
    r"(?:aclanthology\.org|aclweb\.org/anthology)/(?P<id>[A-Za-z0-9.\-]+?)(?:\.pdf)?/?(?:[?#].*)?$", re.I
)
_DOI_RE = re.compile(r"(?:doi\.org/|/doi/(?:abs/|pdf/|full/)?)(?P<id>10\.\d{4,9}/[^\s?#]+)", re.I)
# The ACL Anthology's DOIs are its ids under this prefix: 10.18653/v1/2023.emnlp-main.647 is 2023.emnlp-main.647.
_ACL_DOI_PREFIX = "10.18653/v1/"


def work_key(url: str) -> str | None:
    """The identity of a paper at its own address other than arXiv's ("openreview:ID", "acl:ID", "doi:ID"), else
    None: a proceedings or project page, a repository, a search."""
    if m := _OPENREVIEW_RE.search(url):
        return f"openreview:{m.group('id')}"
    if m := _ACL_RE.search(url):
        return f"acl:{m.group('id').lower()}"
    if m := _DOI_RE.search(url):
        return f"doi:{m.group('id').lower().rstrip('.')}"
    return None


def work_aliases(key: str) -> tuple[str, ...]:
    """A work key with the other names of the same paper: an ACL Anthology id is also its DOI, so a metadata row
    giving "doi": "10.18653/v1/2023.emnlp-main.647" names the entry that links aclanthology.org/2023.emnlp-main.647."""
    if key.startswith("acl:"):
        return key, f"doi:{_ACL_DOI_PREFIX}{key.removeprefix('acl:')}"
    if key.startswith(f"doi:{_ACL_DOI_PREFIX}"):
        return key, f"acl:{key.removeprefix(f'doi:{_ACL_DOI_PREFIX}')}"
    return (key,)


def link_key(url: str) -> str:
    """A link without a work key (proceedings.mlr.press, a journal's page) as an entry and a metadata row both name
    it: "url:" and the address without its scheme, "www.", fragment or closing slash."""
    parts = urlsplit(url.strip())
    where = parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")
    return f"url:{where}" + (f"?{parts.query}" if parts.query else "")


# A heading named by a year alone (`### 2024`, `### 🔥 2025`): the list keeps its papers by when they came out. Not
# one with a comparison sign (`### ≤2020`, `### < 2020`), which holds the years up to or before it.
YEAR_HEADING_RE = re.compile(r"^[^\w<≤]*((?:19|20)\d{2})\W*$")
# A heading that names a year with words around it, which hold that year's papers only where they say no more than
# that (`### 2024 Papers`, `### Papers in 2023`, `### Papers from 2022`): a topic's words (`### ICML 2025`,
# `## 🔥 10 to Watch (2026)`) and a date (`### 2024-10-09`) are not those.
_YEAR_WORDED_RE = re.compile(
    r"^[^\w<≤]*(?P<before>(?:[^\W\d_]+\s+)*)(?P<year>(?:19|20)\d{2})(?P<after>(?:\s+[^\W\d_]+)*)\W*$")
_YEAR_WORDS = frozenset({"papers", "paper", "works", "work", "publications", "articles", "preprints", "research",
                         "in", "from", "of", "published", "year", "the"})


def year_heading(name: str) -> tuple[int, str] | None:
    """The year a heading is named by and the words around it, lower case with `{}` for the year ('{} papers' for
    `2024 Papers`, '{}' for a year alone, `🔥 2025` too): a list kept by year repeats the same words in each year's
    heading (`bot.listfile.year_run`), and one for a new year is written in their shape. None for any other heading."""
    if m := YEAR_HEADING_RE.match(name):
        return int(m.group(1)), "{}"
    m = _YEAR_WORDED_RE.match(name)
    if m is None:
        return None
    before, after = m["before"].casefold().split(), m["after"].casefold().split()
    if not set(before + after) <= _YEAR_WORDS:
        return None
    return int(m["year"]), " ".join([*before, "{}", *after])


def arxiv_month(arxiv_id: str | None) -> int | None:
    """Months since year 0 of the month an id was announced in (its YYMM), for new- and old-style ids."""
    m = re.match(r"^(?:[a-z\-.]+/)?(\d{2})(\d{2})", arxiv_id or "", re.I)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    yy = int(m.group(1))
    return ((1900 if yy >= 91 else 2000) + yy) * 12 + int(m.group(2)) - 1


def normalize_title(title: str) -> str:
    """Title identity for works without an id: lower case, letters and digits only. arXiv's TeX and the text
    a maintainer makes of it are one title ("$\\texttt{Complex-Edit}$" and "Complex-Edit", "M$^2$CD" and
    "M²CD" or "M2CD")."""
    text = unicodedata.normalize("NFKD", plain_title(title))
    # "Schrödinger" is "Schrodinger" and "τ-bench" is "tau-bench", as lists type them too
    text = "".join(_GREEK_NAMES.get(c, c) for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


# TeX in arXiv titles ("$\\texttt{Complex-Edit}$: ...", "M$^2$CD", "LLM$\\times$MapReduce"), made the text a list
# writes: a README renders no TeX, and a title full of backslashes is one a maintainer would have to rewrite.
_TEX_STYLE = frozenset((
    "textit", "textbf", "texttt", "textsc", "textsf", "textrm", "textup", "textmd", "textnormal", "text", "emph",
    "mathrm", "mathit", "mathbf", "mathcal", "mathbb", "mathsf", "mathtt", "mathfrak", "mathscr", "mathnormal",
    "boldsymbol", "bm", "operatorname", "underline", "overline", "mbox", "hbox", "widetilde", "tilde", "widehat",
    "hat", "bar", "vec", "dot"
))
_TEX_SWITCH = frozenset((
    "rm", "bf", "it", "tt", "sf", "sc", "em", "cal", "displaystyle", "textstyle", "scriptstyle", "normalfont",
    "left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "limits"
))
_TEX_SYMBOL = {
    **{name: chr(0x3B1 + i) for i, name in enumerate((
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
        "xi", "omicron", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"
    ))},
    **{name: chr(0x391 + i) for i, name in enumerate((
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu", "Nu",
        "Xi", "Omicron", "Pi", "Rho", "_", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega"
    )) if name != "_"},
    "varepsilon": "ε", "vartheta": "ϑ", "varphi": "φ", "varrho": "ϱ", "varpi": "ϖ", "ell": "ℓ", "hbar": "ℏ",
    "times": "×", "cdot": "·", "to": "→", "rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔",
    "Rightarrow": "⇒", "Leftarrow": "⇐", "mapsto": "↦", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠",
    "ne": "≠", "approx": "≈", "sim": "~", "simeq": "≃", "equiv": "≡", "propto": "∝", "pm": "±", "mp": "∓",
    "infty": "∞", "circ": "∘", "prime": "′", "star": "⋆", "ast": "*", "dagger": "†", "ddagger": "‡",
    "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "forall": "∀",
    "exists": "∃", "partial": "∂", "nabla": "∇", "neg": "¬", "land": "∧", "lor": "∨", "oplus": "⊕",
    "otimes": "⊗", "mid": "|", "vert": "|", "Vert": "‖", "ldots": "…", "dots": "…", "cdots": "⋯",
    "checkmark": "✓", "S": "§", "degree": "°", "textdegree": "°", "log": "log", "exp": "exp", "min": "min",
    "max": "max", "arg": "arg", "sin": "sin", "cos": "cos", "lim": "lim", "sqrt": "√", "LaTeX": "LaTeX",
    "TeX": "TeX", "quad": " ", "qquad": " ", "textendash": "–", "textemdash": "—", "ae": "æ", "o": "ø",
    "ss": "ß", "i": "ı", "l": "ł", "O": "Ø", "AE": "Æ", "L": "Ł", "lbrace": "{", "rbrace": "}",
    "langle": "⟨", "rangle": "⟩", "colon": ":", "det": "det", "sup": "sup", "inf": "inf",
}
# Named operators: TeX sets them apart from what is around them ("n \\log n" is "n log n").
_TEX_OPERATORS = frozenset(("log", "exp", "min", "max", "arg", "sin", "cos", "lim", "det", "sup", "inf"))
_TEX_ACCENT = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
               ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328"}
_SUPERSCRIPT = dict(zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ", strict=True))
_SUBSCRIPT = dict(zip("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎", strict=True))


_GREEK_NAMES = {char: name.lower() for name, char in _TEX_SYMBOL.items()
                if len(char) == 1 and ("α" <= char <= "ω" or "Α" <= char <= "Ω")}


class _NotPlain(Exception):
    """TeX this reader does not know: the title is kept as arXiv wrote it rather than guessed at."""


def plain_title(title: str) -> str:
    """A title as a list writes it: arXiv's TeX markup made plain text ("$\\texttt{Complex-Edit}$" is
    "Complex-Edit", "M$^2$CD" is "M²CD", "LLM$\\times$MapReduce" is "LLM×MapReduce", "``X''" is "\"X\"").
    A title with TeX this does not know, or with an unbalanced "$", comes back as it was."""
    if "$" not in title and "\\" not in title and "``" not in title:
        return title
    try:
        text, end = _tex(title.replace("``", '"').replace("''", '"'), 0, math=False, stop="")
    except _NotPlain:
        return title
    return " ".join(text.split()) if end == len(title.replace("``", '"').replace("''", '"')) else title


def _tex(s: str, i: int, *, math: bool, stop: str) -> tuple[str, int]:
    """Read TeX from s[i] up to `stop` ("}" for a group, "$" for the rest of a formula, "" for the end)."""
    out: list[str] = []
    while i < len(s):
        c = s[i]
        if stop and c == stop:
            return "".join(out), i
        if c == "$" and not _opens_formula(s, i):
            out.append("$")  # "From $10 to $20": an amount, as pandoc reads it
            i += 1
        elif c == "$":
            if math:
                raise _NotPlain  # "$" inside a group of a formula
            inner, i = _tex(s, i + 1, math=True, stop="$")
            if i >= len(s):
                raise _NotPlain  # unbalanced "$"
            out.append(inner)
            i += 1
        elif c == "{":
            inner, i = _tex(s, i + 1, math=math, stop="}")
            if i >= len(s):
                raise _NotPlain
            out.append(inner)
            i += 1
        elif c == "}":
            raise _NotPlain
        elif c == "\\":
            text, i = _command(s, i + 1, math=math)
            if text in _TEX_OPERATORS and out and out[-1][-1:].isalnum():
                text = " " + text  # "O(n\\log n)" is "O(n log n)"
            out.append(text)
        elif math and c in "^_":
            arg, i = _argument(s, i + 1, math=True)
            out.append(_script(arg, c))
        elif math and c == "~":
            out.append(" ")
            i += 1
        else:
            out.append(c)
            i += 1
    if stop:
        raise _NotPlain
    return "".join(out), i


def _opens_formula(s: str, i: int) -> bool:
    """Whether the "$" at s[i] opens a formula: text right after it, and a closing "$" with text right before
    it. Else it is a literal dollar ("$10 to $20"), so a title made plain reads the same when made plain again."""
    if i + 1 >= len(s) or s[i + 1].isspace():
        return False
    k = i + 1
    while k < len(s) and s[k] != "$":
        k += 2 if s[k] == "\\" else 1
    return k < len(s) and not s[k - 1].isspace()


def _argument(s: str, i: int, *, math: bool) -> tuple[str, int]:
    """One argument: a {group}, a command (\\circ) or one character."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s):
        raise _NotPlain
    if s[i] == "{":
        inner, i = _tex(s, i + 1, math=math, stop="}")
        if i >= len(s):
            raise _NotPlain
        return inner, i + 1
    if s[i] == "\\":
        if s[i + 1 : i + 5] == "circ" and not s[i + 5 : i + 6].isalpha():
            return "\\circ", i + 5  # a degree sign once it is a superscript
        return _command(s, i + 1, math=math)
    if s[i] in "}$^_":
        raise _NotPlain
    return s[i], i + 1


def _command(s: str, i: int, *, math: bool) -> tuple[str, int]:
    """A command after its backslash: styles give their argument's text, symbols their character."""
    m = re.match(r"[A-Za-z]+", s[i:])
    if m is None:
        if i >= len(s):
            raise _NotPlain
        c = s[i]
        if c in "&%_#${}":
            return c, i + 1
        if c in ",;:! ":
            return (" " if c in "; " else ""), i + 1
        if c in _TEX_ACCENT:
            letter, i = _argument(s, i + 1, math=math)
            return _accented(letter, c), i
        raise _NotPlain
    name, i = m.group(), i + len(m.group())
    if name in _TEX_ACCENT and len(name) == 1 and i < len(s) and s[i] in "{ ":  # \\v{c}, \\c c
        letter, i = _argument(s, i, math=math)
        return _accented(letter, name), i
    if name in _TEX_STYLE:
        return _argument(s, i, math=math)
    if i < len(s) and s[i] == " " and name not in _TEX_OPERATORS:
        i += 1  # the space that ends a command's name is not text; an operator's is ("\\log n")
    if name in _TEX_SWITCH:
        return "", i
    if name in _TEX_SYMBOL:
        return _TEX_SYMBOL[name], i
    raise _NotPlain


def _accented(letter: str, accent: str) -> str:
    """A letter with its accent, as one character where Unicode has one (na\\"\\i ve is naïve: the dotless i an
    accent sits on is an i)."""
    base = {"ı": "i", "ȷ": "j"}.get(letter, letter)
    return unicodedata.normalize("NFC", base + _TEX_ACCENT[accent])


def _script(arg: str, mark: str) -> str:
    """A superscript or subscript: Unicode where every character has one (M²CD, ℓ₁, 360°), else as a list
    types it (GSBAK^K, C_score)."""
    if mark == "^" and arg in ("\\circ", "∘", "o"):
        return "°"
    if mark == "^" and arg in ("st", "nd", "rd", "th"):  # 2^{nd} Order
        return arg
    table = _SUPERSCRIPT if mark == "^" else _SUBSCRIPT
    if arg and all(c in table for c in arg):
        return "".join(table[c] for c in arg)
    return f"{mark}{arg}"


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
    published: str | None = None  # YYYY-MM-DD of the first version (the API's `published`), the date a list writes
    # YYYY-MM-DD the day a feed announced it, a day or more after the first version (31 March, announced 2 April):
    # the date written only where nothing better is known
    announced: str | None = None
    # The authors' comment and journal reference, from the arXiv API (a feed carries neither): where the paper
    # was accepted, which a list writes in place of "arXiv".
    comment: str = ""
    journal_ref: str = ""

    @property
    def url(self) -> str:
        return f"https://arxiv.org/abs/{self.arxiv_id}"

    @property
    def venue(self) -> Venue | None:
        month = arxiv_month(self.arxiv_id)
        return accepted_venue(self.comment, self.journal_ref, arxiv_year(self.arxiv_id),
                              first_version=self.version == 1, month=month % 12 + 1 if month is not None else None)

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
    """A heading, bold group, italic sub-group, code topic label or `<details>` summary of the list, nested as a
    reader sees it."""

    id: str
    path: tuple[str, ...]
    kind: str  # "heading" | "bold" | "italic" | "code" (`+ `Topic`:`) | "summary" (a `<details>` block's `<summary>`)
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


class Venue(NamedTuple):
    """Where a paper was accepted, as its authors told arXiv: ("ACL", 2025, "findings")."""

    name: str  # the usual spelling: "NeurIPS", "ACL"
    year: int
    kind: str = ""  # "", "findings", "workshop", "demo", "industry" or "datasets" (a Datasets and Benchmarks track)


# Venues a paper list names by acronym. A comment naming one with a year and a word of acceptance ("Accepted to
# ACL 2025", "EMNLP 2024 Findings", "Findings of NAACL 2025", "To appear in ICLR 2025 (Spotlight)") gives the
# venue; one that says the paper is under review or submitted does not.
_VENUE_NAMES = (
    "ACL", "EMNLP", "NAACL", "EACL", "AACL", "COLING", "LREC", "CoNLL", "ICLR", "ICML", "NeurIPS", "AAAI",
    "IJCAI", "CVPR", "ICCV", "ECCV", "WACV", "KDD", "WWW", "SIGIR", "CIKM", "WSDM", "RecSys", "ICDE", "VLDB",
    "SIGMOD", "COLM", "AISTATS", "UAI", "ICASSP", "Interspeech", "SIGDIAL", "INLG", "ICSE", "FSE",
    "ASE", "ISSTA", "ICST", "MLSys", "CHI", "IROS", "ICRA", "CoRL", "MICCAI", "ECIR", "ICDM", "ECAI", "ACML",
    "ACM MM", "NLPCC", "ICWSM", "ASPLOS", "NDSS", "USENIX Security",
    # robotics, audio, vision and neural networks: "Accepted to RSS 2026", "Accepted to IEEE ITSC 2025", "Accepted to
    # WASPAA 2025" (IEEE's Workshop on Applications of Signal Processing to Audio and Acoustics, a venue of its own)
    "RSS", "ITSC", "WASPAA", "ISMIR", "IJCNN", "VISAPP", "ICDAR", "EMBC", "AIES",
    # joint conferences, which lists write joined
    "LREC-COLING", "ACL-IJCNLP", "EMNLP-IJCNLP", "AACL-IJCNLP", "IJCNLP-AACL",
)
_VENUE_ALIASES = {"nips": "NeurIPS", "naacl-hlt": "NAACL", "thewebconf": "WWW", "the web conference": "WWW",
                  "acm multimedia": "ACM MM", "acmmm": "ACM MM"}
_VENUE_SPELLING = {name.casefold(): name for name in _VENUE_NAMES} | _VENUE_ALIASES
# Venues whose acronym is also a word ("a case study", "the SAC baseline", "big data"): read only with their
# organiser's name before it, in capitals ("IEEE CASE 2025", "ACM/SIGAPP SAC", "IEEE Big Data 2025"), or named in full
# (_CONFERENCES); "Accepted at CASE 2025", words of acceptance and a year, gets its organiser (_mark_word_venues).
_WORD_VENUES = {
    "IEEE CASE": r"IEEE\s+(?-i:CASE)",  # the IEEE International Conference on Automation Science and Engineering
    "ACM SAC": r"ACM(?:\s*/\s*SIGAPP)?\s+(?-i:SAC)",  # the ACM Symposium on Applied Computing
    # the IEEE International Conference on Big Data, in any case: "IEEE Bigdata 2025", as comments write it too
    "IEEE BigData": r"IEEE\s+Big\s*Data",
}
_WORD_VENUE_RES = tuple((name, re.compile(pattern, re.I)) for name, pattern in _WORD_VENUES.items())
_VENUE_ALT = "|".join([*_WORD_VENUES.values(), *sorted(
    (re.escape(n).replace(r"\ ", r"\s*") for n in _VENUE_SPELLING), key=len, reverse=True)])
_ACCEPTED_WORD_VENUE_RE = re.compile(
    r"(?P<before>\b(?:accepted|published|appears?|appearing|presented)\s+(?:[\w-]+\s+){0,3}?(?:in|at|by|to|for)\s+"
    r"(?:the\s+)?)(?P<name>(?-i:CASE|SAC)|BigData)(?=[\s-]*(?:(?:19|20)\d{2}|['’]\d{2})(?!\d))",
    re.I,
)


def _mark_word_venues(text: str) -> str:
    """The text with the organiser written before a venue that is also a word where words of acceptance and a year
    leave no doubt ("Accepted to CASE 2025" reads "Accepted to IEEE CASE 2025", "Accepted at BigData 2025" and
    "Accepted in Bigdata 2025" "Accepted at IEEE BigData 2025": no word is spelt "bigdata" in any case; "a case study
    2025" stays, and so does "Accepted at CCF BigData 2024", another conference)."""
    return _ACCEPTED_WORD_VENUE_RE.sub(
        lambda m: f"{m.group('before')}{_SLOT_WORD_VENUES[m.group('name').casefold()]}", text)


# Such a venue's acronym alone where a list's entry writes its venue (`CASE 2023` after a title's comma in
# majianz/dl4gps, `(BigData 2023)` before a title in DEEP-PolyU/Awesome-GraphRAG): in that slot nothing else can be
# meant where the acronym, in capitals (BigData in any case), opens it and a year or the slot's end follows; "Case
# study 2024" and "Big Data Research 2019" (a journal) stay words. ACM Multimedia's `MM 2023` (majianz/dl4gps,
# wentianli/awesome-video-editing's `[MM 2023]`) too, which a comment names with its organiser ("ACM MM 2025"); not MMM
# (MultiMedia Modeling) or `MM Asia 2019`. `Big Data 2023` stays none: lists cite the journal Big Data so too
# ("Chouldechova, Big Data 2017").
_SLOT_WORD_VENUE_RE = re.compile(
    r"^(?P<before>[\W_]*)(?P<name>CASE|SAC|(?i:BigData)|MM)"
    r"(?=[\s-]*(?:(?:19|20)\d{2}|['’]\d{2})(?!\d)|[\W_]*$)"
)
# by the acronym case-folded: the patterns that find one say in which cases it is written ("CASE" only, "Bigdata" too)
_SLOT_WORD_VENUES = {"case": "IEEE CASE", "sac": "ACM SAC", "bigdata": "IEEE BigData", "mm": "ACM MM"}


def slot_word_venue(slot: str) -> tuple[str, str] | None:
    """The venue whose name is also a word that an entry's venue slot names by its acronym alone, and the acronym as
    written: `CASE 2023` is ("IEEE CASE", "CASE"), `BigData 2023` ("IEEE BigData", "BigData"), `MM 2023` ("ACM MM",
    "MM"); None for any other slot (`IEEE CASE 2023` names its organiser, `Case study 2024` no venue)."""
    m = _SLOT_WORD_VENUE_RE.match(slot)
    return (_SLOT_WORD_VENUES[m.group("name").casefold()], m.group("name")) if m else None


# A slot's brackets (and their marks) around all it writes: `[ICML 2023]` after a title, `**[ICML 2025]**`, `(SAC '22)`.
_SLOT_BRACKETS_RE = re.compile(r"[\s*_`]*(?:\[(?P<square>[^\[\]]+)\]|\((?P<round>[^()]+)\))[\s*_`.,;:]*")


def slot_venue(slot: str) -> Venue | None:
    """The venue an entry's venue slot names (`ICML 2025`, `[EMNLP 2024 Findings]`), as a comment naming it alone
    would: there a venue whose name is also a word is one by its acronym alone (`CASE 2023`, slot_word_venue), which
    a comment must give its organiser or words of acceptance (_mark_word_venues). A slot is what a list writes, its
    brackets too (the entry's venue, which a new entry copies): read without them, `[ICML 2023]` is `ICML 2023`, where
    a comment's leading bracket would open an aside."""
    if (bracketed := _SLOT_BRACKETS_RE.fullmatch(slot)) is not None:
        slot = bracketed.group("square") or bracketed.group("round")
    if (m := _SLOT_WORD_VENUE_RE.match(slot)) is not None:
        name = _SLOT_WORD_VENUES[m.group("name").casefold()]
        slot = f"{m.group('before')}{name.split()[0]} {m.group('name')}{slot[m.end():]}"
    return accepted_venue(slot)


def venue_spellings(name: str) -> str:
    """A pattern for the ways a text writes a venue's name with its organiser or in full, for finding how a list
    writes it: a journal's names (journal_spellings), "IEEE Big Data" or "IEEE BigData" for IEEE BigData, else the
    name itself; the acronym alone of a venue whose name is also a word only as slot_word_venue finds it."""
    if (journal := journal_spellings(name)) is not None:
        return journal
    return _WORD_VENUES.get(name) or re.escape(name).replace(r"\ ", r"\s*")


def _venue_name(written: str) -> str:
    """The usual spelling of a venue's name as a text writes it ("NIPS" is NeurIPS, "ACM/SIGAPP SAC" ACM SAC)."""
    for name, pattern in _WORD_VENUE_RES:
        if pattern.fullmatch(written):
            return name
    return _VENUE_SPELLING[re.sub(r"\s+", " ", written).casefold()]


# A year: "2025", "'25", and "-25" right after a name ("AAAI-26").
_YEAR = r"(?P<year>(?:19|20)\d{2}|['’]\d{2}|(?<=[A-Za-z][-–])\d{2})(?!\d)"
# Where a name ends: not in a longer word or a joined name ("LREC-COLING" is not LREC), but a year may follow it
# joined ("CoRL2025", "TNNLS2025", "AAAI-26").
_NAME_END = r"(?:(?![\w-])|(?=(?:19|20)\d{2}(?!\d)|[-–](?:(?:19|20)\d{2}|\d{2})(?!\d)))"
# A name may also be joined to a workshop's as "for" (`DGM4MICCAI 2024`, _WORKSHOP_BEFORE), and its year follow a
# comma where the year stands alone (`Accepted in INTERSPEECH, 2025, Rotterdam`), not one of a longer name.
_VENUE_RE = re.compile(
    rf"(?:(?<![\w-])|(?<=[A-Za-z]4))(?P<findings>findings\s+of\s+(?:the\s+)?)?(?P<name>{_VENUE_ALT}){_NAME_END}"
    rf"(?:[\s\-–:()]*(?:(?P<kind>main(?:\s+conference)?|findings|workshops?|demo(?:s|nstrations?)?)[\s\-–()]*)?"
    r"|\s*,\s*(?=(?:19|20)\d{2}\s*(?:[,.;)\]]|$)))"
    rf"{_YEAR}",
    re.I,
)
# A year written before the name, with the organisers' names between (`accepted to the 2025 IEEE/RSJ IROS`, `the
# 2025 IEEE ICDM Workshop on ...`, `the 2025 ACL Student Research Workshop`), or a workshop's own year before the
# venue it is held at (`SlavNLP-2025@ACL`); not where a capitalised word goes on with another conference's name ("the
# 2026 ACM SIGIR Conference on Human Information Interaction and Retrieval (CHIIR '26)").
_ORGANISERS = r"(?:IEEE|ACM|CVF|RSJ|ISCA)(?:\s*/\s*(?:IEEE|ACM|CVF|RSJ|ISCA))*"
_VENUE_YEAR_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:(?P<workshop>[A-Za-z][\w-]*?)[-–]?(?P<held>(?:19|20)\d{{2}})\s*@\s*"
    rf"|(?P<year>(?:19|20)\d{{2}})\s+(?:{_ORGANISERS}\s+)?)(?P<name>{_VENUE_ALT})(?![\w-])"
    r"(?=\s*(?:$|[,.;:()\[\]\"]|(?:workshops?|findings|main|demo|industry)\b|(?-i:[a-z])|"
    # a workshop's name in a few capitalised words: "the 2025 ACL Student Research Workshop"
    r"(?:(?-i:[A-Z])[\w-]*\s+){1,4}workshops?\b))",
    re.I,
)
# A workshop's acronym joined to the venue it is held at, RSS's as the robotics community writes them ("Accepted to
# RSS-ROAR 2025": the ROAR workshop at RSS 2025). Only RSS: other venues are joined so to their tracks and sister
# conferences too (AAAI-AISI, SIGIR-AP, IJCAI-PRICAI), which are no workshops.
_WORKSHOP_JOINED_RE = re.compile(
    r"(?<![\w-])(?P<name>(?-i:RSS))[-–](?P<workshop>(?-i:[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*))(?![\w-])"
    r"\s*(?P<year>(?:19|20)\d{2}|['’]\d{2})(?!\d)",
    re.I,
)
# CVPR's and ICCV's workshops as the vision community writes them: a "W" joined to the conference's acronym, with or
# without a hyphen, perhaps a workshop's acronym after it ("Accepted At CVPR-W 2026", "Accepted to CVPRW 2026
# Med-Reasoner", "Accepted at ICCVW-CV4BIOM 2025", "accepted at ICCVW'25", "Accepted at ICCVW23 VLAR": real comments of
# bench/venue_heldout4.jsonl). Only those two, whose workshops comments name so; other names joined to something are
# sister conferences and tracks ("SIGIR-AP 2025", "IJCNLP-AACL 2025", AAAI-AISI).
_CVF_WORKSHOP_RE = re.compile(
    r"(?<![\w-])(?P<name>CVPR|ICCV)(?P<workshop>[-–]?W(?:[-–][A-Z][A-Za-z0-9]*)?)"
    r"(?:(?P<joined>\d{2})|\s*[-–]?\s*(?P<year>(?:19|20)\d{2}|['’]\d{2}))(?!\d)"
)
# AAAI's special track on AI for Social Impact (`AAAI-AISI26`) is in the conference's own proceedings: AAAI-26.
_AAAI_AISI_RE = re.compile(r"(?<![\w-])(AAAI)[-–\s]*AISI[-–\s]*(?=(?:19|20)?\d{2}(?!\d))", re.I)
# Journals ML and NLP lists cite, by their usual short name: comments and journal references name them in full
# ("Published in Transactions on Machine Learning Research (05/2025)"), abbreviated ("IEEE Trans. Pattern Anal.
# Mach. Intell.") or by acronym ("IEEE TKDE"). Each is (name, full names and abbreviations, acronyms, acronyms read
# only after IEEE/ACM: a bare "TIP" or "TSE" is too often something else).
_JOURNALS: tuple[tuple[str, str, str, str], ...] = (
    ("TMLR", r"Transactions\s+on\s+Machine\s+Learning\s+Research|Trans\.\s*Mach\.\s*Learn\.\s*Res\.?", "TMLR", ""),
    ("JMLR", r"Journal\s+of\s+Machine\s+Learning\s+Research|J\.\s*Mach\.\s*Learn\.\s*Res\.?", "JMLR", ""),
    ("TACL", r"Transactions\s+of\s+the\s+Association\s+for\s+Computational\s+Linguistics|"
             r"Trans\.\s*Assoc\.\s*Comput\.\s*Linguist\.?", "TACL", ""),
    ("TPAMI", r"Transactions\s+on\s+Pattern\s+Analysis\s+and\s+Machine\s+Intelligence|"
              r"Trans\.\s*(?:on\s+)?Pattern\s+Anal\.\s*(?:and\s+)?Mach\.\s*Intell\.?", r"T-?PAMI", "PAMI"),
    ("TKDE", r"Transactions\s+on\s+Knowledge\s+and\s+Data\s+Engineering|Trans\.\s*Knowl\.\s*Data\s+Eng\.?", "TKDE",
     ""),
    ("TNNLS", r"Transactions\s+on\s+Neural\s+Networks\s+and\s+Learning\s+Systems|"
              r"Trans\.\s*Neural\s+Netw\.\s*Learn\.\s*Syst\.?", "TNNLS", ""),
    ("TASLP", r"Transactions\s+on\s+Audio,?\s+Speech,?\s+and\s+Language\s+Processing|"
              r"Trans\.\s*Audio,?\s*Speech,?\s*(?:and\s+)?Lang\.\s*Process\.?", "TASLP", ""),
    ("TOSEM", r"Transactions\s+on\s+Software\s+Engineering\s+and\s+Methodology|Trans\.\s*Softw\.\s*Eng\.\s*Methodol\.?",
     "TOSEM", ""),
    ("TSE", r"Transactions\s+on\s+Software\s+Engineering(?!\s+and)|Trans\.\s*Softw\.\s*Eng\.?(?!\.?\s*Methodol)", "",
     "TSE"),
    ("TOIS", r"Transactions\s+on\s+Information\s+Systems|Trans\.\s*Inf\.\s*Syst\.?", "TOIS", ""),
    ("TIP", r"Transactions\s+on\s+Image\s+Processing|Trans\.\s*Image\s+Process\.?", "", "TIP"),
    ("IJCV", r"International\s+Journal\s+of\s+Computer\s+Vision|Int\.\s*J\.\s*Comput\.\s*Vis\.?", "IJCV", ""),
    ("JAIR", r"Journal\s+of\s+Artificial\s+Intelligence\s+Research|J\.\s*Artif\.\s*Intell\.\s*Res\.?", "JAIR", ""),
    ("ACM Computing Surveys", r"Computing\s+Surveys|Comput\.\s*Surv\.?", "CSUR", ""),
    # robotics and multimedia: "Accepted to RA-L", "Accepted by IEEE Robotics and Automation Letters (RAL)", "IEEE
    # Transactions on Robotics (TRO)", "IEEE Trans. on Intelligent Transportation Systems", "IEEE TMM"; not "ACM
    # Transactions on Multimedia Computing, Communications and Applications" (TOMM)
    ("RA-L", r"Robotics\s+and\s+Automation\s+Letters|Robot\.\s*Autom\.\s*Lett\.?", "RA-?L", ""),
    ("T-RO", r"Transactions\s+on\s+Robotics(?!\s+and)|Trans\.\s*Robot\.?", "T-RO", "TRO"),
    ("T-ITS", r"Transactions\s+on\s+Intelligent\s+Transportation\s+Systems|Trans\.\s*(?:on\s+)?Intell(?:igent|\.)\s*"
              r"Transp(?:ortation|\.)\s*Syst(?:ems|\.)?", "T-ITS", "TITS"),
    ("TMM", r"Transactions\s+on\s+Multimedia(?!\s+Computing)|Trans\.\s*Multimedia", "TMM", ""),
    ("Nature Machine Intelligence", r"Nature\s+Machine\s+Intelligence|Nat\.\s*Mach\.\s*Intell\.?", "", ""),
    ("Nature Communications", r"Nature\s+Communications|Nat\.\s*Commun\.?", "", ""),
    # "Nature" itself, not "Nature Physics" or "the nature of"
    ("Nature", r"(?-i:Nature(?!\s+[A-Z]))", "", ""),
)


def _journal_pattern(full: str, acronyms: str, prefixed: str) -> str:
    """Every way of writing one journal: "IEEE/ACM " before it, "(TPAMI)" after a full name."""
    org = r"(?:IEEE|ACM)(?:\s*/\s*(?:IEEE|ACM))?(?:\s+|-)"
    bare = "|".join(x for x in (full, acronyms) if x)
    named = "|".join(x for x in (full, acronyms, prefixed) if x)
    short = "|".join(x for x in (acronyms, prefixed) if x)
    tail = rf"(?:\s*\(\s*(?:{org})?(?:{short})\s*\))?" if short else ""
    return rf"(?:{org}(?:{named})|(?:{bare})){tail}"


_JOURNAL_RE = re.compile(
    "|".join(rf"(?<![\w-])(?P<j{i}>{_journal_pattern(*spellings)}){_NAME_END}"
             for i, (_, *spellings) in enumerate(_JOURNALS)),
    re.I,
)
# A journal once found: its short name between two NULs, which no arXiv text holds. A full name has commas
# ("Transactions on Audio, Speech, and Language Processing") and an abbreviation full stops, which would split it.
_MARKED_JOURNAL_RE = re.compile(r"\x00(?P<name>[^\x00]+)\x00")
# What a reference writes between a journal and its year: "25 (2024)", ", vol 13 (2025)", "(05/2025)",
# ", vol. 32, pp. 4661-4675, 2024", " 15, 3495 (2024)" (an article number), "in September 2025".
_JOURNAL_YEAR_RE = re.compile(
    r"(?:[\s,.:/()\[\]]|vol(?:ume)?\b\.?|no\b\.?|issue\b|pp\b\.?|pages?\b|in\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?|\d+\s*[-–]+\s*\d+|\d{1,3}(?!\d)|"
    r"(?!(?:19|20)\d{2}(?!\d))\d{4,6}(?!\d))*?"
    r"(?P<year>(?:19|20)\d{2})(?![\d\-–])|\s*['’](?P<short>\d{2})(?!\d)",
    re.I,
)
# Where a comment's sentence ends: not at "vol. 32" or "pp. 1-9" of a reference.
_SENTENCE_END = re.compile(r"[;|\n]|(?<!\b[Vv]ol)(?<!\b[Nn]o)(?<!\bpp)\.\s+(?=[A-Z0-9])")
# Right before a journal named without a year: its acceptance ("Accepted by", "accepted for publication in",
# "has been published in", "To appear in the").
_ACCEPTED_BY = re.compile(
    r"(?:accepted|published|appears?|appearing)\s+(?:[\w-]+\s+){0,3}?(?:in|at|by|to|for|with)\s+(?:the\s+)?"
    r"(?:journal\s+)?$",
    re.I,
)


def _mark_journals(text: str) -> str:
    """The text with each journal it names as its short name between NULs (see _MARKED_JOURNAL_RE)."""
    def short(m: re.Match[str]) -> str:
        return f"\x00{_JOURNALS[int((m.lastgroup or 'j0')[1:])][0]}\x00"

    return _JOURNAL_RE.sub(short, text) if text else text


def journal_spellings(name: str) -> str | None:
    """A pattern for every way of writing a journal's name ("TPAMI", "IEEE TPAMI", "IEEE Transactions on Pattern
    Analysis and Machine Intelligence"), for finding how a list writes it; None for a name that is no journal."""
    for journal, *spellings in _JOURNALS:
        if journal == name:
            return _journal_pattern(*spellings)
    return None


# Conferences named in full, as proceedings and comments write them. Each is (acronym, its full names, the
# acronyms written in brackets after them, the year its first edition was held in where every edition since has
# been one a year and numbered so: "the Thirty-eighth Conference on Neural Information Processing Systems" is
# NeurIPS 2024, "the Thirteenth International Conference on Learning Representations" ICLR 2025, "the 63rd Annual
# Meeting of the Association for Computational Linguistics" ACL 2025, "the 41st International Conference on Machine
# Learning" ICML 2024, "First Conference on Language Modeling" COLM 2024). The others skipped years or renumbered
# (EACL, COLING, IJCAI, AAAI, KDD, SIGIR, ECCV and ICCV): named without a year they give no venue.
_CONFERENCES: tuple[tuple[str, str, str, int | None], ...] = (
    # "the Thirty-eighth Annual Conference on ...", "Advances in Neural Information Processing Systems 37 (2024)"
    ("NeurIPS", r"(?:Annual\s+)?Conference\s+on\s+Neural\s+Information\s+Processing\s+Systems|"
                r"Advances\s+in\s+Neural\s+Information\s+Processing\s+Systems", r"NeurIPS|NIPS", 1987),
    ("ICLR", r"International\s+Conference\s+on\s+Learning\s+Representations", "ICLR", 2013),
    # not the International Conference on Machine Learning and Applications (ICMLA) or ... and Cybernetics
    ("ICML", r"International\s+Conference\s+on\s+Machine\s+Learning(?!\s+(?:and|&|for|in|with)\b)", "ICML", 1984),
    # "the 62nd Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)"
    ("ACL", r"Annual\s+Meeting\s+of\s+the\s+Association\s+for\s+Computational\s+Linguistics", "ACL", 1963),
    ("EMNLP", r"Conference\s+on\s+Empirical\s+Methods\s+in\s+Natural\s+Language\s+Processing", "EMNLP", None),
    # "the 2024 Conference of the North American Chapter of the Association for Computational Linguistics: Human
    # Language Technologies"; in 2025 "of the Nations of the Americas Chapter"
    ("NAACL", r"(?:Annual\s+)?Conference\s+of\s+the\s+(?:North\s+American|Nations\s+of\s+the\s+Americas)\s+Chapter\s+"
              r"of\s+the\s+Association\s+for\s+Computational\s+Linguistics(?::\s*Human\s+Language\s+Technologies)?",
     r"NAACL(?:[\s-]HLT)?", None),
    ("EACL", r"Conference\s+of\s+the\s+European\s+Chapter\s+of\s+the\s+Association\s+for\s+Computational\s+"
             r"Linguistics", "EACL", None),
    ("AACL", r"Conference\s+of\s+the\s+Asia-Pacific\s+Chapter\s+of\s+the\s+Association\s+for\s+Computational\s+"
             r"Linguistics", "AACL", None),
    # not "the 2024 Joint International Conference on Computational Linguistics, Language Resources and Evaluation"
    # (LREC-COLING)
    ("COLING", r"(?<!Joint\s)International\s+Conference\s+on\s+Computational\s+Linguistics(?!,?\s+Language)",
     "COLING", None),
    ("AAAI", r"(?:Annual\s+)?AAAI\s+Conference\s+on\s+Artificial\s+Intelligence", "AAAI", None),
    # not the International Joint Conference on Neural Networks (IJCNN)
    ("IJCAI", r"International\s+Joint\s+Conference\s+on\s+Artificial\s+Intelligence", "IJCAI", None),
    # "the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR), 2024"; since 2025 "the IEEE/CVF
    # Computer Vision and Pattern Recognition Conference"
    ("CVPR", r"(?:IEEE\s*/\s*CVF\s+|IEEE\s+|CVF\s+)?(?:Conference\s+on\s+Computer\s+Vision\s+and\s+Pattern\s+"
             r"Recognition|Computer\s+Vision\s+and\s+Pattern\s+Recognition\s+Conference)", "CVPR", None),
    # not the International Conference on Computer Vision Theory and Applications (VISAPP) or ... Systems (ICVS)
    ("ICCV", r"(?:IEEE\s*/\s*CVF\s+|IEEE\s+|CVF\s+)?International\s+Conference\s+on\s+Computer\s+Vision"
             r"(?!\s+(?:Theory|Systems|and)\b)", "ICCV", None),
    ("ECCV", r"European\s+Conference\s+on\s+Computer\s+Vision", "ECCV", None),
    ("COLM", r"Conference\s+on\s+Language\s+Modeling", "COLM", 2024),
    # "the 30th ACM SIGKDD Conference on Knowledge Discovery and Data Mining": not the Pacific-Asia one (PAKDD)
    ("KDD", r"(?:ACM\s+)?SIGKDD\s+(?:International\s+)?Conference\s+on\s+Knowledge\s+Discovery\s+(?:and|&)\s+Data\s+"
            r"Mining", r"(?:SIG)?KDD", None),
    ("SIGIR", r"(?:International\s+)?(?:ACM\s+)?SIGIR\s+Conference\s+on\s+Research\s+and\s+Development\s+in\s+"
              r"Information\s+Retrieval", "SIGIR", None),
    # "the ACM Web Conference 2024", not its Companion (posters, demos and workshops)
    # "IEEE/RSJ International Conference on Intelligent Robots and Systems 2024"
    ("IROS", r"(?:IEEE\s*/\s*RSJ\s+)?International\s+Conference\s+on\s+Intelligent\s+Robots\s+and\s+Systems", "IROS",
     None),
    # "the 2026 Language Resources and Evaluation Conference (LREC)"; not the journal Language Resources and
    # Evaluation, nor LREC-COLING's "Joint International Conference on Computational Linguistics, Language Resources
    # and Evaluation"
    ("LREC", r"Language\s+Resources\s+and\s+Evaluation\s+Conference|International\s+Conference\s+on\s+Language\s+"
             r"Resources\s+and\s+Evaluation", "LREC", None),
    # "the 2026 IEEE International Conference on Robotics & Automation"
    ("ICRA", r"(?:IEEE\s+)?International\s+Conference\s+on\s+Robotics\s+(?:and|&)\s+Automation(?!\s+(?:Engineering|"
             r"Sciences?)\b)", "ICRA", None),
    # "2023 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)": its
    # workshops, ICST's
    ("ICST", r"(?:IEEE\s+)?(?:International\s+)?Conference\s+on\s+Software\s+Testing,?\s+Verification\s+and\s+"
             r"Validation", "ICSTW?", None),
    # "Robotics: Science and Systems XXII (RSS 2026)", its volume's numeral no year
    ("RSS", r"Robotics:\s*Science\s+and\s+Systems(?:\s+(?-i:[IVXL]+)(?![\w-]))?", "RSS", None),
    # "the 2025 IEEE International Conference on Intelligent Transportation Systems (ITSC 2025)", "IEEE Intelligent
    # Transportation Systems Conference (ITSC) 2024"; not the Transactions (T-ITS)
    ("ITSC", r"(?:IEEE\s+)?(?:International\s+)?(?:Conference\s+on\s+Intelligent\s+Transportation\s+Systems|"
             r"Intelligent\s+Transportation\s+Systems\s+Conference)", "ITSC", None),
    ("WASPAA", r"(?:IEEE\s+)?Workshop\s+on\s+Applications\s+of\s+Signal\s+Processing\s+to\s+Audio\s+and\s+Acoustics",
     "WASPAA", None),
    # "the 26th International Society for Music Information Retrieval Conference (ISMIR)", held every year since 2000
    ("ISMIR", r"(?:Conference\s+of\s+the\s+)?International\s+Society\s+for\s+Music\s+Information\s+Retrieval"
              r"(?:\s+Conference)?", "ISMIR", 2000),
    ("IJCNN", r"(?:IEEE\s+)?International\s+Joint\s+Conference\s+on\s+Neural\s+Networks", "IJCNN", None),
    ("VISAPP", r"International\s+Conference\s+on\s+Computer\s+Vision\s+Theory\s+and\s+Applications", "VISAPP", None),
    ("ICDAR", r"International\s+Conference\s+on\s+Document\s+Analysis\s+and\s+Recognition", "ICDAR", None),
    # venues whose acronym is also a word (_WORD_VENUES): "the 2025 IEEE International Conference on Automation Science
    # and Engineering (CASE)", "the 41st ACM/SIGAPP Symposium on Applied Computing (SAC '26)", "2019 IEEE International
    # Conference on Big Data (Big Data)"; not the International Conference on Big Data Analytics or ... and Smart
    # Computing
    ("IEEE CASE", r"(?:IEEE\s+)?(?:International\s+)?Conference\s+on\s+Automation\s+Science\s+and\s+Engineering",
     "CASE", None),
    ("ACM SAC", r"(?:ACM(?:\s*/\s*SIGAPP)?\s+)?(?:Annual\s+)?(?:ACM\s+)?Symposium\s+on\s+Applied\s+Computing",
     "SAC", None),
    ("IEEE BigData", r"IEEE\s+International\s+Conference\s+on\s+Big\s+Data(?!\s+(?-i:[A-Z])|\s+(?:and|&)\b)",
     r"(?:IEEE\s+)?Big\s*Data", None),
    ("WWW", r"(?<!Companion\sProceedings\sof\sthe\s)(?:ACM\s+(?:on\s+)?Web\s+Conference|International\s+World\s+Wide\s+"
            r"Web\s+Conference)", r"WWW|TheWebConf", None),
)
_UNITS = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_ORDINAL_WORDS = dict(zip(_UNITS.split("|"), range(1, 10), strict=True)) | {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# An edition: "38th", "Thirteenth", "Thirty-eighth", "Sixty-Third", and "Thirty-eight" as the recorded NeurIPS
# Datasets and Benchmarks journal reference writes it.
_EDITION = (rf"(?P<edition>\d{{1,2}}(?:st|nd|rd|th)|(?:{'|'.join(_TENS)})[\s-]*(?:{_UNITS}|{'|'.join(_CARDINALS)})|"
            rf"{'|'.join(_ORDINAL_WORDS)})")
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"


# Where a conference was held, between its name and its year: ", Sydney, Australia, July 2025", ", Rome, Italy 2025"
_PLACE = r"(?:,\s*(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,2}){0,3}"


def _conference_pattern(full: str, acronyms: str) -> re.Pattern[str]:
    """One conference named in full, with what dates it: a year right before ("the 2024 Conference on Empirical
    Methods ..."), else an edition, and a year after it and its track ("... (CVPR), 2024", "... Intelligence,
    39(23), 2025", "... Systems Datasets and Benchmarks Track (2024)", "... Intelligence (AAAI-25)")."""
    return re.compile(
        rf"(?<![\w-])(?:(?P<before>(?:19|20)\d{{2}})\s+|{_EDITION}\s+)?(?:{full})(?![\w-])"
        r"(?P<track>\s*[:,\-–]?\s*(?:Datasets\s+and\s+Benchmarks(?:\s+Track)?|Track\s+on\s+Datasets\s+and\s+"
        r"Benchmarks|Workshops?)\b)?"
        rf"(?:\s*\(\s*(?:{acronyms})\s*(?:[-–]\s*|['’])(?P<short>\d{{2}})\s*\)"  # (AAAI-25), (KDD '24)
        rf"|\s*\(\s*(?:{acronyms})\s*(?P<bracket>(?:19|20)\d{{2}})\s*\)"  # (NeurIPS 2024)
        rf"|(?:\s*\(\s*(?:{acronyms})\s*\))?{_PLACE}[\s,:]*\(?\s*(?:{_MONTHS}\s+)?"  # (ICML) 2024, (CVPR), April 2024
        rf"(?:\d{{1,3}}\s*(?:\(\s*\d{{1,3}}\s*\))?\s*,?\s*\(?\s*)?"  # a volume: 39(23), 2025; Systems 37 (2024)
        r"(?P<after>(?:19|20)\d{2})(?![\d\-–])\)?)?",
        re.I,
    )


_CONFERENCE_RES = tuple((name, _conference_pattern(full, acronyms), first)
                        for name, full, acronyms, first in _CONFERENCES)
# "Findings of the Association for Computational Linguistics: NAACL 2025" is the Findings of NAACL 2025.
_ACL_FINDINGS_RE = re.compile(
    r"(?<![\w-])(Findings\s+of\s+)the\s+Association\s+for\s+Computational\s+Linguistics\s*[:,\-–(]?\s*"
    r"(?=(?:ACL|EMNLP|NAACL|EACL|AACL)\b)",
    re.I,
)
# Right after a conference named in full and given its acronym (see _mark_conferences and _ACCEPTED): a character
# no arXiv text holds.
_CONFERENCE_MARK = "\x01"


def _edition(text: str) -> int:
    """38 for "38th", "Thirty-eighth" or "Thirty-eight"; 13 for "Thirteenth"."""
    if text[:1].isdigit():
        return int(text[:-2])
    words = re.split(r"[\s-]+", text.casefold())
    if len(words) == 2:
        return _TENS[words[0]] + (_ORDINAL_WORDS.get(words[1]) or _CARDINALS[words[1]])
    return _ORDINAL_WORDS[words[0]]


def _mark_conferences(text: str) -> str:
    """The text with each conference it names in full and dates as its acronym and year ("Proceedings of the
    2024 Conference on Empirical Methods in Natural Language Processing" reads "Proceedings of the EMNLP 2024"),
    followed by _CONFERENCE_MARK. A year it writes is the year (authors miscount editions more than they misdate:
    "the 38th Conference ... (NeurIPS 2023)" is 2023); one it does not date, or dates twice differently, stays."""
    def short(name: str, first: int | None, m: re.Match[str]) -> str:
        years = {int(y) for y in (m.group("before"), m.group("after"), m.group("bracket")) if y}
        if m.group("short"):
            years.add(2000 + int(m.group("short")))
        if not years and m.group("edition") and first is not None:
            years.add(first - 1 + _edition(m.group("edition")))
        if len(years) != 1:
            return m.group()
        return f"{name} {years.pop()}{_CONFERENCE_MARK}{m.group('track') or ''}"

    if not text:
        return text
    text = _ACL_FINDINGS_RE.sub(r"\1", text)
    for name, pattern, first in _CONFERENCE_RES:
        text = pattern.sub(partial(short, name, first), text)
    return text


# Words that say a venue is not where this paper was accepted: a submission, a review, an earlier version.
_NOT_ACCEPTED = re.compile(
    r"submitted|submission|under\s+review|in\s+review|review(?:ed)?\s+(?:at|for|by)|\breviews?\b|rejected|"
    r"withdrawn|\bdesk\b|extend|extension|follow[\s-]*up|based\s+on|(?<!preprint\s)version\s+of|earlier|previous|"
    r"preliminary|\bprior\b|short(?:er)?\s+version|our\s+(?:\w+\s+)?(?:paper|work)|workshop\s+paper\s+at|"
    r"(?:major|minor)\s+revision|revise\s+and\s+resubmit|"
    # a companion volume holds a conference's posters, demos and workshops: which, it does not say ("WWW '24
    # Companion")
    r"\bcompanion\b",
    re.I,
)
# A preprint is no venue, unless the same words say the paper it is a preprint of was accepted there ("Preprint of
# a paper accepted as a poster at the NeurIPS 2025 Workshop on ...", "This is the preprint version of the paper
# published in ICASSP 2025").
_PREPRINT = re.compile(r"preprint", re.I)
_PREPRINT_ACCEPTED = re.compile(r"accept|publish|appear", re.I)
# Words of acceptance; without one, a venue counts only where it opens the comment ("NeurIPS 2024 (Spotlight)").
# A conference named in full after "In" is cited as where the paper is ("In the Thirty-eighth Conference on Neural
# Information Processing Systems", marked by _mark_conferences); mentioned otherwise ("We compare to the results of
# the 2024 Conference on Empirical Methods ...") it is not, though its name says "conference".
_ACCEPTED = re.compile(
    r"accept|appear|publish|camera|proceedings|presented\s+(?:at|in)|oral|spotlight|poster|main\s+(?:conference|"
    rf"track)|findings|conference|workshop|@|\bin\s+(?:the\s+)?\S+\s+(?:19|20)\d{{2}}{_CONFERENCE_MARK}",
    re.I,
)
# Before a venue: the paper is a workshop's held there ("the MATH-AI workshop, NeurIPS 2024", "GenBench@EMNLP 2024",
# "SemEval-2024 (co-located with NAACL 2024)"), or its name joined to the venue's as "for" ("DGM4MICCAI 2024").
_WORKSHOP_BEFORE = re.compile(
    r"workshops?\b|@\s*$|co-?located\s+with|in\s+conjunction\s+with|held\s+(?:at|with)|(?<=[A-Za-z])4$", re.I
)
# Before a venue, in the same sentence: a workshop named in full and then where it is held, "Workshop on Space in
# Vision, Language, and Embodied AI at NeurIPS 2025", "the Workshop on ... Health Informatics 2025, IJCAI 2025" (whose
# "and" _track does not split at); not where words of acceptance come between ("a workshop version; accepted at ...").
_WORKSHOP_NAMED_BEFORE = re.compile(
    r"\bworkshops?\s+(?:on|for|of)\b(?:(?!accept|publish|appear|submit|present|main\b)[^;])*?(?:\bat|@|,)\s*(?:the\s+)?$",
    re.I,
)
# Right after a venue and its year: its track.
_MAIN_AFTER = re.compile(r"\W*main\b", re.I)
_FINDINGS_AFTER = re.compile(r"\W*findings\b", re.I)
_DEMO_AFTER = re.compile(r"\W*(?:system\s+)?demo", re.I)  # "EMNLP 2025 System Demonstration"
_INDUSTRY_AFTER = re.compile(r"\W*industry\b", re.I)  # "(ACL 2025) Industry Track": not the main conference
_DATASETS_AFTER = re.compile(r"\W*(?:track\s+on\s+)?(?:datasets?\s*(?:and|&)\s*benchmarks?|D\s*&\s*B)\b", re.I)
_SIDE_AFTER = re.compile(
    r"\W*(?:workshops?\b|SRW\b|student\s+research|tiny\s+papers?|student\s+abstract|doctoral|shared\s+task|"
    r"bridge\s+program|"  # "AAAI-26 Bridge Program B10: ...", held at the conference as its workshops are
    # a contest held there, not the conference: "CVPR 2025 EarthVision Embed2Scale challenge", "IEEE BigData 2025 Cup:
    # Detection of Suicide Risk on Social Media" (a cup right after the year: "the KDD Cup" names no venue)
    r"cup\b|[\w -]{0,30}?\b(?:challenge|competition)\b)"
    # a workshop's name between the venue and the word, in a few words that link no other clause: "NeurIPS 2025 AI
    # for Music Workshop", "CVPR 2025 HuMoGen Workshop"; not "NeurIPS 2024 (also presented at the X workshop)"
    r"|[ \t]+(?:(?!(?:at|in|and|or|also|presented|with|to|the|an?|was|is|as)\b)[\w-]+[ \t]+){1,4}workshops?\b",
    re.I,
)
# Right before a venue: its Findings ("Accepted as findings for EMNLP 2025").
_FINDINGS_BEFORE = re.compile(r"\bfindings\s+(?:of|for|at|in|to)\s+(?:the\s+)?[\s(]*$", re.I)
# Conferences held every year on a steady calendar, named without a year ("Accepted by ICRA Workshop MM-Spatial AI",
# "Workshop on Field Robotics, ICRA"): the months from the one after its acceptances are sent to the one it is held
# in (ICRA: decisions at the end of January, the conference in May or June). A paper whose first version is posted
# then names this year's edition: the next one has accepted nobody yet, and the last one is most of a year gone. Out
# of the window either could be meant ("Accepted at the BioCreative IX Challenge and Workshop (BC9) at IJCAI", posted
# in January 2026, is IJCAI 2025's), so no venue. Each window starts after the latest of its recent acceptances
# (EMNLP's came on 7 October in 2023, 20 August in 2025). AAAI decides in November or December and meets in January
# or February (decisions 18 Nov 2022, 9 Dec 2023, 9 Dec 2024, 8 Nov 2025; AAAI-23 to AAAI-25 in February, AAAI-26 on
# 20-27 Jan 2026): January and February only, since a December paper may be the last edition's where decisions come on
# the 9th. Interspeech decides in May or June and meets in August or September (decisions 17 May 2023, 6 Jun 2024, May
# 2025; Dublin 20-24 Aug 2023, Kos 1-5 Sep 2024, Rotterdam 17-21 Aug 2025): July and August. Conferences whose
# calendar moves are not here: COLING, held in even years until 2022 (August 2018, December 2020, October 2022), then
# with LREC in May 2024 and alone in January 2025.
_YEARLY_WINDOWS: dict[str, tuple[int, int]] = {
    "AAAI": (1, 2), "ICLR": (2, 5), "ICRA": (2, 6), "CVPR": (3, 6), "ICML": (5, 7), "ACL": (5, 8), "IJCAI": (5, 8),
    "Interspeech": (7, 8), "IROS": (7, 10), "EMNLP": (10, 11), "NeurIPS": (10, 12),
    # held every other year, in the years whose remainder by 2 _HELD_IN gives (an ICCV named in 2026 was 2025's):
    # ICCV in odd years (decisions 22 Jul 2021, 14 Jul 2023, 26 Jun 2025; met in October), ECCV in even ones
    # (decisions 3 Jul 2020, 4 Jul 2022, 1 Jul 2024; met 23-28 Aug 2020, 23-27 Oct 2022, 29 Sep-4 Oct 2024: September,
    # after 2020's meeting, is still no other edition's, the next being two years off)
    "ICCV": (8, 10), "ECCV": (8, 9),
}
_HELD_IN: dict[str, int] = {"ICCV": 1, "ECCV": 0}
_VENUE_NO_YEAR_RE = re.compile(
    rf"(?<![\w-])(?P<name>{'|'.join(sorted(_YEARLY_WINDOWS, key=len, reverse=True))}|NIPS)(?![\w-])"
    # the ACL Anthology, ACL Rolling Review, a venue's template: not where a paper went
    r"(?!\s*(?:anthology|rolling|style|template|format|submission|review)\b)",
    re.I,
)
# Right after a venue and its year: a template, not where the paper went ("CoRL 2025 style (preprint)"), or another
# meeting of the same organisers ("AAAI 2025 Spring Symposium": AAAI's symposia are held apart from the conference).
_TEMPLATE_AFTER = re.compile(r"\s*(?:(?:latex\s+)?(?:style|template|format)\b|(?:spring|fall|summer)\s+symposi)", re.I)


def accepted_venue(comment: str, journal_ref: str = "", around: int | None = None, *,
                   first_version: bool = False, month: int | None = None) -> Venue | None:
    """The venue a paper's arXiv comment or journal reference says it was accepted at, else None. Cautious: a
    wrong venue in a pull request is worse than "arXiv", so the year must be near the paper's (its id's year,
    one before or after), a venue the same phrase says was a submission, a review or an earlier version's is
    skipped, and the track (Findings, a workshop held at the venue, a demo) is read from the words next to it.

    A journal's year is the one its reference writes after it ("TACL, vol 13 (2025)", "TMLR (05/2025)"). A comment
    saying "Accepted by IEEE TKDE" without one gives the id's year only on a paper's `first_version`, written the
    month of its id: a v3 of 2021 saying "Accepted by TPAMI" may have been accepted in 2024. A conference held
    every year named without one ("Accepted by ICRA Workshop MM-Spatial AI") gives the id's year only on a first
    version posted in the `month` (1-12) between its acceptances and its meeting (_YEARLY_WINDOWS)."""
    for text, published in ((journal_ref, True), (comment, False)):
        text = _mark_word_venues(_AAAI_AISI_RE.sub(r"\1-", text or ""))
        for sentence in _SENTENCE_END.split(_mark_conferences(_mark_journals(text))):
            if re.search(r"withdrawn|rejected|\bdesk\b", sentence, re.I):  # "ICLR 2025 (withdrawn)"
                continue
            for start, end, name, year, m in _named_venues(sentence):
                phrase = _phrase(sentence, start, end)
                if _NOT_ACCEPTED.search(phrase) or _TEMPLATE_AFTER.match(sentence, end) \
                        or (_PREPRINT.search(phrase) and not _PREPRINT_ACCEPTED.search(phrase)):
                    continue
                if year is None and m is not None:  # a conference held every year, without its year
                    first, last = _YEARLY_WINDOWS[name]
                    if published or not first_version or around is None or month is None \
                            or not first <= month <= last or around % 2 != _HELD_IN.get(name, around % 2) \
                            or not (_ACCEPTED_BY.search(sentence[:start]) or _track(sentence, m) == "workshop"):
                        continue
                    year = around
                elif year is None and published:  # a journal the reference names without a year next to it
                    if (year := _year_elsewhere(journal_ref, comment)) is None:
                        continue
                elif year is None:  # a journal without a year
                    if not first_version or around is None \
                            or not (_ACCEPTED_BY.search(sentence[:start]) or _alone(sentence, start, end)):
                        continue
                    year = around
                if around is not None and not around - 1 <= year <= around + 1:
                    continue
                starts = not sentence[:start].strip(" (-–:")
                if not (published or starts or _ACCEPTED.search(sentence)):
                    continue
                return Venue(name, year, _track(sentence, m) if m is not None else "")
    return None


# A year standing alone: not in a DOI ("10.1109/LRA.2025.3541234"), an arXiv id, a date written with slashes or a page
# range ("pp. 2019-2026").
_FREE_YEAR_RE = re.compile(r"(?<![\w./:\-–])(?:19|20)\d{2}(?![\w/\-–]|\.\d)")
# A comment's sentence that says when the paper was published: "© 2025 IEEE", "Published online 12 March 2025".
_PUBLISHED_WHEN = re.compile(r"accept|publish|appear|©|\(c\)|copyright", re.I)


def _year_elsewhere(journal_ref: str, comment: str) -> int | None:
    """The year a journal reference that names its journal without one is from: the one year written anywhere else in
    the reference, or in a sentence of the comment that says the paper was accepted or published, and no venue's
    ("IEEE Robotics and Automation Letters, vol. 10, no. 5, Date of Publication: 18 March 2025" is 2025; "Extended
    version of CVPR 2023" dates nothing). None where there is none, or more than one: never the id's year, which a
    later version is not from."""
    years: set[str] = set()
    sentences = [*_SENTENCE_END.split(_mark_conferences(_mark_journals(journal_ref))),
                 *(s for s in _SENTENCE_END.split(_mark_conferences(_mark_journals(comment)))
                   if _PUBLISHED_WHEN.search(s))]
    for sentence in sentences:
        spans = [(start, end) for start, end, *_ in _named_venues(sentence)]
        years.update(m.group() for m in _FREE_YEAR_RE.finditer(sentence)
                     if not any(start <= m.start() < end for start, end in spans))
    return int(years.pop()) if len(years) == 1 else None


def _named_venues(sentence: str) -> list[tuple[int, int, str, int | None, re.Match[str] | None]]:
    """The venues a sentence names, in order: (start, end, name, year or None, the conference's match)."""
    found: list[tuple[int, int, str, int | None, re.Match[str] | None]] = []
    for m in _VENUE_RE.finditer(sentence):
        raw_year = m.group("year").lstrip("'’")
        year = int(raw_year) + 2000 if len(raw_year) == 2 else int(raw_year)
        found.append((m.start(), m.end(), _venue_name(m.group("name")), year, m))
    for m in _VENUE_YEAR_BEFORE_RE.finditer(sentence):
        if not any(start < m.end() and m.start() < end for start, end, *_ in found):
            name = _venue_name(m.group("name"))
            found.append((m.start(), m.end(), name, int(m.group("year") or m.group("held")), m))
    # a workshop joined to the venue it is held at (`RSS-ROAR 2025`), then CVPR's and ICCV's (`CVPR-W 2026`, `ICCVW23`)
    for m in itertools.chain(_WORKSHOP_JOINED_RE.finditer(sentence), _CVF_WORKSHOP_RE.finditer(sentence)):
        if not any(start < m.end() and m.start() < end for start, end, *_ in found):
            raw_year = (m.group("year") or m.groupdict().get("joined") or "").lstrip("'’")
            found.append((m.start(), m.end(), m.group("name"), int(raw_year) + 2000 * (len(raw_year) == 2), m))
    for m in _VENUE_NO_YEAR_RE.finditer(sentence):
        if not any(start < m.end() and m.start() < end for start, end, *_ in found):
            found.append((m.start(), m.end(), _VENUE_SPELLING[m.group("name").casefold()], None, m))
    for j in _MARKED_JOURNAL_RE.finditer(sentence):
        dated = _JOURNAL_YEAR_RE.match(sentence, j.end())
        if dated is None:
            found.append((j.start(), j.end(), j.group("name"), None, None))
        elif dated.group("year"):
            found.append((j.start(), dated.end(), j.group("name"), int(dated.group("year")), None))
        else:
            found.append((j.start(), dated.end(), j.group("name"), 2000 + int(dated.group("short")), None))
    return sorted(found, key=lambda venue: venue[0])


def _alone(sentence: str, start: int, end: int) -> bool:
    """Whether a sentence is only a journal's name ("ACM Computing Surveys", "IEEE TKDE."): where it is published."""
    return not sentence[:start].strip(" (") and not re.sub(r"[\s.,:()\[\]]", "", sentence[end:])


def _phrase(sentence: str, start: int, end: int) -> str:
    """The part of a sentence a venue is named in: between commas and brackets ("Accepted to ICML 2025 (an
    earlier version was at a NeurIPS 2024 workshop)" has two). A venue alone in brackets names what the words
    before them say, so those count too ("Submitted to the 38th Conference on Neural Information Processing
    Systems (NeurIPS 2024)" is a submission)."""
    before = max(sentence.rfind(c, 0, start) for c in ",()")
    after = [i for i in (sentence.find(c, end) for c in ",()") if i >= 0]
    phrase = sentence[before + 1 : min(after, default=len(sentence))]
    if before >= 0 and sentence[before] == "(" and not sentence[before + 1 : start].strip():
        outer = max(sentence.rfind(c, 0, before) for c in ",()")
        phrase = sentence[outer + 1 : before] + phrase
    return phrase


def _track(sentence: str, m: re.Match[str]) -> str:
    """"findings", "workshop", "demo", "industry" or "" (the main conference), from the words right before and after the
    venue: never from another venue's words in the same sentence ("ICLR 2025 and the ICML 2025 workshop")."""
    groups = m.groupdict()
    if groups.get("workshop"):  # `SlavNLP-2025@ACL`
        return "workshop"
    kind = (groups.get("kind") or "").lower()
    before = re.split(r"\s+and\s+|;", sentence[: m.start()])[-1]
    after = re.split(r",|;|\s+and\s+", sentence[m.end():])[0]
    if kind.startswith("main") or _MAIN_AFTER.match(after):
        return ""
    if _DATASETS_AFTER.match(re.split(r",|;", sentence[m.end():])[0]):
        return "datasets"  # NeurIPS's Datasets and Benchmarks track: "NeurIPS D&B 2024" on the seed list
    if groups.get("findings") or kind == "findings" or _FINDINGS_AFTER.match(after) or _FINDINGS_BEFORE.search(before):
        return "findings"
    if kind.startswith("workshop") or _SIDE_AFTER.match(after) or _WORKSHOP_BEFORE.search(before) \
            or _WORKSHOP_NAMED_BEFORE.search(sentence[: m.start()]):
        return "workshop"
    if kind.startswith("demo") or _DEMO_AFTER.match(after):
        return "demo"
    if _INDUSTRY_AFTER.match(after):
        return "industry"
    return ""


def arxiv_year(arxiv_id: str | None) -> int | None:
    """The year an arXiv id was announced in (2504.12687 is 2025), for new- and old-style ids."""
    month = arxiv_month(arxiv_id)
    return month // 12 if month is not None else None
