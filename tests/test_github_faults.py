"""GitHubForge when GitHub (or the way to it) misbehaves: lost answers, races with maintainers, rate limits,
malformed bodies, bad settings. Real PyGithub over HTTP against the stand-in, as in test_github.py."""

from __future__ import annotations

import time
import types

import pytest

from bot.errors import PaperbotError, UsageError
from bot.github import GitHubForge
from bot.publish import apply_proposals, reconcile
from bot.render import parse_marker, pr_body
from bot.state import State
from tests.conftest import fail_dns
from tests.github_support import TOKEN, change, config, forge, proposal, readme, standin

BRANCH = "paperbot/2025-05-27"
BOT = ("paperbot", "paperbot@users.noreply.github.com")
RESET = 1_893_456_000  # 2030-01-01 00:00:00 UTC


@pytest.fixture
def hub():
    with standin() as server:
        yield server


def writes(hub) -> list[tuple[str, str]]:
    prefix = f"/api/v3/repos/{hub.repository}"
    return [(m, p.split("?")[0].removeprefix(prefix)) for m, p in hub.requests if m in ("POST", "PUT", "PATCH",
                                                                                          "DELETE")]


def create_pull_on_server(hub):
    """GitHub creates the PR from the request it got, whatever happens to the answer afterwards."""
    return lambda: hub._create_pull({}, hub.request_json())


def orphan_branch(hub, *papers) -> str:
    """What a run that died after its README commit (and failed to delete its branch) leaves behind."""
    hub.refs[BRANCH] = hub.refs["main"]
    return hub.push(BRANCH, "README.md", apply_proposals(readme(), list(papers)), who=BOT,
                    message="Add 1 paper to README.md")


# ---------------------------------------------------------------- 1. PR opened, answer lost


@pytest.mark.parametrize("answer", ["502", "cut-off 201"])
def test_pr_opened_but_answer_lost_is_found_not_rejected(hub, answer):
    a = proposal("2504.16828", "math")
    if answer == "502":
        hub.fail_next("POST", r"/pulls$", 502, {"message": "Server Error"}, before=create_pull_on_server(hub))
    else:
        hub.fail_next("POST", r"/pulls$", 201, b'{"number": 1, "html', headers={"Content-Type": "application/json"},
                      before=create_pull_on_server(hub))
    [pub] = forge(hub).publish(change(a))

    assert (pub.action, pub.number, pub.branch, pub.ids) == ("opened", 1, BRANCH, ["2504.16828"])
    assert pub.url == f"{hub.web_url}/pull/1"
    assert BRANCH in hub.refs and hub.pulls[1].state == "open"  # the head was not deleted under the PR
    assert hub.pulls[1].labels == ["paperbot"]
    assert ("DELETE", f"/git/refs/heads/{BRANCH}") not in writes(hub)
    state = State()
    reconcile(state, forge(hub).bot_pulls(), "2025-05-28")
    assert state.rejected == {} and list(state.proposed) == ["2504.16828"]


def test_pr_opened_but_answer_timed_out_is_found(hub):
    hub.delay_next("POST", r"/pulls$", 2.5)  # created at once, answered after the client gave up
    slow = GitHubForge(config(), repository=hub.repository, api_url=hub.base_url, token=TOKEN, retry=None,
                       timeout=1)
    [pub] = slow.publish(change(proposal("2504.16828", "math")))
    assert (pub.action, pub.number, pub.branch) == ("opened", 1, BRANCH)
    assert BRANCH in hub.refs and hub.pulls[1].state == "open"


def test_pr_not_opened_after_a_5xx_undoes_the_branch_with_the_status_text(hub):
    hub.fail_next("POST", r"/pulls$", 502, b"<html><body>\n<h1>502 Bad Gateway</h1>\n</body></html>",
                  headers={"Content-Type": "text/html"})
    with pytest.raises(PaperbotError) as err:
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert str(err.value) == f"GitHub error 502 while trying to open a pull request from {BRANCH}: 502 Bad Gateway"
    assert set(hub.refs) == {"main"} and hub.pulls == {}
    assert any(m == "GET" and "head=octo-org" in p for m, p in hub.requests)  # it looked before deleting

    # A clear 4xx refusal needs no look: nothing was opened.
    hub.requests.clear()
    hub.fail_next("POST", r"/pulls$", 403, {"message": "GitHub Actions is not permitted to create or approve pull "
                                                       "requests."})
    with pytest.raises(PaperbotError, match=r"^GitHub error 403 while trying to open a pull request from "):
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert set(hub.refs) == {"main"} and hub.pulls == {}
    assert not any("head=" in p for _, p in hub.requests)


@pytest.mark.parametrize("answer", ["dropped", "502"])
def test_branch_created_but_answer_lost_is_used_not_left_behind(hub, answer):
    """GitHub created the branch and the answer was lost: a failed run would leave it for good, since the next
    day's run tries another name."""
    hub.fail_next("POST", r"/git/refs$", 502, {"message": "Server Error"}, drop=answer == "dropped", applied=True)
    [pub] = forge(hub).publish(change(proposal("2504.16828", "math")))
    assert (pub.action, pub.branch, pub.number) == ("opened", BRANCH, 1)
    assert set(hub.refs) == {"main", BRANCH}


def test_branch_not_created_after_a_lost_answer_is_an_error(hub):
    hub.fail_next("POST", r"/git/refs$", 0, None, drop=True)
    with pytest.raises(PaperbotError, match=rf"^cannot reach the GitHub API at .* to create branch {BRANCH}: "
                                            r"127\.0\.0\.1:\d+ dropped the connection$"):
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert set(hub.refs) == {"main"} and hub.pulls == {}


def test_pr_maybe_opened_and_the_lookup_fails_keeps_the_branch(hub):
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")

    def created_then_lookups_fail():
        create_pull_on_server(hub)()
        hub.fail_next("GET", r"/pulls$", 500, {"message": "Server Error"})

    hub.fail_next("POST", r"/pulls$", 502, {"message": "Server Error"}, before=created_then_lookups_fail)
    with pytest.raises(PaperbotError) as err:
        forge(hub).publish(change(a))
    assert str(err.value) == (
        f"GitHub error 502 while trying to open a pull request from {BRANCH}: Server Error; branch {BRANCH} was kept "
        "(GitHub may have opened its PR; the next run finds the PR or reuses the branch), nothing will be proposed "
        "twice; run again"
    )
    assert BRANCH in hub.refs and hub.pulls[1].state == "open"
    # The next run finds the PR by its marker and adds to it.
    [pub] = forge(hub).publish(change(b, date="2025-05-28"))
    assert (pub.action, pub.number) == ("updated", 1)
    assert parse_marker(hub.pulls[1].body) == ["2504.16511", "2504.16828"]


# ---------------------------------------------------------------- 2. the PR closed or merged during the run


@pytest.mark.parametrize("maintainer", ["close", "merge", "merge and delete the branch"])
def test_pr_closed_or_merged_during_the_run_is_not_updated(hub, maintainer):
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    forge(hub).publish(change(a))  # yesterday: PR 1
    f = forge(hub)
    assert [p.state for p in f.bot_pulls()] == ["open"]  # the run lists the PRs first
    if maintainer == "close":
        hub.close_pull(1)
    else:
        hub.merge_pull(1)
        if "delete" in maintainer:
            del hub.refs[BRANCH]
    branch_before = hub.refs.get(BRANCH)
    body_before = hub.pulls[1].body

    [pub] = f.publish(change(b, date="2025-05-28"))

    assert (pub.action, pub.number, pub.ids) == ("opened", 2, ["2504.16511"])
    assert hub.refs.get(BRANCH) == branch_before and hub.pulls[1].body == body_before  # PR 1 untouched
    assert parse_marker(hub.pulls[2].body) == ["2504.16511"]
    assert {p.number: p.state for p in f.bot_pulls()} == {2: "open", 1: "closed" if maintainer == "close" else
                                                          "merged"}
    state = State()
    reconcile(state, forge(hub).bot_pulls(), "2025-05-29")
    assert "2504.16511" not in state.rejected and "2504.16511" in state.proposed


# ---------------------------------------------------------------- 3. Retry-After is never slept on


@pytest.fixture
def urllib3_sleeps(monkeypatch):
    """What urllib3's retry asks to sleep, recorded; real sleeps are capped so a regression fails, not hangs."""
    import urllib3.util.retry as retry_module

    asked: list[float] = []

    def sleep(seconds: float) -> None:
        asked.append(seconds)
        time.sleep(min(seconds, 0.05))

    monkeypatch.setattr(retry_module, "time", types.SimpleNamespace(sleep=sleep, time=time.time))
    return asked


@pytest.mark.parametrize("status", [429, 503])
def test_long_retry_after_is_not_slept_on_with_the_default_retry(hub, urllib3_sleeps, status):
    hub.fail_next("GET", r"/contents/README\.md$", status, {"message": "API rate limit exceeded"},
                  headers={"Retry-After": "3600"}, times=1 if status == 503 else 5)
    f = GitHubForge(config(), repository=hub.repository, api_url=hub.base_url, token=TOKEN)  # production retry
    started = time.monotonic()
    if status == 429:
        with pytest.raises(PaperbotError) as err:
            f.read_readme()
        assert str(err.value) == ("GitHub rate limit exceeded while trying to read README.md on main; it resets in "
                                  "3600 s; nothing was changed, run again after that")
    else:  # a server error: retried at once (GET only), not an hour later
        assert f.read_readme() == readme()
    assert time.monotonic() - started < 10
    assert not any(s >= 60 for s in urllib3_sleeps), urllib3_sleeps


# ---------------------------------------------------------------- 4. malformed answers


@pytest.mark.parametrize(("method", "pattern", "status", "raw", "what", "kind"), [
    ("GET", r"/contents/README\.md$", 200, b'{"type": "file", "content": "abc', "read README.md on main",
     "JSONDecodeError: Unterminated string"),
    ("GET", r"/contents/README\.md$", 200, b"null", "read README.md on main", "AssertionError: unsupported encoding"),
    ("PUT", r"/contents/README\.md$", 200, b"<html>ok</html>", f"commit README.md on {BRANCH}", "KeyError: 'commit'"),
    ("GET", r"/pulls$", 200, b'[{"number": 1, "bo', "list pull requests", "JSONDecodeError: Unterminated string"),
])
def test_malformed_answers_are_one_line_and_leave_nothing(hub, method, pattern, status, raw, what, kind):
    ctype = "text/html" if raw.startswith(b"<") else "application/json"
    hub.fail_next(method, pattern, status, raw, headers={"Content-Type": ctype})
    f = forge(hub)
    with pytest.raises(PaperbotError) as err:
        if method == "GET" and "contents" in pattern:
            f.read_readme()
        else:
            f.publish(change(proposal("2504.16828", "math")))
    message = str(err.value)
    assert message.startswith(f"unexpected answer from the GitHub API at {hub.base_url} while trying to {what}: "
                              f"{kind}")
    assert "\n" not in message
    assert set(hub.refs) == {"main"} and hub.pulls == {}


# ---------------------------------------------------------------- 5. settings checked before PyGithub sees them


@pytest.mark.parametrize("url", ["ghe.example.com/api/v3", "ftp://ghe.example.com/api/v3", "http://[::1/api",
                                 "https://", "http://127.0.0.1:port/api/v3"])
def test_api_url_that_cannot_work_is_a_usage_error(url):
    env = {"GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": "o/r", "GITHUB_API_URL": url}
    with pytest.raises(UsageError) as err:
        GitHubForge.from_config(config(), environ=env)
    assert str(err.value).startswith(f"GITHUB_API_URL={url!r} is not an http(s) URL with a host")
    with pytest.raises(UsageError, match=r"^github.api_url="):
        GitHubForge.from_config(config(api_url=url), environ={"GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": "o/r"})


def test_api_url_without_scheme_suggests_https():
    env = {"GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": "o/r", "GITHUB_API_URL": "ghe.example.com/api/v3"}
    with pytest.raises(UsageError, match=r"did you mean 'https://ghe\.example\.com/api/v3'\?$"):
        GitHubForge.from_config(config(), environ=env)


@pytest.mark.parametrize(("token", "why"), [
    (TOKEN + "\n", "contains a space or a line break"),
    (" " + TOKEN, "contains a space or a line break"),
    (TOKEN + "\u2019", "contains a character no GitHub token has"),
    (TOKEN + "\x07", "contains a character no GitHub token has"),
])
def test_token_that_cannot_work_is_a_usage_error_without_the_token(token, why):
    env = {"GITHUB_TOKEN": token, "GITHUB_REPOSITORY": "o/r", "GITHUB_API_URL": "http://127.0.0.1:9/api/v3"}
    with pytest.raises(UsageError) as err:
        GitHubForge.from_config(config(), environ=env)
    assert str(err.value).startswith(f"GITHUB_TOKEN {why}")
    assert TOKEN not in str(err.value) and "\n" not in str(err.value)
    from pydantic import SecretStr

    with pytest.raises(UsageError, match=rf"^github\.token {why}"):
        GitHubForge.from_config(config(token=SecretStr(token)), environ={"GITHUB_REPOSITORY": "o/r"})


# ---------------------------------------------------------------- 6. Enterprise without rate limiting


def test_enterprise_without_rate_limiting_publishes(hub):
    hub.fail_next("GET", r"/rate_limit$", 404, {"message": "Rate limiting is not enabled.",
                                                "documentation_url": "https://docs.github.com/enterprise-server"},
                  times=9)
    [pub] = forge(hub).publish(change(proposal("2504.16828", "math")))
    assert (pub.action, pub.number) == ("opened", 1)


# ---------------------------------------------------------------- 7. errors after a write say what was written


def test_per_paper_error_after_a_pr_names_the_opened_pr(hub):
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    hub.before_next("POST", r"/pulls$", lambda: hub.rate_limit_next("POST", r"/pulls$", reset=RESET))
    with pytest.raises(PaperbotError) as err:
        forge(hub, config(mode="per-paper")).publish(change(a, b, mode="per-paper"))
    assert str(err.value) == (
        f"GitHub rate limit exceeded while trying to open a pull request from {BRANCH}-2504.16511; it resets at "
        f"2030-01-01 00:00:00 UTC; PR #1 was already opened ({hub.web_url}/pull/1), nothing will be proposed twice; "
        "run again after that"
    )
    assert set(hub.refs) == {"main", f"{BRANCH}-2504.16828"} and list(hub.pulls) == [1]


def test_per_paper_other_error_after_a_pr_names_the_opened_pr(hub):
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "pretrain")
    hub.before_next("POST", r"/pulls$", lambda: hub.fail_next("POST", r"/pulls$", 422, {
        "message": "Validation Failed", "errors": [{"resource": "PullRequest", "code": "custom",
                                                    "message": "base is protected"}]}))
    with pytest.raises(PaperbotError) as err:
        forge(hub, config(mode="per-paper")).publish(change(a, b, mode="per-paper"))
    assert str(err.value).endswith(f"(base is protected); PR #1 was already opened ({hub.web_url}/pull/1), nothing "
                                   "will be proposed twice; run again")


def test_rate_limit_on_saving_state_after_the_pr_does_not_say_nothing_changed(hub):
    f = forge(hub)
    f.publish(change(proposal("2504.16828", "math")))
    hub.rate_limit_next("PUT", r"/contents/state\.json$", reset=RESET)
    with pytest.raises(PaperbotError) as err:
        f.save_state(State())
    assert str(err.value) == (
        "GitHub rate limit exceeded while trying to commit state.json on paperbot-state; it resets at 2030-01-01 "
        f"00:00:00 UTC; PR #1 was already opened ({hub.web_url}/pull/1) and branch paperbot-state was created, "
        "nothing will be proposed twice; run again after that"
    )


def test_rate_limit_on_the_pr_edit_after_the_commit_is_repaired_by_the_next_update(hub):
    a, b, c = (proposal("2504.16828", "math"), proposal("2504.16511", "pretrain"),
               proposal("2504.15777", "math"))
    forge(hub).publish(change(a))
    hub.rate_limit_next("PATCH", r"/pulls/1$", reset=RESET)
    with pytest.raises(PaperbotError) as err:
        forge(hub).publish(change(b, date="2025-05-28"))
    assert str(err.value) == (
        "GitHub rate limit exceeded while trying to update PR #1; it resets at 2030-01-01 00:00:00 UTC; PR #1 was "
        f"already updated ({hub.web_url}/pull/1), nothing will be proposed twice; run again after that"
    )
    assert parse_marker(hub.pulls[1].body) == ["2504.16828"]  # b is in the diff but not (yet) in the marker
    # A later run with another paper: b, found on the branch, goes back into the marker with c.
    [pub] = forge(hub).publish(change(c, date="2025-05-29"))
    assert (pub.action, pub.number, pub.ids) == ("updated", 1, ["2504.15777"])
    assert parse_marker(hub.pulls[1].body) == ["2504.15777", "2504.16511", "2504.16828"]
    assert hub.pulls[1].title == "Add 3 papers (2025-05-29)"
    assert hub.file_text("README.md", BRANCH) == apply_proposals(readme(), [a, b, c])
    hub.close_pull(1)
    state = State()
    reconcile(state, forge(hub).bot_pulls(), "2025-05-30")
    assert sorted(state.rejected) == ["2504.15777", "2504.16511", "2504.16828"]


def test_branch_left_behind_after_a_rate_limit_is_said_and_reused(hub):
    a = proposal("2504.16828", "math")
    hub.rate_limit_next("POST", r"/pulls$", reset=RESET)
    hub.fail_next("DELETE", r"/git/refs", 500, {"message": "Server Error"})
    with pytest.raises(PaperbotError) as err:
        forge(hub).publish(change(a))
    assert str(err.value) == (
        f"GitHub rate limit exceeded while trying to open a pull request from {BRANCH}; it resets at 2030-01-01 "
        f"00:00:00 UTC; branch {BRANCH} was left behind (the next run that opens a PR reuses or deletes it), "
        "nothing will be proposed twice; run again after that"
    )
    [pub] = forge(hub).publish(change(a))
    assert (pub.branch, pub.number) == (BRANCH, 1) and set(hub.refs) == {"main", BRANCH}


# ---------------------------------------------------------------- 8. a branch left behind is reused


def test_branch_left_behind_with_only_bot_commits_is_reused(hub):
    a = proposal("2504.16828", "math")
    orphan_branch(hub, a)
    hub.push("main", "NOTES.md", "moved on\n")
    [pub] = forge(hub).publish(change(a))
    assert (pub.action, pub.branch, pub.number) == ("opened", BRANCH, 1)
    assert set(hub.refs) == {"main", BRANCH}
    commits = hub._pull_commits(hub.pulls[1])
    assert len(commits) == 1 and commits[0].parents == [hub.refs["main"]]  # moved to the base, one fresh commit
    assert hub.file_text("README.md", BRANCH) == apply_proposals(readme(), [a])


def test_a_reused_branch_is_named_when_the_run_then_stops(hub):
    """Reusing moves the branch (and may commit to it): a rate limit after that must not say nothing changed."""
    a = proposal("2504.16828", "math")
    orphan_branch(hub, a)
    hub.rate_limit_next("POST", r"/pulls$", reset=RESET)
    with pytest.raises(PaperbotError) as err:
        forge(hub).publish(change(a))
    assert str(err.value) == (
        f"GitHub rate limit exceeded while trying to open a pull request from {BRANCH}; it resets at 2030-01-01 "
        f"00:00:00 UTC; branch {BRANCH}, left by an earlier run, was reused and left for the next run, nothing will "
        "be proposed twice; run again after that"
    )
    [pub] = forge(hub).publish(change(a))
    assert (pub.branch, pub.number) == (BRANCH, 1) and set(hub.refs) == {"main", BRANCH}


def test_branches_an_earlier_day_left_behind_are_deleted_by_the_next_pr(hub):
    """A run reuses a left-behind branch only under its own day's name; a later day's run must not leave
    yesterday's for good. A branch with a person's commit, a PR's head and the state branch stay."""
    a, b = proposal("2504.16828", "math"), proposal("2504.16511", "agent")
    orphan_branch(hub, a)  # paperbot/2025-05-27, bot commits only, no PR
    hub.refs["paperbot/2025-05-20"] = hub.refs["main"]  # created, then the run died: no commit at all
    hub.refs["paperbot/2025-05-21"] = hub.refs["main"]
    human = hub.push("paperbot/2025-05-21", "NOTES.md", "mine\n")  # a maintainer works there
    hub.refs["paperbot-state"] = hub.refs["main"]
    hub.refs["paperbot/tweak-config"] = hub.refs["main"]  # not a name the bot makes: never its to delete
    hub.refs["paperbot/2025-05-19"] = hub.refs["main"]  # a person's PR from it, its commit now on main
    hub.push("paperbot/2025-05-19", "NOTES.md", "theirs\n")
    hub._create_pull({}, {"head": "paperbot/2025-05-19", "base": "main", "title": "mine", "body": "no marker"})
    hub.close_pull(1)
    hub.refs["main"] = hub.refs["paperbot/2025-05-19"]
    [pub] = forge(hub).publish(change(b, date="2025-05-28"))
    assert (pub.action, pub.branch) == ("opened", "paperbot/2025-05-28")
    assert set(hub.refs) == {"main", "paperbot-state", "paperbot/tweak-config", "paperbot/2025-05-19",
                             "paperbot/2025-05-21", "paperbot/2025-05-28"}
    assert hub.refs["paperbot/2025-05-21"] == human
    # the branch of a bot PR, closed or open, is never swept, even with nothing but bot commits on it
    hub.close_pull(pub.number)
    [again] = forge(hub).publish(change(a, date="2025-05-29"))
    assert again.branch == "paperbot/2025-05-29" and "paperbot/2025-05-28" in hub.refs


def test_a_rate_limit_while_listing_the_leftovers_stops_the_run_before_any_write(hub):
    """The sweep is best effort, but not past a rate limit: every request after it would fail too."""
    hub.rate_limit_next("GET", r"/git/matching-refs/", reset=RESET)
    with pytest.raises(PaperbotError) as err:
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert str(err.value).startswith("GitHub rate limit exceeded while trying to list bot branches")
    assert "nothing was changed" in str(err.value) and set(hub.refs) == {"main"} and not hub.pulls


def test_a_prefix_without_a_slash_sweeps_only_the_names_the_bot_makes(hub):
    """`branch_prefix: paperbot` makes `paperbot2025-05-27`; `paperbot-site` (and the state branch) share
    the prefix and are no bot leftovers."""
    hub.refs["paperbot-site"] = hub.refs["main"]
    hub.refs["paperbot2025-05-20"] = hub.refs["main"]
    bare = forge(hub)
    bare.gh = bare.gh.model_copy(update={"branch_prefix": "paperbot"})
    [pub] = bare.publish(change(proposal("2504.16828", "math")))
    assert pub.branch == "paperbot2025-05-27"
    assert set(hub.refs) == {"main", "paperbot-site", "paperbot2025-05-27"}


def test_a_branch_that_cannot_be_listed_or_deleted_does_not_stop_the_run(hub):
    a = proposal("2504.16828", "math")
    hub.refs["paperbot/2025-05-20"] = hub.refs["main"]
    hub.fail_next("GET", r"/git/matching-refs", 500, {"message": "Server Error"})
    [pub] = forge(hub).publish(change(a))
    assert pub.action == "opened" and "paperbot/2025-05-20" in hub.refs
    hub.fail_next("DELETE", r"/git/refs", 500, {"message": "Server Error"})
    hub.close_pull(1)
    [pub] = forge(hub).publish(change(proposal("2504.16511", "agent"), date="2025-05-28"))
    assert pub.action == "opened" and "paperbot/2025-05-20" in hub.refs


def test_branch_with_bot_commits_is_not_reused_when_a_pull_request_came_from_it(hub):
    a = proposal("2504.16828", "math")
    head = orphan_branch(hub, a)
    hub._create_pull({}, {"head": BRANCH, "base": "main", "title": "by hand", "body": "no marker here"})
    hub.refs[f"{BRANCH}-2"] = hub.refs["main"]
    hub.push(f"{BRANCH}-2", "README.md", apply_proposals(readme(), [a]), who=BOT)  # another one left behind
    [pub] = forge(hub).publish(change(a))
    assert pub.branch == f"{BRANCH}-2" and hub.refs[BRANCH] == head


# ---------------------------------------------------------------- 9. secondary rate limits


def test_secondary_rate_limit_names_retry_after_not_the_primary_reset(hub):
    hub.fail_next("POST", r"/git/refs$", 403, {"message": "You have exceeded a secondary rate limit. Please wait a "
                                                          "few minutes before you try again."},
                  headers={"retry-after": "60", "x-ratelimit-remaining": "4990", "x-ratelimit-reset": str(RESET)})
    with pytest.raises(PaperbotError) as err:
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert str(err.value) == (f"GitHub rate limit exceeded while trying to create branch {BRANCH}; it resets in 60 s; "
                              "nothing was changed, run again after that")
    # With the primary window used up as well, its reset is the later time and the one to name.
    hub.fail_next("GET", r"/contents/README\.md$", 429, {"message": "API rate limit exceeded"},
                  headers={"retry-after": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": str(RESET)})
    with pytest.raises(PaperbotError, match=r"it resets at 2030-01-01 00:00:00 UTC; nothing was changed"):
        forge(hub).read_readme()


# ---------------------------------------------------------------- 10. smaller ones


def test_422_that_is_not_a_stale_sha_is_reported_not_retried(hub):
    hub.fail_next("PUT", r"/contents/README\.md$", 422,
                  {"message": "Invalid request.\n\nFor 'properties/content', nil is not a string."}, times=9)
    with pytest.raises(PaperbotError) as err:
        forge(hub).publish(change(proposal("2504.16828", "math")))
    assert str(err.value) == (f"GitHub error 422 while trying to commit README.md on {BRANCH}: Invalid request.  For "
                              "'properties/content', nil is not a string.")
    assert [w for w in writes(hub) if w[0] == "PUT"] == [("PUT", "/contents/README.md")]
    assert set(hub.refs) == {"main"}
    # A 422 about the sha is the file changing under the bot: re-read and retried.
    hub.faults.clear()
    hub.fail_next("PUT", r"/contents/README\.md$", 422, {"message": "Invalid request.\n\n\"sha\" wasn't supplied."})
    [pub] = forge(hub).publish(change(proposal("2504.16828", "math")))
    assert pub.action == "opened" and len([w for w in writes(hub) if w[0] == "PUT"]) == 3


def test_paper_added_to_main_during_the_run_ends_quietly(hub):
    a = proposal("2504.16828", "math")
    hub.push("main", "README.md", apply_proposals(readme(), [a]))  # a maintainer, after the scan
    f = forge(hub)
    assert f.publish(change(a)) == []
    assert set(hub.refs) == {"main"} and hub.pulls == {}
    f.save_state(State())  # the run goes on to save its state
    assert "paperbot-state" in hub.refs


def test_missing_repository_names_it_once(hub):
    f = GitHubForge(config(), repository="octo-org/nope", api_url=hub.base_url, token=TOKEN, retry=None)
    with pytest.raises(PaperbotError) as err:
        f.read_readme()
    assert str(err.value) == ("GitHub: not found while trying to read repository octo-org/nope (Not Found); check "
                              "GITHUB_REPOSITORY and that the token can access it")


def test_pr_body_of_a_found_pr_is_the_one_sent(hub):
    """The PR found after a lost answer is reported with the title and body this run sent."""
    a = proposal("2504.16828", "math")
    hub.fail_next("POST", r"/pulls$", 504, {"message": "Gateway Timeout"}, before=create_pull_on_server(hub))
    [pub] = forge(hub).publish(change(a))
    assert pub.body == pr_body([a]) == hub.pulls[1].body
    assert pub.title == hub.pulls[1].title == "Add paper: Process Reward Models That Think (2025-05-27)"


def test_a_github_host_that_does_not_resolve_is_named(monkeypatch):
    """GITHUB_API_URL with a typo (an Enterprise host), or no network: the host, not "ConnectionError"."""
    fail_dns(monkeypatch)
    gh = GitHubForge(config(), repository="owner/list", api_url="https://github.example/api/v3", token=TOKEN,
                     retry=None)
    with pytest.raises(PaperbotError) as caught:
        gh.read_readme()
    assert str(caught.value) == ("cannot reach the GitHub API at https://github.example/api/v3 to read repository "
                                 "owner/list: cannot resolve github.example: no such host, or no network")
