"""A progress bar on stderr for long runs, drawn only for a person watching a terminal.

The pipeline only calls back `(number, total)`; this module decides whether to draw:
never when stderr is not a TTY, when `CI` is set, with `--quiet`, or for small runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

MIN_DOCUMENTS = 20
WIDTH = 30


def wanted(stream: TextIO, environ: Mapping[str, str], quiet: bool) -> bool:
    """Whether a bar may be drawn at all on this stream in this environment."""
    return not quiet and not environ.get("CI") and stream.isatty()


class ProgressBar:
    """A callback for `run_check(progress=...)`; call `close()` when the run is over."""

    def __init__(self, stream: TextIO, min_documents: int = MIN_DOCUMENTS) -> None:
        self.stream = stream
        self.min_documents = min_documents
        self.drawn = False

    def __call__(self, number: int, total: int) -> None:
        if total <= self.min_documents:
            return
        filled = WIDTH * number // total
        self.stream.write(f"\rclaimcheck [{'#' * filled}{'.' * (WIDTH - filled)}] {number}/{total} articles")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Erase the bar so the report starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn = False
