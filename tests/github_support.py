"""Shared by test_render / test_github / test_run: real papers from a saved feed, proposals, a forge."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from bot.config import Config, GithubConfig, PrConfig
from bot.github import Change, GitHubForge
from bot.papers import HeldBack, Neighbour, Paper, Proposal, SectionScore
from bot.render import OnBoard
from tests.conftest import FIXTURES, REPO
from tests.servers.github import GitHubStandIn

README_PATH = REPO / "data" / "lists" / "llm-synthetic-data.md"
FEEDS = [FIXTURES / "replay" / "feeds" / "2025-04-23.xml", FIXTURES / "replay" / "feeds" / "2025-04-24.xml"]
TOKEN = "ghp_T0pS3cretT0kenValue42"
DATE = "2025-05-27"

SECTIONS = {
    "scratch": ("4. Methods", "4.3. Instruction Tuning", "4.3.4 Synthesis instructions and outputs using LLM",
                "B. Synthesis from scratch without seed"),
    "pretrain": ("4. Methods", "4.1. Pre-training"),
    "math": ("6. Application Areas", "6.1 Mathematical Reasoning"),
    "agent": ("6. Application Areas", "6.3 Agent and Tool Use"),
}


def readme() -> str:
    return README_PATH.read_text(encoding="utf-8")


@cache
def feed_papers() -> dict[str, Paper]:
    from bot.feeds import read_feeds

    result = read_feeds([str(f) for f in FEEDS])
    return {p.arxiv_id: p for p in result.papers}


@cache
def section_id(path: tuple[str, ...]) -> str:
    from bot.listfile import parse_list

    return next(s.id for s in parse_list(readme()).sections if tuple(s.path) == path)


def proposal(arxiv_id: str, where: str, *, score: float = 0.91, runner_up: str = "agent",
             unsure: bool = False) -> Proposal:
    paper = feed_papers()[arxiv_id]
    path = SECTIONS[where]
    alt = SECTIONS[runner_up]
    return Proposal(
        paper=paper,
        score=score,
        section=SectionScore(path, 0.62, section_id(path)),
        alternatives=(SectionScore(alt, 0.55 if unsure else 0.21, section_id(alt)),),
        nearest=(
            Neighbour("Self-Instruct: Aligning Language Models with Self-Generated Instructions", "2212.10560",
                      0.71, SECTIONS["scratch"][:3]),
            Neighbour("Magpie: Alignment Data Synthesis from Scratch by Prompting Aligned LLMs with Nothing",
                      "2406.08464", 0.69, SECTIONS["scratch"]),
        ),
        unsure=unsure,
    )


def config(*, mode: str = "single", **github: object) -> Config:
    gh = GithubConfig(seconds_between_requests=0, seconds_between_writes=0, **github)
    return Config(github=gh, pr=PrConfig(mode=mode))


def forge(hub: GitHubStandIn, cfg: Config | None = None) -> GitHubForge:
    """PyGithub pointed at the stand-in, no retry sleeps, no throttle."""
    return GitHubForge(cfg or config(), repository=hub.repository, api_url=hub.base_url, token=TOKEN, retry=None)


def standin() -> GitHubStandIn:
    return GitHubStandIn({"README.md": readme()}, token=TOKEN)


def change(*proposals: Proposal, date: str = DATE, mode: str = "single", held_back: Sequence[HeldBack] = (),
           board: OnBoard | None = None) -> Change:
    """What a run hands the forge: these proposals, written into the README by the product's own edit."""
    from bot.publish import insert_proposals

    return Change(proposals=list(proposals), date=date, mode=mode, edit=insert_proposals, held_back=list(held_back),
                  board=board)


def held(arxiv_id: str, where: str, *, score: float = 0.31,
         why: str = "over the cap: #2 of its day, cap 1") -> HeldBack:
    """A paper the cap kept out of a run, as scan reports it."""
    p = proposal(arxiv_id, where, score=score)
    return HeldBack(paper=p.paper, score=score, section=p.section, why=why)
