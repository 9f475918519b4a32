"""Who holds which office: "Vice Chairman of the Hanoi People's Committee Nguyen Manh Quyen",
"Nguyễn Duy Ngọc, Secretary of the Hà Nội Party Committee", "Hanoi People's Council Vice
Chairwoman Phung Thi Hong Ha", and chains such as "X, Secretary of A and Chairman of B".

Works on word tokens, left to right: each office title looks for its organisation
("of ..." after it, or a body name before it) and its holder (a capitalised name
after it, or before it across a comma for appositions). The claim time is the article's: a
day the sentence gives its figures ("was 62 percent complete at the end of April") is not
the day its speaker holds the office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.aliases import AliasTable, person_key
from checker.extract.base import DETERMINERS, Sentence, make_claim, named_before, spelled_out
from checker.lexicon import Lexicon
from checker.models import Claim, Document, RoleValue
from checker.text import fold

_TOKEN = re.compile(r"[^\W\d_][\w'.-]*[\w']|[^\W\d_]|\([A-Z]{2,6}\)|[,;:()]|\S", re.UNICODE)
_NAME_MIN, _NAME_MAX = 2, 5
_BOARD_WORDS = 3  # "the board", "the management board", "the board of directors" (its lowercase words)
_TITLE_REACH = 9  # tokens between "the appointment of" and the name: a title held until then
_ACRONYM = re.compile(r"[ \t]*\([A-Z]{2,6}\)")


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return fold(self.text)

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Mention:
    office: str
    start: int  # token index of the title
    end: int  # token index after title (and organisation)
    org_text: str | None
    org_span: tuple[int, int] | None  # token indexes


class RoleExtractor:
    kind = "role"

    def __init__(self, lexicon: Lexicon, aliases: AliasTable) -> None:
        self._names_of: tuple[str | None, dict[str, str]] = (None, {})  # the last article read, its names' words
        self.thing_heads = frozenset(h.lower() for h in lexicon.entities.heads if " " not in h)
        offices = lexicon.offices
        self.aliases = aliases
        self.titles: dict[tuple[str, ...], str] = {}
        for canon, title in offices.titles.items():
            for form in title.forms:
                self.titles[tuple(fold(form).split())] = canon
        self.max_title = max(len(k) for k in self.titles)
        self.past_markers = frozenset(fold(w) for w in offices.past_markers)
        self.past_after = frozenset(tuple(fold(w).split()) for w in offices.past_after_title)
        self.reporting_verbs = frozenset(tuple(fold(w).split()) for w in offices.reporting_verbs)
        self.succession_verbs = frozenset(fold(w) for w in offices.succession_verbs)
        self.succession_auxiliaries = frozenset(fold(w) for w in offices.succession_auxiliaries)
        self.succession_links = frozenset(fold(w) for w in offices.succession_links)
        self.relative_links = frozenset(tuple(fold(w).split()) for w in offices.relative_links)
        self.relative_verbs = {tuple(fold(w).split()): office for w, office in offices.relative_office_verbs.items()}
        self.new_office_adverbs = frozenset(fold(w) for w in offices.new_office_adverbs)
        self.appointment_nouns = frozenset(fold(w) for w in offices.appointment_nouns)
        # "former Lao Minister of ...": a nationality or country may stand between the marker and the title
        self.nation_words = frozenset(fold(w) for w in lexicon.places.nationalities + lexicon.places.countries)
        # ... or a place: "former Xekong governor", "outgoing Svay Rieng governor"
        self.place_words = frozenset(w for p in lexicon.places.places for w in fold(p).split()) | frozenset(
            w for canon, forms in lexicon.aliases.aliases.items() if canon in lexicon.places.places
            for f in forms for w in fold(f).split())
        # ... with its kind: "Former Vang Vieng district governor"
        self.place_kinds = frozenset(fold(w) for w in lexicon.places.kinds)
        # ... or a place's level: "former provincial Governor Chanthaphone"
        self.local_adjectives = frozenset(fold(w) for w in lexicon.places.local_adjectives)
        self.portfolios = sorted((tuple(t.low for t in _tokens(p)) for p in offices.portfolios), key=len, reverse=True)
        self.portfolio_words = frozenset(w for p in self.portfolios for w in p) - {"and", ","}
        body_words: set[str] = set()
        for canon, forms in offices.bodies.items():
            for form in forms + [canon]:
                body_words.update(fold(form).replace("(", " ").replace(")", " ").split())
        # a place's words inside a body's name ("Communist Party of Viet Nam") are no body words:
        # "Nam" and "Lam" are also given names ("Do Hoai Nam")
        real = {fold(p) for p in lexicon.places.places}
        place_parts = {w for p in real if " " in p for w in p.split()} | {
            w for canon, forms in lexicon.aliases.aliases.items() if fold(canon) in real
            for f in forms if " " in f for w in fold(f).split()}
        self.body_words = frozenset(body_words - {"of", "the"} - place_parts)
        places: set[str] = set()
        for canon, forms in lexicon.aliases.aliases.items():
            places.update(fold(f) for f in forms + [canon] if " " not in f)
        self.org_words = frozenset(self.body_words | places |
                                   {"central", "standing", "national", "state", "lao", "municipal", "provincial",
                                    "city", "capital", "province", "district", "people's", "of", "the"})
        self.title_words = frozenset(w for k in self.titles for w in k)
        self.one_word_places = frozenset(p for p in real if " " not in p)  # "Bokeo Governor ..." opening a sentence
        names = lexicon.names
        self.family_names = frozenset(names.family_names)
        self.honorifics = frozenset(fold(h) for h in names.honorifics)
        self.particles = frozenset(fold(p) for p in names.name_particles)
        self.ranks = frozenset(tuple(fold(r).split()) for r in names.ranks)
        self.max_rank = max((len(r) for r in self.ranks), default=0)
        # words of a rank ("Lieutenant", "Colonel") are never a name's; "General" may be
        # ("Song Lam General Hospital"), "Police" and "Border Guard" name bodies: those are a
        # rank's only where a rank is read at a name's start
        self.rank_words = frozenset(w for r in self.ranks for w in r) - {"general"} - self.org_words
        self.nationalities = dict(names.nationalities)
        # "its Chairman", "their director": a body's possessive, not a person's
        self.body_pronouns = frozenset(lexicon.nouns.possessives) - frozenset(names.possessive_pronouns)

    def extract(self, s: Sentence) -> list[Claim]:
        toks = [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(s.view, s.start, s.end)]
        claims: list[Claim] = []
        pending: list[Mention] = []  # titles waiting for a holder ("General Secretary, President of Laos X")
        holder: tuple[int, int] | None = None  # an apposition's holder, for chained titles
        i = 0
        while i < len(toks):
            title = self._title_at(toks, i)
            if title is None:
                i += 1
                continue
            office, after_title = title
            split = self._split_title(toks, i, after_title)
            if split is not None:
                office = split[0]  # "Deputy Foreign Minister Bui Van Dat": a deputy minister of foreign affairs
            before = i - 1
            # (past a nation, a place or a portfolio: "the then Lao Health Minister")
            # (or a body's name before a lowercase title: "Former Nam Papa Champasak director Khamla",
            # "former department director Ho Minh Sang", "former tourism director Bounlieng",
            # "then district chairman Vu Hong Son")
            while before > 0 and (toks[before].low in self.nation_words or toks[before].cap and (
                    toks[before].low in self.place_words or toks[before].low in self.portfolio_words
                    or not toks[i].cap) or not toks[i].cap and toks[before].low in self.body_words | self.portfolio_words | self.place_kinds
                    or toks[before].low in self.place_kinds and toks[before - 1].cap
                    or toks[before].low in self.local_adjectives):
                before -= 1
            body = self._noun_body_before(toks, i) if not toks[i].cap else None
            if before >= 0 and toks[before].low.rstrip("-") in self.past_markers \
                    or body is not None and body[0] > 0 and toks[body[0] - 1].low.rstrip("-") in self.past_markers:
                # "the then Chairman ... Nguyen Van Hai", "former Lao Minister X", "former hospital
                # director Dr Le Van Son": who held it once
                i = after_title
                continue
            if not toks[i].cap and not self._after_apposition(toks, i, holder, s.doc) \
                    and not self._titled_by_prefix(toks, i, after_title):
                i = after_title
                continue
            mention = self._organisation(toks, i, after_title, office)
            if mention.org_text is None and not toks[i].cap and self._honorific_after(toks, after_title) \
                    and (body := self._noun_body_before(toks, i)) is not None:
                # "museum director Mr Somsanouk Phanthavong": the museum's, not another body's of the article
                mention = Mention(office, body[0], mention.end, _join(toks, *body), body)
            if split is not None and mention.start > split[1]:
                mention = Mention(office, split[1], mention.end, mention.org_text, mention.org_span)
            if any(tuple(t.low for t in toks[mention.end:mention.end + len(w)]) == w for w in self.past_after):
                i = after_title  # "Khamsing Vongphachanh, Phongsaly's governor at the time": who held it then
                continue
            possessive = self._possessive_start(toks, i)
            if mention.org_text is None and i > 0 and toks[i - 1].low in self.body_pronouns:
                # "a delegation of the Lao National Assembly's Economic Committee led by its
                # Chairman X": the body named before owns the title, not the article's other chairman
                owner = self._antecedent_body(toks, i - 1)
                if owner is None:
                    i = after_title
                    continue
                mention = Mention(office, i, mention.end, _join(toks, *owner).replace("'s", "").replace("\u2019s", ""), owner)
            elif mention.org_text is None and possessive < i:
                # "Ngo Thanh Liem, the company's general director": the body owns the title
                first = possessive + (toks[possessive].low == "the")
                owner = _join(toks, first, i).replace(" 's", "").replace("'s", "").replace("\u2019s", "")
                mention = Mention(office, first, mention.end, owner, (first, i))
            name = self._name_after(toks, mention.end, s.doc)
            named_before = self._name_before(toks, min(mention.start, possessive), s.doc)
            if name is not None and named_before is not None and toks[mention.end].text == "," \
                    and name[1] + 1 < len(toks) and toks[name[1]].text == "," and self._title_at(toks, name[1] + 1):
                # "Mr Bounmy Xaysana, Governor of Xieng Khouang province, Mr Hoang Minh Tuan, Vice
                # Chairman of ...": a list of names each followed by its title; this title is the
                # name's before it
                name = None
            if name is not None and mention.org_span is not None and toks[mention.org_span[0] - 1].low == "of" \
                    and named_before is not None and not self._titled_before(toks, named_before[1] - 1) \
                    and not (name[0] > 0 and toks[name[0] - 1].text in (",", ")") or toks[name[0] - 1].low in self.honorifics):
                # "Lee Dong-hyun, general director of Daesung Precision Vina, said": the holder is
                # named before the title, so the capitalised words after "of" all name the body
                j = mention.org_span[0]
                mention = Mention(office, mention.start, name[1], _join(toks, j, name[1]), (j, name[1]))
                name = None
            if name is not None:
                full = self._full_names(s.doc).get(toks[name[0]].text) if name[1] - name[0] == 1 else None
                for m in pending + [mention]:
                    claims.append(self._claim(s, toks, m, name, full=full))
                pending, holder = [], None
                i = name[1]
                continue
            opening = min(mention.start, possessive)
            relative = self._relative_link(toks, opening)  # "Duc, who is deputy director of the department"
            opening -= relative
            while not relative and opening > 1 and toks[opening - 1].low in self.succession_links and toks[opening - 1].text != ",":
                opening -= 1  # "Le Quang Thinh, the new Consul General of Vietnam in Savannakhet"
            before = self._name_before(toks, opening, s.doc)
            if before is None and holder and self._after_apposition(toks, i, holder, s.doc):
                before = holder
            if before is None:
                elected = self._elected_before(toks, i)
                if elected is not None:
                    # "Nguyen Huu Phuoc was elected Chairman of ...", "the council elected Nguyen
                    # Huu Phuoc Chairman of ...": the office is the holder's from the election
                    mention = self._organisation(toks, i, after_title, office, before=elected[1] < i, named_first=True)
                    claims.append(self._claim(s, toks, mention, elected, {"change": "new office"}))
                    pending, holder = [], None
                    i = max(mention.end, i + 1)
                    continue
            if before is not None:
                new = self._succession(toks, mention.end)
                full = self._full_names(s.doc).get(toks[before[0]].text) if before[1] - before[0] == 1 else None
                if new is None:
                    claims.append(self._claim(s, toks, mention, before, full=full))
                else:
                    title = self._title_at(toks, new)
                    if title is not None:
                        # "..., was elected as Chairman of the Quang Nam Provincial People's Committee"
                        elected = self._organisation(toks, new, title[1], title[0])
                        claims.append(self._claim(s, toks, elected, before, {"change": "new office"}, full=full))
                        mention = elected  # read on after the new office
                holder = before
                pending = []
            elif mention.end < len(toks) and toks[mention.end].text == ",":
                pending.append(mention)
            else:
                pending = []
            i = max(mention.end, i + 1)
        return claims + self._led_by_verb(s, toks)

    def _led_by_verb(self, s: Sentence, toks: list[Tok]) -> list[Claim]:
        """"<Name>, who chairs the <body>": the title the verb gives (offices.yaml
        relative_office_verbs), its holder the name before the comma."""
        claims = []
        for i, t in enumerate(toks):
            if t.low != "who" or i < 2 or toks[i - 1].text != ",":
                continue
            verb = next((v for v in self.relative_verbs if tuple(x.low for x in toks[i + 1:i + 1 + len(v)]) == v), None)
            j = i + 1 + len(verb) if verb else 0
            if verb is None or j >= len(toks) or toks[j].low != "the":
                continue
            run_end = self._org_run(toks, j + 1)
            last = self._org_end(toks, j + 1, run_end) if run_end > j + 1 else None
            name = self._name_before(toks, i, s.doc)
            if last is None or name is None:
                continue
            org = (j + 1, last + 1)
            full = self._full_names(s.doc).get(toks[name[0]].text) if name[1] - name[0] == 1 else None
            claims.append(self._claim(s, toks, Mention(self.relative_verbs[verb], i, last + 1, _join(toks, *org), org), name, full=full))
        return claims

    def _relative_link(self, toks: list[Tok], i: int) -> int:
        """How many words of a relative link (offices.yaml relative_links) stand between a comma
        and the title at `i`; 0 when none does."""
        for n in sorted({len(w) for w in self.relative_links}, reverse=True):
            if i - n >= 1 and toks[i - n - 1].text == "," and tuple(t.low for t in toks[i - n:i]) in self.relative_links:
                return n
        return 0

    def _succession(self, toks: list[Tok], j: int) -> int | None:
        """Where the new office begins when the apposition going on at token j ends in one
        ("Pham Thanh Hai, ..., Permanent Vice Chairman of the Provincial People's Committee, was
        elected as Chairman"): the apposition's titles are the ones held until then. None when
        the apposition ends otherwise."""
        while j < len(toks) and (toks[j].text in (",", "and") or toks[j].cap or toks[j].low in self.org_words
                                 or toks[j].low in self.title_words) and toks[j].low not in self.succession_auxiliaries:
            j += 1
        if j == len(toks) or toks[j - 1].text != ",":
            return None
        if toks[j].low in ("as", "to"):
            # "approved the appointment of Vilayvanh Sihalath, Governor of the Bank of the Lao
            # PDR, as the country's new Minister of Finance", "elected Mr Trinh Van Hoach,
            # Permanent Vice Chairman of ..., to the post of Chairman": the apposition's office is the old one
            k = j + 1
            while k < len(toks) and (toks[k].low in self.succession_links or toks[k].low.endswith(("'s", "\u2019s"))):
                k += 1
            return k if toks[j].low == "as" or self._title_at(toks, k) else None
        while j < len(toks) and toks[j].low in self.succession_auxiliaries:
            j += 1
        if j == len(toks) or toks[j].low not in self.succession_verbs:
            return None
        j += 1
        while j < len(toks) and toks[j].low in self.succession_links:
            j += 1
        return j

    def _elected_before(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        """The holder a succession verb before the title at i names: "<Name> was elected (as) <title>"
        or "elected <Name> (as) <title>"; None when the words before the title are no such clause."""
        j = i
        while j > 0 and toks[j - 1].low in self.succession_links:
            j -= 1
        k = j  # "elected Nguyen Huu Phuoc Chairman": the name right before the title, the verb before it
        while k > 0 and j - k < _NAME_MAX and self._is_name_token(toks[k - 1]):
            k -= 1
        if j - k >= _NAME_MIN and k > 0 and toks[k - 1].low in self.succession_verbs:
            return k, j
        if k > 0 and toks[k - 1].low == "of":
            k = self._portfolio_at(toks, k) or k  # "Deputy Minister of Finance Khamsouk": past the title's portfolio
        if j - k >= _NAME_MIN and self._appointment_before(toks, k):
            return k, j  # "approved the appointment of (former Deputy Minister of Finance) Khamsouk Phanthavong as Governor"
        if j == 0 or toks[j - 1].low not in self.succession_verbs:
            return None
        j -= 1
        auxiliaries = j
        while j > 0 and toks[j - 1].low in self.succession_auxiliaries:
            j -= 1
        if j == auxiliaries:
            # "the council elected Chairman ...": the verb's subject elects, holds nothing; but "with
            # Do Van Khiem elected Standing Deputy Secretary": the name was elected
            k = j
            while k > 0 and j - k < _NAME_MAX and self._is_name_token(toks[k - 1]):
                k -= 1
            return (k, j) if j - k >= _NAME_MIN and k > 0 and toks[k - 1].low == "with" else None
        k = j
        while k > 0 and j - k < _NAME_MAX and self._is_name_token(toks[k - 1]):
            k -= 1
        while self._rank(toks, k) and j - (k + self._rank(toks, k)) >= _NAME_MIN:
            k += self._rank(toks, k)
        return (k, j) if j - k >= _NAME_MIN else None

    def _appointment_before(self, toks: list[Tok], k: int) -> bool:
        """Whether "the appointment of" stands before the name at k, past the title it held
        until then ("the appointment of former Deputy Minister of Finance Khamsouk")."""
        m = k - 1
        while m > 0 and k - m <= _TITLE_REACH and toks[m].text not in (",", ";") \
                and toks[m].low not in self.succession_verbs:
            if toks[m].low == "of" and toks[m - 1].low in self.appointment_nouns:
                return True
            m -= 1
        return False

    def _split_title(self, toks: list[Tok], i: int, end: int) -> tuple[str, int] | None:
        """A title whose first word stands before the portfolio or body it is of ("Deputy Foreign
        Minister", "Vice Health Minister"): the whole title, when the words between are a portfolio's
        or a body's."""
        for k in range(i - 1, max(-1, i - _SPLIT_REACH), -1):
            if self._splits(toks, k, i, end):
                return self.titles[(toks[k].low, *(t.low for t in toks[i:end]))], k
            if not (toks[k].cap and (toks[k].low in self.portfolio_words or toks[k].low in self.org_words)):
                return None
        return None

    def _splits(self, toks: list[Tok], k: int, i: int, end: int | None = None) -> bool:
        """Whether the word at k, with the title at i, makes a longer title, words between."""
        if k >= i - 1 or not toks[k].cap:
            return False
        title = self._title_at(toks, i)
        end = end if end is not None else (title[1] if title else i + 1)
        return (toks[k].low, *(t.low for t in toks[i:end])) in self.titles

    def _title_at(self, toks: list[Tok], i: int) -> tuple[str, int] | None:
        for n in range(min(self.max_title, len(toks) - i), 0, -1):
            key = tuple(t.low for t in toks[i:i + n])
            if key in self.titles:
                return self.titles[key], i + n
        return None

    def _after_apposition(self, toks: list[Tok], i: int, holder: tuple[int, int] | None, doc: Document | None = None) -> bool:
        """A lowercase title counts after "Name, ..." or "..., and" in an apposition chain, also
        behind its body's possessive ("Lan, the CDC's deputy director")."""
        k = self._possessive_start(toks, i)
        k -= self._relative_link(toks, k)  # "Duc, who is deputy director"
        return k > 0 and toks[k - 1].text in (",", "and") and (holder is not None or self._name_before(toks, k, doc) is not None)

    def _possessive_start(self, toks: list[Tok], i: int) -> int:
        """Where "the CDC's" or "the province's" begins before a title at i; i when none does."""
        k = i
        if k > 0 and toks[k - 1].text in ("'s", "\u2019s"):
            k -= 1
        if k > 0 and (toks[k - 1].low.endswith(("'s", "\u2019s")) or k < i) and toks[k - 1].text not in (",", "and"):
            k -= 1
            while k > 0 and toks[k - 1].cap and toks[k - 1].text.isalpha() and i - k < 5:
                k -= 1  # "the Khanh Hoa CDC's"
            if k > 0 and toks[k - 1].low == "the":
                k -= 1
            return k
        return i

    def _organisation(self, toks: list[Tok], start: int, end: int, office: str, before: bool = True,
                      named_first: bool = False) -> Mention:
        """"<title> of|to <org>" after the title, else "<org> <title>" before it (unless `before` is
        False: "elected Nguyen Huu Phuoc Chairman of ..." has a name there). `named_first`: the
        holder is named before the title, so no name ends the body after it."""
        prefix = self._org_before(toks, start) if before else None
        portfolio = self._portfolio_at(toks, end + 1) if end < len(toks) and toks[end].low == "of" else None
        if portfolio is not None:  # "Minister of Health Dao Hong Lan": the portfolio, then the holder
            j = end + 1
            text = _join(toks, j, portfolio) if prefix is None else _join(toks, prefix, start) + " " + _join(toks, j, portfolio)
            return Mention(office, start if prefix is None else prefix, portfolio, text, (j, portfolio))
        board = self._board_of(toks, end)
        if board is not None:
            # "Tran Huu Nghia, chairman of the board of Bai Chay Marina JSC": the company's board
            return Mention(office, start, board[1], _join(toks, *board), board)
        if end + 3 <= len(toks) and toks[end].low == "of" and toks[end + 1].low == "the" \
                and toks[end + 2].text.isalpha() and toks[end + 2].text.islower() and self._name_after(toks, end + 3) \
                and toks[end + 2].low not in self.local_adjectives:
            # "Deputy Director of the airport Somphone Keovilay": a common noun names the body
            # (not a place's adjective: "head of the provincial Industrial Zones Authority")
            return Mention(office, start, end + 3, toks[end + 2].text, (end + 2, end + 3))
        if end + 4 <= len(toks) and toks[end].low == "of" and toks[end + 1].low == "the" \
                and toks[end + 2].text.isalpha() and toks[end + 2].text.islower() and toks[end + 3].text in (",", ".", ";"):
            # "General Director of the investor, Cat Hai International Container Terminal JSC":
            # the body the common noun stands for is the name after it; with no name, that noun
            named = self._org_run(toks, end + 4) if end + 4 < len(toks) and toks[end + 3].text == "," \
                and toks[end + 4].cap else end + 4
            # ("the deputy director of the department, Huynh Quang Trieu,": a body word's holder)
            holder = toks[end + 2].low in self.body_words and all(self._is_name_token(t) for t in toks[end + 4:named])
            if named > end + 4 and not holder:
                return Mention(office, start, named, _join(toks, end + 4, named), (end + 4, named))
            return Mention(office, start, end + 3, toks[end + 2].text, (end + 2, end + 3))
        posted_in = end + 1 < len(toks) and toks[end].low == "in" and toks[end + 1].low in self.aliases.place_words
        if end + 1 < len(toks) and (toks[end].low in ("of", "to") or posted_in):  # (not a title cut off after "of")
            # "Consul General in Pakse Le Thi Hong Van": a posting in a place, like "to" one
            j = end + 1
            run_end = self._org_run(toks, j)
            honorific_next = self._title_before_name(toks, run_end) > 0 and run_end > j
            # "Le Thi Hanh, Director of the Department of Planning and Investment, said": the holder
            # stands before the title, so the whole run up to the comma (or the sentence end) is the body
            holder_before = start > 1 and toks[start - 1].text == "," and self._is_name_token(toks[start - 2]) \
                and (run_end == len(toks) or toks[run_end].text in (",", ".")) and not self._titled_before(toks, start - 2)
            # "The Director of Hong Ha Water, Mr Le Van Nam, said": an honorific after the comma
            # opens the holder's name, so no name ends the body
            honorific_after = run_end + 1 < len(toks) and toks[run_end].text == "," and run_end > j \
                and self._title_before_name(toks, run_end + 1) > 0
            # "Nguyen Van Hai, Vietnamese Consul General in Luang Prabang": a posting's place ends the title
            posted_place = posted_in and run_end > j and all(t.low in self.aliases.place_words for t in toks[j:run_end])
            last_org = run_end - 1 if honorific_next or honorific_after or holder_before or named_first or posted_place \
                else self._org_end(toks, j, run_end)
            if last_org is not None:
                first = prefix if prefix is not None else j
                link = " to " if toks[end].low in ("to", "in") else " "  # "Lao Ambassador to Vietnam": from Laos, to Vietnam
                text = _join(toks, first, start) + link + _join(toks, j, last_org + 1) if prefix is not None \
                    else link.lstrip() + _join(toks, j, last_org + 1)
                post = last_org + 2 if last_org + 2 < len(toks) and toks[last_org + 1].low == "in" \
                    and toks[end].low == "of" and toks[last_org + 2].low in self.aliases.place_words else None
                if post is not None and fold(_join(toks, j, last_org + 1)) in self.nation_words:
                    # "Consul General of Vietnam in Savannakhet": Vietnam's, posted there, as
                    # "Vietnamese Consul General in Savannakhet" says
                    return Mention(office, start if prefix is None else prefix, post + 1,
                                   f"{text} to {toks[post].text}", (j, post + 1))
                return Mention(office, start if prefix is None else prefix, last_org + 1, text, (j, last_org + 1))
        if prefix is not None:
            return Mention(office, prefix, end, _join(toks, prefix, start), (prefix, start))
        return Mention(office, start, end, None, None)

    def _board_of(self, toks: list[Tok], end: int) -> tuple[int, int] | None:
        """"of the board of Bai Chay Marina JSC", "of the management board of the Dung Quat
        Economic Zone": lowercase words naming a body of a named one after "of"; the token span
        of that name, or None."""
        if end + 4 >= len(toks) or toks[end].low != "of" or toks[end + 1].low != "the":
            return None
        k = end + 2
        while k < len(toks) and k - end - 2 < _BOARD_WORDS and toks[k].text.isalpha() and toks[k].text.islower() \
                and toks[k].low not in ("of", "the", "and"):
            k += 1
        if k == end + 2 or k + 1 >= len(toks) or toks[k].low != "of" or any(t.low in self.place_kinds for t in toks[end + 2:k]):
            return None
        j = k + 1 + (toks[k + 1].low == "the")
        run_end = self._org_run(toks, j) if j < len(toks) and toks[j].cap else j
        return (j, run_end) if run_end > j else None

    def _titled_before(self, toks: list[Tok], k: int) -> bool:
        """The name ending at token k already follows a title in its own list item
        ("..., Deputy Minister of Education and Training Pham Ngoc Duong, Governor of Sekong
        province Leuth Douangmala, ..."): it is that title's holder, not the next one's."""
        while k > 0 and toks[k - 1].text not in (",", ";", ":"):
            k -= 1
            if self._title_at(toks, k):
                return True
        return False

    def _titled_by_prefix(self, toks: list[Tok], i: int, after_title: int) -> bool:
        """A lowercase title names an office when a portfolio, place, nationality or reporting
        verb stands before it and a name after it ("forestry minister, Linthong Sayavong",
        "Hanoi's health director Nguyen Van Tuan", "said deputy director general of ... X"), or
        an honorific opens the name after it ("Boten station director Mr Vilaphone Sengdara",
        "the hospital's director, Dr Tran Minh Quang")."""
        if self._reported(toks, i):
            return True  # its organisation and holder are read as for a capitalised title
        if self._honorific_after(toks, after_title):
            return True
        return i > 0 and (toks[i - 1].low in self.portfolio_words or toks[i - 1].low.removesuffix("'s") in self.org_words
                          or toks[i - 1].low in self.nationalities) and self._name_after(toks, after_title) is not None

    def _honorific_after(self, toks: list[Tok], after_title: int) -> bool:
        """An honorific opens the name right after a title or its comma ("director Mr Vilaphone
        Sengdara", "director, Dr Tran Minh Quang")."""
        j = after_title + (after_title < len(toks) and toks[after_title].text == ",")
        return j < len(toks) and self._title_before_name(toks, j) > 0 and self._name_after(toks, after_title) is not None

    def _noun_body_before(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        """The common noun right before a lowercase title, with the capitalised words before it,
        that names the body ("museum director", "Boten station director"); None after a
        determiner or a possessive pronoun."""
        if i < 1 or not toks[i - 1].text.isalpha() or not toks[i - 1].text.islower() \
                or toks[i - 1].low in DETERMINERS or toks[i - 1].low in self.body_pronouns:
            return None
        j = i - 1
        while j > 0 and toks[j - 1].cap and toks[j - 1].text.isalpha():
            j -= 1
        return j, i

    def _reported(self, toks: list[Tok], i: int) -> bool:
        """The title follows a reporting verb ("said deputy director general of ...", "said the
        deputy director of the department, ...")."""
        if i > 0 and toks[i - 1].low == "the":
            i -= 1
        return any(i >= len(v) and tuple(t.low for t in toks[i - len(v):i]) == v for v in self.reporting_verbs)

    def _organisation_key(self, text: str) -> str | None:
        """The canonical organisation; a posting keeps its direction ("laos to vietnam" is the
        Lao embassy in Vietnam, "vietnam to laos" the Vietnamese one in Laos)."""
        if text.startswith("to ") or " to " in text:
            sender, _, receiver = text.rpartition("to ")
            to = self.aliases.organisation(receiver)
            return f"{self.aliases.organisation(sender) or ''} to {to}".strip() if to else None
        return self.aliases.organisation(text)

    def _portfolio_at(self, toks: list[Tok], j: int) -> int | None:
        """End (exclusive) of the longest portfolio starting at token j ("Public Works and Transport")."""
        for words in self.portfolios:
            if tuple(t.low for t in toks[j:j + len(words)]) == words:
                return j + len(words)
        return None

    def _org_run(self, toks: list[Tok], j: int) -> int:
        """End (exclusive) of the capitalised run after "of": names, places, bodies, connectors."""
        k = j
        while k < len(toks) and k - j < 14:
            t = toks[k]
            listed = self._listed_portfolio(toks, k) if t.text == "," and k > j else None
            if listed is not None:
                k = listed  # "Department of Information, Culture and Tourism, Mr Sengphet": the list is the body's
                continue
            if t.text in (",", ";", ":", "(") or (self._title_at(toks, k) and t.cap and k > j) \
                    or t.low in self.honorifics or t.low in self.rank_words:
                break  # "Director of Luang Prabang Airport Mr Somphone": the honorific opens the name
            if t.low in ("of", "the", "for", "'s") or (t.text.startswith("(") and len(t.text) > 1):
                k += 1
                continue
            if t.low == "and":
                # "... Van and Champasak Governor Vilay": a second titled person, not more of the body
                next_title = any(self._title_at(toks, m) for m in range(k + 1, min(k + 4, len(toks))))
                if k + 1 < len(toks) and toks[k + 1].cap and not next_title:
                    k += 1
                    continue
                break
            if t.text.isdigit() and k > j and toks[k - 1].cap and k + 1 < len(toks) and toks[k + 1].cap:
                k += 1  # "the Nam Ngum 1 Hydropower Plant": a number inside a name
                continue
            inside = k == j or toks[k - 1].low in self.org_words or toks[k - 1].low in ("the", "of", "for", "and")
            particle = t.low in self.particles and k > j and toks[k - 1].cap and k + 1 < len(toks) \
                and (toks[k + 1].cap or toks[k + 1].low in self.particles)  # "Electricite du Laos"
            if t.cap or t.low in self.org_words or particle or (inside and self._body_ahead(toks, k)):
                k += 1
                continue
            break
        return k

    def _listed_portfolio(self, toks: list[Tok], comma: int) -> int | None:
        """After a body's comma, the last two words of a list of one-word fields ("of Information,
        Culture and Tourism, Mr Sengphet Vongsay", "... and Tourism, Vang Vieng District Governor"):
        the end of the list, which belongs to the body; None otherwise (two people's names are
        no one-word fields)."""
        m = comma + 4
        if m > len(toks) or toks[comma + 2].low != "and":
            return None
        fields = (toks[comma + 1], toks[comma + 3])
        if not all(t.cap and t.text.isalpha() and t.low not in self.honorifics and self._title_at(toks, i) is None
                   for i, t in zip((comma + 1, comma + 3), fields)):
            return None
        # (or its holder's name right after: "of Culture, Sports and Tourism Nguyen Thi Lan Anh")
        return m if m == len(toks) or toks[m].text in (",", ".", ";") or toks[m].low in self.family_names else None

    def _antecedent_body(self, toks: list[Tok], k: int) -> tuple[int, int] | None:
        """The last body named before token k in the sentence ("the Lao National Assembly's
        Economic Committee" before "led by its Chairman"): its token span, or None."""
        end = next((x for x in range(k - 1, -1, -1) if toks[x].cap and toks[x].low in self.body_words), None)
        if end is None:
            return None
        start = end
        while start > 0 and (toks[start - 1].cap or toks[start - 1].text in ("'s", "\u2019s")) \
                and not self._title_at(toks, start - 1):
            start -= 1
        return start, end + 1

    def _body_ahead(self, toks: list[Tok], k: int) -> bool:
        """A lowercase word belongs to an organisation when a body word follows it ("provincial health department")."""
        for x in range(k, min(len(toks), k + 4)):
            if toks[x].text in (",", ";", ":"):
                return False
            if toks[x].low in self.body_words:
                return True
        return False

    def _org_end(self, toks: list[Tok], j: int, run_end: int) -> int | None:
        """Last organisation token of the run; the rest is the holder's name.

        A Vietnamese family name starts the holder; else the organisation ends at its last
        body or place word; else the holder is the last two words (Lao names)."""
        for k in range(j + 1, run_end):
            if toks[k].low in self.family_names and 2 <= run_end - k <= _LONGEST_NAME and all(
                    self._is_name_token(toks[x]) or self._middle_the(toks, x, k) for x in range(k, run_end)):
                return k - 1  # not "Duong" in "the Binh Duong Youth Union Nguyen Van Hai"
        last = None
        for k in range(j, run_end):
            t = toks[k]
            if t.low not in ("of", "the", "for", "and") and (
                    t.low in self.org_words or t.low.removesuffix("'s") in self.org_words or (t.text.startswith("(") and len(t.text) > 1)
                    or len(t.text) > 1 and t.text.isupper()):  # "the Khanh Hoa CDC"
                last = k
        if last is not None:
            # "Department of Public Works and Transport Bounthavy Sisomphone": a portfolio the
            # last body word opens ("Public") is the body's to its end
            ends = (self._portfolio_at(toks, k) for k in range(j, last + 1))
            last = max([last] + [p - 1 for p in ends if p is not None and p <= run_end])
            rest = run_end - (last + 2)
            if last + 1 < run_end and toks[last + 1].low in ("for", "of", "on") and rest >= 3:
                return run_end - 3  # "Committee for Foreign Affairs Bounpheng Sisouphanh"
            return last
        first = j + (toks[j].low == "the")
        if run_end - first >= 3 and toks[first].cap:
            # an unknown place or body: "Minister of Energy and Mines Thongphet Inthavong",
            # "Director of the Nam Ngum 1 Hydropower Plant Sisouk Vongphachanh"
            return run_end - 3
        return j if run_end - j >= 3 else None

    def _org_before(self, toks: list[Tok], start: int) -> int | None:
        """"Hanoi People's Council Vice Chairwoman", "Savannakhet Governor", "Vietnamese Ambassador"."""
        k = start
        while k > 0 and start - k < 6:
            t = toks[k - 1]
            if t.low in ("of", "the") or not (t.cap or t.low in self.org_words or t.low in self.portfolio_words) \
                    or self._title_at(toks, k - 1) or self._splits(toks, k - 1, start) \
                    or any(w in self.succession_verbs for w in t.low.split("-")):  # "Newly-appointed Vietnamese Consul General"
                break
            if t.low in self.family_names and t.cap and t.low not in self.nationalities:
                break  # a holder's name ends the organisation, but "Thai" may be a nationality
            k -= 1
        if k == start or toks[k].low in ("the",):
            return None
        first = toks[k]
        # A lone capitalised word at the start of a sentence may be anything but a place or nationality.
        if start - k == 1 and k == 0 and first.low not in self.org_words and first.low not in self.nationalities \
                and first.low not in self.one_word_places \
                and first.low not in self.portfolio_words:
            return None
        return k

    def _rank(self, toks: list[Tok], j: int) -> int:
        """How many tokens at j are a rank ("Lieutenant Colonel", "Lt. Col."), with the full
        stops that end its abbreviated words: the longest, else 0."""
        words: list[str] = []
        ends: list[int] = []  # the token index past each word and its stop
        k = j
        while k < len(toks) and len(words) < self.max_rank and toks[k].text != ".":
            words.append(toks[k].low)
            k += 1
            if k < len(toks) and toks[k].text == ".":
                k += 1
            ends.append(k)
        for n in range(len(words), 0, -1):
            if tuple(words[:n]) in self.ranks:
                return ends[n - 1] - j
        return 0

    def _title_before_name(self, toks: list[Tok], j: int) -> int:
        """How many words at j are a rank or honorifics before a name ("Mr", "Lieutenant Colonel",
        "Assoc. Prof. Dr"), with the full stops that end them."""
        rank = self._rank(toks, j)
        if rank:
            return rank
        k = j
        while k < len(toks) and toks[k].low in self.honorifics:
            k += 1
            if k < len(toks) - 1 and toks[k].text == "." and (toks[k + 1].low in self.honorifics or toks[k + 1].cap):
                k += 1  # "Assoc. Prof.", "Mr. Khamphan": the stop that ends an honorific
        return k - j

    def _is_name_token(self, t: Tok) -> bool:
        low = t.low
        if len(t.text) > 1 and t.text.isupper():
            return False  # an acronym ("CDC", "EVN") names a body, not a person
        return (t.cap and t.text.isalpha() or "'" not in t.text and t.cap and t.text.replace("-", "").isalpha()) \
            and low not in self.org_words and low not in self.title_words and low not in ("the", "and", "of") \
            and low not in self.rank_words

    def _middle_the(self, toks: list[Tok], k: int, first: int) -> bool:
        """A capitalised "The" right after a family name inside a name: the middle name Thế
        ("Nguyễn Thế Hùng", "Nguyen The Hung"), not an article."""
        return k > first and toks[k].cap and toks[k].low == "the" and toks[k - 1].low in self.family_names

    def _name_after(self, toks: list[Tok], j: int, doc: Document | None = None) -> tuple[int, int] | None:
        if j < len(toks) and toks[j].text == ",":
            j += 1  # "Secretary of the Hanoi Party Committee, Dinh Tien Dung,"
            comma = True
        else:
            comma = False
        titled = self._title_before_name(toks, j)
        j += titled
        k = j
        while k < len(toks) and k - j < _NAME_MAX and (self._is_name_token(toks[k]) or self._middle_the(toks, k, j)):
            k += 1
        if k - j == 1 and doc is not None and toks[j].text in self._full_names(doc):
            return j, k  # "Chairman Khoa", "Deputy Director of the department, Mr Bounlay", in an article that names them in full
        if k - j < _NAME_MIN:
            return None
        if not titled and j > 0 and toks[j - 1].low in self.org_words and not toks[j - 1].cap \
                and k + 1 < len(toks) and toks[k].low == "and" and toks[k + 1].cap and self._title_at(toks, k + 1) is None:
            # "head of the provincial Disaster Prevention and Control Committee": capitals joined
            # by "and" after a body's lowercase words name the body, never a person (but
            # "Governor of Attapeu province Khamphanh Sithideth and Ambassador ...": a person
            # before the next title of a list)
            return None
        if comma and not titled and k < len(toks) and toks[k].text not in (",", ")", "."):
            return None  # "Minister of X, Vietnam and Laos signed": after a comma, a name needs its close or a rank
        if k < len(toks) and toks[k].low in self.place_kinds:
            return None  # "Secretary of the Sa Pa town Party Committee": a place's name, no person's
        return j, k

    def _full_names(self, doc: Document) -> dict[str, str]:
        """Each word of the article's names of two words or more -> that name, for words only
        one such name has: a title before one word of it ("Chairman Khoa", "President Thongloun")
        names that person. Kept for the last article read (its sentences come in order), which
        the cache holds on to, so no other text can take its place unnoticed."""
        if self._names_of[0] is not doc.text:  # (the text itself: ids repeat across runs and examples)
            toks = _tokens(doc.text)
            found: dict[str, set[str]] = {}
            k = 0
            while k < len(toks):
                j = k
                while k < len(toks) and k - j < _NAME_MAX and self._is_name_token(toks[k]) and toks[k].low not in self.honorifics:
                    k += 1
                first = j
                while first < k and toks[first].low in self.portfolio_words:
                    first += 1  # "Minister of Planning and Investment Tran Duc Phong": the portfolio's last word is no name
                # ("Quang Ngai": a place; "Hue University": a thing)
                if k - first >= _NAME_MIN and not all(t.low in self.place_words for t in toks[first:k]) \
                        and not any(t.low in self.thing_heads for t in toks[first:k]):
                    name = _join(toks, first, k)
                    for t in toks[first:k]:
                        found.setdefault(t.text, set()).add(name)
                k = max(k, j + 1)
            self._names_of = (doc.text, {w: next(iter(names)) for w, names in found.items() if len(names) == 1})
        return self._names_of[1]

    def _name_before(self, toks: list[Tok], i: int, doc: Document | None = None) -> tuple[int, int] | None:
        """"<Name>, <title>": the capitalised run right before a comma before the title; with the
        article, one word of a name it gives in full ("Thinh, deputy director of the department")."""
        if i < 2 or toks[i - 1].text != ",":
            return None
        k = i - 1
        while k > 0 and i - 1 - k < _NAME_MAX and self._is_name_token(toks[k - 1]):
            k -= 1
        while self._rank(toks, k) and (i - 1) - (k + self._rank(toks, k)) >= _NAME_MIN:
            k += self._rank(toks, k)  # "General Vo Van A, ...": the rank is not the name
        while k > 0 and toks[k - 1].low in ("and", "of") and toks[k].low in self.portfolio_words \
                and (i - 1) - (k + 1) >= _NAME_MIN:
            k += 1  # "Minister of Agriculture and Forestry Phetsamone Inthavong, ...": a portfolio's last word
        if (i - 1) - k == 1 and doc is not None and toks[k].text in self._full_names(doc) \
                and not self._place_name(toks, k, i - 1):
            return k, i - 1  # "Thinh, deputy director of the department", in an article naming Le Van Thinh
        if (i - 1) - k < _NAME_MIN or self._place_name(toks, k, i - 1):
            return None  # "... Trade and Investment Fair 2023 in Phnom Penh, Minister of ...": a place
        if k > 0 and toks[k - 1].low in self.honorifics:
            return k, i - 1
        # A sentence-initial capital is not a name on its own ("Both leaders, ...").
        return (k, i - 1)

    def _place_name(self, toks: list[Tok], a: int, b: int) -> bool:
        """The capitalised run [a, b) is a place's whole name (places.yaml, aliases.yaml)."""
        return fold(_join(toks, a, b)) in self.aliases.places

    def _claim(self, s: Sentence, toks: list[Tok], m: Mention, name: tuple[int, int],
               scope: dict[str, str] | None = None, full: str | None = None) -> Claim:
        """The role claim of a title and its holder's name; `full`, the name the article gives in
        full for a holder named by one word ("Chairman Khoa": Vo Minh Khoa)."""
        a = name[0]
        while a < name[1] - 1 and toks[a].low in self.honorifics:
            a += 1  # "Dr Tran Thi Ngoc Lan", "Comrade Le Van Han": the form of address is not the name
        person = full or _join(toks, a, name[1])
        org_text = _ACRONYM.sub("", m.org_text) if m.org_text else None  # "... Disease Control (CDC)": its name once
        last = org_text.rsplit(" ", 1)[-1] if org_text else ""
        if len(last) > 1 and last.isupper() and last.isalpha():
            # "General Director of LCRC", "Deputy Director of the Hà Nội CDC": the body its
            # article spells out ("... (LCRC)"), in place of the letters
            full = spelled_out(s.doc.text, last)
            org_text = org_text[:len(org_text) - len(last)] + full if full else org_text
        if org_text and org_text in self.body_words and org_text.islower():
            # "Director of the department Dao Thi Hoa": the department the article named last
            named = named_before(s.doc.text, s.doc.body_start, s.start, org_text)
            org_text = self._without_holder(named, person) if named else org_text
        organisation = self._organisation_key(org_text) if org_text else None
        if scope is None and self._newly_taken(toks, m.start):
            scope = {"change": "new office"}
        first = min(m.start, name[0])
        last = max(m.end, name[1]) - 1
        value = RoleValue(person=person_key(person), office=m.office, organisation=organisation)
        start, end = toks[first].start, toks[last].end
        return make_claim(s, "role", "holds_office", value, start, end,
                          subject_text=s.doc.text[toks[m.start].start:toks[m.end - 1].end], scope=scope,
                          time=s.published if s.published.start is not None else None)

    def _without_holder(self, named: str, person: str) -> str:
        """A body's name read from the text up to its last capital, less the holder named right
        after it ("Director of the Thanh Hoa Department of Agriculture and Environment Le Van
        Hoa", then "Deputy Director of the department Le Van Hoa"): the holder's own name, or a
        Vietnamese family name and the name words after it, as `_org_end` reads a title's body."""
        toks = _tokens(named)
        key = person_key(person)
        for k in range(max(1, len(toks) - _NAME_MAX), len(toks) - _NAME_MIN + 1):
            rest = toks[k:]
            if all(self._is_name_token(t) for t in rest) and not self._place_name(toks, k, len(toks)) and (
                    person_key(_join(toks, k, len(toks))) == key
                    or toks[k].low in self.family_names and len(rest) <= _LONGEST_NAME):
                return _join(toks, 0, k)
        return named

    def _newly_taken(self, toks: list[Tok], i: int) -> bool:
        """"the newly appointed Deputy Governor Vanhsy", "Newly-elected Chairman Khanh": an office
        the holder has just taken (offices.yaml new_office_adverbs before a succession verb)."""
        words = [t.low for t in toks[max(0, i - 2):i]]
        if len(words) == 1 or len(words) == 2 and "-" in words[1]:
            words = words[-1].split("-", 1)
        return len(words) == 2 and words[0] in self.new_office_adverbs and words[1] in self.succession_verbs


_SPLIT_REACH = 4  # words a split title's first word may stand before the rest ("Deputy Natural Resources Minister")


_LONGEST_NAME = 5  # words: a Vietnamese full name has two to five ("Nguyen Thi Minh Khai")


def _tokens(text: str) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _join(toks: list[Tok], a: int, b: int) -> str:
    return " ".join(t.text for t in toks[a:b]).replace(" ( ", " (").replace(" )", ")")
