"""The progress line shows only on a terminal, only after the delay, and cleans up after itself."""

from __future__ import annotations

import io
import time

import pytest

from orgcheck.progress import STAGE_LABELS, Progress


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress(stream, delay=0)
    progress("read")
    progress("tree")
    progress.close()
    assert stream.getvalue() == ""
    assert not progress.enabled


def test_silent_when_the_run_ends_before_the_delay() -> None:
    stream = FakeTTY()
    with Progress(stream, delay=30) as progress:
        progress("read")
        progress("classify")
    assert stream.getvalue() == ""
    assert not progress.shown


def test_names_each_stage_and_wipes_the_line_on_close() -> None:
    stream = FakeTTY()
    progress = Progress(stream, delay=0)
    progress("read")
    progress("classify")
    assert STAGE_LABELS["read"] in stream.getvalue()
    assert stream.getvalue().rsplit("\r", 1)[-1].startswith(f"orgcheck: {STAGE_LABELS['classify']}")
    progress.close()
    last = stream.getvalue().rsplit("\r", 2)
    assert last[-1] == "" and last[-2].strip() == "", "close() must leave a blank line"
    assert "\n" not in stream.getvalue(), "the line is redrawn in place, never scrolled"


def test_appears_by_itself_once_the_delay_has_passed() -> None:
    stream = FakeTTY()
    progress = Progress(stream, delay=0.05, interval=0.02)
    progress("read")  # a long read: no further calls while it runs
    deadline = time.monotonic() + 5
    while not progress.shown and time.monotonic() < deadline:
        time.sleep(0.01)
    progress.close()
    assert progress.shown
    assert STAGE_LABELS["read"] in stream.getvalue()


@pytest.mark.parametrize("stage", ["render", "a stage nobody named"])
def test_unknown_stages_are_shown_as_given(stage: str) -> None:
    stream = FakeTTY()
    with Progress(stream, delay=0) as progress:
        progress(stage)
    assert STAGE_LABELS.get(stage, stage) in stream.getvalue()


def test_close_twice_and_calls_after_close_are_harmless() -> None:
    stream = FakeTTY()
    progress = Progress(stream, delay=0)
    progress("read")
    progress.close()
    written = stream.getvalue()
    progress.close()
    progress("rules")
    assert stream.getvalue() == written
