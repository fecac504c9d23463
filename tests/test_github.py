"""GitHubForge over real PyGithub, over HTTP, against the stateful local GitHub stand-in."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from bot.errors import PaperbotError, UsageError
from bot.github import DryRunForge, GitHubForge
from bot.listfile import parse_list
from bot.publish import apply_proposals, reconcile
from bot.render import BODY_LIMIT, OnBoard, parse_body, parse_marker, pr_body
from bot.state import State
from tests.conftest import FIXTURES
from tests.github_support import TOKEN, change, config, forge, held, proposal, readme, standin

BOT_EMAIL = "paperbot@users.noreply.github.com"


@pytest.fixture
def hub():
    with standin() as server:
        yield server


def writes(hub) -> list[tuple[str, str]]:
    return [(m, p.split("?")[0]) for m, p in hub.requests if m in ("POST", "PUT", "PATCH", "DELETE")]


def test_first_publish_opens_one_pr_with_one_commit_and_label(hub):
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    [pub] = forge(hub).publish(change(a, b))

    assert (pub.action, pub.number, pub.branch, pub.ids) == ("opened", 1, "paperbot/2025-05-27", ["2504.16828",
                                                                                               "2504.16511"])
    pr = hub.pulls[1]
    assert (pr.title, pr.head, pr.base, pr.state, pr.labels) == ("Add 2 papers (2025-05-27)", "paperbot/2025-05-27",
                                                                 "main", "open", ["paperbot"])
    assert hub.labels["paperbot"]["color"] == "0e8a16"  # created because it was missing
    assert parse_marker(pr.body) == ["2504.16511", "2504.16828"]
    # the branch holds exactly the list-model edit; the default branch is untouched
    assert hub.file_text("README.md", "paperbot/2025-05-27") == apply_proposals(readme(), [a, b])
    assert hub.file_text("README.md") == readme()
    commits = hub._pull_commits(pr)
    assert len(commits) == 1
    assert commits[0].author["email"] == commits[0].committer["email"] == BOT_EMAIL
    assert commits[0].message.splitlines()[0] == "Add 2 papers to README.md"
    assert pub.url == f"{hub.web_url}/pull/1"


def test_bot_pulls_reads_state_and_marker_back(hub):
    forge(hub).publish(change(proposal("2504.16828", "math")))
    forge(hub).publish(change(proposal("2504.16511", "pretrain"), date="2025-05-28"))  # updates PR 1
    hub.close_pull(1)
    f = forge(hub)
    f.publish(change(proposal("2504.15777", "math"), date="2025-05-29"))  # PR 2
    hub.merge_pull(2)
    pulls = forge(hub).bot_pulls()
    assert [(p.number, p.state, p.branch, p.ids) for p in pulls] == [
        (2, "merged", "paperbot/2025-05-29", ("2504.15777",)),
        (1, "closed", "paperbot/2025-05-27", ("2504.16511", "2504.16828")),
    ]
    state = State()
    in_prs = reconcile(state, pulls, "2025-05-30")
    assert in_prs == {"2504.15777", "2504.16511", "2504.16828"}
    assert state.rejected == {
        "2504.16511": {"date": "2025-05-30", "pr": f"{hub.web_url}/pull/1"},
        "2504.16828": {"date": "2025-05-30", "pr": f"{hub.web_url}/pull/1"},
    }
    assert "2504.15777" in hub.file_text("README.md")  # merged: on the list now


def test_a_paper_taken_out_of_a_pr_before_it_was_merged_is_a_no(hub):
    """The maintainer drops one of two papers on the PR's branch, then merges: the marker still names both."""
    [pub] = forge(hub).publish(change(proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")))
    branch_readme = hub.file_text("README.md", pub.branch)
    kept = "\n".join(line for line in branch_readme.splitlines() if "2504.16511" not in line) + "\n"
    hub.push(pub.branch, "README.md", kept, message="Not this one")
    hub.merge_pull(pub.number)
    pulls = forge(hub).bot_pulls()
    assert pulls[0].state == "merged" and pulls[0].ids == ("2504.16511", "2504.16828")
    listed = parse_list(hub.file_text("README.md")).arxiv_ids()
    assert "2504.16828" in listed and "2504.16511" not in listed
    state = State()
    assert reconcile(state, pulls, "2025-05-30", listed) == {"2504.16511", "2504.16828"}
    assert state.rejected == {"2504.16511": {"date": "2025-05-30", "pr": f"{hub.web_url}/pull/1"}}
    assert list(state.proposed) == ["2504.16828"]
    # without the list (as before), a merged PR's papers are all taken as on it
    state = State()
    reconcile(state, pulls, "2025-05-30")
    assert state.rejected == {} and sorted(state.proposed) == ["2504.16511", "2504.16828"]


def test_a_closed_pr_whose_paper_is_on_the_list_is_not_a_no(hub):
    """The maintainer added the paper by hand on main and closed the bot's PR as a duplicate."""
    [pub] = forge(hub).publish(change(proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")))
    hub.close_pull(pub.number)
    pulls = forge(hub).bot_pulls()
    state = State()
    reconcile(state, pulls, "2025-05-30", {"2504.16828"})
    assert list(state.rejected) == ["2504.16511"] and list(state.proposed) == ["2504.16828"]


def test_a_paper_added_by_hand_under_another_link_is_known_by_its_title_and_a_no_is_taken_back(hub):
    """Closed as a duplicate of an entry the maintainer wrote with the OpenReview link: the title from the
    PR's body finds it on the list. A rejection an earlier run recorded (the PR closed, then reopened and
    merged) is taken back, and a save that merges another run's copy of the state does not restore it."""
    from bot.github import _merge_state
    from bot.publish import on_the_list

    [pub] = forge(hub).publish(change(proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")))
    hub.close_pull(pub.number)
    pulls = forge(hub).bot_pulls()
    titles = dict(pulls[0].paper_titles)
    assert set(titles) == {"2504.16828", "2504.16511"}
    state = State()
    reconcile(state, pulls, "2025-05-30", parse_list(hub.file_text("README.md")).arxiv_ids())
    assert sorted(state.rejected) == ["2504.16511", "2504.16828"]  # an earlier run: both a no
    theirs = State.from_json(state.to_json())
    main = hub.file_text("README.md")
    anchor = next(line for line in main.splitlines() if line.startswith("- ["))
    by_hand = f"- [{titles['2504.16828']}](https://openreview.net/forum?id=AbCdEf123) *A. Author.* ICLR 2026."
    plist = parse_list(main.replace(anchor, f"{anchor}\n{by_hand}", 1))
    listed = on_the_list(plist, pulls, {})
    assert "2504.16828" in listed and "2504.16511" not in listed and "2504.16828" not in plist.arxiv_ids()
    reconcile(state, pulls, "2025-05-31", listed)
    assert list(state.rejected) == ["2504.16511"] and "2504.16828" in state.proposed
    _merge_state(state, theirs)
    assert list(state.rejected) == ["2504.16511"]
    assert "2504.16828" not in State.from_json(state.to_json()).rejected
    # a candidate of the issue added by hand is on the list by its title too
    record = {"date": "2025-05-31", "paper": {"arxiv_id": "2504.99999", "title": titles["2504.16828"].upper()}}
    assert "2504.99999" in on_the_list(plist, [], {"2504.99999": record})


def test_a_closed_pr_whose_description_was_rewritten_is_still_a_no(hub):
    """The maintainer replaced the body ("Closing: off-topic"), hidden marker and all, then closed the PR: the
    bot's commits on its branch still name the papers."""
    [pub] = forge(hub).publish(change(proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")))
    hub.pulls[pub.number].body = "Closing: these are off-topic for this list."
    hub.close_pull(pub.number)
    [pull] = forge(hub).bot_pulls()
    assert (pull.number, pull.state, set(pull.ids)) == (pub.number, "closed", {"2504.16828", "2504.16511"})
    assert dict(pull.paper_titles)["2504.16828"] == proposal("2504.16828", "math").paper.title
    state = State()
    reconcile(state, [pull], "2025-05-30", parse_list(hub.file_text("README.md")).arxiv_ids())
    assert sorted(state.rejected) == ["2504.16511", "2504.16828"]


def test_second_publish_updates_the_open_pr_instead_of_opening_another(hub):
    forge(hub).publish(change(proposal("2504.16828", "math")))
    [pub] = forge(hub).publish(change(proposal("2504.16511", "pretrain"), date="2025-05-28"))

    assert (pub.action, pub.number, pub.ids, pub.branch) == ("updated", 1, ["2504.16511"], "paperbot/2025-05-27")
    assert len(hub.pulls) == 1
    pr = hub.pulls[1]
    assert pr.title == "Add 2 papers (2025-05-28)"
    assert parse_marker(pr.body) == ["2504.16511", "2504.16828"]
    assert sum(line.startswith("| [") for line in pr.body.splitlines()) == 2
    assert pr.body.count("<details>") == 2
    assert len(hub._pull_commits(pr)) == 2
    branch_readme = hub.file_text("README.md", "paperbot/2025-05-27")
    assert branch_readme == apply_proposals(readme(), [proposal("2504.16828", "math"),
                                                        proposal("2504.16511", "pretrain")])


def test_a_maintainers_note_in_the_pr_description_survives_the_next_update(hub):
    """Text above the bot's part and below its marker is the maintainer's: the update rewrites only its own part."""
    forge(hub).publish(change(proposal("2504.16828", "math")))
    note, footer = "Waiting for the camera-ready version. @someone, the section?\r\n\r\n", "\r\nMerging Friday.\r\n"
    with hub.lock:
        hub.pulls[1].body = note + hub.pulls[1].body.replace("\n", "\r\n") + footer  # saved on the web: CRLF
    [pub] = forge(hub).publish(change(proposal("2504.16511", "pretrain"), date="2025-05-28"))
    body = hub.pulls[1].body
    assert pub.action == "updated" and body == pub.body
    assert body.startswith("Waiting for the camera-ready version. @someone, the section?\n\n<!-- paperbot:begin -->\n")
    assert body.endswith('["2504.16511", "2504.16828"] -->\n\nMerging Friday.\n')
    assert sum(line.startswith("| [") for line in body.splitlines()) == 2


def test_a_pr_an_older_paperbot_opened_grows_in_todays_form(hub):
    """An open PR whose body an older paperbot wrote ("(0.62)", the fixture) gets today's paper: the whole table
    says "(62%)" after the update, where the old rows kept "(0.62)" beside the new row's "(62%)"."""
    a, b = proposal("2504.16828", "math", unsure=True), proposal("2504.16511", "pretrain")
    b = replace(b, alternatives=(replace(b.alternatives[0], score=0.003),))
    forge(hub).publish(change(a, b))
    with hub.lock:
        hub.pulls[1].body = (FIXTURES / "github" / "pr-body-before-percent.md").read_text(encoding="utf-8")
    [pub] = forge(hub).publish(change(proposal("2504.15305", "math"), date="2025-05-28"))
    rows = [line for line in hub.pulls[1].body.splitlines() if line.startswith("| [")]
    assert pub.action == "updated" and [row.split(" | ")[1] for row in rows] == [
        "6. Application Areas > 6.1 Mathematical Reasoning (62%) ⚠️ unsure", "4. Methods > 4.1. Pre-training (62%)",
        "6. Application Areas > 6.1 Mathematical Reasoning (62%)"]
    assert [row.split(" | ")[3].removesuffix(" |") for row in rows] == [
        "6. Application Areas > 6.3 Agent and Tool Use (55%)", "6. Application Areas > 6.3 Agent and Tool Use (<1%)",
        "6. Application Areas > 6.3 Agent and Tool Use (21%)"]


def test_branch_someone_else_pushed_to_is_left_alone(hub):
    forge(hub).publish(change(proposal("2504.16828", "math")))
    edited = hub.file_text("README.md", "paperbot/2025-05-27").replace("Arxiv 2025.", "ICML 2025.", 1)
    human = hub.push("paperbot/2025-05-27", "README.md", edited, message="fix venue")
    body_before = hub.pulls[1].body

    [pub] = forge(hub).publish(change(proposal("2504.16511", "pretrain")))

    assert (pub.action, pub.number, pub.branch) == ("opened", 2, "paperbot/2025-05-27-2")
    assert hub.refs["paperbot/2025-05-27"] == human  # untouched
    assert hub.pulls[1].body == body_before
    assert parse_marker(hub.pulls[2].body) == ["2504.16511"]


def test_conflict_on_readme_update_rereads_and_retries(hub):
    maintainer_edit = readme().replace("# Live LLM-Synthetic-Data Papers", "# Live LLM-Synthetic-Data Papers!", 1)

    def someone_commits_first():
        hub.push("paperbot/2025-05-27", "README.md", maintainer_edit, who=("paperbot", BOT_EMAIL))

    hub.fail_next("PUT", r"/contents/README\.md$", 409, {"message": "README.md does not match 1234"},
                  before=someone_commits_first)
    a = proposal("2504.16828", "math")
    [pub] = forge(hub).publish(change(a))

    assert pub.action == "opened"
    puts = [r for r in hub.requests if r[0] == "PUT"]
    assert len(puts) == 2
    # re-read the README that is there now and re-applied the paper on top of it
    assert hub.file_text("README.md", "paperbot/2025-05-27") == apply_proposals(maintainer_edit, [a])


def test_a_maintainer_push_to_the_bot_branch_during_a_run_sends_the_paper_to_a_new_pr(hub):
    forge(hub).publish(change(proposal("2504.16828", "math")))
    theirs = hub.file_text("README.md", "paperbot/2025-05-27").replace("Arxiv 2025.", "ICML 2025.", 1)

    def maintainer_pushes():
        hub.push("paperbot/2025-05-27", "README.md", theirs, message="fix venue")

    hub.before_next("PUT", r"/contents/README\.md$", maintainer_pushes)  # lands just before the bot's write
    hub.fail_next("PUT", r"/contents/README\.md$", 409, {"message": "README.md does not match 1234"})
    [pub] = forge(hub).publish(change(proposal("2504.16511", "pretrain"), date="2025-05-28"))
    assert (pub.action, pub.number, pub.branch) == ("opened", 2, "paperbot/2025-05-28")
    assert hub.file_text("README.md", "paperbot/2025-05-27") == theirs  # nothing of the bot's on top
    assert parse_marker(hub.pulls[1].body) == ["2504.16828"] and parse_marker(hub.pulls[2].body) == ["2504.16511"]


def test_a_pr_merged_while_a_run_commits_to_it_does_not_swallow_the_new_paper(hub):
    forge(hub).publish(change(proposal("2504.16828", "math")))

    def maintainer_merges():  # after the run saw the PR open, before its commit lands
        hub.merge_pull(1)

    hub.before_next("PUT", r"/contents/README\.md$", maintainer_merges)
    [pub] = forge(hub).publish(change(proposal("2504.16511", "pretrain"), date="2025-05-28"))
    assert (pub.action, pub.number, pub.ids) == ("opened", 2, ["2504.16511"])
    assert parse_marker(hub.pulls[1].body) == ["2504.16828"]  # the merged PR never names it: not a "no"
    assert "2504.16511" in hub.file_text("README.md", pub.branch)


def test_a_heading_renamed_on_main_under_an_open_pr_sends_the_paper_to_a_new_pr(hub, monkeypatch):
    """The models (and the proposal's section) follow main; the open PR's branch still has the old heading."""
    forge(hub).publish(change(proposal("2504.16828", "math")))
    renamed = readme().replace("### **6.1 Mathematical Reasoning**", "### **6.1 Mathematical Reasoning (curated)**")
    assert renamed != readme()
    hub.push("main", "README.md", renamed, message="rename a heading")
    p = proposal("2504.15777", "math")
    path = (*p.section.path[:-1], "6.1 Mathematical Reasoning (curated)")
    p = replace(p, section=replace(p.section, path=path, section_id=""))
    [pub] = forge(hub).publish(change(p, date="2025-05-28"))
    assert (pub.action, pub.number) == ("opened", 2)
    assert parse_marker(hub.pulls[1].body) == ["2504.16828"] and parse_marker(hub.pulls[2].body) == ["2504.15777"]


def test_conflict_every_time_gives_up_and_leaves_nothing(hub):
    hub.fail_next("PUT", r"/contents/README\.md$", 409, {"message": "README.md does not match"}, times=4)
    with pytest.raises(PaperbotError) as err:
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert str(err.value) == ("README.md kept changing on paperbot/2025-05-27; gave up after 4 attempts "
                              "(github.max_retries)")
    assert set(hub.refs) == {"main"}  # the branch it created was deleted
    assert hub.pulls == {}


def test_rate_limit_on_pr_creation_reports_reset_and_undoes_the_branch(hub):
    hub.rate_limit_next("POST", r"/pulls$", reset=1_893_456_000)
    with pytest.raises(PaperbotError) as err:
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert str(err.value) == (
        "GitHub rate limit exceeded while trying to open a pull request from paperbot/2025-05-27; it resets at "
        "2030-01-01 00:00:00 UTC; nothing was changed, run again after that"
    )
    assert "\n" not in str(err.value)
    assert set(hub.refs) == {"main"}
    assert hub.pulls == {}


def test_rate_limit_429_on_branch_creation(hub):
    hub.rate_limit_next("POST", r"/git/refs$", reset=1_893_456_000, status=429)
    with pytest.raises(PaperbotError, match=r"rate limit exceeded .* resets at 2030-01-01 00:00:00 UTC"):
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert set(hub.refs) == {"main"}
    assert writes(hub) == [("POST", "/api/v3/repos/octo-org/awesome-list/git/refs")]


def test_exhausted_rate_budget_stops_before_any_write(hub):
    hub.rate_remaining = 3
    with pytest.raises(PaperbotError, match=r"rate limit nearly exhausted \(3 requests left\); it resets at "
                                            r"2030-03-17 17:46:40 UTC"):
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert writes(hub) == []


def test_existing_branch_without_own_commits_is_reused(hub):
    hub.refs["paperbot/2025-05-27"] = hub.refs["main"]  # e.g. a run that died after creating it
    hub.push("main", "NOTES.md", "moved on\n")
    [pub] = forge(hub).publish(change(proposal("2504.16828", "math")))
    assert (pub.branch, pub.number) == ("paperbot/2025-05-27", 1)
    # moved to the current base first, so the PR shows only the README change
    assert hub._pull_commits(hub.pulls[1])[0].parents == [hub.refs["main"]]
    assert ("POST", f"/api/v3/repos/{hub.repository}/git/refs") in writes(hub)  # the 422 was met and handled


def test_existing_branch_with_other_work_gets_the_next_suffix(hub):
    hub.refs["paperbot/2025-05-27"] = hub.refs["main"]
    hub.push("paperbot/2025-05-27", "README.md", readme() + "\nhuman\n")
    [pub] = forge(hub).publish(change(proposal("2504.16828", "math")))
    assert (pub.branch, pub.number) == ("paperbot/2025-05-27-2", 1)
    assert hub.file_text("README.md", "paperbot/2025-05-27").endswith("\nhuman\n")


def test_per_paper_mode_opens_one_pr_per_paper(hub):
    cfg = config(mode="per-paper")
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    pubs = forge(hub, cfg).publish(change(a, b, mode="per-paper"))
    assert [(p.number, p.branch, p.ids) for p in pubs] == [
        (1, "paperbot/2025-05-27-2504.16828", ["2504.16828"]),
        (2, "paperbot/2025-05-27-2504.16511", ["2504.16511"]),
    ]
    assert hub.pulls[1].title == "Add paper: Process Reward Models That Think (2025-05-27)"
    assert hub.file_text("README.md", "paperbot/2025-05-27-2504.16511") == apply_proposals(readme(), [b])


def _add_to_main_by_hand(hub, *papers):
    """A maintainer adds papers to the list on the default branch (as the bot would write them)."""
    hub.push("main", "README.md", apply_proposals(hub.file_text("README.md"), list(papers)), message="add by hand")


def test_a_paper_added_to_main_during_the_run_is_not_in_the_pr_that_does_not_add_it(hub):
    """Single-PR mode: b is added to the list by hand after the scan, before the branch is cut. The README commit
    skips it, so the PR's title, table, details and marker name a alone, as its diff does."""
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    hub.before_next("GET", r"/git/refs?/heads/main$", lambda: _add_to_main_by_hand(hub, b))
    [pub] = forge(hub).publish(change(a, b))
    pr = hub.pulls[1]
    assert pub.ids == ["2504.16828"] and list(pub.sections) == ["2504.16828"]
    assert parse_marker(pr.body) == ["2504.16828"]
    assert pr.title == "Add paper: Process Reward Models That Think (2025-05-27)"
    assert "2504.16511" not in pr.body and b.paper.title not in pr.body
    assert hub.file_text("README.md", pub.branch) == apply_proposals(hub.file_text("README.md"), [a])
    [commit] = hub._pull_commits(pr)
    where = " > ".join(a.section.path)
    assert commit.message == f"Add 1 paper to README.md\n\n- 2504.16828 {a.paper.title} -> {where}\n"
    assert forge(hub).bot_pulls()[0].ids == ("2504.16828",)


def test_papers_added_to_main_while_a_run_adds_to_todays_pr_are_left_out_of_it(hub):
    """The same race when the run adds to the open PR: its branch was cut before the maintainer's edit, so the
    commit would add b a second time to the list; the PR gets a alone, in its diff and its body."""
    first = proposal("2504.15777", "math")
    forge(hub).publish(change(first))
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    hub.before_next("GET", r"/rate_limit$", lambda: _add_to_main_by_hand(hub, b))
    [pub] = forge(hub).publish(change(a, b))
    pr = hub.pulls[1]
    assert (pub.action, pub.number, pub.ids) == ("updated", 1, ["2504.16828"])
    assert parse_marker(pr.body) == ["2504.15777", "2504.16828"]
    assert pr.title == "Add 2 papers (2025-05-27)"
    assert "2504.16511" not in pr.body and "arxiv.org/abs/2504.16511" not in hub.file_text("README.md", pub.branch)
    assert hub.file_text("README.md", pub.branch) == apply_proposals(readme(), [first, a])


def test_a_run_whose_papers_were_all_added_by_hand_leaves_todays_pr_as_it_was(hub):
    forge(hub).publish(change(proposal("2504.15777", "math")))
    body, head = hub.pulls[1].body, hub.refs["paperbot/2025-05-27"]
    b = proposal("2504.16511", "pretrain")
    hub.before_next("GET", r"/rate_limit$", lambda: _add_to_main_by_hand(hub, b))
    assert forge(hub).publish(change(b)) == []
    assert hub.pulls[1].body == body and hub.refs["paperbot/2025-05-27"] == head
    assert len(hub.pulls) == 1


def test_held_back_papers_reach_the_pr_a_maintainer_reads(hub):
    forge(hub).publish(change(proposal("2504.16828", "math"), held_back=[held("2504.15777", "math")]))
    assert [line.split("`")[1] for line in parse_body(hub.pulls[1].body).held] == ["2504.15777"]
    # the next run updates the PR: yesterday's held-back line stays beside today's
    forge(hub).publish(change(proposal("2504.16511", "pretrain"), date="2025-05-28",
                              held_back=[held("2504.15305", "math")]))
    assert [line.split("`")[1] for line in parse_body(hub.pulls[1].body).held] == ["2504.15777", "2504.15305"]
    assert parse_marker(hub.pulls[1].body) == ["2504.16511", "2504.16828"]
    # one PR per paper: the day's held-back papers are named in the first one only
    cfg = config(mode="per-paper")
    hub.close_pull(1)
    forge(hub, cfg).publish(change(proposal("2504.15329", "math"), proposal("2504.15392", "math"),
                                   date="2025-05-29", mode="per-paper", held_back=[held("2504.15397", "math")]))
    assert parse_body(hub.pulls[2].body).held[0].startswith("- 2025-05-29: ")
    assert parse_body(hub.pulls[3].body).held == []


def test_held_back_papers_on_the_candidates_issue_are_pointed_to_not_repeated(hub):
    """With the candidates issue on, a PR that an older paperbot gave held-back lines loses them on its next
    update: one line links the issue, which lists the day's held-back papers; per paper, only the first PR has it."""
    forge(hub).publish(change(proposal("2504.16828", "math"), held_back=[held("2504.15777", "math")]))
    assert len(parse_body(hub.pulls[1].body).held) == 1  # as paperbot wrote it before
    url = f"{hub.web_url}/issues/9"
    board = OnBoard(frozenset({"2504.15305", "2504.15397"}), url=url, number=9)
    forge(hub).publish(change(proposal("2504.16511", "pretrain"), date="2025-05-28", board=board,
                              held_back=[held("2504.15305", "math")]))
    body = hub.pulls[1].body
    assert parse_body(body).held == [] and "2504.15777" not in body and "2504.15305" not in body
    assert (f"kept out is on the [candidates issue #9]({url}), where a tick has the next run propose it."
            in body)
    assert parse_marker(body) == ["2504.16511", "2504.16828"]
    hub.close_pull(1)
    forge(hub, config(mode="per-paper")).publish(change(
        proposal("2504.15329", "math"), proposal("2504.15392", "math"), date="2025-05-29", mode="per-paper",
        board=board, held_back=[held("2504.15397", "math")]))
    assert "candidates issue #9" in hub.pulls[2].body and "Held back" not in hub.pulls[3].body


def test_a_pr_at_githubs_body_limit_still_takes_a_new_paper(hub):
    from github.GithubException import GithubException

    from tests.github_support import feed_papers

    forge(hub).publish(change(proposal("2504.16828", "math")))
    earlier = sorted(set(feed_papers()) - {"2504.15305"})
    hub.pulls[1].body = pr_body([proposal(i, "math") for i in earlier])  # a month of papers, trimmed to fit
    with pytest.raises(GithubException) as refused:  # the stand-in refuses what GitHub refuses
        forge(hub).repo.get_pull(1).edit(body=hub.pulls[1].body + "x" * 70_000)
    assert refused.value.status == 422 and "body is too long" in str(refused.value.data)

    [pub] = forge(hub).publish(change(proposal("2504.15305", "math"), date="2025-05-28"))
    body = hub.pulls[1].body
    assert pub.action == "updated" and len(body.encode("utf-8")) <= BODY_LIMIT
    assert parse_marker(body) == sorted([*earlier, "2504.15305"])
    assert "<summary><b>2504.15305</b>" in body and parse_body(body).dropped["details"] > 0


def test_a_state_file_over_a_megabyte_still_loads_and_merges(hub):
    """A year of feeds is some 100,000 seen papers, several MB: the contents API stops returning the file's
    content at 1 MB, so the state is read through the blob API."""
    big = State()
    big.mark_seen([f"24{m:02d}.{n:05d}" for m in range(1, 13) for n in range(3500)], "2025-01-02")
    big.mark_rejected("2504.16511", date="2025-05-27", pr="https://x/pull/1")
    forge(hub).save_state(big)
    assert len(hub.file_text("state.json", "paperbot-state").encode()) > 1024 * 1024
    assert forge(hub).load_state().to_json() == big.to_json()
    # a second writer's entries are merged into the big file, not lost
    mine = State()
    mine.mark_seen(["2505.00001"], "2025-05-28")
    forge(hub).save_state(mine)
    loaded = forge(hub).load_state()
    assert loaded.is_known("2505.00001") and loaded.is_known("2412.03499") and "2504.16511" in loaded.rejected
    assert any(m == "GET" and "/git/blobs/" in p for m, p in hub.requests)


def test_an_entry_that_does_not_read_back_opens_no_branch_and_no_pr(hub, monkeypatch):
    from bot import listfile

    real = listfile._plan_insert
    monkeypatch.setattr(listfile, "_plan_insert", lambda plist, paper, section: (
        real(plist, paper, section)[0], ["- [Beta: a neighbour's first line\n"]))  # the writer loses it
    refs = dict(hub.refs)
    with pytest.raises(PaperbotError, match=r"could not write 2504\.16828 into 6\. Application Areas > 6\.1 "
                                            r"Mathematical Reasoning of README\.md .*did not read back"):
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert hub.refs == refs and hub.pulls == {}


def test_a_state_file_that_is_not_utf8_is_one_line_naming_it(hub):
    forge(hub).save_state(State())
    hub.refs["paperbot-state"] = hub._commit(hub.commits[hub.refs["paperbot-state"]].tree,
                                             [hub.refs["paperbot-state"]], "break it", ("m", "m@example.org"),
                                             {"state.json": b"\xff\xfe{}"})
    with pytest.raises(PaperbotError) as err:
        forge(hub).load_state()
    assert str(err.value) == (f"{hub.repository}: state.json on paperbot-state is not UTF-8 text (byte 0); "
                              "fix or delete it")


def test_state_round_trips_through_the_state_branch(hub):
    f = forge(hub)
    assert f.load_state().to_json() == State().to_json()  # no branch yet: empty
    state = State()
    state.mark_seen(["2504.16828", "2504.15777"], "2025-05-27")
    state.mark_rejected("2504.16511", date="2025-05-27", pr="https://x/pull/1")
    f.save_state(state)
    assert "paperbot-state" in hub.refs
    assert json.loads(hub.file_text("state.json", "paperbot-state")) == state.to_json()
    commits = hub.branch_commits("paperbot-state")
    assert commits[0].author["email"] == BOT_EMAIL
    assert forge(hub).load_state().to_json() == state.to_json()


def test_what_a_run_changed_is_there_to_say_when_it_is_cancelled(hub):
    """A cancelled run's line names what stays: the PR, the candidates issue, the state branch, the saved state; a
    dry run, nothing."""
    f = forge(hub)
    assert f.changes() == []
    [pub] = f.publish(change(proposal("2504.16828", "math")))
    assert f.changes() == [f"PR #1 was already opened ({pub.url})"]
    board = f.write_dashboard(lambda ticks: "<!-- paperbot:candidates [] -->\nNo candidates.", None)
    assert board is not None and f.write_dashboard(lambda ticks: "<!-- paperbot:candidates [] -->\nOne.", board)
    issue = f"the candidates issue #{board.number}"
    f.save_state(State())
    assert f.changes() == [f"PR #1 was already opened ({pub.url})", f"{issue} was already opened ({board.url})",
                           f"{issue} was already updated ({board.url})", "branch paperbot-state was created",
                           "the state was saved"]
    dry = DryRunForge(readme_text=readme(), state=State(), out=io.StringIO())
    dry.publish(change(proposal("2504.16511", "pretrain")))
    assert dry.changes() == []


def test_state_saved_concurrently_is_merged_not_lost(hub):
    first = State(extra={"pending": {"2504.16828": {}}})  # a key a newer paperbot keeps
    first.mark_seen(["2504.16828"], "2025-05-27")
    first.mark_held_back("2504.16511", date="2025-05-27", score=0.2, why="over the cap: #2 of its day, cap 1")
    forge(hub).save_state(first)
    second = State()  # another run that started before the first one saved
    second.mark_seen(["2504.15777"], "2025-05-28")
    forge(hub).save_state(second)
    saved = json.loads(hub.file_text("state.json", "paperbot-state"))
    assert saved["seen"] == {"2504.15777": "2025-05-28", "2504.16511": "2025-05-27", "2504.16828": "2025-05-27"}
    assert saved["pending"] == {"2504.16828": {}}
    assert list(saved["held_back"]) == ["2504.16511"]


def test_bad_token_is_one_line_without_the_token(hub):
    cfg = config()
    bad = GitHubForge(cfg, repository=hub.repository, api_url=hub.base_url, token="ghp_wrong_one", retry=None)
    with pytest.raises(PaperbotError) as err:
        bad.read_readme()
    assert str(err.value) == (f"GitHub rejected the token while trying to read repository {hub.repository} "
                              "(401 Bad credentials); check GITHUB_TOKEN")
    assert "ghp_wrong_one" not in str(err.value) + repr(bad)


def test_token_never_in_repr_and_sent_only_as_header(hub):
    f = forge(hub)
    f.publish(change(proposal("2504.16828", "math")))
    assert TOKEN not in repr(f)
    assert repr(f) == f"GitHubForge(repository='octo-org/awesome-list', api_url='{hub.base_url}')"
    assert TOKEN not in hub.pulls[1].body + hub.pulls[1].title
    assert all(TOKEN not in path for _, path in hub.requests)
    assert all(f"token {TOKEN}" in entry or f"Bearer {TOKEN}" in entry for entry in hub.request_log)


def test_from_config_needs_token_and_repository():
    with pytest.raises(UsageError, match=r"^no GitHub token: set GITHUB_TOKEN"):
        GitHubForge.from_config(config(), environ={"GITHUB_REPOSITORY": "o/r"})
    with pytest.raises(UsageError, match=r"^no target repository: set GITHUB_REPOSITORY=owner/name"):
        GitHubForge.from_config(config(), environ={"GITHUB_TOKEN": TOKEN})
    f = GitHubForge.from_config(config(), environ={"GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": "o/r",
                                                   "GITHUB_API_URL": "http://127.0.0.1:9/api/v3"})
    assert (f.repository, f.api_url) == ("o/r", "http://127.0.0.1:9/api/v3")


def test_dry_run_forge_prints_diff_title_and_body_and_saves_nothing(tmp_path):
    out = io.StringIO()
    state = State.load(tmp_path / "state.json")
    dry = DryRunForge(readme_text=readme(), state=state, out=out)
    a = proposal("2504.16828", "math")
    [pub] = dry.publish(change(a))
    dry.save_state(state)
    text = out.getvalue()
    assert text.startswith("=== README change (README.md) ===\n--- a/README.md\n+++ b/README.md\n@@ ")
    added = [line for line in text.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert added == ["+- [Process Reward Models That Think](https://arxiv.org/abs/2504.16828) *Muhammad Khalifa, "
                     "Rishabh Agarwal, Lajanugen Logeswaran, Jaekyeom Kim, Hao Peng, Moontae Lee, Honglak Lee, "
                     "Lu Wang.* Arxiv 2025."]
    assert "\n=== PR title ===\nAdd paper: Process Reward Models That Think (2025-05-27)\n\n=== PR body ===\n" in text
    assert text.endswith(pub.body + "\n")
    assert not (tmp_path / "state.json").exists()


def test_a_pr_of_one_paper_is_named_for_it_and_one_that_grows_counts_its_papers(hub):
    """In the list of PRs, "Add 1 paper (2025-05-27)" says nothing of what it holds; a person names the paper."""
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    [pub] = forge(hub).publish(change(a))
    assert pub.title == hub.pulls[1].title == "Add paper: Process Reward Models That Think (2025-05-27)"
    forge(hub).publish(change(b, date="2025-05-28"))
    assert hub.pulls[1].title == "Add 2 papers (2025-05-28)"


def test_rows_a_maintainer_edited_out_of_the_bots_shape_are_kept_when_the_pr_grows(hub):
    """A maintainer edits the open PR's table on the web: a note after a row's last pipe, a row struck out, a line of
    text under a row (GitHub shows it in the table), a row whose confidence cell is deleted. The next day's paper
    is added to the PR: every edited line is kept as written and in its place, the new row follows them as
    table_row writes it, no paper's row is lost or written twice, and a run with nothing new leaves the table as
    it is. Rows a maintainer took out of the bot's shape were lost, where the first two were: their papers stayed in
    the marker and the diff but had no row."""
    from bot.render import table_row

    a, b, c = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain"), proposal("2504.15305", "math")
    d = proposal("2504.15777", "math")
    forge(hub).publish(change(a, b, d))
    body = hub.pulls[1].body
    ra, rb, rd = table_row(a), table_row(b), table_row(d)
    assert [ra, rb, rd] == [line for line in body.splitlines() if line.startswith("| [")]
    noted = ra + " ← same group as #12, keep both?"
    struck = rb.replace("| [", "| ~~[", 1).replace("`2504.16511` |", "`2504.16511`~~ |")
    under = "Borderline: merge only if the camera-ready keeps the data section."
    cut = rd.replace(" | 91% |", " |", 1)
    assert cut.count("|") == ra.count("|") - 1
    with hub.lock:
        hub.pulls[1].body = body.replace(ra, noted).replace(rb, f"{struck}\n{under}").replace(rd, cut).replace(
            "\n", "\r\n")  # saved on the web: CRLF
    [pub] = forge(hub).publish(change(c, date="2025-05-28"))
    grown = hub.pulls[1].body
    lines = grown.splitlines()
    head = lines.index("|---|---|---|---|")
    assert lines[head + 1: head + 7] == [noted, struck, under, cut, table_row(c), ""]
    assert pub.action == "updated" and parse_marker(grown) == ["2504.15305", "2504.15777", "2504.16511", "2504.16828"]
    assert all(grown.count(f"`{i}`") == 1 for i in parse_marker(grown))  # one row each, in the table
    assert grown.count("Confidence is the calibrated probability") == 1 and grown.count("<details>") == 4
    forge(hub).publish(change(c, date="2025-05-29"))  # c is in the PR already: nothing to add
    assert hub.pulls[1].body == grown
