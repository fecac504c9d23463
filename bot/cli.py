"""Commands only: parse arguments, load config, call one pipeline function, print, return an exit code.

Exit codes: 0 success, 1 the run failed (a source, the network, GitHub), 2 usage or config error, 130 or 143 a
run cancelled by SIGINT or SIGTERM.
Errors a user can cause are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import math
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from bot import __version__
from bot.config import Config, load_config
from bot.errors import Cancelled, PaperbotError, UsageError

log = logging.getLogger("paperbot")

Handler = Callable[[argparse.Namespace, Config], int]


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as our one-line error with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        # The top-level parser's prog is "paperbot", which the error line already starts with.
        where = "" if self.prog == "paperbot" else f"{self.prog}: "
        raise UsageError(f"{where}{message} (see `{self.prog} --help`)")


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def _common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS lets the same option be given before or after the subcommand.
    parser.add_argument(
        "--config", type=Path, default=argparse.SUPPRESS,
        help="config file (default: ./config.yaml, else ./paperbot.yaml)",
    )
    parser.add_argument(
        "--log-format", choices=["text", "json"], default=argparse.SUPPRESS,
        help="log format; json is meant for the GitHub Action (default: from config)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="debug logs")


# ---------------------------------------------------------------- command handlers


def _cmd_sections(args: argparse.Namespace, config: Config) -> int:
    import json

    from bot.listfile import read_list

    plist = read_list(args.readme or config.list.readme)
    if args.json:
        print(json.dumps(plist.sections_json(), indent=2, ensure_ascii=False))
        return 0
    for line in plist.tree_lines():
        print(line)
    print(
        f"{len(plist.sections)} sections, {len(plist.entries)} entries, {len(plist.keys())} distinct works, "
        f"{len(plist.arxiv_ids())} arXiv ids ({plist.source})"
    )
    return 0


def _arxiv_id_arg(raw: str) -> str:
    """Exactly an id (arXiv:, version allowed) or a link to the paper (arxiv.org, alphaXiv, Hugging Face): a
    typo such as x2401.12345 must not quietly become 2401.12345."""
    from bot.arxiv_api import normalize_id
    from bot.papers import arxiv_id_from_url

    arxiv_id = arxiv_id_from_url(raw.strip()) or normalize_id(raw.strip())
    if arxiv_id is None:
        raise UsageError(
            f"{raw!r} is not an arXiv id (expected e.g. 2503.14023, arXiv:2503.14023v2 or "
            "https://arxiv.org/abs/2503.14023)"
        )
    return arxiv_id


def _cmd_add(args: argparse.Namespace, config: Config) -> int:
    from bot.arxiv_api import resolve
    from bot.files import atomic_write_text
    from bot.listfile import aside_refusal, curated_refusal, read_list
    from bot.papers import Paper

    arxiv_id = _arxiv_id_arg(args.arxiv_id)
    readme = args.readme or config.list.readme
    plist = read_list(readme)
    try:
        section = plist.find_section(args.section)
    except UsageError:
        # `Papers > 2025` on a list whose newest year is 2024: the heading a run would add for a 2025 paper
        if (year := plist.with_year_heading(args.section)) is None:
            raise
        plist, section = year
    if not plist.entries_of(section, recursive=True) and (others := plist.other_bullets(section)):
        raise UsageError(f"section {' > '.join(section.path)!r} holds no papers: its {others} bullet(s) are not "
                         "paper entries (a table of contents, a changelog, the list's contributors?); name a section "
                         "of papers (`paperbot sections`)")
    if plist.is_aside(section):  # `## Star History` over an image, `# 📢 News` over sub-headings: no bullets to say so
        raise UsageError(aside_refusal(section))
    if plist.is_curated(section):  # `## ⭐ Starter Kit`: its papers are under their topics too
        raise UsageError(curated_refusal(plist, section))
    if (where := plist.place_of(Paper(arxiv_id=arxiv_id, title=""))) is not None:
        raise PaperbotError(f"{arxiv_id} is already on the list in {' > '.join(where)} ({readme}); nothing added")
    _check_output("--output" if args.output else "--readme", args.output or readme)  # before asking arXiv
    metadata = args.metadata
    if metadata is None and config.list.metadata is not None and Path(config.list.metadata).exists():
        metadata = config.list.metadata
    kept = _own_files(args, config, config.state.path)
    _not_an_input("--output", args.output, {"the metadata file": metadata, "the arXiv API cache": kept.pop(
        "the arXiv API cache"), "the config file": kept.pop("the config file")})
    _not_an_input("--output", args.output, kept, reads="which paperbot keeps")  # a later command would break
    resolution = resolve([arxiv_id], config, metadata=metadata, offline=args.offline)
    paper = resolution.papers.get(arxiv_id)
    if paper is None:
        reason = getattr(resolution, "errors", {}).get(arxiv_id, "not found")
        raise PaperbotError(
            f"no metadata for {arxiv_id} ({reason}); pass --metadata FILE with a line for it (id, title, authors)"
        )
    updated = plist.with_entry(paper, section)
    output = args.output or readme
    added = next(e for e in updated.entries if e.arxiv_id == arxiv_id)  # read back
    atomic_write_text(output, updated.to_text())
    path = updated.section_by_id(added.section_id).path  # as the list names it now: `(40)` where it said `(39)`
    print(f"added {arxiv_id} to {' > '.join(path)} at {output}:{added.line + 1}")
    print("".join(updated.lines[added.line:added.end_line]).rstrip("\r\n"))
    return 0


def _cmd_fetch(args: argparse.Namespace, config: Config) -> int:
    import json
    from datetime import UTC, datetime

    from bot.arxiv_api import contact_for
    from bot.feeds import read_feeds
    from bot.state import State

    sources = args.feed or list(config.feeds.urls)
    state = None
    if not args.no_state:
        state = State.load(_state_path(args, config))
    result = read_feeds(
        sources,
        announce_types=config.feeds.announce_types,
        seen=state if state is not None else (),
        timeout=config.feeds.timeout_seconds,
        contact=contact_for(config),
        retries=config.feeds.retries,
    )
    if args.json:
        doc = {
            "papers": [
                {
                    "arxiv_id": p.arxiv_id,
                    "version": p.version,
                    "title": p.title,
                    "abstract": p.abstract,
                    "authors": list(p.authors),
                    "categories": list(p.categories),
                    "announce_type": p.announce_type,
                    "published": p.published or p.announced,  # a feed says when it announced the paper
                }
                for p in result.papers
            ],
            "stats": result.stats.to_json(),
            "failures": [{"source": f.source, "reason": f.reason} for f in result.failures],
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        for p in result.papers:
            version = f"v{p.version}" if p.version else ""
            print(f"{p.arxiv_id}{version}  [{p.announce_type}]  {', '.join(p.categories)}")
            print(f"    {p.title}")
            if p.authors:
                print(f"    {', '.join(p.authors)}")
        st = result.stats
        print(
            f"{st.kept} kept of {st.items} items from {st.feeds} feed(s): new {st.new}, cross {st.cross}, "
            f"replace {st.replace}, replace-cross {st.replace_cross}; {st.duplicates} duplicates "
            f"({st.seen} seen in earlier runs)"
        )
    sys.stdout.flush()  # shown before they are recorded as seen: a failed output must not hide them for good
    if state is not None and result.papers:
        state.mark_seen((p.arxiv_id for p in result.papers), datetime.now(UTC).date().isoformat())
        state.save()
    return _feed_failures(result.failures)


def _cmd_train(args: argparse.Namespace, config: Config) -> int:
    import json

    from bot.model import format_training_report, train_models
    from bot.publish import training_negatives

    models_dir = args.models or config.training.models_dir
    rejected = training_negatives(config, state_path=args.state, offline=args.offline)
    if rejected:
        log.info("training with %d paper(s) maintainers rejected as extra negatives", len(rejected))
    _, report = train_models(
        config,
        readme=args.readme or config.list.readme,
        metadata=args.metadata or config.list.metadata,
        background=args.background or config.training.background,
        models_dir=models_dir,
        offline=args.offline,
        extra_negatives=rejected,
        evaluate=not args.no_estimate,
    )
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for line in format_training_report(report):
            print(line)
    return 0


def _write_json(target: Path, doc: dict) -> None:
    """--json OUT: '-' is stdout, anything else a file written atomically."""
    import json

    from bot.files import atomic_write_text

    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    if str(target) == "-":
        _emit(text, end="")
    else:
        atomic_write_text(target, text)


def _emit(text: str, end: str = "\n") -> None:
    """Print and flush now, so a full disk or a failed redirect is known before state is saved."""
    sys.stdout.write(text + end)
    sys.stdout.flush()


class _GuardedStdout:
    """sys.stdout while a command runs: a failed write (`> /dev/full`, a dead redirect) becomes the usual
    one-line error instead of a traceback; a reader that left (`| head`) stays BrokenPipeError."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream  # None: started with stdout closed (`>&-`)

    def _guarded(self, call: Callable[..., Any], *args: Any) -> Any:
        if self._stream is None:
            raise PaperbotError("cannot write to standard output: it is closed (run without `>&-`, or redirect "
                                "it to a file or /dev/null)")
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            _quiet_stdout(self._stream)
            raise PaperbotError(f"cannot write to standard output: {exc.strerror or exc}") from None

    def write(self, text: str) -> int:
        return self._guarded(lambda: self._stream.write(text))  # type: ignore[union-attr]

    def flush(self) -> None:
        self._guarded(lambda: self._stream.flush())  # type: ignore[union-attr]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _check_output(flag: str, path: Path | None) -> None:
    """An output the user named must be writable before the work that fills it, not found out after."""
    from bot.files import check_writable

    if path is None or str(path) == "-":
        return
    try:
        check_writable(path)
    except PaperbotError as exc:
        raise UsageError(f"{flag}: {exc}") from None


def _not_an_input(flag: str, out: Path | None, inputs: dict[str, Path | str | None], *,
                  reads: str = "which this command reads") -> None:
    """An output must not be a file the command reads: `--json README.md` would replace the list itself."""
    import os

    if out is None or str(out) == "-":
        return
    target = os.path.realpath(out)
    for what, path in inputs.items():
        if not path or "://" in str(path):
            continue
        source = os.path.realpath(path)
        # inside a folder it reads (the models, the embedding cache), made yet or not
        if target == source or (not os.path.isfile(source) and target.startswith(source + os.sep)):
            raise UsageError(f"{flag} {out}: that is {what}, {reads}; write somewhere else")


def _own_files(args: argparse.Namespace, config: Config, state_path: Path | None) -> dict[str, Path | str | None]:
    """The files and folders paperbot keeps besides the list: no output may land on one of them."""
    return {
        "the models directory": getattr(args, "models", None) or config.training.models_dir,
        "the state file": state_path,
        "the config file": getattr(args, "config", None),
        "the list's metadata": config.list.metadata,
        "the background papers": config.training.background,
        "the arXiv API cache": config.arxiv_api.cache,
        "the embedding cache": config.embedding.cache_dir,
    }


def _scan_inputs(args: argparse.Namespace, config: Config, state_path: Path | None) -> dict[str, Path | str | None]:
    """What scan and run read, for `_not_an_input`."""
    inputs: dict[str, Path | str | None] = {
        "the list README": args.readme or config.list.readme, **_own_files(args, config, state_path)}
    for n, feed in enumerate(args.feed or config.feeds.urls):
        inputs[f"feed {n + 1}"] = feed
    return inputs


def _state_path(args: argparse.Namespace, config: Config) -> Path:
    """The state file a command will write, checked first: it is saved after the feeds are read."""
    path = args.state or config.state.path
    _check_output("--state" if args.state else "state.path", path)
    return path


def _feed_failures(failures: Sequence) -> int:
    """One stderr line per failed feed; the exit code says a source failed while the others were used."""
    for failure in failures:
        print(f"paperbot: error: feed failed: {failure.source}: {failure.reason}", file=sys.stderr)
    return 1 if failures else 0


def _with_flags(config: Config, args: argparse.Namespace) -> Config:
    """--threshold, --threshold-after-first and --max-proposals over config.yaml, checked the same way."""
    from bot.propose import with_overrides

    return with_overrides(config, threshold=args.threshold, max_proposals=args.max_proposals,
                          after_first=args.threshold_after_first)


def _cmd_scan(args: argparse.Namespace, config: Config) -> int:
    from bot.propose import explain_flags, format_proposals, load_scan_inputs, scan

    config = _with_flags(config, args)
    _check_output("--json", args.json)
    state_path = _state_path(args, config)
    if args.json is not None and str(args.json) != "-" and Path(args.json).resolve() == Path(state_path).resolve():
        raise UsageError(f"--json {args.json} is the state file: the state would overwrite the proposals")
    _not_an_input("--json", args.json, _scan_inputs(args, config, state_path))
    plist, model, state = load_scan_inputs(config, readme=args.readme, models=args.models, state_path=state_path)
    feeds = args.feed or config.feeds.urls
    result = scan(config, feeds=feeds, plist=plist, model=model, state=state)
    # The proposals first, shown and flushed: state marks these papers seen, so a proposal lost after it
    # (an output that fails) would be lost for good; shown twice is the safe side.
    if args.json is not None:
        _write_json(args.json, result.to_json())
    if args.json is None or str(args.json) != "-":
        # The explain command a quiet day names works as printed: this scan's options and its feed files.
        options = [("--config", getattr(args, "config", None)), ("--readme", args.readme), ("--models", args.models),
                   ("--state", args.state), ("--threshold", args.threshold),
                   ("--threshold-after-first", args.threshold_after_first), ("--max-proposals", args.max_proposals)]
        _emit(format_proposals(result, explain_flags(feeds=feeds, options=options)))
    state.save()
    return _feed_failures(result.failures)


def _cmd_explain(args: argparse.Namespace, config: Config) -> int:
    import json

    from bot.arxiv_api import resolve
    from bot.propose import explain, format_explanations, load_scan_inputs, seen_papers

    config = _with_flags(config, args)
    ids = [_arxiv_id_arg(raw) for raw in args.arxiv_ids]
    plist, model, state = load_scan_inputs(config, readme=args.readme, models=args.models,
                                           state_path=args.state or config.state.path)
    # The user's file; the feeds and the state, where a scan saw the paper; the list's own metadata (a paper on
    # the list); then the cache and the API.
    user = args.metadata if args.metadata is not None and Path(args.metadata).exists() else None
    papers: dict = {}
    errors: dict[str, str] = {}
    if user is not None:
        resolution = resolve(list(dict.fromkeys(ids)), config, metadata=user, offline=True)
        papers.update(resolution.papers)
        errors.update(resolution.errors)
    seen = seen_papers(config, [i for i in dict.fromkeys(ids) if i not in papers], feeds=args.feed or (),
                       state=state)
    papers.update(seen)
    sources = [m for m in (config.list.metadata,) if m is not None and Path(m).exists()]
    for n, source in enumerate([*sources, None]):
        wanted = [i for i in dict.fromkeys(ids) if i not in papers]
        if not wanted:
            break
        resolution = resolve(wanted, config, metadata=source, offline=args.offline or n < len(sources))
        papers.update(resolution.papers)
        errors.update(resolution.errors)
    missing = [i for i in dict.fromkeys(ids) if i not in papers]
    if missing:
        reasons = "; ".join(f"{i}: {errors.get(i, 'not found')}" for i in missing)
        raise PaperbotError(f"no metadata for {reasons}; pass --feed SRC with the feed a scan read it in, or "
                            "--metadata FILE with a line for each (id, title, abstract)")
    explanations = explain(config, [papers[i] for i in dict.fromkeys(ids)], plist=plist, model=model, state=state)
    if args.json:
        print(json.dumps({"papers": [x.to_json() for x in explanations]}, indent=2, ensure_ascii=False))
    else:
        print(format_explanations(explanations, config))
    return 0


def _cmd_evaluate(args: argparse.Namespace, config: Config) -> int:
    import json

    from bot.evaluate import evaluate, write_report

    config = _with_flags(config, args)
    report_dir = args.report or Path("report")
    for name in ("report.md", "replay.png"):  # both, before the minutes of replay that fill them
        _check_output("--report", report_dir / name)
    result = evaluate(
        config,
        readme=args.readme or config.list.readme,
        metadata=args.metadata or config.list.metadata,
        background=args.background or config.training.background,
        feeds_dir=args.feeds,
        holdout_from=args.holdout_from,
        offline=args.offline,
        budget=args.budget,
    )
    md, png = write_report(result, report_dir)
    if args.json:
        print(json.dumps({**result.to_json(), "report": str(md), "plot": str(png)}, indent=2, ensure_ascii=False))
    else:
        print(result.headline())
        print(result.best_line())
        print(result.out_of_sample_line())
        print(result.calibration_line())
        print(result.issue_line())
        print(f"report: {md}  plot: {png}")
    return 0


def _cmd_run(args: argparse.Namespace, config: Config) -> int:
    from datetime import UTC, datetime

    from bot.publish import append_step_summary, run_job, step_summary, summary

    config = _with_flags(config, args)
    _check_output("--json", args.json)
    _not_an_input("--json", args.json, _scan_inputs(args, config, args.state or config.state.path))
    today = datetime.now(UTC).date().isoformat()
    # `--json -`: stdout is the JSON alone (as with scan); the dry run's diff and body and the summary go to
    # stderr, so `paperbot run --json - | jq` works.
    text_out = sys.stderr if args.json is not None and str(args.json) == "-" else sys.stdout
    report = run_job(config, dry_run=args.dry_run, feeds=args.feed, readme=args.readme, models=args.models,
                     state_path=args.state, retrain=args.retrain, offline=args.offline, today=today, out=text_out)
    _uncancellable()  # the work is done and saved: what is left says so, and is not cut short to say otherwise
    if args.json is not None:
        _write_json(args.json, report.to_json())
    for line in summary(report, dry_run=args.dry_run):
        print(line, file=text_out)
    append_step_summary(step_summary(report, date=today, dry_run=args.dry_run))
    return _feed_failures(report.scan.failures)


def _cmd_schedule(args: argparse.Namespace, config: Config) -> int:
    from functools import partial

    from bot.propose import with_overrides
    from bot.schedule import Daemon

    with_overrides(config, max_proposals=args.max_proposals)  # a bad value stops now, not at every tick
    if not args.dry_run:  # nor a missing token: the first tick may be days away
        from bot.github import GitHubForge

        GitHubForge.from_config(config)
    # Each tick is exactly `paperbot run` with the same config and flags: main() reloads the config, so an
    # edited config.yaml (thresholds, feeds) applies from the next run; the cron itself is read once.
    run_argv = ["run"]
    forwarded = (("--config", getattr(args, "config", None)), ("--log-format", getattr(args, "log_format", None)))
    for flag, value in forwarded:
        if value is not None:
            run_argv += [flag, str(value)]
    if getattr(args, "verbose", False):
        run_argv.append("--verbose")
    if args.dry_run:
        run_argv.append("--dry-run")
    if args.max_proposals is not None:
        run_argv += ["--max-proposals", str(args.max_proposals)]
    # A daemon has no train workflow: once a maintainer merges its PR, only retraining keeps it proposing.
    if config.schedule.retrain if args.retrain is None else args.retrain:
        run_argv.append("--retrain")
    if args.offline:
        run_argv.append("--offline")
    daemon = Daemon(
        partial(main, run_argv),
        cron=config.schedule.cron,
        timezone=config.schedule.timezone,
        verbose=getattr(args, "verbose", False),
        reason=lambda: _last_error[0] if _last_error else "",  # in the JSON log too, not only on stderr
    )
    return daemon.serve()


def _cmd_demo(args: argparse.Namespace, config: Config) -> int:
    from bot.demo import run_demo

    run_demo(sys.stdout)  # embedded defaults only: the demo ignores config.yaml by design
    return 0


# ---------------------------------------------------------------- parser


def _training_inputs(p: argparse.ArgumentParser) -> None:
    """What train and evaluate learn from; both default to the config's files."""
    p.add_argument("--readme", type=Path, help="the list's README (default: config list.readme)")
    p.add_argument("--metadata", type=Path, help="JSONL metadata for list entries (default: config)")
    p.add_argument("--background", type=Path, help="JSONL(.gz) of background arXiv papers (default: config)")


def _scan_options(p: argparse.ArgumentParser) -> None:
    """Options shared by `scan` and `run` (run takes every option scan takes)."""
    p.add_argument("--feed", action="append", metavar="SRC", help="feed URL or file (repeatable; default: config)")
    p.add_argument("--readme", type=Path, help="the list's README (default: config list.readme)")
    p.add_argument("--models", type=Path, help="trained models directory (default: config training.models_dir)")
    p.add_argument("--state", type=Path, help="state file (default: config state.path)")
    _override_options(p)


def _override_options(p: argparse.ArgumentParser) -> None:
    """The flags over config.yaml's selection rules (scan, run, explain)."""
    p.add_argument("--max-proposals", type=int, metavar="N", help="override max_proposals_per_run")
    p.add_argument("--threshold", type=float, metavar="P", help="override thresholds.relevance")
    p.add_argument(
        "--threshold-after-first", type=float, metavar="P", help="override thresholds.relevance_after_first"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="paperbot",
        description="Finds new arXiv papers for a curated paper list and proposes them as pull requests.",
    )
    parser.add_argument("--version", action="version", version=f"paperbot {__version__}")
    _common(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, handler: Handler, help_text: str, description: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=description)
        _common(p)
        p.set_defaults(handler=handler)
        return p

    p = command(
        "sections", _cmd_sections, "show the list's section tree with entry counts",
        "Parse the list README into its section tree (headings, bold groups, italic sub-groups) and "
        "print it with entry counts; --json prints the machine-readable shape other tools rely on.",
    )
    p.add_argument("--readme", type=Path, help="the list's README (default: config list.readme)")
    p.add_argument("--json", action="store_true", help="print JSON instead of the tree")

    p = command(
        "add", _cmd_add, "insert one arXiv paper into a section, in the list's style",
        "Insert one entry into a section in the style of that section's own entries, at the place the "
        "list's ordering implies; the rest of the file stays byte-identical.",
    )
    p.add_argument("arxiv_id", metavar="ARXIV_ID", help="e.g. 2503.14023, arXiv:2503.14023v2 or its arxiv.org link")
    p.add_argument(
        "--section", required=True, metavar="PATH",
        help='full path or unambiguous suffix, e.g. "6.3 Agent and Tool Use"',
    )
    p.add_argument("--readme", type=Path, help="the list's README (default: config list.readme)")
    p.add_argument("--metadata", type=Path, help="JSONL with id, title, abstract, categories (wins over the API)")
    p.add_argument("--output", type=Path, help="write here instead of editing --readme in place")
    p.add_argument("--offline", action="store_true", help="metadata from --metadata and the API cache only")

    p = command(
        "fetch", _cmd_fetch, "read arXiv RSS feeds and print the new papers",
        "Poll arXiv RSS feeds (URLs or files), keep new and cross-listed papers, skip replacements and "
        "papers already seen, and print them. They are recorded as seen, so a later scan or run skips "
        "them: use --no-state to look without recording.",
    )
    p.add_argument("--feed", action="append", metavar="SRC", help="feed URL or file (repeatable; default: config)")
    p.add_argument("--state", type=Path, help="state file (default: config state.path)")
    p.add_argument("--no-state", action="store_true", help="neither read nor record seen papers")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "train", _cmd_train, "learn the list: relevance and section models",
        "Train the relevance and section models from the list's entries and background arXiv papers, "
        "save them in the models directory and print what was learned.",
    )
    _training_inputs(p)
    p.add_argument("--models", type=Path, help="output directory (default: config training.models_dir)")
    p.add_argument(
        "--offline", action="store_true",
        help="do not ask the arXiv API for missing abstracts (metadata file and cache only)",
    )
    p.add_argument(
        "--state", type=Path,
        help="state file whose rejected papers are extra negatives (default: config state.path; with "
        "GITHUB_TOKEN and GITHUB_REPOSITORY: the repository's closed bot PRs and state branch)",
    )
    p.add_argument(
        "--no-estimate", action="store_true",
        help="skip the leave-one-out and cross-validation estimates: the same models, 5 times faster",
    )
    p.add_argument("--json", action="store_true", help="print the training report as JSON")

    p = command(
        "scan", _cmd_scan, "score new papers and list the ones to propose",
        "Ingest feeds, skip papers already on the list or seen before, score the rest and keep those "
        "above the thresholds (at most max_proposals_per_run); records what it saw in state.",
    )
    _scan_options(p)
    p.add_argument("--json", type=Path, metavar="OUT",
                   help="write the result (stats, proposals, held_back, near_misses) as JSON to OUT ('-': "
                        "stdout, JSON alone)")

    p = command(
        "explain", _cmd_explain, "score given papers and say what scan would do with them",
        "Score arXiv papers by id as scan does (relevance, sections, nearest entries) and say whether scan "
        "would propose them today and why not; for a paper a maintainer added by hand that the bot never "
        "proposed, or one to place. Records nothing.",
    )
    p.add_argument("arxiv_ids", nargs="+", metavar="ARXIV_ID", help="e.g. 2503.14023, arXiv:2503.14023v2 or a link")
    p.add_argument("--readme", type=Path, help="the list's README (default: config list.readme)")
    p.add_argument("--models", type=Path, help="trained models directory (default: config training.models_dir)")
    p.add_argument("--state", type=Path, help="state file, read only (default: config state.path)")
    p.add_argument("--metadata", type=Path, help="JSONL with id, title, abstract, categories (wins over the API)")
    p.add_argument("--feed", action="append", metavar="SRC",
                   help="a feed (file or URL) a scan read: the paper's title and abstract as it announced them, "
                        "without the API (repeatable)")
    p.add_argument("--offline", action="store_true", help="metadata from --metadata and the API cache only")
    _override_options(p)
    p.add_argument("--json", action="store_true", help='print JSON: {"papers": [...]}')

    p = command(
        "evaluate", _cmd_evaluate, "replay past feeds to measure recall and volume",
        "Train on the list without entries whose arXiv id is >= the hold-out prefix, replay the day files "
        "in order through the same code as scan, and report recall, proposals/day and section accuracy "
        "for a sweep of thresholds (report.md and a PNG plot).",
    )
    _training_inputs(p)
    p.add_argument("--feeds", type=Path, required=True, metavar="DIR", help="directory of YYYY-MM-DD.xml day files")
    p.add_argument("--holdout-from", required=True, metavar="ARXIV_PREFIX", help="e.g. 2503")
    p.add_argument("--report", type=Path, metavar="DIR", help="where report.md and the plot go (default: ./report)")
    p.add_argument(
        "--budget", type=_positive_float, default=1.0, metavar="PER_DAY",
        help="proposals per feed day a maintainer will read; the report names the best threshold for each cap "
        "within it (default: 1)",
    )
    p.add_argument(
        "--offline", action="store_true",
        help="train from --metadata and the API cache only, never calling the arXiv API (reproducible replays)",
    )
    p.add_argument("--threshold", type=float, metavar="P", help="override thresholds.relevance for the replay")
    p.add_argument(
        "--threshold-after-first", type=float, metavar="P",
        help="override thresholds.relevance_after_first for the replay",
    )
    p.add_argument("--max-proposals", type=int, metavar="N", help="override max_proposals_per_run for the replay")
    p.add_argument("--json", action="store_true", help="print the numbers as JSON")

    p = command(
        "run", _cmd_run, "scan, then propose the papers as a GitHub pull request",
        "scan + propose: edit the README through the list model and open (or update) a pull request. "
        "--dry-run touches nothing remote and prints the README diff and the PR body.",
    )
    _scan_options(p)
    p.add_argument("--dry-run", action="store_true", help="print the diff and PR body; change nothing remote")
    p.add_argument(
        "--retrain", action="store_true",
        help="if the README changed since the models were trained, or there are no usable models (none yet, "
        "another embedding.model), train first (as `train --no-estimate`, "
        "a few minutes) and save the models (not in a dry run); without it such a run stops with an error",
    )
    p.add_argument("--offline", action="store_true",
                   help="no arXiv API request: paper metadata (a retraining's list entries, a ticked candidate's "
                   "lost details) from list.metadata and the API cache only")
    p.add_argument("--json", type=Path, metavar="OUT",
                   help="also write the result (scan's, with retrained and pull_requests) as JSON to OUT "
                   "('-': stdout, JSON alone; the rest goes to stderr)")

    p = command(
        "schedule", _cmd_schedule, "run the daily job as a long-running daemon",
        "Run `paperbot run` in-process on the cron in config (schedule.cron, schedule.timezone); "
        "no overlapping runs; stops cleanly on SIGTERM/SIGINT.",
    )
    p.add_argument("--dry-run", action="store_true", help="each run is `paperbot run --dry-run`")
    p.add_argument("--max-proposals", type=int, metavar="N", help="override max_proposals_per_run")
    p.add_argument(
        "--retrain", action=argparse.BooleanOptionalAction, default=None,
        help="each run is `paperbot run --retrain`: retrain when the list changed (default: config schedule.retrain)",
    )
    p.add_argument("--offline", action="store_true", help="each run is `paperbot run --offline`")

    command(
        "demo", _cmd_demo, "offline demo: a dry run on the shipped models and a bundled real feed",
        "Run the main job offline on the embedded defaults (shipped models, a bundled real arXiv feed, "
        "the seed list) as a dry run, and print where to go next. A config file is checked but not used: "
        "the demo prints the same thing everywhere.",
    )
    return parser


def _setup_logging(args: argparse.Namespace, config: Config) -> None:
    from bot.logs import setup_logging

    fmt = getattr(args, "log_format", None) or config.logging.format
    level = "DEBUG" if getattr(args, "verbose", False) else config.logging.level
    setup_logging(fmt, level)


def _check_list_file(args: argparse.Namespace, config: Config, config_path: Path | None) -> None:
    """A list that is not there, said with where its path came from and how to set it; outside paperbot's
    checkout with no config file, the embedded defaults name the seed list, which a maintainer of another
    list never had."""
    from bot.config import default_config_path

    if args.command not in _READS_THE_LIST or getattr(args, "readme", None) is not None:
        return
    readme = Path(config.list.readme)
    if readme.exists():
        return
    source = config_path or default_config_path()
    if source is None:
        raise UsageError(
            f"no config.yaml or paperbot.yaml in {Path.cwd()}, and the embedded defaults' list "
            f"({readme}) is not here: pass --config FILE (a copy of paperbot's config.yaml or "
            "examples/paperbot.yaml, with list.readme set to your list)"
        )
    raise UsageError(f"cannot read list {readme}: No such file or directory; set list.readme in {source} "
                     "(relative to that file) or pass --readme")


_CANCEL_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_before_cancellable: dict[int, Any] = {}  # the handlers `paperbot run` replaced, put back when it returns


def _cancellable() -> None:
    """SIGINT and SIGTERM stop `paperbot run` with Cancelled, whose cleanup (a branch without its PR deleted) and
    one line (stderr, the job summary) then run to their end: GitHub Actions cancels with SIGINT, then SIGTERM
    7.5 s later, so every signal after the first is ignored. Only in the main thread (the daemon's runs have the
    daemon's own handlers), and not a signal the process was started ignoring (nohup)."""
    if threading.current_thread() is not threading.main_thread():
        return

    def cancel(signum: int, frame: FrameType | None) -> None:
        for sig in _CANCEL_SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        raise Cancelled(signum)

    for sig in _CANCEL_SIGNALS:
        if signal.getsignal(sig) is not signal.SIG_IGN:
            _before_cancellable[sig] = signal.signal(sig, cancel)


def _uncancellable() -> None:
    """From here a signal is ignored: the run is over, and its own lines say what it did."""
    for sig in _before_cancellable:
        signal.signal(sig, signal.SIG_IGN)


def _restore_signals() -> None:
    for sig, handler in _before_cancellable.items():
        signal.signal(sig, handler)
    _before_cancellable.clear()


# Commands that read the list from a local file (run and schedule may read it from GitHub instead).
_READS_THE_LIST = frozenset({"sections", "add", "train", "scan", "explain", "evaluate"})
_last_error: list[str] = []  # the error line main() printed last: the daemon puts it in its log record


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except Cancelled as exc:  # in the middle of saying why the run failed: that line is out already
        print("paperbot: interrupted", file=sys.stderr)
        return exc.exit_code
    finally:
        _restore_signals()


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args: argparse.Namespace | None = None
    _last_error.clear()
    try:
        args, extra = parser.parse_known_args(argv)
        if getattr(args, "command", None) == "run":
            _cancellable()
        if not getattr(args, "command", None):
            parser.print_help()
            return 2
        if extra:
            # argparse leaves these to the top-level parser, which would not say which command was meant.
            command = f"paperbot {args.command}"
            raise UsageError(f"{command}: unrecognized arguments: {' '.join(extra)} (see `{command} --help`)")
        config_path = getattr(args, "config", None)
        config = load_config(config_path, must_exist=config_path is not None)
        _setup_logging(args, config)
        _check_list_file(args, config, config_path)
        stdout, sys.stdout = sys.stdout, _GuardedStdout(sys.stdout)  # type: ignore[assignment]
        try:
            code = args.handler(args, config)
            sys.stdout.flush()  # `> /dev/full` fails here: one error line, not "Exception ignored" at exit
        finally:
            sys.stdout = stdout
        return code
    except PaperbotError as exc:
        print(f"paperbot: error: {exc}", file=sys.stderr)
        _last_error[:] = [str(exc)]
        if getattr(args, "command", None) == "run":  # the Action's page says why, not only its log
            _failed_run_summary(str(exc))
        return exc.exit_code
    except Cancelled as exc:
        line = exc.message(dry_run=bool(getattr(args, "dry_run", False)))
        print(f"paperbot: {line}", file=sys.stderr)
        _last_error[:] = [line]
        if getattr(args, "command", None) == "run":  # the Action's page says so, not only its log
            from bot.publish import append_step_summary
            from bot.render import cancelled_summary

            append_step_summary(cancelled_summary("run", line))
        return exc.exit_code
    except KeyboardInterrupt:
        print("paperbot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `paperbot sections --json | head`: the reader left; that is not an error worth a traceback.
        _quiet_stdout(sys.stdout)
        return 0
    except Exception as exc:
        # A bug: its traceback goes to the log for a report, and the Action's page still says the run failed.
        if getattr(args, "command", None) == "run":
            from bot.render import unexpected_error

            _failed_run_summary(unexpected_error(exc))
        raise


def _failed_run_summary(message: str) -> None:
    from bot.publish import append_step_summary
    from bot.render import failure_summary

    append_step_summary(failure_summary("run", message))


def _quiet_stdout(stream: TextIO) -> None:
    """Stdout failed: point its descriptor at /dev/null, so what is still buffered goes nowhere quietly
    instead of an "Exception ignored" at exit (the recipe of Python's signal docs)."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


if __name__ == "__main__":
    raise SystemExit(main())
