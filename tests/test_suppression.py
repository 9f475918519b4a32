"""Inline suppression (issue 11, item 5): a comment in an article, or its front matter,
silences one rule for that passage; the conflict is shown as suppressed with the reason in
every report, it does not fail the run, and the comment itself yields no claim."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ci_support import SEEDS, cli

from checker.pipeline import run_check
from ci_support import RULES

SECOND = "002_7da5c40dab457da2.txt"
CLAIM_LINE = "Hà Nội’s development assistance projects to build the headquarters"
REASON = "the April date is the handover, confirmed with the desk on 2 May 2024"
COMMENT = f"<!-- claimcheck: ignore date.event-dates -- {REASON} -->"


def corpus(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """seeds/001 and seeds/002 (which disagree on when the headquarters was completed), with 002 edited."""
    folder = tmp_path / "articles"
    folder.mkdir(parents=True)
    first = "001_d80f09471b6c6da1.txt"
    (folder / first).write_text((SEEDS / first).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / SECOND).write_text(edit((SEEDS / SECOND).read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def before_claim_line(text: str, insert: str) -> str:
    i = text.index(CLAIM_LINE)
    return text[:i] + insert + text[i:]


def reports(capsys, folder: Path, tmp_path: Path) -> dict[str, str]:
    """Every format's output for the folder, and the exit code under 'code'."""
    out: dict[str, str] = {}
    for fmt in ("json", "text", "markdown", "html", "sarif", "github"):
        target = tmp_path / f"out.{fmt}"
        code, _, _ = cli(capsys, "check", str(folder), "--format", fmt, "--output", str(target))
        out[fmt] = target.read_text(encoding="utf-8")
        out["code"] = str(code)
    return out


def event_conflict(report_json: str) -> dict:
    return next(k for k in json.loads(report_json)["conflicts"] if k["rule"] == "date.event-dates")


def test_a_comment_before_the_line_suppresses_the_rule_in_every_report(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = corpus(tmp_path, lambda t: before_claim_line(t, COMMENT + "\n"))
    out = reports(capsys, folder, tmp_path)
    assert out["code"] == "0"  # suppressed conflicts do not fail the run
    conflict = event_conflict(out["json"])
    assert conflict["status"] == "suppressed"
    assert REASON in conflict["note"] and f"{SECOND[:-4]}" in conflict["note"]
    assert "SUPPRESSED date.event-dates" in out["text"] and REASON in out["text"]
    assert "Status **suppressed**" in out["markdown"] and REASON in out["markdown"]
    assert "suppressed" in out["html"] and REASON in out["html"]
    assert "::notice " in out["github"] and REASON in out["github"]
    result = json.loads(out["sarif"])["runs"][0]["results"][0]
    assert result["suppressions"] == [{"kind": "inSource", "status": "accepted", "justification": conflict["note"]}]


def test_a_comment_at_the_end_of_the_line_suppresses_it(tmp_path):
    folder = corpus(tmp_path, lambda t: t.replace("contribution to Vientiane’s social development.",
                                                 "contribution to Vientiane’s social development. " + COMMENT))
    from checker.decide import decide
    report = run_check([folder], RULES)
    k = next(k for k in report.conflicts if k.rule == "date.event-dates")
    assert decide(report)[k.id].status == "suppressed"


@pytest.mark.parametrize("edit", [
    lambda t: before_claim_line(t, "<!-- claimcheck: ignore count.counts -- another rule -->\n"),
    lambda t: before_claim_line(t, COMMENT + "\n\nA paragraph in between, about nothing in dispute.\n\n"),
], ids=["another rule", "another passage"])
def test_a_comment_silences_only_its_rule_and_its_passage(tmp_path, edit):
    from checker.decide import decide
    report = run_check([corpus(tmp_path, edit)], RULES)
    k = next(k for k in report.conflicts if k.rule == "date.event-dates")
    assert decide(report)[k.id].status == "new"


def test_front_matter_suppresses_a_rule_for_the_whole_article(tmp_path):
    from checker.decide import decide
    head = f"---\nclaimcheck-ignore: [date.event-dates]\nclaimcheck-ignore-reason: {REASON}\n---\n"
    report = run_check([corpus(tmp_path, lambda t: head + t)], RULES)
    k = next(k for k in report.conflicts if k.rule == "date.event-dates")
    decision = decide(report)[k.id]
    assert decision.status == "suppressed" and REASON in decision.note


def test_the_comment_yields_no_claims_and_offsets_stay_exact(tmp_path):
    plain = run_check([corpus(tmp_path / "a", lambda t: t)], RULES)
    # a reason full of figures and dates must not become claims
    noisy = f"<!-- claimcheck: ignore date.event-dates -- completed on 3 March 2021 for $5 million, 40% done -->"
    commented = run_check([corpus(tmp_path / "b", lambda t: before_claim_line(t, noisy + " "))], RULES)
    texts = {d.id: d.text for d in commented.documents}
    for claim in commented.claims:
        assert texts[claim.document][claim.start:claim.end] == claim.text
    assert sorted((c.kind, c.text) for c in commented.claims) == sorted((c.kind, c.text) for c in plain.claims)


def test_a_misspelt_note_is_a_warning_naming_its_line(tmp_path):
    text = "Headline of the article here\n\nIt opened on March 3, 2024.\n<!-- claimcheck: ingore date.event-dates -->\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    report = run_check([tmp_path], RULES)
    assert [(w.line, w.message[:30]) for w in report.warnings] == [(4, "a claimcheck comment reads `<!")]
