"""Stage 4: sentence analysis. Each sentence of an article's own text becomes tokens with
part-of-speech tags and offsets into the file, so extractors can ask grammatical questions
("what is this clause's subject?") instead of guessing from word lists.

Tags come from TextBlob's bundled Pattern tagger (a lexicon and rules shipped inside the
package: nothing is downloaded, same tags for the same text). On the corpus it tags about
2.8 million characters a second, so every sentence is analysed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

import textblob.en as textblob_en
from textblob.en.taggers import PatternTagger

from checker.lexicon import Lexicon
from checker.models import Segment

ANALYSED_REGIONS = frozenset({"headline", "body", "caption"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_OPENER_TOKENS = 12  # an opening phrase ("On the Provincial Road 422 widening alone,") is this many tokens at most
_DATELINE_TOKENS = 6  # a dateline ("HANOI (VNA) -") is this many tokens at most
_SUBJECT_REACH = 150  # a clause's start is sought this many tokens before a figure at most (real sentences are shorter)
_GLOSS_TOKENS = 5  # tokens back from a closing bracket within which a gloss's opening one stands
_CLAUSE_MARKS = frozenset({";", "\u2013", "\u2014", "--"})  # a dash ends a dateline ("HANOI (VNA) \u2013 Trade ...")


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offsets into the file: file_text[start:end] == text
    end: int
    tag: str  # Penn Treebank tag: NN, NNS, NNP, VBD, IN, CD...

    @property
    def is_noun(self) -> bool:
        return self.tag.startswith("NN")

    @property
    def is_verb(self) -> bool:
        return self.tag.startswith("VB") or self.tag == "MD"


Tokens = tuple[Token, ...]


@lru_cache(maxsize=1)
def _tagger() -> PatternTagger:
    return PatternTagger()


def _lexicon() -> Mapping[str, str]:
    """The tagger's own word list (words and their usual tags), shipped with it."""
    return textblob_en.lexicon


def common_word(word: str) -> bool:
    """Whether a lower-case word is in the tagger's English word list: "bus", "freight" are;
    "saythany", "khammouane" (words of names) are not."""
    return word in _lexicon()


class Analysis:
    """One article's analysis: each sentence's tokens by its start offset, and the words
    that open a clause with its own subject (rules/data/nouns.yaml clause_conjunctions).
    A sentence is tagged when first asked for, once: the value layer alone never tags the
    sentences that hold no figure or date."""

    def __init__(self, text: str, spans: dict[int, int], clause_words: frozenset[str],
                 name_starts: frozenset[tuple[str, str]] = frozenset(), links: FigureLinks | None = None) -> None:
        self._text = text
        self._spans = spans  # sentence start -> end
        self._tagged: dict[int, Tokens] = {}
        self.clause_words = clause_words
        self.name_starts = name_starts
        self.links = links

    def tokens_at(self, start: int) -> Tokens:
        """The tokens of the analysed sentence starting at `start` (none for other regions)."""
        if start not in self._tagged:
            end = self._spans.get(start)
            self._tagged[start] = tokens(self._text, start, end, self.name_starts, self.links) if end is not None else ()
        return self._tagged[start]

    @property
    def sentences(self) -> dict[int, Tokens]:
        """Every analysed sentence's tokens, by start offset."""
        return {start: self.tokens_at(start) for start in self._spans}


def analyse(text: str, segments: list[Segment], clause_words: frozenset[str],
            name_starts: frozenset[tuple[str, str]] = frozenset(), links: FigureLinks | None = None) -> Analysis:
    """The analysis of every sentence of the article's own regions, keyed by start offset."""
    return Analysis(text, {seg.start: seg.end for seg in segments if seg.region in ANALYSED_REGIONS}, clause_words,
                    name_starts, links)


@dataclass(frozen=True)
class FigureLinks:
    """Verbs that link a subject to its figure and the words that may stand between them
    (nouns.yaml figure_links): the tagger reads "stretches", "costs", "tops", "houses" as
    plural nouns even in "The bridge stretches 286 metres"."""

    verbs: frozenset[str]
    fillers: frozenset[str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> "FigureLinks":
        links = lexicon.nouns.figure_links
        return cls(frozenset(v.lower() for v in links.verbs), frozenset(f.lower() for f in links.fillers))


def place_name_starts(lexicon: Lexicon) -> frozenset[tuple[str, str]]:
    """The first two words (lower case) of each place, in every spelling (places.yaml,
    aliases.yaml): "An Giang", "Long An", "Can Tho" open a sentence as a name, not as an
    article or a modal."""
    names = [*lexicon.places.places, *lexicon.aliases.aliases, *(f for forms in lexicon.aliases.aliases.values() for f in forms)]
    # (a one-word place as its word and "": "Hue received ..." opens with a name, not a colour)
    return frozenset((words[0], words[1] if len(words) > 1 else "") for words in (n.lower().split() for n in names))


def tokens(text: str, start: int, end: int, starts: frozenset[tuple[str, str]] = frozenset(),
           links: FigureLinks | None = None) -> Tokens:
    """Tag text[start:end] and map each token back onto the file. The tagger splits and
    re-spells some words ("Vietnam's" -> "Vietnam", "'", "s"); a token not found where
    expected is dropped rather than given a wrong offset."""
    out: list[Token] = []
    cursor = start
    for word, tag in _tagger().tag(text[start:end]):
        at = text.find(word, cursor, end)
        if at < 0 or text[cursor:at].strip():
            continue
        if tag.startswith("VB") and word[:1].isdigit() and "-" in word and word.rsplit("-", 1)[1].isalpha():
            tag = "JJ"  # "the 1,000-bed hospital": a figure joined to its noun describes, never acts
        if word == "s" and out and out[-1].text in _APOSTROPHES and out[-1].end == at:
            # "LMT's": the tagger splits the possessive and reads its "s" as a pronoun; one "'s"
            out[-1] = Token(text[out[-1].start:at + 1], out[-1].start, at + 1, "POS")
            cursor = at + 1
            continue
        out.append(Token(word, at, at + len(word), tag))
        cursor = at + len(word)
    return _names_tagged(_linking_verbs(out, links) if links else out, starts)


_NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS")
_LINKED_TAGS = (*_NOUN_TAGS, "PRP", "WDT", "RB", "CC")


def _linking_verbs(toks: list[Token], links: FigureLinks) -> list[Token]:
    """A figure link read as a noun after a noun or a relative word and before its figure is
    the verb it is: "The bridge stretches 286 metres", "which costs 30,000 kip", "freight tops
    2 million tonnes" (its fillers may stand between: "stretches some 68 km"). Read as a
    singular noun, only between a noun and its figure: "The section cost VND4.75 trillion"
    (not "stalls spread over four floors", a participle; "The station, which cost" is read as
    the relative clause it is either way)."""
    for i in range(1, len(toks) - 1):
        t = toks[i]
        if t.tag not in ("NNS", "NN") or t.text.lower() not in links.verbs:
            continue
        if toks[i - 1].tag not in (_NOUN_TAGS if t.tag == "NN" else _LINKED_TAGS):
            continue
        k = i + 1
        while t.tag == "NNS" and k < len(toks) and toks[k].text.lower() in links.fillers and toks[k].tag != "CD":
            k += 1
        if _figure_at(toks, k):
            toks[i] = Token(t.text, t.start, t.end, "VBZ" if t.tag == "NNS" else "VBD")
    return toks


def _figure_at(toks: list[Token], k: int) -> bool:
    """Whether a figure starts at token k: a number, a number with its currency joined on
    ("US$28.6", "VND1.15"), or a currency word before its number ("VND 2.7", "Kip 200")."""
    if k >= len(toks):
        return False
    t = toks[k]
    return t.tag == "CD" or any(ch.isdigit() for ch in t.text) \
        or (t.tag == "$" or t.text[:1].isupper()) and k + 1 < len(toks) and toks[k + 1].tag == "CD"


_APOSTROPHES = frozenset({"'", "\u2019"})


def _names_tagged(toks: list[Token], starts: frozenset[tuple[str, str]] = frozenset()) -> Tokens:
    """Capitalised words inside a name are proper nouns: the tagger reads words of Vietnamese
    and Lao names as English ("Can Tho": a modal, "Long An": a determiner), which would end a
    subject at the name. A capitalised word not opening the sentence, before or after another
    proper noun, is one."""
    out = list(toks)
    if len(out) > 1 and (out[0].text.lower(), out[1].text.lower()) in starts and out[1].text[:1].isupper():
        # "An Giang province exported ...": a known name opens the sentence
        out[0] = Token(out[0].text, out[0].start, out[0].end, "NNP")
        out[1] = Token(out[1].text, out[1].start, out[1].end, "NNP")
    elif out and (out[0].text.lower(), "") in starts and out[0].text[:1].isupper():
        out[0] = Token(out[0].text, out[0].start, out[0].end, "NNP")  # "Hue received ...": a place, not a colour
    elif out and out[0].tag == "NNP" and out[0].text.isalpha() and not (len(out) > 1 and out[1].text[:1].isupper()) \
            and (common := _lexicon().get(out[0].text.lower())) and not common.startswith("NNP"):
        # "Freight volume rose", "Tourism revenue reached": a common word capitalised to open
        # the sentence, not a name ("Khamsavath railway station handled" keeps its name)
        out[0] = Token(out[0].text, out[0].start, out[0].end, common)
    for i, t in enumerate(out):
        if t.tag == "MD" and t.text[:1].isupper() and i + 1 < len(out) and out[i + 1].text[:1].isupper() \
                and out[i + 1].text.isalpha():
            # "Can Tho city has reported": a name, never a modal before a capital
            out[i] = Token(t.text, t.start, t.end, "NNP")
            out[i + 1] = Token(out[i + 1].text, out[i + 1].start, out[i + 1].end, "NNP")
            continue
        if t.tag.startswith("NN") and not t.tag.startswith("NNP") and len(t.text) >= 2 and t.text.isalpha() and t.text.isupper():
            out[i] = Token(t.text, t.start, t.end, "NNP")  # "LMT's revenue", "EVN": an acronym names something
            continue
        if i == 0 or not t.text[:1].isupper() or not t.text.isalpha() or t.tag.startswith("NNP"):
            continue
        after = out[i + 1] if i + 1 < len(out) else None
        before = out[i - 1]
        if after is not None and after.tag.startswith("NNP") and after.text[:1].isupper() \
                or before.tag.startswith("NNP") and before.text[:1].isupper() and i > 1:
            out[i] = Token(t.text, t.start, t.end, "NNP")
    return tuple(out)


def _bracketed(toks: Tokens, lo: int, hi: int) -> set[int]:
    """The indexes of tokens [lo, hi) that stand inside round brackets."""
    inside: set[int] = set()
    depth = 0
    for i in range(lo, hi):
        if toks[i].text == "(":
            depth += 1
        elif toks[i].text == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(i)
    return inside


def clause_subject(toks: Tokens, pos: int, clause_words: frozenset[str]) -> tuple[int, int] | None:
    """The subject of the clause holding offset `pos`, as token indexes [i, j): the words
    from the clause's start to its first verb. A clause starts at the sentence start, after
    a `clause_words` conjunction ("while", "but"), a semicolon or a dash (a dateline's end); a leading prepositional
    phrase closed by a comma ("On the import side, rubber led ...") is not the subject. A
    clause that starts more than `_SUBJECT_REACH` tokens back (an unpunctuated run, a table
    flattened into one line) has no subject worth reading: None, which keeps the search
    linear in the sentence however many figures it holds."""
    last = bisect_right(toks, pos, key=lambda t: t.end) - 1  # the last token before `pos`
    if last < 0:
        return None
    reach = max(0, last - _SUBJECT_REACH)
    first = next((i + 1 for i in range(last, reach - 1, -1)
                  if toks[i].text in _CLAUSE_MARKS or toks[i].text.lower() in clause_words
                  # "(LA) - From the beginning of the year, ...": a dateline's hyphen ends it too
                  or toks[i].text == "-" and 0 < i <= _DATELINE_TOKENS and toks[i - 1].text == ")"), None)
    if first is None:
        if reach > 0:
            return None
        first = 0
    if first < len(toks) and first > 0 and toks[first].text.lower() == "that":
        first += 1  # "Officials added that Bac Giang lychee exports were": the clause after "that"
    if first + 2 < len(toks) and toks[first].tag in ("JJ", "DT") and toks[first + 1].tag == "NN" \
            and toks[first + 2].tag in ("DT", "PRP", "PRP$", "NNP"):
        # "Last year the province welcomed ...", "This year Vietnam aims ...": an adjective and a
        # noun before another noun phrase with no comma are a time phrase, not the subject
        first += 2
    # ("To Lich River, the city's main drain, ...": a name's first word, no infinitive)
    infinitive = first + 1 < len(toks) and toks[first].tag == "TO" and toks[first + 1].text[:1].islower()
    if first < len(toks) and (toks[first].tag in ("IN", "RB", "WRB", "VBG") or infinitive):  # "In 2023, ...", "Nationwide, ..."
        comma = next((i for i in range(first, last + 1) if toks[i].text == ","), None)
        # "When running at full capacity, it will ...": a subordinate clause before the comma;
        # "Spanning some 38,000 sq m, the terminal will have ...": a participle's phrase
        opening = first + 1 if toks[first].tag == "VBG" else first
        # "According to figures cited at the meeting, trade ... rose": a participle taking a
        # preposition opens a phrase the comma closes, whatever verbs its noun carries
        prepositional = toks[first].tag == "VBG" and first + 1 < len(toks) and toks[first + 1].tag in ("TO", "IN")
        # "To speed up the work before the summer rains, Thai Binh has mobilised ...": an
        # infinitive's phrase of purpose, its verb and all
        if comma is not None and (toks[first].tag == "WRB" or infinitive or prepositional
                                  or not any(_acts_as_verb(toks, k) for k in range(opening, comma))):
            first = comma + 1
        elif comma is None and toks[first].tag == "IN":
            first = _after_opening_phrase(toks, first, last + 1)
    # "In the same period, neighbouring Lam Dong province gained ...", "Machine-washed industrial
    # salt leaves ...": a participle opening the subject before a noun or an adjective describes it
    # ("Vietnam's tra fish (pangasius) exports reached": a word in brackets glosses the phrase, no verb)
    bracketed = _bracketed(toks, first, last + 1)
    verb = next((i for i in range(first, last + 1) if _acts_as_verb(toks, i) and i not in bracketed
                 and not (i == first and i + 1 < len(toks) and _describes(toks[i], toks[i + 1]))), None)
    while verb is not None and verb + 2 <= last and toks[verb + 1].text.lower() == "that":
        # "Officials added that Bac Giang lychee exports were 32 percent higher": the clause
        # after "that" has a subject and verb of its own
        inner = next((i for i in range(verb + 2, last + 1) if _acts_as_verb(toks, i)), None)
        if inner is None or inner == verb + 2:
            break
        first, verb = verb + 2, inner
    if verb is None or verb == first:
        return None
    if verb - first > 2 and toks[verb - 1].tag in ("WDT", "WP") and toks[verb - 2].text == ",":
        # "The ferry, which can take up to 180 passengers": the relative clause's subject is
        # the phrase before its pronoun
        return first, verb - 2
    if verb - first > 3 and toks[verb - 1].text == ",":
        # "Binh Dinh, the central region's furniture centre, earned ...": a name and the
        # appositive the commas set off, which describes it; the name is the subject. So is a
        # phrase holding a name that an appositive opening with a determiner renames ("The
        # factory of Mai Chau Green Bamboo JSC, a project with a total investment of VND 120
        # billion, employs"); a phrase with no name keeps its description ("The new mill, the
        # largest in the region, produced")
        comma = next(i for i in range(first, verb) if toks[i].text == ",")
        if first < comma < verb - 2 and (all(t.tag.startswith("NNP") for t in toks[first:comma])
                                         or toks[comma + 1].tag in ("DT", "PRP$") and toks[comma - 1].is_noun
                                         and any(t.tag.startswith("NNP") for t in toks[first:comma])):
            return first, comma
    return first, verb


_PARTICIPLES = ("VBG", "VBN", "VBD")  # a sentence's first word so tagged opens a participle's phrase


def subject_after_opener(toks: Tokens, pos: int) -> tuple[int, int] | None:
    """File offsets of the subject after a participle's phrase that opens the sentence
    ("Built at a cost of US$68 million, the yard covers 45 hectares and has ..."): the words
    from its comma to the first verb, when they hold a noun; None without such a phrase."""
    if not toks or toks[0].tag not in _PARTICIPLES:
        return None
    comma = next((i for i, t in enumerate(toks) if t.end <= pos and t.text == ","), None)
    if comma is None or any(_acts_as_verb(toks, k) for k in range(1, comma)):
        return None
    return subject_after_comma(toks, comma, pos)


def subject_after_comma(toks: Tokens, comma: int, hi: int | None = None) -> tuple[int, int] | None:
    """File offsets of the words from the comma at token index `comma` to the first verb (one
    ending by offset `hi`, if given), without the adverbs that end them, when they hold a noun:
    the main clause's subject after an opening phrase ("Built at a cost of US$68 million, the
    yard covers", "Once completed in 2027, the wharf will be extended")."""
    verb = next((k for k in range(comma + 1, len(toks)) if (hi is None or toks[k].end <= hi) and _acts_as_verb(toks, k)), None)
    if verb is None or not any(t.is_noun for t in toks[comma + 1:verb]):
        return None
    return without_adverbs(toks, toks[comma + 1].start, toks[verb - 1].end)


def opening_phrase(toks: Tokens, times: frozenset[str]) -> tuple[int, int] | None:
    """File offsets of the words after the preposition of a phrase that opens the sentence and
    names something ("On the Provincial Road 422 widening alone, 540 households ...", "In Hoai
    Duc, ..."): what a figure of a clause with no subject of its own is about. None without a
    comma after a few words, with a finite verb inside, or with no proper noun but `times`
    ("In March,", "On Thursday,")."""
    if not toks or toks[0].tag != "IN":
        return None
    comma = next((i for i, t in enumerate(toks[:_OPENER_TOKENS]) if t.text == ","), None)
    if comma is None or comma < 2 or any(toks[k].is_verb and toks[k].tag != "VBG" for k in range(1, comma)) \
            or not any(t.tag.startswith("NNP") and t.text.lower() not in times for t in toks[1:comma]):
        return None
    return without_adverbs(toks, toks[1].start, toks[comma - 1].end)


def _describes(word: Token, after: Token) -> bool:
    """A participle that opens a clause and describes the noun phrase after it: "neighbouring
    Lam Dong province", a hyphened "Machine-washed industrial salt" (a plain "Opened in 2020"
    or "Built bridges" stays a verb)."""
    if word.tag == "VBG":
        return after.is_noun
    return word.tag == "VBN" and "-" in word.text.strip("-") and (after.is_noun or after.tag.startswith("JJ"))


def _acts_as_verb(toks: Tokens, k: int) -> bool:
    """A verb, but not a gerund after a determiner ("From the beginning of the year"): a noun."""
    return toks[k].is_verb and not (toks[k].tag == "VBG" and k > 0 and toks[k - 1].tag == "DT")


def _after_opening_phrase(toks: Tokens, first: int, hi: int) -> int:
    """Where the subject starts after an opening prepositional phrase with no comma ("In the
    first month we carried ...", "Under the loan agreement the company will ..."): the first
    word that cannot continue the phrase's noun. A determiner or pronoun after a noun or a
    figure starts a new noun phrase; so does a noun after a year ("In 2023 exports rose"), a
    noun after a plural noun ("In the first nine months exports rose") and a name after a
    common noun ("At the ceremony Vice Minister Phan handed ..."). With no such word the
    clause keeps its start."""
    for m in range(first + 2, hi):
        prev, cur = toks[m - 1], toks[m]
        if cur.is_verb or cur.text in (",", ";"):
            break
        after_noun = prev.is_noun or prev.tag == "CD"
        if (cur.tag in ("DT", "PRP", "PRP$") and after_noun
                or cur.is_noun and (prev.tag == "CD" and len(prev.text) == 4 and prev.text.isdigit() or prev.tag == "NNS")
                or cur.tag.startswith("NNP") and prev.tag in ("NN", "NNS")):
            return m
    return first


def head_compound(toks: Tokens, span: tuple[int, int]) -> Tokens:
    """The head noun of a phrase with the common nouns right before it: the words before the
    phrase's first preposition ("Vietnam's exports to Laos" -> exports; "Electricity
    imports" -> Electricity imports). Proper nouns inside it and possessives are not part of it."""
    i, j = span
    if i + 2 < j and toks[i + 1].text == ",":
        i += 2  # "Nationwide, shrimp exports grew": one opening word and its comma are no part of it
    cut = next((k for k in range(i, j) if toks[k].tag in ("IN", "TO", ",")), j)
    nouns = [k for k in range(i, cut) if toks[k].is_noun]
    if not nouns:
        return ()
    head = nouns[-1]
    k = head
    while k - 1 >= i and (toks[k - 1].tag in ("NN", "NNS") or k - 1 == i and toks[k - 1].tag == "NNP"):
        k -= 1  # a capital at the phrase's start may be a common noun opening the sentence ("Electricity")
    return toks[k:head + 1]



def without_adverbs(toks: Tokens, start: int, end: int) -> tuple[int, int]:
    """A phrase before its verb without the adverbs that end it ("It now serves", "It
    currently receives": "It")."""
    inside = [t for t in toks if start <= t.start and t.end <= end]
    while len(inside) > 1 and inside[-1].tag in ("RB", "RBR", "RBS"):
        inside.pop()
    return (start, inside[-1].end) if inside else (start, end)


def is_noun_phrase(toks: Tokens, start: int, end: int) -> bool:
    """Whether text[start:end] can be a noun phrase: it does not open with a verb or a
    figure ("has 15 storeys and two basements" is a predicate, "600sq.m" a figure)."""
    i = bisect_right(toks, start, key=lambda t: t.end)  # the first token ending after `start`
    if i == len(toks) or toks[i].start >= end:
        return True  # the tagger did not see these words: no evidence either way
    # ("the 1,000-bed hospital" opens with a describing compound, which is no figure of its own)
    return not toks[i].is_verb and (not toks[i].text[:1].isdigit() or toks[i].tag == "JJ")


def subject_words(toks: Tokens, pos: int, clause_words: frozenset[str]) -> tuple[int, int] | None:
    """File offsets of the subject of the clause holding `pos`, without determiners and
    adverbs ("The line officially began ..." -> "line"), or None."""
    span = clause_subject(toks, pos, clause_words)
    if span is None:
        return None
    i, j = span
    while i < j and toks[i].tag in ("DT", "PRP$", "RB", "CC"):
        i += 1
    comma = next((k for k in range(i, j) if toks[k].text == "," and any(t.is_noun for t in toks[i:k])), None)
    if comma is not None:
        j = comma  # "The building, on a 3.2ha site in ..., has": the words before the aside
    while j > i and toks[j - 1].tag in ("RB", "RBR", "RBS", ","):
        j -= 1
    if j <= i or not any(t.is_noun for t in toks[i:j]):
        return None
    return toks[i].start, toks[j - 1].end


def noun_phrase_at(toks: Tokens, pos: int, stops: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """File offsets of the adjectives and nouns starting at offset `pos`, up to their last
    noun, ending before a `stops` word: "coffee abroad last year" -> "coffee" (with "year" a
    stop); "winter-spring rice, mostly" -> "winter-spring rice"."""
    first = next((i for i, t in enumerate(toks) if t.start == pos), None)
    if first is None:
        return None
    last = None
    for i in range(first, len(toks)):
        if toks[i].text.lower() in stops or any(ch.isdigit() for ch in toks[i].text):
            break  # "coffee worth US$98 million": the amount is not what is measured
        if toks[i].is_noun:
            last = i
        elif not toks[i].tag.startswith("JJ"):
            break
    return (toks[first].start, toks[last].end) if last is not None else None


def coordinated_end(toks: Tokens, end: int, stops: frozenset[str] = frozenset()) -> int | None:
    """Where a list of noun phrases ends that the phrase ending at offset `end` opens, joined
    by "and" or "or" ("crops and fish ponds", "wood chips, cassava chips and construction
    materials"); none before a figure, a clause or another measure ("rice and 30 tonnes of
    maize", "crops and destroyed 200 houses", "cinnamon and many hectares of rice"), nor for
    commas alone ("wood chips, bound for China")."""
    i = bisect_right(toks, end - 1, key=lambda t: t.start)
    while i + 1 < len(toks) and toks[i].text in (",", "and", "or"):
        phrase = noun_phrase_at(toks, toks[i + 1].start, stops)
        after = bisect_right(toks, phrase[1] - 1, key=lambda t: t.start) if phrase else len(toks)
        if phrase is None or after < len(toks) and toks[after].text.lower() == "of":
            return None  # "320 ha of cinnamon and many hectares of rice": another measure
        if toks[i].text != ",":
            return phrase[1]
        i = after
    return None


def _back_in_clause(toks: Tokens, pos: int, clause_words: frozenset[str]) -> Iterator[int]:
    """Indexes of the tokens before offset `pos`, nearest first, up to the clause's edge: a
    relative pronoun, a comma, a dash or a clause word ("the Vietnam - Cambodia Forum": a dash
    inside a name ends no clause)."""
    for i in range(bisect_right(toks, pos, key=lambda t: t.end) - 1, -1, -1):
        t = toks[i]
        inside_name = 0 < i < len(toks) - 1 and toks[i - 1].tag == "NNP" and toks[i + 1].tag == "NNP"
        if (t.text in _CLAUSE_MARKS or t.text == ",") and not inside_name \
                or t.tag in ("WDT", "WP") or t.text.lower() in clause_words:
            return
        yield i


def governing_verb(toks: Tokens, pos: int, clause_words: frozenset[str]) -> int | None:
    """Index of the verb that governs the words at offset `pos`: the last verb before them
    in their clause ("co-chaired the ... Forum"), or None: the verb must be in the same clause."""
    for i in _back_in_clause(toks, pos, clause_words):
        if toks[i].is_verb or i > 0 and toks[i - 1].tag == "MD":  # "will supply": the tagger reads some verbs as nouns
            return i
    return None


def clause_modal(toks: Tokens, pos: int, clause_words: frozenset[str]) -> str | None:
    """The modal before the words at offset `pos` in their clause ("will" in "Lawmakers will
    vote on the revised law on Friday"), lower case, or None."""
    return next((toks[i].text.lower() for i in _back_in_clause(toks, pos, clause_words) if toks[i].tag == "MD"), None)


def verb_subject(toks: Tokens, pos: int, clause_words: frozenset[str],
                 placing: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """File offsets of the noun phrase right before the verb that governs the words at `pos`,
    past its auxiliaries and adverbs: "said Vietnam would provide VND1.5 trillion" -> Vietnam;
    "The Vietnamese Government has provided aid of" -> Vietnamese Government. None when an
    aside or a clause edge stands between them ("Ha Tinh, which borders Laos, has sent").
    A phrase after one of `placing` ("in", "at") places the noun before it, which is the subject:
    "The 10th Ha Noi Book Festival at the Thang Long Imperial Citadel ended ..." -> the festival,
    "The Phong Nha-Ke Bang National Park in the central province of Quang Binh welcomed" -> the park."""
    i = governing_verb(toks, pos, clause_words)
    if i is None:
        return None
    j = i
    while j > 0 and (toks[j - 1].is_verb or toks[j - 1].tag in ("RB", "RBR", "RBS")):
        j -= 1  # "has", "would", "also"
    k = _phrase_start(toks, j)
    placed = False
    while k > 1:
        at = k - 1
        if toks[at].text.lower() == "of":
            head = _phrase_start(toks, at)
            if placed and head < at:
                j, k = at, head  # "The seaports of Quy Nhon in the province of Binh Dinh": the seaports
                continue
            at = head - 1  # "in the central province of Quang Binh"
        if at > 1 and f"{toks[at - 1].text} {toks[at].text}".lower() in placing:
            at -= 1  # "The dry port next to Oudomxay railway station handled": the dry port
        if at < 1 or toks[at].text.lower() not in placing and f"{toks[at].text} {toks[at + 1].text}".lower() not in placing \
                or not toks[at - 1].is_noun:
            break
        j, placed = at, True
        k = _phrase_start(toks, j)
    while k < j and toks[k].tag in ("DT", "PRP$"):
        k += 1
    if k >= j or not any(t.is_noun for t in toks[k:j]):
        return None
    return toks[k].start, toks[j - 1].end


def _phrase_start(toks: Tokens, j: int) -> int:
    """Where the noun phrase ending before token `j` starts."""
    k = j
    while k > 0:
        if toks[k - 1].is_noun or toks[k - 1].tag in ("JJ", "DT", "POS", "PRP$") and k < j:
            k -= 1
        elif toks[k - 1].text == ")" and (gloss := _gloss_start(toks, k - 1)) is not None:
            k = gloss  # "Vietnam's tra fish (pangasius) exports": the gloss in brackets is the phrase's
        else:
            break
    return k


def _gloss_start(toks: Tokens, close: int) -> int | None:
    """The index of the "(" of a bracketed gloss of nouns closing at token `close`, when a noun
    stands before it ("tra fish (pangasius)", "the Asian Development Bank (ADB)")."""
    for i in range(close - 1, max(-1, close - _GLOSS_TOKENS), -1):
        if toks[i].text == "(":
            return i if i > 0 and i < close - 1 and toks[i - 1].is_noun else None
        if not toks[i].is_noun:
            return None
    return None


def verb_inside(toks: Tokens, start: int, end: int) -> int | None:
    """Offset of the first finite verb after the first word of text[start:end] ("Laos sent",
    "the Government decided to support"), or None. Participles and infinitives describe a
    noun ("the planned bridge", "projects to build the headquarters") and are no cut."""
    for k in range(bisect_left(toks, start, key=lambda t: t.start) + 1, len(toks)):
        if toks[k].end > end:
            break
        if toks[k].tag in _FINITE:
            return toks[k].start
    return None
