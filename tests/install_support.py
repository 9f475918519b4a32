"""claimcheck as a newsroom installs it: a wheel built from the checkout, installed into a
fresh virtual environment, run from folders outside the project.

The wheel is built once per test session, without build isolation (the test environment's
setuptools builds it, so nothing is downloaded), from a copy of the repository so the build
leaves nothing in the checkout. The fresh environment borrows the test environment's
dependencies through a .pth file: `python -m venv --system-site-packages` would borrow the
base interpreter's packages, not the test environment's, and the .pth adds only its folder to
sys.path (its own .pth files, such as an editable install's finder, are not run), so the
environment's `checker` is the wheel's.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEST_PURELIB = sysconfig.get_path("purelib")


def clean_env(**extra: str) -> dict[str, str]:
    """The environment a newsroom's shell has: none of the test run's PYTHONPATH or venv."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(extra)
    return env


def run(cmd: list[str], cwd: Path, timeout: int = 300, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=clean_env(**env), capture_output=True, text=True, timeout=timeout)


@dataclass(frozen=True)
class Installed:
    """A built wheel and the fresh environment it is installed in."""

    wheel: Path
    venv: Path

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def env(self, **extra: str) -> dict[str, str]:
        """A clean environment with the fresh environment's scripts first on PATH."""
        return clean_env(PATH=f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}", **extra)

    def claimcheck(self, *args: str, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.bin / "claimcheck"), *args], cwd=cwd, env=self.env(),
                              capture_output=True, text=True, timeout=timeout)


class CannotBuild(Exception):
    """The test environment has no backend that builds a wheel offline."""


def copy_source(target: Path) -> Path:
    """What an sdist of claimcheck holds: the package, the default rules, pyproject and README."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    for name in ("checker", "rules"):
        shutil.copytree(REPO / name, target / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, target / name)
    return target


def build_wheel(root: Path) -> Path:
    """claimcheck's wheel, built offline from a copy of the checkout into root/dist."""
    try:  # setuptools >= 70.1 builds wheels without the separate `wheel` package
        found = importlib.util.find_spec("setuptools.command.bdist_wheel") is not None
    except ImportError:
        found = False
    if not found:
        raise CannotBuild("no setuptools >= 70.1 in the test environment to build claimcheck's wheel offline "
                          "(pip install -e '.[test]' brings it)")
    src = copy_source(root / "src")
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                 str(src), "-w", str(root / "dist")], cwd=root)
    assert built.returncode == 0, built.stdout + built.stderr
    return next((root / "dist").glob("claimcheck-*.whl"))


def fresh_venv(venv: Path) -> Path:
    """A new virtual environment that sees the test environment's packages after its own."""
    made = run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv.parent)
    assert made.returncode == 0, made.stderr
    site = run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
               cwd=venv.parent).stdout.strip()
    (Path(site) / "test-dependencies.pth").write_text(TEST_PURELIB + "\n", encoding="utf-8")
    return venv


def install(root: Path) -> Installed:
    wheel = build_wheel(root)
    venv = fresh_venv(root / "venv")
    done = run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--no-deps",
                "--no-index", str(wheel)], cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    return Installed(wheel=wheel, venv=venv)


def git(repo: Path, *args: str) -> str:
    """git in `repo` as a newsroom's editor, whatever the machine's git configuration."""
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Editor", "-c", "user.email=editor@example.org",
                           "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          check=True, capture_output=True, text=True).stdout
