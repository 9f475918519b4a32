"""Subject resolution: keys that ignore wording, and an article's main entity (its topic)."""

from __future__ import annotations

import pytest

from checker.aliases import AliasTable
from checker.resolve import Resolver

from conftest import analyse_text, load_toolkit


def _resolver() -> Resolver:
    lexicon = load_toolkit().lexicon
    return Resolver(lexicon, AliasTable(lexicon))


def _entities(text: str):
    """The named entities of one article written as `text`, read with its analysis as the pipeline reads it."""
    from checker.analyse import analyse, place_name_starts
    from checker.documents import parse_document
    from checker.segment import segment
    lexicon = load_toolkit().lexicon
    doc = parse_document("x", "x.txt", text)
    segments = segment(doc, lexicon)
    analysis = analyse(doc.text, segments, frozenset(lexicon.nouns.clause_conjunctions), place_name_starts(lexicon))
    return _resolver().entities(doc.text, segments, analysis)


def test_a_synonym_of_a_common_noun_gives_the_same_key() -> None:
    aliases = _resolver().aliases
    assert aliases.key("the Densavan checkpoint") == aliases.key("Densavan border gate")
    assert aliases.key("the Nam Ngum 5 hydropower station") == aliases.key("Nam Ngum 5 hydropower plant")


def test_an_acronym_counts_only_in_capitals() -> None:
    """"NA" is the National Assembly; "Na" opening "Na Hang" is a place's syllable (aliases.yaml capitals_only)."""
    aliases = AliasTable(load_toolkit().lexicon)
    assert aliases.key("the NA Standing Committee") == aliases.key("the National Assembly Standing Committee")
    assert "national assembly" not in aliases.key("the Na Hang solar farm")
    assert aliases.key("the Na Hang solar farm") == "farm hang na solar"


def test_a_place_that_opens_like_an_indefinite_phrase_has_a_key() -> None:
    aliases = _resolver().aliases
    assert aliases.key("An Giang province") == "an giang"
    assert aliases.key("An Giang") == aliases.key("An Giang province")
    assert aliases.key("an investor") is None


@pytest.mark.parametrize("formal, plain", [("Savan Logistics Ltd", "Savan Logistics"),
                                           ("Hoang Long Construction JSC", "Hoang Long Construction")])
def test_a_company_form_is_not_part_of_a_key(formal: str, plain: str) -> None:
    # "Co" stays: it may be a name ("Co To island")
    aliases = _resolver().aliases
    assert aliases.key(formal) == aliases.key(plain)
    assert aliases.key("Co To island") != aliases.key("To island")


@pytest.mark.parametrize("possessive, plain", [("Nghe An's", "Nghe An"), ("Long An's", "Long An"),
                                               ("Vietnam's", "Vietnam"), ("Ha Tinh's", "Ha Tinh")])
def test_a_possessive_place_keeps_its_whole_name(possessive: str, plain: str) -> None:
    # "an" in "Nghe An's" is the place's word, not an article
    aliases = _resolver().aliases
    assert aliases.key(possessive) == aliases.key(plain)
    assert aliases.places_in(possessive) == aliases.places_in(plain)


@pytest.mark.parametrize("described, plain", [("the southern province of Binh Duong", "Binh Duong"),
                                              ("the mountainous northern province of Lao Cai", "Lao Cai province"),
                                              ("neighbouring Ha Tinh", "Ha Tinh")])
def test_a_place_s_description_is_not_part_of_its_key(described: str, plain: str) -> None:
    aliases = _resolver().aliases
    assert aliases.key(described) == aliases.key(plain)


def test_a_synonym_is_not_a_name() -> None:
    # "the checkpoint" is as generic as "the border gate": it must not become a global subject.
    assert not _resolver().is_specific("the checkpoint")


def _topic_subject(text: str) -> str | None:
    claims = analyse_text(text, "2024-04-22")
    return next(c.subject for c in claims if c.kind == "quantity")


def test_a_named_thing_outweighs_a_country_description_in_the_headline() -> None:
    text = ("EVN to buy electricity from Lao hydropower plant\n\n"
            "The Nam Sim hydropower plant in Sekong signed the deal on Monday. "
            "The Nam Sim hydropower plant will start operating in 2026. It has a capacity of 240 MW.")
    assert _topic_subject(text) == "hydropower nam plant sim"


def test_a_province_named_thing_said_often_outweighs_a_name_said_once() -> None:
    text = ("Savannakhet wind farm to sell power to Vietnam\n\n"
            "The Savannakhet wind farm will sell power through the Lao Bao border gate area. "
            "The Savannakhet wind farm is the largest in the region. It has a capacity of 600 MW.")
    assert _topic_subject(text) == "farm savannakhet wind"


def test_a_longer_name_maps_to_the_one_shorter_name_it_contains() -> None:
    r = _resolver()
    keys = {"hospital savannakhet", "hospital savannakhet vietnam", "cheung dak farm wind", "farm lamam wind",
            "cheung dak farm lamam wind", "farm sekong wind", "cheung dak farm sekong wind"}
    canon = r.canonical_map(keys)
    assert canon["hospital savannakhet vietnam"] == "hospital savannakhet"
    assert "cheung dak farm lamam wind" not in canon  # two named farms: neither alone
    assert canon["cheung dak farm sekong wind"] == "cheung dak farm wind"  # the name, not the place


def test_short_forms_of_one_full_name_map_to_it() -> None:
    # "Fifth Friendship Bridge" and "the fifth Lao-Thai bridge" share the name word "fifth";
    # two hospitals each named for another place share only "Friendship" and "Vietnam"
    keys = {"bridge fifth friendship", "bridge fifth laos thailand", "bridge fifth friendship laos thailand",
            "friendship hospital houaphan vietnam", "friendship hospital laos vietnam",
            "friendship hospital houaphan laos vietnam"}
    canon = _resolver().canonical_map(keys)
    assert canon["bridge fifth friendship"] == canon["bridge fifth laos thailand"] == "bridge fifth friendship laos thailand"
    assert "friendship hospital houaphan vietnam" not in canon and "friendship hospital laos vietnam" not in canon


def test_a_bare_two_word_head_is_no_name_to_map_to() -> None:
    # "the Economic Zone" names no zone: two named zones stay two zones
    canon = _resolver().canonical_map({"economic zone", "economic nghi son zone", "economic pacific savan special zone"})
    assert "economic nghi son zone" not in canon and "economic pacific savan special zone" not in canon


def test_a_place_with_a_short_word_keeps_it() -> None:
    # "An" in "Nghe An" is not the article "an": "Long An" and "Nghe An" are different provinces.
    aliases = _resolver().aliases
    assert aliases.key("the Nghe An industrial park") != aliases.key("the Long An industrial park")
    claims = analyse_text("The Nghe An industrial park has attracted 30 projects. Its developer has invested "
                          "VND 2.5 trillion in roads.", "2024-02-10")
    assert next(c for c in claims if c.kind == "money").subject == "industrial nghe an park"


def test_a_named_road_and_its_section_are_one_road() -> None:
    r = _resolver()
    keys = {"expressway hoa binh moc chau", "expressway hoa binh moc chau section", "chau moc section",
            "cheung dak farm wind", "farm lamam wind", "cheung dak farm lamam wind section"}
    canon = r.canonical_map(keys)
    assert canon["expressway hoa binh moc chau section"] == "expressway hoa binh moc chau"
    assert "cheung dak farm lamam wind section" not in canon  # "section" does not join two named things


@pytest.mark.parametrize("text, named", [
    # a connector joins two name words, never a name and its head
    ("Soc Trang clean water\n\nSaid Lam Thi Ngan, director of the provincial Centre for Rural Clean Water and "
     "Environmental Sanitation and programme director. The programme has 12 plants.", False),
    ("Soc Trang clean water\n\nThe Rural Clean Water and Sanitation Programme has 12 plants.", True),
])
def test_a_name_does_not_end_with_a_connector(text: str, named: bool) -> None:
    ents = _entities(text)
    assert any("programme" in k.split() and "sanitation" in k.split() for k in ents.weights) == named


@pytest.mark.parametrize("text, keys", [
    # a title's words inside a name are no body's: a general hospital is a hospital
    ("Vinh hospital\n\nThe Vinh Regional General Hospital is being built on a site of 8.6ha.",
     {"general hospital regional vinh"}),
    # a body's words are: the ministry is no mine
    ("Lao mining\n\nThe Ministry of Energy and Mines approved the plan.", set()),
    # a title before a name is a person's, not the thing's
    ("Terminal news\n\nDeputy Director General of Saigon Ocean Terminal Le Van Binh spoke.", set()),
    # "and" after a head joins two named things
    ("Prey Veng hospital\n\nDoctors from Dong Thap General Hospital and Tu Du Hospital trained its staff.",
     {"dong thap general hospital", "du hospital tu"}),
    # a head noun inside a body's name modifies the body: a management board is no project
    ("Bridge work starts\n\nThe Hanoi Traffic Construction Investment Project Management Board said work began.", set()),
    # a headline in title case names only what the text repeats: no "Puts Vietnam Expressway"
    ("Laos' New Transport Minister Puts Vietnam Expressway, Railway at Top of Agenda\n\nThe minister discussed the "
     "Vientiane-Hanoi expressway.", {"expressway hanoi vientiane"}),
    ("Hoang Phat Lao Cable Plant Opens in Saysettha Zone, Vientiane Capital\n\nThe Hoang Phat Lao Cable plant "
     "employs 450 workers.", {"cable hoang laos phat plant"}),
])
def test_named_things_and_their_words(text: str, keys: set[str]) -> None:
    assert set(_entities(text).weights) == keys


@pytest.mark.parametrize("text, fallback", [
    # a water plant is no hydropower plant; "the storm" in a typhoon story is the typhoon
    ("Soc Trang clean water\n\nSoc Trang province has built three new water plants. The plants serve 12,000 "
     "households in Soc Trang.", "plant soc trang"),
    ("Quang Binh counts losses\n\nThe typhoon hit Quang Binh province on Monday. The storm destroyed 300 houses "
     "and the typhoon cut roads in Quang Binh.", "quang binh typhoon"),
    # a head noun describing the noun after it names no thing: the story is the province's
    ("Lang Son star anise growers cash in\n\nLang Son farmers sold star anise at record prices. Pickers are scarce "
     "because many young people have left for factory jobs in Bac Ninh.", "lang son"),
])
def test_an_unnamed_story_falls_back_to_its_place_and_thing(text: str, fallback: str) -> None:
    assert _entities(text).fallback == fallback


@pytest.mark.parametrize("text, main_place", [
    # a person's name that ends in a city's name names no city, nor does its given name alone
    ("Garment exports rise\n\nGarment exports from Bac Ninh rose 8 percent. VITAS Chairman Tran Quang Vinh said "
     "orders had recovered. Vinh warned that costs were rising. Vinh added that firms needed workers.", "bac ninh"),
    # a city that opens a capitalised run stays a city
    ("Ho Chi Minh City metro\n\nHo Chi Minh City opened its metro. Ho Chi Minh City plans more lines. Binh Duong "
     "will link to it.", "ho chi minh city"),
])
def test_the_main_place_is_no_person_s_name(text: str, main_place: str) -> None:
    assert _entities(text).main_place == main_place


def test_where_a_named_thing_is_placed() -> None:
    r = _resolver()
    for text, places in [(" in Sekong province", ["sekong"]), (", located on the hills of Xepon district", ["xepon"]),
                         (" at the foot of Phou Bia in Xaisomboun province", ["xaisomboun"]), (" opened on Monday", []),
                         # and the province a comma adds, known even when the city is not
                         (" in Quy Nhon city, Binh Dinh province", ["quy nhon", "binh dinh"]),
                         (" in Phan Thiet city, Binh Thuan province", ["binh thuan"])]:
        assert r._located_in(text, 0, len(text)) == places


def test_names_agree_though_heads_are_written_differently() -> None:
    r = _resolver()
    keys = {"hiep line metro phuoc", "ben hiep metro phuoc thanh",  # one metro line, two spellings of its head
            "1 nam plant theun", "2 nam plant theun",  # two plants told apart by a number
            "bridge mekong", "friendship mekong school"}  # a river name shared by a bridge and a school
    canon = r.canonical_map(keys)
    assert canon["ben hiep metro phuoc thanh"] == "hiep line metro phuoc"
    assert "1 nam plant theun" not in canon and "2 nam plant theun" not in canon
    assert "friendship mekong school" not in canon and "bridge mekong" not in canon


def test_a_thing_other_articles_name_is_the_story_s_thing() -> None:
    from conftest import check_texts
    a = ("Ninh Thuan looks to batteries\n\nThe Ninh Thuan pumped storage hydropower plant is under study. Officials "
         "said it would store solar power. Work on the Phuoc Minh Sunrise solar farm ended this month. The total "
         "capital reached VND4.6 trillion.", "2023-11-03")
    b = ("Phuoc Minh Sunrise solar farm joins grid\n\nThe Phuoc Minh Sunrise solar farm in Ninh Thuan has joined "
         "the grid. The total capital reached VND3.9 trillion.", "2023-11-02")
    assert [c.rule for c in check_texts([a, b])] == ["money.fixed-amounts"]


def test_a_day_in_a_subject_phrase_does_not_name_it() -> None:
    aliases = _resolver().aliases
    assert aliases.key("Binh Duong on Thursday") == aliases.key("Binh Duong")
    assert aliases.key("the Hanoi meeting in December") == aliases.key("the Hanoi meeting")


@pytest.mark.parametrize("phrase", ["as of February 22", "22", "on 12 March 2024"])
def test_a_day_is_no_subject(phrase: str) -> None:
    # "as of February 22, saltwater had damaged 2,850 hectares": the day opens the clause, it owns nothing
    assert _resolver().aliases.key(phrase) is None


def test_a_number_in_a_name_stays() -> None:
    assert _resolver().aliases.key("Road 9") == "9 road"


@pytest.mark.parametrize("sentence, published, day", [
    ("As of the end of September, 88 companies had registered to invest in the zone.", "2023-10-10", "2023-09-30"),
    # the month the day ends is no reporting period of the count
    ("By the end of September 2023, there were 79 enterprises investing in the zone.", "2023-10-10", "2023-09-30"),
    ("As of 6pm on Monday, eight people remained missing.", "2023-09-12", "2023-09-11"),
    ("As of the evening of September 11, six people were still missing.", "2023-09-13", "2023-09-11"),
    # a deadline ahead dates no state: the figure holds on the article's own day
    ("The chairman said the province would complete 40 resettlement plots by the end of October.", "2023-09-15",
     "2023-09-15"),
])
def test_a_count_holds_on_the_day_its_sentence_names(sentence: str, published: str, day: str) -> None:
    counts = [c for c in analyse_text(sentence, published) if c.kind == "count"]
    assert [str(c.time.start) for c in counts] == [day]


def test_a_person_event_after_a_title_is_the_office_holder_s() -> None:
    # the titles before the name are no part of the person the event is keyed by
    claims = analyse_text("New envoy\n\nVietnamese Ambassador to Cambodia Nguyen Minh Khoa presented his credentials "
                          "to King Norodom Sihamoni at the Royal Palace on October 11.", "2024-10-12")
    event = next(c for c in claims if c.attribute == "credentials_presented")
    holder = next(c for c in claims if c.kind == "role")
    assert holder.value.person == "nguyen minh khoa"
    assert event.subject == "person nguien min khoa"


def test_a_province_s_governor_is_not_the_governor_of_a_body_named_after_the_province() -> None:
    # "Champasak governor" names the province's office, even in an article whose only other
    # body with "Champasak" in it is the water company Nam Papa Champasak
    text = ("Pakse water plant opens\n\nNam Papa Champasak director Bounmy Sengsouly said the plant would serve "
            "30,000 households. The plant was inaugurated on Sunday by Champasak governor Vilay Sayavong.")
    roles = {c.value.person: c.subject for c in analyse_text(text, "2025-05-12") if c.kind == "role"}
    assert roles == {"bounmy sengsouly": "director @ champasak nam papa", "vilay sayavong": "mayor @ champasak"}


@pytest.mark.parametrize("text, subject", [
    ("The new runway at Luang Prabang International Airport was inaugurated in June 2024.", "airport luang prabang | runway"),
    ("The apron of Noi Bai airport was completed in May 2024.", "airport bai noi | apron"),
    ("Luang Prabang International Airport was inaugurated in December 2013.", "airport luang prabang"),
    ("The Runway Hotel opened in May 2024.", "hotel runway"),
])
def test_a_part_named_before_its_thing_is_that_thing_s_part(text: str, subject: str) -> None:
    # a part noun in lower case before the name it belongs to keys the part, not the whole;
    # one inside a name ("The Runway Hotel") is the name's
    event = next(c for c in analyse_text(f"Airport news\n\n{text}", "2024-07-25") if c.kind == "date" and c.attribute != "published")
    assert event.subject == subject


@pytest.mark.parametrize("text, subject", [
    # the count after a possessive is no number of the owner's name, and its noun is the part
    ("The Song Ve wind farm feeds the grid. The wind farm's 14 first-phase turbines were connected to the grid "
     "on June 18.", "farm song ve wind | turbine"),
    ("Phan Thiet Airport's 3,500-metre runway was completed in May 2024.", "airport phan thiet | runway"),
])
def test_a_part_after_its_thing_s_possessive_is_that_thing_s_part(text: str, subject: str) -> None:
    event = next(c for c in analyse_text(f"Works\n\n{text}", "2025-07-08") if c.kind == "date" and c.attribute != "published")
    assert event.subject == subject


@pytest.mark.parametrize("text, kept", [
    ("As of June 30, 93.6% of the land had been handed over to the investor.", False),
    ("Two-thirds of the route has been completed.", False),
    ("The district has handed over 112ha to the investor.", False),
    ("The contractor has completed 14 of the 20 packages.", False),
    ("The bridge, which carries 40% of traffic, was completed in 2020.", True),
    ("The road was completed 14 months ago.", True),
    ("The campaign, launched on March 18 and completed at the end of April, reached 94 per cent of children.", True),
])
def test_a_share_or_an_amount_of_a_thing_done_is_progress_not_its_event(text: str, kept: bool) -> None:
    events = [c for c in analyse_text(f"Works\n\n{text}", "2025-07-05")
              if c.kind == "date" and c.attribute in ("completed", "handed_over")]
    assert bool(events) == kept


def test_a_thing_an_article_introduces_is_not_its_story_s_thing_of_another_kind() -> None:
    # "launched a campaign called ..." in an article about the campaign, grouped in a story about
    # the Laos-China Railway, stays the campaign; an agreement introduced with "a" is still the
    # story's agreement, as news introduces its main things
    resolver = _resolver()
    launch = next(c for c in analyse_text("Stay Longer campaign\n\nThe department on July 25 launched a campaign called "
                                          "\"Stay Longer in Luang Prabang\" to encourage visitors to spend more nights.", "2024-07-25")
                  if c.kind == "date" and c.attribute != "published")
    assert launch.subject_text == "a campaign called"
    launch = launch.model_copy(update={"subject": "campaign longer stay"})
    assert resolver._in_story(launch, "campaign longer stay", "china laos railway").subject == "campaign longer stay"
    period = next(c for c in analyse_text("Provinces sign pact\n\nThe two provinces signed a cooperation agreement for 2024-2030.",
                                          "2024-10-06") if c.kind == "period")
    assert period.subject_text.startswith("a cooperation agreement")
    period = period.model_copy(update={"subject": "bridge na meo"})
    assert not resolver._kin_heads("bridge na meo", "agreement houaphanh thanh hoa")
    assert resolver._in_story(period, "bridge na meo", "agreement houaphanh thanh hoa").subject == "agreement houaphanh thanh hoa"


@pytest.mark.parametrize("text, subject", [
    # the only building the article names is the old one: the new one's "building" is not it
    ("Phu Bai airport opens new terminal\n\nPhu Bai International Airport opened its new T2 terminal on Tuesday. "
     "The three-storey building has four boarding bridges.\n\nAll domestic flights had been moved to T2, while "
     "the old T1 building, in use since 2008, would be renovated.", "airport bai phu | building"),
    # named once without the marker: the article may mean it by "the building"
    ("Phu Bai airport renovates T1\n\nThe T1 building at Phu Bai International Airport reopened on Tuesday. "
     "The three-storey building has four boarding bridges.\n\nThe old T1 building had been in use since 2008.",
     "building t1"),
])
def test_a_bare_head_never_means_a_thing_named_only_as_another(text: str, subject: str) -> None:
    count = next(c for c in analyse_text(text, "2024-09-12") if c.kind == "count" and c.value.noun == "boarding bridge")
    assert count.subject == subject


def test_a_figure_s_scale_is_no_word_of_a_name() -> None:
    # "The VND2,235 billion terminal T2": the terminal's cost, never a thing named "VND2,235 billion terminal"
    money = next(c for c in analyse_text("Hue to open new terminal\n\nThe VND2,235 billion terminal T2 at Phu Bai "
                                         "International Airport will receive its first flights next month.", "2024-09-20")
                 if c.kind == "money")
    assert not any(ch.isdigit() for ch in money.subject)


@pytest.mark.parametrize("sentence", [
    # a comma stands between the capitalised word and the head: no name
    "Laos imported power from January to May, when reservoirs were low.",
    # a count of things of the kind, not one thing named
    "Customers can pay their bills at any of EDL's 150 service centres.",
    # buttons, not prose
    "Share: Facebook | Twitter | LINE",
    # a company named after a thing of the kind (entities.yaml other_of_heads)
    "The berth is run by Saigon Ocean Terminal JSC and its partner.",
])
def test_words_that_name_no_thing(sentence: str) -> None:
    ents = _entities(f"Power prices rise\n\nEDL raised its tariffs on Monday.\n\n{sentence}\n")
    assert not [k for k in ents.weights if set(k.split()) & {"may", "150", "facebook", "share", "ocean"}]
