"""The rule registry and the runner that turns an org into findings.

Every rule is an instance of a ``Rule`` subclass (``orgcheck.rules.base``), one module
per family. ``REGISTRY`` is in code order; ``get_rule`` finds a rule by name or code;
``run_rules`` applies the configuration (select/ignore, options, severities) and keeps
one finding per cause (see ``Rule.defers_to``).

Importing this package loads numpy but not pandas, so the ``rules`` and ``init``
commands start fast.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from orgcheck.rules import data_quality, inflation, ladder, reporting, spans
from orgcheck.rules.base import MAX_FINDINGS, MAX_PEOPLE, SECTIONS, Option, Rule

if TYPE_CHECKING:
    from orgcheck.model import Finding, Org

REGISTRY: tuple[Rule, ...] = tuple(
    sorted(
        (
            *data_quality.RULES,
            *ladder.RULES,
            *inflation.RULES,
            *spans.RULES,
            *reporting.RULES,
        ),
        key=lambda r: r.code,
    )
)
BY_NAME: dict[str, Rule] = {r.name: r for r in REGISTRY}
BY_CODE: dict[str, Rule] = {r.code: r for r in REGISTRY}


def get_rule(key: str) -> Rule | None:
    """The rule called ``key`` (a name like ``wide-span`` or a code like ``OC401``)."""
    key = key.strip()
    return BY_NAME.get(key.lower()) or BY_CODE.get(key.upper())


def run_rules(org: Org, metrics: Any = None, cfg: Any = None) -> list[Finding]:
    """All enabled rules' findings for ``org``, in code order, configured by ``cfg``.

    Builder-made data-quality findings (``org.data_findings``) get their code and
    severity from the registry and configuration here, and obey select/ignore like the
    rest. A rule's per-finding severity (e.g. same-rung reporting as info) stands
    unless the configuration sets that rule's severity explicitly.
    """
    from orgcheck.config import Config
    from orgcheck.metrics import compute_metrics

    cfg = cfg if cfg is not None else Config()
    metrics = metrics if metrics is not None else compute_metrics(org, cfg)
    found: dict[str, list[Finding]] = {}
    has_tree = org.source.manager_key is not None
    for rule in REGISTRY:
        if not cfg.rule_enabled(rule) or (rule.needs_tree and not has_tree):
            continue
        if rule.from_builder:
            raw = [f for f in org.data_findings if f.rule == rule.name]
        else:
            raw = list(rule.check(org, metrics, cfg.options(rule)))
        forced = cfg.severity_override(rule)
        found[rule.name] = [
            dataclasses.replace(f, code=rule.code, severity=forced or _severity(rule, f))
            for f in raw
        ]
    out: list[Finding] = []
    explained: dict[str, set[str]] = {}
    for rule in REGISTRY:
        named: set[str] = set()
        for other in rule.defers_to:
            if other not in explained and found.get(other):
                explained[other] = BY_NAME[other].explains(found[other], org, metrics)
            named |= explained.get(other, set())
        out.extend(rule.settle(found.get(rule.name, []), named))
    known = set(BY_NAME)
    out.extend(f for f in org.data_findings if f.rule not in known)
    return out


def skipped_without_tree(org: Org, cfg: Any = None) -> list[Rule]:
    """Enabled rules that could not run because the file has no manager column."""
    from orgcheck.config import Config

    cfg = cfg if cfg is not None else Config()
    if org.source.manager_key is not None:
        return []
    return [r for r in REGISTRY if r.needs_tree and cfg.rule_enabled(r)]


def _severity(rule: Rule, finding: Finding) -> str:
    """The registry's default, unless the finding chose its own severity on purpose.

    A rule's own findings keep theirs (``check`` stamps the default or a deliberate
    variant). A builder finding keeps its severity only where it differs from the
    builder's default for that rule (e.g. a dotted-line reference that matches
    nobody is info): the registry's default replaces the builder's placeholder.
    """
    if not rule.from_builder:
        return finding.severity
    try:
        from orgcheck.quality import RULES as BUILDER_DEFAULTS
    except ImportError:  # a builder without its own table of defaults
        return rule.severity
    builder_default = BUILDER_DEFAULTS.get(rule.name, (None, None))[1]
    return rule.severity if finding.severity == builder_default else finding.severity


__all__ = [
    "BY_CODE",
    "BY_NAME",
    "MAX_FINDINGS",
    "MAX_PEOPLE",
    "REGISTRY",
    "SECTIONS",
    "Option",
    "Rule",
    "get_rule",
    "run_rules",
]
