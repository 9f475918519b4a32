"""`claimcheck claims --format parquet`: one row per claim, readable by pyarrow, with offsets
that point into the article and the same claims as `--format json`."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from checker.cli import main

from conftest import REPO

ARTICLES = ["seeds/", "tests/corpus/hieugiang-bridge/"]


@pytest.fixture(scope="module")
def claims(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], dict]:
    """The parquet rows and the JSON of the same articles."""
    out = tmp_path_factory.mktemp("parquet") / "claims.parquet"
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(io.StringIO()) as printed:
        mp.chdir(REPO)
        assert main(["claims", *ARTICLES, "--format", "parquet", "--output", str(out)]) == 0
        assert main(["claims", *ARTICLES, "--format", "json"]) == 0
    return pq.read_table(out).to_pylist(), json.loads(printed.getvalue())


def test_one_row_per_claim_in_the_json_order(claims: tuple[list[dict], dict]) -> None:
    rows, data = claims
    assert len(rows) == len(data["claims"]) > 50
    assert [r["id"] for r in rows] == [c["id"] for c in data["claims"]]
    for row, claim in zip(rows, data["claims"]):
        assert (row["document"], row["kind"], row["attribute"], row["subject"], row["text"]) == \
            (claim["document"], claim["kind"], claim["attribute"], claim["subject"], claim["text"])


def test_offsets_point_at_the_claims_words_in_the_article(claims: tuple[list[dict], dict]) -> None:
    rows, _ = claims
    sources = {r["path"]: (REPO / r["path"]).read_bytes().decode("utf-8") for r in rows}
    for row in rows:
        assert sources[row["path"]][row["start"]:row["end"]] == row["text"], row["id"]


def test_values_are_typed_columns(claims: tuple[list[dict], dict]) -> None:
    rows, data = claims
    by_id = {c["id"]: c for c in data["claims"]}
    dates = [r for r in rows if r["value_type"] == "date"]
    money = [r for r in rows if r["value_type"] == "money"]
    assert dates and money
    for row in dates:
        value = by_id[row["id"]]["value"]
        assert row["value_start"] == (dt.date.fromisoformat(value["start"]) if value["start"] else None)
    for row in money:
        value = by_id[row["id"]]["value"]
        assert (row["value_low"], row["value_high"], row["value_currency"]) == \
            (value["low"], value["high"], value["currency"])


def test_keys_name_the_groups_the_claim_is_compared_in(claims: tuple[list[dict], dict]) -> None:
    rows, _ = claims
    keyed = [r for r in rows if r["keys"]]
    assert keyed
    row = next(r for r in keyed if r["subject"])
    assert all(k["rule"] and k["key"] for k in row["keys"])
    assert any(f"subject={row['subject']}" in k["key"] for k in row["keys"])


def test_the_same_claims_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    for name in ("a", "b"):
        assert main(["claims", "seeds/", "--format", "parquet", "--output", str(tmp_path / name)]) == 0
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()


def test_parquet_needs_an_output_file(capsys: pytest.CaptureFixture) -> None:
    assert main(["claims", str(REPO / "seeds"), "--format", "parquet"]) == 2
    assert capsys.readouterr().err == "claimcheck: --format parquet needs --output FILE\n"
