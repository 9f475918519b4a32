"""Linking, first pass: which articles tell one story.

Articles about one story share their rare words: the project's name, its district, the
crop, the ministry. Each article becomes a tf-idf vector of the nouns its analysis tagged;
two articles whose vectors' cosine reaches a threshold are linked, and a story is a
connected group. Candidate pairs come from an inverted index of each article's most
weighted words, so a corpus of thousands of articles is not compared pair by pair; inside
one word's articles only those published within STORY_DAYS of each other are paired, and a
pair already in one story is not compared again (it could only join what is joined). A story
is a connected group whatever order its links are found in, so neither changes the stories.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import chain

from checker.analyse import Analysis
from checker.models import DateRange

# Two articles with this cosine of their noun vectors tell one story. Measured on the
# development corpus's clusters (tests/test_stories.py keeps it honest).
LINK_COSINE = 0.3
STORY_DAYS = 90
_INDEXED_WORDS = 12
# idf as if this many more articles shared none of the words: in a corpus of three articles
# about one story, the words all three share still count.
UNSEEN_DOCS = 30
_MIN_LETTERS = 3


def story_words(analysis: Analysis) -> Counter:
    """The article's nouns, lower-cased: what it is about, without its verbs and numbers."""
    words: Counter = Counter()
    for toks in analysis.sentences.values():
        for t in toks:
            if t.is_noun and len(t.text) >= _MIN_LETTERS and t.text.isalpha():
                words[t.text.lower()] += 1
    return words


def group_stories(words: dict[str, Counter], published: dict[str, DateRange] | None = None) -> dict[str, str]:
    """Each article's story, named by the first article id of the story. Articles published
    more than STORY_DAYS apart are never linked: news of one story comes within weeks, and an
    archive holds many stories alike (two airports' expansions, two years' visits)."""
    published = published or {}
    docs = sorted(words)
    df: Counter = Counter(w for d in docs for w in words[d])
    n = len(docs)
    vectors: dict[str, dict[str, float]] = {}
    for d in docs:
        vec = {w: (1 + math.log(c)) * math.log((n + UNSEEN_DOCS) / (1 + df[w])) for w, c in words[d].items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors[d] = {w: v / norm for w, v in vec.items() if v > 0}
    index: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        top = sorted(vectors[d], key=lambda w: (-vectors[d][w], w))[:_INDEXED_WORDS]
        for w in top:
            index[w].append(d)
    parent = {d: d for d in docs}

    def root(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    failed: set[tuple[str, str]] = set()  # pairs compared that did not link, found again under other words
    for w in sorted(index):
        for a, b in _near_in_time(index[w], published):
            ra, rb = root(a), root(b)
            if ra == rb or (a, b) in failed:
                continue
            if cosine(vectors[a], vectors[b]) >= LINK_COSINE:
                parent[max(ra, rb)] = min(ra, rb)
            else:
                failed.add((a, b))
    return {d: root(d) for d in docs}


def _near_in_time(docs: list[str], published: dict[str, DateRange]) -> Iterator[tuple[str, str]]:
    """The pairs of `docs` (as (smaller id, larger id)) published at most STORY_DAYS apart,
    found by a window over their dates rather than by trying every pair; an article of
    unknown date pairs with each of them (its distance from any date is unknown, so it may be near)."""
    dated: list[tuple[dt.date, str]] = []
    undated: list[str] = []
    for d in docs:
        day = published.get(d)
        if day is None or day.start is None:
            undated.append(d)
        else:
            dated.append((day.start, d))
    dated.sort()
    window = dt.timedelta(days=STORY_DAYS)
    for i, (start, a) in enumerate(dated):
        for j in range(i + 1, len(dated)):
            later, b = dated[j]
            if later - start > window:
                break
            yield (a, b) if a < b else (b, a)
    for i, a in enumerate(undated):
        for b in chain(undated[i + 1:], (d for _, d in dated)):
            yield (a, b) if a < b else (b, a)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
