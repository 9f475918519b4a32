"""Shared fixtures: the repository's rules, one loaded Toolkit, and helpers that run the
pipeline on a few sentences of text."""

from __future__ import annotations

from pathlib import Path

import pytest
from install_support import CannotBuild, Installed, install

from checker.documents import parse_document
from checker.models import Claim, Conflict, Document
from checker.pipeline import Toolkit

REPO = Path(__file__).resolve().parent.parent
RULES_DIR = REPO / "rules"
SEEDS_DIR = REPO / "seeds"
# A fixed sample of the labelled corpus for tests that check a few clusters end to end (the
# cache, the jobs, a review against a stored corpus): named, so a blind batch added to the
# corpus never changes what they run on.
SAMPLE_CLUSTERS = [REPO / "tests" / "corpus" / name for name in (
    "ambassador-credentials-laos", "angiang-bird-flu", "angiang-expressway-opening", "angiang-kiengiang-rice",
    "attapeu-bauxite", "attapeu-cambodia-power", "attapeu-champasak-dengue", "attapeu-coffee-cooperative",
    "attapeu-gold-mine-royalties", "attapeu-gold-royalties")]


def make_document(text: str, published: str | None = None, doc_id: str = "t") -> Document:
    """A document built the way `read_corpus` builds one; `published` becomes front matter."""
    if published is not None:
        text = f"---\npublished: {published}\n---\n{text}"
    return parse_document(doc_id, f"{doc_id}.txt", text)


_TOOLKIT: Toolkit | None = None


def load_toolkit() -> Toolkit:
    global _TOOLKIT
    if _TOOLKIT is None:
        _TOOLKIT = Toolkit.load(RULES_DIR)
        assert not _TOOLKIT.errors, [e.render() for e in _TOOLKIT.errors]
    return _TOOLKIT


@pytest.fixture(scope="session")
def rules_dir() -> Path:
    return RULES_DIR


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def toolkit() -> Toolkit:
    return load_toolkit()


def analyse_text(text: str, published: str | None = None, doc_id: str = "t") -> list[Claim]:
    """The resolved claims of one article made of `text`."""
    docs, claims, errors = load_toolkit().analyse([make_document(text, published, doc_id)])
    assert not errors, [e.render() for e in errors]
    return claims


def check_texts(texts: list[str | tuple[str, str | None]]) -> list[Conflict]:
    """Conflicts among articles; each item is a text or (text, published); ids a, b, c..."""
    docs = []
    for i, item in enumerate(texts):
        text, published = (item, None) if isinstance(item, str) else item
        docs.append(make_document(text, published, doc_id=chr(ord("a") + i)))
    _, _, conflicts, errors = load_toolkit().check(docs)
    assert not errors, [e.render() for e in errors]
    return conflicts


@pytest.fixture(scope="session")
def analyse():
    return analyse_text


@pytest.fixture(scope="session")
def check():
    return check_texts



@pytest.fixture(scope="session")
def installed(tmp_path_factory) -> Installed:
    """claimcheck built as a wheel and installed in a fresh environment, once per session."""
    try:
        return install(tmp_path_factory.mktemp("wheel"))
    except CannotBuild as exc:
        pytest.skip(str(exc))
