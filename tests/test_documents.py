"""Stage 1 (documents) and 3 (dating): reading files, front matter, publication dates."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.documents import parse_document, read_corpus
from checker.models import Document

from conftest import SEEDS_DIR, load_toolkit

D = dt.date


def dated(text: str, doc_id: str = "x") -> Document:
    """The document after the dating stage (inference happens there)."""
    docs, _, errors = load_toolkit().analyse([parse_document(doc_id, f"{doc_id}.txt", text)])
    assert not errors
    return docs[0]


# --- stated dates --------------------------------------------------------------------

STATED = [
    pytest.param("Cooperation between Hanoi and Vientiane to be Enhanced\n"
                 "Publish date 14/03/2024 | 10:11 AM \u00a0|\u00a0View count: 14\n\nThe visit was a success.",
                 D(2024, 3, 14), "14/03/2024", id="publish-date-day-first"),
    pytest.param(" date 2025-12-03 VIENTIANE \u2014 H\u00e0 N\u1ed9i and Vientiane have agreed to consolidate cooperation.",
                 D(2025, 12, 3), "2025-12-03", id="dateline-iso"),
    pytest.param("Hoa Binh expressway section opens to traffic\nUpdated: 05/06/2023 14:30\n\nThe section opened.",
                 D(2023, 6, 5), "05/06/2023", id="updated-day-first"),
    pytest.param("Hoa Binh expressway section opens to traffic\nJune 5, 2023\n\nThe section opened.",
                 D(2023, 6, 5), "June 5, 2023", id="month-name-line"),
    pytest.param("Hoa Binh expressway section opens to traffic\nPublished: 12/01/2024\n\nThe section opened.",
                 D(2024, 1, 12), "12/01/2024", id="published-label-day-first"),
    pytest.param("Xe Kong dam enters service\n\nSource: Xinhua | 2024-09-03 16:20:45 | Editor: huaxia\n\nThe dam opened.",
                 D(2024, 9, 3), "2024-09-03", id="after-a-separator"),
    pytest.param("Xe Kong dam enters service\n\nBy Tran Minh   Thursday, November 2, 2023, 5:12 pm (GMT+7)\n\nIt opened.",
                 D(2023, 11, 2), "Thursday, November 2, 2023", id="after-a-byline"),
    pytest.param("Expressway traffic climbs\n\nBy Phetsamone Keola \u00b7 January 8, 2025\n\nTraffic rose.",
                 D(2025, 1, 8), "January 8, 2025", id="after-a-byline-and-a-dot"),
    pytest.param("Xe Kong dam enters service\n\nUpdated date 02/11/2023 17:05\n\nThe dam opened.",
                 D(2023, 11, 2), "02/11/2023", id="updated-date-label"),
    pytest.param("Ca Mau shrimp farmers battle disease\n\nUpdate date 2024-07-11 C\u00c0 MAU \u2014 Shrimp output rose.",
                 D(2024, 7, 11), "2024-07-11", id="update-date-label-before-a-dateline"),
    pytest.param("Xe Kong dam enters service\nLast updated: 02/11/2022 - 17:05\n\nThe dam opened.",
                 D(2022, 11, 2), "02/11/2022", id="last-updated-with-time"),
    pytest.param("Xe Kong dam enters service\n9 Oct 2023 (KPL)\n\nThe dam opened.",
                 D(2023, 10, 9), "9 Oct 2023", id="wire-date-line"),
    pytest.param("PROVINCE WEB PORTAL\nPosted date: 17/03/2025 | 10:45\n\nThe dam opened.",
                 D(2025, 3, 17), "17/03/2025", id="posted-date-label"),
    pytest.param("Xe Kong dam enters service\nPublication date: 17/03/2025\n\nThe dam opened.",
                 D(2025, 3, 17), "17/03/2025", id="publication-date-label"),
    pytest.param("Viet Nam News\nSociety\n\nUpdate: November, 22/2023 - 09:40\n\nThe dam opened.",
                 D(2023, 11, 22), "November, 22/2023", id="update-month-day-slash-year"),
    pytest.param("Siem Reap reports tourism growth\n\nAKP Siem Reap, April 16, 2025 --\n\nTourism grew.",
                 D(2025, 4, 16), "April 16, 2025", id="wire-agency-place-dateline"),
    pytest.param("Society\nWednesday, 17:45, 17/07/2024\n\nKhanh Hoa steps up spraying\n\nCases rose.",
                 D(2024, 7, 17), "17/07/2024", id="weekday-and-time-before-the-date"),
    pytest.param("Khanh Hoa Online\nTourism\n09:20, 02/11/2024\n\nKhanh Hoa tourism: positive signals\n\nRevenue rose.",
                 D(2024, 11, 2), "02/11/2024", id="time-before-the-date"),
    pytest.param("Khmer Times\nBusiness\nSok Ratana | Publication date 22 November 2024 | 08:15 ICT\n\nFirms ink deals\n\nTrade rose.",
                 D(2024, 11, 22), "22 November 2024", id="labelled-date-after-a-separator"),
    pytest.param("VOV.VN\nWorld | Friday, 09:05, 21/11/2025\n\nLao parliament approves minister\n\nDeputies voted.",
                 D(2025, 11, 21), "21/11/2025", id="weekday-and-time-after-a-separator"),
    pytest.param("Agence Kampuchea Presse (AKP)\nEconomy\nCambodia, Viet Nam deepen ties\nPhnom Penh, November 22, 2024 AKP -- Cambodia and Viet Nam agreed.",
                 D(2024, 11, 22), "November 22, 2024", id="wire-place-date-agency-dateline"),
    pytest.param("Lao News Agency (KPL)\nPolitics\n\nAssembly endorses minister\n\nSavannakhet, 12 Mar 2025 (KPL) \u2013 The assembly voted.",
                 D(2025, 3, 12), "12 Mar 2025", id="wire-place-date-bracketed-agency-en-dash"),
    pytest.param("VOV.VN\nSociety | Wednesday, 12/03/2025 | 10:15 GMT+7\n\nHanoi speeds up vaccination\n\nCases rose.",
                 D(2025, 3, 12), "Wednesday, 12/03/2025", id="section-weekday-and-date-between-bars"),
]


@pytest.mark.parametrize("text, day, written", STATED)
def test_stated_publication_date(text: str, day: dt.date, written: str) -> None:
    doc = parse_document("x", "x.txt", text)
    assert doc.published == day
    assert doc.published_source == "stated"
    assert doc.published_range.start == doc.published_range.end == day
    assert doc.published_text == written
    start, end = doc.published_span
    assert text[start:end] == written


def test_published_beats_updated() -> None:
    text = ("Hoa Binh expressway section opens to traffic\nUpdated: 20/06/2023 09:00\n"
            "Published: 05/06/2023 14:30\n\nThe section opened.")
    assert parse_document("x", "x.txt", text).published == D(2023, 6, 5)


def test_date_in_the_body_is_not_the_publication_date() -> None:
    text = ("Hieu Giang bridge project moves ahead in Quang Tri\n\n"
            "The bridge was approved by the province on 05/06/2023 after two years of planning.")
    doc = dated(text)
    assert doc.published is None
    assert doc.published_source == "unknown"


def test_a_sentence_opening_with_a_date_is_no_date_line() -> None:
    # "From January 1, 2025, the entrance fee ...": a body sentence in the header's first lines,
    # whose comma the sentence goes on after; the labelled "Updated" line is the article's date
    text = ("Vientiane Times\nUpdated: 15/11/2024 10:30\n\nVat Phou visitor centre opens\n\n"
            "A new visitor centre opened on Thursday.\n\nFrom January 1, 2025, the entrance fee will rise.")
    assert parse_document("x", "x.txt", text).published == D(2024, 11, 15)


def test_front_matter() -> None:
    text = "---\ntitle: Bridge opens in Dong Ha\nsource: VNS\npublished: 2023-12-04\n---\nThe bridge opened."
    doc = parse_document("x", "x.txt", text)
    assert (doc.published, doc.published_source) == (D(2023, 12, 4), "front_matter")
    assert doc.title == "Bridge opens in Dong Ha"
    assert doc.source == "VNS"
    assert text[doc.body_start:].lstrip("\r\n") == "The bridge opened."
    assert text[doc.published_span[0]:doc.published_span[1]] == "2023-12-04"


def test_front_matter_beats_a_date_line() -> None:
    text = "---\npublished: 2023-12-04\n---\nBridge opens in Dong Ha city\nPublish date 01/01/2020 | 10:00\n\nIt opened."
    assert parse_document("x", "x.txt", text).published == D(2023, 12, 4)


def test_broken_front_matter_is_ignored_not_fatal() -> None:
    text = "---\ntitle: [unclosed\n---\nBridge opens in Dong Ha city\nJune 5, 2023\n\nIt opened."
    doc = parse_document("x", "x.txt", text)
    assert doc.text == text
    assert doc.published == D(2023, 6, 5)


# --- inferred dates ------------------------------------------------------------------


def test_inferred_from_today_and_an_event_year() -> None:
    doc = dated("Hanoi and Vientiane councils meet again\n\n"
                "The council today (December 12) reviewed the projects it completed in 2023.")
    assert doc.published_source == "inferred"
    assert doc.published == D(2023, 12, 12)
    assert doc.published_text == "today (December 12)"


def test_inferred_range_when_the_year_is_not_pinned() -> None:
    doc = dated("Hanoi and Vientiane People's Councils sign new cooperation agreement\n\n"
                "The people's councils of Hanoi and Vientiane today (December 12) inked a cooperation "
                "agreement for the period from 2023 to 2025.")
    assert doc.published_source == "inferred"
    assert doc.published is None
    r = doc.published_range
    assert r.start is not None and r.end is not None and r.start < r.end
    assert (r.start.month, r.start.day) == (r.end.month, r.end.day) == (12, 12)
    assert r.start.year <= 2023 and r.end.year >= 2025


def test_inferred_from_the_latest_year_when_it_is_named_most() -> None:
    doc = dated("Luang Prabang tourism\n\nThe province today (July 25) reviewed the first six months of 2024. "
                "The airport upgrade was launched in 2019. Arrivals in 2024 are expected to top 1 million.")
    assert doc.published == D(2024, 7, 25)


def test_inferred_from_a_part_of_today() -> None:
    doc = dated("Tu Lien bridge\n\n(Hanoi Portal) - This morning (October 6), the city broke ground on the bridge, "
                "one of the works of 2024 and the city's biggest of 2024, begun in 2019.")
    assert doc.published == D(2024, 10, 6)
    assert doc.published_text == "This morning (October 6)"


def test_a_later_year_named_once_among_earlier_ones_leaves_a_range() -> None:
    doc = dated("Bridge works\n\nThe ministry today (July 25) said works begun in 2023 and slowed in 2023 "
                "will be finished in 2025.")
    assert doc.published is None
    assert doc.published_range.start.year == 2023 and doc.published_range.end.year == 2025


def test_unknown_without_any_clue() -> None:
    doc = dated("Hanoi and Vientiane People's Councils sign agreement\n\nThe two councils signed an agreement.")
    assert doc.published is None
    assert doc.published_source == "unknown"
    assert doc.published_range.start is None and doc.published_range.end is None


def test_today_without_a_year_and_no_years_stays_unknown() -> None:
    doc = dated("Hanoi and Vientiane People's Councils sign agreement\n\nThe councils today (December 12) met.")
    assert doc.published is None
    assert doc.published_source == "unknown"


# --- a dateline's day without a year ---------------------------------------------------

KPL = "Dongbang water plant\n\nVientiane, Oct 9 (KPL) - The groundbreaking of the plant was held on Monday."


def dated_with(others: dict[str, str], text: str = KPL, folder: str = "story") -> Document:
    """The yearless article (id "k") dated among `others` (id -> front-matter date) of `folder`."""
    docs = [parse_document(i, f"story/{i}.txt", f"---\npublished: {day}\n---\nWater plant\n\nThe plant.")
            for i, day in others.items()]
    docs.append(parse_document("k", f"{folder}/k.txt", text))
    out, _, errors = load_toolkit().analyse(docs)
    assert not errors
    return next(d for d in out if d.id == "k")


@pytest.mark.parametrize("text, day", [
    (KPL, (10, 9)),
    ("Mekong trade\n\nVIENTIANE, Aug. 14 (Xinhua) -- Laos exported more rice.", (8, 14)),
    ("Border gate\n\nHanoi, Nov 3 (VNA) \u2013 The gate reopened.", (11, 3)),
])
def test_a_yearless_dateline_is_read_as_month_and_day(text: str, day: tuple[int, int]) -> None:
    doc = parse_document("k", "k.txt", text)
    assert doc.published_source == "unknown" and doc.dateline_day == day
    assert doc.dateline_span is not None


@pytest.mark.parametrize("others, expected", [
    ({"a": "2024-10-08", "b": "2024-10-10"}, D(2024, 10, 9)),
    ({"a": "2024-10-30"}, D(2024, 10, 9)),
    ({"a": "2023-12-20"}, None),  # 2 months from any 9 October: too far to pin the year
])
def test_a_yearless_dateline_takes_the_year_of_its_folder(others: dict[str, str], expected: dt.date | None) -> None:
    doc = dated_with(others)
    if expected is None:
        assert doc.published_source == "unknown"
    else:
        assert doc.published == expected and doc.published_source == "dateline"
        assert doc.published_text == "Oct 9"


def test_a_yearless_dateline_across_new_year_takes_the_year_before() -> None:
    text = "Year-end review\n\nVientiane, Dec 30 (KPL) - The ministry reviewed the year."
    assert dated_with({"a": "2025-01-02"}, text).published == D(2024, 12, 30)


def test_a_yearless_dateline_in_another_folder_stays_undated() -> None:
    assert dated_with({"a": "2024-10-08"}, folder="elsewhere").published_source == "unknown"


TODAY = ("Elephant hospital opens\n\n(KPL) A new elephant hospital was inaugurated today (October 8) at the"
         " centre. In the first nine months of 2024, it received 9,400 visitors. The number of mahouts will be"
         " raised to 30 by the end of 2025, and the centre hopes to host a regional workshop in 2025.")


def test_today_in_a_folder_of_another_year_it_does_not_name_stays_its_own() -> None:
    # seed 003's case: "today (December 12)" beside an article of December 2025, naming 2025
    # only as a period's end ("from 2023 to 2025")
    text = "Councils sign\n\nThe councils today (December 12) inked an agreement for the period from 2023 to 2025."
    assert dated_with({"a": "2025-12-03"}, text).published_source == "inferred"


@pytest.mark.parametrize("text, expected, quoted", [
    (TODAY, D(2024, 10, 8), "October 8"),
    ("Ferry launched\n\nThis morning (May 31), the first ferry left Tuan Chau port for Co To.", D(2024, 5, 31), "May 31"),
])
def test_today_with_its_day_takes_the_year_of_its_folder(text: str, expected: dt.date, quoted: str) -> None:
    # the article's own years (2024 and 2025) leave its year open; its folder's articles of
    # the same days date it in 2024, a year it names
    doc = dated_with({"a": "2024-10-09", "b": "2024-05-30"}, text)
    assert doc.published == expected and doc.published_text == quoted


def test_today_takes_the_year_of_the_anniversary_it_is_told_for() -> None:
    # the only years it names are a past start (2022) and an anniversary's bracketed span: the
    # span's end is the year of the occasion, and its folder's articles of April 2025 date it then
    text = ("Bridge passes load test\n\nThe Rach Mieu 2 bridge today (April 22) completed its load test, in time"
            " for the 50th anniversary of national reunification (1975-2025). Construction began on"
            " October 8, 2022.")
    assert dated_with({"a": "2025-04-27"}, text).published == D(2025, 4, 22)
    assert dated_with({"a": "2025-04-27"}, text.replace("anniversary of", "meeting on")).published != D(2025, 4, 22)


def test_today_with_its_day_and_no_folder_near_is_dated_by_its_own_years() -> None:
    # no article of its folder near 8 October: its own years place it (the plan's 2025 gone)
    text = TODAY.replace("a regional workshop in 2025", "a regional workshop")
    assert dated_with({"a": "2023-03-01"}, text).published == D(2024, 10, 8)


def test_a_dateline_with_its_year_is_stated() -> None:
    doc = parse_document("k", "k.txt", "Plant\n\nVientiane, Oct 9, 2024 (KPL) - The plant opened.")
    assert doc.dateline_day is None


# --- the seeds -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_docs() -> dict[str, Document]:
    corpus = read_corpus([SEEDS_DIR])
    assert not corpus.errors
    docs, _, errors = load_toolkit().analyse(corpus.documents)
    assert not errors
    return {d.id[:3]: d for d in docs}


def test_seed_publication_dates(seed_docs: dict[str, Document]) -> None:
    got = {k: (d.published, d.published_source) for k, d in seed_docs.items()}
    assert got["001"] == (D(2024, 3, 14), "stated")
    assert got["002"] == (D(2025, 12, 3), "stated")
    assert got["003"][1] == "inferred"
    assert got["004"] == (D(2022, 12, 7), "inferred")
    assert got["000"] == (None, "unknown")


def test_seed_003_is_a_december_12_range(seed_docs: dict[str, Document]) -> None:
    r = seed_docs["003"].published_range
    assert (r.start.month, r.start.day, r.end.month, r.end.day) == (12, 12, 12, 12)
    assert seed_docs["003"].published_text == "today (December 12)"


def test_seed_004_quotes_its_today(seed_docs: dict[str, Document]) -> None:
    assert seed_docs["004"].published_text == "today [December 7]"


# --- reading files -------------------------------------------------------------------


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


GOOD = "Bridge opens in Dong Ha city\nJune 5, 2023\n\nThe Hieu Giang bridge was opened to traffic on June 4."


def test_undecodable_and_binary_files_are_errors_others_still_read(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", GOOD)
    bad = _write(tmp_path, "b.txt", "Cầu Hiếu Giang khánh thành".encode("latin-1", errors="ignore") + b"\xe9t\xe9 2023")
    binary = _write(tmp_path, "c.md", b"PK\x03\x04\x00\x00binary\x00data")
    _write(tmp_path, "d.md", GOOD)
    corpus = read_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["a", "d"]
    by_path = {e.path: e.message for e in corpus.errors}
    assert set(by_path) == {str(bad), str(binary)}
    assert "UTF-8" in by_path[str(bad)]
    assert "binary" in by_path[str(binary)]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_is_an_error_others_still_read(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", GOOD)
    locked = _write(tmp_path, "b.txt", GOOD)
    locked.chmod(0)
    try:
        corpus = read_corpus([tmp_path])
    finally:
        locked.chmod(0o644)
    assert [d.id for d in corpus.documents] == ["a"]
    assert [e.path for e in corpus.errors] == [str(locked)]
    assert "cannot read" in corpus.errors[0].message


def test_folder_walked_in_sorted_order_and_id_is_the_stem(tmp_path: Path) -> None:
    for name in ["c-article.txt", "a-article.md", "b-article.txt", "notes.json", "z.TXT"]:
        _write(tmp_path, name, GOOD)
    sub = tmp_path / "sub"
    sub.mkdir()
    _write(sub, "0-first.txt", GOOD)
    corpus = read_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["a-article", "b-article", "c-article", "0-first", "z"]
    assert corpus.documents[0].path == str(tmp_path / "a-article.md")
    assert not corpus.errors


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    corpus = read_corpus([tmp_path / "nope"])
    assert corpus.documents == []
    assert [e.path for e in corpus.errors] == [str(tmp_path / "nope")]


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    from checker.pipeline import run_check

    report = run_check([tmp_path], Path(__file__).resolve().parent.parent / "rules")
    assert report.documents == []
    assert len(report.errors) == 1
    assert str(tmp_path) in report.errors[0].path


def test_text_is_kept_unmodified(tmp_path: Path) -> None:
    raw = "---\npublished: 2023-12-04\n---\r\nH\u00e0 N\u1ed9i\u2019s bridge \u2014 opened\u00a0today.\r\n"
    _write(tmp_path, "a.txt", raw)
    doc = read_corpus([tmp_path]).documents[0]
    assert doc.text == raw


def test_seed_ids_are_file_stems() -> None:
    corpus = read_corpus([SEEDS_DIR])
    assert [d.id for d in corpus.documents] == sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2039, 12, 31)), st.sampled_from(["/", "."]),
       st.booleans())
@settings(max_examples=60, deadline=None)
def test_day_first_numeric_dates_read_as_dateparser_reads_them(day: dt.date, sep: str, padded: bool) -> None:
    """The numeric day-first shortcut gives what dateparser gives ("23/09/2023", "3.4.2024")."""
    import dateparser
    from checker.documents import parse_date_text
    text = sep.join([f"{day.day:02d}" if padded else str(day.day), f"{day.month:02d}" if padded else str(day.month),
                     str(day.year)])
    expected = dateparser.parse(text, languages=["en"],
                                settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                                          "RELATIVE_BASE": dt.datetime(2000, 1, 1), "PREFER_DATES_FROM": "past"})
    assert parse_date_text(text) == expected.date()


def test_a_numeric_date_that_is_not_day_first_is_left_to_dateparser() -> None:
    """"09/23/2023" has no 23rd month: the shortcut gives way and dateparser reads it month first."""
    from checker.documents import parse_date_text
    assert parse_date_text("09/23/2023") == dt.date(2023, 9, 23)
