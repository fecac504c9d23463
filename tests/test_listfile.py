"""The list model on real paper lists: exact round trips, sections, entries, identities and style-true inserts."""

from __future__ import annotations

import dataclasses
import difflib
import re
from pathlib import Path

import pytest

from bot.errors import PaperbotError, UsageError
from bot.listfile import PaperList, escape_markdown, paper_key, parse_list, plain_text, read_list
from bot.model import candidate_sections
from bot.papers import Paper
from tests.conftest import FIXTURES, REPO

LISTS = FIXTURES / "lists"
SEED = LISTS / "llm-synthetic-data.md"
OLD = LISTS / "llm-synthetic-data-2025-07-31.md"
WASI = LISTS / "wasiahmad-Awesome-LLM-Synthetic-Data-README.md"
RAM = LISTS / "facebookresearch-RAM-projects-README.md"

# (file, sections, entries, distinct works, arXiv ids)
REAL_LISTS = [
    (SEED, 74, 270, 254, 224),
    (OLD, 43, 134, 128, 100),
    (WASI, 19, 81, 81, 70),
    (RAM, 3, 24, 24, 22),
]

PAPER = Paper(
    arxiv_id="2503.17460",
    title="ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach",
    authors=("Reem Gody", "Mahmoud Goudy", "Ahmed Y. Tawfik"),
)


def changed_ranges(before: list[str], after: list[str]) -> list[tuple[str, int, int, int, int]]:
    ops = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    return [op for op in ops if op[0] != "equal"]


def inserted_lines(before: list[str], after: list[str]) -> list[str]:
    (op,) = changed_ranges(before, after)
    tag, i1, i2, j1, j2 = op
    assert tag == "insert" and i1 == i2
    return after[j1:j2]


def added(text: str, section: str) -> tuple[PaperList, list[str]]:
    """PAPER added to `section` of the list `text`: the new list and the lines the addition inserted."""
    plist = parse_list(text)
    after = plist.with_entry(PAPER, plist.find_section(section))
    return after, inserted_lines(plist.lines, after.lines)


# ---------------------------------------------------------------- reading


@pytest.mark.parametrize(
    ("path", "n_sections", "n_entries", "n_keys", "n_arxiv"), REAL_LISTS, ids=lambda v: getattr(v, "name", v)
)
def test_real_lists_round_trip_and_counts(
    path: Path, n_sections: int, n_entries: int, n_keys: int, n_arxiv: int
) -> None:
    raw = path.read_bytes()
    plist = read_list(path)
    assert plist.to_text().encode("utf-8") == raw
    assert (len(plist.sections), len(plist.entries), len(plist.keys()), len(plist.arxiv_ids())) == (
        n_sections, n_entries, n_keys, n_arxiv,
    )
    for section in plist.sections:
        assert all("**" not in part and "<a" not in part and not part.startswith("#") for part in section.path)
    assert len({s.id for s in plist.sections}) == len(plist.sections)
    assert not [e for e in plist.entries if e.url.startswith("#") or "shields.io" in e.url]


def test_seed_list_matches_its_description() -> None:
    plist = read_list(SEED)
    assert len(plist.lines) == 501
    link_bullets = [n for n, line in enumerate(plist.lines) if "](http" in line and line.lstrip().startswith("- [")]
    assert len(link_bullets) == 270
    assert [e.line for e in plist.entries] == link_bullets
    top = [s.path[0] for s in plist.sections if s.depth == 1]
    assert top == [
        "Latest updates", "Contents", "1. Githubs", "2. Blogs", "3. Surveys", "4. Methods", "5. Analysis",
        "6. Application Areas", "7. Tools", "8. Datasets", "Star History",
    ]


def test_seed_sections_nest_as_a_reader_sees_them() -> None:
    plist = read_list(SEED)
    agent = plist.find_section("6.3 Agent and Tool Use")
    assert agent.path == ("6. Application Areas", "6.3 Agent and Tool Use")
    assert agent.id == "6-application-areas/6-3-agent-and-tool-use"
    assert len(agent.entries) == 17
    assert agent.entries[0].title == (
        "ToolAlpaca: Generalized Tool Learning for Language Models with 3000 Simulated Cases"
    )

    # "5.15" is numbered out of order but sits under the 6. heading: it belongs there.
    late = plist.find_section("5.15. Knowledge-Intensive Data")
    assert late.path == ("6. Application Areas", "5.15. Knowledge-Intensive Data")
    assert len(late.entries) == 1

    bold = plist.find_section("4.1. Pre-training > A. Rephrasing document")
    assert (bold.kind, bold.path[-2], len(bold.entries)) == ("bold", "4.1. Pre-training", 2)
    assert len(plist.find_section("4.1. Pre-training").entries) == 3  # the group's entries are not the heading's

    italic = plist.find_section("LLM Self-Reflection")  # ` - *LLM Self-Reflection*`: a 1-space indent
    assert italic.kind == "italic"
    assert italic.path == (
        "4. Methods", "4.3. Instruction Tuning", "4.3.4 Synthesis instructions and outputs using LLM",
        "D. Knowledge-based Synthesis with seed", "LLM Self-Reflection",
    )
    assert len(italic.entries) == 4
    assert italic.parent_id == plist.find_section("D. Knowledge-based Synthesis with seed").id


def test_seed_entry_fields_and_identities() -> None:
    plist = read_list(SEED)
    by_id = {e.arxiv_id: e for e in plist.entries}
    phi4 = by_id["2412.08905"]
    assert plist.lines[phi4.line].startswith("- [Phi-4 Technical Report](https://arxiv.org/pdf/2412.08905)")
    assert (phi4.title, phi4.url, phi4.key) == (
        "Phi-4 Technical Report", "https://arxiv.org/pdf/2412.08905", "arxiv:2412.08905",
    )
    assert (phi4.authors, phi4.venue, phi4.marks) == ("Microsoft Research.", "Arxiv 2024.", ("🔥",))
    survey = by_id["2406.15126"]  # NBSP separators around the authors
    assert "\u00a0*Lin Long" in plist.lines[survey.line]
    assert survey.venue == "ACL Findings 2024." and survey.authors.startswith("Lin Long, Rui Wang")
    keys = {e.url: e.key for e in plist.entries}
    assert keys["https://www.arxiv.org/abs/2409.03810"] == "arxiv:2409.03810"
    assert keys["https://arxiv.org/abs/2310.05506v3"] == "arxiv:2310.05506"
    assert keys["https://openreview.net/forum?id=mVCcWCjeEz"] == "openreview:mVCcWCjeEz"
    assert keys["https://aclanthology.org/2023.emnlp-main.67/"] == "acl:2023.emnlp-main.67"
    assert keys["https://github.com/sahil280114/codealpaca"].startswith("title:code alpaca")
    # The same paper in two sections: one identity, two places.
    magpie = [e for e in plist.entries if e.key == "arxiv:2406.08464"]
    assert len(magpie) == 2 and magpie[0].section_id != magpie[1].section_id


def test_other_real_formats() -> None:
    old = read_list(OLD)
    surveys = old.find_section("3. Surveys")  # heading text is "3. Surveys:"
    assert surveys.path == ("3. Surveys:",)
    assert len(surveys.entries) == 6  # `1. [Title](url) ...` numbered items
    wasi = read_list(WASI)
    first = wasi.entries[0]
    assert first.title == "A Survey on Bridging VLMs and Synthetic Data"  # from [**Title**](url)
    assert first.key == "doi:10.36227/techrxiv.174741263.32891073/v1"
    assert (first.authors, first.venue) == (
        "Mohammad Ghiasvand Mohammadkhani, Saeedeh Momtazi, Hamid Beigy.", "TechRxiv 2025.",
    )
    ram = read_list(RAM)
    entry = ram.entries[0]
    assert (entry.title, entry.url, entry.end_line - entry.line) == (
        "Backtracking Improves Generation Safety", "https://arxiv.org/abs/2409.14586", 2,
    )
    assert entry.authors == ""  # the italic line below is a description, not authors
    local = [e for e in ram.entries if not e.arxiv_id]
    assert [(e.title, e.url) for e in local] == [
        ("Length Following", "length_instruct"), ("Contextual Position Encoding", "cope"),
    ]


def test_bold_pipe_format() -> None:
    # Entry lines as written in mghiasvand1/Awesome-VLM-Synthetic-Data README.md (an excerpt of one section).
    text = (
        '### <a id="evaluation"></a>Evaluation\n'
        "- **Large language models as automated aligners for benchmarking vision-language models** | *Yuanfeng Ji, "
        "Chongjian Ge, Weikai Kong, Enze Xie, Zhengying Liu, Zhengguo Li, and Ping Luo* | ArXiv (2023) | "
        "[*paper*](https://arxiv.org/pdf/2311.14580)\n"
        "- **Prometheus-vision: Vision-language model as a judge for fine-grained evaluation** | *Seongyun Lee, "
        "Seungone Kim, Sue Park, Geewook Kim, and Minjoon Seo* | ACL (2024) | "
        "[*paper*](https://aclanthology.org/2024.findings-acl.672.pdf)\n"
    )
    plist = parse_list(text)
    assert plist.sections[0].path == ("Evaluation",)
    first, second = plist.entries
    assert (first.title, first.arxiv_id, first.venue) == (
        "Large language models as automated aligners for benchmarking vision-language models", "2311.14580",
        "ArXiv (2023)",
    )
    assert first.authors.endswith("Zhengguo Li, and Ping Luo")
    assert second.key == "acl:2024.findings-acl.672"
    added = plist.with_entry(PAPER, plist.sections[0])
    assert inserted_lines(plist.lines, added.lines) == [
        "- **ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach** | *Reem Gody, "
        "Mahmoud Goudy, and Ahmed Y. Tawfik* | ArXiv (2025) | [*paper*](https://arxiv.org/pdf/2503.17460)\n"
    ]  # the arXiv link as the list's writes it (`/pdf/`)


def test_paper_key_fallbacks() -> None:
    assert paper_key("https://arxiv.org/html/2401.16380v2", "x") == ("arxiv:2401.16380", "2401.16380")
    assert paper_key("https://arxiv.org/pdf/2401.16380v12.pdf", "x") == ("arxiv:2401.16380", "2401.16380")
    # the same paper linked through another site is the same paper: never proposed again
    for url in ("https://huggingface.co/papers/2401.16380", "https://www.alphaxiv.org/abs/2401.16380v2",
                "https://doi.org/10.48550/arXiv.2401.16380", "https://ar5iv.org/abs/2401.16380"):
        assert paper_key(url, "x") == ("arxiv:2401.16380", "2401.16380"), url
    # a mistyped id names no paper (keyed by its title), not the id its first digits spell
    assert paper_key("https://arxiv.org/abs/2401.163801", "Some Title") == ("title:some title", None)
    assert paper_key("https://openreview.net/pdf?id=ThjDCZOljE", "x")[0] == "openreview:ThjDCZOljE"
    assert paper_key("https://doi.org/10.1145/3580305.3599572", "x")[0] == "doi:10.1145/3580305.3599572"
    assert paper_key("https://example.org/blog", "The Rise of Agentic Data Generation.")[0] == (
        "title:the rise of agentic data generation"
    )
    assert plain_text('<a id="x"></a>**4.1. Pre-training**') == "4.1. Pre-training"


def test_not_a_list_is_an_error_naming_the_line() -> None:
    with pytest.raises(PaperbotError, match=r"notes.md:1: not a paper list: no section found"):
        parse_list("Just some notes.\n\nNothing here.\n", "notes.md")
    toc_only = "# Title\n\n## Contents\n\n* [1. Githubs](#1-githubs)\n\n## Empty\n\nText without links.\n"
    with pytest.raises(PaperbotError, match=r"toc.md:3: not a paper list: 2 sections but no bullet links"):
        parse_list(toc_only, "toc.md")
    with pytest.raises(PaperbotError, match="not a paper list"):
        parse_list("", "empty.md")


def test_find_section() -> None:
    plist = read_list(SEED)
    full = plist.find_section("6. Application Areas > 6.3 Agent and Tool Use")
    assert plist.find_section("6. Application Areas / 6.3 Agent and Tool Use") is full
    assert plist.find_section("6.3 agent and tool use") is full
    assert plist.find_section(full.id) is full
    assert plist.find_section("Agent").path[-1] == "H. Agent"  # numbering "H." may be left out
    old_agent = read_list(OLD).find_section("Agent and Tool Use")
    assert old_agent.path == ("5. Application Areas:", "5.7. Agent and Tool Use")
    with pytest.raises(UsageError, match=r"no section 'Agents and Tools'.*candidates:.*6\.3 Agent and Tool Use"):
        plist.find_section("Agents and Tools")
    twice = parse_list(
        "## Methods\n### Datasets\n- [A](https://arxiv.org/abs/2401.00001)\n"
        "## Tools\n### Datasets\n- [B](https://arxiv.org/abs/2401.00002)\n"
    )
    with pytest.raises(UsageError, match=r"ambiguous.*Methods > Datasets \(id (\S+)\); Tools > Datasets \(id (\S+)\)"):
        twice.find_section("Datasets")
    assert twice.find_section("Tools > Datasets").entries[0].title == "B"
    # the same whole path twice: only the id tells them apart, so the message gives it
    same = parse_list("## Other\n- [A](https://arxiv.org/abs/2401.00001)\n## Other\n- [B](https://arxiv.org/abs/2401.00002)\n")
    with pytest.raises(UsageError) as err:
        same.find_section("Other")
    ids = re.findall(r"\(id (\S+)\)", str(err.value))
    assert len(set(ids)) == 2 and [same.find_section(i).entries[0].title for i in ids] == ["A", "B"]


def test_contains_by_id_or_title() -> None:
    plist = read_list(SEED)
    assert plist.contains(Paper("2406.08464", "whatever"))
    # ToEdit is listed with an openreview link; its arXiv version is the same paper.
    assert plist.contains(Paper("2412.14689", "ToEdit: How to Synthesize Text Data to Avoid Model Collapse?"))
    assert not plist.contains(PAPER)
    with pytest.raises(PaperbotError, match=r"2406\.08464 .* already on the list in 4\. Methods"):
        plist.with_entry(Paper("2406.08464", "Magpie"), plist.find_section("6.3 Agent and Tool Use"))


def test_sections_json_shape() -> None:
    doc = read_list(SEED).sections_json()
    assert list(doc) == ["sections"]
    agent = next(s for s in doc["sections"] if s["path"] == ["6. Application Areas", "6.3 Agent and Tool Use"])
    assert agent["id"] == "6-application-areas/6-3-agent-and-tool-use"
    assert agent["entries"][0] == agent["entries"][0] | {
        "title": "ToolAlpaca: Generalized Tool Learning for Language Models with 3000 Simulated Cases",
        "url": "https://arxiv.org/abs/2306.05301",
        "arxiv_id": "2306.05301",
    }
    blog = next(s for s in doc["sections"] if s["path"] == ["2. Blogs"])
    assert {e["arxiv_id"] for e in blog["entries"]} == {None}
    assert sum(len(s["entries"]) for s in doc["sections"]) == 270


# ---------------------------------------------------------------- writing


@pytest.mark.parametrize(
    ("path", "section", "expected"),
    [
        (
            SEED, "6.3 Agent and Tool Use",
            "- [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
            "(https://arxiv.org/abs/2503.17460) *Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik.* Arxiv 2025.\n",
        ),
        (
            SEED, "LLM Self-Reflection",
            "   - [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
            "(https://arxiv.org/abs/2503.17460) *Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik.* Arxiv 2025.\n",
        ),
        (
            OLD, "3. Surveys",  # 5 of its 6 titles end with "." inside the link
            "7. [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach.]"
            "(https://arxiv.org/abs/2503.17460)\u00a0*Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik.*\u00a0Arxiv 2025.\n",
        ),
        (
            WASI, "3.8. Agent and Tool Use",
            "- [**ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach**]"
            "(https://arxiv.org/abs/2503.17460) *Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik.* Arxiv 2025.\n",
        ),
    ],
    ids=["seed-heading", "seed-italic-group", "old-numbered", "wasiahmad"],
)
def test_add_changes_one_line_range(path: Path, section: str, expected: str) -> None:
    plist = read_list(path)
    target = plist.find_section(section)
    after = plist.with_entry(PAPER, target)
    assert inserted_lines(plist.lines, after.lines) == [expected]
    new = next(e for e in after.entries if e.arxiv_id == "2503.17460")
    assert after.section_by_id(new.section_id).path == target.path
    assert new.line == target.entries[-1].end_line  # after the last entry of the section
    assert len(after.entries) == len(plist.entries) + 1


def test_add_to_loose_multiline_list_keeps_blank_separation() -> None:
    plist = read_list(RAM)
    section = plist.find_section("Alignment")
    after = plist.with_entry(PAPER, section)
    (op,) = changed_ranges(plist.lines, after.lines)
    added = "".join(after.lines[op[3]:op[4]])
    assert "- **ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach** " \
        "[[paper]](https://arxiv.org/abs/2503.17460)\n" in added
    assert added.count("\n") == 2 and "\n\n" in "".join(after.lines[op[3] - 1:op[4]])
    assert after.to_text().replace(added, "", 1) == plist.to_text()


SORTED_BY_ID = (
    "# Papers\n\n## Reading\n\n"
    "- [Alpha](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n"
    "- [Beta](https://arxiv.org/abs/2402.00002) *B. Two.* Arxiv 2024.\n"
    "- [Gamma](https://arxiv.org/abs/2506.00003) *C. Three.* Arxiv 2025.\n"
    "- [Epsilon](https://arxiv.org/abs/2507.00005) *E. Five.* Arxiv 2025.\n"
    "\n## Other\n\n- [Delta](https://arxiv.org/abs/2101.00004) *D. Four.* Arxiv 2021.\n"
)
# Newest first by the `[YYYY/MM]` before each title, one entry without an arXiv id (a Nature paper), one id out of
# its date's order: the dates are the order, and PAPER (2503.17460, March 2025) goes among them.
SORTED_BY_DATE = (
    "# Game Agents\n\n## World Models\n\n"
    "- [2025/04] **MineWorld** *arXiv* [[paper](https://arxiv.org/abs/2504.08388)]\n"
    "- [2025/02] **World and Human Action Models** *Nature* [[paper](https://www.nature.com/articles/s41586)]\n"
    "- [2025/01] **GameFactory** *arXiv* [[paper](https://arxiv.org/abs/2501.08325)]\n"
    "- [2024/03] **SIMA** *arXiv* [[paper](https://arxiv.org/abs/2404.10179)]\n"
    "- [2024/02] **Genie** *ICML 2024* [[paper](https://arxiv.org/abs/2402.15391)]\n"
)


# Newest first by the venue's year, some papers under links that are not arXiv's (AAAI, ACL): March 2025 goes
# first, before the papers of 2025 whose month the list does not say.
SORTED_BY_VENUE_YEAR = (
    "# Awesome-RAG-Reasoning\n\n## Reasoning-Enhanced RAG\n### Retrieval Optimization\n"
    "- (AAAI 2025) **MaFeRw** [[Paper]](https://ojs.aaai.org/index.php/AAAI/article/view/34732)\n"
    "- (ArXiv 2025) **Collab-RAG** [[Paper]](https://arxiv.org/abs/2504.04915)\n\n"
    "- (ACL 2024) **Chain-of-Verification** [[Paper]](https://aclanthology.org/2024.findings-acl.212/)\n"
    "- (NAACL 2024) **Adaptive-RAG** [[Paper]](https://arxiv.org/abs/2403.14403)\n"
    "- (SIGIR 2024) **Can Query Expansion** [[Paper]](https://arxiv.org/abs/2311.09175)\n"
    "- (ArXiv 2024) **RuleRAG** [[Paper]](https://arxiv.org/abs/2410.22353)\n"
)


def test_a_paper_accepted_at_a_venue_goes_by_its_venue_year_in_a_list_sorted_so() -> None:
    """A paper of January 2025 accepted at the NeurIPS of 2024 writes "(NeurIPS 2024)": newest first by the venues'
    years, it goes with the 2024 papers (after them, the last of its year), where before it went to the top by its
    arXiv month, above the papers of 2025, and the section no longer read as sorted."""
    plist = parse_list(SORTED_BY_VENUE_YEAR)
    paper = dataclasses.replace(PAPER, arxiv_id="2501.00005", comment="Accepted to NeurIPS 2024")
    after = plist.with_entry(paper, plist.find_section("Retrieval Optimization"))
    (line,) = inserted_lines(plist.lines, after.lines)
    assert line.startswith("- (NeurIPS 2024) **ConvoGen")
    assert [e.title for e in after.entries].index(PAPER.title) == 6


@pytest.mark.parametrize(
    ("text", "section", "titles", "shape"),
    [
        (SORTED_BY_ID, "Reading", ["Alpha", "Beta", PAPER.title, "Gamma", "Epsilon"],
         r".*\*Reem Gody, Mahmoud Goudy, Ahmed Y\. Tawfik\.\* Arxiv 2025\.\n"),
        (SORTED_BY_DATE, "World Models",
         ["MineWorld", PAPER.title, "World and Human Action Models", "GameFactory", "SIMA", "Genie"],
         r"- \[2025/03\] \*\*.*"),
        (SORTED_BY_VENUE_YEAR, "Retrieval Optimization",
         [PAPER.title, "MaFeRw", "Collab-RAG", "Chain-of-Verification", "Adaptive-RAG", "Can Query Expansion",
          "RuleRAG"], r"- \(ArXiv 2025\) \*\*.*"),
    ],
    ids=["arxiv-ids", "dates-before-titles", "venue-years"],
)
def test_add_in_order_when_the_section_is_sorted(text: str, section: str, titles: list[str], shape: str) -> None:
    after, (line,) = added(text, section)
    assert [e.title for e in after.find_section(section).entries] == titles
    assert re.fullmatch(shape, line, re.S)


def test_three_entries_in_order_by_chance_are_not_a_sorted_section() -> None:
    """4.1 Pre-training holds 2412.08905, 2412.02595, 2411.02265: newest first, or just the order they were
    added in. Three ids fall in order one time in three, so a new paper goes at the end, as maintainers add."""
    plist = read_list(SEED)
    section = plist.find_section("4.1. Pre-training")
    assert [e.arxiv_id for e in section.entries] == ["2412.08905", "2412.02595", "2411.02265"]
    after = plist.with_entry(PAPER, section)
    assert after.section_by_id(section.id).entries[-1].arxiv_id == PAPER.arxiv_id


def test_a_section_without_readable_authors_gets_the_lists_way_of_writing_them() -> None:
    """One entry without authors, one with plain-text authors the parser does not read as authors: the
    paper still gets its authors, in the italics the rest of the list uses."""
    plist = read_list(OLD)
    section = plist.find_section("Failure-inducing exploration to guide LLM synthetic data")
    assert not any(e.authors for e in section.entries)
    line = inserted_lines(plist.lines, plist.with_entry(PAPER, section).lines)[0]
    assert "*Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik.*" in line


def test_title_and_venue_end_as_most_of_the_section_ends_them() -> None:
    text = (
        "## Dotted\n\n"
        "- [Alpha.](https://arxiv.org/abs/2401.00001) *A. One.* ICLR 2024.\n"
        "- [Beta.](https://arxiv.org/abs/2402.00002) *B. Two.* Arxiv 2024\n"
        "- [Gamma](https://arxiv.org/abs/2403.00003) *C. Three.* NeurIPS 2024.\n"
        "\n## Plain\n\n"
        "- [Delta](https://arxiv.org/abs/2101.00004) *D. Four.* ACL 2021\n"
        "- [Zeta?](https://arxiv.org/abs/2101.00006) *F. Six.* Arxiv 2021.\n"
        "- [Eta](https://arxiv.org/abs/2101.00007) *G. Seven.* EMNLP 2021\n"
    )
    plist = parse_list(text)
    dotted = inserted_lines(plist.lines, plist.with_entry(PAPER, plist.find_section("Dotted")).lines)[0]
    assert dotted.startswith("- [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach.](")
    assert dotted.endswith(" Arxiv 2025.\n")  # two of three venues end with "."; its one arXiv neighbour does not
    plain = inserted_lines(plist.lines, plist.with_entry(PAPER, plist.find_section("Plain")).lines)[0]
    assert plain.startswith("- [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach](")
    assert plain.endswith(" Arxiv 2025\n")
    question = Paper("2503.00009", "Is synthetic data enough?", authors=("H. Eight",))
    asked = inserted_lines(plist.lines, plist.with_entry(question, plist.find_section("Dotted")).lines)[0]
    assert asked.startswith("- [Is synthetic data enough?](")  # no "?." even where titles end with "."


def test_crlf_nbsp_and_missing_final_newline_survive() -> None:
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n").rstrip("\r\n")
    plist = parse_list(text, "crlf.md")
    assert plist.to_text() == text
    after = plist.with_entry(PAPER, plist.find_section("6.3 Agent and Tool Use"))
    line = inserted_lines(plist.lines, after.lines)[0]
    assert line.endswith("Arxiv 2025.\r\n")
    out = after.to_text()
    assert not out.endswith("\n") and out.count("\u00a0") == text.count("\u00a0")
    assert out.replace(line, "", 1) == text
    # Adding after the very last line of a file without a final newline: the old last line gets one.
    tail = parse_list("## Only\n- [A](https://arxiv.org/abs/2401.00001) Arxiv 2024.", "tail.md")
    grown = tail.with_entry(PAPER, tail.sections[0]).to_text()
    assert grown == (
        "## Only\n- [A](https://arxiv.org/abs/2401.00001) Arxiv 2024.\n"
        "- [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
        "(https://arxiv.org/abs/2503.17460) Arxiv 2025."
    )


def test_add_into_an_empty_section() -> None:
    plist = read_list(SEED)
    section = plist.find_section("5. Analysis > 5.2 Evaluation of Synthetic Data")
    assert section.entries == []
    after = plist.with_entry(PAPER, section)
    lines = inserted_lines(plist.lines, after.lines)
    assert lines[0].startswith("- [ConvoGen") and lines[1:] == ["\n"]  # keeps a blank line before '#### 5.2.1'
    assert after.lines[section.line + 1] == lines[0]


@pytest.mark.parametrize(
    ("title", "escaped"),
    [
        ("Brackets [in] titles", r"Brackets \[in\] titles"),
        ("A | B tables", r"A \| B tables"),
        ("Stars *everywhere*", r"Stars \*everywhere\*"),
        ("HTML <b>tags</b>", r"HTML \<b\>tags\</b\>"),
        ("Code `spans`", r"Code \`spans\`"),
        ("Two\nlines", "Two lines"),
        ("snake_case_name", r"snake\_case\_name"),
        ("multilingual AI~Linguistic Diversity~", r"multilingual AI\~Linguistic Diversity\~"),  # 2503.04792
    ],
)
def test_titles_are_escaped_and_render_as_written(title: str, escaped: str) -> None:
    assert escape_markdown(title) == escaped
    plist = read_list(SEED)
    paper = Paper("2503.17460", title, authors=("Ann [Lab] Lee", "Bo * Wu"))
    after = plist.with_entry(paper, plist.find_section("6.3 Agent and Tool Use"))
    line = inserted_lines(plist.lines, after.lines)[0]
    assert line == f"- [{escaped}](https://arxiv.org/abs/2503.17460) *Ann \\[Lab\\] Lee, Bo \\* Wu.* Arxiv 2025.\n"
    entry = next(e for e in after.entries if e.arxiv_id == "2503.17460")
    assert entry.title == " ".join(title.split())  # reads back as the title itself: nothing leaked into markup
    assert entry.authors == "Ann [Lab] Lee, Bo * Wu."


def test_a_paper_without_authors_leaves_no_stray_punctuation() -> None:
    """Metadata without authors (a JSONL that has none): the authors' slot goes with its emphasis and the
    punctuation around it, not leaving `](url) . Arxiv 2025.` behind."""
    nobody = Paper("2503.17460", "ConvoGen")
    text = "## Data\n\n- [Open Artificial Knowledge](https://arxiv.org/abs/2407.14371) *V. Borisov*. ICML 2024.\n"
    plist = parse_list(text)
    line = inserted_lines(plist.lines, plist.with_entry(nobody, plist.sections[0]).lines)[0]
    assert line == "- [ConvoGen](https://arxiv.org/abs/2503.17460) arXiv 2025.\n"
    comma = parse_list("## D\n\n- [FreeAL](https://arxiv.org/abs/2311.15614), *R. Xiao, Y. Dong* EMNLP 2023.\n")
    line = inserted_lines(comma.lines, comma.with_entry(nobody, comma.sections[0]).lines)[0]
    assert line == "- [ConvoGen](https://arxiv.org/abs/2503.17460) arXiv 2025.\n"


# ---------------------------------------------------------------- audit fixes: shapes the lists above do not have

NEW = Paper(arxiv_id="2504.12913", title="New Paper Title", authors=("Ann Lee", "Bob Ray"))
NEW_LINE = "[New Paper Title](https://arxiv.org/abs/2504.12913) *Ann Lee, Bob Ray.* Arxiv 2025."


def added_line(text: str, section: str, paper: Paper = NEW) -> list[str]:
    plist = parse_list(text)
    after = plist.with_entry(paper, plist.find_section(section))
    new = next(e for e in after.entries if e.arxiv_id == paper.arxiv_id)
    assert after.section_by_id(new.section_id).path == plist.find_section(section).path
    return inserted_lines(plist.lines, after.lines)


def test_wrapped_entries_give_a_complete_one_line_entry() -> None:
    """A title wrapped inside its link, or authors on the line below a bare `[Title](url)`: the new entry
    still has its title, link, authors and venue (once a broken `- [Beta: another ... has` was written), on one
    line where only the titles wrap, and on two where the section writes its authors on a line of their own."""
    text = (
        "# L\n\n## A\n"
        "- [Alpha: a rather long title that the maintainer\n"
        "  wrapped](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n"
        "- [Beta: another long title that the maintainer has\n"
        "  wrapped](https://arxiv.org/abs/2401.00002) *B. Two.* Arxiv 2024.\n"
        "\n## B\n"
        "- [Gamma](https://arxiv.org/abs/2401.00003)\n  *C. Three.* Arxiv 2024.\n"
        "- [Delta](https://arxiv.org/abs/2401.00004)\n  *D. Four.* Arxiv 2024.\n"
    )
    plist = parse_list(text)
    alpha, _, gamma, _ = plist.entries
    assert (alpha.title, alpha.authors, alpha.venue) == (
        "Alpha: a rather long title that the maintainer wrapped", "A. One.", "Arxiv 2024.",
    )
    assert (gamma.title, gamma.authors, gamma.venue) == ("Gamma", "C. Three.", "Arxiv 2024.")
    assert added_line(text, "A") == [f"- {NEW_LINE}\n"]
    link, rest = NEW_LINE.split(") ", 1)
    assert added_line(text, "B") == [f"- {link})\n", f"  {rest}\n"]


def test_marks_before_the_title_are_marks_not_the_title() -> None:
    text = (
        "# L\n\n## Hot\n"
        "- 🔥 [Alpha](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n"
        "- 🔥 [Beta](https://arxiv.org/abs/2402.00002) *B. Two.* Arxiv 2024.\n"
        "\n## Dated\n"
        "- `2024.05` [Zeta](https://arxiv.org/abs/2405.00005) *Z. Six.* Arxiv 2024.\n"
        "- `2024.06` [Eta](https://arxiv.org/abs/2406.00006) *E. Seven.* Arxiv 2024.\n"
        "\n## Badged\n"
        "- ![ICLR](https://img.shields.io/badge/ICLR-2024-blue) [Gamma](https://arxiv.org/abs/2403.00003) "
        "*C. Three.* ICLR 2024.\n"
        "- ![NeurIPS](https://img.shields.io/badge/NeurIPS-2024-blue) [Delta](https://arxiv.org/abs/2403.00004) "
        "*D. Four.* NeurIPS 2024.\n"
    )
    plist = parse_list(text)
    assert [(e.title, e.authors, e.marks) for e in plist.entries] == [
        ("Alpha", "A. One.", ("🔥",)), ("Beta", "B. Two.", ("🔥",)),
        ("Zeta", "Z. Six.", ("2024.05",)), ("Eta", "E. Seven.", ("2024.06",)),
        ("Gamma", "C. Three.", ("ICLR",)), ("Delta", "D. Four.", ("NeurIPS",)),
    ]
    # a paper listed behind a badge is on the list: not added twice
    with pytest.raises(PaperbotError, match="already on the list in Badged"):
        plist.with_entry(Paper("2403.00004", "Delta"), plist.find_section("Hot"))
    plain = parse_list("## A\n- `Toolformer`: Language Models Teach Themselves [[pdf]](https://arxiv.org/abs/2302.04761)\n")
    assert plain.entries[0].title == "Toolformer: Language Models Teach Themselves"  # a plain-text title keeps it
    # the new entry takes the section's shape, not a neighbour's 🔥, date or venue badge
    for section in ("Hot", "Dated", "Badged"):
        assert added_line(text, section) == [f"- {NEW_LINE}\n"], section


def test_one_anchor_bullet_does_not_hide_a_sections_entries() -> None:
    text = (
        "# L\n\n## Contents\n- [A](#a)\n- [B](#b)\n- [C](#c)\n- [Another list](https://github.com/x/awesome)\n"
        "\n## A\n- See also [B](#b)\n"
        "- [Alpha](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n"
        "- [Delta](https://arxiv.org/abs/2403.00004) *D. Four.* Arxiv 2024.\n"
        "\n## B\n- [Gamma](https://arxiv.org/abs/2402.00003) *C. Three.* Arxiv 2024.\n"
    )
    plist = parse_list(text)
    assert [e.title for e in plist.find_section("A").entries] == ["Alpha", "Delta"]
    assert plist.find_section("Contents").entries == []  # a real table of contents still holds no entries
    assert added_line(text, "A") == [f"- {NEW_LINE}\n"]
    assert parse_list(text).with_entry(NEW, plist.find_section("A")).find_section("A").entries[-1].arxiv_id == (
        NEW.arxiv_id
    )


def test_bold_labels_with_an_emoji_or_a_note_are_groups() -> None:
    text = (
        "# L\n\n## Methods\n"
        "- **A. Rephrasing**\n  - [Alpha](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n"
        "- **B. Personas** 🔥\n  - [Beta](https://arxiv.org/abs/2401.00002) *B. Two.* Arxiv 2024.\n"
        "- **C. Inversion** (new)\n  - [Gamma](https://arxiv.org/abs/2401.00003) *C. Three.* Arxiv 2024.\n"
        "- **D. Notes**:\n  - [Epsilon](https://arxiv.org/abs/2401.00005) *E. Five.* Arxiv 2024.\n"
        "\n## Bold titles\n"
        "- **Zeta** (2024) | [paper](https://arxiv.org/abs/2401.00006)\n"
        "- **Eta** 🔥 | [paper](https://arxiv.org/abs/2401.00007)\n"
    )
    plist = parse_list(text)
    groups = {s.path[-1]: [e.title for e in s.entries] for s in plist.sections if s.kind == "bold"}
    assert groups == {
        "A. Rephrasing": ["Alpha"], "B. Personas": ["Beta"], "C. Inversion": ["Gamma"], "D. Notes": ["Epsilon"],
    }
    assert [e.title for e in plist.find_section("Bold titles").entries] == ["Zeta", "Eta"]  # a label has no link
    assert added_line(text, "B. Personas") == [f"  - {NEW_LINE}\n"]


def test_an_empty_section_with_an_intro_paragraph_gets_its_entry_after_the_paragraph() -> None:
    text = (
        "# L\n\n## A\n- [Alpha](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n"
        "\n## B\n\nPapers that study synthetic data\nfor science.\n\n"
        "### B.1 Chemistry\n- [Beta](https://arxiv.org/abs/2402.00002) *B. Two.* Arxiv 2024.\n"
    )
    plist = parse_list(text)
    after = plist.with_entry(NEW, plist.find_section("B"))
    assert "for science.\n\n- [New Paper Title]" in after.to_text()
    assert [e.arxiv_id for e in after.find_section("B").entries] == [NEW.arxiv_id]
    # no blank line after the paragraph: one is added, on both sides
    tight = "## A\n- [Alpha](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n## B\nIntro.\n## C\n" \
        "- [Beta](https://arxiv.org/abs/2402.00002) *B. Two.* Arxiv 2024.\n"
    assert added_line(tight, "B") == ["\n", f"- {NEW_LINE}\n", "\n"]


def test_find_section_by_a_name_with_separators_and_never_by_a_wrong_number() -> None:
    slash = parse_list("## Vision / Language\n- [Alpha](https://arxiv.org/abs/2401.00001)\n")
    assert slash.find_section("Vision / Language").path == ("Vision / Language",)
    plist = read_list(SEED)
    assert plist.find_section("6.1 Mathematical Reasoning").path[-1] == "6.1 Mathematical Reasoning"
    assert plist.find_section("Code Generation").path[-1] == "6.2 Code Generation"  # no number: any number
    assert plist.find_section("6.3. Agent and Tool Use").path[-1] == "6.3 Agent and Tool Use"
    with pytest.raises(UsageError, match=r"no section '6\.1 Code Generation'.*candidates: 6\. [^;]+ > 6\.2 Code"):
        plist.find_section("6.1 Code Generation")


def test_numbered_lists_number_the_new_entry_as_they_number_theirs() -> None:
    lazy = "## A\n1. [Alpha](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n" \
        "1. [Beta](https://arxiv.org/abs/2403.00002) *B. Two.* Arxiv 2024.\n"
    assert added_line(lazy, "A") == [f"1. {NEW_LINE}\n"]
    counted = lazy.replace("1. [Beta", "2. [Beta")
    assert added_line(counted, "A") == [f"3. {NEW_LINE}\n"]


def test_an_empty_group_in_a_flat_list_takes_its_siblings_indent() -> None:
    text = (
        "# L\n\n## Methods\n- **A. Rephrasing**\n"
        "- [Alpha](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n"
        "- [Beta](https://arxiv.org/abs/2401.00002) *B. Two.* Arxiv 2024.\n"
        "- **B. Personas**\n- **C. Inversion**\n"
        "- [Gamma](https://arxiv.org/abs/2401.00003) *C. Three.* Arxiv 2024.\n"
    )
    assert added_line(text, "B. Personas") == [f"- {NEW_LINE}\n"]


def test_headings_closing_hashes_and_setext() -> None:
    text = (
        "Title\n=====\n\nIntro.\n\n---\n\n## C#\n- [Alpha](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n"
        "\nVision\n------\n- [Beta](https://arxiv.org/abs/2401.00002) *B. Two.* Arxiv 2024.\n"
        "\nEmpty\n-----\n\nNext\n----\n- [Gamma](https://arxiv.org/abs/2401.00003) *C. Three.* Arxiv 2024.\n"
    )
    plist = parse_list(text)
    assert [(s.path, [e.title for e in s.entries]) for s in plist.sections] == [
        (("C#",), ["Alpha"]), (("Vision",), ["Beta"]), (("Empty",), []), (("Next",), ["Gamma"]),
    ]
    ruled = parse_list("## A\n- [Alpha](https://arxiv.org/abs/2401.00001)\n\nNot a heading\n\n---\n")
    assert [s.path for s in ruled.sections] == [("A",)]  # a `---` under a blank line is a thematic break
    after = plist.with_entry(NEW, plist.find_section("Empty"))
    assert "Empty\n-----\n\n- [New Paper Title]" in after.to_text()  # below the underline, not inside the heading
    assert [e.arxiv_id for e in after.find_section("Empty").entries] == [NEW.arxiv_id]


def test_et_al_as_the_neighbours_write_it() -> None:
    text = "## A\n- [Alpha](https://arxiv.org/abs/2401.00001) *A. One et al* Arxiv 2024.\n" \
        "- [Beta](https://arxiv.org/abs/2401.00002) *B. Two et al* Arxiv 2024.\n"
    assert added_line(text, "A") == [
        "- [New Paper Title](https://arxiv.org/abs/2504.12913) *Ann Lee et al* Arxiv 2025.\n"
    ]
    dotted = text.replace("et al*", "et al.*")
    assert added_line(dotted, "A")[0].endswith("*Ann Lee et al.* Arxiv 2025.\n")


def test_find_section_takes_the_short_form_a_pull_request_shows() -> None:
    """The PR's table shortens deep paths ("4.3. Instruction Tuning > … > LLM Self-Reflection"): copied into
    `paperbot add --section`, that form finds the section."""
    plist = read_list(REPO / "data" / "lists" / "llm-synthetic-data.md")
    leaf = plist.find_section("4.3. Instruction Tuning > … > LLM Self-Reflection")
    assert leaf.path[-1] == "LLM Self-Reflection" and leaf.path[1] == "4.3. Instruction Tuning"
    assert plist.find_section("4.3. Instruction Tuning > ... > LLM Self-Reflection") is leaf
    with pytest.raises(UsageError):
        plist.find_section("6.2 Code Generation > … > LLM Self-Reflection")


NEWS = """# Awesome Synthetic Data

## 🔥 News <a name="news"></a>

- **[2025/04]** We added 20 papers.
- **[2025/01]** Our survey [On LLMs-Driven Synthetic Data Generation](https://arxiv.org/abs/2406.15126) is accepted!

### Older news

- [2024/06] [Magpie](https://arxiv.org/abs/2406.08464) joins the list.

## What's New

- [Cosmopedia](https://huggingface.co/blog/cosmopedia) released.

## Papers

- [Self-Instruct: Aligning LMs with Self-Generated Instructions](https://arxiv.org/abs/2212.10560) *Y. Wang.* ACL 23.
- [WizardLM: Empowering LLMs to Follow Complex Instructions](https://arxiv.org/abs/2304.12244) *Can Xu.* ICLR 2024.

## Updates to Pre-training Data

- [Rephrasing the Web](https://arxiv.org/abs/2401.16380) *Pratyush Maini.* ACL 2024.
"""


def test_a_news_section_links_papers_it_announces_but_holds_no_entries() -> None:
    """`- **[2025/01]** Our survey [X](arxiv) is accepted!` is news, not an entry: X is not "on the list" by
    it (the bot may still propose it), no paper is added there, and the section model never learns a News
    section. A heading that merely contains the word ("Updates to Pre-training Data") is a real section."""
    plist = parse_list(NEWS)
    assert {e.arxiv_id for e in plist.entries} == {"2212.10560", "2304.12244", "2401.16380"}
    news = plist.find_section("News")  # emoji do not count in a section name
    assert news.path == ("🔥 News",) and plist.find_section("Older news").path == ("🔥 News", "Older news")
    assert plist.entries_of(news, recursive=True) == [] and plist.other_bullets(news) == 2
    assert plist.entries_of(plist.find_section("What's New")) == []
    assert len(plist.entries_of(plist.find_section("Updates to Pre-training Data"))) == 1
    assert not plist.contains(Paper(arxiv_id="2406.15126", title="On LLMs-Driven Synthetic Data Generation"))


def test_a_new_entry_goes_after_the_notes_under_the_last_one() -> None:
    """Sub-bullets under an entry (`  + Note: ...`) are that paper's: inserted between them, the new line would
    take them over."""
    text = (
        "# Small Data\n\n## Pre-training\n\n"
        "+ [Textbooks Are All You Need](https://arxiv.org/abs/2306.11644) *Suriya Gunasekar.* arXiv 2023.\n"
        "  + Note: code textbooks written by GPT-3.5.\n"
        "+ [TinyStories](https://arxiv.org/abs/2305.07759) *Ronen Eldan.* arXiv 2023.\n"
        "  + Note: GPT-3.5/4 generated stories\n"
        "    for small models.\n"
        "  + Code: [GitHub](https://github.com/x/y)\n"
        "\n## Other\n\n"
        "+ [Self-Instruct](https://arxiv.org/abs/2212.10560) *Yizhong Wang.* ACL 2023.\n"
    )
    plist = parse_list(text)
    section = plist.find_section("Pre-training")
    assert [e.title for e in section.entries] == ["Textbooks Are All You Need", "TinyStories"]  # no "Code"
    after = plist.with_entry(PAPER, section)
    assert inserted_lines(plist.lines, after.lines) == [
        "+ [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
        "(https://arxiv.org/abs/2503.17460) *Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik.* arXiv 2025.\n"]
    new = next(e for e in after.entries if e.arxiv_id == "2503.17460")
    assert after.lines[new.line - 1] == "  + Code: [GitHub](https://github.com/x/y)\n"
    assert after.lines[new.line + 1] == "\n"


def test_a_neighbours_unplaced_text_is_never_copied_into_a_new_entry() -> None:
    """Authors written as plain text before an italic venue are not read as authors; the shape kept them as
    literal text, so every new paper got a neighbour's authors. Such a shape is not used: the new entry is
    written plainly, with its own authors."""
    text = (
        "# Selection\n\n## Data Selection\n\n"
        "- **[LIMA: Less Is More for Alignment](https://arxiv.org/abs/2305.11206)**, Chunting Zhou, Pengfei Liu, "
        "et al., *NeurIPS 2023*\n"
        "- **[AlpaGasus: Training a Better Alpaca](https://arxiv.org/abs/2307.08701)**, Lichang Chen, Shiyang Li, "
        "et al., *ICLR 2024*\n"
    )
    _, (line,) = added(text, "Data Selection")
    assert line == ("- [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
                    "(https://arxiv.org/abs/2503.17460) *Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik* arXiv 2025\n")
    assert "Chunting" not in line and "Lichang" not in line


def test_plain_text_authors_after_the_link_are_authors_and_the_new_entry_gets_its_own() -> None:
    """`- Suriya Gunasekar, Yi Zhang (2023)` was read as the venue: the new entry came out without authors
    (`) - arXiv 2025`). Now the names are authors and the year in brackets the venue, as the neighbours write them."""
    text = (
        "# Small\n\n## Pre-training\n\n"
        "+ [Textbooks Are All You Need](https://arxiv.org/abs/2306.11644) - Suriya Gunasekar, Yi Zhang (2023)\n"
        "+ [TinyStories](https://arxiv.org/abs/2305.07759) - Ronen Eldan, Yuanzhi Li (2023)\n"
        "\n## Instruction Data\n\n"
        "- [Self-Instruct: Aligning Language Models with Self-Generated Instructions](https://arxiv.org/abs/2212.10560)"
        ", Yizhong Wang et al., ACL 2023\n"
        "- [WizardLM: Empowering Large Language Models to Follow Complex Instructions]"
        "(https://arxiv.org/abs/2304.12244), Can Xu et al., ICLR 2024\n"
    )
    plist = parse_list(text)
    assert [(e.authors, e.venue) for e in plist.entries] == [
        ("Suriya Gunasekar, Yi Zhang", "2023"), ("Ronen Eldan, Yuanzhi Li", "2023"),
        ("Yizhong Wang et al.", "ACL 2023"), ("Can Xu et al.", "ICLR 2024"),
    ]
    _, (line,) = added(text, "Pre-training")
    assert line == ("+ [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
                    "(https://arxiv.org/abs/2503.17460) - Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik (2025)\n")
    assert added_line(text, "Instruction Data") == [
        "- [New Paper Title](https://arxiv.org/abs/2504.12913), Ann Lee et al., arXiv 2025\n"
    ]
    # a venue right after the link stays the venue (the seed list writes `[Title](url) ICLR 2025.` so)
    same = parse_list("## A\n- [T](https://arxiv.org/abs/2310.13671) Ruida Wang, Mrinmaya Sachan, EMNLP finding 2023\n")
    assert (same.entries[0].authors, same.entries[0].venue) == ("", "Ruida Wang, Mrinmaya Sachan, EMNLP finding 2023")


DETAILS = """# Awesome Reasoning

<details>
<summary>Table of Contents</summary>

- [Surveys](#surveys)
- [Methods](#methods)

</details>

## Surveys

<details>
<summary>Click to expand</summary>

- [Beta](https://arxiv.org/abs/2301.00002) *B. Two.* Arxiv 2023.
- [Gamma](https://arxiv.org/abs/2301.00003) *C. Three.* Arxiv 2023.
</details>

## Methods

<details>
<summary><b>Instruction Tuning</b></summary>

- [Delta](https://arxiv.org/abs/2301.00004) *D. Four.* Arxiv 2023.
</details>
<details><summary>Preference Data</summary>
</details>

- [Epsilon](https://arxiv.org/abs/2301.00005) *E. Five.* Arxiv 2023.
"""


def test_details_blocks_hold_their_sections_entries_and_take_new_ones_inside() -> None:
    """A `<summary>` naming a topic is a sub-section until `</details>`; one that only says how to open the fold
    ("Click to expand", "Table of Contents") leaves its entries to the section it sits in. `</details>` right
    under an entry is not that entry's text: the new entry goes before it, inside the block."""
    plist = parse_list(DETAILS)
    assert [(s.path, s.kind, [e.title for e in s.entries]) for s in plist.sections] == [
        (("Surveys",), "heading", ["Beta", "Gamma"]),
        (("Methods",), "heading", ["Epsilon"]),
        (("Methods", "Instruction Tuning"), "summary", ["Delta"]),
        (("Methods", "Preference Data"), "summary", []),
    ]
    line = f"- {NEW_LINE}\n"
    for section, before in (("Surveys", "- [Gamma]"), ("Instruction Tuning", "- [Delta]")):
        after = plist.with_entry(NEW, plist.find_section(section))
        assert inserted_lines(plist.lines, after.lines) == [line]
        new = next(e for e in after.entries if e.arxiv_id == NEW.arxiv_id)
        assert after.lines[new.line - 1].startswith(before) and after.lines[new.line + 1] == "</details>\n"
    # an empty fold: below its summary after a blank line (GitHub shows a list glued to `<summary>` as raw text)
    assert added_line(DETAILS, "Preference Data") == ["\n", line]
    assert added_line(DETAILS, "Methods") == [line]  # after the fold, as the section's own last entry


# Two tables as written in real lists: a site's references page (one table per heading) and
# an LLM-for-optimisation list (plain title, venue with date, code and paper link columns).
TABLES = """# References

## Scheduling and serving

| Paper | Authors | Year | Cited in step |
|---|---|---|---|
| [Orca: A Distributed Serving System for Transformer-Based Generative Models](https://www.usenix.org/conference/osdi22/presentation/yu) (OSDI 2022) | Yu et al. | — | 9 |
| [Splitwise: Efficient generative LLM inference using phase splitting](https://arxiv.org/abs/2311.18677) | Pratyush Patel et al. | 2023 | 12 |
| [DistServe: Disaggregating Prefill and Decoding for Goodput-optimized Large Language Model Serving](https://arxiv.org/abs/2401.09670) | Yinmin Zhong et al. | 2024 | 1, 12 |

### Algorithm/Heuristic/Function Search

| Title | Publication with Date | Code | Paper |
| ----- | --------------------- | ---- | ----- |
| Algorithm Evolution using Large Language Model | Arxiv Nov 2023 | [code](https://github.com/FeiLiu36/eoh) | [paper](https://arxiv.org/abs/2311.15249) |
| Mathematical discoveries from program search with large language models | **Nature** | [code](https://github.com/google-deepmind/funsearch) | [paper](https://www.nature.com/articles/s41586-023-06924-6) |
| Evolution of Heuristics: Towards Efficient Automatic Algorithm Design Using Large Language Model | **ICML 2024 (Oral)** | [code](https://github.com/FeiLiu36/EoH) | [paper](https://arxiv.org/abs/2401.02051) |
| AutoSAT: Automatically Optimize SAT Solvers via Large Language Models | Arxiv Feb 2024 | [code]  | [paper](https://arxiv.org/abs/2402.10705) |

## Notes

### Empty
"""  # noqa: E501 (rows as the lists write them)


def test_table_rows_that_link_a_paper_are_entries() -> None:
    """A section made of a table held no entries: its papers were "not on the list" and proposed again."""
    plist = parse_list(TABLES)
    serving = plist.find_section("Scheduling and serving")
    assert [(e.title, e.arxiv_id, e.authors, e.venue) for e in serving.entries] == [
        ("Orca: A Distributed Serving System for Transformer-Based Generative Models", None, "Yu et al.", "—"),
        ("Splitwise: Efficient generative LLM inference using phase splitting", "2311.18677",
         "Pratyush Patel et al.", "2023"),
        ("DistServe: Disaggregating Prefill and Decoding for Goodput-optimized Large Language Model Serving",
         "2401.09670", "Yinmin Zhong et al.", "2024"),
    ]
    search = plist.find_section("Algorithm/Heuristic/Function Search")
    assert [(e.title, e.url, e.venue) for e in search.entries][1:3] == [
        ("Mathematical discoveries from program search with large language models",
         "https://www.nature.com/articles/s41586-023-06924-6", "Nature"),
        ("Evolution of Heuristics: Towards Efficient Automatic Algorithm Design Using Large Language Model",
         "https://arxiv.org/abs/2401.02051", "ICML 2024 (Oral)"),
    ]
    assert plist.contains(Paper("2401.09670", "DistServe")) and plist.contains(Paper("2402.10705", "AutoSAT"))
    with pytest.raises(PaperbotError, match="already on the list in Scheduling and serving"):
        plist.with_entry(Paper("2311.18677", "Splitwise"), plist.find_section("Empty"))


def test_a_new_paper_in_a_table_section_is_a_row_of_that_table() -> None:
    assert added_line(TABLES, "Scheduling and serving") == [
        "| [New Paper Title](https://arxiv.org/abs/2504.12913) | Ann Lee et al. | 2025 |  |\n"
    ]
    assert added_line(TABLES, "Algorithm/Heuristic/Function Search") == [
        "| New Paper Title | arXiv 2025 |   | [paper](https://arxiv.org/abs/2504.12913) |\n"
    ]
    # a section without entries is written as a bullet: a table row is no bullet's shape
    assert added_line(TABLES, "Empty") == [
        "- [New Paper Title](https://arxiv.org/abs/2504.12913) *Ann Lee, Bob Ray* arXiv 2025\n"
    ]


def test_an_arxiv_badge_beside_a_venue_link_gives_the_papers_arxiv_id() -> None:
    text = (
        "# L\n\n## Preference Data\n"
        "- [Self-Play Fine-Tuning Converts Weak Language Models to Strong Language Models]"
        "(https://openreview.net/forum?id=O4cHTxW9BS) "
        "[![arXiv](https://img.shields.io/badge/arXiv-2401.01335-b31b1b.svg)](https://arxiv.org/abs/2401.01335) "
        "ICML 2024\n"
        "- [![arXiv](https://img.shields.io/badge/arXiv-2404.14387-b31b1b.svg)](https://arxiv.org/abs/2404.14387) "
        "[A Survey on Self-Evolution of Large Language Models](https://aclanthology.org/2024.findings-acl.1/) "
        "ACL 2024\n"
    )
    plist = parse_list(text)
    assert [(e.title, e.key, e.venue) for e in plist.entries] == [
        ("Self-Play Fine-Tuning Converts Weak Language Models to Strong Language Models", "arxiv:2401.01335",
         "ICML 2024"),
        ("A Survey on Self-Evolution of Large Language Models", "arxiv:2404.14387", "ACL 2024"),
    ]
    assert plist.contains(Paper("2401.01335", "SPIN")) and plist.contains(Paper("2404.14387", "Self-Evolution"))


def test_links_in_double_brackets_keep_the_title_and_give_the_new_entry_their_shape() -> None:
    """`Title [[paper](url)] [[code](url)]`: the `[` opening the bracket was read as part of the title (and the
    venue), and a new entry came out as `Title[paper](url)] []`."""
    plain = parse_list(
        "## Agents\n"
        "- Alpha: A Title [[paper](https://arxiv.org/abs/2401.00001)] [[code](https://github.com/a/b)]\n"
        "- Beta Title [[paper](https://arxiv.org/abs/2401.00002)]\n"
    )
    assert [(e.title, e.url, e.venue) for e in plain.entries] == [
        ("Alpha: A Title", "https://arxiv.org/abs/2401.00001", ""),
        ("Beta Title", "https://arxiv.org/abs/2401.00002", ""),
    ]
    # numbered and loose, as in an LLM multi-agent paper list
    text = (
        "# Agents\n\n## Multi-Agent\n\n"
        "36. [2023/08] CGMI: Configurable General Multi-Agent Interaction Framework. (East China Normal University) "
        "[[paper](https://arxiv.org/abs/2308.12503)]\n\n"
        "37. [2023/08] ProAgent: Building Proactive Cooperative AI with Large Language Models. (The Chinese University "
        "of Hong Kong, Shenzhen) [[paper](https://arxiv.org/abs/2308.11339)] [[code](https://pku-proagent.github.io/)]\n"
    )
    assert [e.arxiv_id for e in parse_list(text).entries] == ["2308.12503", "2308.11339"]
    assert added_line(text, "Multi-Agent") == [
        "\n", "38. [2025/04] New Paper Title [[paper](https://arxiv.org/abs/2504.12913)]\n"]


def test_a_new_row_copies_no_text_of_its_neighbours_paper() -> None:
    """The row it copies may say more about its own paper in the title cell (`(OSDI 2022)`) or name it in a badge:
    the new row has neither, and its badge names the new paper."""
    text = (
        "## Serving\n| Paper | Authors | Year |\n|---|---|---|\n"
        "| [DistServe](https://arxiv.org/abs/2401.09670) | Yinmin Zhong et al. | 2024 |\n"
        "| **[Orca](https://arxiv.org/abs/2401.00001)** (OSDI 2022) | Yu et al. | 2022 |\n"
        "\n## Badged\n| Title | Link |\n|---|---|\n"
        "| Orca | [![arXiv](https://img.shields.io/badge/arXiv-2401.00001-b31b1b.svg)]"
        "(https://arxiv.org/abs/2401.00001) |\n"
    )
    assert added_line(text, "Serving") == [
        "| **[New Paper Title](https://arxiv.org/abs/2504.12913)** | Ann Lee et al. | 2025 |\n"
    ]
    assert added_line(text, "Badged") == [
        "| New Paper Title | [![arXiv](https://img.shields.io/badge/arXiv-2504.12913-b31b1b.svg)]"
        "(https://arxiv.org/abs/2504.12913) |\n"
    ]


# ---------------------------------------------------------------- snippets of real lists read and written since

GAME_AGENTS = (  # JayCheng113/awesome-gameagent-papers README.md
    "# Awesome Game Agent Papers\n\n## 2. Core Capabilities\n\n### 2.1 Perception & World Modeling\n\n"
    "- [2024/02] **Genie: Generative Interactive Environments** *ICML 2024* "
    "[[paper](https://arxiv.org/abs/2402.15391)] `#world-model` `#generation`\n"
    "- [2024/08] **Diffusion Models Are Real-Time Game Engines** *arXiv* [[paper](https://arxiv.org/abs/2408.14837)] "
    "`#world-model`\n"
    "- [2025/02] **World and Human Action Models towards gameplay ideation** *Nature* "
    "[[paper](https://www.nature.com/articles/s41586-025-08600-3)] `#world-model`\n"
)
RAG_REASONING = (  # DavidZWZ/Awesome-RAG-Reasoning README.md
    "# Awesome-RAG-Reasoning\n\n## Reasoning-Enhanced RAG\n### Retrieval Optimization\n"
    "- (AAAI 2025) **MaFeRw: Query Rewriting with Multi-Aspect Feedbacks for Retrieval-Augmented Large Language "
    "Models** [[Paper]](https://ojs.aaai.org/index.php/AAAI/article/view/34732) [[Code]](https://github.com/yjEugenia/"
    "MaFeRw) ![GitHub Repo stars](https://img.shields.io/github/stars/yjEugenia/MaFeRw?style=social)\n"
    "- (ArXiv 2025) **Credible plan-driven rag method for multi-hop question answering** "
    "[[Paper]](https://arxiv.org/abs/2504.16787)\n"
)


def test_a_date_or_venue_in_brackets_before_the_title_is_not_the_title() -> None:
    """`[2024/02] **Title**` and `(AAAI 2025) **Title**` were read as titles with the date or venue in them, so a
    paper listed without an arXiv link (Nature, AAAI) was not known by its title and could be proposed again; a new
    entry lost the list's shape. The date is the entry's mark, the venue its venue, and a new entry writes both."""
    game = parse_list(GAME_AGENTS)
    assert [(e.title, e.marks) for e in game.entries][2] == (
        "World and Human Action Models towards gameplay ideation", ("2025/02",))
    assert game.contains(Paper("2501.00001", "World and Human Action Models Towards Gameplay Ideation"))
    rag = parse_list(RAG_REASONING)
    assert [(e.title, e.venue) for e in rag.entries] == [
        ("MaFeRw: Query Rewriting with Multi-Aspect Feedbacks for Retrieval-Augmented Large Language Models",
         "AAAI 2025"),
        ("Credible plan-driven rag method for multi-hop question answering", "ArXiv 2025"),
    ]
    assert rag.contains(Paper("2408.00001", "MaFeRw: Query Rewriting with Multi-Aspect Feedbacks for "
                                            "Retrieval-Augmented Large Language Models"))
    _, lines = added(RAG_REASONING, "Retrieval Optimization")
    assert lines == ["- (ArXiv 2025) **ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent "
                     "Approach** [[Paper]](https://arxiv.org/abs/2503.17460)\n"]

VLA_COMPRESSION = (  # "Compression for Vision-Language-Action Models" README.md (search index file 58137660460)
    "# Compression for Vision-Language-Action Models\n\n## Surveys\n\n"
    "### Efficient / Resource-Constrained VLA Surveys\n\n"
    "- [2026] A survey of vision-language-action (VLA) models for resource-constrained embodied intelligence, Acta "
    "Automatica Sinica\n"
    "- [2025.10] Efficient vision-language-action models for embodied manipulation: A systematic survey, arXiv "
    "[[Paper](https://arxiv.org/abs/2510.17111)]\n"
    "- [2025.10] A survey on efficient vision-language-action models, arXiv [[Paper](https://arxiv.org/abs/2510.24795)]\n"
    "- [2025.08] CogVLA: Cognition-Aligned Vision-Language-Action Model via Instruction-Driven Routing & "
    "Sparsification, NeurIPS 2025 [[Paper](https://arxiv.org/abs/2508.21046)]\n"
)
REASONING_FOUNDATIONS = (  # bettyguo/awesome-llm-reasoning-foundations README.md
    "# Awesome LLM Reasoning Foundations\n\n## Chain-of-Thought: Theory & Error Bounds\n\n"
    "- **The pitfalls of next-token prediction** — Gregor Bachmann, Vaishnavh Nagarajan (2024, ICML 2024). "
    "[paper](https://arxiv.org/abs/2403.06963). _Why it matters:_ Identifies the 'Clever Hans cheat'.\n"
    "- **Measuring Faithfulness in Chain-of-Thought Reasoning** — Tamera Lanham et al. (2023). "
    "[paper](https://arxiv.org/abs/2307.13702). _Why it matters:_ Operationalizes \"faithfulness\" of CoT.\n"
)


def test_a_venue_is_not_read_as_authors_nor_as_part_of_the_title() -> None:
    """`**Title** *arXiv*` gave the authors "arXiv"; `Title, arXiv [[Paper](url)]` the title "Title, arXiv"; and
    `**Title** — Jane Doe (2024, ICML 2024). [paper](url). _Why it matters:_ ...` the authors "Why it matters:"
    and the note as the venue. A venue in italics right after the title, or after a plain title's last comma, is
    the venue; italics after other words are a note, the plain-text authors before them the authors."""
    assert [(e.authors, e.venue) for e in parse_list(GAME_AGENTS).entries] == [
        ("", "ICML 2024"), ("", "arXiv"), ("", "Nature")]
    vla = parse_list(VLA_COMPRESSION)
    assert [(e.title, e.venue) for e in vla.entries] == [
        ("Efficient vision-language-action models for embodied manipulation: A systematic survey", "arXiv"),
        ("A survey on efficient vision-language-action models", "arXiv"),
        ("CogVLA: Cognition-Aligned Vision-Language-Action Model via Instruction-Driven Routing & Sparsification",
         "NeurIPS 2025"),
    ]
    _, lines = added(VLA_COMPRESSION, "Efficient / Resource-Constrained VLA Surveys")
    assert lines == ["- [2025.03] ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach, "
                     "arXiv [[Paper](https://arxiv.org/abs/2503.17460)]\n"]
    assert [(e.authors, e.venue) for e in parse_list(REASONING_FOUNDATIONS).entries] == [
        ("Gregor Bachmann, Vaishnavh Nagarajan", "2024, ICML 2024"), ("Tamera Lanham et al.", "2023")]


def test_a_neighbours_tags_and_note_after_its_link_are_not_a_shape_to_refuse() -> None:
    """`` `#world-model` `` tags and a `_Why it matters:_ ...` note after the link are that paper's: the shape
    used to be refused for their words, and the new entry came out as a plain `[Title](url) *Authors*` line
    (or, borrowing a curator's `- ORCID: [0009-...](url)` line, as a broken one)."""
    _, lines = added(GAME_AGENTS, "2.1 Perception & World Modeling")
    assert lines == ["- [2025/03] **ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent "
                     "Approach** *arXiv 2025* [[paper](https://arxiv.org/abs/2503.17460)]\n"]
    _, lines = added(REASONING_FOUNDATIONS, "Chain-of-Thought: Theory & Error Bounds")
    assert lines == ["- **ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach** — Reem "
                     "Gody, Mahmoud Goudy, Ahmed Y. Tawfik (arXiv 2025). [paper](https://arxiv.org/abs/2503.17460).\n"]


VIDEO_EDITING = (  # wentianli/awesome-video-editing README.md, lines verbatim
    "# awesome-video-editing\n\n## Cutting and Sequencing Shots\n"
    "**To cut unedited videos into shots and/or to put them in an appropriate order.**\n"
    "- `[MM 2023]` A Reinforcement Learning-Based Automatic Video Editing "
    "[[paper]](https://arxiv.org/abs/2301.00135v2) 🎬\n"
    "- `[ICCV 2023 Workshop]` Representation Learning of Next Shot Selection for Vlog Editing "
    "[[paper]](https://cveu.github.io/2023/papers/31.pdf)\n"
    "- `[SAC 2022]` Automated Video Editing Based on Learned Styles Using LSTM-GAN "
    "[[paper]](https://dl.acm.org/doi/abs/10.1145/3477314.3507141) 💃\n"
    "\n## Music-Driven Editing\n"
    "- `[arxiv 2023]` AutoMatch: A Large-scale Audio Beat Matching Benchmark for Boosting Deep Learning Assistant "
    "Video Editing [[paper]](https://arxiv.org/abs/2303.01884)\n"
    "- `[SIBGRAPI 2021]` Musical Hyperlapse: A Multimodal Approach to Accelerate First-Person Videos "
    "[[paper]](https://www.computer.org/csdl/proceedings-article/sibgrapi/2021/235400a184/1zurthy1oJ2)\n"
    "- `[CVPR 2018 Workshop]` Visual Rhythm and Beat [[paper]](https://openaccess.thecvf.com/content_cvpr_2018_workshops/"
    "w49/html/Davis_Visual_Rhythm_and_CVPR_2018_paper.html)\n"
    "- `[TOG 2015]` audeosynth: Music-Driven Video Montage [[paper]](https://dl.acm.org/doi/abs/10.1145/2766966)\n"
    "\n## Datasets And More\n"
    "- `[IMXw]` Recognition of Camera Angle and Camera Level in Movies from Single Frames "
    "[[paper]](https://dl.acm.org/doi/fullHtml/10.1145/3604321.3604334) [[project page]](https://cinescale.github.io/"
    "camera_al/) 🎬🖼️\n"
)
IMAGE_QUALITY = (  # chaofengc/Awesome-Image-Quality-Assessment README.md, lines verbatim
    "# Awesome Image Quality Assessment (IQA)\n\n## Papers\n\n### Explainable IQA \n"
    "> Human readable IQA, mostly with large language models\n\n"
    "- `[Arxiv 2024]` [Towards Open-ended Visual Quality Comparison](https://arxiv.org/abs/2402.16641), Wu et al. "
    "[Github](https://github.com/Q-Future/Co-Instruct) | [Bibtex](./iqa_ref.bib#L906-L913)\n"
    "- `[CVPR 2024]` [Q-Instruct: Improving Low-level Visual Abilities for Multi-modality Foundation Models]"
    "(https://arxiv.org/abs/2311.06783), Wu et al. [Github](https://github.com/Q-Future/Q-Instruct) | "
    "[Bibtex](./iqa_ref.bib#L876-L883)\n"
)


def test_a_venue_in_brackets_in_code_before_the_title_is_the_venue() -> None:
    """wentianli/awesome-video-editing writes `` `[SAC 2022]` Title [[paper]](url) ``: the tag was read as part of the
    title ("[SAC 2022] Automated Video Editing ..."), so a paper it lists under another link was not known by its
    title and the pull request named the nearest entries with the tag; a new entry wrote no venue. The tag is the
    entry's venue, with or without a year (`[IMXw]`), also before a linked title (chaofengc/Awesome-Image-Quality-
    Assessment), and a new entry writes its own in the same code span."""
    video = parse_list(VIDEO_EDITING)
    assert [(e.title, e.venue) for e in video.entries] == [
        ("A Reinforcement Learning-Based Automatic Video Editing", "MM 2023"),
        ("Representation Learning of Next Shot Selection for Vlog Editing", "ICCV 2023 Workshop"),
        ("Automated Video Editing Based on Learned Styles Using LSTM-GAN", "SAC 2022"),
        ("AutoMatch: A Large-scale Audio Beat Matching Benchmark for Boosting Deep Learning Assistant Video Editing",
         "arxiv 2023"),
        ("Musical Hyperlapse: A Multimodal Approach to Accelerate First-Person Videos", "SIBGRAPI 2021"),
        ("Visual Rhythm and Beat", "CVPR 2018 Workshop"),
        ("audeosynth: Music-Driven Video Montage", "TOG 2015"),
        ("Recognition of Camera Angle and Camera Level in Movies from Single Frames", "IMXw"),
    ]
    assert video.contains(Paper("2309.00001", "Representation Learning of Next Shot Selection for Vlog Editing"))
    _, lines = added(VIDEO_EDITING, "Music-Driven Editing")
    assert lines == ["- `[arxiv 2025]` ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent "
                     "Approach [[paper]](https://arxiv.org/abs/2503.17460)\n"]
    quality = parse_list(IMAGE_QUALITY)
    assert [(e.title, e.authors, e.venue, e.marks) for e in quality.entries] == [
        ("Towards Open-ended Visual Quality Comparison", "Wu et al.", "Arxiv 2024", ()),
        ("Q-Instruct: Improving Low-level Visual Abilities for Multi-modality Foundation Models", "Wu et al.",
         "CVPR 2024", ()),
    ]
    _, lines = added(IMAGE_QUALITY, "Explainable IQA")
    assert lines == ["- `[Arxiv 2025]` [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent "
                     "Approach](https://arxiv.org/abs/2503.17460), Gody et al.\n"]
    # a link's name in code is no venue, and a code span without brackets stays a mark (`` `2024.05` ``)
    code = parse_list("## A\n- `[code]` [Alpha](https://arxiv.org/abs/2401.00001) *A. One.* Arxiv 2024.\n")
    assert [(e.title, e.venue, e.marks) for e in code.entries] == [("Alpha", "Arxiv 2024.", ("[code]",))]


LLM_STEERING = (  # ziansu/awesome-llm-steering README.md, lines verbatim
    "# Awesome LLM Steering\n\n## Papers\n\n"
    "- [arxiv, Anthropic] [Persona Vectors: Monitoring and Controlling Character Traits in Language Models]"
    "(https://arxiv.org/abs/2507.21509)\n\n"
    "- [arxiv] [KV Cache Steering for Inducing Reasoning in Small Language Models](https://arxiv.org/abs/2507.08799)\n\n"
    "- [EMNLP 2025] [AutoSteer: Automating Steering for Safe Multimodal Large Language Models]"
    "(https://arxiv.org/abs/2507.13255)\n\n"
    "- [ICML 2025] [AxBENCH: Steering LLMs? Even Simple Baselines Outperform Sparse Autoencoders]"
    "(https://arxiv.org/abs/2501.17148)\n\n"
    "- [ICLR 2025] [Improving Instruction-Following in Language Models through Activation Steering]"
    "(https://openreview.net/forum?id=wozhdnRCtw)\n\n\n"
    "- [NeurIPS 2024] [Stealth edits to large language models](https://proceedings.neurips.cc/paper_files/paper/2024/"
    "hash/5c8168a8eca2eb23f6b1f5019371043e-Abstract-Conference.html)\n\n"
    "- [CoRR 2023] [Representation Engineering: A Top-Down Approach to AI Transparency]"
    "(https://arxiv.org/abs/2310.01405)\n"
)
HET_SERVE = (  # Jason-cs18/HetServe-LLMs README.md, lines verbatim
    "# HetServe-LLMs\n\n## LLM Serving Survey\n"
    "- [arXiv 2023.02] [Full Stack Optimization of Transformer Inference: a Survey](https://arxiv.org/abs/2302.14017)"
    " | UC Berkeley\n"
    "\n### A Single Device\n"
    "- [ICML 2023] [FlexGen: high-throughput generative inference of large language models with a single GPU]"
    "(https://dl.acm.org/doi/10.5555/3618408.3619696) | Stanford Univeristy\n"
    "- [ASPLOS'24] [NeuPIMs: NPU-PIM Heterogeneous Acceleration for Batched LLM Inferencing]"
    "(https://dl.acm.org/doi/10.1145/3620666.3651380) | KAIST\n"
)


def test_a_venue_in_brackets_right_before_a_linked_title_is_the_venue() -> None:
    """ziansu/awesome-llm-steering writes `- [ICML 2025] [Title](url)`: the tag was read as the title ("[ICML 2025]"),
    so its papers linked elsewhere than arXiv were known by their venue, two of them one paper, and a new entry was
    written with a neighbour's venue for a title. The link's text is the title, the tag its venue (`[ASPLOS'24]` too,
    Jason-cs18/HetServe-LLMs, and in bold), a date, or else that paper's mark (`[arxiv, Anthropic]`); a new entry
    writes its own venue in the tag."""
    steering = parse_list(LLM_STEERING)
    assert [(e.title, e.venue, e.marks) for e in steering.entries] == [
        ("Persona Vectors: Monitoring and Controlling Character Traits in Language Models", "", ("arxiv, Anthropic",)),
        ("KV Cache Steering for Inducing Reasoning in Small Language Models", "arxiv", ()),
        ("AutoSteer: Automating Steering for Safe Multimodal Large Language Models", "EMNLP 2025", ()),
        ("AxBENCH: Steering LLMs? Even Simple Baselines Outperform Sparse Autoencoders", "ICML 2025", ()),
        ("Improving Instruction-Following in Language Models through Activation Steering", "ICLR 2025", ()),
        ("Stealth edits to large language models", "NeurIPS 2024", ()),
        ("Representation Engineering: A Top-Down Approach to AI Transparency", "CoRR 2023", ()),
    ]
    assert steering.entries[5].key == "title:stealth edits to large language models"
    assert steering.contains(Paper("2406.12670", "Stealth edits to large language models"))
    _, lines = added(LLM_STEERING, "Papers")
    assert lines == ["\n", "- [arXiv 2025] [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent "
                     "Approach](https://arxiv.org/abs/2503.17460)\n"]  # a blank line between entries, as theirs
    accepted = dataclasses.replace(PAPER, comment="Accepted to ICML 2025")
    assert [line for line in added_line(LLM_STEERING, "Papers", accepted) if line.strip()] == [
        "- [ICML 2025] [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
        "(https://arxiv.org/abs/2503.17460)\n"]
    het = parse_list(HET_SERVE)
    assert [(e.title[:24], e.venue) for e in het.entries] == [
        ("Full Stack Optimization ", "arXiv 2023.02"), ("FlexGen: high-throughput", "ICML 2023"),
        ("NeuPIMs: NPU-PIM Heterog", "ASPLOS'24")]
    # in bold, and before a code link; a date stays a date
    text = ("## A\n- **[ICML 2025]** [Alpha](https://arxiv.org/abs/2401.00001)\n"
            "- [CVPR 2024] [Beta](https://arxiv.org/abs/2401.00002) [Code](https://github.com/a/b)\n"
            "- [2024/11] [Gamma](https://arxiv.org/abs/2401.00003)\n")
    assert [(e.title, e.venue, e.marks) for e in parse_list(text).entries] == [
        ("Alpha", "ICML 2025", ()), ("Beta", "CVPR 2024", ()), ("Gamma", "", ("2024/11",))]
    bold = "## A\n- **[ICML 2024]** [Alpha](https://arxiv.org/abs/2401.00001)\n"
    assert added_line(bold, "A", accepted) == [
        "- **[ICML 2025]** [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
        "(https://arxiv.org/abs/2503.17460)\n"]


def test_a_new_preprint_is_tagged_as_the_list_tags_its_preprints_whatever_its_published_papers_do() -> None:
    """ziansu/awesome-llm-steering tags its preprints `[arxiv]`, never with a year, and its published papers
    `[ICML 2025]`: a new arXiv paper went in as `[arXiv 2025]`, after the venues with a year, and now as the list's
    preprints are, `[arxiv]`; one accepted at ICML still `[ICML 2025]`. One `[arxiv]` alone is not the list's way."""
    steering = LLM_STEERING + (  # the list's other preprint, verbatim
        "\n- [arxiv] [Steering language models with activation engineering](https://arxiv.org/abs/2308.10248)\n")
    assert [e.venue for e in parse_list(steering).entries].count("arxiv") == 2
    _, lines = added(steering, "Papers")
    assert [line for line in lines if line.strip()] == [
        "- [arxiv] [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
        "(https://arxiv.org/abs/2503.17460)\n"]
    accepted = dataclasses.replace(PAPER, comment="Accepted to ICML 2025")
    assert [line for line in added_line(steering, "Papers", accepted) if line.strip()] == [
        "- [ICML 2025] [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
        "(https://arxiv.org/abs/2503.17460)\n"]
    _, lines = added(LLM_STEERING, "Papers")  # its first `[arxiv]` alone
    assert lines[1].startswith("- [arXiv 2025] [ConvoGen: "), lines

def test_a_new_entry_writes_arxiv_with_the_month_in_digits_where_the_list_does() -> None:
    """Jason-cs18/HetServe-LLMs writes its preprints `[arXiv 2023.02]`, the year and month of their id: a new entry
    read `[arXiv 2025]` and now reads `[arXiv 2025.03]` (`[arXiv 2025-03]` where the list writes a dash)."""
    _, lines = added(HET_SERVE, "LLM Serving Survey")
    assert lines[0].startswith("- [arXiv 2025.03] [ConvoGen: Enhancing Conversational AI with Synthetic Data: A "
                               "Multi-Agent Approach](https://arxiv.org/abs/2503.17460)"), lines
    dashed = HET_SERVE.replace("[arXiv 2023.02]", "[arXiv 2023-02]")
    _, lines = added(dashed, "LLM Serving Survey")
    assert lines[0].startswith("- [arXiv 2025-03] [ConvoGen: "), lines


HET_SERVE_AFFILIATIONS = (  # Jason-cs18/HetServe-LLMs README.md, lines verbatim
    "## LLM Serving Survey\n"
    "- [arXiv 2023.02] [Full Stack Optimization of Transformer Inference: a Survey](https://arxiv.org/abs/2302.14017)"
    " | UC Berkeley\n"
    "- [arXiv 2023.12] [Towards Efficient Generative Large Language Model Serving: A Survey from Algorithms to Systems]"
    "(https://arxiv.org/pdf/2312.15234) | Carnegie Mellon University\n"
    "\n### Serving Metrics\n"
    "- [Tech Blog] [LLM Inference Performance Engineering: Best Practices](https://www.databricks.com/blog/llm-inference-"
    "performance-engineering-best-practices) | Mosaic AI Research\n"
    "- [arXiv 2024.04] [Andes: Defining and Enhancing Quality-of-Experience in LLM-Based Text Streaming Services]"
    "(https://arxiv.org/pdf/2404.16283) | University of Michigan\n"
)


def test_an_affiliation_after_a_bar_is_no_author_and_a_new_entry_leaves_it_out() -> None:
    """Jason-cs18/HetServe-LLMs writes each paper's institution after a bar (`| UC Berkeley`, `| Carnegie Mellon
    University`): a name-like one was read as the authors, so a new entry went in with `| Reem Gody, Mahmoud Goudy,
    Ahmed Y. Tawfik` where the list names an institution, and `| Mosaic AI Research` after a `[Tech Blog]` tag as
    the venue. Where most such tails name an institution, twice or more, none is an author or a venue, and a new
    entry leaves the slot out, as paperbot does not know the paper's affiliation; names after a bar stay authors."""
    het = parse_list(HET_SERVE_AFFILIATIONS)
    assert [(e.authors, e.venue) for e in het.entries] == [
        ("", "arXiv 2023.02"), ("", "arXiv 2023.12"), ("", ""), ("", "arXiv 2024.04")]
    for section in ("LLM Serving Survey", "Serving Metrics"):
        _, lines = added(HET_SERVE_AFFILIATIONS, section)
        assert lines == ["- [arXiv 2025.03] [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent "
                         "Approach](https://arxiv.org/pdf/2503.17460)\n"], lines
    # a list that writes people's names after the bar: its authors, and a new entry's
    names = ("## A\n- [ICML 2024] [Alpha](https://arxiv.org/abs/2401.00001) | Jane Doe, John Smith\n"
             "- [ICML 2023] [Beta](https://arxiv.org/abs/2301.00002) | Ann Lee, Bob Ray\n")
    assert [e.authors for e in parse_list(names).entries] == ["Jane Doe, John Smith", "Ann Lee, Bob Ray"]
    assert added(names, "A")[1][0].endswith(" | Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik\n")

FACE_RESTORATION = (  # sczhou/Awesome-Face-Restoration README.md, lines verbatim
    "## Papers\n\n### Face Image Restoration\n\n#### Diffusion Model\n\n"
    "- `[CVPR 2023]` DR2: Diffusion-based Robust Degradation Remover for Blind Face Restoration, Wang et al. "
    "[Paper](https://arxiv.org/abs/2303.06885) | [Bibtex](./facebib.bib#L114-L119) \n"
    "- `[Arxiv 2022]` DifFace: Blind Face Restoration with Diffused Error Contraction, Yue et al. "
    "[Paper](https://arxiv.org/abs/2212.06512) | [Github](https://github.com/zsyOAOA/DifFace) | "
    "[Demo](https://huggingface.co/spaces/OAOA/DifFace) | [Bibtex](./facebib.bib#L121-L127)\n"
    "\n#### Generative Prior - VQGAN\n"
    "- `[CVPR 2022]` RestoreFormer: High-Quality Blind Face Restoration from Undegraded Key-Value Pairs, Wang et al. "
    "[Paper](https://arxiv.org/abs/2201.06374) | [Github](https://github.com/wzhouxiff/RestoreFormer) | "
    "[Bibtex](./facebib.bib#L15-L20)\n\n"
    "- `[CVPR 2022]` Rethinking Deep Face Restoration. Zhao et al. [Paper](https://openaccess.thecvf.com/content/"
    "CVPR2022/papers/Zhao_Rethinking_Deep_Face_Restoration_CVPR_2022_paper.pdf) | [Bibtex](./facebib.bib#L85-L91)\n"
)


def test_a_first_author_cited_after_a_plain_title_is_the_authors() -> None:
    """sczhou/Awesome-Face-Restoration cites each paper's first author after its title (`Title, Wang et al.
    [Paper](url)`): ", Wang et al." was read as the title's last words, so a paper it lists under another link
    (`Rethinking Deep Face Restoration. Zhao et al.`) was not known by its title, and a new entry wrote no authors
    and a full stop after its title, as the titles seemed to end so. The citation is the entry's authors, and a new
    entry cites its own first author's surname the same way; a title's own words after a comma name no one."""
    face = parse_list(FACE_RESTORATION)
    assert [(e.title, e.authors, e.venue) for e in face.entries] == [
        ("DR2: Diffusion-based Robust Degradation Remover for Blind Face Restoration", "Wang et al.", "CVPR 2023"),
        ("DifFace: Blind Face Restoration with Diffused Error Contraction", "Yue et al.", "Arxiv 2022"),
        ("RestoreFormer: High-Quality Blind Face Restoration from Undegraded Key-Value Pairs", "Wang et al.",
         "CVPR 2022"),
        ("Rethinking Deep Face Restoration", "Zhao et al.", "CVPR 2022"),
    ]
    assert face.contains(Paper("2206.00001", "Rethinking Deep Face Restoration"))
    _, lines = added(FACE_RESTORATION, "Diffusion Model")
    assert lines == ["- `[Arxiv 2025]` ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent "
                     "Approach, Gody et al. [Paper](https://arxiv.org/abs/2503.17460)\n"]
    # the list's earlier README wrote the venue in plain brackets
    older = parse_list(  # sczhou/Awesome-Face-Restoration README.md at 0e612a3, a line verbatim
        "## Papers\n\n#### Generative Prior - VQGAN\n"
        "- [NeurIPS 2022] CodeFormer: Towards Robust Blind Face Restoration with Codebook Lookup Transformer, Zhou et "
        "al. [Paper](https://arxiv.org/abs/2206.11253) | [Project](https://shangchenzhou.com/projects/CodeFormer/) | "
        "[Github](https://github.com/sczhou/CodeFormer) | [Demo](https://huggingface.co/spaces/sczhou/CodeFormer) | "
        "[Bibtex](./facebib.bib#L1-L6)\n"
    )
    assert [(e.title, e.authors, e.venue) for e in older.entries] == [
        ("CodeFormer: Towards Robust Blind Face Restoration with Codebook Lookup Transformer", "Zhou et al.",
         "NeurIPS 2022"),
    ]
    consensus = parse_list(  # heidihoward/distributed-consensus-reading-list README.md, lines verbatim
        "### Papers on distributed consensus\n\n"
        "* Time, Clocks, and the Ordering of Events in a Distributed System "
        "[paper](https://lamport.azurewebsites.net/pubs/time-clocks.pdf)\n"
        "* Eventual Consistency Today: Limitations, Extensions, and Beyond [paper](https://queue.acm.org/detail.cfm?"
        "id=2462076)\n"
        "* Using Paxos to Build a Scalable, Consistent, and Highly Available Datastore "
        "[paper](https://dl.acm.org/citation.cfm?id=1938549)\n"
        "* Paxos Made Live - An Engineering Perspective [paper](https://www.cs.utexas.edu/users/lorenzo/corsi/cs380d/"
        "papers/paper2-1.pdf)\n"
    )
    assert [(e.title, e.authors) for e in consensus.entries] == [
        ("Time, Clocks, and the Ordering of Events in a Distributed System", ""),
        ("Eventual Consistency Today: Limitations, Extensions, and Beyond", ""),
        ("Using Paxos to Build a Scalable, Consistent, and Highly Available Datastore", ""),
        ("Paxos Made Live - An Engineering Perspective", ""),
    ]
    # an initial before the name is the name's, no sentence's end; a title's last words without et al. are the title's
    assert [(e.title, e.authors) for e in parse_list(
        "## A\n- Alpha: Beta Gamma, J. Wang et al. [Paper](https://arxiv.org/abs/2401.00001)\n"
        "- Segment Anything, Fast and Accurate [Paper](https://arxiv.org/abs/2401.00002)\n"
    ).entries] == [("Alpha: Beta Gamma", "J. Wang et al."), ("Segment Anything, Fast and Accurate", "")]


def test_a_bullet_glued_to_the_sections_description_stays_glued_when_a_paper_goes_first() -> None:
    """wentianli/awesome-video-editing writes each section's description in bold right over its first bullet; the
    newest paper, which goes first, was put there after a blank line the list never writes (`**To cut ...**`, an
    empty line, then the new entry over the old first one). A `-` bullet interrupts a paragraph, so it now goes
    where the old first entry was; a numbered entry after a paragraph still gets its blank line (`98.` would be
    read as the paragraph's text)."""
    after, lines = added(VIDEO_EDITING, "Cutting and Sequencing Shots")
    assert lines == ["- `[arxiv 2025]` ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent "
                     "Approach [[paper]](https://arxiv.org/abs/2503.17460)\n"]
    assert after.lines[3:5] == ["**To cut unedited videos into shots and/or to put them in an appropriate order.**\n",
                                lines[0]]


def test_a_venue_and_date_column_is_the_venue_and_a_new_row_writes_its_month_as_the_rows_do() -> None:
    """A `Venue/Date` column (`Arxiv 2024 (Dec)`) had no role, so a new row left it empty. The rows name their
    first author's surname (`Ling *et al.*`), so the new row does too."""
    text = (  # zhengxuJosh/Awesome-RAG-Vision README.md
        "# Awesome RAG in Computer Vision\n\n#### 1.4 Multi-modal\n\n"
        "| Title | Authors | Venue/Date | Paper Link |\n|---|---|---|---|\n"
        "| MMKB-RAG: A Multi-Modal Knowledge-Based Retrieval-Augmented Generation Framework | Ling *et al.* | "
        "Arxiv 2025 (Apr) | [paper](https://arxiv.org/pdf/2504.10074) | \n"
        "| AutoStyle-TTS: Retrieval-Augmented Generation based Automatic Style Matching Text-to-Speech Synthesis | "
        "Luo *et al.* | ICME 2025 | [paper](https://arxiv.org/pdf/2504.10309) |\n"
    )
    assert [e.venue for e in parse_list(text).entries] == ["Arxiv 2025 (Apr)", "ICME 2025"]
    _, lines = added(text, "1.4 Multi-modal")
    assert lines == ["| ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach | "
                     "Gody *et al.* | Arxiv 2025 (Mar) | [paper](https://arxiv.org/pdf/2503.17460) |\n"]


def test_a_new_row_writes_et_al_in_italics_where_the_rows_do() -> None:
    """`Ling *et al.*` in every row: the new row's authors were `Gody et al.`, the italics lost with the cells'
    markup; a cell in italics as a whole (`*Ling et al.*`) keeps its own."""
    rows = (  # zhengxuJosh/Awesome-RAG-Vision README.md
        "| Title | Authors | Venue/Date | Paper Link |\n|---|---|---|---|\n"
        "| MMKB-RAG: A Multi-Modal Knowledge-Based Retrieval-Augmented Generation Framework | Ling *et al.* | "
        "Arxiv 2025 (Apr) | [paper](https://arxiv.org/pdf/2504.10074) | \n"
        "| AutoStyle-TTS: Retrieval-Augmented Generation based Automatic Style Matching Text-to-Speech Synthesis | "
        "Luo *et al.* | ICME 2025 | [paper](https://arxiv.org/pdf/2504.10309) |\n"
    )
    text = "# Awesome RAG in Computer Vision\n\n#### 1.4 Multi-modal\n\n" + rows
    assert added(text, "1.4 Multi-modal")[1][0].split(" | ")[1] == "Gody *et al.*"
    plain = text.replace(" *et al.*", " et al.")
    assert added(plain, "1.4 Multi-modal")[1][0].split(" | ")[1] == "Gody et al."
    whole = text.replace("Ling *et al.*", "*Ling et al.*").replace("Luo *et al.*", "*Luo et al.*")
    assert added(whole, "1.4 Multi-modal")[1][0].split(" | ")[1] == "*Gody et al.*"


def test_a_paper_by_one_person_goes_by_the_surname_alone_where_the_list_writes_surname_et_al() -> None:
    """A list that names the first of many by the surname alone (`Ling *et al.*`, `(Wang et al., arXiv 2023)`) wrote
    a paper by one person by the full name (`Jane Q. Doe`), which reads as two people beside `Luo *et al.*`; now the
    surname alone (`Doe`), as x-zheng16/Awesome-Embodied-AI-Safety's `Tomashevskiy.` sits beside its `Fang et al.`,
    unless the list's own entries by one person write a full name. A team (`Kimi Team`, js-lee-AI) is no person."""
    alone = dataclasses.replace(PAPER, authors=("Jane Q. Doe",))
    table = (  # zhengxuJosh/Awesome-RAG-Vision README.md
        "# Awesome RAG in Computer Vision\n\n#### 1.4 Multi-modal\n\n"
        "| Title | Authors | Venue/Date | Paper Link |\n|---|---|---|---|\n"
        "| MMKB-RAG: A Multi-Modal Knowledge-Based Retrieval-Augmented Generation Framework | Ling *et al.* | "
        "Arxiv 2025 (Apr) | [paper](https://arxiv.org/pdf/2504.10074) | \n"
        "| AutoStyle-TTS: Retrieval-Augmented Generation based Automatic Style Matching Text-to-Speech Synthesis | "
        "Luo *et al.* | ICME 2025 | [paper](https://arxiv.org/pdf/2504.10309) |\n"
    )

    def authors_of(text: str, section: str, paper: Paper = alone) -> list[str]:
        plist = parse_list(text)
        after = plist.with_entry(paper, plist.find_section(section))
        return [e.authors for e in after.entries if e.arxiv_id == paper.arxiv_id]

    assert authors_of(table, "1.4 Multi-modal") == ["Doe"]
    assert authors_of(agent_papers(3), "📚 Surveys & Position Papers (3)") == ["Doe"]
    plist = read_list(AGENTS)  # its Surveys name `(Kimi Team, arXiv 2025)`
    assert "Kimi Team" in [e.authors for e in plist.entries]
    assert authors_of(plist.text, "📚 Surveys & Position Papers (39)") == ["Doe"]
    # many authors as before; a list that writes its one-person papers by a full name, or writes full names before
    # its et al., keeps the full name
    assert authors_of(table, "1.4 Multi-modal", PAPER) == ["Gody et al."]
    full = agent_papers(3).replace("(Sumers et al., TMLR", "(Theodore Sumers, TMLR")
    assert authors_of(full, "📚 Surveys & Position Papers (3)") == ["Jane Q. Doe"]
    full = table.replace("Ling *et al.*", "Xu Ling *et al.*").replace("Luo *et al.*", "Jian Luo *et al.*")
    assert authors_of(full, "1.4 Multi-modal") == ["Jane Q. Doe"]


def test_a_new_entry_goes_after_the_badge_line_under_the_last_entry_with_a_blank_line_before_it() -> None:
    """A `&nbsp;&nbsp; [![stars](...)](github...)` paragraph under an entry is that entry's code: the new entry was
    put between them (the badge then under the new paper), and glued to such a paragraph `98.` would be read as
    its text."""
    text = (  # Xnhyacinth/Awesome-LLM-Long-Context-Modeling README.md
        "# Large Language Model Based Long Context Modeling Papers and Blogs \n\n# 📢 News\n\n## Week Papers\n\n"
        "- **[2025.02.07]**\n"
        "    - Paper: [AttentionPredictor: Temporal Pattern Matters for Efficient LLM Inference]"
        "(https://arxiv.org/abs/2502.04077)\n\n"
        "# 📜 Papers\n\n## 2. Efficient Attention\n\n### 2.4 IO-Aware Attention\n\n"
        "96. [**CAKE: Cascading and Adaptive KV Cache Eviction with Layer Preferences.**]"
        "(https://openreview.net/forum?id=EQgEMAD4kv) *Ziran Qin, Yuchen Cao, Mingbao Lin, Wen Hu, Shixuan Fan, Ke "
        "Cheng, Weiyao Lin, Jianguo Li.* ICLR 2025.\n\n"
        "97. [**FastKV: KV Cache Compression for Fast Long-Context Processing with Token-Selective Propagation.**]"
        "(https://arxiv.org/abs/2502.01068) *Dongwon Jo, Jiwon Song, Yulhwa Kim, Jae-Joon Kim.* Arxiv 2025.\n\n"
        "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; [![GitHub Repo stars](https://img.shields.io/github/stars/"
        "dongwonjo/FastKV)](https://github.com/dongwonjo/FastKV)\n"
    )
    plist = parse_list(text)
    assert [e.arxiv_id for e in plist.entries] == [None, "2502.01068"]  # the news is no part of the list
    after, lines = added(text, "2.4 IO-Aware Attention")
    assert lines == ["\n", "98. [**ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent "
                     "Approach.**](https://arxiv.org/abs/2503.17460) *Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik.* "
                     "Arxiv 2025.\n"]
    assert after.lines[-3].startswith("&nbsp;") and after.lines[-4] == "\n"


def test_a_venue_written_in_bold_after_in_keeps_that_shape() -> None:
    """`**Title**. In **WWW 2024**, [[Paper](url)].`: the venue was "In WWW 2024,", and the shape refused for the
    word "In", so a new entry came out as `**Title**. arXiv 2025 [[Paper](url)]..`, in the shape of one odd line."""
    text = (  # cshhzhao/Awesome-Cross-Domain-Graph-Learning README.md
        "# Awesome-Cross-Domain-Graph-Learning\n\n## Structure-oriented\n\n### Structure Contrast\n"
        "1. **Graph few-shot learning via knowledge transfer**. In **AAAI 2020**, "
        "[[Paper](https://ojs.aaai.org/index.php/AAAI/article/view/6142/5998)].\n"
        "2. **Gcc: Graph contrastive coding for graph neural network pre-training**. In **KDD 2020**, "
        "[[Paper](https://dl.acm.org/doi/abs/10.1145/3394486.3403168)][[Code](https://github.com/THUDM/GCC)].\n"
        "3. **Pre-training Graph Neural Network for Cross Domain Recommendation**. In **CogMI 2021**, "
        "[[Paper](https://arxiv.org/abs/2405.13934)].\n"
        "8. **RiemannGFM: Learning a Graph Foundation Model from Riemannian Geometry**. In **WWW 2025**, , "
        "[[Paper](https://arxiv.org/abs/2502.03251)].[[Code](https://github.com/RiemannGraph/RiemannGFM)].\n"
    )
    assert [e.venue for e in parse_list(text).entries][:3] == ["AAAI 2020", "KDD 2020", "CogMI 2021"]
    _, lines = added(text, "Structure Contrast")
    assert lines == ["9. **ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach**. In "
                     "**arXiv 2025**, [[Paper](https://arxiv.org/abs/2503.17460)].\n"]


def test_a_title_in_quotes_after_a_short_name_is_the_title() -> None:
    """`- **Phi-2**: "Phi-2: The surprising power ..." [2023-12] [[blog](url)]`: the title was "Phi-2" and the date
    the venue, so the work was not known by its title; a new entry came out as `**Title**arXiv 2025 [[blog](url)]`,
    its arXiv link named "blog" after the neighbours' blog links."""
    text = (  # Awesome-Math-LLM README.md (search index file 1562171545)
        "# Awesome-Math-LLM \n\n### 2.3 Reasoning Models\n\n"
        "- **DeepSeek-R1**: \"DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning\" "
        "[2025-01] [[paper](https://arxiv.org/abs/2501.12948)] "
        "[[repo](https://github.com/deepseek-ai/DeepSeek-R1)] \n\n"
        "- **QaQ**: \"QwQ-32B: Embracing the Power of Reinforcement Learning\" [2025-03] "
        "[[blog](https://qwenlm.github.io/blog/qwq-32b/)] [[repo](https://github.com/QwenLM/QwQ)]\n\n"
        "- **Gemini 2.0 Flash Thinking**: \"Gemini 2.0 Flash Thinking\" [2025-03] "
        "[[blog](https://deepmind.google/technologies/gemini/flash-thinking/)]\n"
    )
    plist = parse_list(text)
    assert [(e.title, e.venue, e.marks) for e in plist.entries][1] == (
        "QwQ-32B: Embracing the Power of Reinforcement Learning", "", ())
    assert plist.contains(Paper("2503.99999", "QwQ-32B: Embracing the power of reinforcement learning"))
    _, lines = added(text, "2.3 Reasoning Models")
    assert lines == ["\n", "- \"ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach\" "
                     "[2025-03] [[paper](https://arxiv.org/abs/2503.17460)]\n"]


def test_an_arxiv_id_a_section_writes_outside_any_entry_is_on_the_list() -> None:
    """An HTML table (`<a href>`), a table cell holding a bare URL, a paper that is a heading: paperbot reads
    no entry there, yet the maintainers have those papers, so none is proposed or added again. Still not a
    paper the news announces, nor one the text before the first section names."""
    text = (
        "# Awesome Synthetic Data\n\nOur survey: https://arxiv.org/abs/2406.15126\n\n"
        "## News\n\n- [2025/01] We added [Magpie](https://arxiv.org/abs/2406.08464).\n\n"
        "## Surveys\n\n<table>\n<tr><td><a href=\"https://arxiv.org/abs/2404.07503\">Best Practices and Lessons "
        "Learned on Synthetic Data</a></td><td>COLM 2024</td></tr>\n</table>\n\n"
        "## Instruction Data\n\n"
        "- [Self-Instruct](https://arxiv.org/abs/2212.10560) *Yizhong Wang.* ACL 2023.\n\n"
        "| Title | Link |\n|---|---|\n| WizardLM | https://arxiv.org/abs/2304.12244v2 |\n\n"
        "### [Unnatural Instructions](https://arxiv.org/abs/2212.09689)\n\nTuning language models with no labour.\n"
    )
    plist = parse_list(text)
    assert plist.arxiv_ids() == {"2212.10560"}  # the one entry: the others are no shape a new entry copies
    assert plist.place_of(Paper(arxiv_id="2404.07503", title="Best Practices")) == ("Surveys",)
    assert plist.place_of(Paper(arxiv_id="2304.12244", title="WizardLM")) == ("Instruction Data",)
    assert plist.contains(Paper(arxiv_id="2212.09689", title="Unnatural Instructions: Tuning LMs"))
    assert not plist.contains(Paper(arxiv_id="2406.08464", title="Magpie: Alignment Data Synthesis"))
    assert not plist.contains(Paper(arxiv_id="2406.15126", title="On LLMs-Driven Synthetic Data Generation"))
    with pytest.raises(PaperbotError, match=r"2304\.12244 \(WizardLM\) is already on the list in Instruction Data"):
        plist.with_entry(Paper(arxiv_id="2304.12244", title="WizardLM"), plist.find_section("Instruction Data"))


def test_sections_about_the_list_hold_no_entries() -> None:
    """Contributors, related lists, acknowledgements, how to cite: their links are people, repositories and
    thanks. Read as entries they were "papers" the models learnt ("Jane Doe" in a Contributors section) and a
    place a proposal could go; sections named like them in a list of papers ("Related Papers") are not."""
    text = (
        "# Awesome Synthetic Data\n\n## Papers\n\n"
        "- [Self-Instruct](https://arxiv.org/abs/2212.10560) *Yizhong Wang.* ACL 2023.\n\n"
        "## Related Papers\n\n- [WizardLM](https://arxiv.org/abs/2304.12244) *Can Xu.* ICLR 2024.\n\n"
        "## 🌟 Related Awesome Lists\n\n- [Awesome-LLM](https://github.com/Hannibal046/Awesome-LLM)\n"
        "- [A survey list](https://arxiv.org/abs/2406.15126)\n\n"
        "## Contributors\n\n- [Jane Doe](https://github.com/janedoe)\n- [John Roe](https://janeroe.github.io)\n\n"
        "## 🙏 Acknowledgements\n\n- Thanks to [OpenAI](https://openai.com) for the credits.\n\n"
        "## How to Cite\n\n- [Our survey](https://arxiv.org/abs/2501.00001)\n\n"
        "## Curator\n\n- Jane Doe [0009-0000-2388-1072](https://orcid.org/0009-0000-2388-1072)\n"
    )
    plist = parse_list(text)
    assert [(e.title, plist.section_by_id(e.section_id).path) for e in plist.entries] == [
        ("Self-Instruct", ("Papers",)), ("WizardLM", ("Related Papers",))]
    for name, bullets in (("Related Awesome Lists", 2), ("Contributors", 2), ("Acknowledgements", 1),
                          ("How to Cite", 1), ("Curator", 1)):
        section = plist.find_section(name)
        assert plist.entries_of(section) == [] and plist.other_bullets(section) == bullets, name
    assert not plist.contains(Paper(arxiv_id="2406.15126", title="On LLMs-Driven Synthetic Data Generation"))


def test_a_new_row_keeps_a_plain_titles_link_whole_and_an_aligned_tables_columns() -> None:
    """`| Self-Instruct [paper](url) |`: the new title, a space, then the whole link. And a table padded so
    its bars line up in the README's text gets its new row padded the same (a cell longer than its column,
    here the venue, pushes the bars after it)."""
    plain = (
        "# Awesome\n\n## Surveys\n\n| Title | Venue |\n|---|---|\n"
        "| Self-Instruct [paper](https://arxiv.org/abs/2212.10560) | ACL 2023 |\n"
        "| WizardLM [paper](https://arxiv.org/abs/2304.12244) | ICLR 2024 |\n"
    )
    _, (line,) = added(plain, "Surveys")
    assert line == f"| {PAPER.title} [paper](https://arxiv.org/abs/2503.17460) | arXiv 2025 |\n"
    aligned = (
        "# Awesome\n\n## Surveys\n\n"
        "| Title                                                                        | Venue     | Year |\n"
        "| ---------------------------------------------------------------------------- | --------- | ---- |\n"
        "| [Best Practices on Synthetic Data](https://arxiv.org/abs/2404.07503)         | COLM 2024 | 2024 |\n"
        "| [On LLMs-Driven Synthetic Data Generation](https://arxiv.org/abs/2406.15126) | ACL 2024  | 2024 |\n"
    )
    short = Paper(arxiv_id="2503.17460", title="ConvoGen", authors=PAPER.authors)
    plist = parse_list(aligned)
    after = plist.with_entry(short, plist.find_section("Surveys"))
    (line,) = inserted_lines(plist.lines, after.lines)
    assert line.startswith("| [ConvoGen](https://arxiv.org/abs/2503.17460)   ")
    assert line.endswith(" | arXiv 2025 | 2025 |\n")
    assert line.index("|", 1) == aligned.splitlines()[-1].index("|", 1)  # its title column's bar, as the others


def test_a_paper_a_bullet_names_without_a_link_is_on_the_list_by_its_title() -> None:
    """`- [2026] A survey ..., Acta Automatica Sinica` names a paper with no link to read an identity from: its
    exact title still finds it, wherever the title ends (a comma, a bracket), so the bot never proposes it.
    Not a title merely inside the bullet's text, nor a news line's."""
    text = (
        "# VLA Compression\n\n## News\n\n- Our survey Efficient VLA Models for Robots is out.\n\n## Surveys\n\n"
        "- [2026] A survey of vision-language-action (VLA) models for resource-constrained embodied intelligence, "
        "Acta Automatica Sinica\n"
        "- [2025] Vision-language-action models for robotics: A review towards real-world applications, IEEE Access\n"
        "- [2025.10] A survey on efficient vision-language-action models, arXiv [[Paper](https://arxiv.org/abs/2510.24795)]\n"
    )
    plist = parse_list(text)
    assert len(plist.entries) == 1
    survey = Paper(arxiv_id="2601.00001", title="A Survey of Vision-Language-Action (VLA) Models for "
                   "Resource-Constrained Embodied Intelligence")
    review = Paper(arxiv_id="2502.00002", title="Vision-Language-Action Models for Robotics: A Review Towards "
                   "Real-World Applications")
    assert plist.place_of(survey) == ("Surveys",) and plist.place_of(review) == ("Surveys",)
    assert not plist.contains(Paper(arxiv_id="2601.00003", title="Vision-Language-Action Models for Robotics"))
    assert not plist.contains(Paper(arxiv_id="2601.00004", title="Efficient VLA Models for Robots"))


def test_a_bold_title_with_its_link_on_the_line_below_is_an_entry_not_a_group() -> None:
    """`1. **Title**` with `*Authors*[[paper]](url) 2021.9` on the next line (HillZhang1999/llm-hallucination-survey):
    the bold line is that entry's title, not a group label that leaves the section without entries."""
    text = (
        "# llm-hallucination-survey\n\n### Context-conflicting Hallucination\n"
        "This kind of hallucination means the generated content exhibits *self-contradiction*.\n\n"
        "1. **Knowledge Enhanced Fine-Tuning for Better Handling Unseen Entities in Dialogue Generation**\n"
        "*Leyang Cui, Yu Wu, Shujie Liu, Yue Zhang*[[paper]](https://arxiv.org/abs/2109.05487) 2021.9\n\n"
        "1. **Large Language Models Can Be Easily Distracted by Irrelevant Context**\n"
        "*Freda Shi, Xinyun Chen, Kanishka Misra, Nathan Scales, David Dohan, Ed H. Chi, Nathanael Schärli, Denny Zhou*"
        "[[paper]](https://arxiv.org/abs/2302.00093) 2023.2\n"
    )
    plist = parse_list(text)
    assert [s.path for s in plist.sections] == [("Context-conflicting Hallucination",)]
    first, second = plist.entries
    assert first.title == "Knowledge Enhanced Fine-Tuning for Better Handling Unseen Entities in Dialogue Generation"
    assert (first.arxiv_id, first.authors) == ("2109.05487", "Leyang Cui, Yu Wu, Shujie Liu, Yue Zhang")
    assert second.arxiv_id == "2302.00093"


def test_a_month_after_the_last_link_is_the_papers_date_and_a_new_entry_writes_its_own() -> None:
    """`*Authors*[[paper]](url) 2021.9` (HillZhang1999/llm-hallucination-survey): the month is that paper's; a new
    entry gets its own month, written as the neighbours write theirs (no zero before a one-digit month), and
    never a neighbour's; on two lines, as theirs are."""
    text = (
        "# llm-hallucination-survey\n\n### Input-conflicting Hallucination\n\n"
        "+ `Summarization`:\n"
        "  + **On Faithfulness and Factuality in Abstractive Summarization**\n"
        "  *Joshua Maynez, Shashi Narayan, Bernd Bohnet, Ryan McDonald*"
        "[[paper]](https://arxiv.org/abs/2005.00661) 2020.5\n"
        "  + **Hallucinated but Factual! Inspecting the Factuality of Hallucinations in Abstractive Summarization**\n"
        "  *Meng Cao, Yue Dong, Jackie Chi Kit Cheung*[[paper]](https://arxiv.org/abs/2109.09784) 2021.9\n"
        "  + **Summarization is (Almost) Dead**\n"
        "  *Xiao Pu, Mingqi Gao, Xiaojun Wan*[[paper]](https://arxiv.org/abs/2309.09558) 2023.9\n"
    )
    plist = parse_list(text)
    assert [it.parsed.date for it in plist._items] == ["2020.5", "2021.9", "2023.9"]
    _, lines = added(text, "Summarization")
    assert lines == [
        f"  + **{PAPER.title}**\n",
        "  *Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik*[[paper]](https://arxiv.org/abs/2503.17460) 2025.3\n",
    ]


def test_table_rows_that_leave_out_their_last_empty_cells_are_entries() -> None:
    """`| [**Title**](url) | arXiv | 2024-03 |` under a five-column header
    (Tebmer/Awesome-Knowledge-Distillation-of-LLMs) is a row with empty Code and Data cells, as GitHub shows it: an
    entry, as the rows that fill them are."""
    text = (
        "# Awesome Knowledge Distillation of LLM Papers\n\n#### Labeling\n"
        "|  Title  |   Venue  |   Date   | Code | Data|\n"
        "|:--------|:--------:|:--------:|:--------:|:--------:|\n"
        "| [**Evidence-Focused Fact Summarization for Knowledge-Augmented Zero-Shot Question Answering**]"
        "(https://arxiv.org/pdf/2403.02966.pdf) | arXiv | 2024-03 |\n"
        "| [**Aligning Large and Small Language Models via Chain-of-Thought Reasoning**]"
        "(https://aclanthology.org/2024.eacl-long.109.pdf) | EACL | 2024-03 | "
        "[Github](https://github.com/lranaldii/Aligning_LLMs) |\n"
        "| [**TinyLLM: Learning a Small Student from Multiple Large Language Models**]"
        "(https://arxiv.org/pdf/2402.04616.pdf) | arXiv | 2024-02 | \n"
        "| [**Tailoring Self-Rationalizers with Multi-Reward Distillation**](https://arxiv.org/pdf/2311.02805.pdf) "
        "| arXiv | 2023-11 | [Github](https://inklab.usc.edu/MaRio/)| [Data](https://inklab.usc.edu/MaRio/)|\n"
    )
    plist = parse_list(text)
    assert [e.arxiv_id for e in plist.entries] == ["2403.02966", None, "2402.04616", "2311.02805"]
    assert [e.venue for e in plist.entries] == ["arXiv", "EACL", "arXiv", "arXiv"]
    _, (line,) = added(text, "Labeling")
    assert line.startswith(f"| [**{PAPER.title}**](https://arxiv.org/pdf/2503.17460.pdf) | arXiv")


def test_a_table_sorted_newest_first_by_its_date_column_gets_a_new_row_in_date_order() -> None:
    """A Date column beside the Venue (Tebmer/Awesome-Knowledge-Distillation-of-LLMs, newest first): a paper of
    2025-03 goes between the rows of 2025 and 2024, where before it went under the oldest."""
    text = (
        "# Awesome Knowledge Distillation of LLM Papers\n\n#### Expansion\n"
        "|  Title  |   Venue  |   Date   | Code | Data|\n"
        "|:--------|:--------:|:--------:|:--------:|:--------:|\n"
        "| [**Instruction Fusion: Advancing Prompt Evolution through Hybridization**]"
        "(https://arxiv.org/pdf/2312.15692.pdf) | arXiv | 2025-12 | \n"
        "| [**An Empirical Study of Instruction-tuning Large Language Models in Chinese**]"
        "(https://arxiv.org/pdf/2310.07328.pdf) | EMNLP | 2025-10 | [Github](https://github.com/PhoebusSi/Alpaca-CoT)|\n"
        "| [**PromptMix: A Class Boundary Augmentation Method for Large Language Model Distillation**]"
        "(https://arxiv.org/pdf/2310.14192.pdf) | EMNLP | 2024-10 |\n"
        "| [**Wizardlm: Empowering large language models to follow complex instructions**]"
        "(https://arxiv.org/abs/2304.12244) | ICLR | 2023-04 | [Github](https://github.com/nlpxucan/WizardLM)|\n"
    )
    after, (line,) = added(text, "Expansion")
    assert line.startswith(f"| [**{PAPER.title}**](https://arxiv.org/pdf/2503.17460.pdf) | arXiv")
    assert " | 2025-03 |" in line
    titles = [e.title for e in after.entries]
    assert titles.index(PAPER.title) == 2


def test_a_section_whose_venues_name_no_year_gets_arxiv_without_one() -> None:
    """`| EMNLP | 2023-10 |`, `| arXiv | 2023-12 |` (Tebmer/Awesome-Knowledge-Distillation-of-LLMs): the Date column
    says when, so a new row's venue is the section's bare `arXiv`, not `arXiv 2025`, though most venues there are
    conferences."""
    text = (
        "# Awesome Knowledge Distillation of LLM Papers\n\n#### Expansion\n"
        "|  Title  |   Venue  |   Date   | Code | Data|\n"
        "|:--------|:--------:|:--------:|:--------:|:--------:|\n"
        "| [**Instruction Fusion: Advancing Prompt Evolution through Hybridization**]"
        "(https://arxiv.org/pdf/2312.15692.pdf) | arXiv | 2023-12 | \n"
        "| [**An Empirical Study of Instruction-tuning Large Language Models in Chinese**]"
        "(https://arxiv.org/pdf/2310.07328.pdf) | EMNLP | 2023-10 | [Github](https://github.com/PhoebusSi/Alpaca-CoT)|\n"
        "| [**Wizardlm: Empowering large language models to follow complex instructions**]"
        "(https://arxiv.org/abs/2304.12244) | ICLR | 2023-04 | [Github](https://github.com/nlpxucan/WizardLM)|\n"
    )
    _, (line,) = added(text, "Expansion")
    assert line.startswith(f"| [**{PAPER.title}**](https://arxiv.org/pdf/2503.17460.pdf) | arXiv | 2025-03 |")
    # accepted somewhere, by its arXiv comment: the venue's name, without a year as the section writes them
    plist = parse_list(text)
    accepted = dataclasses.replace(PAPER, comment="Accepted to ACL 2025 (Findings)")
    after = plist.with_entry(accepted, plist.find_section("Expansion"))
    (line,) = inserted_lines(plist.lines, after.lines)
    assert " | Findings of ACL | 2025-03 |" in line


def test_a_journal_is_written_as_the_list_writes_it() -> None:
    """A paper accepted at a journal gets the list's own name for it: `*ACM CSUR*` on JayCheng113's game-agent list
    (without a year, as that section writes its venues), `ACM Computing Surveys 2021` on daochenzha/data-centric-AI,
    `TMLR 2024.` on the seed list; a journal the list never names gets its usual short name."""
    survey = dataclasses.replace(PAPER, version=1, comment="38 pages. This paper has been accepted by ACM Computing "
                                 "Surveys")
    tmlr = dataclasses.replace(PAPER, comment="Published in Transactions on Machine Learning Research (06/2025)")
    games = (
        "# Awesome Game Agent Papers\n\n## 1. Surveys\n\n"
        "- [2024/03] **A Survey on Game Playing Agents and Large Models: Methods, Applications, and Challenges** "
        "*arXiv* [[paper](https://arxiv.org/abs/2403.10249)] `#survey`\n"
        "- [2024/04] **A Survey on Large Language Model-Based Game Agents** *ACM CSUR* "
        "[[paper](https://arxiv.org/abs/2404.02039)] `#survey`\n"
    )
    data = (
        "# Data-Centric AI\n\n### Data Labeling\n"
        "* Training language models to follow instructions with human feedback, NeurIPS 2022 "
        "[[Paper]](https://arxiv.org/abs/2203.02155)\n"
        "* A survey of deep active learning, ACM Computing Surveys 2021 [[Paper]](https://arxiv.org/abs/2009.00236)\n"
    )
    seed = SEED.read_text(encoding="utf-8")
    for text, section, paper, venue in ((games, "1. Surveys", survey, "** *ACM CSUR* [["),
                                        (data, "Data Labeling", survey, ", ACM Computing Surveys 2025 ["),
                                        (data, "Data Labeling", tmlr, ", TMLR 2025 ["),
                                        (seed, "6.7 Writing", tmlr, " TMLR 2025.")):
        line = _written_line(text, section, paper)
        assert venue in line, line


def _written_line(text: str, section: str, paper: Paper) -> str:
    """The one line `with_entry` adds for `paper` to `section` of the list `text`."""
    plist = parse_list(text)
    (line,) = inserted_lines(plist.lines, plist.with_entry(paper, plist.find_section(section)).lines)
    return line


def test_a_robotics_venue_is_written_as_the_list_writes_it() -> None:
    """"Accepted to RA-L" is `IEEE RA-L 2025` on a list that writes its RA-L papers so (the titles are
    tlhabich/sponge's list of its papers), `RA-L 2025` on one that never names it; "Accepted to RSS 2025" is RSS
    2025 where it was "Arxiv 2025"."""
    ral = dataclasses.replace(PAPER, arxiv_id="2506.00001", version=1, comment="Accepted to RA-L")
    rss = dataclasses.replace(PAPER, arxiv_id="2506.00001", version=1, comment="Accepted to RSS 2025")
    robots = (
        "# Robot Learning\n\n### Control\n"
        "* Learning-based Model Predictive Control using Recurrent Neural Networks, IEEE RA-L 2024 "
        "[[Paper]](https://arxiv.org/abs/2411.05616)\n"
        "* Intuitive Telemanipulation within Locomotion and Reorientation, IEEE ICRA 2023 "
        "[[Paper]](https://arxiv.org/abs/2303.00065)\n"
    )
    seed = SEED.read_text(encoding="utf-8")
    for text, section, paper, venue in ((robots, "Control", ral, ", IEEE RA-L 2025 ["),
                                        (seed, "6.7 Writing", ral, " RA-L 2025."),
                                        (seed, "6.7 Writing", rss, " RSS 2025.")):
        line = _written_line(text, section, paper)
        assert venue in line, line


def test_a_venue_whose_name_is_a_word_is_written_with_its_organiser() -> None:
    """"Published in Proc. IEEE CASE 2025" is `IEEE CASE 2025` on the seed list, where it was "Arxiv 2025", and
    "Accepted at the 41st ACM/SIGAPP Symposium On Applied Computing (SAC 2026)" `ACM SAC 2026`: a bare "CASE 2025"
    reads as a word."""
    seed = SEED.read_text(encoding="utf-8")
    case = dataclasses.replace(PAPER, arxiv_id="2601.01067", version=1,
                               comment="Published in Proc. IEEE CASE 2025. 7 pages, 11 figures")
    sac = dataclasses.replace(PAPER, arxiv_id="2511.20086", version=1, comment="Accepted at the 41st ACM/SIGAPP "
                              "Symposium On Applied Computing (SAC 2026), Main Conference")
    for paper, venue in ((case, " IEEE CASE 2025."), (sac, " ACM SAC 2026.")):
        line = _written_line(seed, "6.7 Writing", paper)
        assert venue in line, line


# majianz/dl4gps's README (lines verbatim): a venue whose name is also a word written alone after the title's comma,
# beside titles that say "A Case Study"
DL4GPS = (
    "### Other Architectures\n"
    "\n"
    "- **Geometry Problem Solving Based on Counter-factual Evolutionary Reasoning**, CASE 2023 [[paper](https://scholar"
    ".googleusercontent.com/scholar.bib?q=info:886PxuxR1JUJ:scholar.google.com/&output=citation&scisdr=ClEqZRNsEMPsmsftML"
    "Y:AFWwaeYAAAAAZ3_rKLazJo3qQt7lUpGqpZbgTnM&scisig=AFWwaeYAAAAAZ3_rKO4RO1QaJNkkTXC9mGtJJJQ&scisf=4&ct=citation&cd=-1&hl"
    "=zh-CN)]\n"
    "- **GeoDRL: A Self-Learning Framework for Geometry Problem Solving using Reinforcement Learning in Deductive "
    "Reasoning**, ACL 2023 [[paper](https://aclanthology.org/2023.findings-acl.850/)]\n"
    "\n"
    "### Knowledge-Augmented Inference\n"
    "- **Skills-in-Context: Unlocking Compositionality in Large Language Models**, Findings of EMNLP 2024 "
    "[[paper](https://aclanthology.org/2024.findings-emnlp.812/)] :large_blue_circle:\n"
    "- **Curriculum Demonstration Selection for In-Context Learning**, SAC 2025 "
    "[[paper](https://dl.acm.org/doi/abs/10.1145/3672608.3707810)] :large_blue_circle:\n"
    "\n"
    "### 2017\n"
    "\n"
    "3. **From Textbooks to Knowledge: A Case Study in Harvesting Axiomatic Knowledge from Textbooks to Solve Geometry "
    "Problems**, EMNLP 2017 [[paper](https://aclanthology.org/D17-1081/)] :x:\n"
)


GRAPH_RAG = (  # DEEP-PolyU/Awesome-GraphRAG's README, lines verbatim: venues in brackets before bold titles
    "#### Knowledge Graph Construction from Corpus\n"
    "- (BigData 2023) **AutoKG: Efficient automated knowledge graph generation for language models** "
    "[[Paper]](https://ieeexplore.ieee.org/abstract/document/10386454)\n"
    "- (ACL 2019) **Using Local Knowledge Graph Construction to Scale Seq2Seq Models to Multi-Document Inputs** "
    "[[Paper]](https://aclanthology.org/D19-1428.pdf)\n"
)


def test_a_venue_whose_name_is_a_word_is_written_as_the_list_writes_it_alone() -> None:
    """"Accepted to CASE 2025" is `CASE 2025` on majianz/dl4gps, which writes `CASE 2023`, and "Accepted at SAC 2026"
    `SAC 2026` beside its `SAC 2025`, where both were written with their organiser (`IEEE CASE 2025`), a spelling the
    list never uses; DEEP-PolyU/Awesome-GraphRAG's `(BigData 2023)` makes "Accepted by IEEE Big Data 2025"
    `(BigData 2025)`. The seed list, which writes none of them, still gets `IEEE CASE 2025`."""
    case = dataclasses.replace(PAPER, arxiv_id="2506.00001", version=1, comment="Accepted to CASE 2025")
    sac = dataclasses.replace(PAPER, arxiv_id="2511.00001", version=1, comment="Accepted at SAC 2026")
    big_data = dataclasses.replace(PAPER, arxiv_id="2511.21080", version=1, comment="Accepted by IEEE Big Data 2025")
    seed = SEED.read_text(encoding="utf-8")
    for text, section, paper, venue in ((DL4GPS, "Other Architectures", case, "**, CASE 2025 [[paper]("),
                                        (DL4GPS, "Knowledge-Augmented Inference", sac, "**, SAC 2026 [[paper]("),
                                        (GRAPH_RAG, "Knowledge Graph Construction from Corpus", big_data,
                                         "- (BigData 2025) **"),
                                        (seed, "6.7 Writing", case, " IEEE CASE 2025.")):
        line = _written_line(text, section, paper)
        assert venue in line, line


def test_a_paper_of_a_cup_held_at_a_conference_is_written_as_its_workshop() -> None:
    """A paper of the "IEEE BigData 2025 Cup" was written `(BigData 2025)` on DEEP-PolyU/Awesome-GraphRAG, as a paper of
    the conference itself; now `(BigData 2025 Workshop)`, as a challenge held at a conference is written."""
    cup = dataclasses.replace(PAPER, arxiv_id="2510.20085", version=1,
                              comment="IEEE BigData 2025 Cup: Detection of Suicide Risk on Social Media")
    line = _written_line(GRAPH_RAG, "Knowledge Graph Construction from Corpus", cup)
    assert line.startswith("- (BigData 2025 Workshop) **"), line


def test_acm_multimedia_is_written_as_a_list_that_writes_mm_alone_writes_it() -> None:
    """"Accepted by ACM MM 2025" was `ACM MM 2025` on majianz/dl4gps, which writes ACM Multimedia `MM 2023`, and
    `[ACM MM 2025]` on wentianli/awesome-video-editing's `[MM 2023]`: now `MM 2025` on both. The seed list, which
    writes no MM, still gets `ACM MM 2025`."""
    dl4gps = (  # majianz/dl4gps's README, lines verbatim
        "### Other Architectures\n\n"
        "- **A Symbolic Characters Aware Model for Solving Geometry Problems**, MM 2023 "
        "[[paper](https://dl.acm.org/doi/abs/10.1145/3581783.3612570/)]\n"
        "- **GeoDRL: A Self-Learning Framework for Geometry Problem Solving using Reinforcement Learning in Deductive "
        "Reasoning**, ACL 2023 [[paper](https://aclanthology.org/2023.findings-acl.850/)]\n"
    )
    mm = dataclasses.replace(PAPER, arxiv_id="2507.00001", version=1, comment="Accepted by ACM MM 2025")
    assert "**, MM 2025 [[paper](" in _written_line(dl4gps, "Other Architectures", mm)
    assert _written_line(VIDEO_EDITING, "Music-Driven Editing", mm).startswith("- `[MM 2025]` ConvoGen")
    assert " ACM MM 2025." in _written_line(SEED.read_text(encoding="utf-8"), "6.7 Writing", mm)


def test_a_list_that_writes_a_word_venue_with_its_organiser_keeps_that_spelling() -> None:
    """A list that writes `IEEE Big Data 2023` gets "Accepted by IEEE BigData 2025" as `IEEE Big Data 2025`, where
    the name's own spelling `IEEE BigData`, which the list never writes, was used; `IEEE CASE` beside a `Case study`
    venue slot stays `IEEE CASE`."""
    text = (
        "### Graphs\n"
        "- (IEEE Big Data 2023) **AutoKG: Efficient automated knowledge graph generation for language models** "
        "[[Paper]](https://ieeexplore.ieee.org/abstract/document/10386454)\n"
        "- (Case study 2024) **A Title** [[Paper]](https://arxiv.org/abs/2401.00001)\n"
    )
    big_data = dataclasses.replace(PAPER, arxiv_id="2605.15436", version=1,
                                   comment="8 pages, accepted at IEEE BigData 2025")
    case = dataclasses.replace(PAPER, arxiv_id="2601.01067", version=1,
                               comment="Published in Proc. IEEE CASE 2025. 7 pages, 11 figures")
    assert _written_line(text, "Graphs", big_data).startswith("- (IEEE Big Data 2025) **")
    assert _written_line(text, "Graphs", case).startswith("- (IEEE CASE 2025) **")


def test_a_workshop_joined_to_cvpr_or_iccv_is_written_as_the_lists_workshops() -> None:
    """"Accepted At CVPR-W 2026" (2604.21627, bench/venue_heldout4.jsonl) is `CVPR Workshop 2026.` on the seed list,
    which writes `ICML Workshop 2024.`, where it was `Arxiv 2026.`; "Accepted at ICCVW-CV4BIOM 2025" `ICCV Workshop
    2025.`"""
    seed = SEED.read_text(encoding="utf-8")
    cvpr = dataclasses.replace(PAPER, arxiv_id="2604.21627", version=1, comment="Accepted At CVPR-W 2026")
    iccv = dataclasses.replace(PAPER, arxiv_id="2508.15020", version=1, comment="Accepted at ICCVW-CV4BIOM 2025")
    for paper, venue in ((cvpr, " CVPR Workshop 2026.\n"), (iccv, " ICCV Workshop 2025.\n")):
        line = _written_line(seed, "6.7 Writing", paper)
        assert line.endswith(venue), line


def test_a_survey_row_named_by_its_authors_with_only_a_github_link_is_no_entry() -> None:
    """`| 2024 | Fan *et al.* | ... | [link](https://github.com/...) |` (zhengxuJosh/Awesome-RAG-Vision): the row
    names a survey by its first author and links its repository, so there is no title or id to know it by; an
    entry titled "Fan et al." would be a paper no feed ever announces. The list's own row (`**_Ours_**`) neither."""
    text = (
        "# Awesome-RAG-Vision\n\n## Papers\n\n### Survey and Benchmark\n\n"
        "| Year | Paper | Focused Areas    | Main Context                                      | GitHub    |\n"
        "|------|-------|------------------|---------------------------------------------------|-----------|\n"
        "| 2024 | Fan *et al.*           | LLMs / NLP       | RA-LLMs' architectures, training, and applications  | "
        "[link](https://advanced-recommender-systems.github.io/RAG-Meets-LLMs/) |\n"
        "| 2024 | Hu *et al.*            | LLMs / NLP       | RA-LMs' components, evaluation, and limitations     | "
        "[link](https://github.com/2471023025/RALM_Survey)                    |\n"
        "| 2025 | **_Ours_**             | **_Computer Vision_** | **_RAG for visual understanding and generation_** | "
        "[link](https://github.com/zhengxuJosh/Awesome-RAG-Vision)            |\n"
        "| 2024 | [Retrieval-Augmented Generation for AI-Generated Content: A Survey]"
        "(https://arxiv.org/abs/2402.19473) | AIGC | RAG foundations | - |\n"
    )
    plist = parse_list(text)
    assert [(e.title, e.arxiv_id) for e in plist.entries] == [
        ("Retrieval-Augmented Generation for AI-Generated Content: A Survey", "2402.19473")]


def test_a_journal_after_a_plain_titles_comma_is_the_venue_where_the_list_writes_it_again() -> None:
    """`Title, Acta Automatica Sinica [[Paper](url)]` (the VLA compression list of the first robustness round): no
    year, arXiv or acronym says it is a venue, but two bullets write it after their title's comma, as a title's own
    last words would not; a title whose comma is its own (`..., Benchmarks, and Data Engines`, `Reason, Plan, Act`
    once) keeps it."""
    text = (
        "# VLA Compression\n\n## General VLA Surveys and Evaluation Resources\n\n"
        "- [2026.04] Vision-Language-Action in Robotics: A Survey of Datasets, Benchmarks, and Data Engines, arXiv "
        "[[Paper](https://arxiv.org/abs/2604.23001)]\n"
        "- [2026] Survey of Vision-Language-Action Models for Embodied Manipulation, Acta Automatica Sinica "
        "[[Paper](https://doi.org/10.16383/j.aas.c250689)]\n"
        "- [2025] Vision-Language-Action Models: From the Early Foundations to the State-of-the-Art, Acta Automatica "
        "Sinica [[Paper](https://doi.org/10.16383/j.aas.c250417)]\n"
        "- [2025.01] Robots that Reason, Plan Ahead, Act Safely [[Paper](https://arxiv.org/abs/2501.00001)]\n"
    )
    plist = parse_list(text)
    assert [(e.title, e.authors, e.venue) for e in plist.entries] == [
        ("Vision-Language-Action in Robotics: A Survey of Datasets, Benchmarks, and Data Engines", "", "arXiv"),
        ("Survey of Vision-Language-Action Models for Embodied Manipulation", "", "Acta Automatica Sinica"),
        ("Vision-Language-Action Models: From the Early Foundations to the State-of-the-Art", "",
         "Acta Automatica Sinica"),
        ("Robots that Reason, Plan Ahead, Act Safely", "", ""),
    ]


def test_authors_and_venue_in_brackets_after_the_title_and_a_note_after_them() -> None:
    """`**[Title](url)** (Wang et al., arXiv 2023) - *The canonical ...* ⭐ [[code](url)]` (js-lee-AI/awesome-llm-agent-
    papers): the brackets hold the authors and the venue; the italics after them are a note on that paper, not its
    authors. A new entry is written in that shape, without the neighbour's note, where before it got a plain
    `[Title](url) *Authors.* arXiv 2025` line."""
    text = (
        "# Awesome LLM Agent Papers\n\n### Surveys & Position Papers (39)\n\n"
        "- **[A Survey on Large Language Model based Autonomous Agents](https://arxiv.org/abs/2308.11432)** "
        "(Wang et al., arXiv 2023) - *The canonical, most-cited general-purpose LLM-agent survey.* ⭐ "
        "[[code](https://github.com/Paitesanshi/LLM-Agent-Survey)]\n"
        "- **[Kimi K2: Open Agentic Intelligence](https://arxiv.org/abs/2507.20534)** (Kimi Team, arXiv 2025) - "
        "*Flagship open model built explicitly around agentic post-training at scale.* "
        "[[code](https://github.com/MoonshotAI/Kimi-K2)]\n"
        "- **[DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning]"
        "(https://arxiv.org/abs/2501.12948)** (Guo et al., Nature 2025) - *Landmark open reasoning-model release.*\n"
    )
    plist = parse_list(text)
    assert [(e.authors, e.venue) for e in plist.entries] == [
        ("Wang et al.", "arXiv 2023"), ("Kimi Team", "arXiv 2025"), ("Guo et al.", "Nature 2025")]
    _, (line,) = added(text, "Surveys & Position Papers (39)")
    assert line == f"- **[{PAPER.title}](https://arxiv.org/abs/2503.17460)** (Gody et al., arXiv 2025)\n"


def test_a_numbered_title_whose_link_is_in_the_paragraph_indented_under_it_is_an_entry() -> None:
    """`1. **Title** `ICLR23``, a blank line, then `    [2022.03][[Paper](url)] *Authors*` (huybery/Awesome-Code-LLM):
    the indented paragraph is the item's own, so the title, link and authors are one entry, where before the
    section held none. A paragraph under a bullet that has its link stays out of it."""
    text = (
        "# Awesome-Code-LLM\n\n### ▶️ Pre-Training\n\n"
        "1. **Evaluating Large Language Models Trained on Code** `Preprint`\n  \n"
        "    [2021.07][[Paper](https://arxiv.org/abs/2107.03374)] *Mark Chen, Jerry Tworek, Heewoo Jun, Qiming Yuan, "
        "Henrique Ponde de Oliveira Pinto. et al.*\n\n"
        "2. **CodeGen: An Open Large Language Model for Code with Multi-Turn Program Synthesis** `ICLR23`\n  \n"
        "    [2022.03][[Paper](https://arxiv.org/abs/2203.13474)] *Erik Nijkamp, Bo Pang, Hiroaki Hayashi, Lifu Tu, "
        "Huan Wang, Yingbo Zhou, Silvio Savarese, Caiming Xiong*\n\n"
        "### ▶️ Evaluation & Benchmark\n\n"
        "1. **Measuring Coding Challenge Competence With APPS** `NeurIPS21`\n\n    > Named APPS\n  \n"
        "    [2021.05][[Paper](https://arxiv.org/abs/2105.09938)][[Repo](https://github.com/hendrycks/apps)] "
        "*Dan Hendrycks, Steven Basart, Saurav Kadavath*\n\n"
        "- [Other](https://arxiv.org/abs/2101.00001)\n\n    [A paragraph](https://example.com/about-other)\n"
    )
    plist = parse_list(text)
    assert [(e.title, e.arxiv_id, e.line, e.end_line) for e in plist.entries] == [
        ("Evaluating Large Language Models Trained on Code", "2107.03374", 4, 7),
        ("CodeGen: An Open Large Language Model for Code with Multi-Turn Program Synthesis", "2203.13474", 8, 11),
        ("Measuring Coding Challenge Competence With APPS", "2105.09938", 14, 19),
        ("Other", "2101.00001", 20, 21),
    ]
    assert plist.entries[1].authors.startswith("Erik Nijkamp, Bo Pang")


def test_find_section_without_a_pictograph_before_the_name() -> None:
    """`### ▶️ Pre-Training` (huybery/Awesome-Code-LLM): `--section "Pre-Training"` finds it, as "News" finds
    "🔥 News"; the arrow is no emoji by the emoji ranges, but a symbol all the same."""
    text = (
        "# Awesome-Code-LLM\n\n## 📚 Paper\n\n### ▶️ Pre-Training\n\n"
        "1. **Textbooks Are All You Need** `Preprint`\n  \n"
        "    [2023.06][[Paper](https://arxiv.org/abs/2306.11644)] *Suriya Gunasekar, Yi Zhang, Jyoti Aneja*\n\n"
        "### ▶️ Evaluation & Benchmark\n\n"
        "1. **Program Synthesis with Large Language Models** `Preprint`\n  \n"
        "    [2021.08][[Paper](https://arxiv.org/abs/2108.07732)] *Jacob Austin, Augustus Odena, Maxwell Nye*\n"
    )
    plist = parse_list(text)
    assert plist.find_section("Pre-Training").path == ("📚 Paper", "▶️ Pre-Training")
    assert plist.find_section("Paper > Evaluation & Benchmark").path == ("📚 Paper", "▶️ Evaluation & Benchmark")


def test_a_new_entry_takes_the_layout_of_neighbours_whose_link_is_in_a_paragraph_under_the_title() -> None:
    """huybery/Awesome-Code-LLM: `N. **Title** `Venue``, a blank line, `    [YYYY.MM][[Paper](url)] *Authors*`. The
    code span is the venue (`Preprint`, the list's word for an arXiv paper), the bracket the date; a new entry is
    laid out on the same lines, with its own month, where before it got a borrowed one-line shape."""
    text = (
        "# Awesome-Code-LLM\n\n### ▶️ Prompting\n\n"
        "1. **CodeT: Code Generation with Generated Tests** `ICLR23`\n  \n"
        "    [2022.07][[Paper](https://arxiv.org/abs/2207.10397)] *Bei Chen, Fengji Zhang, Anh Nguyen, Daoguang Zan, "
        "Zeqi Lin, Jian-Guang Lou, Weizhu Chen*\n\n"
        "2. **Coder Reviewer Reranking for Code Generation** `ICML23`\n  \n"
        "    [2022.11][[Paper](https://arxiv.org/abs/2211.16490)] *Tianyi Zhang, Tao Yu, Tatsunori B Hashimoto, "
        "Mike Lewis, Wen-tau Yih, Daniel Fried, Sida I Wang*\n\n"
        "3. **Textbooks Are All You Need** `Preprint`\n  \n"
        "    [2023.06][[Paper](https://arxiv.org/abs/2306.11644)] *Suriya Gunasekar, Yi Zhang, Jyoti Aneja*\n"
    )
    plist = parse_list(text)
    assert [(e.venue, it.parsed.date) for e, it in zip(plist.entries, plist._items, strict=True)] == [
        ("ICLR23", "2022.07"), ("ICML23", "2022.11"), ("Preprint", "2023.06")]
    after = plist.with_entry(PAPER, plist.find_section("Prompting"))
    assert after.text.endswith(
        "    [2023.06][[Paper](https://arxiv.org/abs/2306.11644)] *Suriya Gunasekar, Yi Zhang, Jyoti Aneja*\n\n"
        f"4. **{PAPER.title}** `Preprint`\n  \n"
        "    [2025.03][[Paper](https://arxiv.org/abs/2503.17460)] *Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik*\n"
    )


def test_a_sub_bullet_of_many_names_that_ends_in_et_al_is_read_at_once() -> None:
    """An entry in opendilab/awesome-RLHF's shape whose names end in `et al.`: matching the sub-bullet as a list of
    names tried every way of splitting each name's letters between two parts of the name pattern before giving up
    at `et al.`, which took 75 s for these five names (2 s for four, hours for seven), so `paperbot sections` or a
    run on such a list seemed to hang; now well under a second, the names without `et al.` still its authors."""
    import time

    names = "Stephen Casper, Xander Davies, Claudia Shi, Thomas Krendl Gilbert, Jérémy Scheurer"
    text = ("## Papers\n\n### 2023\n- [Open Problems and Fundamental Limitations of Reinforcement Learning from Human "
            f"Feedback](https://arxiv.org/abs/2307.15217)\n  - {names}, et al.\n  - Keyword: RLHF, Survey\n")
    start = time.perf_counter()
    plist = parse_list(text)
    assert time.perf_counter() - start < 5
    assert [e.arxiv_id for e in plist.entries] == ["2307.15217"]
    assert parse_list(text.replace(", et al.", "")).entries[0].authors == names


def test_authors_in_the_first_sub_bullet_are_the_entrys_and_a_new_entry_writes_them_there() -> None:
    """opendilab/awesome-RLHF: `- [Title](url)` with `  - Author, Author` under it, then `  - Keyword: ...`. The
    names are that paper's authors, and a new entry gets its own names on a sub-bullet below, where before it was
    a bare link. A sub-bullet that is no list of names (`  - OpenAI`, `  - Keyword: ...`) names no authors."""
    text = (
        "# Awesome RLHF (RL with Human Feedback)\n\n## Papers\n\n### 2023\n"
        "- [Adversarial Preference Optimization](https://arxiv.org/abs/2311.08045)\n"
        "  - Pengyu Cheng, Yifan Yang, Jian Li, Yong Dai, Nan Du\n"
        "  - Keyword: RLHF, GAN, Adversarial Games\n"
        "  - Code: [Official](https://github.com/Linear95/APO)\n\n"
        "- [Let's Reinforce Step by Step](https://arxiv.org/abs/2311.05821)\n"
        "  - Sarah Pan, Vladislav Lialin, Sherin Muckatira, Anna Rumshisky\n"
        "  - Keyword: RLHF, reasoning\n\n"
        "- [GPT-4 Technical Report](https://cdn.openai.com/papers/gpt-4.pdf)\n"
        "  - OpenAI\n"
        "  - Keyword: A large-scale, multimodal model, Transformerbased model, Fine-tuned used RLHF\n"
    )
    plist = parse_list(text)
    assert [e.authors for e in plist.entries] == [
        "Pengyu Cheng, Yifan Yang, Jian Li, Yong Dai, Nan Du", "Sarah Pan, Vladislav Lialin, Sherin Muckatira, "
        "Anna Rumshisky", ""]
    after = plist.with_entry(PAPER, plist.find_section("2023"))
    assert after.text == text + (
        f"\n- [{PAPER.title}](https://arxiv.org/abs/2503.17460)\n  - Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik\n")
    nameless = Paper(arxiv_id="2503.17461", title="A Paper Without Names")
    assert plist.with_entry(nameless, plist.find_section("2023")).text == text + (
        "\n- [A Paper Without Names](https://arxiv.org/abs/2503.17461)\n")


def test_a_sub_bullet_of_names_ending_in_et_al_is_the_entrys_authors_and_a_new_entry_writes_its_own_so() -> None:
    """opendilab/awesome-RLHF's `### 2022` (these lines verbatim): most entries name three or more authors on a
    sub-bullet, then `, et al.`. Those names were read as no authors, so the section's way of writing them was
    learnt from the one full list of names (a new entry wrote all eleven of its names), and a section of such
    entries alone gave a new entry no names line at all. Now they are the entry's authors, and a new entry writes
    its first three names and `, et al.` on its own sub-bullet, as its neighbours do."""
    text = (
        "# Awesome RLHF (RL with Human Feedback)\n\n## Papers\n\n### 2022\n\n"
        "- [Scaling Laws for Reward Model Overoptimization](https://arxiv.org/abs/2210.10760)\n"
        "  - Leo Gao, John Schulman, Jacob Hilton\n"
        "  - Keyword: Gold reward model train proxy reward model, Dataset size, Policy parameter size, BoN, PPO\n"
        "- [Red Teaming Language Models to Reduce Harms: Methods, Scaling Behaviors, and Lessons Learned]"
        "(https://arxiv.org/abs/2209.07858)\n"
        "  - Deep Ganguli, Liane Lovitt, Jackson Kernion, et al.\n"
        "  - Keyword: Red team language model, Investigate scaling behaviors, Read teaming Dataset\n"
        "  - Code: [official](https://github.com/anthropics/hh-rlhf)\n"
        "- [Training a Helpful and Harmless Assistant with Reinforcement Learning from Human Feedback]"
        "(https://arxiv.org/abs/2204.05862)\n"
        "  - Yuntao Bai, Andy Jones, Kamal Ndousse, et al.\n"
        "  - Keyword: Harmless assistants, Online mode, Robustness of RLHF training, OOD detection.\n"
        "  - Code: [official](https://github.com/anthropics/hh-rlhf)\n"
        "- [Training language models to follow instructions with human feedback](https://arxiv.org/abs/2203.02155)"
        " (InstructGPT)\n"
        "  - Long Ouyang, Jeff Wu, Xu Jiang, et al.\n"
        "  - Keyword: Large Language Model, Align Language Model with Human Intent\n"
        "- [Constitutional AI: Harmlessness from AI Feedback](https://arxiv.org/pdf/2212.08073.pdf)\n"
        "  - Yuntao Bai, Saurav Kadavath, Sandipan Kundu, Amanda Askell, Jackson Kernion, et al.\n"
        "  - Keyword: RL from AI feedback(RLAIF), Training a harmless AI assistant through selfimprovement, "
        "Chain-of-thought style, Control AI behavior more precisely\n"
    )
    plist = parse_list(text)
    assert [e.authors for e in plist.entries] == [
        "Leo Gao, John Schulman, Jacob Hilton", "Deep Ganguli, Liane Lovitt, Jackson Kernion, et al.",
        "Yuntao Bai, Andy Jones, Kamal Ndousse, et al.", "Long Ouyang, Jeff Wu, Xu Jiang, et al.",
        "Yuntao Bai, Saurav Kadavath, Sandipan Kundu, Amanda Askell, Jackson Kernion, et al."]
    gophercite = Paper(
        arxiv_id="2203.11147", title="Teaching language models to support answers with verified quotes",
        authors=("Jacob Menick", "Maja Trebacz", "Vladimir Mikulik", "John Aslanides", "Francis Song",
                 "Martin Chadwick", "Mia Glaese", "Susannah Young", "Lucy Campbell-Gillingham", "Geoffrey Irving",
                 "Nat McAleese"))
    written = ("- [Teaching language models to support answers with verified quotes]"
               "(https://arxiv.org/abs/2203.11147)\n  - Jacob Menick, Maja Trebacz, Vladimir Mikulik, et al.\n")
    assert plist.with_entry(gophercite, plist.find_section("2022")).text == text + written
    # the section without its one full list of names: still the names line, where before it wrote none
    alone = text.replace(text[text.index("- [Scaling"): text.index("- [Red")], "")
    plist = parse_list(alone)
    assert plist.with_entry(gophercite, plist.find_section("2022")).text == alone + written
    # a sub-bullet that says something else after its names is still no list of names
    note = text.replace("Jeff Wu, Xu Jiang, et al.", "Jeff Wu, Xu Jiang, et al. (OpenAI)")
    assert parse_list(note).entries[3].authors == ""


def test_names_with_letters_of_central_european_languages_are_names() -> None:
    """opendilab/awesome-RLHF writes `Maja Trębacz` and `Kamilė Lukošiūtė` (these lines verbatim): a name's letters
    were those of Western European languages only, so ę, ė, š and ū made those sub-bullets no list of names, the
    entries had no authors, and the section's et al. habit (6 of its 8 entries) looked like a minority's."""
    text = (
        "# Awesome RLHF (RL with Human Feedback)\n\n## Papers\n\n### 2022\n\n"
        "- [Improving alignment of dialogue agents via targeted human judgements](https://arxiv.org/abs/2209.14375)"
        " (Sparrow)\n"
        "  - Amelia Glaese, Nat McAleese, Maja Trębacz, et al.\n"
        "- [Discovering Language Model Behaviors with Model-Written Evaluations](https://arxiv.org/abs/2212.09251)\n"
        "  - Ethan Perez, Sam Ringer, Kamilė Lukošiūtė, Karina Nguyen, Edwin Chen, et al.\n"
        "  - Code: [official](https://github.com/anthropics/evals)\n"
    )
    assert [e.authors for e in parse_list(text).entries] == [
        "Amelia Glaese, Nat McAleese, Maja Trębacz, et al.",
        "Ethan Perez, Sam Ringer, Kamilė Lukošiūtė, Karina Nguyen, Edwin Chen, et al."]
    # after a title as plain text too (a name word is one pattern for every way a list writes names)
    plain = "## Papers\n\n- [Sparrow](https://arxiv.org/abs/2209.14375) - Maja Trębacz, Nat McAleese (2022)\n"
    assert parse_list(plain).entries[0].authors == "Maja Trębacz, Nat McAleese"


def test_a_name_with_a_comma_for_its_space_among_names_is_still_a_line_of_names() -> None:
    """opendilab/awesome-RLHF writes `Kianté,Brantley` (Kianté Brantley) in NLPO's names under `### 2022` and again
    under `## Codebases` (these lines verbatim): a name of one word is none, so the whole sub-bullet was no list of
    names and the entry had no authors. A comma typed for a name's space, after a name written properly, is read
    now; two words joined so on their own, or a line that is no list of names around them, are still not names."""
    text = (
        "# Awesome RLHF (RL with Human Feedback)\n\n## Papers\n\n### 2022\n\n"
        "- [Is Reinforcement Learning (Not) for Natural Language Processing?: Benchmarks, Baselines, and Building "
        "Blocks for Natural Language Policy Optimization](https://arxiv.org/abs/2210.01241) (NLPO)\n"
        "  - Rajkumar Ramamurthy, Prithviraj Ammanabrolu, Kianté,Brantley, Jack Hessel, Rafet Sifa, Christian "
        "Bauckhage, Hannaneh Hajishirzi, Yejin Choi\n"
        "  - Keyword: Optimizing language generators with RL, Benchmark,  Performant RL algorithm\n"
        "  - Code: [official](https://github.com/allenai/RL4LMs)\n"
        "- [Scaling Laws for Reward Model Overoptimization](https://arxiv.org/abs/2210.10760)\n"
        "  - Leo Gao, John Schulman, Jacob Hilton\n"
        "  - Keyword: Gold reward model train proxy reward model, Dataset size, Policy parameter size, BoN, PPO\n"
    )
    assert [e.authors for e in parse_list(text).entries] == [
        "Rajkumar Ramamurthy, Prithviraj Ammanabrolu, Kianté,Brantley, Jack Hessel, Rafet Sifa, Christian Bauckhage, "
        "Hannaneh Hajishirzi, Yejin Choi",
        "Leo Gao, John Schulman, Jacob Hilton"]
    # `Yan Zheng,Yujing Hu` (AlignDiff's names, `### 2024`) were two names read as such before, and still are
    aligndiff = text.replace("Kianté,Brantley", "Yan Zheng,Yujing Hu")
    assert "Yan Zheng,Yujing Hu" in parse_list(aligndiff).entries[0].authors
    for line in ("Kianté,Brantley", "Benchmark,Dataset", "Code,Data, Jack Hessel", "Jack Hessel, Code,data",
                 "Jack Hessel, RL,PPO,DPO", "Jack Hessel, Kianté, Brantley"):
        other = text.replace(text[text.index("  - Rajkumar"): text.index("  - Keyword: Optimizing")], f"  - {line}\n")
        assert parse_list(other).entries[0].authors == "", line


# opendilab/awesome-RLVR README.md: its `### 2025` (trimmed to three entries) and `### 2024 & Earlier` (its first
# three entries), verbatim lines
RLVR = (
    "## Papers\n\n### 2025\n\n<details open>\n  <summary>Click to expand / collapse</summary>\n\n"
    "- [Brain Bandit: A Biologically Grounded Neural Network for Efficient Control of Exploration]"
    "(https://openreview.net/forum?id=RWJX5F5I9g)  \n"
    "  - Chen Jiang, Jiahui An, Yating Liu, Ni Ji  \n"
    "  - Key: explore-exploit, stochastic Hopfield net, Thompson sampling, brain-inspired RL  \n"
    "  - ExpEnv: MAB tasks, MDP tasks  \n\n"
    "- [UI-R1: Enhancing Efficient Action Prediction of GUI Agents by Reinforcement Learning]"
    "(https://arxiv.org/pdf/2503.21620)  \n"
    "  - Zhengxi Lu, Yuxiang Chai, Yaxuan Guo, Xi Yin, Liang Liu, Hao Wang, Han Xiao, Shuai Ren, Guanjing Xiong, "
    "Hongsheng Li  \n"
    "  - Key: rule-based rewards, GRPO, multimodal LLM, GUI grounding & action, data-efficient RFT "
    "(136 samples)  \n"
    "  - ExpEnv: ScreenSpot, ScreenSpot-Pro, AndroidControl  \n\n"
    "- [GUI-R1: A Generalist R1-Style Vision-Language Action Model for GUI Agents]"
    "(https://arxiv.org/pdf/2504.10458)  \n"
    "  - Run Luo, Lu Wang, Wanwei He, Xiaobo Xia  \n"
    "  - Key: unified action space, GRPO, high-level GUI tasks, cross-platform (Win/Linux/Mac/Android/Web), "
    "data-efficient RFT (3 K samples)  \n"
    "  - ExpEnv: ScreenSpot, ScreenSpot-Pro, GUI-Act-Web, OmniAct-Web, OmniAct-Desktop, AndroidControl-Low/High, "
    "GUI-Odyssey\n\n"
    " </details>\n\n"
    "### 2024 & Earlier\n\n<details open>\n  <summary>Click to expand / collapse</summary>\n\n"
    "- [Direct Preference Optimization: Your Language Model is Secretly a Reward Model]"
    "(https://arxiv.org/pdf/2305.18290) (ICLR 2024)  \n"
    "  - Rafael Raffel *et al.*  \n"
    "  - Key: preference optimisation without RL, DPO objective  \n"
    "  - ExpEnv: summarisation, dialogue alignment \n"
    "  \n"
    "- [Math-Shepherd: Verify and Reinforce LLMs Step-by-Step without Human Annotations]"
    "(https://arxiv.org/abs/2312.08935) (NeurIPS 2023)  \n"
    "  - Peking University, DeepSeek-AI  \n"
    "  - Key: step-checker, verifier RL, zero human labels  \n"
    "  - ExpEnv: GSM8K-Step, MATH-Step  \n\n"
    "- [Let’s Verify Step by Step](https://arxiv.org/pdf/2305.20050) (ICML 2023)  \n"
    "  - OpenAI  \n"
    "  - Key: verifier prompts, iterative self-improvement  \n"
    "  - ExpEnv: GSM8K, ProofWriter  \n\n"
    "</details>\n"
)
# The paper both RLVR tests add: seven authors, an arXiv preprint of 2024.
SELF_REWARDING = Paper(
    arxiv_id="2401.10020", title="Self-Rewarding Language Models",
    authors=("Weizhe Yuan", "Richard Yuanzhe Pang", "Kyunghyun Cho", "Xian Li", "Sainbayar Sukhbaatar", "Jing Xu",
             "Jason Weston"))


def test_a_section_naming_no_one_writes_a_new_entrys_authors_on_a_sub_bullet_as_the_list_does() -> None:
    """opendilab/awesome-RLVR (`RLVR`, the names of its DPO cut): the papers of `### 2024 & Earlier` give affiliations
    (`OpenAI`, `Peking University, DeepSeek-AI`), which name no one, so a new entry there takes the list's way of
    writing authors; that way was looked for on the title's line only, and the list writes names on a sub-bullet
    (`  - Run Luo, Lu Wang, Wanwei He, Xiaobo Xia`), so the entry was written with no names at all. Now it writes
    them on its own sub-bullet, as `### 2025` does, under a line written as its own section writes its papers' lines:
    the venue after the link (`(ICLR 2024)`), which the line of `### 2025`, whose papers name no venue, had left out;
    both lines end as the list's do, in two spaces (a line break the bot dropped). The venue is bracketed as the
    section's are, `(arXiv 2024)`, `(ACL 2024)`, though no entry of this excerpt writes an arXiv venue to copy the
    brackets from."""
    text = RLVR.replace("  - Rafael Raffel *et al.*  \n", "")  # its one line of names: the next test
    plist = parse_list(text)
    assert [bool(e.authors) for e in plist.entries] == [True, True, True, False, False, False]
    paper = SELF_REWARDING
    written = plist.with_entry(paper, plist.find_section("2024 & Earlier")).text
    assert written == text.replace("\n</details>\n", (
        "\n- [Self-Rewarding Language Models](https://arxiv.org/pdf/2401.10020) (arXiv 2024)  \n"
        "  - Weizhe Yuan, Richard Yuanzhe Pang, Kyunghyun Cho, Xian Li, Sainbayar Sukhbaatar, Jing Xu, Jason Weston  \n"
        "\n</details>\n"))
    # accepted somewhere: that venue in the same slot
    accepted = dataclasses.replace(paper, arxiv_id="2401.10021", version=1, comment="Accepted to ACL 2024")
    written = plist.with_entry(accepted, plist.find_section("2024 & Earlier")).text
    assert "(https://arxiv.org/pdf/2401.10021) (ACL 2024)  \n  - Weizhe Yuan, " in written
    # a section whose papers do name their authors on a sub-bullet writes its own line, no venue
    written = plist.with_entry(paper, plist.find_section("2025")).text
    assert "\n- [Self-Rewarding Language Models](https://arxiv.org/pdf/2401.10020)  \n  - Weizhe Yuan, " in written
    assert "GUI-Odyssey\n\n- [Self-Rewarding Language Models](https://arxiv.org/pdf/2401.10020)  \n" in written
    assert "Jing Xu, Jason Weston  \n\n </details>\n\n### 2024 & Earlier" in written
    # no names known: no line of names, and no line break left at the entry's end
    nameless = dataclasses.replace(paper, authors=())
    written = plist.with_entry(nameless, plist.find_section("2024 & Earlier")).text
    assert "\n- [Self-Rewarding Language Models](https://arxiv.org/pdf/2401.10020) (arXiv 2024)\n\n</details>" \
        in written


def test_names_whose_et_al_is_in_italics_are_an_entrys_authors_and_a_new_entry_writes_its_own_so() -> None:
    """opendilab/awesome-RLVR writes its et al. in italics on the sub-bullet of names (`  - Rafael Raffel *et al.*`,
    `  - Daya Guo, Dejian Yang, Haowei Zhang *et al.* (DeepSeek-AI)`, its affiliation after it): read as no names,
    so `paperbot sections --json` gave those entries no authors and a paper added to `### 2024 & Earlier`, whose one
    entry naming people is DPO's, got all its names as another section writes them; now they are the entries'
    authors and the new entry writes its first author's name and the list's italic et al., as DPO's line does."""
    plist = parse_list(RLVR)
    assert [e.authors for e in plist.entries][3:] == ["Rafael Raffel et al.", "", ""]
    paper = SELF_REWARDING
    written = plist.with_entry(paper, plist.find_section("2024 & Earlier")).text
    assert written == RLVR.replace("\n</details>\n", (
        "\n- [Self-Rewarding Language Models](https://arxiv.org/pdf/2401.10020) (arXiv 2024)  \n"
        "  - Weizhe Yuan *et al.*  \n"
        "\n</details>\n"))
    # its `### 2025` (these three entries verbatim): an affiliation after the et al. is none of the names
    text = (
        "### 2025\n\n"
        "- [DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning]"
        "(https://arxiv.org/pdf/2501.12948)  \n"
        "  - Daya Guo, Dejian Yang, Haowei Zhang *et al.* (DeepSeek-AI)  \n"
        "  - Key: GRPO, pure-RL reasoning, distillation to 1.5 B–70 B, open checkpoints  \n"
        "  - ExpEnv: AIME-2024, MATH-500, Codeforces, LiveCodeBench, GPQA-Diamond, SWE-Bench  \n\n"
        "- [(REINFORCE++) A Simple and Efficient Approach for Aligning Large Language Models]"
        "(https://arxiv.org/pdf/2501.03262) (arXiv)  \n"
        "  - Jian Hu *et al.*   \n"
        "  - Key: REINFORCE++ algorithm, stability vs PPO/GRPO  \n"
        "  - ExpEnv: RLHF alignment suites  \n\n"
        "- [ReFT v3: Reasoning with Reinforced Fine-Tuning](https://arxiv.org/abs/2401.08967) (ACL 2025 Long)  \n"
        "  - Trung Le, Jiaqi Zhang *et al.*  \n"
        "  - Key: single-stage RLFT, low-cost math alignment  \n"
        "  - ExpEnv: GSM8K, MATH, SVAMP  \n"
    )
    plist = parse_list(text)
    assert [e.authors for e in plist.entries] == [
        "Daya Guo, Dejian Yang, Haowei Zhang et al.", "Jian Hu et al.", "Trung Le, Jiaqi Zhang et al."]
    written = plist.with_entry(paper, plist.find_section("2025")).text
    assert "\n- [Self-Rewarding Language Models](https://arxiv.org/pdf/2401.10020) (arXiv 2024)  \n" \
        "  - Weizhe Yuan *et al.*  \n\n- [ReFT v3:" in written
    # an et al. in italics is no name of its own, nor is a bracket of names with no et al. before it
    for line in ("*et al.*", "Jian Hu, *et al.* *et al.*", "Jian Hu (DeepSeek-AI)", "OpenAI *et al.*"):
        assert parse_list(text.replace("Jian Hu *et al.*", line)).entries[1].authors == "", line


def test_a_new_entry_in_an_empty_section_is_not_glued_to_the_anchor_line_below_it() -> None:
    """`## 🧭 Background` holds only `<a id="surveys"></a>` and the next heading (js-lee-AI/awesome-llm-agent-papers):
    the new bullet gets a blank line after it, or the anchor line would be read as that bullet's text."""
    text = (
        "# Awesome LLM Agent Papers\n\n## 🧭 Background\n\n<a id=\"surveys\"></a>\n"
        "### 📚 Surveys & Position Papers (39)\n\n"
        "- **[Cognitive Architectures for Language Agents](https://arxiv.org/abs/2309.02427)** (Sumers et al., TMLR "
        "2023) - *The most widely adopted conceptual/architectural vocabulary for describing LLM agents.*\n"
    )
    plist = parse_list(text)
    after = plist.with_entry(PAPER, plist.find_section("Background"))
    assert after.text == text.replace("\n\n<a id=", "\n\n- **[" + PAPER.title + "](https://arxiv.org/abs/2503.17460)** "
                                      "(Gody et al., arXiv 2025)\n\n<a id=")


def test_a_venue_in_an_html_tag_after_the_titles_comma_is_the_venue_and_keeps_its_tag() -> None:
    """`Title, <ins>arXiv, 2024</ins> [[Paper](url)]` (AIoT-MLSys-Lab/Efficient-LLMs-Survey): the tag holds the venue
    with its own comma, so the title ends before it (it kept `, NeurIPS` before), and a new entry writes its venue
    in the tag."""
    text = (
        "# Efficient Large Language Models: A Survey\n\n###### Weight-Activation Co-Quantization\n"
        "- Intriguing Properties of Quantization at Scale, <ins>NeurIPS, 2023</ins> "
        "[[Paper](https://arxiv.org/abs/2305.19268)]\n"
        "- ZeroQuant-V2: Exploring Post-training Quantization in LLMs from Comprehensive Study to Low Rank "
        "Compensation, <ins>arXiv, 2023</ins> [[Paper](https://arxiv.org/abs/2303.08302)] "
        "[[Code](https://github.com/microsoft/DeepSpeed)]\n"
    )
    plist = parse_list(text)
    assert [(e.title, e.venue) for e in plist.entries] == [
        ("Intriguing Properties of Quantization at Scale", "NeurIPS, 2023"),
        ("ZeroQuant-V2: Exploring Post-training Quantization in LLMs from Comprehensive Study to Low Rank "
         "Compensation", "arXiv, 2023")]
    _, (line,) = added(text, "Weight-Activation Co-Quantization")
    assert line == f"- {PAPER.title}, <ins>arXiv, 2025</ins> [[Paper](https://arxiv.org/abs/2503.17460)]\n"


def test_a_bold_bracketed_venue_after_a_plain_title_is_the_venue() -> None:
    """`- Title **[ICML 2025]** [[Paper](url)]` (sunyinggang/LLM-Agent-Security-Survey): the bold brackets hold the
    venue, not the title's last words (the title ended in `[arXiv 2024]` before); a new entry writes its own venue
    there."""
    text = (
        "# A Survey on the Unique Security of Autonomous and Collaborative LLM Agents\n\n## Paper List\n\n"
        "### External Interaction Attacks\n\n"
        "- AdvAgent: Controllable Blackbox Red-teaming on Web Agents **[ICML 2025]** "
        "[[Paper](https://proceedings.mlr.press/v267/xu25m.html)]\n"
        "- Wipi: A new web threat for llm-driven web agents **[arXiv 2024]** [[Paper](https://arxiv.org/abs/2402.16965)]\n"
        "- AGENTVIGIL: Automatic Black-Box Red-teaming for Indirect Prompt Injection against LLM Agents "
        "**[Findings of EMNLP 2025]** [[Paper](https://aclanthology.org/2025.findings-emnlp.1258/)]\n"
    )
    plist = parse_list(text)
    assert [(e.title, e.venue) for e in plist.entries] == [
        ("AdvAgent: Controllable Blackbox Red-teaming on Web Agents", "ICML 2025"),
        ("Wipi: A new web threat for llm-driven web agents", "arXiv 2024"),
        ("AGENTVIGIL: Automatic Black-Box Red-teaming for Indirect Prompt Injection against LLM Agents",
         "Findings of EMNLP 2025")]
    _, (line,) = added(text, "External Interaction Attacks")
    assert line == f"- {PAPER.title} **[arXiv 2025]** [[Paper](https://arxiv.org/abs/2503.17460)]\n"


def test_bold_labels_in_a_table_of_contents_are_no_sections() -> None:
    """`## Contents` with `- **🧭 Background**` over `  - [📚 Surveys & Position Papers (39)](#surveys)`
    (js-lee-AI/awesome-llm-agent-papers): the labels repeat the list's headings, so they are no sections of their
    own (empty ones, that `--section Background` found twice)."""
    text = (
        "# Awesome LLM Agent Papers\n\n## Contents\n\n"
        "- [⭐ Starter Kit](#starter-kit)\n"
        "- **🧭 Background**\n"
        "  - [📚 Surveys & Position Papers (39)](#surveys)\n"
        "  - [🏗️ Agent Architectures & Frameworks (26)](#architectures)\n"
        "- **🧱 Part I: Core Components**\n"
        "  - [🧠 Planning & Reasoning (30)](#planning)\n\n"
        "## 🧭 Background\n\n<a id=\"surveys\"></a>\n### 📚 Surveys & Position Papers (39)\n\n"
        "- **[Cognitive Architectures for Language Agents](https://arxiv.org/abs/2309.02427)** (Sumers et al., TMLR "
        "2023) - *The most widely adopted conceptual/architectural vocabulary for describing LLM agents.*\n"
    )
    plist = parse_list(text)
    assert [s.path for s in plist.sections] == [
        ("Contents",), ("🧭 Background",), ("🧭 Background", "📚 Surveys & Position Papers (39)")]
    assert plist.find_section("Background").path == ("🧭 Background",)


def test_a_table_dated_to_the_day_newest_first_gets_a_new_row_in_date_order_with_its_day() -> None:
    """`| [**Title**](url) | arXiv | 2025-03-17 | ...` (BradyFU/Awesome-Multimodal-Large-Language-Models, newest
    first): a date with its day orders the rows too, so a paper of 2025-04 goes on top, where before it went
    under the oldest; its Date cell is the day it came out where that is known, else the month of its arXiv id in
    the cells' form (2025-04), no day made up, where before it was left empty."""
    text = (
        "# Awesome Papers\n\n## Multimodal Instruction Tuning\n"
        "|  Title  |   Venue  |   Date   |   Code   |   Demo   |\n"
        "|:--------|:--------:|:--------:|:--------:|:--------:|\n"
        "| [**Nexus-O: An Omni-Perceptive And -Interactive Model for Language, Audio, And Vision**]"
        "(https://arxiv.org/pdf/2503.01879) | arXiv | 2025-03-07 | - | - |\n"
        "| ![Star](https://img.shields.io/github/stars/QwenLM/Qwen2.5-VL.svg?style=social&label=Star) <br> "
        "[**Qwen2.5-VL Technical Report**](https://arxiv.org/pdf/2502.13923) <br> | arXiv | 2025-02-19 | "
        "[Github](https://github.com/QwenLM/Qwen2.5-VL) | [Demo](https://huggingface.co/spaces/Qwen/Qwen2.5-VL) |\n"
        "| [**Apollo: An Exploration of Video Understanding in Large Multimodal Models**]"
        "(https://arxiv.org/pdf/2412.10360) | arXiv | 2024-12-13 | - | - |\n"
        "| [**StreamChat: Chatting with Streaming Video**](https://arxiv.org/pdf/2412.08646) | arXiv | 2024-12-11 | "
        "Coming soon | - |\n"
    )
    plist = parse_list(text)
    dated = Paper(arxiv_id="2504.00001", title="A New Model", published="2025-04-02")
    after = plist.with_entry(dated, plist.find_section("Multimodal Instruction Tuning"))
    (line,) = inserted_lines(plist.lines, after.lines)
    assert after.entries[0].title == "A New Model"
    assert line.startswith("| [**A New Model**](https://arxiv.org/pdf/2504.00001) | arXiv | 2025-04-02 |")
    undated = Paper(arxiv_id="2504.00001", title="A New Model")
    section = plist.find_section("Multimodal Instruction Tuning")
    (line,) = inserted_lines(plist.lines, plist.with_entry(undated, section).lines)
    assert line.startswith("| [**A New Model**](https://arxiv.org/pdf/2504.00001) | arXiv | 2025-04 |")


def test_a_new_row_writes_the_rows_word_for_no_code_where_its_neighbour_links_code() -> None:
    """`| [Github](...) | [Demo](...) |` on the last row, `| - | - |` on others (BradyFU/Awesome-Multimodal-Large-
    Language-Models): a new row has no code or demo to link, so it says so as the rows do, not with empty cells."""
    text = (
        "# Awesome Papers\n\n## Multimodal Instruction Tuning\n"
        "|  Title  |   Venue  |   Date   |   Code   |   Demo   |\n"
        "|:--------|:--------:|:--------:|:--------:|:--------:|\n"
        "| [**Apollo: An Exploration of Video Understanding in Large Multimodal Models**]"
        "(https://arxiv.org/pdf/2412.10360) | arXiv | 2024-12-13 | - | - |\n"
        "| ![Star](https://img.shields.io/github/stars/emova-ollm/EMOVA.svg?style=social&label=Star) <br> "
        "[**EMOVA: Empowering Language Models to See, Hear and Speak with Vivid Emotions**]"
        "(https://arxiv.org/pdf/2409.18042) <br> | CVPR | 2024-09-26 | [Github](https://github.com/emova-ollm/EMOVA) | "
        "[Demo](https://huggingface.co/spaces/Emova-ollm/EMOVA-demo) | \n"
    )
    _, (line,) = added(text, "Multimodal Instruction Tuning")
    assert line.endswith(" | - | - | \n")


def test_a_journal_and_its_year_after_a_plain_titles_commas_are_the_venue() -> None:
    """`* Title, IEEE Transactions on Fuzzy Systems, 2020 [[Paper]](url)` (daochenzha/data-centric-AI): the journal
    before the year is the venue with it, not the title's end; a title whose last words before a year are its own
    (`... data reduction, 2012`) keeps them."""
    text = (
        "# Data-centric AI\n\n### Data Reduction\n"
        "* Active feature selection for the mutual information criterion, AAAI 2021 "
        "[[Paper]](https://arxiv.org/abs/2012.06979) [[Code]](https://github.com/ShacharSchnapp/ActiveFeatureSelection)\n"
        "* Active incremental feature selection using a fuzzy-rough-set-based information entropy, IEEE Transactions "
        "on Fuzzy Systems, 2020 [[Paper]](https://ieeexplore.ieee.org/document/8933450)\n"
        "* Feature selection: A data perspective, ACM COmputer Surveys, 2017 [[Paper]](https://dl.acm.org/doi/abs/10."
        "1145/3136625) [[Code]](http://featureselection.asu.edu/)\n"
        "* Introduction to k nearest neighbour classification and condensed nearest neighbour data reduction, 2012 "
        "[[Paper]](http://www.math.le.ac.uk/people/ag153/homepage/KNN/OliverKNN_Talk.pdf)\n"
    )
    assert [(e.title, e.venue) for e in parse_list(text).entries] == [
        ("Active feature selection for the mutual information criterion", "AAAI 2021"),
        ("Active incremental feature selection using a fuzzy-rough-set-based information entropy",
         "IEEE Transactions on Fuzzy Systems, 2020"),
        ("Feature selection: A data perspective", "ACM COmputer Surveys, 2017"),
        ("Introduction to k nearest neighbour classification and condensed nearest neighbour data reduction", "2012"),
    ]


def test_a_long_venue_name_with_its_year_after_a_plain_titles_comma_is_the_venue() -> None:
    """`* Data Integration: The Current Status and the Way Forward, IEEE Computer Society Technical Committee on Data
    Engineering 2018 [[Paper]](url)` (daochenzha/data-centric-AI): a name of more than 40 characters before the year
    is still the venue, not the title's end."""
    text = (
        "# Data-centric AI\n\n### Data Collection\n\n"
        "* Dataset discovery in data lakes, ICDE 2020 [[Paper]](https://arxiv.org/pdf/2011.10427.pdf)\n"
        "* Data Integration: The Current Status and the Way Forward, IEEE Computer Society Technical Committee on Data "
        "Engineering 2018 [[Paper]](https://cs.uwaterloo.ca/~ilyas/papers/StonebrakerIEEE2018.pdf)\n"
    )
    assert [(e.title, e.venue) for e in parse_list(text).entries] == [
        ("Dataset discovery in data lakes", "ICDE 2020"),
        ("Data Integration: The Current Status and the Way Forward",
         "IEEE Computer Society Technical Committee on Data Engineering 2018"),
    ]


def test_bold_labels_over_prose_in_a_section_without_papers_are_no_sections() -> None:
    """`- **Limitations**:` over prose bullets, twice, in `## 📖 Introduction` (DavidZWZ/Awesome-RAG-Reasoning):
    labels of the text, not groups a paper goes into, so no sections (that `--section Limitations` found twice)."""
    text = (
        "# Awesome-RAG-Reasoning\n\n## 📖 Introduction\n\n"
        "**🔍 Retrieval-Augmented Generation (RAG)** has emerged as a powerful paradigm that combines the strengths "
        "of large language models with external knowledge retrieval.\n"
        "- **Limitations**:\n"
        "  - May retrieve irrelevant or inaccurate information\n"
        "  - Limited by the quality and coverage of external knowledge bases\n\n"
        "**🧠 Reasoning** has recently gained significant popularity as a complementary approach to enhance LLM "
        "performance.\n"
        "- **Limitations**:\n"
        "  - Often hallucinates or mis-grounds facts\n"
        "  - Struggles with up-to-date or domain-specific information\n\n"
        "---\n## Reasoning-Enhanced RAG\n### Retrieval Optimization\n"
        "- (ArXiv 2025) **Credible plan-driven rag method for multi-hop question answering** "
        "[[Paper]](https://arxiv.org/abs/2504.16787)\n"
    )
    plist = parse_list(text)
    assert [s.path for s in plist.sections] == [
        ("📖 Introduction",), ("Reasoning-Enhanced RAG",), ("Reasoning-Enhanced RAG", "Retrieval Optimization")]


def test_headings_that_only_link_to_an_anchor_over_a_table_of_contents_are_no_sections() -> None:
    """`### 📚 [Research Papers & Frameworks](#research-papers-and-frameworks)` over bullets of anchors
    (DavidZWZ/Awesome-RAG-Reasoning): a pointer to the list's sections, not an empty section of its own."""
    text = (
        "# Awesome-RAG-Reasoning\n\n## What This Repository Covers\n\n"
        "Below you will find a curated selection of research papers, open-source implementations, and benchmarking "
        "datasets that drive progress in RAG and Reasoning.\n\n"
        "### 📚 [Research Papers & Frameworks](#research-papers-and-frameworks)\n"
        "Latest academic publications and open-source implementations that advance the integration of RAG and "
        "Reasoning. \n\n"
        "- [Reasoning-Enhanced RAG](#reasoning-enhanced-rag)\n"
        "  - [Retrieval Optimization](#retrieval-optimization)\n"
        "  - [Integration Enhancement](#integration-enhancement) \n\n---\n\n"
        "### 📊 [Benchmarks & Datasets](#benchmarks-and-datasets)\n\n"
        "- [Single-hop QA](#single-hop-qa)\n- [Multi-hop QA](#multi-hop-qa)\n\n\n---\n"
        "<a name=\"research-papers-and-frameworks\"></a>\n\n## Reasoning-Enhanced RAG\n### Retrieval Optimization\n"
        "- (ArXiv 2025) **Credible plan-driven rag method for multi-hop question answering** "
        "[[Paper]](https://arxiv.org/abs/2504.16787)\n"
    )
    plist = parse_list(text)
    assert [s.path for s in plist.sections] == [
        ("What This Repository Covers",), ("Reasoning-Enhanced RAG",),
        ("Reasoning-Enhanced RAG", "Retrieval Optimization")]


def test_a_code_span_with_a_colon_over_papers_is_a_topic_group() -> None:
    """`+ `Machine Translation`:` over `  + **Title**` entries (HillZhang1999/llm-hallucination-survey): a topic
    label as a bold one would be, so its papers are its own and a new one goes under it, not the section's end."""
    text = (
        "# LLM-Hallucination-Survey\n\n## 🔍Evaluation of LLM Hallucination\n"
        "### Input-conflicting Hallucination\n"
        "This kind of hallucination denotes the model response deviates from the *user input*, including task "
        "instruction and task input. This kind of hallucination has been widely studied in some traditional NLG "
        "tasks, such as:\n\n"
        "+ `Machine Translation`:\n"
        "  + **Looking for a Needle in a Haystack: A Comprehensive Study of Hallucinations in Neural Machine "
        "Translation**\n"
        "  *Nuno M. Guerreiro, Elena Voita, André F.T. Martins* [[paper]](https://arxiv.org/abs/2208.05309) 2022.8\n"
        "+ `Data-to-text`:\n"
        "  + **Controlling Hallucinations at Word Level in Data-to-Text Generation**\n"
        "  *Clément Rebuffel, Marco Roberti, Laure Soulier, Geoffrey Scoutheeten, Rossella Cancelliere, Patrick "
        "Gallinari*[[paper]](https://arxiv.org/abs/2102.02810) 2021.2\n"
    )
    plist = parse_list(text)
    assert [(s.path[-1], s.kind, len(s.entries)) for s in plist.sections] == [
        ("🔍Evaluation of LLM Hallucination", "heading", 0), ("Input-conflicting Hallucination", "heading", 0),
        ("Machine Translation", "code", 1), ("Data-to-text", "code", 1)]
    after, lines = added(text, "Machine Translation")
    assert lines[0].startswith("  + **ConvoGen")
    assert after.lines.index(lines[0]) == plist.lines.index("+ `Data-to-text`:\n")


def test_a_section_by_year_with_an_undated_entry_is_still_sorted() -> None:
    """`### Data Labeling` newest first by the venues' years but for `* Segment Anything [[Paper]](url)` on top
    (daochenzha/data-centric-AI): the dated entries still say the order, so a new paper goes in by its year, and
    above the undated one when it is the newest, not at the section's end."""
    text = (
        "# Data-centric AI\n\n### Data Labeling\n"
        "* Segment Anything [[Paper]](https://scontent-hou1-1.xx.fbcdn.net/v/t39.2365-6/10000000_900554171201033_"
        "1602411987825904100_n.pdf?_nc_cat=100&ccb=1-7&_nc_sid=3c67a6&_nc_ohc=Ald4OYhL6hgAX-h7JxS&_nc_ht=scontent-"
        "hou1-1.xx&oh=00_AfCkb5vYTMBeCKRoya_B2sHuwAMcJrYJ08uJQdNkXDscLg&oe=643500E7) "
        "[[code]](https://github.com/facebookresearch/segment-anything)\n"
        "* Active-Learning-as-a-Service: An Efficient MLOps System for Data-Centric AI, NeurIPS 2022 Workshop on "
        "Human in the Loop Learning [[paper]](https://arxiv.org/abs/2207.09109) "
        "[[code]](https://github.com/MLSysOps/Active-Learning-as-a-Service)\n"
        "* Training language models to follow instructions with human feedback, NeurIPS 2022 "
        "[[Paper]](https://arxiv.org/abs/2203.02155)\n"
        "* A survey of deep active learning, ACM Computing Surveys 2021 [[Paper]](https://arxiv.org/abs/2009.00236)\n"
        "* Graph-based semi-supervised learning: A review, Neurocomputing 2020 "
        "[[Paper]](https://arxiv.org/abs/2102.13303) \n"
        "* Data programming: Creating large training sets, quickly, NeurIPS 2016 "
        "[[Paper]](https://arxiv.org/abs/1605.07723)\n"
        "* Active learning with statistical models, JAIR 1996 [[Paper]](https://arxiv.org/abs/cs/9603104)\n"
    )
    plist = parse_list(text)
    section = plist.find_section("Data Labeling")
    newest = plist.with_entry(PAPER, section)
    assert newest.lines[3].startswith("* ConvoGen") and newest.lines[4].startswith("* Segment Anything")
    older = plist.with_entry(Paper(arxiv_id="1905.01234", title="An Older Paper"), section)
    assert older.lines[8].startswith("* An Older Paper") and older.lines[9].startswith("* Data programming")


def test_a_description_after_a_colon_is_not_the_authors() -> None:
    """`- [multilingual-code-evals](url): Multilingual Code Models Evaluation.` (huybery/Awesome-Code-LLM): four
    capitalised words after a colon describe the tool; they are no authors a new entry would be written beside."""
    text = (
        "# Awesome-Code-LLM\n\n## 🚀 Leaderboard\n\n💡 Toolkit:\n"
        "- [bigcode-evaluation-harness](https://github.com/bigcode-project/bigcode-evaluation-harness): A framework "
        "for the evaluation of autoregressive code generation language models.\n"
        "- [multilingual-code-evals](https://huggingface.co/spaces/bigcode/multilingual-code-evals): Multilingual "
        "Code Models Evaluation.\n"
    )
    assert [(e.title, e.authors) for e in parse_list(text).entries] == [
        ("bigcode-evaluation-harness", ""), ("multilingual-code-evals", "")]


def test_a_description_after_a_colon_is_no_venue_and_no_shape() -> None:
    """`- [multilingual-code-evals](url): Multilingual Code Models Evaluation.` (huybery/Awesome-Code-LLM): the words
    after the colon describe that tool, so they are no venue (before, the venue was ": Multilingual Code Models
    Evaluation.") and a new entry is a bare link as its neighbours are, not `[Title](url)Preprint`. A venue's name
    after a colon is still the venue."""
    text = (
        "# Awesome-Code-LLM\n\n## 🚀 Leaderboard\n\n💡 Toolkit:\n"
        "- [bigcode-evaluation-harness](https://github.com/bigcode-project/bigcode-evaluation-harness): A framework "
        "for the evaluation of autoregressive code generation language models.\n"
        "- [multilingual-code-evals](https://huggingface.co/spaces/bigcode/multilingual-code-evals): Multilingual "
        "Code Models Evaluation.\n"
    )
    plist = parse_list(text)
    assert [(e.authors, e.venue) for e in plist.entries] == [("", ""), ("", "")]
    _, (line,) = added(text, "Leaderboard")
    assert line == f"- [{PAPER.title}](https://arxiv.org/abs/2503.17460)\n"
    venued = parse_list("# L\n\n## A\n\n- [Some Title](https://arxiv.org/abs/2401.00001): ICLR 2024\n")
    assert venued.entries[0].venue == "ICLR 2024"


def test_a_new_entry_is_written_on_two_lines_where_the_sections_entries_are() -> None:
    """HillZhang1999/llm-hallucination-survey: `1. **Title**` over `*Authors*[[paper]](url) 2021.9` on the next line,
    at the margin. A new entry is laid out so too, where before it was one line; without its authors, the second
    line keeps its indent and holds the link and month."""
    text = (
        "# llm-hallucination-survey\n\n### Context-conflicting Hallucination\n"
        "This kind of hallucination means the generated content exhibits *self-contradiction*, i.e., conflicts with "
        "previously generated content. Here are some preliminary studies in this direction:\n\n"
        "1. **Knowledge Enhanced Fine-Tuning for Better Handling Unseen Entities in Dialogue Generation**\n"
        "*Leyang Cui, Yu Wu, Shujie Liu, Yue Zhang*[[paper]](https://arxiv.org/abs/2109.05487) 2021.9\n\n"
        "1. **Large Language Models Can Be Easily Distracted by Irrelevant Context**\n"
        "*Freda Shi, Xinyun Chen, Kanishka Misra, Nathan Scales, David Dohan, Ed H. Chi, Nathanael Schärli, Denny "
        "Zhou*[[paper]](https://arxiv.org/abs/2302.00093) 2023.2\n\n"
        "### Input-conflicting Hallucination\n\n"
        "+ `Machine Translation`:\n"
        "  + **Looking for a Needle in a Haystack: A Comprehensive Study of Hallucinations in Neural Machine "
        "Translation**\n"
        "  *Nuno M. Guerreiro, Elena Voita, André F.T. Martins* [[paper]](https://arxiv.org/abs/2208.05309) 2022.8\n"
        "  + **Detecting and Mitigating Hallucinations in Machine Translation: Model Internal Workings Alone Do Well, "
        "Sentence Similarity Even Better**\n"
        "  *David Dale, Elena Voita, Loïc Barrault, Marta R. Costa-jussà* [[paper]](https://arxiv.org/abs/2212.08597) "
        "2022.12\n"
    )
    plist = parse_list(text)
    assert [e.authors[:10] for e in plist.entries] == ["Leyang Cui", "Freda Shi,", "Nuno M. Gu", "David Dale"]
    after = plist.with_entry(PAPER, plist.find_section("Context-conflicting Hallucination"))
    assert (
        "Denny Zhou*[[paper]](https://arxiv.org/abs/2302.00093) 2023.2\n\n"
        f"1. **{PAPER.title}**\n"
        "*Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik*[[paper]](https://arxiv.org/abs/2503.17460) 2025.3\n\n"
        "### Input-conflicting Hallucination\n"
    ) in after.text
    new = next(e for e in after.entries if e.arxiv_id == PAPER.arxiv_id)
    assert (new.title, new.authors) == (PAPER.title, "Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik")
    bare = Paper(arxiv_id="2504.12345", title="A Paper Without Authors Known")
    after = plist.with_entry(bare, plist.find_section("Machine Translation"))
    assert inserted_lines(plist.lines, after.lines) == [
        f"  + **{bare.title}**\n", "  [[paper]](https://arxiv.org/abs/2504.12345) 2025.4\n"]


def test_a_google_scholar_link_is_no_identity() -> None:
    """`[[Paper](https://scholar.google.com/scholar?q=EIA%3A...)]` (sunyinggang/LLM-Agent-Security-Survey): a Scholar
    link is a search, not the paper, so the entry is known by its title, as after a blog link. A Scholar link whose
    query or redirect holds a paper's address (an arXiv page, a DOI with the click's `&scisig=...`) gave that as the
    identity; now it does not, and an arXiv link beside it still does."""
    text = (
        "# LLM Agent Security Survey\n\n### External Interaction Attacks\n\n"
        "- AdvAgent: Controllable Blackbox Red-teaming on Web Agents **[ICML 2025]** "
        "[[Paper](https://proceedings.mlr.press/v267/xu25m.html)]\n"
        "- EIA: ENVIRONMENTAL INJECTION ATTACK ON GENERALIST WEB AGENTS FOR PRIVACY LEAKAGE **[ICLR 2025]** "
        "[[Paper](https://scholar.google.com/scholar?q=EIA%3A%20ENVIRONMENTAL%20INJECTION%20ATTACK%20ON%20GENERALIST"
        "%20WEB%20AGENTS%20FOR%20PRIVACY%20LEAKAGE)]\n"
        "- Wipi: A new web threat for llm-driven web agents **[arXiv 2024]** [[Paper](https://arxiv.org/abs/2402.16965)]\n"
    )
    keys = [e.key for e in parse_list(text).entries]
    assert keys == ["title:advagent controllable blackbox red teaming on web agents",
                    "title:eia environmental injection attack on generalist web agents for privacy leakage",
                    "arxiv:2402.16965"]
    redirect = ("https://scholar.google.com/scholar_url?url=https://dl.acm.org/doi/pdf/10.1145/3543507.3583386&hl=en"
                "&sa=T&oi=gsb-gga&ct=res&cd=0&d=123&ei=abc&scisig=AAGBfm0")
    for url in (redirect, "https://scholar.google.co.uk/scholar?q=arxiv.org/abs/2402.16965",
                "https://scholar.google.com/scholar?q=openreview.net/forum?id=1YNrlSSRsk"):
        assert paper_key(url, "Some Title") == ("title:some title", None), url
    assert paper_key(redirect, "T", ["https://arxiv.org/abs/2402.16965"]) == ("arxiv:2402.16965", "2402.16965")


def test_a_quoted_note_between_the_title_and_its_link_is_that_papers_own() -> None:
    """huybery/Awesome-Code-LLM's Evaluation & Benchmark: `1. **Title** `NeurIPS21``, then `    > Named APPS`, then
    `    [2021.05][[Paper](url)] *Authors*`. The quote names that paper's benchmark: the code span is still the venue
    and the bracket the date (before, both were lost), and a new entry is laid out as the section's are, with its
    own month and without the note, where before it got no date."""
    text = (
        "# Awesome-Code-LLM\n\n### ▶️ Evaluation & Benchmark\n\n"
        "1. **Measuring Coding Challenge Competence With APPS** `NeurIPS21`\n\n    > Named APPS\n  \n"
        "    [2021.05][[Paper](https://arxiv.org/abs/2108.07732)][[Repo](https://github.com/hendrycks/apps)] "
        "*Dan Hendrycks, Steven Basart, Saurav Kadavath, Mantas Mazeika, Akul Arora, Ethan Guo, Collin Burns, Samir "
        "Puranik, Horace He, Dawn Song, Jacob Steinhardt* \n\n\n"
        "2. **Program Synthesis with Large Language Models** `Preprint`\n\n    > Named MBPP\n  \n"
        "    [2021.08][[Paper](https://arxiv.org/abs/2108.07732)] *Jacob Austin, Augustus Odena, Maxwell Nye, Maarten "
        "Bosma, Henryk Michalewski, David Dohan, Ellen Jiang, Carrie Cai, Michael Terry, Quoc Le, Charles Sutton* \n"
    )
    plist = parse_list(text)
    assert [(e.venue, it.parsed.date) for e, it in zip(plist.entries, plist._items, strict=True)] == [
        ("NeurIPS21", "2021.05"), ("Preprint", "2021.08")]
    after = plist.with_entry(PAPER, plist.find_section("Evaluation & Benchmark"))
    assert after.text.endswith(
        "Michael Terry, Quoc Le, Charles Sutton* \n\n"
        f"3. **{PAPER.title}** `Preprint`\n  \n"
        "    [2025.03][[Paper](https://arxiv.org/abs/2503.17460)] *Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik*\n"
    )


# ---------------------------------------------------------------- lists whose entries are paragraphs

# diff-usion/Awesome-Diffusion-Models@001be34179f11cc8b4dde70271a5640ca19395b7, verbatim: its head, the first
# resources and the first papers of two sections (a double blank line and `17 June 2022` in them as in the file).
DIFFUSION = (
    "[![Awesome](https://cdn.rawgit.com/sindresorhus/awesome/d7305f38d29fed78fa85652e3a63e154dd8e8829/media/badge.svg)]"
    "(https://github.com/hee9joon/Awesome-Diffusion-Models) \n"
    "[![License: MIT](https://img.shields.io/badge/License-MIT-green.svg)](https://opensource.org/licenses/MIT)\n\n"
    "This repository contains a collection of resources and papers on ***Diffusion Models and Score-matching "
    "Models***.\n\n"
    "## Contents\n- [Resources](#resources)\n  - [Introductory Posts](#introductory-posts)\n"
    "  - [Introductory Papers](#introductory-papers)\n- [Papers](#papers)\n  - [Vision](#vision)\n"
    "    - [Image Generation](#image-generation)\n    - [Segmentation](#segmentation)\n\n"
    "# Resources\n## Introductory Posts\n\n"
    "**The recent rise of diffusion-based models** \\\n*Maciej Domagała* \\\n"
    "[[Website](https://maciejdomagala.github.io/generative_models/2022/06/06/The-recent-rise-of-diffusion-based-models"
    ".html)] \\\n06 Jun 2022\n\n"
    "## Introductory Papers\n\n"
    "**A Connection Between Score Matching and Denoising Autoencoders** \\\n*Pascal Vincent* \\\n"
    "Neural Computation 2011. [[Paper](http://www.iro.umontreal.ca/~vincentp/Publications/smdae_techreport.pdf)] \\\n"
    "7 Jul 2011\n\n"
    "**Understanding Diffusion Models: A Unified Perspective** \\\n*Calvin Luo* \\\n"
    "arXiv 2022. [[Paper](https://arxiv.org/pdf/2208.11970.pdf)] \\\n25 Aug 2022\n\n"
    "# Papers\n\n## Vision\n### Image Generation\n\n"
    "**Enhancing Diffusion-Based Image Synthesis with Robust Classifier Guidance** \\\n"
    "*Bahjat Kawar, Roy Ganz, Michael Elad* \\\n"
    "arXiv 2022. [[Paper](https://arxiv.org/abs/2208.08664)] \\\n18 Aug 2022\n\n"
    "**Your ViT is Secretly a Hybrid Discriminative-Generative Diffusion Model** \\\n"
    "*Xiulong Yang<sup>1</sup>, Sheng-Min Shih<sup>1</sup>, Yinlin Fu, Xiaoting Zhao, Shihao Ji* \\\n"
    "arXiv 2022. [[Paper](https://arxiv.org/abs/2208.07791)] [[Github](https://github.com/sndnyang/Diffusion_ViT)] \\\n"
    "16 Aug 2022\n\n"
    "**Applying Regularized Schrödinger-Bridge-Based Stochastic Process in Generative Modeling** \\\n"
    "*Ki-Ung Song* \\\n"
    "arXiv 2022. [[Paper](https://arxiv.org/abs/2208.07131)] [[Github](https://github.com/KiUngSong/RSB)] \\\n"
    "15 Aug 2022\n\n"
    "**Analog Bits: Generating Discrete Data using Diffusion Models with Self-Conditioning** \\\n"
    "*Ting Chen, Ruixiang Zhang, Geoffrey Hinton* \\\n"
    "arXiv 2022. [[Paper](https://arxiv.org/abs/2208.04202)] \\\n8 Aug 2022\n\n\n"
    "**Pyramidal Denoising Diffusion Probabilistic Models** \\\n*Dohoon Ryu, Jong Chul Ye* \\\n"
    "arXiv 2022. [[Paper](https://arxiv.org/abs/2208.01864)] \\\n3 Aug 2022\n\n"
    "**Progressive Deblurring of Diffusion Models for Coarse-to-Fine Image Synthesis** \\\n"
    "*Sangyun Lee, Hyungjin Chung, Jaehyeon Kim, Jong Chul Ye* \\\n"
    "arxiv 2022. [[Paper](https://arxiv.org/abs/2207.11192)] [[Github](https://github.com/sangyun884/blur-diffusion)]"
    " \\\n16 Jul 2022\n\n"
    "### Segmentation\n\n"
    "**Semantic Image Synthesis via Diffusion Models** \\\n"
    "*Weilun Wang, Jianmin Bao, Wengang Zhou, Dongdong Chen, Dong Chen, Lu Yuan, Houqiang Li* \\\n"
    "arXiv 2022. [[Paper](https://arxiv.org/abs/2207.00050)] \\\n30 Jun 2022\n\n"
    "**Diffusion models as plug-and-play priors** \\\n"
    "*Alexandros Graikos, Nikolay Malkin, Nebojsa Jojic, Dimitris Samaras* \\\n"
    "arXiv 2022. [[Paper](https://arxiv.org/abs/2206.09012)] \\\n17 June 2022\n\n"
    "**Diffusion Models for Implicit Image Segmentation Ensembles** \\\n"
    "*Julia Wolleb<sup>1</sup>, Robin Sandkühler<sup>1</sup>, Florentin Bieder, Philippe Valmaggia, Philippe C. "
    "Cattin* \\\n"
    "MIDL 2021. [[Paper](https://arxiv.org/abs/2112.03145)] \\\n6 Dec 2021\n\n"
    "**Label-Efficient Semantic Segmentation with Diffusion Models** \\\n"
    "*Dmitry Baranchuk, Ivan Rubachev, Andrey Voynov, Valentin Khrulkov, Artem Babenko* \\\n"
    "ICLR 2021. [[Paper](https://arxiv.org/abs/2112.03126)] [[Github](https://github.com/yandex-research/ddpm-"
    "segmentation)] \\\n6 Dec 2021\n\n"
    "**SegDiff: Image Segmentation with Diffusion Probabilistic Models** \\\n"
    "*Tomer Amit, Eliya Nachmani, Tal Shaharbany, Lior Wolf* \\\n"
    "arXiv 2021. [[Paper](https://arxiv.org/abs/2112.00390)] \\\n1 Dec 2021\n\n\n"
)

DPO = Paper(
    arxiv_id="2305.18290",
    title="Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
    authors=("Rafael Rafailov", "Archit Sharma", "Eric Mitchell", "Stefano Ermon", "Christopher D. Manning",
             "Chelsea Finn"),
)


def test_a_list_whose_entries_are_paragraphs_is_read() -> None:
    """diff-usion/Awesome-Diffusion-Models writes each paper as a paragraph, `**Title** \\`, `*Authors* \\`,
    `Venue. [[Paper](url)] \\`, then its date: each is an entry, with its title, link, authors (without the
    `<sup>1</sup>` of shared first authorship) and venue, where before the list was refused ("no bullet links to a
    work"). The badges and the introduction are none, nor a post that links only a `[[Website]]`."""
    plist = parse_list(DIFFUSION)
    counts = {" > ".join(s.path): len(s.entries) for s in plist.sections}
    assert counts == {
        "Contents": 0, "Resources": 0, "Resources > Introductory Posts": 0, "Resources > Introductory Papers": 2,
        "Papers": 0, "Papers > Vision": 0, "Papers > Vision > Image Generation": 6,
        "Papers > Vision > Segmentation": 5,
    }
    first, second = plist.find_section("Image Generation").entries[:2]
    assert (first.title, first.url, first.arxiv_id, first.authors, first.venue, first.line, first.end_line) == (
        "Enhancing Diffusion-Based Image Synthesis with Robust Classifier Guidance",
        "https://arxiv.org/abs/2208.08664", "2208.08664", "Bahjat Kawar, Roy Ganz, Michael Elad", "arXiv 2022.",
        39, 43)
    assert (second.authors, second.venue, second.arxiv_id) == (
        "Xiulong Yang, Sheng-Min Shih, Yinlin Fu, Xiaoting Zhao, Shihao Ji", "arXiv 2022.", "2208.07791")
    vincent = plist.find_section("Introductory Papers").entries[0]
    assert (vincent.key, vincent.venue) == ("title:a connection between score matching and denoising autoencoders",
                                            "Neural Computation 2011.")
    assert [it.parsed.date for it in plist._items][-5:] == [
        "30 Jun 2022", "17 June 2022", "6 Dec 2021", "6 Dec 2021", "1 Dec 2021"]
    assert plist.to_text() == DIFFUSION
    on_list = Paper(arxiv_id="2208.08664", title="Enhancing Diffusion-Based Image Synthesis with Robust Classifier "
                    "Guidance")
    with pytest.raises(PaperbotError, match="already on the list in Papers > Vision > Image Generation"):
        plist.with_entry(on_list, plist.find_section("Segmentation"))


def test_a_paragraph_entry_is_written_as_a_paragraph_in_date_order_and_reads_back() -> None:
    """A new paper in a section of paragraphs, newest first by their `18 Aug 2022` lines, is a paragraph of the
    same four lines, its own date in their form (the day it came out where the paper says it, `17 Aug 2022`; its
    id's month where not, `May 2023`), in its place by date, one blank line on either side, every other byte
    unchanged; it reads back as the paper."""
    plist = parse_list(DIFFUSION)
    after = plist.with_entry(DPO, plist.find_section("Image Generation"))
    written = (
        "**Direct Preference Optimization: Your Language Model is Secretly a Reward Model** \\\n"
        "*Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, Christopher D. Manning, Chelsea Finn* \\\n"
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2305.18290)] \\\n"
        "May 2023\n"
    )
    heading = "### Image Generation\n\n"
    assert after.text == DIFFUSION.replace(heading, heading + written + "\n", 1)
    new = next(e for e in after.entries if e.arxiv_id == "2305.18290")
    assert (new.title, new.authors, new.venue, new.section_id, new.line) == (
        DPO.title, ", ".join(DPO.authors), "arXiv 2023.", "papers/vision/image-generation", 39)
    # a paper of a day between two entries' goes between them, its day written as theirs (no leading zero)
    mid = Paper(arxiv_id="2208.07900", title="A Diffusion Paper of the Seventeenth", authors=("Jane Doe",),
                published="2022-08-17")
    between = plist.with_entry(mid, plist.find_section("Image Generation"))
    assert "18 Aug 2022\n\n**A Diffusion Paper of the Seventeenth** \\\n*Jane Doe* \\\n" \
           "arXiv 2022. [[Paper](https://arxiv.org/abs/2208.07900)] \\\n17 Aug 2022\n\n**Your ViT" in between.text
    # at the end of a section that ends in two blank lines: one blank line before it, the two after stay
    old = Paper(arxiv_id="2111.00001", title="An Older Segmentation Paper", authors=("Jane Doe", "John Roe"),
                published="2021-11-03")
    last = plist.with_entry(old, plist.find_section("Segmentation"))
    assert last.text.endswith(
        "1 Dec 2021\n\n**An Older Segmentation Paper** \\\n*Jane Doe, John Roe* \\\n"
        "arXiv 2021. [[Paper](https://arxiv.org/abs/2111.00001)] \\\n3 Nov 2021\n\n\n")
    assert [len(p.entries) for p in (plist, after, between, last)] == [13, 14, 14, 14]


def test_a_paragraph_entry_in_a_section_without_entries_and_without_authors() -> None:
    """Introductory Posts holds a post, no paper: a paper added there goes after the post, a blank line on either
    side, in the list's shape and date form; without authors the names' line is left out, its break with it."""
    plist = parse_list(DIFFUSION)
    after = plist.with_entry(DPO, plist.find_section("Introductory Posts"))
    assert "06 Jun 2022\n\n**Direct Preference Optimization: Your Language Model is Secretly a Reward Model** \\\n" \
           "*Rafael Rafailov" in after.text
    assert "[[Paper](https://arxiv.org/abs/2305.18290)] \\\nMay 2023\n\n## Introductory Papers\n" in after.text
    nameless = dataclasses.replace(DPO, authors=())
    heading = "### Image Generation\n\n"
    assert plist.with_entry(nameless, plist.find_section("Image Generation")).text == DIFFUSION.replace(heading, (
        heading + "**Direct Preference Optimization: Your Language Model is Secretly a Reward Model** \\\n"
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2305.18290)] \\\nMay 2023\n\n"), 1)


def test_only_a_paragraph_that_starts_with_its_title_and_links_a_paper_is_an_entry() -> None:
    """Running text with a link, a bold label with a note, a post with only `[[Website](url)]`: no entries, so a
    list of nothing else is still refused, with the message as before."""
    text = (
        "# Awesome Things\n\n## Posts\n\n"
        "**The recent rise of diffusion-based models** \\\n*Maciej Domagała* \\\n"
        "[[Website](https://maciejdomagala.github.io/generative_models/2022/06/06/x.html)] \\\n06 Jun 2022\n\n"
        "See [our survey](https://arxiv.org/abs/2209.00796) for more.\n\n"
        "**Summary**: The paper proposes a Neurosymbolic AI (NesyAI) approach.\n\n"
        # Meirtz/Awesome-LLM-Model-Editing's summaries, here with a link: a label over a note, no title
        "**Summary**: The paper challenges the Superficial Alignment Hypothesis "
        "([paper](https://arxiv.org/pdf/2410.03717)).\n\n**Note:** see [the paper](https://arxiv.org/abs/2410.03726)\n"
    )
    with pytest.raises(PaperbotError, match=r":3: not a paper list: 1 sections but no bullet links to a work"):
        parse_list(text)


# zhilizju/Awesome-instruction-tuning@06aa0ddda90107f657a669535ca6b72539871b71, verbatim (one table trimmed): papers
# as `[**Title**](url) 2021.9` paragraphs, one blank line holding spaces.
INSTRUCTION_TUNING = (
    "# Awesome-instruction-tuning\nA curated list of open-source instruction tuning datasets, models and papers.\n"
    "## Datasets and Models\n\n"
    "|Release| Datasets|  Number of Tasks | Number of Instances | Model_name | Base | Model_Size| \n"
    "|  ----  | ----  | ----  | ----  | ----  | ----  | ----  | \n"
    "| 202005 | UnifiedQA |46 | 750k | UnifiedQA | RoBerta | 110-340 M |\n"
    "| 202204 | [Super-Natural Inst.](https://github.com/allenai/natural-instructions) |1613 | 5M | Tk-Instruct | "
    "T5-LM, mT5 | 17-13B |\n\n\n\n"
    "## Papers\n\n"
    "[**Finetuned language models are zero-shot learners**](https://arxiv.org/abs/2109.01652) 2021.9\n\n"
    "[**Multitask Prompted Training Enables Zero-Shot Task Generalization**](https://arxiv.org/abs/2110.08207) "
    "2021.10\n\n"
    "[**Training language models to follow instructions with human feedback**](https://arxiv.org/abs/2203.02155) "
    "2022.3\n     \n"
    "[**Super-NaturalInstructions: Generalization via Declarative Instructions on 1600+ NLP Tasks**]"
    "(https://arxiv.org/abs/2204.07705) 2022.4\n"
)


def test_a_list_of_linked_title_paragraphs_is_read_and_written() -> None:
    """zhilizju/Awesome-instruction-tuning: `[**Title**](url) 2021.9` paragraphs are entries, the month theirs and no
    venue; the dataset table holds none. A new paper goes in arXiv-id order (here last) as such a paragraph, its
    month written as theirs, after one blank line; before, the list was refused."""
    plist = parse_list(INSTRUCTION_TUNING)
    assert [(" > ".join(s.path), len(s.entries)) for s in plist.sections] == [
        ("Datasets and Models", 0), ("Papers", 4)]
    e = plist.entries[1]
    assert (e.title, e.arxiv_id, e.venue, e.authors, plist._items[1].parsed.date) == (
        "Multitask Prompted Training Enables Zero-Shot Task Generalization", "2110.08207", "", "", "2021.10")
    after = plist.with_entry(DPO, plist.find_section("Papers"))
    assert after.text == INSTRUCTION_TUNING + (
        "\n[**Direct Preference Optimization: Your Language Model is Secretly a Reward Model**]"
        "(https://arxiv.org/abs/2305.18290) 2023.5\n")
    assert [x.arxiv_id for x in after.entries] == ["2109.01652", "2110.08207", "2203.02155", "2204.07705", "2305.18290"]


def test_a_section_without_entries_of_its_own_writes_the_date_as_the_list_does() -> None:
    """JayCheng113/awesome-gameagent-papers dates every paper (`- [2024/02] **Title** *Venue* [[paper](url)]`): a paper
    added to `2. Core Capabilities`, whose papers are all in its sub-sections, or to an empty section gets its month
    in their form, where before the shape was theirs but the date left out."""
    text = (
        "# Awesome Game Agent Papers [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
        "## 1. Surveys\n\n"
        "- [2024/03] **A Survey on Game Playing Agents and Large Models: Methods, Applications, and Challenges** "
        "*arXiv* [[paper](https://arxiv.org/abs/2403.10249)] `#survey`\n"
        "- [2024/04] **A Survey on Large Language Model-Based Game Agents** *ACM CSUR* "
        "[[paper](https://arxiv.org/abs/2404.02039)] `#survey`\n\n"
        "## 2. Core Capabilities\n\n### 2.1 Perception & World Modeling\n\n"
        "- [2024/02] **Genie: Generative Interactive Environments** *ICML 2024* [[paper](https://arxiv.org/abs/2402.15391)]"
        " `#world-model` `#generation`\n"
        "- [2024/08] **Diffusion Models Are Real-Time Game Engines** *arXiv* "
        "[[paper](https://arxiv.org/abs/2408.14837)] `#world-model`\n\n"
        "## 3. Environments\n"
    )
    plist = parse_list(text)
    for section in ("2. Core Capabilities", "3. Environments"):
        (line,) = [ln for ln in inserted_lines(plist.lines, plist.with_entry(PAPER, plist.find_section(section)).lines)
                   if ln.strip()]
        assert line.startswith(f"- [2025/03] **{PAPER.title}** *arXiv"), (section, line)


def test_an_arxiv_address_in_a_google_scholar_search_does_not_put_the_paper_on_the_list() -> None:
    """sunyinggang/LLM-Agent-Security-Survey links papers by Google Scholar searches: a search whose query is an
    arXiv address (`scholar?q=arxiv.org/abs/2402.16965`) gives its entry no identity, and now does not put that
    paper on the list either, where before the id in the query counted as written in the section. An arXiv link
    of its own still does."""
    text = (
        "# LLM Agent Security Survey\n\n### External Interaction Attacks\n\n"
        "- EIA: ENVIRONMENTAL INJECTION ATTACK ON GENERALIST WEB AGENTS FOR PRIVACY LEAKAGE **[ICLR 2025]** "
        "[[Paper](https://scholar.google.com/scholar?q=arxiv.org/abs/2409.11295)]\n"
        "- Wipi: A new web threat for llm-driven web agents **[arXiv 2024]** "
        "[[Paper](https://scholar.google.co.uk/scholar?q=https://arxiv.org/abs/2402.16965)]\n\n"
        "| Attack | Paper |\n| --- | --- |\n| AdvAgent | https://arxiv.org/abs/2402.01920 |\n"
    )
    plist = parse_list(text)
    assert [e.arxiv_id for e in plist.entries] == [None, None]
    assert plist.mentioned_ids == {"2402.01920": "external-interaction-attacks"}
    for arxiv_id in ("2409.11295", "2402.16965"):
        assert not plist.contains(Paper(arxiv_id=arxiv_id, title="Another Title Entirely")), arxiv_id
    assert plist.contains(Paper(arxiv_id="2402.01920", title="AdvAgent"))


def test_no_paper_is_written_into_a_news_section_even_one_without_bullets() -> None:
    """Xnhyacinth/Awesome-LLM-Long-Context-Modeling's `# 📢 News` holds sub-headings, a bold date label and a fold:
    no bullets of its own to tell a table of contents or changelog by, and its entries are none (news). Adding a
    paper there says so, where before the writer put it in and said it "did not read back"."""
    text = (
        "# Large Language Model Based Long Context Modeling Papers and Blogs \n\n"
        "# 📢 News\n\n## Week Papers\n\n- **[2025.02.07]**\n"
        "    - Paper: [CAKE: Cascading and Adaptive KV Cache Eviction with Layer Preferences]"
        "(https://openreview.net/forum?id=EQgEMAD4kv) ICLR 2025\n"
        "    - Paper: [AttentionPredictor: Temporal Pattern Matters for Efficient LLM Inference]"
        "(https://arxiv.org/abs/2502.04077)\n\n"
        "# 📜 Papers\n\n## 2. Efficient Attention\n\n"
        "- [Efficient Attention: Attention with Linear Complexities](https://arxiv.org/abs/1812.01243)\n"
    )
    plist = parse_list(text)
    for name in ("News", "Week Papers"):
        section = plist.find_section(name)
        assert plist.is_aside(section)
        with pytest.raises(PaperbotError, match=r"is the list's news or changelog or about the list .*; nothing added"):
            plist.with_entry(PAPER, section)
    assert not plist.is_aside(plist.find_section("Efficient Attention"))


def test_a_heading_about_contributing_to_the_list_holds_no_papers() -> None:
    """Tebmer/Awesome-Knowledge-Distillation-of-LLMs's `## Contributing to This Collection` asks for issues and
    pull requests: no paper goes there, as under a bare `## Contributing`, where before `add` wrote one into it.
    Other ways of saying so count too; a section whose topic is a contribution ("Contributions of Synthetic Data")
    still holds papers."""
    text = (
        "# Awesome Knowledge Distillation of LLM Papers\n\n"
        "## Contributing to This Collection\n\n"
        "Feel free to **open an issue/PR** or e-mail [shawnxxh@gmail.com](mailto:shawnxxh@gmail.com) if you find any "
        "missing taxonomies or papers. We will keep updating this collection and survey.\n\n"
        "## KD Algorithms\n### Knowledge Elicitation\n#### Labeling\n"
        "|  Title  |   Venue  |   Date   | Code | Data|\n|:--------|:--------:|:--------:|:--------:|:--------:|\n"
        "| [**Evidence-Focused Fact Summarization for Knowledge-Augmented Zero-Shot Question Answering**]"
        "(https://arxiv.org/pdf/2403.02966.pdf) | arXiv | 2024-03 |\n"
    )
    plist = parse_list(text)
    section = plist.find_section("Contributing to This Collection")
    assert plist.is_aside(section)
    with pytest.raises(PaperbotError, match=r"is the list's news or changelog or about the list .*; nothing added"):
        plist.with_entry(PAPER, section)
    assert not plist.is_aside(plist.find_section("Labeling"))
    for heading, aside in (("How to Contribute", True), ("🤝 Contribution Guidelines", True),
                           ("Contributing Guidelines", True), ("Contribute", True), ("Contributions Welcome!", True),
                           ("How to Add a Paper", True), ("Contributing to the Awesome List", True),
                           ("Contributions of Synthetic Data", False), ("Contributing Factors", False),
                           ("Contributing to the Field", False), ("Contrastive Learning", False),
                           ("How to Contribute Data to LLM Training", False)):
        other = parse_list(f"# A List\n\n## {heading}\n\n- [A Paper](https://arxiv.org/abs/2403.02966)\n\n"
                           "## Labeling\n\n- [Another Paper](https://arxiv.org/abs/2402.15000)\n")
        assert other.is_aside(other.find_section(heading)) is aside, heading


def test_a_section_of_fewer_than_four_entries_keeps_the_order_the_lists_sorted_sections_keep() -> None:
    """Three entries of 2024, 2023 and 2022 are too few to say an order of their own, so a 2025 paper went
    below the 2022 one; where the list's larger sections are sorted newest first, it now goes on top (and
    into a one-entry section above its 2024 entry). A small section out of that order still gets it last."""
    text = (  # AIoT-MLSys-Lab/Efficient-LLMs-Survey README.md
        "#### Quantization\n##### Post-Training Quantization\n###### Weight-Only Quantization\n"
        "- IntactKV: Improving Large Language Model Quantization by Keeping Pivot Tokens Intact, "
        "<ins>arXiv, 2024</ins> [[Paper](https://arxiv.org/abs/2403.01241)] \n"
        "- OneBit: Towards Extremely Low-bit Large Language Models, <ins>arXiv, 2024</ins> "
        "[[Paper](https://arxiv.org/abs/2402.11295)]\n"
        "- GPTQ: Accurate Quantization for Generative Pre-trained Transformers, <ins>ICLR, 2023</ins> "
        "[[Paper](https://openreview.net/forum?id=tcbBPnfwxS)] [[Code](https://github.com/IST-DASLab/gptq)]\n"
        "- LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale, <ins>NeurlPS, 2022</ins> "
        "[[Paper](https://openreview.net/forum?id=dXiGWqBoxaD)] [[Code](https://github.com/TimDettmers/bitsandbytes)]\n"
        "\n###### Evaluation of Post-Training Quantization\n"
        " - Evaluating Quantized Large Language Models, <ins>arXiv, 2024</ins> [[Paper](https://arxiv.org/abs/2402.18158)]\n"
        "##### Quantization-Aware Training\n"
        "- The Era of 1-bit LLMs: All Large Language Models are in 1.58 Bits, <ins>arXiv, 2024</ins> "
        "[[Paper](https://arxiv.org/abs/2402.17764)]\n"
        "- FP8-LM: Training FP8 Large Language Models, <ins>arXiv, 2023</ins> [[Paper](https://arxiv.org/abs/2310.18313)]\n"
        "- Compression of Generative Pre-trained Language Models via Quantization, <ins>ACL, 2022</ins> "
        "[[Paper](https://aclanthology.org/2022.acl-long.331.pdf)]\n"
    )
    new = ("- ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach, "
           "<ins>arXiv, 2025</ins> [[Paper](https://arxiv.org/abs/2503.17460)]\n")
    after, lines = added(text, "Quantization-Aware Training")
    assert lines == [new]
    assert after.lines[after.lines.index(new) + 1].startswith("- The Era of 1-bit LLMs")
    after, lines = added(text, "Evaluation of Post-Training Quantization")
    assert after.lines[after.lines.index(lines[0]) + 1].startswith(" - Evaluating Quantized")
    unsorted = text.replace("<ins>ACL, 2022</ins>", "<ins>ACL, 2025</ins>")
    after, _ = added(unsorted, "Quantization-Aware Training")
    assert after.lines[-1] == new


def test_et_al_comes_after_as_many_names_as_the_neighbours_write_before_it() -> None:
    """Neighbours write five to seven names and then `. et al.`: a three-author paper was `*Weijie Lv et al.*`
    (two of three names dropped) and is now written in full; a longer one gets the first five names so."""
    text = (  # huybery/Awesome-Code-LLM README.md
        "## 📚 Paper\n\n### ▶️ Pre-Training\n\n"
        "1. **Evaluating Large Language Models Trained on Code** `Preprint`\n  \n"
        "    [2021.07][[Paper](https://arxiv.org/abs/2107.03374)] *Mark Chen, Jerry Tworek, Heewoo Jun, Qiming Yuan, "
        "Henrique Ponde de Oliveira Pinto. et al.*\n\n"
        "2. **CodeGen: An Open Large Language Model for Code with Multi-Turn Program Synthesis** `ICLR23`\n  \n"
        "    [2022.03][[Paper](https://arxiv.org/abs/2203.13474)] *Erik Nijkamp, Bo Pang, Hiroaki Hayashi, Lifu Tu, "
        "Huan Wang, Yingbo Zhou, Silvio Savarese, Caiming Xiong*\n\n"
        "3. **SantaCoder: don't reach for the stars!** `Preprint`\n  \n"
        "    [2023.01][[Paper](https://arxiv.org/abs/2301.03988)] *Loubna Ben Allal, Raymond Li, Denis Kocetkov, "
        "Chenghao Mou, Christopher Akiki, Carlos Munoz Ferrandis, Niklas Muennighoff. et al.*\n\n"
    )
    _, lines = added(text, "Pre-Training")
    assert lines[-2] == ("    [2025.03][[Paper](https://arxiv.org/abs/2503.17460)] "
                         "*Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik*\n")
    seven = dataclasses.replace(PAPER, authors=("A One", "B Two", "C Three", "D Four", "E Five", "F Six", "G Seven"))
    lines = added_line(text, "Pre-Training", seven)
    assert lines[-2].endswith("] *A One, B Two, C Three, D Four, E Five. et al.*\n")


def test_a_new_row_of_a_table_not_aligned_as_a_whole_pads_only_the_columns_most_rows_pad() -> None:
    """The rows pad their titles to one width, the header to another: the new row copied the gaps of the row
    it was modelled on, so a longer title got that row's 39 spaces after it and its venue `CIKM 2024`'s 8."""
    text = (  # zhengxuJosh/Awesome-RAG-Vision README.md, the link cells cut short
        "#### 1.2 (Long) Video Understanding\n"
        "| Title" + " " * 93 + "| Authors         | Venue/Date        | Paper Link |\n"
        "|" + "-" * 99 + "|------------------|-------------------|------------|\n"
        "| Streaming Video Understanding and Multi-round Interaction with Memory-enhanced Knowledge          | "
        "Xiong *et al.*   | ICLR 2025        | [paper](https://arxiv.org/abs/2501.13468) |\n"
        "| Temporal Preference Optimization for Long-Form Video Understanding                                | "
        "Li *et al.*      | Arxiv 2025 (Jan) | [paper](https://arxiv.org/abs/2501.13919) |\n"
        "| Goldfish: Vision-Language Understanding of Arbitrarily Long Videos                               | "
        "Ataallah *et al.*| Arxiv 2024 (Jul) | [paper](https://arxiv.org/abs/2407.12679) |\n"
        "| iRAG: Advancing RAG for Videos with an Incremental Approach                                       | "
        "Arefeen *et al.* | CIKM 2024        | [paper](https://dl.acm.org/doi/pdf/10.1145/3627673.3680088) |\n"
    )
    _, lines = added(text, "1.2 (Long) Video Understanding")
    assert lines == ["| ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach"
                     + " " * 17 + "| Gody *et al.* | Arxiv 2025 (Mar) | [paper](https://arxiv.org/abs/2503.17460) |\n"]


AGENTS = LISTS / "js-lee-AI-awesome-llm-agent-papers-README-excerpt.md"


def test_a_hand_picked_short_list_is_no_place_for_a_paper() -> None:
    """js-lee-AI/awesome-llm-agent-papers heads its topics with `## ⭐ Starter Kit` and `## 🔥 10 to Watch (2026)`,
    tables of papers the topic sections list too: a maintainer picks those by hand, so the bot adds nothing there
    (before, a paper went into the Starter Kit's table like any section's). `sections --json` says so in a key
    only such a section carries."""
    plist = read_list(AGENTS)
    assert plist.curated == {
        "starter-kit": "its papers are listed in other sections too (8 of 10)",
        "10-to-watch-2026": "its papers are listed in other sections too (2 of 3)",
    }
    for name in ("Starter Kit", "10 to Watch (2026)"):
        said = r"is a hand-picked short list \(its papers are listed in other sections too \(\d+ of \d+\)\), where no "
        with pytest.raises(PaperbotError, match=said + "paper is added; nothing added"):
            plist.with_entry(PAPER, plist.find_section(name))
    topic = plist.find_section("Surveys & Position Papers (39)")
    assert not plist.is_curated(topic) and plist.with_entry(PAPER, topic).contains(PAPER)
    marked = [s["id"] for s in plist.sections_json()["sections"] if "curated" in s]
    assert marked == ["starter-kit", "10-to-watch-2026"]
    assert "⭐ Starter Kit  [10]  (hand-picked: no paper is added here)" in plist.tree_lines()
    # the same table under a heading that does not say so is a topic that shares papers with one other section
    plain = parse_list(plist.to_text().replace("## ⭐ Starter Kit", "## Where to Begin"))
    assert list(plain.curated) == ["10-to-watch-2026"]


def test_sections_whose_papers_other_sections_list_too_stay_places_unless_their_heading_picks_them() -> None:
    """The seed list files papers under two topics (`6.7 Writing`: 3 of its 4 are in other sections, `4.6. LLM
    Benchmarking`: its one): no short list, every section stays a place. A section of papers from three topics is
    one under a heading that says so (`Must-read Papers`), not under another (`Where to Start`), and the topics it
    draws on stay places either way."""
    for path in (SEED, OLD, WASI, RAM, REPO / "data" / "lists" / "llm-synthetic-data.md"):
        assert read_list(path).curated == {}, path
    seed = read_list(SEED)
    picks = [("6.3 Agent and Tool Use", 0), ("6.2 Code Generation", 0), ("6.7 Writing", 1)]
    lines = "".join(seed.lines[seed.find_section(name).entries[k].line] for name, k in picks)
    at = seed.to_text().index("## **1. Githubs**")
    for heading, curated in (("Must-read Papers", True), ("Where to Start", False)):
        plist = parse_list(f"{seed.to_text()[:at]}## **{heading}**\n\n{lines}\n{seed.to_text()[at:]}")
        sid = plist.find_section(heading).id
        assert plist.curated == ({sid: "its papers are listed in other sections too (3 of 3)"} if curated else {})
        assert (sid in {s.id for s in candidate_sections(plist)}) is not curated


def test_a_small_section_on_a_list_without_larger_ones_keeps_its_own_date_order() -> None:
    """hee9joon/Awesome-Diffusion-Models cut after Image Generation's third paper (as /tmp/realists2 keeps it): three
    papers of 18, 16 and 15 Aug 2022, and no section of the list has four. A new paper went below the 15 Aug one, at
    the end; it now goes where their own order puts it, a 2023 paper on top and one of 17 Aug between the 18th and
    the 16th. Entries out of order still get it last, and so do two (Introductory Papers, of 2011 and 2022), which
    are in one order or the other whatever the list keeps."""
    text = DIFFUSION[: DIFFUSION.index("**Analog Bits")]
    plist = parse_list(text)
    heading = "### Image Generation\n\n"
    after = plist.with_entry(DPO, plist.find_section("Image Generation"))
    assert after.text.startswith(text[: text.index(heading) + len(heading)] + "**Direct Preference Optimization")
    mid = Paper(arxiv_id="2208.07900", title="A Diffusion Paper of the Seventeenth", authors=("Jane Doe",),
                published="2022-08-17")
    between = plist.with_entry(mid, plist.find_section("Image Generation"))
    assert "18 Aug 2022\n\n**A Diffusion Paper of the Seventeenth** \\\n*Jane Doe* \\\n" \
           "arXiv 2022. [[Paper](https://arxiv.org/abs/2208.07900)] \\\n17 Aug 2022\n\n**Your ViT" in between.text
    old = Paper(arxiv_id="1006.00001", title="An Older Paper on Score Matching", authors=("Jane Doe",),
                published="2010-06-01")
    last = plist.with_entry(old, plist.find_section("Introductory Papers"))
    assert "25 Aug 2022\n\n**An Older Paper on Score Matching**" in last.text
    # the three out of their order (18, 15, 16 Aug): nothing to follow, so at the end as before
    blocks = text.split("\n\n**")
    shuffled = parse_list("\n\n**".join([*blocks[:-2], blocks[-1].rstrip("\n"), blocks[-2] + "\n"]))
    assert [e.arxiv_id for e in shuffled.find_section("Image Generation").entries] == [
        "2208.08664", "2208.07131", "2208.07791"]
    assert shuffled.with_entry(DPO, shuffled.find_section("Image Generation")).text.endswith("May 2023\n")


def test_a_feed_paper_is_dated_by_its_first_version_not_by_the_day_a_feed_announced_it() -> None:
    """arXiv announced 2503.22516 on 2 April 2025 (a real feed); a list dates a paper by its first version, which
    its id puts in March. An entry of Awesome-Diffusion-Models (`18 Aug 2022` under each) said `2 Apr 2025`, a day
    it was not submitted on, in a month it was not either; with nothing else known it now says `Mar 2025`, the
    first version's day where the API gives it (`28 Mar 2025`, a date written for this test), and a feed's day
    still where it falls in the id's month; so too in a table of days (`2025-03-07`). The month forms (`[2025/03]`,
    `2024-02`, `2021.9`) said the id's month already."""
    from bot.feeds import read_feeds

    (paper,) = read_feeds([str(FIXTURES / "arxiv_rss" / "2025-04-02-2503.22516.xml")]).papers
    assert (paper.arxiv_id, paper.announced, paper.published) == ("2503.22516", "2025-04-02", None)
    plist = parse_list(DIFFUSION)
    section = plist.find_section("Image Generation")

    def date_line(p: Paper) -> str:
        after = plist.with_entry(p, section)
        new = next(e for e in after.entries if e.arxiv_id == p.arxiv_id)
        return after.lines[new.end_line - 1]

    assert date_line(paper) == "Mar 2025\n"
    assert date_line(dataclasses.replace(paper, published="2025-03-28")) == "28 Mar 2025\n"
    assert date_line(dataclasses.replace(paper, arxiv_id="2504.00001", announced="2025-04-02")) == "2 Apr 2025\n"
    days = parse_list(  # BradyFU/Awesome-Multimodal-Large-Language-Models: its rows write the day
        "## Multimodal Instruction Tuning\n|  Title  |   Venue  |   Date   |   Code   |   Demo   |\n"
        "|:--------|:--------:|:--------:|:--------:|:--------:|\n"
        "| [**Nexus-O: An Omni-Perceptive And -Interactive Model for Language, Audio, And Vision**]"
        "(https://arxiv.org/pdf/2503.01879) | arXiv | 2025-03-07 | - | - |\n"
        "| [**Phi-4-Mini Technical Report: Compact yet Powerful Multimodal Language Models via Mixture-of-LoRAs**]"
        "(https://arxiv.org/pdf/2503.01743) | arXiv | 2025-03-03 | [Hugging Face](https://huggingface.co/microsoft/"
        "Phi-4-multimodal-instruct) | [Demo](https://huggingface.co/spaces/microsoft/phi-4-multimodal) | \n"
    )
    section = days.find_section("Multimodal Instruction Tuning")
    for p, date in ((paper, "2025-03"), (dataclasses.replace(paper, published="2025-03-28"), "2025-03-28")):
        row = next(line for line in days.with_entry(p, section).lines if "2503.22516" in line)
        assert f"| arXiv | {date} |" in row  # not 2025-04-02; no day made up where none is known


# opendilab/awesome-RLHF README.md: its table of contents, Papers with its format block, and the first entries of
# its year sections (verbatim lines; the sections trimmed to two entries)
RLHF = (
    "## Table of Contents\n\n"
    "- [Awesome RLHF (RL with Human Feedback)](#awesome-rlhf-rl-with-human-feedback)\n"
    "  - [Table of Contents](#table-of-contents)\n"
    "  - [Overview of RLHF](#overview-of-rlhf)\n"
    "    - [Detailed Explanation](#detailed-explanation)\n"
    "  - [Papers](#papers)\n"
    "    - [2024](#2024)\n"
    "    - [2023](#2023)\n"
    "    - [2022](#2022)\n"
    "    - [2021](#2021)\n"
    "    - [2020 and before](#2020-and-before)\n"
    "  - [Codebases](#codebases)\n"
    "  - [Dataset](#dataset)\n\n"
    "## Papers\n\n"
    "```\nformat:\n- [title](paper link) [links]\n  - author1, author2, and author3...\n  - publisher\n"
    "  - keyword\n  - code\n  - experiment environments and datasets\n```\n\n"
    "### 2024\n"
    "- [On Diversified Preferences of Large Language Model Alignment](https://arxiv.org/pdf/2312.07401.pdf)\n"
    "  - Dun Zeng, Yong Dai, Pengyu Cheng, Tianhao Hu, Wanshun Chen, Nan Du, Zenglin Xu\n"
    "  - Keyword: Aligning, LLM, Reward modeling on diversified preference\n"
    "  - Code: [official](https://github.com/dunzeng/MORE)\n\n"
    "- [Aligning Crowd Feedback via Distributional Preference Reward Modeling](https://arxiv.org/pdf/2402.09764.pdf)\n"
    "  - Dexun Li, Cong Zhang, Kuicai Dong, Derrick Goh Xin Deik, Ruiming Tang, Yong Liu\n"
    "  - Keyword: RLHF, Preference distribution, Aligning, LLM\n\n"
    "### 2023\n"
    "- [Adversarial Preference Optimization](https://arxiv.org/abs/2311.08045)\n"
    "  - Pengyu Cheng, Yifan Yang, Jian Li, Yong Dai, Nan Du\n"
    "  - Keyword: RLHF, GAN, Adversarial Games\n"
    "  - Code: [Official](https://github.com/Linear95/APO)\n\n"
    "- [Iterative Preference Learning from Human Feedback: Bridging Theory and Practice for RLHF under "
    "KL-Constraint](https://arxiv.org/abs/2312.11456)\n"
    "  - Wei Xiong, Hanze Dong, Chenlu Ye, Ziqi Wang, Han Zhong, Heng Ji, Nan Jiang, Tong Zhang\n"
    "  - Keyword: RLHF, Iterative DPO, Mathematical foundation\n"
)
AGENTIC_RL = Paper(arxiv_id="2509.02547", title="The Landscape of Agentic Reinforcement Learning for LLMs: A Survey",
                   authors=("Guibin Zhang", "Hejia Geng", "Xiaohang Yu"))


def in_its_year(plist: PaperList, paper: Paper, chosen: str = "Papers > 2024") -> PaperList:
    """The list with `paper` where a run writes it after the model chose `chosen`: its year's section."""
    section = plist.year_section(paper, plist.find_section(chosen))
    assert section is not None
    plist = plist.with_year_section(section.path)
    return plist.with_entry(paper, plist.find_section(" > ".join(section.path)))


def test_a_paper_newer_than_every_year_of_a_list_kept_by_year_gets_its_year_heading_and_contents_line() -> None:
    """A 2025 paper went under `### 2024`, the newest year: a maintainer adds `### 2025` above it, as its siblings
    are written, and links it in the table of contents where the years are linked."""
    plist = parse_list(RLHF)
    section = plist.year_section(AGENTIC_RL, plist.find_section("Papers > 2024"))
    assert section is not None and (section.path, section.id) == (("Papers", "2025"), "papers/2025")
    updated = in_its_year(plist, AGENTIC_RL)
    assert changed_ranges(plist.lines, updated.lines) == [("insert", 7, 7, 7, 8), ("insert", 27, 27, 28, 32)]
    assert updated.lines[6:9] == ["  - [Papers](#papers)\n", "    - [2025](#2025)\n", "    - [2024](#2024)\n"]
    assert "".join(updated.lines[27:33]) == (
        "\n### 2025\n"
        "- [The Landscape of Agentic Reinforcement Learning for LLMs: A Survey](https://arxiv.org/pdf/2509.02547.pdf)\n"
        "  - Guibin Zhang, Hejia Geng, Xiaohang Yu\n\n"
        "### 2024\n")
    assert [s["path"] for s in updated.sections_json()["sections"]][-3:] == [
        ["Papers", "2025"], ["Papers", "2024"], ["Papers", "2023"]]
    assert updated.find_section("Papers > 2025").entries[0].arxiv_id == "2509.02547"


def test_a_second_paper_of_the_new_year_goes_under_the_same_heading_spaced_as_the_years_are() -> None:
    """Two papers of 2025 in one run, or the next day's added to the open pull request: one `### 2025`, both under
    it, a blank line between them as between the 2024 papers."""
    plist = in_its_year(parse_list(RLHF), AGENTIC_RL)
    second = Paper(arxiv_id="2501.12948", title="DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via "
                   "Reinforcement Learning", authors=("DeepSeek-AI",))
    assert plist.year_section(second, plist.find_section("Papers > 2024")) == plist.find_section("Papers > 2025")
    assert plist.with_year_section(("Papers", "2025")) is plist
    updated = in_its_year(plist, second)
    assert [line for line in updated.lines if line.startswith(("### ", "    - [2025"))] == [
        "    - [2025](#2025)\n", "### 2025\n", "### 2024\n", "### 2023\n"]
    n = updated.lines.index("### 2025\n")
    assert updated.lines[n + 3: n + 7] == [
        "\n", "- [DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning]"
        "(https://arxiv.org/pdf/2501.12948.pdf)\n", "  - DeepSeek-AI\n", "\n"]


def test_the_year_heading_added_is_the_papers_own_and_papers_of_a_year_there_keep_it() -> None:
    """A 2026 paper on a list whose newest year is 2024 gets `### 2026`, not `### 2025`; a paper of a year the list
    has goes there; a section not named by a year is left where it was put."""
    plist = parse_list(RLHF)
    newer = dataclasses.replace(AGENTIC_RL, arxiv_id="2601.00123")
    assert plist.year_section(newer, plist.find_section("Papers > 2023")).path == ("Papers", "2026")
    assert "### 2026\n" in in_its_year(plist, newer).lines
    of_2023 = dataclasses.replace(AGENTIC_RL, arxiv_id="2310.00123")
    assert plist.year_section(of_2023, plist.find_section("Papers > 2024")) == plist.find_section("Papers > 2023")
    assert plist.year_section(AGENTIC_RL, plist.find_section("Papers")) is None
    with pytest.raises(PaperbotError, match="no section 'Table of Contents > 2025'"):
        plist.with_year_section(("Table of Contents", "2025"))  # under no heading of years


# opendilab/awesome-RLHF README.md: its `### 2022`, `### 2021` and `### 2020 and before`, the first two papers of each
# (verbatim lines, the entries' datasets cut), and the heading after them
RLHF_OLDER_YEARS = (
    "### 2022\n\n"
    "- [Is Reinforcement Learning (Not) for Natural Language Processing?: Benchmarks, Baselines, and Building Blocks "
    "for Natural Language Policy Optimization](https://arxiv.org/abs/2210.01241) (NLPO)\n"
    "  - Rajkumar Ramamurthy, Prithviraj Ammanabrolu, Kianté,Brantley, Jack Hessel, Rafet Sifa, Christian Bauckhage, "
    "Hannaneh Hajishirzi, Yejin Choi\n"
    "  - Keyword: Optimizing language generators with RL, Benchmark,  Performant RL algorithm\n"
    "  - Code: [official](https://github.com/allenai/RL4LMs)\n"
    "- [Scaling Laws for Reward Model Overoptimization](https://arxiv.org/abs/2210.10760)\n"
    "  - Leo Gao, John Schulman, Jacob Hilton\n"
    "  - Keyword: Gold reward model train proxy reward model, Dataset size, Policy parameter size, BoN, PPO\n\n"
    "### 2021\n"
    "- [WebGPT: Browser-assisted question-answering with human feedback](https://arxiv.org/abs/2112.09332) (WebGPT)\n"
    "  - Reiichiro Nakano, Jacob Hilton, Suchir Balaji, et al.\n"
    "- [Recursively Summarizing Books with Human Feedback](https://arxiv.org/abs/2109.10862)\n"
    "  - Jeff Wu, Long Ouyang, Daniel M. Ziegler, Nisan Stiennon, Ryan Lowe, Jan Leike, Paul Christiano\n\n"
    "### 2020 and before\n\n"
    "- [Learning to summarize from human feedback](https://arxiv.org/abs/2009.01325)\n"
    "  - Nisan Stiennon, Long Ouyang, Jeff Wu, Daniel M. Ziegler, Ryan Lowe, Chelsea Voss, Alec Radford, "
    "Dario Amodei, Paul Christiano\n"
    "- [Fine-Tuning Language Models from Human Preferences](https://arxiv.org/abs/1909.08593)\n"
    "  - Daniel M. Ziegler, Nisan Stiennon, Jeffrey Wu, Tom B. Brown, Alec Radford, Dario Amodei, Paul Christiano, "
    "Geoffrey Irving\n\n"
    "## Codebases\n"
)
RLHF_ALL_YEARS = f"{RLHF}\n{RLHF_OLDER_YEARS}"


def without_year(text: str, name: str) -> str:
    """The list without one year's section and its line in the contents, as a list that skips that year."""
    start = text.index(f"### {name}\n")
    end = text.index("\n### ", start) + 1 if "\n### " in text[start + 1:] else text.index("\n## ", start) + 1
    anchor = name.lower().replace(" ", "-")
    return (text[:start] + text[end:]).replace(f"    - [{name}](#{anchor})\n", "")


SAFE_RLHF = Paper(arxiv_id="2310.12773", title="Safe RLHF: Safe Reinforcement Learning from Human Feedback",
                  authors=("Josef Dai", "Xuehai Pan", "Ruiyang Sun"))


def test_a_paper_of_a_year_the_list_skips_gets_its_heading_between_the_years_beside_it() -> None:
    """A list with `### 2024` and `### 2022` but no `### 2023` (opendilab/awesome-RLHF without its 2023 papers):
    a 2023 paper went to whichever neighbour the models chose; a maintainer adds `### 2023` between them, in their
    shape, and its line between theirs in the table of contents."""
    plist = parse_list(without_year(RLHF_ALL_YEARS, "2023"))
    assert "### 2023\n" not in plist.lines and "    - [2023](#2023)\n" not in plist.lines
    for chosen in ("Papers > 2024", "Papers > 2022"):
        section = plist.year_section(SAFE_RLHF, plist.find_section(chosen))
        assert section is not None and (section.path, section.id) == (("Papers", "2023"), "papers/2023")
        updated = in_its_year(plist, SAFE_RLHF, chosen)
        assert changed_ranges(plist.lines, updated.lines) == [("insert", 8, 8, 8, 9), ("insert", 36, 36, 37, 42)]
        assert updated.lines[7:10] == ["    - [2024](#2024)\n", "    - [2023](#2023)\n", "    - [2022](#2022)\n"]
        assert "".join(updated.lines[35:45]) == (
            "  - Keyword: RLHF, Preference distribution, Aligning, LLM\n\n"
            "### 2023\n\n"
            "- [Safe RLHF: Safe Reinforcement Learning from Human Feedback](https://arxiv.org/abs/2310.12773)\n"
            "  - Josef Dai, Xuehai Pan, Ruiyang Sun\n\n"
            "### 2022\n\n"
            "- [Is Reinforcement Learning (Not) for Natural Language Processing?: Benchmarks, Baselines, and Building "
            "Blocks for Natural Language Policy Optimization](https://arxiv.org/abs/2210.01241) (NLPO)\n")
        assert [s["path"][-1] for s in updated.sections_json()["sections"] if s["path"][0] == "Papers"] == [
            "Papers", "2024", "2023", "2022", "2021", "2020 and before"]
    # the contents line stays single where the list dropped a year's papers but kept its line
    kept = parse_list(RLHF_ALL_YEARS.replace(RLHF_ALL_YEARS[RLHF_ALL_YEARS.index("### 2023\n"):
                                                            RLHF_ALL_YEARS.index("### 2022\n")], ""))
    assert in_its_year(kept, SAFE_RLHF).to_text().count("(#2023)") == 1


FINE_TUNING = Paper(arxiv_id="1909.08593", title="Fine-Tuning Language Models from Human Preferences",
                    authors=("Daniel M. Ziegler", "Nisan Stiennon", "Jeffrey Wu"))


def test_a_paper_older_than_every_year_gets_its_heading_after_the_oldest() -> None:
    """opendilab/awesome-RLHF without `### 2020 and before`, its oldest year `### 2021`: a 2019 paper stayed under
    2021 (or wherever the models put it among the years); a maintainer adds `### 2019` after 2021's papers, and its
    contents line after 2021's, where no heading holds the older papers."""
    plist = parse_list(without_year(RLHF_ALL_YEARS, "2020 and before"))
    for chosen in ("Papers > 2021", "Papers > 2024"):
        section = plist.year_section(FINE_TUNING, plist.find_section(chosen))
        assert section is not None and section.path == ("Papers", "2019")
    updated = in_its_year(plist, FINE_TUNING, "Papers > 2021")
    assert changed_ranges(plist.lines, updated.lines) == [("insert", 11, 11, 11, 12), ("insert", 62, 62, 63, 67)]
    assert updated.lines[9:13] == ["    - [2022](#2022)\n", "    - [2021](#2021)\n", "    - [2019](#2019)\n",
                                   "  - [Codebases](#codebases)\n"]
    assert "".join(updated.lines[61:68]) == (
        "  - Jeff Wu, Long Ouyang, Daniel M. Ziegler, Nisan Stiennon, Ryan Lowe, Jan Leike, Paul Christiano\n\n"
        "### 2019\n"
        "- [Fine-Tuning Language Models from Human Preferences](https://arxiv.org/abs/1909.08593)\n"
        "  - Daniel M. Ziegler, Nisan Stiennon, Jeffrey Wu\n\n"
        "## Codebases\n")
    # the same years oldest first: `### 2019` above 2021, as `[2019](#2019)` goes before `[2021](#2021)`
    y2022, y2021 = RLHF_OLDER_YEARS.split("### 2020 and before")[0].split("### 2021\n")
    text = (f"## Contents\n\n- [2021](#2021) | [2022](#2022) | [Codebases](#codebases)\n\n## Papers\n\n"
            f"### 2021\n{y2021}{y2022}## Codebases\n")
    oldest_first = in_its_year(parse_list(text), FINE_TUNING, "Papers > 2022")
    assert oldest_first.lines[2] == "- [2019](#2019) | [2021](#2021) | [2022](#2022) | [Codebases](#codebases)\n"
    assert [line for line in oldest_first.lines if line.startswith("### ")] == ["### 2019\n", "### 2021\n",
                                                                                "### 2022\n"]


def test_the_heading_of_older_papers_keeps_taking_them() -> None:
    """opendilab/awesome-RLHF ends its years with `### 2020 and before`: a paper of 2020 or 2019 goes there, where
    it stayed under 2021, the oldest year, when the models put it among the years; no `### 2019` is added, and a
    recent paper the models put there goes to its own year."""
    plist = parse_list(RLHF_ALL_YEARS)
    older = plist.find_section("Papers > 2020 and before")
    for chosen in ("Papers > 2021", "Papers > 2024", "Papers > 2020 and before"):
        assert plist.year_section(FINE_TUNING, plist.find_section(chosen)) == older
        assert plist.year_section(dataclasses.replace(FINE_TUNING, arxiv_id="2009.01325"),
                                  plist.find_section(chosen)) == older
    assert plist.year_section(SAFE_RLHF, older) == plist.find_section("Papers > 2023")
    assert plist.year_section(AGENTIC_RL, older).path == ("Papers", "2025")
    with pytest.raises(PaperbotError, match="no section 'Papers > 2019'"):
        plist.with_year_section(("Papers", "2019"))
    with pytest.raises(UsageError, match="the list keeps papers of 2019 under 'Papers > 2020 and before'"):
        plist.with_year_heading("Papers > 2019")


@pytest.mark.parametrize(("name", "bound"), [
    ("2020 and before", 2020), ("Before 2020", 2019), ("Pre-2020", 2019), ("2019 & earlier", 2019),
    ("📜 Older", 2020), ("Earlier papers", 2020), ("2021 and before", 2020), ("Before ChatGPT came out", None),
    ("2020", None), ("Older Models", None), ("≤2020", 2020), ("< 2020", 2019), ("<=2019", 2019),
    ("Older Papers", 2020), ("Papers before 2021", 2020), ("2020 and Earlier Papers", 2020), ("2020 Papers", None)])
def test_a_heading_of_older_papers_says_the_newest_year_it_holds(name: str, bound: int | None) -> None:
    """Beside year headings whose oldest is 2021: the year a catch-all for older papers holds up to, never 2021.
    `≤2020` and `< 2020` are such headings, not the year 2020's: a heading of a year has no sign before it."""
    from bot.listfile import older_years_bound
    from bot.papers import YEAR_HEADING_RE

    assert older_years_bound(name, 2021) == bound
    assert (YEAR_HEADING_RE.match(name) is not None) == (name == "2020")


@pytest.mark.parametrize(("name", "named"), [
    ("2024", (2024, "{}")), ("🔥 2025", (2025, "{}")), ("2024 Papers", (2024, "{} papers")),
    ("Papers in 2023", (2023, "papers in {}")), ("📅 2022 papers:", (2022, "{} papers")),
    ("🔥 10 to Watch (2026)", None), ("ICML 2025 Update", None), ("2024-10-09", None), ("CVPR 2020", None),
    ("2024 Papers (5 total)", None), ("Top Papers of 2024", None), ("2020 and before", None), ("≤2020", None)])
def test_a_heading_named_by_a_year_with_words_that_say_no_more_than_when(
        name: str, named: tuple[int, str] | None) -> None:
    """The year of a heading and the words around it, the year as `{}`: words that only say it holds papers
    (`2024 Papers`, `Papers in 2023`), not a topic's (`ICML 2025 Update`, a venue's edition), a count or a date."""
    from bot.papers import year_heading

    assert year_heading(name) == named


def test_a_heading_of_the_years_up_to_one_takes_the_papers_older_than_the_lists_years() -> None:
    """opendilab/awesome-RLHF's years with its `### 2020 and before` written `### ≤2020`: read as the year 2020's
    heading, a 2019 paper got a new heading `### ≤2019` after it; it now goes under `≤2020`, and a 2021 paper the
    models put there under `### 2021`."""
    plist = parse_list(RLHF_ALL_YEARS.replace("### 2020 and before\n", "### ≤2020\n"))
    older = plist.find_section("Papers > ≤2020")
    for chosen in ("Papers > 2021", "Papers > 2024", "Papers > ≤2020"):
        assert plist.year_section(dataclasses.replace(FINE_TUNING, arxiv_id="1909.08593"),
                                  plist.find_section(chosen)) == older
    assert plist.year_section(dataclasses.replace(FINE_TUNING, arxiv_id="2109.00001"),
                              older) == plist.find_section("Papers > 2021")


# opendilab/awesome-RLHF's years with a topic heading between its oldest year and `### 2020 and before` (a verbatim
# RLHF survey entry under `### Surveys`), as lists that keep their surveys beside their years do
SURVEYS_HEADING = (
    "### Surveys\n"
    "- [Open Problems and Fundamental Limitations of Reinforcement Learning from Human Feedback]"
    "(https://arxiv.org/abs/2307.15217)\n"
    "  - Stephen Casper, Xander Davies, Claudia Shi, Thomas Krendl Gilbert, Jérémy Scheurer, et al.\n\n"
)
RLHF_SURVEYS_THEN_OLDER = RLHF_ALL_YEARS.replace("### 2020 and before\n", SURVEYS_HEADING + "### 2020 and before\n")


def test_the_heading_of_older_papers_after_another_heading_after_the_years_keeps_taking_them() -> None:
    """`### 2021`, `### Surveys`, then `### 2020 and before`: that heading was taken for the older papers only right
    after the oldest year, so a 2019 paper got a new `### 2019` above the surveys and `add --section "Papers > 2019"`
    wrote one; a heading that names its years holds them wherever it sits after the years, and a recent paper the
    models put there goes to its year, while the topic heading between keeps its papers."""
    plist = parse_list(RLHF_SURVEYS_THEN_OLDER)
    older, surveys = plist.find_section("Papers > 2020 and before"), plist.find_section("Papers > Surveys")
    for chosen in ("Papers > 2021", "Papers > 2024", "Papers > 2020 and before"):
        assert plist.year_section(FINE_TUNING, plist.find_section(chosen)) == older
    assert plist.year_section(dataclasses.replace(FINE_TUNING, arxiv_id="2109.00001"),
                              older) == plist.find_section("Papers > 2021")
    assert plist.year_section(AGENTIC_RL, older).path == ("Papers", "2025")
    assert plist.year_section(FINE_TUNING, surveys) is None  # a topic: the paper stays where the models put it
    with pytest.raises(UsageError, match="the list keeps papers of 2019 under 'Papers > 2020 and before'"):
        plist.with_year_heading("Papers > 2019")
    # a heading that names no year (`Older`) is one only right beside the oldest year: after `Surveys` it could be
    # anything older, so a 2019 paper gets its year's heading after 2021's papers, above the surveys
    bare = parse_list(RLHF_SURVEYS_THEN_OLDER.replace("### 2020 and before\n", "### Older\n"))
    assert plist.year_section(FINE_TUNING, plist.find_section("Papers > 2021")) == older
    assert bare.year_section(FINE_TUNING, bare.find_section("Papers > 2021")).path == ("Papers", "2019")
    assert bare.year_section(FINE_TUNING, bare.find_section("Papers > Older")) is None
    christiano = Paper(arxiv_id="1706.03741", title="Deep reinforcement learning from human preferences",
                       authors=("Paul Christiano", "Jan Leike", "Tom B. Brown"))
    headings = [line for line in in_its_year(bare, christiano, "Papers > 2021").lines if line.startswith("### ")]
    assert headings[-4:] == ["### 2021\n", "### 2017\n", "### Surveys\n", "### Older\n"]


def test_a_list_kept_oldest_first_keeps_its_older_papers_in_the_heading_above_its_years() -> None:
    """opendilab/awesome-RLHF's years oldest first, `### 2020 and before` at the top: a 2019 paper goes there, a
    2025 paper under a new `### 2025` after the newest, a 2021 paper the models put at the top under 2021, and
    `add --section "Papers > 2019"` names the heading that holds 2019."""
    y2022, y2021 = RLHF_OLDER_YEARS.split("### 2020 and before")[0].split("### 2021\n")
    older = RLHF_OLDER_YEARS.split("### 2020 and before\n")[1].split("## Codebases")[0]
    text = f"## Papers\n\n### 2020 and before\n{older}### 2021\n{y2021}{y2022}## Codebases\n"
    plist = parse_list(text)
    top = plist.find_section("Papers > 2020 and before")
    for chosen in ("Papers > 2021", "Papers > 2022", "Papers > 2020 and before"):
        assert plist.year_section(FINE_TUNING, plist.find_section(chosen)) == top
        assert plist.year_section(AGENTIC_RL, plist.find_section(chosen)).path == ("Papers", "2025")
    assert plist.year_section(dataclasses.replace(FINE_TUNING, arxiv_id="2109.00001"),
                              top) == plist.find_section("Papers > 2021")
    headings = [line for line in in_its_year(plist, AGENTIC_RL, "Papers > 2022").lines if line.startswith("#")]
    assert headings == ["## Papers\n", "### 2020 and before\n", "### 2021\n", "### 2022\n", "### 2025\n",
                        "## Codebases\n"]
    with pytest.raises(UsageError, match="the list keeps papers of 2019 under 'Papers > 2020 and before'"):
        plist.with_year_heading("Papers > 2019")


@pytest.mark.parametrize(("names", "run"), [
    (["2024", "2023", "2020 and before"], ((0, 1), 2, True)),
    (["2024", "2023", "Surveys", "Benchmarks", "2020 and before"], ((0, 1), 4, True)),  # names its years: after others
    (["2024", "2023", "📜 Older"], ((0, 1), 2, True)),
    (["2024", "2023", "Surveys", "Older"], ((0, 1), None, True)),  # names none: only right beside the oldest
    (["2020 and before", "2021", "2022"], ((1, 2), 0, False)),  # oldest first: before the oldest
    (["Before 2021", "Surveys", "2021", "2022"], ((2, 3), 0, False)),
    (["2020 and before", "2024", "2023"], ((1, 2), None, True)),  # above the newest: not the older papers' place
    (["2024", "2020 and before", "2023"], ((0, 2), None, True)),  # between two years
    (["2024", "2023", "Older Models"], ((0, 1), None, True)),  # a topic, not a heading of older papers
    (["2024", "2023", "Earlier work on RLHF"], ((0, 1), None, True)),
    (["2024", "2022", "2023", "Older"], ((0, 1, 2), None, None)),  # years in no order
    (["Earlier work on RLHF", "Older", "Datasets"], None),  # no year around it
    (["2025", "2024 and before"], ((0,), 1, True)),  # one year: with its heading of older papers right beside it
    (["Surveys", "2025", "📜 Older"], ((1,), 2, True)),
    (["2024 and before", "2025"], ((1,), 0, False)),
    (["2025"], None), (["Surveys", "2025", "Datasets"], None), (["2025", "Older Models"], None),
    (["2025", "Surveys", "2024 and before"], None),
    # years with the same words around each (minar09/awesome-autoregressive-video-diffusion-transformers, and
    # SarahRastegar/Open-World-Papers with its `### Older Papers`), the older papers' heading saying papers too
    (["2026 Papers", "2025 Papers", "2024 Papers", "2023 Papers", "2022 Papers", "Related Resources"],
     ((0, 1, 2, 3, 4), None, True)),
    (["2023 Papers", "2022 Papers", "2021 Papers", "Older Papers"], ((0, 1, 2), 3, True)),
    (["Papers in 2024", "Papers in 2023", "Papers before 2023"], ((0, 1), 2, True)),
    (["2025 Papers", "Older Papers"], ((0,), 1, True)),
    (["2024 Papers", "2023 Papers", "Papers in 2022"], ((0, 1), None, True)),  # the words most of them repeat
    (["2024", "2023", "2022 Papers"], ((0, 1), None, True)),  # a year alone wherever one is
    # a year in a heading that says more than when: a topic, a venue's editions, a news day, a count
    (["✨ Highlights", "⭐ Starter Kit", "🔥 10 to Watch (2026)", "Contents", "🧭 Background"], None),
    (["ICML 2025 Update", "2024 Papers"], None), (["CVPR 2020", "ICLR 2021", "CVPR 2019"], None),
    (["ICML 2025", "ICML 2024", "ICML 2023"], None), (["2024-10-09", "2024-10-08"], None),
    (["2024 Papers (5 total)", "2025 Papers (19 total)"], None), (["2024 Papers", "Surveys"], None),
])
def test_which_headings_make_a_list_kept_by_year_and_hold_its_older_papers(
        names: list[str], run: tuple[tuple[int, ...], int | None, bool | None] | None) -> None:
    """The headings of one parent and level, in document order: which are its years, which holds the papers older
    than them, and in which order they run; `bot.model.with_years` asks the same of the section model's groups."""
    from bot.listfile import year_run

    assert year_run(names) == run


# opendilab/awesome-RLHF's Papers as a list with one year and a heading for the papers before it: its `### 2024`
# named `### 2025` and its `### 2023` `### 2024 and before`, the contents linking the two (verbatim entries)
ONE_YEAR = (RLHF.replace("### 2024\n", "### 2025\n").replace("### 2023\n", "### 2024 and before\n")
            .replace("    - [2024](#2024)\n    - [2023](#2023)\n    - [2022](#2022)\n    - [2021](#2021)\n"
                     "    - [2020 and before](#2020-and-before)\n",
                     "    - [2025](#2025)\n    - [2024 and before](#2024-and-before)\n"))


def test_one_year_and_a_heading_of_the_years_before_it_make_a_list_kept_by_year() -> None:
    """`### 2025` then `### 2024 and before`: with one year heading the list was not read as kept by year, so a
    2023 paper the models put under 2025 stayed there, and a 2026 paper went under 2025 too; now a 2026 paper gets
    `### 2026` above `### 2025` in its shape, with its line in the contents, a 2023 paper goes under
    `2024 and before`, a 2025 paper the models put there under 2025, and `add --section "Papers > 2023"` names the
    heading that holds 2023."""
    plist = parse_list(ONE_YEAR)
    y2025, older = plist.find_section("Papers > 2025"), plist.find_section("Papers > 2024 and before")
    of_2026 = dataclasses.replace(AGENTIC_RL, arxiv_id="2601.00123")
    for chosen in (y2025, older):
        assert plist.year_section(SAFE_RLHF, chosen) == older
        assert plist.year_section(AGENTIC_RL, chosen) == y2025
        assert plist.year_section(of_2026, chosen).path == ("Papers", "2026")
    updated = in_its_year(plist, of_2026, "Papers > 2025")
    assert [line for line in updated.lines if line.startswith(("### ", "    - ["))] == [
        "    - [Detailed Explanation](#detailed-explanation)\n", "    - [2026](#2026)\n", "    - [2025](#2025)\n",
        "    - [2024 and before](#2024-and-before)\n", "### 2026\n", "### 2025\n", "### 2024 and before\n"]
    n = updated.lines.index("### 2026\n")
    assert updated.lines[n + 1: n + 5] == [
        "- [The Landscape of Agentic Reinforcement Learning for LLMs: A Survey](https://arxiv.org/pdf/2601.00123.pdf)\n",
        "  - Guibin Zhang, Hejia Geng, Xiaohang Yu\n", "\n", "### 2025\n"]
    with pytest.raises(UsageError, match="the list keeps papers of 2023 under 'Papers > 2024 and before'"):
        plist.with_year_heading("Papers > 2023")
    # the same kept oldest first, the heading of older papers above the year: 2026 goes after 2025's papers
    _, y2025_text = ONE_YEAR.split("### 2025\n")
    y2025_text, older_text = y2025_text.split("### 2024 and before\n")
    oldest_first = parse_list(f"## Papers\n\n### 2024 and before\n{older_text}\n### 2025\n{y2025_text}## Codebases\n")
    assert [line for line in in_its_year(oldest_first, of_2026, "Papers > 2025").lines if line.startswith("#")] == [
        "## Papers\n", "### 2024 and before\n", "### 2025\n", "### 2026\n", "## Codebases\n"]


@pytest.mark.parametrize("text", [
    RLHF[:RLHF.index("### 2023\n")],  # one year heading alone
    RLHF[:RLHF.index("### 2023\n")] + "\n### Older Models\n" + RLHF[RLHF.index("### 2023\n") + 9:],  # a topic
    RLHF.replace("### 2023\n", "### Surveys\n" + RLHF_OLDER_YEARS.split("### 2021\n")[1].split("### 2020")[0]
                 + "### 2023 and before\n"),  # not right beside the one year
    RLHF.replace("### 2024\n", "### Earlier work on RLHF\n").replace("### 2023\n", "### Older\n"),  # no year
])
def test_a_single_year_heading_without_a_heading_of_older_papers_beside_it_keeps_no_list_by_year(text: str) -> None:
    """opendilab/awesome-RLHF's Papers with one `### 2024` alone, beside a topic (`Older Models`), with its heading
    for older papers after another heading, or with no year at all: no list kept by year, so the paper of any year
    stays where the models put it and no heading is added."""
    plist = parse_list(text)
    for paper in (AGENTIC_RL, SAFE_RLHF, dataclasses.replace(AGENTIC_RL, arxiv_id="2401.00123")):
        assert [s.path for s in plist.sections if plist.year_section(paper, s) is not None] == []
    with pytest.raises(PaperbotError, match="no section 'Papers > 2025'"):
        plist.with_year_section(("Papers", "2025"))


@pytest.mark.parametrize("path", [
    "data/lists/llm-synthetic-data.md", "tests/fixtures/lists/js-lee-AI-awesome-llm-agent-papers-README-excerpt.md",
    "tests/fixtures/lists/wasiahmad-Awesome-LLM-Synthetic-Data-README.md",
    "tests/fixtures/lists/facebookresearch-RAM-projects-README.md"])
def test_the_real_lists_not_kept_by_year_have_no_year_sections(path: str) -> None:
    """Lists with a year in a heading (`## 🔥 10 to Watch (2026)`, `(Updated to July,2025)`) but no years to keep
    papers by: no section of theirs moves a paper to its year."""
    plist = read_list(Path(__file__).parent.parent / path)
    of_2026 = dataclasses.replace(AGENTIC_RL, arxiv_id="2601.00123")
    for paper in (AGENTIC_RL, SAFE_RLHF, of_2026):
        assert [s.path for s in plist.sections if plist.year_section(paper, s) is not None] == []

# minar09/awesome-autoregressive-video-diffusion-transformers README.md: its contents, `## 2025 Papers` and `## 2024
# Papers` (two rows of each table, verbatim) and the heading after them; the list keeps its papers by year with a word
AR_VIDEO_YEARS = """## 📋 Table of Contents

- [2025 Papers](#2025-papers)
- [2024 Papers](#2024-papers)
- [Related Resources](#related-resources)

---

## 2025 Papers

| # | Paper Title | Authors | Institute | Publisher | Paper | Code/Project | Tasks | Output |
|---|-------------|---------|-----------|-----------|-------|--------------|-------|--------|
| 4 | **AR-Diffusion: Asynchronous Video Generation with Auto-Regressive Diffusion** | Sun et al. | Tsinghua, BAAI | **CVPR 2025** | [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2503.07418) | [![Star](https://img.shields.io/github/stars/thu-ml/AR-Diffusion.svg?style=social&label=Star)](https://github.com/thu-ml/AR-Diffusion) | T2V | Long, Async |
| 6 | **FAR: Frame Autoregressive Model for Both Short- and Long-Context Video Modeling** | Li et al. | HKU, Tencent | arXiv 2025 | [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2503.14938) | - | T2V, I2V | Short, Long |

---

## 2024 Papers

| # | Paper Title | Authors | Institute | Publisher | Paper | Code/Project | Tasks | Output |
|---|-------------|---------|-----------|-----------|-------|--------------|-------|--------|
| 16 | **ACDiT: Interpolating Autoregressive Conditional Modeling and Diffusion Transformer** | Hu et al. | Tsinghua, ByteDance | arXiv 2024 | [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2412.07720) | - | T2V, I2V, Image | Flexible, Multi-modal |
| 21 | **Loong: Generating Minute-level Long Videos with Autoregressive Language Models** | Gu et al. | CUHK, MMLab | arXiv 2024 | [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2410.02757) | [![Website](https://img.shields.io/badge/Website-9cf)](https://epiphqny.github.io/Loong-video/) | T2V | Minute-level, Long |

---

## Related Resources

### Surveys & Position Papers
- **Autoregressive Models in Vision: A Survey** (TMLR 2025) [![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/2411.05902)
"""  # noqa: E501 (rows as the list writes them)
CAUSAL_FORCING = Paper(arxiv_id="2602.02214", title="Causal Forcing: Causal Autoregressive Video Diffusion",
                       authors=("Anonymous",))


def test_headings_that_say_papers_of_a_year_make_a_list_kept_by_year() -> None:
    """`## 2025 Papers`, `## 2024 Papers`: a list kept by year whose headings name their years with a word was kept by
    topic, so a 2026 paper went under whichever year the models chose, and `add --section 2026` found no section; a
    2026 paper now gets `## 2026 Papers` above 2025's in their shape (the rule, the table's header) and in the
    contents, a 2025 paper the models put under 2024 goes to 2025, and a heading in other words is no such year."""
    plist = parse_list(AR_VIDEO_YEARS)
    y2025, y2024 = plist.find_section("2025 Papers"), plist.find_section("2024 Papers")
    for chosen in (y2025, y2024):
        assert plist.year_section(CAUSAL_FORCING, chosen).path == ("2026 Papers",)
    self_forcing = Paper(arxiv_id="2506.08009", title="Self-Forcing: Bridging the Train-Test Gap in Autoregressive "
                         "Video Diffusion", authors=("Huang et al.",))
    assert plist.year_section(self_forcing, y2024) == y2025
    assert plist.year_section(dataclasses.replace(self_forcing, arxiv_id="2306.00001"), y2025).path == (
        "2023 Papers",)
    assert plist.year_section(CAUSAL_FORCING, plist.find_section("Related Resources > Surveys & Position Papers")) \
        is None
    updated = in_its_year(plist, CAUSAL_FORCING, "2024 Papers")
    assert updated.lines[2:5] == ["- [2026 Papers](#2026-papers)\n", "- [2025 Papers](#2025-papers)\n",
                                  "- [2024 Papers](#2024-papers)\n"]
    n = updated.lines.index("## 2026 Papers\n")
    assert updated.lines[n - 2: n + 4] + updated.lines[n + 5: n + 9] == [
        "---\n", "\n", "## 2026 Papers\n", "\n",
        "| # | Paper Title | Authors | Institute | Publisher | Paper | Code/Project | Tasks | Output |\n",
        "|---|-------------|---------|-----------|-----------|-------|--------------|-------|--------|\n",
        "\n", "---\n", "\n", "## 2025 Papers\n"]
    assert "https://arxiv.org/abs/2602.02214" in updated.lines[n + 4]
    for query in ("2026", "2026 Papers"):  # `paperbot add --section ...`
        added = plist.with_year_heading(query)
        assert added is not None and added[1].path == ("2026 Papers",)
    assert plist.with_year_heading("Papers in 2026") is None
    with pytest.raises(UsageError, match="no section 'Papers in 2026'"):
        plist.find_section("Papers in 2026")


# yyxisgreat-ops/GE2EAD README.md: its Conventional End-to-End Methods, each year's papers in a `<details open>` fold
# under the topic's heading (verbatim lines, the first two or three papers of 2025, 2024 and 2023, their summaries cut)
GE2EAD_FOLDS = """## Papers
<details open>
<summary> Conventional End-to-End Methods </summary>

### Conventional End-to-End Methods


<details open>
<summary>2025</summary>

- **DiffusionDriveV2**: DiffusionDriveV2: Reinforcement Learning-Constrained Truncated Diffusion Modeling in End-to-End Autonomous Driving [[Paper](https://www.arxiv.org/pdf/2512.07745)] [[Code](https://github.com/hustvl/DiffusionDriveV2)]

- **SIMSCALE**: SimScale: Learning to Drive via Real-World Simulation at Scale [[Paper](https://www.arxiv.org/pdf/2511.23369)] [[Code](https://github.com/OpenDriveLab/SimScale)]

- **LAP**: LAP: Fast Latent Diffusion Planner with Fine-Grained Feature Distillation for Autonomous Driving [[Paper](https://arxiv.org/pdf/2512.00470)] [[Code](https://github.com/jhz1192/Latent-Planner)]

</details>
<details open>
<summary>2024</summary>

- **GaussianAD**: Gaussian-Centric End-to-End Autonomous Driving [[Paper](https://arxiv.org/pdf/2412.10371)] [[Code](https://github.com/wzzheng/GaussianAD)]

- **MA2T**: Module-wise Adaptive Adversarial Training for End-to-end Autonomous Driving [[Paper](https://arxiv.org/pdf/2409.07321)]

- **Hint-AD**: Holistically Aligned Interpretability in End-to-End Autonomous Driving [[Paper](https://arxiv.org/pdf/2409.06702)] [[Project](https://air-discover.github.io/Hint-AD/)] [[Code](https://github.com/Robot-K/Hint-AD)]
</details>

<details open>
<summary>2023</summary>

- **DriveAdapter**: Breaking the Coupling Barrier of Perception and Planning in End-to-End Autonomous Driving, **ICCV 2023** [[Paper](https://arxiv.org/pdf/2308.00398)] [[Code](https://github.com/OpenDriveLab/DriveAdapter)]

- **VAD**: Vectorized Scene Representation for Efficient Autonomous Driving, **ICCV 2023** [[Paper](https://arxiv.org/pdf/2303.12077)] [[Code](https://github.com/hustvl/VAD)]

</details>
</details>

"""  # noqa: E501 (entries as the list writes them)


def test_a_paper_goes_inside_the_fold_of_its_year_in_a_section_kept_by_year_in_folds() -> None:
    """A topic whose papers sit in a fold for each year (`<summary>2025</summary>`, `<summary>2024</summary>`): the
    fold is no topic, so no section, and a paper of 2024 or 2025 went at the section's end, inside the 2023 fold; it
    now goes among the papers of its year, before that fold's `</details>`, spaced as they are."""
    plist = parse_list(GE2EAD_FOLDS)
    assert [s.path for s in plist.sections] == [("Papers",), ("Papers", "Conventional End-to-End Methods")]
    section = plist.sections[1]  # no year sections
    planner = Paper(arxiv_id="2410.08562", title="A Planner for End-to-End Autonomous Driving", authors=("A. B",))
    updated = plist.with_entry(planner, section)
    n = next(i for i, line in enumerate(updated.lines) if "2410.08562" in line)
    assert "Hint-AD" in updated.lines[n - 2] and updated.lines[n - 1] == "\n"
    assert updated.lines[n + 1] == "</details>\n" and updated.lines[n + 4] == "<summary>2023</summary>\n"
    updated = plist.with_entry(dataclasses.replace(planner, arxiv_id="2506.08562"), section)
    n = next(i for i, line in enumerate(updated.lines) if "2506.08562" in line)
    assert "LAP" in updated.lines[n - 2] and updated.lines[n + 1: n + 5] == [
        "\n", "</details>\n", "<details open>\n", "<summary>2024</summary>\n"]


def test_a_paper_of_a_year_without_a_fold_gets_a_new_fold_in_the_shape_and_order_of_the_others() -> None:
    """Folds 2025, 2024, 2023, newest first: a 2026 paper went at the section's end, inside the 2023 fold; it now
    gets `<details open>` `<summary>2026</summary>` before 2025's, its blank lines as 2025's has them and nothing
    between the two folds, as between 2025 and 2024. A 2022 paper gets its fold after 2023's, a blank line between
    as before 2023's; oldest first, a 2026 fold goes last. Where a fold of older papers follows the years
    (`<summary>Before 2023</summary>`, a section of its own), a paper older than them all goes in the oldest
    year's fold, spaced as its papers are."""
    plist = parse_list(GE2EAD_FOLDS)
    section = plist.sections[1]
    planner = Paper(arxiv_id="2601.08562", title="A Planner for End-to-End Autonomous Driving", authors=("A. B",))
    updated = plist.with_entry(planner, section)
    n = next(i for i, line in enumerate(updated.lines) if "2601.08562" in line)
    assert updated.lines[n - 6: n + 5] == [
        "### Conventional End-to-End Methods\n", "\n", "\n", "<details open>\n", "<summary>2026</summary>\n", "\n",
        "- A Planner for End-to-End Autonomous Driving [[Paper](https://arxiv.org/pdf/2601.08562)]\n", "\n",  # no name
        "</details>\n", "<details open>\n", "<summary>2025</summary>\n"]
    assert [s.path for s in updated.sections] == [s.path for s in plist.sections]  # a year's fold: no section
    updated = plist.with_entry(dataclasses.replace(planner, arxiv_id="2201.08562"), section)
    n = next(i for i, line in enumerate(updated.lines) if "2201.08562" in line)
    assert "VAD" in updated.lines[n - 7] and updated.lines[n - 6: n + 5] == [
        "\n", "</details>\n", "\n", "<details open>\n", "<summary>2022</summary>\n", "\n", updated.lines[n], "\n",
        "</details>\n", "</details>\n", "\n"]
    # the new fold takes the model's tags and blank lines, not the text in it
    noted = parse_list(GE2EAD_FOLDS.replace("<summary>2025</summary>\n\n", "<summary>2025</summary>\n\nThree.\n\n"))
    updated = noted.with_entry(planner, noted.sections[1])
    n = next(i for i, line in enumerate(updated.lines) if "2601.08562" in line)
    assert updated.lines[n - 2: n] == ["<summary>2026</summary>\n", "\n"] and updated.lines.count("Three.\n") == 1
    # oldest first: the same folds the other way round
    blocks = GE2EAD_FOLDS.split("<details open>\n<summary>")
    oldest = blocks[4].replace("</details>\n</details>\n", "</details>\n")  # the topic's fold closes after 2025
    oldest_first = parse_list("<details open>\n<summary>".join(
        [blocks[0], blocks[1], oldest, blocks[3], blocks[2] + "</details>\n\n"]))
    updated = oldest_first.with_entry(planner, oldest_first.sections[1])
    n = next(i for i, line in enumerate(updated.lines) if "2601.08562" in line)
    assert updated.lines[n - 3: n] == ["<details open>\n", "<summary>2026</summary>\n", "\n"]
    assert "**LAP**" in updated.lines[n - 7] and updated.lines[n - 6: n - 3] == ["\n", "</details>\n", "\n"]
    assert updated.lines[n + 1:] == ["\n", "</details>\n", "</details>\n", "\n"]
    # GE2EAD's Conventional End-to-End Methods after its 2023 fold (verbatim, one paper)
    before = GE2EAD_FOLDS.replace("</details>\n</details>\n", """</details>

<details open>
<summary>Before 2023</summary>

- **MMFN**: Multi-Modal-Fusion-Net for End-to-End Driving, **IROS 2022** [[Paper](https://arxiv.org/pdf/2207.00186)] [[Code](https://github.com/Kin-Zhang/mmfn)]

</details>
</details>
""")
    with_older = parse_list(before)
    updated = with_older.with_entry(dataclasses.replace(planner, arxiv_id="2201.08562"), with_older.sections[1])
    n = next(i for i, line in enumerate(updated.lines) if "2201.08562" in line)
    assert "**VAD**" in updated.lines[n - 2] and updated.lines[n - 1] == "\n"  # in 2023's, spaced as its papers
    assert updated.lines[n + 1: n + 5] == ["\n", "</details>\n", "\n", "<details open>\n"]
    assert "<summary>2022</summary>\n" not in updated.lines


# YutingHe-list/Awesome-Foundation-Models-for-Advancing-Healthcare README.md: its LFM methods, each year's papers under
# a bold label for the year (verbatim lines, the first and last papers of 2024 to 2021)
HEALTHCARE_YEAR_LABELS = """# Methods
## LFM methods
**2024**
- [AAAI] Zhongjing: Enhancing the chinese medical capabilities of large language model through expert feedback and realworld multi-turn dialogue. [[Paper]](https://ojs.aaai.org/index.php/AAAI/article/view/29907) [[Code]](https://github.com/SupritYoung/Zhongjing)
- [arXiv] JMLR: Joint medical LLM and retrieval training for enhancing reasoning and professional question answering capability [[Paper]](https://arxiv.org/abs/2402.17887)

**2023**
- [Bioinformatics] MedCPT: A method for zero-shot biomedical information retrieval using contrastive learning with PubMedBERT. [[Paper]](https://academic.oup.com/bioinformatics/article-abstract/39/11/btad651/7335842) [[Code]](https://github.com/ncbi/MedCPT)
- [arXiv] Leveraging a medical knowledge graph into large language models for diagnosis prediction [[Paper]](https://arxiv.org/abs/2308.14321)\x20


**2022**
- [NPJ Digit. Med.] A large language model for electronic health records. [[Paper]](https://www.nature.com/articles/s41746-022-00742-2) [[Code]](https://github.com/uf-hobi-informatics-lab/GatorTron)
- [BioNLP] Position-based prompting for health outcome generation [[Paper]](https://aclanthology.org/2022.bionlp-1.3/)\x20


**2021**
- [ACM Trans. Comput. Healthc.] Domain-specific language model pretraining for biomedical natural language processing. [[Paper]](https://dl.acm.org/doi/10.1145/3458754) [[Code]](https://huggingface.co/microsoft/BiomedNLP-BiomedBERT-base-uncased-abstract-fulltext)

## VFM methods
"""  # noqa: E501 (entries as the list writes them)

# VectorInstitute/deepfakes-survey-2026 README.md: a fold of its Papers by Category, each year's papers under a bold
# label, a blank line on either side (verbatim lines)
DEEPFAKES_YEAR_LABELS = """## 2. Generation — Taxonomy of Generative Deepfakes

<details>
<summary><strong>Lip-sync manipulation</strong> &nbsp;<sub>3 entries</sub></summary>

> `A1` holds only around the mouth, and `A4` is especially fragile because compression erases small-region traces first.

**2024**

- [2024] **Diff2Lip: Audio Conditioned Diffusion Models for Lip-Synchronization** *Rudrabha Mukhopadhyay et al.* [[paper](https://arxiv.org/abs/2308.09716)]

**2022**

- [2022] **Videoretalking: Audio-based lip synchronization for talking head video editing in the wild** *Kun Cheng et al.* [[paper](https://doi.org/10.1145/3550469.3555399)]

**2020**

- [2020] **A lip sync expert is all you need for speech to lip generation in the wild** *KR Prajwal et al.* [[paper](https://doi.org/10.1145/3394171.3413532)]

</details>
"""  # noqa: E501 (entries as the list writes them)


def test_a_paper_goes_under_the_bold_label_of_its_year_or_a_new_one_in_their_shape_and_order() -> None:
    """`**2024**` over that year's papers, `**2023**` over the next: a paper of 2023 went at the section's end,
    under `**2021**`, a 2026 paper of a list dated `[2024]` under `**2024**` and a 2023 one under `**2022**`; each
    now goes among its year's papers, and a year without a label gets one, in the labels' order and spaced as the
    label beside it (a blank line after it or none, and the lines between one year's papers and the next label)."""
    plist = parse_list(HEALTHCARE_YEAR_LABELS)
    section = plist.find_section("LFM methods")
    paper = Paper(arxiv_id="2305.08562", title="A Medical Language Model", authors=("A. B",))
    updated = plist.with_entry(paper, section)
    n = next(i for i, line in enumerate(updated.lines) if "2305.08562" in line)
    assert "2308.14321" in updated.lines[n - 1] and updated.lines[n + 1: n + 4] == ["\n", "\n", "**2022**\n"]
    updated = plist.with_entry(dataclasses.replace(paper, arxiv_id="2501.08562"), section)
    assert updated.lines[1:5] == ["## LFM methods\n", "**2025**\n", updated.lines[3], "\n"]
    assert "2501.08562" in updated.lines[3] and updated.lines[5] == "**2024**\n"
    updated = plist.with_entry(dataclasses.replace(paper, arxiv_id="2005.08562"), section)
    n = next(i for i, line in enumerate(updated.lines) if "2005.08562" in line)
    assert "BiomedBERT" in updated.lines[n - 4] and updated.lines[n - 3: n] == ["\n", "\n", "**2020**\n"]
    assert updated.lines[n + 1:] == ["\n", "## VFM methods\n"]
    assert [s.path for s in updated.sections] == [s.path for s in plist.sections]  # a label: no section

    plist = parse_list(DEEPFAKES_YEAR_LABELS)
    section = plist.sections[1]
    updated = plist.with_entry(dataclasses.replace(paper, arxiv_id="2603.08562"), section)
    n = next(i for i, line in enumerate(updated.lines) if "2603.08562" in line)
    assert updated.lines[n].startswith("- [2026] **A Medical Language Model** *A. B* [[paper](")
    assert updated.lines[n - 3: n] == ["\n", "**2026**\n", "\n"] and updated.lines[n + 1: n + 3] == ["\n", "**2024**\n"]
    assert updated.lines[n - 4].startswith("> `A1` holds only")
    updated = plist.with_entry(paper, section)
    n = next(i for i, line in enumerate(updated.lines) if "2305.08562" in line)
    assert updated.lines[n - 3: n] == ["\n", "**2023**\n", "\n"] and updated.lines[n + 1: n + 3] == ["\n", "**2022**\n"]
    assert "Diff2Lip" in updated.lines[n - 4]
    # the new label takes the model's blank lines, not the text under it
    noted = parse_list(DEEPFAKES_YEAR_LABELS.replace("**2024**\n\n", "**2024**\n\n> Two of them.\n\n"))
    updated = noted.with_entry(dataclasses.replace(paper, arxiv_id="2603.08562"), noted.sections[1])
    n = next(i for i, line in enumerate(updated.lines) if "2603.08562" in line)
    assert updated.lines[n - 2: n] == ["**2026**\n", "\n"] and updated.lines.count("> Two of them.\n") == 1
    # a label that names no year: not a list by year, the paper where it went
    earlier = parse_list(DEEPFAKES_YEAR_LABELS.replace("**2020**", "**Earlier**"))
    updated = earlier.with_entry(paper, earlier.sections[1])
    n = next(i for i, line in enumerate(updated.lines) if "2305.08562" in line)
    assert "**2023**\n" not in updated.lines and updated.lines[n - 2] == "**2022**\n"  # by the dates, as before


# YutingHe-list/Awesome-Foundation-Models-for-Advancing-Healthcare README.md: its BFM methods' papers of 2021, each
# venue in brackets before the title, `[ICML 2021]` beside `[Bioinformatics]` and `[arXiv]` (verbatim lines)
HEALTHCARE_BFM_2021 = """## BFM methods
**2021**
  - [Bioinformatics] DNABERT: pre-trained Bidirectional Encoder Representations from Transformers model for DNA-language in genome. [[Paper]](https://academic.oup.com/bioinformatics/article/37/15/2112/6128680), [[Code]](https://github.com/jerryji1993/DNABERT)
  - [IEEE TPAMI] ProtTrans: Toward Understanding the Language of Life Through Self-Supervised Learning. [[Paper]](https://ieeexplore.ieee.org/document/9477085), [[Code]](https://github.com/agemagician/ProtTrans)
  - [ICML 2021] MSA Transformer. [[Paper]](https://proceedings.mlr.press/v139/rao21a.html), [[Code]](https://github.com/rmrao/msa-transformer)
  - [PNAS] Biological structure and function emerge from scaling unsupervised learning to 250 million protein sequences. [[Paper]](https://www.pnas.org/doi/10.1073/pnas.2016239118), [[Code]](https://github.com/facebookresearch/esm)
  - [Nature] Highly accurate protein structure prediction with AlphaFold. [[Paper]](https://www.nature.com/articles/s41586-021-03819-2), [[Code]](https://github.com/google-deepmind/alphafold)
  - [arXiv] Multi-modal Self-supervised Pre-training for Regulatory Genome Across Cell Types. [[Paper]](https://arxiv.org/abs/2110.05231), [[Code]](https://github.com/ZovcIfzm/GeneBERT)
"""  # noqa: E501 (entries as the list writes them)
HEALTHCARE_BFM_2023 = """
**2023**
  - [arXiv] DNAGPT: A Generalized Pre-trained Tool for Versatile DNA Sequence Analysis Tasks. [[Paper]](https://arxiv.org/abs/2307.05628), [[Code]](https://github.com/TencentAILabHealthcare/DNAGPT)
  - [arXiv] HyenaDNA: Long-Range Genomic Sequence Modeling at Single Nucleotide Resolution. [[Paper]](https://arxiv.org/abs/2306.15794), [[Code]](https://github.com/HazyResearch/hyena-dna)
"""  # noqa: E501 (entries as the list writes them)


def test_a_venue_in_brackets_before_a_title_without_a_year_is_read_and_written_where_the_list_writes_arxiv_so() -> None:
    """`- [arXiv] JMLR: ... [[Paper]](url)` and `- [AAAI] Zhongjing: ...`: a venue before the title was read only
    with a year, so these titles began `[arXiv] ` and `[AAAI] `, no entry had a venue, and a new arXiv paper went in
    as `- A Medical Language Model. [[Paper]](url)`, no `[arXiv]` as its neighbours write. On a list that opens two
    bullets or more with `[arXiv]` the brackets are the venue: the new entry writes `[arXiv]`, without a year as the
    list never writes one for arXiv (twice or more), a paper accepted at ICML `[ICML]` where its year's venues name
    none and `[ICML 2021]` with its year where they name one (MSA Transformer's `[ICML 2021]`), and the `, ` before a
    code link left out goes with it. A list with one such bullet keeps its brackets in the title, as before."""
    plist = parse_list(HEALTHCARE_YEAR_LABELS)
    assert [(e.title[:20], e.venue) for e in plist.entries[:4]] == [
        ("Zhongjing: Enhancing", "AAAI"), ("JMLR: Joint medical ", "arXiv"), ("MedCPT: A method for", "Bioinformatics"),
        ("Leveraging a medical", "arXiv")]
    section = plist.find_section("LFM methods")
    paper = Paper(arxiv_id="2305.08562", title="A Medical Language Model", authors=("A. B",), version=1)
    updated = plist.with_entry(paper, section)
    assert [line for line in updated.lines if "2305.08562" in line] == [
        "- [arXiv] A Medical Language Model. [[Paper]](https://arxiv.org/abs/2305.08562)\n"]
    icml = dataclasses.replace(paper, arxiv_id="2505.08562", comment="Accepted at ICML 2025")
    updated = plist.with_entry(icml, section)
    assert [line for line in updated.lines if "2505.08562" in line] == [
        "- [ICML] A Medical Language Model. [[Paper]](https://arxiv.org/abs/2505.08562)\n"]
    plist = parse_list(HEALTHCARE_BFM_2021 + HEALTHCARE_BFM_2023)  # arXiv 3 times, each without a year
    assert [e.venue for e in plist.entries] == [
        "Bioinformatics", "IEEE TPAMI", "ICML 2021", "PNAS", "Nature", "arXiv", "arXiv", "arXiv"]
    protein = Paper(arxiv_id="2107.08562", title="A Protein Language Model", authors=("A. B",), version=1)
    updated = plist.with_entry(protein, plist.sections[0])
    assert [line for line in updated.lines if "2107.08562" in line] == [
        "  - [arXiv] A Protein Language Model. [[Paper]](https://arxiv.org/abs/2107.08562)\n"]
    updated = plist.with_entry(dataclasses.replace(protein, comment="Accepted at ICML 2021"), plist.sections[0])
    assert [line for line in updated.lines if "2107.08562" in line] == [
        "  - [ICML 2021] A Protein Language Model. [[Paper]](https://arxiv.org/abs/2107.08562)\n"]
    once = parse_list(HEALTHCARE_BFM_2021)
    assert once.entries[5].title.startswith("[arXiv] Multi-modal") and once.entries[5].venue == ""


def test_an_html_entity_in_a_sections_name_is_the_character_it_stands_for() -> None:
    """VectorInstitute/deepfakes-survey-2026 spaces each fold's name from its count with an entity
    (`<strong>Lip-sync manipulation</strong> &nbsp;<sub>3 entries</sub>`): the section was named `Lip-sync manipulation
    &nbsp;3 entries`, its id `...-nbsp-3-entries`, in `sections`, the pull request and the models alike, where GitHub
    shows a space; an entity in a title is its character too (`&amp;`, `&#39;`), and text that only looks like one
    without its `;` stays as written."""
    plist = parse_list(DEEPFAKES_YEAR_LABELS)
    assert plist.sections[1].path == ("2. Generation — Taxonomy of Generative Deepfakes",
                                      "Lip-sync manipulation 3 entries")
    assert plist.sections[1].id == "2-generation-taxonomy-of-generative-deepfakes/lip-sync-manipulation-3-entries"
    assert plist.find_section("Lip-sync manipulation 3 entries") is plist.sections[1]
    titles = parse_list(
        "## A\n- [Q&amp;A over Tables: It&#39;s&nbsp;Hard](https://arxiv.org/abs/2401.00001)\n"
        "- [R&D &copy Notes](https://arxiv.org/abs/2401.00002)\n"
    )
    assert [e.title for e in titles.entries] == ["Q&A over Tables: It's Hard", "R&D &copy Notes"]


# VectorInstitute/deepfakes-survey-2026 README.md: the first folds of its Foundations & Forensic Context, each with all
# its papers (verbatim lines)
DEEPFAKES_COUNTED_FOLDS = """## 1. Foundations & Forensic Context

Section 2 of the survey: the five-stage attack pipeline, the generative paradigms behind it, and the A1–A5 framework.

<details>
<summary><strong>Preprocessing and representation</strong> &nbsp;<sub>2 entries</sub></summary>

**2020**

- [2020] **wav2vec 2.0: A framework for self-supervised learning of speech representations** *Alexei Baevski et al.* [[paper](https://arxiv.org/abs/2006.11477)]

**2016**

- [2016] **Joint face detection and alignment using multitask cascaded convolutional networks** *Kaipeng Zhang et al.* [[paper](https://doi.org/10.1109/lsp.2016.2603342)]

</details>

<details>
<summary><strong>Forensic signals</strong> &nbsp;<sub>3 entries</sub></summary>

**2019**

- [2019] **Attributing Fake Images to GANs: Learning and Analyzing GAN Fingerprints** *Ning Yu et al.* [[paper](https://doi.org/10.1109/iccv.2019.00765)]

**2012**

- [2012] **An overview on video forensics** *Simone Milani et al.* [[paper](https://doi.org/10.1017/ATSIP.2012.2)]

**2009**

- [2009] **Image forgery detection** *Hany Farid* [[paper](https://doi.org/10.1109/MSP.2008.931079)]

</details>
"""


def test_a_count_of_entries_in_a_folds_summary_grows_with_the_fold() -> None:
    """Each fold of VectorInstitute/deepfakes-survey-2026 says how many papers it holds (`&nbsp;<sub>3
    entries</sub>`), with no brackets around the number: a paper added to Forensic signals left it at `3 entries`
    beside four papers, as only `(3)`, `[3]` or `(3 papers)` were counts. It now says `4 entries`, as a contributor
    writes it, and the fold before it keeps its `2 entries`; a number in a name that no word says is a count of
    (`GPT-4`) is none."""
    plist = parse_list(DEEPFAKES_COUNTED_FOLDS)
    updated = plist.with_entry(PAPER, plist.find_section("Forensic signals 3 entries"))
    assert [line for line in updated.lines if "summary" in line and line not in plist.lines] == [
        "<summary><strong>Forensic signals</strong> &nbsp;<sub>4 entries</sub></summary>\n"]
    assert [s.path[-1] for s in updated.sections] == [
        "1. Foundations & Forensic Context", "Preprocessing and representation 2 entries", "Forensic signals 4 entries"]
    updated = plist.with_entry(PAPER, plist.find_section("Preprocessing and representation"))
    assert [line for line in updated.lines if "summary" in line and line not in plist.lines] == [
        "<summary><strong>Preprocessing and representation</strong> &nbsp;<sub>3 entries</sub></summary>\n"]
    gpt = parse_list("## GPT-4\n- [A](https://arxiv.org/abs/2401.00001)\n- [B](https://arxiv.org/abs/2401.00002)\n"
                     "- [C](https://arxiv.org/abs/2401.00003)\n- [D](https://arxiv.org/abs/2401.00004)\n")
    assert gpt.with_entry(PAPER, gpt.sections[0]).lines[0] == "## GPT-4\n"


# yyxisgreat-ops/GE2EAD README.md where one topic ends and the next begins, and its Dataset: each topic's heading
# inside a `<details open>` fold whose `<summary>` names it again (verbatim lines, each topic's first paper, the
# summaries under them cut)
GE2EAD_TOPICS = """## Papers
<details open>
<summary> Conventional End-to-End Methods </summary>

### Conventional End-to-End Methods


<details open>
<summary>2025</summary>

- **DiffusionDriveV2**: DiffusionDriveV2: Reinforcement Learning-Constrained Truncated Diffusion Modeling in End-to-End Autonomous Driving [[Paper](https://www.arxiv.org/pdf/2512.07745)] [[Code](https://github.com/hustvl/DiffusionDriveV2)]

</details>
<details open>
<summary>Before 2023</summary>

- **MMFN**: Multi-Modal-Fusion-Net for End-to-End Driving, **IROS 2022** [[Paper](https://arxiv.org/pdf/2207.00186)] [[Code](https://github.com/Kin-Zhang/mmfn)]

</details>


<p align="right">(<a href="#top">back to top</a>)</p>    
</details>

<details open>
<summary>VLM-Centric End-to-End Methods</summary>


### VLM-Centric End-to-End Methods

<details open>
<summary>2025</summary>

- **CoT4AD**: CoT4AD: A Vision-Language-Action Model with Explicit Chain-of-Thought Reasoning for Autonomous Driving [[Paper](https://www.arxiv.org/pdf/2511.22532)]

</details>

<p align="right">(<a href="#top">back to top</a>)</p> 
</details>

## Dataset

<details open>
<summary>Normal Dataset</summary>

### Normal Dataset


- **nuScenes**: A Multimodal Dataset for Autonomous Driving CVPR 2020 [[Paper](https://arxiv.org/abs/1903.11027)][[Dataset](https://www.nuscenes.org/)]

</details>
"""  # noqa: E501 W291 (lines as the list writes them)


def test_a_fold_whose_summary_names_the_heading_inside_it_is_that_section_not_a_second() -> None:
    """`<summary>Normal Dataset</summary>` then `### Normal Dataset`: one topic, shown or hidden by its fold. The
    summary was a section of its own, so each topic had two paths alike (`add --section "Normal Dataset"` was
    ambiguous) and the next topic's fold was read under this topic's heading ('Conventional End-to-End Methods >
    VLM-Centric End-to-End Methods'); now the heading is the one section, under its own id, and a fold naming
    something else inside it (`Before 2023`) is still its sub-section."""
    plist = parse_list(GE2EAD_TOPICS)
    assert [(s.id, s.kind, len(s.entries)) for s in plist.sections] == [
        ("papers", "heading", 0),
        ("papers/conventional-end-to-end-methods", "heading", 1),
        ("papers/conventional-end-to-end-methods/before-2023", "summary", 1),
        ("papers/vlm-centric-end-to-end-methods", "heading", 1),
        ("dataset", "heading", 0),
        ("dataset/normal-dataset", "heading", 1)]
    for query in ("Conventional End-to-End Methods", "Normal Dataset", "VLM-Centric End-to-End Methods"):
        assert plist.find_section(query).kind == "heading"
    section = plist.find_section("Normal Dataset")
    planner = Paper(arxiv_id="2410.08562", title="A Planner for End-to-End Autonomous Driving", authors=("A. B",))
    updated = plist.with_entry(planner, section)
    assert updated.place_of(planner) == ("Dataset", "Normal Dataset")
    # a summary that names another topic, or text between it and the heading, keeps the fold a section
    other = GE2EAD_TOPICS.replace("<summary>Normal Dataset</summary>", "<summary>Datasets</summary>")
    assert [s.path for s in parse_list(other).sections][-2:] == [("Dataset", "Datasets"), ("Dataset", "Normal Dataset")]
    summary = "<summary>Normal Dataset</summary>\n"
    other = GE2EAD_TOPICS.replace(summary, summary + "See below.\n")
    assert [s.path for s in parse_list(other).sections][-2:] == [("Dataset", "Normal Dataset")] * 2


def embodied_memory(memory: int, evolving: int = 2) -> str:
    """x-zheng16/Awesome-Embodied-AI-Safety README.md: its Agentic layer's Memory and Self-Evolving folds (verbatim
    lines, cut to their first papers, their counts, 22 and 17 there, set to `memory` and `evolving`), each fold's
    topic also a heading inside it as yyxisgreat-ops/GE2EAD writes its topics (`<summary>Normal Dataset</summary>`
    over `### Normal Dataset`): no list the project keeps says a count in both."""
    return (
        "## Surveyed Papers\n\n"
        "<details open>\n"
        f"<summary>Memory ({memory})</summary>\n\n"
        f"### Memory ({memory})\n\n"
        "- [SafeHarbor: Hierarchical Memory-Augmented Guardrail for LLM Agent Safety](https://arxiv.org/abs/2605.05704)."
        " Liu et al. *In ICML*, 2026.\n"
        "- [How Far Are VLMs from Privacy Awareness in the Physical World? An Empirical Study]"
        "(https://arxiv.org/abs/2605.05340). Wang et al. *arXiv 2605.05340*, 2026.\n"
        "- [A-MEM: Agentic Memory for LLM Agents](https://arxiv.org/abs/2502.12110). Xu et al. *In NeurIPS*, 2026.\n"
        "</details>\n\n"
        "<details open>\n"
        f"<summary>Self-Evolving ({evolving})</summary>\n\n"
        f"### Self-Evolving ({evolving})\n\n"
        "- [Your Agent May Misevolve: Emergent Risks in Self-evolving LLM Agents](https://arxiv.org/abs/2509.26354). "
        "Shao et al. *arXiv 2509.26354*, 2025.\n"
        "- [Agent-SafetyBench: Evaluating the Safety of LLM Agents](https://arxiv.org/abs/2412.14470). Zhang et al. "
        "*arXiv 2412.14470*, 2024.\n"
        "</details>\n"
    )


def test_a_count_in_the_summary_of_a_fold_that_wraps_its_heading_grows_with_the_heading() -> None:
    """`<summary>Memory (3)</summary>` over `### Memory (3)`: one section, whose heading said 4 when a paper was
    added and whose summary still said 3, so the next read found two topics, 'Memory (3)' and 'Memory (4)'; now
    both say 4, a stale count the two say alike (22 over a cut copy's 3 papers) both 23, and a summary a
    contributor left behind (27 over `### Memory (28)`) still names the heading's one section."""
    for said, now in ((3, 4), (22, 23)):
        plist = parse_list(embodied_memory(said))
        after = plist.with_entry(PAPER, plist.find_section(f"Memory ({said})"))
        (op,) = [op for op in changed_ranges(plist.lines, after.lines) if op[0] == "insert"]
        assert after.lines[op[3]].startswith(f"- [{PAPER.title}](https://arxiv.org/abs/2503.17460)")
        assert "".join(after.lines[:op[3]] + after.lines[op[4]:]) == embodied_memory(now)
        assert [s.path[-1] for s in parse_list(after.to_text()).sections] == [
            "Surveyed Papers", f"Memory ({now})", "Self-Evolving (2)"]
    # that summary is under the heading of the section around it, whose fold's count is not: with one paper in
    # Self-Evolving, Surveyed Papers holds 4, as many as the summary says, which still says 4, not 5
    one = "- [Agent-SafetyBench: Evaluating the Safety of LLM Agents](https://arxiv.org/abs/2412.14470). Zhang et al. "
    plist = parse_list(embodied_memory(3, 1).replace(one + "*arXiv 2412.14470*, 2024.\n", ""))
    after = plist.with_entry(PAPER, plist.find_section("Memory (3)"))
    (op,) = [op for op in changed_ranges(plist.lines, after.lines) if op[0] == "insert"]
    assert "".join(after.lines[:op[3]] + after.lines[op[4]:]) == embodied_memory(4, 1).replace(
        one + "*arXiv 2412.14470*, 2024.\n", "")
    stale = embodied_memory(28).replace("<summary>Memory (28)</summary>", "<summary>Memory (27)</summary>")
    assert [s.path[-1] for s in parse_list(stale).sections] == ["Surveyed Papers", "Memory (28)", "Self-Evolving (2)"]


# yyxisgreat-ops/GE2EAD README.md: the last papers of Conventional End-to-End Methods' 2024 fold and the first of 2023,
# each with the list's own summary of it indented under it after a line of three spaces (verbatim lines, `\x20`)
GE2EAD_SUMMARIES = """### Conventional End-to-End Methods

<details open>
<summary>2024</summary>

- **EfficientFuser**: Efficient Fusion and Task Guided Embedding for End-to-end Autonomous Driving [[Paper](https://arxiv.org/pdf/2407.02878)]
\x20\x20\x20
    Summary: Reduce required parameters and computation with EfficientViT lightweight neural networks.

- **UAD**: End-to-End Autonomous Driving without Costly Modularization and 3D Manual Annotation [[Paper](https://arxiv.org/pdf/2406.17680)]
\x20\x20\x20
    Summary: Using unsupervised frameworks eliminate the need for expensive 3D annotation and use self-supervised training strategies to enhance the planning robustness in the transition scene.

- **GraphAD**: Interaction Scene Graph for End-to-end Autonomous Driving [[Paper](https://arxiv.org/pdf/2403.19098)] [[Code](https://github.com/zhangyp15/GraphAD)]
\x20\x20\x20
    Summary: The graph model is adopted to describe the complex interactions in the traffic scene and introduce powerful prior knowledge.

- **VADv2**: End-to-End Vectorized Autonomous Driving via Probabilistic Planning [[Paper](https://arxiv.org/pdf/2402.13243)] [[Code](https://github.com/hustvl/vad)]
\x20\x20\x20
    Summary: Output the probability distribution of the action to deal with the uncertainty of the planning.
</details>

<details open>
<summary>2023</summary>

- **VAD**: Vectorized Scene Representation for Efficient Autonomous Driving, **ICCV 2023** [[Paper](https://arxiv.org/pdf/2303.12077)] [[Code](https://github.com/hustvl/VAD)]
\x20\x20\x20
    Summary: The design of vectorized environmental representation improves the processing speed, and instance-level planning constraints enhance planning security.

</details>
"""  # noqa: E501 (lines as the list writes them)


def test_a_new_entry_goes_after_the_paragraph_indented_under_its_neighbour_not_between_them() -> None:
    """`- **UAD**: ... [[Paper](...)]`, a line of spaces, then `    Summary: ...`: the summary is UAD's, as Markdown
    reads an indented paragraph after a blank line. A 2404 paper, which the fold's order puts after UAD, went
    between UAD and its summary, so the summary read as the new paper's; a 2401 paper at the fold's end went between
    VADv2 and its. Both now go after the summary, a blank line between entries as the fold keeps them."""
    plist = parse_list(GE2EAD_SUMMARIES)
    section = plist.sections[0]
    planner = Paper(arxiv_id="2404.08562", title="A Planner for End-to-End Autonomous Driving", authors=("A. B",))
    updated = plist.with_entry(planner, section)
    n = next(i for i, line in enumerate(updated.lines) if "2404.08562" in line)
    assert updated.lines[n - 3: n] == ["   \n", "    Summary: Using unsupervised frameworks eliminate the need for "
                                       "expensive 3D annotation and use self-supervised training strategies to enhance"
                                       " the planning robustness in the transition scene.\n", "\n"]
    assert updated.lines[n + 1] == "\n" and "GraphAD" in updated.lines[n + 2]
    updated = plist.with_entry(dataclasses.replace(planner, arxiv_id="2401.08562"), section)
    n = next(i for i, line in enumerate(updated.lines) if "2401.08562" in line)
    assert updated.lines[n - 2].startswith("    Summary: Output the probability") and updated.lines[n - 1] == "\n"
    assert updated.lines[n + 1] == "</details>\n"
    # a bullet indented under an entry past a blank line is its too (GE2EAD's datasets: `  - Support Tasks: ...`)
    dataset = parse_list("### Normal Dataset\n\n" + "".join(
        f"- **{name}**: A Dataset [[Paper](https://arxiv.org/abs/{aid})]\n  \n  - Support Tasks: Planning\n\n"
        for name, aid in (("nuScenes", "1903.11027"), ("Lyft", "2006.14480"))))
    updated = dataset.with_entry(dataclasses.replace(planner, arxiv_id="2401.08562"), dataset.sections[0])
    assert updated.lines[-4:] == ["  - Support Tasks: Planning\n", "\n", updated.lines[-2], "\n"]
    assert "2401.08562" in updated.lines[-2]


def test_a_new_entry_opens_with_the_methods_short_name_where_the_sections_entries_do() -> None:
    """GE2EAD writes `- **VAD**: Vectorized Scene Representation ..., **ICCV 2023** [[Paper](url)]`: the bold name
    was read as the title (`VAD`), the title after it as a note and its venue as none, so a new entry went in as `-
    **FUSION: Fully Integration of ...** [[Paper](url)]`. The title is now the text after the colon, the venue the
    bold one after its comma, and a new entry opens with the part of its title before the first colon where that is a
    short name, `- **FUSION**: Fully Integration of ...`, the name again in its title where its neighbours repeat
    theirs (2025's `**LAP**: LAP: Fast ...`); a title that names no method (`Position: ...`, no colon) goes in
    without a name. No `Summary:` under it: the list's summaries are its maintainers' words, which the bot has none
    of."""
    plist = parse_list(GE2EAD_FOLDS)
    assert [e.title for e in plist.entries][2:5] == [
        "LAP: Fast Latent Diffusion Planner with Fine-Grained Feature Distillation for Autonomous Driving",
        "Gaussian-Centric End-to-End Autonomous Driving",
        "Module-wise Adaptive Adversarial Training for End-to-end Autonomous Driving"]
    assert (plist.entries[-1].title, plist.entries[-1].venue) == (
        "Vectorized Scene Representation for Efficient Autonomous Driving", "ICCV 2023")
    fusion = Paper(arxiv_id="2504.09925", title="FUSION: Fully Integration of Vision-Language Representations for Deep "
                   "Cross-Modal Understanding", authors=("Zheng Liu",), version=1)
    updated = plist.with_entry(fusion, plist.sections[1])
    assert [line for line in updated.lines if "2504.09925" in line] == [
        "- **FUSION**: FUSION: Fully Integration of Vision-Language Representations for Deep Cross-Modal Understanding"
        " [[Paper](https://arxiv.org/pdf/2504.09925)]\n"]  # among 2025's papers, each of which repeats its name
    plist = parse_list(GE2EAD_SUMMARIES)
    assert [e.title[:9] for e in plist.entries] == ["Efficient", "End-to-En", "Interacti", "End-to-En", "Vectorize"]
    at_2024 = dataclasses.replace(fusion, arxiv_id="2404.09925")
    updated = plist.with_entry(at_2024, plist.sections[0])
    n = next(i for i, line in enumerate(updated.lines) if "2404.09925" in line)
    assert updated.lines[n: n + 3] == [
        "- **FUSION**: Fully Integration of Vision-Language Representations for Deep Cross-Modal Understanding"
        " [[Paper](https://arxiv.org/pdf/2404.09925)]\n", "\n", "- **GraphAD**: Interaction Scene Graph for End-to-end "
        "Autonomous Driving [[Paper](https://arxiv.org/pdf/2403.19098)] [[Code](https://github.com/zhangyp15/GraphAD)]\n"]
    for title in ("Position: End-to-End Driving Needs World Models", "Deep Learning: Planning for Autonomous Driving",
                  "Gaussian-Centric Planning for Autonomous Driving"):
        updated = plist.with_entry(dataclasses.replace(at_2024, title=title), plist.sections[0])
        assert f"- {title} [[Paper](https://arxiv.org/pdf/2404.09925)]\n" in updated.lines
    # a bold title and its description after a colon, or a list with two such bullets: the bold text is the title
    two = parse_list("## A\n- **Toolformer**: Tools [[paper](https://arxiv.org/abs/2302.04761)]\n"
                     "- **ReAct**: Acting [[paper](https://arxiv.org/abs/2210.03629)]\n")
    assert [e.title for e in two.entries] == ["Toolformer", "ReAct"]



# yyxisgreat-ops/GE2EAD README.md: its Conventional End-to-End Methods' fold of papers before 2023 (verbatim lines, the
# first three papers with a venue and the two arXiv preprints without one, their summaries cut)
GE2EAD_BEFORE_2023 = """### Conventional End-to-End Methods

<details open>
<summary>Before 2023</summary>

- **MMFN**: Multi-Modal-Fusion-Net for End-to-End Driving, **IROS 2022** [[Paper](https://arxiv.org/pdf/2207.00186)] [[Code](https://github.com/Kin-Zhang/mmfn)]

- **KEMP**: Keyframe-Based Hierarchical End-to-End Deep Model for Long-Term Trajectory Prediction, **ICRA 2022** [[Paper](https://arxiv.org/pdf/2205.04624)]

- **TCP**: Trajectory-guided Control Prediction for End-to-end Autonomous Driving: A Simple yet Strong Baseline, **NeurIPS 2022** [[Paper](https://arxiv.org/pdf/2206.08129)] [[Code](https://github.com/OpenPerceptionX/TCP)]

- **Drive in A Day**: Learning to drive in a day [[Paper](https://arxiv.org/pdf/1807.00412)] [[Code](https://github.com/sheelabhadra/Learning2Drive)]

- **CNN E2E**: End to End Learning for Self-Driving Cars [[Paper](https://arxiv.org/pdf/1604.07316)] [[Code](https://github.com/Nuclearstar/End-to-End-Learning-for-Self-Driving-Cars)]

</details>
"""  # noqa: E501 (entries as the list writes them)


def test_a_paper_accepted_somewhere_gets_its_venue_where_the_sections_published_papers_write_theirs() -> None:
    """GE2EAD writes a published paper's venue after its title (`- **VAD**: Vectorized ..., **ICCV 2023**
    [[Paper](url)]`) and an arXiv preprint without one (`- **LAP**: LAP: ... [[Paper](url)]`). A paper whose arXiv
    comment says "Accepted to CVPR 2025" took the shape most of the section's entries have, a preprint's, and went in
    without its venue; it now goes in as the section's published papers are, `, **CVPR 2025**` after its title, in
    the fold of its year whatever its papers write. So, the other way round, an arXiv preprint in a section whose
    papers are mostly published goes in as its preprints are, not with a `, **arXiv 2022**` the list never writes."""
    plist = parse_list(GE2EAD_FOLDS)
    fusion = Paper(arxiv_id="2504.09925", title="FUSION: Fully Integration of Vision-Language Representations for Deep "
                   "Cross-Modal Understanding", authors=("Zheng Liu",), version=1, comment="Accepted to CVPR 2025")
    updated = plist.with_entry(fusion, plist.sections[1])
    assert [line for line in updated.lines if "2504.09925" in line] == [
        "- **FUSION**: FUSION: Fully Integration of Vision-Language Representations for Deep Cross-Modal Understanding,"
        " **CVPR 2025** [[Paper](https://arxiv.org/pdf/2504.09925)]\n"]  # among 2025's papers, in their name's form
    updated = plist.with_entry(dataclasses.replace(fusion, arxiv_id="2410.09925"), plist.sections[1])
    assert [line for line in updated.lines if "2410.09925" in line] == [
        "- **FUSION**: Fully Integration of Vision-Language Representations for Deep Cross-Modal Understanding,"
        " **CVPR 2025** [[Paper](https://arxiv.org/pdf/2410.09925)]\n"]
    preprint = dataclasses.replace(fusion, arxiv_id="2410.09925", comment="12 pages, 5 figures")
    updated = plist.with_entry(preprint, plist.sections[1])
    assert [line for line in updated.lines if "2410.09925" in line] == [
        "- **FUSION**: Fully Integration of Vision-Language Representations for Deep Cross-Modal Understanding"
        " [[Paper](https://arxiv.org/pdf/2410.09925)]\n"]  # a preprint as before
    # three published papers and two preprints: a preprint as the preprints are, an accepted paper as the others
    before = parse_list(GE2EAD_BEFORE_2023)
    mile = Paper(arxiv_id="2206.09925", title="MILE: Model-Based Imitation Learning for Urban Driving",
                 authors=("Anthony Hu",), version=1)
    updated = before.with_entry(mile, before.sections[0])
    assert [line for line in updated.lines if "2206.09925" in line] == [
        "- **MILE**: Model-Based Imitation Learning for Urban Driving [[Paper](https://arxiv.org/pdf/2206.09925)]\n"]
    updated = before.with_entry(dataclasses.replace(mile, comment="NeurIPS 2022"), before.sections[0])
    assert [line for line in updated.lines if "2206.09925" in line] == [
        "- **MILE**: Model-Based Imitation Learning for Urban Driving, **NeurIPS 2022**"
        " [[Paper](https://arxiv.org/pdf/2206.09925)]\n"]
    # a section that writes its preprints' venue (`**arXiv 2022**`) writes a preprint's as most of its entries do
    dated = parse_list(GE2EAD_BEFORE_2023.replace("Self-Driving Cars [[", "Self-Driving Cars, **arXiv 2016** [["))
    updated = dated.with_entry(mile, dated.sections[0])
    assert [line for line in updated.lines if "2206.09925" in line] == [
        "- **MILE**: Model-Based Imitation Learning for Urban Driving, **arXiv 2022**"
        " [[Paper](https://arxiv.org/pdf/2206.09925)]\n"]


# deeplearning4j/deeplearning4j-docs generative-adversarial-network.md: its GAN papers, each title in brackets before a
# `[[Paper]](url)` link, as zhangqianhui/AdversarialNetsPapers writes them (verbatim lines)
GAN_PAPERS = """## Notable Papers on GANs

* [Generative Adversarial Nets] [[Paper]](https://arxiv.org/abs/1406.2661)
[[Code]](https://github.com/goodfeli/adversarial)(Ian Goodfellow's breakthrough paper)

### Unclassified Papers & Resources

* [Adversarial Autoencoders] [[Paper]](http://arxiv.org/abs/1511.05644)[[Code]](https://github.com/musyoku/adversarial-autoencoder)

* [Generating Images with Perceptual Similarity Metrics based on Deep Networks] [[Paper]](https://arxiv.org/pdf/1602.02644v2.pdf)

* [Generative Adversarial Networks as Variational Training of Energy Based Models] [[Paper]](http://www.mathpubs.com/detail/1611.01799v1/Generative-Adversarial-Networks-as-Variational-Training-of-Energy-Based-Models)(ICLR 2017)

### Joint Probability

* [Adversarially Learned Inference][[Paper]](https://arxiv.org/abs/1606.00704)[[Code]](https://github.com/IshmaelBelghazi/ALI)
"""  # noqa: E501 (entries as the list writes them)


def test_a_title_in_brackets_before_a_paper_link_is_read_without_them() -> None:
    """`* [Generative Adversarial Nets] [[Paper]](url)`: the brackets, which GitHub shows, were read as part of the
    title, `[Generative Adversarial Nets]`, so a paper the list links elsewhere than arXiv was known by a title no
    feed writes, and a new entry went in without them, `* Wasserstein GAN [[Paper]](url)`. The title is now the
    text inside, and a new entry writes its own in brackets as its neighbours do. A date or venue in brackets there
    (`[arXiv 2025] [[paper]](url)`) is still no title without its brackets, and `[ICML 2024] Title [[pdf]](url)`
    reads as before: the venue, then the title."""
    plist = parse_list(GAN_PAPERS)
    assert [e.title for e in plist.entries] == [
        "Generative Adversarial Nets", "Adversarial Autoencoders",
        "Generating Images with Perceptual Similarity Metrics based on Deep Networks",
        "Generative Adversarial Networks as Variational Training of Energy Based Models",
        "Adversarially Learned Inference"]
    assert plist.entries[3].key.startswith("title:generative adversarial networks as variational")
    wgan = Paper(arxiv_id="1701.07875", title="Wasserstein GAN", authors=("Martin Arjovsky",), version=1)
    updated = plist.with_entry(wgan, plist.sections[1])
    assert [line for line in updated.lines if "1701.07875" in line] == [
        "* [Wasserstein GAN] [[Paper]](https://arxiv.org/abs/1701.07875)\n"]
    updated = plist.with_entry(wgan, plist.sections[2])
    assert [line for line in updated.lines if "1701.07875" in line] == [
        "* [Wasserstein GAN][[Paper]](https://arxiv.org/abs/1701.07875)\n"]
    tagged = parse_list("## A\n- [arXiv 2025] [[paper]](https://arxiv.org/abs/2503.06542)\n"
                        "- [ICML 2024] Graph Condensation via Eigenbasis Matching. [[pdf]](https://arxiv.org/pdf/2310.09202.pdf)"
                        "\n- [AAAI] [[paper]](https://arxiv.org/abs/2503.06543)\n")
    assert [(e.title, e.venue) for e in tagged.entries] == [
        ("[arXiv 2025]", ""), ("Graph Condensation via Eigenbasis Matching.", "ICML 2024"), ("[AAAI]", "")]

def test_a_list_kept_oldest_first_gets_the_new_year_last_and_in_its_one_line_contents() -> None:
    """The same sections oldest first, linked on one line: `### 2025` after the 2024 papers, before the next
    heading, and `[2025](#2025)` after `[2024](#2024)` with the line's separator."""
    _, y2024 = RLHF.split("### 2024\n")
    y2024, y2023 = y2024.split("### 2023\n")
    text = ("## Contents\n\n- [2023](#2023) | [2024](#2024) | [Codebases](#codebases)\n\n## Papers\n\n"
            f"### 2023\n{y2023}\n### 2024\n{y2024}## Codebases\n\n- [trlx](https://github.com/CarperAI/trlx)\n")
    updated = in_its_year(parse_list(text), AGENTIC_RL)
    assert updated.lines[2] == "- [2023](#2023) | [2024](#2024) | [2025](#2025) | [Codebases](#codebases)\n"
    n = updated.lines.index("### 2025\n")
    assert updated.lines[n - 2: n] == ["  - Keyword: RLHF, Preference distribution, Aligning, LLM\n", "\n"]
    assert updated.lines[n + 3: n + 5] == ["\n", "## Codebases\n"]


def test_a_new_year_of_tables_repeats_the_years_table_header_and_closing_line() -> None:
    """Year sections that each open with the same table header and close with `[back to top]`: the new one does
    too, its paper a row of that table."""
    rows = {  # rows of Tebmer/Awesome-Knowledge-Distillation-of-LLMs README.md
        "2024": "| [**Distillation Matters: Empowering Sequential Recommenders to Match the Performance of Large "
                "Language Model**](https://arxiv.org/abs/2405.00338) | arXiv | 2024-05 |\n"
                "| [**Large Language Model Meets Graph Neural Network in Knowledge Distillation**]"
                "(https://arxiv.org/abs/2402.05894) | arXiv | 2024-02 |\n",
        "2023": "| [**Prompt Distillation for Efficient LLM-based Recommendation**](https://dl.acm.org/doi/10.1145/"
                "3583780.3615017) | CIKM | 2023-10 |\n"
                "| [**Knowledge Distillation for High Dimensional Search Index**](https://arxiv.org/abs/2310.19024) "
                "| NeurIPS | 2023-10 |\n",
    }
    header = "| Title | Venue | Date |\n|:--------|:--------:|:--------:|\n"
    text = "## Papers\n\n" + "".join(f"### {y}\n\n{header}{r}\n[back to top](#contents)\n\n" for y, r in rows.items())
    updated = in_its_year(parse_list(text), AGENTIC_RL)
    assert "".join(updated.lines[2:11]) == (
        f"### 2025\n\n{header}| [**The Landscape of Agentic Reinforcement Learning for LLMs: A Survey**]"
        "(https://arxiv.org/abs/2509.02547) | arXiv | 2025-09 |\n\n[back to top](#contents)\n\n### 2024\n")


def test_a_new_entrys_arxiv_link_takes_the_form_most_of_its_section_writes() -> None:
    """kd-llm's and RLHF's entries link `https://arxiv.org/pdf/2403.02966.pdf`: a new entry linked the abstract
    page, `https://arxiv.org/abs/ID`, whatever its neighbours wrote."""
    # opendilab/awesome-RLHF's Papers > 2024 (verbatim, entries' notes cut): three `/pdf/ID.pdf`, a `/pdf/ID` and
    # an abstract page, both on browse.arxiv.org
    y2024 = (
        "### 2024\n"
        "- [On Diversified Preferences of Large Language Model Alignment](https://arxiv.org/pdf/2312.07401.pdf)\n"
        "- [Aligning Crowd Feedback via Distributional Preference Reward Modeling](https://arxiv.org/pdf/2402.09764.pdf)\n"
        "- [Beyond One-Preference-Fits-All Alignment: Multi-Objective Direct Preference Optimization]"
        "(https://arxiv.org/pdf/2310.03708.pdf)\n"
        "- [Dense Reward for Free in Reinforcement Learning from Human Feedback](https://browse.arxiv.org/pdf/2402.00782)\n"
        "- [Transforming and Combining Rewards for Aligning Large Language Models](https://browse.arxiv.org/abs/2402.00742)\n"
    )
    y2023 = (
        "### 2023\n"
        "- [Adversarial Preference Optimization](https://arxiv.org/abs/2311.08045)\n"
        "- [Iterative Preference Learning from Human Feedback: Bridging Theory and Practice for RLHF under "
        "KL-Constraint](https://arxiv.org/abs/2312.11456)\n"
        "- [Let's Reinforce Step by Step](https://arxiv.org/abs/2311.05821)\n"
    )
    plain = dataclasses.replace(PAPER, authors=())
    lines = added_line(y2024 + y2023, "2024", plain)
    assert lines == [f"- [{PAPER.title}](https://arxiv.org/pdf/2503.17460.pdf)\n"]
    lines = added_line(y2024 + y2023, "2023", plain)
    assert lines == [f"- [{PAPER.title}](https://arxiv.org/abs/2503.17460)\n"]
    # two PDF links are no form of the section's own on a list of abstract pages: the list's
    two = "".join(y2024.splitlines(True)[:3])
    lines = added_line(two + y2023, "2024", plain)
    assert lines == [f"- [{PAPER.title}](https://arxiv.org/abs/2503.17460)\n"]
    # a list that keeps versions (rag-reasoning's `https://www.arxiv.org/abs/2504.14858v1`): the paper's, where known
    versioned = y2023.replace("https://arxiv.org/abs/", "https://www.arxiv.org/abs/").replace(")\n", "v1)\n")
    lines = added_line(versioned, "2023", dataclasses.replace(plain, version=2))
    assert lines == [f"- [{PAPER.title}](https://www.arxiv.org/abs/2503.17460v2)\n"]
    lines = added_line(versioned, "2023", plain)
    assert lines == [f"- [{PAPER.title}](https://www.arxiv.org/abs/2503.17460)\n"]
    # http, as Efficient-LLMs-Survey links its own paper (`http://arxiv.org/abs/2312.03863`)
    lines = added_line(y2023.replace("https://", "http://"), "2023", plain)
    assert lines == [f"- [{PAPER.title}](http://arxiv.org/abs/2503.17460)\n"]


def agent_papers(count: int) -> str:
    """js-lee-AI/awesome-llm-agent-papers README.md: its Contents' Background lines and Surveys & Position Papers
    (verbatim lines), the section cut to its first three papers and its three counts, 39 there, set to `count`."""
    return (
        "## Contents\n\n"
        "- [⭐ Starter Kit](#starter-kit)\n"
        "- **🧭 Background**\n"
        f"  - [📚 Surveys & Position Papers ({count})](#surveys)\n"
        "  - [🏗️ Agent Architectures & Frameworks (26)](#architectures)\n\n"
        "## 🧭 Background\n\n"
        '<a id="surveys"></a>\n'
        f"### 📚 Surveys & Position Papers ({count})\n"
        "*Corresponds to §1-§3 (Introduction, Background, Taxonomy).*\n\n"
        "<details>\n"
        f"<summary><b>Show {count} papers</b></summary>\n\n"
        "- **[A Survey on Large Language Model based Autonomous Agents](https://arxiv.org/abs/2308.11432)** (Wang et "
        "al., arXiv 2023) - *The canonical, most-cited general-purpose LLM-agent survey.* ⭐ "
        "[[code](https://github.com/Paitesanshi/LLM-Agent-Survey)]\n"
        "- **[The Rise and Potential of Large Language Model Based Agents: A Survey](https://arxiv.org/abs/2309.07864)**"
        " (Xi et al., arXiv 2023) - *Co-foundational with Wang et al. 2023 as one of the two seminal general surveys.* "
        "[[code](https://github.com/WooooDyy/LLM-Agent-Paper-List)]\n"
        "- **[Cognitive Architectures for Language Agents](https://arxiv.org/abs/2309.02427)** (Sumers et al., TMLR "
        "2023) - *The most widely adopted conceptual/architectural vocabulary for describing LLM agents.* ⭐ "
        "[[code](https://github.com/ysymyth/awesome-language-agents)]\n"
        "</details>\n\n"
        '<sub><a href="#contents">↑ Back to Contents</a></sub>\n'
    )


def test_a_count_of_papers_in_a_heading_its_fold_and_contents_grows_with_the_paper_added() -> None:
    """`### 📚 Surveys & Position Papers (39)`, `Show 39 papers` and the Contents' `(39)` stayed 39 when a paper
    made the section 40: now each says one more, where it was the section's number of papers."""
    plist = parse_list(agent_papers(3))
    after = plist.with_entry(PAPER, plist.find_section("📚 Surveys & Position Papers (3)"))
    assert after.to_text().replace(after.lines[19], "") == agent_papers(4)
    assert after.lines[19].startswith(f"- **[{PAPER.title}](https://arxiv.org/abs/2503.17460)** (Gody et al., arXiv ")
    assert after.find_section("Surveys & Position Papers (3)").path[-1] == "📚 Surveys & Position Papers (4)"


def test_a_stale_count_the_list_writes_twice_grows_with_the_paper_added() -> None:
    """A count that is not the section's number of entries, 39 over the 3 papers of a cut copy of the list, stayed
    39 in all three places when a paper was added, so the heading said one paper fewer than before; the heading,
    the fold's summary and the contents say the same 39 of a list whose sections count their papers: each now
    says 40, as a contributor adding a paper writes it."""
    stale = parse_list(agent_papers(39))
    after = stale.with_entry(PAPER, stale.find_section("📚 Surveys & Position Papers (39)"))
    assert after.to_text().replace(after.lines[19], "") == agent_papers(40)
    assert after.find_section("Surveys & Position Papers").path[-1] == "📚 Surveys & Position Papers (40)"
    # said in the heading and its fold's summary alone, or in the heading and the contents alone: still twice
    for gone in ("  - [📚 Surveys & Position Papers (39)](#surveys)\n", "<summary><b>Show 39 papers</b></summary>\n"):
        text = agent_papers(39).replace(gone, "")
        plist = parse_list(text)
        after = plist.with_entry(PAPER, plist.find_section("📚 Surveys & Position Papers (39)"))
        (op,) = [op for op in changed_ranges(plist.lines, after.lines) if op[0] == "insert"]
        assert "".join(after.lines[:op[3]] + after.lines[op[4]:]) == text.replace("39", "40")


def test_the_excerpt_of_a_list_whose_counts_are_kept_by_its_ci_counts_on_from_them() -> None:
    """js-lee-AI/awesome-llm-agent-papers keeps each section's count equal to its entries (its CI runs
    scripts/sync_counts.py --check), but a cut copy of it, as the bot's tests and excerpts hold, has 15 papers
    under `(39)` and 7 under `(30)`: a paper added there left all three counts as they were, and now makes them
    40 and 31 (verbatim lines, the fixture unchanged)."""
    plist = read_list(AGENTS)
    for name, old, new, found in (("📚 Surveys & Position Papers (39)", "39", "40", 15),
                                  ("🧠 Planning & Reasoning (30)", "30", "31", 7)):
        section = plist.find_section(name)
        assert len(plist.entries_of(section)) == found
        after = plist.with_entry(PAPER, section)
        changed = changed_ranges(plist.lines, after.lines)
        assert [op[0] for op in changed] == ["replace", "replace", "replace", "insert"]
        for _, i1, i2, j1, j2 in changed[:3]:
            assert after.lines[j1:j2] == [line.replace(f"({old})", f"({new})").replace(f"Show {old} ", f"Show {new} ")
                                          for line in plist.lines[i1:i2]]
            assert after.lines[j1:j2] != plist.lines[i1:i2]
        assert after.find_section(name[:-5]).path[-1] == name.replace(old, new)


def test_a_count_in_a_contents_label_in_bold_grows_with_the_heading() -> None:
    """A contents link in bold, `[**💾 Memory (2)**](#memory)`, stopped `add` and `run` with a bare AssertionError
    and a traceback when a paper went under `## 💾 Memory (2)`; its count now says 3 with the heading's."""
    text = (
        "## Contents\n\n- [**💾 Memory (2)**](#memory)\n\n"
        '<a id="memory"></a>\n## 💾 Memory (2)\n\n'
        "- [MemGPT: Towards LLMs as Operating Systems](https://arxiv.org/abs/2310.08560)\n"
        "- [A-MEM: Agentic Memory for LLM Agents](https://arxiv.org/abs/2502.12110)\n"
    )
    plist = parse_list(text)
    after = plist.with_entry(PAPER, plist.find_section("Memory"))
    assert after.to_text() == text.replace("(2)", "(3)") + f"- [{PAPER.title}](https://arxiv.org/abs/2503.17460)\n"


def test_a_number_that_is_no_kept_count_stays_as_it_is() -> None:
    """Only a count plainly the section's grows where it is not its number of entries: not one written in the
    heading alone, not a lone `(2)` on a list whose sections mostly count nothing, never a year or a version (the
    sections and papers of js-lee-AI/awesome-llm-agent-papers, verbatim but the names and counts)."""
    def unchanged(text: str, name: str) -> None:
        plist = parse_list(text)
        after = plist.with_entry(PAPER, plist.find_section(name))
        (op,) = changed_ranges(plist.lines, after.lines)
        assert op[0] == "insert", name

    # in the heading alone: a number the list does not say again may be a name's
    once = agent_papers(39).replace("  - [📚 Surveys & Position Papers (39)](#surveys)\n", "")
    unchanged(once.replace("<summary><b>Show 39 papers</b></summary>\n", ""), "📚 Surveys & Position Papers (39)")
    # a list whose other section counts nothing: one count of two sections is no habit of the list
    plain = "\n## 🏗️ Agent Architectures & Frameworks\n\n" + (
        "- **[AgentBench: Evaluating LLMs as Agents](https://arxiv.org/abs/2308.03688)** (Liu et al., ICLR 2024)\n")
    unchanged(agent_papers(39) + plain, "📚 Surveys & Position Papers (39)")
    # a year and a version, said in the heading and the contents, on a list whose other sections count theirs
    for name in ("🔥 Agents to Watch (2024)", "🤖 GPT-4 (v2)"):
        text = agent_papers(3).replace("  - [🏗️", f"  - [{name}](#topic)\n  - [🏗️") + (
            f'\n<a id="topic"></a>\n### {name}\n\n'
            "- **[AgentBench: Evaluating LLMs as Agents](https://arxiv.org/abs/2308.03688)** (Liu et al., ICLR 2024)\n")
        unchanged(text, name)


def test_a_count_in_a_heading_linked_by_the_anchor_made_of_its_text_is_updated_with_its_links() -> None:
    """Without an `<a id>`, GitHub's anchor of `## 💾 Memory (2)` is `#-memory-2`: the links to it follow the new
    heading, or they would lead nowhere; a count of other things (a year, `(2026)`) is no count of papers."""
    text = (
        "## Contents\n\n- [💾 Memory (2)](#-memory-2) | [🔥 10 to Watch (2026)](#-10-to-watch-2026)\n\n"
        "## 💾 Memory (2)\n\n"
        "- [MemGPT: Towards LLMs as Operating Systems](https://arxiv.org/abs/2310.08560)\n"
        "- [A-MEM: Agentic Memory for LLM Agents](https://arxiv.org/abs/2502.12110)\n\n"
        "See [the memory papers](#-memory-2).\n\n"
        "## 🔥 10 to Watch (2026)\n\n"
        "- [SimpleMem: Efficient Lifelong Memory for LLM Agents](https://arxiv.org/abs/2601.02553)\n"
        "- [GenericAgent: A Token-Efficient Self-Evolving LLM Agent via Contextual Information Density "
        "Maximization](https://arxiv.org/abs/2604.17091)\n"
    )
    plist = parse_list(text)
    after = plist.with_entry(PAPER, plist.find_section("Memory"))
    assert changed_ranges(plist.lines, after.lines) == [("replace", 2, 3, 2, 3), ("replace", 4, 5, 4, 5),
                                                        ("insert", 8, 8, 8, 9), ("replace", 9, 10, 10, 11)]
    assert after.lines[2] == "- [💾 Memory (3)](#-memory-3) | [🔥 10 to Watch (2026)](#-10-to-watch-2026)\n"
    assert (after.lines[4], after.lines[10]) == ("## 💾 Memory (3)\n", "See [the memory papers](#-memory-3).\n")
    after = plist.with_entry(PAPER, plist.find_section("10 to Watch (2026)"))
    assert changed_ranges(plist.lines, after.lines) == [("insert", 15, 15, 15, 16)]


# The Solo Unicorn Toolbox README (the search index's file 61649425597; the index does not name its repository): its
# Contents count each group by the sum of the counts its sub-sections' headings say, `(38)` over `Claude Code 生态
# (6)`, `Codex (1)`, `OpenClaw / Hermes / Paperclip (8)`, `多智能体编排 (7)`, `智能体平台与 UI (10)` and
# `通用 / 研究型智能体 (6)`. Verbatim lines: the group's Contents line and heading, `Codex (1)` whole and the first
# three rows of `通用 / 研究型智能体 (6)`.
TOOLBOX_ROW = "| 仓库 | 描述 | 语言 | ⭐ | 标签 |\n|---|---|---|---|---|\n"
TOOLBOX_AGENTS = (
    "- [🤖 AI 智能体与编码助手生态 (38)](#-ai-智能体与编码助手生态)\n\n"
    "---\n\n"
    "## 🤖 AI 智能体与编码助手生态\n\n"
    "### Codex (1)\n\n" + TOOLBOX_ROW +
    "| [openai/codex-plugin-cc](https://github.com/openai/codex-plugin-cc) | "
    "在 Claude Code 里使用 Codex 来 review 代码或派发任务 | JavaScript | 17.9k |  |\n\n"
    "### 通用 / 研究型智能体 (6)\n\n" + TOOLBOX_ROW +
    "| [karpathy/autoresearch](https://github.com/karpathy/autoresearch) | "
    "Karpathy 出品：在单 GPU 上自动跑 nanochat 训练研究的 AI agent | Python | 79.8k |  |\n"
    "| [666ghj/MiroFish](https://github.com/666ghj/MiroFish) | "
    "简洁通用的群体智能引擎，预测万物（agent-memory、社会预测、群体智能） | Python | 59.7k | "
    "`agent-memory` `financial-forecasting` `future-prediction` `knowledge-graph` |\n"
    "| [AntonOsika/gpt-engineer](https://github.com/AntonOsika/gpt-engineer) ⚠️ | gpt-engineer：实验 codegen 的 CLI 平"
    "台（Lovable.dev 的前身） | Python | 55.2k | `ai` `autonomous-agent` `code-generation` `codebase-generation` |\n"
)


def test_a_groups_count_that_sums_its_sections_counts_grows_with_the_one_the_paper_goes_under() -> None:
    """A group whose count in the Contents is the sum of its sections' counts (the toolbox's `(38)`; here 7, the
    1 + 6 of the two sections kept, over 4 rows of a cut copy) stayed 7 when a paper made `Codex (1)` say 2, so the
    list no longer added up; it now says 8 with it. The verbatim 38, neither that sum nor the group's rows, stays."""
    text = TOOLBOX_AGENTS.replace("(38)", "(7)")
    plist = parse_list(text)
    after = plist.with_entry(PAPER, plist.find_section("Codex (1)"))
    assert [op[0] for op in changed_ranges(plist.lines, after.lines)] == ["replace", "replace", "insert"]
    assert after.lines[0] == "- [🤖 AI 智能体与编码助手生态 (8)](#-ai-智能体与编码助手生态)\n"
    assert after.lines[6] == "### Codex (2)\n"
    assert [s.path for s in after.sections][:2] == [("🤖 AI 智能体与编码助手生态",),
                                                    ("🤖 AI 智能体与编码助手生态", "Codex (2)")]
    # a count of neither: the group's own 38, which counts the sections this copy cut
    plist = parse_list(TOOLBOX_AGENTS)
    after = plist.with_entry(PAPER, plist.find_section("Codex (1)"))
    assert after.lines[0] == plist.lines[0] and after.lines[6] == "### Codex (2)\n"


def test_a_parents_count_in_its_heading_grows_with_the_stale_counts_it_sums() -> None:
    """js-lee-AI/awesome-llm-agent-papers (verbatim lines, a cut copy whose counts its Contents say again) with its
    Background group counted in its heading as the toolbox counts its groups: `## 🧭 Background (65)` over `(39)`
    and `(26)`. A paper into Surveys made it `(40)` and left the group at 65; it now says 66, its Contents' links
    and the other section as they were. A sub-section that counts nothing, or one count alone, is no sum."""
    text = agent_papers(39).replace("## 🧭 Background\n", "## 🧭 Background (65)\n") + (
        '\n<a id="architectures"></a>\n'
        "### 🏗️ Agent Architectures & Frameworks (26)\n\n"
        "- **[AgentBench: Evaluating LLMs as Agents](https://arxiv.org/abs/2308.03688)** (Liu et al., ICLR 2024)\n")
    plist = parse_list(text)
    after = plist.with_entry(PAPER, plist.find_section("📚 Surveys & Position Papers (39)"))
    changed = [(plist.lines[i1:i2], after.lines[j1:j2])
               for _, i1, i2, j1, j2 in changed_ranges(plist.lines, after.lines)]
    assert changed[:4] == [
        (["  - [📚 Surveys & Position Papers (39)](#surveys)\n"],
         ["  - [📚 Surveys & Position Papers (40)](#surveys)\n"]),
        (["## 🧭 Background (65)\n"], ["## 🧭 Background (66)\n"]),
        (["### 📚 Surveys & Position Papers (39)\n"], ["### 📚 Surveys & Position Papers (40)\n"]),
        (["<summary><b>Show 39 papers</b></summary>\n"], ["<summary><b>Show 40 papers</b></summary>\n"])]
    assert len(changed) == 5 and changed[4][0] == []  # and the paper
    # the other section's count as it was: its own papers are not the parent's
    assert "### 🏗️ Agent Architectures & Frameworks (26)\n" in after.lines

    def unchanged_parent(text: str) -> None:
        plist = parse_list(text)
        after = plist.with_entry(PAPER, plist.find_section("📚 Surveys & Position Papers (39)"))
        assert "## 🧭 Background (65)\n" in after.lines and "### 📚 Surveys & Position Papers (40)\n" in after.lines

    # a paper into the group's own papers: 1 of its own and the 27 its sub-section says, 28, says 29
    own = ("## Contents\n\n- [💾 Memory (27)](#-memory-27)\n\n## 🧭 Background (28)\n\n"
           "- [A-MEM: Agentic Memory for LLM Agents](https://arxiv.org/abs/2502.12110)\n\n### 💾 Memory (27)\n\n"
           "- [MemGPT: Towards LLMs as Operating Systems](https://arxiv.org/abs/2310.08560)\n")
    plist = parse_list(own)
    after = plist.with_entry(PAPER, plist.find_section("🧭 Background (28)"))
    new = next(line for line in after.lines if "2503.17460" in line)
    assert after.to_text().replace(new, "") == own.replace("(28)", "(29)")

    # a sub-section with a paper and no count: the parent's 65 is no sum of what its sections say
    other = "\n### Other\n\n- **[ReAct: Synergizing Reasoning and Acting in Language Models](https://arxiv.org/abs/2210.03629)**\n"
    unchanged_parent(text + other)
    # Surveys alone under it, said 39 and 65: one count is no sum
    part = '\n## 🧱 Part I: Core Components\n\n<a id="architectures">'
    unchanged_parent(text.replace('\n<a id="architectures">', part))


def test_a_number_that_tells_sections_of_one_name_apart_is_no_count() -> None:
    """`### Part (1)` beside `### Part (2)`, repeated in the contents, number the parts: a paper into Part (1), whose
    one paper its number equals, made it `### Part (2)` and its contents line `[Part (2)](#part-2)`, two sections of
    one name; into Part (2), `(3)`. Now each is left as it is, and the parts' numbers do not make the list one whose
    sections count their papers (a stale `(27)` said twice beside them is a name's, as on a list of plain headings);
    letters and roman numerals, `(a)` and `(I)`, were never counts (the papers of js-lee-AI/awesome-llm-agent-papers,
    verbatim)."""
    papers = [
        "- **[A Survey on Large Language Model based Autonomous Agents](https://arxiv.org/abs/2308.11432)** (Wang et "
        "al., arXiv 2023)\n",
        "- **[Cognitive Architectures for Language Agents](https://arxiv.org/abs/2309.02427)** (Sumers et al., TMLR "
        "2023)\n",
        "- **[AgentBench: Evaluating LLMs as Agents](https://arxiv.org/abs/2308.03688)** (Liu et al., ICLR 2024)\n"]

    def parts(one: str, two: str) -> str:
        return (f"## Contents\n\n- [Part {one}](#part-{one[1:-1].lower()})\n"
                f"- [Part {two}](#part-{two[1:-1].lower()})\n\n"
                f"## Papers\n\n### Part {one}\n\n{papers[0]}\n### Part {two}\n\n{papers[1]}{papers[2]}")

    for one, two in (("(1)", "(2)"), ("(a)", "(b)"), ("(I)", "(II)")):
        text = parts(one, two)
        for name in (f"Part {one}", f"Part {two}"):
            plist = parse_list(text)
            after = plist.with_entry(PAPER, plist.find_section(name))
            assert [op[0] for op in changed_ranges(plist.lines, after.lines)] == ["insert"], name
    # a stale count said in the heading and the contents is kept on a list whose sections count theirs, and the
    # parts' numbers are none
    memory = ("\n### 💾 Memory (27)\n\n- [MemGPT: Towards LLMs as Operating Systems](https://arxiv.org/abs/2310.08560)\n")
    text = parts("(1)", "(2)").replace("\n\n## Papers", "\n- [💾 Memory (27)](#-memory-27)\n\n## Papers") + memory
    plist = parse_list(text)
    after = plist.with_entry(PAPER, plist.find_section("Memory (27)"))
    assert [op[0] for op in changed_ranges(plist.lines, after.lines)] == ["insert"]
    # but a count of papers beside numbered parts still grows, its parts as they were
    text = text.replace("(27)", "(1)").replace("#-memory-27", "#-memory-1")
    plist = parse_list(text)
    after = plist.with_entry(PAPER, plist.find_section("Memory (1)"))
    assert after.to_text().replace(after.lines[-1], "") == text.replace("Memory (1)", "Memory (2)").replace(
        "#-memory-1", "#-memory-2")


def test_a_numbered_part_is_found_and_named_under_its_group_whatever_the_groups_count() -> None:
    """`Papers (3) > Part (2)` in a copy of the list whose group now says `(4)`: without its count the path names
    `Part (1)` as well, and `find_section` said so (ambiguous) and `named` gave the old path; the part that names
    the path's number exactly is the one, and two parts that both differ from it are still ambiguous."""
    text = ("## Papers (4)\n\n### Part (1)\n\n"
            "- [MemGPT: Towards LLMs as Operating Systems](https://arxiv.org/abs/2310.08560)\n\n### Part (2)\n\n"
            "- [A-MEM: Agentic Memory for LLM Agents](https://arxiv.org/abs/2502.12110)\n")
    plist = parse_list(text)
    assert plist.find_section("Papers (3) > Part (2)").path == ("Papers (4)", "Part (2)")
    assert plist.named(("Papers (3)", "Part (1)")) == ("Papers (4)", "Part (1)")
    assert plist.named(("Papers (3)", "Part (7)")) == ("Papers (3)", "Part (7)")
    with pytest.raises(UsageError, match="ambiguous"):
        plist.find_section("Papers (3) > Part (7)")


def test_a_section_is_named_as_the_list_names_it_whatever_count_of_papers_a_path_gives() -> None:
    """A pull request's copy of js-lee-AI/awesome-llm-agent-papers says `(41)` where the models or yesterday's row
    say `(39)`: `named` gives the list's name, in the short form of a PR's table too (`A > … > Z`), and leaves a
    path that names no one section, or no count, as it is."""
    text = (
        "## 🧭 Background\n\n<a id=\"surveys\"></a>\n### 📚 Surveys & Position Papers (41)\n\n"
        "- **[A Survey on Large Language Model based Autonomous Agents](https://arxiv.org/abs/2308.11432)** (Wang et "
        "al., arXiv 2023)\n\n"
        "## 🧱 Part I: Core Components\n\n### 🧠 Planning & Reasoning (30)\n\n#### Self-Reflection (3)\n\n"
        "##### Verbal (2)\n\n"
        "- **[Reflexion: Language Agents with Verbal Reinforcement Learning](https://arxiv.org/abs/2303.11366)**"
        " (Shinn et al., NeurIPS 2023)\n")
    plist = parse_list(text)
    assert plist.named(("🧭 Background", "📚 Surveys & Position Papers (39)")) == (
        "🧭 Background", "📚 Surveys & Position Papers (41)")
    deep = ("🧱 Part I: Core Components", "🧠 Planning & Reasoning (30)", "Self-Reflection (3)", "Verbal (2)")
    assert tuple(plist.sections[-1].path) == deep
    assert plist.named(("🧠 Planning & Reasoning (29)", "…", "Verbal (1)")) == (
        "🧠 Planning & Reasoning (30)", "…", "Verbal (2)")
    assert plist.named((*deep[:3], "Verbal (1)")) == deep
    assert plist.named(("🧭 Background", "📚 Surveys")) == ("🧭 Background", "📚 Surveys")  # no count: as it is
    assert plist.named(("Other", "Memory (27)")) == ("Other", "Memory (27)")  # no such section


# minar09/awesome-autoregressive-video-diffusion-transformers README.md (verbatim rows): every year a table whose `#`
# runs on through the list (`## 2026 Papers` 45-52 above `## 2025 Papers` 1-14, ..., `## 2022 Papers` 41-44) and
# whose Publisher column is each paper's venue, bold where it was accepted somewhere.
_AR_HEADER = (
    "| # | Paper Title | Authors | Institute | Publisher | Paper | Code/Project | Tasks | Output |\n"
    "|---|-------------|---------|-----------|-----------|-------|--------------|-------|--------|\n"
)
_AR_BADGE = "[![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/{})"
_AR_STAR = "[![Star](https://img.shields.io/github/stars/{0}.svg?style=social&label=Star)](https://github.com/{0})"
_AR_WEB = "[![Website](https://img.shields.io/badge/Website-9cf)]({})"
_AR_2026 = [
    ("45", "Causal Forcing: Causal Autoregressive Video Diffusion", "Anonymous", "Tsinghua", "arXiv 2026",
     "2602.02214", _AR_STAR.format("thu-ml/Causal-Forcing"), "T2V, I2V", "Causal, Long"),
    ("46", "Helios: Real Real-Time Long Video Generation Model", "Anonymous", "PKU, YuanGroup", "arXiv 2026",
     "2603.04379", _AR_STAR.format("PKU-YuanGroup/Helios") + " " + _AR_WEB.format(
         "https://pku-yuangroup.github.io/Helios-Page/"), "T2V", "Real-time, Long"),
    ("47", "Stable Video Infinity: Infinite-Length Video Generation with Error Recycling", "Anonymous", "EPFL",
     "**ICLR 2026 Oral**", "2510.09212", _AR_STAR.format("vita-epfl/Stable-Video-Infinity"), "T2V",
     "Infinite, Error-recycling"),
    ("48", "LAViG-FLOW: Latent Autoregressive Video Generation with Flow-based Decoding", "Anonymous", "KAUST",
     "arXiv 2026", "2601.13190", _AR_STAR.format("DeepWave-KAUST/LAViG-FLOW-pub"), "T2V", "Flow-based, Long"),
    ("49", "Infinity-RoPE: Action-Controllable Infinite Video Generation Emerges From Autoregressive Self-Rollout",
     "Yesiltepe et al.", "Virginia Tech", "**CVPR 2026**", "2511.20649",
     _AR_STAR.format("yesiltepe-hidir/infinity-rope"), "T2V", "Action-controllable, Infinite"),
    ("50", "Myriad: Flow Poke Transformer for Interactive Video Generation", "Baumann et al.", "CompVis, MCML",
     "**CVPR 2026**", "2604.09527", _AR_STAR.format("CompVis/flow-poke-transformer"), "Interactive, I2V",
     "Interactive, Flow-guided"),
    ("51", "Time-to-Move: Training-Free Motion Controlled Video Generation via Dual-Clock Denoising",
     "Singer et al.", "Technion, NVIDIA", "**ICLR 2026**", "2511.08633", _AR_STAR.format("time-to-move/TTM"), "I2V",
     "Short, Interactive"),
    ("52", "LongLive: Real-time Interactive Long Video Generation", "Yang et al.", "NVIDIA, MIT", "**ICLR 2026**",
     "2509.22622", _AR_STAR.format("NVlabs/LongLive"), "T2V", "Long, Action-Controllable"),
]
_AR_2025 = [
    ("1", "End-to-End Training for Autoregressive Video Diffusion via Self-Resampling", "Huang et al.", "MIT, Adobe",
     "arXiv 2025", "2512.15702", "-", "T2V, I2V", "Long, Streaming"),
    ("2", "Real-Time Motion-Controllable Autoregressive Video Diffusion", "Huang et al.", "MIT, Adobe", "arXiv 2025",
     "2510.08131", "-", "I2V, Motion Control", "Real-time, Interactive"),
    ("3", "MAGI-1: Autoregressive Video Generation at Scale", "Teng et al. (Sand.ai)", "Sand.ai", "arXiv 2025",
     "2505.13211", _AR_STAR.format("SandAI-org/MAGI-1") + " " + _AR_WEB.format("https://magi.world/"),
     "T2V, I2V, Continuation", "Long, Streaming, Cinematic"),
    ("4", "AR-Diffusion: Asynchronous Video Generation with Auto-Regressive Diffusion", "Sun et al.", "Tsinghua, BAAI",
     "**CVPR 2025**", "2503.07418", _AR_STAR.format("thu-ml/AR-Diffusion"), "T2V", "Long, Async"),
    ("5", "From Slow Bidirectional to Fast Autoregressive Video Diffusion Models", "Yin et al.", "MIT, Adobe",
     "**CVPR 2025**", "2412.07772", "-", "T2V, I2V", "Fast, Streaming, Long"),
]
_AR_2022 = [
    ("41", "Long Video Generation with Time-Agnostic VQGAN and Time-Sensitive Transformer", "Ge et al.", "UMD, Adobe",
     "**ECCV 2022**", "2204.03638", _AR_STAR.format("SongweiGe/TATS") + " " + _AR_WEB.format(
         "https://songweige.github.io/projects/tats/index.html"), "T2V", "Long, Up to 30s"),
    ("42", "CogVideo: Large-scale Pretraining for Text-to-Video Generation via Transformers", "Hong et al.",
     "Tsinghua", "arXiv 2022", "2205.15868", _AR_STAR.format("THUDM/CogVideo"), "T2V", "Long"),
    ("43", "Phenaki: Variable Length Video Generation From Open Domain Textual Description", "Villegas et al.",
     "Google", "arXiv 2022", "2210.02399", _AR_WEB.format("https://phenaki.video/"), "T2V", "Variable-length"),
    ("44", "VideoGPT: Video Generation using VQ-VAE and Transformers", "Yan et al.", "UC Berkeley", "arXiv 2021",
     "2104.10157", _AR_STAR.format("wilson1yan/VideoGPT") + " " + _AR_WEB.format(
         "https://wilsonyan.com/videogpt/index.html"), "Unconditional", "Discrete tokens"),
]


def _ar_table(year: str, rows: list[tuple[str, ...]]) -> str:
    body = "".join(f"| {n} | **{title}** | {authors} | {inst} | {pub} | {_AR_BADGE.format(aid)} | {code} | {tasks} "
                   f"| {out} |\n" for n, title, authors, inst, pub, aid, code, tasks, out in rows)
    return f"## {year} Papers\n\n{_AR_HEADER}{body}\n---\n\n"


AR_VIDEO = Paper(arxiv_id="2604.01234", title="Streaming Autoregressive Video Diffusion", authors=("Ann Lee",))


def test_a_publisher_column_is_the_entrys_venue_and_a_new_row_takes_the_lists_next_number() -> None:
    """minar09's tables number their rows through the whole list and name each paper's venue under Publisher: a
    new row left `#` and Publisher empty for the maintainer to fill (`|  | **Title** | ... |  | [![arXiv]...`), and
    `sections --json` read no venue; now the row is number 53, after the list's highest (the 2026 papers were
    numbered 45-52 after the older years' 1-44), in whatever table it goes, and its Publisher says `arXiv 2026`
    plain as the list writes preprints, or `**CVPR 2026**` bold as it writes an accepted paper's venue."""
    text = "# Awesome Autoregressive Video Diffusion Transformers\n\n" + _ar_table("2026", _AR_2026) + _ar_table(
        "2022", _AR_2022) + "## Related Resources\n"
    plist = parse_list(text)
    assert [e.venue for e in plist.entries][:5] == ["arXiv 2026", "arXiv 2026", "ICLR 2026 Oral", "arXiv 2026",
                                                    "CVPR 2026"]
    assert plist.entries[-4].venue == "ECCV 2022"
    (line,) = added_line(text, "2026 Papers", AR_VIDEO)
    assert line == (f"| 53 | **{AR_VIDEO.title}** | Ann Lee |  | arXiv 2026 | {_AR_BADGE.format('2604.01234')} |  "
                    "|  |  |\n")
    accepted = dataclasses.replace(AR_VIDEO, comment="Accepted to CVPR 2026")
    (line,) = added_line(text, "2026 Papers", accepted)
    assert " | 53 | " in f" {line}" and " | Ann Lee |  | **CVPR 2026** | " in line
    (line,) = added_line(text, "2022 Papers", dataclasses.replace(AR_VIDEO, arxiv_id="2206.01234"))
    assert line.startswith("| 53 | **Streaming Autoregressive Video Diffusion** | ") and " | arXiv 2022 | " in line
    # a new year's table continues the numbering too
    paper = dataclasses.replace(AR_VIDEO, arxiv_id="2701.01234")
    section = plist.year_section(paper, plist.find_section("2026 Papers"))
    assert section is not None and section.path == ("2027 Papers",)
    grown = plist.with_year_section(section.path)
    after = grown.with_entry(paper, grown.find_section("2027 Papers"))
    assert inserted_lines(grown.lines, after.lines)[0].startswith("| 53 | **Streaming Autoregressive Video")


def test_a_new_row_of_a_table_numbered_down_from_one_takes_its_places_number_and_renumbers_the_rows_below() -> None:
    """A table numbered 1, 2, 3 ... down its rows (the first five of minar09's `## 2025 Papers`, newest first, on
    their own): a paper of May 2025 goes between MAGI-1 (2505.13211) and AR-Diffusion (2503.07418) as number 4, and
    those below it become 5 and 6, as a maintainer keeps such a table (whitbrunn/Awesome-RL-in-VLA, newest first:
    `01` SOP (Jan 2026), `02` pi*0.6 (Nov 2025), `03` SARM (Oct 2025) at commit 75c6a2c, then GR-RL (Dec 2025) went
    in as `02` and pi*0.6 and SARM became `03` and `04`), where before it was `|  |` beside 4 and 5."""
    text = "# Awesome Autoregressive Video Diffusion Transformers\n\n" + _ar_table("2025", _AR_2025)
    plist = parse_list(text)
    paper = dataclasses.replace(AR_VIDEO, arxiv_id="2505.01234")
    after = plist.with_entry(paper, plist.find_section("2025 Papers"))
    ((tag, i1, i2, j1, j2),) = changed_ranges(plist.lines, after.lines)
    assert (tag, i2 - i1, j2 - j1) == ("replace", 2, 3)
    assert [line.split(" | ")[:2] for line in after.lines[j1:j2]] == [
        ["| 4", f"**{paper.title}**"], ["| 5", "**AR-Diffusion: Asynchronous Video Generation with Auto-Regressive "
                                         "Diffusion**"],
        ["| 6", "**From Slow Bidirectional to Fast Autoregressive Video Diffusion Models**"]]
    assert [line.split(" | ", 1)[1] for line in after.lines[j1 + 1:j2]] == [
        line.split(" | ", 1)[1] for line in plist.lines[i1:i2]]  # every other byte of those rows as it was
    # at the end of the table: the next number, nothing renumbered
    (line,) = added_line(text, "2025 Papers", dataclasses.replace(AR_VIDEO, arxiv_id="2411.01234"))
    assert line.startswith("| 6 | ")


def test_a_new_row_leaves_its_papers_own_facts_empty_where_most_rows_share_one() -> None:
    """Three of the five rows of minar09's `## 2025 Papers` name `MIT, Adobe` under Institute, and five of the eight
    of `## 2026 Papers` `T2V` under Tasks: a new row copied the most common value into such a cell, so a paper from
    elsewhere was written as MIT's and Adobe's, or as text-to-video, where it now leaves them empty for the
    maintainer; a cell that says the row has none (`-` under Code/Project) is still written as the rows write it."""
    text = "# Awesome Autoregressive Video Diffusion Transformers\n\n" + _ar_table("2025", _AR_2025)
    (line,) = added_line(text, "2025 Papers", dataclasses.replace(AR_VIDEO, arxiv_id="2411.01234"))
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    assert cells[:5] == ["6", f"**{AR_VIDEO.title}**", "Lee", "", "arXiv 2024"]  # by one person, beside `Sun et al.`
    assert cells[6:] == ["-", "", ""]  # Code/Project `-` as 3 of the 5 rows; Tasks and Output empty
    text = "# Awesome Autoregressive Video Diffusion Transformers\n\n" + _ar_table("2026", _AR_2026)
    (line,) = added_line(text, "2026 Papers", AR_VIDEO)
    assert [c.strip() for c in line.strip().strip("|").split("|")][7:] == ["", ""]


def test_a_new_row_writes_arxiv_without_a_year_where_its_columns_venues_name_none() -> None:
    """awesome-pruning's second table writes its venues without a year (`ICLR`, `NIPS`), which its Year column gives,
    and he-y/Awesome-Pruning's tables (`ICLR`, `NeurIPS`) under year headings: a new row's Venue cell said `arXiv
    2025`, the only venue of the column with a year, and now says `arXiv` as the column would (its Year cell still
    2025); a table whose venues carry their year still gets `arXiv 2025`."""
    header = ("| No. | Title   | Venue | Type | Algorithm Name | Code | APP | Year |\n"
              "|:-----:|:----------------------------------- |:-----:|:-------:|:----:|:----:|:----:|:----:|\n")
    during = (  # verbatim
        "| 01 | [Dynamic Sparse Training: Find Effective Sparse Network from Scratch with Trainable Masked Layers]"
        "(https://arxiv.org/abs/2005.06870)| ICLR | `W`| DST | [PyTorch(Author)]"
        "(https://github.com/junjieliu2910/DynamicSparseTraining) | Image Classification | 2020 |\n"
        "| 02 | [Learning Structured Sparsity in Deep Neural Networks](https://proceedings.neurips.cc/paper/2016/file/"
        "41bfd20a38bb1b0bec75acf0845530a7-Paper.pdf)| NIPS | `FC`| SSL | [Caffe(Author)]"
        "(https://github.com/wenwei202/caffe/tree/scnn) | Image Classification | 2016 |\n"
    )
    text = f"# awesome-pruning\n\n### Pruning During Training\n{header}{during}\n"
    (line,) = added_line(text, "Pruning During Training", PAPER)
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    assert (cells[0], cells[2], cells[-1]) == ("03", "arXiv", "2025"), line
    # the list writes arXiv with a year elsewhere: its spelling, without the year
    dated_elsewhere = text + "\n### Surveys\n- [A Survey](https://arxiv.org/abs/2401.00001) arXiv 2024\n"
    (line,) = added_line(dated_elsewhere, "Pruning During Training", PAPER)
    assert line.split("|")[3].strip() == "arXiv", line
    he_y = (  # he-y/Awesome-Pruning's README, lines verbatim but for the padding of their cells
        "### 2023\n"
        "| Title | Venue | Type    | Code |\n"
        "|:-------------------------------------------------------------------------------------------------------------"
        "------------------- |:-----:|:-------:|:----:|\n"
        "| [Revisiting Pruning at Initialization Through the Lens of Ramanujan Graph](https://openreview.net/forum?id=uVc"
        "DssQff_) | ICLR  | `W`     | [PyTorch(Author)](https://github.com/VITA-Group/ramanujan-on-pai)(Releasing) |\n"
        "| [CrAM: A Compression-Aware Minimizer](https://openreview.net/forum?id=_eTZBs-yedr) | ICLR  | `W`     | - |\n"
        "\n"
        "### 2022\n"
        "| Title | Venue | Type    | Code |\n"
        "|:-------------------------------------------------------------------------------------------------------------"
        "------------------- |:-----:|:-------:|:----:|\n"
        "| [Parameter-Efficient Masking Networks](https://openreview.net/forum?id=7rcuQ_V2GFg) | NeurIPS | `W`     | "
        "[PyTorch(Author)](https://github.com/yueb17/PEMN) |\n"
    )
    (line,) = added_line("# Awesome Pruning\n\n" + he_y, "2023", PAPER)
    assert [c.strip() for c in line.strip().strip("|").split("|")][1] == "arXiv", line
    # venues with their year: arXiv with the paper's
    dated = text.replace("| ICLR |", "| ICLR 2020 |").replace("| NIPS |", "| NIPS 2016 |")
    (line,) = added_line(dated, "Pruning During Training", PAPER)
    assert line.split("|")[3].strip() == "arXiv 2025", line


def test_an_arxiv_id_in_a_venue_names_no_year() -> None:
    """A venue that cites its paper's arXiv id (`arXiv 2005.07683`) was taken to name the year 2005, so
    awesome-pruning's Venue column (`ICLR`, `NIPS` beside a Year column, rows verbatim) with such a row counted as one
    whose venues carry their year, and a paper accepted at ICML 2025 got `| ICML 2025 |` where the column writes
    `| ICML |`; and a section sorted by its venues' years, newest first, with `(arXiv 2012.15723)` in it, was read
    as unsorted (2012 after 2022), so a new paper went last. An id names no year, and dates no entry."""
    header = ("| No. | Title   | Venue | Type | Algorithm Name | Code | APP | Year |\n"
              "|:-----:|:----------------------------------- |:-----:|:-------:|:----:|:----:|:----:|:----:|\n")
    during = (  # verbatim, but for the third row
        "| 01 | [Dynamic Sparse Training: Find Effective Sparse Network from Scratch with Trainable Masked Layers]"
        "(https://arxiv.org/abs/2005.06870)| ICLR | `W`| DST | [PyTorch(Author)]"
        "(https://github.com/junjieliu2910/DynamicSparseTraining) | Image Classification | 2020 |\n"
        "| 02 | [Learning Structured Sparsity in Deep Neural Networks](https://proceedings.neurips.cc/paper/2016/file/"
        "41bfd20a38bb1b0bec75acf0845530a7-Paper.pdf)| NIPS | `FC`| SSL | [Caffe(Author)]"
        "(https://github.com/wenwei202/caffe/tree/scnn) | Image Classification | 2016 |\n"
        "| 03 | [Movement Pruning: Adaptive Sparsity by Fine-Tuning](https://arxiv.org/abs/2005.07683)| "
        "arXiv 2005.07683 | `W`| - | - | NLP | 2020 |\n"
    )
    text = f"# awesome-pruning\n\n### Pruning During Training\n{header}{during}\n"
    accepted = dataclasses.replace(PAPER, comment="Accepted to ICML 2025")
    (line,) = added_line(text, "Pruning During Training", accepted)
    assert line.split("|")[3].strip() == "ICML", line
    assert [e.venue for e in parse_list(text).entries][2] == "arXiv 2005.07683"
    # a venue's own year still counts (`ICLR 2020`), and still dates its entry
    dated = text.replace("| ICLR |", "| ICLR 2020 |").replace("| NIPS |", "| NIPS 2016 |")
    (line,) = added_line(dated, "Pruning During Training", accepted)
    assert line.split("|")[3].strip() == "ICML 2025", line
    by_year = ("## A\n- [Alpha](https://openreview.net/forum?id=a1) (ICLR 2024)\n"
               "- [Beta](https://openreview.net/forum?id=b2) (ICLR 2023)\n"
               "- [Gamma](https://openreview.net/forum?id=c3) (ICLR 2022)\n"
               "- [Making Pre-trained Language Models Better Few-shot Learners](https://arxiv.org/abs/2012.15723) "
               "(arXiv 2012.15723)\n"
               "- [Epsilon](https://openreview.net/forum?id=e5) (ICLR 2019)\n")
    after, lines = added(by_year, "A")
    assert lines == ["- [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
                     "(https://arxiv.org/abs/2503.17460) (arXiv 2503.17460)\n"]
    assert after.lines[1] == lines[0]


def test_a_new_row_of_a_table_numbered_from_01_in_each_table_is_written_as_they_are() -> None:
    """A list whose tables each number their rows from `01` (awesome-pruning's `| No. | Title | Venue | ...`, rows
    verbatim): a new row of a table, which is not sorted, goes last as `04`, not `4`, nor `12` after the other
    table's; a table numbered down from the top (`3.`, `2.`, `1.`) gives a paper at its top `4.`; one with gaps or
    repeats the next number after its highest; an aligned table keeps its bars where a number grows a digit; and a
    `#` column is no title column where the title's column has a name of its own (`| # | Method |`)."""
    header = ("| No. | Title   | Venue | Type | Algorithm Name | Code | APP | Year |\n"
              "|:-----:|:----------------------------------- |:-----:|:-------:|:----:|:----:|:----:|:----:|\n")
    before = (
        "| 01 | [SNIP: Single-shot Network Pruning based on Connection Sensitivity](https://arxiv.org/abs/1810.02340)| "
        "ICLR| `W`&`P` | SNIP | [TensorFLow(Author)](https://github.com/namhoonlee/snip-public) | Image "
        "Classification | 2019 |\n"
        "| 02 | [A Signal Propagation Perspective for Pruning Neural Networks at Initialization]"
        "(https://arxiv.org/abs/1906.06307)| ICLR **(Spotlight)** | `W` | - | [TensorFLow(Author)]"
        "(https://github.com/namhoonlee/spp-public) | Image Classification | 2020 |\n"
        "| 03 | [Picking Winning Tickets before Training by Preserving Gradient Flow]"
        "(https://openreview.net/pdf?id=SkgsACVKPH))| ICLR | `W` | GraSP | [PyTorch(Author)]"
        "(https://github.com/alecwangcq/GraSP) | Image Classification | 2020 |      \n"
    )
    during = (
        "| 01 | [Dynamic Sparse Training: Find Effective Sparse Network from Scratch with Trainable Masked Layers]"
        "(https://arxiv.org/abs/2005.06870)| ICLR | `W`| DST | [PyTorch(Author)]"
        "(https://github.com/junjieliu2910/DynamicSparseTraining) | Image Classification | 2020 |\n"
        "| 02 | [Learning Structured Sparsity in Deep Neural Networks](https://proceedings.neurips.cc/paper/2016/file/"
        "41bfd20a38bb1b0bec75acf0845530a7-Paper.pdf)| NIPS | `FC`| SSL | [Caffe(Author)]"
        "(https://github.com/wenwei202/caffe/tree/scnn) | Image Classification | 2016 |\n"
    )
    text = (f"# awesome-pruning\n\n### Pruning Before Training\n{header}{before}\n\n\n\n\n"
            f"### Pruning During Training\n{header}{during}\n")
    (line,) = added_line(text, "Pruning Before Training", PAPER)
    assert line.startswith("| 04 | [ConvoGen: ")
    (line,) = added_line(text, "Pruning During Training", PAPER)
    assert line.startswith("| 03 | [ConvoGen: ")
    # numbered down from the top, newest first by arXiv id: the new paper on top, one more than the highest
    down = "## Papers\n| # | Title | Venue |\n|---|---|---|\n" + "".join(
        f"| {n}. | [Paper {n}](https://arxiv.org/abs/{aid}) | arXiv |\n"
        for n, aid in ((4, "2502.00004"), (3, "2501.00003"), (2, "2412.00002"), (1, "2411.00001")))
    (line,) = added_line(down, "Papers", PAPER)
    assert line.startswith("| 5. | [ConvoGen: ")
    # gaps: the next after the highest, wherever it goes
    gaps = down.replace("| 2. |", "| 7. |")
    (line,) = added_line(gaps, "Papers", PAPER)
    assert line.startswith("| 8. | [ConvoGen: ")
    # a table aligned for reading as text: `9` to `10` eats a space of its padding
    aligned = "## Papers\n| #  | Title | Venue |\n|----|---|---|\n" + "".join(
        f"| {n:<2} | [Paper {n}](https://arxiv.org/abs/{aid}) | arXiv |\n"
        for n, aid in ((8, "2411.00001"), (9, "2412.00002"), (10, "2501.00003"), (11, "2502.00004")))
    plist = parse_list(aligned)
    after = plist.with_entry(dataclasses.replace(PAPER, arxiv_id="2412.01234"), plist.find_section("Papers"))
    assert [line[:6] for line in after.lines[3:]] == ["| 8  |", "| 9  |", "| 10 |", "| 11 |", "| 12 |"]
    assert after.lines[5].startswith("| 10 | [ConvoGen: ") and after.lines[6].startswith("| 11 | [Paper 10]")
    # a `#` column before a title column of no known name (`| # | Method | Code |`): the title went into the `#` cell
    # and the new row kept the last row's link text (`| ConvoGen: ... | [Beta: Another](.../2503.17460) | - |`)
    method = ("## Papers\n| # | Method | Code |\n|---|---|---|\n| 1 | [Alpha: A Method](https://arxiv.org/abs/2401.00001)"
              " | - |\n| 2 | [Beta: Another](https://arxiv.org/abs/2401.00002) | - |\n")
    assert added_line(method, "Papers", PAPER) == [f"| 3 | [{PAPER.title}](https://arxiv.org/abs/2503.17460) | - |\n"]


EMBODIED = LISTS / "x-zheng16-Awesome-Embodied-AI-Safety-README-excerpt.md"


def test_a_citation_in_sentences_after_the_link_is_the_authors_the_venue_and_the_year() -> None:
    """x-zheng16/Awesome-Embodied-AI-Safety writes `- [Title](url). Fang et al. *arXiv 2508.07407*, 2025.`: the
    italics were read as the authors ("arXiv 2508.07407", "In ICML") and the year as the venue ("2025."), and
    `Ghasemipour et al. 2025.` as a venue, so a paper added there got no names (`- [Title](url). arXiv 2025.`)."""
    raw = EMBODIED.read_bytes()
    plist = read_list(EMBODIED)
    assert plist.to_text().encode("utf-8") == raw
    assert (len(plist.sections), len(plist.entries), len(plist.keys()), len(plist.arxiv_ids())) == (4, 39, 39, 32)
    cited = {e.arxiv_id: (e.authors, e.venue) for e in plist.entries}
    assert cited["2508.07407"] == ("Fang et al.", "arXiv 2508.07407")
    assert cited["2605.05704"] == ("Liu et al.", "In ICML")
    assert cited["2404.13501"] == ("Zhang et al.", "ACM Transactions on Information Systems")
    assert cited["2502.14321"] == ("Wu and Shu.", "TechRxiv preprint")
    assert cited["2601.05152"] == ("Tomashevskiy.", "arXiv 2601.05152")
    assert cited["2509.15155"] == ("Ghasemipour et al.", "")  # `Ghasemipour et al. 2025.`: no venue, a year
    assert cited["2605.17830"] == ("Al-Tawaha et al.", "arXiv 2605.17830")
    after = plist.with_entry(PAPER, plist.find_section("Self-Evolving"))
    (line,) = [line for line in after.lines if "2503.17460" in line]
    assert line.startswith(f"- [{PAPER.title}](https://arxiv.org/abs/2503.17460). Gody et al. *")


def test_a_sentence_after_a_link_that_ends_in_no_year_names_no_one() -> None:
    """The citation is read only as the whole line, names with their full stop and then a year: a description after
    the link (`. Graph Neural Networks.`) or a publisher and year (`. Springer Nature 2024.`) stays the venue."""
    text = ("# L\n\n## A\n\n- [Alpha](https://arxiv.org/abs/2401.00001). Graph Neural Networks.\n"
            "- [Gamma](https://arxiv.org/abs/2401.00003). Springer Nature 2024.\n")
    assert [(e.authors, e.venue) for e in parse_list(text).entries] == [
        ("", "Graph Neural Networks."), ("", "Springer Nature 2024.")]


def test_a_new_entry_cites_its_venue_as_a_list_of_citations_in_sentences_does() -> None:
    """On x-zheng16/Awesome-Embodied-AI-Safety a paper's own arXiv id is its venue (`*arXiv 2508.07407*, 2025.`), a
    conference the proceedings it is in (`*In ICML*, 2026.`) and a journal its name alone, the year after it the
    venue's: a new entry read `*arXiv 2025*, 2025.`, `*ICML 2026*, 2025.` and `*RA-L 2025*, 2025.`."""
    plist = read_list(EMBODIED)
    section = plist.find_section("Memory")
    for comment, cited in (("", "*arXiv 2503.17460*, 2025."), ("Accepted to ICML 2026", "*In ICML*, 2026."),
                           ("Accepted to IEEE Robotics and Automation Letters (RA-L), 2025", "*RA-L*, 2025.")):
        after = plist.with_entry(dataclasses.replace(PAPER, comment=comment), section)
        (line,) = [line for line in after.lines if "2503.17460" in line]
        assert line == f"- [{PAPER.title}](https://arxiv.org/abs/2503.17460). Gody et al. {cited}\n"


def test_a_paper_by_one_person_keeps_the_full_stop_the_lists_single_names_write() -> None:
    """`Tomashevskiy. *arXiv 2601.05152*, 2025.` beside `Fang et al. *arXiv 2508.07407*, 2025.`: the full stop ending
    "et al." was counted as no full stop, so most names ended in none and a paper by one person read `Gody *arXiv
    2503.17460*, 2025.`, its name run into the venue."""
    plist = read_list(EMBODIED)
    after = plist.with_entry(dataclasses.replace(PAPER, authors=("Reem Gody",)), plist.find_section("Self-Evolving"))
    (line,) = [line for line in after.lines if "2503.17460" in line]
    assert line == f"- [{PAPER.title}](https://arxiv.org/abs/2503.17460). Gody. *arXiv 2503.17460*, 2025.\n"


def test_a_paper_by_two_people_goes_by_their_two_surnames_where_the_list_names_two_so() -> None:
    """x-zheng16/Awesome-Embodied-AI-Safety writes `Wu and Shu. *TechRxiv preprint*, 2025.` and keeps et al. for
    three or more (`Fang et al.`): a paper by two people read `Gody et al.`, as if by more, and now `Gody and
    Tawfik.`. A list that never names two so keeps et al. for them."""
    plist = read_list(EMBODIED)
    two = dataclasses.replace(PAPER, authors=("Reem Gody", "Ahmed Y. Tawfik"))
    after = plist.with_entry(two, plist.find_section("Memory"))
    (line,) = [line for line in after.lines if "2503.17460" in line]
    assert line == f"- [{PAPER.title}](https://arxiv.org/abs/2503.17460). Gody and Tawfik. *arXiv 2503.17460*, 2025.\n"
    pairless = EMBODIED.read_text(encoding="utf-8").replace("Wu and Shu.", "Wu et al.")
    plist = parse_list(pairless)
    after = plist.with_entry(two, plist.find_section("Memory"))
    (line,) = [line for line in after.lines if "2503.17460" in line]
    assert ". Gody et al. *arXiv" in line
