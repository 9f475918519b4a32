"""Which articles tell one story, and what a story's articles with no named main thing
share: sentences written for these tests, apart from the corpus."""

from __future__ import annotations

from collections import Counter

from checker.analyse import analyse
from checker.segment import segment
from checker.stories import group_stories, story_words

from conftest import analyse_text, check_texts, load_toolkit, make_document

DROUGHT = [
    ("Saltwater reaches deep into Ben Tre\n\nSaltwater intrusion has damaged winter-spring rice in Ben Tre "
     "province. Farmers in Ba Tri and Thanh Phu districts lost their crops, and households queue for fresh "
     "water from tanks. The drought has dried canals across the province.", "2024-03-10"),
    ("Ben Tre fights drought and salinity\n\nDrought and salinity intrusion hit Ben Tre province hard this "
     "dry season. Rice fields in Ba Tri district lost their crops and fresh water for households ran short. "
     "The province dredged canals and laid pipelines to bring water to farmers.", "2024-03-12"),
]
FESTIVAL = ("Coconut festival opens in Ben Tre\n\nThe Ben Tre Coconut Festival opened on Friday with boat "
            "races, music and a fair of coconut products. Artisans from craft villages showed candy, "
            "mats and toys made from coconut.", "2024-03-11")


def _words(texts: list[tuple[str, str]]) -> dict[str, Counter]:
    toolkit = load_toolkit()
    out = {}
    for i, (text, published) in enumerate(texts):
        doc = make_document(text, published, doc_id=f"d{i}")
        out[doc.id] = story_words(analyse(doc.text, segment(doc, toolkit.lexicon), toolkit.clause_words))
    return out


def test_reports_of_one_story_are_one_story() -> None:
    stories = group_stories(_words(DROUGHT))
    assert stories["d0"] == stories["d1"]


def test_another_story_in_the_same_place_is_apart() -> None:
    stories = group_stories(_words([*DROUGHT, FESTIVAL]))
    assert stories["d2"] not in (stories["d0"], stories["d1"])


def test_an_outlet_writing_diacritics_tells_the_same_story() -> None:
    # Viet Nam News writes "Quảng Bình" and "Lệ Thủy"; the words of one story are the same words
    words = _words([
        ("Storm floods Quảng Bình\n\nFloods swept through Lệ Thủy and Quảng Ninh districts of Quảng Bình after "
         "the storm. Thousands of houses in Lệ Thủy were flooded and rice fields near Đồng Hới were lost.", "2024-10-29"),
        ("Quang Binh counts flood losses\n\nIn Le Thuy district, floodwater reached the roofs of houses, and "
         "rice fields near Dong Hoi city were lost. Quang Binh province asked for help after the storm.", "2024-10-30"),
    ])
    assert words["d0"]["thuy"] and words["d1"]["thuy"]
    stories = group_stories(words)
    assert stories["d0"] == stories["d1"]


def test_grouping_does_not_depend_on_the_order_of_articles() -> None:
    words = _words([*DROUGHT, FESTIVAL])
    reordered = dict(reversed(list(words.items())))
    assert group_stories(words) == group_stories(reordered)


def _relief(text: str) -> str:
    return (text + " The Government allocated VND95 billion from the central reserve to support farmers.")


def test_articles_of_one_story_that_name_no_thing_share_its_place() -> None:
    # each article mentions a different built thing once ("canals", "pipelines"): their
    # relief figures are the story's, not a canal's and a pipeline's
    texts = [(_relief(DROUGHT[0][0]), DROUGHT[0][1]),
             (_relief(DROUGHT[1][0]).replace("VND95 billion", "VND120 billion"), DROUGHT[1][1])]
    conflicts = check_texts(texts)
    assert [c.rule for c in conflicts] == ["money.fixed-amounts"]


def test_a_figure_whose_clause_names_a_city_is_that_citys() -> None:
    claims = analyse_text("Quang Nam tourism\n\nHoi An city alone contributed VND8.9 trillion of revenue "
                          "from tourism, the highest in the province.", "2024-11-07")
    money = next(c for c in claims if c.kind == "money")
    assert money.subject == "hoi an"


def test_articles_months_apart_are_two_stories() -> None:
    from datetime import date
    from checker.models import DateRange
    words = _words(DROUGHT)
    published = {"d0": DateRange(start=date(2024, 3, 10), end=date(2024, 3, 10)),
                 "d1": DateRange(start=date(2025, 3, 12), end=date(2025, 3, 12))}
    stories = group_stories(words, published)
    assert stories["d0"] != stories["d1"]


def test_a_conflict_found_through_the_story_says_so() -> None:
    # what firms processed names no owner (exports would be the province's trade in coffee)
    texts = [("Dak Lak coffee\n\nDak Lak coffee growers had a good year. Its firms processed 248,000 tonnes of coffee "
              "in 2023, the provincial department said.", "2024-02-10"),
             ("Dak Lak coffee prices climb\n\nDak Lak coffee growers expect a good harvest. Local firms processed "
              "271,000 tonnes of coffee last year, traders said.", "2024-03-01")]
    conflicts = check_texts(texts)
    assert len(conflicts) == 1 and "linked by their story" in conflicts[0].reason


def test_stories_are_those_that_comparing_every_near_pair_of_a_word_finds() -> None:
    # the reference: every pair of articles that share an indexed word, published at most
    # STORY_DAYS apart (or of unknown date), linked when their cosine reaches LINK_COSINE
    import random
    from datetime import date, timedelta
    from itertools import combinations
    from checker.models import DateRange
    from checker.stories import LINK_COSINE, STORY_DAYS, _indexed, cosine, story_vectors
    rng = random.Random(12)
    topics = [[f"t{t}w{i}" for i in range(12)] for t in range(6)]
    common = [f"common{i}" for i in range(60)]
    words, published = {}, {}
    for i in range(300):
        doc = f"d{i:03}"
        words[doc] = Counter({w: rng.randint(1, 4) for w in rng.sample(rng.choice(topics), 5) + rng.sample(common, 8)})
        if rng.random() < 0.95:  # the rest have no known date, and are near every article
            day = date(2024, 1, 1) + timedelta(days=rng.randrange(1500))
            published[doc] = DateRange(start=day, end=day)
    published["d000"] = DateRange()  # a range with no start is unknown too

    def near(a: str, b: str) -> bool:
        x, y = published.get(a), published.get(b)
        if x is None or y is None or x.start is None or y.start is None:
            return True
        return abs((x.start - y.start).days) <= STORY_DAYS

    vectors = story_vectors(words)
    parent = {d: d for d in words}

    def root(d: str) -> str:
        return d if parent[d] == d else root(parent[d])

    for docs in _indexed(vectors).values():
        for a, b in combinations(docs, 2):
            if near(a, b) and cosine(vectors[a], vectors[b]) >= LINK_COSINE:
                ra, rb = root(a), root(b)
                parent[max(ra, rb)] = min(ra, rb)
    expected = {d: root(d) for d in words}
    found = group_stories(words, published)
    assert found == expected
    assert 6 < len(set(found.values())) < 200  # stories of several articles, and more than one per topic


def test_a_storys_thing_named_for_another_place_is_not_this_articles() -> None:
    # two provinces' drought emergencies told alike: "the emergency" of the Ben Tre article is
    # not the Tra Vinh emergency its story also names
    texts = [("Ben Tre drought emergency\n\nDrought and saltwater intrusion hit Ben Tre province. The emergency "
              "declared on February 21, 2024 was applied for the whole of Ben Tre province.", "2024-02-23"),
             ("Tra Vinh drought emergency\n\nDrought and saltwater intrusion hit Tra Vinh province. The Tra Vinh "
              "drought emergency was declared on March 1, 2024 for the whole of Tra Vinh province.", "2024-03-04")]
    assert not [c for c in check_texts(texts) if c.attribute == "declared"]
