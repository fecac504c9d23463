"""`paperbot schedule`: fire times, no overlap, failures retried at the next tick, clean stop on signals.

APScheduler's own job processing is stepped on a fake clock (SteppedScheduler); nothing sleeps.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.events import EVENT_JOB_EXECUTED, EVENT_SCHEDULER_STARTED
from apscheduler.executors.debug import DebugExecutor
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers import base as apscheduler_base
from apscheduler.schedulers.base import STATE_RUNNING, STATE_STOPPED, BaseScheduler

from bot import cli
from bot.config import Config, load_config
from bot.errors import ConfigError
from bot.schedule import Daemon, crontab_trigger, crontab_weekdays
from tests.conftest import REPO

NY = ZoneInfo("America/New_York")


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class SteppedScheduler(BaseScheduler):
    """APScheduler's job processing, run by the test at chosen instants instead of by a timer."""

    def __init__(self, clock: FakeClock, **options: object) -> None:
        self.clock = clock
        super().__init__(**options)

    def shutdown(self, wait: bool = True) -> None:
        super().shutdown(wait)

    def wakeup(self) -> None:
        pass  # nothing to wake: the test calls tick()

    def tick(self, when: datetime) -> None:
        self.clock.now = when
        self._process_jobs()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """Start on Thursday 6 March 2025, noon in New York; APScheduler reads its 'now' from this clock."""
    fake = FakeClock(datetime(2025, 3, 6, 12, 0, tzinfo=NY))

    class FakeDateTime(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return fake.now.astimezone(tz) if tz else fake.now.replace(tzinfo=None)

    monkeypatch.setattr(apscheduler_base, "datetime", FakeDateTime)
    return fake


def make_daemon(clock: FakeClock, job, executor=None, cron: str = "30 0 * * 1-5", verbose: bool = False) -> Daemon:
    scheduler = SteppedScheduler(clock, timezone=NY, executors={"default": executor or DebugExecutor()})
    daemon = Daemon(job, cron=cron, timezone="America/New_York", scheduler=scheduler, now=clock, verbose=verbose)
    scheduler.start()
    return daemon


def fire_times(cron: str, tz: str, start: datetime, count: int) -> list[datetime]:
    trigger = crontab_trigger(cron, tz)
    times: list[datetime] = []
    previous = None
    now = start
    for _ in range(count):
        nxt = trigger.get_next_fire_time(previous, now)
        assert nxt is not None
        times.append(nxt)
        previous = now = nxt
    return times


# ---------------------------------------------------------------- cron semantics


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("*", "*"),
        ("1-5", "mon,tue,wed,thu,fri"),
        ("0,6", "sat,sun"),
        ("7", "sun"),
        ("5-7", "fri,sat,sun"),
        ("7-7", "sun"),
        ("*/2", "tue,thu,sat,sun"),
        ("1-5/2", "mon,wed,fri"),
        ("mon-fri", "mon,tue,wed,thu,fri"),
        ("SAT,sun", "sat,sun"),
    ],
)
def test_crontab_weekdays_are_crontab_numbered(field: str, expected: str) -> None:
    assert crontab_weekdays(field) == expected


@pytest.mark.parametrize("field", ["8", "5-1", "mon-", "*/0", "funday"])
def test_bad_weekdays_are_refused(field: str) -> None:
    with pytest.raises(ValueError):
        crontab_weekdays(field, f"0 0 * * {field}")


def test_weekdays_one_to_five_are_monday_to_friday() -> None:
    """APScheduler 3's from_crontab would read 1-5 as Tuesday-Saturday; ours must not."""
    times = fire_times("30 0 * * 1-5", "America/New_York", datetime(2025, 3, 6, 12, tzinfo=NY), 5)
    assert [t.strftime("%a %d") for t in times] == ["Fri 07", "Mon 10", "Tue 11", "Wed 12", "Thu 13"]


def test_day_and_weekday_both_set_fire_on_either_as_crontab_does() -> None:
    """man 5 crontab: "13 * 5" is every 13th and every Friday, not only Friday the 13th."""
    times = fire_times("0 9 13 * 5", "UTC", datetime(2025, 6, 1, tzinfo=UTC), 4)
    assert [t.strftime("%a %d") for t in times] == ["Fri 06", "Fri 13", "Fri 20", "Fri 27"]
    times = fire_times("0 9 1 * mon", "UTC", datetime(2025, 6, 20, tzinfo=UTC), 3)
    assert [t.strftime("%a %d %b") for t in times] == ["Mon 23 Jun", "Mon 30 Jun", "Tue 01 Jul"]
    # a stepped day field starts with '*': only the weekdays restrict, as in crontab
    times = fire_times("0 9 */2 * mon", "UTC", datetime(2025, 6, 1, tzinfo=UTC), 2)
    assert [t.strftime("%a %d") for t in times] == ["Mon 09", "Mon 23"]


def test_fire_times_follow_new_york_across_spring_dst_change() -> None:
    # DST began Sunday 9 March 2025: 00:30 New York is 05:30 UTC before and 04:30 UTC after.
    times = fire_times("30 0 * * 1-5", "America/New_York", datetime(2025, 3, 6, 12, tzinfo=NY), 3)
    assert [t.astimezone(UTC).isoformat() for t in times] == [
        "2025-03-07T05:30:00+00:00",
        "2025-03-10T04:30:00+00:00",
        "2025-03-11T04:30:00+00:00",
    ]
    assert {(t.hour, t.minute) for t in times} == {(0, 30)}


def test_fire_times_follow_new_york_across_autumn_dst_change() -> None:
    # DST ended Sunday 2 November 2025 at 02:00: a daily 01:30 exists twice that night; it fires once.
    times = fire_times("30 1 * * *", "America/New_York", datetime(2025, 11, 1, 12, tzinfo=NY), 3)
    assert [t.astimezone(UTC).isoformat() for t in times] == [
        "2025-11-02T05:30:00+00:00",
        "2025-11-03T06:30:00+00:00",
        "2025-11-04T06:30:00+00:00",
    ]


def test_fixed_utc_cron_drifts_an_hour_in_new_york_time() -> None:
    """Why the Action's UTC cron sits at 05:30: after midnight Eastern in both EST and EDT."""
    times = fire_times("30 5 * * 1-5", "UTC", datetime(2025, 3, 6, 12, tzinfo=UTC), 2)
    assert [t.astimezone(NY).strftime("%a %H:%M") for t in times] == ["Fri 00:30", "Mon 01:30"]


def test_default_schedule_is_just_after_the_feed_rebuild() -> None:
    schedule = Config().schedule
    assert (schedule.cron, schedule.timezone) == ("30 0 * * 1-5", "America/New_York")


@pytest.mark.parametrize(
    ("cron", "needle"),
    [("30 0 * * 8", "weekday '8'"), ("61 0 * * *", "61"), ("30 0 * *", "5 fields"), ("30 0 31 2 *", "never fires"),
     ("a b c d e", 'expression "a" for field "minute"')],
)
def test_bad_cron_in_config_is_a_one_line_config_error(tmp_path: Path, cron: str, needle: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(f'schedule:\n  cron: "{cron}"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert "schedule.cron" in message and needle in message and "\n" not in message


# ---------------------------------------------------------------- the daemon on a fake clock


def test_runs_at_each_tick_and_not_between(clock: FakeClock) -> None:
    calls: list[datetime] = []
    daemon = make_daemon(clock, lambda: calls.append(clock.now) or 0)
    assert daemon.scheduler.get_job("paperbot-run").next_run_time == datetime(2025, 3, 7, 0, 30, tzinfo=NY)
    daemon.scheduler.tick(datetime(2025, 3, 7, 0, 29, tzinfo=NY))
    assert calls == []
    daemon.scheduler.tick(datetime(2025, 3, 7, 0, 30, tzinfo=NY))
    assert len(calls) == 1
    # Saturday and Sunday pass without a run; Monday (after the DST change) runs.
    for day in (8, 9):
        daemon.scheduler.tick(datetime(2025, 3, day, 0, 30, tzinfo=NY))
    assert len(calls) == 1
    assert daemon.scheduler.get_job("paperbot-run").next_run_time == datetime(2025, 3, 10, 0, 30, tzinfo=NY)
    daemon.scheduler.tick(datetime(2025, 3, 10, 0, 30, tzinfo=NY))
    assert len(calls) == 2 and daemon.runs == 2 and daemon.failures == 0


def test_missed_ticks_coalesce_into_one_run(clock: FakeClock) -> None:
    """A machine asleep from Thursday to Wednesday runs once when it wakes, not four times."""
    calls: list[datetime] = []
    daemon = make_daemon(clock, lambda: calls.append(clock.now) or 0)
    daemon.scheduler.tick(datetime(2025, 3, 12, 9, 0, tzinfo=NY))
    assert len(calls) == 1
    assert daemon.scheduler.get_job("paperbot-run").next_run_time == datetime(2025, 3, 13, 0, 30, tzinfo=NY)


def test_failed_run_is_one_log_line_and_the_next_tick_runs_again(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    outcomes = iter([RuntimeError("feed unreachable\nsecond line"), 1, 0])
    calls = 0

    def job() -> int:
        nonlocal calls
        calls += 1
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    daemon = make_daemon(clock, job)
    caplog.set_level(logging.INFO, logger="paperbot")
    daemon.scheduler.tick(datetime(2025, 3, 7, 0, 30, tzinfo=NY))
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in errors] == [
        "scheduled run failed (RuntimeError: feed unreachable); will try again at the next tick, "
        "2025-03-10T00:30:00-04:00"
    ]
    assert not errors[0].exc_info  # no traceback without --verbose

    daemon.scheduler.tick(datetime(2025, 3, 10, 0, 30, tzinfo=NY))
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert errors[1] == (
        "scheduled run failed with exit code 1; will try again at the next tick, 2025-03-11T00:30:00-04:00"
    )
    daemon.scheduler.tick(datetime(2025, 3, 11, 0, 30, tzinfo=NY))
    assert calls == 3 and daemon.runs == 3 and daemon.failures == 2
    assert caplog.records[-1].getMessage() == "scheduled run finished; next run 2025-03-12T00:30:00-04:00"
    assert daemon.scheduler.state == STATE_RUNNING


def test_verbose_failed_run_logs_the_traceback(clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    def job() -> int:
        raise KeyError("oops")

    daemon = make_daemon(clock, job, verbose=True)
    caplog.set_level(logging.INFO, logger="paperbot")
    daemon.scheduler.tick(datetime(2025, 3, 7, 0, 30, tzinfo=NY))
    [error] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert error.exc_info is not None and error.exc_info[0] is KeyError


def test_a_tick_during_a_run_is_skipped(clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    started, release = threading.Event(), threading.Event()
    calls: list[datetime] = []

    def job() -> int:
        calls.append(clock.now)
        started.set()
        assert release.wait(10), "the test never released the run"
        return 0

    daemon = make_daemon(clock, job, executor=ThreadPoolExecutor(max_workers=1))
    finished = threading.Event()
    daemon.scheduler.add_listener(lambda event: finished.set(), EVENT_JOB_EXECUTED)
    caplog.set_level(logging.INFO, logger="paperbot")

    daemon.scheduler.tick(datetime(2025, 3, 7, 0, 30, tzinfo=NY))  # Friday's run starts and hangs
    assert started.wait(10)
    daemon.scheduler.tick(datetime(2025, 3, 10, 0, 30, tzinfo=NY))  # Monday: Friday's run is still going
    assert len(calls) == 1 and daemon.skipped == 1
    assert "tick at 2025-03-10T00:30:00-04:00 skipped: the previous run is still in progress" in caplog.messages

    release.set()
    assert finished.wait(10)
    started.clear()
    daemon.scheduler.tick(datetime(2025, 3, 11, 0, 30, tzinfo=NY))  # Tuesday runs again
    assert started.wait(10)
    assert len(calls) == 2
    daemon.scheduler.shutdown(wait=True)


# ---------------------------------------------------------------- stopping


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_stops_the_real_scheduler(signum: int, caplog: pytest.LogCaptureFixture) -> None:
    """serve() blocks while APScheduler's BackgroundScheduler runs; the signal ends it with exit code 0."""
    caplog.set_level(logging.INFO, logger="paperbot")
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    daemon = Daemon(lambda: 0, cron="0 0 1 1 *", timezone="UTC")
    started = threading.Event()
    daemon.scheduler.add_listener(lambda event: started.set(), EVENT_SCHEDULER_STARTED)

    def send() -> None:
        if started.wait(10):
            # To the main thread, as the kernel does with `kill PID` (os.kill from this thread would be
            # taken by this thread; serve() then notices within POLL_SECONDS).
            signal.pthread_kill(threading.main_thread().ident, signum)

    sender = threading.Thread(target=send)
    # If the signal were lost, this guard ends the loop so the test fails instead of hanging.
    guard = threading.Timer(15, daemon.stop)
    sender.start()
    guard.start()
    try:
        assert daemon.serve() == 0
    finally:
        guard.cancel()
        sender.join()
    assert daemon.scheduler.state == STATE_STOPPED
    assert f"{signal.Signals(signum).name} received: stopping the scheduler" in caplog.messages
    assert "scheduler stopped (0 run(s), 0 failed)" in caplog.messages
    assert {s: signal.getsignal(s) for s in before} == before
    assert daemon.runs == 0


def test_the_scheduler_looks_at_the_wall_clock_now_and_then(monkeypatch: pytest.MonkeyPatch) -> None:
    """APScheduler sleeps until the next run on a monotonic clock, which stops while a laptop is suspended;
    serve() wakes it regularly so a run due during the sleep starts soon after, not a whole sleep later."""
    from apscheduler.schedulers.background import BackgroundScheduler

    from bot import schedule

    monkeypatch.setattr(schedule, "POLL_SECONDS", 0.01)
    monkeypatch.setattr(schedule, "WAKE_EVERY_POLLS", 3)
    wakeups: list[float] = []

    class Counting(BackgroundScheduler):
        def wakeup(self) -> None:
            wakeups.append(time.monotonic())
            super().wakeup()

    daemon = Daemon(lambda: 0, cron="0 0 1 1 *", timezone="UTC", scheduler=Counting(timezone=ZoneInfo("UTC")))
    stopper = threading.Timer(0.5, daemon.stop)
    stopper.start()
    try:
        assert daemon.serve() == 0
    finally:
        stopper.cancel()
    assert len(wakeups) >= 5  # about one every 3 polls of the half second


def test_stop_waits_for_the_run_in_progress(clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    started, release = threading.Event(), threading.Event()

    def job() -> int:
        started.set()
        release.wait(10)
        return 0

    class ReleaseWhenWaiting(logging.Handler):
        """The run finishes only once serve() says it waits for it (a timer would race serve())."""

        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage() == "waiting for the run in progress to finish":
                release.set()

    daemon = make_daemon(clock, job, executor=ThreadPoolExecutor(max_workers=1))
    caplog.set_level(logging.INFO, logger="paperbot")
    daemon.scheduler.tick(datetime(2025, 3, 7, 0, 30, tzinfo=NY))
    assert started.wait(10)
    daemon.stop(signal.SIGTERM, None)  # as if the signal came while the stepped scheduler "ran"
    daemon.scheduler.start = lambda *a, **k: None  # type: ignore[method-assign]  # started above
    handler = ReleaseWhenWaiting()
    logging.getLogger("paperbot").addHandler(handler)
    try:
        assert daemon.serve() == 0
    finally:
        logging.getLogger("paperbot").removeHandler(handler)
        release.set()
    assert daemon.scheduler.state == STATE_STOPPED
    messages = caplog.messages
    assert messages[-1] == "scheduler stopped (1 run(s), 0 failed)"
    assert "waiting for the run in progress to finish" in messages
    finished = "scheduled run finished; next run 2025-03-10T00:30:00-04:00"
    assert messages.index("SIGTERM received: stopping the scheduler") < messages.index(finished)


# ---------------------------------------------------------------- the command


def test_schedule_command_runs_paperbot_run_with_its_flags(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[argparse.Namespace] = []

    def fake_run(args: argparse.Namespace, config: Config) -> int:
        seen.append(args)
        return 0

    def serve_once(self: Daemon) -> int:
        assert (self.cron, self.zone.key) == ("15 6 * * *", "Europe/Berlin")
        return self.job()

    config = tmp_path / "config.yaml"
    config.write_text('schedule:\n  cron: "15 6 * * *"\n  timezone: Europe/Berlin\n', encoding="utf-8")
    monkeypatch.setattr(cli, "_cmd_run", fake_run)
    monkeypatch.setattr(Daemon, "serve", serve_once)
    code = cli.main(["schedule", "--config", str(config), "--dry-run", "--max-proposals", "2", "--log-format", "json",
                     "--offline"])
    assert code == 0
    [args] = seen
    assert args.command == "run" and args.dry_run is True and args.max_proposals == 2
    assert args.config == config and args.log_format == "json"
    assert args.retrain is True  # schedule.retrain defaults to true: a daemon has no train workflow
    assert args.offline is True


@pytest.mark.parametrize(
    ("config_text", "flags", "retrain"),
    [
        ("schedule: {retrain: false}\n", [], False),
        ("schedule: {retrain: false}\n", ["--retrain"], True),
        ("", ["--no-retrain"], False),
    ],
)
def test_schedule_retrain_comes_from_config_and_the_flag_overrides_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, config_text: str, flags: list[str], retrain: bool
) -> None:
    seen: list[argparse.Namespace] = []
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_test")  # a real (not dry) daemon checks it at start
    monkeypatch.setenv("GITHUB_REPOSITORY", "octo-org/awesome-list")
    monkeypatch.setattr(cli, "_cmd_run", lambda args, config: seen.append(args) or 0)
    monkeypatch.setattr(Daemon, "serve", lambda self: self.job())
    config = tmp_path / "config.yaml"
    config.write_text(config_text, encoding="utf-8")
    assert cli.main(["schedule", "--config", str(config), *flags]) == 0
    assert [args.retrain for args in seen] == [retrain]


def test_a_failed_runs_reason_is_in_the_daemons_json_log(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --log-format json the daemon's error record says why, not only "exit code 1"."""
    import json

    def serve_once(self: Daemon) -> int:
        self._run_logged()
        return 0

    monkeypatch.setattr(Daemon, "serve", serve_once)
    config = tmp_path / "config.yaml"
    config.write_text("list: {readme: missing.md}\n", encoding="utf-8")
    assert cli.main(["schedule", "--config", str(config), "--dry-run", "--log-format", "json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    [failed] = [r for r in records if r["message"].startswith("scheduled run failed")]
    assert failed["level"] == "error" and "(cannot read list " in failed["message"]
    assert "missing.md" in failed["message"]


def test_a_daemon_without_a_token_stops_at_start_not_at_its_first_tick(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(Daemon, "serve", lambda self: pytest.fail("must not start serving"))
    config = tmp_path / "config.yaml"
    config.write_text('schedule:\n  cron: "0 0 1 1 *"\n  timezone: UTC\n', encoding="utf-8")
    code = cli.main(["schedule", "--config", str(config)])
    assert code == 2
    assert capsys.readouterr().err == (
        "paperbot: error: no GitHub token: set GITHUB_TOKEN (or github.token in config), or use --dry-run\n")


def test_schedule_command_with_bad_timezone_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("schedule:\n  timezone: Mars/Olympus\n", encoding="utf-8")
    assert cli.main(["schedule", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("paperbot: error: ") and "schedule.timezone" in err and err.count("\n") == 1


def test_schedule_with_a_bad_cap_stops_at_start_not_at_every_tick(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Daemon, "serve", lambda self: pytest.fail("the daemon started"))
    assert cli.main(["schedule", "--config", str(REPO / "config.yaml"), "--max-proposals", "500"]) == 2
    assert capsys.readouterr().err == "paperbot: error: --max-proposals 500: must be between 0 and 100\n"


def test_next_run_uses_the_injected_clock(clock: FakeClock) -> None:
    daemon = make_daemon(clock, lambda: 0)
    assert daemon.next_run() == datetime(2025, 3, 7, 0, 30, tzinfo=NY)
    clock.now += timedelta(days=1)
    assert daemon.next_run() == datetime(2025, 3, 10, 0, 30, tzinfo=NY)


def test_a_time_skipped_by_spring_dst_fires_just_after_the_gap() -> None:
    # 02:30 did not exist in New York on 9 March 2025 (02:00 -> 03:00): that day fires at 03:30 EDT.
    times = fire_times("30 2 * * *", "America/New_York", datetime(2025, 3, 8, 12, tzinfo=NY), 3)
    assert [t.isoformat() for t in times] == [
        "2025-03-09T03:30:00-04:00",
        "2025-03-10T02:30:00-04:00",
        "2025-03-11T02:30:00-04:00",
    ]


def test_the_repeated_autumn_hour_runs_once(clock: FakeClock) -> None:
    calls: list[datetime] = []
    daemon = make_daemon(clock, lambda: calls.append(clock.now) or 0, cron="30 1 * * *")
    first = datetime(2025, 11, 2, 1, 30, tzinfo=NY)  # EDT, fold=0
    daemon.scheduler.tick(first)
    daemon.scheduler.tick(datetime(2025, 11, 2, 1, 30, fold=1, tzinfo=NY))  # the same wall time, an hour later
    assert len(calls) == 1
    assert daemon.scheduler.get_job("paperbot-run").next_run_time == datetime(2025, 11, 3, 1, 30, tzinfo=NY)


def test_paperbot_schedule_process_exits_0_on_sigterm(tmp_path: Path) -> None:
    """The real command in its own process: starts, logs its next run, and SIGTERM ends it with exit 0."""
    import subprocess
    import sys

    config = tmp_path / "config.yaml"
    config.write_text('schedule:\n  cron: "0 0 1 1 *"\n  timezone: UTC\n', encoding="utf-8")
    env = {**os.environ, "GITHUB_TOKEN": "ghp_test", "GITHUB_REPOSITORY": "octo-org/awesome-list"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "schedule", "--config", str(config), "--log-format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env,
    )
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()  # blocks until the daemon has started
        assert '"message": "paperbot schedule: cron \'0 0 1 1 *\' in UTC; next run ' in first
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert out == ""
    assert '"message": "SIGTERM received: stopping the scheduler"' in err
    assert '"message": "scheduler stopped (0 run(s), 0 failed)"' in err


def test_a_second_ctrl_c_stops_at_once_instead_of_waiting_for_the_run(tmp_path: Path) -> None:
    """The first SIGINT waits for the run in progress; a second one means now (exit 130), not in a minute."""
    import subprocess
    import sys
    import time

    script = tmp_path / "daemon.py"
    script.write_text(
        "import logging, signal, sys, threading, time\n"
        "from bot.schedule import Daemon\n"
        # as a daemon started from a terminal has it, whatever the test runner's own SIGINT disposition
        # (a runner started in the background may pass SIGINT on ignored, and then so is the second Ctrl-C)
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "logging.basicConfig(level=logging.INFO, stream=sys.stderr, format='%(message)s')\n"
        "daemon = Daemon(lambda: time.sleep(60) or 0, cron='0 0 1 1 *', timezone='UTC')\n"
        "threading.Thread(target=daemon._run_once).start()  # a run in progress, as a tick would start it\n"
        "sys.exit(daemon.serve())\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen([sys.executable, str(script)], stderr=subprocess.PIPE, text=True, cwd=REPO)

    def wait_for(text: str) -> None:
        """Read stderr up to a line holding `text`; a daemon that died first ends the test, not hangs it."""
        assert proc.stderr is not None
        lines: list[str] = []
        while text not in (line := proc.stderr.readline()):
            assert line, f"the daemon ended before saying {text!r}: {''.join(lines)}"
            lines.append(line)

    try:
        wait_for("paperbot schedule: cron")  # serving, with the run going
        proc.send_signal(signal.SIGINT)
        wait_for("waiting for the run in progress to finish")
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130 and time.monotonic() - started < 10
    assert "interrupted again: stopping now; the run in progress is cut off" in err
