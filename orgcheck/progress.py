"""A one-line progress indicator on stderr for long runs, naming the current stage.

Most files are analysed in well under a second, and then any progress output is
noise; a 1,000,000-person workbook takes several seconds, and a silent terminal for
that long looks like a hang. So the line appears only when stderr is a terminal and
the run has already taken ``delay`` seconds, is redrawn in place with the elapsed
time, and is wiped on ``close()`` so the summary that follows starts on a clean line.
Pipes, files and CI logs never see it.

Use it as the ``progress`` callback of ``orgcheck.analysis.analyze``::

    with Progress() as progress:
        result = analyze(path, progress=progress)
"""

from __future__ import annotations

import sys
import threading
import time
from typing import IO

#: Stage names the pipeline reports -> what the user reads.
STAGE_LABELS: dict[str, str] = {
    "read": "reading the file",
    "columns": "detecting columns",
    "tree": "building the org tree",
    "classify": "classifying titles",
    "metrics": "computing metrics",
    "rules": "running rules",
    "render": "rendering the report",
    "write": "writing the report",
}


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or file-like without isatty
        return False


class Progress:
    """Callable progress reporter: ``progress(stage)`` on each stage, ``close()`` at the end."""

    def __init__(
        self,
        stream: IO[str] | None = None,
        *,
        delay: float = 1.0,
        interval: float = 0.25,
        prefix: str = "orgcheck",
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.interval = interval
        self.prefix = prefix
        self.enabled = _is_terminal(self.stream)
        self.shown = False  # True once the line has been drawn
        self._stage: str | None = None
        self._start: float | None = None
        self._width = 0
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self, stage: str) -> None:
        if not self.enabled or self._done.is_set():
            return
        with self._lock:
            self._stage = stage
            if self._start is None:
                self._start = time.monotonic()
                if self.delay <= 0:
                    self.shown = True
                else:
                    self._thread = threading.Thread(target=self._tick, daemon=True)
                    self._thread.start()
            if self.shown:
                self._draw()

    def _tick(self) -> None:
        """Wait out the delay, then redraw every ``interval`` until closed."""
        if self._done.wait(self.delay):
            return
        while True:
            with self._lock:
                if self._done.is_set():
                    return
                self.shown = True
                self._draw()
            if self._done.wait(self.interval):
                return

    def _draw(self) -> None:
        stage = self._stage or ""
        elapsed = time.monotonic() - (self._start or time.monotonic())
        text = f"{self.prefix}: {STAGE_LABELS.get(stage, stage)}... {elapsed:.1f} s"
        pad = " " * max(0, self._width - len(text))
        self._width = len(text)
        self.stream.write(f"\r{text}{pad}")
        self.stream.flush()

    def close(self) -> None:
        """Stop redrawing and wipe the line, if one was drawn; safe to call twice."""
        if not self.enabled:
            return
        self._done.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        with self._lock:
            if self.shown and self._width:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()
                self._width = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
