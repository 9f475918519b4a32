"""claimcheck as a newsroom installs it: a wheel in a fresh virtual environment, run from
a folder of articles that holds no rules/ of its own.

The wheel is built by pip from a copy of the repository, so the build leaves nothing in
the checkout; the fresh environment borrows the test environment's dependencies through
a .pth file, so installing the wheel downloads nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from checker.lexicon import default_rules_dir
from conftest import REPO, SEEDS_DIR


def _run(cmd: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("packaging")
    src = root / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    for name in ("checker", "rules"):
        shutil.copytree(REPO / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    built = _run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-w", str(root / "dist")], cwd=root)
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next((root / "dist").glob("claimcheck-*.whl"))
    venv = root / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=root)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                     cwd=root).stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    done = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", str(wheel)],
                cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    work = root / "newsroom"
    shutil.copytree(SEEDS_DIR, work / "articles")
    return {"wheel": wheel, "bin": venv / "bin", "work": work}


def test_the_wheel_holds_every_module_and_the_default_rules(installed) -> None:
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "checker").rglob("*.py")}
    assert modules <= names, sorted(modules - names)
    rules = {"checker/" + p.relative_to(REPO).as_posix() for p in (REPO / "rules").rglob("*") if p.is_file()}
    assert rules and rules <= names, sorted(rules - names)


def test_installed_check_runs_from_a_folder_without_rules(installed) -> None:
    work = installed["work"]
    result = _run([str(installed["bin"] / "claimcheck"), "check", "articles"], cwd=work)
    assert result.returncode == 1, result.stderr
    assert "date.event-dates" in result.stdout and "role.exclusive-offices" in result.stdout
    assert (work / "reports" / "report.json").is_file()
    where = _run([str(installed["bin"] / "python"), "-c", "import checker; print(checker.__file__)"], cwd=work)
    assert Path(where.stdout.strip()).is_relative_to(installed["bin"].parent), where.stdout


def test_installed_rules_lists_the_shipped_rules(installed) -> None:
    result = _run([str(installed["bin"] / "claimcheck"), "rules"], cwd=installed["work"])
    assert result.returncode == 0, result.stderr
    assert "date.event-dates" in result.stdout and "money.fixed-amounts" in result.stdout


def test_installed_check_takes_a_newsrooms_own_rules(installed, tmp_path: Path) -> None:
    own = tmp_path / "our-rules"
    shutil.copytree(REPO / "rules" / "data", own / "data")
    shutil.copytree(REPO / "rules" / "role", own / "role")
    result = _run([str(installed["bin"] / "claimcheck"), "--rules", str(own), "check", "articles",
                   "--reports-dir", str(tmp_path / "out")], cwd=installed["work"])
    assert result.returncode == 1, result.stderr
    assert "role.exclusive-offices" in result.stdout and "date.event-dates" not in result.stdout


def test_default_rules_are_the_shipped_ones_whatever_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "rules" / "data").mkdir(parents=True)  # a newsroom folder that happens to be called rules/
    monkeypatch.chdir(tmp_path)
    assert default_rules_dir() == REPO / "rules"
