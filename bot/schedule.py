"""`paperbot schedule`: the daily job in a long-running process, on the cron in config (APScheduler 3).

Runs never overlap (one instance; a tick that arrives while a run is still going is skipped and logged),
late ticks collapse into one run (after a laptop sleeps through several days there is one run, not
three), a failed run is one log line and the next tick simply tries again, and SIGTERM/SIGINT stop the
loop cleanly: no new run starts, a run in progress finishes, the process exits 0. A second SIGINT or
SIGTERM stops at once (exit 130, or the signal's default).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, JobSubmissionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger

log = logging.getLogger("paperbot.schedule")

# APScheduler's own chatter ("Adding job tentatively", "Scheduler started") says nothing a maintainer needs;
# skipped ticks and failed runs are logged by the daemon itself in plain words.
_apscheduler_log = logging.getLogger("paperbot.apscheduler")
_apscheduler_log.setLevel(logging.ERROR)

JOB_ID = "paperbot-run"
WAKE_EVERY_POLLS = 60  # polls between looks at the wall clock (a minute at 1 s)
POLL_SECONDS = 1.0
Job = Callable[[], int]

# Crontab numbers weekdays 0-7 from Sunday (0 and 7); APScheduler 3 numbers them from Monday = 0, so
# `from_crontab("30 0 * * 1-5")` would fire Tuesday to Saturday (APScheduler issue #286). Weekdays are
# therefore translated to names before they reach APScheduler.
_CRON_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def _weekday_number(token: str, cron: str) -> int:
    token = token.strip().lower()
    if token in _CRON_DAYS:
        return _CRON_DAYS.index(token)
    if token.isdigit() and 0 <= int(token) <= 7:
        return int(token) % 7
    raise ValueError(f"weekday {token!r} in {cron!r} must be 0-7 (0 and 7 are Sunday) or sun..sat")


def crontab_weekdays(field: str, cron: str = "") -> str:
    """A crontab day-of-week field as APScheduler 3 reads it: '*' or a list of day names."""
    if field == "*":
        return "*"
    days: set[int] = set()
    for part in field.split(","):
        span, _, step_text = part.partition("/")
        if step_text and not (step_text.isdigit() and int(step_text) > 0):
            raise ValueError(f"step {step_text!r} in {cron!r} must be a positive number")
        step = int(step_text) if step_text else 1
        if span == "*":
            first, last = 0, 6
        elif "-" in span:
            low, high = span.split("-", 1)
            first, last = _weekday_number(low, cron), _weekday_number(high, cron)
            if low.strip() == "7":
                first = 7  # "7-7" is Sunday alone, not 0 to 7 (every day)
            if high.strip() == "7":
                last = 7  # "5-7" is Friday to Sunday
            if first > last:
                raise ValueError(f"weekday range {span!r} in {cron!r} runs backwards")
        else:
            first = last = _weekday_number(span, cron)
        days.update(day % 7 for day in range(first, last + 1, step))
    # APScheduler's own order (Monday first) keeps the expression readable in logs.
    return ",".join(_CRON_DAYS[d] for d in (1, 2, 3, 4, 5, 6, 0) if d in days)


class CrontabTrigger(BaseTrigger):
    """Crontab fields matched against the wall clock of an IANA timezone.

    APScheduler 3.11's CronTrigger adds a day as 24 real hours, so after a spring DST change a job before
    the change hour skips a day (00:30 New York fires Friday 7 March 2025, then Tuesday 11 March). Here the
    fields are matched on naive wall-clock time (a CronTrigger in UTC, where days are always 24 hours) and
    the result is placed in the zone: every day fires once; a time that does not exist on a spring night
    fires just after the gap; a time that occurs twice on an autumn night fires once, at its first occurrence.
    """

    def __init__(self, cron: str, timezone: str) -> None:
        fields = cron.split()
        if len(fields) != 5:
            raise ValueError(f"{cron!r} must have 5 fields: minute hour day month weekday")
        minute, hour, day, month, weekday = fields
        self.cron = cron
        self.timezone = ZoneInfo(timezone)
        # One field at a time, in crontab's order, so an error names the first bad field.
        for name, value in (("minute", minute), ("hour", hour), ("day", day), ("month", month)):
            CronTrigger(**{name: value}, timezone=UTC)
        days = crontab_weekdays(weekday, cron)
        # crontab: when both day fields are restricted, a day matching either one fires (man 5 crontab);
        # one APScheduler trigger would need both ("13 * 5": every 13th and every Friday, not Friday 13th).
        both = not day.startswith("*") and not weekday.startswith("*")
        pairs = [(day, "*"), ("*", days)] if both else [(day, days)]
        self._walls = [
            CronTrigger(minute=minute, hour=hour, day=d, month=month, day_of_week=w, timezone=UTC) for d, w in pairs
        ]

    def _wall_next(self, previous: datetime | None, now: datetime) -> datetime | None:
        times = [t for t in (w.get_next_fire_time(previous, now) for w in self._walls) if t is not None]
        return min(times, default=None)

    def _wall_time(self, when: datetime) -> datetime:
        return when.astimezone(self.timezone).replace(tzinfo=UTC, fold=0)

    def _local_time(self, wall: datetime) -> datetime:
        local = wall.replace(tzinfo=self.timezone)
        return datetime.fromtimestamp(local.timestamp(), self.timezone)  # normalises a spring-gap time

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        wall_previous = self._wall_time(previous_fire_time) if previous_fire_time else None
        wall_now = self._wall_time(now)
        # On the autumn night the wall clock runs an hour twice; a wall time may then map to an instant
        # already past. Step over it (at most a couple of times).
        for _ in range(4):
            wall_next = self._wall_next(wall_previous, wall_now)
            if wall_next is None:
                return None
            local = self._local_time(wall_next)
            if (local > previous_fire_time) if previous_fire_time else (local >= now):
                return local
            wall_previous, wall_now = None, wall_next + timedelta(seconds=1)
        return None

    def __str__(self) -> str:
        return f"crontab[{self.cron} {self.timezone.key}]"

    def __repr__(self) -> str:
        return f"<CrontabTrigger ({self.cron!r}, timezone={self.timezone.key!r})>"


def crontab_trigger(cron: str, timezone: str) -> CrontabTrigger:
    """A trigger reading `cron` the way crontab does, in an IANA timezone (DST handled)."""
    return CrontabTrigger(cron, timezone)


class Daemon:
    """Runs `job` on a cron schedule until stopped; the scheduler is injectable so tests can step it."""

    def __init__(
        self,
        job: Job,
        *,
        cron: str,
        timezone: str,
        verbose: bool = False,
        scheduler: BaseScheduler | None = None,
        now: Callable[[], datetime] | None = None,
        reason: Callable[[], str] | None = None,
    ) -> None:
        self.job = job
        self.reason = reason  # why the last run failed (its one error line), for the daemon's own log record
        self.verbose = verbose
        self.zone = ZoneInfo(timezone)
        self.trigger = crontab_trigger(cron, timezone)
        self.cron = cron
        self._now = now or (lambda: datetime.now(self.zone))
        self.scheduler = scheduler or BackgroundScheduler(
            timezone=self.zone,
            # One worker: even a second job could not run beside the first.
            executors={"default": ThreadPoolExecutor(max_workers=1)},
            logger=_apscheduler_log,
        )
        self.scheduler.add_job(
            self._run_once,
            self.trigger,
            id=JOB_ID,
            name="paperbot run",
            max_instances=1,  # never two runs at once: a tick during a run is skipped
            coalesce=True,  # ticks missed while the machine slept become one run
            misfire_grace_time=None,  # a late run is better than none
        )
        self.scheduler.add_listener(self._skipped, EVENT_JOB_MAX_INSTANCES)
        self.runs = 0
        self.failures = 0
        self.skipped = 0
        self._idle = threading.Event()
        self._idle.set()
        self._previous: dict[int, Any] = {}
        self._stop = threading.Event()

    def next_run(self) -> datetime | None:
        """The first tick strictly after now (a run that just started at its tick names the next one)."""
        now = self._now()
        return self.trigger.get_next_fire_time(now, now)

    def _next_text(self) -> str:
        nxt = self.next_run()
        return nxt.isoformat() if nxt else "never"

    def _run_once(self) -> None:
        """One scheduled run. Never raises: a failure is logged and the next tick tries again."""
        self.runs += 1
        self._idle.clear()
        try:
            self._run_logged()
        finally:
            self._idle.set()

    def _run_logged(self) -> None:
        log.info("scheduled run starting")
        try:
            code = self.job()
        except Exception as exc:  # a bug in the run: keep the daemon alive, say what happened
            self.failures += 1
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
            log.error(
                "scheduled run failed (%s); will try again at the next tick, %s",
                reason,
                self._next_text(),
                exc_info=self.verbose,
            )
            return
        if code != 0:
            self.failures += 1
            why = self.reason() if self.reason is not None else ""
            log.error(
                "scheduled run failed with exit code %d%s; will try again at the next tick, %s",
                code,
                f" ({why})" if why else "",
                self._next_text(),
            )
        else:
            log.info("scheduled run finished; next run %s", self._next_text())

    def _skipped(self, event: JobSubmissionEvent) -> None:
        self.skipped += 1
        when = ", ".join(t.isoformat() for t in event.scheduled_run_times)
        log.warning("tick at %s skipped: the previous run is still in progress", when)

    def stop(self, signum: int | None = None, frame: FrameType | None = None) -> None:
        """Signal handler: serve() returns; no new run starts, a run in progress finishes first."""
        name = signal.Signals(signum).name if signum else "stop"
        log.info("%s received: stopping the scheduler", name)
        # A second Ctrl-C / SIGTERM is not swallowed: the handlers from before serve() take over again.
        if threading.current_thread() is threading.main_thread():
            self._restore_signals()
        # Only a flag: the handler may interrupt the main thread anywhere, even inside scheduler.start();
        # serve() shuts the scheduler down once its wait returns.
        self._stop.set()

    def _restore_signals(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._previous = {}

    def serve(self) -> int:
        """Run until SIGTERM/SIGINT; exit code 0."""
        self._previous = {sig: signal.signal(sig, self.stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        log.info(
            "paperbot schedule: cron %r in %s; next run %s; SIGTERM or Ctrl-C stops",
            self.cron,
            self.zone.key,
            self._next_text(),
        )
        try:
            self.scheduler.start()
            # Short waits, not one long one: Python runs signal handlers in the main thread between waits,
            # and a signal the kernel hands to another thread does not interrupt a wait.
            polls = 0
            while not self._stop.wait(POLL_SECONDS):
                polls += 1
                if polls % WAKE_EVERY_POLLS == 0:
                    # The scheduler sleeps on a monotonic clock, which stops while the machine is suspended:
                    # after a laptop's weekend asleep it would wait out the whole sleep again. Make it look at
                    # the wall clock now and then, so a run due during the sleep starts within a minute.
                    self.scheduler.wakeup()
        except BaseException:
            self._restore_signals()
            raise
        self._restore_signals()
        try:
            if self.scheduler.state != STATE_STOPPED:
                self.scheduler.shutdown(wait=False)  # no new run; a run in progress goes on
            if not self._idle.is_set():
                log.info("waiting for the run in progress to finish")
                while not self._idle.wait(POLL_SECONDS):
                    pass
        except KeyboardInterrupt:
            if self._idle.is_set():
                raise
            # A second Ctrl-C means now: the run's thread would otherwise keep the process alive to its end
            # (and maybe open a PR after the user gave up on it). A half-made bot branch is reused next time.
            log.warning("interrupted again: stopping now; the run in progress is cut off")
            logging.shutdown()
            os._exit(130)
        log.info("scheduler stopped (%d run(s), %d failed)", self.runs, self.failures)
        return 0
