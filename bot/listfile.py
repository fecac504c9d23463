"""A curated paper-list README as a section tree plus entries, read and written without disturbing a byte.

The document is kept as its original lines (each with its own line ending); parsing only records where
sections and entries are, and writing splices new lines in. So a round trip is byte-identical by
construction, and an edit touches exactly the lines it inserts.
"""

from __future__ import annotations

import calendar
import difflib
import functools
import html
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple, TypeVar

from bot.errors import PaperbotError, UsageError
from bot.papers import (
    ARXIV_ID_RE,
    YEAR_HEADING_RE,
    Entry,
    Paper,
    Section,
    Venue,
    arxiv_id_from_url,
    arxiv_ids_in,
    arxiv_month,
    arxiv_year,
    journal_spellings,
    normalize_title,
    slot_venue,
    slot_word_venue,
    venue_spellings,
    work_key,
    year_heading,
)

# ---------------------------------------------------------------- markdown patterns

# A closing run of "#" needs a space before it (CommonMark): "## C#" is the heading "C#".
_HEADING_RE = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))??(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BULLET_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])(?P<gap>[ \t\u00a0]+)(?P<body>.*)$")
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# [text](url) where text may hold one level of brackets (e.g. [[paper]](url)) and url may hold parentheses.
_LINK_RE = re.compile(
    r"(?<![!\\])\[(?P<text>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\]"
    r"\(\s*<?(?P<url>(?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_EMOJI = r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B06\u2705\u274C]\ufe0f?"
# Marks before an entry's title: emoji, a badge image (or a linked badge), a short code span (`2024.05`).
_LEAD_MARK_RE = re.compile(
    r"[ \t\u00a0]*(?P<mark>(?:" + _EMOJI + r")+|!\[[^\]]*\]\([^)]*\)|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|`[^`]{1,24}`)"
    r"[ \t\u00a0]*(?:[|:–—-][ \t\u00a0]*)?"
)
# A date or a venue in brackets before an entry's title: `[2024/11] **Title**`, `(AAAI 2025) **Title**`,
# `[2025.10] Title, arXiv [[Paper](url)]`. Not the title's: with it a title under another link is not recognised.
# In a code span too, with or without a year (`` `[SAC 2022]` Title ``, `` `[IMXw]` Title ``,
# wentianli/awesome-video-editing): brackets inside code are no part of a title's words.
_LEAD_TAG_RE = re.compile(
    r"(?P<open>[(\[])(?P<tag>[^()\[\]\n]{0,30}?(?:19|20)\d{2}[^()\[\]\n]{0,30}?)[)\]][ \t\u00a0]*"
    r"(?:[|:–—-][ \t\u00a0]*)?"
)
_CODE_TAG_RE = re.compile(r"`\[(?P<tag>[^()\[\]`\n]{1,40})\]`[ \t\u00a0]*(?:[|:–—-][ \t\u00a0]*)?")
# A tag in brackets right before a linked title, bold or not: `[ICML 2025] [Title](url)`, `**[ICML 2025]** [T](url)`,
# `[arxiv] [Title](url)` (ziansu/awesome-llm-steering). The link's text is the title; the tag its venue, date or mark.
_TITLE_TAG_RE = re.compile(
    r"(?P<d>\*\*|__)?(?:\[(?P<square>[^\[\]\n]{1,40})\]|\((?P<round>[^()\[\]\n]{1,40})\))(?(d)(?P=d))[ \t\u00a0]+"
)
# A venue in brackets before a title without a year (`[arXiv] JMLR: ...`, `[AAAI] Zhongjing: ...`,
# YutingHe-list/Awesome-Foundation-Models-for-Advancing-Healthcare): read so only on a list that writes arXiv so
# (_writes_bracket_venues), as a word in brackets before a title may be anything elsewhere.
_YEARLESS_TAG_RE = re.compile(r"\[(?P<tag>[^()\[\]\n]{1,40})\][ \t\u00a0]+")
_DATE_TAG_RE = re.compile(r"(?:19|20)\d{2}(?:[./-]\d{1,2}){0,2}")
# A date written out as arXiv shows a submission's (`18 Aug 2022`, `17 June 2022`; `Aug 2022` without the day).
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WORD_DATE_RE = re.compile(
    r"(?:(?P<day>[0-3]?\d)[ \u00a0]+)?(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"
    r"[ \u00a0]+(?P<year>(?:19|20)\d{2})"
)
# What ends a paragraph's line where it breaks on purpose (`**Title** \`, `<br>`) or only by its spaces: no text of
# the entry's, but the layout a new entry copies.
_BREAK_MARK = r"(?:[ \t\u00a0]*(?i:\\|<br\s*/?>))?[ \t\u00a0]*"
_LINE_TAIL_RE = re.compile(_BREAK_MARK + "$")
# A short text that names a venue rather than people: arXiv, a year (after a name as long as `IEEE Computer Society
# Technical Committee on Data Engineering 2018`), or a leading acronym (`ICML 2024`, `ACM CSUR`, `IEEE Access`). Read
# so in italics after a title (`**Title** *arXiv*`) and after a plain title's last comma.
_VENUE_NAME_RE = re.compile(
    r"[^,]{0,80}?(?:\b(?i:arxiv)\b|\b(?:19|20)\d{2}\b)[^,]{0,40}|[A-Z]{3,}(?:[ \u00a0]+[A-Z][\w-]*){0,2}"
)
# A journal's name as lists write it after a title's comma: capitalised words, short joining words between them
# (`Acta Automatica Sinica`, `Journal of Machine Learning Research`); two words at least.
_JOURNAL_RE = re.compile(
    r"[A-Z][\w&.'-]*(?:[ \u00a0]+(?:(?:of|on|for|and|in|the|&)[ \u00a0]+)*[A-Z][\w&.'-]*){1,6}"
)
# What names a journal rather than a title's own words, before its year (`IEEE Transactions on ..., 2020`).
_JOURNAL_WORD_RE = re.compile(r"\b(?:IEEE|ACM|Transactions|Journal|Surveys|Reviews?|Letters|Proceedings|Magazine)\b")
# A continuation line with the authors in emphasis and a venue with a year after them.
_AUTHOR_LINE_RE = re.compile(r"^[ \t\u00a0]*([*_])(?!\s)[^*_]+?(?<!\s)\1[^*_]*?\b(?:19|20)\d{2}\b")
# Authors in plain text after a separator: `[Title](url) - Jane Doe, John Roe (2023)`, `[Title](url), Jane Doe et
# al., ACL 2024`. A name is 2-4 capitalised words (initials, particles); an acronym (ACL, NeurIPS) is no name word,
# so a venue is not read as authors. Not after a colon: `[tool](url): Multilingual Code Models Evaluation` is a
# description, in a list's words. Without a separator (`[Title](url) Ruida Wang, ..., EMNLP 2023`) the text
# stays the venue, as lists mostly write a venue there. Lower-case letters of Latin Extended-A too (`Maja Trębacz`,
# `Kamilė Lukošiūtė`); its capitals are no first letter, which keeps every name word one way to match.
_LOWER = "[a-zß-ÿĀ-ſ'’]"
_NAME_WORD = (r"(?:[A-ZÀ-Þ](?:" + _LOWER + r"*[A-ZÀ-Þ])?" + _LOWER + r"+(?:-[A-ZÀ-Þ]?" + _LOWER + r"+)*"
              r"|[A-ZÀ-Þ]\.(?:-?[A-ZÀ-Þ]\.)*)")
_NAME = _NAME_WORD + r"(?:[ \u00a0]+(?:(?:van|von|de|der|den|di|da|du|la|le|del)[ \u00a0]+)*" + _NAME_WORD + r"){1,3}"
# Authors and venue in brackets after the title: `**[Title](url)** (Wang et al., arXiv 2023) - *note*`.
_PAREN_CITE_RE = re.compile(
    r"[*_]{0,2}[ \t\u00a0]*\((?P<a>" + _NAME_WORD + r"(?:[ \u00a0]+" + _NAME_WORD + r")*"
    r"(?:,?[ \u00a0]+et[ \u00a0]+al\.?)?),[ \u00a0]+(?P<v>[^()\[\],]*?\b(?:19|20)\d{2}\b[^()\[\],]*)\)"
)
# A sub-bullet that is only names (`  - Dun Zeng, Yong Dai, Pengyu Cheng`), perhaps ending in et al. (`  - Long Ouyang,
# Jeff Wu, Xu Jiang, et al.`, opendilab/awesome-RLHF): the authors of the entry above it. After the first, a name may
# have a comma typed for its space (`Prithviraj Ammanabrolu, Kianté,Brantley, Jack Hessel`, opendilab/awesome-RLHF):
# two words joined so are no heading's or keyword's way ("Code,Data" alone is no line of names).
_NAMES_RE = re.compile(
    _NAME + r"(?:[ \u00a0]*,[ \u00a0]*(?:and[ \u00a0]+)?(?:" + _NAME + r"|" + _NAME_WORD + "," + _NAME_WORD + r"))*"
    r"(?:,?[ \u00a0]+and[ \u00a0]+" + _NAME + r"|,?[ \u00a0]+et[ \u00a0]+al\b)?\.?"
)
# A sub-bullet of names whose et al. is in emphasis, perhaps with the authors' affiliation in brackets after it
# (opendilab/awesome-RLVR's `  - Rafael Raffel *et al.*`, `  - Daya Guo, Dejian Yang, Haowei Zhang *et al.*
# (DeepSeek-AI)`): the names with a plain et al., the emphasis kept for a new entry's own (`_names_below`).
_EMPHASIZED_ET_AL_RE = re.compile(
    r"(?<=[ \u00a0])(?P<mark>\*{1,2}|_{1,2})(?P<et_al>et[ \u00a0]+al\.?)(?P=mark)(?:[ \t\u00a0]+\([^()]*\))?$")
# Italics that name no one: one word (`*Nature*`) or two with one in lower case (`*Research blog*`).
_NO_NAMES_RE = re.compile(r"[^\s,]+|[^\s,]+[ \u00a0]+[a-z][^\s,]*|[a-z][^\s,]*[ \u00a0]+[^\s,]+")
# The first author cited after a plain title, as a bibliography writes it: `Title, Wang et al. [Paper](url)`,
# `Title. Zhao et al. [Paper](url)` (sczhou/Awesome-Face-Restoration). Only with et al.: a title's own last words
# after a comma (`..., and Beyond`, `..., Fast and Accurate`) name no one. After a period only where a word ends
# there, not an initial (`J. Wang et al.` is one name).
_PARTICLE = r"(?:(?:van|von|de|der|den|di|da|du|la|le|del)[ \u00a0]+)*"
_CITE_TAIL_RE = re.compile(
    r"(?:,|(?<=[^\W\d_][^\W_])\.)[ \t\u00a0]+(?P<a>" + _PARTICLE + _NAME_WORD + r"(?:[ \u00a0]+" + _PARTICLE
    + _NAME_WORD + r"){0,3}[ \u00a0]+et[ \u00a0]+al\.?)$"
)
# Authors and venue cited after a title's link as a bibliography writes them, in sentences: `[Title](url). Fang et
# al. *arXiv 2508.07407*, 2025.`, `. Wu and Shu. *TechRxiv preprint*, 2025.`, `. Tomashevskiy. *arXiv 2601.05152*,
# 2025.`, `. Ghasemipour et al. 2025.` (x-zheng16/Awesome-Embodied-AI-Safety). The names keep their full stop, the
# italics are the venue as the list writes it (`In ICML`, `arXiv 2508.07407`, a journal's name), the year after them
# is when, as a date after a link is; only the whole line so, so a title's or a note's own words are no names.
# A name is a surname or two, or an organisation in capitals (`OWASP. 2026.`).
_BIB_NAMES = (_PARTICLE + r"(?:" + _NAME_WORD + r"|[A-Z]{2,})(?:[ \u00a0]+" + _PARTICLE + _NAME_WORD + r"){0,2}")
_BIB_CITE_RE = re.compile(
    r"\.[ \u00a0]+(?P<a>" + _BIB_NAMES + r"(?:[ \u00a0]+et[ \u00a0]+al\.|[ \u00a0]+and[ \u00a0]+" + _BIB_NAMES
    + r"\.|\.))[ \u00a0]+(?:(?P<d>\*|_)(?P<v>[^*_\n]+?)(?P=d),[ \u00a0]+)?(?P<y>(?:19|20)\d{2})\.?[ \t\u00a0]*$"
)
_PLAIN_AUTHORS_RE = re.compile(
    r"[ \t\u00a0]*(?:[-–—|]|,)[ \t\u00a0]*(?P<a>(?:" + _NAME + r"|" + _NAME_WORD + r"(?=,?[ \u00a0]+et[ \u00a0]+al\b))"
    r"(?:(?:,[ \u00a0]+(?:and[ \u00a0]+)?|[ \u00a0]+and[ \u00a0]+)" + _NAME + r")*(?:,?[ \u00a0]+et[ \u00a0]+al\b\.?)?)"
    r"(?=[ \t\u00a0]*(?:$|[(\[,.;|]|[-–—][ \t\u00a0]))"
)
# A group label: bold text, then only a colon, emoji or a short note (`- **B. Personas** 🔥`, `(new)`).
# Entries with a bold title have a link, which a label never has (the caller checks).
_BOLD_ONLY_RE = re.compile(
    r"^(\*\*|__)(?P<text>(?:(?!\1).)+?)\1(?:[ \t\u00a0:：]|" + _EMOJI + r"|\([^()\[\]]{1,30}\))*$"
)
# A topic label in code with a colon (`+ `Machine Translation`:` over its papers); without the colon a code span
# may be a command or a name, no label.
_CODE_ONLY_RE = re.compile(r"^`(?P<text>[^`]+)`[ \t\u00a0]*[:：][ \t\u00a0]*$")
_LABEL_KINDS = ("bold", "italic", "code")  # the kinds of sections a bullet's label opens
_ITALIC_ONLY_RE = re.compile(r"^(?P<d>[*_])(?P<text>[^*_]+?)(?P=d)[ \t\u00a0:：]*$")
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
_EMOJI_RE = re.compile(_EMOJI)
_GENERIC_LINK_TEXT = re.compile(
    r"^\W*(paper|pdf|arxiv|link|url|doi|openreview|acl|abs|project|web|website|page|html|blog|"
    r"code|github|repo|huggingface|hf|dataset|data|model|demo|slides|video|poster)\W*$",
    re.I,
)
_PAPER_LINK_TEXT = re.compile(r"\W*(?:paper|pdf|arxiv|link|url|doi|openreview|acl|abs|html)\W*", re.I)
_CODE_LINK_TEXT = re.compile(r"^\W*(code|github|repo|project|demo|dataset|data|model|slides|video|poster)\W*$", re.I)

_SLUG_RE = re.compile(r"[^0-9a-z]+")
# Google Scholar (`scholar.google.com/scholar?q=<title>`, `scholar.google.de/scholar_url?url=...`): a search or a
# redirect with that click's parameters, not a paper's address.
_SCHOLAR_RE = re.compile(
    r"^[ \t]*(?:[a-z]+:)?(?://)?(?:[\w-]+\.)*scholar\.google\.[a-z]{2,3}(?:\.[a-z]{2})?(?:[/?#:]|$)", re.I
)
# A Scholar address anywhere in a line, to its end (`[[Paper](https://scholar.google.com/scholar?q=arxiv.org/abs/...)]`)
_SCHOLAR_URL_RE = re.compile(
    r"(?:[a-z]+:)?(?://)?(?:[\w-]+\.)*scholar\.google\.[a-z]{2,3}(?:\.[a-z]{2})?(?:[/?#:][^\s()\[\]<>\"']*)?", re.I
)
# A list's news or changelog ("🔥 News", "Latest updates", "What's new"): its bullets link papers they announce
# ("our survey is accepted"), and are not entries: no paper goes there and none is "on the list" by it.
_NEWS_RE = re.compile(r"(?:latest |recent )?(?:news|updates?|change ?log|what'?s new|announcements?)(?: and updates)?")
# The sections around a list that are about it, not part of it: its people, its citation, its neighbours
# ("Contributors", "How to cite", "Related awesome lists", "Star History"). Their links are no papers either.
# Contributing is the word alone or said of the list ("Contributing to This Collection", "How to Contribute",
# "Contribution Guidelines"), never with a topic ("Contributions of Synthetic Data" is a section of papers).
_ABOUT_LIST = r"(?:this|the|our)(?: awesome)?(?: paper)? (?:list|collection|repo|repository|project)"
_ABOUT_RE = re.compile(
    r"(?:our |main |core )?contributors?|(?:contributing|contributions?)(?: guide(?:lines?)?)?(?: (?:to|for) "
    + _ABOUT_LIST + r")?|"
    r"(?:how to |want to |wish to )?contribute(?: to " + _ABOUT_LIST + ")?|contributions? (?:are )?welcomed?|"
    r"how to add (?:a |your |new )?papers?|"
    r"curators?|maintainers?|about(?: us| this (?:list|repo|repository))?|"
    r"acknowledge?ments?|thanks|citations?|cite(?: us| this(?: \w+)?)?|how to cite|bibtex|licen[cs]e|"
    r"contact(?: us)?|star history|stargazers|(?:related|other|more|similar)(?: awesome)?(?: paper)? "
    r"(?:lists?|repos?|repositories|projects|resources)|awesome lists?"
)
# A `<details>` fold: its `<summary>` names a sub-section unless it only says how to open the fold or that it
# holds a table of contents or older papers.
_FOLD_TAG_RE = re.compile(r"^[ \t]*</?(?:details|summary)\b", re.I)
_FOLD_TOKEN_RE = re.compile(
    r"(?P<open><details\b[^>]*>)|(?P<close></details\s*>)|<summary\b[^>]*>(?P<summary>.*?)</summary\s*>", re.I
)
_FOLD_ONLY_RE = re.compile(
    r"(?:(?:click|tap|here|to|expand|collapse|show|hide|see|view|read|open|toggle|all|full|the|more|less|"
    r"older|earlier|previous|past|archived?|list|details|papers|entries|items|works|table|of|contents|toc|"
    r"\d+|[^\w\s])\s*)*",
    re.I,
)
# A table's delimiter row (`| --- | :---: |`) under its header row.
_TABLE_DELIM_RE = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
# What a table column holds, by its header; the first match wins (a "Published in" column is the venue).
_COLUMN_ROLES = (
    ("authors", re.compile(r"authors?|by|writers?")),
    ("venue", re.compile(
        r"(?:venue|conf(?:erence)?|journal|publication|published in|publisher|pub|source)(?: (?:with |and )?date)?"
    )),
    ("date", re.compile(r"date|year|time|month|published|released?")),
    ("title", re.compile(r"(?:paper )?(?:titles?|names?)|papers?|works?|articles?")),
    # `| # |`, `| No. |`: the row's number, which a new row continues (`_numbering`)
    ("number", re.compile(r"|no|nr|num(?:ber)?|(?:s|sr|sl) ?no|idx|index")),
    # facts of the row's own paper that paperbot does not know (who made it, what it does): a new row leaves them
    # empty, as guessing the most common one (`Tsinghua, BAAI`, `T2V`) would write a wrong fact under its title
    ("about", re.compile(
        r"(?:first )?(?:institutes?|institutions?|affiliations?|organi[sz]ations?|orgs?|labs?|teams?|companies|"
        r"company|countries|country|tasks?|outputs?|inputs?|keywords?|tags?|tl ?dr|summary|highlights?|notes?|"
        r"contributions?|modalit(?:y|ies))"
    )),
)
# A table cell that cites a paper by its authors or as the list's own (`Fan *et al.*`, `**_Ours_**`) rather than
# by its title: without an arXiv link it names no work one could know again.
_CITATION_RE = re.compile(
    r"(?:" + _NAME_WORD + r"(?:[ \u00a0]+" + _NAME_WORD + r")?,?[ \u00a0]+et[ \u00a0]+al\.?|ours)", re.I
)
_NUMBER_PREFIX_RE = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[a-z]\.|[ivx]+\.)\s+", re.I)


_ASIDE_SAID = ("the list's news or changelog or about the list (its contributors, citation, star history...), where "
               "no paper goes")


# Words a maintainer heads a hand-picked short list with ("⭐ Starter Kit", "🔥 10 to Watch (2026)", "Must-read
# Papers", "Top 10", "Highlights", "Recommended"): a second cue beside its papers being listed elsewhere too.
_CURATED_RE = re.compile(
    r"(?i)\b(?:starter|must[- ]?(?:reads?|see)|top[- ]?\d+|\d+ to watch|to watch|highlights?|recommend(?:ed|ations?)|"
    r"essentials?|(?:editor'?s? |our |staff )?(?:picks?|choices?)|featured|spotlights?|getting started|start here|"
    r"read (?:these )?first|seminal|key papers|hall of fame|favou?rites?)\b"
)
# A hand-picked section's papers are listed in the list's topic sections too: at least this share of them. Both
# cues at once: a topic section whose papers a related topic also lists (the seed list's `6.7 Writing`, 3 of 4) is
# no short list, nor is a heading with such a word over papers of its own.
_CURATED_SHARE = 0.5


def _is_aside(title: str) -> bool:
    """A news, changelog or about-the-list heading: no entries under it."""
    words = " ".join(re.sub(r"[^a-z' ]+", " ", title.lower().replace("\u2019", "'")).split())
    return bool(_NEWS_RE.fullmatch(words) or _ABOUT_RE.fullmatch(words))


def _is_pointer(heading: str) -> bool:
    """A heading that is only a link to an anchor (`### 📚 [Papers](#papers)`): it points at a section elsewhere."""
    links = _links(heading)
    rest = _EMOJI_RE.sub("", _LINK_RE.sub("", heading))
    return bool(links) and all(_is_local(lk) for lk in links) and not re.sub(r"[\W_]+", "", rest)


def _setext_level(lines: Sequence[str], n: int) -> int | None:
    """1 or 2 when line n is the text of a setext heading (`Title` over `===` or `---`), else None.

    Only a one-line paragraph that starts after a blank line or a heading counts: under a blank line `---`
    is a thematic break, and a line right after a bullet is that bullet's lazy continuation.
    """
    if n + 1 >= len(lines) or not (u := _SETEXT_RE.match(_content(lines[n + 1]))):
        return None
    text = _content(lines[n]).lstrip("\ufeff") if n == 0 else _content(lines[n])
    if not text.strip() or len(text) - len(text.lstrip(" ")) > 3 or text.lstrip().startswith(("<", "|", ">")):
        return None
    if _BULLET_RE.match(text) or _HEADING_RE.match(text) or _FENCE_RE.match(text) or _SETEXT_RE.match(text):
        return None
    if n > 0 and _content(lines[n - 1]).strip() and not _HEADING_RE.match(_content(lines[n - 1])):
        return None
    return 1 if u.group(1)[0] == "=" else 2


def _split_lines(text: str) -> list[str]:
    """Lines with their own endings (only "\\n" ends a line; a "\\r" before it stays part of the ending)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


def _content(line: str) -> str:
    return line.rstrip("\r\n")


def _ending(line: str) -> str:
    return line[len(_content(line)):]


# An HTML entity as GitHub shows it (`&nbsp;`, `&amp;`, `&#124;`, `&#x27;`); only with its `;`, as `&copy` without one
# may be the start of a word or of a URL's query (`?a=1&copy=2`).
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _entity(m: re.Match[str]) -> str:
    """The character an entity stands for; a space of any width (`&nbsp;`, `&ensp;`) as a space, since a summary's
    `<strong>Lip-sync manipulation</strong> &nbsp;<sub>3 entries</sub>` spaces the name from its count so."""
    text = html.unescape(m.group(0))
    return " " if text.isspace() else text


def _hard_break(line: str) -> str:
    """The two spaces or more that end a line of text, a Markdown line break; "" where there are fewer."""
    m = re.search(r"(?<=\S)  +$", _content(line))
    return m.group() if m else ""


def plain_text(markdown: str) -> str:
    """Display text of inline markdown: links become their text, emphasis, HTML and anchors vanish."""
    escaped: list[str] = []

    def hide(m: re.Match[str]) -> str:
        escaped.append(m.group(1))
        return chr(0xE000 + len(escaped) - 1)  # private-use placeholder: escaped characters are literal text

    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~])", hide, markdown)
    text = _IMAGE_RE.sub("", text)
    text = _LINK_RE.sub(lambda m: m.group("text"), text)
    text = _HTML_TAG_RE.sub("", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w\\])([*_])(?!\s)(.+?)(?<![\s\\])\1(?!\w)", r"\2", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = _ENTITY_RE.sub(_entity, text)
    text = re.sub(
        r"[\uE000-\uF8FF]",
        lambda m: escaped[n] if (n := ord(m.group(0)) - 0xE000) < len(escaped) else m.group(0),
        text,
    )
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def _slug(text: str) -> str:
    return _SLUG_RE.sub("-", text.lower()).strip("-") or "section"


def _norm_component(text: str) -> str:
    """A path component as `--section` matches it: spacing, a closing colon, emoji and other pictographs do not
    count ("News" finds "🔥 News", "Pre-Training" finds "▶️ Pre-Training")."""
    text = _EMOJI_RE.sub(" ", text.replace("\u00a0", " ").replace("\u200d", ""))
    text = "".join(" " if unicodedata.category(c) == "So" or c == "\ufe0f" else c for c in text)
    return re.sub(r"\s+", " ", text).strip().rstrip(":：").strip().casefold()


def paper_key(url: str, title: str, extra_urls: Iterable[str] = ()) -> tuple[str, str | None]:
    """Identity of a work: arXiv id, else openreview / ACL anthology / DOI id, else normalised title. A Google
    Scholar link is a search (its query may hold an address, a redirect's a click's `&scisig=...`): no identity."""
    if _SCHOLAR_RE.match(url):
        url = ""
    arxiv_id = arxiv_id_from_url(url)
    if arxiv_id is None:
        for other in extra_urls:
            if _SCHOLAR_RE.match(other):
                continue
            arxiv_id = arxiv_id_from_url(other)
            if arxiv_id:
                break
    if arxiv_id:
        return f"arxiv:{arxiv_id}", arxiv_id
    if key := work_key(url):
        return key, None
    return f"title:{normalize_title(title)}", None


# ---------------------------------------------------------------- entries


@dataclass(frozen=True)
class _Link:
    text: str
    url: str
    start: int
    end: int


def _links(body: str) -> list[_Link]:
    return [_Link(m.group("text"), m.group("url"), m.start(), m.end()) for m in _LINK_RE.finditer(body)]


def _is_badge(link: _Link) -> bool:
    return link.text.lstrip().startswith("![")


def _is_local(link: _Link) -> bool:
    return link.url.startswith("#") or not link.url


@dataclass(frozen=True)
class _ParsedEntry:
    """Where each part of an entry sits in its body text, so a sibling can serve as a template."""

    title: str
    url: str
    authors: str
    venue: str
    marks: tuple[str, ...]
    title_span: tuple[int, int]  # raw span of the title text inside the body
    url_span: tuple[int, int]
    authors_span: tuple[int, int] | None  # raw span inside the emphasis delimiters
    venue_span: tuple[int, int] | None
    other_links: tuple[tuple[int, int], ...]  # links that are not the main one (code, project...)
    extra_urls: tuple[str, ...]
    lead_end: int = 0  # end of the marks before the title (🔥, a badge, a date): that paper's, not a style
    date: str = ""  # a date in brackets before the title (`[2024/11]`), written for a new entry in its form
    date_span: tuple[int, int] | None = None
    own_len: int = 0  # the part of the body that is the entry's own line(s), not a description below it
    # `[tool](url): A framework for ...`: that work's description after a colon, its colon too; no venue, no shape
    note_span: tuple[int, int] | None = None
    # `**GaussianAD**: Gaussian-Centric End-to-End ...`: the method's short name before its title (_NAMED_TITLE_RE)
    name_span: tuple[int, int] | None = None


def _url_span(body: str, link: _Link) -> tuple[int, int]:
    start = body.index(link.url, link.start + len(link.text) + 2)
    return start, start + len(link.url)


def _is_venue_name(text: str) -> bool:
    return bool(_VENUE_NAME_RE.fullmatch(text.strip())) and "," not in text


def _strip_emphasis_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to the inside of the emphasis markers wrapping it (**Title** -> Title)."""
    while end - start >= 2 and body[start] in "*_" and body[end - 1] == body[start]:
        start, end = start + 1, end - 1
    return start, end


def _lead_marks(body: str, code: bool = True) -> tuple[int, tuple[str, ...]]:
    """End of the marks before an entry's title (emoji, badges, a short code span such as a date) and the
    marks as read (the emoji, the badge's alt text, the code): they belong to that paper, not to its title."""
    pos, marks = 0, []
    while (m := _LEAD_MARK_RE.match(body, pos)) and m.end() > pos:
        mark = m.group("mark")
        if mark.startswith("`") and (not code or _code_tag(body, m.start("mark"))):
            break  # `` `[SAC 2022]` ``: the venue before the title, read as the entry's venue
        marks.append(mark if _EMOJI_RE.match(mark) else plain_text(re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", mark)))
        pos = m.end()
    return pos, tuple(marks)


def _code_tag(body: str, pos: int) -> re.Match[str] | None:
    """A venue or date in brackets in code before a title (`` `[SAC 2022]` ``) at `pos`; a link's name in code
    (`` `[code]` ``) is none."""
    m = _CODE_TAG_RE.match(body, pos)
    return m if m and not _GENERIC_LINK_TEXT.match(m.group("tag")) else None


def _names_text(markdown: str) -> str:
    """Authors as read: without the marks of shared first authorship or affiliation (`Xiulong Yang<sup>1</sup>`)."""
    return plain_text(re.sub(r"<sup>[^<>]{0,8}</sup>", "", markdown, flags=re.I))


def _own_extent(body: str, own: int, title_end: int, line_ends: Sequence[int]) -> int:
    """How much of a joined multi-line bullet is its own line (see `_parse_entry_body`)."""
    for end in line_ends:
        if end >= title_end:  # the title or its link wraps: the lines it spans are the entry's own
            own = max(own, end)
            break
    later = [end for end in line_ends if end > own]
    if later and not body[title_end:own].strip(" \t\u00a0.,|") and _AUTHOR_LINE_RE.match(body[own + 1: later[0]]):
        own = later[0]  # `[Title](url)` alone, `*Authors* Venue 2024.` on the line below
    return own


def _recurring_venues(lines: Sequence[str]) -> frozenset[str]:
    """Names that two bullets or more write after their plain title's last comma (`Title, Acta Automatica Sinica
    [[Paper](url)]`): a venue there, though no year or acronym says so, as a title's own last words hardly recur."""
    tails: Counter[str] = Counter()
    for line in lines:
        if not (bm := _BULLET_RE.match(_content(line))):
            continue
        body = bm.group("body")
        seg = body[: lk.start()] if (lk := _LINK_RE.search(body)) else body
        tail = re.search(r",[ \t\u00a0]+(?P<v>[^,]+)$", seg.rstrip(" \t\u00a0|-–—:,["))
        if tail and _JOURNAL_RE.fullmatch(tail.group("v")):
            tails[tail.group("v")] += 1
    return frozenset(v for v, n in tails.items() if n >= 2)


# A bullet that opens with a method's short name in bold, a colon and its title (yyxisgreat-ops/GE2EAD's `- **VAD**:
# Vectorized Scene Representation for Efficient Autonomous Driving, **ICCV 2023** [[Paper](url)]`); a title in quotes
# after the colon (`**LLaMA**: "LLaMA: Open ..."`) is another shape, read as such.
_NAMED_TITLE_RE = re.compile(
    r"(?P<d>\*\*|__)(?P<name>[^*_\s][^*_]{0,29}?)(?P=d)[ \t\u00a0]*[:：][ \t\u00a0]+(?P<title>[^\s\"“*_\[][^\[]*?)"
    r"[ \t\u00a0]*\[?$"
)
# Words that open a title before its colon but name no method (`Position: ...`, ICML's position papers).
_NO_NAME_WORDS = frozenset({"position", "survey", "review", "tutorial", "perspective", "commentary", "editorial"})


def short_name(text: str) -> bool:
    """Whether `text` (what a title writes before its first colon, or a bold name) is a method's short name: one
    word (`FUSION`, `Hint-AD`), or two with a capital inside a word or a digit (`LLaMA 2`), so `Position` or
    `Deep Learning` (`Deep Learning: A Survey`) is none."""
    words = text.split()
    if not 1 <= len(words) <= 2 or len(text) > 30 or not re.match(r"[^\W_]", text) or text.endswith("."):
        return False
    if not re.search(r"[^\W\d_]", text) or text.casefold() in _NO_NAME_WORDS:
        return False
    return len(words) == 1 or any(re.search(r"\w[A-Z\d]|\d", w) for w in words)


def _writes_names_first(lines: Sequence[str]) -> bool:
    """Whether three bullets or more open with a short name in bold, a colon and a title before their link (`- **VAD**:
    Vectorized Scene Representation ... [[Paper](url)]`): the list names each method so before its title, which a
    bold text before a colon elsewhere (`**2026.06.18**: Survey released`, a title and its description) is not."""
    n = 0
    for line in lines:
        if not (bm := _BULLET_RE.match(_content(line))) or not (link := _LINK_RE.search(body := bm.group("body"))):
            continue
        if (m := _NAMED_TITLE_RE.match(body[: link.start()])) and short_name(m.group("name")):
            n += 1
    return n >= 3


# What follows a bullet's last link after a bar, to the line's end (`[Title](url) | Carnegie Mellon University`,
# Jason-cs18/HetServe-LLMs): an affiliation where the list writes institutions there (_writes_affiliations).
_BAR_TAIL_RE = re.compile(r"[ \t\u00a0]*\|[ \t\u00a0]*(?P<a>[^|\[\]()*_`<>\n]*?[^|\[\]()*_`<>\s])[ \t\u00a0]*$")
# A word only an institution's name holds: `Carnegie Mellon University`, `Google Research`, `Alibaba Group`,
# `Georgia Tech` (`Univeristy` as a hand types it); and the companies a list names alone (`OpenAI`, `Microsoft`).
_INSTITUTION_RE = re.compile(
    r"\b(?:Univ\w*|Institut\w*|Labs?|Laborator\w*|College|Academy|Inc|Research|Group|Tech|School|Cent(?:er|re)|"
    r"Corp\w*|Brain|Google|Microsoft|Meta|DeepMind|OpenAI|Anthropic|NVIDIA|Apple|Amazon|IBM|Alibaba|Tencent|"
    r"ByteDance|Baidu|Huawei|Samsung|Intel|AI)\b"
)


def _writes_affiliations(lines: Sequence[str]) -> bool:
    """Whether the text a bar puts after the bullets' links names institutions, in most of them and twice or more
    (`- [arXiv 2023.02] [Title](url) | UC Berkeley`, `| Carnegie Mellon University`): the list writes each paper's
    affiliation there, which reads as a name or two (`Carnegie Mellon`) but names no one, and which paperbot does
    not know for a new paper."""
    tails = []
    for line in lines:
        if not (bm := _BULLET_RE.match(_content(line))) or not (links := list(_LINK_RE.finditer(bm.group("body")))):
            continue
        if tail := _BAR_TAIL_RE.fullmatch(bm.group("body"), links[-1].end()):
            tails.append(bool(_INSTITUTION_RE.search(tail.group("a"))))
    return sum(tails) >= 2 and sum(tails) * 2 > len(tails)


def _writes_bracket_venues(lines: Sequence[str]) -> bool:
    """Whether two bullets or more open with `[arXiv]` before a plain title and its link (`- [arXiv] JMLR: Joint
    medical LLM ... [[Paper]](url)`): the list writes each paper's venue in brackets before its title, with a year or
    without one (`[AAAI]`, `[NPJ Digit. Med.]`), so a new entry writes its venue there too."""
    n = 0
    for line in lines:
        if not (bm := _BULLET_RE.match(_content(line))) or not (m := _YEARLESS_TAG_RE.match(body := bm.group("body"))):
            continue
        if re.fullmatch(r"arxiv", m.group("tag").strip(), re.I) and re.match(r"[^\[\]()\s]", body[m.end():]):
            n += 1  # `[arXiv] Title`, not `[arXiv] [Title](url)` nor `[arXiv] (2023)`
    return n >= 2


def _paragraph_end(lines: Sequence[str], i: int) -> int | None:
    """The line after the paragraph that starts at line i (unindented, after a blank line, a heading or a fold's
    tag), or None where no paragraph starts there. It ends at a blank line, a bullet, a heading, a fence or a fold."""
    raw = _content(lines[i]).lstrip("\ufeff") if i == 0 else _content(lines[i])
    if not raw.strip() or raw[:1] in " \t" or raw.startswith(("<", ">", "|")):
        return None
    if i > 0 and (prev := _content(lines[i - 1])).strip() and not (
            _HEADING_RE.match(prev) or _SETEXT_RE.match(prev) or _FOLD_TAG_RE.match(prev)):
        return None
    end = i + 1
    while end < len(lines) and (text := _content(lines[end])).strip() and not (
            _BULLET_RE.match(text) or _HEADING_RE.match(text) or _FENCE_RE.match(text) or _FOLD_TAG_RE.match(text)):
        end += 1
    return end


def _joined_paragraph(lines: Sequence[str], start: int, end: int) -> tuple[str, tuple[tuple[int, str], ...]]:
    """A paragraph's lines as one text, each joined by one space, and what each joining space stands for: the line's
    break mark (` \\`, `<br>`), its ending and the next line's indent, as `_Item.breaks` records them."""
    parts: list[str] = []
    breaks: list[tuple[int, str]] = []
    gap, at = "", 0
    for j in range(start, end):
        text = _content(lines[j]).lstrip("\ufeff") if j == 0 else _content(lines[j])
        tail = _LINE_TAIL_RE.search(text)
        core = text[: tail.start()] if tail else text
        lead = len(core) - len(core.lstrip()) if parts else 0
        if parts:
            breaks.append((at, gap + text[:lead]))
            at += 1
        parts.append(core[lead:])
        at += len(core) - lead
        gap = text[len(core):] + _ending(lines[j])
    return " ".join(parts), tuple(breaks)


def _is_entry_paragraph(body: str) -> bool:
    """A paragraph is an entry when it starts with its title, bold (`**Title** \\` over `*Authors* \\` and
    `arXiv 2022. [[Paper](url)]`) or linked (`[**Title**](url) 2021.9`), and links a paper: by a link named so
    (`[Paper]`, `[pdf]`), an address that says which paper (arXiv, OpenReview, ACL Anthology, DOI) or a bold linked
    title. Running text (`See [our site](url)`), a label (`**Summary**: ...`) and a post's `[[Website](url)]` are no
    entries."""
    lead_end, _ = _lead_marks(body)
    if code_tag := _code_tag(body, lead_end):
        lead_end = code_tag.end()
    links = [lk for lk in _links(body) if not _is_badge(lk) and not _is_local(lk)]
    if not links:
        return False
    paperish = any(
        _PAPER_LINK_TEXT.fullmatch(plain_text(lk.text)) or not paper_key(lk.url, "")[0].startswith("title:")
        for lk in links
    )
    if links[0].start == lead_end:  # `[**Title**](url) ...`
        first = links[0]
        if _GENERIC_LINK_TEXT.match(plain_text(first.text)):
            return False
        return paperish or bool(re.fullmatch(r"(\*\*|__)[^*_].*\1", first.text.strip()))
    # `**Summary**: The paper ... [paper](url)`: a label over a note, no title
    bold = re.match(r"(\*\*|__)(?!\s)(?P<t>.+?)\1(?P<colon>[ \t\u00a0]*[:：])?", body[lead_end:])
    return bold is not None and not (bold.group("colon") or bold.group("t").rstrip().endswith((":", "："))) and paperish


def _parse_entry_body(
    body: str, first_line: int | None = None, line_ends: Sequence[int] = (), venues: frozenset[str] = frozenset(),
    bracket_venues: bool = False, names_first: bool = False, affiliations: bool = False,
) -> _ParsedEntry | None:
    """Title, link, authors and venue of one bullet's text, or None if it names no linked work.

    Authors and venue are only read from the bullet's own line (`first_line` characters): text on
    continuation lines is a description (e.g. `  _Trains LLMs to ..._`), not an author list. A title
    wrapped onto the next line extends the bullet's own line to where the title's link ends; a
    continuation line that holds `*Authors* Venue Year` after a bare `[Title](url)` line is read too.
    `line_ends` are the positions in `body` where each joined line ends. `bracket_venues`: the list writes its
    venues in brackets before the title, a year or none (`[arXiv] Title`, _writes_bracket_venues); `names_first`:
    its bullets open with a method's short name in bold before the title (`**VAD**: Title`, _writes_names_first);
    `affiliations`: what a bar puts after its links is an institution (`| Carnegie Mellon University`,
    _writes_affiliations), no author and no venue.
    """
    own = len(body) if first_line is None else first_line
    links = [lk for lk in _links(body) if not _is_badge(lk) and not _is_local(lk)]
    if not links:
        return None
    first = links[0]
    lead_end, lead_marks = _lead_marks(body[: first.start])
    title_from, tag = lead_end, _LEAD_TAG_RE.match(body, lead_end) or _code_tag(body, lead_end)
    title_tag: re.Match[str] | None = None  # `[ICML 2025] [Title](url)`: the tag before the title's link
    if tag is None and bracket_venues and (bare := _YEARLESS_TAG_RE.match(body, lead_end)):
        tag = bare  # `[arXiv] JMLR: ...`, `[NPJ Digit. Med.] A large language model ...`
    if tag and tag.end() <= first.start and (body[tag.end(): first.start].strip() or tag.re is _CODE_TAG_RE):
        # `[2024/11] **Title** ...`, `` `[SAC 2022]` Title [[paper]](url) ``, `` `[Arxiv 2024]` [Title](url) ``: the
        # title starts after the date or venue
        title_from = tag.end()
    else:
        tag = None
        if (m := _TITLE_TAG_RE.match(body, lead_end)) and m.end() == first.start and not _GENERIC_LINK_TEXT.match(
                plain_text(first.text)):
            title_tag, title_from = m, m.end()
    lead = body[title_from: first.start].strip()
    main: _Link
    tail_venue = False
    tail_cite: tuple[int, int] | None = None  # `Title, Wang et al.`: the authors' span, cut from the title
    code_venue: tuple[int, int] | None = None
    quote_note: tuple[int, int] | None = None
    lead_date: tuple[int, int] | None = None
    name_span: tuple[int, int] | None = None
    if not lead.strip("*_ \u00a0") and not _GENERIC_LINK_TEXT.match(plain_text(first.text)):
        # `[Title](url) ...` or `[**Title**](url) ...` (after marks such as `🔥 ` or `` `2024.05` ``)
        main = first
        ts, te = first.start + 1, first.start + 1 + len(first.text)
        ts, te = _strip_emphasis_span(body, ts, te)
        title_end = first.end
    else:
        # `**Title** | ... | [paper](url)` or `Title. [[pdf]](url)`: the title is the text before the first link
        paperish = [lk for lk in links if not _CODE_LINK_TEXT.match(plain_text(lk.text))]
        main = paperish[0] if paperish else first
        lead_raw = body[title_from: first.start]
        m = re.match(r"^\s*(\*\*|__)(.+?)\1", lead_raw)
        quoted = re.match(r"[ \t\u00a0]*[:：][ \t\u00a0]*\"(?P<q>[^\"]+)\"", lead_raw[m.end():]) if m else None
        named = _NAMED_TITLE_RE.match(lead_raw) if names_first else None
        if named and short_name(named.group("name")):
            # `**VAD**: Vectorized Scene Representation ..., **ICCV 2023** [[Paper](url)]`: the method's name, then its
            # title (the name again where the list repeats it, `**LAP**: LAP: Fast ...`), then the venue after a comma
            title_text = named.group("title")
            if (bold := re.search(r",[ \t\u00a0]+(\*\*|__)(?P<v>[^*_]+)\1$", title_text)) and _is_venue_name(bold["v"]):
                title_text = title_text[: bold.start()]
            ts = title_from + named.start("title")
            te = ts + len(title_text)
            title_end = te
            name_span = (title_from + named.start("name"), title_from + named.end("name"))
        elif m and quoted:
            # `**LLaMA**: "LLaMA: Open and Efficient ..." [2023-02]`: a short name, then the title in quotes; the
            # name is that paper's, no shape for a new entry
            ts, te = title_from + m.end() + quoted.start("q"), title_from + m.end() + quoted.end("q")
            title_end = te + 1
            lead_end = ts - 1
        elif m:
            ts, te = title_from + m.start(2), title_from + m.end(2)
            title_end = title_from + m.end()
            # `**Title** `ICLR23`` then `[2022.03][[Paper](url)]`: the code span is the venue, the bracket the date
            # (`    > Named APPS` between them: that paper's note, in a quote)
            if tagged := re.fullmatch(
                r"[ \t\u00a0]*`(?P<v>[^`]{1,30})`[ \t\u00a0]*(?:(?P<q>>[^\[\]`]*?)[ \t\u00a0]*)?"
                r"(?:\[(?P<d>" + _DATE_TAG_RE.pattern + r")\][ \t\u00a0]*)?\[?",
                lead_raw[m.end():],
            ):
                code_venue = (title_from + m.end() + tagged.start("v"), title_from + m.end() + tagged.end("v"))
                if tagged.group("q"):
                    quote_note = (title_from + m.end() + tagged.start("q"), title_from + m.end() + tagged.end("q"))
                if tagged.group("d"):
                    lead_date = (title_from + m.end() + tagged.start("d"), title_from + m.end() + tagged.end("d"))
        else:
            # a plain-text title: a code span before it is part of it (`` `Toolformer`: Language ... ``)
            if tag is None:
                lead_end, lead_marks = _lead_marks(body[: first.start], code=False)
                title_from = lead_end
            lead_raw = body[title_from: first.start]
            seg = lead_raw.split(" | ")[0]
            stripped = seg.rstrip(" \t\u00a0|-–—:,[")  # `Title [[paper](url)]`: the bracket wraps the link
            if cite := _CITE_TAIL_RE.search(stripped):
                tail_cite = (title_from + cite.start("a"), title_from + cite.end("a"))
                stripped = stripped[: cite.start()]
            tail = re.search(r",[ \t\u00a0]+(?P<v>[^,]+)$", stripped)
            wrapped = re.search(r",[ \t\u00a0]*(?P<v><(?P<t>ins|u|em|i|b|small)>[^<>]+</(?P=t)>)$", stripped)
            bracketed = re.search(r"[ \t\u00a0]+(?P<d>\*\*|__)?\[(?P<v>[^\[\]]+)\](?P=d)$", stripped)
            if bracketed and bracketed.group("d") and _is_venue_name(bracketed.group("v")):
                # `Title **[ICML 2025]** [[Paper](url)]`: the bracketed venue after the title
                stripped = stripped[: bracketed.start()]
                tail_venue = True
            elif wrapped and re.search(r"\b(?:19|20)\d{2}\b|\barxiv\b", wrapped.group("v"), re.I):
                # `Title, <ins>arXiv, 2024</ins> [[Paper](url)]`: the tag holds the venue, its comma and all
                stripped = stripped[: wrapped.start()]
                tail_venue = True
            elif (journal := re.search(r",[ \t\u00a0]+(?P<v>[^,]+),[ \t\u00a0]+(?:19|20)\d{2}$", stripped)) and (
                    _JOURNAL_WORD_RE.search(journal.group("v")) and _JOURNAL_RE.fullmatch(journal.group("v"))):
                # `Title, IEEE Transactions on Fuzzy Systems, 2020 [[Paper](url)]`: the journal and its year
                stripped = stripped[: journal.start()]
                tail_venue = True
            elif tail and (_is_venue_name(tail.group("v")) or tail.group("v") in venues):
                stripped = stripped[: tail.start()]  # `Title, arXiv [[Paper](url)]`: the venue after the comma
                tail_venue = True  # `Acta Automatica Sinica` is no author list
            ts = title_from + len(seg) - len(seg.lstrip(" \t\u00a0"))
            te = title_from + len(stripped)
            if te <= ts:
                return None
            title_end = te
            # `[Generative Adversarial Nets] [[Paper]](url)`: the title in brackets before a link named for what it
            # is; the brackets are no part of it, as a date or venue tag there (`[arXiv 2025] [[paper]](url)`) is no
            # title
            if (boxed := re.fullmatch(r"\[(?P<t>[^\[\]]+)\]", body[ts:te])) and _GENERIC_LINK_TEXT.match(
                    plain_text(first.text)) and not _is_venue_name(boxed["t"]) and not (
                    (lead_tag := _LEAD_TAG_RE.match(body, ts)) and lead_tag.end() >= te):
                ts, te = ts + 1, te - 1
    if first_line is not None and line_ends:
        own = _own_extent(body, own, max(title_end, main.end), line_ends)
    title = plain_text(body[ts:te])
    if not title:
        return None
    url_span = _url_span(body, main)
    # Authors: the first italic span after the title part that is not a link text.
    rest_from = title_end
    authors, authors_span = "", None
    cited = _PAREN_CITE_RE.match(body, rest_from)
    bib = None if tail_cite else _BIB_CITE_RE.match(body, rest_from, own)
    if cited and cited.end() > own:
        cited = None
    italics = re.finditer(r"(?<![*\w\\])(\*|_)(?!\s|\*)(?P<a>(?:\\.|[^*_\\])+?)(?<![\s\\])\1(?![*\w])", body)
    for m in [] if cited or tail_cite else italics:
        if m.start() < rest_from or any(lk.start <= m.start() < lk.end for lk in links):
            continue
        if m.start() >= own:
            break
        between = _IMAGE_RE.sub("", _LINK_RE.sub("", body[rest_from: m.start()]))
        text = plain_text(m.group("a"))
        if re.search(r"[^\W_]", between):
            if _PLAIN_AUTHORS_RE.match(body, rest_from):
                break  # `**T** — Jane Doe (2025). [paper](url). _Why it matters:_ ...`: a note after plain authors
        elif _is_venue_name(text) or _NO_NAMES_RE.fullmatch(text):
            break  # a venue in italics right after the title (`**Title** *arXiv*`, `*Nature*`)
        authors, authors_span = _names_text(m.group("a")), (m.start("a"), m.end("a"))
        break
    if cited:
        authors, authors_span = plain_text(cited.group("a")), cited.span("a")
    affiliation = _BAR_TAIL_RE.match(body, rest_from) if affiliations and authors_span is None else None
    if affiliation and affiliation.end() > own:
        affiliation = None
    plain = not tail_venue and authors_span is None and affiliation is None \
        and (m := _PLAIN_AUTHORS_RE.match(body, rest_from)) is not None and m.end() <= own
    if plain and m is not None:
        authors, authors_span = plain_text(m.group("a")), (m.start("a"), m.end("a"))
    if tail_cite:
        authors, authors_span, plain = plain_text(body[slice(*tail_cite)]), tail_cite, True
    # Venue: the plain text after the authors (or after the title link), up to the next link.
    vstart = authors_span[1] + (not plain) if authors_span else rest_from
    later_links = [lk for lk in links if lk.start >= vstart]
    vend = min(later_links[0].start if later_links else len(body), own)
    if affiliation:
        # `| Carnegie Mellon University`: that paper's affiliation, no author nor venue; a new entry leaves it out
        vend = affiliation.start()
    vstart = min(vstart, vend)
    raw = body[vstart:vend]
    marks = tuple(m.group(0) for m in _EMOJI_RE.finditer(body[rest_from:]))
    venue_text = _EMOJI_RE.sub("", raw)
    lstrip = len(venue_text) - len(venue_text.lstrip(" \t\u00a0|.,-–—"))
    core = venue_text.strip(" \t\u00a0|-–—,").removesuffix("[").rstrip()  # `[` opening a `[[paper](url)]`
    core = core.lstrip(".").strip()
    if plain and (paren := re.fullmatch(r"\(([^()]*)\)[.,;]?", core)):
        core = paren.group(1).strip()  # `Jane Doe (2023)`, `Jane Doe (2025, ICML 2025).`: the brackets are the shape
    note_span = quote_note
    if affiliation:
        note_span = (body.index("|", affiliation.start()), affiliation.end("a"))
    if authors_span is None and not cited and (colon := re.match(r"[:：](?=[ \t\u00a0]|$)", core)):
        # `[multilingual-code-evals](url): Multilingual Code Models Evaluation.`: a description in the list's words,
        # no venue; a venue's name after the colon (`[Title](url): ICLR 2024`) is one still
        if _is_venue_name(core[colon.end():]):
            core = core[colon.end():].strip()
        else:
            if (at := body.find(core, vstart)) >= 0:
                note_span = (at, at + len(core))
            core = ""
    venue = plain_text(core)
    venue_span = None
    if venue:
        s = body.find(core, vstart + lstrip if lstrip else vstart)
        if s >= 0:
            venue_span = (s, s + len(core))
            shape = r"(?:In[ \u00a0]+)?(?P<d>\*\*|__|\*|_)(?P<o>\[)?(?P<v>[^*_\[\]]+)(?(o)\])(?P=d),?"
            if shaped := re.fullmatch(shape, core):
                # `*arXiv*`, `In **WWW 2024**,`, `**[ICML 2025]**`: the emphasis and the words around it are the shape
                venue, venue_span = plain_text(shaped.group("v")), (s + shaped.start("v"), s + shaped.end("v"))
            elif shaped := re.fullmatch(r"<(?P<t>ins|u|em|i|b|small)>(?P<v>[^<>]+)</(?P=t)>", core):
                # `<ins>arXiv, 2024</ins>`: the tag is the shape too
                venue, venue_span = plain_text(shaped.group("v")), (s + shaped.start("v"), s + shaped.end("v"))
    if cited:
        # `(Wang et al., arXiv 2023) - *The canonical survey.*`: the venue in the brackets; the note after is no venue
        venue, venue_span = plain_text(cited.group("v")), cited.span("v")
    if code_venue and not venue:
        venue, venue_span = body[slice(*code_venue)], code_venue
    date, date_span = "", None
    if lead_date:
        date, date_span = body[slice(*lead_date)], lead_date
    if venue_span and (dated := re.fullmatch(r"\[(" + _DATE_TAG_RE.pattern + r")\]", core)):
        # `"Title" [2023-02] [[paper](url)]`: a date after the title, not a venue
        venue, venue_span, date = "", None, dated.group(1)
        date_span = (s + 1, s + 1 + len(date))
    if date_span is None and links and (after := re.compile(
        r"\]?[ \t\u00a0]*(?P<d>" + _DATE_TAG_RE.pattern + "|" + _WORD_DATE_RE.pattern + r")(?![\w.])"
    ).match(body, links[-1].end)) and after.end() <= own:
        # `*Authors*[[paper]](url) 2021.9`, `[[Paper](url)] \` over `18 Aug 2022`: the date after the last link is that
        # paper's, not a shape to copy, and no venue (`[**Title**](url) 2021.9`)
        date, date_span = after.group("d"), after.span("d")
        if venue_span == date_span:
            venue, venue_span = "", None
    if bib and not cited:
        # `. Fang et al. *arXiv 2508.07407*, 2025.`: the names, the italics and the year, each in its own place
        authors, authors_span = plain_text(bib.group("a")), bib.span("a")
        venue, venue_span = (plain_text(bib.group("v")), bib.span("v")) if bib.group("v") else ("", None)
        date, date_span, note_span = bib.group("y"), bib.span("y"), None
    if title_tag is not None:
        # `[ICML 2025] [Title](url) [Code](url)`: the tag is the entry's venue (what follows the link, an affiliation
        # or a note, is no venue then), its date (`[2024/11]`), else that paper's mark (`[arxiv, Anthropic]`)
        group = "square" if title_tag.group("square") is not None else "round"
        text, span = title_tag.group(group), title_tag.span(group)
        if _DATE_TAG_RE.fullmatch(text.strip()):
            date, date_span = text.strip(), span
            lead_marks += (date,)
        elif _is_venue_name(text) or slot_venue(text) is not None:
            venue, venue_span = plain_text(text), span
        else:
            lead_end = title_tag.end()
            lead_marks += (plain_text(text),)
    if tag is not None:
        span = (tag.start("tag"), tag.end("tag"))
        if _DATE_TAG_RE.fullmatch(tag.group("tag").strip()):
            date, date_span = tag.group("tag").strip(), span
            lead_marks += (date,)
        elif not venue:
            venue, venue_span = plain_text(tag.group("tag")), span
    others = tuple((lk.start, lk.end) for lk in links if lk is not main)
    # a linked badge's target too (`[![arXiv](...shields.io/badge/arXiv-2401.00001...)](arxiv.org/abs/2401.00001)`
    # beside an OpenReview title link): the paper's arXiv id, so it counts as on the list
    badges = [lk.url for lk in _links(body) if _is_badge(lk) and not _is_local(lk)]
    extra = tuple(lk.url for lk in links if lk is not main) + tuple(badges)
    return _ParsedEntry(
        title=title, url=main.url, authors=authors, venue=venue, marks=lead_marks + marks,
        title_span=(ts, te), url_span=url_span, authors_span=authors_span, venue_span=venue_span,
        other_links=others, extra_urls=extra, lead_end=lead_end, own_len=own, date=date, date_span=date_span,
        note_span=note_span, name_span=name_span,
    )


@dataclass(frozen=True)
class _Row:
    """Where a table row's cells are, and what its table's header says each column holds."""

    header: int  # line of the table's header row: rows of one table share it
    spans: tuple[tuple[int, int], ...]  # each cell's text in the row's line, spaces around it left out
    roles: tuple[str, ...]  # "title", "authors", "venue", "date", "number" or "" per column


def _bars(line: str) -> list[int]:
    """Where a table row's `|` separators are: outside code spans and escapes."""
    bars, code, k = [], False, 0
    while k < len(line):
        if line[k] == "\\":
            k += 2
            continue
        if line[k] == "`":
            code = not code
        elif line[k] == "|" and not code:
            bars.append(k)
        k += 1
    return bars


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """The cells of a table row: split at `|` outside code spans and escapes, spaces around each left out."""
    bars = _bars(line)
    text = line.rstrip()
    edges = bars if text.lstrip().startswith("|") else [-1, *bars]
    if not text.endswith("|") or len(edges) < 2:
        edges.append(len(text))
    spans = []
    for a, b in itertools.pairwise(edges):
        cell = line[a + 1: b]
        lead = len(cell) - len(cell.lstrip())
        spans.append((a + 1 + lead, a + 1 + lead + len(cell.strip())))
    return spans


def _column_roles(header: str) -> tuple[str, ...]:
    roles: list[str] = []
    for s, e in _cell_spans(header):
        text = plain_text(header[s:e]).casefold()
        name = re.sub(r"[^\w ]+", " ", text).strip()
        role = next((r for r, rx in _COLUMN_ROLES if rx.fullmatch(name) and (r not in roles or r == "about")), "")
        if role == "number" and not name and text.strip() != "#":
            role = ""  # an empty header cell, or one of marks only (`| :star: |` reads as a word), is no `#`
        roles.append(role)
    # `| Name | ... |` unrecognised: a paper table leads with its title (after its `#` column, where it has one)
    lead = 1 if roles[:1] == ["number"] else 0
    if "title" not in roles and len(roles) > lead and not roles[lead]:
        roles[lead] = "title"
    return tuple(roles)


def _parse_row(line: str, row: _Row) -> _ParsedEntry | None:
    """A table row as an entry: the title cell's linked (or plain) title, the paper link (the title's, else the
    first paper link of the row, else a badge's target), authors and venue (or date) cells; None without a link."""
    cells = dict(zip(row.roles, row.spans, strict=True))
    if "title" not in cells:
        return None
    ts, te = cells["title"]
    links = [lk for lk in _links(line) if not _is_local(lk)]
    inside = [lk for lk in links if ts <= lk.start < te and not _is_badge(lk)]
    titled = [lk for lk in inside if not _GENERIC_LINK_TEXT.match(plain_text(lk.text))]
    if titled:
        main = titled[0]
        ts, te = _strip_emphasis_span(line, main.start + 1, main.start + 1 + len(main.text))
    else:
        end = inside[0].start if inside else te
        end = ts + len(line[ts:end].rstrip(" \t\u00a0|-–—:,"))  # `Title [paper](url)`: not the space before the link
        ts, te = _strip_emphasis_span(line, ts, end)
        paperish = [lk for lk in links if not _is_badge(lk) and not _CODE_LINK_TEXT.match(plain_text(lk.text))]
        badges = [lk for lk in links if _is_badge(lk)]
        if not (paperish or badges):
            return None
        main = (paperish or badges)[0]
    title = plain_text(line[ts:te].rstrip(" \t|-–—:,"))
    if not title or _GENERIC_LINK_TEXT.match(title):
        return None
    if _CITATION_RE.fullmatch(title) and not any(arxiv_id_from_url(lk.url) for lk in links):
        return None  # `| 2024 | Fan *et al.* | ... | [link](github) |`: a survey named by its authors, no title or id
    parts = {}
    for role in ("authors", "venue", "date"):
        if role in cells and cells[role][1] > cells[role][0]:
            parts[role] = _strip_emphasis_span(line, *cells[role])
    venue_span = parts.get("venue") or parts.get("date")
    # a Date column beside a Venue column (`| [Title](url) | arXiv | 2024-03 |`): the row's date, by which a table
    # sorted newest first is sorted
    date_span = parts.get("date") if "venue" in parts else None
    return _ParsedEntry(
        title=title, url=main.url, authors=plain_text(line[slice(*parts["authors"])]) if "authors" in parts else "",
        venue=plain_text(line[slice(*venue_span)]) if venue_span else "", marks=(), title_span=(ts, te),
        url_span=_url_span(line, main), authors_span=parts.get("authors"), venue_span=venue_span, other_links=(),
        extra_urls=tuple(lk.url for lk in links if lk is not main), own_len=len(line),
        date=plain_text(line[slice(*date_span)]) if date_span else "", date_span=date_span,
    )


# ---------------------------------------------------------------- the list


@dataclass
class _Item:
    """Bookkeeping for one parsed entry: its bullet prefix and parts (used to mimic its style)."""

    entry: Entry
    prefix: str  # indent + marker + gap
    body: str  # the bullet's text, continuation lines joined with one space
    parsed: _ParsedEntry
    first_len: int  # length of the part of `body` on the bullet's own line(s) (a wrapped title's too)
    row: _Row | None = None  # a table row: `body` is its whole line
    # where `body` joins a paragraph indented under the bullet: the joining space's offset and the text it stands
    # for (the line end, the blank lines, the paragraph's indent), so a new entry can be laid out the same
    breaks: tuple[tuple[int, str], ...] = ()
    authors_below: str = ""  # the line end and sub-bullet marker before authors written under the entry
    # the Markdown line breaks (two spaces or more) ending the entry's own line and its line of names under it
    # (`(ICLR 2024)  `): a new entry's lines end as its neighbours' do
    line_break: str = ""
    names_break: str = ""
    et_al_mark: str = ""  # the emphasis around the et al. of its line of names (`*` in `  - Rafael Raffel *et al.*`)

    @property
    def multiline(self) -> bool:
        return self.first_len < len(self.body)


@dataclass
class _OpenGroup:
    section: Section
    indent: int
    rank: int  # 0 bold, 1 italic
    has_children: bool = False
    flat: bool = False  # its items sit at the label's own indent


@dataclass
class _Fold:
    """An open `<details>` block; `section` is its `<summary>` when that names a sub-section."""

    section: Section | None = None
    outer_groups: list[_OpenGroup] | None = None  # the groups open before it, back in force at `</details>`


@dataclass
class PaperList:
    """A paper-list README: its exact lines, sections in document order and every entry (place)."""

    source: str
    text: str
    lines: list[str]
    sections: list[Section]
    entries: list[Entry]
    _items: list[_Item] = field(default_factory=list, repr=False)
    _section_end: dict[str, int] = field(default_factory=dict, repr=False)  # id -> exclusive end line
    _news: frozenset[str] = field(default_factory=frozenset, repr=False)  # news, changelog, about-the-list ids
    _unlinked: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # (section id, text) of linkless bullets
    _year_cache: dict[_YearPlan, tuple[PaperList, Section]] = field(default_factory=dict, repr=False, compare=False)

    # ------------------------------------------------------------ reading

    def to_text(self) -> str:
        return "".join(self.lines)

    @functools.cached_property
    def _starts(self) -> frozenset[int]:
        """The lines that begin an entry or a section: where one item's lines stop (a PaperList is never
        changed in place: with_entry makes a new one, so this is computed once per list)."""
        return frozenset({e.line for e in self.entries} | {s.line for s in self.sections})

    def section_by_id(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise UsageError(f"{self.source}: no section with id {section_id!r} (see `paperbot sections`)")

    def find_section(self, query: str) -> Section:
        """Full path (joined ' > ' or ' / '), a section id, or an unambiguous suffix of a path."""
        q = query.strip()
        if not q:
            raise UsageError("--section is empty: give a section path, e.g. \"6.3 Agent and Tool Use\"")
        by_id = [s for s in self.sections if s.id == q]
        if by_id:
            return by_id[0]
        paths = {s.id: [_norm_component(c) for c in s.path] for s in self.sections}
        # The whole query first: a name may itself hold " / " or " > " ("Vision / Language").
        readings = [[_norm_component(q)]]
        for sep in (r"\s+>\s+", r"\s+(?:>|/)\s+"):
            parts = [_norm_component(p) for p in re.split(sep, q) if p.strip()]
            if parts not in readings:
                readings.append(parts)
        matches: list[Section] = []
        for fits in (_same_path, _path_suffix, _path_suffix_unnumbered, _path_with_gap, _path_suffix_uncounted):
            for parts in readings:
                if matches := [s for s in self.sections if fits(paths[s.id], parts)]:
                    break
            if matches:
                break
        if len(matches) > 1 and fits is _path_suffix_uncounted:
            matches = _closest(matches, lambda s: paths[s.id][-len(parts):], parts)
        if len(matches) == 1:
            return matches[0]
        if matches:
            # With the id too: two sections can share a whole path ("Other" twice), and the id still tells them apart.
            shown = "; ".join(f"{' > '.join(s.path)} (id {s.id})" for s in matches)
            raise UsageError(
                f"section {query!r} is ambiguous in {self.source}; give a longer path or an id; candidates: {shown}"
            )
        # Candidates: the same name under another number ("6.2 Code Generation" for "6.1 Code Generation"),
        # sections whose name contains the query's words, then names that look alike.
        words = set(re.findall(r"\w+", q.casefold()))
        bare = _split_number(readings[-1][-1])[1]
        close = [" > ".join(s.path) for s in self.sections if _split_number(paths[s.id][-1])[1] == bare]
        close += [
            " > ".join(s.path) for s in self.sections
            if words and words <= set(re.findall(r"\w+", s.path[-1].casefold())) and " > ".join(s.path) not in close
        ]
        last = {s.path[-1]: " > ".join(s.path) for s in self.sections}
        for name in difflib.get_close_matches(q, list(last), n=5, cutoff=0.5):
            if last[name] not in close:
                close.append(last[name])
        close = close[:8]
        hint = f"; candidates: {'; '.join(close)}" if close else "; run `paperbot sections` to list them"
        raise UsageError(f"no section {query!r} in {self.source}{hint}")

    def keys(self) -> set[str]:
        return {e.key for e in self.entries}

    def arxiv_ids(self) -> set[str]:
        return {e.arxiv_id for e in self.entries if e.arxiv_id}

    @functools.cached_property
    def mentioned_ids(self) -> dict[str, str]:
        """arXiv id -> section id, for the ids a section writes where paperbot reads no entry: a bare URL in
        a table cell, an HTML `<a href>`, a paper that is a heading. The maintainers have those papers
        already, so none is proposed again. Not those of a news or about-the-list section, nor of the text
        before the first section: a paper they announce or cite is not on the list by that; nor an address in a
        Google Scholar search's query."""
        owner: list[str | None] = [None] * len(self.lines)
        for section in self.sections:  # document order: a sub-section's lines end up its own
            for n in range(section.line, self._section_end.get(section.id, len(self.lines))):
                owner[n] = section.id
        out: dict[str, str] = {}
        for line, sid in zip(self.lines, owner, strict=True):
            if sid is not None and sid not in self._news and "arxiv" in line.lower():
                # a Scholar search for an arXiv address is a search, not that paper (as `paper_key` reads it)
                for arxiv_id in arxiv_ids_in(_SCHOLAR_URL_RE.sub(" ", line)):
                    out.setdefault(arxiv_id, sid)
        return out

    @functools.cached_property
    def _unlinked_titles(self) -> dict[str, str]:
        """Normalised title -> section id, for the bullets that name a paper without a link (`- [2026] A survey
        of ..., Acta Automatica Sinica`): each way the text may end its title (at a comma, a dash, a bracket
        or a full stop), so a paper it names is known by its exact title."""
        out: dict[str, str] = {}
        for sid, text in self._unlinked:
            text = re.sub(r"^[\s\W]*[\[(][^\])]{0,30}[\])]", "", plain_text(text))  # a date or venue tag first
            ends = [m.start() for m in re.finditer(r",\s|\s[-–—|]\s|\s[(\[]|\.\s", text)] + [len(text)]
            for end in ends:
                title = normalize_title(text[:end])
                if len(title.split()) >= 3:
                    out.setdefault(title, sid)
        return out

    @functools.cached_property
    def _entry_index(self) -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
        """arXiv id and normalised title -> (entry number, section id) of the first entry with it: scan asks
        for every feed paper, evaluate for some 6,000."""
        by_id: dict[str, tuple[int, str]] = {}
        by_title: dict[str, tuple[int, str]] = {}
        for n, e in enumerate(self.entries):
            if e.arxiv_id:
                by_id.setdefault(e.arxiv_id, (n, e.section_id))
            by_title.setdefault(normalize_title(e.title), (n, e.section_id))
        return by_id, by_title

    def place_of(self, paper: Paper) -> tuple[str, ...] | None:
        """The section path where the list has `paper`: its entry's (by arXiv id, else title), else the
        section that names its arXiv id outside any entry or its title in a bullet without a link; None when
        the list does not have it."""
        title = normalize_title(paper.title)
        by_id, by_title = self._entry_index
        found = [by_id.get(paper.arxiv_id or ""), by_title.get(title) if title else None]
        if first := min((f for f in found if f is not None), default=None):
            return self.section_by_id(first[1]).path  # the first entry that is the paper, by id or by title
        if paper.arxiv_id and (sid := self.mentioned_ids.get(paper.arxiv_id)) is not None:
            return self.section_by_id(sid).path
        if (sid := self._unlinked_titles.get(title)) is not None:
            return self.section_by_id(sid).path
        return None

    def contains(self, paper: Paper) -> bool:
        return self.place_of(paper) is not None

    def named(self, path: Sequence[str]) -> tuple[str, ...]:
        """`path` as this list names its section where the two differ only in the counts of papers in headings:
        a pull request's copy of the list says `📚 Surveys & Position Papers (41)` where the models, or the body's
        earlier rows, say `(39)`. The short form a PR's table shows (`A > … > Z`) alike; unchanged where no one
        section fits."""
        parts = tuple(path)
        if not any(_count_of(c) is not None for c in parts):
            return parts
        short = len(parts) == 3 and parts[1] in ("…", "...")
        want = _uncounted(parts[::2] if short else parts)
        found = {(s.path[1], parts[1], s.path[-1]) if short else tuple(s.path) for s in self.sections
                 if (_uncounted((s.path[1], s.path[-1])) == want if short and len(s.path) > 3
                     else not short and _uncounted(s.path) == want)}
        if len(found) > 1:  # `Papers (4) > Part (1)` for `Papers (3) > Part (1)`, not its sibling `Part (2)`
            found = set(_closest(list(found), lambda c: c, parts))
        return found.pop() if len(found) == 1 else parts

    def is_aside(self, section: Section) -> bool:
        """A news or changelog section, or one about the list (contributors, how to cite, star history), or one
        inside such a section: it holds no entries, so no paper can be added there."""
        return section.id in self._news

    @functools.cached_property
    def curated(self) -> dict[str, str]:
        """Section id -> why, for a hand-picked short list ("⭐ Starter Kit", "🔥 10 to Watch (2026)") whose papers
        the list files under their topics too: a maintainer picks those by hand, so no paper is added there and no
        model learns them as a place. Told by at least half its papers being listed elsewhere under a heading that
        says so (`_CURATED_RE`); never every section with papers."""
        works: dict[str, set[str]] = {}  # a work's key and title -> the sections that list it
        for e in self.entries:
            for name in (e.key, "title:" + normalize_title(e.title)):
                if name != "title:":
                    works.setdefault(name, set()).add(e.section_id)
        out: dict[str, str] = {}
        for s in self.sections:
            if not s.entries or s.id in self._news:
                continue
            own = {e.key: e for e in s.entries}
            elsewhere = [
                (works.get(k, set()) | works.get("title:" + normalize_title(e.title), set())) - {s.id}
                for k, e in own.items()
            ]
            shared = sum(1 for w in elsewhere if w)
            if shared / len(own) >= _CURATED_SHARE and any(_CURATED_RE.search(plain_text(c)) for c in s.path):
                out[s.id] = f"its papers are listed in other sections too ({shared} of {len(own)})"
        if all(s.id in out for s in self.sections if s.entries):
            return {}  # every section alike (a list written twice over): none of them is the short list
        return out

    def _curated_said(self, section: Section) -> str:
        return f"a hand-picked short list ({self.curated[section.id]}), where no paper is added"

    def is_curated(self, section: Section) -> bool:
        """A hand-picked short list (`curated`): not a place for a new paper."""
        return section.id in self.curated

    def other_bullets(self, section: Section) -> int:
        """Bullets under a heading, before the next one, that are neither papers nor groups: a table of
        contents or a changelog (`- **Section 4:** reorganised`), where a paper does not belong."""
        if section.kind != "heading":
            return 0
        later = [s.line for s in self.sections if s.kind == "heading" and s.line > section.line]
        end = min(later, default=len(self.lines))
        taken = self._starts
        return sum(1 for n in range(section.line + 1, end)
                   if n not in taken and _BULLET_RE.match(_content(self.lines[n])))

    def entries_of(self, section: Section, *, recursive: bool = False) -> list[Entry]:
        if not recursive:
            return list(section.entries)
        ids = {s.id for s in self.sections if s.id == section.id or _is_under(s, section)}
        return [e for e in self.entries if e.section_id in ids]

    def sections_json(self) -> dict:
        """The section tree for `paperbot sections --json`; a hand-picked short list also carries `curated`, why
        no paper goes there (the other sections' keys as they always were)."""
        out: list[dict] = []
        for s in self.sections:
            doc = {
                "id": s.id,
                "path": list(s.path),
                "kind": s.kind,
                "line": s.line + 1,
                "entries": [
                    {
                        "title": e.title, "url": e.url, "arxiv_id": e.arxiv_id, "key": e.key,
                        "authors": e.authors, "venue": e.venue, "marks": list(e.marks), "line": e.line + 1,
                    }
                    for e in s.entries
                ],
            }
            if s.id in self.curated:
                doc["curated"] = self.curated[s.id]
            out.append(doc)
        return {"sections": out}

    def tree_lines(self) -> list[str]:
        """The readable tree `paperbot sections` prints: one line per section, indented by depth."""
        out = []
        for s in self.sections:
            total = len(self.entries_of(s, recursive=True))
            own = len(s.entries)
            count = f"{own}" if own == total else f"{own} ({total} with sub-sections)"
            mark = "  (hand-picked: no paper is added here)" if s.id in self.curated else ""
            out.append(f"{'  ' * (s.depth - 1)}{s.path[-1]}  [{count}]{mark}")
        return out

    # ------------------------------------------------------------ writing

    def year_section(self, paper: Paper, section: Section) -> Section | None:
        """Where a list kept by year (`### 2024`, `### 2023` under Papers) has `paper`, when `section` is one of
        those years or the heading that holds the years before them (`### 2020 and before`): the section of the
        paper's year, that heading where the paper is as old, or one a maintainer would add for its year (`### 2025`
        above the newest for a paper of 2025, `### 2023` between 2024 and 2022, `### 2019` after an oldest 2021),
        with its path and id as in the list once it is added (see `with_year_section`). None for any other section,
        a paper of no known year, or a list whose years are in no order: it stays where it was put."""
        years = _years_of(self, section)
        year = _paper_year(paper)
        if year is None or years is None:
            return None
        if same := [s for s in years.years if _year_named(s) == year]:
            return same[0]
        if (older := _older_years(years, year)) is not None:
            return older
        plan = _plan_year_section(self, years, year)
        return None if plan is None else self._with_year_plan(plan)[1]

    def with_year_section(self, path: Sequence[str]) -> PaperList:
        """The list with a heading added for the year section `path` names (`Papers > 2023`), where the list keeps
        papers by year under the same heading but has none for that one: in the years' shape (level, the lines they
        repeat under the heading and after their papers), in their order, and in the table of contents where it
        links them (`- [2024](#2024)` gets `- [2025](#2025)` above it). The list itself where it has the section
        already; an error for a year the heading of older years holds (`2020 and before`)."""
        path = tuple(path)
        if any(s.path == path for s in self.sections):
            return self
        named = year_heading(path[-1]) if path else None
        years = next((y for s in self.sections if s.path[:-1] == path[:-1] and _year_named(s) is not None
                      and (y := _years_of(self, s)) is not None), None)
        plan = _plan_year_section(self, years, named[0]) if named and years is not None else None
        added = self._with_year_plan(plan) if plan is not None else None
        if added is None or added[1].path != path:
            raise PaperbotError(f"no section {' > '.join(path)!r} in {self.source}, nor one to add as a year beside "
                                "the years there")
        return added[0]

    def with_year_heading(self, query: str) -> tuple[PaperList, Section] | None:
        """The list with the year section a `--section` query names (`Papers > 2023`, or `2023` where one heading
        holds the years) added, and that section, where the list has years beside it but not that one: `add` writes
        a paper as a run would, under a new `### 2023`. The year alone names a year whose headings have words around
        it (`2026` or `2026 Papers` beside `### 2025 Papers`). None where the query names no such year; an error where
        the heading of older years holds it (`2020 and before`), naming that heading."""
        parts = [_norm_component(p) for p in re.split(r"\s+(?:>|/)\s+", query.strip()) if p.strip()]
        named = year_heading(parts[-1]) if parts else None
        if named is None:
            return None
        groups = {s.path[:-1]: years for s in self.sections
                  if _year_named(s) is not None and (years := _years_of(self, s)) is not None}
        fits = [years for parent, years in groups.items()
                if _path_suffix([*(_norm_component(c) for c in parent), parts[-1]], parts)
                and named[1] in ("{}", _year_words(years))]
        if len(fits) != 1:
            return None
        year = named[0]
        if (older := _older_years(fits[0], year)) is not None:
            raise UsageError(f"no section {query!r} in {self.source}: the list keeps papers of {year} under "
                             f"{' > '.join(older.path)!r}")
        plan = _plan_year_section(self, fits[0], year)
        return None if plan is None else self._with_year_plan(plan)

    def _with_year_plan(self, plan: _YearPlan) -> tuple[PaperList, Section]:
        """The list with the planned year heading, and that section (computed once per plan)."""
        done = self._year_cache.get(plan)
        if done is None:
            lines = list(self.lines)
            replaced = {n: text for n, text, replace_it in plan.toc if replace_it}
            for n, text in replaced.items():
                lines[n] = text
            inserts = [(plan.at, list(plan.lines))] + [(n, [text]) for n, text, r in plan.toc if not r]
            for n, new in sorted(inserts, key=lambda t: t[0], reverse=True):
                lines[n:n] = new
            shift = sum(1 for n, _, r in plan.toc if not r and n < plan.at)  # table-of-contents lines above it
            updated = parse_list("".join(lines), self.source)
            section = next(s for s in updated.sections if s.line == plan.at + plan.gap + shift)
            done = self._year_cache[plan] = (updated, section)
        return done

    def with_entry(self, paper: Paper, section: Section) -> PaperList:
        """A new PaperList with one entry for `paper` inserted into `section` in that section's style."""
        if (where := self.place_of(paper)) is not None:
            raise PaperbotError(
                f"{paper.arxiv_id} ({paper.title[:60]}) is already on the list in {' > '.join(where)} "
                f"({self.source}); nothing added"
            )
        section = self.section_by_id(section.id)
        if self.is_aside(section):
            raise PaperbotError(f"{' > '.join(section.path)!r} of {self.source} is {_ASIDE_SAID}; nothing added")
        if self.is_curated(section):
            raise PaperbotError(f"{' > '.join(section.path)!r} of {self.source} is {self._curated_said(section)}; "
                                "nothing added")
        at, new_lines = _plan_insert(self, paper, section)
        counted = list(self.lines)
        for n, text in (_count_edits(self, section) | _renumbered(self, section, at)).items():
            counted[n] = text
        lines = counted[:at] + new_lines + counted[at:]
        # A file without a final newline: the line we insert after needs an ending; ours then goes without.
        if at == len(self.lines) and at > 0 and not _ending(self.lines[at - 1]):
            nl = _dominant_ending(self.lines)
            lines[at - 1] = self.lines[at - 1] + nl
            lines[-1] = _content(lines[-1])
        updated = parse_list("".join(lines), self.source)
        # Read the entry back where it was put: a list shape the writer got wrong must not reach a README file,
        # a branch or a pull request (`add` and `run` both come through here).
        # by its line: a count in its heading (`(39)` now `(40)`) is part of its id
        sid = next((s.id for s in updated.sections if s.line == section.line and s.kind == section.kind), section.id)
        if not any(e.section_id == sid and _same_work(e, paper) for e in updated.entries):
            raise PaperbotError(f"could not write {paper.arxiv_id} into {' > '.join(section.path)} of {self.source} "
                                "in that section's style (the entry did not read back); nothing was written")
        return updated


# ---------------------------------------------------------------- counts of entries in headings

# A count of papers after a section's name: `### 📚 Surveys & Position Papers (39)`, `## Memory [27]`, `(12 papers)`,
# or without brackets where a word says what it counts: `<strong>Lip-sync manipulation</strong> &nbsp;<sub>3
# entries</sub>` (VectorInstitute/deepfakes-survey-2026), a name `Lip-sync manipulation 3 entries`.
_COUNTED = r"[ \u00a0]+(?:papers?|entries)"
_COUNT_RE = re.compile(
    r"(?:(?P<open>[(\[])|(?<=[ \u00a0]))(?P<n>\d{1,4})(?(open)(?:" + _COUNTED + r")?[)\]]|" + _COUNTED + r")"
    r"[ \t\u00a0]*$",
    re.I,
)
_COUNT_ANY_RE = re.compile(
    r"(?:(?P<open>[(\[])|(?<![\w.,-]))(?P<n>\d{1,4})(?(open)(?:" + _COUNTED + r")?[)\]]|" + _COUNTED + r"\b)", re.I
)
_EXPLICIT_ANCHOR_RE = re.compile(r"<a\b[^>]*\b(?:id|name)\s*=\s*[\"']([^\"']+)[\"']", re.I)
_SUMMARY_RE = re.compile(r"(<summary\b[^>]*>)(.*?)(</summary\s*>)", re.I)
_NUMBER_RE = re.compile(r"(?<![\d.])\d+(?![\d.])")


def _github_anchor(text: str) -> str:
    """The anchor GitHub makes of a heading's text: lower case, letters, digits, `-`, `_`, spaces as `-`."""
    return "".join(c for c in plain_text(text).strip().lower() if c.isalnum() or c in " -_").replace(" ", "-")


def _loose_anchor(anchor: str) -> str:
    return re.sub(r"-+", "-", anchor).strip("-")


def _count_of(name: str) -> int | None:
    m = _COUNT_RE.search(name)
    return int(m.group("n")) if m and not re.fullmatch(r"(?:19|20)\d{2}", m.group("n")) else None


def _numbered(plist: PaperList, section: Section) -> bool:
    """Whether the number closing `section`'s name tells it from a sibling of the same name, `### Part (1)` beside
    `### Part (2)`: a numbering, never a count of its papers (one more would make it its sibling's name)."""
    if _count_of(section.path[-1]) is None:
        return False
    stem = _uncounted(section.path[-1:])
    return any(s.id != section.id and s.parent_id == section.parent_id and s.kind == section.kind
               and _count_of(s.path[-1]) is not None and _uncounted(s.path[-1:]) == stem for s in plist.sections)


def _said_count(plist: PaperList, section: Section) -> int | None:
    """The count of papers closing `section`'s name (`### Memory (27)`), none where that number is a numbering."""
    return None if _numbered(plist, section) else _count_of(section.path[-1])


def _recount(text: str, n: int) -> str:
    """`text` with its closing count n as n + 1."""
    m = _COUNT_RE.search(text)
    assert m is not None and int(m.group("n")) == n
    return text[:m.start("n")] + str(n + 1) + text[m.end("n"):]


def _kept_count(plist: PaperList, section: Section, anchors: set[str], count: int) -> bool:
    """Whether `count`, at the end of `section`'s name but not its number of entries, is the count of its papers all
    the same (stale: a maintainer forgot to recount, or a copy of the list was cut; or counting what is no entry
    here): the list says it twice, in the fold's summary under the heading (`Show 39 papers`) or over it
    (`<summary>Memory (27)</summary>` over `### Memory (27)`) or a link to the section (`[📚 Surveys & Position Papers
    (39)](#surveys)`), and most sections where papers go end their names
    in a count, where a lone `### Llama (2)` among plain headings is a name and a count in one place may be one."""
    places = [s for s in plist.sections if s.entries and not plist.is_aside(s) and not plist.is_curated(s)]
    if 2 * sum(1 for s in places if _said_count(plist, s) is not None) <= len(places):
        return False
    first = min((e.line for e in plist.entries_of(section, recursive=True)), default=len(plist.lines))
    wrapping = _wrapping_summaries(plist)
    for k, line in enumerate(plist.lines):
        text = _content(line)
        if k != section.line and any(
                lk.url.startswith("#") and (lk.url[1:] in anchors or _loose_anchor(lk.url[1:]) in anchors)
                and _count_of(plain_text(lk.text)) == count for lk in _links(text)):
            return True
        if (section.line < k < first and section.kind == "heading" and (fold := _SUMMARY_RE.search(text))
                and k not in wrapping
                and _NUMBER_RE.findall(plain_text(fold.group(2))) == [str(count)]):
            return True
    over = _fold_over(plist, section)
    return over is not None and (fold := _SUMMARY_RE.search(plist.lines[over])) is not None and _count_of(
        plain_text(fold.group(2))) == count


def _wrapping_summaries(plist: PaperList) -> set[int]:
    """The lines of the summaries of folds that wrap a heading (`_fold_over`): a count there is that heading's, never
    that of a fold under the heading of the section around it, which may hold as many papers."""
    return {k for s in plist.sections if (k := _fold_over(plist, s)) is not None}


def _summed_count(plist: PaperList, section: Section) -> int | None:
    """The sum of the counts `section`'s sub-sections say, with its own entries (`## Agents (12)` over `### Planning
    (5)` and `### Memory (7)`): a parent's count that is this sum counts what its sub-sections count, papers or
    not, stale or not; None where a sub-section holding entries says no count of its own, or where there is
    nothing to add up (one sub-section's count and no entries of its own)."""
    own = len(plist.entries_of(section))
    counts: list[int] = []
    for child in (s for s in plist.sections if s.parent_id == section.id):
        said = _said_count(plist, child)
        if said is None:
            if plist.entries_of(child, recursive=True):
                return None
            continue
        counts.append(said)
    # two numbers at least: a lone `### Evaluations (4)` under `## GPT (4)` says nothing of the parent's number
    return own + sum(counts) if counts and len(counts) + bool(own) >= 2 else None


def _count_edits(plist: PaperList, section: Section) -> dict[int, str]:
    """The lines that say how many papers `section` and the sections around it hold, rewritten for one more: the
    heading's count (`### 📚 Surveys & Position Papers (39)`), the fold's summary (`Show 39 papers`) and the table
    of contents' link (`- [📚 Surveys & Position Papers (39)](#surveys)`), each where it is the number of entries
    the section has, or where it is stale but plainly the section's count (`_kept_count`): a contributor adding a
    paper writes one more, and leaves the recount to the maintainer. A parent's count grows with its sub-section's
    where it is the sum of its sub-sections' counts (`_summed_count`), as the list's own arithmetic: `## Agents
    (12)` over `### Planning (5)` and `### Memory (7)` says 13 when Memory says 8. A link to the anchor GitHub makes
    of the heading's text (`#-surveys--position-papers-39`) follows the new text."""
    lines = list(plist.lines)
    edits: dict[int, str] = {}
    explicit = {m.group(1) for line in plist.lines for m in _EXPLICIT_ANCHOR_RE.finditer(line)}
    chain: list[Section] = []
    current: Section | None = section
    while current is not None:
        chain.append(current)
        current = next((s for s in plist.sections if s.id == current.parent_id), None)
    grown: set[str] = set()  # the sections whose count this edit makes one more
    wrapping = _wrapping_summaries(plist)
    for below, s in zip([None, *chain], chain, strict=False):
        n = len(plist.entries_of(s, recursive=True))
        if not n:
            continue
        # a sum of its sub-sections' counts (and its own entries) only where the paper goes under it directly, or
        # under a sub-section that says one more
        summed = _summed_count(plist, s) if below is None or below.id in grown else None
        old_name = s.path[-1]
        anchors = {_loose_anchor(_github_anchor(old_name))}
        above = next((plist.lines[k] for k in range(s.line - 1, -1, -1) if plist.lines[k].strip()), "")
        for line in (plist.lines[s.line], above if not _HEADING_RE.match(_content(above)) else ""):
            anchors |= {m.group(1) for m in _EXPLICIT_ANCHOR_RE.finditer(line)}
        said = _said_count(plist, s)
        number = _count_of(old_name) if said is None else None  # `Part (1)`: a numbering
        renamed = said is not None and (said in (n, summed) or _kept_count(plist, s, anchors, said))
        count = said if renamed and said is not None else n
        if renamed and (counts := [m for m in _COUNT_ANY_RE.finditer(lines[s.line]) if int(m.group("n")) == count]):
            # the last count of the heading's line (`### Memory (27)`, `- **Memory (27)**`, `<summary>Memory (27)`)
            m = counts[-1]
            edits[s.line] = lines[s.line] = lines[s.line][:m.start("n")] + str(count + 1) + lines[s.line][m.end("n"):]
        if (over := _fold_over(plist, s)) is not None and (fold := _SUMMARY_RE.search(lines[over])):
            # the summary of the fold that wraps the heading says it too (`<summary>Memory (27)</summary>` over
            # `### Memory (27)`): one more with it, or the two would no longer name one topic alike
            inner = fold.group(2)
            told = _count_of(plain_text(inner))
            if told is not None and told in (n, count, summed) and (
                    at := [m for m in _COUNT_ANY_RE.finditer(inner) if int(m.group("n")) == told]):
                inner = inner[:at[-1].start("n")] + str(told + 1) + inner[at[-1].end("n"):]
                edits[over] = lines[over] = lines[over][:fold.start(2)] + inner + lines[over][fold.end(2):]
                grown.add(s.id)
        generated = _github_anchor(old_name)
        new_anchor = _github_anchor(_recount(old_name, count)) if renamed else generated
        first = min((e.line for e in plist.entries_of(s, recursive=True)), default=len(lines))
        for k, line in enumerate(lines):
            text = _content(line)
            new_text = text
            for lk in reversed(_links(text)):
                if not lk.url.startswith("#") or (_loose_anchor(lk.url[1:]) not in anchors
                                                  and lk.url[1:] not in anchors):
                    continue
                url = lk.url
                if renamed and lk.url[1:] == generated and generated not in explicit and generated != new_anchor:
                    url = "#" + new_anchor  # the heading's own anchor, made of its text: the new text's
                label = lk.text
                labelled = _count_of(plain_text(label))
                if labelled is not None and labelled != number and labelled in (n, count, summed) and (
                        at := [m for m in _COUNT_ANY_RE.finditer(label) if int(m.group("n")) == labelled]):
                    # the last such count of the label, which may end in markup (`[**💾 Memory (27)**](#memory)`)
                    label = label[:at[-1].start("n")] + str(labelled + 1) + label[at[-1].end("n"):]
                if (label, url) != (lk.text, lk.url):
                    part = new_text[lk.start:lk.end]
                    part = part.replace("[" + lk.text + "]", "[" + label + "]", 1).replace("(" + lk.url, "(" + url, 1)
                    new_text = new_text[:lk.start] + part + new_text[lk.end:]
            if s.line < k < first and s.kind == "heading" and k not in wrapping and (
                    fold := _SUMMARY_RE.search(new_text)):
                numbers = _NUMBER_RE.findall(plain_text(fold.group(2)))
                if numbers in ([str(n)], [str(count)], [str(summed)]):
                    inner = _NUMBER_RE.sub(str(int(numbers[0]) + 1), fold.group(2))
                    new_text = new_text[:fold.start(2)] + inner + new_text[fold.end(2):]
            if new_text != text:
                edits[k] = lines[k] = new_text + _ending(line)
                grown.add(s.id)
        if renamed:
            grown.add(s.id)
    return edits


# ---------------------------------------------------------------- a list kept by year

def _year_named(section: Section) -> int | None:
    """The year a heading names, alone or with the words a list kept by year repeats (`2024 Papers`)."""
    named = year_heading(section.path[-1]) if section.kind == "heading" else None
    return named[0] if named else None


def _year_words(years: _Years) -> str:
    """The words the year headings of a list kept by year repeat around their years ('{} papers'), '{}' for none."""
    named = year_heading(years.years[0].path[-1])
    return named[1] if named else "{}"


def _heading_level(plist: PaperList, section: Section) -> int:
    m = _HEADING_RE.match(_content(plist.lines[section.line]))
    return len(m.group("hashes")) if m else _setext_level(plist.lines, section.line) or 0


def _year_siblings(plist: PaperList, section: Section) -> list[Section]:
    """The year headings of the list kept by year that `section` is one of, in document order; none where it is not
    one (see `year_run`)."""
    years = _years_of(plist, section)
    return list(years.years) if years is not None and section in years.years else []


# The heading after a list's oldest year that holds every paper before it (opendilab/awesome-RLHF's `### 2020 and
# before`; `Before 2020`, `Pre-2020`, `2019 & earlier`, `≤2020`, `< 2020`, `Older`, `Earlier papers`): older papers go
# there, no heading is added for their year. Beside years with words (`### 2024 Papers`) such a heading may say
# papers too (`Older Papers`, `Papers before 2022`, `2021 and Earlier Papers`).
_OLDER_YEARS_RE = re.compile(
    r"^\W*(?:(?P<upto>(?:19|20)\d{2})\s*(?:and|&|or)?\s*(?:before|earlier|older|prior)(?:\s+(?:papers|works))?"
    r"|(?:(?:papers|works)\s+)?(?:before|pre-?|prior\s+to|older\s+than|earlier\s+than)\s*"
    r"(?P<before>(?:19|20)\d{2})"
    r"|(?:≤|<=)\s*(?P<upto_sign>(?:19|20)\d{2})|<\s*(?P<before_sign>(?:19|20)\d{2})"
    r"|(?:older|earlier|previous|past)(?:\s+(?:papers|works|years|ones))?)\W*$",
    re.I,
)


def older_years_bound(name: str, oldest: int) -> int | None:
    """The newest year a heading of older papers holds beside year headings whose oldest is `oldest` (2020 for
    `2020 and before`, 2019 for `Before 2020`, `oldest` - 1 for `Older`); None for a heading that is not one."""
    m = _OLDER_YEARS_RE.match(name.strip())
    if m is None:
        return None
    upto, before = m["upto"] or m["upto_sign"], m["before"] or m["before_sign"]
    bound = int(upto) if upto else int(before) - 1 if before else oldest - 1
    return min(bound, oldest - 1)


class YearRun(NamedTuple):
    """Where a list keeps papers by year among the headings of one parent and level: indices into them."""

    years: tuple[int, ...]  # the headings named by a year alone, in document order
    older: int | None  # the heading that holds the papers older than every year (`2020 and before`)
    newest_first: bool | None  # None: the years are in no order


def year_run(names: Sequence[str]) -> YearRun | None:
    """The list kept by year that headings of one parent and level (`names`, in document order) make, for the list
    and the section model alike; None where they make none. Two years or more make one; a single year makes one
    only with a heading of older papers right beside it (`### 2025` over `### 2024 and before`, or under it where
    the list runs oldest first), since a year alone is as often a news section's or one topic list's heading. The
    heading of older papers sits on the oldest year's side of the years: after them where they run newest first,
    before them where oldest first, the nearest such heading there. One that names its years (`2020 and before`,
    `Before 2020`, `≤2020`) may have other headings between it and the years (a `### Surveys` after the oldest);
    one that names none (`Older`, `Earlier papers`) must be right beside the oldest year, where it can mean nothing
    else. Before the newest year, or between two years, such a heading is not the older papers' place. The years
    are the headings named by a year alone, else those that repeat the same words around theirs (`### 2024 Papers`,
    `### 2023 Papers`; most of them where two sets of words do), which say no more than when (`year_heading`)."""
    named = [year_heading(name) for name in names]
    words = Counter(n[1] for n in named if n is not None)
    if not words:
        return None
    shape = "{}" if "{}" in words else words.most_common(1)[0][0]
    years = [i for i, n in enumerate(named) if n is not None and n[1] == shape]
    values = [n[0] for n in named if n is not None and n[1] == shape]
    oldest = min(values)

    def holds_older(i: int, beside: int) -> bool:
        name = names[i]
        return older_years_bound(name, oldest) is not None and (i == beside or bool(_YEAR_IN_RE.search(name)))

    if len(years) == 1:
        y = years[0]
        for i, newest_first in ((y + 1, True), (y - 1, False)):
            if 0 <= i < len(names) and holds_older(i, i):
                return YearRun((y,), i, newest_first)
        return None
    if values == sorted(values, reverse=True) and values[0] > values[-1]:
        side, beside = range(years[-1] + 1, len(names)), years[-1] + 1
    elif values == sorted(values) and values[0] < values[-1]:
        side, beside = range(years[0] - 1, -1, -1), years[0] - 1
    else:
        return YearRun(tuple(years), None, None)
    near = next((i for i in side if older_years_bound(names[i], oldest) is not None), None)
    return YearRun(tuple(years), near if near is not None and holds_older(near, beside) else None,
                   values[0] > values[-1])


_YEAR_IN_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _peers(plist: PaperList, section: Section) -> list[Section]:
    """The headings of the same parent and level as `section`, in document order."""
    level = _heading_level(plist, section)
    return [s for s in plist.sections if s.parent_id == section.parent_id and s.kind == "heading"
            and _heading_level(plist, s) == level]


@dataclass(frozen=True)
class _Years:
    """A list kept by year: its year headings in document order, its heading of older papers, their order."""

    years: tuple[Section, ...]
    older: Section | None
    newest_first: bool | None

    @property
    def headings(self) -> tuple[Section, ...]:
        return self.years + ((self.older,) if self.older is not None else ())


def _years_of(plist: PaperList, section: Section) -> _Years | None:
    """The list kept by year that `section` is a year or the heading of older papers of; else None."""
    if section.kind != "heading":
        return None
    peers = _peers(plist, section)
    run = year_run([s.path[-1] for s in peers])
    if run is None:
        return None
    years = _Years(tuple(peers[i] for i in run.years), None if run.older is None else peers[run.older],
                   run.newest_first)
    return years if any(s.id == section.id for s in years.headings) else None


def _older_years(years: _Years, year: int) -> Section | None:
    """The heading of older papers of a list kept by year, where it holds `year` (2019 in `2020 and before`)."""
    oldest = min(_year_named(s) or 0 for s in years.years)
    if years.older is None or year > (older_years_bound(years.older.path[-1], oldest) or 0):
        return None
    return years.older


def _paper_year(paper: Paper) -> int | None:
    year = arxiv_year(paper.arxiv_id)
    if year is None and paper.published and re.match(r"\d{4}", paper.published):
        year = int(paper.published[:4])
    return year


def _heading_end(plist: PaperList, section: Section) -> int:
    """The line after a heading: below a setext heading's underline."""
    return section.line + (2 if _setext_level(plist.lines, section.line) else 1)


def _year_lead(plist: PaperList, model: Section, other: Section) -> list[str]:
    """The lines a new year section writes between its heading and its first entry: those of the year section it
    is modelled on where the next year section repeats them (a format line, a table's header), else its blank
    lines only (an intro that speaks of that year)."""
    own = [it for it in plist._items if it.entry.section_id == model.id]
    if not own:
        return []
    lead = plist.lines[_heading_end(plist, model): own[0].entry.line]
    theirs = [it for it in plist._items if it.entry.section_id == other.id]
    if theirs and plist.lines[_heading_end(plist, other): theirs[0].entry.line] == lead:
        return list(lead)
    return list(itertools.takewhile(lambda line: not line.strip(), lead))


def _year_trailer(plist: PaperList, model: Section, other: Section) -> list[str]:
    """The lines after a year section's last entry, before the next heading: all of them where the next year
    section ends the same way (`[back to top](#contents)`), else the blank lines."""
    def trailer(section: Section) -> list[str] | None:
        own = [it for it in plist._items if it.entry.section_id == section.id]
        if not own:
            return None
        end = plist._section_end.get(section.id, len(plist.lines))
        later = [s.line for s in plist.sections if s.line > section.line]
        return plist.lines[_item_end(plist, own[-1]): min([end, *later])]

    def text(lines: list[str] | None) -> list[str] | None:  # without the blank lines that end it
        return None if lines is None else list(reversed(list(itertools.dropwhile(
            lambda line: not line.strip(), reversed(lines)))))

    lines = trailer(model) or []
    if text(trailer(other)) == text(lines):
        return list(lines)
    blank = [line for line in lines if not line.strip()]
    return blank or ([_dominant_ending(plist.lines)] if lines else [])


@dataclass(frozen=True)
class _YearPlan:
    """A year heading to add: where, its lines, and the table-of-contents lines that link the year sections."""

    at: int
    lines: tuple[str, ...]
    toc: tuple[tuple[int, str, bool], ...]  # (line, new text, replaces the line rather than going above it)
    gap: int = 0  # blank lines before the heading: after the last year's papers where the file ends with them


def _plan_year_section(plist: PaperList, years: _Years, year: int) -> _YearPlan | None:
    """A heading for `year`, which none of the year sections beside it has, in their order: above the first year
    section it precedes (above the newest for a year newer than all, in a list that runs newest first), modelled on
    that section, else below the last one's papers, modelled on it. None where the years are in no order, where the
    heading of older papers holds the year (`2020 and before`), or the model has no entries to model the new one
    on."""
    siblings = years.years
    values = [_year_named(s) or 0 for s in siblings]
    if years.newest_first is None or len(set(values)) < len(values) or year in values:
        return None
    k = sum(y > year for y in values) if years.newest_first else sum(y < year for y in values)
    if _older_years(years, year) is not None:
        return None
    first = k < len(siblings)  # the new heading goes above `model`, else after it
    model = siblings[k] if first else siblings[-1]
    # the year section whose shape the new one follows where it repeats the model's: a year beside, or the heading
    # of older papers where the list has one year (`### 2025` over `### 2024 and before`)
    if len(siblings) > 1:
        other = siblings[k + 1] if first and k + 1 < len(siblings) else siblings[k - 1] if first else siblings[-2]
    elif years.older is not None:
        other = years.older
    else:
        return None
    if not model.entries:
        return None
    old = str(_year_named(model))
    heading = [plist.lines[n].replace(old, str(year), 1) for n in range(model.line, _heading_end(plist, model))]
    lead, trailer = _year_lead(plist, model, other), _year_trailer(plist, model, other)
    gap: list[str] = []
    if first:
        at = model.line
    else:
        own = [it for it in plist._items if it.entry.section_id == model.id]
        at = _item_end(plist, own[-1]) + len(_year_trailer(plist, model, model))
        if not _year_trailer(plist, model, model):
            # nothing after the last year's papers (the file ends): the blank lines the years leave before a heading
            gap = [line for line in _year_trailer(plist, other, other) if not line.strip()]
    toc = _year_contents(plist, years.headings, model, year, first)
    return _YearPlan(at, tuple(gap + heading + lead + trailer), tuple(toc), len(gap))


def _year_contents(plist: PaperList, siblings: Sequence[Section], model: Section, year: int,
                   first: bool) -> list[tuple[int, str, bool]]:
    """The table-of-contents lines for a new year heading beside `model`: its link as the model's is written, above
    the model's (`first`) or below it, on a line of its own or among the years on one line; none where the contents
    link that year already (a list that dropped a year's papers but not its line)."""
    old = str(_year_named(model))
    name = model.path[-1].replace(old, str(year), 1)
    toc: list[tuple[int, str, bool]] = []
    inside = range(model.line, plist._section_end.get(model.id, len(plist.lines)))
    for n, line in enumerate(plist.lines):
        if n in inside:
            continue
        links = [lk for lk in _links(_content(line)) if lk.url.startswith("#")]
        if any(plain_text(lk.text).strip() == name and str(year) in lk.url for lk in links):
            return []
        mine = [lk for lk in links if plain_text(lk.text).strip() == model.path[-1] and old in lk.url]
        if len(mine) != 1:
            continue
        link = mine[0]
        new_link = line[link.start:link.end].replace(old, str(year))
        names = {s.path[-1] for s in siblings}
        others = [lk for lk in links if lk is not link and plain_text(lk.text).strip() in names]
        after = [lk for lk in others if lk.start > link.start]
        before = [lk for lk in others if lk.end < link.start]
        sep = line[link.end:after[0].start] if after else line[before[-1].end:link.start] if before else ""
        if not others:
            toc.append((n if first else n + 1, line[:link.start] + new_link + line[link.end:], False))
        elif first:
            # the years on one line (`[2024](#2024) | [2023](#2023)`): the new one joins them, with their separator
            toc.append((n, line[:link.start] + new_link + sep + line[link.start:], True))
        else:
            toc.append((n, line[:link.end] + sep + new_link + line[link.end:], True))
    return toc


def _year_donor(plist: PaperList, section: Section) -> Section | None:
    """For a year section of fewer than 2 entries (one paperbot just added), the nearest year section beside it
    with entries, one of 2 or more first: the shape of its entries and the blank lines between them are the new
    section's."""
    if len(section.entries) >= 2:
        return None
    siblings = [s for s in _year_siblings(plist, section) if s.entries and s.id != section.id]
    return min(siblings, key=lambda s: (len(s.entries) < 2, abs(s.line - section.line)), default=None)


def _donor_lead(plist: PaperList, section: Section, donor: Section) -> list[str]:
    """The lines under an empty year section's heading that `_plan_year_section` copied from `donor`: its lines
    between heading and first entry where the new heading repeats them (a format line, a table's header), else
    their blank lines."""
    own = [it for it in plist._items if it.entry.section_id == donor.id]
    lead = plist.lines[_heading_end(plist, donor): own[0].entry.line] if own else []
    at = _heading_end(plist, section)
    if lead and plist.lines[at: at + len(lead)] == lead:
        return list(lead)
    return list(itertools.takewhile(lambda line: not line.strip(), lead))


def _same_work(entry: Entry, paper: Paper) -> bool:
    if paper.arxiv_id:
        return entry.arxiv_id == paper.arxiv_id
    return normalize_title(entry.title) == normalize_title(paper.title)


def curated_refusal(plist: PaperList, section: Section) -> str:
    """Why `add` refuses a hand-picked short list, in one line."""
    return (f"section {' > '.join(section.path)!r} is {plist._curated_said(section)}; add the paper to its topic's "
            "section (`paperbot sections`)")


def aside_refusal(section: Section) -> str:
    """Why `add` refuses a news or about-the-list section, in one line."""
    return f"section {' > '.join(section.path)!r} is {_ASIDE_SAID}; name a section of papers (`paperbot sections`)"


def _split_number(component: str) -> tuple[str | None, str]:
    """("6.3", "agent and tool use") for "6.3. agent and tool use"; (None, name) when it has no number."""
    m = _NUMBER_PREFIX_RE.match(component)
    return (m.group(0).strip().rstrip("."), component[m.end():]) if m else (None, component)


def _same_path(path: Sequence[str], parts: Sequence[str]) -> bool:
    return list(path) == list(parts)


def _path_suffix(path: Sequence[str], parts: Sequence[str]) -> bool:
    return list(path[-len(parts):]) == list(parts)


def _path_suffix_unnumbered(path: Sequence[str], parts: Sequence[str]) -> bool:
    """"Agent and Tool Use" for "5.7. Agent and Tool Use": the numbering may be left out, but a number the
    user gives must be the section's ("6.1 Code Generation" is not "6.2 Code Generation")."""
    tail = path[-len(parts):]
    if len(tail) != len(parts):
        return False
    for have, want in zip(tail, parts, strict=True):
        (have_num, have_name), (want_num, want_name) = _split_number(have), _split_number(want)
        if have_name != want_name or (want_num is not None and want_num != have_num):
            return False
    return True


def _uncounted(parts: Sequence[str]) -> list[str]:
    """A path without the counts of papers in its names: `📚 Surveys & Position Papers`."""
    return [_COUNT_RE.sub("", c).strip() if _count_of(c) is not None else c for c in parts]


_Found = TypeVar("_Found")


def _closest(candidates: list[_Found], names: Callable[[_Found], Sequence[str]], parts: Sequence[str]) -> list[_Found]:
    """The candidates that name the most of `parts` exactly, where several differ from them only in their counts:
    `Part (1)` and `Part (2)`, numbers that tell siblings apart, under a parent whose count grew."""
    def same(candidate: _Found) -> int:
        return sum(a == b for a, b in zip(names(candidate), parts, strict=False))

    best = max(same(c) for c in candidates)
    return [c for c in candidates if same(c) == best]


def _path_suffix_uncounted(path: Sequence[str], parts: Sequence[str]) -> bool:
    """"📚 Surveys & Position Papers (39)" for "📚 Surveys & Position Papers (40)", or without a count: the count of
    papers in a heading changes with every paper added (the pull request's copy of the list is one further on)."""
    return _path_suffix_unnumbered(_uncounted(path), _uncounted(parts))


def _path_with_gap(path: Sequence[str], parts: Sequence[str]) -> bool:
    """"4.3. Instruction Tuning > … > LLM Self-Reflection", the short form a pull request shows: the parts before
    the "…" appear in order somewhere above, the parts after it end the path."""
    if "…" not in parts and "..." not in parts:
        return False
    gap = parts.index("…") if "…" in parts else parts.index("...")
    before, after = list(parts[:gap]), list(parts[gap + 1:])
    if not after or len(before) + len(after) > len(path) or list(path[len(path) - len(after):]) != after:
        return False
    head = list(path[: len(path) - len(after)])
    return any(head[i: i + len(before)] == before for i in range(len(head) - len(before) + 1))


def _is_under(section: Section, ancestor: Section) -> bool:
    return len(section.path) > len(ancestor.path) and section.path[: len(ancestor.path)] == ancestor.path and (
        section.id.startswith(ancestor.id + "/")
    )


def _dominant_ending(lines: Sequence[str]) -> str:
    endings = Counter(_ending(line) for line in lines if _ending(line))
    return endings.most_common(1)[0][0] if endings else "\n"


# ---------------------------------------------------------------- parsing


MAX_LIST_BYTES = 64 * 2**20  # the largest awesome lists are a few MB


def read_list(path: Path) -> PaperList:
    """Read a README as exact text (no newline translation, so CRLF and NBSP survive)."""
    from bot.files import read_capped

    path = Path(path)
    try:
        data = read_capped(path, MAX_LIST_BYTES)
    except (FileNotFoundError, IsADirectoryError) as exc:  # a path the user gave: a usage error (exit 2)
        raise UsageError(f"cannot read list {path}: {exc.strerror or exc}") from None
    except OSError as exc:
        raise PaperbotError(f"cannot read list {path}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PaperbotError(f"{path}: not UTF-8 text (byte {exc.start}); save the list as UTF-8") from None
    return parse_list(text, str(path))


def parse_list(text: str, source: str = "README.md") -> PaperList:
    """Parse a README into sections and entries; PaperbotError naming the line if it is not a paper list."""
    if text.startswith("\ufeff"):
        pass  # the BOM stays in lines[0]; headings are only searched after it
    lines = _split_lines(text)
    sections: list[Section] = []
    entries: list[Entry] = []
    items: list[_Item] = []
    ids: set[str] = set()
    heading_stack: list[tuple[int, Section]] = []  # (level, section)
    groups: list[_OpenGroup] = []
    folds: list[_Fold] = []
    unlinked: list[tuple[str, str]] = []  # (section id, text) of bullets that name a paper without a link
    seen_title = False
    in_fence: str | None = None
    in_comment = False
    # A table of contents: a heading whose bullets are (nearly) all local anchors. Its few other link bullets
    # are not list entries; one "See also [B](#b)" bullet in a real section must not hide the section's entries.
    toc_anchors = 0
    since_heading: list[tuple[Entry, _Item, Section]] = []
    news: set[str] = set()  # ids of news, changelog and about-the-list sections and everything under them
    pointers: set[str] = set()  # ids of headings that only link to an anchor
    venues = _recurring_venues(lines)
    bracket_venues = _writes_bracket_venues(lines)
    names_first = _writes_names_first(lines)
    affiliations = _writes_affiliations(lines)
    i = 0

    def new_section(path: tuple[str, ...], kind: str, line: int, parent: Section | None) -> Section:
        base = "/".join(_slug(p) for p in path)
        sid, n = base, 2
        while sid in ids:
            sid, n = f"{base}-{n}", n + 1
        ids.add(sid)
        section = Section(id=sid, path=path, kind=kind, line=line, parent_id=parent.id if parent else None)
        sections.append(section)
        return section

    def close_heading() -> None:
        nonlocal toc_anchors
        if heading_stack and not since_heading:
            # `- **Limitations**:` over prose bullets in an introduction that links no paper: a label of the text,
            # no place for a paper; as a section it only makes `--section Limitations` ambiguous. A label with
            # nothing under it yet stays (a list's empty group a paper could go into).
            top = heading_stack[-1][1].id
            prose = {sid for sid, _ in unlinked if sid.startswith(top + "/")}
            drop = {sec.id for sec in sections if sec.kind in _LABEL_KINDS and sec.id.startswith(top + "/")
                    and any(sid == sec.id or sid.startswith(sec.id + "/") for sid in prose)}
            if drop:
                sections[:] = [sec for sec in sections if sec.id not in drop]
                unlinked[:] = [(top if sid in drop else sid, text) for sid, text in unlinked]
        if toc_anchors >= 2 and len(since_heading) * 3 <= toc_anchors:  # 3 of 4 bullets or more are anchors
            dropped = {id(e) for e, _, _ in since_heading}
            for _, _, owner in since_heading:
                owner.entries[:] = [e for e in owner.entries if id(e) not in dropped]
            entries[:] = [e for e in entries if id(e) not in dropped]
            items[:] = [it for it in items if id(it.entry) not in dropped]
            if heading_stack:
                # its bold labels (`- **🧭 Background**` over `  - [📚 Surveys (39)](#surveys)`) name the list's
                # sections again: no sections of their own, which `--section Background` would find twice
                toc = heading_stack[-1][1].id
                sections[:] = [sec for sec in sections if not (
                    sec.kind in _LABEL_KINDS and sec.id.startswith(toc + "/") and not sec.entries)]
        toc_anchors = 0
        since_heading.clear()

    def current_parent() -> Section | None:
        if groups:
            return groups[-1].section
        for fold in reversed(folds):
            if fold.section is not None:
                return fold.section
        return heading_stack[-1][1] if heading_stack else None

    def fold_tags(line: int, text: str) -> None:
        """Open and close `<details>` blocks; a `<summary>` naming a topic opens a sub-section until `</details>`."""
        for m in _FOLD_TOKEN_RE.finditer(text):
            if m.group("open"):
                folds.append(_Fold())
            elif m.group("close"):
                if folds and (fold := folds.pop()).outer_groups is not None:
                    groups[:] = fold.outer_groups
            elif folds and folds[-1].section is None and folds[-1].outer_groups is None:
                label = plain_text(m.group("summary"))
                if not label or _FOLD_ONLY_RE.fullmatch(label):
                    continue  # "Click to expand", "More", "2023": a fold inside its section, not a topic
                parent = current_parent()
                section = new_section((*parent.path, label) if parent else (label,), "summary", line, parent)
                if (parent is not None and parent.id in news) or _is_aside(label):
                    news.add(section.id)
                folds[-1].section, folds[-1].outer_groups = section, list(groups)
                groups.clear()

    def add_entry(parsed: _ParsedEntry, line: int, end: int, prefix: str, body: str, row: _Row | None,
                  breaks: tuple[tuple[int, str], ...] = (), below: str = "", hard: tuple[str, str] = ("", ""),
                  mark: str = "") -> None:
        owner = current_parent()
        if owner is None or owner.id in news:
            return  # a link before any section (preamble) or in the news: not part of the curated list
        key, arxiv_id = paper_key(parsed.url, parsed.title, parsed.extra_urls)
        entry = Entry(
            title=parsed.title, url=parsed.url, key=key, arxiv_id=arxiv_id, authors=parsed.authors,
            venue=parsed.venue, marks=parsed.marks, line=line, end_line=end, section_id=owner.id,
        )
        owner.entries.append(entry)
        entries.append(entry)
        items.append(_Item(entry, prefix, body, parsed, first_len=parsed.own_len, row=row, breaks=breaks,
                           authors_below=below, line_break=hard[0], names_break=hard[1], et_al_mark=mark))
        since_heading.append((entry, items[-1], owner))

    def table(header: int, text: str) -> int:
        """Read a table's rows that link a paper as entries of the section it sits in; the line after it."""
        roles = _column_roles(text)
        n = header + 2
        while n < len(lines) and "|" in (row_text := _content(lines[n])) and row_text.strip():
            # a row may leave out its last, empty cells (`| [Title](url) | arXiv | 2024-03 |` under five columns)
            spans = tuple(_cell_spans(row_text))
            row = _Row(header, spans, roles[: len(spans)])
            if len(spans) <= len(roles) and (parsed := _parse_row(row_text, row)) is not None:
                add_entry(parsed, n, n + 1, "", row_text, row)
            n += 1
        return n

    while i < len(lines):
        raw = _content(lines[i])
        if i == 0:
            raw = raw.lstrip("\ufeff")
        if in_fence:
            if raw.strip().startswith(in_fence):
                in_fence = None
            i += 1
            continue
        if in_comment:
            if "-->" in raw:
                in_comment = False
            i += 1
            continue
        if m := _FENCE_RE.match(raw):
            in_fence = m.group(1)[0] * 3
            i += 1
            continue
        stripped = raw.strip()
        if stripped.startswith("<!--") and "-->" not in stripped:
            in_comment = True
            i += 1
            continue
        if _FOLD_TAG_RE.match(raw):
            fold_tags(i, raw)
            i += 1
            continue
        m = _HEADING_RE.match(raw)
        setext = None if m else _setext_level(lines, i)
        if m or setext:
            close_heading()
            folds.clear()  # a heading inside a fold starts a section of its own
            level = len(m.group("hashes")) if m else setext or 0
            title = plain_text((m.group("text") if m else raw) or "")
            step = 1 if m else 2  # a setext heading's underline is part of it
            groups.clear()
            if level == 1 and not seen_title and not sections:
                seen_title = True
                heading_stack.clear()
                i += step
                continue
            if not title:
                i += step
                continue
            if sections and _is_fold_of(sections[-1], title, lines, i):
                # `<details open>` `<summary>Topic</summary>` then `### Topic` (yyxisgreat-ops/GE2EAD): the fold
                # that shows or hides the heading's section, no section of its own, which would give one topic two
                # paths alike (`--section Topic` ambiguous) or nest the next topic under this one's heading
                fold_of = sections.pop()
                ids.discard(fold_of.id)
                news.discard(fold_of.id)
            while heading_stack and heading_stack[-1][0] >= level:
                heading_stack.pop()
            parent = heading_stack[-1][1] if heading_stack else None
            path = (*parent.path, title) if parent else (title,)
            section = new_section(path, "heading", i, parent)
            heading_stack.append((level, section))
            if _is_pointer((m.group("text") if m else raw) or ""):
                pointers.add(section.id)
            if (parent is not None and parent.id in news) or _is_aside(title):
                news.add(section.id)
            i += step
            continue
        if "|" in raw and i + 1 < len(lines) and _TABLE_DELIM_RE.match(_content(lines[i + 1])) and (
            "|" in _content(lines[i + 1])
        ):
            i = table(i, raw)
            continue
        bm = _BULLET_RE.match(raw)
        if not bm:
            # `**Title** \` over `*Authors* \`, `arXiv 2022. [[Paper](url)] \` and `18 Aug 2022`: a paragraph that
            # is an entry, a blank line between it and the next
            if (pend := _paragraph_end(lines, i)) is not None:
                full, breaks = _joined_paragraph(lines, i, pend)
                parsed = _parse_entry_body(full, venues=venues, bracket_venues=bracket_venues,
                                           names_first=names_first, affiliations=affiliations) \
                    if _is_entry_paragraph(full) else None
                if parsed is not None and not _GENERIC_LINK_TEXT.match(parsed.title):
                    add_entry(parsed, i, pend, "", full, None, breaks)
                    i = pend
                    continue
            i += 1
            continue
        indent = len(bm.group("indent").expandtabs(4))
        body = bm.group("body")
        # An entry may continue on following lines (indented or lazy continuation).
        end = i + 1
        while end < len(lines):
            nxt = _content(lines[end])
            if (not nxt.strip() or _BULLET_RE.match(nxt) or _HEADING_RE.match(nxt) or _FENCE_RE.match(nxt)
                    or _FOLD_TAG_RE.match(nxt)):
                break
            end += 1
        # `1. **Title** `Preprint``, a blank line, then `    [2021.07][[Paper](url)] *Authors*`: a bullet that links
        # nothing goes on in the paragraphs indented under it (as the item's own), up to the one with its link
        inner = len(raw[: bm.start("body")].expandtabs(4))  # where the item's own text starts
        own_lines = list(range(i + 1, end))
        while not any(not _is_local(lk) and not _is_badge(lk) for lk in _links(
                " ".join([body] + [_content(lines[j]) for j in own_lines]))):
            start = end
            while start < len(lines) and not lines[start].strip():
                start += 1
            para = start
            while para < len(lines) and (ptext := _content(lines[para])).strip() and not (
                    _BULLET_RE.match(ptext) or _HEADING_RE.match(ptext) or _FENCE_RE.match(ptext)
                    or _FOLD_TAG_RE.match(ptext)):
                if len(ptext.expandtabs(4)) - len(ptext.expandtabs(4).lstrip()) < inner:
                    break
                para += 1
            if start == end or para == start or (para < len(lines) and _content(lines[para]).strip()):
                break  # no blank line, nothing indented after it, or a paragraph that ends in an unindented line
            own_lines += range(start, para)
            end = para
        full = " ".join([body] + [_content(lines[j]).strip() for j in own_lines])
        # A group label: the whole bullet is bold (or italic) text, or code with a colon. Not a bold title whose
        # link is on the line below it (`1. **Title**` then `*Authors*[[paper]](url) 2021.9`): that is an entry.
        group_kind = None
        linked = any(not _is_local(lk) and not _is_badge(lk) for lk in _links(full))
        gm = _BOLD_ONLY_RE.match(body.strip())
        if gm and not _links(body) and not linked:
            group_kind, rank = "bold", 0
        else:
            gm = _ITALIC_ONLY_RE.match(body.strip())
            if gm and not _links(body) and not linked:
                group_kind, rank = "italic", 1
            elif (gm := _CODE_ONLY_RE.match(body.strip())) and not linked:
                group_kind, rank = "code", 0
        if group_kind and gm:
            label = plain_text(gm.group("text"))
            while groups and (groups[-1].indent > indent or (groups[-1].indent == indent and groups[-1].rank >= rank)):
                groups.pop()
            parent = current_parent()
            if groups:
                groups[-1].has_children = True
            path = (*parent.path, label) if parent else (label,)
            section = new_section(path, group_kind, i, parent)
            if parent is not None and parent.id in news:
                news.add(section.id)
            groups.append(_OpenGroup(section, indent, rank))
            i += 1
            continue
        links = _links(full)
        if links and all(_is_local(lk) or _is_badge(lk) for lk in links):
            if any(_is_local(lk) for lk in links):
                toc_anchors += 1
            i = end
            continue
        if not links:
            if (owner := current_parent()) is not None and owner.id not in news:
                unlinked.append((owner.id, full))
            i = end
            continue
        more = [len(_content(lines[j]).strip()) + 1 for j in own_lines]  # +1: the joining space
        line_ends = list(itertools.accumulate([len(body), *more]))
        breaks = tuple(
            (at, "".join(lines[prev: j])[len(_content(lines[prev])):] + lines[j][: -len(lines[j].lstrip()) or None])
            for at, prev, j in zip(line_ends, [i, *own_lines], own_lines, strict=False)
        )
        parsed = _parse_entry_body(full, len(body), line_ends, venues, bracket_venues, names_first, affiliations)
        if parsed is None or _GENERIC_LINK_TEXT.match(parsed.title):
            # `  - Code: [GitHub](...)` under an entry: a link of that paper, not a paper called "Code"
            i = end
            continue
        # Which open group does this bullet belong to? Deeper bullets nest; a same-indent bullet right
        # after a childless label is read as the label's item (flat lists under bold labels).
        while groups and groups[-1].indent >= indent:
            g = groups[-1]
            if g.indent == indent and (g.flat or not g.has_children):
                g.flat = True
                break
            groups.pop()
        if groups:
            groups[-1].has_children = True
        # `- [Title](url)` then `  - Dun Zeng, Yong Dai, ...` (then `  - Keyword: ...`): the names are its authors
        below = mark = ""
        if (not parsed.authors and end < len(lines) and (sub := _BULLET_RE.match(_content(lines[end])))
                and len(sub.group("indent").expandtabs(4)) > indent and not _links(sub.group("body"))
                and (names := _names_below(sub.group("body"))) is not None):
            parsed = replace(parsed, authors=plain_text(names[0]))
            mark = names[1]
            below = lines[end - 1][len(_content(lines[end - 1])):] + _content(lines[end])[: sub.start("body")]
        hard = (_hard_break(lines[end - 1]), _hard_break(lines[end]) if below else "")
        add_entry(parsed, i, end, raw[: bm.start("body")], full, None, breaks, below, hard, mark)
        i = end
    close_heading()
    # `### 📚 [Research Papers](#research-papers)` over a table of contents: a pointer to the list's section, not
    # an empty section of its own that `sections` shows and a paper could be filed under
    parents = {s.parent_id for s in sections}
    gone = {s.id: s.parent_id for s in sections if s.id in pointers and not s.entries and s.id not in parents}
    if gone:
        sections[:] = [s for s in sections if s.id not in gone]
        # their linkless bullets are the parent's (none at the top: nothing a paper could be named in there)
        unlinked[:] = [(up, text) for sid, text in unlinked if (up := gone.get(sid, sid)) is not None]

    if not sections:
        first = next((n for n, line in enumerate(lines) if line.strip()), None)
        where = f"{source}:{first + 1}" if first is not None else source
        raise PaperbotError(
            f"{where}: not a paper list: no section found (expected '## Heading' lines or '- **Group**' bullets)"
        )
    if not entries:
        raise PaperbotError(
            f"{source}:{sections[0].line + 1}: not a paper list: {len(sections)} sections but no bullet links "
            "to a work (expected lines like '- [Title](https://arxiv.org/abs/...) *Authors.* Venue.')"
        )
    plist = PaperList(source=source, text=text, lines=lines, sections=sections, entries=entries, _items=items,
                      _news=frozenset(news), _unlinked=tuple(unlinked))
    plist._section_end = _section_ends(sections, len(lines))
    return plist


def _names_below(body: str) -> tuple[str, str] | None:
    """The names a sub-bullet under an entry writes, with a plain et al., and the emphasis around its et al. (`*` in
    `Rafael Raffel *et al.*`, its affiliation after it left out); None where the line is not only names."""
    text, mark = body.strip(), ""
    if m := _EMPHASIZED_ET_AL_RE.search(text):
        text, mark = text[: m.start()] + m.group("et_al"), m.group("mark")
    return (text, mark) if _NAMES_RE.fullmatch(text) else None


def _is_fold_of(section: Section, title: str, lines: Sequence[str], heading: int) -> bool:
    """Whether `section` is the `<summary>` of a fold that only wraps the heading at line `heading` (the same name,
    nothing but blank lines between them, nothing under it yet): the heading's fold, not a topic of its own."""
    return (section.kind == "summary" and not section.entries and _same_topic(section.path[-1], title)
            and all(not line.strip() for line in lines[section.line + 1: heading]))


def _same_topic(summary: str, heading: str) -> bool:
    """Whether a fold's summary names the heading it wraps, whatever count of papers each says: a contributor may
    recount one and not the other (`<summary>Memory (27)</summary>` over `### Memory (28)`), still one topic."""
    return _norm_component(_uncounted([summary])[0]) == _norm_component(_uncounted([heading])[0])


def _fold_over(plist: PaperList, section: Section) -> int | None:
    """The line of the `<summary>` whose fold only wraps `section`'s heading (`<summary>Memory (27)</summary>` over
    `### Memory (27)`, one section: `_is_fold_of`), None where the heading has no such fold."""
    if section.kind != "heading":
        return None
    k = next((k for k in range(section.line - 1, -1, -1) if plist.lines[k].strip()), None)
    m = _SUMMARY_RE.search(plist.lines[k]) if k is not None else None
    return k if m and _same_topic(plain_text(m.group(2)), section.path[-1]) else None


def _section_ends(sections: Sequence[Section], n_lines: int) -> dict[str, int]:
    """Exclusive end line of each section: where the next section that is not inside it begins."""
    ends: dict[str, int] = {}
    for k, s in enumerate(sections):
        end = n_lines
        for later in sections[k + 1:]:
            if not later.id.startswith(s.id + "/"):
                end = later.line
                break
        ends[s.id] = end
    return ends


# ---------------------------------------------------------------- writing: style and placement


_MD_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]|<>~"})  # "~": GitHub strikes through ~text~


def escape_markdown(text: str) -> str:
    """Inline text that renders as itself: one line, markdown and HTML specials escaped."""
    one_line = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return one_line.translate(_MD_ESCAPES)


def unescape_markdown(text: str) -> str:
    """The text escape_markdown was given (one line): how a title is read back from what the bot wrote."""
    return re.sub(r"\\([\\`*_\[\]|<>~])", r"\1", text)


@dataclass(frozen=True)
class _Style:
    prefix: str
    template: str  # body with {title}, {url}, {authors}, {venue} placeholders (braces in text doubled)
    authors_sep: str = ", "
    authors_last: str = ", "
    authors_end: str = ""
    et_al: bool = False
    et_al_text: str = "et al."  # or "et al", as most neighbours write it
    et_al_surname: bool = False  # `Wang et al.`: the first author's surname only, as most neighbours write it
    et_al_names: int = 1  # `A, B, C, D, E. et al.`: the fewest names a neighbour writes before its et al.
    et_al_joiner: str = " "  # what comes between them and et al. (". " there), as most neighbours write it
    one_surname: bool = False  # a paper by one person as `Wang`, on a list of `Wang et al.` (`_one_author_surname`)
    two_surnames: bool = False  # a paper by two people as `Wu and Shu`, on a list of `Wang et al.` (`_two_surnames`)
    title_period: bool = False  # most neighbours end the link text with "." ("[Title.](url)")
    line_break: str = ""  # ending the entry's line where names follow on a sub-bullet, as most neighbours' do
    names_break: str = ""  # ending that sub-bullet of names, as most neighbours' do
    et_al_mark: str = ""  # the emphasis most neighbours' sub-bullets of names put around their et al. (`*et al.*`)
    url: str = ""  # the paper's arXiv link as the neighbours write theirs (`_arxiv_url`); "" for `Paper.url`


# An arXiv link's form: http or https, www. or not, the abstract or the PDF (`.pdf` or not), a version or not.
_ARXIV_LINK_RE = re.compile(
    r"^[ \t]*(?P<scheme>https?)://(?P<www>www\.)?(?:[a-z]+\.)?arxiv\.org/(?P<kind>abs|pdf)/"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})(?P<v>v\d+)?(?P<ext>(?<=\d)\.pdf)?/?[ \t]*$",
    re.I,
)
_ArxivForm = tuple[str, bool, str, str, bool]  # scheme, www., abs or pdf, ".pdf" or "", versioned
_ABS_FORM: _ArxivForm = ("https", False, "abs", "", False)


def _arxiv_forms(entries: Iterable[Entry]) -> Counter[_ArxivForm]:
    """How many entries link their arXiv page in each form."""
    forms: Counter[_ArxivForm] = Counter()
    for e in entries:
        if m := _ARXIV_LINK_RE.match(e.url):
            kind = m.group("kind").lower()
            forms[(m.group("scheme").lower(), bool(m.group("www")), kind,
                   ".pdf" if m.group("ext") and kind == "pdf" else "", bool(m.group("v")))] += 1
    return forms


def _arxiv_url(paper: Paper, plist: PaperList, siblings: Sequence[Entry]) -> str:
    """The paper's arXiv link in the form most of the section's entries write theirs, else the list's: a list
    of `https://arxiv.org/pdf/2403.02966.pdf` gets `/pdf/ID.pdf`, not the abstract page. A section says its
    form with 3 arXiv links or more (one or two PDF links in a list of abstract pages are no form of its own).
    A list that keeps versions gets the paper's version where it is known (none is made up)."""
    if not paper.arxiv_id or not ARXIV_ID_RE.fullmatch(paper.arxiv_id):
        return paper.url
    whole, own = _arxiv_forms(plist.entries), _arxiv_forms(siblings)
    forms = whole | own
    if not forms:
        return paper.url
    says = sum(own.values()) >= 3
    scheme, www, kind, ext, versioned = max(
        forms, key=lambda f: (own[f] if says else 0, whole[f], own[f], f == _ABS_FORM))
    version = f"v{paper.version}" if versioned and paper.version else ""
    return f"{scheme}://{'www.' if www else ''}arxiv.org/{kind}/{paper.arxiv_id}{version}{ext}"


def _template_of(item: _Item) -> tuple[str, bool, bool] | None:
    """The sibling's body with its parts replaced by placeholders; marks and code links dropped. None when
    the shape cannot be templated (no place for the title or the link): such a line would be broken."""
    p = item.parsed
    body = item.body[: item.first_len]  # continuation lines describe that paper only: not part of a style
    cuts: list[tuple[int, int, str]] = [(p.title_span[0], p.title_span[1], "{title}"), (*p.url_span, "{url}")]
    if p.lead_end:
        cuts.append((0, p.lead_end, ""))  # a 🔥, a badge or a date before the title is that paper's
    if p.authors_span:
        cuts.append((*p.authors_span, "{authors}"))
    if p.venue_span:
        cuts.append((*p.venue_span, "{venue}"))
    if p.date_span:
        cuts.append((*p.date_span, "{date}"))
    if p.name_span:
        cuts.append((*p.name_span, "{name}"))
    if p.note_span:
        # `: A framework for ...`, `> Named APPS`: that work's own words, with the space or line break before them
        start = len(body[: p.note_span[0]].rstrip(" \t\u00a0"))
        cuts.append((start, p.note_span[1], ""))
    cuts = [c for c in cuts if c[1] <= len(body)]
    # where the entry goes on on a line of its own (`+ **Title**` over `  *Authors*[[paper]](url) 2021.9`) or in a
    # paragraph under the bullet: a new entry is laid out on as many lines; a break inside the title, the authors
    # or the venue (a long one wrapped) is that paper's
    inside = [c for c in cuts if c[2] or (p.note_span and c[1] == p.note_span[1])]
    cuts += [(at, at + 1, gap) for at, gap in item.breaks
             if at < len(body) and not any(s <= at < e for s, e, _ in inside)]
    for s, e in p.other_links:
        if e > len(body):
            continue
        if body[s - 1: s] == "[" and body[e: e + 1] == "]":
            s, e = s - 1, e + 1  # `[[code](url)]`: its brackets go with it
        # drop the link and the separator before it (" | ", ", ", " ")
        pre = re.search(r"[ \t\u00a0]*(?:[|,][ \t\u00a0]*)?$", body[:s])
        cuts.append((pre.start() if pre else s, e, ""))
    after = p.url_span[1]
    # that paper's own tags and note after its link: `` `#world-model` ``, `_Why it matters:_ Proves ...`
    cuts += [(m.start(), m.end(), "") for m in re.compile(r"[ \t\u00a0]*`[^`\n]+`").finditer(body, after)]
    if note := re.search(r"[ \t\u00a0]*(\*\*|__|\*|_)[^*_\n]{1,40}:\1.*$", body[after:]):
        cuts.append((after + note.start(), len(body), ""))
    placed = max((span[1] for span in (p.url_span, p.authors_span, p.venue_span) if span), default=after)
    if p.authors_span and (note := re.compile(
        r"[ \t\u00a0]*[-–—:|][ \t\u00a0]*(\*|_)(?!\s)[^*_\n]+?(?<!\s)\1(?![*\w])"
    ).search(body, placed)):
        # `(Wang et al., arXiv 2023) - *The canonical survey.*`: a note on that paper after its authors and venue
        cuts.append((note.start(), note.end(), ""))
    cuts.sort()
    out, pos = [], 0
    for s, e, rep in cuts:
        if s < pos and not rep and e > pos and not body[s:pos].strip():
            s = pos  # `**Title**` over ` [[code](url)]`: the line break stays, the link and the rest of its gap go
        if s < pos:
            continue
        out.append(body[pos:s].replace("{", "{{").replace("}", "}}"))
        out.append(rep)
        pos = e
    out.append(body[pos:].replace("{", "{{").replace("}", "}}"))
    template = "".join(out)
    template = _EMOJI_RE.sub("", template).rstrip(" \t\u00a0")
    if item.authors_below and not p.authors_span:
        template += item.authors_below + "{authors}"  # `  - Dun Zeng, Yong Dai` on the line below
    if "{title}" not in template or "{url}" not in template:
        return None
    # Words left outside the placeholders and link texts are that paper's own text the parser did not place
    # (`**[T](u)**, Chunting Zhou, Pengfei Liu, et al., *NeurIPS 2023*`): copied, they would give the new paper
    # a neighbour's authors.
    # A link named for what it is rather than the paper (`[[blog](url)]`, `[0009-0000-2388-1072](orcid...)`)
    # would name the new paper's arXiv link so.
    main = next((lk for lk in _links(body) if lk.start < p.url_span[0] < lk.end), None)
    if main and not main.start < p.title_span[0] < main.end and not _PAPER_LINK_TEXT.fullmatch(plain_text(main.text)):
        return None
    # `In **{venue}**`
    rest = re.sub(r"\{(?:title|url|authors|venue|date|name)\}|\[[^\]]*\]|<[^>]*>|\bIn\b", " ", template)
    if re.search(r"[^\W\d_]{2}", rest):
        return None
    return template, p.authors_span is not None or bool(item.authors_below), p.venue_span is not None


_PLAIN_TEMPLATE = ("[{title}]({url}) *{authors}* {venue}", True, True)


def _authors_style(authors: Sequence[str]) -> tuple[str, str, str, bool, str, bool, int, str]:
    """Separator, last joiner, trailing punctuation, et-al habit, its spelling, whether a surname alone goes
    before it, the fewest names written before it and what joins them to it in the siblings' author lists."""
    seps: Counter[str] = Counter()
    lasts: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    etals: Counter[str] = Counter()
    etal = surnames = 0
    before: list[int] = []
    joiners: Counter[str] = Counter()
    for a in authors:
        a = a.strip()
        if not a:
            continue
        if m := re.search(r"\bet al\.?$", a):
            etal += 1
            etals[m.group(0)] += 1
            surnames += len(a[: m.start()].rstrip(" ,").split()) == 1
            names = a[: m.start()].rstrip(" ,.;")
            joiners[a[len(names): m.start()] or " "] += 1
            before.append(len(re.split(r"\s*[,;]\s*|\s+and\s+", names)) if names else 1)
            continue
        ends["." if a.endswith(".") else ""] += 1  # `Wu and Shu.` beside `Fang et al.`: the full stop of "al." is none
        seps["; " if "; " in a else ", "] += 1
        if re.search(r",? and [^,]+$", a):
            lasts[", and " if ", and " in a else " and "] += 1
        elif "," in a or ";" in a:
            lasts["sep"] += 1
    sep = seps.most_common(1)[0][0] if seps else ", "
    last = lasts.most_common(1)[0][0] if lasts else "sep"
    end = ends.most_common(1)[0][0] if ends else ""
    etal_text = max(etals, key=lambda t: (etals[t], t)) if etals else "et al."
    joiner = joiners.most_common(1)[0][0] if joiners else " "
    # the habit of the siblings that name people: one that names an affiliation (`OpenAI`) or no one has none
    named = sum(1 for a in authors if a.strip())
    return (sep, sep if last == "sep" else last, end, etal * 2 > named, etal_text, surnames * 2 > etal,
            min(before, default=1), joiner)


def _format_authors(names: Sequence[str], style: _Style) -> str:
    names = [escape_markdown(n) for n in names if n.strip()]
    if not names:
        return ""
    if style.et_al and style.one_surname and len(names) == 1:
        return names[0].split()[-1] + style.authors_end  # `Wang` beside `Zhang et al.`
    if style.et_al and style.two_surnames and len(names) == 2:
        return f"{names[0].split()[-1]} and {names[1].split()[-1]}{style.authors_end}"  # `Wu and Shu.`
    if style.et_al and len(names) > max(1, style.et_al_names):
        et_al = f"{style.et_al_mark}{style.et_al_text}{style.et_al_mark}"  # `Rafael Raffel *et al.*`
        if style.et_al_names > 1:  # `A, B, C, D, E. et al.`: as many names as the neighbours write before it
            return f"{style.authors_sep.join(names[: style.et_al_names])}{style.et_al_joiner}{et_al}"
        return f"{names[0].split()[-1] if style.et_al_surname else names[0]} {et_al}"
    text = names[0] if len(names) == 1 else style.authors_sep.join(names[:-1]) + style.authors_last + names[-1]
    return text + style.authors_end if not text.endswith(style.authors_end) else text


def _emphasized_et_al(authors: str, et_al: str, cells: Sequence[str]) -> str:
    """`Gody *et al.*` where most rows' author cells write `Ling *et al.*`: the emphasis that the cells' plain
    text (the authors the style is learnt from) leaves out."""
    marks = Counter(m.group(1) for c in cells if (m := re.search(r"\s(\*{1,2}|_{1,2})et al\.?\1$", c.strip())))
    if not marks or sum(marks.values()) * 2 <= len(cells):
        return authors
    mark = marks.most_common(1)[0][0]
    return f"{authors[: -len(et_al)]}{mark}{et_al}{mark}"


def _venue_for(paper: Paper, plist: PaperList, siblings: Sequence[Entry]) -> str:
    """'Arxiv 2025.' in the list's own spelling of an arXiv venue, with the year of the paper's id; the venue the
    paper's arXiv comment says it was accepted at instead, where it says one. In brackets where most of the
    section's venues are (opendilab/awesome-RLVR's `(ICLR 2024)`): a spelling taken from elsewhere in the list, or
    an accepted venue's name, has none of its own."""
    venue = _venue_text(paper, plist, siblings)
    pairs = Counter(e.venue[0] + e.venue[-1] for e in siblings if _BRACKETED_VENUE_RE.fullmatch(e.venue))
    if venue and pairs and sum(pairs.values()) * 2 > len(siblings) and not _BRACKETED_VENUE_RE.fullmatch(venue):
        pair = pairs.most_common(1)[0][0]
        return f"{pair[0]}{venue}{pair[1]}"
    return venue


_BRACKETED_VENUE_RE = re.compile(r"\([^()]+\)|\[[^\[\]]+\]")


def _venue_text(paper: Paper, plist: PaperList, siblings: Sequence[Entry]) -> str:
    """The venue's words, as `_venue_for` writes them but for the section's brackets."""
    year = arxiv_year(paper.arxiv_id) or (int(paper.published[:4]) if paper.published else None)
    # `Arxiv 2024 (Dec)`: the month in brackets too, or in digits after a dot (`arXiv 2023.12`, Jason-cs18/HetServe-
    # LLMs), the paper's own where its id gives it
    pattern = re.compile(
        r"^(?P<pre>\W*arxiv\W*?)(?P<year>(?:19|20)\d{2})"
        r"(?:(?P<mon>[ \u00a0]*\((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\))"
        r"|(?P<num>[./-])(?:0[1-9]|1[0-2]))?(?P<post>\W*)$",
        re.I,
    )
    month = arxiv_month(paper.arxiv_id)
    venues = [e.venue for e in siblings if e.venue]
    if year and venues and all(re.fullmatch(r"(?:19|20)\d{2}", v) for v in venues):
        return str(year)  # `- Jane Doe (2023)`: the section gives a year only
    yearless = not any(_VENUE_YEAR_RE.search(v) for v in venues)
    if (accepted := paper.venue) is not None:  # "Accepted to ACL 2025": what a maintainer would write
        text = _accepted_venue(accepted, plist)
        if venues and yearless:  # `| EMNLP | 2023-10 |`: the section names venues without a year
            text = re.sub(r"\s*\b\d{4}\b", "", text).strip()
        if journal_spellings(accepted.name) is None and _writes_in(plist):
            text = f"In {text}"  # `*In ICML*, 2025.`: a conference's proceedings, as the list cites them
        return text + _section_full_stop("", siblings)
    bare = Counter(v for v in venues if re.fullmatch(r"\W*arxiv\W*", v, re.I))
    if bare and (sum(bare.values()) * 2 > len(venues) or yearless):
        # `*arXiv*` without a year, as most of the section writes it, or as a section whose venues name no year
        # (`| arXiv | 2024-03 |`, `| EMNLP | 2023-10 |`: a Date column says when) writes it
        return bare.most_common(1)[0][0]
    # a section whose venues name no year (awesome-pruning's `| ICLR |` and `| NeurIPS |` over a Year column): arXiv
    # without one too, in the list's spelling of it; so too on a list that writes arXiv only so, twice or more,
    # whatever its published papers' venues do (YutingHe-list/Awesome-Foundation-Models-for-Advancing-Healthcare's
    # `[arXiv]` beside `[ICML 2021]`, ziansu/awesome-llm-steering's `[arxiv]` beside `[ICML 2025]`): its preprints'
    # way, where one alone may be a slip
    undated = bool(venues) and yearless
    spelt = Counter(e.venue for e in plist.entries if re.fullmatch(r"\W*arxiv\W*", e.venue, re.I))
    dated = any(re.search(r"arxiv", e.venue, re.I) and e.venue not in spelt for e in plist.entries)
    if spelt and (undated or (not dated and sum(spelt.values()) >= 2)):
        return spelt.most_common(1)[0][0]
    for pool in (siblings, plist.entries):
        # `*arXiv 2508.07407*, 2025.`: where most of the arXiv venues write their paper's id, this paper's
        arxiv = [m for e in pool if (m := _ARXIV_ID_VENUE_RE.fullmatch(e.venue)) or re.search(r"arxiv", e.venue, re.I)]
        ided = Counter((m.group("pre"), m.group("post")) for m in arxiv if isinstance(m, re.Match))
        if paper.arxiv_id and ided and sum(ided.values()) * 2 > len(arxiv):
            pre, post = ided.most_common(1)[0][0]
            return f"{pre}{paper.arxiv_id}{post}"
    for pool in (siblings, plist.entries):
        forms: Counter[tuple[str, str | None, str | None, str]] = Counter()
        for e in pool:
            if m := pattern.match(e.venue):
                gap = m.group("mon")[: m.group("mon").index("(")] if m.group("mon") else None
                forms[(m.group("pre"), gap, m.group("num"), m.group("post"))] += 1
        if forms and year:
            (pre, gap, num, post), _ = forms.most_common(1)[0]
            if undated:  # `arXiv 2024` elsewhere in the list: `arXiv`
                return f"{pre.rstrip(_YEAR_JOINERS)}{_section_full_stop(post, siblings)}"
            mon = f"{gap}({calendar.month_abbr[month % 12 + 1]})" if gap is not None and month is not None else ""
            if num is not None and month is not None:
                mon = f"{num}{month % 12 + 1:02d}"  # `arXiv 2025.03`
            return f"{pre}{year}{mon}{_section_full_stop(post, siblings)}"
    # `Preprint` where the list writes no arXiv venue (`**Title** `Preprint``, `**Title** `ICLR23``): its word for one
    preprint = Counter(e.venue for e in plist.entries if re.fullmatch(r"\W*pre-?print\W*", e.venue, re.I))
    if preprint:
        return preprint.most_common(1)[0][0]
    # a closing mark the siblings share ("ICLR 2024."); not a bracket: "(2023)" closes what it opened
    ends = Counter(e.venue[-1] for e in siblings if e.venue and e.venue[-1] in ".,;:!")
    end = ends.most_common(1)[0][0] if ends and ends.most_common(1)[0][1] > len(siblings) / 2 else ""
    if undated:
        return f"arXiv{end}"
    return f"arXiv {year}{end}" if year else "arXiv"


# A year a venue names (`ICLR 2024`, `(ACL 2024)`); not the first digits of an arXiv id (`arXiv 2005.07683`).
_VENUE_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b(?!\.\d{4,5}(?!\d))")
# What joins arXiv to its year (`arXiv 2024`, `arXiv, 2024`, `arXiv-2024`): gone with the year.
_YEAR_JOINERS = " \u00a0,;:-–"
# An arXiv venue that names its paper by id: `arXiv 2508.07407`, `arXiv:2401.00001`.
_ARXIV_ID_VENUE_RE = re.compile(r"(?P<pre>\W*arxiv\W*?)(?P<id>\d{4}\.\d{4,5}(?:v\d+)?)(?P<post>\W*)", re.I)
# A bare conference name, as a venue slot writes it without "In" (`ICML`, `CVPR 2024`, `IEEE S&P`).
_BARE_CONFERENCE_RE = re.compile(r"(?:IEEE |ACM )?[A-Z][A-Za-z&-]*[A-Z][A-Za-z&-]*(?: (?:19|20)\d{2})?")


def _writes_in(plist: PaperList) -> bool:
    """Whether the list cites a conference as the proceedings it is in (`*In ICML*`, `*In USENIX Security*`)
    more often than by its name alone (`ICML 2025`)."""
    said = sum(bool(re.match(r"In[ \u00a0]+[A-Z]", e.venue)) for e in plist.entries)
    bare = sum(bool(_BARE_CONFERENCE_RE.fullmatch(e.venue)) for e in plist.entries)
    return said > bare


def _accepted_venue(venue: Venue, plist: PaperList) -> str:
    """"ACL Findings 2025" as this list writes a venue: its spelling of the name ("Neurips"; for a journal any of
    its names, "ACM CSUR" or "IEEE TPAMI"), and its order for Findings and workshops ("Findings of ACL 2025", "ACL
    2025 Findings" or "ACL Findings 2025")."""
    name_re = venue_spellings(venue.name)
    spellings = Counter(" ".join(m.group().split()) for e in plist.entries
                        for m in re.finditer(rf"(?<![\w-])(?:{name_re})(?![\w-])", e.venue, re.I))
    # `CASE 2023`: the acronym alone, which only an entry's venue slot shows to be the venue
    spellings.update(bare[1] for e in plist.entries if (bare := slot_word_venue(e.venue)) and bare[0] == venue.name)
    name = max(spellings, key=lambda n: (spellings[n], n == venue.name)) if spellings else venue.name
    year = str(venue.year)
    if not venue.kind:
        return f"{name} {year}"
    if venue.kind == "datasets":  # the list's own short form where it has one ("NeurIPS D&B 2024")
        word = "D&B" if any(re.search(r"\bD\s*&\s*B\b", e.venue) for e in plist.entries) \
            else "Datasets and Benchmarks"
    else:
        word = {"findings": "Findings", "workshop": "Workshop", "demo": "Demo", "industry": "Industry"}[venue.kind]
    said = re.escape(word)
    orders: Counter[str] = Counter()
    for e in plist.entries:
        if re.search(rf"(?<!\w){said}s?\s+of\b.*\b(?:19|20)\d{{2}}", e.venue, re.I):
            orders["of"] += 1
        elif re.search(rf"[A-Za-z]\s+{said}s?\s+(?:19|20)\d{{2}}", e.venue, re.I):
            orders["middle"] += 1
        elif re.search(rf"(?:19|20)\d{{2}}\s+{said}", e.venue, re.I):
            orders["after"] += 1
    order = orders.most_common(1)[0][0] if orders else ("of" if venue.kind == "findings" else "after")
    forms = {"of": f"{word} of {name} {year}", "middle": f"{name} {word} {year}", "after": f"{name} {year} {word}"}
    return forms[order]


def _section_full_stop(post: str, siblings: Sequence[Entry]) -> str:
    """The venue's closing "." as most of the section's venues have it ("ICLR 2025." / "ICLR 2025"): one
    arXiv neighbour's habit is not the section's."""
    venues = [e.venue.rstrip() for e in siblings if e.venue.strip()]
    if len(venues) < 2:
        return post
    stops = sum(v.endswith(".") for v in venues)
    if stops * 2 > len(venues):
        return post if post.endswith(".") else post + "."
    if stops * 2 < len(venues):
        return post.rstrip(".")
    return post


def _style_for(plist: PaperList, section: Section, paper: Paper) -> tuple[_Style, list[_Item]]:
    by_entry = {id(it.entry): it for it in plist._items}
    own = [by_entry[id(e)] for e in section.entries if id(e) in by_entry and by_entry[id(e)].row is None]
    bullets = [it for it in plist._items if it.row is None]  # a table row is no shape for a bullet
    pool = list(own)
    if not pool and (donor := _year_donor(plist, section)) is not None:
        # a year section just added (`### 2025`): the shape of the year's beside it
        pool = [by_entry[id(e)] for e in donor.entries if id(e) in by_entry and by_entry[id(e)].row is None]
    if not pool:
        # No entries of its own: borrow from the sub-sections, else the whole list.
        sub = [it for it in bullets if it.entry.section_id.startswith(section.id + "/")]
        pool = sub or bullets
    best = _best_template((pool, bullets), paper)
    names_from = pool
    if paper.authors and not any(it.parsed.authors_span or it.authors_below for it in pool):
        # No neighbour shows its authors in a way the parser reads (none, or plain text): the list's own
        # way of writing them, rather than a paper without its authors on a list that names them, on the title's
        # line or on a sub-bullet of names (opendilab/awesome-RLVR's `### 2024 & Earlier` names `OpenAI`,
        # `DeepMind`, where `### 2025` writes `  - Run Luo, Lu Wang, Wanwei He, Xiaobo Xia`).
        named = [it for it in bullets if it.parsed.authors_span or it.authors_below]
        borrowed = _best_template((named, bullets), paper) if named else best
        if (below := _NAMES_BELOW_RE.search(borrowed[0])) and "{authors}" not in best[0]:
            # a sub-bullet of names: under the section's own line, its venue where and as the section writes it
            # (`[{title}]({url}) {venue}` over `  - {authors}`, not the other section's line without a venue)
            best = (best[0] + below.group(), True, best[2])
            names_from = named
        else:
            pool, best = named or pool, borrowed
    prefixes = Counter(it.prefix for it in (own or pool))
    shapes = own or pool
    prefix = max(  # "- " in a list of tables only
        prefixes, key=lambda p: (prefixes[p], max(n for n, it in enumerate(shapes) if it.prefix == p)), default="- "
    )
    if not own:
        prefix = _prefix_for_empty(plist, section, prefix)
    sep, last, end, etal, etal_text, surname, etal_names, etal_joiner = _authors_style(
        [it.entry.authors for it in pool])
    titled = own or pool
    periods = sum(it.body[slice(*it.parsed.title_span)].rstrip().endswith(".") for it in titled)
    style = _Style(prefix, best[0], sep, last, end, etal, etal_text, surname, etal_names, etal_joiner,
                   title_period=periods > len(titled) / 2, url=_arxiv_url(paper, plist, [it.entry for it in titled]),
                   line_break=_most_breaks([it.line_break for it in titled]),
                   names_break=_most_breaks([it.names_break for it in names_from if it.authors_below]),
                   et_al_mark=_most_breaks([it.et_al_mark for it in names_from
                                            if it.authors_below and re.search(r"\bet al\.?$", it.entry.authors)]),
                   one_surname=surname and _one_author_surname(plist), two_surnames=surname and _two_surnames(plist))
    return style, own


# A corporate author, not a person's full name: `(Kimi Team, arXiv 2025)` (js-lee-AI/awesome-llm-agent-papers).
_ORG_AUTHOR_RE = re.compile(r"\b(?:Team|Lab|Labs|Group|Consortium|Collaboration|Project)\.?$")


def _one_author_surname(plist: PaperList) -> bool:
    """Whether a paper by one person goes by the surname alone on a list whose et al. follows a surname alone
    (`Wang et al.`): as most of the list's entries by one person write theirs (`Tomashevskiy.` beside `Fang et al.`
    in x-zheng16/Awesome-Embodied-AI-Safety), else so, as the list names the first of many; never the full name a
    reader of `Wang et al.` would take for two people."""
    singles = [len(a.rstrip(".").split()) == 1 for e in plist.entries if (a := e.authors.strip())
               and not re.search(r"\bet al\b|[,;&]| and ", a) and not _ORG_AUTHOR_RE.search(a)]
    return 2 * sum(singles) >= len(singles)


# Two surnames and nothing else (`Wu and Shu.`, `Maag and Fischer.`): a paper by two people, named as such.
_TWO_SURNAMES_RE = re.compile(r"(?:" + _NAME_WORD + r")[ \u00a0]+and[ \u00a0]+(?:" + _NAME_WORD + r")\.?")


def _two_surnames(plist: PaperList) -> bool:
    """Whether a paper by two people goes by their two surnames (`Wu and Shu`) on a list whose et al. follows a
    surname alone: where the list writes one so (x-zheng16/Awesome-Embodied-AI-Safety), for et al. is there for
    three or more."""
    return any(_TWO_SURNAMES_RE.fullmatch(e.authors.strip()) for e in plist.entries)


def _most_breaks(breaks: Sequence[str]) -> str:
    """The line break most of the lines end with; none where fewer than half have one (a stray `  `). So too the
    emphasis most lines of names put around their et al."""
    counts = Counter(b for b in breaks if b)
    return counts.most_common(1)[0][0] if counts and sum(counts.values()) * 2 > len(breaks) else ""


# authors on a sub-bullet of their own at the template's end: `\n  - {authors}`
_SUB_BULLET = r"\r?\n[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+"
_NAMES_BELOW_RE = re.compile(_SUB_BULLET + r"\{authors\}$")


def _best_template(pools: Sequence[Sequence[_Item]], paper: Paper) -> tuple[str, bool, bool]:
    """The shape most of the first pool with a shape writes, one with a place for authors where the paper has them;
    neighbours whose shape cannot be templated give the next pool's (the list's), else a plain one. Where the pool
    writes some papers' venues and its arXiv preprints without one (yyxisgreat-ops/GE2EAD's `- **VAD**: Vectorized
    ..., **ICCV 2023** [[Paper](url)]` beside `- **LAP**: LAP: ... [[Paper](url)]`), a paper accepted somewhere
    takes the shape of the papers with a venue and an arXiv preprint that of the preprints, however many each."""
    templates: Counter[tuple[str, bool, bool]] = Counter()
    last_seen: dict[str, int] = {}
    with_venue: set[tuple[str, bool, bool]] = set()  # a venue with a name in it, not a stray `*` read as one
    preprints: set[tuple[str, bool, bool]] = set()  # an arXiv paper without a venue
    arxiv_venue = False  # `arXiv 2024`, `Preprint`: the pool writes a preprint's venue
    for candidates in pools:
        for n, it in enumerate(candidates):
            if (t := _template_of(it)) is not None:
                templates[t] += 1
                last_seen[t[0]] = n
                if re.search(r"[^\W\d_]", it.entry.venue):
                    with_venue.add(t)
                elif not it.entry.venue.strip() and it.entry.arxiv_id:
                    preprints.add(t)
                arxiv_venue = arxiv_venue or bool(re.search(r"arxiv|pre-?print|\bcorr\b", it.entry.venue, re.I))
        if templates:
            break
    if not templates:
        templates[_PLAIN_TEMPLATE] = 1
        last_seen[_PLAIN_TEMPLATE[0]] = 0
    kind: set[tuple[str, bool, bool]] = set()
    if with_venue and preprints and not arxiv_venue:
        kind = with_venue if paper.venue is not None else preprints
    # A template that has a place for what we know (authors) beats a more common one that has not.
    return max(templates, key=lambda t: (t[1] == bool(paper.authors), t in kind, templates[t], last_seen[t[0]]))


def _prefix_for_empty(plist: PaperList, section: Section, borrowed: str) -> str:
    m = _BULLET_RE.match(borrowed + "x")
    marker = m.group("marker") if m else "-"
    gap = m.group("gap") if m else " "
    if marker[0].isdigit():
        marker = "1" + marker[-1]
    if not borrowed:
        return ""  # a list of paragraphs: a paragraph
    if section.kind in ("heading", "summary"):
        return f"{marker}{gap}"
    indent = _bullet_indent(plist.lines[section.line])
    # As far in as the sibling groups' entries sit from their labels: 0 where they are flat (`- **B.**` then
    # `- [Title](url)` at the label's indent), else the usual nesting.
    offsets: Counter[int] = Counter()
    for sib in plist.sections:
        if sib.parent_id == section.parent_id and sib.kind == section.kind and sib.id != section.id:
            label = _bullet_indent(plist.lines[sib.line])
            offsets.update(_bullet_indent(plist.lines[e.line]) - label for e in sib.entries)
    offset = max(offsets, key=lambda o: (offsets[o], o)) if offsets else 2
    return " " * (indent + max(offset, 0)) + f"{marker}{gap}"


def _bullet_indent(line: str) -> int:
    m = _BULLET_RE.match(_content(line))
    return len(m.group("indent")) if m else 0


def _named_title(paper: Paper, template: str, repeat: bool) -> tuple[str, str, str]:
    """The template, name and title for a section whose entries open with the method's short name (`**{name}**:
    {title}`): the part of the paper's title before its first colon where that is a short name (`FUSION: Fully
    Integration of ...` is FUSION), the title after it unless the neighbours repeat the name in their titles
    (`**LAP**: LAP: Fast ...`); where the title names no method, no name and no colon rather than an invented one."""
    head, colon, rest = paper.title.partition(":")
    if colon and rest.strip() and short_name(head.strip()):
        return template, head.strip(), paper.title if repeat else rest.strip()
    template = re.sub(r"(\*\*|__)?\{name\}(?(1)\1)[ \t\u00a0]*[:：][ \t\u00a0]*", "", template)
    return template, "", paper.title


def _repeats_name(items: Sequence[_Item]) -> bool:
    """Whether most entries that open with a short name write it again at the start of their title (`**LAP**: LAP:
    Fast Latent Diffusion Planner ...`), rather than the title after it (`**VAD**: Vectorized Scene ...`)."""
    names = [(it.parsed.title, it.body[span[0]: span[1]]) for it in items if (span := it.parsed.name_span)]
    again = sum(title.casefold().startswith(name.casefold() + ":") for title, name in names)
    return again * 2 > len(names)


def _render(paper: Paper, style: _Style, venue: str, prefix: str, date: str = "", name_repeat: bool = False) -> str:
    template = style.template
    name, full_title = "", paper.title
    if "{name}" in template:
        template, name, full_title = _named_title(paper, template, name_repeat)
    if not date:
        # no date in the neighbours' form; on a line of its own (`[[Paper]({url})] \` over `{date}`), no line
        template = re.sub(_BREAK_MARK + r"\r?\n[ \t]*\{date\}$", "", template)
        template = re.sub(r"[\[(]?\{date\}[\])]?[ \t\u00a0]*", "", template)
    authors = _format_authors(paper.authors, style)
    if not authors:
        template = re.sub(r"[\r\n]+[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\{authors\}$", "", template)  # no names line
        # `**{title}** \` over `*{authors}* \` over `{venue} ...`: the names' line goes, its break with it
        names_line = r"(?<=[\r\n])[ \t]*(\*\*|\*|__|_)?\{authors\}[.,;]?(?(1)\1)[.,;]?"
        template = re.sub(names_line + _BREAK_MARK + r"\r?\n", "", template)
    if not authors and "{authors}" in template:
        # no authors known: drop the emphasis around them and one separator; on a line of their own (`**{title}**`
        # over `  *{authors}*[[paper]]({url})`), the line's indent stays
        template = re.sub(
            r"(?<=[\r\n])([ \t]*)(\*\*|\*|__|_)?\{authors\}[.,;]?(\*\*|\*|__|_)?[.,;]?[ \t\u00a0]*", r"\1", template
        )
        template = re.sub(
            r"[,;]?[ \t\u00a0]*(\*\*|\*|__|_)?\{authors\}[.,;]?(\*\*|\*|__|_)?[.,;]?[ \t\u00a0]*(\|)?", " ", template
        )
        template = re.sub(r"\|[ \t\u00a0]+\|", "|", template)
    title = escape_markdown(full_title)
    if style.title_period and not title.endswith((".", "?", "!")):
        title += "."
    body = template.format(title=title, url=style.url or paper.url, authors=authors, venue=escape_markdown(venue),
                           date=date, name=escape_markdown(name))
    body = re.sub(r"(?<=\S)  +(?=\S)", " ", body) if not authors else body
    body = body.rstrip(" \t\u00a0")
    if authors and (style.line_break or style.names_break) and _NAMES_BELOW_RE.search(template) and (
            names := re.search(r"[ \t\u00a0]*(" + _SUB_BULLET + ")" + re.escape(authors) + "$", body)):
        # `(ICLR 2024)  ` over `  - Weizhe Yuan, ...  `: the lines end as the neighbours' do
        body = f"{body[: names.start()]}{style.line_break}{names.group(1)}{authors}{style.names_break}"
    return prefix + body


def _row_for(plist: PaperList, paper: Paper, rows: Sequence[_Item], number: str = "") -> str:
    """A new table row in the shape of the table's last row: its title and link cells as that row writes them,
    authors, venue and date cells as the rows write theirs (the venue marked up as the rows of its kind mark theirs:
    `arXiv 2026` plain where `**CVPR 2026**` is bold), its `#` cell `number`; a cell about that paper only (code,
    notes) empty, or the rows' word for none (`-`), one that most rows fill alike (`[code]` where none has code) as
    they do, but not a column of the paper's own facts (Institute, Tasks): the most common one is another paper's."""
    item = rows[-1]
    row, p = item.row, item.parsed
    assert row is not None
    line = _content(plist.lines[item.entry.line])
    siblings = [it.entry for it in rows]
    style = _Style("", "", *_authors_style([e.authors for e in siblings]))
    style = replace(style, one_surname=style.et_al_surname and _one_author_surname(plist),
                    two_surnames=style.et_al_surname and _two_surnames(plist))
    authors = _format_authors(paper.authors, style)
    if "authors" in row.roles and authors.endswith(f" {style.et_al_text}"):
        authors = _emphasized_et_al(authors, style.et_al_text,
                                    [_cell(plist, it, row.roles.index("authors")) for it in rows])
    dates = [plain_text(_cell(plist, it, row.roles.index("date"))) for it in rows] if "date" in row.roles else []
    venue = escape_markdown(_venue_for(paper, plist, siblings))
    fills: dict[str | int, str] = {"authors": authors, "venue": venue, "date": _date_like(paper, dates),
                                   "number": number}
    if "venue" in row.roles and venue:
        fills[row.roles.index("venue")] = _marked_venue(plist, rows, row.roles.index("venue"), venue)
    old_id, new_id = item.entry.arxiv_id, paper.arxiv_id
    for col, role in enumerate(row.roles):
        cells = Counter(_cell(plist, it, col) for it in rows)
        same = cells.most_common(1)[0]
        none = Counter({c: n for c, n in cells.items() if re.fullmatch(r"[-–—]|N/?A", c, re.I)})
        if not role and same[1] * 2 > len(rows) and not _links(same[0]):
            fills[col] = same[0]
        elif role in ("", "about") and none:
            fills[col] = none.most_common(1)[0][0]  # `| - |`: how the rows say they have no code or demo
    url = _arxiv_url(paper, plist, [it.entry for it in rows])
    cuts = [(*p.title_span, escape_markdown(paper.title)), (*p.url_span, url)]
    out, pos = [], 0
    for col, ((s, e), role) in enumerate(zip(row.spans, row.roles, strict=True)):
        out.append(line[pos:s])
        inner = [c for c in cuts if s <= c[0] and c[1] <= e]
        if col in fills and not inner:
            out.append(fills[col])
        elif role in fills and not inner:
            a, b = _strip_emphasis_span(line, s, e)
            out.append(f"{line[s:a]}{fills[role]}{line[b:e]}" if fills[role] and b > a else fills[role])
        elif inner or (old_id and old_id in line[s:e]):
            # the title's or the link's cell, or one that names the paper by its id (an arXiv badge); in the
            # title's cell only the title and its link: other text there (`(OSDI 2022)`) is that row's paper's
            lo, hi = s, e
            if s <= p.title_span[0] < e:
                lo, hi = p.title_span
                if s <= p.url_span[0] < e:
                    hi = line.find(")", p.url_span[1]) + 1  # through the link: `Title [paper](url)`, `[Title](url)`
                    opening = line.rfind("[", s, lo)
                    if opening >= 0 and not line[opening + 1: lo].strip("*_"):
                        lo = opening  # `[Title](url)`, `[**Title**](url)`: the link is the title
                while s < lo and hi < e and line[lo - 1] in "*_" and line[hi] == line[lo - 1]:
                    lo, hi = lo - 1, hi + 1
            at, cell = lo, []
            for a, b, text in sorted(inner):
                cell += [line[at:a].replace(old_id or "\0", new_id), text]
                at = b
            out.append("".join([*cell, line[at:hi].replace(old_id or "\0", new_id)]))
        pos = e
    out.append(line[pos:])
    return "".join(out)


def _preprint(venue: str) -> bool:
    return bool(re.search(r"\barxiv\b|\bpre-?print\b", venue, re.I))


def _marked_venue(plist: PaperList, rows: Sequence[_Item], col: int, venue: str) -> str:
    """`venue` in the marks the rows put around a venue of its kind, a preprint's or an accepted paper's (minar09's
    Publisher column: `arXiv 2026` plain, `**CVPR 2026**` bold), as most of them do; else the last row's."""
    marks: Counter[tuple[str, str]] = Counter()
    last: tuple[str, str] | None = None
    for it in rows:
        cell = _cell(plist, it, col)
        a, b = _strip_emphasis_span(cell, 0, len(cell))
        if b > a:
            last = (cell[:a], cell[b:])
            if _preprint(cell[a:b]) == _preprint(venue):
                marks[last] += 1
    pre, post = marks.most_common(1)[0][0] if marks else last or ("", "")
    return f"{pre}{venue}{post}"


_ROW_NUMBER_RE = re.compile(r"(?P<n>\d{1,5})(?P<dot>\.?)")


def _row_numbers(plist: PaperList, header: int) -> tuple[int, list[tuple[int, int, str]]] | None:
    """The `#` column of the table under `header` and each row's (line, number, cell) in it; None where the table
    has no such column or a row's cell there is no number: a column that does not number every row is none a new
    row continues."""
    roles = _column_roles(_content(plist.lines[header]))
    if "number" not in roles:
        return None
    col, out, n = roles.index("number"), [], header + 2
    while n < len(plist.lines) and "|" in (text := _content(plist.lines[n])) and text.strip():
        spans = _cell_spans(text)
        if col >= len(spans) or not (m := _ROW_NUMBER_RE.fullmatch(text[slice(*spans[col])])):
            return None
        out.append((n, int(m.group("n")), m.group()))
        n += 1
    return col, out


def _numbering(plist: PaperList, header: int, at: int, fresh: bool = False) -> tuple[str, dict[int, str]]:
    """The `#` of a new row at line `at` of the table under `header` (`fresh`: the first row of a new table shaped
    as that one), written as its rows write theirs (`07`, `7.`), and the rows renumbered to make room.

    A list that numbers its rows through all its tables (minar09/awesome-autoregressive-video-diffusion-transformers:
    `## 2026 Papers` 45-52 above `## 2025 Papers` 1-14, `## 2024 Papers` 15-31; together they run one by one, none
    twice) gives a new row the next number of the list wherever it goes, as its maintainer numbered the 2026 papers,
    and renumbers nothing. A table numbered one by one down its rows (`01`-`04`) stays so: the new row takes the
    number of its place and the rows below it one more, as whitbrunn/Awesome-RL-in-VLA's maintainer made GR-RL `02`
    between SOP and pi*0.6, and pi*0.6 and SARM `03` and `04` (numbered from the bottom, `4`-`1`: the rows above it
    one more). A table numbered otherwise (gaps, repeats) gives the next number after its highest. Empty where the
    table has no `#` column."""
    found = _row_numbers(plist, header)
    if found is None:
        return "", {}
    col, rows = found
    tables = sorted({it.row.header for it in plist._items if it.row is not None} - {header})
    every = [n for h in tables if (other := _row_numbers(plist, h)) for _, n, _ in other[1]]
    cells = [cell for _, _, cell in rows]
    width = max((len(c.rstrip(".")) for c in cells if c.startswith("0") and len(c.rstrip(".")) > 1), default=1)
    dot = "." if sum(c.endswith(".") for c in cells) * 2 > len(cells) else ""

    def form(n: int) -> str:
        return f"{n:0{width}d}{dot}"

    nums = [n for _, n, _ in rows]
    through = every + nums
    if nums and sorted(through) == list(range(min(through), min(through) + len(through))) and (
            every or (fresh and min(nums) > 1)):
        return form(max(through) + 1), {}  # numbered through the list: each number once, none left out
    if fresh or not nums:
        return form(min(nums, default=1)), {}  # a table of its own numbers its rows from its first
    k = sum(1 for line, _, _ in rows if line < at)
    if all(b == a + 1 for a, b in itertools.pairwise(nums)):
        new, moved = nums[0] + k, rows[k:]
    elif len(nums) > 1 and all(b == a - 1 for a, b in itertools.pairwise(nums)):
        new, moved = nums[-1] + len(nums) - k, rows[:k]
    else:
        return form(max(nums) + 1), {}
    return form(new), {line: _with_cell(plist.lines[line], col, form(n + 1)) for line, n, _ in moved}


def _renumbered(plist: PaperList, section: Section, at: int) -> dict[int, str]:
    """The rows of `section`'s numbered table that a new row at line `at` moves on by one (`_numbering`)."""
    last = next((it for it in plist._items if section.entries and it.entry is section.entries[-1]), None)
    return _numbering(plist, last.row.header, at)[1] if last is not None and last.row is not None else {}


def _with_cell(line: str, col: int, text: str) -> str:
    """`line` with its cell `col` saying `text`; a cell grown by a digit takes it from the spaces after it where
    the table pads its columns (`| 9  |` to `| 10 |`), so the bars stay where they were."""
    s, e = _cell_spans(_content(line))[col]
    grown = len(text) - (e - s)
    pad = len(line[e:]) - len(line[e:].lstrip(" "))
    after = line[e + grown:] if 0 < grown < pad else line[e:]
    return line[:s] + text + after


def _aligned(new: str, table: Sequence[str]) -> str:
    """The new row padded to the table's columns where every line of it puts its bars in the same places (a
    table aligned for reading the README as text); a cell too long for its column gets one space after it."""
    bars = _bars(table[0])
    spans = _cell_spans(new)
    if any(_bars(line) != bars for line in table[1:]) and new.lstrip().startswith("|"):
        return _padded_as_rows(new, spans, table[2:])
    if (len(bars) < 2 or not new.lstrip().startswith("|")
            or len(spans) != len(bars) - 1):
        return new
    columns = zip(spans, bars[:-1], bars[1:], strict=True)
    cells = [f" {new[a:b]} ".ljust(right - left - 1) for (a, b), left, right in columns]
    return new[: bars[0]] + "|" + "|".join(cells) + "|" + new[_bars(new)[-1] + 1:]


def _padded_as_rows(new: str, spans: Sequence[tuple[int, int]], rows: Sequence[str]) -> str:
    """A row of a table not aligned as a whole: each cell as wide as most rows make that column where they pad it
    alike, else one space either side; a copy of one row's gaps would pad a title of another length by that
    row's (`Large Video Models` and 39 spaces, `Arxiv 2025 (Apr)` and 8)."""
    bars = _bars(new)
    widths: list[Counter[int]] = [Counter() for _ in spans]
    padded: Counter[int] = Counter()
    same = [r for r in rows if len(_bars(r)) == len(bars)]
    for r in same:
        for c, (left, right) in enumerate(itertools.pairwise(_bars(r))):
            if c < len(widths):
                widths[c][right - left - 1] += 1
                padded[c] += r[right - 2: right] == "  "  # `Approach      |`: this row pads the column
    wide = [w.most_common(1)[0][0] if w and w.most_common(1)[0][1] * 2 > len(same) > 1 and padded[c] * 2 > len(same)
            else 0 for c, w in enumerate(widths)]
    if len(spans) != len(bars) - 1 or not any(wide):
        return new
    cells = [f" {new[a:b]} ".ljust(width) for (a, b), width in zip(spans, wide, strict=True)]
    return new[: bars[0]] + "|" + "|".join(cells) + "|" + new[bars[-1] + 1:]


def _cell(plist: PaperList, item: _Item, col: int) -> str:
    """A row's cell by column; empty where the row leaves it out."""
    assert item.row is not None
    if col >= len(item.row.spans):
        return ""
    s, e = item.row.spans[col]
    return _content(plist.lines[item.entry.line])[s:e]


def _paper_day(paper: Paper) -> str:
    """YYYY-MM-DD the paper came out, as a list dates it: its first version's (the API's), else the day a feed
    announced it where that is in its id's month (a day or so late: nothing better is known), else "" (submitted
    31 March and announced 2 April, the id's month says more than the announcement's day)."""
    for day, own in ((paper.published, True), (paper.announced, False)):
        if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day[:10]):
            month = arxiv_month(paper.arxiv_id)
            if own or month is None or f"{month // 12:04d}-{month % 12 + 1:02d}" == day[:7]:
                return day[:10]
    return ""


def _worded_date(paper: Paper, dates: Sequence[str]) -> str:
    """The paper's date as most entries write theirs in words (`18 Aug 2022`): the day it came out where the paper
    says it, else its id's month without a day (`Aug 2022`), the month named and the day padded as most of them do;
    empty where the entries write dates otherwise."""
    words = [m for d in dates if d and (m := _WORD_DATE_RE.fullmatch(d))]
    if not words or len(words) * 2 <= len([d for d in dates if d]):
        return ""
    published = _paper_day(paper)
    if published:
        year, mon, day = int(published[:4]), int(published[5:7]), int(published[8:])
    elif (month := arxiv_month(paper.arxiv_id)) is not None:
        year, mon, day = month // 12, month % 12 + 1, 0
    else:
        return ""
    # `June` or `Jun`, `06 Jun` or `6 Jun`: May and the days from 10 on say neither
    full = sum(m.group("mon") == calendar.month_name[_MONTHS.index(m.group("mon")[:3].lower()) + 1]
               for m in words if m.group("mon").lower() != "may")
    short = sum(len(m.group("mon")) == 3 and m.group("mon").lower() != "may" for m in words)
    padded = sum(bool(m.group("day")) and m.group("day").startswith("0") for m in words)
    unpadded = sum(bool(m.group("day")) and len(m.group("day")) == 1 for m in words)
    name = calendar.month_name[mon] if full > short else calendar.month_abbr[mon]
    if not day or not any(m.group("day") for m in words):
        return f"{name} {year}"
    return f"{day:02d} {name} {year}" if padded > unpadded else f"{day} {name} {year}"


def _date_like(paper: Paper, dates: Sequence[str]) -> str:
    """The paper's month as the rows write theirs ("2024", "2024.05", "2024-05"), or its day ("2025-03-17") where
    the paper says when it came out, else its id's month in their form ("2025-04"); empty in another form."""
    month = arxiv_month(paper.arxiv_id)
    if worded := _worded_date(paper, dates):
        return worded
    forms = Counter(re.sub(r"\d", "9", d) for d in dates if d)
    if month is None or not forms:
        return ""
    form = forms.most_common(1)[0][0]
    year, mm = str(month // 12), f"{month % 12 + 1:02d}"
    if form == "9999":
        return year
    if re.fullmatch(r"9999(?P<s>[./-])99(?P=s)99", form):
        if published := _paper_day(paper):
            return published.replace("-", form[4])  # 2025-03-17: the day the paper came out
        return f"{year}{form[4]}{mm}"  # no day known (metadata without one): the id's month, no day made up
    if re.fullmatch(r"9999[./-]99?", form):  # 2024.05, 2024-05, 2024/05; 2023.5, 2023.12 without the zero
        unpadded = sum(bool(re.fullmatch(r"\d{4}\W[1-9]", d)) for d in dates)
        padded = sum(bool(re.fullmatch(r"\d{4}\W0\d", d)) for d in dates)
        return f"{year}{form[4]}{mm.lstrip('0') if unpadded > padded else mm}"
    return ""


def _plan_insert(plist: PaperList, paper: Paper, section: Section) -> tuple[int, list[str]]:
    """Where the new line goes and what it says."""
    by_entry = {id(it.entry): it for it in plist._items}
    donor = _year_donor(plist, section)
    last = by_entry.get(id(section.entries[-1])) if section.entries else None
    if last is None and donor is not None and (rows_of := by_entry.get(id(donor.entries[-1]))) is not None and (
            rows_of.row is not None):
        # a year section just added under the table header its years repeat: a row of the year's table beside it
        rows = [by_entry[id(e)] for e in donor.entries if id(e) in by_entry]
        rows = [it for it in rows if it.row is not None and it.row.header == rows_of.row.header]
        at = _insert_index(plist, paper, section, [])
        nl = _ending(plist.lines[at - 1]) or _dominant_ending(plist.lines)
        table = [plist.lines[n] for n in (rows_of.row.header, rows_of.row.header + 1)] + [
            plist.lines[it.entry.line] for it in rows]
        number, _ = _numbering(plist, rows_of.row.header, at, fresh=True)
        return at, [_aligned(_row_for(plist, paper, rows, number), [_content(line) for line in table]) + nl]
    if last is not None and last.row is not None:
        # a section whose last entry is a table row: a new row of that table
        rows = [by_entry[id(e)] for e in section.entries if id(e) in by_entry]
        rows = [it for it in rows if it.row is not None and it.row.header == last.row.header]
        at = _insert_index(plist, paper, section, rows)
        nl = _ending(plist.lines[at - 1]) or _dominant_ending(plist.lines)
        table = [plist.lines[n] for n in (last.row.header, last.row.header + 1)] + [
            plist.lines[it.entry.line] for it in rows]
        number, _ = _numbering(plist, last.row.header, at)
        return at, [_aligned(_row_for(plist, paper, rows, number), [_content(line) for line in table]) + nl]
    style, own = _style_for(plist, section, paper)
    fold = None
    if (year := _paper_year(paper)) is not None:
        # a section kept by year in a fold for each (`<summary>2024</summary>`), else under a bold label for each
        # (`**2024**`): the paper goes among its year's papers, or opens its year in the shape of the others
        make = _new_year_fold
        if (folds := _year_folds(plist, section, own)) is None:
            folds, make = _year_labels(plist, section, own), _new_year_label
        if folds is None:
            pass
        elif year in folds:
            own = folds[year]  # among the papers of its year, not after the oldest year's
        elif (fold := make(plist, section, folds, year)) is not None:
            own = fold.model  # its year's own, its entry written as the papers of the year beside it are
        else:
            own = folds[min(folds, key=lambda y: abs(y - year))]  # no year to open: the nearest year's
    siblings = [it.entry for it in own]
    venue = _venue_for(paper, plist, siblings)
    prefix = style.prefix
    at = _insert_index(plist, paper, section, own) if fold is None else fold.at
    # ordered lists: the number after the entry before us, or the one number a lazy list repeats (`1.` `1.`)
    m = _BULLET_RE.match(prefix + "x")
    if m and m.group("marker")[0].isdigit():
        markers = [_BULLET_RE.match(_content(plist.lines[it.entry.line])) for it in own]
        numbers = [int(bm.group("marker")[:-1]) for bm in markers if bm and bm.group("marker")[0].isdigit()]
        before = [it for it in own if _item_end(plist, it) <= at]
        num = 1
        if len(numbers) >= 2 and len(set(numbers)) == 1:
            num = numbers[0]
        elif before:
            bm = _BULLET_RE.match(_content(plist.lines[before[-1].entry.line]))
            if bm and bm.group("marker")[0].isdigit():
                num = int(bm.group("marker")[:-1]) + 1
        prefix = f"{m.group('indent')}{num}{m.group('marker')[-1]}{m.group('gap')}"
    # a section without entries of its own writes the date as its sub-sections do, else as the list does: its shape
    # is theirs, and a `[{date}]` left empty would leave the paper undated on a list that dates every paper
    pool = own or [it for it in plist._items if it.entry.section_id.startswith(section.id + "/")] or plist._items
    dates = [it.parsed.date for it in pool if it.parsed.date and it.row is None]
    date = _date_like(paper, dates)
    if (accepted := paper.venue) and re.fullmatch(r"(?:19|20)\d{2}", date) and re.search(
            r"\{venue\}[^{}\w]{0,4}\{date\}", style.template):
        # `*In NeurIPS*, 2026.`: the year right after the venue is the venue's, which the venue then leaves out
        date = str(accepted.year)
        venue = re.sub(rf"[ \u00a0]*\b{date}\b", "", venue).strip()
    line = _render(paper, style, venue, prefix, date, _repeats_name(own))
    ref = plist.lines[at - 1] if at > 0 else (plist.lines[0] if plist.lines else "\n")
    nl = _ending(ref) or _dominant_ending(plist.lines)
    new = [line + nl]
    if fold is not None:
        return at, [*fold.lead, *new, *fold.trailer]
    if not prefix:
        # a paragraph: a blank line on either side, where neither a blank line nor a heading is (glued to its
        # neighbour the two would be one paragraph)
        heading = (at > 0 and bool(_HEADING_RE.match(_content(plist.lines[at - 1])))) or (
            at > 1 and _setext_level(plist.lines, at - 2) is not None)
        if at > 0 and plist.lines[at - 1].strip() and not heading:
            new.insert(0, nl)
        if at < len(plist.lines) and plist.lines[at].strip():
            new.append(nl)
        return at, new
    if _is_loose(plist, own) or (len(own) == 1 and donor is not None and _is_loose(
            plist, [by_entry[id(e)] for e in donor.entries if id(e) in by_entry])):
        # entries separated by blank lines: keep the separation on the side that has a neighbour
        new = [nl, line + nl] if at >= _item_end(plist, own[-1]) else [line + nl, nl]
    elif own and at > 0 and _is_paragraph(plist.lines, at - 1) and all(
        not it.entry.line <= at - 1 < _item_end(plist, it) for it in own
    ) and not (prefix.strip()[:1] in ("-", "*", "+") and any(it.entry.line == at for it in own)):
        # after a paragraph of the list's own (a `&nbsp; [![stars](...)](...)` line under the last entry): a bullet
        # glued to it would be read as that paragraph's text (`98.` cannot interrupt a paragraph), so a blank line;
        # not where the section's first `-` bullet is glued to its description (`**To cut unedited videos ...**` over
        # `- ...`, wentianli/awesome-video-editing): the new one goes there as the list writes it
        new = [nl, line + nl]
    if not own:
        following = _content(plist.lines[at]) if at < len(plist.lines) else ""
        if _HEADING_RE.match(following) or _setext_level(plist.lines, at) or (
                following.strip() and not _BULLET_RE.match(following) and not _FOLD_TAG_RE.match(following)):
            # keep a blank line before the next heading, as the list does; before an anchor (`<a id="x"></a>`) or
            # a paragraph too, which a bullet right above it would take in as its own text (`</details>` it would not)
            new.append(nl)
        if at > 0 and (_is_paragraph(plist.lines, at - 1) or _FOLD_TAG_RE.match(plist.lines[at - 1])):
            new.insert(0, nl)  # never glued to the intro paragraph above, nor to a `<summary>` (GitHub shows it raw)
    return at, new


def _year_fold_spans(plist: PaperList, section: Section) -> list[tuple[int, int, int]]:
    """The `<details>` folds in `section`'s lines whose `<summary>` is a year (`<summary>2025</summary>`): each
    fold's year, first line and last line (its `</details>`), in the order the list writes them."""
    end = plist._section_end.get(section.id, len(plist.lines))
    opened: list[tuple[int, int | None]] = []  # per open fold: its first line and its year (None: not named by one)
    spans: list[tuple[int, int, int]] = []
    for n in range(section.line, end):
        for m in _FOLD_TOKEN_RE.finditer(_content(plist.lines[n])):
            if m["open"]:
                opened.append((n, None))
            elif m["close"]:
                if opened and (fold := opened.pop())[1] is not None:
                    spans.append((fold[1], fold[0], n))
            elif opened and opened[-1][1] is None and (y := YEAR_HEADING_RE.match(plain_text(m["summary"]))):
                opened[-1] = (opened[-1][0], int(y.group(1)))
    return sorted(spans, key=lambda span: span[1])


def _year_folds(plist: PaperList, section: Section, own: Sequence[_Item]) -> dict[int, list[_Item]] | None:
    """The entries of a section that keeps its papers in a `<details>` fold for each year (yyxisgreat-ops/GE2EAD's
    `<details open>` `<summary>2025</summary>` under each topic), by that year: such a fold is no topic, so it is
    no section of its own (`2023` is a fold inside its section), but a paper of 2024 goes inside 2024's, not at the
    section's end in the oldest year's. None where two years do not hold every entry so."""
    spans = _year_fold_spans(plist, section)
    folds: dict[int, list[_Item]] = {}
    for it in own:
        year = next((y for y, first, last in spans if first < it.entry.line < last), None)
        if year is None:
            return None
        folds.setdefault(year, []).append(it)
    return folds if len(folds) >= 2 else None


class _NewYear(NamedTuple):
    """A fold or a label for a year the section has none for yet, in the shape of the one beside it: where it goes,
    its lines before the entry and after it, and the entries whose style the new one takes."""

    at: int
    lead: list[str]
    trailer: list[str]
    model: list[_Item]


def _year_place(years: Sequence[int], year: int) -> tuple[int | None, int] | None:
    """Where a new year goes among the years of a section's folds or labels, in the order the list writes them: the
    index of the first it goes before (None: after them all) and of the one beside it, whose shape the new one takes;
    None where the years keep no order (newest first or oldest first, each once)."""
    newest_first = all(a > b for a, b in itertools.pairwise(years))
    if not newest_first and not all(a < b for a, b in itertools.pairwise(years)):
        return None
    later = next((k for k, y in enumerate(years) if (y < year if newest_first else y > year)), None)
    return later, len(years) - 1 if later is None else later


def _new_year_fold(plist: PaperList, section: Section, groups: dict[int, list[_Item]], year: int) -> _NewYear | None:
    """A new `<details>` fold for `year` in a section kept in a fold for each year (a 2026 paper where the folds
    are 2025, 2024, ...), placed in the folds' order and written as the fold beside it is (its `<details open>`,
    its summary with the new year, its blank lines, and the lines between two folds); None where the folds keep no
    order, or the paper is older than every fold and another fold follows them (`<summary>Before 2023</summary>`,
    a sub-section of its own)."""
    spans = [span for span in _year_fold_spans(plist, section) if span[0] in groups]
    if (place := _year_place([y for y, _, _ in spans], year)) is None:
        return None
    later, k = place
    model_year, first, last = spans[k]
    if later is None and any(s.parent_id == section.id and s.line > last for s in plist.sections):
        return None
    lines = plist.lines
    items = groups[model_year]
    if not _content(lines[first]).lstrip().lower().startswith("<details") or (
            _content(lines[last]).strip().lower() != "</details>"):
        return None  # a fold that shares its lines with other text: no shape to copy
    lead = list(lines[first: items[0].entry.line])
    at_summary = next((n for n, line in enumerate(lead) if _SUMMARY_RE.search(line)), None)
    if at_summary is None:
        return None
    m = _SUMMARY_RE.search(lead[at_summary])
    assert m is not None
    label = re.sub(rf"\b{model_year}\b", str(year), m.group(2), count=1)
    lead[at_summary] = lead[at_summary][: m.start(2)] + label + lead[at_summary][m.end(2):]
    trailer = list(lines[_item_end(plist, items[-1]): last + 1])
    # its tags and blank lines, not the text the model fold says of its own year (a note, a "back to top" link)
    lead = list(itertools.takewhile(lambda line: not line.strip() or _FOLD_TAG_RE.match(_content(line)), lead))
    trailer = [line for line in trailer if not line.strip() or _FOLD_TAG_RE.match(_content(line))]
    # what the list writes between two folds: beside the model, after it where a fold follows it, else before it
    gap = list(lines[last + 1: spans[k + 1][1]]) if k + 1 < len(spans) else list(lines[spans[k - 1][2] + 1: first])
    if any(line.strip() for line in gap):
        gap = [_ending(lines[last]) or _dominant_ending(lines)]
    if later is None:
        return _NewYear(last + 1, gap + lead, trailer, items)
    return _NewYear(first, lead, trailer + gap, items)


# A line that is a bold label alone (`**2024**`, `**Earlier**`): in a section that lists its papers under a label for
# each year, without a heading or a fold for each (YutingHe-list/Awesome-Foundation-Models-for-Advancing-Healthcare,
# VectorInstitute/deepfakes-survey-2026), where a year's papers begin.
_BOLD_LINE_RE = re.compile(r"^ {0,3}(\*\*|__)(?P<text>(?:(?!\1).)+)\1[ \t]*$")


def _year_label_lines(plist: PaperList, section: Section) -> list[tuple[int | None, int]]:
    """The bold labels alone on a line among `section`'s own lines (not its sub-sections'): each one's year (None:
    a label that names no year, `**Earlier**`) and line, in the order the list writes them."""
    end = plist._section_end.get(section.id, len(plist.lines))
    inner = [(s.line, plist._section_end.get(s.id, end)) for s in plist.sections
             if s.id.startswith(section.id + "/") and section.line < s.line < end]
    labels: list[tuple[int | None, int]] = []
    for n in range(section.line + 1, end):
        if any(first <= n < last for first, last in inner) or not (m := _BOLD_LINE_RE.match(_content(plist.lines[n]))):
            continue
        y = YEAR_HEADING_RE.match(plain_text(m["text"]))
        labels.append((int(y.group(1)) if y else None, n))
    return labels


def _year_labels(plist: PaperList, section: Section, own: Sequence[_Item]) -> dict[int, list[_Item]] | None:
    """The entries of a section that lists its papers under a bold label for each year (`**2024**` over them), by
    that year; None where two years do not hold every entry so (an entry above the first label, or under a label
    that is no year, `**Earlier**`)."""
    labels = _year_label_lines(plist, section)
    groups: dict[int, list[_Item]] = {}
    for it in own:
        year = next((y for y, n in reversed(labels) if n < it.entry.line), None)
        if year is None:
            return None
        groups.setdefault(year, []).append(it)
    return groups if len(groups) >= 2 else None


def _new_year_label(plist: PaperList, section: Section, groups: dict[int, list[_Item]], year: int) -> _NewYear | None:
    """A new bold label for `year` (`**2025**`) with the paper under it, in a section that lists its papers under a
    label for each year: placed in the labels' order, written as the label beside it is (its blank lines, and the
    lines between one year's papers and the next label); None where the labels keep no order."""
    labels = [(y, n) for y, n in _year_label_lines(plist, section) if y in groups]
    if (place := _year_place([y for y, _ in labels if y is not None], year)) is None:
        return None
    later, k = place
    model_year, first = labels[k]
    assert model_year is not None
    lines = plist.lines
    items = groups[model_year]
    lead = list(lines[first: items[0].entry.line])
    m = _BOLD_LINE_RE.match(lead[0])
    assert m is not None
    lead[0] = lead[0][: m.start("text")] + re.sub(rf"\b{model_year}\b", str(year), m["text"], count=1) + lead[0][
        m.end("text"):]
    lead[1:] = itertools.takewhile(lambda line: not line.strip(), lead[1:])  # not a note under the model label
    # what the list writes between one year's papers and the next label: after the model's where one follows it
    if k + 1 < len(labels):
        gap = list(lines[_item_end(plist, items[-1]): labels[k + 1][1]])
    else:
        gap = list(lines[_item_end(plist, groups[labels[k - 1][0] or 0][-1]): first])
    if any(line.strip() for line in gap) or not gap:
        gap = [_ending(lines[first]) or _dominant_ending(lines)]  # a label glued to a bullet would be its text
    if later is None:
        return _NewYear(_item_end(plist, items[-1]), gap + lead, [], items)
    return _NewYear(first, lead, gap, items)


def _item_end(plist: PaperList, item: _Item) -> int:
    """The line after an entry's whole item: its own lines and the deeper bullets under it that are neither
    papers nor groups (`  + Note: ...`, `  - Code: [GitHub](...)`), which a new entry must not take over."""
    taken = plist._starts
    indent = _bullet_indent(plist.lines[item.entry.line])
    end = item.entry.end_line
    while end < len(plist.lines) and end not in taken:
        text = _content(plist.lines[end])
        if not text.strip() or _HEADING_RE.match(text) or _FENCE_RE.match(text) or _FOLD_TAG_RE.match(text):
            break
        if len(text) - len(text.lstrip(" \t")) <= indent:  # back at the entry's depth, or shallower
            break
        end += 1
    end = _indented_end(plist, item, end)
    # a paragraph of badges and links only after a blank line (`&nbsp;&nbsp; [![stars](...)](github...)`): that
    # entry's code, which a new entry put before it would take over
    while True:
        after = end
        while after < len(plist.lines) and not plist.lines[after].strip():
            after += 1
        if after == end:
            return end
        while after < len(plist.lines) and after not in taken and _is_badge_line(plist.lines[after]):
            after += 1
        if after == end or not _is_badge_line(plist.lines[after - 1]):
            return end
        end = after


def _indented_end(plist: PaperList, item: _Item, end: int) -> int:
    """The line after the paragraphs and bullets indented under a bulleted entry past blank lines, from `end` on
    (yyxisgreat-ops/GE2EAD's `  Summary: ...` under each paper, `  - Support Tasks: ...` under a dataset): Markdown
    reads them as the entry's item, so a new entry goes after them, never between a paper and its summary."""
    if item.row is not None or not item.prefix.strip():
        return end
    column = len(item.prefix.expandtabs(4))  # where the entry's own text starts
    lines, taken = plist.lines, plist._starts
    while True:
        after = end
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after == end or after == len(lines) or after in taken:
            return end
        text = _content(lines[after]).expandtabs(4)
        if len(text) - len(text.lstrip()) < column or _HEADING_RE.match(text) or _FOLD_TAG_RE.match(text):
            return end
        end = after + 1
        while end < len(lines) and end not in taken and (text := _content(lines[end])).strip() and not (
                _HEADING_RE.match(text) or _FENCE_RE.match(text) or _FOLD_TAG_RE.match(text) or (
                    _BULLET_RE.match(text) and len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip()) < column)):
            end += 1


def _is_badge_line(line: str) -> bool:
    text = _content(line)
    if not text.strip() or _BULLET_RE.match(text) or _HEADING_RE.match(text) or not _IMAGE_RE.search(text):
        return False
    rest = _LINK_RE.sub("", _IMAGE_RE.sub("", text.replace("&nbsp;", " ")))
    return not rest.strip()


def _is_loose(plist: PaperList, own: Sequence[_Item]) -> bool:
    """True when every pair of neighbouring entries is separated by blank lines only."""
    if len(own) < 2:
        return False
    for a, b in itertools.pairwise(own):
        gap = plist.lines[_item_end(plist, a) : b.entry.line]
        if not gap or any(line.strip() for line in gap):
            return False
    return True


def _own_date(item: _Item) -> str | None:
    """"YYYY-MM" of the date an entry writes before its title (`[2024/11]`, `` `2024.05` ``, a Date column's
    `2025-03-17`; "YYYY-00" for a year alone) or after its last link (`18 Aug 2022`); None without one."""
    day = _own_day(item)
    return day[:7] if day else None


def _own_day(item: _Item) -> str | None:
    """"YYYY-MM-DD" of the entry's own date where it writes the day (`2025-03-17`, `18 Aug 2022`), else its
    "YYYY-MM" (`_own_date`); None without a date."""
    for text in (item.parsed.date, *item.entry.marks):
        if m := re.fullmatch(r"\W{0,3}((?:19|20)\d{2})(?:[./-](\d{1,2})(?:[./-](\d{1,2}))?)?\W{0,3}", text or ""):
            day = f"-{int(m.group(3)):02d}" if m.group(3) else ""
            return f"{m.group(1)}-{int(m.group(2) or 0):02d}{day}"
        if m := _WORD_DATE_RE.fullmatch(text or ""):
            day = f"-{int(m.group('day')):02d}" if m.group("day") else ""
            return f"{m.group('year')}-{_MONTHS.index(m.group('mon')[:3].lower()) + 1:02d}{day}"
    return None


def _entry_date(item: _Item) -> str | None:
    """The entry's own date (`_own_date`), else "YYYY-00" of its venue's year (`(ACL 2024) **Title**`); None
    without either."""
    if own := _own_date(item):
        return own
    year = _VENUE_YEAR_RE.search(item.entry.venue)
    return f"{year.group(0)}-00" if year else None


def _list_orders(plist: PaperList, n: int) -> list[str]:
    """How each section with 4+ keys of kind n (0 arXiv ids, 1 dates) is sorted by them: "asc", "desc", or ""
    (not sorted, or all keys alike)."""
    by_entry = {id(it.entry): it for it in plist._items}
    ways: list[str] = []
    for section in plist.sections:
        items = [by_entry[id(e)] for e in section.entries if id(e) in by_entry]
        keys = [k for k in ([it.entry.arxiv_id for it in items] if n == 0 else [_entry_date(it) for it in items]) if k]
        if len(keys) < 4 or len(keys) < (len(items) if n == 0 else -(-2 * len(items) // 3)):
            continue
        asc = all(a <= b for a, b in itertools.pairwise(keys))
        desc = all(a >= b for a, b in itertools.pairwise(keys))
        ways.append("asc" if asc and not desc else "desc" if desc and not asc else "")
    return ways


def _list_order(plist: PaperList, n: int) -> str | None:
    """"asc" or "desc" where every section with 4+ keys of kind n (0 arXiv ids, 1 dates) that is sorted by them
    is sorted that way, and at least one is; else None."""
    ways = set(_list_orders(plist, n)) - {""}
    return ways.pop() if len(ways) == 1 else None


def _insert_index(plist: PaperList, paper: Paper, section: Section, own: Sequence[_Item]) -> int:
    if own:
        month = arxiv_month(paper.arxiv_id)
        dated = f"{month // 12:04d}-{month % 12 + 1:02d}" if month else None
        if (venue := paper.venue) is not None and not any(_own_date(it) for it in own):
            dated = f"{venue.year:04d}-00"  # sorted by the venues' years, and the new entry's is its venue's
        # what a sorted section is sorted by: arXiv ids, else the dates before the titles or the venues' years
        orders = (
            ([it.entry.arxiv_id for it in own], paper.arxiv_id),
            ([_entry_date(it) for it in own], dated),
        )
        for n, (some, new) in enumerate(orders):
            keys = [k for k in some if k]
            # Sorted only on evidence: three keys fall in order by chance one time in three. A date may be missing
            # on a few entries (`* Segment Anything [[Paper]](url)` atop a list by year): the dated ones still
            # say the order; an arXiv id is missing wherever a paper is not on arXiv, so those must all have one.
            if not new or not keys or len(keys) < (len(own) if n == 0 else -(-2 * len(own) // 3)):
                continue
            asc = all(a <= b for a, b in itertools.pairwise(keys))
            desc = all(a >= b for a, b in itertools.pairwise(keys))
            if len(keys) < 4:
                # too few to say an order of their own: the order the list's larger sections keep, where these
                # entries keep it too (3 papers of 2024, 2023, 2022 under sections sorted newest first)
                way = _list_order(plist, n)
                fine = [k for k in ([_own_day(it) or _entry_date(it) for it in own] if n else keys) if k]
                if way is None and not _list_orders(plist, n) and len(fine) == len(own) == len(set(fine)) == 3:
                    # a list with no larger section to tell: three entries, each with its key (by the day where
                    # written: diffusion-models' 18, 16 and 15 Aug 2022), in one order say it; two are always in one
                    up = all(a < b for a, b in itertools.pairwise(fine))
                    way = "asc" if up else "desc" if all(a > b for a, b in itertools.pairwise(fine)) else None
                if way is None or not (asc if way == "asc" else desc):
                    continue
                asc, desc = way == "asc", way == "desc"
            if asc != desc:
                published = _paper_day(paper)
                if n == 1 and new == published[:7] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) and any(
                        len(_own_day(it) or "") == 10 for it in own):
                    # within the new paper's month by the days written (`18 Aug 2022`), where the month still says
                    # the order as a whole (a few days out of place do not unsort it)
                    some, new = [_own_day(it) or _entry_date(it) for it in own], published
                # before the first entry the new one precedes, and before the undated entries right above it
                at = next((j for j, k in enumerate(some) if k and (k > new if asc else k < new)), None)
                if at is None:
                    return _item_end(plist, own[-1])
                while at > 0 and not some[at - 1]:
                    at -= 1
                return own[at].entry.line
        return _item_end(plist, own[-1])
    # An empty section: right under its heading/label (after one blank line if the list leaves one).
    if (donor := _year_donor(plist, section)) is not None:
        # a year section just added: under the lines its heading took from the year's beside it
        at, lead = _heading_end(plist, section), _donor_lead(plist, section, donor)
        if plist.lines[at: at + len(lead)] == lead:
            return at + len(lead)
    at = section.line + 1
    if section.kind not in ("heading", "summary"):
        return at
    if _setext_level(plist.lines, section.line):
        at += 1  # below the underline
    if at < len(plist.lines) and not plist.lines[at].strip():
        at += 1
    if at < len(plist.lines) and _is_paragraph(plist.lines, at):
        # An intro paragraph: the bullet goes after it (a blank line between, see `_plan_insert`); above it,
        # the paragraph would become part of the bullet (a lazy continuation line).
        while at < len(plist.lines) and _is_paragraph(plist.lines, at):
            at += 1
    return at


def _is_paragraph(lines: Sequence[str], n: int) -> bool:
    """Line n is running text: not blank, not a bullet, heading (either kind), fence, HTML or table row."""
    text = _content(lines[n])
    return bool(text.strip()) and not (
        _BULLET_RE.match(text) or _HEADING_RE.match(text) or _FENCE_RE.match(text) or _SETEXT_RE.match(text)
        or text.lstrip().startswith(("<", "|")) or _setext_level(lines, n)
    )


__all__ = [
    "PaperList", "aside_refusal", "curated_refusal", "escape_markdown", "paper_key", "parse_list", "plain_text",
    "read_list",
]
