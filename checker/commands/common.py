"""What every command shares: exit codes, problem lines and file writing."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import sys
import tempfile
from pathlib import Path

from checker.models import Report
from checker.pipeline import default_jobs
from checker.report.evidence import clean

EXIT_OK, EXIT_CONFLICTS, EXIT_INPUT = 0, 1, 2


def add_speed_options(p: argparse.ArgumentParser, default_cache: str) -> None:
    """--cache, --no-cache and --jobs: where analysed articles are kept, and how many processes analyse."""
    p.add_argument("--cache", type=Path, default=None, metavar="DIR",
                   help=f"claims cache folder: articles analysed before are read from it (default: {default_cache})")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the claims cache")
    p.add_argument("--jobs", type=_positive, default=None, metavar="N",
                   help="processes that analyse articles (default: the number of cores)")


def cache_dir(args: argparse.Namespace, default: Path) -> Path | None:
    """The cache folder asked for; the default one only where it can be made (a `reports` that
    is a file is the report writer's error to name, once, not a cache warning too)."""
    if args.no_cache:
        return None
    if args.cache is not None:
        return args.cache
    existing = next((p for p in (default, *default.parents) if p.exists()), None)
    return default if existing is None or existing.is_dir() else None


def jobs(args: argparse.Namespace) -> int:
    return args.jobs or default_jobs()


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text}")
    return value


class OutputError(Exception):
    """A file that could not be written; the message names it and says why (the CLI prints it, exit 2)."""


def iso_day(text: str) -> dt.date:
    """A YYYY-MM-DD argument as a day, or argparse's usage error."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def print_problems(report: Report) -> None:
    """Input errors and warnings on stderr, one line each, naming the file (and line)."""
    for error in report.errors:
        print(f"claimcheck: {clean(error.render())}", file=sys.stderr)
    for warning in report.warnings:
        print(f"claimcheck: warning: {clean(warning.render())}", file=sys.stderr)


def write(path: Path, text: str | bytes) -> None:
    write_all({path: text})


def write_all(files: dict[Path, str | bytes]) -> None:
    """Write every file or none. Each is written to a temporary file in its own folder and
    all are renamed into place only once every one is complete, so a reader (or a run that
    fails or is killed midway) never leaves a half-written file, and the previous files stay
    intact until the last moment."""
    temps: list[tuple[Path, Path]] = []
    current = next(iter(files), Path("."))
    try:
        for path in files:
            current = path
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
            folder = next((p for p in path.parents if p.exists()), None)
            if folder is not None and not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "is a file, not a folder", str(folder))
        for path, text in files.items():
            current = path
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temps.append((Path(name), path))
            with (os.fdopen(fd, "wb") if isinstance(text, bytes)
                  else os.fdopen(fd, "w", encoding="utf-8", newline="")) as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(name, 0o666 & ~_umask())
        for temp, path in temps:
            current = path
            os.replace(temp, path)
    except BaseException as exc:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(_why(exc, current)) from None
        raise


def _why(exc: OSError, path: Path) -> str:
    """One line: the file, and which folder on its way is the trouble when it is one."""
    what = exc.strerror or str(exc)
    folder = next((p for p in path.parents if exc.filename is not None and str(p) == str(exc.filename)), None)
    return f"cannot write {path}: {folder} {what}" if folder is not None else f"cannot write {path}: {what}"


def _umask() -> int:
    """The process umask (read by setting it, the only way), so reports get the usual permissions."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
