"""orgcheck's own calls run pandas with Python string storage, and leave the caller's
settings as they were (see orgcheck.pandas_mode)."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pandas as pd
import pytest

import orgcheck.build  # noqa: F401  (imported outside any orgcheck call, as a library user may)
from orgcheck.analysis import analyze
from orgcheck.jsonout import write_json
from orgcheck.pandas_mode import python_strings
from orgcheck.report import render

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "startup_bamboohr.csv"
OPTION = "mode.string_storage"


def test_the_storage_is_python_inside_and_restored_after() -> None:
    seen: list[str] = []

    @python_strings
    def inner(x: int) -> int:
        seen.append(pd.get_option(OPTION))
        return x + 1

    before = pd.get_option(OPTION)
    assert inner(1) == 2
    assert seen == ["python"]
    assert pd.get_option(OPTION) == before


def test_overlapping_calls_stay_pinned_and_restore_the_callers_value() -> None:
    """pandas options are process-wide: the first call to start must not undo the pin
    while a later one still runs, nor the later one restore the pin as the caller's."""
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, list[str]] = {"a": [], "b": []}

    @python_strings
    def a() -> None:
        a_in.set()
        b_in.wait(5)
        seen["a"].append(pd.get_option(OPTION))

    @python_strings
    def b() -> None:
        a_in.wait(5)
        b_in.set()
        a_out.wait(5)  # a has finished: b must still be pinned
        seen["b"].append(pd.get_option(OPTION))

    before = pd.get_option(OPTION)
    tb = threading.Thread(target=b)
    tb.start()
    a()
    a_out.set()
    tb.join(10)
    assert seen == {"a": ["python"], "b": ["python"]}
    assert pd.get_option(OPTION) == before


def test_the_callers_value_comes_back_after_an_error() -> None:
    @python_strings
    def boom() -> None:
        raise ValueError("bad input")

    before = pd.get_option(OPTION)
    with pytest.raises(ValueError):
        boom()
    assert pd.get_option(OPTION) == before


def test_analyze_render_and_json_run_with_python_strings() -> None:
    seen: list[str] = []
    before = pd.get_option(OPTION)
    result = analyze(SAMPLE, progress=lambda stage: seen.append(pd.get_option(OPTION)))
    # "read" is announced before pandas is needed (read.begin parses a workbook's sheets
    # with numpy while pandas is imported); every stage from the table on runs pinned
    assert len(seen) > 1 and set(seen[1:]) == {"python"}
    assert pd.get_option(OPTION) == before
    assert render.__wrapped__ is not None and write_json.__wrapped__ is not None
    assert "<html" in render(result, "html")
    out = io.StringIO()
    write_json(result, out)
    assert '"people"' in out.getvalue()


def test_text_columns_stay_python_strings_when_pyarrow_is_installed() -> None:
    """Where pyarrow is importable (not in CI), its storage must not reach the org:
    copying every text column into Arrow and back cost 1 s and 400 MB at 1M people."""
    pytest.importorskip("pyarrow")
    with pd.option_context(OPTION, "pyarrow"):
        result = analyze(SAMPLE)
        text = [t for t in result.org.people.dtypes if isinstance(t, pd.StringDtype)]
        assert text and {t.storage for t in text} == {"python"}
