"""The data that flows between stages: frozen pydantic models, flat and engine-free.

Value shapes are a public contract (other tools read `report.json`), so their field
names and meanings are fixed here and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

Frozen = ConfigDict(frozen=True, extra="forbid")

PublishedSource = Literal["stated", "front_matter", "dateline", "inferred", "unknown"]
Region = Literal["headline", "body", "caption", "boilerplate", "teaser", "byline", "dateline", "comment"]
Kind = Literal["date", "money", "quantity", "count", "percent", "period", "duration", "role"]
TimeUnit = Literal["day", "week", "month", "year"]
Severity = Literal["error", "warning"]


class DateRange(BaseModel):
    """An inclusive interval of days; a None bound is open."""

    model_config = Frozen
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def is_day(self) -> bool:
        return self.start is not None and self.start == self.end


class Suppression(BaseModel):
    """An editor's note in an article that silences one rule for a passage: an inline
    `<!-- claimcheck: ignore RULE -- reason -->` (the passage is the comment's line, or
    the next line with text when the comment stands alone) or front matter (the whole
    article). `line` is where the note is written."""

    model_config = Frozen
    rule: str
    reason: str
    start: int
    end: int
    line: int


class Document(BaseModel):
    """One article as read from disk. `text` is the decoded file, unmodified."""

    model_config = Frozen
    id: str
    path: str
    text: str = Field(exclude=True, repr=False)
    published: dt.date | None = None
    published_range: DateRange = DateRange()
    published_source: PublishedSource = "unknown"
    published_text: str | None = None
    published_span: tuple[int, int] | None = None  # where the date is written, when it is
    # a wire dateline's month and day with no year ("Vientiane, Oct 9 (KPL) -") and where it is
    dateline_day: tuple[int, int] | None = None
    dateline_span: tuple[int, int] | None = None
    title: str | None = None
    source: str | None = None
    body_start: int = 0
    reference_years: list[int] = Field(default_factory=list)
    suppressions: list[Suppression] = Field(default_factory=list)


class Segment(BaseModel):
    """A sentence (or line) of a document with the region it belongs to."""

    model_config = Frozen
    document: str
    region: Region
    paragraph: int
    start: int
    end: int
    text: str


# --- claim values (public shapes) -------------------------------------------------


class DateValue(BaseModel):
    model_config = Frozen
    start: dt.date | None
    end: dt.date | None


class MoneyValue(BaseModel):
    model_config = Frozen
    low: float | None
    high: float | None
    currency: str


class QuantityValue(BaseModel):
    model_config = Frozen
    low: float | None
    high: float | None
    unit: str


class CountValue(BaseModel):
    model_config = Frozen
    low: int | None
    high: int | None
    noun: str


class PercentValue(BaseModel):
    model_config = Frozen
    low: float | None
    high: float | None


class PeriodValue(BaseModel):
    model_config = Frozen
    start: int
    end: int


class DurationValue(BaseModel):
    """How long something lasts ("a 25-year concession", "nearly 38 months"), in the unit written."""

    model_config = Frozen
    low: float | None
    high: float | None
    unit: TimeUnit


class RoleValue(BaseModel):
    model_config = Frozen
    person: str
    office: str
    organisation: str | None


# Order matters for validation from JSON: a period's int years must not be read as dates, and a
# duration's time unit is tried before a quantity's unit.
Value = Union[PeriodValue, DateValue, MoneyValue, DurationValue, QuantityValue, CountValue, PercentValue, RoleValue]


class Claim(BaseModel):
    """One extracted statement, with the exact evidence it came from.

    `document`, `text`, `start`, `end` satisfy `file_text[start:end] == text`.
    `subject` is filled by the resolve stage; extractors leave it None.
    """

    model_config = Frozen
    id: str
    document: str
    kind: Kind
    subject: str | None = None
    subject_text: str | None = None
    # How the subject was found: None when from the claim's own words or its article; "story"
    # when the claim names no owner and takes its story's topic, which is evidence only
    # against other articles of the story (one article's bare figures are lists of things);
    # "occasion" when the claim dates a meeting, ceremony or the like that its story's
    # articles name alike (checker/occasions.py); "recount" when a count told again with "the"
    # takes the subject of the article's earlier count of its noun (checker/resolve.py);
    # "context" when a figure's own words name no owner, no place, no period and no day and it
    # takes its article's thing, which is evidence only against other articles.
    link: Literal["story", "occasion", "recount", "context"] | None = None
    # How the figure's period was found: None when from its own sentence or none; "story" when
    # its sentence names none and it takes the one period its story states for the same figure
    # (checker/periods.py), which is evidence only against other articles.
    period_link: Literal["story"] | None = None
    # The id of the amount a bracketed figure converts into another currency ("VND12.6 trillion
    # (US$495 million)"): the same statement again, so its disagreement is its amount's.
    converts: str | None = None
    attribute: str
    scope: dict[str, str] = Field(default_factory=dict)
    value: Annotated[Value, Field(union_mode="left_to_right")]
    time: DateRange | None = None
    tense: Literal["past", "present", "future"] | None = None
    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    region: Region = "body"


class ValueMention(BaseModel):
    """A value the value layer read, whether or not it became a claim: a date with no event,
    an amount with no owner. What `claimcheck values` prints and the value tests check."""

    model_config = Frozen
    document: str
    kind: Kind
    text: str
    start: int
    end: int
    value: Annotated[Value, Field(union_mode="left_to_right")]
    measure: str | None = None  # "points" for percentage points, "difference" for "5,000 VND more"


class Conflict(BaseModel):
    """A set of claims that cannot all be true, and the rule that says so."""

    model_config = Frozen
    id: str
    rule: str
    severity: Severity
    message: str
    reason: str
    claims: list[str]
    subject: str | None = None
    attribute: str | None = None
    documents: list[str] = Field(default_factory=list)


class InputError(BaseModel):
    model_config = Frozen
    path: str
    message: str
    line: int | None = None

    def render(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class Report(BaseModel):
    """Everything one run produced; every reporter reads only this."""

    model_config = Frozen
    documents: list[Document]
    claims: list[Claim]
    conflicts: list[Conflict]
    errors: list[InputError]
    rules: list[dict] = Field(default_factory=list)
    warnings: list[InputError] = Field(default_factory=list)  # inputs read in part (front matter ignored) or skipped (empty)
