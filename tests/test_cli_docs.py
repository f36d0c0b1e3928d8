"""docs/cli.md is generated from the commands' help and must match the code."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_up_to_date():
    gen = load_generator()
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == gen.render(), "docs/cli.md is stale: run python scripts/gen_cli_docs.py"


def test_every_command_and_option_is_documented():
    from orgcheck.cli import COMMANDS

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"## orgcheck {name}" in text
    for option in (
        "--output",
        "--format",
        "--sheet",
        "--column",
        "--config",
        "--select",
        "--ignore",
        "--company-size",
        "--title-map",
        "--anonymize",
        "--fail-on",
    ):
        assert option in text
