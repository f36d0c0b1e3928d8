"""Run pandas the same way whether or not pyarrow is installed.

pandas 3 stores a column of text in pyarrow arrays when pyarrow can be imported and as
Python strings otherwise. orgcheck's readers hand over Python strings and its hot paths
work on numpy object arrays, so with pyarrow present pandas copied each text column into
Arrow and back again: the same output, but a 1,000,000-person CSV took 1 s longer and
400 MB more (1.38 GB peak, near the 1.5 GB goal). Many data environments have pyarrow,
so orgcheck pins the Python storage for the duration of its own calls only: a program
that imports orgcheck gets its own pandas setting back once no orgcheck call is running.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")

OPTION = "mode.string_storage"
#: pandas options are process-wide: calls running at once (threads) share one pin, set
#: by the first to start and undone by the last to end, so none runs unpinned and the
#: caller's value is the one restored.
_LOCK = threading.Lock()
_STATE: dict = {"running": 0, "before": None}


def python_strings(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Call ``fn`` with pandas' string storage set to Python objects.

    pandas is imported only when ``fn`` is called, so decorating a function of a module
    that ``orgcheck --help`` imports costs nothing there."""

    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        _pin()
        try:
            return fn(*args, **kwargs)
        finally:
            _unpin()

    return wrapper


def _pin() -> None:
    import pandas as pd

    with _LOCK:
        if _STATE["running"] == 0:
            _STATE["before"] = pd.get_option(OPTION)
            pd.set_option(OPTION, "python")
        _STATE["running"] += 1


def _unpin() -> None:
    import pandas as pd

    with _LOCK:
        _STATE["running"] -= 1
        if _STATE["running"] == 0:
            pd.set_option(OPTION, _STATE["before"])
