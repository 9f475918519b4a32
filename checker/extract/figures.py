"""What a figure is about: the attribute word and owner phrase around a number.

Money, quantities and percentages share these patterns: "<owner> with a budget of
<figure>", "<owner> stood at <figure>", "<owner> covers <figure>", "<figure> of <whole>".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from dataclasses import dataclass

from checker.analyse import Tokens, clause_subject, governing_verb, noun_phrase_at, subject_words
from checker.extract.base import DETERMINERS, Sentence, antecedent_before, copular_antecedent, np_before, phrase_after, phrase_before, sentence_subject
from checker.extract.reporting import DURING, ReportingPeriods
from checker.lexicon import Entities, Events, FigureLinks, Lexicon, Nouns, Places
from checker.models import DateRange
from checker.text import DESIGNATOR, alternation, fold, fold_words, singular
from checker.timex import resolve



# Words allowed between an attribute and its figure: "occupancy rate has reached 65%".
# ... and a month or year between them: "inflation in May stood at 22.6%"; or a plan's
# word: "a revenue estimate of", "Revenue is projected at", "is expected to reach".
_GLOSS_TOKENS = 6  # tokens back from a closing bracket within which its opening one stands
_CONNECT = (r"(?:[ \t]+(?:of|at|to|has|have|had|now|already|reached|reaches|stood|stands|stand|was|is|were|are|"
            r"only|totalled|totaled|amounting|amounted|worth|hit|rose|fell|a|record|an|estimated|total|combined|earned|fetched|averaging|averaged|"
            r"generated|estimate|target|forecast|projected|expected|set|reach|in[ \t]+[A-Z][a-z]+|in[ \t]+(?:19|20)\d\d)){0,3}[ \t]+$")
_OF_GROUP = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?([a-z][^,;:.()]{2,120}?)" + _CONNECT[:-1])
_ATTRIBUTE_AFTER = r"[ \t]+(?:in|for|as|of|from)[ \t]+((?:[a-z-]+[ \t]*){1,4})"
WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")  # the word right after a figure
_AS_AFTER = re.compile(r"[ \t]+as\b")
_IN_ATTRIBUTE = re.compile(r"[ \t]+in[ \t]+((?:[a-z-]+[ \t]*){1,4})")
_TRAILING_PERIOD = re.compile(r"[ \t]+(?:in|during|over|for)[ \t]+(.*)$")
# a comma that closes an opening phrase or a clause ("In 2023,", "..., which opened in 2020,")
_COMMA_AFTER_CLAUSE = re.compile(r"(?:^[ \t]*(?:In|On|At|By|For|During|Since|With)\b[^,]*|\b(?:which|who|that)\b[^,]*),$")
_CLAUSE_REACH = 1000  # characters: no real clause is longer before its figure
_RELATIVE_REACH = 150  # tokens back from a figure to the "where" clause it sits in
_PLACE_PREPOSITIONS = frozenset({"in", "at"})
_HEDGE_TAGS = frozenset({"RB", "IN", "DT", "JJ", "JJR"})  # "adding some 132 MW", "bringing nearly 500 MW"
_AGENT_BY = re.compile(r"\bby[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
# the agent's phrase ends before the attribute's: "by the investors at a cost of" (not "by a loan of")
_THEN_AT = re.compile(r"[ \t](?:at|with)[ \t]", re.IGNORECASE)
# an attribute's phrase opened by "at" inside the phrase before it: "a 5.2-ha site at a total cost of"
_AT_ATTRIBUTE = re.compile(r"[ \t]at[ \t]+(?:an?|the)[ \t]+(?:[a-z-]+[ \t]+)?$", re.IGNORECASE)
NAMED = re.compile(r"\b[A-Z][a-z]")  # a capitalised word past a phrase's first letter
# "41,200 visitors from Laos": the place named after "from", in up to three capitalised words
# a possessor right before a figure: "the country's 2,640 enterprises", "Binh Duong's 29 parks",
# "The city's 58.2km section"
POSSESSOR_BEFORE = re.compile(r"\b((?:[Tt]he[ \t]+)?[A-Za-z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3})['\u2019]s[ \t]+$")
FROM_NAME = re.compile(r"[ \t]+from[ \t]+(?:the[ \t]+)?([A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})\b")
_LEADING_PREPOSITION = re.compile(r"^(?:in|of|at|from|for|to)[ \t]+")
_COPULA = re.compile(r"\b(?:was|were|is|are|been|be)[ \t]+$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween[ \t]+(?:the[ \t]+)?([A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3})[ \t]+and[ \t]+(?:the[ \t]+)?"
                      r"([A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,3})(?![\w'-])")
_GOVERNED = re.compile(r"([A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,2})[ \t]+(?:through|via|at|of|from|to|between|for)[ \t]+$")
_ADVERBS = frozenset({"so", "far", "thus", "already", "also", "now", "still", "just", "to", "date", "recently"})
# Where a new clause with its own subject starts inside a sentence.
_BARE = frozenset({"a", "an", "the", "its", "their", "this"})
_COORDINATORS = frozenset({"and", "or", "but"})  # a phrase of only these names nothing: a verb's second
_WORD = re.compile(r"[A-Za-z]+")
_YEAR_WORD = re.compile(r"(?:19|20)\d\d")
_VERB_PHRASE_TAGS = ("VB", "MD", "RB", "RP", "TO")
_PHASE_AFTER = 80  # characters after a figure within which a phase may be named for it
_PHASE_STOP = re.compile(r"[,;:.]")  # the end of the phrase a phase after a figure may stand in
_PHASE_PREPOSITION = re.compile(r"[ \t]+(?:in|for|of|under)[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?", re.IGNORECASE)
_OBJECT_TAGS = ("DT", "JJ", "NN", "IN", "CD")  # the words of a verb's object up to a figure in it
_FINITE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})  # a verb and its auxiliaries, adverbs and particles
# "The province also earned": an adverb after the owner is no part of it
_TRAILING_ADVERBS = re.compile(r"(?:[ \t]+(?:" + "|".join(sorted(_ADVERBS)) + r"))+[ \t]*$", re.IGNORECASE)
# "the 240 MW plant", "a VND680 billion apron expansion": the noun after a figure it modifies.
_NOUN_AFTER = re.compile(r"[ \t-]+([A-Za-z][a-z-]{2,24}(?:[ \t]+[a-z][a-z-]{2,24}){0,2})\b")
# "the 45 MW Nam Mouan 2", "the 100 MW Nam Mouan 1 plant": a name with its number, then its head
# ("the 49.6km Cam Lac - Ky Anh section": a route named by its two ends is one name)
_NAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z][\w'-]{0,24}(?:[ \t]+(?:-[ \t]+)?(?:[A-Z][\w'-]{1,24}|\d{1,3}[A-Za-z]?\b)){1,5}"
                         r"(?:[ \t]+[a-z][a-z-]{2,24}){0,2})\b")
_OF_NAME = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,5}")
_NOT_NOUNS = frozenset({"of", "in", "on", "at", "to", "from", "and", "or", "with", "for", "by", "per", "long", "wide",
                        "high", "deep", "away", "each", "a", "the", "was", "were", "is", "are", "has", "have", "will",
                        "would", "had", "be", "been", "this", "that", "which", "who", "last", "next", "earlier", "ago"})
_NOT_NOUN_TAGS = frozenset({"IN", "TO", "RB", "CC", "DT", "WDT", "MD"})  # a word after a figure that opens no noun
_BEFORE_TO_TAGS = frozenset({"VB", "JJ"})  # "close to", "adjacent to": with "to" after, no noun either
_TO_AFTER = re.compile(r"[A-Za-z]+[ \t]+to\b")
# "a VND680 billion apron", "The new VND1,850-billion facility": a determiner and at most one word
# ("Ho Chi Minh City's VND9.89 trillion project": a possessive is a determiner too)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:a|an|the|its|their|this)|\w['\u2019]s?)[ \t]+(?:[a-z]+[ \t]+)?$", re.IGNORECASE)


def _plural_after(toks: Tokens) -> bool:
    """Whether a plural noun follows, past adjectives only ("three idle farms")."""
    for t in toks:
        if t.tag == "NNS":
            return True
        if t.tag != "JJ":
            return False
    return False


def _verb_then_its_object(between: Tokens) -> bool:
    """Whether the words between a subject and its figure are its verb and then that verb's object
    with the figure in it ("The three idle farms ... represent a total investment of VND9.2
    trillion"): no second verb, clause or list."""
    verbs = [i for i, t in enumerate(between) if t.tag.startswith(_VERB_PHRASE_TAGS)]
    if not verbs or verbs[0] != 0 or not all(t.tag.startswith(_VERB_PHRASE_TAGS) for t in between[:verbs[-1] + 1]):
        return False
    # (an object naming what the figure measures, not a place the subject acts in: "were working on the 446ha site")
    obj = between[verbs[-1] + 1:]
    return bool(obj) and not obj[0].tag.startswith("IN") and any(t.tag.startswith("NN") for t in obj) \
        and all(t.tag.startswith(_OBJECT_TAGS) and t.text.lower() not in ("that", "which") for t in obj)


def noun_after(view: str, end: int, hi: int, phases: Phases, tokens: Tokens = (), most: int = 2) -> tuple[int, int] | None:
    """The span of the noun phrase a figure modifies, when one follows it ("the 45-km road"),
    never a preposition's phrase the tagger sees ("stretches 11.7 km through five districts").
    Up to `most` words: an amount's noun may take three ("its VND9.89 trillion tidal
    flood-control project"), a measure's two ("a 200 MW offshore wind" project is no story's)."""
    name = _NAME_AFTER.match(view, end, hi)
    if name:
        words = list(re.finditer(r"\S+", name.group(1)))
        # the name's head, up to two words ("the 150MW Son La hydropower plant"), not its verb
        # ("the 45 MW Nam Mouan 2 was", "the 100 MW Nam Mouan 1 plant began")
        while words[-1].group()[:1].islower() and (words[-1].group().lower() in _NOT_NOUNS or _tagged_at(
                tokens, name.start(1) + words[-1].start(), _NOT_NOUN_TAGS | _FINITE_VERB_TAGS)):
            words.pop()
        return name.start(1), name.start(1) + words[-1].end()
    m = _NOUN_AFTER.match(view, end, hi)
    if m and m.group(1).lower().split()[0] not in _NOT_NOUNS \
            and not _tagged_at(tokens, m.start(1), _NOT_NOUN_TAGS | _FINITE_VERB_TAGS) \
            and not (_tagged_at(tokens, m.start(1), _BEFORE_TO_TAGS) and _TO_AFTER.match(view, m.start(1), hi)):
        # ("sits on 12.5 hectares close to the river": a word that takes "to" describes no noun)
        # up to three words, to the first that is no noun's ("the VND15.48 trillion crossing gets
        # under way": the crossing; "its VND9.89 trillion tidal flood-control project": the project)
        words = list(re.finditer(r"\S+", m.group(1)))
        stop = m.start(1) + words[0].end()
        for k, w in enumerate(words[1:], 1):
            at = m.start(1) + w.start()
            if w.group().lower() in _NOT_NOUNS or _tagged_at(tokens, at, _FINITE_VERB_TAGS) \
                    or k >= most or k == 2 and not _tagged_at(tokens, at, _NOUN_TAGS):
                break  # (a third word only when the analysis reads it as a noun)
            stop = m.start(1) + w.end()
        # "the VND1,850-billion facility of Nghe An Oncology Hospital": whose facility it is
        owner = _OF_NAME.match(view, stop, hi) if phases.of(view, m.start(1), stop, reach=stop - m.start(1)) is None else None
        return m.start(1), owner.end() if owner else stop  # (a phase's owner is its thing: "the 150MW first phase")
    return None


def _tagged_at(tokens: Tokens, pos: int, tags: frozenset[str]) -> bool:
    """Whether the analysis has a word starting at `pos` with one of `tags` (a search, not a scan)."""
    i = bisect_left(tokens, pos, key=lambda t: t.start)
    return i < len(tokens) and tokens[i].start == pos and tokens[i].tag in tags


def before_place(words: list[str]) -> list[str]:
    """A phrase's words before the place it names ("the four-lane bridge in Nong Khiaw town":
    the bridge's), all of them when it names none."""
    return words[:next((i for i, w in enumerate(words) if w in _PLACE_PREPOSITIONS), len(words))]


def opening_participle_subject(s: Sentence, pos: int, tags: tuple[str, ...] = ("VBG", "VBN"),
                               with_phrase: bool = False) -> str | None:
    """A figure inside the participle phrase a sentence opens with ("Spanning some 38,000 sq
    m, the terminal will have", "Built with a grant of 1.1 billion yuan from the Chinese
    government, the hospital is"), or with `with_phrase` inside an opening "With" phrase ("With
    22,700 hectares of tea, Thai Nguyen is the leading tea province"): the main clause's
    subject, after the phrase's comma."""
    toks = s.tokens
    if not toks or toks[0].end > pos or toks[0].tag not in tags and not (with_phrase and toks[0].text.lower() == "with"):
        return None
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if comma is None or toks[comma].start < pos or any(t.is_verb for t in toks[1:comma]):
        # the figure after the phrase ("According to the department, goods worth ..."), or a
        # gerund that is the subject ("Sending a container ... costs about US$1,900, ...")
        return None
    main = toks[comma + 1:]  # the main clause, read on its own
    verb = next((t for t in main if t.is_verb), None)
    span = subject_words(main, verb.end, s.clause_words) if verb is not None else None
    if span is None:
        return None
    # with its article: "the 1,850-metre walkway" is the story's walkway, told as known
    article = next((t for t in main if t.end <= span[0] and t.tag == "DT" and t.text.lower() in DETERMINERS
                    and not s.doc.text[t.end:span[0]].strip()), None)
    return s.doc.text[article.start if article is not None else span[0]:span[1]]


def trailing_participle_subject(s: Sentence, pos: int) -> str | None:
    """A figure right after the participle that closes a sentence ("The Nam Ou 8 plant ... was
    put into commercial operation on 4 November, adding 132 MW to the national grid"): what
    the participle tells of the main clause's subject, before its comma."""
    toks = s.tokens
    i = bisect_left(toks, pos, key=lambda t: t.start)
    j = i - 1
    while j > 0 and i - j <= 2 and toks[j].tag in _HEDGE_TAGS:
        j -= 1  # "adding some 132 MW"
    if j < 1 or toks[j].tag != "VBG" or toks[j - 1].text != ",":
        return None
    span = main_clause_subject(toks[:j - 1], s.clause_words)
    return s.doc.text[span[0]:span[1]].rstrip() if span else None


def main_clause_subject(main: Tokens, clause_words: frozenset[str]) -> tuple[int, int] | None:
    """The subject of the first verb of `main`, the tokens of a main clause before the comma of a
    participle that closes its sentence, without its place's words ("The Nam Ou 8 Hydropower
    Plant in Khoua District": the plant)."""
    verb = next((t for t in main if t.is_verb), None)
    span = subject_words(main, verb.end, clause_words) if verb is not None else None
    if span is None:
        return None
    where = next((t for t in main if span[0] < t.start < span[1] and t.text.lower() in _PLACE_PREPOSITIONS), None)
    return (span[0], where.start) if where is not None else span


def modified_noun(view: str, lo: int, start: int, end: int, hi: int, phases: Phases,
                  tokens: Tokens = (), most: int = 2) -> tuple[int, int] | None:
    """"a VND680 billion apron expansion": a figure between a determiner and a noun names that noun's size."""
    if not _DETERMINER_BEFORE.search(view, max(lo, start - 20), start):
        return None
    return noun_after(view, end, hi, phases, tokens, most)


@lru_cache(maxsize=8)
def clause_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """Where a clause with its own subject opens: a semicolon, or one of `words` (the data's
    clause conjunctions, "while", "but")."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    opener = r"(?:,[ \t]*|\b)(?:" + alternatives + r")[ \t]+|" if words else ""
    return re.compile(opener + r";[ \t]*", re.IGNORECASE)


def same_verb(s: Sentence, periods: ReportingPeriods, before: int, start: int, of: str = "") -> bool:
    """Whether only "and", with a verb of its own or none, and the words of a period stand
    between a figure ending at `before` and the one at `start`: the second is the first one's
    verb's, of the same thing ("hit 2.2 billion USD in 2024 and 1.05 billion USD in the first
    five months", "... last year, and reached US$1.5 billion"; not "... and imports US$2
    billion", "... from tourism and VND 2 trillion"). The words of `of`, what the first figure
    is of, may stand there too ("7.1 million tonnes of cargo in 2024 and 3.9 million tonnes")."""
    toks = s.tokens[bisect_left(s.tokens, before, key=lambda t: t.start):bisect_left(s.tokens, start, key=lambda t: t.start)]
    goods = frozenset(fold(of).split())
    rest = [t for t in toks if t.text not in (",", "(", ")") and not periods.words.fullmatch(t.text.lower())
            and fold(t.text) not in goods]
    return bool(rest) and rest[0].text.lower() == "and" and (len(rest) == 1 or len(rest) == 2 and rest[1].is_verb)


def clause_start(view: str, lo: int, pos: int, words: frozenset[str]) -> int:
    """Where the clause holding `pos` starts, looking back no further than `lo` nor than
    `_CLAUSE_REACH` characters (an unpunctuated run of figures stays linear)."""
    start = lo = max(lo, pos - _CLAUSE_REACH)
    for m in clause_pattern(words).finditer(view, lo, pos):
        start = m.end()
    return start


class PartMarkers:
    """A figure that is a part of another in its sentence (entities.yaml part markers):
    "including 150 ...", "of which 24", "the 420 km line, 60 km of it in Vietnam", and every
    figure of the list a marker opens ("comprising 30,500 tonnes of robusta and 13,900 tonnes
    of arabica")."""

    _LIST_TAGS = ("CD", "NN", "NNS", "NNP", "NNPS", "JJ", "IN", "CC", "DT", ",", "$")

    def __init__(self, ents: Entities, link_verbs: list[str]) -> None:
        before, after = ents.part_markers_before, ents.part_markers_after
        self.link_verbs = frozenset(fold(v) for v in link_verbs)
        self.before = re.compile(r"\b(?:" + alternation(before) + r")(?![\w])", re.IGNORECASE)
        self.after = re.compile(r"[ \t]+(?:" + alternation(after) + r")\b", re.IGNORECASE)
        self.whole = re.compile(r",?[ \t]+(?:" + alternation(before) + r")(?![\w])", re.IGNORECASE)
        self.border = re.compile(r"\b(?:" + alternation(ents.part_border_ends) + r")\b", re.IGNORECASE)
        self.whole_nouns = frozenset(fold(w) for w in ents.part_of_wholes)
        self.ordinal = re.compile(r"\b(" + alternation(ents.part_ordinals) + r")[ \t]+$", re.IGNORECASE)
        self.location_links = frozenset(fold(w) for w in ents.part_location_links)
        self.locations = frozenset(fold(w) for w in ents.part_locations)

    def ordinal_before(self, s: Sentence, start: int, end: int) -> str | None:
        """The ordinal right before a figure that picks some of a whole ("the first two berths",
        "with the first 63 MW of its capacity online"): the part it names, else None. Not when
        the figure describes the noun after it ("The first 16.4km section"): the ordinal picks
        that noun, and the figure is all of it."""
        m = self.ordinal.search(s.view, max(s.start, start - _ORDINAL_REACH), start)
        if m is None:
            return None
        i = bisect_left(s.tokens, end, key=lambda t: t.start)
        return None if i < len(s.tokens) and s.tokens[i].is_noun else m.group(1).lower()

    def is_whole(self, view: str, noun_end: int, hi: int) -> bool:
        """The figure's noun is followed by the parts it holds ("The 6.8-km project, including
        the bridge, approach roads and three interchanges"): a whole, not one of its parts."""
        return self.whole.match(view, noun_end, hi) is not None

    def is_part(self, s: Sentence, start: int, end: int) -> bool:
        view = s.view
        if self.after.match(view, end, s.end) or self._of_figure(s, end) or self._of_whole(s, end) \
                or self._in_location(s, end) or self._to_border(view, end, s.end):
            return True
        marker = None
        for m in self.before.finditer(view, max(s.start, start - _PART_LIST_WINDOW), start):
            marker = m
        if marker is None:
            return False
        between = [t for t in s.tokens if marker.end() <= t.start and t.end <= start]
        if between and between[-1].text.lower() in self.link_verbs \
                and any(t.text == "," for t in between[:-1]):
            return False  # "The project, comprising berths No 7 and No 8, costs VND7.48 trillion": past the aside
        # right after the marker ("including 150"), or in the list it opens, with no verb between
        return len(between) <= 2 and not any(t.text[:1].isdigit() for t in between) \
            or all(t.tag in self._LIST_TAGS for t in between)


    def _to_border(self, view: str, end: int, hi: int) -> bool:
        """"stretches 28.2 km from the Na Phao substation to the border": the figure's clause
        (to its next comma or semicolon) ends what it measures at a border (entities.yaml
        part_border_ends): one side's section."""
        hi = min(hi, end + _BORDER_REACH)  # (a bounded look: many figures in one sentence stay linear)
        stop = min((i for i in (view.find(",", end, hi), view.find(";", end, hi)) if i >= 0), default=hi)
        return self.border.search(view, end, stop) is not None

    def _of_whole(self, s: Sentence, end: int) -> bool:
        """"contributing 24.3 billion USD of the export value": "of", a determiner or a
        possessive, then a whole's noun (entities.yaml part_of_wholes) ending its phrase."""
        i = bisect_left(s.tokens, end, key=lambda t: t.start)
        after = s.tokens[i:i + 5]
        if len(after) < 3 or after[0].text.lower() != "of" or after[1].tag not in ("DT", "PRP$"):
            return False
        k = 2
        while k + 1 < len(after) and after[k + 1].is_noun:
            k += 1  # "of the export value": the compound's last noun
        # "covering VND7.2 trillion of the total": "total" read as an adjective is the whole too;
        # "has converted 42 hectares of its fields": any whole its owner's possessive names
        return (after[k].is_noun or after[k].tag == "JJ") and fold(after[k].text) in self.whole_nouns \
            or after[1].tag == "PRP$" and after[k].is_noun and (k + 1 == len(after) or not after[k + 1].is_noun)

    def _in_location(self, s: Sentence, end: int) -> bool:
        """"410 stalls on the ground floor", "80 beds in its new wing": a link word, a
        determiner or a possessive, then a place inside a thing (entities.yaml part_locations)
        ending its phrase, right after the figure."""
        i = bisect_left(s.tokens, end, key=lambda t: t.start)
        after = s.tokens[i:i + 7]
        if len(after) < 3 or fold(after[0].text) not in self.location_links or after[1].tag not in ("DT", "PRP$"):
            return False
        k = 2
        while k < len(after) - 1 and fold(after[k].text) not in self.locations and after[k].tag in _LOCATION_MODIFIERS:
            k += 1  # "the ground floor", "its new east wing"
        return fold(after[k].text) in self.locations and not (k + 1 < len(after) and after[k + 1].is_noun)

    @staticmethod
    def _of_figure(s: Sentence, end: int) -> bool:
        """"190 hectares of the project's 460-hectare site", "60 km of the 420 km line": "of",
        a determiner or a possessive, then another figure: a part of that whole (read from
        the analysis's tags, so no word list)."""
        i = bisect_left(s.tokens, end, key=lambda t: t.start)
        after = s.tokens[i:i + 6]
        if not after or after[0].text.lower() != "of":
            return False
        k = 1
        if k < len(after) and after[k].tag in ("DT", "PRP$"):
            k += 1
        while k < len(after) - 1 and after[k].tag.startswith("NN") and after[k + 1].tag != "POS":
            k += 1  # "of the Lao Ngam project's": the owner's name
        if k + 1 < len(after) and after[k + 1].tag == "POS":
            k += 2
            if k < len(after) and after[k].text == "s":  # the tagger splits "project's" as "project", "'", "s"
                k += 1
        return 1 < k < len(after) and (after[k].tag == "CD" or after[k].text[:1].isdigit())


_LOCATION_MODIFIERS = frozenset({"JJ", "JJS", "CD", "NN", "NNP", "VBN"})  # "the ground floor", "its new east wing"
_PART_LIST_WINDOW = 160  # how far back a list of parts may have opened
_ORDINAL_REACH = 12  # characters between a part's ordinal and its figure ("remaining ")
_BORDER_REACH = 120  # characters after a figure within which its clause may end it at a border


class WholeOpener:
    """A sentence about the whole of its thing (entities.yaml whole_words): "The whole My Thuy port
    area covers 685 hectares ... total investment of over VND 14,000 billion", "The wider port,
    estimated to cost about US$560 million": not the figures of the part the story is about."""

    def __init__(self, words: list[str], links: list[str]) -> None:
        whole = r"(?:the|its|their)[ \t]+(?:" + alternation(words) + r")\b"
        self.pattern = re.compile(r"[ \t]*" + whole, re.IGNORECASE)
        self.clause = re.compile(r"[,;][ \t]*(?:(?:" + alternation(links) + r")[ \t]+)?" + whole, re.IGNORECASE)

    def opens(self, s: Sentence, pos: int) -> bool:
        """Whether the sentence, or a clause before `pos`, opens on the whole ("The bridge has a
        main span of 150m, and the whole project ... stretches 3.7km")."""
        return self.pattern.match(s.view, s.start, s.end) is not None \
            or self.clause.search(s.view, max(s.start, pos - _CLAUSE_REACH), pos) is not None

    def names(self, phrase: str) -> bool:
        """Whether a phrase opens on the whole ("the whole route", "The entire project")."""
        return self.pattern.match(phrase) is not None


class Buyers:
    """A buyer a trade figure is the purchases of (places.yaml buyer words): "The US remained the
    largest single buyer, with US$298 million", "followed by Japan with US$410 million", "the EU
    bought US$3.4 billion worth of Vietnamese apparel"."""

    def __init__(self, lexicon: Lexicon) -> None:
        places = lexicon.places
        self.calendar_words = frozenset(w.lower() for w in [*lexicon.calendar.months, *lexicon.calendar.weekdays])
        self.buyer_nouns = frozenset(w.lower() for w in places.buyer_nouns)
        self.purchase_verbs = frozenset(w.lower() for w in places.purchase_verbs)
        self.nationalities = frozenset(fold(w) for w in places.nationalities)
        self.listed_buyer = re.compile(r"(?:(?:^|\b)(?:" + alternation(places.buyer_list_openers) + r")|,)[ \t]+(?:the[ \t]+)?"
                                       r"([A-Z][\w'.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'.-]*){0,3})[ \t]+(?:"
                                       + alternation(places.buyer_list_links) + r")[ \t]+(?:"
                                       + alternation(lexicon.hedges.hedges) + r")?[ \t]*$")

    def of(self, s: Sentence, start: int, end: int) -> str | None:
        """The named buyer an amount is the purchases of: the clause's subject, a name ("The
        United States", "the EU", "Japan"), with a buyer noun between it and the amount ("remained
        by far the biggest market, buying"), or a purchase verb before the amount whose object
        has a nationality ("imported $7.3 billion worth of Vietnamese wood products") or in a
        sentence that named buyers before ("Among major markets, the EU bought")."""
        toks = s.tokens
        listed = self.listed_buyer.search(s.view, max(s.start, start - 80), start)
        if listed and any(t.text.lower() in self.buyer_nouns or t.text.lower() in self.purchase_verbs for t in toks):
            return s.doc.text[listed.start(1):listed.end(1)]  # "followed by the US with 190 million USD"
        span = clause_subject(toks, start, s.clause_words)
        if span is None:
            return None
        last, aside = span[1], []
        if toks[last - 1].text == "," and last - 1 > span[0]:
            # "The U.S., the largest buyer, imported": the name before its apposition
            cut = next(k for k in range(span[0], last) if toks[k].text == ",")
            last, aside = cut, [t.text.lower() for t in toks[cut + 1:span[1] - 1]]
        first = next((k + 1 for k in range(last - 1, span[0] - 1, -1) if toks[k].text == ","), span[0])
        words = [t for t in toks[first:last] if t.tag != "DT"]  # "This year, the US": past the opening
        # ("US" is tagged as the pronoun "us"; a pronoun in lower case or "It" names no buyer)
        if not words or not all(t.text[:1].isupper() for t in words) \
                or any(t.tag == "POS" or t.tag == "PRP" and not t.text.isupper() for t in words):
            return None  # "Vietnam's exports", "It": no buyer by name
        name = s.doc.text[toks[first].start:toks[last - 1].end]
        between = aside + [t.text.lower() for t in toks[span[1]:bisect_left(toks, start, key=lambda t: t.start)]]
        stop = next((t.start for t in toks[bisect_left(toks, end, key=lambda t: t.start):] if t.text in (",", ";", ".")), s.end)
        source = _FROM_NAME.search(s.view, end, stop)
        if source and source.group(1).lower() not in self.calendar_words:  # not "from January to October"
            return None  # "Vietnam, the biggest importer, bought US$2.9 billion of raw cashew from Cambodia": its imports
        if any(w in self.buyer_nouns for w in between):
            return name
        verb = next((w for w in reversed(between) if w in self.purchase_verbs), None)
        if verb is None:
            return None
        # "..., while Japan imported nearly US$3.3 billion" after "Among major markets,": buyers
        # the sentence has named as such
        earlier = {t.text.lower() for t in toks[:span[0]]}
        return name if earlier & self.buyer_nouns or any(w in self.nationalities for w in fold(s.view[end:stop]).split()) \
            else None


_FROM_NAME = re.compile(r"\bfrom[ \t]+(?:the[ \t]+)?([A-Z][a-z]*)")  # "from Cambodia": where a purchase came from


def subject_cut(toks: Tokens, i: int, j: int) -> int:
    """Where a subject's span [i, j) stops being its head phrase: at its first preposition,
    conjunction, comma or bracket ("Nam Du, an island off Kien Giang": Nam Du)."""
    return next((k for k in range(i, j) if toks[k].tag in ("IN", "CC") or toks[k].text in (",", "(")), j)


class PlaceOwners:
    """The place a figure belongs to, read from the sentence analysis: the clause's subject
    when it is a place ("Vietnam exported ...") or a place's possessive ("Viet Nam's rice
    shipments ...")."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.places = frozenset(fold(w) for w in lexicon.places.places + lexicon.places.countries)
        self.kinds = frozenset(lexicon.places.kinds)
        self.flow_nouns = frozenset(w.lower() for w, flow in lexicon.nouns.flow_words.items() if flow == "exports")
        self.channels = frozenset(w.lower() for w in lexicon.places.channel_words)  # the gate or port a flow passes
        self.several = frozenset(w.lower() for w in lexicon.nouns.several_words)
        self.hedge_words = frozenset(w.lower() for h in lexicon.hedges.hedges for w in h.split())
        self.agents = frozenset(fold(w) for w in lexicon.entities.trade_agents)
        cal = lexicon.calendar
        self.when_words = frozenset(fold(w) for w in [*lexicon.entities.time_nouns, *cal.when_words, *cal.previous_words])
        self.trade_verbs = frozenset(fold(w) for w in lexicon.entities.price_trade_verbs)
        self.place_words = frozenset(w for p in self.places for w in p.split())

    def traders_only(self, phrase: str) -> bool:
        """Whether a phrase names only who trades, where or when ("traders in Gia Lai Province",
        "farmers", "This spring"): a price's payer or seller or its time, not the good it is the
        price of."""
        words = [singular(w) for w in fold_words(phrase)]
        return bool(words) and all(w in self.agents or w in self.place_words or w in self.when_words for w in words)

    def traded_good(self, s: Sentence, start: int, clause_words: frozenset[str]) -> str | None:
        """The good a price is for when its clause's verb trades it ("Traders are buying white
        salt at the fields for 1,580 VND per kg"): the verb's object, before the price."""
        toks = s.tokens
        i = governing_verb(toks, start, clause_words)
        if i is None or fold(toks[i].text) not in self.trade_verbs:
            return None
        k = i + 1
        while k < len(toks) and toks[k].tag in ("DT", "PRP$"):
            k += 1
        if k >= len(toks) or toks[k].start >= start:
            return None
        span = noun_phrase_at(toks, toks[k].start)
        if span is None or span[1] > start or self.traders_only(s.doc.text[span[0]:span[1]]):
            return None
        return fold(s.doc.text[span[0]:span[1]])

    def place_in(self, text: str) -> str | None:
        """The longest run of capitalised words in a phrase that is a known place ("Bac Giang
        lychee": Bac Giang)."""
        words = text.split()
        for n in range(min(4, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                run = " ".join(words[i:i + n])
                if all(w[:1].isupper() for w in words[i:i + n]) and self._place(run):
                    return run
        return None

    def the_kind(self, s: Sentence, subject: tuple[int, int]) -> str | None:
        """"The city", "the province": a place named only by its kind (the article's own)."""
        words = s.doc.text[s.tokens[subject[0]].start:s.tokens[subject[1] - 1].end].split()
        return " ".join(words) if len(words) == 2 and words[0].lower() == "the" and words[1].lower() in self.kinds else None

    def of_clause(self, s: Sentence, pos: int) -> str | None:
        span = clause_subject(s.tokens, pos, s.clause_words) if s.tokens else None
        return self.of_subject(s, span) if span else None

    def several_of_clause(self, s: Sentence, pos: int) -> str | None:
        """The clause's subject when it counts several things ("the two plants together
        exported", "Both plants shipped"): the figure is their sum, not the article's one thing's."""
        span = clause_subject(s.tokens, pos, s.clause_words) if s.tokens else None
        if span is None:
            return None
        stop = bisect_left(s.tokens, pos, key=lambda t: t.start)  # (a search: the sentence may be long)
        between = [t for t in s.tokens[span[1]:stop] if t.end <= pos]
        if not all(t.tag.startswith(_VERB_PHRASE_TAGS) or t.text.lower() in self.hedge_words for t in between) \
                and not _verb_then_its_object(between):
            # the subject of the figure's own verb only: "320 houses were damaged and 1,500ha of
            # rice was inundated", "the two sides appreciated that the bilateral trade of" are others'
            return None
        toks = s.tokens[span[0]:span[1]]
        cut = next((k for k, t in enumerate(toks) if t.tag in ("IN", "CC") or t.text in (",", "(")), len(toks))
        toks = toks[:cut]  # "exports in the first five months": the head's words, before its complements
        counted = any(t.text.lower() in self.several for t in toks) or any(
            a.tag == "CD" and not _YEAR_WORD.fullmatch(a.text) and _plural_after(toks[k + 1:])
            for k, a in enumerate(toks))  # "the two plants", "the three idle farms"
        return s.doc.text[toks[0].start:toks[-1].end] if counted and toks else None

    def named_of_clause(self, s: Sentence, pos: int) -> str | None:
        """The clause's subject when it is a thing named in capitals ("Elsewhere in the
        region, Da Nang Port handled 8.3 million tonnes"): the figure is that thing's, not
        the article's main thing's. Its words run to the first preposition ("Chu Lai Port in
        Quang Nam"); a subject with no capitalised noun, or only a sentence's first word, is
        no name."""
        span = clause_subject(s.tokens, pos, s.clause_words) if s.tokens else None
        return self.named_subject(s, span) if span else None

    def named_subject(self, s: Sentence, span: tuple[int, int]) -> str | None:
        """The words of a subject's span when it is a thing named in capitals (see `named_of_clause`)."""
        toks = s.tokens
        i, j = span
        cut = subject_cut(toks, i, j)
        nouns = [k for k in range(i, cut) if toks[k].is_noun]
        # (a sentence's first word tagged as a name is one: the analysis gives a common word
        # capitalised to open it its own tag, "Freight volume rose")
        if not nouns or not any(toks[k].tag.startswith("NNP") for k in nouns) \
                or any(toks[k].tag in ("PRP", "PRP$", "CD") for k in range(i, cut)):
            return None
        return s.doc.text[toks[i].start:toks[cut - 1].end]

    def of_subject(self, s: Sentence, subject: tuple[int, int]) -> str | None:
        toks = s.tokens
        i, j = subject
        pair = _BETWEEN.search(s.doc.text, toks[i].start, toks[j - 1].end) if j > i else None
        if pair and self._place(pair.group(1)) and self._place(pair.group(2)):
            # "two-way trade between Nghe An and Laos": the pair's, not either place's alone
            return f"{pair.group(1)} and {pair.group(2)}"
        through = next((k for k in range(i + 1, j - 1) if toks[k].text.lower() in self.channels), None)
        if through is not None:
            # "trade through the Tay Trang international border gate had increased": the named
            # gate's trade, not the story's province's
            first = through + 2 if toks[through + 1].text.lower() == "the" else through + 1
            if first < j and toks[first].text[:1].isupper() and toks[first].text.isalpha():
                # up to its first preposition: "the Lao Bao international border gate in the
                # central province of Quang Tri" is the gate
                cut = next((k for k in range(first + 1, j) if toks[k].tag == "IN" or toks[k].text == ","), j)
                owned = next((k for k in range(first + 1, cut) if toks[k].tag == "POS"), None)
                if owned is not None and toks[cut - 1].tag == "NNS" \
                        and (place := self._place(s.doc.text[toks[first].start:toks[owned - 1].end])):
                    return place  # "Exports through Lao Cai's border gates": all of the place's gates, the place's
                return s.doc.text[toks[first].start:toks[cut - 1].end]
        to = next((k for k in range(i + 1, j - 1) if toks[k].text.lower() == "to" and toks[k - 1].is_noun), None)
        if to is not None and self.flow_nouns & {toks[to - 1].text.lower()} and not any(t.tag == "POS" for t in toks[i:to]):
            # ("Vietnam's exports to Laos": the exporter is named, and owns them)
            # "Exports to the United States, the sector's largest market, surged 24%": the buyer's
            first = to + 2 if toks[to + 1].text.lower() == "the" else to + 1
            cut = next((k for k in range(first, j) if not (toks[k].text[:1].isupper() or toks[k].text == ".")), j)
            if first < cut:
                return s.doc.text[toks[first].start:toks[cut - 1].end]
        for k in range(i, j - 2):
            # "The Mekong Delta province of Long An earned ...": the place after its kind and "of"
            # (its head: "Trade turnover through the gate in the province of Quang Tri" is the gate's)
            if toks[k].tag == "IN":
                if toks[k].text.lower() == "in" and k > i and (toks[k - 1].tag == "NNS" or singular(fold(toks[k - 1].text)) in self.agents):
                    # "Rubber growers in the southern province of Binh Duong harvested", "Seaports
                    # in the city of Hai Phong handled": the place's own, as "Binh Duong harvested"
                    # is the place (not one thing there: "The dry port next to ... station")
                    return self.of_subject(s, (k + 1, j))
                break
            if self._kind(toks[k]) and toks[k + 1].text.lower() == "of" and k + 2 < j and toks[k + 2].text[:1].isupper():
                # the capitalised run after "of" ("The northern Lao province of Luang Namtha,
                # which borders ...": Luang Namtha)
                end = k + 2
                while end < j and toks[end].text[:1].isupper() and toks[end].text.isalpha():
                    end += 1
                return self._place(s.doc.text[toks[k + 2].start:toks[end - 1].end])
        run: list[int] = []
        for k in range(i, j):
            # the tagger reads some words of Vietnamese and Lao names as English ("Hoi An": DT)
            if toks[k].tag == "NNP" or run and toks[k].text[:1].isupper() and toks[k].text.isalpha():
                run.append(k)
            elif run and toks[k].text == "," and k == run[-1] + 1 and not any(t.is_verb for t in toks[i:k]):
                run = []  # "Nationwide, Viet Nam exported": an opening word and its comma
            elif run:
                break
        if not run:
            return None
        kind = run[-1] + 1 < j and self._kind(toks[run[-1] + 1])
        # the head is the last noun before a preposition: "Police in the province of Ha Tinh" are no place
        head_end = next((k for k in range(i + 1, j) if toks[k].tag == "IN" and toks[k - 1].is_noun), j)
        nouns = [k for k in range(i, head_end) if toks[k].is_noun and not (k == run[-1] + 1 and kind)]
        possessive = run[-1] + 1 < j and toks[run[-1] + 1].tag == "POS"
        if not (possessive or nouns and nouns[-1] in run):
            return None  # "The Lao section of the railway": a place modifying something else
        name = s.doc.text[toks[run[0]].start:toks[run[-1]].end]
        if kind:  # "Quoc Oai district": a place by its kind, listed or not
            return s.doc.text[toks[run[0]].start:toks[run[-1] + 1].end]
        if possessive and run[-1] + 2 < j:
            # "Vietnam's southern Tien Giang province exported ...": the place inside the country
            # that the subject is (not "Vietnam's exports to Laos")
            k = run[-1] + 2
            if k < j and toks[k].text == "s":
                k += 1  # the tagger may split "Vietnam's" as "Vietnam", "'", "s"
            while k < j and toks[k].tag == "JJ":
                k += 1
            end = k
            while end < j and toks[end].text[:1].isupper() and toks[end].text.isalpha():
                end += 1
            inner = self._place(s.doc.text[toks[k].start:toks[end - 1].end]) if end > k else None
            if inner and (end == j or self._kind(toks[end])):
                return inner
        return self._place(name)

    def _kind(self, tok) -> bool:
        """"city" in "Hoi An city": the place's kind, not another thing the place modifies."""
        return tok.text.lower() in self.kinds

    def possessor(self, s: Sentence, at: int) -> str | None:
        """The place right before "'s" within the noun phrase ending at token `at`."""
        toks = s.tokens
        pos, k, seen = None, at - 1, 0
        while k >= 0 and seen < 3:
            if toks[k].text == ")":
                # "Vietnam's tra fish (pangasius) exports": a gloss in brackets is no word of the phrase
                opening = next((j for j in range(k - 1, max(-1, k - _GLOSS_TOKENS), -1) if toks[j].text == "("), None)
                if opening is None:
                    return None
                k = opening - 1
                continue
            if toks[k].tag == "POS":
                pos = k
                break
            k -= 1
            seen += 1
        if pos is None:
            return None
        k = pos
        while k - 1 >= 0 and toks[k - 1].tag == "NNP":
            k -= 1
        if k == pos:
            return None
        return self._place(s.doc.text[toks[k].start:toks[pos - 1].end])

    def _place(self, text: str) -> str | None:
        folded = fold(text)
        return text if folded in self.places or folded.replace(" ", "") in self.places else None


class Goods:
    """Traded goods in an owner phrase or an "of" scope (entities.yaml goods): "seafood exports",
    "The rice export volume", "Export turnover of rice" are the trade in one good, written one way
    ("aquatic products" is seafood) so two outlets' figures of it meet."""

    def __init__(self, lexicon: Lexicon) -> None:
        ents = lexicon.entities
        self.goods = {tuple(fold(g).split()): fold(g) for g in ents.goods}
        self.longest = max(len(k) for k in self.goods)
        self.synonyms = {fold(k): fold(v) for k, v in ents.goods_synonyms.items()}
        self.flows = {fold(k): v for k, v in lexicon.nouns.flow_words.items() if v in ("exports", "imports")}
        self.heads = frozenset(w for h in ents.heads for w in fold(h).split())
        self.measures = frozenset(fold(w) for w in ents.trade_measures)
        pl = lexicon.places
        self.not_kinds = self.heads | frozenset(w for p in pl.places + pl.countries + pl.nationalities + pl.kinds
                                                for w in fold_words(p)) \
            | frozenset(fold(w) for w in ents.trade_agents) | _BARE | {"s", "of", "and", "from"}

    def flow_before(self, view: str, lo: int, pos: int) -> str | None:
        """The flow the nearest flow word before `pos` in its sentence names, if any."""
        found = None
        for m in _WORD.finditer(view, lo, pos):
            found = self.flows.get(m.group().lower(), found)
        return found

    def canonical(self, phrase: str) -> str | None:
        """The good a phrase names, with the words that qualify it ("raw cashew"), or None."""
        found = self.in_phrase(phrase)
        return found[0] if found else None

    def _good_at(self, words: list[str], i: int) -> tuple[str, int] | None:
        """The longest good starting at word `i` and where it ends, written its one way."""
        for n in range(min(self.longest, len(words) - i), 0, -1):
            if tuple(words[i:i + n]) in self.goods:
                good = " ".join(words[i:i + n])
                return self.synonyms.get(good, good), i + n
        return None

    def after_of(self, phrase: str) -> str | None:
        """The good right after the phrase's first "of" ("187,500 tonnes of latex in 2024":
        latex), written its one way, or None."""
        words = [singular(w) for w in fold_words(phrase)]
        at = words.index("of") + 1 if "of" in words else None
        found = self._good_at(words, at) if at is not None else None
        return found[0] if found else None

    def in_phrase(self, phrase: str) -> tuple[str, str | None] | None:
        """(the good, its flow) when the phrase is about one good: its words before a flow or
        measure word, or after "of" ("Export turnover of rice"); None when it names none, or
        names a thing besides (a port's, a plant's figures are the thing's)."""
        words = [singular(w) for w in fold_words(phrase)]
        hit = None
        for i in range(len(words)):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                if tuple(words[i:i + n]) in self.goods:
                    hit = (i, i + n)
                    break
            if hit:
                break
        if hit is None:
            return None
        start = hit[0]
        if start > 0 and words[start - 1] not in self.flows and words[start - 1] not in self.not_kinds \
                and (start < 2 or words[start - 2] != "and"):
            start -= 1  # "raw cashew", "fresh lychee": the word that says which kind ("fresh and frozen durian": all of it)
        if any(w in self.heads for w in words[:start] + words[hit[1]:]):
            return None
        good = " ".join(words[start:hit[1]])
        good = self.synonyms.get(good, good)
        after = words[hit[1]] if hit[1] < len(words) else None
        second = self._good_at(words, hit[1] + 1) if after == "and" else None
        if second is not None:
            # "Wood and wood products": one line of goods ("wood product", the wider name);
            # "textiles and garments": two goods told as one figure's
            hit = (hit[0], second[1])
            good = second[0] if second[0].split()[:len(good.split())] == good.split() else f"{good} and {second[0]}"
            after = words[hit[1]] if hit[1] < len(words) else None
        if after is not None and after not in self.flows and after not in self.measures:
            return None  # "the rice mill": a kind of thing
        flow = next((self.flows[w] for w in words if w in self.flows), None)
        return good, flow




_RELATIVE_NAME_TOKENS = 6  # "in Bac Quang district," : the longest place phrase a "where" clause hangs from
_COORDINATED_NAME = re.compile(r"[ \t]*(?:,|and|or|&)[ \t]+[A-Z]")  # "Quang Ngai and Quang Nam"


SEVERAL_PLACES = "several places"  # the scope of a total of places a figure's clause names together


class WiderArea:
    """An area wider than the story's place opening a sentence: "Across the northern region,
    the rain killed 15 people" counts the region's dead; "At the national level, coverage
    reached 82 percent" is the country's rate, not the province's (places.yaml wider_areas)."""

    def __init__(self, places: Places) -> None:
        self.pattern = re.compile(rf"[ \t]*(?:{alternation(places.area_openers)})[ \t]+(?:the[ \t]+)?"
                                  rf"((?:[a-z]+[ \t]+){{0,2}}(?:{alternation(places.wider_areas)}))\b[^,.;]{{0,40}},",
                                  re.IGNORECASE)

        self.adverbs = re.compile(rf"\b(?:{alternation(places.wider_adverbs)})\b", re.IGNORECASE)
        nouns = alternation(places.several_place_nouns)
        name = r"[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2}"
        self.several = re.compile(rf"\b(?i:in|across)[ \t]+(?:(?i:(?:the[ \t]+)?(?:{alternation(places.several_place_counts)})"
                                  rf"[ \t]+(?:{nouns}))\b|{name}[ \t]+and[ \t]+{name}(?![\w'-]))")
        self.wider_words = frozenset(w.lower() for w in places.wider_areas)
        # a name of up to three words right before a whole marker (its capitals checked in code)
        self.whole = re.compile(rf"([^\W\d_][\w'-]*(?:[ \t]+[^\W\d_][\w'-]*){{0,2}})[ \t]+"
                                rf"(?i:{alternation(places.whole_place_markers)})\b")
        # "In neighbouring Ha Giang, ...", "In Điện Biên, ...": another named place opening the
        # sentence (its words' capitals are checked in code: a class of letters knows no case)
        self.named = re.compile(rf"[ \t]*(?i:{alternation(places.area_openers)})[ \t]+(?i:({alternation(places.neighbour_words)})[ \t]+)?"
                                rf"([^\W\d_][\w'-]*(?:[ \t]+[^\W\d_][\w'-]*){{0,3}}?)(?:[ \t]+((?i:{alternation(places.kinds)})))?"
                                rf"(?:[ \t]+(?i:{alternation(places.opening_closers)}))?[ \t]*,")
        self.places = frozenset(fold(p) for p in places.places)
        self.neighbours = frozenset(w.lower() for w in places.neighbour_words)
        self.kinds = frozenset(w.lower() for w in places.kinds)
        self.openers = frozenset(w.lower() for w in places.area_openers)
        self.relatives = frozenset(w.lower() for w in places.place_relatives)
        # up to two more words of the good ("and corn", "dead"), then "in" and a capitalised
        # name, or its kind first ("in the northern province of Thái Nguyên")
        self.in_named = re.compile(rf"(?:[ \t]+[a-z][a-z-]*){{0,2}}[ \t]+in[ \t]+(?:the[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?"
                                   rf"(?:{alternation(places.kinds)})[ \t]+of[ \t]+)?([^\W\d_][\w'-]*(?:[ \t]+[^\W\d_][\w'-]*){{0,2}})")
        self.any_place = re.compile(rf"\b(?:{alternation(sorted(self.places, key=len, reverse=True))})\b")

    def of(self, view: str, lo: int, pos: int) -> str | None:
        """The wider area the sentence starting at `lo` opens with, before `pos`; or the named
        place it opens with ("In neighbouring Ha Giang, four people died")."""
        m = self.pattern.match(view, lo, pos)
        if m:
            return " ".join(m.group(1).lower().split())
        return self._named_opening(view, lo, pos, neighbour=False)

    def _named_opening(self, view: str, lo: int, pos: int, neighbour: bool) -> str | None:
        """The named place a sentence opens with ("In Điện Biên, ..."); with `neighbour`, only
        one called a neighbour ("In neighbouring Yên Bái Province, ...")."""
        named = self.named.match(view, lo, pos)
        if named is None or neighbour and named.group(1) is None \
                or not all(w[0].isupper() for w in named.group(2).split()) \
                or named.group(2).split()[0].lower() in DETERMINERS:  # "In The Province,": no name
            return None
        # a listed place, or any name with its kind ("In Van Don district alone, ...")
        return fold(named.group(2)) if fold(named.group(2)) in self.places or named.group(3) else None

    def paragraph_neighbour(self, s: Sentence, pos: int) -> str | None:
        """The neighbouring place the sentence's paragraph opened with, when the sentence names
        no place before the figure: after "In neighbouring Yên Bái Province, the disease first
        appeared in May.", "As of June 20, the province had recorded 447 households" are Yên
        Bái's, not the story's province's."""
        if s.paragraph_start is None or s.paragraph_start >= s.start:
            return None
        near = self._named_opening(s.view, s.paragraph_start, s.start, neighbour=True)
        return near if near and not self.any_place.search(fold(s.view[s.start:pos])) else None

    def named_after(self, view: str, pos: int, hi: int) -> str | None:
        """A listed place named right after a measured good ("420 hectares of rice and corn in Yen
        Bai", "seven people dead in the northern province of Thái Nguyên"): where the figure
        is, as an opening "In Yen Bai, ..." says."""
        m = self.in_named.match(view, pos, hi)
        words = m.group(1).split() if m else []
        capitals = words[:next((i for i, w in enumerate(words) if not w[0].isupper()), len(words))]
        name = fold(" ".join(capitals))  # "in Yen Bai were flattened": Yen Bai
        if name not in self.places or _COORDINATED_NAME.match(view, m.start(1) + len(" ".join(capitals)), hi):
            return None  # "in Quang Ngai and Quang Nam provinces": neither one's alone
        return name

    def in_clause(self, s: Sentence, pos: int) -> str | None:
        """The wider area of the figure at `pos`: the sentence's opening ("At the national
        level, ..."), or a word of its own clause before it ("seaports nationwide handled")."""
        opening = self.of(s.view, s.start, pos)
        if opening:
            return opening
        m = self.adverbs.search(s.view, clause_start(s.view, s.start, pos, s.clause_words), pos)
        return " ".join(m.group().lower().split()) if m \
            else self._subject_head(s, pos) or self._relative_place(s, pos) or self.paragraph_neighbour(s, pos)

    def whole_place(self, s: Sentence, pos: int) -> str | None:
        """A listed place its clause calls whole before the figure, as written ("The number of
        tourists visiting Champasak as a whole rose 18 percent"): the figure is that place's,
        even in a story set there about one thing of it."""
        for m in self.whole.finditer(s.view, clause_start(s.view, s.start, pos, s.clause_words), pos):
            words = m.group(1).split()
            k = len(words)
            while k > 0 and words[k - 1][:1].isupper():
                k -= 1
            if k < len(words) and fold(" ".join(words[k:])) in self.places:
                return " ".join(words[k:])
        return None

    def _relative_place(self, s: Sentence, pos: int) -> str | None:
        """The place a "where" clause holding the figure hangs from: "... occurred on June 23 in
        Bac Quang district, where a collapsing hillside killed four people" counts Bac Quang's
        dead, not the two provinces' toll the sentence before gave."""
        toks = s.tokens
        k = bisect_right(toks, pos, key=lambda t: t.end)
        where = next((i for i in range(k - 1, max(0, k - _RELATIVE_REACH), -1) if toks[i].text in (";", ".")
                      or toks[i].text.lower() in self.relatives and toks[i - 1].text == ","), None)
        if where is None or toks[where].text in (";", "."):
            return None
        comma = toks[where - 1]
        opener = next((i for i in range(where - 2, max(-1, where - 2 - _RELATIVE_NAME_TOKENS), -1)
                       if toks[i].text.lower() in self.openers), None)
        return self._named_opening(s.view, toks[opener].start, comma.end, neighbour=False) if opener is not None else None

    def after(self, view: str, end: int, hi: int, several: bool = True) -> str | None:
        """A wider-area adverb later in the figure's own clause ("1,146 new cases were reported
        across the country"): the country's count, not the story's place's; with `several`,
        also places named together ("in the two localities"), which a thing's own size ("spread
        over 230 hectares in Nhi Ha and Phuoc Ha communes") only locates."""
        stop = min((i for i in (view.find(",", end, hi), view.find(";", end, hi)) if i >= 0), default=hi)
        m = self.adverbs.search(view, end, stop)
        if m is None and several and self.several.search(view, end, stop):
            return SEVERAL_PLACES  # "flooded in the two localities": their total, not one place's
        return " ".join(m.group().lower().split()) if m else None

    def subject_place(self, s: Sentence, pos: int) -> str | None:
        """The listed place that is the whole subject of the figure's clause, a neighbour word
        or its kind aside ("..., while neighbouring Cao Bang has reported five dead"): the
        figure is that place's, not the one another clause of the sentence names."""
        span = clause_subject(s.tokens, pos, s.clause_words) if s.tokens else None
        if span is None:
            return None
        words = [t.text for t in s.tokens[span[0]:span[1]]]
        while words and words[0].lower() in self.neighbours:
            words = words[1:]
        if words and words[-1].lower() in self.kinds:
            words = words[:-1]
        name = fold(" ".join(words))
        return name if words and all(w[:1].isupper() for w in words) and name in self.places else None

    def _subject_head(self, s: Sentence, pos: int) -> str | None:
        """A wider area heading the clause's subject ("The 20 southern provinces and cities
        reported 42,350 cases, up 18.7 percent": the provinces', not the story's city's); its
        head is the last noun before the subject's first preposition or conjunction."""
        span = clause_subject(s.tokens, pos, s.clause_words) if s.tokens else None
        if span is None:
            return None
        toks = s.tokens
        cut = next((k for k in range(span[0], span[1]) if toks[k].tag in ("IN", "CC")), span[1])
        head = next((toks[k].text.lower() for k in range(cut - 1, span[0] - 1, -1) if toks[k].is_noun), None)
        return head if head in self.wider_words else None


_BY_YEAR = re.compile(r"[ \t]+(?:[a-z]+[ \t]+){0,3}?by[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?((?:19|20)\d\d)\b")


class PlanMarkers:
    """Whether a figure's clause states a plan, a target or a design rather than a fact."""

    def __init__(self, markers: list[str], estimates: list[str] = (), facts: list[str] = (),
                 ahead: list[str] = (), ahead_adverbs: list[str] = ()) -> None:
        words = sorted(markers, key=len, reverse=True)
        self.facts = frozenset(w.lower() for w in facts)
        self.ahead = frozenset(tuple(w.lower().split()) for w in ahead)
        self.longest_ahead = max((len(w) for w in self.ahead), default=0)
        self.ahead_adverbs = frozenset(w.lower() for w in ahead_adverbs)
        self.pattern = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in words) + r")\b",
                                  re.IGNORECASE)
        self.estimates = frozenset(" ".join(w.lower().split()) for w in estimates)

    def in_clause(self, s: Sentence, start: int, period: str | None = None, end: int | None = None) -> bool:
        """A plan word between the start of the figure's clause and the figure, or a later year
        right after it ("caps durian area at 45,000 hectares by 2030": a target). An estimate
        word ("is estimated to grow 7.2 percent in 2024") makes a plan only of a figure for a
        later year than the article's: for its own year, an earlier one or none it estimates what is."""
        by_year = _BY_YEAR.match(s.view, end, s.end) if end is not None else None
        if by_year and s.published.start is not None and int(by_year.group(1)) > s.published.start.year:
            return True
        lo = clause_start(s.view, max(s.start, start - 200), start, s.clause_words)
        matches = list(self.pattern.finditer(s.view, lo, start))
        if not matches or _coordinated_fact(s, matches[-1].end(), start) or self._after_fact(s, matches[-1].end(), start) \
                or _in_closed_aside(s.view, lo, matches[-1], start) or _in_opening_phrase(s, matches[-1], start):
            return False
        found = [" ".join(m.group().lower().split()) for m in matches]
        if all(w in self.estimates for w in found) and (period is None or period[:4].isdigit() and (
                s.published.start is not None and int(period[:4]) <= s.published.start.year)):
            return False  # "The project is estimated to cost ...": what it costs as far as known
        return True


    def put_ahead(self, s: Sentence, pos: int) -> bool:
        """The figure at `pos` is the object of a verb in its base form after a word that puts it
        ahead ("the plant will employ 3,500 workers", "would create about 1,100 jobs once both
        phases run"): what is to be, not what is. The caller leaves out verbs of having ("will
        have 300 berths" states a size)."""
        last = bisect_left(s.tokens, pos, key=lambda t: t.start) - 1  # the last token before the figure
        k = last
        while k >= 0 and last - k < _AHEAD_REACH and not s.tokens[k].is_verb and not _after_modal(s.tokens, k):
            k -= 1  # back past the figure's own words ("about", "up to") to its verb
        if k < 1 or s.tokens[k].tag != "VB" and not _after_modal(s.tokens, k):
            return False
        k -= 1
        while k >= 0 and (s.tokens[k].text.lower() in self.ahead_adverbs or s.tokens[k].tag == "RB"):
            k -= 1
        words = tuple(t.text.lower() for t in s.tokens[max(0, k + 1 - self.longest_ahead):k + 1])
        return any(words[len(words) - n:] in self.ahead for n in range(1, len(words) + 1))

    def _after_fact(self, s: Sentence, lo: int, pos: int) -> bool:
        """"on track to reach its target after earning 36.8 billion USD": a fact opener then a
        verb's -ing or past form between the plan word and the figure."""
        between = [t for t in s.tokens if lo <= t.start and t.end <= pos]
        return any(a.text.lower() in self.facts and b.tag in ("VBG", "VBN", "VBD")
                   for a, b in zip(between, between[1:]))


def _after_modal(tokens: Tokens, k: int) -> bool:
    """A word right after a modal is a verb in its base form, however the tagger read it ("the
    site will need 12,000 workers": "need" tagged as a noun)."""
    return k >= 1 and tokens[k - 1].tag == "MD" and tokens[k].text.isalpha()


def _in_opening_phrase(s: Sentence, m: re.Match[str], pos: int) -> bool:
    """"Designed to serve domestic flights, T3 has a floor area of 112,500 square metres": a
    plan word opening the sentence, in a phrase its comma closes before the figure, describes
    the subject, not the figure."""
    return not s.view[s.start:m.start()].strip(" \t\"'“") and "," in s.view[m.end():pos]


def _in_closed_aside(view: str, lo: int, m: re.Match[str], pos: int) -> bool:
    """"The plant, which has a design capacity of 650,000 tonnes a year, turned out 752,000
    tonnes": a plan word inside a relative aside that closes before the figure describes the
    subject, not the main clause's figure."""
    opened = _RELATIVE.search(view, max(lo, m.start() - _ASIDE_REACH), m.start())
    return opened is not None and "," not in view[opened.end():m.start()] and "," in view[m.end():pos]


_ASIDE_REACH = 60  # characters between an aside's "which" and a plan word inside it


class Revisions:
    """Whether a figure replaces an earlier one: a revision word in its clause ("now
    estimated at", "raised to"), or, in a plan, a verb that sets a new level, its object and
    "to" right before it ("plans to raise the plant's capacity to 1.3 million tonnes" is a
    target beside the plant's design capacity, another plan). A level told as reached
    ("bringing the plant's total capacity to 250 MWp") is the thing's figure now."""

    def __init__(self, events: Events, hedges: list[str]) -> None:
        self.markers = PlanMarkers(events.revision_markers)
        self.superseded_markers = PlanMarkers(events.superseded_markers)
        self.level = re.compile(r"\b(?:" + alternation(events.level_verbs) + r")\b(?:[ \t]+[^\s,.;:]+){1,6}?[ \t]+to[ \t]+(?:(?:"
                                + alternation(hedges) + r")[ \t]+)?$", re.IGNORECASE)

    def in_clause(self, s: Sentence, start: int, planned: bool = False) -> bool:
        return self.markers.in_clause(s, start) or planned and self.level.search(
            s.view, max(s.start, start - _LEVEL_REACH), start) is not None

    def superseded(self, s: Sentence, start: int) -> bool:
        """The figure is an earlier one a later figure replaced ("was initially estimated at
        VND540 billion"): a figure of that earlier time, as the extractors' "as_of" says."""
        return self.superseded_markers.in_clause(s, start)


_AHEAD_REACH = 5  # tokens between a figure and the verb it is the object of ("employ about 1,100", "create a total of 300")
_LEVEL_REACH = 80  # characters before a figure within which a level verb and its object stand
_MODAL_REACH = 16  # characters before a sizing verb within which "will" or "to" makes it a plan


class Resized:
    """Whose size a figure after "to" is, when a verb that sets a size stands before it: the
    verb's object ("lengthened its runway to 3,300 m", "will extend the berth to 460 metres")
    or, in the passive, its clause's subject ("The runway will be extended from 3,000 metres to
    3,400 metres", "Its crest has been raised to 6.5 metres"). A level a thing is set at is its
    size then, and a size it is still to be set at ("will extend the berth to 460 metres") a plan."""

    def __init__(self, events: Events, hedges: list[str], future_modals: list[str], passive: list[str],
                 possessives: list[str]) -> None:
        verbs = alternation(events.level_verbs + events.resize_verbs)
        # "will extend", "plans to lengthen", "is to be widened"
        self.future = re.compile(r"\b(?:" + alternation(future_modals) + r"|to)[ \t]+(?:be[ \t]+)?$", re.IGNORECASE)
        tail = r"(?:[ \t]+from[ \t]+[\d.,]+[ \t]*[A-Za-z.²]{0,12})?[ \t]+to[ \t]+(?:(?:" + alternation(hedges) + r")[ \t]+)?$"
        # the object opens with a determiner or a possessive and runs at most five words
        owner = r"(?:the|" + alternation(possessives) + r"|[A-Z][\w-]*['\u2019]s)"
        self.active = re.compile(r"\b(?:" + verbs + r")[ \t]+(" + owner + r"[ \t]+[^\s,.;:()]+"
                                 r"(?:[ \t]+[^\s,.;:()]+){0,4}?)" + tail, re.IGNORECASE)
        self.passive = re.compile(r"\b(?:" + alternation(passive) + r")[ \t]+(?:" + verbs + r")" + tail, re.IGNORECASE)

    def owner(self, s: Sentence, start: int, clause_words: frozenset[str]) -> tuple[tuple[int, int], bool] | None:
        """File offsets of the words whose size the figure at `start` is, and whether the size
        is still to be set; or None."""
        lo = max(s.start, start - _LEVEL_REACH)
        active = self.active.search(s.view, lo, start)
        passive = None if active else self.passive.search(s.view, lo, start)
        told = active or passive
        span = active.span(1) if active else subject_words(s.tokens, start, clause_words) if passive and s.tokens else None
        if told is None or span is None:
            return None
        return span, self.future.search(s.view, max(s.start, told.start() - _MODAL_REACH), told.start()) is not None


class Increments:
    """Whether a figure is an amount added to a thing, by a word right before it ("will add
    40,000 square metres of floor space", "an additional 2,500ha", "a further VND2.3 billion"):
    what an extension or a top-up adds is never the thing's size or total, which a sentence
    beside it may give ("bringing its total floor area to 88,000 sq.m"). What a thing adds
    "to" another ("adding 132 MW to the national grid") is the first thing's own size."""

    def __init__(self, events: Events, hedges: list[str]) -> None:
        self.before = re.compile(r"\b(?:" + alternation(events.increment_words) + r")[ \t]+(?:(?:"
                                 + alternation(hedges) + r")[ \t]+)?$", re.IGNORECASE)
        self.to_another = re.compile(r"(?:[ \t]+[a-z-]+){0,4}?[ \t]+to[ \t]+(?:" + alternation(sorted(DETERMINERS)) + r")[ \t]")

    def before_figure(self, s: Sentence, start: int, end: int) -> bool:
        return self.before.search(s.view, max(s.start, start - _INCREMENT_REACH), start) is not None \
            and self.to_another.match(s.view, end, s.end) is None


_INCREMENT_REACH = 40  # characters: an increment word and a hedge right before the figure


def _coordinated_fact(s: Sentence, lo: int, pos: int) -> bool:
    """"is designed for 1.8 million passengers a year and has a floor area of 26,400 square
    meters": "and" then a finite verb of the present or past between the plan word and the
    figure starts a predicate of its own, which states a fact."""
    between = [t for t in s.tokens if lo <= t.start and t.end <= pos]
    return any(a.text.lower() == "and" and b.tag in _FACT_TAGS for a, b in zip(between, between[1:]))


_FACT_TAGS = frozenset({"VBZ", "VBD", "VBP"})  # Penn tags of a finite verb of the present or past


def predicate_start(s: Sentence, pos: int) -> int:
    """Where the predicate holding `pos` starts: after the last "and" before it that opens one of
    its own, a finite verb right after it or after its subject ("the first phase cost USD 41
    million, and it has 8 tracks"); else the sentence's start."""
    before = [t for t in s.tokens if t.end <= pos]
    start = s.start
    for i, t in enumerate(before):
        if t.text.lower() == "and" and any(b.tag in _FACT_TAGS for b in before[i + 1:i + 3]):
            start = t.end
    return start


class Fares:
    """Ticket prices, fees and discounts (nouns.yaml fare words): "A one-way ticket for an adult
    costs VND250,000, while children aged six to 11 pay VND180,000" prices a trip for each class
    of passenger, the class its own clause names; "Foreign visitors will pay 30,000 kip" is what
    a class pays, a fee named or not; "Residents of Kien Hai get 35% off" is the residents'
    discount. A nationality or a qualifier right before the class is part of it: "Lao adults"
    and "foreign visitors" pay fees of their own."""

    def __init__(self, lexicon: Lexicon) -> None:
        nouns = lexicon.nouns
        self.tickets = re.compile(r"\b(?:" + alternation(nouns.fare_nouns) + r")\b", re.IGNORECASE)
        self.paying = re.compile(r"\b(?:" + alternation(nouns.fare_verbs) + r")\b", re.IGNORECASE)
        self.classes = {fold(k): v for k, v in nouns.fare_classes.items()}
        self.class_words = re.compile(r"\b(" + alternation(nouns.fare_classes) + r")\b", re.IGNORECASE)
        self.class_qualifiers = frozenset(fold(w) for w in [*lexicon.entities.qualifiers, *lexicon.places.nationalities])
        self.trips = {_trip_key(k): v for k, v in nouns.fare_trips.items()}
        self.trip_words = re.compile(r"\b(" + alternation(nouns.fare_trips) + r")\b", re.IGNORECASE)
        self.grades = {_trip_key(k): v for k, v in nouns.fare_grades.items()}
        self.grade_words = re.compile(r"\b(" + alternation(nouns.fare_grades) + r")\b", re.IGNORECASE)
        self.discount = re.compile(r"[ \t]+(?:" + alternation(nouns.discount_words) + r")\b", re.IGNORECASE)
        self.offers = re.compile(r"\b(?:" + alternation(nouns.fare_offers) + r")\b", re.IGNORECASE)
        # "VND250,000 for children", "VND280,000 ($11) one way for adults", "20,000 kip for foreign
        # visitors": the class the price is for, and the word before it
        self.class_after = re.compile(r"(?:[ \t]*\([^()]{0,30}\))?(?:[ \t]+(?:" + alternation(nouns.fare_trips)
                                      + r"))?[ \t]+(?:for|per)[ \t]+(?:an?[ \t]+|each[ \t]+)?(?:([a-z-]+)[ \t]+)?("
                                      + alternation(nouns.fare_classes) + r")\b", re.IGNORECASE)
        self.word_before = re.compile(r"([^\W\d_][\w-]*)[ \t]+$")
        # "From January 1, 2025, an adult ticket will rise to": the day a fare takes effect
        self.effective = re.compile(r"\b(?:" + alternation(nouns.fare_effective) + r")[ \t]+(?:on[ \t]+)?$", re.IGNORECASE)
        # "Fees at the Tad Sae waterfall", "Tickets for the Pak Ou caves": the place they are paid at
        self.paid_at = re.compile(r"\b(?i:" + alternation(nouns.fare_nouns) + r")[ \t]+(?:at|for|of)[ \t]+(?:the[ \t]+)?"
                                  r"([A-Z\u00C0-\u024F][\w'\u2019-]*(?:[ \t]+[A-Z\u00C0-\u024F][\w'\u2019-]*){0,4}"
                                  r"(?:[ \t]+[a-z]+)?)")

    def ahead(self, s: Sentence) -> bool:
        """Whether a fare's sentence says it takes effect on a day after its article's ("From
        January 1, 2025, an adult ticket will rise to 180,000 dong", told in July 2024; "will rise
        to 45,000 kip for foreign visitors from May 1"): a fare still to come, not today's."""
        published = s.published.end
        for t in s.timexes if published is not None else ():
            if self.effective.search(s.view, max(s.start, t.start - _EFFECTIVE_REACH), t.start):
                when = resolve(t, s.published, tuple(s.doc.reference_years), "future", s.anchor)
                if when is not None and when.start is not None and when.start > published:
                    return True
        return False

    def scope(self, s: Sentence, start: int, end: int) -> dict[str, str] | None:
        """{"for": class, "grade": seat, "trip": kind, "offer": "special"} of a price at [start,
        end) in a sentence that names a ticket or a fee, or whose clause has a class pay it ("Cars
        now pay 60,000 kip per crossing") or names a class of seat before it ("A second-class EMU
        seat costs"); None when its clause names no class of passenger and no class of seat."""
        lo = clause_start(s.view, s.start, start, s.clause_words)
        if not self.tickets.search(s.view, s.start, s.end) and not self.paying.search(s.view, lo, start) \
                and not self.grade_words.search(s.view, lo, start):
            return None
        return self._clause_scope(s, start, end)

    def paid_at_place(self, s: Sentence, start: int) -> str | None:
        """The named thing a fare's clause says it is paid at, before the figure ("Fees at the Tad
        Sae waterfall ... will stay at 20,000 kip"): that thing's fare, not the story's."""
        found = None
        for found in self.paid_at.finditer(s.view, s.start, start):
            pass
        # (not a class of payer: "Tickets for Lao adults")
        return found.group(1) if found and not self.class_words.search(found.group(1)) else None

    def discount_scope(self, s: Sentence, start: int, end: int) -> dict[str, str] | None:
        """The same of a rate right before "discount" or "off" ("a 30 percent discount", "35% off")."""
        if not self.discount.match(s.view, end, s.end):
            return None
        return self._clause_scope(s, start, end)

    def _clause_scope(self, s: Sentence, start: int, end: int) -> dict[str, str] | None:
        """The class the figure's clause names: right after it ("for adults"), else the last one
        before it ("children aged six to 11 pay"), else the first after it ("Residents ... are
        entitled to"); the last class of seat before it; the kind of trip and a special offer
        anywhere in the clause."""
        view = s.view
        lo = clause_start(view, s.start, start, s.clause_words)
        edge = clause_pattern(s.clause_words).search(view, end, s.end)
        hi = edge.start() if edge else s.end
        after = self.class_after.match(view, end, hi)
        before = None
        for before in self.class_words.finditer(view, lo, start):
            pass
        if after:
            named, qualifier = after.group(2), after.group(1)
        elif before:
            prior = self.word_before.search(view, lo, before.start())
            named, qualifier = before.group(1), prior.group(1) if prior else None
        else:
            later = self.class_words.search(view, end, hi)  # "Residents ... are entitled to ..." read after
            prior = self.word_before.search(view, lo, later.start()) if later else None
            named, qualifier = (later.group(1), prior.group(1) if prior else None) if later else (None, None)
        grade = None
        for grade in self.grade_words.finditer(view, lo, start):
            pass
        if grade is not None and _OTHER_PRICE.search(view, grade.end(), start):
            grade = None  # "a first-class ticket costs 17 dollars and a seat on the ordinary train 128,000 kip"
        if named is None and grade is None:
            return None
        scope = {}
        if named is not None:
            held = self.classes[fold(named)]
            scope["for"] = f"{fold(qualifier)} {held}" if qualifier and fold(qualifier) in self.class_qualifiers else held
        if grade is not None:
            scope["grade"] = self.grades[_trip_key(grade.group(1))]  # "a second-class seat": that seat's fare
        trip = self.trip_words.search(view, lo, hi)
        if trip:
            scope["trip"] = self.trips[_trip_key(trip.group(1))]
        if self.offers.search(view, lo, hi):
            scope["offer"] = "special"  # "a promotional price of VND199,000": not the regular fare
        return scope


# Between a class of seat and a price: another figure or another conjunct, so the class is another's.
_OTHER_PRICE = re.compile(r"\d|\band\b", re.IGNORECASE)


def _trip_key(words: str) -> str:
    """"one-way", "One way": one key for a kind of trip however it is written."""
    return " ".join(fold(words).replace("-", " ").split())


_REPLACED_BEFORE = 50  # characters before a figure within which the verb of a thing replaced stands


class OtherThing:
    """Another thing named in a figure's clause ("on its old campus", "the existing
    terminal"): the figure may be about it, so it is kept apart from the story's thing."""

    def __init__(self, ents: Entities) -> None:
        words = "|".join(re.escape(w) for w in sorted(ents.other_markers, key=len, reverse=True))
        not_times = "|".join(re.escape(w) for w in sorted(ents.time_nouns, key=len, reverse=True))
        # "The college previously had only 18 classrooms": what it had before, not what it has
        self.former = re.compile(r"\b(?:" + alternation(ents.former_markers) + r")\b", re.IGNORECASE)
        # ... or opening the sentence whose first clause holds it
        self.former_opening = re.compile(r"[ \t\"\u201c]*(?:" + alternation(ents.former_markers) + r")\b", re.IGNORECASE)
        # "fewer than 60,000 visitors a year before the inscription": what it had before an event
        self.former_after = re.compile(r"\b(?:" + alternation(ents.former_after) + r")[ \t]+(?:the|its|their)[ \t]+([a-z][a-z-]*)",
                                       re.IGNORECASE)
        self.former_times = frozenset(w.lower() for w in list(ents.time_nouns) + list(ents.former_after_times))
        # "replacing a cramped 30-bed facility": the figure of the thing replaced, right before it
        self.replaced = re.compile(r"\b(?:" + alternation(ents.replaced_markers) + r")[ \t]+(?!by\b)(?:(?:the|an?|its|their)[ \t]+)?"
                                   r"(?:[a-z-]+[ \t]+){0,2}$", re.IGNORECASE)
        # after a determiner or a possessive: "the old campus", "The school's old building"
        # (past the figure itself: "a separate 14.3 km bypass", or a designator: "the old T1 building";
        # never a time, "the previous crop year")
        # "the Long Khanh bridge, a separate project": the head a marker after a comma renames
        self.renamed = re.compile(r"\b([a-z]+),[ \t]+(?:which[ \t]+(?:is|was)[ \t]+)?an?[ \t]+(" + words + r")\b", re.IGNORECASE)
        self.pattern = re.compile(r"\b(?:the|its|their|an?|\w+['\u2019]s)[ \t]+(?:" + words + r")[ \t]+(?!(?:[a-z-]+[ \t]+)?(?:" + not_times
                                  + r")\b)(?:\d[\d.,]*[ \t-]?[a-z]+[ \t]+|[a-z]+\d\w*[ \t]+)?([a-z][a-z-]+)", re.IGNORECASE)
        # a sentence whose subject is an ordinal alone: "The first, which cost VND4.1 trillion, uses
        # two incineration lines" after "developed in two stages" is one of the things before it
        ordinals = alternation(list(ents.series_ordinals) + list(ents.part_ordinals) + list(ents.ordinal_pronouns))
        self.elliptic = re.compile(r"[ \t\"\u201c]*the[ \t]+(" + ordinals + r")(?:[ \t]+one)?(?=[ \t]*,|[ \t]+(?:which|that|is|was|will|has|had)\b)",
                                   re.IGNORECASE)
        # a subject that opens with "Another": another thing of the kind, named by its first word
        self.another = re.compile(r"[ \t]*(?:" + alternation(ents.other_determiners) + r")[ \t]+([a-z][a-z-]+)", re.IGNORECASE)

    def in_clause(self, s: Sentence, start: int, end: int, subject: str | None = None) -> str | None:
        """"old campus" when the clause around the figure names such a thing, or the figure's
        subject opens with one ("The existing Nghe An Oncology Hospital on Le Hong Phong Street
        has 680 beds"), else None."""
        view, hi = s.view, s.end
        elliptic = self.elliptic.match(view, s.start)
        if elliptic:
            return f"the {elliptic.group(1).lower()}"
        if self.replaced.search(view, max(s.start, start - _REPLACED_BEFORE), start):
            return "replaced"
        edge = clause_pattern(s.clause_words).search(view, end, min(hi, end + _OTHER_AFTER))
        stop = edge.start() if edge else min(hi, end + _OTHER_AFTER)
        comma = view.find(",", end, stop)  # "a 15-storey main block, a separate bunker": the next item's
        # a phrase that starts within reach is read whole ("the previous crop year", a time, not
        # "the previous cr"), up to the clause's edge
        # (with neither, only a match that starts before `stop` counts: no need to look far past it)
        m = self.pattern.search(view, clause_start(view, max(s.start, start - _OTHER_BEFORE), start, s.clause_words),
                                comma if comma >= 0 else stop if edge else min(hi, stop + _OTHER_PHRASE))
        if m is not None and comma < 0 and edge is None and m.start() >= stop:
            m = None
        if m is None and subject:
            m = self.pattern.match(subject)
        if m is None and self.former.search(view, clause_start(view, max(s.start, start - _OTHER_BEFORE), start,
                                                              s.clause_words), start):
            return "former"
        if m is None and self.former_opening.match(view, s.start) \
                and clause_start(view, s.start, start, s.clause_words) == max(s.start, start - _CLAUSE_REACH):
            return "former"  # "Until now the market has bought all its power ... at 1,540 kip per kWh"
        after = self.former_after.search(view, end, edge.start() if edge else min(hi, end + _FORMER_AFTER)) \
            if m is None else None
        if after and after.group(1).lower() not in self.former_times:
            return "former"
        if m is None and subject:
            another = self.another.match(subject)
            if another:
                return f"another {another.group(1).lower()}"
            return self._renamed_before(s, subject)
        return " ".join(m.group().lower().split()[1:]) if m else None

    def _renamed_before(self, s: Sentence, subject: str) -> str | None:
        """"... the Long Khanh bridge, a separate project 8 km downstream. The bridge is estimated
        to cost": a bare "the bridge" right after its paragraph called a bridge another thing is
        that thing."""
        bare = _BARE_DEFINITE.match(subject)
        if bare is None:
            return None
        head = bare.group(1).lower()
        lo = max(s.paragraph_start if s.paragraph_start is not None else s.start, s.start - _RENAMED_BEFORE)
        for m in self.renamed.finditer(s.view, lo, s.start):
            if m.group(1).lower() == head:
                return " ".join(m.group(2).lower().split())
        return None


# How far from a figure another thing may be named and still be what the figure is about:
# its subject just before ("The old terminal handled 2 million"), its place just after
# ("650 beds on its old campus"); a thing further off is only a landmark.
UNNAMED_GOOD = "?"  # the good of a trade figure that names none, until resolution names it

_OTHER_BEFORE, _OTHER_AFTER = 60, 30
_EFFECTIVE_REACH = 20  # characters before a date within which "from", "starting" make it the day a fare takes effect
_FORMER_AFTER = 60  # characters after a figure within which "before the <event>" makes it a former figure
_OTHER_PHRASE = 200  # characters: longer than any other-thing phrase ("the school's old three-storey building")
_RENAMED_BEFORE = 300  # how far back in its paragraph a bare "the bridge" may refer
_BARE_DEFINITE = re.compile(r"(?:the|this)[ \t]+([a-z]+)$", re.IGNORECASE)  # "The bridge"


_ESTIMATE_REACH = 160  # characters: an estimate verb, its object and "at" before the figure


class EstimatedAt:
    """"The investor puts the total investment of the project at VND7.2 trillion", "estimated
    the cost of upgrading the airport at some US$145 million": an estimate verb (nouns.yaml
    estimate_verbs) gives its object's figure after "at", as "The total investment of the
    project is" would. The object is the last phrase before that "at" ("put the area at risk at
    40,000 ha"), not a particle's ("was put out at 9am")."""

    def __init__(self, nouns: Nouns) -> None:
        self.pattern = re.compile(rf"\b(?:{alternation(nouns.estimate_verbs)})[ \t]+"
                                  rf"(?!(?:{alternation(nouns.estimate_particles)})\b)([^\s.;:!?()][^.;:!?()]{{1,120}}?)"
                                  r"[ \t]+at[ \t]+$", re.IGNORECASE)

    def clause(self, view: str, lo: int, start: int) -> tuple[str, int]:
        """The view with the "at" before the figure at `start` read as "is", and where the
        verb's object starts: the copular clause the owner is read from. Else (view, lo)."""
        m = self.pattern.search(view, max(lo, start - _ESTIMATE_REACH), start)
        if m is None:
            return view, lo
        while later := self.pattern.search(view, m.start(1), start):
            m = later  # "said it would put the cost at": the verb nearest the figure
        at = view.rfind("at", m.end(1), start)
        return view[:at] + "is" + view[at + 2:], m.start(1)


@dataclass(frozen=True)
class Owner:
    attribute: str | None
    subject_text: str | None
    period: str | None
    # "an approach road, which is a separate project ... with a budget of": the owner is what
    # the relative clause calls another thing, so that thing is no other one of the figure
    described: bool = False


def share_of_group(view: str, lo: int, pos: int, nouns: re.Pattern[str]) -> tuple[int, int] | None:
    """"the rate of rural population using clean water ... reached 68.5%": a share noun, "of"
    and a group right before the figure (its verb between): the group's span."""
    found = _after_last(view, max(lo, pos - 160), pos, nouns, _OF_GROUP)
    return (found[1].start(1), found[1].end(1)) if found else None


def of_name(heads: list[str]) -> re.Pattern[str]:
    """"of Nghe An", "of the Lam Son - Sao Vang industrial park": "of", then a name in capitals
    (its parts joined by dashes) and one of `heads` after it, up to the words that link a figure."""
    return re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z][\w'\u2019-]*(?:[ \t]+(?:-[ \t]+)?[A-Z][\w'\u2019-]*){0,5}"
                      r"(?:[ \t]+(?:" + alternation(heads) + r"))?)" + _CONNECT[:-1])


def attribute_of_named(view: str, lo: int, pos: int, words: re.Pattern[str],
                       named: re.Pattern[str]) -> tuple[str, int, int] | None:
    """"the graduation rate of Nghe An reached 98.71%": an attribute word, then "of" and a
    name (`named`, made by `of_name`), right before the figure: (the word as written, the
    name's start and end)."""
    found = _after_last(view, max(lo, pos - 90), pos, words, named)
    return (found[0].group().lower(), found[1].start(1), found[1].end(1)) if found else None


def _after_last(view: str, lo: int, pos: int, words: re.Pattern[str],
                rest: re.Pattern[str]) -> tuple[re.Match, re.Match] | None:
    """The last of `words` in view[lo:pos], and `rest` filling exactly the gap from it to pos."""
    last = None
    for last in words.finditer(view, lo, pos):
        pass
    if last is None:
        return None
    filled = rest.fullmatch(view, last.end(), pos)
    return (last, filled) if filled else None


def attribute_before(view: str, lo: int, pos: int, attributes: dict[str, str]) -> tuple[str, int, int] | None:
    """An attribute word right before the figure ("a construction budget of"): (attribute, start, end).
    The leftmost word wins; at one place, the first of the data's order."""
    words = tuple(attributes)
    if not words:
        return None
    m = _attribute_before_pattern(words).search(view, max(lo, pos - 60), pos)
    if m is None:
        return None
    word = words[int(m.lastgroup[1:])]
    return attributes[word], m.start(), m.start() + len(word)


@lru_cache(maxsize=16)
def _attribute_before_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all attribute words, each its own group, tried in the data's order at
    each place (an alternation does what a search per word, keeping the leftmost, did)."""
    return re.compile(r"\b(?:" + "|".join(f"(?P<w{i}>{re.escape(w)})" for i, w in enumerate(words)) + r")" + _CONNECT,
                      re.IGNORECASE)


class Phases:
    """The phase a figure belongs to ("Phase 1, with an investment of $540 million", "the
    plant's first line"): a phase noun of entities.yaml `phase_nouns` with its number, its
    numeral (`phase_numerals`), a number word or an ordinal before it (with a word between: "its
    first processing line"), or its position ("a new phase", `phase_positions`). A phase's figure
    is not the whole's."""

    def __init__(self, lexicon: Lexicon) -> None:
        entities = lexicon.entities
        self.numbers: dict[str, str] = {fold(w): str(v) for w, v in lexicon.numbers.units.items() if " " not in w}
        self.numbers.update({fold(w): str(v) for w, v in entities.phase_numerals.items()})
        self.numbers.update({fold(w): figure.rstrip("stndrh") for w, figure in entities.series_ordinals.items()})
        self.nouns = frozenset(fold(w) for w in entities.phase_nouns)
        nouns = alternation(entities.phase_nouns)
        numbers = alternation([w for w in self.numbers if w not in entities.series_ordinals])
        self.positions = {fold(w): label for w, label in entities.phase_positions.items()}
        # ("a first-phase capacity", "its phase-one output": a hyphen joins them too)
        # the words that put a phase after a figure: a preposition, or a condition (events.yaml),
        # and the determiner that makes it the figure's thing's ("in its first phase", "to 250,000
        # tonnes a year in a second phase"; "covers 12 ha in phase 2" may be the phase of a park
        # the thing stands in)
        self.openers = re.compile(r"\b(?:in|for|under|" + alternation(lexicon.events.condition_openers)
                                  + r")[ \t]+(?:the|its|their|an?)[ \t]+", re.IGNORECASE)
        self.pattern = re.compile(rf"\b(?:(?:{nouns})(?:[ \t]+|-)(\d{{1,2}}|{numbers})\b|({alternation(entities.series_ordinals)})"
                                  rf"(?:[ \t]+|-)(?:[a-z]+[ \t]+)?(?:{nouns})\b|({alternation(entities.phase_positions)})[ \t]+"
                                  rf"(?:{alternation(entities.position_phase_nouns)})\b)", re.IGNORECASE)

    def of(self, view: str, lo: int, start: int, reach: int = 80) -> str | None:
        """The nearest phase named in the `reach` characters before `start` (from `lo`)."""
        found = None
        for m in self.pattern.finditer(view, max(lo, start - reach), start):
            if m.group(3):
                found = self.positions[fold(m.group(3))]
                continue
            word = fold(m.group(1) or m.group(2))
            found = self.numbers.get(word, word)
        return found

    def bare(self, phrase: str) -> str | None:
        """The phase a phrase is when it names nothing besides ("The first phase", "Phase 1"):
        its figure is the story's thing's phase's."""
        text = " ".join(w for w in fold(phrase).split() if w not in DETERMINERS)
        return self.of(text, 0, len(text), len(text)) if self.pattern.fullmatch(text) else None

    def right_after(self, view: str, end: int, hi: int) -> str | None:
        """The phase a preposition right after a figure names: "with three berths in the first
        phase", "20 turbines for phase 2"."""
        prep = _PHASE_PREPOSITION.match(view, end, hi)
        if prep is None:
            return None
        m = self.pattern.match(view, prep.end(), hi)
        return self.of(view, prep.end(), m.end(), m.end() - prep.end()) if m else None

    def later(self, view: str, end: int, hi: int) -> str | None:
        """A phase named after a figure by a preposition or a condition, before any comma ("can
        handle 60,000 tonnes of cargo a year in its first phase", "120,000 tonnes per year once
        its second phase is completed"): the figure's phase, or the state that phase brings."""
        stop = _PHASE_STOP.search(view, end, min(hi, end + _PHASE_AFTER))
        hi = stop.start() if stop else min(hi, end + _PHASE_AFTER)
        for m in self.openers.finditer(view, end, hi):
            found = self.pattern.match(view, m.end(), hi)
            if found:
                return self.of(view, m.end(), found.end(), found.end() - m.end())
        return None

    def of_subject(self, s: Sentence, start: int) -> str | None:
        """The phase the figure's clause subject names, however far back ("Phase one of the
        project, with a capacity of 120 MW, consists of 20 turbines of 6 MW each and costs
        VND5.8 trillion": phase one's cost; "The first phase of the Cu Da pumping station, ...,
        began operating on June 1 with a combined capacity of 60 m3/s": the first phase's)."""
        span = clause_subject(s.tokens, start, s.clause_words) if s.tokens else None
        if span is None:
            return None
        # (only the subject's own words, before an aside: "The terminal package, the largest of
        # phase 1, was awarded" is no phase's)
        comma = next((k for k in range(span[0], span[1]) if s.tokens[k].text == ","), span[1])
        if comma == span[0]:
            return None
        lo, hi = s.tokens[span[0]].start, s.tokens[comma - 1].end
        return self.of(s.view, lo, hi, hi - lo)

    def is_noun(self, word: str) -> bool:
        """Whether a (folded) word is a phase noun: "phase", "stage", "line"."""
        return word in self.nouns

    def without(self, text: str) -> str:
        """The words of a phrase without its phase ("its second phase" -> "its"): the phase is
        the claim's scope, the rest says whose phase it is."""
        return " ".join(self.pattern.sub(" ", text).split())


def link_pattern(links: FigureLinks, percent_signs: list[str], adverbs: list[str]) -> re.Pattern[str]:
    """A verb that links an owner phrase to the figure after it, then up to three small words
    (nouns.yaml figure_links), ending where the figure starts: "exports stood at". The verb may
    tell its change on the way: "exports to China jumped 21% to US$152 million". Adverbs that
    close the owner phrase (nouns.yaml subject_adverbs) belong to the link, so the owner ends
    before them: "Van Quan District, which alone has", "The province currently has"."""
    signs = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(percent_signs, key=len, reverse=True))
    change = rf"(?:(?:by[ \t]+)?\d[\d.,]*[ \t]*(?:{signs})(?![\w%])[ \t]*)?"
    lead = rf"(?:\b(?:{alternation(adverbs)})\b[ \t]+){{0,2}}"
    # (and after the verb: "The runway is now 3,000 metres long", "exports have so far reached")
    fillers = alternation([*links.fillers, *adverbs])
    return re.compile(rf"{lead}(?:\b(?:{alternation(links.verbs)})\b[ \t]*{change}(?:\b(?:{fillers})\b[ \t]*){{0,3}}){{1,3}}$",
                      re.IGNORECASE)


_PERIOD_PHRASE = re.compile(r"[ \t]+(?:in|during|over|between|from)[ \t]+[^,;:()]{3,70}?[ \t]*$", re.IGNORECASE)


def _attribute_past_period(view: str, lo: int, start: int, attributes: dict[str, str], links: re.Pattern[str],
                           periods: ReportingPeriods, published: DateRange) -> tuple[str, int, int] | None:
    """"Son La's coffee exports in the first 11 months of this year reached US$53.6 million":
    the attribute word before the period its figure is for and the verb that links it."""
    link = links.search(view, max(lo, start - 40), start)
    if link is None:
        return None
    phrase = _PERIOD_PHRASE.search(view, max(lo, link.start() - 80), link.start())
    if phrase is None or periods.last(view, phrase.start(), link.start(), published) is None \
            and not DURING.match(view, phrase.start() + len(phrase.group()) - len(phrase.group().lstrip(" \t"))):
        return None  # "Tourism revenue during the festival reached": "during" heads only a time
    return attribute_before(view, lo, phrase.start() + 1, attributes)  # with the space that ends the word


def _attribute_heading_subject(view: str, lo: int, start: int, attributes: dict[str, str], links: re.Pattern[str],
                               tokens: Tokens, clause_words: frozenset[str], settings: frozenset[str]) -> tuple[str, int, int] | None:
    """"Tourism revenue in the town during the festival was estimated at VND 2.15 trillion",
    "Ticket revenue since the free-ride period ended reached": the attribute word that heads
    the clause's subject (its words before their first preposition), when a linking verb
    stands right before the figure, however many phrases of place and time (`settings`) the
    subject carries."""
    link = links.search(view, max(lo, start - 40), start) if tokens else None
    span = clause_subject(tokens, start, clause_words) if link else None
    if span is None or view[tokens[span[1] - 1].end:link.start()].strip():
        return None  # (the subject runs right up to the link: "The province, whose revenue grew, has" is no revenue)
    cut = next((k for k in range(span[0] + 1, span[1]) if tokens[k].tag == "IN"), span[1])
    if any(t.tag == "IN" and t.text.lower() not in settings for t in tokens[cut:span[1]]):
        return None  # "Revenue from accommodation services alone", "the budget for compensation": of what, not where or when
    return attribute_before(view, tokens[span[0]].start, tokens[cut - 1].end + 1, attributes) if cut > span[0] else None


_FIRST_OBJECT_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "CC", ",", "."})  # a noun phrase and its apposition
_OBJECT_REACH = 12  # tokens of an object between its verb and the figure


def _verb_over_object(text: str, lo: int, start: int, attributes: dict[str, str], verbs: frozenset[str],
                      tokens: Tokens) -> tuple[str, str] | None:
    """(attribute, object) when the figure is the second object of a verb of `verbs` ("fined
    the contractor VND 95 million", "lent Laos 2.2 billion baht"): the verb's attribute word,
    and its first object, up to an apposition's comma."""
    at = bisect_left(tokens, start, key=lambda t: t.start)
    k = at - 1
    while k >= 0 and at - k <= _OBJECT_REACH and tokens[k].start >= lo and tokens[k].tag in _FIRST_OBJECT_TAGS:
        k -= 1
    if k < 0 or k == at - 1 or tokens[k].start < lo or tokens[k].text.lower() not in verbs \
            or tokens[k].text.lower() not in attributes:
        return None
    first, last = k + 1, next((i for i in range(k + 1, at) if tokens[i].text == ","), at)
    while last > first and tokens[last - 1].tag in (",", "CC", "."):
        last -= 1
    if last <= first or not any(t.is_noun for t in tokens[first:last]):
        return None
    return attributes[tokens[k].text.lower()], text[tokens[first].start:tokens[last - 1].end]


def _object_subject(tokens: Tokens, attr_start: int, clause_words: frozenset[str]) -> tuple[int, int] | None:
    """The subject of the verb an attribute word is the object of ("the Golden Triangle Special
    Economic Zone, which covers 10,000 hectares, has attracted investment of"), up to any aside."""
    at = bisect_left(tokens, attr_start, key=lambda t: t.start)
    if at == 0 or at >= len(tokens) or tokens[at].start != attr_start or not tokens[at - 1].is_verb:
        return None
    span = clause_subject(tokens, attr_start, clause_words)
    if span is None:
        return None
    end = next((i for i in range(span[0], span[1]) if tokens[i].text == ","), span[1])
    return (tokens[span[0]].start, tokens[end - 1].end) if end > span[0] else None


def _relative_clause_head(view: str, lo: int, tokens: Tokens, start: int,
                          stops: frozenset[str]) -> tuple[int, int] | None:
    """"The limestone quarry that feeds the plant covers 60 hectares": the phrase at `start` is
    the object of a relative clause (a pronoun after a noun, then a finite verb: no preposition
    takes a finite verb), so the main verb's subject is the phrase the clause hangs from."""
    k = bisect_left(tokens, start, key=lambda t: t.start)
    if k < 3 or k >= len(tokens) or tokens[k].start != start or tokens[k - 1].tag not in ("VBZ", "VBD", "VBP") \
            or tokens[k - 2].tag not in ("WDT", "WP", "IN") or not tokens[k - 3].is_noun:
        return None
    return np_before(view, lo, tokens[k - 2].start, stops)


def owner_of(view: str, text: str, lo: int, hi: int, start: int, end: int, attributes: dict[str, str],
             stops: frozenset[str], published: DateRange, clause_words: frozenset[str], periods: ReportingPeriods,
             links: re.Pattern[str], tokens: Tokens = (), settings: frozenset[str] = frozenset(),
             object_verbs: frozenset[str] = frozenset(), part_of: re.Pattern[str] | None = None) -> Owner:
    """The attribute and owner of a figure at [start, end) inside a sentence [lo, hi); `settings`
    are the prepositions of place and time a subject may carry before its verb (nouns.yaml
    setting_prepositions), `object_verbs` the verbs whose object stands between them and their
    figure (nouns.yaml object_money_verbs), `part_of` a part noun and its "of" ending right
    before a verb's subject (entities.yaml part_of_nouns)."""
    period = periods.period(view, lo, hi, start, published, tokens)
    attr = attribute_before(view, lo, start, attributes) or _attribute_past_period(
        view, lo, start, attributes, links, periods, published) or _attribute_heading_subject(
        view, lo, start, attributes, links, tokens, clause_words, settings)
    told_of = _verb_over_object(text, lo, start, attributes, object_verbs, tokens) if attr is None else None
    if told_of:
        # "fined the catering contractor, Phuc Loc Catering Services Co., VND 95 million", "NEDA
        # lent Laos 2.2 billion baht": the verb's word names the figure, its object owns it
        return Owner(told_of[0], told_of[1], period)
    if attr is not None:
        attribute, attr_start, attr_end = attr
        before = [t for t in tokens if t.end <= attr_start]
        modal = before[-1] if before and before[-1].tag == "MD" and before[-1].end + 1 >= attr_start else None
        # "<owner> with a budget of X" / "<owner>'s budget of X" / "the budget of <owner> was X"
        link = re.search(r"\b(?:with|has|have|had)[ \t]+(?:\b(?:a|an|the|its|their|total|combined)[ \t]+)*$",
                         view[lo:attr_start], re.IGNORECASE)
        verb = next((i for i, t in enumerate(tokens) if t.start == attr_start
                     and (t.is_verb or i > 0 and tokens[i - 1].tag == "TO")), None)  # "is estimated to cost"
        # "<subject> ... with a budget of": the clause subject; "bilateral trade to": the phrase itself.
        # "had" before a verb is its auxiliary: "the province had allocated VND 3 billion"
        described = None
        if link and link.group().strip() and verb is None:
            span = phrase_before(view, lo, lo + link.start(), stops)
            # "a 4.3km approach road, which is a separate project ... with a budget of": the road's
            described = copular_antecedent(view, lo, span[0], stops) if span else None
            span = described or span
            before = view[lo:lo + link.start()].rstrip(" \t")
            if span is None and before.endswith(",") and not _COMMA_AFTER_CLAUSE.search(before):
                # "The 110km Can Tho - Ca Mau expressway, with a cost of ...": the name before the comma
                named = phrase_before(view, lo, lo + len(before) - 1, stops)
                if named and view[max(lo, named[0] - 2):named[0]] == ", ":
                    # "The section, part of the eastern North-South Expressway ..., has a total
                    # investment of": the aside describes the sentence's subject, which has it
                    named = sentence_subject(view, lo, named[0], stops) or named
                if named and (NAMED.search(view, named[0] + 1, named[1]) or DESIGNATOR.search(view, named[0], named[1])):
                    # only a name or a numbered thing ("Component projects 1 and 2, with a combined
                    # length of"): "The plant, with ..." stays the article's plant
                    span = named
        elif view[attr_start:attr_end].lower() in stops:
            # "equipment worth $2 million", "Trade through the gate was worth": the owner is before the word
            copula = _COPULA.search(view, max(lo, attr_start - 12), attr_start)
            span = _with_part(view, lo, np_before(view, lo, copula.start() if copula else attr_start, stops | {"in", "for"}),
                              stops, part_of)
            aside = view[lo:attr_start].rstrip(" \t")
            if span is None and aside.endswith(","):
                # "the terminal, worth 58.6 million U.S. dollars, was completed": the phrase the
                # aside follows
                span = np_before(view, lo, lo + len(aside) - 1, stops | {"in", "for"})
            elif span is None and not aside.strip():
                # "Worth VND6.53 trillion, the project was scheduled to open ...": a phrase that
                # opens the sentence describes the subject after its comma
                comma = view.find(",", end, hi)
                span = phrase_after(view, comma + 1, hi, stops) if comma > 0 else None
        elif verb is not None:
            # "the Customs Department collected 5,970 billion kip": the owner is the verb's subject,
            # before its auxiliaries ("said the province had allocated")
            while verb > 0 and (tokens[verb - 1].is_verb or tokens[verb - 1].tag == "TO") and tokens[verb - 1].start >= lo:
                verb -= 1
            span = np_before(view, lo, tokens[verb].start, stops | {"in", "for"})
            if span:
                span = _relative_clause_head(view, lo, tokens, span[0], stops) or span
            span = _with_part(view, lo, span, stops, part_of)
            if span and view[span[0]:span[1]].lower() in _COORDINATORS:
                # "..., including about 540,000 foreigners, and earned US$178 million": the
                # clause subject's second verb
                span = subject_words(tokens, tokens[verb].start, clause_words)
            if span is None and view[lo:tokens[verb].start].rstrip().endswith(",") and tokens[verb].tag == "VBG":
                # "Xiengkhuang attracted 212,000 visitors in 2024, generating LAK 548 billion": a
                # participle closing the sentence tells of its main clause's subject
                span = main_clause_subject([t for t in tokens[:verb] if t.start >= lo], clause_words)
            elif span is None and view[lo:tokens[verb].start].rstrip().endswith(","):
                # "Binh Duong, which borders Dong Nai to the west, has set aside VND8 billion":
                # the subject before the aside
                span = sentence_subject(view, lo, tokens[verb].start, stops)
        elif modal is not None:
            # "while a monthly pass will cost VND 200,000": a verb after a modal (which the
            # tagger may read as a noun); its subject stands before the modal
            span = np_before(view, lo, modal.start, stops | {"in", "for"})
        elif view[lo:attr_start].rstrip().endswith(",") and links.search(view, attr_start, start):
            # "The cheapest one-way ticket, taxes included, costs US$109": a linking verb after an
            # aside; its subject is the sentence's, before the aside
            span = sentence_subject(view, lo, attr_start, stops)
        else:
            span = _with_part(view, lo, np_before(view, lo, attr_end, stops | {"in", "for"}), stops, part_of)
            at = bisect_right(tokens, span[0], key=lambda t: t.end) - 1 if span and tokens else -1
            before = tokens[at] if at >= 0 else None  # the token right before the phrase
            if before is not None and before.tag == "IN" and before.text.lower() != "of" \
                    and _AT_ATTRIBUTE.search(view, span[0], attr_start):
                # "The centre was built on a 5.2-ha site at a total cost of": the figure at which
                # the clause's thing was made is that thing's, not the place's it was made on
                # (a verb's object keeps it: "will enlarge the apron and taxiways at a cost of")
                span = subject_words(tokens, attr_start, clause_words) or span
        agent = _AGENT_BY.search(view, max(lo, span[0] - 12), span[0]) if span else None
        if agent and verb is None and modal is None and _THEN_AT.search(view, span[0], attr_start):
            # "a 12-km transmission line ..., built by the investors at a cost of VND320 billion":
            # the thing built, before the participle, not its builder
            comma = view.rfind(",", lo, agent.start())
            span = np_before(view, lo, comma, stops) if comma > lo else None
        if span is None:  # "the factory of Lianfeng Co., which covers 12 ha": the factory
            span = antecedent_before(view, lo, attr_start, stops)
        if span and view[span[0]:span[1]].lower() in _BARE:
            span = None
        if attribute == "value" or view[attr_start:attr_end].lower().startswith("valued"):
            # "imported goods worth $99 million": the words before say what the value is of;
            # "the assistance of Nghe An in 2023 valued at": aid ("The project, valued at": its cost).
            attribute = _attribute_in(view[max(lo, attr_start - 40):attr_start], attributes) \
                or _governing_attribute(view, lo, span, attributes) or attribute
        if span is None:
            of = re.match(r"[^.;]{0,40}?\bof[ \t]+", view[attr_start:start])
            span = phrase_after(view, attr_start + of.end(), start, stops) if of else None
        named = _IN_ATTRIBUTE.match(view, end, hi) if verb is not None else None
        if named and _attribute_in(named.group(1), attributes):
            # "the province collected VND 26,300 billion in state budget revenue": the words after
            # the figure name it more closely than the verb before it
            attribute = _attribute_in(named.group(1), attributes)
        span = _whose_antecedent(view, lo, span, tokens, stops)
        words = _owner_words(text, span, attributes, periods.words)
        if words is None and tokens and verb is None:
            # "The zone has attracted investment of": the subject of the verb the word is the object of
            subject = _object_subject(tokens, attr_start, clause_words)
            words = _owner_words(text, subject, attributes, periods.words) if subject else None
        if words is None:
            # "the My Hoa Hung Bridge, the largest structure on the route, which was built at a
            # cost of ...": the relative clause's antecedent
            named = relative_antecedent(view, lo, attr_start, stops)
            words = text[named[0]:named[1]] if named else None
        return Owner(attribute, words, period, described is not None and span == described)
    link = links.search(view, max(lo, start - 50), start)
    if link and link.start() > lo:
        span = np_before(view, lo, link.start(), stops) or antecedent_before(view, lo, link.start(), stops)
        if span and _AGENT_BY.search(view, max(lo, span[0] - 12), span[0]):
            # "a project to upgrade the runway, funded by the State budget with VND 2,560 billion":
            # the funder pays; the money is the phrase's before the participle
            attribute = _attribute_in(text[span[0]:span[1]], attributes)
            comma = view.rfind(",", lo, span[0])
            funded = np_before(view, lo, comma, stops) if comma > lo else None
            return Owner(attribute, text[funded[0]:funded[1]] if funded else None, period)
        if span is None:  # "The compensation, completed in 2024, amounted to"; "..., while imports from Laos, ..., amounted to"
            span = sentence_subject(view, clause_start(view, lo, link.start(), clause_words), link.start(), stops)
        span = _whose_antecedent(view, lo, span, tokens, stops)
        if span:
            attribute = _attribute_in(text[span[0]:span[1]], attributes) or _governing_attribute(view, lo, span, attributes)
            return Owner(attribute, _owner_words(text, span, attributes, periods.words), period)
    verb = WORD_AFTER.match(view, end, hi)
    if verb and links.fullmatch(verb.group(1)) and _AS_AFTER.match(view, verb.end(), hi):
        # "US$95 million comes as a concessional loan": what it comes as is what it is (but
        # "VND1.6 trillion came from the central budget" is a part of the cost, not the cost)
        end = verb.end()
    after = re.match(_ATTRIBUTE_AFTER, view[end:min(hi, end + 50)], re.IGNORECASE)
    if after:  # "$21 million in contracts", "VND 5 billion in emergency relief"
        # up to another link: "4.5 tonnes of disinfectant from its reserve" is of disinfectant
        words = after.group(1).split()
        cut = next((i for i, w in enumerate(words) if i and w.lower() in stops), len(words))
        attribute = _attribute_in(" ".join(words[:cut]), attributes)
        if attribute:
            return Owner(attribute, None, period)
    return Owner(None, None, period)


def relative_antecedent(view: str, lo: int, pos: int, stops: frozenset[str]) -> tuple[int, int] | None:
    """The phrase a relative clause holding `pos` hangs from (", which was built at a cost
    of"), past an aside between them that names nothing ("the My Hoa Hung Bridge, the largest
    structure on the route, which ..."): the named phrase before the aside."""
    rel = None
    for m in _RELATIVE.finditer(view, lo, pos):
        rel = m
    if rel is None or "," in view[rel.end():pos]:
        return None
    counted = _COUNTED_BEFORE.search(view, lo, rel.start())
    if counted:
        # "Laos has 21 special economic zones, which have attracted more than 800 companies": the
        # counted things, many of a kind, never the story's one
        return counted.start(), rel.start()
    span = antecedent_before(view, lo, rel.end(), stops)
    if span and NAMED.search(view, span[0] + 1, span[1]):  # a name, not "The floods, which claimed"
        return _appositive_of(view, lo, span, stops) or span
    aside = view.rfind(",", lo, rel.start())
    if aside > lo and not NAMED.search(view, aside, rel.start()):
        named = np_before(view, lo, aside, stops)
        if named and NAMED.search(view, named[0] + 1, named[1]):
            return named
    return None


def _appositive_of(view: str, lo: int, span: tuple[int, int], stops: frozenset[str]) -> tuple[int, int] | None:
    """The name an antecedent that opens with "the" or "a" describes, right before it and a
    comma: "Nordline, the Danish carrier, which holds a 45% stake" is Nordline's stake."""
    words = view[span[0]:span[1]].split()
    if not words or words[0].lower() not in ("the", "a", "an"):
        return None
    before = view[lo:span[0]].rstrip()
    if not before.endswith(","):
        return None
    named = np_before(view, lo, lo + len(before) - 1, stops)
    return named if named and view[named[0]:named[0] + 1].isupper() else None


_PART_OF_REACH = 30  # characters before a verb's subject read for "the Lao section of"


def _with_part(view: str, lo: int, span: tuple[int, int] | None, stops: frozenset[str],
               part_of: re.Pattern[str] | None) -> tuple[int, int] | None:
    """The phrase with the part noun and "of" before it (`part_of`): "The Lao section of the
    project cost USD 81 million" is the section's, "a 19.6km part of the expressway costing" the
    part's (the part noun itself when no phrase ends there, past the size before it)."""
    part = part_of.search(view, max(lo, span[0] - _PART_OF_REACH), span[0]) if span and part_of else None
    if part is None:
        return span
    whole = np_before(view, lo, part.end(1), stops)
    return (whole[0] if whole else part.start(1), span[1])


def part_of_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A part noun (entities.yaml part_of_nouns) and its "of", ending where a phrase starts:
    "The Lao section of the project"."""
    return re.compile(r"\b(" + alternation(lexicon.entities.part_of_nouns) + r")[ \t]+of[ \t]+$", re.IGNORECASE)


_RELATIVE = re.compile(r",[ \t]*(?:which|who|where)[ \t]+", re.IGNORECASE)  # ", where bed occupancy has reached"
_COUNTED_BEFORE = re.compile(r"(?<![\w.,])\d[\d,.]*[ \t]+(?:[a-z-]+[ \t]+){0,3}[a-z-]+s$")  # "21 special economic zones"


def _whose_antecedent(view: str, lo: int, span: tuple[int, int] | None, tokens: Tokens,
                      stops: frozenset[str]) -> tuple[int, int] | None:
    """"the first phase of the Cai Rong port complex, whose total investment is estimated at":
    a phrase a possessive relative opens (tagged WP$) is the figure's, but its owner is the
    phrase the relative hangs from, not the sentence's thing."""
    first = next((t for t in tokens if span and t.start == span[0]), None)
    if first is None or first.tag != "WP$":
        return span
    comma = view.rfind(",", lo, span[0])
    named = np_before(view, lo, comma, stops) if comma > lo and not view[comma + 1:span[0]].strip() else None
    return named or span


def _owner_words(text: str, span: tuple[int, int] | None, attributes: dict[str, str],
                 period_words: re.Pattern[str]) -> str | None:
    """The owner phrase, or None when it is only the attribute again ("Contracts worth $12 million")."""
    if span is None:
        return None
    phrase = text[span[0]:span[1]]
    trimmed = _TRAILING_ADVERBS.sub("", phrase)
    phrase = trimmed if trimmed.strip() else phrase
    words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _BARE]
    if words and all(w in _ADVERBS for w in words):
        return None  # "has so far invested": no owner named
    rest = _attribute_pattern(tuple(attributes)).sub(" ", phrase.lower())
    if not period_words.sub(" ", rest).strip(" ,.'-"):
        return None  # "Freight revenue in 2024": the attribute and its period, no owner
    singular = [w[:-1] if w.endswith("s") and w[:-1] in attributes else w for w in words]
    if singular and all(w in attributes for w in singular):
        return None
    # "Bac Ninh's export turnover": the attribute's words say what the figure is, the name whose
    # (a capital inside the phrase is a name's word: "the terminal of Ha Long Port" keeps its "Long")
    rest = " ".join(_attribute_pattern(tuple(attributes), re.IGNORECASE).sub(
        lambda m: m.group() if m.start() and m.group()[:1].isupper() else " ", phrase).split()).strip(" ,'’")
    period = _TRAILING_PERIOD.search(rest)
    if period and not period_words.sub(" ", period.group(1)).strip(" ,.'-"):
        rest = rest[:period.start()]  # "Quang Tri's imports in the first nine months of 2024": Quang Tri's
    rest = rest.removesuffix("'s").removesuffix("’s")
    rest = _LEADING_PREPOSITION.sub("", rest)  # "State budget collection in Binh Dinh province": Binh Dinh's
    named = any(w[:1].isupper() and w.lower() not in _BARE for w in rest.split())
    if named and rest[:1].isupper():
        return rest
    own_period = _TRAILING_PERIOD.search(phrase)
    if own_period and not period_words.sub(" ", own_period.group(1).lower()).strip(" ,.'-"):
        return phrase[:own_period.start()]  # "the province's border gates in the first nine months of 2024"
    return phrase


def _governing_attribute(view: str, lo: int, span: tuple[int, int] | None, attributes: dict[str, str]) -> str | None:
    """The attribute of a phrase the owner hangs from: "Trade turnover through <the gate>"."""
    if span is None:
        return None
    m = _GOVERNED.search(view, max(lo, span[0] - 50), span[0])
    return _attribute_in(m.group(1), attributes) if m else None


def _attribute_in(phrase: str, attributes: dict[str, str]) -> str | None:
    """The longest attribute word inside an owner phrase ("Hanoi's exports to Laos" -> exports),
    the later of two as long ("the investment agreements": the agreements, its head)."""
    found = [(len(m.group()), m.start(), m.group()) for m in _attribute_pattern(tuple(attributes)).finditer(phrase.lower())]
    if not found:
        return None
    word = max(found)[2]
    return attributes.get(word) or attributes[word[:-1]]


@lru_cache(maxsize=8)
def _attribute_pattern(words: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    """Any attribute word, or its plural, longest first: compiled once per attribute table."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")s?\b", flags)

