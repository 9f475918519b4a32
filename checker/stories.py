"""Linking, first pass: which articles tell one story.

Articles about one story share their rare words: the project's name, its district, the
crop, the ministry. Each article becomes a tf-idf vector of the nouns its analysis tagged;
two articles whose vectors' cosine reaches a threshold are linked, and a story is a
connected group. Candidate pairs come from an inverted index of each article's most
weighted words, so a corpus of thousands of articles is not compared pair by pair. Inside
one word's articles, taken in date order, an article is compared only with those published
within STORY_DAYS before it, one other story at a time until a pair links, and never with its
own story's articles (a link there could only join what is joined): a story is a connected
group whatever order its links are found in, so this finds the stories that comparing every
near pair finds, at a cost that grows with the articles and the stories near each, not with
the pairs of articles of one story.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, insort
from collections import Counter, defaultdict

from checker.analyse import Analysis
from checker.models import DateRange
from checker.text import fold

# Two articles with this cosine of their noun vectors tell one story. Measured on the
# corpus's clusters (tests/test_stories.py keeps it honest): with folded words, 0.31 links 754
# of the 873 pairs of articles of one cluster and puts 2,044 pairs of different clusters in
# one story (0.30: 776 and 2,829; 0.32: 740 and 1,888).
LINK_COSINE = 0.31
STORY_DAYS = 90
_INDEXED_WORDS = 12
# idf as if this many more articles shared none of the words: in a corpus of three articles
# about one story, the words all three share still count.
UNSEEN_DOCS = 30
_MIN_LETTERS = 3


def story_words(analysis: Analysis) -> Counter:
    """The article's nouns, folded: what it is about, without its verbs and numbers. "Quảng
    Bình" in one outlet is "Quang Binh" in another."""
    words: Counter = Counter()
    for toks in analysis.sentences.values():
        for t in toks:
            if t.is_noun and len(t.text) >= _MIN_LETTERS and t.text.isalpha():
                words[fold(t.text)] += 1
    return words


def group_stories(words: dict[str, Counter], published: dict[str, DateRange] | None = None) -> dict[str, str]:
    """Each article's story, named by the first article id of the story. Articles published
    more than STORY_DAYS apart are never linked: news of one story comes within weeks, and an
    archive holds many stories alike (two airports' expansions, two years' visits)."""
    published = published or {}
    docs = sorted(words)
    vectors = story_vectors(words)
    index = _indexed(vectors)
    stories = _Stories(docs, vectors)
    for w in sorted(index):
        stories.link(index[w], published)
    return {d: stories.root(d) for d in docs}


def story_vectors(words: dict[str, Counter]) -> dict[str, dict[str, float]]:
    """Each article's tf-idf vector of its story words, of length 1."""
    df: Counter = Counter(w for d in words for w in words[d])
    n = len(words)
    vectors: dict[str, dict[str, float]] = {}
    for d in sorted(words):
        vec = {w: (1 + math.log(c)) * math.log((n + UNSEEN_DOCS) / (1 + df[w])) for w, c in words[d].items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors[d] = {w: v / norm for w, v in vec.items() if v > 0}
    return vectors


def _indexed(vectors: dict[str, dict[str, float]]) -> dict[str, list[str]]:
    """The articles of each of their _INDEXED_WORDS most weighted words, in id order: the
    candidates for a link."""
    index: dict[str, list[str]] = defaultdict(list)
    for d in sorted(vectors):
        for w in sorted(vectors[d], key=lambda w: (-vectors[d][w], w))[:_INDEXED_WORDS]:
            index[w].append(d)
    return index


class _Stories:
    """Articles joined into stories (a union-find whose root is a story's first article id),
    linked a word's articles at a time. An article is compared with each other story among the
    articles it may be linked to until one pair links, never with its own story's articles: the
    links then cost what the stories and the pairs that fail cost, not every pair of a story."""

    def __init__(self, docs: list[str], vectors: dict[str, dict[str, float]]) -> None:
        self.parent = {d: d for d in docs}
        self.vectors = vectors
        self.failed: set[tuple[str, str]] = set()  # pairs compared that did not link, met again under other words

    def root(self, d: str) -> str:
        parent = self.parent
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    def link(self, docs: list[str], published: dict[str, DateRange]) -> None:
        """Link the articles of one word that tell one story: every pair published at most
        STORY_DAYS apart (an article of unknown date is near any) whose cosine reaches LINK_COSINE."""
        dated: list[tuple[dt.date, str]] = []
        undated: list[str] = []
        for d in docs:
            day = published.get(d)
            if day is None or day.start is None:
                undated.append(d)
            else:
                dated.append((day.start, d))
        if undated:  # near every article of the word: compared with all of them
            everyone: dict[str, list[tuple[dt.date | None, str]]] = defaultdict(list)
            for d in docs:
                everyone[self.root(d)].append((None, d))
            for a in undated:
                self._join(a, everyone, None)
        dated.sort()
        window = dt.timedelta(days=STORY_DAYS)
        near: dict[str, list[tuple[dt.date | None, str]]] = {}  # the earlier articles by story, expired lazily
        for day, a in dated:
            self._join(a, near, day - window)
            near.setdefault(self.root(a), []).append((day, a))

    def _join(self, a: str, stories: dict[str, list[tuple[dt.date | None, str]]], since: dt.date | None) -> None:
        """Compare `a` with the members (published on or after `since`) of every other story in
        `stories` until one pair links. `stories` holds each story's members in date order and
        is kept keyed by the current roots."""
        for key in list(stories):
            current = self.root(key)
            if current != key:  # joined another story since it was filed
                _merge_into(stories, current, stories.pop(key))
        for key in list(stories):
            members = stories.get(key)
            if members is None or self.root(a) == key:
                continue
            if since is not None and members[0][0] < since:
                del members[:bisect_left(members, (since, ""))]
                if not members:
                    del stories[key]
                    continue
            for _, b in members:
                if a != b and self._linked(a, b):
                    ra = self.root(a)
                    merged, other = min(ra, key), max(ra, key)
                    self.parent[other] = merged
                    if other in stories:
                        _merge_into(stories, merged, stories.pop(other))
                    break

    def _linked(self, a: str, b: str) -> bool:
        pair = (a, b) if a < b else (b, a)
        if pair in self.failed:
            return False
        if cosine(self.vectors[pair[0]], self.vectors[pair[1]]) >= LINK_COSINE:
            return True
        self.failed.add(pair)
        return False


def _merge_into(stories: dict[str, list[tuple[dt.date | None, str]]], key: str,
                members: list[tuple[dt.date | None, str]]) -> None:
    """Add `members` to the story filed under `key`, keeping its date order (the smaller list
    goes into the larger)."""
    own = stories.setdefault(key, [])
    if len(own) < len(members):
        own, members = members, own
        stories[key] = own
    for member in members:
        insort(own, member)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """The dot product of two unit vectors, over the words they share, in the order of the
    shorter's: a word of one only would add 0.0, which leaves a sum of positive terms unchanged."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[w] for w, v in a.items() if w in b)
