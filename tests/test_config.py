from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Config, describe_config, github_settings, load_config
from bot.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_equals_model_defaults() -> None:
    shipped = load_config(REPO / "config.yaml")
    assert shipped == Config().resolve_paths(REPO)
    assert shipped.list.readme == REPO / "data/lists/llm-synthetic-data.md"
    assert shipped.feeds.urls == ["https://rss.arxiv.org/rss/cs.CL+cs.AI+cs.LG"]


def test_every_key_is_documented_in_shipped_config() -> None:
    """Each key at its full path (three leaves share a name across sections), so a line deleted from
    config.yaml is caught even where the default behind it is the same."""
    import yaml

    shipped = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    for key, _default, description in describe_config():
        assert description, f"{key} has no description"
        if key == "github.token":  # never written into the file
            continue
        node = shipped
        for part in key.split("."):
            assert isinstance(node, dict) and part in node, f"{key} missing from config.yaml"
            node = node[part]


def test_unknown_key_names_file_key_and_allowed(tmp_path: Path) -> None:
    path = write(tmp_path, "thresholds:\n  relevence: 0.4\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    msg = str(err.value)
    assert str(path) in msg and "thresholds.relevence" in msg
    assert "relevance" in msg and "unsure_margin" in msg
    assert "\n" not in msg


def test_bad_value_names_value_and_range(tmp_path: Path) -> None:
    path = write(tmp_path, "thresholds:\n  relevance: 1.5\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert "thresholds.relevance: 1.5 is not allowed" in str(err.value)
    assert "less than or equal to 1" in str(err.value)


def test_bad_literal_lists_choices(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"pr.mode: 'each' is not allowed: allowed: 'single' or 'per-paper'"):
        load_config(write(tmp_path, "pr:\n  mode: each\n"))


def test_wrong_type_and_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="max_proposals_per_run: 'many'"):
        load_config(write(tmp_path, "max_proposals_per_run: many\n"))
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(write(tmp_path, "feeds: [\n"))
    with pytest.raises(ConfigError, match="timezone: 'Mars/Base'"):
        load_config(write(tmp_path, "schedule:\n  timezone: Mars/Base\n"))
    # a region is a folder of zones in the tz database, not a zone
    with pytest.raises(ConfigError, match="timezone: 'America' is not allowed: must be an IANA timezone"):
        load_config(write(tmp_path, "schedule:\n  timezone: America\n"))
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("# r\u00e9sum\u00e9\nmax_proposals_per_run: 2\n".encode("latin-1"))
    with pytest.raises(ConfigError, match=r"latin1\.yaml: not UTF-8 text \(byte 3\)"):
        load_config(latin1)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("thresholds:\n  relevance: 0.04\nthresholds:\n  relevance: 0.2\n",
         "line 3: not valid YAML: key 'thresholds' appears twice in one mapping"),
        ("max_proposals_per_run: true\n",
         "max_proposals_per_run: True is not allowed: Input should be a valid integer"),
        ("training:\n  seed: -1\n", "training.seed: -1 is not allowed: Input should be greater than or equal to 0"),
        ("feeds:\n  timeout_seconds: .inf\n", "feeds.timeout_seconds: inf is not allowed"),
        ("arxiv_api:\n  timeout_seconds: 1e12\n",
         "arxiv_api.timeout_seconds: '1e12' is not allowed: Input should be less than or equal to 600"),
        ("embedding:\n  device: garbage\n",
         "embedding.device: 'garbage' is not allowed: must be a torch device such as cpu, cuda, cuda:1 or mps"),
        ('"a\\nb": 1\n', "unknown key 'a\\nb'"),
        ("? [a, b]\n: 1\n", "line 1: not valid YAML: a key must be a name, not a list"),
        ("thresholds:\n  {a: 1}: 2\n", "line 2: not valid YAML: a key must be a name, not a dict"),
        ('list: {readme: "a\\0b"}\n', "list.readme: 'a\\x00b' is not allowed: cannot hold a NUL byte"),
        ("thresholds:\n  relevance: true\n", "thresholds.relevance: True is not allowed: Input should be a valid"),
        ('thresholds:\n  relevance: "0.1"\n', "thresholds.relevance: '0.1' is not allowed"),
        ("embedding:\n  device: cuda\n  precision: int8\n",
         "embedding.precision: 'int8' is not allowed: int8 runs on the CPU only (embedding.device is 'cuda')"),
        ("embedding:\n  max_tokens: 8\n",
         "embedding.max_tokens: 8 is not allowed: Input should be greater than or equal to 16"),
        ("embedding:\n  cache_days: 0\n",
         "embedding.cache_days: 0 is not allowed: Input should be greater than or equal to 1"),
        # GitHub and arXiv settings that would fail only at the first request, mid-run
        ("arxiv_api:\n  base_url: notaurl\n",
         "arxiv_api.base_url: 'notaurl' is not allowed: must be an http:// or https:// URL"),
        ("github:\n  state_branch: a..b\n", "github.state_branch: 'a..b' is not allowed: must be a git branch name"),
        ("github:\n  base_branch: 'main '\n", "github.base_branch: 'main ' is not allowed"),
        ("github:\n  branch_prefix: 'has space/'\n",
         "github.branch_prefix: 'has space/' is not allowed: must be the start of a git branch name"),
        ("github:\n  branch_prefix: 'bot.lock/'\n", "github.branch_prefix: 'bot.lock/' is not allowed"),
        ("github:\n  readme_path: ''\n", "github.readme_path: '' is not allowed: must be a file's path inside"),
        ("github:\n  state_file: /\n", "github.state_file: '/' is not allowed"),
        ("github:\n  state_file: ../state.json\n", "github.state_file: '../state.json' is not allowed"),
        ("github:\n  labels: ['']\n", "github.labels: [''] is not allowed: each label must be a name of 1 to 50"),
        ("github:\n  commit_email: nope\n", "github.commit_email: 'nope' is not allowed: must be an email address"),
        # a list's categories where its feed goes: every run would say "file not found" beside the config
        ("feeds:\n  urls: [cs.CL+cs.IR]\n", "feeds.urls: ['cs.CL+cs.IR'] is not allowed: 'cs.CL+cs.IR' names arXiv "
         "categories, not a feed: write https://rss.arxiv.org/rss/cs.CL+cs.IR"),
        ("feeds:\n  urls: [stat.ML]\n", "write https://rss.arxiv.org/rss/stat.ML"),
        # keys not indented under their section: the section is empty and its keys land at the top level
        ("list:\nreadme: README.md\n", "list: None is not allowed: must be keys indented under 'list:' "
         "(metadata, readme) (and 1 more problem(s))"),
    ],
)
def test_values_that_would_fail_later_fail_at_start(tmp_path: Path, text: str, needle: str) -> None:
    """Each of these passed validation once and then crashed a command (or was silently misread)."""
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, text))
    assert needle in str(err.value) and "\n" not in str(err.value)


def test_branch_names_paths_and_urls_in_real_use_are_taken(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "github:\n  base_branch: release/2.x\n  branch_prefix: bots/paperbot-\n"
                                         "  state_branch: paperbot/state\n  readme_path: docs/README.md\n"
                                         "  labels: [paperbot, 'new paper']\n  api_url: http://127.0.0.1:8080/api/v3\n"
                                         "arxiv_api:\n  base_url: http://localhost:8000/api/query\n"))
    assert config.github.branch_prefix == "bots/paperbot-" and config.github.readme_path == "docs/README.md"
    assert config.arxiv_api.base_url == "http://localhost:8000/api/query"


def test_torch_devices_with_an_index_are_taken(tmp_path: Path) -> None:
    for device in ("cpu", "cuda", "cuda:1", "mps"):
        assert load_config(write(tmp_path, f"embedding:\n  device: '{device}'\n")).embedding.device == device


def test_relative_paths_resolve_against_config_dir(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "state:\n  path: s/state.json\nfeeds:\n  urls: [feeds/today.xml, "
                                         "/srv/abs.xml, https://rss.arxiv.org/rss/cs.CL]\n"))
    assert config.state.path == tmp_path / "s/state.json"
    assert config.feeds.urls == [str(tmp_path / "feeds/today.xml"), "/srv/abs.xml", "https://rss.arxiv.org/rss/cs.CL"]


def test_github_settings_from_environment_and_token_hidden(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "github:\n  token: s3cr3t\n"))
    assert "s3cr3t" not in repr(config)
    repo, api, token = github_settings(config, {"GITHUB_REPOSITORY": "o/r", "GITHUB_API_URL": "http://x"})
    assert (repo, api, token) == ("o/r", "http://x", "s3cr3t")
    assert github_settings(Config(), {})[1] == "https://api.github.com"


@pytest.mark.parametrize("value", ["[s3cr3t]", "{value: s3cr3t}", "{s3cr3t: 1}"])
def test_a_token_in_the_wrong_shape_is_not_echoed(tmp_path: Path, value: str) -> None:
    """The error names the key and what is wrong, never the value: a token in brackets is still a token."""
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, f"github:\n  token: {value}\n"))
    message = str(err.value)
    assert "github.token: a value of type" in message and "(not shown: a secret)" in message
    assert "s3cr3t" not in message
    with pytest.raises(ConfigError, match=r"github\.labels: 3 is not allowed"):  # other values are shown
        load_config(write(tmp_path, "github:\n  labels: 3\n"))


def test_cli_config_error_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "feeds:\n  announce_types: [new, old]\n")
    assert main(["sections", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("paperbot: error: ")
    assert "feeds.announce_types.1: 'old'" in err


def test_cli_missing_explicit_config_and_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sections", "--config", str(tmp_path / "nope.yaml")]) == 2
    assert "config file not found" in capsys.readouterr().err
    assert main(["add", "2401.00001"]) == 2  # --section is required
    assert "--section" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2
    assert capsys.readouterr().err.startswith("paperbot: error: argument COMMAND: invalid choice: 'frobnicate'")


def test_cli_unknown_option_names_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "--bogus", "x"]) == 2
    assert capsys.readouterr().err == (
        "paperbot: error: paperbot train: unrecognized arguments: --bogus x (see `paperbot train --help`)\n"
    )
    assert main(["scan", "--feed"]) == 2
    assert capsys.readouterr().err == (
        "paperbot: error: paperbot scan: argument --feed: expected one argument (see `paperbot scan --help`)\n"
    )
