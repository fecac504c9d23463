"""select_proposals and scan: thresholds, the cap, dedupe against the list, state and exclusions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.config import Config
from bot.errors import UsageError
from bot.listfile import read_list
from bot.model import Scored
from bot.papers import Neighbour, Paper, Proposal, SectionScore
from bot.propose import (
    Explanation,
    ScanResult,
    day_rank,
    format_proposals,
    scan,
    select_proposals,
    why_not_proposed,
    with_overrides,
)
from bot.state import State
from tests.replay_support import BACKGROUND, FEEDS, README, HashingEncoder, make_config, trained

DAY_18 = str(FEEDS / "2025-04-18.xml")
DAY_23 = str(FEEDS / "2025-04-23.xml")
# The four papers of 2025-04-18 the maintainers later added to the list.
LISTED_18 = {"2504.12322", "2504.12330", "2504.12522", "2504.12563"}


def _scored(arxiv_id: str, relevance: float, section: float = 0.6, unsure: bool = False) -> Scored:
    return Scored(
        paper=Paper(arxiv_id, f"Paper {arxiv_id}"),
        relevance=relevance,
        sections=(
            SectionScore(("4. Methods", "4.1. Pre-training"), section, "4-methods/4-1-pre-training"),
            SectionScore(("3. Surveys",), section / 2, "3-surveys"),
            SectionScore(("5. Analysis",), section / 3, "5-analysis"),
            SectionScore(("7. Tools",), section / 4, "7-tools"),
        ),
        nearest=(Neighbour("Near", "2401.00001", 0.8),),
        unsure=unsure,
    )


def test_select_proposals_thresholds_cap_and_order() -> None:
    scored = [
        _scored("2504.00001", 0.40),
        _scored("2504.00002", 0.90),
        _scored("2504.00003", 0.70, section=0.05),  # below the section threshold
        _scored("2504.00004", 0.70, unsure=True),
        _scored("2504.00005", 0.50),  # exactly at the threshold: kept
        _scored("2504.00006", 0.70),
    ]
    got = select_proposals(scored, relevance=0.5, section=0.1, max_proposals=3)
    assert [p.paper.arxiv_id for p in got] == ["2504.00002", "2504.00004", "2504.00006"]
    assert [p.score for p in got] == [0.90, 0.70, 0.70]
    assert got[1].unsure is True and got[0].unsure is False
    assert got[0].section.path == ("4. Methods", "4.1. Pre-training")
    assert [a.path for a in got[0].alternatives] == [("3. Surveys",), ("5. Analysis",)]
    assert got[0].nearest[0].title == "Near"

    everything = select_proposals(scored, relevance=0.5, section=0.1, max_proposals=100)
    assert [p.paper.arxiv_id for p in everything] == ["2504.00002", "2504.00004", "2504.00006", "2504.00005"]
    assert select_proposals(scored, relevance=0.5, section=0.1, max_proposals=0) == []
    assert select_proposals(scored, relevance=0.95, section=0.0, max_proposals=5) == []

    # why each paper left out was left out, by the same rules
    why = {s.paper.arxiv_id: why_not_proposed(s, scored, relevance=0.5, section=0.1, max_proposals=3) for s in scored}
    assert why == {
        "2504.00001": "score below 0.5",
        "2504.00002": "",
        "2504.00003": "section score below 0.1",
        "2504.00004": "",
        "2504.00005": "over the cap: #4 of its day, cap 3",
        "2504.00006": "",
    }
    assert {i for i, w in why.items() if not w} == {p.paper.arxiv_id for p in got}
    # the place by score alone, thresholds aside; ties go to the lower id, as select_proposals orders them
    assert {s.paper.arxiv_id: day_rank(s, scored) for s in scored} == {
        "2504.00002": 1, "2504.00003": 2, "2504.00004": 3, "2504.00006": 4, "2504.00005": 5, "2504.00001": 6}


def test_after_the_first_proposal_a_day_needs_the_higher_bar() -> None:
    scored = [
        _scored("2504.00001", 0.55),
        _scored("2504.00002", 0.62),
        _scored("2504.00003", 0.61),
        _scored("2504.00004", 0.20),
    ]

    def ids(**kw: float) -> list[str]:
        return [p.paper.arxiv_id for p in select_proposals(scored, section=0.0, max_proposals=3, **kw)]

    # the day's best needs only the threshold; the others, up to the cap, the bar too
    assert ids(relevance=0.1, after_first=0.6) == ["2504.00002", "2504.00003"]
    assert ids(relevance=0.1, after_first=0.7) == ["2504.00002"]
    assert ids(relevance=0.1, after_first=0.5) == ["2504.00002", "2504.00003", "2504.00001"]
    assert ids(relevance=0.1) == ids(relevance=0.1, after_first=0.0) == ["2504.00002", "2504.00003", "2504.00001"]
    # a bar below the threshold is the threshold; a weak day still gets its best paper
    assert ids(relevance=0.58, after_first=0.3) == ["2504.00002", "2504.00003"]
    assert [p.paper.arxiv_id for p in select_proposals(
        scored[3:], relevance=0.1, section=0.0, max_proposals=3, after_first=0.9)] == ["2504.00004"]
    why = {s.paper.arxiv_id: why_not_proposed(s, scored, relevance=0.1, section=0.0, max_proposals=3,
                                              after_first=0.6) for s in scored}
    assert why == {
        "2504.00001": "score below 0.6, the bar after its day's first proposal (#3 of its day)",
        "2504.00002": "", "2504.00003": "",
        "2504.00004": "score below 0.6, the bar after its day's first proposal (#4 of its day)",
    }
    assert why_not_proposed(scored[1], scored, relevance=0.1, section=0.0, max_proposals=1, after_first=0.5) == ""
    assert why_not_proposed(scored[2], scored, relevance=0.1, section=0.0, max_proposals=1, after_first=0.5) == (
        "over the cap: #2 of its day, cap 1")


def test_scan_result_json_shape() -> None:
    props = select_proposals([_scored("2504.00002", 0.9)], relevance=0.5, section=0.0, max_proposals=3)
    doc = ScanResult(proposals=props, scored=[], stats={"items": 3, "proposed": 1}).to_json()
    assert list(doc) == ["stats", "proposals", "held_back", "near_misses"] and doc["held_back"] == []
    assert doc["stats"] == {"items": 3, "proposed": 1}
    p = doc["proposals"][0]
    assert p["arxiv_id"] == "2504.00002" and p["title"] == "Paper 2504.00002" and p["score"] == 0.9
    assert p["section"] == {"path": ["4. Methods", "4.1. Pre-training"], "score": 0.6}
    assert p["alternatives"] == [{"path": ["3. Surveys"], "score": 0.3}, {"path": ["5. Analysis"], "score": 0.2}]
    assert p["nearest"] == [{"title": "Near", "arxiv_id": "2401.00001", "similarity": 0.8}]


def test_overrides_are_checked() -> None:
    config = make_config(Path("/tmp"))
    assert with_overrides(config, threshold=0.25, max_proposals=7).thresholds.relevance == 0.25
    assert with_overrides(config, threshold=0.25, max_proposals=7).max_proposals_per_run == 7
    with pytest.raises(UsageError, match=r"--threshold 1\.5"):
        with_overrides(config, threshold=1.5)
    with pytest.raises(UsageError, match="--max-proposals -1"):
        with_overrides(config, max_proposals=-1)
    assert with_overrides(config, after_first=0.3).thresholds.relevance_after_first == 0.3
    assert with_overrides(config).thresholds == config.thresholds
    with pytest.raises(UsageError, match=r"--threshold-after-first 2: must be a probability"):
        with_overrides(config, after_first=2.0)


@pytest.fixture(scope="module")
def plist():
    return read_list(README)


def test_paper_on_the_list_is_never_proposed(tmp_path: Path, plist) -> None:
    config = make_config(tmp_path, relevance=0.0, section=0.0)
    config = with_overrides(config, max_proposals=100)
    result = scan(config, feeds=[DAY_18], plist=plist, model=trained(), state=State(), encoder=HashingEncoder())
    proposed = {p.paper.arxiv_id for p in result.proposals}
    assert not proposed & LISTED_18
    assert result.stats["on_list"] == 4
    # everything else new or cross-listed that day is scored and, at threshold 0, proposed
    assert result.stats["scored"] == result.stats["kept"] - 4 == len(proposed) == 14
    assert result.stats["replace"] == 2 and result.stats["items"] == 20


def test_scan_applies_the_bar_after_the_first(tmp_path: Path, plist) -> None:
    config = with_overrides(make_config(tmp_path, relevance=0.0, relevance_after_first=1.0), max_proposals=100)
    result = scan(config, feeds=[DAY_18], plist=plist, model=trained(), state=State(), encoder=HashingEncoder())
    # nothing scores 1, so the day brings its best paper only, and every other one still counts as above
    assert len(result.proposals) == 1 and result.stats["above_threshold"] == result.stats["scored"] == 14
    assert result.proposals[0].score == max(s.relevance for s in result.scored)
    # the 13 others are held back by the bar, best first, each saying so
    assert [h.score for h in result.held_back] == sorted((h.score for h in result.held_back), reverse=True)
    assert len(result.held_back) == 13 and result.held_back[0].why == (
        "score below 1, the bar after its day's first proposal (#2 of its day)")
    doc = result.to_json()["held_back"][0]
    assert list(doc) == ["arxiv_id", "title", "score", "section", "why"] and doc["why"] == result.held_back[0].why
    assert "\nheld back: " + result.held_back[0].paper.title in format_proposals(result)


def test_state_prevents_a_second_proposal(tmp_path: Path, plist) -> None:
    config = with_overrides(make_config(tmp_path, relevance=0.0), max_proposals=100)
    state = State()
    first = scan(config, feeds=[DAY_23], plist=plist, model=trained(), state=state, encoder=HashingEncoder(),
                 today="2025-04-23")
    assert len(first.proposals) == first.stats["scored"] > 0
    assert set(state.seen) == {s.paper.arxiv_id for s in first.scored}
    assert set(state.seen.values()) == {"2025-04-23"}
    second = scan(config, feeds=[DAY_23], plist=plist, model=trained(), state=state, encoder=HashingEncoder())
    assert second.proposals == [] and second.scored == []
    assert second.stats["known"] == first.stats["scored"]


def test_record_false_and_exclude(tmp_path: Path, plist) -> None:
    config = with_overrides(make_config(tmp_path, relevance=0.0), max_proposals=100)
    state = State()
    first = scan(config, feeds=[DAY_23], plist=plist, model=trained(), state=state, encoder=HashingEncoder(),
                 record=False)
    assert state.seen == {}
    skip = {p.paper.arxiv_id for p in first.proposals[:3]}
    again = scan(config, feeds=[DAY_23], plist=plist, model=trained(), state=state, encoder=HashingEncoder(),
                 exclude=skip)
    assert again.stats["excluded"] == 3
    assert {p.paper.arxiv_id for p in again.proposals} == {p.paper.arxiv_id for p in first.proposals} - skip


def test_cap_and_thresholds_hold_on_a_real_feed(tmp_path: Path, plist) -> None:
    model, enc = trained(), HashingEncoder()
    everything = scan(with_overrides(make_config(tmp_path, relevance=0.0), max_proposals=100), feeds=[DAY_23],
                      plist=plist, model=model, state=State(), encoder=enc)
    ranked = sorted(everything.scored, key=lambda s: (-s.relevance, s.paper.arxiv_id))
    capped = scan(with_overrides(make_config(tmp_path, relevance=0.0), max_proposals=2), feeds=[DAY_23],
                  plist=plist, model=model, state=State(), encoder=enc)
    assert [p.paper.arxiv_id for p in capped.proposals] == [s.paper.arxiv_id for s in ranked[:2]]
    assert capped.stats["above_threshold"] == len(ranked) and capped.stats["proposed"] == 2

    cut = (ranked[2].relevance + ranked[3].relevance) / 2  # exactly three papers above it
    high = scan(with_overrides(make_config(tmp_path, relevance=cut), max_proposals=100), feeds=[DAY_23],
                plist=plist, model=model, state=State(), encoder=enc)
    assert [p.paper.arxiv_id for p in high.proposals] == [s.paper.arxiv_id for s in ranked[:3]]
    assert all(p.score >= cut for p in high.proposals)

    best_section = max(s.sections[0].score for s in ranked)
    strict = scan(with_overrides(make_config(tmp_path, relevance=0.0, section=best_section + 1e-6), max_proposals=9),
                  feeds=[DAY_23], plist=plist, model=model, state=State(), encoder=enc)
    assert strict.proposals == [] and strict.stats["scored"] == len(ranked)


def test_a_synthetic_data_paper_outranks_unrelated_ones(tmp_path: Path, plist) -> None:
    """A held-out list paper from the feed scores above most of the day's unrelated papers."""
    config = with_overrides(make_config(tmp_path, relevance=0.0), max_proposals=100)
    model = trained("2503")
    from bot.evaluate import ListWithoutHeldOut, held_out_entries

    before = ListWithoutHeldOut(plist, held_out_entries(plist, "2503"))
    result = scan(config, feeds=[DAY_18], plist=before, model=model, state=State(), encoder=HashingEncoder())
    ranked = [p.paper.arxiv_id for p in result.proposals]
    assert set(ranked) >= LISTED_18
    assert ranked.index("2504.12322") < len(ranked) // 2


def test_nearest_entries_carry_the_titles_the_list_gives_them() -> None:
    """The models keep arXiv's title of each entry; a maintainer looks the entry up in the README by its own."""
    from bot.papers import Proposal
    from bot.propose import as_listed

    plist = read_list(README)
    arxiv_title = "Model-Based Privacy-Preserving Knowledge Transfer for Large Language Models"
    nearest = (Neighbour(arxiv_title, "2410.10481", 0.4, ("4. Methods",)), Neighbour("Fuxion", None, 0.39),
               Neighbour("Not on this list", "2401.99999", 0.38))
    p = Proposal(paper=Paper("2503.15055", "ELTEX"), score=0.13, section=_scored("2503.15055", 0.5).sections[0],
                 alternatives=(), nearest=nearest)
    [got] = as_listed([p], plist)
    assert [n.title for n in got.nearest] == [
        "Model-based Large Language Model Customization as Service", "Fuxion", "Not on this list"]
    assert got.nearest[0].similarity == 0.4 and got.nearest[0].section_path == ("4. Methods",)


def test_a_paper_placed_in_the_newest_year_of_a_list_kept_by_year_is_proposed_under_its_own_year() -> None:
    """The models put a 2025 paper under `Papers > 2024`, the newest year of opendilab/awesome-RLHF: the pull
    request adds `### 2025` for it, so the proposal, `scan --json` and the held-back line name that section."""
    from bot.evaluate import ListWithoutHeldOut
    from bot.listfile import parse_list
    from bot.papers import HeldBack, Proposal
    from bot.propose import in_their_years

    plist = parse_list(  # opendilab/awesome-RLHF README.md, its year sections cut to one paper each
        "## Papers\n\n"
        "### 2024\n"
        "- [On Diversified Preferences of Large Language Model Alignment](https://arxiv.org/pdf/2312.07401.pdf)\n"
        "  - Dun Zeng, Yong Dai, Pengyu Cheng, Tianhao Hu, Wanshun Chen, Nan Du, Zenglin Xu\n\n"
        "### 2023\n"
        "- [Adversarial Preference Optimization](https://arxiv.org/abs/2311.08045)\n"
        "  - Pengyu Cheng, Yifan Yang, Jian Li, Yong Dai, Nan Du\n"
    )
    newest = SectionScore(("Papers", "2024"), 0.7, "papers/2024")
    new, old = Paper("2504.13122", "VistaDPO"), Paper("2312.00001", "A paper of 2023")
    proposals = [Proposal(paper=new, score=0.9, section=newest), Proposal(paper=old, score=0.8, section=newest)]
    moved, kept = in_their_years(proposals, plist)
    assert (moved.section.path, moved.section.section_id, moved.section.score) == (
        ("Papers", "2025"), "papers/2025", 0.7)
    assert kept.section.path == ("Papers", "2023") and kept.section.section_id == "papers/2023"
    assert ScanResult(proposals=[moved], scored=[], stats={}).to_json()["proposals"][0]["section"] == {
        "path": ["Papers", "2025"], "score": 0.7}
    [held] = in_their_years([HeldBack(paper=new, score=0.5, section=newest, why="over the cap")], plist)
    assert held.section.path == ("Papers", "2025")
    other = SectionScore(("Papers",), 0.7, "papers")
    assert in_their_years([Proposal(paper=new, score=0.9, section=other)], plist)[0].section == other
    replay = ListWithoutHeldOut(plist, [])  # the replay's list answers only `contains`: as the models chose
    assert in_their_years(proposals, replay) == proposals


# A 2025 paper and a 2023 paper, for a list kept by year (opendilab/awesome-RLHF: `### 2024`, `### 2023`, ...)
_YEAR_PAPERS = (Paper("2509.02547", "The Landscape of Agentic Reinforcement Learning for LLMs: A Survey"),
                Paper("2311.00001", "A paper of 2023"))


def _explained(config: Config, readme: str, *ranking: SectionScore,
               papers: Sequence[Paper] = _YEAR_PAPERS) -> list[Explanation]:
    """explain on `readme` with models that rank every paper so, without training any: the question is where a paper
    goes once explain has read the list, not what the models think of it."""
    from bot.listfile import parse_list
    from bot.propose import explain

    class Models:
        def score(self, papers: list[Paper], *_: object, **__: object) -> list[Scored]:
            return [Scored(p, 0.9, ranking, (), False) for p in papers]

    return explain(config, list(papers), plist=parse_list(readme), model=Models(),  # type: ignore[arg-type]
                   state=State(), encoder=HashingEncoder())


def test_explain_names_the_year_section_a_run_would_write_a_paper_of_a_newer_year_under(tmp_path: Path) -> None:
    """The models put a 2025 paper under `Papers > 2024`, the newest year of opendilab/awesome-RLHF; scan and run
    write it under a new `### 2025`, so explain names `Papers > 2025` too, in text and --json, where it named the
    models' `Papers > 2024`; a paper of 2023 is explained under `Papers > 2023`, the runners-up as the models rank."""
    from bot.propose import format_explanations
    from tests.test_listfile import RLHF

    config = make_config(tmp_path)
    new, old = _explained(config, RLHF, SectionScore(("Papers", "2024"), 0.7, "papers/2024"),
                          SectionScore(("Papers", "2023"), 0.2, "papers/2023"))
    assert new.to_json()["section"] == {"path": ["Papers", "2025"], "score": 0.7}
    assert new.to_json()["alternatives"] == [{"path": ["Papers", "2023"], "score": 0.2}]
    assert old.to_json()["section"] == {"path": ["Papers", "2023"], "score": 0.7}
    assert "\n  section    Papers > 2025 (70%)  (a new heading the pull request would add)\n" \
           "  runner-up  Papers > 2023 (20%)\n" in format_explanations([new], config)


def test_explain_says_when_the_section_it_names_is_a_heading_the_pull_request_would_add(tmp_path: Path) -> None:
    """explain named `Papers > 2025` for a 2025 paper on opendilab/awesome-RLHF, whose newest year is 2024, as if
    the list had it; it now says the pull request would add that heading, in its text and `new_heading` in --json,
    and not for a 2023 paper, whose `### 2023` is there; a year the list skips (2023 between 2024 and 2022) too."""
    from bot.propose import format_explanations
    from tests.test_listfile import RLHF, RLHF_ALL_YEARS, without_year

    config = make_config(tmp_path)
    ranking = SectionScore(("Papers", "2024"), 0.7, "papers/2024")
    new, old = _explained(config, RLHF, ranking)
    assert (new.to_json()["new_heading"], old.to_json()["new_heading"]) == (True, False)
    assert list(new.to_json())[-4:] == ["on_list", "state", "verdict", "new_heading"]
    text = format_explanations([new, old], config)
    assert "  section    Papers > 2025 (70%)  (a new heading the pull request would add)\n" in text
    assert "  section    Papers > 2023 (70%)\n" in text
    [skipped] = _explained(config, without_year(RLHF_ALL_YEARS, "2023"), ranking, papers=_YEAR_PAPERS[1:])
    assert skipped.to_json()["section"]["path"] == ["Papers", "2023"] and skipped.new_heading


def test_scan_and_explain_put_an_old_paper_under_the_heading_of_older_papers_after_another_heading(
        tmp_path: Path) -> None:
    """opendilab/awesome-RLHF's years with `### Surveys` between `### 2021` and `### 2020 and before`: the models put
    a 2017 paper under 2021, and scan and explain named a new `Papers > 2017`, which the pull request would add
    above the surveys; they now name `Papers > 2020 and before`, a heading the list has."""
    from bot.listfile import parse_list
    from bot.propose import in_their_years
    from tests.test_listfile import RLHF_SURVEYS_THEN_OLDER

    christiano = Paper("1706.03741", "Deep reinforcement learning from human preferences")
    chosen = SectionScore(("Papers", "2021"), 0.7, "papers/2021")
    [proposal] = in_their_years([Proposal(paper=christiano, score=0.9, section=chosen)],
                                parse_list(RLHF_SURVEYS_THEN_OLDER))
    assert proposal.section.path == ("Papers", "2020 and before")
    [explained] = _explained(make_config(tmp_path), RLHF_SURVEYS_THEN_OLDER, chosen, papers=[christiano])
    assert explained.to_json()["section"]["path"] == ["Papers", "2020 and before"]
    assert not explained.new_heading

def test_explain_names_the_heading_of_older_papers_beside_a_lists_one_year(tmp_path: Path) -> None:
    """`### 2025` then `### 2024 and before`: a 2023 paper the models put under 2025 was explained there, as scan
    proposed it; now both name `Papers > 2024 and before`, and a 2026 paper a new `Papers > 2026`."""
    from tests.test_listfile import ONE_YEAR

    chosen = SectionScore(("Papers", "2025"), 0.7, "papers/2025")
    old, new = _explained(make_config(tmp_path), ONE_YEAR, chosen,
                          papers=[Paper("2310.12773", "Safe RLHF"), Paper("2601.00123", "A paper of 2026")])
    assert (old.to_json()["section"]["path"], old.new_heading) == (["Papers", "2024 and before"], False)
    assert (new.to_json()["section"]["path"], new.new_heading) == (["Papers", "2026"], True)

def test_scan_and_explain_print_section_scores_in_percent_as_the_pull_request_body_does() -> None:
    """`6.2 Code Generation (87%)` where they printed `(0.87)` beside a PR body's `(87%)`; a runner-up with no chance
    `<1%`, not `0%` (nor `0.00`); the JSON keeps its 0-1 numbers."""
    from bot.propose import format_explanations

    code = ("6. Application Areas", "6.2 Code Generation")
    agent = ("6. Application Areas", "6.3 Agent and Tool Use")
    paper = Paper("2504.13837", "Does Reinforcement Learning Really Incentivize Reasoning Capacity in LLMs Beyond "
                  "the Base Model?")
    p = Proposal(paper=paper, score=0.23, section=SectionScore(code, 0.874), alternatives=(SectionScore(agent, 0.004),))
    lines = format_proposals(ScanResult(proposals=[p], scored=[], stats={})).splitlines()
    assert lines[2:4] == ["   section:   6. Application Areas > 6.2 Code Generation (87%)",
                          "   runner-up: 6. Application Areas > 6.3 Agent and Tool Use (<1%)"]
    assert p.to_json()["section"]["score"] == 0.874 and p.to_json()["alternatives"][0]["score"] == 0.004
    scored = Scored(paper, 0.23, (SectionScore(code, 0.874), SectionScore(agent, 0.004)), (), False)
    text = format_explanations([Explanation(scored, "not proposed")], Config())
    assert "\n  section    6. Application Areas > 6.2 Code Generation (87%)\n" in text
    assert "\n  runner-up  6. Application Areas > 6.3 Agent and Tool Use (<1%)\n" in text


def _with_a_must_read(tmp: Path, name: str, *, restored: int) -> Path:
    """The seed list with a `## 🔥 Must-read` of four of its 6.5 Retrieval-Augmented Generation papers above 3.
    Surveys, their lines verbatim, `restored` of them still in 6.5 too (DailyQA never): with none it is a section
    of its own, with 3 a hand-picked short list of papers listed under their topic."""
    lines = README.read_text(encoding="utf-8").splitlines(keepends=True)
    ids = ("2505.18710", "2504.12330", "2412.05838", "2505.17162")  # GainRAG, HM-RAG, Collaborative RAG, DailyQA
    picks = [next(line for line in lines if f"(https://arxiv.org/abs/{i})" in line) for i in ids]
    moved = {f"(https://arxiv.org/abs/{i})" for i in ids[restored:]}
    rest = [line for line in lines if not any(m in line for m in moved)]
    at = rest.index("## **3. Surveys**\n")
    path = tmp / name
    path.write_text("".join([*rest[:at], "## 🔥 Must-read\n\n", *picks, "\n", *rest[at:]]), encoding="utf-8")
    return path


def test_a_section_the_list_now_marks_hand_picked_is_left_out_of_the_models_ranking(tmp_path: Path, caplog) -> None:
    """Models trained while `🔥 Must-read` held papers of its own still rank it; once it is a hand-picked short list
    of papers listed under their topics, `with_entry` refuses to write there, so a run placing a paper in it stopped
    with "'🔥 Must-read' ... is a hand-picked short list ...; nothing added". Now the scan leaves it out of every
    ranking, logged once: the next best section is the choice, the runners-up move up, and the pull request's
    README edit writes the paper there, without `paperbot train`."""
    import logging

    from bot.feeds import read_feeds
    from bot.listfile import parse_list
    from bot.model import train_models
    from bot.propose import explain
    from bot.publish import insert_proposals

    config = make_config(tmp_path, relevance=0.0, section=0.0)
    config = with_overrides(config, max_proposals=100)
    before = _with_a_must_read(tmp_path, "before.md", restored=0)
    model, _ = train_models(config, readme=before, metadata=config.list.metadata, background=BACKGROUND,
                            models_dir=None, offline=True, encoder=HashingEncoder(), evaluate=False)
    must = ("🔥 Must-read",)
    assert must in {s["path"] for s in model.sections.sections_}
    now = read_list(_with_a_must_read(tmp_path, "now.md", restored=3))
    assert [s.path for s in now.sections if now.is_curated(s)] == [must]
    fairness = "2504.12323"  # The Other Side of the Coin: Exploring Fairness in Retrieval-Augmented Generation
    raw = {s.paper.arxiv_id: s for s in model.score(
        [p for p in read_feeds([DAY_18]).papers if not now.contains(p)], HashingEncoder(), None)}
    assert raw[fairness].sections[0].path == must  # the models' choice: the short list
    with caplog.at_level(logging.INFO, logger="paperbot.propose"):
        result = scan(config, feeds=[DAY_18], plist=now, model=model, state=State(), encoder=HashingEncoder())
    assert all(must not in {x.path for x in s.sections} for s in result.scored)
    assert len(result.proposals) == result.stats["scored"] == len(raw)  # nobody lost: each has a place left
    [got] = [p for p in result.proposals if p.paper.arxiv_id == fairness]
    others = [x for x in raw[fairness].sections if x.path != must]
    assert got.section == others[0] and list(got.alternatives) == others[1:3]
    assert got.section.path == ("6. Application Areas", "6.5 Retrieval-Augmented Generation")
    assert got.unsure == (others[0].score - others[1].score < config.thresholds.unsure_margin)
    said = [r.getMessage() for r in caplog.records if "hand-picked short list" in r.getMessage()]
    assert said == ["the models rank '🔥 Must-read', which the list marks a hand-picked short list where no paper is "
                    "added: left out of the papers' sections, each placed in its next best (`paperbot train` learns "
                    "the list without it)"]
    text, written = insert_proposals(now.text, result.proposals)
    assert fairness in {p.paper.arxiv_id for p in written}
    after = parse_list(text)
    [entry] = [e for e in after.entries if e.arxiv_id == fairness]
    assert after.section_by_id(entry.section_id).path == got.section.path
    [why] = explain(config, [raw[fairness].paper], plist=now, model=model, state=State(), encoder=HashingEncoder())
    assert why.scored.sections[0].path[-1] == "6.5 Retrieval-Augmented Generation"


def test_a_nearest_entry_models_placed_in_a_hand_picked_short_list_is_named_by_its_other_section(
        tmp_path: Path) -> None:
    """Models trained while `🔥 Must-read` held HM-RAG and GainRAG of its own name it as their section among a
    paper's nearest entries; once the list marks it a hand-picked short list and lists them in 6.5 Retrieval-Augmented
    Generation too, scan, explain and the pull request name them there, the section the evidence is for, where they
    said '— in 🔥 Must-read' beside a paper proposed for 6.5. DailyQA, which the list names in the Must-read alone,
    keeps it: that is where a maintainer finds it on the list."""
    import json

    from bot.feeds import read_feeds
    from bot.model import train_models
    from bot.propose import explain

    config = with_overrides(make_config(tmp_path, relevance=0.0, section=0.0), max_proposals=100)
    before = _with_a_must_read(tmp_path, "before.md", restored=0)
    model, _ = train_models(config, readme=before, metadata=config.list.metadata, background=BACKGROUND,
                            models_dir=None, offline=True, encoder=HashingEncoder(), evaluate=False)
    now = read_list(_with_a_must_read(tmp_path, "now.md", restored=3))
    must, rag = ("🔥 Must-read",), ("6. Application Areas", "6.5 Retrieval-Augmented Generation")
    fairness, hm_rag = "2504.12323", "2504.12330"
    [raw] = [s for s in model.score(read_feeds([DAY_18]).papers, HashingEncoder(), None)
             if s.paper.arxiv_id == fairness]
    assert {n.arxiv_id: n.section_path for n in raw.nearest}[hm_rag] == must  # as the models learnt it
    result = scan(config, feeds=[DAY_18], plist=now, model=model, state=State(), encoder=HashingEncoder())
    [got] = [p for p in result.proposals if p.paper.arxiv_id == fairness]
    assert {n.arxiv_id: n.section_path for n in got.nearest}[hm_rag] == rag
    assert not [n for p in result.proposals for n in p.nearest if n.section_path == must]
    [why] = explain(config, [raw.paper], plist=now, model=model, state=State(), encoder=HashingEncoder())
    assert {n.arxiv_id: n.section_path for n in why.scored.nearest}[hm_rag] == rag

    meta = {r["id"]: r for r in map(json.loads, Path(config.list.metadata).read_text(encoding="utf-8").splitlines())}
    daily = meta["2505.17162"]  # DailyQA: in the Must-read alone
    twin = Paper("2506.00001", "DailyQA-2: " + daily["title"], abstract=daily["abstract"])
    [why] = explain(config, [twin], plist=now, model=model, state=State(), encoder=HashingEncoder())
    near = {n.arxiv_id: n.section_path for n in why.scored.nearest}
    assert near["2505.17162"] == must and why.scored.sections[0].path != must
    assert all(path != must for i, path in near.items() if i != "2505.17162")
