"""docs/rules.md is generated from the registry and must not go stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from orgcheck.rules import REGISTRY
from orgcheck.rules.docs import catalogue_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_docs_rules_md_is_current() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == catalogue_markdown(), (
        "docs/rules.md is stale: run python scripts/gen_rule_docs.py"
    )


def test_generator_check_mode_agrees() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_rule_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_rule_and_option_is_documented() -> None:
    text = catalogue_markdown()
    for rule in REGISTRY:
        assert f"### {rule.code} `{rule.name}`" in text
        for opt in rule.options:
            assert f"| `{opt.name}` |" in text
