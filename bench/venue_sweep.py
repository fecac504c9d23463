"""The venue paperbot reads from every arXiv comment and journal reference at hand, judged against the venue a
maintainer would write: `python -m bench.venue_sweep [--all]`.

Texts: the comments and journal references of the recorded arXiv answers and feeds in ../shared/fixtures (the dev
feeds in ../shared/data/arxiv hold none: rss.arxiv.org items carry a journal reference only where one is set, and
none of the month's has; the jsonl metadata has no comment field), and bench/venue_comments.jsonl: 233 comments of
2025-26 papers as public daily arXiv digests on GitHub quote them (`> **备注:** ...`), gathered for the words that
name a venue or deny one (accepted, to appear, published, camera-ready, preprint, submitted, under review, extended
version, findings, and the big venues' names alone), each with the venue judged by hand: [name, year, track], null
for none, or "?" where either is fair (the 233rd, an AAAI bridge program, added on 5 Dec 2026 with the rule written
for it). All of these were read while the rules were written: in-sample.

Held out: bench/venue_heldout.jsonl, 138 more comments from the same kind of digests (and two in the arXiv listing's
own "Comments:" form), gathered on 5 Dec 2026 after the rules were written, by the words that start a venue's
sentence ("Accepted at", "Accepted by the", "To appear in", "Published in", "To be published", "Camera-ready", "In
Proceedings of", "Workshop", "EMNLP 2025", "figures, accepted" ...), every one whose paper or text is not in
venue_comments.jsonl, judged by hand before any rule was changed for them, the same way: the venue a maintainer would
write where paperbot knows the venue's name, null where it does not (a list writes arXiv then), "?" where either is
fair (a venue without a year, a year further than one from the id's). Rules changed for them afterwards turn them
in-sample: _SINCE_HELD_OUT lists those.

Held out again: bench/venue_heldout2.jsonl, 54 comments gathered on 5 Dec 2026 the same way, by the words that start
a venue's sentence in the digests (`**备注:** Accepted to RA-L`, "Accepted by IEEE Robotics and Automation", "Accepted
to RSS", "Robotics: Science and Systems", "ITSC 2025", "Intelligent Transportation Systems Conference", "Accepted to
WASPAA", "Accepted to ICRA", "Accepted by ICRA", "Accepted to IROS", "Accepted by IEEE RA-L"), every one whose paper
or text neither file above holds, and judged by hand before the rules for RA-L, RSS, ITSC and WASPAA and for a venue
named without a year were written: the venue as a maintainer would write it, RA-L, RSS, ITSC and WASPAA included.

Held out a third time: bench/venue_heldout3.jsonl, 12 comments gathered on 5 Dec 2026 the same way, by the words of
the venues paperbot did not read ("accepted at IEEE BigData 2025", "Symposium on Applied Computing (SAC", "Accepted by
AAAI" and "Accepted by Interspeech" without a year, "Accepted to ICCV Workshop"), every one whose paper or text no file
above holds, judged by hand before the rules for IEEE CASE, ACM SAC and IEEE BigData and for AAAI, Interspeech, ICCV
and ECCV without a year were written.

Held out a fourth time: bench/venue_heldout4.jsonl, 11 comments gathered on 5 Dec 2026 the same way, by the words of
a venue joined to a workshop's or track's name ("Accepted at CVPR-W", "Accepted to CVPRW", "Accepted at CVPRW",
"Accepted to ICCVW", "Accepted at ICCVW", "NAACL-SRW", "ACL-SRW", "SIGIR-AP 2025"; the student research workshops
were found only outside comments), every one whose paper or text no file above holds, judged by hand before the rule
for CVPR's and ICCV's joined workshops was written (two digests link a paper without its version: v1, a new listing).

Held out a fifth time: bench/venue_heldout5.jsonl, 7 comments gathered on 6 Dec 2026 by the words of IEEE BigData named
without its organiser or spelt otherwise ("BigData 2025", "at BigData 202", "in BigData 202", "IEEE Bigdata", "at IEEE
Big Data 202", "IEEE BigData 2024", "IEEE BigData 2023"), every one whose paper or text no file above holds, judged by
hand before the rule for "Accepted at BigData 2025" (the acronym alone, accepted with a year) was written; "?" where a
workshop or symposium at the conference could be written either way, or the year is two from the id's.

Prints, for the in-sample and the held-out texts each, how many give a venue, how many give a wrong one, and how
many that name where the paper was accepted give none; --all lists every text with what it gives."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import feedparser

from bench.common import REPO, SHARED
from bot.arxiv_api import paper_from_api_entry
from bot.feeds import paper_from_entry
from bot.papers import Paper, Venue

CORPUS = REPO / "bench" / "venue_comments.jsonl"
HELD_OUT = REPO / "bench" / "venue_heldout.jsonl"
HELD_OUT_2 = REPO / "bench" / "venue_heldout2.jsonl"
HELD_OUT_3 = REPO / "bench" / "venue_heldout3.jsonl"
HELD_OUT_4 = REPO / "bench" / "venue_heldout4.jsonl"
HELD_OUT_5 = REPO / "bench" / "venue_heldout5.jsonl"
# Held-out texts a rule was written for after they were judged: in-sample from then on (arXiv id -> the change).
_SINCE_HELD_OUT: dict[str, str] = {
    "2512.00226": "a workshop named before the venue it is held at",
    "2509.17750": "a workshop named before the venue it is held at",
    "2509.17321": "a workshop named before the venue it is held at",
    "2512.11502": "a workshop named before the venue it is held at",
    "2603.04083": "LREC in full",
    "2602.02895": "ICRA in full",
    "2605.15496": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2507.12122": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2508.04430": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2507.16846": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2507.04879": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2603.07786": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2507.12894": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2512.20236": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2507.16839": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2605.19029": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2507.22995": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2604.26450": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2509.07500": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2506.02853": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2507.11940": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2503.16833": "a venue paperbot did not know (RA-L, ITSC, WASPAA, ISMIR, T-RO ...)",
    "2605.20537": "a yearly conference named without its year",
    "2506.19597": "a yearly conference named without its year",
    "2601.06974": "a yearly conference named without its year",
    "2511.20086": "a venue whose name is also a word (IEEE CASE, ACM SAC, IEEE BigData)",
    "2601.01067": "a venue whose name is also a word (IEEE CASE, ACM SAC, IEEE BigData)",
    "2509.00065": "a venue whose name is also a word (IEEE CASE, ACM SAC, IEEE BigData)",
    "2507.23270": "a venue whose name is also a word (IEEE CASE, ACM SAC, IEEE BigData)",
    "2510.10273": "a venue whose name is also a word (IEEE CASE, ACM SAC, IEEE BigData)",
}
# The recorded texts' venues as judged by hand (arXiv id -> venue, or "?"); every other recorded text names none.
RECORDED: dict[str, Venue | str] = {
    "2005.14124": Venue("ISSTA", 2020),  # "Accepted by the ACM SIGSOFT International Symposium ... (ISSTA 2020)"
    "2204.08348": Venue("ISSTA", 2022),  # "In Proceedings of the 31st ACM SIGSOFT ... (ISSTA) 2022"
    "2202.12139": Venue("ICST", 2022, "workshop"),  # "... 2022 workshop @ ICST 2022"
    # "Proc. 2023 IEEE International Conference on Software Testing ... Workshops (ICSTW)": ICST's workshops
    "2405.13786": Venue("ICST", 2023, "workshop"),
    "2302.03287": Venue("ICST", 2023, "workshop"),  # "2023 IEEE International Conference on Software Testing, ..."
    "2411.18222": Venue("TASLP", 2024),
    "2411.18227": Venue("Nature Communications", 2024),
    "2411.18167": Venue("Nature Communications", 2024),
    "2411.18386": Venue("Nature Communications", 2024),
    "2403.07657": Venue("Nature Communications", 2024),
    "2403.20287": Venue("NeurIPS", 2024, "datasets"),
    "2410.11112": Venue("ICML", 2024),
    "2410.14419": Venue("IROS", 2024),  # "IEEE/RSJ International Conference on Intelligent Robots and Systems 2024"
    "2407.18555": Venue("MICCAI", 2024, "workshop"),  # "Deep Generative Models. DGM4MICCAI 2024. Lecture Notes ..."
    "2411.18388": Venue("IJCNN", 2023),  # "2023 International Joint Conference on Neural Networks (IJCNN)"
}
# Words that say where a paper went, or a venue's name: a text with one and no venue is listed for a look.
_NAMES_A_VENUE = re.compile(
    r"accept|appear|publish|camera|proceedings|\b(?:ACL|EMNLP|NAACL|ICLR|ICML|NeurIPS|CVPR|ICCV|ECCV|AAAI|IJCAI|KDD|"
    r"WWW|SIGIR|COLING|TPAMI|TMLR|JMLR|TACL|Interspeech|ICASSP|IROS|CoRL|WACV|CIKM|ICRA|RA-?L|RSS|ITSC|WASPAA)",
    re.I,
)


class Text(NamedTuple):
    where: str  # "api", "feed" or "digest"
    paper: Paper
    field: str  # "comment" or "journal_ref"
    expect: Venue | str | None  # None: no venue; "?": either


def recorded() -> Iterator[Text]:
    """Every comment and journal reference of the recorded API answers and RSS feeds in ../shared/fixtures."""
    fixtures = SHARED / "fixtures"
    for path in sorted((fixtures / "arxiv_api").rglob("*")):
        if path.suffix not in (".json", ".xml"):
            continue
        body = json.loads(path.read_text())["body"] if path.suffix == ".json" else path.read_text()
        for entry in feedparser.parse(body).entries:
            if (paper := paper_from_api_entry(entry)) is not None:
                yield from _fields("api", paper)
    for path in sorted((fixtures / "arxiv_rss").glob("*.xml")):
        for entry in feedparser.parse(path).entries:
            if (paper := paper_from_entry(entry)) is not None:
                yield from _fields("feed", paper)


def _fields(where: str, paper: Paper) -> Iterator[Text]:
    # a paper's comment and journal reference are read together, as Paper.venue does; judged once, on the text
    # that carries its venue (the journal reference where there is one)
    if paper.comment or paper.journal_ref:
        yield Text(where, paper, "journal_ref" if paper.journal_ref else "comment", RECORDED.get(paper.arxiv_id))


def digests(path: Path = CORPUS) -> Iterator[Text]:
    """The comments of bench/venue_comments.jsonl (or venue_heldout.jsonl), each as the paper it came with."""
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        expect = doc["expect"]
        yield Text("digest", Paper(doc["id"], "", version=doc["version"], comment=doc["comment"]), "comment",
                   expect if expect in (None, "?") else Venue(*expect))


def feeds_dev_texts() -> int:
    """How many comments or journal references the dev feeds hold (none, as recorded)."""
    count = 0
    for path in sorted((SHARED / "data/arxiv/feeds-dev").glob("*.xml")):
        for entry in feedparser.parse(path).entries:
            paper = paper_from_entry(entry)
            count += bool(paper and (paper.comment or paper.journal_ref))
    return count


def show(venue: Venue | str | None) -> str:
    if venue is None or isinstance(venue, str):
        return "-" if venue is None else venue
    return f"{venue.name} {venue.year}" + (f" ({venue.kind})" if venue.kind else "")


def measure(texts: list[Text]) -> None:
    """How many texts give a venue, a wrong one, none where one is named, with the wrong and missed listed."""
    wrong, missed, unnamed = [], [], []
    given = 0
    for text in texts:
        venue = text.paper.venue
        given += venue is not None
        if text.expect == "?":
            continue
        if venue is not None and venue != text.expect:
            wrong.append((text, venue))
        elif venue is None and text.expect is not None:
            missed.append(text)
        elif venue is None and _NAMES_A_VENUE.search(f"{text.paper.comment} {text.paper.journal_ref}"):
            unnamed.append(text)
    print(f"  give a venue: {given}; should: {sum(isinstance(t.expect, Venue) for t in texts)}")
    print(f"  wrong venue: {len(wrong)}")
    for text, venue in wrong:
        print(f"    {text.paper.arxiv_id}v{text.paper.version}: {show(venue)}, not {show(text.expect)}: "
              f"{getattr(text.paper, text.field)!r}")
    print(f"  no venue where one is named: {len(missed)}")
    for text in missed:
        print(f"    {text.paper.arxiv_id}v{text.paper.version}: {show(text.expect)}: "
              f"{getattr(text.paper, text.field)!r}")
    print(f"  no venue, rightly, though the text says accepted/published or names a venue: {len(unnamed)}")


def main(argv: list[str]) -> None:
    held_out = list(digests(HELD_OUT))
    since = [t for t in held_out if t.paper.arxiv_id in _SINCE_HELD_OUT]
    held_out = [t for t in held_out if t.paper.arxiv_id not in _SINCE_HELD_OUT]
    texts = [*recorded(), *digests(), *since]
    print(f"dev feeds: {feeds_dev_texts()} comments or journal references")
    by_where = {w: sum(t.where == w for t in texts) for w in ("api", "feed", "digest")}
    print(f"in-sample texts: {len(texts)} ({by_where['api']} API answers, {by_where['feed']} feed journal references, "
          f"{by_where['digest']} digest comments, {len(since)} of them held out until a rule was written for them); "
          f"judged: {sum(t.expect != '?' for t in texts)}")
    measure(texts)
    print(f"held-out texts: {len(held_out)} digest comments; judged: {sum(t.expect != '?' for t in held_out)}")
    measure(held_out)
    later = []
    for ordinal, path in (("2nd", HELD_OUT_2), ("3rd", HELD_OUT_3), ("4th", HELD_OUT_4), ("5th", HELD_OUT_5)):
        later.append(part := list(digests(path)))
        print(f"held-out texts, {ordinal} set: {len(part)} digest comments; "
              f"judged: {sum(t.expect != '?' for t in part)}")
        measure(part)
    if "--all" in argv:
        for text in [*texts, *held_out, *(t for part in later for t in part)]:
            print(f"  {show(text.paper.venue):32} {show(text.expect):32} {getattr(text.paper, text.field)!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
