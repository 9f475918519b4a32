"""Which articles changed since a git ref: tracked files that differ from it, plus untracked ones.

Runs `git` in the repository that holds the checked paths; a bad ref or a path outside
a repository is a ChangesError with one clear line.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from checker.models import Document


class ChangesError(Exception):
    """--changed-since cannot be answered (not a repository, unknown ref)."""


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    except OSError as exc:
        raise ChangesError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        raise ChangesError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {args[0]} failed")
    return done.stdout


def repo_root(path: Path) -> Path:
    start = path if path.is_dir() else path.parent
    try:
        return Path(_git(start.resolve(), "rev-parse", "--show-toplevel").strip())
    except ChangesError:
        raise ChangesError(f"{path} is not inside a git repository") from None


def changed_files(ref: str, paths: list[Path]) -> frozenset[Path]:
    """Absolute paths of files added or changed since `ref` (committed or not) and untracked files."""
    root = repo_root(paths[0] if paths else Path("."))
    try:
        _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    except ChangesError:
        raise ChangesError(f"--changed-since: unknown git ref '{ref}'") from None
    names = _git(root, "diff", "--name-only", "-z", ref, "--").split("\0")
    names += _git(root, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    return frozenset((root / n).resolve() for n in names if n)


def changed_documents(documents: list[Document], changed: frozenset[Path]) -> frozenset[str]:
    """Ids of the documents whose file is among the changed ones."""
    return frozenset(d.id for d in documents if Path(d.path).resolve() in changed)
