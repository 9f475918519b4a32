"""--changed-since: the whole corpus is read, but only conflicts touching changed files count."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from ci_support import CONFLICTING, cli, copy_seeds


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A git repository whose first commit holds the seeds."""
    copy_seeds(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "seeds")
    git(tmp_path, "commit", "-qm", "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def conflicts(capsys, repo: Path, ref: str) -> tuple[int, list[dict], str]:
    out = repo / "report.json"
    code, _, _ = cli(capsys, "check", "seeds", "--changed-since", ref, "--format", "json", "--output", str(out))
    _, text, _ = cli(capsys, "check", "seeds", "--changed-since", ref)
    return code, json.loads(out.read_text(encoding="utf-8"))["conflicts"], text


def test_only_conflicts_with_a_new_file_count(capsys, repo):
    (repo / "seeds" / "005_new.txt").write_text(CONFLICTING, encoding="utf-8")
    code, found, text = conflicts(capsys, repo, "HEAD")
    assert code == 1
    in_scope = [k for k in found if k["status"] == "new"]
    assert in_scope and all("005_new" in k["documents"] for k in in_scope)
    out_of_scope = [k for k in found if k["status"] == "out_of_scope"]
    assert {k["rule"] for k in out_of_scope} >= {"role.exclusive-offices"}
    assert "role.exclusive-offices" not in text and "005_new" in text


def test_committed_changes_since_an_older_ref(capsys, repo):
    (repo / "seeds" / "005_new.txt").write_text(CONFLICTING, encoding="utf-8")
    git(repo, "add", "seeds")
    git(repo, "commit", "-qm", "new article")
    code, found, _ = conflicts(capsys, repo, "HEAD~1")
    assert code == 1 and any(k["status"] == "new" for k in found)
    code, found, _ = conflicts(capsys, repo, "HEAD")
    assert code == 0 and {k["status"] for k in found} == {"out_of_scope"}


def test_edited_tracked_file_is_in_scope(capsys, repo):
    path = repo / "seeds" / "003_deda07d31d5d09d9.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    code, found, _ = conflicts(capsys, repo, "HEAD")
    assert code == 1
    assert {k["rule"] for k in found if k["status"] == "new"} == {"role.exclusive-offices"}


def test_bad_ref_is_an_input_error(capsys, repo):
    code, out, err = cli(capsys, "check", "seeds", "--changed-since", "no-such-ref")
    assert code == 2
    assert err == "claimcheck: --changed-since: unknown git ref 'no-such-ref'\n"
    assert out == ""


def test_outside_a_repository_is_an_input_error(capsys, tmp_path, monkeypatch):
    copy_seeds(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, err = cli(capsys, "check", "seeds", "--changed-since", "HEAD")
    assert code == 2 and "not inside a git repository" in err
