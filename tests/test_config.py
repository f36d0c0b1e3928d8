"""Configuration: discovery, validation, select/ignore, thresholds, severities, fail_on."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from orgcheck.config import Config, config_from_dict, default_toml, exit_code, load_config
from orgcheck.errors import UsageError
from orgcheck.metrics import compute_metrics
from orgcheck.model import Finding
from orgcheck.rules import REGISTRY, get_rule, run_rules
from tests.rule_cases import build

VP_WITH_PMS = """
ceo: CEO
  vp: VP of Product
    pm*7: Product Manager
"""


def enabled(cfg: Config) -> set[str]:
    return {r.code for r in REGISTRY if cfg.rule_enabled(r)}


# --- discovery -------------------------------------------------------------------------


def test_defaults_without_any_file(tmp_path: Path) -> None:
    cfg = load_config(start=tmp_path)
    assert cfg.path is None
    assert enabled(cfg) == {r.code for r in REGISTRY}
    assert cfg.fail_on == "error"


def test_orgcheck_toml_found_upward(tmp_path: Path) -> None:
    (tmp_path / "orgcheck.toml").write_text('fail_on = "warning"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    cfg = load_config(start=deep)
    assert cfg.fail_on == "warning"
    assert cfg.path == str(tmp_path / "orgcheck.toml")


def test_pyproject_table_used_and_plain_pyproject_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.orgcheck]\nignore = ["OC4"]\n')
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')  # no [tool.orgcheck]
    cfg = load_config(start=inner)
    assert cfg.path == str(tmp_path / "pyproject.toml")
    assert "OC401" not in enabled(cfg)


def test_orgcheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.orgcheck]\nfail_on = "info"\n')
    (tmp_path / "orgcheck.toml").write_text('fail_on = "never"\n')
    assert load_config(start=tmp_path).fail_on == "never"


def test_explicit_path(tmp_path: Path) -> None:
    file = tmp_path / "custom.toml"
    file.write_text("startup_headcount = 80\n")
    assert load_config(file).startup_headcount == 80
    with pytest.raises(UsageError, match="not found"):
        load_config(tmp_path / "missing.toml")


# --- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("selct = []", "selct"),
        ('select = ["no-such-rule"]', "select"),
        ('ignore = ["XX1"]', "ignore"),
        ('fail_on = "sometimes"', "fail_on"),
        ("company_size = 0", "company_size"),
        ("startup_headcount = true", "startup_headcount"),
        ("[rules.wide-spam]\nmax_span = 3", "rules.wide-spam"),
        ("[rules.wide-span]\nmax_spam = 3", "rules.wide-span.max_spam"),
        ('[rules.wide-span]\nmax_span = "twelve"', "rules.wide-span.max_span"),
        ("[rules.wide-span]\nmax_span = 0", "rules.wide-span.max_span"),
        ('[rules.wide-span]\nscope = "everyone"', "rules.wide-span.scope"),
        ('[rules.wide-span]\nseverity = "fatal"', "rules.wide-span.severity"),
        ("[limits]\nmax_rows = -1", "limits.max_rows"),
        ("[rules.ladder-gap]\nrungs = [2, 7]", "rules.ladder-gap.rungs"),
        ("[rules.ladder-gap]\nrungs = 3", "rules.ladder-gap.rungs"),
        ("title_map = 3", "title_map"),
    ],
)
def test_bad_values_name_the_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    file = tmp_path / "orgcheck.toml"
    file.write_text(text + "\n")
    with pytest.raises(UsageError) as info:
        load_config(file)
    assert key in str(info.value)
    assert str(file) in str(info.value)


def test_pyproject_keys_are_named_with_their_table(tmp_path: Path) -> None:
    file = tmp_path / "pyproject.toml"
    file.write_text('[tool.orgcheck]\nfail_om = "error"\n')
    with pytest.raises(UsageError, match=r"tool\.orgcheck\.fail_om"):
        load_config(file)


def test_invalid_toml(tmp_path: Path) -> None:
    file = tmp_path / "orgcheck.toml"
    file.write_text("select = [\n")
    with pytest.raises(UsageError, match="not valid TOML"):
        load_config(file)


def test_title_map_is_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "orgcheck.toml").write_text('title_map = "titles.csv"\n')
    assert load_config(start=tmp_path).title_map == str(tmp_path / "titles.csv")


def test_limits_table_reaches_the_reader(tmp_path: Path) -> None:
    (tmp_path / "orgcheck.toml").write_text("[limits]\nmax_rows = 1000\n")
    limits = load_config(start=tmp_path).limits
    value = limits["max_rows"] if isinstance(limits, dict) else limits.max_rows
    assert value == 1000


# --- select / ignore -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("select", "ignore", "on", "off"),
    [
        ([], ["OC4"], {"OC201", "OC503"}, {"OC401", "OC402", "OC403"}),
        (["OC2"], [], {"OC201", "OC205"}, {"OC101", "OC401"}),
        (["OC4"], ["OC40"], set(), {"OC401"}),
        ([], ["OC4"], set(), {"OC401"}),
        (["wide-span"], ["OC4"], {"OC401"}, {"OC402"}),  # a name beats a prefix
        (["OC40"], ["OC4"], {"OC401", "OC403"}, set()),  # a longer prefix beats a shorter
        (["OC401"], ["wide-span"], set(), {"OC401"}),  # a tie goes to ignore
        (["ALL"], ["narrow-span"], {"OC401"}, {"OC402"}),
    ],
)
def test_most_specific_selector_wins(select, ignore, on, off) -> None:
    cfg = config_from_dict({"select": select, "ignore": ignore})
    got = enabled(cfg)
    assert on <= got
    assert not off & got


def test_cli_select_replaces_and_ignore_adds() -> None:
    cfg = config_from_dict({"select": ["OC2", "OC4"], "ignore": ["narrow-span"]})
    cli = cfg.with_overrides(select="OC4", ignore=["deep-hierarchy"])
    assert enabled(cli) == {"OC401"}
    assert cfg.with_overrides() is cfg
    assert enabled(cfg.with_overrides(select=[], ignore=[])) == enabled(cfg)


def test_cli_selectors_are_checked() -> None:
    with pytest.raises(UsageError, match="--select"):
        Config().with_overrides(select=["OC9"])


def test_select_and_ignore_apply_to_builder_findings() -> None:
    org = build(VP_WITH_PMS)
    org.data_findings += [
        Finding(
            "unknown-manager", "OC000", "warning", "row 9: manager 'x' matches nobody", ("pm1",)
        ),
        # The builder's deliberate milder variant (a dotted line) keeps its severity.
        Finding("unknown-manager", "OC000", "info", "row 9: dotted-line manager 'y'", ("pm2",)),
    ]
    kept = [f for f in run_rules(org, None, Config()) if f.rule == "unknown-manager"]
    assert [(f.code, f.severity) for f in kept] == [("OC101", "warning"), ("OC101", "info")]
    ignored = run_rules(org, None, config_from_dict({"ignore": ["OC1"]}))
    assert not any(f.rule == "unknown-manager" for f in ignored)
    forced = run_rules(org, None, config_from_dict({"rules": {"OC101": {"severity": "info"}}}))
    assert {f.severity for f in forced if f.rule == "unknown-manager"} == {"info"}


# --- thresholds and severities ---------------------------------------------------------


def test_thresholds_from_config_change_the_verdict() -> None:
    org = build(VP_WITH_PMS)
    default = run_rules(org, None, Config())
    assert any(f.rule == "missing-director-layer" for f in default)
    relaxed = config_from_dict({"rules": {"missing-director-layer": {"min_direct": 8}}})
    assert relaxed.options("missing-director-layer") == {"min_direct": 8, "min_org": 8}
    findings = run_rules(org, compute_metrics(org, relaxed), relaxed)
    assert not any(f.rule == "missing-director-layer" for f in findings)
    # With the Director layer no longer flagged, the layer skips show instead.
    assert any(f.rule == "layer-skip" for f in findings)


def test_severity_from_config() -> None:
    org = build(VP_WITH_PMS)
    cfg = config_from_dict({"rules": {"missing-director-layer": {"severity": "error"}}})
    findings = run_rules(org, None, cfg)
    assert {f.severity for f in findings if f.rule == "missing-director-layer"} == {"error"}
    assert cfg.severity("missing-director-layer") == "error"
    assert cfg.severity(get_rule("OC401")) == "warning"


def test_company_size_from_config_is_reported_with_its_source(tmp_path: Path) -> None:
    file = tmp_path / "orgcheck.toml"
    file.write_text("company_size = 900\n")
    cfg = load_config(file)
    metrics = compute_metrics(build(VP_WITH_PMS), cfg)
    assert metrics.company_size == 900
    assert str(file) in metrics.company_size_reason
    over = compute_metrics(build(VP_WITH_PMS), cfg.with_overrides(company_size=40))
    assert over.company_size == 40
    assert "--company-size" in over.company_size_reason


# --- fail_on ---------------------------------------------------------------------------


def _f(severity: str) -> Finding:
    return Finding("wide-span", "OC401", severity, "m")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("severities", "fail_on", "code"),
    [
        ([], "error", 0),
        (["warning", "info"], "error", 0),
        (["warning", "error"], "error", 1),
        (["warning"], "warning", 1),
        (["info"], "warning", 0),
        (["info"], "info", 1),
        (["error"], "never", 0),
    ],
)
def test_exit_code(severities: list[str], fail_on: str, code: int) -> None:
    assert exit_code([_f(s) for s in severities], fail_on) == code


def test_exit_code_rejects_unknown_threshold() -> None:
    with pytest.raises(UsageError):
        exit_code([], "sometimes")


# --- the generated default file ------------------------------------------------------------


def test_default_toml_loads_back_to_the_defaults() -> None:
    data = tomllib.loads(default_toml({"max_rows": 5}))
    cfg = config_from_dict(data)
    plain = Config()
    for rule in REGISTRY:
        assert cfg.options(rule) == plain.options(rule) == rule.defaults()
        assert cfg.rule_enabled(rule)
        assert cfg.severity_override(rule) is None  # per-finding severities stay possible
    assert cfg.fail_on == plain.fail_on
    assert cfg.startup_headcount == plain.startup_headcount


def test_default_toml_documents_every_option() -> None:
    text = default_toml()
    for rule in REGISTRY:
        assert f"[rules.{rule.name}]" in text
        for opt in rule.options:
            assert f"# {opt.doc}" in text
            assert f"\n{opt.name} = " in text
