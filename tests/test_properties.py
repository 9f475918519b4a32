"""Properties that hold for any input: extraction never raises and stays linear, offsets
always round-trip, conflicts do not depend on document order, and one value written in
different forms never conflicts with itself."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.documents import parse_document, read_corpus
from checker.models import Claim, InputError
from checker.text import fold, match_view

from conftest import SEEDS_DIR, check_texts, load_toolkit, make_document

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NEWSY = st.sampled_from([
    "$75.8 million", "3 million USD", "US$1.06 billion", "VND 1.2 trillion", "2.5ha", "45 km", "600 MW",
    "about 300 households", "over 30%", "0.9%", "the 2022-2025 period", "from 2023 to 2025", "March 11 and 12, 2024",
    "has been completed", "completed in April 2024", "today (December 12)", "Vice Chairman of the Hanoi People's "
    "Committee Nguyen Manh Quyen", "Nguyễn Duy Ngọc, Secretary of the Hà Nội Party Committee", "Hà Nội’s", " — ",
    "\n", "\n\n", ". ", ", ", "Related news\n", "Photo: VNA", "Publish date 14/03/2024 | 10:11 AM", "---\n",
    "published: 2024-03-14\n", "eight", "memoranda of understanding", "1,", "Mr. ", "\u00a0", "(", ")",
])
ARTICLE_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWSY, st.text(max_size=12)), max_size=40).map("".join),
)


def analyse(text: str, doc_id: str = "h") -> list[Claim]:
    doc = parse_document(doc_id, f"{doc_id}.txt", text)
    if isinstance(doc, InputError):  # refused front matter is an input error, never an exception
        return []
    docs, claims, errors = load_toolkit().analyse([doc])
    assert errors == [], [e.render() for e in errors]  # an extractor that raised is reported here
    return claims


def assert_offsets(text: str, claims: list[Claim]) -> None:
    for c in claims:
        assert text[c.start:c.end] == c.text, c
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence, c
        assert c.sentence_start <= c.start and c.end <= c.sentence_start + len(c.sentence) or c.attribute == "published"


@SETTINGS
@given(ARTICLE_TEXT)
def test_extraction_never_raises_and_offsets_round_trip(text: str) -> None:
    assert_offsets(text, analyse(text))


@pytest.mark.parametrize("text", [
    "1," * 5000,
    "March " * 3000,
    "$1." * 3000 + "5 million",
    "about " * 3000 + "300 households",
    "Vice Chairman of the " * 2000,
    "2022-" * 3000,
    "today (" * 3000,
    "(" * 5000 + "Hà Nội" + ")" * 5000,
    "a" * 100_000,
    "\n" * 20_000,
    " " * 20_000 + ".",
])
def test_adversarial_repetitive_text(text: str) -> None:
    assert_offsets(text, analyse(text))


@pytest.mark.parametrize("sep", [". ", " "], ids=["sentences", "one-sentence"])
def test_200_kb_adversarial_text_completes(sep: str) -> None:
    # Catastrophic backtracking or work quadratic in the sentence would make this run for
    # hours; pytest's run is the bound. "one-sentence" has no sentence break at all.
    unit = "On March 11 and 12, 2024 about 1,2,3,4 $75.8 million US$ 2.5ha Vice Chairman of the Hanoi People's" + sep
    text = (unit * (200_000 // len(unit) + 1))[:200_000]
    claims = analyse(text)
    assert_offsets(text, claims)
    assert claims


def test_offsets_round_trip_on_the_seeds() -> None:
    corpus = read_corpus([SEEDS_DIR])
    _, claims, errors = load_toolkit().analyse(corpus.documents)
    assert not errors
    texts = {d.id: d.text for d in corpus.documents}
    assert claims
    for c in claims:
        assert texts[c.document][c.start:c.end] == c.text


# --- order does not matter -----------------------------------------------------------

_SEED_DOCS = read_corpus([SEEDS_DIR]).documents


def _conflict_key(docs) -> tuple:
    _, claims, conflicts, errors = load_toolkit().check(list(docs))
    assert not errors
    return (sorted(c.id for c in conflicts), sorted(tuple(sorted(c.claims)) for c in conflicts),
            sorted(c.id for c in claims))


_SEED_KEY = _conflict_key(_SEED_DOCS)


@settings(max_examples=15, deadline=None)
@given(st.permutations(_SEED_DOCS))
def test_conflicts_do_not_depend_on_seed_order(docs) -> None:
    assert _conflict_key(docs) == _SEED_KEY


SUBJECTS = st.sampled_from([
    "The Vientiane Logistics Park project", "The Savannakhet Provincial Hospital building",
    "The Hieu Giang 2 bridge", "The Tinh Phong 2 industrial park project",
])


@SETTINGS
@given(SUBJECTS, st.integers(2, 900), st.integers(2, 900))
def test_swapping_two_articles_gives_the_same_conflicts(subject: str, x: int, y: int) -> None:
    a = make_document(f"{subject} has a total cost of ${x} million.", doc_id="a")
    b = make_document(f"{subject} has a total cost of USD {y},000,000.", doc_id="b")
    assert _conflict_key([a, b]) == _conflict_key([b, a])


# --- one value, different forms: never a conflict ------------------------------------

def plain(d: Decimal) -> str:
    """A decimal as an article writes it: 75.8, 0.6, 250 (never 2.5E+2 or 250.0)."""
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _millions(tenths: int) -> tuple[str, str]:
    """(decimal millions as written, the same in full digits): 758 -> ("75.8", "75,800,000")."""
    d = Decimal(tenths) / 10
    return plain(d), f"{int(d * 1_000_000):,}"


MONEY_FORMS = [
    lambda m, full: f"${m} million", lambda m, full: f"{full} US dollars", lambda m, full: f"USD {m} million",
    lambda m, full: f"US${m} million", lambda m, full: f"{m} million USD",
]


@SETTINGS
@given(SUBJECTS, st.integers(10, 9999), st.sampled_from(range(len(MONEY_FORMS))),
       st.sampled_from(range(len(MONEY_FORMS))))
def test_money_in_two_forms_never_conflicts(subject: str, tenths: int, i: int, j: int) -> None:
    m, full = _millions(tenths)
    a = f"{subject} has a total cost of {MONEY_FORMS[i](m, full)}."
    b = f"{subject} has a total cost of {MONEY_FORMS[j](m, full)}."
    assert check_texts([a, b]) == []
    # control: the same sentences with a clearly different amount do conflict
    m2, full2 = _millions(tenths * 2 + 5)  # (within three times: further apart is another thing, the scale veto)
    c = f"{subject} has a total cost of {MONEY_FORMS[j](m2, full2)}."
    assert [k.rule for k in check_texts([a, c])] == ["money.fixed-amounts"]


@SETTINGS
@given(st.integers(1, 5000))
def test_area_in_hectares_and_square_metres_never_conflicts(tenths_ha: int) -> None:
    ha = plain(Decimal(tenths_ha) / 10)
    sqm = f"{tenths_ha * 1000:,}"
    subject = "The Dong Ha logistics centre has a total area of"
    assert check_texts([f"{subject} {ha} ha.", f"{subject} {sqm} square metres."]) == []
    other = f"{(tenths_ha * 2 + 1) * 1000:,}"
    assert [k.rule for k in check_texts([f"{subject} {ha} ha.", f"{subject} {other} square metres."])] == [
        "quantity.measures"]


@SETTINGS
@given(st.integers(2, 900), st.integers(4, 40))
def test_figures_far_apart_are_two_things_unless_their_digits_slipped(ha: int, times: int) -> None:
    """The scale veto: one figure more than three times another is about another thing (a part,
    a whole), unless both have the same digits (a zero added or lost: 320 and 3,200 ha)."""
    subject = "The Tan Lap Industrial Park in Binh Duong covers"
    far = ha * times + 1
    digits = lambda n: sorted(str(n).strip("0"))  # noqa: E731
    expected = ["quantity.measures"] if digits(ha) == digits(far) else []
    assert [k.rule for k in check_texts([f"{subject} {ha:,} hectares.", f"{subject} {far:,} hectares."])] == expected
    assert [k.rule for k in check_texts([f"{subject} {ha:,} hectares.", f"{subject} {ha * 10:,} hectares."])] == [
        "quantity.measures"]


@SETTINGS
@given(st.integers(1, 2000), st.booleans())
def test_length_in_km_and_metres_never_conflicts(km: int, metres_first: bool) -> None:
    subject = "The Hoa Binh - Moc Chau expressway section is"
    texts = [f"{subject} {km} km long.", f"{subject} {km * 1000:,} metres long."]
    if metres_first:
        texts.reverse()
    assert check_texts(texts) == []
    assert [k.rule for k in check_texts([texts[0], f"{subject} {(km * 2 + 1) * 1000:,} metres long."])] == [
        "quantity.measures"] or metres_first


@SETTINGS
@given(st.integers(1, 5000))
def test_capacity_in_mw_and_gw_never_conflicts(mw: int) -> None:
    gw = plain(Decimal(mw) / 1000)
    subject = "The Xe Kaman 4 hydropower plant has a capacity of"
    assert check_texts([f"{subject} {mw} MW.", f"{subject} {gw} GW."]) == []
    assert [k.rule for k in check_texts([f"{subject} {mw} MW.", f"{subject} {mw * 2 + 1} MW."])] == ["quantity.measures"]


_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, units = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")


@SETTINGS
@given(st.integers(2, 99), st.sampled_from(["district hospitals", "schools", "bridges"]))
def test_count_in_digits_and_words_never_conflicts(n: int, noun: str) -> None:
    day = "2024-05-02"  # counts are compared only at the same time: both articles of one day
    digits = (f"Attapeu Province has built {n} {noun}.", day)
    words = (f"Attapeu Province has built {in_words(n)} {noun}.", day)
    assert check_texts([digits, words]) == []
    other = (f"Attapeu Province has built {in_words(n + 1 if n < 99 else n - 1)} {noun}.", day)
    assert [k.rule for k in check_texts([digits, other])] == ["count.counts"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(ARTICLE_TEXT, st.text(alphabet="aZ đĐÀàếỆ’“–\u00a0\u0301ﬁ²Ⅻ.-", max_size=40)))
def test_folding_plain_text_is_lowercasing(text: str) -> None:
    """`fold` lowercases ASCII text without decomposing it: the same as decomposing it."""
    plain = match_view(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", plain)
    assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@SETTINGS
@given(st.one_of(ARTICLE_TEXT, st.text(alphabet="aZ đĐÀàếỆẩạỳơ’“–\u00a0\u0301ﬁ²Ⅻ.-", max_size=40)))
def test_matching_view_keeps_offsets_and_folds_like_fold(text: str) -> None:
    """The view is the file's length, so its offsets are the file's, and reads a marked
    letter as the plain one `fold` gives ("Cẩm Lạc" matches what "Cam Lac" matches)."""
    view = match_view(text)
    assert len(view) == len(text)
    assert fold(view) == fold(text)


@pytest.mark.parametrize("text, view", [
    ("Cẩm Lạc – Kỳ Anh", "Cam Lac - Ky Anh"),
    ("Đà Nẵng’s", "Da Nang's"),
    ("Champasak café, naïve", "Champasak cafe, naive"),
    ("Œ ß ²", "Œ ß ²"),  # no plain letter of its own: left as written
])
def test_matching_view_reads_marked_letters_as_plain(text: str, view: str) -> None:
    assert match_view(text) == view
