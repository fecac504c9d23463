"""What a maintainer reads: the PR title, the PR body, the README diff and the Action's job summary.

The body is built from Proposals only, so the dry run prints exactly what GitHub would receive. The bot's
part of it runs from a hidden begin marker to a hidden marker listing the proposed arXiv ids; the marker, not
the prose, is what later runs read back to know which papers are already in a bot PR:

    <!-- paperbot:begin -->
    paperbot proposes 2 new papers ...
    <!-- paperbot:proposed ["2503.01234", "2503.05678"] -->

(a JSON array of versionless arXiv ids, on one line). When an open PR grows, its earlier rows, <details>
blocks and held-back lines are kept from the old body and the new ones appended; the bot's part is written
again, and what a maintainer wrote above or below it is kept as it is. With the candidates issue on, the
held-back papers it lists are one line pointing to it instead, written afresh each run (the issue lists them
already; a PR open for weeks would carry the same papers again, and older ones the issue has let go).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from bot.papers import HeldBack, Neighbour, Paper, Proposal

# A section path as the README of the pull request names it (PaperList.named): a heading that counts its papers
# says `(41)` there where the models, or an earlier run's rows, say `(39)`
Names = Callable[[Sequence[str]], tuple[str, ...]]
MARKER_RE = re.compile(r"<!--\s*paperbot:proposed\s+(\[[^\]]*\])\s*-->")
BEGIN = "<!-- paperbot:begin -->"
# Where the bot's part starts in a body written before the begin marker: its first line.
_INTRO_RE = re.compile(r"^paperbot proposes \d+ new papers? for ", re.M)
_TABLE_HEAD = (
    "| Paper | Proposed section | Confidence | Runner-up |",
    "|---|---|---|---|",
)
_ROW_RE = re.compile(r"^\| \[.*\]\(https://arxiv\.org/abs/[^)]+\).*\|$")
_DETAILS_RE = re.compile(r"^<details>\n.*?\n</details>$", re.S | re.M)
_ABSTRACT_LIMIT = 1500
_HELD_HEAD = (
    "**Held back**: above the relevance threshold but not proposed (the daily cap, or the bar for a day's later "
    "papers), and no later run proposes them on its own; tick one on the candidates issue for the next run, or "
    "add it by hand on this branch or with `paperbot add ARXIV_ID --section \"PATH\"`."
)
_OFF_BOARD_HEAD = (
    "**Held back**, and not on the candidates issue (it is full): above the relevance threshold but not proposed "
    "(the daily cap, or the bar for a day's later papers), and no later run proposes them on its own; add one "
    "by hand on this branch or with `paperbot add ARXIV_ID --section \"PATH\"`."
)
_HELD_PER_DAY = 5  # a busy day at a low threshold holds back dozens; the job summary lists every one
_HELD_ID_RE = re.compile(r"\(https://arxiv\.org/abs/([^)\s]+)\)")
_LEFT_OUT_HEAD = "_Left out to stay within GitHub's limit on a PR body: "
_LEFT_OUT = {"rows": "{n} of the table's rows", "details": "{n} papers' details"}
_LEFT_OUT_RE = {
    "rows": re.compile(r"^_Left out to stay within GitHub's limit.*?\b(\d+) of the table's rows", re.M),
    "details": re.compile(r"^_Left out to stay within GitHub's limit.*?\b(\d+) papers' details", re.M),
}


_TITLE_LIMIT = 80  # of a paper's title in a PR's: about what GitHub's list of PRs shows


def pr_title(count: int, date: str, *, paper_title: str | None = None) -> str:
    """`Add 3 papers (2025-05-27)`; a PR of one paper names it instead, cut after a whole word ("... for VLM
    P..." reads as a typo)."""
    if paper_title is not None:
        return f"Add paper: {_clip_words(' '.join(paper_title.split()), _TITLE_LIMIT)} ({date})"
    noun = "paper" if count == 1 else "papers"
    return f"Add {count} {noun} ({date})"


def marker(ids: list[str]) -> str:
    return f"<!-- paperbot:proposed {json.dumps(sorted(set(ids)))} -->"


def parse_marker(body: str | None) -> list[str] | None:
    """The ids of a bot PR body, or None when the body has no (readable) marker."""
    m = MARKER_RE.search(body or "")
    if not m:
        return None
    try:
        ids = json.loads(m.group(1))
    except json.JSONDecodeError:
        return None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return None
    return ids


def cell(text: str) -> str:
    """Table cells cannot hold pipes or newlines."""
    return " ".join(text.replace("|", "\\|").split())


def _path(path: Sequence[str]) -> str:
    return " > ".join(path)


def short_path(path: Sequence[str]) -> str:
    """A deep path as a table cell shows it: the 2nd level and the leaf ("4.3. Instruction Tuning > … >
    LLM Self-Reflection"); the <details> block has it whole."""
    return _path(path) if len(path) <= 3 else f"{path[1]} > … > {path[-1]}"


def short_paths(path: Sequence[str], other: Sequence[str] | None) -> tuple[str, str]:
    """A section and its runner-up as cells show them; whole where their short forms are the same words (a
    list with two "A. ..." places under one 2nd-level section), so a maintainer can tell them apart."""
    if other is None:
        return short_path(path), ""
    mine, theirs = short_path(path), short_path(other)
    if mine == theirs and tuple(path) != tuple(other):
        return _path(path), _path(other)
    return mine, theirs


def _title(text: str) -> str:
    """A title as link text, escaped as the README entry escapes it: the PR shows what the list will show."""
    from bot.listfile import escape_markdown

    return escape_markdown(text)


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def setting_pct(x: float) -> str:
    """A configured threshold as a percentage, exactly: 0.045 is 4.5%, where rounding would say 4%."""
    return f"{round(100 * x, 4):g}%"


def section_pct(x: float) -> str:
    """A section score in percent, as the confidence beside it is: a maintainer reading "0.87 | 23%" quickly
    takes them for two kinds of number. "<1%" says "no contest" where "0%" would read as a missing number. The
    PR body's, and scan's and explain's text."""
    return _pct(x) if round(100 * x) >= 1 else "<1%"


def table_row(p: Proposal) -> str:
    paper = p.paper
    link = f"[{_title(paper.title)}]({paper.url}) `{paper.arxiv_id}`"
    alt = p.alternatives[0] if p.alternatives else None
    best, second = short_paths(p.section.path, alt.path if alt else None)
    section = f"{cell(best)} ({section_pct(p.section.score)})"
    if p.unsure:
        section += " ⚠️ unsure"
    confidence = f"{_pct(p.score)}, ticked on the candidates issue" if p.requested else _pct(p.score)
    runner_up = f"{cell(second)} ({section_pct(alt.score)})" if alt else "—"
    return f"| {link} | {section} | {confidence} | {runner_up} |"


def _neighbour(n: Neighbour) -> str:
    title = f"[{_title(n.title)}](https://arxiv.org/abs/{n.arxiv_id})" if n.arxiv_id else _title(n.title)
    where = f" — in {_path(n.section_path)}" if n.section_path else ""
    return f"  - {title} (similarity {n.similarity:.2f}){where}"


# arXiv abstracts are the authors' TeX source: styles, links and citations as written, which GitHub shows as
# backslashes and braces. \href{url}{text} becomes a link and \url{url} its address, citations go (there is no
# bibliography to point to), and every other word made of TeX the title reader knows becomes its text.
_GROUP = r"\{((?:[^{}]|\{[^{}]*\})*)\}"  # a {group}, with one level of groups inside ({\text{here}})
_HREF_RE = re.compile(r"(\$?)\\href\s*\{([^{}\s]+)\}(?:\s*" + _GROUP + r")?(\$?)")
_URL_RE = re.compile(r"\\url\s*\{([^{}\s]+)\}")
_CITE_RE = re.compile(r"\s*(?:~|\\ )?\\(?:cite|citep|citet|citealp|citeauthor|citeyear)\*?(?:\[[^\]]*\])*\{[^{}]*\}")
# Authors' own shorthands, which the title reader has no reason to know
_SHORTHANDS = {"eg": "e.g.", "ie": "i.e.", "etal": "et al.", "deg": "°", "textdegree": "°"}
_SHORTHAND_RE = re.compile(r"((?<![A-Za-z])\{)?\\(" + "|".join(_SHORTHANDS) + r")(?![A-Za-z])(?:\{\})?(?(1)\})")
_COLOR_RE = re.compile(r"\\(?:textcolor|color)\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}")  # the colour goes, the text stays
# "<think>", "</answer>": GitHub drops tags it does not allow, and the words with them
_TAG_RE = re.compile(r"<(?=/?[A-Za-z][A-Za-z0-9-]*\s*/?>)")


def _href(m: re.Match[str]) -> str:
    """A link as Markdown, or its bare address where the text only repeats it ("this https URL" is arXiv's
    stand-in for an address); "$" around it, as some authors write, goes too."""
    url, label = m.group(2), (m.group(3) or "").strip()
    around = "" if m.group(1) and m.group(4) else m.group(1) + m.group(4)
    text = _plain(label)
    if not text or text.rstrip("/").split("://")[-1] in url or text == "this https URL":
        return around + url
    return f"{around}[{text}]({url})"


def abstract_text(abstract: str) -> str:
    """An abstract as the PR body quotes it: the authors' TeX read as text ("\\textit{CoF}" is "CoF", "95.6\\%"
    is "95.6%", "$\\tau$-bench" is "τ-bench", "\\href{url}{here}" a link), so a maintainer reads what arXiv's
    page shows; TeX the reader does not know stays as written, one word at a time."""
    text = " ".join(abstract.split()).replace("~\\", " \\")  # "on~\\href": TeX's unbroken space
    text = _COLOR_RE.sub("", text)
    text = _HREF_RE.sub(_href, text)
    text = _URL_RE.sub(r"\1", text)
    text = _CITE_RE.sub("", text)
    text = _SHORTHAND_RE.sub(lambda m: _SHORTHANDS[m.group(2)], text)
    if any(mark in text for mark in ("\\", "$", "``", "{")):
        text = " ".join(_plain(word) for word in _tex_words(text))
    return _TAG_RE.sub("&lt;", text)


def _plain(word: str) -> str:
    """One word of TeX as text; a word whose styles were taken off ("{GitHub}" from \\textcolor{red}{GitHub})
    loses its braces too."""
    from bot.papers import plain_title

    text = plain_title(word)
    if text == word and "\\" not in word and "$" not in word and word.count("{") == word.count("}") > 0:
        return word.replace("{", "").replace("}", "")
    return text


def _tex_words(text: str) -> list[str]:
    """Split at spaces outside braces and formulas, so one word of TeX that cannot be read stays as written
    alone, and "\\textit{Chain of Functions}" or "$O(n \\log n)$" is read as one."""
    words: list[str] = []
    start = depth = 0
    formula = False
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == "$":
            formula = not formula and "$" in text[i + 1:]
        elif c == " " and not depth and not formula:
            words.append(text[start:i])
            start = i + 1
        i += 1
    words.append(text[start:])
    return [w for w in words if w]


def _clip_words(text: str, limit: int) -> str:
    """At most `limit` characters, cut after a whole word: "the first c..." reads as a typo."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


# A cosine, not a share of anything: a percentage would read as "81% the same paper".
_NEAREST_HEAD = "Nearest entries already on the list (similarity: the cosine of the two embeddings, 0 to 1):"


def details_block(p: Proposal) -> str:
    paper = p.paper
    abstract = _clip_words(abstract_text(paper.abstract), _ABSTRACT_LIMIT) or "(no abstract in the feed)"
    lines = [
        "<details>",
        f"<summary><b>{paper.arxiv_id}</b> {_html(paper.title)}</summary>",
        "",
        f"- **Authors:** {', '.join(paper.authors) or 'unknown'}",
        f"- **Categories:** {', '.join(paper.categories) or 'unknown'}",
        *_arxiv_notes(paper),
        f"- **Proposed section:** {_path(p.section.path)} (section score {section_pct(p.section.score)})"
        + (" — ⚠️ unsure: the runner-up is close, check the section" if p.unsure else ""),
    ]
    if p.alternatives:
        alts = "; ".join(f"{_path(a.path)} ({section_pct(a.score)})" for a in p.alternatives)
        lines.append(f"- **Other candidate sections:** {alts}")
    lines += ["", f"> {abstract}", ""]
    if p.nearest:
        lines.append(_NEAREST_HEAD)
        lines += [_neighbour(n) for n in p.nearest]
        lines.append("")
    lines.append("</details>")
    return "\n".join(lines)


def _arxiv_notes(paper: Paper) -> list[str]:
    """The authors' comment and journal reference, and the venue the entry took from them: a maintainer checks
    "ACL Findings 2025" against "Accepted to Findings of ACL 2025" at a glance."""
    lines = [f"- **arXiv comment:** {_code(_clip(paper.comment))}"] if paper.comment else []
    if paper.journal_ref:
        lines.append(f"- **Journal reference:** {_code(_clip(paper.journal_ref))}")
    if (venue := paper.venue) is not None:
        kind = f" ({_TRACKS.get(venue.kind, venue.kind)})" if venue.kind else ""
        lines.append(f"- **Accepted at:** {venue.name} {venue.year}{kind}, as read from the above")
    return lines


_TRACKS = {"datasets": "Datasets and Benchmarks"}


def _code(text: str) -> str:
    """Authors' text as a code span: "(@ACL 2025)" or "#2" there mention no GitHub user and link no issue."""
    text = text.replace("`", "'")
    return f"`{text}`"


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class BodyParts:
    """The pieces of a bot PR body that survive an update."""

    ids: list[str]
    rows: list[str]
    details: list[str]
    held: list[str] = field(default_factory=list)  # the held-back lines, one per paper
    dropped: dict[str, int] = field(default_factory=dict)  # rows / details left out for GitHub's body limit
    before: str = ""  # a maintainer's text above the bot's part, kept as written
    after: str = ""  # and below its marker


_SUMMARY_RE = re.compile(r"^<summary><b>(?P<id>[^<\s]+)</b> (?P<title>.*)</summary>$", re.M)


def paper_titles(body: str | None) -> dict[str, str]:
    """Each proposed paper's title from a bot body's <details> blocks: how a later run knows a paper a
    maintainer added to the list under another link (OpenReview, a venue page) is that paper."""
    import html

    return {m.group("id"): html.unescape(m.group("title")) for m in _SUMMARY_RE.finditer(body or "")}


def parse_body(body: str | None) -> BodyParts | None:
    """Split an earlier bot body back into rows, <details> blocks and held-back lines, and the text around the
    bot's part (from the begin marker, or the intro line of a body older than it, to the ids' marker); None
    when it is not a bot body."""
    ids = parse_marker(body)
    end = MARKER_RE.search(text := (body or "").replace("\r\n", "\n"))
    if ids is None or end is None:
        return None
    start = text.rfind(BEGIN, 0, end.start())
    if start < 0:
        intro = _INTRO_RE.search(text, 0, end.start())
        start = intro.start() if intro else 0
    before, after = text[:start], text[end.end():].removeprefix("\n")  # the marker's own line end is the bot's
    body = text[start:end.end()]
    lines = body.split("\n")
    rows = _table_rows(lines)
    details = _DETAILS_RE.findall("\n".join(lines))
    held: list[str] = []
    listing = False  # in the "- " lines under a **Held back** head (the note on the candidates issue has none)
    for line in lines:
        if line.startswith("**Held back**"):
            listing = True
        elif listing and line.startswith("- "):
            held.append(line)
        else:
            listing = False
    dropped = {kind: int(m.group(1)) for kind, pattern in _LEFT_OUT_RE.items() if (m := pattern.search(body))}
    return BodyParts(ids=ids, rows=rows, details=details, held=held, dropped=dropped, before=before, after=after)


# What the bot writes after the table, each on its own line: where a maintainer's edit took out the blank line after
# the last row, the table's lines stop there all the same, or the next body would hold the legend twice
_AFTER_TABLE = ("Confidence is ", _LEFT_OUT_HEAD, "**Held back**", "<details>", "<!-- paperbot:")


def _table_rows(lines: list[str]) -> list[str]:
    """The table's lines under its header, as a maintainer left them, up to the blank line after them: a row with a
    note after its last pipe, struck out (`~~[Title](url)~~`) or a line of text under it is the table's on GitHub,
    and kept as written, where only rows in the bot's own shape were kept and the others lost when the PR grew. A
    body whose header was edited too: its rows in the bot's shape (an arXiv link in the first cell)."""
    if _TABLE_HEAD[1] not in lines:
        return [line for line in lines if _ROW_RE.match(line)]
    rows: list[str] = []
    for line in lines[lines.index(_TABLE_HEAD[1]) + 1:]:
        if not line.strip() or line.startswith(_AFTER_TABLE):
            break
        rows.append(line)
    return rows


# A section score as a body writes it: today's "87%" and "<1%", or "0.87" and "<0.01" as bodies did before 5 Dec 2026
_SCORE = r"<1%|\d{1,3}%|<0\.01|[01]\.\d\d"
_SCORED_CELL_RE = re.compile(rf"^(?P<path>.+) \((?P<score>{_SCORE})\)(?P<rest>(?: ⚠️ unsure)?)$")
_PROPOSED_RE = re.compile(rf"^(?P<head>- \*\*Proposed section:\*\* )(?P<path>.+) \((?:section )?score "
                          rf"(?P<score>{_SCORE})\)(?P<rest>.*)$")
_OTHERS_HEAD = "- **Other candidate sections:** "
_OTHER_RE = re.compile(rf"(?P<path>.+?) \((?P<score>{_SCORE})\)(?:; |$)")
_OLD_NEAREST_HEAD = "Nearest entries already on the list:"


def _today_score(text: str) -> str:
    """A section score in today's form: "0.87" (a body before 5 Dec 2026) is "87%", "<0.01" is "<1%"."""
    if text == "<0.01":
        return "<1%"
    return section_pct(float(text)) if "." in text else text


_NEIGHBOUR_RE = re.compile(r"^(?P<head>  - .*\(similarity \d\.\d\d\) — in )(?P<path>.+)$")
_HELD_WHERE_RE = re.compile(r"^(?P<head>- \S+: .*; )(?P<where>.+?)(?: ⚠️ unsure, or (?P<second>.+))?$")


def _named(text: str, names: Names | None, *, in_cell: bool = False) -> str:
    """A section path a body wrote, as the README of its PR names the section now (`(40)` where it said `(39)`)."""
    if names is None:
        return text
    parts = tuple((text.replace("\\|", "|") if in_cell else text).split(" > "))
    now = names(parts)
    if tuple(now) == parts:
        return text
    return cell(_path(now)) if in_cell else _path(now)


def _scored_cell(text: str, names: Names | None) -> str:
    m = _SCORED_CELL_RE.match(text)
    return text if m is None else f"{_named(m['path'], names, in_cell=True)} ({_today_score(m['score'])}){m['rest']}"


def _restyled_row(row: str, names: Names | None) -> str:
    """An earlier row as table_row writes it today: each cell that names a section and its score (the proposed
    section, the runner-up) as the PR's README names the section now, its score in today's form, and every other
    byte as written. Found by their shape, not their place, so a row a maintainer edited (its confidence cell
    taken out, a cell of their own added, the runner-up emptied) follows the README as the others do, where one
    of five cells kept the count of its day; a line under a row, or a row without a paper's link, stays as it is."""
    cells = re.split(r"(?<!\\)\|", row)  # "", link, section, confidence, runner-up, "": a title's pipe is escaped
    if len(cells) < 3 or cells[0].strip() or not _HELD_ID_RE.search(row):
        return row
    for n in range(1, len(cells)):
        text = cells[n].strip()
        if text and (now := _scored_cell(text, names)) != text:
            start = cells[n].index(text)
            cells[n] = cells[n][:start] + now + cells[n][start + len(text):]
    return "|".join(cells)


def _restyled_details(block: str, names: Names | None) -> str:
    """An earlier <details> block as details_block writes it today (its section scores in %, the nearest entries'
    header that says what a similarity is, its sections as the PR's README names them)."""
    out: list[str] = []
    for line in block.split("\n"):
        if m := _PROPOSED_RE.match(line):
            line = (f"{m['head']}{_named(m['path'], names)} (section score {_today_score(m['score'])})"
                    f"{m['rest']}")
        elif line.startswith(_OTHERS_HEAD):
            alts = line[len(_OTHERS_HEAD):]
            found = list(_OTHER_RE.finditer(alts))
            if found and "".join(m.group(0) for m in found) == alts:
                line = _OTHERS_HEAD + "; ".join(f"{_named(m['path'], names)} ({_today_score(m['score'])})"
                                                for m in found)
        elif line == _OLD_NEAREST_HEAD:
            line = _NEAREST_HEAD
        elif m := _NEIGHBOUR_RE.match(line):
            line = m["head"] + _named(m["path"], names)
        out.append(line)
    return "\n".join(out)


def _restyled_held(line: str, names: Names | None) -> str:
    """An earlier held-back line with its section (and toss-up runner-up) as the PR's README names them."""
    m = _HELD_WHERE_RE.match(line)
    if m is None or names is None:
        return line
    second = f" ⚠️ unsure, or {_named(m['second'], names, in_cell=True)}" if m["second"] else ""
    return f"{m['head']}{_named(m['where'], names, in_cell=True)}{second}"


def restyled(parts: BodyParts, names: Names | None = None) -> BodyParts:
    """An earlier body's rows, details and held-back lines in today's form, so a PR that grows does not mix two:
    one an older paperbot wrote gives section scores as "(0.87)", where today's rows say "(87%)" (the body holds
    every number they need, rounded to the same hundredths); and a heading that counts its papers as the PR's
    README says it now, `(41)` after today's paper, where the row written yesterday said `(40)`."""
    return replace(parts, rows=[_restyled_row(r, names) for r in parts.rows],
                   details=[_restyled_details(d, names) for d in parts.details],
                   held=[_restyled_held(h, names) for h in parts.held])


def named_proposal(p: Proposal, names: Names | None) -> Proposal:
    """A proposal with every section it names (its own, the runners-up, the nearest entries') as the PR's README
    names them: the models say `(38)` for a section the README being edited says `(39)` of. The PR body's, and
    the job summary's, which must read as the body does."""
    if names is None:
        return p
    return replace(p, section=replace(p.section, path=names(p.section.path)),
                   alternatives=tuple(replace(a, path=names(a.path)) for a in p.alternatives),
                   nearest=tuple(replace(n, section_path=names(n.section_path)) if n.section_path else n
                                 for n in p.nearest))


def named_held(h: HeldBack, names: Names | None) -> HeldBack:
    """A held-back paper with its section and runners-up as the PR's README names them (named_proposal)."""
    if names is None:
        return h
    return replace(h, section=replace(h.section, path=names(h.section.path)),
                   alternatives=tuple(replace(a, path=names(a.path)) for a in h.alternatives))


def held_reason(h: HeldBack) -> str:
    """Why the cap or the bar kept it out, in the body's units (confidence in %)."""
    if not h.place:
        return cell(h.why)
    if h.bar is not None:
        return f"a day's later papers need {setting_pct(h.bar)} (#{h.place} of its day)"
    return f"over the daily cap of {h.cap} (#{h.place} of its day)"


def _held_line(h: HeldBack) -> str:
    """Paper, confidence, why not proposed, and where it would go (with the runner-up when that is a toss-up)."""
    alt = h.alternatives[0].path if h.unsure and h.alternatives else None
    where, second = short_paths(h.section.path, alt)
    if alt:
        where += f" ⚠️ unsure, or {second}"
    return (f"[{_title(h.paper.title)}]({h.paper.url}) `{h.paper.arxiv_id}`: confidence {_pct(h.score)}, "
            f"{held_reason(h)}; {where}")


def held_back_lines(held_back: Sequence[HeldBack], date: str) -> list[str]:
    """A day's held-back papers as body lines, the best few: enough to catch a strong second paper."""
    lines = [f"- {date}: {_held_line(h)}" for h in held_back[:_HELD_PER_DAY]]
    if len(held_back) > _HELD_PER_DAY:
        lines.append(f"- {date}: {len(held_back) - _HELD_PER_DAY} more, in that run's job summary")
    return lines


@dataclass(frozen=True)
class OnBoard:
    """The candidates issue as a PR body points to it: the ids it will list once this run has written it, and
    its address and number (none on a repository's first run, which opens it after the PR)."""

    ids: frozenset[str]
    url: str = ""
    number: int | None = None
    label: str = "paperbot-candidates"


def board_note(count: int, board: OnBoard) -> str:
    """One line for the day's held-back papers the candidates issue lists, where a maintainer ticks one."""
    if board.url:
        where = f"[candidates issue{f' #{board.number}' if board.number else ''}]({board.url})"
    else:
        where = f"candidates issue this run opens (label `{board.label}`)"
    noun, verb = ("paper", "is") if count == 1 else ("papers", "are")
    return (f"**Held back** today: {count} {noun} above the relevance threshold that the daily cap (or the bar for "
            f"a day's later papers) kept out {verb} on the {where}, where a tick has the next run propose "
            f"{'it' if count == 1 else 'one'}.")


def _held_id(line: str) -> str | None:
    m = _HELD_ID_RE.search(line)
    return m.group(1) if m else None


def pr_body(proposals: list[Proposal], *, readme_path: str = "README.md", earlier: BodyParts | None = None,
            held_back: Sequence[HeldBack] = (), date: str = "", board: OnBoard | None = None,
            names: Names | None = None) -> str:
    """Table first (decide in seconds), evidence folded below, the machine-readable marker last.

    held_back: the run's papers above the thresholds that the cap kept out (from `date`). A maintainer
    reads the PR, not the job summary, and no later run offers them again, so the PR names them too.
    board: the candidates issue this run writes (None: off, or not written this run). The held-back papers
    it lists are then one line pointing to it, and only those it does not list are named; earlier held-back
    lines go, whatever paperbot wrote them: the issue lists a paper for its days, and the body does not grow.
    earlier.before / .after: what a maintainer wrote around the bot's part, kept (and counted in the limit).
    names: how the PR's README names a section (after this update's commit), for every section the body names."""
    earlier = restyled(earlier, names) if earlier is not None else BodyParts(ids=[], rows=[], details=[])
    new = [named_proposal(p, names) for p in proposals if p.paper.arxiv_id not in earlier.ids]
    held_back = [named_held(h, names) for h in held_back]
    ids = earlier.ids + [p.paper.arxiv_id for p in new]
    note = ""
    if board is not None:
        today = [h for h in held_back if h.paper.arxiv_id not in ids]
        on = [h for h in today if h.paper.arxiv_id in board.ids]
        note = board_note(len(on), board) if on else ""
        held = held_back_lines([h for h in today if h.paper.arxiv_id not in board.ids], date)
    else:
        known = {_held_id(line) for line in earlier.held}
        held = [line for line in [*earlier.held, *held_back_lines(
            [h for h in held_back if h.paper.arxiv_id not in known], date)] if _held_id(line) not in ids]
    held_head = _HELD_HEAD if board is None else _OFF_BOARD_HEAD
    rows = [*earlier.rows, *(table_row(p) for p in new)]
    details = [*earlier.details, *(details_block(p) for p in new)]
    dropped = {"rows": earlier.dropped.get("rows", 0), "details": earlier.dropped.get("details", 0)}

    def whole() -> str:
        return earlier.before + _assemble(ids, rows, held, details, readme_path, dropped,
                                          held_head=held_head, note=note) + earlier.after

    body = whole()
    # A PR left open for weeks grows a paper a day. Over GitHub's limit the body, and so the whole update, is
    # refused: drop the oldest held-back lines, then the oldest papers' details, then their rows.
    while _too_long(body) and (held or details or rows):
        if held:
            held.pop(0)
        else:
            kind = "details" if details else "rows"
            gone = (details or rows).pop(0)
            # a maintainer's line of text under a row goes with it, and is not one of the table's papers
            dropped[kind] += kind == "details" or _HELD_ID_RE.search(gone) is not None
        body = whole()
    return body


BODY_LIMIT = 65_536  # GitHub refuses a longer PR body ("body is too long (maximum is 65536 characters)")


def _too_long(body: str) -> bool:
    """Counted in UTF-8 bytes: GitHub does not document whether it counts characters or bytes, and the
    body holds non-ASCII titles and marks."""
    return len(body.encode("utf-8")) > BODY_LIMIT


def _assemble(ids: list[str], rows: list[str], held: list[str], details: list[str], readme_path: str,
              dropped: dict[str, int], *, held_head: str = _HELD_HEAD, note: str = "") -> str:
    count = len(ids)
    one = count == 1
    noun = "paper" if one else "papers"
    legend = (
        "Confidence is the calibrated probability that the paper belongs on the list, among a day's arXiv "
        "papers (few of which do, so 10% is already a strong candidate); the percentage after a section is the "
        "section model's score for it against the list's other sections."
    )
    if any("⚠️ unsure" in row for row in rows):
        legend += " ⚠️ unsure: the best and runner-up sections are close."
    left_out = [_LEFT_OUT[kind].format(n=dropped[kind]) for kind in ("rows", "details") if dropped[kind]]
    lines = [
        BEGIN,
        f"paperbot proposes {count} new {noun} for `{readme_path}`, {'' if one else 'each '}inserted in its "
        f"section in the list's own style. Edit or drop {'the entry' if one else 'entries'} in this branch before "
        f"merging; closing this PR tells paperbot never to propose {'this paper' if one else 'these papers'} again.",
        "",
        *_TABLE_HEAD,
        *rows,
        "",
        legend,
        "",
        *([f"{_LEFT_OUT_HEAD}{' and '.join(left_out)}, the earliest first; the diff holds every paper._", ""]
          if left_out else []),
        *([note, ""] if note else []),
        *([held_head, *held, ""] if held else []),
        *("\n\n".join(details).split("\n")),
        "",
        marker(ids),
        "",
    ]
    return "\n".join(lines)


def unified_diff(old: str, new: str, path: str = "README.md") -> str:
    """git-style diff of the README change, with git's marker for a missing final newline."""
    a = old.splitlines(keepends=True)
    b = new.splitlines(keepends=True)
    out: list[str] = []
    for line in difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}", n=3):
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)


_STATS = (
    ("kept", "in the feeds (new and cross-lists)"), ("on_list", "already on the list"), ("known", "seen before"),
    ("excluded", "in open bot PRs"), ("scored", "scored"), ("above_threshold", "above the thresholds"),
    ("proposed", "proposed"),
)


def job_summary(*, date: str, stats: dict[str, int], proposals: list[Proposal], pulls: list[str],
                failures: list[str], retrained: str = "", dry_run: bool = False,
                held_back: Sequence[HeldBack] = (), board: str = "") -> str:
    """The run's page in GitHub Actions ($GITHUB_STEP_SUMMARY): what happened today, readable without
    opening the log. pulls: one markdown line per PR; failures: one line per failed feed; held_back: papers
    above the thresholds that the cap kept out, which no later run proposes; board: the candidates issue's
    line, after "Nothing to propose today." on a day without a PR rather than in its place."""
    title = f"### paperbot {'dry run' if dry_run else 'run'}, {date}"
    lines = [title, "", "| " + " | ".join(label for _, label in _STATS) + " |", "|" + "---|" * len(_STATS)]
    lines.append("| " + " | ".join(str(stats.get(key, 0)) for key, _ in _STATS) + " |")
    lines.append("")
    if retrained:
        lines += [f"Trained the models first: {cell(retrained)}.", ""]
    for pull in pulls:
        lines += [pull, ""]
    if proposals:
        lines += [*_TABLE_HEAD, *(table_row(p) for p in proposals), ""]
    elif not failures and not pulls:
        lines += ["Nothing to propose today.", ""]
    if board:
        lines += [board, ""]
    if held_back:
        lines += [
            f"**Held back today** ({len(held_back)}): above the thresholds but not proposed, and not proposed by a "
            "later run on its own; tick one on the candidates issue, or add it by hand with `paperbot add ARXIV_ID "
            "--section \"PATH\"`.",
            "",
            *(f"- {_held_line(h)}" for h in held_back),
            "",
        ]
    if failures:
        lines += [f"**{len(failures)} feed(s) failed:**", *(f"- {cell(f)}" for f in failures), ""]
    return "\n".join(lines) + "\n"


def failure_summary(command: str, message: str) -> str:
    """The job summary of a run that stopped: the one error line, where a maintainer looks first. Its fence is
    longer than any run of backticks in the message (GitHub's words, a title), which would otherwise close it."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", message)), default=0))
    return f"### paperbot {command} failed\n\n{fence}\n{message}\n{fence}\n"


def cancelled_summary(command: str, line: str) -> str:
    """The job summary of a run cancelled (the Action's Cancel button, a SIGTERM): one line, what it left behind."""
    return f"### paperbot {command} cancelled\n\n{line[0].upper()}{line[1:]}.\n"


def unexpected_error(exc: BaseException) -> str:
    """An error paperbot has no words for (a bug), on one line for the job summary; the log has its traceback."""
    return f"unexpected error, {type(exc).__name__}: {' '.join(str(exc).split())[:300]} (a bug: the job's log has " \
        "the traceback)"
