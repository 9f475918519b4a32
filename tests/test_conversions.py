"""A bracketed conversion repeats its amount in another currency: one disagreement between
two amounts is reported once, with the amounts as written; conversions that disagree while
their amounts agree are a disagreement of their own."""

from __future__ import annotations

from conftest import check_texts

_PORT = "Duyen Hai port\n\nThe Duyen Hai deep-water port in Tra Vinh has a total investment of {amount}, its investor said."


def test_a_disagreement_and_its_conversions_are_one_conflict() -> None:
    conflicts = check_texts([(_PORT.format(amount="VND12.6 trillion (US$495 million)"), "2024-12-15"),
                             (_PORT.format(amount="16.2 trillion VND (about 637 million USD)"), "2024-12-16")])
    assert len(conflicts) == 1
    assert "VND" in conflicts[0].message and "USD" not in conflicts[0].message


def test_conversions_that_disagree_over_one_amount_are_reported() -> None:
    conflicts = check_texts([(_PORT.format(amount="VND12.6 trillion (US$495 million)"), "2024-12-15"),
                             (_PORT.format(amount="VND12.6 trillion (US$795 million)"), "2024-12-16")])
    assert len(conflicts) == 1 and "USD" in conflicts[0].message
