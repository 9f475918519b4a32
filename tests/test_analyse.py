"""The sentence analysis: tagged words that map back onto the file, and the clause subject
extractors ask for."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.analyse import FigureLinks, clause_subject, coordinated_end, head_compound, is_noun_phrase, noun_phrase_at, tokens
from checker.lexicon import Lexicon

CLAUSE_WORDS = frozenset({"while", "but"})
LINKS = FigureLinks.of(Lexicon(Path(__file__).resolve().parent.parent / "rules" / "data"))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcs XYZ,.;'()$%0123456789-\u2013\u2019\u00e9\u0111")), max_size=80))
def test_every_token_maps_back_onto_the_text(text: str) -> None:
    for t in tokens(text, 0, len(text)):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("sentence, figure, head", [
    ("Vietnam's exports to Laos were valued at 528 million USD, up 3.1%.", "3.1%", "exports"),
    ("Exports rose 2%, while its imports from the neighbouring country hit 881 million USD, up 5.5%.", "5.5%", "imports"),
    ("On the import side, rubber led the list at 214 million USD, up 11.2%.", "11.2%", "rubber"),
    ("Electricity imports reached $171 million, up 27.5 per cent.", "27.5", "Electricity imports"),
    ("HANOI (VNA) \u2013 Trade between the two countries reached $1.4 billion, up 4.6%.", "4.6%", "Trade"),
    # an infinitive's phrase of purpose opening the sentence, whatever its verb is tagged
    ("To speed up the harvest before the rains, Thai Binh has mobilised 1,650 combine harvesters.", "1,650", "Thai Binh"),
    ("To meet demand, the mill has hired 300 workers.", "300", "mill"),
])
def test_the_clause_subject_of_a_figure(sentence: str, figure: str, head: str) -> None:
    toks = tokens(sentence, 0, len(sentence))
    span = clause_subject(toks, sentence.index(figure), CLAUSE_WORDS)
    assert span is not None
    assert " ".join(t.text for t in head_compound(toks, span)) == head


def test_a_relative_clauses_subject_is_the_phrase_before_its_pronoun() -> None:
    sentence = "The ferry, which can take up to 180 passengers at a time, is new."
    toks = tokens(sentence, 0, len(sentence))
    span = clause_subject(toks, sentence.index("180"), CLAUSE_WORDS)
    assert span is not None and [t.text for t in toks[span[0]:span[1]]] == ["The", "ferry"]


@pytest.mark.parametrize("sentence, subject", [
    ("Among provinces, Binh Dinh, the central region's furniture centre, earned 620 million USD.", ["Binh", "Dinh"]),
    ("Nam Dinh, the country's textile hub, exported 3.2 billion USD.", ["Nam", "Dinh"]),
    # a phrase holding a name, renamed by an appositive that opens with a determiner
    ("The mill of Tan Long Paper JSC, the largest in the province, employs 420 workers.",
     ["The", "mill", "of", "Tan", "Long", "Paper", "JSC"]),
    # "To" opening a name is no infinitive's
    ("To Lich River, the city's main drain, receives 270,000 cubic metres a day.", ["To", "Lich", "River"]),
    # a description with no name before it keeps its words: "The mill, the largest one, ..." is
    # not a name and an appositive
    ("The new mill, the largest in the region, produced 45,000 tonnes.", ["The", "new", "mill", ",", "the", "largest", "in", "the", "region", ","]),
])
def test_a_names_appositive_is_not_its_clause_subject(sentence: str, subject: list[str]) -> None:
    toks = tokens(sentence, 0, len(sentence))
    figure = next(i for i, ch in enumerate(sentence) if ch.isdigit())
    span = clause_subject(toks, figure, CLAUSE_WORDS)
    assert span is not None and [t.text for t in toks[span[0]:span[1]]] == subject


def test_a_sentence_without_a_verb_before_the_figure_has_no_clause_subject() -> None:
    sentence = "Up 12% on last year."
    assert clause_subject(tokens(sentence, 0, len(sentence)), sentence.index("12"), CLAUSE_WORDS) is None


def test_an_owner_phrase_that_is_a_predicate_gives_way_to_the_clause_subject() -> None:
    from conftest import analyse_text
    claims = analyse_text("The building, on a 2ha site in Vinh city, has 12 storeys and a basement with a total "
                          "floor area of 30,500sq.m.")
    area = next(c for c in claims if c.kind == "quantity" and c.text == "30,500sq.m")
    assert area.subject_text == "building"


@pytest.mark.parametrize("sentence, figure, words", [
    ("The Vinh hospital, opened in 2019, has 600 beds.", "600", "Vinh hospital"),
    ("The line officially began commercial operation today.", "today", "line"),
    # an opening prepositional phrase with no comma is not the subject
    ("Under the loan agreement the company will pay $5 million.", "$5", "company"),
    ("In 2023 exports rose 5%.", "5%", "exports"),
    ("In the first nine months exports rose 5%.", "5%", "exports"),
    ("In Thanh Hoa province the economy grew 8%.", "8%", "economy"),
    ("During the three-day mission the doctors examined 1,200 patients.", "1,200", "doctors"),
    ("At the ceremony Vice Minister Phan handed over 20 computers.", "20 ", "Vice Minister Phan"),
    # no word that starts a new noun phrase: the clause keeps its start
    ("In Vietnam exports rose 5%.", "5%", "In Vietnam exports"),
    # a hyphened participle opening the clause describes the noun after it
    ("Machine-washed industrial salt leaves the factory gate at VND2,600 per kg.", "VND2,600",
     "Machine-washed industrial salt"),
    ("State-owned lenders disbursed VND5 trillion.", "VND5", "State-owned lenders"),
])
def test_subject_words(sentence: str, figure: str, words: str) -> None:
    from checker.analyse import subject_words
    toks = tokens(sentence, 0, len(sentence))
    span = subject_words(toks, sentence.index(figure), CLAUSE_WORDS)
    assert span is not None and sentence[span[0]:span[1]] == words


@pytest.mark.parametrize("sentence, after, words", [
    ("Dak Lak shipped 271,000 tonnes of coffee abroad last year.", "of ", "coffee"),
    ("Laos exported 41,200 tonnes of coffee worth US$98 million.", "of ", "coffee"),
    ("Saltwater damaged 2,850 hectares of winter-spring rice, mostly in Ba Tri.", "of ", "winter-spring rice"),
    ("Vietnam imported 118,500 tonnes of coffee last year.", "of ", "coffee"),
])
def test_the_noun_phrase_a_measure_is_of(sentence: str, after: str, words: str) -> None:
    toks = tokens(sentence, 0, len(sentence))
    pos = sentence.index(after) + len(after)
    span = noun_phrase_at(toks, pos, frozenset({"year"}))
    assert span is not None and sentence[span[0]:span[1]] == words



@pytest.mark.parametrize("sentence, after, words", [
    # a list of noun phrases after a measure's "of" is all of what it measures
    ("About 6,000 hectares of crops and fish ponds were under water.", "of ", "crops and fish ponds"),
    ("It carried 81,500 tonnes of wood chips, cassava chips and building materials.", "of ",
     "wood chips, cassava chips and building materials"),
    # not another measure, a figure, a clause or a comma's aside
    ("Floods destroyed 320 ha of cinnamon and many hectares of rice.", "of ", None),
    ("Floods swept away 300 hectares of rice and 20 tonnes of fish.", "of ", None),
    ("The water covered 400 hectares of crops and destroyed 20 houses.", "of ", None),
    ("It loaded 32,000 tonnes of wood chips, bound for China.", "of ", None),
])
def test_a_list_of_what_a_measure_is_of(sentence: str, after: str, words: str | None) -> None:
    toks = tokens(sentence, 0, len(sentence))
    first = noun_phrase_at(toks, sentence.index(after) + len(after))
    assert first is not None
    end = coordinated_end(toks, first[1])
    assert (sentence[first[0]:end] if end else None) == words


@pytest.mark.parametrize("sentence, tag", [
    # a common word capitalised to open the sentence keeps its own tag, not a name's
    ("Freight volume rose 20 percent.", "NN"),
    ("Tourism revenue reached US$1 billion.", "NN"),
    # a word the tagger's lexicon does not hold, a known place and a name of two capitals are names
    ("Khamsavath railway station handled 410,000 tonnes.", "NNP"),
    ("Hue received 2 million visitors.", "NNP"),
    ("Border Guard Command officers seized 48 kg.", "NNP"),
])
def test_a_sentences_first_word(sentence: str, tag: str) -> None:
    from conftest import load_toolkit
    toks = tokens(sentence, 0, len(sentence), load_toolkit().name_starts)
    assert toks[0].tag == tag


@pytest.mark.parametrize("phrase, kept", [
    ("Laos sent US$200,000 through its embassy.", "Laos"),
    ("the Lao Government decided to support 100,000 USD.", "the Lao Government"),
    ("Ha Noi's projects to build the headquarters were highlighted.", "Ha Noi's projects to build the headquarters"),
])
def test_a_subject_phrase_ends_before_its_finite_verb(phrase: str, kept: str) -> None:
    from checker.analyse import verb_inside
    toks = tokens(phrase, 0, len(phrase))
    cut = verb_inside(toks, 0, len(phrase))
    assert cut is not None and phrase[:cut].rstrip() == kept


@pytest.mark.parametrize("sentence, tags", [
    # a known place's name opening the sentence is a name, not an article and a noun
    ("An Giang province exported 128,700 tonnes of rice.", ["NNP", "NNP"]),
    ("Long An attracted 42 new projects.", ["NNP", "NNP"]),
    # an English article before a capital stays an article
    ("An Indonesian delegation visited the province.", ["DT"]),
])
def test_a_place_name_opening_a_sentence(sentence: str, tags: list[str]) -> None:
    from conftest import load_toolkit
    toks = tokens(sentence, 0, len(sentence), load_toolkit().name_starts)
    assert [t.tag for t in toks[:len(tags)]] == tags


@pytest.mark.parametrize("sentence, word", [
    # a figure joined to the noun it sizes describes the noun, whatever the tagger guesses
    ("Funded by a grant from China, the 1,000-bed hospital sits on a large site.", "1,000-bed"),
    ("The 120-megawatt plant opened in May.", "120-megawatt"),
])
def test_a_figure_compound_is_an_adjective(sentence: str, word: str) -> None:
    toks = tokens(sentence, 0, len(sentence))
    assert next(t.tag for t in toks if t.text == word) == "JJ"
    assert is_noun_phrase(toks, sentence.index(word), sentence.index(word) + len(word) + 9)


@pytest.mark.parametrize("sentence, word, tag", [
    # the possessive is one token, never a pronoun "s"
    ("LMT's revenue reached 2.8 trillion kip.", "'s", "POS"),
    ("Vietnam\u2019s exports rose.", "\u2019s", "POS"),
    # an acronym names something, wherever it stands
    ("LMT's revenue reached 2.8 trillion kip.", "LMT", "NNP"),
    ("Viet said EVN would buy the power.", "EVN", "NNP"),
])
def test_possessives_and_acronyms(sentence: str, word: str, tag: str) -> None:
    toks = tokens(sentence, 0, len(sentence))
    assert next(t.tag for t in toks if t.text == word) == tag
    assert not any(t.text == "s" for t in toks)


@pytest.mark.parametrize("sentence, figure, subject", [
    ("Last year the province welcomed 1.07 million visitors.", "1.07", "province"),
    ("This year Vietnam's rice exports are expected to reach 8 million tonnes.", "8 million", "Vietnam's rice exports"),
    ("Big farms produced 12,000 tonnes.", "12,000", "Big farms"),
])
def test_an_opening_time_phrase_is_no_part_of_the_subject(sentence: str, figure: str, subject: str) -> None:
    from checker.analyse import subject_words
    span = subject_words(tokens(sentence, 0, len(sentence)), sentence.index(figure), CLAUSE_WORDS)
    assert span is not None and sentence[span[0]:span[1]] == subject


@pytest.mark.parametrize("sentence, word, tag", [
    ("The bridge stretches 286 metres across the river.", "stretches", "VBZ"),
    ("The project costs US$28.6 million, of which half is a loan.", "costs", "VBZ"),
    ("The section cost VND4.75 trillion, funded by the city.", "cost", "VBD"),
    ("The second phase cost VND 2.7 trillion and was finished in May.", "cost", "VBD"),
    ("The bridge cost 480 billion VND and uses local steel.", "cost", "VBD"),
    # a participle after its noun, and a relative pronoun's verb, stay as the tagger reads them
    ("The school has 12 classrooms spread over two blocks.", "spread", "NN"),
    ("The station, which cost 48 billion kip, stands on 1.2 hectares.", "cost", "NN"),
    ("The project cost was US$2.35 million.", "cost", "NN"),
])
def test_a_figure_link_read_as_a_noun_is_the_verb_it_is(sentence: str, word: str, tag: str) -> None:
    toks = tokens(sentence, 0, len(sentence), frozenset(), LINKS)
    assert next(t.tag for t in toks if t.text == word) == tag
