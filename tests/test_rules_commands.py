"""`orgcheck rules` and `orgcheck init`, invoked through click's test runner."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from click.testing import CliRunner

from orgcheck.commands.init_cmd import init
from orgcheck.commands.rules_cmd import rules
from orgcheck.config import load_config
from orgcheck.rules import REGISTRY


def test_rules_lists_the_catalogue() -> None:
    result = CliRunner().invoke(rules, [])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == len(REGISTRY)
    assert lines[7].split()[:3] == ["OC201", "missing-director-layer", "warning"]


def test_rules_shows_one_rule_by_name_or_code() -> None:
    by_name = CliRunner().invoke(rules, ["wide-span"])
    by_code = CliRunner().invoke(rules, ["OC401"])
    assert by_name.exit_code == 0, by_name.output
    assert by_name.output == by_code.output
    for text in ("What it checks", "Why it matters on the ladder", "What to do", "max_span = 12"):
        assert text in by_name.output


def test_rules_json_and_markdown() -> None:
    one = json.loads(CliRunner().invoke(rules, ["layer-skip", "--format", "json"]).output)
    assert one["code"] == "OC202"
    assert {o["name"]: o["default"] for o in one["options"]} == {
        "min_gap": 3,
        "min_manager_rung": 5,
    }
    listing = json.loads(CliRunner().invoke(rules, ["--format", "json"]).output)
    assert [r["code"] for r in listing] == [r.code for r in REGISTRY]
    md = CliRunner().invoke(rules, ["OC203", "--format", "md"]).output
    assert md.startswith("## OC203 `inverted-reporting`")


def test_unknown_rule_is_a_usage_error_with_a_suggestion() -> None:
    result = CliRunner().invoke(rules, ["wide-spam"])
    assert result.exit_code == 2
    assert "wide-span" in result.output


def test_init_writes_a_loadable_file_with_every_default(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(init, [])
    assert result.exit_code == 0, result.output
    written = tmp_path / "orgcheck.toml"
    data = tomllib.loads(written.read_text())
    assert set(data["rules"]) == {r.name for r in REGISTRY}
    cfg = load_config(written)
    for rule in REGISTRY:
        assert cfg.options(rule) == rule.defaults()
    assert "# max_rows = " in written.read_text()


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "orgcheck.toml"
    target.write_text("# mine\n")
    refused = CliRunner().invoke(init, [str(target)])
    assert refused.exit_code == 2
    assert "--force" in refused.output
    assert refused.output.startswith("orgcheck: error: ")  # the prefix of every error
    assert target.read_text() == "# mine\n"
    forced = CliRunner().invoke(init, [str(target), "--force"])
    assert forced.exit_code == 0, forced.output
    assert "[rules.wide-span]" in target.read_text()


def test_init_into_a_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(init, [str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "orgcheck.toml").is_file()


def test_rule_text_shows_where_company_size_is_set() -> None:
    """title-inflation's advice to a client names no flag; its documentation does."""
    result = CliRunner().invoke(rules, ["title-inflation"])
    assert result.exit_code == 0, result.output
    assert "--company-size N" in result.output
    assert "startup_headcount" in result.output
