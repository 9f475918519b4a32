"""Text helpers shared by every stage: a same-length matching view, folding, plurals.

The matching view replaces typographic punctuation one character for one character,
so an offset found in the view is an offset into the original file.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lemminflect import getAllLemmas, getLemma


def _plain(letter: str) -> str | None:
    """The plain ASCII letter a marked Latin letter decomposes to ("ẩ" -> "a"), else None."""
    parts = unicodedata.normalize("NFKD", letter)
    return parts[0] if len(parts) > 1 and parts[0].isascii() and parts[0].isalpha() else None


_ONE_FOR_ONE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " ",
    "\u2009": " ", "\u202f": " ", "\u200b": " ", "\ufeff": " ",
    "\u0111": "d", "\u0110": "D",
    # a Latin letter with marks is its plain letter ("Cẩm Lạc" -> "Cam Lac"), so patterns
    # written for plain letters read Vietnamese and Lao names typed with or without them
    **{chr(c): _plain(chr(c)) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if _plain(chr(c))},
})


# A small number after a word that tells one thing from its siblings: "Component project 1",
# "berth No. 3", "Line 2" (not a figure: "1.5", "2,000", "10:30").
# (not a count after a possessive: "The wind farm's 14 turbines")
DESIGNATOR = re.compile(r"[A-Za-z.](?<!['\u2019]s)[ \t]+\d{1,2}\b(?![.,:]?\d)")


def match_view(text: str) -> str:
    """Same length as `text`, with quotes, dashes and odd spaces made plain."""
    return text.translate(_ONE_FOR_ONE)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, plain punctuation, diacritics removed: Hà Nội -> ha noi."""
    text = match_view(text).replace("đ", "d").replace("Đ", "D")
    if text.isascii():  # nothing to decompose: most text, folded at a fraction of the cost
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold_words(text: str) -> list[str]:
    """The runs of letters of a folded text, its words without punctuation or digits
    ("Viet Nam's rice-exports" -> viet, nam, s, rice, exports)."""
    return _LETTERS.findall(fold(text))


_LETTERS = re.compile(r"[a-z]+")


def verb_base(word: str) -> str:
    """A verb form's base ("began" -> "begin", "energised" -> "energise"), from lemminflect's
    bundled English lemma tables: irregular verbs and spelling rules alike, offline."""
    lemmas = getLemma(word.lower(), upos="VERB")
    return lemmas[0] if lemmas else word


@lru_cache(maxsize=8192)
def english_word(word: str) -> bool:
    """Whether lemminflect's bundled English tables know the word ("trade", "logistics"), which a
    name word of Vietnamese, Lao or Japanese ("Truong", "Kizuna") is not."""
    return bool(getAllLemmas(word.lower()))


def singular(word: str) -> str:
    """An English plural's singular by the regular rules ("bridges", "businesses",
    "facilities"); irregular plurals are data (rules/data/nouns.yaml)."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"  # "fishermen", "businessmen"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def counted(n: int, noun: str) -> str:
    """A count and its noun in the right number for people to read: "1 error", "2 errors"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


Spellings = tuple[tuple[re.Pattern[str], str], ...]


def compile_spellings(pairs: list[tuple[str, str]]) -> Spellings:
    return tuple((re.compile(pattern), to) for pattern, to in pairs)


def name_skeleton(name: str, spellings: Spellings) -> tuple[str, ...]:
    """A person name's words with romanisation variants evened out ("Xaysomphone" and
    "Saysomphone" give one skeleton), so two spellings of one person are one person."""
    words = []
    for word in fold(name).split():
        for pattern, to in spellings:
            word = pattern.sub(to, word)
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return tuple(words)


def alternation(words) -> str:
    """A regex alternation of data words, longest first (so "of which" wins over "of"), a
    space matching any run of blanks."""
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


def comment_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of the HTML comments (`<!-- ... -->`) in text[start:end], found with `find`
    (linear, no backtracking); an unclosed comment runs to `end`, as a browser reads it."""
    end = len(text) if end is None else end
    spans = []
    at = text.find("<!--", start, end)
    while at >= 0:
        close = text.find("-->", at + 4, end)
        stop = end if close < 0 else close + 3
        spans.append((at, stop))
        at = text.find("<!--", stop, end)
    return spans
