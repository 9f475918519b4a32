"""`claimcheck serve`: a local page where editors review drafts against the corpus.

The page's date field starts at the day the server was started: read here, once, and
handed to the server, so the checking code never reads the clock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from checker.commands.common import EXIT_INPUT, EXIT_OK, add_speed_options, cache_dir, jobs
from checker.report.evidence import clean
from checker.review import Reviewer
from checker.server import ReviewServer
from checker.ruleset import RuleSet


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve a local page for reviewing drafts against the corpus")
    p.add_argument("--corpus", type=Path, nargs="+", default=None,
                   help="published articles to check against (default: `paths` in the configuration, else seeds/)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8765, help="port to listen on (default: 8765)")
    add_speed_options(p, "reports/.cache, as `check` writes it")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, rules: RuleSet) -> int:
    reviewer = Reviewer.load(args.corpus or list(args.config.paths), rules, args.config.selection.files,
                             cache_dir=cache_dir(args, Path("reports") / ".cache"), jobs=jobs(args))
    for error in reviewer.errors:
        print(f"claimcheck: {clean(error.render())}", file=sys.stderr)
    for warning in reviewer.warnings:
        print(f"claimcheck: warning: {clean(warning.render())}", file=sys.stderr)
    if reviewer.unusable:
        print("claimcheck: not serving: drafts cannot be reviewed against this corpus", file=sys.stderr)
        return EXIT_INPUT
    try:
        server = ReviewServer((args.host, args.port), reviewer, default_day=dt.date.today())
    except OSError as exc:
        print(f"claimcheck: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT
    host, port = server.server_address[:2]
    print(f"claimcheck: reviewing drafts against {len(reviewer.documents)} articles at http://{host}:{port}/ "
          "(Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK
