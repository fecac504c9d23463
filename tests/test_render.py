"""PR title, body (table, <details>, marker) and the README diff."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.render import (
    BODY_LIMIT,
    OnBoard,
    details_block,
    marker,
    parse_body,
    parse_marker,
    pr_body,
    pr_title,
    table_row,
    unified_diff,
)
from tests.conftest import FIXTURES
from tests.github_support import feed_papers, held, proposal


def test_title_plural_singular_and_per_paper():
    assert pr_title(3, "2025-05-27") == "Add 3 papers (2025-05-27)"
    assert pr_title(1, "2025-05-27") == "Add 1 paper (2025-05-27)"
    long = "A" * 100
    assert pr_title(1, "2025-05-27", paper_title=long) == f"Add paper: {'A' * 79}… (2025-05-27)"
    title = "Concept-as-Tree: Synthetic Data is All You Need for VLM Personalization"  # 72 characters: whole
    assert pr_title(1, "2025-03-18", paper_title=title) == f"Add paper: {title} (2025-03-18)"
    title = ("Knowledge Distillation and Dataset Distillation of Large Language Models: Emerging Trends, "
             "Challenges, and Future Directions")
    assert pr_title(1, "2025-04-22", paper_title=title) == (
        "Add paper: Knowledge Distillation and Dataset Distillation of Large Language Models… (2025-04-22)")


def test_marker_round_trip_and_junk():
    expected = '<!-- paperbot:proposed ["2504.15777", "2504.16828"] -->'
    assert marker(["2504.16828", "2504.15777", "2504.16828"]) == expected
    assert parse_marker("text\n<!-- paperbot:proposed [\"2504.15777\"] -->\n") == ["2504.15777"]
    assert parse_marker("<!--paperbot:proposed []-->") == []
    assert parse_marker("no marker here") is None
    assert parse_marker("<!-- paperbot:proposed [1, 2] -->") is None
    assert parse_marker(None) is None


def test_table_row_links_arxiv_and_flags_unsure():
    row = table_row(proposal("2504.16828", "math", score=0.874, unsure=True))
    assert row == (
        "| [Process Reward Models That Think](https://arxiv.org/abs/2504.16828) `2504.16828` "
        "| 6. Application Areas > 6.1 Mathematical Reasoning (62%) ⚠️ unsure | 87% "
        "| 6. Application Areas > 6.3 Agent and Tool Use (55%) |"
    )


def test_a_runner_up_with_no_chance_reads_as_such():
    p = proposal("2504.16828", "math")
    p = replace(p, alternatives=(replace(p.alternatives[0], score=0.0031),))
    assert table_row(p).endswith("| 6. Application Areas > 6.3 Agent and Tool Use (<1%) |")
    assert "- **Other candidate sections:** 6. Application Areas > 6.3 Agent and Tool Use (<1%)" in pr_body([p])
    p = replace(p, alternatives=(replace(p.alternatives[0], score=0.005),))
    assert table_row(p).endswith("(<1%) |")  # rounded, 0%: no number a maintainer would weigh
    p = replace(p, alternatives=(replace(p.alternatives[0], score=0.006),))
    assert table_row(p).endswith("(1%) |")


def test_two_places_the_short_form_cannot_tell_apart_are_shown_whole():
    """A list with an "A. ..." place under two sub-sections of one 2nd-level section: "4.3 > … > A." twice
    would leave the maintainer guessing which is meant."""
    p = proposal("2504.16828", "math", unsure=True)
    first = ("4. Methods", "4.3. Instruction Tuning", "4.3.2 Rephrasing", "A. Evolving")
    second = ("4. Methods", "4.3. Instruction Tuning", "4.3.3 Inversion", "A. Evolving")
    p = replace(p, section=replace(p.section, path=first),
                alternatives=(replace(p.alternatives[0], path=second),))
    assert table_row(p).endswith(
        "| 4. Methods > 4.3. Instruction Tuning > 4.3.2 Rephrasing > A. Evolving (62%) ⚠️ unsure | 91% "
        "| 4. Methods > 4.3. Instruction Tuning > 4.3.3 Inversion > A. Evolving (55%) |")
    other = ("4. Methods", "4.3. Instruction Tuning", "4.3.3 Inversion", "B. Extract")
    p = replace(p, alternatives=(replace(p.alternatives[0], path=other),))
    assert table_row(p).endswith("| 4.3. Instruction Tuning > … > A. Evolving (62%) ⚠️ unsure | 91% "
                                 "| 4.3. Instruction Tuning > … > B. Extract (55%) |")


def test_a_body_gives_back_each_papers_title_as_written():
    from bot.render import paper_titles

    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    a = replace(a, paper=replace(a.paper, title="Q&A <at> scale | 2"))
    assert paper_titles(pr_body([a, b])) == {"2504.16828": "Q&A <at> scale | 2", "2504.16511": b.paper.title}
    assert paper_titles("no details here") == {} and paper_titles(None) == {}


def test_pipes_in_titles_do_not_break_the_table():
    p = proposal("2504.16828", "math")
    p = replace(p, paper=replace(p.paper, title="A | B\nC"))
    assert table_row(p).startswith("| [A \\| B C](https://arxiv.org/abs/2504.16828) ")


def test_body_has_table_details_and_marker():
    a, b = proposal("2504.16828", "math", unsure=True), proposal("2504.16511", "pretrain")
    body = pr_body([a, b])
    lines = body.splitlines()
    assert lines[0] == "<!-- paperbot:begin -->"  # where the bot's part starts: text above it is a maintainer's
    assert lines[1].startswith("paperbot proposes 2 new papers for `README.md`, each inserted in its section")
    one = pr_body([a]).splitlines()[1]  # "1 new paper ..., each inserted": one paper is not "each" of anything
    assert one == ("paperbot proposes 1 new paper for `README.md`, inserted in its section in the list's own style. "
                   "Edit or drop the entry in this branch before merging; closing this PR tells paperbot never to "
                   "propose this paper again.")
    assert lines[3:5] == ["| Paper | Proposed section | Confidence | Runner-up |", "|---|---|---|---|"]
    assert lines[5] == table_row(a) and lines[6] == table_row(b)
    assert body.count("<details>") == 2 and body.count("</details>") == 2
    assert "<summary><b>2504.16511</b> QuaDMix: Quality-Diversity Balanced Data Selection for Efficient LLM " \
           "Pretraining</summary>" in body
    assert "- **Authors:** Fengze Liu, Weidong Zhou, Binbin Liu" in body
    assert "- **Categories:** cs.CL" in body
    # Confidence and section scores in percent alike; the similarity, a cosine, 0 to 1 and said so.
    assert ("Confidence is the calibrated probability that the paper belongs on the list, among a day's arXiv papers "
            "(few of which do, so 10% is already a strong candidate); the percentage after a section is the section "
            "model's score for it against the list's other sections.") in body
    assert "Nearest entries already on the list (similarity: the cosine of the two embeddings, 0 to 1):" in lines
    assert ("  - [Self-Instruct: Aligning Language Models with Self-Generated Instructions]"
            "(https://arxiv.org/abs/2212.10560) (similarity 0.71) — in 4. Methods > 4.3. Instruction Tuning > "
            "4.3.4 Synthesis instructions and outputs using LLM") in lines
    assert "⚠️ unsure: the runner-up is close, check the section" in body
    assert lines[-1] == '<!-- paperbot:proposed ["2504.16511", "2504.16828"] -->'
    assert body.endswith("-->\n")


def test_body_update_keeps_earlier_papers_and_appends_new_ones():
    a, b, c = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain"), proposal("2504.15777", "math")
    first = pr_body([a, b])
    parts = parse_body(first)
    assert parts is not None and parts.ids == ["2504.16511", "2504.16828"] and len(parts.rows) == 2
    assert len(parts.details) == 2
    grown = pr_body([c, a], earlier=parts)  # a is already in the PR: not repeated
    lines = grown.splitlines()
    assert lines[1].startswith("paperbot proposes 3 new papers")
    assert [line for line in lines if line.startswith("| [")] == [table_row(a), table_row(b), table_row(c)]
    assert grown.count("<details>") == 3
    assert parse_marker(grown) == ["2504.15777", "2504.16511", "2504.16828"]
    assert parse_body("a body a person wrote") is None


def test_body_update_keeps_what_a_maintainer_wrote_around_the_bots_part():
    """Above the begin marker and below the ids' marker is the maintainer's; the bot's part is written again
    (here a row edited inside it is kept, since rows are, but the intro a maintainer edited is not)."""
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    first = pr_body([a])
    note = "Looks good; waiting for the camera-ready version.\r\n\r\n"
    footer = "\r\n---\r\n| [Mine](https://arxiv.org/abs/2504.00001) | not | a | row |\r\nCc @someone\r\n"
    edited = note + first.replace("inserted in its section", "EDITED").replace("\n", "\r\n") + footer  # GitHub's CRLF
    parts = parse_body(edited)
    assert parts is not None and len(parts.rows) == 1  # the row in the footer is not the bot's
    grown = pr_body([b], earlier=parts)
    assert grown.startswith("Looks good; waiting for the camera-ready version.\n\n<!-- paperbot:begin -->\n")
    assert grown.endswith('"2504.16828"] -->\n\n---\n| [Mine](https://arxiv.org/abs/2504.00001) | not | a | row |\n'
                          "Cc @someone\n")
    assert "EDITED" not in grown and parse_marker(grown) == ["2504.16511", "2504.16828"]
    assert [line for line in grown.splitlines() if line.startswith("| [")][:2] == [table_row(a), table_row(b)]
    assert pr_body([b], earlier=parse_body(grown)) == grown  # nothing new: the same body, note and all
    # a body written before the begin marker: its part starts at its intro line
    old = note.replace("\r\n", "\n") + first.removeprefix("<!-- paperbot:begin -->\n")
    assert pr_body([b], earlier=parse_body(old)).startswith(note.replace("\r\n", "\n") + "<!-- paperbot:begin -->\n")


def test_body_with_a_maintainers_text_stays_within_githubs_limit():
    """The limit is on the whole body: the bot's part gives way to what a maintainer wrote."""
    note = "A maintainer's long note. " * 1500 + "\n"  # 39 KB
    parts = parse_body(note + pr_body([proposal("2504.16828", "math")]))
    parts = replace(parts, details=[d * 12 for d in parts.details])  # 29 KB: weeks of papers' details
    body = pr_body([proposal("2504.16511", "math")], earlier=parts)
    assert len(body.encode("utf-8")) <= BODY_LIMIT and body.startswith(note)
    assert parse_body(body).dropped["details"] == 1 and "<summary><b>2504.16511</b>" in body


def test_an_older_paperbots_rows_are_written_again_in_todays_form_when_its_pr_grows():
    """A PR opened before 5 Dec 2026 gives section scores as "(0.62)" and "(<0.01)" (its body, as that paperbot
    wrote it, in the fixture); the paper added to it today says "(62%)": the earlier rows and details are written
    as today's, from the numbers they hold, so the body does not mix the two."""
    a = proposal("2504.16828", "math", unsure=True)
    b = proposal("2504.16511", "pretrain")
    b = replace(b, alternatives=(replace(b.alternatives[0], score=0.003),))
    c = proposal("2504.15305", "math")
    old = (FIXTURES / "github" / "pr-body-before-percent.md").read_text(encoding="utf-8")
    assert "(0.62) ⚠️ unsure" in old and "(<0.01)" in old and "(score 0.62)" in old
    grown = pr_body([c], earlier=parse_body(old), date="2025-05-28")
    assert [line for line in grown.splitlines() if line.startswith("| [")] == [table_row(a), table_row(b), table_row(c)]
    assert parse_body(grown).details == [details_block(a), details_block(b), details_block(c)]
    assert "0.62" not in grown and "<0.01" not in grown and "(score " not in grown
    assert "Nearest entries already on the list:" not in grown
    assert parse_body(grown).held == parse_body(old).held  # its held-back line names no score
    assert pr_body([c], earlier=parse_body(grown), date="2025-05-28") == grown  # today's form stays as it is


def test_unified_diff_is_git_style():
    old = "# List\n\n- [A](https://arxiv.org/abs/1)\n"
    new = "# List\n\n- [A](https://arxiv.org/abs/1)\n- [B](https://arxiv.org/abs/2)\n"
    assert unified_diff(old, new).splitlines() == [
        "--- a/README.md", "+++ b/README.md", "@@ -1,3 +1,4 @@", " # List", " ",
        " - [A](https://arxiv.org/abs/1)", "+- [B](https://arxiv.org/abs/2)",
    ]
    assert unified_diff(old, old) == ""


def test_unified_diff_marks_missing_final_newline():
    diff = unified_diff("a\nb", "a\nb\nc", "docs/list.md")
    assert diff.splitlines() == [
        "--- a/docs/list.md", "+++ b/docs/list.md", "@@ -1,2 +1,3 @@", " a",
        "-b", "\\ No newline at end of file", "+b", "+c", "\\ No newline at end of file",
    ]


def test_the_legend_explains_unsure_only_when_a_row_is_unsure():
    sure, unsure = proposal("2504.16511", "pretrain"), proposal("2504.16828", "math", unsure=True)
    assert "10% is already a strong candidate" in pr_body([sure])
    assert "⚠️ unsure: the best and runner-up sections are close." not in pr_body([sure])
    assert "⚠️ unsure: the best and runner-up sections are close." in pr_body([sure, unsure])
    # a PR that grows keeps the explanation its earlier unsure row needs
    grown = pr_body([sure], earlier=parse_body(pr_body([unsure])))
    assert "⚠️ unsure: the best and runner-up sections are close." in grown


def test_held_back_papers_are_named_once_and_kept_when_the_pr_grows():
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    first = pr_body([a], held_back=[held("2504.15777", "math")], date="2025-05-27")
    lines = first.splitlines()
    head = lines.index(next(line for line in lines if line.startswith("**Held back**")))
    assert "`paperbot add ARXIV_ID --section \"PATH\"`" in lines[head]
    assert lines[head + 1] == (
        f"- 2025-05-27: [{feed_papers()['2504.15777'].title}](https://arxiv.org/abs/2504.15777) `2504.15777`: "
        "confidence 31%, over the cap: #2 of its day, cap 1; 6. Application Areas > 6.1 Mathematical Reasoning")
    assert lines[head + 2] == "" and lines[head + 3] == "<details>"
    assert parse_marker(first) == ["2504.16828"]  # not proposed: closing the PR rejects only the proposals
    parts = parse_body(first)
    assert parts is not None and parts.held == [lines[head + 1]]
    # the next day: the earlier line stays, the same paper again is not repeated, a new one is appended
    grown = pr_body([b], earlier=parts, held_back=[held("2504.15777", "math"), held("2504.16511", "pretrain"),
                                                   held("2504.15305", "math")], date="2025-05-28")
    held_lines = parse_body(grown).held
    assert held_lines[0] == lines[head + 1]
    # 2504.16511 is in this PR now, so it is not listed as held back
    assert [line.split("`")[1] for line in held_lines] == ["2504.15777", "2504.15305"]
    assert held_lines[1].startswith("- 2025-05-28: ")
    assert "**Held back**" not in pr_body([a])


def test_held_back_papers_on_the_candidates_issue_are_one_line_pointing_to_it():
    """The candidates issue lists them already: the body says how many and where, and names only those the issue
    does not list (it is full); an update writes that afresh, so earlier held-back lines, an older paperbot's
    too, do not pile up in a PR left open for weeks."""
    a, b, c = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain"), proposal("2504.15329", "math")
    url = "https://github.com/o/list/issues/2"
    older = parse_body(pr_body([a], held_back=[held("2504.15777", "math"), held("2504.15305", "math")],
                               date="2025-05-27"))  # what paperbot wrote before the issue was pointed to
    assert older is not None and len(older.held) == 2
    grown = pr_body([b], earlier=older, date="2025-05-28", board=OnBoard(frozenset({"2504.15392", "2504.15397"}),
                    url=url, number=2), held_back=[held("2504.15392", "math"), held("2504.15397", "math")])
    lines = grown.splitlines()
    head = lines.index(next(line for line in lines if line.startswith("**Held back**")))
    assert lines[head] == (
        "**Held back** today: 2 papers above the relevance threshold that the daily cap (or the bar for a day's "
        f"later papers) kept out are on the [candidates issue #2]({url}), where a tick has the next run propose "
        "one.")
    assert lines[head + 1:head + 3] == ["", "<details>"]
    assert not any(i in grown for i in ("2504.15777", "2504.15305", "2504.15392", "2504.15397"))
    parts = parse_body(grown)
    assert parts is not None and parts.held == [] and sorted(parts.ids) == ["2504.16511", "2504.16828"]
    # the issue is full: the one it does not list is named as before, under a head that does not send the
    # maintainer to the issue; on a first run the issue is opened after the PR, so there is no link yet
    board = OnBoard(frozenset({"2504.15392"}))
    third = pr_body([c], earlier=parts, date="2025-05-29", board=board,
                    held_back=[held("2504.15392", "math", score=0.4), held("2504.15694", "math", score=0.2)])
    assert ("**Held back** today: 1 paper above the relevance threshold that the daily cap (or the bar for a day's "
            "later papers) kept out is on the candidates issue this run opens (label `paperbot-candidates`), "
            "where a tick has the next run propose it.") in third.splitlines()
    assert "**Held back**, and not on the candidates issue (it is full): " in third
    held_lines = parse_body(third).held
    assert [line.split("`")[1] for line in held_lines] == ["2504.15694"]
    assert held_lines[0].startswith("- 2025-05-29: ")
    # a day with none held back: nothing about them, and yesterday's line has gone too
    quiet = pr_body([proposal("2504.15544", "math")], earlier=parse_body(third), date="2025-05-30", board=board)
    assert "Held back" not in quiet and len(parse_body(quiet).ids) == 4


def test_a_busy_day_lists_its_best_held_back_papers_and_counts_the_rest():
    ids = ["2504.15305", "2504.15329", "2504.15392", "2504.15397", "2504.15544", "2504.15612", "2504.15694"]
    many = [held(i, "math", score=0.3 - k / 100) for k, i in enumerate(ids)]
    parts = parse_body(pr_body([proposal("2504.16828", "math")], held_back=many, date="2025-05-27"))
    assert parts is not None and len(parts.held) == 6
    assert [line.split("`")[1] for line in parts.held[:5]] == ids[:5]
    assert parts.held[-1] == "- 2025-05-27: 2 more, in that run's job summary"
    # a toss-up between two sections names both (paperbot demo's MAIN showed it, before the candidates issue
    # took its line)
    p = proposal("2504.15305", "math", unsure=True)
    tossup = replace(many[0], alternatives=p.alternatives, unsure=True)
    (line,) = parse_body(pr_body([proposal("2504.16828", "math")], held_back=[tossup], date="2025-05-27")).held
    assert line.endswith("; 6. Application Areas > 6.1 Mathematical Reasoning ⚠️ unsure, or "
                         "6. Application Areas > 6.3 Agent and Tool Use")


def test_a_pr_open_for_weeks_stays_within_githubs_body_limit():
    """A paper a day for a month outgrows 65,536 characters, and GitHub would refuse every update."""
    ids = sorted(feed_papers())
    body, sizes = None, []
    for day, arxiv_id in enumerate(ids, 1):
        body = pr_body([proposal(arxiv_id, "math")], earlier=parse_body(body),
                       held_back=[held(ids[day % len(ids)], "math")], date=f"2025-05-{day:02d}")
        sizes.append(len(body.encode("utf-8")))
        parts = parse_body(body)
        assert parts is not None and parts.ids == sorted(ids[:day])  # the marker always holds every paper
        assert f"<summary><b>{arxiv_id}</b>" in body  # today's paper is shown in full
        left_out = len(ids[:day]) - len(parts.details)
        assert parts.dropped.get("details", 0) == left_out
        assert (f"{left_out} papers' details, the earliest first" in body) == (left_out > 0)
    assert max(sizes) <= BODY_LIMIT < sum(len(details_block(proposal(i, "math"))) for i in ids)
    assert parts.details[0].startswith(f"<details>\n<summary><b>{ids[left_out]}</b>")  # the oldest went first
    assert len(parts.rows) == len(ids) and parts.held == []  # rows kept; held-back lines went before details


def test_deep_paths_are_short_in_the_table_and_whole_in_the_details():
    p = proposal("2504.16828", "scratch", runner_up="scratch")
    row = table_row(p)
    assert "| 4.3. Instruction Tuning > … > B. Synthesis from scratch without seed (62%) |" in row
    assert row.endswith("| 4.3. Instruction Tuning > … > B. Synthesis from scratch without seed (21%) |")
    assert ("- **Proposed section:** 4. Methods > 4.3. Instruction Tuning > 4.3.4 Synthesis instructions and "
            "outputs using LLM > B. Synthesis from scratch without seed (section score 62%)") in pr_body([p])


def test_titles_are_escaped_as_the_readme_entry_escapes_them():
    p = proposal("2504.16828", "math")
    p = replace(p, paper=replace(p.paper, title="<think> with [brackets] and a_b"))
    assert table_row(p).startswith("| [\\<think\\> with \\[brackets\\] and a\\_b](https://arxiv.org/abs/2504.16828) ")
    assert "<summary><b>2504.16828</b> &lt;think&gt; with [brackets] and a_b</summary>" in pr_body([p])


def test_an_abstract_is_quoted_as_text_not_as_its_authors_tex():
    """arXiv's abstracts are TeX source (2503.16260: "we propose \\textit{Chain of Functions (CoF)} ... 1.4k
    complex reasoning Q\\&A"): GitHub would show the backslashes and braces, and drop "<think>" as a tag."""
    p = proposal("2504.16828", "math")
    tex = (r"we propose \textit{Chain of Functions (CoF)}, with 1.4k Q\&A at 79.2\% on $\tau$-bench "
           r"(\eg, AlignBench \citep{liu2024alignbench}) between <think> tags, $\frac{a}{b}$ and \ourmethod{}. "
           r"Code is available \href{https://github.com/a/CoF}{here} and at "
           r"\href{https://github.com/a/B}{https://github.com/a/B}.")
    body = pr_body([replace(p, paper=replace(p.paper, abstract=tex))])
    assert ("> we propose Chain of Functions (CoF), with 1.4k Q&A at 79.2% on τ-bench (e.g., AlignBench) between "
            "&lt;think> tags, $\\frac{a}{b}$ and \\ourmethod{}. Code is available [here](https://github.com/a/CoF) "
            "and at https://github.com/a/B.") in body.splitlines()


def test_a_long_abstract_is_cut_after_a_whole_word():
    p = proposal("2504.16828", "math")
    words = " ".join(["synthetic"] * 200)  # 1,999 characters
    line = next(x for x in details_block(replace(p, paper=replace(p.paper, abstract=words))).splitlines()
                if x.startswith("> "))
    assert line.endswith(" synthetic…") and len(line) <= 2 + 1500


def test_a_quiet_days_job_summary_says_so_beside_the_candidates_issue():
    """2025-03-19 in the month: no PR, the candidates issue updated; the page said neither "nothing to propose"
    nor anything else about the day, only the issue's line."""
    from bot.render import job_summary

    board = "Candidates issue [#2](https://github.com/o/l/issues/2): 4 paper(s) to tick for the next run."
    page = job_summary(date="2025-03-19", stats={"scored": 172}, proposals=[], pulls=[], failures=[], board=board)
    assert "\nNothing to propose today.\n\n" + board + "\n" in page
    pull = "Pull request [#1 Add 2 papers (2025-03-19)](https://github.com/o/l/pull/1) (opened)"
    a = proposal("2504.16828", "math")
    page = job_summary(date="2025-03-19", stats={}, proposals=[a], pulls=[pull], failures=[], board=board)
    assert "Nothing to propose" not in page and page.index(pull) < page.index(table_row(a)) < page.index(board)


def test_a_table_a_maintainer_edited_keeps_its_lines_and_ends_where_the_bots_text_starts():
    """The table's lines under its header are the rows, as written, up to the blank line after them; where an edit
    took that blank line out, up to the legend, which is the bot's and written once. A table whose header a
    maintainer edited keeps its rows in the bot's shape."""
    a, b, c = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain"), proposal("2504.15305", "math")
    first = pr_body([a, b])
    noted = table_row(a) + " ← check"
    glued = first.replace(table_row(a), noted).replace(table_row(b) + "\n\n", table_row(b) + "\n")
    assert parse_body(glued).rows == [noted, table_row(b)]
    grown = pr_body([c], earlier=parse_body(glued))
    assert grown.count("Confidence is the calibrated probability") == 1
    assert [line for line in grown.splitlines() if line.startswith("| [")] == [noted, table_row(b), table_row(c)]
    header = first.replace("| Paper | Proposed section |", "| Paper (edited) | Section |").replace("|---|", "|:--|", 1)
    assert parse_body(header).rows == [table_row(a), table_row(b)]


def test_a_maintainers_line_under_a_row_is_not_counted_as_a_row_left_out_for_the_limit():
    """Over GitHub's limit the oldest rows go first; a line a maintainer wrote under one goes with it, and the
    'Left out' line counts the papers' rows only: 1 of the table's rows, where it said 2."""
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    under = "Borderline: merge only if the camera-ready keeps the data section."
    parts = replace(parse_body(pr_body([a, b]).replace(table_row(a), f"{table_row(a)}\n{under}")), details=[])
    assert parts.rows == [table_row(a), under, table_row(b)]
    size = len(pr_body([], earlier=parts).encode("utf-8"))
    left_out = len("_Left out to stay within GitHub's limit on a PR body: 1 of the table's rows, the earliest first; "
                   "the diff holds every paper._\n\n")
    over = len(table_row(a)) + len(under) + 2 - left_out  # the first row and the line under it, with the note
    body = pr_body([], earlier=replace(parts, before="x" * (BODY_LIMIT - size + over - 1) + "\n"))
    assert len(body.encode("utf-8")) <= BODY_LIMIT and under not in body and table_row(b) in body
    assert parse_body(body).dropped == {"rows": 1} and "1 of the table's rows, the earliest first" in body


def _agent_list(surveys: int, planning: int):
    """js-lee-AI/awesome-llm-agent-papers (the fixture's excerpt, verbatim) as a pull request's copy of it says
    after its commits: `surveys` and `planning` papers in the two sections that count theirs (39 and 30 there)."""
    from bot.listfile import parse_list

    text = (FIXTURES / "lists" / "js-lee-AI-awesome-llm-agent-papers-README-excerpt.md").read_text(encoding="utf-8")
    return parse_list(text.replace("(39)", f"({surveys})").replace("Show 39 papers", f"Show {surveys} papers")
                      .replace("(30)", f"({planning})").replace("Show 30 papers", f"Show {planning} papers"))


def test_rows_a_maintainer_edited_name_their_sections_as_the_prs_readme_does_when_it_grows():
    """A row whose confidence cell a maintainer took out (5 cells where the bot writes 6), one with a cell of their
    own added, one whose runner-up they emptied: when the PR grew, only rows of 6 cells were written again, so those
    kept `📚 Surveys & Position Papers (40)` beside a README that now says `(41)`, and an older paperbot's "(0.70)"
    where today's rows say "(70%)". Now their sections follow the README as the other rows do; what the maintainer
    wrote stays byte for byte, and each paper keeps one row."""
    from bot.papers import Paper, Proposal, SectionScore

    def surveys(n: int) -> tuple[str, ...]:
        return ("🧭 Background", f"📚 Surveys & Position Papers ({n})")

    def planning(n: int) -> tuple[str, ...]:
        return ("🧱 Part I: Core Components", f"🧠 Planning & Reasoning ({n})")

    def survey(arxiv_id: str, title: str, at: int) -> Proposal:
        return Proposal(paper=Paper(arxiv_id, title), score=0.45, section=SectionScore(surveys(at), 0.7),
                        alternatives=(SectionScore(planning(30), 0.02),))

    day_one = [survey("2509.02547", "The Landscape of Agentic Reinforcement Learning for LLMs: A Survey", 39),
               survey("2503.23037", "Agentic Large Language Models, a survey", 39),
               survey("2503.21460", "Large Language Model Agent: A Survey on Methodology, Applications and "
                                    "Challenges", 39)]
    first = pr_body(day_one, names=_agent_list(42, 30).named)
    a, b, c = (table_row(replace(p, section=SectionScore(surveys(42), 0.7))) for p in day_one)
    assert [line for line in first.splitlines() if line.startswith("| [")] == [a, b, c]
    # the maintainer's edits; the first row as an older paperbot wrote its scores
    no_confidence = a.replace(" 45% |", "").replace("(70%)", "(0.70)")
    extra = b.replace(" 45% |", " 45% | ✅ keep |")
    emptied = c.replace(" 🧱 Part I: Core Components > 🧠 Planning & Reasoning (30) (2%) ", "")  # `||`, no space
    assert [row.count("|") for row in (no_confidence, extra, emptied)] == [4, 6, 5]
    edited = first.replace(a, no_confidence).replace(b, extra).replace(c, emptied)
    today = replace(survey("2504.19678", "From LLM Reasoning to Autonomous AI Agents: A Comprehensive Review", 42),
                    alternatives=(SectionScore(planning(30), 0.02),))
    grown = pr_body([today], earlier=parse_body(edited), names=_agent_list(43, 31).named)
    rows = [line for line in grown.splitlines() if line.startswith("| [")]
    now = "📚 Surveys & Position Papers (43)"
    assert rows[:3] == [
        no_confidence.replace("(42) (0.70)", "(43) (70%)").replace("(30)", "(31)"),
        extra.replace("(42)", "(43)").replace("(30)", "(31)"),
        emptied.replace("(42)", "(43)"),
    ]
    assert rows[0] == (f"{a.split(' | ')[0]} | 🧭 Background > {now} (70%) | 🧱 Part I: Core Components > 🧠 "
                       "Planning & Reasoning (31) (2%) |")
    assert rows[2].endswith(f"> {now} (70%) | 45% ||")
    assert [re.search(r"abs/([^)]+)\)", row)[1] for row in rows] == [
        "2509.02547", "2503.23037", "2503.21460", "2504.19678"]
    assert "(42)" not in grown and "(30)" not in grown
    # a line of the maintainer's under a row names a section in a row's shape and is theirs: left as it is
    under = "| note | 📚 Surveys & Position Papers (42) (70%) |"
    kept = pr_body([], earlier=parse_body(edited.replace(emptied, f"{emptied}\n{under}")),
                   names=_agent_list(43, 31).named)
    assert under in kept.splitlines()
