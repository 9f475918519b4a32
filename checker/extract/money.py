"""Money amounts: figure, scale and ISO 4217 currency, with what the money is for."""

from __future__ import annotations

import re

from checker.extract.base import Sentence, make_claim, state_time
from checker.extract.figures import owner_of, phase_of
from checker.extract.numbers import NumberFinder
from checker.lexicon import Lexicon
from checker.models import Claim, MoneyValue


class MoneyExtractor:
    kind = "money"

    def __init__(self, lexicon: Lexicon, numbers: NumberFinder) -> None:
        cur = lexicon.currencies
        self.numbers = numbers
        self.prefix = dict(cur.prefix)
        self.suffix = {k.lower(): v for k, v in cur.suffix.items()}
        self.attributes = dict(lexicon.nouns.money_attributes)
        self.stops = frozenset(lexicon.aliases.stops)
        pre = sorted(self.prefix, key=len, reverse=True)
        self.prefix_re = re.compile(r"(?:^|(?<=[\s(]))(" + "|".join(re.escape(p) for p in pre) + r")[ \t]?$")
        suf = sorted(self.suffix, key=len, reverse=True)
        self.suffix_re = re.compile(r"[ \t]?(" + "|".join(re.escape(x) for x in suf) + r")\b", re.IGNORECASE)

    def extract(self, s: Sentence) -> list[Claim]:
        view = s.view
        claims = []
        for n in self.numbers.find(view, s.start, s.end):
            start, end, currency = n.start, n.end, None
            low, high, value = n.low, n.high, n.value
            pm = self.prefix_re.search(view, max(s.start, n.number_start - 5), n.number_start)
            if pm:
                currency = self.prefix[pm.group(1)]
                if n.hedge is None:
                    start = pm.start(1)
                abbreviated = self.numbers.money_scale(view, end) if n.written.replace(",", "").replace(".", "").isdigit() else None
                if abbreviated:
                    factor, end = abbreviated
                    low, high, value = _scaled(n.low, factor), _scaled(n.high, factor), n.value * factor
                    if n.hedge is None and "." in n.written:
                        decimals = len(n.written.split(".")[1])
                        half = 0.5 * 10 ** -decimals * factor
                        low, high = value - half, value + half
                    elif n.hedge is None:
                        low, high = value - 0.5 * factor, value + 0.5 * factor
            else:
                sm = self.suffix_re.match(view, end, s.end)
                if sm:
                    currency = self.suffix[sm.group(1).lower()]
                    end = sm.end()
            if currency is None:
                continue
            if n.hedge is None and pm:
                # "nearly VND 500 billion": the hedge stands before the currency.
                hedged = self.numbers.hedge_at(view, max(s.start, start - 24), start)
                if hedged:
                    hedge, start = hedged
                    half = (high - low) / 2 if low is not None and high is not None else 0
                    wide = self.numbers.widen(value, half, hedge)
                    low, high = (None if x is None else float(x) for x in wide)
            owner = owner_of(view, s.doc.text, s.start, s.end, start, end, self.attributes, self.stops, s.published)
            scope = {"period": owner.period} if owner.period else {}
            phase = phase_of(view, s.start, start)
            if phase:
                scope["phase"] = phase
            claims.append(make_claim(
                s, "money", owner.attribute or "amount",
                MoneyValue(low=_num(low), high=_num(high), currency=currency), start, end,
                subject_text=owner.subject_text, scope=scope,
                time=None if owner.period else state_time(s)))  # "in 2023": the figure for a stated period
        return claims


def _scaled(x: float | None, factor: int) -> float | None:
    return None if x is None else x * factor


def _num(x: float | None) -> float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)
