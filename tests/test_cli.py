"""The `claimcheck` command: exit codes 0/1/2, report files, formats, subcommands."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, RULES_DIR, SEEDS_DIR

SCRIPT = Path(sys.executable).parent / "claimcheck"
CLEAN = ("Publish date 14/03/2024 | 10:11 AM\n\n"
         "The Hieu Giang 2 bridge in Dong Ha was opened to traffic on March 2, 2024. "
         "It has a total investment of VND 500 billion.\n")


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("reports")
    return run("check", "seeds/", "--reports-dir", str(out)), out


def test_check_seeds_exits_1_and_writes_both_reports(checked) -> None:
    result, out = checked
    assert result.returncode == 1, result.stderr
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {k["rule"] for k in data["conflicts"]} == {"date.event-dates", "role.exclusive-offices"}
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "date.event-dates" in md and "has been completed" in md and "completed in April 2024" in md
    assert "date.event-dates" in result.stdout and "role.exclusive-offices" in result.stdout
    assert "has been completed" in result.stdout  # the evidence is quoted


def test_console_script_is_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run([str(SCRIPT), "check", str(SEEDS_DIR), "--reports-dir", str(tmp_path)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert (tmp_path / "report.json").is_file() and (tmp_path / "report.md").is_file()


def test_default_path_is_seeds_and_reports_dir_is_reports(tmp_path: Path) -> None:
    shutil.copytree(SEEDS_DIR, tmp_path / "seeds")
    result = run("--rules", str(RULES_DIR), "check", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert (tmp_path / "reports" / "report.json").is_file()
    assert (tmp_path / "reports" / "report.md").is_file()


def test_format_json_to_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run("check", str(SEEDS_DIR), "--format", "json", "--output", str(out), "--reports-dir",
                 str(tmp_path / "r"))
    assert result.returncode == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"documents", "claims", "conflicts", "errors"} <= set(data)
    assert len(data["conflicts"]) == 2


def test_format_markdown_to_stdout(tmp_path: Path) -> None:
    result = run("check", str(SEEDS_DIR), "--format", "markdown", "--reports-dir", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout == (tmp_path / "report.md").read_text(encoding="utf-8")
    assert result.stdout.lstrip().startswith("#")


def test_clean_article_exits_0(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"), "--format", "json", "--output", str(tmp_path / "o.json"))
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert data["conflicts"] == [] and data["errors"] == []
    assert [d["id"] for d in data["documents"]] == ["a"]
    assert any(c["kind"] == "money" for c in data["claims"])


def test_bad_path_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = run("check", str(missing), "--reports-dir", str(tmp_path / "r"))
    assert result.returncode == 2
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr


def test_undecodable_file_exits_2_and_the_rest_is_checked(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, corpus)
    bad = corpus / "005_latin1.txt"
    bad.write_bytes("Hà Nội và Viêng Chăn ký kết".encode("utf-8").replace(b"\xc3\xa0", b"\xe0"))
    out = tmp_path / "o.json"
    result = run("check", str(corpus), "--format", "json", "--output", str(out))
    assert result.returncode == 2
    assert str(bad) in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["id"] for d in data["documents"]] == sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))
    assert [e["path"] for e in data["errors"]] == [str(bad)]
    assert len(data["conflicts"]) == 2  # the good articles were still checked


def test_empty_folder_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("check", str(empty), "--reports-dir", str(tmp_path / "r"))
    assert result.returncode == 2
    assert str(empty) in result.stderr


def test_unknown_option_exits_2() -> None:
    result = run("check", "--format", "yaml")
    assert result.returncode == 2
    assert "yaml" in result.stderr


def test_claims_json_has_documents_and_claims() -> None:
    result = run("claims", "seeds/001_d80f09471b6c6da1.txt", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"documents", "claims"}
    assert [d["id"] for d in data["documents"]] == ["001_d80f09471b6c6da1"]
    texts = {(c["kind"], c["text"]) for c in data["claims"]}
    assert ("date", "has been completed") in texts
    assert ("money", "3 million USD") in texts


def test_claims_table_lists_one_claim_per_line() -> None:
    result = run("claims", "seeds/001_d80f09471b6c6da1.txt")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any("\tdate\tcompleted\t" in line and "'has been completed'" in line for line in lines)


def test_rules_lists_every_rule() -> None:
    result = run("rules")
    assert result.returncode == 0, result.stderr
    ids = sorted(p.relative_to(RULES_DIR).with_suffix("").as_posix().replace("/", ".")
                 for p in RULES_DIR.rglob("*.yaml") if p.relative_to(RULES_DIR).parts[0] != "data")
    listed = sorted(line.split("\t")[0] for line in result.stdout.splitlines() if line and not line.startswith(" "))
    assert listed == ids


def test_rules_id_shows_its_examples() -> None:
    result = run("rules", "date.event-dates")
    assert result.returncode == 0
    assert "completed before publication vs completed later" in result.stdout
    assert "[fires]" in result.stdout and "[silent]" in result.stdout
    assert "(published 2024-03-14)" in result.stdout


def test_rules_unknown_id_exits_2() -> None:
    result = run("rules", "date.no-such-rule")
    assert result.returncode == 2
    assert "date.no-such-rule" in result.stderr
