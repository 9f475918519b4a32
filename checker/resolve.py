"""Stage 5: subject resolution. Turns the words a claim used into a canonical key.

- A subject that names something specific ("the headquarters of the Vientiane
  Department of Justice") gets a global key, so articles can be compared.
- A generic or missing subject ("the bridge", "it", "Construction began in 2021") is
  resolved inside its article: to the article's named entity with the same head noun
  ("the Hieu Giang 2 bridge"), else to the article's main entity (its topic: the named
  entity the headline and text mention most).
- What stays generic ("the Cooperation Agreement") is local to its article (`doc#key`):
  two articles' "the Cooperation Agreement" need not be the same agreement.
Organisations without a place ("the provincial People's Committee") take the place of
the same body named elsewhere in the article.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from checker.aliases import AliasTable
from checker.lexicon import Lexicon
from checker.models import Claim, Segment
from checker.text import fold, match_view

_SPECIFIC = re.compile(r"(?<![.!?]\s)\b[A-Z\u00C0-\u024F][\w'\u2019-]*")
_GENERIC_CAPITALS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "It", "They"})
_TOKEN = re.compile(r"[^\W_][\w'\u2019.-]*[\w]|[^\W_]", re.UNICODE)
_NAME_PART = re.compile(r"^(?:[A-Z\u00C0-\u024F][\w'\u2019.-]*|\d+[A-Za-z]?)$")
_CONNECTORS = frozenset({"of", "and", "-", "&"})
_FUNCTION_WORDS = frozenset({"by", "to", "from", "in", "on", "at", "for", "with", "the", "a", "an", "as", "into",
                             "over", "under", "via", "through", "and", "or", "its", "their", "is", "was", "will"})
_ARTICLE_REGIONS = frozenset({"headline", "body", "caption"})
_TOPIC_KINDS = frozenset({"date", "money", "quantity", "count", "percent", "period"})
_HEADLINE_WEIGHT = 3
_THING_EVENTS = frozenset({"completed", "inaugurated", "construction_started"})


@dataclass
class DocEntities:
    """Named entities of one article: keys by weight, and by head noun."""

    weights: Counter = field(default_factory=Counter)
    by_head: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    first_seen: dict[str, int] = field(default_factory=dict)

    def best(self, counter: Counter) -> str | None:
        if not counter:
            return None
        return min(counter, key=lambda k: (-counter[k], self.first_seen[k]))

    @property
    def topic(self) -> str | None:
        return self.best(self.weights)


class Resolver:
    def __init__(self, lexicon: Lexicon, aliases: AliasTable) -> None:
        self.aliases = aliases
        body_words = {w for forms in lexicon.offices.bodies.values() for f in forms for w in fold(f).split()}
        title_words = {w for t in lexicon.offices.titles.values() for f in t.forms for w in fold(f).split()}
        places = {w for canon, forms in lexicon.aliases.aliases.items() for f in forms + [canon] for w in fold(f).split()}
        self.organisational = frozenset(body_words | title_words | {"ministry", "minister"}) - places - {
            fold(w) for w in lexicon.aliases.noise} - {"national", "central"}
        self.generic = frozenset(lexicon.nouns.plan_nouns) | frozenset(lexicon.aliases.noise) | {
            w.lower() for w in _GENERIC_CAPITALS} | self.organisational
        heads = sorted((fold(h) for h in lexicon.entities.heads), key=lambda h: -len(h.split()))
        self.heads = heads
        self.head_words = {tuple(h.split()): h for h in heads}
        self.anaphora = frozenset(fold(a) for a in lexicon.entities.anaphora)
        self.max_head = max(len(k) for k in self.head_words)

    # --- documents --------------------------------------------------------------

    def entities(self, doc_text: str, segments: list[Segment]) -> DocEntities:
        """Named mentions with a head noun: capitalised words, then up to two modifiers, then the head."""
        found = DocEntities()
        view = match_view(doc_text)
        for seg in segments:
            if seg.region not in _ARTICLE_REGIONS:
                continue
            toks = [(m.group(), m.start()) for m in _TOKEN.finditer(view, seg.start, seg.end)]
            weight = _HEADLINE_WEIGHT if seg.region == "headline" else 1
            for i in range(len(toks)):
                head = self._head_at(toks, i)
                if head is None:
                    continue
                start = self._name_start(toks, i, seg.region == "headline")
                if start is None:
                    continue
                phrase = doc_text[toks[start][1]:toks[i + len(head.split()) - 1][1] + len(toks[i + len(head.split()) - 1][0])]
                key = self.aliases.key(phrase)
                if key is None or not self.is_specific(phrase, skip_first=start == 0) \
                        or any(fold(t) in self.organisational for t, _ in toks[start:i]):
                    continue  # "Ministry of Energy and Mines" is an organisation, not a mine
                found.weights[key] += weight
                found.by_head[head][key] += weight
                found.first_seen.setdefault(key, toks[start][1])
        return found

    def _head_at(self, toks: list[tuple[str, int]], i: int) -> str | None:
        for n in range(min(self.max_head, len(toks) - i), 0, -1):
            words = tuple(_singular(fold(t)) for t, _ in toks[i:i + n])
            if words in self.head_words:
                return self.head_words[words]
        return None

    def _name_start(self, toks: list[tuple[str, int]], i: int, headline: bool) -> int | None:
        """Index of the first word of the name before a head noun, or None when unnamed."""
        j = i
        modifiers = 0
        while j > 0 and toks[j - 1][0].islower() and modifiers < 2 and toks[j - 1][0] not in _FUNCTION_WORDS \
                and fold(toks[j - 1][0]) not in self.generic:
            j -= 1
            modifiers += 1
        k = j
        while k > 0 and (_NAME_PART.match(toks[k - 1][0]) or (toks[k - 1][0] in _CONNECTORS and k - 1 > 0
                                                                and _NAME_PART.match(toks[k - 2][0]))):
            if toks[k - 1][0] in _GENERIC_CAPITALS:
                break
            k -= 1
        if k == j:
            # A capitalised head ("Savannakhet Provincial Hospital") may carry the name itself.
            return None
        return k

    def is_specific(self, text: str, skip_first: bool = False) -> bool:
        """Names something particular: a known place or a capitalised word that is not a common noun."""
        words = _SPECIFIC.findall(text)
        if skip_first and words and text.startswith(words[0]) and len(words) > 1:
            words = words[1:] if words[0] in _GENERIC_CAPITALS else words
        if any(w.lower() not in self.generic and w.lower().rstrip("s") not in self.heads for w in words):
            return True
        return any(t in self.aliases.forms.values() for t in self.aliases.canonical_tokens(text))

    # --- claims -----------------------------------------------------------------

    def resolve(self, claims: list[Claim], entities: dict[str, DocEntities]) -> list[Claim]:
        places = _places_by_body(claims)
        return [self._resolve(c, entities.get(c.document, DocEntities()), places.get(c.document, {})) for c in claims]

    def _resolve(self, claim: Claim, ents: DocEntities, places: dict[str, str]) -> Claim:
        scope = {k: (self.aliases.key(v) or v.lower()) if k in ("of", "parties") else v for k, v in claim.scope.items()}
        update: dict = {"scope": scope}
        if claim.kind == "role":
            value = claim.value
            org = value.organisation
            if org in places:  # "the provincial People's Committee" named in full elsewhere
                org = places[org]
                value = value.model_copy(update={"organisation": org})
                update["value"] = value
            update["subject"] = f"{value.office} @ {org}" if org else None
        elif claim.attribute == "published":
            update["subject"] = None
        else:
            text = claim.subject_text
            if claim.kind == "count" and not text:
                text = claim.scope.get("parties")
            update["subject"] = self._subject_key(claim, text, ents)
        return claim.model_copy(update=update)

    def _subject_key(self, claim: Claim, text: str | None, ents: DocEntities) -> str | None:
        key = self.aliases.key(text) if text else None
        if text and key and self.is_specific(text):
            return key
        head = self._last_head(text) if text else None
        if head and ents.by_head.get(head):
            return ents.best(ents.by_head[head])
        # "it", "the project", "the plant": the article's main entity. A claim with no subject
        # words at all only takes the topic when it is an event of a thing ("Construction began
        # in 2021"): a bare figure ("about 10 km") may be about anything.
        refers_back = text is not None and (fold(text).strip() in self.anaphora or head is not None)
        unnamed_event = text is None and claim.kind == "date" and claim.attribute in _THING_EVENTS
        if (refers_back and claim.kind in _TOPIC_KINDS or unnamed_event) and ents.topic:
            return ents.topic
        return f"{claim.document}#{key}" if key else None

    def _last_head(self, text: str) -> str | None:
        words = [_singular(w) for w in re.findall(r"[a-z0-9']+", fold(text))]
        for i in range(len(words) - 1, -1, -1):
            for n in range(self.max_head, 0, -1):
                if i - n + 1 >= 0 and tuple(words[i - n + 1:i + 1]) in self.head_words:
                    return self.head_words[tuple(words[i - n + 1:i + 1])]
        return None


def _places_by_body(claims: list[Claim]) -> dict[str, dict[str, str]]:
    """Per article: a bare body ("people's committee") -> the one full name with a place."""
    full: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in claims:
        if c.kind == "role" and c.value.organisation:
            org = c.value.organisation
            for body in ("people's committee", "people's council", "party committee", "national assembly",
                         "department", "ministry"):
                if org.endswith(body) and org != body:
                    full[c.document][body].add(org)
    return {doc: {body: next(iter(orgs)) for body, orgs in bodies.items() if len(orgs) == 1}
            for doc, bodies in full.items()}


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word
