"""Writing a run's proposals into the list: `insert_proposals`, on its own and as the forge applies it."""

from __future__ import annotations

import io

import pytest

from bot.errors import MissingSection
from bot.github import DryRunForge
from bot.papers import HeldBack, Neighbour, Paper, Proposal, SectionScore
from bot.propose import ScanResult
from bot.publish import RunReport, insert_proposals
from bot.state import State
from tests.github_support import TOKEN, change, forge
from tests.servers.github import GitHubStandIn

# opendilab/awesome-RLHF README.md: the table of contents' Papers lines, Papers and its year sections, cut to two
# papers each (verbatim lines)
RLHF = (
    "## Table of Contents\n\n"
    "  - [Papers](#papers)\n"
    "    - [2024](#2024)\n"
    "    - [2023](#2023)\n"
    "    - [2022](#2022)\n\n"
    "## Papers\n\n"
    "### 2024\n"
    "- [On Diversified Preferences of Large Language Model Alignment](https://arxiv.org/pdf/2312.07401.pdf)\n"
    "  - Dun Zeng, Yong Dai, Pengyu Cheng, Tianhao Hu, Wanshun Chen, Nan Du, Zenglin Xu\n"
    "  - Keyword: Aligning, LLM, Reward modeling on diversified preference\n\n"
    "- [Aligning Crowd Feedback via Distributional Preference Reward Modeling](https://arxiv.org/pdf/2402.09764.pdf)\n"
    "  - Dexun Li, Cong Zhang, Kuicai Dong, Derrick Goh Xin Deik, Ruiming Tang, Yong Liu\n"
    "  - Keyword: RLHF, Preference distribution, Aligning, LLM\n\n"
    "### 2023\n"
    "- [Adversarial Preference Optimization](https://arxiv.org/abs/2311.08045)\n"
    "  - Pengyu Cheng, Yifan Yang, Jian Li, Yong Dai, Nan Du\n\n"
    "- [Let's Reinforce Step by Step](https://arxiv.org/abs/2311.05821)\n"
    "  - Sarah Pan, Vladislav Lialin, Sherin Muckatira, Anna Rumshisky\n"
)
Y2025 = ("Papers", "2025")


def in_2025(arxiv_id: str, title: str, *authors: str) -> Proposal:
    """A paper of 2025 as scan proposes it on that list: under `Papers > 2025`, a section the list has not yet."""
    return Proposal(paper=Paper(arxiv_id, title, authors=authors), score=0.9,
                    section=SectionScore(Y2025, 0.7, "papers/2025"))


VISTA = in_2025("2504.13122", "VistaDPO: Video Hierarchical Spatial-Temporal Direct Preference Optimization for "
                "Large Video Models", "Haojian Huang", "Haodong Chen")
R1 = in_2025("2501.12948", "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning",
             "DeepSeek-AI")


def test_two_papers_of_a_year_the_list_has_not_yet_go_under_one_new_heading() -> None:
    """The section scan named is added once, above the newest year and in the contents, and holds both papers."""
    text, written = insert_proposals(RLHF, [VISTA, R1])
    assert written == [VISTA, R1]
    assert text.count("### 2025\n") == 1 and text.count("(#2025)") == 1
    assert "  - [Papers](#papers)\n    - [2025](#2025)\n    - [2024]" in text
    new = text[text.index("### 2025\n"): text.index("### 2024\n")]
    assert new == (
        "### 2025\n"
        "- [VistaDPO: Video Hierarchical Spatial-Temporal Direct Preference Optimization for Large Video Models]"
        "(https://arxiv.org/pdf/2504.13122.pdf)\n  - Haojian Huang, Haodong Chen\n\n"
        "- [DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning]"
        "(https://arxiv.org/pdf/2501.12948.pdf)\n  - DeepSeek-AI\n\n")
    assert RLHF.replace(new, "") == text.replace(new, "").replace("    - [2025](#2025)\n", "")  # nothing else moved


def test_a_run_adding_to_the_open_pull_request_finds_the_year_heading_there() -> None:
    """The next day's paper of 2025 is written into the pull request's README, which has `### 2025` already: under
    it, no second heading; the pull request's branch holds the heading once."""
    with GitHubStandIn({"README.md": RLHF}, token=TOKEN) as hub:
        [first] = forge(hub).publish(change(VISTA))
        [second] = forge(hub).publish(change(R1, date="2025-05-28"))
        assert (first.action, second.action, second.number) == ("opened", "updated", first.number)
        text = hub.file_text("README.md", first.branch)
        assert hub.file_text("README.md") == RLHF
    assert text == insert_proposals(RLHF, [VISTA, R1])[0]
    assert "Papers > 2025" in hub.pulls[first.number].body


def test_a_paper_of_a_year_the_list_skips_is_written_under_its_heading_between_the_years() -> None:
    """Scan names `Papers > 2023` for a 2023 paper on a list with `### 2024` and `### 2022` but no 2023 (the list
    above without its 2023 papers): the pull request adds `### 2023` between them, and its contents line, where it
    stopped with the trained section missing."""
    from tests.test_listfile import RLHF_ALL_YEARS, SAFE_RLHF, without_year

    text = without_year(RLHF_ALL_YEARS, "2023")
    proposal = Proposal(paper=SAFE_RLHF, score=0.9, section=SectionScore(("Papers", "2023"), 0.7, "papers/2023"))
    out, written = insert_proposals(text, [proposal])
    assert written == [proposal]
    assert "    - [2024](#2024)\n    - [2023](#2023)\n    - [2022](#2022)\n" in out
    assert out[out.index("### 2023\n"): out.index("### 2022\n")] == (
        "### 2023\n\n- [Safe RLHF: Safe Reinforcement Learning from Human Feedback]"
        "(https://arxiv.org/abs/2310.12773)\n  - Josef Dai, Xuehai Pan, Ruiyang Sun\n\n")
    assert out.index("### 2024\n") < out.index("### 2023\n")


def test_a_section_neither_on_the_list_nor_a_year_to_add_is_still_missing() -> None:
    """A year the list's heading of older papers holds (`2020 and before`): the trained section is gone, `paperbot
    train`."""
    from tests.test_listfile import RLHF_ALL_YEARS

    old = Proposal(paper=Paper("1909.00001", "Old"), score=0.9, section=SectionScore(("Papers", "2019"), 0.7))
    with pytest.raises(MissingSection, match=r"'Papers > 2019' of the trained model is not in README\.md"):
        insert_proposals(RLHF_ALL_YEARS, [old])


def test_a_paper_older_than_every_year_is_written_under_its_heading_after_the_oldest() -> None:
    """Scan names `Papers > 2022` for a 2022 paper on the list above, whose oldest year is 2023 and which has no
    heading for older papers: the pull request adds `### 2022` after the 2023 papers, where it stopped with the
    trained section missing; the contents, which link 2022 already, are left as they are."""
    proposal = Proposal(paper=Paper("2203.02155", "Training language models to follow instructions with human "
                                    "feedback", authors=("Long Ouyang", "Jeff Wu")),
                        score=0.9, section=SectionScore(("Papers", "2022"), 0.7, "papers/2022"))
    out, written = insert_proposals(RLHF, [proposal])
    assert written == [proposal]
    assert out == RLHF + (
        "\n### 2022\n- [Training language models to follow instructions with human feedback]"
        "(https://arxiv.org/abs/2203.02155)\n  - Long Ouyang, Jeff Wu\n")


def surveys(count: int) -> str:
    """js-lee-AI/awesome-llm-agent-papers README.md, its Surveys & Position Papers cut to two papers (verbatim
    lines but the entries' notes; its counts, 39 there, set to `count`)."""
    return (
        "## Contents\n\n"
        f"  - [📚 Surveys & Position Papers ({count})](#surveys)\n\n"
        "## 🧭 Background\n\n"
        '<a id="surveys"></a>\n'
        f"### 📚 Surveys & Position Papers ({count})\n\n"
        "<details>\n"
        f"<summary><b>Show {count} papers</b></summary>\n\n"
        "- **[A Survey on Large Language Model based Autonomous Agents](https://arxiv.org/abs/2308.11432)** (Wang et "
        "al., arXiv 2023)\n"
        "- **[The Rise and Potential of Large Language Model Based Agents: A Survey](https://arxiv.org/abs/2309.07864)**"
        " (Xi et al., arXiv 2023)\n"
        "</details>\n"
    )


def survey_proposals(count: int) -> tuple[Proposal, Proposal]:
    """The two surveys these tests add to `surveys(count)`, in its section as the models name it, `(count)`."""
    path = ("🧭 Background", f"📚 Surveys & Position Papers ({count})")
    one, two = (Proposal(paper=Paper(i, t, authors=("Guibin Zhang",)), score=0.9,
                         section=SectionScore(path, 0.7, f"background/surveys-position-papers-{count}"))
                for i, t in (("2509.02547", "The Landscape of Agentic Reinforcement Learning for LLMs: A Survey"),
                             ("2503.23037", "Agentic Large Language Models, a survey")))
    return one, two


def test_the_open_pull_request_counts_on_from_its_own_copy_of_the_list() -> None:
    """Scan names the section as the default branch does, `(2)`; the pull request's copy says `(3)` after the first
    day's paper: the next day's goes into that section all the same, and the counts say 4."""
    one, two = survey_proposals(2)
    with GitHubStandIn({"README.md": surveys(2)}, token=TOKEN) as hub:
        [first] = forge(hub).publish(change(one))
        assert "(3)" in hub.file_text("README.md", first.branch) and "Show 3 papers" in hub.file_text(
            "README.md", first.branch)
        [second] = forge(hub).publish(change(two, date="2025-05-28"))
        text = hub.file_text("README.md", first.branch)
    assert second.action == "updated"
    assert text == insert_proposals(surveys(2), [one, two])[0]
    assert text.count("(4)") == 2 and "Show 4 papers" in text and "(3)" not in text
    # three papers in arXiv order (2308, 2309, 2509) after the first day: the second day's 2503 goes among them
    assert [line for line in text.splitlines() if "arxiv.org" in line][-2:] == [
        "- **[Agentic Large Language Models, a survey](https://arxiv.org/abs/2503.23037)** (Zhang, arXiv 2025)",
        "- **[The Landscape of Agentic Reinforcement Learning for LLMs: A Survey](https://arxiv.org/abs/2509.02547)**"
        " (Zhang, arXiv 2025)"]  # by one person, beside `(Wang et al., arXiv 2023)`: the surname alone


def test_the_pull_request_names_a_counted_section_as_its_diff_writes_it() -> None:
    """The models know `📚 Surveys & Position Papers (2)`; the pull request's diff makes it `(3)`: its body, its
    commit and run's record of it name `(3)`, where they named `(2)` beside a diff that writes `(3)`; the next
    day's paper, added to the open pull request, is named under `(4)`, and a dry run's body as a real one's."""
    one, two = survey_proposals(2)
    _, written = insert_proposals(surveys(2), [one, two])
    assert [(p.section.path, p.section.section_id, p.section.score) for p in written] == [
        (("🧭 Background", "📚 Surveys & Position Papers (4)"), "background/surveys-position-papers-4", 0.7)] * 2
    assert insert_proposals(surveys(2), [one])[1][0].section.path[-1] == "📚 Surveys & Position Papers (3)"
    with GitHubStandIn({"README.md": surveys(2)}, token=TOKEN) as hub:
        [first] = forge(hub).publish(change(one))
        commit = hub.commits[hub.refs[first.branch]].message
        [second] = forge(hub).publish(change(two, date="2025-05-28"))
    assert "- **Proposed section:** 🧭 Background > 📚 Surveys & Position Papers (3) (section score 70%)" in first.body
    assert "(2)" not in first.body and first.sections == {"2509.02547": ["🧭 Background",
                                                                        "📚 Surveys & Position Papers (3)"]}
    assert "-> 🧭 Background > 📚 Surveys & Position Papers (3)" in commit
    assert "- **Proposed section:** 🧭 Background > 📚 Surveys & Position Papers (4) (section score 70%)" in second.body
    assert second.sections == {"2503.23037": ["🧭 Background", "📚 Surveys & Position Papers (4)"]}
    [dry] = DryRunForge(readme_text=surveys(2), state=State(), out=io.StringIO()).publish(change(one))
    assert dry.body == first.body


def test_a_stale_count_grows_and_names_the_section_in_the_pull_request() -> None:
    """The list says 39 over these 2 papers in its heading, fold and contents (a cut copy; the real list keeps them
    equal): the diff makes them 40, and the body, the commit and run's record name the section `(40)`, where the
    heading stayed `(39)` and so did they; the next day's paper, on the open pull request, `(41)`."""
    one, two = survey_proposals(39)
    with GitHubStandIn({"README.md": surveys(39)}, token=TOKEN) as hub:
        [first] = forge(hub).publish(change(one))
        commit = hub.commits[hub.refs[first.branch]].message
        [second] = forge(hub).publish(change(two, date="2025-05-28"))
        text = hub.file_text("README.md", first.branch)
    assert text.count("(41)") == 2 and "Show 41 papers" in text and "39" not in text and "40" not in text
    assert "- **Proposed section:** 🧭 Background > 📚 Surveys & Position Papers (40) (section score 70%)" in first.body
    assert "(39)" not in first.body and first.sections == {"2509.02547": ["🧭 Background",
                                                                         "📚 Surveys & Position Papers (40)"]}
    assert "-> 🧭 Background > 📚 Surveys & Position Papers (40)" in commit
    proposed = "- **Proposed section:** 🧭 Background > 📚 Surveys & Position Papers (41) (section score 70%)"
    assert proposed in second.body
    assert second.sections == {"2503.23037": ["🧭 Background", "📚 Surveys & Position Papers (41)"]}
    [dry] = DryRunForge(readme_text=surveys(39), state=State(), out=io.StringIO()).publish(change(one))
    assert dry.body == first.body


def test_a_row_whose_confidence_a_maintainer_took_out_names_its_section_as_the_grown_pr_does() -> None:
    """The first day's row says `(40)`, as the pull request's copy of the list did; a maintainer deletes its
    confidence cell on GitHub. The next day's paper makes the copy `(41)`: the edited row, of 5 cells, kept `(40)`
    where the rows the bot wrote whole follow the copy; now it says `(41)` too, its cells otherwise as the
    maintainer left them, and each paper has one row."""
    one, two = survey_proposals(39)
    with GitHubStandIn({"README.md": surveys(39)}, token=TOKEN) as hub:
        [first] = forge(hub).publish(change(one))
        [row] = [line for line in first.body.splitlines() if line.startswith("| [")]
        cut = row.replace(" | 90% |", " |")
        assert row.count("|") == 5 and cut.count("|") == 4 and "(40)" in cut
        with hub.lock:
            hub.pulls[first.number].body = first.body.replace(row, cut)
        forge(hub).publish(change(two, date="2025-05-28"))
        body = hub.pulls[first.number].body
    rows = [line for line in body.splitlines() if line.startswith("| [")]
    assert rows[0] == cut.replace("(40)", "(41)") and "(41) (70%) | 90% |" in rows[1]
    assert "(40)" not in body and [body.count(f"`{i}`") for i in ("2509.02547", "2503.23037")] == [1, 1]


def test_run_json_names_each_pull_requests_sections_as_its_readme_does() -> None:
    """`run --json`'s `pull_requests` gave a pull request's ids alone, so a paper added under `(39)` made `(40)`
    there was named only by the scan's `proposals`, `(39)`; each now carries `sections`, the papers' sections as
    the pull request's README names them after its commit, a dry run's too; the proposals stay as scanned."""
    one, two = survey_proposals(39)
    with GitHubStandIn({"README.md": surveys(39)}, token=TOKEN) as hub:
        [first] = forge(hub).publish(change(one))
        [second] = forge(hub).publish(change(two, date="2025-05-28"))
    [dry] = DryRunForge(readme_text=surveys(39), state=State(), out=io.StringIO()).publish(change(one, two))
    scan = ScanResult(proposals=[one, two], scored=[], stats={})
    doc = RunReport(scan=scan, published=[first, second, dry]).to_json()
    assert [(p["action"], p["sections"]) for p in doc["pull_requests"]] == [
        ("opened", {"2509.02547": ["🧭 Background", "📚 Surveys & Position Papers (40)"]}),
        ("updated", {"2503.23037": ["🧭 Background", "📚 Surveys & Position Papers (41)"]}),
        ("dry-run", {"2509.02547": ["🧭 Background", "📚 Surveys & Position Papers (41)"],
                     "2503.23037": ["🧭 Background", "📚 Surveys & Position Papers (41)"]})]
    assert [p["section"]["path"] for p in doc["proposals"]] == [list(one.section.path)] * 2


def agents(counted: int, planning: int) -> str:
    """surveys(...) with the list's Planning & Reasoning after it, cut to two papers (verbatim lines but the
    entries' notes; its counts, 30 there, set to `planning`)."""
    contents = f"](#surveys)\n  - [🧠 Planning & Reasoning ({planning})](#planning)\n"
    return surveys(counted).replace("](#surveys)\n", contents) + (
        "\n## 🧱 Part I: Core Components\n\n"
        '<a id="planning"></a>\n'
        f"### 🧠 Planning & Reasoning ({planning})\n\n"
        "<details>\n"
        f"<summary><b>Show {planning} papers</b></summary>\n\n"
        "- **[Chain-of-Thought Prompting Elicits Reasoning in Large Language Models](https://arxiv.org/abs/2201.11903)**"
        " (Wei et al., NeurIPS 2022)\n"
        "- **[Self-Consistency Improves Chain of Thought Reasoning in Language Models]"
        "(https://arxiv.org/abs/2203.11171)** (Wang et al., ICLR 2023)\n"
        "</details>\n"
    )


SURVEYS = ("🧭 Background", "📚 Surveys & Position Papers (2)")
PLANNING = ("🧱 Part I: Core Components", "🧠 Planning & Reasoning (2)")


def in_section(arxiv_id: str, title: str, path: tuple[str, ...], other: tuple[str, ...]) -> Proposal:
    """A paper as scan proposes it on agents(2, 2): its sections and nearest entry as that list names them."""
    return Proposal(paper=Paper(arxiv_id, title, authors=("Guibin Zhang",)), score=0.9,
                    section=SectionScore(path, 0.7), alternatives=(SectionScore(other, 0.2),),
                    nearest=(Neighbour("A Survey on Large Language Model based Autonomous Agents", "2308.11432", 0.7,
                                       SURVEYS),))


def agent_proposals() -> tuple[Proposal, Proposal, Proposal]:
    """Three papers of agents(...), one a day: a survey, a planning paper, and a second survey."""
    return (in_section("2509.02547", "The Landscape of Agentic Reinforcement Learning for LLMs: A Survey", SURVEYS,
                       PLANNING),
            in_section("2504.11536", "ReTool: Reinforcement Learning for Strategic Tool Use in LLMs", PLANNING,
                       SURVEYS),
            in_section("2503.23037", "Agentic Large Language Models, a survey", SURVEYS, PLANNING))


def test_every_section_a_growing_pull_request_names_reads_as_its_readme_names_it() -> None:
    """Three days' papers into one open pull request on a list whose headings count their papers: each row,
    runner-up, other candidate, nearest entry and held-back line names a section as the PR's README does after
    the day's commit, where the rows written on earlier days kept their day's counts and the runners-up the count
    the models knew (`(2)` beside a heading the diff made `(4)`)."""
    a, b, c = agent_proposals()
    r1 = HeldBack(paper=Paper("2501.12948", "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement "
                              "Learning"), score=0.3, section=SectionScore(PLANNING, 0.6), why="over the cap", place=2,
                  cap=1)
    with GitHubStandIn({"README.md": agents(2, 2)}, token=TOKEN) as hub:
        [first] = forge(hub).publish(change(a, held_back=[r1]))
        forge(hub).publish(change(b, date="2025-05-28"))
        day2 = hub.pulls[first.number].body
        forge(hub).publish(change(c, date="2025-05-29"))
        body = hub.pulls[first.number].body
        text = hub.file_text("README.md", first.branch)
    assert "### 📚 Surveys & Position Papers (4)" in text and "### 🧠 Planning & Reasoning (3)" in text
    s3, s4 = ("🧭 Background > 📚 Surveys & Position Papers (3)", "🧭 Background > 📚 Surveys & Position Papers (4)")
    p3 = "🧱 Part I: Core Components > 🧠 Planning & Reasoning (3)"
    cells = [[c.strip() for c in line.split(" | ")[1:]] for line in day2.splitlines() if line.startswith("| [")]
    assert cells == [[f"{s3} (70%)", "90%", f"{p3} (20%) |"], [f"{p3} (70%)", "90%", f"{s3} (20%) |"]]
    cells = [[c.strip() for c in line.split(" | ")[1:]] for line in body.splitlines() if line.startswith("| [")]
    assert cells == [[f"{s4} (70%)", "90%", f"{p3} (20%) |"], [f"{p3} (70%)", "90%", f"{s4} (20%) |"],
                     [f"{s4} (70%)", "90%", f"{p3} (20%) |"]]
    assert body.count(f"- **Other candidate sections:** {p3} (20%)") == 2
    assert body.count(f"- **Proposed section:** {s4} (section score 70%)") == 2
    assert body.count(f"(similarity 0.70) — in {s4}") == 3
    assert "(2)" not in body and s3 not in body
    assert f"confidence 30%, over the daily cap of 1 (#2 of its day); {p3}" in body  # held back on the first day


def test_the_job_summary_names_every_section_as_the_pull_request_body_does() -> None:
    """The Action's job summary lists the day's papers and held-back papers with their sections: as the pull
    request's README names them after the day's commit, as its body does, where it named them as the scanned list
    and the models did (`🧠 Planning & Reasoning (2)` beside a body and a diff that say `(3)`); the next day's
    summary, of a paper added to the open pull request, names `(4)` as the body's new row does."""
    from bot.propose import ScanResult
    from bot.publish import RunReport, step_summary

    a, b, c = agent_proposals()
    r1 = HeldBack(paper=Paper("2501.12948", "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement "
                              "Learning"), score=0.3, section=SectionScore(PLANNING, 0.6), why="over the cap", place=3,
                  cap=2)

    def page(published: list, *proposals: Proposal, held: tuple[HeldBack, ...] = ()) -> str:
        scan = ScanResult(proposals=list(proposals), scored=[], stats={}, held_back=list(held))
        return step_summary(RunReport(scan=scan, published=published), date="2025-05-27", dry_run=False)

    def rows(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.startswith("| [")]

    with GitHubStandIn({"README.md": agents(2, 2)}, token=TOKEN) as hub:
        first = forge(hub).publish(change(a, b, held_back=[r1]))
        day1, body1 = page(first, a, b, held=(r1,)), hub.pulls[first[0].number].body
        second = forge(hub).publish(change(c, date="2025-05-28"))
        day2, body2 = page(second, c), hub.pulls[first[0].number].body
    s3 = "🧭 Background > 📚 Surveys & Position Papers (3)"
    p3 = "🧱 Part I: Core Components > 🧠 Planning & Reasoning (3)"
    assert rows(day1) == rows(body1) and len(rows(day1)) == 2
    assert f"| {s3} (70%) | 90% | {p3} (20%) |" in day1 and f"| {p3} (70%) | 90% | {s3} (20%) |" in day1
    assert f"over the daily cap of 2 (#3 of its day); {p3}\n" in day1 and "(2)" not in day1
    s4 = "🧭 Background > 📚 Surveys & Position Papers (4)"
    assert rows(day2) == rows(body2)[-1:] and f"| {s4} (70%) | 90% | {p3} (20%) |" in day2
    dry_run = DryRunForge(readme_text=agents(2, 2), state=State(), out=io.StringIO())
    [dry] = dry_run.publish(change(a, b, held_back=[r1]))
    dry_page = page([dry], a, b, held=(r1,))
    assert rows(dry_page) == rows(day1) and dry_page.splitlines()[-2] == day1.splitlines()[-2]  # the held-back line


def background(counted: int) -> str:
    """surveys(counted) with Agent Architectures & Frameworks after Surveys (its heading and first paper, verbatim;
    its count, 26, said in the Contents too) and the Background group counting both, `(counted + 26)`, as the Solo
    Unicorn Toolbox counts its groups by their sections' counts (tests/test_listfile.py, TOOLBOX_AGENTS)."""
    return surveys(counted).replace(
        "](#surveys)\n", "](#surveys)\n  - [🏗️ Agent Architectures & Frameworks (26)](#architectures)\n").replace(
        "## 🧭 Background\n", f"## 🧭 Background ({counted + 26})\n") + (
        '\n<a id="architectures"></a>\n'
        "### 🏗️ Agent Architectures & Frameworks (26)\n\n"
        "- **[AgentBench: Evaluating LLMs as Agents](https://arxiv.org/abs/2308.03688)** (Liu et al., ICLR 2024)\n")


def test_the_pull_request_names_a_parent_whose_count_grew_with_its_section_as_its_diff_writes_it() -> None:
    """A paper into Surveys grows `## 🧭 Background (28)`, the sum of its sections' `(2)` and `(26)`, with it: the
    body, the commit, run's record, run --json and the job summary name `🧭 Background (29) > 📚 Surveys & Position
    Papers (3)` as the diff writes both, the next day's paper, scanned under `(28) > (2)`, `(30) > (4)` on the open
    pull request, and the runner-up under the same group its new count; a dry run's body as a real one's."""
    from bot.publish import step_summary

    old = ("🧭 Background (28)", "📚 Surveys & Position Papers (2)")
    other = ("🧭 Background (28)", "🏗️ Agent Architectures & Frameworks (26)")
    one, two = (in_section(i, t, old, other) for i, t in (
        ("2509.02547", "The Landscape of Agentic Reinforcement Learning for LLMs: A Survey"),
        ("2503.23037", "Agentic Large Language Models, a survey")))
    with GitHubStandIn({"README.md": background(2)}, token=TOKEN) as hub:
        [first] = forge(hub).publish(change(one))
        commit = hub.commits[hub.refs[first.branch]].message
        day1 = hub.pulls[first.number].body
        [second] = forge(hub).publish(change(two, date="2025-05-28"))
        text = hub.file_text("README.md", first.branch)
    assert "## 🧭 Background (30)\n" in text and "### 📚 Surveys & Position Papers (4)\n" in text
    assert "### 🏗️ Agent Architectures & Frameworks (26)\n" in text
    s3 = "🧭 Background (29) > 📚 Surveys & Position Papers (3)"
    s4 = "🧭 Background (30) > 📚 Surveys & Position Papers (4)"
    assert f"- **Proposed section:** {s3} (section score 70%)" in day1 and f"-> {s3}" in commit
    assert f"(similarity 0.70) — in {s3}" in day1
    assert "- **Other candidate sections:** 🧭 Background (29) > 🏗️ Agent Architectures & Frameworks (26) (20%)" in day1
    assert "(28)" not in day1 and "(2)" not in day1
    assert first.sections == {"2509.02547": list(s3.split(" > "))}
    assert f"- **Proposed section:** {s4} (section score 70%)" in second.body
    assert second.sections == {"2503.23037": list(s4.split(" > "))}
    [dry] = DryRunForge(readme_text=background(2), state=State(), out=io.StringIO()).publish(change(one))
    assert dry.body == day1
    scan = ScanResult(proposals=[one], scored=[], stats={})
    doc = RunReport(scan=scan, published=[first]).to_json()
    assert doc["pull_requests"][0]["sections"] == {"2509.02547": list(s3.split(" > "))}
    summary = step_summary(RunReport(scan=scan, published=[first]), date="2025-05-27", dry_run=False)
    assert f"| {s3} (70%) | 90% | 🧭 Background (29) > 🏗️ Agent Architectures & Frameworks (26) (20%) |" in summary
    assert "(28)" not in summary


def test_numbered_parts_under_a_counted_group_are_found_and_named_after_the_group_grew() -> None:
    """`## Papers (3)` over `### Part (1)` and `### Part (2)` (numbers, not counts; the papers of
    js-lee-AI/awesome-llm-agent-papers, verbatim): the day's first paper makes the group `(4)`, and its second,
    scanned under `Papers (3) > Part (2)`, stopped the run with the trained section missing, `Part (1)` and
    `Part (2)` alike once the counts are set aside; now it goes into Part (2), and the body names each part under
    `Papers (5)`, as the diff writes the group."""
    text = (
        "## Contents\n\n- [Part (1)](#part-1)\n- [Part (2)](#part-2)\n\n## Papers (3)\n\n### Part (1)\n\n"
        "- **[A Survey on Large Language Model based Autonomous Agents](https://arxiv.org/abs/2308.11432)** (Wang et "
        "al., arXiv 2023)\n\n### Part (2)\n\n"
        "- **[Cognitive Architectures for Language Agents](https://arxiv.org/abs/2309.02427)** (Sumers et al., TMLR "
        "2023)\n"
        "- **[AgentBench: Evaluating LLMs as Agents](https://arxiv.org/abs/2308.03688)** (Liu et al., ICLR 2024)\n")
    first, second = (("Papers (3)", "Part (1)"), ("Papers (3)", "Part (2)"))
    one = in_section("2509.02547", "The Landscape of Agentic Reinforcement Learning for LLMs: A Survey", first, second)
    two = in_section("2503.23037", "Agentic Large Language Models, a survey", second, first)
    out, written = insert_proposals(text, [one, two])
    assert [p.section.path for p in written] == [("Papers (5)", "Part (1)"), ("Papers (5)", "Part (2)")]
    assert out.count("### Part (1)\n") == 1 and out.count("### Part (2)\n") == 1 and "## Papers (5)\n" in out
    assert out.index("(https://arxiv.org/abs/2503.23037)") > out.index("### Part (2)\n")
    with GitHubStandIn({"README.md": text}, token=TOKEN) as hub:
        [published] = forge(hub).publish(change(one, two))
        assert hub.file_text("README.md", published.branch) == out
    assert "- **Proposed section:** Papers (5) > Part (1) (section score 70%)" in published.body
    assert "- **Proposed section:** Papers (5) > Part (2) (section score 70%)" in published.body
    assert "- **Other candidate sections:** Papers (5) > Part (2) (20%)" in published.body
    assert "(3)" not in published.body and "(4)" not in published.body
