"""Canonical keys for names, places and organisations, from `rules/data/aliases.yaml`.

Keys ignore diacritics, case, word order and wording that carries no identity, so
"the headquarters of the Department of Justice and People's Procuracy of Vientiane
Capital" and "the headquarters of the Vientiane Department of Justice and the
Vientiane People's Procuracy" get the same key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.lexicon import Lexicon
from checker.text import alternation, fold, fold_words, singular

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# "1,152-metre", "6.8-km", "120-megawatt", and an amount with its currency glued on ("VND1,850-billion")
_MEASURE = re.compile(r"(?<![\w.,])(?:[a-z]{2,3}\$?|\$)?\d[\d.,]*-[a-z]+\b")
_INDEFINITE = re.compile(r"^(?:a|an|some|many|several|various|numerous|other|another|more|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b")
# An agency's mark in brackets opening a phrase, as a story's first sentence carries it: "(KPL) The ..."
_LEADING_MARK = re.compile(r"[ \t]*\([^()\n]{1,12}\)[ \t]*")
_PRONOUNS = frozenset({"it", "they", "this", "that", "these", "those", "he", "she", "which", "who", "them"})


class AliasTable:
    def __init__(self, lexicon: Lexicon) -> None:
        data = lexicon.aliases
        forms: dict[str, str] = {}
        capitals = {fold(f) for f in data.capitals_only}
        written: dict[str, str] = {}  # forms that count only in capitals ("NA"), as written
        for canon, surfaces in data.aliases.items():
            forms[fold(canon)] = canon
            for surface in surfaces:
                if fold(surface) in capitals:
                    written[surface.upper()] = canon
                else:
                    forms[fold(surface)] = canon
        self.capitals = written
        self.capitals_pattern = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(f) for f in sorted(written, key=len, reverse=True))
                                           + r")(?![\w'])") if written else None
        for place, former in lexicon.places.renamed.items():
            forms.update((fold(name), place) for name in former)  # "Thua Thien Hue" is Hue
        for nationality, country in lexicon.names.nationalities.items():
            forms.setdefault(fold(nationality), country)  # "Cambodian" is Cambodia's, as "Vietnamese" is Vietnam's
        self.places = frozenset(fold(p) for p in lexicon.places.places) | frozenset(data.aliases)
        real = {fold(p) for p in lexicon.places.places}
        for form, canon in list(forms.items()):
            if " " in form and fold(canon) in real:
                # "Xieng Khuang" written as one word, "Xiengkhuang": the same place
                forms.setdefault(form.replace(" ", ""), canon)
        # "The Mekong Delta province of Tien Giang": the place after its kind and "of" is the phrase's place
        self.kind_of = re.compile(r"\b(?:" + alternation(fold(k) for k in lexicon.places.kinds) + r")[ \t]+of[ \t]+(.+)$")
        # "the 75 MW Xe Nam Kong 1 plant": a figure and a unit of units.yaml before a name are its size
        self.measure = re.compile(r"(?<![\w.,])\d[\d.,]*[ \t]*(?:" + alternation(fold(u) for u in lexicon.units.units)
                                  + r")(?![\w])")
        # "The VND285 billion facility", "the 1.2 trillion VND bridge": its cost is no part of its name
        prefixes = alternation({f for c in lexicon.currencies.prefix for f in (c, fold(c))})
        suffixes = alternation({f for c in lexicon.currencies.suffix for f in (c, fold(c))})
        scales = alternation({fold(w) for w in [*lexicon.numbers.scales, *lexicon.numbers.money_scales]})
        self.amount = re.compile(rf"(?<![\w.,])(?:(?:{prefixes})[ \t]?\d[\d.,]*(?:[ \t]*(?:{scales}))?"
                                 rf"|\d[\d.,]*(?:[ \t]*(?:{scales}))?[ \t]+(?:{suffixes}))(?![\w-]|[.,]\d)", re.IGNORECASE)
        self.place_words = frozenset(w for p in self.places for w in p.split())
        real = frozenset(fold(p) for p in lexicon.places.places)  # not organisations ("national assembly")
        place_forms = sorted(real | {f for f, canon in forms.items() if canon in real}, key=len, reverse=True)
        # a name may be possessive ("Nghe An's graduation rate"), but "an" is no name inside "an's"
        self.place_pattern = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(p) for p in place_forms) + _NAME_END)
        self.forms = forms
        # Multiword places stay one token, so "Nghe An" keeps its "an" and "Long An" is not "long".
        self.joined = forms | {p: p for p in self.places if " " in p and p not in forms}
        ordered = sorted(self.joined, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(f) for f in ordered) + _NAME_END)
        # a day or month in a subject phrase dates it, it does not name it ("Binh Duong on Thursday")
        calendar = lexicon.calendar
        self.noise = frozenset(fold(w) for w in data.noise) | frozenset(
            fold(w) for w in list(calendar.weekdays) + [m for m in calendar.months if len(m) > 3])
        # a hedge of a figure inside the phrase ("The nearly 190-metre bridge") names nothing: the
        # one-word hedges that widen a figure both ways (hedges.yaml), not "over" or "under"
        self.noise |= frozenset(fold(w) for w, h in lexicon.hedges.hedges.items()
                                if " " not in w and h.low and h.high is not None)
        self.named_noise = frozenset(fold(w) for w in data.named_noise)
        self.synonyms = {fold(f): fold(canon) for canon, fs in data.synonyms.items() for f in fs}
        # "the 5th Lao-Thai Friendship Bridge" is "the fifth ..."
        self.synonyms.update({fold(figure): fold(word) for word, figure in lexicon.entities.series_ordinals.items()})
        self.synonym_pattern = re.compile(
            r"(?<![\w'])(?:" + "|".join(re.escape(f) for f in sorted(self.synonyms, key=len, reverse=True)) + r")(?![\w'])"
        ) if self.synonyms else None
        self.endings = {fold(a): fold(b) for a, b in data.american_endings.items()}
        self.ending_pattern = re.compile(
            r"(?<=[a-z]{3})(?:" + "|".join(re.escape(e) for e in sorted(self.endings, key=len, reverse=True)) + r")(?![\w'])"
        ) if self.endings else None
        offices = lexicon.offices
        self.bodies = {fold(f): canon for canon, fs in offices.bodies.items() for f in fs + [canon]}
        # a portfolio's words name a department or ministry, even those that are wrapper words
        # elsewhere: the "Department of Construction" is not the department of the city
        self.portfolio_words = frozenset(w for p in offices.portfolios for w in fold(p).split()) - self.places - {"and"}
        self._keys = lru_cache(maxsize=65536)(self._key)
        self.body_pattern = re.compile(
            r"(?<![\w'])(?:" + "|".join(re.escape(f) for f in sorted(self.bodies, key=len, reverse=True)) + r")(?![\w'])")

    def with_synonyms(self, text: str) -> str:
        """The folded text with each synonym of a common noun replaced by that noun."""
        folded = fold(text)
        if self.ending_pattern is not None:
            folded = self.ending_pattern.sub(lambda m: self.endings[m.group()], folded)  # "fertilizer": fertiliser
        if self.synonym_pattern is None:
            return folded
        return self.synonym_pattern.sub(lambda m: self.synonyms[m.group()], folded)

    def places_in(self, text: str) -> list[str]:
        """Place names in a text, whole phrases ("ha tinh", not "ha" and "tinh"), canonical."""
        return [self.forms.get(m.group(), m.group()) for m in self.place_pattern.finditer(fold(text))]

    def opens_with_place(self, text: str) -> bool:
        """Whether a text starts with a place name ("Ho Chi Minh City", "Do Luong district")."""
        return self.place_pattern.match(fold(text)) is not None

    def canonical_tokens(self, text: str) -> list[str]:
        """Folded tokens, alias phrases replaced by their canonical form as one token, and
        synonyms of a common noun by that noun ("checkpoint" -> "border gate")."""
        folded = self.with_synonyms(text)
        out: list[str] = []
        pos = 0
        for m in self.pattern.finditer(folded):
            out.extend(_plain(folded[pos:m.start()]))
            possessive = folded.startswith("'s", m.end())
            out.append(self.joined[m.group()] + ("'s" if possessive else ""))
            pos = m.end() + (2 if possessive else 0)
        out.extend(_plain(folded[pos:]))
        return out

    def key(self, text: str) -> str | None:
        """A subject key: the set of identifying tokens; None for indefinite or empty phrases.
        Keys are asked for again and again (resolution asks for every claim's, every run), and
        the table never changes once built, so each text's is made once."""
        return self._keys(text)

    def _key(self, text: str) -> str | None:
        if (mark := _LEADING_MARK.match(text)) is not None:
            text = text[mark.end():]  # "(KPL) The Vientiane Capital State Bus Enterprise": the agency's mark, no name's word
        folded = fold(self._capitals(text)).strip()
        if not folded or folded in _PRONOUNS or _INDEFINITE.match(folded) and not self._opens_with_place(folded):
            return None
        kind_of = self.kind_of.search(folded)
        if kind_of and kind_of.group(1).strip() in self.places:
            folded = kind_of.group(1).strip()
        folded = self.measure.sub(" ", _MEASURE.sub(" ", self.amount.sub(" ", folded)))  # "the 1,152-metre Ben Thuy 3 bridge": its size is no part of its name
        tokens = self._drop_owner(self.canonical_tokens(folded))
        kept = sorted({self._singular(bare(t)) for t in tokens if bare(t) not in self.noise})
        if all(t.isdigit() for t in kept):
            return None  # "as of February 22": a day, no thing (months are noise, numbers alone name nothing)
        return " ".join(kept)

    def without_amount(self, text: str) -> str:
        """The phrase without an amount of money inside it: "The VND285 billion facility" is the facility."""
        return " ".join(self.amount.sub(" ", text).split())

    def _opens_with_place(self, folded: str) -> bool:
        """Whether a phrase that opens like an indefinite one opens with a place instead ("An
        Giang province", "An Nhon town"): "an" there is a name's word."""
        words = folded.split()
        return " ".join(words[:2]) in self.places or " ".join(words[:3]) in self.places

    def _singular(self, token: str) -> str:
        """"floods" and "flood" are one key word; place names ("Laos") keep their s."""
        return token if token in self.places or token in self.forms.values() else singular(token)

    def _capitals(self, text: str) -> str:
        """The text with the forms that count only in capitals ("NA") written as their canonical."""
        return self.capitals_pattern.sub(lambda m: self.capitals[m.group()], text) if self.capitals_pattern else text

    def organisation(self, text: str) -> str | None:
        """Canonical organisation: place tokens, other words, then body ("Hanoi People's Committee",
        "People's Committee of Hanoi" -> "hanoi people's committee")."""
        folded = re.sub(r"(?<!people)'s\b", "", fold(self._capitals(text)))  # "the National Assembly's Committee"
        body = None
        m = self.body_pattern.search(folded)
        if m:
            body = self.bodies[m.group()]
            folded = folded[:m.start()] + " " + folded[m.end():]
        places = [bare(t) for t in self.canonical_tokens(folded)]
        named = self._capitalised_noise(text)
        places = [t for t in places if (t not in self.noise or t in self.portfolio_words or t in named)
                  and t not in ("central", "committee")]
        # its places first, then its other words: "the provincial Department of Industry and
        # Trade" placed in Thanh Hoa is the key "Thanh Hoa Department of Industry and Trade" has
        words = sorted(dict.fromkeys(places), key=lambda t: (t not in self.places, t))
        parts = words + ([body] if body else [])
        return " ".join(parts) or None


    def _capitalised_noise(self, text: str) -> frozenset[str]:
        """The noise words a body's name writes with a capital (aliases.yaml named_noise):
        "the Northern Centre for Environmental Monitoring"."""
        return frozenset(w for w in map(fold, _CAPITALISED.findall(text)) if w in self.named_noise)

    def _drop_owner(self, tokens: list[str]) -> list[str]:
        """"Ha Noi's development assistance projects to build X" is about X: an owner whose
        possession is only wrapper words ("projects to build") is not part of the subject."""
        for i, tok in enumerate(tokens[:4]):
            if tok.endswith("'s") and tok != "people's":
                if i + 1 < len(tokens) and tokens[i + 1] in self.noise:
                    return tokens[i + 1:]
                break
        return tokens


# A name ends at a word's end: possessive "Nghe An's" and "Laos' " end it, but "an" is no name
# inside "an's" of another word, nor "lao" inside "lao'xyz".
_NAME_END = r")(?![\w]|'(?!s\b|[ \t]|$))"


_CAPITALISED = re.compile(r"(?<![\w'])[A-Z][\w-]*")


def _plain(text: str) -> list[str]:
    return _TOKEN.findall(text)


def bare(token: str) -> str:
    """A folded word without its possessive: "railway's" is the railway ("people's" is a name part)."""
    return token[:-2] if token.endswith("'s") and token != "people's" else token


@lru_cache(maxsize=65536)
def person_key(name: str, honorifics: frozenset[str] = frozenset()) -> str:
    """A person's name without diacritics, case or the forms of address in `honorifics`
    (names.yaml: the role extractor drops them before the name already)."""
    tokens = [t for t in fold_words(name) if t not in honorifics]
    return " ".join(tokens)
