"""`claimcheck review DRAFT --corpus DIR`: check a draft against the published corpus before it goes out."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from checker.commands.check import add_fail_level, exit_code
from checker.commands.common import EXIT_INPUT, add_speed_options, cache_dir, iso_day, jobs, print_problems, write
from checker.documents import read_document
from checker.models import InputError
from checker.report import review_html, review_text
from checker.review import review
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="check a draft against the published corpus")
    p.add_argument("draft", type=Path, help="the draft article (.txt or .md)")
    p.add_argument("--corpus", type=Path, nargs="+", default=None,
                   help="published articles to check against (default: `paths` in the configuration, else seeds/)")
    p.add_argument("--format", choices=["text", "html"], default="text", help="output format (default: text)")
    p.add_argument("--output", type=Path, help="write the review here instead of to standard output")
    p.add_argument("--published", type=iso_day, default=None,
                   help="the draft's publication date, YYYY-MM-DD, used when it states none "
                        "(the review page's date field; default: none)")
    add_speed_options(p, "reports/.cache, as `check` writes it")
    add_fail_level(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules: RuleSet) -> int:
    draft = read_document(args.draft)
    if isinstance(draft, InputError):
        print(f"claimcheck: {draft.render()}", file=sys.stderr)
        return EXIT_INPUT
    corpus = args.corpus or list(args.config.paths)
    result = review(draft.text, draft.id, corpus, rules, draft_path=draft.path, walk=args.config.selection.files,
                    cache_dir=cache_dir(args, Path("reports") / ".cache"), jobs=jobs(args), published=args.published)
    print_problems(result.report)
    if args.format == "html":
        rendered = review_html.render(result)
    else:
        rendered = review_text.render(result, color=args.output is None and _wants_color())
    if args.output:
        write(args.output, rendered)
    else:
        sys.stdout.write(rendered)
    return exit_code(result.report, level=args.fail_level or args.config.fail_level)


def _wants_color() -> bool:
    """Colour only for a person at a terminal, and never when NO_COLOR is set."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")
