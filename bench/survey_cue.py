"""Which papers the survey cue (bot.model.is_survey) calls surveys, and what a candidate title wording would add:
`python -m bench.survey_cue [--list] [NAME=REGEX ...]`.

The cue sends a paper to the list's survey section at scoring time, so a wording that also names method papers
moves them away from their topic. Before a wording ships, this counts the papers it would add (those it matches
and the cue does not already call surveys) among the dev feeds' papers (../shared/data/arxiv/feeds-dev, the new
and cross-listed ones, each once), the 20,000 background papers and the seed list's entries, each listed with its
title to be judged by reading its abstract. NAME=REGEX adds a wording (matched on the title, case-insensitive),
abstract:NAME=REGEX one matched on the abstract (the seed list's entries then with the abstracts
data/arxiv/list-metadata.jsonl knows); --list lists what the cue names on the dev feeds."""

from __future__ import annotations

import json
import re
import sys

from bench.common import FEEDS_DEV, REPO, SHARED, read_feed_days
from bot.arxiv_api import load_metadata_jsonl
from bot.listfile import parse_list
from bot.model import _CHALLENGE_REPORT, is_survey
from bot.papers import Paper

# The wordings measured on 5 Dec 2026 (bench/README.md, "Survey cue: 'Advances in X'"): a review titled "Advances
# in X" or "Recent Advances in X", where the title starts or after its colon, not shipped (method papers use them
# too); the one shipped then, a field's "Advances, Challenges" or "Progress and Challenges", is in the cue now.
CANDIDATES = {
    "title starts 'Advances in'": r"^(?:recent\s+)?advances\s+(?:in|on)\b",
    "after a colon 'Advances in'": r":\s*(?:recent\s+)?advances\s+(?:in|on)\b",
    "'Recent Advances' anywhere": r"\brecent\s+advances\b",
}

# Abstract wordings measured on 5 Dec 2026 (bench/README.md, "Survey cue: abstract wordings"): not shipped, as each
# names a paper that surveys no field (a benchmark, a method paper); the two shipped then, "this comprehensive (rapid,
# short...) review" and "we (this paper) comprehensively review", are in the cue now.
ABSTRACT_CANDIDATES = {
    "'we systematically review'": r"\b(?:we|this\s+(?:paper|article|chapter|work))\s+systematically\s+"
                                  r"(?:reviews?|surveys?)\b",
    "'briefly review(s)'": r"\b(?:we|this\s+(?:paper|article|chapter|work))\s+briefly\s+(?:reviews?|surveys?)\b",
}


def dev_papers() -> list[Paper]:
    """The dev feeds' new and cross-listed papers, each once."""
    return [paper for _, papers in read_feed_days(FEEDS_DEV) for paper in papers]


def background_papers() -> list[Paper]:
    with open(SHARED / "data/arxiv/background.jsonl", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    return [Paper(d["id"], d["title"], abstract=d["abstract"]) for d in docs]


def list_papers() -> list[Paper]:
    """The seed list's entries, by title (as the section step sees a title-only entry)."""
    plist = parse_list((REPO / "data/lists/llm-synthetic-data.md").read_text(encoding="utf-8"))
    return [Paper(e.arxiv_id or e.key, e.title) for e in plist.entries]


def list_papers_with_abstracts() -> list[Paper]:
    """The seed list's entries with the abstract the list metadata knows (title only where it knows none)."""
    meta = load_metadata_jsonl(REPO / "data/arxiv/list-metadata.jsonl")
    return [meta.get(p.arxiv_id) or p for p in list_papers()]


def main(argv: list[str]) -> None:
    candidates = dict(CANDIDATES)
    candidates |= dict(arg.split("=", 1) for arg in argv if "=" in arg and not arg.startswith("abstract:"))
    in_abstracts = dict(ABSTRACT_CANDIDATES)
    in_abstracts |= dict(arg.removeprefix("abstract:").split("=", 1) for arg in argv if arg.startswith("abstract:"))
    corpora = {"dev feeds": dev_papers(), "background": background_papers(), "seed list": list_papers()}
    for name, papers in corpora.items():
        named = [p for p in papers if is_survey(p)]
        print(f"{name}: {len(papers)} papers, the cue names {len(named)}")
        if name == "dev feeds" and "--list" in argv:
            for p in named:
                print(f"    {p.arxiv_id} | {p.title}")
    for wording, pattern in candidates.items():
        rx = re.compile(pattern, re.I)
        print(f"{wording} ({pattern}):")
        for name, papers in corpora.items():
            # as the cue would take it: a challenge's report is none whatever its words
            added = [p for p in papers
                     if rx.search(p.title) and not is_survey(p) and not _CHALLENGE_REPORT.search(p.title)]
            print(f"  {name}: +{len(added)}")
            for p in added:
                print(f"    {p.arxiv_id} | {p.title}")
    corpora["seed list"] = list_papers_with_abstracts()
    for wording, pattern in in_abstracts.items():
        rx = re.compile(pattern, re.I)
        print(f"abstract {wording} ({pattern}):")
        for name, papers in corpora.items():
            matched = [p for p in papers if rx.search(p.abstract or "") and not _CHALLENGE_REPORT.search(p.title)]
            added = [p for p in matched if not is_survey(p)]
            print(f"  {name}: +{len(added)} (it matches {len(matched)}, the cue names {len(matched) - len(added)} "
                  "of them already)")
            for p in added:
                print(f"    {p.arxiv_id} | {p.title} | {rx.search(p.abstract or '').group(0)!r}")  # type: ignore[union-attr]


if __name__ == "__main__":
    main(sys.argv[1:])
