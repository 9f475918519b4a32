"""docs/rules.md, generated from the rule files so the documentation cannot drift from them.

Regenerate with `claimcheck docs`; a test fails when the committed file is stale.
"""

from __future__ import annotations

from checker.engine.loader import Example, Rule

HEADER = """# Rules

<!-- Generated from rules/**/*.yaml by `claimcheck docs`; do not edit by hand. -->

Each rule is one YAML file under `rules/<theme>/<name>.yaml`, with id `<theme>.<name>`.
It selects claims of one kind (or several, for a check that compares kinds), groups them,
and compares each group with one check kind.
Its examples are run by the test suite: the ones under "fires" must produce a conflict,
the ones under "stays silent" must not.
"""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _code_list(items: list[str] | None) -> str:
    return ", ".join(f"`{i}`" for i in items) if items else "any"


def _selects(rule: Rule) -> list[str]:
    s = rule.select
    kinds = "` and `".join(sorted(s.kinds))
    lines = [f"- **Selects:** `{kinds}` claims; attributes {_code_list(s.attributes)}"]
    if s.exclude_attributes:
        lines.append(f"  - except attributes {_code_list(s.exclude_attributes)}")
    if s.tense:
        lines.append(f"  - only in tense {_code_list(list(s.tense))}")
    lines.append(f"- **Groups by:** {_code_list(list(rule.group_by))}")
    for names in rule.indicators:
        lines.append(f"  - attributes {_code_list(names)} as one indicator")
    compare = {"across": "across documents only", "within": "within one document only",
               "both": "within and across documents"}[rule.compare]
    lines.append(f"- **Compares:** {compare}" + ("; only claims about the same time" if rule.same_time else ""))
    if rule.tolerance:
        lines.append(f"- **Tolerance:** {rule.tolerance:g} (relative)")
    lines.append(f"- **Message:** `{rule.message}`")
    return lines


def _example(verdict: str, ex: Example) -> list[str]:
    lines = [f"**{verdict}: {_one_line(ex.name)}**: {_one_line(ex.why)}", ""]
    for doc in ex.documents:
        when = f" (published {doc.published})" if doc.published else ""
        lines.append(f"- `{doc.id}`{when}: {_one_line(doc.text)}")
    lines.append("")
    return lines


def render_rules_doc(rules: list[Rule]) -> str:
    """The whole document, rules in id order; the same rules always give the same bytes."""
    ordered = sorted(rules, key=lambda r: r.id)
    out = [HEADER, "| id | title | severity | check kind |", "|---|---|---|---|"]
    out += [f"| [`{r.id}`](#{r.id.replace('.', '')}) | {r.title} | {r.severity} | `{r.extends}` |" for r in ordered]
    out.append("")
    for rule in ordered:
        out += [f"## {rule.id}", "", f"**{rule.title}**", "",
                f"- **Severity:** {rule.severity}", f"- **Check kind:** `{rule.extends}`"]
        out += _selects(rule)
        out += ["", _one_line(rule.rationale), "", "### Examples", ""]
        for ex in rule.examples.fire:
            out += _example("Fires", ex)
        for ex in rule.examples.silent:
            out += _example("Stays silent", ex)
    return "\n".join(out).rstrip() + "\n"
