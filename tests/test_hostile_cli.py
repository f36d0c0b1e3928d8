"""Every hostile file, through the real CLI in its own process: one clear message, exit 2,
no traceback, nothing written, the input untouched, bounded time and memory.

Bounds: 30 s and 1 GiB per file (most take well under a second and 100 MiB; the
figures for each file come from ``python scripts/hostile_table.py``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "hostile_table", ROOT / "scripts" / "hostile_table.py"
)
ht = importlib.util.module_from_spec(_spec)
sys.modules["hostile_table"] = ht  # dataclasses look their module up by name
_spec.loader.exec_module(ht)

SECONDS = 30
PEAK_MIB = 1024
# These two are readable after a clean-up the reader reports (NUL bytes removed, ODS
# repeats bounded): they must analyse, not be refused.
READABLE = {"nul_bytes.csv"}


def check_refused(outcome) -> None:
    assert outcome.code == 2, outcome
    assert outcome.message.startswith("orgcheck: error:"), outcome.message
    assert outcome.stderr_lines <= 3, outcome
    assert not outcome.traceback
    assert not outcome.output_left
    assert not outcome.input_changed
    assert outcome.seconds < SECONDS
    assert outcome.peak_mib < PEAK_MIB


@pytest.mark.parametrize("path", sorted(ht.CORPUS.iterdir()), ids=lambda p: p.name)
def test_hostile_file_through_the_cli(path):
    outcome = ht.run_one(path, "--fail-on", "never")
    if path.name in READABLE:
        assert outcome.code == 0, outcome
        assert not outcome.traceback and not outcome.input_changed
        return
    check_refused(outcome)


def test_zip_bomb_through_the_cli(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "mh", ROOT / "tests" / "hostile" / "make_hostile.py"
    )
    mh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mh)
    bomb = mh.make_zip_bomb(tmp_path, inflated_mb=512)
    # under the default 4 GiB limit the unread padding is harmless: analysed, memory bounded
    accepted = ht.run_one(bomb, "--fail-on", "never")
    assert accepted.code == 0 and accepted.peak_mib < PEAK_MIB, accepted
    config = tmp_path / "limits.toml"
    config.write_text("[limits]\nmax_uncompressed_bytes = 100_000_000\n", encoding="utf-8")
    outcome = ht.run_one(bomb, "--config", str(config))
    check_refused(outcome)
    assert "max_uncompressed_bytes" in outcome.message


def test_a_deep_chain_is_analysed_not_refused(tmp_path):
    outcome = ht.run_one(ht.deep_chain(tmp_path, 50_000), "--fail-on", "never")
    assert outcome.code == 0, outcome
    assert not outcome.traceback
