"""Numbers as written in news text: digits, number words, scale words, hedges.

A figure becomes an interval. Figures as written are exact ("2.5 ha", "0.9%"), except
those with a scale word of a million or more, which news uses as roundings: half a unit
of the last shown digit ("$75.8 million" = 75.75-75.85 million). A hedge word before a
figure widens it further ("about", "over", "nearly").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checker.lexicon import Lexicon
from checker.text import alternation, singular

# Groups of thousands with commas, with two or more dots ("1.250.000", where one dot would be a
# decimal point) or with spaces ("12 500", a non-breaking space in the file)
_FIGURE = r"(\d{1,3}(?:,\d{3}){1,6}|\d{1,3}(?:\.\d{3}){2,5}|\d{1,3}(?: \d{3}){1,5}(?![\d,.])|\d{1,15})(\.\d{1,6})?"
_NUMBER = _FIGURE + r"(?![\d/:]|[.,-]\d)"
_DIGITS = re.compile(r"(?:(?<![\w.,/:-])|(?<=[\s(]-))" + _NUMBER)  # "-2°C": a minus sign after a space
_GLUED_DIGITS = re.compile(r"(?<=[^\W\d_])" + _NUMBER)  # "VND42 billion": digits right after letters
_ROUNDED_SCALE = 1_000_000  # figures written with "million" or more are roundings
# "118-133", "1.2-1.5": two figures joined by a dash are one range (the single-figure pattern
# refuses a figure glued to a dash, so "14-03-2024" and "No. 5-7" stay out of both)
_DASHED = re.compile(r"(?<![\w.,/:-])" + _FIGURE + r"[ \t]?-[ \t]?" + _NUMBER)
_GLUED_DASHED = re.compile(r"(?<=[^\W\d_])" + _FIGURE + r"[ \t]?-[ \t]?" + _NUMBER)  # "VND30,000-35,000"
_YEAR = re.compile(r"(?:19|20)\d\d")
_FIGURE_AT = re.compile(_FIGURE)


_PARTICLE_REACH = 12  # characters before a hedge word within which a verb makes it its particle


@dataclass(frozen=True)
class Number:
    """A figure found in text: [start, end) covers hedge, digits/words and scale."""

    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    is_integer: bool
    written: str  # the number itself, without hedge
    hedge: str | None
    number_start: int  # where the digits/words start (after the hedge)


class NumberFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        nums = lexicon.numbers
        self.units = dict(nums.units)
        self.tens = dict(nums.tens)
        self.scales = dict(nums.scales)
        self.money_scales = dict(nums.money_scales)
        self.hedges = dict(lexicon.hedges.hedges)
        self.word_scales = {k: v for k, v in self.scales.items() if v >= 100}
        self.joiners = frozenset(nums.number_joiners)
        self.articles = frozenset(nums.number_articles)
        self.fractions = {k.lower(): v for k, v in nums.number_fractions.items()}
        self.and_fractions = {k.lower(): v for k, v in nums.number_and_fractions.items()}
        word = alternation(list(self.units) + list(self.tens) + list(self.word_scales))
        big = alternation(list(self.word_scales) + ["dozen"])
        articles = alternation(self.articles)
        lead = (rf"(?:(?:{alternation(self.fractions)})[ \t]+)?(?:{articles})[ \t]+(?=(?:{big})\b)")
        joiners = alternation(self.joiners)
        # "three and a half", "two and a half million": a fraction after the whole number
        and_fraction = rf"(?:[ \t]+(?:{joiners})[ \t]+(?:{alternation(self.and_fractions)})(?:[ \t]+(?:{big})(?![\w-]))?)?"
        # "two hundred and fifty", "twenty-five", "a million", "half a dozen"; "half a percentage
        # point": a fraction of one of what follows
        self.word_number = re.compile(rf"(?<![\w-])(?:(?:{lead})?(?:{word})(?:(?:[ \t]+(?:{joiners}))?[ \t-]+(?:{word})){{0,8}}"
                                      rf"{and_fraction}|(?:{alternation(self.fractions)})[ \t]+(?:{articles})(?=[ \t]+[a-z]))(?!\w)",
                                      re.IGNORECASE)
        self.fraction_lead = re.compile(rf"(?:{alternation(self.fractions)})(?=[ \t]+(?:{articles})\b)", re.IGNORECASE)
        # "a quarter of a million" is a number, not a share
        self.of_a_scale = rf"(?![ \t]+of[ \t]+(?:{articles})[ \t]+(?:{big})\b)"
        self.vague = {k.lower(): v for k, v in nums.vague_plurals.items()}
        self.vague_re = re.compile(rf"(?<![\w-])(?:{alternation(self.vague)})(?=[ \t]+\w)", re.IGNORECASE)
        scales = sorted(self.scales, key=len, reverse=True)
        self.scale = re.compile(r"[ \t-]?(?:" + "|".join(scales) + r")\b", re.IGNORECASE)  # "US$100-million"
        hedges = sorted(self.hedges, key=len, reverse=True)
        self.hedge_before = re.compile(r"\b(" + "|".join(re.escape(h) for h in hedges) + r")[ \t]+$", re.IGNORECASE)
        # "handed over 4 billion kip": a verb's particle, no hedge
        self.particle_hedges = frozenset(h.lower() for h in lexicon.hedges.particle_hedges)
        self.particle_before = re.compile(r"\b(?:" + alternation(lexicon.hedges.particle_verbs) + r")[ \t]+$", re.IGNORECASE)
        per = sorted(lexicon.units.per, key=len, reverse=True)
        per_what = sorted(lexicon.units.denominators, key=len, reverse=True)
        self.denominator_forms = {k.lower(): v for k, v in lexicon.units.denominator_forms.items()}
        self.rate = re.compile(r"[ \t]*(?:" + "|".join(re.escape(p) for p in per) + r")[ \t]*("
                               + "|".join(re.escape(d) for d in per_what) + r")(?!\w)", re.IGNORECASE)
        units = lexicon.units
        self.mass_words = {k.lower(): v for k, v in units.currency_or_mass.items()}
        self.mass_word = re.compile(rf"[ \t]+({alternation(self.mass_words)})\b", re.IGNORECASE)
        self.weight_before = re.compile(rf"\b(?:{alternation(units.weight_words)})(?:[ \t]+(?:{alternation(units.weight_links)})){{0,2}}[ \t]+$",
                                        re.IGNORECASE)
        self.between = re.compile(r"\b(?:" + alternation(nums.range_between) + r")[ \t]+$", re.IGNORECASE)
        repeats = alternation(nums.range_repeats)
        self.repeat = re.compile(rf"[ \t]?({repeats})(?!\w)", re.IGNORECASE)
        # "6%-6.5%": the second figure is glued to the dash, which the single-figure pattern refuses
        self.signed_dashed = re.compile(rf"(?<![\w.,/:-]){_FIGURE}[ \t]?({repeats})[ \t]?-[ \t]?{_NUMBER}(?=[ \t]?\3(?!\w))",
                                        re.IGNORECASE)
        self.change_from = re.compile(r"\b(?:" + alternation(nums.change_words) + r")[ \t]+(?:[\w'-]+[ \t]+){0,4}from[ \t]+$",
                                      re.IGNORECASE)
        self.difference = re.compile(r"[ \t]+(?:" + alternation(nums.difference_after) + r")\b", re.IGNORECASE)
        self.share_fractions = {k.lower(): v for k, v in nums.share_fractions.items()}
        # "a quarter of", "one-third of", "1/3 of": a fraction is a share only of something
        self.share_re = re.compile(rf"(?<![\w/-])(?:(?P<w>{alternation(self.share_fractions)})|(?P<n>[1-9])/(?P<d>[2-9]|10))"
                                   rf"(?=[ \t]+of\b){self.of_a_scale}", re.IGNORECASE)
        small = rf"(?:\d{{1,3}}|{alternation(k for k in self.units if ' ' not in k)})"
        self.one_in = re.compile(rf"(?<![\w/-])(?P<a>{small})[ \t]+(?:{alternation(nums.share_joiners)})[ \t]+(?P<b>{small})(?![\w%-])",
                                 re.IGNORECASE)  # "one in five residents", "nine out of 10"
        self.whole_after = re.compile(rf"\b(?:{alternation(nums.share_whole_joiners)})[ \t]+$", re.IGNORECASE)
        self.rate_bases = frozenset(nums.share_rate_bases)
        self.count_scales = {k.lower(): v for k, v in nums.count_scales.items()}
        self.irregular = dict(lexicon.nouns.irregular)  # "2.5m people"
        self.count_scale_re = re.compile(rf"((?i:{alternation(self.count_scales)}))[ \t]+(?!(?:{alternation(nums.count_scale_not_before)})\b)"
                                         r"((?:[a-z][a-z'-]*[ \t]+){0,2}[a-z][a-z'-]*)\b")
        self.date_part = re.compile(rf"\b(?:{alternation(nums.share_fractions_not_after)})[ \t]+$", re.IGNORECASE)
        self.currency_prefixes = dict(lexicon.currencies.prefix)
        self._last: dict[tuple, tuple[Number, ...]] = {}
        prefixes = sorted(self.currency_prefixes, key=len, reverse=True)
        self.prefix_before = re.compile(r"(?:^|(?<=[\s(]))(" + "|".join(re.escape(p) for p in prefixes) + r")[ \t]?$")
        self.scaled_prefixes = dict(lexicon.currencies.prefix_with_scale)
        self.scaled_prefix_before = re.compile(r"(?:^|(?<=[\s(]))(" + alternation(self.scaled_prefixes) + r")$")

    def find(self, view: str, start: int, end: int) -> list[Number]:
        """Every figure in view[start:end], left to right, without overlaps. Every extractor
        asks for the same sentence in turn, so the last sentence's figures are kept."""
        return self._once("find", view, start, end, self._find)

    def _once(self, what: str, view: str, start: int, end: int, read) -> list[Number]:
        """The last sentence's reading by `read`, kept: every extractor reads each sentence in turn."""
        key = (what, start, end, view[max(0, start - 1):end + 1])
        if key not in self._last:
            self._last = {k: v for k, v in self._last.items() if k[0] != what}
            self._last[key] = tuple(read(view, start, end))
        return list(self._last[key])

    def _find(self, view: str, start: int, end: int) -> list[Number]:
        found: list[Number] = []
        for m in _DIGITS.finditer(view, start, end):
            frac = m.group(2) or ""
            found.append(self._finish(view, m.start(), m.end(), _decimal(m.group(1), frac), bool(frac),
                                      len(frac) - 1 if frac else 0, start, end))
        for m in _GLUED_DIGITS.finditer(view, start, end):
            if self.currency_before(view, max(start, m.start() - 6), m.start()):  # not "COVID19" or "H1"
                frac = m.group(2) or ""
                found.append(self._finish(view, m.start(), m.end(), _decimal(m.group(1), frac), bool(frac),
                                          len(frac) - 1 if frac else 0, start, end))
        for m in self.word_number.finditer(view, start, end):
            read = self._words_value(m.group())
            if read is None:
                continue
            value, used = read  # words are exact: "two hundred and fifty" is 250
            decimals = -Decimal(str(value)).normalize().as_tuple().exponent
            found.append(self._finish(view, m.start(), m.start() + used, Decimal(str(value)), decimals > 0,
                                      max(decimals, 0), start, end))
        for m in self.vague_re.finditer(view, start, end):  # "dozens of households": at least 24
            least = self.vague[re.sub(r"[ \t]+", " ", m.group().lower())]
            found.append(Number(start=m.start(), end=m.end(), value=float(least), low=least, high=None, is_integer=True,
                                written=m.group(), hedge=None, number_start=m.start()))
        dashed = [m for m in _GLUED_DASHED.finditer(view, start, end)
                  if self.currency_before(view, max(start, m.start() - 6), m.start())]
        for m in list(_DASHED.finditer(view, start, end)) + dashed:
            if _YEAR.fullmatch(m.group(1)) and _YEAR.fullmatch(m.group(3)):
                continue  # "2021-2030" is a period of years
            found.append(self._dashed(view, m, 3, start, end))
        for m in self.signed_dashed.finditer(view, start, end):
            found.append(self._dashed(view, m, 4, start, end))
        found.sort(key=lambda n: (n.number_start, -n.end))
        out: list[Number] = []
        for n in found:
            if out and n.number_start < out[-1].end:
                continue
            out.append(n)
        return self._joined(view, out, start)

    def _dashed(self, view: str, m: re.Match, b_group: int, start: int, end: int) -> Number:
        """The range of a dashed match: the low figure in groups 1-2, the high one from `b_group`."""
        b_whole, b_frac = m.group(b_group), m.group(b_group + 1)
        a = self._finish(view, m.start(1), m.end(2) if m.group(2) else m.end(1), _decimal(m.group(1), m.group(2)),
                         bool(m.group(2)), len(m.group(2)) - 1 if m.group(2) else 0, start, end)
        b = self._finish(view, m.start(b_group), m.end(), _decimal(b_whole, b_frac), bool(b_frac),
                         len(b_frac) - 1 if b_frac else 0, start, end)
        return _range(a, b, view)

    def _range_word(self, view: str, a: Number, b: Number, lo: int) -> str:
        """The words between two figures, less a sign or currency both figures repeat: "4.7
        percent to 5.2 percent" and "VND30 million to VND40 million" are joined by "to"."""
        pos, stop = a.end, b.number_start
        sign = self.repeat.match(view, pos, stop)
        if sign:
            again = self.repeat.match(view, b.end)
            if again is None or again.group(1).lower() != sign.group(1).lower():
                return view[pos:stop]
            pos = sign.end()
        before_b = self.currency_before(view, max(pos, stop - 6), stop)
        if before_b:
            before_a = self.currency_before(view, max(lo, a.number_start - 6), a.number_start)
            if before_a is None or before_a[0] != before_b[0]:
                return view[pos:stop]
            stop = before_b[1]
        return view[pos:stop]

    def _joined(self, view: str, numbers: list[Number], lo: int) -> list[Number]:
        """Figures joined into ranges by words: "between 20 and 25", "20 to 25 households";
        "rose from 20 to 25" is a change, not a range, and stays two figures."""
        out: list[Number] = []
        i = 0
        while i < len(numbers):
            a = numbers[i]
            b = numbers[i + 1] if i + 1 < len(numbers) else None
            if b is not None and a.hedge is None and b.hedge is None:
                gap = self._range_word(view, a, b, lo).lower()
                lead = self.currency_before(view, max(lo, a.start - 6), a.start) if a.hedge is None else None
                at = lead[1] if lead else a.start  # "between US$5 and US$7": the words before the currency
                before = view[max(lo, at - 12):at].lower()
                if (gap.strip() == "and" and self.between.search(before)
                        or gap.strip() == "to" and not self.change_from.search(view, max(lo, a.start - 40), a.start)):
                    joined = _range(a, b, view)
                    if joined.low is not None and joined.high is not None and joined.low < joined.high:
                        out.append(joined)
                        i += 2
                        continue
            out.append(a)
            i += 1
        return out

    def shares(self, view: str, start: int, end: int) -> list[Number]:
        """Fractions written as words or "1/3" before "of", as percentages: "a quarter of the
        fields" is 25%, "one-third" 33.3-33.4% (the fraction to the nearest tenth, both ways),
        and "one in five"."""
        return self._once("shares", view, start, end, self._shares)

    def _shares(self, view: str, start: int, end: int) -> list[Number]:
        out = []
        for m in self.share_re.finditer(view, start, end):
            if self.date_part.search(view, max(start, m.start() - 10), m.start()):
                continue  # "the first half of the year" is a date
            if m.group("w"):
                fraction = self.share_fractions[re.sub(r"[ \t]+", " ", m.group("w").lower())]
            else:
                fraction = int(m.group("n")) / int(m.group("d"))
                if fraction >= 1:
                    continue
            value = Decimal(str(round(fraction * 100, 6)))
            low, high = value.quantize(Decimal("0.1"), "ROUND_FLOOR"), value.quantize(Decimal("0.1"), "ROUND_CEILING")
            s, hedge = m.start(), None
            hm = self.hedge_at(view, max(start, s - 24), s)
            if hm:
                hedge, s = hm
                low, high = self.widen(value, (high - low) / 2, hedge)
            out.append(Number(start=s, end=m.end(), value=float(value), low=_f(low), high=_f(high), is_integer=False,
                              written=m.group(), hedge=hedge, number_start=m.start()))
        for m in self.one_in.finditer(view, start, end):
            a, b = (self.units.get(x.lower()) if not x.isdigit() else int(x) for x in (m.group("a"), m.group("b")))
            if not a or not b or a >= b:
                continue
            value = Decimal(str(round(100 * a / b, 6)))
            low, high = value.quantize(Decimal("0.1"), "ROUND_FLOOR"), value.quantize(Decimal("0.1"), "ROUND_CEILING")
            out.append(Number(start=m.start(), end=m.end(), value=float(value), low=_f(low), high=_f(high),
                              is_integer=False, written=m.group(), hedge=None, number_start=m.start()))
        return sorted(out, key=lambda n: n.start)

    def currency_before(self, view: str, lo: int, pos: int) -> tuple[str, int] | None:
        """A currency symbol or code written right before a figure, spaced or glued
        ("US$ 5", "VND42", "€3"): (ISO code, where it starts)."""
        m = self.prefix_before.search(view, lo, pos)
        if m:
            return self.currency_prefixes[m.group(1)], m.start(1)
        m = self.scaled_prefix_before.search(view, lo, pos)
        figure = _FIGURE_AT.match(view, pos) if m else None
        scale = self.scale.match(view, figure.end()) if figure else None
        if scale and self.scales[scale.group().strip(" \t-").lower()] >= _ROUNDED_SCALE:
            return self.scaled_prefixes[m.group(1)], m.start(1)  # "P845-million"
        return None

    def mass_after(self, view: str, n: Number, lo: int, end: int) -> tuple[str, int] | None:
        """A word of a currency and a mass that is a mass here, for the weight word right before
        the figure ("weighed 330 pounds"): (pint unit, end)."""
        m = self.mass_word.match(view, n.end, end)
        if m is None or self.weight_before.search(view, max(lo, n.start - 40), n.start) is None:
            return None
        return self.mass_words[m.group(1).lower()], m.end()

    def rate_after(self, view: str, pos: int, end: int) -> str | None:
        """What a figure is counted per, when a rate follows it ("per month", "a tonne")."""
        m = self.rate.match(view, pos, end)
        return self.denominator_forms.get(m.group(1).lower(), m.group(1).lower()) if m else None

    def is_difference(self, view: str, pos: int, end: int) -> bool:
        """The figure ending at `pos` (with its rate) is a difference: "5,000 VND per kg more"."""
        return self.difference.match(view, pos, end) is not None

    def count_scale(self, view: str, n: Number, end: int) -> tuple[int, int] | None:
        """An abbreviated scale glued to a figure of digits with a plural noun after it ("5k
        runners", "3.5m paying subscribers"): (factor, end of the scale); "a 5m wall" is a size."""
        if not n.written.replace(",", "").replace(".", "").isdigit():
            return None
        m = self.count_scale_re.match(view, n.end, end)
        if m is None or all(singular(w) == w and w not in self.irregular for w in m.group(2).split()):
            return None
        return self.count_scales[m.group(1).lower()], m.end(1)

    def whole_of_share(self, view: str, n: Number, lo: int) -> bool:
        """The figure is the whole of "27 out of 40 stations", a count of its own, not a rate's base."""
        return self.whole_after.search(view, max(lo, n.start - 12), n.start) is not None \
            and n.value not in self.rate_bases and n.hedge is None

    def abbreviated(self, n: Number, factor: int) -> tuple[float, float | None, float | None]:
        """(value, low, high) of a figure with an abbreviated scale ("$5m", "5k runners"): a
        rounding of half a unit of its last digit, unless a hedge says more."""
        value = n.value * factor
        if n.hedge is not None:
            return value, None if n.low is None else n.low * factor, None if n.high is None else n.high * factor
        decimals = len(n.written.split(".")[1]) if "." in n.written else 0
        half = 0.5 * 10 ** -decimals * factor
        return value, value - half, value + half

    def money_scale(self, view: str, pos: int) -> tuple[int, int] | None:
        """An abbreviated scale glued to a money figure ("$5m", "$1.2bn"): (factor, end)."""
        m = re.match(r"[ \t]?([A-Za-z]{1,4})\b", view[pos:pos + 6])  # "VND3.5tril": four letters
        if m and m.group(1).lower() in self.money_scales:
            return self.money_scales[m.group(1).lower()], pos + m.end()
        return None

    def _words_value(self, text: str) -> tuple[float, int] | None:
        """(value, characters used) of number words: "two hundred and fifty" is 250, "half a
        million" 500,000, "a quarter of a million" 250,000, "three and a half" 3.5, "half a"
        (before a unit) 0.5. Reading stops where the words stop making one number ("three
        five-star hotels" is three), so nothing after them is lost."""
        total, current, last, used = 0.0, 0.0, None, 0
        fraction = 1.0
        rounded: tuple[float, int] | None = None
        lead = self.fraction_lead.match(text)
        skip = lead.end() if lead else 0
        words = [(m.group().lower(), m.end()) for m in re.finditer(r"[A-Za-z]+", text) if m.start() >= skip]
        i = 0
        if lead and words and words[0][0] in self.articles:
            fraction = self.fractions[re.sub(r"[ \t]+", " ", lead.group().lower())]
            current, last, used, i = 1.0, "article", words[0][1], 1
        elif words and words[0][0] in self.articles and len(words) > 1 and \
                (words[1][0] in self.word_scales or words[1][0] == "dozen"):
            current, last, i = 1.0, "article", 1
        while i < len(words):
            word, end = words[i]
            i += 1
            if word in self.joiners:
                added = self._and_fraction(words, i) if last in ("unit", "tens") else None
                if added is not None:  # "three and a half"
                    part, i = added
                    current, last, end = current + part, "fraction", words[i - 1][1]
                elif last not in ("hundred", "scale"):
                    break
                else:
                    continue
            elif word == "dozen":
                if last not in ("unit", "article"):
                    break
                current, last = current * 12, "scale"
            elif last == "fraction" and word not in self.word_scales:
                break
            elif word in self.units and word != "a dozen":
                if last in ("unit", "article") or last == "tens" and self.units[word] >= 10:
                    break
                current, last = current + self.units[word], "unit"
            elif word in self.tens:
                if last in ("unit", "tens", "article"):
                    break
                current, last = current + self.tens[word], "tens"
            elif word in self.word_scales and self.word_scales[word] == 100:
                if last not in ("unit", "tens", "article"):
                    break
                current, last = current * 100, "hundred"
            elif word in self.word_scales:
                if last is None or last == "scale" and current == 0:
                    break
                if self.word_scales[word] >= _ROUNDED_SCALE and total == 0 and last != "article" and fraction == 1.0:
                    # "three million": the figure before a million is rounded like "3 million";
                    # the scale is left to _finish, which widens it so
                    rounded = (current, used)
                total, current, last = total + current * self.word_scales[word], 0.0, "scale"
            else:
                break
            used = end
        if not used or last == "article" and fraction == 1.0:
            return None  # "a" alone; but "half a" before a unit is half of one
        if rounded is not None and last == "scale" and current == 0:
            value, used = rounded
            return (int(value) if value.is_integer() else value), used
        value = (total + current) * fraction
        return (int(value) if value.is_integer() else value), used

    def _and_fraction(self, words: list[tuple[str, int]], i: int) -> tuple[float, int] | None:
        """The fraction after "and" at words[i:] ("a half", "three quarters"): (value, index after it)."""
        for n in (2, 1):
            phrase = " ".join(w for w, _ in words[i:i + n])
            if len(words) >= i + n and phrase in self.and_fractions:
                return self.and_fractions[phrase], i + n
        return None

    def _finish(self, view: str, s: int, e: int, value: Decimal, has_frac: bool, decimals: int,
                lo_bound: int, hi_bound: int) -> Number:
        number_start = s
        scale = 1
        rounding = Decimal(0)
        sm = self.scale.match(view, e, hi_bound)
        while sm:
            factor = self.scales[sm.group().strip(" \t-").lower()]
            scale *= factor
            e = sm.end()
            sm = self.scale.match(view, e, hi_bound)
        if scale >= _ROUNDED_SCALE:
            # "$75.8 million" is a rounded figure: half a unit of its last shown digit.
            rounding = Decimal(5) * Decimal(10) ** (-(decimals + 1)) if has_frac else Decimal("0.5")
        value_scaled = value * scale
        half = rounding * scale
        low, high = value_scaled - half, value_scaled + half
        hedge = None
        hm = self.hedge_at(view, max(lo_bound, s - 24), s)
        if hm:
            hedge, s = hm
            low, high = self.widen(value_scaled, half, hedge)
        return Number(start=s, end=e, value=float(value_scaled), low=_f(low), high=_f(high),
                      is_integer=not has_frac and scale == 1, written=view[number_start:e], hedge=hedge,
                      number_start=number_start)

    def hedge_at(self, view: str, lo: int, pos: int) -> tuple[str, int] | None:
        """A hedge word ending right before `pos`: (hedge, where it starts)."""
        hm = self.hedge_before.search(view, lo, pos)
        if hm and hm.group(1).lower() in self.particle_hedges \
                and self.particle_before.search(view, max(0, hm.start() - _PARTICLE_REACH), hm.start()):
            return None
        return (hm.group(1).lower(), hm.start()) if hm else None

    def widen(self, value: Decimal | float, half: Decimal | float,
              hedge: str) -> tuple[Decimal | None, Decimal | None]:
        """The interval a hedge allows around a figure: "nearly 500" is at most 500, "about 500"
        450-550; a hedge wider than the figure's rounding replaces it."""
        value, half = Decimal(str(value)), Decimal(str(half))
        rule = self.hedges[hedge]
        low = value * Decimal(str(rule.low)) if rule.low is not None else None
        high = value * Decimal(str(rule.high)) if rule.high is not None else None
        if low is not None and rule.low < 1.0:
            low = min(low, value - half)
        if high is not None and rule.high > 1.0:
            high = max(high, value + half)
        return low, high


def _decimal(whole: str, frac: str | None) -> Decimal:
    """The figure's value, its group separators (commas, dots of "1.250.000", spaces) dropped."""
    return Decimal(re.sub(r"[, ]", "", whole).replace(".", "") + (frac or ""))


def _scale(n: Number) -> float:
    """What a figure's words multiplied its digits by ("1.5 million": a million)."""
    digits = re.match(r"\d[\d,]*(?:\.\d+)?", n.written)
    if not digits or not n.value:
        return 1.0
    return n.value / float(digits.group().replace(",", ""))


def _range(a: Number, b: Number, view: str) -> Number:
    """One figure from a low and a high; the low takes the high's scale when it has none of its
    own ("1.2-1.5 million", "between 2 and 3 billion")."""
    factor = _scale(b) if _scale(a) == 1.0 else 1.0
    low = None if a.low is None else _f(Decimal(str(a.low)) * Decimal(str(factor)))
    return Number(start=a.start, end=b.end, value=b.value, low=low, high=b.high,
                  is_integer=a.is_integer and b.is_integer, written=view[a.number_start:b.end],
                  hedge=a.hedge, number_start=a.number_start)


def _f(value: Decimal | None) -> float | None:
    if value is None:
        return None
    f = float(value)
    return int(f) if f.is_integer() else round(f, 10)
