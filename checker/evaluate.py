"""Accuracy against a labelled corpus: conflicts found, missed and false, traps hit, and
how well claims were extracted. Each cluster (a folder of articles) is checked on its own.

A reported conflict matches a gold item when, for every evidence item, one of the
conflict's claims lies in that document and its [start, end) overlaps the quote.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from checker.aliases import person_key
from checker.documents import read_corpus
from checker.engine import Published, why_apart
from checker.engine.loader import Rule
from checker.models import Claim, Conflict, Kind
from checker.pipeline import Toolkit
from checker.text import fold
from checker.values import render
from checker.yamlio import ConfigError, read_yaml, validate

Strict = ConfigDict(extra="forbid", frozen=True)


class Evidence(BaseModel):
    model_config = Strict
    doc: str
    quote: str


class GoldItem(BaseModel):
    model_config = Strict
    id: str
    kind: Kind
    description: str = ""
    evidence: list[Evidence] = Field(min_length=1)


class GoldClaim(BaseModel):
    model_config = Strict
    doc: str
    quote: str
    kind: Kind
    value: dict


class Cluster(BaseModel):
    model_config = Strict
    name: str
    conflicts: list[GoldItem] = Field(default_factory=list)
    traps: list[GoldItem] = Field(default_factory=list)
    claims: list[GoldClaim] = Field(default_factory=list)


class Gold(BaseModel):
    model_config = Strict
    clusters: list[Cluster]


Span = tuple[str, int, int]  # document, start, end


@dataclass
class Located:
    item: GoldItem
    spans: list[Span]


@dataclass
class ClusterResult:
    name: str
    matched: list[tuple[Conflict, str]] = field(default_factory=list)  # (reported, gold id)
    false_alarms: list[Conflict] = field(default_factory=list)
    missed: list[GoldItem] = field(default_factory=list)
    diagnoses: dict[str, "Diagnosis"] = field(default_factory=dict)  # gold id of a miss -> where it broke
    found: list[GoldItem] = field(default_factory=list)
    traps_hit: list[tuple[GoldItem, Conflict]] = field(default_factory=list)
    claims: dict[str, Claim] = field(default_factory=dict)
    claim_rows: list[dict] = field(default_factory=list)
    extracted_in_labelled: list[Claim] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    traps_total: int = 0
    gold_claim_spans: list[tuple[str, str, int, int]] = field(default_factory=list)  # kind, doc, start, end


def load_gold(path: Path, corpus: Path) -> tuple[Gold, dict[str, dict[str, list[Span]]]]:
    """Read and check a gold file: every quote must be found exactly once in its article."""
    data, node = read_yaml(path)
    gold = validate(path, data, node, Gold)
    located: dict[str, dict[str, list[Span]]] = {}
    for cluster in gold.clusters:
        folder = corpus / cluster.name
        if not folder.is_dir():
            raise ConfigError(path, f"cluster '{cluster.name}': folder {folder} not found")
        texts = {d.id: d.text for d in read_corpus([folder]).documents}
        spans: dict[str, list[Span]] = {}
        items = [(i.id, i.evidence) for i in cluster.conflicts + cluster.traps]
        items += [(f"claim:{c.doc}:{c.quote}", [Evidence(doc=c.doc, quote=c.quote)]) for c in cluster.claims]
        for item_id, evidence in items:
            spans[item_id] = [_locate(path, cluster.name, item_id, texts, e) for e in evidence]
        located[cluster.name] = spans
    return gold, located


def _locate(path: Path, cluster: str, item_id: str, texts: dict[str, str], e: Evidence) -> Span:
    where = f"cluster '{cluster}', id '{item_id}'"
    if e.doc not in texts:
        raise ConfigError(path, f"{where}: no article '{e.doc}'")
    text = texts[e.doc]
    first = text.find(e.quote)
    if first < 0:
        raise ConfigError(path, f"{where}: quote not found in {e.doc}: {e.quote!r}")
    if text.find(e.quote, first + 1) >= 0:
        raise ConfigError(path, f"{where}: quote found more than once in {e.doc}: {e.quote!r}")
    return (e.doc, first, first + len(e.quote))


def evaluate(gold: Gold, located: dict[str, dict[str, list[Span]]], corpus: Path, toolkit: Toolkit) -> list[ClusterResult]:
    results = []
    offices = {fold(form): canon for canon, title in toolkit.lexicon.offices.titles.items() for form in title.forms}
    for cluster in gold.clusters:
        corpus_docs = read_corpus([corpus / cluster.name])
        texts = {d.id: d.text for d in corpus_docs.documents}
        docs, claims, conflicts, errors = toolkit.check(corpus_docs.documents)
        result = ClusterResult(cluster.name, claims={c.id: c for c in claims}, traps_total=len(cluster.traps))
        result.errors = [e.render() for e in corpus_docs.errors + errors]
        spans = located[cluster.name]
        gold_hit: set[str] = set()
        for conflict in conflicts:
            hit = next((g.id for g in cluster.conflicts if _matches(conflict, spans[g.id], result.claims, texts)), None)
            if hit:
                result.matched.append((conflict, hit))
                gold_hit.add(hit)
            else:
                result.false_alarms.append(conflict)
            for trap in cluster.traps:
                # a trap is two mentions of one kind that do not conflict; a conflict of another
                # kind whose evidence spans them ("July 10, Lao Minister ... and Thai Deputy
                # Minister ... inspected" against its article's date) is not that pair
                if conflict_kind(conflict, result.claims) == trap.kind and _matches(conflict, spans[trap.id], result.claims):
                    result.traps_hit.append((trap, conflict))
        result.found = [g for g in cluster.conflicts if g.id in gold_hit]
        result.missed = [g for g in cluster.conflicts if g.id not in gold_hit]
        result.diagnoses = {g.id: diagnose(g, spans[g.id], claims, toolkit.rules, {d.id: d.published_range for d in docs}) for g in result.missed}
        _score_claims(cluster, spans, claims, result, offices)
        results.append(result)
    return results


def _matches(conflict: Conflict, evidence: list[Span], claims: dict[str, Claim],
             texts: dict[str, str] | None = None) -> bool:
    """Every quote is a side of the conflict; a quote of an article's date line only supports
    the side it dates ("on Tuesday" in an article of Wednesday 11 October), so a conflict
    between the event sides matches without it."""
    sides = [claims[cid] for cid in conflict.claims]
    needed = [span for span in evidence if not _date_line(span, claims)]
    if len(needed) < 2:
        needed = evidence
    return all(any(c.document == doc and c.start < end and start < c.end for c in sides)
               or _same_day_line((doc, start, end), sides, claims, texts or {}) for doc, start, end in needed)


def _same_day_line(span: Span, sides: list[Claim], claims: dict[str, Claim], texts: dict[str, str]) -> bool:
    """The quote is another line stating the day of an article whose publication date is a side
    of the conflict: an article may give its day twice ("March 23, 2025 - 08:15" and "date
    2025-03-23 NGHỆ AN") and a label quote either. Only a quote no claim overlaps, holding the
    day's year and its day of the month as numbers of their own."""
    doc, start, end = span
    day = next((c.value.start for c in sides if c.document == doc and c.attribute == "published"
                and c.value.start is not None and c.value.start == c.value.end), None)
    if day is None or doc not in texts or any(c.document == doc and c.start < end and start < c.end
                                              for c in claims.values()):
        return False
    numbers = {int(n) for n in re.findall(r"\d+", texts[doc][start:end])}
    return day.year in numbers and day.day in numbers


def _date_line(span: Span, claims: dict[str, Claim]) -> bool:
    """The quote is an article's date line: the claims it overlaps are publication dates only."""
    doc, start, end = span
    over = [c for c in claims.values() if c.document == doc and c.start < end and start < c.end]
    return bool(over) and all(c.attribute == "published" for c in over)


def _score_claims(cluster: Cluster, spans: dict[str, list[Span]], claims: list[Claim], result: ClusterResult,
                  offices: dict[str, str]) -> None:
    labelled = {g.doc for g in cluster.claims}
    result.extracted_in_labelled = [c for c in claims if c.document in labelled and c.attribute != "published"]
    for g in cluster.claims:
        doc, start, end = spans[f"claim:{g.doc}:{g.quote}"][0]
        result.gold_claim_spans.append((g.kind, doc, start, end))
        found = [c for c in claims if c.document == doc and c.kind == g.kind and c.start < end and start < c.end]
        best = next((c for c in found if values_equal(g.kind, g.value, c.value.model_dump(mode="json"), offices)), None)
        chosen = best or (found[0] if found else None)
        result.claim_rows.append({
            "doc": g.doc, "quote": g.quote, "kind": g.kind, "gold": g.value,
            "found": chosen.value.model_dump(mode="json") if chosen else None,
            "text": chosen.text if chosen else None, "value_ok": best is not None,
        })


def values_equal(kind: str, gold: dict, got: dict, offices: dict[str, str] | None = None) -> bool:
    """Gold and extracted values agree: numbers within 0.5% (or 1e-9); for roles the person
    and the office, read through the office table ("Vice Chairman" is "vice chair")."""
    if kind == "role":
        office = fold(str(gold.get("office", ""))).strip()
        office = (offices or {}).get(office, office)
        return person_key(str(gold.get("person", ""))) == got.get("person") and office == got.get("office")
    for key, want in gold.items():
        have = got.get(key)
        if isinstance(want, (int, float)) and isinstance(have, (int, float)):
            if not math.isclose(float(want), float(have), rel_tol=5e-3, abs_tol=1e-9):
                return False
        elif str(want) != str(have):
            return False
    return True


# --- why a conflict was missed ------------------------------------------------------

# The steps a pair of claims passes on its way to a conflict, in pipeline order. A miss is
# filed under the furthest step any pair of its evidence claims reached, so a batch's misses
# can be counted by mechanism: values never read, subjects not linked, rules that do not
# compare the pair, or values the check found compatible.
STAGES = ("no value", "value of another kind", "not selected", "no subject", "different subject",
          "different indicator", "different scope", "different time", "vetoed", "compare mode", "values agree")
_INDICATOR_PARTS = ("attribute", "noun", "unit", "currency", "person", "document")


@dataclass(frozen=True)
class Diagnosis:
    stage: str
    detail: str
    claims: tuple[Claim, ...] = ()


def diagnose(item: GoldItem, evidence: list[Span], claims: list[Claim], rules: list[Rule],
             published: Published) -> Diagnosis:
    """The first stage where a missed gold conflict breaks, for its best pair of claims."""
    sides = [[c for c in claims if c.document == doc and c.start < end and start < c.end] for doc, start, end in evidence]
    typed = [[c for c in side if c.kind == item.kind] for side in sides]
    for (doc, _, _), side, kinds in zip(evidence, sides, typed):
        if not kinds:
            other = sorted({c.kind for c in side})
            if other:
                return Diagnosis("value of another kind", f"{doc}: read as {', '.join(other)}", tuple(side))
            return Diagnosis("no value", f"{doc}: no claim overlaps the quote")
    # A quote of an article's date line ("21 Jun 2024 (KPL)") supports the other sides, which
    # say what happened when: the pairs to explain are those of the event claims.
    events = [[c for c in t if c.attribute != "published"] for t in typed]
    events = [t for t in events if t]
    if len(events) >= 2:
        typed = events
    worst: Diagnosis | None = None
    for i in range(len(typed)):
        for j in range(i + 1, len(typed)):
            best = max((_pair_stage(a, b, rules, item.kind, published) for a in typed[i] for b in typed[j]),
                       key=lambda d: STAGES.index(d.stage))
            if worst is None or STAGES.index(best.stage) < STAGES.index(worst.stage):
                worst = best
    assert worst is not None  # a gold conflict has two or more evidence items
    return worst


def _pair_stage(a: Claim, b: Claim, rules: list[Rule], kind: str, published: Published) -> Diagnosis:
    best = Diagnosis("not selected", "no rule selects this kind", (a, b))
    for rule in rules:
        if kind not in rule.select.kinds:
            continue
        why = why_apart(rule, a, b, published)
        if why is None:
            stage, detail = "values agree", f"{rule.id} compares {render(a.value)} and {render(b.value)} and finds no clash"
        else:
            step, detail = why
            if step in ("different sentence", "different document"):
                continue  # a rule about one sentence (one article) says nothing of two sentences' (articles') claims
            name = step.split(" ", 1)[-1]
            stage = (step if step in STAGES else "different indicator" if name in _INDICATOR_PARTS
                     else "no subject" if step.startswith("no ") else step)
            detail = f"{rule.id}: {step}" + (f": {detail}" if detail else "")
        if STAGES.index(stage) > STAGES.index(best.stage):
            best = Diagnosis(stage, detail, (a, b))
    return best


# --- summaries ---------------------------------------------------------------------


def conflict_kind(conflict: Conflict, claims: dict[str, Claim]) -> str:
    kinds = [claims[c].kind for c in conflict.claims if claims[c].attribute != "published"]
    return kinds[0] if kinds else claims[conflict.claims[0]].kind


def summarise(results: list[ClusterResult]) -> dict:
    """Precision, recall and F1 overall, per kind and per rule; traps; claim scores."""
    tp_reported = sum(len(r.matched) for r in results)
    reported = tp_reported + sum(len(r.false_alarms) for r in results)
    found = sum(len(r.found) for r in results)
    gold = found + sum(len(r.missed) for r in results)
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"reported": 0, "correct": 0, "gold": 0, "found": 0})
    by_rule: dict[str, dict[str, int]] = defaultdict(lambda: {"reported": 0, "correct": 0, "found": 0})
    for r in results:
        for conflict, gid in r.matched:
            k = conflict_kind(conflict, r.claims)
            by_kind[k]["reported"] += 1
            by_kind[k]["correct"] += 1
            by_rule[conflict.rule]["reported"] += 1
            by_rule[conflict.rule]["correct"] += 1
        for conflict in r.false_alarms:
            by_kind[conflict_kind(conflict, r.claims)]["reported"] += 1
            by_rule[conflict.rule]["reported"] += 1
        for g in r.found:
            by_kind[g.kind]["gold"] += 1
            by_kind[g.kind]["found"] += 1
        for g in r.missed:
            by_kind[g.kind]["gold"] += 1
        rules_for_gold: dict[str, set[str]] = defaultdict(set)
        for conflict, gid in r.matched:
            rules_for_gold[conflict.rule].add(gid)
        for rule, gids in rules_for_gold.items():
            by_rule[rule]["found"] += len(gids)
    claims_by_kind: dict[str, dict[str, int]] = defaultdict(
        lambda: {"gold": 0, "found": 0, "value_ok": 0, "extracted": 0, "extracted_matching": 0})
    for r in results:
        for row in r.claim_rows:
            k = claims_by_kind[row["kind"]]
            k["gold"] += 1
            k["found"] += row["found"] is not None
            k["value_ok"] += row["value_ok"]
        for c in r.extracted_in_labelled:
            k = claims_by_kind[c.kind]
            k["extracted"] += 1
            k["extracted_matching"] += any(kind == c.kind and doc == c.document and c.start < end and start < c.end
                                           for kind, doc, start, end in r.gold_claim_spans)
    return {
        "precision": _ratio(tp_reported, reported), "recall": _ratio(found, gold), "f1": _f1(tp_reported, reported, found, gold),
        "reported": reported, "correct": tp_reported, "gold": gold, "found": found,
        "by_kind": {k: {**v, "precision": _ratio(v["correct"], v["reported"]), "recall": _ratio(v["found"], v["gold"])}
                    for k, v in sorted(by_kind.items())},
        "by_rule": {k: {**v, "precision": _ratio(v["correct"], v["reported"])} for k, v in sorted(by_rule.items())},
        "missed_by_stage": {stage: n for stage in STAGES
                            if (n := sum(d.stage == stage for r in results for d in r.diagnoses.values()))},
        "traps": sum(r.traps_total for r in results),
        "traps_hit": sorted({f"{r.name}/{t.id}" for r in results for t, _ in r.traps_hit}),
        "claims": {k: {**v, "recall": _ratio(v["found"], v["gold"]), "value_accuracy": _ratio(v["value_ok"], v["found"]),
                       "precision": _ratio(v["extracted_matching"], v["extracted"])}
                   for k, v in sorted(claims_by_kind.items())},
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def _f1(tp_reported: int, reported: int, found: int, gold: int) -> float:
    p, r = _ratio(tp_reported, reported), _ratio(found, gold)
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def describe(conflict: Conflict, claims: dict[str, Claim]) -> list[str]:
    return [f"{claims[c].document}: {claims[c].text!r} = {render(claims[c].value)}" for c in conflict.claims]
