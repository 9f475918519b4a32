"""Stage 5: subject resolution. Turns the words a claim used into a canonical key.

Keys that name something specific ("the Vientiane Department of Justice headquarters")
are global, so articles can be compared; keys made only of generic words ("the
Cooperation Agreement", "the bridge") are local to their article (`doc#key`), because
two articles' "the bridge" need not be the same bridge.
"""

from __future__ import annotations

import re

from checker.aliases import AliasTable
from checker.models import Claim

_SPECIFIC = re.compile(r"(?<![.!?]\s)\b[A-Z\u00C0-\u024F][\w'\u2019-]*")
_GENERIC_CAPITALS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "It", "They"})


class Resolver:
    def __init__(self, aliases: AliasTable, generic_words: frozenset[str]) -> None:
        self.aliases = aliases
        self.generic = generic_words | {w.lower() for w in _GENERIC_CAPITALS}

    def resolve(self, claims: list[Claim]) -> list[Claim]:
        return [_resolve(c, self) for c in claims]

    def is_specific(self, text: str) -> bool:
        """Names something particular: a known place or a capitalised word that is not a common noun."""
        if any(w.lower() not in self.generic for w in _SPECIFIC.findall(text)):
            return True
        return any(t in self.aliases.forms.values() for t in self.aliases.canonical_tokens(text))


def _resolve(claim: Claim, resolver: Resolver) -> Claim:
    aliases = resolver.aliases
    scope = {k: (aliases.key(v) or v.lower()) if k in ("of", "parties") else v for k, v in claim.scope.items()}
    if claim.kind == "role":
        org = claim.value.organisation
        subject = f"{claim.value.office} @ {org}" if org else None
    elif claim.kind == "count":
        basis = claim.subject_text or claim.scope.get("parties")
        subject = _subject_key(claim, basis, resolver)
    else:
        subject = _subject_key(claim, claim.subject_text, resolver)
    return claim.model_copy(update={"subject": subject, "scope": scope})


def _subject_key(claim: Claim, text: str | None, resolver: Resolver) -> str | None:
    if not text:
        return None
    key = resolver.aliases.key(text)
    if key is None:
        return None
    return key if resolver.is_specific(text) else f"{claim.document}#{key}"
