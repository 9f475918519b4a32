"""What every extractor shares: the sentence it reads, the claim it builds, phrase edges.

Extractors see one sentence at a time through `Sentence`, which carries the document's
matching view (same offsets as the file) and its dates; they return Claims whose
subject is still unresolved (the resolve stage fills it).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile
from typing import Protocol

from checker.analyse import Analysis, verb_inside, Tokens, is_noun_phrase, subject_words
from checker.models import Claim, DateRange, Document, Segment, Value
from checker.text import alternation
from checker.timex import Timex

# A clause edge for subject phrases: punctuation or a relative pronoun.
_CLAUSE_EDGE = re.compile(r",(?!\d{3})|[;:()\"]|\b(?:that|which|who|whereas|while|when)\b", re.IGNORECASE)
_WINDOW = 300  # characters a phrase may reach from its anchor
_LEADING_JUNK = re.compile(r"^(?:and|but|or|then|also|especially|meanwhile|moreover|in addition|besides)\b[ ,]*", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    doc: Document
    segment: Segment
    view: str  # match view of the whole document
    timexes: tuple[Timex, ...] = ()  # its date mentions, in order of position
    as_of: DateRange | None = None  # "As of October 4": the day the sentence's states are given for
    anchor: DateRange | None = None  # the day named last before this sentence ("the previous day" counts from it)
    analysis: Analysis | None = None  # the article's sentence analysis, tagged when first asked
    clause_words: frozenset[str] = frozenset()  # words that open a clause with its own subject
    # the reporting period the paragraph's previous sentence named ("In the first nine months, exports
    # rose 12%. Imports grew 8%."): the period of a flow figure that names none of its own
    context_period: str | None = None
    # the period named last before this sentence, in any paragraph: what "in the period" and "Of
    # the total" refer back to
    referred_period: str | None = None
    lead_period: str | None = None  # the period of the article's lead figure (growth rates with none take it)
    # the phase the article's headline is about ("Put into operation the phase 2 of Phuoc Minh
    # solar plant"): the phase of an event its body tells of "the project" or "it"
    context_phase: str | None = None
    paragraph_start: int | None = None  # where the sentence's paragraph starts: its opening may frame it

    @property
    def tokens(self) -> Tokens:
        """The sentence analysis: tagged words with file offsets."""
        return self.analysis.tokens_at(self.segment.start) if self.analysis is not None else ()

    @property
    def start(self) -> int:
        return self.segment.start

    @property
    def end(self) -> int:
        return self.segment.end

    @property
    def published(self) -> DateRange:
        return self.doc.published_range


class Extractor(Protocol):
    """One kind of claim. `kind` names it; `extract` reads one sentence."""

    kind: str

    def extract(self, sentence: Sentence) -> list[Claim]: ...


def claim_id(document: str, kind: str, attribute: str, start: int, end: int) -> str:
    """Stable across runs and corpus order: depends only on where the evidence is."""
    digest = hashlib.sha1(f"{document}\x1f{kind}\x1f{attribute}\x1f{start}\x1f{end}".encode()).hexdigest()
    return f"c-{digest[:12]}"


def make_claim(sentence: Sentence, kind: str, attribute: str, value: Value, start: int, end: int, *,
               subject_text: str | None = None, scope: dict[str, str] | None = None,
               time: DateRange | None = None, tense: str | None = None) -> Claim:
    text = sentence.doc.text
    return Claim(
        id=claim_id(sentence.doc.id, kind, attribute, start, end), document=sentence.doc.id, kind=kind,
        subject_text=tidy_subject(sentence, subject_text, start, end), attribute=attribute, scope=scope or {}, value=value,
        time=time, tense=tense, text=text[start:end], start=start, end=end,
        sentence=sentence.segment.text, sentence_start=sentence.segment.start, region=sentence.segment.region,
    )


# "HANOI (VNA) \u2013 ", "CHAMPASAK \u2014 ": the place and agency that open a wire's first sentence
DATELINE = re.compile(r"^[^\Wa-z\d][^a-z\n]{1,40}?[ \t]+(?:\([^)\n]{1,20}\)[ \t]*)?[\u2013\u2014-][ \t]+")


def tidy_subject(s: Sentence, subject_text: str | None, start: int, end: int) -> str | None:
    """An owner phrase without its dateline ("CHAMPASAK \u2014", "HANOI (VNA) \u2013"); one that the
    analysis shows is no noun phrase ("has 15 storeys and two basements", "600sq.m") gives
    way to the subject of the figure's clause ("The building")."""
    if subject_text:  # "CHAMPASAK — An irrigation system": the dateline is no part of the subject
        subject_text = DATELINE.sub("", subject_text) or None
    if not subject_text or not s.tokens:
        return subject_text
    text = s.doc.text
    own = text.find(subject_text, max(s.start, end - len(subject_text)), min(s.end, start + len(subject_text)))
    if 0 <= own <= start and own + len(subject_text) >= end:
        return None  # "3,480 hectares of rice were damaged": the figure's own phrase owns nothing
    at = text.rfind(subject_text, s.start, start)
    if at < 0:
        at = text.find(subject_text, end, s.end)
    within = bisect_right(s.timexes, at, key=lambda t: t.start) - 1  # the one mention that can hold it
    if at >= 0 and within >= 0 and at + len(subject_text) <= s.timexes[within].end:
        return None  # "approved ... on October 3 with 141 votes": a day owns nothing
    if at >= 0:
        cut = verb_inside(s.tokens, at, at + len(subject_text))
        if cut is not None:  # "Laos sent", "the Lao Government decided to support": the doer
            subject_text = text[at:cut].rstrip(" ,") or None
            if subject_text is None:
                return None
        cut = _time_at_end(s, at, at + len(subject_text))
        if cut is not None:  # "The Thanh Hoa People's Committee on August 8 allocated": the committee
            subject_text = text[at:cut].rstrip(" ,") or None
            if subject_text is None:
                return None
    if at < 0 or is_noun_phrase(s.tokens, at, at + len(subject_text)) or end <= at <= end + 1 and not text[end:at].strip() \
            and " " not in subject_text:
        return subject_text  # (one word right after the figure is the noun it modifies: "the VND15 trillion crossing")
    span = subject_words(s.tokens, start, s.clause_words)
    return text[span[0]:span[1]] if span else None


_DAY_PART = re.compile(r"[ \t]+[a-z]+")  # one lowercase word after a date: "on Friday morning"


def _time_at_end(s: Sentence, lo: int, hi: int) -> int | None:
    """Where a phrase at [lo, hi) ends once a date closing it is cut off, with the preposition
    before the date ("... People's Committee on August 8", "The National Assembly on Friday
    morning"); None when no date closes it."""
    for t in s.timexes:
        if lo < t.start < hi and (hi <= t.end or _DAY_PART.fullmatch(s.doc.text, t.end, hi)):
            words = [k for k in s.tokens if lo <= k.start and k.end <= t.start]
            return words[-1].start if words and words[-1].tag == "IN" else t.start
    return None


def state_time(sentence: Sentence) -> DateRange | None:
    """When a state (an office held, a running total) is asserted: the day the sentence
    names ("as of October 4"), else the article's date."""
    if sentence.as_of is not None:
        return sentence.as_of
    pub = sentence.published
    return pub if pub.start is not None else None


def antecedent_before(view: str, lo: int, pos: int, stops: frozenset[str]) -> tuple[int, int] | None:
    """"The downpours that began on September 29", "the factory of Lianfeng Co., which covers
    12 ha": the phrase the relative clause ending at `pos` hangs from (past a place after it)."""
    rel = _RELATIVE_BEFORE.search(view, max(lo, pos - 12), pos)
    end = rel.start() if rel else _aside_start(view, lo, pos)
    if end is not None and view[max(lo, end - 1):end] == ")":
        opening = view.rfind("(", lo, end)  # "... Co., Ltd (China), which covers": before the brackets
        end = opening if opening > lo else end
    span = np_before(view, lo, end, stops) if end is not None else None
    if span and span[1] - span[0] <= 3 and view[max(lo, span[0] - 2):span[0]] == ", ":
        fuller = np_before(view, lo, span[0] - 2, stops)  # "Lianfeng New Materials Co., Ltd": one name
        span = (fuller[0], span[1]) if fuller else span
    where = _WHERE_BEFORE.search(view, max(lo, span[0] - 40), span[0]) if span else None
    if where:  # "the Xe Nam Kong 1 plant in neighbouring Attapeu province, which was commissioned": the plant
        return np_before(view, lo, where.start(), stops) or span
    return span


def _aside_start(view: str, lo: int, pos: int) -> int | None:
    """"The first Lao-Thai Friendship Bridge, which links Vientiane and Nong Khai, was opened",
    "the total investment of the project, including the bridge, the roads and the border
    facilities, is": where a relative clause or an "including" list set off by commas opens,
    when it ends right before `pos`."""
    lo = max(lo, pos - _WINDOW)
    comma = view.rfind(",", lo, pos)
    if comma < 0 or view[comma + 1:pos].strip():
        return None
    opening = None
    for opening in _ASIDE_OPEN.finditer(view, lo, comma):
        pass
    if opening is None or view.find(",", opening.end(), comma) >= 0 and opening.group(1).lower() in ("which", "who"):
        return None  # a list may stand in an "including" aside, never in a relative clause
    return opening.start()


def appositive_before(view: str, lo: int, comma: int, stops: frozenset[str]) -> tuple[int, int] | None:
    """"began construction of the Dongbang Water Supply Plant in Xaythany district of Vientiane
    Capital, a 78 million USD project": the phrase an apposition after `comma` renames, past the
    names of places after it (at most three: "in X district of Y province")."""
    span = np_before(view, lo, comma, stops)
    for _ in range(3):
        where = _PLACE_LINK_BEFORE.search(view, max(lo, span[0] - 12), span[0]) if span else None
        if where is None or not view[span[0]:span[0] + 1].isupper():
            return span
        span = np_before(view, lo, where.start(), stops)
    return span


def renamed_before(view: str, lo: int, start: int, stops: frozenset[str], tokens: Tokens = ()) -> tuple[int, int] | None:
    """"the Tan Chau bridge, a 1.9-kilometer structure", "the Dongbang plant, a 78 million USD
    project": the phrase an apposition opening with "a" right before a figure renames. Not a
    phrase with a figure of its own, in digits or words (`tokens` tagged CD): "a pumping station
    with six pumps at Ban Hinlat, a 27.4 km main canal ..." lists things, none renamed."""
    indefinite = INDEFINITE_BEFORE.search(view, max(lo, start - 4), start)
    if indefinite is None or view[max(lo, indefinite.start() - 2):indefinite.start()] != ", ":
        return None
    span = appositive_before(view, lo, indefinite.start() - 2, stops)
    if span is None or any(ch.isdigit() for ch in view[span[0]:span[1]]):
        return None
    at = bisect_left(tokens, span[0], key=lambda t: t.start)
    return None if any(t.tag == "CD" for t in takewhile(lambda t: t.end <= span[1], tokens[at:])) else span


def copular_antecedent(view: str, lo: int, pos: int, stops: frozenset[str]) -> tuple[int, int] | None:
    """"a 4.3km approach road, which is a separate project of the province": when the phrase
    at `pos` is what a relative clause says its antecedent is, the antecedent's span."""
    rel = _COPULAR_RELATIVE.search(view, max(lo, pos - 24), pos)
    return antecedent_before(view, lo, rel.start(1), stops) if rel else None


_WHERE_BEFORE = re.compile(r"[ \t]+(?:in|at|near)[ \t]+(?:[a-z]+[ \t]+)?$")
_PLACE_LINK_BEFORE = re.compile(r"[ \t]+(?:in|at|near|of)[ \t]+(?:the[ \t]+)?$")
INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)[ \t]+$", re.IGNORECASE)
_COPULAR_RELATIVE = re.compile(r",[ \t]*(?:which|that)[ \t]+((?:is|was)[ \t]+(?:also[ \t]+)?)$", re.IGNORECASE)
_ASIDE_OPEN = re.compile(r",[ \t]+(which|who|including|excluding)\b", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r",?[ \t]*\b(?:that|which|who)[ \t]+$", re.IGNORECASE)


def phrase_before(view: str, lo: int, pos: int, stops: frozenset[str]) -> tuple[int, int] | None:
    """The noun phrase ending just before `pos`, back to the clause edge, cut at a stop word.

    Returns offsets of the phrase, or None when nothing is left.
    """
    lo = max(lo, pos - _WINDOW)  # bounded look-back keeps long sentences linear
    start = lo
    for m in _CLAUSE_EDGE.finditer(view, lo, pos):
        start = m.end()
    segment = view[start:pos]
    lead = _LEADING_JUNK.match(segment.lstrip())
    offset = start + (len(segment) - len(segment.lstrip()))
    if lead:
        offset += lead.end()
    first = _WORDS.match(view, offset)
    second = _WORDS.search(view, first.end(), pos) if first and first.group().lower() in stops else None
    if second and second.group().lower() not in stops:
        offset = second.start()  # "..., said the province has": the reported clause's own subject
    cut = _first_stop(view, offset, pos, stops)
    end = cut if cut is not None else pos
    return _trim(view, offset, end)


def phrase_after(view: str, pos: int, hi: int, stops: frozenset[str]) -> tuple[int, int] | None:
    """The noun phrase starting at `pos`, up to the clause edge or a stop word."""
    hi = min(hi, pos + _WINDOW)
    m = _CLAUSE_EDGE.search(view, pos, hi)
    end = m.start() if m else hi
    cut = _first_stop(view, pos, end, stops)
    return _trim(view, pos, cut if cut is not None else end)


_WORDS = re.compile(r"[^\W\d_][\w'-]*|\d[\w.,%-]*", re.UNICODE)
DETERMINERS = frozenset({"the", "a", "an", "their", "its", "this", "these", "those", "our", "his", "her", "that"})
_NP_MAX_WORDS = 12
_SUBJECT_END = re.compile(r"(?<!\d),|,(?!\d)|\b(?:has|have|had|is|are|was|were|will|would)\b", re.IGNORECASE)  # not "212,000"
JOINING_PREPOSITIONS = frozenset({"in", "at", "near"})  # a phrase after one is joined to the phrase before it below
_PREPOSITION_BEFORE = re.compile(r"\b(in|at|near)[ \t]+$", re.IGNORECASE)
_PLACE_NOUN = r"\b(?:[Pp]rovince|[Dd]istrict|[Cc]ity|capital|town|commune|village|region)\b"
_PLACE_PHRASE = re.compile(_PLACE_NOUN + r"[^\n]{0,40}[A-Z]|[A-Z][^\n]{0,40}" + _PLACE_NOUN)


def _verb_like(word: str) -> bool:
    """Whether a word in -ing or -ed may be a verb form: a participle in -ing has a vowel
    before its ending; "wing", "spring" and "thing" have none, and are nouns."""
    return not word.endswith("ing") or any(ch in "aeiouy" for ch in word[:-3])


def np_before(view: str, lo: int, pos: int, stops: frozenset[str]) -> tuple[int, int] | None:
    """The nearest noun phrase ending at `pos`: back to a determiner (kept), a stop word,
    a verb-looking word (-ing, lowercase -ed) or a clause edge (dropped)."""
    edge = lo
    for m in _CLAUSE_EDGE.finditer(view, max(lo, pos - 200), pos):
        edge = m.end()
    tokens = list(_WORDS.finditer(view, edge, pos))[-_NP_MAX_WORDS:]
    start = None
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group()
        low = word.lower()
        if low in DETERMINERS and not (word[:1].isupper() and i > 0 and tokens[i - 1].group()[:1].isupper()
                                       and view[tokens[i - 1].end():tokens[i].start()] == " "):
            # (a capitalised "An" after a name's word is part of it: "Nghe An Oncology Hospital")
            start = tokens[i].start()
            break
        if low in stops or low in JOINING_PREPOSITIONS:
            break
        if word.islower() and low.endswith(("ing", "ed")) and _verb_like(low):
            # A verb ends the phrase, but "the Hospital building" has a noun in -ing.
            before = tokens[i - 1].group() if i > 0 else ""
            # "the Hospital building", "Newly registered capital": a noun, or a participle after an adverb
            if not (before.lower() in DETERMINERS or before[:1].isupper() and i > 1 or before.lower().endswith("ly")
                    or before[:1].isdigit()):  # "215 growing areas": a count before it
                break
        start = tokens[i].start()
    if start is not None and tokens and tokens[0].start() < start:
        prep = _PREPOSITION_BEFORE.search(view, max(edge, start - 8), start)
        outer = np_before(view, edge, prep.start(), stops) if prep else None
        if outer:
            named = any(c.isupper() for c in view[outer[0] + 1:outer[1]])
            if named and prep.group(1).lower() == "in" and _PLACE_PHRASE.search(view, start, pos):
                # "the Tinh Phong 2 park in the central province of Quang Ngai has attracted":
                # the park did, not the province; the place stays in the article's topic.
                return outer
            start = outer[0]  # "a new dormitory at the hospital": the dormitory, of that hospital
    return _trim(view, start, pos) if start is not None else None


def sentence_subject(view: str, lo: int, pos: int, stops: frozenset[str]) -> tuple[int, int] | None:
    """The sentence's first noun phrase, up to its first comma or auxiliary before `pos`: the
    subject of a later verb across an aside ("The compensation, completed in 2024, amounted
    to") or a second verb ("The wind farm, located ..., has ... and will have 133 turbines")."""
    end = _SUBJECT_END.search(view, lo, pos)
    return np_before(view, lo, end.start(), stops) if end and end.start() > lo else None


def _first_stop(view: str, lo: int, hi: int, stops: frozenset[str]) -> int | None:
    previous = None
    for m in _WORDS.finditer(view, lo, hi):
        word = m.group()
        # "Nghe An's", "Long An": a capitalised stop word right after a capitalised word is a name's
        name_part = word[:1].isupper() and previous is not None and previous.group()[:1].isupper() \
            and view[previous.end():m.start()] == " "
        if word.lower() in stops and m.start() > lo and not name_part:
            return m.start()
        previous = m
    return None


def _trim(view: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and not view[start].isalnum():
        start += 1
    while end > start and not (view[end - 1].isalnum() or view[end - 1] in ")'"):
        end -= 1
    return (start, end) if end > start else None


def spelled_out(text: str, acronym: str) -> str | None:
    """The name an article spells an acronym out as, in brackets after it ("the Laos-China
    Railway Company Limited (LCRC)"): the capitalised words before the brackets whose initials
    are the acronym's letters (lower-case joining words aside, and a last word the acronym
    leaves out: "Limited"), or None when the article defines it nowhere."""
    at = text.find(f"({acronym})")
    if at < 0:
        return None
    words = list(_NAME_WORD.finditer(text, max(0, at - _SPELLED_REACH), at))
    for last in (len(words), len(words) - 1):
        initials = ""
        for i in range(last - 1, -1, -1):
            word = words[i].group()
            if word[:1].isupper():
                initials = word[0] + initials
            elif not initials or word not in _JOINING:
                break
            if initials.upper() == acronym.upper():
                return text[words[i].start():words[-1].end()]
            if len(initials) >= len(acronym):
                break
    return None


def named_before(text: str, lo: int, pos: int, noun: str) -> str | None:
    """The name the article gives, in [lo, pos), to a body it later calls "the <noun>" ("the
    Hanoi Department of Agriculture and Environment", then "Director of the department Dao Thi
    Hoa"): capitalised words before the capitalised noun, or "of" and capitalised words after
    it. Of several, the one named most often (the body the article is about, not one whose
    representatives attended), the later on a tie; None when it names none."""
    seen: dict[str, tuple[int, int]] = {}
    for m in _body_name(noun).finditer(text, max(lo, pos - _NAMED_REACH), pos):
        if m.group(1).strip() in ("", "The") and not m.group(2):
            continue  # "Department officials": no name
        name = re.sub(r",?[ \t]+and$", "", m.group().removeprefix("The ").strip())
        count = seen.get(name, (0, 0))[0]
        seen[name] = (count + 1, m.start())
    return max(seen, key=lambda n: seen[n]) if seen else None


@lru_cache(maxsize=32)
def _body_name(noun: str) -> re.Pattern[str]:
    word = r"[A-Z][\w'\u2019-]*"
    return re.compile(rf"((?:{word}[ \t]+){{0,4}}){re.escape(noun.capitalize())}\b((?:[ \t]+of(?:,?[ \t]+(?:and|{word}))+)?)")


_NAMED_REACH = 3000  # characters back to the name of a body a later "the department" stands for
_NAME_WORD = re.compile(r"[^\W\d_][\w']*")
_JOINING = frozenset({"of", "and", "for", "the", "on", "in"})  # "Bank for Investment and Development"
_SPELLED_REACH = 160  # characters before the brackets a spelled-out name may take


def clock_time(suffixes: list[str]) -> str:
    """A regex for a clock time ("10pm", "6 p.m.", "9:30am"), its suffixes from calendar.yaml;
    shared by the date extractor and the state clock."""
    return r"\d{1,2}(?:[:.]\d{2})?[ \t]?(?:" + alternation(suffixes) + r")"
