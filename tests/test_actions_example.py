"""The README's GitHub Actions workflow, run as GitHub would run its commands (issue 11, item 11).

The workflow is read from the README itself; its checkout options are checked, and its
`run` steps are run in a temporary newsroom repository (a clone of an `origin` whose main
holds the published articles, on a pull-request branch that adds one) with claimcheck at
`tools/claimcheck`. `pip` is the test's own pip aimed at a fresh environment that borrows
the test dependencies, kept offline (no index, no build isolation: the test environment's
setuptools builds claimcheck), so nothing is downloaded; GitHub's actions themselves are not run.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from ci_support import CONFLICTING
from conftest import REPO, SEEDS_DIR
from install_support import clean_env, copy_source, fresh_venv, git

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def workflow() -> dict:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "upload-sarif" in b)
    return yaml.safe_load(block)


def steps() -> list[dict]:
    return next(iter(workflow()["jobs"].values()))["steps"]


def test_the_checkout_fetches_the_history_changed_since_needs() -> None:
    checkout = next(s for s in steps() if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    commands = " ".join(s["run"] for s in steps() if "run" in s)
    assert "--changed-since origin/main" in commands
    assert "OWNER" not in commands and "pip install ." not in commands.replace("pip install ./tools", "")


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> Path:
    """A clone of `origin` (main: the published articles) on a branch adding an article, with
    claimcheck at tools/claimcheck: what actions/checkout leaves with fetch-depth 0."""
    root = tmp_path_factory.mktemp("actions")
    origin = root / "origin"
    shutil.copytree(SEEDS_DIR, origin / "articles")
    copy_source(origin / "tools" / "claimcheck")
    git(origin, "init", "-q")
    git(origin, "add", ".")
    git(origin, "commit", "-qm", "published articles")
    work = root / "work"
    git(root, "clone", "-q", str(origin), str(work))
    git(work, "checkout", "-qb", "new-article")
    (work / "articles" / "zz_new.txt").write_text(CONFLICTING, encoding="utf-8")
    git(work, "add", ".")
    git(work, "commit", "-qm", "a new article")
    return work


def run_step(command: str, work: Path, venv: Path) -> subprocess.CompletedProcess:
    """One `run:` command in the job's shell, with the fresh environment first on PATH."""
    words = shlex.split(command)
    if words[:2] == ["pip", "install"]:
        words = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", *words[2:]]
    env = clean_env(PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
                    PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0")  # pip reads "0" as: build without isolation
    return subprocess.run(words, cwd=work, env=env, capture_output=True, text=True, timeout=600)


def test_the_workflow_commands_install_claimcheck_and_alert_on_the_new_article(newsroom: Path, tmp_path: Path) -> None:
    venv = fresh_venv(tmp_path / "venv")
    codes = []
    for step in (s for s in steps() if "run" in s):
        done = run_step(step["run"], newsroom, venv)
        assert done.returncode in (0, 1), f"{step['run']}: {done.stdout}{done.stderr}"
        codes.append(done.returncode)
    assert codes == [0, 1]  # installed; conflicts found, so the job fails after uploading
    sarif = json.loads((newsroom / "claimcheck.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, SCHEMA)
    results = sarif["runs"][0]["results"]
    assert results
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {"articles/zz_new.txt"}
