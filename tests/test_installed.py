"""Issue 11 end to end, as a newsroom meets claimcheck: installed from its wheel into a fresh
environment (the session's `installed` fixture, install_support.py) and run in a git
repository of articles outside the project folder, through the `claimcheck` script only.

The repository holds the seed articles under articles/, a claimcheck.toml naming them, and a
README that would conflict with them if it were read as an article. Each test works on its
own copy of it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker import __version__
from ci_support import CONFLICTING
from conftest import SEEDS_DIR
from install_support import REPO, TEST_PURELIB, Installed, git

# Two totals of one province's hospitals: count.counts, a warning.
WARNING_ONLY = ("Attapeu Province has built 12 district hospitals. "
                "Officials said Attapeu Province has built 15 district hospitals.\n")
REASON = "the April date is the handover"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The newsroom's repository with its published articles committed on main."""
    repo = tmp_path_factory.mktemp("installed") / "newsroom"
    shutil.copytree(SEEDS_DIR, repo / "articles")
    (repo / "README.md").write_text("# Our articles\n\n" + CONFLICTING, encoding="utf-8")
    (repo / "claimcheck.toml").write_text('paths = ["articles"]\n', encoding="utf-8")
    (repo / ".gitignore").write_text("reports/\n", encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "published articles")
    return repo


@pytest.fixture
def newsroom(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template, tmp_path / "newsroom", symlinks=True))


def report(newsroom: Path) -> dict:
    return json.loads((newsroom / "reports" / "report.json").read_text(encoding="utf-8"))


def test_version_and_a_mistyped_flag(installed: Installed, newsroom: Path) -> None:
    done = installed.claimcheck("--version", cwd=newsroom)
    assert (done.returncode, done.stdout.strip()) == (0, f"claimcheck {__version__}")
    typo = installed.claimcheck("check", "--fail-levl", "none", cwd=newsroom)
    assert typo.returncode == 2 and typo.stderr.startswith("usage: claimcheck check"), typo.stderr


def test_check_reads_the_articles_not_the_readme_or_its_own_reports(installed: Installed, newsroom: Path) -> None:
    first = installed.claimcheck("check", cwd=newsroom)  # the paths of claimcheck.toml
    assert first.returncode == 1, first.stderr
    assert sorted(d["path"] for d in report(newsroom)["documents"]) == sorted(
        f"articles/{p.name}" for p in SEEDS_DIR.iterdir())
    written = {p.name: p.read_bytes() for p in (newsroom / "reports").glob("report.*")}
    again = installed.claimcheck("check", ".", cwd=newsroom)  # the reports and README are there now
    assert again.returncode == 1, again.stderr
    assert {p.name: p.read_bytes() for p in (newsroom / "reports").glob("report.*")} == written
    assert first.stdout == again.stdout


def test_config_shows_the_file_and_an_unknown_key_names_its_line(installed: Installed, newsroom: Path) -> None:
    shown = installed.claimcheck("config", cwd=newsroom / "articles")  # found walking up
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0] == f"# {newsroom / 'claimcheck.toml'}"
    assert 'paths = ["."]' in shown.stdout and 'fail-level = "error"' in shown.stdout
    assert f"# shipped rules: {installed.venv}" in shown.stdout  # the rules shipped in the wheel
    assert "rules = []" in shown.stdout  # and no newsroom folder over them
    (newsroom / "claimcheck.toml").write_text('paths = ["articles"]\nfail_level = "none"\n', encoding="utf-8")
    bad = installed.claimcheck("check", cwd=newsroom)
    assert bad.returncode == 2
    assert f"{newsroom / 'claimcheck.toml'}:2: top level: unknown key 'fail_level'" in bad.stderr


def test_a_failed_run_keeps_the_previous_reports(installed: Installed, newsroom: Path) -> None:
    assert installed.claimcheck("check", cwd=newsroom).returncode == 1
    written = {p.name: p.read_bytes() for p in (newsroom / "reports").glob("report.*")}
    assert set(written) == {"report.json", "report.md", "report.html"}
    (newsroom / "empty").mkdir()
    for args in (["nosuch/"], ["empty"]):
        failed = installed.claimcheck("check", *args, cwd=newsroom)
        assert failed.returncode == 2, failed.stdout
        assert "no report written" in failed.stderr
        assert {p.name: p.read_bytes() for p in (newsroom / "reports").glob("report.*")} == written


def test_fail_level(installed: Installed, newsroom: Path) -> None:
    (newsroom / "warnings").mkdir()
    (newsroom / "warnings" / "hospitals.txt").write_text(WARNING_ONLY, encoding="utf-8")
    listed = installed.claimcheck("check", "warnings", cwd=newsroom)
    assert listed.returncode == 0 and "WARNING count.counts" in listed.stdout
    assert "1 conflict" in listed.stdout and "1 conflicts" not in listed.stdout
    assert installed.claimcheck("check", "warnings", "--fail-level", "warning", cwd=newsroom).returncode == 1


def test_accept_takes_its_options_before_or_after_the_paths(installed: Installed, newsroom: Path) -> None:
    assert installed.claimcheck("check", cwd=newsroom).returncode == 1
    first, second = (c["id"] for c in report(newsroom)["conflicts"])
    for args in ([first, "--reason", "corrected on the site", "articles"],
                 [second, "articles", "--reason", "two offices over time", "--by", "Desk"]):
        done = installed.claimcheck("accept", *args, cwd=newsroom)
        assert done.returncode == 0, done.stderr
    reviewed = yaml.safe_load((newsroom / "reviewed.yaml").read_text(encoding="utf-8"))
    assert "corrected on the site" in str(reviewed) and "two offices over time" in str(reviewed)
    checked = installed.claimcheck("check", cwd=newsroom)
    assert checked.returncode == 0, checked.stdout
    assert [c["status"] for c in report(newsroom)["conflicts"]] == ["accepted", "accepted"]


def test_changed_since_puts_the_sarif_alert_on_the_changed_file(installed: Installed, newsroom: Path) -> None:
    git(newsroom, "checkout", "-qb", "new-article")
    (newsroom / "articles" / "zz_new.txt").write_text(CONFLICTING, encoding="utf-8")  # sorts last
    git(newsroom, "add", ".")
    git(newsroom, "commit", "-qm", "a new article")
    done = installed.claimcheck("check", "--changed-since", "main", "--format", "sarif", "--output", "out.sarif",
                                cwd=newsroom)
    assert done.returncode == 1, done.stderr
    results = json.loads((newsroom / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert results and all(r["ruleId"] == "date.event-dates" for r in results)
    for result in results:
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "articles/zz_new.txt"
        related = result["relatedLocations"]
        assert related and all(r["physicalLocation"]["artifactLocation"]["uri"] != "articles/zz_new.txt"
                               for r in related)
        assert [r["message"]["text"].split(": \"")[0] for r in related] == [
            "Other side: 002_7da5c40dab457da2, published 2025-12-03 (stated in the article)"]


def test_inline_suppression_is_shown_with_its_reason(installed: Installed, newsroom: Path) -> None:
    article = next((newsroom / "articles").glob("002_*.txt"))
    lines = article.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "completed in April 2024" in line)
    lines.insert(at, f"<!-- claimcheck: ignore date.event-dates -- {REASON} -->")
    article.write_text("\n".join(lines), encoding="utf-8")
    done = installed.claimcheck("check", "--format", "sarif", cwd=newsroom)
    assert done.returncode == 1, done.stderr  # the other conflict still fails the run
    results = json.loads(done.stdout)["runs"][0]["results"]
    dates = next(r for r in results if r["ruleId"] == "date.event-dates")
    assert dates["suppressions"][0]["kind"] == "inSource" and REASON in dates["suppressions"][0]["justification"]
    statuses = {c["rule"]: (c["status"], c.get("note", "")) for c in report(newsroom)["conflicts"]}
    assert statuses["date.event-dates"][0] == "suppressed" and REASON in statuses["date.event-dates"][1]
    assert statuses["role.exclusive-offices"][0] == "new"


def test_review_serve_and_rules_from_an_unrelated_folder(installed: Installed, newsroom: Path) -> None:
    (newsroom / "draft.txt").write_text(CONFLICTING, encoding="utf-8")
    reviewed = installed.claimcheck("review", "draft.txt", "--corpus", "articles", cwd=newsroom)
    assert reviewed.returncode == 1, reviewed.stderr
    assert "date.event-dates" in reviewed.stdout and "articles/002_7da5c40dab457da2.txt" in reviewed.stdout
    (newsroom / "empty").mkdir()
    for corpus in ("nosuch/", "empty"):  # never "against 0 articles"
        refused = installed.claimcheck("serve", "--corpus", corpus, "--port", "0", cwd=newsroom, timeout=60)
        assert refused.returncode == 2, refused.stdout + refused.stderr
    piped = subprocess.run(f"'{installed.bin / 'claimcheck'}' rules | head -n 1", shell=True, cwd=newsroom,
                           env=installed.env(), capture_output=True, text=True, timeout=300)
    assert piped.stdout.strip() and "Traceback" not in piped.stderr and "BrokenPipe" not in piped.stderr


def readme_hook() -> dict:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return yaml.safe_load(next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "hooks:" in b))


def pre_commit(newsroom: Path, installed: Installed, *args: str, **env: str) -> subprocess.CompletedProcess:
    """pre-commit, from the test environment, with its store in the newsroom's temporary folder."""
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=newsroom, capture_output=True, text=True,
                          timeout=600, env=installed.env(PRE_COMMIT_HOME=str(newsroom.parent / "pre-commit"), **env))


def test_the_readme_hook_runs_the_installed_claimcheck_on_a_commit(installed: Installed, newsroom: Path) -> None:
    config = readme_hook()
    assert [r["repo"] for r in config["repos"]] == ["local"]  # no placeholder owner or unpublished tag
    (newsroom / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(newsroom, "add", ".pre-commit-config.yaml")
    clean = pre_commit(newsroom, installed, "run", "--files", "README.md")
    assert clean.returncode == 0 and "(no files to check)Skipped" in clean.stdout, clean.stdout
    (newsroom / "articles" / "zz_new.txt").write_text(CONFLICTING, encoding="utf-8")
    git(newsroom, "add", "articles/zz_new.txt")
    failed = pre_commit(newsroom, installed, "run", "--files", "articles/zz_new.txt")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "claimcheck" in failed.stdout and "date.event-dates" in failed.stdout


def test_the_hook_repository_installs_claimcheck_for_pre_commit(installed: Installed, newsroom: Path) -> None:
    """`pre-commit try-repo` on this checkout, as a newsroom's pre-commit would use it.

    pre-commit builds the hook's environment with pip from the hook repository; here that
    pip is kept offline (PIP_NO_INDEX) and builds without isolation, finding setuptools and
    claimcheck's dependencies in the test environment through PYTHONPATH. claimcheck itself
    is installed into the hook's environment from the repository."""
    if not (REPO / ".git").exists():
        pytest.skip("pre-commit try-repo needs claimcheck's checkout to be a git repository")
    if (Path(TEST_PURELIB) / "checker").is_dir():
        pytest.skip("claimcheck is installed in the test environment (not editable): the hook would import it")
    (newsroom / "articles" / "zz_new.txt").write_text(CONFLICTING, encoding="utf-8")
    done = pre_commit(newsroom, installed, "try-repo", str(REPO), "claimcheck", "--all-files", "--verbose",
                      PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0", PYTHONPATH=TEST_PURELIB)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "date.event-dates" in done.stdout and "articles/zz_new.txt" in done.stdout
    # the configuration's articles, not the README, checked with the rules shipped in the package
    assert "claimcheck: 6 documents" in done.stdout
