"""The registry itself: fixed codes, names, documentation sections, options."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from orgcheck.rules import BY_CODE, REGISTRY, SECTIONS, get_rule
from orgcheck.rules.base import SEVERITY_CHOICES

CODES = {
    "OC101": "unknown-manager",
    "OC102": "ambiguous-manager",
    "OC103": "reporting-cycle",
    "OC104": "duplicate-person",
    "OC105": "multiple-roots",
    "OC106": "missing-title",
    "OC107": "unmapped-title",
    "OC201": "missing-director-layer",
    "OC202": "layer-skip",
    "OC203": "inverted-reporting",
    "OC204": "ladder-gap",
    "OC205": "no-successor",
    "OC301": "title-inflation",
    "OC302": "leader-without-team",
    "OC401": "wide-span",
    "OC402": "narrow-span",
    "OC403": "deep-hierarchy",
    "OC501": "no-product-leader",
    "OC502": "product-reports-outside-product",
    "OC503": "pm-engineer-ratio",
}


def test_codes_and_names_are_the_agreed_ones() -> None:
    assert {code: rule.name for code, rule in BY_CODE.items()} == CODES
    assert [r.code for r in REGISTRY] == sorted(CODES)


@pytest.mark.parametrize("rule", REGISTRY, ids=[r.name for r in REGISTRY])
def test_rule_is_fully_described(rule) -> None:
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.severity in SEVERITY_CHOICES
    assert rule.summary().endswith(".")
    sections = rule.sections()
    assert list(sections) == list(SECTIONS), f"{rule.name}: sections {list(sections)}"
    assert all(len(text) > 30 for text in sections.values())
    for opt in rule.options:
        assert re.fullmatch(r"[a-z_]+", opt.name)
        assert opt.doc.endswith(".") or opt.doc.endswith(")")
        assert opt.validate(opt.default) == opt.default
    for other in rule.defers_to:
        assert get_rule(other) is not None


@pytest.mark.parametrize("rule", [r for r in REGISTRY if r.messages], ids=lambda r: r.name)
def test_messages_use_only_known_fields(rule) -> None:
    """Templates are format strings; their fields must be plain names."""
    for template in [*rule.messages.values(), *rule.suggestions.values()]:
        for field in re.findall(r"{([^{}]*)}", template):
            assert re.fullmatch(r"[a-z_]+(:[^{}]*)?", field), (rule.name, template)


def test_lookup_by_name_or_code() -> None:
    assert get_rule("wide-span") is get_rule("OC401") is get_rule("oc401")
    assert get_rule("nope") is None


def test_registry_loads_without_pandas() -> None:
    code = (
        "import sys, orgcheck.rules, orgcheck.rules.docs, orgcheck.config, "
        "orgcheck.commands.rules_cmd, orgcheck.commands.init_cmd; "
        "print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_function_names_match_the_model() -> None:
    from orgcheck.model import FUNCTIONS
    from orgcheck.rules._arrays import FUNCTION_NAMES

    assert FUNCTION_NAMES == FUNCTIONS


ORG_SHAPE_RULES = [r for r in REGISTRY if not r.code.startswith("OC1")]


@pytest.mark.parametrize("rule", ORG_SHAPE_RULES, ids=lambda r: r.name)
def test_client_facing_text_has_no_tool_syntax(rule) -> None:
    """The report shows "why it matters", "what to do" and suggestions to a client's
    leadership: no option names in code markup, no command-line flags, no settings
    written as ``name = value`` (those belong in the rule reference's Options).

    Data-quality rules (OC1xx) are left out: their fix is made in the file or in
    orgcheck's own settings by whoever runs it, so naming the option is the advice.
    """
    sections = rule.sections()
    texts = [
        sections["Why it matters on the ladder"],
        sections["What to do"],
        *rule.suggestions.values(),
    ]
    for text in texts:
        assert "``" not in text and "--" not in text, (rule.name, text)
        assert not re.search(r"\b[a-z_]+ = \S", text), (rule.name, text)
