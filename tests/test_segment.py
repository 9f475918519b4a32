"""Stage 2 (segmentation) on the seeds: site furniture, teasers and photo credits yield no
claims, captions do, and every segment points exactly into the file."""

from __future__ import annotations

import pytest

from checker.documents import parse_document, read_corpus
from checker.models import Claim, Document, Segment
from checker.segment import segment

from conftest import SEEDS_DIR, load_toolkit


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[Document, list[Segment], list[Claim]]]:
    corpus = read_corpus([SEEDS_DIR])
    toolkit = load_toolkit()
    docs, claims, errors = toolkit.analyse(corpus.documents)
    assert not errors
    out = {}
    for doc in docs:
        out[doc.id[:3]] = (doc, segment(doc, toolkit.lexicon), [c for c in claims if c.document == doc.id])
    return out


def _span(doc: Document, needle: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(needle, at + 1)
    return at, at + len(needle)


def _claims_in(claims: list[Claim], span: tuple[int, int]) -> list[Claim]:
    return [c for c in claims if c.start < span[1] and span[0] < c.end]


def _region_at(segments: list[Segment], pos: int) -> str | None:
    return next((s.region for s in segments if s.start <= pos < s.end), None)


def test_every_segment_text_is_its_slice_of_the_file(seeds) -> None:
    for doc, segments, _ in seeds.values():
        assert segments
        for s in segments:
            assert s.text == doc.text[s.start:s.end]
            assert s.document == doc.id


def test_segments_are_ordered_and_do_not_overlap(seeds) -> None:
    for _, segments, _ in seeds.values():
        for a, b in zip(segments, segments[1:]):
            assert a.end <= b.start


@pytest.mark.parametrize("seed, line", [
    ("000", "Log in"), ("000", "Reactions:"), ("000", "Share:"), ("000", "Trending"), ("000", "Most Viewed"),
    ("003", "Log in"), ("003", "Reactions:"), ("004", "Share:"), ("004", "Most Viewed"),
    ("000", "14TH NATIONAL CONGRESS OF THE COMMUNIST PARTY OF VIETNAM"),
])
def test_site_furniture_lines_are_boilerplate(seeds, seed: str, line: str) -> None:
    doc, segments, claims = seeds[seed]
    start = next(i for i in range(len(doc.text)) if doc.text.startswith(line, i) and (i == 0 or doc.text[i - 1] == "\n")
                 and doc.text[i + len(line):i + len(line) + 1] in ("\n", ""))
    span = (start, start + len(line))
    assert _region_at(segments, span[0]) == "boilerplate"
    assert _claims_in(claims, span) == []


def test_publish_date_line_is_not_body(seeds) -> None:
    doc, segments, claims = seeds["001"]
    span = _span(doc, "View count: 14")
    assert _region_at(segments, span[0]) == "boilerplate"
    # only the publication claim quotes that line
    assert [c.attribute for c in _claims_in(claims, (doc.text.index("Publish date"), span[1]))] == ["published"]


@pytest.mark.parametrize("seed", ["000", "003", "004"])
def test_related_news_block_is_teaser_and_yields_no_claims(seeds, seed: str) -> None:
    doc, segments, claims = seeds[seed]
    block = doc.text.index("\nRelated news\n") + 1
    after = [s for s in segments if s.start >= block]
    assert after and all(s.region == "teaser" for s in after)
    assert [c for c in claims if c.start >= block] == []


@pytest.mark.parametrize("seed, teaser_words", [
    ("004", "Congress of the Hanoi Party Organization (2025-2030)"),
    ("000", "Home to more than 680 million people"),
    ("000", "Hanoi sets 2026 as a breakthrough year"),
    ("003", "three-decade partnership"),
])
def test_teaser_figures_yield_no_claims(seeds, seed: str, teaser_words: str) -> None:
    doc, segments, claims = seeds[seed]
    span = _span(doc, teaser_words)
    assert _region_at(segments, span[0]) == "teaser"
    assert _claims_in(claims, span) == []


@pytest.mark.parametrize("seed, credit", [
    ("003", "Photo: Tu Anh/The Hanoi Times"),
    ("004", "Source: VNA"),
])
def test_photo_credits_are_boilerplate(seeds, seed: str, credit: str) -> None:
    doc, segments, claims = seeds[seed]
    span = _span(doc, credit)
    assert _region_at(segments, span[0]) == "boilerplate"
    assert _claims_in(claims, span) == []


def test_caption_before_a_credit_stays_article_text(seeds) -> None:
    doc, segments, claims = seeds["003"]
    caption = "Hanoi People's Council Vice Chairwoman Phung Thi Hong Ha"
    span = _span(doc, caption)
    assert _region_at(segments, span[0]) == "caption"
    roles = [c for c in _claims_in(claims, span) if c.kind == "role"]
    assert [c.value.model_dump(mode="json") for c in roles] == [
        {"person": "phung thi hong ha", "office": "vice chair", "organisation": "hanoi people's council"}]


def test_a_credited_caption_names_people_but_counts_nothing() -> None:
    """A line with a photo credit is a caption: its figures count what the photo shows (one zone's
    booths), so they are no claims; who is pictured still is."""
    from conftest import make_document
    text = ("That Luang fair draws crowds\n\nThe That Luang festival opened in Vientiane on Monday.\n\n"
            "Deputy Prime Minister Sonexay Siphandone visits the ODOP zone, where 420 booths sold local products, "
            "on November 27. (Photo: KPL)\n\nThe fair will run until Sunday.\n")
    toolkit = load_toolkit()
    docs, claims, errors = toolkit.analyse([make_document(text, "2023-11-28")])
    assert not errors
    caption = _span(docs[0], "Deputy Prime Minister Sonexay")
    assert _region_at(segment(docs[0], toolkit.lexicon), caption[0]) == "caption"
    kinds = sorted(c.kind for c in claims if caption[0] <= c.start < docs[0].text.index("(Photo"))
    assert kinds == ["role"]


def test_caption_yields_a_role_claim(seeds) -> None:
    doc, segments, claims = seeds["000"]
    caption = "Vice Chairman of the Hanoi People's Committee Nguyen Manh Quyen."  # ASCII apostrophe: the caption
    span = _span(doc, caption)
    assert _region_at(segments, span[0]) == "caption"
    roles = [c for c in _claims_in(claims, span) if c.kind == "role"]
    assert len(roles) == 1
    assert roles[0].region == "caption"
    assert roles[0].text == "Vice Chairman of the Hanoi People's Committee Nguyen Manh Quyen"
    assert roles[0].value.model_dump(mode="json") == {
        "person": "nguyen manh quyen", "office": "vice chair", "organisation": "hanoi people's committee"}


@pytest.mark.parametrize("seed, caption", [
    ("000", "Vice Mayor of Vientiane Phouvong Vongkham."),
    ("004", "Prime Minister Pham Minh Chinh and Phomvihane."),
    ("004", "NA Chairman Vuong Dinh Hue and Phomvihane."),
])
def test_captions_are_captions(seeds, seed: str, caption: str) -> None:
    doc, segments, claims = seeds[seed]
    start = doc.text.index(caption)
    assert _region_at(segments, start) == "caption"
    assert [c.kind for c in claims if start <= c.start < start + len(caption)] == ["role"]


def test_headline_is_labelled(seeds) -> None:
    doc, segments, _ = seeds["003"]
    headline = next(s for s in segments if s.region == "headline")
    assert headline.text == "Hanoi and Vientiane People's Councils sign new cooperation agreement"


def test_dateline_is_apart_from_the_first_sentence(seeds) -> None:
    doc, segments, _ = seeds["002"]
    assert segments[0].region == "dateline"
    assert doc.text[segments[0].start:].startswith("date 2025-12-03 VIENTIANE")
    assert segments[1].region == "body"
    assert segments[1].text.startswith("H\u00e0 N\u1ed9i and Vientiane have agreed")


def test_sentences_split_but_not_at_mr(seeds) -> None:
    doc, segments, _ = seeds["001"]
    first = next(s for s in segments if s.text.startswith("The working visit to Laos"))
    assert "Mr. Dinh Tien Dung" in first.text
    assert first.text.endswith("set a model for the relationship between Hanoi and Vientiane.")


def test_a_bare_related_heading_opens_the_teasers() -> None:
    from checker.documents import parse_document
    from checker.segment import segment
    from conftest import load_toolkit
    text = ("Bridge opens\n\nThe Pakse bridge cost $12 million.\n\nRelated\n\nPakse bridge nears completion\n"
            "The Pakse bridge, costing $15 million, is almost done.\n")
    segments = segment(parse_document("x", "x.txt", text), load_toolkit().lexicon)
    at = text.index("costing")
    assert next(s.region for s in segments if s.start <= at < s.end) == "teaser"
    prose = "Bridge opens\n\nRelated projects are under way in Pakse.\n"
    segments = segment(parse_document("y", "y.txt", prose), load_toolkit().lexicon)
    assert all(s.region != "teaser" for s in segments)


@pytest.mark.parametrize("menu", ["Latest News", "Latest News | Tourism", "Related news"])
def test_a_teaser_heading_above_the_headline_is_navigation(menu: str) -> None:
    # "Latest News" in the site's menu above the headline opens no related-news block: the
    # article after it is the article; the same heading after the text does open one.
    text = (f"Vientiane Times\nLog in\n{menu}\n\nKuangsi waterfall raises entrance fees\n\n"
            "Foreign visitors will pay 60,000 kip per person from October 1.\n\n"
            f"{menu}\n\nWaterfall park upgrades begin\nThe park will spend 9 billion kip on walkways.\n")
    segments = segment(parse_document("x", "x.txt", text), load_toolkit().lexicon)
    assert _region_at(segments, text.index("60,000")) == "body"
    assert _region_at(segments, text.index("9 billion")) == "teaser"


def test_a_doubled_title_after_the_article_opens_the_teasers() -> None:
    # A sidebar ("Trending" or no heading at all) lists stories by a title written twice, then
    # a blurb: its figures are another story's. A headline written twice above the text is not.
    text = ("Wind farm joins grid\n\nThe 150MW Dak Somei 2 wind farm went into operation on March 18.\n\nShare:\n\n"
            "Trending\n\nGia Lai wind farm reaches full operation\nGia Lai wind farm reaches full operation\n"
            "The 151.2 MW Dak Somei 2 wind farm is now selling its output to EVN.\n")
    segments = segment(parse_document("x", "x.txt", text), load_toolkit().lexicon)
    assert _region_at(segments, text.index("151.2")) == "teaser"
    assert _region_at(segments, text.index("150MW")) == "body"
    top = ("Wind farm joins grid\nWind farm joins grid\n\nThe 150MW Dak Somei 2 wind farm went into operation.\n")
    segments = segment(parse_document("y", "y.txt", top), load_toolkit().lexicon)
    assert _region_at(segments, top.index("150MW")) == "body"


@pytest.mark.parametrize("line, dateline", [
    ("PHNOM PENH, Dec. 5 (Xinhua) -- Cambodia and Vietnam signed 11 agreements.", "PHNOM PENH, Dec. 5 (Xinhua) -- "),
    ("Vientiane, Oct 9 (KPL) \u2014 The line was energised.", "Vientiane, Oct 9 (KPL) \u2014 "),
    ("Vientiane, 12 March 2025 (KPL) - Eight people were killed.", "Vientiane, 12 March 2025 (KPL) - "),
    ("Bolikhamxay, 16 Sept 2024 (KPL) \u2013 The bridge opened.", "Bolikhamxay, 16 Sept 2024 (KPL) \u2013 "),
    ("HANOI, March 12, 2025 (Xinhua) -- Vietnam and Laos signed a deal.", "HANOI, March 12, 2025 (Xinhua) -- "),
    ("Phnom Penh (VNA) \u2013 Prime Minister Ho Duc Thanh held talks.", "Phnom Penh (VNA) \u2013 "),
    ("CHAMPASAK \u2014 An irrigation system was handed over.", "CHAMPASAK \u2014 "),
    ("(Portal) - On 12 March, the lease was signed.", "(Portal) - "),
    ("Vietnam \u2013 Cambodia trade grew 12 percent.", None),
    # an outlet's own name before a dash, its words run together or not
    ("Hanoitimes - With 22,700 hectares of tea, Thai Nguyen leads.", "Hanoitimes - "),
    ("Vientiane Times \u2013 The market moved to Ban Phonphao.", "Vientiane Times \u2013 "),
    # ... or its web address
    ("VOV.VN - The 200-bed wing of the provincial hospital was handed over.", "VOV.VN - "),
    ("Tuoitrenews.vn \u2013 Six berths are in use.", "Tuoitrenews.vn \u2013 "),
    ("Vientiane - Boten trains ran full in March.", None),
])
def test_wire_datelines_are_apart_from_the_first_sentence(line: str, dateline: str | None) -> None:
    from conftest import make_document
    doc = make_document("Headline of the story here\n\n" + line, "2024-12-05")
    segments = segment(doc, load_toolkit().lexicon)
    found = [s.text for s in segments if s.region == "dateline"]
    assert found == ([dateline] if dateline else [])


@pytest.mark.parametrize("trail", ["Home > News > Socio-economic", "Trang chủ » Kinh tế", "News › Business › Trade"])
def test_breadcrumb_trail_above_the_headline_is_boilerplate(trail: str) -> None:
    """A portal's navigation trail is not the headline: the line after it is."""
    from conftest import make_document
    doc = make_document(f"{trail}\n\nPut into operation the phase 2 of Phuoc Minh solar power plant\n\n"
                        "The project was connected to the national grid on October 30.", "2023-11-02", "bc")
    regions = {seg.text: seg.region for seg in segment(doc, load_toolkit().lexicon)}
    assert regions[trail] == "boilerplate"
    assert regions["Put into operation the phase 2 of Phuoc Minh solar power plant"] == "headline"


@pytest.mark.parametrize("menu", ["Log in | Register", "Home | Politics | Economy | Hanoi | Health | Travel",
                                  "Tuoi Tre News | Log in", "Home   National   Provincial   Business   Sport",
                                  "KPL Lao News Agency", "Lao News Agency (KPL)", "KPL - Lao News Agency"])
def test_menus_and_mastheads_above_the_headline_are_boilerplate(menu: str) -> None:
    """Navigation, a masthead or a sign-in line is not the headline (a quarter of the corpus's
    articles had one read so: their title in every report, and the weight of their lead)."""
    from conftest import make_document
    doc = make_document(f"{menu}\n\nJapan-funded wing expands care for children at Vientiane hospital\n\n"
                        "The wing was opened yesterday.", "2025-04-25", "m")
    regions = {seg.text: seg.region for seg in segment(doc, load_toolkit().lexicon)}
    assert regions[menu] == "boilerplate"
    assert regions["Japan-funded wing expands care for children at Vientiane hospital"] == "headline"


@pytest.mark.parametrize("line", ["Thursday, October 12, 2023", "Last updated: 12/10/2023 - 17:05"])
def test_a_date_line_above_the_headline_is_boilerplate(line: str) -> None:
    from conftest import make_document
    doc = parse_document("d", "d.txt", f"{line}\n\nSavannakhet launches campaign against dengue fever\n\n"
                         "The campaign began on Monday in 15 districts.")
    assert doc.published_text and doc.published_text in line
    regions = {seg.text: seg.region for seg in segment(doc, load_toolkit().lexicon)}
    assert regions[line] == "boilerplate"
    assert regions["Savannakhet launches campaign against dengue fever"] == "headline"


@pytest.mark.parametrize("headline", ["Laos, Vietnam agree to build new Mekong bridge | Vientiane Times",
                                      "Hanoi Times reports record rice exports to the Philippines"])
def test_a_headline_with_a_bar_or_an_outlet_name_stays_the_headline(headline: str) -> None:
    from conftest import make_document
    doc = make_document(f"{headline}\n\nThe two sides signed the deal on Monday.", "2025-04-25", "h")
    regions = {seg.text: seg.region for seg in segment(doc, load_toolkit().lexicon)}
    assert regions[headline] == "headline"


@pytest.mark.parametrize("line", ["Tags: Laos, Vietnam, Expressway, Railway", "Keywords: salinity, Ben Tre, 2024",
                                  "Share this:", "Share: Facebook | Twitter | LINE"])
def test_a_labelled_furniture_line_is_boilerplate(line: str) -> None:
    # "Tags: ..." lists topics: read as prose, its names became things the article talks about
    from conftest import make_document
    doc = make_document(f"Laos names transport minister\n\nThe minister met his Vietnamese counterpart.\n\n{line}\n",
                        "2024-10-10", "t")
    at = doc.text.index(line)
    assert _region_at(segment(doc, load_toolkit().lexicon), at) == "boilerplate"


def test_a_sentence_opening_with_a_label_word_is_prose() -> None:
    from conftest import make_document
    doc = make_document("Laos names transport minister\n\nTopics discussed included the expressway.\n", "2024-10-10", "t")
    at = doc.text.index("Topics")
    assert _region_at(segment(doc, load_toolkit().lexicon), at) == "body"


def test_an_overlong_sentence_is_read_in_bounded_clauses() -> None:
    # A table flattened into one line has no sentence break; reading each figure against the
    # whole line made the check quadratic in the line (benchmarks/dense_bench.py --one-sentence).
    from checker.segment import _LONGEST_SENTENCE
    row = "Pakse district recorded 1,204 cases in 2023, up 4.5 per cent; "
    text = "Dengue table\n\n" + row * 400 + "the end.\n"
    segments = segment(parse_document("x", "x.txt", text), load_toolkit().lexicon)
    body = [s for s in segments if s.start >= len("Dengue table\n\n")]
    assert len(body) > 1 and all(len(s.text) <= _LONGEST_SENTENCE for s in body)
    assert all(s.text == text[s.start:s.end] for s in body)
    assert all(s.text.endswith(";") for s in body[:-1])  # cut at a clause break, not in a figure
    assert "".join(s.text + " " for s in body).strip() == text[len("Dengue table\n\n"):].strip()


def test_a_long_sentence_of_real_prose_stays_whole() -> None:
    sentence = ("The 1,200-bed hospital, which " + "was built with funds from the provincial budget, " * 12
                + "opened on March 3.")
    assert 600 < len(sentence) < 1200
    segments = segment(parse_document("x", "x.txt", "Hospital opens\n\n" + sentence + "\n"), load_toolkit().lexicon)
    assert any(s.text == sentence for s in segments)
