"""`paperbot sections` and `paperbot add` end to end, on copies of real lists."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.listfile import parse_list
from bot.papers import Paper
from tests.conftest import FIXTURES

LISTS = FIXTURES / "lists"
SEED = LISTS / "llm-synthetic-data.md"
METADATA = LISTS / "add-metadata.jsonl"

CONVOGEN_LINE = (
    "- [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
    "(https://arxiv.org/abs/2503.17460) *Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik.* Arxiv 2025.\n"
)


@pytest.fixture
def readme(tmp_path: Path) -> Path:
    path = tmp_path / "README.md"
    shutil.copyfile(SEED, path)
    return path


def test_sections_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sections", "--readme", str(SEED)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "6. Application Areas  [0 (146 with sub-sections)]" in out
    assert "  6.3 Agent and Tool Use  [17]" in out
    assert "        LLM Self-Reflection  [4]" in out
    assert out[-1].startswith("74 sections, 270 entries, 254 distinct works, 224 arXiv ids")


def test_sections_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sections", "--readme", str(SEED), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["sections"] and len(doc["sections"]) == 74
    for section in doc["sections"]:
        assert isinstance(section["id"], str) and all(isinstance(p, str) for p in section["path"])
        for entry in section["entries"]:
            assert isinstance(entry["title"], str) and isinstance(entry["url"], str)
            assert entry["arxiv_id"] is None or isinstance(entry["arxiv_id"], str)
    assert [s["path"][-1] for s in doc["sections"]][:4] == ["Latest updates", "Contents", "1. Githubs", "2. Blogs"]
    assert sum(len(s["entries"]) for s in doc["sections"]) == 270


def test_add_writes_output_and_changes_one_line(readme: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out.md"
    code = main([
        "add", "2503.17460", "--section", "6.3 Agent and Tool Use", "--readme", str(readme),
        "--metadata", str(METADATA), "--output", str(out),
    ])
    assert code == 0
    assert readme.read_bytes() == SEED.read_bytes()  # --output leaves the README alone
    before = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    after = out.read_text(encoding="utf-8").splitlines(keepends=True)
    ops = [op for op in difflib.SequenceMatcher(a=before, b=after).get_opcodes() if op[0] != "equal"]
    assert len(ops) == 1 and ops[0][0] == "insert"
    assert after[ops[0][3]:ops[0][4]] == [CONVOGEN_LINE]
    printed = capsys.readouterr().out
    assert f"added 2503.17460 to 6. Application Areas > 6.3 Agent and Tool Use at {out}:{ops[0][3] + 1}" in printed


def test_add_writes_an_arxiv_title_in_tex_as_plain_text(readme: Path, tmp_path: Path) -> None:
    """The feed of 18 Apr 2025 titles 2504.13143 "$\\texttt{Complex-Edit}$: ...": a README shows no TeX, so the
    entry would be one a maintainer has to rewrite; and once written plain, the paper is on the list."""
    metadata = tmp_path / "meta.jsonl"
    metadata.write_text(json.dumps({
        "id": "2504.13143", "title": "$\\texttt{Complex-Edit}$: CoT-Like Instruction Generation for "
        "Complexity-Controllable Image Editing Benchmark", "authors": ["Siwei Yang", "Mude Hui", "Bingchen Zhao"],
        "published": "2025-04-17"}) + "\n", encoding="utf-8")
    assert main(["add", "2504.13143", "--section", "6.4 Vision and Language", "--readme", str(readme),
                 "--metadata", str(metadata), "--offline"]) == 0
    added = [line for line in readme.read_text(encoding="utf-8").splitlines() if "2504.13143" in line]
    assert added == ["- [Complex-Edit: CoT-Like Instruction Generation for Complexity-Controllable Image Editing "
                     "Benchmark](https://arxiv.org/abs/2504.13143) *Siwei Yang, Mude Hui, Bingchen Zhao.* Arxiv 2025."]
    plain = readme.read_text(encoding="utf-8").replace("https://arxiv.org/abs/2504.13143", "https://example.org/x")
    plist = parse_list(plain)
    assert plist.contains(Paper(arxiv_id="2504.13143", title="$\\texttt{Complex-Edit}$: CoT-Like Instruction "
                                "Generation for Complexity-Controllable Image Editing Benchmark"))


def test_add_names_the_venue_an_arxiv_comment_gives_in_the_lists_own_form(readme: Path, tmp_path: Path) -> None:
    """"Accepted to Findings of ACL 2025" becomes "ACL Findings 2025.": the seed list writes Findings that way
    (ACL Findings 2024, EMNLP Findings 2024, ...), and a maintainer would not write "Arxiv 2025" for it."""
    metadata = tmp_path / "meta.jsonl"
    doc = json.loads(METADATA.read_text(encoding="utf-8").splitlines()[0])
    doc["comment"] = "Accepted to Findings of ACL 2025. 9 pages, 4 figures"
    metadata.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    assert main(["add", doc["id"], "--section", "6.3 Agent and Tool Use", "--readme", str(readme),
                 "--metadata", str(metadata), "--offline"]) == 0
    (added,) = [line for line in readme.read_text(encoding="utf-8").splitlines() if doc["id"] in line]
    assert added.endswith("* ACL Findings 2025.")
    # NeurIPS's Datasets and Benchmarks track as the list writes it (NeurIPS D&B 2023, NeurIPS D&B 2024)
    doc["comment"] = "Accepted to NeurIPS 2025 Datasets and Benchmarks Track"
    metadata.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    out = tmp_path / "out.md"
    readme.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["add", doc["id"], "--section", "6.3 Agent and Tool Use", "--readme", str(readme),
                 "--metadata", str(metadata), "--offline", "--output", str(out)]) == 0
    (added,) = [line for line in out.read_text(encoding="utf-8").splitlines() if doc["id"] in line]
    assert added.endswith("* NeurIPS D&B 2025.")
    # an industry track is not the main conference: the list writes no such track, so the track follows the year
    doc["comment"] = "Accepted at ACL 2025 (Industry Track)"
    metadata.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    assert main(["add", doc["id"], "--section", "6.3 Agent and Tool Use", "--readme", str(readme),
                 "--metadata", str(metadata), "--offline", "--output", str(out)]) == 0
    (added,) = [line for line in out.read_text(encoding="utf-8").splitlines() if doc["id"] in line]
    assert added.endswith("* ACL 2025 Industry.")


def test_add_in_place(readme: Path) -> None:
    assert main([
        "add", "arXiv:2504.09184v1", "--section", "6.7 Writing", "--readme", str(readme), "--metadata", str(METADATA),
    ]) == 0
    text = readme.read_text(encoding="utf-8")
    line = (
        "- [Parameterized Synthetic Text Generation with SimpleStories](https://arxiv.org/abs/2504.09184) "
        "*Lennart Finke, Thomas Dooms, Mat Allen, Juan Diego Rodriguez, Noa Nabeshima, Dan Braun.* Arxiv 2025.\n"
    )
    assert text.replace(line, "", 1) == SEED.read_text(encoding="utf-8")


def test_add_section_errors_exit_2(readme: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["add", "2503.17460", "--section", "Tool Use", "--readme", str(readme), "--metadata", str(METADATA)])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("paperbot: error: no section 'Tool Use'")
    assert "; candidates: 6. Application Areas > 6.3 Agent and Tool Use" in err
    for typo in ("not-an-id", "x2503.17460", "2503.174601", "see 2503.17460", "https://arxiv.org/abs/2503.174601",
                 "2503.1746"):
        assert main(["add", typo, "--section", "6.7 Writing", "--readme", str(readme)]) == 2
        assert capsys.readouterr().err.startswith(f"paperbot: error: {typo!r} is not an arXiv id")
    assert readme.read_bytes() == SEED.read_bytes()


def test_add_takes_an_arxiv_link(readme: Path) -> None:
    assert main([
        "add", "https://arxiv.org/pdf/2503.17460v2", "--section", "6.3 Agent and Tool Use", "--readme", str(readme),
        "--metadata", str(METADATA),
    ]) == 0
    assert readme.read_text(encoding="utf-8").count(CONVOGEN_LINE) == 1


def test_add_takes_the_papers_page_on_another_site(readme: Path) -> None:
    assert main([
        "add", "https://huggingface.co/papers/2503.17460", "--section", "6.3 Agent and Tool Use",
        "--readme", str(readme), "--metadata", str(METADATA),
    ]) == 0
    assert readme.read_text(encoding="utf-8").count(CONVOGEN_LINE) == 1


def test_add_to_an_unwritable_output_stops_before_asking_arxiv(
    readme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("in the way")
    # no --metadata: reaching the arXiv lookup would be a network error, not this one
    code = main(["add", "2503.17460", "--section", "6.3 Agent and Tool Use", "--readme", str(readme),
                 "--output", str(tmp_path / "file" / "out.md")])
    assert code == 2
    assert capsys.readouterr().err.startswith("paperbot: error: --output: cannot write ")


def test_add_paper_already_listed_exit_1(readme: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["add", "2406.08464v2", "--section", "6.7 Writing", "--readme", str(readme)])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err == (
        f"paperbot: error: 2406.08464 is already on the list in 4. Methods > 4.3. Instruction Tuning > "
        f"4.3.4 Synthesis instructions and outputs using LLM > B. Synthesis from scratch without seed ({readme}); "
        "nothing added"
    )
    assert readme.read_bytes() == SEED.read_bytes()


def test_sections_on_a_file_that_is_not_a_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("Shopping\n\n- milk\n- bread\n", encoding="utf-8")
    assert main(["sections", "--readme", str(notes)]) == 1
    assert capsys.readouterr().err == (
        f"paperbot: error: {notes}:1: not a paper list: no section found "
        "(expected '## Heading' lines or '- **Group**' bullets)\n"
    )


def test_input_files_that_are_not_there_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path the user gave (flag or config) that does not exist: exit 2, like an output that cannot be written."""
    assert main(["sections", "--readme", str(tmp_path / "README.md")]) == 2
    assert capsys.readouterr().err.startswith(f"paperbot: error: cannot read list {tmp_path / 'README.md'}: No such")
    assert main(["sections", "--readme", str(tmp_path)]) == 2  # a folder
    capsys.readouterr()
    assert main(["train", "--readme", str(SEED), "--metadata", str(METADATA), "--background",
                 str(tmp_path / "bg.jsonl"), "--models", str(tmp_path / "models"), "--offline", "--no-estimate",
                 "--state", str(tmp_path / "state.json")]) == 2
    assert "background file not found" in capsys.readouterr().err
    assert main(["add", "2503.17460", "--section", "6.3 Agent and Tool Use", "--readme", str(SEED),
                 "--metadata", str(tmp_path / "meta.jsonl"), "--output", str(tmp_path / "out.md")]) == 2
    assert capsys.readouterr().err == (
        f"paperbot: error: {tmp_path / 'meta.jsonl'}: metadata file not found; set list.metadata in the config "
        "(null: none, abstracts from the arXiv API) or pass --metadata\n")


def test_add_that_does_not_read_back_leaves_the_readme_alone(
    readme: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Should the writer ever get a list's shape wrong (the entry does not parse back where it was put), add
    says so in one line and writes nothing, rather than a broken README and a traceback."""
    from bot import listfile

    before = readme.read_bytes()
    real = listfile._plan_insert
    # a line that is not an entry where the entry should be (as a wrapped neighbour's template once made)
    monkeypatch.setattr(listfile, "_plan_insert", lambda plist, paper, section: (
        real(plist, paper, section)[0], ["- [Beta: a neighbour's first line\n"]))
    code = main(["add", "2503.17460", "--section", "6.3 Agent and Tool Use", "--readme", str(readme),
                 "--metadata", str(METADATA)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "did not read back" in err and "nothing was written" in err
    assert readme.read_bytes() == before


def test_add_refuses_outputs_that_are_inputs_and_sections_without_papers(
    readme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = tmp_path / "meta.jsonl"
    shutil.copyfile(METADATA, meta)
    before = meta.read_bytes()
    code = main(["add", "2503.17460", "--section", "6.3 Agent and Tool Use", "--readme", str(readme),
                 "--metadata", str(meta), "--output", str(meta)])
    err = capsys.readouterr().err
    assert code == 2 and f"--output {meta}: that is the metadata file, which this command reads" in err
    assert meta.read_bytes() == before
    # the files paperbot keeps: the arXiv cache add reads, and the models a later scan reads
    config = tmp_path / "config.yaml"
    config.write_text("arxiv_api:\n  cache: cache/api.jsonl\ntraining:\n  models_dir: trained\n", encoding="utf-8")
    (tmp_path / "cache").mkdir()
    shutil.copyfile(METADATA, tmp_path / "cache" / "api.jsonl")
    for out, said in ((tmp_path / "cache" / "api.jsonl", "the arXiv API cache, which this command reads"),
                      (tmp_path / "trained" / "model.pkl.gz", "the models directory, which paperbot keeps"),
                      (config, "the config file, which this command reads")):
        assert main(["--config", str(config), "add", "2503.17460", "--section", "6.3 Agent and Tool Use",
                     "--readme", str(readme), "--offline", "--output", str(out)]) == 2
        assert f"--output {out}: that is {said}; write somewhere else" in capsys.readouterr().err
    assert (tmp_path / "cache" / "api.jsonl").read_bytes() == METADATA.read_bytes()
    assert not (tmp_path / "trained").exists()
    for name in ("Contents", "Latest updates"):  # a table of contents and a changelog: no paper goes there
        assert main(["add", "2503.17460", "--section", name, "--readme", str(readme), "--metadata", str(meta)]) == 2
        assert f"section '{name}' holds no papers" in capsys.readouterr().err
    # about the list, with no bullet to tell: refused as such, where it said the entry "did not read back" (exit 1)
    assert main(["add", "2503.17460", "--section", "Star History", "--readme", str(readme), "--metadata",
                 str(meta)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "section 'Star History' is the list's news or changelog or about the list" in err
    assert readme.read_bytes() == SEED.read_bytes()


def test_a_list_repository_s_paperbot_yaml_is_the_config_when_there_is_no_config_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a list's checkout (README.md and paperbot.yaml, as the workflows want them) a bare `paperbot
    sections` serves that list; before, it read the embedded defaults and could not find the seed list."""
    shutil.copyfile(LISTS / "facebookresearch-RAM-projects-README.md", tmp_path / "README.md")
    (tmp_path / "paperbot.yaml").write_text("list:\n  readme: README.md\n  metadata: null\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["sections"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(f"({tmp_path / 'README.md'})")
    (tmp_path / "config.yaml").write_text("list:\n  readme: other.md\n", encoding="utf-8")  # config.yaml first
    assert main(["sections"]) == 2
    assert capsys.readouterr().err == (  # where the path came from, and how to set it
        f"paperbot: error: cannot read list {tmp_path / 'other.md'}: No such file or directory; set list.readme "
        "in config.yaml (relative to that file) or pass --readme\n")


def test_no_config_outside_paperbot_s_checkout_says_to_pass_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The embedded defaults name the seed list relative to here: one line naming the missing config, not
    only a missing data/lists/llm-synthetic-data.md the maintainer of another list never had."""
    monkeypatch.chdir(tmp_path)
    for argv in (["sections"], ["scan", "--feed", "feed.xml"], ["explain", "2503.17460"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"paperbot: error: no config.yaml or paperbot.yaml in {tmp_path}, ")
        assert "pass --config FILE" in err and err.count("\n") == 1
    shutil.copyfile(SEED, tmp_path / "mine.md")
    assert main(["sections", "--readme", "mine.md"]) == 0  # a list named on the command line is enough


def test_add_refuses_a_hand_picked_short_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """js-lee-AI/awesome-llm-agent-papers's `⭐ Starter Kit` is ten papers its topics list too: `add` names the
    section and why in one line (exit 2), where it wrote a row into that table; a topic section takes the paper."""
    readme = tmp_path / "README.md"
    shutil.copyfile(LISTS / "js-lee-AI-awesome-llm-agent-papers-README-excerpt.md", readme)
    before = readme.read_bytes()
    assert main(["add", "2503.17460", "--section", "Starter Kit", "--readme", str(readme), "--metadata",
                 str(METADATA)]) == 2
    err = capsys.readouterr().err
    assert err == ("paperbot: error: section '⭐ Starter Kit' is a hand-picked short list (its papers are listed in "
                   "other sections too (8 of 10)), where no paper is added; add the paper to its topic's section "
                   "(`paperbot sections`)\n")
    assert readme.read_bytes() == before
    assert main(["add", "2503.17460", "--section", "Surveys & Position Papers (39)", "--readme", str(readme),
                 "--metadata", str(METADATA)]) == 0
    assert "2503.17460" in readme.read_text(encoding="utf-8")


def test_add_names_the_section_as_the_list_does_after_its_count_grew(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A heading that counts its papers says one more after `add` (`(2)` is `(3)`): the line printed names it so,
    where the read-back looked for the entry under the old heading and stopped with a traceback."""
    readme = tmp_path / "README.md"
    readme.write_text(  # js-lee-AI/awesome-llm-agent-papers, Memory cut to two papers and its count set to 2
        "## Contents\n\n  - [💾 Memory (2)](#memory)\n\n"
        '<a id="memory"></a>\n## 💾 Memory (2)\n\n'
        "- **[MemGPT: Towards LLMs as Operating Systems](https://arxiv.org/abs/2310.08560)** (Packer et al., "
        "arXiv 2023)\n"
        "- **[A-MEM: Agentic Memory for LLM Agents](https://arxiv.org/abs/2502.12110)** (Xu et al., arXiv 2025)\n",
        encoding="utf-8")
    assert main(["add", "2503.17460", "--section", "Memory (2)", "--readme", str(readme), "--metadata",
                 str(METADATA), "--offline"]) == 0
    assert f"added 2503.17460 to 💾 Memory (3) at {readme}:10\n" in capsys.readouterr().out
    assert readme.read_text(encoding="utf-8").count("💾 Memory (3)") == 2


def test_add_to_a_year_newer_than_every_year_of_a_list_kept_by_year_adds_its_heading(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On opendilab/awesome-RLHF (Papers > 2024, 2023, ...) `add --section "Papers > 2025"` writes `### 2025` above
    `### 2024` and its table-of-contents line, as `run` does for a 2025 paper, where it said there was no such
    section; `2026` alone names the same group; a section under no years is still refused."""
    from tests.test_listfile import RLHF

    readme = tmp_path / "README.md"
    readme.write_text(RLHF, encoding="utf-8")
    assert main(["add", "2503.17460", "--section", "Papers > 2025", "--readme", str(readme), "--metadata",
                 str(METADATA), "--offline"]) == 0
    assert capsys.readouterr().out.startswith(f"added 2503.17460 to Papers > 2025 at {readme}:30\n")
    lines = readme.read_text(encoding="utf-8").splitlines()
    assert lines[6:9] == ["  - [Papers](#papers)", "    - [2025](#2025)", "    - [2024](#2024)"]
    assert lines[28:33] == [
        "### 2025",
        "- [ConvoGen: Enhancing Conversational AI with Synthetic Data: A Multi-Agent Approach]"
        "(https://arxiv.org/pdf/2503.17460.pdf)",
        "  - Reem Gody, Mahmoud Goudy, Ahmed Y. Tawfik", "", "### 2024"]
    readme.write_text(RLHF, encoding="utf-8")
    assert main(["add", "2503.17460", "--section", "2026", "--readme", str(readme), "--metadata", str(METADATA),
                 "--offline"]) == 0
    assert "### 2026\n" in readme.read_text(encoding="utf-8")
    readme.write_text(RLHF, encoding="utf-8")
    for refused in ("Table of Contents > 2025",):
        assert main(["add", "2503.17460", "--section", refused, "--readme", str(readme), "--metadata",
                     str(METADATA), "--offline"]) == 2
        assert capsys.readouterr().err.startswith(f"paperbot: error: no section {refused!r} in ")
    assert readme.read_text(encoding="utf-8") == RLHF


def test_add_to_a_year_the_list_skips_adds_its_heading_between_the_years_beside_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On opendilab/awesome-RLHF without its 2023 papers (`### 2024`, then `### 2022`), `add --section "Papers >
    2023"` writes `### 2023` between them and its contents line, as `run` does for a 2023 paper, where it was
    refused as a year older than the newest."""
    from tests.test_listfile import RLHF_ALL_YEARS, without_year

    text = without_year(RLHF_ALL_YEARS, "2023")
    readme, metadata = tmp_path / "README.md", tmp_path / "metadata.jsonl"
    readme.write_text(text, encoding="utf-8")
    metadata.write_text(json.dumps({"id": "2310.12773", "title": "Safe RLHF: Safe Reinforcement Learning from Human "
                                    "Feedback", "authors": ["Josef Dai", "Xuehai Pan", "Ruiyang Sun"]}) + "\n",
                        encoding="utf-8")
    assert main(["add", "2310.12773", "--section", "Papers > 2023", "--readme", str(readme), "--metadata",
                 str(metadata), "--offline"]) == 0
    assert capsys.readouterr().out.startswith(f"added 2310.12773 to Papers > 2023 at {readme}:40\n")
    lines = readme.read_text(encoding="utf-8").splitlines()
    assert lines[7:10] == ["    - [2024](#2024)", "    - [2023](#2023)", "    - [2022](#2022)"]
    assert lines[37:43] == [
        "### 2023", "", "- [Safe RLHF: Safe Reinforcement Learning from Human Feedback](https://arxiv.org/abs/2310.12773)",
        "  - Josef Dai, Xuehai Pan, Ruiyang Sun", "", "### 2022"]


def test_add_on_a_list_of_one_year_and_the_years_before_it_adds_a_newer_year_and_names_the_older_heading(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`### 2025` then `### 2024 and before`: `add --section "Papers > 2026"` said there was no such section and now
    writes `### 2026` above `### 2025` as a run does, and `--section "Papers > 2023"` says where the list keeps the
    papers of 2023, in one line."""
    from tests.test_listfile import ONE_YEAR

    readme = tmp_path / "README.md"
    readme.write_text(ONE_YEAR, encoding="utf-8")
    args = ["add", "2503.17460", "--readme", str(readme), "--metadata", str(METADATA), "--offline", "--section"]
    assert main([*args, "Papers > 2023"]) == 2
    assert capsys.readouterr().err == (f"paperbot: error: no section 'Papers > 2023' in {readme}: the list keeps "
                                       "papers of 2023 under 'Papers > 2024 and before'\n")
    assert main([*args, "Papers > 2026"]) == 0
    assert capsys.readouterr().out.startswith("added 2503.17460 to Papers > 2026 at ")
    text = readme.read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.startswith(("### ", "    - [20"))] == [
        "    - [2026](#2026)", "    - [2025](#2025)", "    - [2024 and before](#2024-and-before)", "### 2026",
        "### 2025", "### 2024 and before"]


def test_add_to_a_year_older_than_every_year_adds_its_heading_unless_a_heading_holds_older_papers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On opendilab/awesome-RLHF without `### 2020 and before` (its oldest year 2021), `add --section "Papers > 2019"`
    writes `### 2019` after 2021, where it was refused as a year older than the newest; with that heading, it says
    where the list keeps the papers of 2019, in one line, also where `### Surveys` sits between it and the oldest year,
    where a `### 2019` was added above the surveys."""
    from tests.test_listfile import RLHF_ALL_YEARS, RLHF_SURVEYS_THEN_OLDER, without_year

    readme, metadata = tmp_path / "README.md", tmp_path / "metadata.jsonl"
    metadata.write_text(json.dumps({"id": "1909.08593", "title": "Fine-Tuning Language Models from Human Preferences",
                                    "authors": ["Daniel M. Ziegler", "Nisan Stiennon"]}) + "\n", encoding="utf-8")
    args = ["add", "1909.08593", "--section", "Papers > 2019", "--readme", str(readme), "--metadata", str(metadata),
            "--offline"]
    readme.write_text(without_year(RLHF_ALL_YEARS, "2020 and before"), encoding="utf-8")
    assert main(args) == 0
    assert capsys.readouterr().out.startswith(f"added 1909.08593 to Papers > 2019 at {readme}:65\n")
    lines = readme.read_text(encoding="utf-8").splitlines()
    assert lines[10:12] == ["    - [2021](#2021)", "    - [2019](#2019)"]
    assert lines[63:67] == ["### 2019", "- [Fine-Tuning Language Models from Human Preferences]"
                            "(https://arxiv.org/abs/1909.08593)", "  - Daniel M. Ziegler, Nisan Stiennon", ""]
    readme.write_text(RLHF_ALL_YEARS, encoding="utf-8")
    assert main(args) == 2
    assert capsys.readouterr().err == (f"paperbot: error: no section 'Papers > 2019' in {readme}: the list keeps "
                                       "papers of 2019 under 'Papers > 2020 and before'\n")
    assert readme.read_text(encoding="utf-8") == RLHF_ALL_YEARS
    # with `### Surveys` between the oldest year and that heading, as before: no `### 2019` above the surveys
    readme.write_text(RLHF_SURVEYS_THEN_OLDER, encoding="utf-8")
    assert main(args) == 2
    assert capsys.readouterr().err == (f"paperbot: error: no section 'Papers > 2019' in {readme}: the list keeps "
                                       "papers of 2019 under 'Papers > 2020 and before'\n")
    assert readme.read_text(encoding="utf-8") == RLHF_SURVEYS_THEN_OLDER


EMBODIED = LISTS / "x-zheng16-Awesome-Embodied-AI-Safety-README-excerpt.md"


def test_add_cites_a_paper_as_a_list_of_citations_in_sentences_does(tmp_path: Path) -> None:
    """x-zheng16/Awesome-Embodied-AI-Safety cites `. Fang et al. *arXiv 2508.07407*, 2025.` and `. Liu et al. *In
    ICML*, 2026.`: a new arXiv paper read `*arXiv 2025*, 2025.`, and one accepted at ICML `*ICML 2026*, 2025.`,
    where the list writes its own id, and the proceedings it is in with the venue's year after them."""
    readme = tmp_path / "README.md"
    shutil.copyfile(EMBODIED, readme)
    out = tmp_path / "out.md"
    doc = json.loads(METADATA.read_text(encoding="utf-8").splitlines()[0])
    for comment, cited in (("", "Gody et al. *arXiv 2503.17460*, 2025."),
                           ("Accepted to ICML 2026", "Gody et al. *In ICML*, 2026.")):
        metadata = tmp_path / "meta.jsonl"
        metadata.write_text(json.dumps({**doc, "comment": comment}) + "\n", encoding="utf-8")
        assert main(["add", doc["id"], "--section", "Self-Evolving", "--readme", str(readme),
                     "--metadata", str(metadata), "--offline", "--output", str(out)]) == 0
        (added,) = [line for line in out.read_text(encoding="utf-8").splitlines() if doc["id"] in line]
        assert added == f"- [{doc['title']}](https://arxiv.org/abs/2503.17460). {cited}"
