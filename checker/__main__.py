"""`python -m checker` is the `claimcheck` command."""

from checker.cli import main

raise SystemExit(main())
