"""Shared fixtures: a small org written as a real CSV, and a CLI runner that goes
through ``orgcheck.cli.main`` (the console entry point), so exit codes and the
error path are tested as users meet them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from orgcheck.cli import main
from tests.util import SMALL_ORG, write_csv


@pytest.fixture
def small_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "team.csv", SMALL_ORG)


@pytest.fixture
def run_cli(capsys, monkeypatch, tmp_path) -> Callable[..., tuple[int, str, str]]:
    """Run the console entry point in tmp_path; returns (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as info:
            main([str(a) for a in args])
        out, err = capsys.readouterr()
        return int(info.value.code or 0), out, err

    return run
